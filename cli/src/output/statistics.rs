//! `--statistics`: one line per rule that found something, most frequent first, instead
//! of the problems.

use std::io::{self, Write};

use codespan_reporting::term::termcolor::WriteColor;

use super::{Emitter, FileReport, RunEnd};

/// The output of `--statistics`.
pub struct Statistics;

impl Emitter for Statistics {
    fn render(&self, _: &mut dyn WriteColor, _: &FileReport) -> io::Result<()> {
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write, run: &RunEnd) -> io::Result<()> {
        if run.interrupted {
            return Ok(());
        }
        let mut rows: Vec<_> = run.counts.iter().collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(b.0)));
        let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
        for (rule, (n, fixable)) in rows {
            let summary = run
                .linter
                .rule(rule)
                .map_or("", |r| r.meta().summary.as_str());
            let fix = if *fixable > 0 {
                format!("{fixable} fixable")
            } else {
                String::new()
            };
            writeln!(out, "{n:>6}  {rule:width$}  {fix:>12}  {summary}")?;
        }
        Ok(())
    }
}
