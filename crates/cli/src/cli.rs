//! The command line: global flags and subcommands. Each flag's help is written once here
//! and feeds `--help`, the man page and shell completions.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::cmd;

/// Keep professional friendships alive from a folder of Markdown notes.
///
/// vault reads your notes (one per person, daily notes that link [[People]]), works out who
/// is due, overdue or hibernating, and writes a weekly digest. Your notes stay the source
/// of truth.
#[derive(Debug, Parser)]
#[command(name = "vault", version, max_term_width = 100)]
pub struct Cli {
    /// The vault folder (default: the first folder from here upwards that holds
    /// `.obsidian/`, `vault.yaml` or `logseq/config.edn`, else this folder).
    #[arg(long, global = true, env = "VAULT_DIR", value_name = "DIR")]
    pub vault: Option<PathBuf>,

    /// The day to compute for, YYYY-MM-DD (default: today's local date).
    #[arg(long, global = true, env = "VAULT_TODAY", value_name = "DATE", value_parser = parse_day)]
    pub today: Option<NaiveDate>,

    /// When to use colours in terminal output (NO_COLOR is honoured).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the weekly digest (Markdown and HTML by default) and print where.
    Digest(cmd::digest::Args),
    /// Show who needs attention, most urgent first.
    Status(cmd::status::Args),
    /// Report every problem in the vault as path:line:col: severity: message.
    Check(cmd::check::Args),
    /// Add an interaction line (`- 2026-11-25 coffee: TEXT`) to a person's log.
    Log(cmd::log::Args),
    /// Create a person note from the person.md template.
    Add(cmd::add::Args),
    /// Do not suggest a person before a date (sets snooze_until).
    Snooze(cmd::snooze::Args),
    /// Stop tracking a person (sets paused: true).
    Pause(cmd::pause::Args),
    /// Track a paused or snoozed person again (removes paused, else snooze_until).
    Resume(cmd::pause::Args),
    /// Check off a follow-up you promised (- [ ] becomes - [x] ✅ date).
    Done(cmd::done::Args),
    /// Import people from contact exports (vCard, CSV).
    Import(cmd::import::Args),
    /// Export the calendar feed (ics), the contacts (vcard) or the whole model (json).
    Export(cmd::export::Args),
    /// Show one person's card: why now, properties, contact links, timeline, draft.
    Show(cmd::show::Args),
    /// Print the reach-out message for a person alone, for a clipboard or a mail client.
    Draft(cmd::draft::Args),
    /// Step through this week's suggestions and the overdue, one key to act on each.
    ///
    /// One card at a time: this week's suggestions, then everyone else overdue or
    /// hibernating. Keys: l logs a contact (writes what `vault log PERSON TEXT` writes), s
    /// snoozes (as `vault snooze`, 2w unless you say), p pauses (as `vault pause`), e opens
    /// the note in $VISUAL or $EDITOR, c copies the draft (OSC 52) and prints it, n (or
    /// space, Enter) skips, q (or Esc) quits. Needs a terminal; `vault show PERSON` prints
    /// a card anywhere.
    Review(cmd::review::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(cmd::completions::Args),
    /// Print the man page (roff), e.g. `vault man > ~/.local/share/man/man1/vault.1`.
    Man,
}

/// Parses `--today` ([`crate::when::parse_day`]).
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    crate::when::parse_day(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn today_must_be_a_date() {
        assert!(parse_day("2026-11-23").is_ok());
        assert!(parse_day("2026-11-23 10:00").is_err());
        assert!(parse_day("tomorrow").is_err());
    }
}
