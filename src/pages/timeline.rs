//! `#/timeline`: the dated events of every article on a time axis — a picture first
//! (one dot per dated sentence, coloured by article, stacked by day), then the same
//! events as a list. Each dot and item links to its article.

use folio_core::explore::timeline;
use leptos::prelude::*;

use crate::state::corpus::CorpusCtx;
use crate::state::format::{human_date, iso_days, plural, short_date};
use crate::state::route::Route;

/// Colours for articles on the axis (CSS classes `a0`…`a7`, readable in both themes).
const PALETTE: usize = 8;
/// Axis labels are at least this far apart (percent of the width).
const MIN_TICK_GAP: f64 = 9.0;
/// Height of one stacked dot, in pixels.
const DOT_STEP: usize = 18;

/// The timeline view.
#[component]
pub fn TimelinePage() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let events = Memo::new(move |_| corpus.with(timeline));
    let article_ids = move || {
        corpus.with(|c| {
            c.articles
                .iter()
                .map(|a| (a.id.clone(), a.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    move || {
        let events = events.get();
        let ids = article_ids();
        if events.is_empty() {
            return view! {
                <section class="timeline">
                    <div class="page-head"><h1>"Timeline"</h1></div>
                    <p class="empty">"No article has dates that resolve to a day or month yet. Dates resolve when an article's publication date is known."</p>
                </section>
            }
            .into_any();
        }
        let colour = |id: &str| ids.iter().position(|(a, _)| a == id).unwrap_or(0) % PALETTE;
        let days: Vec<i64> = events.iter().filter_map(|e| iso_days(&e.date)).collect();
        let (lo, hi) = (
            *days.iter().min().unwrap_or(&0),
            *days.iter().max().unwrap_or(&0),
        );
        let span = (hi - lo).max(1) as f64;
        let x = |d: i64| 3.0 + 94.0 * (d - lo) as f64 / span;
        // Stack dots per day.
        let mut stack: std::collections::HashMap<i64, usize> = Default::default();
        let mut tallest = 1;
        let dots = events
            .iter()
            .filter_map(|e| {
                let d = iso_days(&e.date)?;
                let level = stack.entry(d).or_default();
                *level += 1;
                tallest = tallest.max(*level);
                let style = format!("left: {:.2}%; bottom: {}px", x(d), 30 + (*level - 1) * DOT_STEP);
                let class = format!("tl-dot a{}", colour(&e.article_id));
                let label = format!("{} — {}", human_date(&e.date), e.sentence);
                Some(view! {
                    <a class=class style=style href=Route::Article(e.article_id.clone()).to_hash() title=label.clone() aria-label=label></a>
                })
            })
            .collect_view();
        let mut tick_days: Vec<i64> = days.clone();
        tick_days.sort_unstable();
        tick_days.dedup();
        // Labels at least MIN_TICK_GAP percent apart, so they never overlap.
        let mut last_x = f64::NEG_INFINITY;
        let ticks = tick_days
            .iter()
            .filter(|&&d| {
                let keep = x(d) - last_x >= MIN_TICK_GAP;
                if keep {
                    last_x = x(d);
                }
                keep
            })
            .map(|&d| {
                let label = events
                    .iter()
                    .find(|e| iso_days(&e.date) == Some(d))
                    .map(|e| short_date(&e.date))
                    .unwrap_or_default();
                view! { <span class="tl-tick" style=format!("left: {:.2}%", x(d))>{label}</span> }
            })
            .collect_view();
        let height = 60 + tallest * DOT_STEP;
        let legend = ids
            .iter()
            .filter(|(id, _)| events.iter().any(|e| &e.article_id == id))
            .map(|(id, title)| {
                view! {
                    <li>
                        <span class=format!("swatch a{}", colour(id)) aria-hidden="true"></span>
                        <a href=Route::Article(id.clone()).to_hash()>{title.clone()}</a>
                    </li>
                }
            })
            .collect_view();
        let mut list_items = Vec::new();
        let mut last = String::new();
        for e in &events {
            if e.date != last {
                list_items
                    .push(view! { <h2 class="tl-date">{human_date(&e.date)}</h2> }.into_any());
                last = e.date.clone();
            }
            list_items.push(
                view! {
                    <p class="tl-event">
                        <span class=format!("swatch a{}", colour(&e.article_id)) aria-hidden="true"></span>
                        {e.sentence.clone()} " "
                        <a class="muted" href=Route::Article(e.article_id.clone()).to_hash()>{e.article_title.clone()}</a>
                    </p>
                }
                .into_any(),
            );
        }
        view! {
            <section class="timeline" aria-labelledby="timeline-title">
                <div class="page-head">
                    <h1 id="timeline-title">"Timeline"</h1>
                    <p class="muted">{plural(events.len(), "dated event", "dated events")} " · " {short_date(&events[0].date)} " – " {short_date(&events[events.len() - 1].date)}</p>
                </div>
                <figure class="tl-figure" aria-label="Dated events on a time axis; the list below has the same events">
                    <div class="tl-chart" style=format!("height: {height}px")>
                        <div class="tl-axis"></div>
                        {ticks}
                        {dots}
                    </div>
                    <figcaption><ul class="tl-legend">{legend}</ul></figcaption>
                </figure>
                <div class="tl-list">{list_items}</div>
            </section>
        }
        .into_any()
    }
}
