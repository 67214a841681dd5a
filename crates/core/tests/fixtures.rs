//! Golden fixtures: hand-written articles on other topics than the bundled corpus
//! (a storm, a court case, a company merger, a football transfer), each a
//! `testdata/<case>/{source.txt, expected.json}`, walked by one runner that names
//! the failing case and field. The same runner runs natively and on wasm32 (the
//! files are `include_str!`-ed, so no file system is needed).
//!
//! `expected.json` lists what must be found (not everything found): `removed`
//! (exact), `entities` ([kind, name] present), `mentions` ([entity name, mention
//! text] present), `absent` (no entity of that name), `quotes` ([opening words,
//! speaker], exact count and order), `dates` ([text, value] present) and
//! `quantities` ([text, value, unit] present). `published` is passed as metadata.
//!
//! A case named `html_<case>` is a saved web page, `source.html`, run through the
//! HTML step first (the `html` feature); its `expected.json` may also give
//! `article` (title, byline, published, outlet, url as extracted from the page,
//! exact), `paragraphs` (the exact number of body paragraphs), `text_starts` and
//! `text_absent` (strings that must not be in the body).

use folio_core::{Corpus, Meta, Source};
use serde_json::Value;

/// (case, source, expected)
#[cfg(feature = "html")]
const HTML_CASES: &[(&str, &str, &str)] = &[(
    "html_ferry",
    include_str!("../testdata/html_ferry/source.html"),
    include_str!("../testdata/html_ferry/expected.json"),
)];
#[cfg(not(feature = "html"))]
const HTML_CASES: &[(&str, &str, &str)] = &[];

/// (case, source, expected)
const CASES: &[(&str, &str, &str)] = &[
    (
        "storm",
        include_str!("../testdata/storm/source.txt"),
        include_str!("../testdata/storm/expected.json"),
    ),
    (
        "court",
        include_str!("../testdata/court/source.txt"),
        include_str!("../testdata/court/expected.json"),
    ),
    (
        "merger",
        include_str!("../testdata/merger/source.txt"),
        include_str!("../testdata/merger/expected.json"),
    ),
    (
        "transfer",
        include_str!("../testdata/transfer/source.txt"),
        include_str!("../testdata/transfer/expected.json"),
    ),
    (
        "election",
        include_str!("../testdata/election/source.txt"),
        include_str!("../testdata/election/expected.json"),
    ),
];

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// Runs every case; returns one line per failure, naming case and field.
pub fn run_all() -> Vec<String> {
    let mut failures = Vec::new();
    for (case, source, expected) in CASES.iter().chain(HTML_CASES) {
        let exp: Value =
            serde_json::from_str(expected).unwrap_or_else(|e| panic!("{case}: expected.json: {e}"));
        let ext = if case.starts_with("html_") {
            "html"
        } else {
            "txt"
        };
        let meta = Meta {
            published: exp["published"].as_str().map(String::from),
            ..Meta::default()
        };
        let corpus = Corpus::build(vec![Source {
            file: format!("{case}.{ext}"),
            raw: source.to_string(),
            meta,
        }]);
        let a = &corpus.articles[0];
        let mut fail = |field: &str, msg: String| failures.push(format!("{case}: {field}: {msg}"));
        for (field, got) in [
            ("title", Some(&a.title)),
            ("byline", a.byline.as_ref()),
            ("published", a.published.as_ref()),
            ("outlet", a.outlet.as_ref()),
            ("url", a.url.as_ref()),
        ] {
            if let Some(want) = exp["article"].get(field) {
                if want.as_str() != got.map(String::as_str) {
                    fail(field, format!("expected {want}, got {got:?}"));
                }
            }
        }
        if let Some(n) = exp["paragraphs"].as_u64() {
            let got = a.paragraphs().count();
            if got as u64 != n {
                fail(
                    "paragraphs",
                    format!("expected {n}, got {got}: {:?}", a.text),
                );
            }
        }
        if let Some(start) = exp["text_starts"].as_str() {
            if !a.text.starts_with(start) {
                fail("text", format!("should start with {start:?}: {:?}", a.text));
            }
        }
        for gone in strs(&exp["text_absent"]) {
            if a.text.contains(gone) {
                fail("text", format!("{gone:?} should not be in {:?}", a.text));
            }
        }
        let removed: Vec<&str> = strs(&exp["removed"]);
        if a.removed.iter().map(String::as_str).collect::<Vec<_>>() != removed {
            fail(
                "removed",
                format!("expected {removed:?}, got {:?}", a.removed),
            );
        }
        for e in exp["entities"].as_array().into_iter().flatten() {
            let want = strs(e);
            let found = a.entities.iter().any(|x| {
                x.name == want[1]
                    && serde_json::to_value(x.kind)
                        .ok()
                        .and_then(|k| k.as_str().map(String::from))
                        .as_deref()
                        == Some(want[0])
            });
            if !found {
                let got: Vec<String> = a
                    .entities
                    .iter()
                    .map(|x| format!("{:?} {}", x.kind, x.name))
                    .collect();
                fail("entities", format!("missing {want:?}; got {got:?}"));
            }
        }
        for m in exp["mentions"].as_array().into_iter().flatten() {
            let want = strs(m);
            let ok = a
                .entities
                .iter()
                .any(|x| x.name == want[0] && x.mentions.iter().any(|mm| mm.text == want[1]));
            if !ok {
                fail(
                    "mentions",
                    format!("{:?} has no mention {:?}", want[0], want[1]),
                );
            }
        }
        for n in strs(&exp["absent"]) {
            if a.entities.iter().any(|x| x.name == n) {
                fail("entities", format!("{n:?} should not be an entity"));
            }
        }
        let quotes = exp["quotes"].as_array().cloned().unwrap_or_default();
        if quotes.len() != a.quotes.len() {
            let got: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
            fail(
                "quotes",
                format!(
                    "expected {} quotes, got {}: {got:?}",
                    quotes.len(),
                    a.quotes.len()
                ),
            );
        }
        for (q, got) in quotes.iter().zip(&a.quotes) {
            let start = q[0].as_str().unwrap_or("");
            let speaker = q[1].as_str();
            if !got.text.starts_with(start) || got.speaker.as_deref() != speaker {
                fail(
                    "quotes",
                    format!(
                        "expected {start:?} by {speaker:?}, got {:?} by {:?}",
                        got.text, got.speaker
                    ),
                );
            }
            if a.text[got.start..got.end] != got.text {
                fail(
                    "quotes",
                    format!("span {}..{} is not the quote text", got.start, got.end),
                );
            }
        }
        for d in exp["dates"].as_array().into_iter().flatten() {
            let want = strs(d);
            if !a
                .dates
                .iter()
                .any(|x| x.text == want[0] && x.value.as_deref() == Some(want[1]))
            {
                let got: Vec<_> = a.dates.iter().map(|x| (&x.text, &x.value)).collect();
                fail("dates", format!("missing {want:?}; got {got:?}"));
            }
        }
        for q in exp["quantities"].as_array().into_iter().flatten() {
            let (text, value, unit) = (
                q[0].as_str().unwrap_or(""),
                q[1].as_f64().unwrap_or(f64::NAN),
                q[2].as_str().unwrap_or(""),
            );
            if !a
                .quantities
                .iter()
                .any(|x| x.text == text && (x.value - value).abs() < 1e-6 && x.unit == unit)
            {
                let got: Vec<_> = a
                    .quantities
                    .iter()
                    .map(|x| (&x.text, x.value, &x.unit))
                    .collect();
                fail(
                    "quantities",
                    format!("missing {text:?} {value} {unit}; got {got:?}"),
                );
            }
        }
        for e in &a.entities {
            for m in &e.mentions {
                if a.text[m.start..m.end] != m.text {
                    fail(
                        "mentions",
                        format!("span {}..{} is not {:?}", m.start, m.end, m.text),
                    );
                }
            }
        }
    }
    failures
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn fixtures_match_expected() {
    let failures = run_all();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen_test::*;
    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn fixtures_match_expected() {
        let failures = super::run_all();
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}
