//! `short`: one line per diagnostic.

use std::io;

use codespan_reporting::term::termcolor::WriteColor;

use super::cursor::each_located;
use super::{terminal_safe, Emitter, FileReport};

/// The `short` format: `path:line:column: severity[rule] message`.
pub struct Short;

impl Emitter for Short {
    fn render(&self, out: &mut dyn WriteColor, report: &FileReport) -> io::Result<()> {
        let path = terminal_safe(report.path);
        each_located(report, |d, (line, column), _| {
            writeln!(
                out,
                "{path}:{line}:{column}: {}[{}] {}",
                d.severity,
                d.rule,
                terminal_safe(&d.message)
            )
        })
    }
}
