//! `folio build ARTICLES_DIR --out SITE_DIR`: a static site of a folder of
//! articles — the built app with that corpus as its bundled one, and the same as
//! one file. The app is not recompiled: it reads its corpus from `corpus.json`
//! beside it, and every URL in it is relative, so the site works from any host
//! and sub-path (GitHub Pages project sites included).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use folio_core::text::Spans;
use folio_core::{extract_document_with_spans, Article, Builder, Corpus, Source};

/// Whether the site's index is sharded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shards {
    /// Above [`folio_core::search::shard::SHARD_ABOVE`] articles.
    Auto,
    /// Always (a small site exercising the large-site path).
    Always,
    /// Never: one `corpus.json` whatever the size.
    Never,
}

/// What `folio build` may be told besides its folders.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The page title.
    pub title: Option<&'a str>,
    /// The outlet of every article whose metadata names none (a folder of one
    /// publication's articles).
    pub outlet: Option<&'a str>,
    /// Whether to shard the index.
    pub shards: Shards,
    /// Corrections by hand to apply (besides those the bundles read carry).
    pub corrections: &'a [folio_core::corrections::Correction],
}

/// mimalloc's `mi_option_purge_delay`: its place in `mi_option_e` (mimalloc.h,
/// the same in mimalloc 2 and 3); libmimalloc-sys names the options on either
/// side of it but not this one.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Builds the site; per-file errors are reported and never stop the batch.
pub fn build(articles: &Path, out: &Path, app: &Path, options: Options) -> Result<ExitCode> {
    // A build frees and allocates gigabytes as it goes, and every page
    // mimalloc handed back to the kernel was faulted in and zeroed again on its
    // next use: 100,000 articles took 13.6 s of system time with the default
    // purge delay, 10.1 s with none. So a build keeps what it frees until it
    // exits. (Only here: `extract --jsonl` must hold flat memory for hours.)
    // SAFETY: sets one of mimalloc's options to a value it documents (-1: never
    // purge); options may be set at any time.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
    let Options {
        title,
        outlet,
        shards,
        corrections,
    } = options;
    let started = Instant::now();
    if !app.join("index.html").is_file() {
        bail!(
            "{} is not a built app (no index.html): run `trunk build --release --offline` first, or pass --app DIST",
            app.display()
        );
    }
    let readable = articles.is_dir()
        || (articles.is_file()
            && matches!(
                crate::input_of(articles.to_path_buf()),
                crate::Input::Lines(_) | crate::Input::Bundle(_)
            ));
    if !readable {
        bail!(
            "{}: not a folder of articles, a .jsonl file of them, nor a Folio bundle (.json)",
            articles.display()
        );
    }
    let (builder, bytes, failed) = read_and_extract(articles, outlet);
    if builder.is_empty() {
        bail!(
            "no articles to build: nothing readable in {} (folio reads {}); nothing written to {}",
            articles.display(),
            crate::READS,
            out.display()
        );
    }
    let extracted_at = started.elapsed();
    let mut corpus = builder.finish();
    let fixes = crate::correct(&mut corpus, corrections);
    let indexed_at = started.elapsed();
    let sharded = match shards {
        Shards::Auto => corpus.articles.len() > folio_core::search::shard::SHARD_ABOVE,
        Shards::Always => true,
        Shards::Never => false,
    };
    forget_previous(out)?;
    let mut written = copy_app(app, out)?;
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
    if sharded {
        // The page names the shards and no longer preloads a corpus.json.
        let preload = "<link rel=\"preload\" href=\"./corpus.json\" as=\"fetch\" crossorigin=\"anonymous\" />";
        index = index.replacen(
            preload,
            &format!(
                "<meta name=\"{}\" content=\"{}\" />",
                folio_core::search::shard::META_NAME,
                folio_core::search::shard::MANIFEST
            ),
            1,
        );
        if !index.contains(folio_core::search::shard::META_NAME) {
            bail!(
                "{}: the app's page has no corpus preload to replace; is it a Folio build?",
                app.display()
            );
        }
        std::fs::write(out.join("index.html"), &index)?;
        let stats = write_shards(&corpus, out)?;
        eprintln!(
            "folio: sharded index: {} files, {} ({} postings shards, {} lexicon buckets); \
             no folio.html (a sharded corpus is many files by design)",
            stats.files,
            folio_core::format::human_bytes(stats.bytes as u64),
            stats.postings,
            stats.lexicon,
        );
    } else {
        let json = folio_core::bundle::to_json_compact(&corpus.extraction(), &fixes);
        std::fs::write(out.join("corpus.json"), &json).context("write corpus.json")?;
        crate::cmd_onefile(out, &out.join("folio.html"))?;
    }
    written.extend(if sharded {
        vec![folio_core::search::shard::DIR.to_string()]
    } else {
        vec!["corpus.json".to_string(), "folio.html".to_string()]
    });
    std::fs::write(out.join(WRITTEN), written.join("\n") + "\n")
        .with_context(|| format!("{}", out.join(WRITTEN).display()))?;
    let quotes: usize = corpus.articles.iter().map(|a| a.quotes.len()).sum();
    let secs = started.elapsed().as_secs_f64();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    eprintln!(
        "folio: {} articles ({} of text), {} entities, {} quotes → {} in {:.1} s \
         (reading, extraction and index {:.1} s on {threads} thread{}, merge {:.1} s, writing {:.1} s)",
        corpus.articles.len(),
        folio_core::format::human_bytes(bytes as u64),
        corpus.entities.len(),
        quotes,
        out.display(),
        secs,
        extracted_at.as_secs_f64(),
        if threads == 1 { "" } else { "s" },
        (indexed_at - extracted_at).as_secs_f64(),
        secs - indexed_at.as_secs_f64(),
    );
    // The process ends here: freeing a corpus of 100,000 articles piece by
    // piece took 3% of a build, for nothing.
    std::mem::forget(corpus);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// libdeflate's compression level for the shards (see `write_shards`): the
/// fastest. On 10,000 generated articles it wrote 43.1 MB; level 6 wrote
/// 40.4 MB in twice the time (perf), and a query fetches a few files.
const LEVEL: i32 = 1;

/// Writes the sharded index under `out`: the core serialises the files one by
/// one, and threads on the other cores gzip (the paths ending in `.gz`) and
/// write them, which is most of the work.
fn write_shards(corpus: &Corpus, out: &Path) -> Result<folio_core::search::shard::ShardStats> {
    let dir = out.join(folio_core::search::shard::DIR);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("{}", dir.display()))?;
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Files go to the writers in batches: one hand-over per file made the
    // threads wake and sleep 100,000 times.
    const BATCH: usize = 32;
    type Batch = Vec<(std::path::PathBuf, Vec<u8>)>;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(8);
    let rx = std::sync::Mutex::new(rx);
    let made = std::sync::Mutex::new(std::collections::HashSet::<std::path::PathBuf>::new());
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let (rx, made) = (&rx, &made);
                let mut gzip = libdeflater::Compressor::new(
                    libdeflater::CompressionLvl::new(LEVEL).expect("a valid level"),
                );
                let mut packed = Vec::new();
                let mut last: Option<std::path::PathBuf> = None;
                scope.spawn(move || -> std::io::Result<()> {
                    loop {
                        let next = rx
                            .lock()
                            .map_err(|_| std::io::Error::other("poisoned"))?
                            .recv();
                        let Ok(batch) = next else {
                            return Ok(());
                        };
                        for (dest, bytes) in batch {
                            // Files come grouped by folder, so a folder is only
                            // looked up when it changes.
                            let parent = dest.parent().filter(|p| Some(*p) != last.as_deref());
                            if let Some(parent) = parent {
                                // Made under the lock, so no thread writes into a
                                // folder another is still making.
                                let mut made =
                                    made.lock().map_err(|_| std::io::Error::other("poisoned"))?;
                                if made.insert(parent.to_path_buf()) {
                                    std::fs::create_dir_all(parent)?;
                                }
                                last = Some(parent.to_path_buf());
                            }
                            if dest.extension().is_some_and(|e| e == "gz") {
                                let bound = gzip.gzip_compress_bound(bytes.len());
                                packed.resize(bound, 0);
                                let n = gzip
                                    .gzip_compress(&bytes, &mut packed)
                                    .map_err(|e| std::io::Error::other(format!("gzip: {e:?}")))?;
                                std::fs::write(&dest, &packed[..n])?;
                            } else {
                                std::fs::write(&dest, &bytes)?;
                            }
                        }
                    }
                })
            })
            .collect();
        let stopped = |_| std::io::Error::other("a writer thread stopped");
        let mut batch: Batch = Vec::with_capacity(BATCH);
        let stats = folio_core::search::shard::write(
            &corpus.index,
            &corpus.articles,
            &corpus.entities,
            &mut |path, bytes| {
                batch.push((out.join(path), bytes.to_vec()));
                if batch.len() == BATCH {
                    tx.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)))
                        .map_err(stopped)?;
                }
                Ok(())
            },
        )
        .and_then(|stats| tx.send(batch).map(|()| stats).map_err(stopped));
        drop(tx);
        for w in workers {
            w.join().expect("a writer thread panicked")?;
        }
        stats
    })
    .context("write the sharded index")
}

/// What to read: a file (and its sidecar), one line of a JSON-lines file, or
/// a Folio bundle (many articles, extracted already).
enum Item {
    File(PathBuf),
    Line(Arc<Path>, usize, String),
    Bundle(PathBuf),
}

/// What an item gave: a source to extract, or a bundle's articles.
enum Read {
    Source(Source),
    Articles(Vec<Article>),
}

impl Item {
    fn read(self) -> Result<Read> {
        match self {
            Item::File(p) => crate::read_source(&p).map(Read::Source),
            Item::Line(p, n, line) => crate::line_source(&p, n, &line).map(Read::Source),
            Item::Bundle(p) => crate::read_bundle(&p).map(Read::Articles),
        }
    }
}

/// Reads, extracts and indexes every article under `articles` (a folder, or a
/// `.jsonl` file), with a progress bar on the terminal; returns the unmerged
/// corpus, the bytes of text read, and whether any article failed (each
/// failure is one line on stderr, and the batch goes on).
///
/// A thread lists the files (and reads JSON-lines files line by line) and
/// hands them out in numbered batches; threads on every core read and extract
/// them; this thread indexes the articles in input order as they come back, so
/// indexing overlaps extraction and no core waits for a static share. Each
/// source is dropped once extracted, and the hand-over queues are bounded, so
/// the build holds the articles, never the whole text they came from.
fn read_and_extract(articles: &Path, outlet: Option<&str>) -> (Builder, usize, bool) {
    const BATCH: usize = 64;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let files = crate::inputs(&[articles.to_path_buf()]);
    // Counted in inputs: each file is one, and each line of a JSON-lines
    // file adds one as it is read.
    let listed = files
        .iter()
        .flatten()
        .filter(|p| !matches!(p, crate::Input::Lines(_)))
        .count();
    let bar = indicatif::ProgressBar::new(listed as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} articles  {eta}")
            .expect("a valid template"),
    );
    let failed = AtomicBool::new(false);
    let bytes = AtomicUsize::new(0);
    let report = |e: anyhow::Error| {
        bar.suspend(|| eprintln!("folio: {e:#}"));
        failed.store(true, Ordering::Relaxed);
    };
    let (work_tx, work_rx) = std::sync::mpsc::sync_channel::<(usize, Vec<Item>)>(2 * threads);
    let work_rx = std::sync::Mutex::new(work_rx);
    let (done_tx, done_rx) =
        std::sync::mpsc::sync_channel::<(usize, Vec<Vec<(Article, Option<Spans>)>>)>(4 * threads);
    let mut builder = Builder::default();
    std::thread::scope(|scope| {
        let (report, lister_bar) = (&report, &bar);
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let mut seq = 0;
            let mut hand = |item: Item, batch: &mut Vec<Item>| {
                batch.push(item);
                if batch.len() == BATCH {
                    // A closed queue means the workers are gone; their
                    // panic is reported where they are joined.
                    let _ = work_tx.send((seq, std::mem::take(batch)));
                    seq += 1;
                }
            };
            for f in files {
                match f {
                    Ok(crate::Input::Lines(p)) => {
                        let path: Arc<Path> = p.into();
                        let listed = crate::each_line(&path, |n, line| {
                            lister_bar.inc_length(1);
                            hand(Item::Line(path.clone(), n, line), &mut batch)
                        });
                        if let Err(e) = listed {
                            report(e);
                        }
                    }
                    Ok(crate::Input::File(p)) => hand(Item::File(p), &mut batch),
                    Ok(crate::Input::Bundle(p)) => hand(Item::Bundle(p), &mut batch),
                    Err(e) => report(e),
                }
            }
            let _ = work_tx.send((seq, batch));
        });
        for _ in 0..threads {
            let (work_rx, done_tx, bar, bytes) = (&work_rx, done_tx.clone(), &bar, &bytes);
            scope.spawn(move || loop {
                let next = match work_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok((seq, items)) = next else {
                    return;
                };
                let extracted = items
                    .into_iter()
                    .map(|item| {
                        bar.inc(1);
                        match item.read() {
                            Ok(Read::Source(mut s)) => {
                                if let Some(outlet) = outlet {
                                    s.meta.outlet.get_or_insert_with(|| outlet.to_string());
                                }
                                bytes.fetch_add(s.raw.len(), Ordering::Relaxed);
                                vec![extract_document_with_spans(&s.file, &s.raw, &s.meta)]
                            }
                            Ok(Read::Articles(articles)) => articles
                                .into_iter()
                                .map(|mut a| {
                                    if let Some(outlet) = outlet {
                                        a.outlet.get_or_insert_with(|| outlet.to_string());
                                    }
                                    bytes.fetch_add(a.text.len(), Ordering::Relaxed);
                                    (a, None)
                                })
                                .collect(),
                            Err(e) => {
                                report(e);
                                Vec::new()
                            }
                        }
                    })
                    .collect();
                if done_tx.send((seq, extracted)).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        // Batches come back in any order; articles are indexed in input order,
        // so a build's ids and files do not depend on thread timing.
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0;
        let mut ids = crate::Ids::default();
        for (seq, articles) in done_rx {
            waiting.insert(seq, articles);
            while let Some(articles) = waiting.remove(&next) {
                for (mut a, spans) in articles.into_iter().flatten() {
                    if let Some(notice) = ids.claim(&mut a) {
                        bar.suspend(|| eprintln!("{notice}"));
                    }
                    builder.push_spans(a, spans.as_ref());
                }
                next += 1;
            }
        }
    });
    bar.finish_and_clear();
    (builder, bytes.into_inner(), failed.into_inner())
}

/// The list of what a build wrote into its site folder, one relative path per
/// line, so the next build into the same folder can remove exactly that: the
/// app's file names carry a hash that changes with each app build, and a site
/// that turns sharded (or back) would otherwise keep a stale `corpus.json` and
/// `folio.html` (or 300 MB of stale shards). Nothing else in the folder is
/// touched (a `CNAME`, a `.nojekyll`).
const WRITTEN: &str = ".folio-written";

/// Removes what the previous build into `out` wrote, as its [`WRITTEN`] list
/// says; only plain relative paths inside `out` are followed.
fn forget_previous(out: &Path) -> Result<()> {
    let Ok(list) = std::fs::read_to_string(out.join(WRITTEN)) else {
        return Ok(());
    };
    for line in list.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let rel = Path::new(line);
        let plain = rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain {
            continue;
        }
        let path = out.join(rel);
        let gone = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        match gone {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(e).with_context(|| format!("remove {}", path.display()));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Copies the built app into `out`, leaving out its own corpus and one-file
/// copy; returns the relative paths written.
fn copy_app(app: &Path, out: &Path) -> Result<Vec<String>> {
    std::fs::create_dir_all(out).with_context(|| format!("{}", out.display()))?;
    let mut written = Vec::new();
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
        written.push(rel.to_string_lossy().replace('\\', "/"));
    }
    Ok(written)
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
