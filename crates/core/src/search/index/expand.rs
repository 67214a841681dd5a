//! From a query word to the index terms it stands for, in tiers: as written,
//! by stem or as a prefix completion, by variant spelling, and — only when
//! none of those exist — by typo correction (a bounded Damerau–Levenshtein
//! scan).

use std::ops::Bound;

use super::Index;
use crate::search::query::QueryTerm;
use crate::text::{stem, variant_key};

/// Score factor for a word of the same stem ("attacks" for "attack").
pub const STEM_WEIGHT: f32 = 0.9;
/// Score factor for a word that matched only as the completion of a prefix.
pub const PREFIX_WEIGHT: f32 = 0.8;
/// Score factor for another romanisation of the word (same [`variant_key`]).
pub const VARIANT_WEIGHT: f32 = 0.7;
/// Score factor for a typo match, raised to the number of edits.
pub const FUZZY_WEIGHT: f32 = 0.5;
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

/// How a document term was reached from a query word; higher is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub(super) enum Tier {
    Fuzzy = 0,
    Variant = 1,
    /// As written, by stem, or as a prefix completion.
    Exact = 2,
}

/// One index term a query word stands for.
#[derive(Debug, Clone, Copy)]
pub(super) struct Expansion {
    pub(super) term: u32,
    pub(super) weight: f32,
    pub(super) tier: Tier,
}

impl Index {
    /// The index terms a query word stands for: the word itself, its stem
    /// relatives, its other romanisations, its completions while being typed, and
    /// — only when none of those exist — its closest typo corrections.
    pub(super) fn expand(&self, t: &QueryTerm) -> Vec<Expansion> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::testing::{ids, index};

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
    fn short_words_get_no_typo_tolerance() {
        let mut i = Index::default();
        i.add("a", "", "the ferry sails");
        assert!(ids(&i, "ferx ").is_empty());
        assert_eq!(max_edits(4), 0);
        assert_eq!(max_edits(5), 1);
        assert_eq!(max_edits(9), 2);
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
}
