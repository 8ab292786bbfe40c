//! Markdown: lint the prose only. The document is parsed with a CommonMark parser and
//! turned into a *prose mask*: a text of the same length in which everything that is
//! not prose is blanked out, so every rule sees only prose while every offset stays an
//! offset into the original file. Blocks that are not prose (fenced and indented code,
//! front matter, display math) become spaces, so they separate paragraphs; in HTML
//! blocks only the text nodes are prose (see `html.rs`; character references stay masked);
//! the other characters of inline non-prose (code spans, tags, link destinations, URLs,
//! markup characters) become U+0001, which is neither a letter nor a space, so no sentence
//! or word runs across them.

use std::sync::LazyLock;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use regex::Regex;

pub use crate::text::INLINE_MASK;

static BARE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:https?://|www\.)[^\s<>()\[\]]+|[\w.+-]+@[\w-]+\.[\w.-]+").expect("valid regex")
});

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Prose,
    Inline,
    Block,
}

static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--(.*?)-->").expect("valid regex"));

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_MATH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

/// The HTML comments of a Markdown document (source span and content): those in HTML
/// blocks and inline HTML, not those shown in code.
pub(crate) fn comments(source: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        if let Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) = event {
            let raw = &source[range.clone()];
            for c in COMMENT.captures_iter(raw) {
                let whole = c.get(0).expect("group 0");
                out.push((
                    range.start + whole.start()..range.start + whole.end(),
                    c[1].to_string(),
                ));
            }
        }
    }
    out
}

/// The prose mask of a Markdown document (see the module documentation), with
/// site-generator syntax masked too (see `site.rs`).
pub fn prose_mask(source: &str) -> String {
    nested_mask(source, false, 0)
}

/// The prose mask of an MDX document: [`prose_mask`], with `import`/`export` blocks and
/// `{expressions}` masked too.
pub fn mdx_prose_mask(source: &str) -> String {
    nested_mask(source, true, 0)
}

/// The prose mask of a Markdown (`mdx`: MDX) text nested `depth` admonitions deep.
pub(crate) fn nested_mask(source: &str, mdx: bool, depth: usize) -> String {
    let mut mask = commonmark_mask(source);
    crate::site::mask(source, &mut mask, mdx, depth);
    mask
}

/// The prose mask CommonMark alone gives.
fn commonmark_mask(source: &str) -> String {
    let mut kinds = vec![Kind::Inline; source.len()];
    let options = options();
    // Inside these, text events are not prose.
    let mut hidden = 0usize;
    // For each open link, whether it is an autolink (its text is a URL).
    let mut links: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                // The text nodes of an HTML block are prose, its markup is inline
                // non-prose: no sentence runs across a tag.
                kinds[range.clone()].fill(Kind::Inline);
                let (view, _) = crate::html::prose_view(&source[range.clone()]);
                for text in view.verbatim_source() {
                    kinds[range.start + text.start..range.start + text.end].fill(Kind::Prose);
                }
                hidden += 1;
            }
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_)) => {
                kinds[range].fill(Kind::Block);
                hidden += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock) => {
                hidden -= 1;
            }
            Event::Start(Tag::Link { link_type, .. }) => {
                let auto = matches!(link_type, LinkType::Autolink | LinkType::Email);
                hidden += usize::from(auto);
                links.push(auto);
            }
            Event::End(TagEnd::Link) => {
                hidden -= usize::from(links.pop().unwrap_or(false));
            }
            Event::DisplayMath(_) => kinds[range].fill(Kind::Block),
            Event::Text(_) if hidden == 0 => kinds[range].fill(Kind::Prose),
            _ => {}
        }
    }
    let mut out = String::with_capacity(source.len());
    for (i, c) in source.char_indices() {
        let kind = kinds[i];
        match c {
            '\n' | '\r' => out.push(c),
            _ if kind == Kind::Prose => out.push(c),
            // White space stays white space: the end of a table cell or of a link is an
            // end of prose, not something glued to it.
            _ if kind == Kind::Inline && c.is_whitespace() => out.push(c),
            _ => {
                let blank = if kind == Kind::Block {
                    ' '
                } else {
                    INLINE_MASK
                };
                out.extend(std::iter::repeat_n(blank, c.len_utf8()));
            }
        }
    }
    // URLs and e-mail addresses written as plain text are not prose either.
    let urls: Vec<_> = BARE_URL.find_iter(&out).map(|m| m.range()).collect();
    for range in urls {
        let blank: String = std::iter::repeat_n(INLINE_MASK, range.len()).collect();
        out.replace_range(range, &blank);
    }
    out
}
