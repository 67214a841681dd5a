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
//! This file holds the rules; the words they look for (titles, organisation and
//! place words, the words that are never names, ...) are the lexicon's
//! ([`super::lexicon`]), shared with the other stages.

use super::gazetteer as gaz;
use super::lexicon::{
    in_calendar_names, in_name_joiners, in_name_particles, in_not_names, in_numbered_units,
    in_ordinal_words, in_org_nouns, in_org_words, in_person_after, in_place_heads, in_place_kinds,
    in_place_nouns, in_place_openers, in_place_prepositions, in_region_words, in_role_nouns,
    in_speech_verbs, in_team_after, in_title_heads, in_titles, key_signature, WordSet,
    COUNTRY_QUALIFIERS, DOTTED_ABBREVIATIONS, FIELD_BEFORE, GLUED_UNITS, MEMBER_OF_NOUNS,
    OWNED_BY_VERBS, PARTY_WORDS, PLACE_AFTER, PLACE_ENDINGS, POST_VERBS, WORK_FOR_VERBS,
};
use crate::model::{ArticleEntity, EntityKind, Mention};
use crate::text::{fold_append, fold_name, Token};
use crate::text::{sentences, FxMap};

/// The kind of a one-word name with no evidence anywhere in the article.
const DEFAULT_SINGLE: EntityKind = EntityKind::Org;

/// The kind of a two- or three-word name with no evidence: most such names in
/// running text are people's (on wikigold about half of them are; guessing
/// "organisation" instead loses more than it gains).
const MULTI_DEFAULT: EntityKind = EntityKind::Person;

/// How sure the evidence for a kind is; the strongest evidence for a name wins.
type Strength = u8;
const WEAK: Strength = 1;
const MEDIUM: Strength = 2;
const STRONG: Strength = 3;

/// One word of the text with what the recogniser needs to know about it.
#[derive(Debug, Clone)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    /// End of the name part (before a possessive "'s").
    name_end: usize,
    end: usize,
    key: &'a str,
    cap: bool,
    possessive: bool,
    clause_start: bool,
}

/// A candidate name before the article-level vote.
#[derive(Debug, Clone)]
struct Cand {
    start: usize,
    end: usize,
    /// Folded words of the name (descriptor normalised).
    key: String,
    kind: Option<EntityKind>,
    strength: Strength,
    /// Number of words in the name.
    words: usize,
    /// Index of the first word, for context look-ups.
    first: usize,
    /// A lone sentence opener with no evidence: kept only when it resolves to
    /// a name found elsewhere in the article (a surname, an acronym).
    opener: bool,
}

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
    let words = words(text, toks, keys, sentence_starts);
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
        if !is_name_word(&words, i) {
            i += 1;
            continue;
        }
        let end = run_end(text, &words, i);
        runs.push((i, end));
        i = end;
    }
    // The keys written in lowercase somewhere. It is only ever asked about
    // words inside runs, so only lowercase words that may share a key with
    // one of those are hashed in: a 1024-bit filter of the run words' keys
    // (by length and first and last byte) passes few of the article's
    // lowercase words, and the answers are those of the full set.
    let mut filter = [0u64; 16];
    for &(s, e) in &runs {
        for w in &words[s..e] {
            let b = key_signature(w.key);
            filter[b / 64] |= 1 << (b % 64);
        }
    }
    let mut lower_seen = WordSet::default();
    for w in &words {
        let b = key_signature(w.key);
        if filter[b / 64] & (1 << (b % 64)) != 0 && w.text.starts_with(char::is_lowercase) {
            lower_seen.insert(w.key);
        }
    }
    let mut cands = Vec::new();
    for (s, e) in runs {
        classify_run(text, &words, s, e, &lower_seen, &mut cands);
    }
    resolve(text, &words, cands)
}

/// Headline paragraphs ("Storm Batters West Coast As Thousands Lose Power"): in
/// Title Case every word is capitalised, so capitals say nothing about names
/// there. A heading has no final punctuation and at most two lowercase words.
fn headings(text: &str) -> Vec<std::ops::Range<usize>> {
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

fn words<'a>(
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
fn digit_acronym(t: &str) -> bool {
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

/// Whether word `i` can be part of a name: capitalised and not a calendar or
/// function word ("May" counts as a month before or after a number, or after
/// a word that introduces a time: [`super::dates::bare_may_is_month`]).
fn is_name_word(words: &[Word], i: usize) -> bool {
    let w = &words[i];
    if !w.cap {
        return false;
    }
    if w.key == "may" {
        let next_num = words
            .get(i + 1)
            .is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit()));
        let prev_num = i > 0 && words[i - 1].text.starts_with(|c: char| c.is_ascii_digit());
        let month =
            super::dates::bare_may_is_month(i.checked_sub(1).map(|p| words[p].key), w.possessive);
        return !(next_num || prev_num || month);
    }
    if w.key.len() == 1 && w.text == "I" {
        return false;
    }
    // Calendar words are never names, wherever they are.
    !in_calendar_names(w.key)
}

/// One past the last word of the capitalised run starting at `i`.
fn run_end(text: &str, words: &[Word], i: usize) -> usize {
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
fn is_initial(text: &str, words: &[Word], k: usize) -> bool {
    let w = &words[k];
    w.cap
        && w.text.len() == 1
        && text[w.end..].starts_with('.')
        && words.get(k + 1).is_some_and(|n| n.cap)
}

fn is_common_opener(w: &Word, lower_seen: &WordSet) -> bool {
    in_not_names(w.key)
        || (lower_seen.contains(w.key)
            && !gaz::is_first_name(w.key)
            && gaz::country(w.key).is_none())
}

fn is_title(k: &str) -> bool {
    in_titles(k)
}

fn push(cands: &mut Vec<Cand>, c: Cand) {
    if c.start < c.end && !c.key.is_empty() {
        cands.push(c);
    }
}

/// Classifies the capitalised run `words[s..e]` and pushes what it names.
fn classify_run(
    text: &str,
    words: &[Word],
    mut s: usize,
    e: usize,
    lower_seen: &WordSet,
    cands: &mut Vec<Cand>,
) {
    if s >= e {
        return;
    }
    // A capital "The" inside a sentence belongs to the name ("a compilation by
    // The Triffids", "at The University of Texas"), as in CoNLL spans: the name
    // is classified without it, then its mention starts at "The". Such a name
    // is seldom a person's.
    // ("The Ramones, The Stooges": a comma before it ends the name before.)
    if words[s].text == "The"
        && !words[s].clause_start
        && e - s > 1
        && (s == 0 || !words[s - 1].cap || &text[words[s - 1].end..words[s].start] != " ")
    {
        let before = cands.len();
        classify_run(text, words, s + 1, e, lower_seen, cands);
        if let Some(c) = cands[before..]
            .iter_mut()
            .find(|c| c.start == words[s + 1].start)
        {
            c.start = words[s].start;
            c.first = s;
            if c.kind.is_none() || (c.kind == Some(EntityKind::Person) && c.strength <= WEAK) {
                set(c, EntityKind::Org, WEAK);
            }
        }
        return;
    }
    // Sentence openers that are ordinary words ("The", "Later", "Moments").
    // A function word or abbreviation after a stripped opener goes too ("The
    // CD came out").
    let mut stripped = false;
    while s < e && (words[s].clause_start || s > 0 && !words[s - 1].cap || stripped) {
        let w = &words[s];
        if stripped && !w.clause_start && !in_not_names(w.key) {
            break;
        }
        // "Fourth Air Force": an ordinal opening an organisation is its number.
        let numbered =
            is_ordinal_word(w.key) && words[s + 1..e].iter().any(|x| in_org_words(x.key));
        let common = !numbered
            && (in_not_names(w.key) || (w.clause_start && is_common_opener(w, lower_seen)));
        if common {
            s += 1;
            stripped = true;
        } else {
            break;
        }
    }
    if s >= e {
        return;
    }
    // Non-names inside the run split it (e.g. "Thank" in a quote).
    if let Some(k) = (s + 1..e).find(|&k| in_not_names(words[k].key) && !is_initial(text, words, k))
    {
        if !in_name_joiners(words[k].key) || words[k].cap {
            classify_run(text, words, s, k, lower_seen, cands);
            classify_run(text, words, k + 1, e, lower_seen, cands);
            return;
        }
    }
    // A title phrase inside the run: the name after it is a person; what comes
    // before it ("US", "NATO") is classified on its own.
    if let Some(t) = (s..e).rev().find(|&k| in_title_heads(words[k].key)) {
        let has_org = words[s..e].iter().any(|w| in_org_words(w.key));
        if !has_org || words[t + 1..e].iter().all(|w| !in_org_words(w.key)) {
            let mut t0 = t;
            while t0 > s && is_title(words[t0 - 1].key) {
                t0 -= 1;
            }
            let person_ok = t + 1 < e
                && !words[t + 1..e]
                    .iter()
                    .any(|w| in_org_words(w.key) || in_place_heads(w.key));
            if person_ok || t + 1 == e {
                if t0 > s {
                    classify_run(text, words, s, t0, lower_seen, cands);
                }
                if person_ok {
                    let mut c = plain(words, t + 1, e);
                    c.kind = Some(EntityKind::Person);
                    c.strength = STRONG;
                    push(cands, c);
                }
                return;
            }
        }
    }
    let n = e - s;
    let first = &words[s];
    let last = &words[e - 1];
    let mut c = plain(words, s, e);
    let prev = s.checked_sub(1).map(|p| &words[p]);
    let prev_adjacent = prev.filter(|p| first.start - p.end <= 2);
    let next = words.get(e).filter(|n| n.start - last.end == 1);
    let next_key = next.map(|n| n.key).unwrap_or("");

    // Demonyms are not places ("Ukrainian", "South Korean", "Ukrainians"), and
    // parties' adjectives and members are not names ("Republican", "House
    // Democrats"); before a name they are a label ("Republican Phil Bryant").
    // (The singular is looked up only when it differs from the key.)
    let singular = c.key.strip_suffix('s');
    if gaz::demonym(&c.key).is_some() || singular.is_some_and(|k| gaz::demonym(k).is_some()) {
        return;
    }
    let last_key = words[e - 1].key;
    if is_party_word(last_key.strip_suffix('s').unwrap_or(last_key)) {
        return;
    }
    if n > 1 && is_party_word(first.key) && !words[s..e].iter().any(|w| in_org_words(w.key)) {
        classify_run(text, words, s + 1, e, lower_seen, cands);
        return;
    }
    // Shouted headlines ("NISSAN SENTRA") and capitalised ordinary words ("VOTE").
    let shouting = |w: &Word| w.text.len() >= 3 && !w.text.contains(char::is_lowercase);
    if (n > 1 && words[s..e].iter().all(shouting))
        || (n == 1 && shouting(first) && lower_seen.contains(first.key))
    {
        return;
    }
    let has_org_word = words[s..e].iter().any(|w| in_org_words(w.key));
    let acronym = n == 1
        && first.text.chars().count() >= 2
        && first
            .text
            .chars()
            .all(|ch| ch.is_uppercase() || ch.is_ascii_digit());

    let ordinary = words[s..e]
        .iter()
        .any(|w| lower_seen.contains(w.key) && !in_name_joiners(w.key));
    if let Some(country) = gaz::country(&c.key) {
        c.key = country.to_string();
        set(&mut c, EntityKind::Place, STRONG);
    } else if has_org_word && !in_place_heads(last.key) {
        set(&mut c, EntityKind::Org, STRONG);
        // A numbered unit: "65th Air Division", "102d Regiment".
        // A bare number numbers only military units ("65 Air Division").
        let unit = words[s..e].iter().any(|w| in_numbered_units(w.key));
        let number = |t: &str| t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit());
        if let Some(p) = prev_adjacent
            .filter(|p| first.start - p.end == 1 && (is_ordinal(p.text) || unit && number(p.text)))
        {
            c.start = p.start;
        }
        // A demonym or possessive country before the organisation qualifies it,
        // so that "Russia's Defense Ministry" and "the Russian Defense Ministry"
        // are one thing and Ukraine's is another.
        if n > 1 {
            if let Some(country) = gaz::demonym(first.key) {
                c.key = format!("{country} {}", key_of(words, s + 1, e));
            }
        }
        if let Some(p) = prev_adjacent.filter(|p| p.possessive && p.cap) {
            let pk = fold_name(&text[p.start..p.name_end]);
            let country = gaz::country(&pk).map(str::to_string).unwrap_or(pk);
            c.key = format!("{country} {}", c.key);
        }
    } else if in_region_words(next_key) && !next.is_some_and(|n| n.cap) {
        // A plural descriptor after coordinated names ("the Kherson and
        // Zaporizhia oblasts") is shared by all of them: it makes each a place
        // but belongs to none. After one name it is part of it ("the Basque
        // provinces").
        let coordinated = prev_adjacent.is_some_and(|p| matches!(p.key, "and" | "or"))
            && s >= 2
            && words[s - 2].cap;
        if !(next_key.ends_with('s') && coordinated) {
            let d = next.expect("descriptor");
            c.end = d.name_end;
            c.key = format!("{} region", c.key);
        }
        set(&mut c, EntityKind::Place, STRONG);
    } else if n > 1 && in_place_heads(last.key) {
        set(&mut c, EntityKind::Place, STRONG);
    } else if n == 2
        && gaz::country(last.key).is_some()
        && (gaz::demonym(first.key).is_some() || COUNTRY_QUALIFIERS.contains(&first.key))
    {
        // "Nazi Germany", "French Sudan", "Ancient Rome": a country qualified
        // by a demonym or a period is still a place ("Environment Canada", a
        // noun before it, is an agency).
        set(&mut c, EntityKind::Place, MEDIUM);
    } else if let Some(kind) = copula_kind(text, words, e) {
        set(&mut c, kind, STRONG);
    } else if born_after(text, words, e) {
        set(&mut c, EntityKind::Person, STRONG);
    } else if acronym {
        set(&mut c, EntityKind::Org, MEDIUM);
    } else if org_context(words, s, e) {
        set(&mut c, EntityKind::Org, STRONG);
    } else if team_after(text, words, e) {
        set(&mut c, EntityKind::Org, MEDIUM);
    } else if followed_by_region(text, words, e) {
        // "Saffron Walden, England", "Hamilton Field, California".
        set(&mut c, EntityKind::Place, MEDIUM);
    } else if (n > 1 && gaz::is_first_name(first.key))
        || prev_adjacent.is_some_and(|p| !p.cap && in_role_nouns(p.key))
    {
        set(&mut c, EntityKind::Person, STRONG);
    } else if person_after(text, words, e) {
        set(&mut c, EntityKind::Person, MEDIUM);
    } else if member_context(words, s) {
        // "signed for X", "a member of X", "CEO of X".
        set(&mut c, EntityKind::Org, MEDIUM);
    } else if n >= 2
        && !gaz::is_city(&c.key)
        && !lower_seen.contains(last.key)
        && (n.saturating_sub(2).max(1)..n).any(|p| {
            let k = key_of(words, s, s + p);
            (gaz::is_city(&k) || gaz::country(&k).is_some())
                && !(p == 1 && in_place_openers(first.key))
        })
    {
        // A place and a name that is not a place word: a team or a company
        // named for its home ("Perth Glory", "Texas Instruments").
        set(&mut c, EntityKind::Org, MEDIUM);
    } else if gaz::is_city(&c.key) || gaz::exonym(&c.key).is_some_and(gaz::is_city) {
        set(&mut c, EntityKind::Place, MEDIUM);
    } else if s >= 2
        && prev_adjacent.is_some_and(|p| matches!(p.key, "including" | "like"))
        && is_place_noun(words[s - 2].key)
    {
        // "cities including X", "towns like X".
        set(&mut c, EntityKind::Place, MEDIUM);
    } else if prev_adjacent.is_some_and(|p| p.key == "of")
        && s >= 2
        && is_place_noun(words[s - 2].key)
    {
        // "the town of X", "the settlements of X".
        set(&mut c, EntityKind::Place, STRONG);
    } else if place_named(words, s) || place_after(text, words, e) {
        set(&mut c, EntityKind::Place, MEDIUM);
    } else if n > 1 && in_speech_verbs(next_key) {
        set(&mut c, EntityKind::Person, MEDIUM);
    } else if s >= 2
        && prev_adjacent.is_some_and(|p| p.key == "in")
        && FIELD_BEFORE.contains(&words[s - 2].key)
    {
        // "a career in Marketing", "the Nobel Prize in Physiology": a field of
        // work or study, capitalised, is no place and no name.
        return;
    } else if prev_adjacent.is_some_and(|p| !p.cap && in_place_prepositions(p.key)) {
        set(&mut c, EntityKind::Place, WEAK);
    } else if matches!(next_key, "spokesperson" | "spokesman" | "spokeswoman") {
        // "a WeWork spokesperson": what has a spokesperson is most often an
        // organisation.
        set(&mut c, EntityKind::Org, WEAK);
    } else if matches!(next_key, "near" | "outside") && !next.is_some_and(|n| n.cap) {
        // "Aisby near Gainsborough": what lies near a place is one.
        set(&mut c, EntityKind::Place, WEAK);
    } else if n == 1 && in_speech_verbs(next_key) {
        set(&mut c, EntityKind::Person, WEAK);
    } else if n == 1 && matches!(c.key.as_str(), "north" | "south" | "east" | "west") {
        // "the West", "the East": regions of the world.
        set(&mut c, EntityKind::Place, WEAK);
    } else if n == 1 && prev_adjacent.is_some_and(|p| p.key == "the") {
        set(&mut c, EntityKind::Org, WEAK);
    } else if in_place_list(text, cands, c.start) || (n > 1 && in_place_openers(first.key)) {
        set(&mut c, EntityKind::Place, MEDIUM);
    } else if let Some(kind) = list_kind(text, cands, c.start) {
        // "Orgy, Velvet Revolver and Linkin Park": items of one list are of
        // one kind, when the item before has evidence.
        set(&mut c, kind, WEAK);
    } else if n == 1 && posted_on(words, s) {
        // "posted a picture on Facebook": the medium of a post is a platform.
        set(&mut c, EntityKind::Org, MEDIUM);
    } else if ordinary {
        // "Best Single", "Middle Ages": words this text also writes in
        // lowercase, with no evidence of a name.
        return;
    } else if n == 1 && gaz::is_first_name(first.key) {
        set(&mut c, EntityKind::Person, MEDIUM);
    } else if (2..=3).contains(&n) && plural_last(last.key) {
        // "Mountain Bikes", "Past Guests": a plural noun ends it, and a
        // person's name seldom does; groups are named so ("Cobra Starship"
        // aside): no evidence of a name at all.
        return;
    } else if (2..=3).contains(&n) {
        set(&mut c, MULTI_DEFAULT, WEAK);
    } else if n > 3 {
        set(&mut c, EntityKind::Org, WEAK);
    } else if let Some(kind) = suffix_kind(&c.key) {
        set(&mut c, kind, WEAK);
    }
    // A lone opener with no evidence at all is an ordinary capitalised word.
    if c.kind.is_none() && first.clause_start && n == 1 {
        c.opener = true;
    }
    push(cands, c);
}

/// Whether the run at `s` follows "on", with a verb of publishing at most six
/// words before it in the same clause ("posted a different picture on X").
fn posted_on(words: &[Word], s: usize) -> bool {
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
fn org_context(words: &[Word], s: usize, e: usize) -> bool {
    let adjacent = |a: usize, b: usize| words[b].start - words[a].end == 1;
    let lower_org = |k: usize| !words[k].cap && in_org_nouns(words[k].key);
    let before = s > 0 && adjacent(s - 1, s) && lower_org(s - 1) && {
        // "the band X", "rock band X" but not "the company's X".
        !words[s - 1].possessive
    };
    let after = e < words.len()
        && adjacent(e - 1, e)
        && !words[e - 1].possessive
        && (lower_org(e)
            || (e + 1 < words.len() && !words[e].cap && adjacent(e, e + 1) && lower_org(e + 1)));
    before || after
}

/// Whether the words before the run say it is something people join, work
/// for or play for ("signed for X", "joined the X", "a member of X", "CEO of X").
fn member_context(words: &[Word], s: usize) -> bool {
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
fn word_after(text: &str, words: &[Word], e: usize) -> Option<(usize, bool)> {
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
fn person_after(text: &str, words: &[Word], e: usize) -> bool {
    if words.get(e).is_some_and(|n| {
        n.text == "who" && matches!(&text[words[e - 1].end..n.start], " " | ", " | " , ")
    }) {
        return true;
    }
    word_after(text, words, e).is_some_and(|(k, _)| in_person_after(words[k].key))
}

/// Whether a noun of place names the run: "an area called X", "a village
/// named X", "the region known as X".
fn place_named(words: &[Word], s: usize) -> bool {
    let lower = |i: usize| !words[i].cap;
    let noun = |i: usize| lower(i) && (is_place_noun(words[i].key) || in_place_kinds(words[i].key));
    (s >= 2 && lower(s - 1) && matches!(words[s - 1].key, "called" | "named") && noun(s - 2))
        || (s >= 3 && words[s - 1].key == "as" && words[s - 2].key == "known" && noun(s - 3))
}

/// Whether what follows the run says where it lies: "X is located in",
/// "X, situated on", or a lowercase noun of place ("the Landes département",
/// "the Bijeli Brijeg neighbourhood") that, unlike "region", is not part of
/// the name.
fn place_after(text: &str, words: &[Word], e: usize) -> bool {
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

/// Whether a lowercase noun of a team's people follows the run ("North
/// Melbourne player", "Perth Glory's squad"), or a score ("losing to Tulsa
/// 63-7"): a sports team.
fn team_after(text: &str, words: &[Word], e: usize) -> bool {
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
fn copula_kind(text: &str, words: &[Word], e: usize) -> Option<EntityKind> {
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
fn born_after(text: &str, words: &[Word], e: usize) -> bool {
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
fn followed_by_region(text: &str, words: &[Word], e: usize) -> bool {
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

/// "65th", "3rd", "102d": a number written as an ordinal.
fn is_ordinal(t: &str) -> bool {
    let suffix = t.trim_start_matches(|c: char| c.is_ascii_digit());
    suffix.len() < t.len() && matches!(suffix, "st" | "nd" | "rd" | "th" | "d")
}

/// "first" to "twentieth": ordinals written as words.
fn is_ordinal_word(k: &str) -> bool {
    in_ordinal_words(k)
}

/// A folded word that looks like an English plural ("bikes", "guests"), not a
/// surname in -ss or -us.
fn plural_last(k: &str) -> bool {
    k.len() > 3
        && k.ends_with('s')
        && !k.ends_with("ss")
        && !k.ends_with("us")
        && !k.ends_with("is")
}

/// A noun of place, singular or plural ("city", "cities", "towns").
fn is_place_noun(k: &str) -> bool {
    in_place_nouns(k)
        || k.strip_suffix("ies")
            .is_some_and(|st| in_place_nouns(&format!("{st}y")))
        || k.strip_suffix('s').is_some_and(in_place_nouns)
}

/// Whether the name at `start` continues a list whose previous item is a place
/// ("the settlements of Yampil, Novoselivka and Stavky").
fn in_place_list(text: &str, cands: &[Cand], start: usize) -> bool {
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
fn list_kind(text: &str, cands: &[Cand], start: usize) -> Option<EntityKind> {
    let p = cands.last()?;
    let sep = p.end <= start
        && matches!(
            &text[p.end..start],
            ", " | " and " | ", and " | " , " | " , and "
        );
    (sep && p.strength >= MEDIUM).then_some(p.kind).flatten()
}

/// Adjectives and member nouns of political parties, which label people and
/// groups rather than name them.
fn is_party_word(k: &str) -> bool {
    PARTY_WORDS.contains(&k)
}

/// Place-name endings common across languages ("-sk", "-burg", "-ville", "-stan").
fn suffix_kind(k: &str) -> Option<EntityKind> {
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

fn set(c: &mut Cand, kind: EntityKind, strength: Strength) {
    c.kind = Some(kind);
    c.strength = strength;
}

fn key_of(words: &[Word], s: usize, e: usize) -> String {
    // Sized once: a key is built for every candidate name.
    let mut out = String::with_capacity(words[s..e].iter().map(|w| w.key.len() + 1).sum());
    for (n, w) in words[s..e].iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        if w.possessive {
            fold_append(&w.text[..w.name_end - w.start], &mut out);
        } else {
            out.push_str(w.key);
        }
    }
    out
}

/// A candidate covering `words[s..e]` with no kind yet. A final "U.S"-style
/// letter keeps its dot.
fn plain(words: &[Word], s: usize, e: usize) -> Cand {
    let last = &words[e - 1];
    Cand {
        start: words[s].start,
        end: last.name_end,
        key: key_of(words, s, e),
        kind: None,
        strength: 0,
        words: e - s,
        first: s,
        opener: false,
    }
}

/// Resolves short forms and votes one kind per name; returns the entities.
fn resolve(text: &str, words: &[Word], mut cands: Vec<Cand>) -> Vec<ArticleEntity> {
    // Dotted acronyms keep their final dot: "U.S." is the name, not "U.S".
    for c in &mut cands {
        if text[c.start..c.end].contains('.') && text[c.end..].starts_with('.') {
            c.end += 1;
        }
        // "[Vladimir] Putin": the mention keeps the editor's bracket whole.
        if text[c.start..c.end].contains(']') && text[..c.start].ends_with('[') {
            c.start -= 1;
        }
    }
    // Strongest kind per key.
    let mut kind_of: FxMap<String, (EntityKind, Strength)> = FxMap::default();
    for c in &cands {
        if let Some(k) = c.kind {
            // (The key is copied only the first time it is seen.)
            match kind_of.get_mut(&c.key) {
                Some(e) if c.strength > e.1 => *e = (k, c.strength),
                Some(_) => {}
                None => {
                    kind_of.insert(c.key.clone(), (k, c.strength));
                }
            }
        }
    }
    // A name that has a region ("Kherson" beside "Kherson region") is a place
    // unless something strong says otherwise.
    let region_keys: Vec<String> = kind_of
        .iter()
        .filter(|(k, v)| v.0 == EntityKind::Place && k.ends_with(" region"))
        .map(|(k, _)| k.trim_end_matches(" region").to_string())
        .collect();
    for base in region_keys {
        let e = kind_of.entry(base).or_insert((EntityKind::Place, WEAK));
        if e.1 < STRONG {
            *e = (EntityKind::Place, MEDIUM);
        }
    }
    // Surnames of multi-word people ("Putin" → "Vladimir Putin"). A surname shared
    // by two different people resolves to neither.
    let mut surname: FxMap<String, Option<String>> = FxMap::default();
    for c in &cands {
        if c.words >= 2
            && kind_of
                .get(&c.key)
                .is_some_and(|k| k.0 == EntityKind::Person)
        {
            let last = c.key.rsplit(' ').next().unwrap_or("").to_string();
            let slot = surname.entry(last).or_insert_with(|| Some(c.key.clone()));
            if slot.as_deref() != Some(c.key.as_str()) {
                *slot = None;
            }
        }
    }
    // Acronyms defined in brackets after a name: "Security Service of Ukraine (SBU)".
    let mut acronym_of: FxMap<String, String> = FxMap::default();
    for c in &cands {
        let after = &text[c.end..];
        if let Some(rest) = after.strip_prefix(" (") {
            if let Some(close) = rest.find(')') {
                let inner = &rest[..close];
                if inner.len() >= 2 && inner.chars().all(|ch| ch.is_uppercase()) {
                    acronym_of.insert(fold_name(inner), c.key.clone());
                }
            }
        }
    }
    // Unqualified organisation names that one qualified organisation ends with.
    let org_keys: Vec<String> = kind_of
        .iter()
        .filter(|(_, k)| k.0 == EntityKind::Org)
        .map(|(k, _)| k.clone())
        .collect();
    for c in &mut cands {
        let single = c.words == 1;
        let weakish = kind_of
            .get(&c.key)
            .is_none_or(|k| k.1 < STRONG || k.0 == EntityKind::Person);
        if single && weakish {
            if let Some(Some(full)) = surname.get(&c.key) {
                c.key = full.clone();
                c.opener = false;
                continue;
            }
        }
        if let Some(full) = acronym_of.get(&c.key) {
            c.key = full.clone();
            c.opener = false;
            continue;
        }
        if kind_of.get(&c.key).is_some_and(|k| k.0 == EntityKind::Org) {
            let suffix = format!(" {}", c.key);
            let longer: Vec<&String> = org_keys.iter().filter(|k| k.ends_with(&suffix)).collect();
            if longer.len() == 1 {
                c.key = longer[0].clone();
            }
        }
    }
    // Openers that resolved to nothing ("Later", "Gradsky" with no "Alexander
    // Gradsky") and have no evidence anywhere are ordinary capitalised words,
    // unless the text also writes them capitalised inside a sentence: a word
    // capitalised where capitals are not automatic is a name ("Hitzig noticed"
    // opening one sentence, "in 1870 Hitzig published" inside another).
    let keep: Vec<bool> = {
        let inside: WordSet = cands
            .iter()
            .filter(|c| !c.opener)
            .map(|c| c.key.as_str())
            .collect();
        cands
            .iter()
            .map(|c| !c.opener || kind_of.contains_key(&c.key) || inside.contains(c.key.as_str()))
            .collect()
    };
    let mut keep = keep.into_iter();
    cands.retain(|_| keep.next().unwrap_or(true));
    // Group by key, in order of first appearance.
    let mut group_of: FxMap<String, usize> = FxMap::default();
    let mut groups: Vec<(String, Vec<Cand>)> = Vec::new();
    for c in cands {
        match group_of.get(&c.key) {
            Some(&g) => groups[g].1.push(c),
            None => {
                group_of.insert(c.key.clone(), groups.len());
                groups.push((c.key.clone(), vec![c]));
            }
        }
    }
    let mut out = Vec::new();
    for (k, group) in groups {
        let kind = kind_of.get(&k).map(|x| x.0).or_else(|| {
            // A name with no evidence anywhere: a multi-word name is most often a
            // person, a single word most often a place.
            if group.iter().any(|c| c.words > 1) {
                Some(EntityKind::Person)
            } else if group.len() > 1 {
                // A one-word name written more than once is a name; written
                // once with no evidence at all it is more often an ordinary
                // capitalised word (measured on wikigold and GUM: dropping
                // those gains precision for little recall).
                Some(DEFAULT_SINGLE)
            } else {
                None
            }
        });
        let Some(kind) = kind else { continue };
        let mentions: Vec<Mention> = group
            .iter()
            .map(|c| Mention {
                start: c.start,
                end: c.end,
                text: text[c.start..c.end].to_string(),
            })
            .collect();
        let name = group
            .iter()
            .max_by_key(|c| (c.words, c.end - c.start))
            .map(|c| {
                // Qualified organisations show their qualifier ("Russia's ...").
                let mut start = c.start;
                if c.first > 0 && k.split(' ').count() > c.words {
                    let p = &words[c.first - 1];
                    if p.possessive && c.start - p.end <= 1 {
                        start = p.start;
                    }
                }
                text[start..c.end].to_string()
            })
            .unwrap_or_default();
        out.push(ArticleEntity {
            id: k,
            kind,
            name,
            mentions,
        });
    }
    // "the ministry", "the institute": the last organisation named with that word.
    add_definite_references(text, words, &mut out);
    for e in &mut out {
        e.mentions.sort_by_key(|m| m.start);
        e.mentions.dedup_by_key(|m| m.start);
    }
    out
}

fn add_definite_references(text: &str, words: &[Word], out: &mut [ArticleEntity]) {
    for i in 1..words.len() {
        let w = &words[i];
        let p = &words[i - 1];
        if w.cap || p.key != "the" || !in_org_words(w.key) {
            continue;
        }
        if words
            .get(i + 1)
            .is_some_and(|n| n.cap && n.start - w.end == 1)
        {
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        for (ei, e) in out.iter().enumerate() {
            if e.kind != EntityKind::Org || !e.id.split(' ').any(|x| x == w.key) {
                continue;
            }
            for m in &e.mentions {
                if m.end <= w.start && best.is_none_or(|(_, s)| m.start > s) {
                    best = Some((ei, m.start));
                }
            }
        }
        if let Some((ei, _)) = best {
            out[ei].mentions.push(Mention {
                start: p.start,
                end: w.end,
                text: text[p.start..w.end].to_string(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ents(text: &str) -> Vec<(EntityKind, String, Vec<String>)> {
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

    fn kind_of(text: &str, name: &str) -> Option<EntityKind> {
        find(text)
            .into_iter()
            .find(|e| e.name == name)
            .map(|e| e.kind)
    }

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

    #[test]
    fn honorific_short_form_resolves_to_full_name() {
        let t = "The head of the council, Maria Ganchev, spoke. Mr Ganchev later said more.";
        let e = find(t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].mentions.len(), 2);
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
    fn region_descriptor_and_place_nouns_make_places() {
        let t = "Fighting went on in the Zorvat region and near the town of Belmark.";
        assert_eq!(kind_of(t, "Zorvat region"), Some(EntityKind::Place));
        assert_eq!(kind_of(t, "Belmark"), Some(EntityKind::Place));
    }

    /// Guards: a plural descriptor shared by two names ("the Velmor and Tarkan
    /// provinces") once became part of the last name ("Tarkan provinces").
    #[test]
    fn a_plural_descriptor_after_coordinated_names_is_not_part_of_the_last() {
        let t = "Troops held the line in the Velmor and Tarkan provinces all winter.";
        assert_eq!(kind_of(t, "Tarkan"), Some(EntityKind::Place));
        assert_eq!(kind_of(t, "Tarkan provinces"), None);
        // After one name the plural is the name of an area of several parts.
        let t = "Snow closed roads across the Varnish provinces on Monday.";
        assert_eq!(kind_of(t, "Varnish provinces"), Some(EntityKind::Place));
    }

    /// Guards: "posted a different picture on Facebook" left the platform
    /// unmarked (a lone word with no evidence).
    #[test]
    fn the_platform_of_a_post_is_an_organisation() {
        let t = "The mayor posted a short video on Vimbly late at night.";
        assert_eq!(kind_of(t, "Vimbly"), Some(EntityKind::Org));
    }

    #[test]
    fn lowercase_roles_make_people() {
        let t = "Defense Ministry spokesman Igor Konash said the troops would move.";
        assert_eq!(kind_of(t, "Igor Konash"), Some(EntityKind::Person));
        assert_eq!(kind_of(t, "Defense Ministry"), Some(EntityKind::Org));
    }

    #[test]
    fn sentence_openers_are_not_names() {
        let t = "The storm hit. Later the storm left. Moments before, rain fell.";
        assert!(find(t).is_empty(), "{:?}", find(t));
    }

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

    #[test]
    fn party_labels_handles_and_shouting_are_not_names() {
        let t = "Republican Phil Bryant won. House Democrats objected. \
                 Follow @MattBevin to VOTE. He said to vote early.";
        let e = ents(t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].1, "Phil Bryant");
    }

    #[test]
    fn a_run_ending_the_text_with_a_non_name_does_not_panic() {
        // Guards the split at a non-name that is the last word of the text
        // (it once indexed one past the end).
        let e = ents("We met Bob Smith Thank.");
        assert!(e.iter().any(|x| x.1 == "Bob Smith"), "{e:?}");
    }

    #[test]
    fn two_people_sharing_a_surname_keep_their_short_form_apart() {
        let t = "Anna Berg and Peter Berg met. Berg said nothing.";
        let e = find(t);
        assert!(e.iter().any(|x| x.name == "Anna Berg"));
        assert!(e.iter().any(|x| x.name == "Peter Berg"));
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
    fn a_capitalised_opener_is_a_name_when_written_so_inside_a_sentence() {
        // Guards the opener rule in `resolve`: "Budjana" opening sentences is
        // the same name as "Budjana" inside one.
        let t = "Budjana started a band. Later that year Budjana moved to Jakarta.";
        let e = find(t);
        let b = e.iter().find(|x| x.name == "Budjana").expect("Budjana");
        assert_eq!(b.mentions.len(), 2);
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
    fn fields_of_study_are_not_places_and_qualified_countries_are() {
        // Guards the field-of-study exception before the "in X" place hint and
        // the demonym-or-period country rule.
        let e = ents("She made a career in Marketing and won the Nobel Prize in Physiology.");
        assert!(
            e.iter().all(|x| x.1 != "Marketing" && x.1 != "Physiology"),
            "{e:?}"
        );
        assert_eq!(
            kind_of(
                "After a few years Nazi Germany captured the city.",
                "Nazi Germany"
            ),
            Some(EntityKind::Place)
        );
        assert_ne!(
            kind_of(
                "A report by Environment Canada came out.",
                "Environment Canada"
            ),
            Some(EntityKind::Place)
        );
    }

    #[test]
    fn the_after_a_comma_opens_a_new_name() {
        // Guards the capital "The" rule: "The Ramones, The Stooges" are two bands.
        let e = ents("Songs like The Ramones, The Stooges and others played.");
        assert!(e.iter().any(|x| x.1 == "The Stooges"), "{e:?}");
    }

    #[test]
    fn letter_compounds_and_common_abbreviations_are_not_names() {
        // Guards `letter_compound` and the abbreviations in `NOT_NAMES`.
        let e = ents("Doctors opposed the C-section. The CD came out. The DJ played.");
        assert!(e.is_empty(), "{e:?}");
    }
}
