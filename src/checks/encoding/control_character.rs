//! `encoding/control-character`: stray control character.
//!
//! ## What it does
//!
//! A C0 or C1 control character other than tab, line feed, carriage return and form
//! feed: a leftover of terminals, old word processors or a broken conversion (NUL,
//! BELL, BACKSPACE, ESCAPE…).
//!
//! ## Why it matters
//!
//! The safe fix deletes it; an ANSI colour sequence (`ESC[31m`) is deleted whole.
//! U+0001 is not reported (the Markdown mode uses it internally), nor is a C1 control
//! inside a run of garbled characters, which `encoding/mojibake` repairs. Right after a
//! digit it often stands for a sign a conversion lost (`4 1\u{2} per cent` for `4½ per
//! cent`): there the fix is unsafe.
//!
//! ## Example
//!
//! ```text
//! The vote\u{7} passed.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! The vote passed.
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::chars::name;
use crate::text::Document;

// U+0001 is left out: the Markdown prose mask writes it for inline markup.
static CONTROL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\x1B\[[0-9;?]*[A-Za-z]|[\x00\x02-\x08\x0B\x0E-\x1F\x7F\u{80}-\u{9F}]+")
        .expect("valid regex")
});

/// Whether `bytes` may hold a control character this rule reports: C0 controls and DEL
/// by a branch-free scan the compiler vectorises, C1 controls (`C2 80`–`C2 9F`) by a
/// search for their first byte.
fn has_control(bytes: &[u8]) -> bool {
    let c0 = |b: u8| {
        ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C) & (b != 0x01))
            | (b == 0x7F)
    };
    bytes
        .chunks(64)
        .any(|chunk| chunk.iter().fold(false, |hit, &b| hit | c0(b)))
        || memchr::memchr_iter(0xC2, bytes)
            .any(|i| bytes.get(i + 1).is_some_and(|b| (0x80..=0x9F).contains(b)))
}

/// The rule.
pub struct ControlCharacter {
    meta: RuleMeta,
}

impl ControlCharacter {
    pub fn new() -> Self {
        ControlCharacter {
            meta: RuleMeta {
                id: "encoding/control-character".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Safe),
                fixes: Fixes::always(Applicability::Safe).or(Applicability::Unsafe),
                summary: "stray control character".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad("The vote[\u{7}] passed.", "The vote passed.")
                        .message("stray control character U+0007 BELL"),
                    Example::bad("[\u{1B}\\[31m]Error[\u{1B}\\[0m]: none", "Error: none").messages(
                        &[
                            "terminal escape sequence “ESC[31m” in text",
                            "terminal escape sequence “ESC[0m” in text",
                        ],
                    ),
                    Example::bad("a[\u{85}]b and c[\u{0}\u{0}]d", "ab and cd").messages(&[
                        "stray control character U+0085 C1 CONTROL",
                        "stray control character U+0000 NULL",
                    ]),
                    Example::good("Tabs\tand\r\nline feeds\n\u{C}page break"),
                ],
            },
        }
    }
}

impl Rule for ControlCharacter {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        if !has_control(text.as_bytes()) {
            return;
        }
        for m in CONTROL.find_iter(text) {
            let first = m.as_str().chars().next().expect("non-empty match");
            // C1 controls right after other non-ASCII characters are part of
            // mojibake (`â€\u{9D}`), which `encoding/mojibake` reports.
            let prev = text[..m.start()].chars().next_back();
            if !first.is_ascii() && prev.is_some_and(|c| !c.is_ascii()) {
                continue;
            }
            let message = if m.as_str().starts_with("\u{1B}[") {
                format!("terminal escape sequence “ESC{}” in text", &m.as_str()[1..])
            } else {
                format!("stray control character {}", name(first))
            };
            // Glued to a number, a control character often stands for a sign a
            // conversion lost (`4 1\u{2} per cent` for `4½`): deleting it is then no
            // repair, and only a reader can restore the sign.
            let applicability = if prev.is_some_and(|c| c.is_ascii_digit()) {
                Applicability::Unsafe
            } else {
                Applicability::Safe
            };
            let fix = Fix::deletion(applicability);
            out.push(self.meta.diagnostic(m.range(), message, Some(fix)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
        crate::checks::findings(&ControlCharacter::new(), text)
    }

    #[test]
    fn a_control_character_after_a_digit_is_deleted_only_unsafely() {
        let applicability = |text: &str| {
            let mut out = Vec::new();
            ControlCharacter::new().check(&Document::new(text), &mut out);
            out.into_iter()
                .map(|d| (d.span, d.fix.map(|f| f.applicability)))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            applicability("bonds at 4 1\u{2} per cent"),
            vec![(12..13, Some(Applicability::Unsafe))]
        );
        assert_eq!(
            applicability("The vote\u{7} passed."),
            vec![(8..9, Some(Applicability::Safe))]
        );
    }

    #[test]
    fn message_names_the_character() {
        assert_eq!(
            found("vote\u{7}"),
            vec![(4..5, "stray control character U+0007 BELL".into())]
        );
    }

    #[test]
    fn mojibake_and_the_markdown_mask_are_left_alone() {
        // Garbled `”` belongs to encoding/mojibake.
        assert_eq!(found("yesâ€\u{9D}"), vec![]);
        assert_eq!(found("run \u{1}\u{1}\u{1} now"), vec![]);
    }
}
