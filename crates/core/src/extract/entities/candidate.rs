//! A candidate name: a span of the text with its key and, once evidence has
//! been weighed, a kind and how sure that kind is. Candidates are what
//! classifying one run produces and what the decisions across the article read;
//! the vote between a name's candidates is by [`Strength`].

use super::words::Word;
use crate::model::EntityKind;
use crate::text::fold_append;

/// How sure the evidence for a kind is; the strongest evidence for a name wins.
pub(super) type Strength = u8;
pub(super) const WEAK: Strength = 1;
pub(super) const MEDIUM: Strength = 2;
pub(super) const STRONG: Strength = 3;

/// A candidate name before the article-level vote.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Folded words of the name (descriptor normalised).
    pub(super) key: String,
    pub(super) kind: Option<EntityKind>,
    pub(super) strength: Strength,
    /// Number of words in the name.
    pub(super) words: usize,
    /// Index of the first word, for context look-ups.
    pub(super) first: usize,
    /// A lone sentence opener with no evidence: kept only when it resolves to
    /// a name found elsewhere in the article (a surname, an acronym).
    pub(super) opener: bool,
}

/// Keeps `c` unless it covers nothing (a run stripped down to no name).
pub(super) fn push(cands: &mut Vec<Cand>, c: Cand) {
    if c.start < c.end && !c.key.is_empty() {
        cands.push(c);
    }
}

/// Gives `c` a kind, with how sure the evidence for it is.
pub(super) fn set(c: &mut Cand, kind: EntityKind, strength: Strength) {
    c.kind = Some(kind);
    c.strength = strength;
}

/// The key of the name `words[s..e]`: its folded words, a possessive word's
/// without the "'s".
pub(super) fn key_of(words: &[Word], s: usize, e: usize) -> String {
    // Sized once: a key is built for every candidate name.
    let mut out = String::with_capacity(words[s..e].iter().map(|w| w.key.len() + 1).sum());
    for (n, w) in words[s..e].iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        if w.possessive {
            fold_append(&w.text[..w.name_end - w.start], &mut out);
        } else {
            out.push_str(w.key);
        }
    }
    out
}

/// A candidate covering `words[s..e]` with no kind yet. A final "U.S"-style
/// letter keeps its dot.
pub(super) fn plain(words: &[Word], s: usize, e: usize) -> Cand {
    let last = &words[e - 1];
    Cand {
        start: words[s].start,
        end: last.name_end,
        key: key_of(words, s, e),
        kind: None,
        strength: 0,
        words: e - s,
        first: s,
        opener: false,
    }
}
