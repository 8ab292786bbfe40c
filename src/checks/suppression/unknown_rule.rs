//! `suppression/unknown-rule`: a suppression comment names an unknown rule or category.
//!
//! ## What it does
//!
//! In Markdown and HTML, `<!-- mtlint-disable ... -->`, `<!-- mtlint-enable ... -->`
//! and `<!-- mtlint-disable-next-line ... -->` name the rules or categories they apply
//! to.
//!
//! ## Why it matters
//!
//! A name that matches no rule is a typo or a rule that no longer exists: the comment
//! suppresses nothing.
//!
//! ## Example
//!
//! ```text
//! <!-- mtlint-disable-next-line typo/no-such-rule -->
//! Text.
//!
//! ```
//!
//! ## Instead
//!
//! There is no automatic fix. Not reported:
//!
//! ```text
//! <!-- mtlint-disable-next-line typo -->
//! The the end.
//!
//! ```

use std::sync::LazyLock;

use crate::diagnostic::Severity;
use crate::rule::{Example, Fixes, RuleMeta};

/// The rule's id.
pub const ID: &str = "suppression/unknown-rule";

/// The rule's metadata, shared by the listed rule and the findings.
pub fn meta() -> &'static RuleMeta {
    static META: LazyLock<RuleMeta> = LazyLock::new(|| RuleMeta {
        id: ID.into(),
        severity: Severity::Info,
        fix: None,
        fixes: Fixes::NEVER,
        summary: "a suppression comment names an unknown rule or category".into(),
        description: crate::checks::description(file!()),
        origin: file!().into(),
        examples: vec![
            Example::flagged("[<!-- mtlint-disable-next-line typo/no-such-rule -->]\nText.\n")
                .message("unknown rule or category `typo/no-such-rule` in a suppression comment"),
            Example::good("<!-- mtlint-disable-next-line typo -->\nThe the end.\n"),
        ],
    });
    &META
}
