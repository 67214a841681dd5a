//! bench/pipeline's workload natively: [`folio_bench_wasm::extract_merge`] over
//! the 181 ground-truth bodies, the same code the WebAssembly build runs, so that
//! `bench/pipeline/run.sh` can print the two side by side. Prints one JSON line.
//!
//! `cargo run --profile bench -p folio-bench-wasm --features html --example pipeline -- ground-truth.json [rounds]`

use std::time::Instant;

use folio_core::Source;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("ground-truth.json");
    let rounds: usize = args.next().map_or(20, |s| s.parse().expect("a number"));
    let gt: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
    // Sorted by id, as folio-core's criterion bench and bench.mjs order them.
    let mut ids: Vec<&String> = gt.keys().collect();
    ids.sort();
    let sources: Vec<Source> = ids
        .iter()
        .map(|id| {
            Source::text(
                &format!("{id}.txt"),
                gt[*id]["articleBody"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let bytes: usize = sources.iter().map(|s| s.raw.len()).sum();
    let entities = folio_bench_wasm::extract_merge(&sources);
    folio_bench_wasm::extract_merge(&sources); // warm-up
                                               // Every round timed: the best is the figure least disturbed by other work
                                               // on a shared machine, the median the typical one.
    let mut ms: Vec<f64> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            assert_eq!(folio_bench_wasm::extract_merge(&sources), entities);
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    println!(
        "{{\"name\":\"native\",\"articles\":{},\"bytes\":{bytes},\"entities\":{entities},\"rounds\":{rounds},\"bestMs\":{:.3},\"medianMs\":{:.3}}}",
        sources.len(),
        ms[0],
        ms[ms.len() / 2]
    );
}
