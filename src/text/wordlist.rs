//! Common English words, shared by the checks that need to know whether a token is a
//! word: SCOWL sizes 10–35 (see `data/gen_words.py` for provenance and licence).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a: much faster than the default hasher on short words, and the keys are ours.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hasher builder for word sets.
pub type FnvBuild = BuildHasherDefault<Fnv>;

/// Front-coded list: a three-letter key, then the endings of its words (`.` for the key
/// itself), `*` marking the most frequent words.
const SOURCE: &str = include_str!("data/english-words.txt");

/// Every word, mapped to whether it is one of the most frequent (sizes 10 and 20).
static WORDS: LazyLock<HashMap<String, bool, FnvBuild>> = LazyLock::new(|| {
    let mut map = HashMap::with_capacity_and_hasher(45_000, FnvBuild::default());
    for line in SOURCE.lines() {
        let mut parts = line.split(' ');
        let key = parts.next().unwrap_or_default();
        for entry in parts {
            let (top, ending) = match entry.strip_prefix('*') {
                Some(rest) => (true, rest),
                None => (false, entry),
            };
            let ending = if ending == "." { "" } else { ending };
            map.insert(format!("{key}{ending}"), top);
        }
    }
    map
});

/// Whether `word` (lowercase) is a common English word.
pub fn is_word(word: &str) -> bool {
    WORDS.contains_key(word)
}

/// Whether `word` (lowercase) is one of the most frequent English words.
pub fn is_frequent(word: &str) -> bool {
    WORDS.get(word).copied().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_decodes() {
        assert!(is_frequent("about"));
        assert!(is_frequent("the"));
        assert!(is_word("a"));
        assert!(is_word("government"));
        assert!(is_word("abolish"));
        assert!(!is_word("abo"));
        assert!(!is_word("hourand"));
        assert!(WORDS.len() > 38_000);
    }
}
