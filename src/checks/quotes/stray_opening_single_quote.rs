//! `quotes/stray-opening-single-quote`: opening single quote that nothing closes.
//!
//! ## What it does
//!
//! A `‘` at the start of a word with no closing `’` anywhere after it in the paragraph:
//! typically the remains of a French elision or of a quotation the translation dropped.
//!
//! ## Why it matters
//!
//! The unsafe fix deletes it. Not reported before a digit (`‘90s`) or a word that
//! starts with an apostrophe (`‘til`, `rock ‘n’ roll`), nor when any closing `’`
//! follows (a plural possessive such as `States’` counts, to stay on the safe side).
//!
//! ## Example
//!
//! ```text
//! the vast swathes that ‘he had managed to capture.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! the vast swathes that he had managed to capture.
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::paragraphs_with;
use crate::text::Document;

static OPENING: LazyLock<Regex> = LazyLock::new(|| Regex::new("‘").expect("valid regex"));

/// Words that legitimately start with an apostrophe, often typed as `‘`.
const ELIDED: &[&str] = &[
    "em", "til", "tis", "twas", "cause", "cos", "n", "bout", "round", "nuff", "kay", "ello",
    "appen", "fraid", "scuse", "sup", "neath", "gainst", "twere",
];

pub struct StraySingleQuote {
    meta: RuleMeta,
}

impl StraySingleQuote {
    pub fn new() -> Self {
        StraySingleQuote {
            meta: RuleMeta {
                id: "quotes/stray-opening-single-quote".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "opening single quote that nothing closes".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "the vast swathes that [‘]he had managed to capture.",
                        "the vast swathes that he had managed to capture.",
                    )
                    .message("opening single quote ‘ is never closed in this paragraph"),
                    Example::good("He called it ‘a mistake’ at the time."),
                    Example::good("Back in the ‘90s, rock ‘n’ roll ruled ‘til dawn."),
                    Example::good("‘Go home,’ he said.\n\nShe said ‘yes’."),
                ],
            },
        }
    }
}

impl Rule for StraySingleQuote {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![OPENING.as_str()]
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for para in paragraphs_with(text, &OPENING) {
            let p = &text[para.clone()];
            for (i, _) in p.match_indices('‘') {
                let opens = p[..i]
                    .chars()
                    .last()
                    .is_none_or(|c| c.is_whitespace() || "([{“\"—–-".contains(c));
                let rest = &p[i + '‘'.len_utf8()..];
                let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
                if !opens || word.is_empty() || ELIDED.contains(&word.to_lowercase().as_str()) {
                    continue;
                }
                if closing_follows(rest) {
                    continue;
                }
                let start = para.start + i;
                let fix = Fix {
                    replacement: String::new(),
                    applicability: Applicability::Unsafe,
                };
                out.push(self.meta.diagnostic(
                    start..start + '‘'.len_utf8(),
                    "opening single quote ‘ is never closed in this paragraph",
                    Some(fix),
                ));
            }
        }
    }
}

/// Whether `rest` holds a `’` that can close a quotation: not between two letters.
fn closing_follows(rest: &str) -> bool {
    rest.match_indices('’').any(|(j, _)| {
        let glued_after = rest[j + '’'.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic);
        !glued_after
    })
}
