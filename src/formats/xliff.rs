//! XLIFF 1.2 and 2.x: the prose is the text of `<target>` elements (not those of
//! `<alt-trans>` suggestions); `<source>` and everything else is left alone.
//!
//! The file is read with `quick-xml`, which reports each event's source offsets. Inside a
//! target, text is copied verbatim, character and predefined entity references are units
//! (`&amp;` stands for `&`), placeholders (`<x/>`, `<bx/>`, `<ex/>`, `<ph/>`, `<sc/>`,
//! `<ec/>`) become U+0001, the content of native-code elements (1.2 `<ph>`, `<bpt>`,
//! `<ept>`, `<it>`) is skipped, and paired tags (`<g>`, `<pc>`, `<mrk>`) are markup: their
//! text is prose, but no fix spans a tag. Replacements are escaped for XML.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::DocumentError;
use crate::html::{Context, ProseView};
use crate::text::INLINE_MASK;

/// Elements whose content is native code, not prose (XLIFF 1.2).
const CODE: &[&str] = &["ph", "bpt", "ept", "it"];

/// The prose view of an XLIFF document (see the module documentation).
pub(crate) fn prose_view(source: &str) -> Result<ProseView, DocumentError> {
    let mut view = ProseView::default();
    // quick-xml skips a byte-order mark and counts positions after it.
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut reader = Reader::from_str(source);
    // Open elements: local name and start offset.
    let mut open: Vec<(String, usize)> = Vec::new();
    // The depth of the open `<target>`, and of an open code element inside it.
    let mut target: Option<usize> = None;
    let mut code: Option<usize> = None;
    let mut root_seen = false;
    let mask = INLINE_MASK.to_string();
    loop {
        let start = bom + reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            DocumentError::at(
                source,
                bom + reader.error_position() as usize,
                format!("not well-formed XML: {e}"),
            )
        })?;
        let end = bom + reader.buffer_position() as usize;
        let prose = target.is_some() && code.is_none();
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = e.local_name().as_ref().to_string();
                if !root_seen {
                    root_seen = true;
                    if name != "xliff" {
                        return Err(DocumentError::at(
                            source,
                            start,
                            format!("not an XLIFF file: the root element is <{name}>, not <xliff>"),
                        ));
                    }
                }
                let empty = matches!(event, Event::Empty(_));
                if prose && (empty || CODE.contains(&name.as_str())) {
                    view.push(&mask, start..end, false, Context::Separator);
                }
                if empty {
                    continue;
                }
                if prose && CODE.contains(&name.as_str()) {
                    code = Some(open.len());
                }
                let in_suggestion = open.iter().any(|(n, _)| n == "alt-trans");
                if target.is_none() && name == "target" && !in_suggestion {
                    target = Some(open.len());
                    view.paragraph_break(end);
                }
                open.push((name, start));
            }
            Event::End(_) => {
                open.pop();
                if code == Some(open.len()) {
                    code = None;
                }
                if target == Some(open.len()) {
                    target = None;
                    view.paragraph_break(start);
                }
            }
            Event::Text(_) if prose => {
                view.push(&source[start..end], start..end, true, Context::Xml);
            }
            Event::CData(_) if prose => {
                let inner = start + "<![CDATA[".len()..end - "]]>".len();
                view.push(&source[inner.clone()], inner, true, Context::Cdata);
            }
            Event::GeneralRef(ref r) => {
                let name = &source[start + 1..end - 1];
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten().map(|c| c.to_string())
                } else {
                    quick_xml::escape::resolve_predefined_entity(name).map(str::to_string)
                };
                let Some(resolved) = resolved else {
                    return Err(DocumentError::at(
                        source,
                        start,
                        format!("unknown entity or character reference `&{name};`"),
                    ));
                };
                if prose {
                    view.push(&resolved, start..end, false, Context::Xml);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some((name, at)) = open.last() {
        return Err(DocumentError::at(
            source,
            *at,
            format!("element <{name}> is not closed"),
        ));
    }
    if !root_seen {
        return Err(DocumentError::at(
            source,
            0,
            "not an XLIFF file: no <xliff> element",
        ));
    }
    Ok(view)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_prose_and_inline_codes_are_markup() {
        let xlf = concat!(
            "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file><body>\n",
            "<trans-unit id=\"1\"><source>Le le chat</source>",
            "<target>The &amp; <g id=\"1\">cat</g><x id=\"2\"/> <ph id=\"3\">{0}</ph>.</target>",
            "<alt-trans><target>Ignored</target></alt-trans></trans-unit>\n</body></file></xliff>\n",
        );
        let view = prose_view(xlf).unwrap();
        assert_eq!(view.text, "The & cat\u{1} \u{1}.\n\n");
        let (span, context) = view.map(4..5);
        assert_eq!(&xlf[span], "&amp;");
        assert_eq!(context, Some(Context::Xml));
        // "& cat" crosses the <g> tag: reported, not fixable.
        let (span, context) = view.map(4..9);
        assert_eq!(&xlf[span], "&amp; <g id=\"1\">cat");
        assert_eq!(context, None);
    }

    #[test]
    fn positions_count_a_byte_order_mark() {
        let xlf = "\u{feff}<xliff version=\"2.0\"><file><unit><segment><target>A &lt; b</target></segment></unit></file></xliff>";
        let view = prose_view(xlf).unwrap();
        assert_eq!(view.text, "A < b\n\n");
        let (span, _) = view.map(0..5);
        assert_eq!(&xlf[span], "A &lt; b");
    }

    #[test]
    fn malformed_files_are_errors_with_a_position() {
        let err = |x: &str| prose_view(x).unwrap_err().to_string();
        assert_eq!(
            err("<xliff>\n<file><target>a</file></xliff>"),
            "2:16: not well-formed XML: ill-formed document: expected `</target>`, but `</file>` was found"
        );
        assert_eq!(
            err("<xliff>\n  <file>"),
            "2:3: element <file> is not closed"
        );
        assert_eq!(
            err("<html></html>"),
            "1:1: not an XLIFF file: the root element is <html>, not <xliff>"
        );
        assert_eq!(
            err("<xliff><target>&nbsp;</target></xliff>"),
            "1:16: unknown entity or character reference `&nbsp;`"
        );
    }
}
