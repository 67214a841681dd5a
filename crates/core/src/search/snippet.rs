//! Snippets: the passage of a hit that best shows why it matched.
//!
//! The passage is chosen sentence by sentence: the sentence with the most distinct
//! matched words wins (earliest on ties), and a short winner takes its neighbour.
//! A passage longer than [`MAX_CHARS`] bytes is cut around its first match. Every token
//! whose folded form is one of the matched terms is marked, so a prefix completion
//! or, later, a variant spelling is marked as the user sees it in the text.

use std::ops::Range;

use serde::Serialize;

use crate::text::sentences;
use crate::text::{fold_into, tokens};

/// Snippets aim for at most about this many bytes (a little over a tweet of
/// English; fewer characters in scripts that take more bytes).
pub const MAX_CHARS: usize = 240;
/// A winning sentence shorter than this (bytes) takes the next one along.
const MIN_CHARS: usize = 90;

/// A passage with marked words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Snippet {
    /// The passage as plain text.
    pub text: String,
    /// Byte ranges of `text` to mark, in order, not overlapping.
    pub marks: Vec<(usize, usize)>,
    /// Whether the passage starts inside the article (show a leading "…").
    pub cut_start: bool,
    /// Whether the passage ends inside the article (show a trailing "…").
    pub cut_end: bool,
}

impl Snippet {
    /// Builds the snippet of `text` for the folded `matched` terms.
    pub fn build(text: &str, matched: &[String]) -> Snippet {
        // One pass over the text: every matched token with the index of the term
        // it matched. Folding into one reused buffer keeps this allocation-free;
        // it runs for every hit shown, on every keystroke.
        let mut key = String::new();
        let hits: Vec<(usize, usize, usize)> = tokens(text)
            .filter_map(|t| {
                fold_into(t.text, &mut key);
                let m = matched.iter().position(|m| *m == key)?;
                Some((t.start, t.end, m))
            })
            .collect();
        let within = |start: usize, end: usize| {
            let from = hits.partition_point(|h| h.0 < start);
            hits[from..].iter().take_while(move |h| h.1 <= end)
        };
        // A passage scores 100 per distinct matched term plus its matches (at
        // most 99). Splitting sentences is the costly part, so a line (paragraph)
        // is split only when its own score beats the best sentence so far: no
        // sentence scores more than its line, and ties go to the earliest.
        let mut seen = vec![false; matched.len()];
        let mut score = |start: usize, end: usize| {
            seen.iter_mut().for_each(|s| *s = false);
            let (mut distinct, mut count) = (0usize, 0usize);
            for &(_, _, m) in within(start, end) {
                count += 1;
                if !seen[m] {
                    seen[m] = true;
                    distinct += 1;
                }
            }
            distinct * 100 + count.min(99)
        };
        let mut best: Option<Range<usize>> = None;
        let mut best_score = 0usize;
        let mut base = 0;
        for line in text.split('\n') {
            let end = base + line.len();
            if score(base, end) > best_score {
                for r in sentences::split(line).map(|r| base + r.start..base + r.end) {
                    let s = score(r.start, r.end);
                    if s > best_score {
                        best_score = s;
                        best = Some(r);
                    }
                }
            }
            base = end + 1;
        }
        // No match in the text (only in the title or names): the opening sentence.
        let Some(mut range) = best.or_else(|| sentence_after(text, 0)) else {
            return Snippet::default();
        };
        if range.len() < MIN_CHARS {
            if let Some(next) = sentence_after(text, range.end) {
                if next.end - range.start <= MAX_CHARS {
                    range.end = next.end;
                }
            }
        }
        let (mut start, mut end) = (range.start, range.end);
        if end - start > MAX_CHARS {
            let first = within(start, end).next().map_or(start, |h| h.0);
            // Keep some context before the first match, cut at word boundaries.
            let from = floor_char(text, first.saturating_sub(MAX_CHARS / 4).max(start));
            start = if from > start {
                text[from..first]
                    .find(' ')
                    .map(|s| from + s + 1)
                    .unwrap_or(first)
            } else {
                start
            };
            let to = floor_char(text, (start + MAX_CHARS).min(end));
            end = if to < end {
                text[start..to].rfind(' ').map(|s| start + s).unwrap_or(to)
            } else {
                end
            };
        }
        let slice = &text[start..end];
        let marks = within(start, end)
            .map(|&(s, e, _)| (s - start, e - start))
            .collect();
        Snippet {
            text: slice.to_string(),
            marks,
            cut_start: start > 0,
            cut_end: end < text.trim_end().len(),
        }
    }

    /// The snippet as HTML: text escaped, marked words in `<mark>`, "…" where cut.
    pub fn to_html(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 16 * self.marks.len());
        if self.cut_start {
            out.push_str("… ");
        }
        let mut at = 0;
        for &(s, e) in &self.marks {
            escape_into(&self.text[at..s], &mut out);
            out.push_str("<mark>");
            escape_into(&self.text[s..e], &mut out);
            out.push_str("</mark>");
            at = e;
        }
        escape_into(&self.text[at..], &mut out);
        if self.cut_end {
            out.push_str(" …");
        }
        out
    }

    /// The snippet split into (text, marked) pieces, for renderers that build nodes.
    pub fn pieces(&self) -> Vec<(&str, bool)> {
        let mut out = Vec::with_capacity(self.marks.len() * 2 + 1);
        let mut at = 0;
        for &(s, e) in &self.marks {
            if s > at {
                out.push((&self.text[at..s], false));
            }
            out.push((&self.text[s..e], true));
            at = e;
        }
        if at < self.text.len() {
            out.push((&self.text[at..], false));
        }
        out
    }
}

/// The first sentence of `text` that starts at or after byte `at`, splitting only
/// the lines it needs.
fn sentence_after(text: &str, at: usize) -> Option<Range<usize>> {
    let mut base = 0;
    for line in text.split('\n') {
        let end = base + line.len();
        if end >= at {
            if let Some(r) = sentences::split(line)
                .map(|r| base + r.start..base + r.end)
                .find(|r| r.start >= at)
            {
                return Some(r);
            }
        }
        base = end + 1;
    }
    None
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// HTML-escapes `s` into `out`: the five characters that matter in text and
/// attribute values.
pub fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn m(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn picks_the_sentence_with_most_distinct_matches() {
        let text = "Rain fell on Kharkiv. The long road from Kharkiv reached Lyman by nightfall after a day of driving through the fields.\n\nLyman alone.";
        let s = Snippet::build(text, &m(&["kharkiv", "lyman"]));
        assert!(s.text.starts_with("The long road"), "{}", s.text);
        assert_eq!(s.marks.len(), 2);
        assert!(s.cut_start);
    }

    #[test]
    fn a_short_winner_takes_the_next_sentence_even_across_paragraphs() {
        let text = "Nothing here at all.\n\nLyman fell.\n\nThe next paragraph follows.";
        let s = Snippet::build(text, &m(&["lyman"]));
        assert_eq!(s.text, "Lyman fell.\n\nThe next paragraph follows.");
        assert_eq!(s.marks, vec![(0, 5)]);
    }

    #[test]
    fn without_a_match_in_the_text_the_opening_sentence_is_shown() {
        let text = "First sentence here. Second one.\n\nAnother paragraph.";
        let s = Snippet::build(text, &m(&["absent"]));
        assert_eq!(s.text, "First sentence here. Second one.");
        assert!(s.marks.is_empty());
    }

    #[test]
    fn html_escapes_text_and_marks_matches() {
        let s = Snippet::build("Tom & <Jerry> met Lyman's mayor.", &m(&["lyman"]));
        assert_eq!(
            s.to_html(),
            "Tom &amp; &lt;Jerry&gt; met <mark>Lyman&#39;s</mark> mayor."
        );
    }

    #[test]
    fn long_sentences_are_cut_around_the_first_match() {
        let text = format!("{} Lyman {}.", "word ".repeat(100), "more ".repeat(100));
        let s = Snippet::build(&text, &m(&["lyman"]));
        assert!(s.text.len() <= MAX_CHARS, "{}", s.text.len());
        assert!(s.text.contains("Lyman"));
        assert!(s.cut_start && s.cut_end);
        assert_eq!(s.pieces().iter().filter(|p| p.1).count(), 1);
    }

    #[test]
    fn multibyte_text_is_cut_on_char_boundaries() {
        let text = format!("{} Київ {}.", "слово ".repeat(80), "ще ".repeat(80));
        let s = Snippet::build(&text, &[fold("Київ")]);
        assert_eq!(s.marks.len(), 1);
        assert!(s.text.contains("Київ"));
    }
}
