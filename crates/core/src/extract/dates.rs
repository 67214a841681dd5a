//! Dates: "October 2", "2 October 2025", "September 30, 2022", "February 2022",
//! "2014", "early July", "on Sunday", "last week", "yesterday".
//!
//! Values are ISO: a day (`2022-10-02`), a month (`2022-10`), a year (`2022`) or an
//! ISO week (`2022-W39`). The year of a date written without one comes from the
//! article's publication date, or failing that from the year most full dates in the
//! article carry. Weekdays and relative expressions ("last week") need the
//! publication date: a weekday is the latest such day on or before it, as news
//! reports use them. Whatever cannot be resolved keeps `value: None`; the core
//! never reads the clock. Counting days is [`crate::calendar`]'s, the month and
//! weekday names are the lexicon's.

use std::collections::HashMap;

use super::lexicon::{MONTHS, MONTH_ABBREVIATIONS, TIME_OPENERS, WEEKDAYS};
use crate::calendar::{civil_from_days, days_from_civil, weekday};
use crate::model::DateMention;
use crate::text::Token;

/// Whether a capitalised "May" with no day or year beside it is the month:
/// after a word that introduces a time ("in May", "since May", "early May"),
/// unless possessive ("in May's cabinet" is Theresa May's). Otherwise it is
/// too often a name or the verb. One rule for dates and for entity recognition.
pub(crate) fn bare_may_is_month(prev: Option<&str>, possessive: bool) -> bool {
    !possessive && prev.is_some_and(|p| TIME_OPENERS.contains(&p))
}

fn month(k: &str) -> Option<u32> {
    // Not "mar", a common word in running text.
    (k != "mar").then(|| english_month(k))?
}

/// A month's number from its English name or abbreviation, folded ("sept",
/// "october"): the one lookup for the dates stage and the HTML stage's shown
/// dates.
pub(crate) fn english_month(k: &str) -> Option<u32> {
    if let Some(i) = MONTHS.iter().position(|m| *m == k) {
        return Some(i as u32 + 1);
    }
    MONTH_ABBREVIATIONS
        .iter()
        .find(|&&(a, _)| a == k)
        .map(|&(_, m)| m)
}

fn number(t: &Token) -> Option<u32> {
    if t.text.len() <= 4 && t.text.bytes().all(|b| b.is_ascii_digit()) {
        t.text.parse().ok()
    } else {
        None
    }
}

fn ordinal_day(t: &Token) -> Option<u32> {
    let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t.text[digits.len()..];
    if matches!(suffix, "" | "st" | "nd" | "rd" | "th") && !digits.is_empty() && digits.len() <= 2 {
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    } else {
        None
    }
}

fn is_year(n: u32) -> bool {
    (1800..=2100).contains(&n)
}

/// A date found before years are filled in.
struct Raw {
    start: usize,
    end: usize,
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    /// Weekday index (0 = Monday) or a relative expression.
    rel: Option<Rel>,
}

enum Rel {
    Weekday(u32),
    DaysAgo(i64),
    LastWeek,
    ThisWeek,
    LastMonth,
    ThisMonth,
    LastYear,
    ThisYear,
}

/// Finds the dates of `text`; `published` (`YYYY-MM-DD`) anchors years and
/// weekdays when known.
pub fn find(text: &str, published: Option<&str>) -> Vec<DateMention> {
    let (toks, folded) = super::tokenize_fold(text);
    let keys = folded.keys();
    find_in(text, &toks, &keys, published)
}

/// [`find`] on tokens and folded keys the caller already has.
pub fn find_in(
    text: &str,
    toks: &[Token],
    keys: &[&str],
    published: Option<&str>,
) -> Vec<DateMention> {
    let adjacent = |a: usize, b: usize, max_gap: usize| {
        b < toks.len() && toks[b].start - toks[a].end <= max_gap
    };
    let mut raws: Vec<Raw> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let k = keys[i];
        let cap = toks[i].text.starts_with(char::is_uppercase);
        // Month-based dates.
        // (Capitalisation first: it rules out most words without a look-up.)
        if let Some(m) = cap.then(|| month(k)).flatten() {
            // "May" alone is too often a name or a verb: only with a number.
            let mut start = toks[i].start;
            let mut end = toks[i].end;
            if !MONTHS.contains(&k) && text[end..].starts_with('.') {
                end += 1;
            }
            let mut day = None;
            let mut year = None;
            let mut j = i + 1;
            if j < toks.len() && adjacent(i, j, 2) {
                if let Some(d) = ordinal_day(&toks[j]) {
                    day = Some(d);
                    end = toks[j].end;
                    j += 1;
                } else if let Some(y) = number(&toks[j]).filter(|&y| is_year(y)) {
                    year = Some(y as i32);
                    end = toks[j].end;
                    j += 1;
                }
            }
            if day.is_some() && j < toks.len() && adjacent(j - 1, j, 2) {
                if let Some(y) = number(&toks[j]).filter(|&y| is_year(y)) {
                    year = Some(y as i32);
                    end = toks[j].end;
                    j += 1;
                }
            }
            // "2 October": a day before the month.
            if day.is_none() && i > 0 && adjacent(i - 1, i, 1) {
                if let Some(d) = ordinal_day(&toks[i - 1]) {
                    day = Some(d);
                    start = toks[i - 1].start;
                }
            }
            // "early July", "mid-September", "late August".
            if day.is_none()
                && i > 0
                && toks[i].start - toks[i - 1].end <= 1
                && matches!(keys[i - 1], "early" | "mid" | "late")
            {
                start = toks[i - 1].start;
            }
            let word = toks[i].text;
            let rest = &text[end..];
            let possessive = word.ends_with("'s")
                || word.ends_with("’s")
                || rest.starts_with("'s")
                || rest.starts_with("’s");
            if k == "may"
                && day.is_none()
                && year.is_none()
                && !bare_may_is_month(i.checked_sub(1).map(|p| keys[p]), possessive)
            {
                i += 1;
                continue;
            }
            raws.push(Raw {
                start,
                end,
                year,
                month: Some(m),
                day,
                rel: None,
            });
            i = j.max(i + 1);
            continue;
        }
        if let Some(wd) = cap.then(|| WEEKDAYS.iter().position(|w| *w == k)).flatten() {
            raws.push(Raw {
                start: toks[i].start,
                end: toks[i].end,
                year: None,
                month: None,
                day: None,
                rel: Some(Rel::Weekday(wd as u32)),
            });
            i += 1;
            continue;
        }
        let next = keys.get(i + 1).copied().unwrap_or("");
        let rel = match (k, next) {
            ("yesterday", _) => Some((Rel::DaysAgo(1), 1)),
            ("today", _) => Some((Rel::DaysAgo(0), 1)),
            ("last", "week") => Some((Rel::LastWeek, 2)),
            ("this", "week") => Some((Rel::ThisWeek, 2)),
            ("last", "month") => Some((Rel::LastMonth, 2)),
            ("this", "month") => Some((Rel::ThisMonth, 2)),
            ("last", "year") => Some((Rel::LastYear, 2)),
            ("this", "year") => Some((Rel::ThisYear, 2)),
            _ => None,
        };
        if let Some((rel, n)) = rel {
            raws.push(Raw {
                start: toks[i].start,
                end: toks[i + n - 1].end,
                year: None,
                month: None,
                day: None,
                rel: Some(rel),
            });
            i += n;
            continue;
        }
        // A year on its own: four digits in range, not a count of something.
        if let Some(y) = number(&toks[i]).filter(|&y| is_year(y) && toks[i].text.len() == 4) {
            let counted = keys.get(i + 1).is_some_and(|n| {
                n.ends_with('s')
                    && toks[i + 1].text.starts_with(char::is_lowercase)
                    && !matches!(*n, "as" | "was" | "has" | "is" | "this")
            });
            if !counted {
                raws.push(Raw {
                    start: toks[i].start,
                    end: toks[i].end,
                    year: Some(y as i32),
                    month: None,
                    day: None,
                    rel: None,
                });
            }
        }
        i += 1;
    }
    let anchor = published.and_then(parse_iso);
    // The year for dates without one: the publication year, else the most common
    // year among full dates in the article.
    let default_year = anchor.map(|(y, _, _)| y).or_else(|| {
        let mut counts: HashMap<i32, usize> = HashMap::new();
        for r in raws.iter().filter(|r| r.month.is_some()) {
            if let Some(y) = r.year {
                *counts.entry(y).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(y, c)| (c, y))
            .map(|(y, _)| y)
    });
    raws.into_iter()
        .map(|r| {
            let value = match (&r.rel, r.month) {
                (Some(rel), _) => anchor.map(|a| relative(a, rel)),
                (None, Some(m)) => r.year.or(default_year).map(|y| match r.day {
                    Some(d) => format!("{y:04}-{m:02}-{d:02}"),
                    None => format!("{y:04}-{m:02}"),
                }),
                (None, None) => r.year.map(|y| format!("{y:04}")),
            };
            DateMention {
                text: text[r.start..r.end].to_string(),
                value,
                start: r.start,
                end: r.end,
            }
        })
        .collect()
}

fn relative((y, m, d): (i32, u32, u32), rel: &Rel) -> String {
    let today = days_from_civil(y.into(), m, d);
    match *rel {
        Rel::Weekday(wd) => {
            let today_wd = weekday(today);
            let back = (today_wd as i64 - wd as i64).rem_euclid(7);
            iso_day(today - back)
        }
        Rel::DaysAgo(n) => iso_day(today - n),
        Rel::LastWeek => iso_week(today - 7),
        Rel::ThisWeek => iso_week(today),
        Rel::LastMonth => {
            let (py, pm) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
            format!("{py:04}-{pm:02}")
        }
        Rel::ThisMonth => format!("{y:04}-{m:02}"),
        Rel::LastYear => format!("{:04}", y - 1),
        Rel::ThisYear => format!("{y:04}"),
    }
}

fn parse_iso(s: &str) -> Option<(i32, u32, u32)> {
    let mut p = s.trim().splitn(3, '-');
    let y = p.next()?.parse().ok()?;
    let m = p.next()?.parse().ok().filter(|m| (1..=12).contains(m))?;
    let d = p
        .next()?
        .get(..2)?
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    Some((y, m, d))
}

fn iso_day(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn iso_week(days: i64) -> String {
    // The ISO week's year is the year of its Thursday.
    let thursday = days - weekday(days) as i64 + 3;
    let (y, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
    format!("{y:04}-W{week:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
        find(text, published)
            .into_iter()
            .map(|d| (d.text, d.value))
            .collect()
    }

    /// Guards "in May": the month, not a place or a person; while "May" the
    /// name or the verb stays no date.
    #[test]
    fn may_after_a_time_word_is_the_month_and_otherwise_not() {
        assert_eq!(
            dates("The dam burst in May, officials said.", Some("2024-06-02")),
            [("May".to_string(), Some("2024-05".to_string()))]
        );
        assert!(dates("May said the plan would pass.", None).is_empty());
        assert!(dates("Ministers in May's cabinet resigned.", None).is_empty());
        let a = crate::extract::extract(
            "a.txt",
            "The dam burst in May, officials said. Theresa May said the plan would pass.",
            &Default::default(),
        );
        let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Theresa May"], "{names:?}");
    }

    #[test]
    fn month_day_forms_take_the_publication_year() {
        let d = dates(
            "It fell on October 2 and on 2 October 2025.",
            Some("2022-10-03"),
        );
        assert_eq!(
            d,
            vec![
                ("October 2".into(), Some("2022-10-02".into())),
                ("2 October 2025".into(), Some("2025-10-02".into()))
            ]
        );
    }

    #[test]
    fn without_publication_date_the_year_comes_from_full_dates() {
        let d = dates(
            "On September 30, 2022 it began. By October 2 it was over.",
            None,
        );
        assert_eq!(d[1].1.as_deref(), Some("2022-10-02"));
        let d = dates("By October 2 it was over.", None);
        assert_eq!(d[0].1, None);
    }

    #[test]
    fn weekdays_and_relative_dates_resolve_against_the_article_date() {
        // 2022-10-03 was a Monday.
        let d = dates(
            "On Sunday and last week, and yesterday.",
            Some("2022-10-03"),
        );
        assert_eq!(d[0].1.as_deref(), Some("2022-10-02"));
        assert_eq!(d[1].1.as_deref(), Some("2022-W39"));
        assert_eq!(d[2].1.as_deref(), Some("2022-10-02"));
        assert_eq!(dates("On Sunday.", None)[0].1, None);
        // Guards "this month", which was no date (a claim's period, issue #18).
        let d = dates(
            "Troops retook 3,000 square kilometres this month.",
            Some("2022-09-11"),
        );
        assert_eq!(d, vec![("this month".into(), Some("2022-09".into()))]);
    }

    #[test]
    fn years_months_and_parts_of_months() {
        let d = dates(
            "Seized in 2014, occupied in February and in early July.",
            Some("2022-09-11"),
        );
        assert_eq!(d[0], ("2014".into(), Some("2014".into())));
        assert_eq!(d[1], ("February".into(), Some("2022-02".into())));
        assert_eq!(d[2], ("early July".into(), Some("2022-07".into())));
    }

    #[test]
    fn may_as_a_verb_and_counts_are_not_dates() {
        assert!(dates("Troops may leave; 2000 soldiers stayed.", None).is_empty());
    }
}
