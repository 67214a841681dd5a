//! `folio build ARTICLES_DIR --out SITE_DIR`: a static site of a folder of
//! articles — the built app with that corpus as its bundled one, and the same as
//! one file. The app is not recompiled: it reads its corpus from `corpus.json`
//! beside it, and every URL in it is relative, so the site works from any host
//! and sub-path (GitHub Pages project sites included).

use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use folio_core::{extract_document, Article, Corpus};

/// Builds the site; per-file errors are reported and never stop the batch.
pub fn build(articles: &Path, out: &Path, app: &Path, title: Option<&str>) -> Result<ExitCode> {
    let started = Instant::now();
    if !app.join("index.html").is_file() {
        bail!(
            "{} is not a built app (no index.html): run `trunk build --release --offline` first, or pass --app DIST",
            app.display()
        );
    }
    if !articles.is_dir() {
        bail!("{}: not a folder of articles", articles.display());
    }
    let (sources, failed) = crate::read_all(&[articles.to_path_buf()]);
    let extracted = extract_all(sources);
    let corpus = Corpus::from_articles(extracted);
    copy_app(app, out)?;
    let mut index = std::fs::read_to_string(out.join("index.html"))?;
    if let Some(t) = title {
        let escaped = t
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        index = index.replacen(
            "<title>Folio</title>",
            &format!("<title>{escaped}</title>"),
            1,
        );
        std::fs::write(out.join("index.html"), &index)?;
    }
    let json = folio_core::bundle::to_json_compact(&corpus.extraction());
    std::fs::write(out.join("corpus.json"), &json).context("write corpus.json")?;
    crate::cmd_onefile(out, &out.join("folio.html"))?;
    let quotes: usize = corpus.articles.iter().map(|a| a.quotes.len()).sum();
    eprintln!(
        "folio: {} articles, {} entities, {} quotes → {} ({:.1} s)",
        corpus.articles.len(),
        corpus.entities.len(),
        quotes,
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Extracts every source on all cores, with a progress bar on the terminal.
fn extract_all(sources: Vec<folio_core::Source>) -> Vec<Article> {
    let total = sources.len();
    let bar = indicatif::ProgressBar::new(total as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} articles  {msg}")
            .expect("a valid template"),
    );
    let done = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = total.div_ceil(threads).max(1);
    let mut out: Vec<Article> = Vec::with_capacity(total);
    std::thread::scope(|scope| {
        let handles: Vec<_> = sources
            .chunks(chunk)
            .map(|part| {
                let (bar, done) = (&bar, &done);
                scope.spawn(move || {
                    part.iter()
                        .map(|s| {
                            let a = extract_document(&s.file, &s.raw, &s.meta);
                            bar.set_position(done.fetch_add(1, Ordering::Relaxed) as u64 + 1);
                            a
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            out.extend(h.join().expect("an extraction thread panicked"));
        }
    });
    bar.finish_and_clear();
    out
}

/// Copies the built app, leaving out its own corpus and one-file copy.
fn copy_app(app: &Path, out: &Path) -> Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("{}", out.display()))?;
    for entry in walk(app)? {
        let rel = entry.strip_prefix(app)?;
        let name = rel.to_string_lossy();
        if name == "corpus.json" || name == "folio.html" || name.starts_with(".stage") {
            continue;
        }
        let dest = out.join(rel);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(&entry, &dest).with_context(|| format!("{}", entry.display()))?;
    }
    Ok(())
}

fn walk(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("{}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            files.extend(walk(&path)?);
        } else {
            files.push(path);
        }
    }
    Ok(files)
}
