//! What people read about a rule and about a fix, written once: `--explain`, the SARIF
//! help (text and Markdown) and the editor's hover all come from [`RuleHelp`]; the
//! reports' `help:` lines, the SARIF fix descriptions and the editor's code-action titles
//! all come from [`fix_title`].

use mtlint::{Applicability, Diagnostic, Example, Fix, RuleMeta};

/// Make whitespace visible in a quoted snippet: `\n`, `\t`, no-break spaces.
pub fn visible(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' => "\\n".to_string(),
            '\r' => "\\r".to_string(),
            '\t' => "\\t".to_string(),
            '\u{A0}' => "\\u{a0}".to_string(),
            '\u{202F}' => "\\u{202f}".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// Who reads a fix title: the command's reports (and SARIF), or an editor's code action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    /// "replace `x` with `y` (unsafe fix: use --unsafe-fixes)".
    Report,
    /// "Replace `x` with `y` (unsafe: check the meaning)".
    Editor,
}

/// What a fix turning `old` (the text under the span) into its replacement does.
pub fn fix_title(old: &str, fix: &Fix, wording: Wording) -> String {
    let (was, now) = (visible(old), visible(&fix.replacement));
    let removes = fix.replacement.is_empty();
    let (action, unsafe_note) = match wording {
        Wording::Report => {
            let action = if removes && old.trim().is_empty() {
                let what = match old.chars().next() {
                    Some('\u{A0}') => "no-break space",
                    Some('\u{202F}') => "narrow no-break space",
                    _ => "space",
                };
                format!("remove the {what}")
            } else if removes {
                format!("remove `{was}`")
            } else {
                format!("replace `{was}` with `{now}`")
            };
            (action, " (unsafe fix: use --unsafe-fixes)")
        }
        Wording::Editor => {
            let action = match (old.is_empty(), removes) {
                (false, true) => format!("Remove `{was}`"),
                (true, _) => format!("Insert `{now}`"),
                (false, false) => format!("Replace `{was}` with `{now}`"),
            };
            (action, " (unsafe: check the meaning)")
        }
    };
    match fix.applicability {
        Applicability::Safe => action,
        Applicability::Unsafe => action + unsafe_note,
    }
}

/// The `help:` text of a diagnostic's fix in `text`, as the reports show it.
pub fn fix_help(text: &str, d: &Diagnostic) -> Option<String> {
    let fix = d.fix.as_ref()?;
    Some(fix_title(&text[d.span.clone()], fix, Wording::Report))
}

/// Whether a rule's findings come with fixes: `no`, `safe` or `unsafe`.
pub fn fix_kind(meta: &RuleMeta) -> &'static str {
    meta.fix.map_or("no", |f| f.as_str())
}

/// A rule's manual: its summary, description and examples, in each form it is shown.
pub struct RuleHelp<'a> {
    meta: &'a RuleMeta,
}

/// One example as shown: whitespace made visible.
enum Shown {
    Bad { text: String, fixed: Option<String> },
    Good { text: String },
}

impl<'a> RuleHelp<'a> {
    /// The help of the rule described by `meta`.
    pub fn new(meta: &'a RuleMeta) -> Self {
        RuleHelp { meta }
    }

    fn examples(&self) -> impl Iterator<Item = Shown> + 'a {
        self.meta.examples.iter().map(|e| match e {
            Example::Bad { text, fixed, .. } => Shown::Bad {
                text: visible(text),
                fixed: fixed.as_deref().map(visible),
            },
            Example::Good { text } => Shown::Good {
                text: visible(text),
            },
        })
    }

    /// Plain text: summary, description and every example, one per line (`--explain`).
    pub fn text(&self) -> String {
        let m = self.meta;
        let mut help = format!("{}\n\n{}\n\nExamples:\n", m.summary, m.description);
        for example in self.examples() {
            match example {
                Shown::Bad { text, fixed } => {
                    help.push_str(&format!("  bad:   {text}\n"));
                    if let Some(fixed) = fixed {
                        help.push_str(&format!("  fixed: {fixed}\n"));
                    }
                }
                Shown::Good { text } => help.push_str(&format!("  good:  {text}\n")),
            }
        }
        help
    }

    /// [`RuleHelp::text`] and where to read more (the SARIF `help.text`).
    pub fn text_with_pointer(&self) -> String {
        format!("{}\nMore: mtlint --explain {}\n", self.text(), self.meta.id)
    }

    /// Markdown: summary, description, a list of the examples and where to read more
    /// (the SARIF `help.markdown`).
    pub fn markdown(&self) -> String {
        let m = self.meta;
        let mut help = format!("{}\n\n{}\n\n**Examples**\n\n", m.summary, m.description);
        for example in self.examples() {
            match example {
                Shown::Bad { text, fixed } => {
                    help.push_str(&format!("- bad: {}", code_span(&text)));
                    if let Some(fixed) = fixed {
                        help.push_str(&format!(" → fixed: {}", code_span(&fixed)));
                    }
                    help.push('\n');
                }
                Shown::Good { text } => help.push_str(&format!("- good: {}\n", code_span(&text))),
            }
        }
        help.push_str(&format!("\nMore: `mtlint --explain {}`\n", m.id));
        help
    }

    /// The hover text of a finding `d` of this rule (Markdown): the finding, the rule's
    /// summary when the message is not it, the description and the first bad example.
    pub fn hover(d: &Diagnostic, meta: Option<&'a RuleMeta>) -> String {
        let mut out = format!("**{}** ({}): {}", d.rule, d.severity, d.message);
        if let Some(help) = meta.map(RuleHelp::new) {
            let m = help.meta;
            if m.summary != d.message {
                out.push_str(&format!("\n\n{}", m.summary));
            }
            out.push_str(&format!("\n\n{}", m.description));
            let bad = help.examples().find_map(|e| match e {
                Shown::Bad { text, fixed } => Some((text, fixed)),
                Shown::Good { .. } => None,
            });
            if let Some((text, fixed)) = bad {
                out.push_str(&format!("\n\nExample: `{text}`"));
                if let Some(fixed) = fixed {
                    out.push_str(&format!(" → `{fixed}`"));
                }
            }
        }
        out.push_str(&format!(
            "\n\nMore: `mtlint --explain {}`; silence: `--ignore {}`",
            d.rule, d.rule
        ));
        out
    }
}

/// A Markdown code span holding `s` whatever backticks it contains.
fn code_span(s: &str) -> String {
    let longest = s
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or_default();
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') || s.is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code_span("a"), "`a`");
        assert_eq!(code_span("a ` b"), "``a ` b``");
        assert_eq!(code_span("`x"), "`` `x ``");
    }

    #[test]
    fn fix_titles() {
        let fix = |r: &str, a| Fix {
            replacement: r.into(),
            applicability: a,
        };
        assert_eq!(
            fix_title(". .", &fix(".", Applicability::Safe), Wording::Editor),
            "Replace `. .` with `.`"
        );
        assert_eq!(
            fix_title(" ", &fix("", Applicability::Safe), Wording::Editor),
            "Remove ` `"
        );
        assert_eq!(
            fix_title(
                "secular",
                &fix("sectarian", Applicability::Unsafe),
                Wording::Editor
            ),
            "Replace `secular` with `sectarian` (unsafe: check the meaning)"
        );
        assert_eq!(
            fix_title("", &fix("\u{a0}", Applicability::Safe), Wording::Editor),
            "Insert `\\u{a0}`"
        );
        // The reports' wording of the same fixes.
        assert_eq!(
            fix_title(". .", &fix(".", Applicability::Safe), Wording::Report),
            "replace `. .` with `.`"
        );
        assert_eq!(
            fix_title("\u{a0}", &fix("", Applicability::Safe), Wording::Report),
            "remove the no-break space"
        );
        assert_eq!(
            fix_title(
                "secular",
                &fix("sectarian", Applicability::Unsafe),
                Wording::Report
            ),
            "replace `secular` with `sectarian` (unsafe fix: use --unsafe-fixes)"
        );
    }
}
