//! `sentence/*` rules that need code, one file per rule.

pub mod lowercase_after_period;
pub mod lowercase_paragraph_start;
