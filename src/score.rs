//! Stage 4, scoring: each summary-eligible sentence gets a score, a weighted sum of features,
//! with weights fitted on the CNN/DailyMail dev set by `examples/tune.rs` (coordinate ascent on
//! ROUGE, checked on held-out halves).
//!
//! Features (each in roughly `0..=1`):
//! - **position** (lead bias): `exp(-rank / decay)` over the rank among eligible sentences, and
//!   an indicator for the first sentence (the lede);
//! - **centrality**: cosine similarity between the sentence's TF-IDF vector and the TF-IDF
//!   centroid of the rest of the article (the centroid method of Radev et al. 2004,
//!   "Centroid-based summarization of multiple documents"); IDF over the article's sentences;
//! - **lede similarity**: cosine to the first sentence (later sentences that restate the lede
//!   carry the story);
//! - **term probability**: mean probability of the sentence's content terms in the article
//!   (SumBasic, Nenkova and Vanderwende 2005);
//! - **title**: share of the title's content stems found in the sentence;
//! - **length**: `ln(1 + words) / ln(26)`, and an indicator for sentences under 8 words;
//! - **named entities and numbers**: share of capitalised words not at the sentence start, and
//!   whether it holds a number;
//! - **demotions**: questions, quote-only sentences (a quotation without attribution),
//!   dangling openers ("But …", "He …") after the first sentence, lines ending with ":".

use crate::lexicon;
use crate::model::ScoreParts;
use crate::script;
use crate::token::{TermId, Token};
use crate::vector::{self, cosine, dense_dot, norm, SparseVector};

/// Declares the features, one row each: its docstring, variant, name (as the tuner and the
/// docs write it), the part of [`ScoreParts`] its weighted value adds to, and its shipping
/// weights for short and long summaries. Adding a feature is one row here and one arm in
/// [`features`], which the compiler asks for.
macro_rules! features {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal, $part:ident, short $short:expr, long $long:expr;)*) => {
        /// A feature of a sentence. Values are in roughly `0..=1`; see the module docs.
        #[doc(hidden)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Feature {
            $($(#[doc = $doc])* $variant,)*
        }

        /// Number of features.
        pub const FEATURE_COUNT: usize = [$(Feature::$variant),*].len();

        impl Feature {
            /// Every feature, in the order of [`Features::values`] and [`Weights::features`].
            pub const ALL: [Feature; FEATURE_COUNT] = [$(Feature::$variant),*];

            /// The feature's name.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Feature::$variant => $name,)*
                }
            }

            /// Which part of [`ScoreParts`] the feature's weighted value adds to.
            const fn part(self) -> Part {
                match self {
                    $(Feature::$variant => Part::$part,)*
                }
            }
        }

        /// The shipping weights of the features, in the order of [`Feature::ALL`].
        const SHIPPING_FEATURE_WEIGHTS: [WeightPair; FEATURE_COUNT] =
            [$(WeightPair { short: $short, long: $long }),*];
    };
}

features! {
    /// Lead bias: `exp(-rank / decay)`, filled in at scoring time from the rank.
    Position = "position", Position, short 0.5, long 0.0;
    /// The first eligible sentence (the lede).
    First = "first", Position, short 0.0, long 0.0;
    /// Cosine to the TF-IDF centroid of the other sentences.
    Centrality = "centrality", Centrality, short 3.0, long 6.0;
    /// Cosine to the lede.
    Lede = "lede", Centrality, short 0.25, long 0.1;
    /// Mean probability of the sentence's content terms (SumBasic).
    TermProbability = "term_probability", Centrality, short 0.1, long 6.0;
    /// Share of the title's content stems in the sentence.
    Title = "title", Title, short 0.1, long 0.0;
    /// `ln(1 + words) / ln(26)`.
    Length = "length", Length, short -0.25, long 1.5;
    /// A sentence under 8 words.
    Short = "short", Length, short -0.1, long -0.1;
    /// Share of capitalised words after the first (named entities).
    Entities = "entities", Centrality, short 0.25, long 0.0;
    /// Whether the sentence holds a number.
    Numbers = "numbers", Centrality, short 0.0, long 0.0;
    /// A question.
    Question = "question", Penalty, short 0.0, long 0.0;
    /// A quotation without attribution.
    QuoteOnly = "quote_only", Penalty, short 0.0, long -0.5;
    /// A dangling opener ("But …", "He …") after the first sentence (English).
    Dangling = "dangling", Penalty, short 0.0, long 0.0;
    /// A line ending with ":".
    Colon = "colon", Penalty, short -0.5, long -2.0;
    /// Degree centrality on the cosine-similarity graph (continuous LexRank degree).
    Degree = "degree", Centrality, short 0.0, long 8.0;
    /// TextRank score.
    TextRank = "textrank", Centrality, short 0.0, long 6.0;
}

#[derive(Clone, Copy)]
enum Part {
    Position,
    Centrality,
    Title,
    Length,
    Penalty,
}

/// The weights of one feature: for short summaries and for long ones.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WeightPair {
    /// Weight for summaries of up to [`SHORT_SUMMARY`] sentences.
    pub short: f64,
    /// Weight for summaries of [`LONG_SUMMARY`] sentences or more.
    pub long: f64,
}

/// Feature weights and settings, for short and for long summaries. The shipping values are
/// [`WEIGHTS`].
///
/// What makes a good sentence depends on how long a summary the reader asks for: for a digest
/// of a few sentences the lede and what restates it matter most; for a long abridgement,
/// coverage of the whole story does. So each feature has two weights, for short summaries
/// (`short`, up to [`SHORT_SUMMARY`] sentences) and long ones (`long`, from [`LONG_SUMMARY`]
/// sentences), blended linearly in between.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Each feature's weights, in the order of [`Feature::ALL`].
    pub features: [WeightPair; FEATURE_COUNT],
    /// Decay of the position feature, in sentences.
    pub position_decay: f64,
    /// MMR trade-off between score and redundancy for short summaries (1.0 = score only).
    pub mmr_short: f64,
    /// MMR trade-off for long summaries.
    pub mmr_long: f64,
    /// Whether trigram blocking applies to long summaries (it always does to short ones).
    pub block_long: bool,
    /// What a sentence that leans on the one before it by its first words (a pronoun or
    /// connective) takes off its MMR value when chosen without it, in short summaries
    /// (`f64::INFINITY`: never without it).
    pub leaning_short: f64,
    /// The same in long summaries.
    pub leaning_long: f64,
}

/// Summaries of up to this many sentences use the `short` weights.
pub const SHORT_SUMMARY: usize = 3;
/// Summaries of this many sentences or more use the `long` weights.
pub const LONG_SUMMARY: usize = 7;

impl Weights {
    /// How far a summary of `n` sentences is towards a long one: 0 (short) to 1 (long).
    pub fn longness(n: usize) -> f64 {
        ((n as f64 - SHORT_SUMMARY as f64) / (LONG_SUMMARY - SHORT_SUMMARY) as f64).clamp(0.0, 1.0)
    }

    /// The feature weights at `longness` (see [`Weights::longness`]).
    pub fn at(&self, longness: f64) -> [f64; FEATURE_COUNT] {
        self.features.map(|p| p.short + (p.long - p.short) * longness)
    }

    /// The weights of feature `f`.
    pub fn of(&mut self, f: Feature) -> &mut WeightPair {
        &mut self.features[f as usize]
    }

    /// The MMR trade-off at `longness`.
    pub fn mmr_at(&self, longness: f64) -> f64 {
        self.mmr_short + (self.mmr_long - self.mmr_short) * longness
    }

    /// The price of a leaning sentence chosen without the one before it, at `longness`.
    pub fn leaning_at(&self, longness: f64) -> f64 {
        if longness < 0.5 {
            self.leaning_short
        } else {
            self.leaning_long
        }
    }

    /// Whether trigram blocking applies at `longness`.
    pub fn blocking_at(&self, longness: f64) -> bool {
        longness < 0.5 || self.block_long
    }
}

/// The shipping weights (the feature weights are in the feature table), fitted by `examples/tune.rs` on the CNN/DailyMail and BBC dev sets (see README,
/// "Quality").
pub const WEIGHTS: Weights = Weights {
    features: SHIPPING_FEATURE_WEIGHTS,
    position_decay: 12.0,
    mmr_short: 0.5,
    mmr_long: 1.0,
    block_long: false,
    leaning_short: 0.125,
    leaning_long: 0.275,
};

/// The raw features of one eligible sentence.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features {
    /// Rank among eligible sentences, from 0.
    pub rank: usize,
    /// Feature values in the order of [`Feature::ALL`]; the position value is filled in by
    /// [`Features::score`] from `rank` and the decay.
    pub values: [f64; FEATURE_COUNT],
}

impl Features {
    /// The weighted parts of the score.
    pub fn score(&self, w: &Weights, longness: f64) -> ScoreParts {
        let mut values = self.values;
        values[Feature::Position as usize] = (-(self.rank as f64) / w.position_decay.max(1e-6)).exp();
        let mut parts = ScoreParts::default();
        for ((v, weight), feature) in values.iter().zip(w.at(longness)).zip(Feature::ALL) {
            let x = v * weight;
            match feature.part() {
                Part::Position => parts.position += x,
                Part::Centrality => parts.centrality += x,
                Part::Title => parts.title += x,
                Part::Length => parts.length += x,
                Part::Penalty => parts.penalty += x,
            }
        }
        parts
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

/// TF-IDF weights over the article's eligible sentences. Term ids are dense (`0..vocabulary
/// size`), so per-term tables are plain vectors.
pub(crate) struct TfIdf {
    idf: Vec<f64>,
}

impl TfIdf {
    /// IDF of each term over `sentences` (sentences are the documents): `ln(1 + N / df)`.
    pub fn new(sentences: &[ScoreInput]) -> TfIdf {
        let size = sentences.iter().flat_map(|s| s.terms.iter()).map(|&t| t as usize + 1).max().unwrap_or(0);
        let mut df = vec![0u32; size];
        let mut last_seen = vec![usize::MAX; size];
        for (i, s) in sentences.iter().enumerate() {
            for &t in s.terms {
                let t = t as usize;
                if last_seen[t] != i {
                    last_seen[t] = i;
                    df[t] += 1;
                }
            }
        }
        let n = sentences.len().max(1) as f64;
        let idf = df.into_iter().map(|d| if d == 0 { 0.0 } else { (1.0 + n / f64::from(d)).ln() }).collect();
        TfIdf { idf }
    }

    pub fn idf(&self, t: TermId) -> f64 {
        self.idf.get(t as usize).copied().unwrap_or(0.0)
    }

    /// Number of term ids the tables cover.
    pub fn size(&self) -> usize {
        self.idf.len()
    }

    /// The TF-IDF vector of a bag of terms, as sorted `(term, weight)` pairs.
    pub fn vector(&self, terms: &[TermId]) -> SparseVector {
        let mut out = vector::term_counts(terms);
        for (t, w) in &mut out {
            *w *= self.idf(*t);
        }
        out
    }
}

/// Computes the features of the eligible sentences, in order.
pub(crate) fn features(
    sentences: &[ScoreInput],
    tfidf: &TfIdf,
    title_terms: &[TermId],
    english: bool,
) -> Vec<Features> {
    // The article's term counts and TF-IDF centroid, dense by term id.
    let size = tfidf.size();
    let mut tf = vec![0.0f64; size];
    for s in sentences {
        for &t in s.terms {
            tf[t as usize] += 1.0;
        }
    }
    let total_terms: f64 = tf.iter().sum::<f64>().max(1.0);
    let centroid: Vec<f64> = tf.iter().enumerate().map(|(t, &c)| c * tfidf.idf(t as TermId)).collect();
    let centroid_sq: f64 = centroid.iter().map(|x| x * x).sum();

    let mut title: Vec<TermId> = title_terms.to_vec();
    crate::vector::sort_terms(&mut title);
    title.dedup();
    let lede = sentences.first().map(|s| tfidf.vector(s.terms)).unwrap_or_default();
    // Degree centrality on the cosine-similarity graph (LexRank's continuous degree, Erkan
    // and Radev 2004), in linear time: the sum of a sentence's cosines to all others is its
    // unit vector's dot product with the sum of all unit vectors, minus one.
    let vectors: Vec<SparseVector> = sentences.iter().map(|s| tfidf.vector(s.terms)).collect();
    let mut unit_sum = vec![0.0f64; size];
    for v in &vectors {
        let n = norm(v);
        if n > 0.0 {
            for &(t, x) in v {
                unit_sum[t as usize] += x / n;
            }
        }
    }
    let others = (sentences.len().max(2) - 1) as f64;
    // Content features compare a sentence with the rest of the article: with few sentences that
    // comparison is noise, so they shrink towards zero by N / (N + 5).
    let shrink = sentences.len() as f64 / (sentences.len() as f64 + 5.0);
    let textrank = textrank(sentences);

    sentences
        .iter()
        .enumerate()
        .map(|(rank, s)| {
            let v = &vectors[rank];
            let v = v.as_slice();
            // Cosine to the centroid of the other sentences: (C - v)·v / (|C - v| |v|).
            let vn = norm(v);
            let cv = dense_dot(&centroid, v);
            let vv = vn * vn;
            let rest_sq = (centroid_sq - 2.0 * cv + vv).max(0.0);
            let centrality = if vn > 0.0 && rest_sq > 0.0 { (cv - vv) / (rest_sq.sqrt() * vn) } else { 0.0 };
            let title_share = if title.is_empty() {
                0.0
            } else {
                title.iter().filter(|&&t| v.binary_search_by_key(&t, |x| x.0).is_ok()).count() as f64
                    / title.len() as f64
            };
            let term_probability = if s.terms.is_empty() {
                0.0
            } else {
                // Scaled so that a typical news sentence scores around 0.5.
                (s.terms.iter().map(|&t| tf[t as usize] / total_terms).sum::<f64>() / s.terms.len() as f64 * 50.0)
                    .min(1.0)
            };
            let words = s.tokens.len();
            let inner_caps = s.tokens.iter().skip(1).filter(|t| t.capitalised).count();
            let flag = |b: bool| f64::from(u8::from(b));
            let values = Feature::ALL.map(|f| match f {
                Feature::Position => 0.0,
                Feature::First => flag(rank == 0),
                Feature::Centrality => shrink * centrality.max(0.0),
                Feature::Lede => {
                    if rank == 0 {
                        0.0
                    } else {
                        shrink * cosine(v, &lede)
                    }
                }
                Feature::TermProbability => shrink * term_probability,
                Feature::Title => title_share,
                Feature::Length => ((1.0 + words as f64).ln() / 26f64.ln()).min(1.3),
                Feature::Short => flag(words < 8),
                Feature::Entities => {
                    if words > 1 {
                        inner_caps as f64 / (words - 1) as f64
                    } else {
                        0.0
                    }
                }
                Feature::Numbers => flag(s.tokens.iter().any(|t| t.numeric)),
                Feature::Question => {
                    flag(s.text.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(script::QUESTION_MARKS))
                }
                Feature::QuoteOnly => flag(is_quote_only(s.text)),
                Feature::Dangling => flag(english && rank > 0 && opens_dangling(s.text, s.tokens)),
                Feature::Colon => flag(s.text.ends_with(':')),
                Feature::Degree => {
                    if vn > 0.0 {
                        shrink * ((dense_dot(&unit_sum, v) / vn - 1.0) / others).max(0.0)
                    } else {
                        0.0
                    }
                }
                Feature::TextRank => shrink * textrank[rank],
            });
            Features { rank, values }
        })
        .collect()
}

/// Most sentences ranked with TextRank; longer articles use only the first ones (the rest
/// score 0), which bounds the pairwise work.
pub const TEXTRANK_MAX_SENTENCES: usize = 300;

/// TextRank (Mihalcea and Tarau 2004): PageRank (damping 0.85, 30 iterations) over the graph
/// whose edge weights are the number of content stems two sentences share divided by
/// `ln |s1| + ln |s2|`. Scores are divided by the largest, so the best sentence has 1.
fn textrank(sentences: &[ScoreInput]) -> Vec<f64> {
    let n = sentences.len().min(TEXTRANK_MAX_SENTENCES);
    let mut out = vec![0.0; sentences.len()];
    if n < 2 {
        out.iter_mut().take(n).for_each(|x| *x = 1.0);
        return out;
    }
    let sets: Vec<Vec<TermId>> = sentences[..n]
        .iter()
        .map(|s| {
            let mut v = s.terms.to_vec();
            crate::vector::sort_terms(&mut v);
            v.dedup();
            v
        })
        .collect();
    let mut weights = vec![0.0f64; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (&sets[i], &sets[j]);
            if a.len() < 2 || b.len() < 2 {
                continue;
            }
            let common = vector::count_common(a, b);
            let w = common as f64 / ((a.len() as f64).ln() + (b.len() as f64).ln());
            weights[i * n + j] = w;
            weights[j * n + i] = w;
        }
    }
    // Column-normalise once: m[i * n + j] = w(j, i) / out(j), so each iteration is a plain
    // matrix-vector product (weights are symmetric: w(j, i) = w(i, j)).
    let mut out_sum = vec![0.0f64; n];
    for i in 0..n {
        let mut total = 0.0;
        for j in 0..n {
            total += weights[i * n + j];
        }
        out_sum[i] = total;
    }
    for i in 0..n {
        for j in 0..n {
            let w = weights[i * n + j];
            weights[i * n + j] = if out_sum[j] > 0.0 { w / out_sum[j] } else { 0.0 };
        }
    }
    let mut rank = vec![1.0 / n as f64; n];
    let mut next = vec![0.0f64; n];
    let base = 0.15 / n as f64;
    for _ in 0..30 {
        for i in 0..n {
            let row = &weights[i * n..(i + 1) * n];
            let mut incoming = 0.0;
            for j in 0..n {
                incoming += row[j] * rank[j];
            }
            next[i] = base + 0.85 * incoming;
        }
        std::mem::swap(&mut rank, &mut next);
    }
    let max = rank.iter().copied().fold(0.0, f64::max);
    if max > 0.0 {
        for (o, r) in out.iter_mut().zip(rank) {
            *o = r / max;
        }
    }
    out
}

/// A quotation standing alone, with no reporting verb to say whose it is.
fn is_quote_only(text: &str) -> bool {
    let t = text.trim();
    let opens = t.starts_with(script::opens_quote);
    let closes = t.trim_end_matches(['.', ' ']).ends_with(script::closes_quote);
    opens && closes && {
        let lower = t.to_lowercase();
        !lower.split(|c: char| !c.is_alphanumeric()).any(|w| lexicon::REPORTING_VERBS.contains(w))
    }
}

fn opens_dangling(text: &str, tokens: &[Token]) -> bool {
    let Some(first) = tokens.first() else { return false };
    let word = first.text(text).to_lowercase();
    lexicon::DANGLING_OPENERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_table() {
        assert_eq!(Feature::ALL.len(), FEATURE_COUNT);
        assert!(Feature::ALL.iter().enumerate().all(|(i, &f)| f as usize == i));
        assert_eq!(Feature::TextRank.name(), "textrank");
        assert_eq!(WEIGHTS.features[Feature::Centrality as usize], WeightPair { short: 3.0, long: 6.0 });
    }

    #[test]
    fn quote_only_needs_no_attribution() {
        assert!(is_quote_only("“We will win.”"));
        assert!(!is_quote_only("“We will win,” she said."));
        assert!(!is_quote_only("The plan will work."));
    }

    #[test]
    fn earlier_sentences_score_higher_all_else_equal() {
        let f0 = Features { rank: 0, ..Features::default() };
        let f5 = Features { rank: 5, ..Features::default() };
        assert!(total(&f0.score(&WEIGHTS, 0.0)) > total(&f5.score(&WEIGHTS, 0.0)));
    }

    #[test]
    fn parts_add_up_to_the_weighted_sum() {
        let mut f = Features { rank: 2, ..Features::default() };
        for (i, v) in f.values.iter_mut().enumerate() {
            *v = 0.1 * i as f64;
        }
        let p = f.score(&WEIGHTS, 0.0);
        let mut values = f.values;
        values[Feature::Position as usize] = (-2.0 / WEIGHTS.position_decay).exp();
        let direct: f64 = values.iter().zip(WEIGHTS.features).map(|(v, w)| v * w.short).sum();
        assert!((total(&p) - direct).abs() < 1e-9);
    }
}
