//! `encoding/invisible-character`: zero-width character or soft hyphen in text.
//!
//! ## What it does
//!
//! A zero-width space, word joiner, soft hyphen or byte-order mark inside the text, or
//! a zero-width joiner or non-joiner between Latin letters: invisible leftovers of web
//! pages and PDFs that break search, spell checking and word counts.
//!
//! ## Why it matters
//!
//! The safe fix deletes them. Where they do real work they are left alone: joiners next
//! to Arabic, Persian or Indic letters and inside emoji sequences (👩‍💻), zero-width
//! spaces between Thai or CJK letters, and a byte-order mark at the very start of a
//! file.
//!
//! ## Example
//!
//! ```text
//! infor\u{200B}mation
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! information
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::chars::{documented, name, non_latin};
use crate::text::Document;

static INVISIBLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("[\u{AD}\u{200B}-\u{200D}\u{2060}\u{FEFF}]+").expect("valid regex")
});

/// The rule.
pub struct InvisibleCharacter {
    meta: RuleMeta,
}

impl InvisibleCharacter {
    pub fn new() -> Self {
        InvisibleCharacter {
            meta: RuleMeta {
                id: "encoding/invisible-character".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Safe),
                fixes: Fixes::always(Applicability::Safe),
                summary: "zero-width character or soft hyphen in text".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad("infor[\u{200B}]mation", "information")
                        .message("invisible U+200B ZERO WIDTH SPACE inside a word"),
                    Example::bad("a co[\u{AD}]operative", "a cooperative")
                        .message("invisible U+00AD SOFT HYPHEN inside a word"),
                    Example::bad("said [\u{FEFF}]the [\u{200D}]man", "said the man").messages(&[
                        "invisible U+FEFF ZERO WIDTH NO-BREAK SPACE (byte-order mark) in text",
                        "invisible U+200D ZERO WIDTH JOINER in text",
                    ]),
                    Example::good("\u{FEFF}Title"),
                    Example::good("👩\u{200D}💻 and 👨\u{200D}👩\u{200D}👧"),
                    Example::good("می\u{200C}خواهم, क्\u{200D}ष, ภาษา\u{200B}ไทย"),
                ],
            },
        }
    }
}

impl Rule for InvisibleCharacter {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        if text.is_ascii() {
            return;
        }
        for m in INVISIBLE.find_iter(text) {
            let first = m.as_str().chars().next().expect("non-empty match");
            if first == '\u{FEFF}' && m.start() == 0 {
                continue; // a byte-order mark where it belongs
            }
            let prev = text[..m.start()].chars().next_back();
            let next = text[m.end()..].chars().next();
            // Joiners do real work next to emoji and non-Latin letters, and zero-width
            // spaces in Thai, Khmer or CJK text: look at the neighbours and at the letters
            // a few characters around.
            let near = |c: char| non_latin(c) && c.is_alphabetic();
            let foreign = prev.is_some_and(non_latin)
                || next.is_some_and(non_latin)
                || text[..m.start()].chars().rev().take(8).any(near)
                || text[m.end()..].chars().take(8).any(near);
            if foreign || documented(text, m.start(), first) {
                continue;
            }
            let inside =
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            let place = if inside { "inside a word" } else { "in text" };
            let message = format!("invisible {} {place}", name(first));
            let fix = Fix::deletion(Applicability::Safe);
            out.push(self.meta.diagnostic(m.range(), message, Some(fix)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
        crate::checks::findings(&InvisibleCharacter::new(), text)
    }

    #[test]
    fn message_names_the_character() {
        assert_eq!(
            found("infor\u{200B}mation"),
            vec![(
                5..8,
                "invisible U+200B ZERO WIDTH SPACE inside a word".into()
            )]
        );
    }

    #[test]
    fn texts_about_the_character_are_left_alone() {
        assert_eq!(found("0xad \u{AD} SOFT HYPHEN"), vec![]);
    }
}
