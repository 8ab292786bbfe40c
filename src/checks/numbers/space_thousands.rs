//! `numbers/space-thousands`: thousands separated by spaces (`1 390 000`): English writes commas.
//!
//! ## What it does
//!
//! French, German, Spanish and Italian separate thousands with a (no-break) space: `1
//! 390 000`.
//!
//! ## Why it matters
//!
//! English writes `1,390,000`. Reported when the separators are no-break spaces, when
//! there are two or more groups, or when one group is followed by a unit or a counted
//! noun (`13 500 people`); never for phone-number-like runs of digits, nor before a
//! currency symbol (see `currency/symbol-after-amount`). A decimal comma after the
//! groups becomes a point.
//!
//! ## Example
//!
//! ```text
//! a budget of 1 390 000 dollars
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! a budget of 1,390,000 dollars
//! ```

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::numbers::{digits_around, english, sep};
use crate::text::{Document, Pattern};

/// Digit groups separated by spaces or no-break spaces, with an optional decimal comma.
static SPACED: Pattern =
    Pattern::new(r"(?-u:\b)[0-9]{1,3}(?:[ \u{A0}\u{202F}][0-9]{3})+(?:,[0-9]{1,2})?(?-u:\b)");

/// Words after a single space-separated group that make it certainly a number.
static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\A[ \u{A0}\u{202F}](?:%|per ?cent|euros?|dollars?|francs?|pounds|yen|yuan|pesos|people|persons|inhabitants|residents|employees|workers|jobs|victims|deaths|cases|homes|households|housing units|units|visitors|tourists|spectators|students|soldiers|troops|refugees|migrants|members|signatures|voters|votes|km|kilomet(?:re|er)s|met(?:re|er)s|tonnes|tons|hectares|litres|liters|barrels|copies|vehicles|cars)(?-u:\b)",
    )
    .expect("valid regex")
});

/// The rule.
pub struct SpaceThousands {
    meta: RuleMeta,
}

impl SpaceThousands {
    pub fn new() -> Self {
        SpaceThousands {
            meta: RuleMeta {
                id: "numbers/space-thousands".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "thousands separated by spaces (`1 390 000`): English writes commas"
                    .into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "a budget of [1 390 000] dollars",
                        "a budget of 1,390,000 dollars",
                    )
                    .message("thousands separated by spaces: English writes `1,390,000`"),
                    Example::bad("about [13 500] people", "about 13,500 people")
                        .message("thousands separated by spaces: English writes `13,500`"),
                    Example::bad("[1\u{202F}234,5] tonnes", "1,234.5 tonnes")
                        .message("thousands separated by spaces: English writes `1,234.5`"),
                    Example::bad("the [12\u{A0}000] residents", "the 12,000 residents")
                        .message("thousands separated by spaces: English writes `12,000`"),
                    Example::good("Call 555 123 4567 or +33 612 345 678 today."),
                    Example::good("In 2019 200 people came; rooms 101 and 102."),
                    Example::good("It costs 1 390 000 € now; scores were 6 400 and 7 100."),
                    Example::good("13,500 people and 1,390,000 dollars"),
                ],
            },
        }
    }
}

impl Rule for SpaceThousands {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![SPACED.source()]
    }

    /// The pattern starts with a digit class, which gives the prefilter nothing; every
    /// match contains a digit, a separator and a digit, which are rare enough in prose to
    /// filter on.
    fn required_literals(&self) -> Option<Vec<Cow<'_, [u8]>>> {
        Some(crate::rule::owned(digits_around(&[
            " ", "\u{A0}", "\u{202F}",
        ])))
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for m in SPACED.find_iter(text) {
            let s = m.as_str();
            let before = text[..m.start()].chars().next_back();
            let mut after = text[m.end()..].chars();
            let next = after.next();
            let next2 = after.next();
            // Part of a longer run of digits (phone numbers, lists), or of a number with
            // other separators.
            if before.is_some_and(|c| c.is_ascii_digit() || "+(.,-/:".contains(c))
                || text[..m.start()]
                    .trim_end_matches(sep)
                    .ends_with(|c: char| c.is_ascii_digit())
                    && before.is_some_and(sep)
            {
                continue;
            }
            if next.is_some_and(|c| c.is_ascii_digit() || "-/.:".contains(c))
                && next2.is_some_and(|c| c.is_ascii_digit())
                || next.is_some_and(sep) && next2.is_some_and(|c| c.is_ascii_digit())
            {
                continue;
            }
            // Before a currency symbol: `currency/symbol-after-amount` rewrites it all.
            let rest = text[m.end()..].trim_start_matches(sep);
            if rest.starts_with(['$', '€', '£', '¥']) {
                continue;
            }
            let groups = s.split(sep).count();
            let no_break = s.contains(['\u{A0}', '\u{202F}']);
            let counted = COUNTED.is_match(&text[m.end()..]);
            if !(no_break || groups >= 3 || counted) {
                continue;
            }
            let replacement = english(s, &[' ', '\u{A0}', '\u{202F}']);
            let message = format!("thousands separated by spaces: English writes `{replacement}`");
            let fix = Fix {
                replacement,
                applicability: Applicability::Unsafe,
            };
            out.push(self.meta.diagnostic(m.range(), message, Some(fix)));
        }
    }
}
