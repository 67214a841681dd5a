//! Stable sorting by a comparator with one copy of the sort algorithm.
//!
//! `slice::sort_by` is generic over its closure, so each call site compiles
//! the whole algorithm (quicksort, small-sort, run detection) again: in the
//! app's wasm, 119 copies took 85 kB before optimisation. These functions sort
//! positions with one non-generic routine and then move the items into place,
//! so a call site adds only its comparator. For the short lists the views sort
//! (entities, facets, quotes, marks of one article) the indirection costs
//! nothing noticeable; hot paths (ranking) keep the standard library's sorts.

use std::cmp::Ordering;

/// The positions of `n` items in sorted order (stable).
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// Sorts `v` by `cmp`, stably: the same result as `v.sort_by(cmp)`.
pub fn by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut idx = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    // Position j takes the item at idx[j]: follow each cycle with swaps,
    // marking visited positions by pointing them at themselves.
    for i in 0..v.len() {
        let mut j = i;
        loop {
            let k = idx[j];
            idx[j] = j;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

/// Sorts `v` by a key, stably: the same result as `v.sort_by_key(key)`.
pub fn by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the cycle walk: every permutation of a few items, with ties,
    /// sorts exactly as the standard library's stable sort does.
    #[test]
    fn equals_the_standard_stable_sort() {
        let mut seed = 7u64;
        for len in 0..40 {
            for _ in 0..25 {
                let v: Vec<(u8, usize)> = (0..len)
                    .map(|i| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                        ((seed >> 60) as u8, i)
                    })
                    .collect();
                let mut want = v.clone();
                want.sort_by_key(|x| x.0);
                let mut got = v;
                by_key(&mut got, |x| x.0);
                assert_eq!(got, want);
            }
        }
    }
}
