//! The error type of extraction and import: what can be wrong with a file a
//! user hands the core — the text to decode and extract, its sidecar
//! metadata, an import, a Folio bundle.
//!
//! The sharded site's reader has its own,
//! [`ShardError`](crate::search::shard::ShardError), because its failures are
//! of another kind: they concern the files `folio build` wrote and the site
//! serves (the manifest and the shards a query fetches), each names the site
//! path at fault, and none of them can happen to a user's file, nor these to a
//! shard.

/// What can be wrong with a file a user hands the core. Messages are lowercase
/// facts, so a caller can prefix them with a file name and print them as one line.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    /// The input was empty, or only white space, after decoding.
    #[error("no text: the file is empty or only white space")]
    Empty,
    /// The input looks like a binary file (NUL bytes or mostly control characters).
    #[error("not text: the file looks binary")]
    Binary,
    /// A sidecar metadata file could not be parsed.
    #[error("bad metadata: {0}")]
    Meta(String),
    /// The file is larger than an import accepts.
    #[error(
        "too large: {}, over the limit of {}",
        crate::format::human_bytes(*.size),
        crate::format::human_bytes(*.limit)
    )]
    TooLarge {
        /// The file's size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A Folio bundle that cannot be read back: truncated, changed by hand, or
    /// from a newer version.
    #[error("not a valid Folio bundle: {0}")]
    Bundle(String),
    /// A JSON-lines file none of whose lines is an article: the first bad
    /// line's number and why, and how many lines were bad.
    #[error("no line is an article ({bad} bad; line {line}: {reason})")]
    NoLines {
        /// Lines that were not articles.
        bad: usize,
        /// The first of them (from 1).
        line: usize,
        /// Why not.
        reason: String,
    },
}
