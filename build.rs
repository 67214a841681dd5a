//! Embeds the bundled corpus (`corpus/*.txt|md` and optional `ID.meta.json`
//! sidecars) into the app, so the first load needs no fetch and works from a file.

use std::fmt::Write;
use std::path::Path;

fn main() {
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
    let mut out = String::from(
        "/// The bundled articles: (file name, text, sidecar metadata JSON).\n\
         pub const BUNDLED: &[(&str, &str, Option<&str>)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        let stem = f.file_stem().unwrap().to_string_lossy();
        let meta = f.with_file_name(format!("{stem}.meta.json"));
        let meta = if meta.exists() {
            format!("Some(include_str!({:?}))", meta.display().to_string())
        } else {
            "None".to_string()
        };
        writeln!(
            out,
            "    ({name:?}, include_str!({:?}), {meta}),",
            f.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled.rs");
    std::fs::write(dest, out).expect("write bundled.rs");
}
