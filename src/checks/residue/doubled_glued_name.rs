//! `residue/doubled-glued-name`: a name written twice with no space between the copies.
//!
//! ## What it does
//!
//! One to four capitalised words followed at once, glued, by the same words
//! (`Stuttgarter ZeitungStuttgarter Zeitung`, `KumamotoKumamoto`): a site's logo copied
//! with its alternative text, or a link's text with its title.
//!
//! ## Why it matters
//!
//! The reader sees the name twice and a word that is none. The copy must repeat exactly,
//! start with a capital right after a lowercase letter, be four letters or more, and end
//! where a word ends. The unsafe fix deletes the second copy.
//!
//! ## Example
//!
//! ```text
//! Daily TribuneDaily Tribune reports that the council met.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! Daily Tribune reports that the council met.
//! ```

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::{Document, Pattern};

/// A lowercase letter glued to a capital: where a second copy may start.
static GLUE: Pattern = Pattern::new(r"\p{Ll}\p{Lu}");

/// The most words a doubled name may have.
const MAX_WORDS: usize = 4;

const MESSAGE: &str = "name written twice and glued (a logo or link text copied with its label)";

pub struct DoubledGluedName {
    meta: RuleMeta,
}

impl DoubledGluedName {
    pub fn new() -> Self {
        DoubledGluedName {
            meta: RuleMeta {
                id: "residue/doubled-glued-name".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "a name written twice with no space between the copies".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "Daily Tribune[Daily Tribune] reports that the council met.",
                        "Daily Tribune reports that the council met.",
                    )
                    .message(MESSAGE),
                    Example::bad("Welcome to Kumamoto[Kumamoto]", "Welcome to Kumamoto")
                        .message(MESSAGE),
                    Example::good("The Daily Tribune reports that the council met."),
                    Example::good("She sang the song AbbaAbbott wrote, and PayPal paid."),
                    Example::good("Walla Walla and Bora Bora are far apart."),
                ],
            },
        }
    }
}

impl Rule for DoubledGluedName {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![GLUE.source()]
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for glue in GLUE.find_iter(text) {
            let at = glue.start() + glue.as_str().chars().next().map_or(1, char::len_utf8);
            if let Some(len) = doubled(text, at) {
                out.push(self.meta.diagnostic(
                    at..at + len,
                    MESSAGE,
                    Some(Fix::deletion(Applicability::Unsafe)),
                ));
            }
        }
    }
}

/// The length of the copy that starts at `at`, when the one to four capitalised words
/// that end there come again from it, up to the end of a word.
fn doubled(text: &str, at: usize) -> Option<usize> {
    let (before, after) = text.split_at(at);
    let mut start = before.len();
    for _ in 0..MAX_WORDS {
        // The word that ends at `start`.
        let word_start = before[..start]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map(|(i, _)| i)?;
        if !before[word_start..].starts_with(char::is_uppercase) {
            return None;
        }
        let name = &before[word_start..];
        if name.chars().count() >= 4
            && after.starts_with(name)
            && !after[name.len()..].starts_with(char::is_alphabetic)
        {
            return Some(name.len());
        }
        // One more word, after a single space.
        if !before[..word_start].ends_with(' ') {
            return None;
        }
        start = word_start - 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_before_the_glue_come_again_after_it() {
        let text = "The Stuttgarter ZeitungStuttgarter Zeitung said so.";
        let at = text.find("ZeitungStuttgarter").unwrap() + "Zeitung".len();
        assert_eq!(doubled(text, at), Some("Stuttgarter Zeitung".len()));
        // Not the same words, or the copy runs on into a longer word.
        let other = "The Stuttgarter ZeitungStuttgart said so.";
        assert_eq!(doubled(other, other.find("gStu").unwrap() + 1), None);
        let longer = "KumamotoKumamotoan";
        assert_eq!(doubled(longer, 8), None);
        // A quote or any other character before the name ends the search.
        let quoted = "“Take TakeThis";
        assert_eq!(doubled(quoted, quoted.find("This").unwrap()), None);
    }
}
