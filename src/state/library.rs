//! The library's imported part: the import worker, its progress and reports,
//! and the downloads it builds.
//!
//! The worker (`crates/worker`, its own wasm with the HTML stack and IndexedDB)
//! is started only when needed: at the first import or export, or at start when
//! this browser has imported articles stored. It answers every change with
//! what changed (articles gone, articles new or changed, in parts, then the
//! merged entities), which the corpus here takes by difference, so the views
//! always show what is stored without the page re-reading the whole library.

use folio_core::corrections::Correction;
use folio_core::import::protocol::{
    ExportKind, Listed, Pasted, Reply, Report, Request, Skipped, Storage,
};
use js_sys::{Array, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, MessageEvent, Worker};

use std::sync::Arc;

use crate::state::corpus::{
    bundled_text, forget_shown_text, parse_extraction, set_shown_text, CorpusCtx, Load,
};

/// The worker's loader, written by Trunk beside the app (`data-loader-shim`).
const WORKER_URL: &str = "./folio-worker_loader.js";
/// How many imported articles and corrections by hand this browser holds,
/// kept so that a reload knows whether to start the worker at once (the
/// worker applies the corrections, to the bundled articles too).
const STORED_KEY: &str = "folio.imported";

/// An import in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Files finished.
    pub done: usize,
    /// Files in the batch.
    pub total: usize,
    /// The file being read.
    pub file: String,
}

/// What the import state is now.
#[derive(Clone, Copy)]
pub struct LibraryCtx {
    /// Ids of imported articles (the ones that can be deleted).
    pub imported: RwSignal<Vec<String>>,
    /// The running import, if any.
    pub progress: RwSignal<Option<Progress>>,
    /// Whether a request is with the worker (buttons wait).
    pub busy: RwSignal<bool>,
    /// What the last import did.
    pub report: RwSignal<Option<Report>>,
    /// A failure to show (storage refused, worker failed).
    pub error: RwSignal<Option<String>>,
    /// The browser's storage estimate.
    pub storage: RwSignal<Option<Storage>>,
    /// The user's corrections by hand, in the order made, with what each did.
    pub corrections: RwSignal<Vec<Listed>>,
    /// Counts the whole-library JSON answers ([`LibraryCtx::ask_corpus_json`]):
    /// the views that read the corpus as JSON wait on it.
    pub corpus_json: RwSignal<u64>,
    /// Whether this page has no import worker: a one-file copy, or a
    /// sharded site (no import, no corrections).
    pub one_file: bool,
    /// The corpus the worker's answers replace (kept here: the worker's
    /// callbacks run outside any component, where context cannot be looked up).
    corpus: CorpusCtx,
    worker: StoredValue<Option<Worker>, LocalStorage>,
    /// Requests waiting for the worker's first answer.
    pending: StoredValue<Vec<(Request, Array)>, LocalStorage>,
    ready: RwSignal<bool>,
}

impl LibraryCtx {
    /// Provides the import state; starts the worker at once when this browser
    /// has imported articles stored.
    pub fn provide(one_file: bool) -> LibraryCtx {
        let corpus = CorpusCtx::expect();
        let ctx = LibraryCtx {
            corpus,
            imported: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
            busy: RwSignal::new(false),
            report: RwSignal::new(None),
            error: RwSignal::new(None),
            storage: RwSignal::new(None),
            corrections: RwSignal::new(Vec::new()),
            corpus_json: RwSignal::new(0),
            one_file,
            worker: StoredValue::new_local(None),
            pending: StoredValue::new_local(Vec::new()),
            ready: RwSignal::new(false),
        };
        provide_context(ctx);
        // The worker merges imports with the bundled corpus, so it starts once
        // that is read: at once when this browser has imported articles stored,
        // or for requests made while the corpus was still loading.
        Effect::new(move |_| {
            let ready = corpus.1.get() == Load::Ready;
            let wanted = stored_count() > 0 || ctx.pending.with_value(|p| !p.is_empty());
            if ready && !one_file && wanted {
                ctx.ensure_worker();
            }
        });
        ctx
    }

    /// The state provided by an ancestor.
    pub fn expect() -> LibraryCtx {
        expect_context::<LibraryCtx>()
    }

    /// Whether an article was imported (and so can be deleted).
    pub fn is_imported(&self, id: &str) -> bool {
        self.imported.with(|ids| ids.iter().any(|i| i == id))
    }

    /// Imports files (from the picker, a drop or a folder).
    pub fn import_files(&self, files: Vec<File>) {
        if files.is_empty() {
            return;
        }
        self.report.set(None);
        self.error.set(None);
        self.progress.set(Some(Progress {
            done: 0,
            total: files.len(),
            file: String::new(),
        }));
        let array = Array::new();
        for f in files {
            array.push(&f);
        }
        self.send(Request::Import { pasted: Vec::new() }, array);
    }

    /// Imports pasted text; `html` when the clipboard held a page's markup.
    pub fn import_pasted(&self, text: String, html: bool) {
        if text.trim().is_empty() {
            self.error.set(Some(
                "Nothing to import: the clipboard holds no text.".into(),
            ));
            return;
        }
        let stamp = js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default()
            .replace(':', "-");
        let name = format!(
            "pasted-{}.{}",
            &stamp[..stamp.len().min(19)],
            if html { "html" } else { "txt" }
        );
        self.report.set(None);
        self.error.set(None);
        self.progress.set(Some(Progress {
            done: 0,
            total: 1,
            file: name.clone(),
        }));
        self.send(
            Request::Import {
                pasted: vec![Pasted { name, text }],
            },
            Array::new(),
        );
    }

    /// Deletes one imported article.
    pub fn delete(&self, id: String) {
        self.send(Request::Delete { id }, Array::new());
    }

    /// Deletes every imported article.
    pub fn clear(&self) {
        self.send(Request::Clear, Array::new());
    }

    /// Adds a correction by hand; the worker applies it and answers with the
    /// corrected library.
    pub fn correct(&self, correction: Correction) {
        self.error.set(None);
        self.send(Request::Correct { correction }, Array::new());
    }

    /// Takes back the correction at this place in [`LibraryCtx::corrections`].
    pub fn uncorrect(&self, at: usize) {
        self.send(Request::Uncorrect { at }, Array::new());
    }

    /// Whether the library is the worker's: then the views that read the
    /// corpus as JSON ask the worker for it ([`LibraryCtx::ask_corpus_json`]).
    pub fn has_worker(&self) -> bool {
        self.worker.with_value(Option::is_some)
    }

    /// Asks the worker for the whole library as JSON; the answer is kept as
    /// the shown corpus's text and [`LibraryCtx::corpus_json`] counts it.
    pub fn ask_corpus_json(&self) {
        self.send(Request::Corpus, Array::new());
    }

    /// Whether corrections can be made here: not in a one-file copy, nor on
    /// a sharded site (both have no import worker to apply them).
    pub fn can_correct(&self) -> bool {
        !self.one_file
    }

    /// Asks the worker for a download.
    pub fn export(&self, what: ExportKind) {
        self.error.set(None);
        self.send(Request::Export { what }, Array::new());
    }

    /// Stops the running import: the worker is ended mid-batch, so nothing of
    /// the batch is stored (it writes a batch in one transaction, at the end),
    /// and what was stored before stays.
    pub fn cancel(&self) {
        if let Some(w) = self.worker.get_value() {
            w.terminate();
        }
        self.worker.set_value(None);
        self.ready.set(false);
        self.pending.set_value(Vec::new());
        self.progress.set(None);
        self.busy.set(false);
        self.error.set(Some(
            "Import cancelled: nothing from that batch was added.".into(),
        ));
    }

    fn send(&self, request: Request, files: Array) {
        self.busy.set(true);
        if !self.ensure_worker() || !self.ready.get_untracked() {
            self.pending.update_value(|p| p.push((request, files)));
            return;
        }
        self.post(&request, &files);
    }

    fn post(&self, request: &Request, files: &Array) {
        let Some(worker) = self.worker.get_value() else {
            return;
        };
        let msg = Object::new();
        let json = encode_request(request);
        let _ = Reflect::set(&msg, &"json".into(), &json.into());
        let _ = Reflect::set(&msg, &"files".into(), files);
        if worker.post_message(&msg).is_err() {
            self.fail("The import worker could not be reached.".into());
        }
    }

    /// Starts the worker if it is not running; returns whether it was running.
    fn ensure_worker(&self) -> bool {
        if self.worker.with_value(Option::is_some) {
            return true;
        }
        if bundled_text().is_none() {
            return false;
        }
        let worker = match Worker::new(WORKER_URL) {
            Ok(w) => w,
            Err(_) => {
                self.fail("The import worker could not be started.".into());
                return false;
            }
        };
        let ctx = *self;
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            match e.data().as_string().as_deref().and_then(decode_reply) {
                Some(reply) => ctx.receive(reply),
                None => ctx.fail("The import worker sent something unreadable.".into()),
            }
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        onmessage.forget();
        let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            ctx.fail("The import worker failed to load (are you offline on a first visit?).".into())
        });
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        onerror.forget();
        self.worker.set_value(Some(worker));
        // Init goes when the worker says it listens (`Reply::Ready`).
        false
    }

    fn fail(&self, message: String) {
        self.error.set(Some(message));
        self.progress.set(None);
        self.busy.set(false);
    }

    fn receive(&self, reply: Reply) {
        match reply {
            Reply::Ready => {
                if let Some(bundled) = bundled_text() {
                    self.post(
                        &Request::Init {
                            bundled: bundled.to_string(),
                        },
                        &Array::new(),
                    );
                }
            }
            Reply::Progress { done, total, file } => {
                self.progress.set(Some(Progress { done, total, file }))
            }
            Reply::Articles { removed, articles } => {
                // Taken without a redraw: the views draw once, when the
                // change is complete (`Reply::Library`).
                let Some(x) = parse_extraction(&articles, "the library's articles") else {
                    return self
                        .fail("The import worker sent articles that could not be read.".into());
                };
                let articles = x.articles;
                self.corpus
                    .0
                    .update_untracked(|c| Arc::make_mut(c).change_articles(&removed, articles));
            }
            Reply::Library {
                order,
                entities,
                imported,
                report,
                storage,
                error,
                corrections,
            } => {
                set_stored_count(imported.len() + corrections.len());
                self.corrections.set(corrections);
                match parse_extraction(&entities, "the library's entities").map(|x| x.entities) {
                    Some(entities) => {
                        forget_shown_text();
                        self.corpus
                            .0
                            .update(|c| Arc::make_mut(c).finish_change(&order, entities));
                    }
                    None => self.error.set(Some(
                        "The import worker sent entities that could not be read.".into(),
                    )),
                }
                self.imported.set(imported);
                self.storage.set(storage);
                if report.is_some() {
                    self.report.set(report);
                    self.progress.set(None);
                }
                if error.is_some() {
                    self.error.set(error);
                    self.progress.set(None);
                }
                self.after_reply();
            }
            Reply::Corpus { json } => {
                set_shown_text(json.into());
                self.corpus_json.update(|n| *n += 1);
                self.after_reply();
            }
            Reply::Download { name, mime, text } => {
                if let Err(e) = save(&name, &mime, &text) {
                    self.error.set(Some(e));
                }
                self.after_reply();
            }
            Reply::Failed { message } => {
                self.fail(message);
                self.after_reply();
            }
        }
    }

    /// The first answer (to init) releases requests made while the worker loaded.
    fn after_reply(&self) {
        if !self.ready.get_untracked() {
            self.ready.set(true);
            let pending = self
                .pending
                .try_update_value(std::mem::take)
                .unwrap_or_default();
            if !pending.is_empty() {
                for (request, files) in &pending {
                    self.post(request, files);
                }
                return;
            }
        }
        self.busy.set(false);
    }
}

/// A request as serde's JSON of [`Request`] (externally tagged), built with the
/// browser's `JSON.stringify` for the reason [`decode_reply`] gives; the worker
/// reads it with serde, and a test there checks the two shapes agree.
pub fn encode_request(request: &Request) -> String {
    let s = |v: &str| JsValue::from_str(v);
    let opt = |v: &Option<String>| v.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    let value = match request {
        Request::Init { bundled } => obj(&[("init", obj(&[("bundled", s(bundled))]))]),
        Request::Import { pasted } => {
            let list = Array::new();
            for p in pasted {
                list.push(&obj(&[("name", s(&p.name)), ("text", s(&p.text))]));
            }
            obj(&[("import", obj(&[("pasted", list.into())]))])
        }
        Request::Delete { id } => obj(&[("delete", obj(&[("id", s(id))]))]),
        Request::Clear => s("clear"),
        Request::Corpus => s("corpus"),
        Request::Correct { correction } => obj(&[(
            "correct",
            obj(&[("correction", correction_value(correction))]),
        )]),
        Request::Uncorrect { at } => {
            obj(&[("uncorrect", obj(&[("at", JsValue::from_f64(*at as f64))]))])
        }
        Request::Export { what } => {
            let what = match what {
                ExportKind::Bundle => s("bundle"),
                ExportKind::EntitiesCsv => s("entities_csv"),
                ExportKind::QuotesCsv => s("quotes_csv"),
                ExportKind::Corrections => s("corrections"),
                ExportKind::OneFile {
                    css_url,
                    js_url,
                    wasm_url,
                    places_tsv,
                    outline_url,
                } => obj(&[(
                    "one_file",
                    obj(&[
                        ("css_url", s(css_url)),
                        ("js_url", s(js_url)),
                        ("wasm_url", s(wasm_url)),
                        ("places_tsv", opt(places_tsv)),
                        ("outline_url", opt(outline_url)),
                    ]),
                )]),
            };
            obj(&[("export", obj(&[("what", what)]))])
        }
    };
    js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A JS object of these keys and values, in this order (serde's order).
fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// A correction as serde's JSON of [`Correction`] (externally tagged, see
/// [`encode_request`]).
fn correction_value(c: &Correction) -> JsValue {
    let s = |v: &str| JsValue::from_str(v);
    let (tag, fields) = match c {
        Correction::NotEntity { kind, name } => (
            "not_entity",
            vec![("kind", s(kind.as_str())), ("name", s(name))],
        ),
        Correction::Kind { kind, name, to } => (
            "kind",
            vec![
                ("kind", s(kind.as_str())),
                ("name", s(name)),
                ("to", s(to.as_str())),
            ],
        ),
        Correction::Rename { kind, name, to } => (
            "rename",
            vec![("kind", s(kind.as_str())), ("name", s(name)), ("to", s(to))],
        ),
        Correction::Merge {
            kind,
            name,
            into_kind,
            into,
        } => (
            "merge",
            vec![
                ("kind", s(kind.as_str())),
                ("name", s(name)),
                ("into_kind", s(into_kind.as_str())),
                ("into", s(into)),
            ],
        ),
        Correction::Split { kind, name, alias } => (
            "split",
            vec![
                ("kind", s(kind.as_str())),
                ("name", s(name)),
                ("alias", s(alias)),
            ],
        ),
        Correction::Speaker {
            article,
            start,
            end,
            speaker,
        } => (
            "speaker",
            vec![
                ("article", s(article)),
                ("start", JsValue::from_f64(*start as f64)),
                ("end", JsValue::from_f64(*end as f64)),
                (
                    "speaker",
                    speaker.as_deref().map_or(JsValue::NULL, JsValue::from_str),
                ),
            ],
        ),
    };
    obj(&[(tag, obj(&fields))])
}

/// Reads a worker's reply (serde's JSON of [`Reply`], externally tagged) with
/// the browser's JSON parser. Deriving `Deserialize` for it would compile a
/// second set of serde visitors into the first-load wasm (~13 kB) for a handful
/// of fields; the large part, the extraction, is itself a JSON string inside,
/// read by the app's one extraction parser.
pub fn decode_reply(json: &str) -> Option<Reply> {
    let value = js_sys::JSON::parse(json).ok()?;
    if value.as_string().as_deref() == Some("ready") {
        return Some(Reply::Ready);
    }
    let get = |v: &JsValue, k: &str| {
        Reflect::get(v, &k.into())
            .ok()
            .filter(|x| !x.is_undefined() && !x.is_null())
    };
    let string = |v: &JsValue, k: &str| get(v, k).and_then(|x| x.as_string());
    let number = |v: &JsValue, k: &str| get(v, k).and_then(|x| x.as_f64());
    let strings = |v: &JsValue, k: &str| -> Vec<String> {
        get(v, k).map_or_else(Vec::new, |a| {
            Array::from(&a)
                .iter()
                .filter_map(|x| x.as_string())
                .collect()
        })
    };
    if let Some(p) = get(&value, "progress") {
        return Some(Reply::Progress {
            done: number(&p, "done")? as usize,
            total: number(&p, "total")? as usize,
            file: string(&p, "file").unwrap_or_default(),
        });
    }
    if let Some(l) = get(&value, "library") {
        let report = get(&l, "report").map(|r| Report {
            added: strings(&r, "added"),
            skipped: get(&r, "skipped").map_or_else(Vec::new, |a| {
                Array::from(&a)
                    .iter()
                    .map(|s| Skipped {
                        file: string(&s, "file").unwrap_or_default(),
                        reason: string(&s, "reason").unwrap_or_default(),
                    })
                    .collect()
            }),
            converted: strings(&r, "converted"),
            corrections: number(&r, "corrections").unwrap_or(0.0) as usize,
        });
        let corrections = get(&l, "corrections").map_or_else(Vec::new, |a| {
            Array::from(&a)
                .iter()
                .map(|c| Listed {
                    text: string(&c, "text").unwrap_or_default(),
                    outcome: string(&c, "outcome").unwrap_or_default(),
                    missing: get(&c, "missing").and_then(|m| m.as_bool()) == Some(true),
                })
                .collect()
        });
        let storage = get(&l, "storage").and_then(|s| {
            Some(Storage {
                usage: number(&s, "usage")?,
                quota: number(&s, "quota")?,
            })
        });
        return Some(Reply::Library {
            order: strings(&l, "order"),
            entities: string(&l, "entities")?,
            imported: strings(&l, "imported"),
            report,
            storage,
            error: string(&l, "error"),
            corrections,
        });
    }
    if let Some(a) = get(&value, "articles") {
        return Some(Reply::Articles {
            removed: strings(&a, "removed"),
            articles: string(&a, "articles")?,
        });
    }
    if let Some(c) = get(&value, "corpus") {
        return Some(Reply::Corpus {
            json: string(&c, "json")?,
        });
    }
    if let Some(d) = get(&value, "download") {
        return Some(Reply::Download {
            name: string(&d, "name")?,
            mime: string(&d, "mime")?,
            text: string(&d, "text")?,
        });
    }
    let f = get(&value, "failed")?;
    Some(Reply::Failed {
        message: string(&f, "message")?,
    })
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn stored_count() -> usize {
    local_storage()
        .and_then(|s| s.get_item(STORED_KEY).ok()?)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn set_stored_count(n: usize) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(STORED_KEY, &n.to_string());
    }
}

/// Offers text as a file download.
fn save(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let failed = || format!("{name} could not be offered for download");
    let parts = Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| failed())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| failed())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(failed)?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| failed())?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
