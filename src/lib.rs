//! # Abridge
//!
//! An extractive summariser for news articles: it picks the few sentences that carry the story
//! and lists the key facts (who, when, where, how many, who said what). Pure Rust, no model, no
//! network; the same core runs natively and, compiled to WebAssembly, in the Abridge browser
//! extension.
//!
//! ```
//! use abridge::{summarize, Article, FactKind, Options};
//!
//! let article = Article::from_text(
//!     "Skip to main content\n\n\
//!      SPRINGFIELD, Ill. (AP) — The state's largest electric utility said Tuesday it will \
//!      raise residential rates by 4.2% starting Jan. 1, citing higher natural gas costs. \
//!      The increase would add about $6 a month to a typical bill. Consumer groups said they \
//!      would challenge the plan before regulators in March.",
//! );
//! let summary = summarize(&article, &Options::sentences(2))?;
//!
//! // Two sentences in article order; the lede, without its wire dateline, among them.
//! assert_eq!(summary.sentences.len(), 2);
//! assert!(summary.sentences.iter().any(|s| s.text.starts_with("The state's largest electric utility")));
//! // Spans slice the input.
//! let span = summary.sentences[0].span;
//! assert_eq!(&article.text.as_deref().unwrap()[span.start..span.end], summary.sentences[0].text);
//! // Key facts, typed.
//! assert!(summary.key_facts.iter().any(|f| f.kind == FactKind::Percent && f.value == "4.2%"));
//! assert!(summary.key_facts.iter().any(|f| f.kind == FactKind::Date && f.value == "Jan. 1"));
//! // Page chrome is reported, never summarised.
//! assert_eq!(summary.dropped[0].text, "Skip to main content");
//! # Ok::<(), abridge::Error>(())
//! ```
//!
//! The pipeline, one module per stage, data flowing one way:
//! text → paragraphs (`clean`) → sentences (`segment`) → tokens (`token`, `lang`) →
//! scores (`score`) → selection (`select`) → key facts (`facts`) and keywords (`keywords`) →
//! [`Summary`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// Evaluates `$e`, adding its time to stage `$stage` ([`stages`]) when built with the
/// `stage-timing` feature; without it, the bare expression.
macro_rules! timed {
    ($stage:ident, $e:expr) => {{
        #[cfg(feature = "stage-timing")]
        let _timer = crate::stages::Timer::start(crate::stages::Stage::$stage);
        $e
    }};
}

mod clean;
pub mod contract;
mod facts;
mod keywords;
mod lang;
mod lexicon;
mod model;
mod offsets;
mod pipeline;
mod score;
mod script;
mod segment;
mod select;
#[cfg(feature = "stage-timing")]
#[doc(hidden)]
pub mod stages;
mod standalone;
#[cfg(test)]
mod test_rows;
mod token;
mod vector;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use model::{
    Article, DropReason, DroppedParagraph, FactKind, KeyFact, Keyword, Options, Reason, ScoreParts, Sentence, Span,
    Stats, Summary, SummarySentence, Truncation,
};
pub use segment::MAX_SENTENCE_BYTES;

#[doc(hidden)]
pub use pipeline::fuzzing;
#[doc(hidden)]
pub use pipeline::tuning;
#[doc(hidden)]
pub use score::{Feature, Features, WeightPair, Weights, WEIGHTS};

/// Limits on what one call processes (defined in [`contract`], shared with the JavaScript).
pub mod limits {
    pub use crate::contract::{MAX_ANALYSED_SENTENCES, MAX_INPUT_BYTES, MAX_LIST_ITEMS, MAX_SUMMARY_SENTENCES};
}

/// The languages with a data file (`lang/*.toml`: months, number words, titles, reporting
/// verbs, chrome phrases…), as ISO 639-1 codes in file order. An article in another language
/// is still summarised, without those words: facts and keywords are weaker.
pub fn languages() -> &'static [&'static str] {
    lexicon::LANGUAGES
}

/// The code of the data file used for a language code or one of its aliases, in any case
/// (`"nb"` and `"NO"` → `Some("no")`, `"de"` → `Some("de")`); `None` for a language without
/// one (see [`languages`]).
pub fn language_data(code: &str) -> Option<&'static str> {
    lang::data_file_code(code)
}

/// Reading speed used for reading times, in words per minute.
pub const WORDS_PER_MINUTE: f64 = 238.0;

/// Why [`summarize`] could not produce a summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// The kinds of [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is empty or only white space.
    EmptyInput,
    /// Cleaning left no text: the input was all page chrome, symbols or invisible characters.
    NothingToSummarize,
    /// The input is larger than [`limits::MAX_INPUT_BYTES`].
    TooLarge {
        /// Size of the input in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// A stable identifier for the kind: `"empty_input"`, `"nothing_to_summarize"` or
    /// `"too_large"` (from [`contract::error_code`]).
    pub fn code(&self) -> &'static str {
        match self.kind {
            ErrorKind::EmptyInput => contract::error_code::EMPTY_INPUT,
            ErrorKind::NothingToSummarize => contract::error_code::NOTHING_TO_SUMMARIZE,
            ErrorKind::TooLarge { .. } => contract::error_code::TOO_LARGE,
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            ErrorKind::EmptyInput => write!(f, "nothing to summarise: the text is empty"),
            ErrorKind::NothingToSummarize => {
                write!(f, "nothing to summarise: no article text is left once page chrome is removed")
            }
            ErrorKind::TooLarge { bytes, limit } => write!(
                f,
                "the text is too large to summarise: {bytes} bytes, the limit is {limit} bytes (select part of it instead)"
            ),
        }
    }
}

impl std::error::Error for Error {}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error { kind }
    }
}

/// Summarises an article: chooses its summary sentences and lists its key facts and keywords.
///
/// Deterministic: the same article and options always give the same summary. Runs in time
/// linear in the input's length.
///
/// # Errors
/// - [`ErrorKind::EmptyInput`] when the text is empty or only white space;
/// - [`ErrorKind::NothingToSummarize`] when nothing is left after cleaning (all page chrome,
///   symbols or invisible characters);
/// - [`ErrorKind::TooLarge`] when the input exceeds [`limits::MAX_INPUT_BYTES`].
pub fn summarize(article: &Article, options: &Options) -> Result<Summary, Error> {
    pipeline::summarize(article, options, &WEIGHTS)
}

/// [`summarize`] with explicit scoring weights (for tuning; see `examples/tune.rs`).
#[doc(hidden)]
pub fn summarize_with(article: &Article, options: &Options, weights: &Weights) -> Result<Summary, Error> {
    pipeline::summarize(article, options, weights)
}

/// The publication date [`summarize`] resolves relative dates against: `article.published`
/// as an ISO 8601 calendar date (`"2023-04-13"`), or `None` when it is absent or not of an
/// accepted shape (see [`Article::published`]).
///
/// ```
/// let a = abridge::Article { published: Some("2023-04-13T09:30:00-04:00".into()), ..Default::default() };
/// assert_eq!(abridge::published_date(&a).as_deref(), Some("2023-04-13"));
/// let bad = abridge::Article { published: Some("13/04/2023".into()), ..Default::default() };
/// assert_eq!(abridge::published_date(&bad), None);
/// ```
pub fn published_date(article: &Article) -> Option<String> {
    article.published.as_deref().and_then(facts::anchor::parse_published).map(facts::anchor::iso)
}

/// Splits text into sentences, the way [`summarize`] does but without cleaning: nothing is
/// dropped as page chrome, every sentence of the input is listed, in order.
///
/// `lang` is a BCP-47 tag (`"de"`, `"pt-BR"`); when it is `None` or malformed the language is
/// detected from the text. The language decides which words open a sentence and whether a
/// number followed by a period is an ordinal ("am 7. März").
///
/// Blank lines separate paragraphs; a single line break ends a sentence unless the line runs on
/// (the next line starts in lower case or continues a hard-wrapped or CJK paragraph).
/// Spans are byte offsets into `text` (see [`Sentence`]); UTF-16 offsets are for the
/// summary's sentences only. Runs in time linear in the input's length, on any input.
///
/// ```
/// let text = "Die Partie am 7. März endete 2:1. 64 Prozent der Karten waren verkauft.";
/// let sentences = abridge::segment(text, Some("de"));
/// assert_eq!(sentences.len(), 2);
/// assert_eq!(sentences[1].text, "64 Prozent der Karten waren verkauft.");
/// let span = sentences[0].span;
/// assert_eq!(&text[span.start..span.end], "Die Partie am 7. März endete 2:1.");
/// ```
pub fn segment(text: &str, lang: Option<&str>) -> Vec<Sentence> {
    pipeline::segment_text(text, lang)
}

/// Normalises text the way sentence texts are normalised: HTML entities decoded, invisible
/// characters and bidirectional overrides removed (bidirectional marks, embeddings and
/// isolates are kept in the words that hold a right-to-left letter, which need them, and
/// removed from other words), white space collapsed, ends trimmed. For any
/// summary sentence `s`, `normalize(&input[s.span.start..s.span.end]) == s.text`.
pub fn normalize(text: &str) -> String {
    clean::normalize_str(text)
}
