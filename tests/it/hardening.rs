//! Hostile trees and hostile input (issue 15): what a configuration may read, read-only
//! files, owners, links, symlinks, special files, encodings and file lists.

use std::fs;
use std::path::Path;

use tempfile::TempDir;

use crate::common::*;

const SECRET: &str = "mtlint-test-secret-7f3a";

/// A project whose `mtlint.toml` says `config`, with one file to lint; the folder.
fn project(config: &str) -> TempDir {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("proj")).unwrap();
    write(&dir.path().join("proj"), "mtlint.toml", config);
    write(&dir.path().join("proj"), "a.txt", "They left.\n");
    dir
}

#[test]
fn a_config_cannot_name_a_rule_file_outside_its_tree() {
    for rules in [
        "/proc/self/environ",
        "/etc/passwd",
        "../out.toml",
        "sub/../../out.toml",
    ] {
        let dir = project(&format!("rules = [\"{rules}\"]\n"));
        write(dir.path(), "out.toml", format!("# {SECRET}\n"));
        fs::create_dir(dir.path().join("proj/sub")).unwrap();
        let (stderr, code) = stderr_of(
            mtlint_in(&dir.path().join("proj"))
                .env("MTLINT_TEST_TOKEN", SECRET)
                .arg("a.txt"),
        );
        assert_eq!(code, 2, "{rules}: {stderr}");
        assert!(
            stderr.starts_with(&format!(
                "error: {}",
                if rules.starts_with('/') {
                    rules.to_string()
                } else {
                    dir.path().join("proj").join(rules).display().to_string()
                }
            )),
            "{stderr}"
        );
        assert!(
            stderr.contains(": rule path resolves outside the project ("),
            "{stderr}"
        );
        assert!(!stderr.contains(SECRET), "{stderr}");
        assert!(!stderr.contains("root:"), "{stderr}");
    }
}

#[test]
fn a_config_cannot_reach_out_through_a_symlink() {
    let dir = project("rules = [\"house.toml\", \"more\"]\n");
    let outside = write(dir.path(), "out/secret.toml", format!("# {SECRET}\n"));
    std::os::unix::fs::symlink(&outside, dir.path().join("proj/house.toml")).unwrap();
    let (stderr, code) = stderr_of(mtlint_in(&dir.path().join("proj")).arg("a.txt"));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("house.toml: rule path resolves outside the project"),
        "{stderr}"
    );
    // A folder of rules holding a link out.
    fs::remove_file(dir.path().join("proj/house.toml")).unwrap();
    write(dir.path(), "proj/house.toml", "");
    fs::create_dir(dir.path().join("proj/more")).unwrap();
    std::os::unix::fs::symlink(&outside, dir.path().join("proj/more/x.toml")).unwrap();
    let (stderr, code) = stderr_of(mtlint_in(&dir.path().join("proj")).arg("a.txt"));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("x.toml: rule path resolves outside the project"),
        "{stderr}"
    );
    assert!(!stderr.contains(SECRET), "{stderr}");
}

#[test]
fn a_rule_file_that_is_not_toml_is_never_shown() {
    let dir = project("rules = [\"notes.toml\"]\n");
    write(
        dir.path(),
        "proj/notes.toml",
        format!("TOKEN={SECRET}\0PATH=/bin\0\x1b[31mred\n"),
    );
    let (stderr, code) = stderr_of(mtlint_in(&dir.path().join("proj")).arg("a.txt"));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("notes.toml:1:7: not valid TOML: "),
        "{stderr}"
    );
    assert!(
        !stderr.contains(SECRET) && !stderr.contains('\x1b'),
        "{stderr}"
    );
    // The same file given with --rules: read (the user asked), still never shown.
    let (stderr, code) = stderr_of(mtlint_in(&dir.path().join("proj")).args([
        "--no-config",
        "--rules",
        "notes.toml",
        "a.txt",
    ]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.starts_with("mtlint: error: notes.toml:1:7: not valid TOML: "),
        "{stderr}"
    );
    assert!(!stderr.contains(SECRET), "{stderr}");
}

#[test]
fn rules_given_on_the_command_line_may_be_anywhere() {
    let dir = project("");
    let rules = write(
        dir.path(),
        "elsewhere/house.toml",
        "[[rule]]\nid = \"house/colour\"\nmessage = \"use color\"\ndescription = \"US spelling.\"\nseverity = \"warning\"\n\
         pattern = '\\bcolour\\b'\nbad = [{ text = \"The colour.\" }]\ngood = [\"The color.\"]\n",
    );
    write(dir.path(), "proj/a.txt", "The colour.\n");
    let (stdout, code) = stdout_of(
        mtlint_in(&dir.path().join("proj"))
            .args(["--format", "short", "--rules"])
            .arg(&rules)
            .arg("a.txt"),
    );
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("a.txt:1:5: warning[house/colour]"),
        "{stdout}"
    );
}

#[test]
fn a_configuration_that_is_not_toml_is_never_shown() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", "They left.\n");
    std::os::unix::fs::symlink("/proc/self/environ", dir.path().join("mtlint.toml")).unwrap();
    let (stderr, code) = stderr_of(
        mtlint_in(dir.path())
            .env("MTLINT_TEST_TOKEN", SECRET)
            .arg("a.txt"),
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("mtlint.toml:1:"), "{stderr}");
    assert!(!stderr.contains(SECRET), "{stderr}");
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn a_read_only_file_is_not_written_unless_forced() {
    let dir = TempDir::new().unwrap();
    let locked = write(dir.path(), "a.txt", "They left. .\n");
    let open = write(dir.path(), "b.txt", "They left. .\n");
    set_mode(&locked, 0o444);
    let (stderr, code) = stderr_of(mtlint().arg("--fix").arg(&locked).arg(&open));
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "mtlint: error: {}: cannot write: read-only, not written (--force-write writes it anyway)\n",
            locked.display()
        )
    );
    assert_eq!(fs::read(&locked).unwrap(), b"They left. .\n");
    assert_eq!(fs::read(&open).unwrap(), b"They left.\n");
    let (stderr, code) = stderr_of(mtlint().args(["--fix", "--force-write"]).arg(&locked));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read(&locked).unwrap(), b"They left.\n");
    assert_eq!(mode_of(&locked), 0o444);
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// `mtlint` run as the unprivileged user 65534 (through `setpriv`), from a copy of the
/// binary in `dir` that user can reach; `None` (the caller skips, loudly) when we are not
/// root.
fn mtlint_as_nobody(dir: &Path) -> Option<std::process::Command> {
    if !is_root() {
        eprintln!("SKIPPED: not root, cannot run as another user");
        return None;
    }
    let bin = dir.join("mtlint-bin");
    fs::copy(assert_cmd::cargo::cargo_bin("mtlint"), &bin).unwrap();
    set_mode(&bin, 0o755);
    let mut c = std::process::Command::new("setpriv");
    c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&bin)
        .args(["--color", "never"]);
    Some(c)
}

fn owner_of(path: &Path) -> (u32, u32) {
    use std::os::unix::fs::MetadataExt;
    let m = fs::metadata(path).unwrap();
    (m.uid(), m.gid())
}

#[test]
fn fixing_as_root_keeps_owner_group_and_mode() {
    if !is_root() {
        eprintln!("SKIPPED: fixing_as_root_keeps_owner_group_and_mode needs root");
        return;
    }
    let dir = TempDir::new().unwrap();
    let private = write(dir.path(), "private.txt", "They left. .\n");
    let setuid = write(dir.path(), "setuid.txt", "They left. .\n");
    for (file, mode) in [(&private, 0o640), (&setuid, 0o4755)] {
        std::os::unix::fs::chown(file, Some(65534), Some(65534)).unwrap();
        set_mode(file, mode);
    }
    let (stderr, code) = stderr_of(mtlint().arg("--fix").arg(&private).arg(&setuid));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read(&private).unwrap(), b"They left.\n");
    assert_eq!(fs::read(&setuid).unwrap(), b"They left.\n");
    assert_eq!(owner_of(&private), (65534, 65534));
    assert_eq!(mode_of(&private), 0o640);
    assert_eq!(owner_of(&setuid), (65534, 65534));
    assert_eq!(mode_of(&setuid), 0o4755);
}

#[test]
fn a_file_is_never_left_setuid_for_another_owner() {
    let dir = TempDir::new().unwrap();
    let Some(mut cmd) = mtlint_as_nobody(dir.path()) else {
        return;
    };
    set_mode(dir.path(), 0o777);
    let file = write(dir.path(), "shared.txt", "They left. .\n");
    set_mode(&file, 0o6666);
    let out = cmd.arg("--fix").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(fs::read(&file).unwrap(), b"They left.\n");
    // The file now belongs to the user who wrote it, without root's setuid/setgid bits.
    assert_eq!(owner_of(&file), (65534, 65534));
    assert_eq!(mode_of(&file), 0o666);
}

#[test]
fn extended_attributes_are_kept() {
    let dir = TempDir::new().unwrap();
    let file = write(dir.path(), "a.txt", "They left. .\n");
    if let Err(e) = rustix::fs::setxattr(
        &file,
        "user.mtlint-test",
        b"kept",
        rustix::fs::XattrFlags::empty(),
    ) {
        eprintln!(
            "SKIPPED: extended_attributes_are_kept: this file system has no user attributes ({e})"
        );
        return;
    }
    let (stderr, code) = stderr_of(mtlint().arg("--fix").arg(&file));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read(&file).unwrap(), b"They left.\n");
    let mut value = [0u8; 16];
    let n = rustix::fs::getxattr(&file, "user.mtlint-test", &mut value[..]).unwrap();
    assert_eq!(&value[..n], b"kept");
}

#[test]
fn a_file_with_hard_links_is_reported_not_split() {
    let dir = TempDir::new().unwrap();
    let file = write(dir.path(), "a.txt", "They left. .\n");
    let other = dir.path().join("other-name.txt");
    fs::hard_link(&file, &other).unwrap();
    let free = write(dir.path(), "b.txt", "They left. .\n");
    let (stderr, code) = stderr_of(mtlint().arg("--fix").arg(&file).arg(&free));
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "mtlint: error: {}: cannot write: has 2 hard links; not written (replacing it \
             would leave the other names with the old text)\n",
            file.display()
        )
    );
    assert_eq!(fs::read(&file).unwrap(), b"They left. .\n");
    assert_eq!(fs::read(&other).unwrap(), b"They left. .\n");
    assert_eq!(fs::read(&free).unwrap(), b"They left.\n");
    use std::os::unix::fs::MetadataExt;
    assert_eq!(
        fs::metadata(&file).unwrap().ino(),
        fs::metadata(&other).unwrap().ino()
    );
}

const BAD: &[u8] = b"They left. .\n";
const GOOD: &[u8] = b"They left.\n";

#[test]
fn directory_symlinks_are_not_followed_unless_asked() {
    let dir = TempDir::new().unwrap();
    let inside = write(dir.path(), "tree/a.txt", BAD);
    let outside = write(dir.path(), "out/b.txt", BAD);
    std::os::unix::fs::symlink("../out", dir.path().join("tree/out-link")).unwrap();
    let tree = dir.path().join("tree");
    let (stdout, code) = stdout_of(mtlint().arg("--fix").arg(&tree));
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(stdout, "fixed 1 problem in 1 file; no problems in 1 file\n");
    assert_eq!(fs::read(&inside).unwrap(), GOOD);
    assert_eq!(
        fs::read(&outside).unwrap(),
        BAD,
        "outside the tree: untouched"
    );
    let (stdout, code) = stdout_of(mtlint().args(["--fix", "--follow"]).arg(&tree));
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(
        fs::read(&outside).unwrap(),
        GOOD,
        "--follow walks into the link"
    );
}

#[test]
fn a_file_reached_twice_is_linted_and_fixed_once() {
    let dir = TempDir::new().unwrap();
    let file = write(dir.path(), "tree/sub/x.txt", BAD);
    std::os::unix::fs::symlink("sub", dir.path().join("tree/alias")).unwrap();
    std::os::unix::fs::symlink("sub/x.txt", dir.path().join("tree/y.txt")).unwrap();
    let tree = dir.path().join("tree");
    for follow in [false, true] {
        fs::write(&file, BAD).unwrap();
        let mut cmd = mtlint();
        if follow {
            cmd.arg("--follow");
        }
        let (out, err, code) = run(cmd.arg("--fix").arg(&tree).arg(&file));
        assert_eq!((code, err.as_str()), (0, ""), "follow: {follow}");
        assert_eq!(out, "fixed 1 problem in 1 file; no problems in 1 file\n");
        assert_eq!(fs::read(&file).unwrap(), GOOD);
    }
}

#[test]
fn an_excluded_folder_stays_excluded_through_a_symlink() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "tree/mtlint.toml",
        "extend-exclude = [\"drafts/\"]\n",
    );
    let draft = write(dir.path(), "tree/drafts/d.txt", BAD);
    let kept = write(dir.path(), "tree/k.txt", BAD);
    std::os::unix::fs::symlink("drafts", dir.path().join("tree/alias")).unwrap();
    std::os::unix::fs::symlink("drafts/d.txt", dir.path().join("tree/z.txt")).unwrap();
    let (out, err, code) = run(mtlint_in(dir.path()).args(["--fix", "--follow", "tree"]));
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert_eq!(out, "fixed 1 problem in 1 file; no problems in 1 file\n");
    assert_eq!(fs::read(&draft).unwrap(), BAD);
    assert_eq!(fs::read(&kept).unwrap(), GOOD);
}

/// `mtlint ARGS` under `timeout` (a guard against a hang, not a timing assertion): its
/// standard error and exit status (124 if it hung).
fn bounded_run(dir: &Path, args: &[&str]) -> (String, i32) {
    let out = std::process::Command::new("timeout")
        .arg("60")
        .arg(assert_cmd::cargo::cargo_bin("mtlint"))
        .args(["--color", "never"])
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    (
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn only_regular_files_are_read() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "ok.txt", "Fine.\n");
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.txt"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: only_regular_files_are_read: mkfifo failed");
        return;
    }
    let (stderr, code) = bounded_run(dir.path(), &["pipe.txt", "/dev/zero", "ok.txt"]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        stderr,
        "mtlint: error: pipe.txt: a FIFO, not a regular file; only regular files are read \
         (standard input: `-`)\n\
         mtlint: error: /dev/zero: a device, not a regular file; only regular files are read \
         (standard input: `-`)\n"
    );
    // Walking a folder skips the FIFO silently.
    let (stderr, code) = bounded_run(dir.path(), &["."]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    for rules in ["/dev/zero", "/dev/urandom", "pipe.txt"] {
        let (stderr, code) = bounded_run(dir.path(), &["--rules", rules, "ok.txt"]);
        assert_eq!(code, 2, "{stderr}");
        assert!(
            stderr.contains(&format!("{rules}: cannot read rule file: a ")),
            "{stderr}"
        );
        assert!(stderr.contains(", not a regular file"), "{stderr}");
    }
}

#[test]
fn a_size_limit_applies_to_every_read() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "big.txt", "They left. .\n".repeat(100));
    write(dir.path(), "small.txt", BAD);
    let (stdout, stderr, code) = run(mtlint_in(dir.path()).args([
        "--format",
        "short",
        "--max-file-size",
        "1K",
        "big.txt",
        "small.txt",
    ]));
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        stderr,
        "mtlint: error: big.txt: larger than the size limit of 1024 bytes (--max-file-size); \
         not read\n"
    );
    assert_eq!(
        stdout,
        "small.txt:1:10: error[punctuation/doubled-period] doubled period\n"
    );
    // Standard input too.
    let (stderr, code) = stderr_of(
        mtlint()
            .args(["--max-file-size", "100", "-"])
            .write_stdin("x".repeat(101)),
    );
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "mtlint: error: <stdin>: larger than the size limit of 100 bytes (--max-file-size); \
         not read\n"
    );
    let (stderr, code) = stderr_of(mtlint().args(["--max-file-size", "lots"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("`lots` is not a size"), "{stderr}");
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut units: Vec<u16> = Vec::new();
    if bom {
        units.push(0xFEFF);
    }
    units.extend(text.encode_utf16());
    units
        .iter()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn utf16_is_reported_not_called_binary() {
    let dir = TempDir::new().unwrap();
    let cases = [
        ("le-bom.txt", utf16("They left. .\n", false, true)),
        ("be-bom.txt", utf16("They left. .\n", true, true)),
        ("le.txt", utf16("They left. .\n", false, false)),
    ];
    for (name, bytes) in &cases {
        write(dir.path(), &format!("named/{name}"), bytes);
        let (stderr, code) = stderr_of(mtlint_in(&dir.path().join("named")).args(["--fix", name]));
        assert_eq!(code, 2, "{name}");
        assert_eq!(
            stderr,
            format!("mtlint: error: {name}: UTF-16: not supported, convert to UTF-8\n")
        );
        assert_eq!(
            &fs::read(dir.path().join("named").join(name)).unwrap(),
            bytes
        );
    }
    // Walked: skipped, and told under --verbose.
    write(dir.path(), "named/fine.txt", "Fine.\n");
    let (out, err, code) = run(mtlint_in(dir.path()).arg("named"));
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    let (_, err, code) = run(mtlint_in(dir.path()).args(["-v", "named"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "mtlint: named/be-bom.txt: UTF-16: not supported, convert to UTF-8; skipped\n\
         mtlint: named/fine.txt: text, config: none\n\
         mtlint: named/le-bom.txt: UTF-16: not supported, convert to UTF-8; skipped\n\
         mtlint: named/le.txt: UTF-16: not supported, convert to UTF-8; skipped\n"
    );
}

#[test]
fn a_listed_name_that_is_not_utf8_is_reported_and_the_others_linted() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", BAD);
    write(dir.path(), "b.txt", BAD);
    let (stdout, stderr, code) = run(mtlint_in(dir.path())
        .args(["--format", "short", "--files-from", "-", "-0"])
        .write_stdin(&b"a.txt\0caf\xe9.txt\0b.txt\0"[..]));
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        stderr,
        "mtlint: error: caf\\xe9.txt: file name (listed in standard input) is not valid \
         UTF-8; skipped (non-ASCII bytes shown as \\xNN)\n"
    );
    assert_eq!(
        stdout,
        "a.txt:1:10: error[punctuation/doubled-period] doubled period\n\
         b.txt:1:10: error[punctuation/doubled-period] doubled period\n"
    );
}

/// A rule file holding one rule with these extra lines.
fn rule_file(lines: &str) -> String {
    format!(
        "[[rule]]\nid = \"test/probe\"\nseverity = \"error\"\nmessage = \"m\"\n\
         description = \"d\"\n{lines}\nbad = [{{ text = \"[x]\", fixed = \"y\" }}]\n\
         good = [\"z\"]\n"
    )
}

#[test]
fn a_rule_pattern_that_can_match_empty_is_rejected_with_its_position() {
    for pattern in ["x*", r"\b", "(?:a|)"] {
        let source = rule_file(&format!(
            "pattern = '{pattern}'\nreplace = \"y\"\nfix = \"safe\""
        ));
        let error = mtlint::parse_rule_file("house.toml", &source).unwrap_err();
        assert_eq!(error.position, Some((6, 11)), "{pattern}");
        assert_eq!(
            error.message,
            format!(
                "rule `test/probe`: pattern {pattern:?} can match empty text (a fix would \
                 insert at every position); make it match at least one character"
            )
        );
    }
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "house.toml",
        rule_file("pattern = 'x?'\nreplace = \"y\"\nfix = \"safe\""),
    );
    write(dir.path(), "a.txt", "x\n");
    let (stderr, code) = stderr_of(mtlint_in(dir.path()).args(["--rules", "house.toml", "a.txt"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.starts_with("error: rule `test/probe`: pattern \"x?\" can match empty text"),
        "{stderr}"
    );
    assert!(stderr.contains("┌─ house.toml:6:11\n"), "{stderr}");
}

#[test]
fn a_fix_pass_may_not_multiply_the_text_and_the_rule_is_named() {
    let mut linter = mtlint::Linter::empty();
    linter
        .add_rule_file(
            "grow.toml",
            &rule_file("pattern = 'x'\nreplace = \"xx\"\nfix = \"safe\"\npreserve-case = false"),
        )
        .unwrap();
    let text = "x ".repeat(50);
    let fixed = linter.fix(&text, mtlint::FixMode::SafeOnly);
    assert!(!fixed.converged);
    assert_eq!(fixed.unsettled_rules, ["test/probe"]);
    // Doubling every pass would reach 100 * 2^10 bytes; the pass that would pass twice
    // the original length plus 1 KiB is not applied.
    assert!(
        fixed.text.len() <= 2 * text.len() + mtlint::FIX_GROWTH_SLACK,
        "{}",
        fixed.text.len()
    );
    // The command names the rule and leaves the file as it was.
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "grow.toml",
        rule_file("pattern = 'x'\nreplace = \"xx\"\nfix = \"safe\""),
    );
    let file = write(dir.path(), "a.txt", &text);
    let (stderr, code) =
        stderr_of(mtlint_in(dir.path()).args(["--rules", "grow.toml", "--fix", "a.txt"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(
            "a.txt: fixes of test/probe did not settle within 10 passes or would more than \
             double the text (a rule bug); left unchanged"
        ),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(file).unwrap(), text);
}

#[test]
fn a_condition_that_is_not_a_regex_on_its_own_is_rejected() {
    for key in ["before", "after", "not-before", "not-after"] {
        let source = rule_file(&format!(
            "pattern = 'x'\nreplace = \"y\"\nfix = \"safe\"\n{key} = 'a)|(b'"
        ));
        let error = mtlint::parse_rule_file("house.toml", &source).unwrap_err();
        assert_eq!(error.position, Some((9, key.len() + 4)), "{key}");
        assert_eq!(error.message, "invalid regex: unopened group", "{key}");
    }
    // A condition with alternatives keeps them inside its anchor: `a|b ` before the span
    // means "ends with `a` or with `b `", so `ca x` is not flagged, `b x` and `xa` are.
    let mut linter = mtlint::Linter::empty();
    linter
        .add_rule_file(
            "house.toml",
            &rule_file("pattern = 'x'\nreplace = \"y\"\nfix = \"safe\"\nbefore = 'a|b '"),
        )
        .unwrap();
    let spans = |text: &str| {
        linter
            .lint(text)
            .iter()
            .map(|d| d.span.clone())
            .collect::<Vec<_>>()
    };
    assert!(spans("ca x").is_empty());
    assert_eq!(spans("b x"), vec![2..3]);
    assert_eq!(spans("ax"), vec![1..2]);
}

#[test]
fn control_characters_are_escaped_on_the_terminal_and_exact_in_json() {
    let dir = TempDir::new().unwrap();
    let name = "a\u{1b}]0;owned\u{7}.txt";
    write(dir.path(), name, "They\u{1b}[2J left. .\n");
    let (stdout, code) = stdout_of(mtlint_in(dir.path()).args(["--format", "short", name]));
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "a\\u{1b}]0;owned\\u{7}.txt:1:5: warning[encoding/control-character] terminal escape \
         sequence “ESC[2J” in text\n\
         a\\u{1b}]0;owned\\u{7}.txt:1:14: error[punctuation/doubled-period] doubled period\n"
    );
    let (stdout, _) = stdout_of(mtlint_in(dir.path()).args(["--format", "human", name]));
    assert!(!stdout.contains(['\u{1b}', '\u{7}']), "{stdout:?}");
    assert!(
        stdout.contains("┌─ a\\u{1b}]0;owned\\u{7}.txt:1:14\n"),
        "{stdout}"
    );
    // The underline stays under the span in the escaped line.
    let shown = "They\\u{1b}[2J left. .";
    let under = format!("  │ {}^^^\n", " ".repeat(shown.find(". .").unwrap()));
    assert!(
        stdout.contains(&format!("1 │ {shown}\n{under}")),
        "{stdout}"
    );
    let (stdout, _) = stdout_of(mtlint_in(dir.path()).args(["--format", "json", name]));
    let record: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(record["path"], name);
    // Errors on standard error are escaped too.
    let (stderr, code) = stderr_of(mtlint_in(dir.path()).arg("b\u{1b}[1m.txt"));
    assert_eq!(code, 2);
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(stderr.contains("b\\u{1b}[1m.txt"), "{stderr}");
}

#[test]
fn a_name_that_is_not_utf8_is_shown_with_hex_escapes_not_replacement_characters() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    fs::write(dir.path().join(name), "They left. .\n").unwrap();
    let (stdout, code) = stdout_of(mtlint_in(dir.path()).args(["--format", "json", "."]));
    assert_eq!(code, 1);
    let record: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(record["path"], "./caf\\xe9.txt");
}

#[test]
fn a_closed_standard_output_does_not_stop_the_fixing() {
    // More files than one batch (256), each keeping a warning to report after its fix.
    let dir = TempDir::new().unwrap();
    let text = "They left. .\nThe conference of press was held.\n";
    let files: Vec<_> = (0..600)
        .map(|i| write(dir.path(), &format!("f{i:03}.txt"), text))
        .collect();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mtlint"))
        .args(["--color", "never", "--fix", "."])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before the first line, as `| head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        "mtlint: error: cannot write output (Broken pipe (os error 32)); every file was \
         still fixed, but the report is incomplete\n"
    );
    for file in &files {
        assert_eq!(
            fs::read_to_string(file).unwrap(),
            "They left.\nThe conference of press was held.\n",
            "{}",
            file.display()
        );
    }
}

/// Start `mtlint --fix` on `count` files of `text` in a new folder, and wait until it has
/// fixed one of them; the folder, the files and the process.
fn fixing_run(count: usize, text: &str) -> (TempDir, Vec<std::path::PathBuf>, std::process::Child) {
    let dir = TempDir::new().unwrap();
    let files: Vec<_> = (0..count)
        .map(|i| write(dir.path(), &format!("f{i:04}.txt"), text))
        .collect();
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mtlint"))
        .args(["--color", "never", "--threads", "1", "--fix", "."])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Files are walked in name order: wait for the first one to be fixed.
    while fs::read_to_string(&files[0]).unwrap() == text {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    (dir, files, child)
}

fn signal(child: &std::process::Child, name: &str) {
    let sent = std::process::Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// Every file holds either `text` or its fix; how many were fixed. No temporary file is
/// left in `dir`.
fn fixed_or_untouched(dir: &Path, files: &[std::path::PathBuf], text: &str, fixed: &str) -> usize {
    let leftovers: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".mtlint-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    files
        .iter()
        .filter(|f| {
            let now = fs::read_to_string(f).unwrap();
            assert!(now == text || now == fixed, "{}: {now:?}", f.display());
            now == fixed
        })
        .count()
}

#[test]
fn sigterm_stops_a_fix_after_the_file_being_written() {
    let (text, fixed) = ("They left. .\n", "They left.\n");
    let (dir, files, child) = fixing_run(1500, text);
    signal(&child, "TERM");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("mtlint: interrupted; every file written so far is complete"),
        "{stderr}"
    );
    let done = fixed_or_untouched(dir.path(), &files, text, fixed);
    // Not the rest of the batch of 256: the run stopped after the file being written.
    assert!((1..256).contains(&done), "{done} files fixed");
}

#[test]
fn a_second_signal_exits_at_once_without_a_temporary_file() {
    // Large files, so that the second signal finds one being written more often.
    let text = "They left. .\n".repeat(20_000);
    let fixed = "They left.\n".repeat(20_000);
    let (dir, files, child) = fixing_run(300, &text);
    signal(&child, "INT");
    signal(&child, "INT");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    // Whichever signal ended it, it was not the end of the batch of 256.
    let done = fixed_or_untouched(dir.path(), &files, &text, &fixed);
    assert!(done < 256, "{done} files fixed");
}
