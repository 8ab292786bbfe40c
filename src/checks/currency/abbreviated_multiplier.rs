//! `currency/abbreviated-multiplier`: French money abbreviation: English writes `$167.4 million`.
//!
//! ## What it does
//!
//! Quebec and French newsrooms write millions and billions of dollars or euros as
//! `167,4 M$`, `12 G$`, `3 Md€`, `2 k€`.
//!
//! ## Why it matters
//!
//! English writes `$167.4 million`, `$12 billion`, `€3 billion`, `€2,000`... the fix
//! writes `thousand` for `k`. A comma followed by one or two digits is a decimal comma.
//!
//! ## Example
//!
//! ```text
//! a deficit of 167,4 M$ this year
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! a deficit of $167.4 million this year
//! ```

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::numbers::english;
use crate::text::{Document, Pattern};

/// An amount with a French multiplier before the currency symbol: `167,4 M$`, `12 G€`.
static MULTIPLIER: Pattern = Pattern::new(
    r"(?-u:\b)(?P<num>[0-9]{1,3}(?:,[0-9]{1,2})?|[0-9]+(?:\.[0-9]+)?)[ \u{A0}\u{202F}]?(?P<mult>Mds?|Mrds?|M|G|k)[ \u{A0}\u{202F}]?(?P<cur>\$|€|£)",
);

/// The rule.
pub struct AbbreviatedMultiplier {
    meta: RuleMeta,
}

impl AbbreviatedMultiplier {
    pub fn new() -> Self {
        AbbreviatedMultiplier {
            meta: RuleMeta {
                id: "currency/abbreviated-multiplier".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "French money abbreviation: English writes `$167.4 million`".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "a deficit of [167,4 M$] this year",
                        "a deficit of $167.4 million this year",
                    )
                    .message(
                        "`167,4 M$` is a French abbreviation: English writes `$167.4 million`",
                    ),
                    Example::bad("a [12 G$] plan", "a $12 billion plan")
                        .message("`12 G$` is a French abbreviation: English writes `$12 billion`"),
                    Example::bad("[3 Md€] and [2,5 M€]", "€3 billion and €2.5 million").messages(
                        &[
                            "`3 Md€` is a French abbreviation: English writes `€3 billion`",
                            "`2,5 M€` is a French abbreviation: English writes `€2.5 million`",
                        ],
                    ),
                    Example::bad("only [20 k€]", "only €20 thousand")
                        .message("`20 k€` is a French abbreviation: English writes `€20 thousand`"),
                    Example::good("$167.4 million, €12 billion and the M$ ticker; 12 GB"),
                ],
            },
        }
    }
}

impl Rule for AbbreviatedMultiplier {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![MULTIPLIER.source()]
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for caps in MULTIPLIER.captures_iter(text) {
            let whole = caps.get(0).expect("group 0");
            let before = text[..whole.start()].chars().next_back();
            if before.is_some_and(|c| ".,".contains(c)) {
                continue;
            }
            if text[whole.end()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            let word = match &caps["mult"] {
                "k" => "thousand",
                "M" => "million",
                _ => "billion",
            };
            let replacement = format!("{}{} {word}", &caps["cur"], english(&caps["num"], &[]));
            out.push(self.meta.diagnostic(
                whole.range(),
                format!(
                    "`{}` is a French abbreviation: English writes `{replacement}`",
                    whole.as_str()
                ),
                Some(Fix {
                    replacement,
                    applicability: Applicability::Unsafe,
                }),
            ));
        }
    }
}
