//! `boilerplate/*` rules that need code, one file per rule.

pub mod generated_bio;
