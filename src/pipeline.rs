//! The pipeline that runs the stages in order: input → paragraphs (`clean`) → language →
//! sentences (`segment`) → tokens → features and scores (`score`) → selection (`select`) →
//! key facts (`facts`) and keywords (`keywords`) → [`Summary`]. No stage reaches back.

use crate::clean::{self, Cleaned, ParaKind};
use crate::lang::Language;
use crate::model::{Article, Options, ScoreParts, Span, Stats, Summary, SummarySentence, Truncation};
use crate::score::{self, Features, TfIdf, Weights};
use crate::token::{TermId, Tokenized, Vocabulary};
use crate::{facts, keywords, limits, offsets, segment, select, Error, ErrorKind, WORDS_PER_MINUTE};
use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;

/// Fewest words a sentence needs to be chosen for a summary (when the article has such).
pub const MIN_SUMMARY_WORDS: usize = 5;

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

/// The input as one string, and its raw paragraphs.
fn input_of(article: &Article) -> Result<(Cow<'_, str>, Vec<clean::RawParagraph>), Error> {
    let input: Cow<str> = match &article.paragraphs {
        Some(p) => Cow::Owned(p.join("\n\n")),
        None => Cow::Borrowed(article.text.as_deref().unwrap_or("")),
    };
    if input.len() > limits::MAX_INPUT_BYTES {
        return Err(ErrorKind::TooLarge { bytes: input.len(), limit: limits::MAX_INPUT_BYTES }.into());
    }
    if input.trim().is_empty() {
        return Err(ErrorKind::EmptyInput.into());
    }
    let raw = match &article.paragraphs {
        Some(p) => clean::split_joined(p),
        None => clean::split_text(&input),
    };
    Ok((input, raw))
}

/// Everything up to the scores: the stages that do not depend on the options.
struct Analysis<'a> {
    language: &'a Language,
    sentences: Vec<Sentence<'a>>,
    captions: Vec<Sentence<'a>>,
    truncated: Option<Truncation>,
    /// Indices of the sentences that may be chosen.
    eligible: Vec<usize>,
    title_terms: Vec<TermId>,
    tfidf: TfIdf,
    /// Features of the eligible sentences, in order.
    features: Vec<Features>,
}

/// The language of the article: the caller's, or detected from the body text.
fn language_of(article: &Article, cleaned: &Cleaned) -> Language {
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
    Language::resolve(article.lang.as_deref(), &sample)
}

fn analyze<'a>(cleaned: &'a Cleaned, language: &'a Language) -> Result<Analysis<'a>, Error> {
    let is_starter = |w: &str| language.is_stopword(w);
    // Sentences, deduplicated, and their tokens.
    let mut vocab = Vocabulary::new(language);
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
                if text.chars().any(char::is_alphanumeric) {
                    let tok = vocab.tokenize(text);
                    captions.push(Sentence { para: pi, start, end, text, kind: p.kind, tok });
                }
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

    // Which sentences may be chosen: body prose of at least MIN_SUMMARY_WORDS words ("TMZ has
    // learned." stands for nothing alone) and without a web address; failing that any body
    // sentence; for an article of headings only, any sentence.
    let body = |i: &usize| sentences[*i].kind == ParaKind::Body;
    let standalone = |i: &usize| {
        let s = &sentences[*i];
        s.tok.tokens.len() >= MIN_SUMMARY_WORDS && !s.text.contains("http://") && !s.text.contains("https://")
    };
    let mut eligible: Vec<usize> = (0..sentences.len()).filter(body).filter(standalone).collect();
    if eligible.is_empty() {
        eligible = (0..sentences.len()).filter(body).collect();
    }
    if eligible.is_empty() {
        eligible = (0..sentences.len()).collect();
    }
    let title_terms: Vec<TermId> = match &cleaned.title {
        Some(t) => vocab.tokenize(&clean::normalize_str(t)).terms,
        None => Vec::new(),
    };
    let inputs: Vec<score::ScoreInput> = eligible
        .iter()
        .map(|&i| score::ScoreInput {
            text: sentences[i].text,
            tokens: &sentences[i].tok.tokens,
            terms: &sentences[i].tok.terms,
        })
        .collect();
    let tfidf = TfIdf::new(&inputs);
    let features = score::features(&inputs, &tfidf, &title_terms, language.is_english());
    drop(inputs);
    Ok(Analysis { language, sentences, captions, truncated, eligible, title_terms, tfidf, features })
}

impl Analysis<'_> {
    /// Redundancy-control data of eligible sentence `k`: TF-IDF vector and word trigrams.
    fn candidate(&self, k: usize, score: f64) -> select::Candidate {
        let s = &self.sentences[self.eligible[k]];
        select::Candidate {
            index: k,
            score,
            vector: self.tfidf.vector(&s.tok.terms),
            trigrams: select::trigrams(s.tok.tokens.iter().map(|t| t.text(s.text))),
        }
    }

    /// Chooses `n` eligible sentences by score with redundancy control; returns positions in
    /// `eligible`, in article order.
    fn choose(&self, scores: &[f64], n: usize, lambda: f64, blocking: bool) -> Vec<usize> {
        let mut order = score::order_desc(scores);
        order.truncate(select::pool_size(n));
        let cands: Vec<select::Candidate> = order.iter().map(|&k| self.candidate(k, scores[k])).collect();
        select::select(&cands, n, lambda, blocking)
    }
}

/// Runs the whole pipeline.
pub(crate) fn summarize(article: &Article, options: &Options, weights: &Weights) -> Result<Summary, Error> {
    let (input, raw) = input_of(article)?;
    let title = article.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let cleaned = clean::clean(&input, &raw, title);
    let language = language_of(article, &cleaned);
    let a = analyze(&cleaned, &language)?;
    let sentences = &a.sentences;

    // Length, scores and selection.
    let article_words: usize = sentences.iter().map(|s| s.tok.tokens.len()).sum();
    let body_words: usize = a.eligible.iter().map(|&i| sentences[i].tok.tokens.len()).sum();
    let total = sentences.len();
    let every = options.sentences.is_none() && options.ratio.is_some_and(|r| r >= 1.0);
    let wanted = match (options.sentences, options.ratio) {
        (Some(n), _) => n.max(1),
        (None, Some(r)) if r.is_finite() => ((r.clamp(0.0, 1.0) * total as f64).round() as usize).max(1),
        _ => Options::default_sentence_count(body_words),
    };
    let n = if every { total } else { wanted.min(total).min(limits::MAX_SUMMARY_SENTENCES) };
    let longness = Weights::longness(n);
    let parts: Vec<ScoreParts> = a.features.iter().map(|f| f.score(weights, longness)).collect();
    let scores: Vec<f64> = parts.iter().map(score::total).collect();
    let chosen: Vec<usize> = if every {
        (0..total).collect()
    } else if n >= a.eligible.len() {
        a.eligible.clone()
    } else {
        a.choose(&scores, n, weights.mmr_at(longness), weights.blocking_at(longness))
            .into_iter()
            .map(|k| a.eligible[k])
            .collect()
    };

    // Offsets: bytes into the input, then UTF-16.
    let mut summary_sentences: Vec<SummarySentence> = Vec::with_capacity(chosen.len());
    let mut utf16: Vec<usize> = Vec::with_capacity(chosen.len() * 3);
    let eligible_pos: rustc_hash::FxHashMap<usize, usize> =
        a.eligible.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    for &i in &chosen {
        let s = &sentences[i];
        let p = &cleaned.paragraphs[s.para];
        let span = Span { start: p.norm.to_input(s.start), end: p.norm.to_input(s.end) };
        let sp = eligible_pos.get(&i).map(|&k| parts[k]).unwrap_or_default();
        utf16.extend([span.start, span.end, p.input_start]);
        summary_sentences.push(SummarySentence {
            text: s.text.to_string(),
            index: i,
            paragraph: p.index,
            score: round4(score::total(&sp)),
            score_parts: ScoreParts {
                position: round4(sp.position),
                centrality: round4(sp.centrality),
                title: round4(sp.title),
                length: round4(sp.length),
                penalty: round4(sp.penalty),
            },
            span,
            span_utf16: Span::default(),
            paragraph_span_utf16: Span::default(),
        });
    }
    offsets::to_utf16(&input, &mut utf16);
    for (k, s) in summary_sentences.iter_mut().enumerate() {
        let (start, end, para) = (utf16[3 * k], utf16[3 * k + 1], utf16[3 * k + 2]);
        s.span_utf16 = Span { start, end };
        s.paragraph_span_utf16 = Span { start: start - para, end: end - para };
    }

    // Key facts, from sentences in article order and then the captions; a sentence's weight
    // falls with its rank by summary score.
    let mut weight = vec![0.2; total];
    for (r, &k) in score::order_desc(&scores).iter().enumerate() {
        weight[a.eligible[k]] = 1.0 / (1.0 + r as f64 / 3.0);
    }
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
                weight: weight[i],
            }
        })
        .chain(a.captions.iter().map(|c| facts::FactSentence {
            text: c.text,
            tokens: &c.tok.tokens,
            index: None,
            names: true,
            dateline: None,
            weight: 0.1,
        }))
        .collect();
    let nouns_capitalised = matches!(a.language.code.as_str(), "de" | "lb");
    let mut key_facts = facts::extract(&fact_inputs, options.key_facts.min(limits::MAX_LIST_ITEMS), nouns_capitalised);
    // Values as the input writes them (cleaning turned no-break spaces into spaces).
    for f in &mut key_facts {
        if let Some(v) = facts::as_written(&input, &f.value) {
            f.value = v;
        }
    }

    let kw_inputs: Vec<keywords::KeywordInput> = sentences
        .iter()
        .filter(|s| s.kind == ParaKind::Body)
        .enumerate()
        .map(|(rank, s)| keywords::KeywordInput { text: s.text, tok: &s.tok, rank })
        .collect();
    let keywords = keywords::extract(&kw_inputs, &a.title_terms, options.keywords.min(limits::MAX_LIST_ITEMS));

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
        lang: a.language.code.clone(),
        lang_detected: a.language.detected,
        sentences: summary_sentences,
        key_facts,
        keywords,
        stats,
        dropped: cleaned.dropped.clone(),
        truncated: a.truncated.clone(),
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

/// Hidden API for `examples/tune.rs`: the features of an article's eligible sentences, computed
/// once, and the selection for any weights, as the shipping pipeline makes it.
pub mod tuning {
    use super::*;

    /// An analysed article.
    pub struct Doc {
        /// Texts of the eligible sentences, in article order.
        pub texts: Vec<String>,
        /// Their features.
        pub features: Vec<Features>,
        /// Number of sentences in the article (what `ratio` is a share of).
        pub total: usize,
        /// Redundancy data per sentence: TF-IDF vector and trigram hashes.
        candidates: Vec<(score::SparseVector, Vec<u64>)>,
    }

    /// Analyses an article as [`crate::summarize`] does.
    pub fn analyze(article: &Article) -> Result<Doc, Error> {
        let (input, raw) = input_of(article)?;
        let title = article.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let cleaned = clean::clean(&input, &raw, title);
        let language = language_of(article, &cleaned);
        let a = super::analyze(&cleaned, &language)?;
        let candidates = (0..a.eligible.len())
            .map(|k| {
                let c = a.candidate(k, 0.0);
                (c.vector, c.trigrams)
            })
            .collect();
        Ok(Doc {
            texts: a.eligible.iter().map(|&i| a.sentences[i].text.to_string()).collect(),
            features: a.features.clone(),
            total: a.sentences.len(),
            candidates,
        })
    }

    /// The positions in `doc.texts` of an `n`-sentence summary under `weights`, in order.
    pub fn choose(doc: &Doc, n: usize, weights: &Weights) -> Vec<usize> {
        let longness = Weights::longness(n);
        let scores: Vec<f64> = doc.features.iter().map(|f| score::total(&f.score(weights, longness))).collect();
        let mut order = score::order_desc(&scores);
        order.truncate(select::pool_size(n));
        let cands: Vec<select::Candidate> = order
            .iter()
            .map(|&k| select::Candidate {
                index: k,
                score: scores[k],
                vector: doc.candidates[k].0.clone(),
                trigrams: doc.candidates[k].1.clone(),
            })
            .collect();
        select::select(&cands, n, weights.mmr_at(longness), weights.blocking_at(longness))
    }
}

/// Hidden API for the fuzz targets (`fuzz/`): one stage at a time.
pub mod fuzzing {
    use super::*;

    /// Every sentence of `text` after cleaning and segmentation, as `ratio = 1.0` would list
    /// them (empty for empty or all-chrome text).
    pub fn sentences(text: &str) -> Vec<String> {
        let raw = clean::split_text(text);
        let cleaned = clean::clean(text, &raw, None);
        let language = Language::resolve(Some("en"), "");
        let is_starter = |w: &str| language.is_stopword(w);
        let mut out = Vec::new();
        for p in &cleaned.paragraphs {
            let body = &p.norm.text[p.content_start..];
            for (s, e) in segment::split(body, &is_starter) {
                out.push(body[s..e].to_string());
            }
        }
        out
    }
}
