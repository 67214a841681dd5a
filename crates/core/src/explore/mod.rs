//! Exploring a corpus: the derived views the app shows — entity summaries, a KWIC
//! concordance, co-occurrence, quotes grouped by speaker (the same quote reported by
//! several outlets as one item), a timeline of dated sentences, and a side-by-side
//! comparison of two articles with differing claims flagged.
//!
//! These are computed here, not in the UI, so the app, the CLI and the tests see the
//! same figures and the app only lays them out: it renders what these functions
//! return and never re-derives it. Everything is derived from the articles'
//! annotations; nothing re-reads the raw text.
//!
//! One derived view model per file, named after the app's page that shows it
//! (`src/pages/`):
//!
//! - `article`: the reader's paragraphs, blocks and marked spans ([`reader_paragraphs`]).
//! - `entities`: every entity with its counts ([`entity_summaries`]; the map uses it too).
//! - `entity`: one entity's concordance and co-occurring entities ([`concordance`],
//!   [`cooccurrence`]).
//! - `quotes`: quotes grouped by speaker ([`quotes_by_speaker`]).
//! - `timeline`: dated sentences, oldest first ([`timeline()`]), counted into bars by
//!   the unit their span needs ([`timeline_chart`]).
//! - `claims`: every figure the corpus reports, grouped by what it measures, with
//!   its source and period, and where the figures differ ([`claims()`]).
//! - `compare`: two articles side by side, and the pairs worth comparing
//!   ([`compare()`], [`related_pairs`]).
//!
//! Shared by several views: how numbers are printed ([`format_number`],
//! [`format_fixed`], from the ground's [`crate::format`]) and `same_quote` (when two quotes are one statement,
//! [`SAME_QUOTE_OVERLAP`]), used by both quotes and compare.

mod article;
mod claims;
mod compare;
mod entities;
mod entity;
mod quotes;
mod same_quote;
mod timeline;

pub use crate::format::{format_fixed, format_number};
pub use article::{reader_paragraphs, Block, MarkKind, ReaderParagraph, Span};
pub use claims::{claims, ClaimGroup, ClaimedFigure};
pub use compare::{
    compare, related_pairs, Claim, Comparison, RelatedPair, RELATED_PAIRS_MAX_ARTICLES,
};
pub use entities::{entity_summaries, EntitySummary};
pub use entity::{concordance, cooccurrence, CoOccurrence, KwicLine};
pub use quotes::{quotes_by_speaker, quotes_of, QuoteGroup, QuoteReport, SpeakerQuotes};
pub use same_quote::SAME_QUOTE_OVERLAP;
pub use timeline::{
    busiest_window, timeline, timeline_chart, AxisTick, TimeUnit, TimelineBin, TimelineChart,
    TimelineEvent,
};

/// The corpus the views' tests share: two reports of one bridge reopening that
/// quote the mayor alike and disagree on the number of workers.
#[cfg(test)]
mod fixture {
    use crate::{Corpus, Source};

    pub(super) fn corpus() -> Corpus {
        Corpus::build(vec![
            Source::text(
                "a.txt",
                "Mayor Anna Berg said the bridge would reopen. \"The bridge is safe and will reopen on Monday,\" Berg said.\n\nAbout 300 workers repaired it in Lund.",
            ),
            Source::text(
                "b.txt",
                "\"The bridge is safe and it will reopen Monday,\" Mayor Anna Berg told reporters in Lund.\n\nAbout 450 workers took part.",
            ),
        ])
    }
}
