//! Evidence of places: words that end a place name ("River", "Oblast"),
//! first words of many-word place names ("New", "San"), descriptors of an area
//! after a name ("Kharkiv region"), nouns of place before or around a name
//! ("the town of X", "X is a village"), prepositions before one ("in X") and
//! endings of place names common across languages ("-sk", "-ville").

/// Words that make a run a place when they end it ("Dnipro River", "Black Sea").
pub(crate) const PLACE_HEADS: &[&str] = &[
    "river",
    "sea",
    "ocean",
    "lake",
    "island",
    "islands",
    "mountain",
    "mountains",
    "mount",
    "valley",
    "peninsula",
    "desert",
    "coast",
    "bay",
    "gulf",
    "strait",
    "canal",
    "county",
    "province",
    "region",
    "oblast",
    "state",
    "city",
    "street",
    "square",
    "avenue",
    "road",
    "bridge",
    "airport",
    "station",
    "park",
    "forest",
    "hills",
    "falls",
    "plain",
    "plains",
    "republic",
    "kingdom",
    "emirates",
    "territory",
    "district",
    "heights",
    "empire",
    "plateau",
    "fields",
    "ave",
    "boulevard",
    "lane",
    "parish",
    "township",
    "borough",
    "village",
    "town",
    "shire",
    "castle",
    "abbey",
    "cathedral",
    "palace",
    "stadium",
    "arena",
    "harbour",
    "harbor",
    "house",
    "tower",
    "estate",
    "manor",
    "rink",
    "hall",
    "beach",
    "brook",
    "creek",
    "pond",
    "reservoir",
    "dock",
    "docks",
    "cave",
    "canyon",
    "glacier",
    "pavilion",
    "highway",
    "freeway",
    "motorway",
    "gym",
    "formation",
    "northwest",
    "northeast",
    "southwest",
    "southeast",
    // Spanish, Portuguese and French compass words ending a region's name
    // ("Ilocos Norte", "Rio Grande do Sul", "Pas-de-Calais Nord").
    "norte",
    "sur",
    "sul",
    "nord",
    "sud",
];

/// First words of multi-word place names in many countries ("New Jersey", "North
/// Carolina", "San Diego", "Fort Worth").
pub(crate) const PLACE_OPENERS: &[&str] = &[
    "new", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper",
    "lower", "central", "greater", "san", "santa", "santo", "sao", "los", "las", "port", "fort",
    "lake", "mount", "cape", "saint", "st", "isle", "gulf", "bay", "rio", "river", "loch",
];

/// Lowercase descriptors that follow a place name and name an area ("Kharkiv
/// region", "Kherson province"). All of them normalise to "region" in keys, so the
/// variants are one entity; a city and its region stay two entities. The
/// entity merge reads the same list (an area word ending a place's name becomes
/// "region" in its merge key), and the map strips these before locating a
/// place, with [`MAP_DESCRIPTORS`] (see there for the two it leaves).
pub(crate) const REGION_WORDS: &[&str] = &[
    "region",
    "regions",
    "province",
    "provinces",
    "oblast",
    "oblasts",
    "district",
    "districts",
    "county",
    "governorate",
];

/// Descriptors the map alone strips from a place name before locating it, besides
/// [`REGION_WORDS`]: "raion"/"rayon" and "krai" (Russian and Ukrainian
/// administrative units), "area" and "state". The recogniser does not take them:
/// after a name, "state" and "area" are mostly part of it or no descriptor at
/// all ("Osun State", "Bay Area", "the Jewish state"), and the merge keys follow
/// the recogniser. "raion", "rayon" and "krai" would fit [`REGION_WORDS`], but
/// moving them there changes what the recogniser finds: a change of its own, not
/// a move of words. The map never stripped the plurals "provinces" and
/// "districts" of [`REGION_WORDS`] (it strips "regions" and "oblasts"); it still
/// does not, so that its matches stay as they were.
pub(crate) const MAP_DESCRIPTORS: &[&str] = &["raion", "rayon", "area", "krai", "state"];

/// Nouns of place before "of X" ("the town of Lyman") that make X a place.
pub(crate) const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "settlement",
    "port",
    "capital",
    "region",
    "province",
    "oblast",
    "district",
    "island",
    "republic",
    "state",
    "county",
    "outskirts",
    "suburb",
    "center",
    "centre",
    "borough",
    "hamlet",
    "municipality",
];

/// Nouns of place that a definition or an apposition gives a name ("Bilje is
/// a village", "Champdor is a commune", "Ocala, a city in Florida"), beyond
/// [`PLACE_NOUNS`].
pub(crate) const PLACE_KINDS: &[&str] = &[
    "commune",
    "parish",
    "river",
    "lake",
    "mountain",
    "peninsula",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "township",
    "locality",
    "area",
    "dock",
    "reservoir",
    "canal",
    "creek",
    "brook",
    "valley",
    "cave",
    "stream",
    "tributary",
    "county",
    "country",
    "nation",
    "kingdom",
    "estate",
];

/// Lowercase nouns of place right after a name that say it is one without
/// being part of it ("the Landes département", "the Bijeli Brijeg
/// neighbourhood"), unlike [`REGION_WORDS`].
pub(crate) const PLACE_AFTER: &[&str] = &[
    "neighbourhood",
    "neighborhood",
    "area",
    "suburb",
    "departement",
    "commune",
    "municipality",
    "village",
    "township",
    "quarter",
];

/// Prepositions that hint (weakly) that the capitalised run after them is a place.
pub(crate) const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "near",
    "at",
    "from",
    "into",
    "outside",
    "across",
    "toward",
    "towards",
    "around",
    "via",
    "through",
    "to",
    "inside",
    "within",
    "throughout",
    "between",
    "beyond",
];

/// Prepositions that, before "the" and a lone name, also hint at a place
/// (beside [`PLACE_PREPOSITIONS`]): "on the Potomac", "along the Danube".
/// Not without "the": "on Facebook" is a platform, "on Monday" a day.
pub(crate) const BEFORE_THE_PLACE: &[&str] = &["on", "along", "up", "down", "over", "under"];

/// Words of a period or a regime before a country that leave it a place
/// ("Nazi Germany", "Ancient Rome"), as a demonym does ("French Sudan").
pub(crate) const COUNTRY_QUALIFIERS: &[&str] = &[
    "nazi",
    "imperial",
    "occupied",
    "colonial",
    "communist",
    "fascist",
    "medieval",
    "ancient",
    "modern",
];

/// Place-name endings common across languages ("-sk", "-burg", "-ville",
/// "-stan"): weak evidence for a one-word name with no other.
pub(crate) const PLACE_ENDINGS: &[&str] = &[
    "sk", "iv", "burg", "bourg", "grad", "ville", "polis", "stan", "land", "shire", "ford", "pool",
    "chester", "mouth", "berg", "dorf", "hausen", "abad", "pur", "ovo", "evo", "ino", "ivka",
    "yansk", "insk", "ovsk", "ivsk", "ets", "ka",
];

/// Compass directions, folded: "120 km southeast of Kharkiv" measures from
/// Kharkiv (`explore::claims` groups a distance by where it is from).
pub(crate) const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];
