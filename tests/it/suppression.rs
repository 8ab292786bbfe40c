//! Inline suppression comments in Markdown and HTML: ranges, rule and category lists,
//! next-line, and the reports on unknown names and on comments that suppress nothing.

use crate::common::*;

/// Standard output and exit status of `mtlint ARGS -` on `stdin`.
fn run(args: &[&str], stdin: &str) -> (String, i32) {
    let out = mtlint()
        .args(args)
        .arg("-")
        .write_stdin(stdin)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

const NOTES_MD: &str = "# Notes

<!-- mtlint-disable-next-line typo/doubled-word -->
They met the the envoy.
And the the others.

<!-- mtlint-disable punctuation, typo/no-such-rule -->
They left. .
It ended . .
<!-- mtlint-enable punctuation -->
It ended. .

<!-- mtlint-disable-next-line quotes -->
A clean line.

```html
<!-- mtlint-disable -->
```
Code above shows a comment, it is not one . .
";

#[test]
fn markdown_ranges_next_line_unknown_and_unused() {
    let (out, code) = run(&["--format=short", "--stdin-filename=notes.md"], NOTES_MD);
    assert_eq!(
        out,
        "notes.md:5:5: error[typo/doubled-word] word “the” repeated\n\
         notes.md:7:1: info[suppression/unknown-rule] unknown rule or category `typo/no-such-rule` in a suppression comment\n\
         notes.md:11:9: error[punctuation/doubled-period] doubled period\n\
         notes.md:13:1: info[suppression/unused] this suppression comment suppresses nothing\n\
         notes.md:19:42: error[punctuation/space-before-punctuation] space before a comma or period\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn an_unused_suppression_is_shown_with_its_unsafe_removal() {
    let doc = "Intro.\n\n<!-- mtlint-disable-next-line quotes -->\nA clean line.\n";
    let (out, code) = run(&["--markup=markdown"], doc);
    assert_eq!(
        out,
        "note[suppression/unused]: this suppression comment suppresses nothing\n  \
         ┌─ <stdin>:3:1\n  \
         │\n\
         3 │ <!-- mtlint-disable-next-line quotes -->\n  \
         │ ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  \
         │\n  \
         = help: remove `<!-- mtlint-disable-next-line quotes -->\\n` (unsafe fix: use --unsafe-fixes)\n\
         \n\
         1 problem (0 errors, 0 warnings, 1 info) in 1 file; 0 fixable with --fix (1 more with --fix --unsafe-fixes)\n"
    );
    assert_eq!(code, 0);
    // --fix keeps it; --unsafe-fixes removes the comment and its line.
    let (out, _) = run(&["--markup=markdown", "--fix"], doc);
    assert_eq!(out, doc);
    let (out, _) = run(&["--markup=markdown", "--fix", "--unsafe-fixes"], doc);
    assert_eq!(out, "Intro.\n\nA clean line.\n");
}

#[test]
fn a_misspelt_name_gets_a_suggestion() {
    let doc = "<!-- mtlint-disable-next-line typo/doubled-words -->\nThe the end.\n";
    let (out, _) = run(&["--format=short", "--markup=markdown"], doc);
    assert_eq!(
        out,
        "<stdin>:1:1: info[suppression/unknown-rule] unknown rule or category `typo/doubled-words` in a suppression comment (did you mean `typo/doubled-word`?)\n\
         <stdin>:2:1: error[typo/doubled-word] word “the” repeated\n"
    );
}

#[test]
fn a_partly_unused_list_names_the_unused_rules() {
    let doc = "<!-- mtlint-disable typo, quotes/guillemets -->\nThe the end.\n";
    let (out, _) = run(&["--format=short", "--markup=markdown"], doc);
    assert_eq!(
        out,
        "<stdin>:1:1: info[suppression/unused] nothing to suppress for `quotes/guillemets`\n"
    );
}

#[test]
fn disable_all_until_enable_and_to_the_end() {
    let doc = "A. .\n<!-- mtlint-disable -->\nB. .\nthe the\n<!-- mtlint-enable -->\nC. .\n<!-- mtlint-disable -->\nD. .\n";
    let (out, _) = run(
        &[
            "--format=short",
            "--markup=markdown",
            "--select=punctuation/doubled-period",
        ],
        doc,
    );
    assert_eq!(
        out,
        "<stdin>:1:2: error[punctuation/doubled-period] doubled period\n\
         <stdin>:6:2: error[punctuation/doubled-period] doubled period\n"
    );
}

#[test]
fn html_comments_suppress_too() {
    let doc = "<p>One. .</p>\n<!-- mtlint-disable-next-line punctuation/doubled-period -->\n<p>Two. .</p>\n<!-- mtlint-disable-next-line nope -->\n<p>Three. .</p>\n<!-- mtlint-disable -->\n<p>Four. .</p>\n";
    let (out, _) = run(&["--format=short", "--stdin-filename=a.html"], doc);
    assert_eq!(
        out,
        "a.html:1:7: error[punctuation/doubled-period] doubled period\n\
         a.html:4:1: info[suppression/unknown-rule] unknown rule or category `nope` in a suppression comment\n\
         a.html:5:9: error[punctuation/doubled-period] doubled period\n"
    );
}

#[test]
fn suppression_reports_are_selectable_like_rules() {
    let doc = "<!-- mtlint-disable-next-line nope -->\n<!-- mtlint-disable-next-line quotes -->\nThe the end.\n";
    let (out, _) = run(
        &[
            "--format=short",
            "--markup=markdown",
            "--ignore=suppression",
        ],
        doc,
    );
    assert_eq!(
        out,
        "<stdin>:3:1: error[typo/doubled-word] word “the” repeated\n"
    );
    let (out, _) = run(
        &[
            "--format=short",
            "--markup=markdown",
            "--ignore=suppression/unused",
        ],
        doc,
    );
    assert_eq!(
        out,
        "<stdin>:1:1: info[suppression/unknown-rule] unknown rule or category `nope` in a suppression comment\n\
         <stdin>:3:1: error[typo/doubled-word] word “the” repeated\n"
    );
    // A suppression of a rule that is not selected is not known to be unused.
    let doc = "<!-- mtlint-disable-next-line quotes -->\nThe the end.\n";
    let (out, _) = run(
        &[
            "--format=short",
            "--markup=markdown",
            "--select=typo,suppression",
        ],
        doc,
    );
    assert_eq!(
        out,
        "<stdin>:2:1: error[typo/doubled-word] word “the” repeated\n"
    );
    let (out, code) = run(&["--explain", "suppression/unused"], "");
    assert_eq!(code, 0);
    assert!(out.contains("suppression/unused"), "{out}");
}

#[test]
fn plain_text_has_no_suppression_comments() {
    let doc = "<!-- mtlint-disable -->\nThey left. .\n";
    let (out, _) = run(&["--format=short", "--markup=text"], doc);
    assert_eq!(
        out,
        "<stdin>:2:10: error[punctuation/doubled-period] doubled period\n"
    );
}

#[test]
fn suppressed_findings_are_not_fixed() {
    let doc = "<!-- mtlint-disable-next-line -->\n<p>They left. .</p>\n<p>They left. .</p>\n";
    let (out, _) = run(&["--markup=html", "--fix"], doc);
    assert_eq!(
        out,
        "<!-- mtlint-disable-next-line -->\n<p>They left. .</p>\n<p>They left.</p>\n"
    );
    let doc =
        "<!-- mtlint-disable punctuation -->\nThey left. .\n<!-- mtlint-enable -->\nThey left. .\n";
    let (out, _) = run(&["--markup=markdown", "--fix"], doc);
    assert_eq!(
        out,
        "<!-- mtlint-disable punctuation -->\nThey left. .\n<!-- mtlint-enable -->\nThey left.\n"
    );
}

#[test]
fn disable_line_silences_the_line_it_is_on() {
    let doc = "The the end. <!-- mtlint-disable-line typo -->\n\
               The the start.\n\
               Again the the line. <!-- mtlint-disable-line punctuation -->\n";
    let (out, code) = run(&["--format=short", "--stdin-filename=a.md"], doc);
    assert_eq!(
        out,
        "a.md:2:1: error[typo/doubled-word] word “the” repeated\n\
         a.md:3:7: error[typo/doubled-word] word “the” repeated\n\
         a.md:3:21: info[suppression/unused] this suppression comment suppresses nothing\n"
    );
    assert_eq!(code, 1);
    let html = "<p>The the end. <!-- mtlint-disable-line typo --></p>\n<p>The the start.</p>\n";
    let (out, _) = run(&["--format=short", "--stdin-filename=a.html"], html);
    assert_eq!(
        out,
        "a.html:2:4: error[typo/doubled-word] word “the” repeated\n"
    );
}

#[test]
fn fix_keeps_a_line_that_disable_line_covers() {
    let (dir, file) = temp_file(
        "a.md",
        "The the end. <!-- mtlint-disable-line typo -->\nThe the start.\n",
    );
    let (out, err, code) = crate::common::run(mtlint().arg("--fix").arg(&file));
    assert_eq!((err.as_str(), code), ("", 0), "{out}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "The the end. <!-- mtlint-disable-line typo -->\nThe start.\n"
    );
    let (out, _, code) = crate::common::run(mtlint().arg("--fix").arg(&file));
    assert_eq!(
        (out.as_str(), code),
        ("fixed 0 problems in 0 files; no problems in 1 file\n", 0)
    );
    drop(dir);
}

#[test]
fn a_misspelled_directive_is_reported_with_the_closest() {
    let doc = "<!-- mtlint-disabel typo -->\nThe the end.\n\n<!-- mtlint-disable-nextline -->\nFine.\n\n<!-- mtlint-frobnicate -->\n";
    let (out, code) = run(&["--format=short", "--stdin-filename=a.md"], doc);
    assert_eq!(
        out,
        "a.md:1:1: warning[suppression/unknown-directive] unknown directive `mtlint-disabel` \
         (did you mean `mtlint-disable`?); this comment suppresses nothing\n\
         a.md:2:1: error[typo/doubled-word] word “the” repeated\n\
         a.md:4:1: warning[suppression/unknown-directive] unknown directive \
         `mtlint-disable-nextline` (did you mean `mtlint-disable-next-line`?); this comment \
         suppresses nothing\n\
         a.md:7:1: warning[suppression/unknown-directive] unknown directive \
         `mtlint-frobnicate`; this comment suppresses nothing\n"
    );
    assert_eq!(code, 1);
}
