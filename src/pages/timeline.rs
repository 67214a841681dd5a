//! `#/timeline`: the dated events of every article on a time axis — a chart first
//! (bars counting the events by day, week, month or year, as the span shown
//! needs; a bar zooms in to its own span), then the events of the span as a
//! list, a page at a time. Each item links to its passage in the article.

use folio_core::calendar::{civil_from_days, iso, iso_day};
use folio_core::explore::{
    busiest_window, format_fixed as fixed, timeline, timeline_chart, AxisTick, TimeUnit,
    TimelineBin, TimelineChart, TimelineEvent,
};
use leptos::prelude::*;

use crate::components::show_more::ShowMore;
use crate::state::corpus::CorpusCtx;
use crate::state::format::{human_date, plural, short_date};
use crate::state::route::Route;

/// Axis labels are at least this far apart (percent of the width): a label
/// ("Sep 2022") is some 65 px wide, and a phone's axis some 340 px.
const MIN_TICK_GAP: f64 = 18.0;
/// The shortcut to the busiest stretch covers this many days.
const BUSIEST_DAYS: i64 = 31;
/// How many events the list shows at first, and how many more each time.
const LIST_PAGE: usize = 100;

/// The timeline view.
#[component]
pub fn TimelinePage() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let events = Memo::new(move |_| corpus.with(timeline));
    // The spans zoomed into, the last shown; empty is the whole span.
    let zooms = RwSignal::new(Vec::<(i64, i64)>::new());
    let span = Memo::new(move |_| zooms.with(|z| z.last().copied()));
    let chart = Memo::new(move |_| {
        let s = span.get();
        events.with(|e| timeline_chart(e, s.map(|s| s.0), s.map(|s| s.1)))
    });
    let shown = RwSignal::new(LIST_PAGE);
    Effect::new(move |_| {
        span.track();
        shown.set(LIST_PAGE);
    });
    let zoom = move |to: (i64, i64)| {
        if span.get_untracked() != Some(to) {
            zooms.update(|z| z.push(to));
        }
    };

    move || {
        let all = events.read();
        let (Some(first), Some(last)) = (all.first(), all.last()) else {
            return view! {
                <section class="timeline">
                    <div class="page-head"><h1>"Timeline"</h1></div>
                    <p class="empty">"No article has dates that resolve to a day or month yet. Dates resolve when an article's publication date is known."</p>
                </section>
            }
            .into_any();
        };
        let (lo, hi) = (
            first.day,
            all.iter().map(|e| e.day).max().unwrap_or(last.day),
        );
        let summary = format!(
            "{} · {} – {}",
            plural(all.len(), "dated event", "dated events"),
            human_date(&first.date),
            human_date(&last.date)
        );
        // Worth a shortcut where half the events crowd into a month of a longer span.
        let busiest = busiest_window(&all, BUSIEST_DAYS)
            .filter(|&(_, _, n)| hi - lo > 2 * BUSIEST_DAYS && n * 2 >= all.len());
        drop(all);
        view! {
            <section class="timeline" aria-labelledby="timeline-title">
                <div class="page-head">
                    <h1 id="timeline-title">"Timeline"</h1>
                    <p class="muted">{summary}</p>
                </div>
                <SpanControls lo=lo hi=hi span=span zooms=zooms busiest=busiest/>
                {move || match chart.get() {
                    Some(c) => view! { <Chart chart=c zoom=zoom/> }.into_any(),
                    None => view! { <p class="empty">"No dated event falls between these days."</p> }.into_any(),
                }}
                {move || {
                    let s = span.get();
                    events.with(|e| event_list(e, s, shown))
                }}
            </section>
        }
        .into_any()
    }
}

/// The span shown, chosen by date or undone a zoom at a time.
#[component]
fn SpanControls(
    lo: i64,
    hi: i64,
    span: Memo<Option<(i64, i64)>>,
    zooms: RwSignal<Vec<(i64, i64)>>,
    busiest: Option<(i64, i64, usize)>,
) -> impl IntoView {
    let from = move || iso(span.get().map_or(lo, |s| s.0));
    let to = move || iso(span.get().map_or(hi, |s| s.1));
    // A typed day moves one end of the span; the other stays.
    let set_end = move |value: String, end: usize| {
        let Some(day) = iso_day(&value) else {
            return;
        };
        let (a, b) = span.get_untracked().unwrap_or((lo, hi));
        let next = if end == 0 {
            (day, b.max(day))
        } else {
            (a.min(day), day)
        };
        zooms.update(|z| z.push(next));
    };
    view! {
        <form class="tl-span" on:submit=|ev| ev.prevent_default()>
            <label>"From " <input type="date" min=iso(lo) max=iso(hi) prop:value=from
                on:change=move |ev| set_end(event_target_value(&ev), 0)/></label>
            <label>"to " <input type="date" min=iso(lo) max=iso(hi) prop:value=to
                on:change=move |ev| set_end(event_target_value(&ev), 1)/></label>
            {busiest.map(|(a, b, n)| {
                let label = format!("Busiest: {} – {} · {}", short_date(&iso(a)), human_date(&iso(b)), plural(n, "event", "events"));
                // Offered over the whole span; once zoomed, the way back is what counts.
                move || {
                    span.get().is_none().then(|| {
                        view! {
                            <button type="button" class="button small" on:click=move |_| zooms.update(|z| z.push((a, b)))>{label.clone()}</button>
                        }
                    })
                }
            })}
            <Show when=move || span.get().is_some()>
                <button type="button" class="button small" on:click=move |_| zooms.update(|z| { z.pop(); })>"Zoom out"</button>
                <button type="button" class="button small" on:click=move |_| zooms.set(Vec::new())>"Whole span"</button>
            </Show>
        </form>
    }
}

/// The bars of one chart, on an axis labelled with years (and months or weeks
/// where they fit); a bar zooms in to its own span.
#[component]
fn Chart(
    chart: TimelineChart,
    zoom: impl Fn((i64, i64)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let days = (chart.last - chart.first + 1).max(1) as f64;
    let x = move |d: i64| 100.0 * (d - chart.first) as f64 / days;
    let tallest = chart
        .bins
        .iter()
        .map(|b| b.events)
        .max()
        .unwrap_or(0)
        .max(1);
    let unit = chart.unit;
    let bars = chart
        .bins
        .iter()
        .filter(|b| b.events > 0)
        .map(|b| {
            let label = format!(
                "{}: {} in {}. Show {}.",
                bin_name(b, unit),
                plural(b.events, "dated event", "dated events"),
                plural(b.articles, "article", "articles"),
                if unit == TimeUnit::Day { "its events" } else { "it closer" }
            );
            let style = format!(
                "left: {}%; width: {}%; --h: {}%",
                fixed(x(b.first), 3),
                fixed(100.0 * (b.last - b.first + 1) as f64 / days, 3),
                fixed(100.0 * b.events as f64 / tallest as f64, 1)
            );
            let to = (b.first, b.last);
            view! {
                <button type="button" class="tl-bar" style=style title=label.clone() aria-label=label
                    on:click=move |_| zoom(to)></button>
            }
        })
        .collect_view();
    let ticks = fitting_ticks(&chart.ticks, &x)
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let class = if t.unit == TimeUnit::Year { "tl-tick year" } else { "tl-tick" };
            view! { <span class=class style=format!("left: {}%", fixed(x(t.day), 2))>{tick_label(t, i == 0)}</span> }
        })
        .collect_view();
    let per = match unit {
        TimeUnit::Day => "day",
        TimeUnit::Week => "week",
        TimeUnit::Month => "month",
        TimeUnit::Year => "year",
    };
    let caption = format!(
        "Dated events per {per}, {} – {}; the tallest bar is {}.{}",
        human_date(&iso(chart.first)),
        human_date(&iso(chart.last)),
        plural(tallest, "event", "events"),
        if chart.coarser > 0 {
            format!(
                " {} known only to the month are in the list, not the bars.",
                plural(chart.coarser, "event", "events")
            )
        } else {
            String::new()
        }
    );
    view! {
        <figure class="tl-figure">
            <div class="tl-chart" role="group" aria-label=caption.clone()>
                <div class="tl-bars">{bars}</div>
                <div class="tl-axis">{ticks}</div>
            </div>
            <figcaption class="muted small">{caption}</figcaption>
        </figure>
    }
}

/// The ticks to label: every year that fits, then months or weeks where they
/// leave room, at least [`MIN_TICK_GAP`] apart.
fn fitting_ticks(ticks: &[AxisTick], x: &dyn Fn(i64) -> f64) -> Vec<AxisTick> {
    let mut kept: Vec<AxisTick> = Vec::new();
    for pass in [true, false] {
        for t in ticks.iter().filter(|t| (t.unit == TimeUnit::Year) == pass) {
            if kept
                .iter()
                .all(|k| (x(k.day) - x(t.day)).abs() >= MIN_TICK_GAP)
            {
                kept.push(*t);
            }
        }
    }
    kept.sort_by_key(|t| t.day);
    kept
}

/// "2022" for a year; "Sep" for a month ("Sep 2022" when it is the first label);
/// "5 Sep" for a week.
fn tick_label(t: AxisTick, first: bool) -> String {
    let (y, m, _) = civil_from_days(t.day);
    match t.unit {
        TimeUnit::Year => y.to_string(),
        TimeUnit::Month if first => short_date(&format!("{y:04}-{m:02}")),
        TimeUnit::Month => short_date(&format!("{y:04}-{m:02}"))
            .split(' ')
            .next()
            .unwrap_or_default()
            .to_string(),
        TimeUnit::Week | TimeUnit::Day => short_date(&iso(t.day)),
    }
}

/// A bar's span in words: "4 March 2015", "week of 2 March 2015", "March 2015", "2015".
fn bin_name(b: &TimelineBin, unit: TimeUnit) -> String {
    let (y, m, _) = civil_from_days(b.first);
    match unit {
        TimeUnit::Day => human_date(&iso(b.first)),
        TimeUnit::Week => format!("Week of {}", human_date(&iso(b.first))),
        TimeUnit::Month => human_date(&format!("{y:04}-{m:02}")),
        TimeUnit::Year => y.to_string(),
    }
}

/// The events of the span (all where `None`) under their dates, the first
/// `shown` of them, with a button for more.
fn event_list(
    events: &[TimelineEvent],
    span: Option<(i64, i64)>,
    shown: RwSignal<usize>,
) -> impl IntoView {
    let inside: Vec<&TimelineEvent> = events
        .iter()
        .filter(|e| span.is_none_or(|(a, b)| e.day >= a && e.day <= b))
        .collect();
    let limit = shown.get();
    let mut items = Vec::new();
    let mut last = "";
    for e in inside.iter().take(limit) {
        if e.date != last {
            items.push(view! { <h2 class="tl-date">{human_date(&e.date)}</h2> }.into_any());
            last = &e.date;
        }
        items.push(
            view! {
                <p class="tl-event">
                    {e.sentence.clone()} " "
                    <a class="muted" href=Route::Article(e.article_id.clone(), Some(e.start)).to_hash()>{e.article_title.clone()}</a>
                </p>
            }
            .into_any(),
        );
    }
    let rest = inside.len().saturating_sub(limit);
    view! {
        <div class="tl-list" aria-label="Dated events, oldest first">
            <p class="muted small">{format!("{} in this span, oldest first.", plural(inside.len(), "event", "events"))}</p>
            {items}
            <ShowMore rest=Signal::stored(rest) page=LIST_PAGE on_more=move || shown.update(|n| *n += LIST_PAGE)/>
        </div>
    }
}
