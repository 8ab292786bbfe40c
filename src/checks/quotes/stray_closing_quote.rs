//! `quotes/stray-closing-quote`: closing quote that closes nothing.
//!
//! ## What it does
//!
//! A `”` with no open quotation in its paragraph.
//!
//! ## Why it matters
//!
//! Right after a quotation that is already closed (`“disintegration.” ” from`) it is
//! certainly a leftover, and the safe fix deletes it. Where it stands at the start of a
//! word (`said ”Hello`) it was probably meant to open a quotation: the fix turns it
//! into `“`, safe when a later `”` in the paragraph closes that quotation (`said
//! ”Hello” twice`), unsafe otherwise. Otherwise it is only reported. A `”` after a
//! digit is an inch mark and is left alone. One that closes a quotation opened with
//! another glyph (`„We stay”`, `« We stay ”`) is not stray: the opening glyph is what
//! is wrong.
//!
//! ## Example
//!
//! ```text
//! prevent “disintegration.” ” from the country.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! prevent “disintegration.” from the country.
//! ```

use crate::checks::quotes::QuoteCheck;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, RuleMeta};
use crate::text::quotes::QuoteFinding;

pub fn new() -> QuoteCheck {
    QuoteCheck {
        meta: RuleMeta {
            id: "quotes/stray-closing-quote".into(),
            severity: Severity::Warning,
            fix: Some(Applicability::Safe),
            fixes: Fixes::sometimes(Applicability::Safe).or(Applicability::Unsafe),
            summary: "closing quote that closes nothing".into(),
            description: crate::checks::description(file!()),
            origin: file!().into(),
            examples: vec![
                Example::bad(
                    "prevent “disintegration.”[ ”] from the country.",
                    "prevent “disintegration.” from the country.",
                )
                .message("stray closing quote after a closed quotation"),
                Example::bad("He said [”]Hello” twice.", "He said “Hello” twice.")
                    .message("closing quote ” used to open a quotation"),
                Example::bad("He said [”]Hello twice.", "He said “Hello twice.")
                    .message("closing quote ” used to open a quotation"),
                Example::flagged("The end.[”] Then silence.")
                    .message("closing quote without an opening quote"),
                Example::good("“One,” she said, “two.”"),
                Example::good("A 27” screen."),
                Example::good("He said: „We stay” and left, and « we go ” too."),
                Example::good("“First paragraph of a long quote.\n\n“Second one.”"),
                Example::good("The “\"def\"” form and “\"*args\"”."),
            ],
        },
        report,
    }
}

fn report(meta: &RuleMeta, finding: QuoteFinding) -> Option<Diagnostic> {
    let QuoteFinding::StrayClosing { span, fix, message } = finding else {
        return None;
    };
    let fix = fix.map(|(replacement, safe)| Fix {
        replacement: replacement.into(),
        applicability: if safe {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        },
    });
    Some(meta.diagnostic(span, message, fix))
}
