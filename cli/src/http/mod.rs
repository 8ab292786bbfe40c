//! `mtlint serve --http ADDR`: LanguageTool's HTTP API v2 (`/v2/check`, `/v2/languages`)
//! for the editors and tools that speak it, and a web page for editors at `/`.
//!
//! Requests are read by axum; the linting runs on tokio's blocking pool, one thread per
//! core. The server stops cleanly on Ctrl-C and SIGTERM.

mod check;

use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::task::Poll;

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Form, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use mtlint::{FixMode, Linter, Markup};
use serde_json::{json, Value};

use crate::config::{Settings, Workspace};
use check::{Filter, Input};

/// A request LanguageTool would refuse, and how it would say so.
#[derive(Debug)]
pub struct Failure {
    status: StatusCode,
    message: String,
}

impl Failure {
    fn bad_request(message: impl Into<String>) -> Failure {
        Failure {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    fn internal(message: impl std::fmt::Display) -> Failure {
        Failure {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: format!("Internal Error: {message}"),
        }
    }
}

impl IntoResponse for Failure {
    /// Plain text, `Error: ` and the message, as LanguageTool answers.
    fn into_response(self) -> Response {
        let body = format!("Error: {}", self.message);
        (
            self.status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            body,
        )
            .into_response()
    }
}

/// What every request shares: the configuration found where the server started.
struct Server {
    workspace: Workspace,
    settings: Settings,
    /// The largest request body, in bytes.
    max_body: usize,
}

type Params = HashMap<String, String>;

impl Server {
    /// The linter for a request: the configuration's, with the source-language pack of
    /// the `motherTongue` if it names one.
    fn linter(&self, params: &Params) -> Result<Arc<Linter>, Failure> {
        let mut settings = self.settings.clone();
        if let Some(pack) = check::pack_of(params.get("motherTongue").map(String::as_str)) {
            settings.source_languages = Some(vec![pack.to_string()]);
        }
        self.workspace
            .linter(&settings)
            .map_err(|e| Failure::internal(e.message))
    }

    /// The text of a request (`text`, read as `markup` says, or annotated `data`).
    fn input(params: &Params) -> Result<Input, Failure> {
        match (params.get("text"), params.get("data")) {
            (Some(_), Some(_)) => Err(Failure::bad_request(
                "Set only 'text' or 'data' parameter, not both",
            )),
            (Some(text), None) => Ok(Input::plain(text.clone(), markup(params))),
            (None, Some(data)) => Input::annotated(data),
            (None, None) => Err(Failure::bad_request("Missing 'text' or 'data' parameter")),
        }
    }

    /// `/v2/check`.
    fn check(&self, params: &Params) -> Result<Value, Failure> {
        let input = Server::input(params)?;
        let language = match params.get("language").map(String::as_str) {
            None | Some("") => {
                return Err(Failure::bad_request(
                    "Missing 'language' parameter, e.g. 'language=en-US' for American English \
                     or 'language=fr' for French",
                ))
            }
            Some(code) => check::language(code)?,
        };
        let linter = self.linter(params)?;
        let filter = Filter::new(params);
        let mut found = linter.lint_document(&input.linted, input.markup);
        found.retain(|d| filter.keeps(d));
        Ok(check::reply(&input, &found, &linter, language))
    }

    /// `/mtlint/fix`: the text with every safe fix applied, as `mtlint --fix` writes it
    /// (`unsafe=true`: with `--unsafe-fixes`).
    fn fix(&self, params: &Params) -> Result<Value, Failure> {
        let Some(text) = params.get("text") else {
            return Err(Failure::bad_request("Missing 'text' parameter"));
        };
        let mode = if params.get("unsafe").is_some_and(|v| v == "true") {
            FixMode::IncludeUnsafe
        } else {
            FixMode::SafeOnly
        };
        let fixed = self
            .linter(params)?
            .fix_document(text, markup(params), mode);
        Ok(json!({"text": fixed.text, "applied": fixed.applied, "converged": fixed.converged}))
    }
}

/// How a `text` is read: the `markup` parameter (an mtlint extension): `text` (the
/// default, as LanguageTool reads it), `markdown` or `html`.
fn markup(params: &Params) -> Markup {
    match params
        .get("markup")
        .map(|m| m.to_ascii_lowercase())
        .as_deref()
    {
        Some("markdown" | "md") => Markup::Markdown,
        Some("html") => Markup::Html,
        _ => Markup::Text,
    }
}

/// The parameters of a request: its query, then its form body (which wins).
fn params(
    server: &Server,
    query: Result<Query<Params>, QueryRejection>,
    form: Result<Form<Params>, FormRejection>,
) -> Result<Params, Failure> {
    let mut params = query.map(|q| q.0).unwrap_or_default();
    match form {
        Ok(Form(body)) => params.extend(body),
        // No form body (a GET, or a POST of nothing): the query is all there is.
        Err(FormRejection::InvalidFormContentType(_)) => {}
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(Failure {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                message: format!(
                    "Your request exceeds the limit of {} bytes. Please submit a shorter text.",
                    server.max_body
                ),
            })
        }
        Err(e) => return Err(Failure::bad_request(e.body_text())),
    }
    Ok(params)
}

/// Run `work` on the blocking pool; a panic in it is an internal error, not a crash.
async fn blocking(
    server: Arc<Server>,
    params: Params,
    work: fn(&Server, &Params) -> Result<Value, Failure>,
) -> Response {
    let outcome = tokio::task::spawn_blocking(move || work(&server, &params)).await;
    match outcome {
        Ok(Ok(value)) => json_response(&value),
        Ok(Err(failure)) => failure.into_response(),
        Err(e) => Failure::internal(e).into_response(),
    }
}

fn json_response(value: &Value) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        value.to_string(),
    )
        .into_response()
}

async fn check_handler(
    State(server): State<Arc<Server>>,
    query: Result<Query<Params>, QueryRejection>,
    form: Result<Form<Params>, FormRejection>,
) -> Response {
    match params(&server, query, form) {
        Ok(params) => blocking(server, params, Server::check).await,
        Err(failure) => failure.into_response(),
    }
}

async fn fix_handler(
    State(server): State<Arc<Server>>,
    query: Result<Query<Params>, QueryRejection>,
    form: Result<Form<Params>, FormRejection>,
) -> Response {
    match params(&server, query, form) {
        Ok(params) => blocking(server, params, Server::fix).await,
        Err(failure) => failure.into_response(),
    }
}

/// A file of the web page, with a policy that forbids it any request elsewhere.
fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

fn router(server: Arc<Server>) -> Router {
    let limit = server.max_body;
    Router::new()
        .route(
            "/",
            get(|| async { asset("text/html; charset=utf-8", include_str!("page/index.html")) }),
        )
        .route(
            "/mtlint.css",
            get(|| async { asset("text/css; charset=utf-8", include_str!("page/page.css")) }),
        )
        .route(
            "/mtlint.js",
            get(|| async {
                asset(
                    "text/javascript; charset=utf-8",
                    include_str!("page/page.js"),
                )
            }),
        )
        .route("/v2/check", get(check_handler).post(check_handler))
        .route(
            "/v2/languages",
            get(|| async { json_response(&check::languages()) }),
        )
        .route("/v2/healthcheck", get(|| async { "OK" }))
        .route("/mtlint/fix", axum::routing::post(fix_handler))
        .fallback(|| async {
            Failure {
                status: StatusCode::NOT_FOUND,
                message: "Unsupported action. This is mtlint's LanguageTool-compatible API: \
                          POST /v2/check, GET /v2/languages; the web page is at /."
                    .into(),
            }
        })
        .layer(DefaultBodyLimit::max(limit))
        .with_state(server)
}

/// Resolves on Ctrl-C or SIGTERM.
async fn stop_signal() {
    let mut ctrl_c = std::pin::pin!(tokio::signal::ctrl_c());
    #[cfg(unix)]
    let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        Ok(term) => Some(term),
        Err(e) => {
            eprintln!("mtlint: warning: cannot listen for SIGTERM: {e}");
            None
        }
    };
    std::future::poll_fn(|cx| {
        if ctrl_c.as_mut().poll(cx).is_ready() {
            return Poll::Ready(());
        }
        #[cfg(unix)]
        if let Some(term) = term.as_mut() {
            if term.poll_recv(cx).is_ready() {
                return Poll::Ready(());
            }
        }
        Poll::Pending
    })
    .await;
    eprintln!("mtlint: stopping");
}

/// Serve on `addr` until Ctrl-C or SIGTERM, with `threads` lint threads (default: one
/// per core) and request bodies of at most `max_body` bytes. Prints the bound address
/// (`mtlint: listening on http://ADDR`) on standard error first.
pub fn serve(
    workspace: Workspace,
    settings: Settings,
    addr: SocketAddr,
    max_body: usize,
    threads: Option<usize>,
) -> Result<(), String> {
    let threads = threads
        .or_else(|| std::thread::available_parallelism().ok().map(Into::into))
        .unwrap_or(1)
        .max(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .max_blocking_threads(threads)
        .enable_io()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    let server = Arc::new(Server {
        workspace,
        settings,
        max_body,
    });
    // Build the default linter now: a broken configuration fails here, not per request.
    server.linter(&Params::new()).map_err(|f| f.message)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let bound = listener
            .local_addr()
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        eprintln!("mtlint: listening on http://{bound}");
        eprintln!("mtlint: web page http://{bound}/, LanguageTool API http://{bound}/v2/");
        if !bound.ip().is_loopback() {
            eprintln!(
                "mtlint: warning: {} is not a loopback address: anyone who can reach this \
                 machine can send texts to this server",
                bound.ip()
            );
        }
        axum::serve(listener, router(server))
            .with_graceful_shutdown(stop_signal())
            .await
            .map_err(|e| format!("server error: {e}"))
    })
}
