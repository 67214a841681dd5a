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

/// Month names and abbreviations of the languages saved pages come in besides
/// English (German, French, Spanish, Italian, Portuguese, Dutch, Polish), folded,
/// with their month: a page shows its date in its own language ("19. April
/// 2019", "19 avril 2019"), and the HTML stage reads that date when the page's
/// metadata states none. English names are [`MONTHS`] and
/// [`MONTH_ABBREVIATIONS`].
#[cfg(feature = "html")]
pub(crate) const MONTHS_OTHER_LANGUAGES: &[(&str, u32)] = &[
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("stycznia", 1),
    ("styczeń", 1),
    ("februar", 2),
    ("feber", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("februari", 2),
    ("lutego", 2),
    ("luty", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("maart", 3),
    ("marca", 3),
    ("marzec", 3),
    ("april", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("kwietnia", 4),
    ("kwiecień", 4),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("maio", 5),
    ("mei", 5),
    ("maja", 5),
    ("maj", 5),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("junho", 6),
    ("czerwca", 6),
    ("czerwiec", 6),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("luglio", 7),
    ("julho", 7),
    ("lipca", 7),
    ("lipiec", 7),
    ("august", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("sierpnia", 8),
    ("sierpień", 8),
    ("september", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("setembro", 9),
    ("września", 9),
    ("wrzesień", 9),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("outubro", 10),
    ("października", 10),
    ("październik", 10),
    ("november", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("listopada", 11),
    ("listopad", 11),
    ("dezember", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
    ("dezembro", 12),
    ("december", 12),
    ("grudnia", 12),
    ("grudzień", 12),
    ("okt", 10),
    ("dez", 12),
    ("mär", 3),
    ("janv", 1),
    ("févr", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    ("ene", 1),
    ("dic", 12),
];
