//! `capitalization/lowercase-proper-adjective`: nationality, language, day or month in lowercase.
//!
//! ## What it does
//!
//! French, Spanish and Italian write nationality adjectives, demonyms, languages, days
//! and months in lowercase (`le gouvernement canadien`, `en anglais`, `lundi`);
//! translation carries that over: `the canadian government`, `in english`, `on monday`,
//! `french-speaking`, `franco-german`.
//!
//! ## Why it matters
//!
//! English capitalises them; the safe fix does. Only words that are no ordinary English
//! word in lowercase are listed (not `polish`, `turkey`, `china`, `welsh`, `march`,
//! `may`, `august`…), fixed compounds some styles write in lowercase are left alone
//! (`french fries`, `english muffin`, `dutch oven`, `roman numerals`), and so are words
//! in code, paths, options and quoted values (`english.txt`, `--lang english`,
//! `lang=english`, `'english'`), and lines with no capital at all (lowercase lists and
//! headings).
//!
//! ## Example
//!
//! ```text
//! The canadian government and the european Union met.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! The Canadian government and the European Union met.
//! ```

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::Document;

/// Words English always capitalises and that are no common English word in lowercase.
/// Left out on purpose: `polish`, `turkey`, `china`, `japan`, `welsh`, `afghan`,
/// `danish`, `swede`, `mandarin`, `roman`, `venetian`, `bohemian`, `swiss`, `scotch`,
/// `march`, `may`, `august`, `francophone`, `anglophone`, `catholic`, `latin` (`latin
/// characters`, `latin1` in technical prose).
const WORDS: &[&str] = &[
    // Adjectives and demonyms ending in -an, -ian, -ean (plural: +s).
    "african",
    "albanian",
    "algerian",
    "american",
    "angolan",
    "argentinian",
    "armenian",
    "asian",
    "australian",
    "austrian",
    "belarusian",
    "belgian",
    "bolivian",
    "bosnian",
    "brazilian",
    "bulgarian",
    "cambodian",
    "cameroonian",
    "canadian",
    "chilean",
    "colombian",
    "croatian",
    "cuban",
    "dominican",
    "ecuadorian",
    "egyptian",
    "estonian",
    "ethiopian",
    "european",
    "georgian",
    "ghanaian",
    "haitian",
    "hungarian",
    "indian",
    "indonesian",
    "iranian",
    "italian",
    "jamaican",
    "jordanian",
    "kenyan",
    "korean",
    "latvian",
    "lithuanian",
    "libyan",
    "malaysian",
    "mexican",
    "mongolian",
    "moroccan",
    "nigerian",
    "norwegian",
    "palestinian",
    "paraguayan",
    "peruvian",
    "romanian",
    "russian",
    "rwandan",
    "serbian",
    "singaporean",
    "slovakian",
    "slovenian",
    "syrian",
    "tanzanian",
    "tunisian",
    "ugandan",
    "ukrainian",
    "uruguayan",
    "venezuelan",
    "zambian",
    "zimbabwean",
    "christian",
    "buddhist",
    "muslim",
    "hindu",
    // Ending in -i (plural: +s).
    "azerbaijani",
    "bangladeshi",
    "iraqi",
    "israeli",
    "kuwaiti",
    "nepali",
    "omani",
    "pakistani",
    "qatari",
    "saudi",
    "yemeni",
    "emirati",
    "somali",
    // No plural in -s.
    "british",
    "burmese",
    "cantonese",
    "catalan",
    "chinese",
    "congolese",
    "czech",
    "dutch",
    "english",
    "filipino",
    "finnish",
    "flemish",
    "french",
    "german",
    "greek",
    "hebrew",
    "icelandic",
    "irish",
    "islamic",
    "japanese",
    "jewish",
    "kazakh",
    "lebanese",
    "luxembourgish",
    "maltese",
    "portuguese",
    "scottish",
    "senegalese",
    "slovak",
    "spanish",
    "sudanese",
    "swahili",
    "swedish",
    "taiwanese",
    "thai",
    "turkish",
    "uzbek",
    "vietnamese",
    "arabic",
    "hindi",
    "urdu",
    "bengali",
    "punjabi",
    "tamil",
    "basque",
    "breton",
    "corsican",
    "sicilian",
    "quebecois",
    "hispanic",
    "latino",
    "latina",
    "arab",
    "briton",
    "frenchman",
    "frenchmen",
    "frenchwoman",
    "frenchwomen",
    "englishman",
    "englishmen",
    "englishwoman",
    "englishwomen",
    "dutchman",
    "dutchmen",
    // Days and months (not `march`, `may`, `august`).
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "april",
    "june",
    "july",
    "september",
    "october",
    "november",
    "december",
];

/// First parts of compounds, capitalised only before a hyphen (`franco-german`).
const PREFIXES: &[&str] = &[
    "afro", "anglo", "austro", "franco", "greco", "indo", "italo", "russo", "sino",
];

/// Words after which a lowercase nationality is a common noun or a fixed compound that
/// some styles write in lowercase (`french fries`, `english muffin`, `dutch oven`).
const COMPOUNDS: &[&str] = &[
    "bean",
    "beans",
    "braid",
    "braids",
    "bread",
    "breakfast",
    "cuff",
    "cuffs",
    "door",
    "doors",
    "dressing",
    "fries",
    "horn",
    "horns",
    "ink",
    "kiss",
    "kissing",
    "knot",
    "leave",
    "letter",
    "muffin",
    "muffins",
    "oven",
    "ovens",
    "polish",
    "press",
    "roulette",
    "seam",
    "summer",
    "toast",
    "twist",
    "window",
    "windows",
    "checkers",
    "auction",
    "courage",
    "uncle",
    "numerals",
    "numeral",
    "type",
    "shepherd",
    "shepherds",
    "massage",
    "mustard",
    "vanilla",
    "cheese",
    "chard",
    "file",
];

/// Every listed word, plural and prefix, found by one automaton (a regex alternation of
/// 250 words is several times slower); word boundaries are checked after.
static WORD: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&*ALL_WORDS)
        .expect("word automaton")
});

/// The listed words, their plurals and the prefixes.
static ALL_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut words: Vec<String> = Vec::new();
    for w in WORDS {
        words.push(w.to_string());
        if w.ends_with("an")
            || w.ends_with('i')
            || [
                "arab", "briton", "czech", "greek", "latino", "latina", "thai", "uzbek", "kazakh",
                "muslim", "hindu", "buddhist", "filipino", "somali",
            ]
            .contains(w)
        {
            words.push(format!("{w}s"));
        }
    }
    words.extend(PREFIXES.iter().map(|p| p.to_string()));
    words
});

pub struct LowercaseProper {
    meta: RuleMeta,
}

impl LowercaseProper {
    pub fn new() -> Self {
        LowercaseProper {
            meta: RuleMeta {
                id: "capitalization/lowercase-proper-adjective".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Safe),
                fixes: Fixes::always(Applicability::Safe),
                summary: "nationality, language, day or month in lowercase".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "The [canadian] government and the [european] Union met.",
                        "The Canadian government and the European Union met.",
                    ).messages(&["“canadian” is capitalised in English: “Canadian”", "“european” is capitalised in English: “European”"]),
                    Example::bad(
                        "Talks in [english] with [french]-speaking and [franco]-[german] staff.",
                        "Talks in English with French-speaking and Franco-German staff.",
                    ).messages(&["“english” is capitalised in English: “English”", "“french” is capitalised in English: “French”", "“franco” is capitalised in English: “Franco”", "“german” is capitalised in English: “German”"]),
                    Example::bad(
                        "On [monday], the [italians] left.",
                        "On Monday, the Italians left.",
                    ).messages(&["“monday” is capitalised in English: “Monday”", "“italians” is capitalised in English: “Italians”"]),
                    Example::good(
                        "Polish the shoes, carve the turkey, stack the china plates.",
                    ),
                    Example::good("They ate french fries, english muffins and french toast."),
                    Example::good(
                        "Edit english.txt or run `tool --lang english` with lang=english, 'english'.",
                    ),
                    Example::good("languages: english, french\n- german"),
                    Example::good("It may march in august. The Non-English version."),
                ],
            },
        }
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    let first = chars.next().expect("a word");
    first.to_uppercase().chain(chars).collect()
}

/// Whether the word at `start..end` is part of code, a path, an option or a value.
fn in_code(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let after2 = text[end..].chars().nth(1);
    // A tab next to the word: a table or a list of options.
    let code_before = |c: char| "_/\\.=@#$:`<{[*~|'\"+\t".contains(c) || c.is_alphanumeric();
    let code_after = |c: char| "_/\\=@#$`>}(*~|'\"\t".contains(c) || c.is_alphanumeric();
    if before.is_some_and(code_before) || after.is_some_and(code_after) {
        return true;
    }
    // `english.txt`, `latin-1`, `english:` as a key at a line start.
    if matches!(after, Some('.' | '-' | ':')) && after2.is_some_and(|c| c.is_ascii_alphanumeric()) {
        // `french-speaking` is prose; `latin-1` is not.
        return after != Some('-') || after2.is_some_and(|c| c.is_ascii_digit());
    }
    // Aligned columns: two spaces on either side.
    if text[..start].ends_with("  ") || text[end..].starts_with("  ") {
        return true;
    }
    // `--lang english`: the previous token is an option.
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let prev_token = text[line_start..start].split_whitespace().next_back();
    prev_token.is_some_and(|t| t.starts_with('-') && t.len() > 1 && !t.ends_with('-'))
}

impl Rule for LowercaseProper {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    /// The words themselves: the linter's shared literal pass skips this rule on texts
    /// without any of them (most texts), which is much cheaper than its own scan.
    fn required_literals(&self) -> Option<Vec<Cow<'_, [u8]>>> {
        Some(
            ALL_WORDS
                .iter()
                .map(|w| Cow::Borrowed(w.as_bytes()))
                .collect(),
        )
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for m in WORD.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            let word = &text[start..end];
            let boundary = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            if !boundary(text[..start].chars().next_back()) || !boundary(text[end..].chars().next())
            {
                continue;
            }
            let after = text[end..].chars().next();
            if PREFIXES.contains(&word) && after != Some('-') {
                continue;
            }
            if in_code(text, start, end) {
                continue;
            }
            // A hyphenated part: `non-english` is prose, `x-english` or `--english` not.
            if text[..start].ends_with('-') {
                let part = text[..start - 1]
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                if part.len() < 2 || !part.chars().all(|c| c.is_alphabetic()) {
                    continue;
                }
            }
            // Fixed compounds: the next word.
            let next_word = text[end..]
                .trim_start_matches([' ', '-'])
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            if COMPOUNDS.contains(&next_word) {
                continue;
            }
            // Lines without a capital are lowercase on purpose (lists, headings, tags).
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
            if !text[line_start..line_end].chars().any(|c| c.is_uppercase()) {
                continue;
            }
            let fixed = capitalised(word);
            let fix = Fix {
                replacement: fixed.clone(),
                applicability: Applicability::Safe,
            };
            out.push(self.meta.diagnostic(
                start..end,
                format!("“{word}” is capitalised in English: “{fixed}”"),
                Some(fix),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
        crate::checks::findings(&LowercaseProper::new(), text)
    }

    #[test]
    fn spans_and_messages() {
        assert_eq!(
            found("The canadian side."),
            vec![(
                4..12,
                "“canadian” is capitalised in English: “Canadian”".into()
            )]
        );
        assert_eq!(
            found("A Franco-german and franco-German deal."),
            vec![
                (9..15, "“german” is capitalised in English: “German”".into()),
                (
                    20..26,
                    "“franco” is capitalised in English: “Franco”".into()
                )
            ]
        );
    }

    #[test]
    fn traps_are_left_alone() {
        for text in [
            "Set LANG=english.",
            "See docs/english/index.md.",
            "The latin-1 codec. The French_Locale.",
            "Pass --language english to it.",
            "The key \"english\" is used.",
            "The @english handle.",
            "A dutch oven and russian roulette.",
            "Use roman numerals in Indian ink.",
            "an english_name field",
            "the englishness of it",
            "Build with +arabic now.",
            "arabic\t\tCompiled with Arabic support",
            "Char UTF-8 cp1255  hebrew  hebrewp  name",
            "Frenchified",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }
}
