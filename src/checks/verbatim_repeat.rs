//! `residue/repeated-sentence`: a sentence or paragraph that appears twice, word for
//! word, in the same text: scraping and copy-paste duplication.
//!
//! One pass over the bytes cuts the text into sentences (at `.`, `!`, `?`, possibly
//! followed by closing quotes or brackets, before white space, and at blank lines) and
//! hashes each sentence word by word, so white space and line wrapping do not matter. A
//! sentence of at least [`MIN_WORDS`] words whose hash was seen before, and whose words
//! are really equal, is reported; consecutive repeated sentences make one finding.
//!
//! Limits: texts longer than 256 KiB are linted in 64 KiB pieces (see `Linter::lint`),
//! so a repeat whose first copy lies in another piece is not found. Short sentences
//! (`Advertisement`, `“Yes.”`, refrains), verse (lines shorter than 40 bytes on
//! average), list items, table rows, headings and sentences holding masked Markdown
//! code are never compared.

use std::collections::HashMap;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Rule, RuleMeta};

/// Sentences shorter than this are never reported.
pub const MIN_WORDS: usize = 8;

pub struct VerbatimRepeat {
    meta: RuleMeta,
}

impl VerbatimRepeat {
    pub fn new() -> Self {
        VerbatimRepeat {
            meta: RuleMeta {
                id: "residue/repeated-sentence".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Unsafe),
                summary: "sentence or paragraph repeated word for word".into(),
                description: "A sentence of eight words or more, or a paragraph, repeated \
                    word for word right after itself, or a passage of eight sentences and \
                    150 words or more (a duplicated article body) repeated anywhere in the \
                    same text: scrapers and \
                    copy-paste duplicate sentences and whole paragraphs. (Reference \
                    documentation repeats single sentences far apart on purpose; those are \
                    not reported.) The second copy is reported (a run of repeated sentences \
                    once), and the unsafe fix deletes it with \
                    the white space that separated it. White space and line wrapping do not \
                    matter; case and punctuation do. Short sentences (`Advertisement`, \
                    `“Yes.”`, refrains), verse, list items, table rows and headings are not \
                    compared. Texts longer than 256 KiB are linted in 64 KiB pieces, and a \
                    repeat across two pieces is not found."
                    .into(),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "The council approved the new budget for the coming year.\n\nThe \
                        council approved the new budget for the coming year.\n\nIt takes \
                        effect in May.\n",
                        "The council approved the new budget for the coming year.\n\nIt takes \
                        effect in May.\n",
                    ),
                    Example::bad(
                        "Officials said the bridge would reopen next week after the \
                        repairs. Officials said the bridge would reopen next week after \
                        the repairs. Traffic resumed.",
                        "Officials said the bridge would reopen next week after the \
                        repairs. Traffic resumed.",
                    ),
                    Example::good(
                        "Advertisement\n\nShe left.\n\nAdvertisement\n\n“Yes.” “Yes.” \
                        They agreed.",
                    ),
                    Example::good(
                        "- Fixed a crash when the window is closed while saving a file.\n\
                        - Fixed a crash when the window is closed while saving a file.\n",
                    ),
                    Example::good(
                        "Row, row, row your boat gently down the stream,\nmerrily merrily \
                        life is a dream.\n\nRow, row, row your boat gently down the \
                        stream,\nmerrily merrily life is a dream.\n",
                    ),
                ],
            },
        }
    }
}

/// One sentence (or paragraph): its byte range, word count and hash of its words, and
/// the paragraph it belongs to.
#[derive(Clone, Copy)]
struct Sentence {
    start: usize,
    end: usize,
    words: usize,
    hash: u64,
    para: usize,
}

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Hash of a word, eight bytes at a time.
fn hash_word(h: u64, word: &[u8]) -> u64 {
    let mut h = mix(h, word.len() as u64);
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().expect("eight bytes")));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(buf));
    }
    h
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Whether the sentence ends here: `.`, `!` or `?`, then closing quotes or brackets.
fn ends_sentence(word: &[u8]) -> bool {
    let mut w = word;
    loop {
        match w {
            [rest @ .., b'"' | b'\'' | b')' | b']'] => w = rest,
            // `”` and `’` are E2 80 9D and E2 80 99.
            [rest @ .., 0xE2, 0x80, 0x9D | 0x99] => w = rest,
            _ => break,
        }
    }
    matches!(w.last(), Some(b'.' | b'!' | b'?'))
}

/// The sentences of `text`, with their word hashes.
fn sentences(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut current: Option<Sentence> = None;
    let mut para = 0;
    let mut i = 0;
    while i < bytes.len() {
        // White space: a blank line ends the sentence.
        let mut newlines = 0;
        while i < bytes.len() && is_space(bytes[i]) {
            newlines += usize::from(bytes[i] == b'\n');
            i += 1;
        }
        if newlines >= 2 || i == bytes.len() {
            out.extend(current.take());
            para += 1;
        }
        if i == bytes.len() {
            break;
        }
        let word_start = i;
        while i < bytes.len() && !is_space(bytes[i]) {
            i += 1;
        }
        let word = &bytes[word_start..i];
        let s = current.get_or_insert(Sentence {
            start: word_start,
            end: i,
            words: 0,
            hash: 0,
            para,
        });
        s.end = i;
        s.words += 1;
        s.hash = hash_word(s.hash, word);
        if ends_sentence(word) {
            out.extend(current.take());
        }
    }
    out.extend(current);
    out
}

/// A run of repeated sentences.
struct Run {
    start: usize,
    end: usize,
    /// How many sentences, and words.
    count: usize,
    words: usize,
    /// Where the first copy of the run's last sentence ends.
    earlier: usize,
}

/// A repeated run shorter than this many sentences and words is reported only right
/// after its first copy: reference documentation repeats sentences and even passages of
/// five or six sentences on purpose.
const LONG_RUN: (usize, usize) = (8, 150);

/// Whether two sentences have the same words.
fn same_words(a: &str, b: &str) -> bool {
    a.split_ascii_whitespace().eq(b.split_ascii_whitespace())
}

/// Whether a sentence is worth comparing: long prose, not verse, a list item, a table
/// row, a heading or masked code.
fn comparable(text: &str, s: &Sentence) -> bool {
    if s.words < MIN_WORDS {
        return false;
    }
    let body = &text[s.start..s.end];
    // Masked code, tables and aligned columns.
    if body.contains(['\u{1}', '|', '\t']) || body.contains("   ") {
        return false;
    }
    // Verse: over several lines, none of which but the last reaches 55 bytes (wrapped
    // prose fills its lines).
    let line_start = text[..s.start].rfind('\n').map_or(0, |i| i + 1);
    if body.contains('\n') {
        let last_line = text[..s.end].rfind('\n').expect("a line break");
        if text[line_start..last_line]
            .split('\n')
            .all(|line| line.trim_end().len() < 55)
        {
            return false;
        }
    }
    // List items and headings: what starts the line.
    let lead = text[line_start..s.start].trim_start();
    let first = if lead.is_empty() { body } else { lead };
    let marker = first.split_ascii_whitespace().next().unwrap_or("");
    let is_marker = matches!(marker, "-" | "*" | "+" | "•" | ">" | "–")
        || marker.starts_with('#')
        || (marker.len() <= 4
            && marker.ends_with(['.', ')'])
            && marker[..marker.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()));
    !is_marker
}

impl Rule for VerbatimRepeat {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, text: &str, out: &mut Vec<Diagnostic>) {
        // Two sentences of eight words need some room.
        if text.len() < 64 {
            return;
        }
        let sentences = sentences(text);
        // Whole paragraphs first, so that a repeated paragraph is one finding even when
        // some of its sentences are short.
        let mut covered = vec![false; sentences.len()];
        let mut seen: HashMap<u64, (usize, usize)> = HashMap::new();
        let mut first = 0;
        while first < sentences.len() {
            let para = sentences[first].para;
            let count = sentences[first..]
                .iter()
                .take_while(|s| s.para == para)
                .count();
            let group = &sentences[first..first + count];
            let whole = Sentence {
                start: group[0].start,
                end: group[count - 1].end,
                words: group.iter().map(|s| s.words).sum(),
                hash: group.iter().fold(0, |h, s| mix(h, s.hash)),
                para,
            };
            if let Some(earlier) = (count > 1)
                .then(|| self.repeated(text, &whole, &mut seen))
                .flatten()
            {
                let run = Run {
                    start: whole.start,
                    end: whole.end,
                    count,
                    words: whole.words,
                    earlier,
                };
                if let Some(d) = self.report(text, run) {
                    out.push(d);
                    covered[first..first + count].fill(true);
                }
            }
            first += count;
        }
        // Then sentences; consecutive repeated ones make one finding.
        let mut seen: HashMap<u64, (usize, usize)> = HashMap::new();
        let mut run: Option<Run> = None;
        for (s, covered) in sentences.iter().zip(covered) {
            let earlier = (!covered)
                .then(|| self.repeated(text, s, &mut seen))
                .flatten();
            if let Some(earlier) = earlier {
                match &mut run {
                    Some(r) if text[r.end..s.start].trim().is_empty() => {
                        r.end = s.end;
                        r.count += 1;
                        r.words += s.words;
                        r.earlier = earlier;
                    }
                    _ => {
                        out.extend(run.take().and_then(|r| self.report(text, r)));
                        run = Some(Run {
                            start: s.start,
                            end: s.end,
                            count: 1,
                            words: s.words,
                            earlier,
                        });
                    }
                }
            } else {
                out.extend(run.take().and_then(|r| self.report(text, r)));
            }
        }
        out.extend(run.and_then(|r| self.report(text, r)));
    }
}

impl VerbatimRepeat {
    /// Where `s` appeared before (the end of the first copy), if it is worth comparing
    /// and did; remembers it if not.
    fn repeated(
        &self,
        text: &str,
        s: &Sentence,
        seen: &mut HashMap<u64, (usize, usize)>,
    ) -> Option<usize> {
        if !comparable(text, s) {
            return None;
        }
        match seen.get(&s.hash) {
            Some(&(start, end)) => {
                same_words(&text[start..end], &text[s.start..s.end]).then_some(end)
            }
            None => {
                seen.insert(s.hash, (s.start, s.end));
                None
            }
        }
    }

    /// The finding for a repeated run: the copy and the white space that separated it.
    fn report(&self, text: &str, run: Run) -> Option<Diagnostic> {
        let Run {
            start,
            end,
            count,
            words,
            earlier,
        } = run;
        let adjacent = text[earlier..start].trim().is_empty();
        if !adjacent && (count < LONG_RUN.0 || words < LONG_RUN.1) {
            return None;
        }
        let rest = &text[end..];
        let followed = rest
            .trim_start_matches([' ', '\t'])
            .chars()
            .next()
            .is_some_and(|c| c != '\n' && c != '\r');
        let span = if followed || text[..start].trim_end().is_empty() {
            // Text follows on the line, or the copy opens the text: take the space after.
            let after = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            start..end + after
        } else {
            // Take the white space before, back to the previous text.
            text[..start].trim_end().len()..end
        };
        let first_words: Vec<&str> = text[start..end].split_whitespace().take(6).collect();
        let what = if count == 1 {
            "sentence repeated word for word".to_string()
        } else {
            format!("{count} sentences repeated word for word")
        };
        let fix = Fix {
            replacement: String::new(),
            applicability: Applicability::Unsafe,
        };
        Some(self.meta.diagnostic(
            span,
            format!(
                "{what}: “{}…” {}",
                first_words.join(" "),
                match text[earlier..start].matches('\n').count() {
                    0 => "is already on this line".to_string(),
                    1 => "appears on the line before".to_string(),
                    n => format!("appears {n} lines earlier"),
                }
            ),
            Some(fix),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        VerbatimRepeat::new().check(text, &mut out);
        out.into_iter()
            .map(|d| (text[d.span].to_string(), d.message))
            .collect()
    }

    const S: &str = "The council approved the new budget for the coming year.";

    #[test]
    fn a_repeated_paragraph_is_one_finding() {
        let text = format!("{S} It starts now.\n\n{S} It starts now.\n");
        assert_eq!(
            found(&text),
            vec![(
                format!("\n\n{S} It starts now."),
                "2 sentences repeated word for word: “The council approved the new budget…” \
                 appears 2 lines earlier"
                    .into()
            )]
        );
    }

    #[test]
    fn far_repeats_count_only_when_long() {
        let short = format!("{S} It starts now.\n\nOther news.\n\n{S} It starts now.\n");
        assert_eq!(found(&short), vec![]);
        let passage = (0..8)
            .map(|i| {
                format!("Sentence {i} of this long passage is here to bring the count of words really high enough for it.")
            })
            .collect::<Vec<_>>()
            .join(" ");
        let long = format!("{passage}\n\nOther news.\n\n{passage}\n");
        assert_eq!(found(&long).len(), 1);
        assert_eq!(found(&long)[0].0, format!("\n\n{passage}"));
    }

    #[test]
    fn wrapping_does_not_matter_but_words_do() {
        let wrapped = S.replace(" new ", "\nnew ");
        assert_eq!(found(&format!("{S} {wrapped}")).len(), 1);
        let changed = S.replace("new", "old");
        assert_eq!(found(&format!("{S} {changed}")), vec![]);
    }

    #[test]
    fn copy_at_the_start_of_a_paragraph_takes_the_space_after() {
        let text = format!("{S}\n\n{S} More text.");
        assert_eq!(found(&text)[0].0, format!("{S} "));
    }

    #[test]
    fn table_rows_and_masked_code_are_not_compared() {
        let row = "| the same cell text in a long markdown table row here |\n";
        assert_eq!(found(&format!("{row}{row}{row}")), vec![]);
        let code = "Run \u{1}\u{1}\u{1}\u{1} to install the package on your machine today.\n";
        assert_eq!(found(&format!("{code}\n{code}")), vec![]);
    }
}
