//! Configuration files (`mtlint.toml`), their errors, `--config`, `--no-config`,
//! `--show-config`, and custom rule files named by them.

use std::fs;

use tempfile::TempDir;

use crate::common::*;

/// Two problems per file: a doubled period (error) and a doubled word (warning).
const ARTICLE: &str = "They left. .\nThe the talks went on.\n";

/// A project with a configuration at its root, a nested one, and files in several places.
fn project() -> TempDir {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(
        root,
        "mtlint.toml",
        r#"ignore = ["typo"]
extend-exclude = ["drafts/", "*.skip.txt"]
extensions = ["txt", "rst"]

[severity]
punctuation = "info"

[[overrides]]
paths = ["legal/**"]
ignore = ["punctuation"]
"#,
    );
    for name in [
        "a.txt",
        "notes.rst",
        "readme.md",
        "drafts/b.txt",
        "old.skip.txt",
        "legal/terms.txt",
        "sub/c.txt",
    ] {
        write(root, name, ARTICLE);
    }
    write(root, "sub/.mtlint.toml", "select = [\"typo\"]\n");
    dir
}

#[test]
fn the_nearest_configuration_applies_with_its_overrides_excludes_and_extensions() {
    let dir = project();
    let (out, err, code) = run(mtlint_in(dir.path()).args(["--format=short", "."]));
    assert_eq!(err, "");
    assert_eq!(
        out,
        "./a.txt:1:10: info[punctuation/doubled-period] doubled period\n\
         ./notes.rst:1:10: info[punctuation/doubled-period] doubled period\n\
         ./sub/c.txt:2:1: error[typo/doubled-word] word “the” repeated\n"
    );
    // Only info is left under the root configuration; the nested one selects an error.
    assert_eq!(code, 1);
}

#[test]
fn command_line_options_override_the_file() {
    let dir = project();
    // --select replaces the file's selection, --ignore adds to its ignore list.
    let (out, _, code) = run(mtlint_in(dir.path()).args([
        "--format=short",
        "--select=punctuation,typo",
        "--ignore=punctuation/doubled-period",
        "a.txt",
    ]));
    assert_eq!(out, "");
    assert_eq!(code, 0);
    let (out, _, code) =
        run(mtlint_in(dir.path()).args(["--format=short", "--fail-on=info", "a.txt"]));
    assert_eq!(
        out,
        "a.txt:1:10: info[punctuation/doubled-period] doubled period\n"
    );
    assert_eq!(code, 1);
    // Without configuration, both problems are reported at their built-in severity.
    let (out, _, code) =
        run(mtlint_in(dir.path()).args(["--format=short", "--no-config", "a.txt"]));
    assert_eq!(
        out,
        "a.txt:1:10: error[punctuation/doubled-period] doubled period\n\
         a.txt:2:1: error[typo/doubled-word] word “the” repeated\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn an_explicit_configuration_file_applies_everywhere() {
    let dir = project();
    let other = write(dir.path(), "other/strict.toml", "select = [\"typo\"]\n");
    let (out, _, _) = run(mtlint_in(dir.path())
        .args(["--format=short", "--config"])
        .arg(&other)
        .args(["a.txt", "legal/terms.txt"]));
    assert_eq!(
        out,
        "a.txt:2:1: error[typo/doubled-word] word “the” repeated\n\
         legal/terms.txt:2:1: error[typo/doubled-word] word “the” repeated\n"
    );
}

#[test]
fn excluded_files_are_skipped_even_when_named() {
    let dir = project();
    let (out, _, code) = run(mtlint_in(dir.path()).args(["--format=short", "drafts/b.txt"]));
    assert_eq!(out, "");
    assert_eq!(code, 0);
}

#[test]
fn show_config_tells_where_each_setting_comes_from() {
    let dir = project();
    let (out, err, code) = run(mtlint_in(dir.path()).args(["--show-config", "legal/terms.txt"]));
    assert_eq!(err, "");
    assert_eq!(code, 0);
    let config = fs::canonicalize(dir.path()).unwrap().join("mtlint.toml");
    let expected = format!(
        "file: legal/terms.txt\n\
         config: {}\n\
         override #1: paths = legal/**\n\
         excluded: no\n\
         select: all rules\n\
         ignore: typo, punctuation\n\
         severity: punctuation = info\n\
         fail-on: warning\n\
         extensions: txt, rst\n\
         rules: built-in only\n",
        config.display()
    );
    assert!(out.starts_with(&expected), "{out}");
    assert!(out.starts_with(&expected), "{out}");
    let (out, _, _) = run(mtlint_in(dir.path()).args(["--no-config", "--show-config", "a.txt"]));
    assert!(out.contains("config: none (built-in defaults)\n"), "{out}");
}

/// Run in a folder whose `mtlint.toml` is `config`; return standard error and status.
fn config_error(config: &str) -> (String, i32) {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "mtlint.toml", config);
    write(dir.path(), "a.txt", ARTICLE);
    let (out, err, code) = run(mtlint_in(dir.path()).arg("a.txt"));
    assert_eq!(out, "");
    (err.replace(&dir.path().display().to_string(), "DIR"), code)
}

#[test]
fn an_unknown_key_is_an_error_with_a_suggestion() {
    let (err, code) = config_error("select = [\"quotes\"]\nignroe = [\"typo\"]\n");
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: unknown field `ignroe`, expected one of `extend`, `select`, `ignore`, \
         `severity`, `fail-on`, `exclude`, `extend-exclude`, `include`, `extensions`, `rules`, \
         `source-languages`, `accept`, `accept-file`, `reject`, `reject-file`, `style`, `overrides`\n  \
         ┌─ DIR/mtlint.toml:2:1\n  │\n2 │ ignroe = [\"typo\"]\n  │ ^^^^^^\n  │\n  \
         = help: did you mean `ignore`?\n\n"
    );
}

#[test]
fn a_wrong_type_is_an_error_at_the_value() {
    let (err, code) = config_error("select = \"quotes\"\n");
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: invalid type: string \"quotes\", expected a sequence\n  \
         ┌─ DIR/mtlint.toml:1:10\n  │\n1 │ select = \"quotes\"\n  │          ^^^^^^^^\n\n"
    );
    let (err, _) = config_error("fail-on = \"warn\"\n");
    assert!(
        err.starts_with("error: `warn` is not one of `error`, `warning`, `info`, `never`\n"),
        "{err}"
    );
}

#[test]
fn an_unknown_rule_is_an_error_with_a_suggestion() {
    let (err, code) = config_error(
        "[[overrides]]\npaths = [\"a.txt\"]\nignore = [\"punctuation/doubled-perod\"]\n",
    );
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: unknown rule or category `punctuation/doubled-perod`\n  \
         ┌─ DIR/mtlint.toml:3:11\n  │\n3 │ ignore = [\"punctuation/doubled-perod\"]\n  \
         │           ^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  │\n  \
         = help: did you mean `punctuation/doubled-period`?\n\n"
    );
    let (err, _) = config_error("[severity]\ncalqeu = \"info\"\n");
    assert!(
        err.starts_with("error: unknown rule or category `calqeu`\n"),
        "{err}"
    );
    assert!(err.contains("= help: did you mean `calque`?\n"), "{err}");
    let (err, _) = config_error("[severity]\ncalque = \"fatal\"\n");
    assert!(
        err.starts_with(
            "error: unknown variant `fatal`, expected one of `info`, `warning`, `error`\n"
        ),
        "{err}"
    );
}

#[test]
fn an_invalid_glob_is_an_error_at_the_glob() {
    let (err, code) = config_error("extend-exclude = [\"ok/**\", \"bad/[x\"]\n");
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: invalid glob: unclosed character class; missing ']'\n  \
         ┌─ DIR/mtlint.toml:1:28\n  │\n1 │ extend-exclude = [\"ok/**\", \"bad/[x\"]\n  \
         │                            ^^^^^^^^\n\n"
    );
}

#[test]
fn two_configuration_files_in_one_folder_are_an_error() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "mtlint.toml", "");
    write(dir.path(), ".mtlint.toml", "");
    write(dir.path(), "a.txt", ARTICLE);
    let (_, err, code) = run(mtlint_in(dir.path()).arg("a.txt"));
    assert_eq!(code, 2);
    let root = fs::canonicalize(dir.path()).unwrap();
    assert_eq!(
        err,
        format!(
            "mtlint: error: {}: .mtlint.toml is in the same folder; keep one of the two\n",
            root.join("mtlint.toml").display()
        )
    );
}

/// A house rule file, as a team would write one.
const HOUSE: &str = r#"[[rule]]
id = "house/email"
severity = "warning"
message = "house style writes `email`"
description = "No hyphen in email."
pattern = '\b(?<m>e-mail)\b'
replace = "email"
fix = "safe"
bad = [{ text = "Send an e-mail.", fixed = "Send an email." }]
good = ["Send an email."]
"#;

#[test]
fn rule_files_named_by_the_configuration_are_loaded_relative_to_it() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "style/house.toml", HOUSE);
    write(
        dir.path(),
        "docs/mtlint.toml",
        "rules = [\"../style/house.toml\"]\nselect = [\"house\"]\n",
    );
    write(dir.path(), "docs/a.txt", "Send me an e-mail.\n");
    let (out, err, code) = run(mtlint_in(dir.path()).args(["--format=short", "docs"]));
    assert_eq!(err, "");
    assert_eq!(
        out,
        "docs/a.txt:1:12: warning[house/email] house style writes `email`\n"
    );
    assert_eq!(code, 1);
    // A missing rule file is named, with the line that names it.
    write(
        dir.path(),
        "docs/mtlint.toml",
        "rules = [\"../style/nope.toml\"]\n",
    );
    let (_, err, code) = run(mtlint_in(dir.path()).arg("docs"));
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: cannot read rule file: No such file or directory (os error 2)\n"),
        "{err}"
    );
    assert!(err.contains("docs/mtlint.toml:1:10\n"), "{err}");
}

/// `--test-rules` on a rule file: standard error and status.
fn rule_file_error(text: &str) -> (String, i32) {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "house.toml", text);
    let (out, err, code) = run(mtlint_in(dir.path()).args(["--test-rules", "house.toml"]));
    assert_eq!(out, "");
    (err, code)
}

#[test]
fn custom_rule_errors_point_into_the_rule_file() {
    // A bad regex.
    let (err, code) = rule_file_error(&HOUSE.replace(r"(?<m>e-mail)", r"(?<m>e-mail"));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: invalid regex: unclosed group\n  ┌─ house.toml:6:11\n  │\n\
         6 │ pattern = '\\b(?<m>e-mail\\b'\n  │           ^^^^^^^^^^^^^^^^^\n\n"
    );
    // A capture reference to a group the pattern does not have.
    let (err, _) = rule_file_error(&HOUSE.replace("replace = \"email\"", "replace = \"${word}\""));
    assert_eq!(
        err,
        "error: rule `house/email`: `replace` refers to capture group `word`, which the \
         pattern does not define\n  ┌─ house.toml:7:11\n  │\n7 │ replace = \"${word}\"\n  \
         │           ^^^^^^^^^\n\n"
    );
    // No message.
    let (err, _) =
        rule_file_error(&HOUSE.replace("message = \"house style writes `email`\"\n", ""));
    assert!(
        err.starts_with("error: missing field `message`\n  ┌─ house.toml:1:1\n"),
        "{err}"
    );
    // The same id twice in one file.
    let (err, _) = rule_file_error(&format!("{HOUSE}\n{HOUSE}"));
    assert_eq!(
        err,
        "error: rule `house/email` is defined twice in this file\n   ┌─ house.toml:13:6\n   │\n\
         13 │ id = \"house/email\"\n   │      ^^^^^^^^^^^^^\n\n"
    );
}

#[test]
fn a_custom_rule_may_not_reuse_a_built_in_id() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "house.toml",
        HOUSE.replace("house/email", "punctuation/doubled-period"),
    );
    let (_, err, code) = run(mtlint_in(dir.path()).args(["--rules", "house.toml", "-"]));
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "error: rule `punctuation/doubled-period` is already defined in rules/punctuation/core.toml\n  \
             ┌─ house.toml:2:6\n"
        ),
        "{err}"
    );
}

#[test]
fn test_rules_reports_each_failing_example() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "house.toml",
        HOUSE.replace("good = [\"Send an email.\"]", "good = [\"An e-mail.\"]"),
    );
    let (out, _, code) = run(mtlint_in(dir.path()).args(["--test-rules", "house.toml"]));
    assert_eq!(
        out,
        "FAIL house/email: flagged good text \"An e-mail.\" at 3..9 (\"e-mail\")\n\
         1 passed, 1 failed (1 rules)\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn the_readme_example_configuration_is_valid() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("```toml\n# mtlint.toml\n")
        .expect("example in README")
        + 8;
    let example = &readme[start..start + readme[start..].find("```").unwrap()];
    let dir = TempDir::new().unwrap();
    write(dir.path(), "mtlint.toml", example);
    write(dir.path(), "style/house.toml", HOUSE);
    write(
        dir.path(),
        "style/more/extra.toml",
        HOUSE.replace("house/email", "house/e-mail"),
    );
    write(dir.path(), "vocab/accept.txt", "# names\nZurich\n");
    write(dir.path(), "vocab/reject.txt", "utilise\n");
    write(dir.path(), "legal/a.txt", "Send an e-mail. .\n");
    let (out, err, code) = run(mtlint_in(dir.path()).args(["--format=short", "legal/a.txt"]));
    assert_eq!(err, "");
    assert_eq!(
        out,
        "legal/a.txt:1:15: warning[punctuation/doubled-period] doubled period\n"
    );
    assert_eq!(code, 1);
}
