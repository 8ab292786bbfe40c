//! `--statistics`: one line per rule that found something, most frequent first, instead
//! of the problems (with `--format json`, one JSON object per line); `--statistics=files`:
//! one line per file, its score, verdict, words, findings and top categories, worst first.

use std::io::{self, Write};

use codespan_reporting::term::termcolor::WriteColor;

use super::html::top_categories;
use super::sweep::{FileRecord, Sweep};
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

/// The output of `--statistics=files`.
#[derive(Default)]
pub struct FileStatistics {
    sweep: Sweep,
}

impl Emitter for FileStatistics {
    fn render(&self, out: &mut dyn WriteColor, report: &FileReport) -> io::Result<()> {
        FileRecord::of(report).write(out)
    }

    fn write(&mut self, _: &mut dyn Write, rendered: &[u8]) -> io::Result<()> {
        self.sweep.add_lines(rendered)
    }

    fn end(&mut self, out: &mut dyn Write, run: &RunEnd) -> io::Result<()> {
        if run.interrupted {
            return Ok(());
        }
        write_files(out, &mut self.sweep)
    }
}

/// One line per document of `sweep`, worst first:
/// `score  verdict  words  findings  path  top categories`.
pub fn write_files(out: &mut dyn Write, sweep: &mut Sweep) -> io::Result<()> {
    let docs = sweep.worst_first();
    let width = docs.iter().map(|d| d.record.path.len()).max().unwrap_or(0);
    for d in docs {
        let r = &d.record;
        let line = format!(
            "{:>8.2}  {:<7} {:>7} words {:>5} findings  {:width$}  {}",
            r.score,
            r.verdict.as_str(),
            r.words,
            r.findings,
            r.path,
            top_categories(&r.categories)
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
