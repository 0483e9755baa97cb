//! The contract between the core and the JavaScript around it (the extension's service worker
//! and content scripts, the demo page): the message the content script sends, the error codes,
//! the limits and the order in which fact kinds are shown. This module is the one place they
//! are written down.
//!
//! The JavaScript side does not copy them by hand: [`js_module`] writes them as a small script,
//! committed as `extension/lib/contract.js` (`scripts/build.sh` copies it into `www/lib/` for
//! the demo page). Why a committed file rather than one written at build time: the extension's
//! JavaScript stays readable, lintable and testable from a checkout without running Rust,
//! `scripts/build.sh` (which only cross-compiles to wasm) needs no native helper binary, and a
//! build script may only write into Cargo's `OUT_DIR`, not into `extension/`. What keeps the
//! copy honest is `tests/contract.rs`: it fails when the committed file differs from
//! [`js_module`]'s text, and rewrites it when run with `ABRIDGE_BLESS=1`:
//!
//! ```text
//! ABRIDGE_BLESS=1 cargo test --test contract
//! ```
//!
//! `tests/node/contract.test.mjs` then checks the module against what the wasm build does
//! (the codes its errors carry, the size it refuses, the order of fact kinds).
//!
//! The generated file is a classic script that adds `contract` to the `AbridgeLib` namespace
//! (as the content scripts do), because content scripts are injected as classic scripts; the
//! service worker's modules and the demo page import it for that effect.

use crate::FactKind;

/// The `type` of the one message the content script sends the service worker: "summarise
/// this article" (`{type, article, options}`).
pub const SUMMARIZE_MESSAGE: &str = "abridge:summarize";

/// Error codes: [`Error::code`](crate::Error::code) for the core's errors, the `name` of the
/// `Error` the wasm binding throws, and `error.code` in the service worker's replies.
pub mod error_code {
    /// The input is empty or only white space ([`ErrorKind::EmptyInput`](crate::ErrorKind::EmptyInput)).
    pub const EMPTY_INPUT: &str = "empty_input";
    /// Cleaning left no text ([`ErrorKind::NothingToSummarize`](crate::ErrorKind::NothingToSummarize)).
    pub const NOTHING_TO_SUMMARIZE: &str = "nothing_to_summarize";
    /// The input is over [`MAX_INPUT_BYTES`](super::MAX_INPUT_BYTES)
    /// ([`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge)); the service worker gives the
    /// same code to requests over its own limits.
    pub const TOO_LARGE: &str = "too_large";
    /// The arguments are not of the expected shape (the wasm binding's checks and the service
    /// worker's).
    pub const BAD_ARGUMENT: &str = "bad_argument";
    /// Anything else: a result that could not be handed to JavaScript, a lost reply.
    pub const INTERNAL: &str = "internal";
    /// Every code, in the order above.
    pub const ALL: [&str; 5] = [EMPTY_INPUT, NOTHING_TO_SUMMARIZE, TOO_LARGE, BAD_ARGUMENT, INTERNAL];
}

/// Largest input accepted, in bytes of UTF-8 (16 MiB). Larger input is refused with
/// [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge) (code [`error_code::TOO_LARGE`]). The
/// service worker refuses articles over this many UTF-16 units before they reach the core:
/// each unit is at least one byte of UTF-8, so its limit is never stricter than this one.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Most sentences analysed in one article. Sentences beyond it are left out of the summary,
/// the facts and the keywords, and [`Summary::truncated`](crate::Summary::truncated) says so.
/// (Not to be confused with [`MAX_SUMMARY_SENTENCES`].)
pub const MAX_ANALYSED_SENTENCES: usize = 250_000;

/// Longest article the extension's content script hands the core, in UTF-16 code units
/// (JavaScript's `String.length`, summed over the paragraphs). A longer article (a long live
/// blog, a transcript) is cut to its first whole paragraphs within this length, or to the first
/// [`LONG_ARTICLE_PARAGRAPHS`], and [`Article::full_length`](crate::Article::full_length) tells
/// the core how long the whole was; the summary then says which share it covers
/// ([`Summary::truncated`](crate::Summary::truncated), limit [`FIRST_PART`]). 300,000 units are
/// about 50,000 words, longer than nearly every news article, and summarised in about a quarter
/// of a second in the browser.
pub const LONG_ARTICLE_CHARS: usize = 300_000;

/// Most paragraphs the content script hands the core (see [`LONG_ARTICLE_CHARS`]); the service
/// worker refuses a request with more.
pub const LONG_ARTICLE_PARAGRAPHS: usize = 5_000;

/// The [`Truncation::limit`](crate::Truncation::limit) of a summary of the first part of a long
/// article: its [`value`](crate::Truncation::value) is the share of the article given, in
/// percent (1 to 99).
pub const FIRST_PART: &str = "first_part";

/// Most summary sentences returned, whatever `sentences` or `ratio` ask for, unless the ratio
/// is 1.0 (every sentence). The longest summary the panel's length control offers, and the
/// largest `sentences` the service worker accepts.
pub const MAX_SUMMARY_SENTENCES: usize = 100;

/// Most key facts and most keywords returned.
pub const MAX_LIST_ITEMS: usize = 100;

/// Every fact kind, in the order the panel, the demo page and the CLI group them.
pub const FACT_KINDS: [FactKind; 10] = [
    FactKind::Person,
    FactKind::Organisation,
    FactKind::Place,
    FactKind::Date,
    FactKind::Time,
    FactKind::Number,
    FactKind::Money,
    FactKind::Percent,
    FactKind::Quantity,
    FactKind::Quote,
];

/// The text of `extension/lib/contract.js`: the constants of this module as a classic script
/// that freezes them into `globalThis.AbridgeLib.contract`.
pub fn js_module() -> String {
    let quoted = |s: &str| format!("'{s}'");
    let codes: Vec<String> =
        error_code::ALL.iter().map(|c| format!("      {}: {},", c.to_ascii_uppercase(), quoted(c))).collect();
    let kinds: Vec<String> = FACT_KINDS.iter().map(|k| quoted(k.as_str())).collect();
    format!(
        "// Generated from src/contract.rs by `ABRIDGE_BLESS=1 cargo test --test contract`: do not edit.
// The contract between the Rust core and the extension and demo page: the summarise message,
// the error codes, the limits and the order of fact kinds (src/contract.rs documents each).
// A classic script (content scripts are injected as such) that adds `contract` to the
// AbridgeLib namespace; ES modules import it for that effect.
(function (lib) {{
  'use strict';
  lib.contract = Object.freeze({{
    SUMMARIZE_MESSAGE: {message},
    ERROR_CODES: Object.freeze({{
{codes}
    }}),
    MAX_INPUT_BYTES: {max_input},
    MAX_ANALYSED_SENTENCES: {max_analysed},
    MAX_SUMMARY_SENTENCES: {max_summary},
    MAX_LIST_ITEMS: {max_list},
    LONG_ARTICLE_CHARS: {long_chars},
    LONG_ARTICLE_PARAGRAPHS: {long_paragraphs},
    FIRST_PART: {first_part},
    FACT_KINDS: Object.freeze([{kinds}]),
  }});
}})((globalThis.AbridgeLib = globalThis.AbridgeLib || {{}}));
",
        message = quoted(SUMMARIZE_MESSAGE),
        codes = codes.join("\n"),
        max_input = MAX_INPUT_BYTES,
        max_analysed = MAX_ANALYSED_SENTENCES,
        max_summary = MAX_SUMMARY_SENTENCES,
        max_list = MAX_LIST_ITEMS,
        long_chars = LONG_ARTICLE_CHARS,
        long_paragraphs = LONG_ARTICLE_PARAGRAPHS,
        first_part = quoted(FIRST_PART),
        kinds = kinds.join(", "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_once() {
        for kind in FACT_KINDS {
            assert_eq!(FACT_KINDS.iter().filter(|k| **k == kind).count(), 1, "{kind:?}");
        }
    }

    #[test]
    fn codes_are_plain_identifiers() {
        // The worker's errorReply takes a thrown error's name as its code only if it matches
        // /^[a-z_]+$/; the generated module writes them unescaped between single quotes.
        for code in error_code::ALL.iter().chain([&SUMMARIZE_MESSAGE]) {
            assert!(code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b == b':'), "{code}");
        }
    }
}
