//! `names/name-variant`: a name spelled two ways in the same text.
//!
//! ## What it does
//!
//! Machine translation garbles names: a letter changed, dropped or added inside a
//! surname (`Halvorsen`, then `Hilvorsen`).
//!
//! ## Why it matters
//!
//! A capitalised word of six letters or more that is not a common word, written
//! elsewhere in the text with one letter different inside it (not the first or the last
//! two letters: `Serbia`/`Serbian`, `Americas`/`Americans` and plurals are different
//! words; nor a doubled letter, `Philip`/`Phillip`), is reported where it is the rarer
//! spelling, as information: two people may be called `Hansen` and `Hanson`, and clean
//! prose names `Colombia` and `Columbia` in one text. A shorter name counts too, where
//! the same particle or first name stands before both spellings, or the same surname
//! after them (`Eric van der Burgh`, then `van der Burg`; `Carl Nehammer`, then `Karl
//! Nehammer`), with the letter anywhere, a doubled one too: the neighbour says it is the
//! same person. Where the two are written as often, both are reported. No fix: which spelling is right is for the editor
//! to say.
//!
//! ## Example
//!
//! ```text
//! Halvorsen spoke first. Then Halvorsen left, and Hilvorsen said no.
//! ```
//!
//! ## Instead
//!
//! There is no automatic fix: an editor decides the repair.

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::wordlist::is_word;
use crate::text::Document;

/// Every capitalised run of six letters or more (a capital, then five lowercase letters
/// or more, as long as it goes), left to right. Scanned by hand: the regex of it
/// (`\p{Lu}\p{Ll}{5,}`) took half a millisecond to compile, in every run.
fn capitalised_words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((start, c)) = chars.next() {
            if !c.is_uppercase() {
                continue;
            }
            let (mut end, mut lower) = (start + c.len_utf8(), 0);
            while let Some(&(at, next)) = chars.peek().filter(|(_, next)| next.is_lowercase()) {
                end = at + next.len_utf8();
                lower += 1;
                chars.next();
            }
            if lower >= 5 {
                return Some(start..end);
            }
        }
        None
    })
}

pub struct NameVariant {
    meta: RuleMeta,
}

impl NameVariant {
    pub fn new() -> Self {
        NameVariant {
            meta: RuleMeta {
                id: "names/name-variant".into(),
                severity: Severity::Info,
                fix: None,
                fixes: Fixes::NEVER,
                summary: "a name spelled two ways in the same text".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::flagged(
                        "Halvorsen spoke first. Then Halvorsen left, and [Hilvorsen] said no.",
                    )
                    .message("`Hilvorsen` is spelled `Halvorsen` elsewhere in the text"),
                    Example::good("Serbia and the Serbian envoy; Korea and the Koreans."),
                    Example::good("Halvorsen spoke first. Then Halvorsen left."),
                ],
            },
        }
    }
}

impl Rule for NameVariant {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for (span, other, _certain) in all(doc) {
            let word = &text[span.clone()];
            let d = self.meta.diagnostic(
                span.clone(),
                format!("`{word}` is spelled `{other}` elsewhere in the text"),
                None,
            );
            out.push(d);
        }
    }
}

/// Whether `word` may be a name: a capital, then six or more lowercase letters in all,
/// not a common word.
fn name_like(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && word.chars().count() >= 6
        && !is_word(&word.to_lowercase())
}

/// Whether `a` and `b` differ by one letter inside the word (not the first or last).
fn inner_variant(a: &str, b: &str) -> bool {
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if ca.len().abs_diff(cb.len()) > 1 || ca[0] != cb[0] || ca.last() != cb.last() {
        return false;
    }
    if strsim::levenshtein(a, b) != 1 {
        return false;
    }
    // The edit must not be at the end, nor a doubled letter (`Philip`/`Phillip`).
    let prefix = ca.iter().zip(&cb).take_while(|(x, y)| x == y).count();
    let suffix = ca
        .iter()
        .rev()
        .zip(cb.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let doubled = ca.len() != cb.len() && {
        let long = if ca.len() > cb.len() { &ca } else { &cb };
        let at = prefix.min(long.len() - 1);
        (at > 0 && long[at] == long[at - 1]) || long.get(at + 1) == Some(&long[at])
    };
    // Nor in the last two letters (`Americas`/`Americans`, `Englishman`/`Englishmen`).
    prefix >= 1 && suffix >= 2 && !doubled
}

/// Whether `a` and `b` differ only by an accent (`Rodriguez`/`Rodríguez`).
fn accent_only(a: &str, b: &str) -> bool {
    let base = |c: char| match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        _ => c,
    };
    a.chars().count() == b.chars().count() && a.chars().map(base).eq(b.chars().map(base))
}

/// Every rarer spelling: its span, the other spelling, and whether it is near-certain.
fn find(text: &str) -> Vec<(Range<usize>, String, bool)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut spans: Vec<Range<usize>> = Vec::new();
    for core in capitalised_words(text) {
        let word = &text[core.clone()];
        // A whole word: no letter glued before or after.
        let glued = text[..core.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
            || text[core.end..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
        if !glued && name_like(word) {
            *counts.entry(word).or_default() += 1;
            spans.push(core);
        }
    }
    let mut forms: Vec<(&str, usize)> = counts.iter().map(|(w, n)| (*w, *n)).collect();
    forms.sort();
    // The rarer spelling of each pair, with the more frequent one.
    let mut rarer: HashMap<&str, (&str, usize, usize)> = HashMap::new();
    for (i, &(a, na)) in forms.iter().enumerate() {
        for &(b, nb) in &forms[i + 1..] {
            if !a.starts_with(b.chars().next().unwrap_or(' ')) {
                continue;
            }
            if na != nb && inner_variant(a, b) {
                let (rare, nr, common, nc) = if na < nb {
                    (a, na, b, nb)
                } else {
                    (b, nb, a, na)
                };
                rarer.insert(rare, (common, nc, nr));
            }
        }
    }
    spans
        .into_iter()
        .filter_map(|span| {
            let word = &text[span.clone()];
            let (common, nc, nr) = rarer.get(word)?;
            let certain = *nc >= 3 && *nr == 1 && !accent_only(word, common);
            Some((span, common.to_string(), certain))
        })
        .collect()
}

/// The findings of [`find`] and of [`anchored`], in text order, one per word.
fn all(doc: &Document) -> Vec<(Range<usize>, String, bool)> {
    let mut out = find(doc.text());
    for found in anchored(doc) {
        if !out.iter().any(|(span, ..)| span.start == found.0.start) {
            out.push(found);
        }
    }
    out.sort_by_key(|(span, ..)| span.start);
    out
}

/// Particles of surnames (`van der Burg`, `de Jonge`): after one, a capitalised word is
/// a surname.
const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "von", "zu", "da", "di", "del", "della", "du", "le", "la", "ten",
    "ter", "dos", "das",
];

/// A name of three letters or more (a capital, then lowercase letters), not a common word.
fn short_name(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && word.chars().count() >= 3
        && !is_word(&word.to_lowercase())
}

/// Short names spelled two ways after the same particle or first name, or before the same
/// surname (`Eric van der Burgh`, then `van der Burg`; `Carl Nehammer`, then `Karl
/// Nehammer`): one letter apart anywhere, a doubled letter and the end too, for the
/// neighbour says it is the same person. The rarer spelling is reported; both, when each
/// is written as often.
fn anchored(doc: &Document) -> Vec<(Range<usize>, String, bool)> {
    let text = doc.text();
    let words: Vec<Range<usize>> = doc.words().iter().map(|w| w.span).collect();
    // (anchor, whether it comes before, form) → the spans of the form.
    let mut seen: HashMap<(&str, bool, &str), Vec<Range<usize>>> = HashMap::new();
    for (k, span) in words.iter().enumerate() {
        let word = &text[span.clone()];
        if !short_name(word) {
            continue;
        }
        let joined = |a: &Range<usize>, b: &Range<usize>| text[a.end..b.start] == *" ";
        if let Some(prev) = k.checked_sub(1).map(|p| &words[p]) {
            let anchor = &text[prev.clone()];
            if joined(prev, span) && (PARTICLES.contains(&anchor) || short_name(anchor)) {
                seen.entry((anchor, true, word))
                    .or_default()
                    .push(span.clone());
            }
        }
        if let Some(next) = words.get(k + 1) {
            let anchor = &text[next.clone()];
            if joined(span, next) && short_name(anchor) {
                seen.entry((anchor, false, word))
                    .or_default()
                    .push(span.clone());
            }
        }
    }
    // Sorted, the forms of one anchor stand together: only they are compared.
    let mut keys: Vec<&(&str, bool, &str)> = seen.keys().collect();
    keys.sort();
    let mut out = Vec::new();
    for (i, a) in keys.iter().enumerate() {
        for b in keys[i + 1..]
            .iter()
            .take_while(|b| (a.0, a.1) == (b.0, b.1))
        {
            let (form_a, form_b) = (a.2, b.2);
            if strsim::levenshtein(form_a, form_b) != 1
                || accent_only(form_a, form_b)
                // A plural or a demonym (`Burgs`, `Costa Rican`) is another word.
                || [(form_a, form_b), (form_b, form_a)]
                    .iter()
                    .any(|(long, short)| long.strip_suffix(['s', 'n']) == Some(*short))
            {
                continue;
            }
            let (na, nb) = (seen[*a].len(), seen[*b].len());
            for (rare, other, n, m) in [(a, form_b, na, nb), (b, form_a, nb, na)] {
                if n <= m {
                    out.extend(
                        seen[*rare]
                            .iter()
                            .map(|s| (s.clone(), other.to_string(), false)),
                    );
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_words_are_those_the_regex_finds() {
        let regex = regex::Regex::new(r"\p{Lu}\p{Ll}{5,}").unwrap();
        for text in [
            "Mr Hollenbach met Hollenbacher in Zürich, ÉLYSÉE and Élysée; McDonalds.",
            "AbcdefGhijklm Abcde Abcdef QWabcdefg ßabcdefg Ängstrom",
            "",
        ] {
            let by_hand: Vec<_> = capitalised_words(text).collect();
            let by_regex: Vec<_> = regex.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(by_hand, by_regex, "{text}");
        }
    }

    #[test]
    fn the_rarer_spelling_is_reported() {
        let text = "Halvorsen spoke. Halvorsen left. Halvorsen came back, and Hilvorsen said no.";
        let found: Vec<(&str, String, bool)> = find(text)
            .into_iter()
            .map(|(s, o, c)| (&text[s], o, c))
            .collect();
        assert_eq!(found, [("Hilvorsen", "Halvorsen".to_string(), true)]);
    }

    #[test]
    fn short_names_count_after_the_same_particle_or_before_the_same_surname() {
        let found = |text: &'static str| -> Vec<(&'static str, String)> {
            all(&Document::new(text))
                .into_iter()
                .map(|(s, o, _)| (&text[s], o))
                .collect()
        };
        assert_eq!(
            found("Eric van der Burgh spoke. Later van der Burg and van der Burg left."),
            [("Burgh", "Burg".to_string())]
        );
        assert_eq!(
            found("Carl Nehammer spoke; Karl Nehammer left."),
            [("Carl", "Karl".to_string()), ("Karl", "Carl".to_string())]
        );
        // Without the same neighbour, or an inflection: other words.
        assert_eq!(found("Eric van Burgh spoke, and Anna de Burg left."), []);
        assert_eq!(found("Mary de Jong and the de Jongs came."), []);
        assert_eq!(found("Costa Rica and the Costa Rican envoy."), []);
    }

    #[test]
    fn inflections_and_doubled_letters_are_other_words() {
        assert!(!inner_variant("Serbia", "Serbian"));
        assert!(!inner_variant("Koreans", "Korean"));
        assert!(!inner_variant("Phillip", "Philip"));
        assert!(inner_variant("Halvorsen", "Hilvorsen"));
        assert!(inner_variant("Hollanbacher", "Hollenbacher"));
        let text = "Serbia and Serbian, Korea, Koreans and Korean; Philip and Phillip.";
        assert!(find(text).is_empty());
    }
}
