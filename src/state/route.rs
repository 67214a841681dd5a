//! Hash routes: every view has a deep link that works on any static host and from a
//! file, because the part after `#` never reaches a server.
//!
//! | hash | view |
//! |---|---|
//! | `#/` | library |
//! | `#/search?q=QUERY` | results for QUERY |
//! | `#/article/ID` | the reader |
//! | `#/article/ID?at=N` | the reader, scrolled to the paragraph holding byte N |
//! | `#/entities` | every person, place and organisation |
//! | `#/entity/ID` | one entity: aliases, concordance, co-occurrence, quotes |
//! | `#/quotes` | who said what |
//! | `#/timeline` | dated events on a time axis |
//! | `#/map` | places on a map |
//! | `#/claims` | every figure reported, grouped by what it measures |
//! | `#/compare/ID1/ID2` | two articles side by side (`#/compare` to choose) |
//!
//! Parsing and formatting are plain functions, tested natively.

/// A view of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The library: every article as a card.
    Library,
    /// Search results for a query (as typed, possibly empty).
    Search(String),
    /// The reader for one article id, and the byte offset of a passage to
    /// show (a claim's figure, a quote), when a link points at one.
    Article(String, Option<usize>),
    /// All entities.
    Entities,
    /// One entity by id.
    Entity(String),
    /// Quotes grouped by speaker.
    Quotes,
    /// The timeline.
    Timeline,
    /// The map of places.
    Map,
    /// Figures grouped by measure, with their sources.
    Claims,
    /// The corrections by hand.
    Corrections,
    /// Two articles side by side; either may be missing while the user chooses.
    Compare(Option<String>, Option<String>),
    /// Anything else: shown as "not found" with a way home.
    NotFound(String),
}

impl Route {
    /// The reader for `id`, from its top.
    pub fn article(id: impl Into<String>) -> Route {
        Route::Article(id.into(), None)
    }

    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let h = hash.strip_prefix('#').unwrap_or(hash);
        let h = h.strip_prefix('/').unwrap_or(h);
        let (path, query) = match h.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (h, None),
        };
        let path = path.trim_end_matches('/');
        let segments: Vec<String> = path.split('/').map(percent_decode).collect();
        let one = |s: &str| (!s.is_empty()).then(|| s.to_string());
        match segments
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["entities"] => return Route::Entities,
            ["quotes"] => return Route::Quotes,
            ["timeline"] => return Route::Timeline,
            ["map"] => return Route::Map,
            ["claims"] => return Route::Claims,
            ["corrections"] => return Route::Corrections,
            ["entity", id] if !id.is_empty() => return Route::Entity(id.to_string()),
            ["compare"] => return Route::Compare(None, None),
            ["compare", a] => return Route::Compare(one(a), None),
            ["compare", a, b] => return Route::Compare(one(a), one(b)),
            _ => {}
        }
        match path.split_once('/') {
            None if path.is_empty() => Route::Library,
            None if path == "search" => {
                Route::Search(query.and_then(|q| query_param(q, "q")).unwrap_or_default())
            }
            Some(("article", id)) if !id.is_empty() && !id.contains('/') => {
                let at = query.and_then(|q| query_param(q, "at"));
                Route::Article(percent_decode(id), at.and_then(|n| n.parse().ok()))
            }
            _ => Route::NotFound(h.to_string()),
        }
    }

    /// The hash for this route, starting with `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Library => "#/".to_string(),
            Route::Search(q) => format!("#/search?q={}", percent_encode(q)),
            Route::Article(id, None) => format!("#/article/{}", percent_encode(id)),
            Route::Article(id, Some(at)) => format!("#/article/{}?at={at}", percent_encode(id)),
            Route::Entities => "#/entities".to_string(),
            Route::Entity(id) => format!("#/entity/{}", percent_encode(id)),
            Route::Quotes => "#/quotes".to_string(),
            Route::Timeline => "#/timeline".to_string(),
            Route::Map => "#/map".to_string(),
            Route::Claims => "#/claims".to_string(),
            Route::Corrections => "#/corrections".to_string(),
            Route::Compare(a, b) => {
                let mut h = "#/compare".to_string();
                for id in [a, b] {
                    h.push('/');
                    h.push_str(&percent_encode(id.as_deref().unwrap_or("")));
                }
                h.trim_end_matches('/').to_string()
            }
            Route::NotFound(h) => format!("#/{h}"),
        }
    }
}

/// The value of `key` in a `a=1&b=2` query string, percent-decoded (`+` is a space).
pub fn query_param(query: &str, key: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then(|| percent_decode(&v.replace('+', " ")))
    })
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; malformed escapes and invalid UTF-8 are kept as text
/// rather than failing, so any URL a user pastes opens something.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_view() {
        assert_eq!(Route::parse(""), Route::Library);
        assert_eq!(Route::parse("#/"), Route::Library);
        assert_eq!(
            Route::parse("#/search?q=Lyman"),
            Route::Search("Lyman".into())
        );
        assert_eq!(Route::parse("#/search"), Route::Search(String::new()));
        assert_eq!(
            Route::parse("#/article/001_121d20f4aa6c6f84"),
            Route::article("001_121d20f4aa6c6f84")
        );
        assert_eq!(
            Route::parse("#/article/a1?at=120"),
            Route::Article("a1".into(), Some(120))
        );
        // A passage that is not a number opens the article from its top.
        assert_eq!(Route::parse("#/article/a1?at=x"), Route::article("a1"));
        assert!(matches!(Route::parse("#/nope/x/y"), Route::NotFound(_)));
        assert_eq!(Route::parse("#/entities"), Route::Entities);
        assert_eq!(
            Route::parse("#/entity/p-vladimir-putin"),
            Route::Entity("p-vladimir-putin".into())
        );
        assert_eq!(Route::parse("#/quotes"), Route::Quotes);
        assert_eq!(Route::parse("#/timeline"), Route::Timeline);
        assert_eq!(Route::parse("#/map"), Route::Map);
        assert_eq!(Route::parse("#/claims"), Route::Claims);
        assert_eq!(
            Route::parse("#/compare/a/b"),
            Route::Compare(Some("a".into()), Some("b".into()))
        );
        assert_eq!(
            Route::parse("#/compare//b"),
            Route::Compare(None, Some("b".into()))
        );
        assert_eq!(Route::parse("#/compare"), Route::Compare(None, None));
    }

    #[test]
    fn every_route_round_trips() {
        for r in [
            Route::Library,
            Route::Entities,
            Route::Entity("org/with slash".into()),
            Route::Quotes,
            Route::Timeline,
            Route::Map,
            Route::Claims,
            Route::Compare(Some("a".into()), Some("b".into())),
            Route::Compare(None, Some("b".into())),
            Route::Compare(Some("a".into()), None),
            Route::Compare(None, None),
            Route::article("x y"),
            Route::Article("x y".into(), Some(42)),
        ] {
            assert_eq!(Route::parse(&r.to_hash()), r, "{}", r.to_hash());
        }
    }

    #[test]
    fn queries_round_trip_through_the_hash() {
        for q in ["Lyman", "two words", "Київ & \"quotes\"", "a+b=c", "100%"] {
            let r = Route::Search(q.to_string());
            assert_eq!(Route::parse(&r.to_hash()), r, "{q}");
        }
    }

    #[test]
    fn plus_is_a_space_and_bad_escapes_survive() {
        assert_eq!(Route::parse("#/search?q=a+b"), Route::Search("a b".into()));
        assert_eq!(
            Route::parse("#/search?q=100%"),
            Route::Search("100%".into())
        );
        assert_eq!(Route::parse("#/search?q=%zz"), Route::Search("%zz".into()));
    }
}
