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
                    the first. Repeats English uses on purpose or by grammar are left alone \
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
                    Example::good("She had had enough, and said that that was it."),
                    Example::good("What it is is a very very long bye bye."),
                    Example::good("They met in Walla Walla. The, the end."),
                    Example::good("text text text; test test_file; b b; row\trow; end\n\tend"),
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

/// The words of `text`: runs of letters, with inner apostrophes and hyphens.
fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|(_, c)| c.is_alphabetic())?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            let inner = matches!(c, '\'' | '’' | '-')
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
            if c.is_alphabetic() || inner {
                chars.next();
            } else {
                end = i;
                break;
            }
        }
        Some(Word {
            start,
            end,
            text: &text[start..end],
        })
    })
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

impl Rule for DoubledWord {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, text: &str, out: &mut Vec<Diagnostic>) {
        // A sliding window over the words: [before, p, word, next]; nothing else is kept.
        let mut stream = words(text);
        let mut window: [Option<Word>; 4] = [None, None, None, stream.next()];
        loop {
            window.rotate_left(1);
            window[3] = stream.next();
            let [before, Some(p), Some(word), next] = &window else {
                if window[2].is_none() {
                    break;
                }
                continue;
            };
            let gap = &text[p.end..word.start];
            // Spaces and at most one line break; a tab means a table or code.
            let plain_gap = gap.chars().all(|c| c == ' ' || c == '\n' || c == '\r')
                && gap.matches('\n').count() <= 1;
            let lower = word.text.to_lowercase();
            if !plain_gap || p.text.to_lowercase() != lower {
                continue;
            }
            let same_as = |w: Option<&Word>| w.is_some_and(|w| w.text.to_lowercase() == lower);
            let allowed = REPEATABLE.contains(&lower.as_str())
                || (capitalised(p.text) && capitalised(word.text))
                || (lower.chars().count() == 1 && lower != "a")
                || glued_to_code(text, p.start, word.end)
                // Three in a row is deliberate (`text text text`).
                || same_as(before.as_ref())
                || same_as(next.as_ref())
                || (lower == "is"
                    && before
                        .as_ref()
                        .is_some_and(|b| BEFORE_IS_IS.contains(&b.text.to_lowercase().as_str())));
            if allowed {
                continue;
            }
            let fix = Fix {
                replacement: p.text.to_string(),
                applicability: Applicability::Safe,
            };
            out.push(self.meta.diagnostic(
                p.start..word.end,
                format!("word “{}” repeated", word.text),
                Some(fix),
            ));
        }
    }
}

/// Whether the words at `start..end` are part of identifiers or paths (`test test_file`).
fn glued_to_code(text: &str, start: usize, end: usize) -> bool {
    let code = |c: char| c.is_ascii_digit() || "_/\\@#$%=<>{}[]`".contains(c);
    text[..start].chars().next_back().is_some_and(code)
        || text[end..].chars().next().is_some_and(code)
}
