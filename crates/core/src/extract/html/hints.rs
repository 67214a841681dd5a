//! What an element's class and id say of it: furniture ("comment", "share",
//! "sidebar", ...) or the article itself ("article", "content", "story", ...).
//! The walk records the hints of every element that has any; the body's vote
//! weighs containers and drops blocks by them.

/// Words in class or id that mark page furniture whatever else the element
/// says of itself ("comment-content" is a comment). Words of up to four letters
/// must match whole; longer ones match as prefixes ("comments", "related-links").
const STRONG_NEGATIVE: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "promo",
    "newsletter",
    "footer",
    "sidebar",
    "advert",
    "cookie",
    "consent",
    "subscribe",
    "signup",
    "popup",
    "modal",
    "breadcrumb",
    "outbrain",
    "taboola",
    "recommend",
    "trending",
    "popular",
    "byline",
    "caption",
    "credit",
    "disclaimer",
    "sponsor",
    "toolbar",
    "masthead",
    "pagination",
    "pager",
    "skip",
    "sronly",
    "nav",
    "navbar",
    "menu",
    "ad",
    "ads",
    "adslot",
    "readmore",
];

/// Words in class or id that hint at furniture unless the element also says it
/// is the article ("post-meta" vs "post-content meta").
const WEAK_NEGATIVE: &[&str] = &[
    "banner", "widget", "hidden", "visually", "tags", "meta", "author", "bio", "print", "tools",
    "more", "extra",
];

/// Words in class or id that mark the article itself.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text", "blog",
];

/// (negative, positive) hints from the element's class and id words. A strong
/// negative word makes the element negative even when it also has a positive one.
pub(super) fn hints(el: &scraper::node::Element) -> (bool, bool) {
    let (mut strong, mut weak, mut pos) = (false, false, false);
    let matches = |list: &[&str], word: &str| {
        list.iter().any(|n| {
            if n.len() <= 4 {
                word == *n
            } else {
                word.starts_with(n)
            }
        })
    };
    for a in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        for word in split_words(a) {
            strong |= matches(STRONG_NEGATIVE, &word);
            weak |= matches(WEAK_NEGATIVE, &word);
            pos |= POSITIVE.contains(&word.as_str());
        }
    }
    (strong || (weak && !pos), pos && !strong)
}

/// Lowercase words of a class or id: split at non-alphanumerics and at
/// lower-to-upper case changes ("relatedLinks" → "related", "links").
fn split_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}
