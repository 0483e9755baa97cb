//! The WebAssembly bindings: `summarize(article, options)` for JavaScript, taking and
//! returning plain objects with the same fields as the native types (`snake_case`).
//! No logic lives here.

use crate::contract::error_code::{BAD_ARGUMENT, INTERNAL};
use crate::{Article, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Summarises `article` (`{text?, paragraphs?, title?, lang?, published?}`) with `options`
/// (`{sentences?, ratio?, key_facts?, keywords?}`, may be `undefined`) and returns the
/// `Summary` as a plain object.
///
/// # Errors
/// Throws a JS `Error` whose `message` is the core's message and whose `name` is the error
/// code (`"empty_input"`, `"nothing_to_summarize"`, `"too_large"`, or `"bad_argument"` when
/// the arguments are not of that shape).
#[wasm_bindgen]
pub fn summarize(article: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let article = read_article(&article)?;
    let options = read_options(&options)?;
    let summary = crate::summarize(&article, &options).map_err(|e| error(e.code(), &e.to_string()))?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    summary.serialize(&serializer).map_err(|e| error(INTERNAL, &e.to_string()))
}

// The arguments are read field by field with `js_sys::Reflect` rather than deserialised with
// `serde_wasm_bindgen::from_value::<Article>` (as they were until the wasm build was shrunk,
// commit c3b0c03): serde's derived `Deserialize` for `Article` and `Options`, monomorphised over
// serde-wasm-bindgen's deserializer, adds visitor and error-formatting code to a module that is
// over its size budget (benches/size.mjs), for four strings and four numbers. Reading by hand
// also fixes the JavaScript-facing rules in one visible place: `undefined` and `null` both mean
// "absent", unknown fields are ignored, counts take any number (not finite or not positive:
// 0; above 1e9: 1e9) instead of failing on a float or a negative, and every refusal is an
// `Error` named `bad_argument` (the contract's code) that names the field. Only the result goes
// through serde (`Serializer::json_compatible`), which the native JSON output shares.
fn field(obj: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    js_sys::Reflect::get(obj, &JsValue::from_str(name)).map_err(|_| error(BAD_ARGUMENT, &format!("cannot read {name}")))
}

fn opt_string(obj: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    let v = field(obj, name)?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| error(BAD_ARGUMENT, &format!("{name} must be a string")))
}

fn opt_number(obj: &JsValue, name: &str) -> Result<Option<f64>, JsValue> {
    let v = field(obj, name)?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_f64().map(Some).ok_or_else(|| error(BAD_ARGUMENT, &format!("{name} must be a number")))
}

fn read_article(v: &JsValue) -> Result<Article, JsValue> {
    if !v.is_object() {
        return Err(error(BAD_ARGUMENT, "article must be an object"));
    }
    let paragraphs = field(v, "paragraphs")?;
    let paragraphs = if paragraphs.is_undefined() || paragraphs.is_null() {
        None
    } else {
        let arr: &js_sys::Array =
            paragraphs.dyn_ref().ok_or_else(|| error(BAD_ARGUMENT, "paragraphs must be an array of strings"))?;
        let mut out = Vec::with_capacity(arr.length() as usize);
        for p in arr.iter() {
            out.push(p.as_string().ok_or_else(|| error(BAD_ARGUMENT, "paragraphs must be an array of strings"))?);
        }
        Some(out)
    };
    Ok(Article {
        text: opt_string(v, "text")?,
        paragraphs,
        title: opt_string(v, "title")?,
        lang: opt_string(v, "lang")?,
        published: opt_string(v, "published")?,
        full_length: opt_number(v, "full_length")?.filter(|n| n.is_finite() && *n > 0.0).map(|n| n.min(1e15) as usize),
    })
}

fn read_options(v: &JsValue) -> Result<Options, JsValue> {
    let mut o = Options::default();
    if v.is_undefined() || v.is_null() {
        return Ok(o);
    }
    let count = |name: &str| -> Result<Option<usize>, JsValue> {
        Ok(opt_number(v, name)?.map(|n| if n.is_finite() && n > 0.0 { n.min(1e9) as usize } else { 0 }))
    };
    o.sentences = count("sentences")?;
    o.ratio = opt_number(v, "ratio")?;
    if let Some(n) = count("key_facts")? {
        o.key_facts = n;
    }
    if let Some(n) = count("keywords")? {
        o.keywords = n;
    }
    Ok(o)
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
