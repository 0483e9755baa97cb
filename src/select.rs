//! Stage 5, selection: the best-scoring sentences with redundancy control, restored to
//! article order.
//!
//! Redundancy control combines Maximal Marginal Relevance (Carbonell and Goldstein 1998, "The
//! use of MMR, diversity-based reranking for reordering documents and producing summaries")
//! over TF-IDF cosine similarity with trigram blocking (Paulus et al. 2018): a candidate that
//! shares a word trigram with a sentence already chosen is passed over while others remain.
//! Only the top [`CANDIDATE_POOL`] sentences by score (at least 8 per summary sentence) are
//! considered, which bounds the pairwise similarity work whatever the article's length.
//!
//! Summaries that stand alone (`crate::standalone`): a candidate that leans on a neighbour
//! ("He said…" on the sentence before, a question on its answer) is chosen only as a unit with
//! it: the unit's value is the mean MMR value of its sentences, it must fit in what is left of
//! the budget, and none of its sentences may be blocked or a near copy. A candidate whose
//! neighbour cannot be chosen, or that is never a summary sentence (a correction note, a
//! lead-in), is passed over and the next best taken. A candidate that only *leans* ([`Need::Leaning`]:
//! a pronoun or connective opener) may also be chosen without its neighbour once a sentence
//! before it is in the summary (so that the summary never opens with it and its reader has the
//! story so far), its value lowered by a fixed price: worth it only when it is much better than
//! what else remains.

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
    /// What it needs beside it to be chosen.
    pub needs: Need,
    /// Added to the pool only as the neighbour another candidate needs: chosen with it, never
    /// alone, and left out of the score range.
    pub support: bool,
}

/// What a candidate needs beside it to be chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Need {
    /// Nothing: it stands alone.
    #[default]
    Nothing,
    /// The candidate whose `index` this is (its neighbour).
    Neighbour(usize),
    /// The candidate whose `index` this is (the sentence before it, `None` when that cannot be
    /// chosen), or nothing at the price `leaning` of [`select`]: it leans by its first words.
    Leaning(Option<usize>),
    /// It is never chosen.
    Never,
}

/// Most sentences in one unit (a sentence and the neighbours it needs, theirs included).
pub const MAX_UNIT: usize = 3;

/// TF-IDF cosine at or above which two sentences count as the same sentence.
const NEAR_DUPLICATE: f64 = 0.9;
/// Share of the shorter sentence's word trigrams found in the other at or above which two
/// sentences count as the same sentence ("… of Afghanistan1." / "… of Afghanistan2.").
const NEAR_DUPLICATE_TRIGRAMS: f64 = 0.6;

/// How many candidates to build for a summary of `n` sentences.
pub(crate) fn pool_size(n: usize) -> usize {
    CANDIDATE_POOL.max(n.saturating_mul(8))
}

/// Chooses `n` candidates. `cands` must be sorted by score, best first, with the support
/// candidates after the rest. `leaning` is what a [`Need::Leaning`] candidate chosen without
/// its neighbour takes off its MMR value (`f64::INFINITY`: never without it). Returns sentence
/// indices in article order.
pub(crate) fn select(cands: &[Candidate], n: usize, lambda: f64, blocking: bool, leaning: f64) -> Vec<usize> {
    let pool = || cands.iter().filter(|c| !c.support);
    let n = n.min(cands.iter().filter(|c| c.needs != Need::Never).count());
    let max = pool().map(|c| c.score).fold(f64::MIN, f64::max);
    let min = pool().map(|c| c.score).fold(f64::MAX, f64::min);
    let range = if max > min { max - min } else { 1.0 };
    let norm = |s: f64| ((s - min) / range).max(0.0);
    let position: rustc_hash::FxHashMap<usize, usize> = cands.iter().enumerate().map(|(i, c)| (c.index, i)).collect();

    let mut chosen: Vec<usize> = Vec::with_capacity(n); // positions in cands
    let mut taken = vec![false; cands.len()];
    while chosen.len() < n {
        let mut best: Option<(Vec<usize>, f64)> = None;
        let mut fallback: Option<Vec<usize>> = None;
        for (i, c) in cands.iter().enumerate() {
            if taken[i] || c.support {
                continue;
            }
            // The unit with the neighbours it needs, and a leaning sentence alone at a price.
            let with = unit(cands, &position, &taken, i).map(|u| (u, 0.0));
            let after_chosen = chosen.iter().any(|&m| cands[m].index < c.index);
            let alone = (matches!(c.needs, Need::Leaning(_)) && leaning.is_finite() && after_chosen)
                .then(|| (vec![i], leaning));
            for (unit, price) in with.into_iter().chain(alone) {
                if chosen.len() + unit.len() > n {
                    continue;
                }
                // When every remaining unit is blocked, the best by score that fits is taken
                // (a leaning sentence alone only when nothing else fits).
                if fallback.is_none() && price == 0.0 {
                    fallback = Some(unit.clone());
                }
                let mut value = 0.0;
                let mut passed = false;
                for &m in &unit {
                    let c = &cands[m];
                    if blocking && chosen.iter().any(|&j| vector::share_any(&c.trigrams, &cands[j].trigrams)) {
                        passed = true;
                        break;
                    }
                    let redundancy =
                        chosen.iter().map(|&j| vector::cosine(&c.vector, &cands[j].vector)).fold(0.0, f64::max);
                    // A near copy of a chosen sentence (an article that repeats itself) is never
                    // taken while anything else remains, whatever λ and blocking say.
                    if redundancy >= NEAR_DUPLICATE
                        || chosen
                            .iter()
                            .any(|&j| shared_share(&c.trigrams, &cands[j].trigrams) >= NEAR_DUPLICATE_TRIGRAMS)
                    {
                        passed = true;
                        break;
                    }
                    value += lambda * norm(c.score) - (1.0 - lambda) * redundancy;
                }
                if passed {
                    continue;
                }
                let mmr = value / unit.len() as f64 - price;
                if best.as_ref().is_none_or(|(_, b)| mmr > *b) {
                    best = Some((unit, mmr));
                }
            }
        }
        let Some(unit) = best.map(|(u, _)| u).or(fallback) else { break };
        for m in unit {
            taken[m] = true;
            chosen.push(m);
        }
    }
    let mut out: Vec<usize> = chosen.into_iter().map(|i| cands[i].index).collect();
    crate::vector::sort_by_key(&mut out, |&i| i);
    out
}

/// The unit of candidate `i`: it and the neighbours it needs (and theirs) not yet taken, in
/// `cands` positions; `None` when one of them is never chosen or not among the candidates, or
/// the unit would hold more than [`MAX_UNIT`] sentences.
fn unit(
    cands: &[Candidate],
    position: &rustc_hash::FxHashMap<usize, usize>,
    taken: &[bool],
    i: usize,
) -> Option<Vec<usize>> {
    let mut unit = vec![i];
    let mut k = 0;
    while k < unit.len() {
        match cands[unit[k]].needs {
            Need::Nothing => {}
            Need::Never => return None,
            Need::Leaning(None) => return None,
            Need::Neighbour(index) | Need::Leaning(Some(index)) => {
                let &p = position.get(&index)?;
                if !taken[p] && !unit.contains(&p) {
                    if unit.len() == MAX_UNIT {
                        return None;
                    }
                    unit.push(p);
                }
            }
        }
        k += 1;
    }
    Some(unit)
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
            needs: Need::Nothing,
            support: false,
        }
    }

    #[test]
    fn trigram_blocking_skips_repeats() {
        let cands = vec![
            cand(0, 3.0, "the fair returns in august", &[1, 2, 3]),
            cand(5, 2.9, "the fair returns in august again", &[1, 2, 3, 4]),
            cand(2, 1.0, "tickets cost fifteen dollars", &[7, 8]),
        ];
        assert_eq!(select(&cands, 2, 0.8, true, f64::INFINITY), vec![0, 2]);
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
        assert_eq!(select(&cands, 2, 1.0, false, f64::INFINITY), vec![0, 3]);
        // With nothing else left, the copy is taken rather than returning too few.
        assert_eq!(select(&cands, 3, 1.0, false, f64::INFINITY), vec![0, 3, 7]);
    }

    fn leaning(mut c: Candidate, needs: Need) -> Candidate {
        c.needs = needs;
        c
    }

    #[test]
    fn a_leaning_sentence_comes_with_its_neighbour_or_not_at_all() {
        // Sentence 4 ("He said …") leans on 3; 3 scores well enough for the pair to win.
        let cands = vec![
            cand(0, 3.0, "the council approved the budget", &[1]),
            leaning(cand(4, 2.9, "he said the vote was fair", &[2]), Need::Neighbour(3)),
            cand(3, 2.5, "the mayor spoke after the vote", &[3]),
            cand(8, 0.5, "tickets cost fifteen dollars", &[4]),
        ];
        assert_eq!(select(&cands, 3, 1.0, true, f64::INFINITY), vec![0, 3, 4]);
        // With room for one sentence more than the lede, the pair does not fit: the leaning
        // sentence is dropped and the next best taken.
        assert_eq!(select(&cands, 2, 1.0, true, f64::INFINITY), vec![0, 3]);
        // A neighbour that cannot be chosen (not among the candidates) drops the sentence.
        let orphan = vec![
            cand(0, 3.0, "the council approved the budget", &[1]),
            leaning(cand(4, 2.9, "he said the vote was fair", &[2]), Need::Neighbour(3)),
            cand(8, 0.5, "tickets cost fifteen dollars", &[4]),
        ];
        assert_eq!(select(&orphan, 2, 1.0, true, f64::INFINITY), vec![0, 8]);
    }

    #[test]
    fn a_leaning_sentence_goes_alone_only_after_a_chosen_sentence_and_at_a_price() {
        // Sentence 4 ("He said …") leans on 3, which scores far below the pool.
        let cands = vec![
            cand(0, 3.0, "the council approved the budget", &[1]),
            leaning(cand(4, 2.9, "he said the vote was fair", &[2]), Need::Leaning(Some(3))),
            cand(8, 2.0, "tickets cost fifteen dollars", &[4]),
            cand(3, 0.1, "the mayor spoke after the vote", &[3]),
        ];
        // Infinite price: the pair (mean 0.5) loses to sentence 8 (0.66).
        assert_eq!(select(&cands, 2, 1.0, true, f64::INFINITY), vec![0, 8]);
        // A small price: 4 alone (0.97 - 0.1) beats 8.
        assert_eq!(select(&cands, 2, 1.0, true, 0.1), vec![0, 4]);
        // A price above the difference: 8 is taken.
        assert_eq!(select(&cands, 2, 1.0, true, 0.5), vec![0, 8]);
        // Never the summary's first sentence: with the lede left out (a near copy of nothing
        // before it), 4 would open the summary, so it is not taken alone.
        let first = vec![
            leaning(cand(4, 3.0, "he said the vote was fair", &[2]), Need::Leaning(Some(3))),
            cand(8, 2.0, "tickets cost fifteen dollars", &[4]),
            cand(9, 1.0, "the fair opens in may", &[5]),
            cand(3, 0.1, "the mayor spoke after the vote", &[3]),
        ];
        assert_eq!(select(&first, 1, 1.0, true, 0.1), vec![8]);
        // A sentence chosen after it in the article does not count: 9 comes after 4.
        let later = vec![
            cand(9, 3.0, "the fair opens in may", &[5]),
            leaning(cand(4, 2.9, "he said the vote was fair", &[2]), Need::Leaning(Some(3))),
            cand(8, 2.0, "tickets cost fifteen dollars", &[4]),
            cand(3, 0.1, "the mayor spoke after the vote", &[3]),
        ];
        assert_eq!(select(&later, 2, 1.0, true, 0.1), vec![8, 9]);
        // A leaning sentence whose neighbour cannot be chosen goes alone at the price, or not at all.
        let orphan = vec![
            cand(0, 3.0, "the council approved the budget", &[1]),
            leaning(cand(4, 2.9, "he said the vote was fair", &[2]), Need::Leaning(None)),
            cand(8, 2.0, "tickets cost fifteen dollars", &[4]),
        ];
        assert_eq!(select(&orphan, 2, 1.0, true, 0.1), vec![0, 4]);
        assert_eq!(select(&orphan, 2, 1.0, true, f64::INFINITY), vec![0, 8]);
    }

    #[test]
    fn support_candidates_come_only_with_what_needs_them() {
        let mut support = cand(3, 0.1, "the mayor spoke after the vote", &[3]);
        support.support = true;
        let cands = vec![
            cand(0, 3.0, "the council approved the budget", &[1]),
            leaning(cand(4, 2.9, "he said the vote was fair", &[2]), Need::Neighbour(3)),
            cand(8, 2.8, "tickets cost fifteen dollars", &[4]),
            support,
        ];
        // The pair (2.9 and a support scored below the pool) is worth less than sentence 8.
        assert_eq!(select(&cands, 2, 1.0, true, f64::INFINITY), vec![0, 8]);
        assert_eq!(select(&cands, 4, 1.0, true, f64::INFINITY), vec![0, 3, 4, 8]);
    }

    #[test]
    fn never_candidates_are_never_chosen() {
        let cands = vec![
            leaning(cand(0, 3.0, "correction an earlier version misstated the date", &[1]), Need::Never),
            cand(2, 1.0, "tickets cost fifteen dollars", &[2]),
        ];
        assert_eq!(select(&cands, 2, 1.0, true, f64::INFINITY), vec![2]);
    }

    #[test]
    fn a_question_and_its_answer_make_one_unit() {
        let cands = vec![
            cand(0, 3.0, "the singer released a new album", &[1]),
            leaning(cand(5, 2.8, "why did you leave the band", &[2]), Need::Neighbour(6)),
            leaning(cand(6, 2.7, "i wanted to write my own songs", &[3]), Need::Neighbour(5)),
            cand(9, 0.2, "the tour starts in may", &[4]),
        ];
        assert_eq!(select(&cands, 3, 1.0, true, f64::INFINITY), vec![0, 5, 6]);
        assert_eq!(select(&cands, 2, 1.0, true, f64::INFINITY), vec![0, 9]);
    }

    #[test]
    fn results_are_in_article_order_and_bounded() {
        let cands = vec![cand(9, 3.0, "a b c", &[1]), cand(1, 2.0, "d e f", &[2]), cand(4, 1.0, "g h i", &[3])];
        assert_eq!(select(&cands, 2, 1.0, true, f64::INFINITY), vec![1, 9]);
        assert_eq!(select(&cands, 10, 1.0, true, f64::INFINITY), vec![1, 4, 9]);
        assert!(select(&[], 3, 0.5, true, f64::INFINITY).is_empty());
    }
}
