//! Navigation: the current [`Route`] as a signal, kept in step with `location.hash`.
//!
//! Links are plain `<a href="#/...">`; the browser fires `hashchange` and the signal
//! follows. Code that navigates (the search box) calls [`Nav::push`] or
//! [`Nav::replace`], which write the history and the signal together, because
//! `history.pushState` fires no event.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::route::Route;

/// The navigation context.
#[derive(Clone, Copy)]
pub struct Nav {
    /// The current route.
    pub route: ReadSignal<Route>,
    set: WriteSignal<Route>,
}

fn current() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

impl Nav {
    /// Creates the navigation signal, listens to the browser, and provides it.
    pub fn provide() -> Nav {
        let (route, set) = signal(current());
        let handle = window_event_listener(leptos::ev::hashchange, move |_| set.set(current()));
        on_cleanup(move || handle.remove());
        let nav = Nav { route, set };
        provide_context(nav);
        nav
    }

    /// The navigation provided by an ancestor.
    pub fn expect() -> Nav {
        expect_context::<Nav>()
    }

    /// Goes to `route`, adding a history entry (Back returns here).
    pub fn push(&self, route: Route) {
        self.write(route, true);
    }

    /// Goes to `route`, replacing the current history entry (for every keystroke).
    pub fn replace(&self, route: Route) {
        self.write(route, false);
    }

    fn write(&self, route: Route, push: bool) {
        let hash = route.to_hash();
        if let Ok(history) = window().history() {
            let _ = if push {
                history.push_state_with_url(&JsValue::NULL, "", Some(&hash))
            } else {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&hash))
            };
        }
        self.set.set(route);
    }
}
