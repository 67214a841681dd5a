//! The one tokenizer and the one normaliser of Folio.
//!
//! Everything that compares words — the index, the query parser, snippet
//! highlighting, word counts — goes through [`tokens`] and [`fold`](crate::text::fold()), so a word that
//! matches in one place matches in all of them.
//!
//! A token is a run of letters and digits. Apostrophes inside a word belong to it
//! ("Russia's", "O'Neill"); so do `,` and `.` between digits ("5,000", "1.8").
//! Hyphens and every other character separate tokens ("de-occupation" is two).
//!
//! ```
//! use folio_core::text::{fold, tokens};
//!
//! let words: Vec<String> = tokens("Zelenskyy’s 5,000 Ünits").map(|t| fold(t.text)).collect();
//! assert_eq!(words, ["zelenskyy", "5000", "units"]);
//! ```

use unicode_normalization::char::is_combining_mark;

/// One word of a text, with its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// Splits `text` into word tokens (see the module docs for what a word is).
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// Iterator returned by [`tokens`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

#[inline]
fn is_word_char(c: char) -> bool {
    // ASCII first: it is most of the text, and the Unicode tables are slow.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // General Punctuation (curly quotes, dashes, ellipsis): common in news text,
    // never part of a word, and slow to look up in the Unicode tables.
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    // Basic Cyrillic and the Latin-1 letters: all letters, and common enough
    // (Ukrainian and Russian sources, names with accents) to skip the tables.
    if ('\u{0400}'..='\u{045F}').contains(&c)
        || (('\u{00C0}'..='\u{00FF}').contains(&c) && c != '×' && c != '÷')
    {
        return true;
    }
    // Hangul syllables and the CJK ideographs: every one a letter, and each
    // would otherwise cost a deep search of the tables.
    if ('\u{AC00}'..='\u{D7A3}').contains(&c) || ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// [`char::is_alphanumeric`] with the fast paths of [`is_word_char`]: the
/// Unicode tables cost thousands of instructions a character at opt-level "z",
/// and [`variant_key`] meets whole words of Cyrillic, CJK or kana letters.
#[inline]
pub(super) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    if ('\u{0400}'..='\u{045F}').contains(&c)
        || (('\u{00C0}'..='\u{00FF}').contains(&c) && c != '×' && c != '÷')
        || ('\u{AC00}'..='\u{D7A3}').contains(&c)
        || ('\u{4E00}'..='\u{9FFF}').contains(&c)
        // Hiragana and katakana letters (Japanese sources), and the long-vowel mark.
        || ('\u{3041}'..='\u{3096}').contains(&c)
        || ('\u{30A1}'..='\u{30FA}').contains(&c)
        || ('\u{30FC}'..='\u{30FF}').contains(&c)
    {
        return true;
    }
    c.is_alphanumeric()
}

/// The character starting at byte `i` of `text` (a character boundary, not the
/// end). Two-byte characters (Cyrillic, accented Latin) are decoded in place:
/// the tokenizer meets them often enough for the general decoder's calls to show.
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> char {
    let b = text.as_bytes();
    match (b.get(i), b.get(i + 1)) {
        (Some(&b0), Some(&b1)) if b0 & 0xE0 == 0xC0 => {
            char::from_u32((u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F)).unwrap_or('\0')
        }
        _ => text.get(i..).and_then(|s| s.chars().next()).unwrap_or('\0'),
    }
}

/// Whether the bytes at `i` encode a letter of the basic Cyrillic block,
/// U+0400–U+045F (every one a letter, as [`is_word_char`] says): `D0 80`–`D0 BF`
/// and `D1 80`–`D1 9F` in UTF-8.
#[inline(always)]
fn is_cyrillic_letter_at(bytes: &[u8], i: usize) -> bool {
    matches!(
        (bytes.get(i), bytes.get(i + 1)),
        (Some(0xD0), Some(0x80..=0xBF)) | (Some(0xD1), Some(0x80..=0x9F))
    )
}

pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Where a text's tokens are, as [`tokens`] finds them: their byte offsets,
/// each with whether the tokenizer's ASCII fast path (`Step::Ascii`) gave it.
///
/// Extraction tokenizes an article's text for its own stages; `folio build`
/// hands these to the index ([`crate::Builder::push_spans`]), which would
/// otherwise tokenize the same text again (about 2% of a build of 100,000
/// articles, `perf`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans(Vec<(u32, u32)>);

impl Spans {
    /// The bit of an end offset that marks a token of the ASCII fast path.
    const ASCII: u32 = 1 << 31;

    /// Room for `n` tokens.
    pub(crate) fn with_capacity(n: usize) -> Spans {
        Spans(Vec::with_capacity(n))
    }

    /// Adds a token; `false` (and nothing added) when its offsets do not fit,
    /// in a text of 2 GB or more.
    pub(crate) fn push(&mut self, start: usize, end: usize, ascii: bool) -> bool {
        match (u32::try_from(start), u32::try_from(end)) {
            (Ok(s), Ok(e)) if e < Self::ASCII => {
                self.0.push((s, if ascii { e | Self::ASCII } else { e }));
                true
            }
            _ => false,
        }
    }

    /// Each token as (start, end, from the ASCII fast path).
    pub(crate) fn iter(&self) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
        self.0.iter().map(|&(s, e)| {
            (
                s as usize,
                (e & !Self::ASCII) as usize,
                e & Self::ASCII != 0,
            )
        })
    }

    /// Whether these can be the tokens of `text`: in order, inside it, and on
    /// character boundaries (the index trusts them no further).
    pub(crate) fn fit(&self, text: &str) -> bool {
        let mut last = 0;
        self.iter().all(|(s, e, _)| {
            let ok = last <= s && s < e && text.get(s..e).is_some();
            last = e;
            ok
        })
    }
}

/// What [`Tokens::next_step`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step<'a> {
    /// A token that is a run of ASCII letters and digits, by byte offsets into
    /// the text (start, end).
    Ascii(usize, usize),
    /// Any other token.
    Other(Token<'a>),
}

impl<'a> Tokens<'a> {
    /// The next token, as [`Iterator::next`] would return it, but a plain ASCII
    /// token (most of English text) as its offsets only: indexing then reads
    /// its bytes once more to build its key, and skips the `&str` slicing (two
    /// character-boundary checks) and the general loop's joiner handling.
    ///
    /// A run of ASCII letters and digits is a whole token when the character
    /// after it can neither join it nor continue it: the end of the text, an
    /// ASCII byte other than `'` (and other than `,` or `.` after a digit), or
    /// a non-ASCII character that is neither a word character nor an
    /// apostrophe. Anything else — a word character that is not ASCII, before
    /// or after the run, an apostrophe, a digit separator — is left to
    /// [`Iterator::next`] from the token's start, so both always agree
    /// (`next_step_agrees_with_next` checks it).
    #[inline]
    pub(crate) fn next_step(&mut self) -> Option<Step<'a>> {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        let start = loop {
            let &b = bytes.get(i)?;
            if b.is_ascii_alphanumeric() {
                break i;
            }
            if b >= 0x80 {
                // A curly quote or a dash before a word is skipped here, as
                // the general loop skips it; a letter starts a token there.
                let c = char_at(self.text, i);
                if is_word_char(c) {
                    self.pos = i;
                    return self.next().map(Step::Other);
                }
                i += c.len_utf8();
                continue;
            }
            i += 1;
        };
        i += 1;
        // A slice scan, without a bounds check per byte (nor, at opt-level
        // "z", the call per byte of `get(i).is_some_and(..)`).
        i += bytes[i..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bytes.len() - i);
        let whole = match bytes.get(i) {
            None => true,
            // A character that is neither a letter nor an apostrophe (a curly
            // quote, a dash) ends the word as a space does: news text has one
            // after many words, and the general loop would decode it again.
            Some(&b) if b >= 0x80 => {
                let c = char_at(self.text, i);
                !is_word_char(c) && !is_apostrophe(c)
            }
            Some(&b) => b != b'\'' && !((b == b',' || b == b'.') && bytes[i - 1].is_ascii_digit()),
        };
        if whole {
            self.pos = i;
            Some(Step::Ascii(start, i))
        } else {
            self.pos = start;
            self.next().map(Step::Other)
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        // Byte-wise with an ASCII fast path: this loop runs over every character
        // of every article when indexing.
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = self.pos;
        let start = loop {
            let &b = bytes.get(i)?;
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    break i;
                }
                i += 1;
            } else {
                let c = char_at(text, i);
                if is_word_char(c) {
                    break i;
                }
                i += c.len_utf8();
            }
        };
        let mut end = start;
        let mut prev: Option<char> = None;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_alphanumeric() {
                // A run of ASCII letters and digits, without decoding characters.
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                end = i;
                prev = Some(char::from(bytes[i - 1]));
                continue;
            }
            if is_cyrillic_letter_at(bytes, i) {
                // A run of basic Cyrillic letters, decoding only the last (a
                // call per character at opt-level "z" otherwise).
                i += 2;
                while is_cyrillic_letter_at(bytes, i) {
                    i += 2;
                }
                end = i;
                prev = Some(char_at(text, i - 2));
                continue;
            }
            let c = if b < 0x80 {
                char::from(b)
            } else {
                char_at(text, i)
            };
            let len = c.len_utf8();
            if b >= 0x80 && is_word_char(c) {
                i += len;
                end = i;
                prev = Some(c);
                continue;
            }
            let next = || text[i + len..].chars().next();
            let joiner = if is_apostrophe(c) {
                prev.is_some_and(|p| p.is_alphabetic()) && next().is_some_and(|n| n.is_alphabetic())
            } else if c == ',' || c == '.' {
                prev.is_some_and(|p| p.is_ascii_digit())
                    && next().is_some_and(|n| n.is_ascii_digit())
            } else {
                false
            };
            if !joiner {
                break;
            }
            i += len;
            prev = Some(c);
        }
        self.pos = end;
        Some(Token {
            text: &text[start..end],
            start,
            end,
        })
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokens(s).map(|t| t.text).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_digit_separators() {
        assert_eq!(
            words("Russia's 5,000 troops—de-occupation at 12:30 p.m. €1.8bn"),
            vec![
                "Russia's",
                "5,000",
                "troops",
                "de",
                "occupation",
                "at",
                "12",
                "30",
                "p",
                "m",
                "1.8bn"
            ]
        );
    }

    /// The tokens of `s` through [`Tokens::next_step`], as (start, end).
    fn stepped(s: &str) -> Vec<(usize, usize)> {
        let mut it = tokens(s);
        let mut out = Vec::new();
        while let Some(step) = it.next_step() {
            out.push(match step {
                Step::Ascii(start, end) => {
                    assert!(s[start..end].bytes().all(|b| b.is_ascii_alphanumeric()));
                    (start, end)
                }
                Step::Other(t) => (t.start, t.end),
            });
        }
        out
    }

    #[test]
    fn next_step_agrees_with_next() {
        // Texts of pieces that end, join or continue words, in every order a
        // small generator reaches (deterministic: a linear congruential one).
        let pieces = [
            "a", "Zb", "9", "12", " ", "'", "’", ",", ".", "-", "é", "й", "—", "s", "\n", "x'",
            "ʼ", "中", "…", "7.", ",5",
        ];
        let mut state = 0x2545_f491_u64;
        let mut random = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..random() % 9 {
                s.push_str(pieces[random() % pieces.len()]);
            }
            let want: Vec<(usize, usize)> = tokens(&s).map(|t| (t.start, t.end)).collect();
            assert_eq!(stepped(&s), want, "{s:?}");
        }
        let s = "Russia's 5,000 troops, at 12:30. Łódź";
        let want: Vec<(usize, usize)> = tokens(s).map(|t| (t.start, t.end)).collect();
        assert_eq!(stepped(s), want);
    }

    #[test]
    fn fast_paths_agree_with_unicode() {
        for c in '\u{0}'..=char::MAX {
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric() || is_combining_mark(c),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn cyrillic_fast_path_agrees_with_is_word_char() {
        for c in '\u{0}'..=char::MAX {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if is_cyrillic_letter_at(bytes, 0) {
                assert!(bytes.len() == 2 && is_word_char(c), "U+{:04X}", c as u32);
            } else {
                assert!(
                    !('\u{0400}'..='\u{045F}').contains(&c),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
        assert_eq!(
            words("Київ’s «Харків» та Zaporizhzhia-Запоріжжя, й ї ґ ѝ"),
            [
                "Київ’s",
                "Харків",
                "та",
                "Zaporizhzhia",
                "Запоріжжя",
                "й",
                "ї",
                "ґ",
                "ѝ"
            ]
        );
    }

    #[test]
    fn is_alnum_agrees_with_unicode() {
        for c in '\u{0}'..=char::MAX {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn offsets_point_at_the_word() {
        let s = "« Łódź » and Kyiv";
        for t in tokens(s) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
        assert_eq!(words(s), vec!["Łódź", "and", "Kyiv"]);
    }

    #[test]
    fn trailing_apostrophe_is_not_part_of_the_word() {
        assert_eq!(words("the soldiers' flag"), vec!["the", "soldiers", "flag"]);
    }
}
