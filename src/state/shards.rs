//! A sharded corpus: a site `folio build` made of many articles, whose index,
//! articles and entity pages are files fetched as a query or a view needs them
//! (see [`folio_core::search::shard`]). The core decides what each query needs
//! and answers it; this module only fetches.

use std::collections::HashMap;
use std::sync::Arc;

use folio_core::search::shard::{self, Sharded};
use folio_core::search::{Query, SearchResults};
use folio_core::{Article, Corpus, Extraction};
use leptos::prelude::*;

use super::corpus::{parse_extraction, read_bytes, start_fetch, CorpusCtx, Load};

/// The sharded index and the records fetched so far; `None` on a site with
/// one `corpus.json`.
#[derive(Clone, Copy)]
pub struct ShardCtx {
    index: StoredValue<Option<Sharded>>,
    /// Records by article number, and article numbers by id, as fetched.
    records: StoredValue<HashMap<u32, Article>>,
    ids: StoredValue<HashMap<String, u32>>,
}

/// Whether this page is a sharded site.
pub fn is_sharded() -> bool {
    manifest_url().is_some()
}

fn manifest_url() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let meta = doc
        .query_selector(&format!("meta[name=\"{}\"]", shard::META_NAME))
        .ok()??;
    meta.get_attribute("content")
}

impl ShardCtx {
    /// Provides the context; on a sharded site, opens the index (manifest and
    /// document table) and marks the corpus ready or failed.
    pub fn provide(corpus: CorpusCtx) -> ShardCtx {
        let ctx = ShardCtx {
            index: StoredValue::new(None),
            records: StoredValue::new(HashMap::new()),
            ids: StoredValue::new(HashMap::new()),
        };
        provide_context(ctx);
        if let Some(url) = manifest_url() {
            leptos::task::spawn_local(async move {
                let docs_url = shard::docs_path();
                let (m, d) = (start_fetch(&url), start_fetch(&docs_url));
                let opened = async {
                    let manifest = super::corpus::read_text(&url, m).await?;
                    let docs = read_bytes(&docs_url, d).await?;
                    Sharded::open(&manifest, &docs).map_err(|e| e.to_string())
                };
                match opened.await {
                    Ok(s) => {
                        ctx.index.set_value(Some(s));
                        corpus.1.set(Load::Ready);
                    }
                    Err(e) => corpus.1.set(Load::Failed(e)),
                }
            });
        }
        ctx
    }

    /// The context provided by an ancestor.
    pub fn expect() -> ShardCtx {
        expect_context::<ShardCtx>()
    }

    /// Reads the manifest (`None` before it is open or on an unsharded site).
    pub fn manifest<R>(&self, f: impl FnOnce(&shard::Manifest) -> R) -> Option<R> {
        self.index
            .with_value(|s| s.as_ref().map(|s| f(&s.manifest)))
    }

    /// Answers a query: fetches what it needs (lexicon buckets, then postings),
    /// ranks, then fetches the records of the first `limit` hits. Gives up
    /// (`Ok(None)`) between fetches once `current` says the query is no longer
    /// wanted (the user typed on), so keystrokes do not pile up fetches.
    ///
    /// A damaged index file fails the query (its answer would be wrong); a
    /// damaged or missing record only leaves its hit out: the answer comes
    /// with what went wrong for each one, so the page shows the rest and says
    /// what is missing.
    pub async fn search(
        &self,
        text: &str,
        limit: usize,
        current: impl Fn() -> bool,
    ) -> Result<Option<(SearchResults, Vec<String>)>, String> {
        let query = Query::parse(text);
        // Two rounds at most (buckets, then postings and entity lists); a third
        // would mean a bug, not a slow query.
        for _ in 0..3 {
            if !current() {
                return Ok(None);
            }
            let wanted = self
                .index
                .with_value(|s| s.as_ref().map(|s| s.wanted(&query)))
                .ok_or("the index is not open")?;
            if wanted.is_empty() {
                break;
            }
            let files = fetch_all(&wanted).await?;
            self.index
                .try_update_value(|s| {
                    let s = s.as_mut().ok_or("the index is not open")?;
                    for (path, bytes) in &files {
                        s.load(path, bytes).map_err(|e| e.to_string())?;
                    }
                    Ok::<(), String>(())
                })
                .unwrap_or_else(|| Err("the index is gone".to_string()))?;
        }
        let ranked = self
            .index
            .with_value(|s| s.as_ref().map(|s| s.search(&query, limit)))
            .ok_or("the index is not open")?;
        let docs: Vec<u32> = ranked.hits.iter().take(limit).map(|h| h.doc).collect();
        if !current() {
            return Ok(None);
        }
        let unreadable = self.load_records(&docs).await;
        let results = self.records.with_value(|records| {
            self.index.with_value(|s| {
                s.as_ref()
                    .map(|s| s.results(text, &query, ranked, limit, |d| records.get(&d)))
                    .ok_or_else(|| "the index is not open".to_string())
            })
        })?;
        Ok(Some((results, unreadable)))
    }

    /// Fetches the records of these articles that are not here yet. One that
    /// cannot be had (missing, truncated, altered) is left out and the others
    /// kept: the answer is, per record left out, what went wrong.
    async fn load_records(&self, docs: &[u32]) -> Vec<String> {
        let missing: Vec<u32> = self.records.with_value(|r| {
            docs.iter()
                .copied()
                .filter(|d| !r.contains_key(d))
                .collect()
        });
        let started: Vec<(String, _)> = missing
            .iter()
            .map(|&d| {
                let path = shard::record_path(d);
                let request = start_fetch(&path);
                (path, request)
            })
            .collect();
        let mut parsed = Vec::with_capacity(started.len());
        let mut unreadable = Vec::new();
        for ((path, request), doc) in started.into_iter().zip(missing) {
            let record = read_bytes(&path, request).await.and_then(|bytes| {
                shard::parse_record(&bytes).ok_or_else(|| format!("{path} is corrupt"))
            });
            match record {
                Ok(article) => parsed.push((doc, article)),
                Err(e) => unreadable.push(e),
            }
        }
        self.ids.update_value(|ids| {
            for (doc, a) in &parsed {
                ids.insert(a.id.clone(), *doc);
            }
        });
        self.records.update_value(|r| r.extend(parsed));
        unreadable
    }

    /// Puts the article with this id into the corpus in context (where the
    /// reader and compare views read it), fetching its id bucket and record if
    /// need be.
    pub async fn open_article(&self, corpus: CorpusCtx, id: &str) -> Result<(), String> {
        let article = self.article(id).await?;
        corpus.0.update(|c| Arc::make_mut(c).insert_record(article));
        Ok(())
    }

    /// The article with this id, fetched (its id bucket, then its record) if
    /// need be.
    async fn article(&self, id: &str) -> Result<Article, String> {
        let known = self.ids.with_value(|ids| ids.get(id).copied());
        let doc = match known {
            Some(doc) => doc,
            None => {
                let buckets = self
                    .manifest(|m| m.id_buckets)
                    .ok_or("the index is not open")?;
                let path = shard::id_bucket_path(id, buckets);
                let files = fetch_all(std::slice::from_ref(&path)).await?;
                let map: HashMap<String, u32> = json(&path, &files[0].1)?;
                let doc = *map.get(id).ok_or("no article has this id")?;
                self.ids.update_value(|ids| ids.extend(map));
                doc
            }
        };
        if let Some(why) = self.load_records(&[doc]).await.pop() {
            return Err(why);
        }
        self.records
            .with_value(|r| r.get(&doc).cloned())
            .ok_or_else(|| "no article has this id".to_string())
    }

    /// An entity's page data: the paragraphs that mention it in the articles
    /// that mention it most, as a small corpus the entity view reads as it
    /// reads a whole one.
    pub async fn entity_page(&self, id: &str) -> Result<Arc<Corpus>, String> {
        let path = shard::entity_path(id, "json");
        let files = fetch_all(std::slice::from_ref(&path)).await?;
        let json = std::str::from_utf8(&files[0].1).map_err(|_| format!("{path} is corrupt"))?;
        let x: Extraction =
            parse_extraction(json, &path).ok_or_else(|| format!("{path} is corrupt"))?;
        Ok(Arc::new(Corpus::from_extraction(x)))
    }
}

/// A fetched JSON file, read from text: `serde_json` compiled for `&str`
/// input once serves every JSON the app reads (from bytes would compile each
/// type's reader a second time, for slices).
fn json<T: serde::de::DeserializeOwned>(path: &str, bytes: &[u8]) -> Result<T, String> {
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| serde_json::from_str(text).ok())
        .ok_or_else(|| format!("{path} is corrupt"))
}

/// Fetches every path at once; the bytes of each, in order, or the first error.
async fn fetch_all(paths: &[String]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let started: Vec<_> = paths.iter().map(|p| (p, start_fetch(p))).collect();
    let mut out = Vec::with_capacity(paths.len());
    for (path, request) in started {
        out.push((path.clone(), read_bytes(path, request).await?));
    }
    Ok(out)
}
