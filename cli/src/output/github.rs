//! `github`: GitHub Actions workflow commands, one per diagnostic: the runner turns them
//! into annotations on the pull request.

use std::io;

use codespan_reporting::term::termcolor::WriteColor;
use mtlint::Severity;

use super::cursor::each_located;
use super::{Emitter, FileReport};

/// The `github` format.
pub struct Github;

impl Emitter for Github {
    fn render(&self, out: &mut dyn WriteColor, report: &FileReport) -> io::Result<()> {
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
}
