//! The search box: always in the header, results on every keystroke.
//!
//! Typing on any page opens the results (one history entry); further keystrokes
//! replace that entry, so Back leaves the search in one step. `/` or Ctrl/Cmd+K
//! focuses the box from anywhere; Esc clears it.

use leptos::html::Input;
use leptos::prelude::*;

use crate::state::nav::Nav;
use crate::state::route::Route;

/// The header's search field.
#[component]
pub fn SearchBox() -> impl IntoView {
    let nav = Nav::expect();
    let input: NodeRef<Input> = NodeRef::new();
    // The box shows the query of the search page, and keeps what was typed elsewhere.
    let value = Memo::new(move |prev: Option<&String>| match nav.route.get() {
        Route::Search(q) => q,
        _ => prev.cloned().unwrap_or_default(),
    });

    let on_input = move |ev: leptos::ev::Event| {
        let q = event_target_value(&ev);
        if matches!(nav.route.get_untracked(), Route::Search(_)) {
            nav.replace(Route::Search(q));
        } else {
            nav.push(Route::Search(q));
        }
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            if let Some(el) = input.get_untracked() {
                el.set_value("");
            }
            nav.replace(Route::Search(String::new()));
        }
    };

    let focus = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        let shortcut = (ev.key() == "/" && !typing)
            || (ev.key().eq_ignore_ascii_case("k") && (ev.ctrl_key() || ev.meta_key()));
        if shortcut {
            if let Some(el) = input.get_untracked() {
                ev.prevent_default();
                let _ = el.focus();
                el.select();
            }
        }
    });
    on_cleanup(move || focus.remove());

    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="q" class="visually-hidden">"Search articles"</label>
            <input
                id="q"
                node_ref=input
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="Search articles…  ( / )"
                prop:value=move || value.get()
                on:input=on_input
                on:keydown=on_keydown
            />
        </form>
    }
}
