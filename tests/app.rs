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
