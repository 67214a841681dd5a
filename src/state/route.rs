//! Hash routes: every view has a deep link that works on any static host and from a
//! file, because the part after `#` never reaches a server.
//!
//! | hash | view |
//! |---|---|
//! | `#/` | library |
//! | `#/search?q=QUERY` | results for QUERY |
//! | `#/article/ID` | the reader |
//!
//! Parsing and formatting are plain functions, tested natively.

/// A view of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The library: every article as a card.
    Library,
    /// Search results for a query (as typed, possibly empty).
    Search(String),
    /// The reader for one article id.
    Article(String),
    /// Anything else: shown as "not found" with a way home.
    NotFound(String),
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let h = hash.strip_prefix('#').unwrap_or(hash);
        let h = h.strip_prefix('/').unwrap_or(h);
        let (path, query) = match h.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (h, None),
        };
        let path = path.trim_end_matches('/');
        match path.split_once('/') {
            None if path.is_empty() => Route::Library,
            None if path == "search" => {
                Route::Search(query.and_then(|q| query_param(q, "q")).unwrap_or_default())
            }
            Some(("article", id)) if !id.is_empty() && !id.contains('/') => {
                Route::Article(percent_decode(id))
            }
            _ => Route::NotFound(h.to_string()),
        }
    }

    /// The hash for this route, starting with `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Library => "#/".to_string(),
            Route::Search(q) => format!("#/search?q={}", percent_encode(q)),
            Route::Article(id) => format!("#/article/{}", percent_encode(id)),
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
            Route::Article("001_121d20f4aa6c6f84".into())
        );
        assert!(matches!(Route::parse("#/nope/x/y"), Route::NotFound(_)));
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
