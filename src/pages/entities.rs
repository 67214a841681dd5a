//! `#/entities`: every person, place and organisation, with mention counts,
//! filterable by name and kind.

use folio_core::explore::entity_summaries;
use folio_core::EntityKind;
use leptos::prelude::*;

use crate::components::entity_chip::{kind_class, kind_label};
use crate::components::show_more::ShowMore;
use crate::state::corpus::CorpusCtx;
use crate::state::format::plural;
use crate::state::route::Route;
use crate::state::shards::{is_sharded, ShardCtx};

/// One row of the table: an entity as a sharded site's manifest lists it,
/// which is what the table shows of a whole corpus's entities too.
type Row = folio_core::search::shard::ListedEntity;

/// Rows drawn at first, and added per "Show more": a library of thousands of
/// articles has tens of thousands of entities.
const PAGE: usize = 200;

/// The entities view.
#[component]
pub fn EntitiesPage() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let shards = ShardCtx::expect();
    // A sharded site lists the entities its manifest carries (the most
    // mentioned); a whole corpus, every one.
    let all = Memo::new(move |_| {
        if is_sharded() {
            corpus.1.track();
            return shards.manifest(|m| m.entities.clone()).unwrap_or_default();
        }
        corpus
            .with(entity_summaries)
            .into_iter()
            .map(|e| Row {
                articles: e.articles.len(),
                id: e.id,
                kind: e.kind,
                name: e.name,
                aliases: e.aliases,
                mentions: e.mentions,
            })
            .collect()
    });
    let of_all = move || {
        shards
            .manifest(|m| m.entity_count)
            .unwrap_or_else(|| all.with(|a| a.len()))
    };
    let (filter, set_filter) = signal(String::new());
    let (kind, set_kind) = signal(None::<EntityKind>);
    let rows = RwSignal::new(PAGE);
    let shown = Memo::new(move |_| {
        let f = folio_core::text::fold(filter.get().trim());
        let k = kind.get();
        all.get()
            .into_iter()
            .filter(|e| k.is_none_or(|k| e.kind == k))
            .filter(|e| {
                f.is_empty()
                    || e.aliases
                        .iter()
                        .chain(std::iter::once(&e.name))
                        .any(|a| folio_core::text::fold(a).contains(&f))
            })
            .collect::<Vec<_>>()
    });
    let rest = Signal::derive(move || shown.with(Vec::len).saturating_sub(rows.get()));
    let more =
        view! { <ShowMore rest=rest page=PAGE on_more=move || rows.update(|n| *n += PAGE)/> };
    let tab = move |label: &'static str, value: Option<EntityKind>| {
        view! {
            <button
                type="button"
                class="tab"
                aria-pressed=move || (kind.get() == value).to_string()
                on:click=move |_| { set_kind.set(value); rows.set(PAGE); }
            >
                {label}
            </button>
        }
    };
    view! {
        <section class="entities" aria-labelledby="entities-title">
            <div class="page-head">
                <h1 id="entities-title">"Entities"</h1>
                <p class="muted" role="status">
                    {move || format!("{} of {}", shown.with(|s| s.len()), plural(of_all(), "entity", "entities"))}
                </p>
            </div>
            <div class="toolbar">
                <label class="visually-hidden" for="entity-filter">"Filter entities by name"</label>
                <input
                    id="entity-filter"
                    class="filter"
                    type="search"
                    placeholder="Filter by name or alias…"
                    prop:value=move || filter.get()
                    on:input=move |ev| { set_filter.set(event_target_value(&ev)); rows.set(PAGE); }
                />
                <div class="tabs" role="group" aria-label="Kind">
                    {tab("All", None)}
                    {tab("People", Some(EntityKind::Person))}
                    {tab("Places", Some(EntityKind::Place))}
                    {tab("Organisations", Some(EntityKind::Org))}
                </div>
            </div>
            <table class="entity-table">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col" class="kind-col">"Kind"</th>
                        <th scope="col" class="num">"Mentions"</th>
                        <th scope="col" class="num">"Articles"</th>
                        <th scope="col" class="aliases-col">"Also written"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        shown
                            .get()
                            .into_iter()
                            .take(rows.get())
                            .map(|e| {
                                let others: Vec<String> = e.aliases.iter().filter(|a| **a != e.name).cloned().collect();
                                view! {
                                    <tr>
                                        <td>
                                            <a class=format!("ent-link {}", kind_class(e.kind)) href=Route::Entity(e.id.clone()).to_hash()>
                                                {e.name.clone()}
                                            </a>
                                            // A phone has no room for the kind's column: it follows the name.
                                            <span class=format!("kind-badge in-name {}", kind_class(e.kind))>{kind_label(e.kind)}</span>
                                        </td>
                                        <td class="kind-col">
                                            <span class=format!("kind-badge {}", kind_class(e.kind))>{kind_label(e.kind)}</span>
                                        </td>
                                        <td class="num">{e.mentions}</td>
                                        <td class="num">{e.articles}</td>
                                        <td class="aliases-col muted">{others.join(", ")}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            {more}
        </section>
    }
}
