//! The publication date: the first date meta tag the page has, then the JSON-LD
//! `datePublished`, then the page's first `<time datetime>`, as `YYYY-MM-DD`.
//! A source whose value is not an ISO date gives way to the next.

use super::json_ld::LdInfo;
use super::metadata::Stated;

/// The publication date, from the first source that states one as a date.
pub(super) fn find(page: &Stated, ld: &LdInfo) -> Option<String> {
    page.meta_value(&[
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
    .or_else(|| page.time().and_then(iso_date))
}

/// `YYYY-MM-DD` from the start of a date or date-time string (`2019-11-19`,
/// `2019-11-19T10:00:00Z`, `2019/11/19`).
fn iso_date(s: &str) -> Option<String> {
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
}
