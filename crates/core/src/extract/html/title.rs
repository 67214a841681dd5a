//! The title: the page's own headline (its `og:`/`twitter:` title, the JSON-LD
//! headline, the first `<h1>`), else the `<title>`, without the site's name that
//! pages append to either ("Ferry sinks | The Post").

use super::collapse::collapse;
use super::json_ld::LdInfo;
use super::metadata::Stated;

/// The headline, from the first source that states one. `outlet` is the site's
/// name as found, which a suffix naming it is cut for.
pub(super) fn find(page: &Stated, ld: &LdInfo, outlet: Option<&str>) -> Option<String> {
    let own = page
        .meta_value(&["og:title", "twitter:title"])
        .or_else(|| ld.headline.clone())
        .or_else(|| page.h1.clone());
    match own {
        Some(t) => Some(strip_title_suffix(&t, outlet, false)),
        None => page
            .title
            .as_deref()
            .map(|t| strip_title_suffix(t, outlet, true)),
    }
    .filter(|t| !t.is_empty())
}

/// Separators between a headline and the site's name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • "];

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
