//! `vault export ics|vcard|json`: the calendar feed, the contacts, the whole model.

use std::path::PathBuf;

use clap::ValueEnum;
use vault_index::PersonView;
use vault_render::CalendarInput;

use crate::cli::Cli;
use crate::exit::Exit;
use crate::output::{print, problem_summary, visible};
use crate::session::Session;
use crate::write::write_atomically;

/// Arguments of `vault export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to export.
    #[arg(value_enum)]
    pub format: ExportFormat,
    /// The file to write (default: standard output). Written atomically: a calendar app
    /// subscribed to it never reads half a file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Include private people (`private: true`), and the lines that concern them, which
    /// exports leave out by default.
    #[arg(long)]
    pub include_private: bool,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// An RFC 5545 calendar: birthdays, planned meetings, follow-ups due, reach-out reminders.
    Ics,
    /// vCard 3.0 contacts.
    Vcard,
    /// The whole model as JSON (people, properties, interactions, follow-ups, statuses).
    Json,
}

/// Runs `vault export`.
pub fn execute(cli: &Cli, args: &Args) -> Result<(), Exit> {
    let session = Session::open(cli.vault.as_deref(), cli.today)?;
    problem_summary(&session.vault.diagnostics);
    let everyone =
        vault_index::person_views(&session.vault.notes, &session.settings.index, session.today);
    let people: Vec<PersonView> = if args.include_private {
        everyone
    } else {
        everyone.iter().filter_map(PersonView::shared).collect()
    };
    let name = session.name();
    let text = match args.format {
        ExportFormat::Ics => vault_render::calendar(&CalendarInput {
            people: &people,
            today: session.today,
            vault_name: &name,
        }),
        ExportFormat::Vcard => vault_render::vcards(&people),
        ExportFormat::Json => vault_render::model_json(&people, session.today, &name)
            .map_err(|e| Exit::failure(format!("cannot write JSON: {e}")))?,
    };
    match &args.out {
        Some(path) => {
            write_atomically(path, text.as_bytes())
                .map_err(|e| Exit::failure(format!("{}: cannot write: {e}", path.display())))?;
            print(&format!("{}\n", visible(&path.display().to_string())))
                .map_err(|e| Exit::failure(format!("cannot write output: {e}")))
        }
        None => print(&text).map_err(|e| Exit::failure(format!("cannot write output: {e}"))),
    }
}
