//! `names/*` rules that need code, one file per rule.

pub mod mixed_script;
pub mod name_around_title;
pub mod name_variant;
