//! `#/entity/ID`: one entity — its aliases, every mention in context across
//! articles (a KWIC concordance), the entities it appears with, and what it said.

use folio_core::explore::{concordance, cooccurrence, quotes_of};
use std::sync::Arc;

use folio_core::Corpus;
use leptos::prelude::*;

use crate::components::correct::CorrectEntity;
use crate::components::entity_chip::{kind_class, kind_label, EntityChip};
use crate::state::corpus::{CorpusCtx, Load};
use crate::state::format::plural;
use crate::state::library::LibraryCtx;
use crate::state::nav::Nav;
use crate::state::route::Route;
use crate::state::shards::{is_sharded, ShardCtx};

/// Characters of context on each side of a concordance line.
const KWIC_WIDTH: usize = 60;
/// Co-occurring entities shown.
const COOCCURRENCE_LIMIT: usize = 15;

/// The entity view.
#[component]
pub fn EntityPage() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let lib = LibraryCtx::expect();
    let nav = Nav::expect();
    let id = Memo::new(move |_| match nav.route.get() {
        Route::Entity(id) => id,
        _ => String::new(),
    });
    // On a sharded site the page reads a small corpus of its own: the
    // paragraphs that mention the entity in the articles that mention it most
    // (written by `folio build`); the totals come from the manifest.
    let shards = ShardCtx::expect();
    let sharded = is_sharded();
    let page = RwSignal::new(None::<(String, Result<Arc<Corpus>, String>)>);
    Effect::new(move |_| {
        let id = id.get();
        if !sharded || corpus.1.get() != Load::Ready {
            return;
        }
        leptos::task::spawn_local(async move {
            let answer = shards.entity_page(&id).await;
            page.set(Some((id, answer)));
        });
    });
    move || {
        let id = id.get();
        // A deep link may open before the corpus has arrived: not "not found" yet.
        match corpus.1.get() {
            Load::Loading => {
                return view! { <p class="muted" role="status">"Loading…"</p> }.into_any();
            }
            Load::Failed(_) if sharded => {
                return view! {
                    <section class="not-found">
                        <h1>"Entity not available"</h1>
                        <p>
                            "The entity “" {id.clone()} "” cannot be shown, because this site's index could not be opened (see above). "
                            <a href="#/">"Back to the library"</a>
                        </p>
                    </section>
                }
                .into_any();
            }
            _ => {}
        }
        let source: Arc<Corpus> = if sharded {
            match page.get() {
                Some((pid, Ok(c))) if pid == id => c,
                Some((pid, Err(e))) if pid == id => {
                    return view! {
                        <section class="not-found">
                            <h1>"Entity not available"</h1>
                            <p>{format!("The entity “{id}” could not be loaded: {e}. ")} <a href="#/entities">"All entities"</a></p>
                        </section>
                    }
                    .into_any();
                }
                _ => return view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
            }
        } else {
            corpus.0.get()
        };
        let totals = sharded.then(|| {
            shards
                .manifest(|m| {
                    m.entities
                        .iter()
                        .find(|x| x.id == id)
                        .map(|x| (x.mentions, x.articles))
                })
                .flatten()
        });
        {
            let c: &Corpus = &source;
            let Some(e) = c.entities.iter().find(|e| e.id == id) else {
                return view! {
                    <section class="not-found">
                        <h1>"Entity not found"</h1>
                        <p>
                            "No entity has the id “" {id.clone()} "”. " <a href="#/entities">"All entities"</a>
                            {(!lib.corrections.with(Vec::is_empty)).then(|| view! {
                                " · a correction may have changed it: " <a href="#/corrections">"Corrections"</a>
                            })}
                        </p>
                    </section>
                }
                .into_any();
            };
            let lines = concordance(c, &e.id, KWIC_WIDTH);
            let with = cooccurrence(c, &e.id, COOCCURRENCE_LIMIT);
            let said = quotes_of(c, &e.id);
            let kwic = lines
                .iter()
                .map(|l| {
                    view! {
                        <tr>
                            <td class="kwic-left"><span>{l.left.clone()}</span></td>
                            <td class="kwic-key">
                                <a class=kind_class(e.kind) href=Route::Article(l.article_id.clone(), Some(l.start)).to_hash() title=l.article_title.clone()>
                                    {l.mention.clone()}
                                </a>
                            </td>
                            <td class="kwic-right">{l.right.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            let quotes = said
                .into_iter()
                .map(|g| {
                    let mut reports = g.reports;
                    let also = reports.len() - 1;
                    // A group has a report: the first is the longest version.
                    let first = reports.swap_remove(0);
                    view! {
                        <li class="quote-card">
                            <blockquote>"“" {first.quote.text.clone()} "”"</blockquote>
                            <p class="muted">
                                <a href=Route::Article(first.article_id, Some(first.quote.start)).to_hash()>{first.article_title}</a>
                                {(also > 0).then(|| format!(" · and {} more", plural(also, "article", "articles")))}
                            </p>
                        </li>
                    }
                })
                .collect_view();
            let n_quotes = c
                .articles
                .iter()
                .flat_map(|a| &a.quotes)
                .filter(|q| q.speaker_id.as_deref() == Some(e.id.as_str()))
                .count();
            view! {
                <article class="entity-page" aria-labelledby="entity-title">
                    <a class="back" href="#/entities">"← All entities"</a>
                    <h1 id="entity-title">
                        {e.name.clone()} " "
                        <span class=format!("kind-badge {}", kind_class(e.kind))>{kind_label(e.kind)}</span>
                    </h1>
                    <p class="muted">
                        {match totals {
                            None => format!(
                                "{} in {}",
                                plural(lines.len(), "mention", "mentions"),
                                plural(e.articles.len(), "article", "articles")
                            ),
                            Some(t) => format!(
                                "{}Shown below: the paragraphs that name it in the {} that name it most.",
                                t.map(|(m, a)| format!(
                                    "{} in {}. ",
                                    plural(m, "mention", "mentions"),
                                    plural(a, "article", "articles")
                                ))
                                .unwrap_or_default(),
                                plural(e.articles.len(), "article", "articles")
                            ),
                        }}
                    </p>
                    <section aria-labelledby="aliases-title">
                        <h2 id="aliases-title">"Also written"</h2>
                        <ul class="aliases">{e.aliases.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}</ul>
                    </section>
                    {(lib.can_correct() && !sharded).then(|| view! {
                        <CorrectEntity kind=e.kind name=e.name.clone()/>
                        <datalist id="entity-aliases">
                            {e.aliases.iter().map(|a| view! { <option value=a.clone()></option> }).collect_view()}
                        </datalist>
                    })}
                    <section aria-labelledby="kwic-title">
                        <h2 id="kwic-title">"Every mention in context"</h2>
                        <div class="kwic-wrap">
                            <table class="kwic">
                                <caption class="visually-hidden">"Concordance: the text before, the mention, the text after"</caption>
                                <tbody>{kwic}</tbody>
                            </table>
                        </div>
                    </section>
                    {(!with.is_empty()).then(|| view! {
                        <section aria-labelledby="with-title">
                            <h2 id="with-title">"Appears with"</h2>
                            <p class="muted small">"Entities named in the same sentences, most often first."</p>
                            <div class="chips">
                                {with.into_iter().map(|o| view! { <EntityChip id=o.id name=o.name kind=o.kind count=o.sentences/> }).collect_view()}
                            </div>
                        </section>
                    })}
                    {(n_quotes > 0).then(|| view! {
                        <section aria-labelledby="said-title">
                            <h2 id="said-title">"What they said"</h2>
                            <ul class="quote-list">{quotes}</ul>
                        </section>
                    })}
                </article>
            }
            .into_any()
        }
    }
}
