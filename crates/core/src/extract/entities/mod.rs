//! People, places and organisations, found from general evidence.
//!
//! A key design decision: nothing here lists the names of any corpus. A name is a
//! run of capitalised words; what kind of thing it names comes from evidence that
//! holds in any news text:
//!
//! - **titles and honorifics** before it ("President", "Mr", "Defense Secretary",
//!   lowercase roles such as "spokesman" or "adviser") make a person, and are not
//!   part of the name;
//! - **organisation words** inside it ("Ministry", "Institute", "Forces", "Bank") or
//!   an acronym ("SBU", "NATO") make an organisation;
//! - **place evidence**: a country, a city in the GeoNames list, a descriptor after
//!   it ("X region", "X oblast"; a plural one after coordinated names, "the X and
//!   Y oblasts", is shared and part of neither), a place word inside it ("River",
//!   "Sea"), a noun of place before it ("the town of X") or, weakly, a preposition
//!   ("in X");
//! - a **given name** first, or a speech verb after it ("X said"), makes a person;
//! - **organisation context**: a lowercase noun of a kind of organisation beside
//!   it ("the band X", "X football team"), what people join or work for ("signed
//!   for X", "a member of X", "CEO of X"), or a place name before a word that is
//!   no place word ("Perth Glory", "St. Louis Cardinals": a team or company named
//!   for its home);
//! - **what the text says of it**: a definition or apposition ("X is a village",
//!   "X, a four-piece band"), a birth bracket ("X (born 1988)", "X (1806-1843)"),
//!   what only people do or have ("X was born", "X died", "X's father", "X, who"),
//!   a team's people or a score after it ("X player", "losing to X 63-7"), where it
//!   lies ("X is located in", "an area called X", "the X neighbourhood"), and
//!   business or sports verbs before it ("acquired by X", "played with X"), and
//!   the platform of a post ("posted a video on X").
//!
//! The opening word of a sentence or quotation is capitalised anyway, so it only
//! counts as a name when the article never writes it in lowercase; alone and
//! without evidence it is kept only when it resolves to a name found elsewhere
//! (a surname) or has evidence in another mention. A capital "The" inside a
//! sentence is part of the name ("by The Triffids"), as in CoNLL spans. Possessives
//! ("Russia's") are cut off; demonyms ("Ukrainian") are not places.
//!
//! Within an article, short forms resolve to the full entity: a surname ("Putin",
//! "Mr Ganchev") to the person who carries it, an acronym defined in brackets to
//! its organisation, and "the ministry" to the last organisation named with that
//! word. Every mention is a byte span into the clean text.
//!
//! ## Stages
//!
//! The rules run in stages, one file each, in this order:
//!
//! 1. `words`: what the recogniser knows of each word (capitalised, possessive,
//!    opening a sentence or quotation) and what a word's form says;
//! 2. `runs`: where names may be, the runs of capitalised words with what joins
//!    the words of one name (initials, particles, "and" in an organisation's
//!    name), outside Title Case headings;
//! 3. `classify`: each run cut to the names it holds (openers, titles, labels
//!    stripped), and for each a `candidate` with a kind and how sure it is, from
//!    the strongest evidence that holds, weighed in a fixed order; the evidence
//!    from the words around the run is `evidence`'s;
//! 4. `resolve`: the decisions that need every mention of a name (one kind per
//!    name, short forms linked to full names, lone openers kept or dropped);
//! 5. `mentions`: the entity list, with each entity's name and mentions, and
//!    "the ministry" added to the organisation it refers to.
//!
//! Why these boundaries: what one mention's words say can be read as soon as
//! its run is found, but a name's kind and its short forms can only be settled
//! once the whole article has been read, so the two are apart; and the evidence
//! is apart from the order in which it is weighed, so that new evidence about a
//! mention is written in `evidence` and given its place in `classify`'s chain
//! (or read by a scorer that replaces the chain), while evidence from the rest
//! of the article or the corpus goes in `resolve`.
//!
//! The words the rules look for (titles, organisation and place words, the
//! words that are never names, ...) are the lexicon's ([`super::lexicon`]),
//! shared with the other stages.

mod candidate;
mod classify;
mod evidence;
mod mentions;
mod resolve;
mod runs;
mod words;

use crate::model::ArticleEntity;
use crate::text::{sentences, Token};

/// Finds the people, places and organisations of one article's clean text.
///
/// Each returned entity's `id` is its article-level key (the folded full name);
/// [`super::aliases`] replaces it with the corpus id.
pub fn find(text: &str) -> Vec<ArticleEntity> {
    let (toks, folded) = super::tokenize_fold(text);
    let keys = folded.keys();
    let starts: Vec<usize> = sentences::split(text).map(|r| r.start).collect();
    find_in(text, &toks, &keys, &starts)
}

/// [`find`] on tokens and folded keys the caller already has (the pipeline
/// tokenizes once for every stage).
/// `sentence_starts` are the byte offsets where sentences begin.
pub fn find_in<'a>(
    text: &'a str,
    toks: &[Token<'a>],
    keys: &[&'a str],
    sentence_starts: &[usize],
) -> Vec<ArticleEntity> {
    let words = words::words(text, toks, keys, sentence_starts);
    let runs = runs::runs(text, &words);
    let lower_seen = words::lowercase_keys(&words, &runs);
    let mut cands = Vec::new();
    for (s, e) in runs {
        classify::classify_run(text, &words, s, e, &lower_seen, &mut cands);
    }
    let names = resolve::resolve(text, cands);
    mentions::entities(text, &words, names)
}

/// The recogniser's output in the shape the tests of every stage compare.
#[cfg(test)]
mod testing {
    use super::find;
    use crate::model::EntityKind;

    pub(super) fn ents(text: &str) -> Vec<(EntityKind, String, Vec<String>)> {
        find(text)
            .into_iter()
            .map(|e| {
                (
                    e.kind,
                    e.name,
                    e.mentions.into_iter().map(|m| m.text).collect(),
                )
            })
            .collect()
    }

    pub(super) fn kind_of(text: &str, name: &str) -> Option<EntityKind> {
        find(text)
            .into_iter()
            .find(|e| e.name == name)
            .map(|e| e.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::find;
    use super::testing::{ents, kind_of};
    use crate::model::EntityKind;

    #[test]
    fn titles_are_not_part_of_the_name_and_make_a_person() {
        let t = "Russian President Vladimir Putin spoke. Later Putin left.";
        let e = ents(t);
        assert_eq!(
            e,
            vec![(
                EntityKind::Person,
                "Vladimir Putin".to_string(),
                vec!["Vladimir Putin".to_string(), "Putin".to_string()]
            )]
        );
    }

    /// Guards the lone kind noun: "Police" or "Government" opening a
    /// sentence is the common noun; a name with the word in it stays.
    #[test]
    fn a_kind_noun_that_opens_a_sentence_alone_is_no_organisation() {
        let t = "Police said the road was closed. Government figures show a rise. \
                 The Valdorian Police Service confirmed it.";
        assert!(kind_of(t, "Police").is_none());
        assert!(kind_of(t, "Government").is_none());
        assert_eq!(
            kind_of(t, "Valdorian Police Service"),
            Some(EntityKind::Org)
        );
    }

    /// Guards the institution rule: a city before a lowercase institution
    /// noun is where the institution is; before "club" it is the club.
    #[test]
    fn a_city_before_an_institution_noun_is_a_place() {
        let t =
            "A teen was hurt at her Boston high school on Monday. Staff of the Boston area helped.";
        assert_eq!(kind_of(t, "Boston"), Some(EntityKind::Place));
        let t = "Fans of the Liverpool football club cheered on Sunday.";
        assert_eq!(kind_of(t, "Liverpool"), Some(EntityKind::Org));
    }

    /// Guards the adverb opener: "Naturally" before a name at a sentence's
    /// start is no part of it, while a first name of that shape stays.
    #[test]
    fn an_adverb_that_opens_a_sentence_is_not_part_of_the_name() {
        let t = "Bloggers saw the jets first. Naturally China will show more hardware. \
                 Reportedly Germany agreed.";
        assert_eq!(kind_of(t, "China"), Some(EntityKind::Place));
        assert_eq!(kind_of(t, "Germany"), Some(EntityKind::Place));
        assert!(kind_of(t, "Naturally China").is_none());
        let t = "Sally Hawkins won. Kelly Clarkson sang.";
        assert_eq!(kind_of(t, "Sally Hawkins"), Some(EntityKind::Person));
    }

    #[test]
    fn possessive_is_not_part_of_the_name_and_demonyms_are_not_places() {
        let t = "Ukrainian troops moved. Russia's army fell back in Ukraine.";
        assert_eq!(kind_of(t, "Russia"), Some(EntityKind::Place));
        assert!(kind_of(t, "Ukrainian").is_none());
        assert_eq!(kind_of(t, "Ukraine"), Some(EntityKind::Place));
    }

    #[test]
    fn organisation_words_acronyms_and_the_ministry() {
        let t = "The Security Service of Ukraine (SBU) confirmed it. The SBU posted images. \
                 The Russian Defense Ministry said so, and the ministry said more.";
        let e = find(t);
        let sbu = e
            .iter()
            .find(|x| x.name == "Security Service of Ukraine")
            .unwrap();
        assert_eq!(sbu.kind, EntityKind::Org);
        assert_eq!(sbu.mentions.len(), 3, "{sbu:?}");
        let mod_ = e
            .iter()
            .find(|x| x.name == "Russian Defense Ministry")
            .unwrap();
        assert_eq!(mod_.mentions.last().unwrap().text, "the ministry");
    }

    #[test]
    fn sentence_openers_are_not_names() {
        let t = "The storm hit. Later the storm left. Moments before, rain fell.";
        assert!(find(t).is_empty(), "{:?}", find(t));
    }

    #[test]
    fn party_labels_handles_and_shouting_are_not_names() {
        let t = "Republican Phil Bryant won. House Democrats objected. \
                 Follow @MattBevin to VOTE. He said to vote early.";
        let e = ents(t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].1, "Phil Bryant");
    }

    #[test]
    fn teams_units_and_field_names_are_organisations() {
        // Guards `team_after`, the numbered-unit prefix and the "and" joiner
        // after "of" in `run_end`.
        assert_eq!(
            kind_of(
                "He was the father of North Melbourne player Michael Gaudion.",
                "North Melbourne"
            ),
            Some(EntityKind::Org)
        );
        assert_eq!(
            kind_of(
                "The season ended losing to Tulsa 63-7 in the bowl.",
                "Tulsa"
            ),
            Some(EntityKind::Org)
        );
        let e = ents("It was redesignated 65 Air Division on 17 April.");
        assert!(e.iter().any(|x| x.1 == "65 Air Division"), "{e:?}");
        let e = ents("She works in the Department of Physics and Astronomy at the university.");
        assert!(
            e.iter()
                .any(|x| x.1 == "Department of Physics and Astronomy"),
            "{e:?}"
        );
    }

    #[test]
    fn letter_compounds_and_common_abbreviations_are_not_names() {
        // Guards `letter_compound` and the abbreviations in `NOT_NAMES`.
        let e = ents("Doctors opposed the C-section. The CD came out. The DJ played.");
        assert!(e.is_empty(), "{e:?}");
    }
}
