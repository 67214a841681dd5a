//! Bringing files into a library: one file's bytes to articles, or a one-line
//! reason why not. The app's import worker and the CLI both come through here,
//! so a file is judged the same way everywhere.

use std::collections::HashSet;

use serde::Deserialize;

use crate::extract::{decode_detect, extract_document};
use crate::model::{Article, Meta};
use crate::{bundle, Error, Source};

/// The largest file an import accepts: 25 MiB. News articles are kilobytes and
/// saved pages with inlined images a few megabytes; above this a file is almost
/// surely not an article, and reading it would hold the whole batch up.
pub const MAX_FILE_BYTES: u64 = 25 * 1024 * 1024;

/// What one file gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The articles (one for a text or page, any number for a bundle or a
    /// JSON-lines file).
    pub articles: Vec<Article>,
    /// The encoding the file was read in (`UTF-8`, `windows-1252`, …).
    pub encoding: &'static str,
    /// Lines of a JSON-lines file that were not articles, each as "line N:
    /// why" (or "line N (ID): why"); the other lines were read.
    pub bad_lines: Vec<String>,
    /// Corrections by hand the file carries (a bundle's, or a corrections
    /// file's: see [`crate::corrections`]).
    pub corrections: Vec<crate::corrections::Correction>,
}

/// One line of a JSON-lines file of articles: `id`, the article as `text` or
/// `html`, and [`Meta`]'s keys. An unknown key is an error, so a typo
/// ("outlett") is reported, not ignored.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    id: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    byline: Option<String>,
}

/// Why a line of a JSON-lines file is not an article, with its id when the
/// line had one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// The line's `id`, when it could be read.
    pub id: Option<String>,
    /// What is wrong, as a lowercase fact.
    pub error: String,
}

/// Whether a file is a JSON-lines file of articles, by its name.
pub fn is_lines(name: &str) -> bool {
    name.rsplit('.')
        .next()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("jsonl"))
        && name.contains('.')
}

/// One line of a JSON-lines file as a source: `ID.txt` or `ID.html`, so the
/// extraction treats it as the file it would have been. The app's import,
/// `folio extract --jsonl` and `folio build` all read lines with it.
pub fn parse_line(line: &str) -> Result<Source, LineError> {
    let l = serde_json::from_str::<Line>(line).map_err(|e| LineError {
        id: None,
        error: e.to_string(),
    })?;
    let (file, raw) = match (l.text, l.html) {
        (Some(text), None) => (format!("{}.txt", l.id), text),
        (None, Some(html)) => (format!("{}.html", l.id), html),
        _ => {
            return Err(LineError {
                id: Some(l.id),
                error: "needs exactly one of \"text\" and \"html\"".to_string(),
            })
        }
    };
    let meta = Meta {
        title: l.title,
        outlet: l.outlet,
        published: l.published,
        url: l.url,
        byline: l.byline,
    };
    Ok(Source { file, raw, meta })
}

/// Every article of a JSON-lines text, and each bad line as "line N: why".
/// Blank lines are skipped; a file of bad lines only is an error.
fn read_lines(text: &str) -> Result<(Vec<Article>, Vec<String>), Error> {
    let mut articles = Vec::new();
    let mut bad = Vec::new();
    let mut first_bad = None;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(line) {
            Ok(source) => {
                articles.push(extract_document(&source.file, &source.raw, &source.meta));
            }
            Err(e) => {
                first_bad.get_or_insert((i + 1, e.error.clone()));
                bad.push(match e.id {
                    Some(id) => format!("line {} ({id}): {}", i + 1, e.error),
                    None => format!("line {}: {}", i + 1, e.error),
                });
            }
        }
    }
    match first_bad {
        Some((line, reason)) if articles.is_empty() => Err(Error::NoLines {
            bad: bad.len(),
            line,
            reason,
        }),
        _ => Ok((articles, bad)),
    }
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
    let mut corrections = Vec::new();
    let (articles, bad_lines) = if is_corrections(&decoded.text) {
        corrections = crate::corrections::from_json(&decoded.text)
            .map_err(|e| Error::Bundle(format!("not a readable corrections file: {e}")))?;
        (Vec::new(), Vec::new())
    } else if bundle::is_bundle(name, &decoded.text) {
        let (articles, c) = bundle::from_json_corrected(&decoded.text)?;
        corrections = c;
        (articles, Vec::new())
    } else if is_lines(name) {
        read_lines(&decoded.text)?
    } else {
        let article = extract_document(name, &decoded.text, &Meta::default());
        (vec![article], Vec::new())
    };
    Ok(Imported {
        articles,
        encoding: decoded.encoding,
        bad_lines,
        corrections,
    })
}

/// Whether a text is a corrections file: a JSON object that names that format
/// in its opening.
pub fn is_corrections(text: &str) -> bool {
    bundle::names_format(text, crate::corrections::FORMAT)
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

/// The conversation between the app and its import worker, as JSON. The worker
/// holds the HTML stack, the storage and the merge; the app sends it files and
/// requests and gets back the whole library as one [`crate::model::Extraction`], so what the
/// app explores is always what is stored.
pub mod protocol {
    use serde::{Deserialize, Serialize};

    /// From the app to the worker. File contents travel beside the JSON, as the
    /// message's `files` (browser `File` objects, read in the worker).
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    // Externally tagged (serde's default), on purpose: an internally tagged enum
    // is deserialised through a buffer, which compiles every field's
    // deserialiser a second time — +50 kB of the app's wasm for `Reply`.
    #[serde(rename_all = "snake_case")]
    pub enum Request {
        /// Start: the bundled corpus (a JSON [`crate::model::Extraction`]) and what is stored.
        Init {
            /// The bundled extraction, as the app holds it.
            bundled: String,
        },
        /// Import the files sent beside this message, plus pasted texts.
        Import {
            /// Text or HTML pasted from the clipboard.
            pasted: Vec<Pasted>,
        },
        /// Delete one imported article.
        Delete {
            /// The article's id.
            id: String,
        },
        /// Delete every imported article.
        Clear,
        /// Add a correction by hand (see [`crate::corrections`]).
        Correct {
            /// The correction.
            correction: crate::corrections::Correction,
        },
        /// Take back the user's correction at this place in the list.
        Uncorrect {
            /// Its place in [`Reply::Library`]'s `corrections`.
            at: usize,
        },
        /// Send the whole library as JSON ([`Reply::Corpus`]).
        Corpus,
        /// Build a download.
        Export {
            /// What to build.
            what: ExportKind,
        },
    }

    /// Something pasted: a name the app chose and the text (HTML when `html`).
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Pasted {
        /// A file-like name, e.g. `pasted-2026-11-22T10-00.html`.
        pub name: String,
        /// The clipboard's text.
        pub text: String,
    }

    /// The downloads the worker can build.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ExportKind {
        /// The whole library as a Folio bundle.
        Bundle,
        /// Entities as CSV.
        EntitiesCsv,
        /// Quotes as CSV.
        QuotesCsv,
        /// The user's corrections by hand, as a corrections file.
        Corrections,
        /// The app, its wasm and the library as one HTML file.
        OneFile {
            /// URLs of the running app's stylesheet, glue and wasm.
            css_url: String,
            /// The wasm-bindgen glue.
            js_url: String,
            /// The app's wasm.
            wasm_url: String,
            /// The map's gazetteer rows the library needs (chosen by the app,
            /// which owns the place lookup).
            places_tsv: Option<String>,
            /// The map outline's URL.
            outline_url: Option<String>,
        },
    }

    /// From the worker to the app.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Reply {
        /// The worker's wasm has started and listens. Messages sent to a worker
        /// before its (asynchronously instantiated) wasm sets its handler are
        /// lost, so the app sends nothing before this.
        Ready,
        /// One more file done.
        Progress {
            /// Files finished so far.
            done: usize,
            /// Files in the batch.
            total: usize,
            /// The file being read now.
            file: String,
        },
        /// Part of a change to the library: articles gone, and articles new
        /// or changed since the worker's last answer. A large change comes
        /// as several of these, each small enough for the app to take
        /// between frames; a [`Reply::Library`] completes it.
        Articles {
            /// Ids of the articles gone.
            removed: Vec<String>,
            /// The articles new or changed, as the JSON of an
            /// [`crate::model::Extraction`] with no entities: the app parses
            /// it with the very call it reads its bundled corpus with, so its
            /// wasm holds one deserialiser for both.
            articles: String,
        },
        /// The library as it now is, after init or a change: what the
        /// [`Reply::Articles`] before it did not carry.
        Library {
            /// Every article's id, in the library's order (bundled, then
            /// imported as they came).
            order: Vec<String>,
            /// The entities merged across every article, bundled and imported
            /// alike, as the JSON of an [`crate::model::Extraction`] with no
            /// articles (for the reason `articles` above gives).
            entities: String,
            /// Which of the articles are imported (and so can be deleted).
            imported: Vec<String>,
            /// What the last import did, when this answers one.
            report: Option<Report>,
            /// Bytes used and available, as the browser estimates them.
            storage: Option<Storage>,
            /// A failure that changed nothing (e.g. storage refused the write).
            error: Option<String>,
            /// The user's corrections, in the order made, each with what it did.
            #[serde(default)]
            corrections: Vec<Listed>,
        },
        /// The whole library as an [`crate::model::Extraction`] in JSON, for
        /// the views that read it whole (the map, the claims, the timeline).
        Corpus {
            /// The extraction's JSON.
            json: String,
        },
        /// A file to download.
        Download {
            /// The file name to save as.
            name: String,
            /// Its MIME type.
            mime: String,
            /// Its content.
            text: String,
        },
        /// A request failed; nothing changed.
        Failed {
            /// What went wrong, for the user.
            message: String,
        },
    }

    /// A correction as the list of corrections shows it.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Listed {
        /// What it states, in one line.
        pub text: String,
        /// What it did, in one line.
        pub outcome: String,
        /// Whether its target is missing from the corpus.
        pub missing: bool,
    }

    /// What one import did.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Report {
        /// Articles added (ids as stored).
        pub added: Vec<String>,
        /// Files skipped, each with its reason.
        pub skipped: Vec<Skipped>,
        /// Files read in an encoding other than UTF-8 (`name: encoding`).
        pub converted: Vec<String>,
        /// Corrections by hand the files brought that the library lacked.
        #[serde(default)]
        pub corrections: usize,
    }

    /// A file that did not import.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Skipped {
        /// The file's name.
        pub file: String,
        /// Why, in one line.
        pub reason: String,
    }

    /// The browser's storage estimate.
    #[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
    pub struct Storage {
        /// Bytes used by this site.
        pub usage: f64,
        /// Bytes this site may use.
        pub quota: f64,
    }
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
        // Sizes read as people read them, not as a count of bytes.
        let err = import_file("scan.html", 40_000_000, b"").unwrap_err();
        assert_eq!(
            err.to_string(),
            "too large: 40.0 MB, over the limit of 26.2 MB"
        );
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

    /// Guards the JSON-lines import: a `.jsonl` file was once one article of
    /// raw JSON. Each line is an article; a bad line is named by its number
    /// and the others still arrive.
    #[test]
    fn a_json_lines_file_gives_one_article_per_line_and_names_its_bad_lines() {
        let text = concat!(
            r#"{"id": "ferry", "text": "The ferry reached Varna at noon.", "outlet": "Coast News"}"#,
            "\n\n",
            r#"{"id": "page", "html": "<html><body><article><p>Storms closed the port of Burgas on Monday.</p></article></body></html>"}"#,
            "\n",
            r#"{"id": "typo", "text": "x", "outlett": "y"}"#,
            "\n",
            r#"{"id": "both", "text": "x", "html": "y"}"#,
            "\n",
            "not json\n",
        );
        let got = import_file("feed.JSONL", text.len() as u64, text.as_bytes()).unwrap();
        let ids: Vec<&str> = got.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["ferry", "page"]);
        assert_eq!(got.articles[0].outlet.as_deref(), Some("Coast News"));
        assert!(got.articles[1].text.contains("port of Burgas"));
        assert_eq!(got.bad_lines.len(), 3, "{:?}", got.bad_lines);
        assert!(
            got.bad_lines[0].starts_with("line 4: unknown field `outlett`"),
            "{:?}",
            got.bad_lines
        );
        assert_eq!(
            got.bad_lines[1],
            "line 5 (both): needs exactly one of \"text\" and \"html\""
        );
        assert!(
            got.bad_lines[2].starts_with("line 6: "),
            "{:?}",
            got.bad_lines
        );
        // Only bad lines: an error that says which and why.
        let err = import_file("bad.jsonl", 8, b"not json\n{}\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("no line is an article (2 bad; line 1: "),
            "{err}"
        );
        // The same text in a .json or .txt file is not read as lines.
        let got = import_file("feed.txt", text.len() as u64, text.as_bytes()).unwrap();
        assert_eq!(got.articles.len(), 1);
    }

    #[test]
    fn ids_are_made_unique_with_a_counter() {
        let mut taken: HashSet<String> = ["report".to_string()].into();
        assert_eq!(unique_id("report", &mut taken), "report-2");
        assert_eq!(unique_id("report", &mut taken), "report-3");
        assert_eq!(unique_id("", &mut taken), "untitled");
    }
}
