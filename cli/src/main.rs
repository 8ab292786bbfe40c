//! The `mtlint` command: parse the arguments, run the command they name, exit with its
//! status. The work is in the `mtlint_cli` crate and the `mtlint` library.

use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use mtlint_cli::args::{Cli, Command, Format};
use mtlint_cli::commands::{self, Fatal, Setup};
use mtlint_cli::output::write_file_error;

fn main() -> ExitCode {
    let cli = match Cli::parse() {
        Cli {
            command: Some(Command::Report { out, args }),
            ..
        } => report_cli(out, args),
        cli => cli,
    };
    mtlint_cli::files::set_max_file_size(cli.max_file_size);
    // Before anything runs on the pool: loading the rules already does.
    if let Some(n) = cli.threads {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            let e = Fatal::Message(format!("cannot start {n} threads: {e}"));
            return ExitCode::from(report(&cli, e));
        }
    }
    match dispatch(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => ExitCode::from(report(&cli, e)),
    }
}

/// `mtlint report OUT [ARGS]...`: the run `ARGS` describe, as an HTML report in OUT.
fn report_cli(out: PathBuf, args: Vec<OsString>) -> Cli {
    let mut cli = Cli::parse_from(["mtlint report".into()].into_iter().chain(args));
    if cli.command.is_some() {
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "`mtlint report OUT` takes the options and paths of a check, not a command",
            )
            .exit();
    }
    cli.format = Format::Html;
    cli.output = Some(out);
    cli
}

/// Run the command the arguments name; its exit status.
fn dispatch(cli: &Cli) -> Result<u8, Fatal> {
    match cli.command {
        Some(Command::Server {
            http: Some(addr),
            max_request_size,
            threads,
            ..
        }) => return commands::server::run_http(cli, addr, max_request_size, threads),
        Some(Command::Server { .. }) => return Ok(commands::server::run()),
        // `main` turns `mtlint report OUT ARGS` into the check run of ARGS (`report_cli`).
        Some(Command::Report { .. }) | None => {}
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
    if !cli.from_json.is_empty() {
        return commands::from_json::run(cli, &setup.linter);
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
