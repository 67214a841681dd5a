//! Index building alone, natively, for instruction counts (`valgrind --tool=callgrind`)
//! and for checking that a change to indexing leaves the index as it was: builds
//! the index over the ground-truth bodies replicated to N articles (181 by default,
//! ids as bench/search gives them) and, with a corpus folder, `Corpus::build` over
//! its articles (`ID.txt` and `ID.meta.json`); prints each index's size and a hash
//! of its bytes ([`folio_core::search::Index::to_bytes`]).
//!
//! `cargo run --release -p folio-bench-wasm --example index_build -- ground-truth.json [N] [corpus-dir]`

use folio_core::model::Meta;
use folio_core::search::Index;
use folio_core::{Corpus, Source};

/// FNV-1a over the bytes: enough to tell two serialised indexes apart.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("ground-truth.json");
    let n: usize = args.next().map_or(181, |s| s.parse().expect("a number"));
    let gt: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
    let bodies: Vec<(&str, &str)> = gt
        .as_object()
        .expect("object")
        .iter()
        .map(|(id, v)| (id.as_str(), v["articleBody"].as_str().unwrap_or("")))
        .collect();
    let mut index = Index::default();
    for i in 0..n {
        let (id, body) = bodies[i % bodies.len()];
        index.add(&format!("{}-{id}", i / bodies.len()), "", body);
    }
    let bytes = index.to_bytes();
    println!(
        "bodies {n}: {} bytes, fnv {:016x}",
        bytes.len(),
        fnv(&bytes)
    );
    if let Some(dir) = args.next() {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("corpus dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let sources = files
            .iter()
            .map(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).expect("name");
                let meta: Meta = std::fs::read_to_string(p.with_extension("meta.json"))
                    .map(|s| serde_json::from_str(&s).expect("meta"))
                    .unwrap_or_default();
                Source::from_bytes(name, &std::fs::read(p).expect("read"), meta).expect("text")
            })
            .collect();
        let corpus = Corpus::build(sources);
        let bytes = corpus.index.to_bytes();
        println!(
            "corpus {}: {} bytes, fnv {:016x}",
            files.len(),
            bytes.len(),
            fnv(&bytes)
        );
    }
}
