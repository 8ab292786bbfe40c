//! Site-generator and MDX syntax in Markdown, masked on top of the CommonMark prose mask
//! (see `markdown.rs`): what this module finds is never linted nor changed by a fix.
//!
//! - Hugo and Jekyll/Liquid: `{{ … }}`, `{{< … >}}`, `{{% … %}}`, `{% … %}`. In the last
//!   three, the values of the parameters named in [`PROSE_PARAMETERS`] (`title="…"`) stay
//!   prose; the blocks `{% raw %}`, `{% comment %}`, `{% highlight %}` and Hugo's
//!   `highlight` shortcode are code.
//! - MkDocs admonitions (`!!! note "Title"`, `??? tip`, `???+ tip`): the marker is markup,
//!   the quoted title prose, and the indented body is read as Markdown of its own rather
//!   than as indented code.
//! - Docusaurus admonitions (`:::tip Title`, `:::note[Title]`, `:::`): the colons and
//!   the type are markup, the title prose.
//! - MDX only: `import`/`export` blocks and `{expressions}`. JSX tags are HTML to
//!   CommonMark, so they are masked already, attributes included.
//!
//! In HTML pages (Jekyll layouts, Hugo templates), findings that touch template syntax
//! are dropped: see [`template_ranges`].
//!
//! A masked character becomes U+0001 (code blocks: a space); line breaks and, in inline
//! markup, white space stay.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::INLINE_MASK;

/// Shortcode and Liquid tag parameters whose values are prose.
pub const PROSE_PARAMETERS: &[&str] = &["title", "alt", "caption"];

static TEMPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)\{\{<.*?>\}\}|\{\{%.*?%\}\}|\{\{[^\n]*?\}\}|\{%[^\n]*?%\}")
        .expect("valid regex")
});

static TEMPLATE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?s)\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}",
        r"|\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}",
        r"|\{%-?\s*highlight\b.*?\{%-?\s*endhighlight\s*-?%\}",
        r"|\{\{[<%]\s*highlight\b.*?\{\{[<%]\s*/highlight\s*[>%]\}\}",
    ))
    .expect("valid regex")
});

static PARAMETER: LazyLock<Regex> = LazyLock::new(|| {
    let names = PROSE_PARAMETERS.join("|");
    Regex::new(&format!(r#"\b(?:{names})\s*=\s*"([^"\n]*)""#)).expect("valid regex")
});

static MKDOCS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?m)^( *)(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+"([^"\n]*)")?[ \t]*\r?$"#)
        .expect("valid regex")
});

static DOCUSAURUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[ \t]*:{3,}[\w-]*(?:\[([^\]\n]*)\]|[ \t]+([^\n{]*?))?(?:\{[^\n]*\})?[ \t]*\r?$",
    )
    .expect("valid regex")
});

static ESM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^(?:import|export)\b(?s:.*?)(?:\n[ \t]*\r?\n|\z)").expect("valid regex")
});

/// The source ranges of template syntax (tags and code blocks) in an HTML page: a Jekyll
/// layout or a Hugo template. Findings that touch them are dropped.
pub(crate) fn template_ranges(source: &str) -> Vec<Range<usize>> {
    if !(source.contains("{{") || source.contains("{%")) {
        return Vec::new();
    }
    let mut out: Vec<Range<usize>> = TEMPLATE_CODE.find_iter(source).map(|m| m.range()).collect();
    out.extend(TEMPLATE.find_iter(source).map(|m| m.range()));
    out
}

/// Mask the site-generator (and with `mdx`, MDX) syntax of `source` in its prose mask
/// `mask` (same length); `depth`: how many admonitions deep `source` is.
pub(crate) fn mask(source: &str, mask: &mut String, mdx: bool, depth: usize) {
    let mut bytes = std::mem::take(mask).into_bytes();
    let prose_at = |bytes: &[u8], i: usize| bytes.get(i) == source.as_bytes().get(i);
    for m in TEMPLATE_CODE.find_iter(source) {
        blank(&mut bytes, m.range(), b' ');
    }
    for m in TEMPLATE.find_iter(source) {
        let tag = m.as_str();
        let keep: Vec<Range<usize>> = if !["{{<", "{{%", "{%"].iter().any(|t| tag.starts_with(t)) {
            Vec::new()
        } else {
            PARAMETER
                .captures_iter(tag)
                .filter_map(|c| c.get(1))
                .map(|g| m.start() + g.start()..m.start() + g.end())
                .collect()
        };
        blank_except(&mut bytes, m.range(), &keep);
    }
    for c in DOCUSAURUS.captures_iter(source) {
        let whole = c.get(0).expect("group 0");
        if !prose_at(
            &bytes,
            whole.start() + whole.as_str().find(':').unwrap_or(0),
        ) {
            continue;
        }
        let keep: Vec<_> = [c.get(1), c.get(2)]
            .into_iter()
            .flatten()
            .map(|g| g.range())
            .collect();
        blank_except(&mut bytes, whole.range(), &keep);
    }
    let admonitions: Vec<_> = MKDOCS.captures_iter(source).collect();
    for c in admonitions {
        let whole = c.get(0).expect("group 0");
        let indent = c.get(1).map_or(0, |g| g.len());
        if !prose_at(&bytes, whole.start() + indent) {
            continue;
        }
        let keep: Vec<_> = c.get(2).map(|g| g.range()).into_iter().collect();
        blank_except(&mut bytes, whole.range(), &keep);
        if depth < MAX_NESTING {
            admonition_body(
                source,
                &mut bytes,
                whole.end(),
                indent + 4,
                (mdx, depth + 1),
            );
        }
    }
    if mdx {
        for m in ESM.find_iter(source) {
            let paragraph_start = m.start() == 0 || source[..m.start()].ends_with("\n\n");
            if paragraph_start && prose_at(&bytes, m.start()) {
                blank(&mut bytes, m.range(), b' ');
            }
        }
        expressions(source, &mut bytes);
    }
    *mask = String::from_utf8(bytes).expect("whole characters are replaced by ASCII");
}

/// Replace the bytes of `range` by `with`, except line breaks (and, for inline markup,
/// ASCII white space). Ranges are on character boundaries, and every byte of a non-ASCII
/// character is replaced, so the text stays UTF-8.
fn blank(bytes: &mut [u8], range: Range<usize>, with: u8) {
    for b in &mut bytes[range] {
        let keep = matches!(*b, b'\n' | b'\r') || (with != b' ' && b.is_ascii_whitespace());
        if !keep {
            *b = with;
        }
    }
}

/// [`blank`] `range` with U+0001, except the ranges of `keep` (sorted).
fn blank_except(bytes: &mut [u8], range: Range<usize>, keep: &[Range<usize>]) {
    let mut at = range.start;
    for k in keep {
        blank(bytes, at..k.start, INLINE_MASK as u8);
        at = k.end;
    }
    blank(bytes, at..range.end, INLINE_MASK as u8);
}

/// How deep MkDocs admonitions are read inside each other; deeper bodies stay what
/// CommonMark makes of them (indented code, not linted).
const MAX_NESTING: usize = 8;

/// The body of an MkDocs admonition starting at `from` (after the marker line): the lines
/// indented by `indent` spaces, and blank lines between them, masked as a Markdown
/// (`mdx`: MDX) text of its own, `depth` admonitions deep, with the indentation removed.
fn admonition_body(
    source: &str,
    bytes: &mut [u8],
    from: usize,
    indent: usize,
    (mdx, depth): (bool, usize),
) {
    let prefix = " ".repeat(indent);
    // (source start of the content, length) of each line of the body, and the body.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut body = String::new();
    let mut at = from + usize::from(source[from..].starts_with('\n'));
    for line in source[at..].split_inclusive('\n') {
        let content = if let Some(rest) = line.strip_prefix(prefix.as_str()) {
            rest
        } else if line.trim().is_empty() {
            line.trim_start_matches([' ', '\t'])
        } else {
            break;
        };
        lines.push((at + line.len() - content.len(), content.len()));
        body.push_str(content);
        at += line.len();
    }
    // Trailing blank lines belong to what follows.
    while lines
        .last()
        .is_some_and(|&(s, l)| source[s..s + l].trim().is_empty())
    {
        lines.pop();
    }
    if lines.is_empty() {
        return;
    }
    let body_mask = crate::markdown::nested_mask(&body, mdx, depth);
    // The indentation is white space in `bytes` already.
    let mut d = 0;
    for &(s, l) in &lines {
        bytes[s..s + l].copy_from_slice(&body_mask.as_bytes()[d..d + l]);
        d += l;
    }
}

/// MDX `{expressions}` in prose: balanced braces, found in one pass; an unclosed one
/// runs to the end of its line.
fn expressions(source: &str, bytes: &mut [u8]) {
    let src = source.as_bytes();
    // The start of the open expression and its depth.
    let mut open: Option<(usize, usize)> = None;
    for i in 0..src.len() {
        match (src[i], open) {
            (b'{', None) if bytes[i] == b'{' => open = Some((i, 1)),
            (b'{', Some((start, depth))) => open = Some((start, depth + 1)),
            (b'}', Some((start, 1))) => {
                blank(bytes, start..i + 1, INLINE_MASK as u8);
                open = None;
            }
            (b'}', Some((start, depth))) => open = Some((start, depth - 1)),
            _ => {}
        }
    }
    if let Some((start, _)) = open {
        let end = source[start..].find('\n').map_or(src.len(), |n| start + n);
        blank(bytes, start..end, INLINE_MASK as u8);
    }
}

#[cfg(test)]
mod tests {
    use crate::markdown::{mdx_prose_mask, prose_mask};

    fn shown(mask: &str) -> String {
        mask.replace('\u{1}', "#")
    }

    #[test]
    fn shortcodes_are_masked_but_prose_parameters_are_not() {
        let page = "A {{< sc param=\"the the\" title=\"Big news\" >}} b {{ .Title }} c {% include x.html %}.\n";
        let mask = prose_mask(page);
        assert_eq!(mask.len(), page.len());
        assert_eq!(
            shown(&mask),
            "A ### ## ########## #### #######Big news# ### b ## ###### ## c ## ####### ###### ##.\n"
        );
    }

    #[test]
    fn admonition_bodies_are_markdown_and_markers_are_not_prose() {
        let page = "!!! note \"A title\"\n\n    Body `code` text.\n\n:::tip[Hint]\nMore.\n:::\n";
        let mask = prose_mask(page);
        assert_eq!(
            shown(&mask),
            "### #### #A title#\n\n    Body ###### text.\n\n#######Hint#\nMore.\n###\n"
        );
    }

    #[test]
    fn mdx_imports_exports_and_expressions_are_not_prose() {
        let page = "import X from './x'\nexport const meta = { title: \"a\" }\n\nHi {props.name} <X title=\"t\" />.\n";
        let mask = mdx_prose_mask(page);
        assert_eq!(
            shown(&mask),
            "                   \n                                  \n\nHi ############ ## ######### ##.\n"
        );
    }

    #[test]
    fn deeply_nested_admonitions_are_read_to_a_bounded_depth() {
        let mut page = String::new();
        for level in 0..12 {
            page.push_str(&" ".repeat(4 * level));
            page.push_str("!!! note\n");
        }
        page.push_str(&" ".repeat(4 * 12));
        page.push_str("Deep text.\n");
        let mask = prose_mask(&page);
        assert_eq!(mask.len(), page.len());
        // Below the eighth level, bodies are what CommonMark makes of them: here, lazy
        // continuation lines of a paragraph. Markers stay masked.
        assert!(mask.contains("Deep text."));
        assert!(!mask.contains('!'));
    }

    #[test]
    fn an_unclosed_mdx_expression_runs_to_the_end_of_its_line() {
        let mask = mdx_prose_mask(
            "A {b {c} d

Next line.
",
        );
        assert_eq!(shown(&mask), "A ## ### #\n\nNext line.\n");
    }
}
