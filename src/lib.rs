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
//! let summary = summarize(&article, &Options::sentences(1))?;
//!
//! // The lede, without the wire dateline.
//! assert!(summary.sentences[0].text.starts_with("The state's largest electric utility"));
//! // Spans slice the input.
//! let span = summary.sentences[0].span;
//! assert!(article.text.as_deref().unwrap()[span.start..span.end].starts_with("The state's"));
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

mod clean;
mod facts;
mod keywords;
mod lang;
mod lexicon;
mod model;
mod offsets;
mod score;
mod segment;
mod select;
mod token;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use model::{
    Article, DropReason, DroppedParagraph, FactKind, KeyFact, Keyword, Options, ScoreParts, Span, Stats, Summary,
    SummarySentence, Truncation,
};
pub use segment::MAX_SENTENCE_BYTES;

#[doc(hidden)]
pub use score::{Features, Weights, WEIGHTS};

use clean::ParaKind;
use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;
use token::{Tokenized, Vocabulary};

/// Limits on what one call processes.
pub mod limits {
    /// Largest input accepted, in bytes of UTF-8 (16 MiB). Larger input is refused with
    /// [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge).
    pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;
    /// Most sentences analysed. Sentences beyond it are left out of the summary, the facts and
    /// the keywords, and [`Summary::truncated`](crate::Summary::truncated) says so.
    pub const MAX_SENTENCES: usize = 250_000;
    /// Most summary sentences returned, whatever `sentences` or `ratio` ask for, unless the
    /// ratio is 1.0 (every sentence).
    pub const MAX_SUMMARY_SENTENCES: usize = 100;
    /// Most key facts and most keywords returned.
    pub const MAX_LIST_ITEMS: usize = 100;
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
    /// `"too_large"`.
    pub fn code(&self) -> &'static str {
        match self.kind {
            ErrorKind::EmptyInput => "empty_input",
            ErrorKind::NothingToSummarize => "nothing_to_summarize",
            ErrorKind::TooLarge { .. } => "too_large",
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

/// One sentence of the article.
struct Sentence<'a> {
    /// Position of its paragraph in `Cleaned::paragraphs`.
    para: usize,
    /// Byte range in the paragraph's normalised text.
    start: usize,
    end: usize,
    text: &'a str,
    kind: ParaKind,
    tok: Tokenized,
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
    summarize_with(article, options, &WEIGHTS)
}

/// [`summarize`] with explicit scoring weights (for tuning; see `examples/tune.rs`).
#[doc(hidden)]
pub fn summarize_with(article: &Article, options: &Options, weights: &Weights) -> Result<Summary, Error> {
    let (input, raw): (Cow<str>, Vec<clean::RawParagraph>) = match &article.paragraphs {
        Some(p) => (Cow::Owned(p.join("\n\n")), clean::split_joined(p)),
        None => {
            let t = article.text.as_deref().unwrap_or("");
            (Cow::Borrowed(t), Vec::new())
        }
    };
    if input.len() > limits::MAX_INPUT_BYTES {
        return Err(ErrorKind::TooLarge { bytes: input.len(), limit: limits::MAX_INPUT_BYTES }.into());
    }
    if input.trim().is_empty() {
        return Err(ErrorKind::EmptyInput.into());
    }
    let raw = if article.paragraphs.is_some() { raw } else { clean::split_text(&input) };
    let title = article.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let cleaned = clean::clean(&input, &raw, title);

    // Language, from the body text.
    let mut sample = String::new();
    for p in cleaned.paragraphs.iter().filter(|p| p.kind == ParaKind::Body) {
        if sample.len() > 4096 {
            break;
        }
        sample.push_str(&p.norm.text);
        sample.push(' ');
    }
    if sample.is_empty() {
        cleaned.paragraphs.iter().for_each(|p| sample.push_str(&p.norm.text));
    }
    let language = lang::Language::resolve(article.lang.as_deref(), &sample);
    let is_starter = |w: &str| language.is_stopword(w);

    // Sentences, deduplicated, and their tokens.
    let mut vocab = Vocabulary::new(&language);
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut captions: Vec<Sentence> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::default();
    let mut truncated = None;
    'paragraphs: for (pi, p) in cleaned.paragraphs.iter().enumerate() {
        let body = &p.norm.text[p.content_start..];
        for (s, e) in segment::split(body, &is_starter) {
            let (start, end) = (s + p.content_start, e + p.content_start);
            let text = &p.norm.text[start..end];
            if p.kind == ParaKind::Caption {
                let text = caption_text(text);
                if !text.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let tok = vocab.tokenize(text);
                captions.push(Sentence { para: pi, start, end, text, kind: p.kind, tok });
                continue;
            }
            if !seen.insert(text) {
                continue;
            }
            if sentences.len() >= limits::MAX_SENTENCES {
                truncated = Some(Truncation {
                    limit: "max_sentences".into(),
                    value: limits::MAX_SENTENCES,
                    detail: format!("only the first {} sentences were analysed", limits::MAX_SENTENCES),
                });
                break 'paragraphs;
            }
            let tok = vocab.tokenize(text);
            sentences.push(Sentence { para: pi, start, end, text, kind: p.kind, tok });
        }
    }
    if sentences.is_empty() {
        return Err(ErrorKind::NothingToSummarize.into());
    }

    // Which sentences may be chosen: body prose; for an article of headings only, any.
    let mut eligible: Vec<usize> = (0..sentences.len()).filter(|&i| sentences[i].kind == ParaKind::Body).collect();
    if eligible.is_empty() {
        eligible = (0..sentences.len()).collect();
    }
    let title_terms: Vec<token::TermId> = match &cleaned.title {
        Some(t) => vocab.tokenize(&clean::normalize_str(t)).terms,
        None => Vec::new(),
    };

    // Scores.
    let inputs: Vec<score::ScoreInput> = eligible
        .iter()
        .map(|&i| score::ScoreInput {
            text: sentences[i].text,
            tokens: &sentences[i].tok.tokens,
            terms: &sentences[i].tok.terms,
        })
        .collect();
    let tfidf = score::TfIdf::new(&inputs);
    let feats = score::features(&inputs, &tfidf, &title_terms, language.is_english());
    let parts: Vec<ScoreParts> = feats.iter().map(|f| f.score(weights)).collect();

    // Length and selection.
    let article_words: usize = sentences.iter().map(|s| s.tok.tokens.len()).sum();
    let body_words: usize = eligible.iter().map(|&i| sentences[i].tok.tokens.len()).sum();
    let total = sentences.len();
    let every = options.sentences.is_none() && options.ratio.is_some_and(|r| r >= 1.0);
    let wanted = match (options.sentences, options.ratio) {
        (Some(n), _) => n.max(1),
        (None, Some(r)) if r.is_finite() => ((r.clamp(0.0, 1.0) * total as f64).round() as usize).max(1),
        _ => Options::default_sentence_count(body_words),
    };
    let chosen: Vec<usize> = if every || wanted >= total {
        (0..total).collect()
    } else {
        let n = wanted.min(limits::MAX_SUMMARY_SENTENCES);
        let mut order: Vec<usize> = (0..eligible.len()).collect();
        order.sort_by(|&a, &b| score::total(&parts[b]).total_cmp(&score::total(&parts[a])).then(a.cmp(&b)));
        order.truncate(select::pool_size(n));
        let cands: Vec<select::Candidate> = order
            .iter()
            .map(|&k| {
                let s = &sentences[eligible[k]];
                select::Candidate {
                    index: eligible[k],
                    score: score::total(&parts[k]),
                    vector: tfidf.vector(&s.tok.terms),
                    trigrams: select::trigrams(s.tok.tokens.iter().map(|t| t.text(s.text))),
                }
            })
            .collect();
        select::select(&cands, n, weights.mmr_lambda)
    };

    // Offsets: bytes into the input, then UTF-16.
    let mut summary_sentences: Vec<SummarySentence> = Vec::with_capacity(chosen.len());
    let mut utf16: Vec<usize> = Vec::with_capacity(chosen.len() * 3);
    let eligible_pos: rustc_hash::FxHashMap<usize, usize> = eligible.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    for &i in &chosen {
        let s = &sentences[i];
        let p = &cleaned.paragraphs[s.para];
        let span = Span { start: p.norm.to_input(s.start), end: p.norm.to_input(s.end) };
        let score_parts = eligible_pos.get(&i).map(|&k| parts[k]).unwrap_or_default();
        utf16.extend([span.start, span.end, p.input_start]);
        summary_sentences.push(SummarySentence {
            text: s.text.to_string(),
            index: i,
            paragraph: p.index,
            score: round4(score::total(&score_parts)),
            score_parts: ScoreParts {
                position: round4(score_parts.position),
                centrality: round4(score_parts.centrality),
                title: round4(score_parts.title),
                length: round4(score_parts.length),
                penalty: round4(score_parts.penalty),
            },
            span,
            span_utf16: Span::default(),
            paragraph_span_utf16: Span::default(),
        });
    }
    offsets::to_utf16(&input, &mut utf16);
    for (k, s) in summary_sentences.iter_mut().enumerate() {
        let (a, b, p) = (utf16[3 * k], utf16[3 * k + 1], utf16[3 * k + 2]);
        s.span_utf16 = Span { start: a, end: b };
        s.paragraph_span_utf16 = Span { start: a - p, end: b - p };
    }

    // Key facts, from sentences in article order and then the captions.
    let fact_inputs: Vec<facts::FactSentence> = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let p = &cleaned.paragraphs[s.para];
            facts::FactSentence {
                text: s.text,
                tokens: &s.tok.tokens,
                index: Some(i),
                names: s.kind == ParaKind::Body,
                dateline: (s.start == p.content_start).then_some(p.dateline_place.as_deref()).flatten(),
            }
        })
        .chain(captions.iter().map(|c| facts::FactSentence {
            text: c.text,
            tokens: &c.tok.tokens,
            index: None,
            names: true,
            dateline: None,
        }))
        .collect();
    let key_facts = facts::extract(&fact_inputs, options.key_facts.min(limits::MAX_LIST_ITEMS));

    let kw_inputs: Vec<keywords::KeywordInput> = sentences
        .iter()
        .filter(|s| s.kind == ParaKind::Body)
        .enumerate()
        .map(|(rank, s)| keywords::KeywordInput { text: s.text, tok: &s.tok, rank })
        .collect();
    let keywords = keywords::extract(&kw_inputs, &title_terms, options.keywords.min(limits::MAX_LIST_ITEMS));

    let summary_words: usize = chosen.iter().map(|&i| sentences[i].tok.tokens.len()).sum();
    let article_minutes = article_words as f64 / WORDS_PER_MINUTE;
    let summary_minutes = summary_words as f64 / WORDS_PER_MINUTE;
    let stats = Stats {
        article_words,
        article_sentences: total,
        article_paragraphs: cleaned.paragraphs.iter().filter(|p| p.kind != ParaKind::Caption).count(),
        summary_words,
        summary_sentences: summary_sentences.len(),
        article_minutes: round2(article_minutes),
        summary_minutes: round2(summary_minutes),
        saved_minutes: round2(article_minutes - summary_minutes),
        reduction_percent: if article_words == 0 {
            0.0
        } else {
            round2(100.0 * (1.0 - summary_words as f64 / article_words as f64))
        },
    };
    Ok(Summary {
        title: cleaned.title.clone(),
        lang: language.code.clone(),
        lang_detected: language.detected,
        sentences: summary_sentences,
        key_facts,
        keywords,
        stats,
        dropped: cleaned.dropped,
        truncated,
    })
}

/// A caption without its trailing photo credit (so the photographer is not a key fact).
fn caption_text(text: &str) -> &str {
    match clean::credit_suffix_start(text) {
        Some(p) => text[..p].trim_end(),
        None => text,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Normalises text the way sentence texts are normalised: HTML entities decoded, invisible and
/// bidirectional-control characters removed, white space collapsed, ends trimmed. For any
/// summary sentence `s`, `normalize(&input[s.span.start..s.span.end]) == s.text`.
pub fn normalize(text: &str) -> String {
    clean::normalize_str(text)
}
