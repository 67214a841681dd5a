//! The words of the text as the recogniser sees them: for each, whether it is
//! capitalised, possessive ("Russia's") or the opening word of a sentence or
//! quotation, where capitals say nothing; which keys the article also writes in
//! lowercase; and what a word's form alone says (an ordinal, a plural, a party
//! label, a place-name ending).
//!
//! These facts are computed once per word, before any name is looked for, and
//! every later stage reads them by word index.

use crate::extract::lexicon::{
    in_ordinal_words, in_place_nouns, key_signature, WordSet, GLUED_UNITS, PARTY_WORDS,
    PLACE_ENDINGS,
};
use crate::model::EntityKind;
use crate::text::Token;

/// One word of the text with what the recogniser needs to know about it.
#[derive(Debug, Clone)]
pub(super) struct Word<'a> {
    pub(super) text: &'a str,
    pub(super) start: usize,
    /// End of the name part (before a possessive "'s").
    pub(super) name_end: usize,
    pub(super) end: usize,
    pub(super) key: &'a str,
    pub(super) cap: bool,
    pub(super) possessive: bool,
    pub(super) clause_start: bool,
}

/// The words of the text, each with what the recogniser needs to know about it.
pub(super) fn words<'a>(
    text: &'a str,
    toks: &[Token<'a>],
    keys: &[&'a str],
    starts: &[usize],
) -> Vec<Word<'a>> {
    let mut s = 0;
    let mut prev_start: Option<usize> = None;
    let mut out: Vec<Word> = Vec::with_capacity(toks.len());
    for (t, key) in toks.iter().zip(keys) {
        while s + 1 < starts.len() && starts[s + 1] <= t.start {
            s += 1;
        }
        // `text[..t.start]` without trailing spaces and no-break spaces
        // (U+00A0, bytes C2 A0), stepped back over byte by byte: this runs for
        // every word, and a character-pattern trim decodes each character.
        let bytes = text.as_bytes();
        let mut cut = t.start;
        loop {
            if cut >= 1 && bytes[cut - 1] == b' ' {
                cut -= 1;
            } else if cut >= 2 && bytes[cut - 2..cut] == [0xC2, 0xA0] {
                cut -= 2;
            } else {
                break;
            }
        }
        // The character before, decoded only when it is not ASCII.
        let before = match bytes[..cut].last() {
            Some(&b) if b < 0x80 => Some(char::from(b)),
            Some(_) => text[..cut].chars().next_back(),
            None => None,
        };
        let opener = before.is_none_or(|c| {
            matches!(
                c,
                '"' | '“' | '‘' | '\'' | '(' | '[' | ':' | '\n' | '—' | '–'
            )
        });
        // The first word at or after the sentence start (tokens are the word
        // runs, so nothing alphanumeric lies between); no rescan of the sentence.
        let sentence_first = starts
            .get(s)
            .is_some_and(|&st| st <= t.start && prev_start.is_none_or(|p| p < st));
        prev_start = Some(t.start);
        let mut name_end = t.end;
        let possessive = t.text.len() > 2
            && t.text.ends_with(['s', 'S'])
            && t.text[..t.text.len() - 1].ends_with(['\'', '’', 'ʼ']);
        if possessive {
            let apos = t.text[..t.text.len() - 1]
                .char_indices()
                .next_back()
                .map(|(i, _)| i)
                .unwrap_or(0);
            name_end = t.start + apos;
        }
        // "@MattBevin", "#Election": handles and hashtags are not written names.
        let handle = t.start > 0 && matches!(bytes[t.start - 1], b'@' | b'#');
        // "C-section", "T-shirt", "X-ray": one capital letter hyphened to a
        // lowercase word is part of an ordinary word.
        let letter_compound = t.text.len() == 1
            && text[t.end..]
                .strip_prefix('-')
                .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()));
        out.push(Word {
            text: t.text,
            start: t.start,
            name_end,
            end: t.end,
            key,
            cap: (t.text.starts_with(char::is_uppercase) || digit_acronym(t.text))
                && !handle
                && !letter_compound,
            possessive,
            clause_start: sentence_first || opener,
        });
    }
    out
}

/// A name written with a leading digit and capitals ("6PR", "3M", "7UP"), but
/// not a number with a unit ("10PM", "5KG", "4GB").
pub(super) fn digit_acronym(t: &str) -> bool {
    // Asked of every word that is not capitalised: the leading digit first.
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let letters = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let upper = letters.chars().filter(char::is_ascii_uppercase).count();
    upper >= 2
        && t.chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        && !GLUED_UNITS.contains(&letters)
}

/// The keys written in lowercase somewhere in the article: a capitalised word
/// the article also writes in lowercase is an ordinary word, capitalised where
/// capitals are automatic.
///
/// It is only ever asked about words inside `runs`, so only lowercase words
/// that may share a key with one of those are hashed in: a 1024-bit filter of
/// the run words' keys (by length and first and last byte) passes few of the
/// article's lowercase words, and the answers are those of the full set.
pub(super) fn lowercase_keys<'a>(words: &[Word<'a>], runs: &[(usize, usize)]) -> WordSet<'a> {
    let mut filter = [0u64; 16];
    for &(s, e) in runs {
        for w in &words[s..e] {
            let b = key_signature(w.key);
            filter[b / 64] |= 1 << (b % 64);
        }
    }
    let mut lower_seen = WordSet::default();
    for w in words {
        let b = key_signature(w.key);
        if filter[b / 64] & (1 << (b % 64)) != 0 && w.text.starts_with(char::is_lowercase) {
            lower_seen.insert(w.key);
        }
    }
    lower_seen
}

/// "65th", "3rd", "102d": a number written as an ordinal.
pub(super) fn is_ordinal(t: &str) -> bool {
    let suffix = t.trim_start_matches(|c: char| c.is_ascii_digit());
    suffix.len() < t.len() && matches!(suffix, "st" | "nd" | "rd" | "th" | "d")
}

/// "first" to "twentieth": ordinals written as words.
pub(super) fn is_ordinal_word(k: &str) -> bool {
    in_ordinal_words(k)
}

/// A folded word that looks like an English plural ("bikes", "guests"), not a
/// surname in -ss or -us.
pub(super) fn plural_last(k: &str) -> bool {
    k.len() > 3
        && k.ends_with('s')
        && !k.ends_with("ss")
        && !k.ends_with("us")
        && !k.ends_with("is")
}

/// A noun of place, singular or plural ("city", "cities", "towns").
pub(super) fn is_place_noun(k: &str) -> bool {
    in_place_nouns(k)
        || k.strip_suffix("ies")
            .is_some_and(|st| in_place_nouns(&format!("{st}y")))
        || k.strip_suffix('s').is_some_and(in_place_nouns)
}

/// Adjectives and member nouns of political parties, which label people and
/// groups rather than name them.
pub(super) fn is_party_word(k: &str) -> bool {
    PARTY_WORDS.contains(&k)
}

/// Place-name endings common across languages ("-sk", "-burg", "-ville", "-stan").
pub(super) fn suffix_kind(k: &str) -> Option<EntityKind> {
    // Compared from the last byte back, which rules out most endings at once
    // (`ends_with` compares through `memcmp`, a call per ending).
    let k = k.as_bytes();
    PLACE_ENDINGS
        .iter()
        .any(|e| {
            let e = e.as_bytes();
            k.len() > e.len() + 2 && k.iter().rev().zip(e.iter().rev()).all(|(a, b)| a == b)
        })
        .then_some(EntityKind::Place)
}
