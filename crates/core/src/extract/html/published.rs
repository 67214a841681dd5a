//! The publication date: the first date meta tag the page has, then the JSON-LD
//! `datePublished`, then the page's first `<time datetime>`, as `YYYY-MM-DD`.
//! A source whose value is not an ISO date gives way to the next. Pages that
//! state no date in their markup still show one under the headline ("19. April
//! 2019", "April 19, 2019", "19.04.2019"), read in the page's language through
//! the lexicon's month names; failing that, an address with `/2019/04/19/` in
//! it dates the article.

use super::json_ld::LdInfo;
use super::metadata::Stated;

/// The publication date, from the first source that states one as a date.
pub(super) fn find(page: &Stated, ld: &LdInfo) -> Option<String> {
    let stated = page
        .meta_value(&[
            "article:published_time",
            "datepublished",
            "og:published_time",
            "publishdate",
            "pubdate",
            "date",
            "dc.date",
            "sailthru.date",
            "parsely-pub-date",
        ])
        .and_then(|d| iso_date(&d))
        .or_else(|| ld.published.as_deref().and_then(iso_date))
        .or_else(|| ld.page_published.as_deref().and_then(iso_date))
        .or_else(|| page.time().and_then(iso_date));
    match (stated, page.shown_date.clone()) {
        // A time stated in another zone (often UTC) can fall on the day
        // before or after the one the page shows its readers: the shown
        // day is the article's.
        (Some(s), Some(shown)) if one_day_apart(&s, &shown) => Some(shown),
        (Some(s), _) => Some(s),
        // Last, the date it was changed: a page that states only that was
        // most often written then, and a timeline needs a day.
        (None, shown) => shown
            .or_else(|| page.marked_date.clone())
            .or_else(|| page.url_candidates().find_map(url_date))
            .or_else(|| {
                page.meta_value(&["article:modified_time", "og:updated_time", "datemodified"])
                    .or_else(|| ld.modified.clone())
                    .and_then(|d| iso_date(&d))
            }),
    }
}

/// Whether two `YYYY-MM-DD` dates are consecutive days.
fn one_day_apart(a: &str, b: &str) -> bool {
    let days = |s: &str| -> Option<i64> {
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        Some(crate::calendar::days_from_civil(y, m, d))
    };
    matches!((days(a), days(b)), (Some(x), Some(y)) if (x - y).abs() == 1)
}

/// A month's number from its name or abbreviation, folded, in any language
/// the lexicon knows.
fn month_of(word: &str) -> Option<u32> {
    use crate::extract::lexicon::MONTHS_OTHER_LANGUAGES;
    crate::extract::dates::english_month(word).or_else(|| {
        MONTHS_OTHER_LANGUAGES
            .iter()
            .find(|(m, _)| *m == word)
            .map(|&(_, n)| n)
    })
}

/// Words joining a day, a month and a year ("19 de abril de 2019", "the 19th
/// of April"); skipped between the parts.
const DATE_JOINERS: &[&str] = &["de", "del", "of", "th", "st", "nd", "rd", "er"];

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    ((1990..=2039).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The first calendar date a line of visible text shows: `19.04.2019`,
/// `2019-04-19`, `19. April 2019`, `19 avril 2019`, `April 19, 2019`.
pub(super) fn shown_date(text: &str) -> Option<String> {
    // Tokens: runs of letters or of digits, with the one character after each.
    let lower = text.to_lowercase();
    let mut toks: Vec<(&str, char)> = Vec::new();
    let mut start = None;
    let chars: Vec<(usize, char)> = lower.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let class = |c: char| {
            if c.is_ascii_digit() {
                1
            } else if c.is_alphabetic() {
                2
            } else {
                0
            }
        };
        let next = chars.get(k + 1).map(|&(_, c)| c);
        if class(c) != 0 && start.is_none() {
            start = Some(i);
        }
        if let Some(s) = start {
            if next.is_none_or(|n| class(n) != class(c)) {
                let end = i + c.len_utf8();
                toks.push((&lower[s..end], next.unwrap_or(' ')));
                start = None;
            }
        }
    }
    let num = |t: &str| -> Option<u32> {
        (t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok())?
    };
    let skip = |mut i: usize| {
        while toks.get(i).is_some_and(|t| DATE_JOINERS.contains(&t.0)) {
            i += 1;
        }
        i
    };
    for i in 0..toks.len() {
        let (t, after) = toks[i];
        let Some(n) = num(t) else {
            // April 19, 2019
            if let Some(m) = month_of(t) {
                let j = skip(i + 1);
                if let (Some(d), Some(y)) = (
                    toks.get(j)
                        .and_then(|t| num(t.0))
                        .filter(|_| toks[j].0.len() <= 2),
                    toks.get(skip(j + 1))
                        .and_then(|t| num(t.0))
                        .filter(|_| toks[skip(j + 1)].0.len() == 4),
                ) {
                    if let Some(date) = ymd(y, m, d) {
                        return Some(date);
                    }
                }
            }
            continue;
        };
        if t.len() == 4 && after == '-' {
            // 2019-04-19
            if let (Some(m), Some(d)) = (toks.get(i + 1), toks.get(i + 2)) {
                if m.1 == '-' && m.0.len() == 2 && d.0.len() == 2 {
                    if let Some(date) = ymd(n, num(m.0)?, num(d.0)?) {
                        return Some(date);
                    }
                }
            }
        }
        if t.len() <= 2 {
            // 19.04.2019
            if after == '.' {
                if let (Some(m), Some(y)) = (toks.get(i + 1), toks.get(i + 2)) {
                    if m.1 == '.' && m.0.len() <= 2 && y.0.len() == 4 && !y.1.is_alphanumeric() {
                        if let (Some(mn), Some(yn)) = (num(m.0), num(y.0)) {
                            if let Some(date) = ymd(yn, mn, n) {
                                return Some(date);
                            }
                        }
                    }
                }
            }
            // 19. April 2019, 19 de abril de 2019
            let j = skip(i + 1);
            if let Some(m) = toks.get(j).and_then(|t| month_of(t.0)) {
                let k = skip(j + 1);
                if let Some(y) = toks
                    .get(k)
                    .filter(|t| t.0.len() == 4)
                    .and_then(|t| num(t.0))
                {
                    if let Some(date) = ymd(y, m, n) {
                        return Some(date);
                    }
                }
            }
        }
    }
    None
}

/// The day an article's address names: `/2019/04/19/` (or `/2019-04-19`).
fn url_date(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let parts: Vec<&str> = path.split('/').collect();
    parts.windows(3).find_map(|w| {
        let all = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let day = w[2]
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap_or("");
        (all(w[0], 4) && (all(w[1], 2) || all(w[1], 1)) && (all(day, 2) || all(day, 1)))
            .then(|| ymd(w[0].parse().ok()?, w[1].parse().ok()?, day.parse().ok()?))?
    })
}

/// `YYYY-MM-DD` from the start of a date or date-time string (`2019-11-19`,
/// `2019-11-19T10:00:00Z`, `2019/11/19`).
/// The date an element marked as the article's date states: in its
/// `datetime`, `content` or (hAtom) `title` attribute, else none here (its
/// text is read by [`shown_date`] once the element closes).
pub(super) fn marked_attr_date(el: &scraper::node::Element) -> Option<String> {
    ["datetime", "content", "title"]
        .into_iter()
        .filter_map(|a| el.attr(a))
        .find_map(iso_date)
}

pub(super) fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return None;
    }
    if !matches!(b[4], b'-' | b'/') || b[7] != b[4] {
        return None;
    }
    let month: u32 = s[5..7].parse().ok()?;
    let day: u32 = s[8..10].parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(format!("{}-{}-{}", &s[0..4], &s[5..7], &s[8..10]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_normalised() {
        assert_eq!(
            iso_date("2019-11-19T10:00:00Z").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(iso_date("2019/11/19").as_deref(), Some("2019-11-19"));
        assert_eq!(iso_date("2019-13-19"), None);
        assert_eq!(iso_date("Nov 19, 2019"), None);
    }

    #[test]
    fn dates_shown_in_the_text_in_several_languages() {
        let d = |s: &str| shown_date(s);
        assert_eq!(
            d("Published April 19, 2019 at 10:00").as_deref(),
            Some("2019-04-19")
        );
        assert_eq!(
            d("Aktualisiert am 19.04.2019, 12:30").as_deref(),
            Some("2019-04-19")
        );
        assert_eq!(
            d("Von Anna Muster | 19. April 2019").as_deref(),
            Some("2019-04-19")
        );
        assert_eq!(d("le 3 mars 2021").as_deref(), Some("2021-03-03"));
        assert_eq!(d("19 de abril de 2019").as_deref(), Some("2019-04-19"));
        assert_eq!(d("posted 2019-04-19").as_deref(), Some("2019-04-19"));
        assert_eq!(d("12 März 2020").as_deref(), Some("2020-03-12"));
        // Not dates: a version number, a score, a lone year.
        assert_eq!(d("Version 1.2.2019b"), None);
        assert_eq!(d("won 3-1 in 2019"), None);
        assert_eq!(d("call 12.34.5678"), None);
    }

    #[test]
    fn consecutive_days_are_a_zone_apart() {
        assert!(one_day_apart("2019-10-18", "2019-10-19"));
        assert!(one_day_apart("2019-12-31", "2020-01-01"));
        assert!(!one_day_apart("2019-10-18", "2019-10-20"));
    }

    #[test]
    fn dates_in_an_address() {
        assert_eq!(
            url_date("https://example.org/2019/04/19/ferry-sinks").as_deref(),
            Some("2019-04-19")
        );
        assert_eq!(url_date("https://example.org/2019/04/ferry"), None);
        assert_eq!(
            url_date("https://example.org/a/2014/5/18/b").as_deref(),
            Some("2014-05-18")
        );
    }
}
