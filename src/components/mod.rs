//! Reusable views.

pub mod article_card;
pub mod correct;
pub mod entity_chip;
pub mod facet_panel;
pub mod import_panel;
pub mod reader_text;
pub mod result_list;
pub mod search_box;
pub mod show_more;
pub mod snippet;
