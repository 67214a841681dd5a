//! App state: the corpus context, navigation, and plain helpers with native tests.

pub mod corpus;
pub mod format;
pub mod geo;
pub mod library;
pub mod nav;
pub mod route;
pub mod shards;
