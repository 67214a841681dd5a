//! What the index keeps about a document besides its words — id, field
//! lengths, date, outlet, entities — and the table that lets documents share
//! one copy of each entity.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use super::FIELDS;
use crate::model::EntityKind;
use crate::text::FxHasher;

/// What the index keeps about a document besides its words: enough to filter and
/// to count facets without going back to the article.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Doc {
    pub(super) id: String,
    pub(super) lens: [u32; FIELDS],
    pub(super) live: bool,
    /// `YYYY-MM-DD` (or shorter), when known.
    pub(super) published: Option<String>,
    /// The outlet as written, when known.
    pub(super) outlet: Option<String>,
    /// Entities, each shared with every document that has the same one
    /// ([`Index::entity_table`](super::Index::entity_table)).
    pub(super) entities: Vec<Arc<DocEntity>>,
}

/// An entity as a document's filters and facets see it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct DocEntity {
    pub(super) kind: EntityKind,
    /// The display name.
    pub(super) name: String,
    /// Variant keys of every word of every alias.
    pub(super) keys: Vec<String>,
}

/// Every distinct [`DocEntity`] of the index's live documents, stored once.
///
/// Why: a place or a person recurs across thousands of articles, and with
/// each document holding its own copy of name and keys they were 30% of the
/// index's memory at 10,000 articles (39 of 132 MB). Scratch as far as
/// equality goes: two indexes are equal when their documents' entities are,
/// whichever table they are shared through.
#[derive(Debug, Clone, Default)]
pub(super) struct EntityTable(HashSet<Arc<DocEntity>, BuildHasherDefault<FxHasher>>);

impl PartialEq for EntityTable {
    fn eq(&self, _: &EntityTable) -> bool {
        true
    }
}

impl EntityTable {
    /// The shared copy of `e`, made if it is new.
    pub(super) fn share(&mut self, e: DocEntity) -> Arc<DocEntity> {
        if let Some(shared) = self.0.get(&e) {
            return Arc::clone(shared);
        }
        let shared = Arc::new(e);
        self.0.insert(Arc::clone(&shared));
        shared
    }

    /// Lets go of a removed document's entities: those no other document
    /// has leave the table, so deleting and importing again does not grow it.
    pub(super) fn release(&mut self, entities: Vec<Arc<DocEntity>>) {
        for e in entities {
            // This document's copy and the table's: no one else's.
            if Arc::strong_count(&e) == 2 {
                self.0.remove(&e);
            }
        }
    }
}

#[cfg(test)]
impl super::Index {
    /// The addresses of a document's entities, for tests of sharing (two
    /// documents share an entity when its address is the same in both).
    pub(crate) fn entity_addresses(&self, doc: u32) -> Vec<usize> {
        self.docs[doc as usize]
            .entities
            .iter()
            .map(|e| Arc::as_ptr(e) as usize)
            .collect()
    }

    /// How many distinct entities the index's entity table holds.
    pub(crate) fn entity_table_len(&self) -> usize {
        self.entity_table.0.len()
    }
}
