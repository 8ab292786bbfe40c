//! Rendering diagnostics: `human` (rustc-style, via codespan-reporting), `short` (one line
//! each) and `json` (JSON Lines), plus unified diffs of fixes. Everything writes to a
//! writer the caller provides.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::term::{self, termcolor::WriteColor};
use serde::Serialize;

use mtlint::{Applicability, Diagnostic, LineIndex, Severity};

use crate::cursor::Cursor;

/// One linted file's findings, ready to render.
pub struct FileReport<'a> {
    /// The path as given or walked.
    pub path: &'a str,
    /// The text the spans refer to.
    pub text: &'a str,
    /// Its diagnostics, sorted by position.
    pub diagnostics: &'a [Diagnostic],
}

/// Make whitespace visible in a quoted snippet: `\n`, `\t`, no-break spaces.
pub fn visible(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' => "\\n".to_string(),
            '\r' => "\\r".to_string(),
            '\t' => "\\t".to_string(),
            '\u{A0}' => "\\u{a0}".to_string(),
            '\u{202F}' => "\\u{202f}".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// The `help:` text of a diagnostic's fix.
pub fn fix_help(text: &str, d: &Diagnostic) -> Option<String> {
    let fix = d.fix.as_ref()?;
    let span = &text[d.span.clone()];
    let original = visible(span);
    let action = if fix.replacement.is_empty() && span.trim().is_empty() {
        let what = match span.chars().next() {
            Some('\u{A0}') => "no-break space",
            Some('\u{202F}') => "narrow no-break space",
            _ => "space",
        };
        format!("remove the {what}")
    } else if fix.replacement.is_empty() {
        format!("remove `{original}`")
    } else {
        format!("replace `{original}` with `{}`", visible(&fix.replacement))
    };
    Some(match fix.applicability {
        Applicability::Safe => action,
        Applicability::Unsafe => format!("{action} (unsafe fix: use --unsafe-fixes)"),
    })
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
    let source = format!("{prefix}{}{suffix}", &text[from..to]);
    let label = prefix.len() + span.start - from..prefix.len() + label_end - from;
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
pub fn write_human(out: &mut dyn WriteColor, report: &FileReport) -> io::Result<()> {
    let index = LineIndex::new(report.text);
    let mut cursor = Cursor::new(report.text, &index);
    let config = term::Config::default();
    for d in report.diagnostics {
        let at = cursor.locate(d.span.start);
        let (file, label) = excerpt(report.path, report.text, &index, &d.span, at);
        let level = match d.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Note,
        };
        let mut rendered = Report::new(level)
            .with_code(d.rule.to_string())
            .with_message(&d.message)
            .with_labels(vec![Label::primary((), label)]);
        if let Some(help) = fix_help(report.text, d) {
            rendered = rendered.with_notes(vec![format!("help: {help}")]);
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
pub fn write_file_error(out: &mut dyn WriteColor, e: &crate::config::FileError) {
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

/// `path:line:column: severity[rule] message`, one line each.
pub fn write_short(out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
    each_located(report, |d, (line, column), _| {
        writeln!(
            out,
            "{}:{line}:{column}: {}[{}] {}",
            report.path, d.severity, d.rule, d.message
        )
    })
}

/// GitHub Actions workflow commands, one per diagnostic: the runner turns them into
/// annotations on the pull request.
pub fn write_github(out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
    // Data escapes %, CR and LF; properties also `:` and `,`.
    let data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let property = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    each_located(report, |d, (line, column), (end_line, end_column)| {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        writeln!(
            out,
            "::{level} file={},line={line},col={column},endLine={end_line},endColumn={end_column},title={}::{}",
            property(report.path),
            property(&format!("mtlint {}", d.rule)),
            data(&d.message)
        )
    })
}

/// Call `f` with each diagnostic and the line and column of its start and its end.
fn each_located(
    report: &FileReport,
    mut f: impl FnMut(&Diagnostic, (usize, usize), (usize, usize)) -> io::Result<()>,
) -> io::Result<()> {
    let index = LineIndex::new(report.text);
    let (mut starts, mut ends) = (
        Cursor::new(report.text, &index),
        Cursor::new(report.text, &index),
    );
    for d in report.diagnostics {
        f(d, starts.locate(d.span.start), ends.locate(d.span.end))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonFix<'a> {
    replacement: &'a str,
    applicability: Applicability,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    fix: Option<JsonFix<'a>>,
}

/// JSON Lines: one object per diagnostic.
pub fn write_json(out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
    each_located(report, |d, (line, column), (end_line, end_column)| {
        let record = JsonDiagnostic {
            path: report.path,
            rule: &d.rule,
            severity: d.severity,
            message: &d.message,
            line,
            column,
            end_line,
            end_column,
            byte_start: d.span.start,
            byte_end: d.span.end,
            fix: d.fix.as_ref().map(|f| JsonFix {
                replacement: &f.replacement,
                applicability: f.applicability,
            }),
        };
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n")
    })
}

/// A unified diff from `old` to `new`, with `a/` and `b/` headers; empty if equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
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
