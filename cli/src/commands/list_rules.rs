//! `--list-rules` and `--dump-patterns`: the active rules, as a table or as regexes.

use std::io::{self, Write};

use mtlint::Linter;

use super::Fatal;
use crate::args::Format;
use crate::output::help::fix_kind;

/// `--list-rules`: one line per rule (with `--format json`, one JSON object per line:
/// `{"id", "severity", "fix", "packs", "runs_by_default", "summary"}`).
pub fn run(linter: &Linter, format: Format) -> Result<u8, Fatal> {
    crate::output::table_or_json(format, "--list-rules").map_err(Fatal::Message)?;
    let mut out = super::stdout();
    if format == Format::Json {
        for rule in linter.rules() {
            let m = rule.meta();
            let record = serde_json::json!({
                "id": &*m.id,
                "severity": linter.severity_of(rule).as_str(),
                "fix": fix_kind(m),
                "packs": rule.packs().iter().map(|p| &**p).collect::<Vec<_>>(),
                "runs_by_default": rule.runs_by_default(),
                "summary": m.summary,
            });
            serde_json::to_writer(&mut out, &record).map_err(io::Error::from)?;
            writeln!(out)?;
        }
        out.flush()?;
    } else {
        list_rules(&mut out, linter)?;
    }
    Ok(0)
}

/// `--dump-patterns`: the regexes of the active rules, for `rg -f`.
pub fn patterns(linter: &Linter) -> Result<u8, Fatal> {
    dump_patterns(&mut super::stdout(), linter)?;
    Ok(0)
}

/// A rule's packs for `--list-rules`: `-` for none, `fr,es`, and `*` when it runs by
/// default (without `--source-lang`).
fn pack_cell(rule: &dyn mtlint::Rule) -> String {
    let packs = rule.packs();
    if packs.is_empty() {
        return "-".into();
    }
    let mut cell = packs.join(",");
    if rule.runs_by_default() {
        cell.push('*');
    }
    cell
}
fn list_rules(out: &mut dyn Write, linter: &Linter) -> io::Result<()> {
    let width = linter.rules().map(|r| r.meta().id.len()).max().unwrap_or(2);
    let pack_width = linter
        .rules()
        .map(|r| pack_cell(r).len())
        .max()
        .unwrap_or(4);
    writeln!(
        out,
        "{:width$}  {:8}  {:6}  {:pack_width$}  SUMMARY",
        "ID", "SEVERITY", "FIX", "PACK"
    )?;
    for rule in linter.rules() {
        let m = rule.meta();
        writeln!(
            out,
            "{:width$}  {:8}  {:6}  {:pack_width$}  {}",
            m.id,
            linter.severity_of(rule).as_str(),
            fix_kind(m),
            pack_cell(rule),
            m.summary
        )?;
    }
    out.flush()
}
/// The rules' regexes, one per line, for `rg -f` (which joins them into one regex, so
/// capture group names, which would clash, become plain groups).
fn dump_patterns(out: &mut dyn Write, linter: &Linter) -> io::Result<()> {
    let named = regex::Regex::new(r"\(\?P?<[A-Za-z_][A-Za-z0-9_]*>").expect("valid regex");
    let mut patterns: Vec<String> = linter
        .rules()
        .flat_map(|r| r.patterns())
        .map(|p| named.replace_all(p, "(?:").into_owned())
        .collect();
    patterns.sort();
    patterns.dedup();
    for p in patterns {
        writeln!(out, "{p}")?;
    }
    out.flush()
}
