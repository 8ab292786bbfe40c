//! Rules about suppression comments (`<!-- mtlint-disable ... -->`).

use crate::diagnostic::Diagnostic;
use crate::rule::{Rule, RuleMeta};
use crate::text::Document;

pub mod unknown_directive;
pub mod unknown_rule;
pub mod unused;

/// A rule that exists to be listed, explained, selected and ignored: its findings are
/// made by `crate::suppress::apply`, on documents (or, for the vocabulary, by the linter
/// from its configured terms).
pub(crate) struct Reported(pub(crate) &'static RuleMeta);

impl Rule for Reported {
    fn meta(&self) -> &RuleMeta {
        self.0
    }

    fn check(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}

/// The rules of suppression comments.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(Reported(unknown_directive::meta())),
        Box::new(Reported(unknown_rule::meta())),
        Box::new(Reported(unused::meta())),
    ]
}
