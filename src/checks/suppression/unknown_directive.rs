//! `suppression/unknown-directive`: a comment that starts like a suppression comment
//! (`mtlint-…`) is not one.
//!
//! ## What it does
//!
//! In Markdown and HTML, the directives are `mtlint-disable`, `mtlint-enable`,
//! `mtlint-disable-line` and `mtlint-disable-next-line`. A comment whose first word starts
//! with `mtlint-` but is none of them is reported, with the closest directive.
//!
//! ## Why it matters
//!
//! A misspelled directive (`mtlint-disabel`) is an ordinary comment: it silently
//! suppresses nothing, and the findings it was meant to silence come back.
//!
//! ## Example
//!
//! ```text
//! <!-- mtlint-disabel typo -->
//! Text.
//!
//! ```
//!
//! ## Instead
//!
//! There is no automatic fix. Not reported:
//!
//! ```text
//! <!-- mtlint-disable typo -->
//! The the end.
//!
//! ```

use std::sync::LazyLock;

use crate::diagnostic::Severity;
use crate::rule::{Example, Fixes, RuleMeta};

/// The rule's id.
pub const ID: &str = "suppression/unknown-directive";

/// The rule's metadata, shared by the listed rule and the findings.
pub fn meta() -> &'static RuleMeta {
    static META: LazyLock<RuleMeta> = LazyLock::new(|| RuleMeta {
        id: ID.into(),
        severity: Severity::Warning,
        fix: None,
        fixes: Fixes::NEVER,
        summary: "a comment starts like a suppression comment but is not one".into(),
        description: crate::checks::description(file!()),
        origin: file!().into(),
        examples: vec![
            Example::flagged("[<!-- mtlint-disabel typo -->]\nText.\n").message(
                "unknown directive `mtlint-disabel` (did you mean `mtlint-disable`?); this \
                 comment suppresses nothing",
            ),
            Example::good("<!-- mtlint-disable typo -->\nThe the end.\n"),
        ],
    });
    &META
}
