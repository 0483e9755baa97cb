//! Sparse term vectors and orderings, shared by the stages: TF-IDF vectors as sorted
//! `(term, weight)` pairs, their cosine similarity, the one sorted merge the crate uses to find
//! what two sorted lists share, and the sorts (one instantiation of the sort code for the whole
//! crate).

use crate::token::TermId;
use std::cmp::Ordering;
use std::ops::ControlFlow;

/// A sparse vector: `(term, weight)` pairs sorted by term, each term once.
pub(crate) type SparseVector = Vec<(TermId, f64)>;

/// Walks two lists sorted by `key` in step and calls `on_common` with each pair of items whose
/// keys are equal, in order, until it breaks. Linear in the lists' lengths.
pub(crate) fn merge_common<T, K: Ord>(
    a: &[T],
    b: &[T],
    key: impl Fn(&T) -> K,
    mut on_common: impl FnMut(&T, &T) -> ControlFlow<()>,
) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match key(&a[i]).cmp(&key(&b[j])) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                if on_common(&a[i], &b[j]).is_break() {
                    return;
                }
                i += 1;
                j += 1;
            }
        }
    }
}

/// How many items two sorted, deduplicated lists share.
pub(crate) fn count_common<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let mut n = 0;
    merge_common(
        a,
        b,
        |x| *x,
        |_, _| {
            n += 1;
            ControlFlow::Continue(())
        },
    );
    n
}

/// Whether two sorted lists share any item.
pub(crate) fn share_any<T: Ord + Copy>(a: &[T], b: &[T]) -> bool {
    let mut found = false;
    merge_common(
        a,
        b,
        |x| *x,
        |_, _| {
            found = true;
            ControlFlow::Break(())
        },
    );
    found
}

/// The term-frequency vector of a bag of terms: each distinct term with its count, sorted by
/// term.
pub(crate) fn term_counts(terms: &[TermId]) -> SparseVector {
    let mut v: Vec<TermId> = terms.to_vec();
    sort_terms(&mut v);
    let mut out: SparseVector = Vec::with_capacity(v.len());
    for t in v {
        match out.last_mut() {
            Some((lt, w)) if *lt == t => *w += 1.0,
            _ => out.push((t, 1.0)),
        }
    }
    out
}

/// Euclidean norm of a sparse vector.
pub(crate) fn norm(a: &[(TermId, f64)]) -> f64 {
    a.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt()
}

/// Dot product of two sorted sparse vectors.
pub(crate) fn dot(a: &[(TermId, f64)], b: &[(TermId, f64)]) -> f64 {
    let mut dot = 0.0;
    merge_common(
        a,
        b,
        |x| x.0,
        |x, y| {
            dot += x.1 * y.1;
            ControlFlow::Continue(())
        },
    );
    dot
}

/// Dot product of a dense vector (indexed by term id) with a sparse one.
pub(crate) fn dense_dot(dense: &[f64], sparse: &[(TermId, f64)]) -> f64 {
    sparse.iter().map(|&(t, x)| dense.get(t as usize).copied().unwrap_or(0.0) * x).sum()
}

/// Cosine similarity of two sorted sparse vectors (0 when either is zero).
pub(crate) fn cosine(a: &[(TermId, f64)], b: &[(TermId, f64)]) -> f64 {
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot(a, b) / (na * nb)
    }
}

/// Indices `0..scores.len()` ordered by score, highest first, ties by index.
pub(crate) fn order_desc(scores: &[f64]) -> Vec<usize> {
    sorted_order(scores.len(), &|a, b| scores[b].total_cmp(&scores[a]))
}

/// The indices `0..n` in the order `cmp` gives them, stably (equal items keep their order).
///
/// Every sort of the crate goes through this function, which is not generic: the standard
/// library's sort is instantiated once per element type and comparator, about 4 KB of
/// WebAssembly each, and a dozen call sites cost the module more than 12 KB gzipped. Here the
/// comparator is a trait object over indices, so the module carries one copy of the sort code
/// (and one for `u32` term lists: [`sort_terms`]). `clippy.toml` rejects the standard sorts.
#[allow(clippy::disallowed_methods)]
pub(crate) fn sorted_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Sorts `items` by `cmp`, stably, through [`sorted_order`]. O(n log n) comparisons and one
/// move of each item.
pub(crate) fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_order(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` by the key `key` gives, stably (like `slice::sort_by_key`).
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts a list of term ids (or other `u32`s) ascending: the hot sort of the scoring stages,
/// kept as the standard unstable sort of `u32` (one instantiation).
#[allow(clippy::disallowed_methods)]
pub(crate) fn sort_terms(terms: &mut [TermId]) {
    terms.sort_unstable();
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
    fn sorts_are_stable_and_ordered() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut w = vec!["pear".to_string(), "fig".to_string(), "apple".to_string()];
        sort_by(&mut w, |a, b| b.len().cmp(&a.len()));
        assert_eq!(w, ["apple", "pear", "fig"]);
        assert_eq!(order_desc(&[0.5, 2.0, 0.5, 1.0]), [1, 3, 0, 2]);
        let mut t = vec![9, 2, 7, 2];
        sort_terms(&mut t);
        assert_eq!(t, [2, 2, 7, 9]);
        let mut empty: Vec<u8> = vec![];
        sort_by_key(&mut empty, |x| *x);
        assert!(empty.is_empty());
    }

    #[test]
    fn sorted_merge() {
        assert_eq!(count_common(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert!(share_any(&[1u64, 9], &[9]));
        assert!(!share_any::<u64>(&[1, 2], &[]));
        assert_eq!(term_counts(&[4, 1, 4]), vec![(1, 1.0), (4, 2.0)]);
        assert_eq!(order_desc(&[0.5, 2.0, 0.5]), vec![1, 0, 2]);
    }
}
