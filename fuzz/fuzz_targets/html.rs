//! Fuzzes the HTML extractor alone: any bytes as a saved page (decoded as the
//! import decodes them, or as lossy UTF-8 when that refuses them) must give a
//! body and metadata without a panic, and the whole document path
//! (`extract_document` on a `.html` file) every span in bounds.
//!
//! Seeded from `scripts/fuzz.sh` with the benchmark's pages and the fixtures.
#![no_main]

use folio_core::extract::html::extract_html;
use folio_core::{extract, extract_document, Meta};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = match extract::decode_detect(data) {
        Ok(d) => d.text,
        Err(_) => String::from_utf8_lossy(data).into_owned(),
    };
    let doc = extract_html(&text);
    let _ = (doc.meta.title.as_deref(), doc.text.len());
    let a = extract_document("page.html", &text, &Meta::default());
    // Every span in bounds, on character boundaries and saying what the text
    // says: the bundle checker's rules, written once.
    assert_eq!(folio_core::bundle::check_article(&a), Ok(()), "{}", a.id);
});
