//! `#/`: every article as a card.

use leptos::prelude::*;

use crate::components::article_card::ArticleCard;
use crate::state::corpus::CorpusCtx;
use crate::state::format::plural;

/// The library view.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let count = move || corpus.with(|c| plural(c.articles.len(), "article", "articles"));
    let cards = move || {
        corpus.with(|c| {
            c.articles
                .iter()
                .map(|a| view! { <ArticleCard article=a.clone()/> })
                .collect_view()
        })
    };
    view! {
        <section class="library" aria-labelledby="library-title">
            <div class="page-head">
                <h1 id="library-title">"Library"</h1>
                <p class="muted">{count}</p>
            </div>
            <ul class="cards">{cards}</ul>
        </section>
    }
}
