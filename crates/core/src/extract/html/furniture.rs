//! Short lines that are page furniture, not article text, told by their
//! words alone: calls to action ("Sign up for ..."), ad and share labels,
//! photo captions ending in a credit, unrendered shortcodes. Such a line
//! neither votes for a container nor is kept in the body.

/// Short lines that are page furniture, not article text.
pub(super) fn is_boilerplate_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
    const EXACT: &[&str] = &[
        "advertisement",
        "advertising",
        "advert",
        "don't miss",
        "don’t miss",
        "tell us what you think",
        "this slideshow requires javascript",
        "ad",
        "sponsored",
        "share",
        "share this",
        "share this article",
        "comments",
        "read more",
        "related",
        "continue reading",
        "skip advertisement",
        "story continues below advertisement",
        "scroll to continue with content",
        "close",
        "menu",
        "loading",
        "subscribe",
    ];
    const PREFIXES: &[&str] = &[
        "sign up",
        "subscribe to",
        "follow us",
        "read more",
        "related:",
        "related articles",
        "more:",
        "see also",
        "click here",
        "all rights reserved",
        "copyright",
        "©",
        "(c) ",
        "photo:",
        "image:",
        "photograph:",
        "getty images",
        "share on",
        "we use cookies",
        "this site uses cookies",
        "by using this site",
        "recommended",
        "you may also like",
        "most popular",
        "get the latest",
        "download the app",
        "newsletter",
    ];
    EXACT.contains(&lower)
        || PREFIXES.iter().any(|p| lower.starts_with(p))
        || is_caption(text)
        || is_shortcode(text)
}

/// A photo caption left in the text: a line ending in a credit in brackets,
/// "... harbour (Image: GETTY)".
fn is_caption(text: &str) -> bool {
    let t = text.trim_end();
    let Some(open) = t.rfind('(') else {
        return false;
    };
    if !t.ends_with(')') {
        return false;
    }
    let credit = t[open + 1..].trim_start().to_lowercase();
    [
        "image:",
        "photo:",
        "picture:",
        "credit:",
        "photograph:",
        "pictured:",
    ]
    .iter()
    .any(|p| credit.starts_with(p))
}

/// An unrendered content-management shortcode, "[button link=...]...[/button]".
fn is_shortcode(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('[')
        && t[1..].starts_with(|c: char| c.is_ascii_lowercase())
        && t.contains("[/")
        && t.ends_with(']')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_and_shortcodes_are_furniture() {
        assert!(is_boilerplate_line(
            "Protesters gather at the harbour (Image: GETTY )"
        ));
        assert!(is_boilerplate_line(
            "[button link=\"/x\" type=\"big\"] Send us a review[/button]"
        ));
        assert!(is_boilerplate_line("Advertisement"));
        assert!(!is_boilerplate_line(
            "The ferry (the larger of two) sailed."
        ));
        assert!(!is_boilerplate_line("[1] A footnote."));
    }
}
