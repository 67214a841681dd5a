//! `#/compare/ID1/ID2`: two articles side by side — the entities, quotes and
//! quantities they share aligned, and claims that differ (the same kind of quantity
//! with different values) highlighted.

use folio_core::explore::{compare, format_number, related_pairs, RelatedPair};
use folio_core::{EntityKind, Quantity};
use leptos::prelude::*;

use crate::components::entity_chip::EntityChip;
use crate::state::corpus::{CorpusCtx, Load};
use crate::state::format::{plural, unit_label};
use crate::state::nav::Nav;
use crate::state::route::Route;
use crate::state::shards::{is_sharded, ShardCtx};

/// The compare view.
#[component]
pub fn ComparePage() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let nav = Nav::expect();
    let ids = Memo::new(move |_| match nav.route.get() {
        Route::Compare(a, b) => (a, b),
        _ => (None, None),
    });
    // On a sharded site the two articles are records, fetched into the corpus
    // in context (as the reader does) when the route names them; the pickers
    // offer the articles opened so far.
    let shards = ShardCtx::expect();
    let missing = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let (a, b) = ids.get();
        if !is_sharded() || corpus.1.get() != Load::Ready {
            return;
        }
        for id in [a, b].into_iter().flatten() {
            if corpus.0.with_untracked(|c| c.article(&id).is_some()) {
                continue;
            }
            leptos::task::spawn_local(async move {
                if let Err(e) = shards.open_article(corpus, &id).await {
                    missing.set(Some(format!("“{id}” could not be loaded: {e}.")));
                }
            });
        }
    });
    let choose = move |which: usize, value: String| {
        let (a, b) = ids.get_untracked();
        let v = (!value.is_empty()).then_some(value);
        let route = if which == 0 {
            Route::Compare(v, b)
        } else {
            Route::Compare(a, v)
        };
        nav.replace(route);
    };
    let picker = move |which: usize, label: &'static str| {
        let options = corpus.with(|c| {
            c.articles
                .iter()
                .map(|a| (a.id.clone(), a.title.clone()))
                .collect::<Vec<_>>()
        });
        view! {
            <label class="picker">
                {label}
                <select
                    on:change=move |ev| choose(which, event_target_value(&ev))
                    prop:value=move || {
                        let (a, b) = ids.get();
                        (if which == 0 { a } else { b }).unwrap_or_default()
                    }
                >
                    <option value="">"Choose an article…"</option>
                    {options.into_iter().map(|(id, t)| view! { <option value=id>{t}</option> }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <section class="compare" aria-labelledby="compare-title">
            <div class="page-head">
                <h1 id="compare-title">"Compare"</h1>
                <p class="muted">"Two articles side by side: what they share, and where their numbers differ."</p>
            </div>
            // Re-drawn when the corpus changes (it arrives after the first paint,
            // and imports add to it).
            <div class="pickers">{move || picker(0, "First ")}{move || picker(1, "Second ")}</div>
            {is_sharded()
                .then(|| {
                    view! {
                        <p class="muted small">
                            "This corpus is large: the lists hold the articles you have opened. "
                            "Open one from search, then “Compare with…”."
                        </p>
                    }
                })}
            {move || {
                let (Some(a), Some(b)) = ids.get() else {
                    return related(corpus).into_any();
                };
                corpus.with(|c| {
                    let (Some(aa), Some(ab)) = (c.article(&a), c.article(&b)) else {
                        if is_sharded() {
                            let text = missing.get().unwrap_or_else(|| "Loading…".to_string());
                            return view! { <p class="empty" role="status">{text}</p> }.into_any();
                        }
                        return view! { <p class="empty">"One of these articles does not exist."</p> }.into_any();
                    };
                    let Some(cmp) = compare(c, &a, &b) else {
                        return view! { <p class="empty">"These articles cannot be compared."</p> }.into_any();
                    };
                    let chips = |list: Vec<(String, String, EntityKind)>| {
                        list.into_iter()
                            .map(|(id, name, kind)| view! { <EntityChip id=id name=name kind=kind/> })
                            .collect_view()
                    };
                    let n_differ = cmp.claims.iter().filter(|c| c.differ).count();
                    let claims = cmp
                        .claims
                        .into_iter()
                        .map(|cl| {
                            let class = if cl.differ { "claim differ" } else { "claim same" };
                            let badge = if cl.differ { "differ" } else { "agree" };
                            view! {
                                <tr class=class>
                                    <th scope="row">{unit_label(&cl.unit)}</th>
                                    <td>{quantities(&cl.a)}</td>
                                    <td>{quantities(&cl.b)}</td>
                                    <td><span class=format!("badge {badge}")>{badge}</span></td>
                                </tr>
                            }
                        })
                        .collect_view();
                    let quotes = cmp
                        .shared_quotes
                        .into_iter()
                        .map(|(qa, qb)| {
                            view! {
                                <div class="pair">
                                    <blockquote>"“" {qa.text} "”" <cite>{qa.speaker.unwrap_or_default()}</cite></blockquote>
                                    <blockquote>"“" {qb.text} "”" <cite>{qb.speaker.unwrap_or_default()}</cite></blockquote>
                                </div>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="pair heads">
                            <h2><a href=Route::article(a.clone()).to_hash()>{aa.title.clone()}</a></h2>
                            <h2><a href=Route::article(b.clone()).to_hash()>{ab.title.clone()}</a></h2>
                        </div>
                        <section aria-labelledby="claims-title">
                            <h2 id="claims-title">"Numbers"</h2>
                            <p class="muted small">
                                {plural(n_differ, "kind of quantity differs", "kinds of quantity differ")}
                                " between the two; the same unit with other values is highlighted."
                            </p>
                            <table class="claims">
                                <thead><tr><th scope="col">"Unit"</th><th scope="col">"First"</th><th scope="col">"Second"</th><th scope="col"><span class="visually-hidden">"Verdict"</span></th></tr></thead>
                                <tbody>{claims}</tbody>
                            </table>
                        </section>
                        <section aria-labelledby="shared-title">
                            <h2 id="shared-title">"Named in both"</h2>
                            <div class="chips">{chips(cmp.shared)}</div>
                        </section>
                        <div class="pair">
                            <section aria-labelledby="only-a"><h2 id="only-a">"Only in the first"</h2><div class="chips">{chips(cmp.only_a)}</div></section>
                            <section aria-labelledby="only-b"><h2 id="only-b">"Only in the second"</h2><div class="chips">{chips(cmp.only_b)}</div></section>
                        </div>
                        <section aria-labelledby="sq-title">
                            <h2 id="sq-title">"Quoted in both"</h2>
                            {quotes}
                        </section>
                    }
                    .into_any()
                })
            }}
        </section>
    }
}

/// Before two articles are chosen: the pairs that name the most entities in
/// common, each a link to their comparison, so a reader starts from coverage
/// of the same event rather than from two blank lists.
fn related(corpus: CorpusCtx) -> impl IntoView {
    /// How many pairs are offered.
    const PAIRS: usize = 5;
    let pairs = corpus.with(|c| {
        related_pairs(c, PAIRS)
            .into_iter()
            .filter_map(|p| {
                let title = |id: &str| c.article(id).map(|a| a.title.clone());
                Some((title(&p.a)?, title(&p.b)?, p))
            })
            .collect::<Vec<_>>()
    });
    if pairs.is_empty() {
        return view! { <p class="empty">"Choose two articles."</p> }.into_any();
    }
    let items = pairs
        .into_iter()
        .map(|(ta, tb, p)| {
            let summary = pair_summary(&p);
            let href = Route::Compare(Some(p.a), Some(p.b)).to_hash();
            view! {
                <li>
                    <a href=href>{ta}" ↔ "{tb}</a>
                    <span class="muted small">{summary}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="empty">
            "Choose two articles, or start from two that name the same people, places and organisations:"
        </p>
        <ul class="related-pairs">{items}</ul>
    }
    .into_any()
}

/// "16 names in common · numbers differ in 1 of 3 kinds".
fn pair_summary(p: &RelatedPair) -> String {
    let names = plural(p.shared, "name in common", "names in common");
    match (p.claims, p.differ) {
        (0, _) => names,
        (n, 0) => format!(
            "{names} · {} in both, the same values",
            plural(n, "kind of number", "kinds of number")
        ),
        (1, _) => format!("{names} · the one kind of number in both differs"),
        (n, d) => format!("{names} · numbers differ in {d} of {n} kinds"),
    }
}

fn quantities(qs: &[Quantity]) -> String {
    qs.iter()
        .map(|q| format!("{} ({})", format_number(q.value), q.text))
        .collect::<Vec<_>>()
        .join("; ")
}
