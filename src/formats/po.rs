//! gettext PO catalogs: the prose is the translations, `msgstr` and `msgstr[n]`.
//!
//! `msgid`, `msgid_plural`, `msgctxt`, comments, obsolete entries (`#~`) and the header
//! (the entry whose `msgid` is empty) are not linted. A translation split over several
//! string literals is one paragraph; a fix never spans two literals. Escapes are decoded
//! for the rules (`\"` is one `"`, `\n` a line break) and each stays one unit of source;
//! replacements are escaped back. Entries marked `#, fuzzy` are skipped unless asked.

use std::ops::Range;

use super::{lines, DocumentError};
use crate::html::{Context, ProseView};
use crate::text::INLINE_MASK;

/// Which part of an entry a string literal belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Context,
    Id,
    IdPlural,
    Str,
}

/// What is known of the entry being read.
#[derive(Default)]
struct Entry {
    fuzzy: bool,
    /// The decoded `msgid`, once seen.
    id: Option<String>,
    /// The field the last string literal belonged to.
    last: Option<Field>,
}

/// The prose view of a PO catalog (see the module documentation); `fuzzy`: also lint
/// entries marked fuzzy.
pub(crate) fn prose_view(source: &str, fuzzy: bool) -> Result<ProseView, DocumentError> {
    let mut view = ProseView::default();
    let mut entry = Entry::default();
    // Whether the strings of the current field go into the view.
    let mut linted = false;
    for (start, end, _) in lines(source) {
        let line = &source[start..end];
        let trimmed = line.trim_start_matches('\u{feff}').trim_start();
        let at = start + (line.len() - trimmed.len());
        if trimmed.trim_end().is_empty() {
            entry = Entry::default();
            linted = false;
            continue;
        }
        if let Some(comment) = trimmed.strip_prefix('#') {
            if entry.last == Some(Field::Str) {
                entry = Entry::default();
                linted = false;
            }
            if let Some(flags) = comment.strip_prefix(',') {
                entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            }
            continue;
        }
        let (field, literal) = if trimmed.starts_with('"') {
            let Some(field) = entry.last else {
                return Err(DocumentError::at(
                    source,
                    at,
                    "a string that continues nothing (expected msgid, msgstr, … before it)",
                ));
            };
            (field, at)
        } else {
            let keyword_len = trimmed
                .find(|c: char| c.is_whitespace() || c == '"')
                .unwrap_or(trimmed.len());
            let keyword = &trimmed[..keyword_len];
            let field = match keyword {
                "msgctxt" => Field::Context,
                "msgid" => Field::Id,
                "msgid_plural" => Field::IdPlural,
                "msgstr" => Field::Str,
                k if is_plural_str(k) => Field::Str,
                _ => {
                    return Err(DocumentError::at(
                        source,
                        at,
                        format!(
                            "expected msgctxt, msgid, msgid_plural, msgstr, msgstr[N], a string \
                             or a comment, found `{}`",
                            keyword.chars().take(20).collect::<String>()
                        ),
                    ))
                }
            };
            if matches!(field, Field::Context | Field::Id) && entry.last == Some(Field::Str) {
                // A new entry without a blank line before it.
                entry = Entry::default();
            }
            if field == Field::Str && entry.id.is_none() {
                return Err(DocumentError::at(
                    source,
                    at,
                    "msgstr without a msgid before it",
                ));
            }
            let rest = &trimmed[keyword_len..];
            let literal = at + keyword_len + (rest.len() - rest.trim_start().len());
            if !source[literal..end].starts_with('"') {
                return Err(DocumentError::at(
                    source,
                    literal,
                    format!("expected a string in double quotes after `{keyword}`"),
                ));
            }
            if field == Field::Str {
                // The header entry (empty msgid) holds metadata, not prose.
                linted = (fuzzy || !entry.fuzzy) && entry.id.as_deref() != Some("");
                if linted {
                    view.paragraph_break(at);
                }
            }
            if field == Field::Id {
                entry.id = Some(String::new());
            }
            (field, literal)
        };
        entry.last = Some(field);
        let pieces = literal_pieces(source, literal..end)?;
        if field == Field::Id {
            let id = entry.id.get_or_insert_with(String::new);
            pieces.iter().for_each(|p| id.push_str(&p.decoded));
        }
        if field == Field::Str && linted {
            for p in pieces {
                let context = if p.decoded == INLINE_MASK.to_string() {
                    Context::Separator
                } else {
                    Context::Po
                };
                view.push(&p.decoded, p.source, p.verbatim, context);
            }
        }
    }
    Ok(view)
}

/// `msgstr[N]`.
fn is_plural_str(keyword: &str) -> bool {
    keyword
        .strip_prefix("msgstr[")
        .and_then(|k| k.strip_suffix(']'))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A piece of a string literal: verbatim text, or one escape sequence.
struct Piece {
    source: Range<usize>,
    decoded: String,
    verbatim: bool,
}

/// The pieces of the string literal at `range` (from its opening quote to the end of the
/// line): only white space may follow the closing quote.
fn literal_pieces(source: &str, range: Range<usize>) -> Result<Vec<Piece>, DocumentError> {
    let text = &source[range.clone()];
    let mut pieces = Vec::new();
    let mut run = 1;
    let mut chars = text.char_indices().skip(1).peekable();
    let flush = |pieces: &mut Vec<Piece>, from: usize, to: usize| {
        if to > from {
            pieces.push(Piece {
                source: range.start + from..range.start + to,
                decoded: text[from..to].to_string(),
                verbatim: true,
            });
        }
    };
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                flush(&mut pieces, run, i);
                let after = &text[i + 1..];
                if !after.trim().is_empty() {
                    let at = i + 1 + (after.len() - after.trim_start().len());
                    return Err(DocumentError::at(
                        source,
                        range.start + at,
                        "unexpected text after the closing quote",
                    ));
                }
                return Ok(pieces);
            }
            '\\' => {
                flush(&mut pieces, run, i);
                let Some((_, e)) = chars.next() else { break };
                let mut len = 1 + e.len_utf8();
                let decoded = match e {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '"' | '\\' | '\'' | '?' => e,
                    'a' | 'b' | 'f' | 'v' => INLINE_MASK,
                    '0'..='7' => {
                        while len < 4 && chars.next_if(|(_, d)| d.is_digit(8)).is_some() {
                            len += 1;
                        }
                        INLINE_MASK
                    }
                    'x' => {
                        while chars.next_if(|(_, d)| d.is_ascii_hexdigit()).is_some() {
                            len += 1;
                        }
                        INLINE_MASK
                    }
                    _ => {
                        return Err(DocumentError::at(
                            source,
                            range.start + i,
                            format!("unknown escape `\\{e}`"),
                        ))
                    }
                };
                pieces.push(Piece {
                    source: range.start + i..range.start + i + len,
                    decoded: decoded.to_string(),
                    verbatim: false,
                });
                run = i + len;
            }
            _ => {}
        }
    }
    Err(DocumentError::at(
        source,
        range.end,
        "the string is not closed (a `\"` is missing at the end of the line)",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_translations_are_prose_with_escapes_decoded() {
        let po = concat!(
            "msgid \"\"\nmsgstr \"Content-Type: text/plain\\n\"\n\n",
            "#. a comment the the\nmsgctxt \"menu\"\nmsgid \"Fichier\"\nmsgstr \"Say \\\"hi\\\"\"\n",
            "\"again.\"\n\n#, fuzzy\nmsgid \"x\"\nmsgstr \"Fuzzy text\"\n",
        );
        let view = prose_view(po, false).unwrap();
        assert_eq!(view.text, "Say \"hi\"again.");
        let (span, context) = view.map(4..5);
        assert_eq!(&po[span], "\\\"");
        assert_eq!(context, Some(Context::Po));
        // A span over both literals is reported, not fixable.
        let again = view.text.find("again").unwrap();
        let (span, context) = view.map(again - 1..again + 5);
        assert_eq!(&po[span], "\\\"\"\n\"again");
        assert_eq!(context, None);
        let view = prose_view(po, true).unwrap();
        assert_eq!(view.text, "Say \"hi\"again.\n\nFuzzy text");
    }

    #[test]
    fn a_byte_order_mark_is_not_a_keyword() {
        let po = "\u{feff}msgid \"a\"\r\nmsgstr \"The end\"\r\n";
        let view = prose_view(po, false).unwrap();
        assert_eq!(view.text, "The end");
        let (span, _) = view.map(0..3);
        assert_eq!(&po[span], "The");
    }

    #[test]
    fn malformed_catalogs_are_errors_with_a_position() {
        let err = |po: &str| prose_view(po, false).unwrap_err().to_string();
        assert_eq!(
            err("msgid \"a\"\nmsgstr \"b\n"),
            "2:10: the string is not closed (a `\"` is missing at the end of the line)"
        );
        assert_eq!(
            err("msgid \"a\"\nmsgtsr \"b\"\n"),
            "2:1: expected msgctxt, msgid, msgid_plural, msgstr, msgstr[N], a string or a \
             comment, found `msgtsr`"
        );
        assert_eq!(
            err("msgstr \"b\"\n"),
            "1:1: msgstr without a msgid before it"
        );
        assert_eq!(err("msgid \"a\\q\"\n"), "1:9: unknown escape `\\q`");
        assert_eq!(
            err("msgid \"a\" x\n"),
            "1:11: unexpected text after the closing quote"
        );
        assert_eq!(
            err("\"a\"\n"),
            "1:1: a string that continues nothing (expected msgid, msgstr, … before it)"
        );
    }
}
