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
use folio_core::extract_document;
use folio_core::import::{parse_line, LineError};

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
