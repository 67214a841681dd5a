//! Date arithmetic on the proleptic Gregorian calendar: a date as a count of
//! days since 1970-01-01 and back, and the weekday of a day.
//!
//! It stands apart from `extract::dates` because more than extraction needs it:
//! the dates stage resolves "last week" and "on Sunday" against the publication
//! day, and the timeline places ISO dates on its axis. Both count days the
//! same way through these functions. It holds no words (month and weekday names
//! are in `extract::lexicon`) and reads no clock: callers pass the dates in.
//!
//! ```
//! use folio_core::calendar::{civil_from_days, days_from_civil, weekday};
//!
//! let day = days_from_civil(2022, 10, 2);
//! assert_eq!(civil_from_days(day), (2022, 10, 2));
//! assert_eq!(weekday(day), 6, "a Sunday");
//! ```

/// Days since 1970-01-01 of year `y`, month `m` (1–12), day `d` (Howard
/// Hinnant's `days_from_civil`). Years before 1970 give negative counts.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The (year, month, day) of a count of days since 1970-01-01: the inverse of
/// [`days_from_civil`].
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The first day of `YYYY-MM` or `YYYY-MM-DD`, as days since 1970-01-01; `None`
/// for a year alone, a week, a season or a date that does not exist. The
/// timeline places its events with it, and the app reads its date fields with it.
pub fn iso_day(v: &str) -> Option<i64> {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let shaped = match b.len() {
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    };
    if !shaped {
        return None;
    }
    let y: i64 = v[0..4].parse().ok()?;
    let m: u32 = v[5..7].parse().ok()?;
    let d: u32 = if b.len() == 10 {
        v[8..10].parse().ok()?
    } else {
        1
    };
    let day = days_from_civil(y, m, d);
    // Reject 2022-02-31 and month 13: the day must come back as written.
    (civil_from_days(day) == (y, m, d)).then_some(day)
}

/// A count of days since 1970-01-01 as an ISO date, `YYYY-MM-DD`.
pub fn iso(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The weekday of a count of days since 1970-01-01: 0 = Monday … 6 = Sunday.
pub fn weekday(days: i64) -> u32 {
    // 1970-01-01 was a Thursday.
    (days + 3).rem_euclid(7) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_arithmetic_round_trips() {
        for (y, m, d) in [(2022, 10, 2), (2000, 2, 29), (1999, 12, 31)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(weekday(days_from_civil(2022, 10, 2)), 6);
        assert_eq!(
            iso_day(&iso(days_from_civil(2022, 3, 9))),
            Some(days_from_civil(2022, 3, 9))
        );
    }

    #[test]
    fn iso_dates_count_from_the_epoch() {
        assert_eq!(iso_day("1970-01-01"), Some(0));
        assert_eq!(iso_day("2022-10-02"), Some(19267));
        assert_eq!(iso_day("2022-10"), iso_day("2022-10-01"));
        assert_eq!(
            iso_day("2024-03-01").unwrap() - iso_day("2024-02-28").unwrap(),
            2
        );
        assert_eq!(iso_day("2022-13-01"), None);
        assert_eq!(iso_day("2022"), None);
    }
}
