//! The byline: the author meta tags (unless they hold a profile URL), then the
//! JSON-LD author, then the page's rel=author links, as names alone: without
//! "By", a location or a job line.

use super::collapse::collapse;
use super::json_ld::LdInfo;
use super::metadata::Stated;

/// The byline, from the first source that states one.
pub(super) fn find(page: &Stated, ld: &LdInfo) -> Option<String> {
    page.meta_value(&[
        "author",
        "article:author",
        "byl",
        "sailthru.author",
        "parsely-author",
        "dc.creator",
    ])
    .filter(|a| !a.contains("://"))
    .or_else(|| ld.author.clone())
    .or_else(|| (!page.rel_author.is_empty()).then(|| page.rel_author.join(", ")))
    .map(|a| clean_byline(&a))
    .filter(|a| !a.is_empty())
}

/// A byline without "By", a trailing location ("in Kyiv", ", WASHINGTON") or
/// a job line after a separator.
fn clean_byline(s: &str) -> String {
    let s = collapse(s);
    let mut s = s.as_str();
    for sep in [" | ", "\n", " - ", " — "] {
        if let Some(i) = s.find(sep) {
            s = &s[..i];
        }
    }
    let lower = s.to_lowercase();
    if lower.starts_with("by ") {
        s = &s[3..];
    }
    let mut out = s.trim().to_string();
    // "Jane Doe in Kyiv" → "Jane Doe".
    if let Some(i) = out.rfind(" in ") {
        if out[i + 4..].starts_with(char::is_uppercase) {
            out.truncate(i);
        }
    }
    // "JANE DOE, WASHINGTON" → the location is one all-caps or one-word part.
    let parts: Vec<&str> = out.split(", ").collect();
    if parts.len() == 2 && !parts[1].contains(" and ") {
        let last = parts[1].trim();
        let upper = last.chars().any(char::is_alphabetic)
            && !last.chars().any(char::is_lowercase)
            && parts[0].chars().any(char::is_lowercase);
        if upper || !last.contains(' ') {
            out = parts[0].to_string();
        }
    }
    out.trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_lose_by_and_location() {
        assert_eq!(clean_byline("By Jane Doe"), "Jane Doe");
        assert_eq!(clean_byline("JANE DOE, WASHINGTON"), "JANE DOE");
        assert_eq!(clean_byline("Jane Doe, Washington"), "Jane Doe");
        assert_eq!(clean_byline("Jane Doe in Kyiv"), "Jane Doe");
        assert_eq!(
            clean_byline("Jane Doe, John Roe and Ann Poe"),
            "Jane Doe, John Roe and Ann Poe"
        );
    }
}
