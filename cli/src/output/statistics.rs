//! `--statistics`: one line per rule that found something, most frequent first, instead
//! of the problems (with `--format json`, one JSON object per line).

use std::io::{self, Write};

use codespan_reporting::term::termcolor::WriteColor;

use super::{Emitter, FileReport, RunEnd};

/// The output of `--statistics`.
pub struct Statistics {
    /// JSON Lines (`{"rule", "count", "fixable", "summary"}`) instead of a table.
    pub json: bool,
}

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
            if self.json {
                let record = serde_json::json!({
                    "rule": &**rule,
                    "count": n,
                    "fixable": fixable,
                    "summary": summary,
                });
                serde_json::to_writer(&mut *out, &record)?;
                writeln!(out)?;
                continue;
            }
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
