//! The corpus the app explores, shared through context.

use std::sync::Arc;

use folio_core::{Corpus, Meta, Source};
use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The bundled articles as sources for the core. A sidecar that does not parse is
/// reported on the console and ignored, so one bad file never blanks the app.
pub fn bundled_sources() -> Vec<Source> {
    BUNDLED
        .iter()
        .map(|(file, text, meta)| Source {
            file: file.to_string(),
            raw: text.to_string(),
            meta: meta
                .map(|m| {
                    Meta::from_json(m).unwrap_or_else(|e| {
                        leptos::logging::warn!("{file}: {e}");
                        Meta::default()
                    })
                })
                .unwrap_or_default(),
        })
        .collect()
}

/// The corpus in context. Cheap to copy; views read it with [`CorpusCtx::with`].
#[derive(Clone, Copy)]
pub struct CorpusCtx(pub RwSignal<Arc<Corpus>>);

impl CorpusCtx {
    /// Builds the bundled corpus and provides it to every view below.
    pub fn provide_bundled() -> CorpusCtx {
        let ctx = CorpusCtx(RwSignal::new(Arc::new(Corpus::build(bundled_sources()))));
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
