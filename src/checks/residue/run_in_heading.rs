//! `residue/run-in-heading`: a subheading in capitals run into its paragraph.
//!
//! ## What it does
//!
//! A line that opens with two to six words in capitals and goes straight on, after a
//! space, with a sentence (`MEASURES TAKEN The council voted on Monday to close the
//! road.`): the page set the subheading on a line of its own, and the copy or the
//! translation lost the line break.
//!
//! ## Why it matters
//!
//! The reader takes the subheading for the start of the sentence. Only a run of capitals
//! that holds a common English word of four letters or more (`PREVENTIVE`, not an
//! acronym such as `NATO UN`) and does not end in a word that joins it to what follows
//! (`IN MEMORY OF The late captain`) counts, followed by a capitalised word and at least
//! six more words on the line. A dateline is set off with a dash or a comma (`MADRID —
//! The council`) and is not reported. The unsafe fix puts the heading on a paragraph of
//! its own.
//!
//! ## Example
//!
//! ```text
//! MEASURES TAKEN The council voted on Monday to close the road.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! MEASURES TAKEN
//!
//! The council voted on Monday to close the road.
//! ```

use std::ops::Range;

use crate::checks::spans::lines;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::wordlist::is_word;
use crate::text::Document;

/// Words that join a run of capitals to what follows: it is no heading.
const JOINERS: &[&str] = &[
    "OF", "THE", "TO", "AND", "A", "AN", "IN", "FOR", "ON", "AT", "BY", "WITH", "FROM", "OR",
];

/// Where a line that opens with a run of capitals puts it: `heading` spans two to six
/// words in capitals (two letters or more each), and `rest` is where the line goes on
/// with a capitalised word (`The`, `A`) that something follows.
struct RunIn {
    heading: Range<usize>,
    rest: usize,
}

/// The run of capitals that opens `line`, if the line has that shape. Words are what
/// spaces and tabs separate.
fn run_in(line: &str) -> Option<RunIn> {
    let blank = |c: char| c == ' ' || c == '\t';
    let start = line.len() - line.trim_start_matches(blank).len();
    let mut at = start;
    let mut heading = start..start;
    let mut words = 0;
    loop {
        let word_end = line[at..].find(blank).map_or(line.len(), |i| at + i);
        let word = &line[at..word_end];
        let next =
            word_end + (line[word_end..].len() - line[word_end..].trim_start_matches(blank).len());
        if word.chars().count() >= 2 && word.chars().all(char::is_uppercase) {
            words += 1;
            heading.end = word_end;
            if words > 6 || next == word_end {
                return None;
            }
            at = next;
            continue;
        }
        let mut chars = word.chars();
        let sentence =
            chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
        let goes_on = next > word_end && next < line.len();
        return (words >= 2 && sentence && goes_on).then_some(RunIn { heading, rest: at });
    }
}

const MESSAGE: &str = "subheading in capitals run into the paragraph";

pub struct RunInHeading {
    meta: RuleMeta,
}

impl RunInHeading {
    pub fn new() -> Self {
        RunInHeading {
            meta: RuleMeta {
                id: "residue/run-in-heading".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "subheading in capitals run into its paragraph".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "The mayor spoke.\n\n[MEASURES TAKEN ]The council voted on Monday to close the road.\n",
                        "The mayor spoke.\n\nMEASURES TAKEN\n\nThe council voted on Monday to close the road.\n",
                    )
                    .message(MESSAGE),
                    Example::good("MADRID — The council voted on Monday to close the road.\n"),
                    Example::good("NATO UN The council voted on Monday to close the road.\n"),
                    Example::good("SACRED TO THE MEMORY OF The late captain who was lost at sea.\n"),
                    Example::good("MEASURES TAKEN\n\nThe council voted on Monday to close the road.\n"),
                    Example::good("ROAD CLOSED Today only.\n"),
                ],
            },
        }
    }
}

impl Rule for RunInHeading {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for line in lines(text) {
            let Some(run) = run_in(&text[line.clone()]) else {
                continue;
            };
            let heading = &text[line.start + run.heading.start..line.start + run.heading.end];
            let words: Vec<&str> = heading
                .split([' ', '\t'])
                .filter(|w| !w.is_empty())
                .collect();
            let common = words
                .iter()
                .any(|w| w.chars().count() >= 4 && is_word(&w.to_lowercase()));
            let joined = words.last().is_some_and(|w| JOINERS.contains(w));
            let rest = &text[line.start + run.rest..line.end];
            if !common
                || joined
                || rest.split_whitespace().count() < 7
                || text[line.clone()].contains('`')
            {
                continue;
            }
            out.push(self.meta.diagnostic(
                line.start + run.heading.start..line.start + run.rest,
                MESSAGE,
                Some(Fix {
                    replacement: format!("{heading}\n\n"),
                    applicability: Applicability::Unsafe,
                }),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::run_in;

    fn shape(line: &str) -> Option<(&str, &str)> {
        run_in(line).map(|r| (&line[r.heading], &line[r.rest..]))
    }

    #[test]
    fn the_run_of_capitals_is_whole_words_and_the_sentence_goes_on() {
        assert_eq!(
            shape("  NEW MEASURES\tA plan"),
            Some(("NEW MEASURES", "A plan"))
        );
        assert_eq!(
            shape("ÉTAT CIVIL Le maire"),
            Some(("ÉTAT CIVIL", "Le maire"))
        );
        // Six words at most, two letters each, and a word of its own after them.
        assert_eq!(
            shape("AB CD EF GH IJ KL The end"),
            Some(("AB CD EF GH IJ KL", "The end"))
        );
        assert_eq!(shape("AB CD EF GH IJ KL MN The end"), None);
        assert_eq!(shape("NEW A The end"), None);
        assert_eq!(shape("NEW MEASURES The"), None);
        assert_eq!(shape("NEW MEASURES The "), None);
        assert_eq!(shape("NEW NATO's plan"), None);
        assert_eq!(shape("NEW MEASURES The, plan"), None);
        assert_eq!(shape("NEW MEASURES"), None);
        assert_eq!(shape("   "), None);
    }
}
