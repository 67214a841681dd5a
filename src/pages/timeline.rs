//! `#/timeline`: the dated events of every article on a time axis — a picture first
//! (one dot per dated sentence, coloured by article, stacked by day), then the same
//! events as a list. Each dot and item links to its article.

use std::collections::HashMap;

use folio_core::explore::{format_fixed as fixed, timeline, TimelineEvent};
use leptos::prelude::*;

use crate::state::corpus::CorpusCtx;
use crate::state::format::{human_date, iso_days, plural, short_date};
use crate::state::route::Route;

/// Colours for articles on the axis (CSS classes `a0`…`a7`, readable in both themes).
const PALETTE: usize = 8;
/// The close-up covers the busiest window of this many days.
const CLOSEUP_DAYS: i64 = 31;
/// Axis labels are at least this far apart (percent of the width): a label
/// ("Sep 2022") is some 65 px wide, and a phone's axis some 420 px.
const MIN_TICK_GAP: f64 = 16.0;
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
        let overview = chart(&events, lo, hi, &colour);
        let closeup = densest_window(&days, CLOSEUP_DAYS)
            .filter(|&(a, b, n)| {
                hi - lo > 2 * CLOSEUP_DAYS && (a, b) != (lo, hi) && n * 2 >= days.len()
            })
            .map(|(a, b, _)| {
                let inside: Vec<_> = events
                    .iter()
                    .filter(|e| {
                        iso_days(&e.date).is_some_and(|d| d >= a && d <= b) && e.date.len() == 10
                    })
                    .cloned()
                    .collect();
                let title = format!(
                    "Close-up: {} – {}",
                    short_date(&inside[0].date),
                    short_date(&inside[inside.len() - 1].date)
                );
                view! {
                    <h2 class="tl-sub">{title}</h2>
                    {chart(&inside, a, b, &colour)}
                }
            });
        let legend = ids
            .iter()
            .filter(|(id, _)| events.iter().any(|e| &e.article_id == id))
            .map(|(id, title)| {
                view! {
                    <li>
                        <span class=format!("swatch a{}", colour(id)) aria-hidden="true"></span>
                        <a href=Route::article(id.clone()).to_hash()>{title.clone()}</a>
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
                        <a class="muted" href=Route::article(e.article_id.clone()).to_hash()>{e.article_title.clone()}</a>
                    </p>
                }
                .into_any(),
            );
        }
        view! {
            <section class="timeline" aria-labelledby="timeline-title">
                <div class="page-head">
                    <h1 id="timeline-title">"Timeline"</h1>
                    <p class="muted">{plural(events.len(), "dated event", "dated events")} " · " {human_date(&events[0].date)} " – " {human_date(&events[events.len() - 1].date)}</p>
                </div>
                <figure class="tl-figure" aria-label="Dated events on a time axis; the list below has the same events">
                    {overview}
                    {closeup}
                    <figcaption><ul class="tl-legend">{legend}</ul></figcaption>
                </figure>
                <div class="tl-list">{list_items}</div>
            </section>
        }
        .into_any()
    }
}

/// One time axis from day `lo` to day `hi` with a dot per event, stacked by day.
fn chart(
    events: &[TimelineEvent],
    lo: i64,
    hi: i64,
    colour: &dyn Fn(&str) -> usize,
) -> impl IntoView {
    let span = (hi - lo).max(1) as f64;
    let x = |d: i64| 3.0 + 94.0 * (d - lo) as f64 / span;
    let mut stack: HashMap<i64, usize> = HashMap::new();
    let mut tallest = 1;
    let dots = events
        .iter()
        .filter_map(|e| {
            let d = iso_days(&e.date).filter(|d| (lo..=hi).contains(d))?;
            let level = stack.entry(d).or_default();
            *level += 1;
            tallest = tallest.max(*level);
            let style = format!("left: {}%; bottom: {}px", fixed(x(d), 2), 30 + (*level - 1) * DOT_STEP);
            let class = format!("tl-dot a{}", colour(&e.article_id));
            let label = format!("{} — {}", human_date(&e.date), e.sentence);
            Some(view! {
                <a class=class style=style href=Route::article(e.article_id.clone()).to_hash() title=label.clone() aria-label=label></a>
            })
        })
        .collect_view();
    let mut tick_days: Vec<(i64, &str)> = events
        .iter()
        .filter_map(|e| {
            iso_days(&e.date)
                .filter(|d| (lo..=hi).contains(d))
                .map(|d| (d, e.date.as_str()))
        })
        .collect();
    tick_days.sort_unstable();
    tick_days.dedup_by_key(|t| t.0);
    // Labels at least MIN_TICK_GAP percent apart, so they never overlap.
    let mut last_x = f64::NEG_INFINITY;
    let ticks = tick_days
        .into_iter()
        .filter(|&(d, _)| {
            let keep = x(d) - last_x >= MIN_TICK_GAP;
            if keep {
                last_x = x(d);
            }
            keep
        })
        .map(|(d, iso)| view! { <span class="tl-tick" style=format!("left: {}%", fixed(x(d), 2))>{short_date(iso)}</span> })
        .collect_view();
    let height = 60 + tallest * DOT_STEP;
    view! {
        <div class="tl-chart" style=format!("height: {height}px")>
            <div class="tl-axis"></div>
            {ticks}
            {dots}
        </div>
    }
}

/// The window of `width` days holding the most of `days`: (first day, last day,
/// how many). `None` when there are no days.
fn densest_window(days: &[i64], width: i64) -> Option<(i64, i64, usize)> {
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    let mut best: Option<(i64, i64, usize)> = None;
    let mut j = 0;
    for i in 0..sorted.len() {
        while sorted[i] - sorted[j] >= width {
            j += 1;
        }
        let n = i - j + 1;
        if best.is_none_or(|b| n > b.2) {
            best = Some((sorted[j], sorted[i], n));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_densest_window_is_found() {
        let days = [0, 40, 100, 101, 105, 120, 300];
        assert_eq!(densest_window(&days, 31), Some((100, 120, 4)));
        assert_eq!(densest_window(&[], 31), None);
        assert_eq!(densest_window(&[5], 31), Some((5, 5, 1)));
    }
}
