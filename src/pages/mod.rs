//! One routed view per file.

pub mod article;
pub mod claims;
pub mod compare;
pub mod corrections;
pub mod entities;
pub mod entity;
pub mod lazy;
pub mod library;
pub mod map;
pub mod not_found;
pub mod quotes;
pub mod search;
pub mod timeline;
