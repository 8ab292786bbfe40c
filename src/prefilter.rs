//! Skipping rules that cannot match. Each rule's regexes are reduced to a small set of
//! literals, one of which occurs in every match (`secular`, `United`, `«`…; see
//! `literals.rs`, which `build.rs` runs on the built-in rules); one pass over a text then
//! tells which rules can match at all, and only those run. Rules without such a set
//! (their patterns start with a class like `\p{L}`) always run.
//!
//! The pass is a table look-up at every byte for the first 64 KB of a run (building
//! nothing: a short run's start-up stays small), then an Aho-Corasick NFA, quick to
//! build, and past 1 MB an Aho-Corasick DFA, slower to build and faster to search.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::text::wordlist::FnvBuild;

/// One automaton over the literals of all rules that have them.
pub struct Prefilter {
    /// Each distinct literal.
    literals: Lists<u8>,
    /// Nothing to build, slow to search: the first texts of a run (a short run starts
    /// fast).
    heads: Heads,
    /// Quick to build (2 ms for ~3,000 literals), faster: the next texts.
    nfa: OnceLock<AhoCorasick>,
    /// Slower to build (~20 ms), fastest: once enough text has been seen.
    dfa: OnceLock<AhoCorasick>,
    seen: AtomicUsize,
    /// For each literal, the rules it triggers.
    owners: Lists<u32>,
    /// Rules without literals: they always run.
    always: Vec<usize>,
}

/// Bytes of text after which each faster automaton pays for its construction.
const NFA_AFTER: usize = 1 << 16;
const DFA_AFTER: usize = 1 << 20;

/// Lists stored end to end, list `i` being `items[ends[i - 1]..ends[i]]`: three thousand
/// short lists in two allocations, not one each (a short run pays for every allocation
/// and every page it touches).
struct Lists<T> {
    items: Vec<T>,
    ends: Vec<usize>,
}

impl<T: Copy> Lists<T> {
    fn new() -> Self {
        Lists {
            items: Vec::new(),
            ends: Vec::new(),
        }
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, i: usize) -> &[T] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.items[start..self.ends[i]]
    }

    fn push(&mut self, list: &[T]) {
        self.items.extend_from_slice(list);
        self.ends.push(self.items.len());
    }

    fn iter(&self) -> impl Iterator<Item = &[T]> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// `n` lists from `(list, item)` pairs, each list's items in the pairs' order.
    fn grouped(n: usize, pairs: &[(usize, T)]) -> Self {
        let mut ends = vec![0usize; n];
        for &(list, _) in pairs {
            ends[list] += 1;
        }
        let mut total = 0;
        for end in &mut ends {
            total += *end;
            *end = total;
        }
        // Fill each list from its end backwards, walking the pairs backwards.
        let mut next = ends.clone();
        let mut items = vec![None; pairs.len()];
        for &(list, item) in pairs.iter().rev() {
            next[list] -= 1;
            items[next[list]] = Some(item);
        }
        Lists {
            items: items.into_iter().flatten().collect(),
            ends,
        }
    }
}

impl Prefilter {
    /// Build from each rule's literal set (`None`: always run), in rule order.
    pub fn new(sets: &[Option<Vec<Cow<'_, [u8]>>>]) -> Self {
        let mut literals = Lists::new();
        let mut index: HashMap<&[u8], usize, FnvBuild> = HashMap::default();
        let mut pairs: Vec<(usize, u32)> = Vec::new();
        let mut always = Vec::new();
        for (rule, set) in sets.iter().enumerate() {
            let Some(set) = set else {
                always.push(rule);
                continue;
            };
            for lit in set {
                let next = literals.len();
                let i = *index.entry(&**lit).or_insert_with(|| {
                    literals.push(lit);
                    next
                });
                pairs.push((i, rule as u32));
            }
        }
        Prefilter {
            heads: Heads::new(&literals),
            owners: Lists::grouped(literals.len(), &pairs),
            literals,
            nfa: OnceLock::new(),
            dfa: OnceLock::new(),
            seen: AtomicUsize::new(0),
            always,
        }
    }

    /// Which rules may match in `text`.
    pub fn active(&self, text: &str, rules: usize) -> Vec<bool> {
        let mut active = vec![false; rules];
        for &r in &self.always {
            active[r] = true;
        }
        if self.literals.len() == 0 {
            return active;
        }
        let mut found = |literal: usize| {
            for &r in self.owners.get(literal) {
                active[r as usize] = true;
            }
        };
        let seen = self.seen.fetch_add(text.len(), Ordering::Relaxed) + text.len();
        let (automaton, kind) = if seen > DFA_AFTER {
            (&self.dfa, AhoCorasickKind::DFA)
        } else if seen > NFA_AFTER {
            (&self.nfa, AhoCorasickKind::ContiguousNFA)
        } else {
            self.heads.scan(&self.literals, text.as_bytes(), found);
            return active;
        };
        let automaton = automaton.get_or_init(|| {
            // Dense transitions for the start state only: with ~3,000 literals, deeper
            // dense states double the NFA's build time and search no faster.
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(kind))
                .dense_depth(1)
                .build(self.literals.iter())
                .expect("literal automaton")
        });
        for m in automaton.find_overlapping_iter(text) {
            found(m.pattern().as_usize());
        }
        active
    }
}

/// The literals by their first (up to) [`HEAD`] bytes, in an open-addressing hash table:
/// at each byte of a text, one look-up per head length finds the few literals that can
/// start there.
struct Heads {
    /// Slot → 1 + index into `keys` and `groups` (0: empty).
    slots: Vec<u32>,
    /// Each distinct head ([`head_key`]).
    keys: Vec<u64>,
    /// For each head, the literals that start with it.
    groups: Lists<u32>,
    /// Bit `n` set: some head is `n` bytes long.
    lengths: u8,
    shift: u32,
}

const HEAD: usize = 4;

/// A head's bytes and length in one word.
fn head_key(head: &[u8]) -> u64 {
    let mut key = (head.len() as u64) << 32;
    for (i, &b) in head.iter().enumerate() {
        key |= u64::from(b) << (8 * i);
    }
    key
}

impl Heads {
    fn new(literals: &Lists<u8>) -> Self {
        let mut index: HashMap<u64, usize, FnvBuild> = HashMap::default();
        let mut keys: Vec<u64> = Vec::new();
        let mut pairs: Vec<(usize, u32)> = Vec::new();
        let mut lengths = 0u8;
        for (i, lit) in literals.iter().enumerate() {
            let head = &lit[..lit.len().min(HEAD)];
            if head.is_empty() {
                continue; // the literal sets never hold one; it would match everywhere
            }
            lengths |= 1 << head.len();
            let key = head_key(head);
            let g = *index.entry(key).or_insert_with(|| {
                keys.push(key);
                keys.len() - 1
            });
            pairs.push((g, i as u32));
        }
        let bits = (keys.len() * 2).next_power_of_two().trailing_zeros().max(1);
        let mut heads = Heads {
            slots: vec![0; 1 << bits],
            groups: Lists::grouped(keys.len(), &pairs),
            keys: Vec::new(),
            lengths,
            shift: 64 - bits,
        };
        for (g, &key) in keys.iter().enumerate() {
            let mut slot = heads.slot(key);
            while heads.slots[slot] != 0 {
                slot = (slot + 1) & (heads.slots.len() - 1);
            }
            heads.slots[slot] = g as u32 + 1;
        }
        heads.keys = keys;
        heads
    }

    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn group(&self, key: u64) -> Option<&[u32]> {
        let mut slot = self.slot(key);
        loop {
            match self.slots[slot] {
                0 => return None,
                g if self.keys[g as usize - 1] == key => {
                    return Some(self.groups.get(g as usize - 1))
                }
                _ => slot = (slot + 1) & (self.slots.len() - 1),
            }
        }
    }

    /// Call `found` with every literal that occurs in `text` (once per occurrence).
    fn scan(&self, literals: &Lists<u8>, text: &[u8], mut found: impl FnMut(usize)) {
        for at in 0..text.len() {
            let rest = &text[at..];
            for len in 1..=HEAD.min(rest.len()) {
                if self.lengths & (1 << len) == 0 {
                    continue;
                }
                let Some(members) = self.group(head_key(&rest[..len])) else {
                    continue;
                };
                for &lit in members {
                    if rest.starts_with(literals.get(lit as usize)) {
                        found(lit as usize);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_lists_keep_each_lists_items_in_order() {
        let lists = Lists::grouped(3, &[(2, 'a'), (0, 'b'), (2, 'c'), (0, 'd')]);
        assert_eq!(
            (lists.get(0), lists.get(1), lists.get(2)),
            (&['b', 'd'][..], &[][..], &['a', 'c'][..])
        );
    }

    /// The three passes name the same rules as a naive search for each literal.
    #[test]
    fn the_table_scan_and_the_automaton_agree_with_a_naive_search() {
        let lits = |l: &[&'static [u8]]| Some(l.iter().map(|&l| Cow::Borrowed(l)).collect());
        let sets: Vec<Option<Vec<Cow<[u8]>>>> = vec![
            lits(&[b"secular", b"\xc2\xab"]),
            None,
            lits(&[b". .", b"a"]),
            lits(&[b"United", b"Unit", b"a"]),
            lits(&[b"Uni"]),
            lits(&[b"zz"]),
        ];
        let texts = [
            "",
            "a",
            "the secular Unit",
            "States- United. . \u{ab}",
            "Un",
            "Universe",
            "xyz",
        ];
        for text in texts {
            let naive: Vec<bool> = sets
                .iter()
                .map(|set| match set {
                    None => true,
                    Some(lits) => lits
                        .iter()
                        .any(|l| text.as_bytes().windows(l.len()).any(|w| w == &l[..])),
                })
                .collect();
            let prefilter = Prefilter::new(&sets);
            assert_eq!(prefilter.active(text, sets.len()), naive, "table: {text:?}");
            prefilter.seen.store(NFA_AFTER + 1, Ordering::Relaxed);
            assert_eq!(prefilter.active(text, sets.len()), naive, "NFA: {text:?}");
            prefilter.seen.store(DFA_AFTER + 1, Ordering::Relaxed);
            assert_eq!(prefilter.active(text, sets.len()), naive, "DFA: {text:?}");
        }
    }
}
