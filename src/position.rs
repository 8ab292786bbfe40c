//! Byte offsets to 1-based line and column numbers (columns count Unicode characters).

/// Line starts of a text, computed once and queried for each reported diagnostic.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text` (lines end at `\n`).
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The 1-based line of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// The byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line - 1]
    }

    /// The 1-based line and 1-based character column of byte `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let column = text[self.line_start(line)..offset].chars().count() + 1;
        (line, column)
    }
}

/// Line and column of many offsets in increasing order: each column is counted on from
/// the previous one on the same line, so a text that is one very long line costs one
/// pass, not one pass per diagnostic.
pub struct Cursor<'a> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "ab\nç“x”\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, 3), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(index.line_col(text, x), (2, 3));
        assert_eq!(index.line_col(text, text.len()), (3, 1));
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
