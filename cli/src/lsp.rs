//! `mtlint server`: a language server over standard input and output.
//!
//! - Diagnostics are published when a document is opened, changed (full or ranged
//!   changes) and saved. The rule id is the diagnostic `code`; there is no website to
//!   link to, so `codeDescription` is left out and the `--explain` text of the rule is
//!   shown on hover over the finding (and carried in the diagnostic's `data`).
//! - Each fix is a `quickfix` code action; `source.fixAll.mtlint` ("Fix all safe
//!   problems") applies every safe fix, as `mtlint --fix` does.
//! - Positions are UTF-8 when the client offers it in `general.positionEncodings`,
//!   UTF-16 otherwise (the protocol's default).
//! - The markup of a document comes from its path ([`Markup::from_path`]), or from its
//!   `languageId` when the path says nothing (an unsaved Markdown buffer).
//!
//! - Linting runs on a worker thread, [`DEBOUNCE`] after the last change, so that
//!   requests keep being answered while a long document is linted: of the changes that
//!   came meanwhile only the newest is linted, and findings for a text that has changed
//!   since are dropped, not published. A request about a document whose findings are not
//!   ready yet lints it there and then.
//!
//! Every document is linted by the linter [`linter_for`] returns for its path.

use std::collections::HashMap;
use std::error::Error;
use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, LazyLock, Mutex};
use std::time::Duration;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::config::{self, Workspace};
use crate::output::help::{fix_title, RuleHelp, Wording};
use mtlint::{Applicability, Diagnostic, FixMode, LineIndex, Linter, Markup, Severity};

/// How long the worker waits after a change before linting, so that a burst of
/// keystrokes is linted once.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// The `source` of every published diagnostic.
const SOURCE: &str = "mtlint";

/// The code action kind of "Fix all safe problems".
pub const FIX_ALL_KIND: &str = "source.fixAll.mtlint";

/// How the client counts the `character` of a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PositionEncoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units (the protocol's default).
    Utf16,
}

impl PositionEncoding {
    /// UTF-8 if the client lists it in `capabilities.general.positionEncodings` of its
    /// `initialize` parameters, else UTF-16. Read leniently: a client whose other
    /// capabilities do not parse (Neovim sends an empty table as `[]`) is still served.
    pub fn negotiate(initialize_params: &Value) -> Self {
        let offered = initialize_params
            .pointer("/capabilities/general/positionEncodings")
            .and_then(Value::as_array)
            .is_some_and(|list| list.iter().any(|e| e == "utf-8"));
        if offered {
            PositionEncoding::Utf8
        } else {
            PositionEncoding::Utf16
        }
    }

    fn kind(self) -> lsp::PositionEncodingKind {
        match self {
            PositionEncoding::Utf8 => lsp::PositionEncodingKind::UTF8,
            PositionEncoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        }
    }

    /// The length of `s` in this encoding's units.
    fn len(self, s: &str) -> usize {
        match self {
            PositionEncoding::Utf8 => s.len(),
            PositionEncoding::Utf16 => s.chars().map(char::len_utf16).sum(),
        }
    }
}

/// Converts between byte offsets of a text and LSP positions.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol says. A position past the
/// end of its line means the end of the line (before the line break), a line past the
/// last one means the end of the text, and a position inside a character (the middle of
/// a surrogate pair) means the start of that character.
///
/// The line comes from a line index built once; the character is counted from the
/// previous position asked for when it is on the same line (forwards or backwards), so
/// the findings of one very long line cost one pass over it, not one per finding.
pub struct Positions<'a> {
    text: &'a str,
    index: LineIndex,
    encoding: PositionEncoding,
    /// The last position computed: 1-based line, byte offset, character.
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> Positions<'a> {
    /// Index the lines of `text` for conversions in `encoding`.
    pub fn new(text: &'a str, encoding: PositionEncoding) -> Self {
        Positions {
            text,
            index: LineIndex::with_lone_cr(text),
            encoding,
            last: std::cell::Cell::new((0, 0, 0)),
        }
    }

    /// The byte range of 0-based `line`, without its line break; `None` past the end.
    fn line(&self, line: usize) -> Option<Range<usize>> {
        let count = self.index.line_of(self.text.len());
        if line >= count {
            return None;
        }
        let start = self.index.line_start(line + 1);
        let end = if line + 1 < count {
            self.index.line_start(line + 2)
        } else {
            self.text.len()
        };
        let line = &self.text[start..end];
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        Some(start..start + line.len())
    }

    /// The position of byte `offset` (clamped to the text, rounded down to a character).
    pub fn position(&self, offset: usize) -> lsp::Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.index.line_of(offset);
        let (last_line, last_offset, last_character) = self.last.get();
        let character = if line != last_line {
            self.encoding
                .len(&self.text[self.index.line_start(line)..offset])
        } else if offset >= last_offset {
            last_character + self.encoding.len(&self.text[last_offset..offset])
        } else {
            last_character - self.encoding.len(&self.text[offset..last_offset])
        };
        self.last.set((line, offset, character));
        lsp::Position::new(to_u32(line - 1), to_u32(character))
    }

    /// The byte offset of `position` (see the type's documentation for out-of-range
    /// positions).
    pub fn offset(&self, position: lsp::Position) -> usize {
        let Some(line) = self.line(position.line as usize) else {
            return self.text.len();
        };
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in self.text[line.clone()].char_indices() {
            units += match self.encoding {
                PositionEncoding::Utf8 => c.len_utf8(),
                PositionEncoding::Utf16 => c.len_utf16(),
            };
            if units > wanted {
                return line.start + i;
            }
        }
        line.end
    }

    /// The LSP range of a byte range.
    pub fn range(&self, span: &Range<usize>) -> lsp::Range {
        lsp::Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte range of `range`, its ends in order.
    pub fn span(&self, range: lsp::Range) -> Range<usize> {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        a.min(b)..a.max(b)
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The built-in linter, built once: for documents whose configuration is broken.
static BUILTIN: LazyLock<Arc<Linter>> = LazyLock::new(|| Arc::new(Linter::builtin()));

/// No rules: for documents the configuration excludes.
static NONE: LazyLock<Arc<Linter>> = LazyLock::new(|| Arc::new(Linter::empty()));

/// The configuration files of the documents (the nearest `mtlint.toml` above each),
/// loaded on first use and again after one is saved.
static WORKSPACE: LazyLock<Mutex<Arc<Workspace>>> =
    LazyLock::new(|| Mutex::new(Arc::new(new_workspace())));

fn new_workspace() -> Workspace {
    Workspace::new(config::Options::default(), config::Discovery::Nearest)
}

/// Forget the loaded configuration files (one of them changed).
pub fn reload_config() {
    *WORKSPACE.lock().unwrap_or_else(|e| e.into_inner()) = Arc::new(new_workspace());
}

/// The linter for the document at `path` (`None`: an unsaved document, configured from
/// the server's working directory), as the project's configuration says. Every document
/// the server lints gets its linter here. A broken configuration file is reported on
/// standard error (the client's log) and the built-in rules apply.
pub fn linter_for(path: Option<&Path>) -> Arc<Linter> {
    let workspace = WORKSPACE.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let path = path.unwrap_or(Path::new("untitled"));
    let found = workspace.settings(path).and_then(|settings| {
        if settings.excluded.is_some() {
            Ok(NONE.clone())
        } else {
            workspace.linter(&settings)
        }
    });
    found.unwrap_or_else(|e| {
        eprintln!("mtlint server: {e}; using the built-in rules");
        BUILTIN.clone()
    })
}

/// The markup of a document: from its path, or from its `languageId` when the path is
/// unknown or says plain text.
pub fn markup_for(path: Option<&Path>, language_id: &str) -> Markup {
    let by_path = path.map(Markup::from_path).unwrap_or(Markup::Text);
    if by_path == Markup::Text && language_id == "markdown" {
        return Markup::Markdown;
    }
    if by_path == Markup::Text && matches!(language_id, "mdx" | "markdown.mdx") {
        return Markup::Mdx;
    }
    by_path
}

/// The local path of a `file:` URI (percent-decoded); `None` for other schemes.
pub fn uri_to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let slash = rest.find('/')?;
    let (host, path) = rest.split_at(slash);
    if !(host.is_empty() || host.eq_ignore_ascii_case("localhost")) {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let mut bytes = Vec::with_capacity(path.len());
    let mut rest = path.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        let hex = |i: usize| tail.get(i).and_then(|&h| (h as char).to_digit(16));
        match (b, hex(0), hex(1)) {
            (b'%', Some(hi), Some(lo)) => {
                bytes.push((hi * 16 + lo) as u8);
                rest = &tail[2..];
            }
            _ => {
                bytes.push(b);
                rest = tail;
            }
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }
    #[cfg(not(unix))]
    {
        let path = String::from_utf8(bytes).ok()?;
        // `/C:/dir` on Windows.
        let path = match path.as_bytes() {
            [b'/', _, b':', ..] => &path[1..],
            _ => &path[..],
        };
        Some(PathBuf::from(path))
    }
}

/// An open document and its findings.
struct Document {
    uri: lsp::Uri,
    version: Option<i32>,
    text: String,
    path: Option<PathBuf>,
    language_id: String,
    /// Counts the document's texts: findings are for one of them.
    generation: u64,
    /// The findings of text `found.0` (this text when it equals `generation`).
    found: (u64, Arc<Vec<Diagnostic>>),
}

impl Document {
    fn markup(&self) -> Markup {
        markup_for(self.path.as_deref(), &self.language_id)
    }

    fn linter(&self) -> Arc<Linter> {
        linter_for(self.path.as_deref())
    }
}

/// A failed request: the error code and message sent back.
struct Failure(ErrorCode, String);

type Handled = Result<Value, Failure>;

struct Server<'c> {
    connection: &'c Connection,
    encoding: PositionEncoding,
    documents: HashMap<String, Document>,
    shutdown: bool,
    /// Texts for the worker to lint.
    runs: mpsc::Sender<Run>,
    /// Shared with the worker.
    linted: Arc<Mutex<Linted>>,
    /// Gives every text its generation.
    generations: u64,
}

/// A text for the worker to lint and publish.
struct Run {
    key: String,
    generation: u64,
    uri: lsp::Uri,
    version: Option<i32>,
    text: String,
    path: Option<PathBuf>,
    language_id: String,
}

/// What the server and its worker share, by document key: the generation of each open
/// document's current text, and the newest findings the worker made.
#[derive(Default)]
struct Linted {
    current: HashMap<String, u64>,
    found: HashMap<String, (u64, Arc<Vec<Diagnostic>>)>,
}

fn lock(linted: &Mutex<Linted>) -> std::sync::MutexGuard<'_, Linted> {
    linted.lock().unwrap_or_else(|e| e.into_inner())
}

/// The worker: lint what `runs` brings, [`DEBOUNCE`] after it came, newest text of each
/// document only, and publish the findings unless the text has changed meanwhile.
fn lint_worker(
    runs: mpsc::Receiver<Run>,
    linted: Arc<Mutex<Linted>>,
    send: impl Fn(Message) -> bool,
    encoding: PositionEncoding,
) {
    while let Ok(first) = runs.recv() {
        let mut pending: HashMap<String, Run> = HashMap::new();
        pending.insert(first.key.clone(), first);
        std::thread::sleep(DEBOUNCE);
        while let Ok(next) = runs.try_recv() {
            pending.insert(next.key.clone(), next);
        }
        for run in pending.into_values() {
            let is_current = |l: &Linted| l.current.get(&run.key) == Some(&run.generation);
            if !is_current(&lock(&linted)) {
                continue; // stale: a newer text is on its way
            }
            let linter = linter_for(run.path.as_deref());
            let markup = markup_for(run.path.as_deref(), &run.language_id);
            let Ok(result) = catch_unwind(AssertUnwindSafe(|| {
                linter.try_lint_document(&run.text, markup)
            })) else {
                continue;
            };
            let found = result.unwrap_or_else(|e| {
                eprintln!(
                    "mtlint server: {}:{e}: malformed {} file; not linted",
                    run.uri.as_str(),
                    markup.name()
                );
                Vec::new()
            });
            let positions = Positions::new(&run.text, encoding);
            let diagnostics = found
                .iter()
                .map(|d| to_lsp(d, &run.text, &positions, &linter))
                .collect();
            // Under the lock, so that a document closed meanwhile stays cleared.
            let mut shared = lock(&linted);
            if !is_current(&shared) {
                continue;
            }
            shared
                .found
                .insert(run.key.clone(), (run.generation, Arc::new(found)));
            let params = lsp::PublishDiagnosticsParams::new(run.uri, diagnostics, run.version);
            let published =
                Notification::new(notif::PublishDiagnostics::METHOD.to_string(), params);
            if !send(published.into()) {
                return;
            }
        }
    }
}

/// Serve on standard input and output until the client says `exit`. Returns whether
/// the session ended properly (`shutdown` before `exit`): the process should then exit
/// with status 0, else 1.
pub fn run_stdio() -> Result<bool, Box<dyn Error + Send + Sync>> {
    let (connection, io_threads) = crate::lsp_transport::stdio();
    let clean = serve(&connection)?;
    drop(connection);
    io_threads.join()?;
    Ok(clean)
}

/// Serve one client on `connection`: the `initialize` handshake, then messages until
/// `exit` (or until the client goes away). Returns whether `shutdown` came before the
/// end.
pub fn serve(connection: &Connection) -> Result<bool, Box<dyn Error + Send + Sync>> {
    let (id, params) = connection.initialize_start()?;
    let encoding = PositionEncoding::negotiate(&params);
    let result = json!({
        "capabilities": capabilities(encoding),
        "serverInfo": { "name": "mtlint", "version": env!("CARGO_PKG_VERSION") },
    });
    // The `initialized` notification that follows is not waited for: a client that
    // sends something else first is served all the same.
    connection
        .sender
        .send(Response::new_ok(id, result).into())?;
    let (runs, queue) = mpsc::channel();
    let linted = Arc::new(Mutex::new(Linted::default()));
    let worker = {
        let (linted, sender) = (linted.clone(), connection.sender.clone());
        let send = move |m: Message| sender.send(m).is_ok();
        std::thread::spawn(move || lint_worker(queue, linted, send, encoding))
    };
    let mut server = Server {
        connection,
        encoding,
        documents: HashMap::new(),
        shutdown: false,
        runs,
        linted,
        generations: 0,
    };
    let served = serve_messages(connection, &mut server);
    // The worker ends with its queue, after its current run.
    drop(server);
    let _ = worker.join();
    served
}

/// The messages after `initialize`, until `exit` or the end of the stream.
fn serve_messages(
    connection: &Connection,
    server: &mut Server,
) -> Result<bool, Box<dyn Error + Send + Sync>> {
    for message in &connection.receiver {
        match message {
            Message::Request(request) => server.request(request)?,
            Message::Notification(n) if n.method == notif::Exit::METHOD => {
                return Ok(server.shutdown)
            }
            Message::Notification(n) => server.notification(n)?,
            Message::Response(_) => {}
        }
    }
    // The client closed the stream without `exit`.
    Ok(false)
}

fn capabilities(encoding: PositionEncoding) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::FULL),
                save: Some(lsp::TextDocumentSyncSaveOptions::SaveOptions(
                    lsp::SaveOptions {
                        include_text: Some(false),
                    },
                )),
                ..Default::default()
            },
        )),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lsp::CodeActionKind::QUICKFIX,
                    lsp::CodeActionKind::new(FIX_ALL_KIND),
                ]),
                ..Default::default()
            },
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        ..Default::default()
    }
}

fn params<P: DeserializeOwned>(value: Value) -> Result<P, Failure> {
    serde_json::from_value(value)
        .map_err(|e| Failure(ErrorCode::InvalidParams, format!("invalid parameters: {e}")))
}

type Sent = Result<(), Box<dyn Error + Send + Sync>>;

impl Server<'_> {
    fn send(&self, message: impl Into<Message>) -> Sent {
        self.connection.sender.send(message.into())?;
        Ok(())
    }

    fn request(&mut self, request: Request) -> Sent {
        let Request { id, method, params } = request;
        let outcome = if self.shutdown {
            Err(Failure(
                ErrorCode::InvalidRequest,
                "the server is shutting down".into(),
            ))
        } else {
            // A bug in a rule must cost one answer, not the session.
            catch_unwind(AssertUnwindSafe(|| self.handle(&method, params))).unwrap_or_else(|_| {
                Err(Failure(
                    ErrorCode::InternalError,
                    format!("internal error while handling `{method}`"),
                ))
            })
        };
        self.respond(id, outcome)
    }

    fn respond(&self, id: RequestId, outcome: Handled) -> Sent {
        let response = match outcome {
            Ok(value) => Response::new_ok(id, value),
            Err(Failure(code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(response)
    }

    fn handle(&mut self, method: &str, params: Value) -> Handled {
        match method {
            req::Shutdown::METHOD => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            req::CodeActionRequest::METHOD => {
                let p: lsp::CodeActionParams = self::params(params)?;
                self.refresh(p.text_document.uri.as_str());
                self.code_actions(p)
            }
            req::HoverRequest::METHOD => {
                let p: lsp::HoverParams = self::params(params)?;
                self.refresh(p.text_document_position_params.text_document.uri.as_str());
                self.hover(p)
            }
            _ => Err(Failure(
                ErrorCode::MethodNotFound,
                format!("unknown method `{method}`"),
            )),
        }
    }

    fn notification(&mut self, n: Notification) -> Sent {
        let method = n.method.clone();
        let outcome = catch_unwind(AssertUnwindSafe(|| self.notified(n)));
        match outcome {
            // The worker publishes the findings.
            Ok(Ok(_)) => Ok(()),
            // Notifications have no answer: tell the user.
            Ok(Err(Failure(_, message))) => self.show(lsp::MessageType::ERROR, &message),
            Err(_) => self.show(
                lsp::MessageType::ERROR,
                &format!("mtlint: internal error while handling `{method}`"),
            ),
        }
    }

    fn show(&self, typ: lsp::MessageType, message: &str) -> Sent {
        let params = lsp::ShowMessageParams {
            typ,
            message: message.to_string(),
        };
        self.send(Notification::new(
            notif::ShowMessage::METHOD.to_string(),
            params,
        ))
    }

    /// Handle a notification; returns the URI whose diagnostics changed.
    fn notified(&mut self, n: Notification) -> Result<Option<String>, Failure> {
        match n.method.as_str() {
            notif::DidOpenTextDocument::METHOD => {
                let p: lsp::DidOpenTextDocumentParams = params(n.params)?;
                let doc = p.text_document;
                let key = doc.uri.as_str().to_string();
                let path = uri_to_path(&key);
                self.documents.insert(
                    key.clone(),
                    Document {
                        uri: doc.uri,
                        version: Some(doc.version),
                        text: doc.text,
                        path,
                        language_id: doc.language_id,
                        generation: 0,
                        found: (0, Arc::default()),
                    },
                );
                Ok(Some(self.lint(key)))
            }
            notif::DidChangeTextDocument::METHOD => {
                let p: lsp::DidChangeTextDocumentParams = params(n.params)?;
                let key = p.text_document.uri.as_str().to_string();
                let encoding = self.encoding;
                let doc = self.document(&key)?;
                for change in p.content_changes {
                    match change.range {
                        None => doc.text = change.text,
                        Some(range) => {
                            let span = Positions::new(&doc.text, encoding).span(range);
                            doc.text.replace_range(span, &change.text);
                        }
                    }
                }
                doc.version = Some(p.text_document.version);
                Ok(Some(self.lint(key)))
            }
            notif::DidSaveTextDocument::METHOD => {
                let p: lsp::DidSaveTextDocumentParams = params(n.params)?;
                let key = p.text_document.uri.as_str().to_string();
                let doc = self.document(&key)?;
                if let Some(text) = p.text {
                    doc.text = text;
                }
                let is_config = doc
                    .path
                    .as_deref()
                    .and_then(Path::file_name)
                    .is_some_and(|name| config::FILE_NAMES.iter().any(|n| name == *n));
                if is_config {
                    // New settings for every open document.
                    reload_config();
                    let keys: Vec<String> = self.documents.keys().cloned().collect();
                    for other in keys.into_iter().filter(|k| *k != key) {
                        self.lint(other);
                    }
                }
                Ok(Some(self.lint(key)))
            }
            notif::DidCloseTextDocument::METHOD => {
                let p: lsp::DidCloseTextDocumentParams = params(n.params)?;
                let key = p.text_document.uri.as_str().to_string();
                if let Some(doc) = self.documents.remove(&key) {
                    // Clear what the editor shows for the closed document; under the
                    // lock, so that the worker publishes nothing for it afterwards.
                    let mut linted = lock(&self.linted);
                    linted.current.remove(&key);
                    linted.found.remove(&key);
                    let params = lsp::PublishDiagnosticsParams::new(doc.uri, Vec::new(), None);
                    let _ = self.send(Notification::new(
                        notif::PublishDiagnostics::METHOD.to_string(),
                        params,
                    ));
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    fn document(&mut self, key: &str) -> Result<&mut Document, Failure> {
        self.documents.get_mut(key).ok_or_else(|| {
            Failure(
                ErrorCode::InvalidParams,
                format!("mtlint: document not open: {key}"),
            )
        })
    }

    /// Give the document's text a new generation and queue it for the worker; returns
    /// its key.
    fn lint(&mut self, key: String) -> String {
        self.generations += 1;
        let generation = self.generations;
        if let Some(doc) = self.documents.get_mut(&key) {
            doc.generation = generation;
            lock(&self.linted).current.insert(key.clone(), generation);
            let _ = self.runs.send(Run {
                key: key.clone(),
                generation,
                uri: doc.uri.clone(),
                version: doc.version,
                text: doc.text.clone(),
                path: doc.path.clone(),
                language_id: doc.language_id.clone(),
            });
        }
        key
    }

    /// Make the findings of the document at `uri` those of its current text: the
    /// worker's, when it has linted this text, else linted now.
    fn refresh(&mut self, uri: &str) {
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        if doc.found.0 == doc.generation {
            return;
        }
        let worker = lock(&self.linted).found.get(uri).cloned();
        doc.found = match worker {
            Some(found) if found.0 == doc.generation => found,
            _ => (
                doc.generation,
                Arc::new(doc.linter().lint_document(&doc.text, doc.markup())),
            ),
        };
    }

    fn code_actions(&self, p: lsp::CodeActionParams) -> Handled {
        let Some(doc) = self.documents.get(p.text_document.uri.as_str()) else {
            return Ok(json!([]));
        };
        let wanted = |kind: &str| {
            p.context.only.as_ref().is_none_or(|only| {
                only.iter().any(|o| {
                    kind == o.as_str()
                        || kind
                            .strip_prefix(o.as_str())
                            .is_some_and(|rest| rest.starts_with('.'))
                })
            })
        };
        let positions = Positions::new(&doc.text, self.encoding);
        let linter = doc.linter();
        let range = positions.span(p.range);
        let mut actions = Vec::new();
        if wanted(lsp::CodeActionKind::QUICKFIX.as_str()) {
            for d in doc.found.1.iter() {
                let Some(fix) = &d.fix else { continue };
                // Findings the range touches (an empty range: the cursor's position).
                if d.span.start > range.end || d.span.end < range.start {
                    continue;
                }
                let edit = lsp::TextEdit::new(positions.range(&d.span), fix.replacement.clone());
                actions.push(lsp::CodeAction {
                    title: fix_title(&doc.text[d.span.clone()], fix, Wording::Editor),
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![to_lsp(d, &doc.text, &positions, &linter)]),
                    edit: Some(workspace_edit(&doc.uri, vec![edit])),
                    is_preferred: Some(fix.applicability == Applicability::Safe),
                    ..Default::default()
                });
            }
            for d in doc.found.1.iter() {
                if d.span.start > range.end || d.span.end < range.start {
                    continue;
                }
                let diagnostics = Some(vec![to_lsp(d, &doc.text, &positions, &linter)]);
                if let Some(edit) = self.accept_edit(doc, &doc.text[d.span.clone()]) {
                    actions.push(lsp::CodeAction {
                        title: format!(
                            "Accept “{}” in the project's vocabulary",
                            &doc.text[d.span.clone()]
                        ),
                        kind: Some(lsp::CodeActionKind::QUICKFIX),
                        diagnostics: diagnostics.clone(),
                        edit: Some(edit),
                        ..Default::default()
                    });
                }
                if let Some(edit) = disable_line_edit(doc, d, &positions) {
                    actions.push(lsp::CodeAction {
                        title: format!("Disable {} for this line", d.rule),
                        kind: Some(lsp::CodeActionKind::QUICKFIX),
                        diagnostics,
                        edit: Some(workspace_edit(&doc.uri, vec![edit])),
                        ..Default::default()
                    });
                }
            }
        }
        if wanted(FIX_ALL_KIND) {
            let fixed = linter.fix_document(&doc.text, doc.markup(), FixMode::SafeOnly);
            // Unsettled fixes (a rule bug) are not offered.
            let edit = fixed
                .converged
                .then(|| minimal_edit(&doc.text, &fixed.text, &positions));
            if let Some(edit) = edit.flatten() {
                actions.push(lsp::CodeAction {
                    title: "Fix all safe problems".into(),
                    kind: Some(lsp::CodeActionKind::new(FIX_ALL_KIND)),
                    edit: Some(workspace_edit(&doc.uri, vec![edit])),
                    ..Default::default()
                });
            }
        }
        Ok(serde_json::to_value(actions).expect("code actions serialize"))
    }

    /// "Accept this word": `term` (as a literal regex) added to the document's
    /// `accept-file` if its configuration names one, else to the `accept` list of its
    /// `mtlint.toml` (created beside the document if there is none). `None` for a term
    /// without a letter or digit, an unsaved document, or a configuration that is not
    /// valid TOML.
    fn accept_edit(&self, doc: &Document, term: &str) -> Option<lsp::WorkspaceEdit> {
        if !term.chars().any(char::is_alphanumeric) {
            return None;
        }
        let path = doc.path.as_deref()?;
        let workspace = WORKSPACE.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let settings = workspace.settings(path).ok()?;
        let pattern = regex::escape(term);
        let (file, old, new) = match (settings.accept_file, settings.config) {
            (Some(file), _) => {
                let old = crate::files::read_text(&file).ok()?;
                let mut new = old.clone();
                if !new.is_empty() && !new.ends_with('\n') {
                    new.push('\n');
                }
                new.push_str(&pattern);
                new.push('\n');
                (file, Some(old), new)
            }
            (None, Some(config)) => {
                let old = crate::files::read_text(&config).ok()?;
                let new = with_accepted(&old, &pattern)?;
                (config, Some(old), new)
            }
            (None, None) => {
                let config = path.parent()?.join(config::FILE_NAMES[0]);
                (config.clone(), None, with_accepted("", &pattern)?)
            }
        };
        let uri = path_to_uri(&file)?;
        match old {
            Some(old) => {
                let edit = minimal_edit(&old, &new, &Positions::new(&old, self.encoding))?;
                Some(workspace_edit(&uri, vec![edit]))
            }
            None => {
                let create = lsp::ResourceOp::Create(lsp::CreateFile {
                    uri: uri.clone(),
                    options: None,
                    annotation_id: None,
                });
                let edit = lsp::TextDocumentEdit {
                    text_document: lsp::OptionalVersionedTextDocumentIdentifier {
                        uri,
                        version: None,
                    },
                    edits: vec![lsp::OneOf::Left(lsp::TextEdit::new(
                        lsp::Range::default(),
                        new,
                    ))],
                };
                Some(lsp::WorkspaceEdit {
                    document_changes: Some(lsp::DocumentChanges::Operations(vec![
                        lsp::DocumentChangeOperation::Op(create),
                        lsp::DocumentChangeOperation::Edit(edit),
                    ])),
                    ..Default::default()
                })
            }
        }
    }

    fn hover(&self, p: lsp::HoverParams) -> Handled {
        let at = p.text_document_position_params;
        let Some(doc) = self.documents.get(at.text_document.uri.as_str()) else {
            return Ok(Value::Null);
        };
        let positions = Positions::new(&doc.text, self.encoding);
        let offset = positions.offset(at.position);
        let linter = doc.linter();
        let here: Vec<&Diagnostic> = doc
            .found
            .1
            .iter()
            .filter(|d| d.span.start <= offset && offset <= d.span.end)
            .collect();
        let Some(first) = here.first() else {
            return Ok(Value::Null);
        };
        let text = here
            .iter()
            .map(|d| RuleHelp::hover(d, linter.rule(&d.rule).map(|r| r.meta())))
            .collect::<Vec<_>>()
            .join("\n\n---\n\n");
        let hover = lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: text,
            }),
            range: Some(positions.range(&first.span)),
        };
        Ok(serde_json::to_value(hover).expect("hover serializes"))
    }
}

/// `config` (the text of a configuration file) with `pattern` added to its `accept`
/// list, its comments and layout kept; `None` if it is not TOML or has the pattern.
fn with_accepted(config: &str, pattern: &str) -> Option<String> {
    let mut doc: toml_edit::DocumentMut = config.parse().ok()?;
    let accept = doc
        .entry("accept")
        .or_insert_with(|| toml_edit::value(toml_edit::Array::new()))
        .as_array_mut()?;
    if accept.iter().any(|v| v.as_str() == Some(pattern)) {
        return None;
    }
    accept.push(pattern);
    Some(doc.to_string())
}

/// "Disable for this line": `<!-- mtlint-disable-line RULE -->` at the end of the line
/// the finding starts on, in Markdown and HTML (plain text has no comments). Not offered
/// where the line ends inside an HTML tag.
fn disable_line_edit(
    doc: &Document,
    d: &Diagnostic,
    positions: &Positions,
) -> Option<lsp::TextEdit> {
    if doc.markup() == Markup::Text {
        return None;
    }
    let text = &doc.text;
    let end = text[d.span.start..]
        .find('\n')
        .map_or(text.len(), |p| d.span.start + p);
    let end = if text[..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    let line_start = text[..d.span.start].rfind('\n').map_or(0, |p| p + 1);
    let line = &text[line_start..end];
    if line.rfind('<') > line.rfind('>') {
        return None;
    }
    let comment = format!(" <!-- mtlint-disable-line {} -->", d.rule);
    Some(lsp::TextEdit::new(positions.range(&(end..end)), comment))
}

/// The `file:` URI of an absolute path (bytes other than unreserved ones and `/`
/// percent-encoded).
fn path_to_uri(path: &Path) -> Option<lsp::Uri> {
    use std::os::unix::ffi::OsStrExt;
    let mut uri = String::from("file://");
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.parse().ok()
}

// `Uri` caches parts of itself internally, but hashes and compares by its text only.
#[allow(clippy::mutable_key_type)]
fn workspace_edit(uri: &lsp::Uri, edits: Vec<lsp::TextEdit>) -> lsp::WorkspaceEdit {
    let mut changes = HashMap::new();
    changes.insert(uri.clone(), edits);
    lsp::WorkspaceEdit::new(changes)
}

/// One edit turning `old` into `new`: the differing middle, between their common prefix
/// and suffix. `None` if they are equal.
fn minimal_edit(old: &str, new: &str, positions: &Positions) -> Option<lsp::TextEdit> {
    if old == new {
        return None;
    }
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    let span = prefix..old.len() - suffix;
    Some(lsp::TextEdit::new(
        positions.range(&span),
        new[prefix..new.len() - suffix].to_string(),
    ))
}

fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

fn to_lsp(d: &Diagnostic, text: &str, positions: &Positions, linter: &Linter) -> lsp::Diagnostic {
    let summary = linter.rule(&d.rule).map(|r| r.meta().summary.clone());
    let fix = d.fix.as_ref().map(|f| {
        json!({
            "replacement": f.replacement,
            "applicability": f.applicability.as_str(),
            "original": &text[d.span.clone()],
        })
    });
    lsp::Diagnostic {
        range: positions.range(&d.span),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.rule.to_string())),
        source: Some(SOURCE.into()),
        message: d.message.clone(),
        data: Some(json!({ "rule": &*d.rule, "summary": summary, "fix": fix })),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp::Position;

    // "é" is 2 bytes, 1 UTF-16 unit; "😀" is 4 bytes, 2 UTF-16 units (a surrogate pair).
    const TEXT: &str = "ab\r\nCafé 😀 x. .\nlast";

    fn x() -> usize {
        TEXT.find('x').unwrap()
    }

    #[test]
    fn utf16_positions_count_surrogate_pairs_as_two() {
        let p = Positions::new(TEXT, PositionEncoding::Utf16);
        // "Café 😀 " is 4 + 1 + 2 + 1 = 8 units.
        assert_eq!(p.position(x()), Position::new(1, 8));
        assert_eq!(p.offset(Position::new(1, 8)), x());
        let emoji = TEXT.find('😀').unwrap();
        assert_eq!(p.position(emoji), Position::new(1, 5));
        assert_eq!(p.position(emoji + 4), Position::new(1, 7));
        // Inside the surrogate pair: the start of the emoji.
        assert_eq!(p.offset(Position::new(1, 6)), emoji);
        // Inside a UTF-8 sequence: rounded down.
        assert_eq!(p.position(emoji + 2), Position::new(1, 5));
        let e = TEXT.find('é').unwrap();
        assert_eq!(p.position(e + 2), Position::new(1, 4));
    }

    #[test]
    fn utf8_positions_count_bytes() {
        let p = Positions::new(TEXT, PositionEncoding::Utf8);
        // "Café 😀 " is 5 + 1 + 4 + 1 = 11 bytes.
        assert_eq!(p.position(x()), Position::new(1, 11));
        assert_eq!(p.offset(Position::new(1, 11)), x());
        let emoji = TEXT.find('😀').unwrap();
        assert_eq!(p.offset(Position::new(1, 8)), emoji);
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let p = Positions::new(TEXT, PositionEncoding::Utf16);
        // Past the end of a CRLF line: before the line break.
        assert_eq!(p.offset(Position::new(0, 99)), 2);
        assert_eq!(p.offset(Position::new(0, 2)), 2);
        assert_eq!(p.position(3), Position::new(0, 3));
        assert_eq!(p.position(4), Position::new(1, 0));
        assert_eq!(p.offset(Position::new(2, 99)), TEXT.len());
        assert_eq!(p.offset(Position::new(9, 0)), TEXT.len());
        assert_eq!(p.position(TEXT.len() + 5), Position::new(2, 4));
        assert_eq!(p.position(TEXT.len()), Position::new(2, 4));
        let empty = Positions::new("", PositionEncoding::Utf16);
        assert_eq!(empty.offset(Position::new(0, 3)), 0);
        assert_eq!(empty.position(0), Position::new(0, 0));
        let trailing = Positions::new("a\n", PositionEncoding::Utf16);
        assert_eq!(trailing.offset(Position::new(1, 0)), 2);
        assert_eq!(trailing.position(2), Position::new(1, 0));
    }

    #[test]
    fn round_trip_every_character_boundary() {
        for encoding in [PositionEncoding::Utf8, PositionEncoding::Utf16] {
            let p = Positions::new(TEXT, encoding);
            for (i, _) in TEXT.char_indices() {
                if TEXT[..i].ends_with('\r') {
                    continue; // between \r and \n: not a position of its own
                }
                assert_eq!(p.offset(p.position(i)), i, "{encoding:?} at {i}");
            }
        }
    }

    #[test]
    fn positions_in_any_order_agree_with_a_fresh_count() {
        let text = "Café 😀 x. .\rand on 😀 é and on".repeat(50);
        for encoding in [PositionEncoding::Utf8, PositionEncoding::Utf16] {
            let p = Positions::new(&text, encoding);
            let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let order = offsets.iter().chain(offsets.iter().rev()).step_by(7);
            for &i in order {
                let fresh = Positions::new(&text, encoding).position(i);
                assert_eq!(p.position(i), fresh, "{encoding:?} at {i}");
            }
        }
    }

    #[test]
    fn negotiation_prefers_utf8_when_offered() {
        let negotiate = |v: Value| PositionEncoding::negotiate(&v);
        let offer = |list: Value| json!({"capabilities": {"general": {"positionEncodings": list}}});
        assert_eq!(
            negotiate(offer(json!(["utf-16", "utf-8"]))),
            PositionEncoding::Utf8
        );
        assert_eq!(
            negotiate(offer(json!(["utf-16", "utf-32"]))),
            PositionEncoding::Utf16
        );
        assert_eq!(negotiate(offer(json!([]))), PositionEncoding::Utf16);
        assert_eq!(negotiate(offer(json!("utf-8"))), PositionEncoding::Utf16);
        assert_eq!(
            negotiate(json!({"capabilities": {"general": []}})),
            PositionEncoding::Utf16
        );
        assert_eq!(negotiate(json!({})), PositionEncoding::Utf16);
        assert_eq!(negotiate(Value::Null), PositionEncoding::Utf16);
    }

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            uri_to_path("file:///tmp/caf%C3%A9%20notes.md"),
            Some(PathBuf::from("/tmp/café notes.md"))
        );
        assert_eq!(
            uri_to_path("file://localhost/a/b.txt"),
            Some(PathBuf::from("/a/b.txt"))
        );
        assert_eq!(
            uri_to_path("file:///a/100%"),
            Some(PathBuf::from("/a/100%"))
        );
        assert_eq!(uri_to_path("untitled:Untitled-1"), None);
        assert_eq!(uri_to_path("file://server/share/x.txt"), None);
    }

    #[test]
    fn markup_from_path_then_language() {
        let md = Path::new("/x/a.md");
        let txt = Path::new("/x/a.txt");
        assert_eq!(markup_for(Some(md), "plaintext"), Markup::Markdown);
        assert_eq!(markup_for(Some(txt), "plaintext"), Markup::Text);
        assert_eq!(markup_for(None, "markdown"), Markup::Markdown);
        assert_eq!(
            markup_for(Some(Path::new("/x/README")), "markdown"),
            Markup::Markdown
        );
        assert_eq!(markup_for(None, "plaintext"), Markup::Text);
    }

    #[test]
    fn minimal_edit_keeps_common_ends() {
        let old = "Café 😀 x. .\n";
        let new = "Café 😀 x.\n";
        let p = Positions::new(old, PositionEncoding::Utf16);
        let edit = minimal_edit(old, new, &p).unwrap();
        let span = p.span(edit.range);
        let mut applied = old.to_string();
        applied.replace_range(span, &edit.new_text);
        assert_eq!(applied, new);
        assert_eq!(edit.new_text, "");
        assert_eq!(edit.range.start, Position::new(0, 10));
        assert!(minimal_edit(old, old, &p).is_none());
        // Characters that share leading bytes are never split.
        let (a, b) = ("xé", "xè");
        let p = Positions::new(a, PositionEncoding::Utf8);
        let edit = minimal_edit(a, b, &p).unwrap();
        assert_eq!(edit.new_text, "è");
        assert_eq!(p.span(edit.range), 1..3);
    }
}
