//! The data model: what extraction produces and every view consumes.
//!
//! Field names follow the JSON contract of `folio extract --json` (see the README);
//! fields may be added, never renamed. All offsets are byte offsets into
//! [`Article::text`].

use serde::{Deserialize, Serialize};

/// Optional metadata that travels beside an article (a sidecar `ID.meta.json` in a
/// corpus folder). Missing fields are derived by the core where it can.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meta {
    /// The headline; derived from the opening sentence when absent.
    pub title: Option<String>,
    /// The publication, e.g. "The Guardian".
    pub outlet: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Where the article came from.
    pub url: Option<String>,
    /// The author(s), without "By".
    pub byline: Option<String>,
}

impl Meta {
    /// Parses a sidecar file. Unknown keys are an error so that a typo ("outlett")
    /// is reported rather than silently ignored.
    pub fn from_json(json: &str) -> Result<Meta, crate::Error> {
        serde_json::from_str(json).map_err(|e| crate::Error::Meta(e.to_string()))
    }
}

/// One article after extraction: clean text and everything found in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The file name the article came from, e.g. `000_55de2ee9ab9363be.txt`.
    pub file: String,
    /// The file name without extension; stable, used in URLs.
    pub id: String,
    /// The headline, from metadata or derived from the opening sentence.
    pub title: String,
    /// The author(s), when known.
    pub byline: Option<String>,
    /// Publication date `YYYY-MM-DD`, when known.
    pub published: Option<String>,
    /// The publication, when known.
    #[serde(default)]
    pub outlet: Option<String>,
    /// The source URL, when known.
    #[serde(default)]
    pub url: Option<String>,
    /// Clean text; paragraphs separated by one blank line.
    pub text: String,
    /// Every piece of debris removed, as it appeared in the source.
    pub removed: Vec<String>,
    /// People, places and organisations with their mentions in this article.
    pub entities: Vec<ArticleEntity>,
    /// Quoted speech or writing, with its speaker when the text names one.
    pub quotes: Vec<Quote>,
    /// Dates and times mentioned, normalised where the text allows.
    pub dates: Vec<DateMention>,
    /// Numbers with their unit or counted noun.
    pub quantities: Vec<Quantity>,
    /// Number of words in `text` (as the search tokenizer counts them).
    #[serde(default)]
    pub word_count: usize,
}

impl Article {
    /// The paragraphs of the clean text, each with its byte offset.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, &str)> {
        let base = self.text.as_ptr() as usize;
        self.text
            .split("\n\n")
            .filter(|p| !p.is_empty())
            .map(move |p| (p.as_ptr() as usize - base, p))
    }

    /// The first `max_chars` characters of the text, cut at a word boundary, for
    /// library cards.
    pub fn opening(&self, max_chars: usize) -> String {
        crate::text::truncate_words(&self.text.replace("\n\n", " "), max_chars)
    }
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A place: country, region, city, village, natural feature.
    Place,
    /// An organisation: ministry, army unit, company, party, agency.
    Org,
}

impl EntityKind {
    /// The kind's name as the bundle's JSON spells it (`"person"`, `"place"`,
    /// `"org"`): one spelling for ids, CSV exports and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Org => "org",
        }
    }
}

/// One surface form of an entity at one place in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The text at `start..end`.
    /// (Absent from a shard record when it is its span: see
    /// [`crate::search::shard::write_record`].)
    #[serde(default)]
    pub text: String,
}

/// An entity as found in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleEntity {
    /// The corpus-wide entity id (the same across articles for the same thing).
    pub id: String,
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// The fullest form of the name seen in this article.
    pub name: String,
    /// Every mention in this article, in text order.
    pub mentions: Vec<Mention>,
}

/// A passage in quotation marks that is speech or writing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The words between the quotation marks.
    /// (Absent from a shard record when it is its span: see
    /// [`crate::search::shard::write_record`].)
    #[serde(default)]
    pub text: String,
    /// The speaker's name, or `None` when the text names none.
    pub speaker: Option<String>,
    /// The speaker's entity id, when the speaker is a known entity.
    pub speaker_id: Option<String>,
    /// Byte offset of the quoted words (inside the marks).
    pub start: usize,
    /// Byte offset one past the quoted words.
    pub end: usize,
}

/// A date or time expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// The expression as written, e.g. "October 2".
    /// (Absent from a shard record when it is its span: see
    /// [`crate::search::shard::write_record`].)
    #[serde(default)]
    pub text: String,
    /// ISO form (`2022-10-02`, `2022-10` or `2022`) where the text allows, else `None`.
    pub value: Option<String>,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// A number with its unit or counted noun.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The expression as written, e.g. "5,000 Russian troops".
    /// (Absent from a shard record when it is its span: see
    /// [`crate::search::shard::write_record`].)
    #[serde(default)]
    pub text: String,
    /// The number, e.g. `5000.0`.
    pub value: f64,
    /// The normalised unit or noun, e.g. "troops", "km2", "percent".
    pub unit: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// An entity across the whole corpus, with every alias it goes by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusEntity {
    /// Stable id, shared with [`ArticleEntity::id`].
    pub id: String,
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// The preferred (fullest, most frequent) name.
    pub name: String,
    /// Every surface form seen, across articles.
    pub aliases: Vec<String>,
    /// Ids of the articles that mention it.
    pub articles: Vec<String>,
}

/// The output of `folio extract --json`: articles plus corpus-wide entities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Every article, in input order.
    pub articles: Vec<Article>,
    /// Entities merged across articles.
    pub entities: Vec<CorpusEntity>,
}
