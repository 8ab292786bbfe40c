//! Project configuration: `mtlint.toml` (or `.mtlint.toml`), found by walking up from
//! each linted file; the nearest file wins, and command-line options override it.
//!
//! ```toml
//! select = ["punctuation", "quotes", "false-friend"]   # default: every rule
//! ignore = ["boilerplate/photo-credit"]
//! fail-on = "warning"                                # error | warning | info | never
//! extensions = ["txt", "md", "html"]                 # linted when walking directories
//! extend-exclude = ["drafts/**", "*.min.html"]       # globs, relative to this file
//! rules = ["style/house.toml"]                       # extra rule files or folders
//! source-languages = ["fr"]
//!
//! [severity]
//! calque = "info"                                    # a category or a rule id
//!
//! [[overrides]]
//! paths = ["legal/**"]
//! ignore = ["false-friend"]
//! ```
//!
//! A [`Workspace`] loads configuration files on demand, checks them against the rules
//! they name, and builds one [`Linter`] per distinct set of settings.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::files;
use mtlint::{Linter, RuleError, Severity};

/// The names a configuration file may have, in order of precedence.
pub const FILE_NAMES: [&str; 2] = ["mtlint.toml", ".mtlint.toml"];

/// The least severe finding that makes the exit status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    /// Findings never fail the run.
    Never,
}

impl FailOn {
    /// Whether a finding of this severity fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }

    /// The name used on the command line and in configuration files.
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Info => "info",
            FailOn::Never => "never",
        }
    }
}

impl TryFrom<String> for FailOn {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl FromStr for FailOn {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "error" => Ok(FailOn::Error),
            "warning" => Ok(FailOn::Warning),
            "info" => Ok(FailOn::Info),
            "never" => Ok(FailOn::Never),
            _ => Err(format!(
                "`{s}` is not one of `error`, `warning`, `info`, `never`"
            )),
        }
    }
}

/// An error in a configuration or rule file, with what is needed to show the offending
/// text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file, as it should be named to the user (empty for the command line).
    pub path: String,
    /// Its text, when it could be read.
    pub text: Option<String>,
    /// The byte range of the offending text, when known.
    pub span: Option<Range<usize>>,
    /// What is wrong.
    pub message: String,
    /// A suggestion ("did you mean …").
    pub help: Option<String>,
}

impl FileError {
    fn plain(path: &Path, message: impl Into<String>) -> Self {
        FileError {
            path: path.display().to_string(),
            text: None,
            span: None,
            message: message.into(),
            help: None,
        }
    }

    /// An error in a rule file whose text is `text`.
    pub fn from_rule_error(e: RuleError, text: &str) -> Self {
        FileError {
            path: e.origin,
            text: Some(text.to_string()),
            span: e.span,
            message: e.message,
            help: None,
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}", self.path)?;
            if let (Some(text), Some(span)) = (&self.text, &self.span) {
                let (line, col) = mtlint::LineIndex::new(text).line_col(text, span.start);
                write!(f, ":{line}:{col}")?;
            }
            write!(f, ": ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, " ({help})")?;
        }
        Ok(())
    }
}

impl std::error::Error for FileError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    extend: Option<Spanned<String>>,
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Severity>,
    fail_on: Option<FailOn>,
    #[serde(default, alias = "exclude")]
    extend_exclude: Vec<Spanned<String>>,
    include: Option<Vec<Spanned<String>>>,
    extensions: Option<Vec<String>>,
    #[serde(default)]
    rules: Vec<Spanned<String>>,
    source_languages: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    accept: Vec<Spanned<String>>,
    accept_file: Option<Spanned<String>>,
    #[serde(default)]
    reject: Vec<Spanned<String>>,
    reject_file: Option<Spanned<String>>,
    style: Option<Spanned<String>>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOverride {
    paths: Vec<Spanned<String>>,
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Severity>,
    source_languages: Option<Vec<Spanned<String>>>,
}

/// The keys a configuration file may have, for "did you mean".
const KEYS: &[&str] = &[
    "extend",
    "select",
    "ignore",
    "severity",
    "fail-on",
    "extend-exclude",
    "exclude",
    "include",
    "extensions",
    "rules",
    "source-languages",
    "accept",
    "accept-file",
    "reject",
    "reject-file",
    "style",
    "overrides",
    "paths",
];

/// Globs from a configuration file, read as the lines of a `.gitignore` in the file's
/// directory: without a `/` (but a trailing one) a glob matches a name at any depth, a
/// trailing `/` matches a directory (and so everything under it), and `!` re-includes
/// what an earlier glob matched.
#[derive(Debug)]
struct PathGlobs {
    texts: Vec<String>,
    matcher: Gitignore,
}

impl PathGlobs {
    fn new(list: &[Spanned<String>]) -> Result<Self, (Range<usize>, String)> {
        let mut builder = GitignoreBuilder::new("");
        // A typo is an error, not a literal `[`.
        builder.allow_unclosed_class(false);
        for glob in list {
            let text = glob.get_ref();
            // `./x` is `/x`: anchored to the configuration's directory.
            let line = match text.strip_prefix("!") {
                Some(rest) => format!("!{}", anchor(rest)),
                None => anchor(text),
            };
            builder.add_line(None, &line).map_err(|e| {
                let message = match e {
                    ignore::Error::Glob { err, .. } => err,
                    other => other.to_string(),
                };
                (glob.span(), format!("invalid glob: {message}"))
            })?;
        }
        let matcher = builder
            .build()
            .map_err(|e| (list.first().map_or(0..0, |g| g.span()), e.to_string()))?;
        Ok(PathGlobs {
            texts: list.iter().map(|g| g.get_ref().clone()).collect(),
            matcher,
        })
    }

    /// The glob (as written) that matches `relative` (a path below the configuration's
    /// directory) or a directory it is in, unless a later `!` glob re-includes it.
    fn matched(&self, relative: &Path, is_dir: bool) -> Option<&str> {
        match self.matcher.matched_path_or_any_parents(relative, is_dir) {
            ignore::Match::Ignore(glob) => Some(glob.original()),
            _ => None,
        }
    }
}

/// A glob with a leading `./` anchored (`/`), as `.gitignore` writes it.
fn anchor(glob: &str) -> String {
    match glob.strip_prefix("./") {
        Some(rest) => format!("/{rest}"),
        None => glob.to_string(),
    }
}

/// A loaded and validated configuration file.
#[derive(Debug)]
pub struct Config {
    /// The file.
    pub path: PathBuf,
    /// Its directory, absolute: globs and rule paths are relative to it.
    dir: PathBuf,
    /// The folder its rule paths must resolve into: its directory, or the current
    /// directory when the file is below it.
    rule_root: PathBuf,
    text: String,
    /// `extend`: the configuration file this one builds on (relative to its directory).
    extend: Option<Spanned<String>>,
    /// That file, loaded: its settings apply first, and this file's on top.
    parent: Option<Arc<Config>>,
    select: Option<Vec<Spanned<String>>>,
    ignore: Vec<Spanned<String>>,
    severity: BTreeMap<Spanned<String>, Severity>,
    fail_on: Option<FailOn>,
    exclude: PathGlobs,
    /// Without it, every file with one of the extensions is walked.
    include: Option<PathGlobs>,
    extensions: Option<Vec<String>>,
    rules: Vec<Spanned<String>>,
    source_languages: Option<Vec<Spanned<String>>>,
    /// Terms (regexes) no rule flags: `accept`, then the lines of `accept-file`.
    accept: Vec<String>,
    /// Terms (regexes) always flagged: `reject`, then the lines of `reject-file`.
    reject: Vec<String>,
    /// `accept-file`, resolved (where "accept this word" writes, if set).
    accept_file: Option<PathBuf>,
    /// The house style the fixes follow.
    style: Option<mtlint::Style>,
    overrides: Vec<Override>,
}

#[derive(Debug)]
struct Override {
    paths: PathGlobs,
    select: Option<Vec<Spanned<String>>>,
    ignore: Vec<Spanned<String>>,
    severity: BTreeMap<Spanned<String>, Severity>,
    source_languages: Option<Vec<Spanned<String>>>,
}

impl Config {
    /// Read and parse a configuration file (rule names are checked by [`Workspace`]).
    pub fn load(path: &Path) -> Result<Config, FileError> {
        let text = files::read_text(path)
            .map_err(|e| FileError::plain(path, format!("cannot read configuration: {e}")))?;
        Config::parse(path, text)
    }

    fn parse(path: &Path, text: String) -> Result<Config, FileError> {
        not_toml(path, &text)?;
        let error = |span: Option<Range<usize>>, message: String, help: Option<String>| {
            bounded(FileError {
                path: path.display().to_string(),
                text: Some(text.clone()),
                span,
                message,
                help,
            })
        };
        let raw: RawConfig = toml::from_str(&text).map_err(|e| {
            let message = e.message().lines().next().unwrap_or("invalid TOML");
            let help =
                unknown_field(message).and_then(|name| did_you_mean(name, KEYS.iter().copied()));
            error(e.span(), message.to_string(), help)
        })?;
        let globs = |list: &[Spanned<String>]| {
            PathGlobs::new(list).map_err(|(span, message)| error(Some(span), message, None))
        };
        let mut overrides = Vec::new();
        for o in raw.overrides {
            overrides.push(Override {
                paths: globs(&o.paths)?,
                select: o.select,
                ignore: o.ignore,
                severity: o.severity,
                source_languages: o.source_languages,
            });
        }
        let dir = std::path::absolute(path)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_default();
        let rule_root = match (std::env::current_dir(), std::fs::canonicalize(&dir)) {
            (Ok(here), Ok(real)) if real.starts_with(&here) => here,
            _ => dir.clone(),
        };
        let vocabulary = |list: &[Spanned<String>], file: &Option<Spanned<String>>| {
            let mut terms = Vec::new();
            for term in list {
                if let Err(e) = regex::Regex::new(term.get_ref()) {
                    return Err(error(
                        Some(term.span()),
                        format!(
                            "invalid regex `{}`: {}",
                            files::excerpt(term.get_ref(), 80),
                            regex_error(&e)
                        ),
                        None,
                    ));
                }
                terms.push(term.get_ref().clone());
            }
            let Some(file) = file else {
                return Ok((terms, None));
            };
            let name = dir.join(file.get_ref());
            let text = files::read_text(&name).map_err(|e| {
                error(
                    Some(file.span()),
                    format!("cannot read {}: {e}", name.display()),
                    None,
                )
            })?;
            for (n, line) in text.lines().enumerate() {
                let term = line.trim();
                if term.is_empty() || term.starts_with('#') {
                    continue;
                }
                if let Err(e) = regex::Regex::new(term) {
                    return Err(FileError {
                        path: format!("{}:{}", name.display(), n + 1),
                        text: None,
                        span: None,
                        message: format!(
                            "invalid regex `{}`: {}",
                            files::excerpt(term, 80),
                            regex_error(&e)
                        ),
                        help: None,
                    });
                }
                terms.push(term.to_string());
            }
            Ok((terms, Some(name)))
        };
        let (accept, accept_file) = vocabulary(&raw.accept, &raw.accept_file)?;
        let (reject, _) = vocabulary(&raw.reject, &raw.reject_file)?;
        let style = match &raw.style {
            None => None,
            Some(name) => Some(mtlint::Style::from_name(name.get_ref()).ok_or_else(|| {
                error(
                    Some(name.span()),
                    format!("`{}` is not one of `us`, `uk`", name.get_ref()),
                    None,
                )
            })?),
        };
        Ok(Config {
            style,
            accept,
            reject,
            accept_file,
            path: path.to_path_buf(),
            dir,
            rule_root,
            exclude: globs(&raw.extend_exclude)?,
            include: raw.include.as_deref().map(globs).transpose()?,
            text: text.clone(),
            extend: raw.extend,
            parent: None,
            select: raw.select,
            ignore: raw.ignore,
            severity: raw.severity,
            fail_on: raw.fail_on,
            extensions: raw.extensions,
            rules: raw.rules,
            source_languages: raw.source_languages,
            overrides,
        })
    }

    fn error(&self, span: Range<usize>, message: String, help: Option<String>) -> FileError {
        bounded(FileError {
            path: self.path.display().to_string(),
            text: Some(self.text.clone()),
            span: Some(span),
            message,
            help,
        })
    }

    /// A rule path of this file: relative to its directory, and confined to it.
    fn rule_path(&self, rule: &Spanned<String>) -> RulePath {
        RulePath {
            path: self.dir.join(rule.get_ref()),
            within: Some(self.rule_root.clone()),
        }
    }

    /// `file` relative to this configuration's directory, if it is below it.
    fn relative<'a>(&self, file: &'a Path) -> Option<&'a Path> {
        file.strip_prefix(&self.dir).ok()
    }

    /// Every rule selector the file names, with its position.
    fn selectors(&self) -> impl Iterator<Item = &Spanned<String>> {
        let base = (&self.select, &self.ignore, &self.severity);
        let overrides = self
            .overrides
            .iter()
            .map(|o| (&o.select, &o.ignore, &o.severity));
        std::iter::once(base)
            .chain(overrides)
            .flat_map(|(select, ignore, severity)| {
                select.iter().flatten().chain(ignore).chain(severity.keys())
            })
    }
}

/// What is wrong with a regex, on one line.
fn regex_error(e: &regex::Error) -> String {
    let text = e.to_string();
    let last = text.lines().last().unwrap_or_default();
    last.strip_prefix("error: ").unwrap_or(last).to_string()
}

/// An error (naming `path`, the position and at most a short escaped excerpt of the
/// message, never the text) if `text` is not TOML at all: a file that is not TOML may be
/// anything (`/proc/self/environ`), so none of it is shown.
fn not_toml(path: &Path, text: &str) -> Result<(), FileError> {
    let Err(e) = text.parse::<toml::Table>() else {
        return Ok(());
    };
    let mut name = path.display().to_string();
    if let Some(span) = e.span() {
        let (line, col) = mtlint::LineIndex::new(text).line_col(text, span.start.min(text.len()));
        name = format!("{name}:{line}:{col}");
    }
    let message = e.message().lines().next().unwrap_or("invalid TOML");
    Err(FileError {
        path: String::new(),
        text: None,
        span: None,
        message: format!("{name}: not valid TOML: {}", files::excerpt(message, 120)),
        help: None,
    })
}

/// `e` without its text when the offending line is long (only a short excerpt of a file
/// is ever shown).
fn bounded(mut e: FileError) -> FileError {
    const MAX_LINE: usize = 200;
    if let (Some(text), Some(span)) = (&e.text, &e.span) {
        let start = span.start.min(text.len());
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if line_end - line_start > MAX_LINE {
            let (line, col) = mtlint::LineIndex::new(text).line_col(text, start);
            e.path = format!("{}:{line}:{col}", e.path);
            e.text = None;
            e.span = None;
        }
    }
    e
}

/// The message names an unknown field: which one.
fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(&rest[..rest.find('`')?])
}

/// "did you mean `x`?" for the candidate closest to `name`, if one is close.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

/// Settings given on the command line; they override the configuration file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Replaces the file's `select` when not empty.
    pub select: Vec<String>,
    /// Added to the file's `ignore`.
    pub ignore: Vec<String>,
    /// Replaces the file's `fail-on`.
    pub fail_on: Option<FailOn>,
    /// Rule files added to the file's `rules`.
    pub rules: Vec<PathBuf>,
    /// Replaces the file's `source-languages`.
    pub source_languages: Option<Vec<String>>,
}

/// Where configuration comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discovery {
    /// The nearest `mtlint.toml`/`.mtlint.toml` above each file.
    Nearest,
    /// This file, for every linted file (`--config`).
    File(PathBuf),
    /// None (`--no-config`).
    Off,
}

/// The effective settings for one file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Settings {
    /// The configuration file that applies, if any.
    pub config: Option<PathBuf>,
    /// The `[[overrides]]` of that file that apply (0-based), with their `paths`.
    pub overrides: Vec<(usize, Vec<String>)>,
    /// Why `extend-exclude` excludes the file, if it does.
    pub excluded: Option<String>,
    /// Why `include` leaves the file out, if it does.
    pub not_included: Option<String>,
    /// Rules and categories to run (all when empty).
    pub select: Vec<String>,
    /// Rules and categories not to run.
    pub ignore: Vec<String>,
    /// Severity overrides, in order (a later one wins).
    pub severity: Vec<(String, Severity)>,
    pub fail_on: FailOn,
    /// Extensions linted when walking directories.
    pub extensions: Vec<String>,
    /// Extra rule files and folders.
    pub rules: Vec<RulePath>,
    /// Active source-language packs; `None`: the conservative default.
    pub source_languages: Option<Vec<String>>,
    /// Terms no rule flags (regexes).
    pub accept: Vec<String>,
    /// Terms always flagged (regexes).
    pub reject: Vec<String>,
    /// The nearest `accept-file`, if any.
    pub accept_file: Option<PathBuf>,
    /// The house style the fixes follow.
    pub style: mtlint::Style,
}

impl Settings {
    /// Whether a file (or folder: `is_dir`) found by walking a directory is linted (or
    /// walked into); if not, why.
    pub fn walked(&self, path: &Path, is_dir: bool) -> Result<(), String> {
        if let Some(why) = &self.excluded {
            return Err(why.clone());
        }
        if is_dir {
            return Ok(());
        }
        if let Some(why) = &self.not_included {
            return Err(why.clone());
        }
        if !files::has_extension(path, &self.extensions) {
            return Err(format!(
                "not one of the extensions linted ({})",
                self.extensions.join(", ")
            ));
        }
        Ok(())
    }

    /// Build the linter these settings describe.
    fn linter(&self) -> Result<Linter, FileError> {
        let mut linter = Linter::builtin();
        add_rules(&mut linter, &self.rules)?;
        let known: Vec<String> = known_selectors(&linter)
            .into_iter()
            .map(str::to_string)
            .collect();
        let unknown_selector_error = |selector: &str| FileError {
            path: String::new(),
            text: None,
            span: None,
            message: format!("unknown rule or category `{selector}` (see --list-rules)"),
            help: did_you_mean(selector, known.iter().map(String::as_str)),
        };
        for (selector, severity) in &self.severity {
            linter
                .set_severity(selector, *severity)
                .map_err(|s| unknown_selector_error(&s))?;
        }
        // Languages first: the packs they name must still be loaded.
        let languages = self.source_languages.as_deref().unwrap_or_default();
        linter
            .source_languages(languages)
            .map_err(|message| FileError {
                path: String::new(),
                text: None,
                span: None,
                message: message.to_string(),
                help: None,
            })?;
        linter
            .select(&self.select, &self.ignore)
            .map_err(|s| unknown_selector_error(&s))?;
        linter.set_style(self.style);
        linter
            .set_vocabulary(&self.accept, &self.reject)
            .map_err(|message| FileError {
                path: String::new(),
                text: None,
                span: None,
                message,
                help: None,
            })?;
        Ok(linter)
    }
}

/// Every rule id of `linter`, and every category, for "did you mean".
pub fn known_selectors(linter: &Linter) -> Vec<&str> {
    let mut known: Vec<&str> = Vec::new();
    for rule in linter.rules() {
        let id = &*rule.meta().id;
        known.push(id);
        if let Some((category, _)) = id.split_once('/') {
            if !known.contains(&category) {
                known.push(category);
            }
        }
    }
    known
}

/// A rule file or folder, and the folder it must resolve into (for one named by a
/// configuration file: the configuration's folder; `None` for `--rules`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RulePath {
    pub path: PathBuf,
    pub within: Option<PathBuf>,
}

/// Add the rules of each file, or of each `*.toml` file in each folder (`--rules`: any
/// path the user names).
pub fn add_rule_paths(linter: &mut Linter, paths: &[PathBuf]) -> Result<(), FileError> {
    let paths: Vec<RulePath> = paths
        .iter()
        .map(|p| RulePath {
            path: p.clone(),
            within: None,
        })
        .collect();
    add_rules(linter, &paths)
}

/// Whether `path`, with symbolic links and `..` resolved, is inside `within`; an error
/// naming it if not.
fn confined(path: &Path, within: Option<&Path>) -> Result<(), FileError> {
    let Some(within) = within else {
        return Ok(());
    };
    let cannot = |e: std::io::Error| FileError::plain(path, format!("cannot read rule file: {e}"));
    let real = std::fs::canonicalize(path).map_err(cannot)?;
    let root = std::fs::canonicalize(within).map_err(cannot)?;
    if real.starts_with(&root) {
        Ok(())
    } else {
        Err(FileError {
            path: String::new(),
            text: None,
            span: None,
            message: format!(
                "{}: rule path resolves outside the project ({}); a configuration file may \
                 only name rule files in its own folder tree (pass others with --rules)",
                path.display(),
                root.display()
            ),
            help: None,
        })
    }
}

/// Add the rules of each file, or of each `*.toml` file in each folder; a path from a
/// configuration file must resolve inside its folder.
pub fn add_rules(linter: &mut Linter, paths: &[RulePath]) -> Result<(), FileError> {
    for RulePath { path, within } in paths {
        let within = within.as_deref();
        confined(path, within)?;
        let mut sources = Vec::new();
        if path.is_dir() {
            let options = files::WalkOptions {
                no_ignore: true,
                ..files::WalkOptions::default()
            };
            let walked = files::collect(std::slice::from_ref(path), options, |p, is_dir| {
                if is_dir || files::has_extension(p, &["toml"]) {
                    Ok(())
                } else {
                    Err("not a .toml file".into())
                }
            });
            if let Some(e) = walked.errors.first() {
                return Err(FileError::plain(&e.path, e.message.clone()));
            }
            sources.extend(walked.found.into_iter().map(|f| f.path));
        } else {
            sources.push(path.clone());
        }
        for source in sources {
            confined(&source, within)?;
            let text = files::read_text(&source)
                .map_err(|e| FileError::plain(&source, format!("cannot read rule file: {e}")))?;
            not_toml(&source, &text)?;
            linter
                .add_rule_file(&source.display().to_string(), &text)
                .map_err(|e| bounded(FileError::from_rule_error(e, &text)))?;
        }
    }
    Ok(())
}

/// Configuration files and linters for a run, loaded once and shared between threads.
pub struct Workspace {
    options: Options,
    discovery: Discovery,
    /// Per directory: the configuration file that applies there.
    nearest: Mutex<HashMap<PathBuf, Option<Arc<Config>>>>,
    /// Per configuration file: the loaded configuration.
    configs: Mutex<HashMap<PathBuf, Arc<Config>>>,
    linters: Mutex<HashMap<Settings, Arc<Linter>>>,
}

impl Workspace {
    pub fn new(options: Options, discovery: Discovery) -> Workspace {
        Workspace {
            options,
            discovery,
            nearest: Mutex::default(),
            configs: Mutex::default(),
            linters: Mutex::default(),
        }
    }

    /// The effective settings for `file` (a path to lint, or for standard input a path
    /// in the directory it stands for).
    pub fn settings(&self, file: &Path) -> Result<Settings, FileError> {
        let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let config = match &self.discovery {
            Discovery::Off => None,
            Discovery::File(path) => Some(self.config(path)?),
            Discovery::Nearest => self.nearest(absolute.parent().unwrap_or(Path::new("/")))?,
        };
        let opts = &self.options;
        let mut s = Settings {
            config: config.as_ref().map(|c| c.path.clone()),
            overrides: Vec::new(),
            excluded: None,
            not_included: None,
            select: Vec::new(),
            ignore: Vec::new(),
            severity: Vec::new(),
            fail_on: FailOn::Warning,
            extensions: files::DEFAULT_EXTENSIONS
                .iter()
                .map(|e| e.to_string())
                .collect(),
            rules: Vec::new(),
            source_languages: None,
            accept: Vec::new(),
            reject: Vec::new(),
            accept_file: None,
            style: mtlint::Style::default(),
        };
        let names = |list: &[Spanned<String>]| -> Vec<String> {
            list.iter().map(|s| s.get_ref().clone()).collect()
        };
        // The files `extend` names first, the nearest last: each adds to (lists) or
        // replaces (single values) what the one it extends says.
        let mut chain = Vec::new();
        let mut next = config.as_deref();
        while let Some(c) = next {
            chain.push(c);
            next = c.parent.as_deref();
        }
        let is_dir = !chain.is_empty() && absolute.is_dir();
        for c in chain.into_iter().rev() {
            let relative = c.relative(&absolute);
            let config_name = c.path.display();
            if s.excluded.is_none() {
                s.excluded = relative
                    .and_then(|r| c.exclude.matched(r, is_dir))
                    .map(|glob| format!("excluded by {config_name}: `{glob}`"));
            }
            if let Some(include) = &c.include {
                s.not_included = match relative {
                    Some(r) if !is_dir && include.matched(r, false).is_none() => {
                        Some(format!("not matched by `include` in {config_name}"))
                    }
                    _ => None,
                };
            }
            if let Some(select) = &c.select {
                s.select = names(select);
            }
            s.ignore.extend(names(&c.ignore));
            s.severity
                .extend(c.severity.iter().map(|(k, v)| (k.get_ref().clone(), *v)));
            s.fail_on = c.fail_on.unwrap_or(s.fail_on);
            if let Some(e) = &c.extensions {
                s.extensions = e.clone();
            }
            s.rules.extend(c.rules.iter().map(|r| c.rule_path(r)));
            s.accept.extend(c.accept.iter().cloned());
            s.reject.extend(c.reject.iter().cloned());
            if c.accept_file.is_some() {
                s.accept_file = c.accept_file.clone();
            }
            s.style = c.style.unwrap_or(s.style);
            if let Some(langs) = &c.source_languages {
                s.source_languages = Some(names(langs));
            }
            for (i, o) in c.overrides.iter().enumerate() {
                if relative.is_none_or(|r| o.paths.matched(r, is_dir).is_none()) {
                    continue;
                }
                s.overrides.push((i, o.paths.texts.clone()));
                if let Some(select) = &o.select {
                    s.select = names(select);
                }
                s.ignore.extend(names(&o.ignore));
                s.severity
                    .extend(o.severity.iter().map(|(k, v)| (k.get_ref().clone(), *v)));
                if let Some(langs) = &o.source_languages {
                    s.source_languages = Some(names(langs));
                }
            }
        }
        if !opts.select.is_empty() {
            s.select = opts.select.clone();
        }
        s.ignore.extend(opts.ignore.iter().cloned());
        s.fail_on = opts.fail_on.unwrap_or(s.fail_on);
        s.rules.extend(opts.rules.iter().map(|p| RulePath {
            path: p.clone(),
            within: None,
        }));
        if opts.source_languages.is_some() {
            s.source_languages = opts.source_languages.clone();
        }
        Ok(s)
    }

    /// The linter for these settings (built once per distinct settings).
    pub fn linter(&self, settings: &Settings) -> Result<Arc<Linter>, FileError> {
        let mut linters = self.linters.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(linter) = linters.get(settings) {
            return Ok(linter.clone());
        }
        let linter = Arc::new(settings.linter()?);
        linters.insert(settings.clone(), linter.clone());
        Ok(linter)
    }

    /// The configuration file that applies in `dir` (absolute), searching upwards.
    fn nearest(&self, dir: &Path) -> Result<Option<Arc<Config>>, FileError> {
        if let Some(found) = self.cached_nearest(dir) {
            return Ok(found);
        }
        let mut here: Option<PathBuf> = None;
        for name in FILE_NAMES {
            let candidate = dir.join(name);
            if candidate.is_file() {
                if let Some(first) = &here {
                    return Err(FileError::plain(
                        first,
                        format!("{name} is in the same folder; keep one of the two"),
                    ));
                }
                here = Some(candidate);
            }
        }
        let found = match here {
            Some(path) => Some(self.config(&path)?),
            None => match dir.parent() {
                Some(parent) => self.nearest(parent)?,
                None => None,
            },
        };
        self.nearest
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(dir.to_path_buf(), found.clone());
        Ok(found)
    }

    fn cached_nearest(&self, dir: &Path) -> Option<Option<Arc<Config>>> {
        let cache = self.nearest.lock().unwrap_or_else(|e| e.into_inner());
        cache.get(dir).cloned()
    }

    /// Load, and check, one configuration file (once).
    fn config(&self, path: &Path) -> Result<Arc<Config>, FileError> {
        self.config_extended_by(path, &mut Vec::new())
    }

    /// [`Workspace::config`], for a file that the files of `extending` extend (in
    /// order): a file that extends itself, directly or not, is an error.
    fn config_extended_by(
        &self,
        path: &Path,
        extending: &mut Vec<PathBuf>,
    ) -> Result<Arc<Config>, FileError> {
        if let Some(c) = self
            .configs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
        {
            return Ok(c.clone());
        }
        let mut config = Config::load(path)?;
        if let Some(extend) = &config.extend {
            let base = config.dir.join(extend.get_ref());
            let real = std::fs::canonicalize(&base).map_err(|e| {
                config.error(
                    extend.span(),
                    format!("cannot read the configuration to extend: {e}"),
                    None,
                )
            })?;
            extending.push(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()));
            if extending.contains(&real) {
                return Err(config.error(
                    extend.span(),
                    "this configuration extends itself (through `extend`)".into(),
                    None,
                ));
            }
            config.parent = Some(self.config_extended_by(&real, extending)?);
        }
        self.check(&config)?;
        let config = Arc::new(config);
        self.configs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_path_buf(), config.clone());
        Ok(config)
    }

    /// Every rule file loads, and every rule, category and language the file names
    /// exists.
    fn check(&self, config: &Config) -> Result<(), FileError> {
        let mut linter = Linter::builtin();
        // The rules of the files it extends may be named too.
        let mut base = config.parent.as_deref();
        while let Some(b) = base {
            let paths: Vec<RulePath> = b.rules.iter().map(|r| b.rule_path(r)).collect();
            add_rules(&mut linter, &paths)?;
            base = b.parent.as_deref();
        }
        for rule in &config.rules {
            add_rules(&mut linter, &[config.rule_path(rule)]).map_err(|e| {
                if e.text.is_some() {
                    e
                } else {
                    config.error(rule.span(), e.message, None)
                }
            })?;
        }
        add_rule_paths(&mut linter, &self.options.rules)?;
        let known = known_selectors(&linter);
        let mut packs: Vec<&str> = vec!["all"];
        for rule in linter.rules() {
            packs.extend(rule.packs().iter().map(|p| &**p));
        }
        let languages = std::iter::once(&config.source_languages)
            .chain(config.overrides.iter().map(|o| &o.source_languages));
        for code in languages.flatten().flatten() {
            if !packs.contains(&code.get_ref().as_str()) {
                packs.sort_unstable();
                packs.dedup();
                return Err(config.error(
                    code.span(),
                    format!(
                        "unknown source language `{}` (known: {})",
                        code.get_ref(),
                        packs.join(", ")
                    ),
                    None,
                ));
            }
        }
        for selector in config.selectors() {
            let name = selector.get_ref().trim_end_matches('/');
            if !known.contains(&name) {
                return Err(config.error(
                    selector.span(),
                    format!("unknown rule or category `{name}`"),
                    did_you_mean(name, known.iter().copied()),
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, FileError> {
        Config::parse(Path::new("mtlint.toml"), text.to_string())
    }

    #[test]
    fn unknown_key_suggests_the_closest() {
        let e = parse("selct = [\"quotes\"]\n").unwrap_err();
        assert_eq!(e.span, Some(0..5));
        assert!(
            e.message.starts_with("unknown field `selct`"),
            "{}",
            e.message
        );
        assert_eq!(e.help.as_deref(), Some("did you mean `select`?"));
    }

    #[test]
    fn globs_read_like_gitignore() {
        let globs = |list: &[&str]| {
            let list: Vec<_> = list
                .iter()
                .map(|g| Spanned::new(0..0, g.to_string()))
                .collect();
            PathGlobs::new(&list).unwrap()
        };
        let matches = |list: &[&str], path: &str| {
            globs(list)
                .matched(Path::new(path), false)
                .map(str::to_string)
        };
        assert_eq!(matches(&["drafts"], "a/drafts/x.md"), Some("drafts".into()));
        assert_eq!(matches(&["drafts/"], "drafts/x.md"), Some("drafts/".into()));
        assert_eq!(matches(&["drafts/"], "drafts"), None, "a file named so");
        assert!(matches(&["legal/**"], "legal/2024/terms.md").is_some());
        assert!(matches(&["legal/**"], "docs/legal/terms.md").is_none());
        assert!(matches(&["./legal"], "docs/legal/terms.md").is_none());
        assert!(matches(&["./legal"], "legal/terms.md").is_some());
        assert!(matches(&["*.min.html"], "site/a.min.html").is_some());
        assert!(matches(&["*.md"], "notes.txt").is_none());
        let negated = ["drafts/*", "!drafts/keep.md"];
        assert_eq!(matches(&negated, "drafts/x.md"), Some("drafts/*".into()));
        assert_eq!(matches(&negated, "drafts/keep.md"), None);
    }

    #[test]
    fn an_error_on_a_long_line_gives_its_position_without_the_line() {
        let long = format!("ignore = [\"{}\"]\n", "x".repeat(300));
        let e = parse(&format!("selct = 1\n{long}")).unwrap_err();
        assert_eq!(e.span, Some(0..5), "a short line is shown");
        let e = parse(&format!("extend-exclude = [\"{}[\"]\n", "y".repeat(300))).unwrap_err();
        assert_eq!((e.text, e.span), (None, None));
        assert_eq!(e.path, "mtlint.toml:1:19");
        assert!(e.message.starts_with("invalid glob"), "{}", e.message);
    }

    #[test]
    fn an_invalid_glob_points_at_it() {
        let e = parse("extend-exclude = [\"a/[b\"]\n").unwrap_err();
        assert_eq!(e.span, Some(18..24));
        assert!(e.message.starts_with("invalid glob"), "{}", e.message);
    }
}
