//! The inverted index and its ranking.
//!
//! Each term maps to a postings list: for every document containing it, how often
//! it occurs in each field. Terms live in a sorted map so that a prefix ("counteroff")
//! is a range scan, which is what makes results appear on every keystroke.
//!
//! Ranking is BM25F: per-field term frequencies are length-normalised, weighted by
//! field boost, summed, and saturated once (Robertson & Zaragoza, "The Probabilistic
//! Relevance Framework: BM25 and Beyond", 2009). The knobs:
//!
//! | knob | value | range and effect |
//! |---|---|---|
//! | [`K1`] | 1.2 | 0–3: how fast repeated occurrences stop adding score (0 = presence only) |
//! | [`B`] | 0.75 | 0–1: how much longer fields are penalised (0 = not at all) |
//! | [`TITLE_BOOST`] | 2.5 | ≥ 1: how much a word in the title outweighs one in the body |
//! | [`PREFIX_WEIGHT`] | 0.8 | 0–1: a completed prefix scores this fraction of an exact match |

use std::collections::{BTreeMap, HashMap};

use super::query::Query;
use super::tokenize::{fold, tokens};

/// BM25 term-frequency saturation.
pub const K1: f32 = 1.2;
/// BM25 length normalisation.
pub const B: f32 = 0.75;
/// Weight of the title field relative to the body.
pub const TITLE_BOOST: f32 = 2.5;
/// Score factor for a word that matched only as the completion of a prefix.
pub const PREFIX_WEIGHT: f32 = 0.8;
/// At most this many completions of a prefix are searched (the most frequent).
pub const MAX_PREFIX_EXPANSIONS: usize = 32;

/// The fields a document is indexed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The headline.
    Title = 0,
    /// The article text.
    Body = 1,
}

const FIELDS: usize = 2;
const BOOSTS: [f32; FIELDS] = [TITLE_BOOST, 1.0];

#[derive(Debug, Clone, PartialEq)]
struct Doc {
    id: String,
    lens: [u32; FIELDS],
    live: bool,
}

#[derive(Debug, Clone, PartialEq)]
struct Posting {
    doc: u32,
    tf: [u16; FIELDS],
}

/// An inverted index over documents with a title and a body.
///
/// ```
/// use folio_core::search::{Index, Query};
///
/// let mut index = Index::default();
/// index.add("a", "Ferry news", "The ferry sailed to Lyman.");
/// index.add("b", "Other", "Nothing here about boats.");
/// let hits = index.search(&Query::parse("ferr"));
/// assert_eq!(hits.len(), 1);
/// assert_eq!(index.id(hits[0].doc), "a");
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    docs: Vec<Doc>,
    by_id: HashMap<String, u32>,
    terms: BTreeMap<String, Vec<Posting>>,
    len_sums: [u64; FIELDS],
    live_docs: u32,
}

/// A document that matched a query, before snippets.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// Internal document number; see [`Index::id`].
    pub doc: u32,
    /// BM25F score.
    pub score: f32,
    /// The index terms that matched (folded), for highlighting.
    pub matched: Vec<String>,
}

impl Index {
    /// Adds a document. Adding an id that exists replaces the old document.
    pub fn add(&mut self, id: &str, title: &str, body: &str) {
        self.remove(id);
        let doc = self.docs.len() as u32;
        let mut tfs: HashMap<String, [u16; FIELDS]> = HashMap::new();
        let mut lens = [0u32; FIELDS];
        for (field, text) in [(Field::Title, title), (Field::Body, body)] {
            for token in tokens(text) {
                let key = fold(token.text);
                let tf = &mut tfs.entry(key).or_default()[field as usize];
                *tf = tf.saturating_add(1);
                lens[field as usize] += 1;
            }
        }
        for (term, tf) in tfs {
            self.terms
                .entry(term)
                .or_default()
                .push(Posting { doc, tf });
        }
        for (sum, len) in self.len_sums.iter_mut().zip(lens) {
            *sum += u64::from(len);
        }
        self.docs.push(Doc {
            id: id.to_string(),
            lens,
            live: true,
        });
        self.by_id.insert(id.to_string(), doc);
        self.live_docs += 1;
    }

    /// Removes a document; returns whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(doc) = self.by_id.remove(id) else {
            return false;
        };
        let d = &mut self.docs[doc as usize];
        d.live = false;
        for (sum, len) in self.len_sums.iter_mut().zip(d.lens) {
            *sum -= u64::from(len);
        }
        self.live_docs -= 1;
        self.terms.retain(|_, postings| {
            postings.retain(|p| p.doc != doc);
            !postings.is_empty()
        });
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

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Every document that matches all terms of `query`, best first.
    pub fn search(&self, query: &Query) -> Vec<Scored> {
        if query.is_empty() || self.is_empty() {
            return Vec::new();
        }
        let mut acc: HashMap<u32, (f32, Vec<String>)> = HashMap::new();
        for (i, term) in query.terms.iter().enumerate() {
            let mut best: HashMap<u32, (f32, &str)> = HashMap::new();
            for (key, weight) in self.expand(&term.text, term.prefix) {
                let postings = &self.terms[key];
                let idf = self.idf(postings.len());
                for p in postings {
                    let s = weight * idf * self.saturated_tf(p);
                    let e = best.entry(p.doc).or_insert((0.0, key));
                    if s > e.0 {
                        *e = (s, key);
                    }
                }
            }
            if i == 0 {
                for (doc, (s, key)) in best {
                    acc.insert(doc, (s, vec![key.to_string()]));
                }
            } else {
                acc.retain(|doc, (score, matched)| match best.get(doc) {
                    Some(&(s, key)) => {
                        *score += s;
                        matched.push(key.to_string());
                        true
                    }
                    None => false,
                });
            }
            if acc.is_empty() {
                return Vec::new();
            }
        }
        let mut out: Vec<Scored> = acc
            .into_iter()
            .map(|(doc, (score, matched))| Scored {
                doc,
                score,
                matched,
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        out
    }

    /// The index terms a query term stands for, with their weights: the term itself,
    /// and for a prefix its most frequent completions.
    fn expand<'a>(&'a self, text: &str, prefix: bool) -> Vec<(&'a str, f32)> {
        let mut out: Vec<(&str, f32)> = Vec::new();
        if let Some((key, _)) = self.terms.get_key_value(text) {
            out.push((key.as_str(), 1.0));
        }
        if prefix {
            let mut completions: Vec<(&str, usize)> = self
                .terms
                .range::<str, _>((std::ops::Bound::Excluded(text), std::ops::Bound::Unbounded))
                .take_while(|(k, _)| k.starts_with(text))
                .map(|(k, p)| (k.as_str(), p.len()))
                .collect();
            completions.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            out.extend(
                completions
                    .into_iter()
                    .take(MAX_PREFIX_EXPANSIONS)
                    .map(|(k, _)| (k, PREFIX_WEIGHT)),
            );
        }
        out
    }

    fn idf(&self, df: usize) -> f32 {
        let n = self.live_docs as f32;
        let df = df as f32;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// BM25F: length-normalised, boosted frequencies summed over fields, then
    /// saturated once.
    fn saturated_tf(&self, p: &Posting) -> f32 {
        let d = &self.docs[p.doc as usize];
        let n = self.live_docs.max(1) as f32;
        let mut tf = 0.0;
        for f in 0..FIELDS {
            if p.tf[f] == 0 {
                continue;
            }
            let avg = (self.len_sums[f] as f32 / n).max(1.0);
            let norm = 1.0 - B + B * d.lens[f] as f32 / avg;
            tf += BOOSTS[f] * f32::from(p.tf[f]) / norm;
        }
        tf / (K1 + tf)
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
    fn removed_documents_are_not_found_and_re_adding_replaces() {
        let mut i = index();
        assert!(i.remove("lyman"));
        assert!(!i.remove("lyman"));
        assert_eq!(ids(&i, "lyman "), vec!["kharkiv"]);
        i.add("kharkiv", "", "only rain now");
        assert!(ids(&i, "lyman ").is_empty());
        assert_eq!(i.len(), 2);
    }

    #[test]
    fn diacritics_and_case_fold() {
        let mut i = Index::default();
        i.add("a", "", "ZAPORIZHZHIA and Łódź");
        assert_eq!(ids(&i, "lodz "), vec!["a"]);
        assert_eq!(ids(&i, "Zaporizhzhia "), vec!["a"]);
    }
}
