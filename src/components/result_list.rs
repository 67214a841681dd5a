//! Ranked search hits.

use folio_core::Hit;
use leptos::prelude::*;

use super::snippet::SnippetView;
use crate::state::format::human_date;
use crate::state::route::Route;

/// The list of hits, best first.
#[component]
pub fn ResultList(hits: Vec<Hit>) -> impl IntoView {
    let items = hits
        .into_iter()
        .map(|hit| {
            let href = Route::article(hit.id.clone()).to_hash();
            let meta: Vec<String> = hit
                .outlet
                .into_iter()
                .chain(hit.published.as_deref().map(human_date))
                .collect();
            let meta = (!meta.is_empty())
                .then(|| view! { <p class="result-meta muted small">{meta.join(" · ")}</p> });
            view! {
                <li class="result">
                    <a class="result-link" href=href>
                        <h2 class="result-title">{hit.title}</h2>
                    </a>
                    {meta}
                    <SnippetView snippet=hit.snippet/>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="results">{items}</ol> }
}
