//! `sentence/lowercase-paragraph-start`: a paragraph of prose that starts with a
//! lowercase word.
//!
//! ## What it does
//!
//! A paragraph whose first word is a common English word in lowercase (`the minister
//! said…`, `presided over the meeting…`), after a paragraph that ended a sentence: the
//! start of the sentence was cut by the translation engine or by the page's layout (a
//! dateline, a bold lead-in or a link that was dropped), or a verb-first source order
//! was kept.
//!
//! ## Why it matters
//!
//! Edited English starts every paragraph with a capital. Only paragraphs of prose are
//! looked at: six words or more that end with a sentence end. Not reported: the first
//! paragraph (an excerpt may start in mid-sentence), list items and headings (their
//! markers are markup), runs of paragraphs in lowercase (a list whose markers were lost),
//! a paragraph that goes on from one that did not end a sentence (a line cut in two, or
//! `as follows:`), a label or term being defined (`note: …`, `mount point: …`), a word written with a
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
        let mut previous_ends_sentence = false;
        let mut previous_lowercase = false;
        for para in doc.paragraphs() {
            let body = &text[para.clone()];
            let trimmed = body.trim_end();
            let ends_sentence = trimmed
                .trim_end_matches(['"', '”', '’', ')', '»', '\u{1}'])
                .ends_with(['.', '!', '?', '…']);
            let lead = body.len() - body.trim_start().len();
            let start = para.start + lead;
            let rest = &text[start..para.end];
            let lowercase = rest.starts_with(|c: char| c.is_ascii_lowercase());
            // A run of paragraphs in lowercase is a list whose markers were lost.
            let after_prose = previous_ends_sentence && !previous_lowercase;
            (previous_ends_sentence, previous_lowercase) = (ends_sentence, lowercase);
            if !(lowercase && after_prose && ends_sentence) {
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
            out.push(self.meta.diagnostic(
                start..start + word_len,
                format!("“{word}” starts a paragraph in lowercase"),
                Some(Fix {
                    replacement: capital,
                    applicability: Applicability::Unsafe,
                }),
            ));
        }
    }
}
