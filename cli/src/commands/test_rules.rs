//! `--test-rules FILE...`: check the examples of user rule files.

use std::path::PathBuf;

use mtlint::Linter;

use super::Fatal;
use crate::config;

/// `--test-rules`: run the examples of user rule files.
pub fn run(paths: &[PathBuf]) -> Result<u8, Fatal> {
    let mut linter = Linter::empty();
    config::add_rule_paths(&mut linter, paths)?;
    let (checked, failures) = linter.check_examples();
    let rules = linter.rules().count();
    for failure in &failures {
        println!("FAIL {failure}");
    }
    println!(
        "{} passed, {} failed ({rules} rules)",
        checked - failures.len(),
        failures.len()
    );
    Ok(if failures.is_empty() { 0 } else { 1 })
}
