//! Measures a built Folio site in headless Chromium against a local static
//! server that compresses as GitHub Pages does (text, JSON, JS and wasm
//! gzipped on the fly; `.gz` files sent as they are): the bytes and time of
//! the first load, of a typical query, of a typo query and of opening an
//! entity page. Each is measured in a fresh browser profile (nothing cached),
//! `RUNS` times; the median is printed, with the bytes the server sent and,
//! for a sharded site, what those shard files hold uncompressed.
//!
//! Usage: `cargo run --release -p folio-e2e --bin site-bench -- SITE_DIR
//! [--query Q] [--typo Q] [--entity ID] [--runs N]`
//! (`scripts/bench-site.sh` builds the 100,000-article site and runs this).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::Client;
use folio_e2e::*;

/// What one measurement saw.
#[derive(Debug, Clone, Default)]
struct Seen {
    ms: f64,
    bytes: usize,
    inflated: usize,
    requests: usize,
}

struct Site {
    dir: PathBuf,
    sharded: bool,
}

/// The server's log since `from`: bytes sent, shard bytes uncompressed, requests.
fn tally(site: &Site, log: &ServedLog, from: usize) -> (usize, usize, usize) {
    let log = log.lock().expect("log");
    let mut bytes = 0;
    let mut inflated = 0;
    for (path, n) in &log[from..] {
        bytes += n;
        let rel = path.strip_prefix(SUB_PATH).unwrap_or(path);
        if rel.ends_with(".gz") {
            inflated += gunzipped_len(&site.dir.join(rel));
        }
    }
    (bytes, inflated, log.len() - from)
}

fn gunzipped_len(path: &Path) -> usize {
    let Ok(file) = std::fs::File::open(path) else {
        return 0;
    };
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut out)
        .map_or(0, |_| out.len())
}

/// Polls `ready` (a JS expression) every 2 ms in the page; resolves with the
/// page's clock (ms since navigation) when it holds.
const POLL: &str = r#"
const [ready, done] = arguments;
(function poll() {
  let ok = false;
  try { ok = !!eval(ready); } catch (_) {}
  if (ok) done(performance.now()); else setTimeout(poll, 2);
})();
"#;

/// Sets the hash and resolves with the ms until `ready` holds.
const NAVIGATE: &str = r#"
const [hash, ready, done] = arguments;
const t0 = performance.now();
location.hash = hash;
(function poll() {
  let ok = false;
  try { ok = !!eval(ready); } catch (_) {}
  if (ok) done(performance.now() - t0); else setTimeout(poll, 2);
})();
"#;

async fn first_load(c: &Client, site: &Site, base: &str) -> f64 {
    c.goto(&format!("{base}#/")).await.expect("open the site");
    let ready = if site.sharded {
        "/articles/.test(document.querySelector('.library [role=status]')?.textContent || '') && document.querySelectorAll('.library .chip').length > 0"
    } else {
        "document.querySelectorAll('.card').length > 0"
    };
    let v = c
        .execute_async(POLL, vec![ready.into()])
        .await
        .expect("the site opens");
    v.as_f64().unwrap_or(f64::NAN)
}

async fn navigate(c: &Client, hash: &str, ready: &str) -> f64 {
    let v = c
        .execute_async(NAVIGATE, vec![hash.into(), ready.into()])
        .await
        .expect("the view shows");
    v.as_f64().unwrap_or(f64::NAN)
}

fn percent(q: &str) -> String {
    q.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// One fresh browser: the first load, then `step` (a hash and its ready test)
/// if given.
async fn session(site: &Site, step: Option<(&str, String)>) -> (Seen, Option<Seen>) {
    let log: ServedLog = Default::default();
    let (addr, server) = serve_logged(site.dir.clone(), Some(log.clone())).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");
    let ms = first_load(&c, site, &base).await;
    // Let anything the load started (the service worker's caching) finish,
    // so it is not counted against the step.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let (bytes, inflated, requests) = tally(site, &log, 0);
    let load = Seen {
        ms,
        bytes,
        inflated,
        requests,
    };
    let mut after = None;
    if let Some((hash, ready)) = step {
        let from = log.lock().expect("log").len();
        let ms = navigate(&c, hash, &ready).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let (bytes, inflated, requests) = tally(site, &log, from);
        after = Some(Seen {
            ms,
            bytes,
            inflated,
            requests,
        });
    }
    let _ = c.close().await;
    server.abort();
    (load, after)
}

fn median(mut v: Vec<Seen>) -> Seen {
    v.sort_by(|a, b| a.ms.total_cmp(&b.ms));
    v.get(v.len() / 2).cloned().unwrap_or_default()
}

fn row(what: &str, s: &Seen) {
    println!(
        "{what:<34} {:>9.1} ms {:>10.1} kB {:>12.1} kB {:>6}",
        s.ms,
        s.bytes as f64 / 1000.0,
        s.inflated as f64 / 1000.0,
        s.requests
    );
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let mut query = "government minister".to_string();
    let mut typo = "goverment".to_string();
    let mut entity: Option<String> = None;
    let mut runs = 3usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--query" => query = args.next().expect("--query Q"),
            "--typo" => typo = args.next().expect("--typo Q"),
            "--entity" => entity = args.next(),
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir =
        dir.expect("usage: site-bench SITE_DIR [--query Q] [--typo Q] [--entity ID] [--runs N]");
    let manifest = dir.join("shards/manifest.json");
    let sharded = manifest.is_file();
    let entity = entity.or_else(|| {
        let m: serde_json::Value = serde_json::from_slice(&std::fs::read(&manifest).ok()?).ok()?;
        // A middling entity: the most mentioned ones are not the typical page.
        let list = m["entities"].as_array()?;
        list.get(list.len() / 10)?["id"].as_str().map(String::from)
    });
    let site = Site { dir, sharded };
    println!(
        "site: {} ({}), {runs} runs each, medians",
        site.dir.display(),
        if sharded {
            "sharded"
        } else {
            "one corpus.json"
        }
    );
    println!(
        "{:<34} {:>12} {:>13} {:>15} {:>6}",
        "", "latency", "transferred", "shards inflated", "files"
    );
    let answered = |q: &str| {
        format!(
            "document.querySelector('.search-main')?.dataset.answered === {}",
            serde_json::Value::from(q)
        )
    };
    let mut loads = Vec::new();
    let mut steps: Vec<(String, Vec<Seen>)> = Vec::new();
    let mut plan: Vec<(String, String, String)> = vec![
        (
            format!("query “{query}”"),
            format!("#/search?q={}", percent(&query)),
            answered(&query),
        ),
        (
            format!("typo query “{typo}”"),
            format!("#/search?q={}", percent(&typo)),
            answered(&typo),
        ),
    ];
    if let Some(id) = &entity {
        plan.push((
            format!("entity page {id}"),
            format!("#/entity/{}", percent(id)),
            "document.querySelectorAll('.kwic tr').length > 0".to_string(),
        ));
    }
    for (what, hash, ready) in &plan {
        let mut seen = Vec::new();
        for _ in 0..runs {
            let (load, step) = session(&site, Some((hash, ready.clone()))).await;
            loads.push(load);
            seen.extend(step);
        }
        steps.push((what.clone(), seen));
    }
    row("first load (to the library shown)", &median(loads));
    for (what, seen) in steps {
        row(&what, &median(seen));
    }
}
