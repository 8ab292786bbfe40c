//! Site generators, MDX, PO catalogs, XLIFF, SRT and WebVTT: only the prose is reported,
//! at positions in the original file; `--fix` changes exactly the expected bytes and then
//! nothing more; a malformed file is an error naming file, line and column, and is never
//! written. The fixtures are under `tests/fixtures/formats/`.

use std::fs;

use mtlint::{FixMode, Linter, Markup};

use crate::common::*;

/// `line:col rule` of each finding in the fixture `name`, read as its extension says.
fn findings(name: &str, args: &[&str]) -> Vec<String> {
    let (dir, path) = temp_file(name, fixture(&format!("formats/{name}")));
    let (out, _) = stdout_of(
        mtlint_in(dir.path())
            .args(["--format", "short"])
            .args(args)
            .arg(&path),
    );
    let prefix = format!("{}:", path.display());
    out.lines()
        .map(|l| {
            let rest = l.strip_prefix(&prefix).unwrap_or_else(|| panic!("{l}"));
            let mut parts = rest.splitn(3, ':');
            let (line, col) = (parts.next().unwrap(), parts.next().unwrap());
            let rule = rest.split('[').nth(1).unwrap().split(']').next().unwrap();
            format!("{line}:{col} {rule}")
        })
        .collect()
}

/// `--fix` on a copy of the fixture `name` gives the fixture `fixed` byte for byte, and
/// a second run changes nothing.
fn fixes_exactly(name: &str, fixed: &str) {
    let (_dir, path) = temp_file(name, fixture(&format!("formats/{name}")));
    let want = fixture(&format!("formats/{fixed}"));
    assert_eq!(fixed_in_place(&path, &["--fix"]), want, "{name}");
    let (out, _) = stdout_of(mtlint().args(["--fix", "-q"]).arg(&path));
    assert!(!out.contains("fixed"), "{out}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        want,
        "{name}: second run"
    );
}

/// The malformed fixture `name` is an error (exit 2) with this position and message, and
/// `--fix` leaves it as it was.
fn rejected(name: &str, position_and_message: &str) {
    let original = fixture(&format!("formats/{name}"));
    let (dir, path) = temp_file(name, &original);
    let (err, code) = stderr_of(mtlint_in(dir.path()).args(["--fix", name]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!(
            "{name}:{position_and_message}; not linted, not written"
        )),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), original);
}

#[test]
fn hugo_shortcodes_and_expressions_are_markup_and_prose_parameters_are_linted() {
    assert_eq!(
        findings("hugo.md", &[]),
        [
            "7:25 punctuation/space-before-punctuation",
            "7:42 currency/space-after-symbol",
            "9:40 typo/doubled-word",
            "10:12 typo/doubled-word",
        ]
    );
    fixes_exactly("hugo.md", "hugo.fixed.md");
}

#[test]
fn a_shortcode_parameter_that_is_not_prose_is_never_rewritten() {
    let page = "{{< sc param=\"the the\" >}}\n";
    let fixed = Linter::builtin().fix_document(page, Markup::Markdown, FixMode::IncludeUnsafe);
    assert_eq!(fixed.text, page);
    assert_eq!(Linter::builtin().lint_document(page, Markup::Markdown), []);
}

#[test]
fn liquid_tags_are_markup_and_raw_and_comment_blocks_are_not_prose() {
    let (dir, path) = temp_file("jekyll.md", fixture("formats/jekyll.md"));
    let (out, _) = stdout_of(mtlint_in(dir.path()).args(["--format", "short"]).arg(&path));
    assert!(!out.contains("template-tag"), "{out}");
    assert_eq!(
        findings("jekyll.md", &[]),
        [
            "5:37 typo/doubled-word",
            "7:50 punctuation/space-before-punctuation"
        ]
    );
    fixes_exactly("jekyll.md", "jekyll.fixed.md");
}

#[test]
fn template_syntax_in_an_html_layout_is_not_linted() {
    // Before: nine residue/template-tag warnings, and the doubled word in `{% raw %}`.
    assert_eq!(
        findings("layout.html", &[]),
        [
            "6:15 typo/doubled-word",
            "6:30 punctuation/space-before-punctuation",
            "7:32 punctuation/space-before-punctuation",
        ]
    );
    fixes_exactly("layout.html", "layout.fixed.html");
}

#[test]
fn mkdocs_admonitions_have_prose_titles_and_markdown_bodies() {
    assert_eq!(
        findings("mkdocs.md", &[]),
        [
            "3:16 typo/doubled-word",
            "5:16 typo/doubled-word",
            "5:35 punctuation/space-before-punctuation",
            "12:33 punctuation/doubled-period",
        ]
    );
    fixes_exactly("mkdocs.md", "mkdocs.fixed.md");
}

#[test]
fn mdx_imports_exports_jsx_and_expressions_are_markup() {
    assert_eq!(
        findings("page.mdx", &[]),
        [
            "6:30 punctuation/space-before-punctuation",
            "9:25 typo/doubled-word",
            "12:18 punctuation/space-before-punctuation",
            "13:16 punctuation/space-before-punctuation",
        ]
    );
    fixes_exactly("page.mdx", "page.fixed.mdx");
}

#[test]
fn po_catalogs_lint_translations_only() {
    assert_eq!(
        findings("catalog.po", &[]),
        [
            "12:14 typo/doubled-word",
            "16:33 punctuation/space-before-punctuation",
            "16:50 currency/space-after-symbol",
            "19:30 typo/doubled-word",
            "19:45 quotes/guillemets",
            "25:31 typo/doubled-word",
            "26:22 punctuation/doubled-period",
            "31:22 punctuation/space-before-punctuation",
            "32:22 punctuation/space-before-punctuation",
        ]
    );
    fixes_exactly("catalog.po", "catalog.fixed.po");
}

#[test]
fn fuzzy_po_entries_are_linted_only_when_asked() {
    let fuzzy = findings("catalog.po", &["--po-fuzzy"]);
    assert_eq!(
        fuzzy[fuzzy.len() - 2..],
        [
            "36:11 typo/doubled-word",
            "36:27 punctuation/space-before-punctuation"
        ]
    );
    assert_eq!(fuzzy.len(), findings("catalog.po", &[]).len() + 2);
}

#[test]
fn a_fix_across_two_po_strings_is_reported_as_unsafe_to_apply() {
    let (dir, path) = temp_file("catalog.po", fixture("formats/catalog.po"));
    let (out, _) = stdout_of(mtlint_in(dir.path()).args(["--format", "short"]).arg(&path));
    let line = out.lines().find(|l| l.contains(":25:31:")).unwrap();
    assert!(
        line.ends_with(
            "word “the” repeated (fix unsafe to apply: it would change text outside the prose)"
        ),
        "{line}"
    );
}

#[test]
fn xliff_1_2_lints_targets_with_inline_codes_as_markup() {
    assert_eq!(
        findings("messages.xlf", &[]),
        [
            "7:26 typo/doubled-word",
            "7:39 punctuation/space-before-punctuation",
            "12:25 currency/space-after-symbol",
            "12:40 punctuation/space-before-punctuation",
            "16:31 typo/doubled-word",
            "16:63 typo/doubled-word",
            "16:91 punctuation/space-before-punctuation",
            "21:60 punctuation/space-before-punctuation",
        ]
    );
    fixes_exactly("messages.xlf", "messages.fixed.xlf");
}

#[test]
fn xliff_2_0_lints_targets_with_pc_ph_and_mrk_as_markup() {
    assert_eq!(
        findings("messages-2.0.xlf", &[]),
        [
            "7:40 punctuation/space-before-punctuation",
            "7:55 currency/space-after-symbol",
            "16:51 typo/doubled-word",
            "16:82 typo/doubled-word",
            "16:136 punctuation/space-before-punctuation",
            "20:33 punctuation/space-before-punctuation",
        ]
    );
    fixes_exactly("messages-2.0.xlf", "messages-2.0.fixed.xlf");
}

#[test]
fn srt_cue_text_only_and_sentences_run_across_cues() {
    assert_eq!(
        findings("episode.srt", &[]),
        [
            "3:24 punctuation/space-before-punctuation",
            "8:18 currency/space-after-symbol",
            // "at the" ends cue 2, "the kiosk" starts cue 3: found, not fixed.
            "8:28 typo/doubled-word",
            "12:22 punctuation/space-before-punctuation",
            "16:15 typo/doubled-word",
        ]
    );
    fixes_exactly("episode.srt", "episode.fixed.srt");
}

#[test]
fn webvtt_cue_text_only_notes_styles_and_settings_untouched() {
    assert_eq!(
        findings("episode.vtt", &[]),
        [
            "10:32 punctuation/space-before-punctuation",
            "11:24 currency/space-after-symbol",
            "14:17 typo/doubled-word",
            "17:11 punctuation/space-before-punctuation",
        ]
    );
    fixes_exactly("episode.vtt", "episode.fixed.vtt");
}

#[test]
fn malformed_files_are_errors_with_a_position_and_never_written() {
    rejected(
        "malformed.po",
        "12:33: malformed po file: the string is not closed (a `\"` is missing at the end of \
         the line)",
    );
    rejected(
        "malformed.xlf",
        "7:41: malformed xliff file: not well-formed XML: ill-formed document: expected \
         `</target>`, but `</trget>` was found",
    );
    rejected(
        "malformed-2.0.xlf",
        "23:3: malformed xliff file: not well-formed XML: ill-formed document: expected \
         `</unit>`, but `</file>` was found",
    );
    rejected(
        "malformed.srt",
        "7:1: malformed srt file: expected a timing line (`00:00:01,000 --> 00:00:02,500`), \
         found `00:00:03,400 -> 00:00:05,000`",
    );
    rejected(
        "malformed.vtt",
        "1:1: malformed vtt file: a WebVTT file must start with the line `WEBVTT`",
    );
}

#[test]
fn the_new_formats_are_walked_by_default_and_markup_forces_one() {
    let dir = tempfile::TempDir::new().unwrap();
    for name in [
        "catalog.po",
        "messages.xlf",
        "episode.srt",
        "episode.vtt",
        "page.mdx",
    ] {
        write(dir.path(), name, fixture(&format!("formats/{name}")));
    }
    let (err, _) = stderr_of(mtlint_in(dir.path()).arg("-v"));
    for line in [
        "catalog.po: po,",
        "messages.xlf: xliff,",
        "episode.srt: srt,",
        "episode.vtt: vtt,",
        "page.mdx: mdx,",
    ] {
        assert!(err.contains(line), "{line}: {err}");
    }
    // A PO catalog under another name, read as PO: its msgid is not linted.
    let (out, _) = stdout_of(
        mtlint()
            .args([
                "--format",
                "short",
                "--markup",
                "po",
                "--stdin-filename",
                "cat.txt",
                "-",
            ])
            .write_stdin("msgid \"Un  deux . .\"\nmsgstr \"One two. .\"\n"),
    );
    assert_eq!(
        out,
        "cat.txt:2:16: error[punctuation/doubled-period] doubled period\n"
    );
}

#[test]
fn a_pot_template_named_on_the_command_line_is_checked_as_po() {
    let template = "#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n\nmsgid \"Le le chat .\"\nmsgstr \"\"\n";
    let (dir, _) = temp_file("app.pot", template);
    let (out, code) = stdout_of(mtlint_in(dir.path()).args(["--format", "short", "app.pot"]));
    assert_eq!((out.as_str(), code), ("", 0));
    write(dir.path(), "bad.pot", "msgid \"Le chat\"\nmsgstr \"\n");
    let (err, code) = stderr_of(mtlint_in(dir.path()).arg("bad.pot"));
    assert_eq!(code, 2);
    assert!(
        err.contains("bad.pot:2:9: malformed po file: the string is not closed"),
        "{err}"
    );
    // Walked, a template is not linted: its translations are empty.
    let (err, _) = stderr_of(mtlint_in(dir.path()).arg("-v"));
    assert!(
        err.contains("mtlint: skipped ./app.pot: not one of the extensions linted"),
        "{err}"
    );
    assert!(!err.contains("app.pot: po"), "{err}");
}
