//! Folio's views module: the views that read the whole corpus at once and that
//! most visits never open (map, claims, timeline), as a wasm module of their own that
//! the app loads the first time one of them opens (`web/views.js`). Trunk has
//! no wasm splitting, so the split is by hand: this module has its own Leptos
//! runtime, is handed the element to render into and the corpus as the JSON
//! the app read it from, and its links are plain `#/` links the app's router
//! follows. The views are the app's own components (`folio::pages`), which
//! read the corpus from the same context they would in the app.

use std::any::Any;
use std::cell::RefCell;
use std::sync::Arc;

use folio::pages::{claims::ClaimsPage, map::MapPage, timeline::TimelinePage};
use folio::state::corpus::{CorpusCtx, Load};
use folio_core::{Corpus, Extraction};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

thread_local! {
    /// What is mounted now; dropping it unmounts it.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

fn main() {
    console_error_panic_hook::set_once();
}

/// Renders the view `name` over the corpus in `json` into `el`, replacing
/// what this module rendered before (the app calls it again when the corpus
/// changes or another of these views opens).
#[wasm_bindgen]
pub fn view(name: &str, el: web_sys::HtmlElement, json: &str) -> Result<(), JsValue> {
    let page: fn() -> AnyView = match name {
        "map" => || MapPage().into_any(),
        "claims" => || ClaimsPage().into_any(),
        "timeline" => || TimelinePage().into_any(),
        other => return Err(JsValue::from_str(&format!("there is no view “{other}”"))),
    };
    let x: Extraction = serde_json::from_str(json)
        .map_err(|e| JsValue::from_str(&format!("the corpus is unreadable ({e})")))?;
    // These views never search: the index is not built.
    let corpus = Arc::new(Corpus::unsearchable(x));
    MOUNTED.with(|m| drop(m.borrow_mut().take()));
    el.set_inner_html("");
    let mounted = leptos::mount::mount_to(el, move || {
        provide_context(CorpusCtx(RwSignal::new(corpus), RwSignal::new(Load::Ready)));
        page()
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(mounted)));
    Ok(())
}
