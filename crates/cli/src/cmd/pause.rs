//! `vault pause` and `vault resume`: stop and restart tracking a person.

use vault_notes::{Note, Property};

use crate::cli::Cli;
use crate::exit::Exit;
use crate::session::Session;
use crate::write::{Outcome, Proposal, edit_note};

/// Arguments of `vault pause` and `vault resume`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Who: a name, file name or alias.
    pub person: String,
    /// Show the change as a diff and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `vault pause`: sets `paused: true`.
pub fn pause(cli: &Cli, args: &Args) -> Result<(), Exit> {
    let session = Session::open(cli.vault.as_deref(), cli.today)?;
    write_pause(&session, args)?.print()
}

/// The write `vault pause` makes, in a vault already read (`vault review` makes it too).
pub fn write_pause(session: &Session, args: &Args) -> Result<Outcome, Exit> {
    let note = session.find_person(&args.person)?;
    let name = note.display_name();
    let keys: Vec<&str> = Property::Paused.keys().collect();
    let write = session.edit(&note.path, args.dry_run);
    edit_note(&write, |before| {
        Ok(Proposal {
            after: session
                .set_property(before.bytes, &keys, "true")
                .map_err(|e| Exit::failure(format!("{}: {e}", note.path)))?,
            fact: "paused: true".into(),
            holds: |after: &Note| after.person.as_ref().is_some_and(|p| p.paused),
            summary: format!("Paused {name} in {}", note.path),
        })
    })
}

/// Runs `vault resume`: ends `paused`, or, for a person who is not paused, the snooze. The
/// line `vault pause` or `vault snooze` added is removed; a line the user wrote (another
/// tool's key, a comment) is kept with `false` or today's date.
pub fn resume(cli: &Cli, args: &Args) -> Result<(), Exit> {
    let session = Session::open(cli.vault.as_deref(), cli.today)?;
    let note = session.find_person(&args.person)?;
    let today = session.today;
    let options = &session.settings.read;
    let write = session.edit(&note.path, args.dry_run);
    edit_note(&write, |before| {
        // Decided from the note as it is now, under the lock.
        let Some(person) = before.note.as_ref().and_then(|n| n.person.as_ref()) else {
            return Err(Exit::failure(format!("{} is not a person note", note.path)));
        };
        let (property, what) = if person.paused {
            (Property::Paused, "paused")
        } else if person.snooze_until.is_some_and(|d| d > today) {
            (Property::SnoozeUntil, "snoozed")
        } else {
            return Err(Exit::failure(format!(
                "{} is neither paused nor snoozed; nothing to resume",
                person.name
            )));
        };
        let keys: Vec<&str> = property.keys().collect();
        // What a line the user wrote is set to (a line vault wrote is removed instead).
        let off = match property {
            Property::Paused => "false".to_owned(),
            _ => today.to_string(),
        };
        let still = move |note: &Note| {
            note.person.as_ref().is_none_or(|p| match property {
                Property::Paused => p.paused,
                _ => p.snooze_until.is_some_and(|d| d > today),
            })
        };
        let mut after = before.bytes.to_vec();
        // Read under the lock: it says so until a line is cleared.
        let mut still_so = true;
        // One line as a rule; the loop only runs again for a note that says it twice
        // (under the canonical key and an alias).
        for _ in 0..keys.len() {
            let next = session
                .clear_property(&after, &keys, &off)
                .map_err(|e| Exit::failure(format!("{}: {e}", note.path)))?;
            if next == after {
                break;
            }
            after = next;
            still_so = still(&vault_notes::parse_note(&note.path, &after, options).note);
            if !still_so {
                break;
            }
        }
        if property == Property::Paused && still_so {
            // Another tool's value (`active: false`, `status: archived`) pauses them: its
            // right value is that tool's to say, so vault does not guess one.
            return Err(Exit::failure(format!(
                "{} is paused by a value another tool wrote (`active: false`, `follow_up: false`, or `status: archived`/`inactive`) in {}; change that line to resume them (nothing was written)",
                person.name, note.path
            )));
        }
        let still_snoozed = match person.snooze_until {
            Some(until) if property == Property::Paused && until > today => {
                format!("; still snoozed until {until}, `vault resume` again ends that")
            }
            _ => String::new(),
        };
        Ok(Proposal {
            after,
            fact: format!("no longer {what}"),
            holds: move |after: &Note| after.person.is_some() && !still(after),
            summary: format!(
                "Resumed {} (no longer {what}) in {}{still_snoozed}",
                person.name, note.path
            ),
        })
    })?
    .print()
}
