//! Numbers as Folio prints them: grouped by thousands ([`format_number`]), to
//! a fixed number of decimals ([`format_fixed`]) and file sizes
//! ([`human_bytes`]). At the ground, because the views (the reader's quantity
//! marks, compare, timeline, map), the app's own panels, the CLI and the
//! core's error messages all print numbers, and they must print them alike.

/// A number as people write it: "5,000", "1.8", "20".
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        let s = format_fixed(v, 3);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// `v` with exactly `decimals` digits after the point (rounded half away from
/// zero), like `format!("{v:.2}")` but by integer arithmetic: the app formats
/// every fractional number through here, which keeps the standard library's
/// float formatting (some 10 kB) out of its first-load wasm.
pub fn format_fixed(v: f64, decimals: u32) -> String {
    if !v.is_finite() || v.abs() >= 1e15 {
        return "0".to_string();
    }
    let scale = 10u64.pow(decimals.min(6));
    let scaled = (v.abs() * scale as f64).round() as u64;
    let (int, frac) = (scaled / scale, scaled % scale);
    let sign = if v < 0.0 && scaled > 0 { "-" } else { "" };
    if decimals == 0 {
        return format!("{sign}{int}");
    }
    let frac = frac.to_string();
    let pad = "0".repeat(decimals.min(6) as usize - frac.len());
    format!("{sign}{int}.{pad}{frac}")
}

/// A size as people read it, in decimal units as storage is sold and browsers
/// report it: "812 bytes", "4.2 kB", "26.2 MB", "1.47 GB". Three significant
/// digits at most, through [`format_fixed`], so no float formatting is
/// compiled in.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [(f64, &str); 4] = [(1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "kB")];
    let v = n as f64;
    for (scale, unit) in UNITS {
        // Rounded as it will print, so 999,999 bytes reads "1.00 MB", not "1000 kB".
        if v >= scale * 0.9995 {
            let x = v / scale;
            let decimals = if x >= 99.95 {
                0
            } else if x >= 9.995 {
                1
            } else {
                2
            };
            return format!("{} {unit}", format_fixed(x, decimals));
        }
    }
    if n == 1 {
        "1 byte".to_string()
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_point_formatting_matches_the_standard_librarys() {
        for (v, d) in [
            (0.0, 2),
            (1.005, 1),
            (12.3456, 3),
            (-0.04, 1),
            (99.999, 2),
            (7.0, 0),
            (-2.5, 0),
            (0.125, 2),
        ] {
            let ours = format_fixed(v, d);
            let std = format!("{v:.*}", d as usize);
            // Ties round away from zero here and to even in std; both are fine for
            // drawing, so compare the values, not the strings, on ties.
            let a: f64 = ours.parse().unwrap();
            let b: f64 = std.parse().unwrap();
            assert!(
                (a - b).abs() <= 10f64.powi(-(d as i32)) + 1e-9,
                "{v} {d}: {ours} vs {std}"
            );
        }
        assert_eq!(format_fixed(12.3456, 3), "12.346");
        assert_eq!(format_fixed(-0.04, 1), "0.0", "no negative zero");
        assert_eq!(format_fixed(3.25, 2), "3.25");
        assert_eq!(format_fixed(0.05, 2), "0.05");
        assert_eq!(format_number(1.8), "1.8");
        assert_eq!(format_number(1_000_000.0), "1,000,000");
        assert_eq!(format_number(0.125), "0.125");
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(format_number(5000.0), "5,000");
        assert_eq!(format_number(1.8), "1.8");
        assert_eq!(format_number(-1234567.0), "-1,234,567");
    }

    #[test]
    fn sizes_read_in_decimal_units_with_three_digits_at_most() {
        assert_eq!(human_bytes(0), "0 bytes");
        assert_eq!(human_bytes(1), "1 byte");
        assert_eq!(human_bytes(999), "999 bytes");
        assert_eq!(human_bytes(1_000), "1.00 kB");
        assert_eq!(human_bytes(4_200), "4.20 kB");
        assert_eq!(human_bytes(57_197), "57.2 kB");
        assert_eq!(human_bytes(999_999), "1.00 MB");
        assert_eq!(human_bytes(25 * 1024 * 1024), "26.2 MB");
        assert_eq!(human_bytes(396_142_000), "396 MB");
        assert_eq!(human_bytes(1_468_996_000), "1.47 GB");
        assert_eq!(human_bytes(u64::MAX), "18446744 TB");
    }
}
