//! The project's vocabulary: `accept` (and `accept-file`) terms that no rule flags, and
//! `reject` (and `reject-file`) terms that are always flagged (`vocabulary/rejected`).

use std::fs;

use tempfile::TempDir;

use crate::common::*;

const MENU: &str = "The mahi mahi was fresh.\nThe band Duran duran played.\n\
                    We utilise the the kitchen.\nWe utilize it.\n";

fn project() -> TempDir {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "mtlint.toml",
        "accept = [\"mahi mahi\"]\naccept-file = \"vocab/accept.txt\"\n\
         reject = [\"utili[sz]e\"]\n",
    );
    write(
        dir.path(),
        "vocab/accept.txt",
        "# names of the house\n(?i)duran duran\n\n",
    );
    write(dir.path(), "menu.txt", MENU);
    dir
}

#[test]
fn accepted_terms_are_never_flagged_and_rejected_ones_always() {
    let dir = project();
    let (out, err, code) = run(mtlint_in(dir.path()).args(["--format=short", "menu.txt"]));
    assert_eq!(err, "");
    assert_eq!(
        out,
        "menu.txt:3:4: warning[vocabulary/rejected] `utilise` is on the project's reject list\n\
         menu.txt:3:12: error[typo/doubled-word] word “the” repeated\n\
         menu.txt:4:4: warning[vocabulary/rejected] `utilize` is on the project's reject list\n"
    );
    assert_eq!(code, 1);
    // Without the configuration the names are flagged, and nothing is rejected.
    let (out, _) =
        stdout_of(mtlint_in(dir.path()).args(["--no-config", "--format=short", "menu.txt"]));
    assert_eq!(
        out,
        "menu.txt:1:5: warning[typo/doubled-word] word “mahi” repeated\n\
         menu.txt:2:10: warning[typo/doubled-word] word “duran” repeated\n\
         menu.txt:3:12: error[typo/doubled-word] word “the” repeated\n"
    );
    // The rule can be ignored like any other.
    let (out, _) = stdout_of(mtlint_in(dir.path()).args([
        "--ignore",
        "vocabulary",
        "--format=short",
        "menu.txt",
    ]));
    assert_eq!(
        out,
        "menu.txt:3:12: error[typo/doubled-word] word “the” repeated\n"
    );
}

#[test]
fn fix_leaves_accepted_terms_alone() {
    let dir = project();
    let file = dir.path().join("menu.txt");
    let (out, _, code) = run(mtlint_in(dir.path()).args(["--fix", "--format=short", "menu.txt"]));
    assert_eq!(
        out,
        "menu.txt:3:4: warning[vocabulary/rejected] `utilise` is on the project's reject list\n\
         menu.txt:4:4: warning[vocabulary/rejected] `utilize` is on the project's reject list\n"
    );
    assert_eq!(code, 1);
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "The mahi mahi was fresh.\nThe band Duran duran played.\n\
         We utilise the kitchen.\nWe utilize it.\n"
    );
    let before = fs::read(&file).unwrap();
    let (out, _, code) = run(mtlint_in(dir.path()).args(["--fix", "menu.txt"]));
    assert!(out.ends_with("fixed 0 problems in 0 files; 2 problems (0 errors, 2 warnings, 0 info) in 1 file; 0 fixable with --fix\n"), "{out}");
    assert_eq!(code, 1);
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn an_invalid_term_is_an_error_at_its_place() {
    let dir = project();
    write(dir.path(), "mtlint.toml", "accept = [\"ok\", \"a(\"]\n");
    let (err, code) = stderr_of(mtlint_in(dir.path()).arg("menu.txt"));
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: invalid regex `a(`: unclosed group\n"),
        "{err}"
    );
    assert!(err.contains("mtlint.toml:1:17\n"), "{err}");
    write(
        dir.path(),
        "mtlint.toml",
        "reject-file = \"vocab/reject.txt\"\n",
    );
    write(dir.path(), "vocab/reject.txt", "fine\nbad(\n");
    let (err, code) = stderr_of(mtlint_in(dir.path()).arg("menu.txt"));
    assert_eq!(code, 2);
    let file = dir.path().join("vocab/reject.txt");
    assert_eq!(
        err,
        format!(
            "mtlint: error: {}:2: invalid regex `bad(`: unclosed group\n",
            file.display()
        )
    );
}
