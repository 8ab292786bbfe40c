//! `names/mixed-script`: a Latin word with a lookalike Greek or Cyrillic letter.
//!
//! ## What it does
//!
//! A word of Latin letters with one or more Greek or Cyrillic letters that look the
//! same (`Halvоrsen` with the Cyrillic `а`): left by a transliteration or an input
//! method, invisible to a reader but not to search and spelling.
//!
//! ## Why it matters
//!
//! The unsafe fix writes the Latin letters. Words with Greek or Cyrillic letters that
//! look like no Latin one (`β-blocker`, `αβ`), and words of Greek or Cyrillic alone,
//! are left alone.
//!
//! ## Example
//!
//! ```text
//! Chancellor Halvоrsen spoke.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! Chancellor Halvorsen spoke.
//! ```

use std::ops::Range;

use crate::checks::spans::{tokens, word_core};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::Document;

/// Greek and Cyrillic letters that look like Latin ones, with the Latin letter.
const LOOKALIKES: &[(char, char)] = &[
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('і', 'i'),
    ('ј', 'j'),
    ('ѕ', 's'),
    ('ԁ', 'd'),
    ('һ', 'h'),
    ('ӏ', 'l'),
    ('А', 'A'),
    ('В', 'B'),
    ('Е', 'E'),
    ('К', 'K'),
    ('М', 'M'),
    ('Н', 'H'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Т', 'T'),
    ('Х', 'X'),
    ('І', 'I'),
    ('Ј', 'J'),
    ('Ѕ', 'S'),
    ('ο', 'o'),
    ('α', 'a'),
    ('ι', 'i'),
    ('κ', 'k'),
    ('ν', 'v'),
    ('ρ', 'p'),
    ('υ', 'u'),
    ('Α', 'A'),
    ('Β', 'B'),
    ('Ε', 'E'),
    ('Ζ', 'Z'),
    ('Η', 'H'),
    ('Ι', 'I'),
    ('Κ', 'K'),
    ('Μ', 'M'),
    ('Ν', 'N'),
    ('Ο', 'O'),
    ('Ρ', 'P'),
    ('Τ', 'T'),
    ('Υ', 'Y'),
    ('Χ', 'X'),
];

fn lookalike(c: char) -> Option<char> {
    LOOKALIKES.iter().find(|(g, _)| *g == c).map(|(_, l)| *l)
}

/// Whether `c` is a Greek or Cyrillic letter.
fn foreign(c: char) -> bool {
    matches!(c, '\u{0370}'..='\u{03FF}' | '\u{0400}'..='\u{052F}')
}

pub struct MixedScript {
    meta: RuleMeta,
}

impl MixedScript {
    pub fn new() -> Self {
        MixedScript {
            meta: RuleMeta {
                id: "names/mixed-script".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "a Latin word with a lookalike Greek or Cyrillic letter".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad("Chancellor [Halvоrsen] spoke.", "Chancellor Halvorsen spoke.").message("`Halvоrsen` mixes Latin letters with Greek or Cyrillic lookalikes (`Halvorsen`)"),
                    Example::good("A β-blocker and the Москва river."),
                ],
            },
        }
    }
}

impl Rule for MixedScript {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        if !text.bytes().any(|b| (0xCD..=0xD4).contains(&b)) {
            return;
        }
        for (span, fixed) in find(text) {
            let word = &text[span.clone()];
            let fix = Fix {
                replacement: fixed.clone(),
                applicability: Applicability::Unsafe,
            };
            out.push(self.meta.diagnostic(
                span,
                format!(
                    "`{word}` mixes Latin letters with Greek or Cyrillic lookalikes (`{fixed}`)"
                ),
                Some(fix),
            ));
        }
    }
}

/// Every mixed word: its span and its Latin spelling.
fn find(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    for token in tokens(text) {
        let core = word_core(text, token);
        let word = &text[core.clone()];
        if !word.chars().any(foreign) {
            continue;
        }
        let latin = word
            .chars()
            .filter(|c| c.is_alphabetic() && c.is_ascii())
            .count();
        let mut fixed = String::with_capacity(word.len());
        let mut all_lookalike = true;
        for c in word.chars() {
            if foreign(c) {
                match lookalike(c) {
                    Some(l) => fixed.push(l),
                    None => all_lookalike = false,
                }
            } else {
                fixed.push(c);
            }
        }
        // Mostly Latin, and every foreign letter a lookalike.
        let foreign_count = word.chars().filter(|&c| foreign(c)).count();
        if all_lookalike && latin >= 2 && latin > foreign_count {
            out.push((core, fixed));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookalikes_inside_latin_words() {
        let text = "Halvоrsen and Рutin; Москва, β-blocker, αβ, Cаfé.";
        let found: Vec<(&str, String)> =
            find(text).into_iter().map(|(s, f)| (&text[s], f)).collect();
        assert_eq!(
            found,
            [
                ("Halvоrsen", "Halvorsen".to_string()),
                ("Рutin", "Putin".to_string()),
                ("Cаfé", "Café".to_string()),
            ]
        );
    }
}
