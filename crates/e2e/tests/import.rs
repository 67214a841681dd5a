//! End-to-end flows of bringing articles in: import through the file picker and a
//! drop, what each bad file says, IndexedDB across reloads, delete and clear,
//! export and import back, hostile input, the one-file copy from `file://`, and the
//! service worker with the network gone. Headless Chromium over WebDriver against
//! the built `dist/` (see `flows.rs`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::{Client, Locator};
use folio_e2e::*;

/// A fresh folder for a test's files.
fn scratch(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("folio-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    TempDir(dir)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Picks files with the import panel's file input.
async fn pick(c: &Client, files: &[PathBuf]) {
    let list: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    c.find(Locator::Css("input[data-testid=import-files]"))
        .await
        .unwrap()
        .send_keys(&list.join("\n"))
        .await
        .unwrap();
}

/// Waits for the import's report and returns its text.
async fn report(c: &Client, secs: u64) -> String {
    wait_until(
        c,
        "document.querySelector('.import-report') || document.querySelector('.import-error')",
        secs,
    )
    .await;
    let error = text_of(c, ".import-error").await;
    assert!(error.is_empty(), "the import failed: {error}");
    text_of(c, ".import-report").await
}

async fn cards(c: &Client) -> usize {
    c.find_all(Locator::Css(".card")).await.unwrap().len()
}

/// Reloads the page for real (navigating to the same `#/` only changes the
/// fragment): a marker set on the old page's window must be gone on the new one.
async fn reload(c: &Client) {
    c.execute("window.__folioBeforeReload = true;", vec![])
        .await
        .unwrap();
    c.refresh().await.unwrap();
    wait_until(
        c,
        "window.__folioBeforeReload === undefined && document.readyState === 'complete'",
        30,
    )
    .await;
}

/// The articles this browser has stored in IndexedDB, counted by the page
/// itself (the app's cards can show fewer: stored imports load only once the
/// worker starts). Call it only once the app has created its database.
async fn stored_articles(c: &Client) -> u64 {
    let count = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const open = indexedDB.open('folio');
             open.onerror = () => done(-1);
             open.onsuccess = () => {
               const db = open.result;
               if (!db.objectStoreNames.contains('articles')) { db.close(); return done(-2); }
               const count = db.transaction('articles', 'readonly').objectStore('articles').count();
               count.onsuccess = () => { db.close(); done(count.result); };
               count.onerror = () => { db.close(); done(-3); };
             };",
            vec![],
        )
        .await
        .unwrap();
    count
        .as_u64()
        .unwrap_or_else(|| panic!("the article store could not be read: {count}"))
}

/// The built app served, a browser on its library of the five bundled
/// articles, and the app's address (keep the driver: the browser lives as
/// long as it does).
async fn opened_library() -> (Driver, Client, String) {
    let addr = serve(dist_dir()).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");
    open_library(&c, &base, 5).await;
    (driver, c, base)
}

async fn open_library(c: &Client, base: &str, n: usize) {
    c.goto(&format!("{base}#/")).await.unwrap();
    wait_for_count(c, ".card", n).await;
}

const ARTICLE: &str =
    "The harbour of Varna reopened on Monday after the storm, the port authority said. \
     \"We expect ferries to run normally by Friday,\" said Ana Lima, the harbour master.";

#[tokio::test(flavor = "multi_thread")]
async fn imports_report_every_bad_file_by_name_survive_a_reload_export_and_come_back() {
    let dir = scratch("import");
    let d = &dir.0;
    let mut huge = Vec::with_capacity(26 * 1024 * 1024);
    while huge.len() < 26 * 1024 * 1024 {
        huge.extend_from_slice(ARTICLE.as_bytes());
    }
    let tampered = r#"{"format":"folio-bundle","version":1,"articles":[{"file":"x.txt","id":"x","title":"X","byline":null,"published":null,"text":"short","removed":[],"entities":[{"id":"p","kind":"person","name":"Ana","mentions":[{"start":0,"end":999,"text":"Ana"}]}],"quotes":[],"dates":[],"quantities":[],"word_count":1}],"entities":[]}"#;
    let files = vec![
        write(d, "good.txt", ARTICLE.as_bytes()),
        write(
            d,
            "old-1252.txt",
            b"Caf\xe9 owners in Z\xfcrich \x96 the \x93old town\x94 \x96 welcomed the ruling on Tuesday.",
        ),
        write(
            d,
            "page.html",
            b"<!doctype html><html><head><title>Ferries return | Harbour News</title>\
              <meta property=\"og:site_name\" content=\"Harbour News\"></head><body>\
              <nav><a href=\"/\">Home</a><a href=\"/sport\">Sport</a></nav>\
              <article><h1>Ferries return to Varna</h1><p>Ferries returned to the harbour of Varna on Tuesday \
              after a week of storms, the port authority said.</p><p>Crews worked through the night to clear \
              the berths, and the first ship docked at dawn.</p></article>\
              <footer>Cookie settings</footer></body></html>",
        ),
        write(
            d,
            "broken.html",
            b"<html><body><div><p>Unclosed <b>bold <i>text about the new bridge over the Danube at Ruse, \
              which engineers said would open in May.<p>A second paragraph <table><td>with stray cells",
        ),
        write(d, "empty.txt", b""),
        write(d, "image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01"),
        write(d, "huge.txt", &huge),
        write(d, "tampered.json", tampered.as_bytes()),
    ];
    let addr = serve(dist_dir()).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");
    open_library(&c, &base, 5).await;

    pick(&c, &files).await;
    let text = report(&c, 60).await;
    assert!(text.contains("Added 4 articles."), "{text}");
    for (file, reason) in [
        ("empty.txt", "no text"),
        ("image.png", "not text"),
        ("huge.txt", "too large"),
        ("tampered.json", "not a valid Folio bundle"),
    ] {
        assert!(
            text.contains(&format!("{file}: {reason}")),
            "{file}: {text}"
        );
    }
    assert!(text.contains("old-1252.txt: windows-1252"), "{text}");
    wait_for_count(&c, ".card", 9).await;
    shot(&c, "import-report.png").await;

    // Kept in IndexedDB: a reload shows them again, marked as imported.
    assert_eq!(stored_articles(&c).await, 4, "the four imported are stored");
    c.refresh().await.unwrap();
    wait_for_count(&c, ".card", 9).await;
    assert_eq!(
        c.find_all(Locator::Css(".card .badge"))
            .await
            .unwrap()
            .len(),
        4
    );
    // The latest imports first (issue #17: imports went to the bottom).
    let hrefs = c
        .execute(
            "return [...document.querySelectorAll('.card .card-link')].map(a => a.getAttribute('href'));",
            vec![],
        )
        .await
        .unwrap();
    let hrefs: Vec<&str> = hrefs
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(
        hrefs[..4],
        [
            "#/article/broken",
            "#/article/page",
            "#/article/old-1252",
            "#/article/good"
        ],
        "{hrefs:?}"
    );
    c.goto(&format!("{base}#/article/old-1252")).await.unwrap();
    wait_until(&c, "document.querySelector('.reader-text')", 10).await;
    let reader = text_of(&c, ".reader-text").await;
    assert!(
        reader.contains("Café owners in Zürich – the “old town”"),
        "{reader}"
    );
    c.goto(&format!("{base}#/search?q=ferries%20varna"))
        .await
        .unwrap();
    wait_until(&c, "document.querySelectorAll('.result').length >= 1", 10).await;

    // Export the library, clear the imports, import the export back: same state.
    open_library(&c, &base, 9).await;
    c.find(Locator::XPath("//button[text()='Library (JSON)']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let bundle = downloaded(&driver, "folio-library.json").await;
    let bundle: serde_json::Value = serde_json::from_slice(&bundle).unwrap();
    assert_eq!(bundle["format"], "folio-bundle");
    assert_eq!(bundle["articles"].as_array().unwrap().len(), 9);
    c.find(Locator::XPath("//button[text()='Quotes (CSV)']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let csv = String::from_utf8(downloaded(&driver, "folio-quotes.csv").await).unwrap();
    assert!(csv.starts_with("article,title,speaker,speaker_id,quote,start,end"));
    assert!(
        csv.contains("We expect ferries to run normally by Friday"),
        "{csv}"
    );

    let good_title = text_of(&c, ".card.imported .card-title").await;
    c.find(Locator::Css(".card.imported .card-delete"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_count(&c, ".card", 8).await;
    assert_ne!(text_of(&c, ".card.imported .card-title").await, good_title);
    c.find(Locator::XPath(
        "//button[starts-with(text(),'Delete all imported')]",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    c.find(Locator::XPath("//button[text()='Yes, delete']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_count(&c, ".card", 5).await;
    // Issue #21: this used to navigate to the same `#/`, which is no reload.
    reload(&c).await;
    wait_for_count(&c, ".card", 5).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        cards(&c).await,
        5,
        "cleared imports stay cleared after a reload"
    );
    // The cards alone cannot tell: stored imports show only once the worker
    // starts, which a browser with none stored does not do at once. The
    // store itself must be empty.
    assert_eq!(
        stored_articles(&c).await,
        0,
        "cleared imports are gone from IndexedDB"
    );

    let exported = write(
        d,
        "folio-library.json",
        &serde_json::to_vec(&bundle).unwrap(),
    );
    pick(&c, &[exported]).await;
    let text = report(&c, 60).await;
    assert!(
        text.contains("Added 4 articles."),
        "the bundle's imported articles: {text}"
    );
    assert!(
        text.contains("already in the library"),
        "bundled ones are skipped: {text}"
    );
    wait_for_count(&c, ".card", 9).await;
    c.close().await.unwrap();
}

/// Waits up to 10 s for `selector`'s text to satisfy `ok`; the text last seen
/// on failure.
async fn shown_text(
    c: &Client,
    selector: &str,
    ok: impl Fn(&str) -> bool,
) -> Result<String, String> {
    let mut last = String::new();
    for _ in 0..100 {
        last = text_of(c, selector).await;
        if ok(&last) {
            return Ok(last);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(last)
}

/// Ways to run script from imported content; each sets `window.__xss` if it runs.
fn payloads() -> Vec<String> {
    let run = "window.__xss=1";
    let mut p = vec![
        format!("<script>{run}</script>"),
        format!("<SCRIPT SRC=\"data:text/javascript,{run}\"></SCRIPT>"),
        format!("<img src=x onerror=\"{run}\">"),
        format!("<img src=\"x\" onerror={run}//"),
        format!("<svg onload=\"{run}\"></svg>"),
        format!("<svg><script>{run}</script></svg>"),
        format!("<svg><animate onbegin=\"{run}\" attributeName=x dur=1s>"),
        format!("<body onload=\"{run}\">"),
        format!("<iframe srcdoc=\"<script>parent.{run}</script>\"></iframe>"),
        format!("<iframe src=\"javascript:parent.{run}\"></iframe>"),
        format!("<a href=\"javascript:{run}\">click</a>"),
        format!("<a href=\"JaVaScRiPt:{run}\">click</a>"),
        format!("<a href=\"&#106;avascript:{run}\">encoded</a>"),
        format!("<div style=\"background:url(javascript:{run})\">css</div>"),
        format!("<style>@import 'javascript:{run}';</style>"),
        format!("<input autofocus onfocus=\"{run}\">"),
        format!("<details open ontoggle=\"{run}\">"),
        format!("<video><source onerror=\"{run}\"></video>"),
        format!("<audio src=x onerror=\"{run}\">"),
        format!("<object data=\"javascript:{run}\"></object>"),
        format!("<embed src=\"javascript:{run}\">"),
        format!("<form action=\"javascript:{run}\"><button>go</button></form>"),
        format!("<math><mtext><table><mglyph><style><img src=x onerror=\"{run}\">"),
        format!("<meta http-equiv=\"refresh\" content=\"0;url=javascript:{run}\">"),
        format!("<scr<script>ipt>{run}</scr</script>ipt>"),
        format!("\"><img src=x onerror={run}>"),
        format!("'><svg/onload={run}>"),
        format!("</title><script>{run}</script>"),
        format!("<noscript><p title=\"</noscript><img src=x onerror={run}>\">"),
        format!("<marquee onstart=\"{run}\">m</marquee>"),
        format!("<isindex type=image src=1 onerror={run}>"),
        format!("<xss id=x tabindex=1 onfocusin={run}></xss>"),
    ];
    // The same vectors once more as Markdown links and images.
    p.push(format!("[click](javascript:{run})"));
    p.push(format!("![img](x \"onerror={run}\")"));
    p
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_imports_never_run_script_and_no_markup_reaches_the_page() {
    let dir = scratch("xss");
    let d = &dir.0;
    let mut files = Vec::new();
    for (i, p) in payloads().iter().enumerate() {
        let body = format!(
            "Report {i} on the harbour of Varna, where officials met on 3 March 2023. {p} \
             \"The ferries run again,\" said Ana Lima, the harbour master. The meeting ended at noon."
        );
        files.push(write(d, &format!("x{i}.txt"), body.as_bytes()));
        files.push(write(
            d,
            &format!("x{i}.md"),
            format!("# Notes {i}\n\n{body}\n").as_bytes(),
        ));
        let page = format!(
            "<html><head><title>Page {i} {p}</title><meta name=\"author\" content=\"{}\">\
             <meta property=\"og:site_name\" content=\"Outlet {i}\"></head>\
             <body><article><h1>Harbour report {i}</h1><p>{body}</p><p>Second paragraph {i} {p} about the ferries.</p></article></body></html>",
            p.replace('"', "&quot;")
        );
        files.push(write(d, &format!("x{i}.html"), page.as_bytes()));
    }
    // A bundle whose metadata and text carry the payloads, and a javascript: link.
    let hostile_bundle = serde_json::json!({
        "format": "folio-bundle", "version": 1, "entities": [],
        "articles": [{
            "file": "b.txt", "id": "<img src=x onerror=window.__xss=1>", "title": "<script>window.__xss=1</script>",
            "byline": "<svg onload=window.__xss=1>", "published": "2024-01-01", "outlet": "<b onmouseover=window.__xss=1>o</b>",
            "url": "javascript:window.__xss=1", "text": "<iframe src=javascript:window.__xss=1></iframe> text",
            "removed": ["<script>window.__xss=1</script>"], "entities": [], "quotes": [], "dates": [], "quantities": [], "word_count": 3
        }]
    });
    files.push(write(
        d,
        "hostile.json",
        hostile_bundle.to_string().as_bytes(),
    ));
    assert!(files.len() >= 100, "{} hostile files", files.len());

    let addr = serve(dist_dir()).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");
    open_library(&c, &base, 5).await;
    let scripts_before = c
        .execute("return document.scripts.length", vec![])
        .await
        .unwrap();
    pick(&c, &files).await;
    let text = report(&c, 120).await;
    // Every hostile file is an article with text: all of them are added, none skipped.
    let added = format!("Added {} articles.", files.len());
    assert!(text.contains(&added), "expected {added:?}, got {text}");

    let check = "return { xss: window.__xss === undefined ? null : window.__xss, \
        scripts: document.scripts.length, \
        bad: document.querySelectorAll('iframe, object, embed, frame, form:not(.search):not(.correct-form):not(.tl-span), marquee, details:not(.correct):not(.facet-group), video, audio, math, \
             body [onerror], body [onload], body [onfocus], body [onmouseover], body [ontoggle], body [onbegin], body [onstart], \
             a[href^=\"javascript\" i], a[href^=\"&#\"], meta[http-equiv]').length }";
    let assert_clean = |got: serde_json::Value, h: String| {
        assert_eq!(got["xss"], serde_json::Value::Null, "script ran on {h}");
        assert_eq!(
            got["scripts"], scripts_before,
            "a script element appeared on {h}"
        );
        assert_eq!(got["bad"], 0, "imported markup reached the page on {h}");
    };

    // Every imported article, each checked once its hostile text has rendered
    // (the opening, which comes before the payload: an unclosed tag in a page
    // swallows what follows it, as any HTML5 parser does).
    let ids: Vec<String> = serde_json::from_value(
        c.execute(
            "return [...document.querySelectorAll('.card.imported .card-link')].map(a => a.getAttribute('href'))",
            vec![],
        )
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(ids.len(), files.len(), "imported cards");
    let mut bundle_article = None;
    for h in &ids {
        c.goto(&format!("{base}{h}")).await.unwrap();
        let shown = shown_text(&c, ".reader-text", |t| {
            t.contains("on the harbour of Varna") || t.trim_end().ends_with("text")
        })
        .await
        .unwrap_or_else(|t| panic!("{h} did not render its text: {t:?}"));
        if !shown.contains("harbour of Varna") {
            bundle_article = Some(h.clone());
        }
        assert_clean(c.execute(check, vec![]).await.unwrap(), h.clone());
    }

    // Every view over the hostile corpus, each waited for until it shows what
    // the hostile files brought (a name, a quote, a date, a title from them).
    c.goto(&format!("{base}#/entities")).await.unwrap();
    wait_until(&c, "document.body.innerText.includes('Ana Lima')", 10).await;
    let entity: String = serde_json::from_value(
        c.execute(
            "return [...document.querySelectorAll('a[href*=\"#/entity/\"]')].find(a => a.textContent.includes('Ana Lima')).getAttribute('href')",
            vec![],
        )
        .await
        .unwrap(),
    )
    .unwrap();
    let views: Vec<(String, &str)> = vec![
        ("#/entities".into(), "document.body.innerText.includes('Ana Lima')"),
        (entity, "document.body.innerText.includes('The ferries run again')"),
        ("#/quotes".into(), "document.body.innerText.includes('The ferries run again')"),
        ("#/timeline".into(), "document.body.innerText.includes('2023')"),
        ("#/compare".into(), "[...document.querySelectorAll('.picker option')].some(o => o.textContent.includes('Harbour report 1'))"),
        ("#/compare/x0-3/x10-2".into(), "document.querySelector('.chips') && document.body.innerText.includes('Ana Lima')"),
        ("#/map".into(), "document.querySelector('.map-dot') && document.body.innerText.includes('Varna')"),
        ("#/claims".into(), "document.querySelector('.claims-page')"),
        ("#/search?q=harbour".into(), "document.body.innerText.includes('Harbour report 1')"),
        ("#/search?q=script".into(), "document.body.innerText.includes('Report 0')"),
    ];
    for (h, shown) in views {
        c.goto(&format!("{base}{h}")).await.unwrap();
        wait_until(&c, shown, 15).await;
        assert_clean(c.execute(check, vec![]).await.unwrap(), h);
    }
    // The text of a plain-text payload is shown as text, escaped.
    c.goto(&format!("{base}#/article/x2")).await.unwrap();
    wait_until(&c, "document.querySelector('.reader-text')", 10).await;
    assert!(text_of(&c, ".reader-text")
        .await
        .contains("<img src=x onerror="));
    // The hostile bundle's article carries a javascript: URL: it is shown, but
    // never as a link.
    let bundle_article = bundle_article.expect("the hostile bundle's article was listed");
    c.goto(&format!("{base}{bundle_article}")).await.unwrap();
    wait_until(
        &c,
        "document.querySelector('.reader-text') && document.body.innerText.includes('<script>window.__xss=1</script>')",
        10,
    )
    .await;
    let links = c
        .execute(
            "return [...document.querySelectorAll('a')].filter(a => (a.getAttribute('href') || '').trim().toLowerCase().startsWith('javascript')).length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(links, 0, "a javascript: link on {bundle_article}");
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ten_thousand_file_drop_imports_in_the_worker_and_keeps_what_was_stored() {
    let dir = scratch("drop");
    let first = write(&dir.0, "first.txt", ARTICLE.as_bytes());
    let addr = serve(dist_dir()).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");
    open_library(&c, &base, 5).await;
    pick(&c, &[first]).await;
    report(&c, 60).await;
    wait_for_count(&c, ".card", 6).await;

    // 10,000 files in one drop, two of them bad, built and dropped in the page.
    c.execute(
        "const dt = new DataTransfer();
         for (let i = 0; i < 9998; i++) {
           dt.items.add(new File([`Dispatch ${i}: the ferry number ${i} left the harbour of Varna at dawn, officials said.`],
                                 `dispatch-${i}.txt`, { type: 'text/plain' }));
         }
         dt.items.add(new File([''], 'blank.txt'));
         dt.items.add(new File([new Uint8Array([0, 1, 2, 3, 0, 0, 7])], 'noise.bin'));
         window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
         window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));",
        vec![],
    )
    .await
    .unwrap();
    // The page stays responsive while the worker reads: progress shows.
    wait_until(
        &c,
        "document.querySelector('.import-progress progress')",
        30,
    )
    .await;
    let text = report(&c, 600).await;
    assert!(text.contains("Added 9998 articles."), "{text}");
    assert!(text.contains("blank.txt: no text"), "{text}");
    assert!(text.contains("noise.bin: not text"), "{text}");
    wait_until(
        &c,
        "document.querySelector('.library .page-head [role=status]').textContent.startsWith('10004 articles')",
        120,
    )
    .await;
    // The latest import comes first, and what was stored before the drop
    // is still there.
    let top = c
        .find(Locator::Css(".card .card-link"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap();
    assert_eq!(top.as_deref(), Some("#/article/dispatch-9997"));
    c.goto(&format!("{base}#/article/first")).await.unwrap();
    wait_until(&c, "document.querySelector('.reader-text')", 20).await;
    assert!(
        text_of(&c, ".reader-text")
            .await
            .contains("The harbour of Varna reopened"),
        "what was stored before the drop is still there"
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_one_file_copy_opens_from_disk_with_every_view_working() {
    let dist = dist_dir();
    let one_file = dist.join("folio.html");
    assert!(
        one_file.is_file(),
        "trunk's post-build hook writes dist/folio.html"
    );
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let url = format!("file://{}", one_file.canonicalize().unwrap().display());
    c.goto(&format!("{url}#/")).await.unwrap();
    wait_for_count(&c, ".card", 5).await;
    c.find(Locator::Css("#q"))
        .await
        .unwrap()
        .send_keys("Lyman")
        .await
        .unwrap();
    wait_for_count(&c, ".result", 4).await;
    c.goto(&format!("{url}#/map")).await.unwrap();
    wait_until(&c, "document.querySelectorAll('.map-dot').length >= 5", 20).await;
    // The views module (map, claims) travels inline: nothing is fetched.
    c.goto(&format!("{url}#/claims")).await.unwrap();
    wait_until(&c, "document.querySelector('.claim-group.differ')", 20).await;
    c.goto(&format!("{url}#/entities")).await.unwrap();
    wait_until(
        &c,
        "document.querySelectorAll('.entity-table tbody tr').length > 10",
        10,
    )
    .await;
    shot(&c, "one-file.png").await;

    // The copy the browser builds carries imported articles too.
    let addr = serve(dist).await;
    let base = format!("http://{addr}{SUB_PATH}");
    let dir = scratch("onefile");
    let extra = write(&dir.0, "harbour.txt", ARTICLE.as_bytes());
    open_library(&c, &base, 5).await;
    pick(&c, &[extra]).await;
    report(&c, 60).await;
    c.find(Locator::XPath("//button[text()='As one HTML file']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let html = downloaded(&driver, "folio.html").await;
    let copy = write(&dir.0, "copy.html", &html);
    c.goto(&format!(
        "file://{}#/search?q=harbour%20master",
        copy.display()
    ))
    .await
    .unwrap();
    wait_for_count(&c, ".result", 1).await;
    assert!(text_of(&c, ".result").await.contains("harbour"));
    // The browser-built copy carries the views module too.
    c.goto(&format!("file://{}#/claims", copy.display()))
        .await
        .unwrap();
    wait_until(&c, "document.querySelector('.claim-group.differ')", 20).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn after_one_visit_the_app_opens_and_searches_with_the_network_gone() {
    let (addr, server) = serve_stoppable(dist_dir()).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");
    open_library(&c, &base, 5).await;
    // The service worker has installed (cached everything) once it controls the page.
    wait_until(
        &c,
        "navigator.serviceWorker && navigator.serviceWorker.controller",
        60,
    )
    .await;
    server.abort();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "the server is gone"
    );
    // Issue #21: the page is reopened with the network gone (before, only the
    // fragment changed, so the app was never loaded offline).
    reload(&c).await;
    wait_for_count(&c, ".card", 5).await;
    c.goto(&format!("{base}#/search?q=Kharkiv")).await.unwrap();
    wait_until(&c, "document.querySelectorAll('.result').length >= 1", 30).await;
    c.goto(&format!("{base}#/map")).await.unwrap();
    wait_until(&c, "document.querySelectorAll('.map-dot').length >= 5", 30).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn pasting_outside_a_text_field_imports_the_clipboard() {
    let addr = serve(dist_dir()).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");
    open_library(&c, &base, 5).await;
    c.execute(
        "const dt = new DataTransfer();
         dt.setData('text/html', '<article><h1>Fog in Varna</h1><p>The ferry to Varna was cancelled on Sunday because of fog, the port said.</p></article>');
         dt.setData('text/plain', 'Fog in Varna. The ferry to Varna was cancelled on Sunday because of fog, the port said.');
         document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));",
        vec![],
    )
    .await
    .unwrap();
    assert!(report(&c, 60).await.contains("Added 1 article."));
    wait_for_count(&c, ".card", 6).await;
    assert!(text_of(&c, ".card.imported .card-title")
        .await
        .contains("Fog in Varna"));
    // Typing or pasting into the search box is not an import.
    c.execute(
        "const dt = new DataTransfer(); dt.setData('text/plain', 'Kharkiv');
         document.querySelector('#q').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));",
        vec![],
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(cards(&c).await, 6);
    c.close().await.unwrap();
}

/// Issue #17: a `.jsonl` file, the CLI's pipeline format, imported as one
/// article of raw JSON. Each line is an article now, a bad line is reported by
/// its number, and the others arrive with their metadata.
#[tokio::test(flavor = "multi_thread")]
async fn a_json_lines_file_imports_one_article_per_line_and_names_its_bad_line() {
    let dir = scratch("jsonl");
    let lines = concat!(
        r#"{"id": "fog", "text": "Fog closed the port of Varna on Sunday, the harbour master said.", "outlet": "Coast Daily", "published": "2026-02-01"}"#,
        "\n",
        r#"{"id": "broken", "text": "x", "outlett": "a typo"}"#,
        "\n\n",
        r#"{"id": "bridge", "html": "<html><head><title>A bridge reopens</title></head><body><article><h1>A bridge reopens</h1><p>The bridge at Ruse reopened on Friday after repairs, the city said.</p></article></body></html>"}"#,
        "\n",
    );
    let feed = write(&dir.0, "feed.jsonl", lines.as_bytes());
    let (_driver, c, base) = opened_library().await;
    pick(&c, &[feed]).await;
    let text = report(&c, 60).await;
    assert!(text.contains("Added 2 articles."), "{text}");
    assert!(
        text.contains("feed.jsonl: line 2 (broken): unknown field `outlett`")
            || text.contains("feed.jsonl: line 2: unknown field `outlett`"),
        "{text}"
    );
    wait_for_count(&c, ".card", 7).await;
    c.goto(&format!("{base}#/article/fog")).await.unwrap();
    wait_until(&c, "document.querySelector('.reader-text')", 20).await;
    assert!(text_of(&c, ".reader-meta").await.contains("Coast Daily"));
    c.goto(&format!("{base}#/article/bridge")).await.unwrap();
    wait_until(&c, "document.querySelector('.reader-text')", 20).await;
    assert_eq!(text_of(&c, "#article-title").await, "A bridge reopens");
    assert!(text_of(&c, ".reader-text").await.contains("bridge at Ruse"));
    c.close().await.unwrap();
}

/// Issue #17: search showed the first 50 hits with no way to the rest. Every
/// hit is reachable a page at a time, and the count says how many are shown.
#[tokio::test(flavor = "multi_thread")]
async fn every_search_result_is_reachable_a_page_at_a_time() {
    let dir = scratch("paging");
    let files: Vec<PathBuf> = (0..62)
        .map(|i| {
            write(
                &dir.0,
                &format!("ferry-{i}.txt"),
                format!(
                    "Ferry report {i}. The ferry number {i} left the harbour of Varna on Monday with {} passengers, the port said.",
                    100 + i
                )
                .as_bytes(),
            )
        })
        .collect();
    let (_driver, c, base) = opened_library().await;
    pick(&c, &files).await;
    let text = report(&c, 90).await;
    assert!(text.contains("Added 62 articles."), "{text}");
    c.goto(&format!("{base}#/search?q=ferry%20passengers"))
        .await
        .unwrap();
    wait_for_count(&c, ".result", 50).await;
    assert_eq!(
        text_of(&c, ".result-count").await,
        "62 articles match “ferry passengers”, 1–50 shown"
    );
    let more = c
        .find(Locator::Css(".search-main .more button"))
        .await
        .unwrap();
    assert_eq!(more.text().await.unwrap(), "Show 12 more of 12");
    more.click().await.unwrap();
    wait_for_count(&c, ".result", 62).await;
    assert_eq!(
        text_of(&c, ".result-count").await,
        "62 articles match “ferry passengers”"
    );
    assert!(
        c.find_all(Locator::Css(".search-main .more"))
            .await
            .unwrap()
            .is_empty(),
        "nothing is left to show"
    );
    // A new query starts at one page again.
    c.goto(&format!("{base}#/search?q=ferry%20harbour"))
        .await
        .unwrap();
    wait_until(
        &c,
        "(document.querySelector('.result-count')?.textContent || '').includes('“ferry harbour”')",
        20,
    )
    .await;
    wait_for_count(&c, ".result", 50).await;
    c.execute(
        "document.querySelector('.search-main .more').scrollIntoView({block: 'center'});",
        vec![],
    )
    .await
    .unwrap();
    shot(&c, "search-paging.png").await;
    c.close().await.unwrap();
}
