//! `human`: rustc-style reports (via codespan-reporting) with the source line and the
//! span underlined; also the rendering of errors in configuration and rule files.

use std::io;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::term::{self, termcolor::WriteColor};
use mtlint::{LineIndex, Severity};

use super::cursor::Cursor;
use super::help::fix_help;
use super::{terminal_safe, Emitter, FileReport};
use crate::config::FileError;

/// The `human` format.
pub struct Human;

impl Emitter for Human {
    fn render(&self, out: &mut dyn WriteColor, report: &FileReport) -> io::Result<()> {
        write_human(out, report)
    }
}

/// Characters of context shown on each side of a span.
const CONTEXT: usize = 60;

/// What a human report shows of a diagnostic's line: at most [`CONTEXT`] characters on
/// each side of the span, marked `…` where the line goes on (scraped articles are often
/// one line each), with the real line and column numbers.
struct Excerpt<'a> {
    name: &'a str,
    source: String,
    line: usize,
    /// The real column of `source[label.start..]`, and that byte offset.
    column: usize,
    label_start: usize,
}

impl<'a> codespan_reporting::files::Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, _: ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, _: ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.source)
    }

    fn line_index(&'a self, _: (), _: usize) -> Result<usize, codespan_reporting::files::Error> {
        Ok(0)
    }

    fn line_number(&'a self, _: (), _: usize) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.line)
    }

    fn column_number(
        &'a self,
        _: (),
        _: usize,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let byte = byte.min(self.source.len());
        Ok(if byte >= self.label_start {
            self.column + self.source[self.label_start..byte].chars().count()
        } else {
            self.column
                .saturating_sub(self.source[byte..self.label_start].chars().count())
        })
    }

    fn line_range(
        &'a self,
        _: (),
        line: usize,
    ) -> Result<std::ops::Range<usize>, codespan_reporting::files::Error> {
        match line {
            0 => Ok(0..self.source.len()),
            given => Err(codespan_reporting::files::Error::LineTooLarge { given, max: 0 }),
        }
    }
}

/// The excerpt for a span starting at `(line, column)`, and the label's range in it.
fn excerpt<'a>(
    name: &'a str,
    text: &str,
    index: &LineIndex,
    span: &std::ops::Range<usize>,
    (line, column): (usize, usize),
) -> (Excerpt<'a>, std::ops::Range<usize>) {
    let line_start = index.line_start(line);
    let from = text[line_start..span.start]
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(line_start, |(i, _)| line_start + i);
    // Look ahead a bounded distance only: the line may be very long.
    let mut ahead = (span.end + 4 * CONTEXT).min(text.len());
    while !text.is_char_boundary(ahead) {
        ahead -= 1;
    }
    let line_end = text[span.start..ahead]
        .find(['\n', '\r'])
        .map_or(ahead, |i| span.start + i);
    let label_end = span.end.min(line_end);
    let to = text[label_end..line_end]
        .char_indices()
        .nth(CONTEXT)
        .map_or(line_end, |(i, _)| label_end + i);
    let prefix = if from > line_start { "…" } else { "" };
    let cut_short = line_end == ahead && !text[ahead..].starts_with(['\n', '\r', '\0']);
    let suffix = if to < line_end || (to == ahead && cut_short && ahead < text.len()) {
        "…"
    } else {
        ""
    };
    // Control characters are shown escaped, the label over the escaped span.
    let (before, inside, after) = (
        terminal_safe(&text[from..span.start]),
        terminal_safe(&text[span.start..label_end]),
        terminal_safe(&text[label_end..to]),
    );
    let source = format!("{prefix}{before}{inside}{after}{suffix}");
    let label_start = prefix.len() + before.len();
    let label = label_start..label_start + inside.len();
    let excerpt = Excerpt {
        name,
        source,
        line,
        column,
        label_start: label.start,
    };
    (excerpt, label)
}

/// rustc-style reports with the source line and the span underlined.
fn write_human(out: &mut dyn WriteColor, report: &FileReport) -> io::Result<()> {
    let index = LineIndex::new(report.text);
    let mut cursor = Cursor::new(report.text, &index);
    let config = term::Config::default();
    let name = terminal_safe(report.path);
    for d in report.diagnostics {
        let at = cursor.locate(d.span.start);
        let (file, label) = excerpt(&name, report.text, &index, &d.span, at);
        let level = match d.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Note,
        };
        let mut rendered = Report::new(level)
            .with_code(d.rule.to_string())
            .with_message(terminal_safe(&d.message))
            .with_labels(vec![Label::primary((), label)]);
        if let Some(help) = fix_help(report.text, d) {
            rendered = rendered.with_notes(vec![format!("help: {}", terminal_safe(&help))]);
        }
        term::emit(out, &config, &file, &rendered).map_err(|e| match e {
            codespan_reporting::files::Error::Io(io) => io,
            other => io::Error::other(other.to_string()),
        })?;
    }
    Ok(())
}

/// An error in a configuration or rule file, rustc-style, pointing at the offending text
/// when its position is known. Errors writing it are ignored (it goes to standard error).
pub fn write_file_error(out: &mut dyn WriteColor, e: &FileError) {
    let mut report = Report::error().with_message(&e.message);
    if let Some(help) = &e.help {
        report = report.with_notes(vec![format!("help: {help}")]);
    }
    let text = e.text.as_deref().unwrap_or("");
    let file = codespan_reporting::files::SimpleFile::new(e.path.as_str(), text);
    match &e.span {
        Some(span) if e.text.is_some() => {
            let span = span.start.min(text.len())..span.end.min(text.len());
            report = report.with_labels(vec![Label::primary((), span)]);
        }
        _ => report.message = format!("{}: {}", e.path, e.message),
    }
    let _ = term::emit(out, &term::Config::default(), &file, &report);
}
