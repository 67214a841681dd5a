//! `folio eval`: the accuracy figures, one file per kind of gold.
//!
//! - [`ner`]: entity recognition on gold NER sets.
//! - [`html`]: main-content extraction on saved pages with gold.

mod html;
mod ner;

pub use html::html;
pub use ner::ner;
