//! Rules that need code: `checks/<category>/<name>.rs` holds the rule `category/name`
//! (`_` for `-`), one rule per file, with its examples beside the code. Data rules live in
//! `rules/<category>/*.toml`; helpers several checks share are in `crate::text`.

mod boilerplate;
mod calque;
mod capitalization;
mod currency;
mod encoding;
mod false_friend;
mod names;
mod numbers;
mod quotes;
mod residue;
mod sentence;
mod spans;
pub(crate) mod suppression;
mod translation;
mod typo;
pub(crate) mod vocabulary;

use crate::rule::Rule;

/// `(file, description)` of every coded rule: the `What it does` and `Why it matters`
/// sections of the `//!` manual that opens its file, extracted by `build.rs`.
const DOCS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

/// The description of the coded rule defined in `file` (its `file!()`): what
/// `--explain`, the SARIF help and the language server's hover show.
pub(crate) fn description(file: &str) -> String {
    let file = file.replace('\\', "/");
    DOCS.iter()
        .find(|(f, _)| *f == file)
        .map(|(_, d)| d.to_string())
        .unwrap_or_default()
}

/// The spans and messages `rule` reports in `text` (for the checks' unit tests).
#[cfg(test)]
pub(crate) fn findings(rule: &dyn Rule, text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    rule.check(&crate::text::Document::new(text), &mut out);
    out.into_iter().map(|d| (d.span, d.message)).collect()
}

/// Every coded check.
pub fn all() -> Vec<Box<dyn Rule>> {
    let mut all: Vec<Box<dyn Rule>> = vec![
        Box::new(boilerplate::generated_bio::GeneratedBio::new()),
        Box::new(calque::of_genitive::OfGenitive::new()),
        Box::new(calque::postposed_adjective::PostposedAdjective::new()),
        Box::new(capitalization::lowercase_proper_adjective::LowercaseProper::new()),
        Box::new(currency::abbreviated_multiplier::AbbreviatedMultiplier::new()),
        Box::new(currency::symbol_after_amount::CurrencyOrder::new()),
        Box::new(capitalization::stray_capital::StrayCapital::new()),
        Box::new(encoding::control_character::ControlCharacter::new()),
        Box::new(encoding::invisible_character::InvisibleCharacter::new()),
        Box::new(encoding::mojibake::Mojibake::new()),
        Box::new(encoding::no_break_space_in_word::NoBreakSpaceInWord::new()),
        Box::new(encoding::replacement_character::ReplacementCharacter::new()),
        Box::new(false_friend::confusion_pair::ConfusionPair::new()),
        Box::new(names::mixed_script::MixedScript::new()),
        Box::new(names::name_around_title::NameAroundTitle::new()),
        Box::new(names::name_variant::NameVariant::new()),
        Box::new(numbers::dot_thousands::DotThousands::new()),
        Box::new(numbers::space_thousands::SpaceThousands::new()),
        Box::new(numbers::time_format::TimeFormat::new()),
        Box::new(numbers::ordinal_period::OrdinalPeriod::new()),
        Box::new(quotes::mismatched_quote::MismatchedQuote::new()),
        Box::new(quotes::opening_quote_as_closing::new()),
        Box::new(quotes::space_inside_quotes::new()),
        Box::new(quotes::stray_closing_quote::new()),
        Box::new(quotes::stray_opening_single_quote::StraySingleQuote::new()),
        Box::new(quotes::unclosed_quote::new()),
        Box::new(quotes::unpaired_straight_quote::UnpairedStraightQuote::new()),
        Box::new(residue::chrome_line::ChromeLine::new()),
        Box::new(residue::doubled_glued_name::DoubledGluedName::new()),
        Box::new(residue::html_entity::HtmlEntity::new()),
        Box::new(residue::repeated_headline::RepeatedHeadline::new()),
        Box::new(residue::repeated_line::RepeatedLine::new()),
        Box::new(residue::repeated_sentence::VerbatimRepeat::new()),
        Box::new(residue::run_in_heading::RunInHeading::new()),
        Box::new(sentence::lowercase_after_period::LowercaseAfterPeriod::new()),
        Box::new(sentence::lowercase_paragraph_start::LowercaseParagraphStart::new()),
        Box::new(translation::untranslated::Untranslated::new()),
        Box::new(translation::untranslated_word::UntranslatedWord::new()),
        Box::new(typo::doubled_word::DoubledWord::new()),
        Box::new(typo::glued_link_text::GluedLinkText::new()),
        Box::new(typo::glued_words::GluedWords::new()),
    ];
    all.extend(suppression::rules());
    all.extend(vocabulary::rules());
    all
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every `.rs` file under `dir`.
    fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_rule_id_maps_to_the_one_file_that_defines_it() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        sources(&root.join("src/checks"), &mut files);
        let texts: Vec<(String, String)> = files
            .iter()
            .map(|p| {
                let name = p.strip_prefix(root).unwrap().to_string_lossy();
                (name.replace('\\', "/"), std::fs::read_to_string(p).unwrap())
            })
            .collect();
        let linter = crate::Linter::builtin();
        let mut coded = 0;
        for rule in linter.rules() {
            let meta = rule.meta();
            let (category, name) = meta.id.split_once('/').unwrap();
            if meta.origin.starts_with("rules/") {
                assert!(
                    meta.origin.starts_with(&format!("rules/{category}/")),
                    "{} is defined in {}",
                    meta.id,
                    meta.origin
                );
                continue;
            }
            coded += 1;
            let want = format!(
                "src/checks/{}/{}.rs",
                category.replace('-', "_"),
                name.replace('-', "_")
            );
            assert_eq!(meta.origin, want, "{}", meta.id);
            let defining: Vec<&str> = texts
                .iter()
                .filter(|(_, text)| {
                    text.contains(&format!("id: \"{}\"", meta.id))
                        || text.contains(&format!("ID: &str = \"{}\"", meta.id))
                })
                .map(|(name, _)| name.as_str())
                .collect();
            assert_eq!(defining, [want.as_str()], "{}", meta.id);
            let manual = &texts.iter().find(|(n, _)| *n == want).unwrap().1;
            for section in ["What it does", "Why it matters", "Example", "Instead"] {
                assert!(
                    manual.contains(&format!("//! ## {section}\n")),
                    "{want} has no `## {section}` section"
                );
            }
            assert!(
                !meta.description.is_empty(),
                "{} has no description",
                meta.id
            );
        }
        assert!(coded >= 25, "only {coded} coded rules");
    }
}
