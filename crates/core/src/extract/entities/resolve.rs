//! The decisions that need every mention of a name, taken once the whole
//! article has been classified: one kind per name, the strongest evidence of any
//! of its mentions winning ("Kherson" is a place when "Kherson region" is one);
//! short forms linked to the full name (a surname to the one person who carries
//! it, an acronym to the organisation it is defined after, an organisation's
//! name to the one qualified organisation that ends with it, "Defense Ministry"
//! to "Russia's Defense Ministry"); lone sentence openers kept only
//! when another mention vouches for them; and a default kind for a name with no
//! evidence anywhere.
//!
//! Evidence that comes from the rest of the article, or from other articles,
//! belongs here rather than in the evidence about one mention.

use super::candidate::{Cand, Strength, MEDIUM, STRONG, WEAK};
use crate::extract::lexicon::WordSet;
use crate::model::EntityKind;
use crate::text::{fold_name, FxMap};

/// The kind of a one-word name with no evidence anywhere in the article.
const DEFAULT_SINGLE: EntityKind = EntityKind::Org;

/// A name of the article with its kind and its candidates, in text order.
#[derive(Debug)]
pub(super) struct Resolved {
    /// The article-level key (the folded full name).
    pub(super) key: String,
    pub(super) kind: EntityKind,
    pub(super) cands: Vec<Cand>,
}

/// Resolves short forms and votes one kind per name; returns the names, in
/// order of first appearance.
pub(super) fn resolve(text: &str, mut cands: Vec<Cand>) -> Vec<Resolved> {
    // Dotted acronyms keep their final dot: "U.S." is the name, not "U.S".
    for c in &mut cands {
        if text[c.start..c.end].contains('.') && text[c.end..].starts_with('.') {
            c.end += 1;
        }
        // "[Vladimir] Putin": the mention keeps the editor's bracket whole.
        if text[c.start..c.end].contains(']') && text[..c.start].ends_with('[') {
            c.start -= 1;
        }
    }
    // Strongest kind per key.
    let mut kind_of: FxMap<String, (EntityKind, Strength)> = FxMap::default();
    for c in &cands {
        if let Some(k) = c.kind {
            // (The key is copied only the first time it is seen.)
            match kind_of.get_mut(&c.key) {
                Some(e) if c.strength > e.1 => *e = (k, c.strength),
                Some(_) => {}
                None => {
                    kind_of.insert(c.key.clone(), (k, c.strength));
                }
            }
        }
    }
    // A name that has a region ("Kherson" beside "Kherson region") is a place
    // unless something strong says otherwise.
    let region_keys: Vec<String> = kind_of
        .iter()
        .filter(|(k, v)| v.0 == EntityKind::Place && k.ends_with(" region"))
        .map(|(k, _)| k.trim_end_matches(" region").to_string())
        .collect();
    for base in region_keys {
        let e = kind_of.entry(base).or_insert((EntityKind::Place, WEAK));
        if e.1 < STRONG {
            *e = (EntityKind::Place, MEDIUM);
        }
    }
    // Surnames of multi-word people ("Putin" → "Vladimir Putin"). A surname shared
    // by two different people resolves to neither.
    let mut surname: FxMap<String, Option<String>> = FxMap::default();
    for c in &cands {
        if c.words >= 2
            && kind_of
                .get(&c.key)
                .is_some_and(|k| k.0 == EntityKind::Person)
        {
            let last = c.key.rsplit(' ').next().unwrap_or("").to_string();
            let slot = surname.entry(last).or_insert_with(|| Some(c.key.clone()));
            if slot.as_deref() != Some(c.key.as_str()) {
                *slot = None;
            }
        }
    }
    // Acronyms defined in brackets after a name: "Security Service of Ukraine (SBU)".
    let mut acronym_of: FxMap<String, String> = FxMap::default();
    for c in &cands {
        let after = &text[c.end..];
        if let Some(rest) = after.strip_prefix(" (") {
            if let Some(close) = rest.find(')') {
                let inner = &rest[..close];
                if inner.len() >= 2 && inner.chars().all(|ch| ch.is_uppercase()) {
                    acronym_of.insert(fold_name(inner), c.key.clone());
                }
            }
        }
    }
    // Unqualified organisation names that one qualified organisation ends with.
    let org_keys: Vec<String> = kind_of
        .iter()
        .filter(|(_, k)| k.0 == EntityKind::Org)
        .map(|(k, _)| k.clone())
        .collect();
    for c in &mut cands {
        let single = c.words == 1;
        let weakish = kind_of
            .get(&c.key)
            .is_none_or(|k| k.1 < STRONG || k.0 == EntityKind::Person);
        if single && weakish {
            if let Some(Some(full)) = surname.get(&c.key) {
                c.key = full.clone();
                c.opener = false;
                continue;
            }
        }
        if let Some(full) = acronym_of.get(&c.key) {
            c.key = full.clone();
            c.opener = false;
            continue;
        }
        if kind_of.get(&c.key).is_some_and(|k| k.0 == EntityKind::Org) {
            let suffix = format!(" {}", c.key);
            let longer: Vec<&String> = org_keys.iter().filter(|k| k.ends_with(&suffix)).collect();
            if longer.len() == 1 {
                c.key = longer[0].clone();
            }
        }
    }
    // Openers that resolved to nothing ("Later", "Gradsky" with no "Alexander
    // Gradsky") and have no evidence anywhere are ordinary capitalised words,
    // unless the text also writes them capitalised inside a sentence: a word
    // capitalised where capitals are not automatic is a name ("Hitzig noticed"
    // opening one sentence, "in 1870 Hitzig published" inside another).
    let keep: Vec<bool> = {
        let inside: WordSet = cands
            .iter()
            .filter(|c| !c.opener)
            .map(|c| c.key.as_str())
            .collect();
        cands
            .iter()
            .map(|c| !c.opener || kind_of.contains_key(&c.key) || inside.contains(c.key.as_str()))
            .collect()
    };
    let mut keep = keep.into_iter();
    cands.retain(|_| keep.next().unwrap_or(true));
    // Group by key, in order of first appearance.
    let mut group_of: FxMap<String, usize> = FxMap::default();
    let mut groups: Vec<(String, Vec<Cand>)> = Vec::new();
    for c in cands {
        match group_of.get(&c.key) {
            Some(&g) => groups[g].1.push(c),
            None => {
                group_of.insert(c.key.clone(), groups.len());
                groups.push((c.key.clone(), vec![c]));
            }
        }
    }
    let mut names = Vec::new();
    for (k, group) in groups {
        let kind = kind_of.get(&k).map(|x| x.0).or_else(|| {
            // A name with no evidence anywhere: a multi-word name is most often a
            // person, a single word most often a place.
            if group.iter().any(|c| c.words > 1) {
                Some(EntityKind::Person)
            } else if group.len() > 1 {
                // A one-word name written more than once is a name; written
                // once with no evidence at all it is more often an ordinary
                // capitalised word (measured on wikigold and GUM: dropping
                // those gains precision for little recall).
                Some(DEFAULT_SINGLE)
            } else {
                None
            }
        });
        let Some(kind) = kind else { continue };
        names.push(Resolved {
            key: k,
            kind,
            cands: group,
        });
    }
    names
}

#[cfg(test)]
mod tests {
    use crate::extract::entities::find;

    #[test]
    fn honorific_short_form_resolves_to_full_name() {
        let t = "The head of the council, Maria Ganchev, spoke. Mr Ganchev later said more.";
        let e = find(t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].mentions.len(), 2);
    }

    #[test]
    fn two_people_sharing_a_surname_keep_their_short_form_apart() {
        let t = "Anna Berg and Peter Berg met. Berg said nothing.";
        let e = find(t);
        assert!(e.iter().any(|x| x.name == "Anna Berg"));
        assert!(e.iter().any(|x| x.name == "Peter Berg"));
    }

    #[test]
    fn a_capitalised_opener_is_a_name_when_written_so_inside_a_sentence() {
        // Guards the opener rule in `resolve`: "Budjana" opening sentences is
        // the same name as "Budjana" inside one.
        let t = "Budjana started a band. Later that year Budjana moved to Jakarta.";
        let e = find(t);
        let b = e.iter().find(|x| x.name == "Budjana").expect("Budjana");
        assert_eq!(b.mentions.len(), 2);
    }
}
