//! `quotes/*` rules that need code, one file per rule.

pub mod mismatched_quote;
pub mod opening_quote_as_closing;
pub mod space_inside_quotes;
pub mod stray_closing_quote;
pub mod stray_opening_single_quote;
pub mod unclosed_quote;
pub mod unpaired_straight_quote;

use crate::diagnostic::Diagnostic;
use crate::rule::{Rule, RuleMeta};
use crate::text::quotes::{QuoteFinding, TRIGGER};
use crate::text::Document;

/// A check that reports one kind of [`QuoteFinding`]: the four quote checks share the
/// scan, made once per text by [`Document::quotes`], and differ in what they pick from it.
pub(crate) struct QuoteCheck {
    pub meta: RuleMeta,
    pub report: fn(&RuleMeta, QuoteFinding) -> Option<Diagnostic>,
}

impl Rule for QuoteCheck {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![TRIGGER.source()]
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        out.extend(
            doc.quotes()
                .iter()
                .filter_map(|f| (self.report)(&self.meta, f.clone())),
        );
    }
}
