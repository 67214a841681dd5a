//! The bundled corpus through the whole core: extraction then search. Runs natively
//! and, with the same assertions, on wasm32 in headless Chromium.

use folio_core::{Corpus, Source};

macro_rules! bundled {
    ($($name:literal),* $(,)?) => {
        vec![$(Source::text($name, include_str!(concat!("../../../corpus/", $name)))),*]
    };
}

fn corpus() -> Corpus {
    Corpus::build(bundled![
        "000_55de2ee9ab9363be.txt",
        "001_121d20f4aa6c6f84.txt",
        "002_0f6967909e7ae952.txt",
        "003_2de072fd7b9da36a.txt",
        "004_a0672cb53393491e.txt",
    ])
}

fn ids(c: &Corpus, q: &str) -> Vec<String> {
    c.search(q, 10).hits.into_iter().map(|h| h.id).collect()
}

/// Guards the skeleton's promise: `#/search?q=Kreminna` shows exactly one article.
fn kreminna_is_in_exactly_one_article() {
    assert_eq!(ids(&corpus(), "Kreminna"), vec!["001_121d20f4aa6c6f84"]);
}

/// Guards debris cleaning on real scraped text: no marker line survives, and the
/// sentences glued to link headlines are kept.
fn no_debris_survives_and_glued_sentences_are_kept() {
    let c = corpus();
    for a in &c.articles {
        for marker in ["SEE ALSO", "WATCH:", "Your browser", "click here"] {
            assert!(!a.text.contains(marker), "{}: {marker}", a.id);
        }
    }
    let a = c.article("000_55de2ee9ab9363be").unwrap();
    assert!(a.text.contains("\n\nKyiv and the West have condemned"));
    let a = c.article("003_2de072fd7b9da36a").unwrap();
    assert!(a
        .text
        .contains("\n\nAn adviser to the head of the regional council"));
    assert_eq!(a.removed.len(), 5, "{:#?}", a.removed);
}

/// Guards highlighting: every hit's snippet marks the query word.
fn snippets_mark_the_matched_word() {
    let r = corpus().search("Lyman", 10);
    assert_eq!(r.total, 4);
    for h in &r.hits {
        assert!(
            h.snippet.to_html().contains("<mark>Lyman"),
            "{}",
            h.snippet.to_html()
        );
    }
}

/// Guards facets: one entity spelt differently by different outlets is one facet
/// value, under its preferred name.
fn facets_count_each_entity_once_across_spellings() {
    let c = corpus();
    let r = c.search("Ukraine", 10);
    let zel: Vec<_> = r
        .facets
        .people
        .iter()
        .filter(|f| f.value.starts_with("Volodymyr Zelensk"))
        .collect();
    assert_eq!(zel.len(), 1, "{:?}", r.facets.people);
    assert_eq!(zel[0].count, 4);
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    #[test]
    fn facets_count_each_entity_once_across_spellings() {
        super::facets_count_each_entity_once_across_spellings()
    }
    #[test]
    fn kreminna_is_in_exactly_one_article() {
        super::kreminna_is_in_exactly_one_article()
    }
    #[test]
    fn no_debris_survives_and_glued_sentences_are_kept() {
        super::no_debris_survives_and_glued_sentences_are_kept()
    }
    #[test]
    fn snippets_mark_the_matched_word() {
        super::snippets_mark_the_matched_word()
    }
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen_test::*;
    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn kreminna_is_in_exactly_one_article() {
        super::kreminna_is_in_exactly_one_article()
    }
    #[wasm_bindgen_test]
    fn no_debris_survives_and_glued_sentences_are_kept() {
        super::no_debris_survives_and_glued_sentences_are_kept()
    }
    #[wasm_bindgen_test]
    fn facets_count_each_entity_once_across_spellings() {
        super::facets_count_each_entity_once_across_spellings()
    }
    #[wasm_bindgen_test]
    fn snippets_mark_the_matched_word() {
        super::snippets_mark_the_matched_word()
    }
}
