//! Markdown files: only prose is linted, positions refer to the original file, and fixes
//! change prose bytes only.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn fixture(name: &str) -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

fn mtlint() -> Command {
    let mut cmd = Command::cargo_bin("mtlint").unwrap();
    cmd.args(["--color", "never"]);
    cmd
}

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
    let dir = tempfile::TempDir::new().unwrap();
    let file = dir.path().join("article.md");
    fs::write(&file, fixture("article.md")).unwrap();
    mtlint()
        .args(["--fix", "--unsafe-fixes"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
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
