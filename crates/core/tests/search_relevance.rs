//! The relevance table: `testdata/search/relevance.json` lists queries with the
//! results they must give, on the bundled articles and on small fixture documents
//! that carry what the bundled ones lack (outlets, dates, entities). One test
//! walks the table and names every failing case with the reason it exists.

use std::path::Path;

use folio_core::model::{Article, ArticleEntity, EntityKind, Mention};
use folio_core::search::Query;
use folio_core::{Corpus, Index, SearchResults, Source};
use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    fixtures: Vec<Fixture>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Fixture {
    id: String,
    title: String,
    outlet: Option<String>,
    published: Option<String>,
    text: String,
    entities: Vec<FixtureEntity>,
}

#[derive(Deserialize)]
struct FixtureEntity {
    kind: EntityKind,
    name: String,
    mentions: Vec<String>,
}

#[derive(Deserialize)]
struct Case {
    corpus: String,
    query: String,
    why: String,
    #[serde(default)]
    exact: Option<Vec<String>>,
    #[serde(default)]
    top: Vec<String>,
    #[serde(default)]
    total: Option<usize>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    notices: Vec<String>,
    #[serde(default)]
    marked: Vec<String>,
    #[serde(default)]
    facets: Vec<(String, String, usize)>,
}

fn bundled() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    Corpus::build(
        files
            .iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                Source::text(&name, &std::fs::read_to_string(p).expect("read article"))
            })
            .collect(),
    )
}

/// Fixture documents become articles directly, entities and all, so the table
/// does not depend on what entity extraction finds.
fn fixtures(list: &[Fixture]) -> Corpus {
    let mut corpus = Corpus::default();
    for f in list {
        let entities = f
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| ArticleEntity {
                id: format!("{}-{i}", f.id),
                kind: e.kind,
                name: e.name.clone(),
                mentions: e
                    .mentions
                    .iter()
                    .filter_map(|m| {
                        let start = f.text.find(m.as_str())?;
                        Some(Mention {
                            start,
                            end: start + m.len(),
                            text: m.clone(),
                        })
                    })
                    .collect(),
            })
            .collect();
        corpus.add(Article {
            file: format!("{}.txt", f.id),
            id: f.id.clone(),
            title: f.title.clone(),
            byline: None,
            published: f.published.clone(),
            outlet: f.outlet.clone(),
            url: None,
            text: f.text.clone(),
            removed: Vec::new(),
            entities,
            quotes: Vec::new(),
            dates: Vec::new(),
            quantities: Vec::new(),
            word_count: 0,
        });
    }
    corpus
}

fn check(case: &Case, r: &SearchResults) -> Vec<String> {
    let ids: Vec<&str> = r.hits.iter().map(|h| h.id.as_str()).collect();
    let mut errs = Vec::new();
    if let Some(exact) = &case.exact {
        if ids != *exact {
            errs.push(format!("results {ids:?}, expected exactly {exact:?}"));
        }
        if r.total != exact.len() {
            errs.push(format!("total {}, expected {}", r.total, exact.len()));
        }
    }
    if ids.len() < case.top.len() || ids[..case.top.len()] != case.top[..] {
        errs.push(format!(
            "results {ids:?}, expected to start with {:?}",
            case.top
        ));
    }
    if let Some(total) = case.total {
        if r.total != total {
            errs.push(format!("total {} ({ids:?}), expected {total}", r.total));
        }
    }
    for a in &case.absent {
        if ids.contains(&a.as_str()) {
            errs.push(format!("{a} should not match"));
        }
    }
    if r.notices != case.notices {
        errs.push(format!(
            "notices {:?}, expected {:?}",
            r.notices, case.notices
        ));
    }
    if !case.marked.is_empty() {
        let marked: Vec<&str> = r
            .hits
            .first()
            .map(|h| {
                h.snippet
                    .pieces()
                    .into_iter()
                    .filter(|p| p.1)
                    .map(|p| p.0)
                    .collect()
            })
            .unwrap_or_default();
        for m in &case.marked {
            if !marked.contains(&m.as_str()) {
                errs.push(format!("snippet marks {marked:?}, expected {m:?} marked"));
            }
        }
    }
    for (facet, value, count) in &case.facets {
        let list = match facet.as_str() {
            "people" => &r.facets.people,
            "places" => &r.facets.places,
            "orgs" => &r.facets.orgs,
            "outlets" => &r.facets.outlets,
            "months" => &r.facets.months,
            other => panic!("unknown facet {other} in the table"),
        };
        if !list.iter().any(|f| f.value == *value && f.count == *count) {
            errs.push(format!(
                "facet {facet} {list:?}, expected {value} = {count}"
            ));
        }
    }
    errs
}

#[test]
fn relevance_table() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/search/relevance.json");
    let table: Table =
        serde_json::from_str(&std::fs::read_to_string(path).expect("table")).expect("valid table");
    let bundled = bundled();
    let fixtures = fixtures(&table.fixtures);
    let mut failures = Vec::new();
    for case in &table.cases {
        let corpus = match case.corpus.as_str() {
            "bundled" => &bundled,
            "fixtures" => &fixtures,
            other => panic!("unknown corpus {other}"),
        };
        let r = corpus.search(&case.query, 10);
        for e in check(case, &r) {
            failures.push(format!(
                "[{}] {:?} ({}): {e}",
                case.corpus, case.query, case.why
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    assert!(table.cases.len() >= 25);
}

#[test]
fn contract_json_has_facets_and_marked_snippets() {
    let corpus = bundled();
    let json = corpus.search("kupiansk", 10).to_contract_json();
    assert_eq!(json["total"], 2);
    assert!(json["hits"][1]["snippet"]
        .as_str()
        .unwrap()
        .contains("<mark>Kupyansk</mark>"));
    assert!(json["facets"]["months"].is_array());
}

#[test]
fn articles_can_be_added_and_removed_at_run_time() {
    let mut corpus = bundled();
    assert!(corpus.remove("001_121d20f4aa6c6f84"));
    assert_eq!(corpus.search("kreminna ", 10).total, 0);
    corpus.add(folio_core::extract(
        "new.txt",
        "Fighting near Kreminna went on.",
        &Default::default(),
    ));
    assert_eq!(corpus.search("kreminna ", 10).hits[0].id, "new");
}

/// Guards the serialised form: compact, and answering exactly as the built index.
#[test]
fn serialised_index_is_compact_and_answers_the_same() {
    let corpus = bundled();
    let raw: usize = corpus
        .articles
        .iter()
        .map(|a| a.text.len() + a.title.len())
        .sum();
    let bytes = corpus.index.to_bytes();
    let ratio = bytes.len() as f64 / raw as f64;
    println!(
        "index {} bytes for {raw} bytes of text: {:.1}%",
        bytes.len(),
        ratio * 100.0
    );
    let loaded = Index::from_bytes(&bytes).expect("decodes");
    for q in ["lyman", "kupiansk ", "\"full control\"", "conteroffensive "] {
        let docs =
            |i: &Index| -> Vec<u32> { i.search(&Query::parse(q)).iter().map(|s| s.doc).collect() };
        assert_eq!(docs(&corpus.index), docs(&loaded), "{q}");
    }
    // Measured 2026-11-23 (format FOLIX3): 83% here, with the entities that
    // extraction finds (names field + per-document alias keys). On five short
    // articles the term dictionary dominates (most words occur once); the ratio
    // falls as a corpus grows (about 51% for the 181 ground-truth bodies, 34.7%
    // for 10,000 articles: see bench/search). The 35% goal is met only at that
    // size; this bound only guards against the format growing.
    assert!(ratio <= 1.0, "index is {:.1}% of the text", ratio * 100.0);
}
