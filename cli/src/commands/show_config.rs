//! `--show-config PATH`: the settings that apply to a file, and where they come from.

use std::io::{self, Write};
use std::path::Path;

use mtlint::Linter;

use super::Fatal;
use crate::config::{Settings, Workspace};

/// Print the settings for `path`.
pub fn run(workspace: &Workspace, path: &Path) -> Result<u8, Fatal> {
    let settings = workspace.settings(path)?;
    let linter = workspace.linter(&settings)?;
    show_config(&mut super::stdout(), path, &settings, &linter)?;
    Ok(0)
}

/// `--show-config`: the settings that apply to `path`, and where they come from.
fn show_config(out: &mut dyn Write, path: &Path, s: &Settings, linter: &Linter) -> io::Result<()> {
    let list = |items: &[String], empty: &str| {
        if items.is_empty() {
            empty.to_string()
        } else {
            items.join(", ")
        }
    };
    writeln!(out, "file: {}", path.display())?;
    match &s.config {
        Some(config) => writeln!(out, "config: {}", config.display())?,
        None => writeln!(out, "config: none (built-in defaults)")?,
    }
    for (i, paths) in &s.overrides {
        writeln!(out, "override #{}: paths = {}", i + 1, paths.join(", "))?;
    }
    match &s.excluded {
        Some(why) => writeln!(out, "excluded: yes ({why})")?,
        None => writeln!(out, "excluded: no")?,
    }
    writeln!(out, "select: {}", list(&s.select, "all rules"))?;
    writeln!(out, "ignore: {}", list(&s.ignore, "none"))?;
    let severity: Vec<String> = s
        .severity
        .iter()
        .map(|(k, v)| format!("{k} = {v}"))
        .collect();
    writeln!(out, "severity: {}", list(&severity, "as built in"))?;
    writeln!(out, "fail-on: {}", s.fail_on.as_str())?;
    writeln!(out, "extensions: {}", s.extensions.join(", "))?;
    let rules: Vec<String> = s
        .rules
        .iter()
        .map(|r| r.path.display().to_string())
        .collect();
    writeln!(out, "rules: {}", list(&rules, "built-in only"))?;
    writeln!(out, "active rules: {}", linter.rules().count())?;
    out.flush()
}
