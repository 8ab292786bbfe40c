//! The `mtlint` command over the [`mtlint`] library: the command line, configuration
//! files, walking directories, reading and writing files, the output formats, the
//! language server and the HTTP server. The binary (`src/main.rs`) parses the command line and calls
//! [`commands`].

pub mod args;
pub mod commands;
pub mod config;
pub mod files;
pub mod http;
pub mod lsp;
pub mod lsp_transport;
pub mod output;
