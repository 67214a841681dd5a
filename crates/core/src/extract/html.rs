//! Main-content extraction from a saved web page: the article body as clean
//! paragraphs, plus the metadata the page states about itself.
//!
//! The page goes through a real HTML5 parser (html5ever, via `scraper`), so
//! entities, unclosed tags and stray markup are resolved the way a browser would,
//! and the output is plain text: no script ever runs, and nothing inside
//! `<script>`, `<style>`, `<noscript>` or `<template>` reaches the text.
//!
//! The body is found in three steps, all general heuristics (no site is named):
//!
//! 1. **Blocks.** One walk turns the page into text blocks (paragraphs,
//!    headings, list items, quotes), skipping what is never article text by its
//!    tag or role (navigation, headers, footers, asides, figures with their
//!    captions, forms' controls, hidden elements), and remembering for each block
//!    its chain of ancestors, how much of it is link text, and which ancestors
//!    carry boilerplate hints in their class or id ("comment", "share",
//!    "related", "promo", "newsletter", "sidebar", ...).
//! 2. **Container.** As in Readability, every paragraph scores its parent and,
//!    less, its grandparent and great-grandparent by its length and commas
//!    (paragraphs under furniture do not vote); a container's score is weighted
//!    by its class hints and by how little of its text is links. When other
//!    containers score nearly as well, or share the winner's class, the article
//!    is split (around a video, a quote box) and their lowest common ancestor
//!    wins; siblings that continue it (well-scored, same class, or plain prose)
//!    join it.
//! 3. **Blocks kept.** Inside the container, blocks under a boilerplate-hinted
//!    element, link lists, photo captions with a credit and short furniture lines
//!    ("Advertisement", "Sign up for ...") are dropped.
//!
//! A hint on an element that holds most of the page's text ("no-sidebar" on
//! `<body>`) is page-wide styling, not furniture, and is ignored.
//!
//! When the page's JSON-LD carries an `articleBody` and the DOM gave much less
//! text, the JSON-LD body is used instead (a page that hides its text behind
//! scripts often still states it there).
//!
//! ```
//! use folio_core::extract::html::extract_html;
//!
//! let doc = extract_html(
//!     "<html><head><title>Ferry sinks | The Post</title></head><body>\
//!      <nav><a href='/'>Home</a> <a href='/world'>World</a></nav>\
//!      <article><h1>Ferry sinks</h1>\
//!      <p>The ferry sank off the coast on Monday, and all passengers were rescued.</p>\
//!      <p>Divers will inspect the wreck tomorrow, the coast guard said.</p></article>\
//!      </body></html>",
//! );
//! assert_eq!(doc.meta.title.as_deref(), Some("Ferry sinks"));
//! assert!(doc.text.starts_with("The ferry sank"));
//! assert!(!doc.text.contains("Home"));
//! ```

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{Html, Node};
use serde_json::Value;

use crate::model::Meta;

/// A paragraph shorter than this (in characters) does not vote for its container.
const MIN_VOTING_CHARS: usize = 25;
/// Class/id hint weight added to (or taken from) a container's score.
const HINT_WEIGHT: f64 = 25.0;
/// A block whose text is more than this share of link text is a link list.
const MAX_BLOCK_LINK_DENSITY: f64 = 0.5;
/// A sibling of the top container joins it with at least this share of its
/// score (Readability's 0.2) ...
const SIBLING_SHARE: f64 = 0.2;
/// ... and at least this score.
const SIBLING_MIN_SCORE: f64 = 10.0;
/// Candidates looked at for a split article ...
const ALTERNATIVES_CONSIDERED: usize = 4;
/// ... that count when they score at least this share of the top ...
const ALTERNATIVE_SHARE: f64 = 0.6;
/// ... and that move the container up when there are this many.
const MIN_ALTERNATIVES: usize = 1;
/// A boilerplate-hinted element holding at least this share of the page's text
/// is a wrapper, not furniture.
const WRAPPER_SHARE: f64 = 0.5;
/// Lines up to this many characters are checked against boilerplate phrases.
const BOILERPLATE_LINE_CHARS: usize = 120;
/// The JSON-LD `articleBody` replaces the DOM's text when the DOM text has fewer
/// than this share of its words.
const LD_BODY_MIN_SHARE: f64 = 0.6;

/// What [`extract_html`] found: metadata and the body as clean text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlDocument {
    /// Title, byline, publication date, outlet and URL as the page states them.
    pub meta: Meta,
    /// The article body, paragraphs separated by one blank line.
    pub text: String,
}

/// Whether `raw` looks like an HTML document rather than plain text: it opens
/// (after whitespace and a byte-order mark) with a doctype, a comment or one of
/// the tags a page starts with.
pub fn looks_like_html(raw: &str) -> bool {
    let head = raw.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let head: String = head.chars().take(16).collect::<String>().to_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<!--",
        "<meta",
        "<?xml",
    ]
    .iter()
    .any(|p| head.starts_with(p))
}

/// Extracts the article body and metadata from one page's HTML.
pub fn extract_html(html: &str) -> HtmlDocument {
    let doc = Html::parse_document(html);
    let mut page = Walker::default();
    page.walk(&doc);
    let ld = LdInfo::from_scripts(&page.ld_json);
    let text = page.body_text(&doc);
    let text = match ld.body.as_deref() {
        Some(body) if prefer_ld_body(&text, body) => body.to_string(),
        _ => text,
    };
    HtmlDocument {
        meta: page.meta(&ld),
        text,
    }
}

/// Whether the JSON-LD body should stand in for the DOM text: it is substantial
/// and the DOM gave much less.
fn prefer_ld_body(dom: &str, ld: &str) -> bool {
    let ld_words = ld.split_whitespace().count();
    let dom_words = dom.split_whitespace().count();
    ld_words >= 50 && (dom_words as f64) < ld_words as f64 * LD_BODY_MIN_SHARE
}

/// What kind of block a piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `<p>`, or text directly in a `<div>`-like element.
    Para,
    /// `<h2>`..`<h6>` (an `<h1>` is the title, never body).
    Heading,
    /// `<h1>`.
    Title,
    /// `<li>`, `<dd>`, `<dt>`.
    Item,
    /// `<blockquote>`.
    Quote,
    /// `<pre>`.
    Pre,
    /// `<td>`, `<th>`.
    Cell,
}

/// One text block of the page.
#[derive(Debug, Clone)]
struct Block {
    text: String,
    /// Characters of `text` inside links.
    link_chars: usize,
    kind: Kind,
    /// Element ancestors from the root down to the block's own element.
    path: Vec<NodeId>,
    /// Indexes into `path` of ancestors with boilerplate class/id hints.
    neg: Vec<usize>,
    /// The text sits directly in a container (a `<div>` with loose text), which
    /// then votes for itself as a paragraph's parent would.
    direct: bool,
}

impl Block {
    fn chars(&self) -> usize {
        self.text.chars().count()
    }

    fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.chars().max(1) as f64
    }
}

/// One open element during the walk.
#[derive(Debug)]
struct Open {
    id: NodeId,
    /// Nothing inside is text (script, nav, hidden, ...).
    skip: bool,
    /// Opening and closing it ends the current block.
    block: Option<Kind>,
    link: bool,
    neg: bool,
    pre: bool,
    /// A block element that holds other blocks (div, section, ...), not a `<p>`.
    container: bool,
    /// A block element opened inside it.
    has_block_child: bool,
    /// Indexes of blocks whose innermost block element this is.
    own_blocks: Vec<usize>,
}

/// One pass over the document: blocks for the body, raw facts for the metadata.
#[derive(Debug, Default)]
struct Walker {
    blocks: Vec<Block>,
    stack: Vec<Open>,
    /// Depth of skipped elements currently open.
    skipping: usize,
    buf: String,
    buf_links: usize,
    /// `<meta property|name|itemprop=...>` values, first one wins; keys lowercased.
    metas: HashMap<String, String>,
    ld_json: Vec<String>,
    title: Option<String>,
    h1: Option<String>,
    canonical: Option<String>,
    rel_author: Vec<String>,
    time: Option<String>,
    /// Text of the element being collected for metadata (title, script, ...).
    capture: Option<(Capture, String)>,
    /// Whether the `<h1>` is being collected (it is also a block).
    h1_open: Option<String>,
    rel_author_open: Option<String>,
    /// (negative, positive) class/id hints of the elements that have any.
    hint_of: HashMap<NodeId, (bool, bool)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    Title,
    LdJson,
}

impl Walker {
    fn walk(&mut self, doc: &Html) {
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => self.open(node.id(), el),
                    Node::Text(t) => self.text(t),
                    _ => {}
                },
                Edge::Close(node) => {
                    if let Node::Element(el) = node.value() {
                        self.close(el);
                    }
                }
            }
        }
        self.flush();
        self.forgive_wrappers();
    }

    /// A boilerplate hint on an element that holds most of the page's text is
    /// a page-wide class ("no-sidebar", "article-body pagination-first"), not
    /// furniture: it is dropped.
    fn forgive_wrappers(&mut self) {
        let total: usize = self.blocks.iter().map(Block::chars).sum();
        let mut under: HashMap<NodeId, usize> = HashMap::new();
        for b in &self.blocks {
            let chars = b.chars();
            for &i in &b.neg {
                *under.entry(b.path[i]).or_insert(0) += chars;
            }
        }
        let wrappers: Vec<NodeId> = under
            .into_iter()
            .filter(|&(_, chars)| chars as f64 >= total as f64 * WRAPPER_SHARE)
            .map(|(id, _)| id)
            .collect();
        if wrappers.is_empty() {
            return;
        }
        for b in &mut self.blocks {
            let path = &b.path;
            b.neg.retain(|&i| !wrappers.contains(&path[i]));
        }
        for id in wrappers {
            self.hint_of.remove(&id);
        }
    }

    fn open(&mut self, id: NodeId, el: &scraper::node::Element) {
        let name = el.name();
        match name {
            "meta" => self.meta_tag(el),
            "link" => {
                if let (Some(rel), Some(href)) = (el.attr("rel"), el.attr("href")) {
                    if rel.eq_ignore_ascii_case("canonical") && self.canonical.is_none() {
                        self.canonical = Some(href.trim().to_string());
                    }
                }
            }
            "title" if self.title.is_none() && self.capture.is_none() => {
                self.capture = Some((Capture::Title, String::new()))
            }
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                self.capture = Some((Capture::LdJson, String::new()))
            }
            "time" if self.time.is_none() => {
                if let Some(dt) = el.attr("datetime") {
                    self.time = Some(dt.to_string());
                }
            }
            _ => {}
        }
        if name == "h1" && self.h1.is_none() {
            self.h1_open = Some(String::new());
        }
        if name == "a"
            && el
                .attr("rel")
                .is_some_and(|r| r.split_whitespace().any(|r| r == "author"))
        {
            self.rel_author_open = Some(String::new());
        }
        let skip = skipped(name, el);
        let block = block_kind(name);
        let pre = name == "pre";
        let (neg, pos) = if matches!(name, "html" | "body" | "main") {
            (false, false)
        } else {
            hints(el)
        };
        if skip {
            self.skipping += 1;
        }
        if neg || pos {
            self.hint_of.insert(id, (neg, pos));
        }
        if block.is_some() || name == "br" || name == "hr" {
            self.flush();
        }
        if block.is_some() {
            if let Some(parent) = self.stack.iter_mut().rev().find(|o| o.block.is_some()) {
                parent.has_block_child = true;
            }
        }
        self.stack.push(Open {
            id,
            skip,
            block,
            link: name == "a",
            neg,
            pre,
            container: block == Some(Kind::Para) && name != "p",
            has_block_child: false,
            own_blocks: Vec::new(),
        });
    }

    fn close(&mut self, el: &scraper::node::Element) {
        let name = el.name();
        if let Some((what, text)) = self.capture.take() {
            match (what, name) {
                (Capture::Title, "title") => self.title = Some(collapse(&text)),
                (Capture::LdJson, "script") => self.ld_json.push(text),
                _ => self.capture = Some((what, text)),
            }
        }
        if name == "h1" {
            if let Some(t) = self.h1_open.take() {
                let t = collapse(&t);
                if !t.is_empty() {
                    self.h1 = Some(t);
                }
            }
        }
        if name == "a" {
            if let Some(t) = self.rel_author_open.take() {
                let t = collapse(&t);
                if !t.is_empty() {
                    self.rel_author.push(t);
                }
            }
        }
        let open = self.stack.last();
        if open.is_some_and(|o| o.block.is_some()) {
            self.flush();
        }
        if let Some(o) = self.stack.pop() {
            if o.skip {
                self.skipping -= 1;
            }
            // Loose text beside block children is a paragraph of this container
            // (Readability wraps it in a <p>); loose text alone makes the
            // container itself the paragraph.
            if o.container && o.has_block_child {
                for i in o.own_blocks {
                    self.blocks[i].direct = true;
                }
            }
        }
    }

    fn text(&mut self, t: &str) {
        if let Some((_, buf)) = self.capture.as_mut() {
            buf.push_str(t);
            return;
        }
        if let Some(h) = self.h1_open.as_mut() {
            h.push_str(t);
        }
        if let Some(a) = self.rel_author_open.as_mut() {
            a.push_str(t);
        }
        if self.skipping > 0 {
            return;
        }
        let pre = self.stack.iter().any(|o| o.pre);
        let in_link = self.stack.iter().any(|o| o.link);
        let before = self.buf.len();
        if pre {
            self.buf.push_str(t);
        } else {
            push_collapsed(&mut self.buf, t);
        }
        if in_link {
            self.buf_links += self.buf[before..].chars().count();
        }
    }

    /// Ends the current block, if it has any text.
    fn flush(&mut self) {
        let text = self.buf.trim();
        if text.is_empty() {
            self.buf.clear();
            self.buf_links = 0;
            return;
        }
        let text = text.to_string();
        let link_chars = self.buf_links.min(text.chars().count());
        self.buf.clear();
        self.buf_links = 0;
        let index = self.blocks.len();
        let innermost = self.stack.iter_mut().rev().find(|o| o.block.is_some());
        let kind = innermost
            .as_ref()
            .and_then(|o| o.block)
            .unwrap_or(Kind::Para);
        if let Some(o) = innermost {
            o.own_blocks.push(index);
        }
        let path: Vec<NodeId> = self.stack.iter().map(|o| o.id).collect();
        let neg = self
            .stack
            .iter()
            .enumerate()
            .filter(|(_, o)| o.neg)
            .map(|(i, _)| i)
            .collect();
        self.blocks.push(Block {
            text,
            link_chars,
            kind,
            path,
            neg,
            direct: false,
        });
    }

    fn meta_tag(&mut self, el: &scraper::node::Element) {
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

    fn meta_value(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.metas.get(*k).cloned())
    }

    /// The metadata, preferring what the page states about the article itself.
    fn meta(&self, ld: &LdInfo) -> Meta {
        let outlet = self
            .meta_value(&["og:site_name", "application-name"])
            .or_else(|| ld.publisher.clone());
        let url = self
            .canonical
            .clone()
            .filter(|u| u.starts_with("http"))
            .or_else(|| self.meta_value(&["og:url"]))
            .or_else(|| ld.url.clone());
        let own = self
            .meta_value(&["og:title", "twitter:title"])
            .or_else(|| ld.headline.clone())
            .or_else(|| self.h1.clone());
        let title = match own {
            Some(t) => Some(strip_title_suffix(&t, outlet.as_deref(), false)),
            None => self
                .title
                .as_deref()
                .map(|t| strip_title_suffix(t, outlet.as_deref(), true)),
        }
        .filter(|t| !t.is_empty());
        let byline = self
            .meta_value(&[
                "author",
                "article:author",
                "byl",
                "sailthru.author",
                "parsely-author",
                "dc.creator",
            ])
            .filter(|a| !a.contains("://"))
            .or_else(|| ld.author.clone())
            .or_else(|| (!self.rel_author.is_empty()).then(|| self.rel_author.join(", ")))
            .map(|a| clean_byline(&a))
            .filter(|a| !a.is_empty());
        let published = self
            .meta_value(&[
                "article:published_time",
                "datepublished",
                "og:published_time",
                "publishdate",
                "pubdate",
                "date",
                "dc.date",
                "sailthru.date",
                "parsely-pub-date",
            ])
            .and_then(|d| iso_date(&d))
            .or_else(|| ld.published.as_deref().and_then(iso_date))
            .or_else(|| self.time.as_deref().and_then(iso_date));
        Meta {
            title,
            outlet,
            published,
            url,
            byline,
        }
    }

    /// The article body: the best container's blocks and those of its siblings
    /// that look like more of the same article, less boilerplate.
    fn body_text(&self, doc: &Html) -> String {
        let ranked = self.ranked_containers();
        let Some(&(top, depth, top_score)) = ranked.first() else {
            return String::new();
        };
        let (top, depth) = self.common_ancestor(doc, top, depth, top_score, &ranked);
        let accepted = self.siblings_of(doc, top, depth, top_score, &ranked);
        let mut out: Vec<&str> = Vec::new();
        for b in &self.blocks {
            if !b.path.get(depth).is_some_and(|id| accepted.contains(id)) {
                continue;
            }
            if b.neg.iter().any(|&i| i >= depth) {
                continue;
            }
            if keep_block(b) {
                out.push(&b.text);
            }
        }
        out.join("\n\n")
    }

    /// Readability's "alternative candidates": when other containers, neither
    /// inside nor around the top one, score nearly as well, the article is
    /// split (around a video, a quote box, an ad), and the container is the
    /// lowest ancestor holding the top one and enough of them.
    fn common_ancestor(
        &self,
        doc: &Html,
        top: NodeId,
        depth: usize,
        top_score: f64,
        ranked: &[(NodeId, usize, f64)],
    ) -> (NodeId, usize) {
        let path_of = |id: NodeId, d: usize| {
            self.blocks
                .iter()
                .find(|b| b.path.get(d) == Some(&id))
                .map(|b| b.path[..=d].to_vec())
                .unwrap_or_default()
        };
        let top_path = path_of(top, depth);
        let class_of = |id: NodeId| {
            doc.tree
                .get(id)
                .and_then(|n| n.value().as_element())
                .and_then(|e| e.attr("class"))
                .filter(|c| !c.trim().is_empty())
        };
        let top_class = class_of(top);
        // Near-best containers, and lesser ones of the top's own class (an
        // article cut into sections of the same kind).
        let alternatives: Vec<Vec<NodeId>> = ranked[1..]
            .iter()
            .enumerate()
            .filter(|&(i, &(id, _, s))| {
                (i < ALTERNATIVES_CONSIDERED && s >= top_score * ALTERNATIVE_SHARE)
                    || (s >= top_score * SIBLING_SHARE
                        && top_class.is_some()
                        && class_of(id) == top_class)
            })
            .map(|(_, x)| x)
            .map(|&(id, d, _)| path_of(id, d))
            .filter(|p| !p.contains(&top) && !top_path.contains(p.last().unwrap_or(&top)))
            .collect();
        if alternatives.len() < MIN_ALTERNATIVES {
            return (top, depth);
        }
        // Deepest ancestor of the top shared by at least MIN_ALTERNATIVES.
        for d in (0..depth).rev() {
            let shared = alternatives
                .iter()
                .filter(|p| p.get(d) == Some(&top_path[d]))
                .count();
            if shared >= MIN_ALTERNATIVES {
                return (top_path[d], d);
            }
        }
        (top, depth)
    }

    /// The top container and the siblings that continue it (Readability's
    /// rule): siblings that scored well themselves, more easily when they share
    /// the top's class, and plain paragraphs of prose.
    fn siblings_of(
        &self,
        doc: &Html,
        top: NodeId,
        depth: usize,
        top_score: f64,
        ranked: &[(NodeId, usize, f64)],
    ) -> Vec<NodeId> {
        let mut accepted = vec![top];
        if depth == 0 {
            return accepted;
        }
        let score_of: HashMap<NodeId, f64> = ranked.iter().map(|&(id, _, s)| (id, s)).collect();
        let class_of = |id: NodeId| {
            doc.tree
                .get(id)
                .and_then(|n| n.value().as_element())
                .and_then(|e| e.attr("class"))
                .unwrap_or("")
                .to_string()
        };
        let name_of = |id: NodeId| {
            doc.tree
                .get(id)
                .and_then(|n| n.value().as_element())
                .map(|e| e.name().to_string())
                .unwrap_or_default()
        };
        let top_class = class_of(top);
        let threshold = (top_score * SIBLING_SHARE).max(SIBLING_MIN_SCORE);
        let parent = self
            .blocks
            .iter()
            .find(|b| b.path.get(depth) == Some(&top))
            .map(|b| b.path[depth - 1]);
        let mut seen: Vec<NodeId> = vec![top];
        for (i, b) in self.blocks.iter().enumerate() {
            if b.path.len() <= depth || Some(b.path[depth - 1]) != parent {
                continue;
            }
            let sibling = b.path[depth];
            if seen.contains(&sibling) {
                continue;
            }
            seen.push(sibling);
            if self.hint_of.get(&sibling).is_some_and(|h| h.0) {
                continue;
            }
            let bonus = if !top_class.is_empty() && class_of(sibling) == top_class {
                top_score * SIBLING_SHARE
            } else {
                0.0
            };
            let scored = score_of
                .get(&sibling)
                .is_some_and(|s| s + bonus >= threshold);
            // A paragraph sitting beside the container: a <p>, or an element
            // holding nothing but its own loose text (Readability's div-to-p).
            let own: Vec<&Block> = self.blocks[i..]
                .iter()
                .take_while(|x| x.path.get(depth) == Some(&sibling))
                .collect();
            let leaf = own
                .iter()
                .all(|x| x.path.len() == depth + 1 && x.kind == Kind::Para);
            let prose = (leaf || name_of(sibling) == "p") && {
                let text: usize = own.iter().map(|x| x.chars()).sum();
                let density = b.link_density();
                (text > 80 && density < 0.25)
                    || (density == 0.0 && b.text.trim_end().ends_with(['.', '!', '?', '"', '”']))
            };
            if scored || prose {
                accepted.push(sibling);
            }
        }
        accepted
    }

    /// Every container that got votes, best first, with its depth and score.
    fn ranked_containers(&self) -> Vec<(NodeId, usize, f64)> {
        // Readability-style votes: a paragraph scores its parent fully, its
        // grandparent half and its great-grandparent a third.
        // Scores in first-vote (document) order, so that ties break the same way
        // on every run.
        let mut slot: HashMap<NodeId, usize> = HashMap::new();
        let mut scores: Vec<(NodeId, f64, usize)> = Vec::new();
        // Text and link characters under every element, for link density.
        let mut totals: HashMap<NodeId, (usize, usize)> = HashMap::new();
        for b in &self.blocks {
            let chars = b.chars();
            for id in &b.path {
                let t = totals.entry(*id).or_insert((0, 0));
                t.0 += chars;
                t.1 += b.link_chars;
            }
            if !matches!(b.kind, Kind::Para | Kind::Quote | Kind::Pre) || chars < MIN_VOTING_CHARS {
                continue;
            }
            if b.link_density() > MAX_BLOCK_LINK_DENSITY
                || !b.neg.is_empty()
                || (chars <= BOILERPLATE_LINE_CHARS && is_boilerplate_line(&b.text))
            {
                continue;
            }
            let commas = b.text.matches([',', '،', '，']).count() as f64;
            let vote = 1.0 + commas + (chars as f64 / 100.0).min(3.0);
            // The block's own element is the paragraph; votes go to its parents.
            let own = b.path.len() - 1 + usize::from(b.direct);
            for (level, divider) in [(1usize, 1.0), (2, 2.0), (3, 3.0)] {
                let Some(depth) = own.checked_sub(level) else {
                    break;
                };
                let id = b.path[depth];
                let i = *slot.entry(id).or_insert_with(|| {
                    scores.push((id, 0.0, depth));
                    scores.len() - 1
                });
                scores[i].1 += vote / divider;
            }
        }
        let hint_of = &self.hint_of;
        let mut ranked = scores
            .into_iter()
            .map(|(id, score, depth)| {
                let (neg, pos) = hint_of.get(&id).copied().unwrap_or((false, false));
                if neg {
                    // Readability's "unlikely candidates": never the article.
                    return (id, depth, f64::MIN);
                }
                let mut s = score;
                if pos {
                    // At most doubling, so that a hinted container of one short
                    // line does not beat the article.
                    s += HINT_WEIGHT.min(s);
                }
                let (chars, links) = totals.get(&id).copied().unwrap_or((0, 0));
                let density = links as f64 / chars.max(1) as f64;
                (id, depth, s * (1.0 - density))
            })
            .collect::<Vec<_>>();
        ranked.sort_by(|a, b| b.2.total_cmp(&a.2));
        ranked
    }
}

/// Whether a block inside the chosen container is article text.
fn keep_block(b: &Block) -> bool {
    if b.kind == Kind::Title {
        return false;
    }
    let chars = b.chars();
    let density = b.link_density();
    if density > MAX_BLOCK_LINK_DENSITY {
        return false;
    }
    if chars <= BOILERPLATE_LINE_CHARS && is_boilerplate_line(&b.text) {
        return false;
    }
    true
}

/// Short lines that are page furniture, not article text.
fn is_boilerplate_line(text: &str) -> bool {
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

/// Tags and attributes that never hold article text.
fn skipped(name: &str, el: &scraper::node::Element) -> bool {
    if matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "option"
            | "textarea"
            | "button"
            | "input"
            | "label"
            | "nav"
            | "aside"
            | "footer"
            | "header"
            | "figure"
            | "figcaption"
            | "dialog"
            | "menu"
    ) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(role) = el.attr("role") {
        if matches!(
            role.trim(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "dialog"
                | "menu"
                | "search"
        ) {
            return true;
        }
    }
    false
}

/// The block kind an element starts, if it is block-level.
fn block_kind(name: &str) -> Option<Kind> {
    Some(match name {
        "p" | "div" | "section" | "article" | "main" | "body" | "center" | "address" | "table"
        | "tr" | "ul" | "ol" | "dl" | "details" | "summary" | "form" | "fieldset" => Kind::Para,
        "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
        "h1" => Kind::Title,
        "li" | "dd" | "dt" => Kind::Item,
        "blockquote" => Kind::Quote,
        "pre" => Kind::Pre,
        "td" | "th" => Kind::Cell,
        _ => return None,
    })
}

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
fn hints(el: &scraper::node::Element) -> (bool, bool) {
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

/// Appends `t` to `buf` with whitespace runs collapsed to one space.
fn push_collapsed(buf: &mut String, t: &str) {
    for (i, part) in t.split(char::is_whitespace).enumerate() {
        if i > 0 && !buf.ends_with(' ') && !buf.is_empty() {
            buf.push(' ');
        }
        buf.push_str(part);
    }
}

/// `s` with whitespace runs collapsed and trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Facts from the page's JSON-LD about its article.
#[derive(Debug, Default)]
struct LdInfo {
    headline: Option<String>,
    author: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    body: Option<String>,
}

impl LdInfo {
    fn from_scripts(scripts: &[String]) -> LdInfo {
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
        if !article && o.get("headline").is_none() {
            return;
        }
        let str_of = |k: &str| o.get(k).and_then(Value::as_str).map(collapse);
        if self.headline.is_none() {
            self.headline = str_of("headline").filter(|s| !s.is_empty());
        }
        if self.published.is_none() {
            self.published = str_of("datePublished");
        }
        if self.author.is_none() {
            self.author = o.get("author").and_then(names).filter(|s| !s.is_empty());
        }
        if self.publisher.is_none() {
            self.publisher = o.get("publisher").and_then(names).filter(|s| !s.is_empty());
        }
        if self.url.is_none() {
            self.url = str_of("url").filter(|u| u.starts_with("http"));
        }
        if self.body.is_none() {
            if let Some(b) = o.get("articleBody").and_then(Value::as_str) {
                let b = markup_to_text(b);
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

/// Separators between a headline and the site's name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • "];

/// The headline without a trailing " | Site" part. The part is dropped when it
/// names the outlet, or, for a `<title>`, when it is short next to the rest.
fn strip_title_suffix(title: &str, outlet: Option<&str>, from_title_tag: bool) -> String {
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

/// `YYYY-MM-DD` from the start of a date or date-time string (`2019-11-19`,
/// `2019-11-19T10:00:00Z`, `2019/11/19`).
fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return None;
    }
    if !matches!(b[4], b'-' | b'/') || b[7] != b[4] {
        return None;
    }
    let month: u32 = s[5..7].parse().ok()?;
    let day: u32 = s[8..10].parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(format!("{}-{}-{}", &s[0..4], &s[5..7], &s[8..10]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three paragraphs of article prose, enough to win any container vote.
    const PROSE: &str = "<p>The ferry left Galway at noon on Monday, carrying 212 passengers, \
        and reached the islands two hours later, the operator said.</p>\
        <p>Storm warnings had been lifted that morning, and the crossing was calm, \
        according to the coast guard, which had monitored the route overnight.</p>\
        <p>The operator plans to add a second daily sailing in the spring, \
        subject to approval by the harbour authority.</p>";

    fn page(head: &str, body: &str) -> String {
        format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
    }

    #[test]
    fn furniture_around_the_article_is_dropped() {
        let html = page(
            "<title>Ferry | Site</title>",
            &format!(
                "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>\
                 <div class='cookie-banner'><p>We use cookies to improve your experience, \
                 and by continuing you agree to our policy.</p></div>\
                 <div class='layout'><div class='story-body'>{PROSE}\
                 <p>Advertisement</p>\
                 <div class='related-links'><h3>Related</h3><ul>\
                 <li><a href='/a'>Ferry operator posts record profits in a strong summer season</a></li>\
                 <li><a href='/b'>Harbour authority approves the new terminal for the islands</a></li></ul></div>\
                 </div><aside><p>Most read: a long sidebar story, with commas, and more commas, that is not the article.</p></aside></div>\
                 <footer><p>Copyright 2024 The Post, all rights reserved.</p></footer>"
            ),
        );
        let doc = extract_html(&html);
        let paras: Vec<&str> = doc.text.split("\n\n").collect();
        assert_eq!(paras.len(), 3, "{}", doc.text);
        assert!(paras[0].starts_with("The ferry left Galway"));
        for gone in [
            "Home",
            "cookies",
            "Advertisement",
            "Related",
            "record profits",
            "Most read",
            "Copyright",
        ] {
            assert!(!doc.text.contains(gone), "{gone:?} in {}", doc.text);
        }
    }

    #[test]
    fn metadata_from_json_ld() {
        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org",
            "@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":"NewsArticle","headline":"Ferry reaches the islands",
             "author":[{"@type":"Person","name":"Aoife Brennan"},{"@type":"Person","name":"Ciaran Doyle"}],
             "datePublished":"2024-02-05T08:30:00+00:00",
             "publisher":{"@type":"Organization","name":"The Western Post"},
             "url":"https://example.org/ferry"}]}</script>"#;
        let doc = extract_html(&page(&format!("<title>Ferry | Site</title>{ld}"), PROSE));
        let m = &doc.meta;
        assert_eq!(m.title.as_deref(), Some("Ferry reaches the islands"));
        assert_eq!(m.byline.as_deref(), Some("Aoife Brennan, Ciaran Doyle"));
        assert_eq!(m.published.as_deref(), Some("2024-02-05"));
        assert_eq!(m.outlet.as_deref(), Some("The Western Post"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/ferry"));
    }

    #[test]
    fn metadata_from_meta_tags_wins_and_time_datetime_is_a_fallback() {
        let head = "<title>Ferry reaches the islands | The Western Post</title>\
            <meta property='og:site_name' content='The Western Post'>\
            <meta property='og:title' content='Ferry reaches the islands | The Western Post'>\
            <meta name='author' content='By Aoife Brennan in Galway'>\
            <link rel='canonical' href='https://example.org/ferry'>";
        let body =
            format!("<article><time datetime='2024-02-05T08:30'>Monday</time>{PROSE}</article>");
        let m = extract_html(&page(head, &body)).meta;
        assert_eq!(m.title.as_deref(), Some("Ferry reaches the islands"));
        assert_eq!(m.outlet.as_deref(), Some("The Western Post"));
        assert_eq!(m.byline.as_deref(), Some("Aoife Brennan"));
        assert_eq!(m.published.as_deref(), Some("2024-02-05"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/ferry"));
    }

    #[test]
    fn title_tag_loses_its_site_suffix_and_h1_comes_first() {
        let m = extract_html(&page(
            "<title>Ferry reaches the islands - Western Post</title>",
            PROSE,
        ))
        .meta;
        assert_eq!(m.title.as_deref(), Some("Ferry reaches the islands"));
        let m = extract_html(&page(
            "<title>Ferry | Western Post</title>",
            &format!("<h1>Ferry reaches the islands at last</h1>{PROSE}"),
        ))
        .meta;
        assert_eq!(
            m.title.as_deref(),
            Some("Ferry reaches the islands at last")
        );
        assert_eq!(
            strip_title_suffix("Dogs - a history", None, false),
            "Dogs - a history"
        );
    }

    #[test]
    fn rel_author_is_a_byline() {
        let body = format!("<article><p class='x'>By <a rel='author' href='/a'>Aoife Brennan</a></p>{PROSE}</article>");
        let m = extract_html(&page("", &body)).meta;
        assert_eq!(m.byline.as_deref(), Some("Aoife Brennan"));
    }

    #[test]
    fn entities_are_decoded() {
        let body = "<article><p>Fish &amp; chips cost &euro;12 &mdash; &quot;too much&quot;, \
            said O&#8217;Brien, at the pier&#x2019;s end, on Monday night.</p></article>";
        let doc = extract_html(&page("", body));
        assert_eq!(
            doc.text,
            "Fish & chips cost €12 — \"too much\", said O’Brien, at the pier’s end, on Monday night."
        );
    }

    #[test]
    fn script_style_and_noscript_never_reach_the_text() {
        let body = format!(
            "<article><script>var secret = 'SCRIPT_TEXT';</script>\
             <style>.x {{ content: 'STYLE_TEXT' }}</style>\
             <noscript><p>NOSCRIPT_TEXT, please enable JavaScript, it is required here.</p></noscript>\
             <template><p>TEMPLATE_TEXT, a template paragraph with commas, and more.</p></template>\
             {PROSE}<script>document.write('<p>WRITTEN_TEXT</p>')</script></article>"
        );
        let doc = extract_html(&page("<script>HEAD_SCRIPT</script>", &body));
        for gone in [
            "SCRIPT_TEXT",
            "STYLE_TEXT",
            "NOSCRIPT_TEXT",
            "TEMPLATE_TEXT",
            "WRITTEN_TEXT",
            "HEAD_SCRIPT",
        ] {
            assert!(!doc.text.contains(gone), "{gone} in {}", doc.text);
        }
        assert!(doc.text.contains("The ferry left Galway"));
    }

    #[test]
    fn json_ld_body_stands_in_when_the_page_shows_little() {
        let words = "The ferry crossed in calm seas and everyone arrived safely. ".repeat(12);
        let ld = format!(
            r#"<script type="application/ld+json">{{"@type":"Article","headline":"Ferry","articleBody":"{words}\n\nSecond &amp; last paragraph."}}</script>"#
        );
        let doc = extract_html(&page(
            &ld,
            "<div id='app'><p>Loading the article, please wait a moment.</p></div>",
        ));
        assert!(doc.text.starts_with("The ferry crossed"), "{}", doc.text);
        assert!(
            doc.text.ends_with("\n\nSecond & last paragraph."),
            "{}",
            doc.text
        );
    }

    #[test]
    fn malformed_and_truncated_html_does_not_panic() {
        for html in [
            "",
            "<",
            "<html><body><p>Unclosed <b>bold <i>italic",
            "<div><p>one<p>two</div></span></table>",
            "<script>never closed",
            "<p>&#xFFFFFFFF; &#0; &bogus; &amp",
            "<html><head><title>T</title><meta property='og:title'></head><body><article><p>Cut off mid-sen",
            r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>"#,
            &"<div>".repeat(5_000),
        ] {
            let _ = extract_html(html);
        }
        let doc = extract_html("<html><body><article><p>The ferry left Galway at noon on Monday, carrying 212 passengers, and reached the isl");
        assert!(
            doc.text.starts_with("The ferry left Galway"),
            "{}",
            doc.text
        );
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html("\u{feff}  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<html lang=en>"));
        assert!(!looks_like_html("The ferry <b> sank"));
    }

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

    #[test]
    fn dates_are_normalised() {
        assert_eq!(
            iso_date("2019-11-19T10:00:00Z").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(iso_date("2019/11/19").as_deref(), Some("2019-11-19"));
        assert_eq!(iso_date("2019-13-19"), None);
        assert_eq!(iso_date("Nov 19, 2019"), None);
    }

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
