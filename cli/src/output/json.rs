//! `json`: JSON Lines, one object per diagnostic, then the file's summary record
//! (`"type": "file"`: words, score, verdict, findings per category; see [`FileRecord`]).

use std::io;

use codespan_reporting::term::termcolor::WriteColor;
use mtlint::{Applicability, Severity};
use serde::Serialize;

use super::cursor::each_located;
use super::sweep::FileRecord;
use super::{Emitter, FileReport};

/// The `json` format.
pub struct Json;

impl Emitter for Json {
    fn render(&self, out: &mut dyn WriteColor, report: &FileReport) -> io::Result<()> {
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
        })?;
        FileRecord::of(report).write(out)
    }
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
