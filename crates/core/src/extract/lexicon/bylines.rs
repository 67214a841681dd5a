//! Words that open a byline before the names, in the languages saved pages come
//! in ("By", "Von", "Par", "Por", "Written by", "Autor:"), folded. The HTML
//! stage strips them so that a byline is the names alone.

/// Byline openers, folded, longest first so that "written by" wins over "by".
pub(crate) const BYLINE_OPENERS: &[&str] = &[
    "written by",
    "posted by",
    "text by",
    "story by",
    "words by",
    "geschrieben von",
    "ein beitrag von",
    "text von",
    "autorin",
    "autor",
    "author",
    "by",
    "von",
    "par",
    "por",
    "di",
    "door",
];

/// Words that join two authors' names in a byline ("Ann Lee und Bo Kim"),
/// folded: the only lowercase words a byline holds besides name particles.
pub(crate) const BYLINE_JOINERS: &[&str] =
    &["and", "und", "et", "e", "y", "i", "en", "og", "och", "&"];
