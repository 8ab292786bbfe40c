//! No silent mistakes: "did you mean" for rule names on the command line, folders with
//! nothing to lint, formats that a listing cannot show, and a nested configuration that
//! extends its parent. (Misspelled suppression comments: `suppression.rs`.)

use std::fs;

use tempfile::TempDir;

use crate::common::*;

#[test]
fn select_ignore_and_explain_suggest_the_closest_name() {
    for (args, expected) in [
        (
            &["--select", "typo/doubled"][..],
            "mtlint: error: unknown rule or category `typo/doubled` (see --list-rules) (did \
             you mean `typo/doubled-word`?)\n",
        ),
        (
            &["--ignore", "quote"][..],
            "mtlint: error: unknown rule or category `quote` (see --list-rules) (did you mean \
             `quotes`?)\n",
        ),
        (
            &["--explain", "typo/doubled-wrd"][..],
            "mtlint: error: unknown rule `typo/doubled-wrd` (see --list-rules) (did you mean \
             `typo/doubled-word`?)\n",
        ),
        (
            &["--select", "zzzzzz"][..],
            "mtlint: error: unknown rule or category `zzzzzz` (see --list-rules)\n",
        ),
    ] {
        let (err, code) = stderr_of(mtlint().args(args).arg("-").write_stdin("x"));
        assert_eq!((err.as_str(), code), (expected, 2), "{args:?}");
    }
}

#[test]
fn a_folder_with_nothing_to_lint_is_an_error() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "src/main.rs", "fn main() {}\n");
    write(dir.path(), ".gitignore", "_site/\n");
    write(dir.path(), "_site/index.md", "They left. .\n");
    let (out, err, code) = run(mtlint_in(dir.path()).arg("."));
    assert_eq!(out, "");
    assert_eq!(
        err,
        "mtlint: error: no files to lint in . (-v tells why each path was skipped)\n"
    );
    assert_eq!(code, 2);
    let (_, err, code) = run(mtlint_in(dir.path()).args(["-v", "src"]));
    assert_eq!(
        err,
        "mtlint: skipped src/main.rs: not one of the extensions linted (txt, md, markdown, \
         text, mdx, html, htm, xhtml, po, xlf, xliff, srt, vtt)\n\
         mtlint: error: no files to lint in src (-v tells why each path was skipped)\n"
    );
    assert_eq!(code, 2);
    // A file named on the command line is linted whatever its extension.
    let (out, _, code) = run(mtlint_in(dir.path()).arg("src/main.rs"));
    assert_eq!((out.as_str(), code), ("no problems in 1 file\n", 0));
}

#[test]
fn statistics_and_list_rules_honour_json_or_refuse_the_format() {
    let text = "They left. .\nThe the end. And the the rest.\n";
    let (out, code) = stdout_of(
        mtlint()
            .args(["--statistics", "--format", "json", "-"])
            .write_stdin(text),
    );
    assert_eq!(
        out,
        "{\"count\":2,\"fixable\":2,\"rule\":\"typo/doubled-word\",\"summary\":\"word \
         repeated\"}\n\
         {\"count\":1,\"fixable\":1,\"rule\":\"punctuation/doubled-period\",\"summary\":\
         \"doubled period\"}\n"
    );
    assert_eq!(code, 1);
    let (out, code) = stdout_of(mtlint().args(["--list-rules", "--format", "json"]));
    assert_eq!(code, 0);
    let table = stdout_of(mtlint().arg("--list-rules")).0;
    assert_eq!(
        out.lines().count(),
        table.lines().count() - 1,
        "one per rule"
    );
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(
        first,
        serde_json::json!({
            "id": "boilerplate/advertisement",
            "severity": "warning",
            "fix": "unsafe",
            "packs": [],
            "runs_by_default": true,
            "summary": "advertisement marker copied from a web page",
        })
    );
    for (args, what, format) in [
        (
            &["--statistics", "--format", "github", "-"][..],
            "--statistics",
            "github",
        ),
        (
            &["--statistics", "--format", "sarif", "-"][..],
            "--statistics",
            "sarif",
        ),
        (
            &["--list-rules", "--format", "github"][..],
            "--list-rules",
            "github",
        ),
    ] {
        let (out, err, code) = run(mtlint().args(args).write_stdin(text));
        assert_eq!(out, "");
        assert_eq!(
            err,
            format!(
                "mtlint: error: {what} prints a table (--format human or short) or JSON \
                 Lines (--format json), not --format {format}\n"
            )
        );
        assert_eq!(code, 2);
    }
}

/// A project whose `docs/` configuration extends the root one.
fn extending_project(docs_config: &str) -> TempDir {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "mtlint.toml",
        "ignore = [\"punctuation\"]\nextend-exclude = [\"drafts/\"]\n",
    );
    write(dir.path(), "docs/mtlint.toml", docs_config);
    for name in ["docs/a.txt", "docs/drafts/b.txt"] {
        write(
            dir.path(),
            name,
            "They left. .\nThe the end.\nIt cost $ 5.\n",
        );
    }
    dir
}

#[test]
fn a_nested_configuration_extends_its_parent() {
    let dir = extending_project("extend = \"../mtlint.toml\"\nignore = [\"currency\"]\n");
    let (out, err, code) = run(mtlint_in(dir.path()).args(["--format=short", "docs"]));
    assert_eq!(err, "");
    assert_eq!(
        out,
        "docs/a.txt:2:1: error[typo/doubled-word] word “the” repeated\n"
    );
    assert_eq!(code, 1);
    let (out, _, code) = run(mtlint_in(dir.path()).args(["--fix", "docs"]));
    assert_eq!(
        (out.as_str(), code),
        ("fixed 1 problem in 1 file; no problems in 1 file\n", 0)
    );
    let bytes = |name: &str| fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(
        bytes("docs/a.txt"),
        "They left. .\nThe end.\nIt cost $ 5.\n"
    );
    assert_eq!(
        bytes("docs/drafts/b.txt"),
        "They left. .\nThe the end.\nIt cost $ 5.\n",
        "excluded by the parent"
    );
    let (out, _, code) = run(mtlint_in(dir.path()).args(["--fix", "docs"]));
    assert_eq!(
        (out.as_str(), code),
        ("fixed 0 problems in 0 files; no problems in 1 file\n", 0)
    );
    // Without `extend`, the nearest file alone applies.
    let dir = extending_project("ignore = [\"currency\"]\n");
    let (out, _, _) = run(mtlint_in(dir.path()).args(["--format=short", "docs/a.txt"]));
    assert_eq!(out.lines().count(), 2, "{out}");
}

#[test]
fn a_configuration_that_extends_itself_is_an_error() {
    let dir = extending_project("extend = \"../mtlint.toml\"\n");
    write(dir.path(), "mtlint.toml", "extend = \"docs/mtlint.toml\"\n");
    let (err, code) = stderr_of(mtlint_in(dir.path()).args(["docs/a.txt"]));
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: this configuration extends itself (through `extend`)\n"),
        "{err}"
    );
    let dir = extending_project("extend = \"../nope.toml\"\n");
    let (err, code) = stderr_of(mtlint_in(dir.path()).args(["docs/a.txt"]));
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: cannot read the configuration to extend: No such file"),
        "{err}"
    );
}
