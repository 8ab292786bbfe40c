//! Calques caught with statistical knowledge of English (`crate::knowledge`): word
//! orders English does not use. Each check is a function over the text and its words,
//! so it can read them from a shared per-text document instead.

pub mod of_genitive;
pub mod postposed_adjective;

/// A word of the text: a run of letters and digits, with inner apostrophes and hyphens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// The words of `text`, in order. ASCII takes a byte-wise path.
pub fn words(text: &str) -> Vec<Word> {
    words_in(text, 0..text.len())
}

/// The words of `text[range]`, with offsets into `text`. `range` must start and end on
/// character boundaries; a word cut by its ends is cut there too.
pub fn words_in(text: &str, range: std::ops::Range<usize>) -> Vec<Word> {
    let base = range.start;
    let text = &text[range];
    let bytes = text.as_bytes();
    // The length of the letter or digit at `i`, 0 if there is none.
    let alnum_at = |i: usize| -> usize {
        match bytes.get(i) {
            Some(b) if b.is_ascii_alphanumeric() => 1,
            Some(&b) if b >= 0x80 => text[i..]
                .chars()
                .next()
                .filter(|c| c.is_alphanumeric())
                .map_or(0, char::len_utf8),
            _ => 0,
        }
    };
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
        } else if alnum_at(i) == 0 {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let start = i;
        loop {
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let len = match bytes.get(i) {
                Some(&b) if b >= 0x80 => alnum_at(i),
                _ => 0,
            };
            if len > 0 {
                i += len;
                continue;
            }
            // Inner `'`, `’` or `-` followed by a letter or digit.
            let mark = match bytes.get(i) {
                Some(b'\'' | b'-') => 1,
                Some(0xE2) if text[i..].starts_with('’') => 3,
                _ => 0,
            };
            if mark > 0 && alnum_at(i + mark) > 0 {
                i += mark;
                continue;
            }
            break;
        }
        out.push(Word {
            start: base + start,
            end: base + i,
        });
    }
    out
}

/// Whether the gap between two words is a single space (no punctuation, no line break).
pub fn joined(text: &str, a: &Word, b: &Word) -> bool {
    &text[a.end..b.start] == " "
}

/// Whether `w` is all lowercase ASCII letters.
pub fn lower_ascii(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// Closed-class words WordNet also lists as nouns or adjectives (`a`, `will`, `us`).
pub fn function_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "a", "about", "after", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been",
        "being", "both", "but", "by", "can", "could", "did", "do", "does", "each", "either",
        "every", "for", "from", "had", "has", "have", "he", "her", "him", "his", "i", "if", "in",
        "into", "is", "it", "its", "may", "me", "might", "must", "my", "neither", "no", "nor",
        "not", "of", "off", "on", "one", "or", "our", "out", "over", "shall", "she", "should",
        "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "those", "to", "up", "upon", "us", "was", "we", "were", "what", "when", "which",
        "who", "whom", "will", "with", "would", "yes", "you", "your",
    ];
    WORDS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_marks() {
        let text = "It’s a well-known match—of tennis, x-";
        let got: Vec<&str> = words(text).iter().map(|w| w.text(text)).collect();
        assert_eq!(
            got,
            ["It’s", "a", "well-known", "match", "of", "tennis", "x"]
        );
        let text = "naïve café, l'été 2024 — ok";
        let got: Vec<&str> = words(text).iter().map(|w| w.text(text)).collect();
        assert_eq!(got, ["naïve", "café", "l'été", "2024", "ok"]);
        let in_range: Vec<&str> = words_in(text, 7..21).iter().map(|w| w.text(text)).collect();
        assert_eq!(in_range, ["café", "l'été"]);
        let w = words("a  b c");
        assert!(!joined("a  b c", &w[0], &w[1]));
        assert!(joined("a  b c", &w[1], &w[2]));
    }
}
