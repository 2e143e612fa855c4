//! `vault-bench`: generates large, realistic synthetic vaults for `bench/run.sh`.
//!
//! ```text
//! vault-bench generate --notes N [--seed S] [--force] DIR
//! vault-bench imports mbox|ics …      (export files for the import benchmark)
//! ```

mod generate;
mod imports;
mod names;
mod rng;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::generate::{Options, up_to_date, write_vault};

const USAGE: &str = "\
usage: vault-bench generate --notes N [--seed S] [--force | --if-needed] DIR

Writes a deterministic synthetic vault of N notes into DIR (missing or empty):
people (5%), daily notes (40%), meeting notes (20%) and other notes, as of 2026-11-23.
The same N and seed (default 1) always give byte-identical files.

  --notes N   number of .md notes to write (required)
  --seed S    random seed, a non-negative integer (default 1)
  --force     replace DIR if it holds a vault vault-bench generated before
  --if-needed keep DIR if it already holds this very vault (same generator version,
              N and seed), else replace it as --force does
  -h, --help  print this help";

#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    Generate {
        opts: Options,
        force: bool,
        if_needed: bool,
        dir: PathBuf,
    },
}

fn parse_number(flag: &str, value: Option<String>) -> Result<u64> {
    let value = value.with_context(|| format!("{flag} needs a value"))?;
    let digits = value.replace('_', "");
    digits
        .parse::<u64>()
        .with_context(|| format!("{flag}: `{value}` is not a non-negative integer"))
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command> {
    let mut args = args.into_iter();
    match args.next().as_deref() {
        None | Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("generate") => {}
        Some(other) => bail!("unknown command `{other}`"),
    }
    let mut notes = None;
    let mut seed = 1;
    let mut force = false;
    let mut if_needed = false;
    let mut dir = None;
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--notes" | "-n" => {
                let n = parse_number("--notes", inline.or_else(|| args.next()))?;
                notes = Some(usize::try_from(n).context("--notes is too large")?);
            }
            "--seed" => seed = parse_number("--seed", inline.or_else(|| args.next()))?,
            "--force" => force = true,
            "--if-needed" => if_needed = true,
            f if f.starts_with('-') && f.len() > 1 => bail!("unknown flag `{f}`"),
            _ => {
                if dir.is_some() {
                    bail!("only one DIR may be given (got another: `{arg}`)");
                }
                dir = Some(PathBuf::from(arg));
            }
        }
    }
    let notes = notes.context("--notes N is required")?;
    let dir = dir.context("DIR is required")?;
    Ok(Command::Generate {
        opts: Options { notes, seed },
        force: force || if_needed,
        if_needed,
        dir,
    })
}

fn run(command: Command) -> Result<()> {
    match command {
        Command::Help => println!("{USAGE}"),
        Command::Generate {
            opts,
            force,
            if_needed,
            dir,
        } => {
            if if_needed && up_to_date(&dir, opts) {
                println!(
                    "vault-bench: {} already holds {} notes (seed {}), kept",
                    dir.display(),
                    opts.notes,
                    opts.seed
                );
                return Ok(());
            }
            let start = Instant::now();
            let summary = write_vault(&dir, opts, force)?;
            println!(
                "{}",
                summary.line(&dir, opts.seed, start.elapsed().as_secs_f64())
            );
        }
    }
    Ok(())
}

/// Exit codes: 0 done, 1 the vault could not be written, 2 bad usage.
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(("imports", rest)) = args.split_first().map(|(c, r)| (c.as_str(), r)) {
        return imports::main(rest);
    }
    let command = match parse_args(args) {
        Ok(command) => command,
        Err(e) => {
            eprintln!("vault-bench: {e:#}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vault-bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_generate() {
        let cmd = parse_args(args("generate --notes 100_000 --seed 9 out/v")).expect("parses");
        assert_eq!(
            cmd,
            Command::Generate {
                opts: Options {
                    notes: 100_000,
                    seed: 9
                },
                force: false,
                if_needed: false,
                dir: PathBuf::from("out/v"),
            }
        );
        let cmd = parse_args(args("generate DIR --notes=5 --force")).expect("parses");
        assert_eq!(
            cmd,
            Command::Generate {
                opts: Options { notes: 5, seed: 1 },
                force: true,
                if_needed: false,
                dir: PathBuf::from("DIR"),
            }
        );
        let cmd = parse_args(args("generate --if-needed --notes 3 D")).expect("parses");
        assert_eq!(
            cmd,
            Command::Generate {
                opts: Options { notes: 3, seed: 1 },
                force: true,
                if_needed: true,
                dir: PathBuf::from("D"),
            }
        );
    }

    #[test]
    fn rejects_bad_args() {
        for bad in [
            "generate DIR",
            "generate --notes 5",
            "generate --notes x DIR",
            "generate --notes -3 DIR",
            "generate --notes",
            "generate --bogus --notes 5 DIR",
            "generate --notes 5 A B",
            "frobnicate",
        ] {
            assert!(parse_args(args(bad)).is_err(), "{bad}");
        }
        assert_eq!(parse_args(args("")).expect("help"), Command::Help);
        assert_eq!(
            parse_args(args("generate -h")).expect("help"),
            Command::Help
        );
    }
}
