//! `folio eval html DIR`: scores the HTML extractor on a folder of saved pages
//! with gold, printing the set's own figures.

use std::path::Path;

#[cfg(not(feature = "html"))]
use anyhow::bail;
#[cfg(feature = "html")]
use anyhow::Context;
use anyhow::Result;

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
