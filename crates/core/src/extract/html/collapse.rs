//! Whitespace collapsing, the way a browser renders text: every run of
//! whitespace is one space. The walk, the JSON-LD reader and the metadata
//! cleaners all use it, so they agree on what a string looks like.

/// Appends `t` to `buf` with whitespace runs collapsed to one space.
pub(super) fn push_collapsed(buf: &mut String, t: &str) {
    for (i, part) in t.split(char::is_whitespace).enumerate() {
        if i > 0 && !buf.ends_with(' ') && !buf.is_empty() {
            buf.push(' ');
        }
        buf.push_str(part);
    }
}

/// `s` with whitespace runs collapsed and trimmed.
pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
