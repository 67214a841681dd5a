//! Bring your own articles: pick files or a folder, drop or paste anywhere; see
//! the import's progress and what it did; download the library.

use folio_core::import::protocol::ExportKind;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, HtmlInputElement};

use crate::state::format::plural;
use crate::state::library::LibraryCtx;

/// Files the picker offers (any file can still be dropped; content decides).
const ACCEPT: &str =
    ".txt,.md,.markdown,.html,.htm,.json,.jsonl,text/plain,text/html,text/markdown,application/json";

/// The files of a file input, which is then cleared so the same file can be
/// picked again.
fn take_files(input: &HtmlInputElement) -> Vec<File> {
    let files = input.files().map_or_else(Vec::new, |list| {
        (0..list.length()).filter_map(|i| list.get(i)).collect()
    });
    input.set_value("");
    files
}

/// The import and export panel of the library.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let lib = LibraryCtx::expect();
    if lib.one_file {
        return view! {
            <section class="import-panel" aria-label="Import">
                <p class="muted">
                    "This is a one-file copy of a Folio library: every view works offline. "
                    "To add your own articles, open Folio itself."
                </p>
            </section>
        }
        .into_any();
    }
    let on_pick = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        lib.import_files(take_files(&input));
    };
    let progress = move || {
        lib.progress.get().map(|p| {
            let label = if p.file.is_empty() {
                format!("Reading {} …", plural(p.total, "file", "files"))
            } else {
                format!("{} of {}: {}", p.done + 1, p.total, p.file)
            };
            view! {
                <div class="import-progress" role="status" aria-live="polite">
                    <progress max=p.total.max(1) value=p.done></progress>
                    <span class="import-file">{label}</span>
                    <button type="button" class="button" on:click=move |_| lib.cancel()>
                        "Cancel"
                    </button>
                </div>
            }
        })
    };
    let report = move || {
        lib.report.get().map(|r| {
            let added = if r.added.is_empty() {
                "No article added.".to_string()
            } else {
                format!("Added {}.", plural(r.added.len(), "article", "articles"))
            };
            let added = match r.corrections {
                0 => added,
                n => format!("{added} {} by hand added.", plural(n, "correction", "corrections")),
            };
            let skipped = r
                .skipped
                .iter()
                .map(|s| view! { <li><strong>{s.file.clone()}</strong>": " {s.reason.clone()}</li> })
                .collect_view();
            let converted = (!r.converted.is_empty()).then(|| {
                view! { <p class="muted">"Converted to UTF-8: " {r.converted.join(", ")}</p> }
            });
            let n_skipped = r.skipped.len();
            view! {
                <div class="import-report" role="status">
                    <p>
                        <strong>{added}</strong>
                        {(n_skipped > 0).then(|| format!(" {} skipped:", plural(n_skipped, "file", "files")))}
                    </p>
                    {(n_skipped > 0).then(|| view! { <ul class="skipped">{skipped}</ul> })}
                    {converted}
                </div>
            }
        })
    };
    let error = move || {
        lib.error
            .get()
            .map(|e| view! { <p class="import-error" role="alert">{e}</p> })
    };
    let storage = move || {
        lib.storage.get().filter(|s| s.quota > 0.0).map(|s| {
            format!(
                "Browser storage: {} MB used of {} MB available.",
                folio_core::explore::format_fixed(s.usage / 1e6, 1),
                (s.quota / 1e6) as u64
            )
        })
    };
    // Leptos knows no `webkitdirectory` attribute (a browser extension, in every
    // engine): set it on the element once mounted.
    let folder_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = folder_input.get() {
            let _ = el.set_attribute("webkitdirectory", "");
        }
    });
    let confirming = RwSignal::new(false);
    let n_imported = move || lib.imported.with(Vec::len);
    let clear = move || {
        (n_imported() > 0).then(|| {
            view! {
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button type="button" class="button danger" on:click=move |_| confirming.set(true)>
                            "Delete all imported…"
                        </button>
                    }
                >
                    <span class="confirm" role="group" aria-label="Confirm deletion">
                        {move || format!("Delete {} from this browser?", plural(n_imported(), "imported article", "imported articles"))}
                        " "
                        <button type="button" class="button danger" on:click=move |_| {
                            confirming.set(false);
                            lib.clear();
                        }>"Yes, delete"</button>
                        <button type="button" class="button" on:click=move |_| confirming.set(false)>"Keep them"</button>
                    </span>
                </Show>
            }
        })
    };
    let corpus = crate::state::corpus::CorpusCtx::expect();
    let one_file = move |_| {
        let names = corpus.with(place_names);
        lib.busy.set(true);
        leptos::task::spawn_local(async move {
            let places = crate::pages::map::places_for_share(names).await;
            lib.export(one_file_request(places));
        });
    };
    view! {
        <section class="import-panel" aria-labelledby="import-title">
            <h2 id="import-title">"Add your articles"</h2>
            <p class="muted">
                "Saved web pages (.html), text or Markdown files, a Folio library (.json) or JSON lines (.jsonl). "
                "Drop files anywhere, paste text or a page with Ctrl+V, or choose:"
            </p>
            <div class="import-actions">
                <label class="button primary">
                    "Choose files…"
                    <input class="visually-hidden" type="file" multiple accept=ACCEPT
                        data-testid="import-files" on:change=on_pick disabled=move || lib.busy.get()/>
                </label>
                <label class="button">
                    "Choose a folder…"
                    <input class="visually-hidden" type="file" multiple node_ref=folder_input
                        data-testid="import-folder" on:change=on_pick disabled=move || lib.busy.get()/>
                </label>
            </div>
            {progress}
            {error}
            {report}
            <div class="export-actions" role="group" aria-label="Download">
                <span class="muted">"Download: "</span>
                <button type="button" class="button" disabled=move || lib.busy.get()
                    on:click=move |_| lib.export(ExportKind::Bundle)>"Library (JSON)"</button>
                <button type="button" class="button" disabled=move || lib.busy.get()
                    on:click=move |_| lib.export(ExportKind::EntitiesCsv)>"Entities (CSV)"</button>
                <button type="button" class="button" disabled=move || lib.busy.get()
                    on:click=move |_| lib.export(ExportKind::QuotesCsv)>"Quotes (CSV)"</button>
                <button type="button" class="button" disabled=move || lib.busy.get()
                    on:click=one_file>"As one HTML file"</button>
                {clear}
            </div>
            <p class="muted small">{storage}</p>
            <p class="small"><a href="#/corrections">{move || format!("Corrections by hand ({})", lib.corrections.with(Vec::len))}</a></p>
        </section>
    }
    .into_any()
}

/// Where the running app's files are: Trunk's `<link>`s to them in `<head>`.
fn one_file_request(places_tsv: Option<String>) -> ExportKind {
    let href = |selector: &str| -> String {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| js_sys::Reflect::get(&e, &"href".into()).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let absolute = |path: &str| -> String {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .and_then(|base| web_sys::Url::new_with_base(path, &base).ok())
            .map_or_else(|| path.to_string(), |u| u.href())
    };
    ExportKind::OneFile {
        css_url: href("link[rel=stylesheet]"),
        js_url: href("link[rel=modulepreload]"),
        wasm_url: href("link[rel=preload][type='application/wasm']"),
        places_tsv,
        outline_url: Some(absolute(crate::pages::map::OUTLINE_URL)),
    }
}

/// Every name and alias of the corpus' places, for the map rows a copy needs.
fn place_names(c: &folio_core::Corpus) -> Vec<String> {
    folio_core::geo::place_names(&c.entities)
        .map(String::from)
        .collect()
}

/// The `<input>` an event came from.
fn event_target(ev: &leptos::ev::Event) -> HtmlInputElement {
    ev.target()
        .expect("a change event has a target")
        .unchecked_into()
}
