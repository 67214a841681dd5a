//! The entities page (and the map's places): every entity of the corpus with
//! how often and where it is mentioned.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::EntityKind;
use crate::Corpus;

/// An entity with its counts, for lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntitySummary {
    /// Corpus-wide id.
    pub id: String,
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// Preferred name.
    pub name: String,
    /// Every surface form.
    pub aliases: Vec<String>,
    /// Mentions across all articles.
    pub mentions: usize,
    /// Ids of the articles that mention it, in corpus order.
    pub articles: Vec<String>,
}

/// Every entity of the corpus with its mention count, most mentioned first (then by
/// name, so the order is stable).
pub fn entity_summaries(corpus: &Corpus) -> Vec<EntitySummary> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for a in &corpus.articles {
        for e in &a.entities {
            *counts.entry(e.id.as_str()).or_default() += e.mentions.len();
        }
    }
    let mut out: Vec<EntitySummary> = corpus
        .entities
        .iter()
        .map(|e| EntitySummary {
            id: e.id.clone(),
            kind: e.kind,
            name: e.name.clone(),
            aliases: e.aliases.clone(),
            mentions: counts.get(e.id.as_str()).copied().unwrap_or(0),
            articles: e.articles.clone(),
        })
        .collect();
    crate::sort::by(&mut out, |a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}
