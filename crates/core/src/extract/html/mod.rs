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
//! One file per concept, so that a change to how one thing is found lands in
//! one place:
//!
//! - `walk`: the one pass over the parsed page, into blocks and stated facts;
//! - `body`: the container vote and the blocks kept (steps 2 and 3);
//! - `hints`: what a class or id says (furniture or article);
//! - `furniture`: short lines that are never article text;
//! - `json_ld`: the facts of the page's JSON-LD, its `articleBody` among them;
//! - `metadata`: the facts the walk gathers, the outlet and URL, and how the
//!   fields make the [`Meta`]; `title`, `byline` and `published` each find and
//!   clean one field;
//! - `collapse`: whitespace collapsing, shared by all of them.
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

mod body;
mod byline;
mod collapse;
mod furniture;
mod hints;
mod json_ld;
mod metadata;
mod published;
mod title;
mod walk;

use scraper::Html;

use crate::model::Meta;

use json_ld::LdInfo;
use walk::Walker;

/// A body of fewer words than this is a line or two, not an article: the
/// page is read again without its furniture hints.
const SHORT_BODY_WORDS: usize = 30;

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
    let mut text = page.body_text(&doc);
    // An element left open whose class reads as furniture ("menu") holds
    // the rest of the page, article and all: when what survives the hints
    // is a line or two, the page is read again without them, and the
    // larger body wins.
    let words = text.split_whitespace().count();
    if words < SHORT_BODY_WORDS {
        page.forget_furniture_hints();
        let plain = page.body_text(&doc);
        if plain.split_whitespace().count() >= 2 * words.max(1) {
            text = plain;
        }
    }
    // A landmark left open holds the rest of the page (an unclosed
    // `<header>` does, as browsers parse it), so the article was skipped
    // with it: walked again into the landmarks, the best block is the body.
    if text.trim().is_empty() {
        let mut again = Walker::default();
        again.keep_landmarks = true;
        again.walk(&doc);
        // The landmark's own hint ("header") covers the article too.
        again.forget_furniture_hints();
        text = again.body_text(&doc);
    }
    let text = match ld.body.as_deref() {
        Some(body) if prefer_ld_body(&text, body) => body.to_string(),
        _ => text,
    };
    HtmlDocument {
        meta: page.stated.meta(&ld),
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

#[cfg(test)]
mod tests {
    use super::title::strip_title_suffix;
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

    /// Guards the marked body: paragraphs each in wrappers of their own
    /// inside `itemprop="articleBody"` are all the article, not the one
    /// that won the vote.
    #[test]
    fn the_body_the_page_marks_is_the_article_whole() {
        let wrap = |t: &str| {
            format!(
                "<div><div class='paragraph'><div class='paragraph-text'><div><p>{t}</p></div></div></div></div>"
            )
        };
        let long = "Third section. The council met on Monday, and agreed, after a long debate, \
            to fund the plan, which had been delayed twice, the mayor said, adding that the \
            town, its schools, its clubs and its shops, would all take part, as would the \
            farms, the mills, the bakeries, the churches and the two hospitals, by spring.";
        let html = page(
            "<title>Leaves</title>",
            &format!(
                "<div itemprop='articleBody'>{}{}{}</div><div class='teaser'><p>Other news.</p></div>",
                wrap("First section. The leaves are gathered in the town square every autumn."),
                wrap("Second section. A press turns the dried leaves into pellets for stoves."),
                wrap(long)
            ),
        );
        let text = extract_html(&html).text;
        for part in ["First section.", "Second section.", "Third section"] {
            assert!(text.contains(part), "{part} in {text:?}");
        }
        assert!(!text.contains("Other news"), "{text:?}");
    }

    /// Guards the short-body retry: when the furniture hints leave a line
    /// or two (here the page's footer line, because the article sits in a
    /// "tools" pane left open), the page read without them gives the body.
    #[test]
    fn a_body_of_a_line_or_two_gives_way_to_the_article_under_a_furniture_class() {
        let html = "<div class='panel-pane pane-block pane-print-0 panel-pane-tools'>\
            The ferry left Galway at noon on Monday with 212 passengers, the operator said.</div>\
            https://example.org/watch?v=S9H4aAzKDUo The Post is hiring. Legal notice. \
            Find us on &copy; THE POST 2020";
        let doc = extract_html(html);
        assert!(doc.text.contains("The ferry left Galway"), "{:?}", doc.text);
    }

    /// Guards the landmark fallback: a page whose `<header>` is never closed
    /// holds its article inside it (as browsers parse it); the article is
    /// still the body, never an empty one.
    #[test]
    fn an_article_inside_a_header_left_open_is_the_body() {
        let html = page(
            "<title>Ferry</title>",
            &format!(
                "<header id='header' class='header' role='banner'><div class='logo'>Western Post</div>\
                 <div class='article-body'>{PROSE}</div><p class='comments'>Log in to comment.</p>"
            ),
        );
        let doc = extract_html(&html);
        assert!(
            doc.text.starts_with("The ferry left Galway"),
            "{:?}",
            doc.text
        );
        // A closed header is furniture as before.
        let html = page(
            "",
            &format!("<header><p>Western Post, the islands' paper since 1901, read by all.</p></header><article>{PROSE}</article>"),
        );
        assert!(!extract_html(&html).text.contains("since 1901"));
    }

    /// Guards the second vote: an article wrapped in an element whose class
    /// reads as furniture ("share") is still the body, not an empty one.
    #[test]
    fn an_article_under_a_furniture_class_is_not_lost() {
        let html = page(
            "<title>Ferry</title>",
            &format!(
                "<article class='post share'><div class='entry share'>{PROSE}</div></article>"
            ),
        );
        let doc = extract_html(&html);
        assert!(
            doc.text.starts_with("The ferry left Galway"),
            "{:?}",
            doc.text
        );
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
        // The headline the reader sees beats the one written for sharing.
        let m = extract_html(&page(
            "<meta property='og:title' content='Paving fiasco: the high street in ruins'>",
            &format!("<h1>The town sues the builder over bad paving stones</h1>{PROSE}"),
        ))
        .meta;
        assert_eq!(
            m.title.as_deref(),
            Some("The town sues the builder over bad paving stones")
        );
        // Unless the heading is no headline: a lone word, the site's name.
        let m = extract_html(&page(
            "<meta property='og:title' content='Ferry reaches the islands at last'>",
            &format!("<h1>Menu</h1>{PROSE}"),
        ))
        .meta;
        assert_eq!(
            m.title.as_deref(),
            Some("Ferry reaches the islands at last")
        );
    }

    #[test]
    fn rel_author_is_a_byline() {
        let body = format!("<article><p class='x'>By <a rel='author' href='/a'>Aoife Brennan</a></p>{PROSE}</article>");
        let m = extract_html(&page("", &body)).meta;
        assert_eq!(m.byline.as_deref(), Some("Aoife Brennan"));
    }

    /// Guards the byline's sources: many sites fill the author meta tag with
    /// their own or their publisher's name, and state the writer in JSON-LD
    /// as a `Person`; an author stated as an `Organization` is no byline.
    #[test]
    fn a_json_ld_person_comes_before_the_author_meta_and_an_organisation_is_no_byline() {
        let ld = |author: &str| {
            format!(
                "<meta name='author' content='Example Times'>\
                 <script type='application/ld+json'>{{\"@type\": \"NewsArticle\", \"author\": {author}}}</script>"
            )
        };
        let body = format!("<article>{PROSE}</article>");
        let m = extract_html(&page(
            &ld(r#"{"@type": "Person", "name": "Aoife Brennan"}"#),
            &body,
        ))
        .meta;
        assert_eq!(m.byline.as_deref(), Some("Aoife Brennan"));
        // Untyped, the meta tag still comes first.
        let m = extract_html(&page(&ld(r#""Aoife Brennan""#), &body)).meta;
        assert_eq!(m.byline.as_deref(), Some("Example Times"));
        let org = r#"<script type='application/ld+json'>{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Example Times"}}</script>"#;
        let m = extract_html(&page(org, &body)).meta;
        assert_eq!(m.byline, None);
    }

    /// Guards the byline from markup: microdata `itemprop="author"` and an
    /// author class give the names; a comment's author does not.
    #[test]
    fn an_element_marked_as_the_author_is_a_byline_and_a_comment_author_is_not() {
        let body = format!(
            "<article><h1>Ferries</h1><div class='meta'><span itemprop='author' itemscope><span itemprop='name'>Aoife Brennan</span></span></div>{PROSE}</article>"
        );
        assert_eq!(
            extract_html(&page("", &body)).meta.byline.as_deref(),
            Some("Aoife Brennan")
        );
        let body = format!(
            "<article><h1>Ferries</h1><p class='entry-author'>Text: Aoife Brennan</p>{PROSE}</article>"
        );
        assert_eq!(
            extract_html(&page("", &body)).meta.byline.as_deref(),
            Some("Aoife Brennan")
        );
        let body = format!(
            "<article><h1>Ferries</h1>{PROSE}</article><div class='comments'><span class='comment-author'>Bo Kim</span></div>"
        );
        assert_eq!(extract_html(&page("", &body)).meta.byline, None);
    }

    /// Guards the outlet's agreement with the address: a stated site name
    /// that shares nothing with the host (a section's) gives way to the
    /// publisher that spells it; with no name stated, the host's name as the
    /// title writes it.
    #[test]
    fn the_outlet_is_the_name_that_spells_the_address() {
        let outlet = |head: &str| extract_html(&page(head, PROSE)).meta.outlet;
        let canonical = "<link rel='canonical' href='https://www.westernpost.com/world/ferry'>";
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Western Post"}}</script>"#;
        assert_eq!(
            outlet(&format!(
                "{canonical}<meta property='og:site_name' content='World'>{ld}"
            ))
            .as_deref(),
            Some("Western Post")
        );
        assert_eq!(
            outlet(&format!(
                "{canonical}<meta property='og:site_name' content='The Western Post'>{ld}"
            ))
            .as_deref(),
            Some("The Western Post")
        );
        assert_eq!(
            outlet(&format!(
                "{canonical}<title>Ferry sinks | WesternPost</title>"
            ))
            .as_deref(),
            Some("WesternPost")
        );
        assert_eq!(outlet(canonical).as_deref(), Some("westernpost.com"));
    }

    /// Guards the order of the date's sources: the day an address names
    /// comes before a restamped meta date; a meta name from the wider table
    /// counts; a date set inside the headline element is the shown one; a
    /// stated time with the publisher's own offset keeps its day against a
    /// shown day next to it, where a UTC time gives way.
    #[test]
    fn the_address_a_wider_meta_table_the_headline_and_the_zone_date_a_page() {
        let date = |head: &str, body: &str| extract_html(&page(head, body)).meta.published;
        let article = format!("<article>{PROSE}</article>");
        assert_eq!(
            date(
                "<link rel='canonical' href='https://example.org/home/2017/7/12/montauk'>\
                 <meta itemprop='datePublished' content='2019-06-17T18:28:00+0200'>",
                &article
            )
            .as_deref(),
            Some("2017-07-12")
        );
        assert_eq!(
            date(
                "<meta name='publication_date' content='2022-02-08T14:00:00'>",
                &article
            )
            .as_deref(),
            Some("2022-02-08")
        );
        assert_eq!(
            date(
                "",
                &format!(
                    "<h1>Fans return to the arenas<br><small>02.02.2022</small></h1>{article}"
                )
            )
            .as_deref(),
            Some("2022-02-02")
        );
        let shown = format!("<h1>Tension in the cabinet</h1><p>3 May 2022</p>{article}");
        assert_eq!(
            date(
                "<meta property='article:published_time' content='2022-05-04T01:46:08-03:00'>",
                &shown
            )
            .as_deref(),
            Some("2022-05-04")
        );
        assert_eq!(
            date(
                "<meta property='article:published_time' content='2022-05-04T01:46:08Z'>",
                &shown
            )
            .as_deref(),
            Some("2022-05-03")
        );
    }

    /// Guards the dates from markup and the last resorts: an element marked
    /// as the date (microdata, hAtom's `title`, a class naming a publication
    /// date), a `WebPage`'s JSON-LD date, then the date it was modified.
    #[test]
    fn a_marked_date_a_web_page_date_and_then_a_modified_date_are_read() {
        let date = |head: &str, body: &str| extract_html(&page(head, body)).meta.published;
        let body =
            |marked: &str| format!("<div class='sidebar'>{marked}</div><article>{PROSE}</article>");
        assert_eq!(
            date(
                "",
                &body("<span class='itemPostDate'>am 25.08.2015 22:30</span>")
            )
            .as_deref(),
            Some("2015-08-25")
        );
        assert_eq!(
            date(
                "",
                &body("<abbr class='published' title='2013-04-04T18:52:11+00:00'>April 4</abbr>")
            )
            .as_deref(),
            Some("2013-04-04")
        );
        assert_eq!(
            date(
                "",
                &body("<meta itemprop='datePublished' content='2019-03-02'>")
            )
            .as_deref(),
            Some("2019-03-02")
        );
        // An update's date is no publication date.
        assert_eq!(
            date("", &body("<span class='date-updated'>1.2.2020</span>")),
            None
        );
        let ld = |json: &str| format!("<script type='application/ld+json'>{json}</script>");
        assert_eq!(
            date(
                &ld(r#"{"@type": "WebPage", "datePublished": "2014-03-17T01:44:37+00:00"}"#),
                &body("")
            )
            .as_deref(),
            Some("2014-03-17")
        );
        assert_eq!(
            date(&ld(r#"{"@type": "NewsArticle", "headline": "Ferries", "dateModified": "2021-11-11"}"#), &body("")).as_deref(),
            Some("2021-11-11")
        );
    }

    /// Guards the headline among the headings: a blog's name (or "Menu") in
    /// the first `<h1>` gives way to the later heading that is the
    /// `<title>`'s headline part.
    #[test]
    fn a_blog_name_in_the_first_h1_gives_way_to_the_heading_the_title_names() {
        let head = "<title>Ferries return to the harbour of Varna | Harbour Notes</title>";
        let body = format!(
            "<header><h1>Harbour Notes</h1></header><article><h2>Ferries return to the harbour of Varna</h2>{PROSE}</article>"
        );
        assert_eq!(
            extract_html(&page(head, &body)).meta.title.as_deref(),
            Some("Ferries return to the harbour of Varna")
        );
        let body = format!("<nav><h1>Menu</h1></nav><article><h1>Ferries return to the harbour of Varna</h1>{PROSE}</article>");
        let head = "<title>Ferries return to the harbour of Varna » Harbour Notes</title>";
        assert_eq!(
            extract_html(&page(head, &body)).meta.title.as_deref(),
            Some("Ferries return to the harbour of Varna")
        );
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
}
