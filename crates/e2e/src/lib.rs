//! Nothing here: see `tests/flows.rs`.
