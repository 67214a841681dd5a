//! Extraction: from raw article text to an [`Article`].
//!
//! The pipeline runs in stages, one file each, in this order:
//!
//! 1. [`decode`]: bytes to text, refusing binary and empty input with a clear error;
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

pub mod aliases;
pub mod clean;
pub mod dates;
pub mod entities;
pub mod gazetteer;
#[cfg(feature = "html")]
pub mod html;
pub mod lexicon;
pub mod quantities;
pub mod quotes;

use crate::model::{Article, Meta};
use crate::text::{self, sentences, truncate_words, Spans};
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

/// Text decoded from a file's bytes, with the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding's WHATWG name, e.g. `UTF-8`, `UTF-16LE`, `windows-1252`.
    pub encoding: &'static str,
}

/// Turns a file's bytes into text, or says why it cannot (see [`decode_detect`]).
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    decode_detect(bytes).map(|d| d.text)
}

/// Turns a file's bytes into text, detecting the encoding, or says why it cannot.
///
/// Saved pages and text files come in the encodings browsers and editors write:
/// a byte-order mark decides first (UTF-8, UTF-16LE/BE); then valid UTF-8 is
/// UTF-8; then a web page's own `<meta charset>` (or `http-equiv` content type)
/// in its first 1024 bytes, as the HTML standard's prescan reads it; then UTF-8
/// with a rare broken byte stays UTF-8 (a truncated download, one bad byte in a
/// long file); anything else is read as windows-1252, which is what browsers do
/// for ISO-8859-1 too. Decoding itself is `encoding_rs` (the browsers' own
/// tables), so no byte is mapped by hand here.
///
/// Input with NUL bytes or mostly control characters is refused as binary, and
/// empty or blank input as empty, so that a caller can name the file in a
/// one-line message and go on with the others.
pub fn decode_detect(bytes: &[u8]) -> Result<Decoded, Error> {
    use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return finish(text.into_owned(), encoding.name(), true);
    }
    if looks_binary(bytes) {
        return Err(Error::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text.to_string(), UTF_8.name(), false);
    }
    let declared = meta_charset(&bytes[..bytes.len().min(1024)])
        .and_then(Encoding::for_label)
        // A page that declares UTF-8 but is not is read like an undeclared one.
        .filter(|e| *e != UTF_8);
    let encoding = match declared {
        Some(e) => e,
        None if mostly_utf8(bytes) => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    finish(text.into_owned(), encoding.name(), false)
}

/// The last checks shared by every decoding path: blank text is empty; text
/// decoded from UTF-16 is checked for binary content after decoding (its raw
/// bytes are full of NULs by design).
fn finish(text: String, encoding: &'static str, check_chars: bool) -> Result<Decoded, Error> {
    if check_chars {
        let sample: Vec<char> = text.chars().take(8192).collect();
        let controls = sample
            .iter()
            .filter(|&&c| c < ' ' && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
            .count();
        if sample.contains(&'\0') || controls * 10 > sample.len().max(1) {
            return Err(Error::Binary);
        }
    }
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(Decoded { text, encoding })
}

/// NUL bytes or more than one control byte in ten, in the first 8 kB.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    sample.contains(&0) || controls * 10 > sample.len().max(1)
}

/// Whether bytes that fail strict UTF-8 are still UTF-8 with a rare bad byte:
/// at least one well-formed multi-byte sequence and at most one bad byte per
/// hundred non-ASCII bytes. Windows-1252 text almost never forms valid UTF-8
/// sequences (an accented letter followed by a symbol in 0x80–0xBF), so one
/// sequence plus few errors tells them apart.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad, mut rest) = (0usize, 0usize, bytes);
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.bytes().filter(|b| *b >= 0x80).count();
                break;
            }
            Err(e) => {
                let valid = &rest[..e.valid_up_to()];
                good += valid.iter().filter(|b| **b >= 0x80).count();
                let skip = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                bad += skip;
                rest = &rest[e.valid_up_to() + skip..];
            }
        }
    }
    good > 0 && bad * 100 <= good + bad
}

/// The charset a page declares in its first bytes: `<meta charset=X>` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=X">`. A plain
/// byte scan (the declaration is ASCII in every encoding this reads), like the
/// HTML standard's prescan but without its full tokeniser.
fn meta_charset(head: &[u8]) -> Option<&[u8]> {
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let tag_start = from + at;
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(c) = find(tag, b"charset") {
            let mut i = c + b"charset".len();
            while i < tag.len() && matches!(tag[i], b' ' | b'=' | b'"' | b'\'') {
                i += 1;
            }
            let j = tag[i..]
                .iter()
                .position(|b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                })
                .map_or(tag.len(), |p| i + p);
            if j > i {
                return Some(&head[tag_start + i..tag_start + j]);
            }
        }
        from = tag_end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
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
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap(), "hello");
    }

    #[test]
    fn decode_reads_utf16_with_bom_and_strips_it() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Kyiv — Київ".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode_detect(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Kyiv — Київ", "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        be.extend("Café".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode_detect(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn decode_reads_windows_1252_and_latin1_without_a_declaration() {
        // "Café — “quoted”" in windows-1252: é = E9, — = 97, curly quotes 93/94.
        let d = decode_detect(b"Caf\xe9 \x97 \x93quoted\x94").unwrap();
        assert_eq!(d.text, "Café — “quoted”");
        assert_eq!(d.encoding, "windows-1252");
        // ISO-8859-1 bytes are a subset of windows-1252 for letters.
        assert_eq!(decode(b"Z\xfcrich na\xefve").unwrap(), "Zürich naïve");
    }

    #[test]
    fn decode_honours_a_pages_meta_charset() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\"></head><body>\xa4 5</body></html>";
        let d = decode_detect(page).unwrap();
        assert_eq!(d.encoding, "ISO-8859-15");
        assert!(d.text.contains("€ 5"), "{}", d.text);
        let short = b"<meta charset='windows-1251'><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert!(decode(short).unwrap().contains("Привет"));
    }

    #[test]
    fn decode_keeps_utf8_with_one_broken_byte_as_utf8() {
        // A long UTF-8 text truncated mid-character must not turn into mojibake.
        let mut bytes = "Київ і Харків, Zürich, Kraków. ".repeat(20).into_bytes();
        bytes.push(0xD0);
        let d = decode_detect(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("Київ і Харків"));
    }

    #[test]
    fn decode_refuses_binary_even_behind_a_utf16_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend([1u8, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0]);
        assert_eq!(decode(&bytes), Err(Error::Binary));
        assert_eq!(decode(b"\xFF\xFE"), Err(Error::Empty));
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
}
