//! Fuzzes the whole pipeline: any bytes, decoded the way the CLI and the importer
//! decode them, must extract (cleaning, sentences, entities, quotes, dates,
//! quantities, HTML when it looks like a page), merge and index without panicking,
//! and every annotation must be a valid span of the clean text.
//!
//! Run with `cargo +nightly fuzz run pipeline -- -runs=1000000` from this folder.
//! Under the address sanitizer it manages ~150 runs/s; for a million runs use
//! `cargo +nightly fuzz run pipeline -s none -O -a -- -runs=1000000 -max_len=4096`
//! (no sanitizer, but overflow checks and debug assertions stay on): ~700 runs/s.
#![no_main]

use folio_core::{Corpus, Meta, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = Source::from_bytes("fuzz.txt", data, Meta::default()) else {
        return;
    };
    let page = Source {
        file: "fuzz.html".into(),
        ..source.clone()
    };
    let corpus = Corpus::build(vec![source, page]);
    for a in &corpus.articles {
        let ok = |s: usize, e: usize| {
            s <= e && e <= a.text.len() && a.text.is_char_boundary(s) && a.text.is_char_boundary(e)
        };
        for ent in &a.entities {
            for m in &ent.mentions {
                assert!(ok(m.start, m.end) && a.text[m.start..m.end] == m.text);
            }
        }
        for q in &a.quotes {
            assert!(ok(q.start, q.end));
        }
        for d in &a.dates {
            assert!(ok(d.start, d.end));
        }
        for q in &a.quantities {
            assert!(ok(q.start, q.end));
        }
    }
    let _ = corpus.search("lyman \"the city\" -x OR y person:z", 5);
});
