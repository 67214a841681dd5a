//! End-to-end flows: the built `dist/` served from a sub-path on 127.0.0.1, driven
//! over WebDriver in headless Chromium, as a user would use it.
//!
//! Needs `dist/` (built by `trunk build --release`; `make test` does it first) and
//! `chromedriver` (`CHROMEDRIVER`, default `/usr/bin/chromedriver`). Screenshots of
//! each view are saved under `target/screenshots/` as artefacts.

use std::time::Duration;

use fantoccini::{Client, Locator};
use folio_e2e::*;

#[tokio::test(flavor = "multi_thread")]
async fn open_library_search_lyman_open_a_hit_and_read_it() {
    let addr = serve(dist_dir()).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");

    c.goto(&format!("{base}#/")).await.unwrap();
    let cards = wait_for_count(&c, ".card", 5).await;
    assert!(!cards[0].text().await.unwrap().is_empty());
    shot(&c, "library.png").await;

    let input = c.find(Locator::Css("#q")).await.unwrap();
    input.send_keys("Lyman").await.unwrap();
    let hits = wait_for_count(&c, ".result", 4).await;
    let marks = c.find_all(Locator::Css(".result mark")).await.unwrap();
    assert!(marks.len() >= 4, "every hit marks its match");
    for m in &marks {
        assert_eq!(m.text().await.unwrap(), "Lyman");
    }
    assert_eq!(
        hash(&c).await,
        "#/search?q=Lyman",
        "the URL follows the search box"
    );
    shot(&c, "search.png").await;

    let title = hits[0]
        .find(Locator::Css(".result-title"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    hits[0]
        .find(Locator::Css("a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let reader = c
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(".reader-text"))
        .await
        .unwrap();
    assert!(hash(&c).await.starts_with("#/article/"));
    assert_eq!(
        c.find(Locator::Css("#article-title"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        title
    );
    let text = reader.text().await.unwrap();
    assert!(
        text.contains("Lyman") && text.len() > 1000,
        "the reader shows the article"
    );
    shot(&c, "article.png").await;

    // Back returns to the results (one history entry for the whole search).
    c.back().await.unwrap();
    wait_for_count(&c, ".result", 4).await;
    assert_eq!(hash(&c).await, "#/search?q=Lyman");
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deep_link_to_a_search_shows_exactly_the_one_article_that_mentions_kreminna() {
    let addr = serve(dist_dir()).await;
    let driver = start_driver().await;
    let c = browser(&driver, 390, 844).await;
    c.goto(&format!("http://{addr}{SUB_PATH}#/search?q=Kreminna"))
        .await
        .unwrap();
    let hits = wait_for_count(&c, ".result", 1).await;
    let href = hits[0]
        .find(Locator::Css("a"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap();
    assert_eq!(href.as_deref(), Some("#/article/001_121d20f4aa6c6f84"));
    let input = c.find(Locator::Css("#q")).await.unwrap();
    assert_eq!(
        input.prop("value").await.unwrap().as_deref(),
        Some("Kreminna")
    );
    // The page fits a phone: nothing scrolls sideways.
    let overflow = c
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        overflow,
        serde_json::Value::Bool(false),
        "no horizontal scroll at 390 px"
    );
    shot(&c, "search-phone.png").await;
    // One hit narrows nothing, so no facet is offered for it; a broader search
    // offers some. On a phone their groups start folded, under the results.
    c.goto(&format!("http://{addr}{SUB_PATH}#/search?q=Lyman"))
        .await
        .unwrap();
    wait_until(&c, "document.querySelectorAll('.result').length > 1", 10).await;
    wait_until(&c, "document.querySelector('.facet-group')", 10).await;
    let folded = c
        .execute(
            "const g = document.querySelectorAll('.facet-group'); \
             const r = document.querySelector('.result').getBoundingClientRect().top; \
             return [g.length, document.querySelectorAll('.facet-group[open]').length, \
                     r < g[0].getBoundingClientRect().top];",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        folded[0].as_u64().unwrap() > 0,
        "facets are offered: {folded}"
    );
    assert_eq!(folded[1], 0, "and folded: {folded}");
    assert_eq!(folded[2], true, "the results come first: {folded}");
    shot(&c, "search-phone-facets.png").await;
    c.close().await.unwrap();
}

/// axe-core, from the npm tools of `.ci/tools` (installed by `make test`).
fn axe_source() -> String {
    let path = workspace_root().join(".ci/tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run `make setup` or `npm ci` in .ci/tools)",
            path.display()
        )
    })
}

/// Runs axe-core (WCAG 2 A and AA rules) on the current page and returns the
/// serious and critical violations as "rule: N nodes (first target)".
async fn serious_violations(c: &Client, axe: &str) -> Vec<String> {
    c.execute(axe, vec![]).await.expect("inject axe-core");
    let result = c
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } })
                 .then(r => done(r.violations
                   .filter(v => v.impact === 'serious' || v.impact === 'critical')
                   .map(v => v.id + ': ' + v.nodes.length + ' nodes (' + JSON.stringify(v.nodes[0].target) + ')')))
                 .catch(e => done(['axe failed: ' + e]));"#,
            vec![],
        )
        .await
        .expect("run axe-core");
    serde_json::from_value(result).expect("violations list")
}

async fn open(c: &Client, base: &str, hash: &str, ready: &str) {
    c.goto(&format!("{base}{hash}")).await.unwrap();
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(ready))
        .await
        .unwrap_or_else(|e| panic!("{hash}: {ready} never appeared: {e}"));
}

/// Every view, in order: (name, hash, an element that shows it is ready).
const VIEWS: &[(&str, &str, &str)] = &[
    ("library", "#/", ".card"),
    ("search", "#/search?q=Lyman", ".result"),
    (
        "article",
        "#/article/000_55de2ee9ab9363be",
        ".reader-text .ent",
    ),
    ("entities", "#/entities", ".entity-table tbody tr"),
    ("quotes", "#/quotes", ".quote-group"),
    ("timeline", "#/timeline", ".tl-bar"),
    ("map", "#/map", ".map-dot"),
    ("claims", "#/claims", ".claim-group"),
    (
        "compare",
        "#/compare/001_121d20f4aa6c6f84/000_55de2ee9ab9363be",
        ".claims",
    ),
];

#[tokio::test(flavor = "multi_thread")]
async fn every_view_passes_axe_core_in_light_and_dark_themes() {
    let addr = serve(dist_dir()).await;
    let axe = axe_source();
    let base = format!("http://{addr}{SUB_PATH}");
    let mut failures = Vec::new();
    for dark in [false, true] {
        let driver = start_driver().await;
        let c = if dark {
            dark_browser(&driver, 1280, 900).await
        } else {
            browser(&driver, 1280, 900).await
        };
        let theme = if dark { "dark" } else { "light" };
        for (name, hash, ready) in VIEWS {
            open(&c, &base, hash, ready).await;
            let is_dark = c
                .execute(
                    "return matchMedia('(prefers-color-scheme: dark)').matches",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(
                is_dark,
                serde_json::Value::Bool(dark),
                "{theme} theme is in effect"
            );
            for v in serious_violations(&c, &axe).await {
                failures.push(format!("{theme} {name}: {v}"));
            }
            if dark {
                shot(&c, &format!("{name}-dark.png")).await;
            }
        }
        c.close().await.unwrap();
    }
    assert!(
        failures.is_empty(),
        "serious or critical axe-core violations:\n{}",
        failures.join("\n")
    );
}

/// Guards what a reader copies and reads (issue #17): copying a paragraph
/// from the reader glued the speaker's tag onto the quote ("…he said.”Zelenskiy"),
/// and the concordance's right-to-left cell moved the punctuation of its left
/// context to the other end (",In his late-night address").
#[tokio::test(flavor = "multi_thread")]
async fn a_copied_passage_is_the_text_alone_and_the_concordance_reads_as_written() {
    let addr = serve(dist_dir()).await;
    let base = format!("http://{addr}{SUB_PATH}");
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    open(
        &c,
        &base,
        "#/article/000_55de2ee9ab9363be",
        ".reader-text .speaker-tag",
    )
    .await;
    let copied = c
        .execute(
            "const p = document.querySelector('.reader-text .speaker-tag').closest('p');
             const r = document.createRange(); r.selectNodeContents(p);
             const s = getSelection(); s.removeAllRanges(); s.addRange(r);
             const bare = p.cloneNode(true);
             bare.querySelectorAll('.speaker-tag, .speaker-edit').forEach(e => e.remove());
             const squash = t => t.replace(/\\s+/g, ' ').trim();
             return [squash(s.toString()), squash(bare.textContent), squash(p.textContent)];",
            vec![],
        )
        .await
        .unwrap();
    let (copy, bare, shown) = (
        copied[0].as_str().unwrap(),
        copied[1].as_str().unwrap(),
        copied[2].as_str().unwrap(),
    );
    assert_ne!(bare, shown, "the paragraph has a speaker tag");
    assert_eq!(
        copy, bare,
        "the copy is the paragraph's text without its tags"
    );

    // The left context cell is cut on its left, but its text runs left to right.
    let e = c
        .execute(
            "return document.querySelector('.reader-text a.ent.kind-person').getAttribute('href')",
            vec![],
        )
        .await
        .unwrap();
    open(&c, &base, e.as_str().unwrap(), ".kwic tbody tr").await;
    let dirs = c
        .execute(
            "const s = document.querySelector('.kwic-left > span');
             return [getComputedStyle(s.parentElement).direction, getComputedStyle(s).direction, getComputedStyle(s).unicodeBidi];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(dirs, serde_json::json!(["rtl", "ltr", "isolate"]));
    c.close().await.unwrap();
}

/// Guards the phone layout of every view (issue #17: Quotes was 780 px and
/// Entities 521 px wide on a 390 px phone, so the whole page scrolled
/// sideways). A wide table may scroll inside its own box; the page may not.
#[tokio::test(flavor = "multi_thread")]
async fn no_view_scrolls_sideways_on_a_390_px_phone() {
    let addr = serve(dist_dir()).await;
    let base = format!("http://{addr}{SUB_PATH}");
    let driver = start_driver().await;
    let c = browser(&driver, 390, 844).await;
    let mut wide = Vec::new();
    for (name, hash, ready) in VIEWS {
        open(&c, &base, hash, ready).await;
        let widths = c
            .execute(
                "const d = document.documentElement; return [d.scrollWidth, d.clientWidth];",
                vec![],
            )
            .await
            .unwrap();
        let (scroll, client) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
        if scroll > client {
            wide.push(format!("{name}: {scroll} px wide in {client} px"));
        }
    }
    c.close().await.unwrap();
    assert!(
        wide.is_empty(),
        "views wider than the phone:\n{}",
        wide.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn search_open_an_article_follow_an_entity_read_its_concordance_and_open_a_quotes_article() {
    let addr = serve(dist_dir()).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");
    open(&c, &base, "#/", ".card").await;

    c.find(Locator::Css("#q"))
        .await
        .unwrap()
        .send_keys("Kupiansk")
        .await
        .unwrap();
    // The variant spelling finds both the Kupiansk and the Kupyansk article.
    let hits = wait_for_count(&c, ".result", 2).await;
    hits[0]
        .find(Locator::Css("a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css(".reader-text .ent"))
        .await
        .unwrap();

    // Follow a person named in the article to their page.
    let person = c
        .find(Locator::Css(".reader-text a.ent.kind-person"))
        .await
        .unwrap();
    let name = person.attr("data-name").await.unwrap().unwrap();
    person.click().await.unwrap();
    c.wait().for_element(Locator::Css(".kwic")).await.unwrap();
    assert!(hash(&c).await.starts_with("#/entity/"));
    assert!(c
        .find(Locator::Css("#entity-title"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .starts_with(&name));
    let lines = c.find_all(Locator::Css(".kwic tr")).await.unwrap();
    assert!(!lines.is_empty());
    shot(&c, "entity.png").await;

    // Open the article of one of the quotes on the quotes view.
    open(&c, &base, "#/quotes", ".quote-version").await;
    shot(&c, "quotes.png").await;
    let link = c
        .find(Locator::Css(".quote-version figcaption a"))
        .await
        .unwrap();
    let href = link.attr("href").await.unwrap().unwrap();
    link.click().await.unwrap();
    c.wait()
        .for_element(Locator::Css(".reader-text"))
        .await
        .unwrap();
    assert_eq!(hash(&c).await, href);
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn compare_two_articles_chosen_from_the_pickers() {
    let addr = serve(dist_dir()).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");
    open(&c, &base, "#/compare", ".pickers select").await;
    // The pickers fill when the corpus (fetched beside the wasm) has arrived.
    wait_until(
        &c,
        "document.querySelector(\"option[value='004_a0672cb53393491e']\")",
        10,
    )
    .await;
    let pickers = c.find_all(Locator::Css(".pickers select")).await.unwrap();
    pickers[0]
        .select_by_value("003_2de072fd7b9da36a")
        .await
        .unwrap();
    pickers[1]
        .select_by_value("004_a0672cb53393491e")
        .await
        .unwrap();
    c.wait().for_element(Locator::Css(".claims")).await.unwrap();
    assert_eq!(
        hash(&c).await,
        "#/compare/003_2de072fd7b9da36a/004_a0672cb53393491e"
    );
    let shared = c
        .find_all(Locator::Css("#shared-title + .chips .chip"))
        .await
        .unwrap();
    assert!(shared.len() >= 3, "the two articles share entities");
    shot(&c, "compare.png").await;
    open(&c, &base, "#/timeline", ".tl-bar").await;
    shot(&c, "timeline.png").await;
    // The busiest month, by its shortcut: a chart of days.
    c.find(Locator::Css(".tl-span button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(
        &c,
        "(document.querySelector('.tl-figure figcaption')?.textContent || '').includes('per day')",
        10,
    )
    .await;
    shot(&c, "timeline-zoomed.png").await;
    open(&c, &base, "#/entities", ".entity-table").await;
    shot(&c, "entities.png").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_map_fetches_its_data_draws_the_places_and_opens_one() {
    let addr = serve(dist_dir()).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");
    // From the nav bar: the data is fetched only now, relative to the sub-path.
    open(&c, &base, "#/", ".card").await;
    c.find(Locator::Css("nav.views a[href='#/map']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(".map-dot"))
        .await
        .expect("the map draws its places");
    let dots = c.find_all(Locator::Css(".map-dot")).await.unwrap();
    assert!(dots.len() >= 8, "{} places on the map", dots.len());
    let credit = c
        .find(Locator::Css(".map-credit"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        credit.contains("Place data: GeoNames (CC BY 4.0)"),
        "{credit}"
    );
    let unlocated = c
        .find_all(Locator::Css(".map-side .map-list a"))
        .await
        .unwrap();
    assert!(!unlocated.is_empty(), "places not found are listed");
    let labels = c.find_all(Locator::Css(".map-label")).await.unwrap();
    assert!(labels.len() >= 3, "{} names on the map", labels.len());
    let names: Vec<String> = {
        let mut v = Vec::new();
        for l in &labels {
            v.push(l.text().await.unwrap());
        }
        v
    };
    for place in ["Kharkiv", "Kyiv"] {
        assert!(
            names.iter().any(|n| n.contains(place)),
            "{place} named on the map: {names:?}"
        );
    }
    let mut drawn = Vec::new();
    for d in &dots {
        drawn.push(d.attr("aria-label").await.unwrap().unwrap_or_default());
    }
    assert!(
        drawn.iter().any(|l| l.starts_with("Lyman,")),
        "Lyman drawn: {drawn:?}"
    );
    shot(&c, "map.png").await;

    // Open a place: the last drawn, the smallest circle, on top of any other.
    let first = dots.last().unwrap();
    let href = first.attr("href").await.unwrap().unwrap();
    first.click().await.unwrap();
    c.wait().for_element(Locator::Css(".kwic")).await.unwrap();
    assert_eq!(hash(&c).await, href);
    assert!(href.starts_with("#/entity/"));

    // The world view, and back.
    open(&c, &base, "#/map", ".map-dot").await;
    c.find(Locator::Css(".map-toggle:last-child"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css(".map-toggle:last-child[aria-pressed='true']"))
        .await
        .unwrap();
    shot(&c, "map-world.png").await;
    c.close().await.unwrap();

    // A phone: the map and the list stack, nothing overflows sideways.
    let c = browser(&driver, 360, 800).await;
    open(&c, &base, "#/map", ".map-dot").await;
    let overflow = c
        .execute(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        overflow,
        serde_json::Value::Bool(false),
        "no sideways scroll at 360 px"
    );
    shot(&c, "map-mobile.png").await;
    c.close().await.unwrap();
}

/// The claims view, opened from the nav bar: its module loads only now; the
/// area the outlets give three ways is marked as differing, with each value
/// and who gave it; the source filter narrows the measures; a figure's
/// article opens in the reader; a phone scrolls the tables, not the page.
#[tokio::test(flavor = "multi_thread")]
async fn the_claims_view_loads_its_module_marks_the_differing_figures_and_filters_by_source() {
    let addr = serve(dist_dir()).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");
    open(&c, &base, "#/", ".card").await;
    let loaded = "return performance.getEntriesByType('resource').some(r => r.name.endsWith('folio-views_bg.wasm'))";
    assert_eq!(
        c.execute(loaded, vec![]).await.unwrap(),
        serde_json::Value::Bool(false),
        "the views module is not loaded before a view of it opens"
    );
    c.find(Locator::Css("nav.views a[href='#/claims']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(".claim-group"))
        .await
        .expect("the claims view draws its measures");
    assert_eq!(
        c.execute(loaded, vec![]).await.unwrap(),
        serde_json::Value::Bool(true)
    );
    let area = c
        .find(Locator::XPath(
            "//section[contains(@class,'claim-group')][h2[contains(.,'km²')]]",
        ))
        .await
        .expect("an area measure");
    assert!(area
        .attr("class")
        .await
        .unwrap()
        .unwrap_or_default()
        .contains("differ"));
    let badge = area.find(Locator::Css(".badge")).await.unwrap();
    assert_eq!(
        badge.text().await.unwrap().to_lowercase(),
        "differ: 1,000 to 3,000"
    );
    let mut rows = Vec::new();
    for r in area.find_all(Locator::Css("tbody tr")).await.unwrap() {
        rows.push(r.text().await.unwrap());
    }
    assert_eq!(rows.len(), 3, "{rows:?}");
    for v in ["1,000", "2,000", "3,000"] {
        assert!(rows.iter().any(|r| r.starts_with(v)), "{v} in {rows:?}");
    }
    assert!(
        rows.iter()
            .any(|r| r.contains("Valeriy Zaluzhniy") && r.contains("this month")),
        "a figure's source and period: {rows:?}"
    );
    let troops = c
        .find(Locator::XPath(
            "//section[contains(@class,'claim-group')][h2[contains(.,'troops')]]",
        ))
        .await
        .unwrap();
    assert!(troops
        .text()
        .await
        .unwrap()
        .contains("2 figures in 2 articles"));
    shot(&c, "claims.png").await;

    // One source: only the measures it gives a figure for.
    let before = c
        .find_all(Locator::Css(".claim-group"))
        .await
        .unwrap()
        .len();
    c.find(Locator::Css(".claims-page select"))
        .await
        .unwrap()
        .select_by_value("Valeriy Zaluzhniy")
        .await
        .unwrap();
    let mut after = before;
    for _ in 0..50 {
        after = c
            .find_all(Locator::Css(".claim-group"))
            .await
            .unwrap()
            .len();
        if after != before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(after >= 1 && after < before, "{before} -> {after} measures");

    // A figure's article opens in the reader at its sentence: the paragraph
    // holding the figure is marked and scrolled into view.
    let row = c.find(Locator::Css(".claim-group tbody tr")).await.unwrap();
    let written = row
        .find(Locator::Css("td:nth-child(2)"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let written = written
        .trim_matches(|ch| ch == '“' || ch == '”')
        .to_string();
    let link = row
        .find(Locator::Css("td a[href^='#/article/']"))
        .await
        .unwrap();
    let href = link.attr("href").await.unwrap().unwrap();
    assert!(
        href.contains("?at="),
        "a figure links to its passage: {href}"
    );
    link.click().await.unwrap();
    c.wait()
        .for_element(Locator::Css(".reader-text p.target"))
        .await
        .expect("the figure's paragraph is marked");
    assert_eq!(hash(&c).await, href);
    let target = text_of(&c, ".reader-text p.target").await;
    assert!(target.contains(&written), "{written:?} in {target:?}");
    wait_until(
        &c,
        "(() => { const r = document.querySelector('.reader-text p.target').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })()",
        5,
    )
    .await;
    assert_eq!(
        c.find_all(Locator::Css(".reader-text p.target"))
            .await
            .unwrap()
            .len(),
        1
    );
    shot(&c, "reader-at-claim.png").await;
    // Another view opens at its top, not where the reader was scrolled to.
    let scrolled = c.execute("return window.scrollY", vec![]).await.unwrap();
    assert!(
        scrolled.as_f64().unwrap_or(0.0) > 0.0,
        "the reader scrolled to the passage"
    );
    c.find(Locator::Css("nav.views a[href='#/entities']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(
        &c,
        "location.hash === '#/entities' && window.scrollY === 0",
        5,
    )
    .await;
    c.close().await.unwrap();

    let c = browser(&driver, 390, 844).await;
    open(&c, &base, "#/claims", ".claim-group").await;
    let overflow = c
        .execute(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        overflow,
        serde_json::Value::Bool(false),
        "no sideways scroll at 390 px"
    );
    shot(&c, "claims-phone.png").await;
    c.close().await.unwrap();
}

/// Guards corrections by hand in the browser: "not an entity" from an
/// entity's page removes it from the entities, a quote's speaker set from the
/// quotes view shows as its group, both are listed on `#/corrections` and
/// survive a reload (the worker applies them to the bundled articles), and
/// undo takes one back; the reader offers the same speaker form, naming the
/// quote it edits; a one-file copy made afterwards carries the correction.
#[tokio::test(flavor = "multi_thread")]
async fn corrections_made_in_the_browser_apply_survive_a_reload_and_undo() {
    let addr = serve(dist_dir()).await;
    let driver = start_driver().await;
    let c = browser(&driver, 1280, 900).await;
    let base = format!("http://{addr}{SUB_PATH}");
    let first_entity = "(() => { const a = document.querySelector('.entities-page a[href^=\"#/entity/\"], main a[href^=\"#/entity/\"]'); return a && a.getAttribute('href'); })()";
    c.goto(&format!("{base}#/entities")).await.unwrap();
    wait_until(&c, &format!("!!{first_entity}"), 10).await;
    let href = c
        .execute(&format!("return {first_entity}"), vec![])
        .await
        .unwrap();
    let href = href.as_str().unwrap().to_string();
    c.goto(&format!("{base}{href}")).await.unwrap();
    let summary = c
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(".correct summary"))
        .await
        .unwrap();
    summary.click().await.unwrap();
    shot(&c, "entity-correct.png").await;
    // The default action is "not an entity".
    c.find(Locator::Css(".correct-form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let gone = format!("!document.querySelector('main a[href=\"{href}\"]') && !!{first_entity}");
    wait_until(&c, "location.hash === '#/entities'", 10).await;
    wait_until(&c, &gone, 20).await;

    // A quote's speaker, set by hand.
    c.goto(&format!("{base}#/quotes")).await.unwrap();
    let edit = c
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(".speaker-edit"))
        .await
        .unwrap();
    edit.click().await.unwrap();
    let input = c.find(Locator::Css(".speaker-form input")).await.unwrap();
    input.clear().await.unwrap();
    input.send_keys("Nobody Special").await.unwrap();
    shot(&c, "quotes-speaker-form.png").await;
    c.find(Locator::Css(".speaker-form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let by_nobody = "[...document.querySelectorAll('.speaker h2')].some(h => h.textContent.trim() === 'Nobody Special')";
    wait_until(&c, by_nobody, 20).await;

    c.goto(&format!("{base}#/corrections")).await.unwrap();
    let items = wait_for_count(&c, ".corrections-list li", 2).await;
    assert!(items[0].text().await.unwrap().contains("is not an entity"));
    assert!(items[1].text().await.unwrap().contains("Nobody Special"));
    shot(&c, "corrections.png").await;

    // A reload: the bundled corpus shows first, then the worker's corrected one.
    c.refresh().await.unwrap();
    c.goto(&format!("{base}#/quotes")).await.unwrap();
    wait_until(&c, by_nobody, 20).await;
    c.goto(&format!("{base}#/entities")).await.unwrap();
    wait_until(&c, &gone, 20).await;

    // Undo the first: the entity is back, the speaker stays.
    c.goto(&format!("{base}#/corrections")).await.unwrap();
    wait_for_count(&c, ".corrections-list li", 2).await;
    c.find(Locator::Css(".corrections-list li button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_count(&c, ".corrections-list li", 1).await;
    c.goto(&format!("{base}#/entities")).await.unwrap();
    wait_until(
        &c,
        &format!("!!document.querySelector('main a[href=\"{href}\"]')"),
        20,
    )
    .await;

    // From the reader: a quote's pencil opens the speaker form, which shows
    // the words of the quote it edits.
    c.goto(&format!("{base}#/quotes")).await.unwrap();
    let to_reader = c
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(".quote-version figcaption a[href*='?at=']"))
        .await
        .expect("a quote links to its passage in the reader");
    to_reader.click().await.unwrap();
    let pencil = c
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(".reader-text p.target .speaker-edit"))
        .await
        .expect("the linked quote has a speaker button in the reader");
    pencil.click().await.unwrap();
    let shown = text_of(&c, ".speaker-form .speaker-quote").await;
    let passage = text_of(&c, ".reader-text p.target").await;
    assert!(
        shown.len() > 10 && passage.contains(shown.trim_end_matches('…')),
        "the form names the quote: {shown:?} in {passage:?}"
    );
    shot(&c, "reader-speaker-form.png").await;
    // The form has the focus, and Esc closes it.
    wait_until(
        &c,
        "document.activeElement === document.querySelector('.speaker-form input')",
        5,
    )
    .await;
    c.active_element()
        .await
        .unwrap()
        .send_keys("\u{e00c}")
        .await
        .unwrap();
    wait_until(&c, "!document.querySelector('.speaker-form')", 5).await;

    // The one-file copy made now carries the correction: opened from disk,
    // with no worker and no storage, its quotes show the speaker set by hand.
    c.goto(&format!("{base}#/")).await.unwrap();
    let export = c
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::XPath("//button[text()='As one HTML file']"))
        .await
        .unwrap();
    // Clear of the sticky bar, where a click would land on the search box.
    c.execute(
        "arguments[0].scrollIntoView({block: 'center'})",
        vec![serde_json::to_value(&export).unwrap()],
    )
    .await
    .unwrap();
    export.click().await.unwrap();
    downloaded(&driver, "folio.html").await;
    let copy = downloads_dir(&driver).join("folio.html");
    c.goto(&format!("file://{}#/quotes", copy.display()))
        .await
        .unwrap();
    wait_until(&c, by_nobody, 20).await;
    assert!(
        c.find_all(Locator::Css(".speaker-edit"))
            .await
            .unwrap()
            .is_empty(),
        "a one-file copy offers no corrections: it has nowhere to keep them"
    );

    // On a phone, in the dark theme (the same profile, so the same
    // storage), the page and the form fit.
    c.close().await.unwrap();
    let phone = dark_browser(&driver, 390, 844).await;
    phone.goto(&format!("{base}#/corrections")).await.unwrap();
    wait_for_count(&phone, ".corrections-list li", 1).await;
    let wide = phone
        .execute(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(wide, false, "the corrections page scrolls sideways");
    shot(&phone, "corrections-phone-dark.png").await;
    phone.goto(&format!("{base}{href}")).await.unwrap();
    phone
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(".correct summary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let wide = phone
        .execute(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(wide, false, "the entity page scrolls sideways");
    shot(&phone, "entity-correct-phone-dark.png").await;
    phone.close().await.unwrap();
}
