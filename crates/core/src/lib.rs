//! # folio-core
//!
//! Folio's core turns raw scraped articles into clean, annotated text and a ranked
//! search index. It is pure Rust with no web dependencies, so the same functions run
//! natively (in the `folio` CLI, in tests and benches) and as WebAssembly in the app.
//!
//! Data flows one way:
//!
//! ```text
//! raw text + metadata ──extract──▶ Article (clean text + annotations as byte spans)
//!                                        │
//!                                        ▼
//!                                  search::Index ──query──▶ ranked hits with snippets
//! ```
//!
//! A key design decision: annotations are byte spans into the *clean* text, never
//! copies of markup. The reader view, the CLI's JSON and the search snippets all point
//! into the same string, so the UI never re-derives what the core computed.
//!
//! Extraction finds people, places and organisations from general evidence (titles,
//! organisation and place words, a small embedded gazetteer; never lists of any
//! corpus's names), quotes with their speakers, dates and quantities; a
//! [`Corpus`] then merges entities across articles into [`CorpusEntity`]s
//! (transliterations, exonyms, descriptors, surnames). [`eval`] scores the
//! entity recogniser against gold NER data (`folio eval ner DIR`).
//!
//! Saved web pages come in through [`extract::extract_document`], which runs
//! `extract::html` (html5ever underneath) first. That step is the `html` cargo
//! feature, on by default; a build without it (`--no-default-features`) keeps the
//! whole text pipeline and search, so the app's first-load wasm can leave the HTML
//! stack to a lazily loaded worker.
//!
//! The core never reads the clock, the DOM or storage: callers pass data (and, where a
//! date needs resolving, "now") in.
//!
//! ```
//! use folio_core::{Corpus, Source};
//!
//! let corpus = Corpus::build(vec![
//!     Source::text("a", "The ferry reached Lyman at noon.\nSEE ALSO: Storms Ahead"),
//!     Source::text("b", "Nothing about ferries here."),
//! ]);
//! let results = corpus.search("lyman", 10);
//! assert_eq!(results.total, 1);
//! assert_eq!(results.hits[0].id, "a");
//! assert_eq!(corpus.articles[0].removed, vec!["SEE ALSO: Storms Ahead"]);
//! ```

pub mod bundle;
pub mod calendar;
pub mod corpus;
pub mod corrections;
pub mod error;
pub mod eval;
pub mod eval_html;
pub mod explore;
pub mod extract;
pub mod format;
pub mod geo;
pub mod heap;
pub mod import;
pub mod model;
pub mod search;
pub mod share;
pub mod sort;
pub mod text;

pub use corpus::{Builder, Corpus, Source};
pub use error::Error;
pub use extract::{extract, extract_document, extract_document_with_spans, extract_with_spans};
pub use model::{
    Article, ArticleEntity, CorpusEntity, DateMention, EntityKind, Extraction, Mention, Meta,
    Quantity, Quote,
};
pub use search::{Hit, Index, SearchResults, Snippet};
