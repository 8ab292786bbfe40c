//! HTML documents: only text nodes (and `alt`/`title` values) are linted, character
//! references count as what they stand for, positions refer to the original file, and
//! fixes rewrite prose bytes only, escaped where needed.

use std::fs;

use mtlint::{FixMode, Linter, Markup};

use crate::common::*;

fn short(args: &[&str], stdin: &str) -> String {
    let out = mtlint()
        .arg("--format=short")
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// `(rule, source text of the span, fixable)` of each finding.
fn found(doc: &str) -> Vec<(String, String, bool)> {
    Linter::builtin()
        .lint_document(doc, Markup::Html)
        .into_iter()
        .map(|d| (d.rule.to_string(), doc[d.span].to_string(), d.fix.is_some()))
        .collect()
}

fn fixed(doc: &str) -> String {
    let fixed = Linter::builtin().fix_document(doc, Markup::Html, FixMode::IncludeUnsafe);
    assert!(fixed.converged);
    fixed.text
}

#[test]
fn only_prose_is_reported_at_original_positions() {
    let out = short(
        &["--stdin-filename", "article.html", "-"],
        &fixture("article.html"),
    );
    assert_eq!(
        out,
        "article.html:6:27: error[punctuation/space-before-punctuation] space before a comma or period\n\
         article.html:17:48: warning[residue/chrome-line] widget or navigation label copied from a web page (fix unsafe to apply: it would change text outside the prose)\n\
         article.html:20:17: warning[quotes/guillemets] guillemets in English text\n\
         article.html:21:20: error[currency/space-after-symbol] space between a currency symbol and its amount\n\
         article.html:22:42: error[punctuation/space-before-punctuation] space before a comma or period\n\
         article.html:23:30: error[typo/doubled-word] word “the” repeated\n\
         article.html:23:57: error[punctuation/doubled-period] doubled period\n\
         article.html:24:78: error[punctuation/space-before-punctuation] space before a comma or period\n\
         article.html:24:97: error[punctuation/space-before-punctuation] space before a comma or period\n\
         article.html:25:58: error[punctuation/space-before-punctuation] space before a comma or period\n\
         article.html:30:17: error[spacing/space-before-percent] space before `%`\n\
         article.html:30:37: error[spacing/french-spacing] space before `!`, `?`, `;` or `:`\n\
         article.html:31:23: info[residue/html-entity] HTML reference &amp; left in the text\n\
         article.html:31:40: info[residue/html-entity] HTML reference &lt; left in the text\n\
         article.html:31:49: info[residue/html-entity] HTML reference &gt; left in the text\n\
         article.html:32:15: error[typo/doubled-word] word “the” repeated (fix unsafe to apply: it would change text outside the prose)\n\
         article.html:34:12: warning[boilerplate/comment-form] comment-form text copied from a web page (fix unsafe to apply: it would change text outside the prose)\n"
    );
}

#[test]
fn the_same_file_as_plain_text_reports_markup_too() {
    let out = short(
        &["--markup=text", "--stdin-filename", "article.html", "-"],
        &fixture("article.html"),
    );
    assert!(out.lines().count() > 25, "{out}");
}

#[test]
fn fixes_change_prose_bytes_only() {
    let (_dir, file) = temp_file("article.html", fixture("article.html"));
    assert_eq!(
        fixed_in_place(&file, &["--fix", "--unsafe-fixes"]),
        fixture("article.fixed.html")
    );
    // The fixed file has nothing left to fix.
    assert_eq!(
        fixed(&fixture("article.fixed.html")),
        fixture("article.fixed.html")
    );
}

#[test]
fn character_references_count_as_the_characters_they_stand_for() {
    let doc = "<p>&laquo;&nbsp;Bonjour&nbsp;&raquo; he said.</p>";
    assert_eq!(
        found(doc),
        [(
            "quotes/guillemets".to_string(),
            "&laquo;&nbsp;Bonjour&nbsp;&raquo;".to_string(),
            true
        )]
    );
    assert_eq!(fixed(doc), "<p>“Bonjour” he said.</p>");
    // Numeric references, decimal and hexadecimal, too; unrelated ones stay as written.
    let doc = "<p>Tom&#160;&amp;&#xA0;Jerry left&#32;. &copy;</p>";
    assert_eq!(fixed(doc), "<p>Tom&#160;&amp;&#xA0;Jerry left. &copy;</p>");
}

#[test]
fn a_span_ending_inside_a_reference_covers_all_of_it() {
    // French spacing: the no-break space before `!` is the whole `&nbsp;`.
    let doc = "<p>Really&nbsp;!</p>";
    assert_eq!(
        found(doc),
        [(
            "spacing/french-spacing".to_string(),
            "&nbsp;".to_string(),
            true
        )]
    );
    assert_eq!(fixed(doc), "<p>Really!</p>");
}

#[test]
fn replacements_are_escaped_in_text() {
    // `&amp;lt;` is the visible text `&lt;`: its fix is `<`, written `&lt;`.
    assert_eq!(
        fixed("<p>a &amp;lt;3 &amp;amp; c</p>"),
        "<p>a &lt;3 &amp; c</p>"
    );
}

#[test]
fn block_elements_separate_sentences_and_inline_ones_do_not() {
    assert_eq!(found("<p>It ended.</p><p>the next one</p>"), []);
    assert_eq!(found("<ul><li>the</li><li>the</li></ul>"), []);
    assert_eq!(found("<td>the</td><td>the</td>"), []);
    assert_eq!(found("One line.<br>the next"), []);
    assert_eq!(found("<h1>Title.</h1>the text"), []);
    // Across inline markup: found, but the fix would delete markup, so there is none.
    assert_eq!(
        found("<p>It was <em>the</em> the point.</p>"),
        [(
            "typo/doubled-word".to_string(),
            "the</em> the".to_string(),
            false
        )]
    );
    assert_eq!(
        fixed("<p>It was <em>the</em> the point.</p>"),
        "<p>It was <em>the</em> the point.</p>"
    );
    // Inside one inline element the fix applies.
    assert_eq!(
        fixed("<p>It was <em>the the</em> point.</p>"),
        "<p>It was <em>the</em> point.</p>"
    );
}

#[test]
fn code_scripts_styles_comments_and_attributes_are_not_prose() {
    let doc = "<head><title>A title</title><style>a { x: 1 ; } p:after { content: \" !\" }</style>\
               <script>if (a < b) { s = \"They left. .\" ; }</script></head>\
               <p class=\"a . .\" data-x=\"the the\" href=\"a..b\">Fine text.</p>\
               <pre>ls .. ; echo !</pre><p>Run <code>ls ..</code> or <kbd>Ctrl !</kbd>, \
               <samp>Error !</samp>, <var>x ,y</var>.</p><textarea>the the</textarea>\
               <!-- the the . . --><svg><text>the the</text></svg>";
    assert_eq!(found(doc), []);
    assert_eq!(fixed(doc), doc);
}

#[test]
fn alt_and_title_are_prose() {
    let doc = "<img src=\"a..png\" alt=\"A dog ,sitting\"> <abbr title='the the end'>x</abbr>";
    assert_eq!(
        found(doc),
        [
            (
                "punctuation/space-before-punctuation".to_string(),
                " ".to_string(),
                true
            ),
            ("typo/doubled-word".to_string(), "the the".to_string(), true),
        ]
    );
    assert_eq!(
        fixed(doc),
        "<img src=\"a..png\" alt=\"A dog,sitting\"> <abbr title='the end'>x</abbr>"
    );
}

#[test]
fn inline_code_ends_a_sentence_run() {
    assert_eq!(found("<p>Use <code>the</code> the same way.</p>"), []);
    assert_eq!(found("<p>Run <code>x</code>. then stop.</p>"), []);
}

#[test]
fn crlf_files_keep_their_line_ends_and_positions() {
    let doc = "<p>First line.\r\nThey left. .</p>\r\n<p>Bye !</p>\r\n";
    let out = short(&["--markup=html", "-"], doc);
    assert_eq!(
        out,
        "<stdin>:2:10: error[punctuation/doubled-period] doubled period\n\
         <stdin>:3:7: error[spacing/french-spacing] space before `!`, `?`, `;` or `:`\n"
    );
    assert_eq!(
        fixed(doc),
        "<p>First line.\r\nThey left.</p>\r\n<p>Bye!</p>\r\n"
    );
}

#[test]
fn html_extensions_are_linted_as_html_when_walking() {
    let dir = tempfile::TempDir::new().unwrap();
    for name in ["a.html", "b.htm", "c.xhtml"] {
        fs::write(
            dir.path().join(name),
            "<p class=\"x . .\">They left. .</p>\n",
        )
        .unwrap();
    }
    let out = mtlint()
        .args(["--format=short"])
        .arg(dir.path())
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    for line in lines {
        assert!(
            line.ends_with(":1:27: error[punctuation/doubled-period] doubled period"),
            "{line}"
        );
    }
}

#[test]
fn broken_html_does_not_panic_or_lose_positions() {
    for doc in [
        "<p>unclosed <em>the the",
        "<p a=\"unterminated>text . .",
        "&",
        "&#;",
        "&#x110000; end . .",
        "<code>never closed . .",
        "</p></div>text , here",
        "<!-- open comment . .",
        "<script>never closed . .",
        "a\0b . .",
        "a\rb . .",
    ] {
        for d in Linter::builtin().lint_document(doc, Markup::Html) {
            assert!(doc.is_char_boundary(d.span.start) && doc.is_char_boundary(d.span.end));
            assert!(d.span.start <= d.span.end && d.span.end <= doc.len());
        }
        let once = fixed(doc);
        assert_eq!(fixed(&once), once);
    }
    assert_eq!(fixed("</p></div>text , here"), "</p></div>text, here");
    assert_eq!(fixed("<code>never closed . ."), "<code>never closed . .");
}

#[test]
fn the_clean_sample_as_html_stays_clean() {
    let clean = fs::read_to_string(root().join("samples/clean.txt")).unwrap();
    let mut doc = String::from("<!DOCTYPE html><html><head><title>Clean</title></head><body>\n");
    for (n, paragraph) in clean
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .enumerate()
    {
        let mut text = paragraph
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('\u{a0}', "&nbsp;")
            .replace('’', "&rsquo;")
            .replace('“', "&#8220;")
            .replace('”', "&#x201D;");
        if n % 2 == 0 {
            text = text.replacen(" the ", " <em>the</em> ", 1);
        }
        doc.push_str(&format!("<p class=\"p{n}\">{text}</p>\n"));
    }
    doc.push_str("</body></html>\n");
    assert!(doc.matches("<p ").count() > 5);
    assert_eq!(found(&doc), []);
}

#[test]
fn a_fix_beside_a_tag_is_made_and_one_beside_a_bare_lt_is_not() {
    // Right after a tag the fix is made, as anywhere in the prose.
    assert_eq!(fixed("<p>$ 5 million</p>\n"), "<p>$5 million</p>\n");
    // Beside a bare `<`, the mojibake and French-spacing fixes together would make the
    // text a declaration (`<!.`): neither is made, and both are still reported.
    let doc = "<p>x <Â !.</p>\n";
    assert_eq!(fixed(doc), doc);
    assert_eq!(
        found(doc),
        [
            ("encoding/mojibake".to_string(), "Â".to_string(), false),
            ("spacing/french-spacing".to_string(), " ".to_string(), false),
        ]
    );
}
