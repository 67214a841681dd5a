//! The distinct terms of the document being added: where indexing reads a
//! document's tokens before it visits the index once per distinct term.

use super::terms::{is_plain, TermKey};
use super::{Field, FIELDS};
use crate::text::{fold_into, tokens, Spans, Step};

/// What [`Index::add_document`](super::Index::add_document) keeps per
/// distinct term of the document being added.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Local {
    /// The term's [`TermKey`] hash and prefix, compared as
    /// [`TermTable`](super::terms::TermTable) does.
    pub(super) hash: u32,
    prefix: [u64; 3],
    /// For a long word ([`TermKey::is_long`]), its folded text's range in
    /// [`DocTerms::long`]; empty otherwise.
    long: (u32, u32),
    /// Where the term sits in [`DocTerms::slots`] (to empty it afterwards).
    slot: u32,
    /// Its first token, as field and byte range (the text of a new term is
    /// made from it).
    pub(super) token: (u8, u32, u32),
    /// The index's term id, once looked up ([`NO_TERM`] until then).
    pub(super) term: u32,
    pub(super) tf: [u16; FIELDS],
    /// The term's first and last occurrences so far, as indexes into
    /// [`DocTerms::occurrences`].
    pub(super) first: u32,
    last: u32,
}

/// [`Local::term`] before the term is looked up in the index.
const NO_TERM: u32 = u32::MAX;

/// One token of the document being added: its position, and the next
/// occurrence of the same term ([`NO_NEXT`] for none yet).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Occurrence {
    pub(super) pos: u32,
    pub(super) next: u32,
}

/// [`Occurrence::next`] of a term's last occurrence: past the end of any
/// document's occurrences, so following it finds none.
const NO_NEXT: u32 = u32::MAX;

/// The distinct terms of the document being added, found by their key.
///
/// Why: the index-wide [`TermTable`](super::terms::TermTable), term list
/// and postings are large, and reading or writing a term's entry there is a
/// likely cache miss, which waits for memory when the next instructions
/// depend on it. A document's words repeat (each distinct word twice on
/// average in the benchmark's articles); here a repeated word costs a probe
/// of this small table, which stays in cache, and its occurrence is chained
/// to the term's previous one. The index is then visited once per distinct
/// term, after the whole document is read, in passes that first only touch
/// what the next pass will need
/// ([`TermTable::touch`](super::terms::TermTable::touch),
/// [`Postings::touch`](super::postings::Postings::touch)): those reads are
/// independent, so the processor overlaps their misses.
///
/// Scratch: empty between calls (its slots all zero), so it never makes two
/// indexes unequal.
#[derive(Debug, Clone, Default)]
pub(super) struct DocTerms {
    /// Index into `terms` + 1 per slot; 0 = empty. Length a power of two (or
    /// zero), at most half full.
    slots: Vec<u32>,
    /// In order of first occurrence.
    pub(super) terms: Vec<Local>,
    /// Every occurrence, in order.
    pub(super) occurrences: Vec<Occurrence>,
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
    pub(super) fn key<'a>(&'a self, l: &Local) -> TermKey<'a> {
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
    pub(super) fn read(&mut self, field: Field, text: &str, pos: u32) -> u32 {
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
    pub(super) fn read_spans(&mut self, field: Field, text: &str, spans: &Spans, pos: u32) -> u32 {
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
    pub(super) fn clear(&mut self) {
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
