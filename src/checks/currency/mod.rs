//! `currency/*` rules that need code, one file per rule.

pub mod abbreviated_multiplier;
pub mod symbol_after_amount;
