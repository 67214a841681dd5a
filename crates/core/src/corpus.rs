//! A corpus: extracted articles plus their search index.

use crate::extract::{aliases, decode, extract_document};
use crate::model::{Article, CorpusEntity, Extraction, Meta};
use crate::search::{Facets, Hit, Index, Query, SearchResults, Snippet};

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
}

impl Corpus {
    /// Extracts and indexes every source (web pages through
    /// [`crate::extract::extract_document`]'s HTML step first).
    pub fn build(sources: Vec<Source>) -> Corpus {
        let mut corpus = Corpus::default();
        for s in sources {
            corpus.insert(extract_document(&s.file, &s.raw, &s.meta));
        }
        corpus.entities = aliases::merge(&mut corpus.articles);
        corpus
    }

    /// Adds (or replaces, by id) an extracted article.
    pub fn add(&mut self, article: Article) {
        self.insert(article);
        self.entities = aliases::merge(&mut self.articles);
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
        let facets = Facets::count(&self.index, ranked.hits.iter().map(|s| s.doc));
        let hits = ranked
            .hits
            .into_iter()
            .take(limit)
            .filter_map(|s| {
                let article = self.article(self.index.id(s.doc))?;
                Some(Hit {
                    id: article.id.clone(),
                    file: article.file.clone(),
                    title: article.title.clone(),
                    score: s.score,
                    snippet: Snippet::build(&article.text, &s.matched),
                })
            })
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
        Corpus {
            articles: extraction.articles,
            index,
            entities: extraction.entities,
        }
    }

    /// Everything extracted, in the JSON contract's shape.
    pub fn extraction(&self) -> Extraction {
        Extraction {
            articles: self.articles.clone(),
            entities: self.entities.clone(),
        }
    }
}
