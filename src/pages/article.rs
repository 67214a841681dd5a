//! `#/article/ID`: the reader.

use leptos::prelude::*;

use crate::components::article_card::meta_line;
use crate::state::corpus::CorpusCtx;
use crate::state::nav::Nav;
use crate::state::route::Route;

/// The reader view of one article's clean text.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let nav = Nav::expect();
    let id = Memo::new(move |_| match nav.route.get() {
        Route::Article(id) => id,
        _ => String::new(),
    });
    move || {
        let id = id.get();
        corpus.with(|c| match c.article(&id) {
            Some(a) => {
                let paragraphs = a
                    .paragraphs()
                    .map(|(_, p)| view! { <p>{p.to_string()}</p> })
                    .collect_view();
                let meta = meta_line(a);
                let source = a.url.clone().map(|u| {
                    view! {
                        <a class="source" href=u.clone() rel="noopener noreferrer" target="_blank">
                            "Original article"
                        </a>
                    }
                });
                view! {
                    <article class="reader" aria-labelledby="article-title">
                        <a class="back" href="#/">"← Library"</a>
                        <h1 id="article-title">{a.title.clone()}</h1>
                        <p class="muted reader-meta">{meta} " " {source}</p>
                        <div class="reader-text">{paragraphs}</div>
                    </article>
                }
                .into_any()
            }
            None => view! {
                <section class="not-found">
                    <h1>"Article not found"</h1>
                    <p>"No article has the id “" {id.clone()} "”. "<a href="#/">"Back to the library"</a></p>
                </section>
            }
            .into_any(),
        })
    }
}
