//! Ranking: BM25F scores summed over a query's clauses, ordered by match
//! tier first, the best few picked without sorting every match; phrases
//! checked by position.

use super::expand::{Expansion, Tier};
use super::postings::Postings;
use super::{Index, FIELDS};
use crate::search::query::{Alt, Query, QueryTerm, Sort};

/// BM25 term-frequency saturation.
pub const K1: f32 = 1.2;
/// BM25 length normalisation.
pub const B: f32 = 0.75;
/// Weight of the title field relative to the body.
pub const TITLE_BOOST: f32 = 2.5;
/// Weight of the entity-names field relative to the body.
pub const NAMES_BOOST: f32 = 1.5;
/// A phrase scores the sum of its words' scores times this.
pub const PHRASE_BOOST: f32 = 1.5;

const BOOSTS: [f32; FIELDS] = [TITLE_BOOST, 1.0, NAMES_BOOST];

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
}

#[cfg(test)]
mod tests {
    use crate::search::index::testing::{ids, index};
    use crate::search::index::Index;

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
}
