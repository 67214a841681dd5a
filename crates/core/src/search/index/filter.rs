//! Query filters and facet values, both answered from a document's metadata
//! rather than its words.

use super::Index;
use crate::model::EntityKind;
use crate::search::query::Filter;
use crate::text::{fold, tokens};

impl Index {
    pub(super) fn accepts(&self, doc: usize, filter: &Filter) -> bool {
        let d = &self.docs[doc];
        match filter {
            Filter::Entity { .. } => d
                .entities
                .iter()
                .any(|e| filter.wants_entity(e.kind, &e.keys)),
            Filter::Source(words) => d.outlet.as_deref().is_some_and(|o| {
                let have: Vec<String> = tokens(o).map(|t| fold(t.text)).collect();
                words.iter().all(|w| have.contains(w))
            }),
            Filter::After(date) => d
                .published
                .as_deref()
                .is_some_and(|p| p.get(..date.len()).unwrap_or(p) >= date.as_str()),
            Filter::Before(date) => d
                .published
                .as_deref()
                .is_some_and(|p| p.get(..date.len()).unwrap_or(p) < date.as_str()),
        }
    }

    /// Facet values of a document: its entities as (kind, name), each once (they
    /// are deduplicated when the document is added), its outlet and its month.
    #[allow(clippy::type_complexity)]
    pub fn facet_values(
        &self,
        doc: u32,
    ) -> (
        impl Iterator<Item = (EntityKind, &str)>,
        Option<&str>,
        Option<&str>,
    ) {
        let d = &self.docs[doc as usize];
        let ents = d.entities.iter().map(|e| (e.kind, e.name.as_str()));
        let month = d.published.as_deref().and_then(|p| p.get(..7));
        (ents, d.outlet.as_deref(), month)
    }
}
