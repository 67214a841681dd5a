//! Fuzzes the sharded site's reader, which decodes files a static host serves
//! (and anyone can tamper with): a real small site is written once, then each
//! input replaces one of its files — the manifest, the document table, a
//! lexicon bucket, postings, positions, a record, an id bucket, an entity page
//! or list — with the input's bytes (its first byte picks which). Every file
//! is then loaded and queries and result pages are answered: a damaged file
//! must be refused with an error, never a panic.
#![no_main]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use folio_core::search::shard::{self, docs_path, parse_record, Sharded, MANIFEST};
use folio_core::search::Query;
use folio_core::{Corpus, Source};
use libfuzzer_sys::fuzz_target;

fn site() -> &'static BTreeMap<String, Vec<u8>> {
    static SITE: OnceLock<BTreeMap<String, Vec<u8>>> = OnceLock::new();
    SITE.get_or_init(|| {
        let texts = [
            ("a", "Ukrainian troops entered Kupyansk on Saturday. \"We hold the city,\" said General Oleksandr Syrskyi."),
            ("b", "Kupiansk was retaken, officials said. President Volodymyr Zelenskiy thanked the army in Kharkiv."),
            ("c", "The ferry sailed from Oban to Mull on 3 May 2021. The coastguard said 1,200 passengers crossed."),
        ];
        let mut sources: Vec<Source> = texts.iter().map(|(f, t)| Source::text(f, t)).collect();
        sources[0].meta.published = Some("2022-09-10".into());
        sources[1].meta.outlet = Some("The Kyiv Independent".into());
        let c = Corpus::build(sources);
        let mut files = BTreeMap::new();
        shard::write(&c.index, &c.articles, &c.entities, &mut |p, b| {
            files.insert(p.to_string(), b.to_vec());
            Ok(())
        })
        .expect("the site writes");
        files
    })
}

const QUERIES: &[&str] = &[
    "kupiansk",
    "\"hold the city\"",
    "ferry OR army -oban",
    "person:zelenskiy",
    "goverment",
];

fuzz_target!(|data: &[u8]| {
    let files = site();
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let paths: Vec<&String> = files.keys().collect();
    let target = paths[pick as usize % paths.len()].as_str();
    let file = |p: &str| -> &[u8] {
        if p == target {
            bytes
        } else {
            &files[p]
        }
    };
    let manifest = String::from_utf8_lossy(file(MANIFEST));
    let Ok(mut s) = Sharded::open(&manifest, file(&docs_path())) else {
        return;
    };
    for q in QUERIES {
        let query = Query::parse(q);
        for _ in 0..3 {
            let want = s.wanted(&query);
            if want.is_empty() {
                break;
            }
            for p in want {
                if let Some(b) = files.get(&p) {
                    let _ = s.load(&p, if p == target { bytes } else { b });
                }
            }
        }
        let ranked = s.search(&query, 10);
        let records: Vec<_> = paths
            .iter()
            .filter(|p| p.contains("/rec/"))
            .filter_map(|p| parse_record(file(p)))
            .collect();
        let _ = s.results(q, &query, ranked, 10, |d| records.get(d as usize));
    }
    for p in &paths {
        let _ = s.load(p, file(p));
    }
});
