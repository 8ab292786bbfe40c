//! `encoding/no-break-space-in-word`: no-break space inside a word.
//!
//! ## What it does
//!
//! A no-break space between two lowercase letters (`infor mation`) usually splits a
//! word in two: a hyphenation or layout leftover.
//!
//! ## Why it matters
//!
//! A no-break space that ties two words on purpose is left alone: after or before a
//! digit or a capital (`10 km`, `Mr. Smith`, `Henry VIII`), or next to a short function
//! word (`of the`, `et al.`). Without a dictionary the two halves cannot be told from
//! two words, so the fix (joining them) is unsafe and the severity is info.
//!
//! ## Example
//!
//! ```text
//! the infor\u{A0}mation desk
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! the information desk
//! ```

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::chars::name;
use crate::text::Document;

/// Short words a no-break space may tie to the next or previous one on purpose.
const TIED_WORDS: &[&str] = &[
    "a", "al", "am", "an", "and", "as", "at", "by", "cf", "de", "did", "do", "du", "e", "et",
    "for", "from", "had", "has", "have", "he", "her", "his", "i", "ie", "if", "in", "is", "it",
    "its", "la", "le", "me", "my", "no", "nor", "not", "of", "on", "or", "our", "p", "pm", "pp",
    "per", "she", "so", "than", "that", "the", "their", "this", "to", "too", "up", "us", "van",
    "vol", "von", "vs", "was", "we", "were", "who", "with", "you", "your",
];

/// The rule.
pub struct NoBreakSpaceInWord {
    meta: RuleMeta,
}

impl NoBreakSpaceInWord {
    pub fn new() -> Self {
        NoBreakSpaceInWord {
            meta: RuleMeta {
                id: "encoding/no-break-space-in-word".into(),
                severity: Severity::Info,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "no-break space inside a word".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad("the infor[\u{A0}]mation desk", "the information desk").message(
                        "U+00A0 NO-BREAK SPACE between “infor” and “mation”: a word split in two?",
                    ),
                    Example::good("10\u{A0}km, Mr.\u{A0}Smith, Henry\u{A0}VIII, page\u{A0}5"),
                    Example::good("one of\u{A0}the best, Smith et\u{A0}al. found"),
                ],
            },
        }
    }
}

impl Rule for NoBreakSpaceInWord {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let bytes = text.as_bytes();
        for at in memchr::memmem::find_iter(bytes, "\u{A0}".as_bytes()) {
            let end = at + '\u{A0}'.len_utf8();
            let left_start = at
                - bytes[..at]
                    .iter()
                    .rev()
                    .take_while(|b| b.is_ascii_lowercase())
                    .count();
            let right_end = end
                + bytes[end..]
                    .iter()
                    .take_while(|b| b.is_ascii_lowercase())
                    .count();
            let (left, right) = (&text[left_start..at], &text[end..right_end]);
            if left.is_empty() || right.is_empty() {
                continue;
            }
            // Only whole words on both sides.
            let before = text[..left_start].chars().next_back();
            let after = text[right_end..].chars().next();
            let glued = |c: Option<char>| {
                c.is_some_and(|c| c.is_alphanumeric() || "\u{A0}_-@/.'’%$\\".contains(c))
            };
            // A lone letter is a word: Czech and Polish tie `v`, `z`, `w` to the next word.
            if glued(before)
                || glued(after)
                || left.len() == 1
                || right.len() == 1
                || TIED_WORDS.contains(&left)
                || TIED_WORDS.contains(&right)
            {
                continue;
            }
            let span = at..end;
            let message = format!(
                "{} between “{left}” and “{right}”: a word split in two?",
                name('\u{A0}')
            );
            let fix = Fix::deletion(Applicability::Unsafe);
            out.push(self.meta.diagnostic(span, message, Some(fix)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
        crate::checks::findings(&NoBreakSpaceInWord::new(), text)
    }

    #[test]
    fn message_names_both_halves() {
        assert_eq!(
            found("an infor\u{A0}mation"),
            vec![(
                8..10,
                "U+00A0 NO-BREAK SPACE between “infor” and “mation”: a word split in two?".into()
            )]
        );
    }
}
