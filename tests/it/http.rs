//! `mtlint serve --http`: LanguageTool's HTTP API v2 and the web page, on a loopback port
//! the system picks (`--http 127.0.0.1:0`; the server prints the bound address).
//!
//! The API is checked here byte for byte with a plain HTTP/1.1 client, then with a real
//! LanguageTool client (PyPI's `language-tool-python`, tests/languagetool_client.py), by
//! concurrent clients, and in a real browser (tests/browser/page.py). The last two skip
//! loudly where `.ci/run` could not install their tools.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ChildStderr, Command, Stdio};
use std::time::Instant;

use serde_json::{json, Value};
use tempfile::TempDir;

use crate::common::*;

/// Accents and an emoji (two UTF-16 code units, one Python character) before three
/// findings: a doubled period (error, safe fix), guillemets (warning, safe fix) and a
/// calque (warning, unsafe fix); then a false friend only German speakers make
/// (reported with `motherTongue=de`).
const TEXT: &str = "Café 🎉 déjà vu: the mission ends in March. . He said « yes » to the \
                    conference of press. In May she became a baby.\n";

/// A running `mtlint serve --http`, stopped when dropped.
struct Served {
    child: Child,
    addr: String,
    stderr: BufReader<ChildStderr>,
    _dir: TempDir,
}

/// Start the server in an empty folder (no configuration file) with these options.
fn serve(options: &[&str]) -> Served {
    let dir = TempDir::new().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(["serve", "--http", "127.0.0.1:0"])
        .args(options)
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let addr = line
        .trim()
        .strip_prefix("mtlint: listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
        .to_string();
    Served {
        child,
        addr,
        stderr,
        _dir: dir,
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer: status, content type, body.
struct Answer {
    status: u16,
    content_type: String,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        assert_eq!(self.content_type, "application/json", "{}", self.body);
        serde_json::from_str(&self.body).unwrap()
    }
}

/// One request on a fresh connection (`Connection: close`), read to the end.
fn request(addr: &str, method: &str, path: &str, form: Option<&[u8]>) -> Answer {
    let mut stream = TcpStream::connect(addr).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(body) = form {
        head.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    if let Some(body) = form {
        // The server may answer a body over the limit before it has read all of it.
        let _ = stream.write_all(body);
    }
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8(raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").expect("a complete answer");
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let content_type = head
        .lines()
        .find_map(|l| l.strip_prefix("content-type: "))
        .unwrap_or_default()
        .to_string();
    assert!(!head.contains("transfer-encoding"), "{head}");
    Answer {
        status,
        content_type,
        body: body.to_string(),
    }
}

/// `application/x-www-form-urlencoded`, as a browser encodes a form.
fn form(pairs: &[(&str, &str)]) -> Vec<u8> {
    let encode = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                    (b as char).to_string()
                }
                b' ' => "+".to_string(),
                b => format!("%{b:02X}"),
            })
            .collect()
    };
    let pairs: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    pairs.join("&").into_bytes()
}

fn check(addr: &str, pairs: &[(&str, &str)]) -> Answer {
    request(addr, "POST", "/v2/check", Some(&form(pairs)))
}

/// Each match as (rule, offset, length, replacements).
fn summary(reply: &Value) -> Vec<(String, u64, u64, Vec<String>)> {
    reply["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let values = m["replacements"].as_array().unwrap();
            (
                m["rule"]["id"].as_str().unwrap().to_string(),
                m["offset"].as_u64().unwrap(),
                m["length"].as_u64().unwrap(),
                values
                    .iter()
                    .map(|r| r["value"].as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

fn m(rule: &str, offset: u64, length: u64, fix: &[&str]) -> (String, u64, u64, Vec<String>) {
    (
        rule.into(),
        offset,
        length,
        fix.iter().map(|s| s.to_string()).collect(),
    )
}

#[test]
fn check_counts_offsets_in_utf16_code_units() {
    let server = serve(&[]);
    let reply = check(&server.addr, &[("text", TEXT), ("language", "en-US")]);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let reply = reply.json();
    // `Café 🎉 déjà vu: the mission ends in March` is 41 characters and 42 UTF-16 units.
    assert_eq!(
        summary(&reply),
        [
            m("punctuation/doubled-period", 42, 3, &["."]),
            m("quotes/guillemets", 54, 7, &["“yes”"]),
            m("calque/conference-of-press", 69, 19, &["press conference"]),
        ]
    );
    let first = &reply["matches"][0];
    assert_eq!(first["message"], "doubled period");
    assert_eq!(first["rule"]["description"], "doubled period");
    assert_eq!(first["rule"]["issueType"], "typographical");
    assert_eq!(
        first["rule"]["category"],
        json!({"id": "PUNCTUATION", "name": "punctuation"})
    );
    assert_eq!(first["type"], json!({"typeName": "Other"}));
    assert_eq!(
        first["context"],
        json!({
            "text": "...afé 🎉 déjà vu: the mission ends in March. . He said « yes » to the conference of pr...",
            "offset": 44,
            "length": 3,
        })
    );
    assert_eq!(
        first["sentence"],
        "Café 🎉 déjà vu: the mission ends in March."
    );
    assert_eq!(first["mtlint"]["severity"], "error");
    assert_eq!(first["mtlint"]["fix"], "safe");
    assert_eq!(first["mtlint"]["fixTitle"], "Replace `. .` with `.`");
    assert!(first["mtlint"]["help"]
        .as_str()
        .unwrap()
        .starts_with("doubled period\n\n"));
    // An unsafe fix is offered, and said to be unsafe.
    assert_eq!(
        reply["matches"][2]["replacements"][0],
        json!({"value": "press conference", "shortDescription": "unsafe: check the meaning"})
    );
    assert_eq!(
        reply["language"],
        json!({"name": "English (US)", "code": "en-US",
               "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 1.0}})
    );
    // The same by GET, as LanguageTool also answers.
    let get = request(
        &server.addr,
        "GET",
        "/v2/check?language=en&text=He+said..",
        None,
    );
    assert_eq!(
        summary(&get.json()),
        [m("punctuation/doubled-period", 7, 2, &["."])]
    );
}

#[test]
fn check_parameters_choose_the_findings() {
    let server = serve(&[]);
    let rules = |pairs: &[(&str, &str)]| -> Vec<String> {
        let mut all = vec![("text", TEXT), ("language", "en-GB")];
        all.extend_from_slice(pairs);
        summary(&check(&server.addr, &all).json())
            .into_iter()
            .map(|m| m.0)
            .collect()
    };
    let default = [
        "punctuation/doubled-period",
        "quotes/guillemets",
        "calque/conference-of-press",
    ];
    assert_eq!(rules(&[]), default);
    // motherTongue runs that language's pack instead of the default entries of all
    // packs, as `--source-lang de` does: the Romance calque gives way to the German
    // false friend.
    assert_eq!(
        rules(&[("motherTongue", "de-DE")]),
        [
            "punctuation/doubled-period",
            "quotes/guillemets",
            "false-friend/become-a-baby"
        ]
    );
    // The same as the command line (whose info findings are LanguageTool's picky level).
    let (_dir, file) = temp_file("text.txt", TEXT);
    let (cli, _) = stdout_of(
        mtlint()
            .args(["--format", "short", "--source-lang", "de"])
            .arg(&file),
    );
    let cli_rules: Vec<&str> = cli
        .lines()
        .filter(|l| !l.contains(" info["))
        .filter_map(|l| l.split_once('[')?.1.split_once(']').map(|r| r.0))
        .collect();
    assert_eq!(rules(&[("motherTongue", "de")]), cli_rules);
    assert_eq!(
        rules(&[("disabledRules", "quotes/guillemets,calque")]),
        ["punctuation/doubled-period"]
    );
    assert_eq!(
        rules(&[("disabledCategories", "PUNCTUATION")]),
        &default[1..]
    );
    assert_eq!(
        rules(&[("enabledRules", "quotes"), ("enabledOnly", "true")]),
        ["quotes/guillemets"]
    );
    // level=picky adds the hints (info findings).
    let picky = rules(&[("level", "picky")]);
    assert!(picky.len() >= default.len(), "{picky:?}");
    // Markdown (an mtlint extension): code is not prose.
    let md = check(
        &server.addr,
        &[
            ("text", "Run `ls . .` now. .\n"),
            ("language", "en"),
            ("markup", "markdown"),
        ],
    );
    assert_eq!(
        summary(&md.json()),
        [m("punctuation/doubled-period", 16, 3, &["."])]
    );
}

#[test]
fn annotated_data_skips_markup_and_counts_offsets_in_the_whole_document() {
    let server = serve(&[]);
    let data = json!({"annotation": [
        {"markup": "<p>"},
        {"text": "Déjà 🎉 vu. ."},
        {"markup": "</p>", "interpretAs": "\n\n"},
        {"markup": "<p>"},
        {"text": "He said « yes »."},
        {"markup": "</p>"},
    ]})
    .to_string();
    let reply = check(&server.addr, &[("data", &data), ("language", "en-US")]);
    // `<p>Déjà 🎉 vu` is 13 UTF-16 units; the text of the second paragraph starts at 23.
    assert_eq!(
        summary(&reply.json()),
        [
            m("punctuation/doubled-period", 13, 3, &["."]),
            m("quotes/guillemets", 31, 7, &["“yes”"]),
        ]
    );
    let plain = json!({"text": "He said.."}).to_string();
    let reply = check(&server.addr, &[("data", &plain), ("language", "en-US")]);
    assert_eq!(
        summary(&reply.json()),
        [m("punctuation/doubled-period", 7, 2, &["."])]
    );
}

#[test]
fn bad_requests_get_languagetool_s_statuses_and_texts() {
    let server = serve(&["--max-request-size", "1K"]);
    let refused = |answer: Answer| (answer.status, answer.content_type, answer.body);
    let text = "text/plain; charset=utf-8".to_string();
    assert_eq!(
        refused(check(&server.addr, &[("language", "en-US")])),
        (
            400,
            text.clone(),
            "Error: Missing 'text' or 'data' parameter".into()
        )
    );
    assert_eq!(
        refused(check(&server.addr, &[("text", "Hi.")])),
        (
            400,
            text.clone(),
            "Error: Missing 'language' parameter, e.g. 'language=en-US' for American English \
             or 'language=fr' for French"
                .into()
        )
    );
    assert_eq!(
        refused(check(&server.addr, &[("text", "Hi."), ("language", "fr")])),
        (
            400,
            text.clone(),
            "Error: 'fr' is not a language code known to LanguageTool. Supported language \
             codes are: auto, en, en-AU, en-CA, en-GB, en-NZ, en-ZA, en-US."
                .into()
        )
    );
    assert_eq!(
        refused(check(
            &server.addr,
            &[("text", "Hi."), ("data", "{}"), ("language", "en")]
        )),
        (
            400,
            text.clone(),
            "Error: Set only 'text' or 'data' parameter, not both".into()
        )
    );
    assert_eq!(
        refused(check(&server.addr, &[("data", "{"), ("language", "en")])),
        (
            400,
            text.clone(),
            "Error: Could not parse JSON from 'data' parameter".into()
        )
    );
    assert_eq!(
        refused(check(
            &server.addr,
            &[
                ("data", r#"{"annotation":[{"img":1}]}"#),
                ("language", "en")
            ]
        )),
        (
            400,
            text.clone(),
            r#"Error: Only 'text' and 'markup' are supported in 'annotation' list: {"img":1}"#
                .into()
        )
    );
    assert_eq!(request(&server.addr, "GET", "/v1/check", None).status, 404);
    // The body limit: 1 KiB here (1 MiB by default).
    let long = "word ".repeat(300);
    assert_eq!(
        refused(check(&server.addr, &[("text", &long), ("language", "en")])),
        (
            413,
            text.clone(),
            "Error: Your request exceeds the limit of 1024 bytes. Please submit a shorter text."
                .into()
        )
    );
    let short = "word ".repeat(150);
    assert_eq!(
        check(&server.addr, &[("text", &short), ("language", "en")]).status,
        200
    );
    // Bytes that are not UTF-8 are decoded as U+FFFD, which mtlint reports.
    let answer = request(
        &server.addr,
        "POST",
        "/v2/check",
        Some(b"language=en&text=%FF%FE"),
    );
    assert_eq!(
        summary(&answer.json()),
        [m("encoding/replacement-character", 0, 2, &[])]
    );
    assert_eq!(
        check(&server.addr, &[("text", "ok"), ("language", "en")]).status,
        200
    );
}

#[test]
fn languages_and_the_page_are_served() {
    let server = serve(&[]);
    let languages = request(&server.addr, "GET", "/v2/languages", None).json();
    let codes: Vec<&str> = languages
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["longCode"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["en", "en-AU", "en-CA", "en-GB", "en-NZ", "en-ZA", "en-US"]
    );
    assert_eq!(
        languages[6],
        json!({"name": "English (US)", "code": "en", "longCode": "en-US"})
    );
    for (path, kind) in [
        ("/", "text/html; charset=utf-8"),
        ("/mtlint.css", "text/css; charset=utf-8"),
        ("/mtlint.js", "text/javascript; charset=utf-8"),
    ] {
        let answer = request(&server.addr, "GET", path, None);
        assert_eq!((answer.status, answer.content_type.as_str()), (200, kind));
        // Nothing on the page reaches out: no address of another site.
        for external in ["http:", "https:", "//cdn", "@import"] {
            assert!(!answer.body.contains(external), "{path} has {external}");
        }
    }
    let page = request(&server.addr, "GET", "/", None).body;
    assert!(page.contains(r#"<script src="/mtlint.js" defer></script>"#));
}

#[test]
fn the_fix_endpoint_writes_what_mtlint_fix_writes() {
    let server = serve(&[]);
    let doc = "# Notes\n\nRun `ls . .` first. They said « oui ».  Then. .\n";
    let (_dir, file) = temp_file("notes.md", doc);
    let want = fixed_in_place(&file, &["--fix"]);
    assert_ne!(want, doc);
    let answer = request(
        &server.addr,
        "POST",
        "/mtlint/fix",
        Some(&form(&[("text", doc), ("markup", "markdown")])),
    );
    let fixed = answer.json();
    assert_eq!(fixed["text"], want.as_str());
    assert_eq!(fixed["converged"], true);
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let mut server = serve(&[]);
    assert_eq!(
        request(&server.addr, "GET", "/v2/healthcheck", None).body,
        "OK"
    );
    let pid = server.child.id().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    let status = server.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let mut rest = String::new();
    server.stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.ends_with("mtlint: stopping\n"), "{rest}");
}

#[test]
fn concurrent_clients_all_get_the_right_answer() {
    const CLIENTS: usize = 8;
    const REQUESTS: usize = 25;
    let server = serve(&[]);
    let body = form(&[("text", TEXT), ("language", "en-US"), ("level", "picky")]);
    let want = request(&server.addr, "POST", "/v2/check", Some(&body)).body;
    let latencies: Vec<f64> = std::thread::scope(|s| {
        let clients: Vec<_> = (0..CLIENTS)
            .map(|_| {
                s.spawn(|| {
                    (0..REQUESTS)
                        .map(|_| {
                            let started = Instant::now();
                            let answer = request(&server.addr, "POST", "/v2/check", Some(&body));
                            let took = started.elapsed().as_secs_f64() * 1000.0;
                            assert_eq!(answer.status, 200);
                            assert_eq!(answer.body, want);
                            took
                        })
                        .collect::<Vec<f64>>()
                })
            })
            .collect();
        clients
            .into_iter()
            .flat_map(|c| c.join().unwrap())
            .collect()
    });
    assert_eq!(latencies.len(), CLIENTS * REQUESTS);
    // Reported, not asserted (run with --nocapture to see it).
    let mut sorted = latencies;
    sorted.sort_by(f64::total_cmp);
    let at = |q: f64| sorted[((sorted.len() as f64 * q) as usize).min(sorted.len() - 1)];
    eprintln!(
        "http load: {CLIENTS} clients x {REQUESTS} requests of {} bytes: p50 {:.1} ms, p99 {:.1} ms",
        TEXT.len(),
        at(0.50),
        at(0.99)
    );
}

/// Run a Python script with `args`; its standard output, or `None` (after a loud
/// message) when it exits 77 because a tool is missing.
fn python(script: &str, args: &[&str], what: &str) -> Option<String> {
    let out = Command::new("python3")
        .arg(root().join(script))
        .args(args)
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(77) {
        let _ = std::io::stderr().write_all(
            format!(
                "\n\n*** SKIPPED {what}: {} ***\n*** Run .ci/run to install it. ***\n\n",
                stderr.trim()
            )
            .as_bytes(),
        );
        return None;
    }
    assert!(out.status.success(), "{script} failed:\n{stderr}");
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn language_tool_python_gets_correct_answers() {
    let server = serve(&[]);
    let (_dir, file) = temp_file("text.txt", TEXT);
    let url = format!("http://{}", server.addr);
    let Some(out) = python(
        "tests/languagetool_client.py",
        &[&url, file.to_str().unwrap()],
        "language-tool-python client test",
    ) else {
        return;
    };
    let seen: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(seen["language"], "en-US");
    // The client turns UTF-16 offsets into Python's (one per character): the emoji
    // counts once, so each offset is one less than on the wire.
    let got: Vec<(String, u64, u64, Vec<String>)> = seen["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["rule"].as_str().unwrap().into(),
                m["offset"].as_u64().unwrap(),
                m["length"].as_u64().unwrap(),
                serde_json::from_value(m["replacements"].clone()).unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            m("punctuation/doubled-period", 41, 3, &["."]),
            m("quotes/guillemets", 53, 7, &["“yes”"]),
            m("calque/conference-of-press", 68, 19, &["press conference"]),
        ]
    );
    let chars: Vec<char> = TEXT.chars().collect();
    let quoted: String = chars[53..60].iter().collect();
    assert_eq!(quoted, "« yes »");
    assert_eq!(seen["matches"][1]["category"], "QUOTES");
    assert_eq!(
        seen["matches"][1]["sentence"],
        "He said « yes » to the conference of press."
    );
    // correct() applies the first replacement of each match: mtlint's fixes, safe and
    // unsafe, as `mtlint --fix --unsafe-fixes` applies them.
    let (_dir2, copy) = temp_file("text.txt", TEXT);
    let want = fixed_in_place(&copy, &["--fix", "--unsafe-fixes"]);
    assert_eq!(seen["corrected"], want.as_str());
    assert_eq!(
        seen["corrected"],
        "Café 🎉 déjà vu: the mission ends in March. He said “yes” to the press conference. \
         In May she became a baby.\n"
    );
    assert!(seen["picky_rules"].as_array().unwrap().len() >= 3);
    assert_eq!(
        seen["disabled"],
        json!(["quotes/guillemets", "calque/conference-of-press"])
    );
    assert!(seen["german"].as_str().unwrap().starts_with("refused: "));
}

#[test]
fn the_web_page_shows_and_fixes_what_the_api_finds() {
    let server = serve(&[]);
    let (dir, file) = temp_file("article.txt", TEXT);
    let fixed = write(dir.path(), "fixed.txt", TEXT);
    let want = fixed_in_place(&fixed, &["--fix"]);
    assert_ne!(want, TEXT);
    let screenshot = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("http-page.png");
    let url = format!("http://{}", server.addr);
    let Some(out) = browser_script(
        "page.py",
        &[
            &url,
            file.to_str().unwrap(),
            fixed.to_str().unwrap(),
            screenshot.to_str().unwrap(),
        ],
    ) else {
        return;
    };
    let seen: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(seen["detected"], "(read as text)");
    assert_eq!(seen["highlights"], 3);
    assert_eq!(seen["status"], "3 findings: 1 error, 2 warnings.");
    assert_eq!(seen["headings"], json!(["Errors (1)", "Warnings (2)"]));
    assert_eq!(
        seen["fix_buttons"],
        json!([
            "Replace `. .` with `.`",
            "Replace `« yes »` with `“yes”`",
            "Replace `conference of press` with `press conference` (unsafe: check the meaning)",
        ])
    );
    assert!(
        seen["after_fix"]
            .as_str()
            .unwrap()
            .starts_with("1 safe fix applied. 1 finding: 1 warning."),
        "{}",
        seen["after_fix"]
    );
    assert!(screenshot.is_file());
}
