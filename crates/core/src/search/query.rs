//! The query language, as typed into the search box.
//!
//! Plain words must all match (in any order, ranked by BM25F). While the user is
//! still typing the last word — the query does not end in white space — that word
//! also matches as a prefix, so results come as you type.
//!
//! ```
//! use folio_core::search::Query;
//!
//! let q = Query::parse("Kharkiv counteroff");
//! assert_eq!(q.terms.len(), 2);
//! assert!(!q.terms[0].prefix);
//! assert!(q.terms[1].prefix);
//! assert!(!Query::parse("Kharkiv ").terms[0].prefix);
//! ```

use super::tokenize::{fold, tokens};

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Terms that must all match, folded.
    pub terms: Vec<QueryTerm>,
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    /// The folded word.
    pub text: String,
    /// Whether the word also matches as a prefix (the word being typed).
    pub prefix: bool,
}

impl Query {
    /// Parses what the user typed. Never fails: anything that is not a word is
    /// ignored, so every input searches for something sensible.
    pub fn parse(input: &str) -> Query {
        let mut terms: Vec<QueryTerm> = tokens(input)
            .map(|t| QueryTerm {
                text: fold(t.text),
                prefix: false,
            })
            .filter(|t| !t.text.is_empty())
            .collect();
        let typing = input.ends_with(|c: char| c.is_alphanumeric());
        if let Some(last) = terms.last_mut() {
            last.prefix = typing;
        }
        let mut seen = std::collections::HashSet::new();
        terms.retain(|t| seen.insert((t.text.clone(), t.prefix)));
        Query { terms }
    }

    /// Whether the query has nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}
