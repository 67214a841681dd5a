//! Small pieces shared by the views that show entities.

use folio_core::EntityKind;
use leptos::prelude::*;

use crate::state::route::Route;

/// The label of a kind, as shown to people.
pub fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Place => "Place",
        EntityKind::Org => "Organisation",
    }
}

/// The CSS class of a kind (colours are per kind, in light and dark themes).
pub fn kind_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "kind-person",
        EntityKind::Place => "kind-place",
        EntityKind::Org => "kind-org",
    }
}

/// A link to an entity's page, coloured by kind.
#[component]
pub fn EntityChip(
    id: String,
    name: String,
    kind: EntityKind,
    #[prop(optional)] count: Option<usize>,
) -> impl IntoView {
    let href = Route::Entity(id).to_hash();
    let class = format!("chip {}", kind_class(kind));
    let title = kind_label(kind);
    view! {
        <a class=class href=href title=title>
            {name}
            {count.map(|c| view! { <span class="chip-count">{c}</span> })}
        </a>
    }
}
