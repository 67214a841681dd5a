//! Damaged copies of the sharded test site (`target/sharded-site`): a record
//! truncated, another missing, an index file cut short or altered, a manifest
//! of another format, a missing document table. Each time the app says which
//! file is wrong and why, and keeps working for everything else: never a
//! blank page, a stuck "Loading…" or a panic.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::{Client, Locator};
use folio_e2e::*;

/// A fresh copy of the sharded test site in `target/damaged-sites/NAME`, with
/// `damage` applied to it.
fn damaged_copy(name: &str, damage: impl FnOnce(&Path)) -> PathBuf {
    let dir = workspace_root().join("target/damaged-sites").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&sharded_site_dir(), &dir);
    damage(&dir);
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// Cuts a file to half its bytes, as an interrupted upload leaves it.
fn truncate(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    std::fs::write(path, &bytes[..bytes.len() / 2]).unwrap();
}

/// Article ids by article number, from the site's id buckets.
fn ids_by_doc(site: &Path) -> HashMap<u32, String> {
    let mut out = HashMap::new();
    for entry in std::fs::read_dir(site.join("shards/ids")).unwrap() {
        let bytes = gunzip(&std::fs::read(entry.unwrap().path()).unwrap());
        let map: HashMap<String, u32> = serde_json::from_slice(&bytes).unwrap();
        out.extend(map.into_iter().map(|(id, doc)| (doc, id)));
    }
    out
}

async fn open(c: &Client, base: &str, fragment: &str) {
    c.goto(&format!("{base}#/")).await.unwrap();
    c.goto(&format!("{base}{fragment}")).await.unwrap();
    c.refresh().await.unwrap();
}

/// Waits until the view's heading reads `text`.
async fn wait_for_heading(c: &Client, text: &str) {
    let script = format!("(document.querySelector('main h1')?.textContent || '') === '{text}'");
    wait_until(c, &script, 20).await;
}

/// The app is alive after whatever it showed: the view bar still routes, and
/// the page it routes to renders.
async fn still_routes(c: &Client) {
    c.find(Locator::Css(".views a[href='#/entities']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(
        c,
        "(document.querySelector('main h1')?.textContent || '').length > 0 && location.hash === '#/entities'",
        10,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_truncated_or_missing_record_leaves_out_its_hit_and_says_which_file() {
    let site = damaged_copy("records", |dir| {
        truncate(&dir.join("shards/rec/0/0.json.gz"));
        std::fs::remove_file(dir.join("shards/rec/0/1.json.gz")).unwrap();
    });
    let ids = ids_by_doc(&site);
    assert_eq!(ids.len(), 5, "the test site is the five bundled articles");
    let addr = serve(site).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");

    // Every bundled article mentions Ukraine: five match, three can be shown,
    // and the two left out are named with why.
    open(&c, &base, "#/search?q=Ukraine").await;
    wait_until(
        &c,
        "document.querySelector('.search-main')?.dataset.answered === 'Ukraine'",
        20,
    )
    .await;
    wait_for_count(&c, ".result", 3).await;
    assert!(
        text_of(&c, ".result-count")
            .await
            .starts_with("5 articles match"),
        "{}",
        text_of(&c, ".result-count").await
    );
    let alert = text_of(&c, ".search-page .error[role=alert]").await;
    assert!(alert.starts_with("2 results could not be shown"), "{alert}");
    assert!(alert.contains("shards/rec/0/0.json.gz"), "{alert}");
    assert!(
        alert.contains("shards/rec/0/1.json.gz is missing from the site (HTTP 404)"),
        "{alert}"
    );
    let shown: Vec<String> = serde_json::from_value(
        c.execute(
            "return Array.from(document.querySelectorAll('.result-link')).map(a => a.getAttribute('href'));",
            vec![],
        )
        .await
        .unwrap(),
    )
    .unwrap();
    for doc in [0, 1] {
        assert!(
            !shown.contains(&format!("#/article/{}", ids[&doc])),
            "article {doc} has no readable record, so it is not shown as a hit"
        );
    }
    shot(&c, "damaged-search.png").await;

    // A deep link to the truncated article says so; one to a sound article
    // opens as usual.
    open(&c, &base, &format!("#/article/{}", ids[&0])).await;
    wait_for_heading(&c, "Article not available").await;
    let why = text_of(&c, ".not-found p").await;
    assert!(why.contains("shards/rec/0/0.json.gz"), "{why}");
    shot(&c, "damaged-article.png").await;
    c.find(Locator::Css(".not-found a[href='#/']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(
        &c,
        "(document.querySelector('.library [role=status]')?.textContent || '').includes('5 articles')",
        20,
    )
    .await;
    open(&c, &base, &format!("#/article/{}", ids[&2])).await;
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(".reader-text"))
        .await
        .unwrap();
    still_routes(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cut_or_altered_index_file_fails_only_the_searches_that_need_it() {
    let site = damaged_copy("index", |dir| {
        // Cut short on the wire: the gzip stream ends early.
        truncate(&dir.join("shards/lex/l.bin.gz"));
        // Altered: sound gzip around half of what it should hold.
        let lexicon = dir.join("shards/lex/f.bin.gz");
        let bytes = gunzip(&std::fs::read(&lexicon).unwrap());
        std::fs::write(&lexicon, gzip(&bytes[..bytes.len() / 2])).unwrap();
    });
    let addr = serve(site).await;
    let driver = start_driver().await;
    let c = dark_browser(&driver, 390, 844).await;
    let base = format!("http://{addr}{SUB_PATH}");

    for (query, file) in [
        ("Lyman", "shards/lex/l.bin.gz"),
        ("forces", "shards/lex/f.bin.gz"),
    ] {
        open(&c, &base, &format!("#/search?q={query}")).await;
        wait_until(
            &c,
            "document.querySelector('.search-page .error[role=alert]') !== null",
            20,
        )
        .await;
        let alert = text_of(&c, ".search-page .error[role=alert]").await;
        assert!(
            alert.starts_with("This search could not be completed:") && alert.contains(file),
            "{query}: {alert}"
        );
        assert_eq!(
            text_of(&c, ".result-count").await,
            format!("“{query}” could not be searched.")
        );
        assert!(
            c.find_all(Locator::Css(".result"))
                .await
                .unwrap()
                .is_empty(),
            "no other query's results stay on show"
        );
    }
    shot(&c, "damaged-index-phone.png").await;

    // A word in a sound bucket is found as usual, in the same page.
    let input = c.find(Locator::Css("#q")).await.unwrap();
    input.clear().await.unwrap();
    input.send_keys("Kharkiv").await.unwrap();
    wait_until(
        &c,
        "document.querySelector('.search-main')?.dataset.answered === 'Kharkiv' && document.querySelectorAll('.result').length > 0",
        20,
    )
    .await;
    assert!(
        c.find_all(Locator::Css(".search-page .error"))
            .await
            .unwrap()
            .is_empty(),
        "the earlier failure is not shown beside a sound answer"
    );
    still_routes(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_site_whose_index_cannot_open_says_why_on_every_view() {
    let other_format = damaged_copy("format", |dir| {
        let path = dir.join("shards/manifest.json");
        let manifest = std::fs::read_to_string(&path).unwrap();
        let changed = manifest.replacen("\"format\":2", "\"format\":99", 1);
        assert_ne!(
            changed, manifest,
            "the manifest spells its format as expected"
        );
        std::fs::write(&path, changed).unwrap();
    });
    let no_docs = damaged_copy("no-docs", |dir| {
        std::fs::remove_file(dir.join("shards/docs.bin.gz")).unwrap();
    });
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;

    let addr = serve(other_format).await;
    let base = format!("http://{addr}{SUB_PATH}");
    open(&c, &base, "#/").await;
    wait_until(&c, "document.querySelector('.load-failed') !== null", 20).await;
    let banner = text_of(&c, ".load-failed").await;
    assert!(
        banner.starts_with("This site's index could not be opened:")
            && banner.contains("format 99")
            && banner.contains("folio build"),
        "{banner}"
    );
    assert_eq!(
        text_of(&c, ".library [role=status]").await,
        "The index could not be opened."
    );
    shot(&c, "damaged-format.png").await;
    // Every view says what it cannot show, none waits for ever.
    open(&c, &base, "#/search?q=Lyman").await;
    wait_until(
        &c,
        "(document.querySelector('.result-count')?.textContent || '') === '“Lyman” could not be searched.'",
        20,
    )
    .await;
    open(&c, &base, "#/article/some-article").await;
    wait_for_heading(&c, "Article not available").await;
    open(&c, &base, "#/entity/person-someone").await;
    wait_for_heading(&c, "Entity not available").await;
    assert!(text_of(&c, ".load-failed").await.contains("format 99"));
    still_routes(&c).await;

    let addr = serve(no_docs).await;
    let base = format!("http://{addr}{SUB_PATH}");
    open(&c, &base, "#/").await;
    wait_until(&c, "document.querySelector('.load-failed') !== null", 20).await;
    let banner = text_of(&c, ".load-failed").await;
    assert!(
        banner.contains("shards/docs.bin.gz is missing from the site (HTTP 404)"),
        "{banner}"
    );
    still_routes(&c).await;
    c.close().await.unwrap();
}

/// The map's failure path, which the map test in `tests/app.rs` cannot reach
/// (its runner serves the data): a copy of the built app without the
/// gazetteer file.
#[tokio::test(flavor = "multi_thread")]
async fn the_map_says_which_file_is_missing_and_points_to_the_place_list() {
    let dir = workspace_root().join("target/damaged-sites/no-places");
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&dist_dir(), &dir);
    std::fs::remove_file(dir.join("assets/places.tsv")).unwrap();
    let addr = serve(dir).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");

    open(&c, &base, "#/map").await;
    wait_until(&c, "document.querySelector('.map-failed') !== null", 20).await;
    let alert = text_of(&c, ".map-failed").await;
    assert!(
        alert.starts_with("The map could not be loaded.")
            && alert.contains("assets/places.tsv is missing from the site (HTTP 404)"),
        "{alert}"
    );
    assert!(
        c.find_all(Locator::Css(".map-dot"))
            .await
            .unwrap()
            .is_empty(),
        "no dots without the gazetteer"
    );
    shot(&c, "damaged-map.png").await;
    c.find(Locator::Css(".map-failed a[href='#/entities']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(
        &c,
        "document.querySelectorAll('.entity-table tbody tr').length > 10",
        20,
    )
    .await;
    c.close().await.unwrap();
}
