//! `typo/glued-words`: two words glued together.
//!
//! ## What it does
//!
//! A lowercase token that is not an English word but splits, in exactly one way, into
//! two common words one of which is a glue word (`hourand` = `hour and`,
//! `governmentsaid`, `ofthe`): the space between them was lost in copying or
//! conversion.
//!
//! ## Why it matters
//!
//! A warning with a safe fix when both halves are very frequent and the glue word is
//! `and`, `the`, `of` or `said`; otherwise (`with`, `from`, `which`, `were`…)
//! information with an unsafe fix. Real words are never flagged, nor rare ones the
//! dictionaries know (`therefore`, `another`, `errand`, `therefrom`), nor capitalised
//! words and names (`Holland`, `YouTube`, `iPhone`), nor identifiers, hashtags,
//! mentions, URLs and file names (`camelCase`, `snake_case`, `#andthe`, `hourand.com`).
//! The word list is SCOWL (sizes 10–35); `src/text/data/gen_words.py` regenerates it.
//!
//! ## Example
//!
//! ```text
//! It took one hourand a half.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! It took one hour and a half.
//! ```

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::wordlist::{is_frequent, is_word, FnvBuild};
use crate::text::Document;

/// Words that, glued after another word, make a split likely (keep in step with
/// `src/text/data/gen_words.py`).
const GLUE_AFTER: &[&str] = &[
    "and", "the", "of", "said", "that", "with", "from", "for", "which", "were", "was", "has",
    "have", "had", "will", "would", "this", "their", "they", "but", "are", "when",
];

/// The last two letters of the words of [`GLUE_AFTER`].
const GLUE_TAILS: &[[u8; 2]] = &[
    *b"nd", *b"he", *b"of", *b"id", *b"at", *b"th", *b"om", *b"or", *b"ch", *b"re", *b"as", *b"ve",
    *b"ad", *b"ll", *b"ld", *b"is", *b"ir", *b"ey", *b"ut", *b"en",
];

/// Words that, glued before another word, make a split likely.
const GLUE_BEFORE: &[&str] = &["the", "and", "of"];

/// The glue words whose split is near-certain when both halves are frequent words.
const CERTAIN: &[&str] = &["and", "the", "of", "said"];

/// Two-letter words that may be the first half.
const SHORT_FIRST: &[&str] = &[
    "is", "in", "on", "at", "to", "of", "by", "as", "it", "be", "we", "he", "an", "or", "so", "no",
    "do", "go", "up", "us", "my", "me",
];

/// Programming keywords and configuration keys that look glued (`typeof`).
const CODE_WORDS: &[&str] = &[
    "typeof",
    "instanceof",
    "insteadof",
    "sizeof",
    "alignof",
    "offsetof",
    "nameof",
    "keyof",
    "valueof",
    "countof",
    "lengthof",
    "bitsof",
    "elementsof",
    "andthen",
    "orelse",
];

/// Finds the glue words of both lists.
///
/// Every pattern has three bytes or more, so the vectorised search works on
/// three-byte fingerprints and stops rarely in English text: `of` is searched with the
/// character after it (`hourof the` is found; `ofthe` is found through `the`).
static GLUE_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let mut patterns: Vec<String> = GLUE_AFTER
        .iter()
        .filter(|g| g.len() >= 3)
        .map(|g| g.to_string())
        .collect();
    for g in GLUE_AFTER.iter().filter(|g| g.len() < 3) {
        for after in [" ", ",", ".", "\n", ";", ":", ")"] {
            patterns.push(format!("{g}{after}"));
        }
    }
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("valid patterns")
});

/// Real words (and names) of the big dictionaries that split like glued words.
static EXCEPTIONS: LazyLock<HashSet<&'static str, FnvBuild>> = LazyLock::new(|| {
    include_str!("../../text/data/glued-exceptions.txt")
        .lines()
        .collect()
});

pub struct GluedWords {
    meta: RuleMeta,
}

impl GluedWords {
    pub fn new() -> Self {
        GluedWords {
            meta: RuleMeta {
                id: "typo/glued-words".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Safe),
                fixes: Fixes::always(Applicability::Safe).or(Applicability::Unsafe),
                summary: "two words glued together".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "It took one [hourand] a half.",
                        "It took one hour and a half.",
                    )
                    .message("“hourand” looks like two words glued together: “hour and”"),
                    Example::bad("The [governmentsaid] no.", "The government said no.").message(
                        "“governmentsaid” looks like two words glued together: “government said”",
                    ),
                    Example::bad("Most [ofthe] money", "Most of the money")
                        .message("“ofthe” looks like two words glued together: “of the”"),
                    Example::bad("It was [partof] the plan.", "It was part of the plan.")
                        .message("“partof” looks like two words glued together: “part of”"),
                    Example::bad("Then [thegovernment] fell.", "Then the government fell.")
                        .message(
                            "“thegovernment” looks like two words glued together: “the government”",
                        ),
                    Example::bad("the [reportwhich] was late", "the report which was late")
                        .message(
                            "“reportwhich” looks like two words glued together: “report which”",
                        ),
                    Example::good(
                        "Therefore another errand: understand the theme, thereof and hereafter.",
                    ),
                    Example::good("YouTube, iPhone, Holland, camelCase, snake_case_and, #andthe."),
                    Example::good("See hourand.com, /usr/hourand and @governmentsaid."),
                    Example::good("Use typeof and instanceof; thanks to [ofrobots](https://x)."),
                ],
            },
        }
    }
}

/// The one way `token` splits into two common words with a glue word, if there is one.
fn split(token: &str) -> Option<(&str, &str)> {
    let mut found = None;
    for i in 2..token.len() - 1 {
        let (a, b) = token.split_at(i);
        let glued = GLUE_AFTER.contains(&b) || (GLUE_BEFORE.contains(&a) && b.len() >= 3);
        if glued && (a.len() >= 3 || SHORT_FIRST.contains(&a)) && is_word(a) && is_word(b) {
            if found.is_some() {
                return None;
            }
            found = Some((a, b));
        }
    }
    found
}

/// Whether the character before a token lets it be a word of running text.
fn plain_before(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "(“\"‘'—–\u{1}".contains(c))
}

/// Whether the text after a token lets it be a word of running text: a space, the end,
/// or closing punctuation that is not followed by a letter or digit (`hourand.com`).
fn plain_after(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_whitespace() || c == '\u{1}' => true,
        Some(c) if ".,;:!?)”\"’—–".contains(c) => chars
            .next()
            .is_none_or(|d| !d.is_alphanumeric() && d != '_' && d != '/'),
        _ => false,
    }
}

impl Rule for GluedWords {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let bytes = text.as_bytes();
        let letter = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
        // A vectorised search for the glue words; a hit glued to letters on one side
        // (`hour|and`, `the|government`) gives the token around it.
        let mut done = 0;
        for m in GLUE_FINDER.find_iter(text) {
            let s = m.start();
            // A short glue word was matched with the character after it.
            let e = if m.len() == 3 && !letter(m.end() - 1) {
                m.end() - 1
            } else {
                m.end()
            };
            if s < done {
                continue;
            }
            let before_glued = s > 0 && bytes[s - 1].is_ascii_lowercase();
            let after_glued = bytes.get(e).is_some_and(u8::is_ascii_lowercase);
            let at_end = before_glued && !letter(e);
            let at_start =
                after_glued && (s == 0 || !letter(s - 1)) && GLUE_BEFORE.contains(&&text[s..e]);
            if !at_end && !at_start {
                continue;
            }
            let mut start = s;
            while start > 0 && letter(start - 1) {
                start -= 1;
            }
            let mut i = e;
            while letter(i) {
                i += 1;
            }
            done = i;
            if i - start < 5 {
                continue;
            }
            let token = &text[start..i];
            // Only a token that ends or starts with a glue word can split; its last two
            // letters rule out most tokens at once.
            let tail = &token.as_bytes()[token.len() - 2..];
            if !GLUE_TAILS.contains(&[tail[0], tail[1]])
                && !GLUE_BEFORE.iter().any(|g| token.starts_with(g))
            {
                continue;
            }
            if !token.bytes().all(|b| b.is_ascii_lowercase())
                || (!GLUE_AFTER.iter().any(|g| token.ends_with(g))
                    && !GLUE_BEFORE.iter().any(|g| token.starts_with(g)))
            {
                continue;
            }
            let before = text[..start].chars().next_back();
            if !plain_before(before) || !plain_after(&text[i..]) {
                continue;
            }
            // A single-word link or emphasis in masked Markdown: a handle or a name.
            if before == Some('\u{1}') && text[i..].starts_with('\u{1}') {
                continue;
            }
            if is_word(token) || EXCEPTIONS.contains(token) || CODE_WORDS.contains(&token) {
                continue;
            }
            let Some((a, b)) = split(token) else {
                continue;
            };
            let certain =
                is_frequent(a) && is_frequent(b) && (CERTAIN.contains(&b) || CERTAIN.contains(&a));
            let fix = Fix {
                replacement: format!("{a} {b}"),
                applicability: if certain {
                    Applicability::Safe
                } else {
                    Applicability::Unsafe
                },
            };
            let mut d = self.meta.diagnostic(
                start..i,
                format!("“{token}” looks like two words glued together: “{a} {b}”"),
                Some(fix),
            );
            if !certain {
                d.severity = Severity::Info;
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tails_cover_glue_words() {
        for g in GLUE_AFTER {
            let b = g.as_bytes();
            assert!(
                GLUE_TAILS.contains(&[b[b.len() - 2], b[b.len() - 1]]),
                "{g}"
            );
        }
    }

    #[test]
    fn splits_only_when_unique() {
        assert_eq!(split("hourand"), Some(("hour", "and")));
        assert_eq!(split("ofthe"), Some(("of", "the")));
        assert_eq!(split("governmentsaid"), Some(("government", "said")));
        assert_eq!(split("xyzand"), None);
    }

    #[test]
    fn severity_follows_certainty() {
        let rule = GluedWords::new();
        let mut out = Vec::new();
        rule.check(&Document::new("one hourand the reportwhich"), &mut out);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].severity, Severity::Warning);
        assert_eq!(out[0].span, 4..11);
        assert_eq!(out[1].severity, Severity::Info);
        assert_eq!(
            out[1].message,
            "“reportwhich” looks like two words glued together: “report which”"
        );
    }
}
