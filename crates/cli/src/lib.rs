//! `vault`: keep professional friendships alive from a folder of Markdown notes.
//!
//! The command-line program, as a library so that its parsers of a user's files can be
//! fuzzed (`fuzz/`); `src/main.rs` only calls [`run`]. It parses the command line, reads
//! settings and the vault through `vault-notes`, decides through `vault-index`, renders
//! through `vault-render`, and turns errors into messages and exit codes.

mod budget;
mod card;
mod cli;
mod cmd;
pub mod config;
mod diff;
pub mod exit;
pub mod import;
mod output;
mod people_found;
mod person_match;
mod person_note;
mod session;
mod when;
mod write;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

/// Runs the `vault` command line of this process.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr (exit 2).
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() {
                exit::USAGE
            } else {
                exit::SUCCESS
            });
        }
    };
    let result = match &cli.command {
        Command::Digest(args) => cmd::digest::execute(&cli, args),
        Command::Status(args) => cmd::status::execute(&cli, args),
        Command::Check(args) => cmd::check::execute(&cli, args),
        Command::Log(args) => cmd::log::execute(&cli, args),
        Command::Add(args) => cmd::add::execute(&cli, args),
        Command::Snooze(args) => cmd::snooze::execute(&cli, args),
        Command::Pause(args) => cmd::pause::pause(&cli, args),
        Command::Resume(args) => cmd::pause::resume(&cli, args),
        Command::Done(args) => cmd::done::execute(&cli, args),
        Command::Import(args) => cmd::import::execute(&cli, args),
        Command::Export(args) => cmd::export::execute(&cli, args),
        Command::Show(args) => cmd::show::execute(&cli, args),
        Command::Draft(args) => cmd::draft::execute(&cli, args),
        Command::Review(args) => cmd::review::execute(&cli, args),
        Command::Completions(args) => cmd::completions::completions(args),
        Command::Man => cmd::completions::man(),
    };
    match result {
        Ok(()) => ExitCode::from(exit::SUCCESS),
        Err(exit) => {
            if !exit.message.is_empty() {
                eprintln!("vault: {}", exit.message);
            }
            ExitCode::from(exit.code)
        }
    }
}
