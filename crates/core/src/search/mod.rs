//! Search: an inverted index ranked with BM25F, a small query language, and
//! snippets with the matched words marked. Words are cut and compared by the
//! text layer ([`crate::text`]: [`tokens`](crate::text::tokens),
//! [`fold`](crate::text::fold()), [`stem`](crate::text::stem),
//! [`variant_key`](crate::text::variant_key)), the same as extraction's.
//!
//! - [`index`]: the inverted index (title, body and entity-names fields, with
//!   positions), its BM25F ranking, typo tolerance and compact binary form.
//! - [`query`]: what a user types, parsed into clauses, exclusions and filters,
//!   never failing, with notices for what it reinterpreted.
//! - [`snippet`]: the best passage of a hit with every matched word marked.
//! - [`Facets`]: counts of entities, outlets and months over a result set.
//!
//! A query word reaches index terms in tiers: as written, by stem or as a prefix
//! completion (best), by variant spelling, then — only when none of those exist —
//! by typo correction. Results are ordered by the tiers matched first and BM25F
//! second, so an exact spelling always outranks a variant or a typo.
//!
//! ```
//! use folio_core::{Corpus, Source};
//!
//! let corpus = Corpus::build(vec![
//!     Source::text("a", "Troops entered Kupyansk on Saturday."),
//!     Source::text("b", "Kupiansk was retaken, officials said."),
//! ]);
//! let r = corpus.search("kupiansk -officials", 10);
//! assert_eq!(r.total, 1);
//! assert_eq!(r.hits[0].snippet.to_html(), "Troops entered <mark>Kupyansk</mark> on Saturday.");
//! ```

mod facets;
pub mod index;
pub mod query;
pub mod shard;
pub mod snippet;

pub use facets::{FacetCount, Facets, FACET_LIMIT};
pub use index::Index;
pub use query::{FieldUse, Query};
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
    /// The outlet, when known (shown beside the title).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The publication date, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Relevance (BM25F); higher is better. Comparable within one query only.
    pub score: f32,
    /// The best passage, with matched words marked.
    pub snippet: Snippet,
}

impl Hit {
    /// The hit for `article`, scored and with its matched terms marked in the
    /// best passage. An entity filter's entity counts as matched too, so a
    /// `person:` search shows the passage that names the person, not the
    /// opening lines.
    pub fn of(article: &crate::model::Article, scored: &index::Scored, query: &Query) -> Hit {
        let mut matched = scored.matched.clone();
        for f in &query.filters {
            if !matches!(f, query::Filter::Entity { .. }) {
                continue;
            }
            for e in &article.entities {
                let forms = index::entity_forms(e);
                if !f.wants_entity(e.kind, &index::form_keys(&forms)) {
                    continue;
                }
                // Capitalised words only: "of" in "Ministry of Defence" would
                // mark every "of" of the passage.
                let words = forms.iter().flat_map(|f| crate::text::tokens(f));
                for t in words.filter(|t| !t.text.starts_with(char::is_lowercase)) {
                    let w = crate::text::fold(t.text);
                    if !matched.contains(&w) {
                        matched.push(w);
                    }
                }
            }
        }
        Hit {
            id: article.id.clone(),
            file: article.file.clone(),
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            published: article.published.clone(),
            score: scored.score,
            snippet: Snippet::build(&article.text, &matched),
        }
    }
}

/// The answer to a query.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct SearchResults {
    /// The query as typed.
    pub query: String,
    /// How many articles match in all (hits may be fewer, cut by the limit).
    pub total: usize,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// What the query parser reinterpreted, as sentences to show the user.
    pub notices: Vec<String>,
    /// Counts over every matching article (not just the hits shown).
    pub facets: Facets,
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
            "notices": self.notices,
            "facets": self.facets.to_json(),
        })
    }
}
