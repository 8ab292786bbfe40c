//! `residue/repeated-line`: a short standalone line that comes again a few paragraphs on.
//!
//! ## What it does
//!
//! A paragraph of one line and three to thirty words (a headline, a caption, a
//! subheading) that comes again, word for word, as a paragraph of its own two to four
//! paragraphs later: a page copied with its title block or an image's caption taken
//! twice, with a navigation line or a paragraph between the copies. A line of fewer than
//! eight words counts right after itself too (`Villagers welcomed the guests.` twice: a
//! caption taken with its image and again as text).
//!
//! ## Why it matters
//!
//! A reader sees the same line twice within a few lines. Information, with an unsafe fix
//! that deletes the second copy: reference documentation repeats short notes on purpose
//! (`PEP written and implemented by …` below two sections in a row), and lines with a
//! version number (`New in version 3.6.`) are not compared. Adjacent copies of eight
//! words or more are left to `residue/repeated-sentence`, and a copy of the first line to
//! `residue/repeated-headline`; quoted speech, list
//! items, headings, lines ending in a colon (an example's introduction) and lines with
//! code are not compared.
//!
//! ## Example
//!
//! ```text
//! Storm closes the coast road
//!
//! Home | News | Weather
//!
//! Storm closes the coast road
//!
//! The road was closed on Monday.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! Storm closes the coast road
//!
//! Home | News | Weather
//!
//! The road was closed on Monday.
//! ```

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::Document;

pub struct RepeatedLine {
    meta: RuleMeta,
}

const MESSAGE: &str =
    "this line repeats one a few paragraphs above (a headline or caption copied twice)";

impl RepeatedLine {
    pub fn new() -> Self {
        RepeatedLine {
            meta: RuleMeta {
                id: "residue/repeated-line".into(),
                severity: Severity::Info,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "a short standalone line that comes again a few paragraphs on".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "Storm closes the coast road\n\nHome | News | Weather\n\n[Storm closes the coast road\n\n]The road was closed on Monday.",
                        "Storm closes the coast road\n\nHome | News | Weather\n\nThe road was closed on Monday.",
                    )
                    .message(MESSAGE),
                    Example::bad(
                        "Children plant trees in the park.\n\nThe photo shows the school.\n\nThe mayor came too.[\n\nChildren plant trees in the park.]",
                        "Children plant trees in the park.\n\nThe photo shows the school.\n\nThe mayor came too.",
                    )
                    .message(MESSAGE),
                    Example::bad(
                        "The mayor opened the fair.\n\nVillagers welcomed the guests.\n\n[Villagers welcomed the guests.\n\n]The fair lasts a week.",
                        "The mayor opened the fair.\n\nVillagers welcomed the guests.\n\nThe fair lasts a week.",
                    )
                    .message(MESSAGE),
                    Example::good("New in version 3.6.\n\nA.\n\nNew in version 3.6."),
                    Example::good("“It is his.”\n\nHe looked.\n\n“It is his.”"),
                    Example::good("Run it like this:\n\n    make\n\nRun it like this:"),
                    Example::good("- one two three\n\nText.\n\n- one two three"),
                    Example::good("Storm closes the coast road\n\nA\n\nB\n\nC\n\nD\n\nStorm closes the coast road"),
                ],
            },
        }
    }
}

/// Whether `line` (a trimmed paragraph) is compared: one line, three to thirty words,
/// no list, quote, heading or code.
fn compared(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (3..=30).contains(&words)
        && line.len() <= 250
        && !line.contains(['\n', '`'])
        && !line.ends_with(':')
        && line.chars().any(char::is_alphabetic)
        && !version_number(line)
        && !line.starts_with(['-', '*', '+', '>', '|', '#', '“', '"', '‘', '\'', '(', '['])
        && !line
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with(['.', ')'])
}

/// Whether `line` holds a number with a point (`3.11`): release notes (`New in version
/// 3.6.`) repeat on purpose.
fn version_number(line: &str) -> bool {
    let b = line.as_bytes();
    (1..b.len().saturating_sub(1))
        .any(|i| b[i] == b'.' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
}

impl Rule for RepeatedLine {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let paras = doc.paragraphs();
        let line = |i: usize| text[paras[i].clone()].trim();
        for i in 2..paras.len() {
            let copy = line(i);
            // Right after itself only when it is too short for `residue/repeated-sentence`.
            let adjacent = copy.split_whitespace().count()
                < crate::checks::residue::repeated_sentence::MIN_WORDS;
            let last = if adjacent { i } else { i - 1 };
            if !compared(copy) || !(i.saturating_sub(4)..last).any(|j| line(j) == copy) {
                continue;
            }
            // Delete the copy and the blank lines after it, or, for the last paragraph,
            // the blank lines before it.
            let span = match paras.get(i + 1) {
                Some(next) => paras[i].start..next.start,
                None => {
                    let prev = &paras[i - 1];
                    prev.start + text[prev.clone()].trim_end().len()..paras[i].end
                }
            };
            out.push(self.meta.diagnostic(
                span,
                MESSAGE,
                Some(Fix::deletion(Applicability::Unsafe)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_copies_up_to_four_paragraphs_apart() {
        let rule = RepeatedLine::new();
        let run = |t: &str| crate::checks::findings(&rule, t);
        let x = "One two three";
        for gap in 0..5 {
            let mut text = String::from(x);
            for n in 0..gap {
                text.push_str(&format!("\n\nfiller {n}"));
            }
            text.push_str(&format!("\n\n{x}\n\nEnd."));
            let found = run(&text);
            // Gap 0 is a copy of the first line: `residue/repeated-headline`.
            assert_eq!(
                found.len(),
                usize::from((1..=3).contains(&gap)),
                "gap {gap}"
            );
            if let Some((span, _)) = found.first() {
                assert_eq!(&text[span.clone()], "One two three\n\n");
            }
        }
        // Eight words right after themselves are `residue/repeated-sentence`'s.
        let long = "One two three four five six seven eight";
        assert_eq!(run(&format!("Start.\n\n{long}\n\n{long}\n\nEnd.")), []);
        let short = format!("Start.\n\n{x}\n\n{x}");
        let found = run(&short);
        assert_eq!(found.len(), 1);
        assert_eq!(&short[found[0].0.clone()], "\n\nOne two three");
    }
}
