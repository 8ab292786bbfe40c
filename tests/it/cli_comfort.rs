//! Command-line comfort and CI formats: --generate (completions, man page), --quiet,
//! --verbose, the progress bar, --help, GitHub annotations and --statistics.

use std::fs;
use std::path::Path;
use std::process::Command as StdCommand;

use tempfile::TempDir;

use crate::common::*;

fn generated(what: &str) -> String {
    let (out, err, code) = run(mtlint().args(["--generate", what]));
    assert_eq!((err.as_str(), code), ("", 0), "{what}");
    out
}

#[test]
fn completions_for_each_shell_know_the_options_and_their_values() {
    let bash = generated("completions-bash");
    assert!(bash.contains("complete -F _mtlint"), "{bash}");
    for option in [
        "--fix",
        "--format",
        "--generate",
        "--quiet",
        "--unsafe-fixes",
    ] {
        assert!(bash.contains(option), "bash lacks {option}");
    }
    // Possible values are completed too.
    assert!(bash.contains("human short json github sarif"), "{bash}");
    assert!(generated("completions-zsh").starts_with("#compdef mtlint\n"));
    assert!(generated("completions-fish").contains("-l fix -d 'Apply every safe fix in place'\n"));
    assert!(generated("completions-elvish").contains("--unsafe-fixes"));
    assert!(generated("completions-powershell").contains("'--unsafe-fixes'"));
}

#[test]
fn man_page_has_name_synopsis_options_and_examples() {
    let man = generated("man");
    assert!(man.contains(".TH mtlint 1"), "{man}");
    assert!(man.contains(
        ".SH NAME\nmtlint \\- Find and fix machine\\-translation and copy\\-paste artifacts in prose\n"
    ));
    assert!(man.contains(".SH SYNOPSIS\n"));
    assert!(man.contains("\\fB\\-\\-fix\\fR\nApply every safe fix in place\n"));
    assert!(man.contains("mtlint \\-\\-fix article.txt"));
}

#[test]
fn generate_rejects_an_unknown_kind() {
    let (out, err, code) = run(mtlint().args(["--generate", "completions-tcsh"]));
    assert_eq!((out.as_str(), code), ("", 2));
    assert!(err.contains("invalid value 'completions-tcsh'"), "{err}");
}

#[test]
fn help_ends_with_examples_and_exit_statuses() {
    let (out, _, code) = run(mtlint().arg("--help"));
    assert_eq!(code, 0);
    assert!(out.contains(
        "\nExamples:\n  mtlint                                  lint the current directory\n"
    ));
    assert!(
        out.contains("  mtlint --format sarif . > mtlint.sarif  one SARIF log for code scanning\n")
    );
    assert!(out.ends_with(
        "Exit status: 0 no problem (at --fail-on level), 1 problems remain, 2 error.\n"
    ));
}

const ARTICLE: &str = "They left. .\n";

#[test]
fn quiet_prints_the_problems_without_the_summary() {
    let (dir, file) = temp_file("a.txt", ARTICLE);
    let (normal, _, code) = run(mtlint().arg(&file));
    assert_eq!(code, 1);
    let summary = "1 problem (1 error, 0 warnings, 0 info) in 1 file; 1 fixable with --fix\n";
    assert!(normal.ends_with(summary), "{normal}");
    let (quiet, err, code) = run(mtlint().arg("--quiet").arg(&file));
    assert_eq!((err.as_str(), code), ("", 1));
    assert_eq!(quiet, normal.strip_suffix(summary).unwrap());
    assert!(quiet.starts_with("error[punctuation/doubled-period]: doubled period\n"));

    let clean = write(dir.path(), "clean.txt", "They left.\n");
    assert_eq!(
        run(mtlint().arg("-q").arg(&clean)),
        (String::new(), String::new(), 0)
    );
    // Fixing everything: nothing to say.
    assert_eq!(
        run(mtlint().args(["-q", "--fix"]).arg(&file)),
        (String::new(), String::new(), 0)
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "They left.\n");
    let (_, err, code) = run(mtlint().args(["-q", "-v"]).arg(&file));
    assert_eq!(code, 2);
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn verbose_names_each_file_its_markup_and_config_on_stderr() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", ARTICLE);
    write(dir.path(), "b.md", "Fine.\n");
    let (out, err, code) = run(mtlint()
        .current_dir(dir.path())
        .args(["--verbose", "--format=short", "a.txt", "b.md", "-"])
        .write_stdin("x"));
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "a.txt:1:10: error[punctuation/doubled-period] doubled period\n"
    );
    assert_eq!(
        err,
        "mtlint: a.txt: text, config: none\n\
         mtlint: b.md: markdown, config: none\n\
         mtlint: <stdin>: text, config: none\n"
    );
}

/// Run `shell_command` with standard error on a pseudo-terminal (util-linux `script`);
/// what the terminal showed, or `None` (said loudly) if `script` is missing.
fn on_a_terminal(shell_command: &str) -> Option<String> {
    let probe = StdCommand::new("script").arg("--version").output();
    if probe.is_err() {
        eprintln!("SKIPPED: util-linux `script` is not installed; progress bar not tested");
        return None;
    }
    let out = StdCommand::new("script")
        .args(["-qec", shell_command, "/dev/null"])
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn progress_bar_only_on_a_terminal_for_long_runs_in_human_formats() {
    let dir = TempDir::new().unwrap();
    for i in 0..400 {
        write(dir.path(), &format!("f{i:03}.txt"), ARTICLE);
    }
    let bin = assert_cmd::cargo::cargo_bin("mtlint");
    let elsewhere = TempDir::new().unwrap();
    let report = elsewhere.path().join("report.txt");
    let command = |args: &str, files: &Path| {
        format!(
            "'{}' --color never {args} '{}' > '{}'",
            bin.display(),
            files.display(),
            report.display()
        )
    };
    let Some(shown) = on_a_terminal(&command("--format short", dir.path())) else {
        return;
    };
    assert!(shown.contains("linting ["), "{shown:?}");
    assert!(shown.contains("] 400/400 files"), "{shown:?}");
    // Cleared at the end, and never mixed into the report.
    assert!(shown.ends_with("\r\u{1b}[2K"), "{shown:?}");
    let report_text = fs::read_to_string(&report).unwrap();
    assert_eq!(report_text.lines().count(), 400);
    assert!(!report_text.contains("linting"));
    // Not for machine-read formats, --quiet, or a short run.
    for args in [
        "--format json",
        "--format sarif",
        "--format github",
        "--quiet",
    ] {
        let shown = on_a_terminal(&command(args, dir.path())).unwrap();
        assert_eq!(shown, "", "{args}");
    }
    let few = dir.path().join("f00*.txt");
    let shown = on_a_terminal(&format!(
        "'{}' {} > /dev/null",
        bin.display(),
        few.display()
    ))
    .unwrap();
    assert_eq!(shown, "");
    // Not when standard error is piped.
    let (_, err, _) = run(mtlint().arg("--format=short").arg(dir.path()));
    assert_eq!(err, "");
}

#[test]
fn github_annotations_escape_carriage_returns_and_span_lines() {
    let (_dir, rules) = temp_file(
        "odd.toml",
        r#"[[rule]]
id = "house/odd"
severity = "warning"
message = "line\r\nbreak 100%"
description = "d"
pattern = 'z\nz'
bad = [{ text = "z\nz" }]
good = ["z z"]
"#,
    );
    let (out, _, code) = run(mtlint()
        .args([
            "--format=github",
            "--select=house",
            "--stdin-filename",
            "dir/x:y.md",
            "--rules",
        ])
        .arg(&rules)
        .arg("-")
        .write_stdin("é z\nz\n"));
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "::warning file=dir/x%3Ay.md,line=1,col=3,endLine=2,endColumn=2,title=mtlint house/odd::line%0D%0Abreak 100%25\n"
    );
}

#[test]
fn statistics_add_up_over_files_and_say_nothing_without_problems() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", "They left. .\nIt cost $ 5.\n");
    write(dir.path(), "b.txt", "They left. . And. .\n");
    write(dir.path(), "c.txt", "Fine.\n");
    let (out, _, code) = run(mtlint()
        .args(["--statistics", "--format=short"])
        .arg(dir.path()));
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "     3  punctuation/doubled-period      3 fixable  doubled period\n     \
         1  currency/space-after-symbol     1 fixable  space between a currency symbol and its amount\n"
    );
    let (out, _, code) = run(mtlint()
        .args(["--statistics", "--format=short"])
        .arg(dir.path().join("c.txt")));
    assert_eq!((out.as_str(), code), ("", 0));
}
