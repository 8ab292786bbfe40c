//! `numbers/ordinal-period`: an ordinal written with a period (`the 20. century`,
//! `on 5. May`), as German, Polish, Czech, Hungarian and the Nordic languages write it.
//!
//! ## What it does
//!
//! Finds a number of one or two digits followed by a period where the period cannot end a
//! sentence: before a month (`on 5. May`), or before a lowercase word in the middle of a
//! sentence (`the 20. century`, `finished in 2. place`), or before a capitalised common
//! English word after a determiner (`the 1. World war`: German capitalises its nouns).
//! Other capitalised words are left alone: `the 3. Liga` and `1. FC Köln` are names, and
//! `in 2. The next year` starts a sentence.
//!
//! ## Why it matters
//!
//! Those languages mark ordinals with a period (`der 1. Weltkrieg`, `am 5. Mai`), and
//! machine translation keeps it. English writes `1st`, `20th` (or spells the ordinal out)
//! and dates without the period (`5 May`, `May 5`). A period after a year (`in 2019.
//! The`), a decimal (`Python 3.7.`) or a numbered list item (`1. Install`) is not
//! reported. The fix is unsafe: `the First World War` may read better than `the 1st
//! World War`.
//!
//! ## Example
//!
//! ```text
//! the 20. century ended on 31. December
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! the 20th century ended on 31 December
//! ```

use std::borrow::Cow;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::wordlist::is_word;
use crate::text::{Document, Pattern};

/// A number of one or two digits, a period, a space and the word after it.
static ORDINAL: Pattern = Pattern::new(r"(?-u:\b)(?P<n>\d{1,2})\.[ \u{A0}](?P<next>\p{L}+)");

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Words that open a clause: capitalised after `2.`, they start a sentence.
const OPENERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "we", "they", "i", "in",
    "on", "at", "and", "but", "or", "so", "then", "there", "his", "her", "its", "our", "their",
    "my", "your", "after", "before", "for", "with", "when", "if", "as", "one",
];

/// A capitalised common English word after a determiner and the number (`the 1. World
/// war`, `their 2. Round`): the noun capitals of German after its ordinal period. A
/// name (`the 3. Liga`, `1. FC`) is not an English word, and a capitalised clause
/// opener after a number (`in 2. The next`) starts a sentence.
fn german_noun(before: &str, next: &str) -> bool {
    let determiner = before
        .trim_end_matches([' ', '\u{A0}'])
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let lower = next.to_lowercase();
    matches!(
        determiner.to_lowercase().as_str(),
        "the" | "its" | "their" | "his" | "her" | "our"
    ) && next.chars().skip(1).all(char::is_lowercase)
        && !OPENERS.contains(&lower.as_str())
        && is_word(&lower)
}

/// `1st`, `2nd`, `3rd`, `4th`, `11th`, `12th`, `13th`, `21st`…
fn ordinal(n: &str) -> String {
    let value: u32 = n.parse().unwrap_or(0);
    let suffix = match (value % 10, value % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{value}{suffix}")
}

/// The rule.
pub struct OrdinalPeriod {
    meta: RuleMeta,
}

impl OrdinalPeriod {
    pub fn new() -> Self {
        OrdinalPeriod {
            meta: RuleMeta {
                id: "numbers/ordinal-period".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "ordinal written with a period (`the 20. century`): English writes `20th`"
                    .into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "the [20.] century ended on [31.] December",
                        "the 20th century ended on 31 December",
                    )
                    .messages(&[
                        "ordinal written with a period: English writes `20th`",
                        "date written with an ordinal period: English writes `31 December`",
                    ]),
                    Example::bad(
                        "she finished in [2.] place for the [11.] time",
                        "she finished in 2nd place for the 11th time",
                    )
                    .messages(&[
                        "ordinal written with a period: English writes `2nd`",
                        "ordinal written with a period: English writes `11th`",
                    ]),
                    Example::good("It ended in 2019. The next year, Python 3.7. was out."),
                    Example::good("1. Install the package.\n2. run it\nThey scored 3. Then 4."),
                    Example::good("the 20th century, on 5 May, chapter 12.3. the end"),
                    Example::good("promoted to the 3. Liga, like 1. FC Köln"),
                    Example::bad("since the [1.] World war", "since the 1st World war")
                        .message("ordinal written with a period: English writes `1st`"),
                    Example::good("we won in 2. The next year their 3. The end"),
                ],
            },
        }
    }
}

impl Rule for OrdinalPeriod {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![ORDINAL.source()]
    }

    /// Every match holds a digit, a period and a space.
    fn required_literals(&self) -> Option<Vec<Cow<'_, [u8]>>> {
        Some(
            (0..10)
                .flat_map(|d| [format!("{d}. "), format!("{d}.\u{A0}")])
                .map(|s| Cow::Owned(s.into_bytes()))
                .collect(),
        )
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for caps in ORDINAL.captures_iter(text) {
            let number = caps.name("n").expect("group n");
            let next = &caps["next"];
            let before = &text[..number.start()];
            // A number inside a word, a decimal or a version (`3.7.`), or a list item at
            // the start of a line is not an ordinal.
            let mut back = before.chars().rev();
            let (space, word) = (back.next(), back.next());
            let after_word = matches!(space, Some(' ' | '\u{A0}'))
                && word.is_some_and(|c| c.is_alphabetic() || c == ',');
            if !after_word {
                continue;
            }
            let month = MONTHS.contains(&next);
            if !(month || next.starts_with(char::is_lowercase) || german_noun(before, next)) {
                continue;
            }
            let span = number.start()..number.end() + 1;
            let (replacement, message) = if month {
                let date = format!("{} {next}", number.as_str());
                (
                    number.as_str().to_string(),
                    format!("date written with an ordinal period: English writes `{date}`"),
                )
            } else {
                let word = ordinal(number.as_str());
                let message = format!("ordinal written with a period: English writes `{word}`");
                (word, message)
            };
            out.push(self.meta.diagnostic(
                span,
                message,
                Some(Fix {
                    replacement,
                    applicability: Applicability::Unsafe,
                }),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ordinal;

    #[test]
    fn suffixes_follow_the_last_digits() {
        let got: Vec<String> = ["1", "2", "3", "4", "11", "12", "13", "21", "22", "23", "30"]
            .iter()
            .map(|n| ordinal(n))
            .collect();
        assert_eq!(
            got,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "30th"]
        );
    }
}
