//! The publication date: the first date meta tag the page has, then the JSON-LD
//! `datePublished`, then the page's first `<time datetime>`, as `YYYY-MM-DD`.
//! A source whose value is not an ISO date gives way to the next; before them
//! all, an address with `/2019/04/19/` in it dates the article. Pages that
//! state no date in their markup still show one under the headline ("19. April
//! 2019", "April 19, 2019", "19.04.2019"), read in the page's language through
//! the lexicon's month names.

use super::json_ld::LdInfo;
use super::metadata::Stated;

/// Meta tags (`name`, `property` or `itemprop`, folded) that state when the
/// page was published, most specific first. The names follow htmldate's
/// table (Adrien Barbaresi, Apache-2.0), the date reader trafilatura uses:
/// content systems name this one field in dozens of ways.
const PUBLISHED_METAS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "og:article:published_time",
    "article.published",
    "publishdate",
    "publish_date",
    "publish-date",
    "published-date",
    "publication_date",
    "pubdate",
    "og:pubdate",
    "og:publish_date",
    "og:datepublished",
    "rnews:datepublished",
    "date_published",
    "citation_publication_date",
    "citation_date",
    "date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.publication",
    "dc.date",
    "dc:date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "dc.created",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "shareaholic:article_published_time",
    "mediator_published_time",
    "vr:published_time",
    "bt:pubdate",
    "twt-published-at",
    "article_date_original",
    "originalpublicationdate",
    "displaydate",
    "dateposted",
    "release_date",
];

/// The publication date, from the first source that states one as a date.
pub(super) fn find(page: &Stated, ld: &LdInfo) -> Option<String> {
    let raw = PUBLISHED_METAS
        .iter()
        .filter_map(|k| page.meta_named(k))
        .chain(ld.published.as_deref())
        .chain(ld.page_published.as_deref())
        .chain(page.time())
        .find(|d| iso_date(d).is_some());
    // An address that names the day (`/2019/04/19/`) was made when the
    // article was first published, and it outlives the republishing and
    // edits that restamp the metadata: it comes first (as in htmldate).
    if let Some(day) = page.url_candidates().find_map(url_date) {
        return Some(day);
    }
    let stated = raw.and_then(iso_date);
    match (stated, page.shown_date.clone()) {
        // A time stated in UTC (or in no zone) can fall on the day before or
        // after the one the page shows its readers: the shown day is the
        // article's. A time stated with its own offset is already the
        // publisher's day.
        (Some(s), Some(shown))
            if one_day_apart(&s, &shown) && !raw.is_some_and(has_local_offset) =>
        {
            Some(shown)
        }
        (Some(s), _) => Some(s),
        // Last, the date it was changed: a page that states only that was
        // most often written then, and a timeline needs a day.
        (None, shown) => shown.or_else(|| page.marked_date.clone()).or_else(|| {
            page.meta_value(&["article:modified_time", "og:updated_time", "datemodified"])
                .or_else(|| ld.modified.clone())
                .and_then(|d| iso_date(&d))
        }),
    }
}

/// Whether an ISO date-time ends in a zone offset other than UTC's
/// (`2022-05-03T22:46:08-03:00`, `…+0200`).
fn has_local_offset(raw: &str) -> bool {
    let Some(time) = raw.trim().get(10..).filter(|t| t.starts_with(['T', ' '])) else {
        return false;
    };
    let Some(at) = time.rfind(['+', '-']) else {
        return false;
    };
    let zone: String = time[at + 1..]
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    zone.len() == 4 && zone != "0000"
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
            // 17/02/2022, and 02/17/2022: only where one part cannot be
            // a month, as a page's language is not known here.
            if after == '/' {
                if let (Some(m), Some(y)) = (toks.get(i + 1), toks.get(i + 2)) {
                    if m.1 == '/' && m.0.len() <= 2 && y.0.len() == 4 && !y.1.is_alphanumeric() {
                        if let (Some(b), Some(yn)) = (num(m.0), num(y.0)) {
                            let (mn, dn) = match (n > 12, b > 12) {
                                (true, false) => (b, n),
                                (false, true) => (n, b),
                                _ if n == b => (n, n),
                                _ => (0, 0),
                            };
                            if let Some(date) = ymd(yn, mn, dn) {
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

/// The day an article's address names: `/2019/04/19/`, or one segment that
/// opens with the day (`/2019-04-19-slug`, `/19-04-2019-slug`) or is it
/// (`/20190419/`).
fn url_date(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let parts: Vec<&str> = path.split('/').collect();
    let all = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let num = |s: &str| s.parse::<u32>().ok();
    parts
        .windows(3)
        .find_map(|w| {
            let day = w[2]
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap_or("");
            (all(w[0], 4) && (all(w[1], 2) || all(w[1], 1)) && (all(day, 2) || all(day, 1)))
                .then(|| ymd(num(w[0])?, num(w[1])?, num(day)?))?
        })
        .or_else(|| {
            parts.iter().skip(1).find_map(|seg| {
                if all(seg, 8) {
                    return ymd(num(&seg[..4])?, num(&seg[4..6])?, num(&seg[6..])?);
                }
                let head: Vec<&str> = seg.splitn(4, '-').take(3).collect();
                let rest_ok = seg
                    .as_bytes()
                    .get(head.iter().map(|h| h.len() + 1).sum::<usize>() - 1)
                    .is_none_or(|b| !b.is_ascii_digit());
                match head.as_slice() {
                    [y, m, d] if rest_ok && all(y, 4) && all(m, 2) && all(d, 2) => {
                        ymd(num(y)?, num(m)?, num(d)?)
                    }
                    [d, m, y] if rest_ok && all(d, 2) && all(m, 2) && all(y, 4) => {
                        ymd(num(y)?, num(m)?, num(d)?)
                    }
                    _ => None,
                }
            })
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
        assert_eq!(d("15 августа 2016, 13:43").as_deref(), Some("2016-08-15"));
        assert_eq!(d("3 жовтня 2022").as_deref(), Some("2022-10-03"));
        assert_eq!(d("Familie 17/02/2022").as_deref(), Some("2022-02-17"));
        assert_eq!(d("posted 02/17/2022").as_deref(), Some("2022-02-17"));
        // Day and month cannot be told apart without the page's language.
        assert_eq!(d("on 03/04/2022"), None);
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
        assert_eq!(
            url_date("https://example.org/2019-03-29-leader-spotlight").as_deref(),
            Some("2019-03-29")
        );
        assert_eq!(
            url_date("https://example.org/news/23-01-2022-a-win/17-378.html").as_deref(),
            Some("2022-01-23")
        );
        assert_eq!(
            url_date("https://example.org/hacklab/20190110/python").as_deref(),
            Some("2019-01-10")
        );
        // An id, a year range or a number run on is not a day.
        assert_eq!(url_date("https://example.org/news/27025667"), None);
        assert_eq!(url_date("https://example.org/2019-03-290/x"), None);
        assert_eq!(url_date("https://example.org/12345678"), None);
    }

    /// Guards the zone rule: an offset of the publisher's own zone keeps the
    /// stated day, UTC or no zone lets the shown day win.
    #[test]
    fn a_stated_time_with_a_local_offset_is_the_publishers_day() {
        assert!(has_local_offset("2022-05-03T22:46:08-03:00"));
        assert!(has_local_offset("2019-06-17T18:28:00+0200"));
        assert!(!has_local_offset("2022-05-04T00:44:52.000Z"));
        assert!(!has_local_offset("2020-10-12T12:29:10+00:00"));
        assert!(!has_local_offset("2022-05-11"));
        assert!(!has_local_offset("2022-05-10T23:35:55"));
    }
}
