//! `#/`: every article as a card.

use leptos::prelude::*;

use crate::components::article_card::ArticleCard;
use crate::components::import_panel::ImportPanel;
use crate::state::corpus::{CorpusCtx, Load};
use crate::state::format::plural;

/// The library view.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let count = move || match corpus.1.get() {
        Load::Loading => "Loading the articles…".to_string(),
        Load::Failed(e) => format!("The bundled articles could not be loaded: {e}."),
        Load::Ready => corpus.with(|c| plural(c.articles.len(), "article", "articles")),
    };
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
                <p class="muted" role="status">{count}</p>
            </div>
            <ImportPanel/>
            <ul class="cards">{cards}</ul>
        </section>
    }
}
