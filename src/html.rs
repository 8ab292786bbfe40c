//! HTML: lint the text nodes (and `alt`/`title` attribute values) only.
//!
//! The document is tokenized with `html5gum`, a WHATWG-compliant tokenizer that reports
//! the source span of every token and decodes character references. Unlike Markdown, a
//! same-length mask cannot work here: `&laquo;` is one character of prose but seven bytes
//! of source. So the prose is built as a separate string, a [`ProseView`], together with
//! a map of *segments*: runs of prose copied verbatim from the source (offsets shift by a
//! constant), *units* (a character reference or a CRLF, one indivisible piece of source
//! standing for one or two characters), and *separators* (placeholders standing for
//! markup: a paragraph break for block elements, U+0001 for inline code).
//!
//! Each diagnostic span is mapped back to the source: a span that starts or ends inside
//! a unit covers the whole unit. A fix is kept only if its span covers whole units of one
//! contiguous run of text (no markup in between, no separator), and its replacement is
//! escaped for where it lands (`&` and `<` in text, `&` and the quote in attributes).

use std::ops::Range;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};

use crate::diagnostic::Diagnostic;
use crate::text::INLINE_MASK;

/// Where a piece of prose comes from, which decides how a replacement is escaped. The
/// readers of `formats/` build the same view with their own contexts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Context {
    /// A text node.
    Text,
    /// An attribute value, with its quote character (`None`: unquoted).
    Attribute(Option<u8>),
    /// The inside of a PO string literal (`\\`, `\"`, `\n`, `\t` escaped).
    Po,
    /// XML character data (XLIFF): `&`, `<` and `>` escaped.
    Xml,
    /// An XML CDATA section: written as is, but never with `]]>`.
    Cdata,
    /// SRT cue text: written as is, but never with a blank line or `-->`.
    Cue,
    /// WebVTT cue text: as [`Context::Cue`], with `&`, `<` and `>` escaped.
    VttCue,
    /// A placeholder for markup: no fix may touch it.
    Separator,
}

#[derive(Debug, Clone)]
struct Segment {
    /// Start in the prose text.
    prose: usize,
    /// Length in the prose text.
    prose_len: usize,
    /// Start in the source.
    source: usize,
    /// Length in the source.
    source_len: usize,
    /// Copied byte for byte: offsets inside map one to one.
    verbatim: bool,
    context: Context,
}

/// The prose of a document, and how to map its offsets back to the source.
#[derive(Debug, Default)]
pub(crate) struct ProseView {
    /// What the rules see.
    pub text: String,
    segments: Vec<Segment>,
}

impl ProseView {
    pub(crate) fn push(
        &mut self,
        prose: &str,
        source: Range<usize>,
        verbatim: bool,
        context: Context,
    ) {
        if prose.is_empty() {
            return;
        }
        if verbatim {
            if let Some(last) = self.segments.last_mut() {
                if last.verbatim
                    && last.context == context
                    && last.source + last.source_len == source.start
                {
                    last.prose_len += prose.len();
                    last.source_len += source.len();
                    self.text.push_str(prose);
                    return;
                }
            }
        }
        self.segments.push(Segment {
            prose: self.text.len(),
            prose_len: prose.len(),
            source: source.start,
            source_len: source.len(),
            verbatim,
            context,
        });
        self.text.push_str(prose);
    }

    /// A paragraph break standing for the markup at `at` (collapsed with the previous one).
    pub(crate) fn paragraph_break(&mut self, at: usize) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            let prose = if self.text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            self.push(prose, at..at, false, Context::Separator);
        }
    }

    /// Add the text of a token: `raw` is its source (starting at `start`), `decoded` what
    /// the tokenizer made of it. Returns `false`, adding nothing, if the two cannot be
    /// aligned.
    fn add_decoded(&mut self, raw: &str, start: usize, decoded: &str, context: Context) -> bool {
        let Some(pieces) = align(raw, decoded) else {
            return false;
        };
        for piece in pieces {
            let source = start + piece.raw.start..start + piece.raw.end;
            let verbatim = piece.raw.len() == piece.decoded.len()
                && raw[piece.raw.clone()] == decoded[piece.decoded.clone()];
            self.push(&decoded[piece.decoded], source, verbatim, context);
        }
        true
    }

    /// The source ranges of text nodes copied verbatim into the prose (less character
    /// references and line breaks).
    pub fn verbatim_source(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.segments
            .iter()
            .filter(|s| s.verbatim && s.context == Context::Text)
            .map(|s| s.source..s.source + s.source_len)
    }

    /// Map a prose span to the source. Returns the source span and, if a fix on this
    /// span can be applied to the source, the context of its text.
    pub(crate) fn map(&self, span: Range<usize>) -> (Range<usize>, Option<Context>) {
        let Some(last) = self.segments.last() else {
            return (0..0, None);
        };
        let first_ending_after = |p: usize| {
            self.segments
                .partition_point(|s| s.prose + s.prose_len <= p)
        };
        let first_ending_at_or_after =
            |p: usize| self.segments.partition_point(|s| s.prose + s.prose_len < p);
        let mut whole = true;
        let i = first_ending_after(span.start).min(self.segments.len() - 1);
        let s = &self.segments[i];
        let start = if span.start >= s.prose + s.prose_len {
            // The very end of the prose.
            last.source + last.source_len
        } else if s.verbatim {
            s.source + span.start.saturating_sub(s.prose)
        } else {
            whole &= span.start <= s.prose;
            s.source
        };
        if span.is_empty() {
            let context = (s.context != Context::Separator && whole).then_some(s.context);
            return (start..start, context);
        }
        let j = first_ending_at_or_after(span.end).min(self.segments.len() - 1);
        let e = &self.segments[j];
        let end = if e.verbatim {
            e.source + (span.end - e.prose).min(e.source_len)
        } else {
            whole &= span.end == e.prose + e.prose_len;
            e.source + e.source_len
        };
        let covered = &self.segments[i..=j];
        let context = covered[0].context;
        let fixable = whole
            && context != Context::Separator
            && covered.iter().all(|c| c.context == context)
            && covered
                .windows(2)
                .all(|w| w[0].source + w[0].source_len == w[1].source);
        (start..end.max(start), fixable.then_some(context))
    }

    /// Map diagnostics found in [`ProseView::text`] to the source: spans widened to whole
    /// units, fixes escaped for their context, or dropped when they cannot be applied
    /// (they would change markup, or bytes outside the prose), which the message tells.
    pub fn map_diagnostics(&self, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
        found
            .into_iter()
            .map(|mut d| {
                let (span, context) = self.map(d.span.clone());
                d.span = span;
                let had_fix = d.fix.is_some();
                d.fix = d.fix.and_then(|mut fix| {
                    fix.replacement = escape(&fix.replacement, context?)?;
                    Some(fix)
                });
                if had_fix && d.fix.is_none() {
                    d.message.push_str(UNSAFE_TO_APPLY);
                }
                d
            })
            .collect()
    }
}

/// What the message of a finding whose fix was dropped ends with.
pub(crate) const UNSAFE_TO_APPLY: &str =
    " (fix unsafe to apply: it would change text outside the prose)";

/// The replacement as it must be written in the source, or `None` if it cannot be.
fn escape(replacement: &str, context: Context) -> Option<String> {
    let forbidden = match context {
        Context::Cdata => replacement.contains("]]>"),
        Context::Cue | Context::VttCue => {
            replacement.contains("-->") || replacement.contains("\n\n")
        }
        _ => false,
    };
    if forbidden {
        return None;
    }
    let mut out = String::with_capacity(replacement.len());
    for c in replacement.chars() {
        match (c, context) {
            ('\\', Context::Po) => out.push_str("\\\\"),
            ('"', Context::Po) => out.push_str("\\\""),
            ('\n', Context::Po) => out.push_str("\\n"),
            ('\t', Context::Po) => out.push_str("\\t"),
            ('\r', Context::Po) => out.push_str("\\r"),
            (_, Context::Po | Context::Cdata | Context::Cue) => out.push(c),
            ('>', Context::Xml | Context::VttCue) => out.push_str("&gt;"),
            ('&', _) => out.push_str("&amp;"),
            ('<', Context::Text | Context::Xml | Context::VttCue) => out.push_str("&lt;"),
            ('"', Context::Attribute(Some(b'"'))) => out.push_str("&quot;"),
            ('\'', Context::Attribute(Some(b'\''))) => out.push_str("&#39;"),
            (
                '"' | '\'' | '=' | '<' | '>' | '`' | ' ' | '\t' | '\n' | '\r' | '\u{c}',
                Context::Attribute(None),
            ) => return None,
            (_, Context::Separator) => return None,
            _ => out.push(c),
        }
    }
    Some(out)
}

/// A piece of a token: `raw` (source) stands for `decoded` (prose). Pieces that differ
/// are one character reference, CRLF or NUL each.
struct Piece {
    raw: Range<usize>,
    decoded: Range<usize>,
}

/// Align the source of a token with its decoded text. The tokenizer copies everything but
/// character references, carriage returns (CRLF and CR become LF) and NUL. At each `&`
/// there are several readings: no reference, or a reference of some length standing for
/// one or two characters (`&notit;` is `&not` then `it;`). They are tried in that order,
/// longest reference first, with backtracking, and only readings after which the source
/// is copied verbatim up to its next special byte are considered.
fn align(raw: &str, decoded: &str) -> Option<Vec<Piece>> {
    let rb = raw.as_bytes();
    let db = decoded.as_bytes();
    let next_special = |from: usize| {
        rb[from..]
            .iter()
            .position(|&b| matches!(b, b'&' | b'\r' | b'\0'))
            .map_or(rb.len(), |p| from + p)
    };
    // Whether the source from `i` to its next special byte is copied verbatim at `j`.
    let agrees = |i: usize, j: usize| {
        let k = next_special(i);
        let run = &rb[i..k];
        db.get(j..j + run.len()) == Some(run) && (k < rb.len() || j + run.len() == db.len())
    };
    let char_len = |at: usize| decoded.get(at..)?.chars().next().map(char::len_utf8);
    // The states that may follow state (i, j), the preferred one last.
    let options = |i: usize, j: usize| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if i == rb.len() {
            return out;
        }
        match rb[i] {
            b'\r' => {
                let len = if rb.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                if db.get(j) == Some(&b'\n') {
                    out.push((i + len, j + 1));
                }
            }
            b'\0' => {
                if let Some(n) = char_len(j) {
                    out.push((i + 1, j + n));
                }
            }
            b'&' => {
                let name_end = i
                    + 1
                    + rb[i + 1..]
                        .iter()
                        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'#'))
                        .unwrap_or(rb.len() - i - 1);
                let longest = if rb.get(name_end) == Some(&b';') {
                    name_end + 1
                } else {
                    name_end
                };
                let one = char_len(j).map(|n| j + n);
                let two = one.and_then(|p| Some(p + char_len(p)?));
                for produced in [two, one].into_iter().flatten() {
                    for end in i + 2..=longest {
                        if agrees(end, produced) {
                            out.push((end, produced));
                        }
                    }
                }
                if db.get(j) == Some(&b'&') && agrees(i + 1, j + 1) {
                    out.push((i + 1, j + 1));
                }
            }
            _ => {
                let k = next_special(i);
                if db.get(j..j + (k - i)) == Some(&rb[i..k]) {
                    out.push((k, j + (k - i)));
                }
            }
        }
        out
    };
    // Depth-first search, remembering the states that lead nowhere.
    let mut dead = std::collections::HashSet::new();
    let mut stack = vec![((0, 0), options(0, 0))];
    loop {
        let (state, remaining) = stack.last_mut()?;
        if *state == (rb.len(), db.len()) {
            break;
        }
        match remaining.pop() {
            Some(next) if !dead.contains(&next) => {
                let more = options(next.0, next.1);
                stack.push((next, more));
            }
            Some(_) => {}
            None => {
                dead.insert(*state);
                stack.pop();
            }
        }
    }
    Some(
        stack
            .windows(2)
            .map(|w| Piece {
                raw: w[0].0 .0..w[1].0 .0,
                decoded: w[0].0 .1..w[1].0 .1,
            })
            .collect(),
    )
}

/// Elements whose content is not prose, and which separate paragraphs.
const SKIPPED_BLOCKS: &[&[u8]] = &[
    b"script",
    b"style",
    b"pre",
    b"textarea",
    b"noscript",
    b"iframe",
    b"xmp",
    b"noembed",
    b"noframes",
    b"plaintext",
    b"svg",
    b"math",
    b"template",
];

/// Inline elements whose content is not prose (code, keyboard input, sample output).
const SKIPPED_INLINE: &[&[u8]] = &[b"code", b"kbd", b"samp", b"var", b"tt"];

/// Elements that start and end a block of text: no sentence runs across them.
const BLOCKS: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"body",
    b"br",
    b"button",
    b"caption",
    b"center",
    b"dd",
    b"details",
    b"dialog",
    b"dir",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"header",
    b"hgroup",
    b"hr",
    b"html",
    b"img",
    b"input",
    b"label",
    b"legend",
    b"li",
    b"link",
    b"main",
    b"menu",
    b"meta",
    b"nav",
    b"ol",
    b"optgroup",
    b"option",
    b"p",
    b"section",
    b"select",
    b"summary",
    b"table",
    b"tbody",
    b"td",
    b"tfoot",
    b"th",
    b"thead",
    b"title",
    b"tr",
    b"ul",
    b"video",
    b"audio",
];

/// A token of the document, with its source span.
enum Token {
    Start(Vec<u8>, usize),
    AttributeName(Vec<u8>),
    AttributeValue(Vec<u8>, Range<usize>),
    CloseStart(bool, usize),
    End(Vec<u8>, Range<usize>),
    Text(Vec<u8>, Range<usize>),
    Comment(Vec<u8>, Range<usize>),
}

fn tokens(source: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, span: Span<usize>| {
        let range = span.start..span.end;
        out.push(match event {
            CallbackEvent::OpenStartTag { name } => Token::Start(name.to_vec(), span.start),
            CallbackEvent::AttributeName { name } => Token::AttributeName(name.to_vec()),
            CallbackEvent::AttributeValue { value } => Token::AttributeValue(value.to_vec(), range),
            CallbackEvent::CloseStartTag { self_closing } => {
                Token::CloseStart(self_closing, span.end)
            }
            CallbackEvent::EndTag { name } => Token::End(name.to_vec(), range),
            CallbackEvent::String { value } => Token::Text(value.to_vec(), range),
            CallbackEvent::Comment { value } => Token::Comment(value.to_vec(), range),
            CallbackEvent::Doctype { .. } | CallbackEvent::Error(_) => return None::<()>,
        });
        None
    });
    emitter.naively_switch_states(true);
    for _ in Tokenizer::new_with_emitter(source, emitter) {}
    out
}

/// The prose of an HTML document, and its comments (source span and content), where
/// suppression directives live.
pub(crate) fn prose_view(source: &str) -> (ProseView, Vec<(Range<usize>, String)>) {
    let mut view = ProseView::default();
    let mut comments = Vec::new();
    // Open elements whose content is skipped, innermost last.
    let mut skipped: Vec<Vec<u8>> = Vec::new();
    let mut tag: (Vec<u8>, usize) = (Vec::new(), 0);
    let mut attribute: Vec<u8> = Vec::new();
    let raw = |range: &Range<usize>| source.get(range.clone());
    for token in tokens(source) {
        match token {
            Token::Start(name, at) => {
                tag = (name, at);
                attribute.clear();
            }
            Token::AttributeName(name) => attribute = name,
            Token::AttributeValue(value, range) => {
                let prose = matches!(attribute.as_slice(), b"alt" | b"title");
                let (Some(text), Ok(value)) = (raw(&range), std::str::from_utf8(&value)) else {
                    continue;
                };
                if prose && skipped.is_empty() {
                    let quote = range
                        .start
                        .checked_sub(1)
                        .map(|q| source.as_bytes()[q])
                        .filter(|q| matches!(q, b'"' | b'\''));
                    view.paragraph_break(range.start);
                    view.add_decoded(text, range.start, value, Context::Attribute(quote));
                    view.paragraph_break(range.end);
                }
            }
            Token::CloseStart(self_closing, end) => {
                let name = tag.0.as_slice();
                let at = tag.1;
                if SKIPPED_BLOCKS.contains(&name) || SKIPPED_INLINE.contains(&name) {
                    if skipped.is_empty() {
                        if SKIPPED_INLINE.contains(&name) {
                            let mask = INLINE_MASK.to_string();
                            view.push(&mask, at..end, false, Context::Separator);
                        } else {
                            view.paragraph_break(at);
                        }
                    }
                    if !self_closing {
                        skipped.push(name.to_vec());
                    }
                } else if BLOCKS.contains(&name) {
                    view.paragraph_break(at);
                }
            }
            Token::End(name, range) => {
                if let Some(open) = skipped.iter().rposition(|s| *s == name) {
                    skipped.truncate(open);
                    if skipped.is_empty() && SKIPPED_BLOCKS.contains(&name.as_slice()) {
                        view.paragraph_break(range.start);
                    }
                } else if skipped.is_empty() && BLOCKS.contains(&name.as_slice()) {
                    view.paragraph_break(range.start);
                }
            }
            Token::Text(value, range) => {
                if !skipped.is_empty() {
                    continue;
                }
                let (Some(text), Ok(value)) = (raw(&range), std::str::from_utf8(&value)) else {
                    continue;
                };
                if !view.add_decoded(text, range.start, value, Context::Text) {
                    // Never guess positions: text that cannot be aligned is not linted.
                    view.paragraph_break(range.start);
                }
            }
            Token::Comment(value, range) => {
                comments.push((range, String::from_utf8_lossy(&value).into_owned()));
            }
        }
    }
    (view, comments)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(raw: &str, decoded: &str) -> Vec<(&'static str, String, String)> {
        align(raw, decoded)
            .unwrap()
            .into_iter()
            .map(|p| ("", raw[p.raw].to_string(), decoded[p.decoded].to_string()))
            .collect()
    }

    #[test]
    fn references_align_with_what_they_stand_for() {
        let got = pieces(
            "&laquo;&nbsp;Bonjour &notit; &amp &x;\r\n",
            "«\u{a0}Bonjour ¬it; & &x;\n",
        );
        let got: Vec<_> = got
            .iter()
            .map(|(_, r, d)| (r.as_str(), d.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("&laquo;", "«"),
                ("&nbsp;", "\u{a0}"),
                ("Bonjour ", "Bonjour "),
                ("&not", "¬"),
                ("it; ", "it; "),
                ("&amp", "&"),
                (" ", " "),
                ("&", "&"),
                ("x;", "x;"),
                ("\r\n", "\n"),
            ]
        );
    }

    #[test]
    fn text_that_does_not_match_is_not_aligned() {
        assert!(align("abc", "abd").is_none());
        assert!(align("&amp;", "&amp;x").is_none());
    }

    #[test]
    fn spans_map_to_whole_references_and_fixes_stay_inside_text() {
        let source = "<p>A &laquo;&nbsp;b <em>c</em>.</p>";
        let (view, _) = prose_view(source);
        assert_eq!(view.text, "A «\u{a0}b c.\n\n");
        // "«\u{a0}" maps to both references, and a fix on it is text.
        let (span, context) = view.map(2..2 + "«\u{a0}".len());
        assert_eq!(&source[span], "&laquo;&nbsp;");
        assert_eq!(context, Some(Context::Text));
        // "b c" crosses markup: reported, not fixable.
        let b = view.text.find('b').unwrap();
        let (span, context) = view.map(b..b + 3);
        assert_eq!(&source[span], "b <em>c");
        assert_eq!(context, None);
    }

    #[test]
    fn replacements_are_escaped_for_their_context() {
        assert_eq!(escape("a<&b", Context::Text).unwrap(), "a&lt;&amp;b");
        assert_eq!(
            escape("\"x' <", Context::Attribute(Some(b'"'))).unwrap(),
            "&quot;x' <"
        );
        assert_eq!(escape("a b", Context::Attribute(None)), None);
        assert_eq!(escape("x", Context::Separator), None);
        assert_eq!(escape("a\"b\\c\n", Context::Po).unwrap(), r#"a\"b\\c\n"#);
        assert_eq!(escape("a<&>b", Context::Xml).unwrap(), "a&lt;&amp;&gt;b");
        assert_eq!(escape("a<&b", Context::Cdata).unwrap(), "a<&b");
        assert_eq!(escape("a]]>b", Context::Cdata), None);
        assert_eq!(escape("a<b", Context::Cue).unwrap(), "a<b");
        assert_eq!(escape("a\n\nb", Context::Cue), None);
        assert_eq!(escape("a&b", Context::VttCue).unwrap(), "a&amp;b");
        assert_eq!(escape("a --> b", Context::VttCue), None);
    }
}

#[cfg(test)]
mod alignment_properties {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "a",
        "the",
        " ",
        "\n",
        "\r\n",
        "\r",
        "&",
        "&amp;",
        "&amp",
        "&nbsp;",
        "&nbsp",
        "&notit;",
        "&not",
        "&#8217;",
        "&#x2019;",
        "&#0;",
        "&#128;",
        "&#xD800;",
        "&#99999999;",
        "&#;",
        "&#x;",
        "&NotEqualTilde;",
        "&acE;",
        "&unknown;",
        "&lt",
        "&ltx",
        "=",
        ";",
        "#",
        "x",
        "<p>",
        "</p>",
        "<b title=\"&amp;x\">",
        "<i alt='&nbsp'>",
        "<img alt=&lt;a>",
        "<title>",
        "</title>",
        "<textarea>",
        "</textarea>",
        "\0",
        "é",
        "«",
        "<!-- c -->",
        "<",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The source of every text token and attribute value aligns with its decoding.
        #[test]
        fn every_token_aligns(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40)) {
            let source: String = pieces.concat();
            for token in tokens(&source) {
                let (value, range) = match token {
                    Token::Text(v, r) | Token::AttributeValue(v, r) => (v, r),
                    _ => continue,
                };
                let decoded = String::from_utf8(value).unwrap();
                prop_assert!(
                    align(&source[range.clone()], &decoded).is_some(),
                    "{:?} -> {:?} in {:?}", &source[range], decoded, source
                );
            }
        }
    }
}
