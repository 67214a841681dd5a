//! The page's JSON-LD: what its `<script type="application/ld+json">` blocks
//! say about the article (headline, author, date, publisher, URL, body). Every
//! object is looked at, through arrays, `@graph` and `mainEntity`; article
//! types come first and the first value found for each fact wins.

use scraper::Html;
use serde_json::Value;

use super::collapse::collapse;
use super::walk::Walker;

/// Facts from the page's JSON-LD about its article.
#[derive(Debug, Default)]
pub(super) struct LdInfo {
    pub(super) headline: Option<String>,
    pub(super) author: Option<String>,
    /// Whether the author was stated as a `Person`: surer than an author
    /// meta tag, which many sites fill with their own name.
    pub(super) author_is_person: bool,
    pub(super) published: Option<String>,
    /// `datePublished` of an object that is not an article (a `WebPage`), for
    /// a page whose article object states none.
    pub(super) page_published: Option<String>,
    /// `dateModified`, the last resort for a date.
    pub(super) modified: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) url: Option<String>,
    pub(super) body: Option<String>,
}

impl LdInfo {
    pub(super) fn from_scripts(scripts: &[String]) -> LdInfo {
        let mut info = LdInfo::default();
        for s in scripts {
            let s = s.trim().trim_start_matches("<!--").trim_end_matches("-->");
            let Ok(v) = serde_json::from_str::<Value>(s.trim()) else {
                continue;
            };
            let mut objects = Vec::new();
            collect_objects(&v, &mut objects, 0);
            // Article types first, then anything with a headline.
            objects.sort_by_key(|o| !is_article_type(o));
            for o in objects {
                info.absorb(o);
            }
        }
        info
    }

    fn absorb(&mut self, o: &Value) {
        let article = is_article_type(o);
        let str_of = |k: &str| o.get(k).and_then(Value::as_str).map(collapse);
        if self.modified.is_none() {
            self.modified = str_of("dateModified");
        }
        if !article && o.get("headline").is_none() {
            if self.page_published.is_none() {
                self.page_published = str_of("datePublished");
            }
            return;
        }
        if self.headline.is_none() {
            self.headline = str_of("headline").filter(|s| !s.is_empty());
        }
        if self.published.is_none() {
            self.published = str_of("datePublished");
        }
        if self.author.is_none() {
            let author = o.get("author");
            self.author = author.and_then(people).filter(|s| !s.is_empty());
            self.author_is_person = self.author.is_some() && author.is_some_and(is_person);
        }
        if self.publisher.is_none() {
            self.publisher = o.get("publisher").and_then(names).filter(|s| !s.is_empty());
        }
        if self.url.is_none() {
            self.url = str_of("url").filter(|u| u.starts_with("http"));
        }
        if self.body.is_none() {
            if let Some(b) = o.get("articleBody").and_then(Value::as_str) {
                let b = super::collapse::visible(&markup_to_text(b)).into_owned();
                if !b.is_empty() {
                    self.body = Some(b);
                }
            }
        }
    }
}

/// Every JSON object in `v` (through arrays and `@graph`), bounded in depth.
fn collect_objects<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_objects(x, out, depth + 1)),
        Value::Object(m) => {
            out.push(v);
            if let Some(g) = m.get("@graph") {
                collect_objects(g, out, depth + 1);
            }
            if let Some(e) = m.get("mainEntity") {
                collect_objects(e, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn is_article_type(o: &Value) -> bool {
    let is = |t: &str| {
        t.ends_with("Article") || matches!(t, "BlogPosting" | "Report" | "LiveBlogPosting")
    };
    match o.get("@type") {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

/// Names from a JSON-LD person/organisation value: a string, an object with
/// `name`, or an array of either, joined with ", ".
fn names(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(collapse(s)),
        Value::Object(m) => m.get("name").and_then(names),
        Value::Array(a) => {
            let all: Vec<String> = a
                .iter()
                .filter_map(names)
                .filter(|s| !s.is_empty())
                .collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        _ => None,
    }
}

/// Names from a JSON-LD author value, as [`names`], but an author stated as
/// an organisation (`"@type": "Organization"`, "NewsMediaOrganization", …)
/// is left out: a publisher that names itself the author is no byline.
fn people(v: &Value) -> Option<String> {
    match v {
        Value::Object(m) if is_organisation_type(m.get("@type")) => None,
        Value::Array(a) => {
            let all: Vec<String> = a
                .iter()
                .filter_map(people)
                .filter(|s| !s.is_empty())
                .collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        _ => names(v),
    }
}

/// Whether an author value is a `Person` object, or a list of them.
fn is_person(v: &Value) -> bool {
    match v {
        Value::Object(m) => m.get("@type").and_then(Value::as_str) == Some("Person"),
        Value::Array(a) => !a.is_empty() && a.iter().all(is_person),
        _ => false,
    }
}

fn is_organisation_type(t: Option<&Value>) -> bool {
    let is = |t: &str| t.ends_with("Organization") || matches!(t, "Corporation" | "NGO");
    match t {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

/// Plain text of a string that may hold markup or entities (JSON-LD bodies
/// sometimes do), through the same parser, paragraphs kept apart.
fn markup_to_text(s: &str) -> String {
    if !s.contains(['<', '&']) {
        return paragraphs_of(s);
    }
    // Line breaks in the JSON string are paragraph breaks.
    let frag = Html::parse_fragment(&s.replace('\n', "<br>"));
    let mut w = Walker::default();
    w.walk(&frag);
    let parts: Vec<&str> = w.blocks.iter().map(|b| b.text.as_str()).collect();
    paragraphs_of(&parts.join("\n\n"))
}

/// Lines of `s` as paragraphs separated by a blank line, whitespace collapsed.
fn paragraphs_of(s: &str) -> String {
    s.lines()
        .map(collapse)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}
