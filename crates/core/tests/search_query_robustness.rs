//! The query parser never panics. cargo-fuzz (`fuzz/`, target `query_parse`)
//! needs a nightly toolchain with sanitizers; this plain test runs the same
//! property on every toolchain: the parser and a search over a small index, on a
//! large set of generated random and adversarial inputs.

use folio_core::search::{Index, Query};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Pieces chosen to hit the parser's edges: quotes, minus, OR, fields, colons,
/// dates, multi-byte and combining characters, apostrophes, digits with commas.
const PIECES: &[&str] = &[
    "\"",
    "-",
    "-\"",
    "OR",
    " OR ",
    "or",
    ":",
    "::",
    "person:",
    "place:",
    "org:",
    "source:",
    "after:",
    "before:",
    "sort:",
    "sort:date",
    "after:2022-10-01",
    "before:2022-13-45",
    "after:-",
    "foo:",
    "http://x",
    "lyman",
    "Kupyansk",
    "kupiansk",
    "Київ",
    "é",
    "e\u{301}",
    "\u{300}",
    "’",
    "'",
    "5,000",
    "1.8",
    " ",
    "  ",
    "\t",
    "\n",
    "ß",
    "İ",
    "ǅ",
    "🙂",
    "\u{200b}",
    "counteroff",
    "a",
    "zz",
    "-OR",
    "\"\"",
    "(",
    ")",
    "*",
    "\\",
    "\u{feff}",
    "ﬁ",
];

fn index() -> Index {
    let mut i = Index::default();
    i.add(
        "a",
        "Kupyansk retaken",
        "Troops entered Kupiansk and Lyman.",
    );
    i.add(
        "b",
        "",
        "Київ and Kharkiv, 5,000 troops; the counteroffensive went on.",
    );
    i.add_with_names("c", "Names", "", "Volodymyr Zelenskyy");
    i
}

#[test]
fn random_inputs_never_panic() {
    let index = index();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let n = (rng.next() % 12) as usize;
        let input: String = (0..n).map(|_| rng.pick(PIECES)).collect();
        let q = Query::parse(&input);
        let _ = index.search(&q);
    }
}

#[test]
fn random_bytes_never_panic() {
    let index = index();
    let mut rng = Rng(42);
    for _ in 0..20_000 {
        let n = (rng.next() % 24) as usize;
        let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        let input = String::from_utf8_lossy(&bytes);
        let _ = index.search(&Query::parse(&input));
    }
}

#[test]
fn adversarial_inputs_never_panic() {
    let index = index();
    let long_word = "a".repeat(10_000);
    let many_quotes = "\"".repeat(1_001);
    let many_ors = "OR ".repeat(1_000);
    let many_fields = "person:".repeat(1_000);
    for input in [
        "",
        " ",
        "\"",
        "-",
        "--\"\"",
        "OR",
        ":",
        "after:",
        "before:9999-12-31",
        long_word.as_str(),
        many_quotes.as_str(),
        many_ors.as_str(),
        many_fields.as_str(),
    ] {
        let _ = index.search(&Query::parse(input));
    }
}
