//! Pairs curly double quotes paragraph by paragraph. Three checks read its findings:
//! the rules in `checks/quotes/`.
//!
//! Within a paragraph (lines up to a blank line) every `“` opens and every `”` closes the
//! most recent open quotation. A `“` at the start of a line while quotations from earlier
//! lines are still open starts a new quoted paragraph (the convention for quotes running
//! over several paragraphs), as does an unclosed quotation followed by a paragraph that
//! opens with `“`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::{at_line_start, is_hspace, paragraphs_with};

const OPEN: char = '“';
const CLOSE: char = '”';
const QUOTE_LEN: usize = 3; // both are three bytes in UTF-8

// `str::find` with a set of characters decodes every character; a regex searches for the
// bytes, many times faster.
pub(crate) static CURLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("[“”]").expect("valid regex"));

/// What the scan found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum QuoteFinding {
    /// White space inside a quotation, next to its mark: replace `span` with `replacement`.
    Spacing {
        span: Range<usize>,
        replacement: &'static str,
        message: &'static str,
    },
    /// A `”` that closes nothing. `fix` is `Some` when the right repair is known.
    StrayClosing {
        span: Range<usize>,
        fix: Option<(&'static str, bool)>, // (replacement, safe)
        message: &'static str,
    },
    /// A `“` never closed in its paragraph.
    Unclosed { span: Range<usize> },
    /// A `“` standing where a quotation closes (`the “dream team“ will`, `impact. “, he
    /// said`): `span` (the mark and any space before it) becomes `”`.
    OpeningAsClosing { span: Range<usize> },
}

fn opens_here(prev: Option<char>) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || "([{—–-/‘'".contains(c))
}

/// Close the innermost open quotation; a `”` that opened it is now certainly an opening
/// quote, and its fix becomes safe.
fn close(open: &mut Vec<(usize, Option<usize>)>, out: &mut [QuoteFinding]) {
    if let Some((_, Some(finding))) = open.pop() {
        if let QuoteFinding::StrayClosing {
            fix: Some((_, safe)),
            ..
        } = &mut out[finding]
        {
            *safe = true;
        }
    }
}

/// Scan `text` and report every quote problem, in text order.
pub(crate) fn scan(text: &str) -> Vec<QuoteFinding> {
    let mut out = Vec::new();
    // Only paragraphs with a curly quote need a look.
    for para in paragraphs_with(text, &CURLY) {
        let base = para.start;
        let p = &text[para.clone()];
        // Open quotations: where, and the finding to make safe if it is closed (a `”`
        // used to open).
        let mut open: Vec<(usize, Option<usize>)> = Vec::new();
        // German quotations close with `“`: leave paragraphs that use `„` alone.
        let german = p.contains('„');
        let mut last_close_end: Option<usize> = None;
        for mark in CURLY.find_iter(p) {
            let i = mark.start();
            let c = mark
                .as_str()
                .chars()
                .next()
                .expect("a match is one character");
            let prev = p[..i].chars().next_back();
            let abs = base + i;
            let after = &p[i + c.len_utf8()..];
            let next = after.chars().next();
            match c {
                OPEN => {
                    if !open.is_empty() && at_line_start(p, i) {
                        open.clear();
                    }
                    // Glued to the end of a word and followed by a space or punctuation
                    // (`team“ will`), or alone before a comma or period (`impact. “,`):
                    // with a quotation open, this mark closes it.
                    let ends_word = prev.is_some_and(|c| !opens_here(Some(c)))
                        && next.is_none_or(|c| c.is_whitespace() || ",.;:!?)]…—–".contains(c));
                    let spaced =
                        prev.is_some_and(is_hspace) && next.is_some_and(|c| ",.;:".contains(c));
                    if !open.is_empty() && !german && (ends_word || spaced) {
                        let start = if spaced {
                            base + p[..i].trim_end_matches(is_hspace).len()
                        } else {
                            abs
                        };
                        out.push(QuoteFinding::OpeningAsClosing {
                            span: start..abs + QUOTE_LEN,
                        });
                        close(&mut open, &mut out);
                        last_close_end = Some(abs + QUOTE_LEN);
                        continue;
                    }
                    let ws: usize = after
                        .chars()
                        .take_while(|&c| is_hspace(c))
                        .map(char::len_utf8)
                        .sum();
                    let then = after[ws..].chars().next();
                    if ws > 0 && opens_here(prev) && then.is_some_and(|c| !c.is_whitespace()) {
                        out.push(QuoteFinding::Spacing {
                            span: abs..abs + QUOTE_LEN + ws,
                            replacement: "“",
                            message: "space after an opening quote",
                        });
                    }
                    open.push((abs, None));
                }
                CLOSE => {
                    let before = &p[..i];
                    let trimmed = before.trim_end_matches(is_hspace);
                    let ws_start = base + trimmed.len();
                    let glued_to = trimmed.chars().last();
                    let spaced = ws_start < abs && glued_to.is_some_and(|c| c != '\n');
                    if !open.is_empty() {
                        close(&mut open, &mut out);
                        if spaced {
                            let (replacement, message) = if next.is_some_and(char::is_alphanumeric)
                            {
                                ("” ", "misplaced closing quote: the space belongs after it")
                            } else {
                                ("”", "space before a closing quote")
                            };
                            out.push(QuoteFinding::Spacing {
                                span: ws_start..abs + QUOTE_LEN,
                                replacement,
                                message,
                            });
                        }
                        last_close_end = Some(abs + QUOTE_LEN);
                    } else if let Some(end) =
                        last_close_end.filter(|&e| text[e..abs].chars().all(is_hspace))
                    {
                        out.push(QuoteFinding::StrayClosing {
                            span: end..abs + QUOTE_LEN,
                            fix: Some(("", true)),
                            message: "stray closing quote after a closed quotation",
                        });
                        // A run of strays goes in one pass.
                        last_close_end = Some(abs + QUOTE_LEN);
                    } else if opens_here(prev) && next.is_some_and(char::is_alphanumeric) {
                        out.push(QuoteFinding::StrayClosing {
                            span: abs..abs + QUOTE_LEN,
                            fix: Some(("“", false)),
                            message: "closing quote ” used to open a quotation",
                        });
                        open.push((abs, Some(out.len() - 1)));
                    } else if !prev.is_some_and(|c| c.is_ascii_digit()) {
                        // After a digit, ” is an inch mark (`a 27” screen`).
                        out.push(QuoteFinding::StrayClosing {
                            span: abs..abs + QUOTE_LEN,
                            fix: None,
                            message: "closing quote without an opening quote",
                        });
                    }
                }
                _ => {}
            }
        }
        let next_para_opens = text[para.end..].trim_start().starts_with(OPEN);
        if !next_para_opens {
            // A quotation opened by a `”` is already reported on that mark, as the wrong
            // glyph: one artifact, one finding.
            out.extend(
                open.into_iter()
                    .filter(|(_, stray)| stray.is_none())
                    .map(|(o, _)| QuoteFinding::Unclosed {
                        span: o..o + QUOTE_LEN,
                    }),
            );
        }
    }
    out
}
