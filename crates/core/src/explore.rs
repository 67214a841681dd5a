//! Exploring a corpus: the derived views the app shows — entity summaries, a KWIC
//! concordance, co-occurrence, quotes grouped by speaker (the same quote reported by
//! several outlets as one item), a timeline of dated sentences, and a side-by-side
//! comparison of two articles with differing claims flagged.
//!
//! These are computed here, not in the UI, so the app, the CLI and the tests see the
//! same figures and the app only lays them out. Everything is derived from the
//! articles' annotations; nothing re-reads the raw text.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use serde::Serialize;

use crate::model::{Article, EntityKind, Quantity, Quote};
use crate::text::sentences;
use crate::text::FxMap;
use crate::text::{fold, tokens};
use crate::Corpus;

/// An entity with its counts, for lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntitySummary {
    /// Corpus-wide id.
    pub id: String,
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// Preferred name.
    pub name: String,
    /// Every surface form.
    pub aliases: Vec<String>,
    /// Mentions across all articles.
    pub mentions: usize,
    /// Ids of the articles that mention it, in corpus order.
    pub articles: Vec<String>,
}

/// Every entity of the corpus with its mention count, most mentioned first (then by
/// name, so the order is stable).
pub fn entity_summaries(corpus: &Corpus) -> Vec<EntitySummary> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for a in &corpus.articles {
        for e in &a.entities {
            *counts.entry(e.id.as_str()).or_default() += e.mentions.len();
        }
    }
    let mut out: Vec<EntitySummary> = corpus
        .entities
        .iter()
        .map(|e| EntitySummary {
            id: e.id.clone(),
            kind: e.kind,
            name: e.name.clone(),
            aliases: e.aliases.clone(),
            mentions: counts.get(e.id.as_str()).copied().unwrap_or(0),
            articles: e.articles.clone(),
        })
        .collect();
    crate::sort::by(&mut out, |a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// One line of a keyword-in-context concordance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KwicLine {
    /// The article the mention is in.
    pub article_id: String,
    /// That article's title.
    pub article_title: String,
    /// Text before the mention, cut at a word boundary, at most `width` characters.
    pub left: String,
    /// The mention as written.
    pub mention: String,
    /// Text after the mention, cut likewise.
    pub right: String,
    /// Byte offset of the mention in the article text (for links into the reader).
    pub start: usize,
}

/// Every mention of an entity in context, article by article in corpus order.
/// Context stays within the mention's paragraph.
pub fn concordance(corpus: &Corpus, entity_id: &str, width: usize) -> Vec<KwicLine> {
    let mut out: Vec<KwicLine> = Vec::new();
    for a in &corpus.articles {
        let first = out.len();
        for e in a.entities.iter().filter(|e| e.id == entity_id) {
            for m in &e.mentions {
                let para = paragraph_around(&a.text, m.start, m.end);
                out.push(KwicLine {
                    article_id: a.id.clone(),
                    article_title: a.title.clone(),
                    left: cut_left(&a.text[para.start..m.start], width),
                    mention: m.text.clone(),
                    right: cut_right(&a.text[m.end..para.end], width),
                    start: m.start,
                });
            }
        }
        // Articles come in corpus order; within one, lines follow the text.
        crate::sort::by_key(&mut out[first..], |l| l.start);
    }
    out
}

fn paragraph_around(text: &str, start: usize, end: usize) -> Range<usize> {
    let s = text[..start].rfind("\n\n").map_or(0, |i| i + 2);
    let e = text[end..].find("\n\n").map_or(text.len(), |i| end + i);
    s..e
}

fn cut_left(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n <= width {
        return s.to_string();
    }
    let from = s.char_indices().nth(n - width).map_or(0, |(i, _)| i);
    let from = s[from..].find(' ').map_or(from, |i| from + i + 1);
    format!("…{}", &s[from..])
}

fn cut_right(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let to = s.char_indices().nth(width).map_or(s.len(), |(i, _)| i);
    let to = s[..to].rfind(' ').unwrap_or(to);
    format!("{}…", &s[..to])
}

/// An entity that appears in the same sentences as another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoOccurrence {
    /// The other entity's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: EntityKind,
    /// How many sentences mention both.
    pub sentences: usize,
}

/// The entities that share the most sentences with `entity_id`, most first.
pub fn cooccurrence(corpus: &Corpus, entity_id: &str, limit: usize) -> Vec<CoOccurrence> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for a in &corpus.articles {
        if !a.entities.iter().any(|e| e.id == entity_id) {
            continue;
        }
        for sent in sentences::split(&a.text) {
            let inside = |e: &crate::model::ArticleEntity| {
                e.mentions
                    .iter()
                    .any(|m| m.start >= sent.start && m.end <= sent.end)
            };
            let present: HashSet<&str> = a
                .entities
                .iter()
                .filter(|e| inside(e))
                .map(|e| e.id.as_str())
                .collect();
            if present.contains(entity_id) {
                for other in present.into_iter().filter(|&o| o != entity_id) {
                    *counts.entry(other).or_default() += 1;
                }
            }
        }
    }
    let mut out: Vec<CoOccurrence> = counts
        .into_iter()
        .filter_map(|(id, n)| {
            let e = corpus.entities.iter().find(|e| e.id == id)?;
            Some(CoOccurrence {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                sentences: n,
            })
        })
        .collect();
    crate::sort::by(&mut out, |a, b| {
        b.sentences
            .cmp(&a.sentences)
            .then_with(|| a.name.cmp(&b.name))
    });
    out.truncate(limit);
    out
}

/// A quote as reported by one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteReport {
    /// The article reporting it.
    pub article_id: String,
    /// That article's outlet, when known.
    pub outlet: Option<String>,
    /// The quote.
    pub quote: Quote,
}

/// One thing said, with every article's version of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteGroup {
    /// The versions, in corpus order; the first is the longest.
    pub reports: Vec<QuoteReport>,
}

/// Everything one speaker said (or the unattributed quotes, speaker `None`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerQuotes {
    /// The speaker's name.
    pub speaker: Option<String>,
    /// The speaker's entity id.
    pub speaker_id: Option<String>,
    /// What they said, each group one statement reported by one or more articles.
    pub groups: Vec<QuoteGroup>,
}

/// Two versions of a quote are the same statement when this share of the shorter
/// one's words (folded) also appear in the longer one. Outlets trim, translate
/// slightly differently and punctuate differently; 0.6 keeps "As of 12:30 p.m.,
/// Lyman is fully cleared" and "As of 12:30pm (09:30 GMT), Lyman has been fully
/// cleared" together while keeping different sentences of one speech apart.
pub const SAME_QUOTE_OVERLAP: f64 = 0.6;

/// Quotes grouped by speaker (most quoted first; unattributed last), with the same
/// statement reported by several articles merged into one group.
pub fn quotes_by_speaker(corpus: &Corpus) -> Vec<SpeakerQuotes> {
    let mut by_speaker: BTreeMap<(Option<String>, Option<String>), Vec<QuoteReport>> =
        BTreeMap::new();
    for a in &corpus.articles {
        for q in &a.quotes {
            let key = match &q.speaker_id {
                Some(id) => (Some(id.clone()), None),
                None => (None, q.speaker.clone()),
            };
            by_speaker.entry(key).or_default().push(QuoteReport {
                article_id: a.id.clone(),
                outlet: a.outlet.clone(),
                quote: q.clone(),
            });
        }
    }
    let mut out: Vec<SpeakerQuotes> = by_speaker
        .into_iter()
        .map(|((id, name), reports)| {
            let speaker = match &id {
                Some(id) => corpus
                    .entities
                    .iter()
                    .find(|e| &e.id == id)
                    .map(|e| e.name.clone())
                    .or_else(|| reports[0].quote.speaker.clone()),
                None => name,
            };
            SpeakerQuotes {
                speaker,
                speaker_id: id,
                groups: group_quotes(reports),
            }
        })
        .collect();
    crate::sort::by(&mut out, |a, b| {
        (
            a.speaker.is_none(),
            std::cmp::Reverse(a.groups.len()),
            &a.speaker,
        )
            .cmp(&(
                b.speaker.is_none(),
                std::cmp::Reverse(b.groups.len()),
                &b.speaker,
            ))
    });
    out
}

fn word_set(s: &str) -> HashSet<String> {
    tokens(s).map(|t| fold(t.text)).collect()
}

/// The share of the smaller word set found in the larger.
fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    small.iter().filter(|w| large.contains(*w)).count() as f64 / small.len() as f64
}

fn group_quotes(reports: Vec<QuoteReport>) -> Vec<QuoteGroup> {
    let mut groups: Vec<(HashSet<String>, QuoteGroup)> = Vec::new();
    for r in reports {
        let words = word_set(&r.quote.text);
        let found = groups.iter_mut().find(|(w, g)| {
            overlap(w, &words) >= SAME_QUOTE_OVERLAP
                && !g.reports.iter().any(|x| x.article_id == r.article_id)
        });
        match found {
            Some((w, g)) => {
                w.extend(words);
                g.reports.push(r);
            }
            None => groups.push((words, QuoteGroup { reports: vec![r] })),
        }
    }
    groups
        .into_iter()
        .map(|(_, mut g)| {
            if let Some(longest) =
                (0..g.reports.len()).max_by_key(|&i| g.reports[i].quote.text.len())
            {
                g.reports.swap(0, longest);
            }
            g
        })
        .collect()
}

/// A dated sentence, for the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEvent {
    /// The date as ISO (`YYYY-MM-DD` or `YYYY-MM`).
    pub date: String,
    /// The date as written.
    pub date_text: String,
    /// The sentence it appears in.
    pub sentence: String,
    /// The article.
    pub article_id: String,
    /// The article's title.
    pub article_title: String,
    /// Byte offset of the date in the article text.
    pub start: usize,
}

/// Every sentence with a date resolved to at least a month, oldest first. A sentence
/// with several dates appears once, under its most precise date; bare years are left
/// out (they date background, "seized in 2014", rather than the events reported).
pub fn timeline(corpus: &Corpus) -> Vec<TimelineEvent> {
    let mut out = Vec::new();
    for a in &corpus.articles {
        let sents: Vec<Range<usize>> = sentences::split(&a.text).collect();
        let mut seen: HashMap<usize, usize> = HashMap::new();
        for d in &a.dates {
            let Some(value) = d.value.as_deref().filter(|v| is_month_or_day(v)) else {
                continue;
            };
            let Some(si) = sents
                .iter()
                .position(|s| s.start <= d.start && d.end <= s.end)
            else {
                continue;
            };
            let event = TimelineEvent {
                date: value.to_string(),
                date_text: d.text.clone(),
                sentence: a.text[sents[si].clone()].to_string(),
                article_id: a.id.clone(),
                article_title: a.title.clone(),
                start: d.start,
            };
            match seen.get(&si) {
                Some(&i) if out_len_date(&out, i) >= value.len() => {}
                Some(&i) => out[i] = event,
                None => {
                    seen.insert(si, out.len());
                    out.push(event);
                }
            }
        }
    }
    crate::sort::by(&mut out, |a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| a.article_id.cmp(&b.article_id))
    });
    out
}

/// `YYYY-MM` or `YYYY-MM-DD` (not a year alone, a week or a season).
fn is_month_or_day(v: &str) -> bool {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

fn out_len_date(out: &[TimelineEvent], i: usize) -> usize {
    out[i].date.len()
}

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
        if let Some(qb) = b
            .quotes
            .iter()
            .find(|qb| overlap(&wa, &word_set(&qb.text)) >= SAME_QUOTE_OVERLAP)
        {
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

/// What an inline mark in the reader stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkKind {
    /// A person's name.
    Person,
    /// A place name.
    Place,
    /// An organisation's name.
    Org,
    /// A date or time expression.
    Date,
    /// A number with its unit.
    Quantity,
}

/// A run of text in the reader, marked or plain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    /// The text.
    pub text: String,
    /// What it is, when it is something.
    pub mark: Option<MarkKind>,
    /// The entity id (for people, places, organisations).
    pub entity_id: Option<String>,
    /// A normalised value to show on focus: an ISO date, "5000 troops".
    pub value: Option<String>,
}

/// A run of spans, inside a quote or not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// When the block is quoted speech: the speaker's name, if known, and id.
    pub quote: Option<(Option<String>, Option<String>)>,
    /// The spans, in text order.
    pub spans: Vec<Span>,
}

/// One paragraph of the reader.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReaderParagraph {
    /// Byte offset of the paragraph in the article text.
    pub start: usize,
    /// Its blocks, in text order; their texts joined give the paragraph back.
    pub blocks: Vec<Block>,
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

/// The article's paragraphs cut into quoted and unquoted blocks, each cut into
/// spans with people, places, organisations, dates and quantities marked. Where
/// marks overlap, an entity wins over a quantity, a quantity over a date, and an
/// earlier, longer mark over a later one.
pub fn reader_paragraphs(corpus: &Corpus, article: &Article) -> Vec<ReaderParagraph> {
    struct Inline {
        range: Range<usize>,
        kind: MarkKind,
        entity_id: Option<String>,
        value: Option<String>,
        rank: u8,
    }
    let mut marks: Vec<Inline> = Vec::new();
    for e in &article.entities {
        let kind = match e.kind {
            EntityKind::Person => MarkKind::Person,
            EntityKind::Place => MarkKind::Place,
            EntityKind::Org => MarkKind::Org,
        };
        let name = corpus
            .entities
            .iter()
            .find(|c| c.id == e.id)
            .map_or_else(|| e.name.clone(), |c| c.name.clone());
        for m in &e.mentions {
            marks.push(Inline {
                range: m.start..m.end,
                kind,
                entity_id: Some(e.id.clone()),
                value: Some(name.clone()),
                rank: 0,
            });
        }
    }
    for q in &article.quantities {
        marks.push(Inline {
            range: q.start..q.end,
            kind: MarkKind::Quantity,
            entity_id: None,
            value: Some(format!("{} {}", format_number(q.value), q.unit)),
            rank: 1,
        });
    }
    for d in &article.dates {
        marks.push(Inline {
            range: d.start..d.end,
            kind: MarkKind::Date,
            entity_id: None,
            value: d.value.clone(),
            rank: 2,
        });
    }
    marks.retain(|m| m.range.start < m.range.end && m.range.end <= article.text.len());
    crate::sort::by_key(&mut marks, |m| {
        (m.rank, m.range.start, std::cmp::Reverse(m.range.end))
    });
    let mut kept: Vec<Inline> = Vec::new();
    for m in marks {
        if !kept
            .iter()
            .any(|k| k.range.start < m.range.end && m.range.start < k.range.end)
        {
            kept.push(m);
        }
    }
    crate::sort::by_key(&mut kept, |m| m.range.start);

    let text = &article.text;
    let mut out = Vec::new();
    for (pstart, para) in article.paragraphs() {
        let pend = pstart + para.len();
        // Block boundaries: the quotes inside this paragraph (clipped to it).
        let mut quotes: Vec<(Range<usize>, &Quote)> = article
            .quotes
            .iter()
            .filter(|q| q.start < pend && q.end > pstart)
            .map(|q| (q.start.max(pstart)..q.end.min(pend), q))
            .collect();
        crate::sort::by_key(&mut quotes, |q| q.0.start);
        let mut blocks = Vec::new();
        let mut at = pstart;
        let mut push = |range: Range<usize>, quote: Option<&Quote>| {
            if range.is_empty() {
                return;
            }
            let mut spans = Vec::new();
            let mut pos = range.start;
            for m in kept
                .iter()
                .filter(|m| m.range.start >= range.start && m.range.end <= range.end)
            {
                if m.range.start > pos {
                    spans.push(plain(&text[pos..m.range.start]));
                }
                spans.push(Span {
                    text: text[m.range.clone()].to_string(),
                    mark: Some(m.kind),
                    entity_id: m.entity_id.clone(),
                    value: m.value.clone(),
                });
                pos = m.range.end;
            }
            if pos < range.end {
                spans.push(plain(&text[pos..range.end]));
            }
            blocks.push(Block {
                quote: quote.map(|q| (q.speaker.clone(), q.speaker_id.clone())),
                spans,
            });
        };
        for (range, q) in quotes {
            if range.start < at {
                continue;
            }
            push(at..range.start, None);
            push(range.clone(), Some(q));
            at = range.end;
        }
        push(at..pend, None);
        out.push(ReaderParagraph {
            start: pstart,
            blocks,
        });
    }
    out
}

fn plain(s: &str) -> Span {
    Span {
        text: s.to_string(),
        mark: None,
        entity_id: None,
        value: None,
    }
}

/// A number as people write it: "5,000", "1.8", "20".
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        let s = format_fixed(v, 3);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// `v` with exactly `decimals` digits after the point (rounded half away from
/// zero), like `format!("{v:.2}")` but by integer arithmetic: the app formats
/// every fractional number through here, which keeps the standard library's
/// float formatting (some 10 kB) out of its first-load wasm.
pub fn format_fixed(v: f64, decimals: u32) -> String {
    if !v.is_finite() || v.abs() >= 1e15 {
        return "0".to_string();
    }
    let scale = 10u64.pow(decimals.min(6));
    let scaled = (v.abs() * scale as f64).round() as u64;
    let (int, frac) = (scaled / scale, scaled % scale);
    let sign = if v < 0.0 && scaled > 0 { "-" } else { "" };
    if decimals == 0 {
        return format!("{sign}{int}");
    }
    let frac = frac.to_string();
    let pad = "0".repeat(decimals.min(6) as usize - frac.len());
    format!("{sign}{int}.{pad}{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    #[test]
    fn fixed_point_formatting_matches_the_standard_librarys() {
        for (v, d) in [
            (0.0, 2),
            (1.005, 1),
            (12.3456, 3),
            (-0.04, 1),
            (99.999, 2),
            (7.0, 0),
            (-2.5, 0),
            (0.125, 2),
        ] {
            let ours = format_fixed(v, d);
            let std = format!("{v:.*}", d as usize);
            // Ties round away from zero here and to even in std; both are fine for
            // drawing, so compare the values, not the strings, on ties.
            let a: f64 = ours.parse().unwrap();
            let b: f64 = std.parse().unwrap();
            assert!(
                (a - b).abs() <= 10f64.powi(-(d as i32)) + 1e-9,
                "{v} {d}: {ours} vs {std}"
            );
        }
        assert_eq!(format_fixed(12.3456, 3), "12.346");
        assert_eq!(format_fixed(-0.04, 1), "0.0", "no negative zero");
        assert_eq!(format_fixed(3.25, 2), "3.25");
        assert_eq!(format_fixed(0.05, 2), "0.05");
        assert_eq!(format_number(1.8), "1.8");
        assert_eq!(format_number(1_000_000.0), "1,000,000");
        assert_eq!(format_number(0.125), "0.125");
    }

    fn corpus() -> Corpus {
        Corpus::build(vec![
            Source::text(
                "a.txt",
                "Mayor Anna Berg said the bridge would reopen. \"The bridge is safe and will reopen on Monday,\" Berg said.\n\nAbout 300 workers repaired it in Lund.",
            ),
            Source::text(
                "b.txt",
                "\"The bridge is safe and it will reopen Monday,\" Mayor Anna Berg told reporters in Lund.\n\nAbout 450 workers took part.",
            ),
        ])
    }

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
    fn the_same_quote_in_two_articles_is_one_group() {
        let c = corpus();
        let speakers = quotes_by_speaker(&c);
        let berg = speakers
            .iter()
            .find(|s| s.speaker.as_deref().is_some_and(|n| n.contains("Berg")))
            .expect("Berg is a speaker");
        assert_eq!(berg.groups.len(), 1, "{berg:#?}");
        assert_eq!(berg.groups[0].reports.len(), 2);
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

    #[test]
    fn concordance_lines_hold_the_mention_and_its_context() {
        let c = corpus();
        let berg = entity_summaries(&c)
            .into_iter()
            .find(|e| e.name.contains("Berg"))
            .unwrap();
        assert_eq!(berg.articles.len(), 2);
        let lines = concordance(&c, &berg.id, 30);
        assert!(lines.len() >= 3, "{lines:#?}");
        for l in &lines {
            assert!(l.mention.contains("Berg"));
            assert!(
                l.left.chars().count() <= 31 && l.right.chars().count() <= 31,
                "{l:?}"
            );
        }
    }

    #[test]
    fn reader_paragraphs_give_the_text_back_with_marks_and_quotes() {
        let c = corpus();
        let a = c.article("a").unwrap();
        let paras = reader_paragraphs(&c, a);
        let rebuilt: Vec<String> = paras
            .iter()
            .map(|p| {
                p.blocks
                    .iter()
                    .flat_map(|b| b.spans.iter().map(|s| s.text.as_str()))
                    .collect()
            })
            .collect();
        assert_eq!(rebuilt.join("\n\n"), a.text);
        let quoted: Vec<&Block> = paras
            .iter()
            .flat_map(|p| &p.blocks)
            .filter(|b| b.quote.is_some())
            .collect();
        assert_eq!(quoted.len(), 1);
        assert!(paras
            .iter()
            .flat_map(|p| &p.blocks)
            .flat_map(|b| &b.spans)
            .any(|s| s.mark == Some(MarkKind::Person) && s.entity_id.is_some()));
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(format_number(5000.0), "5,000");
        assert_eq!(format_number(1.8), "1.8");
        assert_eq!(format_number(-1234567.0), "-1,234,567");
    }

    #[test]
    fn context_is_cut_at_word_boundaries() {
        assert_eq!(cut_left("one two three four", 9), "…four");
        assert_eq!(cut_right("one two three four", 9), "one two…");
        assert_eq!(cut_right("short", 9), "short");
    }

    #[test]
    fn timeline_needs_a_month_and_keeps_one_event_per_sentence() {
        let mut c = Corpus::default();
        let meta = crate::Meta {
            published: Some("2022-10-02".into()),
            ..crate::Meta::default()
        };
        c.add(crate::extract(
            "t.txt",
            "On October 1 and on September 30 the town fell. In 2014 it was seized.",
            &meta,
        ));
        let t = timeline(&c);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert!(t[0].date.starts_with("2022-"));
    }

    #[test]
    fn only_months_and_days_go_on_the_timeline() {
        assert!(is_month_or_day("2022-10"));
        assert!(is_month_or_day("2022-10-02"));
        assert!(!is_month_or_day("2022-W35"));
        assert!(!is_month_or_day("2022"));
        assert!(!is_month_or_day("2022-10-0x"));
    }
}
