//! The button that pages a long list: the library's cards, the entity table,
//! search results, quotes and the timeline's events each show a page first and
//! this one button for the next.

use leptos::prelude::*;

/// "Show 100 more of 4,210", while `rest` items are not shown; `on_more` shows
/// the next `page` of them. Nothing when all are shown.
#[component]
pub fn ShowMore(
    /// How many items are not shown yet.
    #[prop(into)]
    rest: Signal<usize>,
    /// How many one press adds.
    page: usize,
    /// Shows the next page.
    #[prop(into)]
    on_more: Callback<()>,
) -> impl IntoView {
    move || {
        let rest = rest.get();
        (rest > 0).then(|| {
            view! {
                <p class="more">
                    <button type="button" class="button" on:click=move |_| on_more.run(())>
                        {format!("Show {} more of {rest}", rest.min(page))}
                    </button>
                </p>
            }
        })
    }
}
