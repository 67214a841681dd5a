//! `#/claims`: who claims which number — every figure the corpus reports,
//! grouped by what it measures ([`folio_core::explore::claims`]), each with its
//! source, period, article and outlet; the groups whose values differ are
//! marked with their spread. Filterable by source and by outlet.
//!
//! The view and the grouping live in the views module (`crates/views`), which
//! the app loads the first time the view opens ([`crate::pages::lazy`]).

use folio_core::explore::{claims, format_number, ClaimGroup};
use leptos::prelude::*;

use crate::state::corpus::CorpusCtx;
use crate::state::format::{plural, short_date, unit_label};
use crate::state::route::Route;

/// The claims view over the corpus in context (mounted by the views module).
#[component]
pub fn ClaimsPage() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let all = Memo::new(move |_| corpus.with(claims));
    let (source, set_source) = signal(String::new());
    let (outlet, set_outlet) = signal(String::new());
    let (single, set_single) = signal(false);

    // Each filter offers what the figures carry, so no choice shows nothing.
    let choices = move |pick: fn(&folio_core::explore::ClaimedFigure) -> Option<String>| {
        all.with(|groups| {
            let mut v: Vec<String> = groups
                .iter()
                .flat_map(|g| g.claims.iter().filter_map(pick))
                .collect();
            v.sort();
            v.dedup();
            v
        })
    };
    let shown = Memo::new(move |_| {
        let (so, ou, one) = (source.get(), outlet.get(), single.get());
        all.get()
            .into_iter()
            .filter(|g| one || g.articles > 1)
            .filter(|g| {
                g.claims.iter().any(|c| {
                    (so.is_empty() || c.source.as_deref() == Some(so.as_str()))
                        && (ou.is_empty() || c.outlet.as_deref() == Some(ou.as_str()))
                })
            })
            .collect::<Vec<_>>()
    });
    let select = move |label: &'static str,
                       any: &'static str,
                       options: Vec<String>,
                       value: ReadSignal<String>,
                       set: WriteSignal<String>| {
        (!options.is_empty()).then(|| {
            view! {
                <label>
                    {label}
                    <select on:change=move |ev| set.set(event_target_value(&ev)) prop:value=move || value.get()>
                        <option value="">{any}</option>
                        {options.into_iter().map(|x| { let l = x.clone(); view! { <option value=x>{l}</option> } }).collect_view()}
                    </select>
                </label>
            }
        })
    };

    view! {
        <section class="claims-page" aria-labelledby="claims-title">
            <div class="page-head">
                <h1 id="claims-title">"Claims"</h1>
                <p class="muted" role="status">
                    {move || shown.with(|s| {
                        let differ = s.iter().filter(|g| g.differ).count();
                        format!("{}, {differ} with figures that differ", plural(s.len(), "measure", "measures"))
                    })}
                </p>
            </div>
            <p class="muted small">
                "Every figure the articles report, grouped by what it measures, with who gave it and over what period."
            </p>
            <div class="toolbar">
                {move || select("Source ", "Every source", choices(|c| c.source.clone()), source, set_source)}
                {move || select("Outlet ", "All outlets", choices(|c| c.outlet.clone()), outlet, set_outlet)}
                <label class="check">
                    <input type="checkbox" prop:checked=move || single.get() on:change=move |ev| set_single.set(event_target_checked(&ev))/>
                    " Measures only one article reports"
                </label>
            </div>
            {move || {
                let groups = shown.get();
                if groups.is_empty() {
                    return view! {
                        <p class="empty">
                            "No measure is reported by more than one article here. Tick the box above for every figure."
                        </p>
                    }
                    .into_any();
                }
                groups.into_iter().map(claim_group).collect_view().into_any()
            }}
        </section>
    }
}

/// One measure: its heading with the verdict, then each figure as a row.
fn claim_group(g: ClaimGroup) -> impl IntoView {
    let title = match &g.of {
        Some(of) => format!("{} of {of}", unit_label(&g.measure)),
        None => unit_label(&g.measure),
    };
    let (class, verdict) = if g.differ {
        (
            "claim-group differ",
            format!(
                "differ: {} to {}",
                format_number(g.low),
                format_number(g.high)
            ),
        )
    } else {
        ("claim-group", "agree".to_string())
    };
    let count = format!(
        "{} in {}",
        plural(g.claims.len(), "figure", "figures"),
        plural(g.articles, "article", "articles")
    );
    let rows = g
        .claims
        .into_iter()
        .map(|c| {
            let source = match (c.source, c.source_id) {
                (Some(name), Some(id)) => {
                    view! { <a href=Route::Entity(id).to_hash()>{name}</a> }.into_any()
                }
                (Some(name), None) => name.into_any(),
                (None, _) => view! { <span class="muted">"not named"</span> }.into_any(),
            };
            let from = c.outlet.unwrap_or(c.title);
            let date = c.published.as_deref().map(short_date);
            let period_label = c.period.is_some().then_some("Period");
            view! {
                <tr>
                    <td class="num">{format_number(c.value)}</td>
                    <td>"“" {c.text} "”"</td>
                    <td data-label="Source">{source}</td>
                    <td data-label=period_label>{c.period}</td>
                    <td><a href=Route::Article(c.article, Some(c.start)).to_hash()>{from}</a> " " <span class="muted small">{date}</span></td>
                </tr>
            }
        })
        .collect_view();
    let badge = if g.differ {
        "badge differ"
    } else {
        "badge agree"
    };
    view! {
        <section class=class>
            <h2>{title} " " <span class=badge>{verdict}</span></h2>
            <p class="muted small">{count}</p>
            <div class="table-scroll">
                <table class="claims">
                    <thead>
                        <tr>
                            <th scope="col">"Value"</th>
                            <th scope="col">"As written"</th>
                            <th scope="col">"Source"</th>
                            <th scope="col">"Period"</th>
                            <th scope="col">"Article"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
