//! `residue/repeated-headline`: headline repeated as the first paragraph.
//!
//! ## What it does
//!
//! The first line of the text (the headline, two to thirty words) comes again at the
//! start of the next paragraph, as a paragraph of its own or as its first sentence: a
//! copy from a web page took both the title and the article's own heading or summary.
//!
//! ## Why it matters
//!
//! The unsafe fix deletes the second copy. Only the first two paragraphs are compared,
//! and a Markdown heading marker (`# `) is ignored. A first line that is a breadcrumb of
//! three crumbs or more (`Home » World » Ottawa sends troops`) counts by its last crumb,
//! the page's title.
//!
//! ## Example
//!
//! ```text
//! Ottawa sends troops to Latvia
//!
//! Ottawa sends troops to Latvia
//!
//! The government said.
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! Ottawa sends troops to Latvia
//!
//! The government said.
//! ```

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::Document;

pub struct RepeatedHeadline {
    meta: RuleMeta,
}

impl RepeatedHeadline {
    pub fn new() -> Self {
        RepeatedHeadline {
            meta: RuleMeta {
                id: "residue/repeated-headline".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "headline repeated as the first paragraph".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "Ottawa sends troops to Latvia\n\n[Ottawa sends troops to Latvia\n\n]The government said.",
                        "Ottawa sends troops to Latvia\n\nThe government said.",
                    ).message("the headline is repeated as the first paragraph"),
                    Example::bad(
                        "Ottawa sends troops to Latvia\n[Ottawa sends troops to Latvia. ]The government said so.",
                        "Ottawa sends troops to Latvia\nThe government said so.",
                    ).message("the headline is repeated as the first paragraph"),
                    Example::bad(
                        "Home » World » Ottawa sends troops to Latvia\n\n[Ottawa sends troops to Latvia\n\n]The government said.",
                        "Home » World » Ottawa sends troops to Latvia\n\nThe government said.",
                    ).message("the headline is repeated as the first paragraph"),
                    Example::good("Ottawa sends troops\n\nOttawa sends troops to Latvia, the government said.\n\nOttawa sends troops."),
                    Example::good("Home » Ottawa sends troops\n\nOttawa sends troops to Latvia.\n"),
                    Example::good("Introduction\n\nIntroductions are hard."),
                    Example::good("\n\nIndex\n\n"),
                ],
            },
        }
    }
}

/// Leading characters that are not part of a heading's words: spaces, Markdown heading
/// marks and the Markdown prose mask's placeholder.
fn is_marker(c: char) -> bool {
    c.is_whitespace() || c == '#' || c == crate::text::INLINE_MASK
}

/// The next non-blank line at or after byte `from`: (start of its words, end of its
/// words, end of the line including its line break).
fn next_line(text: &str, mut from: usize) -> Option<(usize, usize, usize)> {
    while from < text.len() {
        let end = text[from..].find('\n').map_or(text.len(), |i| from + i + 1);
        let line = &text[from..end];
        let lead = line.len() - line.trim_start_matches(is_marker).len();
        let words = line.trim_start_matches(is_marker).trim_end();
        if !words.is_empty() {
            return Some((from + lead, from + lead + words.len(), end));
        }
        from = end;
    }
    None
}

impl Rule for RepeatedHeadline {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let Some((h_start, h_end, h_line_end)) = next_line(text, 0) else {
            return;
        };
        let mut headline = text[h_start..h_end].trim_end_matches(['.', ' ']);
        // A breadcrumb of three crumbs or more ends with the page's title (`Home » News »
        // Storm closes the road`).
        for sep in [" » ", " › "] {
            if let Some((trail, last)) = headline.rsplit_once(sep) {
                if trail.contains(sep) {
                    headline = last.trim();
                }
            }
        }
        let words = headline.split_whitespace().count();
        if !(2..=30).contains(&words)
            || headline.len() > 250
            || !headline.chars().any(char::is_alphabetic)
        {
            return;
        }
        let Some((p_start, p_end, p_line_end)) = next_line(text, h_line_end) else {
            return;
        };
        let paragraph = &text[p_start..p_end];
        let Some(rest) = paragraph.strip_prefix(headline) else {
            return;
        };
        let end = if rest.trim_start_matches(['.', ' ']).is_empty() {
            // The whole line is the copy: delete it and the blank lines after it.
            let mut end = p_line_end;
            while let Some(next) = text[end..].find('\n').map(|i| end + i + 1) {
                if !text[end..next].trim().is_empty() {
                    break;
                }
                end = next;
            }
            end
        } else {
            // The copy opens the paragraph: it must end there as a sentence or a clause.
            let sep: usize = rest
                .chars()
                .take_while(|c| matches!(c, '.' | ':' | '—' | '–' | '-' | '|'))
                .map(char::len_utf8)
                .sum();
            let after = &rest[sep..];
            let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
            if sep == 0 || spaces == 0 {
                return;
            }
            p_start + headline.len() + sep + spaces
        };
        out.push(self.meta.diagnostic(
            p_start..end,
            "the headline is repeated as the first paragraph",
            Some(Fix::deletion(Applicability::Unsafe)),
        ));
    }
}
