//! Source-language packs: which rules `Linter::source_languages` keeps, the
//! `--source-lang` flag, the pack column of `--list-rules`, `--explain` of a pack rule,
//! and the `pack`/`default` keys of rule files.

use std::fs;

use mtlint::{Example, Linter, Markup};
use tempfile::TempDir;

use crate::common::*;

fn ids(linter: &Linter) -> Vec<String> {
    linter.rules().map(|r| r.meta().id.to_string()).collect()
}

fn langs(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn every_pack_has_at_least_forty_entries() {
    let linter = Linter::builtin();
    for lang in ["fr", "de", "es", "it"] {
        let n = linter
            .rules()
            .filter(|r| r.packs().iter().any(|p| &**p == lang))
            .count();
        assert!(n >= 40, "{lang} has {n} entries");
    }
}

#[test]
fn every_bad_example_is_found_through_the_whole_linter() {
    // `check_examples` runs each rule alone; this goes through the prefilter too.
    let mut linter = Linter::builtin();
    // `vocabulary/rejected` flags the configured terms: those of its examples.
    linter.set_vocabulary(&[], &["utilise".into()]).unwrap();
    let mut missed = Vec::new();
    for rule in linter.rules() {
        for example in &rule.meta().examples {
            if let Example::Bad { text, .. } = example {
                // Suppression comments exist only in Markdown and HTML.
                let markup = if rule.meta().id.starts_with("suppression/") {
                    Markup::Markdown
                } else {
                    Markup::Text
                };
                let found = linter.lint_document(text, markup);
                if !found.iter().any(|d| d.rule == rule.meta().id) {
                    missed.push(format!("{}: {text:?}", rule.meta().id));
                }
            }
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn no_language_keeps_only_the_conservative_default() {
    let mut linter = Linter::builtin();
    let all = linter.rules().count();
    linter.source_languages(&[]).unwrap();
    let kept = ids(&linter);
    assert!(kept.len() < all);
    assert!(linter
        .rules()
        .all(|r| r.packs().is_empty() || r.runs_by_default()));
    assert!(kept.contains(&"punctuation/doubled-period".to_string()));
    assert!(kept.contains(&"false-friend/precised-specified".to_string()));
    assert!(!kept.contains(&"false-friend/important-number-large".to_string()));
    let text = "An important number of people came. The minister precised it.\n";
    let found: Vec<String> = linter
        .lint(text)
        .iter()
        .map(|d| d.rule.to_string())
        .collect();
    assert_eq!(found, ["false-friend/precised-specified"]);
}

#[test]
fn a_language_keeps_its_pack_and_drops_the_others() {
    let mut linter = Linter::builtin();
    linter.source_languages(&langs(&["de"])).unwrap();
    let kept = ids(&linter);
    assert!(kept.contains(&"false-friend/became-got".to_string()));
    assert!(kept.contains(&"false-friend/actual-current".to_string()));
    // Spanish only, even though it runs by default.
    assert!(!kept.contains(&"false-friend/embarrassed-pregnant".to_string()));
    assert!(kept.contains(&"punctuation/doubled-period".to_string()));
    assert!(linter
        .rules()
        .all(|r| r.packs().is_empty() || r.packs().iter().any(|p| &**p == "de")));

    let mut two = Linter::builtin();
    two.source_languages(&langs(&[" FR", "it "])).unwrap();
    let kept = ids(&two);
    assert!(kept.contains(&"false-friend/important-number-large".to_string()));
    assert!(kept.contains(&"false-friend/morbid-soft".to_string()));
    assert!(!kept.contains(&"false-friend/became-got".to_string()));

    let mut all = Linter::builtin();
    let count = all.rules().count();
    all.source_languages(&langs(&["all"])).unwrap();
    assert_eq!(all.rules().count(), count);
}

#[test]
fn an_unknown_language_is_an_error_that_changes_nothing() {
    let mut linter = Linter::builtin();
    let count = linter.rules().count();
    let err = linter.source_languages(&langs(&["fr", "pt"])).unwrap_err();
    assert_eq!(
        err,
        "unknown source language `pt` (known: de, es, fr, it, all)"
    );
    assert_eq!(linter.rules().count(), count);
}

#[test]
fn rule_files_declare_packs_per_file_or_per_rule() {
    let source = r#"pack = "pt"

[[rule]]
id = "house/atual"
severity = "info"
message = "m"
description = "d"
pattern = '\bactual\b'
default = true
bad = [{ text = "actual" }]
good = ["real"]

[[rule]]
id = "house/both"
pack = ["pt", "fr"]
severity = "info"
message = "m"
description = "d"
pattern = '\bboth\b'
bad = [{ text = "both" }]
good = ["either"]
"#;
    let mut linter = Linter::empty();
    linter.add_rule_file("house.toml", source).unwrap();
    let packs: Vec<Vec<String>> = linter
        .rules()
        .map(|r| r.packs().iter().map(|p| p.to_string()).collect())
        .collect();
    assert_eq!(packs, [vec!["pt"], vec!["pt", "fr"]]);
    let mut default = Linter::empty();
    default.add_rule_file("house.toml", source).unwrap();
    default.source_languages(&[]).unwrap();
    assert_eq!(ids(&default), ["house/atual"]);
    linter.source_languages(&langs(&["fr"])).unwrap();
    assert_eq!(ids(&linter), ["house/both"]);

    let no_pack = source.replace("pack = \"pt\"\n", "");
    let err = Linter::empty()
        .add_rule_file("house.toml", &no_pack)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "house.toml:2:1: rule `house/atual` has `default = true` but belongs to no `pack`"
    );
    let bad_code = source.replace("pack = \"pt\"", "pack = \"PT\"");
    let err = Linter::empty()
        .add_rule_file("house.toml", &bad_code)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "house.toml:1:8: pack `PT` must be a lowercase language code such as `fr`"
    );
}

const ARTICLE: &str = "The minister precised the plan.\nHe became a letter from the bank.\nAn important number of people came.\n";

fn short(args: &[&str]) -> (String, String, i32) {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, ARTICLE).unwrap();
    let out = mtlint()
        .arg("--format=short")
        .args(args)
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout)
        .unwrap()
        .replace(&file.display().to_string(), "a.txt");
    (
        stdout,
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

const PRECISED: &str = "a.txt:1:14: warning[false-friend/precised-specified] “precised” is not English: probably “specified” (French “préciser”, Spanish “precisar”, Italian “precisare”)\n";
const BECAME: &str = "a.txt:2:4: warning[false-friend/became-got] “became” here probably means “got” or “received” (German “bekommen”)\n";
const IMPORTANT: &str = "a.txt:3:1: warning[false-friend/important-number-large] “an important number/amount” probably means “a large number/amount” (French “un nombre important”, Spanish “un número importante”, Italian “un numero importante”)\n";

#[test]
fn source_lang_selects_the_packs_on_the_command_line() {
    let (out, _, code) = short(&[]);
    assert_eq!(out, format!("{PRECISED}{BECAME}"));
    assert_eq!(code, 1);
    let (out, _, code) = short(&["--source-lang", "fr"]);
    assert_eq!(out, format!("{PRECISED}{IMPORTANT}"));
    assert_eq!(code, 1);
    let (out, _, _) = short(&["--source-lang", "de"]);
    assert_eq!(out, BECAME);
    let (out, _, _) = short(&["--source-lang", "fr,de"]);
    assert_eq!(out, format!("{PRECISED}{BECAME}{IMPORTANT}"));
    let (out, _, _) = short(&["--source-lang=all"]);
    assert_eq!(out, format!("{PRECISED}{BECAME}{IMPORTANT}"));
    let (out, _, code) = short(&["--source-lang", "de", "--fail-on", "error"]);
    assert_eq!(out, BECAME);
    assert_eq!(code, 0);
}

#[test]
fn unknown_source_language_exits_2_with_the_known_ones() {
    let (out, err, code) = short(&["--source-lang", "fr,pt"]);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "mtlint: error: unknown source language `pt` (known: de, es, fr, it, all)\n"
    );
    assert_eq!(code, 2);
}

fn list(args: &[&str]) -> String {
    let out = mtlint().arg("--list-rules").args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).unwrap()
}

fn row<'a>(listing: &'a str, id: &str) -> Option<Vec<&'a str>> {
    listing
        .lines()
        .find(|l| l.split_whitespace().next() == Some(id))
        .map(|l| l.split_whitespace().take(4).collect())
}

#[test]
fn list_rules_shows_each_pack_and_marks_the_default_ones() {
    let all = list(&[]);
    assert_eq!(
        row(&all, "false-friend/became-got").unwrap(),
        ["false-friend/became-got", "warning", "unsafe", "de*"]
    );
    assert_eq!(
        row(&all, "false-friend/important-number-large").unwrap(),
        [
            "false-friend/important-number-large",
            "warning",
            "unsafe",
            "fr,es,it"
        ]
    );
    assert_eq!(
        row(&all, "numbers/space-thousands").unwrap(),
        ["numbers/space-thousands", "warning", "unsafe", "-"]
    );
    let german = list(&["--source-lang", "de"]);
    assert!(row(&german, "false-friend/became-got").is_some());
    assert!(row(&german, "false-friend/embarrassed-pregnant").is_none());
    assert!(german.lines().count() < all.lines().count());
}

#[test]
fn explain_names_the_source_word_and_the_pack() {
    let out = mtlint()
        .args(["--explain", "false-friend/became-got"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(
        "false-friend/became-got\nseverity: warning\nfix: unsafe\ndefined in: rules/false-friend/de.toml\nsource languages: de (also runs without --source-lang)\n\n“became” here probably means “got” or “received” (German “bekommen”)\n"
    ), "{text}");
    assert!(text.contains(
        "  bad:   He became a letter from the bank.\n  fixed: He got a letter from the bank.\n"
    ));
    // Explaining a rule of a pack that is not selected still works.
    let out = mtlint()
        .args(["--explain", "false-friend/important-number-large"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("source languages: fr, es, it (runs only with --source-lang)\n"),
        "{text}"
    );
}

#[test]
fn the_readme_pack_table_matches_the_rules() {
    let readme = include_str!("../../README.md");
    let linter = Linter::builtin();
    for (lang, name) in [
        ("fr", "French"),
        ("de", "German"),
        ("es", "Spanish"),
        ("it", "Italian"),
    ] {
        let of_pack: Vec<_> = linter
            .rules()
            .filter(|r| r.packs().iter().any(|p| &**p == lang))
            .collect();
        let defaults = of_pack.iter().filter(|r| r.runs_by_default()).count();
        let row = format!("| `{lang}` {name} | {} | {defaults} |", of_pack.len());
        assert!(readme.contains(&row), "README lacks {row}");
    }
}

#[test]
fn clean_samples_are_silent_with_every_pack() {
    let mut linter = Linter::builtin();
    linter.source_languages(&langs(&["all"])).unwrap();
    for name in ["clean.txt", "clean-false-friends.txt"] {
        let path = root().join("samples").join(name);
        let text = fs::read_to_string(path).unwrap();
        let found: Vec<String> = linter
            .lint(&text)
            .iter()
            .map(|d| format!("{} {:?}", d.rule, &text[d.span.clone()]))
            .collect();
        assert!(found.is_empty(), "{name}: {found:?}");
    }
}

#[test]
fn each_language_sample_shows_its_own_pack() {
    for (lang, name, rule) in [
        (
            "fr",
            "from-french.txt",
            "false-friend/important-number-large",
        ),
        (
            "de",
            "from-german.txt",
            "false-friend/undertaker-entrepreneur",
        ),
        ("es", "from-spanish.txt", "false-friend/ancient-former"),
        ("it", "from-italian.txt", "false-friend/assessor-councillor"),
    ] {
        let path = root().join("samples").join(name);
        let text = fs::read_to_string(path).unwrap();
        let mut linter = Linter::builtin();
        linter.source_languages(&[]).unwrap();
        let default = linter.lint(&text);
        assert!(default.len() >= 6, "{name}: {}", default.len());
        assert!(!default.iter().any(|d| &*d.rule == rule), "{name}");
        let mut linter = Linter::builtin();
        linter.source_languages(&langs(&[lang])).unwrap();
        let found = linter.lint(&text);
        assert!(found.len() > default.len(), "{name}");
        assert!(found.iter().any(|d| &*d.rule == rule), "{name}: {rule}");
    }
}
