//! The one error type of folio-core.

/// Everything that can go wrong in the core. Messages are lowercase facts, so a caller
/// can prefix them with a file name and print them as one line.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    /// The input was empty, or only white space, after decoding.
    #[error("no text: the file is empty or only white space")]
    Empty,
    /// The input looks like a binary file (NUL bytes or mostly control characters).
    #[error("not text: the file looks binary")]
    Binary,
    /// The input is not valid UTF-8.
    #[error("not UTF-8 text (invalid byte at offset {offset})")]
    Encoding {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A sidecar metadata file could not be parsed.
    #[error("bad metadata: {0}")]
    Meta(String),
}
