//! `--generate`: shell completions or the man page, generated from the options.

use std::io::{self, Write};

use clap::CommandFactory;

use super::Fatal;
use crate::args::{Cli, Generate};

/// Print what `what` names.
pub fn run(what: Generate) -> Result<u8, Fatal> {
    generate(&mut io::stdout().lock(), what)?;
    Ok(0)
}

/// `--generate`: completions for a shell, or the man page.
fn generate(out: &mut dyn Write, what: Generate) -> io::Result<()> {
    let mut command = Cli::command();
    let shell = match what {
        Generate::Man => return clap_mangen::Man::new(command).render(out),
        Generate::CompletionsBash => clap_complete::Shell::Bash,
        Generate::CompletionsZsh => clap_complete::Shell::Zsh,
        Generate::CompletionsFish => clap_complete::Shell::Fish,
        Generate::CompletionsElvish => clap_complete::Shell::Elvish,
        Generate::CompletionsPowershell => clap_complete::Shell::PowerShell,
    };
    // Into a buffer first: clap_complete panics when it cannot write (`| head`).
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "mtlint", &mut buffer);
    out.write_all(&buffer)?;
    out.flush()
}
