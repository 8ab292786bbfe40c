//! `quotes/unpaired-straight-quote`: straight double quote with no partner.
//!
//! ## What it does
//!
//! A straight `"` that closes a quotation never opened (`altogether now," he said`), or
//! opens one never closed (`the "need to act. The talks`), in a paragraph of straight
//! quotes. Whether a `"` opens or closes is read from its neighbours: after a space and
//! before a word it opens, after a word and before a space or punctuation it closes.
//! A text that keeps a page's paragraphs as the long lines of one paragraph is read line
//! by line.
//!
//! ## Why it matters
//!
//! Machine translation and copy-paste drop one mark of a pair: the half-quotation that
//! is left misleads the reader about who said what. The finding is only made where the
//! paragraph reads unambiguously: every other `"` in it pairs up, none is glued on both
//! sides (`Kuwait"s`, an apostrophe typed as a quote) or spaced on both. A quotation
//! opened in one paragraph and closed a few paragraphs later (a quoted letter, a quote
//! over paragraphs) is not reported, nor one that runs on into a next paragraph that
//! opens with `"` (each paragraph of a long quotation opens, only the last closes), nor
//! one left open in a paragraph that does not end a sentence (a letter's `Yours,`, an
//! excerpt cut off), nor a `"` after a digit with nothing to close (an inch mark, `a 27"
//! screen`). Paragraphs with curly quotes are left to the other quote rules. There is
//! no fix: only a reader knows where the quotation begins or ends.
//!
//! ## Example
//!
//! ```text
//! "We have done nothing yet," he said. The minister should quit now," he added.
//! ```
//!
//! ## Instead
//!
//! ```text
//! "We have done nothing yet," he said. "The minister should quit now," he added.
//! ```

use std::ops::Range;

use crate::checks::spans::lines;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::{Document, Pattern};

static STRAIGHT: Pattern = Pattern::new("\"");

/// A paragraph with a line longer than this is one paragraph per line (scraped text);
/// hard-wrapped prose keeps its lines far shorter.
const LONG_LINE: usize = 100;

/// How many paragraphs a quotation left open may run before the `"` that closes it.
const RUNS_ON: usize = 10;

const STRAY: &str = "straight quote \" closes a quotation that was never opened";
const UNCLOSED: &str = "straight quote \" opens a quotation that is never closed in this paragraph";

pub struct UnpairedStraightQuote {
    meta: RuleMeta,
}

impl UnpairedStraightQuote {
    pub fn new() -> Self {
        UnpairedStraightQuote {
            meta: RuleMeta {
                id: "quotes/unpaired-straight-quote".into(),
                severity: Severity::Warning,
                fix: None,
                fixes: Fixes::NEVER,
                summary: "straight double quote with no partner".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::flagged(
                        "\"We have done nothing yet,\" he said. The minister should quit now,[\"] he added.",
                    )
                    .message(STRAY),
                    Example::flagged("She spoke of the [\"]need to act. The talks resume in May.\n")
                        .message(UNCLOSED),
                    Example::flagged(
                        "The council met on Monday and voted on the budget for the next year, as it does every spring.\nIts leader said it was over now,[\"] and left the room before the end.\n",
                    )
                    .message(STRAY),
                    Example::good("\"We have done nothing yet,\" he said. \"We will.\""),
                    Example::good("\"The first paragraph of a long quotation.\n\n\"The second,\" he said."),
                    Example::good("The letter read: \"Dear Sir, I write to you today.\n\nHe stopped there.\n\nAnd so I remain your friend.\""),
                    Example::good("\"If I may, this letter will be long; but\nI remain yours,\n\nJ. Smith."),
                    Example::good("Kuwait\"s oil minister spoke on Monday."),
                    Example::good("He bought a 27\" screen and a desk."),
                    Example::good("He said “yes,\" and left."),
                ],
            },
        }
    }
}

/// Which way a `"` faces: read from the characters on either side of it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Facing {
    Opens,
    Closes,
    /// Glued on both sides, or spaced on both: the paragraph is not read.
    Unclear,
}

fn facing(prev: Option<char>, next: Option<char>) -> Facing {
    let open_side = prev.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    let close_side = next.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}…—–-".contains(c));
    match (open_side, close_side) {
        (true, false) => Facing::Opens,
        (false, true) => Facing::Closes,
        _ => Facing::Unclear,
    }
}

/// What a unit (a paragraph, or a line of one) leaves unpaired.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Unpaired {
    /// A `"` closing nothing, at this byte offset.
    Stray(usize),
    /// A `"` opening a quotation the unit does not close.
    Open(usize),
}

/// The one `"` of `text[unit]` that pairs with nothing, when the unit reads
/// unambiguously and has exactly one.
fn unpaired(text: &str, unit: Range<usize>) -> Option<Unpaired> {
    let u = &text[unit.clone()];
    if u.matches('"').count() % 2 == 0 || u.contains(['“', '”', '„', '«', '»']) {
        return None;
    }
    let mut open = None;
    let mut found = None;
    for (i, _) in u.match_indices('"') {
        let prev = u[..i].chars().next_back();
        let next = u[i + 1..].chars().next();
        match facing(prev, next) {
            Facing::Unclear => return None,
            Facing::Opens if open.is_some() => return None,
            Facing::Opens => open = Some(i),
            Facing::Closes if open.is_some() => open = None,
            // An inch mark (`27"`) closes nothing and is no quote.
            Facing::Closes if prev.is_some_and(|c| c.is_ascii_digit()) => {}
            Facing::Closes if found.is_some() => return None,
            Facing::Closes => found = Some(Unpaired::Stray(unit.start + i)),
        }
    }
    match (found, open) {
        (Some(_), Some(_)) => None,
        (Some(stray), None) => Some(stray),
        (None, Some(i)) => Some(Unpaired::Open(unit.start + i)),
        (None, None) => None,
    }
}

/// The units of `text`: its paragraphs, and the lines of a paragraph whose lines are
/// paragraphs (one longer than [`LONG_LINE`]).
fn units(text: &str, paragraphs: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for para in paragraphs {
        let p = text[para.clone()].trim_end_matches(['\n', '\r']);
        let lines = || lines(p).map(|line| para.start + line.start..para.start + line.end);
        if p.contains('\n') && lines().any(|line| line.len() > LONG_LINE) {
            out.extend(lines());
        } else {
            out.push(para.start..para.start + p.len());
        }
    }
    out
}

impl Rule for UnpairedStraightQuote {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![STRAIGHT.source()]
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let units = units(text, doc.paragraphs());
        let found: Vec<(usize, Unpaired)> = units
            .iter()
            .enumerate()
            .filter_map(|(n, unit)| Some((n, unpaired(text, unit.clone())?)))
            .collect();
        let mut paired = vec![false; found.len()];
        for k in 0..found.len() {
            // A quotation left open, closed by the next unpaired mark a few units on.
            if let ((n, Unpaired::Open(_)), Some((m, Unpaired::Stray(_)))) =
                (found[k], found.get(k + 1))
            {
                if m - n <= RUNS_ON {
                    paired[k] = true;
                    paired[k + 1] = true;
                }
            }
        }
        for (&(n, finding), _) in found.iter().zip(&paired).filter(|(_, &p)| !p) {
            let (at, message) = match finding {
                Unpaired::Stray(at) => (at, STRAY),
                Unpaired::Open(at) => {
                    let unit = &text[units[n].clone()];
                    let ends_sentence = unit.trim_end().ends_with(['.', '!', '?', '…']);
                    let runs_on = units
                        .get(n + 1)
                        .is_some_and(|next| text[next.clone()].trim_start().starts_with('"'));
                    if !ends_sentence || runs_on {
                        continue;
                    }
                    (at, UNCLOSED)
                }
            };
            out.push(self.meta.diagnostic(at..at + 1, message, None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<Unpaired> {
        let units = units(text, &crate::text::paragraphs(text));
        units
            .into_iter()
            .filter_map(|u| unpaired(text, u))
            .collect()
    }

    #[test]
    fn a_paragraph_that_reads_unambiguously_names_its_one_unpaired_mark() {
        assert_eq!(found("a \"b\" c\" d."), [Unpaired::Stray(7)]);
        assert_eq!(found("a \"b\" \"c d."), [Unpaired::Open(6)]);
        // Two strays, an open quote inside another, or a glued mark: not read.
        assert_eq!(found("a b\" c\" d\" e."), []);
        assert_eq!(found("a \"b \"c\" d."), []);
        assert_eq!(found("a\"b \"c\" d."), []);
    }

    #[test]
    fn long_lines_are_paragraphs_and_wrapped_lines_are_not() {
        let long = "x".repeat(LONG_LINE + 1);
        let text = format!("{long}\nHe said \"yes.\nNo.\n");
        assert_eq!(found(&text), [Unpaired::Open(LONG_LINE + 10)]);
        assert_eq!(found("He said \"yes\nand no.\"\n"), []);
    }
}
