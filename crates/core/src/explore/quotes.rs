//! The quotes page (and an entity's quotes): every quote grouped by speaker,
//! the same statement reported by several outlets as one group.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::same_quote::{same_by_count, word_set};
use crate::model::Quote;
use crate::text::FxMap;
use crate::Corpus;

/// A quote as reported by one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteReport {
    /// The article reporting it.
    pub article_id: String,
    /// That article's outlet, when known.
    pub outlet: Option<String>,
    /// That article's title.
    pub article_title: String,
    /// The quote.
    pub quote: Quote,
}

/// One thing said, with every article's version of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteGroup {
    /// The versions, in corpus order; the first is the longest.
    pub reports: Vec<QuoteReport>,
}

/// Everything one speaker said (or the unattributed quotes, speaker `None`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerQuotes {
    /// The speaker's name.
    pub speaker: Option<String>,
    /// The speaker's entity id.
    pub speaker_id: Option<String>,
    /// What they said, each group one statement reported by one or more articles.
    pub groups: Vec<QuoteGroup>,
}
/// Quotes grouped by speaker (most quoted first; unattributed last), with the same
/// statement reported by several articles merged into one group.
pub fn quotes_by_speaker(corpus: &Corpus) -> Vec<SpeakerQuotes> {
    let mut by_speaker: BTreeMap<(Option<String>, Option<String>), Vec<QuoteReport>> =
        BTreeMap::new();
    for a in &corpus.articles {
        for q in &a.quotes {
            let key = match &q.speaker_id {
                Some(id) => (Some(id.clone()), None),
                None => (None, q.speaker.clone()),
            };
            by_speaker.entry(key).or_default().push(QuoteReport {
                article_id: a.id.clone(),
                outlet: a.outlet.clone(),
                article_title: a.title.clone(),
                quote: q.clone(),
            });
        }
    }
    let at: FxMap<&str, usize> = corpus
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut out: Vec<SpeakerQuotes> = by_speaker
        .into_iter()
        .map(|((id, name), reports)| {
            let speaker = match &id {
                Some(id) => at
                    .get(id.as_str())
                    .map(|&i| corpus.entities[i].name.clone())
                    .or_else(|| reports[0].quote.speaker.clone()),
                None => name,
            };
            SpeakerQuotes {
                speaker,
                speaker_id: id,
                groups: group_quotes(reports),
            }
        })
        .collect();
    crate::sort::by(&mut out, |a, b| {
        (
            a.speaker.is_none(),
            std::cmp::Reverse(a.groups.len()),
            &a.speaker,
        )
            .cmp(&(
                b.speaker.is_none(),
                std::cmp::Reverse(b.groups.len()),
                &b.speaker,
            ))
    });
    out
}

/// What one entity said, as statements (the same statement reported by several
/// articles one group), in corpus order: an entity's page, which need not group
/// every other speaker's quotes to show one's.
pub fn quotes_of(corpus: &Corpus, speaker_id: &str) -> Vec<QuoteGroup> {
    let reports = corpus
        .articles
        .iter()
        .flat_map(|a| a.quotes.iter().map(move |q| (a, q)))
        .filter(|(_, q)| q.speaker_id.as_deref() == Some(speaker_id))
        .map(|(a, q)| QuoteReport {
            article_id: a.id.clone(),
            outlet: a.outlet.clone(),
            article_title: a.title.clone(),
            quote: q.clone(),
        })
        .collect();
    group_quotes(reports)
}

/// The speaker's reports as statements: a report joins the first group whose words
/// it shares enough of ([`super::SAME_QUOTE_OVERLAP`]) and that no version from its own
/// article is in yet. Which groups share a word is looked up, not scanned, so a
/// speaker quoted thousands of times is grouped in about linear time.
fn group_quotes(reports: Vec<QuoteReport>) -> Vec<QuoteGroup> {
    let mut groups: Vec<(HashSet<String>, QuoteGroup)> = Vec::new();
    let mut having: FxMap<String, Vec<u32>> = FxMap::default();
    // Words shared with each group, for the groups touched by this report.
    let mut shared: Vec<usize> = Vec::new();
    let mut touched: Vec<usize> = Vec::new();
    for r in reports {
        let words = word_set(&r.quote.text);
        for w in &words {
            for &g in having.get(w).into_iter().flatten() {
                let g = g as usize;
                if shared[g] == 0 {
                    touched.push(g);
                }
                shared[g] += 1;
            }
        }
        // The first such group, as a scan of them in order would find.
        let found = touched
            .iter()
            .copied()
            .filter(|&g| {
                let (w, group) = &groups[g];
                same_by_count(shared[g], w.len(), words.len())
                    && !group.reports.iter().any(|x| x.article_id == r.article_id)
            })
            .min();
        for g in touched.drain(..) {
            shared[g] = 0;
        }
        let g = found.unwrap_or_else(|| {
            groups.push((
                HashSet::new(),
                QuoteGroup {
                    reports: Vec::new(),
                },
            ));
            shared.push(0);
            groups.len() - 1
        });
        for w in words {
            if groups[g].0.insert(w.clone()) {
                having.entry(w).or_default().push(g as u32);
            }
        }
        groups[g].1.reports.push(r);
    }
    groups
        .into_iter()
        .map(|(_, mut g)| {
            if let Some(longest) =
                (0..g.reports.len()).max_by_key(|&i| g.reports[i].quote.text.len())
            {
                g.reports.swap(0, longest);
            }
            g
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::fixture::corpus;

    #[test]
    fn the_same_quote_in_two_articles_is_one_group() {
        let c = corpus();
        let speakers = quotes_by_speaker(&c);
        let berg = speakers
            .iter()
            .find(|s| s.speaker.as_deref().is_some_and(|n| n.contains("Berg")))
            .expect("Berg is a speaker");
        assert_eq!(berg.groups.len(), 1, "{berg:#?}");
        assert_eq!(berg.groups[0].reports.len(), 2);
        let id = berg.speaker_id.as_deref().unwrap();
        assert_eq!(
            quotes_of(&c, id),
            berg.groups,
            "one speaker's statements alike"
        );
    }
}
