//! `quotes/*` rules that need code, one file per rule.

pub mod opening_quote_as_closing;
pub mod space_inside_quotes;
pub mod stray_closing_quote;
pub mod stray_opening_single_quote;
pub mod unclosed_quote;
