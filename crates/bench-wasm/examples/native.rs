//! The bench/search workload natively, for profiling (`perf record`) and for a
//! quick look without Node: builds, saves, loads and queries the index over the
//! ground-truth bodies replicated to N articles.
//!
//! `cargo run --release -p folio-bench-wasm --example native -- ground-truth.json 10000`

use std::time::Instant;

use folio_core::search::{Index, Query};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("ground-truth.json");
    let n: usize = args.next().map_or(10_000, |s| s.parse().expect("a number"));
    let gt: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
    let bodies: Vec<(&str, &str)> = gt
        .as_object()
        .expect("object")
        .iter()
        .map(|(id, v)| (id.as_str(), v["articleBody"].as_str().unwrap_or("")))
        .collect();
    let t = Instant::now();
    let mut index = Index::default();
    for i in 0..n {
        let (id, body) = bodies[i % bodies.len()];
        index.add(&format!("{}-{id}", i / bodies.len()), "", body);
    }
    println!("build {n}: {:?}", t.elapsed());
    let t = Instant::now();
    let bytes = index.to_bytes();
    println!("to_bytes: {} bytes in {:?}", bytes.len(), t.elapsed());
    let t = Instant::now();
    let loaded = Index::from_bytes(&bytes).expect("decodes");
    println!("from_bytes: {:?}", t.elapsed());
    assert_eq!(loaded.len(), index.len());
    for q in [
        "president ",
        "police ",
        "market ",
        "prime minister ",
        "climate change ",
        "\"prime minister\"",
        "goverment ",
        "presid",
    ] {
        let parsed = Query::parse(q);
        let reps: u32 = std::env::var("REPS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(200);
        // The best of five rounds: the machine is shared, and the minimum is the
        // figure least disturbed by other work.
        let mut best = std::time::Duration::MAX;
        let mut total = 0;
        for _ in 0..5 {
            let t = Instant::now();
            for _ in 0..reps {
                total = index.search_top(&parsed, 10).hits.len();
            }
            best = best.min(t.elapsed() / reps);
        }
        println!("{q:22} {total:6} hits  {best:?}/query");
    }
}
