//! `encoding/replacement-character`: U+FFFD: a character lost in decoding.
//!
//! ## What it does
//!
//! The replacement character `�` stands where a program could not decode a character:
//! the original is lost, so there is no fix; find it in the source.
//!
//! ## Why it matters
//!
//! A run of them is reported once. `â€�` (a garbled `”`) is left to
//! `encoding/mojibake`.
//!
//! ## Example
//!
//! ```text
//! The caf\u{FFFD} opened in S\u{FFFD}\u{FFFD}o Paulo.
//! ```
//!
//! ## Instead
//!
//! There is no automatic fix. Not reported:
//!
//! ```text
//! The café opened in São Paulo.
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::chars::{documented, name};
use crate::text::Document;

static REPLACEMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("\u{FFFD}+").expect("valid regex"));

/// The rule.
pub struct ReplacementCharacter {
    meta: RuleMeta,
}

impl ReplacementCharacter {
    pub fn new() -> Self {
        ReplacementCharacter {
            meta: RuleMeta {
                id: "encoding/replacement-character".into(),
                severity: Severity::Warning,
                fix: None,
                fixes: Fixes::NEVER,
                summary: "U+FFFD: a character lost in decoding".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::flagged("The caf[\u{FFFD}] opened in S[\u{FFFD}\u{FFFD}]o Paulo.").messages(&["U+FFFD REPLACEMENT CHARACTER: a character was lost when the text was decoded", "2 × U+FFFD REPLACEMENT CHARACTER: characters were lost when the text was decoded"]),
                    Example::good("The café opened in São Paulo."),
                ],
            },
        }
    }
}

impl Rule for ReplacementCharacter {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        if text.is_ascii() {
            return;
        }
        for m in REPLACEMENT.find_iter(text) {
            // `â€�` is a garbled `”` that `encoding/mojibake` reports.
            if text[..m.start()].ends_with("â€") || documented(text, m.start(), '\u{FFFD}') {
                continue;
            }
            let count = m.as_str().chars().count();
            let message = if count == 1 {
                format!(
                    "{}: a character was lost when the text was decoded",
                    name('\u{FFFD}')
                )
            } else {
                format!(
                    "{count} × {}: characters were lost when the text was decoded",
                    name('\u{FFFD}')
                )
            };
            out.push(self.meta.diagnostic(m.range(), message, None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
        crate::checks::findings(&ReplacementCharacter::new(), text)
    }

    #[test]
    fn a_run_is_reported_once() {
        assert_eq!(
            found("S\u{FFFD}\u{FFFD}o"),
            vec![(
                1..7,
                "2 × U+FFFD REPLACEMENT CHARACTER: characters were lost when the text was decoded"
                    .into()
            )]
        );
    }

    #[test]
    fn mojibake_and_texts_about_the_character_are_left_alone() {
        // Garbled `”` belongs to encoding/mojibake.
        assert_eq!(found("yesâ€\u{FFFD}"), vec![]);
        assert_eq!(
            found("the replacement character `U+FFFD` \u{FFFD} will"),
            vec![]
        );
    }
}
