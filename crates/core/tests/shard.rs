//! The sharded site as `folio build` writes it and the app reads it: written
//! from a corpus extracted here, then read back file by file. The shards are
//! search's, but these tests need extraction to make their corpus, so they
//! live outside `search/` (which never depends on extraction).

use std::collections::{BTreeMap, HashMap};

use folio_core::model::{Article, Extraction};
use folio_core::search::index::Ranked;
use folio_core::search::shard::{
    self, docs_path, entity_path, id_bucket_path, lexicon_path, parse_record, record_path,
    write_record, ShardError, Sharded, DIR, FORMAT, MANIFEST,
};
use folio_core::search::Query;
use folio_core::{Corpus, Source};

fn corpus() -> Corpus {
    let texts = [
        ("a", "Ukrainian troops entered Kupyansk on Saturday. \"We hold the city,\" said General Oleksandr Syrskyi. The counteroffensive continued."),
        ("b", "Kupiansk was retaken, officials said. President Volodymyr Zelenskiy thanked the army in Kharkiv."),
        ("c", "The ferry sailed from Oban to Mull. The coastguard said the crossing was calm."),
        ("d", "President Volodymyr Zelenskyy visited Izium. The Kharkov region saw heavy fighting near Balakliia and Izyum."),
        ("e", "Goverment ministers met in Kyiv; the government said the counteroffensive was going well."),
        ("f", "The Ministry of Defence in London said Russian forces withdrew from Lyman."),
    ];
    let mut sources: Vec<Source> = texts.iter().map(|(f, t)| Source::text(f, t)).collect();
    sources[0].meta.published = Some("2022-09-10".into());
    sources[0].meta.outlet = Some("The Kyiv Independent".into());
    sources[3].meta.published = Some("2022-09-14".into());
    Corpus::build(sources)
}

/// Guards the records' format: every article reads back as it was,
/// though the texts that are spans of its text are not written, and a
/// text that is not its span is kept.
#[test]
fn records_read_back_whole_without_their_span_texts() {
    let c = corpus();
    let mut record = Vec::new();
    let mut spans = 0;
    for a in &c.articles {
        record.clear();
        write_record(&mut record, a).unwrap();
        assert_eq!(parse_record(&record).as_ref(), Some(a));
        let plain = serde_json::to_vec(a).unwrap();
        let n = a.entities.iter().map(|e| e.mentions.len()).sum::<usize>()
            + a.quotes.len()
            + a.dates.len()
            + a.quantities.len();
        spans += n;
        assert!(n == 0 || record.len() < plain.len(), "{}", a.id);
    }
    assert!(spans > 10, "{spans}");
    // A text that differs from its span (as an edited bundle may have).
    let mut a = c.articles[0].clone();
    a.entities[0].mentions[0].text = "Kupiansk".into();
    a.quotes[0].text = "We hold the city".into();
    record.clear();
    write_record(&mut record, &a).unwrap();
    assert_eq!(parse_record(&record), Some(a.clone()));
    // A span outside the text, or inside a character, is a corrupt record.
    let mut json: serde_json::Value = serde_json::from_slice(&record).unwrap();
    json["entities"][1]["mentions"][0]["end"] = (a.text.len() + 5).into();
    assert_eq!(parse_record(&serde_json::to_vec(&json).unwrap()), None);
    assert_eq!(parse_record(b"{not json"), None);
}

fn files(c: &Corpus) -> HashMap<String, Vec<u8>> {
    let mut out = HashMap::new();
    shard::write(&c.index, &c.articles, &c.entities, &mut |p, b| {
        assert!(out.insert(p.to_string(), b.to_vec()).is_none(), "{p} twice");
        Ok(())
    })
    .unwrap();
    out
}

/// Loads what a query wants until it wants nothing; returns the paths loaded.
fn answer(s: &mut Sharded, files: &HashMap<String, Vec<u8>>, q: &Query) -> Vec<String> {
    let mut rounds = 0;
    let mut loaded = Vec::new();
    loop {
        let want = s.wanted(q);
        if want.is_empty() {
            return loaded;
        }
        rounds += 1;
        assert!(rounds <= 3, "{want:?}");
        for p in want {
            s.load(&p, &files[&p]).unwrap();
            loaded.push(p);
        }
    }
}

fn open(files: &HashMap<String, Vec<u8>>) -> Sharded {
    Sharded::open(
        std::str::from_utf8(&files[MANIFEST]).unwrap(),
        &files[&docs_path()],
    )
    .unwrap()
}

/// Guards the design claim: the shards are the same index cut up, so every
/// feature of the query language ranks exactly as in the whole index.
#[test]
fn sharded_answers_equal_the_whole_index() {
    let c = corpus();
    let files = files(&c);
    for q in [
        "kupiansk",
        "kharkiv",
        "counteroff",
        "goverment",
        "\"the counteroffensive\"",
        "counteroffensive -\"going well\"",
        "zelensky OR syrskyi",
        "kupyansk after:2022-09-01",
        "source:kyiv troops",
        "izium sort:date",
        "-ferry said",
        "the",
    ] {
        let query = Query::parse(q);
        let mut s = open(&files);
        answer(&mut s, &files, &query);
        let want = c.index.search_top(&query, 10);
        let got = s.search(&query, 10);
        let ids = |r: &Ranked, idx: &dyn Fn(u32) -> String| {
            r.hits
                .iter()
                .map(|h| (idx(h.doc), h.score, h.matched.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(&got, &|d| c.index.id(d).to_string()),
            ids(&want, &|d| c.index.id(d).to_string()),
            "{q}"
        );
        assert!(
            !want.hits.is_empty() || q.starts_with('-'),
            "{q} matches nothing"
        );
    }
}

#[test]
fn a_word_fetches_its_bucket_then_its_postings_only() {
    let c = corpus();
    let files = files(&c);
    let mut s = open(&files);
    let q = Query::parse("ferry");
    let first = s.wanted(&q);
    assert_eq!(first, [lexicon_path("f")]);
    for p in &first {
        s.load(p, &files[p]).unwrap();
    }
    let second = s.wanted(&q);
    assert_eq!(second.len(), 1);
    assert!(second[0].starts_with(&format!("{DIR}/post/")), "{second:?}");
    s.load(&second[0], &files[&second[0]]).unwrap();
    assert!(s.wanted(&q).is_empty());
    assert_eq!(s.search(&q, 10).hits.len(), 1);
    // A phrase needs positions as well.
    let p = Query::parse("\"the ferry\"");
    let loaded = answer(&mut s, &files, &p);
    assert!(loaded.iter().any(|l| l.contains("/pos/")), "{loaded:?}");
    assert_eq!(s.search(&p, 10).hits.len(), 1);
}

#[test]
fn entity_filters_use_the_entity_article_lists() {
    let c = corpus();
    let files = files(&c);
    let mut s = open(&files);
    let q = Query::parse("person:zelensky");
    assert!(s.wanted(&q).iter().all(|p| p.ends_with(".docs.gz")));
    answer(&mut s, &files, &q);
    let got: Vec<&str> = s
        .search(&q, 10)
        .hits
        .iter()
        .map(|h| c.index.id(h.doc))
        .collect();
    assert_eq!(got, ["b", "d"]);
    let q = Query::parse("person:zelensky izyum");
    answer(&mut s, &files, &q);
    let got: Vec<&str> = s
        .search(&q, 10)
        .hits
        .iter()
        .map(|h| c.index.id(h.doc))
        .collect();
    assert_eq!(got, ["d"]);
    // A filter that names no listed entity says so.
    let nobody = Query::parse("person:nobody");
    assert!(nobody.notices.is_empty(), "{:?}", nobody.notices);
    let r = s.results("person:nobody", &nobody, s.search(&nobody, 10), 10, |_| {
        None
    });
    assert_eq!(r.notices.len(), 1, "{:?}", r.notices);
    assert!(
        r.notices[0].starts_with("an entity filter names none"),
        "{:?}",
        r.notices
    );
}

#[test]
fn results_carry_snippets_all_match_facets_and_record_entity_facets() {
    let c = corpus();
    let files = files(&c);
    let mut s = open(&files);
    let q = Query::parse("kupyansk");
    answer(&mut s, &files, &q);
    let ranked = s.search(&q, 1);
    let records: HashMap<u32, Article> = ranked
        .hits
        .iter()
        .take(1)
        .map(|h| {
            (
                h.doc,
                serde_json::from_slice(&files[&record_path(h.doc)]).unwrap(),
            )
        })
        .collect();
    let r = s.results("kupyansk", &q, ranked, 1, |d| records.get(&d));
    assert_eq!(r.total, 2);
    assert_eq!(r.hits.len(), 1);
    assert!(r.hits[0].snippet.to_html().contains("<mark>"));
    assert_eq!(r.facets.months.len(), 1, "{:?}", r.facets.months);
    assert!(!r.facets.places.is_empty());
    let r = s.results(
        "person:nobody",
        &Query::parse("person:nobody"),
        Ranked::default(),
        1,
        |d| records.get(&d),
    );
    assert_eq!(r.notices.len(), 1);
}

#[test]
fn records_ids_and_entity_pages_are_written() {
    let c = corpus();
    let files = files(&c);
    let s = open(&files);
    assert_eq!(s.manifest.articles, 6);
    let rec = parse_record(&files[&record_path(2)]).unwrap();
    assert_eq!(rec.id, c.index.id(2));
    let bucket: BTreeMap<String, u32> =
        serde_json::from_slice(&files[&id_bucket_path("d", s.manifest.id_buckets)]).unwrap();
    assert_eq!(bucket["d"], 3);
    let zel = c
        .entities
        .iter()
        .find(|e| e.name.contains("Zelensk"))
        .unwrap();
    let page: Extraction = serde_json::from_slice(&files[&entity_path(&zel.id, "json")]).unwrap();
    assert_eq!(page.articles.len(), 2);
    // Excerpts keep their spans on the words they name.
    for a in &page.articles {
        for e in &a.entities {
            for m in &e.mentions {
                assert_eq!(&a.text[m.start..m.end], m.text);
            }
        }
    }
    assert!(page.entities.iter().any(|e| e.id == zel.id));
}

/// A site built by another version of Folio is told apart from a damaged one:
/// the message names both formats and the fix.
#[test]
fn a_manifest_of_another_format_names_both_formats_and_the_fix() {
    let c = corpus();
    let files = files(&c);
    let manifest = std::str::from_utf8(&files[MANIFEST]).unwrap();
    let other = manifest.replacen(&format!("\"format\":{FORMAT}"), "\"format\":99", 1);
    assert_ne!(
        other, manifest,
        "the manifest spells its format as expected"
    );
    let err = Sharded::open(&other, &files[&docs_path()]).unwrap_err();
    assert_eq!(
        err,
        ShardError::Version {
            found: 99,
            expected: FORMAT
        }
    );
    let message = err.to_string();
    assert!(
        message.contains("format 99") && message.contains("folio build"),
        "{message}"
    );
    // Only the format is read first: a future manifest with other fields is
    // still a version mismatch, not "unreadable".
    assert!(matches!(
        Sharded::open(r#"{"format":3,"shards":[]}"#, &files[&docs_path()]),
        Err(ShardError::Version { found: 3, .. })
    ));
}

#[test]
fn corrupt_or_foreign_files_are_refused_not_panicked_on() {
    let c = corpus();
    let files = files(&c);
    assert_eq!(
        Sharded::open("{}", &files[&docs_path()]).unwrap_err(),
        ShardError::Manifest
    );
    let manifest = std::str::from_utf8(&files[MANIFEST]).unwrap();
    assert_eq!(
        Sharded::open(&manifest[..manifest.len() / 2], &files[&docs_path()]).unwrap_err(),
        ShardError::Manifest,
        "a truncated manifest"
    );
    let mut s = open(&files);
    for path in files
        .keys()
        .filter(|p| p.ends_with(".bin.gz") || p.ends_with(".docs.gz"))
    {
        let bytes = &files[path];
        for cut in [0, 1, bytes.len() / 2, bytes.len().saturating_sub(1)] {
            let _ = s.load(path, &bytes[..cut]);
        }
    }
    assert!(s.load(&lexicon_path("a"), b"FOLIL1\x05").is_err());
}
