//! Archive triage: the per-file score and verdict in `--format json`, `--statistics=files`,
//! the HTML report (`--format html`, `mtlint report`), merging JSON Lines shards with
//! `--from-json`, and the report in a real browser.

use std::fs;
use std::path::Path;

use serde_json::{json, Value};
use tempfile::TempDir;

use crate::common::*;

/// Many calques and false friends in few words.
const RAW: &str =
    "According to me, the conference of press was a success. The minister assisted at the meeting.\n";
/// One doubled period: punctuation weighs least.
const EDITED: &str = "They left. . Then they came back home.\n";
const CLEAN: &str = "The committee met on Tuesday and agreed on the budget.\n";

/// `mtlint report` run in `dir` (the subcommand comes before any option).
fn report_in(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("mtlint").unwrap();
    cmd.current_dir(dir).arg("report");
    cmd
}

/// A folder with the three texts.
fn three_files() -> TempDir {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "raw.txt", RAW);
    write(dir.path(), "edited.txt", EDITED);
    write(dir.path(), "clean.txt", CLEAN);
    dir
}

/// The JSON lines `mtlint --format json ARGS` prints in `dir`.
fn json_lines(dir: &Path, args: &[&str]) -> Vec<Value> {
    let (out, _) = stdout_of(mtlint_in(dir).arg("--format=json").args(args));
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn file_records(lines: &[Value]) -> Vec<&Value> {
    lines.iter().filter(|l| l["type"] == "file").collect()
}

#[test]
fn score_and_verdict_of_raw_edited_and_clean_texts() {
    let dir = three_files();
    let lines = json_lines(dir.path(), &["raw.txt", "edited.txt", "clean.txt"]);
    let files = file_records(&lines);
    // Three MT-only findings of weight 3 over 16 words, counted as 200: 45 per 1,000.
    assert_eq!(
        *files[0],
        json!({"type": "file", "path": "raw.txt", "words": 16, "score": 45.0,
               "verdict": "raw MT", "findings": 3,
               "categories": {"calque": 2, "false-friend": 1}})
    );
    // One doubled period (weight 0.5) over 8 words, counted as 200.
    assert_eq!(
        *files[1],
        json!({"type": "file", "path": "edited.txt", "words": 7, "score": 2.5,
               "verdict": "edited", "findings": 1, "categories": {"punctuation": 1}})
    );
    assert_eq!(
        *files[2],
        json!({"type": "file", "path": "clean.txt", "words": 10, "score": 0.0,
               "verdict": "clean", "findings": 0, "categories": {}})
    );
}

#[test]
fn the_file_record_follows_findings_that_keep_their_shape() {
    let dir = three_files();
    let lines = json_lines(dir.path(), &["edited.txt"]);
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0],
        json!({"path": "edited.txt", "rule": "punctuation/doubled-period", "severity": "error",
               "message": "doubled period", "line": 1, "column": 10, "end_line": 1,
               "end_column": 13, "byte_start": 9, "byte_end": 12,
               "fix": {"replacement": ".", "applicability": "safe"}})
    );
    assert_eq!(lines[1]["type"], "file");
    assert_eq!(lines[1]["path"], "edited.txt");
}

#[test]
fn json_of_the_samples_matches_the_schema() {
    let path = root().join("tests/schemas/mtlint-json.schema.json");
    let schema: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let lines = json_lines(root(), &["samples"]);
    assert_eq!(file_records(&lines).len(), 10);
    for line in &lines {
        let errors: Vec<String> = validator.iter_errors(line).map(|e| e.to_string()).collect();
        assert_eq!(errors, Vec::<String>::new(), "{line}");
    }
    // The schema tells a broken record.
    let mut bad = file_records(&lines)[0].clone();
    bad["verdict"] = json!("maybe");
    assert!(!validator.is_valid(&bad));
}

#[test]
fn statistics_files_lists_files_worst_first() {
    let dir = three_files();
    let (out, code) = stdout_of(mtlint_in(dir.path()).args([
        "--statistics=files",
        "--quiet",
        "clean.txt",
        "edited.txt",
        "raw.txt",
    ]));
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "   45.00  raw MT       16 words     3 findings  raw.txt     calque 2, false-friend 1\n\
         \x20   2.50  edited        7 words     1 findings  edited.txt  punctuation 1\n\
         \x20   0.00  clean        10 words     0 findings  clean.txt\n"
    );
    // `--statistics` alone is still the per-rule view.
    let (out, _) = stdout_of(mtlint_in(dir.path()).args(["--statistics", "-q", "edited.txt"]));
    assert!(out.contains("punctuation/doubled-period"), "{out}");
}

/// The SVG element `id` of a page and the `data-count` of each of its bars.
fn bar_counts(page: &str, id: &str) -> Vec<usize> {
    let start = page
        .find(&format!("<svg id=\"{id}\""))
        .unwrap_or_else(|| panic!("no svg {id}"));
    let svg = &page[start..start + page[start..].find("</svg>").unwrap()];
    svg.split("<rect class=\"bar")
        .skip(1)
        .map(|bar| {
            let at = bar.find("data-count=\"").unwrap() + 12;
            bar[at..at + bar[at..].find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

#[test]
fn the_html_report_has_charts_tables_and_the_worst_documents_first() {
    let dir = three_files();
    let (page, code) = stdout_of(mtlint_in(dir.path()).args(["--format=html", "."]));
    assert_eq!(code, 1);
    assert!(page.starts_with("<!DOCTYPE html>"));
    // Histogram bins: 0–1, 1–2, 2–6, 6–10, 10–20, 20–40, 40–80, ≥80.
    assert_eq!(bar_counts(&page, "histogram"), [1, 0, 1, 0, 0, 0, 1, 0]);
    // Findings per category, most first.
    assert_eq!(bar_counts(&page, "categories"), [2, 1, 1]);
    assert!(page.contains("data-category=\"calque\" data-count=\"2\""));
    let order: Vec<&str> = page
        .split("<tr class=\"doc-row\"")
        .skip(1)
        .map(|row| row.split('"').nth(3).unwrap())
        .collect();
    assert_eq!(order, ["./raw.txt", "./edited.txt", "./clean.txt"]);
    // Links to the findings, with their excerpts.
    assert!(page.contains("<a href=\"#doc-1\">./raw.txt</a>"));
    assert!(page.contains(
        "<span class=\"excerpt\">According to me, the <mark>conference of press</mark> was a \
         success. The minister assisted at the meeting.</span>"
    ));
    assert!(page.contains("<tr class=\"rule-row\" data-category=\"calque\""));
    assert!(page.contains("<select id=\"category-filter\">"));
    assert!(page.contains("<select id=\"severity-filter\">"));
    // Self-contained: nothing is fetched.
    for external in ["src=", "<link", "http:", "https:", "@import"] {
        assert!(!page.contains(external), "{external}");
    }
}

#[test]
fn report_writes_the_page_to_a_file() {
    let dir = three_files();
    let (stdout, stderr, code) =
        run(report_in(dir.path()).args(["out.html", "raw.txt", "clean.txt"]));
    assert_eq!((stdout.as_str(), stderr.as_str(), code), ("", "", 1));
    let page = fs::read_to_string(dir.path().join("out.html")).unwrap();
    assert_eq!(bar_counts(&page, "histogram"), [1, 0, 0, 0, 0, 0, 1, 0]);
    let (direct, _) =
        stdout_of(mtlint_in(dir.path()).args(["--format=html", "raw.txt", "clean.txt"]));
    assert_eq!(page, direct);
}

#[test]
fn two_json_shards_merge_into_the_report_of_one_run() {
    let dir = three_files();
    write(
        dir.path(),
        "more.txt",
        "Since ever, the most part of the village speaks of it, according to me.\n",
    );
    let shard = |name: &str, files: &[&str]| {
        let (out, _) = stdout_of(mtlint_in(dir.path()).arg("--format=json").args(files));
        write(dir.path(), name, out);
    };
    shard("a.jsonl", &["raw.txt", "clean.txt"]);
    shard("b.jsonl", &["more.txt", "edited.txt"]);
    let (one_run, _) = stdout_of(mtlint_in(dir.path()).args([
        "--format=html",
        "raw.txt",
        "clean.txt",
        "more.txt",
        "edited.txt",
    ]));
    let (merged, code) = stdout_of(mtlint_in(dir.path()).args([
        "--format=html",
        "--from-json",
        "a.jsonl",
        "b.jsonl",
    ]));
    assert_eq!(code, 0);
    assert_eq!(merged, one_run);
    assert_eq!(bar_counts(&merged, "histogram").iter().sum::<usize>(), 4);

    let (stdout, _, code) =
        run(report_in(dir.path()).args(["merged.html", "--from-json", "b.jsonl", "a.jsonl"]));
    assert_eq!((stdout.as_str(), code), ("", 0));
    assert_eq!(
        fs::read_to_string(dir.path().join("merged.html")).unwrap(),
        one_run
    );

    let (files, _) = stdout_of(mtlint_in(dir.path()).args([
        "--statistics=files",
        "--from-json",
        "a.jsonl",
        "b.jsonl",
    ]));
    let paths: Vec<&str> = files
        .lines()
        .map(|l| l.split_whitespace().find(|w| w.ends_with(".txt")).unwrap())
        .collect();
    assert_eq!(paths, ["raw.txt", "more.txt", "edited.txt", "clean.txt"]);
}

#[test]
fn bad_from_json_input_names_the_file_and_line() {
    let dir = three_files();
    let (good, _) = stdout_of(mtlint_in(dir.path()).args(["--format=json", "edited.txt"]));
    let cases = [
        (
            format!("{good}{{not json\n"),
            "bad.jsonl:3: not JSON: key must be a string at line 1 column 2",
        ),
        (
            good.lines().next().unwrap().to_string() + "\n",
            "bad.jsonl: findings of `edited.txt` have no file record (\"type\": \"file\") \
             after them: write the JSON Lines with this version's --format json",
        ),
        (
            "{\"type\": \"file\", \"path\": \"x\"}\n".to_string(),
            "bad.jsonl:1: not a file record of --format json: missing field `words`",
        ),
        ("[1, 2]\n".to_string(), "bad.jsonl:1: not a JSON object"),
    ];
    for (contents, message) in cases {
        write(dir.path(), "bad.jsonl", &contents);
        let (stderr, code) =
            stderr_of(mtlint_in(dir.path()).args(["--format=html", "--from-json", "bad.jsonl"]));
        assert_eq!(code, 2, "{contents}");
        assert_eq!(stderr, format!("mtlint: error: {message}\n"), "{contents}");
    }
    let (stderr, code) =
        stderr_of(mtlint_in(dir.path()).args(["--format=html", "--from-json", "missing.jsonl"]));
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("mtlint: error: missing.jsonl: "),
        "{stderr}"
    );
    let (stderr, code) = stderr_of(mtlint_in(dir.path()).args(["--from-json", "bad.jsonl"]));
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "mtlint: error: --from-json writes a report: use it with --format html, \
         --statistics=files or `mtlint report OUT.html`\n"
    );
}

#[test]
fn the_report_of_the_samples_renders_in_chromium() {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let (page, _) = stdout_of(mtlint_in(root()).args(["--format=html", "samples"]));
    let (json, _) = stdout_of(mtlint_in(root()).args(["--format=json", "samples"]));
    let html_path = tmp.join("report-samples.html");
    let json_path = tmp.join("report-samples.jsonl");
    let png = tmp.join("report-samples.png");
    fs::write(&html_path, page).unwrap();
    fs::write(&json_path, json).unwrap();
    let _ = fs::remove_file(&png);
    let args = [&html_path, &json_path, &png].map(|p| p.to_str().unwrap().to_string());
    let Some(out) = browser_script("report.py", &args.each_ref().map(String::as_str)) else {
        return;
    };
    assert_eq!(out, "ok 10 documents\n");
    assert!(fs::metadata(&png).unwrap().len() > 10_000, "no screenshot");
}

#[test]
fn a_large_sweep_lists_the_500_worst_and_counts_the_rest() {
    let dir = TempDir::new().unwrap();
    // Summary records only (findings filtered out of the stream), 1,100 documents.
    let shard: String = (0..1100)
        .map(|i| {
            format!(
                "{{\"type\":\"file\",\"path\":\"d{i:04}.txt\",\"words\":500,\"score\":{}.5,\
                 \"verdict\":\"clean\",\"findings\":0,\"categories\":{{}}}}\n",
                i % 7
            )
        })
        .collect();
    write(dir.path(), "big.jsonl", shard);
    let (page, code) =
        stdout_of(mtlint_in(dir.path()).args(["--format=html", "--from-json", "big.jsonl"]));
    assert_eq!(code, 0);
    assert_eq!(page.matches("<tr class=\"doc-row\"").count(), 500);
    assert!(page.contains(
        "<p>600 more documents, with lower scores, are counted above but not listed.</p>"
    ));
    assert_eq!(bar_counts(&page, "histogram").iter().sum::<usize>(), 1100);
    // The worst first: score 6.5, then by path.
    let first = page.find("<tr class=\"doc-row\"").unwrap();
    assert!(page[first..].starts_with(
        "<tr class=\"doc-row\" data-doc=\"doc-1\" data-path=\"d0006.txt\" data-score=\"6.5\">"
    ));
}
