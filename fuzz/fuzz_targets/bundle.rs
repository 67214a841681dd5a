//! Fuzzes the bundle checker, the gate every imported library and every
//! `folio build` of an exported one passes: any bytes, decoded as the import
//! decodes them, are either refused with a reason or give articles whose every
//! span lies in its text on character boundaries; those articles write back
//! to a bundle that reads as the same articles, and merge and index without a
//! panic.
//!
//! Seeded from `scripts/fuzz.sh` with the bundled corpus as a bundle.
#![no_main]

use folio_core::model::Extraction;
use folio_core::{bundle, extract, Corpus};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = extract::decode_detect(data) else {
        return;
    };
    let Ok(articles) = bundle::from_json(&decoded.text) else {
        return;
    };
    for a in &articles {
        // The checker passed them; they must pass it again on their own.
        assert_eq!(bundle::check_article(a), Ok(()));
        assert!(a.url.as_deref().is_none_or(bundle::is_web_url));
    }
    let again = bundle::to_json(&Extraction {
        articles: articles.clone(),
        entities: Vec::new(),
    });
    assert_eq!(
        bundle::from_json(&again).expect("a bundle written reads back"),
        articles
    );
    let corpus = Corpus::from_articles(articles);
    let _ = corpus.search("a OR b", 5);
});
