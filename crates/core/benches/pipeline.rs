//! Criterion benches of the whole pipeline on the bundled corpus: extraction,
//! indexing and querying. Each bench asserts a known count first, so a bench that
//! silently stopped doing the work fails instead of getting faster.

use std::path::Path;

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

criterion_group!(benches, pipeline);
criterion_main!(benches);
