//! Comparison keys of words: [`fold`] (case, diacritics, possessives),
//! [`fold_name`] (a name or phrase, word by word), [`stem`] (Snowball
//! English) and [`variant_key`] (romanisations: Kupyansk/Kupiansk). Every place that compares words — the index, the query,
//! snippets, the recogniser's word lists, the entity merge — uses these, so a
//! word that matches in one place matches in all of them.
//!
//! ```
//! use folio_core::text::{fold, variant_key};
//!
//! assert_eq!(fold("Zelenskyy’s"), "zelenskyy");
//! assert_eq!(variant_key("kupiansk"), variant_key("kupyansk"));
//! ```

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::tokenize::{char_at, is_alnum, is_apostrophe, tokens, Step};

/// Folds a word to its comparison key: lowercase, diacritics removed, a possessive
/// `'s` dropped, other apostrophes and digit separators removed.
///
/// Letters that Unicode does not decompose but readers treat as plain letters
/// ("ß", "æ", "ø", "ł", "đ", "ı") are mapped by hand.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] into a reused buffer (cleared first), so that indexing allocates once
/// per document rather than once per word.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    fold_append(word, out);
}

/// [`fold`] appended to `out`, so that the keys of many words can share one
/// buffer (see `extract::fold_all`) without a copy through a scratch string.
pub(crate) fn fold_append(word: &str, out: &mut String) {
    let base = out.len();
    // Fast path: most words of English text are plain ASCII letters and digits,
    // for which folding is lowercasing (no decomposition, no apostrophes).
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push_str(word);
        out[base..].make_ascii_lowercase();
        return;
    }
    // Character by character rather than through `nfd()` on the whole word: the
    // same letters come out (canonical reordering only moves combining marks,
    // and every mark is dropped), without the iterator's buffering, and ASCII
    // (most of a word that merely holds an apostrophe) needs no table at all.
    //
    // Runs of characters that fold to themselves (ASCII but capitals,
    // apostrophes and commas; the small Russian and Ukrainian letters but "й")
    // are copied whole: words of Cyrillic sources are mostly one such run, and
    // a character at a time costs several calls each at opt-level "z".
    let bytes = word.as_bytes();
    let (mut i, mut run) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if !(b.is_ascii_uppercase() || b == b'\'' || b == b',') {
                i += 1;
                continue;
            }
        } else if b == 0xD0 || b == 0xD1 {
            // а–п (U+0430–U+043F) but й (U+0439), and р–я (U+0440–U+044F).
            // `matches!` rather than `contains`, which is a call at "z".
            let next = if i + 1 < bytes.len() { bytes[i + 1] } else { 0 };
            let small = if b == 0xD0 {
                matches!(next, 0xB0..=0xB8 | 0xBA..=0xBF)
            } else {
                matches!(next, 0x80..=0x8F)
            };
            if small {
                i += 2;
                continue;
            }
        }
        out.push_str(&word[run..i]);
        let c = char_at(word, i);
        i += c.len_utf8();
        run = i;
        if c.is_ascii() {
            if c != '\'' && c != ',' {
                out.push(c.to_ascii_lowercase());
            }
        } else if is_apostrophe(c) {
            // Dropped (as `fold_char` would drop it), without the look-up in
            // the decomposition tables: "Russia’s" is common in news text.
        } else if ('А'..='я').contains(&c) && c != 'Й' && c != 'й' {
            // The basic Russian and Ukrainian alphabet (common in the sources)
            // has no decompositions but "й", and its capitals sit 0x20 below the
            // small letters: no tables needed.
            out.push(if c <= 'Я' {
                char::from_u32(c as u32 + 0x20).unwrap_or(c)
            } else {
                c
            });
        } else {
            decompose_canonical(c, |c| fold_char(c, out));
        }
    }
    out.push_str(&word[run..]);
    // Possessive: "russia's" and "russia’s" fold like "russia" (the apostrophe is
    // gone by now, so look at the original).
    let possessive = word
        .char_indices()
        .rev()
        .nth(1)
        .is_some_and(|(_, c)| is_apostrophe(c))
        && word.ends_with(['s', 'S']);
    if possessive && out.len() - base > 1 {
        out.pop();
    }
}

/// Folds a name (or any phrase) word by word, the words as [`tokens`] finds
/// them, joined by single spaces: "Kyiv’s  Oblast" → "kyiv oblast",
/// "Ivano-Frankivsk" → "ivano frankivsk", "St. Louis" → "st louis".
///
/// The one key of names: the recogniser's entity keys, the entity merge, the
/// gazetteer's tables of countries and cities and the map's place lookups all
/// fold names with it, so a name that meets in one of them meets in all.
///
/// ```
/// use folio_core::text::fold_name;
///
/// assert_eq!(fold_name("Kup’yansk  Raion"), "kupyansk raion");
/// assert_eq!(fold_name("U.S."), "u s");
/// ```
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    // `next_step`: plain ASCII words (most names) without the general loop.
    let mut words = tokens(name);
    while let Some(step) = words.next_step() {
        let word = match step {
            Step::Ascii(start, end) => &name[start..end],
            Step::Other(t) => t.text,
        };
        if !out.is_empty() {
            out.push(' ');
        }
        fold_append(word, &mut out);
    }
    out
}

/// [`fold_into`] for one character of a canonical decomposition.
fn fold_char(c: char, out: &mut String) {
    if is_combining_mark(c) || is_apostrophe(c) || c == ',' {
        return;
    }
    match c {
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' => out.push('d'),
        'ı' => out.push('i'),
        'þ' | 'Þ' => out.push_str("th"),
        c => out.extend(c.to_lowercase()),
    }
}

/// The English stem of a folded word (Snowball English, via `rust-stemmers`), so
/// that "attacks", "attacked" and "attacking" meet at "attack".
///
/// Only words of ASCII letters are stemmed: the Snowball rules are English, and a
/// transliterated name or a number would only be damaged. Words shorter than four
/// letters come back unchanged (stemming "us" or "gas" merges nothing useful).
///
/// ```
/// use folio_core::text::stem;
///
/// assert_eq!(stem("attacks"), stem("attacking"));
/// assert_eq!(stem("5000"), "5000");
/// ```
pub fn stem(folded: &str) -> String {
    if folded.len() < 4 || !folded.bytes().all(|b| b.is_ascii_lowercase()) {
        return folded.to_string();
    }
    rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
        .stem(folded)
        .into_owned()
}

/// The transliteration-aware key of a folded word: spellings of one name that
/// English-language outlets romanise differently map to the same key, so that
/// "Kupiansk" finds "Kupyansk" and an entity's aliases can be merged.
///
/// Takes the output of [`fold`] (lowercase, no diacritics) and applies, in order:
///
/// 1. Cyrillic letters are romanised (Ukrainian-style: `г` → `h`, `х` → `kh`,
///    `ж` → `zh`, `ь`/`ъ` dropped), so "Київ" meets "Kyiv";
/// 2. anything that is not a letter or digit (soft-sign marks such as `ʹ`) is dropped;
/// 3. `kh` → `h` (Kharkiv/Harkiv), `zh` → `z` (Zaporizhzhia/Zaporizia);
/// 4. `y` → `i` (Kupyansk/Kupiansk, Izyum/Izium, Zelenskyy/Zelenskiy);
/// 5. a final `ov`/`ev` after at least two letters → `iv` (Kharkov/Kharkiv, Kiev/Kyiv);
/// 6. runs of one letter collapse to one (Zelenskii/Zelenski, Zaporizzia).
///
/// The key is deliberately lossy: it is for *meeting*, never for display, and a
/// match through it ranks below an exact match. Words of digits only come back
/// unchanged.
///
/// The signature is stable: the entity extractor relies on it to merge aliases.
///
/// ```
/// use folio_core::text::{fold, variant_key};
///
/// let key = |w: &str| variant_key(&fold(w));
/// assert_eq!(key("Kupyansk"), key("Kupiansk"));
/// assert_eq!(key("Izyum"), key("Izium"));
/// assert_eq!(key("Zelenskiy"), key("Zelenskyy"));
/// assert_eq!(key("Zelenskyy"), key("Zelensky"));
/// assert_eq!(key("Kharkov"), key("Kharkiv"));
/// assert_eq!(key("Київ"), key("Kyiv"));
/// assert_ne!(key("Lyman"), key("Lysychansk"));
/// ```
pub fn variant_key(folded: &str) -> String {
    // Bytes rather than a `String`: ASCII (nearly every word an index links)
    // is pushed without the Unicode tables or encoding a `char`.
    let mut latin: Vec<u8> = Vec::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                latin.push(c.to_ascii_lowercase() as u8);
            }
            continue;
        }
        match romanise(c) {
            Some(s) => latin.extend_from_slice(s.as_bytes()),
            None if is_alnum(c) => {
                for l in c.to_lowercase() {
                    latin.extend_from_slice(l.encode_utf8(&mut [0; 4]).as_bytes());
                }
            }
            None => {}
        }
    }
    // In place: the rules only shorten, so the write index never passes the read
    // index.
    let mut out = latin;
    let (mut i, mut w) = (0, 0);
    while i < out.len() {
        let c = out[i];
        let next = out.get(i + 1).copied();
        let (byte, step) = match (c, next) {
            (b'k', Some(b'h')) => (b'h', 2),
            (b'z', Some(b'h')) => (b'z', 2),
            (b'y', _) => (b'i', 1),
            _ => (c, 1),
        };
        out[w] = byte;
        w += 1;
        i += step;
    }
    out.truncate(w);
    let n = out.len();
    if n >= 4
        && out[n - 1] == b'v'
        && matches!(out[n - 2], b'o' | b'e')
        && out[..n - 2].iter().all(u8::is_ascii_alphabetic)
    {
        out[n - 2] = b'i';
    }
    out.dedup_by(|a, b| a == b && a.is_ascii_alphabetic());
    // Only ASCII bytes were rewritten; multi-byte sequences pass through whole
    // (dedup only merges ASCII letters), so this cannot fail.
    String::from_utf8(out).unwrap_or_default()
}

/// Romanises one (folded, so lowercase and without combining marks) Cyrillic
/// letter; `None` for anything else.
fn romanise(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "h",
        'ґ' => "g",
        'д' => "d",
        'е' | 'э' | 'ё' => "e",
        'є' => "ie",
        'ж' => "zh",
        'з' => "z",
        'и' | 'ы' => "y",
        'і' | 'ї' | 'й' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ь' | 'ъ' => "",
        'ю' => "iu",
        'я' => "ia",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::is_apostrophe;

    /// `fold` as it was before it decomposed character by character: NFD over
    /// the whole word. The oracle for the test below.
    fn fold_by_nfd(word: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        let mut out = String::new();
        for c in word.nfd() {
            fold_char(c, &mut out);
        }
        let possessive = word
            .char_indices()
            .rev()
            .nth(1)
            .is_some_and(|(_, c)| is_apostrophe(c))
            && word.ends_with(['s', 'S']);
        if possessive && out.len() > 1 {
            out.pop();
        }
        out
    }

    #[test]
    fn fold_agrees_with_whole_word_nfd() {
        // Every character up to the last plane with decompositions, amid ASCII
        // before a possessive, and between combining marks (where canonical
        // reordering could differ).
        for c in '\u{0}'..='\u{3FFFF}' {
            for w in [format!("Ab{c}'s"), format!("e\u{0301}{c}\u{0316}")] {
                assert_eq!(fold(&w), fold_by_nfd(&w), "{w:?} U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn fold_lowercases_and_strips_diacritics() {
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("ZAPORIZHZHYA"), "zaporizhzhya");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Café"), "cafe");
    }

    #[test]
    fn fold_drops_possessives_and_apostrophes() {
        assert_eq!(fold("Russia's"), "russia");
        assert_eq!(fold("Kyiv’s"), "kyiv");
        assert_eq!(fold("O'Neill"), "oneill");
        assert_eq!(fold("5,000"), "5000");
    }

    #[test]
    fn key_folds_every_word() {
        assert_eq!(fold_name("Kyiv’s  Oblast"), "kyiv oblast");
    }

    #[test]
    fn folds_names_like_the_search_index() {
        assert_eq!(fold_name("Kharkiv"), "kharkiv");
        assert_eq!(fold_name("Kup’yansk"), "kupyansk");
        assert_eq!(fold_name("Bila  Tserkva"), "bila tserkva");
        assert_eq!(fold_name("Ivano-Frankivsk"), "ivano frankivsk");
        assert_eq!(fold_name("Zürich"), "zurich");
        assert_eq!(fold_name("Russia's"), "russia");
    }

    #[test]
    fn variant_key_merges_romanisations() {
        let key = |w: &str| variant_key(&fold(w));
        for group in [
            &["Kupyansk", "Kupiansk", "Kup'yansk"][..],
            &["Izyum", "Izium"],
            &["Zelenskiy", "Zelenskyy", "Zelensky", "Зеленський"],
            &["Kharkiv", "Kharkov", "Харків"],
            &["Zaporizhzhia", "Zaporizhzhya", "Zaporizhia"],
            &["Kyiv", "Kiev", "Київ"],
            &["Lysychansk", "Lisichansk"],
        ] {
            let k = key(group[0]);
            for w in group {
                assert_eq!(key(w), k, "{w} vs {}", group[0]);
            }
        }
    }

    #[test]
    fn variant_key_keeps_different_words_apart_and_digits_whole() {
        let key = |w: &str| variant_key(&fold(w));
        assert_ne!(key("Lyman"), key("Luhansk"));
        assert_ne!(key("Kherson"), key("Kharkiv"));
        assert_eq!(key("5000"), "5000");
        assert_eq!(key("1100"), "1100");
        assert_eq!(variant_key(""), "");
    }
}
