//! The command line: every option, as clap parses it.

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::config::FailOn;

#[derive(Parser)]
#[command(
    name = "mtlint",
    version,
    about = "Find and fix machine-translation and copy-paste artifacts in prose",
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or directories to lint (`-` for standard input). Default: the current directory.
    pub paths: Vec<PathBuf>,
    /// Also lint the files listed in FILE (`-`: standard input), one path per line.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// With --files-from: paths are separated by NUL bytes, not line breaks.
    #[arg(long, short = '0', requires = "files_from")]
    pub null: bool,
    /// Walk into symbolic links to directories (by default they are not followed, as in
    /// ripgrep; links to files are always linted). Each real file is linted once.
    #[arg(long, short = 'L')]
    pub follow: bool,
    /// Walk what `.gitignore`, `.ignore`, `.git/info/exclude` and git's global excludes
    /// leave out (hidden files stay skipped; a file named on the command line is always
    /// linted).
    #[arg(long)]
    pub no_ignore: bool,
    /// How to read the input: by file extension (`auto`: `.md`, `.markdown` are Markdown,
    /// `.mdx` MDX, `.html`, `.htm`, `.xhtml` HTML, `.po`, `.pot` PO, `.xlf`, `.xliff`
    /// XLIFF, `.srt` SRT, `.vtt` WebVTT, anything else plain text), or as the format
    /// named, whatever the name.
    #[arg(long, value_enum, default_value_t = MarkupArg::Auto)]
    pub markup: MarkupArg,
    /// In PO catalogs, also lint the entries marked `#, fuzzy` (skipped by default: they
    /// are drafts waiting for a translator).
    #[arg(long)]
    pub po_fuzzy: bool,
    /// Instead of the problems, print how many each rule found and how many --fix can fix
    /// (`--statistics`, `--statistics=rules`), or each file's score and verdict, worst
    /// first (`--statistics=files`).
    #[arg(
        long,
        value_enum,
        value_name = "VIEW",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "rules"
    )]
    pub statistics: Option<StatisticsView>,
    /// Read JSON Lines written by `--format json` (the shards of a sweep) instead of
    /// linting, and write their merged report: with `--format html` (or `mtlint report`)
    /// or `--statistics=files`.
    #[arg(
        long,
        value_name = "FILE",
        num_args = 1..,
        conflicts_with_all = ["paths", "files_from", "fix", "diff"]
    )]
    pub from_json: Vec<PathBuf>,
    /// Where the output goes instead of standard output (set by `mtlint report`).
    #[arg(skip)]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to use colour in `human` output (`auto` honours NO_COLOR).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Apply every safe fix in place.
    #[arg(long)]
    pub fix: bool,
    /// With --fix: also rewrite read-only files (no write permission bit), which are
    /// otherwise reported ("read-only, not written") and left alone.
    #[arg(long)]
    pub force_write: bool,
    /// With --fix or --diff, also apply unsafe fixes.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print what --fix would change as a unified diff; write nothing.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// Only these rules or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    pub select: Vec<String>,
    /// Skip these rules or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    pub ignore: Vec<String>,
    /// Exit with status 1 when a diagnostic at or above this severity remains:
    /// error, warning (the default), info or never.
    #[arg(long, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,
    /// Use this configuration file for every file, instead of the nearest
    /// `mtlint.toml` or `.mtlint.toml` above each file.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore configuration files.
    #[arg(long)]
    pub no_config: bool,
    /// Print the settings that apply to PATH, and where they come from, and exit.
    #[arg(long, value_name = "PATH")]
    pub show_config: Option<PathBuf>,
    /// Source languages of the text (comma-separated: fr, de, es, it, or all): run their
    /// false-friend and calque packs. Without it, only the near-certain pack entries run.
    #[arg(long, value_delimiter = ',', value_name = "LANG")]
    pub source_lang: Vec<String>,
    /// Extra rule files, or directories of `*.toml` rule files.
    #[arg(long, value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// The largest file read (inputs, file lists, configuration and rule files): bytes,
    /// or with a suffix K, M, G (KiB, MiB, GiB). A larger file is reported and skipped.
    #[arg(long, value_name = "SIZE", default_value = "2G", value_parser = parse_size)]
    pub max_file_size: u64,
    /// The name shown for standard input.
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    pub stdin_filename: String,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Check every example of the rules in these files (bad text flagged and fixed as
    /// stated, good text not flagged), report failures and exit.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub test_rules: Vec<PathBuf>,
    /// List every rule and exit.
    #[arg(long)]
    pub list_rules: bool,
    /// Print the regex patterns of the active rules, one per line (for `rg -f`), and exit.
    #[arg(long)]
    pub dump_patterns: bool,
    /// Explain one rule, with its examples, and exit.
    #[arg(long, value_name = "ID")]
    pub explain: Option<String>,
    /// Print nothing but the problems and errors: no summary line, no progress bar.
    #[arg(long, short = 'q', conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also tell on standard error each file linted, how it is read, and its config file.
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// Print shell completions or the man page (generated from these options) and exit.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub generate: Option<Generate>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    CompletionsBash,
    CompletionsZsh,
    CompletionsFish,
    CompletionsElvish,
    CompletionsPowershell,
    /// The man page, mtlint.1 (roff).
    Man,
}

/// Subcommands. A path literally named like one is linted as `./server`.
#[derive(Subcommand)]
pub enum Command {
    /// Run the language server on standard input and output (for editors), or with
    /// --http a LanguageTool-compatible HTTP server and a web page for editors.
    #[command(visible_alias = "serve")]
    Server {
        /// Accepted for clients that pass it: without --http, standard input and output
        /// is the transport.
        #[arg(long, hide = true)]
        stdio: bool,
        /// Serve HTTP on this address (default 127.0.0.1:8081) instead: LanguageTool's
        /// API at /v2/ and a web page at /. Loopback unless an address like 0.0.0.0:8081
        /// is given; port 0 picks a free port (the address is printed on standard error).
        #[arg(long, value_name = "ADDR", num_args = 0..=1, default_missing_value = "127.0.0.1:8081", conflicts_with = "stdio")]
        http: Option<std::net::SocketAddr>,
        /// With --http: the largest request body (bytes, or with a suffix K, M).
        #[arg(long, value_name = "SIZE", default_value = "1M", value_parser = parse_size, requires = "http")]
        max_request_size: u64,
        /// With --http: lint threads (default: one per core).
        #[arg(long, short = 'j', value_name = "N", requires = "http")]
        threads: Option<usize>,
    },
    /// Write the HTML triage report of a run to OUT: `mtlint report OUT.html [OPTIONS]
    /// [PATHS]...`, or of JSON Lines shards with `--from-json FILE...`.
    Report {
        /// The HTML file to write.
        out: PathBuf,
        /// The options and paths of the run, as for a check.
        #[arg(
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "ARGS"
        )]
        args: Vec<std::ffi::OsString>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatisticsView {
    /// Problems per rule, most frequent first.
    Rules,
    /// Each file's score, verdict and words, worst first.
    Files,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Short,
    Json,
    /// GitHub Actions annotations.
    Github,
    /// One SARIF 2.1.0 log for the run (code scanning).
    Sarif,
    /// One self-contained HTML page for the run: scores, charts, worst documents first.
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MarkupArg {
    Auto,
    Text,
    Markdown,
    Html,
    Mdx,
    /// gettext PO catalogs.
    Po,
    /// XLIFF 1.2 and 2.x.
    Xliff,
    /// SubRip subtitles.
    Srt,
    /// WebVTT subtitles.
    Vtt,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

const EXAMPLES: &str = "\
Examples:
  mtlint                                  lint the current directory
  mtlint samples/ notes.md                lint a directory and a file
  mtlint --fix article.txt                apply the safe fixes in place
  mtlint --diff --unsafe-fixes docs/      show every fix as a diff, write nothing
  mtlint --format json - < article.txt    lint standard input, JSON Lines out
  mtlint --format sarif . > mtlint.sarif  one SARIF log for code scanning
  mtlint --statistics archive/            problems per rule, most frequent first
  mtlint --statistics=files archive/      each file's score and verdict, worst first
  mtlint report triage.html archive/      an HTML report of the run, worst documents first
  mtlint report all.html --from-json a.jsonl b.jsonl   merge the shards of a sweep
  mtlint --select quotes --ignore quotes/unclosed-quote .
  mtlint --explain quotes/stray-closing-quote
  mtlint --generate completions-bash > ~/.local/share/bash-completion/completions/mtlint
  mtlint --generate man > mtlint.1

Exit status: 0 no problem (at --fail-on level), 1 problems remain, 2 error.";

impl Color {
    /// Whether reports on standard output are coloured (`auto` honours NO_COLOR).
    pub fn on_stdout(self) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => io::stdout().is_terminal() && !no_color(),
        }
    }

    /// Standard error, coloured as `--color` says.
    pub fn stderr(self) -> StandardStream {
        let choice = match self {
            Color::Always => ColorChoice::Always,
            Color::Never => ColorChoice::Never,
            Color::Auto if io::stderr().is_terminal() && !no_color() => ColorChoice::Auto,
            Color::Auto => ColorChoice::Never,
        };
        StandardStream::stderr(choice)
    }
}

/// A size: bytes, or a number with a suffix K, M or G (powers of 1024).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let (digits, unit) = match s.trim().char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => s.trim().split_at(i),
        None => (s.trim(), ""),
    };
    let shift = match unit
        .to_ascii_uppercase()
        .trim_end_matches("IB")
        .trim_end_matches('B')
    {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        "T" => 40,
        _ => return Err(format!("`{s}` is not a size (e.g. 4096, 512K, 10M, 2G)")),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1u64 << shift))
        .ok_or_else(|| format!("`{s}` is not a size (e.g. 4096, 512K, 10M, 2G)"))
}

fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

impl Cli {
    /// How the input named `name` is read (`--markup`, `--po-fuzzy`).
    pub fn markup_of(&self, name: &str) -> mtlint::Markup {
        use mtlint::Markup;
        let markup = match self.markup {
            MarkupArg::Text => Markup::Text,
            MarkupArg::Markdown => Markup::Markdown,
            MarkupArg::Html => Markup::Html,
            MarkupArg::Mdx => Markup::Mdx,
            MarkupArg::Po => Markup::Po { fuzzy: false },
            MarkupArg::Xliff => Markup::Xliff,
            MarkupArg::Srt => Markup::Srt,
            MarkupArg::Vtt => Markup::Vtt,
            MarkupArg::Auto => Markup::from_path(std::path::Path::new(name)),
        };
        match markup {
            Markup::Po { .. } => Markup::Po {
                fuzzy: self.po_fuzzy,
            },
            other => other,
        }
    }
}
