//! The default action: lint the inputs, and fix them with `--fix` or show the fixes with
//! `--diff`. Inputs are found in [`inputs`], each is processed on a worker thread by a
//! [`job::Job`], and the outcomes are written in input order and added up in a
//! [`summary::Tally`].

mod inputs;
mod job;
mod summary;

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use mtlint::Linter;

use self::job::{Job, Outcome};
use self::summary::Tally;
use super::{Fatal, Output, Setup};
use crate::args::{Cli, Format, StatisticsView};
use crate::config::Workspace;
use crate::files::{self, Found, WalkError};
use crate::output::{self, terminal_safe, Emitter, RunEnd};

/// Set by Ctrl-C during `--fix`: stop between files, so no file is left half-written and
/// no temporary file is left behind.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Files linted in parallel before their output is printed.
const BATCH: usize = 256;

/// Files from which a run shows a progress bar.
const PROGRESS_MIN_FILES: usize = 300;

/// Lint (and fix) what the command line names; the exit status.
pub fn run(cli: &Cli, setup: Setup) -> Result<u8, Fatal> {
    let Setup { workspace, linter } = setup;
    let color = cli.color.on_stdout();
    if let Some(view) = cli.statistics {
        output::table_or_json(cli.format, "--statistics").map_err(Fatal::Message)?;
        if view == StatisticsView::Files && cli.format == Format::Json {
            return Err(Fatal::Message(
                "--statistics=files prints a table; with --format json every file's record \
                 (\"type\": \"file\") comes without --statistics"
                    .into(),
            ));
        }
    }
    let (on_disk, stdin, bad_names) = inputs::paths(cli)?;
    let emitter = output::emitter(cli.format, cli.statistics, cli.diff);
    // One SARIF log or HTML page for the whole run, unless the run prints something else.
    let one_document =
        matches!(cli.format, Format::Sarif | Format::Html) && cli.statistics.is_none() && !cli.diff;
    if one_document && cli.fix && stdin {
        return Err(Fatal::Message(format!(
            "--format {} cannot be used with --fix on standard input (standard output \
             carries the fixed text)",
            if cli.format == Format::Html {
                "html"
            } else {
                "sarif"
            }
        )));
    }
    let stdout = Output::of(cli)?;
    let inputs = inputs::walk(cli, &workspace, &on_disk, stdin)?;
    // Folders that hold nothing to lint: a mistake (a wrong path, a missing extension),
    // not a clean run. Files named but excluded are a normal pre-commit run.
    let nothing_found = inputs.list.is_empty()
        && inputs.walk_errors.is_empty()
        && bad_names.is_empty()
        && !on_disk.is_empty()
        && on_disk.iter().all(|p| p.is_dir());
    if nothing_found {
        if cli.verbose {
            inputs::tell_skipped(&inputs.skipped);
        }
        let names: Vec<String> = on_disk.iter().map(|p| p.display().to_string()).collect();
        return Err(Fatal::Message(format!(
            "no files to lint in {} (-v tells why each path was skipped)",
            names.join(", ")
        )));
    }
    let mut printer = Printer {
        cli,
        linter: &linter,
        stdout,
        emitter,
        tally: Tally::default(),
        errors: Vec::new(),
        lost_output: None,
    };
    printer.walk_errors(&bad_names);
    printer.walk_errors(&inputs.walk_errors);
    if cli.verbose {
        inputs::tell_skipped(&inputs.skipped);
    }
    if cli.fix {
        // The first Ctrl-C (or SIGTERM) lets the files being written finish and starts no
        // other; a second one exits at once, removing the temporary files. If the handler
        // cannot be installed, the signals keep their default effect.
        let _ = ctrlc::set_handler(|| {
            if INTERRUPTED.swap(true, Ordering::SeqCst) {
                files::abandon_writes_and_exit(130);
            }
        });
    }
    printer.output(|p| p.emitter.begin(&mut p.stdout, &linter))?;
    if !lint_all(cli, &workspace, color, &inputs.list, &mut printer)? {
        printer.end(true)?;
        eprintln!("mtlint: interrupted; every file written so far is complete");
        return Ok(130);
    }
    printer.end(false)?;
    if cli.format == Format::Human && !cli.diff && !cli.quiet {
        // With `--fix -`, standard output carries the fixed text.
        let to_stderr = cli.fix && inputs.list.iter().all(Option::is_none);
        printer.summary(to_stderr)?;
    }
    printer.output(|p| p.stdout.flush())?;
    if let Some(e) = &printer.lost_output {
        // `--fix DIR | head`: the files were all fixed, the report was cut short.
        eprintln!(
            "mtlint: error: cannot write output ({e}); every file was still fixed, but the \
             report is incomplete"
        );
        return Ok(2);
    }
    printer.stdout.finish()?;
    let status = printer.tally.status();
    // The run ends here: freeing every rule and table would only delay the exit.
    std::mem::forget((workspace, linter));
    Ok(status)
}

/// Lint the inputs in parallel, a batch at a time, and print each batch in input order.
/// `false` if Ctrl-C stopped the run.
fn lint_all(
    cli: &Cli,
    workspace: &Workspace,
    color: bool,
    list: &[Option<Found>],
    printer: &mut Printer,
) -> Result<bool, Fatal> {
    let progress = wants_progress(cli, list.len(), io::stderr().is_terminal());
    let bar = if progress {
        progress_bar(list.len())
    } else {
        ProgressBar::hidden()
    };
    for batch in list.chunks(BATCH) {
        if INTERRUPTED.load(Ordering::SeqCst) {
            bar.finish_and_clear();
            return Ok(false);
        }
        let job = Job {
            cli,
            workspace,
            color,
            emitter: &*printer.emitter,
        };
        let outcomes: Vec<Outcome> = batch
            .par_iter()
            .map(|input| {
                let outcome = job.process(input.as_ref());
                bar.inc(1);
                outcome
            })
            .collect();
        // The bar steps aside while the output of the batch is printed.
        bar.suspend(|| -> Result<(), Fatal> {
            for (input, outcome) in batch.iter().zip(outcomes) {
                if cli.verbose {
                    printer.output(|p| p.stdout.flush())?;
                    match &outcome.skipped {
                        Some(why) => eprintln!("mtlint: {}", terminal_safe(why)),
                        None => eprintln!(
                            "mtlint: {}",
                            terminal_safe(&inputs::describe(cli, workspace, input.as_ref()))
                        ),
                    }
                }
                printer.outcome(outcome)?;
            }
            if progress {
                // Out before the bar is drawn again.
                printer.output(|p| p.stdout.flush())?;
            }
            Ok(())
        })?;
    }
    bar.finish_and_clear();
    Ok(true)
}

/// The sequential side of a check: writes what each input gave, in input order, and adds
/// it up.
struct Printer<'a> {
    cli: &'a Cli,
    linter: &'a Linter,
    stdout: Output,
    emitter: Box<dyn Emitter>,
    tally: Tally,
    /// The problems that kept files from being linted (for the SARIF log).
    errors: Vec<String>,
    /// Why standard output could not be written, when `--fix` went on without it.
    lost_output: Option<io::Error>,
}

impl Printer<'_> {
    /// Write to standard output with `write`. When that fails during `--fix`, the run
    /// goes on (the files are still fixed) without output, and ends with status 2; any
    /// other run stops.
    fn output(&mut self, write: impl FnOnce(&mut Self) -> io::Result<()>) -> Result<(), Fatal> {
        if self.lost_output.is_some() {
            return Ok(());
        }
        match write(self) {
            Ok(()) => Ok(()),
            Err(e) => self.lose(e),
        }
    }

    /// Standard output failed with `e`: remembered with `--fix`, fatal otherwise.
    fn lose(&mut self, e: io::Error) -> Result<(), Fatal> {
        if self.cli.fix {
            self.lost_output = Some(e);
            Ok(())
        } else {
            Err(Fatal::Output(e))
        }
    }
    /// Paths that could not be walked: told now, and they fail the run.
    fn walk_errors(&mut self, walk_errors: &[WalkError]) {
        for e in walk_errors {
            let e = format!("{}: {}", files::path_name(&e.path), e.message);
            eprintln!("mtlint: error: {}", terminal_safe(&e));
            self.errors.push(e);
            self.tally.failed = true;
        }
    }

    /// Write one input's output, then its errors and anything for standard error.
    fn outcome(&mut self, mut outcome: Outcome) -> Result<(), Fatal> {
        if let Some(e) = outcome.output_error.take() {
            return Err(Fatal::Output(e));
        }
        self.output(|p| p.emitter.write(&mut p.stdout, &outcome.stdout))?;
        if !outcome.stderr.is_empty() || !outcome.errors.is_empty() {
            self.output(|p| p.stdout.flush())?;
            let mut stderr = io::stderr().lock();
            for e in &outcome.errors {
                writeln!(stderr, "mtlint: error: {}", terminal_safe(e))?;
            }
            stderr.write_all(&outcome.stderr)?;
        }
        self.errors.extend(outcome.errors.iter().cloned());
        self.tally.add(outcome);
        Ok(())
    }

    /// What the format writes after the last file (or when Ctrl-C stopped the run).
    fn end(&mut self, interrupted: bool) -> Result<(), Fatal> {
        let end = RunEnd {
            linter: self.linter,
            counts: &self.tally.counts,
            errors: &self.errors,
            interrupted,
        };
        // Not `output()`: `end` borrows the tally.
        if self.lost_output.is_none() {
            if let Err(e) = self.emitter.end(&mut self.stdout, &end) {
                self.lose(e)?;
            }
        }
        if interrupted {
            self.output(|p| p.stdout.flush())?;
        }
        Ok(())
    }

    /// The closing line of a human report.
    fn summary(&mut self, to_stderr: bool) -> Result<(), Fatal> {
        let summary = self.tally.summary(self.cli.fix);
        if to_stderr {
            eprintln!("{summary}");
        } else {
            self.output(|p| writeln!(p.stdout, "{summary}"))?;
        }
        Ok(())
    }
}

/// A progress bar only for people watching a long run: never in machine-read formats,
/// never when standard error is not a terminal, never with --quiet or --verbose.
fn wants_progress(cli: &Cli, files: usize, stderr_is_terminal: bool) -> bool {
    stderr_is_terminal
        && files >= PROGRESS_MIN_FILES
        && !cli.quiet
        && !cli.verbose
        && matches!(cli.format, Format::Human | Format::Short)
}

fn progress_bar(files: usize) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("linting [{bar:30}] {pos}/{len} files") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}
