//! The body: which of the walk's blocks are the article. Paragraphs vote for
//! their containers as in Readability, the best container grows to the common
//! ancestor of a split article and takes in the siblings that continue it, and
//! inside it the blocks that are furniture are dropped (steps 2 and 3 of the
//! [module doc](super)).
//!
//! The vote's knobs are the constants below; [`walk`](super::walk) decides
//! what a block is, [`hints`](super::hints) what a class or id says, and
//! [`furniture`](super::furniture) which short lines are never article text.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::Html;

use super::furniture::is_boilerplate_line;
use super::walk::{Block, Kind, Walker};

/// A paragraph shorter than this (in characters) does not vote for its container.
const MIN_VOTING_CHARS: usize = 25;
/// Class/id hint weight added to (or taken from) a container's score.
const HINT_WEIGHT: f64 = 25.0;
/// A block whose text is more than this share of link text is a link list.
const MAX_BLOCK_LINK_DENSITY: f64 = 0.5;
/// A sibling of the top container joins it with at least this share of its
/// score (Readability's 0.2) ...
const SIBLING_SHARE: f64 = 0.2;
/// ... and at least this score.
const SIBLING_MIN_SCORE: f64 = 10.0;
/// Candidates looked at for a split article ...
const ALTERNATIVES_CONSIDERED: usize = 4;
/// ... that count when they score at least this share of the top ...
const ALTERNATIVE_SHARE: f64 = 0.6;
/// ... and that move the container up when there are this many.
const MIN_ALTERNATIVES: usize = 1;
/// Lines up to this many characters are checked against boilerplate phrases.
const BOILERPLATE_LINE_CHARS: usize = 120;

impl Walker {
    /// The article body: the best container's blocks and those of its siblings
    /// that look like more of the same article, less boilerplate.
    /// Drops every boilerplate class/id hint, for a second vote when the first
    /// left nothing: a page whose article sits under a class such as "share"
    /// (a share bar's styling on the article's wrapper) still has a body, and
    /// an empty body is never the right answer for a page with text.
    pub(super) fn forget_furniture_hints(&mut self) {
        for b in &mut self.blocks {
            b.neg.clear();
        }
        for h in self.hint_of.values_mut() {
            h.0 = false;
        }
    }

    pub(super) fn body_text(&self, doc: &Html) -> String {
        let ranked = self.ranked_containers();
        let Some(&(top, depth, top_score)) = ranked.first() else {
            return String::new();
        };
        let (top, depth) = self.common_ancestor(doc, top, depth, top_score, &ranked);
        let mut accepted = self.siblings_of(doc, top, depth, top_score, &ranked);
        // The page marks its article's body, and the vote's container is
        // inside it: the whole marked body is the article (its paragraphs,
        // each in wrappers of its own, left no one container their votes).
        let depth = match self.marked_body {
            Some((body, at)) if at < depth && self.holds(body, at, top, depth) => {
                accepted = vec![body];
                at
            }
            _ => depth,
        };
        let mut out: Vec<&str> = Vec::new();
        for b in &self.blocks {
            if !b.path.get(depth).is_some_and(|id| accepted.contains(id)) {
                continue;
            }
            if b.neg.iter().any(|&i| i >= depth) {
                continue;
            }
            if keep_block(b) {
                out.push(&b.text);
            }
        }
        out.join("\n\n")
    }

    /// Whether the element `outer` (at `outer_depth` of the blocks' paths)
    /// holds `inner` (at `inner_depth`).
    fn holds(&self, outer: NodeId, outer_depth: usize, inner: NodeId, inner_depth: usize) -> bool {
        self.blocks.iter().any(|b| {
            b.path.get(inner_depth) == Some(&inner) && b.path.get(outer_depth) == Some(&outer)
        })
    }

    /// Readability's "alternative candidates": when other containers, neither
    /// inside nor around the top one, score nearly as well, the article is
    /// split (around a video, a quote box, an ad), and the container is the
    /// lowest ancestor holding the top one and enough of them.
    fn common_ancestor(
        &self,
        doc: &Html,
        top: NodeId,
        depth: usize,
        top_score: f64,
        ranked: &[(NodeId, usize, f64)],
    ) -> (NodeId, usize) {
        let path_of = |id: NodeId, d: usize| {
            self.blocks
                .iter()
                .find(|b| b.path.get(d) == Some(&id))
                .map(|b| b.path[..=d].to_vec())
                .unwrap_or_default()
        };
        let top_path = path_of(top, depth);
        let class_of = |id: NodeId| {
            doc.tree
                .get(id)
                .and_then(|n| n.value().as_element())
                .and_then(|e| e.attr("class"))
                .filter(|c| !c.trim().is_empty())
        };
        let top_class = class_of(top);
        // Near-best containers, and lesser ones of the top's own class (an
        // article cut into sections of the same kind).
        let alternatives: Vec<Vec<NodeId>> = ranked[1..]
            .iter()
            .enumerate()
            .filter(|&(i, &(id, _, s))| {
                (i < ALTERNATIVES_CONSIDERED && s >= top_score * ALTERNATIVE_SHARE)
                    || (s >= top_score * SIBLING_SHARE
                        && top_class.is_some()
                        && class_of(id) == top_class)
            })
            .map(|(_, x)| x)
            .map(|&(id, d, _)| path_of(id, d))
            .filter(|p| !p.contains(&top) && !top_path.contains(p.last().unwrap_or(&top)))
            .collect();
        if alternatives.len() < MIN_ALTERNATIVES {
            return (top, depth);
        }
        // Deepest ancestor of the top shared by at least MIN_ALTERNATIVES.
        for d in (0..depth).rev() {
            let shared = alternatives
                .iter()
                .filter(|p| p.get(d) == Some(&top_path[d]))
                .count();
            if shared >= MIN_ALTERNATIVES {
                return (top_path[d], d);
            }
        }
        (top, depth)
    }

    /// The top container and the siblings that continue it (Readability's
    /// rule): siblings that scored well themselves, more easily when they share
    /// the top's class, and plain paragraphs of prose.
    fn siblings_of(
        &self,
        doc: &Html,
        top: NodeId,
        depth: usize,
        top_score: f64,
        ranked: &[(NodeId, usize, f64)],
    ) -> Vec<NodeId> {
        let mut accepted = vec![top];
        if depth == 0 {
            return accepted;
        }
        let score_of: HashMap<NodeId, f64> = ranked.iter().map(|&(id, _, s)| (id, s)).collect();
        let class_of = |id: NodeId| {
            doc.tree
                .get(id)
                .and_then(|n| n.value().as_element())
                .and_then(|e| e.attr("class"))
                .unwrap_or("")
                .to_string()
        };
        let name_of = |id: NodeId| {
            doc.tree
                .get(id)
                .and_then(|n| n.value().as_element())
                .map(|e| e.name().to_string())
                .unwrap_or_default()
        };
        let top_class = class_of(top);
        let threshold = (top_score * SIBLING_SHARE).max(SIBLING_MIN_SCORE);
        let parent = self
            .blocks
            .iter()
            .find(|b| b.path.get(depth) == Some(&top))
            .map(|b| b.path[depth - 1]);
        let mut seen: Vec<NodeId> = vec![top];
        for (i, b) in self.blocks.iter().enumerate() {
            if b.path.len() <= depth || Some(b.path[depth - 1]) != parent {
                continue;
            }
            let sibling = b.path[depth];
            if seen.contains(&sibling) {
                continue;
            }
            seen.push(sibling);
            if self.hint_of.get(&sibling).is_some_and(|h| h.0) {
                continue;
            }
            let bonus = if !top_class.is_empty() && class_of(sibling) == top_class {
                top_score * SIBLING_SHARE
            } else {
                0.0
            };
            let scored = score_of
                .get(&sibling)
                .is_some_and(|s| s + bonus >= threshold);
            // A paragraph sitting beside the container: a <p>, or an element
            // holding nothing but its own loose text (Readability's div-to-p).
            let own: Vec<&Block> = self.blocks[i..]
                .iter()
                .take_while(|x| x.path.get(depth) == Some(&sibling))
                .collect();
            let leaf = own
                .iter()
                .all(|x| x.path.len() == depth + 1 && x.kind == Kind::Para);
            let prose = (leaf || name_of(sibling) == "p") && {
                let text: usize = own.iter().map(|x| x.chars()).sum();
                let density = b.link_density();
                (text > 80 && density < 0.25)
                    || (density == 0.0 && b.text.trim_end().ends_with(['.', '!', '?', '"', '”']))
            };
            if scored || prose {
                accepted.push(sibling);
            }
        }
        accepted
    }

    /// Every container that got votes, best first, with its depth and score.
    fn ranked_containers(&self) -> Vec<(NodeId, usize, f64)> {
        // Readability-style votes: a paragraph scores its parent fully, its
        // grandparent half and its great-grandparent a third.
        // Scores in first-vote (document) order, so that ties break the same way
        // on every run.
        let mut slot: HashMap<NodeId, usize> = HashMap::new();
        let mut scores: Vec<(NodeId, f64, usize)> = Vec::new();
        // Text and link characters under every element, for link density.
        let mut totals: HashMap<NodeId, (usize, usize)> = HashMap::new();
        for b in &self.blocks {
            let chars = b.chars();
            for id in &b.path {
                let t = totals.entry(*id).or_insert((0, 0));
                t.0 += chars;
                t.1 += b.link_chars;
            }
            if !matches!(b.kind, Kind::Para | Kind::Quote | Kind::Pre) || chars < MIN_VOTING_CHARS {
                continue;
            }
            if b.link_density() > MAX_BLOCK_LINK_DENSITY
                || !b.neg.is_empty()
                || (chars <= BOILERPLATE_LINE_CHARS && is_boilerplate_line(&b.text))
            {
                continue;
            }
            let commas = b.text.matches([',', '،', '，']).count() as f64;
            let vote = 1.0 + commas + (chars as f64 / 100.0).min(3.0);
            // The block's own element is the paragraph; votes go to its parents.
            let own = b.path.len() - 1 + usize::from(b.direct);
            for (level, divider) in [(1usize, 1.0), (2, 2.0), (3, 3.0)] {
                let Some(depth) = own.checked_sub(level) else {
                    break;
                };
                let id = b.path[depth];
                let i = *slot.entry(id).or_insert_with(|| {
                    scores.push((id, 0.0, depth));
                    scores.len() - 1
                });
                scores[i].1 += vote / divider;
            }
        }
        let hint_of = &self.hint_of;
        let mut ranked = scores
            .into_iter()
            .map(|(id, score, depth)| {
                let (neg, pos) = hint_of.get(&id).copied().unwrap_or((false, false));
                if neg {
                    // Readability's "unlikely candidates": never the article.
                    return (id, depth, f64::MIN);
                }
                let mut s = score;
                if pos {
                    // At most doubling, so that a hinted container of one short
                    // line does not beat the article.
                    s += HINT_WEIGHT.min(s);
                }
                let (chars, links) = totals.get(&id).copied().unwrap_or((0, 0));
                let density = links as f64 / chars.max(1) as f64;
                (id, depth, s * (1.0 - density))
            })
            .collect::<Vec<_>>();
        ranked.sort_by(|a, b| b.2.total_cmp(&a.2));
        ranked
    }
}

/// Whether a block inside the chosen container is article text.
fn keep_block(b: &Block) -> bool {
    if b.kind == Kind::Title {
        return false;
    }
    let chars = b.chars();
    let density = b.link_density();
    if density > MAX_BLOCK_LINK_DENSITY {
        return false;
    }
    if chars <= BOILERPLATE_LINE_CHARS && is_boilerplate_line(&b.text) {
        return false;
    }
    true
}
