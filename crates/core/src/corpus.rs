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

    /// Whether no article has been pushed yet (`folio build` refuses to write
    /// an empty site).
    pub fn is_empty(&self) -> bool {
        self.corpus.articles.is_empty()
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
            .filter_map(|s| Some(Hit::of(self.article(self.index.id(s.doc))?, &s, &parsed)))
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
        let mut corpus = Corpus::unsearchable(extraction);
        for a in &corpus.articles {
            corpus.index.add_article(a);
        }
        corpus
    }

    /// A corpus from an extraction made earlier, with no index: for views that
    /// read the articles and entities whole and never search (the views
    /// module's map, claims and timeline), where indexing a large library would
    /// hold the page for seconds to no end. Its searches find nothing.
    pub fn unsearchable(extraction: Extraction) -> Corpus {
        let mut corpus = Corpus {
            articles: extraction.articles,
            index: Index::default(),
            entities: extraction.entities,
            preferred: HashMap::new(),
        };
        corpus.refresh_preferred();
        corpus
    }

    /// Takes part of a change merged elsewhere (by the import worker): the
    /// articles with these ids leave, and these articles are added or
    /// replace the ones of their ids, each indexed once. Entities are not
    /// merged here: [`Corpus::finish_change`] brings the merge that goes with
    /// the change. Sent in parts, a large change never holds the page for
    /// long.
    pub fn change_articles(&mut self, removed: &[String], articles: Vec<Article>) {
        if !removed.is_empty() {
            let gone: FxMap<&str, ()> = removed.iter().map(|id| (id.as_str(), ())).collect();
            self.articles.retain(|a| !gone.contains_key(a.id.as_str()));
            for id in removed {
                self.index.remove(id);
            }
        }
        let mut at: FxMap<String, usize> = FxMap::default();
        if !articles.is_empty() {
            at = self
                .articles
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id.clone(), i))
                .collect();
        }
        for a in articles {
            self.index.add_article(&a);
            match at.get(&a.id) {
                Some(&i) => self.articles[i] = a,
                None => {
                    at.insert(a.id.clone(), self.articles.len());
                    self.articles.push(a);
                }
            }
        }
    }

    /// Completes a change begun with [`Corpus::change_articles`]: the
    /// articles are put in `order` (any not in it leave, so the corpus is the
    /// sender's whatever it had before) and the merged entities replace the
    /// old ones.
    pub fn finish_change(&mut self, order: &[String], entities: Vec<CorpusEntity>) {
        let place: FxMap<&str, usize> = order
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        let stray: Vec<String> = self
            .articles
            .iter()
            .filter(|a| !place.contains_key(a.id.as_str()))
            .map(|a| a.id.clone())
            .collect();
        self.change_articles(&stray, Vec::new());
        let in_order = self
            .articles
            .windows(2)
            .all(|w| place[w[0].id.as_str()] < place[w[1].id.as_str()]);
        if !in_order {
            let mut articles = std::mem::take(&mut self.articles);
            crate::sort::by(&mut articles, |a, b| {
                place[a.id.as_str()].cmp(&place[b.id.as_str()])
            });
            self.articles = articles;
        }
        self.entities = entities;
        self.refresh_preferred();
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

    /// Applies corrections by hand (see [`crate::corrections`]) to the merged
    /// entities and re-indexes the articles they change: `folio build` and
    /// `folio bundle` publish a corrected corpus this way.
    pub fn correct(
        &mut self,
        corrections: &[crate::corrections::Correction],
    ) -> Vec<crate::corrections::Outcome> {
        let mut x = Extraction {
            articles: std::mem::take(&mut self.articles),
            entities: std::mem::take(&mut self.entities),
        };
        let (outcomes, touched) = crate::corrections::apply(&mut x, corrections);
        self.articles = x.articles;
        self.entities = x.entities;
        for id in &touched {
            if let Some(a) = self.articles.iter().find(|a| &a.id == id) {
                self.index.add_article(a);
            }
        }
        self.refresh_preferred();
        outcomes
    }

    /// Everything extracted, in the JSON contract's shape.
    pub fn extraction(&self) -> Extraction {
        Extraction {
            articles: self.articles.clone(),
            entities: self.entities.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    //! Tests of the index built from extraction's output: they need both
    //! layers, which sit apart below the corpus.

    use crate::model::EntityKind;
    use crate::search::{Index, Query};

    fn ids(i: &Index, q: &str) -> Vec<String> {
        i.search(&Query::parse(q))
            .iter()
            .map(|s| i.id(s.doc).to_string())
            .collect()
    }

    /// Guards the library's changes by difference (issue #17: every change
    /// re-read and re-indexed the whole library): a corpus changed in parts
    /// (one removed, one replaced, one added, and a stray the sender no
    /// longer has) is the corpus built from the sender's final state.
    #[test]
    fn a_change_in_parts_gives_the_corpus_built_from_its_result() {
        let texts = [
            (
                "a",
                "Mayor Petra Novak opened the bridge in Ruse on Monday.",
            ),
            ("b", "Ferries returned to Varna after the storm."),
            ("c", "\"We will rebuild,\" Novak said in Ruse."),
            ("stray", "A text the sender never had."),
        ];
        let build = |which: &[(&str, &str)]| {
            crate::Corpus::build(
                which
                    .iter()
                    .map(|(id, t)| crate::Source::text(id, t))
                    .collect(),
            )
        };
        let mut shown = build(&texts);
        let changed = "Ferries returned to Varna and Burgas after the storm.";
        let added = ("d", "Storms closed the port of Burgas.");
        let goal = build(&[texts[1], texts[2], added]);
        let goal = {
            let mut x = goal.extraction();
            x.articles[0].text = changed.to_string();
            x.articles[0].title = changed.to_string();
            crate::Corpus::from_extraction(x)
        };
        // What differs, as the worker finds it: "b" changed, "d" is new, and
        // "c" differs by its merge (no "Petra Novak" in "a" any more).
        let differ: Vec<crate::Article> = goal
            .articles
            .iter()
            .filter(|a| shown.article(&a.id) != Some(*a))
            .cloned()
            .collect();
        let ids: Vec<&str> = differ.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["b", "c", "d"]);
        let (first, rest) = differ.split_at(1);
        shown.change_articles(&["a".to_string()], first.to_vec());
        shown.change_articles(&[], rest.to_vec());
        let order: Vec<String> = goal.articles.iter().map(|a| a.id.clone()).collect();
        shown.finish_change(&order, goal.entities.clone());
        assert_eq!(shown.articles, goal.articles);
        assert_eq!(shown.entities, goal.entities);
        for q in ["novak", "burgas", "person:novak", "stray", "bridge"] {
            let (got, want) = (shown.search(q, 10), goal.search(q, 10));
            assert_eq!(got.total, want.total, "{q}");
            assert_eq!(got.hits, want.hits, "{q}");
            assert_eq!(got.facets, want.facets, "{q}");
        }
    }

    /// Guards the passage of an entity search (issue #17: a `person:` search
    /// showed the opening lines): the snippet is the sentence that names the
    /// person, marked; the hit carries the outlet and date to show.
    #[test]
    fn an_entity_filter_shows_the_passage_that_names_the_entity() {
        let text = "The harbour reopened on Monday after a week of storms. \
                    Ferries left for the islands at dawn, and the market filled again. \
                    Later that day Mayor Petra Novak thanked the crews of Ruse.";
        let corpus = crate::Corpus::build(vec![crate::Source::text("a", text)]);
        let r = corpus.search("person:novak", 10);
        assert_eq!(r.total, 1);
        let s = &r.hits[0].snippet;
        assert!(s.text.contains("Petra Novak"), "{:?}", s.text);
        let marked: Vec<&str> = s.marks.iter().map(|&(a, b)| &s.text[a..b]).collect();
        assert_eq!(marked, vec!["Petra", "Novak"]);
        // Without the filter, the opening sentence.
        let r = corpus.search("harbour", 10);
        assert!(r.hits[0].snippet.text.starts_with("The harbour"));
    }

    /// Guards the one tokenization `folio build` makes: an index given
    /// extraction's spans is the index that tokenizes the text itself, for
    /// plain ASCII, curly quotes and dashes, accents, Cyrillic, CJK and
    /// numbers; spans that do not fit the text are not trusted.
    #[test]
    fn spans_from_extraction_build_the_same_index() {
        let texts = [
            "Ukrainian troops entered Kupyansk on Saturday, officials said.",
            "\u{201c}We hold the city,\u{201d} said Gen. Oleksandr Syrskyi \u{2014} 3,000 troops.",
            "Zelens\u{2019}kyi visited Izium; M\u{00fc}nchen and Malm\u{00f6} sent aid.",
            "\u{0425}\u{0430}\u{0440}\u{043a}\u{0456}\u{0432} (Kharkiv) and \u{6771}\u{4eac} on 2022-09-10.",
            "e\u{0301}cole d\u{2019}\u{00e9}t\u{00e9}: co-operation at 9.5% in U.S.-led talks.",
        ];
        let (mut plain, mut given) = (Index::default(), Index::default());
        for (i, t) in texts.iter().enumerate() {
            let (a, spans) =
                crate::extract::extract_with_spans(&format!("{i}.txt"), t, &Default::default());
            let spans = spans.expect("a short text has spans");
            plain.add_article(&a);
            given.add_article_spans(&a, &spans);
        }
        assert_eq!(plain, given);
        assert_eq!(plain.to_bytes(), given.to_bytes());
        // Spans of another text: ignored, and the text tokenized instead.
        let (a, _) =
            crate::extract::extract_with_spans("x.txt", "Kyiv said no.", &Default::default());
        let (_, other) = crate::extract::extract_with_spans("y.txt", texts[1], &Default::default());
        let other = other.unwrap();
        assert!(!other.fit(&a.text));
        let (mut one, mut two) = (Index::default(), Index::default());
        one.add_article(&a);
        two.add_article_spans(&a, &other);
        assert_eq!(one.to_bytes(), two.to_bytes());
    }

    /// Guards the index's entity table: documents with the same entity hold
    /// one shared copy of it, built or loaded, and still filter and facet by it.
    #[test]
    fn documents_share_one_copy_of_each_entity() {
        let meta = crate::model::Meta::default();
        let text = "Olena Kovalenko spoke in Kharkiv on Monday.";
        let mut index = Index::default();
        index.add_article(&crate::extract("a.txt", text, &meta));
        index.add_article(&crate::extract("b.txt", text, &meta));
        for i in [index.clone(), Index::from_bytes(&index.to_bytes()).unwrap()] {
            let (a, b) = (i.entity_addresses(0), i.entity_addresses(1));
            assert!(!a.is_empty());
            assert!(a.iter().zip(&b).all(|(x, y)| x == y));
            assert_eq!(ids(&i, "place:kharkiv"), vec!["a", "b"]);
            let (ents, _, _) = i.facet_values(1);
            assert!(ents
                .into_iter()
                .any(|(k, n)| k == EntityKind::Place && n == "Kharkiv"));
        }
        // Removing one keeps the other's; removing both empties the table.
        let shared = index.entity_table_len();
        index.remove("a");
        assert_eq!(index.entity_table_len(), shared);
        index.remove("b");
        assert_eq!(index.entity_table_len(), 0);
    }
}
