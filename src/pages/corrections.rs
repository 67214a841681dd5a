//! `#/corrections`: every correction by hand made in this browser, in the
//! order made, each with what it did now (one whose target is no longer in
//! the library says so), undoable one by one, and downloadable as the file
//! `folio build --corrections` and `folio bundle --corrections` read.

use folio_core::import::protocol::ExportKind;
use leptos::prelude::*;

use crate::state::format::plural;
use crate::state::library::LibraryCtx;

/// The list of corrections.
#[component]
pub fn CorrectionsPage() -> impl IntoView {
    let lib = LibraryCtx::expect();
    let list = move || {
        lib.corrections
            .get()
            .into_iter()
            .enumerate()
            .map(|(at, c)| {
                let text = c.text.clone();
                view! {
                    <li class=if c.missing { "missing" } else { "" }>
                        <span>
                            <span class="correction-text">{c.text}</span>
                            <span class="muted small outcome">" — " {c.outcome}</span>
                        </span>
                        <button type="button" class="button small" aria-label=format!("Undo: {text}")
                            disabled=move || lib.busy.get() on:click=move |_| lib.uncorrect(at)>
                            "Undo"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="corrections-page" aria-labelledby="corrections-title">
            <div class="page-head">
                <h1 id="corrections-title">"Corrections"</h1>
                <p class="muted" role="status">
                    {move || {
                        let (n, missing) = lib
                            .corrections
                            .with(|c| (c.len(), c.iter().filter(|c| c.missing).count()));
                        let mut s = plural(n, "correction", "corrections");
                        if missing > 0 {
                            s.push_str(&format!(", {missing} of them with nothing to apply to now"));
                        }
                        s
                    }}
                </p>
            </div>
            {move || (!lib.can_correct()).then(|| view! {
                <p class="muted">
                    "This copy shows the corrections it was made with; it cannot change them. Import its library into Folio to correct it further."
                </p>
            })}
            {move || lib.error.get().map(|e| view! { <p class="form-problem" role="alert">{e}</p> })}
            <p class="muted small">
                "Correct an entity from its page (“Correct this entity”) and a quote's speaker from the quotes view. "
                "Corrections are kept apart from what was extracted and applied after every import, so re-importing the same files keeps them; "
                "an exported library and a one-file copy carry them."
            </p>
            <Show
                when=move || lib.corrections.with(|c| !c.is_empty())
                fallback=|| view! { <p class="empty">"No corrections yet."</p> }
            >
                <ul class="corrections-list">{list}</ul>
                <p>
                    <button type="button" class="button" on:click=move |_| lib.export(ExportKind::Corrections)>
                        "Download corrections"
                    </button>
                    <span class="muted small">" — for " <code>"folio build --corrections FILE"</code> " and " <code>"folio bundle --corrections FILE"</code></span>
                </p>
            </Show>
        </section>
    }
}
