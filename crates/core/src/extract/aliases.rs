//! One entity per real-world thing across the corpus.
//!
//! Articles spell the same name differently: transliterations of one Cyrillic name
//! ("Zelenskiy", "Zelenskyy", "Zelensky"; "Kupyansk", "Kupiansk"), old exonyms
//! ("Kiev"), descriptors ("Kharkiv region", "Kharkiv province") and short forms
//! ("Zelenskiy" alone). Merging works on a *skeleton* of each name that erases
//! exactly those differences and nothing more:
//!
//! - the exonym table maps a word to its preferred form ("kiev" → "kyiv");
//! - the search tokenizer's `variant_key`: "kh" → "h", "zh" → "z", "y" → "i" (so
//!   "iy", "yy", "y" and "ii" endings meet), doubled letters collapse
//!   ("zaporizhzhya" and "zaporizhia" both become "zaporizia"); soft signs and
//!   apostrophes are already gone after [`fold`](crate::search::tokenize::fold);
//! - area descriptors ("province", "oblast") become "region", so a region is one
//!   entity under any descriptor, while a city ("Kharkiv") and its region
//!   ("Kharkiv region") stay two; a name that is not a town ("Donbas", "the
//!   Sahel") is one entity with or without its descriptor;
//! - a demonym opening an organisation's name becomes its country ("Russian
//!   Defense Ministry" = "Russia's Defense Ministry").
//!
//! Only entities of the same kind merge. A one-word person merges into the
//! multi-word person whose surname it is, but only when exactly one such person
//! exists in the corpus: "Berg" stays apart when "Anna Berg" and "Peter Berg" both
//! appear, and two people with the same surname but different first names never
//! share a skeleton.

use super::gazetteer::{self as gaz, key};
use crate::model::{Article, CorpusEntity, EntityKind};
use crate::search::index::FxMap;
use crate::search::tokenize::variant_key;

/// Descriptors that all mean "an administrative area around a place".
const AREA_WORDS: &[&str] = &[
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

fn kind_rank(k: EntityKind) -> usize {
    match k {
        EntityKind::Place => 0,
        EntityKind::Person => 1,
        EntityKind::Org => 2,
    }
}

/// The skeleton of one folded word (see the module docs).
/// The transliteration rules are the search tokenizer's
/// [`variant_key`](crate::search::tokenize::variant_key), so search and merging
/// agree on which spellings meet; only the exonym table is added here.
pub fn word_skeleton(word: &str) -> String {
    variant_key(gaz::exonym(word).unwrap_or(word))
}

/// The merge key of an entity name of a given kind.
pub fn skeleton(kind: EntityKind, name: &str) -> String {
    let k = key(name);
    let k = gaz::exonym(&k).map(str::to_string).unwrap_or(k);
    if kind == EntityKind::Place {
        if let Some(c) = gaz::country(&k) {
            return c.to_string();
        }
    }
    // Word by word into one buffer: the first word of an organisation may be a
    // demonym or country, the last of a place an area word.
    let n = k.split(' ').count();
    let mut out = String::with_capacity(k.len());
    for (i, mut w) in k.split(' ').enumerate() {
        if kind == EntityKind::Org && n > 1 && i == 0 {
            w = gaz::demonym(w).or_else(|| gaz::country(w)).unwrap_or(w);
        }
        if kind == EntityKind::Place && n > 1 && i == n - 1 && AREA_WORDS.contains(&w) {
            w = "region";
        }
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&word_skeleton(w));
    }
    out
}

/// Merges the entities of all articles into corpus entities and rewrites every
/// [`ArticleEntity::id`](crate::model::ArticleEntity::id) to its corpus id.
///
/// The result depends only on the articles given, so callers recompute it after
/// adding or removing an article.
pub fn merge(articles: &mut [Article]) -> Vec<CorpusEntity> {
    // Instances: (article index, entity index, kind, skeleton).
    // A skeleton depends only on the kind and name, and the same names recur
    // across articles ("Ukraine", "Putin"): one skeleton per distinct pair.
    let mut skeletons: Vec<String> = Vec::new();
    let mut of_instance: Vec<usize> = Vec::new();
    {
        let mut by_name: FxMap<(EntityKind, &str), usize> = FxMap::default();
        for e in articles.iter().flat_map(|a| &a.entities) {
            let next = skeletons.len();
            let id = *by_name.entry((e.kind, e.name.as_str())).or_insert(next);
            if id == next {
                skeletons.push(skeleton(e.kind, &e.name));
            }
            of_instance.push(id);
        }
    }
    let mut of_instance = of_instance.into_iter();
    let mut inst: Vec<(usize, usize, EntityKind, &str)> = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        for (ei, e) in a.entities.iter().enumerate() {
            let sk = of_instance.next().map_or("", |id| skeletons[id].as_str());
            inst.push((ai, ei, e.kind, sk));
        }
    }
    // A one-word name of different kinds in different articles is one thing when
    // the kinds disagree only for lack of evidence: the kind most articles give
    // wins, ties going to place, then person (organisation is the recogniser's
    // guess when it has no evidence). Multi-word names keep their kinds.
    // (The maps below borrow the skeletons rather than copy them.)
    let voted: Vec<Option<EntityKind>> = {
        let mut votes: FxMap<&str, [usize; 3]> = FxMap::default();
        for (_, _, kind, sk) in &inst {
            if !sk.contains(' ') {
                votes.entry(sk).or_default()[kind_rank(*kind)] += 1;
            }
        }
        inst.iter()
            .map(|(_, _, _, sk)| {
                let v = votes.get(sk)?;
                let best = (0..3).max_by_key(|&i| (v[i], 3 - i)).unwrap_or(0);
                Some([EntityKind::Place, EntityKind::Person, EntityKind::Org][best])
            })
            .collect()
    };
    for (slot, kind) in inst.iter_mut().zip(voted) {
        if let Some(kind) = kind {
            slot.2 = kind;
        }
    }
    // Group by (kind, skeleton).
    let mut group_of: FxMap<(EntityKind, &str), usize> = FxMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, (_, _, kind, sk)) in inst.iter().enumerate() {
        let g = *group_of.entry((*kind, sk)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    // One-word people join the one multi-word person with that surname.
    let mut by_surname: FxMap<&str, Vec<usize>> = FxMap::default();
    for (&(kind, sk), &g) in &group_of {
        if kind == EntityKind::Person && sk.contains(' ') {
            let last = sk.rsplit(' ').next().unwrap_or("");
            by_surname.entry(last).or_default().push(g);
        }
    }
    let mut target: Vec<usize> = (0..groups.len()).collect();
    for (&(kind, sk), &g) in &group_of {
        if kind == EntityKind::Person && !sk.contains(' ') {
            if let Some(full) = by_surname.get(sk) {
                if full.len() == 1 {
                    target[g] = full[0];
                }
            }
        }
    }
    // "X region" is X itself when X is an area rather than a town ("the Sahel
    // region" is the Sahel; "the Kharkiv region" is not the city of Kharkiv).
    for ((kind, sk), &g) in &group_of {
        let Some(area) = sk.strip_suffix(" region") else {
            continue;
        };
        if *kind != EntityKind::Place || target[g] != g {
            continue;
        }
        if let Some(&plain) = group_of.get(&(EntityKind::Place, area)) {
            let (ai, ei, _, _) = &inst[groups[plain][0]];
            if !gaz::is_city(&key(&articles[*ai].entities[*ei].name)) {
                target[g] = plain;
            }
        }
    }
    let mut merged: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (g, members) in groups.into_iter().enumerate() {
        merged[target[g]].extend(members);
    }
    // Build corpus entities in order of first appearance.
    let mut order: Vec<usize> = (0..merged.len())
        .filter(|&g| !merged[g].is_empty())
        .collect();
    order.sort_by_key(|&g| merged[g].iter().min().copied().unwrap_or(usize::MAX));
    let mut out = Vec::new();
    let mut used_ids: FxMap<String, usize> = FxMap::default();
    let mut renamed: Vec<(usize, String, String)> = Vec::new();
    // (article, entry kept, entry folded into it): see `fold`.
    let mut folds: Vec<(usize, usize, usize)> = Vec::new();
    for g in order {
        let members = &merged[g];
        let (kind, _) = (inst[members[0]].2, ());
        // Preferred name: the most words, then the most mentions, then first seen.
        let mut counts: FxMap<&str, usize> = FxMap::default();
        // Borrowed until sorted and deduplicated: most mentions repeat a name.
        let mut aliases: Vec<&str> = Vec::new();
        for &i in members {
            let (ai, ei, _, _) = &inst[i];
            let e = &articles[*ai].entities[*ei];
            *counts.entry(e.name.as_str()).or_default() += e.mentions.len();
            aliases.push(e.name.as_str());
            aliases.extend(e.mentions.iter().map(|m| m.text.as_str()));
        }
        let name = members
            .iter()
            .map(|&i| articles[inst[i].0].entities[inst[i].1].name.as_str())
            .enumerate()
            .max_by_key(|&(pos, n)| {
                (
                    n.split_whitespace().count(),
                    counts.get(n).copied().unwrap_or(0),
                    usize::MAX - pos,
                )
            })
            .map(|(_, n)| n.to_string())
            .unwrap_or_default();
        aliases.sort_unstable();
        aliases.dedup();
        let aliases: Vec<String> = aliases.into_iter().map(str::to_string).collect();
        let mut article_ids: Vec<usize> = members.iter().map(|&i| inst[i].0).collect();
        article_ids.sort();
        article_ids.dedup();
        let base = format!(
            "{}-{}",
            match kind {
                EntityKind::Person => "person",
                EntityKind::Place => "place",
                EntityKind::Org => "org",
            },
            key(&name).replace(' ', "-")
        );
        let n = used_ids.entry(base.clone()).or_default();
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        for &i in members {
            let (ai, ei, _, _) = inst[i];
            articles[ai].entities[ei].kind = kind;
            let old = std::mem::replace(&mut articles[ai].entities[ei].id, id.clone());
            // Only articles with quotes have speaker ids to follow.
            if !articles[ai].quotes.is_empty() {
                renamed.push((ai, old, id.clone()));
            }
        }
        // Two entries of one article in one group: instance indices follow
        // (article, entry) order, so the first of each article's run stays.
        let mut in_order = members.clone();
        in_order.sort_unstable();
        for w in in_order.windows(2) {
            let ((a0, e0, _, _), (a1, e1, _, _)) = (inst[w[0]], inst[w[1]]);
            if a0 == a1 {
                let kept = folds
                    .last()
                    .filter(|f| f.0 == a0 && f.2 == e0)
                    .map_or(e0, |f| f.1);
                folds.push((a0, kept, e1));
            }
        }
        out.push(CorpusEntity {
            id,
            kind,
            name,
            aliases,
            articles: article_ids
                .into_iter()
                .map(|ai| articles[ai].id.clone())
                .collect(),
        });
    }
    // Quotes point at their speaker by entity id: follow the renaming.
    for (ai, old, new) in renamed {
        for q in &mut articles[ai].quotes {
            if q.speaker_id.as_deref() == Some(old.as_str()) {
                q.speaker_id = Some(new.clone());
            }
        }
    }
    fold(articles, folds);
    out
}

/// Makes one entry per entity in an article's list. Two names of one thing
/// in one article ("Donbas" and "the Donbas region", "Kiev" and "Kyiv") were
/// two entries with the same id after the merge, so the article counted twice
/// among the entity's articles, and an entity page showed it twice. `folds`
/// holds (article, entry kept, entry folded into it), the entries in order:
/// the kept one stays in place with every mention in text order, named by its
/// fullest name (the most words; the first on a tie).
fn fold(articles: &mut [Article], mut folds: Vec<(usize, usize, usize)>) {
    folds.sort_unstable();
    for run in folds.chunk_by(|x, y| x.0 == y.0) {
        let entities = &mut articles[run[0].0].entities;
        let mut gone = vec![false; entities.len()];
        for &(_, keep, other) in run {
            let mentions = std::mem::take(&mut entities[other].mentions);
            let words = |n: &str| n.split_whitespace().count();
            if words(&entities[other].name) > words(&entities[keep].name) {
                entities[keep].name = std::mem::take(&mut entities[other].name);
            }
            entities[keep].mentions.extend(mentions);
            gone[other] = true;
        }
        for &(_, keep, _) in run {
            entities[keep].mentions.sort_by_key(|m| (m.start, m.end));
        }
        let mut i = 0;
        entities.retain(|_| {
            i += 1;
            !gone[i - 1]
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_share_a_skeleton() {
        let p = |s| skeleton(EntityKind::Person, s);
        assert_eq!(p("Zelenskiy"), p("Zelenskyy"));
        assert_eq!(p("Zelensky"), p("Zelenskyy"));
        let pl = |s| skeleton(EntityKind::Place, s);
        assert_eq!(pl("Kupyansk"), pl("Kupiansk"));
        assert_eq!(pl("Izyum"), pl("Izium"));
        assert_eq!(pl("Zaporizhzhya"), pl("Zaporizhia"));
        assert_eq!(pl("Kiev"), pl("Kyiv"));
        assert_eq!(pl("Kharkov"), pl("Kharkiv"));
    }

    #[test]
    fn region_descriptors_merge_but_a_city_is_not_its_region() {
        let pl = |s| skeleton(EntityKind::Place, s);
        assert_eq!(pl("Kharkiv region"), pl("Kharkiv province"));
        assert_ne!(pl("Kharkiv"), pl("Kharkiv region"));
    }

    #[test]
    fn demonym_and_possessive_organisations_meet() {
        let o = |s| skeleton(EntityKind::Org, s);
        assert_eq!(
            o("Russian Defense Ministry"),
            o("Russia's Defense Ministry")
        );
        assert_ne!(
            o("Russian Defense Ministry"),
            o("Ukraine's Defense Ministry")
        );
    }

    #[test]
    fn two_names_of_one_place_in_one_article_are_one_entry_there() {
        let texts = [
            "Drought spread across the Karoo region this year, officials said. \
             Farmers in Karoo lost their harvest, officials said.",
            "Farmers in Karoo lost their harvest, officials said.",
        ];
        let mut arts: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| crate::extract::extract(&format!("{i}.txt"), t, &Default::default()))
            .collect();
        let e = merge(&mut arts);
        let karoo: Vec<_> = e.iter().filter(|x| x.name.contains("Karoo")).collect();
        assert_eq!(karoo.len(), 1, "{e:?}");
        assert_eq!(karoo[0].articles, vec!["0", "1"]);
        let entries: Vec<_> = arts[0]
            .entities
            .iter()
            .filter(|x| x.id == karoo[0].id)
            .collect();
        assert_eq!(entries.len(), 1, "{:?}", arts[0].entities);
        assert_eq!(entries[0].name, "Karoo region");
        let starts: Vec<_> = entries[0].mentions.iter().map(|m| m.start).collect();
        assert_eq!(starts.len(), 2);
        assert!(starts[0] < starts[1], "{starts:?}");
    }

    #[test]
    fn an_area_and_the_area_region_are_one_place_a_city_and_its_region_two() {
        let e = merged(&[
            "Drought spread across the Karoo region this year, officials said.",
            "Farmers in Karoo lost their harvest, officials said.",
            "Shelling hit Kharkiv on Monday.",
            "Villages in the Kharkiv region were retaken.",
        ]);
        let places: Vec<_> = e.iter().filter(|x| x.kind == EntityKind::Place).collect();
        let karoo: Vec<_> = places.iter().filter(|x| x.name.contains("Karoo")).collect();
        assert_eq!(karoo.len(), 1, "{places:?}");
        assert_eq!(karoo[0].articles, vec!["0", "1"]);
        let kharkiv: Vec<_> = places
            .iter()
            .filter(|x| x.name.contains("Kharkiv"))
            .collect();
        assert_eq!(kharkiv.len(), 2, "{places:?}");
    }

    fn merged(texts: &[&str]) -> Vec<CorpusEntity> {
        let mut arts: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| crate::extract::extract(&format!("{i}.txt"), t, &Default::default()))
            .collect();
        merge(&mut arts)
    }

    #[test]
    fn surname_alone_joins_the_one_person_who_carries_it() {
        let e = merged(&[
            "Judge Anna Weiss ruled on Monday.",
            "Weiss said the ruling would stand.",
        ]);
        let weiss: Vec<_> = e
            .iter()
            .filter(|x| x.aliases.iter().any(|a| a == "Weiss"))
            .collect();
        assert_eq!(weiss.len(), 1);
        assert_eq!(weiss[0].name, "Anna Weiss");
        assert_eq!(weiss[0].articles, vec!["0", "1"]);
    }

    #[test]
    fn a_surname_shared_by_two_people_merges_with_neither() {
        let e = merged(&[
            "Coach Anna Berg spoke first.",
            "Striker Peter Berg scored twice.",
            "Berg said the club was happy.",
        ]);
        let people: Vec<_> = e.iter().filter(|x| x.kind == EntityKind::Person).collect();
        assert_eq!(people.len(), 3, "{people:?}");
    }

    #[test]
    fn different_first_names_stay_apart() {
        let p = |s| skeleton(EntityKind::Person, s);
        assert_ne!(p("Anna Berg"), p("Peter Berg"));
    }
}
