//! `numbers/time-format`: time written the French way (`11h21`): English writes `11:21`.
//!
//! ## What it does
//!
//! French writes times as `11h21` or `23 h 00`; a stray space after the colon (`23:
//! 00`) is another trace of it.
//!
//! ## Why it matters
//!
//! English writes `11:21` and `23:00` (or `11.21 am`). `23: 00` is reported only after
//! `at`, `from`, `until` and the like, or before `am`/`pm`; durations such as `2h30min`
//! are left alone.
//!
//! ## Example
//!
//! ```text
//! at 11h21 on Monday
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! at 11:21 on Monday
//! ```

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::char_boundary_before;
use crate::text::{Document, Pattern};

/// `11h21`, `11 h 21`, `23 h 00`, and `23: 00` (checked for context separately).
static TIME: Pattern = Pattern::new(
    r"(?-u:\b)(?P<h>[01]?[0-9]|2[0-3])(?:(?P<hsep> ?h ?)|(?P<colon>: ))(?P<min>[0-5][0-9])(?-u:\b)",
);

/// Words before a time that make `23: 00` certainly a time.
static TIME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:at|from|until|till|to|around|about|by|before|after|since|between|and)[ \t\n]\z")
        .expect("valid regex")
});

/// The rule.
pub struct TimeFormat {
    meta: RuleMeta,
}

impl TimeFormat {
    pub fn new() -> Self {
        TimeFormat {
            meta: RuleMeta {
                id: "numbers/time-format".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "time written the French way (`11h21`): English writes `11:21`".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad("at [11h21] on Monday", "at 11:21 on Monday")
                        .message("time written the French way: English writes `11:21`"),
                    Example::bad("from [23 h 00] to [6 h 30]", "from 23:00 to 6:30").messages(&[
                        "time written the French way: English writes `23:00`",
                        "time written the French way: English writes `6:30`",
                    ]),
                    Example::bad("until [23: 00] tonight", "until 23:00 tonight")
                        .message("time written the French way: English writes `23:00`"),
                    Example::good("He ran it in 2h30min; Chapter 2: 15 ways; ratio 3: 10."),
                    Example::good("at 11:21, at 23:00, H2O and 4h of sleep"),
                ],
            },
        }
    }
}

impl Rule for TimeFormat {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![TIME.source()]
    }

    /// The pattern starts with a digit class, which gives the prefilter nothing: every
    /// match holds a digit and `h`, or `: ` and a digit.
    fn required_literals(&self) -> Option<Vec<Cow<'_, [u8]>>> {
        let mut out: Vec<Vec<u8>> = (0..10)
            .flat_map(|d| [format!("{d}h"), format!("{d} h")])
            .map(String::into_bytes)
            .collect();
        out.extend((0..6).map(|d| format!(": {d}").into_bytes()));
        Some(crate::rule::owned(out))
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for caps in TIME.captures_iter(text) {
            let whole = caps.get(0).expect("group 0");
            let before = text[..whole.start()].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || "+-.,:/".contains(c)) {
                continue;
            }
            let rest = &text[whole.end()..];
            if caps.name("colon").is_some() {
                let after_ok = rest.starts_with(" am")
                    || rest.starts_with(" pm")
                    || rest.starts_with(" a.m.")
                    || rest.starts_with(" p.m.")
                    || rest.starts_with(" hours");
                let window = char_boundary_before(text, whole.start().saturating_sub(12));
                if !(after_ok || TIME_BEFORE.is_match(&text[window..whole.start()])) {
                    continue;
                }
            } else {
                // A duration (`2h30min`, `2 h 30 m`) or a unit glued on.
                let tail = rest.trim_start_matches(' ');
                if rest.starts_with(|c: char| c.is_alphanumeric() || c == '\'' || c == '′')
                    || tail.starts_with("min")
                    || tail.starts_with("mn")
                    || tail.starts_with("m ")
                    || tail == "m"
                    || tail.starts_with("s ")
                {
                    continue;
                }
            }
            let replacement = format!("{}:{}", &caps["h"], &caps["min"]);
            out.push(self.meta.diagnostic(
                whole.range(),
                format!("time written the French way: English writes `{replacement}`"),
                Some(Fix {
                    replacement,
                    applicability: Applicability::Unsafe,
                }),
            ));
        }
    }
}
