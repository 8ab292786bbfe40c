//! `quotes/space-inside-quotes`: space on the inner side of a curly quote.
//!
//! ## What it does
//!
//! English puts no space between a quotation and its marks: `“ Yes ”` should be
//! `“Yes”`.
//!
//! ## Why it matters
//!
//! Machine translation from French often also moves the space to the wrong side of a
//! closing quote (`already, ”Juneau said`); the fix moves it back. Only curly double
//! quotes are checked, and a closing quote counts only when an opening one is open in
//! the same paragraph: straight quotes are too ambiguous.
//!
//! ## Example
//!
//! ```text
//! “It is already, ”Juneau said.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! “It is already,” Juneau said.
//! ```

use crate::checks::quotes::QuoteCheck;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, RuleMeta};
use crate::text::quotes::QuoteFinding;

pub fn new() -> QuoteCheck {
    QuoteCheck {
        meta: RuleMeta {
            id: "quotes/space-inside-quotes".into(),
            severity: Severity::Error,
            fix: Some(Applicability::Safe),
            fixes: Fixes::always(Applicability::Safe),
            summary: "space on the inner side of a curly quote".into(),
            description: crate::checks::description(file!()),
            origin: file!().into(),
            examples: vec![
                Example::bad(
                    "“It is already,[ ”]Juneau said.",
                    "“It is already,” Juneau said.",
                )
                .message("misplaced closing quote: the space belongs after it"),
                Example::bad("[“ ]We stay[ ”], he said.", "“We stay”, he said.").messages(&[
                    "space after an opening quote",
                    "space before a closing quote",
                ]),
                Example::bad("“They left.[ ”]\n", "“They left.”\n")
                    .message("space before a closing quote"),
                Example::good("“We stay,” he said, “and we fight.”"),
                Example::good("She said: “Yes.”"),
                Example::good("A 27” screen and “quotes” – fine."),
            ],
        },
        report,
    }
}

fn report(meta: &RuleMeta, finding: QuoteFinding) -> Option<Diagnostic> {
    let QuoteFinding::Spacing {
        span,
        replacement,
        message,
    } = finding
    else {
        return None;
    };
    let fix = Fix {
        replacement: replacement.into(),
        applicability: Applicability::Safe,
    };
    Some(meta.diagnostic(span, message, Some(fix)))
}
