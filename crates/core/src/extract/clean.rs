//! Cleaning scraped text: paragraphs normalised and web debris removed.
//!
//! Scraped articles carry the page around them: "SEE ALSO:" links, video-player
//! notices, promo blurbs with their headings, photo credits. Worse, a scraper often
//! glues a link's headline straight onto the next sentence ("…For RussiaKyiv and the
//! West…"). Cleaning works paragraph by paragraph with general rules, never with
//! strings of one site, and lists everything it removes so the reader can show it.
//!
//! The rules, in order:
//! 1. **Marker lines**: a paragraph opening with a link marker ("SEE ALSO:", "READ
//!    MORE:", "WATCH:", …) is a link; if a sentence is glued to its headline, the cut
//!    falls at the glue (a lowercase letter directly followed by an uppercase one) and
//!    the sentence is kept.
//! 2. **Glued headlines without a marker**: a paragraph that opens with a run of
//!    Title Case words ending in such a glue ("As Storm Nears ScotlandThe coastguard
//!    said…") loses the headline.
//! 3. **Boilerplate lines**: player notices, "Advertisement", photo credits,
//!    sign-up and share prompts.
//! 4. **Promo paragraphs**: short paragraphs built around a call to action ("click
//!    here", "sign up", "subscribe"), and the Title Case heading just above one.
//!
//! The markers, prefixes and calls to action are the lexicon's (its `debris`).

use std::borrow::Cow;

use super::lexicon::{
    BOILERPLATE_PREFIXES, CALLS_TO_ACTION, LINK_MARKERS, NAME_PREFIXES, TITLE_SMALL_WORDS,
};

/// The result of cleaning: the text kept and the pieces removed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    /// Clean text; paragraphs separated by one blank line, white space collapsed.
    pub text: String,
    /// Every removed piece, as it appeared (after white-space collapsing).
    pub removed: Vec<String>,
}

/// A promo paragraph has at most this many words; longer ones are reporting that
/// happens to contain the phrase.
const PROMO_MAX_WORDS: usize = 60;

/// A heading (a Title Case line without final punctuation) has at most this many words.
const HEADING_MAX_WORDS: usize = 14;

/// Cleans raw scraped text.
pub fn clean(raw: &str) -> Cleaned {
    // Paragraphs borrow from `raw` unless white space had to be collapsed: most
    // are kept as they are, and are copied once, into the joined text.
    let mut kept: Vec<Cow<str>> = Vec::new();
    let mut removed = Vec::new();
    // Whether each kept paragraph is a heading-like line that should go if the
    // paragraph after it turns out to be a promo.
    let mut last_kept_is_heading = false;
    for line in raw.lines() {
        let para = collapse_whitespace(line);
        if para.is_empty() {
            continue;
        }
        match classify(&para) {
            Verdict::Keep => {
                last_kept_is_heading = is_heading(&para);
                kept.push(para);
            }
            Verdict::Remove => {
                if is_promo(&para) && last_kept_is_heading {
                    if let Some(heading) = kept.pop() {
                        removed.push(heading.into_owned());
                    }
                }
                last_kept_is_heading = false;
                removed.push(para.into_owned());
            }
            Verdict::Split(at) => {
                removed.push(para[..at].trim_end().to_string());
                kept.push(Cow::Owned(para[at..].to_string()));
                last_kept_is_heading = false;
            }
        }
    }
    Cleaned {
        text: kept.join("\n\n"),
        removed,
    }
}

enum Verdict {
    Keep,
    Remove,
    /// Remove the bytes before this offset, keep the rest.
    Split(usize),
}

fn classify(para: &str) -> Verdict {
    // Markers and boilerplate are prefixes of the lowercased paragraph.
    let head = FoldedHead::new(para);
    if LINK_MARKERS.iter().any(|m| head.starts_with(m)) {
        return match glue_point(para) {
            Some(at) if is_sentence(&para[at..]) => Verdict::Split(at),
            _ => Verdict::Remove,
        };
    }
    // (A paragraph that is exactly "advertisement" starts with it too.)
    if BOILERPLATE_PREFIXES.iter().any(|p| head.starts_with(p)) {
        return Verdict::Remove;
    }
    if is_promo(para) {
        return Verdict::Remove;
    }
    // A glued headline opens with Title Case words: only then look for the glue
    // (scanning every paragraph for it is most of the cost of cleaning).
    let opens_title_case = para
        .split_whitespace()
        .take(2)
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_numeric()));
    if opens_title_case {
        if let Some(at) = glue_point(para) {
            if is_title_case_run(&para[..at]) && is_sentence(&para[at..]) {
                return Verdict::Split(at);
            }
        }
    }
    Verdict::Keep
}

/// Characters of a paragraph's lowercased head kept for the prefix tests:
/// at least as many as the longest link marker or boilerplate prefix has (a
/// test checks).
const HEAD_CHARS: usize = 32;

/// The head of a paragraph lowercased character by character (as
/// `str::to_lowercase` does but for the final sigma, which no prefix has),
/// curly apostrophes made straight: made once per paragraph, on the stack, and
/// compared with every prefix, with no copy of the paragraph.
struct FoldedHead {
    chars: [char; HEAD_CHARS],
    len: usize,
}

impl FoldedHead {
    fn new(para: &str) -> FoldedHead {
        let mut chars = ['\0'; HEAD_CHARS];
        let mut len = 0;
        'para: for c in para.chars() {
            // ASCII is lowercased in place: Unicode's case mapping of every
            // character of every paragraph's head, through `ToLowercase`
            // iterators, was a tenth of `extract::run`'s own samples in a
            // profile of `folio build`.
            if c.is_ascii() {
                let Some(slot) = chars.get_mut(len) else {
                    break;
                };
                *slot = c.to_ascii_lowercase();
                len += 1;
                continue;
            }
            for c in c.to_lowercase() {
                let Some(slot) = chars.get_mut(len) else {
                    break 'para;
                };
                *slot = if matches!(c, '’' | '‘') { '\'' } else { c };
                len += 1;
            }
        }
        FoldedHead { chars, len }
    }

    /// Whether the head starts with `prefix` (lowercase, `'` for apostrophes).
    fn starts_with(&self, prefix: &str) -> bool {
        let mut head = self.chars[..self.len].iter();
        prefix.chars().all(|p| head.next() == Some(&p))
    }
}

/// The number of words of a collapsed paragraph (see [`collapse_whitespace`]):
/// its only white space is single spaces between words, so one byte count
/// gives what `split_whitespace().count()` would.
fn word_count(para: &str) -> usize {
    if para.is_empty() {
        0
    } else {
        para.bytes().filter(|&b| b == b' ').count() + 1
    }
}

/// A collapsed paragraph built around a call to action.
fn is_promo(para: &str) -> bool {
    if word_count(para) > PROMO_MAX_WORDS {
        return false;
    }
    // The phrases are lowercase ASCII without apostrophes: an ASCII-lowercased
    // copy is enough (no Unicode case mapping, no apostrophe pass).
    let lower = para.to_ascii_lowercase();
    CALLS_TO_ACTION.iter().any(|c| lower.contains(c))
}

/// The byte offset of the first glue between two words run together: a lowercase
/// letter directly followed by an uppercase letter that starts a capitalised word
/// ("RussiaKyiv" → at "Kyiv"). Name-internal capitals are not glue: the left part
/// start with a capital, be at least two letters and not a name prefix
/// ("McDonald", "MacArthur", "DeSantis", "LeBron"); "iPhone" starts lowercase.
fn glue_point(para: &str) -> Option<usize> {
    let mut word_start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in para.char_indices() {
        if !c.is_alphabetic() {
            if !matches!(c, '\'' | '’') {
                word_start = i + c.len_utf8();
            }
            prev = Some(c);
            continue;
        }
        if let Some(p) = prev {
            if p.is_lowercase() && c.is_uppercase() {
                let left = &para[word_start..i];
                let right_is_word = para[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_lowercase() || n.is_whitespace());
                if left.chars().count() >= 2
                    && !NAME_PREFIXES.contains(&left)
                    && !left.starts_with(char::is_lowercase)
                    && right_is_word
                {
                    return Some(i);
                }
            }
        }
        prev = Some(c);
    }
    None
}

/// Whether `s` reads as running prose: at least four words, some lowercase, ending in
/// sentence punctuation.
fn is_sentence(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() >= 4
        && words.iter().any(|w| w.starts_with(char::is_lowercase))
        && s.trim_end()
            .ends_with(['.', '!', '?', '"', '”', '’', '\'', ')'])
}

/// Whether `s` is a run of at least three words in headline Title Case.
fn is_title_case_run(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() >= 3
        && !s.contains(['.', '!', '?'])
        && words.iter().all(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            bare.is_empty()
                || bare.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
                || TITLE_SMALL_WORDS.contains(&bare)
        })
}

/// A heading: a short Title Case line with no final punctuation.
/// (Final punctuation first: it rules out most paragraphs without a scan.)
fn is_heading(para: &str) -> bool {
    !para.ends_with(['.', '!', '?', '"', '”', ','])
        && word_count(para) <= HEADING_MAX_WORDS
        && is_title_case_run(para)
}

/// The line's words joined by single spaces (borrowed when it already is).
fn collapse_whitespace(line: &str) -> Cow<'_, str> {
    // Most lines are already collapsed: one byte scan proves it and saves the
    // char-by-char Unicode whitespace test of `split_whitespace`, which was the
    // largest part of cleaning.
    if !needs_collapse(line) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Whether `split_whitespace` + single spaces would change the line: whitespace
/// at either end, two spaces in a row, or any whitespace other than a plain
/// space. Non-ASCII whitespace is recognised by its UTF-8 bytes (U+0085, U+00A0,
/// U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), so curly
/// quotes and dashes (also 0xE2 0x80 ..) do not force the slow path.
fn needs_collapse(line: &str) -> bool {
    let b = line.as_bytes();
    // Two spaces in a row by substring search (vectorised in the standard
    // library), so that the byte scan below need not stop at every space.
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') || line.contains("  ") {
        return true;
    }
    // Only the bytes in `MAY_COLLAPSE` need a closer look. The scan skips
    // eight bytes at a time while they are all printable ASCII (0x20..=0x7F,
    // most of any English text), and looks at the rest one by one (this runs
    // over every byte of every article: a table load per byte was a tenth of
    // `extract::run`'s own samples in a profile of `folio build`).
    const LOW: u64 = 0x2020_2020_2020_2020;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if let Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) = b.get(i..i + 8) {
            let w = u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]);
            // A byte under 0x20 sets its high bit in `w - LOW` (or borrows into
            // the next byte's, which is then looked at anyway); a byte of 0x80
            // or more has it in `w`.
            if (w.wrapping_sub(LOW) | w) & HIGH == 0 {
                i += 8;
                continue;
            }
        }
        if MAY_COLLAPSE[usize::from(c)] {
            let odd = match c {
                0xC2 => matches!(b.get(i + 1), Some(0x85 | 0xA0)),
                0xE1 => b.get(i + 1..i + 3) == Some(&[0x9A, 0x80]),
                0xE2 => match (b.get(i + 1), b.get(i + 2)) {
                    (Some(0x80), Some(&n)) => {
                        (0x80..=0x8A).contains(&n) || matches!(n, 0xA8 | 0xA9 | 0xAF)
                    }
                    (Some(0x81), Some(0x9F)) => true,
                    _ => false,
                },
                0xE3 => b.get(i + 1..i + 3) == Some(&[0x80, 0x80]),
                // \t \n \r \x0b \x0c
                _ => true,
            };
            if odd {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// The bytes [`needs_collapse`] looks at after its search for two spaces:
/// ASCII white space other than a space, and the lead bytes of the non-ASCII
/// white space characters.
const MAY_COLLAPSE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    let bytes = [b'\t', b'\n', b'\r', 0x0b, 0x0c, 0xC2, 0xE1, 0xE2, 0xE3];
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_collapse_fast_path_agrees_with_split_whitespace() {
        // Guards `needs_collapse`: every line it passes as already collapsed
        // must be what the slow path would make of it.
        for line in [
            "plain words here",
            "curly \u{2019}quotes\u{201d} and \u{2014} dashes",
            "two  spaces",
            " leading",
            "trailing ",
            "tab\there",
            "no\u{a0}break",
            "thin\u{2009}space",
            "ideographic\u{3000}space",
            "ogham\u{1680}mark",
            "line\u{2028}separator",
            "",
        ] {
            let slow: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(collapse_whitespace(line), slow.join(" "), "{line:?}");
        }
    }

    #[test]
    fn the_collapse_test_agrees_with_split_whitespace_at_every_offset() {
        // `needs_collapse` reads eight bytes at a time: every kind of white
        // space (and bytes that only look like it) at every offset of a line,
        // across word boundaries and in the tail.
        let base = "Kyiv said on Monday that troops had entered the city";
        for piece in [
            " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{1680}",
            "\u{2009}", "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}", "\u{2019}", "\u{2014}",
            "\u{201c}", "é", "\u{1}", "\u{1f}",
        ] {
            for k in 0..=base.len() {
                let line = format!("{}{piece}{}", &base[..k], &base[k..]);
                let collapsed: Vec<&str> = line.split_whitespace().collect();
                assert_eq!(
                    needs_collapse(&line),
                    collapsed.join(" ") != line,
                    "{line:?}"
                );
            }
        }
    }

    #[test]
    fn the_folded_head_lowercases_as_unicode_does_and_stops_at_its_length() {
        // Guards `FoldedHead::new`'s ASCII shortcut: the head is the first
        // `HEAD_CHARS` characters of the Unicode lowercasing (a character may
        // lower to two, as 'İ' does), with curly apostrophes made straight.
        for para in [
            "SEE ALSO: Putin Casts War",
            "İstanbul İSTANBUL İstanbul İstanbul İstanbul",
            "Ärger über Öl, ÉCOUTER à Paris, ΣΟΦΊΑ and more after that",
            "Don\u{2019}t miss \u{2018}this\u{2019}",
            "abcdefghijklmnopqrstuvwxyzabcdeİ",
            "",
        ] {
            let want: Vec<char> = para
                .chars()
                .flat_map(char::to_lowercase)
                .take(HEAD_CHARS)
                .map(|c| {
                    if matches!(c, '\u{2019}' | '\u{2018}') {
                        '\''
                    } else {
                        c
                    }
                })
                .collect();
            let head = FoldedHead::new(para);
            assert_eq!(&head.chars[..head.len], &want[..], "{para:?}");
        }
    }

    #[test]
    fn promo_phrases_match_in_any_case() {
        assert!(is_promo("CLICK HERE for more stories"));
        assert!(is_promo("Sign Up to our Newsletter"));
        assert!(!is_promo("The council signed the deal on Monday."));
    }

    #[test]
    fn marker_headline_glued_to_sentence_is_cut_at_the_glue() {
        let c = clean("SEE ALSO: Putin Casts War As An Existential Conflict For RussiaKyiv and the West have condemned it.");
        assert_eq!(c.text, "Kyiv and the West have condemned it.");
        assert_eq!(
            c.removed,
            vec!["SEE ALSO: Putin Casts War As An Existential Conflict For Russia"]
        );
    }

    #[test]
    fn marker_line_without_sentence_goes_whole() {
        let c = clean(
            "Body one.\nWATCH: 'Many Soldiers Flee': How Forces Liberated 20 Towns\nBody two.",
        );
        assert_eq!(c.text, "Body one.\n\nBody two.");
        assert_eq!(c.removed.len(), 1);
    }

    #[test]
    fn glue_after_a_two_letter_word_is_found() {
        let c = clean("SEE ALSO: A City Digs InAn adviser to the council posted a picture.");
        assert_eq!(c.text, "An adviser to the council posted a picture.");
    }

    #[test]
    fn glued_headline_without_marker_is_cut() {
        let c = clean("As Storm Nears ScotlandThe coastguard said boats should stay in port.");
        assert_eq!(c.text, "The coastguard said boats should stay in port.");
        assert_eq!(c.removed, vec!["As Storm Nears Scotland"]);
    }

    #[test]
    fn player_notice_and_promo_with_heading_are_removed() {
        let raw = "Real news here.\nLive Briefing: The Storm Season\nOur Live Briefing gives you the latest developments. For all our coverage, click here.\nYour browser doesn’t support HTML5\nMore news.";
        let c = clean(raw);
        assert_eq!(c.text, "Real news here.\n\nMore news.");
        assert_eq!(c.removed.len(), 3, "{:?}", c.removed);
    }

    #[test]
    fn prefixes_match_in_any_case_with_any_apostrophe() {
        for (para, prefix, hit) in [
            ("ADVERTISEMENT", "advertisement", true),
            ("Advert", "advertisement", false),
            (
                "YOUR BROWSER DOESN’T SUPPORT video",
                "your browser doesn't support",
                true,
            ),
            ("© 2024 The Post", "© ", true),
            ("Copyright © 2024", "copyright ©", true),
            ("Ädvertisement", "advertisement", false),
            ("See Also: elsewhere", "see also:", true),
        ] {
            assert_eq!(FoldedHead::new(para).starts_with(prefix), hit, "{para:?}");
        }
        // The head holds enough characters for every prefix.
        for p in LINK_MARKERS.iter().chain(BOILERPLATE_PREFIXES) {
            assert!(p.chars().count() <= HEAD_CHARS, "{p}");
        }
    }

    #[test]
    fn names_with_inner_capitals_are_not_glue() {
        for s in [
            "General MacArthur and McDonald met DeSantis at the summit today.",
            "The iPhone maker said sales rose sharply in the spring.",
        ] {
            let c = clean(s);
            assert_eq!(c.text, s);
            assert!(c.removed.is_empty());
        }
    }

    #[test]
    fn long_paragraph_mentioning_subscribers_is_kept() {
        let s = "The broadcaster said it would subscribe to the new code. ".repeat(8);
        let c = clean(&s);
        assert!(c.removed.is_empty());
    }

    #[test]
    fn whitespace_is_collapsed_and_blank_lines_dropped() {
        let c = clean("  One   two. \r\n\r\n\r\n Three\tfour. ");
        assert_eq!(c.text, "One two.\n\nThree four.");
    }
}
