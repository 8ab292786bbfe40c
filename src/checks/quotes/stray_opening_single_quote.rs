//! `quotes/stray-opening-single-quote`: opening single quote that nothing closes.
//!
//! ## What it does
//!
//! A `‘` at the start of a word with no closing `’` anywhere after it in the paragraph:
//! typically the remains of a French elision or of a quotation the translation dropped.
//!
//! ## Why it matters
//!
//! The unsafe fix deletes it. Not reported before a digit (`‘90s`) or a word that
//! starts with an apostrophe (`‘til`, `rock ‘n’ roll`), nor when any closing `’`
//! follows (a plural possessive such as `States’` counts, to stay on the safe side).
//! Nor inside a double quotation that closes with no `’` before its `”`: a nested
//! quotation would close first, so the mark is an elision typed as `‘` (`“go ‘way!”`,
//! `“‘twill blow”`); nor when the quotation runs on into a next paragraph that opens
//! with `‘` (each paragraph of a long quotation opens, only the last closes).
//!
//! ## Example
//!
//! ```text
//! the vast swathes that ‘he had managed to capture.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! the vast swathes that he had managed to capture.
//! ```

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::paragraphs_with;
use crate::text::{Document, Pattern};

static OPENING: Pattern = Pattern::new("‘");

/// Words that legitimately start with an apostrophe, often typed as `‘`.
const ELIDED: &[&str] = &[
    "em",
    "til",
    "tis",
    "twas",
    "cause",
    "cos",
    "n",
    "bout",
    "round",
    "nuff",
    "kay",
    "ello",
    "appen",
    "fraid",
    "scuse",
    "sup",
    "neath",
    "gainst",
    "twere",
    "twill",
    "twould",
    "twixt",
    "mong",
    "mongst",
    "stead",
    "specially",
    "way",
    "cept",
    "fore",
    "nother",
    "prentice",
];

pub struct StraySingleQuote {
    meta: RuleMeta,
}

impl StraySingleQuote {
    pub fn new() -> Self {
        StraySingleQuote {
            meta: RuleMeta {
                id: "quotes/stray-opening-single-quote".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "opening single quote that nothing closes".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "the vast swathes that [‘]he had managed to capture.",
                        "the vast swathes that he had managed to capture.",
                    )
                    .message("opening single quote ‘ is never closed in this paragraph"),
                    Example::good("He called it ‘a mistake’ at the time."),
                    Example::good("Back in the ‘90s, rock ‘n’ roll ruled ‘til dawn."),
                    Example::good("‘Go home,’ he said.\n\nShe said ‘yes’."),
                    Example::good("“Keep ‘em here till morning,” said the mate, “‘twill blow.”"),
                    Example::good("She sang, “Dance ‘round the fire and ‘way down the lane.”"),
                    Example::good("‘The first part of his tale.\n\n‘The second part,’ he ended."),
                    Example::good(
                        "“‘The letter began so.\n\n“‘And it ended so.’ That was all,” he said.",
                    ),
                ],
            },
        }
    }
}

impl Rule for StraySingleQuote {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![OPENING.source()]
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for para in paragraphs_with(text, &OPENING) {
            let p = &text[para.clone()];
            for (i, _) in p.match_indices('‘') {
                let opens = p[..i]
                    .chars()
                    .last()
                    .is_none_or(|c| c.is_whitespace() || "([{“\"—–-".contains(c));
                let rest = &p[i + '‘'.len_utf8()..];
                let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
                if !opens || word.is_empty() || ELIDED.contains(&word.to_lowercase().as_str()) {
                    continue;
                }
                if closing_follows(rest)
                    || elides_in_dialogue(p, i)
                    || quoted_paragraphs_go_on(text, para.end, p, i)
                {
                    continue;
                }
                let start = para.start + i;
                let fix = Fix::deletion(Applicability::Unsafe);
                out.push(self.meta.diagnostic(
                    start..start + '‘'.len_utf8(),
                    "opening single quote ‘ is never closed in this paragraph",
                    Some(fix),
                ));
            }
        }
    }
}

/// Whether the `‘` at `i` of paragraph `p` stands inside a double quotation that closes
/// later in the paragraph, with no `’` before that `”`. A nested quotation closes before
/// the one around it, so this mark opens none: it is an apostrophe typed as `‘`, the
/// elision of dialect and verse (`“go ‘way!”`, `“see him ‘quid”`).
fn elides_in_dialogue(p: &str, i: usize) -> bool {
    let before = &p[..i];
    let opened = before.matches('“').count() > before.matches('”').count();
    // Right after `“` it may open a nested quotation: that one must close somewhere.
    if !opened || before.ends_with('“') {
        return false;
    }
    let rest = &p[i + '‘'.len_utf8()..];
    rest.find('”')
        .is_some_and(|end| !closing_follows(&rest[..end]))
}

/// Whether the `‘` at `i` of paragraph `p` opens a quotation that runs on into the next
/// paragraph: it opens the paragraph (or follows its `“`), and the next paragraph opens
/// with `‘` (or `“‘`). English leaves each paragraph of a long quotation open and closes
/// only the last one.
fn quoted_paragraphs_go_on(text: &str, para_end: usize, p: &str, i: usize) -> bool {
    let lead = p[..i].trim_start();
    if !(lead.is_empty() || lead == "“") {
        return false;
    }
    let next = text[para_end..].trim_start();
    next.starts_with('‘') || next.starts_with("“‘")
}

/// Whether `rest` holds a `’` that can close a quotation: not between two letters.
fn closing_follows(rest: &str) -> bool {
    rest.match_indices('’').any(|(j, _)| {
        let glued_after = rest[j + '’'.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic);
        !glued_after
    })
}
