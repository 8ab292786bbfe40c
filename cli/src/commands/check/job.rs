//! What a check does to one input, on a worker thread: read it, find its configuration,
//! fix it (`--fix`, `--diff`), lint what is left and render the findings.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;
use std::sync::Arc;

use codespan_reporting::term::termcolor::Buffer;
use mtlint::{Applicability, Diagnostic, FixMode, Linter, Markup};

use super::summary::Totals;
use crate::args::{Cli, StatisticsView};
use crate::config::{Settings, Workspace};
use crate::files::{self, Content, Found};
use crate::output::{unified_diff, Emitter, FileReport};

/// What one run does to each input.
pub struct Job<'a> {
    pub cli: &'a Cli,
    pub workspace: &'a Workspace,
    /// Whether reports are coloured.
    pub color: bool,
    pub emitter: &'a dyn Emitter,
}

/// The result of one input: its output, already rendered, and its counts.
#[derive(Default)]
pub struct Outcome {
    /// For standard output: the report, a diff, or (for `--fix -`) the fixed text.
    pub stdout: Vec<u8>,
    /// For standard error: the report, when standard output carries fixed text.
    pub stderr: Vec<u8>,
    /// Problems with the file itself (unreadable, unwritable, …), each naming it.
    pub errors: Vec<String>,
    /// The report could not be rendered.
    pub output_error: Option<io::Error>,
    pub totals: Option<Totals>,
    /// With `--statistics`: per rule, problems and safely fixable problems.
    pub counts: BTreeMap<Arc<str>, (usize, usize)>,
    pub remaining_fail: bool,
    pub diff_changed: bool,
    /// How many fixes were written.
    pub fixed: usize,
    /// Why a walked file was skipped, told with `--verbose` (instead of how it is read).
    pub skipped: Option<String>,
}

impl Job<'_> {
    /// Read, lint and (with `--fix`/`--diff`) fix one input; `None` is standard input.
    pub fn process(&self, input: Option<&Found>) -> Outcome {
        let cli = self.cli;
        let mut outcome = Outcome::default();
        if cli.fix && super::INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst) {
            // Ctrl-C: no new file is started.
            return outcome;
        }
        let Some((name, text)) = self.read(input, &mut outcome) else {
            return outcome;
        };
        let (settings, linter) = match self.configure(&name) {
            Ok(found) => found,
            Err(e) => {
                outcome.errors.push(e);
                return outcome;
            }
        };
        let markup = cli.markup_of(&name);
        // The text the report refers to: the fixed text once fixes are applied.
        let fixed_text = if cli.fix || cli.diff {
            self.fix(input, &name, &text, &linter, markup, &mut outcome)
        } else {
            None
        };
        let shown = fixed_text.as_deref().unwrap_or(&text);
        if self.fixes_stdin(input) {
            outcome.stdout = shown.as_bytes().to_vec();
        }
        let diagnostics = match linter.try_lint_document(shown, markup) {
            Ok(found) => found,
            Err(e) => {
                outcome.errors.push(malformed(&name, markup, &e));
                return outcome;
            }
        };
        self.count(&diagnostics, &settings, &mut outcome);
        if cli.diff || cli.statistics == Some(StatisticsView::Rules) {
            return outcome;
        }
        let report = FileReport {
            path: &name,
            text: shown,
            diagnostics: &diagnostics,
            markup,
        };
        self.render(input, &report, &mut outcome);
        outcome
    }

    /// `--fix` on standard input: standard output carries the fixed text.
    fn fixes_stdin(&self, input: Option<&Found>) -> bool {
        self.cli.fix && input.is_none()
    }

    /// The name and text of an input; `None` (with the reason in `outcome`, if worth
    /// telling) when it cannot be linted.
    fn read(&self, input: Option<&Found>, outcome: &mut Outcome) -> Option<(String, String)> {
        let (name, content) = match input {
            Some(f) => (files::path_name(&f.path), files::read(&f.path)),
            None => {
                let content = match files::read_limited(io::stdin().lock(), 0) {
                    Ok(bytes) if self.fixes_stdin(input) => {
                        // Whatever happens, what came in goes out: a pipe loses nothing.
                        outcome.stdout = bytes.clone();
                        files::decode(bytes)
                    }
                    Ok(bytes) => files::decode(bytes),
                    Err(e) => Err(files::ReadError::Io(e)),
                };
                (self.cli.stdin_filename.clone(), content)
            }
        };
        match content {
            Ok(Content::Text(text)) => Some((name, text)),
            Ok(Content::Utf16) => {
                if input.is_none_or(|f| f.explicit) {
                    outcome
                        .errors
                        .push(format!("{name}: {}", files::UTF16_MESSAGE));
                } else {
                    outcome.skipped = Some(format!("{name}: {}; skipped", files::UTF16_MESSAGE));
                }
                None
            }
            Ok(Content::Binary(at)) => {
                if input.is_none_or(|f| f.explicit) {
                    outcome.errors.push(format!(
                        "{name}: binary file (NUL byte at byte {at}), skipped"
                    ));
                }
                None
            }
            Err(e) => {
                outcome.errors.push(format!("{name}: {e}"));
                None
            }
        }
    }

    /// The settings and the linter for the input named `name`.
    fn configure(&self, name: &str) -> Result<(Settings, Arc<Linter>), String> {
        let settings = self
            .workspace
            .settings(Path::new(name))
            .map_err(|e| e.to_string())?;
        let linter = self
            .workspace
            .linter(&settings)
            .map_err(|e| e.to_string())?;
        Ok((settings, linter))
    }

    /// Apply the fixes: write them (`--fix`) or render them as a diff (`--diff`). Returns
    /// the fixed text, if the report is to show it.
    fn fix(
        &self,
        input: Option<&Found>,
        name: &str,
        text: &str,
        linter: &Linter,
        markup: Markup,
        outcome: &mut Outcome,
    ) -> Option<String> {
        let mode = if self.cli.unsafe_fixes {
            FixMode::IncludeUnsafe
        } else {
            FixMode::SafeOnly
        };
        let fixed = match linter.try_fix_document(text, markup, mode) {
            Ok(fixed) => fixed,
            // Reported when the text is linted.
            Err(_) => return None,
        };
        if !fixed.converged {
            outcome.errors.push(format!(
                "{name}: fixes of {} did not settle within {} passes or would more than double the text (a rule bug); left unchanged",
                fixed.unsettled_rules.join(", "),
                mtlint::MAX_FIX_PASSES
            ));
            return None;
        }
        if self.cli.diff {
            let diff = unified_diff(name, text, &fixed.text);
            outcome.diff_changed = !diff.is_empty();
            outcome.stdout = diff.into_bytes();
            return Some(fixed.text);
        }
        if fixed.text == text {
            return None;
        }
        if let Some(f) = input {
            let options = files::WriteOptions {
                force: self.cli.force_write,
            };
            if let Err(e) = files::write_fixed(&f.path, text.as_bytes(), &fixed.text, options) {
                outcome.errors.push(format!("{name}: cannot write: {e}"));
                return None;
            }
        }
        outcome.fixed = fixed.applied;
        Some(fixed.text)
    }

    /// Count what is left: totals, whether it fails the run, and per rule (`--statistics`).
    fn count(&self, diagnostics: &[Diagnostic], settings: &Settings, outcome: &mut Outcome) {
        outcome.remaining_fail = diagnostics
            .iter()
            .any(|d| settings.fail_on.fails(d.severity));
        let mut totals = Totals::default();
        totals.add(diagnostics);
        outcome.totals = Some(totals);
        if self.cli.statistics == Some(StatisticsView::Rules) {
            for d in diagnostics {
                let count = outcome.counts.entry(d.rule.clone()).or_default();
                count.0 += 1;
                count.1 += usize::from(
                    d.fix
                        .as_ref()
                        .is_some_and(|f| f.applicability == Applicability::Safe),
                );
            }
        }
    }

    /// Render the report: on standard output, or on standard error when standard output
    /// carries the fixed text.
    fn render(&self, input: Option<&Found>, report: &FileReport, outcome: &mut Outcome) {
        let to_stdout = self.fixes_stdin(input);
        let mut buffer = if self.color && !to_stdout {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        if let Err(e) = self.emitter.render(&mut buffer, report) {
            outcome.output_error = Some(e);
        }
        if to_stdout {
            outcome.stderr = buffer.into_inner();
        } else {
            outcome.stdout.extend(buffer.into_inner());
        }
    }
}

/// The error for a malformed document: its name, the position and what is wrong.
fn malformed(name: &str, markup: Markup, e: &mtlint::DocumentError) -> String {
    format!(
        "{name}:{}:{}: malformed {} file: {}; not linted, not written",
        e.line,
        e.column,
        markup.name(),
        e.message
    )
}
