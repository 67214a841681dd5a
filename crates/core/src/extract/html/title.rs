//! The title: the page's own headline (the `<h1>` a reader sees when it reads
//! as a headline, its `og:`/`twitter:` title, the JSON-LD headline, any
//! `<h1>`), else the `<title>`, without the site's name that pages append to
//! either ("Ferry sinks | The Post").

use super::collapse::collapse;
use super::json_ld::LdInfo;
use super::metadata::Stated;

/// The headline, from the first source that states one. `outlet` is the site's
/// name as found, which a suffix naming it is cut for.
///
/// A source that states only the site's name (the outlet itself, a host name,
/// one word where the `<h1>` has a sentence) gives way to the next: a page's
/// `og:title` is sometimes the site's. When the `<h1>` is one part of the
/// chosen title between separators ("Kicker: Headline - Site"), the `<h1>` is
/// the headline: the other parts are the kicker and the site.
pub(super) fn find(page: &Stated, ld: &LdInfo, outlet: Option<&str>) -> Option<String> {
    // The page's headline among its headings: the first `<h1>`, unless it is
    // not the `<title>`'s headline part and a later `<h1>` or `<h2>` is (a
    // blog's name in the first `<h1>`, "Menu", the post's title after it).
    let title_tag = page.title.as_deref().map(collapse);
    let in_title = |h: &str| {
        h.split_whitespace().count() >= 2
            && title_tag
                .as_deref()
                .is_some_and(|t| is_separated_part(t, h))
    };
    let first_h1 = page.h1.as_deref().map(collapse);
    let h1 = match first_h1 {
        Some(h) if in_title(&h) => Some(h),
        other => page
            .headings
            .iter()
            .find(|h| in_title(h))
            .cloned()
            .or(other),
    };
    let h1_words = h1.as_deref().map_or(0, |h| h.split_whitespace().count());
    let site_like = |t: &str| {
        let w = t.split_whitespace().count();
        let lower = t.to_lowercase();
        let is_outlet = outlet.is_some_and(|o| o.trim().to_lowercase() == lower.trim());
        let host = w == 1 && t.contains('.') && !t.ends_with('.');
        is_outlet || host || (w <= 1 && h1_words >= 3)
    };
    // The headline a reader sees comes first when it reads as one: a
    // sentence-length heading, not the site's name or a lone word.
    let visible = h1.clone().filter(|h| {
        let w = h.split_whitespace().count();
        (3..=30).contains(&w) && !h.contains(['{', '}'])
    });
    let own = [
        visible,
        page.meta_value(&["og:title"]),
        page.meta_value(&["twitter:title"]),
        ld.headline.clone(),
        h1.clone(),
    ]
    .into_iter()
    .flatten()
    .map(|t| strip_title_suffix(&t, outlet, false))
    .find(|t| !t.is_empty() && !site_like(t));
    let chosen = own
        .or_else(|| {
            page.title
                .as_deref()
                .map(|t| strip_title_suffix(t, outlet, true))
        })
        .filter(|t| !t.is_empty())?;
    match h1 {
        Some(h) if h1_words >= 2 && is_separated_part(&chosen, &h) => Some(h),
        _ => Some(chosen),
    }
}

/// Whether `part` is `title` less a kicker or site part: it sits at one end of
/// `title`, the rest is cut off by a separator, and it is most of `title`.
fn is_separated_part(title: &str, part: &str) -> bool {
    // The headline is the longer share: a short part at one end (a logo's
    // `<h1>` naming the site) is the site, not the headline.
    if title.len() <= part.len() || part.len() * 2 < title.len() {
        return false;
    }
    let seps = TITLE_SEPARATORS.iter().copied().chain([": "]);
    let mut ok = false;
    if let Some(rest) = title.strip_suffix(part) {
        ok |= seps.clone().any(|s| rest.ends_with(s));
    }
    if let Some(rest) = title.strip_prefix(part) {
        ok |= seps.clone().any(|s| rest.starts_with(s));
    }
    ok
}

/// Separators between a headline and the site's name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "];

/// The headline without a trailing " | Site" part. The part is dropped when it
/// names the outlet, or, for a `<title>`, when it is short next to the rest.
pub(super) fn strip_title_suffix(
    title: &str,
    outlet: Option<&str>,
    from_title_tag: bool,
) -> String {
    let title = collapse(title);
    let cut = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|(i, _)| *i);
    let Some((i, len)) = cut else {
        return title;
    };
    // "Site - Headline": a leading part that names the outlet goes too.
    let lead = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.find(sep).map(|i| (i, sep.len())))
        .min_by_key(|(i, _)| *i);
    if let (Some((j, l)), Some(o)) = (lead, outlet) {
        let o = o.trim().to_lowercase();
        if !o.is_empty() && title[..j].to_lowercase() == o {
            return strip_title_suffix(&title[j + l..], Some(&o), from_title_tag);
        }
    }
    let (head, tail) = (&title[..i], &title[i + len..]);
    let names_outlet = outlet.is_some_and(|o| {
        let o = o.to_lowercase();
        let t = tail.to_lowercase();
        !o.is_empty() && (t.contains(&o) || o.contains(&t))
    });
    let short_tail = tail.split_whitespace().count() <= 4
        && head.split_whitespace().count() >= tail.split_whitespace().count();
    if names_outlet || (from_title_tag && short_tail) {
        strip_title_suffix(head, outlet, from_title_tag)
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_h1_is_the_headline_inside_a_kicker_and_site() {
        assert!(is_separated_part(
            "Kicker: Ferry sinks - Site",
            "Ferry sinks - Site"
        ));
        assert!(is_separated_part("Ferry sinks | Site", "Ferry sinks"));
        assert!(!is_separated_part("Ferry sinks today", "Ferry sinks"));
        assert!(!is_separated_part(
            "Ferry sinks off the coast | The Post",
            "The Post"
        ));
    }

    #[test]
    fn a_leading_site_part_goes() {
        assert_eq!(
            strip_title_suffix(
                "The Post - Ferry sinks off the coast",
                Some("The Post"),
                true
            ),
            "Ferry sinks off the coast"
        );
    }
}
