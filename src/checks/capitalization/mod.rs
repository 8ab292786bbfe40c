//! `capitalization/*` rules that need code, one file per rule.

pub mod lowercase_proper_adjective;
pub mod stray_capital;
