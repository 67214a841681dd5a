//! When two versions of a quote are the same statement: the folded words of
//! each (`word_set`), and how much of the smaller set the larger holds
//! (`same`), against [`SAME_QUOTE_OVERLAP`]. Apart because two views must
//! decide it alike: quotes by speaker merges the versions several articles
//! report into one group, and compare pairs the quotes two articles share.

use std::collections::HashSet;

use crate::text::{fold, tokens};

/// Two versions of a quote are the same statement when this share of the shorter
/// one's words (folded) also appear in the longer one. Outlets trim, translate
/// slightly differently and punctuate differently; 0.6 keeps "As of 12:30 p.m.,
/// Lyman is fully cleared" and "As of 12:30pm (09:30 GMT), Lyman has been fully
/// cleared" together while keeping different sentences of one speech apart.
pub const SAME_QUOTE_OVERLAP: f64 = 0.6;

/// The quote's words, folded (case, diacritics), each once.
pub(super) fn word_set(s: &str) -> HashSet<String> {
    tokens(s).map(|t| fold(t.text)).collect()
}

/// Whether two versions are one statement, by their word sets.
pub(super) fn same(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let shared = small.iter().filter(|w| large.contains(*w)).count();
    same_by_count(shared, a.len(), b.len())
}

/// Whether two word sets of `a` and `b` words, `shared` of them in common, are
/// one statement: the share of the smaller set found in the larger reaches
/// [`SAME_QUOTE_OVERLAP`]. For callers that count shared words their own way.
pub(super) fn same_by_count(shared: usize, a: usize, b: usize) -> bool {
    let smaller = a.min(b);
    smaller > 0 && shared as f64 / smaller as f64 >= SAME_QUOTE_OVERLAP
}
