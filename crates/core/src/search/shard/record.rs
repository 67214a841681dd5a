//! The article record (`rec/K/N.json.gz`), both ways: an [`Article`]'s JSON
//! without the texts that are only spans of its text, and the article again.
//! Apart from the writer and the reader because it is one format with two
//! directions that must agree field by field, and the app reads records
//! without the rest of the reader.

use serde::Serialize;

use crate::model::{Article, EntityKind};

/// Appends the record of `article` to `out`: its JSON without the texts that
/// are only a span of the article's text (each mention's, quote's, date's and
/// quantity's), which [`parse_record`] cuts back out. Those copies were 15% of
/// the JSON of 100,000 records (1,077 MB with them, 916 MB without), so of
/// the work of serialising and gzipping them; a text that is not its span
/// stays written.
pub fn write_record<'a>(out: &mut Vec<u8>, article: &'a Article) -> std::io::Result<()> {
    let text = article.text.as_str();
    // The text when it is not the span it claims (None: cut it from the article).
    let own = |t: &'a str, start: usize, end: usize| (text.get(start..end) != Some(t)).then_some(t);
    let record = RecordOut {
        file: &article.file,
        id: &article.id,
        title: &article.title,
        byline: &article.byline,
        published: &article.published,
        outlet: &article.outlet,
        url: &article.url,
        text,
        removed: &article.removed,
        entities: article
            .entities
            .iter()
            .map(|e| EntityOut {
                id: &e.id,
                kind: e.kind,
                name: &e.name,
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| SpanOut {
                        start: m.start,
                        end: m.end,
                        text: own(&m.text, m.start, m.end),
                    })
                    .collect(),
            })
            .collect(),
        quotes: article
            .quotes
            .iter()
            .map(|q| QuoteOut {
                text: own(&q.text, q.start, q.end),
                speaker: &q.speaker,
                speaker_id: &q.speaker_id,
                start: q.start,
                end: q.end,
            })
            .collect(),
        dates: article
            .dates
            .iter()
            .map(|d| DateOut {
                text: own(&d.text, d.start, d.end),
                value: &d.value,
                start: d.start,
                end: d.end,
            })
            .collect(),
        quantities: article
            .quantities
            .iter()
            .map(|q| QuantityOut {
                text: own(&q.text, q.start, q.end),
                value: q.value,
                unit: &q.unit,
                start: q.start,
                end: q.end,
            })
            .collect(),
        word_count: article.word_count,
    };
    serde_json::to_writer(out, &record).map_err(std::io::Error::other)
}

/// Reads what [`write_record`] wrote: the article, every span's text cut out of
/// its text again; `None` for a record that is not one (not JSON, or a span
/// outside the text or inside a character).
pub fn parse_record(bytes: &[u8]) -> Option<Article> {
    let mut a: Article = serde_json::from_slice(bytes).ok()?;
    let text = a.text.as_str();
    let fill = |t: &mut String, start: usize, end: usize| -> Option<()> {
        if t.is_empty() && start < end {
            *t = text.get(start..end)?.to_string();
        }
        Some(())
    };
    for e in &mut a.entities {
        for m in &mut e.mentions {
            fill(&mut m.text, m.start, m.end)?;
        }
    }
    for q in &mut a.quotes {
        fill(&mut q.text, q.start, q.end)?;
    }
    for d in &mut a.dates {
        fill(&mut d.text, d.start, d.end)?;
    }
    for q in &mut a.quantities {
        fill(&mut q.text, q.start, q.end)?;
    }
    Some(a)
}

/// [`Article`] as [`write_record`] writes it: the same fields, borrowed, and
/// the span texts only where they differ from their span.
#[derive(Serialize)]
struct RecordOut<'a> {
    file: &'a str,
    id: &'a str,
    title: &'a str,
    byline: &'a Option<String>,
    published: &'a Option<String>,
    outlet: &'a Option<String>,
    url: &'a Option<String>,
    text: &'a str,
    removed: &'a [String],
    entities: Vec<EntityOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
    dates: Vec<DateOut<'a>>,
    quantities: Vec<QuantityOut<'a>>,
    word_count: usize,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    kind: EntityKind,
    name: &'a str,
    mentions: Vec<SpanOut<'a>>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    speaker: &'a Option<String>,
    speaker_id: &'a Option<String>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct DateOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    value: &'a Option<String>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct QuantityOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    value: f64,
    unit: &'a str,
    start: usize,
    end: usize,
}
