//! Words of the calendar: month and weekday names and their abbreviations, and
//! the words that introduce a time. The dates stage reads them as dates; the
//! recogniser takes none of them for a name (but "May", by context); the
//! quantity stage leaves a number beside a month to the dates; the app writes
//! its dates with these month names.

/// Month names, folded, January first: the month of index `i` is `i + 1`.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Abbreviated month names (folded) with their month; "May" has none. The dates
/// stage does not read "mar", a common word; the recogniser takes none of them
/// for a name.
pub(crate) const MONTH_ABBREVIATIONS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Weekday names, folded, Monday first (index 0 = Monday, as
/// [`crate::calendar::weekday`] counts).
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Abbreviated weekday names, folded.
pub(crate) const WEEKDAY_ABBREVIATIONS: &[&str] =
    &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Words that introduce a time ("in May", "since May", "early May"): after one,
/// a bare capitalised "May" is the month.
pub(crate) const TIME_OPENERS: &[&str] = &[
    "in",
    "during",
    "early",
    "mid",
    "late",
    "last",
    "next",
    "this",
    "since",
    "until",
    "till",
    "through",
    "throughout",
];
