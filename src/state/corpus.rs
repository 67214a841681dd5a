//! The corpus the app explores, shared through context.

use std::sync::Arc;

use folio_core::{Corpus, Extraction};
use leptos::prelude::*;

/// The bundled corpus, extracted at build time by `build.rs` with folio-core.
const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled.json"));

/// The bundled extraction. It was written by the same core at build time, so a
/// failure here is a build defect, reported on the console with an empty corpus
/// rather than a blank page.
pub fn bundled() -> Extraction {
    serde_json::from_str(BUNDLED_JSON).unwrap_or_else(|e| {
        leptos::logging::error!("bundled corpus unreadable: {e}");
        Extraction {
            articles: Vec::new(),
            entities: Vec::new(),
        }
    })
}

/// The corpus in context. Cheap to copy; views read it with [`CorpusCtx::with`].
#[derive(Clone, Copy)]
pub struct CorpusCtx(pub RwSignal<Arc<Corpus>>);

impl CorpusCtx {
    /// Loads the bundled corpus and provides it to every view below.
    pub fn provide_bundled() -> CorpusCtx {
        let ctx = CorpusCtx(RwSignal::new(Arc::new(Corpus::from_extraction(bundled()))));
        provide_context(ctx);
        ctx
    }

    /// The corpus provided by an ancestor.
    pub fn expect() -> CorpusCtx {
        expect_context::<CorpusCtx>()
    }

    /// Reads the corpus, tracking it as a dependency.
    pub fn with<R>(&self, f: impl FnOnce(&Corpus) -> R) -> R {
        self.0.with(|c| f(c))
    }
}
