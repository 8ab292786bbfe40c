//! Word and line spans for the shape checks (`residue/chrome-line`, `typo/glued-link-text`,
//! `names/*`): small local helpers until the shared `Document` provides them.

use std::ops::Range;

/// The white-space separated tokens of `text`, as byte ranges.
pub fn tokens(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &text[at..];
        let start = at + (rest.len() - rest.trim_start().len());
        if start >= text.len() {
            return None;
        }
        let len = text[start..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - start);
        at = start + len;
        Some(start..start + len)
    })
}

/// The lines of `text` without their line breaks, as byte ranges.
pub fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    text.split_inclusive('\n').map(move |line| {
        let start = at;
        at += line.len();
        start..start + line.trim_end_matches(['\n', '\r']).len()
    })
}

/// The core of a token: `range` without the punctuation around its letters and digits.
pub fn word_core(text: &str, range: Range<usize>) -> Range<usize> {
    let t = &text[range.clone()];
    let keep = |c: char| c.is_alphanumeric();
    let start = t.find(keep).unwrap_or(t.len());
    let end = t.rfind(keep).map_or(start, |i| {
        i + t[i..].chars().next().map_or(0, char::len_utf8)
    });
    range.start + start..range.start + end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_lines_and_cores() {
        let text = " “Hello,” she\tsaid.\nNext ";
        let t: Vec<&str> = tokens(text).map(|r| &text[r]).collect();
        assert_eq!(t, ["“Hello,”", "she", "said.", "Next"]);
        let l: Vec<&str> = lines("a\r\nb\n\nc").map(|r| &"a\r\nb\n\nc"[r]).collect();
        assert_eq!(l, ["a", "b", "", "c"]);
        assert_eq!(&text[word_core(text, 1..13)], "Hello");
        assert_eq!(word_core("...", 0..3), 3..3);
    }
}
