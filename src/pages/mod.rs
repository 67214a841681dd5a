//! One routed view per file.

pub mod article;
pub mod library;
pub mod not_found;
pub mod search;
