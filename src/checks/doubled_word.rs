//! `typo/doubled-word`: the same word twice in a row (`the the`), also across a line break.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Rule, RuleMeta};

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
                summary: "word repeated".into(),
                description: "The same word twice in a row, separated only by white space \
                    (a line break included): a copy-paste or translation slip. The fix keeps \
                    the first. Only an article, `and` or `of` can never be doubled in \
                    edited English: that repeat is an error with a safe fix. A pronoun \
                    that ends one clause and opens the next (`assure you you are`, `teach \
                    her her place`) is left alone; a preposition or auxiliary that can end \
                    one phrase and open the next (`resorted to to end it`) is reported as \
                    info, any other word as a warning, both with an unsafe fix. Repeats English uses on purpose or by grammar are left alone \
                    (`had had`, `that that`, `what it is is`, `very very`, `bye bye`), and \
                    so are two capitalised words in a row (`Walla Walla`, `Duran Duran`), \
                    a word said three times or more, single letters other than `a`, words \
                    separated by a tab (tables) and parts of identifiers or paths."
                    .into(),
                origin: file!().into(),
                examples: vec![
                    Example::bad("It was the the best plan.", "It was the best plan."),
                    Example::bad("They want to\nto leave.", "They want to leave."),
                    Example::bad("The the report", "The report"),
                    Example::bad("We sold sold the car.", "We sold the car."),
                    Example::good("She had had enough, and said that that was it."),
                    Example::good("What it is is a very very long bye bye."),
                    Example::good("They met in Walla Walla. The, the end."),
                    Example::good("text text text; test test_file; b b; row\trow; end\n\tend"),
                    Example::good("I promise you you will like it, and it may teach her her manners."),
                ],
            },
        }
    }
}

struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// The words of `text`: runs of letters, with inner apostrophes and hyphens. ASCII text
/// takes a byte-wise fast path.
fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    let bytes = text.as_bytes();
    // The length of the letter at `i`, if there is one.
    let letter_at = move |i: usize| -> usize {
        match bytes.get(i) {
            Some(b) if b.is_ascii_alphabetic() => 1,
            Some(&b) if b >= 0x80 => text[i..]
                .chars()
                .next()
                .filter(|c| c.is_alphabetic())
                .map_or(0, char::len_utf8),
            _ => 0,
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            match bytes.get(i) {
                None => return None,
                Some(b) if b.is_ascii_alphabetic() => break,
                Some(&b) if b < 0x80 => i += 1,
                Some(_) if letter_at(i) > 0 => break,
                Some(_) => i += text[i..].chars().next().map_or(1, char::len_utf8),
            }
        }
        let start = i;
        loop {
            while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            }
            let len = match bytes.get(i) {
                Some(b'\'' | b'-') if letter_at(i + 1) > 0 => 1,
                Some(0xE2) if text[i..].starts_with('’') && letter_at(i + 3) > 0 => 3,
                Some(&b) if b >= 0x80 => letter_at(i),
                _ => 0,
            };
            if len == 0 {
                break;
            }
            i += len;
        }
        Some(Word {
            start,
            end: i,
            text: &text[start..i],
        })
    })
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

    fn check(&self, text: &str, out: &mut Vec<Diagnostic>) {
        // Only the two previous words are kept; the next one is read when needed.
        let (mut before, mut prev): (Option<Word>, Option<Word>) = (None, None);
        for word in words(text) {
            if let Some(p) = prev.as_ref().filter(|p| same_word(p.text, word.text)) {
                out.extend(self.repeat(text, before.as_ref(), p, &word));
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
        text: &str,
        before: Option<&Word>,
        p: &Word,
        word: &Word,
    ) -> Option<Diagnostic> {
        // Spaces and at most one line break; a tab means a table or code.
        let gap = &text[p.end..word.start];
        let plain_gap = gap.bytes().all(|b| matches!(b, b' ' | b'\n' | b'\r'))
            && gap.bytes().filter(|&b| b == b'\n').count() <= 1;
        let lower = word.text.to_lowercase();
        let same_as = |w: Option<&Word>| w.is_some_and(|w| w.text.to_lowercase() == lower);
        let allowed = !plain_gap
            || REPEATABLE.contains(&lower.as_str())
            || PRONOUNS.contains(&lower.as_str())
            || (capitalised(p.text) && capitalised(word.text))
            || (lower.chars().count() == 1 && lower != "a")
            || glued_to_code(text, p.start, word.end)
            // Three in a row is deliberate (`text text text`).
            || same_as(before)
            || same_as(words(&text[word.end..]).next().as_ref())
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
            p.start..word.end,
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
