//! Runs every example of every rule, data or coded: bad text must be flagged and fix to
//! the stated text; good text must not be flagged.

use mtlint::{Example, FixMode, Linter};

fn only(id: &str) -> Linter {
    let mut linter = Linter::builtin();
    linter.select(&[id.to_string()], &[]).expect("rule exists");
    linter
}

#[test]
fn every_rule_example_holds() {
    let all = Linter::builtin();
    let mut failures = Vec::new();
    let mut checked = 0;
    for rule in all.rules() {
        let meta = rule.meta();
        let linter = only(&meta.id);
        assert!(
            meta.examples.iter().any(|e| matches!(e, Example::Bad { .. }))
                && meta.examples.iter().any(|e| matches!(e, Example::Good { .. })),
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
    assert!(checked > 100, "only {checked} examples");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
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
