//! `mtlint server` with a real editor as the client: headless Neovim (Debian's 0.7.2 or
//! newer) runs tests/lsp_neovim.lua, which opens a copy of tests/fixtures/lsp/article.txt,
//! waits for the diagnostics, hovers, applies the quick fix at the first finding and
//! "Fix all safe problems", writes the file and stops the server. This test checks what
//! Neovim saw and the written file, byte for byte.
//!
//! The fixture's first line has accented letters and an emoji (a UTF-16 surrogate
//! pair) before the finding: Neovim converts the server's positions to byte columns with
//! the negotiated encoding, so a wrong conversion moves the columns checked here. Both
//! encodings are run: UTF-16 (Neovim's default) and UTF-8 (offered by the client in
//! `general.positionEncodings`, which the server must accept).
//!
//! Without `nvim` on the PATH the test is skipped with a loud message (`.ci/run`
//! installs Debian's `neovim` package).

use std::fs;
use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::*;

const FIXTURE: &str = include_str!("../fixtures/lsp/article.txt");
const FIXED: &str = include_str!("../fixtures/lsp/article.fixed.txt");

fn nvim_version() -> Option<String> {
    let out = Command::new("nvim").arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    out.status
        .success()
        .then(|| text.lines().next().unwrap_or_default().to_string())
}

/// Run the Lua script in headless Neovim; returns what it recorded and the written file.
fn run_neovim(encoding: &str) -> Option<(Value, String)> {
    let Some(version) = nvim_version() else {
        // Straight to stderr: the test harness would swallow `eprintln!` of a passing
        // test.
        let _ = std::io::stderr().write_all(
            b"\n\n*** SKIPPED lsp_neovim: `nvim` is not installed. ***\n\
              *** Install Debian's `neovim` (`apt-get install -y neovim`) or run .ci/run. ***\n\n",
        );
        return None;
    };
    eprintln!("lsp_neovim: {version}, {encoding}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("article.txt");
    let result = dir.path().join("result.json");
    fs::write(&file, FIXTURE).unwrap();
    let script = root().join("tests/lsp_neovim.lua");
    let started = Instant::now();
    let out = Command::new("nvim")
        .args(["--headless", "--clean", "-c"])
        .arg(format!("luafile {}", script.display()))
        .current_dir(dir.path())
        .env("MTLINT_BIN", env!("CARGO_BIN_EXE_mtlint"))
        .env("MTLINT_FILE", &file)
        .env("MTLINT_RESULT", &result)
        .env("MTLINT_ENCODING", encoding)
        // Keep Neovim's state (logs, shada) out of the user's home.
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path())
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    eprintln!("lsp_neovim: {encoding} session took {elapsed:?}");
    assert!(elapsed < Duration::from_secs(60));
    let recorded = fs::read_to_string(&result).unwrap_or_else(|e| {
        panic!(
            "Neovim wrote no result ({e}); status {:?}\nstdout: {}\nstderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let recorded: Value = serde_json::from_str(&recorded).unwrap();
    assert_eq!(
        recorded.get("error"),
        None,
        "the Lua script failed: {recorded:#}"
    );
    assert!(out.status.success(), "nvim exited with {:?}", out.status);
    Some((recorded, fs::read_to_string(&file).unwrap()))
}

fn check(encoding: &str) {
    let Some((recorded, written)) = run_neovim(encoding) else {
        return;
    };
    assert_eq!(recorded["server_position_encoding"], encoding);
    // Byte columns in Neovim: "Café déjà vu 😀 at the naïve bistro, …March" is 68 bytes
    // (62 UTF-16 units, 61 characters) before the doubled period.
    let line = FIXTURE.lines().next().unwrap();
    assert_eq!(line.find(". .").unwrap(), 68);
    assert_eq!(
        recorded["opened"],
        json!([
            {
                "lnum": 0, "col": 68, "end_lnum": 0, "end_col": 71,
                "code": "punctuation/doubled-period", "severity": 1, "source": "mtlint",
                "message": "doubled period",
            },
            {
                "lnum": 1, "col": 15, "end_lnum": 1, "end_col": 16,
                "code": "currency/space-after-symbol", "severity": 1, "source": "mtlint",
                "message": "space between a currency symbol and its amount",
            },
        ])
    );
    let hover = recorded["hover"].as_str().unwrap();
    assert!(
        hover.starts_with("**punctuation/doubled-period** (error): doubled period"),
        "{hover}"
    );
    assert!(hover.contains("mtlint --explain punctuation/doubled-period"));
    assert_eq!(
        recorded["quickfix_titles"],
        json!(["Replace `. .` with `.`"])
    );
    assert_eq!(
        recorded["after_quickfix"][0]["code"],
        "currency/space-after-symbol"
    );
    assert_eq!(recorded["after_quickfix"][0]["col"], 15);
    assert_eq!(recorded["fix_all_titles"], json!(["Fix all safe problems"]));
    assert_eq!(recorded["server_exit"], json!({"code": 0, "signal": 0}));
    assert_eq!(written, FIXED);
}

#[test]
fn neovim_utf16() {
    check("utf-16");
}

#[test]
fn neovim_utf8() {
    check("utf-8");
}
