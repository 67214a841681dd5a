//! Search: one tokenizer, an inverted index ranked with BM25F, a small query
//! language, and snippets with the matched words marked.
//!
//! - [`tokenize`]: words and their comparison keys (the only place words are cut).
//! - [`index`]: the inverted index and its ranking.
//! - [`query`]: what a user types, parsed into terms.
//! - [`snippet`]: the best passage of a hit with every matched word marked.

pub mod index;
pub mod query;
pub mod snippet;
pub mod tokenize;

pub use index::Index;
pub use query::Query;
pub use snippet::Snippet;

use serde::Serialize;

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The article id.
    pub id: String,
    /// The article's file name.
    pub file: String,
    /// The article's title.
    pub title: String,
    /// Relevance (BM25F); higher is better. Comparable within one query only.
    pub score: f32,
    /// The best passage, with matched words marked.
    pub snippet: Snippet,
}

/// The answer to a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// The query as typed.
    pub query: String,
    /// How many articles match in all (hits may be fewer, cut by the limit).
    pub total: usize,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
}

impl SearchResults {
    /// The JSON contract of `folio search --json`: snippets as HTML with `<mark>`.
    pub fn to_contract_json(&self) -> serde_json::Value {
        let hits: Vec<serde_json::Value> = self
            .hits
            .iter()
            .map(|h| {
                serde_json::json!({
                    "id": h.id,
                    "file": h.file,
                    "title": h.title,
                    "score": (h.score * 1000.0).round() / 1000.0,
                    "snippet": h.snippet.to_html(),
                })
            })
            .collect();
        serde_json::json!({
            "query": self.query,
            "total": self.total,
            "hits": hits,
            "facets": {},
        })
    }
}
