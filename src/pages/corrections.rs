//! `#/corrections`: every correction by hand made in this browser, in the
//! order made, each with what it did now (one whose target is no longer in
//! the library says so), undoable one by one, and downloadable as the file
//! `folio build --corrections` and `folio bundle --corrections` read.

use folio_core::import::protocol::ExportKind;
use leptos::prelude::*;

use crate::state::library::LibraryCtx;

/// The list of corrections.
#[component]
pub fn CorrectionsPage() -> impl IntoView {
    let lib = LibraryCtx::expect();
    let body = move || {
        let list = lib.corrections.get();
        if list.is_empty() {
            let why = if lib.can_correct() {
                "No corrections yet. Correct an entity from its page (“Correct this entity”), and a quote's speaker from the quotes view (“Speaker…”)."
            } else {
                "This copy cannot make corrections (it has no import worker); the ones it was made with are applied."
            };
            return view! { <p class="empty">{why}</p> }.into_any();
        }
        let items = list
            .into_iter()
            .enumerate()
            .map(|(at, c)| {
                view! {
                    <li class:missing=c.missing>
                        <span>{c.text} <span class="muted small outcome">" — " {c.outcome}</span></span>
                        <button type="button" class="button small" on:click=move |_| lib.uncorrect(at)>"Undo"</button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="corrections-list">{items}</ul>
            <p>
                <button type="button" class="button" on:click=move |_| lib.export(ExportKind::Corrections)>"Download corrections"</button>
                " for " <code>"folio build --corrections FILE"</code>
            </p>
        }
        .into_any()
    };
    view! {
        <section class="corrections-page" aria-labelledby="corrections-title">
            <h1 id="corrections-title">"Corrections"</h1>
            <p class="muted small">
                "Kept apart from what was extracted and applied after every import, so re-importing the same files keeps them; an exported library and a one-file copy carry them."
            </p>
            {body}
        </section>
    }
}
