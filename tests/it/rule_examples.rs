//! Runs every example of every rule, data or coded: bad text must be flagged and fix to
//! the stated text; good text must not be flagged.

use mtlint::{Example, Linter};

#[test]
fn every_rule_example_holds() {
    let linter = Linter::builtin();
    for rule in linter.rules() {
        let examples = &rule.meta().examples;
        assert!(
            examples.iter().any(|e| matches!(e, Example::Bad { .. }))
                && examples.iter().any(|e| matches!(e, Example::Good { .. })),
            "{} needs bad and good examples",
            rule.meta().id
        );
    }
    let (checked, failures) = linter.check_examples();
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
    let readme = include_str!("../../README.md");
    let start = readme
        .find("```toml\n[[rule]]")
        .expect("a rule in a toml block")
        + "```toml\n".len();
    let source = &readme[start..start + readme[start..].find("```").unwrap()];
    let mut linter = Linter::empty();
    linter.add_rule_file("README.md", source).unwrap();
    let (checked, failures) = linter.check_examples();
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
