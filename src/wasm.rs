//! The WebAssembly bindings: `summarize(article, options)` for JavaScript, taking and
//! returning plain objects with the same fields as the native types (`snake_case`).
//! No logic lives here.

use crate::{Article, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Summarises `article` (`{text?, paragraphs?, title?, lang?}`) with `options`
/// (`{sentences?, ratio?, key_facts?, keywords?}`, may be `undefined`) and returns the
/// `Summary` as a plain object.
///
/// # Errors
/// Throws a JS `Error` whose `message` is the core's message and whose `name` is the error
/// code (`"empty_input"`, `"nothing_to_summarize"`, `"too_large"`, or `"bad_argument"` when
/// the arguments are not of that shape).
#[wasm_bindgen]
pub fn summarize(article: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let article: Article =
        serde_wasm_bindgen::from_value(article).map_err(|e| error("bad_argument", &format!("article: {e}")))?;
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| error("bad_argument", &format!("options: {e}")))?
    };
    let summary = crate::summarize(&article, &options).map_err(|e| error(e.code(), &e.to_string()))?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    summary.serialize(&serializer).map_err(|e| error("internal", &e.to_string()))
}

/// The crate version, for the extension's about box.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn error(code: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    e.set_name(code);
    e.into()
}
