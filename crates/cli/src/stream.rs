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
use folio_core::{extract_document, Meta, Source};
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
    fn meta(self) -> Meta {
        Meta {
            title: self.title,
            outlet: self.outlet,
            published: self.published,
            url: self.url,
            byline: self.byline,
        }
    }
}

/// Why a line is not an article, and its id when the line had one.
pub(crate) struct LineError {
    pub id: Option<String>,
    pub error: String,
}

/// One JSON line as a source: `ID.txt` or `ID.html`, so the extraction treats
/// it as the file it would have been. `folio build` reads `.jsonl` files with
/// it too.
pub(crate) fn parse_line(line: &str) -> Result<Source, LineError> {
    let mut l = serde_json::from_str::<Line>(line).map_err(|e| LineError {
        id: None,
        error: e.to_string(),
    })?;
    let (file, raw) = match (l.text.take(), l.html.take()) {
        (Some(text), None) => (format!("{}.txt", l.id), text),
        (None, Some(html)) => (format!("{}.html", l.id), html),
        _ => {
            return Err(LineError {
                id: Some(l.id),
                error: "needs exactly one of \"text\" and \"html\"".to_string(),
            })
        }
    };
    let meta = l.meta();
    Ok(Source { file, raw, meta })
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
        let written = match parse_line(&line) {
            Ok(source) => serde_json::to_writer(
                &mut out,
                &extract_document(&source.file, &source.raw, &source.meta),
            ),
            Err(LineError {
                id: Some(id),
                error,
            }) => {
                failed = true;
                serde_json::to_writer(&mut out, &serde_json::json!({ "id": id, "error": error }))
            }
            Err(LineError { id: None, error }) => {
                failed = true;
                serde_json::to_writer(
                    &mut out,
                    &serde_json::json!({ "id": null, "line": n + 1, "error": error }),
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
