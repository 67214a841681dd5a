//! `#/search?q=QUERY`: ranked results, updated on every keystroke, with facets.
//!
//! Keyboard: ↓ from the search box moves into the results, ↑/↓ move between them,
//! Enter opens one (it is a link), Esc goes back to the box.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::facet_panel::{with_filter, ChosenFilters, FacetPanel};
use crate::components::result_list::ResultList;
use crate::components::show_more::ShowMore;
use crate::state::corpus::{CorpusCtx, Load};
use crate::state::format::plural;
use crate::state::nav::Nav;
use crate::state::route::Route;
use crate::state::shards::{is_sharded, ShardCtx};
use folio_core::SearchResults;

/// At most this many hits are shown.
const RESULT_LIMIT: usize = 50;

/// On a sharded site each hit shown is a record fetched: fewer.
const SHARDED_RESULT_LIMIT: usize = 20;

/// The results view.
#[component]
pub fn SearchPage() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let nav = Nav::expect();
    let query = Memo::new(move |_| match nav.route.get() {
        Route::Search(q) => q,
        _ => String::new(),
    });
    let shards = ShardCtx::expect();
    let sharded = is_sharded();
    // Hits are shown a page at a time; "Show more" adds a page for the query
    // it was pressed for (a new query starts at one page again).
    let page = if sharded {
        SHARDED_RESULT_LIMIT
    } else {
        RESULT_LIMIT
    };
    let more = RwSignal::new((String::new(), 0usize));
    let limit = move |q: &str| page + more.with(|(for_q, n)| if for_q == q { *n } else { 0 });
    // A whole corpus answers at once; a sharded one after its fetches, and a
    // slower answer to an older query never replaces a newer one.
    let results = RwSignal::new(SearchResults::default());
    let failed = RwSignal::new(None::<String>);
    // Hits left out because their records could not be read, with why.
    let unreadable = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        let q = query.get();
        let n = limit(&q);
        if !sharded {
            results.set(corpus.with(|c| c.search(&q, n)));
            return;
        }
        // An answer that cannot come: no other query's results stay on show.
        let fail = move |q: String, e: String| {
            results.set(SearchResults {
                query: q,
                ..SearchResults::default()
            });
            unreadable.set(Vec::new());
            failed.set(Some(e));
        };
        match corpus.1.get() {
            Load::Loading => return,
            Load::Failed(e) => return fail(q, format!("the index could not be opened ({e})")),
            Load::Ready => {}
        }
        leptos::task::spawn_local(async move {
            let current = || query.get_untracked() == q;
            let answer = shards.search(&q, n, current).await;
            if !current() {
                return;
            }
            match answer {
                Ok(Some((r, left_out))) => {
                    failed.set(None);
                    unreadable.set(left_out);
                    results.set(r);
                }
                Ok(None) => {}
                Err(e) => fail(q, e),
            }
        });
    });

    let summary = move || {
        let q = query.get();
        if q.trim().is_empty() {
            return "Type a word to search every article.".to_string();
        }
        let (total, answered) = results.with(|r| (r.total, r.query == q));
        // A sharded site answers after its fetches: until then the count
        // shown would be the previous query's.
        if failed.with(Option::is_some) {
            return format!("“{}” could not be searched.", q.trim());
        }
        if !answered {
            return format!("Searching “{}”…", q.trim());
        }
        let shown = results.with(|r| r.hits.len());
        let matches = format!(
            "{} “{}”",
            plural(total, "article matches", "articles match"),
            q.trim()
        );
        if shown < total {
            format!("{matches}, 1–{shown} shown")
        } else {
            matches
        }
    };
    // Only for the query answered: a page more of another would be a guess.
    let rest = Signal::derive(move || {
        let q = query.get();
        results.with(|r| {
            if r.query == q {
                r.total.saturating_sub(limit(&q))
            } else {
                0
            }
        })
    });
    let show_more = view! {
        <ShowMore rest=rest page=page on_more=move || {
            // One page more than shown now: the extra becomes what the limit is now.
            let q = query.get_untracked();
            let extra = limit(&q);
            more.set((q, extra));
        }/>
    };
    let on_pick = Callback::new(move |term: String| {
        let q = with_filter(&query.get_untracked(), &term);
        nav.replace(Route::Search(q));
    });
    let on_remove = Callback::new(move |q: String| nav.replace(Route::Search(q)));

    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let key = ev.key();
        if !matches!(key.as_str(), "ArrowDown" | "ArrowUp" | "Escape") {
            return;
        }
        let doc = document();
        let links = doc.query_selector_all(".result-link").ok();
        let Some(links) = links else { return };
        let n = links.length();
        let active = doc.active_element();
        let current = (0..n).find(|&i| {
            links
                .item(i)
                .zip(active.clone())
                .is_some_and(|(l, a)| l.is_same_node(Some(a.unchecked_ref())))
        });
        let in_box = active.as_ref().is_some_and(|a| a.id() == "q");
        let focus = |i: u32| {
            if let Some(el) = links
                .item(i)
                .and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        };
        match (key.as_str(), current) {
            ("ArrowDown", None) if in_box && n > 0 => {
                ev.prevent_default();
                focus(0);
            }
            ("ArrowDown", Some(i)) if i + 1 < n => {
                ev.prevent_default();
                focus(i + 1);
            }
            ("ArrowUp", Some(0)) | ("Escape", Some(_)) => {
                ev.prevent_default();
                if let Some(el) = doc
                    .get_element_by_id("q")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            }
            ("ArrowUp", Some(i)) => {
                ev.prevent_default();
                focus(i - 1);
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    view! {
        <section class="search-page" aria-labelledby="search-title">
            <div class="page-head">
                <h1 id="search-title">"Search"</h1>
                <p class="muted result-count" role="status" aria-live="polite">{summary}</p>
            </div>
            {move || {
                failed.get().map(|e| {
                    view! {
                        <p class="error" role="alert">{format!("This search could not be completed: {e}.")}</p>
                    }
                })
            }}
            {move || {
                let why = unreadable.get();
                (!why.is_empty())
                    .then(|| {
                        view! {
                            <p class="error" role="alert">
                                {format!(
                                    "{} could not be shown, because this site is missing or has damaged files: {}.",
                                    plural(why.len(), "result", "results"),
                                    why.join("; "),
                                )}
                            </p>
                        }
                    })
            }}
            {move || {
                let notices = results.with(|r| r.notices.clone());
                (!notices.is_empty())
                    .then(|| {
                        view! {
                            <ul class="notices" aria-label="How the query was read">
                                {notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                            </ul>
                        }
                    })
            }}
            <div class="search-layout">
                // The query these results answer (they may lag the box while a
                // sharded site fetches): what tests and benchmarks wait for.
                <div class="search-main" data-answered=move || results.with(|r| r.query.clone())>
                    {move || view! { <ChosenFilters query=query.get() on_remove=on_remove/> }}
                    {move || {
                        let r = results.get();
                        if r.hits.is_empty() && failed.with(Option::is_some) {
                            ().into_any()
                        } else if r.hits.is_empty() && !query.get().trim().is_empty() {
                            view! {
                                <p class="empty">
                                    "Nothing matches. Check the spelling, or try fewer words."
                                </p>
                            }
                                .into_any()
                        } else {
                            view! { <ResultList hits=r.hits/> }.into_any()
                        }
                    }}
                    {show_more}
                </div>
                {move || {
                    let r = results.get();
                    (r.total > 0).then(|| view! { <FacetPanel facets=r.facets total=r.total on_pick=on_pick/> })
                }}
            </div>
        </section>
    }
}
