//! A snippet rendered as text nodes and `<mark>` elements — never as HTML, so no
//! article text can become markup.

use folio_core::Snippet;
use leptos::prelude::*;

/// The passage of a hit with its matched words marked.
#[component]
pub fn SnippetView(snippet: Snippet) -> impl IntoView {
    let lead = snippet.cut_start.then_some("… ");
    let tail = snippet.cut_end.then_some(" …");
    let pieces = snippet
        .pieces()
        .into_iter()
        .map(|(text, marked)| {
            let text = text.to_string();
            if marked {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view();
    view! { <p class="snippet">{lead}{pieces}{tail}</p> }
}
