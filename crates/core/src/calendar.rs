//! Date arithmetic on the proleptic Gregorian calendar: a date as a count of
//! days since 1970-01-01 and back, and the weekday of a day.
//!
//! It stands apart from `extract::dates` because more than extraction needs it:
//! the dates stage resolves "last week" and "on Sunday" against the publication
//! day, and the app places ISO dates on its timeline axis. Both count days the
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
    }
}
