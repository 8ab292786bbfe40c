//! `numbers/*` rules that need code, one file per rule.

pub mod dot_thousands;
pub mod ordinal_period;
pub mod space_thousands;
pub mod time_format;
