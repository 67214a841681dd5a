//! What a sharded index ([`crate::search::shard`]) reads and writes of the
//! index: the term list, one term's postings and positions, and the document
//! table. Here because the postings' layout is private to the index.

use super::bytes::{read_varint, write_varint};
use super::documents::Doc;
use super::expand::Tier;
use super::postings::{Posting, Postings};
use super::terms::TermKey;
use super::{Index, FIELDS};
use crate::search::query::{Alt, Query, QueryTerm};

impl Index {
    /// Ids of the terms that occur somewhere, in sorted order.
    pub(in crate::search) fn sorted_live_terms(&self) -> Vec<u32> {
        self.dict()
            .values()
            .copied()
            .filter(|&id| !self.terms[id as usize].postings.is_empty())
            .collect()
    }

    /// A term's text.
    pub(in crate::search) fn term_text(&self, id: u32) -> &str {
        &self.terms[id as usize].text
    }

    /// A term's document frequency (see [`Index::df`]).
    pub(in crate::search) fn term_df(&self, id: u32) -> usize {
        self.df(id)
    }

    /// The id of a term, if the index knows it (loaded or only listed).
    pub(in crate::search) fn term_by_text(&self, text: &str) -> Option<u32> {
        self.dict().get(text).copied()
    }

    /// Appends a term's postings without positions: per posting the document
    /// delta with two flags in its low bits (title, names occurrences follow),
    /// then the body frequency, then the flagged frequencies.
    pub(in crate::search) fn write_term_postings(&self, id: u32, out: &mut Vec<u8>) {
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
    pub(in crate::search) fn write_term_positions(&self, id: u32, out: &mut Vec<u8>) {
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
    pub(in crate::search) fn read_term_postings(&mut self, id: u32, r: &mut &[u8]) -> Option<()> {
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
    pub(in crate::search) fn read_term_positions(&mut self, id: u32, r: &mut &[u8]) -> Option<()> {
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
    pub(in crate::search) fn list_term(&mut self, text: &str, df: u32) -> u32 {
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
    pub(in crate::search) fn wanted_terms(&self, query: &Query) -> Vec<(u32, bool)> {
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
    pub(in crate::search) fn from_doc_table(
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
    pub(in crate::search) fn doc_table(
        &self,
    ) -> impl Iterator<Item = ([u32; FIELDS], Option<&str>, Option<&str>)> {
        self.docs
            .iter()
            .map(|d| (d.lens, d.published.as_deref(), d.outlet.as_deref()))
    }
}
