//! [`Document`]: the one shared view of a text that every rule reads.
//!
//! The linter builds one `Document` per text (per piece of a long text) and hands it to
//! every rule ([`crate::Rule::check`]). Besides the text itself it offers the views
//! several checks need, each computed on first use and then shared (`OnceLock`), so a
//! text no rule asks about costs nothing and no view is computed twice:
//!
//! - [`Document::line_index`]: line starts, for line and column numbers;
//! - [`Document::words`]: the words, as byte spans (runs of letters with inner
//!   apostrophes and hyphens), with neighbour access and the sentence each belongs to;
//! - [`Document::sentences`]: sentences, cut after `.`, `!`, `?` (and any closing
//!   quotes or brackets) and at blank lines, each with its paragraph;
//! - [`Document::paragraphs`]: runs of lines separated by blank lines;
//! - [`Document::quotes`]: the pairing of curly double quotes (see
//!   [`crate::text::quotes`]), which four rules read.
//!
//! Statistical checks (n-gram and part-of-speech look-ups per word) are meant to build on
//! [`Document::words`]: a word's index is stable, so per-word data can live in a vector
//! beside it.

use std::ops::Range;
use std::sync::OnceLock;

use crate::position::LineIndex;
use crate::text::quotes::{self, QuoteFinding};

/// One text and the views of it the rules share, each built once, on first use.
pub struct Document<'a> {
    text: &'a str,
    line_index: OnceLock<LineIndex>,
    words: OnceLock<Vec<Range<usize>>>,
    sentences: OnceLock<Vec<Sentence>>,
    paragraphs: OnceLock<Vec<Range<usize>>>,
    quotes: OnceLock<Vec<QuoteFinding>>,
    style: crate::Style,
}

impl<'a> Document<'a> {
    /// A document over `text`; nothing is computed yet.
    pub fn new(text: &'a str) -> Self {
        Document {
            text,
            line_index: OnceLock::new(),
            words: OnceLock::new(),
            sentences: OnceLock::new(),
            paragraphs: OnceLock::new(),
            quotes: OnceLock::new(),
            style: crate::Style::default(),
        }
    }

    /// A document whose fixes follow the house style `style`.
    pub fn with_style(text: &'a str, style: crate::Style) -> Self {
        Document {
            style,
            ..Document::new(text)
        }
    }

    /// The house style the fixes follow.
    pub fn style(&self) -> crate::Style {
        self.style
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Line starts, for line and column numbers.
    pub fn line_index(&self) -> &LineIndex {
        self.line_index.get_or_init(|| LineIndex::new(self.text))
    }

    /// Every word, in text order (see [`Words`]).
    pub fn words(&self) -> Words<'_, 'a> {
        Words {
            doc: self,
            spans: self.words.get_or_init(|| word_spans(self.text).collect()),
        }
    }

    /// The sentences, in text order.
    pub fn sentences(&self) -> &[Sentence] {
        self.sentences.get_or_init(|| sentences(self.text))
    }

    /// The paragraphs as byte ranges: runs of lines separated by blank lines.
    pub fn paragraphs(&self) -> &[Range<usize>] {
        self.paragraphs
            .get_or_init(|| crate::text::paragraphs(self.text))
    }

    /// What the pairing of curly double quotes found, in text order; scanned once.
    pub(crate) fn quotes(&self) -> &[QuoteFinding] {
        self.quotes.get_or_init(|| quotes::scan(self.text))
    }
}

/// The words of a [`Document`]: runs of letters, with inner apostrophes (`'`, `’`) and
/// hyphens. Index them (`words.get(i)`) or iterate them.
#[derive(Clone, Copy)]
pub struct Words<'d, 'a> {
    doc: &'d Document<'a>,
    spans: &'d [Range<usize>],
}

/// One word of a [`Document`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// Its position among the document's words.
    pub index: usize,
    /// Its byte range in the text.
    pub span: Range<usize>,
    /// Its text.
    pub text: &'a str,
}

impl<'d, 'a> Words<'d, 'a> {
    /// How many words there are.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The word at `index`.
    pub fn get(&self, index: usize) -> Option<Word<'a>> {
        let span = self.spans.get(index)?.clone();
        Some(Word {
            index,
            text: &self.doc.text[span.clone()],
            span,
        })
    }

    /// The word before `word`.
    pub fn previous(&self, word: &Word<'_>) -> Option<Word<'a>> {
        self.get(word.index.checked_sub(1)?)
    }

    /// The word after `word`.
    pub fn next(&self, word: &Word<'_>) -> Option<Word<'a>> {
        self.get(word.index + 1)
    }

    /// Every word, in order.
    pub fn iter(&self) -> impl Iterator<Item = Word<'a>> + 'd {
        let text = self.doc.text;
        self.spans
            .iter()
            .enumerate()
            .map(move |(index, span)| Word {
                index,
                span: span.clone(),
                text: &text[span.clone()],
            })
    }

    /// The index in [`Document::sentences`] of the sentence that holds `word`, if any
    /// (a word outside every sentence stands in white space only, which cannot be).
    pub fn sentence_of(&self, word: &Word<'_>) -> Option<usize> {
        let sentences = self.doc.sentences();
        let i = sentences.partition_point(|s| s.end <= word.span.start);
        sentences
            .get(i)
            .filter(|s| s.start <= word.span.start)
            .map(|_| i)
    }
}

/// The word spans of `text`: runs of letters, with inner apostrophes and hyphens. ASCII
/// text takes a byte-wise fast path.
pub fn word_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    // The length of the letter at `i`, if there is one.
    let letter_at = move |i: usize| -> usize {
        match bytes.get(i) {
            Some(b) if b.is_ascii_alphabetic() => 1,
            Some(&b) if b >= 0x80 => text[i..]
                .chars()
                .next()
                .filter(|c| c.is_alphabetic())
                .map_or(0, char::len_utf8),
            _ => 0,
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            match bytes.get(i) {
                None => return None,
                Some(b) if b.is_ascii_alphabetic() => break,
                Some(&b) if b < 0x80 => i += 1,
                Some(_) if letter_at(i) > 0 => break,
                Some(_) => i += text[i..].chars().next().map_or(1, char::len_utf8),
            }
        }
        let start = i;
        loop {
            while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            }
            let len = match bytes.get(i) {
                Some(b'\'' | b'-') if letter_at(i + 1) > 0 => 1,
                Some(0xE2) if text[i..].starts_with('’') && letter_at(i + 3) > 0 => 3,
                Some(&b) if b >= 0x80 => letter_at(i),
                _ => 0,
            };
            if len == 0 {
                break;
            }
            i += len;
        }
        Some(start..i)
    })
}

/// One sentence of a [`Document`]: its byte range (without the white space around it),
/// an upper bound of its word count, and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Where it starts.
    pub start: usize,
    /// Where it ends (after its final punctuation and closing quotes).
    pub end: usize,
    /// Spaces and line breaks plus one: an upper bound of its words, counted cheaply.
    pub words: usize,
    /// Which paragraph it is in, counting blank-line-separated paragraphs from 0.
    pub para: usize,
}

impl Sentence {
    /// Its byte range.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Where a sentence ending at the `.`, `!` or `?` at `p` stops: after any closing quotes
/// or brackets, if white space or the end of the text follows.
fn sentence_end(bytes: &[u8], p: usize) -> Option<usize> {
    let mut q = p + 1;
    loop {
        match bytes.get(q..) {
            Some([b'"' | b'\'' | b')' | b']', ..]) => q += 1,
            // `”` and `’` are E2 80 9D and E2 80 99.
            Some([0xE2, 0x80, 0x9D | 0x99, ..]) => q += 3,
            _ => break,
        }
    }
    (q == bytes.len() || is_space(bytes[q])).then_some(q)
}

/// The sentences of `text`: cut after `.`, `!` and `?` (found with a vectorised byte
/// search) and at blank lines. Words are counted as spaces and line breaks plus one (an
/// upper bound).
fn sentences(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut para = 0;
    let mut from = 0;
    let push = |out: &mut Vec<Sentence>, from: usize, to: usize, para: usize| {
        let body = &bytes[from..to];
        let lead = body.iter().take_while(|&&b| is_space(b)).count();
        let body = &body[lead..];
        let trail = body.iter().rev().take_while(|&&b| is_space(b)).count();
        let body = &body[..body.len() - trail];
        if body.is_empty() {
            return;
        }
        // Spaces and line breaks, counted branch-free: a double space counts twice.
        let words = 1 + body
            .iter()
            .map(|&b| usize::from((b == b' ') | (b == b'\n')))
            .sum::<usize>();
        out.push(Sentence {
            start: from + lead,
            end: from + lead + body.len(),
            words,
            para,
        });
    };
    let mut marks = memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable();
    let mut lines = memchr::memchr_iter(b'\n', bytes).peekable();
    loop {
        let next_mark = marks.peek().copied();
        let next_line = lines.peek().copied();
        match (next_mark, next_line) {
            (None, None) => break,
            (Some(m), l) if l.is_none_or(|l| m < l) => {
                marks.next();
                if m < from {
                    continue;
                }
                if let Some(end) = sentence_end(bytes, m) {
                    push(&mut out, from, end, para);
                    from = end;
                }
            }
            (_, Some(l)) => {
                lines.next();
                if l < from {
                    continue;
                }
                // A blank line: only spaces, tabs or CR up to the next line feed.
                let rest = &bytes[l + 1..];
                let blank = rest
                    .iter()
                    .position(|&b| !matches!(b, b' ' | b'\t' | b'\r'));
                if blank.is_some_and(|i| rest[i] == b'\n') {
                    push(&mut out, from, l, para);
                    para += 1;
                    from = l + 1;
                }
            }
            (Some(_), None) => unreachable!("handled above"),
        }
    }
    push(&mut out, from, bytes.len(), para);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_spans_neighbours_and_sentences() {
        let doc = Document::new("It’s a well-known fact. Next one!\n\nNew para");
        let words = doc.words();
        let texts: Vec<&str> = words.iter().map(|w| w.text).collect();
        assert_eq!(
            texts,
            [
                "It’s",
                "a",
                "well-known",
                "fact",
                "Next",
                "one",
                "New",
                "para"
            ]
        );
        let fact = words.get(3).unwrap();
        assert_eq!(fact.span, 20..24);
        assert_eq!(words.previous(&fact).unwrap().text, "well-known");
        assert_eq!(words.next(&fact).unwrap().text, "Next");
        assert_eq!(words.sentence_of(&fact), Some(0));
        assert_eq!(words.sentence_of(&words.get(4).unwrap()), Some(1));
        let sentences = doc.sentences();
        assert_eq!(sentences.len(), 3);
        assert_eq!(&doc.text()[sentences[1].span()], "Next one!");
        assert_eq!((sentences[1].para, sentences[2].para), (0, 1));
        assert_eq!(doc.paragraphs().len(), 2);
        assert!(words.previous(&words.get(0).unwrap()).is_none());
    }

    #[test]
    fn quotes_are_scanned_once() {
        let doc = Document::new("He said “yes. And left.");
        let first = doc.quotes().as_ptr();
        assert_eq!(doc.quotes().len(), 1);
        assert_eq!(first, doc.quotes().as_ptr());
    }
}
