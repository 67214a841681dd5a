//! Terms: the term list's entries, the keys and hash table that intern every
//! token while indexing, and the lookup tables (sorted, by stem, by variant)
//! a query word finds its terms through.

use std::collections::BTreeMap;
use std::hash::Hasher;
use std::sync::OnceLock;

use super::postings::Postings;
use super::Index;
use crate::text::{stem, variant_key, FxHasher, FxMap};

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Term {
    pub(super) text: String,
    pub(super) postings: Postings,
    /// The term's document frequency as a sharded index's lexicon gives it,
    /// before (or without) its postings being loaded; 0 in a whole index,
    /// where the postings say it (see [`Index::df`]).
    pub(super) lex_df: u32,
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
pub(super) struct TermTable {
    /// (hash, id + 1); id + 1 = 0 marks an empty slot. Length a power of two
    /// (or zero).
    slots: Vec<(u32, u32)>,
    /// By term id: the zero-padded first bytes of its text.
    prefixes: Vec<[u64; 3]>,
}

/// A word as the [`TermTable`] looks it up: hash and zero-padded first bytes,
/// computed once per token.
pub(super) struct TermKey<'a> {
    pub(super) text: &'a str,
    pub(super) hash: u32,
    pub(super) prefix: [u64; 3],
}

impl<'a> TermKey<'a> {
    /// Bytes of a word kept beside its slot.
    const INLINE: usize = 24;

    #[inline]
    pub(super) fn new(text: &'a str) -> TermKey<'a> {
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
    /// empty here). Equal to [`TermKey::new`] of
    /// [`fold`](crate::text::fold())`(token)`, whose hash and prefix it
    /// computes without making the folded string.
    #[inline]
    pub(super) fn ascii_run(text: &[u8], start: usize, end: usize) -> Option<TermKey<'static>> {
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
    pub(super) fn is_long(&self) -> bool {
        self.text.len() >= TermKey::INLINE
    }
}

impl TermTable {
    #[inline]
    pub(super) fn get(&self, key: &TermKey, terms: &[Term]) -> Option<u32> {
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
    /// cache ahead of [`TermTable::get`] (see [`DocTerms`](super::doc_terms::DocTerms)).
    #[inline]
    pub(super) fn touch(&self, hash: u32) -> u64 {
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
    pub(super) fn insert(&mut self, key: &TermKey) {
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

/// The tables a query word finds its terms through. Indexing never reads them,
/// so they are left unmade while documents are added and made from the term
/// list at the first query ([`Index::lookups`]): building or loading an index
/// then neither stems nor keys nor sorts its terms, and an index that is only
/// built and saved never does. Once made, they are kept up to date term by
/// term, so adding a few documents to a searched index costs what it did.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Lookups {
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
    pub(super) fn add(&mut self, text: &str, id: u32) {
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
pub(super) struct LazyLookups(pub(super) OnceLock<Lookups>);

impl PartialEq for LazyLookups {
    fn eq(&self, _: &LazyLookups) -> bool {
        true
    }
}

impl Index {
    /// The query tables, made from the terms if this is their first use.
    fn lookups(&self) -> &Lookups {
        self.lookups.0.get_or_init(|| Lookups::of(&self.terms))
    }

    /// Term text → id, sorted.
    pub(super) fn dict(&self) -> &BTreeMap<String, u32> {
        &self.lookups().dict
    }

    /// Stem → terms.
    pub(super) fn stems(&self) -> &FxMap<String, Vec<u32>> {
        &self.lookups().stems
    }

    /// Variant key → terms.
    pub(super) fn variants(&self) -> &FxMap<String, Vec<u32>> {
        &self.lookups().variants
    }
}

/// Whether a token is a non-empty run of ASCII letters and digits (whose folded
/// form is its lowercase).
pub(super) fn is_plain(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::testing::ids;
    use crate::text::fold;

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
}
