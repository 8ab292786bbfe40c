//! `calque/of-genitive`: “X of Y” where English says the compound “Y X”.
//!
//! ## What it does
//!
//! A noun, `of` and a bare noun where English puts the second noun first as a compound
//! (`a match of tennis` → `a tennis match`, `the campaign of vaccination` → `the
//! vaccination campaign`): the Romance-language genitive translated word for word.
//!
//! ## Why it matters
//!
//! It fires when CMU's English 3-gram model (`crate::knowledge::compound`) finds the
//! compound at least 10^3.5 times more probable than the phrase with `of`. Quiet where
//! the `of` phrase is idiomatic (`the price of oil`, `a cup of tea`), where the second
//! noun has an article or is a name (`the city of Paris`), is an adjective (`nations of
//! western Europe`) or starts a longer compound (`a match of tennis players`). The fix
//! swaps the nouns and adjusts `a`/`an`; it is unsafe because the model is only
//! evidence.
//!
//! ## Example
//!
//! ```text
//! We bought a ticket of train.
//! ```
//!
//! ## Instead
//!
//! ```text
//! We bought a train ticket.
//! ```

use std::borrow::Cow;
use std::ops::Range;

#[cfg(test)]
use super::words;
use super::{function_word, joined, lower_ascii, words_in, Word};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::knowledge::{compound, pos};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::Document;

/// How many log10 units more probable "Y X" must be than "X of Y". Calibrated on 1.2M
/// words of clean English (see the README): at 3.5 it flags about one phrase in
/// 80,000 words there, most of them old-fashioned but correct ("system of
/// classification"), hence `info`.
const MARGIN: f32 = 3.5;

pub struct OfGenitive {
    meta: RuleMeta,
}

/// One finding: the span to replace and its replacement.
#[derive(Debug, PartialEq)]
pub struct Finding {
    pub span: Range<usize>,
    pub phrase: String,
    pub compound: String,
}

impl OfGenitive {
    pub fn new() -> Self {
        OfGenitive {
            meta: RuleMeta {
                id: "calque/of-genitive".into(),
                severity: Severity::Info,
                fix: Some(Applicability::Unsafe),
                summary: "“X of Y” where English says the compound “Y X”".into(),
                description: crate::checks::description(file!()),
                fixes: Fixes::always(Applicability::Unsafe),
                origin: file!().into(),
                examples: vec![
                    Example::bad("We bought a [ticket of train].", "We bought a train ticket.")
                        .message("“ticket of train” reads as a word-for-word calque: English says “train ticket”"),
                    Example::bad(
                        "The [campaign of vaccination] starts today.",
                        "The vaccination campaign starts today.",
                    )
                    .message("“campaign of vaccination” reads as a word-for-word calque: English says “vaccination campaign”"),
                    Example::bad("a [match of tennis]", "a tennis match")
                        .message("“match of tennis” reads as a word-for-word calque: English says “tennis match”"),
                    Example::bad("She lost her [card of credit].", "She lost her credit card.")
                        .message("“card of credit” reads as a word-for-word calque: English says “credit card”"),
                    Example::good("The price of oil rose; the minister of health spoke."),
                    Example::good("We toured the city of Paris with a cup of tea."),
                    Example::good("It was a piece of cake, the history of art."),
                    Example::good("She met a group of tennis players."),
                ],
            },
        }
    }
}

/// Every "X of Y" in `text` (split into `words`) that English says as "Y X".
pub fn find(text: &str, words: &[Word]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        // The trigger: the word `of`, nothing costlier.
        if w.text(text) != "of" || i == 0 || i + 1 >= words.len() {
            continue;
        }
        let (x, y) = (&words[i - 1], &words[i + 1]);
        if !joined(text, x, w) || !joined(text, w, y) {
            continue;
        }
        let (xt, yt) = (x.text(text), y.text(text));
        // The table holds nouns of three letters or more, no function words (`of the`).
        if yt.len() < 3 || xt.len() < 3 || !lower_ascii(yt) || function_word(yt) {
            continue;
        }
        let capital = !lower_ascii(xt);
        if capital
            && !(xt.as_bytes()[0].is_ascii_uppercase()
                && lower_ascii(&xt[1..])
                && sentence_start(text, x.start))
        {
            continue;
        }
        let x_lower = if capital {
            Cow::Owned(xt.to_ascii_lowercase())
        } else {
            Cow::Borrowed(xt)
        };
        let next = words.get(i + 2).filter(|n| joined(text, y, n));
        if next.is_some_and(|n| !lower_ascii(n.text(text))) {
            continue;
        }
        if !compound::margin(&x_lower, yt).is_some_and(|m| m >= MARGIN) {
            continue;
        }
        // `a match of tennis players`: Y modifies what follows (a word that can only
        // be a noun; `starts` may be a verb).
        if next.is_some_and(|n| pos::of(n.text(text)) == pos::NOUN && !function_word(n.text(text)))
        {
            continue;
        }
        let mut start = x.start;
        let mut compound = if capital {
            format!("{}{} {x_lower}", yt[..1].to_ascii_uppercase(), &yt[1..])
        } else {
            format!("{yt} {x_lower}")
        };
        // `an order of purchase` → `a purchase order`.
        if let Some(article) = i
            .checked_sub(2)
            .map(|j| &words[j])
            .filter(|a| joined(text, a, x))
        {
            if let Some(fixed) = corrected_article(article.text(text), yt) {
                start = article.start;
                compound = format!("{fixed} {compound}");
            }
        }
        out.push(Finding {
            span: start..y.end,
            phrase: format!("{xt} of {yt}"),
            compound,
        });
    }
    out
}

/// How far around an `of` the words that decide a finding can reach, in bytes.
const REACH: usize = 96;

/// The whole words within about [`REACH`] bytes of the `of` at byte `of`.
fn window(text: &str, of: usize) -> Range<usize> {
    let mut start = of.saturating_sub(REACH);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    // Skip the word the cut may have split.
    if start > 0 {
        start = text[start..of]
            .find(char::is_whitespace)
            .map_or(of, |i| start + i);
    }
    let mut end = (of + REACH).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < text.len() {
        end = text[of..end]
            .rfind(char::is_whitespace)
            .map_or(end, |i| of + i);
    }
    start..end
}

/// Whether the word at `start` begins a sentence (or the text).
fn sentence_start(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '"', '“', '‘', '(', '\'']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n'])
}

/// The article to write instead of `article` (`a`, `an`, `A`, `An`) before `word`, if
/// it must change (`an` → `a` before `purchase`); `None` for any other word.
pub(crate) fn corrected_article(article: &str, word: &str) -> Option<&'static str> {
    let an = starts_with_vowel_sound(word);
    match article {
        "a" if an => Some("an"),
        "an" if !an => Some("a"),
        "A" if an => Some("An"),
        "An" if !an => Some("A"),
        _ => None,
    }
}

/// A rough test for `an`: a vowel letter, except the `yoo` and `wu` sounds.
pub(crate) fn starts_with_vowel_sound(word: &str) -> bool {
    let w = word.as_bytes();
    match w.first() {
        Some(b'a' | b'e' | b'i' | b'o') => !word.starts_with("one") && !word.starts_with("eu"),
        Some(b'u') => !["uni", "use", "usu", "ura", "ure", "uti"]
            .iter()
            .any(|p| word.starts_with(p)),
        Some(b'h') => ["hour", "honest", "honor", "honour", "heir"]
            .iter()
            .any(|p| word.starts_with(p)),
        _ => false,
    }
}

impl Rule for OfGenitive {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn required_literals(&self) -> Option<Vec<Cow<'_, [u8]>>> {
        Some(vec![Cow::Borrowed(b" of ")])
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        // Only the words around each ` of ` matter: split just those windows, and keep
        // from each window the finding at its own `of`.
        let mut found = Vec::new();
        for at in memchr::memmem::find_iter(text.as_bytes(), b" of ") {
            let of = at + 1;
            let window = window(text, of);
            found.extend(
                find(text, &words_in(text, window))
                    .into_iter()
                    .filter(|f| f.span.contains(&of)),
            );
        }
        for f in found {
            let message = format!(
                "“{}” reads as a word-for-word calque: English says “{}”",
                f.phrase, f.compound
            );
            let fix = Fix {
                replacement: f.compound,
                applicability: Applicability::Unsafe,
            };
            out.push(self.meta.diagnostic(f.span, message, Some(fix)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(Range<usize>, String)> {
        find(text, &words(text))
            .into_iter()
            .map(|f| (f.span, f.compound))
            .collect()
    }

    #[test]
    fn spans_and_fixes() {
        assert_eq!(
            run("Tickets of train are sold here."),
            [(0..16, "Train tickets".to_string())]
        );
        assert_eq!(
            run("We bought a ticket of train."),
            [(12..27, "train ticket".to_string())]
        );
        assert_eq!(run("a ticket  of train"), []);
        assert_eq!(run("the ticket of the train"), []);
        assert_eq!(run("Paris Tickets of train"), []);
    }

    #[test]
    fn windows_report_each_finding_once() {
        let text = "I lost a ticket of train and a card of credit.";
        let mut out = Vec::new();
        OfGenitive::new().check(&Document::new(text), &mut out);
        let got: Vec<_> = out.iter().map(|d| d.span.clone()).collect();
        assert_eq!(got, [9..24, 31..45]);
        let long = format!("{} card of credit {}", "x".repeat(200), "y".repeat(200));
        let mut out = Vec::new();
        OfGenitive::new().check(&Document::new(&long), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(&long[out[0].span.clone()], "card of credit");
    }

    #[test]
    fn article_follows_the_new_first_word() {
        assert!(starts_with_vowel_sound("airline"));
        assert!(starts_with_vowel_sound("hour"));
        assert!(!starts_with_vowel_sound("university"));
        assert!(!starts_with_vowel_sound("train"));
    }
}
