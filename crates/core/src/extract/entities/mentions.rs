//! The article's entities as the pipeline returns them: one per resolved name,
//! with its mentions as byte spans into the clean text and the fullest form of
//! its name (an organisation shows its qualifier, "Russia's Defense Ministry").
//! A definite reference ("the ministry") is added to the last organisation
//! named with that word before it: it is no capitalised run, so it is found
//! among the entities rather than among the candidates.

use super::resolve::Resolved;
use super::words::Word;
use crate::extract::lexicon::in_org_words;
use crate::model::{ArticleEntity, EntityKind, Mention};

/// The entities of the resolved names, in the same order, each with its
/// mentions in text order.
pub(super) fn entities(text: &str, words: &[Word], names: Vec<Resolved>) -> Vec<ArticleEntity> {
    let mut out = Vec::new();
    for Resolved {
        key: k,
        kind,
        cands: group,
    } in names
    {
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
