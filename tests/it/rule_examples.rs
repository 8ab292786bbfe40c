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

#[test]
fn build_time_literals_equal_those_computed_at_load() {
    // `build.rs` computes the prefilter literals of the built-in rules; a user file gets
    // them computed when it loads. Both must give the same set for every rule.
    let linter = Linter::builtin();
    let mut filtered = 0;
    for (name, source) in mtlint::BUILTIN_RULE_FILES {
        for rule in mtlint::parse_rule_file(name, source).unwrap() {
            let at_load = mtlint::Rule::required_literals(&rule);
            let id = &mtlint::Rule::meta(&rule).id;
            let built = linter.rule(id).expect("built-in rule").required_literals();
            assert_eq!(built, at_load, "{id}");
            filtered += usize::from(built.is_some());
        }
    }
    assert!(filtered > 200, "only {filtered} rules have literals");
}

#[test]
fn every_built_in_data_rule_lives_in_its_category_folder() {
    // `rules/<category>/core.toml` holds the rules of any source language,
    // `rules/<category>/<lang>.toml` those of one pack, `rules/<category>/shared.toml`
    // the entries of several packs.
    for (name, source) in mtlint::BUILTIN_RULE_FILES {
        let parts: Vec<&str> = name.split('/').collect();
        assert_eq!(parts.len(), 3, "{name} is not rules/<category>/<file>.toml");
        let (category, file) = (parts[1], parts[2].trim_end_matches(".toml"));
        let rules = mtlint::parse_rule_file(name, source).unwrap();
        assert!(!rules.is_empty(), "{name} holds no rule");
        for rule in rules {
            let meta = mtlint::Rule::meta(&rule);
            assert_eq!(
                meta.id.split('/').next(),
                Some(category),
                "{} in {name}",
                meta.id
            );
            assert_eq!(meta.origin, *name);
            let packs = mtlint::Rule::packs(&rule);
            match file {
                "core" => assert!(packs.is_empty(), "{} in {name} has a pack", meta.id),
                "shared" => assert!(packs.len() > 1, "{} in {name}: one pack", meta.id),
                lang => assert_eq!(packs, [std::sync::Arc::from(lang)], "{}", meta.id),
            }
        }
    }
}

#[test]
fn every_built_in_bad_example_marks_its_findings() {
    for rule in Linter::builtin().rules() {
        for example in &rule.meta().examples {
            if let Example::Bad { text, spans, .. } = example {
                assert!(
                    !spans.is_empty(),
                    "{}: {text:?} marks no span",
                    rule.meta().id
                );
            }
        }
    }
}

#[test]
fn marked_examples_parse_and_a_bad_mark_is_an_error_at_the_rule() {
    let (text, spans) = mtlint::parse_marked(r"the West[. .] and \[x\] [a[b]]").unwrap();
    assert_eq!(text, "the West. . and [x] ab");
    assert_eq!(spans, [8..11, 20..22, 21..22]);
    assert_eq!(
        mtlint::parse_marked("a]b").unwrap_err(),
        "`]` without `[` in \"a]b\""
    );
    let source = "[[rule]]\nid = \"house/x\"\nseverity = \"info\"\nmessage = \"x\"\ndescription = \"x\"\npattern = 'x'\nbad = [{ text = \"[x\" }]\ngood = [\"y\"]\n";
    let err = Linter::empty()
        .add_rule_file("house.toml", source)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "house.toml:1:1: rule `house/x`: bad example: `[` without `]` in \"[x\" (write `\\\\[` for a literal bracket)"
    );
}
