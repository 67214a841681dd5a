//! Criterion bench of HTML main-content extraction over the 181 pages of the
//! article-extraction benchmark (`shared/data/article-extraction-benchmark`,
//! beside the repository). It asserts the page count and that every page with
//! a non-empty true body gives some text, so a bench that stopped extracting
//! fails instead of getting faster. Without the data the bench says so and exits.

use std::io::Read;
use std::path::Path;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use folio_core::extract::html::extract_html;

fn pages() -> Option<Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/article-extraction-benchmark/html");
    let dir = if dir.is_dir() {
        dir
    } else {
        Path::new("/work/shared/data/article-extraction-benchmark/html").to_path_buf()
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    files.sort();
    Some(
        files
            .iter()
            .map(|p| {
                let mut text = String::new();
                let bytes = std::fs::read(p).expect("read page");
                let mut gz = flate2::read::GzDecoder::new(&bytes[..]);
                let mut raw = Vec::new();
                gz.read_to_end(&mut raw).expect("gunzip page");
                text.push_str(&String::from_utf8_lossy(&raw));
                text
            })
            .collect(),
    )
}

fn html(c: &mut Criterion) {
    let Some(pages) = pages() else {
        eprintln!("benches/html: no article-extraction-benchmark data found; skipped");
        return;
    };
    assert_eq!(pages.len(), 181, "the benchmark has 181 pages");
    let bytes: usize = pages.iter().map(String::len).sum();
    let empty = pages
        .iter()
        .filter(|p| extract_html(p).text.is_empty())
        .count();
    assert_eq!(empty, 0, "every page gives some body text");
    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("extract_181_pages", |b| {
        b.iter(|| {
            let words: usize = pages
                .iter()
                .map(|p| extract_html(black_box(p)).text.split_whitespace().count())
                .sum();
            assert!(words > 100_000);
            words
        })
    });
    group.finish();
}

criterion_group!(benches, html);
criterion_main!(benches);
