//! The output formats: one [`Emitter`] per format, chosen by [`emitter`]. Each file's
//! findings are rendered on the worker threads (so rendering must not depend on the
//! order of files); the rendered chunks are then written in input order between
//! [`Emitter::begin`] and [`Emitter::end`]. What is said about rules and fixes is written
//! once, in [`help`].

mod cursor;
mod diff;
mod github;
pub mod help;
pub mod html;
mod human;
mod json;
pub mod sarif;
mod short;
pub mod statistics;
pub mod sweep;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::Arc;

use codespan_reporting::term::termcolor::WriteColor;
use mtlint::{Diagnostic, Linter, Markup};

pub use diff::unified_diff;
pub use human::write_file_error;

use clap::ValueEnum;

use crate::args::{Format, StatisticsView};

/// `s` with every control character but tab (C0, DEL, C1) written as a Rust escape
/// (`\u{1b}`, `\n`), so that a file name, message or excerpt printed on a terminal cannot
/// drive it. JSON and SARIF keep text exact (their own escapes are safe).
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && c != '\t') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() && c != '\t' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One linted file's findings, ready to render.
pub struct FileReport<'a> {
    /// The path as given or walked, exact ([`crate::files::path_name`]).
    pub path: &'a str,
    /// The text the spans refer to.
    pub text: &'a str,
    /// Its diagnostics, sorted by position.
    pub diagnostics: &'a [Diagnostic],
    /// How it was read (what its words of prose are, for its score).
    pub markup: Markup,
}

/// What the end of a run knows, for the formats that write something then.
pub struct RunEnd<'a> {
    /// The linter of the current folder.
    pub linter: &'a Linter,
    /// Per rule: problems found, and how many of them `--fix` fixes.
    pub counts: &'a BTreeMap<Arc<str>, (usize, usize)>,
    /// The problems that kept files from being linted, each naming its file.
    pub errors: &'a [String],
    /// Whether Ctrl-C stopped the run before every file was linted.
    pub interrupted: bool,
}

/// An output format.
pub trait Emitter: Sync {
    /// Write what comes before the first file.
    fn begin(&mut self, _out: &mut dyn Write, _linter: &Linter) -> io::Result<()> {
        Ok(())
    }

    /// Render one file's findings (on a worker thread).
    fn render(&self, out: &mut dyn WriteColor, report: &FileReport) -> io::Result<()>;

    /// Write the next file's output (its rendering, or a diff), in input order.
    fn write(&mut self, out: &mut dyn Write, rendered: &[u8]) -> io::Result<()> {
        out.write_all(rendered)
    }

    /// Write what comes after the last file.
    fn end(&mut self, _out: &mut dyn Write, _run: &RunEnd) -> io::Result<()> {
        Ok(())
    }
}

/// An error unless `format` can show what `what` (`--statistics`, `--list-rules`)
/// prints: a table (`human`, `short`) or JSON Lines (`json`).
pub fn table_or_json(format: Format, what: &str) -> Result<(), String> {
    match format {
        Format::Human | Format::Short | Format::Json => Ok(()),
        other => Err(format!(
            "{what} prints a table (--format human or short) or JSON Lines (--format json), \
             not --format {}",
            other
                .to_possible_value()
                .map_or_else(String::new, |v| v.get_name().to_string())
        )),
    }
}

/// The emitter for a run: `--statistics` and `--diff` replace the reports of `format`.
pub fn emitter(format: Format, statistics: Option<StatisticsView>, diff: bool) -> Box<dyn Emitter> {
    match statistics {
        Some(StatisticsView::Rules) => {
            return Box::new(statistics::Statistics {
                json: format == Format::Json,
            })
        }
        Some(StatisticsView::Files) => return Box::<statistics::FileStatistics>::default(),
        None => {}
    }
    if diff {
        return Box::new(diff::Diff);
    }
    match format {
        Format::Human => Box::new(human::Human),
        Format::Short => Box::new(short::Short),
        Format::Json => Box::new(json::Json),
        Format::Github => Box::new(github::Github),
        Format::Sarif => Box::<sarif::Sarif>::default(),
        Format::Html => Box::<html::Html>::default(),
    }
}
