//! Where names may be: runs of capitalised words, the first thing the
//! recogniser looks for. A run takes in what joins the words of one name
//! (initials, "J. Smith"; particles, "Ludwig van Beethoven"; "and" and "of" in
//! an organisation's name, "Securities and Exchange Commission"; an editor's
//! brackets, "President [Vladimir] Putin") and stops at a possessive. Title Case
//! headings are skipped, since there every word is capitalised.
//!
//! A run only says where a name may be; what it names, and where inside it a
//! name starts or ends, is decided by `classify`.

use super::words::Word;
use crate::extract::gazetteer as gaz;
use crate::extract::lexicon::{
    in_calendar_names, in_name_joiners, in_name_particles, in_org_words, in_place_heads,
    DOTTED_ABBREVIATIONS,
};

/// The capitalised runs of the text, as `(first, one past the last)` word
/// indices, in text order.
pub(super) fn runs(text: &str, words: &[Word]) -> Vec<(usize, usize)> {
    let headings = headings(text);
    // The capitalised runs first (classifying a run never moves where the next
    // one starts). Headings and words are both in text order: one cursor, no
    // rescans.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut h = 0;
    let mut i = 0;
    while i < words.len() {
        while h < headings.len() && headings[h].end <= words[i].start {
            h += 1;
        }
        if headings.get(h).is_some_and(|r| r.contains(&words[i].start)) {
            i += 1;
            continue;
        }
        if !is_name_word(words, i) {
            i += 1;
            continue;
        }
        let end = run_end(text, words, i);
        runs.push((i, end));
        i = end;
    }
    runs
}

/// Headline paragraphs ("Storm Batters West Coast As Thousands Lose Power"): in
/// Title Case every word is capitalised, so capitals say nothing about names
/// there. A heading has no final punctuation and at most two lowercase words.
pub(super) fn headings(text: &str) -> Vec<std::ops::Range<usize>> {
    let base = text.as_ptr() as usize;
    text.split('\n')
        .filter(|p| {
            // Cheap test first: most paragraphs end with punctuation.
            if p.trim_end().ends_with(['.', '!', '?', '"', '”', ':']) {
                return false;
            }
            let (mut n, mut lower) = (0, 0);
            for w in p.split_whitespace() {
                n += 1;
                lower += usize::from(w.starts_with(char::is_lowercase));
                if lower > 2 {
                    return false;
                }
            }
            n >= 4
        })
        .map(|p| {
            let start = p.as_ptr() as usize - base;
            start..start + p.len()
        })
        .collect()
}

/// Whether word `i` can be part of a name: capitalised and not a calendar or
/// function word ("May" counts as a month before or after a number, or after
/// a word that introduces a time: [`crate::extract::dates::bare_may_is_month`]).
pub(super) fn is_name_word(words: &[Word], i: usize) -> bool {
    let w = &words[i];
    if !w.cap {
        return false;
    }
    if w.key == "may" {
        let next_num = words
            .get(i + 1)
            .is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit()));
        let prev_num = i > 0 && words[i - 1].text.starts_with(|c: char| c.is_ascii_digit());
        let month = crate::extract::dates::bare_may_is_month(
            i.checked_sub(1).map(|p| words[p].key),
            w.possessive,
        );
        return !(next_num || prev_num || month);
    }
    if w.key.len() == 1 && w.text == "I" {
        return false;
    }
    // Calendar words are never names, wherever they are.
    !in_calendar_names(w.key)
}

/// One past the last word of the capitalised run starting at `i`.
pub(super) fn run_end(text: &str, words: &[Word], i: usize) -> usize {
    let mut e = i + 1;
    while e < words.len() {
        let prev = &words[e - 1];
        if prev.possessive {
            break;
        }
        let gap = &text[prev.end..words[e].start];
        let single_letter = |w: &Word| w.text.chars().count() == 1 && w.cap;
        let spaced = gap == " " || (gap == "." && single_letter(prev) && single_letter(&words[e]));
        // Editorial brackets inside a name: "President [Vladimir] Putin".
        // "Harwell & Pike": one name, unless a person follows the ampersand
        // ("Jenny Seaton & Gary Carvolth" are two).
        let bracketed =
            matches!(gap, " [" | "] ") || (gap == " & " && !gaz::is_first_name(words[e].key));
        if (spaced || bracketed) && (is_name_word(words, e) || is_initial(text, words, e)) {
            e += 1;
            continue;
        }
        let abbreviation = DOTTED_ABBREVIATIONS.contains(&prev.text);
        // "J. Smith" (and "J . Smith" in tokenized text); "A." is an initial
        // there, not the article.
        let initial_gap = gap == ". " || gap == " . ";
        if initial_gap
            && (single_letter(prev) || abbreviation)
            && (is_name_word(words, e) || single_letter(&words[e]))
        {
            // An initial: "J. Smith".
            e += 1;
            continue;
        }
        // Particles and joiners between capitalised words.
        let w = &words[e];
        let next_is_name = |k: usize| {
            k < words.len() && words[k].start - words[k - 1].end == 1 && is_name_word(words, k)
        };
        if gap == " " && !w.cap {
            if in_name_particles(w.key) && next_is_name(e + 1) {
                e += 2;
                continue;
            }
            if in_name_joiners(w.key) {
                let run_has_cue = words[i..e]
                    .iter()
                    .any(|x| in_org_words(x.key) || in_place_heads(x.key));
                // "Securities and Exchange Commission": "and" joins only when the
                // organisation word comes after it (two places joined by "and"
                // stay two).
                let org_after = w.key == "and"
                    && (e + 1..(e + 4).min(words.len()))
                        .take_while(|&k| {
                            is_name_word(words, k) && &text[words[k - 1].end..words[k].start] == " "
                        })
                        .any(|k| in_org_words(words[k].key));
                // ...and only when the part before has none of its own ("Nordvik
                // Energy and Solaris Power" are two companies).
                if org_after && !run_has_cue && next_is_name(e + 1) {
                    e += 2;
                    continue;
                }
                // "Department of Physics and Astronomy", "Institute of Arts and
                // Sciences": after "of" or "for" an organisation names its
                // fields, and "and" joins one more field word (a single word
                // that is no person, country or city: "the University of Texas
                // and Oklahoma State" stays two).
                let field = w.key == "and"
                    && run_has_cue
                    && words[i..e]
                        .iter()
                        .skip_while(|x| !in_org_words(x.key))
                        .any(|x| !x.cap && matches!(x.key, "of" | "for"))
                    && next_is_name(e + 1)
                    && !next_is_name(e + 2)
                    && !words[e + 1].possessive
                    && !gaz::is_first_name(words[e + 1].key)
                    && gaz::country(words[e + 1].key).is_none()
                    && !gaz::is_city(words[e + 1].key);
                if field {
                    e += 2;
                    continue;
                }
                // "Swiss Super League for FC Basel": what follows "for" with an
                // organisation word of its own is another organisation.
                let own_cue_after = w.key == "for"
                    && (e + 1..words.len())
                        .skip_while(|&k| words[k].key == "the")
                        .take_while(|&k| words[k].cap || in_name_joiners(words[k].key))
                        .any(|k| in_org_words(words[k].key));
                if run_has_cue && w.key != "and" && !own_cue_after {
                    if next_is_name(e + 1) {
                        e += 2;
                        continue;
                    }
                    // "for the Study": two joiners in a row.
                    if e + 1 < words.len()
                        && words[e + 1].key == "the"
                        && words[e + 1].start - w.end == 1
                        && next_is_name(e + 2)
                    {
                        e += 3;
                        continue;
                    }
                }
            }
        }
        break;
    }
    e
}

/// A capital letter written as an initial ("A." in "John A. Corder").
pub(super) fn is_initial(text: &str, words: &[Word], k: usize) -> bool {
    let w = &words[k];
    w.cap
        && w.text.len() == 1
        && text[w.end..].starts_with('.')
        && words.get(k + 1).is_some_and(|n| n.cap)
}

#[cfg(test)]
mod tests {
    use crate::extract::entities::testing::ents;

    #[test]
    fn and_joins_an_organisation_name_but_not_two_places() {
        let t = "The U.S. Securities and Exchange Commission sued. Troops held Donetsk and \
                 Luhansk. Nordvik Energy and Solaris Power merged.";
        let e = ents(t);
        assert!(
            e.iter()
                .any(|x| x.1 == "U.S. Securities and Exchange Commission"),
            "{e:?}"
        );
        assert!(e.iter().any(|x| x.1 == "Luhansk"), "{e:?}");
        assert!(e.iter().any(|x| x.1 == "Solaris Power"), "{e:?}");
    }
}
