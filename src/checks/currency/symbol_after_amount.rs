//! `currency/symbol-after-amount`: currency symbol after the amount.
//!
//! ## What it does
//!
//! French and much of Europe write the symbol after the amount (`1,39 $`, `20 €`);
//! English puts it before (`$1.39`, `€20`).
//!
//! ## Why it matters
//!
//! The unsafe fix moves the symbol and converts the number only where its format is
//! unambiguous: a decimal comma followed by one or two digits (`1,39` → `1.39`) and
//! groups of thousands separated by spaces (`1 390` → `1,390`). Anything else keeps its
//! digits as written.
//!
//! ## Example
//!
//! ```text
//! It costs 1,39 $ now.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! It costs $1.39 now.
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::char_boundary_before;
use crate::text::{Document, Pattern};

/// A currency symbol: found first, since it is rare and a literal search is fast.
static SYMBOL: Pattern = Pattern::new("[$€£¥]");

/// An amount (thousands in space-separated groups, or digits with dots and commas) right
/// before the symbol.
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<num>\d{1,3}(?:[ \u{A0}\u{202F}]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)*)[ \u{A0}\u{202F}]?\z",
    )
    .expect("valid regex")
});

/// How far before a symbol an amount may start.
const AMOUNT_WINDOW: usize = 64;

pub struct CurrencyOrder {
    meta: RuleMeta,
}

impl CurrencyOrder {
    pub fn new() -> Self {
        CurrencyOrder {
            meta: RuleMeta {
                id: "currency/symbol-after-amount".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "currency symbol after the amount".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad("It costs [1,39 $] now.", "It costs $1.39 now.")
                        .message("currency symbol $ after the amount: English writes it before"),
                    Example::bad(
                        "A budget of [1 390 000 €] was set.",
                        "A budget of €1,390,000 was set.",
                    )
                    .message("currency symbol € after the amount: English writes it before"),
                    Example::bad("Only [20€].", "Only €20.")
                        .message("currency symbol € after the amount: English writes it before"),
                    Example::bad("About [1 234,5 £] left", "About £1,234.5 left")
                        .message("currency symbol £ after the amount: English writes it before"),
                    Example::good("It costs $1.39 or €20, and 20 $US is odd but not this."),
                    Example::good("Regex groups $1 $2 and 2$x stay; type \"2$\" to move."),
                ],
            },
        }
    }
}

/// The English spelling of a French-formatted amount.
fn english_number(num: &str) -> String {
    let groups: Vec<&str> = num.split([' ', '\u{A0}', '\u{202F}']).collect();
    let (int_part, decimals) = match groups.last().and_then(|g| g.rsplit_once(',')) {
        Some((head, tail)) if (1..=2).contains(&tail.len()) && !head.contains(['.', ',']) => {
            let mut ints: Vec<&str> = groups[..groups.len() - 1].to_vec();
            ints.push(head);
            (ints, Some(tail))
        }
        _ => (groups, None),
    };
    let spaced_thousands = int_part.len() > 1
        && int_part[1..].iter().all(|g| g.len() == 3)
        && int_part
            .iter()
            .all(|g| g.chars().all(|c| c.is_ascii_digit()));
    let mut out = if spaced_thousands {
        int_part.join(",")
    } else {
        int_part.join(" ")
    };
    if let Some(d) = decimals {
        out.push('.');
        out.push_str(d);
    }
    out
}

impl Rule for CurrencyOrder {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![SYMBOL.source()]
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for symbol in SYMBOL.find_iter(text) {
            let from = char_boundary_before(text, symbol.start().saturating_sub(AMOUNT_WINDOW));
            let Some(caps) = AMOUNT.captures(&text[from..symbol.start()]) else {
                continue;
            };
            let start = from + caps.get(0).expect("group 0").start();
            let num = &caps["num"];
            let sym = symbol.as_str();
            let glued_before = text[..start]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || "$€£¥.,\"'`".contains(c));
            let glued_after = text[symbol.end()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || "$€£¥\"'`".contains(c));
            if glued_before || glued_after {
                continue;
            }
            let fix = Fix {
                replacement: format!("{sym}{}", english_number(num)),
                applicability: Applicability::Unsafe,
            };
            out.push(self.meta.diagnostic(
                start..symbol.end(),
                format!("currency symbol {sym} after the amount: English writes it before"),
                Some(fix),
            ));
        }
    }
}
