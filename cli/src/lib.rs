//! The `mtlint` command over the [`mtlint`] library: the command line, configuration
//! files, walking directories, reading and writing files, the output formats and the
//! language server. The binary (`src/main.rs`) parses the command line and calls
//! [`commands`].

pub mod args;
pub mod commands;
pub mod config;
pub mod files;
pub mod lsp;
pub mod lsp_transport;
pub mod output;
