//! The data that goes into and comes out of [`crate::summarize`]: [`Article`], [`Options`],
//! [`Summary`] and its parts. Every type here is `serde`-serialisable; field names are
//! `snake_case` in JSON (and in the JavaScript objects the WebAssembly build returns).

use serde::{Deserialize, Serialize};

/// The article to summarise: its text, as plain text or as paragraphs, and what the caller
/// knows about it.
///
/// Give either `text` or `paragraphs`. When both are given, `paragraphs` wins and `text` is
/// ignored.
///
/// Byte offsets in the [`Summary`] refer to **the input**: `text` as given, or, for
/// `paragraphs`, the paragraphs joined with `"\n\n"` (two bytes between paragraphs).
///
/// ```
/// let article = abridge::Article::from_text("The council approved the budget on Monday.");
/// assert!(article.paragraphs.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    /// Plain text as a page's "select all, copy" or Readability's `textContent` gives it:
    /// paragraphs split by blank lines or single newlines, page chrome included. Hard-wrapped
    /// lines (a line that runs on into the next) are joined back into one paragraph.
    pub text: Option<String>,
    /// The article already split into paragraphs (one block element each, as the extension
    /// sends them). Paragraph indices in the [`Summary`] are indices into this list.
    pub paragraphs: Option<Vec<String>>,
    /// The headline, if known. Used for title overlap in scoring and to recognise the
    /// headline where it repeats inside the text. When absent, it is detected from the text.
    pub title: Option<String>,
    /// BCP-47 language tag (`"en"`, `"fr-CA"`, `"zh-Hans"`); only the primary subtag is read.
    /// When absent or unsupported, the language is detected from the text.
    pub lang: Option<String>,
    /// When the article was published: an ISO 8601 calendar date, optionally with a time
    /// (`"2023-04-13"`, `"2023-04-13T09:30:00-04:00"`, `"2023-04-13 09:30"`, years 1583 to
    /// 9999). Relative dates ("Thursday", "yesterday", "last Tuesday", "hier", "昨天", "15일")
    /// are resolved against its date as written (no time-zone conversion) into
    /// [`KeyFact::resolved`]. A value of any other shape is ignored, as if absent: it comes
    /// from page metadata, which is often malformed, and must not cost the summary.
    pub published: Option<String>,
    /// When the text given is the first part of a longer article (the extension cuts very long
    /// pages: [`LONG_ARTICLE_CHARS`](crate::contract::LONG_ARTICLE_CHARS)), the whole article's
    /// length in UTF-16 code units (JavaScript's `String.length`, summed over its paragraphs).
    /// The summary's [`truncated`](Summary::truncated) then says which share was summarised
    /// (limit [`FIRST_PART`](crate::contract::FIRST_PART)). Ignored when it is not larger than
    /// the text given.
    pub full_length: Option<usize>,
}

impl Article {
    /// An article from plain text, with no title and a detected language.
    pub fn from_text(text: impl Into<String>) -> Self {
        Article { text: Some(text.into()), ..Article::default() }
    }

    /// An article from paragraphs that are already split.
    pub fn from_paragraphs<S: Into<String>>(paragraphs: impl IntoIterator<Item = S>) -> Self {
        Article { paragraphs: Some(paragraphs.into_iter().map(Into::into).collect()), ..Article::default() }
    }

    /// The same article with a title.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

/// How long a summary to make and how many key facts and keywords to list.
///
/// All fields are optional in JSON; missing fields take the defaults below.
///
/// Summary length: `sentences` when given (a count, at least 1), else `ratio` when given (a
/// fraction of the article's sentences in `0.0..=1.0`, rounded, at least 1), else the
/// **adaptive default** of [`Options::default_sentence_count`]: 3 sentences for a news story up
/// to 600 words, one more for every further 500 words, at most 7. `ratio = 1.0` keeps every
/// sentence that survived cleaning, headings included, which shows the segmentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Number of summary sentences (wins over `ratio`).
    pub sentences: Option<usize>,
    /// Fraction of the article's sentences to keep, `0.0..=1.0`.
    pub ratio: Option<f64>,
    /// Most key facts to list (default 12; 0 lists none). Fewer are listed when the article
    /// has fewer candidates the ranking model is confident enough of.
    pub key_facts: usize,
    /// Most keywords (key phrases) to list (default 8; 0 lists none).
    pub keywords: usize,
    /// Explain each key fact ([`KeyFact::why`]); off by default, so that the payload stays
    /// small.
    pub explain: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { sentences: None, ratio: None, key_facts: 12, keywords: 8, explain: false }
    }
}

impl Options {
    /// Options asking for exactly `n` summary sentences.
    pub fn sentences(n: usize) -> Self {
        Options { sentences: Some(n), ..Options::default() }
    }

    /// Options asking for a fraction `ratio` (`0.0..=1.0`) of the article's sentences.
    pub fn ratio(ratio: f64) -> Self {
        Options { ratio: Some(ratio), ..Options::default() }
    }

    /// The adaptive default length for an article of `words` words: 3 sentences up to 600
    /// words, plus one for each further 500 words (or part of them), at most 7.
    ///
    /// ```
    /// use abridge::Options;
    /// assert_eq!(Options::default_sentence_count(400), 3);
    /// assert_eq!(Options::default_sentence_count(601), 4);
    /// assert_eq!(Options::default_sentence_count(1600), 5);
    /// assert_eq!(Options::default_sentence_count(50_000), 7);
    /// ```
    pub fn default_sentence_count(words: usize) -> usize {
        if words <= 600 {
            3
        } else {
            (3 + (words - 600).div_ceil(500)).min(7)
        }
    }

    /// Whether every sentence is kept: `ratio` 1.0 (or more) and no `sentences`.
    pub(crate) fn keeps_every_sentence(&self) -> bool {
        self.sentences.is_none() && self.ratio.is_some_and(|r| r >= 1.0)
    }

    /// Number of summary sentences for an article of `total` sentences whose summary-eligible
    /// sentences hold `body_words` words: `sentences`, else `ratio` of `total`, else the
    /// adaptive default; at most `total` and [`MAX_SUMMARY_SENTENCES`](crate::limits::MAX_SUMMARY_SENTENCES),
    /// unless every sentence is kept.
    pub(crate) fn summary_length(&self, total: usize, body_words: usize) -> usize {
        if self.keeps_every_sentence() {
            return total;
        }
        let wanted = match (self.sentences, self.ratio) {
            (Some(n), _) => n.max(1),
            (None, Some(r)) if r.is_finite() => ((r.clamp(0.0, 1.0) * total as f64).round() as usize).max(1),
            _ => Options::default_sentence_count(body_words),
        };
        wanted.min(total).min(crate::limits::MAX_SUMMARY_SENTENCES)
    }

    /// Most key facts to list, within [`MAX_LIST_ITEMS`](crate::limits::MAX_LIST_ITEMS).
    pub(crate) fn key_fact_count(&self) -> usize {
        self.key_facts.min(crate::limits::MAX_LIST_ITEMS)
    }

    /// Most keywords to list, within [`MAX_LIST_ITEMS`](crate::limits::MAX_LIST_ITEMS).
    pub(crate) fn keyword_count(&self) -> usize {
        self.keywords.min(crate::limits::MAX_LIST_ITEMS)
    }
}

/// The result of [`crate::summarize`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The headline: the caller's title, else the one detected in the text, else `None`.
    pub title: Option<String>,
    /// ISO 639-1 code of the language used for stopwords and stems (`"en"`), or `"und"` when
    /// it could not be told.
    pub lang: String,
    /// Whether `lang` was detected from the text (`false`: the caller's `lang` was used).
    pub lang_detected: bool,
    /// The summary: the chosen sentences in article order.
    pub sentences: Vec<SummarySentence>,
    /// Typed key facts, most important first, deduplicated.
    pub key_facts: Vec<KeyFact>,
    /// Key phrases (one or more words), most important first.
    pub keywords: Vec<Keyword>,
    /// Word and sentence counts, reading time and reduction.
    pub stats: Stats,
    /// Paragraphs dropped as page chrome (navigation, widgets, credits, share lines, …), in
    /// input order. Photo captions are listed here too: they are never summary sentences,
    /// though key facts may come from them.
    pub dropped: Vec<DroppedParagraph>,
    /// Set when a limit cut the work short (see [`crate::limits`]); `None` otherwise.
    pub truncated: Option<Truncation>,
}

/// One summary sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    /// The sentence for display: the input slice with HTML entities decoded, invisible
    /// characters and bidirectional overrides removed (bidirectional marks, embeddings and
    /// isolates are kept in right-to-left words and removed from other words) and runs of white
    /// space collapsed to one space.
    pub text: String,
    /// Index among all the article's sentences (those `ratio = 1.0` would list), from 0.
    pub index: usize,
    /// Index of its paragraph in the input (for `paragraphs` input, the caller's index).
    pub paragraph: usize,
    /// Total score (higher is better); comparable only within one article.
    pub score: f64,
    /// The parts of `score`, which add up to it: why this sentence was chosen.
    pub score_parts: ScoreParts,
    /// Byte offsets into the input: `input[span.start..span.end]` is the sentence.
    pub span: Span,
    /// The same span in UTF-16 code units into the input (JavaScript string indices).
    pub span_utf16: Span,
    /// The span in UTF-16 code units from the start of its paragraph's text in the input
    /// (for `paragraphs` input: into `paragraphs[paragraph]`).
    pub paragraph_span_utf16: Span,
}

/// One sentence found by [`crate::segment`]: where it stands in the input and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offsets into the input (`&text[span.start..span.end]` is the sentence as written,
    /// line breaks included), trimmed of white space at both ends; on char boundaries.
    pub span: Span,
    /// The sentence as written, with each run of white space (a line break too) collapsed to
    /// one space, or removed between two CJK characters; nothing else is changed or removed.
    pub text: String,
}

/// A half-open range `start..end` of offsets; the unit is given where it is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    /// First offset inside the range.
    pub start: usize,
    /// First offset after the range.
    pub end: usize,
}

/// The parts of a sentence's score. Each is already weighted; `score` is their sum.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct ScoreParts {
    /// Lead bias: how early in the article the sentence stands.
    pub position: f64,
    /// Content: cosine similarity of the sentence's TF-IDF vector to the whole article's.
    pub centrality: f64,
    /// Share of the title's content words (stems) the sentence contains.
    pub title: f64,
    /// Sentence-length prior: very short and very long sentences lose.
    pub length: f64,
    /// Demotions (zero or negative): questions, quote-only sentences, dangling openers
    /// ("But", "He said") that cannot stand alone.
    pub penalty: f64,
}

/// A typed key fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyFact {
    /// What kind of fact this is.
    pub kind: FactKind,
    /// The fact as the article words it ("August 2021", "Sergey Lavrov", "$1.2 billion"); for
    /// a quote, the quoted words without quotation marks.
    pub value: String,
    /// A short extract of the sentence it comes from, at most 25 words, `…` where cut.
    pub context: String,
    /// Who said it (quotes only), as the article names them; `None` when unknown.
    pub speaker: Option<String>,
    /// Index of the first sentence that states it (as in [`SummarySentence::index`]), or
    /// `None` when it comes from a photo caption.
    pub sentence: Option<usize>,
    /// How many times the article mentions it.
    pub mentions: usize,
    /// Dates only: the calendar date (ISO 8601, `"2023-04-13"`) that a relative date
    /// ("Thursday", "yesterday", "last Tuesday", "上周二", "15일") stands for, resolved against
    /// [`Article::published`] or a date the article writes with its weekday ("Thursday, April
    /// 13, 2023"); `value` stays as the article words it. `None` (left out of JSON) for dates
    /// written out in full and when there is nothing to resolve against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
    /// Why the fact was listed, only when [`Options::explain`] asks (else empty, and left out
    /// of JSON): first its `confidence` (the ranking model's probability that a reader needs
    /// the fact), then the features that moved it most.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub why: Vec<Reason>,
}

/// One reason in [`KeyFact::why`]: a feature of the fact and how much it moved the fact's
/// confidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// The feature's name (`"lede"`, `"mentions"`, `"title"`, …), or `"confidence"` for the
    /// fitted probability itself.
    pub feature: String,
    /// The feature's value (for `"confidence"`: the probability, `0.0..=1.0`).
    pub value: f64,
    /// Its weighted value: what it adds to the log-odds of the fact being listed (0 for
    /// `"confidence"`).
    pub contribution: f64,
}

/// The kinds of [`KeyFact`]. In JSON: the lower-case name (`"organisation"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// A calendar date, month, year or weekday ("Thursday", "Jan. 31", "August 2021").
    Date,
    /// A clock time ("9 a.m. ET").
    Time,
    /// A count, score, age or rank ("85,000 customers", "45-17").
    Number,
    /// An amount of money with its currency ("$1.2 billion").
    Money,
    /// A percentage ("3.5%", "2.8 per cent").
    Percent,
    /// An amount in a unit of measure or a span of time ("8 inches", "10 years").
    Quantity,
    /// A named person, without titles ("Sergey Lavrov").
    Person,
    /// A company, agency, party, team or other body ("Chinese Foreign Ministry").
    Organisation,
    /// A country, region, city or venue ("Samarkand").
    Place,
    /// A direct quotation.
    Quote,
}

impl FactKind {
    /// Every kind, in the order the panel and the CLI group them ([`crate::contract::FACT_KINDS`]).
    pub const ALL: [FactKind; 10] = crate::contract::FACT_KINDS;

    /// The lower-case name used in JSON ("organisation").
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Date => "date",
            FactKind::Time => "time",
            FactKind::Number => "number",
            FactKind::Money => "money",
            FactKind::Percent => "percent",
            FactKind::Quantity => "quantity",
            FactKind::Person => "person",
            FactKind::Organisation => "organisation",
            FactKind::Place => "place",
            FactKind::Quote => "quote",
        }
    }
}

/// A key phrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    /// The phrase in its most frequent written form ("foreign ministers", "Taliban").
    pub text: String,
    /// Relative importance in `0.0..=1.0` (the top keyword has 1.0).
    pub score: f64,
    /// How many times the phrase occurs in the article.
    pub count: usize,
}

/// Counts for the article and the summary. Words are Unicode words (UAX #29); for scripts
/// written without spaces each ideograph or kana run counts as one word.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Stats {
    /// Words in the article after cleaning (headings and body).
    pub article_words: usize,
    /// Sentences in the article after cleaning.
    pub article_sentences: usize,
    /// Paragraphs kept after cleaning.
    pub article_paragraphs: usize,
    /// Words in the summary.
    pub summary_words: usize,
    /// Sentences in the summary.
    pub summary_sentences: usize,
    /// Reading time of the article in minutes at 238 words per minute.
    pub article_minutes: f64,
    /// Reading time of the summary in minutes at 238 words per minute.
    pub summary_minutes: f64,
    /// Minutes saved: `article_minutes - summary_minutes`.
    pub saved_minutes: f64,
    /// How much shorter the summary is, in percent of the article's words (0–100).
    pub reduction_percent: f64,
}

/// A paragraph dropped by cleaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DroppedParagraph {
    /// Index of the paragraph in the input.
    pub paragraph: usize,
    /// Its text (normalised like [`SummarySentence::text`]).
    pub text: String,
    /// Why it was dropped.
    pub reason: DropReason,
}

/// Why cleaning dropped a paragraph. In JSON: the `snake_case` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// Navigation, calls to action and section labels ("Skip to main content", "Advertisement",
    /// "Recommended Videos", "Read more: …").
    Navigation,
    /// A widget or counter with no prose ("53º", "1 / 8", "12:30").
    Widget,
    /// A rule or a line of symbols ("___", "* * *").
    Rule,
    /// A byline, dateline stamp, photo credit, copyright or contributor line.
    Credit,
    /// A photo caption (key facts may still come from it).
    Caption,
    /// A share, follow or subscribe line, often with a web address.
    Share,
    /// A short line that occurs more than once (page furniture).
    Repeated,
    /// An exact copy of an earlier paragraph.
    Duplicate,
}

/// Set on a [`Summary`] when a limit cut the work short.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Truncation {
    /// Which limit was reached, e.g. `"max_sentences"`.
    pub limit: String,
    /// The limit's value.
    pub value: usize,
    /// What was left out, in words for people.
    pub detail: String,
}
