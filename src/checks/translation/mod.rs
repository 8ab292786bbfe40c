//! `translation/*` rules that need code, one file per rule.

pub mod untranslated;
pub mod untranslated_word;
