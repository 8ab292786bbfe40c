//! The house style (`style = "us"`, the default, or `"uk"`): the quotation marks and the
//! date order the fixes write.

use std::fs;

use tempfile::TempDir;

use crate::common::*;

const TEXT: &str = "He said « Bonjour » and ‹ oui ›.\nThe vote takes place on the 20 of March.\n";

/// Fix `TEXT` (unsafe fixes too: the date's is unsafe) in a folder whose configuration
/// is `config`; the fixed text and what a second run changed.
fn fixed_with(config: &str) -> (String, String) {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "mtlint.toml", config);
    let file = write(dir.path(), "a.txt", TEXT);
    let (out, err, code) = run(mtlint_in(dir.path()).args(["--fix", "--unsafe-fixes", "a.txt"]));
    assert_eq!((err.as_str(), code), ("", 0), "{out}");
    assert_eq!(out, "fixed 3 problems in 1 file; no problems in 1 file\n");
    let first = fs::read_to_string(&file).unwrap();
    let (out, _, code) = run(mtlint_in(dir.path()).args(["--fix", "--unsafe-fixes", "a.txt"]));
    assert_eq!(
        (out.as_str(), code),
        ("fixed 0 problems in 0 files; no problems in 1 file\n", 0)
    );
    (first, fs::read_to_string(&file).unwrap())
}

#[test]
fn us_style_is_the_default() {
    let expected = "He said “Bonjour” and ‘oui’.\nThe vote takes place on March 20.\n";
    for config in ["", "style = \"us\"\n"] {
        let (first, second) = fixed_with(config);
        assert_eq!(first, expected, "{config:?}");
        assert_eq!(second, expected);
    }
}

#[test]
fn uk_style_writes_single_outer_quotes_and_day_month() {
    let (first, second) = fixed_with("style = \"uk\"\n");
    let expected = "He said ‘Bonjour’ and “oui”.\nThe vote takes place on 20 March.\n";
    assert_eq!(first, expected);
    assert_eq!(second, expected);
    // The reports show the fix of the style too.
    let dir = TempDir::new().unwrap();
    write(dir.path(), "mtlint.toml", "style = \"uk\"\n");
    let (out, _) = stdout_of(
        mtlint_in(dir.path())
            .args(["--format=json", "-"])
            .write_stdin("the 3 of May"),
    );
    let record: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(record["fix"]["replacement"], "3 May");
}

#[test]
fn an_unknown_style_is_an_error_at_its_value() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "mtlint.toml", "style = \"british\"\n");
    write(dir.path(), "a.txt", TEXT);
    let (err, code) = stderr_of(mtlint_in(dir.path()).arg("a.txt"));
    assert_eq!(code, 2);
    let err = err.replace(&format!("{}/", dir.path().display()), "");
    assert_eq!(
        err,
        "error: `british` is not one of `us`, `uk`\n  ┌─ mtlint.toml:1:9\n  │\n1 │ style = \
         \"british\"\n  │         ^^^^^^^^^\n\n"
    );
}

/// A house rule that imposes the US spelling.
const US_RULE: &str = r#"[[rule]]
id = "house/colour"
severity = "warning"
message = "US spelling: color"
description = "The house writes US spelling."
style = "us"
pattern = '\b(?P<m>colour)\b'
replace = "color"
fix = "safe"
bad = [{ text = "the [colour] red", fixed = "the color red" }]
good = ["the color red"]
"#;

#[test]
fn a_rule_that_imposes_the_other_style_stays_quiet() {
    for (style, expected) in [("us", "The color red.\n"), ("uk", "The colour red.\n")] {
        let dir = TempDir::new().unwrap();
        write(dir.path(), "house.toml", US_RULE);
        write(
            dir.path(),
            "mtlint.toml",
            format!("style = \"{style}\"\nrules = [\"house.toml\"]\n"),
        );
        let file = write(dir.path(), "a.txt", "The colour red.\n");
        let (out, err, code) = run(mtlint_in(dir.path()).args(["--fix", "a.txt"]));
        assert_eq!((err.as_str(), code), ("", 0), "{style}: {out}");
        assert_eq!(fs::read_to_string(&file).unwrap(), expected, "{style}");
    }
    // Its examples are checked in its own style.
    let (dir, rules) = temp_file("house.toml", US_RULE);
    let (out, code) = stdout_of(mtlint_in(dir.path()).arg("--test-rules").arg(&rules));
    assert_eq!((out.as_str(), code), ("2 passed, 0 failed (1 rules)\n", 0));
    let bad = US_RULE.replace("style = \"us\"", "style = \"american\"");
    let (dir, rules) = temp_file("house.toml", bad);
    let (err, code) = stderr_of(
        mtlint_in(dir.path())
            .arg("--rules")
            .arg(&rules)
            .arg("-")
            .write_stdin(""),
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("rule `house/colour`: `style` is `us` or `uk`, not `american`"),
        "{err}"
    );
}
