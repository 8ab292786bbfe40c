//! `--fix` on real files: what is not prose survives byte for byte, bad input is reported
//! and never written, and nothing is left half-done.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command as Process, Stdio};

use tempfile::TempDir;

use crate::common::*;

fn fix(path: &Path) -> (i32, String) {
    let (stderr, code) = stderr_of(mtlint().arg("--fix").arg(path));
    (code, stderr)
}

#[test]
fn line_endings_bom_tabs_and_trailing_space_are_kept() {
    let dir = TempDir::new().unwrap();
    let original =
        "\u{FEFF}Title\r\n\tIndented line  \r\nThey left. .\r\nIt cost $ 5.\nLast line ,  ";
    let file = write(dir.path(), "a.txt", original.as_bytes());
    let (code, stderr) = fix(&file);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "\u{FEFF}Title\r\n\tIndented line  \r\nThey left.\r\nIt cost $5.\nLast line,  "
    );
}

#[test]
fn a_fix_spanning_a_crlf_line_break_keeps_the_other_endings() {
    let (_dir, file) = temp_file(
        "a.txt",
        b"They want to\r\nto leave.\r\nRead also: more\r\nEnd.\r\n",
    );
    assert_eq!(
        fixed_in_place(&file, &["--fix", "--unsafe-fixes"]),
        "They want to leave.\r\nEnd.\r\n"
    );
}

#[test]
fn latin1_is_reported_with_a_hint_and_never_written() {
    let dir = TempDir::new().unwrap();
    let bytes = b"Caf\xe9 cr\xe8me. .\n";
    let file = write(dir.path(), "latin1.txt", bytes);
    let (code, stderr) = fix(&file);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        format!(
            "mtlint: error: {}: not valid UTF-8 at byte 3 (looks like Windows-1252/Latin-1; convert it to UTF-8)\n",
            file.display()
        )
    );
    assert_eq!(fs::read(&file).unwrap(), bytes);
}

#[test]
fn random_bytes_are_reported_and_never_written() {
    let dir = TempDir::new().unwrap();
    // Deterministic noise without NUL bytes (so it is not taken for binary).
    let mut state = 0x2545_f491_u32;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state % 255) as u8 + 1
        })
        .collect();
    let file = write(dir.path(), "noise.txt", &bytes);
    let (code, stderr) = fix(&file);
    assert_eq!(code, 2);
    assert!(stderr.contains(": not valid UTF-8 at byte "), "{stderr}");
    assert!(!stderr.contains("Latin-1"), "{stderr}");
    assert_eq!(fs::read(&file).unwrap(), bytes);
}

#[test]
fn empty_and_blank_files_are_fine() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "blank.txt", b" \n\t\n\r\n");
    let out = mtlint().arg("--fix").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "fixed 0 problems in 0 files; no problems in 2 files\n"
    );
    assert_eq!(
        fs::read(dir.path().join("blank.txt")).unwrap(),
        b" \n\t\n\r\n"
    );
}

#[test]
fn a_symlink_is_kept_and_its_target_fixed() {
    let (dir, target) = temp_file("target.txt", b"They left. .\n");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (code, _) = fix(&link);
    assert_eq!(code, 0);
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read_to_string(&target).unwrap(), "They left.\n");
}

#[test]
fn a_file_changed_on_disk_after_reading_is_not_overwritten() {
    let (dir, file) = temp_file("a.txt", b"They left. .\n");
    // Simulate another editor saving between mtlint's read and its write.
    let read = fs::read(&file).unwrap();
    fs::write(&file, b"Someone else's text.\n").unwrap();
    let err = mtlint_cli::files::write_if_unchanged(&file, &read, "They left.\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "changed on disk since it was read; not overwritten"
    );
    assert_eq!(fs::read(&file).unwrap(), b"Someone else's text.\n");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn an_unwritable_file_is_named_and_the_others_are_still_fixed() {
    use std::os::unix::fs::PermissionsExt;
    let root = TempDir::new().unwrap();
    let locked = root.path().join("locked");
    let open = root.path().join("open");
    fs::create_dir(&locked).unwrap();
    fs::create_dir(&open).unwrap();
    let stuck = write(&locked, "a.txt", b"They left. .\n");
    let free = write(&open, "b.txt", b"They left. .\n");
    let mode = |p: &Path, m| fs::set_permissions(p, fs::Permissions::from_mode(m)).unwrap();
    mode(root.path(), 0o755);
    mode(&locked, 0o555);
    mode(&stuck, 0o444);
    mode(&open, 0o777);
    mode(&free, 0o666);
    // Root may write anywhere: run as an unprivileged user when we are root, from a copy
    // of the binary that user can reach (the build directory may be private).
    let bin = root.path().join("mtlint");
    fs::copy(assert_cmd::cargo::cargo_bin("mtlint"), &bin).unwrap();
    mode(&bin, 0o755);
    let mut cmd = if is_root() {
        let mut c = Process::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        Process::new(&bin)
    };
    let out = cmd
        .args(["--fix", "--color", "never"])
        .arg(&stuck)
        .arg(&free)
        .output()
        .unwrap();
    mode(&locked, 0o755);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "mtlint: error: {}: cannot write: ",
            stuck.display()
        )),
        "{stderr}"
    );
    assert_eq!(fs::read(&stuck).unwrap(), b"They left. .\n");
    assert_eq!(fs::read(&free).unwrap(), b"They left.\n");
}

fn is_root() -> bool {
    Process::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    let (_dir, file) = temp_file("many.txt", "They left. .\n".repeat(20_000).as_bytes());
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("mtlint"))
        .args(["--format", "short"])
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_directory_symlink_loop_is_reported_not_followed_forever() {
    let dir = TempDir::new().unwrap();
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    write(&sub, "a.txt", b"Fine.\n");
    std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
    let (stderr, code) = stderr_of(mtlint().arg("--follow").arg(dir.path()));
    assert_eq!(code, 2);
    assert!(stderr.contains("loop"), "{stderr}");
}

#[test]
fn a_very_long_line_is_linted() {
    let mut text = "word ".repeat(2_000_000);
    text.push_str("end. .");
    let out = mtlint()
        .args(["--format", "short", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "<stdin>:1:10000004: error[punctuation/doubled-period] doubled period\n"
    );
}

#[test]
fn diff_applied_with_patch_gives_what_fix_writes() {
    let samples = root().join("samples");
    for entry in fs::read_dir(samples).unwrap() {
        let sample = entry.unwrap().path();
        for unsafe_fixes in [false, true] {
            let (dir, fixed) = temp_file("fixed.txt", fs::read(&sample).unwrap());
            let patched = write(dir.path(), "patched.txt", fs::read(&sample).unwrap());
            let mut diff_cmd = mtlint();
            let mut fix_cmd = mtlint();
            if unsafe_fixes {
                diff_cmd.arg("--unsafe-fixes");
                fix_cmd.arg("--unsafe-fixes");
            }
            let diff = diff_cmd
                .arg("--diff")
                .arg(&patched)
                .output()
                .unwrap()
                .stdout;
            fix_cmd.arg("--fix").arg(&fixed).output().unwrap();
            if !diff.is_empty() {
                let status = Process::new("patch")
                    .args(["--quiet", "--no-backup-if-mismatch"])
                    .arg(&patched)
                    .stdin(Stdio::piped())
                    .spawn()
                    .and_then(|mut c| {
                        use std::io::Write;
                        c.stdin.take().unwrap().write_all(&diff)?;
                        c.wait()
                    })
                    .unwrap();
                assert!(status.success(), "patch failed on {}", sample.display());
            }
            assert_eq!(
                fs::read(&patched).unwrap(),
                fs::read(&fixed).unwrap(),
                "{} (unsafe: {unsafe_fixes})",
                sample.display()
            );
        }
    }
}

#[test]
fn fixing_stdin_passes_unusable_input_through_unchanged() {
    for input in [&b"Caf\xe9. .\n"[..], b"bin\0ary. .", b"fine text. .\n"] {
        let out = mtlint()
            .args(["--fix", "-"])
            .write_stdin(input)
            .output()
            .unwrap();
        let want: &[u8] = if input.starts_with(b"fine") {
            b"fine text.\n"
        } else {
            input
        };
        assert_eq!(out.stdout, want);
    }
}

#[test]
fn human_reports_on_a_long_line_show_an_excerpt_with_real_positions() {
    let line = "word ".repeat(20_000) + "end. . " + &"more ".repeat(20_000);
    let out = mtlint().arg("-").write_stdin(line).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("┌─ <stdin>:1:100004\n"), "{stdout}");
    let source_line = stdout.lines().find(|l| l.starts_with("1 │ ")).unwrap();
    assert!(
        source_line.starts_with("1 │ …")
            && source_line.contains(" word end. . more ")
            && source_line.ends_with('…'),
        "{source_line}"
    );
    assert!(source_line.chars().count() < 200, "{source_line}");
}
