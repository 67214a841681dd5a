//! The index in shards, for corpora too large to load whole: the search of a
//! static site fetches only the pieces a query needs.
//!
//! A site of many articles (`folio build` above [`SHARD_ABOVE`] articles) holds,
//! under [`DIR`]:
//!
//! | file | what | loaded |
//! |---|---|---|
//! | `manifest.json` | counts, the lexicon's bucket names, the most mentioned entities ([`Manifest`]) | at start |
//! | `docs.bin.gz` | per article: field lengths (for BM25F), date, outlet | at start |
//! | `lex/B.bin.gz` | every term whose first letter, or whose [`variant_key`]'s first letter, is `B`: its document frequency and postings shard | per query word |
//! | `post/N.bin.gz` | the postings (document, field frequencies) of a run of terms in sorted order, about [`POSTINGS_SHARD_BYTES`] | per matched term |
//! | `pos/N.bin.gz` | the positions of the same terms | for phrases only |
//! | `rec/K/N.json.gz` | article `N` (K = N / 1000), as extracted ([`write_record`]) | per hit shown, per article opened |
//! | `ids/B.json.gz` | article id → number, bucketed by a hash of the id | per deep link |
//! | `ent/ID.json.gz` | an entity page's data: the paragraphs that mention it in its most-mentioning articles, as a small extraction | per entity page |
//! | `ent/ID.docs.gz` | the numbers of every article that mentions it | per entity filter |
//!
//! Every file but the manifest is stored gzip-compressed (`.gz`): static hosts
//! compress JSON and JavaScript on the fly but send other types as they are,
//! so the build compresses them once (the `sink` of [`write`] does, for every
//! path ending in `.gz`) and the browser inflates them (its
//! `DecompressionStream`); [`Sharded::load`] takes the inflated bytes. This is
//! Pagefind's approach too.
//!
//! A query is answered in two rounds of fetches ([`Sharded::wanted`]): the
//! lexicon buckets of its words, then the postings of the terms they expand to.
//! Because a bucket holds every term that starts with a letter (and every term
//! whose romanisation key does), the expansions — stems, romanisations, prefix
//! completions, typo corrections, which all share a first letter or a key — are
//! exactly the whole index's, and so are the scores: the shards are the same
//! index, cut up ([`Sharded::search`] is [`Index::search_top_where`]).
//!
//! Limits, by design: entity filters (`person:` …) reach the entities the
//! manifest lists ([`SUMMARY_ENTITIES`]); entity facets count the hits whose
//! records are loaded, not every match (outlet and month facets count all).

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::index::{
    read_front_coded, read_str, read_varint, write_front_coded, write_str, write_varint, Index,
    Ranked, Scored,
};
use super::query::{Filter, Query};
use crate::model::{Article, CorpusEntity, EntityKind, Extraction};
use crate::text::{fold, tokens, variant_key, FxMap};

/// `folio build` shards a corpus of more articles than this. An extracted
/// article is about 11.5 kB of bundle JSON (2.5 kB compressed), so below it the
/// whole corpus is one `corpus.json` of at most ~23 MB (~5 MB on the wire),
/// which loads in seconds and keeps every view (timeline, map, quotes) whole;
/// above it the first load would grow without bound.
pub const SHARD_ABOVE: usize = 2_000;

/// Where the shards are, relative to the site.
pub const DIR: &str = "shards";

/// The manifest's path, relative to the site.
pub const MANIFEST: &str = "shards/manifest.json";

/// The name of the `<meta>` whose content is [`MANIFEST`]: `folio build` puts it
/// in a sharded site's page, and it tells the app to open the shards instead of
/// `corpus.json` (the service worker, `web/sw.js`, looks for it too).
pub const META_NAME: &str = "folio-shards";

/// The format version, bumped on any incompatible change (2: records without
/// their span texts, [`write_record`]).
pub const FORMAT: u32 = 2;

/// A postings shard is closed once it holds this many bytes (a single term may
/// exceed it alone). Small enough that a query fetches little beside its own
/// terms, large enough that the terms a word expands to (neighbours in sorted
/// order) mostly share one.
pub const POSTINGS_SHARD_BYTES: usize = 32 * 1024;

/// Entities listed in the manifest, most mentioned first: the Entities view's
/// list and what entity filters can reach.
pub const SUMMARY_ENTITIES: usize = 1_500;

/// Articles an entity page file excerpts (the most-mentioning ones).
pub const ENTITY_PAGE_ARTICLES: usize = 25;

/// Aliases kept per listed entity.
const SUMMARY_ALIASES: usize = 6;

/// Entities an entity filter may stand for (an ambiguous `person:smith`).
const FILTER_ENTITIES: usize = 8;

const DOCS_MAGIC: &[u8] = b"FOLID1";
const LEX_MAGIC: &[u8] = b"FOLIL1";
const POST_MAGIC: &[u8] = b"FOLIP1";
const POS_MAGIC: &[u8] = b"FOLIQ1";

/// What a sharded site says up front.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`FORMAT`].
    pub format: u32,
    /// Articles.
    pub articles: u32,
    /// Entities in all (the list below is capped).
    pub entity_count: usize,
    /// Quotes in all.
    pub quote_count: usize,
    /// Buckets of `ids/`.
    pub id_buckets: u32,
    /// Names of the lexicon buckets that exist.
    pub lexicon: Vec<String>,
    /// Number of postings (and positions) shards.
    pub postings: u32,
    /// The most mentioned entities, at most [`SUMMARY_ENTITIES`].
    pub entities: Vec<ListedEntity>,
}

/// An entity as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedEntity {
    /// Corpus-wide id.
    pub id: String,
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// Preferred name.
    pub name: String,
    /// Other surface forms (the first few).
    pub aliases: Vec<String>,
    /// Mentions across all articles.
    pub mentions: usize,
    /// Articles that mention it.
    pub articles: usize,
}

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

/// The document table's site path.
pub fn docs_path() -> String {
    format!("{DIR}/docs.bin.gz")
}

/// A lexicon bucket's site path.
pub fn lexicon_path(bucket: &str) -> String {
    format!("{DIR}/lex/{bucket}.bin.gz")
}

/// A postings shard's site path.
pub fn postings_path(shard: u32) -> String {
    format!("{DIR}/post/{shard}.bin.gz")
}

/// A positions shard's site path.
pub fn positions_path(shard: u32) -> String {
    format!("{DIR}/pos/{shard}.bin.gz")
}

/// The site path of article number `doc`'s record.
pub fn record_path(doc: u32) -> String {
    format!("{DIR}/rec/{}/{doc}.json.gz", doc / 1000)
}

/// The site path of the bucket that maps `id` to its article number.
pub fn id_bucket_path(id: &str, buckets: u32) -> String {
    format!("{DIR}/ids/{}.json.gz", fnv(id) % buckets.max(1))
}

/// The site path of an entity's page data (`ext` `json`) or article list (`docs`).
/// A long id is cut, with a hash of the whole after it, so that the name stays
/// within what file systems take (255 bytes) and stays unique.
pub fn entity_path(id: &str, ext: &str) -> String {
    let mut name = escape(id);
    if name.len() > MAX_NAME {
        let mut cut = MAX_NAME - 9;
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        name = format!("{}~{:08x}", &name[..cut], fnv(id));
    }
    format!("{DIR}/ent/{name}.{ext}.gz")
}

/// Longest entity file name before its extension.
const MAX_NAME: usize = 120;

/// FNV-1a: the same on every platform (the id buckets are written natively and
/// read in the browser).
fn fnv(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// An id as a file name: letters, digits, `-` and `_` kept, anything else as
/// `~XX` bytes (never `%`, which a URL would decode back).
fn escape(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(b as char);
        } else {
            out.push_str(&format!("~{b:02X}"));
        }
    }
    out
}

/// The lexicon bucket of a folded word: its first character (ASCII as itself,
/// anything else by code point, so names stay file-safe).
fn bucket(word: &str) -> Option<String> {
    let c = word.chars().next()?;
    Some(if c.is_ascii_alphanumeric() {
        c.to_string()
    } else {
        format!("u{:x}", c as u32)
    })
}

/// The buckets a word's index terms can be in: its own first letter's and its
/// romanisation key's (Kharkiv's key starts with an h).
fn buckets_of(word: &str) -> Vec<String> {
    let mut out: Vec<String> = bucket(word).into_iter().collect();
    if let Some(b) = bucket(&variant_key(word)) {
        if !out.contains(&b) {
            out.push(b);
        }
    }
    out
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
    let entity_by_id: FxMap<&str, &CorpusEntity> =
        entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut listed: Vec<ListedEntity> = Vec::with_capacity(entities.len());
    let mut sentences_of: FxMap<u32, Vec<std::ops::Range<usize>>> = FxMap::default();
    for e in entities {
        let mut docs = docs_of.remove(e.id.as_str()).unwrap_or_default();
        let mentions = docs.iter().map(|d| d.0).sum();
        listed.push(ListedEntity {
            id: e.id.clone(),
            kind: e.kind,
            name: e.name.clone(),
            aliases: e
                .aliases
                .iter()
                .filter(|a| **a != e.name)
                .take(SUMMARY_ALIASES)
                .cloned()
                .collect(),
            mentions,
            articles: docs.len(),
        });
        let mut list = Vec::new();
        let mut last = 0;
        for &(_, doc) in &docs {
            write_varint(&mut list, u64::from(doc - last));
            last = doc;
        }
        put(&entity_path(&e.id, "docs"), &list, &mut stats)?;
        // Most mentions first, then corpus order.
        docs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        docs.truncate(ENTITY_PAGE_ARTICLES);
        docs.sort_by_key(|d| d.1);
        let articles: Vec<Article> = docs
            .iter()
            .filter_map(|&(_, doc)| {
                let a = by_id.get(index.id(doc))?;
                let s = sentences_of
                    .entry(doc)
                    .or_insert_with(|| crate::text::sentences::split(&a.text).collect());
                Some(excerpt(a, &e.id, s))
            })
            .collect();
        // Every entity the excerpts mention, in first-seen order, each with
        // the excerpts that mention it (one pass: the page's entity list was
        // found by scanning every excerpt per entity).
        let mut present: Vec<CorpusEntity> = Vec::new();
        let mut slot: FxMap<&str, usize> = FxMap::default();
        for a in &articles {
            for ae in &a.entities {
                let i = match slot.get(ae.id.as_str()) {
                    Some(&i) => i,
                    None => {
                        let Some(ce) = entity_by_id.get(ae.id.as_str()) else {
                            continue;
                        };
                        slot.insert(&ae.id, present.len());
                        // Field by field: the corpus entity's own article
                        // list can be thousands long, and is replaced.
                        present.push(CorpusEntity {
                            id: ce.id.clone(),
                            kind: ce.kind,
                            name: ce.name.clone(),
                            aliases: ce.aliases.clone(),
                            articles: Vec::new(),
                        });
                        present.len() - 1
                    }
                };
                if present[i].articles.last() != Some(&a.id) {
                    present[i].articles.push(a.id.clone());
                }
            }
        }
        let page = Extraction {
            articles,
            entities: present,
        };
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

/// Appends the record of `article` to `out`: its JSON without the texts that
/// are only a span of the article's text (each mention's, quote's, date's and
/// quantity's), which [`parse_record`] cuts back out. Those copies were 15% of
/// the JSON of 100,000 records (1,077 MB with them, 916 MB without), so of
/// the work of serialising and gzipping them; a text that is not its span
/// stays written.
pub fn write_record<'a>(out: &mut Vec<u8>, article: &'a Article) -> std::io::Result<()> {
    let text = article.text.as_str();
    // The text when it is not the span it claims (None: cut it from the article).
    let own = |t: &'a str, start: usize, end: usize| (text.get(start..end) != Some(t)).then_some(t);
    let record = RecordOut {
        file: &article.file,
        id: &article.id,
        title: &article.title,
        byline: &article.byline,
        published: &article.published,
        outlet: &article.outlet,
        url: &article.url,
        text,
        removed: &article.removed,
        entities: article
            .entities
            .iter()
            .map(|e| EntityOut {
                id: &e.id,
                kind: e.kind,
                name: &e.name,
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| SpanOut {
                        start: m.start,
                        end: m.end,
                        text: own(&m.text, m.start, m.end),
                    })
                    .collect(),
            })
            .collect(),
        quotes: article
            .quotes
            .iter()
            .map(|q| QuoteOut {
                text: own(&q.text, q.start, q.end),
                speaker: &q.speaker,
                speaker_id: &q.speaker_id,
                start: q.start,
                end: q.end,
            })
            .collect(),
        dates: article
            .dates
            .iter()
            .map(|d| DateOut {
                text: own(&d.text, d.start, d.end),
                value: &d.value,
                start: d.start,
                end: d.end,
            })
            .collect(),
        quantities: article
            .quantities
            .iter()
            .map(|q| QuantityOut {
                text: own(&q.text, q.start, q.end),
                value: q.value,
                unit: &q.unit,
                start: q.start,
                end: q.end,
            })
            .collect(),
        word_count: article.word_count,
    };
    serde_json::to_writer(out, &record).map_err(std::io::Error::other)
}

/// Reads what [`write_record`] wrote: the article, every span's text cut out of
/// its text again; `None` for a record that is not one (not JSON, or a span
/// outside the text or inside a character).
pub fn parse_record(bytes: &[u8]) -> Option<Article> {
    let mut a: Article = serde_json::from_slice(bytes).ok()?;
    let text = a.text.as_str();
    let fill = |t: &mut String, start: usize, end: usize| -> Option<()> {
        if t.is_empty() && start < end {
            *t = text.get(start..end)?.to_string();
        }
        Some(())
    };
    for e in &mut a.entities {
        for m in &mut e.mentions {
            fill(&mut m.text, m.start, m.end)?;
        }
    }
    for q in &mut a.quotes {
        fill(&mut q.text, q.start, q.end)?;
    }
    for d in &mut a.dates {
        fill(&mut d.text, d.start, d.end)?;
    }
    for q in &mut a.quantities {
        fill(&mut q.text, q.start, q.end)?;
    }
    Some(a)
}

/// [`Article`] as [`write_record`] writes it: the same fields, borrowed, and
/// the span texts only where they differ from their span.
#[derive(Serialize)]
struct RecordOut<'a> {
    file: &'a str,
    id: &'a str,
    title: &'a str,
    byline: &'a Option<String>,
    published: &'a Option<String>,
    outlet: &'a Option<String>,
    url: &'a Option<String>,
    text: &'a str,
    removed: &'a [String],
    entities: Vec<EntityOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
    dates: Vec<DateOut<'a>>,
    quantities: Vec<QuantityOut<'a>>,
    word_count: usize,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    kind: EntityKind,
    name: &'a str,
    mentions: Vec<SpanOut<'a>>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    speaker: &'a Option<String>,
    speaker_id: &'a Option<String>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct DateOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    value: &'a Option<String>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct QuantityOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    value: f64,
    unit: &'a str,
    start: usize,
    end: usize,
}

/// `value` as JSON in `buf` (emptied first).
fn to_json<'b>(buf: &'b mut Vec<u8>, value: &impl Serialize) -> std::io::Result<&'b [u8]> {
    buf.clear();
    serde_json::to_writer(&mut *buf, value).map_err(std::io::Error::other)?;
    Ok(buf)
}

/// The sentences of `article` (split as `sentences`: a build excerpts one
/// article for many entities) that mention entity `id` or quote it, as an
/// article of their own (each run of them a paragraph): every span inside
/// them moved to the new offsets, every other dropped. An entity page shows
/// mentions in context, not whole articles, and scraped paragraphs can be
/// whole articles long. Only what the entity view reads is kept: the
/// entities (for its mentions and those sharing its sentences) and its own
/// quotes; other speakers' quotes, dates and quantities are dropped, as a
/// third of a build's output was entity pages.
fn excerpt(article: &Article, id: &str, sentences: &[std::ops::Range<usize>]) -> Article {
    let spans = article
        .entities
        .iter()
        .filter(|e| e.id == id)
        .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
        .chain(
            article
                .quotes
                .iter()
                .filter(|q| q.speaker_id.as_deref() == Some(id))
                .map(|q| (q.start, q.end)),
        );
    let mut ranges: Vec<(usize, usize)> = spans
        .map(|(s, e)| {
            // The sentences overlapping s..e: they are in text order and do
            // not overlap, so they start at the first that ends after s.
            let first = sentences.partition_point(|r| r.end <= s);
            let over = sentences[first..].iter().take_while(|r| r.start < e);
            let lo = over.clone().map(|r| r.start).min().unwrap_or(s).min(s);
            let hi = over.map(|r| r.end).max().unwrap_or(e).max(e);
            (lo, hi)
        })
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (lo, hi) in ranges {
        match merged.last_mut() {
            // Touching or overlapping (a space apart counts): one passage.
            Some(last) if lo <= last.1 + 1 => last.1 = last.1.max(hi),
            _ => merged.push((lo, hi)),
        }
    }
    // (old start, old end, new start) of each kept passage.
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    let mut text = String::new();
    for (lo, hi) in merged {
        let Some(passage) = article.text.get(lo..hi) else {
            continue;
        };
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        kept.push((lo, hi, text.len()));
        text.push_str(passage);
    }
    let moved = |start: usize, end: usize| {
        kept.iter()
            .find(|k| start >= k.0 && end <= k.1)
            .map(|k| (start - k.0 + k.2, end - k.0 + k.2))
    };
    // Field by field: cloning the article and replacing its text and spans
    // would copy all of them first.
    let mut out = Article {
        file: article.file.clone(),
        id: article.id.clone(),
        title: article.title.clone(),
        byline: article.byline.clone(),
        published: article.published.clone(),
        outlet: article.outlet.clone(),
        url: article.url.clone(),
        text: String::new(),
        removed: Vec::new(),
        entities: Vec::new(),
        quotes: Vec::new(),
        dates: Vec::new(),
        quantities: Vec::new(),
        word_count: article.word_count,
    };
    for e in &article.entities {
        let mentions: Vec<_> = e
            .mentions
            .iter()
            .filter_map(|m| {
                let (start, end) = moved(m.start, m.end)?;
                Some(crate::model::Mention {
                    start,
                    end,
                    ..m.clone()
                })
            })
            .collect();
        if !mentions.is_empty() {
            out.entities.push(crate::model::ArticleEntity {
                id: e.id.clone(),
                kind: e.kind,
                name: e.name.clone(),
                mentions,
            });
        }
    }
    out.quotes = article
        .quotes
        .iter()
        .filter(|q| q.speaker_id.as_deref() == Some(id))
        .filter_map(|q| {
            let (start, end) = moved(q.start, q.end)?;
            Some(crate::model::Quote {
                start,
                end,
                ..q.clone()
            })
        })
        .collect();
    out.text = text;
    out
}

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
    /// The manifest is not JSON of this format.
    #[error("the index manifest is unreadable or of another version")]
    Manifest,
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
            return Err(ShardError::Manifest);
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
                super::query::Alt::Word(t) => vec![t.text.as_str()],
                super::query::Alt::Phrase(ws) => ws.iter().map(String::as_str).collect(),
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
                Filter::Entity { kind, keys } => Some(
                    self.manifest
                        .entities
                        .iter()
                        .zip(self.entity_keys())
                        .filter(|(e, words)| {
                            e.kind == *kind && keys.iter().all(|k| words.contains(k))
                        })
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
    /// would. Hits are article numbers (see [`record_path`]).
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
    /// those records (the module docs say why), and the parser's notices plus
    /// one for an entity filter that names no listed entity.
    pub fn results<'a>(
        &self,
        text: &str,
        query: &Query,
        ranked: Ranked,
        limit: usize,
        record: impl Fn(u32) -> Option<&'a Article>,
    ) -> super::SearchResults {
        let mut facets = super::Facets::count(&self.index, ranked.hits.iter().map(|s| s.doc));
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
            let mut v: Vec<super::FacetCount> = m
                .into_iter()
                .map(|(value, count)| super::FacetCount {
                    value: value.to_string(),
                    count,
                })
                .collect();
            crate::sort::by(&mut v, |a, b| {
                b.count.cmp(&a.count).then(a.value.cmp(&b.value))
            });
            v.truncate(super::FACET_LIMIT);
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
            .filter_map(|s| Some(super::Hit::of(record(s.doc)?, s)))
            .collect();
        super::SearchResults {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_entity_paths_are_file_safe() {
        assert_eq!(
            entity_path("place-kyiv", "json"),
            "shards/ent/place-kyiv.json.gz"
        );
        assert_eq!(entity_path("a/b c", "docs"), "shards/ent/a~2Fb~20c.docs.gz");
        let long = "org-".to_string() + &"very-long-name-".repeat(40);
        let path = entity_path(&long, "json");
        assert!(path.len() < 160, "{path}");
        assert_ne!(path, entity_path(&(long.clone() + "x"), "json"));
    }
}
