//! `quotes/unclosed-quote`: opening quote never closed in its paragraph.
//!
//! ## What it does
//!
//! A `“` with no matching `”` before the paragraph ends.
//!
//! ## Why it matters
//!
//! A quotation that runs over several paragraphs leaves each one open and opens the
//! next with `“`; that convention is recognised and not reported. There is no automatic
//! fix: only a reader knows where the quotation ends. A quotation opened with `”` is
//! left to `quotes/stray-closing-quote`, which names the wrong mark: one artifact, one
//! finding. Nor is a quotation in the last paragraph of a text that stops mid-sentence
//! (an excerpt: whether it closes cannot be known), nor one opened with another glyph
//! (`„`, `«`: `quotes/mismatched-quote` and the guillemet rules).
//!
//! ## Example
//!
//! ```text
//! He called it “a reliable partner to its allies.
//!
//! ```
//!
//! ## Instead
//!
//! There is no automatic fix. Not reported:
//!
//! ```text
//! He called it “a reliable partner” to its allies.
//!
//! ```

use crate::checks::quotes::QuoteCheck;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{Example, Fixes, RuleMeta};
use crate::text::quotes::QuoteFinding;

pub fn new() -> QuoteCheck {
    QuoteCheck {
        meta: RuleMeta {
            id: "quotes/unclosed-quote".into(),
            severity: Severity::Warning,
            fix: None,
            fixes: Fixes::NEVER,
            summary: "opening quote never closed in its paragraph".into(),
            description: crate::checks::description(file!()),
            origin: file!().into(),
            examples: vec![
                Example::flagged("He called it [“]a reliable partner to its allies.\n")
                    .message("opening quote “ is never closed in this paragraph"),
                Example::good("He called it “a reliable partner” to its allies.\n"),
                Example::good("“The first paragraph.\n\n“The second,” he said.\n"),
                Example::good("“The first paragraph.\n“The second,” he said.\n"),
                Example::good("She answered ”not today and walked off.\n"),
                Example::good("The minister said: “The budget will be cut in"),
                Example::flagged("He spoke.\n\n[“]The budget will be cut in May.\n")
                    .message("opening quote “ is never closed in this paragraph"),
                Example::flagged("[“]The budget will be cut in May.\n\nHe left.\n")
                    .message("opening quote “ is never closed in this paragraph"),
            ],
        },
        report,
    }
}

fn report(meta: &RuleMeta, finding: QuoteFinding) -> Option<Diagnostic> {
    let QuoteFinding::Unclosed { span } = finding else {
        return None;
    };
    Some(meta.diagnostic(
        span,
        "opening quote “ is never closed in this paragraph",
        None,
    ))
}
