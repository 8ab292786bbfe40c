//! The command-line contract: formats, exit codes, fixing, diffs, stdin, rule selection,
//! rule listing and explanation, errors.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

use crate::common::*;

/// A house-style rule file, as a team would write one.
const HOUSE_RULE: &str = r#"[[rule]]
id = "house/colour"
severity = "info"
message = "house style spells it colour"
description = "We write British English."
pattern = '\b(?P<m>color)\b'
replace = "colour"
fix = "safe"
bad = [{ text = "a color", fixed = "a colour" }]
good = ["a colour"]
"#;

const ARTICLE: &str = "It cost $ 5 billion.\nThey left. .\n";

#[test]
fn short_format_lists_each_problem_on_one_line() {
    let (_dir, file) = temp_file("a.txt", ARTICLE);
    let (out, code) = stdout_of(mtlint().arg("--format=short").arg(&file));
    let p = file.display();
    assert_eq!(
        out,
        format!(
            "{p}:1:10: error[currency/space-after-symbol] space between a currency symbol and its amount\n\
             {p}:2:10: error[punctuation/doubled-period] doubled period\n"
        )
    );
    assert_eq!(code, 1);
}

#[test]
fn json_lines_have_every_key_with_exact_values() {
    let (_dir, file) = temp_file("a.txt", "Café « oui » ici\n");
    let (out, code) = stdout_of(mtlint().arg("--format=json").arg(&file));
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    // The finding, then the file's summary record (tests/it/report.rs).
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[1].starts_with("{\"type\":\"file\","), "{out}");
    let value: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    let object = value.as_object().unwrap();
    let keys = [
        "path",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
        "fix",
    ];
    assert_eq!(object.len(), keys.len());
    // Keys come in the documented order.
    let positions: Vec<usize> = keys
        .iter()
        .map(|k| lines[0].find(&format!("\"{k}\":")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{}", lines[0]);
    assert_eq!(object["path"], file.display().to_string());
    assert_eq!(object["rule"], "quotes/guillemets");
    assert_eq!(object["severity"], "warning");
    assert_eq!(object["message"], "guillemets in English text");
    assert_eq!(object["line"], 1);
    assert_eq!(object["column"], 6); // characters, not bytes: "Café " is 5 characters
    assert_eq!(object["end_line"], 1);
    assert_eq!(object["end_column"], 13);
    assert_eq!(object["byte_start"], 6);
    assert_eq!(object["byte_end"], 6 + "« oui »".len());
    assert_eq!(
        object["fix"],
        serde_json::json!({"replacement": "“oui”", "applicability": "safe"})
    );
}

#[test]
fn json_fix_is_null_without_a_fix() {
    let (out, _) = stdout_of(
        mtlint()
            .args(["--format", "json", "-"])
            .write_stdin("He went to Iraq. the country.\n"),
    );
    let first = out.lines().next().unwrap();
    let value: serde_json::Value = serde_json::from_str(first).unwrap();
    assert_eq!(value["rule"], "sentence/lowercase-after-period");
    assert_eq!(value["path"], "<stdin>");
    assert!(value["fix"].is_null());
}

#[test]
fn exit_codes_follow_fail_on() {
    let (dir, clean) = temp_file("clean.txt", "All is well here.\n");
    let warned = write(dir.path(), "warned.txt", "They met in Iraq. the country.\n");
    let (_, code) = stdout_of(mtlint().arg(&clean));
    assert_eq!(code, 0);
    let (_, code) = stdout_of(mtlint().arg(&warned));
    assert_eq!(code, 1);
    let (_, code) = stdout_of(mtlint().args(["--fail-on", "error"]).arg(&warned));
    assert_eq!(code, 0);
    let (_, code) = stdout_of(mtlint().args(["--fail-on", "never"]).arg(&warned));
    assert_eq!(code, 0);
    let info = write(dir.path(), "info.txt", "A ship. (Jane Doe / The Planet)\n");
    let (_, code) = stdout_of(mtlint().arg(&info));
    assert_eq!(code, 0);
    let (_, code) = stdout_of(mtlint().args(["--fail-on", "info"]).arg(&info));
    assert_eq!(code, 1);
    let (_, code) = stdout_of(mtlint().arg("--format=bogus").arg(&clean));
    assert_eq!(code, 2);
}

#[test]
fn unreadable_file_is_reported_and_others_still_linted() {
    let (dir, good) = temp_file("a.txt", ARTICLE);
    let missing = dir.path().join("missing.txt");
    let (stdout, stderr, code) = run(mtlint().arg("--format=short").arg(&missing).arg(&good));
    assert_eq!(code, 2);
    assert!(
        stderr.contains(&format!("{}: ", missing.display())),
        "{stderr}"
    );
    assert_eq!(stdout.lines().count(), 2);
}

#[test]
fn invalid_utf8_and_binary_files_are_named_with_the_position() {
    let dir = TempDir::new().unwrap();
    let latin1 = dir.path().join("latin1.txt");
    fs::write(&latin1, b"Caf\xe9 au lait\n").unwrap();
    let binary = dir.path().join("image.txt");
    fs::write(&binary, b"abc\0def").unwrap();
    let (stderr, code) = stderr_of(mtlint().arg(&latin1).arg(&binary));
    assert_eq!(code, 2);
    assert!(
        stderr.contains(&format!("{}: not valid UTF-8 at byte 3", latin1.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{}: binary file (NUL byte at byte 3)",
            binary.display()
        )),
        "{stderr}"
    );
    // Found by walking, a binary file is skipped silently.
    fs::remove_file(&latin1).unwrap();
    let out = mtlint().arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
}

#[test]
fn fix_rewrites_in_place_keeps_permissions_and_is_idempotent() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, file) = temp_file("a.txt", ARTICLE);
    fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).unwrap();
    let (out, code) = stdout_of(mtlint().arg("--fix").arg(&file));
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "It cost $5 billion.\nThey left.\n"
    );
    assert_eq!(code, 0);
    assert!(
        out.ends_with("fixed 2 problems in 1 file; no problems in 1 file\n"),
        "{out}"
    );
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o640
    );
    let before = fs::metadata(&file).unwrap().modified().unwrap();
    let (out, _) = stdout_of(mtlint().arg("--fix").arg(&file));
    assert!(out.starts_with("fixed 0 problems in 0 files"), "{out}");
    assert_eq!(fs::metadata(&file).unwrap().modified().unwrap(), before);
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn unsafe_fixes_only_with_the_flag() {
    let (_dir, file) = temp_file("a.txt", "secular divisions ,\n");
    let (_, code) = stdout_of(mtlint().arg("--fix").arg(&file));
    assert_eq!(fs::read_to_string(&file).unwrap(), "secular divisions,\n");
    assert_eq!(code, 1, "the unsafe one remains");
    let (_, code) = stdout_of(mtlint().args(["--fix", "--unsafe-fixes"]).arg(&file));
    assert_eq!(fs::read_to_string(&file).unwrap(), "sectarian divisions,\n");
    assert_eq!(code, 0);
}

#[test]
fn diff_shows_the_fix_and_writes_nothing() {
    let (dir, file) = temp_file("a.txt", ARTICLE);
    let (out, code) = stdout_of(mtlint().arg("--diff").arg(&file));
    let p = file.display();
    assert_eq!(
        out,
        format!(
            "--- a/{p}\n+++ b/{p}\n@@ -1,2 +1,2 @@\n-It cost $ 5 billion.\n-They left. .\n+It cost $5 billion.\n+They left.\n"
        )
    );
    assert_eq!(code, 1);
    assert_eq!(fs::read_to_string(&file).unwrap(), ARTICLE);
    let clean = write(dir.path(), "b.txt", "Fine.\n");
    let (out, code) = stdout_of(mtlint().arg("--diff").arg(&clean));
    assert_eq!((out.as_str(), code), ("", 0));
}

#[test]
fn stdin_is_linted_under_the_given_name_and_fixed_to_stdout() {
    let (out, code) = stdout_of(
        mtlint()
            .args(["--format=short", "--stdin-filename", "story.txt", "-"])
            .write_stdin(ARTICLE),
    );
    assert_eq!(code, 1);
    assert!(
        out.starts_with("story.txt:1:10: error[currency/space-after-symbol]"),
        "{out}"
    );
    let out = mtlint()
        .args(["--fix", "--format=short", "-"])
        .write_stdin(ARTICLE)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "It cost $5 billion.\nThey left.\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn select_and_ignore_by_id_and_category() {
    let run = |args: &[&str]| {
        let (out, _) = stdout_of(
            mtlint()
                .arg("--format=short")
                .args(args)
                .arg("-")
                .write_stdin(ARTICLE),
        );
        out.lines()
            .map(|l| l.split(['[', ']']).nth(1).unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        run(&["--select", "punctuation"]),
        ["punctuation/doubled-period"]
    );
    assert_eq!(
        run(&["--select", "currency/space-after-symbol"]),
        ["currency/space-after-symbol"]
    );
    assert_eq!(
        run(&["--ignore", "currency,punctuation/doubled-period"]),
        Vec::<String>::new()
    );
    let (stderr, code) = stderr_of(mtlint().args(["--select", "nope", "-"]).write_stdin("x"));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown rule or category `nope`"),
        "{stderr}"
    );
}

#[test]
fn list_rules_shows_a_table_of_every_rule() {
    let (out, code) = stdout_of(mtlint().arg("--list-rules"));
    assert_eq!(code, 0);
    let mut lines = out.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("ID ") && header.contains("SEVERITY  FIX     PACK "));
    assert!(header.ends_with("  SUMMARY"));
    let row = out
        .lines()
        .find(|l| l.starts_with("punctuation/doubled-period "))
        .unwrap();
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        &cells[..5],
        [
            "punctuation/doubled-period",
            "error",
            "safe",
            "-",
            "doubled"
        ]
    );
    let count = mtlint::Linter::builtin().rules().count();
    assert_eq!(out.lines().count(), count + 1);
}

#[test]
fn explain_shows_description_and_examples() {
    let (out, code) = stdout_of(mtlint().args(["--explain", "calque/reversed-united-states"]));
    assert_eq!(code, 0);
    assert!(out.starts_with("calque/reversed-united-states\nseverity: warning\nfix: unsafe\ndefined in: rules/calque/core.toml\n"), "{out}");
    assert!(out.contains("  bad:   a conflict between states- United and Iran\n  fixed: a conflict between United States and Iran\n"), "{out}");
    assert!(out.contains("  good:  the United States"), "{out}");
    let out = mtlint().args(["--explain", "nope/nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn extra_rule_files_are_loaded_and_invalid_ones_rejected_with_position() {
    let (dir, rules) = temp_file("house.toml", HOUSE_RULE);
    let (out, _) = stdout_of(
        mtlint()
            .args(["--format=short", "--select=house", "--rules"])
            .arg(&rules)
            .arg("-")
            .write_stdin("the color red"),
    );
    assert_eq!(
        out,
        "<stdin>:1:5: info[house/colour] house style spells it colour\n"
    );

    let bad = write(
        dir.path(),
        "bad.toml",
        "[[rule]]\nid = \"house/x\"\nseverity = \"error\"\nmessage = \"m\"\ndescription = \"d\"\npattern = '(unclosed'\nbad = [{ text = \"x\" }]\ngood = [\"y\"]\n",
    );
    let (stderr, code) = stderr_of(mtlint().arg("--rules").arg(&bad).arg("-").write_stdin("x"));
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        format!(
            "error: invalid regex: unclosed group\n  ┌─ {}:6:11\n  │\n6 │ pattern = '(unclosed'\n  │           ^^^^^^^^^^^\n\n",
            bad.display()
        )
    );
    let typo = write(dir.path(), "typo.toml", "[[rule]]\nidd = \"x/y\"\n");
    let (stderr, code) = stderr_of(mtlint().arg("--rules").arg(&typo).arg("-").write_stdin("x"));
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: unknown field `idd`, expected one of `id`, "),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("┌─ {}:2:1\n", typo.display())),
        "{stderr}"
    );
}

#[test]
fn directories_are_walked_with_the_default_extensions() {
    let dir = TempDir::new().unwrap();
    for name in [
        "a.txt",
        "b.md",
        "c.markdown",
        "d.text",
        "skip.rs",
        ".hidden/e.txt",
        "target/f.txt",
        "node_modules/g.txt",
        "sub/deeper/h.txt",
    ] {
        write(dir.path(), name, "They left. .\n");
    }
    let (out, _) = stdout_of(mtlint().arg("--format=short").arg(dir.path()));
    let names: Vec<String> = out
        .lines()
        .map(|l| {
            let path = l.split(':').next().unwrap();
            Path::new(path)
                .strip_prefix(dir.path())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        ["a.txt", "b.md", "c.markdown", "d.text", "sub/deeper/h.txt"]
    );
    // Named explicitly, any extension is linted.
    let (out, _) = stdout_of(
        mtlint()
            .arg("--format=short")
            .arg(dir.path().join("skip.rs")),
    );
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn colour_only_when_asked() {
    let file_text = "They left. .\n";
    let (out, _) = stdout_of(
        Command::cargo_bin("mtlint")
            .unwrap()
            .args(["--color", "always", "-"])
            .write_stdin(file_text),
    );
    assert!(out.contains("\u{1b}["), "{out}");
    let (out, _) = stdout_of(
        Command::cargo_bin("mtlint")
            .unwrap()
            .env("NO_COLOR", "1")
            .arg("-")
            .write_stdin(file_text),
    );
    assert!(!out.contains("\u{1b}["), "{out}");
}

#[test]
fn human_output_of_a_sample() {
    let sample = root().join("samples/quotes.txt");
    let text = fs::read_to_string(&sample).unwrap();
    let (out, code) = stdout_of(
        mtlint()
            .args(["--stdin-filename", "samples/quotes.txt", "-"])
            .write_stdin(text),
    );
    assert_eq!(code, 1);
    insta::assert_snapshot!(out);
}

#[test]
fn fix_is_idempotent_on_every_sample() {
    let samples = root().join("samples");
    let dir = TempDir::new().unwrap();
    for entry in fs::read_dir(&samples).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    for flags in [&["--fix"][..], &["--fix", "--unsafe-fixes"][..]] {
        mtlint().args(flags).arg(dir.path()).output().unwrap();
        let first: Vec<String> = sorted_texts(dir.path());
        let (out, _) = stdout_of(mtlint().args(flags).arg(dir.path()));
        assert!(out.contains("fixed 0 problems in 0 files"), "{out}");
        assert_eq!(sorted_texts(dir.path()), first);
    }
    // The clean sample is untouched, byte for byte.
    assert_eq!(
        fs::read(dir.path().join("clean.txt")).unwrap(),
        fs::read(samples.join("clean.txt")).unwrap()
    );
}

fn sorted_texts(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn clean_sample_has_no_findings_at_all() {
    let sample = root().join("samples/clean.txt");
    let (out, code) = stdout_of(
        mtlint()
            .args(["--format=short", "--fail-on=info"])
            .arg(sample),
    );
    assert_eq!((out.as_str(), code), ("", 0));
}

#[test]
fn shards_from_file_lists_merge_into_the_same_result_as_one_run() {
    let dir = TempDir::new().unwrap();
    let mut paths = Vec::new();
    for i in 0..6 {
        let text = format!("Story {i} cost $ {i} million. .\nIt is « fine ».\n");
        paths.push(write(dir.path(), &format!("s{i}.txt"), &text));
    }
    let json = |cmd: &mut Command| {
        let (out, _) = stdout_of(cmd.arg("--format=json"));
        out.lines().map(String::from).collect::<Vec<_>>()
    };
    let mut whole = json(mtlint().arg(dir.path()));
    // Three findings and the file record per file.
    assert_eq!(whole.len(), 24);
    let list = |paths: &[PathBuf], sep: &str| {
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(sep)
    };
    let first = write(dir.path(), "first.list", list(&paths[..3], "\n"));
    let mut merged = json(mtlint().arg("--files-from").arg(&first));
    merged.extend(json(
        mtlint()
            .args(["--files-from", "-", "-0"])
            .write_stdin(list(&paths[3..], "\0")),
    ));
    whole.sort();
    merged.sort();
    assert_eq!(merged, whole);
}

#[test]
fn dumped_patterns_form_one_valid_regex_for_ripgrep() {
    let (out, code) = stdout_of(mtlint().arg("--dump-patterns"));
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() > 40, "{}", lines.len());
    assert!(!out.contains("(?P<"));
    let union = regex::Regex::new(&lines.join("|")).unwrap();
    assert!(union.is_match("They left. ."));
    assert!(union.is_match("secular divisions"));
}

#[test]
fn html_references_are_info_when_named_and_warnings_when_numeric_or_doubled() {
    let (out, _) = stdout_of(
        mtlint()
            .args(["--format=short", "--select=residue", "-"])
            .write_stdin("a &mdash; b &#8217; c &amp;quot;x AT&amp;T"),
    );
    let severities: Vec<&str> = out.lines().map(|l| l.split(' ').nth(1).unwrap()).collect();
    assert_eq!(
        severities,
        [
            "info[residue/html-entity]",
            "warning[residue/html-entity]",
            "warning[residue/html-entity]",
            "info[residue/html-entity]"
        ]
    );
}

#[test]
fn test_rules_runs_the_examples_of_a_rule_file() {
    let (_dir, rules) = temp_file(
        "house.toml",
        HOUSE_RULE
            .replace(
                "a colour\" }]",
                "a colour\" }, { text = \"the color red\", fixed = \"the colour blue\" }]",
            )
            .replace(
                "good = [\"a colour\"]",
                "good = [\"a colour\", \"color-blind\"]",
            ),
    );
    let (out, code) = stdout_of(mtlint().arg("--test-rules").arg(&rules));
    assert_eq!(
        out,
        "FAIL house/colour: \"the color red\" fixed to \"the colour red\", want \"the colour blue\"\n\
         FAIL house/colour: flagged good text \"color-blind\" at 0..5 (\"color\")\n\
         2 passed, 2 failed (1 rules)\n"
    );
    assert_eq!(code, 1);
    fs::write(
        &rules,
        fs::read_to_string(&rules)
            .unwrap()
            .replace("colour blue", "colour red")
            .replace(", \"color-blind\"", ""),
    )
    .unwrap();
    let (out, code) = stdout_of(mtlint().arg("--test-rules").arg(&rules));
    assert_eq!((out.as_str(), code), ("3 passed, 0 failed (1 rules)\n", 0));
}

#[test]
fn github_annotations_escape_data_and_properties() {
    let (_dir, rules) = temp_file(
        "odd.toml",
        r#"[[rule]]
id = "house/odd"
severity = "info"
message = "50% of: a,b\nnext"
description = "d"
pattern = 'zz'
bad = [{ text = "zz" }]
good = ["z"]
"#,
    );
    let (out, _) = stdout_of(
        mtlint()
            .args([
                "--format=github",
                "--select=house",
                "--stdin-filename",
                "a,b:c%.txt",
                "--rules",
            ])
            .arg(&rules)
            .arg("-")
            .write_stdin("x\n zz"),
    );
    assert_eq!(
        out,
        "::notice file=a%2Cb%3Ac%25.txt,line=2,col=2,endLine=2,endColumn=4,title=mtlint house/odd::50%25 of: a,b%0Anext\n"
    );
}

#[test]
fn statistics_count_problems_per_rule() {
    let (out, code) = stdout_of(
        mtlint()
            .args(["--statistics", "--format=short", "-"])
            .write_stdin("They left. . Then they left. .\nIt cost $ 5.\nIn Iraq. the end.\n"),
    );
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "     2  punctuation/doubled-period          2 fixable  doubled period\n     \
         1  currency/space-after-symbol         1 fixable  space between a currency symbol and its amount\n     \
         1  sentence/lowercase-after-period                sentence starts with a lowercase word\n"
    );
}

#[test]
fn one_thread_and_two_report_the_same_findings() {
    // The rules of the first texts run in parallel (their first-use work dominates), and
    // the rule files load in parallel: neither may change what is reported, or its order.
    let samples = root().join("samples");
    let run = |threads: &str| {
        let (out, code) = stdout_of(
            mtlint()
                .args(["--format=short", "-j", threads])
                .arg(&samples),
        );
        assert_eq!(code, 1, "{out}");
        out
    };
    let one = run("1");
    assert!(one.lines().count() > 50, "{one}");
    assert_eq!(one, run("2"));
}
