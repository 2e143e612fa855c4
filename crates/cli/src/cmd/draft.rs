//! `vault draft`: the reach-out message alone, for a clipboard or a mail client.

use crate::card::{draft_templates, person_card};
use crate::cli::Cli;
use crate::exit::Exit;
use crate::output::{plain_argument, print, visible};
use crate::session::Session;

/// Arguments of `vault draft`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Who: a name, file name, alias or the note's path.
    pub person: String,
    /// Print the subject line first, then a blank line, then the message.
    #[arg(long)]
    pub subject: bool,
}

/// Runs `vault draft`.
pub fn execute(cli: &Cli, args: &Args) -> Result<(), Exit> {
    plain_argument("PERSON", &args.person)?;
    let session = Session::open(cli.vault.as_deref(), cli.today)?;
    let path = session.find_person(&args.person)?.path.clone();
    let card = person_card(&session, draft_templates(&session)?, &path)?;
    let mut text = String::new();
    if args.subject {
        text.push_str(&card.draft.subject);
        text.push_str("\n\n");
    }
    text.push_str(card.draft.body.trim_end());
    text.push('\n');
    // Note text in a draft never drives the terminal (or whatever reads the pipe).
    print(&visible(&text)).map_err(|e| Exit::failure(format!("cannot write output: {e}")))
}
