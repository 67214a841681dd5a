//! The page's metadata: what the walk gathers of what the page states about
//! itself ([`Stated`]: meta tags, `<title>`, the first `<h1>`, the canonical
//! link, rel=author links, the first `<time datetime>`), and how it and the
//! JSON-LD facts make the [`Meta`].
//!
//! Each field has its own order of sources. The outlet and the URL are plain
//! look-ups, kept here; the title, the byline and the publication date are also
//! cleaned, each in its own file ([`title`], [`byline`], [`published`]), so that
//! a change to how one field is found stays in one place.

use std::collections::HashMap;

use crate::model::Meta;

use super::collapse::collapse;
use super::json_ld::LdInfo;
use super::{byline, published, title};

/// What the page states about itself outside JSON-LD, as found during the walk.
#[derive(Debug, Default)]
pub(super) struct Stated {
    /// `<meta property|name|itemprop=...>` values, first one wins; keys lowercased.
    metas: HashMap<String, String>,
    /// The `<title>`, whitespace collapsed.
    pub(super) title: Option<String>,
    /// The first non-empty `<h1>`, whitespace collapsed.
    pub(super) h1: Option<String>,
    canonical: Option<String>,
    /// Text of every non-empty `<a rel="author">`, whitespace collapsed.
    pub(super) rel_author: Vec<String>,
    /// The first `<time datetime>` value.
    time: Option<String>,
    /// The first date shown in the text soon after the `<h1>` (see
    /// [`published::shown_date`]).
    pub(super) shown_date: Option<String>,
    /// The names after a byline opener ("By", "Von") soon after the `<h1>`.
    pub(super) shown_byline: Option<String>,
    /// The names in the first element marked as the author's (microdata
    /// `itemprop="author"`, a class such as "author" or "byline") that read
    /// as names.
    pub(super) marked_author: Option<String>,
    /// The date of the first element marked as the article's date (microdata
    /// `itemprop="datePublished"`, hAtom's `published`, a class such as
    /// "post-date" or "publishing-date"), `YYYY-MM-DD`.
    pub(super) marked_date: Option<String>,
    /// The first few `<h1>` and `<h2>` texts, in order: on a blog the first
    /// `<h1>` is often the blog's name and the post's title a later heading.
    pub(super) headings: Vec<String>,
}

impl Stated {
    pub(super) fn meta_tag(&mut self, el: &scraper::node::Element) {
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"));
        if let (Some(key), Some(content)) = (key, el.attr("content")) {
            let content = collapse(content);
            if !content.is_empty() {
                self.metas
                    .entry(key.trim().to_ascii_lowercase())
                    .or_insert(content);
            }
        }
    }

    pub(super) fn link_tag(&mut self, el: &scraper::node::Element) {
        if let (Some(rel), Some(href)) = (el.attr("rel"), el.attr("href")) {
            if rel.eq_ignore_ascii_case("canonical") && self.canonical.is_none() {
                self.canonical = Some(href.trim().to_string());
            }
        }
    }

    pub(super) fn time_tag(&mut self, el: &scraper::node::Element) {
        if self.time.is_none() {
            if let Some(dt) = el.attr("datetime") {
                self.time = Some(dt.to_string());
            }
        }
    }

    /// The first of `keys` the page has a meta tag for.
    /// The content of the meta tag named `key` (folded), if the page has one.
    pub(super) fn meta_named(&self, key: &str) -> Option<&str> {
        self.metas.get(key).map(String::as_str)
    }

    pub(super) fn meta_value(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.metas.get(*k).cloned())
    }

    /// The page's own addresses (canonical link, `og:url`), for a date in one.
    pub(super) fn url_candidates(&self) -> impl Iterator<Item = &str> {
        self.canonical
            .as_deref()
            .into_iter()
            .chain(self.metas.get("og:url").map(String::as_str))
    }

    /// The `<time datetime>` value, a last resort for the publication date.
    pub(super) fn time(&self) -> Option<&str> {
        self.time.as_deref()
    }

    /// The metadata, preferring what the page states about the article itself.
    pub(super) fn meta(&self, ld: &LdInfo) -> Meta {
        let outlet = outlet(self, ld);
        let url = url(self, ld);
        let title = title::find(self, ld, outlet.as_deref());
        let byline = byline::find(self, ld);
        let published = published::find(self, ld);
        Meta {
            title,
            outlet,
            published,
            url,
            byline,
        }
    }
}

/// The site's name: `og:site_name`, then the JSON-LD publisher, then
/// `application-name`, then the host name of the page's own address without
/// "www." ("example.org"), which names the site when nothing else does.
fn outlet(page: &Stated, ld: &LdInfo) -> Option<String> {
    let host = page.url_candidates().find_map(host_name);
    let label = host.as_deref().and_then(site_label);
    let stated: Vec<String> = [
        page.meta_value(&["og:site_name"]),
        ld.publisher.clone(),
        page.meta_value(&["application-name"]),
    ]
    .into_iter()
    .flatten()
    .collect();
    // A site's name spells its address: a stated name that shares nothing
    // with the host ("U.S." on reuters.com, a section's) gives way to one
    // that does.
    let spells = |name: &str| {
        let l = label.as_deref().unwrap_or("");
        let n: String = name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        !l.is_empty() && !n.is_empty() && (n.contains(l) || l.contains(&n))
    };
    if let Some(first) = stated.first() {
        if label.is_some() && !spells(first) {
            if let Some(better) = stated.iter().find(|n| spells(n)) {
                return Some(better.clone());
            }
        }
        return Some(first.clone());
    }
    // Else the host's name as the page's title spells it ("Pluralsight"),
    // else the host itself.
    let in_title = label.as_deref().and_then(|l| {
        page.title
            .as_deref()?
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| w.chars().flat_map(char::to_lowercase).eq(l.chars()))
    });
    in_title.map(str::to_string).or(host)
}

/// The name part of a host: its label before the public suffix
/// ("reuters" of `reuters.com`, "nhk" of `www3.nhk.or.jp`,
/// "nationalgeographic" of `nationalgeographic.co.uk`).
fn site_label(host: &str) -> Option<String> {
    const SECOND_LEVEL: &[&str] = &[
        "co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go",
    ];
    let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    labels.pop()?;
    if labels.len() >= 2 && labels.last().is_some_and(|l| SECOND_LEVEL.contains(l)) {
        labels.pop();
    }
    labels
        .last()
        .map(|l| l.to_string())
        .filter(|l| l.len() >= 3)
}

/// The host of an absolute address, lowercased, without "www.".
fn host_name(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.starts_with("http") {
        return None;
    }
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (host.contains('.') && !host.starts_with('.')).then(|| host.to_string())
}

/// The article's address: the canonical link when absolute, then `og:url`,
/// then the JSON-LD `url`.
fn url(page: &Stated, ld: &LdInfo) -> Option<String> {
    page.canonical
        .clone()
        .filter(|u| u.starts_with("http"))
        .or_else(|| page.meta_value(&["og:url"]))
        .or_else(|| ld.url.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hosts_name_part_is_left_of_its_public_suffix() {
        assert_eq!(site_label("reuters.com").as_deref(), Some("reuters"));
        assert_eq!(site_label("www3.nhk.or.jp").as_deref(), Some("nhk"));
        assert_eq!(
            site_label("nationalgeographic.co.uk").as_deref(),
            Some("nationalgeographic")
        );
        assert_eq!(
            site_label("en.blog.wordpress.com").as_deref(),
            Some("wordpress")
        );
        assert_eq!(site_label("localhost"), None);
    }

    #[test]
    fn a_host_names_the_site_when_nothing_else_does() {
        assert_eq!(
            host_name("https://www.Example.org/a/b?c").as_deref(),
            Some("example.org")
        );
        assert_eq!(host_name("/relative/path"), None);
        assert_eq!(host_name("ftp://example.org/x"), None);
    }
}
