//! The inverted index and its ranking.
//!
//! Each distinct folded word (a *term*) has a postings list: the documents that
//! contain it, how often in each field (title, body, entity names), and where
//! (positions, for phrases). Terms also sit in three lookup tables so a query
//! word finds its relatives without scanning: a sorted map (prefixes are range
//! scans), a stem table (Snowball English) and a variant table
//! ([`variant_key`](crate::text::variant_key): Kupyansk/Kupiansk). Typos are
//! found by a bounded Damerau–Levenshtein scan over terms with the same first
//! letter and a close length.
//!
//! Ranking is BM25F: per-field term frequencies are length-normalised, weighted by
//! field boost, summed, and saturated once (Robertson & Zaragoza, "The Probabilistic
//! Relevance Framework: BM25 and Beyond", 2009). A key design decision: results are
//! ordered first by *match quality* (how many query words matched as written, by
//! stem or prefix, versus by variant spelling or typo) and only then by score, so an
//! exact spelling always ranks above a variant or a typo, however often the
//! variant repeats.
//!
//! The knobs:
//!
//! | knob | value | range and effect |
//! |---|---|---|
//! | [`K1`] | 1.2 | 0–3: how fast repeated occurrences stop adding score (0 = presence only) |
//! | [`B`] | 0.75 | 0–1: how much longer fields are penalised (0 = not at all) |
//! | [`TITLE_BOOST`] | 2.5 | ≥ 1: how much a word in the title outweighs one in the body |
//! | [`NAMES_BOOST`] | 1.5 | ≥ 0: weight of a word in an entity name (0 = names not searched) |
//! | [`STEM_WEIGHT`] | 0.9 | 0–1: score fraction for another form of the same stem |
//! | [`PREFIX_WEIGHT`] | 0.8 | 0–1: score fraction for a completed prefix |
//! | [`VARIANT_WEIGHT`] | 0.7 | 0–1: score fraction for another romanisation |
//! | [`FUZZY_WEIGHT`] | 0.5 | 0–1: score fraction for a typo match, per edit |
//! | [`PHRASE_BOOST`] | 1.5 | ≥ 1: a phrase scores its words' sum times this |
//!
//! The index is one type, [`Index`], with a file per concept of it: its
//! documents' metadata (`documents`), postings (`postings`), terms and the
//! tables a query finds them through (`terms`), the scratch a document is read
//! into while it is added (`doc_terms`), adding and removing documents
//! (`build`), query words expanded into terms (`expand`), ranking (`rank`),
//! filters and facet values (`filter`), the binary form (`codec`) over the
//! byte encodings (`bytes`), and what a sharded index reads and writes of it
//! (`shard_hooks`).

mod build;
mod bytes;
mod codec;
mod doc_terms;
mod documents;
mod expand;
mod filter;
mod postings;
mod rank;
mod shard_hooks;
mod terms;

pub(crate) use build::{entity_forms, form_keys};
pub(in crate::search) use bytes::{
    read_front_coded, read_str, read_varint, write_front_coded, write_str, write_varint,
};
pub use expand::{
    max_edits, FUZZY_WEIGHT, MAX_FUZZY_EXPANSIONS, MAX_PREFIX_EXPANSIONS, PREFIX_WEIGHT,
    STEM_WEIGHT, VARIANT_WEIGHT,
};
pub use rank::{Ranked, Scored, B, K1, NAMES_BOOST, PHRASE_BOOST, TITLE_BOOST};

use crate::text::FxMap;
use doc_terms::DocTerms;
use documents::{Doc, EntityTable};
use terms::{LazyLookups, Term, TermTable};

/// The fields a document is indexed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The headline.
    Title = 0,
    /// The article text.
    Body = 1,
    /// The names of the entities the article mentions.
    Names = 2,
}

const FIELDS: usize = 3;

/// An inverted index over documents with a title, a body and entity names.
///
/// ```
/// use folio_core::search::{Index, Query};
///
/// let mut index = Index::default();
/// index.add("a", "Ferry news", "The ferry sailed to Kupyansk.");
/// index.add("b", "Other", "Nothing here about boats.");
/// let hits = index.search(&Query::parse("kupiansk ferr"));
/// assert_eq!(hits.len(), 1);
/// assert_eq!(index.id(hits[0].doc), "a");
/// assert_eq!(hits[0].matched, ["kupyansk", "ferry"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    docs: Vec<Doc>,
    /// Field lengths per document, apart from [`Doc`] so that scoring, which
    /// reads them for every posting, touches few cache lines.
    lens: Vec<[u32; FIELDS]>,
    by_id: FxMap<String, u32>,
    terms: Vec<Term>,
    /// Term text → id, for interning while indexing (hashing beats the sorted
    /// map's string comparisons).
    lookup: TermTable,
    /// The tables queries find terms through, made on first use: see
    /// [`Index::lookups`].
    lookups: LazyLookups,
    /// Scratch for [`Index::add`]: the distinct terms of the document being
    /// added, kept so that each document does not grow its tables from nothing.
    doc_terms: DocTerms,
    entity_table: EntityTable,
    len_sums: [u64; FIELDS],
    live_docs: u32,
}

impl Index {
    /// The external id of an internal document number.
    pub fn id(&self, doc: u32) -> &str {
        &self.docs[doc as usize].id
    }

    /// Number of documents in the index.
    pub fn len(&self) -> usize {
        self.live_docs as usize
    }

    /// Whether the index holds no documents.
    pub fn is_empty(&self) -> bool {
        self.live_docs == 0
    }

    /// Number of distinct terms that occur in at least one document.
    pub fn term_count(&self) -> usize {
        self.terms.iter().filter(|t| !t.postings.is_empty()).count()
    }

    /// In how many documents a term occurs: its postings, or where they are not
    /// loaded (a sharded index), what the lexicon said.
    #[inline]
    fn df(&self, term: u32) -> usize {
        let t = &self.terms[term as usize];
        t.postings.len().max(t.lex_df as usize)
    }
}

#[cfg(test)]
mod testing {
    //! The small index the unit tests of several files search.

    use super::Index;
    use crate::search::Query;

    pub(super) fn index() -> Index {
        let mut i = Index::default();
        i.add(
            "lyman",
            "Lyman retaken",
            "Troops entered Lyman. Lyman was cleared.",
        );
        i.add(
            "kharkiv",
            "Kharkiv advance",
            "The counteroffensive near Kharkiv reached Lyman roads.",
        );
        i.add("other", "Weather", "Rain fell on the coast.");
        i
    }

    pub(super) fn ids(i: &Index, q: &str) -> Vec<String> {
        i.search(&Query::parse(q))
            .iter()
            .map(|s| i.id(s.doc).to_string())
            .collect()
    }
}
