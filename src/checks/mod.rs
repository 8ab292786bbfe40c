//! Checks that need code, one file each. Data rules live in `rules/*.toml`.

mod currency_order;
mod doubled_word;
mod html_entity;
mod lowercase_after_period;
mod mojibake;
mod quote_scan;
mod quote_spacing;
mod repeated_headline;
mod stray_closing_quote;
mod stray_single_quote;
mod unclosed_quote;

use crate::rule::Rule;

/// Every coded check.
pub fn all() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(currency_order::CurrencyOrder::new()),
        Box::new(doubled_word::DoubledWord::new()),
        Box::new(html_entity::HtmlEntity::new()),
        Box::new(lowercase_after_period::LowercaseAfterPeriod::new()),
        Box::new(mojibake::Mojibake::new()),
        Box::new(quote_spacing::new()),
        Box::new(repeated_headline::RepeatedHeadline::new()),
        Box::new(stray_closing_quote::new()),
        Box::new(stray_single_quote::StraySingleQuote::new()),
        Box::new(unclosed_quote::new()),
    ]
}
