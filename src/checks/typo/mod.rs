//! `typo/*` rules that need code, one file per rule.

pub mod doubled_word;
pub mod glued_link_text;
pub mod glued_words;
