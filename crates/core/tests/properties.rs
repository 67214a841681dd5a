//! Invariants that hold for any article, checked as properties over generated
//! ones (issue #21): after extraction, after the cross-article merge and after
//! a bundle's round trip, every span lies in its text on character boundaries
//! and says what its text says there; every entity id an article names is in
//! the corpus; and a bundle read and written again is byte-identical.
//!
//! The articles are drawn by a seeded generator from the bundled articles'
//! sentences, cut and spliced at any character, with the characters real
//! scraped text carries (combining marks, soft hyphens, zero-width joiners,
//! emoji, right-to-left and CJK text, curly quotes, CR LF, tabs, digits with
//! separators), so a failure names its seed and can be replayed.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use folio_core::model::{Article, Extraction};
use folio_core::{bundle, extract_document, Corpus, Meta};

/// A small, fast, seeded generator (xorshift64*): the same seed gives the
/// same articles on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The characters that break naive offsets and word rules.
const NOISE: &[&str] = &[
    "\u{00AD}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{0301}",
    "\u{00A0}",
    "e\u{0301}",
    "👩\u{200D}🔬",
    "🇺🇦",
    "Київ",
    "Харків",
    "東京",
    "서울",
    "القدس",
    "שלום",
    "“",
    "”",
    "’s",
    "«",
    "»",
    "\r\n",
    "\t",
    "\n\n",
    "5,000",
    "1.8",
    "$2.3 billion",
    "20%",
    "—",
    "-",
    "...",
    "\"",
    "'",
    "(",
    ")",
    "Dr.",
    "U.S.",
    "St.",
    "İ",
    "ß",
    "Ǆ",
    " ",
    "  ",
    "SEE ALSO: ",
    "Photo: ",
    "Mr ",
];

fn seed_sentences() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the bundled corpus")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        out.extend(
            text.split_inclusive(['.', '\n'])
                .map(str::to_string)
                .filter(|s| !s.trim().is_empty()),
        );
    }
    assert!(out.len() > 100, "the seeds give sentences to splice");
    out
}

/// Cuts `s` at a character boundary near `at`.
fn cut(s: &str, at: usize) -> &str {
    let mut i = at.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[..i]
}

fn generate(rng: &mut Rng, sentences: &[String]) -> String {
    let mut text = String::new();
    for _ in 0..1 + rng.below(40) {
        match rng.below(10) {
            0..=5 => text.push_str(&sentences[rng.below(sentences.len())]),
            6 => {
                let s = &sentences[rng.below(sentences.len())];
                text.push_str(cut(s, rng.below(s.len() + 1)));
            }
            7 => {
                for _ in 0..1 + rng.below(4) {
                    text.push_str(NOISE[rng.below(NOISE.len())]);
                }
            }
            8 => {
                // A sentence with noise spliced inside it, at any character.
                let s = &sentences[rng.below(sentences.len())];
                let head = cut(s, rng.below(s.len() + 1));
                text.push_str(head);
                text.push_str(NOISE[rng.below(NOISE.len())]);
                text.push_str(&s[head.len()..]);
            }
            _ => text.push_str(if rng.below(2) == 0 { "\n\n" } else { " " }),
        }
    }
    text
}

/// The invariants are the bundle checker's, the one place they are written:
/// every span in bounds, on character boundaries, and saying what the text
/// says there; quantities finite; ids well formed.
fn check_spans(a: &Article, when: &str) {
    if let Err(e) = bundle::check_article(a) {
        panic!("{when}: {}: {e}", a.id);
    }
}

#[test]
fn spans_stay_in_bounds_through_extraction_merge_and_bundles_and_bundles_round_trip() {
    let sentences = seed_sentences();
    for seed in 1..=6u64 {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ seed);
        let articles: Vec<Article> = (0..40)
            .map(|i| {
                let text = generate(&mut rng, &sentences);
                let meta = Meta {
                    published: (rng.below(2) == 0).then(|| "2022-10-02".to_string()),
                    ..Meta::default()
                };
                let a = extract_document(&format!("g{seed}-{i}.txt"), &text, &meta);
                check_spans(&a, &format!("seed {seed}, extracted"));
                a
            })
            .collect();
        let corpus = Corpus::from_articles(articles);
        let ids: std::collections::HashSet<&str> =
            corpus.entities.iter().map(|e| e.id.as_str()).collect();
        for a in &corpus.articles {
            check_spans(a, &format!("seed {seed}, merged"));
            for e in &a.entities {
                assert!(
                    ids.contains(e.id.as_str()),
                    "seed {seed}: {} names {}",
                    a.id,
                    e.id
                );
            }
        }
        let extraction: Extraction = corpus.extraction();
        let json = bundle::to_json(&extraction);
        let back = bundle::from_json(&json).expect("a bundle Folio wrote reads back");
        assert_eq!(
            back, extraction.articles,
            "seed {seed}: the articles round-trip"
        );
        for a in &back {
            check_spans(a, &format!("seed {seed}, read from a bundle"));
        }
        let again = Corpus::from_articles(back).extraction();
        assert_eq!(
            bundle::to_json(&again),
            json,
            "seed {seed}: a bundle read and written again is byte-identical"
        );
    }
}

/// The generator itself must reach what it is meant to: text with the noise
/// characters in it and articles with spans to check.
#[test]
fn the_generator_reaches_noise_and_annotations() {
    let sentences = seed_sentences();
    let mut rng = Rng(7);
    let texts: Vec<String> = (0..40).map(|_| generate(&mut rng, &sentences)).collect();
    assert!(texts
        .iter()
        .any(|t| t.contains('\u{00AD}') || t.contains('\u{200B}')));
    assert!(texts.iter().any(|t| t.contains("\r\n")));
    let spans: usize = texts
        .iter()
        .map(|t| {
            let a = extract_document("x.txt", t, &Meta::default());
            a.entities.iter().map(|e| e.mentions.len()).sum::<usize>() + a.quantities.len()
        })
        .sum();
    assert!(spans > 100, "{spans}");
}
