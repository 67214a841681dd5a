//! Whitespace collapsing, the way a browser renders text: every run of
//! whitespace is one space. The walk, the JSON-LD reader and the metadata
//! cleaners all use it, so they agree on what a string looks like.
//!
//! Characters that render as nothing are dropped here too, where the text is
//! first made, so that every later span counts the text the reader sees: the
//! soft hyphen (U+00AD, `&shy;`, a line-break hint inside "Bundes&shy;regierung"
//! that would otherwise split a word for search and names), the zero-width
//! space (U+200B), the word joiner (U+2060) and a stray U+FEFF. The zero-width
//! joiner and non-joiner (U+200D, U+200C) stay: they change how Persian, Hindi
//! or an emoji sequence is written.

/// Whether `c` renders as nothing and carries no meaning in the text.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// `t` without invisible characters, borrowed when it has none (the usual case).
pub(super) fn visible(t: &str) -> std::borrow::Cow<'_, str> {
    if t.contains(is_invisible) {
        std::borrow::Cow::Owned(t.chars().filter(|&c| !is_invisible(c)).collect())
    } else {
        std::borrow::Cow::Borrowed(t)
    }
}

/// Appends `t` to `buf` with whitespace runs collapsed to one space.
pub(super) fn push_collapsed(buf: &mut String, t: &str) {
    let t = visible(t);
    for (i, part) in t.split(char::is_whitespace).enumerate() {
        if i > 0 && !buf.ends_with(' ') && !buf.is_empty() {
            buf.push(' ');
        }
        buf.push_str(part);
    }
}

/// `s` with whitespace runs collapsed and trimmed.
pub(super) fn collapse(s: &str) -> String {
    visible(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_hyphens_and_zero_width_spaces_go_joiners_stay() {
        let mut buf = String::new();
        push_collapsed(&mut buf, "Bundes\u{ad}regierung  und\u{200b}so");
        assert_eq!(buf, "Bundesregierung undso");
        assert_eq!(collapse("\u{feff} a\u{2060}b "), "ab");
        assert_eq!(collapse("می\u{200c}خواهم"), "می\u{200c}خواهم");
        assert_eq!(collapse("👩\u{200d}💻"), "👩\u{200d}💻");
    }
}
