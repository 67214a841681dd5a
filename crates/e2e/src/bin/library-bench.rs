//! Measures the app with a large imported library, as a user meets it: N
//! unique generated articles (plain text, ~5 kB each, with people, places,
//! quotes, dates and numbers) picked through the import panel's file input in
//! headless Chromium against the built `dist/`, then one deleted, the page
//! opened afresh, and the heavy views visited. For each step it prints the
//! time until the page shows the result and the longest main-thread task
//! (the browser's own `longtask` entries) in that time; after the import, the
//! page's memory (the app's wasm linear memory and the JS heap) and, for the
//! views, their DOM size and height.
//!
//! Usage: `cargo run --release -p folio-e2e --bin library-bench -- [--articles
//! 1000,5000] [--dist DIR]` (needs chromedriver, as the e2e tests do).

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, Locator};
use folio_e2e::*;

/// Installed before any of the page's scripts, on every page the session
/// opens: collects the long tasks and keeps the app's wasm memory, which
/// Trunk's loader hands over in its `TrunkApplicationStarted` event.
const OBSERVE: &str = r#"
window.__tasks = [];
try {
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
} catch (_) {}
addEventListener("TrunkApplicationStarted", e => {
  window.__folioMemory = e.detail && e.detail.wasm && e.detail.wasm.memory;
});
"#;

/// Polls `ready` (a JS expression) every 5 ms; resolves with the page's clock
/// when it holds, or -1 after `limit` ms.
const POLL: &str = r#"
const [ready, limit, done] = arguments;
const t0 = performance.now();
(function poll() {
  let ok = false;
  try { ok = !!eval(ready); } catch (_) {}
  if (ok) done(performance.now());
  else if (performance.now() - t0 > limit) done(-1);
  else setTimeout(poll, 5);
})();
"#;

/// A Chrome DevTools command sent through chromedriver's own endpoint.
#[derive(Debug)]
struct Cdp(serde_json::Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.to_string()))
    }
}

/// Deterministic pseudo-random numbers (a 64-bit LCG): the same articles on
/// every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next() % from.len()]
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ren", "sa", "tor", "vi", "da", "nel", "po", "ri", "sun", "te", "bra", "gon",
    "ha", "ju", "mar", "os", "quin",
];
const ROLES: &[&str] = &["Mayor", "Minister", "President", "Governor", "Senator"];
const NOUNS: &[&str] = &[
    "bridge",
    "harbour",
    "school",
    "clinic",
    "railway",
    "market",
    "reservoir",
    "airport",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A capitalised invented word of two or three syllables.
fn word(rng: &mut Rng) -> String {
    let n = 2 + rng.next() % 2;
    let w: String = (0..n).map(|_| rng.pick(SYLLABLES)).collect();
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// One article of about five kilobytes, unique by its number.
fn article(i: usize, rng: &mut Rng) -> String {
    let person = format!("{} {}", word(rng), word(rng));
    let surname = person.split(' ').nth(1).unwrap_or_default().to_string();
    let place = word(rng);
    let other = word(rng);
    let agency = format!("{} Agency", word(rng));
    let noun = rng.pick(NOUNS);
    let year = 2015 + rng.next() % 10;
    let month = rng.pick(MONTHS);
    let day = 1 + rng.next() % 28;
    let mut text =
        format!("The {noun} of {place} reopens (report {i})\n\n{month} {day}, {year}\n\n");
    while text.len() < 5000 {
        let n = 10 + rng.next() % 990;
        let role = rng.pick(ROLES);
        let p = match rng.next() % 4 {
            0 => format!(
                "{role} {person} said on {month} {day}, {year} that the {noun} in {place} would cost {n} million dollars and employ {} people from {other}.",
                n * 3
            ),
            1 => format!(
                "\"We will finish the {noun} before the winter,\" {surname} told reporters in {place}, adding that {} families had been moved."
                , n + 7
            ),
            2 => format!(
                "The {agency} said {n} workers from {other} had joined the project, and that inspectors would visit {place} again in {}.",
                rng.pick(MONTHS)
            ),
            _ => format!(
                "Residents of {place} and {other} met on {} {} to discuss the {noun}, which {surname} first proposed in {}.",
                rng.pick(MONTHS),
                1 + rng.next() % 28,
                year - 1 - rng.next() % 5
            ),
        };
        text.push_str(&p);
        text.push_str("\n\n");
    }
    text
}

fn write_articles(dir: &Path, n: usize) -> Vec<PathBuf> {
    let mut rng = Rng(n as u64);
    (0..n)
        .map(|i| {
            let path = dir.join(format!("report-{i:05}.txt"));
            std::fs::write(&path, article(i, &mut rng)).expect("write an article");
            path
        })
        .collect()
}

/// Waits for `ready`; returns the page's clock then (ms since it opened).
async fn until(c: &Client, ready: &str, limit_ms: u64) -> f64 {
    let v = c
        .execute_async(POLL, vec![ready.into(), limit_ms.into()])
        .await
        .expect("poll the page");
    let t = v.as_f64().unwrap_or(-1.0);
    assert!(
        t >= 0.0,
        "timed out after {limit_ms} ms waiting for: {ready}"
    );
    t
}

async fn now(c: &Client) -> f64 {
    c.execute("return performance.now();", vec![])
        .await
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// The longest task that started in `[from, to]` (page clock), in ms.
async fn longest(c: &Client, from: f64, to: f64) -> f64 {
    // A task that starts just before the step and runs into it counts too.
    let js = "const [a, b] = arguments; return Math.max(0, ...(window.__tasks || []).filter(([s, d]) => s + d >= a && s <= b).map(([, d]) => d));";
    c.execute(js, vec![from.into(), to.into()])
        .await
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

fn count_is(n: usize) -> String {
    format!(
        "(document.querySelector('.library [role=status]')?.textContent || '').trim() === '{n} articles'"
    )
}

struct Row {
    what: String,
    ms: f64,
    task: f64,
    extra: String,
}

async fn step(c: &Client, what: &str, hash: &str, ready: &str, extra_js: &str) -> Row {
    let t0 = now(c).await;
    c.execute("location.hash = arguments[0];", vec![hash.into()])
        .await
        .expect("navigate");
    let t1 = until(c, ready, 120_000).await;
    // Let the frame that shows it finish before its tasks are read.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let task = longest(c, t0, t1).await;
    let extra = c
        .execute(extra_js, vec![])
        .await
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default();
    Row {
        what: what.to_string(),
        ms: t1 - t0,
        task,
        extra,
    }
}

async fn run(dist: &Path, n: usize) -> Vec<Row> {
    let dir = std::env::temp_dir().join(format!("folio-library-bench-{n}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let _scratch = TempDir(dir.clone());
    let files = write_articles(&dir, n);
    let addr = serve(dist.to_path_buf()).await;
    let driver = start_driver().await;
    let c = browser_with_args(
        &driver,
        1280,
        900,
        false,
        &["--enable-precise-memory-info", "--js-flags=--expose-gc"],
    )
    .await;
    c.issue_cmd(Cdp(serde_json::json!({
        "cmd": "Page.addScriptToEvaluateOnNewDocument",
        "params": { "source": OBSERVE },
    })))
    .await
    .expect("install the observers");
    // The waits below run in the page, as long as a step takes.
    c.update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
        Some(Duration::from_secs(900)),
        None,
        None,
    ))
    .await
    .expect("set the script timeout");
    let base = format!("http://{addr}{SUB_PATH}");
    c.goto(&format!("{base}#/")).await.expect("open the app");
    let bundled = 5;
    until(&c, &count_is(bundled), 60_000).await;
    let mut rows = Vec::new();

    // Import, until the library counts them all.
    let list: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let t0 = now(&c).await;
    c.find(Locator::Css("input[data-testid=import-files]"))
        .await
        .expect("the file input")
        .send_keys(&list.join("\n"))
        .await
        .expect("pick the files");
    let t1 = until(&c, &count_is(bundled + n), 600_000).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    rows.push(Row {
        what: "import, until the library shows them".into(),
        ms: t1 - t0,
        task: longest(&c, t0, t1).await,
        extra: String::new(),
    });
    tokio::time::sleep(Duration::from_secs(2)).await;
    let memory = c
        .execute(
            "if (window.gc) gc(); const w = window.__folioMemory ? window.__folioMemory.buffer.byteLength : 0; \
             const h = performance.memory ? performance.memory.usedJSHeapSize : 0; return [w, h];",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default();
    let mb = |i: usize| memory.get(i).and_then(|v| v.as_f64()).unwrap_or(0.0) / 1e6;
    rows.push(Row {
        what: "page memory after import".into(),
        ms: f64::NAN,
        task: f64::NAN,
        extra: format!("{:.0} MB wasm + {:.0} MB JS heap", mb(0), mb(1)),
    });

    // Delete the first imported article.
    let t0 = now(&c).await;
    c.find(Locator::Css(".card-delete"))
        .await
        .expect("a delete button")
        .click()
        .await
        .expect("delete");
    let t1 = until(&c, &count_is(bundled + n - 1), 120_000).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    rows.push(Row {
        what: "delete one article".into(),
        ms: t1 - t0,
        task: longest(&c, t0, t1).await,
        extra: String::new(),
    });

    // A fresh visit: the page's clock starts at zero with the navigation.
    c.goto("about:blank").await.expect("leave");
    c.goto(&format!("{base}#/")).await.expect("open again");
    let t1 = until(&c, &count_is(bundled + n - 1), 120_000).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    rows.push(Row {
        what: "fresh visit, until the library is usable".into(),
        ms: t1,
        task: longest(&c, 0.0, t1).await,
        extra: String::new(),
    });

    let dom = "return document.getElementsByTagName('*').length + ' DOM nodes, ' + document.documentElement.scrollHeight + ' px tall';";
    rows.push(
        step(
            &c,
            "Quotes view",
            "#/quotes",
            "document.querySelectorAll('.quote-group').length > 0",
            dom,
        )
        .await,
    );
    rows.push(
        step(
            &c,
            "Timeline",
            "#/timeline",
            "document.querySelector('.tl-chart, .timeline .empty')",
            dom,
        )
        .await,
    );
    rows.push(
        step(
            &c,
            "Entities",
            "#/entities",
            "document.querySelectorAll('.entities-page tbody tr, .entity-table tbody tr').length > 0",
            dom,
        )
        .await,
    );
    rows.push(
        step(
            &c,
            "search “said”",
            "#/search?q=said",
            "document.querySelector('.search-main')?.dataset.answered === 'said'",
            "return document.querySelectorAll('.result').length + ' results shown; ' + (document.querySelector('.result-count')?.textContent || '').trim();",
        )
        .await,
    );
    let _ = c.close().await;
    rows
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let mut sizes = vec![1000usize, 5000];
    let mut dist = dist_dir();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--articles" => {
                sizes = args
                    .next()
                    .expect("--articles N[,N…]")
                    .split(',')
                    .map(|n| n.trim().parse().expect("a number of articles"))
                    .collect()
            }
            "--dist" => dist = PathBuf::from(args.next().expect("--dist DIR")),
            other => panic!("unknown argument {other}; usage: library-bench [--articles 1000,5000] [--dist DIR]"),
        }
    }
    for n in sizes {
        println!(
            "{n} imported articles (+ the bundled 5), headless Chromium, {}",
            dist.display()
        );
        println!("{:<42} {:>10} {:>14}", "", "until shown", "longest task");
        for r in run(&dist, n).await {
            let ms = if r.ms.is_nan() {
                String::new()
            } else {
                format!("{:.0} ms", r.ms)
            };
            let task = if r.task.is_nan() {
                String::new()
            } else {
                format!("{:.0} ms", r.task)
            };
            println!("{:<42} {ms:>10} {task:>14}  {}", r.what, r.extra);
        }
        println!();
    }
}
