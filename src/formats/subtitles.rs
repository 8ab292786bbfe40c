//! SRT and WebVTT subtitles: the prose is the cue text.
//!
//! Cue numbers and identifiers, timing lines (with WebVTT cue settings), the `WEBVTT`
//! header and `NOTE`, `STYLE` and `REGION` blocks are not prose; nor are tags in cue text
//! (`<i>`, `<font …>`, `<v Name>`, `<00:00:01.000>`, SRT `{\an8}`). The lines of a cue
//! are one sentence's worth of text joined by line breaks, and a cue whose text does not
//! end a sentence runs on into the next; a fix never spans a line break, a tag or two
//! cues. WebVTT character references (`&amp;`) are units and replacements are escaped.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{lines, DocumentError};
use crate::html::{Context, ProseView};
use crate::{apply_fixes, Diagnostic, FixMode};

/// Which subtitle format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Srt,
    Vtt,
}

static SRT_TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->[ \t]*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}(?:[ \t].*)?$")
        .expect("valid regex")
});

static VTT_TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}[ \t]+-->[ \t]+(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}(?:[ \t].*)?$")
        .expect("valid regex")
});

/// Markup inside cue text: tags, and SRT's override codes `{\…}`.
static CUE_MARKUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<[^<>\n]*>|\{\\[^{}\n]*\}").expect("valid regex"));

/// WebVTT character references.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:amp|lt|gt|nbsp|lrm|rlm|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
        .expect("valid regex")
});

/// The prose view of a subtitle file (see the module documentation).
pub(crate) fn prose_view(source: &str, kind: Kind) -> Result<ProseView, DocumentError> {
    let mut view = ProseView::default();
    let all: Vec<_> = lines(source).collect();
    let blocks = all.split(|&(s, e, _)| source[s..e].trim().is_empty());
    let mut first = true;
    for block in blocks.filter(|b| !b.is_empty()) {
        let text_of = |i: usize| {
            let (s, e, _) = block[i];
            source[s..e].trim_start_matches('\u{feff}')
        };
        let header = std::mem::replace(&mut first, false);
        if kind == Kind::Vtt {
            if header {
                let h = text_of(0);
                if !(h == "WEBVTT" || h.starts_with("WEBVTT ") || h.starts_with("WEBVTT\t")) {
                    return Err(DocumentError::at(
                        source,
                        block[0].0,
                        "a WebVTT file must start with the line `WEBVTT`",
                    ));
                }
                continue;
            }
            let word = text_of(0).split([' ', '\t']).next().unwrap_or_default();
            if matches!(word, "NOTE" | "STYLE" | "REGION") {
                continue;
            }
        }
        // The timing line: first, or after a cue number (SRT) or identifier (WebVTT).
        let timing = usize::from(!text_of(0).contains("-->"));
        if kind == Kind::Srt
            && timing == 1
            && !text_of(0).trim().bytes().all(|b| b.is_ascii_digit())
        {
            return Err(DocumentError::at(
                source,
                block[0].0,
                format!("expected a cue number, found `{}`", excerpt(text_of(0))),
            ));
        }
        let pattern = match kind {
            Kind::Srt => &SRT_TIMING,
            Kind::Vtt => &VTT_TIMING,
        };
        let Some(&(ts, _, _)) = block.get(timing) else {
            return Err(DocumentError::at(
                source,
                block[0].2,
                "expected a timing line (`00:00:01,000 --> 00:00:02,500`) after the cue number",
            ));
        };
        if !pattern.is_match(text_of(timing).trim_end()) {
            let example = match kind {
                Kind::Srt => "00:00:01,000 --> 00:00:02,500",
                Kind::Vtt => "00:01.000 --> 00:02.500",
            };
            return Err(DocumentError::at(
                source,
                ts,
                format!(
                    "expected a timing line (`{example}`), found `{}`",
                    excerpt(text_of(timing))
                ),
            ));
        }
        let cue = &block[timing + 1..];
        for (n, &(start, end, next)) in cue.iter().enumerate() {
            add_line(&mut view, source, start..end, kind);
            if n + 1 < cue.len() {
                view.push("\n", end..next, false, Context::Separator);
            }
        }
        // A cue that ends a sentence ends a paragraph; otherwise the sentence runs on.
        if let Some(&(_, end, _)) = cue.last() {
            let ends = view
                .text
                .trim_end()
                .trim_end_matches(['"', '\'', '”', '’', '»', ')'])
                .ends_with(['.', '!', '?', '…', ':']);
            if ends {
                view.paragraph_break(end);
            } else {
                view.push("\n", end..end, false, Context::Separator);
            }
        }
    }
    Ok(view)
}

/// Add one line of cue text: its markup left out, its references as units.
fn add_line(view: &mut ProseView, source: &str, line: Range<usize>, kind: Kind) {
    let text = &source[line.clone()];
    let context = match kind {
        Kind::Srt => Context::Cue,
        Kind::Vtt => Context::VttCue,
    };
    let verbatim = |view: &mut ProseView, piece: Range<usize>| {
        let range = line.start + piece.start..line.start + piece.end;
        view.push(&source[range.clone()], range, true, context);
    };
    // Text between markup: verbatim, but WebVTT references are units.
    let add_text = |view: &mut ProseView, piece: Range<usize>| {
        let mut at = piece.start;
        if kind == Kind::Vtt {
            for r in REFERENCE.find_iter(&text[piece.clone()]) {
                let r = piece.start + r.start()..piece.start + r.end();
                verbatim(view, at..r.start);
                let decoded = decode_reference(&text[r.clone()]);
                view.push(
                    &decoded,
                    line.start + r.start..line.start + r.end,
                    false,
                    context,
                );
                at = r.end;
            }
        }
        verbatim(view, at..piece.end);
    };
    let mut copied = 0;
    for m in CUE_MARKUP.find_iter(text) {
        add_text(view, copied..m.start());
        copied = m.end();
    }
    add_text(view, copied..text.len());
}

/// What a WebVTT character reference (as [`REFERENCE`] matches) stands for.
fn decode_reference(reference: &str) -> String {
    let name = &reference[1..reference.len() - 1];
    let code = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "nbsp" => Some('\u{a0}'),
        "lrm" => Some('\u{200e}'),
        "rlm" => Some('\u{200f}'),
        _ => {
            let n = name.trim_start_matches('#');
            let value = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => n.parse().ok(),
            };
            value.and_then(char::from_u32)
        }
    };
    code.unwrap_or('\u{fffd}').to_string()
}

/// Drop the fixes that would leave a line of cue text blank, alone or together with the
/// other fixes on its line: a blank line ends a cue, so the rest of the cue would no
/// longer read as a cue (found by mapping through [`ProseView::map_diagnostics`], whose
/// fixes never span a line break).
pub(crate) fn keep_cue_lines(source: &str, found: &mut [Diagnostic]) {
    let line_of = |d: &Diagnostic| {
        let start = source[..d.span.start].rfind('\n').map_or(0, |i| i + 1);
        let end = source[d.span.end..]
            .find('\n')
            .map_or(source.len(), |i| d.span.end + i);
        start..end
    };
    let blanks = |line: &Range<usize>, fixes: &[&Diagnostic]| {
        let local: Vec<Diagnostic> = fixes
            .iter()
            .map(|d| {
                let mut d = (*d).clone();
                d.span = d.span.start - line.start..d.span.end - line.start;
                d
            })
            .collect();
        apply_fixes(&source[line.clone()], &local, FixMode::IncludeUnsafe)
            .is_some_and(|(after, _)| after.split('\n').any(|l| l.trim().is_empty()))
    };
    let mut fixable: Vec<(Range<usize>, usize)> = (0..found.len())
        .filter(|&i| found[i].fix.is_some())
        .map(|i| (line_of(&found[i]), i))
        .collect();
    fixable.sort_by_key(|(line, i)| (line.start, *i));
    let mut drop = Vec::new();
    for group in fixable.chunk_by(|a, b| a.0 == b.0) {
        let line = &group[0].0;
        let all: Vec<&Diagnostic> = group.iter().map(|&(_, i)| &found[i]).collect();
        let together = blanks(line, &all);
        drop.extend(
            group
                .iter()
                .filter(|&&(_, i)| together || blanks(line, &[&found[i]]))
                .map(|&(_, i)| i),
        );
    }
    for i in drop {
        found[i].fix = None;
        found[i].message.push_str(crate::html::UNSAFE_TO_APPLY);
    }
}

/// At most 40 characters of a line, for a message.
fn excerpt(line: &str) -> String {
    line.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_text_is_prose_and_maps_back_through_tags_and_references() {
        let vtt = "WEBVTT\n\nNOTE the the\n\n1\n00:01.000 --> 00:02.000 align:start\n<v A>Fish &amp; chips</v>\r\nat the\n\n00:03.000 --> 00:04.000\nthe pier.\n";
        let view = prose_view(vtt, Kind::Vtt).unwrap();
        assert_eq!(view.text, "Fish & chips\nat the\nthe pier.\n\n");
        let (span, context) = view.map(5..6);
        assert_eq!(&vtt[span], "&amp;");
        assert_eq!(context, Some(Context::VttCue));
        // Across the line break of a cue, and across two cues: reported, not fixable.
        let (span, context) = view.map(10..15);
        assert_eq!(&vtt[span], "ps</v>\r\nat");
        assert_eq!(context, None);
        let the = view.text.rfind("the").unwrap();
        let (span, context) = view.map(the - 4..the + 3);
        assert_eq!(&vtt[span], "the\n\n00:03.000 --> 00:04.000\nthe");
        assert_eq!(context, None);
    }

    #[test]
    fn a_fix_that_would_blank_a_cue_line_is_not_offered() {
        let linter = crate::Linter::builtin();
        let srt = "1\n00:00:01,000 --> 00:00:02,000\n\u{c2} \nnext line.\n";
        let found = linter.try_lint_document(srt, crate::Markup::Srt).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(&srt[found[0].span.clone()], "\u{c2}");
        assert!(found[0].fix.is_none());
        assert!(found[0].message.ends_with(crate::html::UNSAFE_TO_APPLY));
        let fixed = linter.fix_document(srt, crate::Markup::Srt, FixMode::IncludeUnsafe);
        assert_eq!(fixed.text, srt);
        // With a word left on the line, the same fix is offered.
        let srt = srt.replace("\u{c2} ", "\u{c2} Hi");
        let fixed = linter.fix_document(&srt, crate::Markup::Srt, FixMode::IncludeUnsafe);
        assert_eq!(
            fixed.text,
            "1\n00:00:01,000 --> 00:00:02,000\n Hi\nnext line.\n"
        );
    }

    #[test]
    fn malformed_subtitles_are_errors_with_a_position() {
        let err = |s: &str, kind| prose_view(s, kind).unwrap_err().to_string();
        assert_eq!(
            err("1\n00:00:01,000 --> 00:00:02,000\nHi.\n\nx\n", Kind::Srt),
            "5:1: expected a cue number, found `x`"
        );
        assert_eq!(
            err("1\n", Kind::Srt),
            "2:1: expected a timing line (`00:00:01,000 --> 00:00:02,500`) after the cue number"
        );
        assert_eq!(
            err("WEBVTT\n\n00:01.000 --> 00:02\nHi.\n", Kind::Vtt),
            "3:1: expected a timing line (`00:01.000 --> 00:02.500`), found `00:01.000 --> 00:02`"
        );
    }
}
