//! Locating the corpus' places with the GeoNames gazetteer: the lookup the map
//! draws with and the one-file copies subset their gazetteer with (in the app and
//! in `folio onefile`), so both meet every place the same way.
//!
//! The gazetteer is `assets/places.tsv`, written by `scripts/make-map-data.py` from
//! GeoNames' cities15000 (CC BY 4.0) and fetched only when the map opens. A place
//! entity is matched by its name and every alias, folded by the one key of names
//! ([`fold_name`], as the recogniser and its gazetteer fold them); descriptors
//! (the lexicon's area words) are stripped ("Kharkiv region", "Kharkiv oblast" → Kharkiv,
//! marked approximate); a country matches by its English name (or a common
//! alternative) and sits at its centre of population. Spellings that differ only in
//! transliteration (Kupiansk / Kupyansk, Zaporizhzhia / Zaporizhzhya) meet through a
//! skeleton key. The most populous match wins.

use std::collections::HashMap;

use crate::explore::EntitySummary;
use crate::extract::lexicon::{MAP_DESCRIPTORS, REGION_WORDS};
use crate::model::EntityKind;
use crate::text::{fold_name, variant_key};

/// A point of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoPoint {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
}

/// A country: its centre of population and its English name.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoCountry {
    /// Where it sits on the map.
    pub point: GeoPoint,
    /// English short name.
    pub name: String,
    /// Sum of its cities' populations (ranks countries among themselves).
    pub population: u64,
}

/// The parsed gazetteer.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Places, most populous first (an index is a rank).
    places: Vec<GeoPoint>,
    /// Folded name → index into `places` (the most populous of that name).
    by_name: HashMap<String, usize>,
    /// Skeleton key → index into `places` (the most populous).
    by_skeleton: HashMap<String, usize>,
    countries: Vec<GeoCountry>,
    /// Folded country name → index into `countries`.
    country_by_name: HashMap<String, usize>,
}

/// What a place entity was matched to.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    /// Where to draw it.
    pub point: GeoPoint,
    /// A region or province drawn at its namesake city, or a country at its centre.
    pub approximate: bool,
    /// The match is a whole country.
    pub is_country: bool,
}

/// A located place entity, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPlace {
    /// Entity id (for the link to its page).
    pub id: String,
    /// Preferred name.
    pub name: String,
    /// Mentions across the corpus.
    pub mentions: usize,
    /// Where it is.
    pub location: Location,
}

/// An unlocated place entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unlocated {
    /// Entity id.
    pub id: String,
    /// Preferred name.
    pub name: String,
    /// Mentions across the corpus.
    pub mentions: usize,
}

/// Whether a folded word after a place name makes it the region around it
/// ("Kharkiv region", "Izium raion"): the lexicon's area descriptors, those the
/// recogniser reads (`REGION_WORDS`) and those only the map strips
/// (`MAP_DESCRIPTORS`, whose doc says why two plurals are left).
fn is_descriptor(word: &str) -> bool {
    (REGION_WORDS.contains(&word) && !matches!(word, "provinces" | "districts"))
        || MAP_DESCRIPTORS.contains(&word)
}

/// A spelling-insensitive key: the search index's own [`variant_key`] (y/i,
/// kh/h, zh/z, doubled letters, Cyrillic), so the map reconciles exactly the
/// spellings search and entity merging do. "Kupyansk" and "Kupiansk",
/// "Zaporizhzhia" and "Zaporizhzhya", "Mykolaiv" and "Mykolayiv" share a key.
pub fn skeleton(folded: &str) -> String {
    variant_key(folded)
}

/// Strips a leading "the" and "city of", and a trailing descriptor ("Kharkiv
/// region" → "kharkiv"), from a folded name. The flag says a descriptor was
/// stripped: the name was a region, drawn at its namesake.
pub fn strip_descriptor(folded: &str) -> (String, bool) {
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    if words.len() > 2 && words[0] == "city" && words[1] == "of" {
        words.drain(..2);
    }
    let mut approximate = false;
    if words.len() > 1 && is_descriptor(words[words.len() - 1]) {
        words.pop();
        approximate = true;
    }
    (words.join(" "), approximate)
}

/// A coordinate as the gazetteer writes it (`-12.345`, at most 6 decimals),
/// parsed by integer arithmetic: the standard float parser is ~6 kB of the
/// first-load wasm, and nothing else in the app needs it.
fn coordinate(s: &str) -> Option<f64> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() || frac.len() > 6 {
        return None;
    }
    let whole: u32 = int.parse().ok()?;
    let part: u32 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    let v = whole as f64 + part as f64 / 10f64.powi(frac.len() as i32);
    Some(if negative { -v } else { v })
}

impl Gazetteer {
    /// Parses `assets/places.tsv` (format in `scripts/make-map-data.py`). Lines that
    /// do not parse are skipped.
    pub fn parse(tsv: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if let Some(code) = f[0].strip_prefix('@') {
                let (Some(names), Some(lat), Some(lon), Some(pop), Some(name)) = (
                    f.get(1),
                    f.get(2).and_then(|v| coordinate(v)),
                    f.get(3).and_then(|v| coordinate(v)),
                    f.get(4).and_then(|v| v.parse().ok()),
                    f.get(5),
                ) else {
                    continue;
                };
                let i = g.countries.len();
                g.countries.push(GeoCountry {
                    point: GeoPoint {
                        lat,
                        lon,
                        country: code.to_string(),
                    },
                    name: name.to_string(),
                    population: pop,
                });
                for n in names.split('|') {
                    g.country_by_name.entry(n.to_string()).or_insert(i);
                }
                continue;
            }
            let (Some(lat), Some(lon), Some(cc)) = (
                f.get(1).and_then(|v| coordinate(v)),
                f.get(2).and_then(|v| coordinate(v)),
                f.get(3),
            ) else {
                continue;
            };
            let i = g.places.len();
            g.places.push(GeoPoint {
                lat,
                lon,
                country: cc.to_string(),
            });
            g.by_name.entry(f[0].to_string()).or_insert(i);
            g.by_skeleton.entry(skeleton(f[0])).or_insert(i);
        }
        g
    }

    /// Number of places (not countries).
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// No places at all.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// A country's English name by code.
    pub fn country_name(&self, code: &str) -> Option<&str> {
        self.countries
            .iter()
            .find(|c| c.point.country == code)
            .map(|c| c.name.as_str())
    }

    /// Locates a place known by these names (preferred name and aliases): an exact
    /// name beats a region drawn at its namesake; a country beats a city of the same
    /// name; then the most populous wins.
    pub fn locate<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> Option<Location> {
        // (approximate, not a country, rank): smaller is better.
        let mut best: Option<((bool, bool, u64), Location)> = None;
        let mut consider = |key: (bool, bool, u64), loc: Location| {
            if best.as_ref().is_none_or(|(k, _)| key < *k) {
                best = Some((key, loc));
            }
        };
        let keys = names.into_iter().flat_map(|name| {
            let (keys, approximate) = lookup_keys(name);
            keys.into_iter().map(move |k| (k, approximate))
        });
        for (folded, approximate) in keys {
            if let Some(&c) = self.country_by_name.get(&folded) {
                let country = &self.countries[c];
                consider(
                    (approximate, false, u64::MAX - country.population),
                    Location {
                        point: country.point.clone(),
                        approximate: true,
                        is_country: true,
                    },
                );
                continue;
            }
            let hit = self
                .by_name
                .get(&folded)
                .or_else(|| self.by_skeleton.get(&skeleton(&folded)));
            if let Some(&i) = hit {
                consider(
                    (approximate, true, i as u64),
                    Location {
                        point: self.places[i].clone(),
                        approximate,
                        is_country: false,
                    },
                );
            }
        }
        best.map(|(_, loc)| loc)
    }
}

/// The folded names a place is looked up by — as written, then its preferred
/// form when the core's exonym table has one ("kharkov" → "kharkiv"; the
/// gazetteer may know either) — and whether a descriptor was stripped
/// ("Kharkiv region" → "kharkiv", approximate). Empty for a blank name.
fn lookup_keys(name: &str) -> (Vec<String>, bool) {
    let (folded, approximate) = strip_descriptor(&fold_name(name));
    if folded.is_empty() {
        return (Vec::new(), approximate);
    }
    let preferred = crate::extract::gazetteer::exonym(&folded).map(str::to_string);
    (
        std::iter::once(folded).chain(preferred).collect(),
        approximate,
    )
}

/// The rows of `assets/places.tsv` that these names can reach, in their order,
/// with every country row: a gazetteer parsed from the subset locates each of
/// the names exactly as the whole one does. A one-file copy carries only these.
pub fn subset_tsv<'a>(tsv: &str, names: impl IntoIterator<Item = &'a str>) -> String {
    let mut wanted = std::collections::HashSet::new();
    for name in names {
        for folded in lookup_keys(name).0 {
            wanted.insert(skeleton(&folded));
            wanted.insert(folded);
        }
    }
    let mut out = String::new();
    for line in tsv.lines() {
        let key = line.split('\t').next().unwrap_or("");
        if line.starts_with('@') || wanted.contains(key) || wanted.contains(&skeleton(key)) {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Every name and alias of the corpus' places: what a gazetteer subset for a
/// one-file copy must reach (see [`subset_tsv`]).
pub fn place_names(entities: &[crate::model::CorpusEntity]) -> impl Iterator<Item = &str> {
    entities
        .iter()
        .filter(|e| e.kind == EntityKind::Place)
        .flat_map(|e| std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str)))
}

/// The corpus' place entities split into located (most mentioned first) and not.
pub fn locate_places(
    summaries: &[EntitySummary],
    gazetteer: &Gazetteer,
) -> (Vec<MapPlace>, Vec<Unlocated>) {
    let mut located = Vec::new();
    let mut unlocated = Vec::new();
    for s in summaries.iter().filter(|s| s.kind == EntityKind::Place) {
        let names = std::iter::once(s.name.as_str()).chain(s.aliases.iter().map(String::as_str));
        match gazetteer.locate(names) {
            Some(location) => located.push(MapPlace {
                id: s.id.clone(),
                name: s.name.clone(),
                mentions: s.mentions,
                location,
            }),
            None => unlocated.push(Unlocated {
                id: s.id.clone(),
                name: s.name.clone(),
                mentions: s.mentions,
            }),
        }
    }
    (located, unlocated)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "# test gazetteer\n\
@UA\tukraine\t48.99\t32.80\t35692167\tUkraine\n\
@RU\trussia|russian federation\t54.52\t51.84\t112048373\tRussia\n\
@GE\tgeorgia\t41.90\t44.10\t2000000\tGeorgia\n\
kyiv\t50.45\t30.52\tUA\n\
kharkiv\t49.98\t36.25\tUA\n\
zaporizhzhya\t47.82\t35.19\tUA\n\
lyman\t48.99\t37.81\tUA\n\
izyum\t49.21\t37.26\tUA\n\
kupyansk\t49.71\t37.62\tUA\n\
georgia\t0.00\t0.00\tXX\n\
saint petersburg\t59.94\t30.31\tRU\n\
lyman\t10.00\t10.00\tXX\n";

    fn names(n: &[&'static str]) -> Vec<&'static str> {
        n.to_vec()
    }

    #[test]
    fn strips_descriptors_and_marks_them_approximate() {
        assert_eq!(strip_descriptor("kharkiv region"), ("kharkiv".into(), true));
        assert_eq!(
            strip_descriptor("the kharkiv province"),
            ("kharkiv".into(), true)
        );
        assert_eq!(strip_descriptor("donetsk oblast"), ("donetsk".into(), true));
        assert_eq!(strip_descriptor("city of lyman"), ("lyman".into(), false));
        assert_eq!(strip_descriptor("kharkiv"), ("kharkiv".into(), false));
        // A descriptor alone is not a name.
        assert_eq!(strip_descriptor("region"), ("region".into(), false));
    }

    #[test]
    fn skeletons_reconcile_transliterations() {
        assert_eq!(skeleton("kupiansk"), skeleton("kupyansk"));
        assert_eq!(skeleton("zaporizhzhia"), skeleton("zaporizhzhya"));
        assert_eq!(skeleton("izium"), skeleton("izyum"));
        assert_eq!(skeleton("mykolaiv"), skeleton("mykolayiv"));
        assert_ne!(skeleton("kyiv"), skeleton("kharkiv"));
    }

    #[test]
    fn locates_cities_regions_variants_and_countries() {
        let g = Gazetteer::parse(TSV);
        assert_eq!(g.len(), 9);
        let kharkiv = g.locate(names(&["Kharkiv"])).unwrap();
        assert_eq!((kharkiv.point.lat, kharkiv.point.lon), (49.98, 36.25));
        assert!(!kharkiv.approximate && !kharkiv.is_country);

        let region = g.locate(names(&["Kharkiv region"])).unwrap();
        assert_eq!(region.point, kharkiv.point);
        assert!(region.approximate);
        // An exact alias beats the region.
        assert!(
            !g.locate(names(&["Kharkiv Oblast", "Kharkiv"]))
                .unwrap()
                .approximate
        );

        assert_eq!(g.locate(names(&["Kupiansk"])).unwrap().point.lat, 49.71);
        assert_eq!(g.locate(names(&["Izium"])).unwrap().point.lat, 49.21);
        assert_eq!(g.locate(names(&["Zaporizhzhia"])).unwrap().point.lat, 47.82);
        assert_eq!(g.locate(names(&["Kiev"])).unwrap().point.lat, 50.45);
        // The most populous of a name wins.
        assert_eq!(g.locate(names(&["Lyman"])).unwrap().point.country, "UA");

        let ukraine = g.locate(names(&["Ukraine"])).unwrap();
        assert!(ukraine.is_country && ukraine.approximate);
        assert_eq!(ukraine.point.country, "UA");
        assert_eq!(
            g.locate(names(&["the Russian Federation"]))
                .unwrap()
                .point
                .country,
            "RU"
        );
        // A country beats a city of the same name.
        assert_eq!(g.locate(names(&["Georgia"])).unwrap().point.country, "GE");
        assert_eq!(g.country_name("RU"), Some("Russia"));

        assert_eq!(g.locate(names(&["Donbas"])), None);
        assert_eq!(g.locate(names(&["", "region"])), None);
    }

    #[test]
    fn splits_place_entities_into_located_and_not() {
        let g = Gazetteer::parse(TSV);
        let summary = |id: &str, kind, name: &str, aliases: &[&str], mentions| EntitySummary {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions,
            articles: vec![],
        };
        let all = vec![
            summary("p1", EntityKind::Place, "Kharkiv", &["Kharkiv region"], 9),
            summary("p2", EntityKind::Place, "Donbas", &[], 4),
            summary("x", EntityKind::Person, "Kyiv", &[], 3),
            summary("p3", EntityKind::Place, "Kup'yansk", &["Kupiansk"], 2),
        ];
        let (located, unlocated) = locate_places(&all, &g);
        assert_eq!(
            located.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["p1", "p3"]
        );
        assert_eq!(located[0].mentions, 9);
        assert_eq!(unlocated.len(), 1);
        assert_eq!(unlocated[0].name, "Donbas");
    }

    #[test]
    fn a_subset_locates_its_names_exactly_as_the_whole_gazetteer() {
        let tsv = include_str!("../../../assets/places.tsv");
        let whole = Gazetteer::parse(tsv);
        let names = [
            "Kharkov",
            "Kupyansk",
            "Izyum region",
            "the city of Lyman",
            "Ukraine",
            "Moscow",
            "Nowhere-on-Earth",
        ];
        // The exonym table maps English names to local ones ("warsaw" →
        // "warszawa"); the gazetteer's own English name must still win.
        assert_eq!(whole.locate(["Warsaw"]).unwrap().point.country, "PL");
        assert_eq!(whole.locate(["Krasny Liman"]), whole.locate(["Lyman"]));
        let subset = subset_tsv(tsv, names);
        assert!(
            subset.len() * 20 < tsv.len(),
            "the subset is small: {} bytes",
            subset.len()
        );
        let part = Gazetteer::parse(&subset);
        for name in names {
            assert_eq!(part.locate([name]), whole.locate([name]), "{name}");
        }
    }

    #[test]
    fn coordinates_parse_like_the_standard_parser() {
        for s in ["50.45", "-12.345678", "0", "-0.5", "179.999999", "7."] {
            let std: f64 = s.parse().unwrap();
            assert!((coordinate(s).unwrap() - std).abs() < 1e-9, "{s}");
        }
        for bad in ["", "-", "1.2345678", "a.1", "1.-2", "--1"] {
            assert_eq!(coordinate(bad), None, "{bad}");
        }
    }
}
