//! Parts of speech of English words: WordNet 3.0's lemmas and irregular forms
//! (`data/pos.fst`, built by `data/gen_pos.py`), with regular inflections undone here.

use std::sync::LazyLock;

/// A noun (or the plural of one).
pub const NOUN: u8 = 1;
/// A verb, or one of its forms (`concerned`, `goes`, `running`).
pub const VERB: u8 = 2;
/// An adjective (or its comparative or superlative).
pub const ADJ: u8 = 4;
/// An adverb.
pub const ADV: u8 = 8;

static MAP: LazyLock<fst::Map<&'static [u8]>> =
    LazyLock::new(|| super::map(include_bytes!("../../data/pos.fst")));

/// The parts of speech of `word` exactly as WordNet lists it (lowercase), 0 if absent.
pub fn lemma(word: &str) -> u8 {
    MAP.get(word).map_or(0, |v| v as u8)
}

/// `stem + ending` as a lemma's bits, or 0.
fn with(stem: &str, ending: &str) -> u8 {
    if stem.len() < 2 {
        return 0;
    }
    let mut buf = [0u8; 64];
    let (s, e) = (stem.as_bytes(), ending.as_bytes());
    if s.len() + e.len() > buf.len() {
        return 0;
    }
    buf[..s.len()].copy_from_slice(s);
    buf[s.len()..s.len() + e.len()].copy_from_slice(e);
    MAP.get(&buf[..s.len() + e.len()]).map_or(0, |v| v as u8)
}

/// Every part of speech `word` (lowercase) can have: its own entry plus those its
/// regular inflections point to (`families` → noun, `concerned` → verb, `larger` →
/// adjective). Over-generous on purpose: a check that needs "adjective only" must not
/// mistake a participle for one.
pub fn of(word: &str) -> u8 {
    let mut bits = lemma(word);
    let strip = |suffix: &str| word.strip_suffix(suffix).filter(|s| s.len() >= 2);
    if let Some(stem) = strip("s") {
        let b = with(stem, "");
        bits |= b & (NOUN | VERB);
    }
    if let Some(stem) = strip("es") {
        bits |= with(stem, "") & (NOUN | VERB);
    }
    if let Some(stem) = strip("ies") {
        bits |= with(stem, "y") & (NOUN | VERB);
    }
    for suffix in ["ed", "ing"] {
        if let Some(stem) = strip(suffix) {
            bits |= (with(stem, "") | with(stem, "e")) & VERB;
            // Doubled final consonant: `stopped`, `running`.
            let b = stem.as_bytes();
            if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
                bits |= with(&stem[..stem.len() - 1], "") & VERB;
            }
        }
    }
    if let Some(stem) = strip("ied") {
        bits |= with(stem, "y") & VERB;
    }
    if let Some(stem) = strip("d") {
        bits |= with(stem, "") & VERB;
    }
    for suffix in ["er", "est"] {
        if let Some(stem) = strip(suffix) {
            bits |= (with(stem, "") | with(stem, "e")) & ADJ;
        }
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas_and_inflections() {
        assert_eq!(lemma("enormous"), ADJ);
        assert_eq!(of("enormous"), ADJ);
        assert_eq!(of("vulnerable"), ADJ);
        assert_ne!(lemma("family") & NOUN, 0);
        assert_eq!(lemma("families"), 0);
        assert_ne!(of("families") & NOUN, 0);
        assert_ne!(of("men") & NOUN, 0, "irregular plural from noun.exc");
        assert_ne!(of("concerned") & VERB, 0);
        assert_ne!(of("stopped") & VERB, 0);
        assert_ne!(of("running") & VERB, 0);
        assert_ne!(of("larger") & ADJ, 0);
        assert_eq!(of("qwxzy"), 0);
        assert_eq!(of(""), 0);
    }
}
