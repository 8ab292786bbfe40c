//! `sentence/lowercase-after-period`: sentence starts with a lowercase word.
//!
//! ## What it does
//!
//! A period, then spaces on the same line, then a lowercase word: a sentence was cut or
//! two were merged (`in Iraq. the country.`, `than it is. is already`).
//!
//! ## Why it matters
//!
//! There is no automatic fix, because the repair may be a comma, a capital or a deleted
//! fragment. Not reported after abbreviations (`e.g.`, `etc.`, `vs.`, `U.S.`, `p.m.`,
//! `No.`, `approx.`, `Fig.`, …), single letters and initials, words without a vowel
//! (`Dept.`), an ellipsis, URLs, e-mail addresses, file names, version numbers and
//! decimals, list numbers at the start of a line, or before a word with a capital
//! inside it (`iPhone`) or that is code (`idle_test/`, `e.g.`, `x(`), nor before a name
//! the text writes in lowercase on purpose (a word other than a common sentence opener
//! that is used at least twice more nearby and never capitalized in mid-sentence:
//! `curses`, `glibc`).
//!
//! ## Example
//!
//! ```text
//! insurgency, with attacks in Iraq. the country.
//! ```
//!
//! ## Instead
//!
//! There is no automatic fix. Not reported:
//!
//! ```text
//! Many rules, e.g. the one on dates, apply to the U.S. and Canada.
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::{at_line_start, is_hspace};
use crate::text::{Document, Pattern};

/// Abbreviations that end in a period and may be followed by a lowercase word.
const ABBREVIATIONS: &[&str] = &[
    "etc", "vs", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "nos", "approx", "fig", "figs",
    "cf", "al", "ca", "vol", "vols", "pp", "ed", "eds", "est", "dept", "gen", "gov", "sen", "rep",
    "prof", "lt", "col", "capt", "sgt", "ave", "mt", "ft", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "min", "max", "hr", "hrs", "sec", "op",
    "cit", "ibid", "viz", "resp", "incl", "excl", "esp", "misc", "ref", "refs", "fn", "ch", "chap",
    "sect", "para", "no", "tel", "ext", "inc", "ltd", "co", "corp", "bros", "univ", "assn", "avg",
    "temp", "dist", "div", "gov", "govt", "inst", "intl", "natl", "pres", "rev", "yr", "yrs", "mo",
    "mos", "wk", "wks", "oz", "lb", "lbs", "in", "cm", "mm", "km", "kg", "abbr", "adj", "adv",
    "aka", "appt", "attn", "dept", "encl", "equiv", "hwy", "illus", "mfg", "mgmt", "msg", "mtn",
    "orig", "pkg", "pt", "pts", "qty", "rd", "sq", "std", "supt", "wt",
    // Titles and forms of address written after or before a name (`John Knightley, Esq.
    // of London`, `Lieut. Col.`), the older `per cent.` and `crim. con.`, and the
    // abbreviated US states of datelines and addresses (`Houston, Tex. for`).
    "esq", "lieut", "hon", "messrs", "mme", "mlle", "bart", "cent", "crim", "con", "ala", "ariz",
    "calif", "colo", "conn", "fla", "kan", "kans", "mich", "minn", "mont", "neb", "nev", "okla",
    "tenn", "tex", "wis", "wyo",
];

/// US state abbreviations that are also English words (`Ill.`, `Miss.`, `Wash.`): an
/// abbreviation only after a comma and a capitalised place name (`Galena, Ill. are`).
const STATES_AFTER_PLACE: &[&str] = &[
    "ill", "miss", "mass", "wash", "ind", "del", "ore", "ark", "me", "la", "pa", "ga", "va",
];

/// Whether the token at `token_start` of `before` follows `, Place`.
fn after_place_name(before: &str, token_start: usize) -> bool {
    let head = before[..token_start].trim_end();
    let Some(head) = head.strip_suffix(',') else {
        return false;
    };
    head.rsplit(|c: char| c.is_whitespace())
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// A well-formed Roman numeral in capitals (`XVI`, `MCMXL`).
static ROMAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
        .expect("valid regex")
});

/// Whether `word` is a Roman numeral of two letters or more (`XVI`, `II`): closed by a
/// period, it is an ordinal (`Louis XVI. of France`) or a list numeral (`I. the folio;
/// II. the octavo`), not a sentence end.
fn is_roman_numeral(word: &str) -> bool {
    word.len() >= 2 && ROMAN.is_match(word)
}

/// Words that begin sentences all the time: after a period in lowercase, they are always
/// reported, even when the text never capitalizes them elsewhere.
const COMMON: &[&str] = &[
    "a", "after", "all", "also", "an", "and", "another", "are", "as", "at", "because", "before",
    "both", "but", "by", "can", "could", "during", "each", "even", "for", "from", "had", "has",
    "have", "he", "her", "his", "how", "however", "i", "if", "in", "is", "it", "its", "many",
    "more", "most", "no", "not", "now", "of", "on", "one", "only", "or", "our", "she", "since",
    "so", "some", "such", "that", "the", "their", "then", "there", "these", "they", "this",
    "those", "thus", "to", "two", "under", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "will", "with", "would", "yet", "you",
];

/// How far either side of a finding the text is searched for other uses of its word.
const NAME_WINDOW: usize = 20_000;

/// Whether `word` (at `at`) is a name written in lowercase on purpose (`curses`, `glibc`,
/// `libvirt`): not a common sentence opener, used at least twice more nearby, and never
/// capitalized there in mid-sentence.
pub(crate) fn is_lowercase_name(text: &str, word: &str, at: usize) -> bool {
    if COMMON.contains(&word) {
        return false;
    }
    let mut start = at.saturating_sub(NAME_WINDOW);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + NAME_WINDOW).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let window = &text[start..end];
    let lower = window.to_lowercase();
    if lower.len() != window.len() {
        return false;
    }
    let mut lowercase_uses = 0;
    for (i, _) in lower.match_indices(word) {
        let whole = !window[..i].ends_with(char::is_alphanumeric)
            && !window[i + word.len()..].starts_with(char::is_alphanumeric);
        if !whole || start + i == at {
            continue;
        }
        if window[i..].starts_with(char::is_uppercase) {
            // A capital at the start of a sentence or a heading proves nothing.
            let prev = window[..i].trim_end().chars().next_back();
            if prev.is_some_and(|c| c.is_alphanumeric() || c == ',') {
                return false;
            }
            continue;
        }
        lowercase_uses += 1;
    }
    lowercase_uses >= 2
}

/// A period, spaces, then anything but a space, a capital or a digit: a superset of the
/// findings, found by the regex engine far faster than looking at every period.
static CANDIDATE: Pattern = Pattern::new(r"\.[ \t\u{A0}\u{202F}\u{2009}]+[^\sA-Z0-9]");

pub struct LowercaseAfterPeriod {
    meta: RuleMeta,
}

impl LowercaseAfterPeriod {
    pub fn new() -> Self {
        LowercaseAfterPeriod {
            meta: RuleMeta {
                id: "sentence/lowercase-after-period".into(),
                severity: Severity::Warning,
                fix: None,
                fixes: Fixes::NEVER,
                summary: "sentence starts with a lowercase word".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::flagged("insurgency, with attacks in Iraq[. the] country.")
                        .message("“the” starts a sentence in lowercase after a period"),
                    Example::flagged("more than it is[. is] already")
                        .message("“is” starts a sentence in lowercase after a period"),
                    Example::good(
                        "Many rules, e.g. the one on dates, apply to the U.S. and Canada.",
                    ),
                    Example::good("It ends at 5 p.m. sharp, approx. two hours, vs. three."),
                    Example::good("See Fig. 2 and No. 5, etc. or visit example.com. more."),
                    Example::good("Version 1.2. then 3.5 stayed... then it moved."),
                    Example::good("He bought it. iPhone sales rose.\n1. first item\n"),
                    Example::good("Write to info@example.org. thanks, J. smith wrote."),
                    Example::good("Tests pass. idle_test/README explains. e.g. this. f(x) too."),
                    Example::good("* Fix the build. by @someone in #12"),
                    Example::good("The option was removed. bpo-36952 has the details."),
                    Example::good("It uses the library. bz2-compressed data is smaller."),
                    Example::good(
                        "Use curses for this. curses draws windows; curses also reads keys.",
                    ),
                    Example::good("A letter from Henry Dashwood, Esq. of Norland, came at noon."),
                    Example::good("The kings Henry VIII. of England and Charles V. of Spain met."),
                    Example::good("Three kinds: I. the small; II. the middling; III. the great."),
                    Example::good(
                        "Prices rose 4 per cent. of the total, the firm in Austin, Tex. said.",
                    ),
                    Example::good(
                        "Homes in Galena, Ill. are open; it costs 10 cents per 8-oz. cup.",
                    ),
                    Example::flagged("She was ill[. the] doctor came.")
                        .message("“the” starts a sentence in lowercase after a period"),
                    Example::flagged("Talks ended late[. negotiators] left the room.")
                        .message("“negotiators” starts a sentence in lowercase after a period"),
                    Example::flagged("It rained[. the] roads, the rivers and the fields flooded.")
                        .message("“the” starts a sentence in lowercase after a period"),
                ],
            },
        }
    }
}

/// Whether the word that ends at the period (`token`, without it) allows a lowercase
/// continuation. A unit after a number and a hyphen counts alone (`8-oz.`).
fn is_abbreviation_or_code(token: &str, at_line_start: bool) -> bool {
    let word = token.trim_start_matches(|c: char| !c.is_alphanumeric());
    let word = match word.rsplit_once('-') {
        Some((number, unit)) if number.chars().all(|c| c.is_ascii_digit()) && !unit.is_empty() => {
            unit
        }
        _ => word,
    };
    if word.is_empty() || word.contains(['.', '@', '/', '\\', ':', '_', '=', '#']) {
        return true;
    }
    let lower = word.to_lowercase();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 1
        || ABBREVIATIONS.contains(&lower.as_str())
        || is_roman_numeral(word)
        || !lower.contains(['a', 'e', 'i', 'o', 'u', 'y']) && word.chars().all(char::is_alphabetic)
        || (at_line_start && word.chars().all(|c| c.is_ascii_digit()))
}

impl Rule for LowercaseAfterPeriod {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![CANDIDATE.source()]
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for candidate in CANDIDATE.find_iter(text) {
            let dot = candidate.start();
            let after = &text[dot + 1..];
            let gap: usize = after
                .char_indices()
                .take_while(|&(_, c)| is_hspace(c))
                .map(|(_, c)| c.len_utf8())
                .sum();
            if gap == 0 {
                continue;
            }
            let rest = &after[gap..];
            let word = &rest[..rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len())];
            let mut tail = rest[word.len()..].chars();
            // `Fix the build. by @someone` is a generated changelog line.
            let code_like = rest[word.len()..].starts_with(" @")
                || match tail.next() {
                    Some('_' | '/' | '\\' | '@' | '(' | '=') => true,
                    Some('.' | ':') => tail.next().is_some_and(|c| !c.is_whitespace()),
                    // An issue or ticket number: `bpo-36952`, `gh-1234`.
                    Some('-') => {
                        tail.next().is_some_and(|c| c.is_ascii_digit())
                            || word.chars().any(|c| c.is_ascii_digit())
                    }
                    _ => word.chars().any(|c| c.is_ascii_digit()),
                };
            if code_like {
                continue;
            }
            let Some(first) = word.chars().next() else {
                continue;
            };
            if !first.is_lowercase() || word.chars().any(char::is_uppercase) {
                continue;
            }
            let before = &text[..dot];
            if before.ends_with(['.', '…']) {
                continue;
            }
            let token_start = before.rfind(|c: char| c.is_whitespace()).map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
            if is_abbreviation_or_code(&before[token_start..], at_line_start(text, token_start)) {
                continue;
            }
            let token = before[token_start..].to_lowercase();
            if STATES_AFTER_PLACE.contains(&token.as_str()) && after_place_name(before, token_start)
            {
                continue;
            }
            if is_lowercase_name(text, word, dot + 1 + gap) {
                continue;
            }
            let end = dot + 1 + gap + word.len();
            out.push(self.meta.diagnostic(
                dot..end,
                format!("“{word}” starts a sentence in lowercase after a period"),
                None,
            ));
        }
    }
}
