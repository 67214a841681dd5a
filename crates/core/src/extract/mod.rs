//! Extraction: from raw article text to an [`Article`].
//!
//! The pipeline runs in stages, one file each, in this order:
//!
//! 1. [`decode`]: bytes to text, refusing binary and empty input with a clear error;
//! 2. [`clean`]: paragraphs normalised, web debris removed (and listed in `removed`);
//! 3. [`sentences`]: sentence boundaries that later stages and the title rely on;
//! 4. [`entities`]: people, places and organisations with their mentions;
//! 5. [`quotes`]: quoted speech with its speaker;
//! 6. [`dates`]: date expressions, normalised against the publication date;
//! 7. [`quantities`]: numbers with their unit or counted noun.
//!
//! [`aliases`] then merges entities across a whole corpus (see [`crate::Corpus`]).
//!
//! A saved web page first goes through `html` (the `html` feature, on by default):
//! [`extract_document`] finds its article body and metadata, and the body then runs
//! through the same stages as any text.
//!
//! Every later stage annotates the clean text with byte spans; none edits it.

pub mod aliases;
pub mod clean;
pub mod dates;
pub mod entities;
pub mod gazetteer;
#[cfg(feature = "html")]
pub mod html;
pub mod quantities;
pub mod quotes;
pub mod sentences;

use crate::model::{Article, Meta};
use crate::search::tokenize;
use crate::Error;

/// Titles derived from the opening sentence are cut to about this many characters.
const DERIVED_TITLE_CHARS: usize = 90;
/// A clause shorter than this is too thin to stand as a title on its own.
const MIN_CLAUSE_TITLE_CHARS: usize = 40;

/// Runs the whole pipeline on one article's text.
///
/// `file` is the file name (its stem becomes the id); `meta` supplies what is known
/// about the article, and whatever it lacks is derived where the text allows.
pub fn extract(file: &str, raw: &str, meta: &Meta) -> Article {
    let cleaned = clean::clean(raw);
    let text = cleaned.text;
    let title = meta
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| derive_title(&text));
    // One tokenization and one fold for every stage.
    let toks: Vec<tokenize::Token> = tokenize::tokens(&text).collect();
    let folded = fold_all(&toks);
    let keys = folded.keys();
    let sents: Vec<std::ops::Range<usize>> = sentences::split(&text).collect();
    let starts: Vec<usize> = sents.iter().map(|r| r.start).collect();
    let entities = entities::find_in(&text, &toks, &keys, &starts);
    let quotes = quotes::find_in(&text, &entities, &sents);
    let dates = dates::find_in(&text, &toks, &keys, meta.published.as_deref());
    let quantities = quantities::find_in(&text, &toks, &keys);
    let word_count = toks.len();
    Article {
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
    }
}

/// Folded keys of every token in one buffer: one allocation per article instead
/// of one per word.
pub(crate) struct Folded {
    buf: String,
    ends: Vec<usize>,
}

impl Folded {
    /// The key of each token, in order.
    pub(crate) fn keys(&self) -> Vec<&str> {
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let k = &self.buf[start..end];
                start = end;
                k
            })
            .collect()
    }
}

/// Folds every token with [`tokenize::fold_into`].
pub(crate) fn fold_all(toks: &[tokenize::Token]) -> Folded {
    let mut buf = String::with_capacity(toks.iter().map(|t| t.text.len()).sum());
    let mut ends = Vec::with_capacity(toks.len());
    let mut scratch = String::new();
    for t in toks {
        tokenize::fold_into(t.text, &mut scratch);
        buf.push_str(&scratch);
        ends.push(buf.len());
    }
    Folded { buf, ends }
}

/// Runs the pipeline on a file of any supported kind: a saved web page (a file
/// ending in `.html` or `.htm`, or text that opens like HTML) has its article body
/// and metadata extracted first; anything else is text for [`extract`].
///
/// What `meta` states wins over what the page says about itself (a sidecar file
/// is the caller's correction). Without the `html` feature every input is text.
pub fn extract_document(file: &str, raw: &str, meta: &Meta) -> Article {
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
        return extract(file, &page.text, &merged);
    }
    extract(file, raw, meta)
}

/// Whether a file is a web page: by its extension, or by how its text opens.
#[cfg(feature = "html")]
pub fn is_html(file: &str, raw: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm") || html::looks_like_html(raw)
}

/// Turns a file's bytes into text, or says why it cannot.
///
/// A UTF-8 byte-order mark is dropped. Input with NUL bytes or mostly control
/// characters is refused as binary, and empty or blank input as empty, so that a
/// caller can name the file in a one-line message and go on with the others.
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if sample.contains(&0) || controls * 10 > sample.len().max(1) {
        return Err(Error::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Error::Encoding {
        offset: e.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(text.to_string())
}

/// The id of an article: its file name without directories or extension.
pub fn id_from_file(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match name.rfind('.') {
        Some(dot) if dot > 0 => name[..dot].to_string(),
        _ => name.to_string(),
    }
}

/// A headline for an article that has none: its opening sentence, cut at a word
/// boundary when long, without the final full stop.
pub fn derive_title(text: &str) -> String {
    // Sentences never cross a paragraph break: split only the first paragraph.
    let para = text.split('\n').next().unwrap_or("");
    let text = para;
    let first = sentences::split(text)
        .next()
        .map(|r| text[r].trim())
        .unwrap_or("");
    let first = first.strip_suffix('.').unwrap_or(first);
    if first.is_empty() {
        return "Untitled".to_string();
    }
    if first.chars().count() <= DERIVED_TITLE_CHARS {
        return first.to_string();
    }
    // Prefer a whole clause: cut at the first clause break that leaves a title of
    // readable length, else at a word boundary with an ellipsis.
    let clause = first
        .char_indices()
        .filter(|&(_, c)| matches!(c, ',' | ';' | ':' | '—' | '–'))
        .map(|(i, _)| &first[..i])
        .find(|head| {
            (MIN_CLAUSE_TITLE_CHARS..=DERIVED_TITLE_CHARS).contains(&head.chars().count())
        });
    match clause {
        Some(head) => head.trim_end().to_string(),
        None => truncate_words(first, DERIVED_TITLE_CHARS),
    }
}

/// Cuts `s` to at most `max_chars` characters at a word boundary, adding "…" when
/// anything was cut. Trailing punctuation before the ellipsis is dropped.
pub fn truncate_words(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let cut = s
        .char_indices()
        .nth(max_chars)
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    let head = &s[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => &head[..space],
        _ => head,
    };
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—(".contains(c));
    format!("{head}…")
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
    fn decode_refuses_binary_empty_and_bad_utf8() {
        assert_eq!(decode(b"\x00\x01\x02PNG"), Err(Error::Binary));
        assert_eq!(decode(b"  \n\t "), Err(Error::Empty));
        assert_eq!(decode(b"ok \xff"), Err(Error::Encoding { offset: 3 }));
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap(), "hello");
    }

    #[test]
    fn derived_title_is_the_first_sentence_trimmed() {
        let t = derive_title("The ferry sank. Nobody was hurt.");
        assert_eq!(t, "The ferry sank");
        let long = "Ukraine's president has declared that Ukrainian troops are in full control of the eastern city of Lyman, a strategic city in the Donbas region.";
        let t = derive_title(long);
        assert!(t.ends_with('…'), "{t}");
        assert!(t.chars().count() <= DERIVED_TITLE_CHARS + 1, "{t}");
        assert!(!t.contains(", …"));
        let clause = derive_title("Questions about the faltering operation remain unanswered, as the capital declared control of the key eastern city after the troops withdrew.");
        assert_eq!(
            clause,
            "Questions about the faltering operation remain unanswered"
        );
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

    #[test]
    fn truncate_keeps_short_strings() {
        assert_eq!(truncate_words("short", 10), "short");
        assert_eq!(truncate_words("one two three four", 9), "one two…");
    }
}
