//! `typo/doubled-word`: word repeated.
//!
//! ## What it does
//!
//! The same word twice in a row, separated only by white space (a line break included):
//! a copy-paste or translation slip.
//!
//! ## Why it matters
//!
//! The fix keeps the first. Only an article, `and` or `of` can never be doubled in
//! edited English: that repeat is an error with a safe fix. A pronoun that ends one
//! clause and opens the next (`assure you you are`, `teach her her place`) is left
//! alone; a preposition or auxiliary that can end one phrase and open the next
//! (`resorted to to end it`) is reported as info, any other word as a warning, both
//! with an unsafe fix. Repeats English uses on purpose or by grammar are left
//! alone (`had had`, `that that`, `what it is is`, `very very`, `bye bye`), and so are
//! two capitalised words in a row (`Walla Walla`, `Duran Duran`), a word said three
//! times or more, single letters other than `a`, words separated by a tab (tables) and
//! parts of identifiers or paths.
//!
//! ## Example
//!
//! ```text
//! It was the the best plan.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! It was the best plan.
//! ```

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::document::Word;
use crate::text::Document;

/// Words English repeats on purpose or by grammar (`had had`, `that that`, `very very`).
const REPEATABLE: &[&str] = &[
    "had",
    "that",
    "very",
    "bye",
    "no",
    "so",
    "ha",
    "haha",
    "la",
    "blah",
    "bla",
    "really",
    "yeah",
    "yes",
    "tut",
    "knock",
    "hip",
    "boo",
    "bang",
    "far",
    "long",
    "oh",
    "ah",
    "well",
    "now",
    "there",
    "wait",
    "ho",
    "ta",
    "tsk",
    "cha",
    "chop",
    "tick",
    "hush",
    "hear",
    "pretty",
    "mm",
    "uh",
    "go",
    "come",
    "many",
    "much",
    "more",
    "again",
    "too",
    "never",
    "please",
    "dum",
    "boom",
    "bla",
    "do",
    "pom",
    "yo",
    "ding",
    "dong",
    "choo",
    "quack",
    "woof",
    "bravo",
    "encore",
    "knock-knock",
];

/// Words that can never stand twice in a row in edited English: an article or `and`,
/// `of` cannot end one phrase and open the next. Their repeat is an error with a safe fix.
const NEVER_TWICE: &[&str] = &["the", "a", "an", "and", "of"];

/// Pronouns that end one clause as an object and open the next as its subject or
/// determiner (`assure you you are`, `teach her her place`, `portion of it it is`):
/// their repeat is grammatical, and is left alone.
const PRONOUNS: &[&str] = &[
    "you", "it", "her", "him", "them", "us", "me", "this", "these", "those", "what", "who",
    "which", "here",
];

/// Prepositions and auxiliaries that end one constituent and open the next in
/// grammatical English (`resorted to to avert`, `took in in taxes`): their repeat is
/// only worth a look.
const BOUNDARY: &[&str] = &[
    "to", "in", "on", "at", "by", "for", "from", "with", "up", "out", "off", "over", "down",
    "about", "into", "through", "is", "was", "be", "been", "has", "have", "did", "does", "can",
    "will", "would", "should", "could", "may", "might", "must",
];

/// Words after which `is is` is grammatical (`what it is is`).
const BEFORE_IS_IS: &[&str] = &["it", "this", "that", "what", "which", "thing", "is"];

pub struct DoubledWord {
    meta: RuleMeta,
}

impl DoubledWord {
    pub fn new() -> Self {
        DoubledWord {
            meta: RuleMeta {
                id: "typo/doubled-word".into(),
                severity: Severity::Error,
                fix: Some(Applicability::Safe),
                fixes: Fixes::always(Applicability::Safe).or(Applicability::Unsafe),
                summary: "word repeated".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad("It was [the the] best plan.", "It was the best plan.")
                        .message("word “the” repeated"),
                    Example::bad("They want [to\nto] leave.", "They want to leave.")
                        .message("word “to” repeated"),
                    Example::bad("[The the] report", "The report").message("word “the” repeated"),
                    Example::bad("We [sold sold] the car.", "We sold the car.")
                        .message("word “sold” repeated"),
                    Example::good("She had had enough, and said that that was it."),
                    Example::good("What it is is a very very long bye bye."),
                    Example::good("They met in Walla Walla. The, the end."),
                    Example::good("text text text; test test_file; b b; row\trow; end\n\tend"),
                    Example::good(
                        "I promise you you will like it, and it may teach her her manners.",
                    ),
                ],
            },
        }
    }
}

/// Case-insensitive equality, without allocating.
fn same_word(a: &str, b: &str) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

impl Rule for DoubledWord {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Only the two previous words are kept; the next one is read when needed.
        let (mut before, mut prev): (Option<Word>, Option<Word>) = (None, None);
        for word in doc.words().iter() {
            if let Some(p) = prev.as_ref().filter(|p| same_word(p.text, word.text)) {
                out.extend(self.repeat(doc, before.as_ref(), p, &word));
            }
            before = prev.replace(word);
        }
    }
}

impl DoubledWord {
    /// The diagnostic for `word` repeating `p` (same word, any case), unless the repeat is
    /// deliberate, grammatical or not a repeat in running text.
    fn repeat(
        &self,
        doc: &Document,
        before: Option<&Word>,
        p: &Word,
        word: &Word,
    ) -> Option<Diagnostic> {
        let text = doc.text();
        // Spaces and at most one line break; a tab means a table or code.
        let gap = &text[p.span.end..word.span.start];
        let plain_gap = gap.bytes().all(|b| matches!(b, b' ' | b'\n' | b'\r'))
            && gap.bytes().filter(|&b| b == b'\n').count() <= 1;
        let lower = word.text.to_lowercase();
        let same_as = |w: Option<&Word>| w.is_some_and(|w| w.text.to_lowercase() == lower);
        let allowed = !plain_gap
            || REPEATABLE.contains(&lower.as_str())
            || PRONOUNS.contains(&lower.as_str())
            || (capitalised(p.text) && capitalised(word.text))
            || (lower.chars().count() == 1 && lower != "a")
            || glued_to_code(text, p.span.start, word.span.end)
            // Three in a row is deliberate (`text text text`).
            || same_as(before)
            || same_as(doc.words().next(word).as_ref())
            || (lower == "is"
                && before.is_some_and(|b| BEFORE_IS_IS.contains(&b.text.to_lowercase().as_str())));
        if allowed {
            return None;
        }
        let (severity, applicability) = if NEVER_TWICE.contains(&lower.as_str()) {
            (Severity::Error, Applicability::Safe)
        } else if BOUNDARY.contains(&lower.as_str()) {
            (Severity::Info, Applicability::Unsafe)
        } else {
            (Severity::Warning, Applicability::Unsafe)
        };
        let fix = Fix {
            replacement: p.text.to_string(),
            applicability,
        };
        let mut d = self.meta.diagnostic(
            p.span.start..word.span.end,
            format!("word “{}” repeated", word.text),
            Some(fix),
        );
        d.severity = severity;
        Some(d)
    }
}

/// Whether the words at `start..end` are part of identifiers or paths (`test test_file`).
fn glued_to_code(text: &str, start: usize, end: usize) -> bool {
    let code = |c: char| c.is_ascii_digit() || "_/\\@#$%=<>{}[]`".contains(c);
    text[..start].chars().next_back().is_some_and(code)
        || text[end..].chars().next().is_some_and(code)
}
