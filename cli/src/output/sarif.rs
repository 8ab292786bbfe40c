//! SARIF 2.1.0 output (`--format sarif`): one log for the whole run, written as it goes.
//!
//! [`Sarif`] opens the log and describes every active rule ([`write_header`]), renders
//! each file's results ([`write_results`]), joins them with [`SEPARATOR`], and closes the
//! log with the invocation ([`write_footer`]): whether it succeeded and the files that
//! could not be linted. Columns count UTF-16 code units, SARIF's default `columnKind`
//! (declared on the run all the same), so viewers that ignore the property place the
//! columns right; lines and columns are 1-based and a region's end column is the column
//! just past it.

use std::collections::HashMap;
use std::io::{self, Write};

use codespan_reporting::term::termcolor::WriteColor;
use mtlint::{Applicability, Diagnostic, LineIndex, Linter, RuleMeta, Severity};
use serde_json::{json, Value};

use super::cursor::Cursor;
use super::help::{fix_help, RuleHelp};
use super::{Emitter, FileReport, RunEnd};

/// The schema the log declares (the OASIS standard's, errata 01).
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Written between two chunks of results.
pub const SEPARATOR: &[u8] = b",\n";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The `sarif` format: one log for the run.
#[derive(Default)]
pub struct Sarif {
    /// Each rule's index in the log's rules, once the header is written.
    indices: HashMap<String, usize>,
    /// Whether a file's results were written: the next ones follow a separator.
    wrote_results: bool,
}

impl Emitter for Sarif {
    fn begin(&mut self, out: &mut dyn Write, linter: &Linter) -> io::Result<()> {
        self.indices = rule_indices(linter.rules().map(|r| r.meta()));
        write_header(out, linter.rules().map(|r| r.meta()))
    }

    fn render(&self, out: &mut dyn WriteColor, report: &FileReport) -> io::Result<()> {
        write_results(out, report, &self.indices)
    }

    fn write(&mut self, out: &mut dyn Write, rendered: &[u8]) -> io::Result<()> {
        if !rendered.is_empty() {
            if self.wrote_results {
                out.write_all(SEPARATOR)?;
            }
            self.wrote_results = true;
        }
        out.write_all(rendered)
    }

    fn end(&mut self, out: &mut dyn Write, run: &RunEnd) -> io::Result<()> {
        let mut errors = run.errors.to_vec();
        if run.interrupted {
            errors.push("interrupted".into());
        }
        write_footer(out, &errors)
    }
}

/// `rule id → index in the driver's rules`, as [`write_header`] lists them.
fn rule_indices<'a>(rules: impl IntoIterator<Item = &'a RuleMeta>) -> HashMap<String, usize> {
    rules
        .into_iter()
        .enumerate()
        .map(|(i, m)| (m.id.to_string(), i))
        .collect()
}

/// Open the log: schema, version, the tool with its rules, the column kind, and the start
/// of the results array.
pub fn write_header<'a>(
    out: &mut dyn Write,
    rules: impl IntoIterator<Item = &'a RuleMeta>,
) -> io::Result<()> {
    let rules: Vec<Value> = rules.into_iter().map(descriptor).collect();
    let driver = json!({
        "name": "mtlint",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    write!(
        out,
        "{{\"$schema\":{},\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":",
        json!(SCHEMA_URI)
    )?;
    serde_json::to_writer(&mut *out, &driver)?;
    out.write_all(b"},\"columnKind\":\"utf16CodeUnits\",\"results\":[\n")
}

/// Close the results and the log; `errors` are the problems that kept files from being
/// linted (each naming its file), reported as tool notifications.
pub fn write_footer(out: &mut dyn Write, errors: &[String]) -> io::Result<()> {
    let notifications: Vec<Value> = errors
        .iter()
        .map(|e| json!({"level": "error", "message": {"text": e}}))
        .collect();
    let invocation = json!({
        "executionSuccessful": errors.is_empty(),
        "toolExecutionNotifications": notifications,
    });
    out.write_all(b"\n],\"invocations\":[")?;
    serde_json::to_writer(&mut *out, &invocation)?;
    out.write_all(b"]}]}\n")
}

/// One file's results, separated by [`SEPARATOR`], with nothing before the first or after
/// the last; `indices` from [`rule_indices`].
pub fn write_results(
    out: &mut dyn Write,
    report: &FileReport,
    indices: &HashMap<String, usize>,
) -> io::Result<()> {
    let index = LineIndex::new(report.text);
    let mut starts = Cursor::counting(report.text, &index, char::len_utf16);
    let mut ends = Cursor::counting(report.text, &index, char::len_utf16);
    let uri = path_to_uri(report.path);
    for (i, d) in report.diagnostics.iter().enumerate() {
        if i > 0 {
            out.write_all(SEPARATOR)?;
        }
        let (start_line, start_column) = starts.locate(d.span.start);
        let (end_line, end_column) = ends.locate(d.span.end);
        let region = json!({
            "startLine": start_line,
            "startColumn": start_column,
            "endLine": end_line,
            "endColumn": end_column,
        });
        serde_json::to_writer(&mut *out, &result(report, d, &uri, region, indices))?;
    }
    Ok(())
}

fn result(
    report: &FileReport,
    d: &Diagnostic,
    uri: &str,
    region: Value,
    indices: &HashMap<String, usize>,
) -> Value {
    let location = json!({"uri": uri});
    let mut result = json!({
        "ruleId": &*d.rule,
        "level": level(d.severity),
        "message": {"text": d.message},
        "locations": [{
            "physicalLocation": {"artifactLocation": location, "region": region},
        }],
    });
    if let Some(&i) = indices.get(&*d.rule) {
        result["ruleIndex"] = json!(i);
    }
    if let Some(fix) = &d.fix {
        let description = fix_help(report.text, d).unwrap_or_default();
        result["fixes"] = json!([{
            "description": {"text": description},
            "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [{
                    "deletedRegion": region,
                    "insertedContent": {"text": fix.replacement},
                }],
            }],
        }]);
        result["properties"] = json!({"fixApplicability": fix.applicability.as_str()});
    }
    result
}

/// A rule as a SARIF `reportingDescriptor`.
fn descriptor(m: &RuleMeta) -> Value {
    let help = RuleHelp::new(m);
    let category = m.id.split('/').next().unwrap_or_default();
    json!({
        "id": &*m.id,
        "shortDescription": {"text": m.summary},
        "fullDescription": {"text": m.description},
        "defaultConfiguration": {"level": level(m.severity)},
        "help": {"text": help.text_with_pointer(), "markdown": help.markdown()},
        "properties": {
            "tags": [category],
            "fix": m.fix.map_or("none", Applicability::as_str),
        },
    })
}

/// A relative URI reference for a path as given: `/` separators, no leading `./`, and
/// every byte outside the unreserved set and `/` percent-encoded (so `:` never reads as a
/// scheme). Absolute paths become `file://` URIs.
pub fn path_to_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r;
    }
    let mut uri = String::new();
    if rest.starts_with('/') {
        uri.push_str("file://");
    }
    for &b in rest.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_count_surrogate_pairs_twice() {
        let text = "ab\né😀x\n";
        let index = LineIndex::new(text);
        let mut cursor = Cursor::counting(text, &index, char::len_utf16);
        assert_eq!(cursor.locate(0), (1, 1));
        let x = text.find('x').unwrap();
        assert_eq!(cursor.locate(x), (2, 4));
        assert_eq!(cursor.locate(x + 1), (2, 5));
        // Going back to an earlier line starts over.
        assert_eq!(cursor.locate(1), (1, 2));
    }

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(path_to_uri("./docs/a b.md"), "docs/a%20b.md");
        assert_eq!(path_to_uri("c:d/é.txt"), "c%3Ad/%C3%A9.txt");
        assert_eq!(path_to_uri("/tmp/x.txt"), "file:///tmp/x.txt");
        assert_eq!(path_to_uri("<stdin>"), "%3Cstdin%3E");
    }
}
