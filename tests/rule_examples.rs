//! Runs every example of every rule, data or coded: bad text must be flagged and fix to
//! the stated text; good text must not be flagged.

use mtlint::{Example, FixMode, Linter};

/// Check every example of every rule of `make()`, each rule alone; returns the failures
/// and the number of examples checked.
fn example_failures(make: impl Fn() -> Linter) -> (Vec<String>, usize) {
    let all = make();
    let mut failures = Vec::new();
    let mut checked = 0;
    for rule in all.rules() {
        let meta = rule.meta();
        let mut linter = make();
        linter
            .select(&[meta.id.to_string()], &[])
            .expect("rule exists");
        assert!(
            meta.examples
                .iter()
                .any(|e| matches!(e, Example::Bad { .. }))
                && meta
                    .examples
                    .iter()
                    .any(|e| matches!(e, Example::Good { .. })),
            "{} needs bad and good examples",
            meta.id
        );
        for example in &meta.examples {
            checked += 1;
            match example {
                Example::Bad { text, fixed } => {
                    let found = linter.lint(text);
                    if found.is_empty() {
                        failures.push(format!("{}: not flagged: {text:?}", meta.id));
                        continue;
                    }
                    match fixed {
                        Some(want) => {
                            let got = linter.fix(text, FixMode::IncludeUnsafe).text;
                            if &got != want {
                                failures.push(format!(
                                    "{}: {text:?} fixed to {got:?}, want {want:?}",
                                    meta.id
                                ));
                            }
                        }
                        None => {
                            if found.iter().any(|d| d.fix.is_some()) {
                                failures.push(format!("{}: unexpected fix for {text:?}", meta.id));
                            }
                        }
                    }
                }
                Example::Good { text } => {
                    for d in linter.lint(text) {
                        failures.push(format!(
                            "{}: flagged good text {text:?} at {:?} ({:?})",
                            meta.id,
                            d.span,
                            &text[d.span.clone()]
                        ));
                    }
                }
            }
        }
    }
    (failures, checked)
}

#[test]
fn every_rule_example_holds() {
    let (failures, checked) = example_failures(Linter::builtin);
    assert!(checked > 100, "only {checked} examples");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_readme_rule_example_is_valid_and_holds() {
    let readme = include_str!("../README.md");
    let start = readme.find("```toml\n").expect("a toml block") + "```toml\n".len();
    let source = &readme[start..start + readme[start..].find("```").unwrap()];
    let make = || {
        let mut linter = Linter::empty();
        linter.add_rule_file("README.md", source).unwrap();
        linter
    };
    let (failures, checked) = example_failures(make);
    assert_eq!(checked, 2);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rule_ids_are_unique_and_well_formed() {
    let linter = Linter::builtin();
    let ids: Vec<&str> = linter.rules().map(|r| &*r.meta().id).collect();
    let mut sorted = ids.clone();
    sorted.dedup();
    assert_eq!(ids, sorted, "ids are sorted and unique");
    for id in ids {
        let (category, name) = id.split_once('/').expect("category/name");
        assert!(!category.is_empty() && !name.is_empty(), "{id}");
    }
}

#[test]
fn every_built_in_rule_file_compiles_eagerly() {
    // The built-in rules compile lazily; this surfaces any regex that would not.
    for (name, source) in mtlint::BUILTIN_RULE_FILES {
        if let Err(e) = mtlint::parse_rule_file(name, source) {
            panic!("{e}");
        }
    }
}
