//! `quotes/mismatched-quote`: quotation opened or closed with the wrong glyph.
//!
//! ## What it does
//!
//! English pairs `“` with `”` and `‘` with `’`.
//!
//! ## Why it matters
//!
//! A quotation of English words opened with the German low quote `„` (closed by `”`,
//! `“` or `"`), closed with a straight `"` after a curly `“`, written the TeX way (```
//! ``like this'' ```), or opened with `‘` and closed with a straight `'`, has a glyph
//! that is wrong: the finding is on that glyph, and the safe fix writes the English
//! one. A German quotation in German marks (its words not English) is left alone, as
//! are apostrophes inside words (`‘rock ’n' roll`, `the boys' toys`), reStructuredText
//! literals (``` ``code`` ```) and guillemets, which the `quotes/*guillemet*` rules
//! handle.
//!
//! ## Example
//!
//! ```text
//! The mayor said: „We stay here” and left.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! The mayor said: “We stay here” and left.
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::quotes::{scan, QuoteFinding};
use crate::text::Document;

/// TeX quotes: two backticks, a short run of text on one line, two apostrophes (or a
/// curly or straight double closing quote).
static TEX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"``((?:[^`'"“”\n]|'[^'`\n]){1,300}?)(''|”|")"#).expect("valid regex")
});

/// A curly single opening quote and what follows it on the line.
static SINGLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"‘([^‘’\n]{1,300})").expect("valid regex"));

/// Triggers: the curly and low double quotes the scan pairs, TeX backticks, `‘`.
const TRIGGERS: &str = "[“”„]|``|‘";

pub struct MismatchedQuote {
    meta: RuleMeta,
}

impl MismatchedQuote {
    pub fn new() -> Self {
        MismatchedQuote {
            meta: RuleMeta {
                id: "quotes/mismatched-quote".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Safe),
                fixes: Fixes::always(Applicability::Safe),
                summary: "quotation opened or closed with the wrong glyph".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "The mayor said: [„]We stay here” and left.",
                        "The mayor said: “We stay here” and left.",
                    )
                    .message("German low quote „ opening an English quotation"),
                    Example::bad(
                        "The mayor said: [„]We stay here.[“] Then he left.",
                        "The mayor said: “We stay here.” Then he left.",
                    )
                    .messages(&[
                        "German low quote „ opening an English quotation",
                        "opening quote “ closing a quotation opened with „",
                    ]),
                    Example::bad(
                        "He called it “a great day for the city[\"] and left.",
                        "He called it “a great day for the city” and left.",
                    )
                    .message("straight quote \" closing a curly quotation"),
                    Example::bad(
                        "He called it [``]a great day[''] and left.",
                        "He called it “a great day” and left.",
                    )
                    .messages(&[
                        "TeX opening quote `` in plain text",
                        "TeX closing quote '' in plain text",
                    ]),
                    Example::bad(
                        "She called it ‘a good start['] and left.",
                        "She called it ‘a good start’ and left.",
                    )
                    .message("straight quote ' closing a quotation opened with ‘"),
                    Example::good("Er sagte: „Wir bleiben hier“ und ging."),
                    Example::good("He called it “a great day” and ‘a good start’."),
                    Example::good("Run ``make`` first, then ``make install``."),
                    Example::good("‘The boys' toys are gone,’ she said."),
                    Example::good("He typed \"yes\" and “no” at once."),
                ],
            },
        }
    }
}

impl Rule for MismatchedQuote {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![TRIGGERS]
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for (span, replacement, message) in find(text) {
            let fix = Fix {
                replacement: replacement.into(),
                applicability: Applicability::Safe,
            };
            out.push(self.meta.diagnostic(span, message, Some(fix)));
        }
    }
}

/// Every wrong glyph: its span, the English glyph and a message.
fn find(text: &str) -> Vec<(Range<usize>, &'static str, &'static str)> {
    let mut found: Vec<_> = scan(text)
        .into_iter()
        .filter_map(|f| match f {
            QuoteFinding::Mismatched {
                span,
                replacement,
                message,
            } => Some((span, replacement, message)),
            _ => None,
        })
        .collect();
    if text.contains("``") {
        for m in TEX.captures_iter(text) {
            let whole = m.get(0).expect("match");
            let close = m.get(2).expect("group");
            // ``code`` (reStructuredText) never ends with ''; a word glued to the
            // backticks is code too (a``b).
            let glued = text[..whole.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            if glued {
                continue;
            }
            found.push((
                whole.start()..whole.start() + 2,
                "“",
                "TeX opening quote `` in plain text",
            ));
            if close.as_str() == "''" || close.as_str() == "\"" {
                found.push((close.range(), "”", "TeX closing quote '' in plain text"));
            }
        }
    }
    if text.contains('‘') {
        for m in SINGLE.captures_iter(text) {
            let inner = m.get(1).expect("group");
            if let Some(at) = straight_close(inner.as_str()) {
                let at = inner.start() + at;
                found.push((
                    at..at + 1,
                    "’",
                    "straight quote ' closing a quotation opened with ‘",
                ));
            }
        }
    }
    found.sort_by_key(|f| f.0.start);
    found.dedup_by_key(|f| f.0.start);
    found
}

/// In the text after a `‘`: the byte offset of a straight `'` that closes it, when no
/// curly `’` closes it later on the line. A `'` between letters (`rock 'n' roll`, `don't`)
/// or after an `s` (`the boys' toys`) is an apostrophe.
fn straight_close(after: &str) -> Option<usize> {
    if after.contains('’') {
        return None;
    }
    let mut prev: Option<char> = None;
    let mut word_start = 0;
    for (i, c) in after.char_indices() {
        if c.is_whitespace() {
            word_start = i + c.len_utf8();
        }
        // `'n'`: an elided word, not a closing quote.
        if c == '\'' && !after[word_start..].starts_with('\'') {
            let next = after[i + 1..].chars().next();
            let closes = prev.is_some_and(|p| !p.is_whitespace() && p != 's' && p != 'S')
                && next.is_none_or(|n| !n.is_alphanumeric());
            if closes {
                return Some(i);
            }
        }
        prev = Some(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(&str, &'static str)> {
        find(text)
            .into_iter()
            .map(|(s, r, _)| (&text[s], r))
            .collect()
    }

    #[test]
    fn the_wrong_glyph_is_reported_not_its_partner() {
        assert_eq!(spans("said: „We stay” and"), [("„", "“")]);
        assert_eq!(spans("said: „We stay.“ Then"), [("„", "“"), ("“", "”")]);
        assert_eq!(spans("it “a great day\" and"), [("\"", "”")]);
        assert_eq!(spans("it ``a great day'' and"), [("``", "“"), ("''", "”")]);
        assert_eq!(spans("it ``a great day” and"), [("``", "“")]);
        assert_eq!(spans("it ‘a start' and"), [("'", "’")]);
    }

    #[test]
    fn foreign_quotations_apostrophes_and_code_are_left_alone() {
        assert!(spans("Er sagte: „Wir bleiben hier“ und ging.").is_empty());
        assert!(spans("Run ``make`` and x``y''.").is_empty());
        assert!(spans("‘The boys' toys,’ she said; ‘rock 'n' roll").is_empty());
        assert!(spans("“Yes,” he said, \"no\".").is_empty());
    }

    #[test]
    fn a_quotation_over_several_paragraphs_is_not_mismatched() {
        let text = "“We stay.\n\n“We go,” he said.\n";
        assert!(spans(text).is_empty(), "{:?}", spans(text));
    }
}
