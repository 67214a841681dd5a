//! `#/`: every article as a card.

use leptos::prelude::*;

use crate::components::article_card::ArticleCard;
use crate::components::entity_chip::EntityChip;
use crate::components::import_panel::ImportPanel;
use crate::components::show_more::ShowMore;
use crate::state::corpus::{CorpusCtx, Load};
use crate::state::format::plural;
use crate::state::library::LibraryCtx;
use crate::state::shards::{is_sharded, ShardCtx};

/// Cards drawn at first, and added per "Show more": a library of ten thousand
/// imported articles opens at once instead of laying out every card.
const PAGE: usize = 200;

/// Positions of the library's `n` articles as its cards show them: the
/// latest imports first, then the bundled articles as they came. The last
/// `imported` are the imported ones, in import order (the worker keeps the
/// library so).
fn newest_first(n: usize, imported: usize) -> impl Iterator<Item = usize> {
    let old = n.saturating_sub(imported);
    (old..n).rev().chain(0..old)
}

/// The library view.
#[component]
pub fn LibraryPage() -> impl IntoView {
    if is_sharded() {
        return view! { <LargeCorpus/> }.into_any();
    }
    let corpus = CorpusCtx::expect();
    let count = move || match corpus.1.get() {
        Load::Loading => "Loading the articles…".to_string(),
        // The app's banner says why.
        Load::Failed(_) => "No articles could be loaded.".to_string(),
        Load::Ready => corpus.with(|c| plural(c.articles.len(), "article", "articles")),
    };
    let lib = LibraryCtx::expect();
    let shown = RwSignal::new(PAGE);
    let cards = move || {
        let imported = lib.imported.with(Vec::len);
        corpus.with(|c| {
            newest_first(c.articles.len(), imported)
                .take(shown.get())
                .map(|i| view! { <ArticleCard article=c.articles[i].clone()/> })
                .collect_view()
        })
    };
    let rest = Signal::derive(move || {
        corpus
            .with(|c| c.articles.len())
            .saturating_sub(shown.get())
    });
    let more =
        view! { <ShowMore rest=rest page=PAGE on_more=move || shown.update(|n| *n += PAGE)/> };
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
    .into_any()
}

/// A sharded site's library: what the corpus holds, and where to start. Its
/// articles are files fetched as searched or opened, so there are no cards of
/// them all.
#[component]
fn LargeCorpus() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let shards = ShardCtx::expect();
    let status = move || match corpus.1.get() {
        Load::Loading => "Opening the index…".to_string(),
        Load::Failed(_) => "The index could not be opened.".to_string(),
        Load::Ready => shards
            .manifest(|m| {
                format!(
                    "{}, {}, {}",
                    plural(m.articles as usize, "article", "articles"),
                    plural(m.entity_count, "entity", "entities"),
                    plural(m.quote_count, "quote", "quotes")
                )
            })
            .unwrap_or_default(),
    };
    let top = move || {
        corpus.1.track();
        shards
            .manifest(|m| {
                m.entities
                    .iter()
                    .take(30)
                    .map(|e| view! { <EntityChip id=e.id.clone() name=e.name.clone() kind=e.kind count=e.articles/> })
                    .collect_view()
            })
            .unwrap_or_default()
    };
    view! {
        <section class="library" aria-labelledby="library-title">
            <div class="page-head">
                <h1 id="library-title">"Library"</h1>
                <p class="muted" role="status">{status}</p>
            </div>
            <p>
                "This corpus is large, so its articles load as you need them: search above "
                "(every word, phrase, filter and typo works as usual), or start from the people, "
                "places and organisations it mentions most."
            </p>
            <div class="chips">{top}</div>
            <p class="muted small">
                <a href="#/entities">"All entities"</a>
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::newest_first;

    /// Guards the library's order (issue #17: imported articles went to the
    /// bottom): the latest imports first, then the bundled ones.
    #[test]
    fn the_library_shows_the_latest_imports_first() {
        assert_eq!(newest_first(5, 2).collect::<Vec<_>>(), vec![4, 3, 0, 1, 2]);
        assert_eq!(newest_first(3, 0).collect::<Vec<_>>(), vec![0, 1, 2]);
        assert_eq!(newest_first(2, 2).collect::<Vec<_>>(), vec![1, 0]);
    }
}
