//! Words of quantities: hedges before a number, units and currencies after it,
//! scales ("million"), numbers and ordinals written as words, and the plural
//! nouns a number counts.

/// Words before a number that make it approximate; they join the quantity's text.
pub(crate) const HEDGES: &[&[&str]] = &[
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["up", "to"],
    &["about"],
    &["around"],
    &["nearly"],
    &["almost"],
    &["roughly"],
    &["approximately"],
    &["over"],
    &["some"],
];

/// Unit words (folded; one or two words) and their normalised unit.
pub(crate) const UNITS: &[(&str, &str)] = &[
    ("square kilometers", "km2"),
    ("square kilometres", "km2"),
    ("square km", "km2"),
    ("sq km", "km2"),
    ("km2", "km2"),
    ("square miles", "mi2"),
    ("square mile", "mi2"),
    ("sq miles", "mi2"),
    ("sq mi", "mi2"),
    ("kilometers", "km"),
    ("kilometres", "km"),
    ("kilometer", "km"),
    ("kilometre", "km"),
    ("km", "km"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("meters", "m"),
    ("metres", "m"),
    ("meter", "m"),
    ("metre", "m"),
    ("m", "m"),
    ("centimeters", "cm"),
    ("centimetres", "cm"),
    ("cm", "cm"),
    ("millimeters", "mm"),
    ("millimetres", "mm"),
    ("mm", "mm"),
    ("inches", "in"),
    ("feet", "ft"),
    ("ft", "ft"),
    ("kilograms", "kg"),
    ("kg", "kg"),
    ("tonnes", "t"),
    ("tons", "t"),
    ("percent", "percent"),
    ("per cent", "percent"),
    ("pc", "percent"),
    ("degrees", "degrees"),
    ("mph", "mph"),
    ("kmh", "km/h"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("dollars", "USD"),
    ("pounds", "GBP"),
    ("hectares", "ha"),
    ("ha", "ha"),
];

/// Currency signs before a number ("€1.8 billion"), with the currency's ISO 4217 code.
pub(crate) const CURRENCY_SIGNS: &[(char, &str)] =
    &[('€', "EUR"), ('$', "USD"), ('£', "GBP"), ('¥', "JPY")];

/// Scales that multiply a number: a word after it ("1.8 billion") or, short,
/// glued to it ("5bn", "50k").
pub(crate) const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("bn", 1e9),
    ("tn", 1e12),
];

/// Numbers written as words, with their value ("five" troops, "thousands" of
/// people).
pub(crate) const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("dozens", 12.0),
    ("hundreds", 100.0),
    ("thousands", 1000.0),
    ("millions", 1e6),
];

/// Ordinals written as words, "first" to "twentieth" ("Fourth Air Force": an
/// ordinal opening an organisation is its number).
pub(crate) const ORDINAL_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// Units and suffixes glued to a number in capitals ("10PM", "5KG", "4GB",
/// "21ST"): a number with a unit, not a name written with a digit ("3M", "7UP").
/// As written, not folded.
pub(crate) const GLUED_UNITS: &[&str] = &[
    "AM", "PM", "KM", "KG", "MB", "GB", "TB", "KB", "MW", "KW", "GW", "HP", "BC", "AD", "CE",
    "BCE", "MM", "CM", "GHZ", "MHZ", "TH", "ST", "ND", "RD", "WD", "MPH", "KPH",
];

/// Plural nouns a number counts that do not end in "s" ("5,000 people").
pub(crate) const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "personnel",
    "staff",
    "sheep",
    "aircraft",
];

/// Words in "s" after a number that are not plural nouns ("2000 was", "10 plus").
pub(crate) const NOT_PLURALS: &[&str] = &[
    "is", "was", "has", "as", "this", "its", "his", "us", "yes", "less", "across", "plus", "thus",
];

/// Units of one dimension, folded into one measure so that figures in
/// either compare (`explore::claims`): (unit, measure, factor to the
/// measure's unit). Nouns are not folded ("soldiers" into "troops"): two
/// soldiers in a video are not the troops of a garrison.
pub(crate) const MEASURE_SYNONYMS: &[(&str, &str, f64)] = &[
    ("mi2", "km2", 2.589_988_110_336),
    ("mi", "km", 1.609_344),
    ("ft", "m", 0.3048),
];
