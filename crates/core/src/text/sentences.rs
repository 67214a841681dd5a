//! Sentence boundaries.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it)
//! followed by white space and a likely sentence start, and always at a paragraph
//! break. It does not end after a title or honorific ("Mr", "Dr", "Gen"), an initial
//! ("J. Smith"), or a dotted abbreviation ("U.S.", "p.m.") when what follows reads as
//! the same sentence.

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence (compared without
/// the dot, case-sensitively: "No." is an abbreviation, "no." is not).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Adm",
    "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "vs", "etc",
    "No", "Nos", "Vol", "Fig", "approx", "est", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Characters that may close a sentence after its final punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space.
pub fn split(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut out = Vec::new();
    let mut para_start = 0;
    for para in text.split('\n') {
        let base = para.as_ptr() as usize - text.as_ptr() as usize;
        split_paragraph(para, base, &mut out);
        para_start += para.len() + 1;
    }
    let _ = para_start;
    out.into_iter()
}

fn split_paragraph(para: &str, base: usize, out: &mut Vec<Range<usize>>) {
    // Byte offsets throughout, decoding a character only where one is looked
    // at: the scan jumps from one possible terminator to the next ('.', '!',
    // '?', or the lead byte 0xE2 of '…'), so most of the text is skipped by
    // one byte comparison each, with no per-paragraph buffer of characters.
    let bytes = para.as_bytes();
    let char_at = |i: usize| para[i..].chars().next();
    let mut start = 0;
    let mut i = 0;
    while let Some(p) = bytes[i..]
        .iter()
        .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
    {
        let pos = i + p;
        let Some(c) = char_at(pos) else { break };
        if !matches!(c, '.' | '!' | '?' | '…') {
            i = pos + c.len_utf8();
            continue;
        }
        let mut j = pos + c.len_utf8();
        while let Some(n) = char_at(j).filter(|&n| is_closer(n) || matches!(n, '.' | '!' | '?')) {
            j += n.len_utf8();
        }
        let end = j;
        let followed_by_space = char_at(j).is_some_and(char::is_whitespace);
        if followed_by_space && c == '.' && is_abbreviation(&para[..pos]) {
            i = j;
            continue;
        }
        if followed_by_space {
            let mut k = j;
            while let Some(n) = char_at(k).filter(|n| n.is_whitespace()) {
                k += n.len_utf8();
            }
            if char_at(k).is_some_and(starts_sentence) {
                push_trimmed(para, base, start, end, out);
                start = k;
                i = k;
                continue;
            }
        }
        i = j;
    }
    push_trimmed(para, base, start, para.len(), out);
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«')
}

/// Whether the word just before a full stop (the end of `before`) is an
/// abbreviation, an initial, or a dotted abbreviation like "U.S" or "p.m".
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '['))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    let mut letters = word.chars();
    // A single capital letter: an initial, as in "J. R. Smith".
    if let (Some(first), None) = (letters.next(), letters.next()) {
        return first.is_uppercase();
    }
    // Dotted abbreviations: single letters separated by dots ("U.S", "p.m", "e.g").
    word.contains('.') && word.split('.').all(|part| part.chars().count() == 1)
}

fn push_trimmed(para: &str, base: usize, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let s = &para[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let a = base + start + lead;
        out.push(a..a + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            sentences("One ends. Two ends! Three? Four"),
            vec!["One ends.", "Two ends!", "Three?", "Four"]
        );
    }

    #[test]
    fn titles_initials_and_dotted_abbreviations_do_not_split() {
        assert_eq!(
            sentences("Mr Ganchev met Dr. Ahmed and J. R. Smith in the U.S. Army base. Then left."),
            vec![
                "Mr Ganchev met Dr. Ahmed and J. R. Smith in the U.S. Army base.",
                "Then left."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("\"Lyman is cleared.\" He said it twice."),
            vec!["\"Lyman is cleared.\"", "He said it twice."]
        );
    }

    #[test]
    fn lowercase_continuation_does_not_split() {
        assert_eq!(
            sentences("At 12:30 p.m. the city fell."),
            vec!["At 12:30 p.m. the city fell."]
        );
    }

    #[test]
    fn editorial_brackets_stay_inside_and_quoted_sentences_split_like_any_other() {
        assert_eq!(
            sentences("Troops left the settlement of [Lyman] at dawn. \"We see it. We go,\" he said. Then rain."),
            vec![
                "Troops left the settlement of [Lyman] at dawn.",
                "\"We see it.",
                "We go,\" he said.",
                "Then rain."
            ]
        );
    }

    #[test]
    fn honorifics_without_a_dot_and_initials_do_not_split() {
        assert_eq!(
            sentences("Mr Ganchev met Gen. Smith and T. S. Eliot at 9 a.m. Monday. Done."),
            vec![
                "Mr Ganchev met Gen. Smith and T. S. Eliot at 9 a.m. Monday.",
                "Done."
            ]
        );
    }

    #[test]
    fn paragraph_breaks_always_split() {
        assert_eq!(
            sentences("No stop here\n\nNext one"),
            vec!["No stop here", "Next one"]
        );
    }
}
