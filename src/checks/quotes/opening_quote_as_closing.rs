//! `quotes/opening-quote-as-closing`: opening quote “ used to close a quotation.
//!
//! ## What it does
//!
//! With a quotation open in the paragraph, a `“` glued to the end of a word and
//! followed by a space or punctuation (`the “dream team“ will`), or standing alone
//! before a comma or period (`impact. “, he said`), or after a comma or stop and its
//! space before a lowercase word when no `”` follows in the paragraph (`so, “she said`:
//! English double quotes do not nest), closes it: the glyph is wrong.
//!
//! ## Why it matters
//!
//! The safe fix writes `”` (taking the space before it too, and putting it after the
//! mark). The quotation then counts as closed, so `quotes/unclosed-quote` does not
//! report it again. A `“` closing a German `„` is `quotes/mismatched-quote`. The
//! opposite mistake, `”` used to open, is `quotes/stray-closing-quote`.
//!
//! ## Example
//!
//! ```text
//! Now the “dream team“ will play.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! Now the “dream team” will play.
//! ```

use crate::checks::quotes::QuoteCheck;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, RuleMeta};
use crate::text::quotes::QuoteFinding;

pub fn new() -> QuoteCheck {
    QuoteCheck {
        meta: RuleMeta {
            id: "quotes/opening-quote-as-closing".into(),
            severity: Severity::Warning,
            fix: Some(Applicability::Safe),
            fixes: Fixes::always(Applicability::Safe),
            summary: "opening quote “ used to close a quotation".into(),
            description: crate::checks::description(file!()),
            origin: file!().into(),
            examples: vec![
                Example::bad(
                    "Now the “dream team[“] will play.",
                    "Now the “dream team” will play.",
                ),
                Example::bad(
                    "“It has an impact.[ “], he said.",
                    "“It has an impact.”, he said.",
                ),
                Example::bad("“Yes,[“] she said.", "“Yes,” she said."),
                Example::bad(
                    "“We lost and it hurts,[ “]the coach said.",
                    "“We lost and it hurts,” the coach said.",
                ),
                Example::good("“We stay,” he said, “and we fight.”"),
                Example::good("Er sagte: „Das ist ein Traum“ und ging."),
                Example::good("He said: “Yes.”\n\n“Then go,” she said."),
                Example::good("“We stay, “and we fight,” he said."),
            ],
        },
        report,
    }
}

fn report(meta: &RuleMeta, finding: QuoteFinding) -> Option<Diagnostic> {
    let QuoteFinding::OpeningAsClosing { span, replacement } = finding else {
        return None;
    };
    let fix = Fix {
        replacement: replacement.into(),
        applicability: Applicability::Safe,
    };
    Some(meta.diagnostic(span, "opening quote “ used to close a quotation", Some(fix)))
}

#[cfg(test)]
mod tests {
    use crate::text::quotes::{scan, QuoteFinding};

    #[test]
    fn one_problem_is_reported_once() {
        // The misused mark closes the quotation: nothing is left unclosed.
        assert_eq!(
            scan("the “dream team“ will"),
            vec![QuoteFinding::OpeningAsClosing {
                span: 17..20,
                replacement: "”"
            }]
        );
        assert_eq!(
            scan("“An impact. “, he said"),
            vec![QuoteFinding::OpeningAsClosing {
                span: 13..17,
                replacement: "”"
            }]
        );
        // Without an open quotation it is only an unclosed quote.
        assert_eq!(
            scan("the dream team“ will."),
            vec![QuoteFinding::Unclosed { span: 14..17 }]
        );
    }

    #[test]
    fn a_closing_mark_used_to_open_is_safe_to_fix_once_closed() {
        let found = scan("said ”Hello” twice, then ”Bye.");
        assert_eq!(
            found,
            vec![
                QuoteFinding::StrayClosing {
                    span: 5..8,
                    fix: Some(("“", true)),
                    message: "closing quote ” used to open a quotation",
                },
                QuoteFinding::StrayClosing {
                    span: 29..32,
                    fix: Some(("“", false)),
                    message: "closing quote ” used to open a quotation",
                },
                // The second one never closes, but it is reported once, as the wrong mark.
            ]
        );
    }
}
