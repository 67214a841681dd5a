//! The core's layers, checked from its source: which top-level module may
//! name which (docs/ARCHITECTURE.md draws them).
//!
//! ```text
//! corpus · bundle · explore · geo · import · share · eval   (above both)
//!            extract            search                       (never each other)
//!                       model
//!    text · calendar · format · sort · heap · error          (the ground)
//! ```
//!
//! Reading the code as text rather than asking the compiler keeps this a plain
//! test: every `crate::NAME` and `super::…::NAME` path outside comments is
//! resolved to the top-level module it lands in (names that `lib.rs`
//! re-exports, such as `crate::Corpus`, count as the module they come from),
//! and the test fails on a path that a rule forbids or on any circle between
//! top-level modules, naming the file and line.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Modules that stand below everything else: they may name one another (with
/// no circle) but nothing above them, and every module may name them.
const GROUND: &[&str] = &["text", "calendar", "format", "sort", "heap", "error"];

/// What each lower layer may name besides itself and the ground. Modules not
/// listed here stand above extraction and search and may name anything, as
/// long as no circle forms between them.
const MAY_NAME: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("extract", &["model"]),
    ("search", &["model"]),
];

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read src")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file: `search/index/rank.rs` → `[search, index, rank]`,
/// `search/mod.rs` → `[search]`, `lib.rs` → `[]`.
fn module_path(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src_dir()).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|c| c.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// Names that `lib.rs` re-exports at the crate root, mapped to the top-level
/// module they come from (`pub use corpus::{Builder, Corpus}` → Corpus → corpus).
fn root_reexports(lib: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let mut statement = String::new();
    for line in lib.lines() {
        let line = line.trim();
        if statement.is_empty() && !line.starts_with("pub use ") {
            continue;
        }
        statement.push_str(line);
        statement.push(' ');
        if !line.ends_with(';') {
            continue;
        }
        let body = statement
            .trim_start_matches("pub use ")
            .trim_end_matches([';', ' ']);
        let (module, names) = match body.split_once("::") {
            Some((m, rest)) => (m.to_string(), rest.to_string()),
            None => (body.to_string(), String::new()),
        };
        for name in names.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if !name.is_empty() {
                map.insert(name.to_string(), module.clone());
            }
        }
        statement.clear();
    }
    map
}

/// The line with its comment (from `//` to the end) cut off; strings that hold
/// `//` are rare enough in this crate not to matter.
fn code_of(line: &str) -> &str {
    match line.find("//") {
        Some(i) => &line[..i],
        None => line,
    }
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// Every top-level module that one line of `file` names, through `crate::`
/// (including `use crate::{a, b::c}` groups) or through `super::` chains that
/// climb out of the file's own top-level module.
fn named_modules(
    line: &str,
    module: &[String],
    reexports: &BTreeMap<String, String>,
    modules: &BTreeSet<String>,
) -> Vec<String> {
    let top_of = |name: &str| -> Option<String> {
        if modules.contains(name) {
            Some(name.to_string())
        } else {
            reexports.get(name).cloned()
        }
    };
    let mut out = Vec::new();
    let code = code_of(line);
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let close = group.find('}').unwrap_or(group.len());
            for item in group[..close].split(',') {
                if let Some(t) = top_of(ident_at(item.trim())) {
                    out.push(t);
                }
            }
        } else if let Some(t) = top_of(ident_at(after)) {
            out.push(t);
        }
        rest = after;
    }
    let mut rest = code;
    while let Some(i) = rest.find("super::") {
        // Count the chain: super::super::NAME.
        let mut tail = &rest[i..];
        let mut ups = 0;
        while let Some(t) = tail.strip_prefix("super::") {
            ups += 1;
            tail = t;
        }
        // From code in module M, `super` × k lands at M without its last k
        // parts (inside a `mod tests`, one part less is climbed): once k
        // reaches M's depth, the next name may be a top-level module.
        if ups >= module.len() {
            if let Some(t) = top_of(ident_at(tail)) {
                out.push(t);
            }
        }
        rest = tail;
    }
    out
}

#[test]
fn the_core_layers_name_only_what_stands_below_them_and_form_no_circle() {
    let src = src_dir();
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let reexports = root_reexports(&lib);
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|f| module_path(f).first().cloned())
        .collect();
    assert!(
        ["text", "extract", "search", "model", "corpus"]
            .iter()
            .all(|m| modules.contains(*m)),
        "the layers this test guards are missing: {modules:?}"
    );

    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut broken = Vec::new();
    for file in &files {
        let module = module_path(file);
        let Some(top) = module.first().cloned() else {
            continue; // lib.rs: declares and re-exports everything.
        };
        let text = std::fs::read_to_string(file).expect("read");
        for (n, line) in text.lines().enumerate() {
            for named in named_modules(line, &module, &reexports, &modules) {
                if named == top {
                    continue;
                }
                edges.entry(top.clone()).or_default().insert(named.clone());
                // Every module may name the ground (checked below); a ground
                // module may name nothing else.
                let allowed: Option<&[&str]> = if GROUND.contains(&top.as_str()) {
                    Some(&[])
                } else {
                    MAY_NAME
                        .iter()
                        .find(|(m, _)| *m == top)
                        .map(|(_, may)| *may)
                };
                let ground = GROUND.contains(&named.as_str());
                if !ground && allowed.is_some_and(|may| !may.contains(&named.as_str())) {
                    broken.push(format!(
                        "{}:{}: `{top}` names `{named}`: {}",
                        file.strip_prefix(&src).unwrap().display(),
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "layer rules broken (see docs/ARCHITECTURE.md):\n{}",
        broken.join("\n")
    );

    if let Some(c) = circle(&edges) {
        panic!("a circle between the core's modules: {}", c.join(" -> "));
    }
}

/// A circle in the graph, as the path that closes it, or none: a depth-first
/// search for an edge back to a module still on the path.
fn circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        path.push(m.to_string());
        for next in edges.get(m).into_iter().flatten() {
            if let Some(from) = path.iter().position(|p| p == next) {
                let mut c = path[from..].to_vec();
                c.push(next.clone());
                return Some(c);
            }
            if !done.contains(next) {
                if let Some(c) = visit(next, edges, done, path) {
                    return Some(c);
                }
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|m| (!done.contains(m)).then(|| visit(m, edges, &mut done, &mut Vec::new()))?)
}

/// The checker itself must see what it guards: a line that names `crate::search`
/// from extraction, a `use crate::{…}` group and a re-exported name are found.
#[test]
fn the_layer_check_sees_paths_groups_and_reexported_names() {
    let lib = "pub use corpus::{Builder, Corpus, Source};\npub use search::{Hit, Index};\n";
    let re = root_reexports(lib);
    let modules: BTreeSet<String> = ["corpus", "search", "extract", "text"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let m = vec!["extract".to_string(), "entities".to_string()];
    let found = |line: &str| named_modules(line, &m, &re, &modules);
    assert_eq!(found("use crate::search::index::FxMap;"), ["search"]);
    assert_eq!(found("use crate::{text, Index};"), ["text", "search"]);
    assert_eq!(found("let c = crate::Corpus::build(v);"), ["corpus"]);
    assert_eq!(found("use super::super::search::Query;"), ["search"]);
    assert!(found("use super::dates;").is_empty());
    assert!(found("// see crate::search::Index").is_empty());
}

#[test]
fn the_circle_search_finds_a_loop_and_passes_a_chain() {
    let graph = |pairs: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in pairs {
            g.entry(a.to_string()).or_default().insert(b.to_string());
        }
        g
    };
    let chain = graph(&[
        ("corpus", "extract"),
        ("corpus", "search"),
        ("extract", "text"),
    ]);
    assert_eq!(circle(&chain), None);
    let looped = graph(&[
        ("corpus", "search"),
        ("search", "model"),
        ("model", "corpus"),
    ]);
    assert_eq!(
        circle(&looped).unwrap(),
        ["corpus", "search", "model", "corpus"]
    );
}
