//! One walk over the parsed page: it turns the document into text blocks for
//! the body and, on the way, gathers what the page states about itself
//! ([`Stated`]) and its JSON-LD scripts, so that the page is traversed once.
//!
//! What is never article text is skipped here, by tag, attribute or role
//! ([`skipped`]), and each block remembers its ancestors, its link text and
//! which ancestors carry boilerplate hints; which blocks make the body is
//! decided over them in [`body`](super::body).

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{Html, Node};

use super::collapse::{collapse, push_collapsed};
use super::hints::hints;
use super::metadata::Stated;

/// A boilerplate-hinted element holding at least this share of the page's text
/// is a wrapper, not furniture.
const WRAPPER_SHARE: f64 = 0.5;

/// What kind of block a piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
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
pub(super) struct Block {
    pub(super) text: String,
    /// Characters of `text` inside links.
    pub(super) link_chars: usize,
    pub(super) kind: Kind,
    /// Element ancestors from the root down to the block's own element.
    pub(super) path: Vec<NodeId>,
    /// Indexes into `path` of ancestors with boilerplate class/id hints.
    pub(super) neg: Vec<usize>,
    /// The text sits directly in a container (a `<div>` with loose text), which
    /// then votes for itself as a paragraph's parent would.
    pub(super) direct: bool,
}

impl Block {
    pub(super) fn chars(&self) -> usize {
        self.text.chars().count()
    }

    pub(super) fn link_density(&self) -> f64 {
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
    /// Its text is code or markup, never shown (script, style, template).
    code: bool,
}

/// One pass over the document: blocks for the body, raw facts for the metadata.
#[derive(Debug, Default)]
pub(super) struct Walker {
    /// Walk into the page's landmarks (`<header>`, `<nav>`, `<aside>`,
    /// `<footer>` and their roles) instead of skipping them: for a page
    /// whose article is inside one.
    pub(super) keep_landmarks: bool,
    /// The first element the page marks as the article's body (schema.org's
    /// `itemprop="articleBody"`), with its depth in a block's `path`.
    pub(super) marked_body: Option<(NodeId, usize)>,
    pub(super) blocks: Vec<Block>,
    stack: Vec<Open>,
    /// Depth of skipped elements currently open.
    skipping: usize,
    buf: String,
    buf_links: usize,
    /// The raw text of every JSON-LD script, in document order.
    pub(super) ld_json: Vec<String>,
    /// Meta tags, `<title>`, `<h1>`, canonical link, rel=author, `<time>`.
    pub(super) stated: Stated,
    /// Text of the element being collected for metadata (title, script, ...).
    capture: Option<(Capture, String)>,
    /// Whether the `<h1>` is being collected (it is also a block).
    h1_open: Option<String>,
    /// An `<h1>` or `<h2>` being collected for [`Stated::headings`].
    heading_open: Option<String>,
    rel_author_open: Option<String>,
    /// An element marked as the author's being read: its depth in the stack
    /// and its text nodes so far.
    marked_open: Option<(usize, Vec<String>)>,
    /// An element marked as the article's date being read, as `marked_open`.
    date_open: Option<(usize, Vec<String>)>,
    /// (negative, positive) class/id hints of the elements that have any.
    pub(super) hint_of: HashMap<NodeId, (bool, bool)>,
    /// Text nodes with a digit read for a shown date since the `<h1>` closed;
    /// the date near the headline is in the first few.
    date_looks: usize,
    /// Text nodes read for a shown byline since the `<h1>` closed, and whether
    /// the last one was an opener alone ("By"), whose names come next.
    byline_looks: usize,
    byline_opened: bool,
}

/// Whether an element is marked as holding one fact of the article: by its
/// microdata `itemprop`, or by a class token (lowercased) that `class_says`
/// accepts.
fn marked_as(
    el: &scraper::node::Element,
    itemprop: &str,
    class_says: impl Fn(&str) -> bool,
) -> bool {
    el.attr("itemprop").is_some_and(|p| {
        p.split_whitespace()
            .any(|p| p.eq_ignore_ascii_case(itemprop))
    }) || el.attr("class").is_some_and(|c| {
        c.split_whitespace()
            .any(|t| class_says(&t.to_ascii_lowercase()))
    })
}

/// Whether an element is marked as holding the article's author: microdata
/// `itemprop="author"`, or a class token that names an author or a byline
/// ("author", "byline", "entry-author", "post-author-name"). A comment's
/// author ("comment-author") is not the article's.
fn marks_author(el: &scraper::node::Element) -> bool {
    marked_as(el, "author", |t| {
        (t.contains("author") || t.contains("byline")) && !t.contains("comment")
    })
}

/// Whether an element is marked as holding the article's date: microdata
/// `itemprop="datePublished"`, hAtom's `published`, or a class token that
/// names a date or a publication ("post-date", "itemPostDate",
/// "field--name-field-publishing-date"), but not an update's or a comment's.
fn marks_date(el: &scraper::node::Element) -> bool {
    marked_as(el, "datePublished", |t| {
        (t == "published" || t.contains("date") || t.contains("publish"))
            && !t.contains("comment")
            && !t.contains("update")
            && !t.contains("modified")
    })
}

/// The text nodes of a marked element that `open` holds, taken once the
/// element at that depth closes (`depth` is the stack's length before the
/// pop).
fn closing(open: &mut Option<(usize, Vec<String>)>, depth: usize) -> Option<Vec<String>> {
    if open.as_ref().is_some_and(|(d, _)| *d + 1 == depth) {
        open.take().map(|(_, texts)| texts)
    } else {
        None
    }
}

/// Headings kept for the title: the post's title sits within the first few.
const HEADINGS: usize = 12;

/// Text nodes with a digit read after the `<h1>` for a shown date: the dateline
/// sits beside the headline, and a date much further down is another story's.
const DATE_LOOKS: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    Title,
    LdJson,
}

impl Walker {
    pub(super) fn walk(&mut self, doc: &Html) {
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
            "meta" => self.stated.meta_tag(el),
            "link" => self.stated.link_tag(el),
            "title" if self.stated.title.is_none() && self.capture.is_none() => {
                self.capture = Some((Capture::Title, String::new()))
            }
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                self.capture = Some((Capture::LdJson, String::new()))
            }
            "time" => self.stated.time_tag(el),
            _ => {}
        }
        if name == "h1" && self.stated.h1.is_none() {
            self.h1_open = Some(String::new());
        }
        if matches!(name, "h1" | "h2")
            && self.heading_open.is_none()
            && self.stated.headings.len() < HEADINGS
        {
            self.heading_open = Some(String::new());
        }
        if name == "a"
            && el
                .attr("rel")
                .is_some_and(|r| r.split_whitespace().any(|r| r == "author"))
        {
            self.rel_author_open = Some(String::new());
        }
        if self.marked_open.is_none()
            && self.stated.marked_author.is_none()
            && self.stack.iter().all(|o| !o.code)
            && marks_author(el)
        {
            self.marked_open = Some((self.stack.len(), Vec::new()));
        }
        if self.date_open.is_none()
            && self.stated.marked_date.is_none()
            && self.stack.iter().all(|o| !o.code)
            && marks_date(el)
        {
            match super::published::marked_attr_date(el) {
                Some(d) => self.stated.marked_date = Some(d),
                None => self.date_open = Some((self.stack.len(), Vec::new())),
            }
        }
        let skip = skipped(name, el, self.keep_landmarks);
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
        if self.marked_body.is_none()
            && self.skipping == 0
            && el.attr("itemprop").is_some_and(|v| {
                v.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("articlebody"))
            })
        {
            self.marked_body = Some((id, self.stack.len()));
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
            code: matches!(
                name,
                "script" | "style" | "noscript" | "template" | "head" | "svg"
            ),
        });
    }

    fn close(&mut self, el: &scraper::node::Element) {
        let name = el.name();
        if let Some((what, text)) = self.capture.take() {
            match (what, name) {
                (Capture::Title, "title") => self.stated.title = Some(collapse(&text)),
                (Capture::LdJson, "script") => self.ld_json.push(text),
                _ => self.capture = Some((what, text)),
            }
        }
        if matches!(name, "h1" | "h2") {
            if let Some(t) = self.heading_open.take() {
                let t = collapse(&t);
                if !t.is_empty() {
                    self.stated.headings.push(t);
                }
            }
        }
        if name == "h1" {
            if let Some(t) = self.h1_open.take() {
                let t = collapse(&t);
                if !t.is_empty() {
                    // A date set inside the headline element ("Title<br><small>
                    // 02.02.2022</small>") is the one shown beside it.
                    if self.stated.shown_date.is_none() {
                        self.stated.shown_date = super::published::shown_date(&t);
                    }
                    self.stated.h1 = Some(t);
                }
            }
        }
        if name == "a" {
            if let Some(t) = self.rel_author_open.take() {
                let t = collapse(&t);
                if !t.is_empty() {
                    self.stated.rel_author.push(t);
                }
            }
        }
        let depth = self.stack.len();
        if let Some(texts) = closing(&mut self.marked_open, depth) {
            self.stated.marked_author = super::byline::marked(&texts);
        }
        if let Some(texts) = closing(&mut self.date_open, depth) {
            self.stated.marked_date = super::published::shown_date(&texts.join(" "));
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
        if let Some(h) = self.heading_open.as_mut() {
            h.push_str(t);
        }
        if let Some(a) = self.rel_author_open.as_mut() {
            a.push_str(t);
        }
        for (_, texts) in [self.marked_open.as_mut(), self.date_open.as_mut()]
            .into_iter()
            .flatten()
        {
            if !t.trim().is_empty() && texts.len() < 16 {
                texts.push(t.to_string());
            }
        }
        if self.stated.h1.is_some()
            && self.stated.shown_date.is_none()
            && self.date_looks < DATE_LOOKS
            && t.bytes().any(|b| b.is_ascii_digit())
            && self.stack.iter().all(|o| !o.code)
        {
            self.date_looks += 1;
            self.stated.shown_date = super::published::shown_date(t);
        }
        if self.stated.h1.is_some()
            && self.stated.shown_byline.is_none()
            && self.byline_looks < DATE_LOOKS
            && !t.trim().is_empty()
            && self.stack.iter().all(|o| !o.code)
        {
            self.byline_looks += 1;
            let t = collapse(t);
            if self.byline_opened {
                self.byline_opened = false;
                self.stated.shown_byline = super::byline::shown(&t);
            } else if let Some(rest) = super::byline::after_opener(&t) {
                if rest.is_empty() {
                    self.byline_opened = true;
                } else {
                    self.stated.shown_byline = super::byline::shown(rest);
                }
            }
        }
        if self.skipping > 0 {
            return;
        }
        let pre = self.stack.iter().any(|o| o.pre);
        let in_link = self.stack.iter().any(|o| o.link);
        let before = self.buf.len();
        if pre {
            self.buf.push_str(&super::collapse::visible(t));
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
}

/// Tags and attributes that never hold article text.
fn skipped(name: &str, el: &scraper::node::Element, keep_landmarks: bool) -> bool {
    let landmark = matches!(name, "nav" | "aside" | "footer" | "header")
        || el.attr("role").is_some_and(|r| {
            matches!(
                r.trim(),
                "navigation" | "banner" | "contentinfo" | "complementary"
            )
        });
    if landmark {
        return !keep_landmarks;
    }
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
        if matches!(role.trim(), "dialog" | "menu" | "search") {
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
