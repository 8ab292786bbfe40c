//! `suppression/unused`: a suppression comment suppresses nothing.
//!
//! ## What it does
//!
//! A `mtlint-disable` or `mtlint-disable-next-line` comment (in Markdown or HTML) under
//! which no finding of the rules it names remains: the text was fixed, so the comment
//! is stale.
//!
//! ## Why it matters
//!
//! Only rules that are active are considered. The fix (unsafe: another selection of
//! rules might need the comment) removes the comment, and its line when it stands alone
//! on it.
//!
//! ## Example
//!
//! ```text
//! <!-- mtlint-disable-next-line typo/doubled-word -->
//! A clean line.
//!
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! A clean line.
//!
//! ```

use std::sync::LazyLock;

use crate::diagnostic::{Applicability, Severity};
use crate::rule::{Example, Fixes, RuleMeta};

/// The rule's id.
pub const ID: &str = "suppression/unused";

/// The rule's metadata, shared by the listed rule and the findings.
pub fn meta() -> &'static RuleMeta {
    static META: LazyLock<RuleMeta> = LazyLock::new(|| RuleMeta {
        id: ID.into(),
        severity: Severity::Info,
        fix: Some(Applicability::Unsafe),
        fixes: Fixes::sometimes(Applicability::Unsafe),
        summary: "a suppression comment suppresses nothing".into(),
        description: crate::checks::description(file!()),
        origin: file!().into(),
        examples: vec![
            Example::bad(
                "[<!-- mtlint-disable-next-line typo/doubled-word -->\n]A clean line.\n",
                "A clean line.\n",
            )
            .message("this suppression comment suppresses nothing"),
            Example::good("<!-- mtlint-disable-next-line typo/doubled-word -->\nThe the end.\n"),
        ],
    });
    &META
}
