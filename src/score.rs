//! A per-document machine-translation score, for triage of large archives: how many
//! artifacts a document has per 1,000 linted words, each weighted by its severity and
//! by its category, and a [`Verdict`] from that figure.
//!
//! Categories that only machine translation leaves (calques, false friends, untranslated
//! text) weigh most; damage any copy-pasted or hastily typed text can have (punctuation,
//! spacing, encoding, web residue) weighs least. The thresholds of the verdict were
//! measured on clean prose and machine-translated samples (`benches/score.py`, figures
//! in the README).
//!
//! ```
//! use mtlint::{score, Linter, Markup, Verdict};
//!
//! let text = "According to me, the conference of press was a success. \
//!             The minister assisted at the meeting.\n";
//! let found = Linter::builtin().lint(text);
//! let s = score::score(&found, score::linted_words(text, Markup::Text));
//! assert_eq!(s.words, 16);
//! assert_eq!(s.verdict, Verdict::RawMt);
//! assert_eq!(s.categories["calque"], 2);
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{html, markdown, text, Diagnostic, Markup, Severity};

/// A document scored as if it had at least this many words: one finding in a
/// two-line note is not a rate of hundreds per 1,000 words.
pub const MIN_WORDS: usize = 200;

/// Scores below this are [`Verdict::Clean`].
pub const EDITED_FROM: f64 = 2.0;

/// Scores at or above this are [`Verdict::RawMt`].
pub const RAW_MT_FROM: f64 = 10.0;

/// What a document's score says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// No more artifacts than edited English prose has.
    #[serde(rename = "clean")]
    Clean,
    /// Some artifacts: machine translation that was edited, or careless copy-paste.
    #[serde(rename = "edited")]
    Edited,
    /// As many artifacts as unedited machine translation leaves.
    #[serde(rename = "raw MT")]
    RawMt,
}

impl Verdict {
    /// The verdict of a score.
    pub fn of(score: f64) -> Verdict {
        if score >= RAW_MT_FROM {
            Verdict::RawMt
        } else if score >= EDITED_FROM {
            Verdict::Edited
        } else {
            Verdict::Clean
        }
    }

    /// The name used in reports and in JSON: `clean`, `edited` or `raw MT`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Clean => "clean",
            Verdict::Edited => "edited",
            Verdict::RawMt => "raw MT",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One document's score.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Words of prose linted (see [`linted_words`]).
    pub words: usize,
    /// Weighted artifacts per 1,000 words (at least [`MIN_WORDS`] counted).
    pub score: f64,
    /// The verdict of `score`.
    pub verdict: Verdict,
    /// Findings per category (the part of the rule id before `/`).
    pub categories: BTreeMap<String, usize>,
}

/// How much one finding of this category counts: 3 for what only machine translation
/// leaves (`calque`, `false-friend`, `translation`), 1 for text damage translation
/// typically causes (quotes, numbers, currency, capitals, names, sentences, typos, and
/// categories of user rules), 0.5 for damage any pasted text can have (punctuation,
/// spacing, encoding, boilerplate, residue) and 0 for findings about suppression
/// comments rather than the text.
pub fn category_weight(category: &str) -> f64 {
    match category {
        "calque" | "false-friend" | "translation" => 3.0,
        "punctuation" | "spacing" | "encoding" | "boilerplate" | "residue" => 0.5,
        "suppression" => 0.0,
        _ => 1.0,
    }
}

/// How much one finding of this severity counts: an info is often a matter of style.
pub fn severity_weight(severity: Severity) -> f64 {
    match severity {
        Severity::Error | Severity::Warning => 1.0,
        Severity::Info => 0.3,
    }
}

/// The score of a document of `words` linted words with these findings.
pub fn score(diagnostics: &[Diagnostic], words: usize) -> Score {
    let mut categories = BTreeMap::new();
    let mut points = 0.0;
    for d in diagnostics {
        let category = d.rule.split('/').next().unwrap_or_default();
        points += category_weight(category) * severity_weight(d.severity);
        *categories.entry(category.to_string()).or_insert(0) += 1;
    }
    let score = points * 1000.0 / words.max(MIN_WORDS) as f64;
    Score {
        words,
        score,
        verdict: Verdict::of(score),
        categories,
    }
}

/// The words of prose in a document: what [`crate::Linter::lint_document`] lints (no
/// code, markup or URLs), as runs of letters.
pub fn linted_words(text: &str, markup: Markup) -> usize {
    use crate::formats::subtitles::Kind;
    use crate::formats::{po, subtitles, xliff};
    let count = |prose: &str| text::document::word_spans(prose).count();
    // A malformed PO, XLIFF or subtitle file is not linted: it has no words.
    let view =
        |view: Result<html::ProseView, crate::DocumentError>| view.map_or(0, |v| count(&v.text));
    match markup {
        Markup::Text => count(text),
        Markup::Markdown => count(&markdown::prose_mask(text)),
        Markup::Mdx => count(&markdown::mdx_prose_mask(text)),
        Markup::Html => count(&html::prose_view(text).0.text),
        Markup::Po { fuzzy } => view(po::prose_view(text, fuzzy)),
        Markup::Xliff => view(xliff::prose_view(text)),
        Markup::Srt => view(subtitles::prose_view(text, Kind::Srt)),
        Markup::Vtt => view(subtitles::prose_view(text, Kind::Vtt)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Linter, Markup};

    #[test]
    fn weights_make_calques_count_more_than_punctuation() {
        let text = "They left. . The conference of press ended.\n";
        let found = Linter::builtin().lint(text);
        let s = score(&found, 1000);
        assert_eq!(s.categories["punctuation"], 1);
        assert_eq!(s.categories["calque"], 1);
        // 0.5 for the doubled period, 3 for the calque, over 1,000 words.
        assert!((s.score - 3.5).abs() < 1e-9, "{}", s.score);
        assert_eq!(s.verdict, Verdict::Edited);
    }

    #[test]
    fn short_documents_count_as_min_words() {
        let found = Linter::builtin().lint("They left. .\n");
        let s = score(&found, 2);
        assert_eq!(s.words, 2);
        assert!((s.score - 0.5 * 1000.0 / MIN_WORDS as f64).abs() < 1e-9);
        assert_eq!(s.verdict, Verdict::Edited);
    }

    #[test]
    fn verdict_thresholds() {
        assert_eq!(Verdict::of(0.0), Verdict::Clean);
        assert_eq!(Verdict::of(EDITED_FROM - 0.01), Verdict::Clean);
        assert_eq!(Verdict::of(EDITED_FROM), Verdict::Edited);
        assert_eq!(Verdict::of(RAW_MT_FROM), Verdict::RawMt);
    }

    #[test]
    fn linted_words_skip_code_and_markup() {
        assert_eq!(linted_words("Two words.", Markup::Text), 2);
        assert_eq!(
            linted_words("Run `cargo build --release` now.\n", Markup::Markdown),
            2
        );
        assert_eq!(
            linted_words(
                "<p class=\"many words here\">One <b>two</b></p><script>var x;</script>",
                Markup::Html
            ),
            2
        );
    }
}
