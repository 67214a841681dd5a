//! A term's postings: the documents that contain it, how often in each
//! field, and where (delta-coded positions, for phrases).

use super::bytes::read_varint;
use super::FIELDS;

/// One document's entry in a term's postings.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) struct Posting {
    pub(super) doc: u32,
    /// End offset in [`Postings::positions`] of this posting's positions.
    pub(super) pos_end: u32,
    /// Occurrences per field.
    pub(super) tf: [u16; FIELDS],
}

/// The postings of one term, sorted by document. Document, frequencies and
/// position offset sit together (16 bytes) because scoring reads them together.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Postings {
    pub(super) list: Vec<Posting>,
    /// Positions, delta-encoded varints, each posting's run starting from 0.
    pub(super) positions: Vec<u8>,
}

impl Postings {
    pub(super) fn len(&self) -> usize {
        self.list.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    #[inline]
    pub(super) fn find(&self, doc: u32) -> Option<usize> {
        self.list.binary_search_by_key(&doc, |p| p.doc).ok()
    }

    pub(super) fn positions(&self, i: usize) -> Vec<u32> {
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
    /// them into cache ahead of the appends (see [`DocTerms`](super::doc_terms::DocTerms)).
    #[inline]
    pub(super) fn touch(&self) -> u32 {
        u32::from(self.positions.last().copied().unwrap_or(0))
            ^ self.list.last().map_or(0, |p| p.pos_end)
    }

    pub(super) fn remove(&mut self, doc: u32) -> bool {
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
