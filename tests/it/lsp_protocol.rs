//! `mtlint server` driven over its standard input and output with raw JSON-RPC, as an
//! editor would: the handshake and position encoding, diagnostics on open, change, save
//! and close, quick fixes, "Fix all safe problems", hover, errors for bad requests, and
//! the shutdown/exit sequence with its exit status.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

use crate::common::*;

const TIMEOUT: Duration = Duration::from_secs(20);

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Messages received while waiting for another one.
    pending: Vec<Value>,
}

/// Read `Content-Length` framed messages until the stream ends.
fn read_messages(stdout: impl Read, to: mpsc::Sender<Value>) {
    let mut reader = BufReader::new(stdout);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = Some(n.parse::<usize>().unwrap());
            }
        }
        let mut body = vec![0; length.expect("a Content-Length header")];
        reader.read_exact(&mut body).unwrap();
        if to.send(serde_json::from_slice(&body).unwrap()).is_err() {
            return;
        }
    }
}

impl Client {
    fn start() -> Client {
        Client::start_with(&["server"])
    }

    fn start_with(args: &[&str]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || read_messages(stdout, tx));
        Client {
            stdin: child.stdin.take(),
            child,
            incoming,
            next_id: 1,
            pending: Vec::new(),
        }
    }

    /// Start and initialize, offering these position encodings (none: omit the field).
    fn initialized(encodings: Option<&[&str]>) -> (Client, Value) {
        let mut client = Client::start();
        let mut capabilities = json!({});
        if let Some(list) = encodings {
            capabilities = json!({ "general": { "positionEncodings": list } });
        }
        let response = client.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities }),
        );
        client.notify("initialized", json!({}));
        (client, response["result"].clone())
    }

    fn send_raw(&mut self, body: &str) {
        let stdin = self.stdin.as_mut().unwrap();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        self.send_raw(&message.to_string());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Send a request and wait for its response (the whole message).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait(|m| m["id"] == id && m.get("method").is_none())
    }

    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.pending.iter().position(&wanted) {
            return self.pending.remove(i);
        }
        loop {
            let message = self
                .incoming
                .recv_timeout(TIMEOUT)
                .expect("the server answered in time");
            if wanted(&message) {
                return message;
            }
            self.pending.push(message);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        self.wait(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
            ["params"]
            .clone()
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": language, "version": 1, "text": text,
            }}),
        );
        self.diagnostics(uri)
    }

    fn code_actions(&mut self, uri: &str, range: Value, only: Option<&str>) -> Value {
        let mut context = json!({ "diagnostics": [] });
        if let Some(kind) = only {
            context["only"] = json!([kind]);
        }
        let response = self.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": range, "context": context }),
        );
        response["result"].clone()
    }

    /// `shutdown`, `exit`, then the exit status.
    fn shutdown(mut self) -> i32 {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null);
        assert!(response.get("error").is_none());
        self.notify("exit", Value::Null);
        self.status()
    }

    /// Close stdin and wait for the process (which must not panic).
    fn status(mut self) -> i32 {
        drop(self.stdin.take());
        let out = self.child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        out.status.code().unwrap()
    }
}

fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({ "start": { "line": l1, "character": c1 }, "end": { "line": l2, "character": c2 } })
}

const URI: &str = "file:///tmp/mtlint-lsp-test/caf%C3%A9.md";

// "Café 😀 " is 8 UTF-16 units and 11 bytes; the code span is not linted (Markdown).
const DOC: &str = "# Notes\n\nCafé 😀 run `ls ..` then. They left. .\nThe budget is $ 5.\n";

#[test]
fn utf16_session_diagnostics_actions_hover_and_shutdown() {
    let (mut client, result) = Client::initialized(None);
    let caps = &result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 1);
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll.mtlint"])
    );
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(result["serverInfo"]["name"], "mtlint");

    let published = client.open(URI, "markdown", DOC);
    assert_eq!(published["version"], 1);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 2, "{published:#}");
    // "Café 😀 run `ls ..` then. They left" = 8 + 27 UTF-16 units.
    let first = &diagnostics[0];
    assert_eq!(first["range"], range(2, 35, 2, 38));
    assert_eq!(first["code"], "punctuation/doubled-period");
    assert_eq!(first["severity"], 1);
    assert_eq!(first["source"], "mtlint");
    assert_eq!(first["message"], "doubled period");
    assert_eq!(first["data"]["fix"]["replacement"], ".");
    assert_eq!(first["data"]["fix"]["applicability"], "safe");
    assert!(first.get("codeDescription").is_none());
    let second = &diagnostics[1];
    assert_eq!(second["range"], range(3, 15, 3, 16));
    assert_eq!(second["code"], "currency/space-after-symbol");

    // A cursor inside the first finding: its quick fix only.
    let actions = client.code_actions(URI, range(2, 36, 2, 36), None);
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 3, "{actions:#?}");
    assert_eq!(actions[0]["title"], "Replace `. .` with `.`");
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["isPreferred"], true);
    assert_eq!(
        actions[0]["diagnostics"][0]["code"],
        "punctuation/doubled-period"
    );
    assert_eq!(
        actions[0]["edit"]["changes"][URI],
        json!([{ "range": range(2, 35, 2, 38), "newText": "." }])
    );
    // In Markdown, the rule can be disabled for the line (`. .` is no word to accept).
    assert_eq!(
        actions[1]["title"],
        "Disable punctuation/doubled-period for this line"
    );
    assert_eq!(
        actions[1]["edit"]["changes"][URI],
        json!([{ "range": range(2, 38, 2, 38),
                 "newText": " <!-- mtlint-disable-line punctuation/doubled-period -->" }])
    );
    // Without `only`, the fix-all action is offered too: one edit, both fixes.
    assert_eq!(actions[2]["title"], "Fix all safe problems");
    assert_eq!(actions[2]["kind"], "source.fixAll.mtlint");
    assert_eq!(
        actions[2]["edit"]["changes"][URI],
        json!([{ "range": range(2, 36, 3, 16), "newText": "\nThe budget is $" }])
    );

    // Filtered by kind.
    let only_fix_all = client.code_actions(URI, range(0, 0, 0, 0), Some("source.fixAll"));
    assert_eq!(only_fix_all.as_array().unwrap().len(), 1);
    assert_eq!(only_fix_all[0]["kind"], "source.fixAll.mtlint");
    let only_source = client.code_actions(URI, range(0, 0, 0, 0), Some("source"));
    assert_eq!(only_source.as_array().unwrap().len(), 1);
    let nothing_here = client.code_actions(URI, range(0, 0, 0, 3), Some("quickfix"));
    assert_eq!(nothing_here, json!([]));
    let refactor = client.code_actions(URI, range(2, 36, 2, 36), Some("refactor"));
    assert_eq!(refactor, json!([]));

    // Hover: what `--explain` says.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 2, "character": 36 } }),
    );
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        text.starts_with("**punctuation/doubled-period** (error): doubled period"),
        "{text}"
    );
    assert!(text.contains("mtlint --explain punctuation/doubled-period"));
    assert_eq!(hover["result"]["range"], range(2, 35, 2, 38));
    let no_hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 0, "character": 1 } }),
    );
    assert_eq!(no_hover["result"], Value::Null);

    // A full change: diagnostics for the new text and version.
    let fixed_first = DOC.replace("left. .", "left.");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 2 },
                "contentChanges": [{ "text": fixed_first }] }),
    );
    let published = client.diagnostics(URI);
    assert_eq!(published["version"], 2);
    assert_eq!(published["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(
        published["diagnostics"][0]["code"],
        "currency/space-after-symbol"
    );

    // A ranged change (clients may send them anyway): delete the space after `$`.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 3 },
                "contentChanges": [{ "range": range(3, 15, 3, 16), "text": "" }] }),
    );
    let published = client.diagnostics(URI);
    assert_eq!(published["version"], 3);
    assert_eq!(published["diagnostics"], json!([]));

    // Save re-lints; close clears.
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert_eq!(client.diagnostics(URI)["diagnostics"], json!([]));
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert_eq!(client.diagnostics(URI)["diagnostics"], json!([]));

    assert_eq!(client.shutdown(), 0);
}

#[test]
fn utf8_is_negotiated_when_offered() {
    let (mut client, result) = Client::initialized(Some(&["utf-16", "utf-8"]));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    let published = client.open(URI, "markdown", DOC);
    // "Café 😀 run `ls ..` then. They left" = 11 + 27 bytes.
    assert_eq!(published["diagnostics"][0]["range"], range(2, 38, 2, 41));
    let actions = client.code_actions(URI, range(2, 39, 2, 39), Some("quickfix"));
    assert_eq!(
        actions[0]["edit"]["changes"][URI][0]["range"],
        range(2, 38, 2, 41)
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn plain_text_and_unsafe_fixes() {
    let (mut client, _) = Client::initialized(None);
    let uri = "file:///tmp/mtlint-lsp-test/notes.txt";
    let text = "Sectarian? No: the secular divisions grew.\n";
    let published = client.open(uri, "plaintext", text);
    let found = published["diagnostics"].as_array().unwrap();
    let secular = found
        .iter()
        .find(|d| d["code"] == "false-friend/secular-sectarian")
        .unwrap_or_else(|| panic!("{published:#}"));
    let r = secular["range"].clone();
    let actions = client.code_actions(uri, r.clone(), Some("quickfix"));
    let title = actions[0]["title"].as_str().unwrap();
    assert!(title.ends_with("(unsafe: check the meaning)"), "{title}");
    assert_eq!(actions[0]["isPreferred"], false);
    // Unsafe fixes are not part of "Fix all safe problems".
    let fix_all = client.code_actions(uri, r, Some("source.fixAll.mtlint"));
    assert_eq!(fix_all, json!([]));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn bad_requests_get_errors_not_a_crash() {
    let (mut client, _) = Client::initialized(None);
    let unknown = client.request("textDocument/formatting", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let bad = client.request("textDocument/codeAction", json!({ "nonsense": 1 }));
    assert_eq!(bad["error"]["code"], -32602);
    let bad = client.request("textDocument/hover", json!([1, 2]));
    assert_eq!(bad["error"]["code"], -32602);
    // Unknown documents: nothing to offer, no error.
    let none = client.code_actions("file:///nowhere.txt", range(0, 0, 0, 0), None);
    assert_eq!(none, json!([]));
    // A change to a document that is not open: reported to the user.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": "file:///nowhere.txt", "version": 2 },
                "contentChanges": [{ "text": "x" }] }),
    );
    let shown = client.wait(|m| m["method"] == "window/showMessage");
    assert!(shown["params"]["message"]
        .as_str()
        .unwrap()
        .contains("not open"));
    // Positions past the end of the text are clamped, not a crash.
    let uri = "file:///tmp/mtlint-lsp-test/a.txt";
    client.open(uri, "plaintext", "It cost $ 5.\n");
    let far = client.code_actions(uri, range(90, 90, 99, 99), None);
    assert_eq!(
        far.as_array().unwrap().len(),
        1,
        "only the fix-all: {far:#}"
    );
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 },
                "contentChanges": [{ "range": range(50, 3, 40, 1), "text": "!" }] }),
    );
    assert_eq!(client.diagnostics(uri)["version"], 2);
    // Still serving; requests after shutdown are refused.
    let response = client.request("shutdown", Value::Null);
    assert_eq!(response["result"], Value::Null);
    let late = client.request("textDocument/hover", json!({}));
    assert_eq!(late["error"]["code"], -32600);
    client.notify("exit", Value::Null);
    assert_eq!(client.status(), 0);
}

#[test]
fn requests_before_initialize_are_refused_and_initialized_is_not_required() {
    // `--stdio` is accepted (some clients add it).
    let mut client = Client::start_with(&["server", "--stdio"]);
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002);
    let response = client.request("initialize", json!({ "capabilities": {} }));
    assert_eq!(
        response["result"]["capabilities"]["positionEncoding"],
        "utf-16"
    );
    // A document opened before `initialized`: served all the same.
    let uri = "file:///tmp/mtlint-lsp-test/early.txt";
    let published = client.open(uri, "plaintext", "They left. .\n");
    assert_eq!(published["diagnostics"][0]["range"], range(0, 9, 0, 12));
    client.notify("initialized", json!({}));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let (mut client, _) = Client::initialized(None);
    client.notify("exit", Value::Null);
    assert_eq!(client.status(), 1);
}

#[test]
fn a_closed_stream_ends_the_server_without_a_panic() {
    let (client, _) = Client::initialized(None);
    assert_eq!(client.status(), 1);
}

/// The next response with a `null` id (an answer to a message that could not be read).
fn error_for_unreadable(client: &mut Client) -> Value {
    let response = client.wait(|m| m["id"].is_null() && m.get("error").is_some());
    response["error"].clone()
}

#[test]
fn malformed_and_non_json_rpc_messages_are_answered_and_the_server_keeps_serving() {
    let (mut client, _) = Client::initialized(None);
    client.send_raw("{ not json");
    assert_eq!(error_for_unreadable(&mut client)["code"], -32700);
    client.send_raw(r#"{"hello": "world"}"#);
    assert_eq!(error_for_unreadable(&mut client)["code"], -32600);
    client.send_raw("[1, 2]");
    assert_eq!(error_for_unreadable(&mut client)["code"], -32600);
    // An id that can be read is answered.
    client.send_raw(r#"{"id": 41, "method": "textDocument/hover"}"#);
    let response = client.wait(|m| m["id"] == 41);
    assert_eq!(response["error"]["code"], -32600);
    let published = client.open(
        "file:///tmp/mtlint-lsp-test/after.txt",
        "plaintext",
        "They left. .\n",
    );
    assert_eq!(published["diagnostics"][0]["range"], range(0, 9, 0, 12));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_content_length_over_the_limit_is_refused_without_reading_it_into_memory() {
    for length in [
        "100000000000",
        "18446744073709551615",
        "99999999999999999999999",
    ] {
        let (mut client, _) = Client::initialized(None);
        let stdin = client.stdin.as_mut().unwrap();
        write!(stdin, "Content-Length: {length}\r\n\r\n{{}}").unwrap();
        stdin.flush().unwrap();
        let error = error_for_unreadable(&mut client);
        if length.len() > 20 {
            assert_eq!(error["code"], -32700, "{length}");
            assert_eq!(
                error["message"],
                format!("invalid Content-Length `{length}`")
            );
        } else {
            assert_eq!(error["code"], -32600, "{length}");
            assert_eq!(
                error["message"],
                format!(
                    "message of {length} bytes is larger than the limit of 67108864 bytes; \
                     skipped"
                )
            );
        }
        assert_eq!(client.status(), 1);
    }
}

#[test]
fn a_lone_cr_is_a_line_break_in_positions() {
    let (mut client, _) = Client::initialized(None);
    let uri = "file:///tmp/mtlint-lsp-test/cr.txt";
    let published = client.open(uri, "plaintext", "Fine.\rThey left. .\r\nAnd then. .");
    let ranges: Vec<&Value> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["range"])
        .collect();
    assert_eq!(ranges, [&range(1, 9, 1, 12), &range(2, 8, 2, 11)]);
    // And back: a fix at that position edits the right bytes.
    let actions = client.code_actions(uri, range(1, 9, 1, 12), Some("quickfix"));
    assert_eq!(
        actions[0]["edit"]["changes"][uri][0]["range"],
        range(1, 9, 1, 12)
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn server_is_a_subcommand_and_paths_still_lint() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("server"), "They left. .\n").unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_mtlint"))
            .args(args)
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            out.status.code().unwrap(),
        )
    };
    // A file named `server` is linted when written `./server`.
    let (out, code) = run(&["--format", "short", "./server"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("server:1:10: error[punctuation/doubled-period]"),
        "{out}"
    );
    // Paths as before.
    let samples = root().join("samples");
    let samples = samples.to_str().unwrap();
    let (out, code) = run(&["--format", "short", samples]);
    assert_eq!(code, 1);
    assert!(out.contains("punctuation-and-spacing.txt:"), "{out}");
    // The server with its input closed before `initialize`: an error, not a hang.
    let (_, code) = run(&["server"]);
    assert_eq!(code, 1);
}

#[test]
fn the_project_configuration_applies_and_is_reloaded_when_saved() {
    let dir = tempfile::TempDir::new().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let config = root.join("mtlint.toml");
    std::fs::write(&config, "ignore = [\"punctuation\"]\n").unwrap();
    let uri = format!("file://{}/a.txt", root.display());
    let config_uri = format!("file://{}", config.display());
    let (mut client, _) = Client::initialized(None);
    let codes = |published: &Value| -> Vec<String> {
        published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    let published = client.open(&uri, "plaintext", "They left. .\nThe the end.\n");
    assert_eq!(codes(&published), ["typo/doubled-word"]);
    // The user edits and saves the configuration in the editor: open documents follow.
    std::fs::write(&config, "ignore = [\"typo\"]\n").unwrap();
    client.open(&config_uri, "toml", "ignore = [\"typo\"]\n");
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": config_uri } }),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(codes(&published), ["punctuation/doubled-period"]);
    assert_eq!(client.shutdown(), 0);
}

/// `text` with one LSP edit applied (ASCII text: columns are bytes).
fn apply_edit(text: &str, edit: &Value) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + p["character"].as_u64().unwrap() as usize
    };
    let (from, to) = (
        offset(&edit["range"]["start"]),
        offset(&edit["range"]["end"]),
    );
    format!(
        "{}{}{}",
        &text[..from],
        edit["newText"].as_str().unwrap(),
        &text[to..]
    )
}

#[test]
fn accept_this_word_and_disable_for_this_line_write_the_right_file() {
    let dir = tempfile::TempDir::new().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let config = root.join("mtlint.toml");
    let before = "# house style\nignore = [\"punctuation\"]\n\n[severity]\ntypo = \"warning\"\n";
    std::fs::write(&config, before).unwrap();
    let doc = "The mahi mahi was fresh.\n";
    std::fs::write(root.join("a.md"), doc).unwrap();
    let uri = format!("file://{}/a.md", root.display());
    let config_uri = format!("file://{}", config.display());
    let (mut client, _) = Client::initialized(None);
    client.open(&uri, "markdown", doc);
    let actions = client.code_actions(&uri, range(0, 6, 0, 6), Some("quickfix"));
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Replace `mahi mahi` with `mahi` (unsafe: check the meaning)",
            "Accept “mahi mahi” in the project's vocabulary",
            "Disable typo/doubled-word for this line"
        ]
    );
    let edits = actions[1]["edit"]["changes"][&config_uri]
        .as_array()
        .unwrap();
    assert_eq!(edits.len(), 1, "{actions:#}");
    let after = apply_edit(before, &edits[0]);
    assert_eq!(
        after,
        "# house style\nignore = [\"punctuation\"]\naccept = [\"mahi mahi\"]\n\n[severity]\n\
         typo = \"warning\"\n"
    );
    let disabled = apply_edit(doc, &actions[2]["edit"]["changes"][&uri][0]);
    assert_eq!(
        disabled,
        "The mahi mahi was fresh. <!-- mtlint-disable-line typo/doubled-word -->\n"
    );
    assert_eq!(client.shutdown(), 0);
    // Either file, written, silences the finding.
    let lint = |text: &str| {
        std::fs::write(root.join("a.md"), text).unwrap();
        stdout_of(mtlint_in(&root).args(["--format=short", "a.md"]))
    };
    assert_eq!(
        lint(doc).0,
        "a.md:1:5: warning[typo/doubled-word] word “mahi” repeated\n"
    );
    assert_eq!(lint(&disabled), (String::new(), 0));
    std::fs::write(&config, &after).unwrap();
    assert_eq!(lint(doc), (String::new(), 0));

    // With an `accept-file`, the term goes there; without a configuration, a new
    // `mtlint.toml` beside the document.
    std::fs::write(&config, "accept-file = \"words.txt\"\n").unwrap();
    std::fs::write(root.join("words.txt"), "Zurich").unwrap();
    let (mut client, _) = Client::initialized(None);
    client.open(&uri, "markdown", doc);
    let actions = client.code_actions(&uri, range(0, 6, 0, 6), Some("quickfix"));
    let words_uri = format!("file://{}/words.txt", root.display());
    let edits = &actions[1]["edit"]["changes"][&words_uri];
    assert_eq!(apply_edit("Zurich", &edits[0]), "Zurich\nmahi mahi\n");
    assert_eq!(client.shutdown(), 0);
    let bare = tempfile::TempDir::new().unwrap();
    let root = bare.path().canonicalize().unwrap();
    let other = format!("file://{}/sub/b.md", root.display());
    std::fs::create_dir(root.join("sub")).unwrap();
    let (mut client, _) = Client::initialized(None);
    client.open(&other, "markdown", doc);
    let actions = client.code_actions(&other, range(0, 6, 0, 6), Some("quickfix"));
    let changes = &actions[1]["edit"]["documentChanges"];
    let new_config = format!("file://{}/sub/mtlint.toml", root.display());
    assert_eq!(
        changes,
        &json!([
            { "kind": "create", "uri": new_config },
            { "textDocument": { "uri": new_config, "version": null },
              "edits": [{ "range": range(0, 0, 0, 0), "newText": "accept = [\"mahi mahi\"]\n" }] }
        ])
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn requests_are_answered_while_a_long_document_is_linted() {
    let (mut client, _) = Client::initialized(None);
    let small = "file:///tmp/mtlint-lsp-test/small.txt";
    client.open(small, "plaintext", "They left. .\n");
    let long = "file:///tmp/mtlint-lsp-test/long.txt";
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": {
            "uri": long, "languageId": "plaintext", "version": 1,
            "text": "They left. . The conference of press was held.\n".repeat(4_000),
        }}),
    );
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": small }, "position": { "line": 0, "character": 10 } }),
    );
    // The hover was answered before the long document's findings were published.
    assert!(
        !client.pending.iter().any(|m| m["params"]["uri"] == long),
        "the long document was linted before answering"
    );
    assert!(
        hover["result"]["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("punctuation/doubled-period"),
        "{hover}"
    );
    let published = client.diagnostics(long);
    assert!(published["diagnostics"].as_array().unwrap().len() >= 8_000);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_burst_of_changes_never_publishes_an_older_text_after_a_newer_one() {
    let (mut client, _) = Client::initialized(None);
    let uri = "file:///tmp/mtlint-lsp-test/burst.txt";
    client.open(uri, "plaintext", "They left.\n");
    for version in 2..=6 {
        client.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version },
                    "contentChanges": [{ "text": "They left. .\n".repeat(version as usize) }] }),
        );
    }
    let mut last = 0;
    while last < 6 {
        let published = client.diagnostics(uri);
        let version = published["version"].as_i64().unwrap();
        assert!(version > last, "version {version} after {last}");
        last = version;
    }
    assert_eq!(client.shutdown(), 0);
}
