//! Line and column numbers of a file's diagnostics, in order, for the reports.

use std::io;

use mtlint::{Diagnostic, LineIndex};

use super::FileReport;

/// Line and column of many offsets, mostly in increasing order: the line comes from the
/// [`LineIndex`] built once per file, and each column is counted from the previous offset
/// when it is on the same line (forwards or backwards), so a text that is one very long
/// line costs one pass plus the lengths of the spans, not one pass per diagnostic.
pub(super) struct Cursor<'a> {
    text: &'a str,
    index: &'a LineIndex,
    offset: usize,
    line: usize,
    column: usize,
    /// How many columns a character takes (1, or its UTF-16 length for SARIF).
    width: fn(char) -> usize,
}

impl<'a> Cursor<'a> {
    /// Columns in characters.
    pub fn new(text: &'a str, index: &'a LineIndex) -> Self {
        Cursor::counting(text, index, |_| 1)
    }

    /// Columns in units of `width` per character (`char::len_utf16`: UTF-16 code units).
    pub fn counting(text: &'a str, index: &'a LineIndex, width: fn(char) -> usize) -> Self {
        Cursor {
            text,
            index,
            offset: 0,
            line: 1,
            column: 1,
            width,
        }
    }

    /// The 1-based line and character column of byte `offset`.
    pub fn locate(&mut self, offset: usize) -> (usize, usize) {
        let line = self.index.line_of(offset);
        let width = self.width;
        let count =
            |range: std::ops::Range<usize>| self.text[range].chars().map(width).sum::<usize>();
        self.column = if line != self.line {
            1 + count(self.index.line_start(line)..offset)
        } else if offset >= self.offset {
            self.column + count(self.offset..offset)
        } else {
            self.column - count(offset..self.offset)
        };
        self.line = line;
        self.offset = offset;
        (line, self.column)
    }
}

/// Call `f` with each diagnostic and the line and column of its start and its end.
pub(super) fn each_located(
    report: &FileReport,
    mut f: impl FnMut(&Diagnostic, (usize, usize), (usize, usize)) -> io::Result<()>,
) -> io::Result<()> {
    let index = LineIndex::new(report.text);
    let (mut starts, mut ends) = (
        Cursor::new(report.text, &index),
        Cursor::new(report.text, &index),
    );
    for d in report.diagnostics {
        f(d, starts.locate(d.span.start), ends.locate(d.span.end))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_agrees_with_line_col() {
        let text = "ab\nç“x”\n";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        let mut cursor = Cursor::new(text, &index);
        for offset in [0, 1, 3, x, x + 1, 5, 3, x, 5, text.len()] {
            assert_eq!(
                cursor.locate(offset),
                index.line_col(text, offset),
                "at {offset}"
            );
        }
    }

    /// Counts the characters the cursor steps over: the work of locating.
    fn steps(text: &str, offsets: &[usize]) -> usize {
        use std::cell::Cell;
        thread_local!(static STEPS: Cell<usize> = const { Cell::new(0) });
        let index = LineIndex::new(text);
        let mut cursor = Cursor::counting(text, &index, |_| {
            STEPS.with(|s| s.set(s.get() + 1));
            1
        });
        STEPS.with(|s| s.set(0));
        for &offset in offsets {
            cursor.locate(offset);
        }
        STEPS.with(Cell::get)
    }

    #[test]
    fn one_long_line_is_walked_once_not_once_per_offset() {
        let text = "x".repeat(100_000);
        // Starts and ends of 1,000 three-byte spans spread over the line, in the order
        // the formats ask for them: each character is counted about once.
        let offsets: Vec<usize> = (0..1_000).flat_map(|i| [i * 100, i * 100 + 3]).collect();
        assert!(
            steps(&text, &offsets) <= text.len() + 2 * 3 * 1_000,
            "{}",
            steps(&text, &offsets)
        );
        // A span that ends before the previous one's end is counted back, not from the
        // start of the line.
        let nested = [50_000, 90_000, 50_010, 50_020];
        assert_eq!(steps(&text, &nested), 90_000 + 39_990 + 10);
    }
}
