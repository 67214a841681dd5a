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

/// Words of a page's controls that sit inside author boxes ("Reply",
/// "Tweet", "Antworten"), folded: a byline that is one of them names nobody.
pub(crate) const INTERFACE_WORDS: &[&str] = &[
    "reply",
    "share",
    "tweet",
    "follow",
    "like",
    "print",
    "email",
    "e-mail",
    "comment",
    "comments",
    "antworten",
    "teilen",
    "drucken",
    "kommentare",
    "kommentieren",
    "répondre",
    "partager",
    "responder",
    "compartir",
    "rispondi",
    "condividi",
    "reageren",
    "delen",
    "odpowiedz",
];
