//! Text helpers shared by the checks: character boundaries, case, white space,
//! paragraphs, and the shared scans and word lists in the submodules.

pub mod chars;
pub mod document;
pub mod numbers;
pub mod quotes;
mod word_table;
pub mod wordlist;

pub use document::Document;

use std::sync::OnceLock;

use regex::Regex;

/// A check's regex, compiled on first search. Unlike a `LazyLock<Regex>`, its source can
/// be read without compiling it: [`crate::rule::Rule::patterns`] hands the sources to the
/// prefilter at start-up, and a rule whose literals a text lacks never compiles.
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Regex>,
}

impl Pattern {
    pub const fn new(source: &'static str) -> Self {
        Pattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    pub fn source(&self) -> &'static str {
        self.source
    }
}

impl std::ops::Deref for Pattern {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.compiled
            .get_or_init(|| Regex::new(self.source).expect("valid regex"))
    }
}

/// Placeholder for masked inline text: the Markdown and HTML prose views write it where
/// inline code or markup was, so that the checks see a non-word there.
pub const INLINE_MASK: char = '\u{1}';

/// The first character boundary at or after `i` (or `text.len()`), one past `i`.
pub fn next_char_boundary(text: &str, i: usize) -> usize {
    let mut j = i + 1;
    while j < text.len() && !text.is_char_boundary(j) {
        j += 1;
    }
    j
}

/// The last character boundary at or before `i`.
pub fn char_boundary_before(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Give `replacement` the capitalisation of `original`: all capitals if `original`
/// has two or more letters, all capitals; a capital first letter if `original` starts
/// with one. Never lowers a capital the replacement already has.
pub fn preserve_case(original: &str, replacement: &str) -> String {
    let mut letters = original.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return replacement.to_string();
    };
    let rest: Vec<char> = letters.collect();
    if first.is_uppercase() && !rest.is_empty() && rest.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if first.is_uppercase() {
        if let Some((i, c)) = replacement.char_indices().find(|(_, c)| c.is_alphabetic()) {
            let mut out = String::with_capacity(replacement.len());
            out.push_str(&replacement[..i]);
            out.extend(c.to_uppercase());
            out.push_str(&replacement[i + c.len_utf8()..]);
            return out;
        }
    }
    replacement.to_string()
}

/// Horizontal white space, including the no-break spaces French typography uses.
pub fn is_hspace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// Whether only horizontal space stands between the start of its line and byte `i`.
pub fn at_line_start(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .rev()
        .find(|&c| !is_hspace(c))
        .is_none_or(|c| c == '\n')
}

/// The paragraphs of `text` (see [`paragraphs`]) that hold a match of `mark`, each once,
/// in order; found by looking only around the matches.
pub fn paragraphs_with<'a>(
    text: &'a str,
    mark: &'a Regex,
) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let found = mark.find_at(text, from)?;
        let para = paragraph_around(text, found.start());
        from = para.end;
        Some(para)
    })
}

/// The paragraphs of `text` as byte ranges: runs of lines separated by blank lines.
pub fn paragraphs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (true, Some(s)) => {
                out.push(s..offset);
                start = None;
            }
            (false, None) => start = Some(offset),
            _ => {}
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// The paragraph (see [`paragraphs`]) that holds byte `i`, which must not be on a blank
/// line; found by looking only at the lines around it.
pub fn paragraph_around(text: &str, i: usize) -> std::ops::Range<usize> {
    let is_blank = |line: &str| line.trim().is_empty();
    let mut start = text[..i].rfind('\n').map_or(0, |n| n + 1);
    while start > 0 {
        let prev = text[..start - 1].rfind('\n').map_or(0, |n| n + 1);
        if is_blank(&text[prev..start]) {
            break;
        }
        start = prev;
    }
    let line_end = |from: usize| text[from..].find('\n').map_or(text.len(), |n| from + n + 1);
    let mut end = line_end(i);
    while end < text.len() {
        let next = line_end(end);
        if is_blank(&text[end..next]) {
            break;
        }
        end = next;
    }
    start..end
}

static BLANK_LINE: std::sync::LazyLock<Regex> =
    std::sync::LazyLock::new(|| Regex::new(r"\n[ \t\r]*\n").expect("valid regex"));

/// Whether one of the last paragraphs of `before` (ten, within 16 KiB) holds an odd number
/// of straight quotes: a quotation may be open, to close a few paragraphs on
/// (`quotes/unpaired-straight-quote` pairs them).
fn straight_quote_open(before: &str) -> bool {
    let window = &before[char_boundary_before(before, before.len().saturating_sub(16 << 10))..];
    let paras: Vec<&str> = BLANK_LINE.split(window).collect();
    paras[paras.len().saturating_sub(10)..]
        .iter()
        .any(|para| para.bytes().filter(|&b| b == b'"').count() % 2 == 1)
}

/// Split `text` into pieces of about `size` bytes that end at a paragraph break, where
/// the next paragraph opens neither with `“` or `"` (which may continue a quotation) nor with a
/// comma or a lowercase letter (which the checks of paragraph starts judge
/// by the paragraph before), and no straight `"` is left open before it (see
/// [`straight_quote_open`]). Each piece can be linted on its own with the same result,
/// but for a text where no such break comes within four times `size` (a text all in
/// lowercase): it is cut at the next break, so that pieces stay small.
pub fn pieces(text: &str, size: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let mut from = char_boundary_before(text, start + size);
        let cut = loop {
            let Some(blank) = BLANK_LINE.find_at(text, from) else {
                break text.len();
            };
            let next = blank.end();
            let rest = text[next..].trim_start();
            let joined = rest
                .starts_with(|c: char| matches!(c, '“' | '"' | ',') || c.is_lowercase())
                || straight_quote_open(&text[start..blank.start()]);
            if !joined || next - start > 4 * size {
                break text.len() - rest.len();
            }
            from = next;
        };
        out.push(start..cut);
        start = cut;
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_compiles_on_first_search_not_when_its_source_is_read() {
        static P: Pattern = Pattern::new("a+b");
        assert_eq!(P.source(), "a+b");
        assert!(P.compiled.get().is_none());
        assert!(P.is_match("xaab"));
        assert!(P.compiled.get().is_some());
    }

    #[test]
    fn preserve_case_follows_the_original() {
        assert_eq!(preserve_case("Secular", "sectarian"), "Sectarian");
        assert_eq!(preserve_case("SECULAR", "sectarian"), "SECTARIAN");
        assert_eq!(preserve_case("secular", "sectarian"), "sectarian");
        assert_eq!(
            preserve_case("states- United", "United States"),
            "United States"
        );
        assert_eq!(preserve_case(". .", "."), ".");
    }

    #[test]
    fn paragraph_around_agrees_with_paragraphs() {
        let text = "a\nb\n\n  \nc\nd\n\ne";
        for para in paragraphs(text) {
            for i in para.clone() {
                assert_eq!(paragraph_around(text, i), para, "at {i}");
            }
        }
    }

    #[test]
    fn pieces_end_at_paragraphs_that_do_not_continue_a_quote() {
        let text = "Aaaa\n\nBbbb\n\n“cc\n\r\nDddd\n\n, ee\n\nff\n\nGggg";
        let got: Vec<&str> = pieces(text, 3).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "Aaaa\n\n",
                "Bbbb\n\n“cc\n\r\n",
                "Dddd\n\n, ee\n\nff\n\n",
                "Gggg"
            ]
        );
        // Not within ten paragraphs of one with an odd number of straight quotes.
        assert_eq!(pieces("Aa \"x\n\nBb\n\nCc", 3).len(), 1);
        assert_eq!(pieces("Aa \"x\"\n\nBb\n\nCc", 3).len(), 2);
        assert!(straight_quote_open("Aa \"x\n\nBbbb"));
        assert!(!straight_quote_open("Aa \"x\"\n\nBbbb"));
        // No break that may be cut within four times the size: the next one is cut.
        let lower = "aaaa\n\nbbbb\n\ncccc\n\ndddd\n\neeee\n\nffff";
        let got: Vec<&str> = pieces(lower, 3).into_iter().map(|r| &lower[r]).collect();
        assert_eq!(got, ["aaaa\n\nbbbb\n\ncccc\n\n", "dddd\n\neeee\n\nffff"]);
        assert_eq!(
            pieces("short", 100),
            vec![std::ops::Range { start: 0, end: 5 }]
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "a\nb\n\n  \nc\n";
        let p: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(p, ["a\nb\n", "c\n"]);
    }
}
