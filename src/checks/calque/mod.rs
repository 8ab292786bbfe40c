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

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        let inner = matches!(c, '\'' | '’' | '-')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if inner {
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Word { start: s, end: i });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
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
        let w = words("a  b c");
        assert!(!joined("a  b c", &w[0], &w[1]));
        assert!(joined("a  b c", &w[1], &w[2]));
    }
}
