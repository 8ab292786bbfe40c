//! `residue/*` rules that need code, one file per rule.

pub mod chrome_line;
pub mod doubled_glued_name;
pub mod html_entity;
pub mod repeated_headline;
pub mod repeated_line;
pub mod repeated_sentence;
pub mod run_in_heading;
