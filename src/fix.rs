//! Applying fixes to a text: one non-overlapping pass ([`apply_fixes`]), repeated by
//! [`crate::Linter::fix`] until nothing changes.

use crate::diagnostic::{Applicability, Diagnostic};

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Only fixes marked safe (`--fix`).
    SafeOnly,
    /// Safe and unsafe fixes (`--fix --unsafe-fixes`).
    IncludeUnsafe,
}

impl FixMode {
    /// Whether a fix of this applicability is applied in this mode.
    pub fn allows(self, applicability: Applicability) -> bool {
        applicability == Applicability::Safe || self == FixMode::IncludeUnsafe
    }
}

/// Apply, in one pass, every allowed fix of `diagnostics` that does not overlap an earlier
/// one (by position, then by order in `diagnostics`; an insertion touching another edit
/// counts as overlapping); the rest wait for the next pass. Returns the new text and how many fixes were applied, or `None` when no fix
/// changes anything.
///
/// ```
/// use mtlint::{apply_fixes, Linter, FixMode};
/// let linter = Linter::builtin();
/// let text = "It cost $ 5 .";
/// let diagnostics = linter.lint(text);
/// let (fixed, applied) = apply_fixes(text, &diagnostics, FixMode::SafeOnly).unwrap();
/// assert_eq!(fixed, "It cost $5.");
/// assert_eq!(applied, 2);
/// ```
pub fn apply_fixes(
    text: &str,
    diagnostics: &[Diagnostic],
    mode: FixMode,
) -> Option<(String, usize)> {
    let mut edits: Vec<(usize, &Diagnostic)> = diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| changes_text(text, d, mode))
        .collect();
    edits.sort_by_key(|(order, d)| (d.span.start, d.span.end, *order));
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut applied = 0;
    let mut last_was_insertion = false;
    for (_, d) in edits {
        // Overlapping edits wait for the next pass, and so do an insertion and an edit
        // that touch: which goes first would be a guess.
        let insertion = d.span.is_empty();
        let touching = d.span.start == copied && (insertion || last_was_insertion);
        if applied > 0 && (d.span.start < copied || touching) {
            continue;
        }
        out.push_str(&text[copied..d.span.start]);
        out.push_str(&d.fix.as_ref().expect("filtered above").replacement);
        copied = d.span.end;
        applied += 1;
        last_was_insertion = insertion;
    }
    if applied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some((out, applied))
}

/// Whether `d` has a fix `mode` allows that changes `text`.
pub(crate) fn changes_text(text: &str, d: &Diagnostic, mode: FixMode) -> bool {
    d.fix
        .as_ref()
        .is_some_and(|f| mode.allows(f.applicability) && text[d.span.clone()] != f.replacement)
}
