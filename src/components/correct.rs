//! Corrections by hand, where the reader meets the mistake: an entity's page
//! ([`CorrectEntity`]) and the quotes view ([`SpeakerForm`]). The controls only
//! build a [`Correction`] and hand it to the import worker, which applies it
//! (see `folio_core::corrections`) and answers with the corrected library.
//! Each is one form (an action and a name), which keeps their code small in
//! the first-load wasm.

use folio_core::corrections::{find_entity, Correction};
use folio_core::EntityKind;
use leptos::prelude::*;

use crate::state::corpus::CorpusCtx;
use crate::state::library::LibraryCtx;
use crate::state::nav::Nav;
use crate::state::route::Route;

/// The actions of [`CorrectEntity`], as its `<select>` offers them.
const ACTIONS: [(&str, &str); 7] = [
    ("not", "It is not an entity"),
    ("person", "It is a person"),
    ("place", "It is a place"),
    ("org", "It is an organisation"),
    ("rename", "Show it as the name below"),
    ("merge", "It is the entity named below"),
    ("split", "The name below is someone else"),
];

/// The corrections of one entity: not an entity, another kind, another name,
/// the same as another entity, and one of its names split off.
#[component]
pub fn CorrectEntity(
    /// The entity's kind.
    kind: EntityKind,
    /// The name it is shown by.
    name: String,
) -> impl IntoView {
    let lib = LibraryCtx::expect();
    let corpus = CorpusCtx::expect();
    let nav = Nav::expect();
    let problem = RwSignal::new(None::<String>);
    let action = RwSignal::new("not".to_string());
    let typed = RwSignal::new(String::new());
    let n = name.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = n.clone();
        let other = typed.get_untracked().trim().to_string();
        let act = action.get_untracked();
        let needs_name = matches!(act.as_str(), "rename" | "merge" | "split");
        if needs_name && other.is_empty() {
            problem.set(Some("Type the name below first.".into()));
            return;
        }
        let find = |n: &str| {
            corpus.with(|c| find_entity(&c.entities, kind, n).map(|i| c.entities[i].id.clone()))
        };
        // The entity to merge into: of this kind first, else of another
        // (a name read as the wrong kind is often another entity).
        let target = |n: &str| {
            corpus.with(|c| {
                [kind, EntityKind::Person, EntityKind::Org, EntityKind::Place]
                    .into_iter()
                    .find_map(|k| {
                        find_entity(&c.entities, k, n).map(|i| (k, c.entities[i].id.clone()))
                    })
            })
        };
        let (correction, then) = match act.as_str() {
            "not" => (Correction::NotEntity { kind, name }, Some(Route::Entities)),
            "rename" => (
                Correction::Rename {
                    kind,
                    name,
                    to: other,
                },
                None,
            ),
            "merge" => match target(&other) {
                Some((into_kind, id)) if Some(&id) != find(&name).as_ref() => (
                    Correction::Merge {
                        kind,
                        name,
                        into_kind,
                        into: other,
                    },
                    Some(Route::Entity(id)),
                ),
                Some(_) => {
                    problem.set(Some(format!("“{other}” is this entity already.")));
                    return;
                }
                None => {
                    problem.set(Some(format!(
                        "No entity goes by “{other}” in this library."
                    )));
                    return;
                }
            },
            "split" => (
                Correction::Split {
                    kind,
                    name,
                    alias: other,
                },
                None,
            ),
            to => {
                let to = match to {
                    "person" => EntityKind::Person,
                    "place" => EntityKind::Place,
                    _ => EntityKind::Org,
                };
                if to == kind {
                    problem.set(Some(format!("It is a {} already.", kind.as_str())));
                    return;
                }
                (Correction::Kind { kind, name, to }, Some(Route::Entities))
            }
        };
        problem.set(None);
        typed.set(String::new());
        lib.correct(correction);
        if let Some(r) = then {
            nav.push(r);
        }
    };
    view! {
        <details class="correct">
            <summary>"Correct this entity"</summary>
            <form class="correct-form" on:submit=submit>
                <label>
                    "Correction "
                    <select on:change=move |ev| action.set(event_target_value(&ev)) prop:value=move || action.get()>
                        {ACTIONS.map(|(v, label)| view! { <option value=v>{label}</option> }).to_vec()}
                    </select>
                </label>
                <label>
                    "Name "
                    <input type="text" list="entity-aliases" placeholder="for rename, merge and split"
                        prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class="button">"Apply"</button>
            </form>
            {move || problem.get().map(|p| view! { <p class="form-problem" role="alert">{p}</p> })}
            <p class="muted small">
                "Kept apart from the extraction in this browser, applied after every import, and carried by exported libraries. "
                <a href="#/corrections">"All corrections"</a>
            </p>
        </details>
    }
}

/// The quote whose speaker [`SpeakerForm`] changes.
#[derive(Clone, Debug, PartialEq)]
pub struct ChosenQuote {
    /// Its article's id.
    pub article: String,
    /// Its byte offsets in the article's text: the key of the correction.
    pub start: usize,
    /// See [`ChosenQuote::start`].
    pub end: usize,
    /// Its speaker now.
    pub speaker: Option<String>,
    /// Its words, shown in the form so that the user sees which quote it edits.
    pub text: String,
}

impl ChosenQuote {
    /// The quote `q` of the article `article`, as the form needs it.
    pub fn of(article: &str, q: &folio_core::Quote) -> ChosenQuote {
        ChosenQuote {
            article: article.to_string(),
            start: q.start,
            end: q.end,
            speaker: q.speaker.clone(),
            text: q.text.clone(),
        }
    }
}

/// The quote chosen with a "Speaker…" button, if any.
pub type Chosen = RwSignal<Option<ChosenQuote>>;

/// One form for the quote chosen with a "Speaker…" button: who said it, or
/// nobody.
#[component]
pub fn SpeakerForm(chosen: Chosen) -> impl IntoView {
    let lib = LibraryCtx::expect();
    let corpus = CorpusCtx::expect();
    // Names offered: the corpus's people and organisations.
    let names = move || {
        corpus.with(|c| {
            let mut n: Vec<String> = c
                .entities
                .iter()
                .filter(|e| e.kind != EntityKind::Place)
                .map(|e| e.name.clone())
                .collect();
            n.sort();
            n.dedup();
            n
        })
    };
    let typed = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(q) = chosen.get() {
            typed.set(q.speaker.unwrap_or_default());
        }
    });
    let set = move |speaker: Option<String>| {
        if let Some(q) = chosen.get_untracked() {
            lib.correct(Correction::Speaker {
                article: q.article,
                start: q.start,
                end: q.end,
                speaker,
            });
        }
        chosen.set(None);
    };
    // The form takes the focus when it opens, so that a keyboard user types
    // the name at once; Esc closes it.
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    move || {
        chosen.get().map(|q| {
            view! {
                <form class="speaker-form" role="dialog" aria-label="The quote's speaker"
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { chosen.set(None) }
                    on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    let s = typed.get_untracked().trim().to_string();
                    set((!s.is_empty()).then_some(s));
                }>
                    <q class="speaker-quote">{q.text}</q>
                    <label>
                        "Said by "
                        <input type="text" list="speaker-names" node_ref=input prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                    </label>
                    <button type="submit" class="button">"Save"</button>
                    <button type="button" class="button" on:click=move |_| set(None)>"No speaker"</button>
                    <button type="button" class="button" on:click=move |_| chosen.set(None)>"Cancel"</button>
                    <datalist id="speaker-names">
                        {names().into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
                    </datalist>
                </form>
            }
        })
    }
}
