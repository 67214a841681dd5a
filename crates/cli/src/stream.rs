//! `folio extract --jsonl -`: Folio's extraction inside someone else's pipeline.
//!
//! One JSON article per line on stdin, one extraction per line on stdout, in
//! order, each line written as soon as it is done: memory holds one article at a
//! time, so the same binary runs under Spark's `RDD.pipe`, Hadoop streaming, a
//! Beam or Flink step or GNU parallel without new code. Entities are not merged
//! across lines (that needs the whole corpus); each line's entity ids are the
//! article's own. A line that cannot be read gives `{"id", "error"}` and the
//! stream goes on.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use folio_core::{extract_document, Meta};
use serde::Deserialize;

/// One input line: `id`, the article as `text` or `html`, and [`Meta`]'s keys.
/// An unknown key is an error, so a typo ("outlett") is reported, not ignored.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    id: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    byline: Option<String>,
}

impl Line {
    fn meta(&self) -> Meta {
        Meta {
            title: self.title.clone(),
            outlet: self.outlet.clone(),
            published: self.published.clone(),
            url: self.url.clone(),
            byline: self.byline.clone(),
        }
    }
}

/// Runs the stream; the exit status is 1 when any line failed.
pub fn extract_jsonl() -> Result<ExitCode> {
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for (n, line) in stdin.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let written = match serde_json::from_str::<Line>(&line) {
            Ok(mut l) => match (l.text.take(), l.html.take()) {
                (Some(text), None) => serde_json::to_writer(
                    &mut out,
                    &extract_document(&format!("{}.txt", l.id), &text, &l.meta()),
                ),
                (None, Some(html)) => serde_json::to_writer(
                    &mut out,
                    &extract_document(&format!("{}.html", l.id), &html, &l.meta()),
                ),
                _ => {
                    failed = true;
                    serde_json::to_writer(
                        &mut out,
                        &serde_json::json!({ "id": l.id, "error": "needs exactly one of \"text\" and \"html\"" }),
                    )
                }
            },
            Err(e) => {
                failed = true;
                serde_json::to_writer(
                    &mut out,
                    &serde_json::json!({ "id": null, "line": n + 1, "error": e.to_string() }),
                )
            }
        };
        written?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
