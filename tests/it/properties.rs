//! Properties of linting and fixing, over prose salted with artifacts and over arbitrary
//! Unicode.

use std::sync::LazyLock;

use mtlint::{apply_fixes, FixMode, Linter, Markup};
use proptest::prelude::*;

use crate::common::*;

static LINTER: LazyLock<Linter> = LazyLock::new(Linter::builtin);

/// Pieces of prose and of the artifacts mtlint looks for.
const PIECES: &[&str] = &[
    "the",
    "The",
    "mission",
    "Iraq",
    "said",
    "and",
    "d",
    "l",
    "qu",
    "it",
    "is",
    "had",
    "that",
    "secular",
    "divisions",
    "states-",
    "United",
    "long-",
    "term",
    "U.S.",
    "e.g.",
    "etc.",
    "3.5",
    "$",
    "€",
    "20",
    "1,39",
    "1 390",
    ".",
    ". .",
    "..",
    "...",
    "…",
    ",",
    ",,",
    " ,",
    "!",
    " !",
    "?",
    " ?",
    ":",
    " :",
    ";",
    "“",
    "”",
    " ”",
    "“ ",
    "‘",
    "’",
    "«",
    "»",
    "« ",
    " »",
    "\"",
    "'",
    "(Jane Doe / The Press)",
    "Please enter your comment!",
    "Read also:",
    "Advertisement",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "  ",
    "\t",
    "\u{A0}",
    "\u{202F}",
    "é",
    "🙂",
    "-",
    "–",
    "â€™",
    "â€",
    "Ã©",
    "Ã¢â‚¬â„¢",
    "Â ",
    "&nbsp;",
    "&amp;",
    "&#8217;",
    "&lt;",
    "`",
    "```\n",
    "[",
    "](http://x.y/a..b)",
    "*",
    "# ",
    "| ",
    "---\n",
    "<b>",
    "    ",
];

/// Up to 60 of `pieces` in a row, each followed by a space or not.
fn salted(pieces: Vec<&'static str>) -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(pieces), prop::bool::ANY), 0..60).prop_map(
        |pieces| {
            pieces
                .into_iter()
                .map(|(p, space)| {
                    if space {
                        format!("{p} ")
                    } else {
                        p.to_string()
                    }
                })
                .collect()
        },
    )
}

fn salted_prose() -> impl Strategy<Value = String> {
    salted(PIECES.to_vec())
}

/// Pieces of HTML markup, mixed with [`PIECES`] for the HTML mode.
const HTML_PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<em>",
    "</em>",
    "<a href=\"x..y\" title=\"a . .\">",
    "</a>",
    "<img alt=\"the the ,x\">",
    "<img alt='« a »' title=x,y>",
    "<code>",
    "</code>",
    "<pre>",
    "</pre>",
    "<script>",
    "</script>",
    "<br>",
    "<li>",
    "<!-- x -->",
    "<!-- mtlint-disable -->",
    "<!-- mtlint-enable -->",
    "<!-- mtlint-disable-next-line typo -->",
    "<!-- mtlint-disable-next-line nope -->",
    "&laquo;",
    "&raquo;",
    "&nbsp;",
    "&#160;",
    "&#x2019;",
    "&amp;amp;",
    "&amp;lt;",
    "&notit;",
    "&",
    "<",
    "\r",
];

fn salted_html() -> impl Strategy<Value = String> {
    salted(PIECES.iter().chain(HTML_PIECES).copied().collect())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        salted_prose(),
        any::<String>(),
        "[ -~\\n“”‘’«».…\u{A0}]{0,80}"
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_lie_on_character_boundaries_inside_the_text(text in any_text()) {
        for d in LINTER.lint(&text) {
            prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{:?}", d);
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{:?}", d);
        }
    }

    #[test]
    fn findings_carry_only_the_fixes_their_rule_declares(text in salted_prose()) {
        for markup in [Markup::Text, Markup::Markdown] {
            for d in LINTER.lint_document(&text, markup) {
                prop_assert_eq!(LINTER.undeclared_fix(&d), None, "{:?} in {:?}", d, text);
            }
        }
    }

    #[test]
    fn fixing_converges_and_twice_equals_once(text in any_text()) {
        for mode in [FixMode::SafeOnly, FixMode::IncludeUnsafe] {
            let once = LINTER.fix(&text, mode);
            prop_assert!(once.converged, "did not converge on {text:?}");
            let twice = LINTER.fix(&once.text, mode);
            prop_assert_eq!(&twice.text, &once.text);
            prop_assert_eq!(twice.applied, 0);
            let left = LINTER.lint(&once.text);
            prop_assert!(
                !left.iter().any(|d| d.fix.as_ref().is_some_and(|f| mode.allows(f.applicability))),
                "fixable diagnostic left in {:?}: {:?}", once.text, left
            );
        }
    }

    #[test]
    fn markdown_linting_and_fixing_hold_the_same_properties(text in salted_prose()) {
        for d in LINTER.lint_document(&text, Markup::Markdown) {
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{:?}", d);
        }
        for mode in [FixMode::SafeOnly, FixMode::IncludeUnsafe] {
            let once = LINTER.fix_document(&text, Markup::Markdown, mode);
            prop_assert!(once.converged, "did not converge on {text:?}");
            let twice = LINTER.fix_document(&once.text, Markup::Markdown, mode);
            prop_assert_eq!(&twice.text, &once.text);
        }
    }

    #[test]
    fn html_linting_and_fixing_hold_the_same_properties(
        text in prop_oneof![salted_html(), any::<String>()]
    ) {
        for d in LINTER.lint_document(&text, Markup::Html) {
            prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{:?}", d);
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{:?}", d);
        }
        for mode in [FixMode::SafeOnly, FixMode::IncludeUnsafe] {
            let once = LINTER.fix_document(&text, Markup::Html, mode);
            prop_assert!(once.converged, "did not converge on {text:?}");
            let twice = LINTER.fix_document(&once.text, Markup::Html, mode);
            prop_assert_eq!(&twice.text, &once.text);
        }
    }

    #[test]
    fn html_fixes_leave_markup_alone(text in salted_html()) {
        // Every tag and comment of the source is still there, in order, after fixing
        // (`alt` and `title` values are prose).
        // A stray `<` right before a suppression comment that a letter follows makes a tag
        // of that word when `suppression/unused` removes the comment (`<<!-- … -->the`
        // becomes `<the`: a known bug, present on main): leave it out until it is fixed.
        let glued = regex::Regex::new(r"<<!--[^>]*-->[A-Za-z/!]").unwrap();
        prop_assume!(!glued.is_match(&text));
        let prose_attribute = regex::Regex::new(r#"(alt|title)=("[^"]*"|'[^']*'|[^\s>]*)"#).unwrap();
        let tags = |t: &str| -> Vec<String> {
            let mut out = Vec::new();
            let mut rest = t;
            while let Some(start) = rest.find('<') {
                // Only `<` before a letter, `/` or `!` opens a tag.
                if !rest[start + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
                    rest = &rest[start + 1..];
                    continue;
                }
                let Some(len) = rest[start..].find('>') else { break };
                out.push(prose_attribute.replace_all(&rest[start..start + len + 1], "$1=").into_owned());
                rest = &rest[start + len + 1..];
            }
            out
        };
        let once = LINTER.fix_document(&text, Markup::Html, FixMode::IncludeUnsafe);
        let before: Vec<String> = tags(&text)
            .into_iter()
            .filter(|t| !t.contains("mtlint-"))
            .collect();
        let after: Vec<String> = tags(&once.text)
            .into_iter()
            .filter(|t| !t.contains("mtlint-"))
            .collect();
        prop_assert_eq!(before, after, "{:?} -> {:?}", text, once.text);
    }

    #[test]
    fn a_fix_changes_nothing_outside_its_span(text in salted_prose()) {
        for d in LINTER.lint(&text) {
            let Some(fix) = &d.fix else { continue };
            let one = [d.clone()];
            let Some((fixed, _)) = apply_fixes(&text, &one, FixMode::IncludeUnsafe) else { continue };
            prop_assert!(fixed.starts_with(&text[..d.span.start]));
            prop_assert!(fixed.ends_with(&text[d.span.end..]));
            prop_assert_eq!(
                &fixed[d.span.start..fixed.len() - (text.len() - d.span.end)],
                fix.replacement.as_str()
            );
        }
    }
}

/// Three salted texts on one line each (no line breaks), for the slots of a file format.
fn three_lines() -> impl Strategy<Value = [String; 3]> {
    let line = || salted_prose().prop_map(|t| t.replace(['\n', '\r'], " "));
    (line(), line(), line()).prop_map(|(a, b, c)| [a, b, c])
}

fn po_string(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

fn xml_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// Fixing `doc` as `markup` converges, gives a document that still reads, and keeps the
/// lines `keep` selects; a second fix changes nothing.
fn fixes_keep_the_markup(
    doc: &str,
    markup: Markup,
    keep: impl Fn(&str) -> bool,
) -> Result<(), TestCaseError> {
    prop_assert!(LINTER.try_lint_document(doc, markup).is_ok(), "{:?}", doc);
    for mode in [FixMode::SafeOnly, FixMode::IncludeUnsafe] {
        let once = LINTER.try_fix_document(doc, markup, mode).unwrap();
        prop_assert!(once.converged, "did not converge on {doc:?}");
        prop_assert!(
            LINTER.try_lint_document(&once.text, markup).is_ok(),
            "{:?}",
            once.text
        );
        let kept = |t: &str| {
            t.lines()
                .filter(|l| keep(l))
                .map(String::from)
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(kept(doc), kept(&once.text), "{:?} -> {:?}", doc, once.text);
        let twice = LINTER.fix_document(&once.text, markup, mode);
        prop_assert_eq!(&twice.text, &once.text);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn po_fixes_touch_translations_only([a, b, c] in three_lines()) {
        let doc = format!(
            "# {a}\nmsgid \"{}\"\nmsgstr \"{}\"\n\"{}\"\n",
            po_string(&a), po_string(&b), po_string(&c)
        );
        fixes_keep_the_markup(&doc, Markup::Po { fuzzy: false }, |l| !l.starts_with(['m', '"']) || l.starts_with("msgid"))?;
    }

    #[test]
    fn xliff_fixes_touch_targets_only([a, b, c] in three_lines()) {
        let doc = format!(
            "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\">\n<source>{}</source>\n\
             <target>{}<g id=\"1\">{}</g><x id=\"2\"/>{}</target>\n</trans-unit></body></file></xliff>\n",
            xml_text(&a), xml_text(&b), xml_text(&c), xml_text(&a)
        );
        fixes_keep_the_markup(&doc, Markup::Xliff, |l| !l.starts_with("<target>"))?;
    }

    #[test]
    fn subtitle_fixes_touch_cue_text_only([a, b, c] in three_lines()) {
        let cue = |t: &str| if t.trim().is_empty() { "x".to_string() } else { t.replace("-->", "") };
        let srt = format!(
            "1\n00:00:01,000 --> 00:00:02,000\n{}\n{}\n\n2\n00:00:03,000 --> 00:00:04,000\n{}\n",
            cue(&a), cue(&b), cue(&c)
        );
        fixes_keep_the_markup(&srt, Markup::Srt, |l| l.contains("-->") || l.bytes().all(|b| b.is_ascii_digit()))?;
        let vtt = format!("WEBVTT\n\nNOTE {}\n\n{}", cue(&a), srt.replace(',', "."));
        fixes_keep_the_markup(&vtt, Markup::Vtt, |l| l.contains("-->") || l.starts_with("NOTE"))?;
    }

    #[test]
    fn template_tags_survive_fixing([a, b, c] in three_lines()) {
        let doc = format!(
            "{a} {{{{< sc param=\"{b}\" >}}}} {b}\n\n{{% include x.html kind=\"{c}\" %}}{c}\n"
        );
        let tags = regex::Regex::new(r"\{\{<[^\n]*?>\}\}|\{%[^\n]*?%\}").unwrap();
        let found = |t: &str| tags.find_iter(t).map(|m| m.as_str().to_string()).collect::<Vec<_>>();
        for markup in [Markup::Markdown, Markup::Mdx] {
            let once = LINTER.fix_document(&doc, markup, FixMode::IncludeUnsafe);
            prop_assert_eq!(found(&doc), found(&once.text), "{:?} -> {:?}", doc, once.text);
        }
    }
}

/// Inputs the fuzzer (or a property) once broke: lint and fix must hold on each.
#[test]
fn fuzz_regressions_settle_and_stay_fixed() {
    let dir = root().join("tests/fuzz-regressions");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for markup in [Markup::Text, Markup::Markdown, Markup::Html] {
            for mode in [FixMode::SafeOnly, FixMode::IncludeUnsafe] {
                let once = LINTER.fix_document(&text, markup, mode);
                assert!(once.converged, "did not settle: {text:?}");
                assert_eq!(
                    LINTER.fix_document(&once.text, markup, mode).text,
                    once.text
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 2);
}
