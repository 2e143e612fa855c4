//! `vault snooze`: do not suggest a person before a date.

use chrono::Days;
use vault_notes::Property;
use vault_notes::edit::yaml_scalar;

use crate::cli::Cli;
use crate::exit::Exit;
use crate::output::plain_argument;
use crate::session::Session;
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
    let until = vault_notes::parse_date(&args.until)
        .or_else(|| {
            vault_notes::parse_cadence(&args.until)
                .and_then(|days| session.today.checked_add_days(Days::new(u64::from(days))))
        })
        .ok_or_else(|| {
            Exit::usage(format!(
                "`{}` is not a date or a span; write 2026-12-15, 2w or 30d",
                args.until
            ))
        })?;
    if until <= session.today {
        eprintln!(
            "vault: warning: {until} is not after today ({}); the snooze is already over",
            session.today
        );
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
