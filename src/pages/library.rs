//! `#/`: every article as a card.

use leptos::prelude::*;

use crate::components::article_card::ArticleCard;
use crate::components::import_panel::ImportPanel;
use crate::state::corpus::{CorpusCtx, Load};
use crate::state::format::plural;

/// Cards drawn at first, and added per "Show more": a library of ten thousand
/// imported articles opens at once instead of laying out every card.
const PAGE: usize = 200;

/// The library view.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let count = move || match corpus.1.get() {
        Load::Loading => "Loading the articles…".to_string(),
        Load::Failed(e) => format!("The bundled articles could not be loaded: {e}."),
        Load::Ready => corpus.with(|c| plural(c.articles.len(), "article", "articles")),
    };
    let shown = RwSignal::new(PAGE);
    let cards = move || {
        corpus.with(|c| {
            c.articles
                .iter()
                .take(shown.get())
                .map(|a| view! { <ArticleCard article=a.clone()/> })
                .collect_view()
        })
    };
    let more = move || {
        let rest = corpus
            .with(|c| c.articles.len())
            .saturating_sub(shown.get());
        (rest > 0).then(|| {
            view! {
                <p class="more">
                    <button type="button" class="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {format!("Show {} more of {rest}", rest.min(PAGE))}
                    </button>
                </p>
            }
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
            {more}
        </section>
    }
}
