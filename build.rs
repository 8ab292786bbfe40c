//! Embeds every `rules/<category>/*.toml` file in the binary, so a new rule file needs no
//! code change, and turns the `//!` manual of every coded rule (`src/checks/<category>/
//! <name>.rs`) into its description: the paragraphs of its `## What it does` and
//! `## Why it matters` sections, each line joined to the next by a space. The walks are
//! recursive and sorted, so the tables are the same on every machine.
//!
//! It also does what a run would otherwise do at start-up: it reads the rule files into
//! static tables (`builtin_tables.rs`: no TOML is parsed at run time), with each rule's
//! prefilter literals and each pattern's search DFA (`builtin_dfas.bin`), and it lays out
//! the static table of the English word list (`english-words.blob`,
//! `english-words.slots`).

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
/// 64 KiB.
const DFA_LIMIT: usize = 64 << 10;

/// A pattern's search DFAs (unanchored, leftmost-first, no captures), serialized little
/// endian, and whether they are exact: whether they match the texts the pattern matches
/// and no others. `None` when no DFA of at most [`DFA_LIMIT`] will do. The run asks them
/// whether the pattern matches a text at all, before it compiles the regex (see
/// `LazyRegex::may_match` in `src/data_rule.rs`), so together they may match more than
/// the pattern but never less. A pattern too large as it stands gets the DFA of a prefix
/// of [`relaxed`] (see [`prefix_dfa`]); a phrase list so long that the prefix that fits
/// is short is split into four or eight lists, each with a DFA of its own prefix, when
/// that makes the prefixes longer.
fn search_dfa(pattern: &str) -> Option<(Vec<Vec<u8>>, bool)> {
    use regex_syntax::hir::{Hir, HirKind};
    let exact = regex_syntax::parse(pattern).ok()?;
    if let Some(found) = dfa(&exact) {
        return Some((vec![found], true));
    }
    let mut hir = relaxed(&exact);
    // Leading parts that may match nothing (`^`, `[ \t]*`, an optional list marker) go
    // first: what is left matches inside every match of the whole, and the prefixes cut
    // from it below cannot match an empty string so soon.
    if let HirKind::Concat(subs) = hir.kind() {
        let first = subs
            .iter()
            .position(|sub| sub.properties().minimum_len().unwrap_or(0) > 0);
        if let Some(first) = first.filter(|&first| first > 0) {
            hir = Hir::concat(subs[first..].to_vec());
        }
    }
    let (found, mut shortest) = prefix_dfa(&hir)?;
    let mut best = vec![found];
    for parts in [4, 8] {
        let Some(lists) = split(&hir, parts) else {
            break;
        };
        let built: Option<Vec<(Vec<u8>, usize)>> = lists.iter().map(prefix_dfa).collect();
        let Some(built) = built else {
            continue;
        };
        let least = built.iter().map(|(_, len)| *len).min().unwrap_or(0);
        if least > shortest {
            shortest = least;
            best = built.into_iter().map(|(dfa, _)| dfa).collect();
        }
    }
    Some((best, false))
}

/// The search DFA of `hir`, serialized, if it is at most [`DFA_LIMIT`].
fn dfa(hir: &regex_syntax::hir::Hir) -> Option<Vec<u8>> {
    use regex_automata::dfa::{dense, StartKind};
    use regex_automata::nfa::thompson;
    let nfa = thompson::Compiler::new()
        .configure(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
        .build_from_hir(hir)
        .ok()?;
    let config = dense::Config::new()
        .start_kind(StartKind::Unanchored)
        .dfa_size_limit(Some(DFA_LIMIT))
        .determinize_size_limit(Some(4 * DFA_LIMIT));
    let dense = dense::Builder::new()
        .configure(config)
        .build_from_nfa(&nfa)
        .ok()?;
    let (bytes, pad) = dense.to_bytes_little_endian();
    Some(bytes[pad..].to_vec())
}

/// The DFA of the longest prefix of `hir` that gets one, and the least length a match of
/// that prefix has (the longer, the fewer texts it lets through). Whatever `hir` matches,
/// its prefix matches too: first its tail is cut off, an element at a time, each first
/// cut to its first few characters by [`heads`], then each branch of a phrase list is cut
/// alike, as long as the prefix cannot match an empty string, which every text has.
fn prefix_dfa(hir: &regex_syntax::hir::Hir) -> Option<(Vec<u8>, usize)> {
    use regex_syntax::hir::{Hir, HirKind};
    let mut hir = hir.clone();
    let mut cut = 10;
    // The length of the concatenation whose last element was last cut to its head.
    let mut headed = 0;
    loop {
        let least = hir.properties().minimum_len().unwrap_or(0);
        if least == 0 {
            return None;
        }
        if let Some(found) = dfa(&hir) {
            return Some((found, least));
        }
        match hir.kind() {
            // The tail goes an element at a time, each first cut to its head.
            HirKind::Concat(subs) if subs.len() > 1 => {
                let mut subs = subs.clone();
                let last = subs.pop().expect("two elements");
                if headed != subs.len() + 1 {
                    headed = subs.len() + 1;
                    subs.push(heads(&last, 4));
                }
                hir = Hir::concat(subs);
            }
            _ if cut > 2 => {
                cut -= 2;
                hir = heads(&hir, cut);
            }
            _ => return None,
        }
    }
}

/// `hir` as up to `parts` patterns that together match what it matches: its alternation of
/// the most branches (itself, or an element of it) is split into `parts` runs of
/// branches. `None` if no alternation has that many branches.
fn split(hir: &regex_syntax::hir::Hir, parts: usize) -> Option<Vec<regex_syntax::hir::Hir>> {
    use regex_syntax::hir::{Hir, HirKind};
    fn branches(hir: &Hir) -> usize {
        match hir.kind() {
            HirKind::Alternation(subs) => subs.len(),
            HirKind::Capture(capture) => branches(&capture.sub),
            HirKind::Concat(subs) => subs.iter().map(branches).max().unwrap_or(0),
            _ => 0,
        }
    }
    match hir.kind() {
        HirKind::Alternation(subs) if subs.len() >= parts => Some(
            subs.chunks(subs.len().div_ceil(parts))
                .map(|run| Hir::alternation(run.to_vec()))
                .collect(),
        ),
        HirKind::Capture(capture) => split(&capture.sub, parts),
        HirKind::Concat(subs) => {
            let widest = (0..subs.len()).max_by_key(|&i| branches(&subs[i]))?;
            let lists = split(&subs[widest], parts)?;
            let whole = |list| {
                let mut subs = subs.clone();
                subs[widest] = list;
                Hir::concat(subs)
            };
            Some(lists.into_iter().map(whole).collect())
        }
        _ => None,
    }
}

/// A prefix of what `hir` matches, of about `bytes` bytes: a concatenation keeps its
/// first elements and cuts the last it keeps, each branch of an alternation is cut alike,
/// a repetition to its element, and a literal to its first `bytes` bytes (at a character
/// boundary).
fn heads(hir: &regex_syntax::hir::Hir, bytes: usize) -> regex_syntax::hir::Hir {
    use regex_syntax::hir::{Hir, HirKind};
    match hir.kind() {
        HirKind::Literal(literal) => {
            let mut end = literal.0.len().min(bytes);
            while std::str::from_utf8(&literal.0[..end]).is_err() && end < literal.0.len() {
                end += 1;
            }
            Hir::literal(literal.0[..end].to_vec())
        }
        HirKind::Concat(subs) => {
            // Elements that make a small automaton (literals, classes and their
            // repetitions) are kept whole; the first other one, or the one that reaches
            // the length, is cut, and ends the prefix.
            let mut kept = Vec::new();
            let mut len = 0;
            for sub in subs {
                let min = sub.properties().minimum_len().unwrap_or(0);
                let small = match sub.kind() {
                    HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => true,
                    HirKind::Repetition(rep) => matches!(rep.sub.kind(), HirKind::Class(_)),
                    _ => false,
                };
                if !small || len + min >= bytes {
                    kept.push(heads(sub, bytes.saturating_sub(len).max(1)));
                    break;
                }
                kept.push(sub.clone());
                len += min;
            }
            Hir::concat(kept)
        }
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.iter().map(|s| heads(s, bytes)).collect())
        }
        HirKind::Capture(capture) => heads(&capture.sub, bytes),
        // Every match of a repetition that cannot be empty starts with a match of its
        // element.
        HirKind::Repetition(rep) if rep.min > 0 => heads(&rep.sub, bytes),
        _ => hir.clone(),
    }
}

/// `hir` made to match a superset of its texts with a far smaller automaton: a class with
/// characters outside ASCII keeps its ASCII part and takes every other character (so
/// `\p{L}` costs a few states, not thousands), a counted repetition loses its bounds
/// (`[^\n]{0,60}` becomes `[^\n]*`, `(?:…){4,}` becomes `(?:…)+`), and a Unicode word
/// boundary, which no DFA supports on non-ASCII text, is dropped. Captures go too.
fn relaxed(hir: &regex_syntax::hir::Hir) -> regex_syntax::hir::Hir {
    use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};
    match hir.kind() {
        HirKind::Class(Class::Unicode(class))
            if class.ranges().iter().any(|r| r.end() > '\x7f') =>
        {
            let mut wide = ClassUnicode::new([ClassUnicodeRange::new('\u{80}', char::MAX)]);
            let mut ascii = class.clone();
            ascii.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7f')]));
            wide.union(&ascii);
            Hir::class(Class::Unicode(wide))
        }
        HirKind::Look(
            Look::WordUnicode
            | Look::WordUnicodeNegate
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode,
        ) => Hir::empty(),
        HirKind::Repetition(rep) => {
            let mut rep = rep.clone();
            rep.min = rep.min.min(4);
            rep.max = None;
            rep.sub = Box::new(relaxed(&rep.sub));
            Hir::repetition(rep)
        }
        HirKind::Capture(capture) => relaxed(&capture.sub),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(relaxed).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(relaxed).collect()),
        _ => hir.clone(),
    }
}

/// Every key a rule table may have (`RawRule` in `src/data_rule.rs`).
const RULE_KEYS: &[&str] = &[
    "id",
    "severity",
    "message",
    "description",
    "pattern",
    "grow-left",
    "before",
    "after",
    "not-before",
    "not-after",
    "replace",
    "replace-uk",
    "fix",
    "preserve-case",
    "bad",
    "good",
    "pack",
    "default",
    "style",
];

/// A rule file as Rust source, `Some(&[StaticRule { .. }, ..])` in file order, so that the
/// run reads its rules in place instead of parsing TOML (see `StaticRule` in
/// `src/data_rule.rs`): the patterns rewritten as the run rewrites them, the conditions
/// anchored, each rule's prefilter literals and, for each pattern, where its search DFA
/// lies in `blob` (8-aligned). `None` for a file that does not have the shape of a rule
/// file: the run then parses it and reports the error as it would for a user file (the
/// tests parse every file that way too, and check that both readings agree).
fn static_file(source: &str, blob: &mut Vec<u8>, seen: &mut Seen) -> String {
    static_rules(source, blob, seen).unwrap_or_else(|| "None".into())
}

/// The string at `key` of `table`: `Some(None)` when it is absent, `None` when it is not
/// a string.
fn optional_string(table: &toml::Table, key: &str) -> Option<Option<String>> {
    match table.get(key) {
        None => Some(None),
        Some(v) => v.as_str().map(|s| Some(s.to_string())),
    }
}

/// How far back a `before` condition looks, in bytes (`LOOKBEHIND` in
/// `src/data_rule.rs`).
const LOOKBEHIND: usize = 120;

/// Whether a `before` (or `after`) condition means the same in a pattern's DFA as in the
/// window the run asks it about: the text before the span, of at most [`LOOKBEHIND`]
/// bytes (or the text after it). A look at the window's edge (`\b`, `^`) would see the
/// edge there and the span's own characters in the DFA, and a `before` condition that
/// can match the whole window would see its cut start.
fn foldable(condition: &str, before: bool) -> bool {
    let Ok(hir) = regex_syntax::parse(&literals::ascii_classes(condition)) else {
        return false;
    };
    let properties = hir.properties();
    if before {
        properties.look_set_suffix_any().is_empty()
            && properties.maximum_len().is_some_and(|len| len < LOOKBEHIND)
    } else {
        properties.look_set_prefix_any().is_empty()
    }
}

/// Whether the span a finding of `pattern` reports (its group `m`, or else the whole match)
/// starts and ends where the match does; parts that match no text (`\b`) do not count.
fn span_at_ends(pattern: &str) -> (bool, bool) {
    use regex_syntax::hir::{Hir, HirKind};
    fn is_m(hir: &Hir) -> bool {
        matches!(hir.kind(), HirKind::Capture(c) if c.name.as_deref() == Some("m"))
    }
    fn has_m(hir: &Hir) -> bool {
        match hir.kind() {
            HirKind::Capture(c) => is_m(hir) || has_m(&c.sub),
            HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().any(has_m),
            HirKind::Repetition(rep) => has_m(&rep.sub),
            _ => false,
        }
    }
    let Ok(hir) = regex_syntax::parse(pattern) else {
        return (false, false);
    };
    if !has_m(&hir) || is_m(&hir) {
        return (true, true);
    }
    let HirKind::Concat(subs) = hir.kind() else {
        return (false, false);
    };
    let width = |sub: &&Hir| sub.properties().maximum_len() != Some(0);
    let first = subs.iter().find(width);
    let last = subs.iter().rev().find(width);
    (first.is_some_and(is_m), last.is_some_and(is_m))
}

/// The search DFAs of each source stored so far: where each lies in the blob, and whether
/// they are exact. A source several rules share (`\.[ \t]*\.`) is stored once.
type Seen = HashMap<String, (Vec<(usize, usize)>, bool)>;

/// Where the search DFAs of `source` lie in `blob` (each 8-aligned), as Rust source:
/// `&[DfaAt { .. }, ..]`, empty if it has none. They are marked exact when they are, and
/// `source` is the regex itself (`own`), not a pattern with its conditions.
fn dfa_place(source: &str, own: bool, blob: &mut Vec<u8>, seen: &mut Seen) -> String {
    let (places, exact) = seen.entry(source.to_string()).or_insert_with(|| {
        let Some((dfas, exact)) = search_dfa(source) else {
            return (Vec::new(), false);
        };
        let mut places = Vec::new();
        for bytes in dfas {
            blob.resize(blob.len().next_multiple_of(8), 0);
            places.push((blob.len(), bytes.len()));
            blob.extend_from_slice(&bytes);
        }
        (places, exact)
    });
    let exact = *exact && own;
    let mut out = String::from("&[");
    for (at, len) in places {
        out.push_str(&format!(
            "DfaAt {{ at: {at}, len: {len}, exact: {exact} }}, "
        ));
    }
    out.push(']');
    out
}

fn static_rules(source: &str, blob: &mut Vec<u8>, seen: &mut Seen) -> Option<String> {
    let table = source.parse::<toml::Table>().ok()?;
    if table.keys().any(|k| k != "rule" && k != "pack") {
        return None;
    }
    let rules = match table.get("rule") {
        Some(toml::Value::Array(rules)) => rules.as_slice(),
        None => &[],
        Some(_) => return None,
    };
    // A string, or a list of strings.
    let strings = |value: &toml::Value| -> Option<Vec<String>> {
        match value {
            toml::Value::String(s) => Some(vec![s.clone()]),
            toml::Value::Array(list) => list.iter().map(|v| v.as_str().map(String::from)).collect(),
            _ => None,
        }
    };
    let list = |items: &[String]| {
        let mut out = String::from("&[");
        for item in items {
            out.push_str(&format!("{item:?}, "));
        }
        out.push(']');
        out
    };
    let option = |value: Option<String>| value.map_or("None".into(), |v| format!("Some({v:?})"));
    let file_packs = table.get("pack").map(strings).unwrap_or(Some(Vec::new()))?;
    let mut out = String::from("Some(&[\n");
    for rule in rules {
        let rule = rule.as_table()?;
        if rule.keys().any(|k| !RULE_KEYS.contains(&k.as_str())) {
            return None;
        }
        let text = |key: &str| optional_string(rule, key);
        let flag = |key: &str, default: bool| -> Option<bool> {
            match rule.get(key) {
                None => Some(default),
                Some(v) => v.as_bool(),
            }
        };
        let severity = match text("severity")?.as_deref() {
            Some("error") => "Error",
            Some("warning") => "Warning",
            Some("info") => "Info",
            _ => return None,
        };
        let fix = match text("fix")?.as_deref() {
            None => "None",
            Some("safe") => "Some(Applicability::Safe)",
            Some("unsafe") => "Some(Applicability::Unsafe)",
            Some(_) => return None,
        };
        let patterns: Vec<String> = strings(rule.get("pattern")?)?
            .iter()
            .map(|p| literals::ascii_classes(p))
            .collect();
        // A condition, with its DFA: an exact one answers for the regex at run time.
        let mut condition = |key: &str, wrap: fn(&str) -> String| -> Option<String> {
            Some(match text(key)? {
                None => "None".to_string(),
                Some(c) => {
                    let source = wrap(&literals::ascii_classes(&c));
                    let dfa = dfa_place(&source, true, blob, seen);
                    format!("Some(({source:?}, {dfa}))")
                }
            })
        };
        let conditions = [
            condition("before", literals::ending)?,
            condition("after", literals::starting)?,
            condition("not-before", literals::ending)?,
            condition("not-after", literals::starting)?,
        ];
        let refs: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let literals = match literals::required_literals(&refs) {
            None => "None".to_string(),
            Some(set) => {
                let mut out = String::from("Some(&[");
                for literal in set {
                    out.push_str(&format!("&{literal:?}, "));
                }
                out.push_str("])");
                out
            }
        };
        // A pattern's DFAs answer for the rule's findings, not its matches: what a finding
        // needs before or after its span (the `before` and `after` conditions) is made
        // part of them where the span starts or ends the match.
        let (before, after) = (text("before")?, text("after")?);
        let grows = text("grow-left")?.is_some();
        let mut dfas = String::from("&[");
        for pattern in &patterns {
            let (starts, ends) = span_at_ends(pattern);
            let mut gate = pattern.clone();
            if let Some(before) = before
                .as_ref()
                .filter(|b| starts && !grows && foldable(b, true))
            {
                gate = format!("(?:{})(?:{gate})", literals::ascii_classes(before));
            }
            if let Some(after) = after.as_ref().filter(|a| ends && foldable(a, false)) {
                gate = format!("(?:{gate})(?:{})", literals::ascii_classes(after));
            }
            // The DFAs of a pattern with a condition in them are not the pattern's.
            dfas.push_str(&dfa_place(&gate, gate == *pattern, blob, seen));
            dfas.push_str(", ");
        }
        dfas.push(']');
        let mut bad = String::from("&[");
        for example in rule
            .get("bad")
            .map_or(Some(&[][..]), |v| v.as_array().map(|a| a.as_slice()))?
        {
            let example = example.as_table()?;
            if example
                .keys()
                .any(|k| !["text", "fixed", "message"].contains(&k.as_str()))
            {
                return None;
            }
            let messages = example
                .get("message")
                .map(strings)
                .unwrap_or(Some(Vec::new()))?;
            bad.push_str(&format!(
                "StaticBad {{ text: {:?}, fixed: {}, messages: {} }}, ",
                optional_string(example, "text")??,
                option(optional_string(example, "fixed")?),
                list(&messages)
            ));
        }
        bad.push(']');
        let good: Vec<String> = match rule.get("good") {
            None => Vec::new(),
            Some(v) => v
                .as_array()?
                .iter()
                .map(|g| g.as_str().map(String::from))
                .collect::<Option<_>>()?,
        };
        let packs = match rule.get("pack") {
            Some(v) => strings(v)?,
            None => file_packs.clone(),
        };
        out.push_str(&format!(
            "    StaticRule {{ id: {:?}, severity: Severity::{severity}, message: {:?}, \
             description: {:?}, patterns: {}, grow_left: {}, before: {}, after: {}, \
             not_before: {}, not_after: {}, replace: {}, replace_uk: {}, fix: {fix}, \
             preserve_case: {}, bad: {bad}, good: {}, packs: {}, conservative_default: {}, \
             style: {}, literals: {literals}, dfas: {dfas} }},\n",
            text("id")??,
            text("message")??,
            text("description")??.trim(),
            list(&patterns),
            option(text("grow-left")?),
            conditions[0],
            conditions[1],
            conditions[2],
            conditions[3],
            option(text("replace")?),
            option(text("replace-uk")?),
            flag("preserve-case", true)?,
            list(&good),
            list(&packs),
            flag("default", false)?,
            option(text("style")?),
        ));
    }
    out.push_str("])");
    Some(out)
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
    let mut tables = String::from("&[\n");
    let mut dfas = Vec::new();
    let mut seen = HashMap::new();
    for path in rule_files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = name(&path);
        out.push_str(&format!(
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/\", {name:?}))),\n"
        ));
        let source = fs::read_to_string(&path).expect("readable rule file");
        tables.push_str(&format!(
            "    {},\n",
            static_file(&source, &mut dfas, &mut seen)
        ));
    }
    out.push(']');
    tables.push(']');
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("builtin_rules.rs"), out).expect("write builtin_rules.rs");
    fs::write(Path::new(&out_dir).join("builtin_tables.rs"), tables)
        .expect("write builtin_tables.rs");
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
