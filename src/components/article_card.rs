//! One article in the library.

use folio_core::Article;
use leptos::prelude::*;

use crate::state::format::{human_date, plural};
use crate::state::library::LibraryCtx;
use crate::state::route::Route;

/// Characters of opening text shown on a card.
const OPENING_CHARS: usize = 220;

/// The metadata line of an article: outlet · date · words.
pub fn meta_line(a: &Article) -> String {
    let mut parts = Vec::new();
    if let Some(o) = &a.outlet {
        parts.push(o.clone());
    }
    if let Some(d) = &a.published {
        parts.push(human_date(d));
    }
    parts.push(plural(a.word_count, "word", "words"));
    parts.join(" · ")
}

/// A card: title, metadata, opening lines.
#[component]
pub fn ArticleCard(article: Article) -> impl IntoView {
    let href = Route::article(article.id.clone()).to_hash();
    let meta = meta_line(&article);
    let opening = article.opening(OPENING_CHARS);
    let lib = LibraryCtx::expect();
    let id = article.id.clone();
    let imported = lib.is_imported(&id);
    let title = article.title.clone();
    let delete = imported.then(|| {
        view! {
            <button type="button" class="button small danger card-delete"
                aria-label=format!("Delete “{title}” from this browser")
                disabled=move || lib.busy.get()
                on:click=move |_| lib.delete(id.clone())>"Delete"</button>
        }
    });
    view! {
        <li class="card" class:imported=imported>
            <a class="card-link" href=href>
                <h2 class="card-title">{article.title}</h2>
            </a>
            <p class="card-meta">
                {imported.then(|| view! { <span class="badge">"imported"</span>" · " })}
                {meta}
                {delete}
            </p>
            <p class="card-opening">{opening}</p>
        </li>
    }
}
