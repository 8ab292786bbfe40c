//! Common English words, shared by the checks that need to know whether a token is a
//! word: SCOWL sizes 10–35 (`src/text/data/gen_words.py` gives its provenance and licence).

use std::hash::{BuildHasherDefault, Hasher};

use super::word_table::{fnv1a_from, FNV_OFFSET};

/// FNV-1a: much faster than the default hasher on short words, and the keys are ours.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let h = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        self.0 = fnv1a_from(h, bytes);
    }
}

/// A hasher builder for word sets.
pub type FnvBuild = BuildHasherDefault<Fnv>;

/// SCOWL's words (`src/text/data/english-words.txt`), flagged when among the most
/// frequent (sizes 10 and 20), as a static table `build.rs` makes (see `word_table.rs`).
static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/english-words.blob"));
static SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/english-words.slots"));

/// Whether `word` (lowercase) is a common English word.
pub fn is_word(word: &str) -> bool {
    super::word_table::lookup(BLOB, SLOTS, word).is_some()
}

/// Whether `word` (lowercase) is one of the most frequent English words.
pub fn is_frequent(word: &str) -> bool {
    super::word_table::lookup(BLOB, SLOTS, word) == Some(true)
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
        assert!(!is_word("") && !is_word("governments-"));
        assert!(super::super::word_table::len(SLOTS) > 38_000);
    }
}
