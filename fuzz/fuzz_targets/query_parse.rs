//! Fuzzes the query parser and the search behind it: any input must parse
//! without panicking, and searching a small index with it must not panic either.
//!
//! Run with `cargo +nightly fuzz run query_parse` from this folder.
#![no_main]

use folio_core::search::{Index, Query};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(input) = std::str::from_utf8(data) {
        let q = Query::parse(input);
        let _ = q.words().count();
        let mut index = Index::default();
        index.add(
            "a",
            "Kupyansk retaken",
            "Troops entered Kupiansk and Lyman.",
        );
        index.add("b", "", "Київ and Kharkiv, 5,000 troops.");
        let _ = index.search(&q);
    }
});
