//! `--explain ID`: one rule's manual.

use std::io::{self, Write};
use std::path::Path;

use mtlint::{Linter, Rule, Severity};

use super::Fatal;
use crate::output::help::{fix_kind, RuleHelp};

/// Explain the rule `id`; an unknown id is an error.
pub fn run(linter: &Linter, id: &str) -> Result<u8, Fatal> {
    let Some(rule) = linter.rule(id) else {
        let ids = linter.rules().map(|r| &*r.meta().id);
        let help =
            crate::config::did_you_mean(id, ids).map_or(String::new(), |h| format!(" ({h})"));
        return Err(Fatal::Message(format!(
            "unknown rule `{id}` (see --list-rules){help}"
        )));
    };
    explain(&mut super::stdout(), rule, linter.severity_of(rule))?;
    Ok(0)
}

/// Where the rule is defined and how it runs, then its help.
fn explain(out: &mut dyn Write, rule: &dyn Rule, severity: Severity) -> io::Result<()> {
    let m = rule.meta();
    writeln!(out, "{}", m.id)?;
    writeln!(out, "severity: {severity}")?;
    writeln!(out, "fix: {}", fix_kind(m))?;
    writeln!(out, "defined in: {}", Path::new(&m.origin).display())?;
    if !rule.packs().is_empty() {
        let when = if rule.runs_by_default() {
            "also runs without --source-lang"
        } else {
            "runs only with --source-lang"
        };
        writeln!(
            out,
            "source languages: {} ({when})",
            rule.packs().join(", ")
        )?;
    }
    write!(out, "\n{}", RuleHelp::new(m).text())?;
    out.flush()
}
