//! The `mtlint` command: parse arguments, lint, print, fix. All the work is in the library.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{Buffer, ColorChoice, StandardStream, WriteColor};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use mtlint::{Applicability, Example, FixMode, Linter, Markup, Severity};
use mtlint_cli::config::{self, Discovery, FailOn, FileError, Options, Settings, Workspace};
use mtlint_cli::files::{self, Content, Found};
use mtlint_cli::report::{self, FileReport, Totals};
use mtlint_cli::sarif;
use rayon::prelude::*;

#[derive(Parser)]
#[command(
    name = "mtlint",
    version,
    about = "Find and fix machine-translation and copy-paste artifacts in prose",
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true,
    disable_help_subcommand = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files or directories to lint (`-` for standard input). Default: the current directory.
    paths: Vec<PathBuf>,
    /// Also lint the files listed in FILE (`-`: standard input), one path per line.
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,
    /// With --files-from: paths are separated by NUL bytes, not line breaks.
    #[arg(long, short = '0', requires = "files_from")]
    null: bool,
    /// How to read the input: by file extension (`auto`: `.md`, `.markdown`, `.mdx` are
    /// Markdown, `.html`, `.htm`, `.xhtml` HTML), or as plain text, Markdown or HTML
    /// whatever the name.
    #[arg(long, value_enum, default_value_t = MarkupArg::Auto)]
    markup: MarkupArg,
    /// Print how many problems each rule found (and how many --fix can fix) instead of
    /// the problems.
    #[arg(long)]
    statistics: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to use colour in `human` output (`auto` honours NO_COLOR).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Apply every safe fix in place.
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff, also apply unsafe fixes.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print what --fix would change as a unified diff; write nothing.
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
    /// Only these rules or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    select: Vec<String>,
    /// Skip these rules or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    ignore: Vec<String>,
    /// Exit with status 1 when a diagnostic at or above this severity remains:
    /// error, warning (the default), info or never.
    #[arg(long, value_name = "SEVERITY")]
    fail_on: Option<FailOn>,
    /// Use this configuration file for every file, instead of the nearest
    /// `mtlint.toml` or `.mtlint.toml` above each file.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore configuration files.
    #[arg(long)]
    no_config: bool,
    /// Print the settings that apply to PATH, and where they come from, and exit.
    #[arg(long, value_name = "PATH")]
    show_config: Option<PathBuf>,
    /// Source languages of the text (comma-separated: fr, de, es, it, or all): run their
    /// false-friend and calque packs. Without it, only the near-certain pack entries run.
    #[arg(long, value_delimiter = ',', value_name = "LANG")]
    source_lang: Vec<String>,
    /// Extra rule files, or directories of `*.toml` rule files.
    #[arg(long, value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// The name shown for standard input.
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    stdin_filename: String,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// Check every example of the rules in these files (bad text flagged and fixed as
    /// stated, good text not flagged), report failures and exit.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    test_rules: Vec<PathBuf>,
    /// List every rule and exit.
    #[arg(long)]
    list_rules: bool,
    /// Print the regex patterns of the active rules, one per line (for `rg -f`), and exit.
    #[arg(long)]
    dump_patterns: bool,
    /// Explain one rule, with its examples, and exit.
    #[arg(long, value_name = "ID")]
    explain: Option<String>,
    /// Print nothing but the problems and errors: no summary line, no progress bar.
    #[arg(long, short = 'q', conflicts_with = "verbose")]
    quiet: bool,
    /// Also tell on standard error each file linted, how it is read, and its config file.
    #[arg(long, short = 'v')]
    verbose: bool,
    /// Print shell completions or the man page (generated from these options) and exit.
    #[arg(long, value_enum, value_name = "WHAT")]
    generate: Option<Generate>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Generate {
    CompletionsBash,
    CompletionsZsh,
    CompletionsFish,
    CompletionsElvish,
    CompletionsPowershell,
    /// The man page, mtlint.1 (roff).
    Man,
}

/// Subcommands. A path literally named like one is linted as `./server`.
#[derive(Subcommand)]
enum Command {
    /// Run the language server on standard input and output (for editors).
    Server {
        /// Accepted for clients that pass it: standard input and output is the only
        /// transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Short,
    Json,
    /// GitHub Actions annotations.
    Github,
    /// One SARIF 2.1.0 log for the run (code scanning).
    Sarif,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MarkupArg {
    Auto,
    Text,
    Markdown,
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

const EXAMPLES: &str = "\
Examples:
  mtlint                                  lint the current directory
  mtlint samples/ notes.md                lint a directory and a file
  mtlint --fix article.txt                apply the safe fixes in place
  mtlint --diff --unsafe-fixes docs/      show every fix as a diff, write nothing
  mtlint --format json - < article.txt    lint standard input, JSON Lines out
  mtlint --format sarif . > mtlint.sarif  one SARIF log for code scanning
  mtlint --statistics archive/            problems per rule, most frequent first
  mtlint --select quotes --ignore quotes/unclosed-quote .
  mtlint --explain quotes/stray-closing-quote
  mtlint --generate completions-bash > ~/.local/share/bash-completion/completions/mtlint
  mtlint --generate man > mtlint.1

Exit status: 0 no problem (at --fail-on level), 1 problems remain, 2 error.";

/// Set by Ctrl-C during `--fix`: stop between files, so no file is left half-written and
/// no temporary file is left behind.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Files linted in parallel before their output is printed.
const BATCH: usize = 256;

/// Failures that end the run before any file is linted (exit status 2).
enum Fatal {
    Message(String),
    /// An error in a configuration or rule file, shown with the offending line.
    File(FileError),
}

impl From<FileError> for Fatal {
    fn from(e: FileError) -> Self {
        Fatal::File(e)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Server { .. }) = cli.command {
        return match mtlint_cli::lsp::run_stdio() {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                eprintln!("mtlint server: error: {e}");
                ExitCode::from(1)
            }
        };
    }
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(Fatal::Message(message)) => {
            eprintln!("mtlint: error: {message}");
            ExitCode::from(2)
        }
        Err(Fatal::File(e)) if e.text.is_none() => {
            eprintln!("mtlint: error: {e}");
            ExitCode::from(2)
        }
        Err(Fatal::File(e)) => {
            report::write_file_error(&mut stderr_writer(cli.color), &e);
            ExitCode::from(2)
        }
    }
}

/// `--test-rules`: run the examples of user rule files.
fn test_rules(paths: &[PathBuf]) -> Result<u8, Fatal> {
    let mut linter = Linter::empty();
    config::add_rule_paths(&mut linter, paths)?;
    let (checked, failures) = linter.check_examples();
    let rules = linter.rules().count();
    for failure in &failures {
        println!("FAIL {failure}");
    }
    println!(
        "{} passed, {} failed ({rules} rules)",
        checked - failures.len(),
        failures.len()
    );
    Ok(if failures.is_empty() { 0 } else { 1 })
}

/// Configuration for this run: files found as the command line says, overridden by it.
fn workspace(cli: &Cli) -> Workspace {
    let discovery = match (&cli.config, cli.no_config) {
        (Some(file), _) => Discovery::File(file.clone()),
        (None, true) => Discovery::Off,
        (None, false) => Discovery::Nearest,
    };
    let options = Options {
        select: cli.select.clone(),
        ignore: cli.ignore.clone(),
        fail_on: cli.fail_on,
        rules: cli.rules.clone(),
        // Listing and explaining show every pack unless languages are chosen.
        source_languages: if !cli.source_lang.is_empty() {
            Some(cli.source_lang.clone())
        } else if cli.list_rules || cli.explain.is_some() {
            Some(vec!["all".to_string()])
        } else {
            None
        },
    };
    Workspace::new(options, discovery)
}

/// Standard error, coloured as `--color` says.
fn stderr_writer(color: Color) -> StandardStream {
    let choice = match color {
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
        Color::Auto if io::stderr().is_terminal() && !no_color() => ColorChoice::Auto,
        Color::Auto => ColorChoice::Never,
    };
    StandardStream::stderr(choice)
}

fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

fn run(cli: &Cli) -> Result<u8, Fatal> {
    if let Some(what) = cli.generate {
        return finish(generate(&mut io::stdout().lock(), what), 0);
    }
    if !cli.test_rules.is_empty() {
        return test_rules(&cli.test_rules);
    }
    let workspace = workspace(cli);
    // Settings for the current folder: rule listings, and a check of the command line.
    let here = workspace.settings(Path::new("<stdin>"))?;
    let linter = workspace.linter(&here)?;
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => io::stdout().is_terminal() && !no_color(),
    };
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    if let Some(path) = &cli.show_config {
        let settings = workspace.settings(path)?;
        let linter = workspace.linter(&settings)?;
        return finish(show_config(&mut stdout, path, &settings, &linter), 0);
    }
    if cli.list_rules {
        return finish(list_rules(&mut stdout, &linter), 0);
    }
    if cli.dump_patterns {
        return finish(dump_patterns(&mut stdout, &linter), 0);
    }
    if let Some(id) = &cli.explain {
        return match linter.rule(id) {
            Some(rule) => finish(explain(&mut stdout, rule, linter.severity_of(rule)), 0),
            None => Err(Fatal::Message(format!(
                "unknown rule `{id}` (see --list-rules)"
            ))),
        };
    }
    let mut paths = cli.paths.clone();
    if let Some(list) = &cli.files_from {
        paths.extend(read_file_list(list, cli.null)?);
    } else if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let (on_disk, stdin): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| p.as_os_str() != "-");
    // One SARIF log for the whole run, unless the run prints something else.
    let sarif_log = cli.format == Format::Sarif && !cli.statistics && !cli.diff;
    if sarif_log && cli.fix && !stdin.is_empty() {
        return Err(Fatal::Message(
            "--format sarif cannot be used with --fix on standard input (standard output \
             carries the fixed text)"
                .into(),
        ));
    }
    // A configuration error met while walking (in a nested configuration file) ends the
    // run like one met before it.
    let config_error = std::sync::Mutex::new(None);
    let (found, walk_errors) =
        files::collect(&on_disk, |path, is_dir| match workspace.settings(path) {
            Ok(s) => !s.excluded && (is_dir || s.wants(path)),
            Err(e) => {
                config_error.lock().expect("not poisoned").get_or_insert(e);
                false
            }
        });
    if let Some(e) = config_error.into_inner().expect("not poisoned") {
        return Err(e.into());
    }
    // Files named on the command line are linted whatever their extension, unless the
    // configuration excludes them.
    let mut kept = Vec::with_capacity(found.len());
    for f in found {
        if !f.explicit || !workspace.settings(&f.path)?.excluded {
            kept.push(f);
        }
    }
    if !stdin.is_empty() {
        workspace.settings(Path::new(&cli.stdin_filename))?;
    }
    let mut failed = false;
    // With SARIF: the problems that kept files from being linted, for the log.
    let mut log_errors = Vec::new();
    for e in &walk_errors {
        eprintln!("mtlint: error: {}: {}", e.path.display(), e.message);
        log_errors.push(format!("{}: {}", e.path.display(), e.message));
        failed = true;
    }
    let mut inputs: Vec<Option<Found>> = kept.into_iter().map(Some).collect();
    if !stdin.is_empty() {
        inputs.push(None);
    }
    if cli.fix {
        // If the handler cannot be installed, Ctrl-C keeps its default effect.
        let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
    }
    let job = Job {
        cli,
        workspace: &workspace,
        color,
        sarif_indices: sarif::rule_indices(linter.rules().map(|r| r.meta())),
    };
    if sarif_log {
        emit(sarif::write_header(
            &mut stdout,
            linter.rules().map(|r| r.meta()),
        ));
    }
    let mut wrote_sarif_result = false;
    let progress = wants_progress(cli, inputs.len(), io::stderr().is_terminal());
    let bar = if progress {
        progress_bar(inputs.len())
    } else {
        ProgressBar::hidden()
    };
    let mut totals = Totals::default();
    let (mut remaining_fail, mut diff_changes) = (false, false);
    let (mut fixed_count, mut fixed_files) = (0, 0);
    let mut counts: BTreeMap<Arc<str>, (usize, usize)> = BTreeMap::new();
    if let Some(n) = cli.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| Fatal::Message(format!("cannot start {n} threads: {e}")))?;
    }
    // Files are linted in parallel, a batch at a time; output keeps the input order.
    for batch in inputs.chunks(BATCH) {
        if INTERRUPTED.load(Ordering::SeqCst) {
            bar.finish_and_clear();
            if sarif_log {
                log_errors.push("interrupted".into());
                emit(sarif::write_footer(&mut stdout, &log_errors));
            }
            emit(stdout.flush());
            eprintln!("mtlint: interrupted; every file written so far is complete");
            return Ok(130);
        }
        let outcomes: Vec<Outcome> = batch
            .par_iter()
            .map(|input| {
                let outcome = job.process(input.as_ref());
                bar.inc(1);
                outcome
            })
            .collect();
        // The bar steps aside while the output of the batch is printed.
        bar.suspend(|| {
            for (input, outcome) in batch.iter().zip(outcomes) {
                if cli.verbose {
                    emit(stdout.flush());
                    eprintln!("mtlint: {}", describe(cli, &workspace, input.as_ref()));
                }
                if sarif_log && !outcome.stdout.is_empty() {
                    if wrote_sarif_result {
                        emit(stdout.write_all(sarif::SEPARATOR));
                    }
                    wrote_sarif_result = true;
                }
                if sarif_log {
                    log_errors.extend(outcome.errors.iter().cloned());
                }
                emit(stdout.write_all(&outcome.stdout));
                if !outcome.stderr.is_empty() || !outcome.errors.is_empty() {
                    emit(stdout.flush());
                    let mut stderr = io::stderr().lock();
                    for e in &outcome.errors {
                        emit(writeln!(stderr, "mtlint: error: {e}"));
                    }
                    emit(stderr.write_all(&outcome.stderr));
                }
                failed |= !outcome.errors.is_empty();
                if let Some(t) = outcome.totals {
                    totals.merge(&t);
                }
                remaining_fail |= outcome.remaining_fail;
                diff_changes |= outcome.diff_changed;
                for (rule, (n, fixable)) in outcome.counts {
                    let total = counts.entry(rule).or_default();
                    total.0 += n;
                    total.1 += fixable;
                }
                fixed_count += outcome.fixed;
                fixed_files += usize::from(outcome.fixed > 0);
            }
            if progress {
                // Out before the bar is drawn again.
                emit(stdout.flush());
            }
        });
    }
    bar.finish_and_clear();
    if sarif_log {
        emit(sarif::write_footer(&mut stdout, &log_errors));
    }
    if cli.statistics {
        emit(write_statistics(&mut stdout, &linter, counts));
    }
    if cli.format == Format::Human && !cli.diff && !cli.quiet {
        let mut summary = String::new();
        if cli.fix {
            summary.push_str(&format!(
                "fixed {fixed_count} problem{} in {fixed_files} file{}; ",
                if fixed_count == 1 { "" } else { "s" },
                if fixed_files == 1 { "" } else { "s" }
            ));
        }
        summary.push_str(&totals.summary());
        if cli.fix && inputs.iter().all(Option::is_none) {
            // Standard output carries the fixed text.
            eprintln!("{summary}");
        } else {
            emit(writeln!(stdout, "{summary}"));
        }
    }
    emit(stdout.flush());
    Ok(if failed {
        2
    } else if remaining_fail || diff_changes {
        1
    } else {
        0
    })
}

/// What one run does to each input.
struct Job<'a> {
    cli: &'a Cli,
    workspace: &'a Workspace,
    color: bool,
    /// With `--format sarif`: each rule's index in the log's rules.
    sarif_indices: std::collections::HashMap<String, usize>,
}

/// The result of one input: its output, already rendered, and its counts.
#[derive(Default)]
struct Outcome {
    /// For standard output: the report, a diff, or (for `--fix -`) the fixed text.
    stdout: Vec<u8>,
    /// For standard error: the report, when standard output carries fixed text.
    stderr: Vec<u8>,
    /// Problems with the file itself (unreadable, unwritable, …), each naming it.
    errors: Vec<String>,
    totals: Option<Totals>,
    /// With `--statistics`: per rule, problems and safely fixable problems.
    counts: BTreeMap<Arc<str>, (usize, usize)>,
    remaining_fail: bool,
    diff_changed: bool,
    /// How many fixes were written.
    fixed: usize,
}

impl Job<'_> {
    /// Read, lint and (with `--fix`/`--diff`) fix one input; `None` is standard input.
    fn process(&self, input: Option<&Found>) -> Outcome {
        let cli = self.cli;
        let mut outcome = Outcome::default();
        let to_stdout = cli.fix && input.is_none();
        let (name, content) = match input {
            Some(f) => (f.path.display().to_string(), files::read(&f.path)),
            None => {
                let mut bytes = Vec::new();
                let content = match io::stdin().read_to_end(&mut bytes) {
                    Ok(_) if to_stdout => {
                        // Whatever happens, what came in goes out: a pipe loses nothing.
                        outcome.stdout = bytes.clone();
                        files::decode(bytes)
                    }
                    Ok(_) => files::decode(bytes),
                    Err(e) => Err(files::ReadError::Io(e)),
                };
                (cli.stdin_filename.clone(), content)
            }
        };
        let text = match content {
            Ok(Content::Text(text)) => text,
            Ok(Content::Binary(at)) => {
                if input.is_none_or(|f| f.explicit) {
                    outcome.errors.push(format!(
                        "{name}: binary file (NUL byte at byte {at}), skipped"
                    ));
                }
                return outcome;
            }
            Err(e) => {
                outcome.errors.push(format!("{name}: {e}"));
                return outcome;
            }
        };
        let settings = match self.workspace.settings(Path::new(&name)) {
            Ok(s) => s,
            Err(e) => {
                outcome.errors.push(e.to_string());
                return outcome;
            }
        };
        let linter = match self.workspace.linter(&settings) {
            Ok(linter) => linter,
            Err(e) => {
                outcome.errors.push(e.to_string());
                return outcome;
            }
        };
        let markup = markup_of(cli, &name);
        // The text the report refers to: the fixed text once fixes are applied.
        let mut fixed_text: Option<String> = None;
        if cli.fix || cli.diff {
            let mode = if cli.unsafe_fixes {
                FixMode::IncludeUnsafe
            } else {
                FixMode::SafeOnly
            };
            let fixed = linter.fix_document(&text, markup, mode);
            if !fixed.converged {
                outcome.errors.push(format!(
                    "{name}: fixes did not settle after {} passes (a rule bug); left unchanged",
                    mtlint::MAX_FIX_PASSES
                ));
            } else if cli.diff {
                let diff = report::unified_diff(&name, &text, &fixed.text);
                outcome.diff_changed = !diff.is_empty();
                outcome.stdout = diff.into_bytes();
                fixed_text = Some(fixed.text);
            } else if fixed.text != text {
                match input {
                    Some(f) => {
                        match files::write_if_unchanged(&f.path, text.as_bytes(), &fixed.text) {
                            Ok(()) => {
                                outcome.fixed = fixed.applied;
                                fixed_text = Some(fixed.text);
                            }
                            Err(e) => outcome.errors.push(format!("{name}: cannot write: {e}")),
                        }
                    }
                    None => {
                        outcome.fixed = fixed.applied;
                        fixed_text = Some(fixed.text);
                    }
                }
            }
        }
        let shown = fixed_text.as_deref().unwrap_or(&text);
        if to_stdout {
            outcome.stdout = shown.as_bytes().to_vec();
        }
        let diagnostics = linter.lint_document(shown, markup);
        outcome.remaining_fail = diagnostics
            .iter()
            .any(|d| settings.fail_on.fails(d.severity));
        let mut totals = Totals::default();
        totals.add(&diagnostics);
        outcome.totals = Some(totals);
        if cli.statistics {
            for d in &diagnostics {
                let count = outcome.counts.entry(d.rule.clone()).or_default();
                count.0 += 1;
                count.1 += usize::from(
                    d.fix
                        .as_ref()
                        .is_some_and(|f| f.applicability == Applicability::Safe),
                );
            }
        }
        if cli.diff || cli.statistics {
            return outcome;
        }
        let report = FileReport {
            path: &name,
            text: shown,
            diagnostics: &diagnostics,
        };
        let mut buffer = if self.color && !to_stdout {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        if cli.format == Format::Sarif {
            emit(sarif::write_results(
                &mut buffer,
                &report,
                &self.sarif_indices,
            ));
        } else {
            emit(write_report(&mut buffer, cli.format, &report));
        }
        if to_stdout {
            outcome.stderr = buffer.into_inner();
        } else {
            outcome.stdout.extend(buffer.into_inner());
        }
        outcome
    }
}

/// The paths listed in `list` (`-`: standard input), one per line or NUL-separated.
fn read_file_list(list: &Path, null: bool) -> Result<Vec<PathBuf>, Fatal> {
    let text = if list.as_os_str() == "-" {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .map(|_| text)
            .map_err(|e| Fatal::Message(format!("standard input: {e}")))?
    } else {
        std::fs::read_to_string(list)
            .map_err(|e| Fatal::Message(format!("{}: {e}", list.display())))?
    };
    let separator = if null { '\0' } else { '\n' };
    Ok(text
        .split(separator)
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .filter(|line| !line.is_empty())
        .map(PathBuf::from)
        .collect())
}

fn write_report(out: &mut dyn WriteColor, format: Format, report: &FileReport) -> io::Result<()> {
    match format {
        Format::Human => report::write_human(out, report),
        Format::Short => report::write_short(out, report),
        Format::Json => report::write_json(out, report),
        Format::Github => report::write_github(out, report),
        // Written by `run` around the results of `sarif::write_results`.
        Format::Sarif => Ok(()),
    }
}

/// How the input named `name` is read.
fn markup_of(cli: &Cli, name: &str) -> Markup {
    match cli.markup {
        MarkupArg::Text => Markup::Text,
        MarkupArg::Markdown => Markup::Markdown,
        MarkupArg::Html => Markup::Html,
        MarkupArg::Auto => Markup::from_path(Path::new(name)),
    }
}

/// `--verbose`: an input, how it is read and its configuration.
fn describe(cli: &Cli, workspace: &Workspace, input: Option<&Found>) -> String {
    let name = input.map_or_else(
        || cli.stdin_filename.clone(),
        |f| f.path.display().to_string(),
    );
    let markup = format!("{:?}", markup_of(cli, &name)).to_lowercase();
    let config = workspace
        .settings(Path::new(&name))
        .ok()
        .and_then(|s| s.config)
        .map_or_else(|| "none".to_string(), |p| p.display().to_string());
    format!("{name}: {markup}, config: {config}")
}

/// Files from which a run shows a progress bar.
const PROGRESS_MIN_FILES: usize = 300;

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

/// `--generate`: completions for a shell, or the man page.
fn generate(out: &mut dyn Write, what: Generate) -> io::Result<()> {
    let mut command = Cli::command();
    let shell = match what {
        Generate::Man => return clap_mangen::Man::new(command).render(out),
        Generate::CompletionsBash => clap_complete::Shell::Bash,
        Generate::CompletionsZsh => clap_complete::Shell::Zsh,
        Generate::CompletionsFish => clap_complete::Shell::Fish,
        Generate::CompletionsElvish => clap_complete::Shell::Elvish,
        Generate::CompletionsPowershell => clap_complete::Shell::PowerShell,
    };
    // Into a buffer first: clap_complete panics when it cannot write (`| head`).
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "mtlint", &mut buffer);
    out.write_all(&buffer)?;
    out.flush()
}

/// Stop quietly when the reader of our output went away (`mtlint . | head`).
fn emit(result: io::Result<()>) {
    if let Err(e) = result {
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("mtlint: error: cannot write output: {e}");
        std::process::exit(2);
    }
}

fn finish(result: io::Result<()>, code: u8) -> Result<u8, Fatal> {
    emit(result);
    Ok(code)
}

/// `--statistics`: one line per rule that found something, most frequent first.
fn write_statistics(
    out: &mut dyn Write,
    linter: &Linter,
    counts: BTreeMap<Arc<str>, (usize, usize)>,
) -> io::Result<()> {
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(&b.0)));
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    for (rule, (n, fixable)) in rows {
        let summary = linter.rule(&rule).map_or("", |r| r.meta().summary.as_str());
        let fix = if fixable > 0 {
            format!("{fixable} fixable")
        } else {
            String::new()
        };
        writeln!(out, "{n:>6}  {rule:width$}  {fix:>12}  {summary}")?;
    }
    Ok(())
}

/// `--show-config`: the settings that apply to `path`, and where they come from.
fn show_config(out: &mut dyn Write, path: &Path, s: &Settings, linter: &Linter) -> io::Result<()> {
    let list = |items: &[String], empty: &str| {
        if items.is_empty() {
            empty.to_string()
        } else {
            items.join(", ")
        }
    };
    writeln!(out, "file: {}", path.display())?;
    match &s.config {
        Some(config) => writeln!(out, "config: {}", config.display())?,
        None => writeln!(out, "config: none (built-in defaults)")?,
    }
    for (i, paths) in &s.overrides {
        writeln!(out, "override #{}: paths = {}", i + 1, paths.join(", "))?;
    }
    writeln!(out, "excluded: {}", if s.excluded { "yes" } else { "no" })?;
    writeln!(out, "select: {}", list(&s.select, "all rules"))?;
    writeln!(out, "ignore: {}", list(&s.ignore, "none"))?;
    let severity: Vec<String> = s
        .severity
        .iter()
        .map(|(k, v)| format!("{k} = {v}"))
        .collect();
    writeln!(out, "severity: {}", list(&severity, "as built in"))?;
    writeln!(out, "fail-on: {}", s.fail_on.as_str())?;
    writeln!(out, "extensions: {}", s.extensions.join(", "))?;
    let rules: Vec<String> = s.rules.iter().map(|r| r.display().to_string()).collect();
    writeln!(out, "rules: {}", list(&rules, "built-in only"))?;
    writeln!(out, "active rules: {}", linter.rules().count())?;
    out.flush()
}

fn fix_kind(meta: &mtlint::RuleMeta) -> &'static str {
    meta.fix.map_or("no", |f| f.as_str())
}

/// A rule's packs for `--list-rules`: `-` for none, `fr,es`, and `*` when it runs by
/// default (without `--source-lang`).
fn pack_cell(rule: &dyn mtlint::Rule) -> String {
    let packs = rule.packs();
    if packs.is_empty() {
        return "-".into();
    }
    let mut cell = packs.join(",");
    if rule.runs_by_default() {
        cell.push('*');
    }
    cell
}

fn list_rules(out: &mut dyn Write, linter: &Linter) -> io::Result<()> {
    let width = linter.rules().map(|r| r.meta().id.len()).max().unwrap_or(2);
    let pack_width = linter
        .rules()
        .map(|r| pack_cell(r).len())
        .max()
        .unwrap_or(4);
    writeln!(
        out,
        "{:width$}  {:8}  {:6}  {:pack_width$}  SUMMARY",
        "ID", "SEVERITY", "FIX", "PACK"
    )?;
    for rule in linter.rules() {
        let m = rule.meta();
        writeln!(
            out,
            "{:width$}  {:8}  {:6}  {:pack_width$}  {}",
            m.id,
            linter.severity_of(rule).as_str(),
            fix_kind(m),
            pack_cell(rule),
            m.summary
        )?;
    }
    out.flush()
}

/// The rules' regexes, one per line, for `rg -f` (which joins them into one regex, so
/// capture group names, which would clash, become plain groups).
fn dump_patterns(out: &mut dyn Write, linter: &Linter) -> io::Result<()> {
    let named = regex::Regex::new(r"\(\?P?<[A-Za-z_][A-Za-z0-9_]*>").expect("valid regex");
    let mut patterns: Vec<String> = linter
        .rules()
        .flat_map(|r| r.patterns())
        .map(|p| named.replace_all(p, "(?:").into_owned())
        .collect();
    patterns.sort();
    patterns.dedup();
    for p in patterns {
        writeln!(out, "{p}")?;
    }
    out.flush()
}

fn explain(out: &mut dyn Write, rule: &dyn mtlint::Rule, severity: Severity) -> io::Result<()> {
    let m = rule.meta();
    writeln!(out, "{}", m.id)?;
    writeln!(out, "severity: {severity}")?;
    writeln!(out, "fix: {}", fix_kind(m))?;
    writeln!(out, "defined in: {}", Path::new(&m.origin).display())?;
    if !rule.packs().is_empty() {
        let when = if rule.runs_by_default() {
            "also runs without --source-lang"
        } else {
            "runs only with --source-lang"
        };
        writeln!(
            out,
            "source languages: {} ({when})",
            rule.packs().join(", ")
        )?;
    }
    writeln!(out, "\n{}\n\n{}\n", m.summary, m.description)?;
    writeln!(out, "Examples:")?;
    for example in &m.examples {
        match example {
            Example::Bad { text, fixed } => {
                writeln!(out, "  bad:   {}", report::visible(text))?;
                if let Some(fixed) = fixed {
                    writeln!(out, "  fixed: {}", report::visible(fixed))?;
                }
            }
            Example::Good { text } => writeln!(out, "  good:  {}", report::visible(text))?,
        }
    }
    out.flush()
}
