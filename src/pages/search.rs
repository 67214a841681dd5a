//! `#/search?q=QUERY`: ranked results, updated on every keystroke.

use leptos::prelude::*;

use crate::components::result_list::ResultList;
use crate::state::corpus::CorpusCtx;
use crate::state::format::plural;
use crate::state::nav::Nav;
use crate::state::route::Route;

/// At most this many hits are shown.
const RESULT_LIMIT: usize = 50;

/// The results view.
#[component]
pub fn SearchPage() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let nav = Nav::expect();
    let query = Memo::new(move |_| match nav.route.get() {
        Route::Search(q) => q,
        _ => String::new(),
    });
    let results = Memo::new(move |_| corpus.with(|c| c.search(&query.get(), RESULT_LIMIT)));

    let summary = move || {
        let q = query.get();
        if q.trim().is_empty() {
            return "Type a word to search every article.".to_string();
        }
        let total = results.with(|r| r.total);
        format!(
            "{} for “{}”",
            plural(total, "article matches", "articles match"),
            q.trim()
        )
    };

    view! {
        <section class="search-page" aria-labelledby="search-title">
            <div class="page-head">
                <h1 id="search-title">"Search"</h1>
                <p class="muted result-count" role="status" aria-live="polite">{summary}</p>
            </div>
            {move || {
                let r = results.get();
                if r.hits.is_empty() && !query.get().trim().is_empty() {
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
        </section>
    }
}
