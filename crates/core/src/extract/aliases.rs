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
//!   apostrophes are already gone after [`fold`](crate::text::fold());
//! - area descriptors ("province", "oblast": the lexicon's `REGION_WORDS`, which
//!   the recogniser reads too) become "region", so a region is one entity under
//!   any descriptor, while a city ("Kharkiv") and its region
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

use super::gazetteer as gaz;
use super::lexicon::in_region_words;
use crate::model::{Article, CorpusEntity, EntityKind};
use crate::text::{fold_name, variant_key};
use crate::text::{FxMap, FxSet};

fn kind_rank(k: EntityKind) -> usize {
    match k {
        EntityKind::Place => 0,
        EntityKind::Person => 1,
        EntityKind::Org => 2,
    }
}

/// The skeleton of one folded word (see the module docs).
/// The transliteration rules are the search tokenizer's
/// [`variant_key`], so search and merging
/// agree on which spellings meet; only the exonym table is added here.
pub fn word_skeleton(word: &str) -> String {
    variant_key(gaz::exonym(word).unwrap_or(word))
}

/// The merge key of an entity name of a given kind.
pub fn skeleton(kind: EntityKind, name: &str) -> String {
    let k = fold_name(name);
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
        if kind == EntityKind::Place && n > 1 && i == n - 1 && in_region_words(w) {
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
    // The work is done per distinct (kind, name) pair, a *pair* below: the
    // same names recur across articles ("Ukraine", "Putin"), and every
    // instance of a pair lands in the same group. The articles are read in
    // one pass and written in one pass, both in order: visiting them group by
    // group (an entity of each of 100,000 articles) was a cache miss per
    // instance, and most of the merge's time.
    let mut pairs: Vec<Pair> = Vec::new();
    // Each instance's pair, instances in (article, entry) order.
    let mut of_instance: Vec<u32> = Vec::new();
    // Each quote's speaker as an entry of its article: (article, quote, entry).
    let mut speakers: Vec<(u32, u32, u32)> = Vec::new();
    {
        let mut by_name: FxMap<(EntityKind, &str), u32> = FxMap::default();
        let mut forms: FxSet<(u32, &str)> = FxSet::default();
        of_instance.reserve(articles.iter().map(|a| a.entities.len()).sum());
        for (ai, a) in articles.iter().enumerate() {
            for e in &a.entities {
                let next = pairs.len() as u32;
                let p = *by_name.entry((e.kind, e.name.as_str())).or_insert(next);
                if p == next {
                    pairs.push(Pair {
                        kind: e.kind,
                        name: &e.name,
                        skeleton: skeleton(e.kind, &e.name),
                        first: of_instance.len() as u32,
                        instances: 0,
                        mentions: 0,
                        forms: Vec::new(),
                    });
                }
                let pair = &mut pairs[p as usize];
                pair.instances += 1;
                pair.mentions += e.mentions.len();
                for form in std::iter::once(e.name.as_str())
                    .chain(e.mentions.iter().map(|m| m.text.as_str()))
                {
                    if forms.insert((p, form)) {
                        pair.forms.push(form);
                    }
                }
                of_instance.push(p);
            }
            for (qi, q) in a.quotes.iter().enumerate() {
                let speaker = q.speaker_id.as_deref();
                if let Some(ei) = a
                    .entities
                    .iter()
                    .position(|e| Some(e.id.as_str()) == speaker)
                {
                    speakers.push((ai as u32, qi as u32, ei as u32));
                }
            }
        }
    }
    // Skeletons are compared as numbers from here on.
    let mut skeleton_of: FxMap<&str, u32> = FxMap::default();
    let sk: Vec<u32> = pairs
        .iter()
        .map(|p| {
            let next = skeleton_of.len() as u32;
            *skeleton_of.entry(p.skeleton.as_str()).or_insert(next)
        })
        .collect();
    let mut sk_text: Vec<&str> = vec![""; skeleton_of.len()];
    for (&text, &s) in &skeleton_of {
        sk_text[s as usize] = text;
    }
    // A one-word name of different kinds in different articles is one thing when
    // the kinds disagree only for lack of evidence: the kind most articles give
    // wins, ties going to place, then person (organisation is the recogniser's
    // guess when it has no evidence). Multi-word names keep their kinds.
    let mut votes: Vec<[usize; 3]> = vec![[0; 3]; sk_text.len()];
    for (p, &s) in pairs.iter().zip(&sk) {
        if !sk_text[s as usize].contains(' ') {
            votes[s as usize][kind_rank(p.kind)] += p.instances;
        }
    }
    let kind_of = |pair: &Pair, s: u32| -> EntityKind {
        let s = s as usize;
        if sk_text[s].contains(' ') {
            return pair.kind;
        }
        let v = votes[s];
        let best = (0..3).max_by_key(|&i| (v[i], 3 - i)).unwrap_or(0);
        [EntityKind::Place, EntityKind::Person, EntityKind::Org][best]
    };
    // Group by (kind, skeleton); pairs come in order of first instance, and so
    // do the groups.
    let mut group_of: FxMap<(EntityKind, u32), usize> = FxMap::default();
    let mut group_of_pair: Vec<usize> = Vec::with_capacity(pairs.len());
    // Each group's kind, skeleton and pairs.
    let mut groups: Vec<(EntityKind, u32, Vec<u32>)> = Vec::new();
    for (p, (pair, &s)) in pairs.iter().zip(&sk).enumerate() {
        let key = (kind_of(pair, s), s);
        let g = *group_of.entry(key).or_insert_with(|| {
            groups.push((key.0, key.1, Vec::new()));
            groups.len() - 1
        });
        groups[g].2.push(p as u32);
        group_of_pair.push(g);
    }
    // One-word people join the one multi-word person with that surname.
    let mut by_surname: FxMap<&str, Vec<usize>> = FxMap::default();
    for (g, &(kind, s, _)) in groups.iter().enumerate() {
        let text = sk_text[s as usize];
        if kind == EntityKind::Person && text.contains(' ') {
            let last = text.rsplit(' ').next().unwrap_or("");
            by_surname.entry(last).or_default().push(g);
        }
    }
    let mut target: Vec<usize> = (0..groups.len()).collect();
    for (g, &(kind, s, _)) in groups.iter().enumerate() {
        let text = sk_text[s as usize];
        if kind == EntityKind::Person && !text.contains(' ') {
            if let Some(full) = by_surname.get(text) {
                if full.len() == 1 {
                    target[g] = full[0];
                }
            }
        }
    }
    // "X region" is X itself when X is an area rather than a town ("the Sahel
    // region" is the Sahel; "the Kharkiv region" is not the city of Kharkiv).
    for g in 0..groups.len() {
        let (kind, s, _) = groups[g];
        let Some(area) = sk_text[s as usize].strip_suffix(" region") else {
            continue;
        };
        if kind != EntityKind::Place || target[g] != g {
            continue;
        }
        let plain = skeleton_of
            .get(area)
            .and_then(|&a| group_of.get(&(EntityKind::Place, a)));
        if let Some(&plain) = plain {
            if !gaz::is_city(&fold_name(pairs[groups[plain].2[0] as usize].name)) {
                target[g] = plain;
            }
        }
    }
    // Each merged group's pairs, in the order of its groups (ascending), then
    // of first instance within each.
    let mut merged: Vec<Vec<u32>> = vec![Vec::new(); groups.len()];
    for (g, (_, _, members)) in groups.iter().enumerate() {
        merged[target[g]].extend(members);
    }
    // Corpus entities in order of first appearance.
    let mut order: Vec<usize> = (0..merged.len())
        .filter(|&g| !merged[g].is_empty())
        .collect();
    order.sort_by_key(|&g| merged[g].iter().map(|&p| pairs[p as usize].first).min());
    let mut entity_of_group: Vec<u32> = vec![u32::MAX; merged.len()];
    let mut out = Vec::with_capacity(order.len());
    let mut used_ids: FxMap<String, usize> = FxMap::default();
    for g in order {
        let members = &merged[g];
        let kind = groups[g].0;
        // Preferred name: the most words, then the most mentions, then first seen.
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for &p in members {
            let p = &pairs[p as usize];
            match counts.iter_mut().find(|(n, _)| *n == p.name) {
                Some((_, c)) => *c += p.mentions,
                None => counts.push((p.name, p.mentions)),
            }
        }
        let name = counts
            .iter()
            .rev()
            .max_by_key(|(n, c)| (n.split_whitespace().count(), *c))
            .map(|(n, _)| n.to_string())
            .unwrap_or_default();
        let mut aliases: Vec<&str> = members
            .iter()
            .flat_map(|&p| pairs[p as usize].forms.iter().copied())
            .collect();
        aliases.sort_unstable();
        aliases.dedup();
        let aliases: Vec<String> = aliases.into_iter().map(str::to_string).collect();
        let base = format!("{}-{}", kind.as_str(), fold_name(&name).replace(' ', "-"));
        let n = used_ids.entry(base.clone()).or_default();
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        entity_of_group[g] = out.len() as u32;
        out.push(CorpusEntity {
            id,
            kind,
            name,
            aliases,
            articles: Vec::new(),
        });
    }
    // The articles, in order: every entry takes its corpus entity's kind and
    // id, and each corpus entity its articles. Two entries of one article in
    // one entity are folded into one (see `fold`).
    let mut folds: Vec<(usize, usize, usize)> = Vec::new();
    let mut last_in: Vec<(u32, u32)> = vec![(u32::MAX, 0); out.len()];
    let mut instance = of_instance.into_iter();
    for (ai, a) in articles.iter_mut().enumerate() {
        for (ei, e) in a.entities.iter_mut().enumerate() {
            let Some(p) = instance.next() else { break };
            let c = entity_of_group[target[group_of_pair[p as usize]]] as usize;
            let Some(ce) = out.get_mut(c) else { continue };
            e.kind = ce.kind;
            e.id.clone_from(&ce.id);
            // The entity's first entry in this article keeps the others.
            let (last_article, kept) = last_in[c];
            if last_article == ai as u32 {
                folds.push((ai, kept as usize, ei));
            } else {
                ce.articles.push(a.id.clone());
                last_in[c] = (ai as u32, ei as u32);
            }
        }
    }
    // Quotes point at their speaker by entity id: follow the renaming.
    for (ai, qi, ei) in speakers {
        let a = &mut articles[ai as usize];
        if let Some(id) = a.entities.get(ei as usize).map(|e| e.id.clone()) {
            a.quotes[qi as usize].speaker_id = Some(id);
        }
    }
    fold(articles, folds);
    out
}

/// A distinct (kind, name) of an article entity, in [`merge`].
struct Pair<'a> {
    kind: EntityKind,
    name: &'a str,
    skeleton: String,
    /// Its first instance.
    first: u32,
    /// How many article entries have it, and how often they are mentioned.
    instances: usize,
    mentions: usize,
    /// Its name and every mention's text, each once.
    forms: Vec<&'a str>,
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

    /// Guards the speaker ids against being renamed twice. They were renamed
    /// one (old id, new id) pair at a time, so a quote whose speaker's new id
    /// was another entity's old id in the same article passed on to that
    /// other entity.
    #[test]
    fn a_quote_keeps_its_own_speaker_when_ids_are_renamed() {
        let text = "\"We will rebuild,\" said Anna Berg. \"It will take years,\" said Peter Lee.";
        let mut a = crate::extract::extract("0.txt", text, &Default::default());
        let speakers: Vec<_> = a.quotes.iter().map(|q| q.speaker.clone()).collect();
        assert_eq!(
            speakers,
            [Some("Anna Berg".to_string()), Some("Peter Lee".to_string())]
        );
        // Local ids as an imported bundle may have them: Peter Lee's old id is
        // the corpus id Anna Berg is about to get.
        for (e, id) in a.entities.iter_mut().zip(["x-old", "person-anna-berg"]) {
            e.id = id.to_string();
        }
        a.quotes[0].speaker_id = Some("x-old".to_string());
        a.quotes[1].speaker_id = Some("person-anna-berg".to_string());
        let mut arts = vec![a];
        merge(&mut arts);
        let ids: Vec<_> = arts[0]
            .quotes
            .iter()
            .map(|q| q.speaker_id.as_deref())
            .collect();
        assert_eq!(ids, [Some("person-anna-berg"), Some("person-peter-lee")]);
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
