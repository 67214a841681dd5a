//! The inverted index and its ranking.
//!
//! Each distinct folded word (a *term*) has a postings list: the documents that
//! contain it, how often in each field (title, body, entity names), and where
//! (positions, for phrases). Terms also sit in three lookup tables so a query
//! word finds its relatives without scanning: a sorted map (prefixes are range
//! scans), a stem table (Snowball English) and a variant table
//! ([`variant_key`]: Kupyansk/Kupiansk). Typos are found by a bounded
//! Damerau–Levenshtein scan over terms with the same first letter and a close
//! length.
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

use std::collections::{BTreeMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Bound;
use std::sync::{Arc, OnceLock};

use super::query::{Alt, Filter, Query, QueryTerm, Sort};
use crate::model::{Article, EntityKind};
use crate::text::{fold, fold_into, stem, tokens, variant_key, Spans, Step};
use crate::text::{FxHasher, FxMap};

/// BM25 term-frequency saturation.
pub const K1: f32 = 1.2;
/// BM25 length normalisation.
pub const B: f32 = 0.75;
/// Weight of the title field relative to the body.
pub const TITLE_BOOST: f32 = 2.5;
/// Weight of the entity-names field relative to the body.
pub const NAMES_BOOST: f32 = 1.5;
/// Score factor for a word of the same stem ("attacks" for "attack").
pub const STEM_WEIGHT: f32 = 0.9;
/// Score factor for a word that matched only as the completion of a prefix.
pub const PREFIX_WEIGHT: f32 = 0.8;
/// Score factor for another romanisation of the word (same [`variant_key`]).
pub const VARIANT_WEIGHT: f32 = 0.7;
/// Score factor for a typo match, raised to the number of edits.
pub const FUZZY_WEIGHT: f32 = 0.5;
/// A phrase scores the sum of its words' scores times this.
pub const PHRASE_BOOST: f32 = 1.5;
/// At most this many completions of a prefix are searched (the most frequent).
pub const MAX_PREFIX_EXPANSIONS: usize = 32;
/// At most this many typo corrections of a word are searched (only those with
/// the fewest edits, most frequent first). 1–16: more finds rarer corrections
/// at the cost of noise and time.
pub const MAX_FUZZY_EXPANSIONS: usize = 4;

/// Edits allowed for a typo in a word of `chars` characters: none up to 4 (short
/// words have too many neighbours), 1 for 5–8, 2 above.
pub fn max_edits(chars: usize) -> usize {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

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
const BOOSTS: [f32; FIELDS] = [TITLE_BOOST, 1.0, NAMES_BOOST];

/// How a document term was reached from a query word; higher is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
enum Tier {
    Fuzzy = 0,
    Variant = 1,
    /// As written, by stem, or as a prefix completion.
    Exact = 2,
}

/// What the index keeps about a document besides its words: enough to filter and
/// to count facets without going back to the article.
#[derive(Debug, Clone, PartialEq, Default)]
struct Doc {
    id: String,
    lens: [u32; FIELDS],
    live: bool,
    /// `YYYY-MM-DD` (or shorter), when known.
    published: Option<String>,
    /// The outlet as written, when known.
    outlet: Option<String>,
    /// Entities, each shared with every document that has the same one
    /// ([`Index::entity_table`]).
    entities: Vec<Arc<DocEntity>>,
}

/// An entity as a document's filters and facets see it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct DocEntity {
    kind: EntityKind,
    /// The display name.
    name: String,
    /// Variant keys of every word of every alias.
    keys: Vec<String>,
}

/// Every distinct [`DocEntity`] of the index's live documents, stored once.
///
/// Why: a place or a person recurs across thousands of articles, and with
/// each document holding its own copy of name and keys they were 30% of the
/// index's memory at 10,000 articles (39 of 132 MB). Scratch as far as
/// equality goes: two indexes are equal when their documents' entities are,
/// whichever table they are shared through.
#[derive(Debug, Clone, Default)]
struct EntityTable(HashSet<Arc<DocEntity>, BuildHasherDefault<FxHasher>>);

impl PartialEq for EntityTable {
    fn eq(&self, _: &EntityTable) -> bool {
        true
    }
}

impl EntityTable {
    /// The shared copy of `e`, made if it is new.
    fn share(&mut self, e: DocEntity) -> Arc<DocEntity> {
        if let Some(shared) = self.0.get(&e) {
            return Arc::clone(shared);
        }
        let shared = Arc::new(e);
        self.0.insert(Arc::clone(&shared));
        shared
    }

    /// Lets go of a removed document's entities: those no other document
    /// has leave the table, so deleting and importing again does not grow it.
    fn release(&mut self, entities: Vec<Arc<DocEntity>>) {
        for e in entities {
            // This document's copy and the table's: no one else's.
            if Arc::strong_count(&e) == 2 {
                self.0.remove(&e);
            }
        }
    }
}

/// One document's entry in a term's postings.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Posting {
    doc: u32,
    /// End offset in [`Postings::positions`] of this posting's positions.
    pos_end: u32,
    /// Occurrences per field.
    tf: [u16; FIELDS],
}

/// The postings of one term, sorted by document. Document, frequencies and
/// position offset sit together (16 bytes) because scoring reads them together.
#[derive(Debug, Clone, PartialEq, Default)]
struct Postings {
    list: Vec<Posting>,
    /// Positions, delta-encoded varints, each posting's run starting from 0.
    positions: Vec<u8>,
}

impl Postings {
    fn len(&self) -> usize {
        self.list.len()
    }

    fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    #[inline]
    fn find(&self, doc: u32) -> Option<usize> {
        self.list.binary_search_by_key(&doc, |p| p.doc).ok()
    }

    fn positions(&self, i: usize) -> Vec<u32> {
        let start = if i == 0 { 0 } else { self.list[i - 1].pos_end } as usize;
        let mut bytes = &self.positions[start..self.list[i].pos_end as usize];
        let mut out = Vec::new();
        let mut at = 0u32;
        while let Some(d) = read_varint(&mut bytes) {
            at += d as u32;
            out.push(at);
        }
        out
    }

    /// Reads the ends of the postings and positions, where the next document's
    /// are appended, and returns a few of their bits: called only to bring
    /// them into cache ahead of the appends (see [`DocTerms`]).
    #[inline]
    fn touch(&self) -> u32 {
        u32::from(self.positions.last().copied().unwrap_or(0))
            ^ self.list.last().map_or(0, |p| p.pos_end)
    }

    fn remove(&mut self, doc: u32) -> bool {
        let Some(i) = self.find(doc) else {
            return false;
        };
        let start = if i == 0 { 0 } else { self.list[i - 1].pos_end };
        let end = self.list[i].pos_end;
        self.positions.drain(start as usize..end as usize);
        self.list.remove(i);
        for p in &mut self.list[i..] {
            p.pos_end -= end - start;
        }
        true
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Term {
    text: String,
    postings: Postings,
    /// The term's document frequency as a sharded index's lexicon gives it,
    /// before (or without) its postings being loaded; 0 in a whole index,
    /// where the postings say it (see [`Index::df`]).
    lex_df: u32,
}

/// What [`Index::add_document`] keeps per distinct term of the document being added.
#[derive(Debug, Clone, PartialEq)]
struct Local {
    /// The term's [`TermKey`] hash and prefix, compared as [`TermTable`] does.
    hash: u32,
    prefix: [u64; 3],
    /// For a long word ([`TermKey::is_long`]), its folded text's range in
    /// [`DocTerms::long`]; empty otherwise.
    long: (u32, u32),
    /// Where the term sits in [`DocTerms::slots`] (to empty it afterwards).
    slot: u32,
    /// Its first token, as field and byte range (the text of a new term is
    /// made from it).
    token: (u8, u32, u32),
    /// The index's term id, once looked up ([`NO_TERM`] until then).
    term: u32,
    tf: [u16; FIELDS],
    /// The term's first and last occurrences so far, as indexes into
    /// [`DocTerms::occurrences`].
    first: u32,
    last: u32,
}

/// [`Local::term`] before the term is looked up in the index.
const NO_TERM: u32 = u32::MAX;

/// One token of the document being added: its position, and the next
/// occurrence of the same term ([`NO_NEXT`] for none yet).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Occurrence {
    pos: u32,
    next: u32,
}

/// [`Occurrence::next`] of a term's last occurrence: past the end of any
/// document's occurrences, so following it finds none.
const NO_NEXT: u32 = u32::MAX;

/// The distinct terms of the document being added, found by their key.
///
/// Why: the index-wide [`TermTable`], term list and postings are large, and
/// reading or writing a term's entry there is a likely cache miss, which
/// waits for memory when the next instructions depend on it. A document's
/// words repeat (each distinct word twice on average in the benchmark's
/// articles); here a repeated word costs a probe of this small table, which
/// stays in cache, and its occurrence is chained to the term's previous one.
/// The index is then visited once per distinct term, after the whole document
/// is read, in passes that first only touch what the next pass will need
/// ([`TermTable::touch`], [`Postings::touch`]): those reads are independent,
/// so the processor overlaps their misses.
///
/// Scratch: empty between calls (its slots all zero), so it never makes two
/// indexes unequal.
#[derive(Debug, Clone, Default)]
struct DocTerms {
    /// Index into `terms` + 1 per slot; 0 = empty. Length a power of two (or
    /// zero), at most half full.
    slots: Vec<u32>,
    /// In order of first occurrence.
    terms: Vec<Local>,
    /// Every occurrence, in order.
    occurrences: Vec<Occurrence>,
    /// The folded texts of long words, one after another.
    long: String,
    /// Scratch for a token's folded form.
    folded: String,
}

impl PartialEq for DocTerms {
    fn eq(&self, _: &DocTerms) -> bool {
        true
    }
}

impl DocTerms {
    /// The index in `terms` of the term with `key`, if the document has had it.
    #[inline]
    fn find(&self, key: &TermKey) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = key.hash as usize & mask;
        loop {
            let at = (*self.slots.get(i)?).checked_sub(1)? as usize;
            let l = self.terms.get(at)?;
            // Element by element: comparing the arrays whole calls `memcmp`.
            if l.hash == key.hash
                && l.prefix[0] == key.prefix[0]
                && l.prefix[1] == key.prefix[1]
                && l.prefix[2] == key.prefix[2]
                && (!key.is_long() || self.long_text(l) == key.text)
            {
                return Some(at);
            }
            i = (i + 1) & mask;
        }
    }

    /// The folded text of a long word; empty for others.
    fn long_text(&self, l: &Local) -> &str {
        self.long
            .get(l.long.0 as usize..l.long.1 as usize)
            .unwrap_or("")
    }

    /// The key `l` was entered under.
    #[inline]
    fn key<'a>(&'a self, l: &Local) -> TermKey<'a> {
        TermKey {
            text: if l.long.1 > l.long.0 {
                self.long_text(l)
            } else {
                ""
            },
            hash: l.hash,
            prefix: l.prefix,
        }
    }

    /// Enters the term with `key`, first met as `token` at occurrence `at`
    /// (known not to be here yet); returns its index in `terms`.
    fn insert(&mut self, key: &TermKey, token: (u8, u32, u32), at: u32) -> usize {
        if 2 * (self.terms.len() + 1) > self.slots.len() {
            self.slots = vec![0; (self.slots.len() * 2).max(1024)];
            for i in 0..self.terms.len() {
                self.place(i);
            }
        }
        let mut long = (0, 0);
        if key.is_long() {
            long.0 = self.long.len() as u32;
            self.long.push_str(key.text);
            long.1 = self.long.len() as u32;
        }
        self.terms.push(Local {
            hash: key.hash,
            prefix: key.prefix,
            long,
            slot: 0,
            token,
            term: NO_TERM,
            tf: [0; FIELDS],
            first: at,
            last: at,
        });
        let i = self.terms.len() - 1;
        self.place(i);
        i
    }

    /// Puts `terms[i]` in a free slot.
    fn place(&mut self, i: usize) {
        let Some(l) = self.terms.get_mut(i) else {
            return;
        };
        let mask = self.slots.len() - 1;
        let mut s = l.hash as usize & mask;
        while let Some(slot) = self.slots.get_mut(s) {
            if *slot == 0 {
                *slot = i as u32 + 1;
                l.slot = s as u32;
                return;
            }
            s = (s + 1) & mask;
        }
    }

    /// Enters the tokens of one field, `text`, the first at position `pos`;
    /// returns the position after the last.
    ///
    /// Out of line, so that profiles show reading a document apart from
    /// visiting the index (one call per field).
    #[inline(never)]
    fn read(&mut self, field: Field, text: &str, pos: u32) -> u32 {
        let mut words = tokens(text);
        let steps = std::iter::from_fn(|| {
            words.next_step().map(|step| match step {
                Step::Ascii(s, e) => (s, e, true),
                Step::Other(t) => (t.start, t.end, false),
            })
        });
        self.read_steps(field, text, pos, steps)
    }

    /// [`DocTerms::read`] of tokens found already (by extraction; see
    /// [`Spans`]), which must [`Spans::fit`] `text`.
    #[inline(never)]
    fn read_spans(&mut self, field: Field, text: &str, spans: &Spans, pos: u32) -> u32 {
        self.read_steps(field, text, pos, spans.iter())
    }

    /// Enters tokens given as (start, end, from the tokenizer's ASCII fast path).
    #[inline(always)]
    fn read_steps(
        &mut self,
        field: Field,
        text: &str,
        mut pos: u32,
        steps: impl Iterator<Item = (usize, usize, bool)>,
    ) -> u32 {
        let f = field as usize;
        // Out of `self` while the loop runs: a token's key borrows it.
        let mut folded = std::mem::take(&mut self.folded);
        for (start, end, ascii) in steps {
            // Most tokens are short runs of ASCII letters and digits, whose
            // folded form is their lowercase: their key is built straight from
            // the token, and the folded text only made for a new term. Tokens
            // the fast path leaves to the general one (next to curly quotes or
            // dashes, say) are often plain ASCII too.
            let plain = ascii || is_plain(&text[start..end]);
            let ascii = if plain {
                TermKey::ascii_run(text.as_bytes(), start, end)
            } else {
                None
            };
            let key = match ascii {
                Some(k) => k,
                None => {
                    fold_into(&text[start..end], &mut folded);
                    if folded.is_empty() {
                        continue;
                    }
                    TermKey::new(&folded)
                }
            };
            let at = self.occurrences.len() as u32;
            self.occurrences.push(Occurrence { pos, next: NO_NEXT });
            // `get_mut` rather than indexing the vectors, which at opt-level
            // "z" is a call each.
            let (i, repeat) = match self.find(&key) {
                Some(i) => (i, true),
                None => (
                    self.insert(&key, (f as u8, start as u32, end as u32), at),
                    false,
                ),
            };
            if let Some(l) = self.terms.get_mut(i) {
                if repeat {
                    if let Some(o) = self.occurrences.get_mut(l.last as usize) {
                        o.next = at;
                    }
                    l.last = at;
                }
                l.tf[f] = l.tf[f].saturating_add(1);
            }
            pos += 1;
        }
        self.folded = folded;
        pos
    }

    /// Empties the table for the next document.
    fn clear(&mut self) {
        for l in &self.terms {
            if let Some(s) = self.slots.get_mut(l.slot as usize) {
                *s = 0;
            }
        }
        self.terms.clear();
        self.occurrences.clear();
        self.long.clear();
    }
}

/// Term text → term id, for interning every token while indexing.
///
/// Open addressing over 8-byte (hash, id) slots, with each term's first
/// [`TermKey::INLINE`] bytes beside it in a dense array by id. Most words are
/// shorter, so a hit reads one slot and compares three integers, where a
/// `HashMap<String, u32>` would follow a pointer to the key (a likely cache
/// miss per token) and call `memcmp` (a byte loop in WebAssembly); only longer
/// words are compared in full against [`Index::terms`]. Small slots keep the
/// table that every token probes in cache, and frequent terms, which get the
/// first ids, share the cache lines of their prefixes.
#[derive(Debug, Clone, Default)]
struct TermTable {
    /// (hash, id + 1); id + 1 = 0 marks an empty slot. Length a power of two
    /// (or zero).
    slots: Vec<(u32, u32)>,
    /// By term id: the zero-padded first bytes of its text.
    prefixes: Vec<[u64; 3]>,
}

/// A word as the [`TermTable`] looks it up: hash and zero-padded first bytes,
/// computed once per token.
struct TermKey<'a> {
    text: &'a str,
    hash: u32,
    prefix: [u64; 3],
}

impl<'a> TermKey<'a> {
    /// Bytes of a word kept beside its slot.
    const INLINE: usize = 24;

    #[inline]
    fn new(text: &'a str) -> TermKey<'a> {
        let bytes = text.as_bytes();
        let n = bytes.len().min(TermKey::INLINE);
        let mut buf = [0u8; TermKey::INLINE];
        buf[..n].copy_from_slice(&bytes[..n]);
        let word = |i: usize| {
            u64::from_le_bytes([
                buf[i],
                buf[i + 1],
                buf[i + 2],
                buf[i + 3],
                buf[i + 4],
                buf[i + 5],
                buf[i + 6],
                buf[i + 7],
            ])
        };
        TermKey::from_prefix(text, [word(0), word(8), word(16)])
    }

    /// [`TermKey::ascii_run`] of any token: `None` unless it is plain ASCII.
    /// Tried at every place in a longer text too, since the run's bytes are
    /// read eight at a time, past its end where the text goes on.
    #[cfg(test)]
    fn ascii(token: &str) -> Option<TermKey<'static>> {
        if !is_plain(token) {
            return None;
        }
        let alone = TermKey::ascii_run(token.as_bytes(), 0, token.len());
        for (before, after) in [("", "Xy9 z"), ("Ab ", ""), ("ab, ", " CD efghijklmnopq")] {
            let text = format!("{before}{token}{after}");
            let start = before.len();
            let within = TermKey::ascii_run(text.as_bytes(), start, start + token.len());
            assert_eq!(
                within.as_ref().map(|k| (k.hash, k.prefix)),
                alone.as_ref().map(|k| (k.hash, k.prefix)),
                "{text:?}"
            );
        }
        alone
    }

    /// The key of the folded form of the token `text[start..end]`, a run of
    /// ASCII letters and digits (the caller has checked), whose folded form is
    /// simply its lowercase: `None` unless it is non-empty and shorter than
    /// [`TermKey::INLINE`] (so that its text is never compared, and is left
    /// empty here). Equal to [`TermKey::new`] of [`fold`]`(token)`, whose hash
    /// and prefix it computes without making the folded string.
    #[inline]
    fn ascii_run(text: &[u8], start: usize, end: usize) -> Option<TermKey<'static>> {
        let n = end.checked_sub(start)?;
        if n == 0 || n >= TermKey::INLINE {
            return None;
        }
        // Eight bytes at a time, as one load, where the text has eight bytes
        // from there (the bytes past the token are masked off): a loop a byte
        // at a time costs several instructions per byte. Within the text's
        // last eight bytes, byte by byte, shifted into the word (not stored
        // into a buffer and reloaded as a word: that reload stalls the CPU,
        // with no store-to-load forwarding).
        let mut prefix = [0u64; 3];
        let mut i = 0;
        while i < n {
            let at = start + i;
            let mut word = 0u64;
            if let Some(s) = text.get(at..at + 8) {
                word = u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]);
            } else {
                for (k, &b) in text.get(at..end).unwrap_or_default().iter().enumerate() {
                    word |= u64::from(b) << (8 * k);
                }
            }
            let left = n - i;
            let mask = if left >= 8 {
                u64::MAX
            } else {
                (1u64 << (8 * left)) - 1
            };
            // Setting 0x20 lowercases an ASCII letter and leaves a digit as it is.
            prefix[i / 8] = (word | 0x2020_2020_2020_2020) & mask;
            i += 8;
        }
        Some(TermKey::from_prefix("", prefix))
    }

    /// The key of `text`, whose first [`TermKey::INLINE`] bytes (zero-padded,
    /// little-endian) are `prefix`.
    #[inline]
    fn from_prefix(text: &'a str, prefix: [u64; 3]) -> TermKey<'a> {
        // Written out, in a local: at opt-level "z" a `for` over the array is
        // an iterator whose `next` is a call, and a hasher that `write` may be
        // called on lives in memory, for every token indexed.
        let mut h = FxHasher::default();
        h.add(prefix[0]);
        h.add(prefix[1]);
        h.add(prefix[2]);
        if text.len() > TermKey::INLINE {
            let mut long = h;
            long.write(&text.as_bytes()[TermKey::INLINE..]);
            h = long;
        }
        // The high bits of a multiplicative hash are the well-mixed ones.
        TermKey {
            text,
            hash: (h.finish() >> 32) as u32,
            prefix,
        }
    }

    /// Whether the word may be longer than its prefix holds (then texts are
    /// compared).
    #[inline]
    fn is_long(&self) -> bool {
        self.text.len() >= TermKey::INLINE
    }
}

impl TermTable {
    #[inline]
    fn get(&self, key: &TermKey, terms: &[Term]) -> Option<u32> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = key.hash as usize & mask;
        loop {
            let &(hash, id1) = self.slots.get(i)?;
            if id1 == 0 {
                return None;
            }
            let id = id1 - 1;
            if hash == key.hash {
                let p = self.prefixes.get(id as usize)?;
                // Element by element: comparing the arrays whole calls `memcmp`.
                if p[0] == key.prefix[0]
                    && p[1] == key.prefix[1]
                    && p[2] == key.prefix[2]
                    && (!key.is_long()
                        || terms.get(id as usize).is_some_and(|t| t.text == key.text))
                {
                    return Some(id);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Reads the slot a lookup of `hash` starts at and the prefix of the term
    /// there, and returns a few of their bits: called only to bring them into
    /// cache ahead of [`TermTable::get`] (see [`DocTerms`]).
    #[inline]
    fn touch(&self, hash: u32) -> u64 {
        let Some(mask) = self.slots.len().checked_sub(1) else {
            return 0;
        };
        let Some(&(_, id1)) = self.slots.get(hash as usize & mask) else {
            return 0;
        };
        let prefix = id1
            .checked_sub(1)
            .and_then(|id| self.prefixes.get(id as usize))
            .map_or(0, |p| p[0]);
        prefix ^ u64::from(id1)
    }

    /// Enters a term known not to be in the table, under the next id.
    fn insert(&mut self, key: &TermKey) {
        let id = self.prefixes.len() as u32;
        self.prefixes.push(key.prefix);
        // At most half full, so probe runs stay short.
        if 2 * self.prefixes.len() > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![(0, 0); (old.len() * 2).max(1024)];
            for (hash, id1) in old {
                if id1 != 0 {
                    self.place(hash, id1);
                }
            }
        }
        self.place(key.hash, id + 1);
    }

    fn place(&mut self, hash: u32, id1: u32) {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        while self.slots[i].1 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (hash, id1);
    }
}

/// The same terms under the same ids, whatever order the slots ended up in
/// (which depends on the order the table grew in).
impl PartialEq for TermTable {
    fn eq(&self, other: &TermTable) -> bool {
        self.prefixes == other.prefixes
    }
}

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

/// The tables a query word finds its terms through. Indexing never reads them,
/// so they are left unmade while documents are added and made from the term
/// list at the first query ([`Index::lookups`]): building or loading an index
/// then neither stems nor keys nor sorts its terms, and an index that is only
/// built and saved never does. Once made, they are kept up to date term by
/// term, so adding a few documents to a searched index costs what it did.
#[derive(Debug, Clone, Default, PartialEq)]
struct Lookups {
    /// Term text → id, sorted: prefixes and typo candidates are range scans.
    dict: BTreeMap<String, u32>,
    /// Stem ([`stem`]) → the terms with it, in id order.
    stems: FxMap<String, Vec<u32>>,
    /// Variant key ([`variant_key`]) → the terms with it, in id order.
    variants: FxMap<String, Vec<u32>>,
}

impl Lookups {
    /// The tables of `terms` (ids are positions).
    fn of(terms: &[Term]) -> Lookups {
        let mut out = Lookups::default();
        out.stems.reserve(terms.len());
        out.variants.reserve(terms.len());
        for (t, id) in terms.iter().zip(0..) {
            out.add(&t.text, id);
        }
        out
    }

    /// Enters term `id`, after the ids below it (so each list of the stem and
    /// variant tables stays in id order).
    fn add(&mut self, text: &str, id: u32) {
        // One insertion at a time rather than `collect`, which would sort:
        // the sort's code costs more wasm than it saves time here.
        self.dict.insert(text.to_string(), id);
        self.stems.entry(stem(text)).or_default().push(id);
        self.variants.entry(variant_key(text)).or_default().push(id);
    }
}

/// [`Lookups`] made on first use. Made or not, they are a function of the
/// terms, so they never make two indexes unequal.
#[derive(Debug, Clone, Default)]
struct LazyLookups(OnceLock<Lookups>);

impl PartialEq for LazyLookups {
    fn eq(&self, _: &LazyLookups) -> bool {
        true
    }
}

/// A document that matched a query, before snippets.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// Internal document number; see [`Index::id`].
    pub doc: u32,
    /// BM25F score.
    pub score: f32,
    /// The index terms that matched (folded), for highlighting. Filled for the
    /// hits [`Index::search_top`] returns, empty for the rest.
    pub matched: Vec<String>,
}

/// The result of [`Index::search_top`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ranked {
    /// Every matching document, best first (`matched` filled only in the first
    /// `limit`).
    pub hits: Vec<Scored>,
}

/// One index term a query word stands for.
#[derive(Debug, Clone, Copy)]
struct Expansion {
    term: u32,
    weight: f32,
    tier: Tier,
}

/// Per-query, per-document accumulator. One slot per document in one vector
/// (one allocation, one cache line per document touched), holding both the
/// running totals over clauses and the best match within the current clause.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// Summed best scores of the clauses matched so far.
    score: f32,
    /// Best score within the current clause (valid when `offered`).
    best: f32,
    /// Clauses matched so far.
    count: u16,
    /// Summed tiers of the clauses matched so far.
    quality: u16,
    /// Tier of `best`.
    tier: u8,
    /// Whether the current clause has offered this document anything.
    offered: bool,
}

/// Per-query scratch: one [`Slot`] per document and the documents the current
/// clause touched.
struct Best {
    slots: Vec<Slot>,
    touched: Vec<u32>,
}

impl Best {
    fn new(n: usize) -> Best {
        Best {
            slots: vec![Slot::default(); n],
            touched: Vec::new(),
        }
    }

    #[inline]
    fn offer(&mut self, doc: u32, score: f32, tier: Tier) {
        let slot = &mut self.slots[doc as usize];
        let t = tier as u8;
        if !slot.offered {
            self.touched.push(doc);
            slot.offered = true;
            slot.best = score;
            slot.tier = t;
        } else if (t, score) > (slot.tier, slot.best) {
            slot.best = score;
            slot.tier = t;
        }
    }

    /// Folds the current clause into the totals and starts the next one.
    fn end_clause(&mut self) {
        for &d in &self.touched {
            let slot = &mut self.slots[d as usize];
            slot.count += 1;
            slot.score += slot.best;
            slot.quality += u16::from(slot.tier);
            slot.offered = false;
        }
    }
}

impl Index {
    /// Adds a document with a title and a body. Adding an id that exists replaces
    /// the old document.
    pub fn add(&mut self, id: &str, title: &str, body: &str) {
        self.add_document(
            Doc {
                id: id.to_string(),
                live: true,
                ..Doc::default()
            },
            title,
            body,
            "",
            None,
        );
    }

    /// Adds a document with an extra text of entity names (one name per line),
    /// searched as its own field.
    pub fn add_with_names(&mut self, id: &str, title: &str, body: &str, names: &str) {
        self.add_document(
            Doc {
                id: id.to_string(),
                live: true,
                ..Doc::default()
            },
            title,
            body,
            names,
            None,
        );
    }

    /// Adds an extracted article: title, text, the names of its entities (every
    /// mention and the fullest name; nothing when it has none yet), and what the
    /// query filters and facets need (outlet, date, entities).
    pub fn add_article(&mut self, article: &Article) {
        self.add_article_read(article, None);
    }

    /// [`Index::add_article`] with the tokens of the article's text found
    /// already (by [`crate::extract::extract_with_spans`]): the same index,
    /// without tokenizing the text again. Spans that do not fit the text are
    /// ignored and the text tokenized.
    pub fn add_article_spans(&mut self, article: &Article, spans: &Spans) {
        let spans = Some(spans).filter(|s| s.fit(&article.text));
        self.add_article_read(article, spans);
    }

    fn add_article_read(&mut self, article: &Article, spans: Option<&Spans>) {
        let mut names = String::new();
        let mut entities: Vec<DocEntity> = Vec::with_capacity(article.entities.len());
        for e in &article.entities {
            let mut keys: Vec<String> = Vec::new();
            // Each distinct form once: the body already counts how often the
            // entity is mentioned; the names field only says which names it goes by.
            let mut forms: Vec<&str> = std::iter::once(e.name.as_str())
                .chain(e.mentions.iter().map(|m| m.text.as_str()))
                .collect();
            forms.sort_unstable();
            forms.dedup();
            for form in forms {
                names.push_str(form);
                names.push('\n');
                for t in tokens(form) {
                    let k = variant_key(&fold(t.text));
                    if !keys.contains(&k) {
                        keys.push(k);
                    }
                }
            }
            // One entry per (kind, name): facets count articles, not mentions.
            match entities
                .iter_mut()
                .find(|d| d.kind == e.kind && d.name == e.name)
            {
                Some(known) => {
                    for k in keys {
                        if !known.keys.contains(&k) {
                            known.keys.push(k);
                        }
                    }
                }
                None => entities.push(DocEntity {
                    kind: e.kind,
                    name: e.name.clone(),
                    keys,
                }),
            }
        }
        let entities = entities
            .into_iter()
            .map(|e| self.entity_table.share(e))
            .collect();
        let doc = Doc {
            id: article.id.clone(),
            live: true,
            published: article.published.clone(),
            outlet: article.outlet.clone(),
            entities,
            ..Doc::default()
        };
        self.add_document(doc, &article.title, &article.text, &names, spans);
    }

    fn add_document(
        &mut self,
        mut doc: Doc,
        title: &str,
        body: &str,
        names: &str,
        body_spans: Option<&Spans>,
    ) {
        self.remove(&doc.id);
        let n = self.docs.len() as u32;
        // Indexing's hot path: each token is found among the document's terms
        // ([`DocTerms::read`]); the index is visited afterwards, once per
        // distinct term.
        let mut local = std::mem::take(&mut self.doc_terms);
        let texts = [title, body, names];
        // Positions run on across fields with a gap of one, so a phrase never
        // spans the end of the title and the start of the body, and the numbers
        // stay small (one varint byte per delta, mostly).
        let mut pos = 0u32;
        for field in [Field::Title, Field::Body, Field::Names] {
            let f = field as usize;
            let start = pos;
            pos = match (field, body_spans) {
                (Field::Body, Some(spans)) => local.read_spans(field, texts[f], spans, pos),
                _ => local.read(field, texts[f], pos),
            };
            doc.lens[f] = pos - start;
            pos += 1;
        }
        // The index's id of each term, in order of first occurrence, so that
        // new terms get the ids they would get token by token. `touched` only
        // keeps the touching reads from being optimised away.
        let mut touched = 0u64;
        for l in &local.terms {
            touched ^= self.lookup.touch(l.hash);
        }
        for i in 0..local.terms.len() {
            let Some(l) = local.terms.get(i) else {
                break;
            };
            let term = match self.lookup.get(&local.key(l), &self.terms) {
                Some(id) => id,
                // A new term: its text is made only now.
                None => {
                    let (f, start, end) = l.token;
                    let token = texts[usize::from(f)].get(start as usize..end as usize);
                    self.term_id(&fold(token.unwrap_or("")))
                }
            };
            if let Some(l) = local.terms.get_mut(i) {
                l.term = term;
            }
        }
        for l in &local.terms {
            if let Some(t) = self.terms.get(l.term as usize) {
                touched ^= u64::from(t.postings.touch());
            }
        }
        std::hint::black_box(touched);
        // Each term's positions, delta-coded from 0, appended to its position
        // bytes (a varint byte pushed at a time: most terms occur once or twice
        // in a document, and copying from a scratch buffer, a `memory.copy` in
        // WebAssembly, cost more), then its posting.
        for l in &local.terms {
            let Some(t) = self.terms.get_mut(l.term as usize) else {
                continue;
            };
            let p = &mut t.postings;
            let (mut at, mut last) = (l.first as usize, 0);
            while let Some(&o) = local.occurrences.get(at) {
                write_varint(&mut p.positions, u64::from(o.pos - last));
                last = o.pos;
                at = o.next as usize;
            }
            p.list.push(Posting {
                doc: n,
                pos_end: p.positions.len() as u32,
                tf: l.tf,
            });
        }
        local.clear();
        self.doc_terms = local;
        self.lens.push(doc.lens);
        for (sum, len) in self.len_sums.iter_mut().zip(doc.lens) {
            *sum += u64::from(len);
        }
        self.by_id.insert(doc.id.clone(), n);
        self.docs.push(doc);
        self.live_docs += 1;
    }

    /// The id of a term, created (and entered in the lookup tables) if new.
    #[inline]
    fn term_id(&mut self, text: &str) -> u32 {
        let key = TermKey::new(text);
        if let Some(id) = self.lookup.get(&key, &self.terms) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.new_term(&key);
        id
    }

    /// Enters a term that is not in the index yet in the interning table, and
    /// in the query tables if they have been made (otherwise the first query
    /// makes them with it).
    fn new_term(&mut self, key: &TermKey) {
        let id = self.terms.len() as u32;
        let text = key.text.to_string();
        self.lookup.insert(key);
        if let Some(l) = self.lookups.0.get_mut() {
            l.add(&text, id);
        }
        self.terms.push(Term {
            text,
            postings: Postings::default(),
            lex_df: 0,
        });
    }

    /// The query tables, made from the terms if this is their first use.
    fn lookups(&self) -> &Lookups {
        self.lookups.0.get_or_init(|| Lookups::of(&self.terms))
    }

    /// Term text → id, sorted.
    fn dict(&self) -> &BTreeMap<String, u32> {
        &self.lookups().dict
    }

    /// Stem → terms.
    fn stems(&self) -> &FxMap<String, Vec<u32>> {
        &self.lookups().stems
    }

    /// Variant key → terms.
    fn variants(&self) -> &FxMap<String, Vec<u32>> {
        &self.lookups().variants
    }

    /// Removes a document; returns whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(doc) = self.by_id.remove(id) else {
            return false;
        };
        let d = &mut self.docs[doc as usize];
        d.live = false;
        self.entity_table.release(std::mem::take(&mut d.entities));
        for (sum, len) in self.len_sums.iter_mut().zip(d.lens) {
            *sum -= u64::from(len);
        }
        self.live_docs -= 1;
        for t in &mut self.terms {
            t.postings.remove(doc);
        }
        true
    }

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

    /// Every document that matches `query`, best first, with matched terms.
    pub fn search(&self, query: &Query) -> Vec<Scored> {
        self.search_top(query, usize::MAX).hits
    }

    /// Every document that matches `query`, best first; matched terms are filled
    /// for the first `limit` only (the ones that get snippets).
    pub fn search_top(&self, query: &Query, limit: usize) -> Ranked {
        self.search_top_where(query, limit, &|_| true)
    }

    /// [`Index::search_top`] over the documents `keep` accepts only (a sharded
    /// index's entity filters, resolved from the entities' own files).
    pub fn search_top_where(
        &self,
        query: &Query,
        limit: usize,
        keep: &dyn Fn(u32) -> bool,
    ) -> Ranked {
        if query.is_empty() || self.is_empty() {
            return Ranked::default();
        }
        let n = self.docs.len();
        let expansions: Vec<Vec<Vec<Expansion>>> = query
            .clauses
            .iter()
            .map(|c| {
                c.alts
                    .iter()
                    .map(|a| match a {
                        Alt::Word(t) => self.expand(t),
                        Alt::Phrase(_) => Vec::new(),
                    })
                    .collect()
            })
            .collect();
        // Per document: clauses matched, summed score, summed tier.
        let mut best = Best::new(n);
        let mut candidates: Vec<u32> = Vec::new();
        let avg = self.averages();
        for (ci, clause) in query.clauses.iter().enumerate() {
            best.touched.clear();
            for (ai, alt) in clause.alts.iter().enumerate() {
                match alt {
                    Alt::Word(_) => {
                        for e in &expansions[ci][ai] {
                            let p = &self.terms[e.term as usize].postings;
                            let idf = self.idf(p.len());
                            for posting in &p.list {
                                let doc = posting.doc;
                                if ci > 0 && best.slots[doc as usize].count as usize != ci {
                                    continue;
                                }
                                let s = e.weight * idf * self.saturated_tf(doc, &posting.tf, &avg);
                                best.offer(doc, s, e.tier);
                            }
                        }
                    }
                    Alt::Phrase(words) => {
                        for (doc, s) in self.phrase(words, &avg) {
                            if ci > 0 && best.slots[doc as usize].count as usize != ci {
                                continue;
                            }
                            best.offer(doc, s * PHRASE_BOOST, Tier::Exact);
                        }
                    }
                }
            }
            best.end_clause();
        }
        // Only documents that matched every clause so far were offered, so
        // after the last clause the touched ones are exactly the matches.
        if query.clauses.is_empty() {
            candidates = (0..n as u32).collect();
        } else {
            std::mem::swap(&mut candidates, &mut best.touched);
        }
        let slots = &best.slots;
        let clauses = query.clauses.len() as u16;
        let mut excluded = vec![false; if query.excluded.is_empty() { 0 } else { n }];
        for alt in &query.excluded {
            for doc in self.docs_with(alt, &avg) {
                excluded[doc as usize] = true;
            }
        }
        // Removed documents have no postings, so only a query without clauses
        // (filters alone) can reach one.
        let check_live = query.clauses.is_empty();
        // One integer key per hit: tiers matched above score (scores are never
        // negative, so their bits order like the numbers), inverted so that the
        // natural ascending order is best first, then lower document number.
        let mut keyed: Vec<(u64, u32)> = Vec::with_capacity(candidates.len());
        for d in candidates {
            let i = d as usize;
            let slot = &slots[i];
            if slot.count == clauses
                && (!check_live || self.docs[i].live)
                && !excluded.get(i).copied().unwrap_or(false)
                && query.filters.iter().all(|f| self.accepts(i, f))
                && keep(d)
            {
                debug_assert!(slot.score >= 0.0);
                let key = (u64::from(slot.quality) << 32) | u64::from(slot.score.to_bits());
                keyed.push((!key, d));
            }
        }
        if query.sort == Sort::Date {
            let published = |d: u32| &self.docs[d as usize].published;
            let order =
                |a: &(u64, u32), b: &(u64, u32)| published(b.1).cmp(published(a.1)).then(a.cmp(b));
            if limit < keyed.len() {
                keyed.select_nth_unstable_by(limit, order);
                keyed[..limit].sort_unstable_by(order);
            } else {
                keyed.sort_unstable_by(order);
            }
        } else if limit < keyed.len() {
            keyed.select_nth_unstable(limit);
            keyed[..limit].sort_unstable();
        } else {
            keyed.sort_unstable();
        }
        let hits = keyed
            .into_iter()
            .enumerate()
            .map(|(rank, (key, doc))| Scored {
                doc,
                score: f32::from_bits(!key as u32),
                matched: if rank < limit {
                    self.matched_terms(query, &expansions, doc)
                } else {
                    Vec::new()
                },
            })
            .collect();
        Ranked { hits }
    }

    /// The index terms a query word stands for: the word itself, its stem
    /// relatives, its other romanisations, its completions while being typed, and
    /// — only when none of those exist — its closest typo corrections.
    fn expand(&self, t: &QueryTerm) -> Vec<Expansion> {
        let mut out: Vec<Expansion> = Vec::new();
        let push = |out: &mut Vec<Expansion>, term: u32, weight: f32, tier: Tier| {
            if self.df(term) == 0 {
                return;
            }
            match out.iter_mut().find(|e| e.term == term) {
                Some(e) if (tier, weight) > (e.tier, e.weight) => {
                    e.weight = weight;
                    e.tier = tier;
                }
                Some(_) => {}
                None => out.push(Expansion { term, weight, tier }),
            }
        };
        let text = t.text.as_str();
        if let Some(&id) = self.dict().get(text) {
            push(&mut out, id, 1.0, Tier::Exact);
        }
        for &id in self.stems().get(&stem(text)).into_iter().flatten() {
            push(&mut out, id, STEM_WEIGHT, Tier::Exact);
        }
        for &id in self
            .variants()
            .get(&variant_key(text))
            .into_iter()
            .flatten()
        {
            push(&mut out, id, VARIANT_WEIGHT, Tier::Variant);
        }
        if t.prefix {
            let mut completions: Vec<(u32, usize)> = self
                .dict()
                .range::<str, _>((Bound::Excluded(text), Bound::Unbounded))
                .take_while(|(k, _)| k.starts_with(text))
                .map(|(_, &id)| (id, self.df(id)))
                .filter(|&(_, df)| df > 0)
                .collect();
            completions.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for (id, _) in completions.into_iter().take(MAX_PREFIX_EXPANSIONS) {
                push(&mut out, id, PREFIX_WEIGHT, Tier::Exact);
            }
        }
        if out.is_empty() {
            for (id, edits) in self.corrections(text) {
                push(&mut out, id, FUZZY_WEIGHT.powi(edits as i32), Tier::Fuzzy);
            }
        }
        out
    }

    /// Terms within [`max_edits`] of `word`: same first letter, length within the
    /// edit budget, closest first then most frequent.
    fn corrections(&self, word: &str) -> Vec<(u32, usize)> {
        let w: Vec<char> = word.chars().collect();
        let k = max_edits(w.len());
        let Some(&first) = w.first() else {
            return Vec::new();
        };
        if k == 0 {
            return Vec::new();
        }
        let mut lo = [0u8; 4];
        let lo = first.encode_utf8(&mut lo) as &str;
        let mut found: Vec<(u32, usize, usize)> = Vec::new();
        let mut scratch = Vec::new();
        let mut chars = Vec::new();
        let bag = letter_bag(word);
        for (term, &id) in self
            .dict()
            .range::<str, _>((Bound::Included(lo), Bound::Unbounded))
            .take_while(|(t, _)| t.starts_with(first))
        {
            let len = term.chars().count();
            if len.abs_diff(w.len()) > k {
                continue;
            }
            let df = self.df(id);
            if df == 0 {
                continue;
            }
            // Bag distance (letters one word has and the other lacks) is a lower
            // bound of the edit distance and costs one pass: most candidates stop here.
            if bag_distance(&bag, term) > k {
                continue;
            }
            chars.clear();
            chars.extend(term.chars());
            if let Some(d) = damerau(&w, &chars, k, &mut scratch) {
                found.push((id, d, df));
            }
        }
        found.sort_unstable_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)));
        // Only the fewest-edit class: when "goverment" is one edit from
        // "government", two-edit neighbours would only add noise (and work).
        let closest = found.first().map_or(0, |f| f.1);
        found
            .into_iter()
            .take_while(|f| f.1 == closest)
            .take(MAX_FUZZY_EXPANSIONS)
            .map(|(id, d, _)| (id, d))
            .collect()
    }

    /// Documents containing the phrase, with the summed score of its words.
    fn phrase(&self, words: &[String], avg: &[f32; FIELDS]) -> Vec<(u32, f32)> {
        let mut lists: Vec<&Postings> = Vec::with_capacity(words.len());
        for w in words {
            match self.dict().get(w.as_str()) {
                Some(&id) => lists.push(&self.terms[id as usize].postings),
                None => return Vec::new(),
            }
        }
        let Some(rarest) = (0..lists.len()).min_by_key(|&i| lists[i].len()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        'docs: for doc in lists[rarest].list.iter().map(|p| p.doc) {
            let mut idx = Vec::with_capacity(lists.len());
            for p in &lists {
                match p.find(doc) {
                    Some(i) => idx.push(i),
                    None => continue 'docs,
                }
            }
            let first = lists[0].positions(idx[0]);
            let rest: Vec<Vec<u32>> = (1..lists.len())
                .map(|j| lists[j].positions(idx[j]))
                .collect();
            let found = first.iter().any(|&p| {
                rest.iter()
                    .enumerate()
                    .all(|(j, ps)| ps.binary_search(&(p + j as u32 + 1)).is_ok())
            });
            if found {
                let s = lists
                    .iter()
                    .zip(&idx)
                    .map(|(p, &i)| self.idf(p.len()) * self.saturated_tf(doc, &p.list[i].tf, avg))
                    .sum();
                out.push((doc, s));
            }
        }
        out
    }

    /// Documents an excluded word or phrase rules out: the word as written, by
    /// stem or by variant spelling (never by typo: excluding must not surprise).
    fn docs_with(&self, alt: &Alt, avg: &[f32; FIELDS]) -> Vec<u32> {
        match alt {
            Alt::Phrase(words) => self
                .phrase(words, avg)
                .into_iter()
                .map(|(d, _)| d)
                .collect(),
            Alt::Word(t) => self
                .expand(&QueryTerm {
                    text: t.text.clone(),
                    prefix: false,
                })
                .into_iter()
                .filter(|e| e.tier != Tier::Fuzzy)
                .flat_map(|e| {
                    self.terms[e.term as usize]
                        .postings
                        .list
                        .iter()
                        .map(|p| p.doc)
                })
                .collect(),
        }
    }

    /// The terms of `doc` that matched, for highlighting.
    fn matched_terms(
        &self,
        query: &Query,
        expansions: &[Vec<Vec<Expansion>>],
        doc: u32,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut add = |t: &str| {
            if !out.iter().any(|o| o == t) {
                out.push(t.to_string());
            }
        };
        for (ci, clause) in query.clauses.iter().enumerate() {
            for (ai, alt) in clause.alts.iter().enumerate() {
                match alt {
                    Alt::Word(_) => {
                        for e in &expansions[ci][ai] {
                            let term = &self.terms[e.term as usize];
                            if term.postings.find(doc).is_some() {
                                add(&term.text);
                            }
                        }
                    }
                    Alt::Phrase(words) => {
                        let all = words.iter().all(|w| {
                            self.dict().get(w.as_str()).is_some_and(|&id| {
                                self.terms[id as usize].postings.find(doc).is_some()
                            })
                        });
                        if all {
                            words.iter().for_each(|w| add(w));
                        }
                    }
                }
            }
        }
        out
    }

    fn accepts(&self, doc: usize, filter: &Filter) -> bool {
        let d = &self.docs[doc];
        match filter {
            Filter::Entity { kind, keys } => d
                .entities
                .iter()
                .any(|e| e.kind == *kind && keys.iter().all(|q| e.keys.contains(q))),
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

    fn averages(&self) -> [f32; FIELDS] {
        let n = self.live_docs.max(1) as f32;
        let mut avg = [1.0; FIELDS];
        for (a, s) in avg.iter_mut().zip(self.len_sums) {
            *a = (s as f32 / n).max(1.0);
        }
        avg
    }

    #[inline]
    fn idf(&self, df: usize) -> f32 {
        let n = self.live_docs as f32;
        let df = df as f32;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// BM25F: length-normalised, boosted frequencies summed over fields, then
    /// saturated once.
    #[inline]
    fn saturated_tf(&self, doc: u32, tfs: &[u16; FIELDS], avg: &[f32; FIELDS]) -> f32 {
        let lens = &self.lens[doc as usize];
        let mut tf = 0.0;
        for f in 0..FIELDS {
            if tfs[f] != 0 {
                let norm = 1.0 - B + B * lens[f] as f32 / avg[f];
                tf += BOOSTS[f] * f32::from(tfs[f]) / norm;
            }
        }
        tf / (K1 + tf)
    }

    /// A compact binary form of the index (see [`Index::from_bytes`]).
    ///
    /// Layout (all integers LEB128 varints): magic `FOLIX3`; documents (id, three
    /// field lengths, liveness, date, outlet, entities); terms in sorted order,
    /// each front-coded against the previous one (shared prefix length, suffix),
    /// with its postings as document deltas whose two low bits give the number
    /// of positions (1, 2 or 3; 3 means 4 or more, and the count less 4
    /// follows), then the position bytes as stored, which need no length: the
    /// counts say where they end. The stem and variant tables are not stored:
    /// they are made from the terms at the first query after loading, which is
    /// cheaper than their bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(1 << 16);
        out.extend_from_slice(MAGIC);
        write_varint(&mut out, self.docs.len() as u64);
        for d in &self.docs {
            write_str(&mut out, &d.id);
            for l in d.lens {
                write_varint(&mut out, u64::from(l));
            }
            out.push(u8::from(d.live));
            write_opt(&mut out, d.published.as_deref());
            write_opt(&mut out, d.outlet.as_deref());
            write_varint(&mut out, d.entities.len() as u64);
            for e in &d.entities {
                out.push(e.kind as u8);
                write_str(&mut out, &e.name);
                write_varint(&mut out, e.keys.len() as u64);
                for k in &e.keys {
                    write_str(&mut out, k);
                }
            }
        }
        let live: Vec<&Term> = self
            .dict()
            .values()
            .map(|&id| &self.terms[id as usize])
            .filter(|t| !t.postings.is_empty())
            .collect();
        write_varint(&mut out, live.len() as u64);
        let mut prev: &str = "";
        for t in live {
            write_front_coded(&mut out, prev, &t.text);
            prev = &t.text;
            let p = &t.postings;
            write_varint(&mut out, p.len() as u64);
            let mut last = 0;
            let mut start = 0usize;
            for posting in &p.list {
                let doc = posting.doc;
                // Field frequencies are not stored: the positions say them (each
                // field's positions lie in a range the field lengths give). Only
                // the number of positions is, in the document delta's two low
                // bits when it is 1, 2 or 3 (most postings: at 10,000 articles
                // this is 2% of the index smaller than a one-bit flag for 1).
                let end = posting.pos_end as usize;
                let count = p.positions[start..end]
                    .iter()
                    .filter(|&&b| b < 0x80)
                    .count() as u64;
                start = end;
                let small = count.clamp(1, 4) - 1;
                write_varint(&mut out, (u64::from(doc - last) << 2) | small);
                if small == 3 {
                    write_varint(&mut out, count - 4);
                }
                last = doc;
            }
            out.extend_from_slice(&p.positions);
        }
        out
    }

    /// Reads what [`Index::to_bytes`] wrote; `None` when the bytes are not an
    /// index of this format version (the caller rebuilds from the articles).
    pub fn from_bytes(bytes: &[u8]) -> Option<Index> {
        let mut r = bytes.strip_prefix(MAGIC)?;
        let mut index = Index::default();
        let ndocs = read_varint(&mut r)? as usize;
        for n in 0..ndocs {
            let id = read_str(&mut r)?.to_string();
            let mut lens = [0u32; FIELDS];
            for l in &mut lens {
                *l = u32::try_from(read_varint(&mut r)?).ok()?;
            }
            let live = *r.first()? == 1;
            r = &r[1..];
            let published = read_opt(&mut r)?;
            let outlet = read_opt(&mut r)?;
            let nent = read_varint(&mut r)? as usize;
            let mut entities = Vec::with_capacity(nent.min(1024));
            for _ in 0..nent {
                let kind = match *r.first()? {
                    0 => EntityKind::Person,
                    1 => EntityKind::Place,
                    2 => EntityKind::Org,
                    _ => return None,
                };
                r = &r[1..];
                let name = read_str(&mut r)?.to_string();
                let nkeys = read_varint(&mut r)? as usize;
                let mut keys = Vec::with_capacity(nkeys.min(1024));
                for _ in 0..nkeys {
                    keys.push(read_str(&mut r)?.to_string());
                }
                entities.push(index.entity_table.share(DocEntity { kind, name, keys }));
            }
            if live {
                index.by_id.insert(id.clone(), n as u32);
                index.live_docs += 1;
                for (s, l) in index.len_sums.iter_mut().zip(lens) {
                    *s += u64::from(l);
                }
            }
            index.lens.push(lens);
            index.docs.push(Doc {
                id,
                lens,
                live,
                published,
                outlet,
                entities,
            });
        }
        let nterms = read_varint(&mut r)? as usize;
        let mut prev = String::new();
        for _ in 0..nterms {
            let text = read_front_coded(&mut r, &prev)?;
            // Terms are written sorted and once each; anything else is corrupt
            // (and would break the lookup tables' one-term-one-id rule).
            if text <= prev {
                return None;
            }
            let np = read_varint(&mut r)? as usize;
            let mut p = Postings {
                list: Vec::with_capacity(np.min(1 << 20)),
                positions: Vec::new(),
            };
            let mut doc = 0u32;
            let mut counts: Vec<usize> = Vec::with_capacity(np.min(1 << 20));
            for _ in 0..np {
                let v = read_varint(&mut r)?;
                doc = doc.checked_add(u32::try_from(v >> 2).ok()?)?;
                if doc as usize >= ndocs {
                    return None;
                }
                counts.push(match v & 3 {
                    3 => usize::try_from(read_varint(&mut r)?).ok()?.checked_add(4)?,
                    small => small as usize + 1,
                });
                p.list.push(Posting {
                    doc,
                    pos_end: 0,
                    tf: [0; FIELDS],
                });
            }
            // Each posting's end offset and field frequencies, from its positions;
            // where the last one ends, the term's position bytes do.
            let mut pos = r;
            let mut offset = 0usize;
            for (posting, &count) in p.list.iter_mut().zip(&counts) {
                let [title, body, _] = index.lens[posting.doc as usize];
                let mut at = 0u32;
                for _ in 0..count {
                    let before = pos.len();
                    at = at.checked_add(u32::try_from(read_varint(&mut pos)?).ok()?)?;
                    offset += before - pos.len();
                    let f = if at < title {
                        0
                    } else if at <= title.saturating_add(body) {
                        1
                    } else {
                        2
                    };
                    posting.tf[f] = posting.tf[f].saturating_add(1);
                }
                posting.pos_end = u32::try_from(offset).ok()?;
            }
            p.positions = r[..offset].to_vec();
            r = pos;
            index.new_term(&TermKey::new(&text));
            if let Some(t) = index.terms.last_mut() {
                t.postings = p;
            }
            prev = text;
        }
        r.is_empty().then_some(index)
    }
}

/// What a sharded index ([`super::shard`]) reads and writes of the index: the
/// term list, one term's postings and positions, and the document table. Here
/// because the postings' layout is private to this file.
impl Index {
    /// Ids of the terms that occur somewhere, in sorted order.
    pub(super) fn sorted_live_terms(&self) -> Vec<u32> {
        self.dict()
            .values()
            .copied()
            .filter(|&id| !self.terms[id as usize].postings.is_empty())
            .collect()
    }

    /// A term's text.
    pub(super) fn term_text(&self, id: u32) -> &str {
        &self.terms[id as usize].text
    }

    /// A term's document frequency (see [`Index::df`]).
    pub(super) fn term_df(&self, id: u32) -> usize {
        self.df(id)
    }

    /// The id of a term, if the index knows it (loaded or only listed).
    pub(super) fn term_by_text(&self, text: &str) -> Option<u32> {
        self.dict().get(text).copied()
    }

    /// Appends a term's postings without positions: per posting the document
    /// delta with two flags in its low bits (title, names occurrences follow),
    /// then the body frequency, then the flagged frequencies.
    pub(super) fn write_term_postings(&self, id: u32, out: &mut Vec<u8>) {
        let p = &self.terms[id as usize].postings;
        write_varint(out, p.len() as u64);
        let mut last = 0;
        for posting in &p.list {
            let [title, body, names] = posting.tf;
            let flags = u64::from(title > 0) << 1 | u64::from(names > 0);
            write_varint(out, (u64::from(posting.doc - last) << 2) | flags);
            write_varint(out, u64::from(body));
            if title > 0 {
                write_varint(out, u64::from(title));
            }
            if names > 0 {
                write_varint(out, u64::from(names));
            }
            last = posting.doc;
        }
    }

    /// Appends a term's positions: per posting, the byte length of its run, then
    /// the run as the index keeps it.
    pub(super) fn write_term_positions(&self, id: u32, out: &mut Vec<u8>) {
        let p = &self.terms[id as usize].postings;
        let mut start = 0usize;
        for posting in &p.list {
            let end = posting.pos_end as usize;
            write_varint(out, (end - start) as u64);
            out.extend_from_slice(&p.positions[start..end]);
            start = end;
        }
    }

    /// Reads what [`Index::write_term_postings`] wrote into term `id`, whose
    /// positions are then missing until [`Index::read_term_positions`].
    pub(super) fn read_term_postings(&mut self, id: u32, r: &mut &[u8]) -> Option<()> {
        let n = read_varint(r)? as usize;
        let ndocs = self.docs.len();
        let mut list = Vec::with_capacity(n.min(1 << 20));
        let mut doc = 0u32;
        for _ in 0..n {
            let v = read_varint(r)?;
            doc = doc.checked_add(u32::try_from(v >> 2).ok()?)?;
            if doc as usize >= ndocs {
                return None;
            }
            let mut tf = [0u16; FIELDS];
            tf[1] = u16::try_from(read_varint(r)?).ok()?;
            if v & 2 != 0 {
                tf[0] = u16::try_from(read_varint(r)?).ok()?;
            }
            if v & 1 != 0 {
                tf[2] = u16::try_from(read_varint(r)?).ok()?;
            }
            list.push(Posting {
                doc,
                pos_end: 0,
                tf,
            });
        }
        let t = self.terms.get_mut(id as usize)?;
        t.postings = Postings {
            list,
            positions: Vec::new(),
        };
        Some(())
    }

    /// Reads what [`Index::write_term_positions`] wrote into term `id`, whose
    /// postings must be loaded.
    pub(super) fn read_term_positions(&mut self, id: u32, r: &mut &[u8]) -> Option<()> {
        let p = &mut self.terms.get_mut(id as usize)?.postings;
        let mut bytes = Vec::new();
        for posting in &mut p.list {
            let len = read_varint(r)? as usize;
            bytes.extend_from_slice(r.get(..len)?);
            *r = &r[len..];
            posting.pos_end = u32::try_from(bytes.len()).ok()?;
        }
        p.positions = bytes;
        Some(())
    }

    /// Lists a term a sharded index's lexicon names, with its document
    /// frequency, postings not loaded; returns its id (an existing one when
    /// another lexicon bucket listed it too).
    pub(super) fn list_term(&mut self, text: &str, df: u32) -> u32 {
        if let Some(id) = self.term_by_text(text) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.new_term(&TermKey::new(text));
        self.terms[id as usize].lex_df = df;
        id
    }

    /// The terms a query needs loaded, each with whether its positions are
    /// needed too (phrases): every expansion of every word, included or
    /// excluded, and every phrase word.
    pub(super) fn wanted_terms(&self, query: &Query) -> Vec<(u32, bool)> {
        let mut out: Vec<(u32, bool)> = Vec::new();
        let mut want = |id: u32, positions: bool| match out.iter_mut().find(|w| w.0 == id) {
            Some(w) => w.1 |= positions,
            None => out.push((id, positions)),
        };
        let alts = query
            .clauses
            .iter()
            .flat_map(|c| c.alts.iter().map(|a| (a, false)))
            .chain(query.excluded.iter().map(|a| (a, true)));
        for (alt, excluded) in alts {
            match alt {
                Alt::Word(t) => {
                    let plain = QueryTerm {
                        text: t.text.clone(),
                        prefix: false,
                    };
                    let es = self.expand(if excluded { &plain } else { t });
                    for e in es {
                        if !(excluded && e.tier == Tier::Fuzzy) {
                            want(e.term, false);
                        }
                    }
                }
                Alt::Phrase(words) => {
                    for w in words {
                        if let Some(id) = self.term_by_text(w) {
                            want(id, true);
                        }
                    }
                }
            }
        }
        out
    }

    /// An index of documents known only by number, field lengths, date and
    /// outlet, with no terms yet: a sharded index's start.
    pub(super) fn from_doc_table(
        lens: Vec<[u32; FIELDS]>,
        published: Vec<Option<String>>,
        outlets: Vec<Option<String>>,
    ) -> Index {
        let mut index = Index::default();
        for ((l, published), outlet) in lens.into_iter().zip(published).zip(outlets) {
            for (s, v) in index.len_sums.iter_mut().zip(l) {
                *s += u64::from(v);
            }
            index.lens.push(l);
            index.docs.push(Doc {
                id: String::new(),
                lens: l,
                live: true,
                published,
                outlet,
                entities: Vec::new(),
            });
            index.live_docs += 1;
        }
        index
    }

    /// Per document: field lengths, date and outlet (what
    /// [`Index::from_doc_table`] takes back).
    #[allow(clippy::type_complexity)]
    pub(super) fn doc_table(
        &self,
    ) -> impl Iterator<Item = ([u32; FIELDS], Option<&str>, Option<&str>)> {
        self.docs
            .iter()
            .map(|d| (d.lens, d.published.as_deref(), d.outlet.as_deref()))
    }
}

const MAGIC: &[u8] = b"FOLIX3";

/// Whether a token is a non-empty run of ASCII letters and digits (whose folded
/// form is its lowercase).
fn is_plain(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Counts of the letters a–z in a word, and of everything else in one bucket.
fn letter_bag(word: &str) -> [i16; 27] {
    let mut bag = [0i16; 27];
    for b in word.bytes() {
        let i = if b.is_ascii_lowercase() {
            usize::from(b - b'a')
        } else {
            26
        };
        bag[i] = bag[i].saturating_add(1);
    }
    bag
}

/// max(letters of `a` missing from `b`, letters of `b` missing from `a`), counted
/// as multisets over [`letter_bag`]'s buckets: never more than the edit distance
/// (each edit fixes at most one on each side).
fn bag_distance(a: &[i16; 27], b: &str) -> usize {
    let bb = letter_bag(b);
    let (mut extra, mut missing) = (0usize, 0usize);
    for (x, y) in a.iter().zip(bb.iter()) {
        let d = i32::from(*x) - i32::from(*y);
        if d > 0 {
            extra += d as usize;
        } else {
            missing += (-d) as usize;
        }
    }
    extra.max(missing)
}

/// Bounded Damerau–Levenshtein (optimal string alignment) distance between `a`
/// and `b`, or `None` when it exceeds `k`. Stops as soon as a whole row exceeds
/// `k`, so most non-matches cost a few rows.
fn damerau(a: &[char], b: &[char], k: usize, rows: &mut Vec<usize>) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    rows.clear();
    rows.resize(3 * w, 0);
    let (mut pp, mut p, mut c) = (0, w, 2 * w);
    for j in 0..=m {
        rows[p + j] = j;
    }
    for i in 1..=n {
        rows[c] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[p + j] + 1)
                .min(rows[c + j - 1] + 1)
                .min(rows[p + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[pp + j - 2] + 1);
            }
            rows[c + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > k {
            return None;
        }
        (pp, p, c) = (p, c, pp);
    }
    let d = rows[p + m];
    (d <= k).then_some(d)
}

#[inline]
pub(super) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    if v < 0x80 {
        // Most position deltas: one byte, one push.
        out.push(v as u8);
        return;
    }
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[inline]
pub(super) fn read_varint(r: &mut &[u8]) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = r.split_first()?;
        *r = rest;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

/// Writes `text` front-coded against the `prev` of a sorted list: the length
/// of their shared prefix (cut back to a character boundary), then the rest.
pub(super) fn write_front_coded(out: &mut Vec<u8>, prev: &str, text: &str) {
    let shared = prev
        .bytes()
        .zip(text.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let shared = (0..=shared)
        .rev()
        .find(|&s| text.is_char_boundary(s))
        .unwrap_or(0);
    write_varint(out, shared as u64);
    write_str(out, &text[shared..]);
}

/// Reads what [`write_front_coded`] wrote after `prev`.
pub(super) fn read_front_coded(r: &mut &[u8], prev: &str) -> Option<String> {
    let shared = read_varint(r)? as usize;
    let mut text = prev.get(..shared)?.to_string();
    text.push_str(read_str(r)?);
    Some(text)
}

pub(super) fn write_str(out: &mut Vec<u8>, s: &str) {
    write_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

pub(super) fn read_str<'a>(r: &mut &'a [u8]) -> Option<&'a str> {
    let len = read_varint(r)? as usize;
    let s = r.get(..len)?;
    *r = &r[len..];
    std::str::from_utf8(s).ok()
}

fn write_opt(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => {
            out.push(1);
            write_str(out, s);
        }
        None => out.push(0),
    }
}

fn read_opt(r: &mut &[u8]) -> Option<Option<String>> {
    let (&flag, rest) = r.split_first()?;
    *r = rest;
    match flag {
        0 => Some(None),
        1 => Some(Some(read_str(r)?.to_string())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Index {
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

    fn ids(i: &Index, q: &str) -> Vec<String> {
        i.search(&Query::parse(q))
            .iter()
            .map(|s| i.id(s.doc).to_string())
            .collect()
    }

    /// Guards [`EntityTable`]: documents with the same entity hold one shared
    /// copy of it, built or loaded, and still filter and facet by it.
    /// Guards the one tokenization `folio build` makes: an index given
    /// extraction's spans is the index that tokenizes the text itself, for
    /// plain ASCII, curly quotes and dashes, accents, Cyrillic, CJK and
    /// numbers; spans that do not fit the text are not trusted.
    #[test]
    fn spans_from_extraction_build_the_same_index() {
        let texts = [
            "Ukrainian troops entered Kupyansk on Saturday, officials said.",
            "\u{201c}We hold the city,\u{201d} said Gen. Oleksandr Syrskyi \u{2014} 3,000 troops.",
            "Zelens\u{2019}kyi visited Izium; M\u{00fc}nchen and Malm\u{00f6} sent aid.",
            "\u{0425}\u{0430}\u{0440}\u{043a}\u{0456}\u{0432} (Kharkiv) and \u{6771}\u{4eac} on 2022-09-10.",
            "e\u{0301}cole d\u{2019}\u{00e9}t\u{00e9}: co-operation at 9.5% in U.S.-led talks.",
        ];
        let (mut plain, mut given) = (Index::default(), Index::default());
        for (i, t) in texts.iter().enumerate() {
            let (a, spans) =
                crate::extract::extract_with_spans(&format!("{i}.txt"), t, &Default::default());
            let spans = spans.expect("a short text has spans");
            plain.add_article(&a);
            given.add_article_spans(&a, &spans);
        }
        assert_eq!(plain, given);
        assert_eq!(plain.to_bytes(), given.to_bytes());
        // Spans of another text: ignored, and the text tokenized instead.
        let (a, _) =
            crate::extract::extract_with_spans("x.txt", "Kyiv said no.", &Default::default());
        let (_, other) = crate::extract::extract_with_spans("y.txt", texts[1], &Default::default());
        let other = other.unwrap();
        assert!(!other.fit(&a.text));
        let (mut one, mut two) = (Index::default(), Index::default());
        one.add_article(&a);
        two.add_article_spans(&a, &other);
        assert_eq!(one.to_bytes(), two.to_bytes());
    }

    #[test]
    fn documents_share_one_copy_of_each_entity() {
        let meta = crate::model::Meta::default();
        let text = "Olena Kovalenko spoke in Kharkiv on Monday.";
        let mut index = Index::default();
        index.add_article(&crate::extract("a.txt", text, &meta));
        index.add_article(&crate::extract("b.txt", text, &meta));
        for i in [index.clone(), Index::from_bytes(&index.to_bytes()).unwrap()] {
            let (a, b) = (&i.docs[0].entities, &i.docs[1].entities);
            assert!(!a.is_empty());
            assert!(a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y)));
            assert_eq!(ids(&i, "place:kharkiv"), vec!["a", "b"]);
            let (ents, _, _) = i.facet_values(1);
            assert!(ents
                .into_iter()
                .any(|(k, n)| k == EntityKind::Place && n == "Kharkiv"));
        }
        // Removing one keeps the other's; removing both empties the table.
        let shared = index.entity_table.0.len();
        index.remove("a");
        assert_eq!(index.entity_table.0.len(), shared);
        index.remove("b");
        assert!(index.entity_table.0.is_empty());
    }

    #[test]
    fn all_words_must_match() {
        let i = index();
        assert_eq!(ids(&i, "lyman kharkiv "), vec!["kharkiv"]);
        assert!(ids(&i, "lyman rain ").is_empty());
    }

    #[test]
    fn title_and_frequency_rank_higher() {
        let i = index();
        assert_eq!(ids(&i, "lyman "), vec!["lyman", "kharkiv"]);
    }

    #[test]
    fn last_word_matches_as_prefix_while_typing() {
        let i = index();
        assert_eq!(ids(&i, "counteroff"), vec!["kharkiv"]);
        assert!(ids(&i, "counteroff ").is_empty());
    }

    #[test]
    fn exact_match_outranks_prefix_completion() {
        let mut i = Index::default();
        i.add("long", "", "the lymanka river");
        i.add("exact", "", "the lyman river");
        assert_eq!(ids(&i, "lyman"), vec!["exact", "long"]);
    }

    #[test]
    fn exact_spelling_outranks_a_repeated_variant() {
        let mut i = Index::default();
        i.add("variant", "Kupyansk", "Kupyansk Kupyansk Kupyansk.");
        i.add(
            "exact",
            "",
            "A long text that mentions Kupiansk once among many other words.",
        );
        assert_eq!(ids(&i, "kupiansk "), vec!["exact", "variant"]);
        assert_eq!(ids(&i, "kupyansk "), vec!["variant", "exact"]);
    }

    #[test]
    fn stems_typos_and_phrases() {
        let mut i = Index::default();
        i.add(
            "a",
            "",
            "Russian forces attacked the bridge near the river.",
        );
        i.add("b", "", "The bridge near forces of nature.");
        assert_eq!(ids(&i, "attacks "), vec!["a"]);
        assert_eq!(
            ids(&i, "attackd "),
            vec!["a"],
            "one typo in a 7-letter word"
        );
        assert!(ids(&i, "brige ").len() == 2, "one typo in a 5-letter word");
        assert_eq!(ids(&i, "\"the bridge near\" "), vec!["a", "b"]);
        assert_eq!(ids(&i, "\"bridge near the\" "), vec!["a"]);
        assert_eq!(ids(&i, "bridge -\"the river\" "), vec!["b"]);
        assert_eq!(ids(&i, "bridge -russian "), vec!["b"]);
        let mut either = ids(&i, "nature OR attacked ");
        either.sort();
        assert_eq!(either, vec!["a", "b"]);
    }

    #[test]
    fn short_words_get_no_typo_tolerance() {
        let mut i = Index::default();
        i.add("a", "", "the ferry sails");
        assert!(ids(&i, "ferx ").is_empty());
        assert_eq!(max_edits(4), 0);
        assert_eq!(max_edits(5), 1);
        assert_eq!(max_edits(9), 2);
    }

    #[test]
    fn ascii_keys_equal_the_keys_of_folded_words() {
        // Guards the indexing fast path: a token must find the term its folded
        // form was entered under.
        let long = "Abcdefghijklmnopqrstuvw";
        assert_eq!(long.len(), TermKey::INLINE - 1);
        for w in [
            "Lyman",
            "5000",
            "a",
            "ZAPORIZHZHIA",
            "x9Y",
            "abcdefgh",
            long,
        ] {
            let a = TermKey::ascii(w).expect("plain ASCII");
            let folded = fold(w);
            let k = TermKey::new(&folded);
            assert_eq!((a.hash, a.prefix), (k.hash, k.prefix), "{w}");
        }
        let too_long = format!("{long}x");
        for w in ["", "Russia's", "Łódź", "5,000", "a-b", too_long.as_str()] {
            assert!(TermKey::ascii(w).is_none(), "{w}");
        }
    }

    #[test]
    fn damerau_counts_transpositions_as_one_edit() {
        let mut s = Vec::new();
        let c = |w: &str| -> Vec<char> { w.chars().collect() };
        let a = c("kharkiv");
        assert_eq!(damerau(&a, &c("khrakiv"), 1, &mut s), Some(1));
        assert_eq!(damerau(&a, &c("kharkiv"), 1, &mut s), Some(0));
        assert_eq!(damerau(&a, &c("kherson"), 2, &mut s), None);
    }

    #[test]
    fn removed_documents_are_not_found_and_re_adding_replaces() {
        let mut i = index();
        assert!(i.remove("lyman"));
        assert!(!i.remove("lyman"));
        assert_eq!(ids(&i, "lyman "), vec!["kharkiv"]);
        i.add("kharkiv", "", "only rain now");
        assert!(ids(&i, "lyman ").is_empty());
        assert_eq!(i.len(), 2);
        assert_eq!(ids(&i, "\"only rain\" "), vec!["kharkiv"]);
    }

    #[test]
    fn diacritics_and_case_fold() {
        let mut i = Index::default();
        i.add("a", "", "ZAPORIZHZHIA and Łódź");
        assert_eq!(ids(&i, "lodz "), vec!["a"]);
        assert_eq!(ids(&i, "Zaporizhzhia "), vec!["a"]);
    }

    #[test]
    fn names_field_is_searched() {
        let mut i = Index::default();
        i.add_with_names("a", "", "The president spoke.", "Volodymyr Zelenskyy");
        i.add("b", "", "Nobody spoke.");
        assert_eq!(ids(&i, "zelensky "), vec!["a"]);
    }

    #[test]
    fn query_tables_made_late_equal_those_kept_up_to_date() {
        let docs = [
            (
                "a",
                "Kupyansk trains",
                "Attacks near Kupiansk; attacked, attacking.",
            ),
            (
                "b",
                "Київ",
                "Kyiv and Kiev, Kharkov and Kharkiv: 5,000 troops.",
            ),
            ("c", "Weather", "Rain fell on the coast of Zaporizhzhia."),
        ];
        // Searched after the first document (tables made, then kept up to
        // date as terms arrive) and searched only at the end (made at once).
        let mut early = Index::default();
        let mut late = Index::default();
        for (n, (id, title, body)) in docs.into_iter().enumerate() {
            early.add(id, title, body);
            late.add(id, title, body);
            if n == 0 {
                assert_eq!(ids(&early, "kupiansk"), ["a"]);
            }
        }
        assert!(late.lookups.0.get().is_none(), "indexing made the tables");
        assert_eq!(early.lookups(), late.lookups());
        for q in ["kiev ", "attack ", "zapor", "kharkiv", "5000 "] {
            assert_eq!(ids(&early, q), ids(&late, q), "{q}");
        }
    }

    #[test]
    fn bytes_round_trip() {
        let mut i = index();
        i.remove("other");
        i.add_with_names("n", "Kupyansk", "Trains to Kupyansk.", "Kupyansk");
        let bytes = i.to_bytes();
        let j = Index::from_bytes(&bytes).expect("decodes");
        for q in [
            "lyman ",
            "kupiansk ",
            "\"reached lyman\" ",
            "counteroff",
            "rain ",
            "kupyansk lyman",
        ] {
            assert_eq!(ids(&i, q), ids(&j, q), "{q}");
            // Same scores: the field frequencies rebuilt from positions match.
            let scores = |x: &Index| -> Vec<f32> {
                x.search(&Query::parse(q)).iter().map(|s| s.score).collect()
            };
            assert_eq!(scores(&i), scores(&j), "{q}");
        }
        assert!(Index::from_bytes(&bytes[..bytes.len() - 1]).is_none());
        assert!(Index::from_bytes(b"nonsense").is_none());
    }

    #[test]
    fn damaged_bytes_are_rejected_or_loaded_never_a_panic() {
        let mut i = index();
        i.add_with_names("n", "Kupyansk", "Trains to Kupyansk, Kupyansk.", "Kupyansk");
        let bytes = i.to_bytes();
        for end in 0..bytes.len() {
            assert!(Index::from_bytes(&bytes[..end]).is_none(), "cut at {end}");
        }
        let mut damaged = bytes.clone();
        for at in MAGIC.len()..bytes.len() {
            for flip in [0x01, 0x02, 0x40, 0x80, 0xff] {
                damaged[at] = bytes[at] ^ flip;
                if let Some(j) = Index::from_bytes(&damaged) {
                    // Whatever loaded must answer queries without panicking.
                    let _ = j.search(&Query::parse("kupyansk \"reached lyman\" lym"));
                }
            }
            damaged[at] = bytes[at];
        }
    }
}
