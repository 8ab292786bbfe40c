//! `quotes/unclosed-quote`: a `“` never closed in its paragraph.

use crate::checks::quote_scan::{scan, QuoteFinding, CURLY};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{Example, Rule, RuleMeta};

pub struct UnclosedQuote {
    meta: RuleMeta,
}

impl UnclosedQuote {
    pub fn new() -> Self {
        UnclosedQuote {
            meta: RuleMeta {
                id: "quotes/unclosed-quote".into(),
                severity: Severity::Warning,
                fix: None,
                summary: "opening quote never closed in its paragraph".into(),
                description: "A `“` with no matching `”` before the paragraph ends. A \
                    quotation that runs over several paragraphs leaves each one open and \
                    opens the next with `“`; that convention is recognised and not \
                    reported. There is no automatic fix: only a reader knows where the \
                    quotation ends."
                    .into(),
                origin: file!().into(),
                examples: vec![
                    Example::flagged("He called it “a reliable partner to its allies.\n"),
                    Example::good("He called it “a reliable partner” to its allies.\n"),
                    Example::good("“The first paragraph.\n\n“The second,” he said.\n"),
                    Example::good("“The first paragraph.\n“The second,” he said.\n"),
                ],
            },
        }
    }
}

impl Rule for UnclosedQuote {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![CURLY.as_str()]
    }

    fn check(&self, text: &str, out: &mut Vec<Diagnostic>) {
        for finding in scan(text) {
            if let QuoteFinding::Unclosed { span } = finding {
                out.push(self.meta.diagnostic(
                    span,
                    "opening quote “ is never closed in this paragraph",
                    None,
                ));
            }
        }
    }
}
