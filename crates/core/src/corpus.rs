//! A corpus: extracted articles plus their search index.

use crate::extract::{aliases, decode, extract_document};
use std::collections::HashMap;

use crate::text::FxMap;

use crate::model::{Article, CorpusEntity, EntityKind, Extraction, Meta};
use crate::search::{Facets, Hit, Index, Query, SearchResults};
use crate::text::Spans;

/// One article as it comes in: its file name, raw text and metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// File name; its stem is the article id.
    pub file: String,
    /// The raw text.
    pub raw: String,
    /// What is known about the article.
    pub meta: Meta,
}

impl Source {
    /// A source with no metadata.
    pub fn text(file: &str, raw: &str) -> Source {
        Source {
            file: file.to_string(),
            raw: raw.to_string(),
            meta: Meta::default(),
        }
    }

    /// A source from a file's bytes, refusing binary, empty and non-UTF-8 input.
    pub fn from_bytes(file: &str, bytes: &[u8], meta: Meta) -> Result<Source, crate::Error> {
        Ok(Source {
            file: file.to_string(),
            raw: decode(bytes)?,
            meta,
        })
    }
}

/// A corpus built one article at a time: each is indexed as it arrives, and the
/// entities are merged once at the end. `folio build` indexes articles while its
/// other threads are still extracting the rest.
#[derive(Debug, Default)]
pub struct Builder {
    corpus: Corpus,
    /// By id, where each article is: a later one with the same id replaces it,
    /// as [`Corpus::add`] does, without searching the list each time (which
    /// made a build of 100,000 articles quadratic).
    at: FxMap<String, usize>,
}

impl Builder {
    /// Indexes and keeps an extracted article (replacing one with its id).
    pub fn push(&mut self, a: Article) {
        self.corpus.index.add_article(&a);
        self.keep(a);
    }

    /// [`Builder::push`] with where the tokens of the article's text are, as
    /// [`crate::extract::extract_with_spans`] gives them (`None`: the index
    /// tokenizes the text itself).
    pub fn push_spans(&mut self, a: Article, spans: Option<&Spans>) {
        match spans {
            Some(spans) => self.corpus.index.add_article_spans(&a, spans),
            None => self.corpus.index.add_article(&a),
        }
        self.keep(a);
    }

    fn keep(&mut self, a: Article) {
        match self.at.get(&a.id) {
            Some(&i) => self.corpus.articles[i] = a,
            None => {
                self.at.insert(a.id.clone(), self.corpus.articles.len());
                self.corpus.articles.push(a);
            }
        }
    }

    /// Merges the entities across the articles: the finished corpus.
    pub fn finish(self) -> Corpus {
        let mut corpus = self.corpus;
        corpus.entities = aliases::merge(&mut corpus.articles);
        corpus.refresh_preferred();
        corpus
    }
}

/// Extracted articles and the index over them.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The articles, in the order they were added.
    pub articles: Vec<Article>,
    /// The search index over titles and text.
    pub index: Index,
    /// Entities merged across all articles; every article's entity ids point here.
    /// Recomputed on every [`Corpus::add`] and [`Corpus::remove`], so an import
    /// never leaves a stale merge behind.
    pub entities: Vec<CorpusEntity>,
    /// Each article-level entity name (by kind) to its corpus entity's preferred
    /// name, for facets; rebuilt with every merge.
    preferred: HashMap<(EntityKind, String), String>,
}

impl Corpus {
    /// Extracts and indexes every source (web pages through
    /// [`crate::extract::extract_document`]'s HTML step first).
    pub fn build(sources: Vec<Source>) -> Corpus {
        Corpus::from_articles(
            sources
                .iter()
                .map(|s| extract_document(&s.file, &s.raw, &s.meta))
                .collect(),
        )
    }

    /// A corpus of articles extracted elsewhere (on several threads, say):
    /// indexed and merged once.
    pub fn from_articles(articles: Vec<Article>) -> Corpus {
        let mut builder = Builder::default();
        for a in articles {
            builder.push(a);
        }
        builder.finish()
    }

    /// Adds (or replaces, by id) an extracted article.
    pub fn add(&mut self, article: Article) {
        self.insert(article);
        self.entities = aliases::merge(&mut self.articles);
        self.refresh_preferred();
    }

    /// Adds or replaces an article without re-merging entities (the index reads
    /// entity names, never ids, so it need not wait for the merge).
    fn insert(&mut self, article: Article) {
        self.index.add_article(&article);
        match self.articles.iter_mut().find(|a| a.id == article.id) {
            Some(slot) => *slot = article,
            None => self.articles.push(article),
        }
    }

    /// Removes an article by id; returns whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        self.articles.retain(|a| a.id != id);
        self.entities = aliases::merge(&mut self.articles);
        self.refresh_preferred();
        self.index.remove(id)
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Runs a query (see [`crate::search::query`] for the language); returns the
    /// total, the best `limit` hits with snippets, facet counts over every match,
    /// and the parser's notices.
    pub fn search(&self, query: &str, limit: usize) -> SearchResults {
        let parsed = Query::parse(query);
        let ranked = self.index.search_top(&parsed, limit);
        let total = ranked.hits.len();
        let facets = Facets::count_named(
            &self.index,
            ranked.hits.iter().map(|s| s.doc),
            |kind, name| {
                self.preferred
                    .get(&(kind, name.to_string()))
                    .map_or(name, String::as_str)
            },
        );
        let hits = ranked
            .hits
            .into_iter()
            .take(limit)
            .filter_map(|s| Some(Hit::of(self.article(self.index.id(s.doc))?, &s)))
            .collect();
        SearchResults {
            query: query.to_string(),
            total,
            hits,
            notices: parsed.notices,
            facets,
        }
    }

    /// A corpus from an extraction made earlier (at build time, or by another
    /// worker): the articles and merged entities are taken as they are and only the
    /// index is built. Calling this, and never [`Corpus::build`], keeps the
    /// extraction stages and their word lists out of a wasm that only explores.
    pub fn from_extraction(extraction: Extraction) -> Corpus {
        let mut index = Index::default();
        for a in &extraction.articles {
            index.add_article(a);
        }
        let mut corpus = Corpus {
            articles: extraction.articles,
            index,
            entities: extraction.entities,
            preferred: HashMap::new(),
        };
        corpus.refresh_preferred();
        corpus
    }

    /// Adds an article as a record of a sharded site hands it over: extracted
    /// and merged at build time, so it is neither indexed (the shards are the
    /// index) nor merged again; each of its entities the corpus does not know
    /// yet is entered as it appears in this article.
    pub fn insert_record(&mut self, article: Article) {
        if self.article(&article.id).is_some() {
            return;
        }
        for e in &article.entities {
            match self.entities.iter_mut().find(|c| c.id == e.id) {
                Some(c) => c.articles.push(article.id.clone()),
                None => {
                    let mut aliases: Vec<String> =
                        e.mentions.iter().map(|m| m.text.clone()).collect();
                    aliases.push(e.name.clone());
                    aliases.sort();
                    aliases.dedup();
                    self.entities.push(CorpusEntity {
                        id: e.id.clone(),
                        kind: e.kind,
                        name: e.name.clone(),
                        aliases,
                        articles: vec![article.id.clone()],
                    });
                }
            }
        }
        self.articles.push(article);
    }

    fn refresh_preferred(&mut self) {
        let by_id: HashMap<&str, &str> = self
            .entities
            .iter()
            .map(|e| (e.id.as_str(), e.name.as_str()))
            .collect();
        self.preferred = self
            .articles
            .iter()
            .flat_map(|a| &a.entities)
            .filter_map(|e| {
                let preferred = by_id.get(e.id.as_str())?;
                (*preferred != e.name).then(|| ((e.kind, e.name.clone()), preferred.to_string()))
            })
            .collect();
    }

    /// Everything extracted, in the JSON contract's shape.
    pub fn extraction(&self) -> Extraction {
        Extraction {
            articles: self.articles.clone(),
            entities: self.entities.clone(),
        }
    }
}
