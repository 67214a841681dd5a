//! The article-extraction benchmark's metric, exactly as its authors define it
//! (scrapinghub/article-extraction-benchmark; `shared/eval/zyte_score.py` is the
//! reference scorer these figures are checked against).
//!
//! Texts become Unicode `\w+` tokens, tokens become 4-token shingles (a text of
//! fewer than 4 tokens is a single shorter shingle), and one page's counts are
//! multiset overlaps of shingles: TP = Σ min(true, predicted), FP = excess
//! predicted, FN = missing. Each page's counts are divided by their sum, so every
//! page weighs the same; precision and recall are averaged over pages and F1 is
//! taken of the two averages.
//!
//! ```
//! use folio_core::eval_html::{page_counts, Score};
//!
//! let page = page_counts("one two three four five", "one two three four");
//! let score = Score::from_pages([page]);
//! assert_eq!(score.recall, 0.5);
//! assert_eq!(score.precision, 1.0);
//! ```

use std::collections::HashMap;

/// Shingle length in tokens.
const SHINGLE: usize = 4;

/// One page's counts, normalised so that `tp + fp + fn_ == 1` (or all zero when
/// both texts are empty).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PageCounts {
    /// Shingles in both texts.
    pub tp: f64,
    /// Predicted shingles not in the truth.
    pub fp: f64,
    /// True shingles not predicted.
    pub fn_: f64,
}

impl PageCounts {
    /// This page's precision, or `None` when the page is skipped for precision
    /// (nothing predicted and nothing matched).
    pub fn precision(&self) -> Option<f64> {
        if self.tp + self.fp == 0.0 {
            return None;
        }
        Some(if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else {
            self.tp / (self.tp + self.fp)
        })
    }

    /// This page's recall, or `None` when the page is skipped for recall (an
    /// empty truth and nothing matched).
    pub fn recall(&self) -> Option<f64> {
        if self.tp + self.fn_ == 0.0 {
            return None;
        }
        Some(if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else {
            self.tp / (self.tp + self.fn_)
        })
    }
}

/// Precision and recall averaged over pages, and F1 of the two averages.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    /// Pages scored.
    pub pages: usize,
    /// Mean precision over the pages that count for precision.
    pub precision: f64,
    /// Mean recall over the pages that count for recall.
    pub recall: f64,
    /// `2PR / (P + R)`.
    pub f1: f64,
}

impl Score {
    /// Averages per-page counts into the benchmark's figures.
    pub fn from_pages(pages: impl IntoIterator<Item = PageCounts>) -> Score {
        let (mut n, mut ps, mut np, mut rs, mut nr) = (0, 0.0, 0usize, 0.0, 0usize);
        for c in pages {
            n += 1;
            if let Some(p) = c.precision() {
                ps += p;
                np += 1;
            }
            if let Some(r) = c.recall() {
                rs += r;
                nr += 1;
            }
        }
        let precision = if np > 0 { ps / np as f64 } else { 0.0 };
        let recall = if nr > 0 { rs / nr as f64 } else { 0.0 };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            pages: n,
            precision,
            recall,
            f1,
        }
    }
}

/// Python's `re` `\w` on `str`: letters, digits, numerics and the underscore.
fn is_word_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// The `\w+` runs of `text`.
pub fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The multiset of shingles of `text`.
pub fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let words = words(text);
    let mut out = HashMap::new();
    if words.is_empty() {
        return out;
    }
    if words.len() < SHINGLE {
        out.insert(words, 1);
        return out;
    }
    for w in words.windows(SHINGLE) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// One page's normalised counts for a true and a predicted body.
pub fn page_counts(truth: &str, predicted: &str) -> PageCounts {
    let t = shingles(truth);
    let p = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += tc.min(pc);
        fn_ += tc.saturating_sub(pc);
    }
    for (k, &pc) in &p {
        fp += pc.saturating_sub(t.get(k).copied().unwrap_or(0));
    }
    let total = (tp + fp + fn_) as f64;
    if total == 0.0 {
        return PageCounts::default();
    }
    PageCounts {
        tp: tp as f64 / total,
        fp: fp as f64 / total,
        fn_: fn_ as f64 / total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_unicode_word_runs() {
        assert_eq!(
            words("Zürich's café—naïve_x 42!"),
            ["Zürich", "s", "café", "naïve_x", "42"]
        );
    }

    #[test]
    fn short_text_is_one_shingle() {
        let s = shingles("a b c");
        assert_eq!(s.len(), 1);
        assert_eq!(s[&vec!["a", "b", "c"]], 1);
        assert!(shingles(" ,. ").is_empty());
        assert_eq!(shingles("a b c d a b c d").len(), 4);
        assert_eq!(shingles("a b c d a b c d")[&vec!["a", "b", "c", "d"]], 2);
    }

    #[test]
    fn counts_are_normalised_per_page() {
        // 2 true shingles, 3 predicted, 2 shared: tp 2, fp 1, fn 0.
        let c = page_counts("a b c d e", "a b c d e f");
        assert!((c.tp - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.fp - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(c.fn_, 0.0);
        assert_eq!(c.recall(), Some(1.0));
        assert!((c.precision().unwrap() - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn skipping_rules_follow_the_reference() {
        // Nothing predicted: skipped for precision, recall 0.
        let empty = page_counts("a b c d", "");
        assert_eq!(empty.precision(), None);
        assert_eq!(empty.recall(), Some(0.0));
        // Both empty: skipped for both.
        let none = page_counts("", "");
        assert_eq!((none.precision(), none.recall()), (None, None));
        // Exact match: 1.0 for both.
        let same = page_counts("x y", "x y");
        assert_eq!((same.precision(), same.recall()), (Some(1.0), Some(1.0)));
        let s = Score::from_pages([empty, none, same]);
        assert_eq!(s.pages, 3);
        assert_eq!(s.precision, 1.0);
        assert_eq!(s.recall, 0.5);
        assert!((s.f1 - 2.0 / 3.0).abs() < 1e-12);
    }
}
