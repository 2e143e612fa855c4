//! `vault pause` and `vault resume`: stop and restart tracking a person.

use vault_notes::Property;
use vault_notes::edit::{remove_property, set_property};

use crate::cli::Cli;
use crate::exit::Exit;
use crate::person_match::find_person;
use crate::session::Session;
use crate::write::Change;

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
    let session = Session::open(&cli.vault, cli.today)?;
    let note = find_person(&session.vault.notes, &args.person)?;
    let name = note
        .person
        .as_ref()
        .map_or(note.stem.as_str(), |p| p.name.as_str());
    let keys: Vec<&str> = Property::Paused.keys().collect();
    let mut change = Change::read(&session.root, &note.path)?;
    change.after = set_property(&change.before, &keys, "true")
        .map_err(|e| Exit::failure(format!("{}: {e}", note.path)))?;
    change.apply(args.dry_run, &format!("Paused {name} in {}", note.path))
}

/// Runs `vault resume`: removes `paused`, or, for a person who is not paused, the snooze.
pub fn resume(cli: &Cli, args: &Args) -> Result<(), Exit> {
    let session = Session::open(&cli.vault, cli.today)?;
    let note = find_person(&session.vault.notes, &args.person)?;
    let Some(person) = note.person.as_ref() else {
        return Err(Exit::failure(format!("{} is not a person note", note.path)));
    };
    let (property, what) = if person.paused {
        (Property::Paused, "paused")
    } else if person.snooze_until.is_some_and(|d| d > session.today) {
        (Property::SnoozeUntil, "snoozed")
    } else {
        return Err(Exit::failure(format!(
            "{} is neither paused nor snoozed; nothing to resume",
            person.name
        )));
    };
    let keys: Vec<&str> = property.keys().collect();
    let mut change = Change::read(&session.root, &note.path)?;
    change.after = remove_property(&change.before, &keys)
        .map_err(|e| Exit::failure(format!("{}: {e}", note.path)))?;
    if change.after == change.before {
        return Err(Exit::failure(format!(
            "{}: {} is {what} but the property could not be found to remove",
            note.path, person.name
        )));
    }
    change.apply(
        args.dry_run,
        &format!(
            "Resumed {} (no longer {what}) in {}",
            person.name, note.path
        ),
    )
}
