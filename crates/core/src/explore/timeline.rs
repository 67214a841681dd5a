//! The timeline page: the corpus's dated sentences, oldest first.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::text::sentences;
use crate::Corpus;

/// A dated sentence, for the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEvent {
    /// The date as ISO (`YYYY-MM-DD` or `YYYY-MM`).
    pub date: String,
    /// The date as written.
    pub date_text: String,
    /// The sentence it appears in.
    pub sentence: String,
    /// The article.
    pub article_id: String,
    /// The article's title.
    pub article_title: String,
    /// Byte offset of the date in the article text.
    pub start: usize,
}

/// Every sentence with a date resolved to at least a month, oldest first. A sentence
/// with several dates appears once, under its most precise date; bare years are left
/// out (they date background, "seized in 2014", rather than the events reported).
pub fn timeline(corpus: &Corpus) -> Vec<TimelineEvent> {
    let mut out = Vec::new();
    for a in &corpus.articles {
        let sents: Vec<Range<usize>> = sentences::split(&a.text).collect();
        let mut seen: HashMap<usize, usize> = HashMap::new();
        for d in &a.dates {
            let Some(value) = d.value.as_deref().filter(|v| is_month_or_day(v)) else {
                continue;
            };
            let Some(si) = sents
                .iter()
                .position(|s| s.start <= d.start && d.end <= s.end)
            else {
                continue;
            };
            let event = TimelineEvent {
                date: value.to_string(),
                date_text: d.text.clone(),
                sentence: a.text[sents[si].clone()].to_string(),
                article_id: a.id.clone(),
                article_title: a.title.clone(),
                start: d.start,
            };
            match seen.get(&si) {
                Some(&i) if out_len_date(&out, i) >= value.len() => {}
                Some(&i) => out[i] = event,
                None => {
                    seen.insert(si, out.len());
                    out.push(event);
                }
            }
        }
    }
    crate::sort::by(&mut out, |a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| a.article_id.cmp(&b.article_id))
    });
    out
}

/// `YYYY-MM` or `YYYY-MM-DD` (not a year alone, a week or a season).
fn is_month_or_day(v: &str) -> bool {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

fn out_len_date(out: &[TimelineEvent], i: usize) -> usize {
    out[i].date.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline_needs_a_month_and_keeps_one_event_per_sentence() {
        let mut c = Corpus::default();
        let meta = crate::Meta {
            published: Some("2022-10-02".into()),
            ..crate::Meta::default()
        };
        c.add(crate::extract(
            "t.txt",
            "On October 1 and on September 30 the town fell. In 2014 it was seized.",
            &meta,
        ));
        let t = timeline(&c);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert!(t[0].date.starts_with("2022-"));
    }

    #[test]
    fn only_months_and_days_go_on_the_timeline() {
        assert!(is_month_or_day("2022-10"));
        assert!(is_month_or_day("2022-10-02"));
        assert!(!is_month_or_day("2022-W35"));
        assert!(!is_month_or_day("2022"));
        assert!(!is_month_or_day("2022-10-0x"));
    }
}
