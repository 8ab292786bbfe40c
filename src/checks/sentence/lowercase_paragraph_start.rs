//! `sentence/lowercase-paragraph-start`: a paragraph of prose that starts with a
//! lowercase word.
//!
//! ## What it does
//!
//! A paragraph whose first word is a common English word in lowercase (`the minister
//! said…`, `presided over the meeting…`), after a paragraph that ended a sentence or a
//! dateline in braces or brackets (`{Paris: Agency}`): the start of the sentence was cut
//! by the translation engine or by the page's layout (a dateline, a bold lead-in or a
//! link that was dropped), or a verb-first source order was kept. After a headline (a
//! line of two to twenty words with no final punctuation) it is information only: some
//! papers set an article's first words in capitals, and a copy may lose them.
//!
//! ## Why it matters
//!
//! Edited English starts every paragraph with a capital. Only paragraphs of prose are
//! looked at: six words or more that end with a sentence end. Not reported: the first
//! paragraph (an excerpt may start in mid-sentence), list items and headings (their
//! markers are markup), a paragraph after a short one in lowercase (forty words or
//! fewer: a list whose markers were lost), a paragraph that goes on from one that did
//! not end a sentence (a line cut in two, `as follows:`, or a line that ends in `the`,
//! `of` or `went on`), a label or term being defined (`note: …`, `mount point: …`), a word written with a
//! capital inside (`iPhone`), code-like first words (`npm`, `x_max`, `foo.bar`) and a
//! name the text writes in lowercase on purpose (see `sentence/lowercase-after-period`).
//! The fix capitalises the word; it is unsafe, because the lost words may be what is
//! missing.
//!
//! ## Example
//!
//! ```text
//! The council met on Monday.
//!
//! the minister spoke first and the vote was held at noon.
//! ```
//!
//! ## Instead
//!
//! The fix gives `The minister spoke first and the vote was held at noon.`

use crate::checks::sentence::lowercase_after_period::is_lowercase_name;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::wordlist::is_word;
use crate::text::Document;

/// How many words a paragraph needs to count as prose.
const MIN_WORDS: usize = 6;

/// A lowercase paragraph of at most this many words may be an item of a list whose
/// markers were lost, so the paragraph after it is not judged.
const LIST_ITEM_WORDS: usize = 40;

/// Words that do not end a headline: a line that ends with one goes on in the next.
const RUNS_ON: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is", "of", "on", "or",
    "than", "that", "the", "to", "was", "were", "which", "who", "with",
];

/// What the paragraph before ended with.
#[derive(Clone, Copy, PartialEq)]
enum Before {
    /// A sentence end, or a dateline in brackets.
    Sentence,
    /// A headline (no final punctuation): the paragraph after it may be a lead-in
    /// that a page's layout set in capitals.
    Headline,
    /// Nothing that closes it (a line cut in two, `as follows:`, a list item), or
    /// there is no paragraph before.
    Nothing,
}

/// Whether `line` (a trimmed paragraph) is a headline: one line of two to twenty words
/// that starts with a capital and ends in a word or a number, not in punctuation or in a
/// word that runs on (`It was late and the road went on`).
fn headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    (2..=20).contains(&words)
        && !line.contains(['\n', '`', crate::text::INLINE_MASK])
        && !line.contains(". ")
        && line.starts_with(|c: char| c.is_uppercase())
        && line.ends_with(|c: char| c.is_alphanumeric())
        && !RUNS_ON.contains(&last)
}

/// Whether `line` is wholly in braces or brackets: a dateline (`{Paris: Agency}`).
fn bracketed(line: &str) -> bool {
    (line.starts_with('{') && line.ends_with('}')) || (line.starts_with('[') && line.ends_with(']'))
}

pub struct LowercaseParagraphStart {
    meta: RuleMeta,
}

impl LowercaseParagraphStart {
    pub fn new() -> Self {
        LowercaseParagraphStart {
            meta: RuleMeta {
                id: "sentence/lowercase-paragraph-start".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "paragraph starts with a lowercase word".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "The council met on Monday.\n\n[the] minister spoke first and the vote was held at noon.\n",
                        "The council met on Monday.\n\nThe minister spoke first and the vote was held at noon.\n",
                    )
                    .message("“the” starts a paragraph in lowercase"),
                    Example::bad(
                        "The session opened.\n\n[presided] over the meeting was the prime minister, who spoke.\n",
                        "The session opened.\n\nPresided over the meeting was the prime minister, who spoke.\n",
                    )
                    .message("“presided” starts a paragraph in lowercase"),
                    Example::bad(
                        "Mayor opens the new bridge over the river\n\n[the] mayor cut the ribbon on Monday morning.\n",
                        "Mayor opens the new bridge over the river\n\nThe mayor cut the ribbon on Monday morning.\n",
                    )
                    .message("“the” starts a paragraph in lowercase"),
                    Example::bad(
                        "{Lima: News Agency}\n\n[met] the ministers on Friday to discuss the budget.\n",
                        "{Lima: News Agency}\n\nMet the ministers on Friday to discuss the budget.\n",
                    )
                    .message("“met” starts a paragraph in lowercase"),
                    Example::good(
                        "The options are these.\n\nthe first runs the build.\n\nthe second runs the tests and then the linter.\n",
                    ),
                    Example::good(
                        "The steps are as follows:\n\nrun the build and then run all of the tests.\n",
                    ),
                    Example::good(
                        "It was late and the road went on\n\nand on, past the farms and the river.\n",
                    ),
                    Example::good(
                        "Options:\n\nin the root; the file is read first.\n\non the media; it is read next.\n\nmount point: where the disk is mounted, as a path.\n",
                    ),
                    Example::good("the text of an excerpt may start in mid-sentence, like this.\n\niPhone sales rose again in the spring, the firm said.\n\nnpm install runs every script in the package.\n\nthe end\n"),
                ],
            },
        }
    }
}

impl Rule for LowercaseParagraphStart {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        // The first paragraph may be an excerpt that starts in mid-sentence.
        let mut previous = Before::Nothing;
        let mut previous_list_item = false;
        for para in doc.paragraphs() {
            let body = &text[para.clone()];
            let trimmed = body.trim();
            let ends_sentence = trimmed
                .trim_end_matches(['"', '”', '’', ')', '»', '\u{1}'])
                .ends_with(['.', '!', '?', '…']);
            let lead = body.len() - body.trim_start().len();
            let start = para.start + lead;
            let rest = &text[start..para.end];
            let lowercase = rest.starts_with(|c: char| c.is_ascii_lowercase());
            // A run of short paragraphs in lowercase is a list whose markers were lost.
            let before = if previous_list_item {
                Before::Nothing
            } else {
                previous
            };
            previous = if ends_sentence || bracketed(trimmed) {
                Before::Sentence
            } else if headline(trimmed) {
                Before::Headline
            } else {
                Before::Nothing
            };
            previous_list_item =
                lowercase && trimmed.split_whitespace().nth(LIST_ITEM_WORDS).is_none();
            if !lowercase || !ends_sentence || before == Before::Nothing {
                continue;
            }
            let word_len = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let word = &rest[..word_len];
            let code_like = rest[word_len..]
                .chars()
                .next()
                .is_some_and(|c| !(c.is_whitespace() || ",;:".contains(c)));
            // `mount point: the place…` is a term being defined, `note:` a label.
            let label = rest.split_whitespace().take(3).any(|w| w.ends_with(':'));
            if code_like
                || label
                || word.chars().any(char::is_uppercase)
                || !is_word(word)
                || rest.split_whitespace().take(MIN_WORDS).count() < MIN_WORDS
                || is_lowercase_name(text, word, start)
            {
                continue;
            }
            let mut capital = word[..1].to_uppercase();
            capital.push_str(&word[1..]);
            let mut d = self.meta.diagnostic(
                start..start + word_len,
                format!("“{word}” starts a paragraph in lowercase"),
                Some(Fix {
                    replacement: capital,
                    applicability: Applicability::Unsafe,
                }),
            );
            if before == Before::Headline {
                d.severity = Severity::Info;
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The severity of each finding, with the word it marks.
    fn severities(text: &str) -> Vec<(String, Severity)> {
        let mut out = Vec::new();
        LowercaseParagraphStart::new().check(&Document::new(text), &mut out);
        out.into_iter()
            .map(|d| (text[d.span].to_string(), d.severity))
            .collect()
    }

    #[test]
    fn after_a_headline_it_is_information_and_after_a_long_paragraph_a_warning() {
        // `while` follows a short lowercase paragraph (a list item, perhaps); `then`
        // follows a long one.
        let long = "word ".repeat(LIST_ITEM_WORDS);
        let text = format!(
            "Storm closes the coast road for two days\n\nthe road was shut at noon on Monday by the police.\n\nwhile {long}end.\n\nthen the rain stopped and the road opened again.\n"
        );
        assert_eq!(
            severities(&text),
            [
                ("the".to_string(), Severity::Info),
                ("then".to_string(), Severity::Warning),
            ]
        );
    }

    #[test]
    fn a_line_that_runs_on_is_no_headline() {
        for line in [
            "It was late and the road went on",
            "See `make` and",
            "Run the tests. Then run",
        ] {
            assert!(!headline(line), "{line}");
        }
        assert!(headline("Storm closes the coast road for 2 days"));
        assert!(bracketed("{Paris: News Agency}") && bracketed("[Rome]"));
    }
}
