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

/// `folio eval html DIR`: runs [`folio_core::extract::html::extract_html`] on
/// every page of the article-extraction benchmark (`DIR/html/<id>.html.gz`,
/// truth in `DIR/ground-truth.json`) and prints the benchmark's own figures
/// ([`folio_core::eval_html`]) and the extraction speed. `predictions_out`
/// receives `{id: {"articleBody": ...}}` for the reference scorer.
#[cfg(feature = "html")]
pub fn html(dir: &Path, predictions_out: Option<&Path>, json: bool) -> Result<()> {
    use folio_core::eval_html::{page_counts, Score};
    use folio_core::extract::html::extract_html;
    use std::io::Read;

    let truth_path = dir.join("ground-truth.json");
    let truth: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(&truth_path)
            .with_context(|| format!("{}", truth_path.display()))?,
    )
    .with_context(|| format!("{}", truth_path.display()))?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut pages = Vec::with_capacity(ids.len());
    for id in &ids {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let bytes = std::fs::read(&path).with_context(|| format!("{}", path.display()))?;
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut raw)
            .with_context(|| format!("{}", path.display()))?;
        pages.push(String::from_utf8_lossy(&raw).into_owned());
    }
    let start = std::time::Instant::now();
    let predicted: Vec<String> = pages.iter().map(|p| extract_html(p).text).collect();
    let seconds = start.elapsed().as_secs_f64();
    let counts = ids.iter().zip(&predicted).map(|(id, pred)| {
        let body = truth[id.as_str()]["articleBody"].as_str().unwrap_or("");
        page_counts(body, pred)
    });
    let score = Score::from_pages(counts);
    let per_second = pages.len() as f64 / seconds.max(1e-9);
    if let Some(out) = predictions_out {
        let map: serde_json::Map<String, serde_json::Value> = ids
            .iter()
            .zip(&predicted)
            .map(|(id, p)| ((*id).clone(), serde_json::json!({ "articleBody": p })))
            .collect();
        std::fs::write(out, serde_json::to_string(&map)?)
            .with_context(|| format!("{}", out.display()))?;
    }
    if json {
        let v = serde_json::json!({
            "data": dir.display().to_string(),
            "pages": score.pages,
            "precision": score.precision,
            "recall": score.recall,
            "f1": score.f1,
            "pages_per_second": per_second,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!(
            "{}: pages {} P {:.3} R {:.3} F1 {:.3}  ({:.0} pages/s, {:.2} s extraction)",
            dir.display(),
            score.pages,
            score.precision,
            score.recall,
            score.f1,
            per_second,
            seconds
        );
    }
    Ok(())
}

/// Without the `html` feature there is no HTML extractor to score.
#[cfg(not(feature = "html"))]
pub fn html(_dir: &Path, _predictions_out: Option<&Path>, _json: bool) -> Result<()> {
    bail!("eval html: this folio was built without the html feature")
}
