//! The compare page: two articles side by side — the entities and quotes they
//! share and the numbers on which they differ — and, before two are chosen,
//! the pairs of articles most worth comparing.

use std::collections::HashSet;

use serde::Serialize;

use super::same_quote::{same, word_set};
use crate::model::{Article, EntityKind, Quantity, Quote};
use crate::text::FxMap;
use crate::Corpus;

/// Two articles side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Entities both mention: (id, name, kind).
    pub shared: Vec<(String, String, EntityKind)>,
    /// Entities only the first mentions.
    pub only_a: Vec<(String, String, EntityKind)>,
    /// Entities only the second mentions.
    pub only_b: Vec<(String, String, EntityKind)>,
    /// Statements both report (the first article's version, the second's).
    pub shared_quotes: Vec<(Quote, Quote)>,
    /// Quantities of the same unit in both, with whether their values differ.
    pub claims: Vec<Claim>,
}

/// The same kind of quantity in two articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// The normalised unit both use ("km2", "troops", "percent").
    pub unit: String,
    /// The first article's quantities of this unit.
    pub a: Vec<Quantity>,
    /// The second's.
    pub b: Vec<Quantity>,
    /// Whether the two sets of values differ: the claims disagree, or cover
    /// different things — either way, worth a reader's look.
    pub differ: bool,
}

/// Compares two articles; `None` when either id is unknown.
pub fn compare(corpus: &Corpus, a_id: &str, b_id: &str) -> Option<Comparison> {
    let a = corpus.article(a_id)?;
    let b = corpus.article(b_id)?;
    let ids = |x: &Article| -> Vec<(String, String, EntityKind)> {
        x.entities
            .iter()
            .map(|e| {
                let name = corpus
                    .entities
                    .iter()
                    .find(|c| c.id == e.id)
                    .map_or_else(|| e.name.clone(), |c| c.name.clone());
                (e.id.clone(), name, e.kind)
            })
            .collect()
    };
    let (ea, eb) = (ids(a), ids(b));
    let in_b: HashSet<&str> = eb.iter().map(|e| e.0.as_str()).collect();
    let in_a: HashSet<&str> = ea.iter().map(|e| e.0.as_str()).collect();
    let shared = ea
        .iter()
        .filter(|e| in_b.contains(e.0.as_str()))
        .cloned()
        .collect();
    let only_a = ea
        .iter()
        .filter(|e| !in_b.contains(e.0.as_str()))
        .cloned()
        .collect();
    let only_b = eb
        .iter()
        .filter(|e| !in_a.contains(e.0.as_str()))
        .cloned()
        .collect();

    let mut shared_quotes = Vec::new();
    for qa in &a.quotes {
        let wa = word_set(&qa.text);
        if let Some(qb) = b.quotes.iter().find(|qb| same(&wa, &word_set(&qb.text))) {
            shared_quotes.push((qa.clone(), qb.clone()));
        }
    }

    let mut units: Vec<&str> = a.quantities.iter().map(|q| q.unit.as_str()).collect();
    units.sort_unstable();
    units.dedup();
    let claims = units
        .into_iter()
        .filter_map(|unit| {
            let qa: Vec<Quantity> = a
                .quantities
                .iter()
                .filter(|q| q.unit == unit)
                .cloned()
                .collect();
            let qb: Vec<Quantity> = b
                .quantities
                .iter()
                .filter(|q| q.unit == unit)
                .cloned()
                .collect();
            if qb.is_empty() {
                return None;
            }
            let values = |qs: &[Quantity]| {
                let mut v: Vec<u64> = qs.iter().map(|q| q.value.to_bits()).collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            let differ = values(&qa) != values(&qb);
            Some(Claim {
                unit: unit.to_string(),
                a: qa,
                b: qb,
                differ,
            })
        })
        .collect();
    Some(Comparison {
        shared,
        only_a,
        only_b,
        shared_quotes,
        claims,
    })
}
/// Two articles worth putting side by side (see [`related_pairs`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelatedPair {
    /// The article that comes first in the corpus.
    pub a: String,
    /// The other.
    pub b: String,
    /// How many entities both name.
    pub shared: usize,
    /// How many kinds of quantity both report ([`Comparison::claims`]).
    pub claims: usize,
    /// How many of those they report with different values ([`Claim::differ`]).
    pub differ: usize,
}

/// Above this many articles [`related_pairs`] suggests none: an entity named
/// in most of them makes its pairs' count grow with the square of the corpus.
pub const RELATED_PAIRS_MAX_ARTICLES: usize = 200;

/// The `limit` pairs of articles that name the most entities in common (ties:
/// the pair met first in the corpus), with how many kinds of numbers differ
/// between them: where to start comparing coverage of one event. Pairs that
/// share no entity are left out, and a corpus above
/// [`RELATED_PAIRS_MAX_ARTICLES`] gets none.
pub fn related_pairs(corpus: &Corpus, limit: usize) -> Vec<RelatedPair> {
    let n = corpus.articles.len();
    if !(2..=RELATED_PAIRS_MAX_ARTICLES).contains(&n) || limit == 0 {
        return Vec::new();
    }
    // Each entity's articles, in corpus order, each article once.
    // (Fx maps, as the index uses: std's hasher would add its own code to the
    // first-load wasm.)
    let mut articles_of: FxMap<&str, Vec<usize>> = FxMap::default();
    for (i, a) in corpus.articles.iter().enumerate() {
        for e in &a.entities {
            let list = articles_of.entry(e.id.as_str()).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let mut shared: FxMap<(usize, usize), usize> = FxMap::default();
    for list in articles_of.values() {
        for (k, &x) in list.iter().enumerate() {
            for &y in &list[k + 1..] {
                *shared.entry((x, y)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<((usize, usize), usize)> = shared.into_iter().collect();
    // The best `limit` by scanning (few are asked for, and a sort of these
    // tuples would add its own code to the first-load wasm): most shared
    // first, on a tie the pair met first.
    let mut top = Vec::new();
    while top.len() < limit {
        let best = (0..pairs.len()).max_by(|&i, &j| {
            let (p, q) = (&pairs[i], &pairs[j]);
            p.1.cmp(&q.1).then(q.0.cmp(&p.0))
        });
        let Some(best) = best else { break };
        top.push(pairs.swap_remove(best));
    }
    top.into_iter()
        .filter_map(|((x, y), shared)| {
            let (a, b) = (&corpus.articles[x].id, &corpus.articles[y].id);
            let claims = compare(corpus, a, b)?.claims;
            Some(RelatedPair {
                a: a.clone(),
                b: b.clone(),
                shared,
                claims: claims.len(),
                differ: claims.iter().filter(|c| c.differ).count(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::fixture::corpus;
    use crate::Source;

    #[test]
    fn related_pairs_rank_by_entities_in_common_and_count_differing_numbers() {
        let c = Corpus::build(vec![
            Source::text(
                "a.txt",
                "Mayor Anna Berg opened the bridge in Lund with Erik Holm. About 300 workers built it.",
            ),
            Source::text(
                "b.txt",
                "Anna Berg and Erik Holm spoke in Lund. About 450 workers built the bridge.",
            ),
            Source::text("c.txt", "Anna Berg visited Oslo on Monday."),
            Source::text("d.txt", "It rained all week in Bergen and Tromsø."),
        ]);
        let pairs = related_pairs(&c, 10);
        let ids = |p: &RelatedPair| (p.a.clone(), p.b.clone());
        let id = |i: usize| c.articles[i].id.clone();
        // a and b share three names; each shares one with c; d shares none.
        assert_eq!(ids(&pairs[0]), (id(0), id(1)));
        assert_eq!(pairs[0].shared, 3);
        assert_eq!(
            (pairs[0].claims, pairs[0].differ),
            (1, 1),
            "300 workers against 450"
        );
        assert_eq!(pairs.len(), 3, "{pairs:?}");
        assert!(pairs[1..].iter().all(|p| p.shared == 1 && p.claims == 0));
        assert!(pairs.iter().all(|p| p.a != id(3) && p.b != id(3)));
        assert_eq!(related_pairs(&c, 1).len(), 1);
        assert!(related_pairs(&c, 0).is_empty());
    }

    #[test]
    fn differing_counts_of_the_same_unit_are_flagged() {
        let c = corpus();
        let cmp = compare(&c, "a", "b").unwrap();
        let workers = cmp
            .claims
            .iter()
            .find(|cl| cl.unit == "workers")
            .expect("workers claim");
        assert!(workers.differ);
        assert_eq!(cmp.shared_quotes.len(), 1);
        assert!(cmp.shared.iter().any(|e| e.1.contains("Berg")));
        assert!(compare(&c, "a", "nope").is_none());
    }
}
