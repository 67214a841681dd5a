//! The index's compact binary form ([`Index::to_bytes`], [`Index::from_bytes`]).

use super::bytes::{
    read_front_coded, read_opt, read_str, read_varint, write_front_coded, write_opt, write_str,
    write_varint,
};
use super::documents::{Doc, DocEntity};
use super::postings::{Posting, Postings};
use super::terms::{Term, TermKey};
use super::{Index, FIELDS};
use crate::model::EntityKind;

const MAGIC: &[u8] = b"FOLIX3";

impl Index {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::testing::{ids, index};
    use crate::search::Query;

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
