//! Quantities: a number with its unit or counted noun.
//!
//! "5,000 Russian troops" (troops), "20 percent" (percent), "2,000 square
//! kilometers" and "1,000 sq km" (km2), "50km" (km), "€1.8 billion" (EUR),
//! "45 mm of rain" (mm). Approximations ("about", "more than") and ranges ("10 to
//! 15 mm") are part of the text; a range's `value` is its lower bound. Numbers
//! that are dates (years, days of a month) or clock times are left to the dates
//! stage; a bare number with no unit or noun is left out unless hedged ("about
//! 5,000"), where its unit is "count". The hedges, units, scales and number
//! words are the lexicon's.

use super::lexicon::{
    CURRENCY_SIGNS, HEDGES, IRREGULAR_PLURALS, MONTHS, NOT_PLURALS, NUMBER_WORDS, SCALES, UNITS,
};
use crate::model::Quantity;
use crate::text::Token;

/// For each length in bytes, the first letters of the lexicon's `NUMBER_WORDS` of that
/// length (bit 0 = `a`): [`parse_number`] meets every word of the text, and
/// this turns away nearly all of them ("said", "troops") without a look-up.
const NUMBER_WORD_STARTS: [u32; 16] = {
    let mut starts = [0u32; 16];
    let mut i = 0;
    while i < NUMBER_WORDS.len() {
        let w = NUMBER_WORDS[i].0.as_bytes();
        starts[w.len()] |= 1 << (w[0] - b'a');
        i += 1;
    }
    starts
};

/// Finds the quantities of `text`.
pub fn find(text: &str) -> Vec<Quantity> {
    let (toks, folded) = super::tokenize_fold(text);
    let keys = folded.keys();
    find_in(text, &toks, &keys)
}

/// [`find`] on tokens and folded keys the caller already has.
pub fn find_in(text: &str, toks: &[Token], keys: &[&str]) -> Vec<Quantity> {
    let near = |a: usize, b: usize| b < toks.len() && toks[b].start - toks[a].end <= 1;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let Some((mut value, suffix, word)) = parse_number(t.text) else {
            i += 1;
            continue;
        };
        // Dates and times belong to the dates stage.
        let after = &text[t.end..];
        let prev_key = i.checked_sub(1).map(|p| keys[p]).unwrap_or("");
        let next_key = keys.get(i + 1).copied().unwrap_or("");
        if after.starts_with(':')
            || text[..t.start].ends_with(':')
            || MONTHS.contains(&prev_key)
            || MONTHS.contains(&next_key)
            || (suffix.is_empty()
                && !word
                && t.text.len() == 4
                && (1800.0..=2100.0).contains(&value))
            || matches!(suffix, "st" | "nd" | "rd" | "th" | "pm" | "am")
        {
            i += 1;
            continue;
        }
        let mut start = t.start;
        let mut end = t.end;
        let mut unit: Option<String> = None;
        let mut hedged = false;
        // Currency sign right before.
        if let Some(&(c, code)) = CURRENCY_SIGNS
            .iter()
            .find(|(c, _)| text[..t.start].ends_with(*c))
        {
            start -= c.len_utf8();
            unit = Some(code.to_string());
        }
        // Hedges before.
        for h in HEDGES {
            let n = h.len();
            if i >= n
                && (0..n).all(|k| keys[i - n + k] == h[k])
                && toks[i - n]
                    .text
                    .chars()
                    .all(|c| c.is_lowercase() || !c.is_alphabetic())
            {
                start = toks[i - n].start;
                hedged = true;
                break;
            }
        }
        let mut j = i + 1;
        // A suffix glued to the number: "50km", "1.8bn".
        let mut suffix_scale = false;
        if !suffix.is_empty() {
            if let Some(&(_, s)) = SCALES.iter().find(|(w, _)| *w == suffix) {
                value *= s;
                suffix_scale = true;
            } else if let Some(u) = unit_of(suffix, "") {
                unit = Some(u.0.to_string());
            } else {
                i += 1;
                continue;
            }
        }
        // Range: "10 to 15", "10-15".
        if j + 1 < toks.len()
            && (keys[j] == "to" || keys[j] == "and" && prev_key == "between")
            && parse_number(toks[j + 1].text).is_some_and(|n| n.1.is_empty())
            && near(i, j)
        {
            end = toks[j + 1].end;
            j += 2;
        } else if j < toks.len()
            && &text[toks[j - 1].end..toks[j].start] == "-"
            && parse_number(toks[j].text).is_some_and(|n| n.1.is_empty())
        {
            end = toks[j].end;
            j += 1;
        }
        // Scale word: "1.8 billion".
        if !suffix_scale && j < toks.len() && near(j - 1, j) {
            if let Some(&(_, s)) = SCALES.iter().find(|(w, _)| w.len() > 2 && *w == keys[j]) {
                value *= s;
                end = toks[j].end;
                j += 1;
            }
        }
        // Unit words or a counted noun.
        if unit.is_none()
            || unit
                .as_deref()
                .is_some_and(|u| u.len() == 3 && u.chars().all(char::is_uppercase))
        {
            let w1 = keys.get(j).copied().unwrap_or("");
            let w2 = keys.get(j + 1).copied().unwrap_or("");
            if unit.is_none() && j < toks.len() && near(j - 1, j) {
                if let Some((u, n)) = unit_of(w1, w2) {
                    unit = Some(u.to_string());
                    end = toks[j + n - 1].end;
                    j += n;
                    // A speed: "120 km/h".
                    if text[end..].starts_with("/h") && matches!(u, "km" | "mi" | "m") {
                        unit = Some(format!("{u}/h"));
                        end += 2;
                        j += usize::from(keys.get(j) == Some(&"h"));
                    }
                } else if text[toks[j - 1].end..].starts_with('%') {
                    unit = Some("percent".into());
                    end = toks[j - 1].end + 1;
                } else if let Some((noun, n)) = counted_noun(toks, keys, j) {
                    unit = Some(noun);
                    end = toks[j + n - 1].end;
                    j += n;
                }
            } else if unit.is_none() && text[end..].starts_with('%') {
                unit = Some("percent".into());
                end += 1;
            }
        }
        let unit = match unit {
            Some(u) => u,
            None if hedged || word => "count".to_string(),
            None => {
                i += 1;
                continue;
            }
        };
        if word && unit == "count" {
            i += 1;
            continue;
        }
        out.push(Quantity {
            text: text[start..end].to_string(),
            value,
            unit,
            start,
            end,
        });
        i = j.max(i + 1);
    }
    out
}

/// The number at the start of a token and any letters glued after it; number
/// words count too (the flag says so).
fn parse_number(tok: &str) -> Option<(f64, &str, bool)> {
    let b = tok.as_bytes();
    let &first = b.first()?;
    if first.is_ascii_alphabetic() {
        let starts = NUMBER_WORD_STARTS.get(b.len()).copied().unwrap_or(0);
        if starts & (1 << (first.to_ascii_lowercase() - b'a')) == 0 {
            return None;
        }
        return NUMBER_WORDS
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(tok))
            .map(|&(_, v)| (v, "", true));
    }
    if !first.is_ascii_digit() {
        return None;
    }
    // Bytes, not chars: every byte before the end is ASCII.
    let digits_end = b
        .iter()
        .position(|&c| !(c.is_ascii_digit() || c == b',' || c == b'.'))
        .unwrap_or(b.len());
    let digits = &tok[..digits_end];
    // Thousands separators out; most numbers have none, and are parsed in place.
    let v: f64 = if digits.contains(',') {
        digits.replace(',', "").parse().ok()?
    } else {
        digits.parse().ok()?
    };
    Some((v, &tok[digits_end..], false))
}

fn unit_of(w1: &str, w2: &str) -> Option<(&'static str, usize)> {
    // "w1 w2" compared piece by piece, without building it.
    let two = |w: &str| w.strip_prefix(w1).and_then(|r| r.strip_prefix(' ')) == Some(w2);
    if let Some(&(_, u)) = UNITS.iter().find(|(w, _)| two(w)) {
        return Some((u, 2));
    }
    UNITS.iter().find(|(w, _)| *w == w1).map(|&(_, u)| (u, 1))
}

/// A plural noun after the number, possibly after up to two adjectives ("5,000
/// Russian troops", "two armoured brigades").
fn counted_noun(toks: &[Token], keys: &[&str], j: usize) -> Option<(String, usize)> {
    for n in 0..3 {
        let k = keys.get(j + n)?;
        let t = &toks[j + n];
        if n > 0 && t.start - toks[j + n - 1].end > 1 {
            return None;
        }
        if IRREGULAR_PLURALS.contains(k)
            || (k.ends_with('s')
                && k.len() > 3
                && !NOT_PLURALS.contains(k)
                && !k.ends_with("ss")
                && !k.ends_with("ous")
                && t.text.starts_with(char::is_lowercase))
        {
            return Some((k.to_string(), n + 1));
        }
        // Adjectives: lowercase words or capitalised demonyms before the noun.
        if t.text.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                *k,
                "of" | "to" | "and" | "in" | "on" | "at" | "for" | "the" | "a"
            )
        {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Vec<(String, f64, String)> {
        find(text)
            .into_iter()
            .map(|q| (q.text, q.value, q.unit))
            .collect()
    }

    #[test]
    fn counted_nouns_and_units() {
        assert_eq!(
            q("The estimated 5,000 Russian troops held 20 percent of it."),
            vec![
                ("5,000 Russian troops".into(), 5000.0, "troops".into()),
                ("20 percent".into(), 20.0, "percent".into())
            ]
        );
    }

    #[test]
    fn areas_distances_and_money() {
        assert_eq!(
            q("about 2,000 square kilometers and more than 1,000 sq km (385 sq miles), 50km, €1.8 billion"),
            vec![
                ("about 2,000 square kilometers".into(), 2000.0, "km2".into()),
                ("more than 1,000 sq km".into(), 1000.0, "km2".into()),
                ("385 sq miles".into(), 385.0, "mi2".into()),
                ("50km".into(), 50.0, "km".into()),
                ("€1.8 billion".into(), 1.8e9, "EUR".into())
            ]
        );
    }

    #[test]
    fn speeds_keep_their_per_hour() {
        assert_eq!(
            q("winds of more than 120 km/h"),
            vec![("more than 120 km/h".into(), 120.0, "km/h".into())]
        );
    }

    #[test]
    fn ranges_and_rain() {
        assert_eq!(
            q("10 to 15 mm fell, then 45 mm of rain."),
            vec![
                ("10 to 15 mm".into(), 10.0, "mm".into()),
                ("45 mm".into(), 45.0, "mm".into())
            ]
        );
    }

    #[test]
    fn dates_and_times_are_not_quantities() {
        assert!(q("On October 2, 2022 at 12:30 p.m., in 2014, on its 200th day.").is_empty());
    }
}
