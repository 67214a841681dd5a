//! Any hash Folio does not know.

use leptos::prelude::*;

/// The not-found view, with a way home.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p>"This link does not lead to a Folio view. " <a href="#/">"Back to the library"</a></p>
        </section>
    }
}
