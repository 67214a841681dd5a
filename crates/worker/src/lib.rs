//! # folio-worker
//!
//! The import worker: a second wasm, loaded only when the user first imports (or
//! when the library holds imported articles), so the HTML stack, the encodings
//! and the entity merge never weigh on the first load.
//!
//! [`Library`] is the worker's state and every rule about it (ids, duplicates,
//! what a batch reports); it is plain Rust, tested natively. [`web`] is the thin
//! layer that reads browser files, talks to IndexedDB and posts messages.

use std::collections::{HashMap, HashSet};

use folio_core::corrections::{self, Correction, Outcome};
use folio_core::extract::aliases;
use folio_core::import::protocol::{Reply, Report, Skipped};
use folio_core::import::{import_file, unique_id};
use folio_core::model::{Article, Extraction};

#[cfg(target_arch = "wasm32")]
pub mod web;

/// One file of a batch, as the worker sees it: its name, size, and a way to
/// read its bytes (called only when the size is within the limit).
pub struct Incoming<'a> {
    /// The file's name (with its folder, when the browser gives one).
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Reads the bytes, or says why it cannot.
    pub read: Box<dyn FnOnce() -> Result<Vec<u8>, String> + 'a>,
}

/// The bundled articles, the imported ones, and the corrections by hand.
#[derive(Debug, Clone, Default)]
pub struct Library {
    bundled: Vec<Article>,
    imported: Vec<Article>,
    /// The bundled corpus's own corrections (which the user cannot undo:
    /// they came with it) and then the user's.
    bundled_corrections: Vec<Correction>,
    corrections: Vec<Correction>,
}

impl Library {
    /// A library over the bundled corpus, with nothing imported yet.
    pub fn new(bundled: Vec<Article>) -> Library {
        Library {
            bundled,
            ..Library::default()
        }
    }

    /// The corrections the bundled corpus came with.
    pub fn set_bundled_corrections(&mut self, corrections: Vec<Correction>) {
        self.bundled_corrections = corrections;
    }

    /// The user's corrections, in the order made.
    pub fn corrections(&self) -> &[Correction] {
        &self.corrections
    }

    /// Sets the user's corrections (as read back from storage).
    pub fn set_corrections(&mut self, corrections: Vec<Correction>) {
        self.corrections = corrections;
    }

    /// Adds corrections, each once; returns how many were new.
    pub fn correct(&mut self, more: impl IntoIterator<Item = Correction>) -> usize {
        corrections::extend(&mut self.corrections, more)
    }

    /// Takes back the user's correction at this place in the list.
    pub fn uncorrect(&mut self, at: usize) -> Option<Correction> {
        (at < self.corrections.len()).then(|| self.corrections.remove(at))
    }

    /// Sets the imported articles (as read back from storage).
    pub fn set_imported(&mut self, imported: Vec<Article>) {
        self.imported = imported;
    }

    /// The imported articles.
    pub fn imported(&self) -> &[Article] {
        &self.imported
    }

    /// Ids of the imported articles.
    pub fn imported_ids(&self) -> Vec<String> {
        self.imported.iter().map(|a| a.id.clone()).collect()
    }

    /// Reads a batch into new articles without changing the library, so that the
    /// caller can store them first and add them only once stored. `progress` is
    /// called before each file with (files done, total, name).
    ///
    /// A file that fails is skipped with its reason, and the rest go on. An
    /// article whose text the library (or this batch) already has is skipped as
    /// a duplicate; an id already taken gets a counter (`report-2`).
    pub fn read_batch<'a>(
        &self,
        files: Vec<Incoming<'a>>,
        mut progress: impl FnMut(usize, usize, &str),
    ) -> (Vec<Article>, Report, Vec<Correction>) {
        let total = files.len();
        let mut taken: HashSet<String> = self.articles().map(|a| a.id.clone()).collect();
        let texts: HashSet<&str> = self.articles().map(|a| a.text.as_str()).collect();
        let mut fresh: Vec<Article> = Vec::new();
        let mut report = Report::default();
        let mut fresh_texts: HashSet<String> = HashSet::new();
        let mut found: Vec<Correction> = Vec::new();
        for (done, file) in files.into_iter().enumerate() {
            progress(done, total, &file.name);
            let bytes = if file.size > folio_core::import::MAX_FILE_BYTES {
                Ok(Vec::new())
            } else {
                (file.read)()
            };
            let result = bytes
                .and_then(|b| import_file(&file.name, file.size, &b).map_err(|e| e.to_string()));
            let imported = match result {
                Ok(i) => i,
                Err(reason) => {
                    report.skipped.push(Skipped {
                        file: file.name,
                        reason,
                    });
                    continue;
                }
            };
            // A JSON-lines file's bad lines are skipped one by one, by number.
            for why in imported.bad_lines {
                report.skipped.push(Skipped {
                    file: file.name.clone(),
                    reason: why,
                });
            }
            if imported.encoding != "UTF-8" {
                report
                    .converted
                    .push(format!("{}: {}", file.name, imported.encoding));
            }
            corrections::extend(&mut found, imported.corrections);
            for mut article in imported.articles {
                if texts.contains(article.text.as_str()) || fresh_texts.contains(&article.text) {
                    report.skipped.push(Skipped {
                        file: file.name.clone(),
                        reason: format!("already in the library (\"{}\")", article.title),
                    });
                    continue;
                }
                article.id = unique_id(&article.id, &mut taken);
                fresh_texts.insert(article.text.clone());
                report.added.push(article.id.clone());
                fresh.push(article);
            }
        }
        progress(total, total, "");
        found.retain(|c| !self.corrections.contains(c) && !self.bundled_corrections.contains(c));
        report.corrections = found.len();
        (fresh, report, found)
    }

    /// Adds articles read by [`Library::read_batch`] (after they were stored).
    pub fn add(&mut self, articles: Vec<Article>) {
        self.imported.extend(articles);
    }

    /// Removes an imported article; bundled ones cannot be removed.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.imported.len();
        self.imported.retain(|a| a.id != id);
        self.imported.len() != before
    }

    /// Removes every imported article.
    pub fn clear(&mut self) {
        self.imported.clear();
    }

    /// Bundled then imported articles.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.bundled.iter().chain(&self.imported)
    }

    /// The whole library with entities merged across every article, bundled and
    /// imported alike, so a person in an imported page meets the same person in
    /// the bundled ones.
    ///
    /// The corrections are applied after the merge, the bundled corpus's
    /// first, so a fix holds whatever was imported or removed since.
    pub fn extraction(&self) -> Extraction {
        self.corrected().0
    }

    /// [`Library::extraction`] with what each of the user's corrections did.
    pub fn corrected(&self) -> (Extraction, Vec<Outcome>) {
        let mut articles: Vec<Article> = self.articles().cloned().collect();
        let entities = aliases::merge(&mut articles);
        let mut x = Extraction { articles, entities };
        corrections::apply(&mut x, &self.bundled_corrections);
        let (outcomes, _) = corrections::apply(&mut x, &self.corrections);
        (x, outcomes)
    }

    /// Every correction in force (the bundled corpus's, then the user's), as
    /// exports carry them.
    pub fn all_corrections(&self) -> Vec<Correction> {
        let mut all = self.bundled_corrections.clone();
        corrections::extend(&mut all, self.corrections.iter().cloned());
        all
    }
}

/// Article text per [`Reply::Articles`]: the app parses and indexes each
/// part in one task, so a part is kept to what it takes well within a frame
/// budget's few tens of milliseconds, however large the change.
pub const PART_BYTES: usize = 256 * 1024;

/// The library as the app has it (the worker's last answer), so that a
/// change sends only what differs, and the views that read it whole get
/// exactly that.
#[derive(Debug)]
pub struct Shown {
    now: Extraction,
}

impl Default for Shown {
    fn default() -> Shown {
        Shown::new(&[])
    }
}

/// What takes the app from what it has to the library now.
#[derive(Debug, Default, PartialEq)]
pub struct Change {
    /// Ids of articles the app has and the library no longer does.
    pub removed: Vec<String>,
    /// Articles new to the app, or changed (by a merge, a correction).
    pub articles: Vec<Article>,
    /// Every article's id in the library's order.
    pub order: Vec<String>,
}

impl Shown {
    /// What the app has before the worker's first answer.
    pub fn new(articles: &[Article]) -> Shown {
        Shown {
            now: Extraction {
                articles: articles.to_vec(),
                entities: Vec::new(),
            },
        }
    }

    /// The library as the app has it.
    pub fn extraction(&self) -> &Extraction {
        &self.now
    }

    /// The change from what the app has to `now`, which it has once the
    /// change is sent.
    pub fn change_to(&mut self, now: Extraction) -> Change {
        let order: Vec<String> = now.articles.iter().map(|a| a.id.clone()).collect();
        let keep: HashSet<&str> = order.iter().map(String::as_str).collect();
        let before: HashMap<&str, &Article> = self
            .now
            .articles
            .iter()
            .map(|a| (a.id.as_str(), a))
            .collect();
        let removed: Vec<String> = self
            .now
            .articles
            .iter()
            .filter(|a| !keep.contains(a.id.as_str()))
            .map(|a| a.id.clone())
            .collect();
        let articles: Vec<Article> = now
            .articles
            .iter()
            .filter(|a| before.get(a.id.as_str()) != Some(a))
            .cloned()
            .collect();
        drop(before);
        self.now = now;
        Change {
            removed,
            articles,
            order,
        }
    }
}

impl Change {
    /// The removals and articles as [`Reply::Articles`] of about
    /// [`PART_BYTES`] of text each, the removals in the first; none when
    /// nothing changed.
    pub fn parts(&mut self) -> Vec<Reply> {
        let mut parts = Vec::new();
        let mut removed = std::mem::take(&mut self.removed);
        let mut batch: Vec<Article> = Vec::new();
        let mut bytes = 0;
        let mut flush = |batch: &mut Vec<Article>, removed: &mut Vec<String>| {
            let x = Extraction {
                articles: std::mem::take(batch),
                entities: Vec::new(),
            };
            let articles = serde_json::to_string(&x).expect("articles always serialise");
            parts.push(Reply::Articles {
                removed: std::mem::take(removed),
                articles,
            });
        };
        for a in std::mem::take(&mut self.articles) {
            bytes += a.text.len();
            batch.push(a);
            if bytes >= PART_BYTES {
                flush(&mut batch, &mut removed);
                bytes = 0;
            }
        }
        if !batch.is_empty() || !removed.is_empty() {
            flush(&mut batch, &mut removed);
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file<'a>(name: &str, bytes: &'a [u8]) -> Incoming<'a> {
        Incoming {
            name: name.to_string(),
            size: bytes.len() as u64,
            read: Box::new(move || Ok(bytes.to_vec())),
        }
    }

    fn bundled() -> Vec<Article> {
        folio_core::Corpus::build(vec![folio_core::Source::text(
            "seed.txt",
            "President Ana Lima visited the port of Varna on Monday.",
        )])
        .articles
    }

    #[test]
    fn a_batch_reports_each_failure_by_name_and_keeps_the_rest() {
        let lib = Library::new(bundled());
        let mut seen = Vec::new();
        let (fresh, report, _) = lib.read_batch(
            vec![
                file("good.txt", b"Lima said the port of Varna would reopen."),
                file("empty.txt", b""),
                file("image.png", b"\x89PNG\r\n\x1a\n\0\0\0"),
                file("page.html", b"<html><body><article><p>Ferries returned to Varna on Tuesday after the storm.</p></article></body></html>"),
                Incoming {
                    name: "huge.txt".into(),
                    size: folio_core::import::MAX_FILE_BYTES + 1,
                    read: Box::new(|| panic!("a file over the limit must not be read")),
                },
            ],
            |done, total, name| seen.push((done, total, name.to_string())),
        );
        assert_eq!(report.added, vec!["good", "page"]);
        let reasons: Vec<(&str, &str)> = report
            .skipped
            .iter()
            .map(|s| (s.file.as_str(), s.reason.as_str()))
            .collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert!(reasons[0].0 == "empty.txt" && reasons[0].1.starts_with("no text"));
        assert!(reasons[1].0 == "image.png" && reasons[1].1.starts_with("not text"));
        assert!(reasons[2].0 == "huge.txt" && reasons[2].1.starts_with("too large"));
        assert_eq!(fresh.len(), 2);
        assert_eq!(seen.first(), Some(&(0, 5, "good.txt".to_string())));
        assert_eq!(seen.last(), Some(&(5, 5, String::new())));
    }

    #[test]
    fn duplicates_are_skipped_and_taken_ids_get_a_counter() {
        let lib = Library::new(bundled());
        let (fresh, report, _) = lib.read_batch(
            vec![
                file(
                    "seed.txt",
                    b"A different text in a file with a bundled article's name.",
                ),
                file(
                    "copy.txt",
                    b"President Ana Lima visited the port of Varna on Monday.",
                ),
                file("a.txt", b"Same words twice."),
                file("b.txt", b"Same words twice."),
            ],
            |_, _, _| {},
        );
        assert_eq!(report.added, vec!["seed-2", "a"]);
        assert_eq!(report.skipped.len(), 2);
        assert!(report
            .skipped
            .iter()
            .all(|s| s.reason.starts_with("already in the library")));
        assert_eq!(fresh.len(), 2);
    }

    /// Guards the JSON-lines import (issue #17: a `.jsonl` file arrived as
    /// one article of raw JSON): one article per line, each bad line skipped
    /// by its number, duplicates within the file skipped as in a batch.
    #[test]
    fn a_json_lines_file_imports_one_article_per_line_and_reports_bad_lines() {
        let lib = Library::new(bundled());
        let lines = concat!(
            r#"{"id": "storm", "text": "Storms closed the port of Burgas on Monday.", "published": "2026-03-02"}"#,
            "\n",
            r#"{"id": "ferry", "text": "The ferry reached Ruse at noon."}"#,
            "\n",
            "{\"id\": \"cut\", \"text\": \"The line ends\n",
            r#"{"id": "again", "text": "The ferry reached Ruse at noon."}"#,
            "\n",
        );
        let (fresh, report, _) =
            lib.read_batch(vec![file("feed.jsonl", lines.as_bytes())], |_, _, _| {});
        assert_eq!(report.added, vec!["storm", "ferry"]);
        assert_eq!(fresh[0].published.as_deref(), Some("2026-03-02"));
        let skipped: Vec<(&str, &str)> = report
            .skipped
            .iter()
            .map(|s| (s.file.as_str(), s.reason.as_str()))
            .collect();
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        assert!(
            skipped[0].0 == "feed.jsonl" && skipped[0].1.starts_with("line 3: "),
            "{skipped:?}"
        );
        assert!(
            skipped[1].1.starts_with("already in the library"),
            "{skipped:?}"
        );
    }

    /// Guards the change by difference (issue #17: every change sent the
    /// whole library): after an import only the new articles travel, in
    /// parts of about [`PART_BYTES`]; after a delete only its id; nothing
    /// when nothing changed.
    #[test]
    fn only_what_changed_is_sent_in_parts() {
        let mut lib = Library::new(bundled());
        let mut shown = Shown::new(&lib.extraction().articles);
        assert!(shown.extraction().entities.is_empty());
        let long: String = (0..PART_BYTES / 20)
            .map(|i| format!("Ferry {i} sailed to Burgas. "))
            .collect();
        let (fresh, _, _) = lib.read_batch(
            vec![
                file("one.txt", long.as_bytes()),
                file("two.txt", format!("Storms hit Ruse. {long}").as_bytes()),
                file("three.txt", b"Mayor Petra Novak opened the bridge in Ruse."),
            ],
            |_, _, _| {},
        );
        lib.add(fresh);
        let mut change = shown.change_to(lib.extraction());
        assert!(change.removed.is_empty());
        let sent: Vec<&str> = change.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            sent,
            vec!["one", "two", "three"],
            "the bundled article is not sent again"
        );
        assert_eq!(change.order, vec!["seed", "one", "two", "three"]);
        let parts = change.parts();
        assert_eq!(parts.len(), 3, "two long articles fill a part each");
        assert!(shown.change_to(lib.extraction()).parts().is_empty());
        assert_eq!(shown.extraction(), &lib.extraction(), "what the app has");
        lib.remove("two");
        let mut change = shown.change_to(lib.extraction());
        assert_eq!(change.removed, vec!["two"]);
        assert!(change.articles.is_empty());
        match change.parts().as_slice() {
            [Reply::Articles { removed, articles }] => {
                assert_eq!(removed, &vec!["two".to_string()]);
                assert_eq!(articles, r#"{"articles":[],"entities":[]}"#);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn windows_1252_files_are_converted_and_reported() {
        let lib = Library::new(Vec::new());
        let (fresh, report, _) = lib.read_batch(
            vec![file("old.txt", b"Caf\xe9 owners in Z\xfcrich said so.")],
            |_, _, _| {},
        );
        assert_eq!(report.converted, vec!["old.txt: windows-1252"]);
        assert!(fresh[0].text.contains("Café owners in Zürich"));
    }

    #[test]
    fn entities_merge_across_bundled_and_imported_and_removal_unmerges() {
        let mut lib = Library::new(bundled());
        let (fresh, _, _) = lib.read_batch(
            vec![file("new.txt", b"Ana Lima spoke in Varna again on Friday.")],
            |_, _, _| {},
        );
        lib.add(fresh);
        let x = lib.extraction();
        let lima = x
            .entities
            .iter()
            .find(|e| e.name == "Ana Lima")
            .expect("merged person");
        assert_eq!(lima.articles, vec!["seed", "new"]);
        assert!(!lib.remove("seed"), "bundled articles stay");
        assert!(lib.remove("new"));
        let x = lib.extraction();
        let lima = x.entities.iter().find(|e| e.name == "Ana Lima").unwrap();
        assert_eq!(lima.articles, vec!["seed"]);
    }

    /// Guards `clear` (issue #21: the test that covered it cleared a library
    /// that was already empty): with imported articles in it, clearing removes
    /// them all, their entities leave the merge, and the bundled ones stay.
    #[test]
    fn clear_removes_every_imported_article_and_keeps_the_bundled() {
        let mut lib = Library::new(bundled());
        let (fresh, _, _) = lib.read_batch(
            vec![
                file("one.txt", b"Mayor Petra Novak opened the bridge in Ruse."),
                file("two.txt", b"\"It will last,\" Novak said in Ruse."),
            ],
            |_, _, _| {},
        );
        lib.add(fresh);
        assert_eq!(
            lib.imported().len(),
            2,
            "the library holds imports to clear"
        );
        assert!(lib
            .extraction()
            .entities
            .iter()
            .any(|e| e.name == "Petra Novak"));
        lib.clear();
        assert!(lib.imported().is_empty());
        let ids: Vec<String> = lib.articles().map(|a| a.id.clone()).collect();
        assert_eq!(ids, vec!["seed"], "bundled articles stay");
        assert!(!lib
            .extraction()
            .entities
            .iter()
            .any(|e| e.name == "Petra Novak"));
    }

    #[test]
    fn a_bundle_imports_back_to_the_same_state() {
        let mut lib = Library::new(Vec::new());
        let (fresh, _, _) = lib.read_batch(
            vec![
                file("a.txt", b"President Ana Lima visited Varna."),
                file("b.txt", b"\"We will rebuild,\" Lima said in Varna."),
            ],
            |_, _, _| {},
        );
        lib.add(fresh);
        let before = lib.extraction();
        let json = folio_core::bundle::to_json(&before);
        lib.clear();
        let (fresh, report, _) =
            lib.read_batch(vec![file("library.json", json.as_bytes())], |_, _, _| {});
        assert_eq!(report.added, vec!["a", "b"]);
        lib.add(fresh);
        assert_eq!(lib.extraction(), before);
    }

    /// Guards the corrections layer in the library: a correction holds after
    /// the same files are cleared and imported again, and an exported bundle
    /// brings its corrections into a fresh library with the same result.
    #[test]
    fn corrections_survive_reimport_and_travel_in_the_bundle() {
        use folio_core::corrections::Correction;
        use folio_core::EntityKind;
        let files = || {
            vec![
                file(
                    "a.txt",
                    b"Getting Disney said the park was closed. Ana Lima visited Varna.",
                ),
                file(
                    "b.txt",
                    b"\"We will rebuild,\" Lima said in Varna on Monday.",
                ),
            ]
        };
        let mut lib = Library::new(bundled());
        let (fresh, _, _) = lib.read_batch(files(), |_, _, _| {});
        lib.add(fresh);
        let wrong = lib
            .extraction()
            .entities
            .into_iter()
            .find(|e| e.name == "Getting Disney")
            .map(|e| e.kind);
        let kind = wrong.unwrap_or(EntityKind::Person);
        let fixes = [
            Correction::NotEntity {
                kind,
                name: "Getting Disney".into(),
            },
            Correction::Rename {
                kind: EntityKind::Person,
                name: "ana lima".into(),
                to: "Ana Lima (mayor)".into(),
            },
        ];
        assert_eq!(lib.correct(fixes.clone()), 2);
        assert_eq!(lib.correct(fixes.clone()), 0, "a correction is listed once");
        let check = |x: &Extraction| {
            assert!(!x.entities.iter().any(|e| e.name == "Getting Disney"));
            assert!(
                x.entities.iter().any(|e| e.name == "Ana Lima (mayor)"),
                "{:?}",
                x.entities
                    .iter()
                    .map(|e| (&e.name, &e.aliases))
                    .collect::<Vec<_>>()
            );
        };
        let corrected = lib.extraction();
        check(&corrected);
        let (_, outcomes) = lib.corrected();
        assert!(
            outcomes.iter().all(|o| matches!(o, Outcome::Changed(_))),
            "{outcomes:?}"
        );
        // Cleared and imported again: the layer is untouched and applies again.
        lib.clear();
        let (fresh, _, _) = lib.read_batch(files(), |_, _, _| {});
        lib.add(fresh);
        assert_eq!(lib.extraction(), corrected);
        // Exported, and imported into a library that has never seen them.
        let json = folio_core::bundle::to_json_corrected(&corrected, &lib.all_corrections());
        let mut other = Library::new(Vec::new());
        let (fresh, report, found) =
            other.read_batch(vec![file("library.json", json.as_bytes())], |_, _, _| {});
        assert_eq!(report.corrections, 2);
        other.add(fresh);
        other.correct(found);
        let x = other.extraction();
        check(&x);
        assert_eq!(x.articles, corrected.articles);
        // Nothing of it is reported missing there.
        let (_, outcomes) = other.corrected();
        assert!(
            !outcomes.iter().any(|o| matches!(o, Outcome::Missing(_))),
            "{outcomes:?}"
        );
    }
}
