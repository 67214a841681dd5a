//! Locating the corpus' places with the GeoNames gazetteer, and the map's
//! projection — plain Rust, tested natively.
//!
//! The gazetteer is `assets/places.tsv`, written by `scripts/make-map-data.py` from
//! GeoNames' cities15000 (CC BY 4.0) and fetched only when the map opens. A place
//! entity is matched by its name and every alias, folded like the search index folds
//! words; descriptors are stripped ("Kharkiv region", "Kharkiv oblast" → Kharkiv,
//! marked approximate); a country matches by its English name (or a common
//! alternative) and sits at its centre of population. Spellings that differ only in
//! transliteration (Kupiansk / Kupyansk, Zaporizhzhia / Zaporizhzhya) meet through a
//! skeleton key. The most populous match wins.

use std::collections::HashMap;

use folio_core::explore::EntitySummary;
use folio_core::model::EntityKind;
use folio_core::search::tokenize::{fold, variant_key};

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

/// Words after a place name that make it the region around it ("Kharkiv region").
const DESCRIPTORS: &[&str] = &[
    "region",
    "regions",
    "province",
    "oblast",
    "oblasts",
    "district",
    "raion",
    "rayon",
    "county",
    "area",
    "governorate",
    "krai",
    "state",
];

/// Older or foreign spellings that no skeleton reconciles, folded.
const EXONYMS: &[(&str, &str)] = &[
    ("kiev", "kyiv"),
    ("kharkov", "kharkiv"),
    ("lvov", "lviv"),
    ("nikolaev", "mykolayiv"),
    ("nikolayev", "mykolayiv"),
    ("dnipropetrovsk", "dnipro"),
    ("dnepr", "dnipro"),
    ("artemivsk", "bakhmut"),
    ("artyomovsk", "bakhmut"),
    ("krasny liman", "lyman"),
    ("krasnyi lyman", "lyman"),
    ("lugansk", "luhansk"),
    ("severodonetsk", "siverskodonetsk"),
    ("sievierodonetsk", "siverskodonetsk"),
];

/// Folds a whole name the way the search index folds a word, keeping spaces
/// (runs of whitespace and hyphens become one space).
pub fn fold_name(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '–')
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect::<Vec<_>>()
        .join(" ")
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
    if words.len() > 1 && DESCRIPTORS.contains(words.last().unwrap()) {
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
        for name in names {
            let Some((folded, approximate)) = lookup_key(name) else {
                continue;
            };
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

/// The folded name a place is looked up by, and whether a descriptor was
/// stripped ("Kharkiv region" → ("kharkiv", true)); `None` for a blank name.
fn lookup_key(name: &str) -> Option<(String, bool)> {
    let (folded, approximate) = strip_descriptor(&fold_name(name));
    if folded.is_empty() {
        return None;
    }
    let folded = EXONYMS
        .iter()
        .find(|(from, _)| *from == folded)
        .map_or(folded, |(_, to)| to.to_string());
    Some((folded, approximate))
}

/// The rows of `assets/places.tsv` that these names can reach, in their order,
/// with every country row: a gazetteer parsed from the subset locates each of
/// the names exactly as the whole one does. A one-file copy carries only these.
pub fn subset_tsv<'a>(tsv: &str, names: impl IntoIterator<Item = &'a str>) -> String {
    let mut wanted = std::collections::HashSet::new();
    for name in names {
        if let Some((folded, _)) = lookup_key(name) {
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

/// The two paths of `assets/world.svg`: land and interior borders, in degrees
/// (x = longitude, y = −latitude).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    /// Land, filled.
    pub land: String,
    /// Borders between countries, stroked.
    pub borders: String,
}

impl Outline {
    /// Reads the `d` attributes of the paths with ids `land` and `borders`.
    pub fn parse(svg: &str) -> Option<Outline> {
        let d_of = |id: &str| {
            let at = svg.find(&format!("id=\"{id}\""))?;
            let rest = &svg[at..];
            let start = rest.find(" d=\"")? + 4;
            let len = rest[start..].find('"')?;
            Some(rest[start..start + len].to_string())
        };
        Some(Outline {
            land: d_of("land")?,
            borders: d_of("borders").unwrap_or_default(),
        })
    }
}

/// Width of the map's drawing, in its own units.
pub const MAP_WIDTH: f64 = 1000.0;

/// The map's frame: which part of the world shows, and how degrees become drawing
/// units. Longitudes are scaled by the cosine of the middle latitude (so a
/// regional map is not stretched sideways); the world view uses 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// West, north edge in degrees.
    pub west: f64,
    /// North edge.
    pub north: f64,
    /// Drawing units per degree of latitude.
    pub scale: f64,
    /// Longitude squeeze: cos(middle latitude).
    pub squeeze: f64,
    /// Drawing height (width is [`MAP_WIDTH`]).
    pub height: f64,
}

impl Frame {
    /// The whole world, plate carrée, without Antarctica's far south.
    pub fn world() -> Frame {
        Frame::fit(-180.0, 180.0, -58.0, 84.0, 0.0)
    }

    /// A frame around these points (lat, lon) with a margin, at least `min_span`
    /// degrees tall, with an aspect between 2:1 and 4:3.
    pub fn around(points: &[(f64, f64)]) -> Frame {
        if points.is_empty() {
            return Frame::world();
        }
        let (mut s, mut n, mut w, mut e) = (90.0f64, -90.0f64, 180.0f64, -180.0f64);
        for &(lat, lon) in points {
            s = s.min(lat);
            n = n.max(lat);
            w = w.min(lon);
            e = e.max(lon);
        }
        let margin_lat = ((n - s) * 0.15).max(1.5);
        let margin_lon = ((e - w) * 0.15).max(2.0);
        Frame::fit(
            w - margin_lon,
            e + margin_lon,
            s - margin_lat,
            n + margin_lat,
            4.0,
        )
    }

    fn fit(w: f64, e: f64, s: f64, n: f64, min_span: f64) -> Frame {
        let (mut w, mut e, mut s, mut n) = (w.max(-180.0), e.min(180.0), s.max(-85.0), n.min(85.0));
        if n - s < min_span {
            let mid = (n + s) / 2.0;
            s = mid - min_span / 2.0;
            n = mid + min_span / 2.0;
        }
        let squeeze = if min_span == 0.0 {
            1.0
        } else {
            ((n + s) / 2.0).to_radians().cos().max(0.2)
        };
        // Aspect (height / width) between 1:2 and 3:4: widen or heighten the box.
        let mut width_deg = (e - w) * squeeze;
        let mut height_deg = n - s;
        if min_span == 0.0 {
            // The world view keeps its own shape.
        } else if height_deg / width_deg > 0.75 {
            let grow = (height_deg / 0.75 - width_deg) / squeeze / 2.0;
            w -= grow;
            e += grow;
            width_deg = (e - w) * squeeze;
        } else if height_deg / width_deg < 0.5 {
            let grow = (width_deg * 0.5 - height_deg) / 2.0;
            s -= grow;
            n += grow;
            height_deg = n - s;
        }
        let scale = MAP_WIDTH / width_deg;
        Frame {
            west: w,
            north: n,
            scale,
            squeeze,
            height: height_deg * scale,
        }
    }

    /// Drawing coordinates of a point.
    pub fn project(&self, lat: f64, lon: f64) -> (f64, f64) {
        (
            (lon - self.west) * self.squeeze * self.scale,
            (self.north - lat) * self.scale,
        )
    }

    /// The SVG transform that draws the outline (in degrees, y = −latitude) in
    /// this frame.
    pub fn outline_transform(&self) -> String {
        let sx = self.squeeze * self.scale;
        use folio_core::explore::format_fixed as fixed;
        format!(
            "matrix({} 0 0 {} {} {})",
            fixed(sx, 4),
            fixed(self.scale, 4),
            fixed(-self.west * sx, 2),
            fixed(self.north * self.scale, 2)
        )
    }
}

/// Circle radius in pixels for a mention count: area proportional to mentions,
/// the most mentioned place at `max_radius`, at most 4 px per √mention.
pub fn radius(mentions: usize, most: usize, max_radius: f64) -> f64 {
    let k = (max_radius / (most.max(1) as f64).sqrt()).min(4.0);
    k * (mentions.max(1) as f64).sqrt()
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
    fn folds_names_like_the_search_index() {
        assert_eq!(fold_name("Kharkiv"), "kharkiv");
        assert_eq!(fold_name("Kup’yansk"), "kupyansk");
        assert_eq!(fold_name("Bila  Tserkva"), "bila tserkva");
        assert_eq!(fold_name("Ivano-Frankivsk"), "ivano frankivsk");
        assert_eq!(fold_name("Zürich"), "zurich");
        assert_eq!(fold_name("Russia's"), "russia");
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
        let tsv = include_str!("../../assets/places.tsv");
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

    #[test]
    fn parses_the_outline_and_the_shipped_assets() {
        let o = Outline::parse(
            "<svg><path id=\"land\" fill=\"x\" d=\"M0 0L1 1Z\"/><path id=\"borders\" d=\"M2 2L3 3\"/></svg>",
        )
        .unwrap();
        assert_eq!(o.land, "M0 0L1 1Z");
        assert_eq!(o.borders, "M2 2L3 3");
        assert_eq!(Outline::parse("<svg></svg>"), None);

        let shipped = include_str!("../../assets/world.svg");
        let o = Outline::parse(shipped).unwrap();
        assert!(o.land.len() > 10_000 && !o.borders.is_empty());
        let g = Gazetteer::parse(include_str!("../../assets/places.tsv"));
        assert!(g.len() > 30_000);
        for city in [
            "Kyiv",
            "Kharkiv",
            "Lyman",
            "Izium",
            "Kupiansk",
            "Balakliia",
            "Kreminna",
        ] {
            let at = g.locate([city]).unwrap_or_else(|| panic!("{city} located"));
            assert_eq!(at.point.country, "UA", "{city}");
        }
        assert_eq!(g.locate(["Ukraine"]).unwrap().point.country, "UA");
        assert_eq!(g.locate(["Moscow"]).unwrap().point.country, "RU");
    }

    #[test]
    fn frames_fit_the_points_and_project_inside() {
        let pts = [(49.98, 36.25), (50.45, 30.52), (48.99, 37.81)];
        let f = Frame::around(&pts);
        for &(lat, lon) in &pts {
            let (x, y) = f.project(lat, lon);
            assert!(x > 0.0 && x < MAP_WIDTH, "{x}");
            assert!(y > 0.0 && y < f.height, "{y}");
        }
        assert!(f.height >= MAP_WIDTH * 0.5 - 1e-6 && f.height <= MAP_WIDTH * 0.75 + 1e-6);
        let w = Frame::world();
        assert_eq!(w.project(84.0, -180.0), (0.0, 0.0));
        assert!((w.project(0.0, 180.0).0 - MAP_WIDTH).abs() < 1e-6);
        assert!(f.outline_transform().starts_with("matrix("));
    }

    #[test]
    fn areas_grow_with_mentions() {
        let r1 = radius(1, 16, 20.0);
        let r16 = radius(16, 16, 20.0);
        assert!((r16 - 16.0).abs() < 1e-9, "capped at 4 px per √mention");
        assert!((r16 * r16 / (r1 * r1) - 16.0).abs() < 1e-9);
        assert!((radius(100, 100, 20.0) - 20.0).abs() < 1e-9);
    }
}
