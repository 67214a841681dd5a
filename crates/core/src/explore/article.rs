//! The article page's reader: the text cut into paragraphs, quoted and
//! unquoted blocks, and spans with entities, dates and quantities marked.

use std::ops::Range;

use serde::Serialize;

use crate::format::format_number;
use crate::model::{Article, EntityKind, Quote};
use crate::Corpus;

/// What an inline mark in the reader stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkKind {
    /// A person's name.
    Person,
    /// A place name.
    Place,
    /// An organisation's name.
    Org,
    /// A date or time expression.
    Date,
    /// A number with its unit.
    Quantity,
}

/// A run of text in the reader, marked or plain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    /// The text.
    pub text: String,
    /// What it is, when it is something.
    pub mark: Option<MarkKind>,
    /// The entity id (for people, places, organisations).
    pub entity_id: Option<String>,
    /// A normalised value to show on focus: an ISO date, "5000 troops".
    pub value: Option<String>,
}

/// A run of spans, inside a quote or not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// When the block is quoted speech: the quote (its speaker, and its
    /// offsets, by which a correction names it).
    pub quote: Option<Quote>,
    /// The spans, in text order.
    pub spans: Vec<Span>,
}

/// One paragraph of the reader.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReaderParagraph {
    /// Byte offset of the paragraph in the article text.
    pub start: usize,
    /// Its blocks, in text order; their texts joined give the paragraph back.
    pub blocks: Vec<Block>,
}
/// The article's paragraphs cut into quoted and unquoted blocks, each cut into
/// spans with people, places, organisations, dates and quantities marked. Where
/// marks overlap, an entity wins over a quantity, a quantity over a date, and an
/// earlier, longer mark over a later one.
pub fn reader_paragraphs(corpus: &Corpus, article: &Article) -> Vec<ReaderParagraph> {
    struct Inline {
        range: Range<usize>,
        kind: MarkKind,
        entity_id: Option<String>,
        value: Option<String>,
        rank: u8,
    }
    let mut marks: Vec<Inline> = Vec::new();
    for e in &article.entities {
        let kind = match e.kind {
            EntityKind::Person => MarkKind::Person,
            EntityKind::Place => MarkKind::Place,
            EntityKind::Org => MarkKind::Org,
        };
        let name = corpus
            .entities
            .iter()
            .find(|c| c.id == e.id)
            .map_or_else(|| e.name.clone(), |c| c.name.clone());
        for m in &e.mentions {
            marks.push(Inline {
                range: m.start..m.end,
                kind,
                entity_id: Some(e.id.clone()),
                value: Some(name.clone()),
                rank: 0,
            });
        }
    }
    for q in &article.quantities {
        marks.push(Inline {
            range: q.start..q.end,
            kind: MarkKind::Quantity,
            entity_id: None,
            value: Some(format!("{} {}", format_number(q.value), q.unit)),
            rank: 1,
        });
    }
    for d in &article.dates {
        marks.push(Inline {
            range: d.start..d.end,
            kind: MarkKind::Date,
            entity_id: None,
            value: d.value.clone(),
            rank: 2,
        });
    }
    marks.retain(|m| m.range.start < m.range.end && m.range.end <= article.text.len());
    crate::sort::by_key(&mut marks, |m| {
        (m.rank, m.range.start, std::cmp::Reverse(m.range.end))
    });
    let mut kept: Vec<Inline> = Vec::new();
    for m in marks {
        if !kept
            .iter()
            .any(|k| k.range.start < m.range.end && m.range.start < k.range.end)
        {
            kept.push(m);
        }
    }
    crate::sort::by_key(&mut kept, |m| m.range.start);

    let text = &article.text;
    let mut out = Vec::new();
    for (pstart, para) in article.paragraphs() {
        let pend = pstart + para.len();
        // Block boundaries: the quotes inside this paragraph (clipped to it).
        let mut quotes: Vec<(Range<usize>, &Quote)> = article
            .quotes
            .iter()
            .filter(|q| q.start < pend && q.end > pstart)
            .map(|q| (q.start.max(pstart)..q.end.min(pend), q))
            .collect();
        crate::sort::by_key(&mut quotes, |q| q.0.start);
        let mut blocks = Vec::new();
        let mut at = pstart;
        let mut push = |range: Range<usize>, quote: Option<&Quote>| {
            if range.is_empty() {
                return;
            }
            let mut spans = Vec::new();
            let mut pos = range.start;
            for m in kept
                .iter()
                .filter(|m| m.range.start >= range.start && m.range.end <= range.end)
            {
                if m.range.start > pos {
                    spans.push(plain(&text[pos..m.range.start]));
                }
                spans.push(Span {
                    text: text[m.range.clone()].to_string(),
                    mark: Some(m.kind),
                    entity_id: m.entity_id.clone(),
                    value: m.value.clone(),
                });
                pos = m.range.end;
            }
            if pos < range.end {
                spans.push(plain(&text[pos..range.end]));
            }
            blocks.push(Block {
                quote: quote.cloned(),
                spans,
            });
        };
        for (range, q) in quotes {
            if range.start < at {
                continue;
            }
            push(at..range.start, None);
            push(range.clone(), Some(q));
            at = range.end;
        }
        push(at..pend, None);
        out.push(ReaderParagraph {
            start: pstart,
            blocks,
        });
    }
    out
}

fn plain(s: &str) -> Span {
    Span {
        text: s.to_string(),
        mark: None,
        entity_id: None,
        value: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::fixture::corpus;

    #[test]
    fn reader_paragraphs_give_the_text_back_with_marks_and_quotes() {
        let c = corpus();
        let a = c.article("a").unwrap();
        let paras = reader_paragraphs(&c, a);
        let rebuilt: Vec<String> = paras
            .iter()
            .map(|p| {
                p.blocks
                    .iter()
                    .flat_map(|b| b.spans.iter().map(|s| s.text.as_str()))
                    .collect()
            })
            .collect();
        assert_eq!(rebuilt.join("\n\n"), a.text);
        let quoted: Vec<&Block> = paras
            .iter()
            .flat_map(|p| &p.blocks)
            .filter(|b| b.quote.is_some())
            .collect();
        assert_eq!(quoted.len(), 1);
        assert!(paras
            .iter()
            .flat_map(|p| &p.blocks)
            .flat_map(|b| &b.spans)
            .any(|s| s.mark == Some(MarkKind::Person) && s.entity_id.is_some()));
    }
}
