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
//! so the build compresses them once (the `sink` of [`write()`] does, for every
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
//! index, cut up ([`Sharded::search`] is
//! [`Index::search_top_where`](super::Index::search_top_where)).
//!
//! Limits, by design: entity filters (`person:` …) reach the entities the
//! manifest lists ([`SUMMARY_ENTITIES`]); entity facets count the hits whose
//! records are loaded, not every match (outlet and month facets count all).
//!
//! The code is cut as the site is used. This module holds what both sides
//! agree on: where each file is, the manifest, the format's constants. The
//! writer ([`write()`]) runs once, at build time; the reader ([`Sharded`]) runs
//! in the browser, fetching and decoding what a query needs: the two are kept
//! apart as Pagefind keeps its indexer apart from its browser crate. The
//! article record ([`write_record`], [`parse_record`]) is the one file both
//! sides read field by field, so its two directions live together; entity
//! pages, excerpted from the articles rather than cut from the index, are made
//! on their own.

mod entities;
mod reader;
mod record;
mod writer;

pub use reader::{ShardError, Sharded};
pub use record::{parse_record, write_record};
pub use writer::{write, ShardStats};

use serde::{Deserialize, Serialize};

use crate::model::EntityKind;
use crate::text::variant_key;

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

// The first bytes of each binary file: its kind and version.
const DOCS_MAGIC: &[u8] = b"FOLID1";
const LEX_MAGIC: &[u8] = b"FOLIL1";
const POST_MAGIC: &[u8] = b"FOLIP1";
const POS_MAGIC: &[u8] = b"FOLIQ1";

/// What a sharded site says up front. Every field but the format may be
/// missing when read, so that a manifest of another format (whose other
/// fields may differ) is still read far enough to say so
/// ([`ShardError::Version`]) instead of "unreadable".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`FORMAT`].
    pub format: u32,
    /// Articles.
    #[serde(default)]
    pub articles: u32,
    /// Entities in all (the list below is capped).
    #[serde(default)]
    pub entity_count: usize,
    /// Quotes in all.
    #[serde(default)]
    pub quote_count: usize,
    /// Buckets of `ids/`.
    #[serde(default)]
    pub id_buckets: u32,
    /// Names of the lexicon buckets that exist.
    #[serde(default)]
    pub lexicon: Vec<String>,
    /// Number of postings (and positions) shards.
    #[serde(default)]
    pub postings: u32,
    /// The most mentioned entities, at most [`SUMMARY_ENTITIES`].
    #[serde(default)]
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
