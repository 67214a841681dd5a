//! The reader: what the browser keeps of a sharded site (the manifest, the
//! document table, and the lexicon buckets, postings and entity lists queries
//! have needed so far), which files a query still needs, and its answer from
//! them — as the whole index would give it.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{
    buckets_of, docs_path, entity_path, lexicon_path, positions_path, postings_path, Manifest, DIR,
    DOCS_MAGIC, FORMAT, LEX_MAGIC, MANIFEST, POST_MAGIC, POS_MAGIC,
};
use crate::model::{Article, EntityKind};
use crate::search::index::{read_front_coded, read_str, read_varint, Index, Ranked, Scored};
use crate::search::query::{Alt, Filter, Query};
use crate::search::{FacetCount, Facets, Hit, SearchResults, FACET_LIMIT};
use crate::text::{fold, tokens, variant_key};

/// Entities an entity filter may stand for (an ambiguous `person:smith`).
const FILTER_ENTITIES: usize = 8;

/// The client side: the manifest and document table, plus whatever lexicon
/// buckets, postings and entity lists queries have needed so far.
#[derive(Debug, Clone)]
pub struct Sharded {
    /// The manifest as read.
    pub manifest: Manifest,
    index: Index,
    /// Site paths loaded so far.
    loaded: HashSet<String>,
    /// By term id: its postings shard, for terms a lexicon bucket listed.
    shard_of: HashMap<u32, u32>,
    /// Terms whose postings are loaded, and whose positions are.
    with_postings: HashSet<u32>,
    with_positions: HashSet<u32>,
    /// Per listed entity id: the articles that mention it, once loaded.
    entity_docs: HashMap<String, Vec<u32>>,
    /// See [`Sharded::entity_keys`].
    entity_keys: std::sync::OnceLock<Vec<Vec<String>>>,
}

/// Why shards could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShardError {
    /// The manifest is not a manifest: truncated, altered or not JSON.
    #[error("the index manifest ({MANIFEST}) is unreadable")]
    Manifest,
    /// The manifest is readable but of another format: the site was built by
    /// another version of Folio, and rebuilding it is the fix.
    #[error(
        "the index is in format {found}, and this version of Folio reads format {expected}; rebuilding the site with this version's folio build mends it"
    )]
    Version {
        /// The manifest's [`FORMAT`].
        found: u32,
        /// This reader's [`FORMAT`].
        expected: u32,
    },
    /// A shard file is truncated, tampered with or of another version.
    #[error("{0} is corrupt")]
    Corrupt(String),
}

impl Sharded {
    /// Opens a sharded index from its manifest and document table.
    pub fn open(manifest: &str, docs: &[u8]) -> Result<Sharded, ShardError> {
        let manifest: Manifest =
            serde_json::from_str(manifest).map_err(|_| ShardError::Manifest)?;
        if manifest.format != FORMAT {
            return Err(ShardError::Version {
                found: manifest.format,
                expected: FORMAT,
            });
        }
        let corrupt = || ShardError::Corrupt(docs_path());
        let index = read_docs(docs).ok_or_else(corrupt)?;
        if index.len() != manifest.articles as usize {
            return Err(corrupt());
        }
        Ok(Sharded {
            manifest,
            index,
            loaded: HashSet::new(),
            shard_of: HashMap::new(),
            with_postings: HashSet::new(),
            with_positions: HashSet::new(),
            entity_docs: HashMap::new(),
            entity_keys: std::sync::OnceLock::new(),
        })
    }

    /// The files (site paths) a query still needs, in the order it needs them:
    /// first the lexicon buckets of its words; once those are in, the postings
    /// (and for phrases positions) of the terms they expand to, and the article
    /// lists of the entities its filters name. Empty when it can be answered.
    pub fn wanted(&self, query: &Query) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let want = |path: String, out: &mut Vec<String>| {
            if !self.loaded.contains(&path) && !out.contains(&path) {
                out.push(path);
            }
        };
        let words = query
            .clauses
            .iter()
            .flat_map(|c| &c.alts)
            .chain(&query.excluded)
            .flat_map(|alt| match alt {
                Alt::Word(t) => vec![t.text.as_str()],
                Alt::Phrase(ws) => ws.iter().map(String::as_str).collect(),
            });
        for w in words {
            for b in buckets_of(w) {
                if self.manifest.lexicon.binary_search(&b).is_ok() {
                    want(lexicon_path(&b), &mut out);
                }
            }
        }
        for id in self.filter_entities(query).into_iter().flatten() {
            want(entity_path(id, "docs"), &mut out);
        }
        if !out.is_empty() {
            return out;
        }
        for (term, positions) in self.index.wanted_terms(query) {
            let Some(&shard) = self.shard_of.get(&term) else {
                continue;
            };
            if !self.with_postings.contains(&term) {
                want(postings_path(shard), &mut out);
            }
            if positions && !self.with_positions.contains(&term) {
                want(positions_path(shard), &mut out);
            }
        }
        out
    }

    /// Takes in a file [`Sharded::wanted`] asked for.
    pub fn load(&mut self, path: &str, bytes: &[u8]) -> Result<(), ShardError> {
        let corrupt = || ShardError::Corrupt(path.to_string());
        let rest = path.strip_prefix(DIR).and_then(|p| p.strip_prefix('/'));
        let ok = match rest {
            Some(p) if p.starts_with("lex/") => self.read_lexicon(bytes),
            Some(p) if p.starts_with("post/") => self.read_postings(bytes),
            Some(p) if p.starts_with("pos/") => self.read_positions(bytes),
            Some(p) if p.starts_with("ent/") && p.ends_with(".docs.gz") => {
                let id = self
                    .manifest
                    .entities
                    .iter()
                    .find(|e| entity_path(&e.id, "docs") == path)
                    .map(|e| e.id.clone());
                read_doc_list(bytes, self.index.len()).map(|docs| {
                    if let Some(id) = id {
                        self.entity_docs.insert(id, docs);
                    }
                })
            }
            _ => None,
        };
        ok.ok_or_else(corrupt)?;
        self.loaded.insert(path.to_string());
        Ok(())
    }

    fn read_lexicon(&mut self, bytes: &[u8]) -> Option<()> {
        let mut r = bytes.strip_prefix(LEX_MAGIC)?;
        let n = read_varint(&mut r)? as usize;
        let mut prev = String::new();
        for _ in 0..n {
            let text = read_front_coded(&mut r, &prev)?;
            let df = u32::try_from(read_varint(&mut r)?).ok()?;
            let shard = u32::try_from(read_varint(&mut r)?).ok()?;
            if shard >= self.manifest.postings || text.is_empty() {
                return None;
            }
            let id = self.index.list_term(&text, df);
            self.shard_of.insert(id, shard);
            prev = text;
        }
        r.is_empty().then_some(())
    }

    fn read_postings(&mut self, bytes: &[u8]) -> Option<()> {
        let mut r = bytes.strip_prefix(POST_MAGIC)?;
        while !r.is_empty() {
            let text = read_str(&mut r)?;
            let id = self.index.list_term(text, 0);
            self.index.read_term_postings(id, &mut r)?;
            self.with_postings.insert(id);
            self.with_positions.remove(&id);
        }
        Some(())
    }

    fn read_positions(&mut self, bytes: &[u8]) -> Option<()> {
        let mut r = bytes.strip_prefix(POS_MAGIC)?;
        while !r.is_empty() {
            let text = read_str(&mut r)?;
            let id = self.index.term_by_text(text)?;
            if !self.with_postings.contains(&id) {
                return None;
            }
            self.index.read_term_positions(id, &mut r)?;
            self.with_positions.insert(id);
        }
        Some(())
    }

    /// Per entity filter of the query, the listed entities it can stand for.
    /// Per listed entity, the variant keys of every word of its name and
    /// aliases; made at the first entity filter, not for every query.
    fn entity_keys(&self) -> &[Vec<String>] {
        self.entity_keys.get_or_init(|| {
            self.manifest
                .entities
                .iter()
                .map(|e| {
                    std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .flat_map(|n| tokens(n).map(|t| variant_key(&fold(t.text))))
                        .collect()
                })
                .collect()
        })
    }

    fn filter_entities<'a>(&'a self, query: &Query) -> Vec<Vec<&'a str>> {
        query
            .filters
            .iter()
            .filter_map(|f| match f {
                Filter::Entity { .. } => Some(
                    self.manifest
                        .entities
                        .iter()
                        .zip(self.entity_keys())
                        .filter(|(e, words)| f.wants_entity(e.kind, words))
                        .map(|(e, _)| e)
                        .take(FILTER_ENTITIES)
                        .map(|e| e.id.as_str())
                        .collect(),
                ),
                _ => None,
            })
            .collect()
    }

    /// Answers a query whose [`Sharded::wanted`] files are loaded: every match,
    /// best first, matched terms for the first `limit` — as the whole index
    /// would. Hits are article numbers (see
    /// [`record_path`](super::record_path)).
    pub fn search(&self, query: &Query, limit: usize) -> Ranked {
        let sets: Vec<HashSet<u32>> = self
            .filter_entities(query)
            .into_iter()
            .map(|ids| {
                ids.into_iter()
                    .filter_map(|id| self.entity_docs.get(id))
                    .flatten()
                    .copied()
                    .collect()
            })
            .collect();
        let mut plain = query.clone();
        plain
            .filters
            .retain(|f| !matches!(f, Filter::Entity { .. }));
        if plain.clauses.is_empty() && plain.excluded.is_empty() && plain.filters.is_empty() {
            if sets.is_empty() {
                return Ranked::default();
            }
            // Entity filters alone: every article they allow, in corpus order.
            let mut docs: Vec<u32> = sets[0]
                .iter()
                .copied()
                .filter(|d| sets[1..].iter().all(|s| s.contains(d)))
                .collect();
            docs.sort_unstable();
            return Ranked {
                hits: docs
                    .into_iter()
                    .map(|doc| Scored {
                        doc,
                        score: 0.0,
                        matched: Vec::new(),
                    })
                    .collect(),
            };
        }
        self.index
            .search_top_where(&plain, limit, &|d| sets.iter().all(|s| s.contains(&d)))
    }

    /// The answer to `text` (parsed as `query`, ranked by [`Sharded::search`]),
    /// with the hits whose records `record` gives (the first `limit` should be
    /// loaded): outlet and month facets over every match, entity facets over
    /// those records (the [module docs](super) say why), and the parser's notices plus
    /// one for an entity filter that names no listed entity.
    pub fn results<'a>(
        &self,
        text: &str,
        query: &Query,
        ranked: Ranked,
        limit: usize,
        record: impl Fn(u32) -> Option<&'a Article>,
    ) -> SearchResults {
        let mut facets = Facets::count(&self.index, ranked.hits.iter().map(|s| s.doc));
        let shown: Vec<&Article> = ranked
            .hits
            .iter()
            .take(limit)
            .filter_map(|s| record(s.doc))
            .collect();
        let mut counts: [BTreeMap<&str, usize>; 3] = Default::default();
        for a in &shown {
            let mut seen: HashSet<(EntityKind, &str)> = HashSet::new();
            for e in &a.entities {
                if seen.insert((e.kind, e.name.as_str())) {
                    *counts[e.kind as usize].entry(e.name.as_str()).or_default() += 1;
                }
            }
        }
        let [people, places, orgs] = counts.map(|m| {
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
        (facets.people, facets.places, facets.orgs) = (people, places, orgs);
        let mut notices = query.notices.clone();
        if self.unknown_entity_filters(query) > 0 {
            notices.push(format!(
                "an entity filter names none of the {} most mentioned entities, which are the ones this large corpus can filter by",
                self.manifest.entities.len()
            ));
        }
        let total = ranked.hits.len();
        let hits = ranked
            .hits
            .iter()
            .take(limit)
            .filter_map(|s| Some(Hit::of(record(s.doc)?, s, query)))
            .collect();
        SearchResults {
            query: text.to_string(),
            total,
            hits,
            notices,
            facets,
        }
    }

    /// Entity filters of the query that name no listed entity, for a notice.
    fn unknown_entity_filters(&self, query: &Query) -> usize {
        self.filter_entities(query)
            .iter()
            .filter(|ids| ids.is_empty())
            .count()
    }
}

fn read_docs(bytes: &[u8]) -> Option<Index> {
    let mut r = bytes.strip_prefix(DOCS_MAGIC)?;
    let n = read_varint(&mut r)? as usize;
    if n > bytes.len() {
        return None;
    }
    let mut lens = vec![[0u32; 3]; n];
    for f in 0..3 {
        for l in &mut lens {
            l[f] = u32::try_from(read_varint(&mut r)?).ok()?;
        }
    }
    let mut columns: Vec<Vec<Option<String>>> = Vec::with_capacity(2);
    for _ in 0..2 {
        let count = read_varint(&mut r)? as usize;
        let mut distinct = Vec::with_capacity(count.min(bytes.len()));
        for _ in 0..count {
            distinct.push(read_str(&mut r)?.to_string());
        }
        let mut column = Vec::with_capacity(n);
        for _ in 0..n {
            column.push(match read_varint(&mut r)? as usize {
                0 => None,
                i => Some(distinct.get(i - 1)?.clone()),
            });
        }
        columns.push(column);
    }
    let outlets = columns.pop()?;
    let published = columns.pop()?;
    r.is_empty()
        .then(|| Index::from_doc_table(lens, published, outlets))
}

fn read_doc_list(bytes: &[u8], n: usize) -> Option<Vec<u32>> {
    let mut r = bytes;
    let mut out = Vec::new();
    let mut doc = 0u32;
    while !r.is_empty() {
        doc = doc.checked_add(u32::try_from(read_varint(&mut r)?).ok()?)?;
        if doc as usize >= n {
            return None;
        }
        out.push(doc);
    }
    Some(out)
}
