//! Small formatting helpers for what views show.

use folio_core::extract::lexicon::MONTHS;

/// The name of month `m` ("10" → "October"), from the core's month names
/// (folded, so its first letter is raised here).
fn month_name(m: &str) -> Option<String> {
    let name = m
        .parse::<usize>()
        .ok()
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)))?;
    let mut name = name.to_string();
    name[..1].make_ascii_uppercase();
    Some(name)
}

/// "2022-10-02" → "2 October 2022"; "2022-10" → "October 2022"; anything else as is.
pub fn human_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (month_name(m), d.parse::<u32>()) {
            (Some(m), Ok(d)) => format!("{d} {m} {y}"),
            _ => iso.to_string(),
        },
        [y, m] => month_name(m).map_or_else(|| iso.to_string(), |m| format!("{m} {y}")),
        _ => iso.to_string(),
    }
}

/// "2022-10-02" → "2 Oct"; "2022-10" → "Oct 2022": short labels for an axis.
pub fn short_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let mon = |m: &str| {
        month_name(m).map(|mut name| {
            name.truncate(3);
            name
        })
    };
    match parts.as_slice() {
        [_, m, d] => match (mon(m), d.parse::<u32>()) {
            (Some(m), Ok(d)) => format!("{d} {m}"),
            _ => iso.to_string(),
        },
        [y, m] => mon(m).map_or_else(|| iso.to_string(), |m| format!("{m} {y}")),
        _ => iso.to_string(),
    }
}

/// "1 article", "5 articles".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A normalised unit as a reader writes it: areas keep the core's ASCII
/// form ("km2", stable in JSON and the CLI) but show with a superscript.
pub fn unit_label(unit: &str) -> String {
    match unit.strip_suffix('2') {
        Some(base) if !base.is_empty() && base.bytes().all(|b| b.is_ascii_alphabetic()) => {
            format!("{base}²")
        }
        _ => unit.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_show_with_a_superscript_and_other_units_as_they_are() {
        assert_eq!(unit_label("km2"), "km²");
        assert_eq!(unit_label("mi2"), "mi²");
        assert_eq!(unit_label("troops"), "troops");
        assert_eq!(unit_label("2"), "2");
        assert_eq!(unit_label("G7-2"), "G7-2");
    }

    #[test]
    fn dates_read_like_a_newspaper() {
        assert_eq!(human_date("2022-10-02"), "2 October 2022");
        assert_eq!(human_date("2022-09"), "September 2022");
        assert_eq!(human_date("2022"), "2022");
        assert_eq!(human_date("2022-13-01"), "2022-13-01");
    }

    #[test]
    fn short_dates_for_axes() {
        assert_eq!(short_date("2022-10-02"), "2 Oct");
        assert_eq!(short_date("2022-09"), "Sep 2022");
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "article", "articles"), "1 article");
        assert_eq!(plural(0, "article", "articles"), "0 articles");
    }
}
