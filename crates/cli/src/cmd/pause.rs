//! `vault pause` and `vault resume`: stop and restart tracking a person.

use vault_notes::Property;
use vault_notes::edit::{clear_property, set_property};

use crate::cli::Cli;
use crate::exit::Exit;
use crate::output::visible;
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
        .map_or(note.stem(), |p| p.name.as_str());
    let keys: Vec<&str> = Property::Paused.keys().collect();
    let mut change = Change::read(&session.root, &note.path)?;
    change.after = set_property(&change.before, &keys, "true")
        .map_err(|e| Exit::failure(format!("{}: {e}", note.path)))?;
    change.verify(&session.settings.read, "paused: true", |after| {
        after.person.as_ref().is_some_and(|p| p.paused)
    })?;
    change.apply(
        args.dry_run,
        &visible(&format!("Paused {name} in {}", note.path)),
    )
}

/// Runs `vault resume`: ends `paused`, or, for a person who is not paused, the snooze. The
/// line `vault pause` or `vault snooze` added is removed; a line the user wrote (another
/// tool's key, a comment) is kept with `false` or today's date.
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
    // What a line the user wrote is set to (a line vault wrote is removed instead).
    let off = match property {
        Property::Paused => "false".to_owned(),
        _ => session.today.to_string(),
    };
    let options = &session.settings.read;
    let still = |note: &vault_notes::Note| {
        note.person.as_ref().is_none_or(|p| match property {
            Property::Paused => p.paused,
            _ => p.snooze_until.is_some_and(|d| d > session.today),
        })
    };
    let mut change = Change::read(&session.root, &note.path)?;
    // One line as a rule; the loop only runs again for a note that says it twice (under
    // the canonical key and an alias).
    for _ in 0..keys.len() {
        let after = clear_property(&change.after, &keys, &off)
            .map_err(|e| Exit::failure(format!("{}: {e}", note.path)))?;
        if after == change.after {
            break;
        }
        change.after = after;
        if !still(&vault_notes::parse_note(&note.path, &change.after, options).note) {
            break;
        }
    }
    change.verify(options, &format!("no longer {what}"), |after| {
        after.person.is_some() && !still(after)
    })?;
    let still_snoozed = match person.snooze_until {
        Some(until) if property == Property::Paused && until > session.today => {
            format!("; still snoozed until {until}, `vault resume` again ends that")
        }
        _ => String::new(),
    };
    change.apply(
        args.dry_run,
        &visible(&format!(
            "Resumed {} (no longer {what}) in {}{still_snoozed}",
            person.name, note.path
        )),
    )
}
