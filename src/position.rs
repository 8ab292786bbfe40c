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

    /// Index the line starts of `text` as the Language Server Protocol counts lines:
    /// they end at `\n`, `\r\n` or a lone `\r`.
    pub fn with_lone_cr(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            memchr::memchr2_iter(b'\n', b'\r', bytes)
                .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
                .map(|i| i + 1),
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
    }

    #[test]
    fn lsp_lines_also_end_at_a_lone_cr() {
        let text = "a\rb\r\nc\nd";
        let index = LineIndex::with_lone_cr(text);
        assert_eq!(index.line_col(text, 2), (2, 1));
        assert_eq!(index.line_col(text, 4), (2, 3));
        assert_eq!(index.line_col(text, 5), (3, 1));
        assert_eq!(index.line_col(text, 7), (4, 1));
        assert_eq!(LineIndex::new(text).line_col(text, 2), (1, 3));
    }
}
