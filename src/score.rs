//! Stage 4, scoring: each summary-eligible sentence gets a score from a handful of features,
//! combined linearly with weights fitted on the CNN/DailyMail dev set (`examples/tune.rs`).
//!
//! Features:
//! - **position** (lead bias): `exp(-rank / decay)` over the rank among eligible sentences;
//! - **centrality**: cosine similarity between the sentence's TF-IDF vector and the article's
//!   TF-IDF centroid (the centroid method of Radev et al. 2004, "Centroid-based summarization
//!   of multiple documents"); IDF is computed over the article's own sentences;
//! - **title**: share of the title's content stems found in the sentence;
//! - **length**: `ln(1 + words) / ln(26)`, a prior for sentences long enough to stand alone;
//! - **penalties**: questions, quote-only sentences (a quotation without attribution),
//!   dangling openers ("But …", "He …") after the first sentence, and lines that end with ":".

use crate::lexicon;
use crate::model::ScoreParts;
use crate::token::{TermId, Token};
use rustc_hash::FxHashMap as HashMap;

/// Feature weights. The shipping values are [`WEIGHTS`].
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    pub position: f64,
    pub position_decay: f64,
    pub centrality: f64,
    pub title: f64,
    pub length: f64,
    pub question: f64,
    pub quote_only: f64,
    pub dangling: f64,
    pub colon: f64,
    /// MMR trade-off between score and redundancy (1.0 = score only).
    pub mmr_lambda: f64,
}

/// The shipping weights, fitted by `examples/tune.rs` on half of `cnndm/dev.jsonl` and checked
/// on the other half (see README, "Quality").
pub const WEIGHTS: Weights = Weights {
    position: 1.0,
    position_decay: 3.0,
    centrality: 0.6,
    title: 0.2,
    length: 0.3,
    question: -0.5,
    quote_only: -0.3,
    dangling: -0.3,
    colon: -0.5,
    mmr_lambda: 0.8,
};

/// The raw features of one eligible sentence.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features {
    /// Rank among eligible sentences, from 0.
    pub rank: usize,
    pub centrality: f64,
    pub title: f64,
    pub words: usize,
    pub question: bool,
    pub quote_only: bool,
    pub dangling: bool,
    pub colon: bool,
}

impl Features {
    /// The weighted parts of the score.
    pub fn score(&self, w: &Weights) -> ScoreParts {
        let length = ((1.0 + self.words as f64).ln() / 26f64.ln()).min(1.3);
        let mut penalty = 0.0;
        if self.question {
            penalty += w.question;
        }
        if self.quote_only {
            penalty += w.quote_only;
        }
        if self.dangling {
            penalty += w.dangling;
        }
        if self.colon {
            penalty += w.colon;
        }
        ScoreParts {
            position: w.position * (-(self.rank as f64) / w.position_decay.max(1e-6)).exp(),
            centrality: w.centrality * self.centrality,
            title: w.title * self.title,
            length: w.length * length,
            penalty,
        }
    }
}

/// Sum of the parts.
pub(crate) fn total(p: &ScoreParts) -> f64 {
    p.position + p.centrality + p.title + p.length + p.penalty
}

/// A sentence as scoring sees it.
pub(crate) struct ScoreInput<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub terms: &'a [TermId],
}

/// TF-IDF weights over the article's eligible sentences.
pub(crate) struct TfIdf {
    idf: HashMap<TermId, f64>,
}

impl TfIdf {
    /// IDF of each term over `sentences` (sentences are the documents): `ln(1 + N / df)`.
    pub fn new(sentences: &[ScoreInput]) -> TfIdf {
        let mut df: HashMap<TermId, u32> = HashMap::default();
        let mut seen: Vec<TermId> = Vec::new();
        for s in sentences {
            seen.clear();
            seen.extend_from_slice(s.terms);
            seen.sort_unstable();
            seen.dedup();
            for &t in &seen {
                *df.entry(t).or_default() += 1;
            }
        }
        let n = sentences.len().max(1) as f64;
        let idf = df.into_iter().map(|(t, d)| (t, (1.0 + n / d as f64).ln())).collect();
        TfIdf { idf }
    }

    pub fn idf(&self, t: TermId) -> f64 {
        self.idf.get(&t).copied().unwrap_or(0.0)
    }

    /// The TF-IDF vector of a bag of terms, as sorted `(term, weight)` pairs.
    pub fn vector(&self, terms: &[TermId]) -> Vec<(TermId, f64)> {
        let mut v: Vec<TermId> = terms.to_vec();
        v.sort_unstable();
        let mut out: Vec<(TermId, f64)> = Vec::with_capacity(v.len());
        for t in v {
            match out.last_mut() {
                Some((lt, w)) if *lt == t => *w += 1.0,
                _ => out.push((t, 1.0)),
            }
        }
        for (t, w) in &mut out {
            *w *= self.idf(*t);
        }
        out
    }
}

/// Cosine similarity of two sorted sparse vectors.
pub(crate) fn cosine(a: &[(TermId, f64)], b: &[(TermId, f64)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    let na: f64 = a.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
    let nb: f64 = b.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// Computes the features of the eligible sentences, in order.
pub(crate) fn features(
    sentences: &[ScoreInput],
    tfidf: &TfIdf,
    title_terms: &[TermId],
    english: bool,
) -> Vec<Features> {
    // The centroid: the article's summed TF-IDF vector.
    let mut centroid: HashMap<TermId, f64> = HashMap::default();
    for s in sentences {
        for &t in s.terms {
            *centroid.entry(t).or_default() += 1.0;
        }
    }
    let mut centroid: Vec<(TermId, f64)> = centroid.into_iter().map(|(t, c)| (t, c * tfidf.idf(t))).collect();
    centroid.sort_unstable_by_key(|x| x.0);

    let mut title: Vec<TermId> = title_terms.to_vec();
    title.sort_unstable();
    title.dedup();

    sentences
        .iter()
        .enumerate()
        .map(|(rank, s)| {
            let v = tfidf.vector(s.terms);
            let title_share = if title.is_empty() {
                0.0
            } else {
                title.iter().filter(|&&t| v.binary_search_by_key(&t, |x| x.0).is_ok()).count() as f64
                    / title.len() as f64
            };
            Features {
                rank,
                centrality: cosine(&v, &centroid),
                title: title_share,
                words: s.tokens.len(),
                question: s.text.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['?', '？']),
                quote_only: is_quote_only(s.text),
                dangling: english && rank > 0 && opens_dangling(s.text, s.tokens),
                colon: s.text.ends_with(':'),
            }
        })
        .collect()
}

/// A quotation standing alone, with no reporting verb to say whose it is.
fn is_quote_only(text: &str) -> bool {
    let t = text.trim();
    let opens = t.starts_with(['"', '“', '«', '„', '「']);
    let closes = t.trim_end_matches(['.', ' ']).ends_with(['"', '”', '»', '“', '」']);
    opens && closes && {
        let lower = t.to_lowercase();
        !lexicon::REPORTING_VERBS.iter().any(|v| lower.split(|c: char| !c.is_alphanumeric()).any(|w| w == *v))
    }
}

fn opens_dangling(text: &str, tokens: &[Token]) -> bool {
    let Some(first) = tokens.first() else { return false };
    let word = first.text(text).to_lowercase();
    lexicon::contains(lexicon::DANGLING_OPENERS, &word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_sparse_vectors() {
        let a = vec![(1, 1.0), (2, 1.0)];
        let b = vec![(2, 1.0), (3, 1.0)];
        assert!((cosine(&a, &b) - 0.5).abs() < 1e-9);
        assert_eq!(cosine(&a, &[]), 0.0);
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn quote_only_needs_no_attribution() {
        assert!(is_quote_only("“We will win.”"));
        assert!(!is_quote_only("“We will win,” she said."));
        assert!(!is_quote_only("The plan will work."));
    }

    #[test]
    fn earlier_sentences_score_higher_all_else_equal() {
        let f0 = Features { rank: 0, words: 20, ..Features::default() };
        let f5 = Features { rank: 5, words: 20, ..Features::default() };
        assert!(total(&f0.score(&WEIGHTS)) > total(&f5.score(&WEIGHTS)));
    }
}
