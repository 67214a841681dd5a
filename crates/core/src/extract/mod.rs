//! Extraction: from raw article text to an [`Article`].
//!
//! The pipeline runs in stages, one file each, in this order:
//!
//! 1. [`decode`](mod@decode): bytes to text, refusing binary and empty input with a clear error;
//! 2. [`clean`]: paragraphs normalised, web debris removed (and listed in `removed`);
//! 3. [`sentences`]: sentence boundaries (from the text layer)
//!    that later stages and the title rely on;
//! 4. [`entities`]: people, places and organisations with their mentions;
//! 5. [`quotes`]: quoted speech with its speaker;
//! 6. [`dates`]: date expressions, normalised against the publication date;
//! 7. [`quantities`]: numbers with their unit or counted noun.
//!
//! [`aliases`] then merges entities across a whole corpus (see [`crate::Corpus`]).
//! The word lists every stage reads are in one place, the [`lexicon`].
//!
//! A saved web page first goes through `html` (the `html` feature, on by default):
//! [`extract_document`] finds its article body and metadata, and the body then runs
//! through the same stages as any text.
//!
//! Every later stage annotates the clean text with byte spans; none edits it.
//! An article without a title in its metadata gets one from its opening
//! sentence (`title`).

pub mod aliases;
pub mod clean;
pub mod dates;
pub mod decode;
pub mod entities;
pub mod gazetteer;
#[cfg(feature = "html")]
pub mod html;
pub mod lexicon;
pub mod quantities;
pub mod quotes;
mod title;

pub use decode::{decode, decode_detect, Decoded};
pub use title::derive_title;

use crate::model::{Article, Meta};
use crate::text::{self, sentences, Spans};

/// Runs the whole pipeline on one article's text.
///
/// `file` is the file name (its stem becomes the id); `meta` supplies what is known
/// about the article, and whatever it lacks is derived where the text allows.
pub fn extract(file: &str, raw: &str, meta: &Meta) -> Article {
    run(file, raw, meta, false).0
}

/// [`extract`], and where the tokens of the article's text are, for the index
/// ([`crate::Builder::push_spans`]); `None` for a text too long to say.
pub fn extract_with_spans(file: &str, raw: &str, meta: &Meta) -> (Article, Option<Spans>) {
    run(file, raw, meta, true)
}

fn run(file: &str, raw: &str, meta: &Meta, want_spans: bool) -> (Article, Option<Spans>) {
    let cleaned = clean::clean(raw);
    let text = cleaned.text;
    let title = meta
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| derive_title(&text));
    // One tokenization and one fold for every stage.
    let (toks, folded) = tokenize_fold(&text);
    let keys = folded.keys();
    let sents: Vec<std::ops::Range<usize>> = sentences::split(&text).collect();
    let starts: Vec<usize> = sents.iter().map(|r| r.start).collect();
    let entities = entities::find_in(&text, &toks, &keys, &starts);
    let quotes = quotes::find_in(&text, &entities, &sents);
    let dates = dates::find_in(&text, &toks, &keys, meta.published.as_deref());
    let quantities = quantities::find_in(&text, &toks, &keys);
    let word_count = toks.len();
    let spans = want_spans
        .then(|| {
            let mut spans = Spans::with_capacity(toks.len());
            toks.iter()
                .zip(&folded.spans)
                .all(|(t, k)| spans.push(t.start, t.end, matches!(k, KeySpan::Lower(..))))
                .then_some(spans)
        })
        .flatten();
    let article = Article {
        file: file.to_string(),
        id: id_from_file(file),
        title,
        byline: meta.byline.clone(),
        published: meta.published.clone(),
        outlet: meta.outlet.clone(),
        url: meta.url.clone(),
        word_count,
        text,
        removed: cleaned.removed,
        entities,
        quotes,
        dates,
        quantities,
    };
    (article, spans)
}

/// Folded keys of every token, without an allocation per word.
///
/// The key of a plain ASCII token (most words of English text) is its
/// lowercase form, which is the same span of the text with ASCII letters
/// lowercased: one lowercase copy of the whole text serves all of them. Keys of
/// the other tokens are folded one after another into one buffer.
pub(crate) struct Folded {
    /// The text with its ASCII letters lowercased (the same byte offsets).
    lower: String,
    /// The keys of the tokens that are not plain ASCII, back to back.
    other: String,
    /// Where each token's key lies, in order.
    spans: Vec<KeySpan>,
}

/// Where one key of [`Folded`] lies.
enum KeySpan {
    /// A span of [`Folded::lower`].
    Lower(usize, usize),
    /// A span of [`Folded::other`].
    Other(usize, usize),
}

impl Folded {
    /// The key of each token, in order.
    pub(crate) fn keys(&self) -> Vec<&str> {
        self.spans
            .iter()
            .map(|s| match *s {
                KeySpan::Lower(a, b) => &self.lower[a..b],
                KeySpan::Other(a, b) => &self.other[a..b],
            })
            .collect()
    }
}

/// Every token of `text` ([`text::tokens`]) with its key ([`text::fold`]),
/// in one pass over the text.
///
/// A plain ASCII token (most of English text) comes from
/// [`text::Tokens::next_step`] as offsets, and its key is its span of the
/// lowercased text (see [`Folded`]): no character decoding and no copy per
/// word. Any other token is folded in full.
pub(crate) fn tokenize_fold(text: &str) -> (Vec<text::Token<'_>>, Folded) {
    // About one token per six bytes of news text: sized so that the vectors
    // seldom grow (each growth copies everything so far).
    let mut toks = Vec::with_capacity(text.len() / 5 + 8);
    let mut spans = Vec::with_capacity(text.len() / 5 + 8);
    let mut other = String::new();
    let mut it = text::tokens(text);
    while let Some(step) = it.next_step() {
        match step {
            text::Step::Ascii(start, end) => {
                toks.push(text::Token {
                    text: &text[start..end],
                    start,
                    end,
                });
                spans.push(KeySpan::Lower(start, end));
            }
            text::Step::Other(t) => {
                let base = other.len();
                text::fold_append(t.text, &mut other);
                toks.push(t);
                spans.push(KeySpan::Other(base, other.len()));
            }
        }
    }
    let folded = Folded {
        lower: text.to_ascii_lowercase(),
        other,
        spans,
    };
    (toks, folded)
}

/// Runs the pipeline on a file of any supported kind: a saved web page (a file
/// ending in `.html` or `.htm`, or text that opens like HTML) has its article body
/// and metadata extracted first; anything else is text for [`extract`].
///
/// What `meta` states wins over what the page says about itself (a sidecar file
/// is the caller's correction). Without the `html` feature every input is text.
pub fn extract_document(file: &str, raw: &str, meta: &Meta) -> Article {
    document(file, raw, meta, false).0
}

/// [`extract_document`], and where the tokens of the article's text are (see
/// [`extract_with_spans`]).
pub fn extract_document_with_spans(file: &str, raw: &str, meta: &Meta) -> (Article, Option<Spans>) {
    document(file, raw, meta, true)
}

fn document(file: &str, raw: &str, meta: &Meta, want_spans: bool) -> (Article, Option<Spans>) {
    #[cfg(feature = "html")]
    if is_html(file, raw) {
        let page = html::extract_html(raw);
        let merged = Meta {
            title: meta.title.clone().or(page.meta.title),
            outlet: meta.outlet.clone().or(page.meta.outlet),
            published: meta.published.clone().or(page.meta.published),
            url: meta.url.clone().or(page.meta.url),
            byline: meta.byline.clone().or(page.meta.byline),
        };
        return run(file, &page.text, &merged, want_spans);
    }
    run(file, raw, meta, want_spans)
}

/// Whether a file is a web page: by its extension, or by how its text opens.
#[cfg(feature = "html")]
pub fn is_html(file: &str, raw: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm") || html::looks_like_html(raw)
}

/// The id of an article: its file name without directories or extension.
pub fn id_from_file(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match name.rfind('.') {
        Some(dot) if dot > 0 => name[..dot].to_string(),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_is_the_file_stem() {
        assert_eq!(id_from_file("corpus/000_55de.txt"), "000_55de");
        assert_eq!(id_from_file("a.b.html"), "a.b");
        assert_eq!(id_from_file(".hidden"), ".hidden");
    }

    #[test]
    fn meta_title_wins_over_derived() {
        let meta = Meta {
            title: Some("Given".into()),
            ..Meta::default()
        };
        assert_eq!(extract("x.txt", "Body text here.", &meta).title, "Given");
    }

    #[cfg(feature = "html")]
    #[test]
    fn web_pages_are_extracted_before_the_pipeline() {
        let page = "<!DOCTYPE html><html><head><title>Ferry sinks | The Post</title>\
                    <meta property=\"article:published_time\" content=\"2024-02-05T08:00:00Z\">\
                    </head><body><nav>Home World</nav><article>\
                    <p>The ferry sank off Galway on Monday, and all passengers were rescued.</p>\
                    </article></body></html>";
        let a = extract_document("ferry.html", page, &Meta::default());
        assert_eq!(a.id, "ferry");
        assert_eq!(a.title, "Ferry sinks");
        assert_eq!(a.published.as_deref(), Some("2024-02-05"));
        assert!(a.text.starts_with("The ferry sank"), "{}", a.text);
        assert!(!a.text.contains("Home"));
        // Sniffed without the extension; the caller's metadata wins.
        let given = Meta {
            title: Some("Given".into()),
            ..Meta::default()
        };
        let b = extract_document("ferry.txt", page, &given);
        assert_eq!(b.title, "Given");
        assert_eq!(b.text, a.text);
        // Plain text stays plain text.
        let c = extract_document("note.txt", "<b> is bold in HTML.", &Meta::default());
        assert_eq!(c.text, "<b> is bold in HTML.");
    }
}
