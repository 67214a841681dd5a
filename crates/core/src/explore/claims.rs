//! `claims`: every figure the corpus reports, grouped by what it measures,
//! with who gave it and over what period — so that "more than 1,000 sq km …
//! in the last week" (Kyiv, in one article) and "more than 3,000 square
//! kilometers … this month" (a general, in another) stand side by side, and
//! the groups whose values differ are marked with their spread.
//!
//! A figure's measure is its quantity's normalised unit (`km2`, `troops`,
//! `percent`), with synonyms and units of one dimension folded into one
//! ([`MEASURE_SYNONYMS`]: square miles into square kilometres, soldiers into
//! troops), and a bare count ("about 5,000") given the nearest counted noun
//! its sentence names. What it is *of* ("of territory", "of Ukraine") splits a
//! measure into groups. Its source is the speaker of the quote it stands in,
//! else whoever the sentence has say, claim or estimate it ("Kyiv claimed",
//! "he said": the last person named before), else the outlet. Its period is the
//! date or time expression of its sentence ("last week", "this month").
//!
//! Everything is read from the articles' annotations and their text's
//! sentences; the app, the CLI (`folio claims`) and the tests see the same
//! groups.

use std::ops::Range;

use serde::Serialize;

use crate::extract::lexicon::{
    in_not_names, in_speech_verbs, COMPASS, FINITE_VERBS, MEASURE_SYNONYMS, TIME_OPENERS,
};
use crate::model::{Article, EntityKind, Quantity};
use crate::text::{fold, sentences, tokens, FxMap};
use crate::Corpus;

/// Corpus entity names by id: a figure's source is named as the whole corpus
/// names it (its spellings merged).
type Names<'a> = FxMap<&'a str, &'a str>;

/// Values further apart than this share (1%) are different figures, not one
/// figure rounded two ways.
const SAME_VALUE: f64 = 0.01;

/// Figures for one measure of one thing, across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimGroup {
    /// The measure: a normalised unit or counted noun ("km2", "troops").
    pub measure: String,
    /// What the figures are of, as the first claim writes it ("territory",
    /// "Ukraine"), when their sentences say.
    pub of: Option<String>,
    /// Each figure, in corpus order.
    pub claims: Vec<ClaimedFigure>,
    /// Articles the figures come from.
    pub articles: usize,
    /// Whether the values differ (by more than rounding).
    pub differ: bool,
    /// The smallest and the largest value, in the measure's unit.
    pub low: f64,
    /// See [`ClaimGroup::low`].
    pub high: f64,
}

/// One figure as one article reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimedFigure {
    /// The article's id.
    pub article: String,
    /// Its title, outlet and publication date, for the reader.
    pub title: String,
    /// See [`ClaimedFigure::title`].
    pub outlet: Option<String>,
    /// See [`ClaimedFigure::title`].
    pub published: Option<String>,
    /// The expression as written ("more than 3,000 square kilometers").
    pub text: String,
    /// The value in the group's measure (385 square miles are 997 km2).
    pub value: f64,
    /// Who gives the figure ("Kyiv", "Valeriy Zaluzhniy", "the ministry").
    pub source: Option<String>,
    /// The source's entity id, when the source is a known entity.
    pub source_id: Option<String>,
    /// The period it covers, as written ("last week", "this month").
    pub period: Option<String>,
    /// Byte offsets of the quantity in the article's text.
    pub start: usize,
    /// See [`ClaimedFigure::start`].
    pub end: usize,
    /// Byte range of its sentence in the article's text.
    pub sentence: Range<usize>,
}

/// Every measure reported, grouped: groups with figures from more than one
/// article first, those whose values differ before those that agree, then by
/// size.
pub fn claims(corpus: &Corpus) -> Vec<ClaimGroup> {
    let names: Names = corpus
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    // The nouns the corpus counts, for a bare count's sentence to name one.
    let mut counted: Vec<&str> = corpus
        .articles
        .iter()
        .flat_map(|a| a.quantities.iter().map(|q| q.unit.as_str()))
        .filter(|u| *u != "count" && u.chars().all(char::is_alphabetic) && u.len() > 3)
        .collect();
    counted.sort_unstable();
    counted.dedup();
    let mut groups: Vec<(String, Option<String>, ClaimGroup)> = Vec::new();
    for a in &corpus.articles {
        let spans: Vec<Range<usize>> = sentences::split(&a.text).collect();
        let mut seen: Vec<(Range<usize>, String, f64)> = Vec::new();
        for q in &a.quantities {
            let Some(sentence) = spans.iter().find(|s| s.start <= q.start && q.end <= s.end) else {
                continue;
            };
            let Some((measure, value)) = measure_of(a, q, sentence, &counted) else {
                continue;
            };
            // "1,000 sq km (385 sq miles)": one figure written twice.
            let twice = seen.iter().any(|(s, m, v)| {
                s == sentence && *m == measure && (v - value).abs() <= v.abs() * SAME_VALUE
            });
            if twice {
                continue;
            }
            seen.push((sentence.clone(), measure.clone(), value));
            let of = of_what(&a.text, q.end, sentence.end);
            let of_key = of
                .as_deref()
                .map(|o| fold(o.rsplit(' ').next().unwrap_or(o)));
            let (source, source_id) = source_of(&names, a, q, sentence);
            let claim = ClaimedFigure {
                article: a.id.clone(),
                title: a.title.clone(),
                outlet: a.outlet.clone(),
                published: a.published.clone(),
                text: a.text[q.start..q.end].to_string(),
                value,
                source,
                source_id,
                period: period_of(a, sentence),
                start: q.start,
                end: q.end,
                sentence: sentence.clone(),
            };
            match groups
                .iter_mut()
                .find(|(m, o, _)| *m == measure && *o == of_key)
            {
                Some((_, _, g)) => {
                    // One article restating its figure from the same source
                    // ("four regions", three times) reports it once.
                    let restated = g.claims.iter().any(|c| {
                        c.article == claim.article
                            && c.source == claim.source
                            && (c.value - claim.value).abs() <= c.value.abs() * SAME_VALUE
                    });
                    if !restated {
                        g.claims.push(claim);
                    }
                }
                None => groups.push((
                    measure.clone(),
                    of_key,
                    ClaimGroup {
                        measure,
                        of,
                        claims: vec![claim],
                        articles: 0,
                        differ: false,
                        low: value,
                        high: value,
                    },
                )),
            }
        }
    }
    let mut out: Vec<ClaimGroup> = groups
        .into_iter()
        .map(|(_, _, mut g)| {
            let mut ids: Vec<&str> = g.claims.iter().map(|c| c.article.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            g.articles = ids.len();
            g.low = g
                .claims
                .iter()
                .map(|c| c.value)
                .fold(f64::INFINITY, f64::min);
            g.high = g
                .claims
                .iter()
                .map(|c| c.value)
                .fold(f64::NEG_INFINITY, f64::max);
            g.differ = g.high - g.low > g.high.abs() * SAME_VALUE;
            g
        })
        .collect();
    crate::sort::by(&mut out, |a, b| {
        (b.articles > 1)
            .cmp(&(a.articles > 1))
            .then(b.differ.cmp(&a.differ))
            .then(b.claims.len().cmp(&a.claims.len()))
    });
    out
}

/// The measure and value of a quantity: its unit with synonyms folded, or for
/// a bare count the counted noun its sentence names nearest to it.
fn measure_of(
    a: &Article,
    q: &Quantity,
    sentence: &Range<usize>,
    counted: &[&str],
) -> Option<(String, f64)> {
    let unit = if q.unit == "count" {
        nearest_noun(&a.text, q, sentence, counted)?
    } else {
        q.unit.as_str()
    };
    Some(
        match MEASURE_SYNONYMS.iter().find(|(from, _, _)| *from == unit) {
            Some(&(_, to, factor)) => (to.to_string(), q.value * factor),
            None => (unit.to_string(), q.value),
        },
    )
}

/// The counted noun nearest to a bare count in its sentence, among the nouns
/// the corpus counts elsewhere ("the number of surrounded Russian troops at
/// about 5,000": troops).
fn nearest_noun<'a>(
    text: &str,
    q: &Quantity,
    sentence: &Range<usize>,
    counted: &[&'a str],
) -> Option<&'a str> {
    word_spans(text, sentence.clone())
        .into_iter()
        .filter_map(|(s, e)| {
            let word = fold(&text[s..e]);
            let noun = counted.iter().copied().find(|n| *n == word)?;
            let distance = if s < q.start {
                q.start - s
            } else {
                s.saturating_sub(q.end)
            };
            Some((distance, noun))
        })
        .min()
        .map(|(_, noun)| noun)
}

/// What a figure is of: the words after " of " that follow it (past a
/// parenthesis: "1,000 sq km (385 sq miles) of territory", or a compass
/// direction: "120 km southeast of Kharkiv"), up to two,
/// stopping at a function word or a verb ("of farmland were").
fn of_what(text: &str, end: usize, sentence_end: usize) -> Option<String> {
    let mut rest = &text[end..sentence_end];
    if let Some(inner) = rest.strip_prefix(" (") {
        rest = &inner[inner.find(')')? + 1..];
    }
    // "120 km southeast of Kharkiv": a distance from Kharkiv.
    let rest = match rest.strip_prefix(' ').and_then(|r| r.split_once(' ')) {
        Some((word, _)) if COMPASS.contains(&fold(word).as_str()) => &rest[1 + word.len()..],
        _ => rest,
    };
    let rest = rest.strip_prefix(" of ")?;
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let words: Vec<&str> = rest
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .take_while(|w| {
            let w = fold(w);
            !w.is_empty() && !in_not_names(&w) && !FINITE_VERBS.contains(&w.as_str())
        })
        .take(2)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Who gives a figure: the speaker of the quote it stands in; else whoever
/// its sentence has say it — the entity or the words right before a verb of
/// speech ("Kyiv claimed", "the ministry said"), the entity right after one
/// ("said Zaluzhniy"), the last person named before the sentence for "he
/// said" or "she said", the entity after "according to"; else nobody.
fn source_of(
    names: &Names,
    a: &Article,
    q: &Quantity,
    sentence: &Range<usize>,
) -> (Option<String>, Option<String>) {
    if let Some(quote) = a
        .quotes
        .iter()
        .find(|x| x.start <= q.start && q.end <= x.end)
    {
        if quote.speaker.is_some() {
            return (quote.speaker.clone(), quote.speaker_id.clone());
        }
    }
    let text = &a.text;
    let named = |range: Range<usize>| -> Option<(String, String)> {
        a.entities.iter().find_map(|e| {
            e.mentions
                .iter()
                .find(|m| range.start <= m.start && m.end <= range.end)
                .map(|_| (display_name(names, &e.id, &e.name), e.id.clone()))
        })
    };
    let words: Vec<(usize, usize)> = word_spans(text, sentence.clone());
    for (i, &(ws, we)) in words.iter().enumerate() {
        let word = fold(&text[ws..we]);
        if word == "according" && words.get(i + 1).is_some_and(|&(s, e)| &text[s..e] == "to") {
            if let Some(&(after, _)) = words.get(i + 2) {
                if let Some((name, id)) = named(after..sentence.end) {
                    return (Some(name), Some(id));
                }
            }
        }
        if !in_speech_verbs(&word) {
            continue;
        }
        // Right before the verb: a name, a pronoun, or "the ministry".
        if i > 0 {
            let (ps, pe) = words[i - 1];
            let before = fold(&text[ps..pe]);
            if matches!(before.as_str(), "he" | "she") {
                if let Some((name, id)) = last_person_before(names, a, sentence.start) {
                    return (Some(name), Some(id));
                }
            }
            let from = if i >= 3 { words[i - 3].0 } else { words[0].0 };
            if let Some((name, id)) = named(from..pe) {
                return (Some(name), Some(id));
            }
            // "the ministry said", "the interior ministry said".
            let the = (2..=3.min(i)).find(|&k| {
                let (s, e) = words[i - k];
                &text[s..e] == "the"
                    && words[i - k + 1..i]
                        .iter()
                        .all(|&(s, _)| text[s..].starts_with(char::is_lowercase))
            });
            if let Some(k) = the {
                return (Some(text[words[i - k].0..pe].to_string()), None);
            }
        }
        // Right after it: "said Zaluzhniy".
        if let Some(&(ns, _)) = words.get(i + 1) {
            let to = words.get(i + 3).map_or(sentence.end, |w| w.1);
            if let Some((name, id)) = named(ns..to) {
                return (Some(name), Some(id));
            }
        }
    }
    (None, None)
}

/// The byte spans of the words in `range`, by the one tokenizer.
fn word_spans(text: &str, range: Range<usize>) -> Vec<(usize, usize)> {
    tokens(&text[range.clone()])
        .map(|t| (range.start + t.start, range.start + t.end))
        .collect()
}

/// The person mentioned last before `at`, for "he said".
fn last_person_before(names: &Names, a: &Article, at: usize) -> Option<(String, String)> {
    a.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(|e| {
            let last = e
                .mentions
                .iter()
                .filter(|m| m.end <= at)
                .map(|m| m.end)
                .max()?;
            Some((last, e))
        })
        .max_by_key(|(last, _)| *last)
        .map(|(_, e)| (display_name(names, &e.id, &e.name), e.id.clone()))
}

/// An entity's corpus-wide name (merged across spellings), else its name in
/// the article.
fn display_name(names: &Names, id: &str, name: &str) -> String {
    names.get(id).copied().unwrap_or(name).to_string()
}

/// The period a figure covers: a time expression of its sentence that spans
/// one ("last week", "this month", "since March"); a point in time ("in
/// 2014", "on Friday") dates something else the sentence says.
fn period_of(a: &Article, sentence: &Range<usize>) -> Option<String> {
    a.dates
        .iter()
        .filter(|d| sentence.start <= d.start && d.end <= sentence.end)
        .map(|d| &a.text[d.start..d.end])
        .find(|t| {
            t.split_whitespace()
                .next()
                .is_some_and(|w| TIME_OPENERS.contains(&fold(w).as_str()))
        })
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    fn corpus() -> Corpus {
        Corpus::build(vec![
            Source::text(
                "a.txt",
                "Floods hit the north of Valdoria on Monday. At least 40 people died in the last week, the interior ministry said.",
            ),
            Source::text(
                "b.txt",
                "Rescue teams reached the flooded villages. Health Minister Anna Kerros said 52 people were killed this week.\n\nThe river rose 3 metres.",
            ),
            Source::text(
                "c.txt",
                "Officials said 52 people died in the floods. About 1,200 square miles of farmland were under water, according to Anna Kerros.",
            ),
            Source::text(
                "d.txt",
                "The floods covered about 3,100 square kilometres of farmland, the agency estimated.",
            ),
        ])
    }

    #[test]
    fn figures_of_one_measure_from_several_articles_are_grouped_and_their_spread_marked() {
        let c = corpus();
        let groups = claims(&c);
        let people = groups
            .iter()
            .find(|g| g.measure == "people")
            .expect("the death tolls are one group");
        assert_eq!(people.articles, 3, "{people:?}");
        assert!(people.differ);
        assert_eq!((people.low, people.high), (40.0, 52.0));
        let by_article = |id: &str| people.claims.iter().find(|x| x.article == id).unwrap();
        assert_eq!(
            by_article("a").source.as_deref(),
            Some("the interior ministry")
        );
        assert_eq!(by_article("a").period.as_deref(), Some("last week"));
        assert_eq!(by_article("b").source.as_deref(), Some("Anna Kerros"));
        assert_eq!(by_article("b").period.as_deref(), Some("this week"));
        // Groups from several articles whose figures differ come first.
        assert!(
            groups[0].articles > 1 && groups[0].differ,
            "{:?}",
            groups[0]
        );
    }

    /// Guards the restatement rule: an article that gives one figure from one
    /// source twice reports it once; another source's same figure stays.
    #[test]
    fn a_figure_one_article_restates_is_one_figure() {
        let c = Corpus::build(vec![
            Source::text(
                "a.txt",
                "The rebels hold four provinces. Talks covered the four provinces on Monday. \
                 President Ilse Marn said four provinces would vote.",
            ),
            Source::text("b.txt", "Observers said the rebels hold four provinces."),
        ]);
        let groups = claims(&c);
        let provinces = groups
            .iter()
            .find(|g| g.measure == "provinces")
            .expect("the provinces are one measure");
        let from_a: Vec<Option<&str>> = provinces
            .claims
            .iter()
            .filter(|x| x.article == "a")
            .map(|x| x.source.as_deref())
            .collect();
        assert_eq!(from_a.len(), 2, "{provinces:?}");
        assert!(from_a.contains(&Some("Ilse Marn")), "{from_a:?}");
        assert_eq!(provinces.articles, 2);
    }

    #[test]
    fn units_of_one_dimension_are_one_measure_and_what_it_is_of_splits_it() {
        let c = corpus();
        let groups = claims(&c);
        let farmland = groups
            .iter()
            .find(|g| g.measure == "km2")
            .expect("square miles and kilometres are one measure");
        assert_eq!(farmland.of.as_deref(), Some("farmland"));
        assert_eq!(farmland.claims.len(), 2);
        let miles = farmland.claims.iter().find(|x| x.article == "c").unwrap();
        assert!((miles.value - 3108.0).abs() < 1.0, "{}", miles.value);
        assert_eq!(miles.source.as_deref(), Some("Anna Kerros"));
        assert!(
            !farmland.differ,
            "3,108 and 3,100 km2 are one figure rounded"
        );
        let metres = groups.iter().find(|g| g.measure == "m").unwrap();
        assert_eq!(metres.articles, 1);
        // A distance is grouped by where it is from.
        assert_eq!(
            of_what(" southeast of Kharkiv, a hub", 0, 28).as_deref(),
            Some("Kharkiv")
        );
    }
}
