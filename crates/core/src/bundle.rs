//! How a corpus leaves Folio and comes back: the JSON bundle, the CSV tables,
//! and the checks that keep a hand-edited or damaged bundle from reaching the views.
//!
//! A bundle carries the extraction, not the raw files, so it imports back to the
//! same state without re-running extraction (and without the HTML stack). That
//! makes it untrusted input: every byte span is checked against its article's text
//! before any view slices with it, and a link is kept only when it is `http(s)`.

use std::borrow::Cow;
use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::corrections::Correction;
use crate::model::{Article, CorpusEntity, Extraction};
use crate::Error;

/// The `format` field of every bundle.
pub const FORMAT: &str = "folio-bundle";
/// The bundle version this build writes and reads.
pub const VERSION: u32 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BundleFile {
    format: String,
    version: u32,
    articles: Vec<Article>,
    /// Written for readers of the file; on import entities are merged afresh
    /// with whatever the library already holds.
    #[serde(default)]
    entities: Vec<CorpusEntity>,
    /// Corrections by hand, applied to `articles` and `entities` already
    /// and kept so that a reader who merges afresh applies them again.
    #[serde(default)]
    corrections: Vec<Correction>,
}

/// What a bundle is written from: the extraction borrowed, not copied.
#[derive(Serialize)]
struct BundleOut<'a> {
    format: &'static str,
    version: u32,
    articles: &'a [Article],
    entities: &'a [CorpusEntity],
    #[serde(skip_serializing_if = "<[Correction]>::is_empty")]
    corrections: &'a [Correction],
}

impl<'a> BundleOut<'a> {
    fn of(extraction: &'a Extraction, corrections: &'a [Correction]) -> BundleOut<'a> {
        BundleOut {
            format: FORMAT,
            version: VERSION,
            articles: &extraction.articles,
            entities: &extraction.entities,
            corrections,
        }
    }
}

/// The whole extraction as a bundle (pretty-printed, so a person can read and diff it).
pub fn to_json(extraction: &Extraction) -> String {
    to_json_corrected(extraction, &[])
}

/// A bundle of an extraction with the corrections applied to it (see
/// [`crate::corrections`]), which travel with it.
pub fn to_json_corrected(extraction: &Extraction, corrections: &[Correction]) -> String {
    serde_json::to_string_pretty(&BundleOut::of(extraction, corrections))
        .expect("a bundle always serialises")
}

/// The same bundle without indentation, for a site's `corpus.json`, which
/// people do not read and every visitor downloads.
pub fn to_json_compact(extraction: &Extraction, corrections: &[Correction]) -> String {
    serde_json::to_string(&BundleOut::of(extraction, corrections))
        .expect("a bundle always serialises")
}

/// Whether a file is meant as a bundle: its name ends in `.json`, or its text
/// opens with a JSON object that names the format.
pub fn is_bundle(file: &str, text: &str) -> bool {
    file.to_ascii_lowercase().ends_with(".json") || names_format(text, FORMAT)
}

/// Whether a text opens with a JSON object whose `format` is `format` (in its
/// first 200 characters): how a bundle or a corrections file is known by its
/// content.
pub fn names_format(text: &str, format: &str) -> bool {
    let head: String = text
        .chars()
        .take(200)
        .filter(|c| !c.is_whitespace())
        .collect();
    head.starts_with('{') && head.contains(&format!("\"format\":\"{format}\""))
}

/// The articles of a bundle, checked. A truncated file, a changed field, a span
/// that points outside its text or into the middle of a character, a duplicate
/// id or a newer version is an error that says what is wrong, and nothing of the
/// bundle is used.
pub fn from_json(json: &str) -> Result<Vec<Article>, Error> {
    read(json).map(|(x, _)| x.articles)
}

/// The articles of a bundle and the corrections it carries, checked as
/// [`from_json`] says.
pub fn from_json_corrected(json: &str) -> Result<(Vec<Article>, Vec<Correction>), Error> {
    read(json).map(|(x, c)| (x.articles, c))
}

/// The whole extraction of a bundle, checked as [`from_json`] says.
fn read(json: &str) -> Result<(Extraction, Vec<Correction>), Error> {
    let bad = |m: String| Error::Bundle(m);
    let file: BundleFile = serde_json::from_str(json).map_err(|e| {
        if e.is_eof() {
            bad("the file ends early (truncated?)".to_string())
        } else {
            bad(e.to_string())
        }
    })?;
    if file.format != FORMAT {
        return Err(bad(format!("format is {:?}, not {FORMAT:?}", file.format)));
    }
    if file.version != VERSION {
        return Err(bad(format!(
            "version {} (this Folio reads version {VERSION})",
            file.version
        )));
    }
    let mut seen = HashSet::new();
    let mut articles = file.articles;
    for a in &mut articles {
        check_article(a).map_err(|m| bad(format!("article {:?}: {m}", a.id)))?;
        if !seen.insert(a.id.clone()) {
            return Err(bad(format!("article id {:?} appears twice", a.id)));
        }
        a.url = a.url.take().filter(|u| is_web_url(u));
    }
    Ok((
        Extraction {
            articles,
            entities: file.entities,
        },
        file.corrections,
    ))
}

/// Whether a link may be rendered as one: only `http:` and `https:` URLs, so a
/// `javascript:` or `data:` URL in imported metadata never becomes clickable.
pub fn is_web_url(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    (u.starts_with("https://") || u.starts_with("http://")) && !u.contains(char::is_control)
}

/// An article's spans and ids are what the views rely on; check each (for any
/// article from outside this process: a bundle, the browser's storage).
pub fn check_article(a: &Article) -> Result<(), String> {
    if a.id.is_empty() || a.id.len() > 200 || a.id.contains(char::is_control) {
        return Err("the id is empty, over 200 bytes or has control characters".into());
    }
    let text = a.text.as_str();
    let span = |what: &str, start: usize, end: usize, expect: Option<&str>| {
        let ok = start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
            && expect.is_none_or(|e| e == &text[start..end]);
        if ok {
            Ok(())
        } else {
            Err(format!("{what} at {start}..{end} does not match the text"))
        }
    };
    for e in &a.entities {
        for m in &e.mentions {
            span("mention", m.start, m.end, Some(&m.text))?;
        }
    }
    for q in &a.quotes {
        span("quote", q.start, q.end, None)?;
    }
    for d in &a.dates {
        span("date", d.start, d.end, Some(&d.text))?;
    }
    for q in &a.quantities {
        span("quantity", q.start, q.end, Some(&q.text))?;
        if !q.value.is_finite() {
            return Err("a quantity is not a finite number".into());
        }
    }
    Ok(())
}

/// Every entity, one row each: `id,kind,name,aliases,articles,mentions` (aliases
/// and article ids joined with `; `).
pub fn entities_csv(extraction: &Extraction) -> String {
    let mut out = String::from("id,kind,name,aliases,articles,mentions\n");
    for e in &extraction.entities {
        let mentions: usize = extraction
            .articles
            .iter()
            .flat_map(|a| &a.entities)
            .filter(|ae| ae.id == e.id)
            .map(|ae| ae.mentions.len())
            .sum();
        let kind = e.kind.as_str();
        row(
            &mut out,
            &[
                &e.id,
                kind,
                &e.name,
                &e.aliases.join("; "),
                &e.articles.join("; "),
                &mentions.to_string(),
            ],
        );
    }
    out
}

/// Every quote, one row each: `article,title,speaker,speaker_id,quote,start,end`.
pub fn quotes_csv(extraction: &Extraction) -> String {
    let mut out = String::from("article,title,speaker,speaker_id,quote,start,end\n");
    for a in &extraction.articles {
        for q in &a.quotes {
            row(
                &mut out,
                &[
                    &a.id,
                    &a.title,
                    q.speaker.as_deref().unwrap_or(""),
                    q.speaker_id.as_deref().unwrap_or(""),
                    &q.text,
                    &q.start.to_string(),
                    &q.end.to_string(),
                ],
            );
        }
    }
    out
}

fn row(out: &mut String, cells: &[&str]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(c));
    }
    out.push_str("\r\n");
}

/// One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break.
/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
/// CR first) gets a leading `'`, so imported text cannot become a formula in
/// the user's spreadsheet (OWASP's CSV-injection advice).
fn csv_cell(cell: &str) -> Cow<'_, str> {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula || cell.contains([',', '"', '\n', '\r']);
    if !quote {
        return Cow::Borrowed(cell);
    }
    let mut s = String::with_capacity(cell.len() + 4);
    s.push('"');
    if formula {
        s.push('\'');
    }
    s.push_str(&cell.replace('"', "\"\""));
    s.push('"');
    Cow::Owned(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Corpus, Source};

    fn corpus() -> Corpus {
        Corpus::build(vec![
            Source::text(
                "a.txt",
                "President Ana Lima said: \"We will rebuild the port of Varna.\" \
                 The Ministry of Transport said 5,000 workers were hired on 2 March 2024.",
            ),
            Source::text(
                "b.txt",
                "Lima visited Varna on Sunday. \"It is done,\" she said.",
            ),
        ])
    }

    #[test]
    fn a_bundle_round_trips_to_the_same_extraction() {
        let c = corpus();
        let json = to_json(&c.extraction());
        let articles = from_json(&json).unwrap();
        assert_eq!(articles, c.articles);
        let mut again = Corpus::default();
        for a in articles {
            again.add(a);
        }
        assert_eq!(again.extraction(), c.extraction());
    }

    /// Guards exact numbers (found by the bundle fuzz target): a quantity
    /// written as "10000000000000000000000000000000000000000000000002.0" was
    /// read as 1.0000000000000001e49, written as "1e+49" and read back as
    /// 1e49, so a bundle read and written again changed. Numbers must read
    /// as written, however they are spelled.
    #[test]
    fn quantities_read_back_as_written_however_spelled() {
        let json = to_json(&corpus().extraction());
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let first = v["articles"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|a| a["quantities"].as_array().unwrap())
            .map(|q| q["value"].to_string())
            .next()
            .expect("a quantity");
        for spelled in [
            "10000000000000000000000000000000000000000000000002.0",
            "0.30000000000000004",
            "4.9406564584124654e-324",
            "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "123456.78900000000000001",
        ] {
            let edited = json.replacen(
                &format!("\"value\": {first}"),
                &format!("\"value\": {spelled}"),
                1,
            );
            assert_ne!(edited, json, "the bundle spells its values as expected");
            let read = from_json(&edited).unwrap();
            let written = to_json(&Extraction {
                articles: read.clone(),
                entities: Vec::new(),
            });
            let again = from_json(&written).unwrap();
            assert_eq!(again, read, "{spelled} changed in a round trip");
            let exact: f64 = spelled.parse().unwrap();
            let got = read
                .iter()
                .flat_map(|a| &a.quantities)
                .find(|q| q.value.to_bits() == exact.to_bits());
            assert!(got.is_some(), "{spelled} was not read as {exact:e}");
        }
    }

    #[test]
    fn a_truncated_bundle_says_so() {
        let json = to_json(&corpus().extraction());
        let err = from_json(&json[..json.len() / 2]).unwrap_err();
        assert!(err.to_string().contains("truncated"), "{err}");
    }

    #[test]
    fn a_tampered_span_is_refused_before_any_view_slices_with_it() {
        let json = to_json(&corpus().extraction());
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["articles"][0]["entities"][0]["mentions"][0]["end"] = 1_000_000.into();
        let err = from_json(&v.to_string()).unwrap_err();
        assert!(err.to_string().contains("does not match"), "{err}");
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["articles"][0]["text"] = "short".into();
        assert!(from_json(&v.to_string()).is_err());
    }

    #[test]
    fn wrong_format_version_duplicates_and_unknown_fields_are_refused() {
        let json = to_json(&corpus().extraction());
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["version"] = 99.into();
        assert!(from_json(&v.to_string())
            .unwrap_err()
            .to_string()
            .contains("version 99"));
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["format"] = "other".into();
        assert!(from_json(&v.to_string()).is_err());
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let first = v["articles"][0].clone();
        v["articles"].as_array_mut().unwrap().push(first);
        assert!(from_json(&v.to_string())
            .unwrap_err()
            .to_string()
            .contains("twice"));
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["script"] = "alert(1)".into();
        assert!(from_json(&v.to_string()).is_err());
        assert!(from_json("").is_err());
        assert!(from_json("[]").is_err());
    }

    #[test]
    fn only_web_links_survive_a_bundle() {
        let json = to_json(&corpus().extraction());
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["articles"][0]["url"] = "javascript:alert(1)".into();
        v["articles"][1]["url"] = "https://example.org/a".into();
        let articles = from_json(&v.to_string()).unwrap();
        assert_eq!(articles[0].url, None);
        assert_eq!(articles[1].url.as_deref(), Some("https://example.org/a"));
        assert!(!is_web_url(" JAVASCRIPT:alert(1)"));
        assert!(!is_web_url("data:text/html,<script>"));
        assert!(is_web_url("HTTP://example.org"));
    }

    #[test]
    fn bundles_are_recognised_by_name_or_by_their_opening() {
        assert!(is_bundle("x.JSON", "anything"));
        assert!(is_bundle(
            "x",
            "{\n  \"format\": \"folio-bundle\", \"version\": 1"
        ));
        assert!(!is_bundle("x.txt", "{ not a bundle }"));
    }

    #[test]
    fn csv_quotes_cells_and_defuses_formulas() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-5"), "\"'-5\"");
    }

    #[test]
    fn csv_tables_have_a_row_per_entity_and_per_quote() {
        let x = corpus().extraction();
        let entities = entities_csv(&x);
        assert_eq!(entities.lines().count(), 1 + x.entities.len());
        assert!(entities.contains("person,Ana Lima"), "{entities}");
        let quotes = quotes_csv(&x);
        let n: usize = x.articles.iter().map(|a| a.quotes.len()).sum();
        assert_eq!(quotes.lines().count(), 1 + n);
        assert!(
            quotes.contains("We will rebuild the port of Varna."),
            "{quotes}"
        );
    }
}
