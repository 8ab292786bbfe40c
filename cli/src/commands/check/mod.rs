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

use self::job::{Job, Outcome};
use self::summary::Tally;
use super::{Fatal, Setup};
use crate::args::{Cli, Format};
use crate::output::{self, Emitter, RunEnd};

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
    let mut stdout = super::stdout();
    let (on_disk, stdin) = inputs::paths(cli)?;
    let mut emitter = output::emitter(cli.format, cli.statistics, cli.diff);
    // One SARIF log for the whole run, unless the run prints something else.
    let sarif_log = cli.format == Format::Sarif && !cli.statistics && !cli.diff;
    if sarif_log && cli.fix && stdin {
        return Err(Fatal::Message(
            "--format sarif cannot be used with --fix on standard input (standard output \
             carries the fixed text)"
                .into(),
        ));
    }
    let inputs = inputs::walk(cli, &workspace, &on_disk, stdin)?;
    let mut tally = Tally::default();
    // The problems that kept files from being linted (for the SARIF log).
    let mut errors = Vec::new();
    for e in &inputs.walk_errors {
        eprintln!("mtlint: error: {}: {}", e.path.display(), e.message);
        errors.push(format!("{}: {}", e.path.display(), e.message));
        tally.failed = true;
    }
    if cli.fix {
        // If the handler cannot be installed, Ctrl-C keeps its default effect.
        let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
    }
    emitter.begin(&mut stdout, &linter)?;
    let files = inputs.list.len();
    let progress = wants_progress(cli, files, io::stderr().is_terminal());
    let bar = if progress {
        progress_bar(files)
    } else {
        ProgressBar::hidden()
    };
    if let Some(n) = cli.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| Fatal::Message(format!("cannot start {n} threads: {e}")))?;
    }
    // Files are linted in parallel, a batch at a time; output keeps the input order.
    for batch in inputs.list.chunks(BATCH) {
        if INTERRUPTED.load(Ordering::SeqCst) {
            bar.finish_and_clear();
            let end = RunEnd {
                linter: &linter,
                counts: &tally.counts,
                errors: &errors,
                interrupted: true,
            };
            emitter.end(&mut stdout, &end)?;
            stdout.flush()?;
            eprintln!("mtlint: interrupted; every file written so far is complete");
            return Ok(130);
        }
        let job = Job {
            cli,
            workspace: &workspace,
            color,
            emitter: &*emitter,
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
            for (input, mut outcome) in batch.iter().zip(outcomes) {
                if cli.verbose {
                    stdout.flush()?;
                    let described = inputs::describe(cli, &workspace, input.as_ref());
                    eprintln!("mtlint: {described}");
                }
                write_outcome(&mut stdout, &mut *emitter, &mut outcome)?;
                errors.extend(outcome.errors.iter().cloned());
                tally.add(outcome);
            }
            if progress {
                // Out before the bar is drawn again.
                stdout.flush()?;
            }
            Ok(())
        })?;
    }
    bar.finish_and_clear();
    let end = RunEnd {
        linter: &linter,
        counts: &tally.counts,
        errors: &errors,
        interrupted: false,
    };
    emitter.end(&mut stdout, &end)?;
    if cli.format == Format::Human && !cli.diff && !cli.quiet {
        let summary = tally.summary(cli.fix);
        if cli.fix && inputs.list.iter().all(Option::is_none) {
            // Standard output carries the fixed text.
            eprintln!("{summary}");
        } else {
            writeln!(stdout, "{summary}")?;
        }
    }
    stdout.flush()?;
    Ok(tally.status())
}

/// Write one input's output, then its errors and anything for standard error.
fn write_outcome(
    stdout: &mut dyn Write,
    emitter: &mut dyn Emitter,
    outcome: &mut Outcome,
) -> Result<(), Fatal> {
    if let Some(e) = outcome.output_error.take() {
        return Err(Fatal::Output(e));
    }
    emitter.write(stdout, &outcome.stdout)?;
    if !outcome.stderr.is_empty() || !outcome.errors.is_empty() {
        stdout.flush()?;
        let mut stderr = io::stderr().lock();
        for e in &outcome.errors {
            writeln!(stderr, "mtlint: error: {e}")?;
        }
        stderr.write_all(&outcome.stderr)?;
    }
    Ok(())
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
