//! The corpus the app explores, shared through context.

use std::sync::Arc;

use folio_core::{Corpus, Extraction};
use leptos::prelude::*;

/// Where the bundled corpus is, relative to the page: a Folio bundle written
/// beside the app at build time (`folio bundle`, run by Trunk's post-build
/// hook). Data, not code: it stays out of the first-load wasm, and a site of
/// another corpus (`folio build`) needs no recompiling.
pub const CORPUS_URL: &str = "corpus.json";

/// Tests mount the app without a server: the `embedded-corpus` feature compiles
/// the bundled corpus in (extracted by `build.rs`), as every build once did.
#[cfg(feature = "embedded-corpus")]
const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled.json"));

thread_local! {
    /// The bundled corpus' JSON as read, for the import worker, which merges
    /// imported articles with it.
    static BUNDLED_TEXT: std::cell::RefCell<Option<std::rc::Rc<str>>> =
        const { std::cell::RefCell::new(None) };
    /// The JSON of the corpus shown now (the bundled one, or the library the
    /// worker last sent), for the views that load as a second module and read
    /// the corpus from its text.
    static SHOWN_TEXT: std::cell::RefCell<Option<std::rc::Rc<str>>> =
        const { std::cell::RefCell::new(None) };
}

/// The JSON of the corpus shown now, once one has been read.
pub fn shown_text() -> Option<std::rc::Rc<str>> {
    SHOWN_TEXT.with(|t| t.borrow().clone())
}

/// Keeps `json` as the shown corpus's text (the worker's whole library).
pub fn set_shown_text(json: std::rc::Rc<str>) {
    SHOWN_TEXT.with(|t| *t.borrow_mut() = Some(json));
}

/// Drops the shown corpus's text once the corpus has changed from it.
pub fn forget_shown_text() {
    SHOWN_TEXT.with(|t| *t.borrow_mut() = None);
}

/// Shows a corpus read from `json` and keeps its text for [`shown_text`];
/// `false` when the text is no Folio extraction.
pub fn show_text(ctx: &CorpusCtx, json: std::rc::Rc<str>, what: &str) -> bool {
    let Some(x) = parse_extraction(&json, what) else {
        return false;
    };
    SHOWN_TEXT.with(|t| *t.borrow_mut() = Some(json));
    ctx.0.set(Arc::new(Corpus::from_extraction(x)));
    true
}

/// The bundled corpus' JSON, once it has been read.
pub fn bundled_text() -> Option<std::rc::Rc<str>> {
    BUNDLED_TEXT.with(|t| t.borrow().clone())
}

/// Where the bundled corpus is in its loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    /// On its way.
    Loading,
    /// Shown.
    Ready,
    /// Could not be had; the message says why.
    Failed(String),
}

/// Every extraction the app reads (bundled, a one-file copy's, the import
/// worker's articles and entities) comes through this one call, so the wasm
/// holds one deserialiser.
pub fn parse_extraction(json: &str, what: &str) -> Option<Extraction> {
    // The position only: the error's own message would compile serde_json's
    // message formatting into the first-load wasm for a console line.
    serde_json::from_str(json)
        .map_err(|e| {
            leptos::logging::error!(
                "{what} unreadable at line {}, column {}",
                e.line(),
                e.column()
            )
        })
        .ok()
}

/// The corpus in context. Cheap to copy; views read it with [`CorpusCtx::with`].
#[derive(Clone, Copy)]
pub struct CorpusCtx(pub RwSignal<Arc<Corpus>>, pub RwSignal<Load>);

impl CorpusCtx {
    /// Provides the corpus to every view below: the one a one-file copy carries
    /// (see [`folio_core::share`]), else the bundled one, fetched.
    pub fn provide_bundled() -> CorpusCtx {
        let ctx = CorpusCtx(
            RwSignal::new(Arc::new(Corpus::default())),
            RwSignal::new(Load::Loading),
        );
        provide_context(ctx);
        if let Some(json) = embedded_block(folio_core::share::CORPUS_BLOCK) {
            ctx.set_bundled(json.into());
            return ctx;
        }
        #[cfg(feature = "embedded-corpus")]
        {
            ctx.set_bundled(EMBEDDED_JSON.into());
            ctx
        }
        #[cfg(not(feature = "embedded-corpus"))]
        {
            // A sharded site has no corpus.json: the shards open it
            // (`state::shards`).
            if super::shards::is_sharded() {
                return ctx;
            }
            leptos::task::spawn_local(async move {
                match fetch_text(CORPUS_URL).await {
                    Ok(json) => ctx.set_bundled(json.into()),
                    Err(e) => ctx.1.set(Load::Failed(e)),
                }
            });
            ctx
        }
    }

    /// Shows the bundled corpus from its JSON and keeps the text for the worker.
    fn set_bundled(&self, json: std::rc::Rc<str>) {
        if show_text(self, json.clone(), "the bundled corpus") {
            BUNDLED_TEXT.with(|t| *t.borrow_mut() = Some(json));
            self.1.set(Load::Ready);
        } else {
            self.1.set(Load::Failed(format!(
                "{CORPUS_URL} is not a readable Folio bundle"
            )));
        }
    }

    /// The corpus provided by an ancestor.
    pub fn expect() -> CorpusCtx {
        expect_context::<CorpusCtx>()
    }

    /// Reads the corpus, tracking it as a dependency.
    pub fn with<R>(&self, f: impl FnOnce(&Corpus) -> R) -> R {
        self.0.with(|c| f(c))
    }
}

/// The text of a data block a one-file copy carries, by id.
pub fn embedded_block(id: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .text_content()
}

/// Whether this page is a one-file copy.
pub fn is_one_file() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|e| e.has_attribute(folio_core::share::ONE_FILE_ATTR))
}

/// Starts a fetch at once (the request is in flight before anything awaits it),
/// so several files can load together.
pub fn start_fetch(url: &str) -> Result<js_sys::Promise, String> {
    let window = web_sys::window().ok_or("no window")?;
    Ok(window.fetch_with_str(url))
}

/// The response to a started fetch when it succeeded, or what went wrong.
async fn response(
    url: &str,
    request: Result<js_sys::Promise, String>,
) -> Result<web_sys::Response, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response: web_sys::Response = JsFuture::from(request?)
        .await
        .map_err(|_| format!("{url} could not be fetched"))?
        .unchecked_into();
    match response.status() {
        _ if response.ok() => {}
        404 => return Err(format!("{url} is missing from the site (HTTP 404)")),
        status => return Err(format!("{url} answered HTTP {status}")),
    }
    Ok(response)
}

/// The body of a started fetch as bytes, or what went wrong. A `.gz` file
/// (a sharded site's, compressed at build time) is inflated, unless the
/// server already did (it sent the file with `Content-Encoding: gzip`).
pub async fn read_bytes(
    url: &str,
    request: Result<js_sys::Promise, String>,
) -> Result<Vec<u8>, String> {
    let bytes = body_bytes(url, response(url, request).await?).await?;
    if url.ends_with(".gz") && bytes.starts_with(&[0x1f, 0x8b]) {
        inflate(url, &bytes).await
    } else {
        Ok(bytes)
    }
}

async fn body_bytes(url: &str, response: web_sys::Response) -> Result<Vec<u8>, String> {
    use wasm_bindgen_futures::JsFuture;
    let buffer = response
        .array_buffer()
        .map_err(|_| format!("{url} could not be read"))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| format!("{url} could not be read"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Gunzips with the browser's own `DecompressionStream`, which costs the wasm
/// nothing.
async fn inflate(url: &str, gz: &[u8]) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    let corrupt = |_| format!("{url} is not valid gzip");
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(gz));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(corrupt)?;
    // Constructed by name: web-sys binds DecompressionStream only behind its
    // unstable-API flag. The stream is itself a readable/writable pair.
    let missing = |_| "this browser cannot decompress (no DecompressionStream)".to_string();
    let class = js_sys::Reflect::get(&js_sys::global(), &"DecompressionStream".into())
        .map_err(missing)?
        .dyn_into::<js_sys::Function>()
        .map_err(missing)?;
    let inflater =
        js_sys::Reflect::construct(&class, &js_sys::Array::of1(&"gzip".into())).map_err(missing)?;
    let stream = blob
        .stream()
        .pipe_through(inflater.unchecked_ref::<web_sys::ReadableWritablePair>());
    let response =
        web_sys::Response::new_with_opt_readable_stream(Some(&stream)).map_err(corrupt)?;
    body_bytes(url, response)
        .await
        .map_err(|_| format!("{url} is not valid gzip"))
}

/// The body of a started fetch as text, or what went wrong.
pub async fn read_text(
    url: &str,
    request: Result<js_sys::Promise, String>,
) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let text = response(url, request)
        .await?
        .text()
        .map_err(|_| format!("{url} could not be read"))?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| format!("{url} could not be read"))
}

/// A text file next to the page, or what went wrong.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    read_text(url, start_fetch(url)).await
}
