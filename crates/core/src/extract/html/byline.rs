//! The byline: the author meta tags (unless they hold a profile URL), then the
//! JSON-LD author, then the page's rel=author links, as names alone: without
//! "By", a location or a job line.

use super::collapse::collapse;
use super::json_ld::LdInfo;
use super::metadata::Stated;

/// The byline, from the first source that states a person: a value that is
/// a host name, an e-mail address or a user handle is not a
/// byline, and the next source is tried (nothing rather than a wrong name).
pub(super) fn find(page: &Stated, ld: &LdInfo) -> Option<String> {
    let meta = page
        .meta_value(&[
            "author",
            "article:author",
            "byl",
            "sailthru.author",
            "parsely-author",
            "dc.creator",
        ])
        .filter(|a| !a.contains("://"));
    let rel = (!page.rel_author.is_empty()).then(|| page.rel_author.join(", "));
    // A JSON-LD author typed `Person` comes before the meta tag, which many
    // sites fill with their own or their publisher's name.
    let (first, second) = if ld.author_is_person {
        (ld.author.clone(), meta)
    } else {
        (meta, ld.author.clone())
    };
    [
        first,
        second,
        rel,
        page.shown_byline.clone(),
        page.marked_author.clone(),
    ]
    .into_iter()
    .flatten()
    .map(|a| clean_byline(&a))
    .find(|a| is_person_like(a))
}

/// A byline shown in the text after the headline ("Von Anna Muster", or
/// "By" and the names in the next element): the names, when they read as
/// names (a few words, capitalised, no digits), else nothing.
pub(super) fn shown(text: &str) -> Option<String> {
    let t = clean_byline(text);
    let words = t.split_whitespace().count();
    let ok = (1..=8).contains(&words)
        && t.chars().count() <= 80
        && t.starts_with(char::is_uppercase)
        && !t.chars().any(|c| c.is_ascii_digit())
        && is_person_like(&t);
    ok.then_some(t)
}

/// The names in an element marked as the author's, from its text nodes:
/// what follows an opener ("Post author", "By Jane Doe"; "Erstellt von Jane
/// Doe"), else what follows a label ("Text und Fotos: Jane Doe"), else the
/// first text node that is names alone (an author box: the name, then a
/// biography), else all of its text when that is names alone. Whatever it
/// is, it must read as names only: "Reply", "Published on" are not.
pub(super) fn marked(texts: &[String]) -> Option<String> {
    let texts: Vec<String> = texts.iter().map(|t| collapse(t)).collect();
    // An opener opens a text node, or stands lowercase inside one: a name
    // such as "Di Maria" is no opener.
    let after_an_opener = texts.iter().find_map(|t| {
        let starts = std::iter::once(0).chain(
            t.char_indices()
                .filter(|&(i, c)| i > 0 && c.is_lowercase() && t[..i].ends_with(' '))
                .map(|(i, _)| i),
        );
        starts
            .filter_map(|i| after_opener(&t[i..]))
            .find(|rest| !rest.is_empty())
            .map(str::to_string)
    });
    let joined = texts.join(" ");
    let after_a_label = joined.rsplit_once(": ").map(|(_, r)| r.to_string());
    after_an_opener
        .into_iter()
        .chain(after_a_label)
        .chain(texts.iter().cloned())
        .chain(std::iter::once(joined.clone()))
        .filter_map(|t| shown(&t))
        .find(|t| names_only(t))
}

/// Whether every word of `s` could be part of a name: capitalised (or not a
/// word at all), a name particle ("von", "de") or a word that joins two
/// names ("and", "und"), and not an opener alone.
fn names_only(s: &str) -> bool {
    use crate::extract::lexicon::{in_name_particles, BYLINE_JOINERS};
    s.split([' ', ',']).filter(|w| !w.is_empty()).all(|w| {
        let lower = w.to_lowercase();
        !w.starts_with(char::is_lowercase)
            || in_name_particles(&lower)
            || BYLINE_JOINERS.contains(&lower.as_str())
    }) && s
        .split_whitespace()
        .last()
        .is_none_or(|w| after_opener(w) != Some(""))
}

/// Whether a cleaned byline can be people: not empty, not a host name ("example.org"), an address or a handle ("jane.doe").
fn is_person_like(a: &str) -> bool {
    use crate::extract::lexicon::INTERFACE_WORDS;
    if a.is_empty() || a.contains('@') || INTERFACE_WORDS.contains(&a.to_lowercase().as_str()) {
        return false;
    }
    if !a.contains(' ') && (a.contains('.') || a.contains('_')) {
        return false;
    }
    // The outlet's own name stays: on a personal site or a wire story it is
    // the author (rejecting it lost more right bylines than wrong ones).
    a.chars().any(char::is_alphabetic)
}

/// `s` without a leading byline opener ("By", "Von", "Written by:").
fn strip_opener(s: &str) -> &str {
    after_opener(s).unwrap_or(s)
}

/// What follows a leading byline opener in `s`, if `s` opens with one (`""`
/// for the opener alone, whose names are in the next text).
pub(super) fn after_opener(s: &str) -> Option<&str> {
    use crate::extract::lexicon::BYLINE_OPENERS;
    let lower = s.to_lowercase();
    for o in BYLINE_OPENERS {
        if lower.starts_with(o) && lower.is_char_boundary(o.len()) {
            let rest = &lower[o.len()..];
            if (rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || c == ':'))
                && s.is_char_boundary(o.len())
            {
                return Some(s[o.len()..].trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—')
                }));
            }
        }
    }
    None
}

/// A byline without "By", a trailing location ("in Kyiv", ", WASHINGTON") or
/// a job line after a separator.
fn clean_byline(s: &str) -> String {
    let s = collapse(s);
    let mut s = s.as_str();
    for sep in [" | ", "\n", " - ", " — "] {
        if let Some(i) = s.find(sep) {
            s = &s[..i];
        }
    }
    s = strip_opener(
        s.trim_matches(|c: char| matches!(c, '\'' | '"' | '“' | '”') || c.is_whitespace()),
    );
    let mut out = s.trim().to_string();
    // "Jane Doe in Kyiv" → "Jane Doe".
    if let Some(i) = out.rfind(" in ") {
        if out[i + 4..].starts_with(char::is_uppercase) {
            out.truncate(i);
        }
    }
    // "JANE DOE, WASHINGTON" → the location is one all-caps or one-word part.
    let parts: Vec<&str> = out.split(", ").collect();
    if parts.len() == 2 && !parts[1].contains(" and ") {
        let last = parts[1].trim();
        let upper = last.chars().any(char::is_alphabetic)
            && !last.chars().any(char::is_lowercase)
            && parts[0].chars().any(char::is_lowercase);
        if upper || !last.contains(' ') {
            out = parts[0].to_string();
        }
    }
    let out = out.trim_matches(|c: char| c == ',' || c.is_whitespace());
    // One name repeated by several sources ("Ann, Ann") is one author; a
    // part that only names an earlier one again ("View all posts by Ann")
    // or is a lowercase word of the page ("more") is no author at all.
    let mut names: Vec<&str> = Vec::new();
    for n in out.split(", ") {
        let lower = n.to_lowercase();
        let again = names.iter().any(|k| lower.contains(&k.to_lowercase()));
        if !again && (names.is_empty() || names_only(n)) {
            names.push(n);
        }
    }
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_lose_openers_in_several_languages_and_repeats() {
        assert_eq!(clean_byline("Von Anna Muster"), "Anna Muster");
        assert_eq!(clean_byline("Written by: Jane Doe"), "Jane Doe");
        assert_eq!(clean_byline("Par Marie Durand"), "Marie Durand");
        assert_eq!(clean_byline("'Ann Lee, Bo Kim'"), "Ann Lee, Bo Kim");
        assert_eq!(clean_byline("Ann, Ann, Ann"), "Ann");
        assert_eq!(clean_byline("Byron Lee"), "Byron Lee");
        assert_eq!(
            clean_byline("Ann Lee, Zeige alle Beiträge von Ann Lee →"),
            "Ann Lee"
        );
        assert_eq!(clean_byline("Bo Kim, weiter"), "Bo Kim");
        assert_eq!(
            clean_byline("Ann Lee, Bo Kim, Cy de Vries"),
            "Ann Lee, Bo Kim, Cy de Vries"
        );
    }

    /// Guards the marked author element: its names after an opener or a
    /// label, the name of an author box without its biography, and nothing
    /// for words that are not names.
    #[test]
    fn a_marked_author_element_gives_its_names_only() {
        let m = |texts: &[&str]| marked(&texts.iter().map(|t| t.to_string()).collect::<Vec<_>>());
        assert_eq!(
            m(&["Post author", "By Jane Doe"]).as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            m(&["Erstellt von Anna Muster"]).as_deref(),
            Some("Anna Muster")
        );
        assert_eq!(
            m(&["Text und Fotos: Anna Muster"]).as_deref(),
            Some("Anna Muster")
        );
        assert_eq!(
            m(&[
                "Jane Doe",
                "Jane writes about ferries and the sea for the weekly edition."
            ])
            .as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            m(&["Ann Lee und Bo Kim"]).as_deref(),
            Some("Ann Lee und Bo Kim")
        );
        assert_eq!(m(&["Angel Di Maria"]).as_deref(), Some("Angel Di Maria"));
        assert_eq!(m(&["Published by"]), None);
        assert_eq!(m(&["Publiziert am"]), None);
        assert_eq!(
            m(&["Anna Muster DOTYCZY: gazociąg i rury"]).as_deref(),
            None
        );
    }

    #[test]
    fn a_host_an_address_or_a_handle_is_not_a_byline() {
        assert!(!is_person_like("example.org"));
        assert!(!is_person_like("jane.doe"));
        assert!(!is_person_like("desk@example.org"));
        assert!(is_person_like("Jane Doe"));
        // A page's controls in an author box name nobody.
        assert!(!is_person_like("Reply"));
        assert!(!is_person_like("Antworten"));
    }

    #[test]
    fn a_shown_byline_is_names_only() {
        assert_eq!(after_opener("Von Anna Muster"), Some("Anna Muster"));
        assert_eq!(after_opener("By"), Some(""));
        assert_eq!(after_opener("Byron"), None);
        assert_eq!(shown("Anna Muster").as_deref(), Some("Anna Muster"));
        assert_eq!(shown("am 12. Mai"), None);
        assert_eq!(
            shown("the way we lived then, and how the town changed"),
            None
        );
    }

    #[test]
    fn bylines_lose_by_and_location() {
        assert_eq!(clean_byline("By Jane Doe"), "Jane Doe");
        assert_eq!(clean_byline("JANE DOE, WASHINGTON"), "JANE DOE");
        assert_eq!(clean_byline("Jane Doe, Washington"), "Jane Doe");
        assert_eq!(clean_byline("Jane Doe in Kyiv"), "Jane Doe");
        assert_eq!(
            clean_byline("Jane Doe, John Roe and Ann Poe"),
            "Jane Doe, John Roe and Ann Poe"
        );
    }
}
