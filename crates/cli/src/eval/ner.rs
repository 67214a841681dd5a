//! `folio eval ner DIR`: scores the entity recogniser on a folder of gold NER data
//! with [`folio_core::eval`], printing precision, recall and F1 per type and overall,
//! and overall F1 on each half of the documents (a check against tuning to one half).
//!
//! The format is taken from the files: `*.conll.txt` (CoNLL IO tags, e.g.
//! wikigold) or `*.tsv` (GUM labels, e.g. GUM-news). See the core module for the
//! span protocol of each.

use std::path::Path;

use anyhow::{bail, Context, Result};
use folio_core::eval::{evaluate, Format, Report};

/// Runs the evaluation on every gold file in `dir` and prints the report.
pub fn ner(dir: &Path, json: bool) -> Result<()> {
    let mut conll = Vec::new();
    let mut gum = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("{}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.ends_with(".conll.txt") || name.ends_with(".conll") {
            conll.push(std::fs::read_to_string(&p).with_context(|| format!("{}", p.display()))?);
        } else if name.ends_with(".tsv") {
            gum.push(std::fs::read_to_string(&p).with_context(|| format!("{}", p.display()))?);
        }
    }
    let (report, format) = match (conll.is_empty(), gum.is_empty()) {
        (false, _) => (
            evaluate(conll.iter().map(String::as_str), Format::Conll),
            "conll",
        ),
        (true, false) => (evaluate(gum.iter().map(String::as_str), Format::Gum), "gum"),
        (true, true) => bail!("{}: no .conll.txt or .tsv gold files", dir.display()),
    };
    print(dir, format, &report, json)
}

fn print(dir: &Path, format: &str, r: &Report, json: bool) -> Result<()> {
    if json {
        let kinds: serde_json::Map<String, serde_json::Value> = r
            .by_kind
            .iter()
            .map(|(k, c)| {
                (
                    serde_json::to_value(k).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
                    serde_json::json!({"precision": c.precision(), "recall": c.recall(), "f1": c.f1(), "tp": c.tp, "fp": c.fp, "fn": c.fn_}),
                )
            })
            .collect();
        let o = &r.overall;
        let v = serde_json::json!({
            "data": dir.display().to_string(),
            "format": format,
            "documents": r.documents,
            "tokens": r.tokens,
            "overall": {"precision": o.precision(), "recall": o.recall(), "f1": o.f1(), "tp": o.tp, "fp": o.fp, "fn": o.fn_},
            "by_kind": kinds,
            "halves": r.halves.iter().map(|c| serde_json::json!({"precision": c.precision(), "recall": c.recall(), "f1": c.f1()})).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    println!(
        "{} ({format}): {} documents, {} tokens; entity-level, exact span",
        dir.display(),
        r.documents,
        r.tokens
    );
    println!(
        "{:<8} {:>9} {:>7} {:>7} {:>6} {:>6} {:>6}",
        "type", "precision", "recall", "f1", "tp", "fp", "fn"
    );
    let row = |name: &str, c: &folio_core::eval::Counts| {
        println!(
            "{:<8} {:>9.3} {:>7.3} {:>7.3} {:>6} {:>6} {:>6}",
            name,
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        );
    };
    for (k, c) in &r.by_kind {
        let name = match k {
            folio_core::EntityKind::Person => "person",
            folio_core::EntityKind::Place => "place",
            folio_core::EntityKind::Org => "org",
        };
        row(name, c);
    }
    row("overall", &r.overall);
    let [a, b] = &r.halves;
    println!(
        "halves   first {} documents F1 {:.3}, second {} documents F1 {:.3}",
        r.documents / 2,
        a.f1(),
        r.documents - r.documents / 2,
        b.f1()
    );
    Ok(())
}
