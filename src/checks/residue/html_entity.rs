//! `residue/html-entity`: HTML character reference left in the text.
//!
//! ## What it does
//!
//! A character reference such as `&nbsp;`, `&rsquo;` or `&#8217;` copied as text from a
//! web page or a CMS export, sometimes escaped twice (`&amp;quot;`), or spaced the way
//! Google's translation of a page leaves it (`& quot;`, `& #8217;`).
//!
//! ## Why it matters
//!
//! Numeric, spaced and doubly escaped references are warnings; named ones are info, since
//! Markdown and HTML authors write them on purpose. The safe fix writes the character
//! it stands for; `&lt;`, `&gt;` and `&amp;` get an unsafe fix, since in Markdown or
//! HTML the reference may be meant. Unknown names are not reported.
//!
//! ## Example
//!
//! ```text
//! Canada&rsquo;s&nbsp;mission
//! ```
//!
//! ## Instead
//!
//! The fix gives:
//!
//! ```text
//! Canada’s\u{A0}mission
//! ```

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::rule::{Example, Fixes, Rule, RuleMeta};
use crate::text::{Document, Pattern};

/// A reference, or one with a space after its `&` (`& quot;`), as Google's translation
/// of a web page leaves it.
static REFERENCE: Pattern =
    Pattern::new(r"& ?(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z]{2,8}[0-9]?);");

/// The names a spaced reference may have: those of quotes, spaces and dashes, never an
/// English word (`salt & pepper;`, `this & not;`).
const SPACED: &[&str] = &[
    "quot", "amp", "nbsp", "lt", "gt", "apos", "rsquo", "lsquo", "rdquo", "ldquo", "mdash",
    "ndash", "hellip", "laquo", "raquo",
];

/// The named references that turn up in prose, and the characters they stand for.
const NAMED: &[(&str, char)] = &[
    ("nbsp", '\u{A0}'),
    ("amp", '&'),
    ("quot", '"'),
    ("apos", '\''),
    ("lt", '<'),
    ("gt", '>'),
    ("rsquo", '’'),
    ("lsquo", '‘'),
    ("rdquo", '”'),
    ("ldquo", '“'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("ecirc", 'ê'),
    ("agrave", 'à'),
    ("acirc", 'â'),
    ("ccedil", 'ç'),
    ("ocirc", 'ô'),
    ("icirc", 'î'),
    ("uuml", 'ü'),
    ("ouml", 'ö'),
    ("auml", 'ä'),
    ("szlig", 'ß'),
    ("ntilde", 'ñ'),
    ("aacute", 'á'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("uacute", 'ú'),
    ("Eacute", 'É'),
    ("euro", '€'),
    ("pound", '£'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("middot", '·'),
    ("bull", '•'),
    ("thinsp", '\u{2009}'),
    ("shy", '\u{AD}'),
    ("zwnj", '\u{200C}'),
];

pub struct HtmlEntity {
    meta: RuleMeta,
}

impl HtmlEntity {
    pub fn new() -> Self {
        HtmlEntity {
            meta: RuleMeta {
                id: "residue/html-entity".into(),
                severity: Severity::Warning,
                fix: Some(Applicability::Safe),
                fixes: Fixes::always(Applicability::Safe).or(Applicability::Unsafe),
                summary: "HTML character reference left in the text".into(),
                description: crate::checks::description(file!()),
                origin: file!().into(),
                examples: vec![
                    Example::bad("Canada[&rsquo;]s[&nbsp;]mission", "Canada’s\u{A0}mission")
                        .messages(&[
                            "HTML reference &rsquo; left in the text",
                            "HTML reference &nbsp; left in the text",
                        ]),
                    Example::bad("It[&#8217;]s [&#x201C;]fine[&#x201D;]", "It’s “fine”").messages(
                        &[
                            "HTML reference &#8217; left in the text",
                            "HTML reference &#x201C; left in the text",
                            "HTML reference &#x201D; left in the text",
                        ],
                    ),
                    Example::bad("He said [&amp;]quot;no[&amp;]quot;", "He said \"no\"")
                        .message("HTML reference &amp; left in the text"),
                    Example::bad(
                        "He said [& quot;]no[& quot;] and left.",
                        "He said \"no\" and left.",
                    )
                    .messages(&[
                        "HTML reference & quot; left in the text",
                        "HTML reference & quot; left in the text",
                    ]),
                    Example::good("AT&T and R&D; Q&A; &unknown; 5 & 6"),
                    Example::good("Salt & pepper; this & not; Johnson & Johnson; R & D;"),
                ],
            },
        }
    }
}

/// The character a reference named `name` (what stands between `&` and `;`) stands for.
fn decode(name: &str) -> Option<char> {
    match name.strip_prefix('#') {
        Some(num) => {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|c| !c.is_control() || *c == '\u{A0}')
        }
        None => NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c),
    }
}

impl Rule for HtmlEntity {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn patterns(&self) -> Vec<&str> {
        vec![REFERENCE.source()]
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for m in REFERENCE.find_iter(text) {
            let inner = &m.as_str()[1..m.as_str().len() - 1];
            let (name, spaced) = match inner.strip_prefix(' ') {
                Some(name) => (name, true),
                None => (inner, false),
            };
            if spaced && !name.starts_with('#') && !SPACED.contains(&name) {
                continue;
            }
            let Some(c) = decode(name) else {
                continue;
            };
            let applicability = if matches!(c, '<' | '>' | '&') {
                Applicability::Unsafe
            } else {
                Applicability::Safe
            };
            let fix = Fix {
                replacement: c.to_string(),
                applicability,
            };
            let message = format!("HTML reference {} left in the text", m.as_str());
            let mut d = self.meta.diagnostic(m.range(), message, Some(fix));
            // Markdown and HTML authors write named references on purpose (`&mdash;`);
            // numeric and doubly escaped ones (`&amp;quot;`) are residue.
            // A spaced one is the residue of a machine translation of the page.
            let numeric = name.starts_with('#') || spaced;
            let rest = &text[m.end()..];
            let double = name == "amp"
                && rest
                    .find(';')
                    .filter(|&end| end <= 10)
                    .is_some_and(|end| decode(&rest[..end]).is_some());
            if !numeric && !double {
                d.severity = Severity::Info;
            }
            out.push(d);
        }
    }
}
