//! The facet panel beside search results: people, places, organisations, outlets
//! and months with counts for the current results. Choosing one adds its filter to
//! the query (and so to the URL).

use folio_core::search::{FacetCount, Facets};
use leptos::prelude::*;

use crate::state::format::human_date;

/// Below this width (CSS pixels) the search page stacks its results above the
/// facets: `@media (max-width: 760px)` in the stylesheet.
const STACKED_WIDTH: f64 = 760.0;

/// Quotes a facet value for the query language when it has spaces.
pub fn filter_term(field: &str, value: &str) -> String {
    if value.contains(char::is_whitespace) {
        format!("{field}:\"{}\"", value.replace('"', ""))
    } else {
        format!("{field}:{value}")
    }
}

/// The query with a filter added (once).
pub fn with_filter(query: &str, term: &str) -> String {
    if query.contains(term) {
        return query.to_string();
    }
    let q = query.trim_end();
    if q.is_empty() {
        format!("{term} ")
    } else {
        format!("{q} {term} ")
    }
}

/// The panel. `on_pick` receives the filter term to add, e.g. `person:"Vladimir Putin"`.
/// A value every one of the `total` results has is left out: choosing it
/// would narrow nothing.
#[component]
pub fn FacetPanel(facets: Facets, total: usize, on_pick: Callback<String>) -> impl IntoView {
    // Each group folds. On a phone (the width at which the layout stacks, see
    // the stylesheet) they start folded, so the results above stay in reach.
    let open = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w > STACKED_WIDTH);
    let group = move |title: &'static str, field: &'static str, mut values: Vec<FacetCount>| {
        values.retain(|f| f.count < total);
        if values.is_empty() {
            return None;
        }
        let items = values
            .into_iter()
            .map(|f| {
                let term = if field == "month" {
                    // A month filters by publication date: after the first, before the next.
                    month_range(&f.value)
                } else {
                    filter_term(field, &f.value)
                };
                let label = if field == "month" { human_date(&f.value) } else { f.value.clone() };
                view! {
                    <li>
                        <button type="button" class="facet" on:click=move |_| on_pick.run(term.clone())>
                            <span class="facet-value">{label}</span>
                            <span class="facet-count">{f.count}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <details class="facet-group" open=open>
                <summary><h2>{title}</h2></summary>
                <ul>{items}</ul>
            </details>
        })
    };
    view! {
        <aside class="facets" aria-label="Refine results">
            {group("People", "person", facets.people)}
            {group("Places", "place", facets.places)}
            {group("Organisations", "org", facets.orgs)}
            {group("Outlets", "source", facets.outlets)}
            {group("Months", "month", facets.months)}
        </aside>
    }
}

/// The chips of the filters a query holds, each a button that takes its
/// filter out again (`on_remove` receives the query without it).
#[component]
pub fn ChosenFilters(query: String, on_remove: Callback<String>) -> impl IntoView {
    let chips = folio_core::search::Query::parse(&query)
        .fields
        .into_iter()
        .map(|f| {
            let what = match f.name.as_str() {
                "person" | "people" => "Person",
                "place" => "Place",
                "org" | "organisation" | "organization" => "Organisation",
                "source" => "Outlet",
                "after" => "From",
                "before" => "Before",
                _ => "Sorted by",
            };
            let value = if matches!(f.name.as_str(), "after" | "before") {
                human_date(&f.value)
            } else {
                f.value.clone()
            };
            let label = format!("{what}: {value}");
            let rest = f.removed_from(&query);
            let aria = format!("Remove the filter {label}");
            view! {
                <li>
                    <button type="button" class="chip chosen"
                        aria-label=aria
                        on:click=move |_| on_remove.run(rest.clone())>
                        <span>{label}</span>
                        <span class="chip-x" aria-hidden="true">"×"</span>
                    </button>
                </li>
            }
        })
        .collect::<Vec<_>>();
    (!chips.is_empty())
        .then(|| view! { <ul class="chosen-filters" aria-label="Filters in use">{chips}</ul> })
}

/// `2022-10` → `after:2022-10-01 before:2022-11-01`.
pub fn month_range(month: &str) -> String {
    let mut parts = month.split('-');
    match (
        parts.next().and_then(|y| y.parse::<u32>().ok()),
        parts.next().and_then(|m| m.parse::<u32>().ok()),
    ) {
        (Some(y), Some(m)) if (1..=12).contains(&m) => {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            format!("after:{y:04}-{m:02}-01 before:{ny:04}-{nm:02}-01")
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_quoted_when_needed_and_added_once() {
        assert_eq!(
            filter_term("person", "Vladimir Putin"),
            "person:\"Vladimir Putin\""
        );
        assert_eq!(filter_term("place", "Lyman"), "place:Lyman");
        assert_eq!(with_filter("lyman", "place:Lyman"), "lyman place:Lyman ");
        assert_eq!(
            with_filter("lyman place:Lyman ", "place:Lyman"),
            "lyman place:Lyman "
        );
        assert_eq!(with_filter("", "org:NATO"), "org:NATO ");
    }

    #[test]
    fn months_become_date_ranges() {
        assert_eq!(month_range("2022-12"), "after:2022-12-01 before:2023-01-01");
        assert_eq!(month_range("2022-09"), "after:2022-09-01 before:2022-10-01");
        assert_eq!(month_range("bad"), "");
    }
}
