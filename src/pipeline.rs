//! The pipeline that runs the stages in order: input → paragraphs (`clean`) → language →
//! sentences (`segment`) → tokens → features and scores (`score`) → selection (`select`) →
//! key facts (`facts`) and keywords (`keywords`) → [`Summary`] (built in `pipeline::summary`).
//! No stage reaches back. The summary's length is the options' to say ([`Options`]), the
//! language's facts the language's ([`Language`]); scoring and selection are one function,
//! [`rank`], which the tuner calls too.

use crate::clean::{self, Cleaned, ParaKind};
use crate::lang::Language;
use crate::model::{Article, KeyFact, Keyword, Options, ScoreParts, Summary, Truncation};
use crate::score::{self, Features, TfIdf, Weights};
use crate::select::Need;
use crate::standalone::{self, Standing, Why};
use crate::token::{TermId, Tokenized, Vocabulary};
use crate::{facts, keywords, limits, segment, select, vector, Error, ErrorKind};
use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;

mod summary;

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
    /// What each sentence needs beside it to be a summary sentence (`standalone`).
    standing: Vec<Standing>,
    /// The same for each eligible sentence, by position among the eligible ones.
    needs: Vec<Need>,
}

/// The language of the article: the caller's, or detected from the body text.
fn language_of(article: &Article, cleaned: &Cleaned) -> Language {
    let texts = |body: bool| {
        cleaned.paragraphs.iter().filter(move |p| !body || p.kind == ParaKind::Body).map(|p| p.norm.text.as_str())
    };
    Language::for_article(article.lang.as_deref(), texts(true), texts(false))
}

fn analyze<'a>(cleaned: &'a Cleaned, language: &'a Language) -> Result<Analysis<'a>, Error> {
    let is_starter = |w: &str| language.is_stopword(w);
    let rules = segment::Rules::new(&is_starter, &language.code);
    // Sentences, deduplicated, and their tokens.
    let mut vocab = Vocabulary::new(language);
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut captions: Vec<Sentence> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::default();
    let mut truncated = None;
    'paragraphs: for (pi, p) in cleaned.paragraphs.iter().enumerate() {
        let body = &p.norm.text[p.content_start..];
        for (s, e) in timed!(Segment, segment::split(body, &rules)) {
            let (start, end) = (s + p.content_start, e + p.content_start);
            let text = &p.norm.text[start..end];
            if p.kind == ParaKind::Caption {
                let text = caption_text(text);
                if text.chars().any(char::is_alphanumeric) {
                    let tok = timed!(Tokens, vocab.tokenize(text));
                    captions.push(Sentence { para: pi, start, end, text, kind: p.kind, tok });
                }
                continue;
            }
            if !seen.insert(text) {
                continue;
            }
            if sentences.len() >= limits::MAX_ANALYSED_SENTENCES {
                truncated = Some(Truncation {
                    limit: "max_sentences".into(),
                    value: limits::MAX_ANALYSED_SENTENCES,
                    detail: format!("only the first {} sentences were analysed", limits::MAX_ANALYSED_SENTENCES),
                });
                break 'paragraphs;
            }
            let tok = timed!(Tokens, vocab.tokenize(text));
            sentences.push(Sentence { para: pi, start, end, text, kind: p.kind, tok });
        }
    }
    if sentences.is_empty() {
        return Err(ErrorKind::NothingToSummarize.into());
    }

    #[cfg(feature = "stage-timing")]
    let _timer = crate::stages::Timer::start(crate::stages::Stage::Scoring);
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
    let standing = standing_of(&sentences, language);
    let needs = needs_of(&standing, &eligible, sentences.len());
    Ok(Analysis { language, sentences, captions, truncated, eligible, title_terms, tfidf, features, standing, needs })
}

/// What each sentence needs beside it, by the rules of `standalone` in the article's language.
fn standing_of(sentences: &[Sentence], language: &Language) -> Vec<Standing> {
    let tables = crate::lexicon::for_lang(&language.code);
    (0..sentences.len())
        .map(|i| {
            let s = &sentences[i];
            // A question's answer is a sentence of the same kind of text (body, heading).
            let next = sentences.get(i + 1).filter(|n| n.kind == s.kind).map(|n| n.text);
            match standalone::standing(s.text, next, tables) {
                Standing::Previous(_) if i == 0 => Standing::Alone,
                other => other,
            }
        })
        .collect()
}

/// The needs of the eligible sentences, by position among them: a neighbour that is not
/// eligible cannot be chosen, so neither can the sentence that needs it.
fn needs_of(standing: &[Standing], eligible: &[usize], total: usize) -> Vec<Need> {
    let mut position = vec![None; total];
    for (k, &i) in eligible.iter().enumerate() {
        position[i] = Some(k);
    }
    let neighbour = |i: Option<usize>| match i.and_then(|i| position.get(i).copied().flatten()) {
        Some(k) => Need::Neighbour(k),
        None => Need::Never,
    };
    eligible
        .iter()
        .map(|&i| match standing[i] {
            Standing::Alone => Need::Nothing,
            Standing::Previous(Why::Pronoun | Why::Connective) => match neighbour(i.checked_sub(1)) {
                Need::Neighbour(k) => Need::Leaning(Some(k)),
                _ => Need::Leaning(None),
            },
            Standing::Previous(_) => neighbour(i.checked_sub(1)),
            Standing::Next(_) => neighbour(Some(i + 1)),
            Standing::Never(_) => Need::Never,
        })
        .collect()
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
            needs: Need::Nothing,
            support: false,
        }
    }
}

/// The scores of the eligible sentences and the summary chosen from them.
struct Ranking {
    /// Score parts of each eligible sentence.
    parts: Vec<ScoreParts>,
    /// Their totals.
    scores: Vec<f64>,
    /// Positions in the eligible sentences of the chosen ones, in article order.
    chosen: Vec<usize>,
}

/// Scores the eligible sentences under `weights` and chooses `n` of them by score with
/// redundancy control (MMR, trigram blocking) among the top [`select::pool_size`], each with
/// the neighbours it needs (`needs`, by eligible position): the one ranking, for summaries and
/// for the tuner. `candidate(k, score)` gives the redundancy data of eligible sentence `k`.
fn rank(
    features: &[Features],
    needs: &[Need],
    n: usize,
    weights: &Weights,
    candidate: impl Fn(usize, f64) -> select::Candidate,
) -> Ranking {
    let longness = Weights::longness(n);
    let parts: Vec<ScoreParts> = features.iter().map(|f| f.score(weights, longness)).collect();
    let scores: Vec<f64> = parts.iter().map(score::total).collect();
    let need = |k: usize| needs.get(k).copied().unwrap_or_default();
    let chosen = if n >= features.len() && (0..features.len()).all(|k| need(k) == Need::Nothing) {
        (0..features.len()).collect()
    } else {
        let mut order = vector::order_desc(&scores);
        order.truncate(select::pool_size(n));
        // The neighbours the pool's sentences need, and theirs, join as support candidates.
        let pool = order.len();
        let mut k = 0;
        while k < order.len() {
            if let Need::Neighbour(j) | Need::Leaning(Some(j)) = need(order[k]) {
                if !order.contains(&j) && (k < pool || order.len() < pool + pool * (select::MAX_UNIT - 1)) {
                    order.push(j);
                }
            }
            k += 1;
        }
        let cands: Vec<select::Candidate> = order
            .iter()
            .enumerate()
            .map(|(p, &k)| select::Candidate { needs: need(k), support: p >= pool, ..candidate(k, scores[k]) })
            .collect();
        select::select(&cands, n, weights.mmr_at(longness), weights.blocking_at(longness), weights.leaning_at(longness))
    };
    Ranking { parts, scores, chosen }
}

/// Runs the whole pipeline.
pub(crate) fn summarize(article: &Article, options: &Options, weights: &Weights) -> Result<Summary, Error> {
    let published = article.published.as_deref().and_then(facts::anchor::parse_published);
    let mut summary =
        with_analysis(article, |input, cleaned, a| summarize_analysis(input, cleaned, a, options, weights, published))?;
    if let Some(part) = first_part(article) {
        summary.truncated = Some(part);
    }
    Ok(summary)
}

/// The [`Truncation`] of an article that is the first part of a longer one
/// ([`Article::full_length`]): the share given, in whole percent from 1 to 99 (rounded down, so
/// that 99.9 % is not shown as the whole).
fn first_part(article: &Article) -> Option<Truncation> {
    let full = article.full_length?;
    let given: usize = match (&article.paragraphs, &article.text) {
        (Some(ps), _) => ps.iter().map(|p| p.encode_utf16().count()).sum(),
        (None, Some(t)) => t.encode_utf16().count(),
        (None, None) => 0,
    };
    if full <= given || given == 0 {
        return None;
    }
    let percent = ((given as u128 * 100 / full as u128) as usize).clamp(1, 99);
    Some(Truncation {
        limit: crate::contract::FIRST_PART.into(),
        value: percent,
        detail: format!("only the first {percent} % of a very long article was given"),
    })
}

/// Runs the stages that do not depend on the options (input, cleaning, language, sentences,
/// tokens, features) and hands their results to `then`.
fn with_analysis<R>(article: &Article, then: impl FnOnce(&str, &Cleaned, &Analysis) -> R) -> Result<R, Error> {
    let (input, cleaned, language) = timed!(Clean, {
        let (input, raw) = input_of(article)?;
        let title = article.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let cleaned = clean::clean(&input, &raw, title);
        let language = language_of(article, &cleaned);
        (input, cleaned, language)
    });
    let a = analyze(&cleaned, &language)?;
    Ok(then(&input, &cleaned, &a))
}

/// The summary of an analysed article: length, ranking, key facts, keywords.
fn summarize_analysis(
    input: &str,
    cleaned: &Cleaned,
    a: &Analysis,
    options: &Options,
    weights: &Weights,
    published: Option<i64>,
) -> Summary {
    let sentences = &a.sentences;

    let body_words: usize = a.eligible.iter().map(|&i| sentences[i].tok.tokens.len()).sum();
    let n = options.summary_length(sentences.len(), body_words);
    let ranking = timed!(Selection, rank(&a.features, &a.needs, n, weights, |k, score| a.candidate(k, score)));
    let chosen: Vec<usize> = if options.keeps_every_sentence() {
        (0..sentences.len()).collect()
    } else {
        ranking.chosen.iter().map(|&k| a.eligible[k]).collect()
    };
    let setup = facts::Setup {
        k: options.key_fact_count(),
        nouns_capitalised: a.language.capitalises_nouns(),
        title: cleaned.title.as_deref(),
        explain: options.explain,
    };
    let key_facts = timed!(Facts, key_facts(input, a, cleaned, &ranking.scores, &setup, published));
    let keywords = timed!(Keywords, keywords(a, options.keyword_count()));
    timed!(Summary, summary::build(input, cleaned, a, &chosen, &ranking.parts, key_facts, keywords))
}

/// Key facts, from sentences in article order and then the captions; a sentence's weight
/// falls with its rank by summary score.
fn key_facts(
    input: &str,
    a: &Analysis,
    cleaned: &Cleaned,
    scores: &[f64],
    setup: &facts::Setup,
    published: Option<i64>,
) -> Vec<KeyFact> {
    let (inputs, anchor) = fact_inputs(a, cleaned, scores, published);
    let mut key_facts = facts::extract(&inputs, setup, &anchor);
    // Values as the input writes them (cleaning turned no-break spaces into spaces).
    for f in &mut key_facts {
        if let Some(v) = facts::as_written(input, &f.value) {
            f.value = v;
        }
    }
    key_facts
}

/// What fact extraction reads: the sentences in article order, then the captions (a
/// sentence's weight falls with its rank by summary score), and the date anchor.
fn fact_inputs<'a>(
    a: &'a Analysis,
    cleaned: &'a Cleaned,
    scores: &[f64],
    published: Option<i64>,
) -> (Vec<facts::FactSentence<'a>>, facts::anchor::Anchor) {
    let sentences = &a.sentences;
    let mut weight = vec![0.2; sentences.len()];
    for (r, &k) in vector::order_desc(scores).iter().enumerate() {
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
    let anchor = facts::anchor::Anchor { published, lang: a.language.code.clone() };
    (fact_inputs, anchor)
}

/// Key phrases of the body sentences.
fn keywords(a: &Analysis, most: usize) -> Vec<Keyword> {
    let kw_inputs: Vec<keywords::KeywordInput> = a
        .sentences
        .iter()
        .filter(|s| s.kind == ParaKind::Body)
        .enumerate()
        .map(|(rank, s)| keywords::KeywordInput { text: s.text, tok: &s.tok, rank })
        .collect();
    keywords::extract(&kw_inputs, &a.title_terms, most, &a.language.code)
}

/// A caption without its trailing photo credit (so the photographer is not a key fact).
fn caption_text(text: &str) -> &str {
    match clean::credit_suffix_start(text) {
        Some(p) => text[..p].trim_end(),
        None => text,
    }
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
        candidates: Vec<(vector::SparseVector, Vec<u64>)>,
        /// What each eligible sentence needs beside it.
        needs: Vec<Need>,
    }

    /// Analyses an article as [`crate::summarize`] does.
    pub fn analyze(article: &Article) -> Result<Doc, Error> {
        with_analysis(article, |_, _, a| Doc {
            texts: a.eligible.iter().map(|&i| a.sentences[i].text.to_string()).collect(),
            features: a.features.clone(),
            total: a.sentences.len(),
            candidates: (0..a.eligible.len())
                .map(|k| {
                    let c = a.candidate(k, 0.0);
                    (c.vector, c.trigrams)
                })
                .collect(),
            needs: a.needs.clone(),
        })
    }

    /// Why each of the article's sentences (those `ratio = 1.0` lists, by
    /// [`crate::SummarySentence::index`]) cannot stand alone in a summary: `None` when it can,
    /// else what it needs (`"previous"`, `"next"` or `"never"`) and the rule that says so
    /// (`"pronoun"`, `"connective"`, `"quotation"`, …). What the `standalone` measure of
    /// `examples/eval.rs` reads.
    pub fn standing(article: &Article) -> Result<Vec<Option<(&'static str, &'static str)>>, Error> {
        with_analysis(article, |_, _, a| {
            a.standing
                .iter()
                .map(|s| match *s {
                    Standing::Alone => None,
                    Standing::Previous(w) => Some(("previous", w.as_str())),
                    Standing::Next(w) => Some(("next", w.as_str())),
                    Standing::Never(w) => Some(("never", w.as_str())),
                })
                .collect()
        })
    }

    /// Every candidate key fact of an article, in order of first mention, with its ranking
    /// features by name (what `scripts/tune-facts.py` fits the ranking on).
    #[allow(clippy::type_complexity)]
    pub fn fact_candidates(article: &Article) -> Result<Vec<(KeyFact, Vec<(&'static str, f64)>)>, Error> {
        let published = article.published.as_deref().and_then(facts::anchor::parse_published);
        with_analysis(article, |_, cleaned, a| {
            let body_words: usize = a.eligible.iter().map(|&i| a.sentences[i].tok.tokens.len()).sum();
            let options = Options::default();
            let n = options.summary_length(a.sentences.len(), body_words);
            let ranking = rank(&a.features, &a.needs, n, &crate::WEIGHTS, |k, score| a.candidate(k, score));
            let (inputs, anchor) = fact_inputs(a, cleaned, &ranking.scores, published);
            let setup = facts::Setup {
                k: options.key_fact_count(),
                nouns_capitalised: a.language.capitalises_nouns(),
                title: cleaned.title.as_deref(),
                explain: false,
            };
            facts::candidates(&inputs, &setup, &anchor)
        })
    }

    /// How many of the `chosen` sentences (positions in `doc.texts`) go without a neighbour
    /// they need (the sentence before or after them, by the rules of `standalone`): what the
    /// `standalone` measure counts, over the eligible sentences.
    pub fn without_neighbour(doc: &Doc, chosen: &[usize]) -> usize {
        chosen
            .iter()
            .filter(|&&k| match doc.needs.get(k) {
                Some(Need::Neighbour(j) | Need::Leaning(Some(j))) => !chosen.contains(j),
                Some(Need::Leaning(None)) => true,
                Some(Need::Never) => true,
                _ => false,
            })
            .count()
    }

    /// The positions in `doc.texts` of an `n`-sentence summary under `weights`, in order.
    pub fn choose(doc: &Doc, n: usize, weights: &Weights) -> Vec<usize> {
        rank(&doc.features, &doc.needs, n, weights, |k, score| select::Candidate {
            index: k,
            score,
            vector: doc.candidates[k].0.clone(),
            trigrams: doc.candidates[k].1.clone(),
            needs: Need::Nothing,
            support: false,
        })
        .chosen
    }
}

/// [`crate::segment`]: the paragraphs and lines of `text` (no cleaning), each split into
/// sentences with the rules of the language asked for or detected.
pub(crate) fn segment_text(text: &str, lang: Option<&str>) -> Vec<crate::Sentence> {
    let language = Language::resolve(lang, text);
    let is_starter = |w: &str| language.is_stopword(w);
    let rules = segment::Rules::new(&is_starter, &language.code);
    let mut out = Vec::new();
    for (ps, pe) in clean::split_text(text) {
        let norm = clean::Normalized::new(text, ps, pe);
        for (s, e) in segment::split(&norm.text, &rules) {
            let (start, end) = (norm.to_input(s), norm.to_input(e));
            let slice = text[start..end].trim();
            let start = start + (text[start..end].len() - text[start..end].trim_start().len());
            let span = crate::Span { start, end: start + slice.len() };
            out.push(crate::Sentence { span, text: collapse_space(slice) });
        }
    }
    out
}

/// `s` with each run of white space collapsed to one space, or removed between two CJK
/// characters (a line break inside Japanese or Chinese text).
fn collapse_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        let joins = out.chars().next_back().is_some_and(crate::script::is_cjk)
            && word.chars().next().is_some_and(crate::script::is_cjk);
        if !out.is_empty() && !joins {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
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
        let rules = segment::Rules::new(&is_starter, &language.code);
        let mut out = Vec::new();
        for p in &cleaned.paragraphs {
            let body = &p.norm.text[p.content_start..];
            for (s, e) in segment::split(body, &rules) {
                out.push(body[s..e].to_string());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rows::{fixture, rows};

    /// Named rows: which leaning sentences may go without the sentence before them.
    #[test]
    fn tolerance_rows() {
        let mut failures = Vec::new();
        for [row, code, before, sentence, expected] in rows::<5>(fixture!("standalone-tolerance.tsv")) {
            let tables = crate::lexicon::for_lang(code);
            let standing = [Standing::Alone, standalone::standing(sentence, None, tables)];
            let got = match needs_of(&standing, &[0, 1], 2)[1] {
                Need::Nothing => "nothing",
                Need::Leaning(_) => "leaning",
                Need::Neighbour(_) => "neighbour",
                Need::Never => "never",
            };
            if got != expected {
                failures.push(format!("{row} ({code}): {before:?} / {sentence:?} is {got:?}, not {expected:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
