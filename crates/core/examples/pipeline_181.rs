//! Runs the whole pipeline over the extraction benchmark's 181 article bodies a
//! few times, for profilers (`perf record`, `valgrind --tool=callgrind`):
//!
//! ```text
//! cargo run --release -p folio-core --example pipeline_181 -- [ROUNDS] [extract]
//! ```
//!
//! With `extract`, only extraction runs (no merge, no index).

use std::path::Path;
use std::time::Instant;

use folio_core::{Corpus, Source};

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let only_extract = args.next().is_some_and(|a| a == "extract");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/article-extraction-benchmark/ground-truth.json");
    let json = std::fs::read_to_string(&path).expect("ground-truth.json");
    let map: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&json).expect("json");
    let mut ids: Vec<&String> = map.keys().collect();
    ids.sort();
    let sources: Vec<Source> = ids
        .into_iter()
        .map(|id| {
            Source::text(
                &format!("{id}.txt"),
                map[id]["articleBody"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let bytes: usize = sources.iter().map(|s| s.raw.len()).sum();
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        if only_extract {
            n += sources
                .iter()
                .map(|s| folio_core::extract(&s.file, &s.raw, &s.meta).entities.len())
                .sum::<usize>();
        } else {
            n += Corpus::build(sources.clone()).entities.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{rounds} rounds, {n} entities, {:.1} MB/s",
        (bytes * rounds) as f64 / secs / 1e6
    );
}
