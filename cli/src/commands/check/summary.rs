//! What a check adds up over its inputs: the closing summary line and the exit status.

use std::collections::BTreeMap;
use std::sync::Arc;

use mtlint::{Applicability, Diagnostic, Severity};

use super::job::Outcome;

/// What the run has found and done so far.
#[derive(Default)]
pub struct Tally {
    pub totals: Totals,
    /// Per rule: problems, and safely fixable problems (`--statistics`).
    pub counts: BTreeMap<Arc<str>, (usize, usize)>,
    /// Some input could not be linted, fixed or written.
    pub failed: bool,
    /// A diagnostic at or above the `fail-on` severity remains.
    pub remaining_fail: bool,
    /// `--diff` printed a change.
    pub diff_changes: bool,
    /// Fixes written, and in how many files.
    pub fixed: usize,
    pub fixed_files: usize,
}

impl Tally {
    /// Add one input's outcome.
    pub fn add(&mut self, outcome: Outcome) {
        self.failed |= !outcome.errors.is_empty();
        if let Some(t) = outcome.totals {
            self.totals.merge(&t);
        }
        self.remaining_fail |= outcome.remaining_fail;
        self.diff_changes |= outcome.diff_changed;
        for (rule, (n, fixable)) in outcome.counts {
            let total = self.counts.entry(rule).or_default();
            total.0 += n;
            total.1 += fixable;
        }
        self.fixed += outcome.fixed;
        self.fixed_files += usize::from(outcome.fixed > 0);
    }

    /// The closing line of a human report; with `fixing`, what was fixed first.
    pub fn summary(&self, fixing: bool) -> String {
        let mut summary = String::new();
        if fixing {
            summary.push_str(&format!(
                "fixed {} problem{} in {} file{}; ",
                self.fixed,
                if self.fixed == 1 { "" } else { "s" },
                self.fixed_files,
                if self.fixed_files == 1 { "" } else { "s" }
            ));
        }
        summary.push_str(&self.totals.summary());
        summary
    }

    /// 2 if an input failed, 1 if problems remain (or `--diff` shows changes), else 0.
    pub fn status(&self) -> u8 {
        if self.failed {
            2
        } else if self.remaining_fail || self.diff_changes {
            1
        } else {
            0
        }
    }
}

/// Counts for the closing summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub files_with_problems: usize,
    pub files_checked: usize,
    pub safe_fixable: usize,
    pub unsafe_fixable: usize,
}

impl Totals {
    /// Add another set of counts to these.
    pub fn merge(&mut self, other: &Totals) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.files_with_problems += other.files_with_problems;
        self.files_checked += other.files_checked;
        self.safe_fixable += other.safe_fixable;
        self.unsafe_fixable += other.unsafe_fixable;
    }

    /// Count one file's diagnostics.
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        self.files_checked += 1;
        if !diagnostics.is_empty() {
            self.files_with_problems += 1;
        }
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            match d.fix.as_ref().map(|f| f.applicability) {
                Some(Applicability::Safe) => self.safe_fixable += 1,
                Some(Applicability::Unsafe) => self.unsafe_fixable += 1,
                None => {}
            }
        }
    }

    /// `N problems (E errors, W warnings, I info) in F files; K fixable with --fix`.
    pub fn summary(&self) -> String {
        let problems = self.errors + self.warnings + self.infos;
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        if problems == 0 {
            return format!("no problems in {}", plural(self.files_checked, "file"));
        }
        let mut line = format!(
            "{} ({}, {}, {} info) in {}; {} fixable with --fix",
            plural(problems, "problem"),
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            self.infos,
            plural(self.files_with_problems, "file"),
            self.safe_fixable,
        );
        if self.unsafe_fixable > 0 {
            line.push_str(&format!(
                " ({} more with --fix --unsafe-fixes)",
                self.unsafe_fixable
            ));
        }
        line
    }
}
