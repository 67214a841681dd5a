//! The reader's text: paragraphs with people, places and organisations marked in
//! their colours, quotes styled with their speaker, dates and quantities marked
//! subtly. Every entity mark is a link to the entity's page with a card that shows on
//! hover and on keyboard focus. All text goes in as text nodes, never as HTML.

use folio_core::explore::{Block, MarkKind, ReaderParagraph};
use folio_core::Corpus;
use leptos::prelude::*;

use super::correct::{Chosen, ChosenQuote};
use super::entity_chip::kind_label;
use crate::state::format::plural;
use crate::state::route::Route;

/// Closing quotation marks that belong before a speaker tag.
const CLOSERS: [char; 4] = ['"', '”', '’', '\''];

/// Renders an article's reader paragraphs; the one holding byte `at` (a
/// linked figure or quote) is marked `target`, for the reader to scroll to.
/// With `chosen`, each quote has a button that chooses it for the speaker
/// form.
pub fn reader_text(
    corpus: &Corpus,
    article: &str,
    paragraphs: Vec<ReaderParagraph>,
    at: Option<usize>,
    chosen: Option<Chosen>,
) -> impl IntoView {
    let total = corpus.articles.len();
    let target = at.and_then(|at| paragraphs.iter().rposition(|p| p.start <= at));
    paragraphs
        .into_iter()
        .enumerate()
        .map(|(n, p)| {
            let mut blocks: Vec<Block> = p.blocks;
            let mut views = Vec::new();
            let mut i = 0;
            while i < blocks.len() {
                let block = blocks[i].clone();
                match block.quote.clone() {
                    Some(q) => {
                        // Move the closing mark from the next block in front of the tag.
                        let mut closer = String::new();
                        if let Some(next) = blocks.get_mut(i + 1) {
                            if let Some(first) = next.spans.first_mut() {
                                if first.mark.is_none() && first.text.starts_with(CLOSERS) {
                                    let c = first.text.chars().next().unwrap();
                                    closer.push(c);
                                    first.text.drain(..c.len_utf8());
                                }
                            }
                        }
                        let edit = chosen.map(|chosen| {
                            let q = ChosenQuote::of(article, &q);
                            view! {
                                <button type="button" class="speaker-edit inline" title="Correct the speaker"
                                    aria-label="Correct the speaker" on:click=move |_| chosen.set(Some(q.clone()))>"✎"</button>
                            }
                        });
                        let title = match &q.speaker {
                            Some(s) => format!("Quote: {s}"),
                            None => "Quote: speaker not named".to_string(),
                        };
                        let tag = match (q.speaker, q.speaker_id) {
                            (Some(s), Some(id)) => view! {
                                <a class="speaker-tag" href=Route::Entity(id).to_hash()>{s}</a>
                            }
                            .into_any(),
                            (Some(s), None) => view! { <span class="speaker-tag">{s}</span> }.into_any(),
                            (None, _) => view! { <span class="speaker-tag unknown">"unattributed"</span> }.into_any(),
                        };
                        views.push(
                            view! {
                                <span class="quote" title=title>{spans(corpus, total, &block)}</span>
                                {closer}
                                {tag}
                                {edit}
                            }
                            .into_any(),
                        );
                    }
                    None => views.push(spans(corpus, total, &block).into_any()),
                }
                i += 1;
            }
            view! { <p class=(target == Some(n)).then_some("target")>{views}</p> }
        })
        .collect_view()
}

fn spans(corpus: &Corpus, total: usize, block: &Block) -> impl IntoView {
    block
        .spans
        .iter()
        .map(|s| {
            let text = s.text.clone();
            match (s.mark, &s.entity_id) {
                (Some(kind @ (MarkKind::Person | MarkKind::Place | MarkKind::Org)), Some(id)) => {
                    let entity = corpus.entities.iter().find(|e| &e.id == id);
                    let name = entity.map_or_else(|| text.clone(), |e| e.name.clone());
                    let articles = entity.map_or(1, |e| e.articles.len());
                    let class = match kind {
                        MarkKind::Person => "ent kind-person",
                        MarkKind::Place => "ent kind-place",
                        _ => "ent kind-org",
                    };
                    let label = entity.map_or("Entity", |e| kind_label(e.kind));
                    let others = articles.saturating_sub(1);
                    let reach = if total > 1 {
                        format!(
                            "In {} of {total}; {}",
                            plural(articles, "article", "articles"),
                            if others == 0 {
                                "only here".to_string()
                            } else {
                                format!("{} more", plural(others, "other", "others"))
                            }
                        )
                    } else {
                        String::new()
                    };
                    // The card is drawn by CSS from these attributes, so it is never
                    // part of the text (copying, searching the page, reading aloud).
                    view! {
                        <a
                            class=class
                            href=Route::Entity(id.clone()).to_hash()
                            data-kind=label
                            data-name=name
                            data-reach=reach
                        >
                            {text}
                        </a>
                    }
                    .into_any()
                }
                (Some(MarkKind::Date), _) => {
                    let title = s
                        .value
                        .clone()
                        .map_or_else(|| "Date".to_string(), |v| format!("Date: {v}"));
                    view! { <span class="mark-date" title=title>{text}</span> }.into_any()
                }
                (Some(MarkKind::Quantity), _) => {
                    let title = s
                        .value
                        .clone()
                        .map_or_else(|| "Quantity".to_string(), |v| format!("Quantity: {v}"));
                    view! { <span class="mark-qty" title=title>{text}</span> }.into_any()
                }
                _ => text.into_any(),
            }
        })
        .collect_view()
}
