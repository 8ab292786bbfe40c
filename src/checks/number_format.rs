//! Numbers, amounts and times written the continental European way, with the English
//! form as an unsafe fix: `numbers/space-thousands` (`1 390 000`), `numbers/dot-thousands`
//! (`1.390.000`), `currency/abbreviated-multiplier` (`167,4 M$`) and
//! `numbers/time-format` (`11h21`, `23 h 00`, `at 23: 00`).
//!
//! A comma is read as a decimal comma only where that is certain (one or two digits
//! after it, in a number that is already continental by its separators or its
//! `M$`/`G$` unit); anything ambiguous (`1,390`, `1.390`) is left alone.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Rule, RuleMeta};

#[derive(Clone, Copy)]
enum Kind {
    SpaceThousands,
    DotThousands,
    Multiplier,
    Time,
}

pub struct NumberFormat {
    meta: RuleMeta,
    kind: Kind,
}

/// Digit groups separated by spaces or no-break spaces, with an optional decimal comma.
static SPACED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[0-9]{1,3}(?:[ \u{A0}\u{202F}][0-9]{3})+(?:,[0-9]{1,2})?(?-u:\b)")
        .expect("valid regex")
});

/// Digit groups separated by dots: two or more groups, or one with a decimal comma.
static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)[0-9]{1,3}(?:(?:\.[0-9]{3}){2,}(?:,[0-9]{1,2})?|\.[0-9]{3},[0-9]{1,2})(?-u:\b)",
    )
    .expect("valid regex")
});

/// An amount with a French multiplier before the currency symbol: `167,4 M$`, `12 G€`.
static MULTIPLIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?P<num>[0-9]{1,3}(?:,[0-9]{1,2})?|[0-9]+(?:\.[0-9]+)?)[ \u{A0}\u{202F}]?(?P<mult>Mds?|Mrds?|M|G|k)[ \u{A0}\u{202F}]?(?P<cur>\$|€|£)",
    )
    .expect("valid regex")
});

/// `11h21`, `11 h 21`, `23 h 00`, and `23: 00` (checked for context separately).
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<h>[01]?[0-9]|2[0-3])(?:(?P<hsep> ?h ?)|(?P<colon>: ))(?P<min>[0-5][0-9])(?-u:\b)")
        .expect("valid regex")
});

/// Words after a single space-separated group that make it certainly a number.
static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\A[ \u{A0}\u{202F}](?:%|per ?cent|euros?|dollars?|francs?|pounds|yen|yuan|pesos|people|persons|inhabitants|residents|employees|workers|jobs|victims|deaths|cases|homes|households|housing units|units|visitors|tourists|spectators|students|soldiers|troops|refugees|migrants|members|signatures|voters|votes|km|kilomet(?:re|er)s|met(?:re|er)s|tonnes|tons|hectares|litres|liters|barrels|copies|vehicles|cars)(?-u:\b)",
    )
    .expect("valid regex")
});

/// Words before a time that make `23: 00` certainly a time.
static TIME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:at|from|until|till|to|around|about|by|before|after|since|between|and)[ \t\n]\z")
        .expect("valid regex")
});

fn sep(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}')
}

impl NumberFormat {
    pub fn all() -> Vec<NumberFormat> {
        vec![
            NumberFormat {
                kind: Kind::SpaceThousands,
                meta: RuleMeta {
                    id: "numbers/space-thousands".into(),
                    severity: Severity::Warning,
                    fix: Some(Applicability::Unsafe),
                    summary: "thousands separated by spaces (`1 390 000`): English writes commas"
                        .into(),
                    description: "French, German, Spanish and Italian separate thousands with \
                        a (no-break) space: `1 390 000`. English writes `1,390,000`. Reported \
                        when the separators are no-break spaces, when there are two or more \
                        groups, or when one group is followed by a unit or a counted noun \
                        (`13 500 people`); never for phone-number-like runs of digits, nor \
                        before a currency symbol (see `currency/symbol-after-amount`). A \
                        decimal comma after the groups becomes a point."
                        .into(),
                    origin: file!().into(),
                    examples: vec![
                        Example::bad(
                            "a budget of 1 390 000 dollars",
                            "a budget of 1,390,000 dollars",
                        ),
                        Example::bad("about 13 500 people", "about 13,500 people"),
                        Example::bad("1\u{202F}234,5 tonnes", "1,234.5 tonnes"),
                        Example::bad("the 12\u{A0}000 residents", "the 12,000 residents"),
                        Example::good("Call 555 123 4567 or +33 612 345 678 today."),
                        Example::good("In 2019 200 people came; rooms 101 and 102."),
                        Example::good("It costs 1 390 000 € now; scores were 6 400 and 7 100."),
                        Example::good("13,500 people and 1,390,000 dollars"),
                    ],
                },
            },
            NumberFormat {
                kind: Kind::DotThousands,
                meta: RuleMeta {
                    id: "numbers/dot-thousands".into(),
                    severity: Severity::Warning,
                    fix: Some(Applicability::Unsafe),
                    summary: "thousands separated by dots (`1.390.000`): English writes commas"
                        .into(),
                    description: "German, Spanish and Italian separate thousands with dots and \
                        decimals with a comma: `1.390.000`, `1.234,5`. English writes \
                        `1,390,000` and `1,234.5`. Reported only where the format is certain: \
                        two or more dot groups, or a dot group followed by a decimal comma. \
                        A single dot group (`1.390`) is ambiguous and left alone; version \
                        numbers and IP addresses are not reported."
                        .into(),
                    origin: file!().into(),
                    examples: vec![
                        Example::bad("1.390.000 euros", "1,390,000 euros"),
                        Example::bad("a loss of 2.345,67 euros", "a loss of 2,345.67 euros"),
                        Example::good("version 1.390.000.2, host 10.100.200.1 and v2.100.300"),
                        Example::good("It weighs 1.390 kg; pi is 3.14159; 1,390,000 euros"),
                    ],
                },
            },
            NumberFormat {
                kind: Kind::Multiplier,
                meta: RuleMeta {
                    id: "currency/abbreviated-multiplier".into(),
                    severity: Severity::Warning,
                    fix: Some(Applicability::Unsafe),
                    summary: "French money abbreviation: English writes `$167.4 million`".into(),
                    description: "Quebec and French newsrooms write millions and billions of \
                        dollars or euros as `167,4 M$`, `12 G$`, `3 Md€`, `2 k€`. English \
                        writes `$167.4 million`, `$12 billion`, `€3 billion`, `€2,000`... the \
                        fix writes `thousand` for `k`. A comma followed by one or two digits \
                        is a decimal comma."
                        .into(),
                    origin: file!().into(),
                    examples: vec![
                        Example::bad(
                            "a deficit of 167,4 M$ this year",
                            "a deficit of $167.4 million this year",
                        ),
                        Example::bad("a 12 G$ plan", "a $12 billion plan"),
                        Example::bad("3 Md€ and 2,5 M€", "€3 billion and €2.5 million"),
                        Example::bad("only 20 k€", "only €20 thousand"),
                        Example::good("$167.4 million, €12 billion and the M$ ticker; 12 GB"),
                    ],
                },
            },
            NumberFormat {
                kind: Kind::Time,
                meta: RuleMeta {
                    id: "numbers/time-format".into(),
                    severity: Severity::Warning,
                    fix: Some(Applicability::Unsafe),
                    summary: "time written the French way (`11h21`): English writes `11:21`".into(),
                    description: "French writes times as `11h21` or `23 h 00`; a stray space \
                        after the colon (`23: 00`) is another trace of it. English writes \
                        `11:21` and `23:00` (or `11.21 am`). `23: 00` is reported only after \
                        `at`, `from`, `until` and the like, or before `am`/`pm`; durations \
                        such as `2h30min` are left alone."
                        .into(),
                    origin: file!().into(),
                    examples: vec![
                        Example::bad("at 11h21 on Monday", "at 11:21 on Monday"),
                        Example::bad("from 23 h 00 to 6 h 30", "from 23:00 to 6:30"),
                        Example::bad("until 23: 00 tonight", "until 23:00 tonight"),
                        Example::good("He ran it in 2h30min; Chapter 2: 15 ways; ratio 3: 10."),
                        Example::good("at 11:21, at 23:00, H2O and 4h of sleep"),
                    ],
                },
            },
        ]
    }
}

/// English digits for continental groups (`1 390 000`, `1.390.000`, `1 234,5`).
fn english(num: &str, group_sep: &[char]) -> String {
    let (int, dec) = match num.rsplit_once(',') {
        Some((i, d)) => (i, Some(d)),
        None => (num, None),
    };
    let mut out: String = int
        .chars()
        .map(|c| if group_sep.contains(&c) { ',' } else { c })
        .collect();
    if let Some(d) = dec {
        out.push('.');
        out.push_str(d);
    }
    out
}

impl NumberFormat {
    fn check_spaced(&self, text: &str, out: &mut Vec<Diagnostic>) {
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

    fn check_dotted(&self, text: &str, out: &mut Vec<Diagnostic>) {
        for m in DOTTED.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let mut after = text[m.end()..].chars();
            let (next, next2) = (after.next(), after.next());
            if before.is_some_and(|c| c.is_alphanumeric() || ".,".contains(c))
                || next.is_some_and(|c| ".,".contains(c))
                    && next2.is_some_and(|c| c.is_ascii_digit())
            {
                continue;
            }
            let replacement = english(m.as_str(), &['.']);
            let message = format!("thousands separated by dots: English writes `{replacement}`");
            let fix = Fix {
                replacement,
                applicability: Applicability::Unsafe,
            };
            out.push(self.meta.diagnostic(m.range(), message, Some(fix)));
        }
    }

    fn check_multiplier(&self, text: &str, out: &mut Vec<Diagnostic>) {
        for caps in MULTIPLIER.captures_iter(text) {
            let whole = caps.get(0).expect("group 0");
            let before = text[..whole.start()].chars().next_back();
            if before.is_some_and(|c| ".,".contains(c)) {
                continue;
            }
            if text[whole.end()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            let word = match &caps["mult"] {
                "k" => "thousand",
                "M" => "million",
                _ => "billion",
            };
            let replacement = format!("{}{} {word}", &caps["cur"], english(&caps["num"], &[]));
            out.push(self.meta.diagnostic(
                whole.range(),
                format!(
                    "`{}` is a French abbreviation: English writes `{replacement}`",
                    whole.as_str()
                ),
                Some(Fix {
                    replacement,
                    applicability: Applicability::Unsafe,
                }),
            ));
        }
    }

    fn check_time(&self, text: &str, out: &mut Vec<Diagnostic>) {
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
                let window =
                    crate::text::char_boundary_before(text, whole.start().saturating_sub(12));
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

impl Rule for NumberFormat {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        match self.kind {
            Kind::SpaceThousands => vec![SPACED.as_str()],
            Kind::DotThousands => vec![DOTTED.as_str()],
            Kind::Multiplier => vec![MULTIPLIER.as_str()],
            Kind::Time => vec![TIME.as_str()],
        }
    }

    /// The number patterns start with a digit class, which gives the prefilter nothing;
    /// every match contains a digit, a separator and a digit, which are rare enough in
    /// prose to filter on.
    fn required_literals(&self) -> Option<Vec<Vec<u8>>> {
        let digits = || (0..10).map(|d: u8| char::from(b'0' + d));
        let around = |seps: &[&str]| -> Vec<Vec<u8>> {
            let mut out = Vec::new();
            for a in digits() {
                for sep in seps {
                    for b in digits() {
                        out.push(format!("{a}{sep}{b}").into_bytes());
                    }
                }
            }
            out
        };
        match self.kind {
            Kind::SpaceThousands => Some(around(&[" ", "\u{A0}", "\u{202F}"])),
            Kind::DotThousands => Some(around(&["."])),
            Kind::Multiplier => crate::prefilter::required_literals(&self.patterns()),
            Kind::Time => {
                let mut out: Vec<Vec<u8>> = digits()
                    .flat_map(|d| [format!("{d}h"), format!("{d} h")])
                    .map(String::into_bytes)
                    .collect();
                out.extend((0..6).map(|d| format!(": {d}").into_bytes()));
                Some(out)
            }
        }
    }

    fn check(&self, text: &str, out: &mut Vec<Diagnostic>) {
        match self.kind {
            Kind::SpaceThousands => self.check_spaced(text, out),
            Kind::DotThousands => self.check_dotted(text, out),
            Kind::Multiplier => self.check_multiplier(text, out),
            Kind::Time => self.check_time(text, out),
        }
    }
}
