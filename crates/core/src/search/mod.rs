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

pub mod index;
pub mod query;
pub mod shard;
pub mod snippet;

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

impl Hit {
    /// The hit for `article`, scored and with its matched terms marked in the
    /// best passage.
    pub fn of(article: &crate::model::Article, scored: &index::Scored) -> Hit {
        Hit {
            id: article.id.clone(),
            file: article.file.clone(),
            title: article.title.clone(),
            score: scored.score,
            snippet: Snippet::build(&article.text, &scored.matched),
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

/// Facet counts for a result set, each list most frequent first (ties by value),
/// at most [`FACET_LIMIT`] entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Facets {
    /// People, by name.
    pub people: Vec<FacetCount>,
    /// Places, by name.
    pub places: Vec<FacetCount>,
    /// Organisations, by name.
    pub orgs: Vec<FacetCount>,
    /// Outlets.
    pub outlets: Vec<FacetCount>,
    /// Publication months, `YYYY-MM`, newest first.
    pub months: Vec<FacetCount>,
}

/// One facet value and how many matching articles have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The value as shown (an entity's name, an outlet, a month).
    pub value: String,
    /// Matching articles with this value.
    pub count: usize,
}

/// Each facet list keeps at most this many values (a panel, not a report).
pub const FACET_LIMIT: usize = 20;

impl Facets {
    /// Counts facet values over the documents `docs` of `index`.
    pub fn count(index: &Index, docs: impl Iterator<Item = u32>) -> Facets {
        Facets::count_named(index, docs, |_, name| name)
    }

    /// Like [`Facets::count`], with each entity name passed through `canonical`
    /// first, so that the spellings one entity has in different articles
    /// ("Zelenskiy", "Zelenskyy") count as one value under its preferred name.
    pub fn count_named<'a>(
        index: &'a Index,
        docs: impl Iterator<Item = u32>,
        canonical: impl Fn(crate::model::EntityKind, &'a str) -> &'a str,
    ) -> Facets {
        use crate::model::EntityKind;
        let mut maps: [crate::text::FxMap<&str, usize>; 5] = Default::default();
        for doc in docs {
            let (ents, outlet, month) = index.facet_values(doc);
            for (kind, name) in ents {
                let m = match kind {
                    EntityKind::Person => 0,
                    EntityKind::Place => 1,
                    EntityKind::Org => 2,
                };
                *maps[m].entry(canonical(kind, name)).or_default() += 1;
            }
            if let Some(o) = outlet {
                *maps[3].entry(o).or_default() += 1;
            }
            if let Some(m) = month {
                *maps[4].entry(m).or_default() += 1;
            }
        }
        let [people, places, orgs, outlets, months] = maps.map(|m| {
            let mut v: Vec<FacetCount> = m
                .into_iter()
                .map(|(value, count)| FacetCount {
                    value: value.to_string(),
                    count,
                })
                .collect();
            crate::sort::by(&mut v, |a, b| {
                b.count.cmp(&a.count).then(a.value.cmp(&b.value))
            });
            v.truncate(FACET_LIMIT);
            v
        });
        let mut months = months;
        crate::sort::by(&mut months, |a, b| b.value.cmp(&a.value));
        Facets {
            people,
            places,
            orgs,
            outlets,
            months,
        }
    }

    fn to_json(&self) -> serde_json::Value {
        let list = |v: &[FacetCount]| -> serde_json::Value {
            v.iter()
                .map(|f| serde_json::json!({"value": f.value, "count": f.count}))
                .collect()
        };
        serde_json::json!({
            "people": list(&self.people),
            "places": list(&self.places),
            "orgs": list(&self.orgs),
            "outlets": list(&self.outlets),
            "months": list(&self.months),
        })
    }
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
