//! `residue/repeated-sentence`: sentence or paragraph repeated word for word.
//!
//! ## What it does
//!
//! A sentence of eight words or more, or a paragraph, repeated word for word right
//! after itself, or a passage of eight sentences and 150 words or more (a duplicated
//! article body) repeated anywhere in the same text: scrapers and copy-paste duplicate
//! sentences and whole paragraphs.
//!
//! ## Why it matters
//!
//! (Reference documentation repeats single sentences far apart on purpose; those are
//! not reported.) The second copy is reported (a run of repeated sentences once), and
//! the unsafe fix deletes it with the white space that separated it. Case and
//! punctuation matter; white space and line wrapping do not, except that a far copy
//! must keep the white space of the first. Short sentences (`Advertisement`, `“Yes.”`,
//! refrains), verse, list items, table rows and headings are not compared. Texts longer
//! than 256 KiB are linted in 64 KiB pieces, and a repeat across two pieces is not
//! found.
//!
//! ## Example
//!
//! ```text
//! The council approved the new budget for the coming year.
//!
//! The council approved the new budget for the coming year.
//!
//! It takes effect in May.
//!
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! The council approved the new budget for the coming year.
//!
//! It takes effect in May.
//!
//! ```
//!
//! ## How it works
//!
//! The text is cut into sentences (after `.`, `!`, `?`, possibly followed by closing
//! quotes or brackets, before white space, found with a vectorised byte search; and at
//! blank lines). A block of one to [`MAX_BLOCK`] sentences with at least [`MIN_WORDS`]
//! words that repeats the block right before it is reported: a cheap comparison with the
//! previous sentences, no table. A passage of whole paragraphs (8+ sentences, 150+
//! words) that repeats earlier paragraphs anywhere is found by hashing paragraphs.
//! White space and line wrapping do not matter next to the first copy; a far copy must
//! keep the white space of the first.
//!
//! Limits: texts longer than 256 KiB are linted in 64 KiB pieces (see `Linter::lint`),
//! so a repeat whose first copy lies in another piece is not found. Short sentences
//! (`Advertisement`, `“Yes.”`, refrains), verse (lines shorter than 40 bytes on
//! average), list items, table rows, headings and sentences holding masked Markdown
//! code are never compared.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::document::Sentence;
use crate::text::Document;

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
                fixes: Fixes::always(Applicability::Unsafe),
                summary: "sentence or paragraph repeated word for word".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad(
                        "The council approved the new budget for the coming year.[\n\nThe \
                        council approved the new budget for the coming year.]\n\nIt takes \
                        effect in May.\n",
                        "The council approved the new budget for the coming year.\n\nIt takes \
                        effect in May.\n",
                    ).message("sentence repeated word for word: “The council approved the new budget…” appears 2 lines earlier"),
                    Example::bad(
                        "Officials said the bridge would reopen next week after the \
                        repairs. [Officials said the bridge would reopen next week after \
                        the repairs. ]Traffic resumed.",
                        "Officials said the bridge would reopen next week after the \
                        repairs. Traffic resumed.",
                    ).message("sentence repeated word for word: “Officials said the bridge would reopen…” is already on this line"),
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

/// The keys are hashes already: a hasher that passes them through.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Paragraph hash → byte range and index of its first copy.
type Seen = HashMap<u64, (usize, usize, usize), BuildHasherDefault<PassThrough>>;

/// The longest block of sentences compared with the block right before it.
const MAX_BLOCK: usize = 6;

/// A run of repeated sentences.
struct Run {
    start: usize,
    end: usize,
    /// How many sentences, and words.
    count: usize,
    words: usize,
    /// Where the first copy of the run's first sentence starts, and where the first copy
    /// of its last sentence ends.
    first_start: usize,
    earlier: usize,
}

/// A repeated run shorter than this many sentences and words is reported only right
/// after its first copy: reference documentation repeats sentences and even passages of
/// five or six sentences on purpose.
const LONG_RUN: (usize, usize) = (8, 150);

/// Whether two sentences have the same words.
fn same_words(a: &str, b: &str) -> bool {
    a == b || a.split_ascii_whitespace().eq(b.split_ascii_whitespace())
}

/// Whether a sentence is worth comparing: long prose, not verse, a list item, a table
/// row, a heading or masked code.
fn comparable(text: &str, s: &Sentence) -> bool {
    if s.words < MIN_WORDS {
        return false;
    }
    let body = &text[s.start..s.end];
    // Masked code, tables and aligned columns, in one pass.
    let mut spaces = 0;
    for b in body.bytes() {
        match b {
            0x01 | b'|' | b'\t' => return false,
            b' ' => {
                spaces += 1;
                if spaces == 3 {
                    return false;
                }
            }
            _ => spaces = 0,
        }
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

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        // Two sentences of eight words need some room.
        if text.len() < 64 {
            return;
        }
        let sentences = doc.sentences();
        let n = sentences.len();
        let body = |s: &Sentence| &text[s.start..s.end];
        let same = |a: &Sentence, b: &Sentence| a.words == b.words && same_words(body(a), body(b));
        // 1. A block of up to MAX_BLOCK sentences right after an identical block: compared
        // with the sentences just before, so no table of every sentence is needed.
        let mut covered = vec![false; n];
        let mut i = 0;
        while i < n {
            let block = (1..=MAX_BLOCK.min(i)).find(|&k| {
                i + k <= n && (0..k).all(|j| same(&sentences[i - k + j], &sentences[i + j]))
            });
            let Some(k) = block else {
                i += 1;
                continue;
            };
            let copy = &sentences[i..i + k];
            let whole = Sentence {
                start: copy[0].start,
                end: copy[k - 1].end,
                words: copy.iter().map(|s| s.words).sum(),
                para: copy[0].para,
            };
            if comparable(text, &whole) {
                let run = Run {
                    start: whole.start,
                    end: whole.end,
                    count: k,
                    words: whole.words,
                    first_start: sentences[i - k].start,
                    earlier: sentences[i - 1].end,
                };
                out.extend(self.report(text, run));
                covered[i..i + k].fill(true);
            }
            i += k;
        }
        // 2. Long passages anywhere: paragraphs hashed, consecutive repeated paragraphs
        // whose first copies are consecutive too make one run.
        let mut seen = Seen::default();
        let mut run: Option<(Run, usize)> = None; // and the first copy's paragraph index
        let mut first = 0;
        let mut index = 0;
        while first < n {
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
                para,
            };
            let fresh = !covered[first..first + count].iter().any(|&c| c);
            first += count;
            index += 1;
            // Raw bytes, eight at a time: a scraped copy keeps its white space.
            let hash = hash_word(0, body(&whole).as_bytes());
            let earlier = match seen.get(&hash) {
                Some(&(start, end, at))
                    if fresh
                        && same_words(&text[start..end], body(&whole))
                        && comparable(text, &whole) =>
                {
                    Some((start, end, at))
                }
                Some(_) => None,
                None => {
                    seen.insert(hash, (whole.start, whole.end, index));
                    None
                }
            };
            match (earlier, &mut run) {
                (Some((_, end, at)), Some((r, last))) if at == *last + 1 => {
                    r.end = whole.end;
                    r.count += count;
                    r.words += whole.words;
                    r.earlier = end;
                    *last = at;
                }
                (Some((start, end, at)), _) => {
                    out.extend(run.take().and_then(|(r, _)| self.report(text, r)));
                    let r = Run {
                        start: whole.start,
                        end: whole.end,
                        count,
                        words: whole.words,
                        first_start: start,
                        earlier: end,
                    };
                    run = Some((r, at));
                }
                (None, _) => out.extend(run.take().and_then(|(r, _)| self.report(text, r))),
            }
        }
        out.extend(run.and_then(|(r, _)| self.report(text, r)));
    }
}

impl VerbatimRepeat {
    /// The finding for a repeated run: the copy and the white space that separated it.
    fn report(&self, text: &str, run: Run) -> Option<Diagnostic> {
        let Run {
            start,
            end,
            count,
            words,
            first_start,
            earlier,
        } = run;
        debug_assert!(first_start < earlier && earlier <= start);
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
        let fix = Fix::deletion(Applicability::Unsafe);
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
        VerbatimRepeat::new().check(&Document::new(text), &mut out);
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
