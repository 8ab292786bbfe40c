//! The project's vocabulary (`accept` and `reject` in the configuration, Vale's
//! vocabularies): accepted terms are never flagged, rejected ones always are.

pub mod rejected;

use std::ops::Range;

use regex::Regex;

use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// The rules of the vocabulary.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![Box::new(super::suppression::Reported(rejected::meta()))]
}

/// Accepted and rejected terms, each a regex matched as a whole word (not inside a
/// longer word).
#[derive(Debug, Default)]
pub struct Vocabulary {
    accept: Vec<Regex>,
    reject: Vec<Regex>,
}

impl Vocabulary {
    /// Compile the terms; an error names the first that is not a valid regex.
    pub fn new(accept: &[String], reject: &[String]) -> Result<Vocabulary, String> {
        let compile = |terms: &[String]| {
            terms
                .iter()
                .map(|t| Regex::new(t).map_err(|e| format!("`{t}` is not a valid regex: {e}")))
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(Vocabulary {
            accept: compile(accept)?,
            reject: compile(reject)?,
        })
    }

    /// Whether there is nothing to do.
    pub fn is_empty(&self) -> bool {
        self.accept.is_empty() && self.reject.is_empty()
    }

    /// Drop from `found` every finding whose span lies within an accepted term of
    /// `text`, then (if `report_rejected`) add one finding per rejected term.
    pub fn apply(&self, text: &str, found: &mut Vec<Diagnostic>, report_rejected: bool) {
        let accepted: Vec<Range<usize>> = self.accept.iter().flat_map(|r| words(r, text)).collect();
        if !accepted.is_empty() {
            found.retain(|d| {
                !accepted
                    .iter()
                    .any(|a| a.start <= d.span.start && d.span.end <= a.end)
            });
        }
        if report_rejected {
            for r in &self.reject {
                for span in words(r, text) {
                    let message =
                        format!("`{}` is on the project's reject list", &text[span.clone()]);
                    found.push(rejected::meta().diagnostic(span, message, None));
                }
            }
        }
    }
}

/// The non-empty matches of `regex` in `text` that are whole words: no letter or digit
/// touches either end.
fn words<'a>(regex: &'a Regex, text: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
    regex.find_iter(text).map(|m| m.range()).filter(|r| {
        !r.is_empty()
            && !text[..r.start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && !text[r.end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_terms_are_whole_words() {
        let v = Vocabulary::new(&["Bonjour".into()], &[]).unwrap();
        let text = "Bonjour and Bonjourno";
        let spans: Vec<_> = words(&v.accept[0], text).collect();
        assert_eq!(spans, vec![(0..7)]);
        assert!(Vocabulary::new(&["a(".into()], &[])
            .unwrap_err()
            .starts_with("`a(` is not a valid regex"));
    }
}
