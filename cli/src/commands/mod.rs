//! What the command does, one module per action; `main` picks one.

pub mod check;
pub mod explain;
pub mod from_json;
pub mod generate;
pub mod list_rules;
pub mod server;
pub mod show_config;
pub mod test_rules;

use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use mtlint::Linter;

use crate::args::Cli;
use crate::config::{Discovery, FileError, Options, Workspace};

/// Failures that end the run (exit status 2, but 0 when the reader of the output went
/// away).
#[derive(Debug)]
pub enum Fatal {
    /// A plain error message.
    Message(String),
    /// An error in a configuration or rule file, shown with the offending line.
    File(FileError),
    /// Standard output could not be written.
    Output(io::Error),
}

impl From<FileError> for Fatal {
    fn from(e: FileError) -> Self {
        Fatal::File(e)
    }
}

impl From<io::Error> for Fatal {
    fn from(e: io::Error) -> Self {
        Fatal::Output(e)
    }
}

/// Standard output, buffered.
pub fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

/// Where a run's report goes: standard output, or the file of `mtlint report`, written
/// to a temporary file beside it and renamed over it when the report is complete.
pub enum Output {
    /// Standard output, buffered.
    Stdout(BufWriter<StdoutLock<'static>>),
    /// A report file being written.
    File {
        file: BufWriter<tempfile::NamedTempFile>,
        path: PathBuf,
    },
}

impl Output {
    /// The output `cli` asks for.
    pub fn of(cli: &Cli) -> Result<Output, Fatal> {
        let Some(path) = &cli.output else {
            return Ok(Output::Stdout(stdout()));
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".mtlint-report");
        // A report is for reading: the permissions of a new file, not a temporary one's.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
        let file = builder
            .tempfile_in(dir)
            .map_err(|e| Fatal::Message(format!("{}: cannot write: {e}", path.display())))?;
        Ok(Output::File {
            file: BufWriter::new(file),
            path: path.clone(),
        })
    }

    /// Flush; a report file takes its place.
    pub fn finish(self) -> Result<(), Fatal> {
        match self {
            Output::Stdout(mut out) => Ok(out.flush()?),
            Output::File { file, path } => {
                let cannot = |e: &dyn std::fmt::Display| {
                    Fatal::Message(format!("{}: cannot write: {e}", path.display()))
                };
                let file = file.into_inner().map_err(|e| cannot(e.error()))?;
                file.persist(&path).map_err(|e| cannot(&e.error))?;
                Ok(())
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::File { file, .. } => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File { file, .. } => file.flush(),
        }
    }
}

/// The configuration of a run, and the linter of the current folder (for rule listings,
/// and as a check of the command line).
pub struct Setup {
    /// Configuration files found as the command line says, overridden by it.
    pub workspace: Workspace,
    /// The linter for a file in the current folder.
    pub linter: Arc<Linter>,
}

impl Setup {
    /// Find the configuration and build the current folder's linter.
    pub fn new(cli: &Cli) -> Result<Setup, Fatal> {
        let workspace = workspace(cli);
        let here = workspace.settings(Path::new("<stdin>"))?;
        let linter = workspace.linter(&here)?;
        Ok(Setup { workspace, linter })
    }
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
        // Listing, explaining and reports of JSON Lines (for the rules' summaries) know
        // every pack unless languages are chosen.
        source_languages: if !cli.source_lang.is_empty() {
            Some(cli.source_lang.clone())
        } else if cli.list_rules || cli.explain.is_some() || !cli.from_json.is_empty() {
            Some(vec!["all".to_string()])
        } else {
            None
        },
    };
    Workspace::new(options, discovery)
}
