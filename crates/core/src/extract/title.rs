//! A headline for an article whose metadata has none, from its opening
//! sentence: the library, search results and the reader all need a title.

use crate::text::{sentences, truncate_words};

/// Titles derived from the opening sentence are cut to about this many characters.
const DERIVED_TITLE_CHARS: usize = 90;
/// A clause shorter than this is too thin to stand as a title on its own.
const MIN_CLAUSE_TITLE_CHARS: usize = 40;

/// A headline for an article that has none: its opening sentence, cut at a word
/// boundary when long, without the final full stop.
pub fn derive_title(text: &str) -> String {
    // Sentences never cross a paragraph break: split only the first paragraph.
    let para = text.split('\n').next().unwrap_or("");
    let text = para;
    let first = sentences::split(text)
        .next()
        .map(|r| text[r].trim())
        .unwrap_or("");
    let first = first.strip_suffix('.').unwrap_or(first);
    if first.is_empty() {
        return "Untitled".to_string();
    }
    if first.chars().count() <= DERIVED_TITLE_CHARS {
        return first.to_string();
    }
    // Prefer a whole clause: cut at the first clause break that leaves a title of
    // readable length, else at a word boundary with an ellipsis.
    let clause = first
        .char_indices()
        .filter(|&(_, c)| matches!(c, ',' | ';' | ':' | '—' | '–'))
        .map(|(i, _)| &first[..i])
        .find(|head| {
            (MIN_CLAUSE_TITLE_CHARS..=DERIVED_TITLE_CHARS).contains(&head.chars().count())
        });
    match clause {
        Some(head) => head.trim_end().to_string(),
        None => truncate_words(first, DERIVED_TITLE_CHARS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_title_is_the_first_sentence_trimmed() {
        let t = derive_title("The ferry sank. Nobody was hurt.");
        assert_eq!(t, "The ferry sank");
        let long = "Ukraine's president has declared that Ukrainian troops are in full control of the eastern city of Lyman, a strategic city in the Donbas region.";
        let t = derive_title(long);
        assert!(t.ends_with('…'), "{t}");
        assert!(t.chars().count() <= DERIVED_TITLE_CHARS + 1, "{t}");
        assert!(!t.contains(", …"));
        let clause = derive_title("Questions about the faltering operation remain unanswered, as the capital declared control of the key eastern city after the troops withdrew.");
        assert_eq!(
            clause,
            "Questions about the faltering operation remain unanswered"
        );
    }
}
