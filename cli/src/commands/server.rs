//! `mtlint server`: the language server on standard input and output.

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
