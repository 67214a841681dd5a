//! Phrases of web debris in scraped text: markers that open a link to
//! elsewhere ("SEE ALSO:"), the prefixes of page furniture ("Advertisement",
//! "Photo:") and calls to action ("sign up"). The cleaning stage compares them
//! with the lowercased head of a paragraph; they are phrases of English-language
//! sites in general, never the strings of one site.

/// Link markers that open a paragraph pointing elsewhere (compared case-insensitively,
/// including the colon).
pub(crate) const LINK_MARKERS: &[&str] = &[
    "see also:",
    "read more:",
    "read also:",
    "also read:",
    "more:",
    "related:",
    "recommended:",
    "watch:",
    "watch now:",
    "listen:",
    "trending:",
    "don't miss:",
    "must read:",
    "explainer:",
    "opinion:",
    "live:",
];

/// Whole paragraphs that are page furniture when they *start* with one of these
/// (compared case-insensitively, apostrophes normalised to `'`).
pub(crate) const BOILERPLATE_PREFIXES: &[&str] = &[
    "your browser doesn't support",
    "your browser does not support",
    "this video is not available",
    "this content is not available",
    "please enable javascript",
    "advertisement",
    "sponsored content",
    "photo:",
    "photograph:",
    "image:",
    "picture:",
    "video:",
    "credit:",
    "file photo",
    "sign up for",
    "sign up to",
    "subscribe to",
    "subscribe now",
    "click here",
    "share this",
    "share on",
    "follow us on",
    "skip to",
    "copyright ©",
    "© ",
    "all rights reserved",
    "download our app",
    "get the latest",
    "image caption",
    "media caption",
    "image source",
    "listen to this article",
    "more on this story",
    "related topics",
    "play video",
    "watch video",
    "getty images",
];

/// Phrases that make a short paragraph a promo rather than reporting.
pub(crate) const CALLS_TO_ACTION: &[&str] = &[
    "click here",
    "sign up",
    "subscribe",
    "newsletter",
    "download our app",
    "download the app",
    "follow us",
    "tap here",
    "gives you the latest",
];
