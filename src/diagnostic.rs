//! What a check reports: [`Diagnostic`], its [`Severity`] and its optional [`Fix`].

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; often a matter of style or context.
    Info,
    /// Very likely wrong.
    Warning,
    /// Certainly wrong.
    Error,
}

impl Severity {
    /// The lowercase name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied without a human looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Certainly right: applied by `--fix`.
    Safe,
    /// Probably right, but meaning may change: applied only with `--unsafe-fixes`.
    Unsafe,
}

impl Applicability {
    /// The lowercase name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// A suggested edit: replace the diagnostic's whole span with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The text that replaces the span (empty to delete it).
    pub replacement: String,
    /// Whether `--fix` applies it on its own.
    pub applicability: Applicability,
}

impl Fix {
    /// A fix that deletes the diagnostic's span.
    pub fn deletion(applicability: Applicability) -> Self {
        Fix {
            replacement: String::new(),
            applicability,
        }
    }
}

/// One finding in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule id, `category/name`.
    pub rule: Arc<str>,
    /// How serious the finding is.
    pub severity: Severity,
    /// A short, specific message.
    pub message: String,
    /// Byte range in the linted text; always on character boundaries.
    pub span: Range<usize>,
    /// The suggested edit of `span`, if any.
    pub fix: Option<Fix>,
}
