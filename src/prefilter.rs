//! Skipping rules that cannot match. Each rule's regexes are reduced to a small set of
//! literals, one of which occurs in every match (`secular`, `United`, `«`…; see
//! `literals.rs`, which `build.rs` runs on the built-in rules); one
//! Aho-Corasick pass over a text then tells which rules can match at all, and only those
//! run. Rules without such a set (their patterns start with a class like `\p{L}`) always
//! run.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

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
        // Dense transitions for the start state only: with ~3,000 literals, deeper dense
        // states double the build time (3.7 ms against 2.1) and search no faster.
        let build = |kind| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(kind))
                .dense_depth(1)
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
