//! A tiny wasm-bindgen wrapper around [`folio_core::search::Index`], so that
//! `bench/search` can drive the same index the app uses from Node, side by side
//! with MiniSearch and FlexSearch; and around the extraction pipeline
//! ([`Pipeline`], for `bench/pipeline`). Not shipped in the app.
//!
//! Strings cross the boundary once per call; the index never leaves WebAssembly
//! memory, which is what the app does too.

use folio_core::search::{Index, Query};
use folio_core::Source;
use wasm_bindgen::prelude::*;

// Memory grows in large steps, so that V8 does not collect garbage at every
// page (see folio_core::heap). The app opts in with the same two lines.
#[global_allocator]
static HEAP: folio_core::heap::GrowingHeap = folio_core::heap::GrowingHeap;

/// Bytes of WebAssembly linear memory in use (it only grows), for the memory
/// column of the benchmark.
#[wasm_bindgen]
pub fn memory_bytes() -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size(0) * 65536
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// One search index.
#[wasm_bindgen]
#[derive(Default)]
pub struct Engine {
    index: Index,
}

#[wasm_bindgen]
impl Engine {
    /// An empty index.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Engine {
        Engine::default()
    }

    /// Indexes one document (title may be empty).
    pub fn add(&mut self, id: &str, title: &str, body: &str) {
        self.index.add(id, title, body);
    }

    /// Removes a document; returns whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        self.index.remove(id)
    }

    /// Runs a query; returns how many documents match. The best `limit` are
    /// ranked and get their matched terms (what snippets need), as in the app.
    pub fn search(&self, query: &str, limit: usize) -> usize {
        self.index
            .search_top(&Query::parse(query), limit)
            .hits
            .len()
    }

    /// The ids of the best `limit` hits, for checking the engines agree.
    pub fn top_ids(&self, query: &str, limit: usize) -> Vec<String> {
        let ranked = self.index.search_top(&Query::parse(query), limit);
        ranked
            .hits
            .iter()
            .take(limit)
            .map(|h| self.index.id(h.doc).to_string())
            .collect()
    }

    /// The compact binary form of the index.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.index.to_bytes()
    }

    /// Loads an index from its binary form; false when the bytes are not one.
    pub fn load(&mut self, bytes: &[u8]) -> bool {
        match Index::from_bytes(bytes) {
            Some(index) => {
                self.index = index;
                true
            }
            None => false,
        }
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.index.term_count()
    }
}

/// Issue #3's pipeline: every source extracted (`extract_document`, so a web
/// page would get its HTML step with the `html` feature), then the
/// cross-article entity merge; returns the number of merged entities. The one
/// definition that `bench/pipeline` times both in WebAssembly ([`Pipeline`])
/// and natively (`examples/pipeline.rs`), so the two figures are of the same
/// code; folio-core's criterion group `pipeline_181_bodies/extract_merge` does
/// the same work.
pub fn extract_merge(sources: &[Source]) -> usize {
    let mut articles: Vec<_> = sources
        .iter()
        .map(|s| folio_core::extract_document(&s.file, &s.raw, &s.meta))
        .collect();
    folio_core::extract::aliases::merge(&mut articles).len()
}

/// Sources held in WebAssembly memory, so that a timed [`Pipeline::run`]
/// measures extraction and merging only, not copying text in from JavaScript.
#[wasm_bindgen]
#[derive(Default)]
pub struct Pipeline {
    sources: Vec<Source>,
}

#[wasm_bindgen]
impl Pipeline {
    /// No sources yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Pipeline {
        Pipeline::default()
    }

    /// Adds one plain-text source (`file` names it; its stem is the id).
    pub fn add(&mut self, file: &str, text: &str) {
        self.sources.push(Source::text(file, text));
    }

    /// Bytes of text held (UTF-8), for MB/s.
    pub fn bytes(&self) -> usize {
        self.sources.iter().map(|s| s.raw.len()).sum()
    }

    /// Runs [`extract_merge`] over every source; returns the merged entity count.
    pub fn run(&self) -> usize {
        extract_merge(&self.sources)
    }
}
