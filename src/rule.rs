//! The [`Rule`] trait every check implements, data-driven or coded, and its metadata.

use std::sync::Arc;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::text::Document;

/// A worked example carried by every rule; `tests/rule_examples.rs` runs them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Example {
    /// Text the rule must flag; `fixed` is the text after applying the rule's fixes
    /// (safe and unsafe), or `None` when the rule offers no fix.
    Bad { text: String, fixed: Option<String> },
    /// Text the rule must not flag.
    Good { text: String },
}

impl Example {
    /// A bad example whose fixes give `fixed`.
    pub fn bad(text: &str, fixed: &str) -> Self {
        Example::Bad {
            text: text.into(),
            fixed: Some(fixed.into()),
        }
    }

    /// A bad example for a rule without a fix.
    pub fn flagged(text: &str) -> Self {
        Example::Bad {
            text: text.into(),
            fixed: None,
        }
    }

    /// A good example.
    pub fn good(text: &str) -> Self {
        Example::Good { text: text.into() }
    }
}

/// What `--list-rules` and `--explain` show about a rule.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    /// `category/name`, kebab-case.
    pub id: Arc<str>,
    /// Default severity of its diagnostics.
    pub severity: Severity,
    /// The best fix it can offer, if any.
    pub fix: Option<Applicability>,
    /// One line: what it finds.
    pub summary: String,
    /// Why it matters and what it does not flag.
    pub description: String,
    /// Where it is defined: a `rules/*.toml` file or a `src/checks/*.rs` file.
    pub origin: String,
    /// Bad and good examples.
    pub examples: Vec<Example>,
}

impl RuleMeta {
    /// A diagnostic of this rule at `span`, with the rule's severity.
    pub fn diagnostic(
        &self,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
        fix: Option<Fix>,
    ) -> Diagnostic {
        Diagnostic {
            rule: self.id.clone(),
            severity: self.severity,
            message: message.into(),
            span,
            fix,
        }
    }
}

/// One check. Implementations are small and stateless; `check` appends its findings.
pub trait Rule: Send + Sync {
    /// The rule's id, severity, description and examples.
    fn meta(&self) -> &RuleMeta;
    /// Append every finding in the document's text to `out`. The [`Document`] is shared
    /// by every rule: read words, sentences and quote pairs from it instead of rescanning.
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>);

    /// The regexes this rule searches with, as compiled (`--dump-patterns`). Every finding
    /// must contain a match of one of them: the linter skips the rule on texts where
    /// literals these regexes require are absent (see `prefilter.rs`). A rule that returns
    /// none always runs.
    fn patterns(&self) -> Vec<&str> {
        Vec::new()
    }

    /// Literals one of which occurs in every finding's match; `None` if the rule must
    /// always run. Derived from [`Rule::patterns`] unless a rule knows better.
    fn required_literals(&self) -> Option<Vec<Vec<u8>>> {
        crate::prefilter::required_literals(&self.patterns())
    }

    /// The source-language packs the rule belongs to (`fr`, `de`, …), empty for a rule
    /// that holds whatever the source language (see [`crate::Linter::source_languages`]).
    fn packs(&self) -> &[Arc<str>] {
        &[]
    }

    /// Whether the rule runs when no source language is given: every rule outside the
    /// packs, and the pack entries marked `default = true` (near-certain ones).
    fn runs_by_default(&self) -> bool {
        true
    }
}

/// Whether `id` is `category/name` with lowercase kebab-case parts.
pub fn is_valid_id(id: &str) -> bool {
    let part = |s: &str| {
        !s.is_empty()
            && !s.starts_with('-')
            && !s.ends_with('-')
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    matches!(id.split_once('/'), Some((c, n)) if part(c) && part(n))
}
