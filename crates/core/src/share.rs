//! One self-contained HTML file: the app, its wasm, styles, corpus and map data
//! inlined, so a colleague can open it by double-click from disk.
//!
//! Browsers refuse to fetch an ES module or a wasm file from `file://` (origin
//! `null`), but they run an inline `<script type="module">`. So the wasm-bindgen
//! glue goes inline with its `export`s removed, the wasm travels as base64 in a
//! data block and is handed to the glue's init as bytes, and the corpus and the
//! map's data sit in data blocks that the app reads instead of fetching. The same
//! function builds the file in the browser ("Download as one HTML file") and at
//! build time (`dist/folio.html`), so the two cannot drift apart.

use base64::Engine;

/// The id of the data block holding the corpus (a Folio bundle).
pub const CORPUS_BLOCK: &str = "folio-corpus";
/// The id of the data block holding the map's places (`assets/places.tsv` rows).
pub const PLACES_BLOCK: &str = "folio-places";
/// The id of the data block holding the map's outline (`assets/world.svg`).
pub const OUTLINE_BLOCK: &str = "folio-outline";
/// The id of the data block holding the app's wasm, base64.
pub const WASM_BLOCK: &str = "folio-wasm";
/// The id of the data block holding the views module's wasm, base64; the
/// views loader ([`VIEWS_LOADER_JS`]) looks for it by this id.
pub const VIEWS_BLOCK: &str = "folio-views-wasm";
/// The script that loads the views module (the map, the claims) the first
/// time one of its views opens: the site's page inlines it through Trunk, a
/// one-file copy here, so both load the module the same way.
pub const VIEWS_LOADER_JS: &str = include_str!("../../../web/views.js");
/// Present on `<html>` of a one-file copy, so the app knows it runs from one.
pub const ONE_FILE_ATTR: &str = "data-folio-one-file";

/// What goes into the file.
#[derive(Debug, Clone, Copy)]
pub struct Parts<'a> {
    /// The page title.
    pub title: &'a str,
    /// The app's stylesheet.
    pub css: &'a str,
    /// The wasm-bindgen glue (`--target web`), as Trunk writes it.
    pub glue_js: &'a str,
    /// The app's wasm.
    pub wasm: &'a [u8],
    /// A Folio bundle of the corpus to open with, or `None` for the one compiled in.
    pub corpus_json: Option<&'a str>,
    /// Rows of the map's gazetteer (all, or only those the corpus needs).
    pub places_tsv: Option<&'a str>,
    /// The map's outline.
    pub outline_svg: Option<&'a str>,
    /// The views module (see [`Views`]), or `None` for a copy whose map and
    /// claims say they could not be loaded.
    pub views: Option<Views<'a>>,
}

/// The views module: the map and the claims, a second wasm the app loads the
/// first time one of them opens (`crates/views`).
#[derive(Debug, Clone, Copy)]
pub struct Views<'a> {
    /// Its wasm-bindgen glue (`--target no-modules`), which defines the
    /// global `wasm_bindgen`.
    pub glue_js: &'a str,
    /// Its wasm.
    pub wasm: &'a [u8],
}

/// The whole page.
pub fn one_file_html(p: &Parts<'_>) -> String {
    let wasm = base64::engine::general_purpose::STANDARD.encode(p.wasm);
    let mut out = String::with_capacity(wasm.len() + p.glue_js.len() + p.css.len() + 4096);
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"en\" {ONE_FILE_ATTR}>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n",
        escape_text(p.title),
        raw_text(p.css, "style"),
    ));
    let block = |out: &mut String, id: &str, kind: &str, body: &str| {
        out.push_str(&format!(
            "<script type=\"{kind}\" id=\"{id}\">{}</script>\n",
            raw_text(body, "script")
        ));
    };
    if let Some(json) = p.corpus_json {
        // `<` never needs to appear raw in JSON: as \u003c no `</script>` can close the block.
        block(
            &mut out,
            CORPUS_BLOCK,
            "application/json",
            &json.replace('<', "\\u003c"),
        );
    }
    if let Some(tsv) = p.places_tsv {
        block(&mut out, PLACES_BLOCK, "text/plain", tsv);
    }
    if let Some(svg) = p.outline_svg {
        block(&mut out, OUTLINE_BLOCK, "text/plain", svg);
    }
    block(&mut out, WASM_BLOCK, "application/octet-stream", &wasm);
    if let Some(v) = p.views {
        let wasm = base64::engine::general_purpose::STANDARD.encode(v.wasm);
        block(&mut out, VIEWS_BLOCK, "application/octet-stream", &wasm);
        block(&mut out, "folio-views-glue", "text/javascript", v.glue_js);
    }
    block(
        &mut out,
        "folio-views-loader",
        "text/javascript",
        VIEWS_LOADER_JS,
    );
    out.push_str("<script type=\"module\">\n");
    out.push_str(&raw_text(&strip_exports(p.glue_js), "script"));
    out.push_str(&format!(
        "\nconst b = atob(document.getElementById(\"{WASM_BLOCK}\").textContent);\n\
         const bytes = new Uint8Array(b.length);\n\
         for (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);\n\
         await __wbg_init({{ module_or_path: bytes }});\n</script>\n</body>\n</html>\n"
    ));
    out
}

/// The app's own files as Trunk's `index.html` names them (hashed): the
/// stylesheet, the wasm-bindgen glue and the wasm, relative to the page. The
/// import worker's files are not these (they keep their plain names).
pub fn app_files(index_html: &str) -> Option<(String, String, String)> {
    let hrefs: Vec<&str> = index_html
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let find = |ok: &dyn Fn(&str) -> bool| hrefs.iter().find(|h| ok(h)).map(|h| h.to_string());
    let css = find(&|h| h.ends_with(".css"))?;
    let wasm = find(&|h| h.ends_with("_bg.wasm") && !h.contains("worker"))?;
    let js = find(&|h| h.ends_with(".js") && !h.contains("worker") && !h.ends_with("sw.js"))?;
    Some((css, js, wasm))
}

/// The glue as a classic part of one inline module: `export` keywords dropped
/// (`export class X` → `class X`) and the closing `export { … }` list removed;
/// nothing imports from an inline module.
pub fn strip_exports(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    for line in js.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("export {") || trimmed.starts_with("export default ") {
            continue;
        }
        match trimmed.strip_prefix("export ") {
            Some(rest) => out.push_str(rest),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Text for a raw-text element (`<script>`, `<style>`): the only sequence that can
/// end it early is `</tag`, which is broken up (`<\/tag`); in JS strings, CSS and
/// the data blocks this reads the same.
fn raw_text(s: &str, tag: &str) -> String {
    let close = format!("</{tag}");
    let lower = s.to_ascii_lowercase();
    if !lower.contains(&close) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut last = 0;
    for (at, _) in lower.match_indices(&close) {
        out.push_str(&s[last..at]);
        out.push_str("<\\/");
        last = at + 2;
    }
    out.push_str(&s[last..]);
    out
}

fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "let wasm;\nexport class Handle {\n}\nexport function greet() {}\nasync function __wbg_init(m) { return m; }\nexport { initSync, __wbg_init as default };\n";

    fn parts<'a>(corpus: Option<&'a str>) -> Parts<'a> {
        Parts {
            title: "Coverage <2022>",
            css: "body{color:red}",
            glue_js: GLUE,
            wasm: b"\0asm\x01\0\0\0",
            corpus_json: corpus,
            places_tsv: Some("kyiv\t50.45\t30.52\tUA"),
            outline_svg: None,
            views: Some(Views {
                glue_js: "let wasm_bindgen = {};",
                wasm: b"\0asm\x02\0\0\0",
            }),
        }
    }

    #[test]
    fn the_apps_files_are_found_in_trunks_index() {
        let index = r#"<link rel="stylesheet" href="./main-97f3.css" integrity="x"/>
            <link rel="manifest" href="manifest.webmanifest" />
            <link rel="modulepreload" href="./folio-app-76.js" crossorigin="anonymous">
            <link rel="preload" href="./folio-app-76_bg.wasm" as="fetch" type="application/wasm">"#;
        assert_eq!(
            app_files(index),
            Some((
                "./main-97f3.css".into(),
                "./folio-app-76.js".into(),
                "./folio-app-76_bg.wasm".into()
            ))
        );
        assert_eq!(app_files("<html></html>"), None);
    }

    #[test]
    fn exports_are_stripped_from_the_glue() {
        let js = strip_exports(GLUE);
        assert!(!js.contains("export"), "{js}");
        assert!(js.contains("class Handle {"));
        assert!(js.contains("function greet() {}"));
    }

    #[test]
    fn the_page_inlines_every_part() {
        let html = one_file_html(&parts(Some("{\"format\":\"folio-bundle\"}")));
        assert!(html.contains(ONE_FILE_ATTR));
        assert!(html.contains("<title>Coverage &lt;2022&gt;</title>"));
        assert!(html.contains("body{color:red}"));
        assert!(html.contains(">AGFzbQEAAAA=</script>"), "wasm as base64");
        assert!(html.contains("id=\"folio-corpus\">{\"format\":\"folio-bundle\"}</script>"));
        assert!(html.contains("kyiv\t50.45"));
        assert!(!html.contains("id=\"folio-outline\""));
        assert!(html.contains("await __wbg_init({ module_or_path: bytes });"));
        assert!(
            html.contains(">AGFzbQIAAAA=</script>"),
            "the views' wasm as base64"
        );
        assert!(html.contains("let wasm_bindgen = {};"));
        assert!(html.contains("window.folioView"));
    }

    #[test]
    fn the_views_loader_reads_the_block_the_copy_writes() {
        assert!(VIEWS_LOADER_JS.contains(&format!("getElementById(\"{VIEWS_BLOCK}\")")));
        // A copy without the views module still defines the function the app
        // calls, whose promise then says why the view is missing.
        let html = one_file_html(&Parts {
            views: None,
            ..parts(None)
        });
        assert!(
            !html.contains(&format!("id=\"{VIEWS_BLOCK}\"")),
            "no views, no block"
        );
        assert!(html.contains("window.folioView"));
    }

    #[test]
    fn corpus_text_cannot_close_its_block_or_run() {
        // An article quoting markup must stay data inside the page.
        let hostile = "{\"t\":\"</script><script>alert(1)</script>\"}";
        let html = one_file_html(&parts(Some(hostile)));
        assert_eq!(html.matches("<script").count(), 7, "{html}");
        assert!(!html.contains("alert(1)</script>"));
        assert!(html.contains("\\u003c/script>\\u003cscript>alert(1)"));
        assert_eq!(raw_text("a</SCRIPT>b", "script"), "a<\\/SCRIPT>b");
    }
}
