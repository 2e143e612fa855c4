//! `vault completions SHELL` and `vault man`: generated from the same clap definitions as
//! `--help`, so the three never disagree.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::exit::Exit;
use crate::output;

/// Arguments of `vault completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Prints the completion script for `args.shell` to stdout.
pub fn completions(args: &Args) -> Result<(), Exit> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "vault", &mut script);
    print(&script)
}

/// Prints the man page (roff) to stdout.
pub fn man() -> Result<(), Exit> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| Exit::failure(format!("cannot render the man page: {e}")))?;
    print(&page)
}

fn print(bytes: &[u8]) -> Result<(), Exit> {
    output::print_bytes(bytes).map_err(|e| Exit::failure(format!("cannot write output: {e}")))
}
