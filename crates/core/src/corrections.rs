//! Corrections by hand: what a reader fixes where the extractor was wrong.
//!
//! A correction is an operation kept beside the extraction, never a rewrite of
//! it: the extractor's output stays as it was, and the list is applied after
//! every merge (in the import worker, in `folio build` and `folio bundle`), so
//! a fix survives re-import and re-extraction. Entities are named by their
//! kind and any name they go by (folded, so "Kyiv" and "KYIV" are one key),
//! never by their corpus id, which the merge derives afresh; a quote is named
//! by its article and its byte offsets.
//!
//! Each correction states what should hold ("X is not an entity", "A and B
//! are one"), so applying it again, or to an extraction it was applied to
//! already (a corrected bundle read back), changes nothing: exports carry the
//! corrected extraction *and* the corrections, and any reader that merges
//! afresh applies them again. One whose target is no longer in the corpus is
//! reported by [`apply`] as [`Outcome::Missing`], and kept, never dropped
//! (except "not an entity", which then holds).

use serde::{Deserialize, Serialize};

use crate::model::{Article, ArticleEntity, CorpusEntity, EntityKind, Extraction};
use crate::text::{fold_name, truncate_words, FxMap, FxSet};

/// The `format` field of a corrections file.
pub const FORMAT: &str = "folio-corrections";
/// The corrections file version this build writes and reads.
pub const VERSION: u32 = 1;

/// One correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Correction {
    /// The entity is not one (a phrase, a brand taken for a person…): its
    /// mentions go, and quotes it spoke lose their speaker.
    NotEntity {
        /// Its kind as extracted.
        kind: EntityKind,
        /// Any name it goes by.
        name: String,
    },
    /// The entity is of another kind (joining an entity of that kind with the
    /// same name, if there is one).
    Kind {
        /// Its kind as extracted.
        kind: EntityKind,
        /// Any name it goes by.
        name: String,
        /// Its kind.
        to: EntityKind,
    },
    /// The entity is shown by another name (its id, and so its links, stay).
    Rename {
        /// Its kind.
        kind: EntityKind,
        /// Any name it goes by.
        name: String,
        /// The name to show.
        to: String,
    },
    /// Two entities are one: the first joins the second.
    Merge {
        /// The first's kind.
        kind: EntityKind,
        /// Any name the first goes by.
        name: String,
        /// The second's kind.
        into_kind: EntityKind,
        /// Any name the second goes by.
        into: String,
    },
    /// One of an entity's names is another entity: its mentions leave.
    Split {
        /// The entity's kind.
        kind: EntityKind,
        /// Its name (any name it goes by but the one split off).
        name: String,
        /// The name that is another entity.
        alias: String,
    },
    /// The speaker of a quote, or none.
    Speaker {
        /// The quote's article.
        article: String,
        /// The quote's byte offsets in its article's text.
        start: usize,
        /// See `start`.
        end: usize,
        /// The speaker (an entity's name where one goes by it), or `None`
        /// for no speaker.
        speaker: Option<String>,
    },
}

/// What applying one correction did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// It changed the extraction (in this many articles).
    Changed(usize),
    /// What it states holds already.
    Holds,
    /// Its target is not in the corpus (any more): why, in one line.
    Missing(String),
}

impl Outcome {
    /// For a person: "changed 3 articles", "already so", or what is missing.
    pub fn describe(&self) -> String {
        match self {
            Outcome::Changed(1) => "applied in 1 article".into(),
            Outcome::Changed(n) => format!("applied in {n} articles"),
            Outcome::Holds => "already so".into(),
            Outcome::Missing(why) => format!("not applied: {why}"),
        }
    }
}

impl Correction {
    /// The correction in one line, naming a quote by its words and its
    /// article's title where `articles` holds it: what a person reads in the
    /// list of corrections. Falls back to [`Correction::describe`].
    pub fn describe_in(&self, articles: &[Article]) -> String {
        let Correction::Speaker {
            article,
            start,
            end,
            speaker,
        } = self
        else {
            return self.describe();
        };
        let Some((title, words)) = articles
            .iter()
            .find(|a| &a.id == article)
            .and_then(|a| Some((&a.title, a.text.get(*start..*end)?)))
        else {
            return self.describe();
        };
        let quote = truncate_words(words.trim(), 60);
        match speaker {
            Some(s) => format!("\u{201c}{quote}\u{201d} in {title} is by \u{201c}{s}\u{201d}"),
            None => format!("\u{201c}{quote}\u{201d} in {title} has no speaker"),
        }
    }

    /// The correction in one line, for the list of corrections and reports.
    pub fn describe(&self) -> String {
        match self {
            Correction::NotEntity { kind, name } => {
                format!(
                    "\u{201c}{name}\u{201d} ({}) is not an entity",
                    kind.as_str()
                )
            }
            Correction::Kind { kind, name, to } => format!(
                "\u{201c}{name}\u{201d} is a {}, not a {}",
                to.as_str(),
                kind.as_str()
            ),
            Correction::Rename { kind, name, to } => format!(
                "\u{201c}{name}\u{201d} ({}) is shown as \u{201c}{to}\u{201d}",
                kind.as_str()
            ),
            Correction::Merge {
                kind,
                name,
                into_kind,
                into,
            } => format!(
                "\u{201c}{name}\u{201d} ({}) is \u{201c}{into}\u{201d} ({})",
                kind.as_str(),
                into_kind.as_str()
            ),
            Correction::Split { kind, name, alias } => format!(
                "\u{201c}{alias}\u{201d} is not \u{201c}{name}\u{201d} ({})",
                kind.as_str()
            ),
            Correction::Speaker {
                article,
                start,
                speaker,
                ..
            } => match speaker {
                Some(s) => format!("the quote at {article}:{start} is by \u{201c}{s}\u{201d}"),
                None => format!("the quote at {article}:{start} has no speaker"),
            },
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: String,
    version: u32,
    corrections: Vec<Correction>,
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    corrections: &'a [Correction],
}

/// A corrections file (what the app's list of corrections downloads, and
/// `--corrections FILE` reads).
pub fn to_json(corrections: &[Correction]) -> String {
    serde_json::to_string_pretty(&FileOut {
        format: FORMAT,
        version: VERSION,
        corrections,
    })
    .expect("corrections always serialise")
}

/// The corrections of a corrections file; an error says what is wrong.
pub fn from_json(json: &str) -> Result<Vec<Correction>, String> {
    let file: File = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if file.format != FORMAT {
        return Err(format!("format is {:?}, not {FORMAT:?}", file.format));
    }
    if file.version != VERSION {
        return Err(format!(
            "version {} (this Folio reads version {VERSION})",
            file.version
        ));
    }
    Ok(file.corrections)
}

/// Adds corrections to a list, each once: one stated again (from a bundle
/// imported twice, say) is not listed twice. Returns how many were new.
pub fn extend(list: &mut Vec<Correction>, more: impl IntoIterator<Item = Correction>) -> usize {
    let before = list.len();
    for c in more {
        if !list.contains(&c) {
            list.push(c);
        }
    }
    list.len() - before
}

/// Applies the corrections in order to a merged extraction; returns each
/// one's outcome and the ids of the articles changed (for an index to update).
pub fn apply(x: &mut Extraction, corrections: &[Correction]) -> (Vec<Outcome>, Vec<String>) {
    let mut touched: FxSet<String> = FxSet::default();
    let outcomes = corrections
        .iter()
        .map(|c| apply_one(x, c, &mut touched))
        .collect();
    let mut touched: Vec<String> = touched.into_iter().collect();
    touched.sort();
    (outcomes, touched)
}

fn find(x: &Extraction, kind: EntityKind, name: &str) -> Option<usize> {
    find_entity(&x.entities, kind, name)
}

/// The entity of this kind that goes by this name (folded; its shown name
/// before its other names), as corrections name their targets: the app
/// checks with it that a name typed for a merge names an entity.
pub fn find_entity(entities: &[CorpusEntity], kind: EntityKind, name: &str) -> Option<usize> {
    let key = fold_name(name);
    if key.is_empty() {
        return None;
    }
    let of_kind = || entities.iter().enumerate().filter(|(_, e)| e.kind == kind);
    of_kind()
        .find(|(_, e)| fold_name(&e.name) == key)
        .or_else(|| of_kind().find(|(_, e)| e.aliases.iter().any(|a| fold_name(a) == key)))
        .map(|(i, _)| i)
}

fn missing(kind: EntityKind, name: &str) -> Outcome {
    Outcome::Missing(format!(
        "no {} named \u{201c}{name}\u{201d} in the corpus",
        kind.as_str()
    ))
}

fn apply_one(x: &mut Extraction, c: &Correction, touched: &mut FxSet<String>) -> Outcome {
    match c {
        Correction::NotEntity { kind, name } => {
            // Nothing by that name is what it states: so it holds, whether
            // it was applied before (a corrected bundle read back) or the
            // extractor no longer finds the name.
            let Some(i) = find(x, *kind, name) else {
                return Outcome::Holds;
            };
            let gone = x.entities.remove(i);
            let n = rewrite(x, &gone, touched, |a| {
                a.entities.retain(|e| e.id != gone.id);
                for q in &mut a.quotes {
                    if q.speaker_id.as_deref() == Some(gone.id.as_str()) {
                        q.speaker = None;
                        q.speaker_id = None;
                    }
                }
            });
            Outcome::Changed(n)
        }
        Correction::Kind { kind, name, to } => {
            if kind == to {
                return Outcome::Holds;
            }
            let Some(i) = find(x, *kind, name) else {
                return match find(x, *to, name) {
                    Some(_) => Outcome::Holds,
                    None => missing(*kind, name),
                };
            };
            if let Some(j) = find(x, *to, &x.entities[i].name.clone()) {
                return Outcome::Changed(join(x, i, j, touched));
            }
            let old = x.entities[i].clone();
            let id = fresh_id(x, *to, &old.name);
            let e = &mut x.entities[i];
            e.kind = *to;
            e.id.clone_from(&id);
            Outcome::Changed(relabel(x, &old, &id, *to, touched))
        }
        Correction::Rename { kind, name, to } => {
            let Some(i) = find(x, *kind, name).or_else(|| find(x, *kind, to)) else {
                return missing(*kind, name);
            };
            let to = to.trim();
            if to.is_empty() {
                return Outcome::Missing("the new name is empty".into());
            }
            if x.entities[i].name == to {
                return Outcome::Holds;
            }
            let e = &mut x.entities[i];
            e.name = to.to_string();
            if !e.aliases.iter().any(|a| a == to) {
                e.aliases.push(to.to_string());
                e.aliases.sort();
            }
            // Quotes name their speaker by id, and views show the entity's
            // name: no article changes.
            Outcome::Changed(e.articles.len())
        }
        Correction::Merge {
            kind,
            name,
            into_kind,
            into,
        } => {
            let (Some(i), Some(j)) = (find(x, *kind, name), find(x, *into_kind, into)) else {
                let (k, n) = match find(x, *kind, name) {
                    Some(_) => (*into_kind, into),
                    None => (*kind, name),
                };
                return missing(k, n);
            };
            if i == j {
                return Outcome::Holds;
            }
            Outcome::Changed(join(x, i, j, touched))
        }
        Correction::Split { kind, name, alias } => split(x, *kind, name, alias, touched),
        Correction::Speaker {
            article,
            start,
            end,
            speaker,
        } => {
            let target = speaker.as_deref().map(str::trim).filter(|s| !s.is_empty());
            let by = target.and_then(|s| {
                find(x, EntityKind::Person, s)
                    .or_else(|| find(x, EntityKind::Org, s))
                    .map(|i| (x.entities[i].name.clone(), x.entities[i].id.clone()))
            });
            let Some(a) = x.articles.iter_mut().find(|a| &a.id == article) else {
                return Outcome::Missing(format!("no article {article:?} in the corpus"));
            };
            let Some(q) = a
                .quotes
                .iter_mut()
                .find(|q| q.start == *start && q.end == *end)
            else {
                return Outcome::Missing(format!("no quote at {start}..{end} in {article:?}"));
            };
            let (speaker, speaker_id) = match (target, by) {
                (None, _) => (None, None),
                (Some(_), Some((name, id))) => (Some(name), Some(id)),
                (Some(s), None) => (Some(s.to_string()), None),
            };
            if q.speaker == speaker && q.speaker_id == speaker_id {
                return Outcome::Holds;
            }
            q.speaker = speaker;
            q.speaker_id = speaker_id;
            touched.insert(a.id.clone());
            Outcome::Changed(1)
        }
    }
}

/// Runs `f` on every article of `e`; returns how many there were.
fn rewrite(
    x: &mut Extraction,
    e: &CorpusEntity,
    touched: &mut FxSet<String>,
    mut f: impl FnMut(&mut crate::model::Article),
) -> usize {
    let ids: FxSet<&str> = e.articles.iter().map(String::as_str).collect();
    let mut n = 0;
    for a in x
        .articles
        .iter_mut()
        .filter(|a| ids.contains(a.id.as_str()))
    {
        f(a);
        touched.insert(a.id.clone());
        n += 1;
    }
    // Quotes can name a speaker from another article's entity: follow those too.
    for a in x
        .articles
        .iter_mut()
        .filter(|a| !ids.contains(a.id.as_str()))
    {
        if a.quotes
            .iter()
            .any(|q| q.speaker_id.as_deref() == Some(e.id.as_str()))
        {
            f(a);
            touched.insert(a.id.clone());
        }
    }
    n
}

/// Gives every entry and speaker of `old` the new id and kind.
fn relabel(
    x: &mut Extraction,
    old: &CorpusEntity,
    id: &str,
    kind: EntityKind,
    touched: &mut FxSet<String>,
) -> usize {
    rewrite(x, old, touched, |a| {
        for e in a.entities.iter_mut().filter(|e| e.id == old.id) {
            e.id = id.to_string();
            e.kind = kind;
        }
        for q in &mut a.quotes {
            if q.speaker_id.as_deref() == Some(old.id.as_str()) {
                q.speaker_id = Some(id.to_string());
            }
        }
    })
}

/// Entity `i` joins entity `j`: one entity, `j`'s id and kind and name, both
/// sets of names and articles; two entries of one article become one.
fn join(x: &mut Extraction, i: usize, j: usize, touched: &mut FxSet<String>) -> usize {
    let from = x.entities[i].clone();
    let (id, kind) = {
        let to = &mut x.entities[j];
        to.aliases.extend(from.aliases.iter().cloned());
        to.aliases.sort();
        to.aliases.dedup();
        for a in &from.articles {
            if !to.articles.contains(a) {
                to.articles.push(a.clone());
            }
        }
        (to.id.clone(), to.kind)
    };
    x.entities.remove(i);
    rewrite(x, &from, touched, |a| {
        for e in a.entities.iter_mut().filter(|e| e.id == from.id) {
            e.id.clone_from(&id);
            e.kind = kind;
        }
        fold_entries(&mut a.entities);
        for q in &mut a.quotes {
            if q.speaker_id.as_deref() == Some(from.id.as_str()) {
                q.speaker_id = Some(id.clone());
            }
        }
    });
    // The article order of the entity follows the corpus's.
    let order: FxMap<&str, usize> = x
        .articles
        .iter()
        .enumerate()
        .map(|(n, a)| (a.id.as_str(), n))
        .collect();
    if let Some(e) = x.entities.iter_mut().find(|e| e.id == id) {
        e.articles
            .sort_by_key(|a| order.get(a.as_str()).copied().unwrap_or(usize::MAX));
    }
    from.articles.len()
}

/// Two entries with one id in one article become the first, with every mention
/// in text order.
fn fold_entries(entities: &mut Vec<ArticleEntity>) {
    let mut first: FxMap<String, usize> = FxMap::default();
    let mut keep: Vec<ArticleEntity> = Vec::with_capacity(entities.len());
    for e in entities.drain(..) {
        match first.get(&e.id) {
            Some(&k) => keep[k].mentions.extend(e.mentions),
            None => {
                first.insert(e.id.clone(), keep.len());
                keep.push(e);
            }
        }
    }
    for e in &mut keep {
        e.mentions.sort_by_key(|m| (m.start, m.end));
        e.mentions.dedup_by_key(|m| (m.start, m.end));
    }
    *entities = keep;
}

/// An id for a new entity of this kind and name that no entity has.
fn fresh_id(x: &Extraction, kind: EntityKind, name: &str) -> String {
    let base = format!("{}-{}", kind.as_str(), fold_name(name).replace(' ', "-"));
    let taken: FxSet<&str> = x.entities.iter().map(|e| e.id.as_str()).collect();
    if !taken.contains(base.as_str()) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .expect("some counter is free")
}

fn split(
    x: &mut Extraction,
    kind: EntityKind,
    name: &str,
    alias: &str,
    touched: &mut FxSet<String>,
) -> Outcome {
    let key = fold_name(alias);
    let Some(i) = find(x, kind, name) else {
        return missing(kind, name);
    };
    if !x.entities[i].aliases.iter().any(|a| fold_name(a) == key) {
        // Split off already (it is an entity of its own), or never a name of it.
        return match find(x, kind, alias) {
            Some(k) if k != i => Outcome::Holds,
            _ => Outcome::Missing(format!(
                "\u{201c}{alias}\u{201d} is not a name of \u{201c}{name}\u{201d}"
            )),
        };
    }
    let old = x.entities[i].clone();
    if fold_name(&old.name) == key || old.aliases.iter().all(|a| fold_name(a) == key) {
        return Outcome::Missing(format!(
            "\u{201c}{alias}\u{201d} is the name \u{201c}{}\u{201d} is shown by: rename it instead",
            old.name
        ));
    }
    let id = fresh_id(x, kind, alias);
    let (mut kept_in, mut split_in) = (Vec::new(), Vec::new());
    let mut split_forms: Vec<String> = Vec::new();
    let n = rewrite(x, &old, touched, |a| {
        let Some(at) = a.entities.iter().position(|e| e.id == old.id) else {
            return;
        };
        let entry = &mut a.entities[at];
        let (moved, stay): (Vec<_>, Vec<_>) = std::mem::take(&mut entry.mentions)
            .into_iter()
            .partition(|m| fold_name(&m.text) == key);
        let whole = stay.is_empty() && (fold_name(&entry.name) == key || !moved.is_empty());
        entry.mentions = stay;
        for m in &moved {
            if !split_forms.contains(&m.text) {
                split_forms.push(m.text.clone());
            }
        }
        if whole {
            entry.id.clone_from(&id);
            entry.mentions = moved;
            entry.name = alias.to_string();
            split_in.push(a.id.clone());
        } else {
            if fold_name(&entry.name) == key {
                if let Some(m) = entry.mentions.first() {
                    entry.name = m.text.clone();
                }
            }
            kept_in.push(a.id.clone());
            if !moved.is_empty() {
                a.entities.push(ArticleEntity {
                    id: id.clone(),
                    kind,
                    name: alias.to_string(),
                    mentions: moved,
                });
                split_in.push(a.id.clone());
            }
        }
        for q in &mut a.quotes {
            if q.speaker_id.as_deref() == Some(old.id.as_str())
                && q.speaker.as_deref().map(fold_name).as_deref() == Some(key.as_str())
            {
                q.speaker_id = Some(id.clone());
            }
        }
    });
    let e = &mut x.entities[i];
    e.aliases.retain(|a| fold_name(a) != key);
    e.articles.retain(|a| kept_in.contains(a));
    if split_forms.is_empty() {
        split_forms.push(alias.to_string());
    }
    split_forms.sort();
    x.entities.insert(
        i + 1,
        CorpusEntity {
            id,
            kind,
            name: alias.to_string(),
            aliases: split_forms,
            articles: split_in,
        },
    );
    Outcome::Changed(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::aliases;
    use crate::model::Meta;

    fn corpus(texts: &[&str]) -> Extraction {
        let mut articles: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| crate::extract(&format!("a{i}.txt"), t, &Meta::default()))
            .collect();
        let entities = aliases::merge(&mut articles);
        Extraction { articles, entities }
    }

    fn entity<'a>(x: &'a Extraction, kind: EntityKind, name: &str) -> Option<&'a CorpusEntity> {
        find(x, kind, name).map(|i| &x.entities[i])
    }

    /// Every article entry names a corpus entity of its kind, and every corpus
    /// entity lists exactly the articles whose entries name it.
    fn consistent(x: &Extraction) {
        for a in &x.articles {
            for e in &a.entities {
                let c = x.entities.iter().find(|c| c.id == e.id);
                let c = c.unwrap_or_else(|| panic!("{} names no entity", e.id));
                assert_eq!(c.kind, e.kind, "{}", e.id);
                assert!(c.articles.contains(&a.id), "{} lacks {}", c.id, a.id);
            }
            let ids: Vec<&str> = a.entities.iter().map(|e| e.id.as_str()).collect();
            let mut unique = ids.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(
                ids.len(),
                unique.len(),
                "two entries of one entity in {}",
                a.id
            );
        }
        for c in &x.entities {
            for id in &c.articles {
                let a = x.articles.iter().find(|a| &a.id == id).unwrap();
                assert!(
                    a.entities.iter().any(|e| e.id == c.id),
                    "{} not in {id}",
                    c.id
                );
            }
        }
    }

    const TEXTS: [&str; 2] = [
        "Within Delhi, traffic stopped on Monday. Maria Okafor, the mayor of Lagos, \
         said the roads were closed. \u{201c}We will reopen them soon,\u{201d} Okafor said.",
        "Okafor met officials of Acme Holdings in Lagos. Within Delhi, the rain went on. \
         \u{201c}It is a hard week,\u{201d} said Samuel Ade, a spokesman.",
    ];

    /// Guards the core of the layer: each kind of correction changes what it
    /// states, leaves the extraction consistent, and a second application
    /// changes nothing.
    #[test]
    fn each_correction_applies_once_and_again_changes_nothing() {
        let base = corpus(&TEXTS);
        let person = EntityKind::Person;
        let bogus = base
            .entities
            .iter()
            .find(|e| e.name.starts_with("Within"))
            .map(|e| (e.kind, e.name.clone()));
        let mut list = vec![
            Correction::Rename {
                kind: person,
                name: "Okafor".into(),
                to: "Mayor Maria Okafor".into(),
            },
            Correction::Kind {
                kind: entity(&base, EntityKind::Org, "Acme Holdings")
                    .map_or(EntityKind::Place, |e| e.kind),
                name: "Acme Holdings".into(),
                to: EntityKind::Person,
            },
        ];
        if let Some((kind, name)) = bogus {
            list.insert(0, Correction::NotEntity { kind, name });
        }
        let mut x = base.clone();
        let (outcomes, touched) = apply(&mut x, &list);
        assert!(
            outcomes
                .iter()
                .all(|o| matches!(o, Outcome::Changed(n) if *n > 0)),
            "{outcomes:?}"
        );
        assert!(!touched.is_empty());
        consistent(&x);
        assert!(!x.entities.iter().any(|e| e.name.starts_with("Within")));
        let maria = entity(&x, person, "Maria Okafor").expect("found by an old name");
        assert_eq!(maria.name, "Mayor Maria Okafor");
        assert!(entity(&x, person, "Acme Holdings").is_some());
        assert!(entity(&x, EntityKind::Org, "Acme Holdings").is_none());
        // The mayor's quote is still hers.
        let q = x.articles[0]
            .quotes
            .iter()
            .find(|q| q.text.contains("reopen"))
            .unwrap();
        assert_eq!(q.speaker_id.as_deref(), Some(maria.id.as_str()));
        let again = x.clone();
        let (outcomes, touched) = apply(&mut x, &list);
        assert_eq!(x, again, "a second application changed the extraction");
        assert!(touched.is_empty());
        assert!(outcomes.iter().all(|o| !matches!(o, Outcome::Changed(_))));
    }

    /// Guards merging and splitting: a merge folds two entries of one article
    /// into one, and a split takes exactly the alias's mentions out again.
    /// Guards a merge across kinds (a mis-kinded name that is another
    /// entity): its mentions take the target's id and kind.
    #[test]
    fn a_merge_across_kinds_takes_the_targets_kind() {
        let mut x = corpus(&TEXTS);
        let wrong = x
            .entities
            .iter()
            .find(|e| e.name.contains("Delhi"))
            .expect("the fixture's misread name")
            .clone();
        let lagos = entity(&x, EntityKind::Place, "Lagos").unwrap().id.clone();
        let merge = Correction::Merge {
            kind: wrong.kind,
            name: wrong.name.clone(),
            into_kind: EntityKind::Place,
            into: "Lagos".into(),
        };
        let (o, _) = apply(&mut x, std::slice::from_ref(&merge));
        assert_eq!(o, vec![Outcome::Changed(2)]);
        consistent(&x);
        assert!(!x.entities.iter().any(|e| e.id == wrong.id));
        for a in &x.articles {
            for e in a.entities.iter().filter(|e| e.id == lagos) {
                assert_eq!(e.kind, EntityKind::Place);
            }
        }
        assert_eq!(apply(&mut x, &[merge]).0, vec![Outcome::Holds]);
    }

    #[test]
    fn merge_joins_two_entities_and_split_takes_an_alias_off_again() {
        let mut x = corpus(&TEXTS);
        let person = EntityKind::Person;
        let merge = Correction::Merge {
            kind: person,
            name: "Samuel Ade".into(),
            into_kind: person,
            into: "Maria Okafor".into(),
        };
        let (o, _) = apply(&mut x, std::slice::from_ref(&merge));
        assert_eq!(o, vec![Outcome::Changed(1)]);
        consistent(&x);
        let maria = entity(&x, person, "Samuel Ade").unwrap();
        assert_eq!(maria.name, "Maria Okafor");
        assert_eq!(maria.articles, vec!["a0", "a1"]);
        let id = maria.id.clone();
        let q = x.articles[1]
            .quotes
            .iter()
            .find(|q| q.text.contains("hard"))
            .unwrap();
        assert_eq!(q.speaker_id.as_deref(), Some(id.as_str()));

        let split = Correction::Split {
            kind: person,
            name: "Maria Okafor".into(),
            alias: "Samuel Ade".into(),
        };
        let (o, _) = apply(&mut x, std::slice::from_ref(&split));
        assert_eq!(o, vec![Outcome::Changed(2)]);
        consistent(&x);
        let samuel = entity(&x, person, "Samuel Ade").unwrap();
        assert_eq!(samuel.name, "Samuel Ade");
        assert_eq!(samuel.articles, vec!["a1"]);
        let maria = entity(&x, person, "Maria Okafor").unwrap();
        assert!(!maria.aliases.iter().any(|a| a == "Samuel Ade"));
        let q = x.articles[1]
            .quotes
            .iter()
            .find(|q| q.text.contains("hard"))
            .unwrap();
        assert_eq!(q.speaker_id.as_deref(), Some(samuel.id.as_str()));
        assert_eq!(apply(&mut x, &[split]).0, vec![Outcome::Holds]);
        // The shown name cannot be split off.
        let own = Correction::Split {
            kind: person,
            name: "Maria Okafor".into(),
            alias: "Maria Okafor".into(),
        };
        assert!(matches!(apply(&mut x, &[own]).0[0], Outcome::Missing(_)));
    }

    /// Guards the quote's speaker: set to an entity (linked), to a name no
    /// entity has (unlinked), and cleared.
    #[test]
    fn a_quote_speaker_is_set_changed_and_cleared() {
        let mut x = corpus(&TEXTS);
        let q = x.articles[1].quotes[0].clone();
        let set = |speaker: Option<&str>| Correction::Speaker {
            article: "a1".into(),
            start: q.start,
            end: q.end,
            speaker: speaker.map(str::to_string),
        };
        let (o, touched) = apply(&mut x, &[set(Some("okafor"))]);
        assert_eq!(o, vec![Outcome::Changed(1)]);
        assert_eq!(touched, vec!["a1"]);
        let got = &x.articles[1].quotes[0];
        assert_eq!(got.speaker.as_deref(), Some("Maria Okafor"));
        assert!(got
            .speaker_id
            .as_deref()
            .unwrap()
            .starts_with("person-maria"));
        apply(&mut x, &[set(Some("A Passer-by"))]);
        let got = &x.articles[1].quotes[0];
        assert_eq!(
            (got.speaker.as_deref(), got.speaker_id.as_deref()),
            (Some("A Passer-by"), None)
        );
        apply(&mut x, &[set(None)]);
        assert_eq!(x.articles[1].quotes[0].speaker, None);
        assert_eq!(apply(&mut x, &[set(None)]).0, vec![Outcome::Holds]);
        // The list names the quote by its words and its article's title, not
        // by offsets; without the article it still says what it does.
        let listed = set(Some("A Passer-by")).describe_in(&x.articles);
        let words = x.articles[1].text[q.start..q.end].trim();
        assert!(
            listed.contains(&x.articles[1].title)
                && listed.contains(words.split(' ').next().unwrap()),
            "{listed}"
        );
        assert!(!listed.contains(&format!(":{}", q.start)), "{listed}");
        assert!(set(None).describe_in(&[]).contains("has no speaker"));
    }

    /// Guards the report: a correction whose target is gone says so, and
    /// changes nothing.
    #[test]
    fn a_correction_whose_target_is_gone_is_reported() {
        let mut x = corpus(&TEXTS);
        let before = x.clone();
        let gone = [
            Correction::Kind {
                kind: EntityKind::Person,
                name: "Nobody Here".into(),
                to: EntityKind::Org,
            },
            Correction::Merge {
                kind: EntityKind::Person,
                name: "Maria Okafor".into(),
                into_kind: EntityKind::Person,
                into: "Nobody Here".into(),
            },
            Correction::Speaker {
                article: "a0".into(),
                start: 1,
                end: 2,
                speaker: None,
            },
            Correction::Speaker {
                article: "zz".into(),
                start: 1,
                end: 2,
                speaker: None,
            },
        ];
        let (o, _) = apply(&mut x, &gone);
        for (c, o) in gone.iter().zip(&o) {
            assert!(matches!(o, Outcome::Missing(_)), "{c:?}: {o:?}");
        }
        assert!(
            o[1].describe().contains("Nobody Here"),
            "{}",
            o[1].describe()
        );
        assert_eq!(x, before);
    }

    /// Guards the file: written and read back the same, listed once each, and
    /// a file of another format or version is refused with a reason.
    #[test]
    fn a_corrections_file_round_trips_and_refuses_other_formats() {
        let list = vec![
            Correction::NotEntity {
                kind: EntityKind::Person,
                name: "Getting Disney".into(),
            },
            Correction::Speaker {
                article: "a".into(),
                start: 3,
                end: 9,
                speaker: Some("Ana".into()),
            },
        ];
        let json = to_json(&list);
        assert_eq!(from_json(&json).unwrap(), list);
        let mut twice = list.clone();
        assert_eq!(extend(&mut twice, list.clone()), 0);
        assert_eq!(twice, list);
        assert!(from_json(&json.replace("folio-corrections", "x")).is_err());
        assert!(from_json(&json.replace("\"version\": 1", "\"version\": 9"))
            .unwrap_err()
            .contains("version 9"));
        assert!(from_json("{").is_err());
    }
}
