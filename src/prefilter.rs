//! Skipping rules that cannot match. Each rule's regexes are reduced to a small set of
//! literals, one of which occurs in every match (`secular`, `United`, `«`…); one
//! Aho-Corasick pass over a text then tells which rules can match at all, and only those
//! run. Rules without such a set (their patterns start with a class like `\p{L}`) always
//! run.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
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

/// Literals that every match of a regex contains, and whether the regex matches exactly
/// one of them (so that neighbours can be joined into longer literals).
#[derive(Clone)]
struct Required {
    literals: Vec<Vec<u8>>,
    exact: bool,
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
        }),
        HirKind::Class(class) => class_literals(class).map(|literals| Required {
            literals,
            exact: true,
        }),
        HirKind::Capture(cap) => required(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub).map(|r| Required {
            exact: r.exact && rep.min == 1 && rep.max == Some(1),
            ..r
        }),
        HirKind::Alternation(alts) => {
            let mut literals = Vec::new();
            let mut exact = true;
            for alt in alts {
                let r = required(alt)?;
                exact &= r.exact;
                literals.extend(r.literals);
            }
            (literals.len() <= MAX_LITERALS).then_some(Required { literals, exact })
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
            best.map(|b| Required { exact: false, ..b })
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

/// One automaton over the literals of all rules that have them.
pub struct Prefilter {
    literals: Vec<Vec<u8>>,
    /// Quick to build: used for the first texts, so a short run starts fast.
    nfa: OnceLock<AhoCorasick>,
    /// Slower to build, faster to run: used once enough text has been seen.
    dfa: OnceLock<AhoCorasick>,
    seen: AtomicUsize,
    /// For each literal, the rules it triggers.
    owners: Vec<Vec<usize>>,
    /// Rules without literals: they always run.
    always: Vec<usize>,
}

/// Bytes of text after which the faster automaton pays for its construction.
const DFA_AFTER: usize = 1 << 20;

impl Prefilter {
    /// Build from each rule's literal set (`None`: always run), in rule order.
    pub fn new(sets: &[Option<Vec<Vec<u8>>>]) -> Self {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        let mut index: HashMap<&[u8], usize> = HashMap::new();
        let mut always = Vec::new();
        for (rule, set) in sets.iter().enumerate() {
            let Some(set) = set else {
                always.push(rule);
                continue;
            };
            for lit in set {
                let i = *index.entry(lit).or_insert_with(|| {
                    literals.push(lit.clone());
                    owners.push(Vec::new());
                    literals.len() - 1
                });
                owners[i].push(rule);
            }
        }
        Prefilter {
            literals,
            nfa: OnceLock::new(),
            dfa: OnceLock::new(),
            seen: AtomicUsize::new(0),
            owners,
            always,
        }
    }

    fn automaton(&self, len: usize) -> &AhoCorasick {
        let build = |kind| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(kind))
                .build(&self.literals)
                .expect("literal automaton")
        };
        let seen = self.seen.fetch_add(len, Ordering::Relaxed) + len;
        if seen > DFA_AFTER {
            self.dfa.get_or_init(|| build(AhoCorasickKind::DFA))
        } else {
            self.nfa
                .get_or_init(|| build(AhoCorasickKind::ContiguousNFA))
        }
    }

    /// Which rules may match in `text`.
    pub fn active(&self, text: &str, rules: usize) -> Vec<bool> {
        let mut active = vec![false; rules];
        for &r in &self.always {
            active[r] = true;
        }
        if !self.literals.is_empty() {
            for m in self.automaton(text.len()).find_overlapping_iter(text) {
                for &r in &self.owners[m.pattern().as_usize()] {
                    active[r] = true;
                }
            }
        }
        active
    }
}

#[cfg(test)]
mod tests {
    use super::required_literals;

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
}
