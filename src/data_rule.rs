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
//! otherwise the whole match, grown to the left over any of the characters of
//! `grow-left` (so a pattern can match one space, which is fast, and the span still
//! covers a run of them). `before` / `after` are regexes that must match the text
//! just before / just after that span (up to 120 bytes back), `not-before` / `not-after`
//! regexes that must not. Keeping context out of `pattern` keeps it fast: a pattern
//! that starts with a literal is found by a vectorised literal search.
//! `\b` is an ASCII word boundary and `\d` an ASCII digit (see
//! [`crate::literals::ascii_classes`]).
//! `replace` may use capture references (`${1}`, `$name`) and, unless
//! `preserve-case = false`, takes the capitalisation of the text it replaces.
//! `replace-uk` replaces it when the house style is UK (`style = "uk"`): a rule that
//! writes quotation marks or a date gives the other convention's form there. A rule that
//! imposes one convention says so with `style = "us"` (or `"uk"`): it stays quiet in
//! the other house style.
//!
//! A bad example marks the findings it expects with brackets, as LanguageTool's do:
//! `{ text = "the West[. .]", fixed = "the West." }` must be flagged exactly at `. .`
//! (`\\[` and `\\]` in a TOML basic string are literal brackets). `message` gives the
//! expected message when it is not the rule's `message`: one for every finding, or a
//! list, one per marked span. Unmarked examples (older user files) only need a finding.
//!
//! Source-language packs: a top-level `pack = "fr"` (or `pack = ["fr", "es"]`) puts
//! every rule of the file in that pack, and a rule's own `pack` key overrides it. Pack
//! rules run only when their language is chosen (`Linter::source_languages`), except
//! those marked `default = true`, which also run when no language is given.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock, PoisonError};

use regex::Regex;
use regex_automata::dfa::{dense, Automaton};
use regex_automata::Input;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::position::LineIndex;
use crate::rule::{is_valid_id, Example, Rule, RuleMeta};
use crate::text::Document;
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
    /// Byte range of the offending text in the file, when known.
    pub span: Option<Range<usize>>,
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
    /// The source-language pack(s) every rule of the file belongs to (see [`Rule::packs`]).
    pack: Option<Spanned<PackList>>,
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
}

/// One source-language code (`"fr"`) or several (`["fr", "es"]`).
#[derive(Deserialize, Clone)]
#[serde(untagged)]
enum PackList {
    One(String),
    Many(Vec<String>),
}

impl PackList {
    fn codes(&self) -> Vec<String> {
        match self {
            PackList::One(code) => vec![code.clone()],
            PackList::Many(codes) => codes.clone(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRule {
    id: Spanned<String>,
    severity: Severity,
    message: String,
    description: String,
    pattern: Spanned<Patterns>,
    grow_left: Option<String>,
    before: Option<Spanned<String>>,
    after: Option<Spanned<String>>,
    not_before: Option<Spanned<String>>,
    not_after: Option<Spanned<String>>,
    replace: Option<Spanned<String>>,
    /// `replace` for the UK house style (`style = "uk"`): other quotes, another date order.
    replace_uk: Option<Spanned<String>>,
    fix: Option<Applicability>,
    #[serde(default = "yes")]
    preserve_case: bool,
    #[serde(default)]
    bad: Vec<RawBad>,
    #[serde(default)]
    good: Vec<String>,
    /// Overrides the file's `pack` for this rule.
    pack: Option<Spanned<PackList>>,
    /// A pack rule that runs even when no source language is given (near-certain).
    #[serde(default, rename = "default")]
    conservative_default: bool,
    /// The house style the rule imposes (`us`, `uk`): it stays quiet in the other.
    style: Option<Spanned<String>>,
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
    /// The text, its expected findings marked with `[` `]` (see [`crate::rule::parse_marked`]).
    text: String,
    fixed: Option<String>,
    /// The findings' message, or one per marked span; the rule's `message` by default.
    message: Option<PackList>,
}

/// A rule defined by a regex pattern and optional context conditions.
#[derive(Debug)]
pub struct DataRule {
    meta: RuleMeta,
    /// Where the id is written in the rule file.
    pub(crate) id_span: Range<usize>,
    patterns: Vec<LazyRegex>,
    /// Literals one of which every match contains (see `prefilter.rs`): static for a
    /// built-in rule, computed at load time for a user's.
    literals: Option<Vec<Cow<'static, [u8]>>>,
    /// Characters the span takes in when they stand just before it.
    grow_left: Option<String>,
    before: Option<LazyRegex>,
    after: Option<LazyRegex>,
    not_before: Option<LazyRegex>,
    not_after: Option<LazyRegex>,
    replace: Option<String>,
    replace_uk: Option<String>,
    preserve_case: bool,
    packs: Vec<Arc<str>>,
    conservative_default: bool,
    /// Runs only in this house style.
    style: Option<crate::Style>,
}

/// A regex compiled on first use (built-in rules: most never run on a given text, and
/// compiling them all would dominate start-up) or at load time (user rule files, so that
/// errors are reported with their position).
#[derive(Debug)]
struct LazyRegex {
    source: String,
    compiled: OnceLock<Regex>,
    /// The search DFAs `build.rs` serialized for a built-in pattern or condition (see
    /// `may_match`): one, or several that share a long phrase list; empty for a user
    /// rule's.
    dfas: &'static [DfaAt],
    /// The DFAs, read in place once asked about; `None` if they do not load (another
    /// byte order).
    search_dfas: OnceLock<Option<Vec<dense::DFA<&'static [u32]>>>>,
    /// Bytes of text the DFA has been asked about.
    scanned: AtomicUsize,
}

/// Text a pattern's DFA answers for before its regex compiles anyway (past this, the
/// compile costs less than searching twice would).
const PRECHECK_BYTES: usize = 1 << 20;

impl LazyRegex {
    fn new(source: String, compiled: OnceLock<Regex>) -> Self {
        LazyRegex {
            source,
            compiled,
            dfas: &[],
            search_dfas: OnceLock::new(),
            scanned: AtomicUsize::new(0),
        }
    }

    /// Whether the pattern may give a finding in `text`: `false` only when its search
    /// DFAs, read in place from the binary, find no match (a built-in pattern's DFAs also
    /// hold its rule's `before` and `after` conditions where they can). A built-in
    /// pattern that finds nothing in the texts of a run is then never compiled
    /// (compiling is most of a short run's time); once it has been compiled, or once the
    /// DFAs have read [`PRECHECK_BYTES`], the compiled regex searches alone.
    fn may_match(&self, text: &str) -> bool {
        if self.compiled.get().is_some()
            || self.scanned.fetch_add(text.len(), Ordering::Relaxed) > PRECHECK_BYTES
        {
            return true;
        }
        self.dfa_match(text).unwrap_or(true)
    }

    /// What the DFAs say of `text`: whether one finds a match; `None` when the pattern
    /// has none, or ones that do not load.
    fn dfa_match(&self, text: &str) -> Option<bool> {
        if self.dfas.is_empty() {
            return None;
        }
        let dfas = self.search_dfas.get_or_init(|| {
            self.dfas
                .iter()
                .map(|at| dense::DFA::from_bytes(at.bytes()).ok().map(|(dfa, _)| dfa))
                .collect()
        });
        let input = Input::new(text).earliest(true);
        let found = |dfa: &dense::DFA<_>| !matches!(dfa.try_search_fwd(&input), Ok(None));
        Some(dfas.as_ref()?.iter().any(found))
    }

    /// Whether the DFAs are exact: they match just what the regex matches.
    fn exact(&self) -> bool {
        self.dfas.first().is_some_and(|at| at.exact)
    }

    /// Whether the regex matches `text`. An exact DFA answers without compiling the
    /// regex, so that a short run compiles no condition of a built-in rule. Past
    /// [`PRECHECK_BYTES`] of text asked about (counted up to [`LOOKBEHIND`] bytes a
    /// question), the regex answers: it reads a condition anchored at the end (`…\z`)
    /// backwards from there, where the DFA reads the whole window.
    fn is_match(&self, text: &str) -> bool {
        let asked = || {
            self.scanned
                .fetch_add(text.len().min(LOOKBEHIND), Ordering::Relaxed)
                <= PRECHECK_BYTES
        };
        if self.exact() && self.compiled.get().is_none() && asked() {
            if let Some(found) = self.dfa_match(text) {
                return found;
            }
        }
        self.get().is_match(text)
    }

    fn get(&self) -> &Regex {
        self.compiled.get_or_init(|| shared_regex(&self.source))
    }
}

/// The regex of a built-in pattern or condition, compiled once per process however many
/// rules share its source (`\.[ \t]*\.`, the conditions of a family of rules). Two
/// threads may both compile a source neither has yet; the lock is not held meanwhile,
/// so that the first texts' rules compile in parallel.
fn shared_regex(source: &str) -> Regex {
    static SHARED: LazyLock<Mutex<HashMap<String, Regex>>> = LazyLock::new(Default::default);
    let shared = || SHARED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(regex) = shared().get(source) {
        return regex.clone();
    }
    // Only built-in rules compile here, and the tests compile them all
    // (`every_built_in_rule_file_compiles_eagerly`); should one fail, it matches nothing
    // rather than panic.
    let regex = Regex::new(source).unwrap_or_else(|_| Regex::new(r"[^\s\S]").expect("valid"));
    shared().insert(source.to_string(), regex.clone());
    regex
}

/// Parse every rule of one TOML file, compiling all its regexes so that any error is
/// reported now. `origin` names the file in errors and in `--explain`.
pub fn parse_rule_file(origin: &str, source: &str) -> Result<Vec<DataRule>, RuleError> {
    parse_rules(origin, source, true)
}

/// Parse a built-in rule file that `build.rs` could not read into a [`StaticRule`] table:
/// regexes are compiled on first use, and its errors are reported as a user file's.
pub(crate) fn parse_builtin(origin: &str, source: &str) -> Result<Vec<DataRule>, RuleError> {
    parse_rules(origin, source, false)
}

/// A built-in rule as `build.rs` read it from its TOML file, so that nothing is parsed at
/// start-up: the fields of [`RawRule`], with the patterns rewritten by
/// [`crate::literals::ascii_classes`], the conditions anchored as [`parse_rules`] anchors
/// them, and what the build computed: the prefilter literals and, for each pattern, where
/// its search DFA lies in [`crate::BUILTIN_DFAS`]. The tests check that every file reads
/// the same both ways.
pub(crate) struct StaticRule {
    pub id: &'static str,
    pub severity: Severity,
    pub message: &'static str,
    pub description: &'static str,
    pub patterns: &'static [&'static str],
    pub grow_left: Option<&'static str>,
    pub before: Option<(&'static str, &'static [DfaAt])>,
    pub after: Option<(&'static str, &'static [DfaAt])>,
    pub not_before: Option<(&'static str, &'static [DfaAt])>,
    pub not_after: Option<(&'static str, &'static [DfaAt])>,
    pub replace: Option<&'static str>,
    pub replace_uk: Option<&'static str>,
    pub fix: Option<Applicability>,
    pub preserve_case: bool,
    pub bad: &'static [StaticBad],
    pub good: &'static [&'static str],
    pub packs: &'static [&'static str],
    pub conservative_default: bool,
    pub style: Option<&'static str>,
    pub literals: Option<&'static [&'static [u8]]>,
    pub dfas: &'static [&'static [DfaAt]],
}

/// Where `build.rs` put a search DFA of a pattern or condition in
/// [`crate::BUILTIN_DFAS`], and whether the pattern's DFAs are exact.
#[derive(Debug)]
pub(crate) struct DfaAt {
    pub at: usize,
    pub len: usize,
    pub exact: bool,
}

impl DfaAt {
    fn bytes(&self) -> &'static [u8] {
        &crate::BUILTIN_DFAS.bytes[self.at..self.at + self.len]
    }
}

/// A bad example of a [`StaticRule`], as written (its spans marked).
pub(crate) struct StaticBad {
    pub text: &'static str,
    pub fixed: Option<&'static str>,
    pub messages: &'static [&'static str],
}

/// The rules of every file of [`crate::BUILTIN_RULE_FILES`], in the same order; `None`
/// for a file the build could not read.
pub(crate) static BUILTIN_TABLES: &[Option<&[StaticRule]>] =
    include!(concat!(env!("OUT_DIR"), "/builtin_tables.rs"));

impl DataRule {
    /// A built-in rule from its static table (`origin` is its file).
    pub(crate) fn from_static(origin: &str, rule: &StaticRule) -> DataRule {
        let regex = |source: &str, dfas: &'static [DfaAt]| LazyRegex {
            dfas,
            ..LazyRegex::new(source.to_string(), OnceLock::new())
        };
        let condition = |c: &Option<(&str, &'static [DfaAt])>| c.map(|(s, d)| regex(s, d));
        let patterns = rule
            .patterns
            .iter()
            .zip(rule.dfas)
            .map(|(source, dfa)| regex(source, dfa))
            .collect();
        let mut examples: Vec<Example> = rule
            .bad
            .iter()
            .map(|bad| Example::marked(bad.text, bad.fixed).messages(bad.messages))
            .collect();
        examples.extend(rule.good.iter().map(|&text| Example::good(text)));
        DataRule {
            id_span: 0..0,
            meta: RuleMeta {
                id: rule.id.into(),
                severity: rule.severity,
                fix: rule.fix,
                fixes: crate::rule::Fixes::of_data_rule(rule.fix),
                summary: rule.message.to_string(),
                description: rule.description.to_string(),
                origin: origin.to_string(),
                examples,
            },
            literals: rule
                .literals
                .map(|set| set.iter().map(|&l| Cow::Borrowed(l)).collect()),
            patterns,
            grow_left: rule.grow_left.map(String::from),
            before: condition(&rule.before),
            after: condition(&rule.after),
            not_before: condition(&rule.not_before),
            not_after: condition(&rule.not_after),
            replace: rule.replace.map(String::from),
            replace_uk: rule.replace_uk.map(String::from),
            preserve_case: rule.preserve_case,
            packs: rule.packs.iter().map(|&p| Arc::from(p)).collect(),
            conservative_default: rule.conservative_default,
            style: rule.style.and_then(crate::Style::from_name),
        }
    }
}

/// Parse every rule of one TOML file; with `eager` false, regexes are compiled on first
/// use and not checked here.
fn parse_rules(origin: &str, source: &str, eager: bool) -> Result<Vec<DataRule>, RuleError> {
    let index = LineIndex::new(source);
    let error = |span: Option<Range<usize>>, message: String| RuleError {
        origin: origin.to_string(),
        position: span
            .as_ref()
            .map(|s| index.line_col(source, s.start.min(source.len()))),
        span,
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
    // `wrap` anchors a condition; the condition must be a regex on its own first, or
    // `a)|(b` would slip out of the wrapping group and change meaning.
    let compile = |source: &str, span: Range<usize>, wrap: fn(&str) -> String| {
        let invalid = |detail: String| {
            let last = detail.lines().last().unwrap_or("").trim();
            let last = last.strip_prefix("error: ").unwrap_or(last);
            error(Some(span.clone()), format!("invalid regex: {last}"))
        };
        if eager {
            regex_syntax::Parser::new()
                .parse(source)
                .map_err(|e| invalid(e.to_string()))?;
        }
        let source = wrap(&crate::literals::ascii_classes(source));
        let compiled = OnceLock::new();
        if eager {
            let regex = Regex::new(&source).map_err(|e| invalid(e.to_string()))?;
            compiled.set(regex).expect("new cell");
        }
        Ok(LazyRegex::new(source, compiled))
    };
    let packs_of = |list: &Spanned<PackList>| -> Result<Vec<Arc<str>>, RuleError> {
        let codes = list.get_ref().codes();
        if codes.is_empty() {
            return Err(error(Some(list.span()), "`pack` lists no language".into()));
        }
        for code in &codes {
            if !is_valid_pack(code) {
                return Err(error(
                    Some(list.span()),
                    format!("pack `{code}` must be a lowercase language code such as `fr`"),
                ));
            }
        }
        Ok(codes.into_iter().map(Arc::from).collect())
    };
    let file_packs = file.pack.as_ref().map(packs_of).transpose()?;
    let mut rules: Vec<DataRule> = Vec::with_capacity(file.rule.len());
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
        if rules.iter().any(|r| *r.meta.id == *id) {
            return Err(error(
                Some(raw.id.span()),
                format!("rule `{id}` is defined twice in this file"),
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
            .map(|p| compile(p, pattern_span.clone(), str::to_string))
            .collect::<Result<Vec<_>, _>>()?;
        if eager {
            if let Some(empty) = sources
                .iter()
                .zip(&patterns)
                .find(|(_, p)| can_match_empty(&p.source))
            {
                return Err(error(
                    Some(pattern_span),
                    format!(
                        "rule `{id}`: pattern {:?} can match empty text (a fix would insert at every position); make it match at least one character",
                        empty.0
                    ),
                ));
            }
        }
        let ending = |p: &Option<Spanned<String>>| {
            p.as_ref()
                .map(|p| compile(p.get_ref(), p.span(), crate::literals::ending))
                .transpose()
        };
        let starting = |p: &Option<Spanned<String>>| {
            p.as_ref()
                .map(|p| compile(p.get_ref(), p.span(), crate::literals::starting))
                .transpose()
        };
        let (before, not_before) = (ending(&raw.before)?, ending(&raw.not_before)?);
        let (after, not_after) = (starting(&raw.after)?, starting(&raw.not_after)?);
        if let (Some(uk), None) = (&raw.replace_uk, &raw.replace) {
            return Err(error(
                Some(uk.span()),
                format!("rule `{id}` has `replace-uk` but no `replace`"),
            ));
        }
        for replace in raw.replace.iter().chain(&raw.replace_uk) {
            check_references(replace.get_ref(), &patterns).map_err(|message| {
                error(Some(replace.span()), format!("rule `{id}`: {message}"))
            })?;
        }
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
        let packs = match &raw.pack {
            Some(list) => packs_of(list)?,
            None => file_packs.clone().unwrap_or_default(),
        };
        let style = match &raw.style {
            None => None,
            Some(name) => Some(crate::Style::from_name(name.get_ref()).ok_or_else(|| {
                error(
                    Some(name.span()),
                    format!(
                        "rule `{id}`: `style` is `us` or `uk`, not `{}`",
                        name.get_ref()
                    ),
                )
            })?),
        };
        if raw.conservative_default && packs.is_empty() {
            return Err(error(
                Some(table_span),
                format!("rule `{id}` has `default = true` but belongs to no `pack`"),
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
            let (text, spans) = crate::rule::parse_marked(&bad.text).map_err(|e| {
                error(
                    Some(table_span.clone()),
                    format!("rule `{id}`: bad example: {e} (write `\\\\[` for a literal bracket)"),
                )
            })?;
            examples.push(Example::Bad {
                text,
                fixed: bad.fixed,
                spans,
                messages: bad.message.map(|m| m.codes()).unwrap_or_default(),
            });
        }
        examples.extend(raw.good.into_iter().map(|text| Example::Good { text }));
        rules.push(DataRule {
            id_span: raw.id.span(),
            meta: RuleMeta {
                id: id.into(),
                severity: raw.severity,
                fix,
                fixes: crate::rule::Fixes::of_data_rule(fix),
                summary: raw.message,
                description: raw.description.trim().to_string(),
                origin: origin.to_string(),
                examples,
            },
            literals: crate::literals::required_literals(
                &patterns
                    .iter()
                    .map(|p| p.source.as_str())
                    .collect::<Vec<_>>(),
            )
            .map(crate::rule::owned),
            patterns,
            grow_left: raw.grow_left,
            before,
            after,
            not_before,
            not_after,
            replace: raw.replace.map(Spanned::into_inner),
            replace_uk: raw.replace_uk.map(Spanned::into_inner),
            preserve_case: raw.preserve_case,
            packs,
            conservative_default: raw.conservative_default,
            style,
        });
    }
    Ok(rules)
}

/// Every capture group `replace` refers to (`$1`, `${1}`, `$name`, `${name}`) exists in
/// one of the patterns (an alternative may leave a group of another one empty). Patterns
/// not compiled yet (built-in rules) are not checked.
fn check_references(replace: &str, patterns: &[LazyRegex]) -> Result<(), String> {
    static REFERENCE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\$\$|\$\{([^}]*)\}|\$([A-Za-z0-9_]+)").expect("valid regex"));
    let compiled: Vec<&Regex> = patterns.iter().filter_map(|p| p.compiled.get()).collect();
    if compiled.is_empty() {
        return Ok(());
    }
    for caps in REFERENCE.captures_iter(replace) {
        let Some(name) = caps.get(1).or(caps.get(2)) else {
            continue; // `$$`, a literal dollar
        };
        let name = name.as_str();
        let exists = |regex: &&Regex| match name.parse::<usize>() {
            Ok(n) => n < regex.captures_len(),
            Err(_) => regex.capture_names().flatten().any(|c| c == name),
        };
        if !compiled.iter().any(exists) {
            return Err(format!(
                "`replace` refers to capture group `{name}`, which the pattern does not define"
            ));
        }
    }
    Ok(())
}

/// Whether a (valid) regex can match the empty string, as `x*` or `\b` can.
fn can_match_empty(pattern: &str) -> bool {
    regex_syntax::Parser::new()
        .parse(pattern)
        .is_ok_and(|hir| hir.properties().minimum_len() == Some(0))
}

/// Whether `code` can name a pack: 2 to 8 lowercase ASCII letters (`all` is reserved).
fn is_valid_pack(code: &str) -> bool {
    (2..=8).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase()) && code != "all"
}

impl DataRule {
    /// Whether the context conditions reject a finding at `span`.
    fn vetoed(&self, text: &str, span: &Range<usize>) -> bool {
        let from = char_boundary_before(text, span.start.saturating_sub(LOOKBEHIND));
        let before = &text[from..span.start];
        let after = &text[span.end..];
        let matches = |re: &Option<LazyRegex>, text: &str| re.as_ref().map(|re| re.is_match(text));
        matches(&self.before, before) == Some(false)
            || matches(&self.not_before, before) == Some(true)
            || matches(&self.after, after) == Some(false)
            || matches(&self.not_after, after) == Some(true)
    }
}

impl Rule for DataRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        self.patterns.iter().map(|p| p.source.as_str()).collect()
    }

    fn required_literals(&self) -> Option<Vec<Cow<'_, [u8]>>> {
        let set = self.literals.as_ref()?;
        Some(set.iter().map(|l| Cow::Borrowed(&**l)).collect())
    }

    fn packs(&self) -> &[Arc<str>] {
        &self.packs
    }

    fn runs_by_default(&self) -> bool {
        self.packs.is_empty() || self.conservative_default
    }

    fn style(&self) -> Option<crate::Style> {
        self.style
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if self.style.is_some_and(|s| s != doc.style()) {
            return;
        }
        let text = doc.text();
        let first = out.len();
        for pattern in self.patterns.iter().filter(|p| p.may_match(text)) {
            self.check_pattern(pattern.get(), text, doc.style(), out);
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
    fn check_pattern(
        &self,
        pattern: &Regex,
        text: &str,
        style: crate::Style,
        out: &mut Vec<Diagnostic>,
    ) {
        let template = match style {
            crate::Style::Uk => self.replace_uk.as_ref().or(self.replace.as_ref()),
            crate::Style::Us => self.replace.as_ref(),
        };
        let mut pos = 0;
        while pos <= text.len() {
            let Some(caps) = pattern.captures_at(text, pos) else {
                break;
            };
            let whole = caps.get(0).expect("group 0 always matches");
            let mut span = caps.name("m").unwrap_or(whole).range();
            if let Some(chars) = &self.grow_left {
                let taken = text[..span.start]
                    .chars()
                    .rev()
                    .take_while(|c| chars.contains(*c))
                    .map(char::len_utf8)
                    .sum::<usize>();
                span.start -= taken;
            }
            if self.vetoed(text, &span) {
                pos = next_char_boundary(text, whole.start());
                continue;
            }
            let fix = template.zip(self.meta.fix).map(|(template, app)| {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Example;

    /// Everything a rule reads, as text, to compare two readings of one rule.
    fn reading(rule: &DataRule) -> String {
        let source = |r: &Option<LazyRegex>| r.as_ref().map(|r| r.source.clone());
        format!(
            "{:?} {:?} {:?} {} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            rule.meta.id,
            rule.meta.severity,
            rule.meta.fix,
            rule.meta.summary,
            rule.meta.description,
            rule.meta.examples,
            Rule::patterns(rule),
            rule.literals,
            rule.grow_left,
            source(&rule.before),
            source(&rule.after),
            source(&rule.not_before),
            source(&rule.not_after),
            rule.replace,
            rule.replace_uk,
            rule.preserve_case,
            rule.packs,
            rule.conservative_default,
            rule.style,
        )
    }

    #[test]
    fn the_static_tables_read_every_built_in_file_as_its_toml_parse_does() {
        let mut rules = 0;
        for ((name, source), table) in crate::BUILTIN_RULE_FILES.iter().zip(BUILTIN_TABLES) {
            let table = table.unwrap_or_else(|| panic!("build.rs could not read {name}"));
            let parsed = parse_rule_file(name, source).unwrap();
            assert_eq!(table.len(), parsed.len(), "{name}");
            for (row, rule) in table.iter().zip(&parsed) {
                let built = DataRule::from_static(name, row);
                assert_eq!(reading(&built), reading(rule), "{name}");
                assert_eq!(built.patterns.len(), row.dfas.len(), "{name}");
                rules += 1;
            }
        }
        assert!(rules > 200, "{rules} rules");
    }

    #[test]
    fn search_dfas_load_and_agree_with_the_regexes() {
        let (mut with, mut without) = (0, 0);
        for ((name, source), table) in crate::BUILTIN_RULE_FILES.iter().zip(BUILTIN_TABLES) {
            let table = table.expect("a static table");
            // The rules as a user's file would load: no DFAs, the regexes alone.
            let plain = parse_rule_file(name, source).unwrap();
            for (row, plain) in table.iter().zip(&plain) {
                let rule = DataRule::from_static(name, row);
                let texts: Vec<&str> = rule
                    .meta
                    .examples
                    .iter()
                    .flat_map(|e| match e {
                        Example::Bad { text, fixed, .. } => vec![text.as_str()]
                            .into_iter()
                            .chain(fixed.as_deref())
                            .collect::<Vec<_>>(),
                        Example::Good { text } => vec![text.as_str()],
                    })
                    .collect();
                let mut patterns = Vec::new();
                for pattern in &rule.patterns {
                    if pattern.dfas.is_empty() {
                        without += 1;
                        continue;
                    }
                    with += 1;
                    let dfas: Vec<_> = pattern
                        .dfas
                        .iter()
                        .map(|at| dense::DFA::from_bytes(at.bytes()).expect("the DFA loads").0)
                        .collect();
                    patterns.push((pattern, dfas, Regex::new(&pattern.source).unwrap()));
                }
                for text in &texts {
                    let mut any = false;
                    for (pattern, dfas, regex) in &patterns {
                        let found = dfas
                            .iter()
                            .any(|dfa| dfa.try_search_fwd(&Input::new(text)).unwrap().is_some());
                        any |= found;
                        // Exact DFAs match just where their pattern does.
                        assert!(
                            !pattern.exact() || found == regex.is_match(text),
                            "{} on {text:?}",
                            pattern.source
                        );
                    }
                    // Relaxed DFAs, and those that hold a condition, may match more than
                    // the rule finds, never less.
                    let mut findings = Vec::new();
                    plain.check(&Document::new(text), &mut findings);
                    assert!(
                        any || findings.is_empty() || patterns.len() < rule.patterns.len(),
                        "{} on {text:?}",
                        rule.meta.id
                    );
                }
            }
        }
        // All but about one in a hundred get one: build.rs relaxes those too large.
        assert!(
            100 * without <= with,
            "{with} patterns with a DFA, {without} without"
        );
    }

    /// The first pattern of built-in rule `id`, not yet compiled, with its DFA.
    fn first_pattern(id: &str) -> LazyRegex {
        let rule = crate::BUILTIN_DATA_RULES
            .iter()
            .find(|r| &*r.meta.id == id)
            .expect("built-in rule");
        let mut fresh = LazyRegex::new(rule.patterns[0].source.clone(), OnceLock::new());
        fresh.dfas = rule.patterns[0].dfas;
        assert!(!fresh.dfas.is_empty());
        fresh
    }

    #[test]
    fn a_pattern_too_large_for_a_dfa_gets_the_dfa_of_a_relaxed_pattern() {
        // `\p{L}` alone makes a DFA of thousands of states; build.rs gives the pattern the
        // DFA of `”` and any letter of ASCII or any other character.
        let fresh = first_pattern("quotes/no-space-after-closing-quote");
        assert!(!fresh.may_match("“Yes,” she said."));
        assert!(fresh.compiled.get().is_none());
        assert!(fresh.may_match("“Yes,”she said."));
        assert!(fresh.may_match("“Yes,”éclat."));
    }

    #[test]
    fn a_pattern_its_dfa_rules_out_is_never_compiled() {
        let fresh = first_pattern("punctuation/doubled-comma");
        assert!(!fresh.may_match("One, two and three."));
        assert!(fresh.compiled.get().is_none());
        assert!(fresh.may_match("One,, two"));
    }

    #[test]
    fn a_pattern_s_dfa_holds_what_its_after_condition_asks() {
        // Any parenthesis that holds a capital matches the pattern; the DFA also asks for
        // the lowercase word glued after it.
        let fresh = first_pattern("punctuation/missing-space-after-parenthesis");
        assert!(Regex::new(&fresh.source)
            .unwrap()
            .is_match("the court (STF) asked"));
        assert!(!fresh.may_match("the court (STF) asked"));
        assert!(fresh.compiled.get().is_none());
        assert!(fresh.may_match("the court (STF)asked"));
    }

    #[test]
    fn a_long_phrase_list_is_split_into_dfas_of_longer_prefixes() {
        // One DFA of all of widget-line's labels would only fit cut to their first two
        // letters (`Re`, `Co`), which most texts contain.
        let fresh = first_pattern("residue/widget-line");
        assert!(fresh.dfas.len() > 1, "{} DFAs", fresh.dfas.len());
        assert!(!fresh.exact());
        assert!(!fresh.may_match("Recent events were read out.\n"));
        assert!(fresh.compiled.get().is_none());
        assert!(fresh.may_match("Report.\n\nRelated Posts\n"));
        assert!(fresh.may_match("Continue reading »\n"));
    }

    #[test]
    fn a_condition_with_an_exact_dfa_is_answered_without_compiling() {
        let mut answered = 0;
        for ((name, _), table) in crate::BUILTIN_RULE_FILES.iter().zip(BUILTIN_TABLES) {
            for row in table.expect("a static table") {
                let rule = DataRule::from_static(name, row);
                let conditions: Vec<&LazyRegex> =
                    [&rule.before, &rule.after, &rule.not_before, &rule.not_after]
                        .into_iter()
                        .flatten()
                        .filter(|c| c.exact())
                        .collect();
                if conditions.is_empty() {
                    continue;
                }
                for example in &rule.meta.examples {
                    let (Example::Bad { text, .. } | Example::Good { text }) = example;
                    rule.check(&Document::new(text), &mut Vec::new());
                }
                for condition in conditions {
                    assert!(condition.compiled.get().is_none(), "{}", rule.meta.id);
                    answered += 1;
                }
            }
        }
        assert!(answered > 50, "{answered} conditions");
    }
}
