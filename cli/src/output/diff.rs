//! `--diff`: what `--fix` would change, as unified diffs. The check renders them while it
//! fixes; the reports themselves are not shown.

use std::io;

use codespan_reporting::term::termcolor::WriteColor;

use super::{Emitter, FileReport};

/// The output of `--diff`.
pub struct Diff;

impl Emitter for Diff {
    fn render(&self, _: &mut dyn WriteColor, _: &FileReport) -> io::Result<()> {
        Ok(())
    }
}

/// A unified diff from `old` to `new`, with `a/` and `b/` headers; empty if equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}
