//! Helpers shared by the integration tests: where the repository is, how to run the
//! `mtlint` binary, write input files and collect what a run printed.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The repository's root (samples, fixtures, README).
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the cli package is in the repository")
}

/// A file under `tests/fixtures`.
pub fn fixture(name: &str) -> String {
    fs::read_to_string(root().join("tests/fixtures").join(name)).unwrap()
}

/// The `mtlint` binary, without colour whatever the environment.
pub fn mtlint() -> Command {
    let mut cmd = Command::cargo_bin("mtlint").unwrap();
    cmd.env_remove("NO_COLOR").args(["--color", "never"]);
    cmd
}

/// [`mtlint`] run from `dir`.
pub fn mtlint_in(dir: &Path) -> Command {
    let mut cmd = mtlint();
    cmd.current_dir(dir);
    cmd
}

/// Write `contents` to `dir/name` (creating folders on the way); the file's path.
pub fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, contents).unwrap();
    path
}

/// Run `cmd`: its standard output and exit status.
pub fn stdout_of(cmd: &mut Command) -> (String, i32) {
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

/// Run `cmd`: its standard output, standard error and exit status.
pub fn run(cmd: &mut Command) -> (String, String, i32) {
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

/// A temporary folder holding one file `name` with `contents`; the folder (the file lives
/// as long as it does) and the file's path.
pub fn temp_file(name: &str, contents: impl AsRef<[u8]>) -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), name, contents);
    (dir, path)
}

/// Run `mtlint ARGS FILE` (a fixing run), then read the file back.
pub fn fixed_in_place(file: &Path, args: &[&str]) -> String {
    mtlint().args(args).arg(file).output().unwrap();
    fs::read_to_string(file).unwrap()
}

/// Run `cmd`: its standard error and exit status.
pub fn stderr_of(cmd: &mut Command) -> (String, i32) {
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

/// Run `tests/browser/<script>` (a Python script that drives headless Chromium with
/// Selenium, see `tests/browser/browser.py`) with `args`, and return its standard output.
/// `None`, after a loud message on standard error, when the machine has no browser:
/// `.ci/run` installs one.
pub fn browser_script(script: &str, args: &[&str]) -> Option<String> {
    use std::io::Write;
    let out = std::process::Command::new("python3")
        .arg(root().join("tests/browser").join(script))
        .args(args)
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(77) {
        // Straight to stderr: the harness swallows `eprintln!` of a passing test.
        let _ = std::io::stderr().write_all(
            format!(
                "\n\n*** SKIPPED browser test {script}: {} ***\n\
                 *** Install Debian's chromium and chromium-driver and PyPI's selenium, or run .ci/run. ***\n\n",
                stderr.trim()
            )
            .as_bytes(),
        );
        return None;
    }
    assert!(
        out.status.success(),
        "{script} failed ({}):\n{stderr}",
        out.status
    );
    Some(String::from_utf8(out.stdout).expect("UTF-8 output"))
}
