//! `numbers/dot-thousands`: thousands separated by dots (`1.390.000`): English writes commas.
//!
//! ## What it does
//!
//! German, Spanish and Italian separate thousands with dots and decimals with a comma:
//! `1.390.000`, `1.234,5`.
//!
//! ## Why it matters
//!
//! English writes `1,390,000` and `1,234.5`. Reported only where the format is certain:
//! two or more dot groups, or a dot group followed by a decimal comma. A single dot
//! group (`1.390`) is ambiguous and left alone; version numbers and IP addresses are
//! not reported.
//!
//! ## Example
//!
//! ```text
//! 1.390.000 euros
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! 1,390,000 euros
//! ```

use std::borrow::Cow;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::numbers::{digits_around, english};
use crate::text::{Document, Pattern};

/// Digit groups separated by dots: two or more groups, or one with a decimal comma.
static DOTTED: Pattern = Pattern::new(
    r"(?-u:\b)[0-9]{1,3}(?:(?:\.[0-9]{3}){2,}(?:,[0-9]{1,2})?|\.[0-9]{3},[0-9]{1,2})(?-u:\b)",
);

/// The rule.
pub struct DotThousands {
    meta: RuleMeta,
}

impl DotThousands {
    pub fn new() -> Self {
        DotThousands {
            meta: RuleMeta {
                id: "numbers/dot-thousands".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "thousands separated by dots (`1.390.000`): English writes commas".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad("[1.390.000] euros", "1,390,000 euros")
                        .message("thousands separated by dots: English writes `1,390,000`"),
                    Example::bad("a loss of [2.345,67] euros", "a loss of 2,345.67 euros")
                        .message("thousands separated by dots: English writes `2,345.67`"),
                    Example::good("version 1.390.000.2, host 10.100.200.1 and v2.100.300"),
                    Example::good("It weighs 1.390 kg; pi is 3.14159; 1,390,000 euros"),
                ],
            },
        }
    }
}

impl Rule for DotThousands {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![DOTTED.source()]
    }

    /// The pattern starts with a digit class, which gives the prefilter nothing; every
    /// match contains a digit, a separator and a digit, which are rare enough in prose to
    /// filter on.
    fn required_literals(&self) -> Option<Vec<Cow<'_, [u8]>>> {
        Some(crate::rule::owned(digits_around(&["."])))
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for m in DOTTED.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let mut after = text[m.end()..].chars();
            let (next, next2) = (after.next(), after.next());
            if before.is_some_and(|c| c.is_alphanumeric() || ".,".contains(c))
                || next.is_some_and(|c| ".,".contains(c))
                    && next2.is_some_and(|c| c.is_ascii_digit())
            {
                continue;
            }
            let replacement = english(m.as_str(), &['.']);
            let message = format!("thousands separated by dots: English writes `{replacement}`");
            let fix = Fix {
                replacement,
                applicability: Applicability::Unsafe,
            };
            out.push(self.meta.diagnostic(m.range(), message, Some(fix)));
        }
    }
}
