//! The integration tests, one crate: they run the `mtlint` binary (and use the library)
//! as a user would. Shared helpers are in `common`; one module per area.

mod common;

mod cli;
mod cli_comfort;
mod config;
mod fix_safety;
mod formats;
mod hardening;
mod html;
mod http;
mod lsp_neovim;
mod lsp_protocol;
mod markdown;
mod mistakes;
mod packs;
mod properties;
mod report;
mod residue;
mod rule_examples;
mod sarif;
mod style;
mod suppression;
mod vocabulary;
mod walk;
