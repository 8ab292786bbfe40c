//! `vocabulary/rejected`: a term on the project's reject list.
//!
//! ## What it does
//!
//! Flags every whole-word match of a term (or regex) listed in the configuration's
//! `reject` list or `reject-file`, whatever the other rules say.
//!
//! ## Why it matters
//!
//! A house vocabulary bans some words (an old product name, a term a client refuses);
//! no general rule can know them.
//!
//! ## Example
//!
//! With `reject = ["utilise"]`:
//!
//! ```text
//! We utilise it.
//! ```
//!
//! ## Instead
//!
//! There is no automatic fix: write the term the house style prefers.
//!
//! ```text
//! We use it.
//! ```

use std::sync::LazyLock;

use crate::diagnostic::Severity;
use crate::rule::{Example, Fixes, RuleMeta};

/// The rule's id.
pub const ID: &str = "vocabulary/rejected";

/// The reject list of the rule's examples.
pub const EXAMPLE_REJECT: &str = "utilise";

/// The rule's metadata, shared by the listed rule and the findings.
pub fn meta() -> &'static RuleMeta {
    static META: LazyLock<RuleMeta> = LazyLock::new(|| RuleMeta {
        id: ID.into(),
        severity: Severity::Warning,
        fix: None,
        fixes: Fixes::NEVER,
        summary: "a term on the project's reject list".into(),
        description: crate::checks::description(file!()),
        origin: file!().into(),
        examples: vec![
            Example::flagged("We [utilise] it.\n")
                .message("`utilise` is on the project's reject list"),
            Example::good("We use it; utilised is another word.\n"),
        ],
    });
    &META
}
