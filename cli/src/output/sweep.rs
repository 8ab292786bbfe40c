//! A sweep: the documents of a run (or of JSON Lines shards of one, merged) with their
//! scores and findings, for `--statistics=files` and the HTML report. Both read the JSON
//! Lines of `--format json`, so a live run and its shards read back give the same view.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use mtlint::{LineIndex, Severity, Verdict};
use serde::{Deserialize, Serialize};

use super::FileReport;
use crate::files::{self, Content};

/// Documents whose findings the report lists (the worst ones); the others are counted.
pub const DETAILED: usize = 500;

/// The per-file summary record of `--format json`, written after the file's findings.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRecord {
    /// Always `file`: tells this record from a finding.
    #[serde(rename = "type")]
    pub kind: String,
    pub path: String,
    /// Words of prose linted.
    pub words: usize,
    /// Weighted findings per 1,000 words, to two decimals.
    pub score: f64,
    pub verdict: Verdict,
    /// Findings in the file.
    pub findings: usize,
    /// Findings per category.
    pub categories: BTreeMap<String, usize>,
}

impl FileRecord {
    /// The record of one linted file.
    pub fn of(report: &FileReport) -> FileRecord {
        let score = mtlint::score::score(
            report.diagnostics,
            mtlint::score::linted_words(report.text, report.markup),
        );
        FileRecord {
            kind: "file".into(),
            path: report.path.to_string(),
            words: score.words,
            score: (score.score * 100.0).round() / 100.0,
            verdict: score.verdict,
            findings: report.diagnostics.len(),
            categories: score.categories,
        }
    }

    /// Write it as one JSON line.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer(&mut *out, self)?;
        out.write_all(b"\n")
    }
}

/// A finding as read back from a JSON line (the fields the report uses).
#[derive(Deserialize)]
struct FindingRecord {
    path: String,
    rule: String,
    severity: Severity,
    message: String,
    line: usize,
    column: usize,
    byte_start: usize,
    byte_end: usize,
}

/// One finding of a detailed document.
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub line: usize,
    pub column: usize,
    byte_start: usize,
    byte_end: usize,
    /// The text around the finding: before, the finding itself, after (on its line).
    pub excerpt: Option<(String, String, String)>,
}

impl Finding {
    /// The category of its rule.
    pub fn category(&self) -> &str {
        category(&self.rule)
    }
}

/// One document of the sweep.
pub struct Doc {
    pub record: FileRecord,
    /// Its findings, if it is among the [`DETAILED`] worst.
    pub findings: Vec<Finding>,
}

/// The documents and counts of a sweep.
#[derive(Default)]
pub struct Sweep {
    docs: Vec<Doc>,
    /// Findings of the file whose record comes next, and its path.
    pending: Vec<Finding>,
    pending_path: Option<String>,
    /// Per rule: findings by severity (info, warning, error).
    pub rules: BTreeMap<String, [usize; 3]>,
}

/// The category of a rule id.
pub fn category(rule: &str) -> &str {
    rule.split('/').next().unwrap_or_default()
}

/// The index of a severity in per-severity counts.
pub fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

impl Sweep {
    /// Add the JSON Lines of `--format json` (one rendered file).
    pub fn add_lines(&mut self, chunk: &[u8]) -> io::Result<()> {
        let text = std::str::from_utf8(chunk).map_err(io::Error::other)?;
        for line in text.lines() {
            self.add_line(line).map_err(io::Error::other)?;
        }
        Ok(())
    }

    /// Add one JSON line: a finding, or the record of the file the findings before it
    /// belong to. Blank lines are skipped.
    pub fn add_line(&mut self, line: &str) -> Result<(), String> {
        if line.trim().is_empty() {
            return Ok(());
        }
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
        if !value.is_object() {
            return Err("not a JSON object".into());
        }
        if value.get("type").is_some() {
            let record: FileRecord = serde_json::from_value(value)
                .map_err(|e| format!("not a file record of --format json: {e}"))?;
            if record.kind != "file" {
                return Err(format!("unknown record type `{}`", record.kind));
            }
            return self.add_file(record);
        }
        let f: FindingRecord = serde_json::from_value(value)
            .map_err(|e| format!("not a finding of --format json: {e}"))?;
        if let Some(previous) = &self.pending_path {
            if *previous != f.path {
                return Err(format!(
                    "a finding of `{}` after findings of `{previous}` without their file \
                     record (\"type\": \"file\"; written by --format json since this version)",
                    f.path
                ));
            }
        }
        let counts = self.rules.entry(f.rule.clone()).or_default();
        counts[severity_index(f.severity)] += 1;
        self.pending.push(Finding {
            rule: f.rule,
            severity: f.severity,
            message: f.message,
            line: f.line,
            column: f.column,
            byte_start: f.byte_start,
            byte_end: f.byte_end,
            excerpt: None,
        });
        self.pending_path = Some(f.path);
        Ok(())
    }

    fn add_file(&mut self, record: FileRecord) -> Result<(), String> {
        if let Some(path) = self.pending_path.take() {
            if path != record.path {
                return Err(format!(
                    "the file record of `{}` follows findings of `{path}`",
                    record.path
                ));
            }
        }
        // A record without its findings before it is a summary-only stream (findings
        // filtered out); with findings, they must all be there.
        if !self.pending.is_empty() && record.findings != self.pending.len() {
            return Err(format!(
                "the file record of `{}` counts {} findings, {} came before it",
                record.path,
                record.findings,
                self.pending.len()
            ));
        }
        self.docs.push(Doc {
            record,
            findings: std::mem::take(&mut self.pending),
        });
        if self.docs.len() > 2 * DETAILED && self.docs.len() % DETAILED == 0 {
            self.prune();
        }
        Ok(())
    }

    /// An error if findings wait for a file record that never came.
    pub fn finish(&self) -> Result<(), String> {
        match &self.pending_path {
            Some(path) => Err(format!(
                "findings of `{path}` have no file record (\"type\": \"file\") after them: \
                 write the JSON Lines with this version's --format json"
            )),
            None => Ok(()),
        }
    }

    /// Sort worst first and keep the findings of the [`DETAILED`] worst only.
    fn prune(&mut self) {
        self.sort();
        for doc in self.docs.iter_mut().skip(DETAILED) {
            doc.findings = Vec::new();
        }
    }

    fn sort(&mut self) {
        self.docs.sort_by(|a, b| {
            b.record
                .score
                .total_cmp(&a.record.score)
                .then_with(|| a.record.path.cmp(&b.record.path))
        });
    }

    /// The documents, worst first (highest score, then by path), the [`DETAILED`] worst
    /// with their findings and, where the file can still be read and matches them, their
    /// excerpts.
    pub fn worst_first(&mut self) -> &[Doc] {
        self.prune();
        for doc in self.docs.iter_mut().take(DETAILED) {
            if !doc.findings.is_empty() {
                add_excerpts(&doc.record.path, &mut doc.findings);
            }
        }
        &self.docs
    }
}

/// Characters of context shown on each side of a finding.
const CONTEXT: usize = 60;

/// Read `path` and give each finding its excerpt, if the file still holds the text the
/// findings were made on (each starts where its line and column say).
fn add_excerpts(path: &str, findings: &mut [Finding]) {
    let Ok(Content::Text(text)) = files::read(Path::new(path)) else {
        return;
    };
    let index = LineIndex::new(&text);
    for f in findings {
        let (start, end) = (f.byte_start, f.byte_end);
        if start > end
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        let line = index.line_of(start);
        let line_start = index.line_start(line);
        if line != f.line || text[line_start..start].chars().count() + 1 != f.column {
            continue;
        }
        let skip = text[line_start..start]
            .chars()
            .count()
            .saturating_sub(CONTEXT);
        let before = text[line_start..start].chars().skip(skip).collect();
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let after = text[end..line_end].chars().take(CONTEXT).collect();
        f.excerpt = Some((before, text[start..end].to_string(), after));
    }
}
