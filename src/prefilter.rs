//! Skipping rules that cannot match. Each rule's regexes are reduced to a small set of
//! literals, one of which occurs in every match (`secular`, `United`, `«`…); one
//! Aho-Corasick pass over a text then tells which rules can match at all, and only those
//! run. Rules without such a set (their patterns start with a class like `\p{L}`) always
//! run.

use aho_corasick::{AhoCorasick, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind};

/// Literal sets larger than this are not worth an automaton.
const MAX_LITERALS: usize = 64;
/// ASCII literals shorter than this occur everywhere: no use as a filter. (A non-ASCII
/// character such as `«` or `“` is rare enough in English on its own.)
const MIN_LEN: usize = 3;
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

    /// Better filter: longer shortest literal, then fewer literals.
    fn better_than(&self, other: &Required) -> bool {
        (self.shortest(), std::cmp::Reverse(self.literals.len()))
            > (other.shortest(), std::cmp::Reverse(other.literals.len()))
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
                if best.as_ref().is_none_or(|b| candidate.better_than(b)) {
                    best = Some(candidate);
                }
            };
            // Runs of exact parts join into longer literals (`(?i:us)` gives `US`, `Us`…).
            let mut run: Option<Required> = None;
            let mut all_exact = true;
            for part in parts {
                match required(part) {
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
        let useful = |l: &Vec<u8>| l.len() >= MIN_LEN || l.iter().any(|&b| b >= 0x80);
        if !r.literals.iter().all(useful) {
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
    automaton: Option<AhoCorasick>,
    /// For each literal, the rules it triggers.
    owners: Vec<Vec<usize>>,
    /// Rules without literals: they always run.
    always: Vec<usize>,
}

impl Prefilter {
    /// Build from each rule's literal set (`None`: always run), in rule order.
    pub fn new(sets: &[Option<Vec<Vec<u8>>>]) -> Self {
        let mut literals: Vec<&[u8]> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (rule, set) in sets.iter().enumerate() {
            let Some(set) = set else {
                always.push(rule);
                continue;
            };
            for lit in set {
                match literals.iter().position(|l| l == lit) {
                    Some(i) => owners[i].push(rule),
                    None => {
                        literals.push(lit);
                        owners.push(vec![rule]);
                    }
                }
            }
        }
        let automaton = (!literals.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&literals)
                .expect("literal automaton")
        });
        Prefilter {
            automaton,
            owners,
            always,
        }
    }

    /// Which rules may match in `text`.
    pub fn active(&self, text: &str, rules: usize) -> Vec<bool> {
        let mut active = vec![false; rules];
        for &r in &self.always {
            active[r] = true;
        }
        if let Some(ac) = &self.automaton {
            for m in ac.find_overlapping_iter(text) {
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
        assert_eq!(eventual.len(), 6);
        assert!(
            eventual.iter().all(|l| l.ends_with(" eventual ")),
            "{eventual:?}"
        );
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
    fn gives_up_when_a_match_may_avoid_every_literal() {
        assert_eq!(lits(r"\p{L}+ x"), None, "one byte is too short to filter");
        assert_eq!(lits(r"(?:abc)?\d+"), None);
        assert_eq!(lits(r"abc|\d"), None);
    }
}
