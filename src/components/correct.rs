//! Corrections by hand, where the reader meets the mistake: an entity's page
//! ([`CorrectEntity`]) and each quote ([`SpeakerEdit`]). The controls only
//! build a [`Correction`] and hand it to the import worker, which applies it
//! (see `folio_core::corrections`) and answers with the corrected library.

use folio_core::corrections::{find_entity, Correction};
use folio_core::EntityKind;
use leptos::prelude::*;

use crate::components::entity_chip::kind_label;
use crate::state::corpus::CorpusCtx;
use crate::state::library::LibraryCtx;
use crate::state::nav::Nav;
use crate::state::route::Route;

const KINDS: [EntityKind; 3] = [EntityKind::Person, EntityKind::Place, EntityKind::Org];

fn kind_of(value: &str) -> EntityKind {
    KINDS
        .into_iter()
        .find(|k| k.as_str() == value)
        .unwrap_or(EntityKind::Person)
}

/// The corrections of one entity: not an entity, another kind, another name,
/// the same as another entity, and one of its names split off.
#[component]
pub fn CorrectEntity(
    /// The entity's kind.
    kind: EntityKind,
    /// The name it is shown by.
    name: String,
    /// Every name it goes by.
    aliases: Vec<String>,
) -> impl IntoView {
    let lib = LibraryCtx::expect();
    let corpus = CorpusCtx::expect();
    let nav = Nav::expect();
    let problem = RwSignal::new(None::<String>);
    let (to_kind, set_to_kind) = signal(
        KINDS
            .into_iter()
            .find(|k| *k != kind)
            .unwrap_or(EntityKind::Org)
            .as_str()
            .to_string(),
    );
    let (new_name, set_new_name) = signal(name.clone());
    let (same_as, set_same_as) = signal(String::new());
    let send = move |c: Correction, then: Option<Route>| {
        problem.set(None);
        lib.correct(c);
        if let Some(r) = then {
            nav.push(r);
        }
    };
    let n = name.clone();
    let not_entity = move |_| {
        send(
            Correction::NotEntity {
                kind,
                name: n.clone(),
            },
            Some(Route::Entities),
        )
    };
    let n = name.clone();
    let change_kind = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send(
            Correction::Kind {
                kind,
                name: n.clone(),
                to: kind_of(&to_kind.get_untracked()),
            },
            Some(Route::Entities),
        )
    };
    let n = name.clone();
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let to = new_name.get_untracked().trim().to_string();
        if to.is_empty() {
            problem.set(Some("Type the name to show.".into()));
        } else if to != n {
            send(
                Correction::Rename {
                    kind,
                    name: n.clone(),
                    to,
                },
                None,
            );
        }
    };
    let n = name.clone();
    let merge = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let into = same_as.get_untracked().trim().to_string();
        let target = corpus.with(|c| {
            find_entity(&c.entities, kind, &into).map(|i| c.entities[i].id.clone())
        });
        let own = corpus.with(|c| find_entity(&c.entities, kind, &n).map(|i| c.entities[i].id.clone()));
        match target {
            _ if into.is_empty() => problem.set(Some("Type the other entity's name.".into())),
            Some(id) if Some(&id) == own.as_ref() => {
                problem.set(Some(format!("“{into}” is this entity already.")))
            }
            Some(id) => send(
                Correction::Merge {
                    kind,
                    name: n.clone(),
                    into_kind: kind,
                    into,
                },
                Some(Route::Entity(id)),
            ),
            None => problem.set(Some(format!(
                "No {} goes by “{into}” in this library.",
                kind_label(kind).to_lowercase()
            ))),
        }
    };
    let splittable: Vec<String> = aliases.into_iter().filter(|a| *a != name).collect();
    let n = name.clone();
    let splits = splittable
        .into_iter()
        .map(|alias| {
            let (n, a) = (n.clone(), alias.clone());
            let label = format!("“{alias}” is someone else");
            view! {
                <li>
                    <span>{alias.clone()}</span>
                    <button type="button" class="button small" aria-label=format!("Split “{alias}” off: it is another entity")
                        on:click=move |_| send(Correction::Split { kind, name: n.clone(), alias: a.clone() }, None)>
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="correct">
            <summary>"Correct this entity"</summary>
            <p class="muted small">
                "Corrections are kept beside the extraction in this browser, applied after every import, and travel with exported libraries. "
                <a href="#/corrections">"All corrections"</a>
            </p>
            <div class="correct-grid">
                <div>
                    <button type="button" class="button danger" on:click=not_entity>
                        {format!("“{name}” is not an entity")}
                    </button>
                </div>
                <form on:submit=change_kind>
                    <label>
                        "It is a "
                        <select on:change=move |ev| set_to_kind.set(event_target_value(&ev)) prop:value=move || to_kind.get()>
                            {KINDS.into_iter().filter(|k| *k != kind).map(|k| view! { <option value=k.as_str()>{kind_label(k)}</option> }).collect_view()}
                        </select>
                    </label>
                    " " <button type="submit" class="button">"Change kind"</button>
                </form>
                <form on:submit=rename>
                    <label>
                        "Show as "
                        <input type="text" prop:value=move || new_name.get() on:input=move |ev| set_new_name.set(event_target_value(&ev))/>
                    </label>
                    " " <button type="submit" class="button">"Rename"</button>
                </form>
                <form on:submit=merge>
                    <label>
                        "Same as "
                        <input type="text" placeholder="another entity's name" prop:value=move || same_as.get() on:input=move |ev| set_same_as.set(event_target_value(&ev))/>
                    </label>
                    " " <button type="submit" class="button">"Merge"</button>
                </form>
            </div>
            {move || problem.get().map(|p| view! { <p class="form-problem" role="alert">{p}</p> })}
            <ul class="split-list" aria-label="Names to split off">{splits}</ul>
        </details>
    }
}

/// A quote's speaker, changed or cleared in place.
#[component]
pub fn SpeakerEdit(
    /// The quote's article.
    article: String,
    /// The quote's byte offsets.
    start: usize,
    /// See `start`.
    end: usize,
    /// The speaker now.
    speaker: Option<String>,
) -> impl IntoView {
    let lib = LibraryCtx::expect();
    let open = RwSignal::new(false);
    let (typed, set_typed) = signal(speaker.clone().unwrap_or_default());
    let article = StoredValue::new(article);
    let set = move |speaker: Option<String>| {
        lib.correct(Correction::Speaker {
            article: article.get_value(),
            start,
            end,
            speaker,
        });
        open.set(false);
    };
    let had = speaker.is_some();
    view! {
        <Show
            when=move || open.get()
            fallback=move || view! {
                <button type="button" class="button small speaker-edit" on:click=move |_| open.set(true)>
                    {if had { "Change speaker" } else { "Set speaker" }}
                </button>
            }
        >
            <form class="speaker-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let s = typed.get_untracked().trim().to_string();
                set((!s.is_empty()).then_some(s));
            }>
                <label>
                    "Said by "
                    <input type="text" list="speaker-names" prop:value=move || typed.get() on:input=move |ev| set_typed.set(event_target_value(&ev))/>
                </label>
                " " <button type="submit" class="button">"Save"</button>
                " " <button type="button" class="button" on:click=move |_| set(None)>"No speaker"</button>
                " " <button type="button" class="button small" on:click=move |_| open.set(false)>"Cancel"</button>
            </form>
        </Show>
    }
}
