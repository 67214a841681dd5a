//! The timeline page: the corpus's dated sentences, oldest first, and a chart
//! that counts them by day, week, month or year as the span shown requires, so
//! that ten years of five thousand articles is a few hundred bars, not a dot
//! per sentence.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::calendar::{civil_from_days, days_from_civil, iso_day, weekday};
use crate::text::sentences;
use crate::Corpus;

/// A dated sentence, for the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEvent {
    /// The date as ISO (`YYYY-MM-DD` or `YYYY-MM`).
    pub date: String,
    /// The date as written.
    pub date_text: String,
    /// The date's (first) day, as days since 1970-01-01: where it sits on the axis.
    pub day: i64,
    /// The sentence it appears in.
    pub sentence: String,
    /// The article.
    pub article_id: String,
    /// The article's title.
    pub article_title: String,
    /// Byte offset of the date in the article text.
    pub start: usize,
}

/// Every sentence with a date resolved to at least a month, oldest first. A sentence
/// with several dates appears once, under its most precise date; bare years are left
/// out (they date background, "seized in 2014", rather than the events reported).
pub fn timeline(corpus: &Corpus) -> Vec<TimelineEvent> {
    let mut out = Vec::new();
    for a in &corpus.articles {
        let sents: Vec<Range<usize>> = sentences::split(&a.text).collect();
        let mut seen: HashMap<usize, usize> = HashMap::new();
        for d in &a.dates {
            let Some((value, day)) = d
                .value
                .as_deref()
                .and_then(|v| iso_day(v).map(|day| (v, day)))
            else {
                continue;
            };
            let Some(si) = sents
                .iter()
                .position(|s| s.start <= d.start && d.end <= s.end)
            else {
                continue;
            };
            let event = TimelineEvent {
                date: value.to_string(),
                date_text: d.text.clone(),
                day,
                sentence: a.text[sents[si].clone()].to_string(),
                article_id: a.id.clone(),
                article_title: a.title.clone(),
                start: d.start,
            };
            match seen.get(&si) {
                Some(&i) if out_len_date(&out, i) >= value.len() => {}
                Some(&i) => out[i] = event,
                None => {
                    seen.insert(si, out.len());
                    out.push(event);
                }
            }
        }
    }
    crate::sort::by(&mut out, |a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| a.article_id.cmp(&b.article_id))
    });
    out
}

/// How finely a chart counts: one bar per day, week (from Monday), month or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum TimeUnit {
    /// A bar per day.
    Day,
    /// A bar per week, Monday to Sunday.
    Week,
    /// A bar per calendar month.
    Month,
    /// A bar per calendar year.
    Year,
}

impl TimeUnit {
    /// The unit for a span of `days`: the finest that keeps the chart to about a
    /// hundred or two bars, each wide enough to point at on a phone.
    pub fn for_span(days: i64) -> TimeUnit {
        match days {
            ..=92 => TimeUnit::Day,
            93..=730 => TimeUnit::Week,
            731..=7305 => TimeUnit::Month,
            _ => TimeUnit::Year,
        }
    }

    /// The first day of the unit that holds `day`.
    pub fn start(self, day: i64) -> i64 {
        let (y, m, _) = civil_from_days(day);
        match self {
            TimeUnit::Day => day,
            TimeUnit::Week => day - weekday(day) as i64,
            TimeUnit::Month => days_from_civil(y, m, 1),
            TimeUnit::Year => days_from_civil(y, 1, 1),
        }
    }

    /// The first day of the unit after the one that starts on `start`.
    pub fn next(self, start: i64) -> i64 {
        let (y, m, _) = civil_from_days(start);
        match self {
            TimeUnit::Day => start + 1,
            TimeUnit::Week => start + 7,
            TimeUnit::Month if m == 12 => days_from_civil(y + 1, 1, 1),
            TimeUnit::Month => days_from_civil(y, m + 1, 1),
            TimeUnit::Year => days_from_civil(y + 1, 1, 1),
        }
    }
}

/// One bar of a [`TimelineChart`]: the events dated within one unit of time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineBin {
    /// Its first day (days since 1970-01-01).
    pub first: i64,
    /// Its last day, inclusive.
    pub last: i64,
    /// How many events it holds.
    pub events: usize,
    /// How many articles those events come from.
    pub articles: usize,
}

/// A label on a chart's axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AxisTick {
    /// The day it marks.
    pub day: i64,
    /// What it marks the start of: a year, a month or (on a chart of days) a week.
    pub unit: TimeUnit,
}

/// The events between two days counted by a unit of time that suits the span:
/// what the timeline draws, at any zoom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineChart {
    /// The first day shown (the start of the first bar).
    pub first: i64,
    /// The last day shown (the end of the last bar), inclusive.
    pub last: i64,
    /// What each bar counts.
    pub unit: TimeUnit,
    /// Every unit from `first` to `last`, empty ones too, so gaps show as gaps.
    pub bins: Vec<TimelineBin>,
    /// Year starts, and month or week starts where the span is short enough for
    /// them to be read, oldest first. Which of them fit is the drawing's call.
    pub ticks: Vec<AxisTick>,
    /// Events in the span whose date is coarser than the unit (known to the
    /// month only, on a chart of days or weeks): in the list, not in the bars.
    pub coarser: usize,
}

/// The chart of `events` (oldest first, as [`timeline()`] gives them) from day
/// `from` to day `to` inclusive, or over all of them where a bound is `None`.
/// `None` when no event falls in the span.
pub fn timeline_chart(
    events: &[TimelineEvent],
    from: Option<i64>,
    to: Option<i64>,
) -> Option<TimelineChart> {
    let inside =
        |e: &&TimelineEvent| from.is_none_or(|f| e.day >= f) && to.is_none_or(|t| e.day <= t);
    let lo = from.or_else(|| events.iter().map(|e| e.day).min())?;
    let hi = to.or_else(|| events.iter().map(|e| e.day).max())?.max(lo);
    events.iter().find(inside)?;
    let unit = TimeUnit::for_span(hi - lo + 1);
    let first = unit.start(lo);
    let mut bins = Vec::new();
    let mut start = first;
    while start <= hi {
        let next = unit.next(start);
        bins.push(TimelineBin {
            first: start,
            last: next - 1,
            events: 0,
            articles: 0,
        });
        start = next;
    }
    let mut coarser = 0;
    let mut articles: Vec<Vec<&str>> = vec![Vec::new(); bins.len()];
    for e in events.iter().filter(inside) {
        // A date known to the month sits on the month's first day; on a
        // chart of days or weeks that day would be a guess.
        if e.date.len() < 10 && unit < TimeUnit::Month {
            coarser += 1;
            continue;
        }
        let i = bins.partition_point(|b| b.last < e.day);
        if let Some(b) = bins.get_mut(i) {
            b.events += 1;
            articles[i].push(&e.article_id);
        }
    }
    for (b, mut ids) in bins.iter_mut().zip(articles) {
        ids.sort_unstable();
        ids.dedup();
        b.articles = ids.len();
    }
    let last = bins.last().map_or(hi, |b| b.last);
    Some(TimelineChart {
        first,
        last,
        unit,
        ticks: ticks(first, last, unit),
        bins,
        coarser,
    })
}

/// The window of `width` days holding the most events: (first day, last day,
/// how many), for a shortcut to where the coverage is dense. `None` when there
/// are no events. Dates known to the month only are left out: their day is a
/// guess.
pub fn busiest_window(events: &[TimelineEvent], width: i64) -> Option<(i64, i64, usize)> {
    let mut days: Vec<i64> = events
        .iter()
        .filter(|e| e.date.len() == 10)
        .map(|e| e.day)
        .collect();
    days.sort_unstable();
    let mut best: Option<(i64, i64, usize)> = None;
    let mut j = 0;
    for i in 0..days.len() {
        while days[i] - days[j] >= width {
            j += 1;
        }
        let n = i - j + 1;
        if best.is_none_or(|b| n > b.2) {
            best = Some((days[j], days[i], n));
        }
    }
    best
}

/// The axis labels from `first` to `last`: every year start; month starts unless
/// the bars are years; week starts when the bars are days.
fn ticks(first: i64, last: i64, unit: TimeUnit) -> Vec<AxisTick> {
    let finest = match unit {
        TimeUnit::Day => TimeUnit::Week,
        TimeUnit::Week | TimeUnit::Month => TimeUnit::Month,
        TimeUnit::Year => TimeUnit::Year,
    };
    let mut out = Vec::new();
    let mut day = finest.start(first);
    if day < first {
        day = finest.next(day);
    }
    while day <= last {
        let (_, m, d) = civil_from_days(day);
        let marks = if m == 1 && d == 1 {
            TimeUnit::Year
        } else if d == 1 {
            TimeUnit::Month
        } else {
            TimeUnit::Week
        };
        out.push(AxisTick {
            day,
            unit: marks.max(finest),
        });
        let next = finest.next(day);
        // A chart of days marks month starts as well as Mondays.
        if finest == TimeUnit::Week {
            let month = TimeUnit::Month.next(TimeUnit::Month.start(day));
            if month < next && month <= last {
                let (_, m, _) = civil_from_days(month);
                out.push(AxisTick {
                    day: month,
                    unit: if m == 1 {
                        TimeUnit::Year
                    } else {
                        TimeUnit::Month
                    },
                });
            }
        }
        day = next;
    }
    out
}

fn out_len_date(out: &[TimelineEvent], i: usize) -> usize {
    out[i].date.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline_needs_a_month_and_keeps_one_event_per_sentence() {
        let mut c = Corpus::default();
        let meta = crate::Meta {
            published: Some("2022-10-02".into()),
            ..crate::Meta::default()
        };
        c.add(crate::extract(
            "t.txt",
            "On October 1 and on September 30 the town fell. In 2014 it was seized.",
            &meta,
        ));
        let t = timeline(&c);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert!(t[0].date.starts_with("2022-"));
    }

    #[test]
    fn only_months_and_days_go_on_the_timeline() {
        assert_eq!(iso_day("2022-10"), Some(days_from_civil(2022, 10, 1)));
        assert_eq!(iso_day("2022-10-02"), Some(days_from_civil(2022, 10, 2)));
        assert_eq!(iso_day("2022-W35"), None);
        assert_eq!(iso_day("2022"), None);
        assert_eq!(iso_day("2022-10-0x"), None);
        assert_eq!(iso_day("2022-02-31"), None, "a day that does not exist");
        assert_eq!(iso_day("2022-13"), None);
    }

    fn event(date: &str, article: &str) -> TimelineEvent {
        TimelineEvent {
            date: date.into(),
            date_text: date.into(),
            day: iso_day(date).unwrap(),
            sentence: String::new(),
            article_id: article.into(),
            article_title: String::new(),
            start: 0,
        }
    }

    /// Guards the timeline at scale (issue #17): ten years of events were a
    /// dot each, tens of thousands of them; they are counted into bars of a
    /// unit the span needs, gaps kept.
    #[test]
    fn a_long_span_is_counted_by_month_and_a_short_one_by_day() {
        let mut events = vec![
            event("2015-03-04", "a"),
            event("2015-03-20", "b"),
            event("2015-03", "b"),
            event("2024-11-30", "a"),
        ];
        crate::sort::by(&mut events, |a, b| a.day.cmp(&b.day));
        let chart = timeline_chart(&events, None, None).unwrap();
        assert_eq!(chart.unit, TimeUnit::Month);
        assert_eq!(
            chart.bins.len(),
            10 + 8 * 12 + 11,
            "March 2015 to November 2024"
        );
        assert_eq!(
            chart.bins[0].events, 3,
            "the month-only date counts by month"
        );
        assert_eq!(chart.bins[0].articles, 2);
        assert_eq!(chart.bins.last().unwrap().events, 1);
        assert!(chart.bins[1..chart.bins.len() - 1]
            .iter()
            .all(|b| b.events == 0));
        assert_eq!(chart.coarser, 0);
        let years: Vec<_> = chart
            .ticks
            .iter()
            .filter(|t| t.unit == TimeUnit::Year)
            .map(|t| civil_from_days(t.day).0)
            .collect();
        assert_eq!(
            years,
            (2016..=2024).collect::<Vec<_>>(),
            "years on the axis"
        );

        // Zoomed into March 2015: days, and the month-only date set aside.
        let march = timeline_chart(
            &events,
            Some(days_from_civil(2015, 3, 1)),
            Some(days_from_civil(2015, 3, 31)),
        )
        .unwrap();
        assert_eq!(march.unit, TimeUnit::Day);
        assert_eq!(march.bins.len(), 31);
        assert_eq!(march.bins.iter().map(|b| b.events).sum::<usize>(), 2);
        assert_eq!(march.coarser, 1);
        assert!(
            march.ticks.iter().all(|t| t.unit == TimeUnit::Week),
            "Mondays only"
        );
        assert_eq!(
            timeline_chart(&events, Some(0), Some(10)),
            None,
            "nothing then"
        );
    }

    #[test]
    fn the_busiest_window_is_found() {
        let events: Vec<_> = [
            "2022-01-01",
            "2022-02-10",
            "2022-04-11",
            "2022-04-12",
            "2022-04-16",
            "2022-05-01",
            "2022-11-01",
            "2022-04",
        ]
        .iter()
        .map(|d| event(d, "a"))
        .collect();
        let at = |m, d| days_from_civil(2022, m, d);
        assert_eq!(busiest_window(&events, 31), Some((at(4, 11), at(5, 1), 4)));
        assert_eq!(busiest_window(&[], 31), None);
        assert_eq!(
            busiest_window(&events[..1], 31),
            Some((at(1, 1), at(1, 1), 1))
        );
    }

    #[test]
    fn units_start_and_follow_on_calendar_bounds() {
        let d = days_from_civil(2022, 12, 14); // a Wednesday
        assert_eq!(TimeUnit::Week.start(d), days_from_civil(2022, 12, 12));
        assert_eq!(
            TimeUnit::Month.next(TimeUnit::Month.start(d)),
            days_from_civil(2023, 1, 1)
        );
        assert_eq!(
            TimeUnit::Year.next(TimeUnit::Year.start(d)),
            days_from_civil(2023, 1, 1)
        );
        assert_eq!(TimeUnit::for_span(31), TimeUnit::Day);
        assert_eq!(TimeUnit::for_span(365), TimeUnit::Week);
        assert_eq!(TimeUnit::for_span(3650), TimeUnit::Month);
        assert_eq!(TimeUnit::for_span(40 * 365), TimeUnit::Year);
    }
}
