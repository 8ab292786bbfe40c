//! Walking directories as ripgrep does: `.gitignore`, `.ignore` and hidden files are
//! honoured, `--no-ignore`, the configuration's `include` and `extend-exclude` globs
//! (with `!`), files named on the command line, and `-v` telling why a path was skipped.

use std::fs;
use std::path::Path;

use tempfile::TempDir;

use crate::common::*;

const BAD: &str = "They left. .\n";
const GOOD: &str = "They left.\n";

/// A documentation repository: a built site and logs in `.gitignore`, a vendored folder
/// in `.ignore`, a hidden folder, drafts excluded by the configuration but one kept.
fn repository() -> TempDir {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(root, ".gitignore", "_site/\n*.log.txt\n");
    write(root, ".ignore", "vendor/\n");
    write(
        root,
        "mtlint.toml",
        "extend-exclude = [\"drafts/*\", \"!drafts/keep.md\"]\n",
    );
    for name in [
        "docs/a.md",
        "docs/sub/b.txt",
        "_site/index.md",
        "build.log.txt",
        "vendor/v.md",
        ".hidden/h.md",
        "drafts/d.md",
        "drafts/keep.md",
    ] {
        write(root, name, BAD);
    }
    write(root, "main.rs", "fn main() {}\n");
    dir
}

fn short_names(dir: &Path, args: &[&str]) -> (Vec<String>, i32) {
    let (out, code) = stdout_of(mtlint_in(dir).arg("--format=short").args(args));
    let names = out
        .lines()
        .map(|l| l.split(':').next().unwrap().to_string())
        .collect();
    (names, code)
}

#[test]
fn ignore_files_hidden_files_and_config_globs_are_honoured() {
    let dir = repository();
    let (names, code) = short_names(dir.path(), &["."]);
    assert_eq!(
        names,
        ["./docs/a.md", "./docs/sub/b.txt", "./drafts/keep.md"]
    );
    assert_eq!(code, 1);
    // Without a path: the current folder, the same files.
    let (names, _) = short_names(dir.path(), &[]);
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn no_ignore_walks_what_ignore_files_leave_out_but_not_hidden_files() {
    let dir = repository();
    let (names, _) = short_names(dir.path(), &["--no-ignore", "."]);
    assert_eq!(
        names,
        [
            "./_site/index.md",
            "./build.log.txt",
            "./docs/a.md",
            "./docs/sub/b.txt",
            "./drafts/keep.md",
            "./vendor/v.md"
        ]
    );
}

#[test]
fn a_file_named_explicitly_is_linted_even_if_ignored() {
    let dir = repository();
    let (names, code) = short_names(dir.path(), &["_site/index.md", "build.log.txt"]);
    assert_eq!(names, ["_site/index.md", "build.log.txt"]);
    assert_eq!(code, 1);
}

#[test]
fn verbose_tells_why_each_skipped_path_was_skipped() {
    let dir = repository();
    let (_, err, code) = run(mtlint_in(dir.path()).args(["-v", "--format=short", "."]));
    assert_eq!(code, 1);
    let config = fs::canonicalize(dir.path()).unwrap().join("mtlint.toml");
    let extensions = "txt, md, markdown, text, mdx, html, htm, xhtml, po, xlf, xliff, srt, vtt";
    let expected = format!(
        "mtlint: skipped ./.gitignore: hidden (its name starts with `.`)\n\
         mtlint: skipped ./.hidden: hidden (its name starts with `.`)\n\
         mtlint: skipped ./.ignore: hidden (its name starts with `.`)\n\
         mtlint: skipped ./_site: ignored by ./.gitignore: `_site/` (--no-ignore lints it)\n\
         mtlint: skipped ./build.log.txt: ignored by ./.gitignore: `*.log.txt` (--no-ignore \
         lints it)\n\
         mtlint: skipped ./drafts/d.md: excluded by {}: `drafts/*`\n\
         mtlint: skipped ./main.rs: not one of the extensions linted ({extensions})\n\
         mtlint: skipped ./mtlint.toml: not one of the extensions linted ({extensions})\n\
         mtlint: skipped ./vendor: ignored by ./.ignore: `vendor/` (--no-ignore lints it)\n\
         mtlint: ./docs/a.md: markdown, config: {c}\n\
         mtlint: ./docs/sub/b.txt: text, config: {c}\n\
         mtlint: ./drafts/keep.md: markdown, config: {c}\n",
        config.display(),
        c = config.display()
    );
    assert_eq!(err, expected);
}

#[test]
fn include_limits_the_walk_and_negation_works_there_too() {
    let dir = repository();
    write(
        dir.path(),
        "mtlint.toml",
        "include = [\"docs/**\", \"!docs/sub/**\"]\n",
    );
    let (names, _) = short_names(dir.path(), &["."]);
    assert_eq!(names, ["./docs/a.md"]);
    let (_, err, _) = run(mtlint_in(dir.path()).args(["-v", "--format=short", "docs"]));
    let config = fs::canonicalize(dir.path()).unwrap().join("mtlint.toml");
    assert!(
        err.starts_with(&format!(
            "mtlint: skipped docs/sub/b.txt: not matched by `include` in {}\n",
            config.display()
        )),
        "{err}"
    );
}

#[test]
fn fix_changes_exactly_the_walked_files_and_a_second_run_nothing() {
    let dir = repository();
    let (out, err, code) = run(mtlint_in(dir.path()).args(["--fix", "."]));
    assert_eq!((err.as_str(), code), ("", 0));
    assert_eq!(out, "fixed 3 problems in 3 files; no problems in 3 files\n");
    for (name, text) in [
        ("docs/a.md", GOOD),
        ("docs/sub/b.txt", GOOD),
        ("drafts/keep.md", GOOD),
        ("drafts/d.md", BAD),
        ("_site/index.md", BAD),
        ("build.log.txt", BAD),
        ("vendor/v.md", BAD),
        (".hidden/h.md", BAD),
    ] {
        assert_eq!(
            fs::read_to_string(dir.path().join(name)).unwrap(),
            text,
            "{name}"
        );
    }
    let (out, _, code) = run(mtlint_in(dir.path()).args(["--fix", "."]));
    assert_eq!(
        (out.as_str(), code),
        ("fixed 0 problems in 0 files; no problems in 3 files\n", 0)
    );
}

#[test]
fn a_nested_gitignore_applies_below_it() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "docs/.gitignore", "generated.md\n");
    write(dir.path(), "docs/generated.md", BAD);
    write(dir.path(), "generated.md", BAD);
    let (names, _) = short_names(dir.path(), &["."]);
    assert_eq!(names, ["./generated.md"]);
}
