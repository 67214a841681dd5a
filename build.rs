//! For the wasm tests (feature `embedded-corpus`): extracts the bundled corpus
//! (`corpus/*.txt|md`, with optional `ID.meta.json` sidecars) at build time, with
//! the same folio-core the app and the CLI use, and embeds the result as JSON.
//! Shipped builds fetch the same extraction as `corpus.json`, written by
//! `folio bundle corpus` in Trunk's post-build hook.
//!
//! A key design decision: the first-load wasm only *explores*. It deserialises this
//! extraction and builds the search index, so the extraction stages and their word
//! lists stay out of it (they load later, with import). It also means the first
//! page shows without running the pipeline in the browser.

use std::path::Path;

use folio_core::{Corpus, Meta, Source};

fn main() {
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_EMBEDDED_CORPUS");
    if std::env::var_os("CARGO_FEATURE_EMBEDDED_CORPUS").is_none() {
        // Shipped builds fetch corpus.json (written by `folio bundle`); only the
        // wasm tests compile the corpus in.
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus/ folder")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e == "txt" || e == "md")
        })
        .collect();
    files.sort();
    let mut sources = Vec::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
        let sidecar = f.with_file_name(format!("{stem}.meta.json"));
        println!("cargo:rerun-if-changed={}", sidecar.display());
        let meta = match std::fs::read_to_string(&sidecar) {
            Ok(json) => {
                Meta::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", sidecar.display()))
            }
            Err(_) => Meta::default(),
        };
        let bytes = std::fs::read(f).expect("read article");
        let source = Source::from_bytes(&name, &bytes, meta)
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        sources.push(source);
    }
    let corpus = Corpus::build(sources);
    let json = serde_json::to_string(&corpus.extraction()).expect("serialise extraction");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled.json");
    std::fs::write(dest, json).expect("write bundled.json");
}
