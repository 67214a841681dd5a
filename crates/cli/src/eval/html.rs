//! `folio eval html DIR`: scores the HTML extractor on a folder of saved pages
//! with gold, printing the set's own figures.

use std::path::Path;

#[cfg(not(feature = "html"))]
use anyhow::bail;
#[cfg(feature = "html")]
use anyhow::Context;
use anyhow::Result;

/// A page as the reader shows it: the HTML stage's body and metadata, its
/// body through the cleaning stage every imported page goes through, so
/// that the figures are those of the text a user reads.
#[cfg(feature = "html")]
fn as_read(html: &str) -> folio_core::extract::html::HtmlDocument {
    let mut doc = folio_core::extract::html::extract_html(html);
    doc.text = folio_core::extract::clean::clean(&doc.text).text;
    doc
}

/// `folio eval html DIR`: runs [`folio_core::extract::html::extract_html`]
/// and the cleaning stage ([`as_read`]) on every page of the article-extraction benchmark (`DIR/html/<id>.html.gz`,
/// truth in `DIR/ground-truth.json`) and prints the benchmark's own figures
/// ([`folio_core::eval_html`]) and the extraction speed. `predictions_out`
/// receives `{id: {"articleBody": ...}}` for the reference scorer.
#[cfg(feature = "html")]
pub fn html(dir: &Path, predictions_out: Option<&Path>, json: bool) -> Result<()> {
    if dir.join("ground-truth.json").is_file() {
        benchmark(dir, predictions_out, json)
    } else {
        pieces(dir, predictions_out, json)
    }
}

/// A saved page's bytes: both sets ship them gzipped.
#[cfg(feature = "html")]
fn read_gz(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_end(&mut raw)
        .with_context(|| format!("{}", path.display()))?;
    Ok(raw)
}

/// The article-extraction benchmark: whole-body truth, shingle overlap.
#[cfg(feature = "html")]
fn benchmark(dir: &Path, predictions_out: Option<&Path>, json: bool) -> Result<()> {
    use folio_core::eval_html::{page_counts, Score};

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
        let raw = read_gz(&dir.join("html").join(format!("{id}.html.gz")))?;
        pages.push(String::from_utf8_lossy(&raw).into_owned());
    }
    let start = std::time::Instant::now();
    let predicted: Vec<String> = pages.iter().map(|p| as_read(p).text).collect();
    let seconds = start.elapsed().as_secs_f64();
    let counts: Vec<_> = ids
        .iter()
        .zip(&predicted)
        .map(|(id, pred)| {
            let body = truth[id.as_str()]["articleBody"].as_str().unwrap_or("");
            page_counts(body, pred)
        })
        .collect();
    let score = Score::from_pages(counts.iter().copied());
    let mid = half(counts.len());
    let halves = [
        Score::from_pages(counts[..mid].iter().copied()),
        Score::from_pages(counts[mid..].iter().copied()),
    ];
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
            "halves": halves.iter().map(|h| serde_json::json!({
                "pages": h.pages, "precision": h.precision, "recall": h.recall, "f1": h.f1,
            })).collect::<Vec<_>>(),
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
        for (name, h) in ["first half", "second half"].iter().zip(&halves) {
            println!(
                "  {name}: pages {} P {:.3} R {:.3} F1 {:.3}",
                h.pages, h.precision, h.recall, h.f1
            );
        }
    }
    Ok(())
}

/// Where the second half of `n` pages sorted by name begins (the first half
/// takes the odd page).
fn half(n: usize) -> usize {
    n.div_ceil(2)
}

/// One metadata field's tally over a set of pages.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    /// Pages whose gold is non-empty.
    annotated: usize,
    /// Of those, pages whose output matches.
    matched: usize,
    /// Pages whose gold is `""` but the output is not empty.
    spurious: usize,
}

impl Tally {
    fn add(&mut self, field: folio_core::eval_html::Field, gold: Option<&str>, out: Option<&str>) {
        let out = out.unwrap_or("");
        match gold {
            None => {}
            Some(g) if g.trim().is_empty() => self.spurious += usize::from(!out.trim().is_empty()),
            Some(g) => {
                self.annotated += 1;
                if folio_core::eval_html::field_matches(field, g, out) {
                    self.matched += 1;
                }
            }
        }
    }

    fn share(&self) -> f64 {
        if self.annotated == 0 {
            0.0
        } else {
            self.matched as f64 / self.annotated as f64
        }
    }

    fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "annotated": self.annotated, "matched": self.matched,
            "share": self.share(), "spurious": self.spurious,
        })
    }
}

/// A part of a pieces set's figures: body counts, the fields, empty bodies.
#[derive(Debug, Clone, Copy, Default)]
struct Part {
    pages: usize,
    body: folio_core::eval_html::SegmentCounts,
    title_exact: Tally,
    title_loose: Tally,
    byline: Tally,
    date: Tally,
    outlet: Tally,
    empty: usize,
}

impl Part {
    fn line(&self, name: &str) -> String {
        let t = |t: &Tally| {
            format!(
                "{:.3} ({}/{}, spurious {})",
                t.share(),
                t.matched,
                t.annotated,
                t.spurious
            )
        };
        format!(
            "{name}: pages {} body P {:.3} R {:.3} F1 {:.3} (tp {} fp {} fn {}) empty {}\n  \
             title loose {}  exact {}\n  byline {}\n  date {}\n  outlet {}",
            self.pages,
            self.body.precision(),
            self.body.recall(),
            self.body.f1(),
            self.body.tp,
            self.body.fp,
            self.body.fn_,
            self.empty,
            t(&self.title_loose),
            t(&self.title_exact),
            t(&self.byline),
            t(&self.date),
            t(&self.outlet),
        )
    }

    fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "pages": self.pages,
            "body": {
                "precision": self.body.precision(), "recall": self.body.recall(),
                "f1": self.body.f1(), "tp": self.body.tp, "fp": self.body.fp, "fn": self.body.fn_,
            },
            "empty_bodies": self.empty,
            "title_loose": self.title_loose.json(),
            "title_exact": self.title_exact.json(),
            "byline": self.byline.json(),
            "date": self.date.json(),
            "outlet": self.outlet.json(),
        })
    }
}

/// A set of saved pages with gold pieces (`DIR/<id>.html.gz` beside
/// `DIR/<id>.json` holding `with`, `without` and optional `title`, `byline`,
/// `published`, `site_name`), scored as the set's README defines
/// ([`folio_core::eval_html::SegmentCounts`], [`folio_core::eval_html::field_matches`]).
/// `predictions_out` receives each page's output fields beside its gold and
/// the pieces missed or wrongly kept, for error study.
#[cfg(feature = "html")]
fn pieces(dir: &Path, predictions_out: Option<&Path>, json: bool) -> Result<()> {
    use anyhow::bail;
    use folio_core::eval_html::{Field, SegmentCounts};

    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("{}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let id = name.strip_suffix(".html.gz")?.to_string();
            dir.join(format!("{id}.json")).is_file().then_some(id)
        })
        .collect();
    ids.sort();
    if ids.is_empty() {
        bail!(
            "{}: neither ground-truth.json (article-extraction benchmark) nor <id>.html.gz with <id>.json",
            dir.display()
        );
    }
    let mut golds = Vec::with_capacity(ids.len());
    let mut pages = Vec::with_capacity(ids.len());
    for id in &ids {
        let gp = dir.join(format!("{id}.json"));
        let gold: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(&gp).with_context(|| format!("{}", gp.display()))?,
        )
        .with_context(|| format!("{}", gp.display()))?;
        golds.push(gold);
        let raw = read_gz(&dir.join(format!("{id}.html.gz")))?;
        pages.push(folio_core::extract::decode::decode(&raw).unwrap_or_default());
    }
    let start = std::time::Instant::now();
    let docs: Vec<_> = pages.iter().map(|p| as_read(p)).collect();
    let seconds = start.elapsed().as_secs_f64();
    let per_second = pages.len() as f64 / seconds.max(1e-9);

    let mid = half(ids.len());
    let mut parts = [Part::default(); 3];
    let mut dump = Vec::new();
    for (i, (gold, doc)) in golds.iter().zip(&docs).enumerate() {
        let strs = |k: &str| -> Vec<&str> {
            gold[k]
                .as_array()
                .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
                .unwrap_or_default()
        };
        let (with, without) = (strs("with"), strs("without"));
        let body = SegmentCounts::of_page(&doc.text, with.iter().copied(), without.iter().copied());
        let g = |k: &str| gold.get(k).and_then(|v| v.as_str());
        let m = &doc.meta;
        for k in [0, if i < mid { 1 } else { 2 }] {
            let p = &mut parts[k];
            p.pages += 1;
            p.body.add(body);
            if doc.text.trim().is_empty() {
                p.empty += 1;
            }
            p.title_exact
                .add(Field::TitleExact, g("title"), m.title.as_deref());
            p.title_loose
                .add(Field::TitleLoose, g("title"), m.title.as_deref());
            p.byline
                .add(Field::Byline, g("byline"), m.byline.as_deref());
            p.date
                .add(Field::Date, g("published"), m.published.as_deref());
            p.outlet
                .add(Field::SiteName, g("site_name"), m.outlet.as_deref());
        }
        dump.push(serde_json::json!({
            "id": ids[i], "half": if i < mid { 1 } else { 2 }, "url": g("url"),
            "body": {"tp": body.tp, "fp": body.fp, "fn": body.fn_},
            "missed": with.iter().filter(|w| !folio_core::eval_html::base(&doc.text).contains(&folio_core::eval_html::base(w))).collect::<Vec<_>>(),
            "found_boilerplate": without.iter().filter(|w| folio_core::eval_html::base(&doc.text).contains(&folio_core::eval_html::base(w))).collect::<Vec<_>>(),
            "title": [g("title"), m.title.as_deref()],
            "byline": [g("byline"), m.byline.as_deref()],
            "published": [g("published"), m.published.as_deref()],
            "site_name": [g("site_name"), m.outlet.as_deref()],
            "words": doc.text.split_whitespace().count(),
        }));
    }
    if let Some(out) = predictions_out {
        std::fs::write(out, serde_json::to_string_pretty(&dump)?)
            .with_context(|| format!("{}", out.display()))?;
    }
    if json {
        let v = serde_json::json!({
            "data": dir.display().to_string(),
            "all": parts[0].json(),
            "first_half": parts[1].json(),
            "second_half": parts[2].json(),
            "pages_per_second": per_second,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!(
            "{}  ({:.0} pages/s, {:.2} s extraction)",
            dir.display(),
            per_second,
            seconds
        );
        for (name, p) in ["all", "first half", "second half"].iter().zip(&parts) {
            println!("{}", p.line(name));
        }
    }
    Ok(())
}

/// Without the `html` feature there is no HTML extractor to score.
#[cfg(not(feature = "html"))]
pub fn html(_dir: &Path, _predictions_out: Option<&Path>, _json: bool) -> Result<()> {
    bail!("eval html: this folio was built without the html feature")
}
