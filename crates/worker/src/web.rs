//! The browser side of the worker: messages in and out, files read with
//! `FileReaderSync`, the library kept in IndexedDB, assets fetched for the
//! one-file copy. Every rule lives in [`crate::Library`] and in folio-core.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use folio_core::bundle;
use folio_core::corrections::{self, Correction, Outcome};
use folio_core::import::protocol::{ExportKind, Listed, Reply, Report, Request, Storage};
use folio_core::model::{Article, Extraction};
use folio_core::share;
use idb::{Database, KeyPath, ObjectStore, TransactionMode, TransactionResult};
use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

use crate::{Incoming, Library};

/// The database and its stores of `{id, json}` records: one per imported
/// article, and one record (`LIST`) holding the corrections file of the user's
/// corrections.
const DB: &str = "folio";
const STORE: &str = "articles";
const CORRECTIONS: &str = "corrections";
const LIST: &str = "list";

/// A request and the files that came with it.
struct Job {
    request: Request,
    files: Vec<File>,
}

/// Requests run one at a time, in order: an import's storage write finishes
/// before a delete that follows it starts.
#[derive(Default)]
struct State {
    library: Option<Library>,
    /// The articles as the app has them now (the last answer's): each change
    /// sends only what differs from them.
    shown: crate::Shown,
    db: Option<Rc<Database>>,
    queue: VecDeque<Job>,
    running: bool,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(reply: &Reply) {
    let json = serde_json::to_string(reply).expect("replies always serialise");
    let _ = scope().post_message(&JsValue::from_str(&json));
}

/// Installs the message handler.
pub fn start() {
    console_error_panic_hook::set_once();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        let data = e.data();
        let json = Reflect::get(&data, &"json".into())
            .ok()
            .and_then(|v| v.as_string());
        let files: Vec<File> = Reflect::get(&data, &"files".into())
            .ok()
            .filter(|v| v.is_object())
            .map(|v| {
                Array::from(&v)
                    .iter()
                    .filter_map(|f| f.dyn_into::<File>().ok())
                    .collect()
            })
            .unwrap_or_default();
        match json.as_deref().map(serde_json::from_str::<Request>) {
            Some(Ok(request)) => enqueue(Job { request, files }),
            _ => post(&Reply::Failed {
                message: "the import worker got a message it does not understand".into(),
            }),
        }
    });
    scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    post(&Reply::Ready);
}

fn enqueue(job: Job) {
    let start = STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.queue.push_back(job);
        !std::mem::replace(&mut s.running, true)
    });
    if start {
        wasm_bindgen_futures::spawn_local(drain());
    }
}

async fn drain() {
    loop {
        let Some(job) = STATE.with(|s| s.borrow_mut().queue.pop_front()) else {
            STATE.with(|s| s.borrow_mut().running = false);
            return;
        };
        handle(job).await;
    }
}

fn with_library<R>(f: impl FnOnce(&mut Library) -> R) -> Option<R> {
    STATE.with(|s| s.borrow_mut().library.as_mut().map(f))
}

fn db() -> Option<Rc<Database>> {
    STATE.with(|s| s.borrow().db.clone())
}

async fn handle(job: Job) {
    match job.request {
        Request::Init { bundled } => init(&bundled).await,
        Request::Import { pasted } => {
            let mut files: Vec<Incoming<'static>> = job.files.into_iter().map(incoming).collect();
            files.extend(pasted.into_iter().map(|p| {
                let bytes = p.text.into_bytes();
                Incoming {
                    name: p.name,
                    size: bytes.len() as u64,
                    read: Box::new(move || Ok(bytes)),
                }
            }));
            import(files).await;
        }
        Request::Delete { id } => {
            let stored = write(|store| store.delete(JsValue::from_str(&id)).map(drop)).await;
            change(stored, |lib| {
                lib.remove(&id);
            })
            .await;
        }
        Request::Clear => {
            let stored = write(|store| store.clear().map(drop)).await;
            change(stored, Library::clear).await;
        }
        Request::Export { what } => export(what).await,
        Request::Corpus => {
            // What the app has: the last answer's library, not merged again.
            let json = STATE.with(|s| {
                serde_json::to_string(s.borrow().shown.extraction())
                    .expect("an extraction always serialises")
            });
            post(&Reply::Corpus { json });
        }
        Request::Correct { correction } => {
            let list = with_library(|lib| {
                let mut list = lib.corrections().to_vec();
                corrections::extend(&mut list, [correction]);
                list
            });
            if let Some(list) = list {
                save_corrections(list).await;
            }
        }
        Request::Uncorrect { at } => {
            let list = with_library(|lib| {
                let mut list = lib.corrections().to_vec();
                (at < list.len()).then(|| {
                    list.remove(at);
                    list
                })
            });
            if let Some(Some(list)) = list {
                save_corrections(list).await;
            }
        }
    }
}

/// Stores the user's corrections as this list, then makes it the library's.
async fn save_corrections(list: Vec<Correction>) {
    let stored = store_corrections(&list).await;
    change(stored, |lib| lib.set_corrections(list)).await;
}

/// Writes the user's corrections as the one record of their store (see
/// [`write`] for what the result says).
async fn store_corrections(list: &[Correction]) -> Result<bool, String> {
    let json = corrections::to_json(list);
    write_in(CORRECTIONS, |store| {
        store.put(&record_of(LIST, &json)?, None).map(drop)
    })
    .await
}

/// A browser file as the library reads it; its folder path is kept in the name
/// when the browser gives one (a dropped or picked folder).
fn incoming(file: File) -> Incoming<'static> {
    let relative = Reflect::get(&file, &"webkitRelativePath".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|p| !p.is_empty());
    let name = relative.unwrap_or_else(|| file.name());
    Incoming {
        name,
        size: file.size() as u64,
        read: Box::new(move || {
            let reader = FileReaderSync::new().map_err(|_| "cannot read files here".to_string())?;
            let buffer = reader
                .read_as_array_buffer(&file)
                .map_err(|_| "the browser could not read the file".to_string())?;
            Ok(Uint8Array::new(&buffer).to_vec())
        }),
    }
}

/// The bundled corpus as the worker needs it: its articles (merged afresh
/// with the imported ones) and the corrections it came with.
#[derive(Deserialize)]
struct Bundled {
    articles: Vec<Article>,
    #[serde(default)]
    corrections: Vec<Correction>,
}

async fn init(bundled: &str) {
    let bundled: Bundled = match serde_json::from_str(bundled) {
        Ok(x) => x,
        Err(e) => {
            post(&Reply::Failed {
                message: format!("the bundled corpus could not be read: {e}"),
            });
            return;
        }
    };
    // The app shows the bundled corpus as it read it: the first answer
    // sends what differs from that.
    STATE.with(|s| s.borrow_mut().shown = crate::Shown::new(&bundled.articles));
    let mut library = Library::new(bundled.articles);
    library.set_bundled_corrections(bundled.corrections);
    let mut error = None;
    match open().await {
        Ok(db) => {
            match read_corrections(&db).await {
                Ok(list) => library.set_corrections(list),
                Err(e) => error = Some(format!("stored corrections could not be read: {e}")),
            }
            match read_all(&db).await {
                Ok((articles, skipped)) => {
                    library.set_imported(articles);
                    if skipped > 0 {
                        error = Some(format!(
                            "{skipped} stored article(s) could not be read back and were left out"
                        ));
                    }
                }
                Err(e) => error = Some(format!("stored articles could not be read: {e}")),
            }
            STATE.with(|s| s.borrow_mut().db = Some(Rc::new(db)));
        }
        Err(e) => {
            error = Some(format!(
                "browser storage is not available ({e}): imports will last only until the page is closed"
            ))
        }
    }
    STATE.with(|s| s.borrow_mut().library = Some(library));
    reply_library(None, error).await;
}

async fn open() -> Result<Database, String> {
    // Version 2 added the corrections; a version 1 database keeps its
    // articles and gains the store.
    Database::builder(DB)
        .version(2)
        .add_object_store(ObjectStore::builder(STORE).key_path(Some(KeyPath::new_single("id"))))
        .add_object_store(
            ObjectStore::builder(CORRECTIONS).key_path(Some(KeyPath::new_single("id"))),
        )
        .build()
        .await
        .map_err(|e| e.to_string())
}

/// Every stored article; a record that does not parse or fails the bundle's
/// checks is counted and left out rather than shown broken.
async fn read_all(db: &Database) -> Result<(Vec<Article>, usize), String> {
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .map_err(|e| e.to_string())?;
    let store = tx.object_store(STORE).map_err(|e| e.to_string())?;
    let values = store
        .get_all(None, None)
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    let mut articles = Vec::new();
    let mut skipped = 0;
    for v in values {
        let json = Reflect::get(&v, &"json".into())
            .ok()
            .and_then(|j| j.as_string());
        // Records come back in id order; `added` puts them back in the order
        // they were imported (records stored before it existed go first).
        let added = Reflect::get(&v, &"added".into())
            .ok()
            .and_then(|n| n.as_f64())
            .unwrap_or(0.0);
        match json.and_then(|j| serde_json::from_str::<Article>(&j).ok()) {
            Some(a) if bundle::check_article(&a).is_ok() => articles.push((added, a)),
            _ => skipped += 1,
        }
    }
    articles.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok((articles.into_iter().map(|(_, a)| a).collect(), skipped))
}

/// The user's corrections as stored (none before the first).
async fn read_corrections(db: &Database) -> Result<Vec<Correction>, String> {
    let tx = db
        .transaction(&[CORRECTIONS], TransactionMode::ReadOnly)
        .map_err(|e| e.to_string())?;
    let store = tx.object_store(CORRECTIONS).map_err(|e| e.to_string())?;
    let value = store
        .get(JsValue::from_str(LIST))
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    let Some(v) = value else {
        return Ok(Vec::new());
    };
    let json = Reflect::get(&v, &"json".into())
        .ok()
        .and_then(|j| j.as_string())
        .ok_or("the stored list is not text")?;
    corrections::from_json(&json)
}

/// Runs one read-write transaction on the articles' store. `Ok(true)` when it committed,
/// `Ok(false)` when there is no storage (the change is kept in memory only),
/// `Err` when the browser refused it — then nothing of it was written.
async fn write(f: impl FnOnce(&ObjectStore) -> Result<(), idb::Error>) -> Result<bool, String> {
    write_in(STORE, f).await
}

/// [`write`] on the named store.
async fn write_in(
    name: &str,
    f: impl FnOnce(&ObjectStore) -> Result<(), idb::Error>,
) -> Result<bool, String> {
    let Some(db) = db() else { return Ok(false) };
    let tx = db
        .transaction(&[name], TransactionMode::ReadWrite)
        .map_err(|e| e.to_string())?;
    let store = tx.object_store(name).map_err(|e| e.to_string())?;
    if let Err(e) = f(&store) {
        let _ = tx.abort();
        return Err(e.to_string());
    }
    match tx.commit().map_err(|e| e.to_string())?.await {
        Ok(TransactionResult::Committed) => Ok(true),
        Ok(TransactionResult::Aborted) => Err("the browser aborted the write".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// Applies a change to the library once storage has taken it (or when there is
/// no storage), then sends the library back.
async fn change(stored: Result<bool, String>, f: impl FnOnce(&mut Library)) {
    match stored {
        Ok(_) => {
            with_library(f);
            reply_library(None, None).await;
        }
        Err(e) => reply_library(None, Some(refused(&e).await)).await,
    }
}

/// The message for a refused write, with the storage figures when the browser
/// gives them, because a full quota is the usual cause.
async fn refused(e: &str) -> String {
    let figures = match estimate().await {
        Some(s) if s.quota > 0.0 => format!(
            " Storage: {:.1} MB used of {:.1} MB.",
            s.usage / 1e6,
            s.quota / 1e6
        ),
        _ => String::new(),
    };
    format!(
        "The browser refused to store this ({e}); the storage may be full. Nothing was changed: \
         everything stored before is kept.{figures}"
    )
}

async fn import(files: Vec<Incoming<'static>>) {
    // No await while the library is borrowed: reading the batch is synchronous.
    let read = STATE.with(|s| {
        s.borrow().library.as_ref().map(|library| {
            library.read_batch(files, |done, total, file| {
                post(&Reply::Progress {
                    done,
                    total,
                    file: file.to_string(),
                })
            })
        })
    });
    let Some((fresh, mut report, found)) = read else {
        post(&Reply::Failed {
            message: "the import worker is not ready yet".into(),
        });
        return;
    };
    if !found.is_empty() {
        let list = with_library(|lib| {
            let mut list = lib.corrections().to_vec();
            corrections::extend(&mut list, found);
            list
        });
        let stored = store_corrections(list.as_deref().unwrap_or_default()).await;
        match (stored, list) {
            (Ok(_), Some(list)) => {
                with_library(|lib| lib.set_corrections(list));
            }
            (Err(e), _) => {
                report.corrections = 0;
                report.added.clear();
                reply_library(Some(report), Some(refused(&e).await)).await;
                return;
            }
            _ => {}
        }
    }
    if fresh.is_empty() {
        reply_library(Some(report), None).await;
        return;
    }
    // When each was imported, in microseconds, one apart within a batch.
    let now = js_sys::Date::now() * 1000.0;
    let records: Result<Vec<JsValue>, String> = fresh
        .iter()
        .enumerate()
        .map(|(i, a)| record(a, now + i as f64))
        .collect();
    let stored = match records {
        Ok(records) => {
            write(|store| {
                for r in &records {
                    store.put(r, None)?;
                }
                Ok(())
            })
            .await
        }
        Err(e) => Err(e),
    };
    match stored {
        Ok(_) => {
            with_library(|lib| lib.add(fresh));
            reply_library(Some(report), None).await;
        }
        Err(e) => {
            report.added.clear();
            reply_library(Some(report), Some(refused(&e).await)).await;
        }
    }
}

/// An article's storage record, with when it was imported (`added`).
fn record(article: &Article, added: f64) -> Result<JsValue, String> {
    let json = serde_json::to_string(article).map_err(|e| e.to_string())?;
    let r = record_of(&article.id, &json).map_err(|e| e.to_string())?;
    Reflect::set(&r, &"added".into(), &JsValue::from_f64(added))
        .map_err(|_| "a storage record could not be built".to_string())?;
    Ok(r)
}

/// A `{id, json}` storage record.
fn record_of(id: &str, json: &str) -> Result<JsValue, idb::Error> {
    let obj = Object::new();
    let set = |k: &str, v: &str| Reflect::set(&obj, &k.into(), &JsValue::from_str(v));
    match set("id", id).and_then(|_| set("json", json)) {
        Ok(_) => Ok(obj.into()),
        Err(e) => Err(idb::Error::UnexpectedJsType("a storage record", e)),
    }
}

async fn reply_library(report: Option<Report>, error: Option<String>) {
    let Some(((extraction, outcomes), imported, made)) = with_library(|lib| {
        (
            lib.corrected(),
            lib.imported_ids(),
            lib.corrections().to_vec(),
        )
    }) else {
        return;
    };
    let corrections = made
        .iter()
        .zip(&outcomes)
        .map(|(c, o)| Listed {
            text: c.describe_in(&extraction.articles),
            outcome: o.describe(),
            missing: matches!(o, Outcome::Missing(_)),
        })
        .collect();
    let storage = estimate().await;
    let (mut change, entities) = STATE.with(|s| {
        let shown = &mut s.borrow_mut().shown;
        let change = shown.change_to(extraction);
        let entities = Extraction {
            articles: Vec::new(),
            entities: shown.extraction().entities.clone(),
        };
        (change, entities)
    });
    for part in change.parts() {
        post(&part);
    }
    let entities = serde_json::to_string(&entities).expect("entities always serialise");
    post(&Reply::Library {
        order: change.order,
        entities,
        imported,
        report,
        storage,
        error,
        corrections,
    });
}

async fn estimate() -> Option<Storage> {
    let promise = scope().navigator().storage().estimate().ok()?;
    let v = JsFuture::from(promise).await.ok()?;
    let get = |k: &str| Reflect::get(&v, &k.into()).ok().and_then(|x| x.as_f64());
    Some(Storage {
        usage: get("usage")?,
        quota: get("quota")?,
    })
}

async fn export(what: ExportKind) {
    // The library as last answered (every change answers), not merged again.
    let extraction = STATE.with(|s| s.borrow().shown.extraction().clone());
    let Some((fixes, made)) =
        with_library(|lib| (lib.all_corrections(), lib.corrections().to_vec()))
    else {
        post(&Reply::Failed {
            message: "the import worker is not ready yet".into(),
        });
        return;
    };
    let reply = match what {
        ExportKind::Bundle => download(
            "folio-library.json",
            "application/json",
            bundle::to_json_corrected(&extraction, &fixes),
        ),
        ExportKind::EntitiesCsv => download(
            "folio-entities.csv",
            "text/csv",
            bundle::entities_csv(&extraction),
        ),
        ExportKind::Corrections => download(
            "folio-corrections.json",
            "application/json",
            corrections::to_json(&made),
        ),
        ExportKind::QuotesCsv => download(
            "folio-quotes.csv",
            "text/csv",
            bundle::quotes_csv(&extraction),
        ),
        ExportKind::OneFile {
            css_url,
            js_url,
            wasm_url,
            places_tsv,
            outline_url,
        } => match one_file(
            &extraction,
            &fixes,
            &css_url,
            &js_url,
            &wasm_url,
            places_tsv,
            outline_url,
        )
        .await
        {
            Ok(html) => download("folio.html", "text/html", html),
            Err(message) => Reply::Failed { message },
        },
    };
    post(&reply);
}

fn download(name: &str, mime: &str, text: String) -> Reply {
    Reply::Download {
        name: name.into(),
        mime: mime.into(),
        text,
    }
}

/// The views module's glue and wasm, relative to the worker.
const VIEWS_JS: &str = "./folio-views.js";
const VIEWS_WASM: &str = "./folio-views_bg.wasm";

async fn one_file(
    extraction: &Extraction,
    fixes: &[Correction],
    css_url: &str,
    js_url: &str,
    wasm_url: &str,
    places_tsv: Option<String>,
    outline_url: Option<String>,
) -> Result<String, String> {
    let css = fetch_text(css_url).await?;
    let glue = fetch_text(js_url).await?;
    let wasm = fetch_bytes(wasm_url).await?;
    let outline = match outline_url {
        Some(u) => fetch_text(&u).await.ok(),
        None => None,
    };
    // The views module sits beside the worker (Trunk writes both into the
    // site's folder); without it the copy's map and claims could not open.
    let views_glue = fetch_text(VIEWS_JS).await?;
    let views_wasm = fetch_bytes(VIEWS_WASM).await?;
    let corpus = bundle::to_json_corrected(extraction, fixes);
    let title = format!("Folio — {} articles", extraction.articles.len());
    Ok(share::one_file_html(&share::Parts {
        title: &title,
        css: &css,
        glue_js: &glue,
        wasm: &wasm,
        corpus_json: Some(&corpus),
        places_tsv: places_tsv.as_deref(),
        outline_svg: outline.as_deref(),
        views: Some(share::Views {
            glue_js: &views_glue,
            wasm: &views_wasm,
        }),
    }))
}

async fn fetch_response(url: &str) -> Result<web_sys::Response, String> {
    let failed = || format!("{url} could not be fetched");
    let r: web_sys::Response = JsFuture::from(scope().fetch_with_str(url))
        .await
        .map_err(|_| failed())?
        .unchecked_into();
    if r.ok() {
        Ok(r)
    } else {
        Err(failed())
    }
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let r = fetch_response(url).await?;
    let text = JsFuture::from(r.text().map_err(|_| url.to_string())?)
        .await
        .map_err(|_| format!("{url} could not be read"))?;
    text.as_string().ok_or_else(|| format!("{url} is not text"))
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let r = fetch_response(url).await?;
    let buf = JsFuture::from(r.array_buffer().map_err(|_| url.to_string())?)
        .await
        .map_err(|_| format!("{url} could not be read"))?;
    Ok(Uint8Array::new(&buf).to_vec())
}
