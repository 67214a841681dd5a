//! Numbers as the views print them: grouped by thousands ([`format_number`])
//! and to a fixed number of decimals ([`format_fixed`]). Apart because several
//! views (the reader's quantity marks, compare, timeline, map) and the app's
//! own panels print numbers, and they must print them alike.

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
}
