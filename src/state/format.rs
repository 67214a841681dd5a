//! Small formatting helpers for what views show.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2022-10-02" → "2 October 2022"; "2022-10" → "October 2022"; anything else as is.
pub fn human_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
            .copied()
    };
    match parts.as_slice() {
        [y, m, d] => match (month(m), d.parse::<u32>()) {
            (Some(m), Ok(d)) => format!("{d} {m} {y}"),
            _ => iso.to_string(),
        },
        [y, m] => month(m).map_or_else(|| iso.to_string(), |m| format!("{m} {y}")),
        _ => iso.to_string(),
    }
}

/// "1 article", "5 articles".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_like_a_newspaper() {
        assert_eq!(human_date("2022-10-02"), "2 October 2022");
        assert_eq!(human_date("2022-09"), "September 2022");
        assert_eq!(human_date("2022"), "2022");
        assert_eq!(human_date("2022-13-01"), "2022-13-01");
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "article", "articles"), "1 article");
        assert_eq!(plural(0, "article", "articles"), "0 articles");
    }
}
