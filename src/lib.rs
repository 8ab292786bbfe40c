//! mtlint finds and fixes the damage machine translation and copy-paste leave in prose:
//! stray guillemets, misplaced quotes, doubled periods, French spacing, elision
//! fragments, false friends, reversed calques and scraped web boilerplate.
//!
//! The library lints a `&str` into [`Diagnostic`]s and applies their fixes; it never
//! prints. The command-line tool is a thin layer over this API.
//!
//! ```
//! use mtlint::{Linter, FixMode, Severity};
//!
//! let linter = Linter::builtin();
//! let text = "The mission ends in March. .\n";
//! let diagnostics = linter.lint(text);
//! assert_eq!(diagnostics.len(), 1);
//! assert_eq!(&*diagnostics[0].rule, "punctuation/doubled-period");
//! assert_eq!(diagnostics[0].severity, Severity::Error);
//! assert_eq!(diagnostics[0].span, 25..28);
//!
//! let fixed = linter.fix(text, FixMode::SafeOnly);
//! assert_eq!(fixed.text, "The mission ends in March.\n");
//! assert!(fixed.converged);
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod checks;
mod data_rule;
mod diagnostic;
mod fix;
mod formats;
mod html;
mod knowledge;
mod literals;
pub mod markdown;
mod position;
mod prefilter;
mod registry;
mod rule;
pub mod score;
mod site;
mod style;
mod suppress;
mod text;

pub use data_rule::{parse_rule_file, DataRule, RuleError};
pub use diagnostic::{Applicability, Diagnostic, Fix, Severity};
use fix::changes_text;
pub use fix::{apply_fixes, FixMode};
pub use formats::DocumentError;
pub use position::LineIndex;
pub use registry::{UnknownLanguage, UnknownSelector};
pub use rule::{parse_marked, Example, FixAvailability, Fixes, Rule, RuleMeta};
pub use score::{Score, Verdict};
pub use style::Style;
pub use text::document::{Document, Sentence, Word, Words};

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, OnceLock};

use prefilter::Prefilter;
#[cfg(feature = "rayon")]
use rayon::prelude::*;
pub(crate) use registry::selects;
use registry::Registry;

/// The built-in rule files, embedded at build time: `(name, TOML source)`.
pub const BUILTIN_RULE_FILES: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// Bytes aligned as the `u32` transition table of a DFA needs.
#[repr(C)]
struct Aligned<B: ?Sized> {
    _align: [u64; 0],
    bytes: B,
}
/// The serialized search DFAs of the built-in patterns, end to end at 8-byte offsets.
static BUILTIN_DFAS: &Aligned<[u8]> = &Aligned {
    _align: [],
    bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/builtin_dfas.bin")),
};

/// The rules of [`BUILTIN_RULE_FILES`], parsed once per process and shared by every
/// [`Linter::builtin`] (a workspace with several configurations, the language server,
/// the tests) and by `residue/chrome-line`, so each regex compiles once.
static BUILTIN_DATA_RULES: LazyLock<Vec<Arc<DataRule>>> = LazyLock::new(|| {
    BUILTIN_RULE_FILES
        .iter()
        .zip(data_rule::BUILTIN_TABLES)
        .flat_map(|(&(name, source), table)| match table {
            Some(rules) => rules
                .iter()
                .map(|rule| DataRule::from_static(name, rule))
                .collect(),
            None => data_rule::parse_builtin(name, source)
                .unwrap_or_else(|e| panic!("built-in rule file is invalid: {e}")),
        })
        .map(Arc::new)
        .collect()
});

/// Texts whose rules run in parallel: the first ones, where rules do their first-use work.
#[cfg(feature = "rayon")]
const COLD_TEXTS: usize = 4;

/// How many times [`Linter::fix`] re-lints and fixes before giving up.
pub const MAX_FIX_PASSES: usize = 10;

/// The result of [`Linter::fix`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// The text with the fixes applied.
    pub text: String,
    /// How many fixes were applied over all passes.
    pub applied: usize,
    /// `false` if fixes were still changing the text after [`MAX_FIX_PASSES`] passes, or
    /// a pass would have made it more than twice as long as it was (a rule bug); `text`
    /// is then the result of the last pass kept.
    pub converged: bool,
    /// When not converged: the ids of the rules whose fixes were still changing the text.
    pub unsettled_rules: Vec<String>,
}

/// Bytes a fixed text may grow by beyond twice its original length (see [`Linter::fix`]).
pub const FIX_GROWTH_SLACK: usize = 1024;

/// What kind of document a text is: it decides what counts as prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// Everything is prose.
    Text,
    /// CommonMark (with tables, footnotes, math and front matter): code, markup, link
    /// destinations and URLs are not linted, and fixes never touch them.
    Markdown,
    /// HTML: text nodes and `alt`/`title` values are prose, with character references
    /// decoded; scripts, styles, code, comments and other attributes are not linted, and
    /// fixes never touch them.
    Html,
    /// MDX: Markdown in which `import`/`export` blocks, JSX tags and `{expressions}` are
    /// markup too.
    Mdx,
    /// A gettext PO catalog: only the translations (`msgstr`, `msgstr[n]`) are prose;
    /// entries marked fuzzy only if `fuzzy`.
    Po {
        /// Also lint entries marked `#, fuzzy`.
        fuzzy: bool,
    },
    /// XLIFF 1.2 or 2.x: only `<target>` text is prose.
    Xliff,
    /// SubRip subtitles: only cue text is prose.
    Srt,
    /// WebVTT subtitles: only cue text is prose.
    Vtt,
}

impl Markup {
    /// The markup a file name suggests: `.md`, `.markdown` are Markdown, `.mdx` MDX,
    /// `.html`, `.htm`, `.xhtml` HTML, `.po`, `.pot` PO, `.xlf`, `.xliff` XLIFF, `.srt`
    /// SRT and `.vtt` WebVTT.
    pub fn from_path(path: &std::path::Path) -> Markup {
        let is = |e: &str, names: &[&str]| names.iter().any(|m| e.eq_ignore_ascii_case(m));
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if is(e, &["md", "markdown"]) => Markup::Markdown,
            Some(e) if is(e, &["mdx"]) => Markup::Mdx,
            Some(e) if is(e, &["html", "htm", "xhtml"]) => Markup::Html,
            Some(e) if is(e, &["po", "pot"]) => Markup::Po { fuzzy: false },
            Some(e) if is(e, &["xlf", "xliff"]) => Markup::Xliff,
            Some(e) if is(e, &["srt"]) => Markup::Srt,
            Some(e) if is(e, &["vtt"]) => Markup::Vtt,
            _ => Markup::Text,
        }
    }

    /// The name of the markup, as `--markup` spells it.
    pub fn name(self) -> &'static str {
        match self {
            Markup::Text => "text",
            Markup::Markdown => "markdown",
            Markup::Html => "html",
            Markup::Mdx => "mdx",
            Markup::Po { .. } => "po",
            Markup::Xliff => "xliff",
            Markup::Srt => "srt",
            Markup::Vtt => "vtt",
        }
    }
}

/// One artifact, one finding: of the findings of one category on the same span (a
/// pack's calque and the n-gram calque check on `conference of press`), only the most
/// severe stays, the first by rule id among equals. `out` is sorted by span then rule.
fn one_finding_per_artifact(out: &mut Vec<Diagnostic>) {
    fn category(d: &Diagnostic) -> &str {
        d.rule.split('/').next().unwrap_or_default()
    }
    let mut kept: Vec<Diagnostic> = Vec::with_capacity(out.len());
    let mut replaced = false;
    for d in out.drain(..) {
        let same = kept
            .iter_mut()
            .rev()
            .take_while(|p| p.span == d.span)
            .find(|p| category(p) == category(&d));
        match same {
            Some(prev) => {
                if d.severity > prev.severity {
                    *prev = d;
                    replaced = true;
                }
            }
            None => kept.push(d),
        }
    }
    if replaced {
        kept.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
        });
    }
    *out = kept;
}

/// Texts longer than this are linted in paragraph-aligned pieces (in parallel with the
/// `rayon` feature).
const PIECE: usize = 64 * 1024;

/// Apply the fixes `lint` finds until the text stops changing (at most
/// [`MAX_FIX_PASSES`] passes). A pass that would make the text more than twice as long
/// as it was before fixing (plus [`FIX_GROWTH_SLACK`] bytes) stops the loop unsettled:
/// a rule that inserts text its own pattern finds again would otherwise grow it pass
/// after pass.
fn fix_loop(text: &str, mode: FixMode, mut lint: impl FnMut(&str) -> Vec<Diagnostic>) -> Fixed {
    let limit = text
        .len()
        .saturating_mul(2)
        .saturating_add(FIX_GROWTH_SLACK);
    let mut current = text.to_string();
    let mut applied = 0;
    let mut passes = 0;
    loop {
        let diagnostics = lint(&current);
        match apply_fixes(&current, &diagnostics, mode) {
            None => {
                return Fixed {
                    text: current,
                    applied,
                    converged: true,
                    unsettled_rules: Vec::new(),
                }
            }
            Some((next, n)) if passes < MAX_FIX_PASSES && next.len() <= limit => {
                current = next;
                applied += n;
                passes += 1;
            }
            Some(_) => {
                let mut rules: Vec<String> = diagnostics
                    .iter()
                    .filter(|d| changes_text(&current, d, mode))
                    .map(|d| d.rule.to_string())
                    .collect();
                rules.sort();
                rules.dedup();
                return Fixed {
                    text: current,
                    applied,
                    converged: false,
                    unsettled_rules: rules,
                };
            }
        }
    }
}

/// Whether a fix of `span` in an HTML `text` could make text into a tag, so that it is
/// not offered: its replacement puts a `<` before a letter, `/`, `!` or `?` where none
/// stood, or a bare `<` (text, not a tag) stands just before the span, where this fix and
/// another in the same pass could close the gap between them (`<Â !.`, whose mojibake and
/// French-spacing fixes together would give the declaration `<!.`).
fn opens_tag(text: &str, span: &std::ops::Range<usize>, replacement: &str) -> bool {
    let opens_after = |b: u8| b.is_ascii_alphabetic() || b"/!?".contains(&b);
    let opens = |s: &str| {
        s.as_bytes()
            .windows(2)
            .any(|w| w[0] == b'<' && opens_after(w[1]))
    };
    let near = text::char_boundary_before(text, span.start.saturating_sub(8));
    let bare = text.as_bytes()[near..span.start]
        .iter()
        .enumerate()
        .any(|(i, &b)| {
            b == b'<'
                && !text
                    .as_bytes()
                    .get(near + i + 1)
                    .is_some_and(|&n| opens_after(n))
        });
    if bare {
        return true;
    }
    let from = text::char_boundary_before(text, span.start.saturating_sub(1));
    let to = if span.end < text.len() {
        text::next_char_boundary(text, span.end)
    } else {
        text.len()
    };
    let before = &text[from..to];
    let after = format!(
        "{}{replacement}{}",
        &text[from..span.start],
        &text[span.end..to]
    );
    opens(&after) && !opens(before)
}

/// A set of rules, ready to lint texts.
pub struct Linter {
    /// Severities set by [`Linter::set_severity`], by rule id.
    severity: std::collections::HashMap<Arc<str>, Severity>,
    /// The active rules by id, and every id ever loaded (suppression comments may name
    /// rules that are not selected).
    rules: Registry,
    /// Built on first use from the active rules; reset when they change.
    prefilter: OnceLock<Prefilter>,
    /// Texts linted so far, up to [`COLD_TEXTS`] (see `lint_piece`).
    cold_texts: AtomicUsize,
    /// Terms never flagged, and terms always flagged.
    vocabulary: checks::vocabulary::Vocabulary,
    /// The house style the fixes follow.
    style: Style,
}

impl Linter {
    /// The built-in rules: every file under `rules/` and every coded check.
    pub fn builtin() -> Self {
        let mut rules: Vec<Box<dyn Rule>> = BUILTIN_DATA_RULES
            .iter()
            .map(|r| Box::new(Arc::clone(r)) as Box<dyn Rule>)
            .collect();
        rules.extend(checks::all());
        Linter::new(rules)
    }

    fn new(rules: Vec<Box<dyn Rule>>) -> Self {
        Linter {
            severity: Default::default(),
            rules: Registry::new(rules),
            prefilter: OnceLock::new(),
            cold_texts: AtomicUsize::new(0),
            vocabulary: Default::default(),
            style: Style::default(),
        }
    }

    /// A linter with no rules; add some with [`Linter::add_rule_file`].
    pub fn empty() -> Self {
        Linter::new(Vec::new())
    }

    /// Add the rules of a TOML rule file. A rule whose id is already present is an error.
    pub fn add_rule_file(&mut self, origin: &str, source: &str) -> Result<(), RuleError> {
        let parsed = parse_rule_file(origin, source)?;
        let spans: std::collections::HashMap<_, _> = parsed
            .iter()
            .map(|r| (r.meta().id.clone(), r.id_span.clone()))
            .collect();
        let rules = parsed
            .into_iter()
            .map(|r| Box::new(r) as Box<dyn Rule>)
            .collect();
        self.prefilter = OnceLock::new();
        self.rules.add(rules).map_err(|(rule, duplicate)| {
            let span = spans[&rule.meta().id].clone();
            RuleError {
                origin: origin.to_string(),
                position: Some(LineIndex::new(source).line_col(source, span.start)),
                span: Some(span),
                message: format!(
                    "rule `{}` is already defined in {}",
                    rule.meta().id,
                    duplicate.existing_origin
                ),
            }
        })
    }

    /// The project's vocabulary: no finding whose span lies within a whole-word match of
    /// an `accept` regex is reported, and each whole-word match of a `reject` regex is
    /// (`vocabulary/rejected`, when that rule is active). An error names the first term
    /// that is not a valid regex.
    ///
    /// ```
    /// use mtlint::Linter;
    /// let mut linter = Linter::builtin();
    /// linter.set_vocabulary(&["Zurich the the".into()], &["utilise".into()]).unwrap();
    /// let found = linter.lint("Zurich the the office. We utilise it.");
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(&*found[0].rule, "vocabulary/rejected");
    /// ```
    pub fn set_vocabulary(&mut self, accept: &[String], reject: &[String]) -> Result<(), String> {
        self.vocabulary = checks::vocabulary::Vocabulary::new(accept, reject)?;
        Ok(())
    }

    /// The house style the fixes follow: a rule that writes quotation marks or a date
    /// writes them as `style` does (see `replace-uk` in rule files).
    pub fn set_style(&mut self, style: Style) {
        self.style = style;
    }

    /// Keep the rules matched by `select` (all if empty) and not matched by `ignore`.
    /// A selector is a rule id or a category (`punctuation` matches `punctuation/*`).
    /// Returns the first selector that matches no rule as an error.
    pub fn select(&mut self, select: &[String], ignore: &[String]) -> Result<(), UnknownSelector> {
        if let Some(unknown) = select.iter().chain(ignore).find(|s| !self.rules.has(s)) {
            return Err(UnknownSelector(unknown.clone()));
        }
        self.rules.retain(|r| {
            let id = &r.meta().id;
            (select.is_empty() || select.iter().any(|s| selects(s, id)))
                && !ignore.iter().any(|s| selects(s, id))
        });
        self.prefilter = OnceLock::new();
        Ok(())
    }

    /// Report the findings of the rules matched by `selector` (a rule id or a category)
    /// with this severity. Returns the selector as an error if it matches no rule.
    pub fn set_severity(
        &mut self,
        selector: &str,
        severity: Severity,
    ) -> Result<(), UnknownSelector> {
        let ids: Vec<_> = self
            .rules
            .matching(selector)
            .map(|r| r.meta().id.clone())
            .collect();
        if ids.is_empty() {
            return Err(UnknownSelector(selector.to_string()));
        }
        for id in ids {
            self.severity.insert(id, severity);
        }
        Ok(())
    }

    /// The severity this linter reports a rule's findings with.
    pub fn severity_of(&self, rule: &dyn Rule) -> Severity {
        let meta = rule.meta();
        self.severity
            .get(&meta.id)
            .copied()
            .unwrap_or(meta.severity)
    }

    /// Choose the source-language packs (`fr`, `de`, `es`, `it`, or a pack of a user rule
    /// file; `all` for every pack). Rules outside the packs are kept; pack rules are kept
    /// when one of their packs is listed, or, with an empty list, only those marked as
    /// the conservative default (`default = true`). Codes are trimmed and lowercased. An
    /// unknown code is an error naming it and the known packs, and nothing changes.
    ///
    /// [`Linter::builtin`] has every pack; the command line calls this with its
    /// `--source-lang` list (empty when not given).
    ///
    /// ```
    /// use mtlint::Linter;
    /// let mut linter = Linter::builtin();
    /// linter.source_languages(&["de".to_string()]).unwrap();
    /// assert_eq!(linter.lint("He became a letter from the bank.\n").len(), 1);
    /// let err = Linter::builtin().source_languages(&["pt".to_string()]).unwrap_err();
    /// assert_eq!(err, "unknown source language `pt` (known: de, es, fr, it, all)");
    /// ```
    pub fn source_languages(&mut self, langs: &[String]) -> Result<(), UnknownLanguage> {
        let known = self.rules.packs();
        let langs: Vec<String> = langs
            .iter()
            .map(|l| l.trim().to_ascii_lowercase())
            .filter(|l| !l.is_empty())
            .collect();
        if let Some(unknown) = langs
            .iter()
            .find(|l| *l != "all" && !known.contains(l.as_str()))
        {
            let mut names: Vec<String> = known.into_iter().map(String::from).collect();
            names.push("all".into());
            return Err(UnknownLanguage {
                code: unknown.clone(),
                known: names,
            });
        }
        let all = langs.iter().any(|l| l == "all");
        self.rules.retain(|r| {
            let packs = r.packs();
            if packs.is_empty() || all {
                true
            } else if langs.is_empty() {
                r.runs_by_default()
            } else {
                packs.iter().any(|p| langs.iter().any(|l| **p == **l))
            }
        });
        self.prefilter = OnceLock::new();
        Ok(())
    }

    /// The active rules, sorted by id.
    pub fn rules(&self) -> impl Iterator<Item = &dyn Rule> {
        self.rules.iter()
    }

    /// The active rule with this id.
    pub fn rule(&self, id: &str) -> Option<&dyn Rule> {
        self.rules.get(id)
    }

    /// Every finding in `text`, sorted by position then rule id.
    pub fn lint(&self, text: &str) -> Vec<Diagnostic> {
        if text.len() <= 4 * PIECE {
            return self.lint_piece(text);
        }
        let pieces = text::pieces(text, PIECE);
        #[cfg(feature = "rayon")]
        let pieces = pieces.par_iter();
        #[cfg(not(feature = "rayon"))]
        let pieces = pieces.iter();
        let found: Vec<Vec<Diagnostic>> = pieces
            .map(|range| {
                let mut found = self.lint_piece(&text[range.clone()]);
                for d in &mut found {
                    d.span = d.span.start + range.start..d.span.end + range.start;
                }
                found
            })
            .collect();
        found.concat()
    }

    /// Lint one text (or one piece of a long text) with the rules that may match in it.
    fn lint_piece(&self, text: &str) -> Vec<Diagnostic> {
        if text.is_empty() {
            return Vec::new(); // no rule finds anything in nothing; compile nothing
        }
        let prefilter = self.prefilter.get_or_init(|| {
            let sets: Vec<_> = self.rules().map(|r| r.required_literals()).collect();
            Prefilter::new(&sets)
        });
        let mut out = Vec::new();
        // One view of the text for every rule: words, sentences and quotes are computed
        // once, when a rule first asks.
        let doc = Document::with_style(text, self.style);
        let active = self
            .rules()
            .zip(prefilter.active(text, self.rules.len()))
            .filter_map(|(rule, active)| active.then_some(rule));
        // The first texts a linter sees are dominated by each rule's first-use work
        // (compiling its regexes, building its tables): there the rules run on every
        // thread of the pool, so that a one-file run starts on all cores. Later texts
        // run their rules in turn, the files being already linted in parallel.
        #[cfg(feature = "rayon")]
        if self.cold_texts.fetch_add(1, Ordering::Relaxed) < COLD_TEXTS {
            let active: Vec<&dyn Rule> = active.collect();
            let found: Vec<Vec<Diagnostic>> = active
                .par_iter()
                .map(|rule| {
                    let mut found = Vec::new();
                    rule.check(&doc, &mut found);
                    found
                })
                .collect();
            out = found.concat();
        } else {
            active.for_each(|rule| rule.check(&doc, &mut out));
        }
        #[cfg(not(feature = "rayon"))]
        active.for_each(|rule| rule.check(&doc, &mut out));
        if !self.vocabulary.is_empty() {
            let rejected = self.rules.get(checks::vocabulary::rejected::ID).is_some();
            self.vocabulary.apply(text, &mut out, rejected);
        }
        if !self.severity.is_empty() {
            for d in &mut out {
                if let Some(severity) = self.severity.get(&d.rule) {
                    d.severity = *severity;
                }
            }
        }
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
        });
        one_finding_per_artifact(&mut out);
        out
    }

    /// Every finding in the prose of a document (see [`Markup`]), sorted by position.
    /// Spans are byte ranges of `text` itself. In Markdown and HTML, suppression comments
    /// (`<!-- mtlint-disable ... -->`) apply, and stale ones are reported
    /// (`suppression/unknown-rule`, `suppression/unused`).
    ///
    /// ```
    /// use mtlint::{Linter, Markup};
    /// let doc = "Run `ls ..` first. They left. .\n";
    /// let found = Linter::builtin().lint_document(doc, Markup::Markdown);
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(&doc[found[0].span.clone()], ". .");
    ///
    /// let page = "<p class=\"a . .\">&laquo;&nbsp;Oui&nbsp;&raquo;, <code>ls ..</code></p>";
    /// let found = Linter::builtin().lint_document(page, Markup::Html);
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(&page[found[0].span.clone()], "&laquo;&nbsp;Oui&nbsp;&raquo;");
    /// ```
    ///
    /// A malformed PO, XLIFF or subtitle file has no findings: see
    /// [`Linter::try_lint_document`].
    pub fn lint_document(&self, text: &str, markup: Markup) -> Vec<Diagnostic> {
        self.try_lint_document(text, markup).unwrap_or_default()
    }

    /// [`Linter::lint_document`], or where a PO, XLIFF or subtitle file is malformed.
    ///
    /// ```
    /// use mtlint::{Linter, Markup};
    /// let po = "msgid \"Oui\"\nmsgstr \"Yes .\"\n";
    /// let found = Linter::builtin().try_lint_document(po, Markup::Po { fuzzy: false });
    /// assert_eq!(&po[found.unwrap()[0].span.clone()], " ");
    /// let err = Linter::builtin().try_lint_document("msgid \"a\n", Markup::Po { fuzzy: false });
    /// assert_eq!(
    ///     err.unwrap_err().to_string(),
    ///     "1:9: the string is not closed (a `\"` is missing at the end of the line)"
    /// );
    /// ```
    pub fn try_lint_document(
        &self,
        text: &str,
        markup: Markup,
    ) -> Result<Vec<Diagnostic>, DocumentError> {
        use formats::subtitles::Kind;
        let (found, comments) = match markup {
            Markup::Text => return Ok(self.lint(text)),
            Markup::Po { fuzzy } => {
                return Ok(self.lint_view(&formats::po::prose_view(text, fuzzy)?))
            }
            Markup::Xliff => return Ok(self.lint_view(&formats::xliff::prose_view(text)?)),
            Markup::Srt | Markup::Vtt => {
                let kind = if markup == Markup::Srt {
                    Kind::Srt
                } else {
                    Kind::Vtt
                };
                let mut found = self.lint_view(&formats::subtitles::prose_view(text, kind)?);
                formats::subtitles::keep_cue_lines(text, &mut found);
                return Ok(found);
            }
            Markup::Markdown | Markup::Mdx => {
                let prose = if markup == Markup::Mdx {
                    markdown::mdx_prose_mask(text)
                } else {
                    markdown::prose_mask(text)
                };
                let mut found = self.lint(&prose);
                // A finding that touches masked bytes is an effect of the masking.
                found.retain(|d| {
                    prose.as_bytes()[d.span.clone()] == text.as_bytes()[d.span.clone()]
                });
                let comments = if text.contains("mtlint-") {
                    markdown::comments(text)
                } else {
                    Vec::new()
                };
                (found, comments)
            }
            Markup::Html => {
                let (view, comments) = html::prose_view(text);
                let mut found = self.lint_view(&view);
                let templates = site::template_ranges(text);
                found.retain(|d| {
                    !templates
                        .iter()
                        .any(|t| d.span.start < t.end && t.start < d.span.end.max(d.span.start + 1))
                });
                for d in &mut found {
                    if d.fix
                        .as_ref()
                        .is_some_and(|f| opens_tag(text, &d.span, &f.replacement))
                    {
                        d.fix = None;
                    }
                }
                (found, comments)
            }
        };
        if comments.is_empty() {
            return Ok(found);
        }
        let rules = suppress::Rules {
            known: self.rules.known(),
            active: self.rules().map(|r| &*r.meta().id).collect(),
        };
        Ok(suppress::apply(text, &comments, found, &rules))
    }

    /// The findings in a prose view, mapped back to its source.
    fn lint_view(&self, view: &html::ProseView) -> Vec<Diagnostic> {
        view.map_diagnostics(self.lint(&view.text))
    }

    /// Apply fixes until the text stops changing (at most [`MAX_FIX_PASSES`] passes).
    pub fn fix(&self, text: &str, mode: FixMode) -> Fixed {
        self.fix_document(text, Markup::Text, mode)
    }

    /// [`Linter::fix`] for a document: only its prose changes. A malformed document (see
    /// [`Linter::try_fix_document`]) is left unchanged.
    pub fn fix_document(&self, text: &str, markup: Markup, mode: FixMode) -> Fixed {
        fix_loop(text, mode, |t| self.lint_document(t, markup))
    }

    /// [`Linter::fix_document`], or where a PO, XLIFF or subtitle file is malformed
    /// (nothing is fixed then).
    pub fn try_fix_document(
        &self,
        text: &str,
        markup: Markup,
        mode: FixMode,
    ) -> Result<Fixed, DocumentError> {
        // The first pass tells whether the document can be read at all.
        let mut first = Some(self.try_lint_document(text, markup)?);
        Ok(fix_loop(text, mode, |t| match first.take() {
            Some(found) => found,
            None => self.lint_document(t, markup),
        }))
    }

    /// Why `diagnostic` carries a fix its rule does not declare ([`RuleMeta::fixes`]), or
    /// `None` if it is as declared. The property tests ask this of every finding.
    pub fn undeclared_fix(&self, diagnostic: &Diagnostic) -> Option<String> {
        match self.rule(&diagnostic.rule) {
            Some(rule) => rule.meta().fixes.check(diagnostic).err(),
            None => Some(format!("no active rule `{}`", diagnostic.rule)),
        }
    }

    /// Run every example of every active rule, each rule on its own: bad text must be
    /// flagged (and fix, safe and unsafe fixes applied, to the stated text), good text
    /// must not be, and every finding must carry only the fixes its rule declares
    /// ([`RuleMeta::fixes`], whose best must be [`RuleMeta::fix`]). Returns how many
    /// examples ran and a line per failure.
    pub fn check_examples(&self) -> (usize, Vec<String>) {
        let mut failures = Vec::new();
        let mut checked = 0;
        for rule in self.rules() {
            let meta = rule.meta();
            if meta.fix != meta.fixes.best() {
                failures.push(format!(
                    "{}: declares {:?} as its best fix, but its fixes are {:?}",
                    meta.id, meta.fix, meta.fixes
                ));
            }
            let undeclared = std::cell::RefCell::new(Vec::new());
            let lint = |text: &str| {
                let mut found = Vec::new();
                if meta.id.starts_with("suppression/") {
                    // Reported on suppression comments, in documents.
                    found = self.lint_document(text, Markup::Markdown);
                    found.retain(|d| d.rule == meta.id);
                }
                if &*meta.id == checks::vocabulary::rejected::ID {
                    // Reported for the configured terms: those of its manual.
                    let reject = [checks::vocabulary::rejected::EXAMPLE_REJECT.to_string()];
                    checks::vocabulary::Vocabulary::new(&[], &reject)
                        .expect("a valid regex")
                        .apply(text, &mut found, true);
                }
                let style = rule.style().unwrap_or(self.style);
                rule.check(&Document::with_style(text, style), &mut found);
                found.sort_by_key(|d| (d.span.start, d.span.end));
                for d in &found {
                    if let Err(e) = meta.fixes.check(d) {
                        undeclared
                            .borrow_mut()
                            .push(format!("{}: {text:?}: {e}", meta.id));
                    }
                }
                found
            };
            for example in &meta.examples {
                checked += 1;
                match example {
                    Example::Bad {
                        text,
                        fixed,
                        spans,
                        messages,
                    } => {
                        let found = lint(text);
                        if found.is_empty() {
                            failures.push(format!("{}: not flagged: {text:?}", meta.id));
                            continue;
                        }
                        let got: Vec<_> = found.iter().map(|d| d.span.clone()).collect();
                        if !spans.is_empty() && &got != spans {
                            failures.push(format!(
                                "{}: {text:?} flagged at {got:?}, want {spans:?}",
                                meta.id
                            ));
                        }
                        let got: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
                        let want: Vec<&str> = match messages.as_slice() {
                            [] => vec![meta.summary.as_str(); got.len()],
                            [one] => vec![one.as_str(); got.len()],
                            many => many.iter().map(String::as_str).collect(),
                        };
                        if got != want {
                            failures.push(format!(
                                "{}: {text:?} has messages {got:?}, want {want:?}",
                                meta.id
                            ));
                        }
                        match fixed {
                            Some(want) => {
                                let got = fix_loop(text, FixMode::IncludeUnsafe, lint).text;
                                if &got != want {
                                    failures.push(format!(
                                        "{}: {text:?} fixed to {got:?}, want {want:?}",
                                        meta.id
                                    ));
                                } else if let Some(d) = lint(want).first() {
                                    failures.push(format!(
                                        "{}: fixed text {want:?} is flagged again at {:?}",
                                        meta.id, d.span
                                    ));
                                }
                            }
                            None if found.iter().any(|d| d.fix.is_some()) => {
                                failures.push(format!("{}: unexpected fix for {text:?}", meta.id));
                            }
                            None => {}
                        }
                    }
                    Example::Good { text } => {
                        for d in lint(text) {
                            failures.push(format!(
                                "{}: flagged good text {text:?} at {:?} ({:?})",
                                meta.id,
                                d.span,
                                &text[d.span.clone()]
                            ));
                        }
                    }
                }
            }
            let mut undeclared = undeclared.into_inner();
            undeclared.dedup();
            failures.extend(undeclared);
        }
        (checked, failures)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn one_artifact_gets_one_finding_per_category() {
        let found = Linter::builtin().lint("They held a conference of press today.\n");
        let got: Vec<(&str, std::ops::Range<usize>)> =
            found.iter().map(|d| (&*d.rule, d.span.clone())).collect();
        // calque/of-genitive (info) sees the same span and gives way to the pack's rule.
        assert_eq!(got, [("calque/conference-of-press", 12..31)]);
    }

    /// A long text is linted in pieces; a paragraph judged by the one before (here one
    /// that opens with a comma) is found where a piece would otherwise have started.
    #[test]
    fn paragraph_starts_are_judged_across_the_pieces_of_a_long_text() {
        let para = "The council met on Monday and the vote was held at noon.\n\n";
        let mut text = para.repeat(PIECE / para.len() + 1);
        let at = text.len();
        text.push_str(", we will stay until the end, one of them said.\n\n");
        while text.len() <= 4 * PIECE {
            text.push_str(para);
        }
        let found: Vec<usize> = Linter::builtin()
            .lint(&text)
            .iter()
            .filter(|d| &*d.rule == "punctuation/paragraph-starts-with-comma")
            .map(|d| d.span.start)
            .collect();
        assert_eq!(found, [at]);
    }

    /// A rule that declares safe fixes only, and gives an unsafe one.
    struct Liar(RuleMeta);

    impl Rule for Liar {
        fn meta(&self) -> &RuleMeta {
            &self.0
        }

        fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
            if let Some(at) = doc.text().find("xx") {
                let fix = Fix {
                    replacement: "x".into(),
                    applicability: Applicability::Unsafe,
                };
                out.push(self.0.diagnostic(at..at + 2, "doubled x", Some(fix)));
            }
        }
    }

    #[test]
    fn the_example_harness_rejects_a_fix_the_rule_did_not_declare() {
        let meta = RuleMeta {
            id: "test/liar".into(),
            severity: Severity::Warning,
            fix: Some(Applicability::Safe),
            fixes: Fixes::always(Applicability::Safe),
            summary: "doubled x".into(),
            description: String::new(),
            origin: file!().into(),
            examples: vec![Example::bad("axxb", "axb"), Example::good("axb")],
        };
        let linter = Linter::new(vec![Box::new(Liar(meta.clone()))]);
        let (checked, failures) = linter.check_examples();
        assert_eq!(checked, 2);
        assert_eq!(
            failures,
            [
                r#"test/liar: "axxb": finding at 1..3 has a fix marked unsafe, which the rule does not declare"#
            ]
        );
        let found = linter.lint("axxb");
        assert_eq!(
            linter.undeclared_fix(&found[0]).as_deref(),
            Some("finding at 1..3 has a fix marked unsafe, which the rule does not declare")
        );

        let honest = RuleMeta {
            fix: Some(Applicability::Unsafe),
            fixes: Fixes::sometimes(Applicability::Unsafe),
            ..meta
        };
        let linter = Linter::new(vec![Box::new(Liar(honest))]);
        assert_eq!(linter.check_examples().1, Vec::<String>::new());
    }

    #[test]
    fn the_example_harness_checks_the_marked_span_and_the_message() {
        let meta = |example: Example| RuleMeta {
            id: "test/liar".into(),
            severity: Severity::Warning,
            fix: Some(Applicability::Unsafe),
            fixes: Fixes::always(Applicability::Unsafe),
            summary: "doubled x".into(),
            description: String::new(),
            origin: file!().into(),
            examples: vec![example],
        };
        let failures = |example: Example| {
            Linter::new(vec![Box::new(Liar(meta(example)))])
                .check_examples()
                .1
        };
        assert!(failures(Example::bad("a[xx]b", "axb")).is_empty());
        assert_eq!(
            failures(Example::bad("a[x]xb", "axb")),
            [r#"test/liar: "axxb" flagged at [1..3], want [1..2]"#]
        );
        assert_eq!(
            failures(Example::bad("a[xx]b", "axb").message("tripled x")),
            [r#"test/liar: "axxb" has messages ["doubled x"], want ["tripled x"]"#]
        );
        assert_eq!(
            failures(Example::bad("a[xx]xb", "axxb")),
            [r#"test/liar: "axxxb" fixed to "axb", want "axxb""#]
        );
    }
}
