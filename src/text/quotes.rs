//! Pairs curly double quotes paragraph by paragraph. Three checks read its findings:
//! the rules in `checks/quotes/`.
//!
//! Within a paragraph (lines up to a blank line) every `“` opens and every `”` closes the
//! most recent open quotation. A `“` at the start of a line while quotations from earlier
//! lines are still open starts a new quoted paragraph (the convention for quotes running
//! over several paragraphs), as does an unclosed quotation followed by a paragraph that
//! opens with `“`.
//!
//! Other opening glyphs are paired too, so that a `”` closing them is not reported as
//! stray: `„` (German low quote, closed by `“`, `”` or `"` in English text), `«` (closed by
//! `»` or `”`), and a straight `"` closes an open `“` or `„`. A pair with a glyph English
//! does not use gives a [`QuoteFinding::Mismatched`] finding on the wrong glyph.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::Pattern;
use crate::text::{at_line_start, is_hspace, paragraphs_with};

const OPEN: char = '“';
const CLOSE: char = '”';
const QUOTE_LEN: usize = 3; // both are three bytes in UTF-8

// `str::find` with a set of characters decodes every character; a regex searches for the
// bytes, many times faster.

/// Every glyph the scan pairs (looked for only in paragraphs with a [`TRIGGER`]).
static MARKS: LazyLock<Regex> = LazyLock::new(|| Regex::new("[“”„«»\"]").expect("valid regex"));

/// Paragraphs worth a scan hold one of these.
pub(crate) static TRIGGER: Pattern = Pattern::new("[“”„]");

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
    OpeningAsClosing {
        span: Range<usize>,
        replacement: &'static str,
    },
    /// A quotation opened or closed with a glyph English does not use with its partner
    /// (`„It…”`, `„It…“`, `“It…"`): `span` (the wrong glyph) becomes `replacement`.
    Mismatched {
        span: Range<usize>,
        replacement: &'static str,
        message: &'static str,
    },
}

/// An open quotation: where it opened, the finding to make safe if it is closed (a `”`
/// used to open), and its opening glyph.
struct Open {
    at: usize,
    finding: Option<usize>,
    glyph: char,
}

/// Whether the words between two quote marks read as English (most are common English
/// words): a German quotation in German marks is left alone.
fn english(inner: &str) -> bool {
    let mut words = 0;
    let mut known = 0;
    for w in inner
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if crate::text::wordlist::is_word(&w.to_lowercase()) {
            known += 1;
        }
    }
    words > 0 && known * 3 >= words * 2
}

/// The findings for a `„` pair closed at `close_at`: its opening glyph is wrong in
/// English text.
fn low_opening(text: &str, open: &Open, close_at: usize, out: &mut Vec<QuoteFinding>) {
    if open.glyph == '„' && english(&text[open.at + QUOTE_LEN..close_at]) {
        out.push(QuoteFinding::Mismatched {
            span: open.at..open.at + QUOTE_LEN,
            replacement: "“",
            message: "German low quote „ opening an English quotation",
        });
    }
}

fn opens_here(prev: Option<char>) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || "([{—–-/‘'".contains(c))
}

/// Close the innermost open quotation; a `”` that opened it is now certainly an opening
/// quote, and its fix becomes safe.
fn close(open: &mut Vec<Open>, out: &mut [QuoteFinding]) {
    if let Some(Open {
        finding: Some(finding),
        ..
    }) = open.pop()
    {
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
    for para in paragraphs_with(text, &TRIGGER) {
        let base = para.start;
        let p = &text[para.clone()];
        // Open quotations: where, and the finding to make safe if it is closed (a `”`
        // used to open).
        let mut open: Vec<Open> = Vec::new();
        let mut last_close_end: Option<usize> = None;
        for mark in MARKS.find_iter(p) {
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
            let top = open.last().map(|o| o.glyph);
            match c {
                '„' | '«' => open.push(Open {
                    at: abs,
                    finding: None,
                    glyph: c,
                }),
                '»' if top == Some('«') => {
                    open.pop();
                }
                '"' => {
                    // A straight quote closing a curly or low one (`“It…"`).
                    // Not when a `”` closes the quotation later (`“"def"”`: straight
                    // quotes nested in curly ones).
                    // Looked at only where the mark could close (one search, up to the
                    // next curly mark).
                    let closes = matches!(top, Some(OPEN | '„'))
                        && prev.is_some_and(|c| !c.is_whitespace())
                        && next.is_none_or(|c| !c.is_alphanumeric())
                        && after
                            .find([CLOSE, OPEN])
                            .is_none_or(|at| !after[at..].starts_with(CLOSE));
                    if let Some(o) = open.last().filter(|_| closes) {
                        if matches!(o.glyph, OPEN | '„') && english(&text[o.at + QUOTE_LEN..abs])
                        {
                            low_opening(text, o, abs, &mut out);
                            out.push(QuoteFinding::Mismatched {
                                span: abs..abs + 1,
                                replacement: "”",
                                message: "straight quote \" closing a curly quotation",
                            });
                        }
                        if matches!(o.glyph, OPEN | '„') {
                            close(&mut open, &mut out);
                            last_close_end = Some(abs + 1);
                        }
                    }
                }
                OPEN if top == Some('„') => {
                    // German style, `„…“`: in English text both glyphs are wrong.
                    let o = open.last().expect("a quotation is open");
                    if english(&text[o.at + QUOTE_LEN..abs]) {
                        low_opening(text, o, abs, &mut out);
                        out.push(QuoteFinding::Mismatched {
                            span: abs..abs + QUOTE_LEN,
                            replacement: "”",
                            message: "opening quote “ closing a quotation opened with „",
                        });
                    }
                    close(&mut open, &mut out);
                    last_close_end = Some(abs + QUOTE_LEN);
                }
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
                    // After a comma or a stop and its space, before a lowercase word, with
                    // no `”` left in the paragraph (`victory, “the manager said`): English
                    // double quotes do not nest, so this mark closes the open one.
                    let before = p[..i].trim_end_matches(is_hspace);
                    let tagged = prev.is_some_and(is_hspace)
                        && before.ends_with([',', '.', '!', '?', '…'])
                        && next.is_some_and(char::is_lowercase)
                        && !after.contains(CLOSE);
                    if !open.is_empty() && (ends_word || spaced || tagged) {
                        let start = if spaced || tagged {
                            base + before.len()
                        } else {
                            abs
                        };
                        out.push(QuoteFinding::OpeningAsClosing {
                            span: start..abs + QUOTE_LEN,
                            replacement: if tagged { "” " } else { "”" },
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
                    open.push(Open {
                        at: abs,
                        finding: None,
                        glyph: OPEN,
                    });
                }
                CLOSE => {
                    let before = &p[..i];
                    let trimmed = before.trim_end_matches(is_hspace);
                    let ws_start = base + trimmed.len();
                    let glued_to = trimmed.chars().last();
                    let spaced = ws_start < abs && glued_to.is_some_and(|c| c != '\n');
                    if let Some(o) = open.last() {
                        low_opening(text, o, abs, &mut out);
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
                        open.push(Open {
                            at: abs,
                            finding: Some(out.len() - 1),
                            glyph: OPEN,
                        });
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
        // The last paragraph of a text that stops mid-sentence: the text is an excerpt,
        // and whether the quotation closes cannot be known.
        let cut_off = para.end == text.len()
            && !p
                .trim_end()
                .ends_with(['.', '!', '?', '…', CLOSE, '"', '’', ')', ':']);
        if !next_para_opens && !cut_off {
            // A quotation opened by a `”` is already reported on that mark, as the wrong
            // glyph: one artifact, one finding.
            out.extend(
                open.into_iter()
                    .filter(|o| o.glyph == OPEN && o.finding.is_none())
                    .map(|o| QuoteFinding::Unclosed {
                        span: o.at..o.at + QUOTE_LEN,
                    }),
            );
        }
    }
    out
}
