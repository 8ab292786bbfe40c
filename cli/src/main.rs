//! The `mtlint` command: parse the arguments, run the command they name, exit with its
//! status. The work is in the `mtlint_cli` crate and the `mtlint` library.

use std::io::ErrorKind;
use std::process::ExitCode;

use clap::Parser;
use mtlint_cli::args::{Cli, Command};
use mtlint_cli::commands::{self, Fatal, Setup};
use mtlint_cli::output::write_file_error;

fn main() -> ExitCode {
    let cli = Cli::parse();
    mtlint_cli::files::set_max_file_size(cli.max_file_size);
    match dispatch(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => ExitCode::from(report(&cli, e)),
    }
}

/// Run the command the arguments name; its exit status.
fn dispatch(cli: &Cli) -> Result<u8, Fatal> {
    if let Some(Command::Server { .. }) = cli.command {
        return Ok(commands::server::run());
    }
    if let Some(what) = cli.generate {
        return commands::generate::run(what);
    }
    if !cli.test_rules.is_empty() {
        return commands::test_rules::run(&cli.test_rules);
    }
    let setup = Setup::new(cli)?;
    if let Some(path) = &cli.show_config {
        return commands::show_config::run(&setup.workspace, path);
    }
    if cli.list_rules {
        return commands::list_rules::run(&setup.linter, cli.format);
    }
    if cli.dump_patterns {
        return commands::list_rules::patterns(&setup.linter);
    }
    if let Some(id) = &cli.explain {
        return commands::explain::run(&setup.linter, id);
    }
    commands::check::run(cli, setup)
}

/// Tell what ended the run; its exit status.
fn report(cli: &Cli, e: Fatal) -> u8 {
    match e {
        // The reader of our output went away (`mtlint . | head`): stop quietly.
        Fatal::Output(e) if e.kind() == ErrorKind::BrokenPipe => return 0,
        Fatal::Output(e) => eprintln!("mtlint: error: cannot write output: {e}"),
        Fatal::Message(message) => eprintln!("mtlint: error: {message}"),
        Fatal::File(e) if e.text.is_none() => eprintln!("mtlint: error: {e}"),
        Fatal::File(e) => write_file_error(&mut cli.color.stderr(), &e),
    }
    2
}
