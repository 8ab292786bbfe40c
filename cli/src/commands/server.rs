//! `mtlint server`: the language server on standard input and output, or with `--http`
//! the LanguageTool-compatible HTTP server and the web page.

use std::net::SocketAddr;

use super::{Fatal, Setup};
use crate::args::Cli;

/// Serve one editor; the exit status is 0 when it shut the server down cleanly.
pub fn run() -> u8 {
    match crate::lsp::run_stdio() {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(e) => {
            eprintln!("mtlint server: error: {e}");
            1
        }
    }
}

/// Serve HTTP on `addr` until Ctrl-C or SIGTERM, with the configuration found in the
/// current folder; the exit status is 0 after a clean stop.
pub fn run_http(
    cli: &Cli,
    addr: SocketAddr,
    max_request_size: u64,
    threads: Option<usize>,
) -> Result<u8, Fatal> {
    let setup = Setup::new(cli)?;
    let settings = setup.workspace.settings(std::path::Path::new("<stdin>"))?;
    let max_body = usize::try_from(max_request_size).unwrap_or(usize::MAX);
    crate::http::serve(setup.workspace, settings, addr, max_body, threads)
        .map(|()| 0)
        .map_err(Fatal::Message)
}
