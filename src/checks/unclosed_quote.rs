//! `quotes/unclosed-quote`: a `“` never closed in its paragraph.

use crate::checks::quote_scan::{QuoteCheck, QuoteFinding};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{Example, RuleMeta};

pub fn new() -> QuoteCheck {
    QuoteCheck {
        meta: RuleMeta {
            id: "quotes/unclosed-quote".into(),
            severity: Severity::Warning,
            fix: None,
            summary: "opening quote never closed in its paragraph".into(),
            description: "A `“` with no matching `”` before the paragraph ends. A \
                    quotation that runs over several paragraphs leaves each one open and \
                    opens the next with `“`; that convention is recognised and not \
                    reported. Nor is a quotation in the last paragraph of a text that stops \
                    mid-sentence, or that opens the paragraph and may go on in a paragraph the \
                    excerpt lacks, nor one opened with another glyph (`„`, `«`: \
                    `quotes/mismatched-quote` and the guillemet rules). There is no automatic fix: only a reader knows where the \
                    quotation ends."
                .into(),
            origin: file!().into(),
            examples: vec![
                Example::flagged("He called it “a reliable partner to its allies.\n"),
                Example::good("He called it “a reliable partner” to its allies.\n"),
                Example::good("“The first paragraph.\n\n“The second,” he said.\n"),
                Example::good("“The first paragraph.\n“The second,” he said.\n"),
                Example::good("The minister said: “The budget will be cut in"),
                Example::good("He spoke.\n\n“The budget will be cut in May.\n"),
                Example::flagged("“The budget will be cut in May.\n\nHe left.\n"),
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
