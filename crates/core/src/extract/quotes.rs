//! Quoted speech and writing, with the speaker.
//!
//! A quote is a passage in straight (`"…"`) or curly (`“…”`) double quotation marks
//! within one paragraph. Single quotes inside it are part of it (nested quotes);
//! scare quotes of one or two words ("“liberated”") are not speech and are left
//! out.
//!
//! The speaker is looked for in this order, always outside quotation marks:
//!
//! 1. after the quote, in the rest of its sentence: "…," X said / said X / X told;
//! 2. before it, in the sentence that opens it: X said: "…" / according to X, "…";
//! 3. the next quote, when the two are adjacent ("“…” “…,” he said");
//! 4. the previous quote in the same paragraph (a quote split around "he said", or
//!    a second quote after the attribution);
//! 5. the previous sentence, when it attributes speech ("X said on Sunday:").
//!
//! A pronoun ("he", "she") resolves to the last person named before the quote, "it"
//! to the last organisation; "the general staff said" names its speaker as written
//! when no entity matches. A body named by a possessive ("the United Kingdom's
//! military described") speaks for itself, named as written, not its owner; a
//! perfect participle ("…, despite having announced") takes the sentence's
//! subject. When the text names nobody the speaker is `None`.

use std::ops::Range;

use super::lexicon::{in_speech_verbs, FINITE_VERBS, POSSESSIVE_ENDS, QUOTE_VERBS};
use crate::model::{ArticleEntity, EntityKind, Quote};
use crate::text::sentences;
use crate::text::{fold, tokens};

/// Quotes of at most this many words are scare quotes, not speech.
const SCARE_QUOTE_MAX_WORDS: usize = 2;

#[derive(Debug, Clone)]
struct Speaker {
    name: String,
    id: Option<String>,
}

/// One entity mention outside quotation marks.
#[derive(Debug, Clone, Copy)]
struct M {
    start: usize,
    end: usize,
    kind: EntityKind,
    entity: usize,
}

/// Finds the quotes of one article's clean text, with speakers from `entities`.
pub fn find(text: &str, entities: &[ArticleEntity]) -> Vec<Quote> {
    let sents: Vec<Range<usize>> = sentences::split(text).collect();
    find_in(text, entities, &sents)
}

/// [`find`] with the sentences the caller already has.
pub fn find_in(text: &str, entities: &[ArticleEntity], sents: &[Range<usize>]) -> Vec<Quote> {
    let spans = quote_spans(text);
    let inside = |p: usize| spans.iter().any(|q| q.outer.start <= p && p < q.outer.end);
    let mut ments: Vec<M> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.mentions.iter().map(move |m| M {
                start: m.start,
                end: m.end,
                kind: e.kind,
                entity: i,
            })
        })
        .filter(|m| !inside(m.start))
        .collect();
    ments.sort_by_key(|m| m.start);
    let sentence_at = |p: usize| {
        sents
            .iter()
            .position(|s| s.start <= p && p < s.end.max(s.start + 1))
            .or_else(|| sents.iter().rposition(|s| s.start <= p))
    };
    let ctx = Ctx {
        text,
        entities,
        ments: &ments,
        sents,
    };
    let mut found: Vec<Option<Speaker>> = Vec::new();
    for (qi, q) in spans.iter().enumerate() {
        let next_open = spans
            .get(qi + 1)
            .map(|n| n.outer.start)
            .unwrap_or(text.len());
        // 1. After the quote, to the end of the sentence that holds the closing mark.
        let after_end = sentence_at(q.outer.end.saturating_sub(1))
            .map(|s| sents[s].end)
            .unwrap_or(text.len())
            .min(next_open)
            .min(para_end(text, q.outer.end));
        let mut sp = ctx.attribution(q.outer.end..after_end.max(q.outer.end), q.outer.start);
        // 2. Before it, in the sentence that opens it.
        if sp.is_none() {
            let before_start = sentence_at(q.outer.start)
                .map(|s| sents[s].start)
                .unwrap_or(0)
                .max(para_start(text, q.outer.start));
            sp = ctx.attribution(before_start..q.outer.start, q.outer.start);
        }
        found.push(sp);
    }
    // 3 and 4: adjacent and same-paragraph quotes share a speaker.
    for qi in (0..spans.len()).rev() {
        if found[qi].is_none() && qi + 1 < spans.len() {
            let gap = &text[spans[qi].outer.end..spans[qi + 1].outer.start];
            if gap.trim().is_empty() {
                found[qi] = found[qi + 1].clone();
            }
        }
    }
    for qi in 1..spans.len() {
        // Only a quote that opens a sentence continues the previous speaker; an
        // embedded phrase ("to move to “more advantageous positions”") does not.
        let opens_sentence = text[spans[qi].inner.clone()].starts_with(char::is_uppercase)
            && text[..spans[qi].outer.start]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”']);
        if found[qi].is_none()
            && opens_sentence
            && para_start(text, spans[qi].outer.start) <= spans[qi - 1].outer.start
        {
            found[qi] = found[qi - 1].clone();
        }
    }
    // 5. The previous sentence, when it attributes speech.
    for (qi, q) in spans.iter().enumerate() {
        if found[qi].is_some() {
            continue;
        }
        if let Some(s) = sentence_at(q.outer.start).and_then(|s| s.checked_sub(1)) {
            let r = sents[s].clone();
            if text[r.clone()].trim_end().ends_with(':')
                && !spans
                    .iter()
                    .any(|x| x.outer.start >= r.start && x.outer.start < r.end)
            {
                found[qi] = ctx.attribution(r, q.outer.start);
            }
        }
    }
    spans
        .iter()
        .zip(found)
        .map(|(q, sp)| Quote {
            text: text[q.inner.clone()].to_string(),
            speaker: sp.as_ref().map(|s| s.name.clone()),
            speaker_id: sp.and_then(|s| s.id),
            start: q.inner.start,
            end: q.inner.end,
        })
        .collect()
}

fn para_start(text: &str, p: usize) -> usize {
    text[..p].rfind('\n').map(|i| i + 1).unwrap_or(0)
}

fn para_end(text: &str, p: usize) -> usize {
    text[p..].find('\n').map(|i| p + i).unwrap_or(text.len())
}

struct Span {
    /// The quote with its marks.
    outer: Range<usize>,
    /// The words inside the marks, trimmed.
    inner: Range<usize>,
}

/// Quoted passages: curly pairs, and straight marks paired in order within a
/// paragraph. Scare quotes are dropped.
fn quote_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Only newlines and quotation marks matter: jump between their bytes ('\n',
    // '"', and 0xE2, the lead byte of '“' and '”') and decode just those
    // characters, rather than every character of the article.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(p) = bytes[from..]
        .iter()
        .position(|&b| matches!(b, b'\n' | b'"' | 0xE2))
    {
        let i = from + p;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        from = i + c.len_utf8();
        match (c, open) {
            ('\n', _) => open = None,
            ('“', _) => open = Some((i, c)),
            ('"', None) => open = Some((i, c)),
            ('”', Some((s, '“'))) | ('"', Some((s, '"'))) | ('”', Some((s, '"'))) => {
                open = None;
                let open_len = text[s..].chars().next().map_or(1, char::len_utf8);
                let inner_raw = s + open_len..i;
                let raw = &text[inner_raw.clone()];
                let lead = raw.len() - raw.trim_start().len();
                let inner = inner_raw.start + lead..inner_raw.start + lead + raw.trim().len();
                // More words than a scare quote has: counted only that far.
                let words = tokens(&text[inner.clone()]).nth(SCARE_QUOTE_MAX_WORDS);
                if words.is_some() {
                    out.push(Span {
                        outer: s..i + c.len_utf8(),
                        inner,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

struct Ctx<'a> {
    text: &'a str,
    entities: &'a [ArticleEntity],
    ments: &'a [M],
    sents: &'a [Range<usize>],
}

impl Ctx<'_> {
    /// A speaker named by a phrase ("the Ukrainian military said") in one of the
    /// three sentences before `anchor`.
    fn earlier_phrase_speaker(&self, anchor: usize) -> Option<Speaker> {
        let before: Vec<&Range<usize>> = self.sents.iter().filter(|s| s.end <= anchor).collect();
        before.iter().rev().take(3).find_map(|s| {
            let sp = self.attribution((*s).clone(), s.start)?;
            sp.id.is_none().then_some(sp)
        })
    }

    fn speaker(&self, m: &M) -> Speaker {
        let e = &self.entities[m.entity];
        Speaker {
            name: e.name.clone(),
            id: Some(e.id.clone()),
        }
    }

    /// The last mention of `kind` that ends before `anchor`.
    fn last_before(&self, anchor: usize, kind: EntityKind) -> Option<Speaker> {
        self.ments
            .iter()
            .rev()
            .find(|m| m.end <= anchor && m.kind == kind)
            .map(|m| self.speaker(m))
    }

    /// The phrase "[the] X's <lowercase words>" when it runs from mention `m`
    /// straight to the verb at `verb`: a body ("military", "foreign ministry",
    /// "spokesman") that belongs to X and speaks for it. Named as written, with
    /// no entity id.
    fn possessive_subject(&self, m: &M, verb: usize) -> Option<Speaker> {
        let between = self.text.get(m.end..verb)?;
        let rest = between
            .strip_prefix("'s")
            .or_else(|| between.strip_prefix("’s"))?;
        let words: Vec<&str> = rest.split_whitespace().collect();
        let lower = |w: &&str| w.chars().all(|c| c.is_lowercase() || c == '-');
        if words.is_empty() || words.len() > 3 || !words.iter().all(lower) {
            return None;
        }
        let head = &self.text[..m.start];
        let start = if head.ends_with("the ") || head.ends_with("The ") {
            m.start - 4
        } else {
            m.start
        };
        Some(Speaker {
            name: self.text[start..verb].trim().to_string(),
            id: None,
        })
    }

    /// The name that opens the clause at `start` ("Russia's military made no
    /// comment …" → "Russia's military"; "Nokia, despite …" → Nokia): the first
    /// mention of `ms` with at most "the" before it, widened to a possessive
    /// body ("'s" and up to three lowercase words, stopping at a verb).
    fn sentence_subject(&self, ms: &[&M], start: usize) -> Option<Speaker> {
        let m = ms.first()?;
        let lead = self.text.get(start..m.start)?.trim();
        if !(lead.is_empty() || lead.eq_ignore_ascii_case("the")) {
            return None;
        }
        let Some(end) = self.possessive_body_end(m) else {
            return Some(self.speaker(m));
        };
        if let Some(n) = self.apposition_at(end) {
            return Some(self.speaker(n));
        }
        let from = if lead.is_empty() { m.start } else { start };
        Some(Speaker {
            name: self.text[from..end].trim().to_string(),
            id: None,
        })
    }

    /// Where the body after a possessive mention ends: "'s" and up to three
    /// lowercase words, stopping before a verb-like word or a preposition and
    /// after a word that ends in punctuation ("Britain's defence ministry on
    /// Monday" → "Britain's defence ministry"). `None` when no such body follows.
    fn possessive_body_end(&self, m: &M) -> Option<usize> {
        let after = &self.text[m.end..];
        let rest = after
            .strip_prefix("'s")
            .or_else(|| after.strip_prefix("’s"))?;
        let mut end = m.end + (after.len() - rest.len());
        let mut taken = 0;
        for raw in rest.split_whitespace().take(3) {
            let w = raw.trim_end_matches([',', '.', ';', ':', '!', '?']);
            let verb_like = w.ends_with("ed") || in_speech_verbs(w) || FINITE_VERBS.contains(&w);
            let lower = !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-');
            if !lower || POSSESSIVE_ENDS.contains(&w) || (taken > 0 && verb_like) {
                break;
            }
            end = self.text[end..].find(w).map_or(end, |i| end + i + w.len());
            taken += 1;
            if w.len() < raw.len() {
                break;
            }
        }
        (taken > 0).then_some(end)
    }

    /// The mention that starts right after `end` (one space), as the name in
    /// "X's spokesman Dmitry Peskov".
    fn apposition_at(&self, end: usize) -> Option<&M> {
        self.ments
            .iter()
            .find(|n| n.start > end && n.start <= end + 1)
    }

    /// The speaker named in `win` (outside quotes), if it attributes speech;
    /// `anchor` is where the quote starts, for pronouns.
    fn attribution(&self, win: Range<usize>, anchor: usize) -> Option<Speaker> {
        let w = &self.text[win.clone()];
        let toks: Vec<(usize, usize, String)> = tokens(w)
            .map(|t| (win.start + t.start, win.start + t.end, fold(t.text)))
            .collect();
        for (ti, (vs, ve, k)) in toks.iter().enumerate() {
            let k = k.as_str();
            if !(in_speech_verbs(k) || QUOTE_VERBS.contains(&k)) {
                continue;
            }
            let pick = |ms: Vec<&M>, nearest_last: bool| -> Option<Speaker> {
                let pref = [EntityKind::Person, EntityKind::Org, EntityKind::Place];
                for kind in pref {
                    let mut of_kind = ms.iter().filter(|m| m.kind == kind);
                    let m = if nearest_last {
                        of_kind.next_back()
                    } else {
                        of_kind.next()
                    };
                    if let Some(m) = m {
                        return Some(self.speaker(m));
                    }
                }
                None
            };
            if k != "according" {
                // X said: the subject before the verb.
                let before: Vec<&M> = self
                    .ments
                    .iter()
                    .filter(|m| m.start >= win.start && m.end <= *vs)
                    .collect();
                // A pronoun right before the verb (maybe one adverb between) wins
                // over names further back.
                let pron = toks[ti.saturating_sub(2)..ti]
                    .iter()
                    .rev()
                    .find(|t| matches!(t.2.as_str(), "he" | "she" | "it" | "they"));
                let pron_after_names = pron.is_some_and(|p| before.iter().all(|m| m.end <= p.0));
                if let (Some(p), true) = (pron, pron_after_names) {
                    let kind = if matches!(p.2.as_str(), "he" | "she") {
                        EntityKind::Person
                    } else {
                        EntityKind::Org
                    };
                    return self.last_before(anchor.min(p.0), kind).or_else(|| {
                        // "it said" with no organisation named: the last body
                        // that spoke in the sentences before ("The military said").
                        (kind == EntityKind::Org)
                            .then(|| self.earlier_phrase_speaker(anchor.min(p.0)))
                            .flatten()
                    });
                }
                // "X made no comment, despite having announced …": a perfect
                // participle has the sentence's subject as its speaker.
                if ti > 0 && toks[ti - 1].2 == "having" {
                    if let Some(s) = self.sentence_subject(&before, win.start) {
                        return Some(s);
                    }
                }
                // "the United Kingdom's military described": the body named by
                // the possessive phrase speaks, not the country that owns it.
                if let Some(s) = before.last().and_then(|m| self.possessive_subject(m, *vs)) {
                    return Some(s);
                }
                // A place speaks only as the subject right before the verb
                // ("Kyiv said", "the United Kingdom's military described").
                let close = toks[ti.saturating_sub(2)..ti].first().map_or(*vs, |t| t.0);
                let before: Vec<&M> = before
                    .into_iter()
                    .filter(|m| m.kind != EntityKind::Place || m.end >= close)
                    .collect();
                if let Some(s) = pick(before, true) {
                    return Some(s);
                }
            }
            // said X / according to X: the first name after the verb, close by.
            // After "told" or "asked" comes the listener ("told Reuters").
            if matches!(k, "told" | "tells" | "asked" | "asks") {
                continue;
            }
            let limit = toks.get(ti + 8).map(|t| t.0).unwrap_or(win.end);
            let after: Vec<&M> = self
                .ments
                .iter()
                .filter(|m| m.start >= *ve && m.start < limit && m.end <= win.end)
                // "said its forces had entered Kupyansk": a place after the verb
                // is what was said, not who said it.
                .filter(|m| {
                    // ...unless a spokesperson speaks for it ("said a WeWork
                    // spokesperson").
                    m.kind != EntityKind::Place || {
                        let rest = &self.text[m.end..];
                        [" spokes", " official", " representative"]
                            .iter()
                            .any(|r| rest.starts_with(r))
                    }
                })
                .collect();
            // "said Britain's defence ministry": the possessive body right after
            // the verb speaks.
            let near = toks.get(ti + 2).map_or(win.end, |t| t.0);
            if let Some(m) = self
                .ments
                .iter()
                .find(|m| m.start >= *ve && m.start <= near && m.end <= win.end)
            {
                let lead = self.text[*ve..m.start].trim();
                if lead.is_empty() || lead.eq_ignore_ascii_case("the") {
                    if let Some(end) = self.possessive_body_end(m) {
                        // "said Putin's spokesman Dmitry Peskov": the name speaks.
                        if let Some(n) = self.apposition_at(end) {
                            return Some(self.speaker(n));
                        }
                        let from = if lead.is_empty() {
                            m.start
                        } else {
                            *ve + self.text[*ve..m.start].find(lead).unwrap_or(0)
                        };
                        return Some(Speaker {
                            name: self.text[from..end].to_string(),
                            id: None,
                        });
                    }
                }
            }
            if let Some(s) = pick(after, false) {
                return Some(s);
            }
            // "the general staff said": a speaker named without a proper name.
            let lo = ti.saturating_sub(5);
            if let Some(the) = toks[lo..ti].iter().rposition(|t| t.2 == "the") {
                // "one of the soldiers says" names nobody.
                if lo + the > 0 && toks[lo + the - 1].2 == "of" {
                    continue;
                }
                let from = toks[lo + the].0;
                let phrase = self.text[from..*vs].trim();
                if !phrase.contains([',', '"', '“', '”']) {
                    return Some(Speaker {
                        name: phrase.to_string(),
                        id: None,
                    });
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities;

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let e = entities::find(text);
        find(text, &e)
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect()
    }

    #[test]
    fn speaker_after_and_before_the_quote() {
        let q = quotes("\"The river is rising fast,\" Maria Lopez said. Tom Reed said: \"We are leaving the town.\"");
        assert_eq!(q[0].1.as_deref(), Some("Maria Lopez"));
        assert_eq!(q[1].1.as_deref(), Some("Tom Reed"));
    }

    #[test]
    fn pronoun_points_to_the_last_named_person_and_split_quotes_share() {
        let t = "Judge Anna Weiss spoke on Monday.\n\n“The verdict stands,” she said. “There will be no appeal.”";
        let q = quotes(t);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].1.as_deref(), Some("Anna Weiss"));
        assert_eq!(q[1].1.as_deref(), Some("Anna Weiss"));
    }

    #[test]
    fn said_before_the_name_and_organisation_speakers() {
        let q = quotes("“We will keep the plant open for now,” said chief executive Karl Brandt.");
        assert_eq!(q[0].1.as_deref(), Some("Karl Brandt"));
        let q = quotes(
            "The Finance Ministry reported losses. \"Costs rose by a third,\" the ministry said.",
        );
        assert_eq!(q[0].1.as_deref(), Some("Finance Ministry"));
    }

    #[test]
    fn scare_quotes_are_not_quotes_and_nested_single_quotes_stay() {
        let q = quotes("The area had been “liberated” by then.");
        assert!(q.is_empty());
        let q = quotes("\"They told us 'go home now' and we did,\" Ella Park said.");
        assert_eq!(q[0].0, "They told us 'go home now' and we did,");
    }

    #[test]
    fn a_spokesperson_speaks_for_the_name_before_it() {
        let q = quotes("\"We are cooperating in the matter,\" said a Zentro spokesperson when contacted by Reuters.");
        assert_eq!(q[0].1.as_deref(), Some("Zentro"));
    }

    #[test]
    fn the_listener_after_told_is_not_the_speaker() {
        let q = quotes("\"We are cooperating with the inquiry,\" a spokeswoman told Reuters.");
        assert_eq!(q[0].1, None);
    }

    /// Guards: "the United Kingdom's military described … as a “significant
    /// political setback”" gave the quote to the country, not its military.
    #[test]
    fn a_possessive_body_speaks_not_its_owner() {
        let q = quotes("On Monday, the Czech Republic’s weather service described the storm as “the worst in a decade” in a statement.");
        assert_eq!(
            q[0].1.as_deref(),
            Some("the Czech Republic’s weather service")
        );
        let q = quotes("Canada's foreign ministry said the talks were \"a waste of everyone's time\" on Monday.");
        assert_eq!(q[0].1.as_deref(), Some("Canada's foreign ministry"));
    }

    /// Guards: "Russia's military made no comment, despite having announced …
    /// to move to “more advantageous positions”" had no speaker.
    #[test]
    fn a_perfect_participle_takes_the_sentence_subject() {
        let q = quotes("Norway’s coast guard made no comment on Friday, despite having announced a day earlier that it would “close the northern fjords for good”.");
        assert_eq!(q[0].1.as_deref(), Some("Norway’s coast guard"));
        let q = quotes("Greta Holm stayed silent, despite having said in May that the deal was “all but finished”.");
        assert_eq!(q[0].1.as_deref(), Some("Greta Holm"));
    }

    /// Guards: a possessive body after the verb ("said Britain's defence
    /// ministry") gave the quote to nobody, or to its country.
    #[test]
    fn a_possessive_body_after_the_verb_speaks() {
        let q = quotes(
            "“The channel is closed to all traffic,” said Denmark’s maritime authority on Monday.",
        );
        assert_eq!(q[0].1.as_deref(), Some("Denmark’s maritime authority"));
        let q = quotes("“We have nothing to add,” said Acme’s spokesman Peter Vance on Monday.");
        assert_eq!(q[0].1.as_deref(), Some("Peter Vance"));
    }

    #[test]
    fn no_named_speaker_is_none() {
        let q = quotes("A sign read \"no entry beyond this point\" at the gate.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].1, None);
    }
}
