//! `#/quotes`: who said what — grouped by speaker, filterable by the speaker's
//! name, the article's title and the outlet (boxes to type in, not lists: a
//! library of thousands has thousands of each); the same statement reported by
//! several articles is one item with its versions side by side.

use folio_core::explore::{quotes_by_speaker, SpeakerQuotes};
use folio_core::text::fold;
use leptos::prelude::*;

use crate::components::correct::{Chosen, ChosenQuote, SpeakerForm};
use crate::components::show_more::ShowMore;
use crate::state::corpus::CorpusCtx;
use crate::state::format::plural;
use crate::state::library::LibraryCtx;
use crate::state::route::Route;

/// Statements drawn at first, and added per "Show more": a library of
/// thousands of articles quotes tens of thousands of times.
const PAGE: usize = 100;
/// Speakers the speaker box suggests as it is typed in.
const SUGGESTED: usize = 50;

/// The quotes view.
#[component]
pub fn QuotesPage() -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let lib = LibraryCtx::expect();
    let chosen: Chosen = RwSignal::new(None);
    let all = Memo::new(move |_| corpus.with(quotes_by_speaker));
    let (speaker, set_speaker) = signal(String::new());
    let (article, set_article) = signal(String::new());
    let (outlet, set_outlet) = signal(String::new());

    // Suggestions for the speaker box: the most quoted (the list comes so).
    let suggested = move || {
        all.with(|all| {
            all.iter()
                .filter_map(|s| s.speaker.clone())
                .take(SUGGESTED)
                .collect::<Vec<_>>()
        })
    };
    let outlets = move || {
        corpus.with(|c| {
            let mut o: Vec<String> = c.articles.iter().filter_map(|a| a.outlet.clone()).collect();
            o.sort();
            o.dedup();
            o
        })
    };
    let shown = Memo::new(move |_| {
        let (sp, ar, ou) = (fold(&speaker.get()), fold(&article.get()), outlet.get());
        all.with(|all| {
            all.iter()
                .filter(|s| sp.is_empty() || fold(&speaker_name(s)).contains(&sp))
                .filter_map(|s| {
                    let mut s = s.clone();
                    s.groups.retain(|g| {
                        g.reports.iter().any(|r| {
                            (ar.is_empty() || fold(&r.article_title).contains(&ar))
                                && (ou.is_empty() || r.outlet.as_deref() == Some(ou.as_str()))
                        })
                    });
                    (!s.groups.is_empty()).then_some(s)
                })
                .collect::<Vec<_>>()
        })
    });
    // Statements drawn: a page at first, another per "Show more"; a new filter starts again.
    let limit = RwSignal::new(PAGE);
    Effect::new(move |_| {
        speaker.track();
        article.track();
        outlet.track();
        limit.set(PAGE);
    });
    let rest = Signal::derive(move || {
        shown
            .with(|s| s.iter().map(|s| s.groups.len()).sum::<usize>())
            .saturating_sub(limit.get())
    });

    view! {
        <section class="quotes-page" aria-labelledby="quotes-title">
            <div class="page-head">
                <h1 id="quotes-title">"Quotes"</h1>
                <p class="muted" role="status">
                    {move || {
                        let groups: usize = shown.with(|s| s.iter().map(|s| s.groups.len()).sum());
                        format!("{} from {}", plural(groups, "statement", "statements"), plural(shown.with(|s| s.len()), "speaker", "speakers"))
                    }}
                </p>
            </div>
            {lib.can_correct().then(|| view! { <SpeakerForm chosen=chosen/> })}
            <div class="toolbar">
                <label>
                    "Speaker "
                    <input type="search" list="quote-speakers" placeholder="Anyone" prop:value=move || speaker.get()
                        on:input=move |ev| set_speaker.set(event_target_value(&ev))/>
                    <datalist id="quote-speakers">
                        {move || suggested().into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
                    </datalist>
                </label>
                <label>
                    "Article "
                    <input type="search" placeholder="Any title" prop:value=move || article.get()
                        on:input=move |ev| set_article.set(event_target_value(&ev))/>
                </label>
                {move || {
                    let o = outlets();
                    (!o.is_empty()).then(|| view! {
                        <label>
                            "Outlet "
                            <select on:change=move |ev| set_outlet.set(event_target_value(&ev)) prop:value=move || outlet.get()>
                                <option value="">"All outlets"</option>
                                {o.into_iter().map(|x| { let label = x.clone(); view! { <option value=x>{label}</option> } }).collect_view()}
                            </select>
                        </label>
                    })
                }}
            </div>
            {move || {
                let mut left = limit.get();
                shown
                    .get()
                    .into_iter()
                    .map_while(|mut s| {
                        if left == 0 {
                            return None;
                        }
                        s.groups.truncate(left);
                        left -= s.groups.len();
                        Some(s)
                    })
                    .map(|s| {
                        let name = speaker_name(&s);
                        let heading = match s.speaker_id.clone() {
                            Some(id) => view! { <a href=Route::Entity(id).to_hash()>{name}</a> }.into_any(),
                            None => view! { <span>{name}</span> }.into_any(),
                        };
                        let groups = s
                            .groups
                            .into_iter()
                            .map(|g| {
                                let several = g.reports.len() > 1;
                                let versions = g
                                    .reports
                                    .into_iter()
                                    .map(|r| {
                                        let source = r.outlet.clone().unwrap_or(r.article_title);
                                        view! {
                                            <figure class="quote-version">
                                                <blockquote>"“" {r.quote.text.clone()} "”"</blockquote>
                                                <figcaption>
                                                    <a href=Route::Article(r.article_id.clone(), Some(r.quote.start)).to_hash()>{source}</a>
                                                    {lib.can_correct().then(|| {
                                                        let q = ChosenQuote::of(&r.article_id, &r.quote);
                                                        view! {
                                                            <button type="button" class="button small speaker-edit"
                                                                on:click=move |_| chosen.set(Some(q.clone()))>"Speaker…"</button>
                                                        }
                                                    })}
                                                </figcaption>
                                            </figure>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <li class=if several { "quote-group several" } else { "quote-group" }>
                                        {several.then(|| view! { <p class="muted small">"Reported by several articles, side by side:"</p> })}
                                        <div class="versions">{versions}</div>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <section class="speaker">
                                <h2>{heading}</h2>
                                <ul class="quote-groups">{groups}</ul>
                            </section>
                        }
                    })
                    .collect_view()
            }}
            <ShowMore rest=rest page=PAGE on_more=move || limit.update(|n| *n += PAGE)/>
        </section>
    }
}

/// How a speaker is named on the page and matched by the speaker box.
fn speaker_name(s: &SpeakerQuotes) -> String {
    s.speaker
        .clone()
        .unwrap_or_else(|| "Speaker not named".to_string())
}
