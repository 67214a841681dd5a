//! The evidence around a run: what the words before and after a name say of
//! its kind. "X is a village", "X (born 1988)", "X was born", "signed for X",
//! "the band X", "X player", "losing to X 63-7", "an area called X", "posted a
//! video on X", and the kind of the item before it in a list.
//!
//! Each function reads only the text, the words beside the run and the
//! candidate before it, and answers yes or no (or a kind); which answer wins
//! when several hold is `classify`'s decision, so that evidence can be added
//! here without reordering the rest.

use super::candidate::{Cand, MEDIUM};
use super::words::{is_place_noun, Word};
use crate::extract::gazetteer as gaz;
use crate::extract::lexicon::{
    in_not_names, in_org_nouns, in_person_after, in_place_kinds, in_place_prepositions,
    in_role_nouns, in_team_after, BEFORE_THE_PLACE, MEMBER_OF_NOUNS, OWNED_BY_VERBS, PLACE_AFTER,
    POST_VERBS, WORK_FOR_VERBS,
};
use crate::model::EntityKind;
use crate::text::fold_name;

/// Whether the run at `s` follows "on", with a verb of publishing at most six
/// words before it in the same clause ("posted a different picture on X").
pub(super) fn posted_on(words: &[Word], s: usize) -> bool {
    if s == 0 || words[s - 1].key != "on" || words[s].start - words[s - 1].end != 1 {
        return false;
    }
    let from = s.saturating_sub(7);
    (from..s - 1)
        .rev()
        .take_while(|&k| !words[k].cap && !words[k + 1].clause_start)
        .any(|k| POST_VERBS.contains(&words[k].key))
}

/// Whether a lowercase noun of a kind of organisation stands right before the
/// run ("the band X") or after it, possibly behind one lowercase modifier ("X
/// band", "X football team").
pub(super) fn org_context(words: &[Word], s: usize, e: usize) -> bool {
    org_before(words, s) || org_after(words, e)
}

fn adjacent(words: &[Word], a: usize, b: usize) -> bool {
    words[b].start - words[a].end == 1
}

fn lower_org(words: &[Word], k: usize) -> bool {
    !words[k].cap && in_org_nouns(words[k].key)
}

/// "the band X", "rock band X" but not "the company's X".
pub(super) fn org_before(words: &[Word], s: usize) -> bool {
    s > 0 && adjacent(words, s - 1, s) && lower_org(words, s - 1) && !words[s - 1].possessive
}

/// "X band", "X football team": an organisation's noun after the run.
pub(super) fn org_after(words: &[Word], e: usize) -> bool {
    e < words.len()
        && adjacent(words, e - 1, e)
        && !words[e - 1].possessive
        && (lower_org(words, e)
            || (e + 1 < words.len()
                && !words[e].cap
                && adjacent(words, e, e + 1)
                && lower_org(words, e + 1)))
}

/// Whether the words before the run say it is something people join, work
/// for or play for ("signed for X", "joined the X", "a member of X", "CEO of X").
pub(super) fn member_context(words: &[Word], s: usize) -> bool {
    let mut k = s;
    // Skip "the" ("joined the Falcons").
    if k > 0 && words[k - 1].key == "the" && !words[k - 1].cap {
        k -= 1;
    }
    let lower = |i: usize| !words[i].cap;
    let key = |i: usize| words[i].key;
    if k >= 1 && lower(k - 1) && matches!(key(k - 1), "joined" | "joining" | "joins" | "coached") {
        return true;
    }
    if k >= 2 && lower(k - 1) && lower(k - 2) {
        let (a, b) = (key(k - 2), key(k - 1));
        let verb_for = b == "for" && WORK_FOR_VERBS.contains(&a);
        let member_of = b == "of" && MEMBER_OF_NOUNS.contains(&a);
        let verb_with =
            b == "with" && matches!(a, "signed" | "signs" | "played" | "plays" | "playing");
        // "acquired by X", "sold to X": what is bought, sold and operated
        // changes hands between companies.
        let business = (b == "by" && OWNED_BY_VERBS.contains(&a))
            || (b == "to" && matches!(a, "sold" | "signed"));
        return verb_for || member_of || verb_with || business;
    }
    false
}

/// The word after the run `..e` that says something about it, past a
/// possessive written apart ("Budjana 's" in tokenized text) and past one
/// auxiliary or adverb ("Stoloff was born", "Citrone also appeared"), with
/// whether the run is possessive. Only words joined by a single space count.
pub(super) fn word_after(text: &str, words: &[Word], e: usize) -> Option<(usize, bool)> {
    let last = &words[e - 1];
    let mut k = e;
    let mut possessive = last.possessive;
    let spaced = |a: usize, b: usize| &text[words[a].end..words[b].start] == " ";
    if !possessive
        && words.get(k).is_some_and(|n| {
            n.text == "s" && matches!(&text[last.end..n.start], " '" | " ’" | "'" | "’")
        })
    {
        possessive = true;
        k += 1;
    } else if possessive {
        // The possessive is inside the last word; the next word follows it.
    }
    let first = words.get(k)?;
    if k == 0 || !spaced(k - 1, k) || first.cap {
        return None;
    }
    if !possessive
        && matches!(
            first.key,
            "was" | "were" | "is" | "had" | "has" | "also" | "then" | "later" | "eventually"
        )
        && words
            .get(k + 1)
            .is_some_and(|n| !n.cap && in_person_after(n.key))
        && spaced(k, k + 1)
    {
        return Some((k + 1, false));
    }
    Some((k, possessive))
}

/// Whether what follows the run is something only a person does or has
/// (the lexicon's `PERSON_AFTER`), or "who" ("Langejans, who").
pub(super) fn person_after(text: &str, words: &[Word], e: usize) -> bool {
    if words.get(e).is_some_and(|n| {
        n.text == "who" && matches!(&text[words[e - 1].end..n.start], " " | ", " | " , ")
    }) {
        return true;
    }
    word_after(text, words, e).is_some_and(|(k, _)| in_person_after(words[k].key))
}

/// Whether a noun of place names the run: "an area called X", "a village
/// named X", "the region known as X".
pub(super) fn place_named(words: &[Word], s: usize) -> bool {
    let lower = |i: usize| !words[i].cap;
    let noun = |i: usize| lower(i) && (is_place_noun(words[i].key) || in_place_kinds(words[i].key));
    (s >= 2 && lower(s - 1) && matches!(words[s - 1].key, "called" | "named") && noun(s - 2))
        || (s >= 3 && words[s - 1].key == "as" && words[s - 2].key == "known" && noun(s - 3))
}

/// Whether what follows the run says where it lies: "X is located in",
/// "X, situated on", or a lowercase noun of place ("the Landes département",
/// "the Bijeli Brijeg neighbourhood") that, unlike "region", is not part of
/// the name.
pub(super) fn place_after(text: &str, words: &[Word], e: usize) -> bool {
    let Some(n) = words.get(e) else { return false };
    if n.cap || words[e - 1].possessive {
        return false;
    }
    let gap = &text[words[e - 1].end..n.start];
    let located = |w: &Word| matches!(w.key, "located" | "situated");
    if gap == " " {
        if located(n)
            || (matches!(n.key, "is" | "was" | "lies") && words.get(e + 1).is_some_and(located))
        {
            return true;
        }
        return PLACE_AFTER.contains(&n.key);
    }
    matches!(gap, ", " | " , ") && located(n)
}

/// Whether the lone name `words[s]` follows a preposition of place and "the"
/// and ends its phrase: "across the Rhine (", "on the Potomac.", "in the
/// Valley to". Such a name is most often a river, a sea, a valley or a
/// region. A lowercase word after it makes it a modifier ("the Scientology
/// homepage", "the Asad regime"), and a possessive an owner: neither says
/// "place".
pub(super) fn place_after_the(text: &str, words: &[Word], s: usize) -> bool {
    if s < 2 || words[s].possessive {
        return false;
    }
    let (prep, the) = (&words[s - 2], &words[s - 1]);
    let spaced = |a: &Word, b: &Word| &text[a.end..b.start] == " ";
    if the.key != "the"
        || the.cap
        || prep.cap
        || !spaced(prep, the)
        || !spaced(the, &words[s])
        || !(in_place_prepositions(prep.key) || BEFORE_THE_PLACE.contains(&prep.key))
    {
        return false;
    }
    match words.get(s + 1) {
        None => true,
        Some(next) => {
            let punctuated = !text[words[s].end..next.start].trim().is_empty();
            // "the Masters of Digital Media": a name that goes on after "of".
            punctuated || (!next.cap && next.key != "of" && in_not_names(next.key))
        }
    }
}

/// Whether a lowercase noun of a team's people follows the run ("North
/// Melbourne player", "Perth Glory's squad"), or a score ("losing to Tulsa
/// 63-7"): a sports team.
pub(super) fn team_after(text: &str, words: &[Word], e: usize) -> bool {
    if word_after(text, words, e).is_some_and(|(k, _)| in_team_after(words[k].key)) {
        return true;
    }
    let rest = &text[words[e - 1].end..];
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let a = digits(rest);
    if a == 0 || a > 3 {
        return false;
    }
    let rest = rest[a..].trim_start_matches(' ');
    let Some(rest) = rest.strip_prefix(['-', '–']) else {
        return false;
    };
    let rest = rest.trim_start_matches(' ');
    let b = digits(rest);
    (1..=3).contains(&b) && !rest[b..].starts_with(|c: char| c.is_alphanumeric())
}

/// The kind a definition or an apposition gives the run: "Bilje is a
/// village", "Blue Indigo was a jazz band", "Langejans is an innovative
/// luthier", "Ocala, a city in Florida". The first noun of a known kind
/// within four words decides; "of", "in", "for" and "who" end the search
/// ("X is a member of the band" says nothing about X's kind).
pub(super) fn copula_kind(text: &str, words: &[Word], e: usize) -> Option<EntityKind> {
    let spaced = |a: usize, b: usize| &text[words[a].end..words[b].start] == " ";
    let last = e - 1;
    if words[last].possessive {
        return None;
    }
    let mut k = e;
    let verb = words.get(k)?;
    if matches!(verb.key, "is" | "was") && spaced(last, k) {
        k += 1;
    } else if !matches!(&text[words[last].end..verb.start], ", " | " , ") {
        return None;
    }
    let art = words.get(k)?;
    if !matches!(art.key, "a" | "an" | "the") || art.cap && k > e || !spaced(k - 1, k) {
        return None;
    }
    for j in k + 1..(k + 5).min(words.len()) {
        let w = &words[j];
        // "a four-piece band": a hyphen joins the words of one modifier.
        let joined = spaced(j - 1, j) || &text[words[j - 1].end..w.start] == "-";
        if !joined || matches!(w.key, "of" | "in" | "for" | "who" | "which" | "that") {
            return None;
        }
        if w.cap {
            continue;
        }
        // "the center of the exhibition" is a figure of speech, not a place.
        let figurative = matches!(w.key, "center" | "centre" | "outskirts");
        if in_place_kinds(w.key) || (is_place_noun(w.key) && !figurative) {
            return Some(EntityKind::Place);
        }
        if in_org_nouns(w.key) {
            return Some(EntityKind::Org);
        }
        if in_role_nouns(w.key) {
            return Some(EntityKind::Person);
        }
    }
    None
}

/// Whether a bracket with a birth or a life span follows the run ("Cabral
/// (born 1988)", "Stanisław Baranowski (1806-1843)", "Adenet Le Roi
/// (c.1240 -- c.1300)"): how encyclopaedias and obituaries introduce people.
pub(super) fn born_after(text: &str, words: &[Word], e: usize) -> bool {
    let rest = text[words[e - 1].end..].trim_start_matches([' ', ',']);
    let Some(inner) = rest.strip_prefix('(') else {
        return false;
    };
    let inner = inner.trim_start();
    if ["born ", "b. ", "née ", "nee ", "c.", "c. "]
        .iter()
        .any(|p| inner.starts_with(p))
    {
        return true;
    }
    let year = inner.bytes().take_while(u8::is_ascii_digit).count();
    if year != 4 {
        return false;
    }
    let after = inner[year..].trim_start();
    let dash = after.trim_start_matches(['-', '–', '—']);
    dash.len() < after.len() && dash.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// Whether ", <country or first-level region>" follows the run, as in an
/// address ("Saffron Walden, England").
pub(super) fn followed_by_region(text: &str, words: &[Word], e: usize) -> bool {
    let Some(n) = words.get(e) else { return false };
    if !n.cap || !matches!(&text[words[e - 1].end..n.start], ", " | " , ") {
        return false;
    }
    // The region is the whole capitalised run after the comma ("New York").
    let mut k = e + 1;
    while k < words.len() && words[k].cap && words[k].start - words[k - 1].end == 1 {
        k += 1;
    }
    let region = &text[n.start..words[k - 1].name_end];
    gaz::country(&fold_name(region)).is_some()
}

/// Whether the name at `start` continues a list whose previous item is a place
/// ("the settlements of Yampil, Novoselivka and Stavky").
pub(super) fn in_place_list(text: &str, cands: &[Cand], start: usize) -> bool {
    cands.last().is_some_and(|p| {
        p.kind == Some(EntityKind::Place)
            && p.end <= start
            && matches!(
                &text[p.end..start],
                ", " | " and " | ", and " | " or " | ", or " | "-" | "–"
            )
    })
}

/// The kind of the previous item of a list the name at `start` continues, when
/// that item had more than weak evidence.
pub(super) fn list_kind(text: &str, cands: &[Cand], start: usize) -> Option<EntityKind> {
    let p = cands.last()?;
    let sep = p.end <= start
        && matches!(
            &text[p.end..start],
            ", " | " and " | ", and " | " , " | " , and "
        );
    (sep && p.strength >= MEDIUM).then_some(p.kind).flatten()
}

#[cfg(test)]
mod tests {
    use crate::extract::entities::testing::kind_of;
    use crate::model::EntityKind;

    /// Guards: "posted a different picture on Facebook" left the platform
    /// unmarked (a lone word with no evidence).
    #[test]
    fn the_platform_of_a_post_is_an_organisation() {
        let t = "The mayor posted a short video on Vimbly late at night.";
        assert_eq!(kind_of(t, "Vimbly"), Some(EntityKind::Org));
    }

    #[test]
    fn what_only_a_person_does_makes_a_person() {
        // Guards `person_after`: a lone surname is no organisation.
        let t = "The prize went to Hitzig. In 1870 Hitzig published his findings. Hitzig was born in Berlin.";
        assert_eq!(kind_of(t, "Hitzig"), Some(EntityKind::Person));
        let t = "The guitars are made by Langejans, who learned woodworking early.";
        assert_eq!(kind_of(t, "Langejans"), Some(EntityKind::Person));
    }

    #[test]
    fn definitions_and_birth_brackets_give_the_kind() {
        // Guards `copula_kind` and `born_after`.
        assert_eq!(
            kind_of("Bilje is a village in eastern Croatia.", "Bilje"),
            Some(EntityKind::Place)
        );
        assert_eq!(
            kind_of(
                "Dark Room Notes are famous. Dark Room Notes is a four-piece band.",
                "Dark Room Notes"
            ),
            Some(EntityKind::Org)
        );
        assert_eq!(
            kind_of(
                "He met Stanisław Baranowski (1806-1843) in Vilnius.",
                "Stanisław Baranowski"
            ),
            Some(EntityKind::Person)
        );
        // "the center of" is a figure of speech, not a place.
        assert_ne!(
            kind_of(
                "Later Andy Warhol was the center of the scene.",
                "Andy Warhol"
            ),
            Some(EntityKind::Place)
        );
    }
}
