//! Bringing files into a library: one file's bytes to articles, or a one-line
//! reason why not. The app's import worker and the CLI both come through here,
//! so a file is judged the same way everywhere.

use std::collections::HashSet;

use crate::extract::{decode_detect, extract_document};
use crate::model::{Article, Meta};
use crate::{bundle, Error};

/// The largest file an import accepts: 25 MiB. News articles are kilobytes and
/// saved pages with inlined images a few megabytes; above this a file is almost
/// surely not an article, and reading it would hold the whole batch up.
pub const MAX_FILE_BYTES: u64 = 25 * 1024 * 1024;

/// What one file gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The articles (one for a text or page, any number for a bundle).
    pub articles: Vec<Article>,
    /// The encoding the file was read in (`UTF-8`, `windows-1252`, …).
    pub encoding: &'static str,
}

/// Reads one file: checks its size, decodes it (see [`decode_detect`]), and
/// either reads it as a Folio bundle or extracts it as a text or saved page.
/// `size` is the file's size as the caller knows it, checked before `bytes` is
/// looked at, so a caller may pass an empty slice for a file it never read.
pub fn import_file(name: &str, size: u64, bytes: &[u8]) -> Result<Imported, Error> {
    if size > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let decoded = decode_detect(bytes)?;
    let articles = if bundle::is_bundle(name, &decoded.text) {
        bundle::from_json(&decoded.text)?
    } else {
        vec![extract_document(name, &decoded.text, &Meta::default())]
    };
    Ok(Imported {
        articles,
        encoding: decoded.encoding,
    })
}

/// An id not yet in `taken`: the article's own, or it with `-2`, `-3`, … so that
/// two files named `report.html` from different folders both arrive. The chosen
/// id is added to `taken`.
pub fn unique_id(id: &str, taken: &mut HashSet<String>) -> String {
    let base = if id.trim().is_empty() { "untitled" } else { id };
    let mut candidate = base.to_string();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_file_becomes_one_article() {
        let got = import_file("notes.md", 40, b"The ferry reached Varna at noon.").unwrap();
        assert_eq!(got.articles.len(), 1);
        assert_eq!(got.articles[0].id, "notes");
        assert_eq!(got.encoding, "UTF-8");
    }

    #[test]
    fn the_size_limit_is_checked_before_reading() {
        let err = import_file("big.txt", MAX_FILE_BYTES + 1, b"").unwrap_err();
        assert!(err.to_string().starts_with("too large"), "{err}");
    }

    #[test]
    fn binary_and_empty_files_are_refused_with_a_reason() {
        assert_eq!(
            import_file("a.png", 8, b"\x89PNG\r\n\x1a\n\0\0"),
            Err(Error::Binary)
        );
        assert_eq!(import_file("a.txt", 0, b""), Err(Error::Empty));
    }

    #[test]
    fn a_bundle_file_gives_its_articles() {
        let corpus = crate::Corpus::build(vec![
            crate::Source::text("a.txt", "One ferry."),
            crate::Source::text("b.txt", "Two ferries."),
        ]);
        let json = bundle::to_json(&corpus.extraction());
        let got = import_file("library.json", json.len() as u64, json.as_bytes()).unwrap();
        assert_eq!(got.articles, corpus.articles);
        let err = import_file("library.json", 10, b"{\"format\":").unwrap_err();
        assert!(matches!(err, Error::Bundle(_)));
    }

    #[test]
    fn ids_are_made_unique_with_a_counter() {
        let mut taken: HashSet<String> = ["report".to_string()].into();
        assert_eq!(unique_id("report", &mut taken), "report-2");
        assert_eq!(unique_id("report", &mut taken), "report-3");
        assert_eq!(unique_id("", &mut taken), "untitled");
    }
}
