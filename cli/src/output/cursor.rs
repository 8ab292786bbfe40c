//! Line and column numbers of a file's diagnostics, in order, for the reports.

use std::io;

use mtlint::{Diagnostic, LineIndex};

use super::FileReport;

/// Line and column of many offsets in increasing order: each column is counted on from
/// the previous one on the same line, so a text that is one very long line costs one
/// pass, not one pass per diagnostic.
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
        let (from, column) = if line == self.line && offset >= self.offset {
            (self.offset, self.column)
        } else {
            (self.index.line_start(line), 1)
        };
        let width = self.width;
        self.column = column + self.text[from..offset].chars().map(width).sum::<usize>();
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
        for offset in [0, 1, 3, x, x + 1, 5, text.len()] {
            assert_eq!(
                cursor.locate(offset),
                index.line_col(text, offset),
                "at {offset}"
            );
        }
    }
}
