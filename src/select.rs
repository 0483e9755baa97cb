//! Stage 5, selection: the best-scoring sentences with redundancy control, restored to
//! article order.
//!
//! Redundancy control combines Maximal Marginal Relevance (Carbonell and Goldstein 1998, "The
//! use of MMR, diversity-based reranking for reordering documents and producing summaries")
//! over TF-IDF cosine similarity with trigram blocking (Paulus et al. 2018): a candidate that
//! shares a word trigram with a sentence already chosen is passed over while others remain.
//! Only the top [`CANDIDATE_POOL`] sentences by score (at least 8 per summary sentence) are
//! considered, which bounds the pairwise similarity work whatever the article's length.

use crate::vector::{self, SparseVector};

/// Fewest candidates considered for selection.
pub const CANDIDATE_POOL: usize = 40;

/// A sentence that may be chosen.
pub(crate) struct Candidate {
    /// Index among the article's sentences.
    pub index: usize,
    pub score: f64,
    /// Sorted TF-IDF vector.
    pub vector: SparseVector,
    /// Sorted, deduplicated hashes of its lower-cased word trigrams.
    pub trigrams: Vec<u64>,
}

/// TF-IDF cosine at or above which two sentences count as the same sentence.
const NEAR_DUPLICATE: f64 = 0.9;
/// Share of the shorter sentence's word trigrams found in the other at or above which two
/// sentences count as the same sentence ("… of Afghanistan1." / "… of Afghanistan2.").
const NEAR_DUPLICATE_TRIGRAMS: f64 = 0.6;

/// How many candidates to build for a summary of `n` sentences.
pub(crate) fn pool_size(n: usize) -> usize {
    CANDIDATE_POOL.max(n.saturating_mul(8))
}

/// Chooses `n` candidates. `cands` must be sorted by score, best first. Returns sentence
/// indices in article order.
pub(crate) fn select(cands: &[Candidate], n: usize, lambda: f64, blocking: bool) -> Vec<usize> {
    let n = n.min(cands.len());
    let max = cands.iter().map(|c| c.score).fold(f64::MIN, f64::max);
    let min = cands.iter().map(|c| c.score).fold(f64::MAX, f64::min);
    let range = if max > min { max - min } else { 1.0 };
    let norm = |s: f64| (s - min) / range;

    let mut chosen: Vec<usize> = Vec::with_capacity(n); // positions in cands
    let mut taken = vec![false; cands.len()];
    while chosen.len() < n {
        let mut best: Option<(usize, f64)> = None;
        for (i, c) in cands.iter().enumerate() {
            if taken[i] || blocking && chosen.iter().any(|&j| vector::share_any(&c.trigrams, &cands[j].trigrams)) {
                continue;
            }
            let redundancy = chosen.iter().map(|&j| vector::cosine(&c.vector, &cands[j].vector)).fold(0.0, f64::max);
            // A near copy of a chosen sentence (an article that repeats itself) is never
            // taken while anything else remains, whatever λ and blocking say.
            if redundancy >= NEAR_DUPLICATE
                || chosen.iter().any(|&j| shared_share(&c.trigrams, &cands[j].trigrams) >= NEAR_DUPLICATE_TRIGRAMS)
            {
                continue;
            }
            let mmr = lambda * norm(c.score) - (1.0 - lambda) * redundancy;
            if best.is_none_or(|(_, b)| mmr > b) {
                best = Some((i, mmr));
            }
        }
        // When every remaining candidate is blocked, take the best by score.
        let pick = best.map(|(i, _)| i).or_else(|| (0..cands.len()).find(|&i| !taken[i]));
        let Some(i) = pick else { break };
        taken[i] = true;
        chosen.push(i);
    }
    let mut out: Vec<usize> = chosen.into_iter().map(|i| cands[i].index).collect();
    crate::vector::sort_by_key(&mut out, |&i| i);
    out
}

/// Shared trigrams over the trigrams of the shorter list (0 when either is empty).
fn shared_share(a: &[u64], b: &[u64]) -> f64 {
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        return 0.0;
    }
    let shared = vector::count_common(a, b);
    shared as f64 / shorter as f64
}

/// Hashes of the lower-cased word trigrams of a sentence (FNV-1a over the three words).
pub(crate) fn trigrams<'a>(words: impl Iterator<Item = &'a str>) -> Vec<u64> {
    let lower: Vec<String> = words.map(str::to_lowercase).collect();
    let mut out: Vec<u64> = lower
        .windows(3)
        .map(|w| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for word in w {
                for b in word.bytes().chain(std::iter::once(0)) {
                    h ^= u64::from(b);
                    h = h.wrapping_mul(0x0100_0000_01b3);
                }
            }
            h
        })
        .collect();
    crate::vector::sort_by_key(&mut out, |&i| i);
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(index: usize, score: f64, words: &str, terms: &[u32]) -> Candidate {
        Candidate {
            index,
            score,
            vector: terms.iter().map(|&t| (t, 1.0)).collect(),
            trigrams: trigrams(words.split(' ')),
        }
    }

    #[test]
    fn trigram_blocking_skips_repeats() {
        let cands = vec![
            cand(0, 3.0, "the fair returns in august", &[1, 2, 3]),
            cand(5, 2.9, "the fair returns in august again", &[1, 2, 3, 4]),
            cand(2, 1.0, "tickets cost fifteen dollars", &[7, 8]),
        ];
        assert_eq!(select(&cands, 2, 0.8, true), vec![0, 2]);
    }

    #[test]
    fn near_copies_are_skipped_without_blocking_or_mmr() {
        // λ = 1 and no blocking (the long-summary regime): a copy that differs in one word is
        // still passed over while another sentence remains.
        let cands = vec![
            cand(0, 3.0, "no country has recognised the government of afghanistan1", &[1, 2, 3, 4, 5]),
            cand(7, 2.9, "no country has recognised the government of afghanistan2", &[1, 2, 3, 4, 6]),
            cand(3, 1.0, "tickets cost fifteen dollars", &[7, 8]),
        ];
        assert_eq!(select(&cands, 2, 1.0, false), vec![0, 3]);
        // With nothing else left, the copy is taken rather than returning too few.
        assert_eq!(select(&cands, 3, 1.0, false), vec![0, 3, 7]);
    }

    #[test]
    fn results_are_in_article_order_and_bounded() {
        let cands = vec![cand(9, 3.0, "a b c", &[1]), cand(1, 2.0, "d e f", &[2]), cand(4, 1.0, "g h i", &[3])];
        assert_eq!(select(&cands, 2, 1.0, true), vec![1, 9]);
        assert_eq!(select(&cands, 10, 1.0, true), vec![1, 4, 9]);
        assert!(select(&[], 3, 0.5, true).is_empty());
    }
}
