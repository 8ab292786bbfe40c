//! `names/name-around-title`: a name written on both sides of its title.
//!
//! ## What it does
//!
//! A capitalised name, a title in lowercase (with up to two words before it), then the
//! same name again: `Park preliminary candidate Park said`, `Tanaka minister Tanaka`.
//! Korean, Japanese and Chinese put the title after the name (`박 후보`); a translation
//! engine that moves it before the name sometimes keeps the name in both places.
//!
//! ## Why it matters
//!
//! The repeated name reads as a stutter. Titles are a closed list (`candidate`,
//! `minister`, `mayor`, `chairman`, `coach`, …), the words between must be lowercase and
//! the two names identical, so clean prose (`Texans will be Texans`, `Ahab beware of
//! Ahab`) is left alone. The unsafe fix drops the first copy of the name (and
//! capitalises the title when the name opened the sentence).
//!
//! ## Example
//!
//! ```text
//! On Monday, Park preliminary candidate Park visited the market.
//! ```
//!
//! ## Instead
//!
//! ```text
//! On Monday, preliminary candidate Park visited the market.
//! ```

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::document::Word;
use crate::text::{preserve_case, Document};

/// Titles that follow a name in Korean, Japanese and Chinese and precede it in English.
fn is_title(word: &str) -> bool {
    matches!(
        word,
        "candidate"
            | "nominee"
            | "minister"
            | "mayor"
            | "governor"
            | "president"
            | "chairman"
            | "chairwoman"
            | "chairperson"
            | "leader"
            | "representative"
            | "lawmaker"
            | "senator"
            | "assemblyman"
            | "assemblywoman"
            | "secretary"
            | "director"
            | "commissioner"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "ambassador"
            | "prosecutor"
            | "judge"
            | "professor"
            | "coach"
            | "manager"
            | "premier"
            | "councillor"
            | "councilor"
            | "superintendent"
            | "general"
            | "captain"
            | "officer"
    )
}

/// Whether `word` is capitalised: an uppercase letter, then lowercase letters or inner
/// hyphens (`Park`, `Se-hoon`).
fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 2
        && chars.all(|c| c.is_lowercase() || c == '-')
}

pub struct NameAroundTitle {
    meta: RuleMeta,
}

impl NameAroundTitle {
    pub fn new() -> Self {
        NameAroundTitle {
            meta: RuleMeta {
                id: "names/name-around-title".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "a name written on both sides of its title".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::marked(
                        "On Monday, [Park preliminary candidate Park] visited the market.",
                        Some("On Monday, preliminary candidate Park visited the market."),
                    )
                    .message("`Park` is written on both sides of its title: write `preliminary candidate Park`"),
                    Example::marked(
                        "[Tanaka minister Tanaka] spoke first.",
                        Some("Minister Tanaka spoke first."),
                    )
                    .message("`Tanaka` is written on both sides of its title: write `Minister Tanaka`"),
                    Example::good("Texans will be Texans, and Ahab beware of Ahab."),
                    Example::good("Candidate Park met Park supporters. Park, candidate, Park."),
                    Example::good("The Lee family hired Lee Coach Lee; Kim the coach, Kim."),
                ],
            },
        }
    }
}

impl Rule for NameAroundTitle {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let words = doc.words();
        for title in words.iter() {
            let t = title.text;
            if t.len() < 4 || !t.as_bytes()[0].is_ascii_lowercase() || !is_title(t) {
                continue;
            }
            let Some(second) = words.next(&title) else {
                continue;
            };
            let apart = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
                text.get(a.end..b.start) == Some(" ")
            };
            if !capitalised(second.text) || !apart(&title.span, &second.span) {
                continue;
            }
            // The first copy of the name, one to three words back, with only lowercase
            // words between it and the title.
            let mut word = title.clone();
            for _ in 0..3 {
                let Some(before) = words.previous(&word) else {
                    break;
                };
                if !apart(&before.span, &word.span) {
                    break;
                }
                if before.text == second.text {
                    out.push(self.finding(doc, &before, title.span.end, second));
                    break;
                }
                if !before.text.chars().all(char::is_lowercase) {
                    break;
                }
                word = before;
            }
        }
    }
}

impl NameAroundTitle {
    /// The finding for the name's `first` copy, its title ending at `title_end`, and
    /// its `second` copy.
    fn finding(&self, doc: &Document, first: &Word, title_end: usize, second: Word) -> Diagnostic {
        let text = doc.text();
        let name = second.text;
        let start = first.span.start;
        let middle = &text[first.span.end + 1..title_end];
        // The name opened the sentence: the title takes its capital.
        let opens = doc
            .words()
            .sentence_of(first)
            .is_some_and(|i| doc.sentences()[i].start == start);
        let title = if opens {
            preserve_case(name, middle)
        } else {
            middle.to_string()
        };
        let span = start..second.span.end;
        let replacement = format!("{title} {name}");
        let message =
            format!("`{name}` is written on both sides of its title: write `{replacement}`");
        let fix = Fix {
            replacement,
            applicability: Applicability::Unsafe,
        };
        self.meta.diagnostic(span, message, Some(fix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::findings;

    #[test]
    fn the_whole_phrase_is_reported() {
        let text = "Yesterday Kim deputy mayor Kim and Lee chairman Lee met.";
        let rule = NameAroundTitle::new();
        let found = findings(&rule, text);
        let spans: Vec<&str> = found.iter().map(|(s, _)| &text[s.clone()]).collect();
        assert_eq!(spans, ["Kim deputy mayor Kim", "Lee chairman Lee"]);
        assert_eq!(
            found[0].1,
            "`Kim` is written on both sides of its title: write `deputy mayor Kim`"
        );
    }

    #[test]
    fn more_than_two_words_before_the_title_or_a_break_spares_it() {
        let rule = NameAroundTitle::new();
        for text in [
            "Kim the new deputy mayor Kim spoke.",
            "Kim, mayor Kim spoke.",
            "Kim mayor  Kim spoke.",
            "Kim Mayor Kim spoke.",
            "Kim mayor Kimball spoke.",
        ] {
            assert_eq!(findings(&rule, text), [], "{text}");
        }
    }
}
