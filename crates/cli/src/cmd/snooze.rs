//! `vault snooze`: do not suggest a person before a date.

use vault_notes::Property;
use vault_notes::edit::yaml_scalar;

use crate::cli::Cli;
use crate::exit::Exit;
use crate::output::plain_argument;
use crate::session::Session;
use crate::when::parse_until;
use crate::write::{Outcome, Proposal, edit_note};

/// Arguments of `vault snooze`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Who: a name, file name or alias.
    pub person: String,
    /// Until when: YYYY-MM-DD, or a span from today such as 2w, 30d or 3 months.
    pub until: String,
    /// Show the change as a diff and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `vault snooze`.
pub fn execute(cli: &Cli, args: &Args) -> Result<(), Exit> {
    plain_argument("PERSON", &args.person)?;
    let session = Session::open(cli.vault.as_deref(), cli.today)?;
    write(&session, args)?.print()
}

/// The write `vault snooze` makes, in a vault already read (`vault review` makes it too).
pub fn write(session: &Session, args: &Args) -> Result<Outcome, Exit> {
    let until = parse_until(&args.until, session.today).map_err(Exit::usage)?;
    // A snooze that is already over would only overwrite the one the note has, if any.
    if until <= session.today {
        let who = shell_word(&args.person);
        let written = if until.to_string() == args.until.trim() {
            format!("`{until}`")
        } else {
            format!("`{}` ({until})", args.until.trim())
        };
        return Err(Exit::usage(format!(
            "{written} is not after today ({}): a snooze ends after today, e.g. `vault snooze {who} 2w`; `vault resume {who}` ends a snooze",
            session.today
        )));
    }
    let note = session.find_person(&args.person)?;
    let name = note.display_name();
    let keys: Vec<&str> = Property::SnoozeUntil.keys().collect();
    let write = session.edit(&note.path, args.dry_run);
    edit_note(&write, |before| {
        Ok(Proposal {
            after: session
                .set_property(before.bytes, &keys, &yaml_scalar(&until.to_string()))
                .map_err(|e| Exit::failure(format!("{}: {e}", note.path)))?,
            fact: format!("snooze_until {until}"),
            holds: |after: &vault_notes::Note| {
                after
                    .person
                    .as_ref()
                    .is_some_and(|p| p.snooze_until == Some(until))
            },
            summary: format!("Snoozed {name} until {until} in {}", note.path),
        })
    })
}

/// `text` as one word of a POSIX shell command: as it is when it is plain, else in single
/// quotes (`'Elena Petrova'`, `'O'\''Brien'`).
fn shell_word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ',' | '+' | '@'));
    if plain {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words() {
        assert_eq!(shell_word("Elena"), "Elena");
        assert_eq!(shell_word("José"), "José");
        assert_eq!(shell_word("People/Elena.md"), "People/Elena.md");
        assert_eq!(shell_word("Elena Petrova"), "'Elena Petrova'");
        assert_eq!(shell_word("O'Brien"), "'O'\\''Brien'");
        assert_eq!(shell_word("$HOME"), "'$HOME'");
        assert_eq!(shell_word(""), "''");
    }
}
