//! The lexicon: every word list of the recogniser lives here, one list per
//! concept, shared by the stages that read them — entities, aliases, dates,
//! quantities, quotes and clean — and by `geo`, which strips the same area
//! descriptors before it locates a place. A word that means one thing to
//! extraction is listed once, so the stages cannot drift apart the way copied
//! lists did.
//!
//! One file per concept:
//!
//! - `people`: titles and honorifics, role nouns, what only a person does or has;
//! - `organisations`: organisation words and nouns, a team's people, what people
//!   join, work for or buy;
//! - `places`: place heads and openers, area descriptors, nouns and kinds of
//!   place, prepositions, place-name endings;
//! - `names`: words that are never a name alone, the small words joining or
//!   sitting inside a name;
//! - `speech`: verbs of speech, quotation and publishing, and the words that
//!   bound a speaker's phrase;
//! - `time`: month and weekday names and their abbreviations, words that
//!   introduce a time;
//! - `quantities`: hedges, units, currencies, scales, number and ordinal words;
//! - `debris`: the markers, page furniture and calls to action of scraped text.
//!
//! Words are folded ([`fold`](crate::text::fold()): lowercase, no diacritics), as the
//! stages compare folded keys, unless a list's doc says it is compared as written.
//! The lists are by language where they are language-specific, and that is
//! English today (a few say where they hold words of other languages: compass
//! words ending a region's name, name particles). A second language would add
//! its words in a file per concept and language beside these (`places_fr.rs`),
//! chained into the same sets.
//!
//! **Adding a word**: put it in the list of its concept, folded. A list asked
//! about per word goes through a set below and needs nothing else. One word can
//! change many articles: run the fixtures and `folio eval ner` before and after.
//! **Adding a list**: put it in its concept's file with a doc line saying what it
//! is evidence of, with an example; re-export it here, and give it a set with
//! `word_set!` if it is asked about for every word.
//!
//! The sets live here rather than with the recogniser because more than one
//! stage asks them (the quote stage asks the speech verbs), and because how a
//! list is looked up belongs with the list. Lists asked about rarely, or whose
//! order matters (units, scales: the first match wins), are read as slices.
//!
//! Not here, on purpose: the class and id patterns of `html` (`STRONG_NEGATIVE`,
//! `WEAK_NEGATIVE`, `POSITIVE`) and its title separators are not words of a
//! language but conventions of page markup, tuned with that stage's scores, so
//! they stay beside them; the text layer's abbreviations in
//! [`crate::text::sentences`] sit below extraction and cannot import it; `eval`'s
//! `NOT_PROPER` says how gold data is read, not how the recogniser reads; and a
//! rule's two- or three-word pattern ("and" | "or" before a coordinated name)
//! reads better inside the rule.

#[cfg(feature = "html")]
mod bylines;
mod debris;
mod names;
mod organisations;
mod people;
mod places;
mod quantities;
mod speech;
mod time;

use std::sync::OnceLock;

use crate::text::FxHasher;

pub use time::{MONTHS, WEEKDAYS};

#[cfg(feature = "html")]
pub(crate) use bylines::{BYLINE_JOINERS, BYLINE_OPENERS, INTERFACE_WORDS};
pub(crate) use debris::{BOILERPLATE_PREFIXES, CALLS_TO_ACTION, LINK_MARKERS};
pub(crate) use names::{
    ADVERB_ENDINGS, EVENT_FIRST_WORDS, EVENT_LAST_WORDS, FIELD_BEFORE, NAME_PREFIXES,
    TITLE_SMALL_WORDS,
};
pub(crate) use organisations::{MEMBER_OF_NOUNS, OWNED_BY_VERBS, PARTY_WORDS, WORK_FOR_VERBS};
pub(crate) use people::DOTTED_ABBREVIATIONS;
pub(crate) use places::REGION_WORDS;
pub(crate) use places::{
    BEFORE_THE_PLACE, COMPASS, COUNTRY_QUALIFIERS, MAP_DESCRIPTORS, PLACE_AFTER, PLACE_ENDINGS,
};
pub(crate) use quantities::{
    CURRENCY_SIGNS, GLUED_UNITS, HEDGES, IRREGULAR_PLURALS, MEASURE_SYNONYMS, NOT_PLURALS,
    NUMBER_WORDS, SCALES, UNITS,
};
pub(crate) use speech::{FINITE_VERBS, PERSON_ACTS, POSSESSIVE_ENDS, POST_VERBS, QUOTE_VERBS};
#[cfg(feature = "html")]
pub(crate) use time::MONTHS_OTHER_LANGUAGES;
pub(crate) use time::{MONTH_ABBREVIATIONS, TIME_OPENERS};

/// A set of words with the crate's fast hasher ([`FxHasher`]: word-list
/// look-ups hash short folded keys on every word, where SipHash's resistance to
/// crafted collisions buys nothing and costs most of the time).
pub(crate) type WordSet<'a> =
    std::collections::HashSet<&'a str, std::hash::BuildHasherDefault<FxHasher>>;

/// A bit (0..1024) for a folded key, by its length and first and last byte: the
/// filters of the sets below, and the recogniser's filter of the words of its
/// capitalised runs.
pub(crate) fn key_signature(key: &str) -> usize {
    let b = key.as_bytes();
    let (first, last) = (
        b.first().copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    );
    (b.len() * 61 + usize::from(first) * 31 + usize::from(last)) % 1024
}

/// Defines `fn $name(word) -> bool`, a constant-time look-up in the words of
/// one or more lists (an iterator of `&&str`, built once on first use).
///
/// Most words asked about are in no list, and each set has a 1024-bit filter
/// of its words' [`key_signature`]s: a word whose bit is clear is answered
/// without hashing it (hashing and probing was 8% of extraction's time, `perf`).
macro_rules! word_set {
    ($($(#[$doc:meta])* $name:ident => $words:expr),* $(,)?) => {$(
        $(#[$doc])*
        pub(crate) fn $name(word: &str) -> bool {
            static SET: OnceLock<([u64; 16], WordSet<'static>)> = OnceLock::new();
            let (filter, set) = SET.get_or_init(|| {
                let mut filter = [0u64; 16];
                let mut set = WordSet::default();
                for &w in $words {
                    let b = key_signature(w);
                    filter[b / 64] |= 1 << (b % 64);
                    set.insert(w);
                }
                (filter, set)
            });
            let b = key_signature(word);
            filter[b / 64] & (1 << (b % 64)) != 0 && set.contains(word)
        }
    )*};
}

word_set! {
    in_org_words => organisations::ORG_WORDS,
    in_org_nouns => organisations::ORG_NOUNS,
    in_team_after => organisations::TEAM_AFTER,
    in_club_nouns => organisations::CLUB_NOUNS,
    in_numbered_units => organisations::NUMBERED_UNITS,
    in_place_heads => places::PLACE_HEADS,
    in_place_openers => places::PLACE_OPENERS,
    /// The recogniser's and the merge's area descriptors, [`REGION_WORDS`].
    in_region_words => places::REGION_WORDS,
    in_place_nouns => places::PLACE_NOUNS,
    in_place_kinds => places::PLACE_KINDS,
    in_place_prepositions => places::PLACE_PREPOSITIONS,
    /// The words of title phrases: heads and the words before them.
    in_titles => people::TITLE_HEADS.iter().chain(people::TITLE_WORDS),
    in_title_heads => people::TITLE_HEADS,
    in_role_nouns => people::ROLE_NOUNS,
    in_person_after => people::PERSON_AFTER,
    /// [`names::NOT_NAMES`] and the calendar words: weekdays, months but "May",
    /// and their abbreviations.
    in_not_names => names::NOT_NAMES
        .iter()
        .chain(time::WEEKDAYS)
        .chain(time::WEEKDAY_ABBREVIATIONS)
        .chain(time::MONTHS.iter().filter(|m| **m != "may"))
        .chain(time::MONTH_ABBREVIATIONS.iter().map(|(a, _)| a)),
    in_name_particles => names::NAME_PARTICLES,
    in_name_joiners => names::NAME_JOINERS,
    in_speech_verbs => speech::SPEECH_VERBS,
    /// Month and weekday names, written out.
    in_calendar_names => time::MONTHS.iter().chain(time::WEEKDAYS),
    in_ordinal_words => quantities::ORDINAL_WORDS,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the sets built from several lists: each answers for exactly the
    /// words of its lists ("May" stays out of the words that are never names).
    #[test]
    fn sets_of_several_lists_hold_every_word_of_each() {
        for w in people::TITLE_HEADS.iter().chain(people::TITLE_WORDS) {
            assert!(in_titles(w), "{w}");
        }
        for w in time::WEEKDAYS {
            assert!(in_not_names(w) && in_calendar_names(w), "{w}");
        }
        for w in time::WEEKDAY_ABBREVIATIONS {
            assert!(in_not_names(w) && !in_calendar_names(w), "{w}");
        }
        for &(a, _) in time::MONTH_ABBREVIATIONS {
            assert!(in_not_names(a), "{a}");
        }
        assert!(in_not_names("june") && in_calendar_names("june"));
        assert!(!in_not_names("may") && in_calendar_names("may"));
        assert!(!in_titles("may") && !in_not_names("said "));
    }
}
