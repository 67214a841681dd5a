//! Entity pages (`ent/ID.json.gz`) and the manifest's entity list, as the
//! writer makes them: unlike the other files, which cut up the index, these are
//! excerpted from the articles (the paragraphs that mention an entity in its
//! most-mentioning articles, as a small extraction).

use std::ops::Range;

use super::{ListedEntity, ENTITY_PAGE_ARTICLES};
use crate::model::{Article, CorpusEntity, Extraction};
use crate::search::index::Index;
use crate::text::FxMap;

/// Aliases kept per listed entity.
const SUMMARY_ALIASES: usize = 6;

/// `e` as the manifest lists it; `docs` are (mentions, article number) of the
/// articles that mention it, in corpus order.
pub(super) fn listed(e: &CorpusEntity, docs: &[(usize, u32)]) -> ListedEntity {
    let mentions = docs.iter().map(|d| d.0).sum();
    ListedEntity {
        id: e.id.clone(),
        kind: e.kind,
        name: e.name.clone(),
        aliases: e
            .aliases
            .iter()
            .filter(|a| **a != e.name)
            .take(SUMMARY_ALIASES)
            .cloned()
            .collect(),
        mentions,
        articles: docs.len(),
    }
}

/// What entity pages are made from: the articles by id, the corpus entities
/// by id, and each article's sentences, split once for all the entities
/// whose pages excerpt it.
pub(super) struct Pages<'a> {
    index: &'a Index,
    by_id: &'a FxMap<&'a str, &'a Article>,
    entities: FxMap<&'a str, &'a CorpusEntity>,
    sentences_of: FxMap<u32, Vec<Range<usize>>>,
}

impl<'a> Pages<'a> {
    /// Pages of `entities`, excerpting the articles of `index` found in `by_id`.
    pub(super) fn new(
        index: &'a Index,
        by_id: &'a FxMap<&'a str, &'a Article>,
        entities: &'a [CorpusEntity],
    ) -> Pages<'a> {
        Pages {
            index,
            by_id,
            entities: entities.iter().map(|e| (e.id.as_str(), e)).collect(),
            sentences_of: FxMap::default(),
        }
    }

    /// The page of entity `id`, mentioned in `docs` ((mentions, article
    /// number), in corpus order): excerpts of its [`ENTITY_PAGE_ARTICLES`]
    /// most-mentioning articles, in corpus order, and the entities they mention.
    pub(super) fn page(&mut self, id: &str, mut docs: Vec<(usize, u32)>) -> Extraction {
        // Most mentions first, then corpus order.
        docs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        docs.truncate(ENTITY_PAGE_ARTICLES);
        docs.sort_by_key(|d| d.1);
        let articles: Vec<Article> = docs
            .iter()
            .filter_map(|&(_, doc)| {
                let a = self.by_id.get(self.index.id(doc))?;
                let s = self
                    .sentences_of
                    .entry(doc)
                    .or_insert_with(|| crate::text::sentences::split(&a.text).collect());
                Some(excerpt(a, id, s))
            })
            .collect();
        // Every entity the excerpts mention, in first-seen order, each with
        // the excerpts that mention it (one pass: the page's entity list was
        // found by scanning every excerpt per entity).
        let mut present: Vec<CorpusEntity> = Vec::new();
        let mut slot: FxMap<&str, usize> = FxMap::default();
        for a in &articles {
            for ae in &a.entities {
                let i = match slot.get(ae.id.as_str()) {
                    Some(&i) => i,
                    None => {
                        let Some(ce) = self.entities.get(ae.id.as_str()) else {
                            continue;
                        };
                        slot.insert(&ae.id, present.len());
                        // Field by field: the corpus entity's own article
                        // list can be thousands long, and is replaced.
                        present.push(CorpusEntity {
                            id: ce.id.clone(),
                            kind: ce.kind,
                            name: ce.name.clone(),
                            aliases: ce.aliases.clone(),
                            articles: Vec::new(),
                        });
                        present.len() - 1
                    }
                };
                if present[i].articles.last() != Some(&a.id) {
                    present[i].articles.push(a.id.clone());
                }
            }
        }
        Extraction {
            articles,
            entities: present,
        }
    }
}

/// The sentences of `article` (split as `sentences`: a build excerpts one
/// article for many entities) that mention entity `id` or quote it, as an
/// article of their own (each run of them a paragraph): every span inside
/// them moved to the new offsets, every other dropped. An entity page shows
/// mentions in context, not whole articles, and scraped paragraphs can be
/// whole articles long. Only what the entity view reads is kept: the
/// entities (for its mentions and those sharing its sentences) and its own
/// quotes; other speakers' quotes, dates and quantities are dropped, as a
/// third of a build's output was entity pages.
fn excerpt(article: &Article, id: &str, sentences: &[Range<usize>]) -> Article {
    let spans = article
        .entities
        .iter()
        .filter(|e| e.id == id)
        .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
        .chain(
            article
                .quotes
                .iter()
                .filter(|q| q.speaker_id.as_deref() == Some(id))
                .map(|q| (q.start, q.end)),
        );
    let mut ranges: Vec<(usize, usize)> = spans
        .map(|(s, e)| {
            // The sentences overlapping s..e: they are in text order and do
            // not overlap, so they start at the first that ends after s.
            let first = sentences.partition_point(|r| r.end <= s);
            let over = sentences[first..].iter().take_while(|r| r.start < e);
            let lo = over.clone().map(|r| r.start).min().unwrap_or(s).min(s);
            let hi = over.map(|r| r.end).max().unwrap_or(e).max(e);
            (lo, hi)
        })
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (lo, hi) in ranges {
        match merged.last_mut() {
            // Touching or overlapping (a space apart counts): one passage.
            Some(last) if lo <= last.1 + 1 => last.1 = last.1.max(hi),
            _ => merged.push((lo, hi)),
        }
    }
    // (old start, old end, new start) of each kept passage.
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    let mut text = String::new();
    for (lo, hi) in merged {
        let Some(passage) = article.text.get(lo..hi) else {
            continue;
        };
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        kept.push((lo, hi, text.len()));
        text.push_str(passage);
    }
    let moved = |start: usize, end: usize| {
        kept.iter()
            .find(|k| start >= k.0 && end <= k.1)
            .map(|k| (start - k.0 + k.2, end - k.0 + k.2))
    };
    // Field by field: cloning the article and replacing its text and spans
    // would copy all of them first.
    let mut out = Article {
        file: article.file.clone(),
        id: article.id.clone(),
        title: article.title.clone(),
        byline: article.byline.clone(),
        published: article.published.clone(),
        outlet: article.outlet.clone(),
        url: article.url.clone(),
        text: String::new(),
        removed: Vec::new(),
        entities: Vec::new(),
        quotes: Vec::new(),
        dates: Vec::new(),
        quantities: Vec::new(),
        word_count: article.word_count,
    };
    for e in &article.entities {
        let mentions: Vec<_> = e
            .mentions
            .iter()
            .filter_map(|m| {
                let (start, end) = moved(m.start, m.end)?;
                Some(crate::model::Mention {
                    start,
                    end,
                    ..m.clone()
                })
            })
            .collect();
        if !mentions.is_empty() {
            out.entities.push(crate::model::ArticleEntity {
                id: e.id.clone(),
                kind: e.kind,
                name: e.name.clone(),
                mentions,
            });
        }
    }
    out.quotes = article
        .quotes
        .iter()
        .filter(|q| q.speaker_id.as_deref() == Some(id))
        .filter_map(|q| {
            let (start, end) = moved(q.start, q.end)?;
            Some(crate::model::Quote {
                start,
                end,
                ..q.clone()
            })
        })
        .collect();
    out.text = text;
    out
}
