//! `--format sarif`: the log validates against the official SARIF 2.1.0 schema (shipped in
//! tests/schemas/, see its PROVENANCE file) and carries exact locations, rules and fixes.

use std::fs;
use std::path::Path;

use serde_json::{json, Value};
use tempfile::TempDir;

use crate::common::*;

/// Run mtlint with `args` in `dir`; the parsed log and the exit status.
fn sarif(dir: &Path, args: &[&str]) -> (Value, i32) {
    let out = mtlint()
        .current_dir(dir)
        .arg("--format=sarif")
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let log = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}:\n{text}"));
    (log, out.status.code().unwrap())
}

fn validator() -> jsonschema::Validator {
    let path = root().join("tests/schemas/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn schema_errors(log: &Value) -> Vec<String> {
    validator()
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn logs_of_the_samples_and_of_a_clean_run_match_the_schema() {
    let samples = root().join("samples");
    let (log, code) = sarif(&samples, &["."]);
    assert_eq!(code, 1);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() > 20, "{}", results.len());
    assert!(results.iter().any(|r| r.get("fixes").is_some()));
    assert_eq!(schema_errors(&log), Vec::<String>::new());

    let (log, code) = sarif(&samples, &["clean.txt"]);
    assert_eq!(code, 0);
    assert_eq!(log["runs"][0]["results"], json!([]));
    assert_eq!(
        log["runs"][0]["invocations"],
        json!([{"executionSuccessful": true, "toolExecutionNotifications": []}])
    );
    assert_eq!(schema_errors(&log), Vec::<String>::new());
}

#[test]
fn the_schema_check_rejects_a_broken_log() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), "They left. .\n").unwrap();
    let (mut log, _) = sarif(dir.path(), &["a.txt"]);
    assert_eq!(schema_errors(&log), Vec::<String>::new());
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        json!(0);
    log["runs"][0]["results"][0]["level"] = json!("fatal");
    assert_eq!(schema_errors(&log).len(), 2, "{:?}", schema_errors(&log));
}

#[test]
fn run_declares_tool_version_and_utf16_columns() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), "fine\n").unwrap();
    let (log, _) = sarif(dir.path(), &["a.txt"]);
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["$schema"], mtlint_cli::output::sarif::SCHEMA_URI);
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    assert_eq!(run["tool"]["driver"]["name"], "mtlint");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn locations_count_utf16_code_units_on_lines_with_accents_and_emoji() {
    let dir = TempDir::new().unwrap();
    // `é` is one UTF-16 unit, `😀` two: the doubled period starts at unit 16.
    fs::write(
        dir.path().join("notes.txt"),
        "First line.\nCafé 😀 closed. . Then\n",
    )
    .unwrap();
    let (log, code) = sarif(dir.path(), &["./notes.txt"]);
    assert_eq!(code, 1);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{results:#?}");
    let r = &results[0];
    assert_eq!(r["ruleId"], "punctuation/doubled-period");
    assert_eq!(r["level"], "error");
    assert_eq!(r["message"]["text"], "doubled period");
    let location = &r["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"], json!({"uri": "notes.txt"}));
    let region = json!({"startLine": 2, "startColumn": 15, "endLine": 2, "endColumn": 18});
    assert_eq!(location["region"], region);
    assert_eq!(
        r["fixes"],
        json!([{
            "description": {"text": "replace `. .` with `.`"},
            "artifactChanges": [{
                "artifactLocation": {"uri": "notes.txt"},
                "replacements": [{"deletedRegion": region, "insertedContent": {"text": "."}}],
            }],
        }])
    );
    assert_eq!(r["properties"], json!({"fixApplicability": "safe"}));
}

#[test]
fn each_result_points_at_its_rule_and_rules_carry_their_help() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("a.md"),
        "It cost $ 5.\n\n« Oui », said he.\n",
    )
    .unwrap();
    let (log, _) = sarif(dir.path(), &["a.md"]);
    let run = &log["runs"][0];
    // One descriptor per active rule, in --list-rules order (its first line is a
    // header); a run without --source-lang has the default pack entries only.
    let (all_packs, _) = sarif(dir.path(), &["--source-lang=all", "a.md"]);
    let listed = mtlint()
        .args(["--list-rules", "--source-lang=all"])
        .output()
        .unwrap();
    let rules = all_packs["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let listed: Vec<String> = String::from_utf8(listed.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    assert_eq!(ids, listed);
    let results = run["results"].as_array().unwrap();
    assert!(results.len() >= 2);
    let own_rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for r in results {
        let rule = &own_rules[r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], r["ruleId"]);
    }
    let currency = rules
        .iter()
        .find(|r| r["id"] == "currency/space-after-symbol")
        .unwrap();
    assert_eq!(
        currency["shortDescription"]["text"],
        "space between a currency symbol and its amount"
    );
    assert_eq!(currency["defaultConfiguration"], json!({"level": "error"}));
    assert!(currency["fullDescription"]["text"].as_str().unwrap().len() > 20);
    let help = currency["help"]["text"].as_str().unwrap();
    assert!(help.contains("\n  bad:   "), "{help}");
    assert!(help.contains("\n  good:  "), "{help}");
    assert!(help.ends_with("More: mtlint --explain currency/space-after-symbol\n"));
    let markdown = currency["help"]["markdown"].as_str().unwrap();
    assert!(markdown.contains("- bad: `"), "{markdown}");
    assert_eq!(currency["properties"]["tags"], json!(["currency"]));
}

#[test]
fn info_is_a_note_and_unreadable_files_are_tool_notifications() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.md"), "Tom &amp; Jerry\n").unwrap();
    fs::write(dir.path().join("bad.txt"), b"caf\xe9\n").unwrap();
    let (log, code) = sarif(dir.path(), &["a.md", "bad.txt", "missing.txt"]);
    assert_eq!(code, 2);
    let run = &log["runs"][0];
    assert_eq!(run["results"][0]["ruleId"], "residue/html-entity");
    assert_eq!(run["results"][0]["level"], "note");
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let messages: Vec<&str> = invocation["toolExecutionNotifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["message"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].starts_with("bad.txt: not valid UTF-8 at byte 3"));
    assert!(messages[1].starts_with("missing.txt: "));
    assert_eq!(schema_errors(&log), Vec::<String>::new());
}

#[test]
fn results_of_many_files_form_one_log() {
    let dir = TempDir::new().unwrap();
    for i in 0..300 {
        let text = if i % 2 == 0 {
            "They left. .\n"
        } else {
            "Fine.\n"
        };
        fs::write(dir.path().join(format!("f{i:03}.txt")), text).unwrap();
    }
    let (log, _) = sarif(dir.path(), &["."]);
    let uris: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    let expected: Vec<String> = (0..300)
        .step_by(2)
        .map(|i| format!("f{i:03}.txt"))
        .collect();
    assert_eq!(uris, expected);
}

#[test]
fn fix_on_standard_input_is_refused_with_sarif() {
    let (stderr, code) = stderr_of(
        mtlint()
            .args(["--format=sarif", "--fix", "-"])
            .write_stdin("x"),
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--format sarif cannot be used with --fix on standard input"),
        "{stderr}"
    );
}
