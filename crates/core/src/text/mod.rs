//! Text: the layer that extraction, search, geo and explore all stand on.
//!
//! - [`tokenize`]: the one tokenizer — where words are and where they end.
//! - [`fold`](mod@fold): the comparison keys of a word — [`fold()`] (case, diacritics),
//!   [`stem`] (Snowball English) and [`variant_key`] (romanisations) — and of a
//!   name, [`fold_name`].
//! - [`sentences`]: sentence boundaries.
//! - [`truncate`]: cutting a string at a word boundary.
//! - `hash`: the Fx hasher and its maps, for the tables of short words that
//!   every layer keeps.
//!
//! Nothing here knows of articles, entities or an index: `extract` and
//! `search` both import this layer and never each other.
//!
//! ```
//! use folio_core::text::{fold, sentences, tokens};
//!
//! let text = "Troops entered Kupyansk. Officials said so.";
//! let first = sentences::split(text).next().unwrap();
//! let words: Vec<String> = tokens(&text[first]).map(|t| fold(t.text)).collect();
//! assert_eq!(words, ["troops", "entered", "kupyansk"]);
//! ```

pub mod fold;
pub(crate) mod hash;
pub mod sentences;
pub mod tokenize;
pub mod truncate;

pub(crate) use fold::fold_append;
pub use fold::{fold, fold_into, fold_name, stem, variant_key};
pub(crate) use hash::{FxHasher, FxMap, FxSet};
pub(crate) use tokenize::Step;
pub use tokenize::{tokens, Spans, Token, Tokens};
pub use truncate::truncate_words;
