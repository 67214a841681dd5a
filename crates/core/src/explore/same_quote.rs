//! When two versions of a quote are the same statement: the folded words of
//! each (`word_set`), and how much of the smaller set the larger holds
//! (`overlap`), against [`SAME_QUOTE_OVERLAP`]. Apart because two views must
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

/// The share of the smaller word set found in the larger.
pub(super) fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    small.iter().filter(|w| large.contains(*w)).count() as f64 / small.len() as f64
}
