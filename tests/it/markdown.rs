//! Markdown files: only prose is linted, positions refer to the original file, and fixes
//! change prose bytes only.

use crate::common::*;

#[test]
fn only_prose_is_reported_at_original_positions() {
    let out = mtlint()
        .args(["--format=short", "--stdin-filename", "article.md", "-"])
        .write_stdin(fixture("article.md"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "article.md:5:22: error[punctuation/space-before-punctuation] space before a comma or period\n\
         article.md:7:17: error[currency/space-after-symbol] space between a currency symbol and its amount\n\
         article.md:16:3: error[typo/doubled-word] word “the” repeated\n\
         article.md:16:18: error[spacing/french-spacing] space before `!`, `?`, `;` or `:`\n\
         article.md:20:12: error[punctuation/space-before-punctuation] space before a comma or period\n\
         article.md:20:22: error[spacing/french-spacing] space before `!`, `?`, `;` or `:`\n"
    );
}

#[test]
fn the_same_file_as_plain_text_reports_code_and_urls_too() {
    let out = mtlint()
        .args([
            "--format=short",
            "--markup=text",
            "--stdin-filename",
            "article.md",
            "-",
        ])
        .write_stdin(fixture("article.md"))
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().lines().count() > 6);
}

#[test]
fn fixes_change_prose_bytes_only() {
    let (_dir, file) = temp_file("article.md", fixture("article.md"));
    assert_eq!(
        fixed_in_place(&file, &["--fix", "--unsafe-fixes"]),
        fixture("article.fixed.md")
    );
}

#[test]
fn sentences_do_not_run_across_inline_code_or_blocks() {
    let out = mtlint()
        .args(["--format=short", "--stdin-filename", "x.md", "-"])
        .write_stdin("Use `the` the same way.\n\n```\nend. the\n```\n\nRun `x`. then stop.\n")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "");
}

/// `line:column rule` of each finding in a Markdown document.
fn findings(doc: &str) -> Vec<String> {
    let out = mtlint()
        .args(["--format=short", "--markup=markdown", "-"])
        .write_stdin(doc)
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let rest = l.strip_prefix("<stdin>:").unwrap();
            let (position, rest) = rest.split_once(": ").unwrap();
            let rule = rest.split(['[', ']']).nth(1).unwrap();
            format!("{position} {rule}")
        })
        .collect()
}

#[test]
fn front_matter_yaml_and_toml_is_skipped() {
    assert_eq!(
        findings("---\ntitle: They left. .\n---\n\nThey left. .\n"),
        ["5:10 punctuation/doubled-period"]
    );
    assert_eq!(
        findings("+++\ntitle = \"They left. .\"\n+++\n\nThey left. .\n"),
        ["5:10 punctuation/doubled-period"]
    );
}

#[test]
fn math_is_skipped() {
    assert_eq!(
        findings("Let $a . . b$ hold, and\n\n$$\nx ! y . .\n$$\n\nThey left. .\n"),
        ["7:10 punctuation/doubled-period"]
    );
    // Dollars as currency are not math.
    assert_eq!(
        findings("It cost $ 5 and $ 10 more.\n"),
        [
            "1:10 currency/space-after-symbol",
            "1:18 currency/space-after-symbol"
        ]
    );
}

#[test]
fn raw_html_tags_are_skipped_and_the_text_between_them_linted() {
    assert_eq!(
        findings("Text <span class=\"a . .\" title=\"b . .\">They left. .</span> end.\n"),
        ["1:49 punctuation/doubled-period"]
    );
    // In an HTML block too; code in it and attributes stay out.
    assert_eq!(
        findings(
            "<div class=\"x . .\">\n<p>They left. .</p><p>the next</p>\n<pre>a. .</pre>\n</div>\n"
        ),
        ["2:13 punctuation/doubled-period"]
    );
}

#[test]
fn table_cells_link_text_and_alt_text_are_prose_destinations_are_not() {
    assert_eq!(
        findings(
            "| A | B |\n|---|---|\n| They left. . | the |\n\n\
             See [the the docs](http://x.y/a..b \"t . .\") and ![a dog ,sitting](i..png).\n"
        ),
        [
            "3:12 punctuation/doubled-period",
            "5:6 typo/doubled-word",
            "5:56 punctuation/space-before-punctuation"
        ]
    );
}

#[test]
fn code_autolinks_and_bare_urls_are_skipped() {
    assert_eq!(
        findings(
            "Run `a . .` or <https://x.y/a..b> or https://x.y/c..d or www.x.y/e..f today.\n\n    the the\n\n```\nthe the\n```\n"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn sentences_do_not_run_across_blocks() {
    assert_eq!(
        findings("# It ended.\n\nthe next\n\n- An item.\n- the next\n\n> Quoted.\n\nthe the\n"),
        ["10:1 typo/doubled-word"]
    );
    assert_eq!(
        findings("| It ended. | the next |\n|---|---|\n| the | the |\n"),
        Vec::<String>::new()
    );
}
