//! Inline suppression comments in Markdown and HTML:
//!
//! - `<!-- mtlint-disable -->` … `<!-- mtlint-enable -->`: no finding in between;
//! - `<!-- mtlint-disable rule-id, category -->` … `<!-- mtlint-enable rule-id -->`: only
//!   those (an `mtlint-enable` without names ends every disabled range);
//! - `<!-- mtlint-disable-next-line rule-id -->`: the next non-blank line only;
//! - `<!-- mtlint-disable-line rule-id -->`: the line the comment is on.
//!
//! A comment whose first word starts with `mtlint-` but is no directive is reported
//! (`suppression/unknown-directive`, with the closest directive).
//!
//! A finding is suppressed when it starts inside a range. A comment naming an unknown rule
//! or category is reported (`suppression/unknown-rule`), and so is a suppression that
//! suppresses nothing (`suppression/unused`), so stale comments get cleaned up.

use std::ops::Range;
use std::sync::Arc;

use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::selects;

/// Rule id of the report of an unknown rule or category in a suppression comment.
pub const UNKNOWN: &str = crate::checks::suppression::unknown_rule::ID;
/// Rule id of the report of a comment that looks like a directive but is not one.
pub const UNKNOWN_DIRECTIVE: &str = crate::checks::suppression::unknown_directive::ID;
/// Rule id of the report of a suppression that suppresses nothing.
pub const UNUSED: &str = crate::checks::suppression::unused::ID;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Disable,
    Enable,
    NextLine,
    Line,
}

/// The directives, longest first (so that a prefix does not win).
const DIRECTIVES: [(&str, Kind); 4] = [
    ("mtlint-disable-next-line", Kind::NextLine),
    ("mtlint-disable-line", Kind::Line),
    ("mtlint-disable", Kind::Disable),
    ("mtlint-enable", Kind::Enable),
];

#[derive(Debug)]
struct Directive {
    /// The whole comment, in the source.
    span: Range<usize>,
    kind: Kind,
    /// The rules and categories named; empty for all.
    selectors: Vec<String>,
}

fn parse(span: Range<usize>, body: &str) -> Option<Directive> {
    let body = body.trim();
    let (kind, rest) = DIRECTIVES
        .into_iter()
        .find_map(|(word, kind)| Some((kind, body.strip_prefix(word)?)))?;
    if !(rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace())) {
        return None;
    }
    let selectors = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    Some(Directive {
        span,
        kind,
        selectors,
    })
}

/// A comment whose first word starts with `mtlint-` but is no directive: that word and
/// the closest directive, if one is close.
fn unknown_directive(body: &str) -> Option<(&str, Option<&'static str>)> {
    let word = body.split_whitespace().next()?;
    if !word.starts_with("mtlint-") || DIRECTIVES.iter().any(|(d, _)| *d == word) {
        return None;
    }
    let close = DIRECTIVES
        .iter()
        .map(|(d, _)| (strsim::levenshtein(word, d), *d))
        .filter(|(distance, _)| *distance <= 4)
        .min()
        .map(|(_, d)| d);
    Some((word, close))
}

/// The line around `at`.
fn line_at(source: &str, at: usize) -> Range<usize> {
    let start = source[..at].rfind('\n').map_or(0, |p| p + 1);
    let end = source[at..].find('\n').map_or(source.len(), |p| at + p);
    start..end
}

/// The next non-blank line after `from`.
fn next_line(source: &str, from: usize) -> Range<usize> {
    let mut start = match source[from..].find('\n') {
        Some(p) => from + p + 1,
        None => return source.len()..source.len(),
    };
    loop {
        let end = source[start..]
            .find('\n')
            .map_or(source.len(), |p| start + p);
        if !source[start..end].trim().is_empty() || end == source.len() {
            return start..end;
        }
        start = end + 1;
    }
}

/// What the linter knows about its rules, for [`apply`].
pub(crate) struct Rules<'a> {
    /// Every rule id loaded, active or not.
    pub known: &'a [Arc<str>],
    /// The active rule ids.
    pub active: Vec<&'a str>,
}

/// Drop the findings suppressed by the `comments` (source span and content) of `source`,
/// and add the reports on the comments themselves (if those rules are active).
pub(crate) fn apply(
    source: &str,
    comments: &[(Range<usize>, String)],
    mut found: Vec<Diagnostic>,
    rules: &Rules<'_>,
) -> Vec<Diagnostic> {
    let directives: Vec<Directive> = comments
        .iter()
        .filter_map(|(span, body)| parse(span.clone(), body))
        .collect();
    if rules.active.contains(&UNKNOWN_DIRECTIVE) {
        for (span, body) in comments {
            if let Some((word, close)) = unknown_directive(body) {
                let hint = close.map_or(String::new(), |c| format!(" (did you mean `{c}`?)"));
                found.push(
                    crate::checks::suppression::unknown_directive::meta().diagnostic(
                        span.clone(),
                        format!(
                            "unknown directive `{word}`{hint}; this comment suppresses nothing"
                        ),
                        None,
                    ),
                );
            }
        }
    }
    if directives.is_empty() {
        found.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
        });
        return found;
    }
    // (directive, selector or None for all, range).
    let mut scopes: Vec<(usize, Option<usize>, Range<usize>)> = Vec::new();
    for (n, d) in directives.iter().enumerate() {
        let selectors: Vec<Option<usize>> = if d.selectors.is_empty() {
            vec![None]
        } else {
            (0..d.selectors.len()).map(Some).collect()
        };
        for s in selectors {
            let range = match d.kind {
                Kind::Enable => continue,
                Kind::NextLine => next_line(source, d.span.end),
                Kind::Line => line_at(source, d.span.start),
                Kind::Disable => {
                    let name = s.map(|s| d.selectors[s].as_str());
                    let end = directives[n + 1..]
                        .iter()
                        .find(|e| {
                            e.kind == Kind::Enable
                                && (e.selectors.is_empty()
                                    || name
                                        .is_some_and(|name| e.selectors.iter().any(|e| e == name)))
                        })
                        .map_or(source.len(), |e| e.span.start);
                    d.span.end..end
                }
            };
            scopes.push((n, s, range));
        }
    }
    let mut hits = vec![0usize; scopes.len()];
    found.retain(|diagnostic| {
        let mut suppressed = false;
        for (k, (n, s, range)) in scopes.iter().enumerate() {
            let named = s.is_none_or(|s| selects(&directives[*n].selectors[s], &diagnostic.rule));
            if named && range.contains(&diagnostic.span.start) {
                hits[k] += 1;
                suppressed = true;
            }
        }
        !suppressed
    });
    let report_unknown = rules.active.contains(&UNKNOWN);
    let report_unused = rules.active.contains(&UNUSED);
    for (n, d) in directives.iter().enumerate() {
        let mut all_unused = d.kind != Kind::Enable;
        let mut unused = Vec::new();
        for (s, name) in d.selectors.iter().enumerate() {
            if !rules.known.iter().any(|id| selects(name, id)) {
                all_unused = false;
                if report_unknown {
                    let mut message =
                        format!("unknown rule or category `{name}` in a suppression comment");
                    if let Some(close) = closest(name, rules.known) {
                        message.push_str(&format!(" (did you mean `{close}`?)"));
                    }
                    found.push(crate::checks::suppression::unknown_rule::meta().diagnostic(
                        d.span.clone(),
                        message,
                        None,
                    ));
                }
                continue;
            }
            let used = scopes
                .iter()
                .zip(&hits)
                .any(|((m, t, _), h)| *m == n && *t == Some(s) && *h > 0);
            // A rule that is not active could have been suppressed: not known to be unused.
            let checkable = rules.active.iter().any(|id| selects(name, id));
            if d.kind != Kind::Enable && !used && checkable {
                unused.push(name.as_str());
            } else {
                all_unused = false;
            }
        }
        if d.selectors.is_empty() && d.kind != Kind::Enable {
            all_unused = !scopes
                .iter()
                .zip(&hits)
                .any(|((m, _, _), h)| *m == n && *h > 0);
        }
        if !report_unused || (unused.is_empty() && !all_unused) {
            continue;
        }
        let message = if all_unused {
            "this suppression comment suppresses nothing".to_string()
        } else {
            let names: Vec<String> = unused.iter().map(|u| format!("`{u}`")).collect();
            format!("nothing to suppress for {}", names.join(", "))
        };
        let fix = all_unused.then(|| Fix::deletion(Applicability::Unsafe));
        found.push(crate::checks::suppression::unused::meta().diagnostic(
            removal_span(source, &d.span, fix.is_some()),
            message,
            fix,
        ));
    }
    found.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
    });
    found
}

/// The known rule id or category closest to `name`, if close enough to be a typo.
fn closest<'a>(name: &str, known: &'a [Arc<str>]) -> Option<&'a str> {
    let categories = known
        .iter()
        .filter_map(|id| id.split_once('/').map(|(c, _)| c));
    known
        .iter()
        .map(|id| &**id)
        .chain(categories)
        .map(|candidate| (strsim::levenshtein(name, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.chars().count() / 4).max(1))
        .min()
        .map(|(_, candidate)| candidate)
}

/// The comment, with its line when it stands alone on it and `whole_line` is set.
fn removal_span(source: &str, span: &Range<usize>, whole_line: bool) -> Range<usize> {
    if !whole_line {
        return span.clone();
    }
    let line_start = source[..span.start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = source[span.end..]
        .find('\n')
        .map_or(source.len(), |p| span.end + p);
    let alone = source[line_start..span.start].trim().is_empty()
        && source[span.end..line_end].trim().is_empty();
    if alone {
        let end = (line_end + 1).min(source.len());
        line_start..end
    } else {
        span.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_are_parsed() {
        let d = parse(0..1, " mtlint-disable a/b, c  d ").unwrap();
        assert_eq!(d.kind, Kind::Disable);
        assert_eq!(d.selectors, ["a/b", "c", "d"]);
        assert_eq!(
            parse(0..1, "mtlint-disable-next-line").unwrap().kind,
            Kind::NextLine
        );
        assert_eq!(
            parse(0..1, "mtlint-disable-line typo").unwrap().kind,
            Kind::Line
        );
        assert!(parse(0..1, "mtlint-disabled").is_none());
        assert!(parse(0..1, "a comment").is_none());
    }

    #[test]
    fn a_misspelled_directive_is_recognised() {
        assert_eq!(
            unknown_directive(" mtlint-disabel typo"),
            Some(("mtlint-disabel", Some("mtlint-disable")))
        );
        assert_eq!(
            unknown_directive("mtlint-disable-nextline"),
            Some(("mtlint-disable-nextline", Some("mtlint-disable-next-line")))
        );
        assert_eq!(
            unknown_directive("mtlint-frobnicate-everything"),
            Some(("mtlint-frobnicate-everything", None))
        );
        assert_eq!(unknown_directive("mtlint-enable"), None);
        assert_eq!(unknown_directive("mtlint is great"), None);
    }

    #[test]
    fn typos_get_a_suggestion() {
        let known: Vec<Arc<str>> = vec!["typo/doubled-word".into(), "quotes/guillemets".into()];
        assert_eq!(
            closest("typo/doubled-words", &known),
            Some("typo/doubled-word")
        );
        assert_eq!(closest("quote", &known), Some("quotes"));
        assert_eq!(closest("house/colour", &known), None);
    }

    #[test]
    fn the_next_line_skips_blank_lines() {
        let s = "<!-- x -->\n\n  \nthe line\nafter";
        assert_eq!(&s[next_line(s, 10)], "the line");
        assert_eq!(next_line("x", 1), 1..1);
    }
}
