//! Checks that need code, one file each. Data rules live in `rules/*.toml`.

mod currency_order;
mod doubled_word;
mod glued_words;
mod html_entity;
mod invisible;
mod lowercase_after_period;
mod lowercase_proper;
mod mojibake;
mod number_format;
mod opening_quote_as_closing;
mod quote_scan;
mod quote_spacing;
mod repeated_headline;
mod stray_closing_quote;
mod stray_single_quote;
mod unclosed_quote;
mod untranslated;
mod verbatim_repeat;
mod words;

// Checks in category folders, one file per rule named after its id.
mod capitalization {
    pub mod stray_capital;
}
mod quotes {
    pub mod mismatched_quote;
}
mod names {
    pub mod mixed_script;
    pub mod name_variant;
}
mod residue {
    pub mod chrome_line;
}
mod spans;
mod typo {
    pub mod glued_link_text;
}

use crate::rule::Rule;

/// Every coded check.
pub fn all() -> Vec<Box<dyn Rule>> {
    let mut all: Vec<Box<dyn Rule>> = vec![
        Box::new(currency_order::CurrencyOrder::new()),
        Box::new(doubled_word::DoubledWord::new()),
        Box::new(glued_words::GluedWords::new()),
        Box::new(html_entity::HtmlEntity::new()),
        Box::new(lowercase_after_period::LowercaseAfterPeriod::new()),
        Box::new(lowercase_proper::LowercaseProper::new()),
        Box::new(mojibake::Mojibake::new()),
        Box::new(invisible::control()),
        Box::new(invisible::invisible()),
        Box::new(invisible::replacement()),
        Box::new(invisible::nbsp_in_word()),
        Box::new(opening_quote_as_closing::new()),
        Box::new(quote_spacing::new()),
        Box::new(repeated_headline::RepeatedHeadline::new()),
        Box::new(stray_closing_quote::new()),
        Box::new(stray_single_quote::StraySingleQuote::new()),
        Box::new(unclosed_quote::new()),
        Box::new(untranslated::Untranslated::new()),
        Box::new(verbatim_repeat::VerbatimRepeat::new()),
        Box::new(quotes::mismatched_quote::MismatchedQuote::new()),
        Box::new(typo::glued_link_text::GluedLinkText::new()),
        Box::new(residue::chrome_line::ChromeLine::new()),
        Box::new(capitalization::stray_capital::StrayCapital::new()),
        Box::new(names::name_variant::NameVariant::new()),
        Box::new(names::mixed_script::MixedScript::new()),
    ];
    all.extend(
        number_format::NumberFormat::all()
            .into_iter()
            .map(|r| Box::new(r) as Box<dyn Rule>),
    );
    all
}
