//! `typo/glued-link-text`: two words glued at a lost link or heading boundary.
//!
//! ## What it does
//!
//! Copying a web page loses the space after a link, a heading or a widget label, and
//! two words run together: a lowercase letter followed by a capital inside a token,
//! where the second half is a word that starts sentences (`HollenbacherAfter the vote`,
//! `MenuThe Region`), or a capitalised name running into a lowercase function word
//! (`Ribeiroof the party`, `Almeidawhich`) when the name also stands alone in the text
//! or is a common word (`Sportsfrom`): names that end that way (`Kicillof`) never stand
//! without their ending.
//!
//! ## Why it matters
//!
//! A warning; the unsafe fix puts the space back. Two capitalised words glued
//! (`PayPal`, `JavaScript`, `ValueError`) are left alone unless the second starts
//! sentences, as are real words that split (`Thereof`). Camel case that starts
//! lowercase (`iPhone`, `eBay`, `getName`), `Mc`, `Mac` and `O'` names, tokens with
//! digits, underscores, dots, slashes, `@` or `#` (identifiers, URLs, handles,
//! hashtags) are never flagged.
//!
//! ## Example
//!
//! ```text
//! He met Anna HollenbacherAfter the vote.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! He met Anna Hollenbacher After the vote.
//! ```

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::checks::spans::{tokens, word_core};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::wordlist::{is_word, FnvBuild};
use crate::text::Document;

/// Words that start a sentence or a phrase after a lost boundary: glued as the second half
/// of a token after a capital (`…MenuThe`), they are almost never part of a brand or an
/// identifier. (`In`, `On`, `Up` and `Out` are left out: `LinkedIn`, `AddOn`, `StartUp`.)
const STARTERS: &[&str] = &[
    "The",
    "After",
    "And",
    "But",
    "This",
    "These",
    "That",
    "When",
    "While",
    "According",
    "However",
    "With",
    "From",
    "For",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "Who",
    "What",
    "Where",
    "Why",
    "How",
    "Before",
    "During",
    "Since",
    "Although",
    "Despite",
    "Meanwhile",
    "Also",
    "Then",
    "There",
    "They",
    "She",
    "We",
];

/// Lowercase function words that a capitalised name runs into (`Ribeiroof`). `and`, `the`,
/// `for`, `was` and `has` are left out: too many names end with them (`Holland`, `Goethe`).
const GLUED_AFTER_NAME: &[&str] = &["of", "which", "from", "with", "that", "said", "were"];

pub struct GluedLinkText {
    meta: RuleMeta,
}

impl GluedLinkText {
    pub fn new() -> Self {
        GluedLinkText {
            meta: RuleMeta {
                id: "typo/glued-link-text".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "two words glued at a lost link or heading boundary".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "He met Anna [HollenbacherAfter] the vote.",
                        "He met Anna Hollenbacher After the vote.",
                    ).message("`Hollenbacher` and `After` glued together: a space lost after a link or heading?"),
                    Example::bad(
                        "Ribeiro spoke. The speech of Paulo [Ribeiroof] the party.",
                        "Ribeiro spoke. The speech of Paulo Ribeiro of the party.",
                    ).message("`Ribeiro` and `of` glued together: a space lost after a link or heading?"),
                    Example::bad(
                        "[MenuThe] Region\nThe governor spoke.",
                        "Menu The Region\nThe governor spoke.",
                    ).message("`Menu` and `The` glued together: a space lost after a link or heading?"),
                    Example::good("Buy an iPhone on eBay with PayPal; ask McDonald and MacArthur."),
                    Example::good("Catch ValueError, not KeyboardInterrupt; ValueError is raised."),
                    Example::good("See github.com/MenuThe and #MenuThe and @MenuThe."),
                    Example::good("Goethe and Holland, Finland and Wolof are names."),
                    Example::good("Governor Kicillof spoke; Kicillof left."),
                ],
            },
        }
    }
}

impl Rule for GluedLinkText {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for (span, split) in find(text) {
            let word = &text[span.clone()];
            let fix = Fix {
                replacement: format!("{} {}", &word[..split], &word[split..]),
                applicability: Applicability::Unsafe,
            };
            out.push(self.meta.diagnostic(
                span,
                format!(
                    "`{}` and `{}` glued together: a space lost after a link or heading?",
                    &word[..split],
                    &word[split..]
                ),
                Some(fix),
            ));
        }
    }
}

/// Whether a token looks like code, an address, a handle or a number: anything but
/// letters, apostrophes and hyphens inside its sentence punctuation.
fn technical(token: &str) -> bool {
    let inner = token
        .trim_start_matches(['“', '"', '‘', '\'', '(', '['])
        .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '”', '"', '’', '\'']);
    inner.contains(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '-'))
}

/// Real words of the big dictionaries that split like glued words (`thereof`), shared
/// with `typo/glued-words`.
static EXCEPTIONS: LazyLock<HashSet<&'static str, FnvBuild>> = LazyLock::new(|| {
    include_str!("../../text/data/glued-exceptions.txt")
        .lines()
        .collect()
});

/// Where a glued token may be: a capital between lowercase letters (`rAf`), or a capital,
/// three or more lowercase letters and a glue word (`Ribeiroof`). Only the tokens around
/// these matches are looked at. The spans are those `find_iter` of
/// `\p{Ll}\p{Lu}\p{Ll}|\p{Lu}\p{Ll}{3,}(?:of|which|from|with|that|said|were)` gives,
/// found by a scan of the characters: that regex takes longer to compile than most
/// articles take to lint.
fn candidates(text: &str) -> Vec<Range<usize>> {
    const GLUE: [&str; 7] = ["of", "which", "from", "with", "that", "said", "were"];
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // No match may start before the end of the last one.
    let mut floor = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Every match has a capital: skip to the next one, ASCII a byte at a time.
        if bytes[i] < 0x80 && !bytes[i].is_ascii_uppercase() {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let after = i + c.len_utf8();
        if !c.is_uppercase() {
            i = after;
            continue;
        }
        let next = text[after..].chars().next().filter(|n| n.is_lowercase());
        let prev = text[floor..i]
            .chars()
            .next_back()
            .filter(|p| p.is_lowercase());
        if let (Some(p), Some(n)) = (prev, next) {
            let end = after + n.len_utf8();
            out.push(i - p.len_utf8()..end);
            (floor, i) = (end, end);
            continue;
        }
        // The run of lowercase letters after the capital; the regex's greedy `{3,}`
        // leaves the glue word as late in it as it can.
        let run_end = text[after..]
            .find(|l: char| !l.is_lowercase())
            .map_or(text.len(), |k| after + k);
        let run = &text[after..run_end];
        let glued = run
            .char_indices()
            .skip(3)
            .filter_map(|(k, _)| {
                GLUE.iter()
                    .find(|g| run[k..].starts_with(**g))
                    .map(|g| after + k + g.len())
            })
            .last();
        if let Some(end) = glued {
            out.push(i..end);
            (floor, i) = (end, end);
            continue;
        }
        i = after;
    }
    out
}

/// Every glued token: its span and the byte offset of the split inside it.
fn find(text: &str) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut last_token = None;
    for m in candidates(text) {
        // The white-space token around the match, each once.
        // Tokens are short: look back at most 64 bytes.
        let floor = crate::text::char_boundary_before(text, m.start.saturating_sub(64));
        let start = text[floor..m.start]
            .rfind(char::is_whitespace)
            .map(|i| floor + i)
            .map_or(floor, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            });
        let end = text[m.end..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| m.end + i);
        if last_token == Some(start) {
            continue;
        }
        last_token = Some(start);
        let token = start..end;
        let raw = &text[token.clone()];
        if !raw.contains(|c: char| c.is_uppercase()) || technical(raw) {
            continue;
        }
        let core = word_core(text, token);
        let word = &text[core.clone()];
        if word.is_empty() || !word.chars().all(char::is_alphabetic) {
            continue;
        }
        if let Some(split) = split(word) {
            out.push((core, split));
        }
    }
    // A name running into a function word (`Ribeiroof`) needs evidence: its stem is a
    // common word or stands alone elsewhere in the text; names that end the same way
    // (`Kicillof`, `Pribilof`) never do.
    out.retain(|(core, split)| {
        let word = &text[core.clone()];
        if word[*split..].starts_with(char::is_uppercase) {
            return true;
        }
        let stem = &word[..*split];
        is_word(&stem.to_lowercase()) || tokens(text).any(|t| &text[word_core(text, t)] == stem)
    });
    out
}

/// Where `word` (letters only) splits.
fn split(word: &str) -> Option<usize> {
    let first = word.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    // Lowercase then capital: `HollenbacherAfter`.
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let changes: Vec<usize> = (1..chars.len())
        .filter(|&k| chars[k - 1].1.is_lowercase() && chars[k].1.is_uppercase())
        .collect();
    if let [k] = changes[..] {
        let (at, _) = chars[k];
        let (left, right) = (&word[..at], &word[at..]);
        let right_rest_lower = right.chars().skip(1).all(char::is_lowercase);
        let left_rest_lower = left.chars().skip(1).all(char::is_lowercase);
        if left.chars().count() < 3
            || right.chars().count() < 2
            || !right_rest_lower
            || !left_rest_lower
            || ["Mc", "Mac", "Van", "Von", "De", "Di", "La", "Le", "Du"].contains(&left)
        {
            return None;
        }
        return STARTERS.contains(&right).then_some(at);
    }
    if !changes.is_empty() || !word.chars().skip(1).all(char::is_lowercase) {
        return None;
    }
    // A capitalised name running into a function word: `Ribeiroof`.
    let lower = word.to_lowercase();
    if is_word(&lower) || EXCEPTIONS.contains(lower.as_str()) {
        return None;
    }
    GLUED_AFTER_NAME.iter().find_map(|glue| {
        let stem = word.strip_suffix(glue)?;
        (stem.chars().count() >= 4).then_some(stem.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, usize)> {
        find(text).into_iter().map(|(r, s)| (&text[r], s)).collect()
    }

    #[test]
    fn the_scan_finds_the_spans_of_the_regex_it_stands_for() {
        let regex = regex::Regex::new(
            r"\p{Ll}\p{Lu}\p{Ll}|\p{Lu}\p{Ll}{3,}(?:of|which|from|with|that|said|were)",
        )
        .unwrap();
        for text in [
            "Anna HollenbacherAfter the vote",
            "Ribeiroof the party; Sportsfrom Kenya; Gonçalvesof; Wordwithwith",
            "aBc aBcD éÉé ÉcoleÀthat Thatthat Ofof Xabcwere Xabwere Xabcdsaidwith",
            "iPhone eBay McDonald MacArthur ValueError getName HTTPServer Ünterwegswhich",
            "Ab Abc Abcd Abcof Abcdof AbcdofX Öabcof ς Σαλονίκηfrom",
            "",
            "xY",
            "Bazfromfrom Quxthatwere",
        ] {
            let expected: Vec<Range<usize>> = regex.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(candidates(text), expected, "{text:?}");
        }
        // And on strings of letters and glue words drawn at random (a fixed seed).
        let pieces = [
            "a", "B", "é", "Ö", " ", "of", "with", "that", "x", "Q", "ß", "Σ", "ω",
        ];
        let mut seed: u64 = 7;
        for _ in 0..3000 {
            let text: String = (0..12)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    pieces[(seed >> 33) as usize % pieces.len()]
                })
                .collect();
            let expected: Vec<Range<usize>> = regex.find_iter(&text).map(|m| m.range()).collect();
            assert_eq!(candidates(&text), expected, "{text:?}");
        }
    }

    #[test]
    fn splits_at_the_lost_boundary() {
        assert_eq!(
            found("Anna HollenbacherAfter the vote"),
            [("HollenbacherAfter", 12)]
        );
        assert_eq!(found("(MenuThe)"), [("MenuThe", 4)]);
        assert_eq!(
            found("Ribeiroof the party. Ribeiro said."),
            [("Ribeiroof", 7)]
        );
        assert_eq!(found("Sportsfrom Kenya"), [("Sportsfrom", 6)]);
        assert_eq!(found("Gonçalvesof, said Gonçalves"), [("Gonçalvesof", 10)]);
        assert_eq!(found("Pribilof Islands"), []);
    }

    #[test]
    fn brands_identifiers_and_names_are_left_alone() {
        let text = "iPhone eBay PayPal JavaScript McDonald MacArthur LinkedIn DeLuca \
            O'Neill Goethe Holland ValueError ValueError getName x.MenuThe #MenuThe \
            @MenuThe MenuThe2 Home_The NATO USA HTTPServer Therefore Thereof WorldTravel";
        assert_eq!(found(text), []);
    }
}
