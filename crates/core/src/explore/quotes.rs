//! The quotes page (and an entity's quotes): every quote grouped by speaker,
//! the same statement reported by several outlets as one group.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::same_quote::{overlap, word_set, SAME_QUOTE_OVERLAP};
use crate::model::Quote;
use crate::Corpus;

/// A quote as reported by one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteReport {
    /// The article reporting it.
    pub article_id: String,
    /// That article's outlet, when known.
    pub outlet: Option<String>,
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
                quote: q.clone(),
            });
        }
    }
    let mut out: Vec<SpeakerQuotes> = by_speaker
        .into_iter()
        .map(|((id, name), reports)| {
            let speaker = match &id {
                Some(id) => corpus
                    .entities
                    .iter()
                    .find(|e| &e.id == id)
                    .map(|e| e.name.clone())
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
fn group_quotes(reports: Vec<QuoteReport>) -> Vec<QuoteGroup> {
    let mut groups: Vec<(HashSet<String>, QuoteGroup)> = Vec::new();
    for r in reports {
        let words = word_set(&r.quote.text);
        let found = groups.iter_mut().find(|(w, g)| {
            overlap(w, &words) >= SAME_QUOTE_OVERLAP
                && !g.reports.iter().any(|x| x.article_id == r.article_id)
        });
        match found {
            Some((w, g)) => {
                w.extend(words);
                g.reports.push(r);
            }
            None => groups.push((words, QuoteGroup { reports: vec![r] })),
        }
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
    }
}
