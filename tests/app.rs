//! Browser tests of the app: mount it in headless Chromium, act as a user, read the
//! DOM. Run with `cargo test -p folio --target wasm32-unknown-unknown` (the runner
//! is wasm-bindgen-test-runner with chromedriver; see `.cargo/config.toml`).

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a fresh app at `hash` into its own element and returns that element.
fn mount_at(hash: &str) -> HtmlElement {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), folio::App);
    handle.forget();
    host
}

fn all(host: &HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into().ok()))
        .collect()
}

fn text(host: &HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

async fn type_query(host: &HtmlElement, q: &str) {
    let input: HtmlInputElement = host.query_selector("#q").unwrap().unwrap().unchecked_into();
    input.set_value(q);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn the_library_shows_one_card_per_bundled_article() {
    let host = mount_at("#/");
    leptos::task::tick().await;
    assert_eq!(all(&host, ".card").len(), 5);
    assert_eq!(text(&host, ".page-head .muted"), "5 articles");
    for card in all(&host, ".card") {
        let title = card
            .query_selector(".card-title")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        assert!(!title.trim().is_empty(), "every card has a title");
    }
    host.remove();
}

#[wasm_bindgen_test]
async fn typing_a_query_shows_ranked_hits_with_marks_and_keeps_the_url_in_step() {
    let host = mount_at("#/");
    leptos::task::tick().await;
    type_query(&host, "Lyma").await;
    // Prefix matching while typing: "Lyma" already finds the Lyman articles.
    let hits = all(&host, ".result");
    assert_eq!(hits.len(), 4, "four bundled articles mention Lyman");
    let marks: Vec<String> = all(&host, ".result mark")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert!(!marks.is_empty());
    assert!(
        marks.iter().all(|m| m.to_lowercase().starts_with("lyma")),
        "{marks:?}"
    );
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        "#/search?q=Lyma"
    );
    assert!(text(&host, ".result-count").starts_with("4 articles match"));

    type_query(&host, "Lyman Kreminna").await;
    assert_eq!(all(&host, ".result").len(), 1);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_query_with_no_match_says_so() {
    let host = mount_at("#/search?q=zzqqxx");
    leptos::task::tick().await;
    assert!(all(&host, ".result").is_empty());
    assert!(text(&host, ".empty").contains("Nothing matches"));
    host.remove();
}

#[wasm_bindgen_test]
async fn the_reader_shows_the_clean_text_without_debris() {
    let host = mount_at("#/article/000_55de2ee9ab9363be");
    leptos::task::tick().await;
    let body = text(&host, ".reader-text");
    assert!(body.contains("Volodymyr Zelenskiy"));
    assert!(!body.contains("SEE ALSO"), "debris is removed");
    assert!(
        body.contains("Kyiv and the West have condemned"),
        "the glued sentence is kept"
    );
    assert!(all(&host, ".reader-text p").len() > 10);
    host.remove();
}

#[wasm_bindgen_test]
async fn an_unknown_article_id_says_not_found() {
    let host = mount_at("#/article/nope");
    leptos::task::tick().await;
    assert!(text(&host, "h1").contains("not found"));
    host.remove();
}

/// Lets the browser run queued tasks (a link click's `hashchange` fires as a task,
/// not synchronously), then lets Leptos apply its updates.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

async fn click(host: &HtmlElement, selector: &str) {
    let el: HtmlElement = host
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into();
    el.click();
    settle().await;
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

#[wasm_bindgen_test]
async fn the_reader_marks_entities_quotes_and_can_show_the_debris() {
    let host = mount_at("#/article/000_55de2ee9ab9363be");
    leptos::task::tick().await;
    assert!(all(&host, ".reader-text .ent.kind-person").len() >= 2);
    assert!(all(&host, ".reader-text .ent.kind-place").len() >= 5);
    let marks = all(&host, ".reader-text a.ent");
    assert!(
        marks.iter().all(
            |m| m.get_attribute("data-name").is_some_and(|n| !n.is_empty())
                && m.get_attribute("href").unwrap().starts_with("#/entity/")
        ),
        "every entity mark links to its page and carries its card"
    );
    let tags: Vec<String> = all(&host, ".reader-text .speaker-tag")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert!(tags.iter().any(|t| t.contains("Zelenskiy")), "{tags:?}");
    assert!(!all(&host, ".reader-text .mark-date").is_empty());
    assert!(!all(&host, ".reader-text .mark-qty").is_empty());
    // The debris list is hidden until asked for.
    let list = host.query_selector("#removed-list").unwrap().unwrap();
    assert!(list.has_attribute("hidden"));
    click(&host, ".removed .toggle").await;
    assert!(!list.has_attribute("hidden"));
    assert!(list.text_content().unwrap().contains("SEE ALSO"));
    host.remove();
}

#[wasm_bindgen_test]
async fn the_entities_list_filters_by_name_and_kind() {
    let host = mount_at("#/entities");
    leptos::task::tick().await;
    let all_rows = all(&host, ".entity-table tbody tr").len();
    assert!(all_rows > 20, "{all_rows}");
    let input: HtmlInputElement = host
        .query_selector("#entity-filter")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("zelensk");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
    let rows = all(&host, ".entity-table tbody tr");
    assert_eq!(rows.len(), 1, "all spellings are one entity");
    input.set_value("");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
    click(&host, ".tabs .tab:nth-child(2)").await;
    let people = all(&host, ".entity-table tbody tr .kind-col .kind-badge");
    assert!(!people.is_empty() && people.len() < all_rows);
    assert!(people.iter().all(|b| b.text_content().unwrap() == "Person"));
    host.remove();
}

#[wasm_bindgen_test]
async fn an_entity_page_shows_aliases_concordance_and_what_they_said() {
    let host = mount_at("#/entities");
    leptos::task::tick().await;
    let input: HtmlInputElement = host
        .query_selector("#entity-filter")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("zelensk");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
    click(&host, ".entity-table tbody tr a").await;
    assert!(hash().starts_with("#/entity/"));
    let aliases: Vec<String> = all(&host, ".aliases li")
        .iter()
        .map(|a| a.text_content().unwrap())
        .collect();
    assert!(aliases.len() >= 3, "{aliases:?}");
    let lines = all(&host, ".kwic tr");
    assert!(lines.len() >= 4);
    for l in &lines {
        assert_eq!(l.children().length(), 3, "left, mention, right");
    }
    assert!(!all(&host, ".quote-list .quote-card").is_empty());
    assert!(
        !all(&host, ".chips .chip").is_empty(),
        "co-occurring entities"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn the_quotes_view_groups_by_speaker_and_filters() {
    let host = mount_at("#/quotes");
    leptos::task::tick().await;
    let speakers = all(&host, "section.speaker");
    assert!(speakers.len() >= 5);
    assert!(
        !all(&host, ".quote-group.several").is_empty(),
        "a statement reported by two outlets is one item"
    );
    // The speaker box: part of a name, any case, finds that speaker alone.
    let first = text(&host, "section.speaker h2");
    let part: String = first
        .chars()
        .skip(1)
        .take(5)
        .collect::<String>()
        .to_uppercase();
    let input: HtmlInputElement = host
        .query_selector(".toolbar input[list]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value(&part);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
    let left: Vec<String> = all(&host, "section.speaker h2")
        .iter()
        .map(|h| h.text_content().unwrap_or_default())
        .collect();
    assert!(left.contains(&first), "{part:?} keeps {first:?}: {left:?}");
    assert!(
        left.len() < speakers.len(),
        "{part:?} leaves others out: {left:?}"
    );
    assert!(
        !all(&host, "#quote-speakers option").is_empty(),
        "the box suggests the most quoted"
    );
    // The article box matches titles; nothing matches, nothing shows.
    let title: HtmlInputElement = host
        .query_selector(".toolbar input:not([list])")
        .unwrap()
        .unwrap()
        .unchecked_into();
    title.set_value("no title has these words");
    title
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert!(all(&host, "section.speaker").is_empty());
    host.remove();
}

/// Guards the timeline that counts (issue #17: a dot per event and a legend
/// line per article made a page 284,667 px tall at 5,000 articles): bars count
/// the events, a bar zooms in to its span and the list follows it, and the
/// zoom comes undone.
#[wasm_bindgen_test]
async fn the_timeline_counts_events_in_bars_that_zoom_in() {
    // The timeline lives in the views module: mounted as that module does.
    use leptos::prelude::IntoAny;
    let host = mount_view(|| folio::pages::timeline::TimelinePage().into_any());
    leptos::task::tick().await;
    let bars = all(&host, ".tl-bar");
    assert!(!bars.is_empty());
    let counted: usize = bars
        .iter()
        .map(|b| {
            let label = b.get_attribute("aria-label").unwrap();
            label
                .split(": ")
                .nth(1)
                .and_then(|l| l.split(' ').next())
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or_else(|| panic!("a count in {label:?}"))
        })
        .sum();
    assert!(
        counted >= 10,
        "the bundled articles date many events: {counted}"
    );
    assert!(!all(&host, ".tl-tick").is_empty(), "the axis is labelled");
    let events = all(&host, ".tl-event");
    assert!(
        events.len() >= counted.min(100),
        "the list has the events the bars count"
    );
    for e in &events {
        let href = e
            .query_selector("a")
            .unwrap()
            .unwrap()
            .get_attribute("href")
            .unwrap();
        assert!(
            href.starts_with("#/article/") && href.contains("?at="),
            "{href}"
        );
    }
    let undo = |host: &HtmlElement| {
        all(host, ".tl-span button")
            .into_iter()
            .filter(|b| matches!(b.text_content().as_deref(), Some("Zoom out" | "Whole span")))
            .collect::<Vec<_>>()
    };
    assert!(undo(&host).is_empty(), "nothing to undo yet");

    // The busiest bar zooms in: fewer events listed, and a way back.
    let busiest = bars
        .iter()
        .max_by_key(|b| {
            let l = b.get_attribute("aria-label").unwrap();
            l.split(": ")
                .nth(1)
                .and_then(|l| l.split(' ').next())
                .and_then(|n| n.parse::<usize>().ok())
        })
        .unwrap();
    let most: usize = busiest
        .get_attribute("aria-label")
        .unwrap()
        .split(": ")
        .nth(1)
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    let caption = text(&host, ".tl-figure figcaption");
    busiest.unchecked_ref::<HtmlElement>().click();
    leptos::task::tick().await;
    let zoomed = all(&host, ".tl-event").len();
    assert!(
        zoomed >= most.min(100) && zoomed <= events.len(),
        "{zoomed} of {}",
        events.len()
    );
    assert_ne!(
        text(&host, ".tl-figure figcaption"),
        caption,
        "a finer chart of the span"
    );
    assert!(!all(&host, ".tl-bar").is_empty());
    let undone = undo(&host);
    assert_eq!(undone.len(), 2, "zoom out and the whole span");
    undone[1].unchecked_ref::<HtmlElement>().click();
    leptos::task::tick().await;
    assert_eq!(all(&host, ".tl-event").len(), events.len());
    host.remove();
}

#[wasm_bindgen_test]
async fn compare_aligns_two_articles_and_flags_differing_numbers() {
    let host = mount_at("#/compare/001_121d20f4aa6c6f84/000_55de2ee9ab9363be");
    leptos::task::tick().await;
    assert_eq!(all(&host, ".pair.heads h2").len(), 2);
    assert!(!all(&host, ".claims tbody tr").is_empty());
    assert!(all(&host, "section .chips .chip").len() >= 5);
    let choose = host.query_selector(".pickers select").unwrap().unwrap();
    assert!(choose
        .unchecked_ref::<web_sys::HtmlSelectElement>()
        .value()
        .starts_with("001_"));
    host.remove();
}

#[wasm_bindgen_test]
async fn compare_with_nothing_chosen_offers_the_pairs_that_name_the_most_in_common() {
    let host = mount_at("#/compare");
    leptos::task::tick().await;
    let links = all(&host, ".related-pairs li a");
    assert!(!links.is_empty(), "the seed articles share names");
    let href = links[0].get_attribute("href").unwrap_or_default();
    assert!(href.starts_with("#/compare/"), "{href}");
    assert_eq!(href.matches('/').count(), 3, "two article ids: {href}");
    let first = all(&host, ".related-pairs li span")[0]
        .text_content()
        .unwrap_or_default();
    assert!(
        first.starts_with(char::is_numeric) && first.contains("in common"),
        "{first}"
    );
    host.remove();
}

/// Guards the facet filter (issue #21: the old check, `after >= 1 && after <=
/// before`, passed with the filter ignored): the facet that counts the fewest
/// of the results is chosen, and exactly that many results remain; and its
/// chip (issue #17: a chosen facet looked like any other and could not be
/// removed), which takes it out again.
#[wasm_bindgen_test]
async fn choosing_a_facet_adds_its_filter_to_the_query_and_the_url() {
    let host = mount_at("#/search?q=Lyman");
    leptos::task::tick().await;
    let before = all(&host, ".result").len();
    let count = |f: &web_sys::Element| -> usize {
        f.query_selector(".facet-count")
            .unwrap()
            .and_then(|c| c.text_content())
            .and_then(|t| t.trim().parse().ok())
            .expect("a facet shows its count")
    };
    let people: Vec<web_sys::Element> = all(&host, ".facet-group:nth-child(1) .facet");
    let fewest = people
        .iter()
        .min_by_key(|f| count(f))
        .expect("people facets for Lyman");
    let expected = count(fewest);
    assert!(
        expected < before,
        "a facet that narrows the {before} results exists (fewest counts {expected})"
    );
    fewest.unchecked_ref::<HtmlElement>().click();
    settle().await;
    let h = hash();
    assert!(h.contains("person%3A"), "{h}");
    assert_eq!(
        all(&host, ".result").len(),
        expected,
        "the results are the facet's count"
    );
    // The chosen facet is a chip; no facet left offers what every result has.
    let chips = all(&host, ".chosen-filters .chip.chosen");
    assert_eq!(chips.len(), 1, "one chip for the one filter");
    let label = chips[0].text_content().unwrap_or_default();
    assert!(label.starts_with("Person: "), "{label}");
    for f in all(&host, ".facet") {
        assert!(count(&f) < expected, "a facet of every result is left out");
    }
    // Taking the chip away brings the results back.
    chips[0].unchecked_ref::<HtmlElement>().click();
    settle().await;
    assert!(!hash().contains("person%3A"), "{}", hash());
    assert_eq!(all(&host, ".result").len(), before);
    assert!(all(&host, ".chosen-filters .chip").is_empty());
    host.remove();
}

/// Draws the map from the shipped data, in memory (the test runner does not serve
/// `assets/`; the end-to-end flow covers the fetch).
fn mount_map() -> HtmlElement {
    use folio::pages::map::PlaceMap;
    use folio::state::geo::{Gazetteer, Outline};
    use leptos::prelude::*;
    use std::sync::Arc;
    let gazetteer = Arc::new(Gazetteer::parse(include_str!("../assets/places.tsv")));
    let outline = Arc::new(Outline::parse(include_str!("../assets/world.svg")).unwrap());
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        folio::state::corpus::CorpusCtx::provide_bundled();
        view! { <PlaceMap gazetteer=gazetteer.clone() outline=outline.clone()/> }
    });
    handle.forget();
    host
}

#[wasm_bindgen_test]
async fn the_map_draws_located_places_as_links_and_lists_the_rest() {
    let host = mount_map();
    leptos::task::tick().await;
    let dots = all(&host, ".map-dot");
    assert!(dots.len() >= 8, "{} places drawn", dots.len());
    for d in &dots {
        assert!(d.get_attribute("href").unwrap().starts_with("#/entity/"));
        let label = d.get_attribute("aria-label").unwrap();
        assert!(label.contains("mention"), "{label}");
    }
    // The most mentioned place is drawn biggest and named on the map.
    assert!(!all(&host, ".map-label").is_empty());
    assert!(all(&host, ".map-land").len() == 1);
    assert!(
        !all(&host, ".map-side .map-list a").is_empty(),
        "unlocated places are listed"
    );
    assert!(text(&host, ".map-credit").contains("Place data: GeoNames (CC BY 4.0)"));
    assert!(text(&host, ".page-head .muted").contains("on the map"));
    host.remove();
}

#[wasm_bindgen_test]
async fn the_world_toggle_widens_the_map() {
    let host = mount_map();
    leptos::task::tick().await;
    let regional = all(&host, ".map-dot").len();
    let aspect = |host: &HtmlElement| {
        host.query_selector(".map-canvas")
            .unwrap()
            .unwrap()
            .get_attribute("style")
            .unwrap()
    };
    let before = aspect(&host);
    click(&host, ".map-toggle:last-child").await;
    assert_eq!(
        all(&host, ".map-toggle:last-child[aria-pressed=true]").len(),
        1
    );
    assert_ne!(aspect(&host), before, "the frame changed");
    assert!(
        all(&host, ".map-dot").len() >= regional,
        "the world shows every place"
    );
    host.remove();
}

/// Mounts `page` over the bundled corpus as the views module does
/// (`crates/views`): the corpus in context, the page alone.
fn mount_view(page: fn() -> leptos::prelude::AnyView) -> HtmlElement {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        folio::state::corpus::CorpusCtx::provide_bundled();
        page()
    });
    handle.forget();
    host
}

/// Guards the map's own loading (issue #21: the old check passed on either a
/// drawn map or a failure message, so it could not tell them apart): the test
/// runner serves the crate's files, `assets/` included, so the map fetches the
/// gazetteer and the outline and draws the places, with no failure shown.
#[wasm_bindgen_test]
async fn the_map_view_fetches_its_data_and_draws_the_places() {
    use leptos::prelude::IntoAny;
    let host = mount_view(|| folio::pages::map::MapPage().into_any());
    leptos::task::tick().await;
    assert_eq!(text(&host, "h1"), "Map");
    let mut waited = 0;
    while all(&host, ".map-failed, .map-dot").is_empty() && waited < 250 {
        settle().await;
        waited += 1;
    }
    assert!(
        all(&host, ".map-failed").is_empty(),
        "the map failed: {}",
        text(&host, ".map-failed")
    );
    assert!(
        all(&host, ".map-dot").len() >= 8,
        "places drawn from the fetched data"
    );
    host.remove();
}

/// Guards the claims view over the bundled articles: the area the outlets
/// give three ways is marked as differing, with each figure's value and
/// article, and a measure only one article reports shows only when asked.
#[wasm_bindgen_test]
async fn the_claims_view_marks_the_measures_whose_figures_differ() {
    use leptos::prelude::IntoAny;
    let host = mount_view(|| folio::pages::claims::ClaimsPage().into_any());
    leptos::task::tick().await;
    assert_eq!(text(&host, "h1"), "Claims");
    let groups = all(&host, ".claim-group");
    assert!(!groups.is_empty(), "measures shown");
    let area = groups
        .iter()
        .find(|g| g.text_content().unwrap_or_default().contains("km²"))
        .expect("an area measure");
    assert!(
        area.get_attribute("class")
            .unwrap_or_default()
            .contains("differ"),
        "the areas differ"
    );
    let values: Vec<String> = all(area.unchecked_ref(), "td.num")
        .iter()
        .map(|n| n.text_content().unwrap_or_default())
        .collect();
    for v in ["1,000", "2,000", "3,000"] {
        assert!(values.iter().any(|x| x == v), "{v} in {values:?}");
    }
    assert!(
        area.query_selector("a[href^='#/article/']")
            .unwrap()
            .is_some(),
        "each figure links its article"
    );
    let before = all(&host, ".claim-group").len();
    click(&host, ".claims-page input[type=checkbox]").await;
    assert!(
        all(&host, ".claim-group").len() > before,
        "measures one article reports, when asked"
    );
    host.remove();
}

/// Guards the app's side of the views module: where the page has no loader
/// for it (as in this test runner), the route says so instead of staying on
/// "Loading".
#[wasm_bindgen_test]
async fn a_view_of_the_views_module_says_when_it_cannot_load() {
    let host = mount_at("#/claims");
    leptos::task::tick().await;
    assert_eq!(text(&host, "nav a[aria-current=page]"), "Claims");
    let mut waited = 0;
    while all(&host, "[role=alert]").is_empty() && waited < 50 {
        settle().await;
        waited += 1;
    }
    assert!(
        text(&host, "[role=alert]").contains("The claims view could not be loaded"),
        "{}",
        text(&host, "main")
    );
    host.remove();
}

/// Guards the hand-written JSON between the app and its import worker (written
/// without serde to keep the first-load wasm small): it must be exactly serde's.
#[wasm_bindgen_test]
fn the_worker_protocol_matches_serdes_json_both_ways() {
    use folio::state::library::{decode_reply, encode_request};
    use folio_core::import::protocol::*;
    let requests = [
        Request::Init {
            bundled: "{\"articles\":[]}".into(),
        },
        Request::Import {
            pasted: vec![Pasted {
                name: "p.txt".into(),
                text: "Hi \"you\"\n".into(),
            }],
        },
        Request::Delete { id: "a b".into() },
        Request::Clear,
        Request::Corpus,
        Request::Export {
            what: ExportKind::Bundle,
        },
        Request::Export {
            what: ExportKind::QuotesCsv,
        },
        Request::Export {
            what: ExportKind::Corrections,
        },
        Request::Uncorrect { at: 3 },
        Request::Export {
            what: ExportKind::OneFile {
                css_url: "c".into(),
                js_url: "j".into(),
                wasm_url: "w".into(),
                places_tsv: None,
                outline_url: Some("o".into()),
            },
        },
    ];
    use folio_core::corrections::Correction;
    use folio_core::EntityKind;
    let corrections = [
        Correction::NotEntity {
            kind: EntityKind::Person,
            name: "Within \"Delhi\"".into(),
        },
        Correction::Kind {
            kind: EntityKind::Place,
            name: "Reuters".into(),
            to: EntityKind::Org,
        },
        Correction::Rename {
            kind: EntityKind::Org,
            name: "UN".into(),
            to: "United Nations".into(),
        },
        Correction::Merge {
            kind: EntityKind::Person,
            name: "Zelensky".into(),
            into_kind: EntityKind::Person,
            into: "Volodymyr Zelenskyy".into(),
        },
        Correction::Split {
            kind: EntityKind::Person,
            name: "Anna Berg".into(),
            alias: "Berg".into(),
        },
        Correction::Speaker {
            article: "a-1".into(),
            start: 12,
            end: 140,
            speaker: Some("Ana".into()),
        },
        Correction::Speaker {
            article: "a-1".into(),
            start: 0,
            end: 9,
            speaker: None,
        },
    ];
    let requests = requests
        .into_iter()
        .chain(corrections.map(|correction| Request::Correct { correction }));
    for r in requests {
        assert_eq!(encode_request(&r), serde_json::to_string(&r).unwrap());
    }
    let replies = [
        Reply::Ready,
        Reply::Progress {
            done: 2,
            total: 9,
            file: "x.html".into(),
        },
        Reply::Articles {
            removed: vec!["x".into(), "y z".into()],
            articles: "[]".into(),
        },
        Reply::Corpus {
            json: "{\"articles\":[]}".into(),
        },
        Reply::Library {
            order: vec!["seed".into(), "a".into()],
            entities: "[]".into(),
            imported: vec!["a".into()],
            report: Some(Report {
                added: vec!["a".into()],
                skipped: vec![Skipped {
                    file: "b.bin".into(),
                    reason: "not text".into(),
                }],
                converted: vec!["a: windows-1252".into()],
                corrections: 2,
            }),
            storage: Some(Storage {
                usage: 1.5e6,
                quota: 2e9,
            }),
            error: None,
            corrections: vec![
                Listed {
                    text: "“X” (person) is not an entity".into(),
                    outcome: "applied in 2 articles".into(),
                    missing: false,
                },
                Listed {
                    text: "“Y” is a place, not a person".into(),
                    outcome: "not applied: no person named “Y” in the corpus".into(),
                    missing: true,
                },
            ],
        },
        Reply::Download {
            name: "f.csv".into(),
            mime: "text/csv".into(),
            text: "a,b".into(),
        },
        Reply::Failed {
            message: "no".into(),
        },
    ];
    for r in replies {
        assert_eq!(decode_reply(&serde_json::to_string(&r).unwrap()), Some(r));
    }
}

/// Waits for the next two animation frames (a scroll requested for the
/// next frame has happened after them).
async fn frames() {
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

/// Guards the reader's scroll to a linked passage (`?at=`): it happens when
/// the link is followed, and a redraw after (a correction made in the
/// reader, the library arriving) leaves the reader where the user scrolled.
#[wasm_bindgen_test]
async fn the_reader_scrolls_to_a_linked_passage_once_per_link() {
    use folio::state::corpus::CorpusCtx;
    use leptos::prelude::*;
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/")
        .unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let ctx: std::rc::Rc<std::cell::Cell<Option<CorpusCtx>>> = Default::default();
    let keep = ctx.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let app = folio::App();
        keep.set(Some(CorpusCtx::expect()));
        app
    });
    handle.forget();
    settle().await;
    let corpus = ctx.get().expect("the corpus");
    let (id, at) = corpus.with(|c| {
        let long = c
            .articles
            .iter()
            .max_by_key(|a| a.text.len())
            .expect("bundled articles");
        (long.id.clone(), long.text.len() * 9 / 10)
    });
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(&format!("#/article/{id}?at={at}"))
        .unwrap();
    settle().await;
    frames().await;
    let window = web_sys::window().unwrap();
    assert!(
        !all(&host, ".reader-text p.target").is_empty(),
        "the passage is marked"
    );
    assert!(
        window.scroll_y().unwrap() > 100.0,
        "scrolled to the passage"
    );
    window.scroll_to_with_x_and_y(0.0, 0.0);
    // A redraw of the same link: the corpus changes under the reader.
    corpus.0.update(|_| {});
    settle().await;
    frames().await;
    assert!(!all(&host, ".reader-text p.target").is_empty(), "redrawn");
    assert_eq!(window.scroll_y().unwrap(), 0.0, "left where the user was");
    host.remove();
}
