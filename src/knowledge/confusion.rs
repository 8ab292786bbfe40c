//! The bigram evidence of the confusion pairs of `false-friend/confusion-pair`:
//! `data/confusion.fst`, built by `data/gen_confusion.py` from CMU's en-us 3-gram model
//! for the pairs in `rules/false-friend/confusion-pairs.toml`.

use std::sync::LazyLock;

static MAP: LazyLock<fst::Map<&'static [u8]>> =
    LazyLock::new(|| super::map(include_bytes!("../../data/confusion.fst")));

/// The value every stored term is offset by (terms are stored as `10 · term + OFFSET`).
const OFFSET: f32 = 2000.0;

/// Which neighbour of the word a term is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The word before: `log P(alternative | before) − log P(word | before)`.
    Before,
    /// The word after: `log P(after | alternative) − log P(after | word)`.
    After,
}

/// How many log10 units more probable `alternative` is than `word` next to
/// `neighbour` (lowercase; `<s>` for a sentence or phrase start before the word,
/// `</s>` for its end after it), with the model's back-off for a neighbour it has
/// seen with neither. `None` when the table does not hold the pair.
pub fn term(word: &str, alternative: &str, side: Side, neighbour: &str) -> Option<f32> {
    let mut key = String::with_capacity(word.len() + alternative.len() + neighbour.len() + 5);
    key.push_str(word);
    key.push(' ');
    key.push_str(alternative);
    key.push_str(match side {
        Side::Before => " L ",
        Side::After => " R ",
    });
    let base = key.len();
    key.push_str(neighbour);
    let value = MAP.get(&key).or_else(|| MAP.get(&key[..base]))?;
    Some((value as f32 - OFFSET) / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_moves_the_evidence_both_ways() {
        // "personal of" is rare English, "staff of" common; "personal data" the reverse.
        let of = term("personal", "staff", Side::After, "of").unwrap();
        let data = term("personal", "staff", Side::After, "data").unwrap();
        assert!(of > 1.0 && data < 0.0, "{of} {data}");
        // A neighbour the model never saw with either word gets the pair's default.
        let unseen = term("personal", "staff", Side::Before, "qqqq").unwrap();
        assert_eq!(unseen, term("personal", "staff", Side::Before, "").unwrap());
        assert_eq!(term("personal", "brand", Side::Before, "the"), None);
    }
}
