//! The [`Rule`] trait every check implements, data-driven or coded, and its metadata.

use std::borrow::Cow;
use std::sync::Arc;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::text::Document;

/// A worked example carried by every rule; `tests/rule_examples.rs` runs them all.
///
/// A bad example is written with its expected findings marked, as LanguageTool's are:
/// `the West[. .]` must be flagged exactly at `. .`. Brackets may nest (two findings, one
/// inside the other); `\[` and `\]` stand for literal brackets (in a TOML basic string
/// or a Rust string, write `\\[`). See [`parse_marked`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Example {
    /// Text the rule must flag.
    Bad {
        /// The text, markers removed.
        text: String,
        /// The text after applying the rule's fixes (safe and unsafe), or `None` when
        /// the rule offers no fix.
        fixed: Option<String>,
        /// The byte ranges of `text` the findings must cover, sorted; empty when the
        /// example marks none (user rule files may omit the marks: then any finding
        /// counts).
        spans: Vec<std::ops::Range<usize>>,
        /// The findings' messages: none (the rule's summary for every finding), one (for
        /// every finding), or one per span. Required when the message varies.
        messages: Vec<String>,
    },
    /// Text the rule must not flag.
    Good {
        /// The text.
        text: String,
    },
}

/// Split a marked example into its text and the byte ranges its brackets mark: `[` opens
/// a span, `]` closes the innermost open one, `\[` and `\]` are literal brackets (any
/// other backslash is itself). An unbalanced bracket is an error.
pub fn parse_marked(marked: &str) -> Result<(String, Vec<std::ops::Range<usize>>), String> {
    let mut text = String::with_capacity(marked.len());
    let mut open = Vec::new();
    let mut spans = Vec::new();
    let mut chars = marked.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some('[' | ']')) => {
                text.push(chars.next().expect("peeked"));
            }
            '[' => open.push(text.len()),
            ']' => match open.pop() {
                Some(start) => spans.push(start..text.len()),
                None => return Err(format!("`]` without `[` in {marked:?}")),
            },
            c => text.push(c),
        }
    }
    if !open.is_empty() {
        return Err(format!("`[` without `]` in {marked:?}"));
    }
    spans.sort_by_key(|s| (s.start, s.end));
    Ok((text, spans))
}

impl Example {
    /// A bad example, its findings marked (see [`parse_marked`]), whose fixes give
    /// `fixed`. A marking error leaves no span, which the example harness reports.
    pub fn bad(marked: &str, fixed: &str) -> Self {
        Example::marked(marked, Some(fixed))
    }

    /// A bad example, its findings marked, for a rule without a fix.
    pub fn flagged(marked: &str) -> Self {
        Example::marked(marked, None)
    }

    pub(crate) fn marked(marked: &str, fixed: Option<&str>) -> Self {
        let (text, spans) = parse_marked(marked).unwrap_or_else(|_| (marked.into(), Vec::new()));
        Example::Bad {
            text,
            fixed: fixed.map(String::from),
            spans,
            messages: Vec::new(),
        }
    }

    /// This bad example with the message every finding must have.
    pub fn message(self, message: &str) -> Self {
        self.messages(&[message])
    }

    /// This bad example with the message of each finding, in span order.
    pub fn messages(mut self, list: &[&str]) -> Self {
        if let Example::Bad { messages, .. } = &mut self {
            *messages = list.iter().map(|m| m.to_string()).collect();
        }
        self
    }

    /// A good example.
    pub fn good(text: &str) -> Self {
        Example::Good { text: text.into() }
    }
}

/// Whether a rule's findings carry a fix (as ruff's `FixAvailability`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixAvailability {
    /// Every finding has a fix.
    Always,
    /// Some findings have a fix, others none.
    Sometimes,
    /// No finding has a fix.
    Never,
}

/// The fixes a rule declares it gives: how often, and of which applicability.
/// [`crate::Linter::check_examples`] and the property tests reject a finding that does
/// not match ([`Fixes::check`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fixes {
    /// Whether findings carry a fix.
    pub availability: FixAvailability,
    /// Whether a fix may be safe.
    pub safe: bool,
    /// Whether a fix may be unsafe.
    pub unsafe_: bool,
}

impl Fixes {
    /// No finding has a fix.
    pub const NEVER: Fixes = Fixes {
        availability: FixAvailability::Never,
        safe: false,
        unsafe_: false,
    };

    /// Every finding has a fix of this applicability (see [`Fixes::or`]).
    pub const fn always(applicability: Applicability) -> Fixes {
        Fixes::NEVER.with(FixAvailability::Always, applicability)
    }

    /// Some findings have a fix of this applicability, others none (see [`Fixes::or`]).
    pub const fn sometimes(applicability: Applicability) -> Fixes {
        Fixes::NEVER.with(FixAvailability::Sometimes, applicability)
    }

    /// These fixes, which may also have `applicability`.
    pub const fn or(self, applicability: Applicability) -> Fixes {
        self.with(self.availability, applicability)
    }

    const fn with(mut self, availability: FixAvailability, applicability: Applicability) -> Fixes {
        self.availability = availability;
        match applicability {
            Applicability::Safe => self.safe = true,
            Applicability::Unsafe => self.unsafe_ = true,
        }
        self
    }

    /// The fixes of a data rule: every finding has the one fix its `fix` key names, or
    /// none without `replace`.
    pub fn of_data_rule(fix: Option<Applicability>) -> Fixes {
        fix.map_or(Fixes::NEVER, Fixes::always)
    }

    /// The best fix a finding may have: what `--list-rules` shows ([`RuleMeta::fix`]).
    pub fn best(&self) -> Option<Applicability> {
        if self.safe {
            Some(Applicability::Safe)
        } else if self.unsafe_ {
            Some(Applicability::Unsafe)
        } else {
            None
        }
    }

    /// Whether `diagnostic` carries a fix these declare; the error says what is wrong.
    pub fn check(&self, diagnostic: &Diagnostic) -> Result<(), String> {
        let declared = match self.availability {
            FixAvailability::Always => "fixes always",
            FixAvailability::Sometimes => "fixes sometimes",
            FixAvailability::Never => "no fix",
        };
        match &diagnostic.fix {
            None if self.availability == FixAvailability::Always => Err(format!(
                "finding at {:?} has no fix, but the rule declares {declared}",
                diagnostic.span
            )),
            None => Ok(()),
            Some(_) if self.availability == FixAvailability::Never => Err(format!(
                "finding at {:?} has a fix, but the rule declares {declared}",
                diagnostic.span
            )),
            Some(fix) => {
                let allowed = match fix.applicability {
                    Applicability::Safe => self.safe,
                    Applicability::Unsafe => self.unsafe_,
                };
                if allowed {
                    Ok(())
                } else {
                    Err(format!(
                        "finding at {:?} has a fix marked {}, which the rule does not declare",
                        diagnostic.span,
                        fix.applicability.as_str()
                    ))
                }
            }
        }
    }
}

/// What `--list-rules` and `--explain` show about a rule.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    /// `category/name`, kebab-case.
    pub id: Arc<str>,
    /// Default severity of its diagnostics.
    pub severity: Severity,
    /// The best fix it can offer, if any (what `--list-rules` shows): the best of
    /// [`RuleMeta::fixes`].
    pub fix: Option<Applicability>,
    /// Which fixes its findings carry, declared and enforced (see [`Fixes`]).
    pub fixes: Fixes,
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
    /// always run. Derived from [`Rule::patterns`] unless a rule knows better. Borrowed
    /// where the rule holds them (a built-in rule's are static), so that gathering the
    /// literals of all rules at start-up copies none.
    fn required_literals(&self) -> Option<Vec<Cow<'_, [u8]>>> {
        crate::literals::required_literals(&self.patterns()).map(owned)
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

    /// The house style the rule imposes, if any: it stays quiet in the other one (and
    /// its examples are checked in its own).
    fn style(&self) -> Option<crate::Style> {
        None
    }
}

/// A shared rule is the rule: the built-in data rules are parsed once per process and
/// shared by every linter (and by the checks that consult them), so each regex compiles
/// once.
impl<R: Rule + ?Sized> Rule for Arc<R> {
    fn meta(&self) -> &RuleMeta {
        (**self).meta()
    }
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        (**self).check(doc, out)
    }
    fn patterns(&self) -> Vec<&str> {
        (**self).patterns()
    }
    fn required_literals(&self) -> Option<Vec<Cow<'_, [u8]>>> {
        (**self).required_literals()
    }
    fn packs(&self) -> &[Arc<str>] {
        (**self).packs()
    }
    fn runs_by_default(&self) -> bool {
        (**self).runs_by_default()
    }
    fn style(&self) -> Option<crate::Style> {
        (**self).style()
    }
}

/// Literals computed on the spot, as [`Rule::required_literals`] returns them.
pub fn owned(literals: Vec<Vec<u8>>) -> Vec<Cow<'static, [u8]>> {
    literals.into_iter().map(Cow::Owned).collect()
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
