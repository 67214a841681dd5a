//! Criterion benches of the whole pipeline on the bundled corpus: extraction,
//! indexing and querying. Each bench asserts a known count first, so a bench that
//! silently stopped doing the work fails instead of getting faster.

use std::path::Path;

/// The native CLI's allocator (see `crates/cli/src/main.rs`), so these are
/// the figures of the extraction that ships natively. For the system
/// allocator's: `RUSTFLAGS="--cfg folio_system_alloc" cargo bench ...`.
#[cfg(all(not(folio_system_alloc), not(target_arch = "wasm32")))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use folio_core::{Corpus, Source};

fn sources() -> Vec<Source> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            Source::text(&name, &std::fs::read_to_string(p).expect("read article"))
        })
        .collect()
}

fn pipeline(c: &mut Criterion) {
    let sources = sources();
    assert_eq!(sources.len(), 5, "the bundled corpus has five articles");
    let bytes: usize = sources.iter().map(|s| s.raw.len()).sum();

    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract_and_index", |b| {
        b.iter(|| {
            let corpus = Corpus::build(black_box(sources.clone()));
            assert_eq!(corpus.articles.len(), 5);
            corpus
        })
    });
    group.finish();

    let corpus = Corpus::build(sources);
    assert_eq!(corpus.search("lyman", 10).total, 4);
    c.bench_function("search/one_word", |b| {
        b.iter(|| corpus.search(black_box("lyman"), 10))
    });
    c.bench_function("search/prefix_while_typing", |b| {
        b.iter(|| corpus.search(black_box("russian counteroff"), 10))
    });
}

/// Search on its own: building the index from extracted articles, loading it from
/// its binary form, and the query features that cost more than a word lookup.
fn search(c: &mut Criterion) {
    let corpus = Corpus::build(sources());
    let mut fresh = folio_core::Index::default();
    for a in &corpus.articles {
        fresh.add_article(a);
    }
    let terms = fresh.term_count();
    assert_eq!(terms, corpus.index.term_count());
    c.bench_function("index/build_bundled", |b| {
        b.iter(|| {
            let mut index = folio_core::Index::default();
            for a in black_box(&corpus.articles) {
                index.add_article(a);
            }
            assert_eq!(index.term_count(), terms);
            index
        })
    });
    let bytes = corpus.index.to_bytes();
    c.bench_function("index/load_bundled", |b| {
        b.iter(|| {
            let index = folio_core::Index::from_bytes(black_box(&bytes)).expect("decodes");
            assert_eq!(index.len(), 5);
            index
        })
    });
    for (name, query, total) in [
        ("search/variant", "kupiansk ", 2),
        ("search/phrase", "\"full control\"", 2),
        ("search/typo", "conteroffensive ", 4),
        ("search/exclude_or", "lyman -kreminna OR kharkiv ", 4),
    ] {
        assert_eq!(corpus.search(query, 10).total, total, "{query}");
        c.bench_function(name, |b| b.iter(|| corpus.search(black_box(query), 10)));
    }
}

/// The extraction benchmark's 181 article bodies (about 876 kB), read at bench
/// time from the shared data folder; `None` when it is not there.
fn benchmark_bodies() -> Option<Vec<Source>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/article-extraction-benchmark/ground-truth.json");
    let json = std::fs::read_to_string(path).ok()?;
    let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&json).ok()?;
    let mut ids: Vec<&String> = map.keys().collect();
    ids.sort();
    Some(
        ids.into_iter()
            .map(|id| {
                Source::text(
                    &format!("{id}.txt"),
                    map[id]["articleBody"].as_str().unwrap_or(""),
                )
            })
            .collect(),
    )
}

/// The whole pipeline (clean, sentences, entities, quotes, dates, quantities,
/// cross-article merge, index), the same without the index, and extraction
/// alone, over a few hundred kB of real article text. Criterion reports MiB/s;
/// the input is 876 kB, so MB/s is MiB/s × 1.048576.
fn extraction(c: &mut Criterion) {
    let Some(sources) = benchmark_bodies() else {
        eprintln!(
            "skipping extraction benches: shared/data/article-extraction-benchmark not found"
        );
        return;
    };
    assert_eq!(sources.len(), 181, "the extraction benchmark has 181 pages");
    let bytes: usize = sources.iter().map(|s| s.raw.len()).sum();
    let mut group = c.benchmark_group("pipeline_181_bodies");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("extract_merge_index", |b| {
        b.iter(|| {
            let corpus = Corpus::build(black_box(sources.clone()));
            assert_eq!(corpus.articles.len(), 181);
            assert!(
                corpus.entities.len() > 1000,
                "{} entities",
                corpus.entities.len()
            );
            corpus
        })
    });
    // Issue #3's "pipeline": every article extracted, then the cross-article
    // entity merge, without the search index (a separate cost, benched above).
    // The same work as `folio_bench_wasm::extract_merge`, so bench/pipeline can
    // set WebAssembly beside this figure.
    group.bench_function("extract_merge", |b| {
        b.iter(|| {
            let mut articles: Vec<_> = black_box(&sources)
                .iter()
                .map(|s| folio_core::extract_document(&s.file, &s.raw, &s.meta))
                .collect();
            let merged = folio_core::extract::aliases::merge(&mut articles);
            assert!(merged.len() > 1000, "{} entities", merged.len());
            merged.len()
        })
    });
    group.bench_function("extract_only", |b| {
        b.iter(|| {
            let n: usize = black_box(&sources)
                .iter()
                .map(|s| folio_core::extract(&s.file, &s.raw, &s.meta).entities.len())
                .sum();
            assert!(n > 1000, "{n} entities");
            n
        })
    });
    group.finish();
}

criterion_group!(benches, pipeline, search, extraction);
criterion_main!(benches);
