//! `quotes/space-inside-quotes`: white space on the inner side of a curly quote, including
//! the misplaced closing quote of `already, ”Juneau said`.

use crate::checks::quote_scan::{scan, QuoteFinding, CURLY};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Rule, RuleMeta};

pub struct QuoteSpacing {
    meta: RuleMeta,
}

impl QuoteSpacing {
    pub fn new() -> Self {
        QuoteSpacing {
            meta: RuleMeta {
                id: "quotes/space-inside-quotes".into(),
                severity: Severity::Error,
                fix: Some(Applicability::Safe),
                summary: "space on the inner side of a curly quote".into(),
                description: "English puts no space between a quotation and its marks: \
                    `“ Yes ”` should be `“Yes”`. Machine translation from French often also \
                    moves the space to the wrong side of a closing quote (`already, ”Juneau \
                    said`); the fix moves it back. Only curly double quotes are checked, and a \
                    closing quote counts only when an opening one is open in the same \
                    paragraph: straight quotes are too ambiguous."
                    .into(),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "“It is already, ”Juneau said.",
                        "“It is already,” Juneau said.",
                    ),
                    Example::bad("“ We stay ”, he said.", "“We stay”, he said."),
                    Example::bad("“They left. ”\n", "“They left.”\n"),
                    Example::good("“We stay,” he said, “and we fight.”"),
                    Example::good("She said: “Yes.”"),
                    Example::good("A 27” screen and “quotes” – fine."),
                ],
            },
        }
    }
}

impl Rule for QuoteSpacing {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![CURLY.as_str()]
    }

    fn check(&self, text: &str, out: &mut Vec<Diagnostic>) {
        for finding in scan(text) {
            if let QuoteFinding::Spacing {
                span,
                replacement,
                message,
            } = finding
            {
                let fix = Fix {
                    replacement: replacement.into(),
                    applicability: Applicability::Safe,
                };
                out.push(self.meta.diagnostic(span, message, Some(fix)));
            }
        }
    }
}
