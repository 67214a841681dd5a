//! The query language, as typed into the search box.
//!
//! | syntax | meaning |
//! |---|---|
//! | `kharkiv counteroffensive` | every word must match (in any order), ranked by BM25F |
//! | `counteroff` (last word, no space after) | also matches as a prefix, so results come as you type |
//! | `"exact phrase"` | the words in this order, anywhere in the query |
//! | `-word`, `-"a phrase"` | articles containing it are left out |
//! | `lyman OR kreminna` | either side may match (binds tighter than the implicit AND) |
//! | `person:zelensky`, `place:"kryvyi rih"`, `org:nato` | an entity of that kind, any alias, any romanisation |
//! | `source:guardian` | the outlet's name contains these words |
//! | `after:2022-10-01`, `before:2022-11` | published on or after / before (a year or month works too) |
//! | `sort:date` | newest first instead of most relevant first |
//!
//! A key design decision: parsing never fails. Whatever the user typed searches for
//! something sensible, and anything the parser had to reinterpret is explained in
//! [`Query::notices`] — human-readable sentences the app shows under the box.
//!
//! ```
//! use folio_core::search::query::{Alt, Query};
//!
//! let q = Query::parse("Kharkiv counteroff");
//! assert_eq!(q.clauses.len(), 2);
//! assert!(matches!(&q.clauses[1].alts[0], Alt::Word(t) if t.prefix));
//!
//! let q = Query::parse("\"unclosed quote lyman");
//! assert_eq!(q.notices, ["unclosed quote: searched as words"]);
//! assert_eq!(q.clauses.len(), 3);
//! ```

use crate::model::EntityKind;
use crate::text::{fold, tokens, variant_key};

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Clauses that must all match.
    pub clauses: Vec<Clause>,
    /// Words and phrases no result may contain.
    pub excluded: Vec<Alt>,
    /// Conditions on the article's metadata and entities.
    pub filters: Vec<Filter>,
    /// The order of results.
    pub sort: Sort,
    /// What the parser reinterpreted, as sentences for the user.
    pub notices: Vec<String>,
    /// Every known field as typed, in order, with where it is in the input:
    /// the app shows each as a chip that takes it out of the query again.
    pub fields: Vec<FieldUse>,
}

/// One `name:value` of a query, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldUse {
    /// Byte range in the input, from a leading `-` to a closing quote.
    pub span: std::ops::Range<usize>,
    /// The field's name as typed (`person`, `org`, `after`…).
    pub name: String,
    /// Its value, without quotes.
    pub value: String,
}

impl FieldUse {
    /// The input without this field, spaces tidied: what taking it out of
    /// the query leaves.
    pub fn removed_from(&self, input: &str) -> String {
        let (before, after) = (&input[..self.span.start], &input[self.span.end..]);
        let before = before.trim_end();
        let after = after.trim_start();
        match (before.is_empty(), after.is_empty()) {
            (true, _) => after.to_string(),
            (_, true) => format!("{before} "),
            _ => format!("{before} {after}"),
        }
    }
}

/// Alternatives of which at least one must match (`a OR b`; usually just one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The alternatives.
    pub alts: Vec<Alt>,
}

/// A word or a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alt {
    /// One word (with its stem, variant spellings and, for longer words, typos).
    Word(QueryTerm),
    /// Folded words that must appear in this order.
    Phrase(Vec<String>),
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    /// The folded word.
    pub text: String,
    /// Whether the word also matches as a prefix (the word being typed).
    pub prefix: bool,
}

/// A condition on metadata or entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// An entity of this kind whose name or any alias contains these words,
    /// compared by [`variant_key`].
    Entity {
        /// Person, place or organisation.
        kind: EntityKind,
        /// Variant keys of the words asked for.
        keys: Vec<String>,
    },
    /// The outlet's name contains these folded words.
    Source(Vec<String>),
    /// Published on or after this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    After(String),
    /// Published before this date (same forms).
    Before(String),
}

impl Filter {
    /// Whether an entity of `kind`, whose names' words have these variant
    /// keys, is one this filter asks for: every word asked for is among them.
    /// The index, the sharded site's reader and a hit's passage all ask this.
    pub fn wants_entity(&self, kind: EntityKind, keys: &[String]) -> bool {
        matches!(self, Filter::Entity { kind: k, keys: want }
            if *k == kind && want.iter().all(|w| keys.contains(w)))
    }
}

/// The order of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first; undated articles last.
    Date,
}

/// One lexical item before clauses are formed.
enum Item {
    Alt(Alt),
    Or,
    /// A field filter was here (it only matters for what is being typed last).
    Field,
}

impl Query {
    /// Parses what the user typed. Never fails (see the module docs).
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        let mut items: Vec<(Item, bool)> = Vec::new(); // (item, negated)
        let mut rest = input;
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            let at = input.len() - rest.len();
            let negated = rest.starts_with('-')
                && rest[1..].starts_with(|c: char| c == '"' || c.is_alphanumeric());
            if negated {
                rest = &rest[1..];
            }
            if let Some(after) = rest.strip_prefix('"') {
                match after.find('"') {
                    Some(end) => {
                        let words = words(&after[..end]);
                        match words.len() {
                            0 => {}
                            1 => items.push((Item::Alt(word(&words[0])), negated)),
                            _ => items.push((Item::Alt(Alt::Phrase(words)), negated)),
                        }
                        rest = &after[end + 1..];
                    }
                    None => {
                        q.notice("unclosed quote: searched as words");
                        for w in words(after) {
                            items.push((Item::Alt(word(&w)), negated));
                        }
                        rest = "";
                    }
                }
                continue;
            }
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '"')
                .unwrap_or(rest.len());
            let chunk = &rest[..end];
            rest = &rest[end..];
            if chunk == "OR" && !negated {
                items.push((Item::Or, false));
                continue;
            }
            if let Some((name, value)) = field(chunk) {
                let value = if value.is_empty() && rest.starts_with('"') {
                    let after = &rest[1..];
                    let close = after.find('"');
                    let v = &after[..close.unwrap_or(after.len())];
                    rest = close.map_or("", |c| &after[c + 1..]);
                    v
                } else {
                    value
                };
                if q.field(name, value, negated) {
                    if !value.trim().is_empty() {
                        q.fields.push(FieldUse {
                            span: at..input.len() - rest.len(),
                            name: name.to_string(),
                            value: value.to_string(),
                        });
                    }
                    items.push((Item::Field, false));
                    continue;
                }
                q.notice(&format!("unknown field {name}: searched as a word"));
            }
            for w in words(chunk) {
                items.push((Item::Alt(word(&w)), negated));
            }
        }
        q.clauses_from(items, input);
        q
    }

    /// Whether the query has nothing to search for: no words, no filters.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.filters.is_empty() && self.excluded.is_empty()
    }

    /// Every folded word the query asks for (not excluded ones), in order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.clauses
            .iter()
            .flat_map(|c| c.alts.iter())
            .flat_map(|a| match a {
                Alt::Word(t) => std::slice::from_ref(&t.text),
                Alt::Phrase(ws) => ws.as_slice(),
            })
            .map(String::as_str)
    }

    fn notice(&mut self, text: &str) {
        if !self.notices.iter().any(|n| n == text) {
            self.notices.push(text.to_string());
        }
    }

    /// Applies a known field; returns false for an unknown field name.
    fn field(&mut self, name: &str, value: &str, negated: bool) -> bool {
        let kind = match name {
            "person" | "people" => Some(EntityKind::Person),
            "place" => Some(EntityKind::Place),
            "org" | "organisation" | "organization" => Some(EntityKind::Org),
            "source" | "after" | "before" | "sort" => None,
            _ => return false,
        };
        if negated {
            self.notice(&format!("-{name}: cannot be excluded: used as a filter"));
        }
        let folded = words(value);
        if folded.is_empty() {
            // Still being typed ("person:"): nothing to filter on yet.
            return true;
        }
        let filter = match (kind, name) {
            (Some(kind), _) => Filter::Entity {
                kind,
                keys: folded.iter().map(|w| variant_key(w)).collect(),
            },
            (None, "source") => Filter::Source(folded),
            (None, "after" | "before") => match date(value) {
                Some(d) if name == "after" => Filter::After(d),
                Some(d) => Filter::Before(d),
                None => {
                    self.notice(&format!(
                        "{name}: expects a date like 2022-10-01: \"{value}\" ignored"
                    ));
                    return true;
                }
            },
            _ => {
                match value {
                    "date" | "newest" => self.sort = Sort::Date,
                    "relevance" => self.sort = Sort::Relevance,
                    _ => self.notice(&format!(
                        "sort: knows date and relevance: \"{value}\" ignored"
                    )),
                }
                return true;
            }
        };
        if !self.filters.contains(&filter) {
            self.filters.push(filter);
        }
        true
    }

    /// Groups items into clauses: `OR` joins its neighbours, negated items become
    /// exclusions, and the last word is a prefix while the user is still typing it.
    fn clauses_from(&mut self, items: Vec<(Item, bool)>, input: &str) {
        let mut join = false;
        let mut dangling_or = false;
        // Only the very last item is being typed, and only a plain word can be a
        // prefix ("lyman -kremi" is typing an exclusion, not a prefix of lyman).
        let last_alt = match items.last() {
            Some((Item::Alt(Alt::Word(_)), false)) => Some(items.len() - 1),
            _ => None,
        };
        for (i, (item, negated)) in items.into_iter().enumerate() {
            match item {
                Item::Or => {
                    if self.clauses.is_empty() || join {
                        dangling_or = true;
                    }
                    join = !self.clauses.is_empty();
                }
                Item::Field => {}
                Item::Alt(alt) if negated => {
                    if !self.excluded.contains(&alt) {
                        self.excluded.push(alt);
                    }
                }
                Item::Alt(mut alt) => {
                    if let Alt::Word(t) = &mut alt {
                        t.prefix =
                            Some(i) == last_alt && input.ends_with(|c: char| c.is_alphanumeric());
                    }
                    match self.clauses.last_mut() {
                        Some(c) if join => {
                            if !c.alts.contains(&alt) {
                                c.alts.push(alt);
                            }
                        }
                        _ => {
                            let clause = Clause { alts: vec![alt] };
                            if !self.clauses.contains(&clause) {
                                self.clauses.push(clause);
                            }
                        }
                    }
                    join = false;
                }
            }
        }
        if join || dangling_or {
            self.notice("OR needs words on both sides: ignored");
        }
    }
}

/// `name:value` when `chunk` starts with a field name (letters) and a colon.
fn field(chunk: &str) -> Option<(&str, &str)> {
    let (name, value) = chunk.split_once(':')?;
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase())).then_some((name, value))
}

/// The folded words of a piece of query text.
fn words(text: &str) -> Vec<String> {
    tokens(text)
        .map(|t| fold(t.text))
        .filter(|w| !w.is_empty())
        .collect()
}

fn word(w: &str) -> Alt {
    Alt::Word(QueryTerm {
        text: w.to_string(),
        prefix: false,
    })
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with plausible numbers, as written.
fn date(value: &str) -> Option<String> {
    let parts: Vec<&str> = value.split('-').collect();
    let ok = |s: &str, n: usize, max: u32| {
        s.len() == n
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|v| v >= 1 && v <= max)
    };
    let valid = match parts.as_slice() {
        [y] => ok(y, 4, 9999),
        [y, m] => ok(y, 4, 9999) && ok(m, 2, 12),
        [y, m, d] => ok(y, 4, 9999) && ok(m, 2, 12) && ok(d, 2, 31),
        _ => false,
    };
    valid.then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(t: &str) -> Alt {
        word(t)
    }

    /// Guards the chips of chosen filters (issue #17): each known field is
    /// found with its span, quoted values included, and taking one out leaves
    /// the rest of the query as typed.
    #[test]
    fn fields_are_found_with_their_spans_and_come_out_cleanly() {
        let input = "ferry person:\"Ana Lima\" -place:Varna after:2022-10-01 colour:red";
        let q = Query::parse(input);
        let seen: Vec<(&str, &str, &str)> = q
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.value.as_str(), &input[f.span.clone()]))
            .collect();
        assert_eq!(
            seen,
            vec![
                ("person", "Ana Lima", "person:\"Ana Lima\""),
                ("place", "Varna", "-place:Varna"),
                ("after", "2022-10-01", "after:2022-10-01"),
            ]
        );
        assert_eq!(
            q.fields[0].removed_from(input),
            "ferry -place:Varna after:2022-10-01 colour:red"
        );
        let tail = "place:Varna after:2022 ";
        assert_eq!(
            Query::parse(tail).fields[1].removed_from(tail),
            "place:Varna "
        );
        assert_eq!(
            Query::parse("place:Varna ferry").fields[0].removed_from("place:Varna ferry"),
            "ferry"
        );
        assert!(Query::parse("person:").fields.is_empty(), "still typing");
    }

    #[test]
    fn plain_words_are_clauses_and_the_last_is_a_prefix_while_typing() {
        let q = Query::parse("Kharkiv counteroff");
        assert_eq!(q.clauses.len(), 2);
        assert_eq!(q.clauses[0].alts, vec![w("kharkiv")]);
        assert!(matches!(&q.clauses[1].alts[0], Alt::Word(t) if t.prefix));
        let q = Query::parse("Kharkiv ");
        assert!(matches!(&q.clauses[0].alts[0], Alt::Word(t) if !t.prefix));
        assert!(q.notices.is_empty());
        // Regression: typing an exclusion or a filter must not make the previous
        // word a prefix.
        for typing in [
            "kharkiv -kremi",
            "kharkiv source:reu",
            "kharkiv \"full control\"",
        ] {
            let q = Query::parse(typing);
            assert!(
                matches!(&q.clauses[0].alts[0], Alt::Word(t) if !t.prefix),
                "{typing}"
            );
        }
    }

    #[test]
    fn phrases_exclusions_and_or() {
        let q = Query::parse("\"Russian troops\" -Lyman -\"Donetsk region\" izium OR kupiansk");
        assert_eq!(
            q.clauses[0].alts,
            vec![Alt::Phrase(vec!["russian".into(), "troops".into()])]
        );
        assert_eq!(
            q.excluded,
            vec![
                w("lyman"),
                Alt::Phrase(vec!["donetsk".into(), "region".into()])
            ]
        );
        assert_eq!(q.clauses.len(), 2);
        assert_eq!(q.clauses[1].alts.len(), 2);
    }

    #[test]
    fn fields_filter_and_sort() {
        let q = Query::parse(
            "person:Zelenskiy place:\"Kryvyi Rih\" org:nato source:guardian after:2022-10-01 before:2022-11 sort:date",
        );
        assert!(q.clauses.is_empty());
        assert_eq!(q.sort, Sort::Date);
        assert_eq!(q.filters.len(), 6);
        assert_eq!(
            q.filters[0],
            Filter::Entity {
                kind: EntityKind::Person,
                keys: vec![variant_key("zelenskyy")]
            }
        );
        assert_eq!(q.filters[4], Filter::After("2022-10-01".into()));
        assert!(q.notices.is_empty(), "{:?}", q.notices);
    }

    #[test]
    fn malformed_queries_search_sensibly_and_say_so() {
        let q = Query::parse("foo:bar lyman");
        assert_eq!(q.notices, ["unknown field foo: searched as a word"]);
        assert_eq!(q.clauses.len(), 3);
        let q = Query::parse("after:yesterday lyman");
        assert_eq!(q.clauses.len(), 1);
        assert_eq!(q.notices.len(), 1);
        let q = Query::parse("OR lyman OR");
        assert_eq!(q.clauses.len(), 1);
        assert_eq!(q.notices, ["OR needs words on both sides: ignored"]);
        assert!(Query::parse("- \" \"\" :: -").is_empty());
    }

    #[test]
    fn urls_and_times_are_words_not_fields() {
        let q = Query::parse("12:30");
        assert_eq!(q.clauses.len(), 2);
        assert!(q.notices.is_empty());
    }
}
