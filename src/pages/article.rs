//! `#/article/ID`: the reader — clean text with entities, quotes, dates and
//! quantities marked, the article's metadata, and the debris that was removed.

use leptos::prelude::*;

use crate::components::article_card::meta_line;
use crate::components::correct::{Chosen, SpeakerForm};
use crate::components::reader_text::reader_text;
use crate::state::corpus::{CorpusCtx, Load};
use crate::state::format::plural;
use crate::state::library::LibraryCtx;
use crate::state::nav::Nav;
use crate::state::route::Route;
use crate::state::shards::{is_sharded, ShardCtx};

/// The reader view.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let nav = Nav::expect();
    let id = Memo::new(move |_| match nav.route.get() {
        Route::Article(id, _) => id,
        _ => String::new(),
    });
    let at = Memo::new(move |_| match nav.route.get() {
        Route::Article(_, at) => at,
        _ => None,
    });
    let (show_removed, set_show_removed) = signal(false);
    // The link (article, passage) the reader last scrolled to.
    let scrolled = StoredValue::new(None::<(String, Option<usize>)>);
    let lib = LibraryCtx::expect();
    let chosen: Chosen = RwSignal::new(None);
    // On a sharded site an article is a record fetched when opened; it joins
    // the corpus in context, so the reader below reads it as any other.
    let shards = ShardCtx::expect();
    let fetching = RwSignal::new(None::<Result<String, String>>);
    Effect::new(move |_| {
        let id = id.get();
        if !is_sharded()
            || corpus.1.get() != Load::Ready
            || corpus.0.with_untracked(|c| c.article(&id).is_some())
        {
            return;
        }
        fetching.set(Some(Ok(id.clone())));
        leptos::task::spawn_local(async move {
            match shards.open_article(corpus, &id).await {
                Ok(()) => fetching.set(None),
                Err(e) => fetching.set(Some(Err(e))),
            }
        });
    });
    let page = move || {
        let id = id.get();
        // A deep link may open before the corpus has arrived: not "not found" yet.
        if corpus.1.get() == Load::Loading || matches!(fetching.get(), Some(Ok(_))) {
            return view! { <p class="muted" role="status">"Loading…"</p> }.into_any();
        }
        if let Some(Err(e)) = fetching.get() {
            return view! {
                <section class="not-found">
                    <h1>"Article not available"</h1>
                    <p>{format!("The article “{id}” could not be loaded: {e}. ")} <a href="#/">"Back to the library"</a></p>
                </section>
            }
            .into_any();
        }
        corpus.with(|c| match c.article(&id) {
            Some(a) => {
                let paragraphs = folio_core::explore::reader_paragraphs(c, a);
                let at = at.get();
                let text = reader_text(c, &a.id, paragraphs, at, lib.can_correct().then_some(chosen));
                // Once drawn, the linked passage is brought into view, once
                // per link followed: a re-render (a correction made here, the
                // library arriving) leaves the reader where the user is.
                let first_time = at.is_some()
                    && scrolled.with_value(|s| s.as_ref() != Some(&(id.clone(), at)));
                if first_time {
                    scrolled.set_value(Some((id.clone(), at)));
                    request_animation_frame(|| {
                        if let Ok(Some(p)) = document().query_selector(".reader-text .target") {
                            p.scroll_into_view();
                        }
                    });
                }
                let meta = meta_line(a);
                let counts = format!(
                    "{} · {} · {}",
                    plural(a.entities.len(), "entity", "entities"),
                    plural(a.quotes.len(), "quote", "quotes"),
                    plural(a.dates.len(), "date", "dates"),
                );
                let byline = a.byline.clone().map(|b| view! { <p class="byline">"By " {b}</p> });
                let source = a.url.clone().map(|u| {
                    view! {
                        <a class="source" href=u rel="noopener noreferrer" target="_blank">
                            "Original article"
                        </a>
                    }
                });
                let removed = a.removed.clone();
                let n_removed = removed.len();
                let compare_href = Route::Compare(Some(a.id.clone()), None).to_hash();
                view! {
                    <article class="reader" aria-labelledby="article-title">
                        <nav class="reader-nav" aria-label="Article">
                            <a class="back" href="#/">"← Library"</a>
                            <a class="back" href=compare_href>"Compare with…"</a>
                        </nav>
                        <h1 id="article-title">{a.title.clone()}</h1>
                        {byline}
                        <p class="muted reader-meta">{meta} " · " {counts} " " {source}</p>
                        <div class="legend" aria-label="Colour key">
                            <span class="ent kind-person">"person"</span>
                            <span class="ent kind-place">"place"</span>
                            <span class="ent kind-org">"organisation"</span>
                            <span class="quote">"quote"</span>
                            <span class="mark-date">"date"</span>
                            <span class="mark-qty">"quantity"</span>
                        </div>
                        <div class="reader-text">{text}</div>
                        {(n_removed > 0)
                            .then(|| {
                                let removed = removed.clone();
                                view! {
                                    <section class="removed">
                                        <button
                                            type="button"
                                            class="toggle"
                                            aria-expanded=move || show_removed.get().to_string()
                                            aria-controls="removed-list"
                                            on:click=move |_| set_show_removed.update(|s| *s = !*s)
                                        >
                                            {move || if show_removed.get() { "Hide" } else { "Show" }}
                                            " the debris removed from this article ("
                                            {n_removed}
                                            ")"
                                        </button>
                                        <ul id="removed-list" class="removed-list" hidden=move || !show_removed.get()>
                                            {removed.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                                        </ul>
                                    </section>
                                }
                            })}
                    </article>
                }
                .into_any()
            }
            // Not "not found" when nothing could be loaded to look in.
            None if matches!(corpus.1.get_untracked(), Load::Failed(_)) => view! {
                <section class="not-found">
                    <h1>"Article not available"</h1>
                    <p>
                        "The article “" {id.clone()} "” cannot be shown, because the articles could not be loaded (see above). "
                        <a href="#/">"Back to the library"</a>
                    </p>
                </section>
            }
            .into_any(),
            None => view! {
                <section class="not-found">
                    <h1>"Article not found"</h1>
                    <p>
                        "No article has the id “" {id.clone()} "”. " <a href="#/">"Back to the library"</a>
                    </p>
                </section>
            }
            .into_any(),
        })
    };
    view! {
        {page}
        {lib.can_correct().then(|| view! { <SpeakerForm chosen=chosen/> })}
    }
}
