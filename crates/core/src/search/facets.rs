//! Facet counts over a result set: how many matching articles have each
//! entity, outlet and month, for the panel beside the hits. Apart from the
//! index, which only gives each document's values ([`Index::facet_values`]).

use serde::Serialize;

use super::Index;

/// Facet counts for a result set, each list most frequent first (ties by value),
/// at most [`FACET_LIMIT`] entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Facets {
    /// People, by name.
    pub people: Vec<FacetCount>,
    /// Places, by name.
    pub places: Vec<FacetCount>,
    /// Organisations, by name.
    pub orgs: Vec<FacetCount>,
    /// Outlets.
    pub outlets: Vec<FacetCount>,
    /// Publication months, `YYYY-MM`, newest first.
    pub months: Vec<FacetCount>,
}

/// One facet value and how many matching articles have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The value as shown (an entity's name, an outlet, a month).
    pub value: String,
    /// Matching articles with this value.
    pub count: usize,
}

/// Each facet list keeps at most this many values (a panel, not a report).
pub const FACET_LIMIT: usize = 20;

impl Facets {
    /// Counts facet values over the documents `docs` of `index`.
    pub fn count(index: &Index, docs: impl Iterator<Item = u32>) -> Facets {
        Facets::count_named(index, docs, |_, name| name)
    }

    /// Like [`Facets::count`], with each entity name passed through `canonical`
    /// first, so that the spellings one entity has in different articles
    /// ("Zelenskiy", "Zelenskyy") count as one value under its preferred name.
    pub fn count_named<'a>(
        index: &'a Index,
        docs: impl Iterator<Item = u32>,
        canonical: impl Fn(crate::model::EntityKind, &'a str) -> &'a str,
    ) -> Facets {
        use crate::model::EntityKind;
        let mut maps: [crate::text::FxMap<&str, usize>; 5] = Default::default();
        for doc in docs {
            let (ents, outlet, month) = index.facet_values(doc);
            for (kind, name) in ents {
                let m = match kind {
                    EntityKind::Person => 0,
                    EntityKind::Place => 1,
                    EntityKind::Org => 2,
                };
                *maps[m].entry(canonical(kind, name)).or_default() += 1;
            }
            if let Some(o) = outlet {
                *maps[3].entry(o).or_default() += 1;
            }
            if let Some(m) = month {
                *maps[4].entry(m).or_default() += 1;
            }
        }
        let [people, places, orgs, outlets, months] = maps.map(|m| {
            let mut v: Vec<FacetCount> = m
                .into_iter()
                .map(|(value, count)| FacetCount {
                    value: value.to_string(),
                    count,
                })
                .collect();
            crate::sort::by(&mut v, |a, b| {
                b.count.cmp(&a.count).then(a.value.cmp(&b.value))
            });
            v.truncate(FACET_LIMIT);
            v
        });
        let mut months = months;
        crate::sort::by(&mut months, |a, b| b.value.cmp(&a.value));
        Facets {
            people,
            places,
            orgs,
            outlets,
            months,
        }
    }

    pub(super) fn to_json(&self) -> serde_json::Value {
        let list = |v: &[FacetCount]| -> serde_json::Value {
            v.iter()
                .map(|f| serde_json::json!({"value": f.value, "count": f.count}))
                .collect()
        };
        serde_json::json!({
            "people": list(&self.people),
            "places": list(&self.places),
            "orgs": list(&self.orgs),
            "outlets": list(&self.outlets),
            "months": list(&self.months),
        })
    }
}
