//! Translation and subtitle files: gettext PO, XLIFF 1.2 and 2.x, SRT and WebVTT.
//!
//! Each reader builds a prose view (see `html.rs`) of the translated or spoken text only:
//! every other byte (keys, source strings, comments, cue numbers and timings, inline
//! markup) stays out of it, every offset maps back to the original file, and a fix is
//! kept only if it lands inside one run of linted text, escaped as the format wants.
//! A malformed file is a [`DocumentError`], never a guess.

pub(crate) mod po;
pub(crate) mod subtitles;
pub(crate) mod xliff;

use std::fmt;

use crate::LineIndex;

/// Why a document could not be read: where it is malformed, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong there.
    pub message: String,
}

impl DocumentError {
    /// An error at byte `offset` of `source`.
    pub(crate) fn at(source: &str, offset: usize, message: impl Into<String>) -> Self {
        let offset = crate::text::char_boundary_before(source, offset.min(source.len()));
        let (line, column) = LineIndex::new(source).line_col(source, offset);
        DocumentError {
            line,
            column,
            message: message.into(),
        }
    }
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for DocumentError {}

/// The lines of `source`: each line's start, the end of its content (before `\r\n` or
/// `\n`) and the start of the next line.
pub(crate) fn lines(source: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mut start = 0;
    source.split_inclusive('\n').map(move |line| {
        let this = start;
        start += line.len();
        let content = line.strip_suffix('\n').unwrap_or(line);
        let content = content.strip_suffix('\r').unwrap_or(content);
        (this, this + content.len(), start)
    })
}
