//! Scoring the entity recogniser against gold NER data.
//!
//! Pure functions: the caller reads the files and passes their text in, so the same
//! scoring runs in tests, in the CLI (`folio eval ner DIR`) and anywhere else.
//!
//! Both formats are one token per line (`token<SEP>label`), a blank line between
//! sentences. A document's tokens are joined with single spaces into one text,
//! [`crate::extract::entities::find`] runs on that text, and every predicted mention
//! becomes the range of gold tokens it overlaps. Scoring is CoNLL-style: an entity
//! counts only when its type and its exact token range match.
//!
//! - **wikigold** (CoNLL-2003 types, IO tags): consecutive tokens with the same
//!   tag form one gold entity (IO cannot separate two adjacent entities of the
//!   same type; CoNLL scoring of IO data does the same). PER → person, LOC →
//!   place, ORG → org; MISC is ignored, and so are predictions that fall on MISC
//!   tokens. `-DOCSTART-` lines separate documents.
//! - **GUM-news** (mention level, no B/I): a gold mention is a run of tokens with
//!   the same label. Its mentions include descriptors and common nouns ("Texas
//!   student Ahmed Mohamed", "asylum seekers"), which a proper-name recogniser
//!   never marks, so each person/place/organization mention is first mapped to
//!   its *proper-name spans*: maximal runs of capitalised tokens inside it (a
//!   lowercase "of"/"for"/"the"/"and"/"de" between two capitalised tokens stays
//!   in; capitalised determiners and pronouns ("The", "A", "He", "I", "These")
//!   are never part of one). The last such run of a mention is its
//!   head name and becomes the gold entity; earlier runs (the "Texas" of "Texas
//!   student Ahmed Mohamed") are not scored either way. Mentions without
//!   capitalised tokens ("asylum seekers", "he") are dropped. Each file is one
//!   document. Limits of this protocol: GUM gives one label per token, so a name
//!   nested in a larger mention of another type ("NASA" in "NASA's Johnson Space
//!   Center", a place) is not gold on its own, and a capitalised common noun
//!   opening a sentence ("Visitors") counts as a name. Predictions inside a
//!   mention of an unscored type (event, object, abstract, time, ...) count
//!   neither way, as MISC in CoNLL: "Space Shuttle Atlantis" is an object there,
//!   and the names nested in it carry no label of their own.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::extract::entities;
use crate::model::EntityKind;

/// Which gold format a file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `token label` with CoNLL-2003 IO tags (`I-PER`, `O`), `-DOCSTART-` lines.
    Conll,
    /// `token<TAB>label` with GUM labels (`person`, `place`, `organization`, ...).
    Gum,
}

/// Precision, recall and F1 counts for one type or overall.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    /// Predicted and right.
    pub tp: usize,
    /// Predicted and wrong.
    pub fp: usize,
    /// Gold and missed.
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp), 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// tp / (tp + fn), 0 when there is no gold.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores per entity kind and overall.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Counts per kind (person, place, org).
    pub by_kind: Vec<(EntityKind, Counts)>,
    /// All kinds together.
    pub overall: Counts,
    /// Documents scored.
    pub documents: usize,
    /// Gold tokens read.
    pub tokens: usize,
    /// All kinds together on the first and the second half of the documents
    /// (file order; the first half has `documents / 2`). A rule tuned on one
    /// half that does not hold on the other shows up here as a gap.
    pub halves: [Counts; 2],
    /// Counts per kind on each half, in the order of `by_kind`: an overall gain
    /// on one half can hide a loss on one kind of the other.
    pub halves_by_kind: [Vec<(EntityKind, Counts)>; 2],
}

/// A document in gold form: tokens and, per entity, its token range and kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldDoc {
    /// The tokens as written.
    pub tokens: Vec<String>,
    /// Gold entities: token range and kind.
    pub entities: Vec<(Range<usize>, EntityKind)>,
    /// Token ranges that are neither scored nor penalised (MISC, descriptors).
    pub ignore: Vec<Range<usize>>,
}

/// Parses one gold file into documents.
pub fn parse(text: &str, format: Format) -> Vec<GoldDoc> {
    let mut docs = vec![GoldDoc::default()];
    let mut labels: Vec<String> = Vec::new();
    let flush = |doc: &mut GoldDoc, labels: &mut Vec<String>| {
        label_runs(doc, labels, format);
        labels.clear();
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        let (tok, label) = match format {
            Format::Conll => line.rsplit_once(' ').unwrap_or((line, "O")),
            Format::Gum => line.rsplit_once('\t').unwrap_or((line, "O")),
        };
        if tok.starts_with("-DOCSTART-") {
            let doc = docs.last_mut().expect("one doc");
            if !doc.tokens.is_empty() {
                flush(doc, &mut labels);
                docs.push(GoldDoc::default());
            }
            continue;
        }
        let doc = docs.last_mut().expect("one doc");
        doc.tokens.push(tok.to_string());
        labels.push(label.to_string());
    }
    let doc = docs.last_mut().expect("one doc");
    flush(doc, &mut labels);
    docs.retain(|d| !d.tokens.is_empty());
    docs
}

fn conll_kind(label: &str) -> Option<Option<EntityKind>> {
    match label
        .trim_start_matches(['I', 'B', 'E', 'S'])
        .trim_start_matches('-')
    {
        "PER" => Some(Some(EntityKind::Person)),
        "LOC" => Some(Some(EntityKind::Place)),
        "ORG" => Some(Some(EntityKind::Org)),
        "MISC" => Some(None),
        _ => None,
    }
}

fn gum_kind(label: &str) -> Option<EntityKind> {
    match label {
        "person" => Some(EntityKind::Person),
        "place" => Some(EntityKind::Place),
        "organization" => Some(EntityKind::Org),
        _ => None,
    }
}

/// Runs of equal labels become entities (see the module docs).
fn label_runs(doc: &mut GoldDoc, labels: &[String], format: Format) {
    let base = doc.tokens.len() - labels.len();
    let mut i = 0;
    while i < labels.len() {
        let mut j = i + 1;
        while j < labels.len() && labels[j] == labels[i] {
            j += 1;
        }
        let range = base + i..base + j;
        match format {
            Format::Conll => match conll_kind(&labels[i]) {
                Some(Some(k)) => doc.entities.push((range, k)),
                Some(None) => doc.ignore.push(range),
                None => {}
            },
            Format::Gum => {
                if gum_kind(&labels[i]).is_none() && labels[i] != "O" {
                    // An unscored type (event, object, abstract, time, ...): its
                    // flat label hides any name nested in it, like MISC.
                    doc.ignore.push(range.clone());
                }
                if let Some(k) = gum_kind(&labels[i]) {
                    let names = proper_name_spans(&doc.tokens[range.clone()]);
                    if let Some((last, rest)) = names.split_last() {
                        for r in rest {
                            doc.ignore.push(range.start + r.start..range.start + r.end);
                        }
                        doc.entities
                            .push((range.start + last.start..range.start + last.end, k));
                    }
                }
            }
        }
        i = j;
    }
}

/// Capitalised words that are never proper names: determiners and pronouns at the
/// start of a sentence ("The", "He", "These"), and the pronoun "I".
const NOT_PROPER: &[&str] = &[
    "The", "A", "An", "I", "He", "She", "It", "We", "They", "You", "His", "Her", "Its", "Our",
    "Their", "My", "Your", "This", "That", "These", "Those", "Him", "Them", "Us", "Me",
];

/// Maximal runs of capitalised tokens inside a mention (see the module docs).
pub fn proper_name_spans(tokens: &[String]) -> Vec<Range<usize>> {
    let cap = |t: &String| t.starts_with(char::is_uppercase);
    let joiner = |t: &String| matches!(t.as_str(), "of" | "for" | "the" | "and" | "de");
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !cap(&tokens[i]) || NOT_PROPER.contains(&tokens[i].as_str()) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            if j < tokens.len() && cap(&tokens[j]) {
                j += 1;
            } else if j + 1 < tokens.len() && joiner(&tokens[j]) && cap(&tokens[j + 1]) {
                j += 2;
            } else {
                break;
            }
        }
        out.push(i..j);
        i = j;
    }
    out
}

/// Runs the recogniser on a gold document; returns predicted token ranges.
pub fn predict(doc: &GoldDoc) -> Vec<(Range<usize>, EntityKind)> {
    let mut text = String::new();
    let mut offsets = Vec::with_capacity(doc.tokens.len());
    for t in &doc.tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        offsets.push(text.len()..text.len() + t.len());
        text.push_str(t);
    }
    let mut out: Vec<(Range<usize>, EntityKind)> = Vec::new();
    for e in entities::find(&text) {
        for m in &e.mentions {
            // "the ministry" references (also "The group" opening a sentence)
            // are not names; CoNLL does not mark them.
            let mention = &text[m.start..m.end];
            let last_word = mention.rsplit(' ').next().unwrap_or("");
            let definite = mention.starts_with("The ") && last_word.starts_with(char::is_lowercase);
            if mention.starts_with(char::is_lowercase) || definite {
                continue;
            }
            let first = offsets.partition_point(|r| r.end <= m.start);
            let last = offsets.partition_point(|r| r.start < m.end);
            if first < last {
                out.push((first..last, e.kind));
            }
        }
    }
    out.sort_by_key(|(r, _)| (r.start, r.end));
    out.dedup();
    out
}

/// Scores predictions against gold for one document.
pub fn score_doc(
    doc: &GoldDoc,
    predicted: &[(Range<usize>, EntityKind)],
) -> HashMap<EntityKind, Counts> {
    let gold: HashSet<(usize, usize, EntityKind)> = doc
        .entities
        .iter()
        .map(|(r, k)| (r.start, r.end, *k))
        .collect();
    let ignored = |r: &Range<usize>| {
        doc.ignore
            .iter()
            .any(|x| x.start <= r.start && r.end <= x.end)
    };
    let mut counts: HashMap<EntityKind, Counts> = HashMap::new();
    let mut hit: HashSet<(usize, usize, EntityKind)> = HashSet::new();
    for (r, k) in predicted {
        let key = (r.start, r.end, *k);
        if gold.contains(&key) {
            if hit.insert(key) {
                counts.entry(*k).or_default().tp += 1;
            }
        } else if !ignored(r) {
            counts.entry(*k).or_default().fp += 1;
        }
    }
    for g in &gold {
        if !hit.contains(g) {
            counts.entry(g.2).or_default().fn_ += 1;
        }
    }
    counts
}

/// Parses gold files, runs the recogniser and scores it.
pub fn evaluate<'a>(files: impl IntoIterator<Item = &'a str>, format: Format) -> Report {
    let mut per: HashMap<EntityKind, Counts> = HashMap::new();
    let mut per_half: [HashMap<EntityKind, Counts>; 2] = Default::default();
    let mut report = Report::default();
    let docs: Vec<GoldDoc> = files
        .into_iter()
        .flat_map(|text| parse(text, format))
        .collect();
    let half = docs.len() / 2;
    for (i, doc) in docs.iter().enumerate() {
        report.documents += 1;
        report.tokens += doc.tokens.len();
        let predicted = predict(doc);
        for (k, c) in score_doc(doc, &predicted) {
            per.entry(k).or_default().add(c);
            report.halves[usize::from(i >= half)].add(c);
            per_half[usize::from(i >= half)]
                .entry(k)
                .or_default()
                .add(c);
        }
    }
    for k in [EntityKind::Person, EntityKind::Place, EntityKind::Org] {
        let c = per.get(&k).copied().unwrap_or_default();
        report.overall.add(c);
        report.by_kind.push((k, c));
        for (h, counts) in per_half.iter().enumerate() {
            let c = counts.get(&k).copied().unwrap_or_default();
            report.halves_by_kind[h].push((k, c));
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_io_runs_become_entities_and_misc_is_ignored() {
        let docs = parse(
            "-DOCSTART- O\n\nJohn I-PER\nSmith I-PER\nvisited O\nParis I-LOC\n. O\n\nJapanese I-MISC\n",
            Format::Conll,
        );
        assert_eq!(docs.len(), 1);
        assert_eq!(
            docs[0].entities,
            vec![(0..2, EntityKind::Person), (3..4, EntityKind::Place)]
        );
        assert_eq!(docs[0].ignore, vec![5..6]);
    }

    /// re3d and UNER PUD name each document on its `-DOCSTART-` line
    /// ("-DOCSTART- pud:n01001 O"); the id must split documents, not become a token.
    #[test]
    fn docstart_lines_with_an_id_split_documents() {
        let docs = parse(
            "-DOCSTART- pud:n1 O\n\nAnna I-PER\n. O\n-DOCSTART- pud:n2 O\n\nOslo I-LOC\n",
            Format::Conll,
        );
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].tokens, vec!["Anna", "."]);
        assert_eq!(docs[1].entities, vec![(0..1, EntityKind::Place)]);
    }

    #[test]
    fn gum_mentions_map_to_their_head_proper_name() {
        let docs = parse(
            "Texas\tperson\nstudent\tperson\nAhmed\tperson\nMohamed\tperson\nmet\tO\nasylum\tperson\nseekers\tperson\n",
            Format::Gum,
        );
        assert_eq!(docs[0].entities, vec![(2..4, EntityKind::Person)]);
        assert_eq!(docs[0].ignore, vec![0..1]);
    }

    #[test]
    fn exact_span_and_type_are_both_required() {
        let doc = GoldDoc {
            tokens: vec!["a".into(); 6],
            entities: vec![(0..2, EntityKind::Person), (3..4, EntityKind::Place)],
            ignore: vec![],
        };
        let c = score_doc(
            &doc,
            &[
                (0..2, EntityKind::Person),
                (3..4, EntityKind::Org),
                (5..6, EntityKind::Org),
            ],
        );
        assert_eq!(
            c[&EntityKind::Person],
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            c[&EntityKind::Org],
            Counts {
                tp: 0,
                fp: 2,
                fn_: 0
            }
        );
        assert_eq!(
            c[&EntityKind::Place],
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        let all = Counts {
            tp: 1,
            fp: 2,
            fn_: 1,
        };
        assert!((all.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!((all.recall() - 0.5).abs() < 1e-9);
        assert!((all.f1() - 0.4).abs() < 1e-9);
    }

    #[test]
    fn predictions_map_to_the_tokens_they_cover() {
        let doc = GoldDoc {
            tokens: ["President", "Anna", "Berg", "visited", "Paris", "."]
                .map(String::from)
                .to_vec(),
            entities: vec![],
            ignore: vec![],
        };
        let p = predict(&doc);
        assert!(p.contains(&(1..3, EntityKind::Person)), "{p:?}");
        assert!(p.contains(&(4..5, EntityKind::Place)), "{p:?}");
    }
}
