//! What the build and the run both need to know about a rule's regexes: how a pattern
//! is rewritten before it is compiled ([`ascii_classes`]) and the literals one of which
//! every match contains ([`required_literals`], read by `prefilter.rs`). `build.rs`
//! includes this file to compute the literals of the built-in rules ahead of time, so it
//! depends on `regex-syntax` only.

use regex_syntax::hir::{Class, Hir, HirKind};

/// Literal sets larger than this are not worth an automaton.
const MAX_LITERALS: usize = 64;
/// Whether a literal is rare enough in English prose to be worth filtering on: three
/// bytes or more, any non-ASCII character (`«`, `“`), a rare symbol (`$`), or two bytes
/// that are not a common pair (two word characters or spaces, or punctuation then a
/// space: `th`, `a `, `. `, `- `), such as ` ,` or `$ `.
fn rare(literal: &[u8]) -> bool {
    let common = |b: u8| b.is_ascii_alphanumeric() || b == b' ';
    match literal {
        [] => false,
        [b] => !b.is_ascii() || b"$%&*+<=>@\\^_`{|}~#".contains(b),
        [a, b] => !a.is_ascii() || !b.is_ascii() || !((common(*a) && common(*b)) || *b == b' '),
        _ => true,
    }
}
/// Classes with at most this many characters are expanded into literals.
const MAX_CLASS: usize = 8;

/// Literals that every match of a regex contains, whether the regex matches exactly one
/// of them (so that neighbours can be joined into longer literals), and whether every
/// match at least begins with one and ends with one (`[ \t]+`: its literal can be joined
/// to what stands before it, and what follows to it, but not both at once).
#[derive(Clone)]
struct Required {
    literals: Vec<Vec<u8>>,
    exact: bool,
    affix: bool,
}

impl Required {
    fn shortest(&self) -> usize {
        self.literals.iter().map(Vec::len).min().unwrap_or(0)
    }

    /// Better filter: literals long enough to be rare (up to 6 bytes, past which length
    /// hardly matters), then fewer of them (`eventual` beats `its eventual`, `their
    /// eventual`…: fewer automaton states, fewer partial matches), then longer.
    fn better_than(&self, other: &Required) -> bool {
        let key = |r: &Required| {
            (
                r.shortest().min(6),
                std::cmp::Reverse(r.literals.len()),
                r.shortest(),
            )
        };
        key(self) > key(other)
    }

    fn then(&self, next: &Required) -> Option<Required> {
        if self.literals.len() * next.literals.len() > MAX_LITERALS {
            return None;
        }
        let literals = self
            .literals
            .iter()
            .flat_map(|a| {
                next.literals
                    .iter()
                    .map(move |b| [a.as_slice(), b].concat())
            })
            .collect();
        Some(Required {
            literals,
            exact: true,
            affix: true,
        })
    }
}

fn class_literals(class: &Class) -> Option<Vec<Vec<u8>>> {
    match class {
        Class::Unicode(c) => {
            let count: u32 = c
                .ranges()
                .iter()
                .map(|r| r.end() as u32 - r.start() as u32 + 1)
                .sum();
            (count as usize <= MAX_CLASS).then(|| {
                c.ranges()
                    .iter()
                    .flat_map(|r| r.start()..=r.end())
                    .map(|ch| ch.to_string().into_bytes())
                    .collect()
            })
        }
        Class::Bytes(c) => {
            let count: usize = c
                .ranges()
                .iter()
                .map(|r| (r.end() - r.start()) as usize + 1)
                .sum();
            (count <= MAX_CLASS).then(|| {
                c.ranges()
                    .iter()
                    .flat_map(|r| r.start()..=r.end())
                    .map(|b| vec![b])
                    .collect()
            })
        }
    }
}

fn required(hir: &Hir) -> Option<Required> {
    match hir.kind() {
        HirKind::Literal(lit) => Some(Required {
            literals: vec![lit.0.to_vec()],
            exact: true,
            affix: true,
        }),
        HirKind::Class(class) => class_literals(class).map(|literals| Required {
            literals,
            exact: true,
            affix: true,
        }),
        HirKind::Capture(cap) => required(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub).map(|r| Required {
            exact: r.exact && rep.min == 1 && rep.max == Some(1),
            ..r
        }),
        HirKind::Alternation(alts) => {
            let mut literals = Vec::new();
            let (mut exact, mut affix) = (true, true);
            for alt in alts {
                let r = required(alt)?;
                exact &= r.exact;
                affix &= r.affix;
                literals.extend(r.literals);
            }
            (literals.len() <= MAX_LITERALS).then_some(Required {
                literals,
                exact,
                affix,
            })
        }
        HirKind::Concat(parts) => {
            let mut best: Option<Required> = None;
            let mut keep = |candidate: Required| {
                let usable = candidate.literals.iter().all(|l| rare(l));
                if usable && best.as_ref().is_none_or(|b| candidate.better_than(b)) {
                    best = Some(candidate);
                }
            };
            // Runs of exact parts join into longer literals (`(?i:us)` gives `US`, `Us`…).
            let mut run: Option<Required> = None;
            let mut all_exact = true;
            for part in parts {
                let found = required(part);
                if let Some(r) = &found {
                    keep(Required {
                        exact: false,
                        ..r.clone()
                    });
                }
                match found {
                    Some(r) if r.exact => {
                        run = Some(match run.take() {
                            None => r,
                            Some(prev) => prev.then(&r).unwrap_or_else(|| {
                                all_exact = false;
                                keep(prev);
                                r
                            }),
                        })
                    }
                    // `By[ \t]+`: the run joins the repetition's first literal (`By `) and
                    // ends; a new run starts at its last one (`[ \t]+\.` gives ` .`).
                    Some(r) if r.affix => {
                        all_exact = false;
                        if let Some(prev) = run.take() {
                            keep(prev.then(&r).unwrap_or(prev));
                        }
                        run = Some(r);
                    }
                    other => {
                        all_exact = false;
                        if let Some(prev) = run.take() {
                            keep(prev);
                        }
                        if let Some(r) = other {
                            keep(Required { exact: false, ..r });
                        }
                    }
                }
            }
            if let Some(prev) = run {
                if all_exact {
                    return Some(prev);
                }
                keep(prev);
            }
            best.map(|b| Required {
                exact: false,
                affix: false,
                ..b
            })
        }
        _ => None,
    }
}

/// Literals one of which occurs in every match of any of `patterns`, or `None` when no
/// useful set exists (the rule must then always run).
pub fn required_literals(patterns: &[&str]) -> Option<Vec<Vec<u8>>> {
    let mut all = Vec::new();
    for pattern in patterns {
        let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
        let r = required(&hir)?;
        if !r.literals.iter().all(|l| rare(l)) {
            return None;
        }
        all.extend(r.literals);
    }
    all.sort();
    all.dedup();
    (!all.is_empty()).then_some(all)
}

/// A `before`/`not-before` condition as it is searched: anchored at the end of the text
/// before the span (grouped first, so that `a)|(b` cannot slip out of the anchor).
pub fn ending(condition: &str) -> String {
    format!("(?:{condition})\\z")
}

/// An `after`/`not-after` condition as it is searched: anchored at the start of the text
/// after the span.
pub fn starting(condition: &str) -> String {
    format!("\\A(?:{condition})")
}

/// Rewrite the Perl classes whose Unicode meaning costs more than it gives in English
/// prose, wherever they stand: `\b` and `\B` become ASCII word boundaries (a Unicode
/// boundary forces the regex engine off its fast DFA on non-ASCII text, twenty to thirty
/// times slower) and `\d` / `\D` ASCII digits (`[0-9]`; inside a class `[:digit:]`): a
/// Unicode `\d` holds every script's digits and is compiled into dozens of states each
/// time it is used. Prose rules lose nothing by either: the words they anchor are
/// English and its numbers are written with ASCII digits.
pub fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match (chars.next(), class_depth) {
                (Some(b @ ('b' | 'B')), 0) => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                (Some('d'), 0) => out.push_str("[0-9]"),
                (Some('D'), 0) => out.push_str("[^0-9]"),
                (Some('d'), _) => out.push_str("[:digit:]"),
                (Some('D'), _) => out.push_str("[:^digit:]"),
                (Some(next), _) => {
                    out.push('\\');
                    out.push(next);
                }
                (None, _) => out.push('\\'),
            },
            '[' => {
                class_depth += 1;
                out.push(c);
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{ascii_classes, required_literals};

    fn lits(p: &str) -> Option<Vec<String>> {
        required_literals(&[p]).map(|v| {
            v.into_iter()
                .map(|l| String::from_utf8(l).unwrap())
                .collect()
        })
    }

    #[test]
    fn finds_the_rarest_required_literals() {
        let eventual = lits(
            r"(?-u:\b)(?:its|their|his|her|an|any) (?P<m>eventual) (?:a|b|c|d|e|f|g|h|i|j|k|l)\b",
        )
        .unwrap();
        assert_eq!(eventual, ["eventual"]);
        assert_eq!(lits(r"(?:its|their) x (?:y|z)").unwrap().len(), 4);
        assert_eq!(
            lits(r"[Ss]ecular"),
            Some(vec!["Secular".into(), "secular".into()])
        );
        assert_eq!(lits(r"(?i:un)-x").map(|v| v.len()), Some(4));
        assert_eq!(
            lits(r"By[ \t]+[A-Z]"),
            Some(vec!["By\t".into(), "By ".into()])
        );
        assert_eq!(lits(r"x[ \t]+\.\d"), Some(vec!["\t.".into(), " .".into()]));
        assert_eq!(lits(r"(?:at|by)[ \t]+\d").map(|v| v.len()), Some(4));
        assert_eq!(
            lits(r"«[ ]*(?P<a>[^«»\n]*?)[ ]*»|»(?P<b>[^«»\n]*?)«"),
            Some(vec!["«".into(), "»".into()])
        );
    }

    #[test]
    fn short_literals_count_only_when_rare() {
        assert_eq!(lits(r"[$€](?P<m> +)\d").map(|v| v.len()), Some(2));
        assert_eq!(lits(r" [,.]").map(|v| v.len()), Some(2));
        assert_eq!(lits(r"- \w"), None);
        assert_eq!(lits(r"\. \w"), None);
        assert_eq!(lits(r"th"), None);
    }

    #[test]
    fn gives_up_when_a_match_may_avoid_every_literal() {
        assert_eq!(lits(r"\p{L}+ x"), None, "one byte is too short to filter");
        assert_eq!(lits(r"(?:abc)?\d+"), None);
        assert_eq!(lits(r"abc|\d"), None);
    }

    #[test]
    fn word_boundaries_become_ascii_outside_classes() {
        assert_eq!(ascii_classes(r"\bx\B"), r"(?-u:\b)x(?-u:\B)");
        assert_eq!(ascii_classes(r"[\b]\\b"), r"[\b]\\b");
        assert_eq!(ascii_classes(r"[a[b]]\b"), r"[a[b]](?-u:\b)");
        assert_eq!(
            ascii_classes(r"\d+\D[\d,][^\D]\\d"),
            r"[0-9]+[^0-9][[:digit:],][^[:^digit:]]\\d"
        );
        let digits = regex::Regex::new(&ascii_classes(r"^\d[\d.]$")).unwrap();
        assert!(digits.is_match("1.") && !digits.is_match("١٢"));
    }
}
