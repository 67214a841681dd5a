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

use crate::eval::ratio;

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

// --- Saved pages with gold pieces (trafilatura's evaluation set) -----------
//
// The second kind of gold: per page, a few pieces of main text that must be in
// the output and a few of boilerplate that must not, plus the title, byline,
// publication date and site name as a person read them off the page. The rules
// are the set's README's, so that a figure here is comparable with the ones its
// authors publish for their own extractor.

use unicode_normalization::UnicodeNormalization;

/// The set's whitespace: Rust's, plus the four information separators
/// (U+001C-U+001F) Python's `str.split` also splits on.
fn is_gold_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `base(s)`: Unicode NFC, every whitespace run one space, both ends trimmed.
/// NFC because gold typed by hand and a page's text may spell "é" either way.
pub fn base(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfc() {
        if is_gold_space(c) {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Full case folding as far as it differs from lower-casing in the set's
/// languages: "ß" and "ẞ" fold to "ss", final sigma to sigma.
fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `tokens(s)`: the runs of word characters (letters, numbers, `_`) in the
/// case-folded `base(s)`.
pub fn gold_tokens(s: &str) -> Vec<String> {
    casefold(&base(s))
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// One page's body counts: `with` pieces found (tp) or missed (fn), `without`
/// pieces found (fp) or not (tn).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SegmentCounts {
    /// Main-text pieces found in the output.
    pub tp: usize,
    /// Boilerplate pieces found in the output.
    pub fp: usize,
    /// Main-text pieces missing from the output.
    pub fn_: usize,
    /// Boilerplate pieces rightly left out.
    pub tn: usize,
}

impl SegmentCounts {
    /// Scores one page's output against its pieces (substring after [`base`]).
    pub fn of_page<'a>(
        output: &str,
        with: impl IntoIterator<Item = &'a str>,
        without: impl IntoIterator<Item = &'a str>,
    ) -> SegmentCounts {
        let text = base(output);
        let mut c = SegmentCounts::default();
        for w in with {
            if text.contains(&base(w)) {
                c.tp += 1;
            } else {
                c.fn_ += 1;
            }
        }
        for w in without {
            if text.contains(&base(w)) {
                c.fp += 1;
            } else {
                c.tn += 1;
            }
        }
        c
    }

    /// Adds another page's counts (the set's figures are micro-averaged).
    pub fn add(&mut self, o: SegmentCounts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.tn += o.tn;
    }

    /// `TP / (TP + FP)`, 0 when nothing was found.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// `TP / (TP + FN)`.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// `2TP / (2TP + FP + FN)`.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

/// A metadata field the set annotates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The headline, token sequence, no separator loss.
    TitleExact,
    /// The headline, also matching when one side loses a first or last part.
    TitleLoose,
    /// The author(s): set of tokens, "By" and "and" words aside.
    Byline,
    /// The publication day.
    Date,
    /// The outlet, token sequence, a leading "the" aside.
    SiteName,
}

/// Whether `output` matches a non-empty `gold` for `field`, by the set's rules.
pub fn field_matches(field: Field, gold: &str, output: &str) -> bool {
    let (g, o) = (base(gold), base(output));
    if field != Field::Date && g == o {
        return true;
    }
    match field {
        Field::TitleExact => !o.is_empty() && gold_tokens(&g) == gold_tokens(&o),
        Field::TitleLoose => {
            if o.is_empty() {
                return false;
            }
            let (gt, ot) = (gold_tokens(&g), gold_tokens(&o));
            gt == ot
                || loses_an_end(&g).iter().any(|c| gold_tokens(c) == ot)
                || loses_an_end(&o).iter().any(|c| gold_tokens(c) == gt)
        }
        Field::Byline => {
            let (gs, os) = (byline_set(&g), byline_set(&o));
            !os.is_empty() && gs == os
        }
        Field::Date => match (gold_day(&g), gold_day(&o)) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        },
        Field::SiteName => {
            let (gs, os) = (site_tokens(&g), site_tokens(&o));
            !os.is_empty() && gs == os
        }
    }
}

/// The title cut at every separator (`\s*[|–—·»]\s*`, `\s+[-/]\s+`, `:\s+`),
/// empty parts dropped; when there are two or more parts, the title without
/// its first and without its last part, each joined by spaces.
fn loses_an_end(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let hard = matches!(c, '|' | '–' | '—' | '·' | '»');
        let spaced = matches!(c, '-' | '/')
            && i > 0
            && chars[i - 1].is_whitespace()
            && chars.get(i + 1).is_some_and(|n| n.is_whitespace());
        let colon = c == ':' && chars.get(i + 1).is_some_and(|n| n.is_whitespace());
        if hard || spaced || colon {
            parts.push(cur.trim().to_string());
            cur.clear();
            i += 1;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            continue;
        }
        cur.push(c);
        i += 1;
    }
    parts.push(cur.trim().to_string());
    parts.retain(|p| !p.is_empty());
    if parts.len() < 2 {
        return Vec::new();
    }
    vec![parts[1..].join(" "), parts[..parts.len() - 1].join(" ")]
}

/// Prefix words a byline may open with ("Written by", "Von", "Autorin:").
const BYLINE_LEAD: &[&str] = &[
    "written", "posted", "text", "story", "words", "photo", "photos",
];
const BYLINE_BY: &[&str] = &["by", "von", "par", "por", "author", "autor", "autorin"];
/// Words joining several names; not part of any name.
const BYLINE_AND: &[&str] = &["and", "und", "et", "y", "e"];

/// The byline's token set, a leading "By"-like prefix and joining words aside.
fn byline_set(s: &str) -> std::collections::BTreeSet<String> {
    let rest = strip_byline_prefix(s);
    gold_tokens(rest)
        .into_iter()
        .filter(|t| !BYLINE_AND.contains(&t.as_str()))
        .collect()
}

/// Drops `^(?:(?:LEAD)\s+)?(?:BY)\b\s*[:\-–—]?\s*`, case-insensitively.
fn strip_byline_prefix(s: &str) -> &str {
    fn word(s: &str) -> (&str, &str) {
        let end = s.find(|c: char| !is_word_char(c)).unwrap_or(s.len());
        (&s[..end], &s[end..])
    }
    let try_by = |s: &str| -> Option<usize> {
        let (w, rest) = word(s);
        if !BYLINE_BY.contains(&w.to_lowercase().as_str()) {
            return None;
        }
        let r = rest.trim_start();
        let r = r
            .strip_prefix([':', '-', '–', '—'])
            .unwrap_or(r)
            .trim_start();
        Some(s.len() - r.len())
    };
    if let Some(n) = try_by(s) {
        return &s[n..];
    }
    let (w, rest) = word(s);
    if BYLINE_LEAD.contains(&w.to_lowercase().as_str()) && rest.starts_with(char::is_whitespace) {
        let r = rest.trim_start();
        if let Some(n) = try_by(r) {
            return &r[n..];
        }
    }
    s
}

fn site_tokens(s: &str) -> Vec<String> {
    let mut t = gold_tokens(s);
    if t.len() > 1 && t[0] == "the" {
        t.remove(0);
    }
    t
}

/// The day a date names: the first `(\d{4})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})(?!\d)`
/// with a valid month and day, else an RFC 2822 date ("Tue, 5 Mar 2019").
pub fn gold_day(s: &str) -> Option<(u32, u32, u32)> {
    numeric_day(s).or_else(|| rfc2822_day(s))
}

fn numeric_day(s: &str) -> Option<(u32, u32, u32)> {
    let c: Vec<char> = s.chars().collect();
    let digit = |i: usize| c.get(i).is_some_and(|d| d.is_ascii_digit());
    let non = |i: usize| c.get(i).is_some_and(|d| !d.is_ascii_digit());
    let num = |a: usize, n: usize| -> u32 {
        c[a..a + n]
            .iter()
            .fold(0, |v, d| v * 10 + d.to_digit(10).unwrap_or(0))
    };
    let mut start = 0;
    while start + 4 <= c.len() {
        let mut found = None;
        if (0..4).all(|k| digit(start + k)) {
            // The regex's order: greedy counts first, backtracking to shorter.
            'm: for s1 in [2, 1] {
                let a = start + 4;
                if !(0..s1).all(|k| non(a + k)) {
                    continue;
                }
                for ml in [2, 1] {
                    let b = a + s1;
                    if !(0..ml).all(|k| digit(b + k)) {
                        continue;
                    }
                    for s2 in [2, 1] {
                        let d0 = b + ml;
                        if !(0..s2).all(|k| non(d0 + k)) {
                            continue;
                        }
                        for dl in [2, 1] {
                            let e = d0 + s2;
                            if (0..dl).all(|k| digit(e + k)) && !digit(e + dl) {
                                found = Some((num(start, 4), num(b, ml), num(e, dl), e + dl));
                                break 'm;
                            }
                        }
                    }
                }
            }
        }
        match found {
            Some((y, m, d, end)) => {
                if (1..=12).contains(&m) && (1..=31).contains(&d) {
                    return Some((y, m, d));
                }
                start = end;
            }
            None => start += 1,
        }
    }
    None
}

fn rfc2822_day(s: &str) -> Option<(u32, u32, u32)> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(3).find_map(|w| {
        let d: u32 = w[0].parse().ok().filter(|d| (1..=31).contains(d))?;
        let m = MONTHS.iter().position(|m| w[1].eq_ignore_ascii_case(m))? as u32 + 1;
        let y: u32 = w[2].parse().ok().filter(|_| w[2].len() == 4)?;
        Some((y, m, d))
    })
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

    #[test]
    fn gold_base_is_nfc_and_one_space() {
        assert_eq!(base("  Cafe\u{301}\u{1f}\n bar  "), "Café bar");
        assert_eq!(gold_tokens("Straße, ÄRGER!"), ["strasse", "ärger"]);
    }

    #[test]
    fn segments_are_substrings_micro_averaged() {
        let c = SegmentCounts::of_page(
            "Der Text  beginnt hier.\nMenü",
            ["Text beginnt", "fehlt"],
            ["Menü", "Cookies"],
        );
        assert_eq!(
            c,
            SegmentCounts {
                tp: 1,
                fp: 1,
                fn_: 1,
                tn: 1
            }
        );
        let mut all = c;
        all.add(SegmentCounts {
            tp: 3,
            fp: 0,
            fn_: 0,
            tn: 2,
        });
        assert_eq!(all.precision(), 0.8);
        assert_eq!(all.f1(), 8.0 / 10.0);
    }

    #[test]
    fn titles_loose_lose_a_site_or_kicker() {
        use Field::*;
        assert!(field_matches(TitleExact, "Ferry “sinks”", "ferry - sinks"));
        assert!(!field_matches(
            TitleExact,
            "Ferry sinks",
            "Ferry sinks | Post"
        ));
        assert!(field_matches(
            TitleLoose,
            "Ferry sinks",
            "Ferry sinks | Post"
        ));
        assert!(field_matches(
            TitleLoose,
            "Ferry sinks",
            "Opinion: Ferry sinks"
        ));
        assert!(field_matches(
            TitleLoose,
            "News: Ferry sinks",
            "Ferry sinks"
        ));
        assert!(!field_matches(TitleLoose, "Ferry sinks", "Post"));
        assert!(!field_matches(TitleLoose, "Ferry sinks", ""));
        assert!(!field_matches(
            TitleLoose,
            "Ferry sinks",
            "Ferry-sinks today"
        ));
    }

    #[test]
    fn bylines_are_sets_without_by() {
        use Field::Byline;
        assert!(field_matches(
            Byline,
            "Ann Lee; Bo Kim",
            "By Bo Kim and Ann Lee"
        ));
        assert!(field_matches(Byline, "Ann Lee", "Written by: Ann Lee"));
        assert!(field_matches(Byline, "Ann Lee", "Von Ann Lee"));
        assert!(!field_matches(Byline, "Ann Lee", "The Post"));
        assert!(!field_matches(Byline, "Ann Lee", ""));
        assert_eq!(strip_byline_prefix("Bylines"), "Bylines");
    }

    #[test]
    fn dates_match_at_day_precision() {
        use Field::Date;
        assert!(field_matches(
            Date,
            "2019-04-19",
            "2019-04-19T10:00:00+02:00"
        ));
        assert!(field_matches(
            Date,
            "2019-04-19",
            "Fri, 19 Apr 2019 10:00 +0100"
        ));
        assert!(!field_matches(Date, "2019-04-19", "2019-04-20"));
        assert!(!field_matches(Date, "2019-04", "2019-04"));
        assert_eq!(gold_day("id 12345 2019/4/9"), Some((2019, 4, 9)));
        assert_eq!(gold_day("2019-13-01 2020-01-02"), Some((2020, 1, 2)));
    }

    #[test]
    fn site_names_drop_a_leading_the() {
        assert!(field_matches(Field::SiteName, "The Guardian", "guardian"));
        assert!(!field_matches(Field::SiteName, "The", ""));
    }
}
