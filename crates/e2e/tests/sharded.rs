//! A sharded site (`folio build --shards always` over the bundled articles,
//! written by `scripts/test.sh` to `target/sharded-site`) served from a
//! sub-path: the app opens the index from its manifest and fetches the
//! lexicon buckets, postings, records and entity pages each step needs.

use std::time::Duration;

use fantoccini::Locator;
use folio_e2e::*;

/// Every site path the page has fetched so far.
async fn fetched(c: &fantoccini::Client) -> Vec<String> {
    let v = c
        .execute(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sharded_site_searches_reads_and_shows_entities_fetching_only_what_it_needs() {
    let addr = serve(sharded_site_dir()).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");

    c.goto(&format!("{base}#/")).await.unwrap();
    wait_until(
        &c,
        "(document.querySelector('.library [role=status]')?.textContent || '').includes('5 articles')",
        20,
    )
    .await;
    let chips = c.find_all(Locator::Css(".library .chip")).await.unwrap();
    assert!(chips.len() >= 10, "the most mentioned entities are offered");
    let at_start = fetched(&c).await;
    assert!(at_start.iter().any(|p| p.ends_with("shards/manifest.json")));
    assert!(
        !at_start
            .iter()
            .any(|p| p.contains("/shards/post/") || p.contains("/shards/rec/")),
        "nothing but the manifest and document table loads up front: {at_start:?}"
    );
    assert!(
        !at_start.iter().any(|p| p.ends_with("corpus.json")),
        "a sharded site has no corpus.json to load"
    );

    // The same four hits as the whole corpus gives, each with its match marked.
    let input = c.find(Locator::Css("#q")).await.unwrap();
    input.send_keys("Lyman").await.unwrap();
    wait_for_count(&c, ".result", 4).await;
    let marks = c.find_all(Locator::Css(".result mark")).await.unwrap();
    assert!(marks.len() >= 4);
    for m in &marks {
        assert_eq!(m.text().await.unwrap(), "Lyman");
    }
    // What one query fetches, from a fresh page: its bucket, its postings,
    // one record per hit shown.
    c.goto(&format!("{base}#/")).await.unwrap();
    c.goto(&format!("{base}#/search?q=Lyman")).await.unwrap();
    c.refresh().await.unwrap();
    wait_until(
        &c,
        "document.querySelector('.search-main')?.dataset.answered === 'Lyman'",
        20,
    )
    .await;
    let after = fetched(&c).await;
    assert!(
        after.iter().any(|p| p.ends_with("shards/lex/l.bin.gz")),
        "{after:?}"
    );
    assert!(after.iter().any(|p| p.contains("/shards/post/")));
    assert_eq!(
        after.iter().filter(|p| p.contains("/shards/rec/")).count(),
        4,
        "one record per hit shown: {after:?}"
    );
    assert!(
        !after.iter().any(|p| p.contains("/shards/pos/")),
        "positions load for phrases only"
    );
    let hits: Vec<String> = serde_json::from_value(
        c.execute(
            "return Array.from(document.querySelectorAll('.result-link')).map(a => a.getAttribute('href').replace('#/article/', ''));",
            vec![],
        )
        .await
        .unwrap(),
    )
    .unwrap();

    // A romanisation the text does not use finds the one it does.
    // (Wait for this query's answer: the previous query's marks stay on
    // show until it comes, and once raced the check.)
    c.goto(&format!("{base}#/search?q=Kupiansk")).await.unwrap();
    wait_until(
        &c,
        "document.querySelector('.search-main')?.dataset.answered === 'Kupiansk' && document.querySelectorAll('.result mark').length > 0",
        20,
    )
    .await;
    let marked = text_of(&c, ".result mark").await;
    assert!(marked.starts_with("Kup"), "{marked}");

    // A phrase loads positions.
    c.goto(&format!("{base}#/search?q=%22fully%20cleared%22"))
        .await
        .unwrap();
    wait_until(
        &c,
        "document.querySelector('.search-main')?.dataset.answered === '\"fully cleared\"' && document.querySelectorAll('.result').length > 0",
        20,
    )
    .await;
    assert!(fetched(&c).await.iter().any(|p| p.contains("/shards/pos/")));

    // The reader opens a hit.
    let title = text_of(&c, ".result-title").await;
    c.find(Locator::Css(".result-link"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(".reader-text"))
        .await
        .unwrap();
    assert_eq!(text_of(&c, "#article-title").await, title);
    let marks = c.find_all(Locator::Css(".reader-text .ent")).await.unwrap();
    assert!(!marks.is_empty(), "entities are marked in the reader");
    let article = hash(&c).await;

    // A deep link to that article in a fresh page finds it through its id bucket.
    c.goto(&format!("{base}#/")).await.unwrap();
    c.goto(&format!("{base}{article}")).await.unwrap();
    c.refresh().await.unwrap();
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(".reader-text"))
        .await
        .unwrap();
    assert_eq!(text_of(&c, "#article-title").await, title);
    assert!(fetched(&c).await.iter().any(|p| p.contains("/shards/ids/")));

    // Entities: the manifest's list, and a page with mentions in context.
    c.goto(&format!("{base}#/entities")).await.unwrap();
    wait_until(
        &c,
        "document.querySelectorAll('.entity-table tbody tr').length > 10",
        20,
    )
    .await;
    c.find(Locator::Css(".entity-table tbody tr a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(&c, "document.querySelectorAll('.kwic tr').length > 0", 20).await;
    let note = text_of(&c, ".entity-page > p.muted").await;
    assert!(note.contains("Shown below"), "{note}");
    assert!(fetched(&c).await.iter().any(|p| p.contains("/shards/ent/")));
    shot(&c, "sharded-entity.png").await;

    // Two hits side by side, both records fetched from a deep link.
    c.goto(&format!("{base}#/")).await.unwrap();
    c.goto(&format!("{base}#/compare/{}/{}", hits[0], hits[1]))
        .await
        .unwrap();
    c.refresh().await.unwrap();
    wait_until(
        &c,
        "document.querySelectorAll('.compare .pair.heads h2').length === 2",
        20,
    )
    .await;
    let heads = text_of(&c, ".compare .pair.heads").await;
    assert!(!heads.trim().is_empty());

    // Views that need every article say so instead of showing a part as the whole.
    c.goto(&format!("{base}#/timeline")).await.unwrap();
    wait_until(
        &c,
        "(document.querySelector('main h1')?.textContent || '').includes('Not for a corpus this large')",
        10,
    )
    .await;
    c.close().await.unwrap();
}
