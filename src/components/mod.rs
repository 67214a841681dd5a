//! Reusable views.

pub mod article_card;
pub mod result_list;
pub mod search_box;
pub mod snippet;
