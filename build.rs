//! Embeds every `rules/<category>/*.toml` file in the binary, so a new rule file needs no
//! code change, and turns the `//!` manual of every coded rule (`src/checks/<category>/
//! <name>.rs`) into its description: the paragraphs of its `## What it does` and
//! `## Why it matters` sections, each line joined to the next by a space. The walks are
//! recursive and sorted, so the tables are the same on every machine.
//!
//! It also does what a run would otherwise do at start-up: each built-in rule's
//! prefilter literals and each pattern's search DFA (`builtin_prepared.rs`,
//! `builtin_dfas.bin`), and the static table of the English word list
//! (`english-words.blob`, `english-words.slots`).

use std::collections::HashMap;
use std::{env, fs, path::Path};

// The pattern rewriting and literal extraction of the run, computed here once for the
// built-in rules (the run only does it for `--rules` files), and their search DFAs.
#[path = "src/literals.rs"]
#[allow(dead_code)]
mod literals;
// The static word set of `src/text/wordlist.rs`.
#[path = "src/text/word_table.rs"]
#[allow(dead_code)]
mod word_table;

/// Every file under `dir` whose name ends in `.{ext}`, recursively.
fn files(dir: &Path, ext: &str, out: &mut Vec<std::path::PathBuf>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    for entry in fs::read_dir(dir).expect("readable directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// The description a rule's `//!` manual gives: its `What it does` and `Why it matters`
/// sections, every line joined by a space; `None` for a file without them.
fn description(source: &str) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    let mut keep = false;
    let mut found = false;
    for line in source.lines() {
        let Some(doc) = line.strip_prefix("//!") else {
            break;
        };
        let doc = doc.strip_prefix(' ').unwrap_or(doc);
        if let Some(title) = doc.strip_prefix("## ") {
            keep = matches!(title.trim(), "What it does" | "Why it matters");
            found |= keep;
        } else if keep && !doc.trim().is_empty() {
            out.push(doc);
        }
    }
    found.then(|| out.join(" "))
}

/// The largest DFA built for a pattern: past it the pattern is only compiled at run time.
/// 64 KiB keeps about four patterns in five, 3.9 MB in all.
const DFA_LIMIT: usize = 64 << 10;

/// A pattern's search DFA (unanchored, leftmost-first, no captures), serialized little
/// endian, or `None` when the pattern needs more than [`DFA_LIMIT`] or has a feature no
/// DFA supports. The run asks it whether the pattern matches a text at all, before it
/// compiles the regex (see `LazyRegex::may_match` in `src/data_rule.rs`).
fn search_dfa(pattern: &str) -> Option<Vec<u8>> {
    use regex_automata::dfa::{dense, StartKind};
    use regex_automata::nfa::thompson;
    let dfa = dense::Builder::new()
        .configure(
            dense::Config::new()
                .start_kind(StartKind::Unanchored)
                .dfa_size_limit(Some(DFA_LIMIT))
                .determinize_size_limit(Some(4 * DFA_LIMIT)),
        )
        .thompson(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
        .build(pattern)
        .ok()?;
    let (bytes, pad) = dfa.to_bytes_little_endian();
    Some(bytes[pad..].to_vec())
}

/// What the build knows of each rule of a rule file, in file order, as Rust source: its
/// required literals (`Some(&[&[..], ..])` or `None`) and, for each pattern, where its
/// DFA lies in `blob` (`Some((offset, len))`, 8-aligned) or `None`. The whole is `None`
/// for a file this cannot read: the run then parses it and reports the error as it would
/// for a user file.
fn prepare_file(
    source: &str,
    blob: &mut Vec<u8>,
    seen: &mut HashMap<String, Option<(usize, usize)>>,
) -> String {
    let Ok(table) = source.parse::<toml::Table>() else {
        return "None".into();
    };
    let rules = match table.get("rule") {
        Some(toml::Value::Array(rules)) => rules.as_slice(),
        None => &[],
        Some(_) => return "None".into(),
    };
    let mut out = String::from("Some(&[");
    for rule in rules {
        let patterns: Vec<String> = match rule.get("pattern") {
            Some(toml::Value::String(p)) => vec![literals::ascii_classes(p)],
            Some(toml::Value::Array(ps)) => ps
                .iter()
                .filter_map(|p| p.as_str().map(literals::ascii_classes))
                .collect(),
            _ => return "None".into(),
        };
        let refs: Vec<&str> = patterns.iter().map(String::as_str).collect();
        out.push('(');
        match literals::required_literals(&refs) {
            None => out.push_str("None"),
            Some(set) => {
                out.push_str("Some(&[");
                for literal in set {
                    out.push_str(&format!("&{literal:?}, "));
                }
                out.push_str("])");
            }
        }
        out.push_str(", &[");
        for pattern in &patterns {
            // A pattern several rules share (`\.[ \t]*\.`) is stored once.
            let place = *seen.entry(pattern.clone()).or_insert_with(|| {
                let bytes = search_dfa(pattern)?;
                blob.resize(blob.len().next_multiple_of(8), 0);
                let at = blob.len();
                blob.extend_from_slice(&bytes);
                Some((at, bytes.len()))
            });
            match place {
                None => out.push_str("None, "),
                Some((at, len)) => out.push_str(&format!("Some(({at}, {len})), ")),
            }
        }
        out.push_str("]), ");
    }
    out.push_str("])");
    out
}

/// The confusion pairs of `false-friend/confusion-pair`: data, but not rules of their own.
const PAIRS: &str = "rules/false-friend/confusion-pairs.toml";

/// [`PAIRS`] as a static `&[Pair]` (`src/checks/false_friend/confusion_pair.rs`),
/// sorted by word. The file is built in, so a malformed one stops the build, naming
/// the pair and the field.
fn confusion_pairs() -> String {
    println!("cargo:rerun-if-changed={PAIRS}");
    let source = fs::read_to_string(PAIRS).expect("readable confusion pairs");
    let table: toml::Table = source.parse().unwrap_or_else(|e| panic!("{PAIRS}: {e}"));
    let Some(toml::Value::Array(pairs)) = table.get("pair") else {
        panic!("{PAIRS}: no [[pair]] entries");
    };
    let mut rows = Vec::new();
    for (n, pair) in pairs.iter().enumerate() {
        let field = |key: &str| {
            pair.get(key)
                .unwrap_or_else(|| panic!("{PAIRS}: pair {}: no `{key}`", n + 1))
        };
        let text = |key: &str| {
            field(key)
                .as_str()
                .unwrap_or_else(|| panic!("{PAIRS}: pair {}: `{key}` is not a string", n + 1))
                .to_string()
        };
        let list = |key: &str| {
            field(key)
                .as_array()
                .unwrap_or_else(|| panic!("{PAIRS}: pair {}: `{key}` is not a list", n + 1))
                .clone()
        };
        let (word, alternative) = (text("word"), text("alternative"));
        for w in [&word, &alternative] {
            assert!(
                !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()),
                "{PAIRS}: pair {}: {w:?} is not one lowercase word",
                n + 1
            );
        }
        let factor = field("factor")
            .as_float()
            .unwrap_or_else(|| panic!("{PAIRS}: pair {}: `factor` is not a number", n + 1));
        let mut bad = String::new();
        for example in list("bad") {
            let get = |key: &str| {
                example
                    .get(key)
                    .and_then(|v| v.as_str())
                    .unwrap_or_else(|| {
                        panic!("{PAIRS}: pair {}: a `bad` example without `{key}`", n + 1)
                    })
                    .to_string()
            };
            bad.push_str(&format!("({:?}, {:?}), ", get("text"), get("fixed")));
        }
        let mut good = String::new();
        for example in list("good") {
            let example = example.as_str().unwrap_or_else(|| {
                panic!("{PAIRS}: pair {}: a `good` example is not a string", n + 1)
            });
            good.push_str(&format!("{example:?}, "));
        }
        rows.push((
            word.clone(),
            format!(
                "    Pair {{ word: {word:?}, alternative: {alternative:?}, factor: {factor:?}, \
                 sources: {:?}, bad: &[{bad}], good: &[{good}] }},\n",
                text("sources")
            ),
        ));
    }
    rows.sort();
    for pair in rows.windows(2) {
        assert!(
            pair[0].0 != pair[1].0,
            "{PAIRS}: {:?} is paired twice",
            pair[0].0
        );
    }
    let mut out = String::from("&[\n");
    for (_, row) in rows {
        out.push_str(&row);
    }
    out.push(']');
    out
}

/// `path` (relative to the package) with `/` separators.
fn name(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

// Paths stay relative to the package (cargo runs build scripts there), and the generated
// code finds files through `CARGO_MANIFEST_DIR`: a checkout moved or copied together with
// its target directory then still embeds its own files, not those of the old place.
fn main() {
    let mut rule_files = Vec::new();
    files(Path::new("rules"), "toml", &mut rule_files);
    rule_files.retain(|p| p != Path::new(PAIRS));
    rule_files.sort();
    let mut out = String::from("&[\n");
    let mut prepared = String::from("&[\n");
    let mut dfas = Vec::new();
    let mut seen = HashMap::new();
    for path in rule_files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = name(&path);
        out.push_str(&format!(
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/\", {name:?}))),\n"
        ));
        let source = fs::read_to_string(&path).expect("readable rule file");
        prepared.push_str(&format!(
            "    {},\n",
            prepare_file(&source, &mut dfas, &mut seen)
        ));
    }
    out.push(']');
    prepared.push(']');
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("builtin_rules.rs"), out).expect("write builtin_rules.rs");
    fs::write(Path::new(&out_dir).join("builtin_prepared.rs"), prepared)
        .expect("write builtin_prepared.rs");
    fs::write(Path::new(&out_dir).join("builtin_dfas.bin"), dfas).expect("write builtin_dfas.bin");

    fs::write(
        Path::new(&out_dir).join("confusion_pairs.rs"),
        confusion_pairs(),
    )
    .expect("write confusion_pairs.rs");

    let list = "src/text/data/english-words.txt";
    println!("cargo:rerun-if-changed={list}");
    let words = word_table::decode(&fs::read_to_string(list).expect("readable word list"));
    let (blob, slots) = word_table::build(&words);
    fs::write(Path::new(&out_dir).join("english-words.blob"), blob).expect("write blob");
    fs::write(Path::new(&out_dir).join("english-words.slots"), slots).expect("write slots");

    let mut checks = Vec::new();
    files(Path::new("src/checks"), "rs", &mut checks);
    checks.sort();
    let mut out = String::from("&[\n");
    for path in checks {
        println!("cargo:rerun-if-changed={}", path.display());
        let source = fs::read_to_string(&path).expect("readable check");
        if let Some(text) = description(&source) {
            out.push_str(&format!("    ({:?}, {text:?}),\n", name(&path)));
        }
    }
    out.push(']');
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("rule_docs.rs"),
        out,
    )
    .expect("write rule_docs.rs");
}
