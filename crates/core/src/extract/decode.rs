//! Bytes to text, the first stage: UTF-8, UTF-16 with a byte-order mark, a
//! page's own `<meta charset>`, and windows-1252 otherwise (the WHATWG tables
//! browsers use, through `encoding_rs`); binary and empty input refused with
//! a reason, so every caller — the CLI, the import worker, the fuzzers — judges
//! a file the same way.

use crate::Error;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
