//! One article in the library.

use folio_core::Article;
use leptos::prelude::*;

use crate::state::format::{human_date, plural};
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
    let href = Route::Article(article.id.clone()).to_hash();
    let meta = meta_line(&article);
    let opening = article.opening(OPENING_CHARS);
    view! {
        <li class="card">
            <a class="card-link" href=href>
                <h2 class="card-title">{article.title}</h2>
            </a>
            <p class="card-meta">{meta}</p>
            <p class="card-opening">{opening}</p>
        </li>
    }
}
