//! `folio eval ner DIR`: scores the entity recogniser on gold NER data with
//! [`folio_core::eval`], printing precision, recall and F1 per kind and overall,
//! on all documents and on each half of them (a check against tuning to one half).
//!
//! `DIR` is either one set (a folder holding gold files) or a folder of sets (its
//! subfolders hold the gold files, as `ner-gold/` does): then every set is scored
//! on its own, since the sets' conventions differ and a pooled figure would hide
//! which one moved. The format is taken from the files: `*.conll.txt` (CoNLL IO
//! tags: wikigold, re3d, UNER PUD) or `*.tsv` (GUM labels, GUM-news). See the core
//! module for the span protocol of each.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use folio_core::eval::{evaluate, parse, predict, Counts, Format, GoldDoc, Report};
use folio_core::EntityKind;

/// One set's gold texts and their format.
struct Set {
    dir: PathBuf,
    format: Format,
    texts: Vec<String>,
}

/// Runs the evaluation on the set in `dir`, or on every set under it, and prints
/// the reports.
pub fn ner(dir: &Path, predictions_out: Option<&Path>, json: bool) -> Result<()> {
    let sets = match read_set(dir)? {
        Some(set) => vec![set],
        None => {
            let mut sets = Vec::new();
            for sub in sorted_entries(dir)? {
                if sub.is_dir() {
                    sets.extend(read_set(&sub)?);
                }
            }
            sets
        }
    };
    if sets.is_empty() {
        bail!(
            "{}: no .conll.txt or .tsv gold files, here or in a subfolder",
            dir.display()
        );
    }
    if let Some(out) = predictions_out {
        write_errors(&sets, out)?;
    }
    let reports: Vec<(&Set, Report)> = sets
        .iter()
        .map(|s| (s, evaluate(s.texts.iter().map(String::as_str), s.format)))
        .collect();
    if json {
        let v: Vec<serde_json::Value> = reports.iter().map(|(s, r)| to_json(s, r)).collect();
        let v = if v.len() == 1 {
            v.into_iter().next().unwrap_or_default()
        } else {
            serde_json::Value::Array(v)
        };
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    for (i, (s, r)) in reports.iter().enumerate() {
        if i > 0 {
            println!();
        }
        print(s, r);
    }
    Ok(())
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("{}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    Ok(entries)
}

/// The gold files directly in `dir`, `None` when there are none. CoNLL files win
/// over TSV ones when a folder holds both.
fn read_set(dir: &Path) -> Result<Option<Set>> {
    let mut conll = Vec::new();
    let mut gum = Vec::new();
    for p in sorted_entries(dir)? {
        if !p.is_file() {
            continue;
        }
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let read = || std::fs::read_to_string(&p).with_context(|| format!("{}", p.display()));
        if name.ends_with(".conll.txt") || name.ends_with(".conll") {
            conll.push(read()?);
        } else if name.ends_with(".tsv") {
            gum.push(read()?);
        }
    }
    let dir = dir.to_path_buf();
    Ok(match (conll.is_empty(), gum.is_empty()) {
        (false, _) => Some(Set {
            dir,
            format: Format::Conll,
            texts: conll,
        }),
        (true, false) => Some(Set {
            dir,
            format: Format::Gum,
            texts: gum,
        }),
        (true, true) => None,
    })
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Conll => "conll",
        Format::Gum => "gum",
    }
}

fn counts_json(c: &Counts) -> serde_json::Value {
    serde_json::json!({"precision": c.precision(), "recall": c.recall(), "f1": c.f1(), "tp": c.tp, "fp": c.fp, "fn": c.fn_})
}

fn kinds_json(kinds: &[(EntityKind, Counts)]) -> serde_json::Value {
    kinds
        .iter()
        .map(|(k, c)| (k.as_str().to_string(), counts_json(c)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

fn to_json(s: &Set, r: &Report) -> serde_json::Value {
    let halves: Vec<_> = r
        .halves
        .iter()
        .zip(&r.halves_by_kind)
        .map(|(o, k)| serde_json::json!({"overall": counts_json(o), "by_kind": kinds_json(k)}))
        .collect();
    serde_json::json!({
        "data": s.dir.display().to_string(),
        "format": format_name(s.format),
        "documents": r.documents,
        "tokens": r.tokens,
        "overall": counts_json(&r.overall),
        "by_kind": kinds_json(&r.by_kind),
        "halves": halves,
    })
}

fn print(s: &Set, r: &Report) {
    println!(
        "{} ({}): {} documents, {} tokens; entity-level, exact span",
        s.dir.display(),
        format_name(s.format),
        r.documents,
        r.tokens
    );
    println!(
        "{:<8} {:<8} {:>9} {:>7} {:>7} {:>6} {:>6} {:>6}",
        "scope", "type", "precision", "recall", "f1", "tp", "fp", "fn"
    );
    let first = r.documents / 2;
    let scopes = [
        ("all".to_string(), &r.by_kind, &r.overall),
        (format!("1st/{first}"), &r.halves_by_kind[0], &r.halves[0]),
        (
            format!("2nd/{}", r.documents - first),
            &r.halves_by_kind[1],
            &r.halves[1],
        ),
    ];
    for (scope, kinds, overall) in scopes {
        let rows = kinds
            .iter()
            .map(|(k, c)| (k.as_str(), c))
            .chain([("overall", overall)]);
        for (name, c) in rows {
            println!(
                "{:<8} {:<8} {:>9.3} {:>7.3} {:>7.3} {:>6} {:>6} {:>6}",
                scope,
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            );
        }
    }
}

/// Writes every error, one per line as TSV (set, document, half, error, gold
/// kind, predicted kind, the span's words, its sentence around it), for
/// studying one half's errors without looking at the other's.
fn write_errors(sets: &[Set], out: &Path) -> Result<()> {
    use std::fmt::Write as _;
    let mut tsv = String::from("set\tdoc\thalf\terror\tgold\tpredicted\tspan\tcontext\n");
    for set in sets {
        let name = set.dir.file_name().unwrap_or_default().to_string_lossy();
        let docs: Vec<GoldDoc> = set
            .texts
            .iter()
            .flat_map(|t| parse(t, set.format))
            .collect();
        let half = docs.len() / 2;
        for (i, doc) in docs.iter().enumerate() {
            let predicted = predict(doc);
            let words = |r: &std::ops::Range<usize>| doc.tokens[r.clone()].join(" ");
            let context = |r: &std::ops::Range<usize>| {
                let from = r.start.saturating_sub(8);
                let to = (r.end + 8).min(doc.tokens.len());
                format!(
                    "{} [{}] {}",
                    doc.tokens[from..r.start].join(" "),
                    words(r),
                    doc.tokens[r.end..to].join(" ")
                )
            };
            let ignored = |r: &std::ops::Range<usize>| {
                doc.ignore
                    .iter()
                    .any(|x| x.start <= r.start && r.end <= x.end)
            };
            let mut line = |error: &str, gold: &str, got: &str, r: &std::ops::Range<usize>| {
                let _ = writeln!(
                    tsv,
                    "{name}\t{i}\t{}\t{error}\t{gold}\t{got}\t{}\t{}",
                    1 + usize::from(i >= half),
                    words(r),
                    context(r)
                );
            };
            for (r, k) in &predicted {
                if doc.entities.iter().any(|(g, gk)| g == r && gk == k) || ignored(r) {
                    continue;
                }
                match doc.entities.iter().find(|(g, _)| g == r) {
                    Some((_, gk)) => line("kind", gk.as_str(), k.as_str(), r),
                    None => line("spurious", "", k.as_str(), r),
                }
            }
            for (g, gk) in &doc.entities {
                if predicted.iter().any(|(r, _)| r == g) {
                    continue;
                }
                line("missed", gk.as_str(), "", g);
            }
        }
    }
    std::fs::write(out, tsv).with_context(|| format!("writing {}", out.display()))
}
