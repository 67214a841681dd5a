//! One entity's page: every mention in context (a keyword-in-context
//! concordance) and the entities that share its sentences.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Serialize;

use crate::model::EntityKind;
use crate::text::sentences;
use crate::Corpus;

/// One line of a keyword-in-context concordance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KwicLine {
    /// The article the mention is in.
    pub article_id: String,
    /// That article's title.
    pub article_title: String,
    /// Text before the mention, cut at a word boundary, at most `width` characters.
    pub left: String,
    /// The mention as written.
    pub mention: String,
    /// Text after the mention, cut likewise.
    pub right: String,
    /// Byte offset of the mention in the article text (for links into the reader).
    pub start: usize,
}

/// Every mention of an entity in context, article by article in corpus order.
/// Context stays within the mention's paragraph.
pub fn concordance(corpus: &Corpus, entity_id: &str, width: usize) -> Vec<KwicLine> {
    let mut out: Vec<KwicLine> = Vec::new();
    for a in &corpus.articles {
        let first = out.len();
        for e in a.entities.iter().filter(|e| e.id == entity_id) {
            for m in &e.mentions {
                let para = paragraph_around(&a.text, m.start, m.end);
                out.push(KwicLine {
                    article_id: a.id.clone(),
                    article_title: a.title.clone(),
                    left: cut_left(&a.text[para.start..m.start], width),
                    mention: m.text.clone(),
                    right: cut_right(&a.text[m.end..para.end], width),
                    start: m.start,
                });
            }
        }
        // Articles come in corpus order; within one, lines follow the text.
        crate::sort::by_key(&mut out[first..], |l| l.start);
    }
    out
}

fn paragraph_around(text: &str, start: usize, end: usize) -> Range<usize> {
    let s = text[..start].rfind("\n\n").map_or(0, |i| i + 2);
    let e = text[end..].find("\n\n").map_or(text.len(), |i| end + i);
    s..e
}

fn cut_left(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n <= width {
        return s.to_string();
    }
    let from = s.char_indices().nth(n - width).map_or(0, |(i, _)| i);
    let from = s[from..].find(' ').map_or(from, |i| from + i + 1);
    format!("…{}", &s[from..])
}

fn cut_right(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let to = s.char_indices().nth(width).map_or(s.len(), |(i, _)| i);
    let to = s[..to].rfind(' ').unwrap_or(to);
    format!("{}…", &s[..to])
}

/// An entity that appears in the same sentences as another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoOccurrence {
    /// The other entity's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: EntityKind,
    /// How many sentences mention both.
    pub sentences: usize,
}

/// The entities that share the most sentences with `entity_id`, most first.
pub fn cooccurrence(corpus: &Corpus, entity_id: &str, limit: usize) -> Vec<CoOccurrence> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for a in &corpus.articles {
        if !a.entities.iter().any(|e| e.id == entity_id) {
            continue;
        }
        for sent in sentences::split(&a.text) {
            let inside = |e: &crate::model::ArticleEntity| {
                e.mentions
                    .iter()
                    .any(|m| m.start >= sent.start && m.end <= sent.end)
            };
            let present: HashSet<&str> = a
                .entities
                .iter()
                .filter(|e| inside(e))
                .map(|e| e.id.as_str())
                .collect();
            if present.contains(entity_id) {
                for other in present.into_iter().filter(|&o| o != entity_id) {
                    *counts.entry(other).or_default() += 1;
                }
            }
        }
    }
    let mut out: Vec<CoOccurrence> = counts
        .into_iter()
        .filter_map(|(id, n)| {
            let e = corpus.entities.iter().find(|e| e.id == id)?;
            Some(CoOccurrence {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                sentences: n,
            })
        })
        .collect();
    crate::sort::by(&mut out, |a, b| {
        b.sentences
            .cmp(&a.sentences)
            .then_with(|| a.name.cmp(&b.name))
    });
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::entity_summaries;
    use crate::explore::fixture::corpus;

    #[test]
    fn concordance_lines_hold_the_mention_and_its_context() {
        let c = corpus();
        let berg = entity_summaries(&c)
            .into_iter()
            .find(|e| e.name.contains("Berg"))
            .unwrap();
        assert_eq!(berg.articles.len(), 2);
        let lines = concordance(&c, &berg.id, 30);
        assert!(lines.len() >= 3, "{lines:#?}");
        for l in &lines {
            assert!(l.mention.contains("Berg"));
            assert!(
                l.left.chars().count() <= 31 && l.right.chars().count() <= 31,
                "{l:?}"
            );
        }
    }

    #[test]
    fn context_is_cut_at_word_boundaries() {
        assert_eq!(cut_left("one two three four", 9), "…four");
        assert_eq!(cut_right("one two three four", 9), "one two…");
        assert_eq!(cut_right("short", 9), "short");
    }
}
