//! Folio's web app: a Leptos client-side app over `folio-core`.
//!
//! The app only renders what the core returns: extraction, ranking and snippets are
//! computed in `folio-core`; the views lay them out. Routing is by hash
//! ([`state::route`]) so every view has a deep link on any static host and from a
//! file.

pub mod components;
pub mod pages;
pub mod state;

use leptos::prelude::*;

use components::search_box::SearchBox;
use pages::{
    article::ArticlePage, compare::ComparePage, corrections::CorrectionsPage,
    entities::EntitiesPage, entity::EntityPage, lazy::LazyView, library::LibraryPage,
    not_found::NotFound, quotes::QuotesPage, search::SearchPage,
};
use state::corpus::{CorpusCtx, Load};
use state::library::LibraryCtx;
use state::nav::Nav;
use state::route::Route;
use state::shards::ShardCtx;

/// Which page a route shows. Pages re-mount only when this changes, not on every
/// keystroke of a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Library,
    Search,
    Article,
    Entities,
    Entity,
    Quotes,
    Timeline,
    Map,
    Claims,
    Corrections,
    Compare,
    NotFound,
}

/// The whole app: header with the search box, the routed page, the footer.
#[component]
pub fn App() -> impl IntoView {
    let corpus = CorpusCtx::provide_bundled();
    ShardCtx::provide(corpus);
    let sharded = state::shards::is_sharded();
    // A one-file copy has no worker; a sharded site's corpus is not one the
    // worker could merge imports into.
    let lib = LibraryCtx::provide(state::corpus::is_one_file() || sharded);
    let dragging = import_handlers(lib);
    let nav = Nav::provide();
    let page = Memo::new(move |_| match nav.route.get() {
        Route::Library => Page::Library,
        Route::Search(_) => Page::Search,
        Route::Article(..) => Page::Article,
        Route::Entities => Page::Entities,
        Route::Entity(_) => Page::Entity,
        Route::Quotes => Page::Quotes,
        Route::Timeline => Page::Timeline,
        Route::Compare(..) => Page::Compare,
        Route::Map => Page::Map,
        Route::Claims => Page::Claims,
        Route::Corrections => Page::Corrections,
        Route::NotFound(_) => Page::NotFound,
    });
    // Another view, or another article or entity, opens at its top, as a new
    // page would (a link to a passage scrolls to it itself); a new query in
    // the search box keeps the results where they are.
    Effect::new(move |prev: Option<Route>| {
        let route = nav.route.get();
        let same_view = match (&prev, &route) {
            (Some(Route::Search(_)), Route::Search(_)) => true,
            (Some(a), b) => a == b,
            (None, _) => true,
        };
        if !same_view {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        route
    });
    let link = move |label: &'static str, href: &'static str, active: Page| {
        view! {
            <a href=href aria-current=move || (page.get() == active).then_some("page")>{label}</a>
        }
    };
    view! {
        <header class="topbar">
            <div class="topbar-inner">
                <a class="brand" href="#/" aria-label="Folio, back to the library">
                    <span class="brand-mark" aria-hidden="true">"F"</span>
                    <span class="brand-name">"Folio"</span>
                </a>
                <SearchBox/>
            </div>
            <nav class="views" aria-label="Views">
                {link("Library", "#/", Page::Library)}
                {link("Entities", "#/entities", Page::Entities)}
                {link("Quotes", "#/quotes", Page::Quotes)}
                {link("Timeline", "#/timeline", Page::Timeline)}
                {link("Map", "#/map", Page::Map)}
                {link("Claims", "#/claims", Page::Claims)}
                {link("Compare", "#/compare", Page::Compare)}
            </nav>
        </header>
        <main id="main" class="page" tabindex="-1">
            <LoadFailed sharded=sharded/>
            {move || match page.get() {
                Page::Library => view! { <LibraryPage/> }.into_any(),
                Page::Search => view! { <SearchPage/> }.into_any(),
                Page::Article => view! { <ArticlePage/> }.into_any(),
                Page::Entities => view! { <EntitiesPage/> }.into_any(),
                Page::Entity => view! { <EntityPage/> }.into_any(),
                Page::Quotes | Page::Timeline | Page::Map | Page::Claims if sharded => {
                    view! { <WholeCorpusOnly/> }.into_any()
                }
                Page::Quotes => view! { <QuotesPage/> }.into_any(),
                Page::Timeline => view! { <LazyView name="timeline"/> }.into_any(),
                Page::Map => view! { <LazyView name="map"/> }.into_any(),
                Page::Claims => view! { <LazyView name="claims"/> }.into_any(),
                Page::Compare => view! { <ComparePage/> }.into_any(),
                Page::Corrections => view! { <CorrectionsPage/> }.into_any(),
                Page::NotFound => view! { <NotFound/> }.into_any(),
            }}
        </main>
        <Show when=move || dragging.get()>
            <div class="drop-overlay" aria-hidden="true">
                <p>"Drop files to add them to your library"</p>
            </div>
        </Show>
        <footer class="footer">
            <p>"Folio runs entirely in your browser: nothing you read or search leaves this page."</p>
        </footer>
    }
}

/// Why nothing could be loaded, above every view while that holds: each
/// view then says what it cannot show, and the rest of the app (the views,
/// the links, a reload) keeps working.
#[component]
fn LoadFailed(sharded: bool) -> impl IntoView {
    let corpus = CorpusCtx::expect();
    move || match corpus.1.get() {
        Load::Failed(e) => {
            let what = if sharded {
                "This site's index could not be opened"
            } else {
                "The bundled articles could not be loaded"
            };
            Some(view! {
                <p class="error load-failed" role="alert">
                    {format!("{what}: {e}.")}
                </p>
            })
        }
        _ => None,
    }
}

/// What the views that read every article at once (quotes, timeline, map,
/// claims)
/// show on a sharded site, whose articles load one by one.
#[component]
fn WholeCorpusOnly() -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"Not for a corpus this large"</h1>
            <p>
                "This view reads every article at once, and this site's corpus is too large to load whole: "
                "its articles load as you search or open them. Search, the reader, comparing two articles, "
                "the entity list and each entity's page (with its mentions in context and what it said) all work. "
                <a href="#/">"Back to the library"</a>
            </p>
        </section>
    }
}

/// Drop files anywhere and paste anywhere (outside a text field) to import.
/// Returns whether files are being dragged over the page, for the overlay.
fn import_handlers(lib: LibraryCtx) -> RwSignal<bool> {
    use leptos::ev;
    let dragging = RwSignal::new(false);
    if lib.one_file {
        return dragging;
    }
    let has_files = |e: &web_sys::DragEvent| {
        e.data_transfer().is_some_and(|dt| {
            dt.types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
    };
    let _ = window_event_listener(ev::dragover, move |e| {
        if has_files(&e) {
            e.prevent_default();
            dragging.set(true);
        }
    });
    let _ = window_event_listener(ev::dragleave, move |e| {
        // Leaving the window: no element is entered next.
        if e.related_target().is_none() {
            dragging.set(false);
        }
    });
    let _ = window_event_listener(ev::drop, move |e| {
        dragging.set(false);
        let Some(files) = e.data_transfer().and_then(|dt| dt.files()) else {
            return;
        };
        e.prevent_default();
        lib.import_files((0..files.length()).filter_map(|i| files.get(i)).collect());
    });
    let _ = window_event_listener(ev::paste, move |e| {
        let editing = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.closest("[contenteditable]").ok().flatten().is_some()
            });
        let Some(data) = e.clipboard_data() else {
            return;
        };
        if editing {
            return;
        }
        e.prevent_default();
        match data
            .get_data("text/html")
            .ok()
            .filter(|h| !h.trim().is_empty())
        {
            Some(html) => lib.import_pasted(html, true),
            None => lib.import_pasted(data.get_data("text/plain").unwrap_or_default(), false),
        }
    });
    dragging
}
