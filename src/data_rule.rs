//! Rules written as data: TOML files under `rules/` (built in) or given with `--rules`.
//!
//! ```toml
//! [[rule]]
//! id = "spacing/currency-space"
//! severity = "error"
//! message = "space between a currency symbol and its amount"
//! description = "English writes `$1.39`, not `$ 1.39`."
//! pattern = '[$€£¥](?P<m>[ \u{A0}\u{202F}]+)\d'
//! replace = ""
//! fix = "safe"
//! bad = [{ text = "$ 1.39 billion", fixed = "$1.39 billion" }]
//! good = ["$1.39 billion"]
//! ```
//!
//! `pattern` may also be a list of alternatives sharing the rule's conditions and fix.
//! The diagnostic's span is the capture group named `m` when the pattern has one,
//! otherwise the whole match. `not-before` / `not-after` are regexes tested against
//! the text just before / just after that span; a match vetoes the finding.
//! `replace` may use capture references (`${1}`, `$name`) and, unless
//! `preserve-case = false`, takes the capitalisation of the text it replaces.

use std::fmt;
use std::ops::Range;

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::position::LineIndex;
use crate::rule::{is_valid_id, Example, Rule, RuleMeta};
use crate::text::{char_boundary_before, next_char_boundary, preserve_case};

/// How far back `not-before` looks, in bytes.
const LOOKBEHIND: usize = 120;

/// An invalid rule file: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// The file's name as given (built-in files are named `rules/…`).
    pub origin: String,
    /// 1-based line and column of the offending text, when known.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.origin, self.message),
            None => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

impl std::error::Error for RuleError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRule {
    id: Spanned<String>,
    severity: Severity,
    message: String,
    description: String,
    pattern: Spanned<Patterns>,
    not_before: Option<Spanned<String>>,
    not_after: Option<Spanned<String>>,
    replace: Option<Spanned<String>>,
    fix: Option<Applicability>,
    #[serde(default = "yes")]
    preserve_case: bool,
    #[serde(default)]
    bad: Vec<RawBad>,
    #[serde(default)]
    good: Vec<String>,
}

fn yes() -> bool {
    true
}

/// One pattern, or several alternatives that share the rule's conditions and fix.
#[derive(Deserialize)]
#[serde(untagged)]
enum Patterns {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBad {
    text: String,
    fixed: Option<String>,
}

/// A rule defined by a regex pattern and optional context conditions.
#[derive(Debug)]
pub struct DataRule {
    meta: RuleMeta,
    patterns: Vec<Regex>,
    not_before: Option<Regex>,
    not_after: Option<Regex>,
    replace: Option<String>,
    preserve_case: bool,
}

/// Parse every rule of one TOML file. `origin` names the file in errors and in
/// `--explain`.
pub fn parse_rule_file(origin: &str, source: &str) -> Result<Vec<DataRule>, RuleError> {
    let index = LineIndex::new(source);
    let error = |span: Option<Range<usize>>, message: String| RuleError {
        origin: origin.to_string(),
        position: span.map(|s| index.line_col(source, s.start.min(source.len()))),
        message,
    };
    let file: RuleFile = toml::from_str(source).map_err(|e| {
        // The toml message repeats the position and a snippet; keep its first line.
        let message = e
            .message()
            .lines()
            .next()
            .unwrap_or("invalid TOML")
            .to_string();
        error(e.span(), message)
    })?;
    let compile = |source: &str, span: Range<usize>| {
        Regex::new(source).map_err(|e| {
            let detail = e.to_string();
            let last = detail.lines().last().unwrap_or("").trim().to_string();
            error(Some(span), format!("invalid regex: {last}"))
        })
    };
    let mut rules = Vec::with_capacity(file.rule.len());
    for spanned in file.rule {
        let table_span = spanned.span();
        let raw = spanned.into_inner();
        let id = raw.id.get_ref().clone();
        if !is_valid_id(&id) {
            return Err(error(
                Some(raw.id.span()),
                format!("rule id `{id}` must be `category/name` in lowercase kebab-case"),
            ));
        }
        let pattern_span = raw.pattern.span();
        let sources = match raw.pattern.get_ref() {
            Patterns::One(p) => std::slice::from_ref(p),
            Patterns::Many(ps) => ps.as_slice(),
        };
        if sources.is_empty() {
            return Err(error(
                Some(table_span),
                format!("rule `{id}` has no pattern"),
            ));
        }
        let patterns = sources
            .iter()
            .map(|p| compile(p, pattern_span.clone()))
            .collect::<Result<Vec<_>, _>>()?;
        let not_before = match &raw.not_before {
            Some(p) => Some(compile(&format!("(?:{})\\z", p.get_ref()), p.span())?),
            None => None,
        };
        let not_after = match &raw.not_after {
            Some(p) => Some(compile(&format!("\\A(?:{})", p.get_ref()), p.span())?),
            None => None,
        };
        let fix = match (&raw.replace, raw.fix) {
            (Some(_), Some(fix)) => Some(fix),
            (None, None) => None,
            (Some(r), None) => {
                return Err(error(
                    Some(r.span()),
                    format!("rule `{id}` has `replace` but no `fix = \"safe\"|\"unsafe\"`"),
                ))
            }
            (None, Some(_)) => {
                return Err(error(
                    Some(table_span),
                    format!("rule `{id}` has `fix` but no `replace`"),
                ))
            }
        };
        if raw.bad.is_empty() || raw.good.is_empty() {
            return Err(error(
                Some(table_span),
                format!("rule `{id}` needs at least one `bad` and one `good` example"),
            ));
        }
        let mut examples = Vec::new();
        for bad in raw.bad {
            if fix.is_some() != bad.fixed.is_some() {
                let want = if fix.is_some() {
                    "needs"
                } else {
                    "must not have"
                };
                return Err(error(
                    Some(table_span),
                    format!("rule `{id}`: bad example {:?} {want} `fixed`", bad.text),
                ));
            }
            examples.push(Example::Bad {
                text: bad.text,
                fixed: bad.fixed,
            });
        }
        examples.extend(raw.good.into_iter().map(|text| Example::Good { text }));
        rules.push(DataRule {
            meta: RuleMeta {
                id: id.into(),
                severity: raw.severity,
                fix,
                summary: raw.message,
                description: raw.description.trim().to_string(),
                origin: origin.to_string(),
                examples,
            },
            patterns,
            not_before,
            not_after,
            replace: raw.replace.map(Spanned::into_inner),
            preserve_case: raw.preserve_case,
        });
    }
    Ok(rules)
}

impl DataRule {
    fn vetoed(&self, text: &str, span: &Range<usize>) -> bool {
        if let Some(re) = &self.not_before {
            let from = char_boundary_before(text, span.start.saturating_sub(LOOKBEHIND));
            if re.is_match(&text[from..span.start]) {
                return true;
            }
        }
        if let Some(re) = &self.not_after {
            if re.is_match(&text[span.end..]) {
                return true;
            }
        }
        false
    }
}

impl Rule for DataRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, text: &str, out: &mut Vec<Diagnostic>) {
        let first = out.len();
        for pattern in &self.patterns {
            self.check_pattern(pattern, text, out);
        }
        if self.patterns.len() > 1 {
            // Alternatives may find the same span: report it once.
            let mut found = out.split_off(first);
            found.sort_by_key(|d| (d.span.start, d.span.end));
            found.dedup_by_key(|d| d.span.clone());
            out.append(&mut found);
        }
    }
}

impl DataRule {
    fn check_pattern(&self, pattern: &Regex, text: &str, out: &mut Vec<Diagnostic>) {
        let mut pos = 0;
        while pos <= text.len() {
            let Some(caps) = pattern.captures_at(text, pos) else {
                break;
            };
            let whole = caps.get(0).expect("group 0 always matches");
            let span = caps.name("m").unwrap_or(whole).range();
            if self.vetoed(text, &span) {
                pos = next_char_boundary(text, whole.start());
                continue;
            }
            let fix = self
                .replace
                .as_ref()
                .zip(self.meta.fix)
                .map(|(template, app)| {
                    let mut replacement = String::new();
                    caps.expand(template, &mut replacement);
                    if self.preserve_case {
                        replacement = preserve_case(&text[span.clone()], &replacement);
                    }
                    Fix {
                        replacement,
                        applicability: app,
                    }
                });
            out.push(self.meta.diagnostic(span, self.meta.summary.clone(), fix));
            pos = if whole.is_empty() {
                next_char_boundary(text, whole.end())
            } else {
                whole.end()
            };
        }
    }
}
