//! The `mtlint` command over the [`mtlint`] library: configuration files, walking
//! directories, reading and writing files, the output formats and the language server.
//! The binary (`src/main.rs`) parses the command line and calls into this crate.

mod cursor;

pub mod config;
pub mod files;
pub mod lsp;
pub mod report;
pub mod sarif;
