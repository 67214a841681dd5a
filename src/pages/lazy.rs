//! The views that live in the views module (`crates/views`): the map, the
//! claims and the timeline read the whole corpus at once and most visits never open them, so
//! their code stays out of the first-load wasm. The app holds only
//! [`LazyView`], which has `web/views.js` load that module once and mount the
//! view into a place of its own, handing it the corpus as the JSON the app
//! read it from.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::state::corpus::{shown_text, CorpusCtx};
use crate::state::library::LibraryCtx;

#[wasm_bindgen]
extern "C" {
    /// `folioView(name, element, corpusJson)` in `web/views.js`: loads the
    /// views module once, then mounts the named view into the element. Its
    /// promise ends with `""`, or with why the view could not be shown. It
    /// throws only where the page lacks the loader.
    #[wasm_bindgen(js_name = folioView, catch)]
    fn folio_view(
        name: &str,
        el: &web_sys::Element,
        json: &str,
    ) -> Result<js_sys::Promise, JsValue>;
}

/// A place for the views module's view `name` (`"map"`, `"claims"`, `"timeline"`), filled
/// again whenever the corpus changes, and what went wrong if it could not be.
#[component]
pub fn LazyView(name: &'static str) -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let host = NodeRef::<leptos::html::Div>::new();
    let failed = RwSignal::new(String::new());
    let lib = LibraryCtx::expect();
    Effect::new(move |_| {
        corpus.0.track();
        lib.corpus_json.track();
        let Some(el) = host.get() else {
            return;
        };
        // The worker's library is not kept as text (it changes by parts):
        // it is asked for when a view that reads it whole opens.
        let Some(json) = shown_text() else {
            if lib.has_worker() {
                lib.ask_corpus_json();
            }
            return;
        };
        let Ok(shown) = folio_view(name, &el, &json) else {
            failed.set("this page has no views loader".into());
            return;
        };
        leptos::task::spawn_local(async move {
            let why = wasm_bindgen_futures::JsFuture::from(shown).await;
            let _ = failed.try_set(why.ok().and_then(|v| v.as_string()).unwrap_or_default());
        });
    });
    view! {
        <Show when=move || failed.with(|e| !e.is_empty())>
            <p class="error" role="alert">
                {move || format!("The {name} view could not be loaded: {}. Reload the page to try again.", failed.get())}
            </p>
        </Show>
        <div node_ref=host>
            <p class="empty" role="status">{format!("Loading the {name}…")}</p>
        </div>
    }
}
