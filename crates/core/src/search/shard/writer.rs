//! The writer: a corpus's index, articles and entities cut into the files of
//! a sharded site ([`super`] lists them). It runs once, at build time, through
//! a sink that stores (and gzips) each file, so it never touches the file
//! system itself.

use std::collections::BTreeMap;

use serde::Serialize;

use super::entities::{self, Pages};
use super::{
    buckets_of, docs_path, entity_path, fnv, lexicon_path, positions_path, postings_path,
    record_path, write_record, ListedEntity, Manifest, DIR, DOCS_MAGIC, FORMAT, LEX_MAGIC,
    MANIFEST, POSTINGS_SHARD_BYTES, POST_MAGIC, POS_MAGIC, SUMMARY_ENTITIES,
};
use crate::model::{Article, CorpusEntity};
use crate::search::index::{write_front_coded, write_str, write_varint, Index};
use crate::text::FxMap;

/// What writing the shards produced, for the build summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ShardStats {
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Postings shards.
    pub postings: u32,
    /// Lexicon buckets.
    pub lexicon: usize,
}

/// Writes `index`, over `articles` whose entity ids point into `entities`, as
/// shards through `sink(path, bytes)` (paths relative to the site, under
/// [`DIR`]; the sink gzips the bytes of every path ending in `.gz`). It takes a
/// corpus's parts rather than the corpus so that search depends on the model
/// only, not on what builds a corpus (extraction). The manifest is written
/// last, so a site whose build was cut short has no manifest rather than one
/// pointing at missing files.
pub fn write(
    index: &Index,
    articles: &[Article],
    entities: &[CorpusEntity],
    sink: &mut dyn FnMut(&str, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<ShardStats> {
    let mut stats = ShardStats::default();
    let mut put = |path: &str, bytes: &[u8], stats: &mut ShardStats| {
        stats.files += 1;
        stats.bytes += bytes.len() as u64;
        sink(path, bytes)
    };

    // One buffer serialises every JSON file: a new one per file grew by
    // doubling, which was 5% of a build's instructions.
    let mut buf: Vec<u8> = Vec::new();

    // Documents: field lengths column by column (each column compresses on
    // its own), then dates and outlets as numbers into tables.
    let table: Vec<_> = index.doc_table().collect();
    let mut docs = DOCS_MAGIC.to_vec();
    write_varint(&mut docs, table.len() as u64);
    for f in 0..3 {
        for (lens, _, _) in &table {
            write_varint(&mut docs, u64::from(lens[f]));
        }
    }
    for column in [1, 2] {
        let values: Vec<Option<&str>> = table
            .iter()
            .map(|(_, p, o)| if column == 1 { *p } else { *o })
            .collect();
        let mut distinct: Vec<&str> = values.iter().flatten().copied().collect();
        distinct.sort_unstable();
        distinct.dedup();
        write_varint(&mut docs, distinct.len() as u64);
        for v in &distinct {
            write_str(&mut docs, v);
        }
        for v in values {
            let n = v.map_or(0, |v| distinct.binary_search(&v).map_or(0, |i| i + 1));
            write_varint(&mut docs, n as u64);
        }
    }
    put(&docs_path(), &docs, &mut stats)?;

    // Postings and positions shards, terms in sorted order; the lexicon
    // entries gathered on the way.
    let mut lexicon: BTreeMap<String, Vec<(u32, u32, u32)>> = BTreeMap::new();
    let mut shard = 0u32;
    let mut post = POST_MAGIC.to_vec();
    let mut pos = POS_MAGIC.to_vec();
    for id in index.sorted_live_terms() {
        let text = index.term_text(id);
        write_str(&mut post, text);
        index.write_term_postings(id, &mut post);
        write_str(&mut pos, text);
        index.write_term_positions(id, &mut pos);
        for b in buckets_of(text) {
            lexicon
                .entry(b)
                .or_default()
                .push((id, index.term_df(id) as u32, shard));
        }
        if post.len() >= POSTINGS_SHARD_BYTES {
            put(&postings_path(shard), &post, &mut stats)?;
            put(&positions_path(shard), &pos, &mut stats)?;
            post.truncate(POST_MAGIC.len());
            pos.truncate(POS_MAGIC.len());
            shard += 1;
        }
    }
    if post.len() > POST_MAGIC.len() {
        put(&postings_path(shard), &post, &mut stats)?;
        put(&positions_path(shard), &pos, &mut stats)?;
        shard += 1;
    }
    stats.postings = shard;
    stats.lexicon = lexicon.len();
    for (name, entries) in &lexicon {
        let mut out = LEX_MAGIC.to_vec();
        write_varint(&mut out, entries.len() as u64);
        let mut prev = "";
        for &(id, df, shard) in entries {
            let text = index.term_text(id);
            write_front_coded(&mut out, prev, text);
            write_varint(&mut out, u64::from(df));
            write_varint(&mut out, u64::from(shard));
            prev = text;
        }
        put(&lexicon_path(name), &out, &mut stats)?;
    }

    // Records, and the id buckets that find them.
    let by_id: FxMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let id_buckets = (table.len() / 256).max(1) as u32;
    let mut ids: Vec<BTreeMap<&str, u32>> = vec![BTreeMap::new(); id_buckets as usize];
    let mut docs_of: FxMap<&str, Vec<(usize, u32)>> = FxMap::default();
    for doc in 0..table.len() as u32 {
        let Some(article) = by_id.get(index.id(doc)) else {
            continue;
        };
        ids[(fnv(&article.id) % id_buckets) as usize].insert(&article.id, doc);
        for e in &article.entities {
            docs_of
                .entry(e.id.as_str())
                .or_default()
                .push((e.mentions.len(), doc));
        }
        buf.clear();
        write_record(&mut buf, article)?;
        put(&record_path(doc), &buf, &mut stats)?;
    }
    for (b, map) in ids.iter().enumerate() {
        let json = serde_json::to_vec(map).map_err(std::io::Error::other)?;
        put(&format!("{DIR}/ids/{b}.json.gz"), &json, &mut stats)?;
    }

    // Entities: a page file and an article list each; the most mentioned listed.
    let mut pages = Pages::new(index, &by_id, entities);
    let mut listed: Vec<ListedEntity> = Vec::with_capacity(entities.len());
    for e in entities {
        let docs = docs_of.remove(e.id.as_str()).unwrap_or_default();
        listed.push(entities::listed(e, &docs));
        let mut list = Vec::new();
        let mut last = 0;
        for &(_, doc) in &docs {
            write_varint(&mut list, u64::from(doc - last));
            last = doc;
        }
        put(&entity_path(&e.id, "docs"), &list, &mut stats)?;
        let page = pages.page(&e.id, docs);
        put(
            &entity_path(&e.id, "json"),
            to_json(&mut buf, &page)?,
            &mut stats,
        )?;
    }
    listed.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    let entity_count = listed.len();
    listed.truncate(SUMMARY_ENTITIES);
    let manifest = Manifest {
        format: FORMAT,
        articles: table.len() as u32,
        entity_count,
        quote_count: articles.iter().map(|a| a.quotes.len()).sum(),
        id_buckets,
        lexicon: lexicon.into_keys().collect(),
        postings: shard,
        entities: listed,
    };
    let json = serde_json::to_vec(&manifest).map_err(std::io::Error::other)?;
    put(MANIFEST, &json, &mut stats)?;
    Ok(stats)
}

/// `value` as JSON in `buf` (emptied first).
fn to_json<'b>(buf: &'b mut Vec<u8>, value: &impl Serialize) -> std::io::Result<&'b [u8]> {
    buf.clear();
    serde_json::to_writer(&mut *buf, value).map_err(std::io::Error::other)?;
    Ok(buf)
}
