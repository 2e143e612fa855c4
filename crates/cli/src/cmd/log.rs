//! `vault log`: add an interaction line to a person's note.

use crate::cli::Cli;
use crate::exit::Exit;
use crate::output::plain_argument;
use crate::session::Session;
use crate::when::parse_when;
use crate::write::{Outcome, Proposal, edit_note};

/// Arguments of `vault log`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Who: a name, file name or alias.
    pub person: String,
    /// What happened, on one line.
    pub text: String,
    /// When: YYYY-MM-DD, today, yesterday, a weekday (the last one, today included) or 3d ago.
    #[arg(long, default_value = "today", value_name = "DATE")]
    pub date: String,
    /// The kind of contact, written before the text: coffee, call, lunch…
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// You helped them (adds #gave).
    #[arg(long, conflicts_with = "got")]
    pub gave: bool,
    /// They helped you (adds #got).
    #[arg(long)]
    pub got: bool,
    /// Show the change as a diff and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `vault log`.
pub fn execute(cli: &Cli, args: &Args) -> Result<(), Exit> {
    let session = Session::open(cli.vault.as_deref(), cli.today)?;
    write(&session, args)?.print()
}

/// The write `vault log` makes, in a vault already read (`vault review` makes it too).
pub fn write(session: &Session, args: &Args) -> Result<Outcome, Exit> {
    let date = parse_when(&args.date, session.today).map_err(Exit::usage)?;
    let rest = entry_text(args)?;
    let note = session.find_person(&args.person)?;
    let name = note.display_name();
    let what = args
        .kind
        .as_deref()
        .map_or_else(String::new, |k| format!("{} ", k.to_lowercase()));
    let planned = if date > session.today {
        " (planned)"
    } else {
        ""
    };
    let on_date = move |log: &[vault_notes::LogLine]| log.iter().filter(|l| l.date == date).count();
    let write = session.edit(&note.path, args.dry_run);
    edit_note(&write, |before| {
        let after = session
            .add_log_lines(before.bytes, &[(date, &rest)])
            .map_err(|e| Exit::failure(format!("{}: {e}", note.path)))?;
        let had = before.note.as_ref().map_or(0, |n| on_date(&n.log));
        Ok(Proposal {
            after,
            fact: format!("one more log line dated {date}"),
            holds: move |after: &vault_notes::Note| {
                after.person.is_some() && on_date(&after.log) == had + 1
            },
            summary: format!("Logged {date} {what}with {name} in {}{planned}", note.path),
        })
    })
}

/// The text after the date: `coffee: TEXT #gave`.
fn entry_text(args: &Args) -> Result<String, Exit> {
    if args.text.contains(['\n', '\r']) {
        return Err(Exit::usage(
            "the text must be one line: a log entry is one line of the note",
        ));
    }
    plain_argument("PERSON", &args.person)?;
    plain_argument("TEXT", &args.text)?;
    if let Some(kind) = &args.kind {
        plain_argument("--kind", kind)?;
    }
    let mut rest = String::new();
    if let Some(kind) = &args.kind {
        let ok = !kind.is_empty()
            && kind
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return Err(Exit::usage(format!(
                "--kind `{kind}` must be one word, such as coffee or call"
            )));
        }
        rest.push_str(&kind.to_lowercase());
        if !args.text.trim().is_empty() {
            rest.push_str(": ");
        }
    }
    rest.push_str(args.text.trim());
    if args.gave {
        rest.push_str(" #gave");
    }
    if args.got {
        rest.push_str(" #got");
    }
    if rest.trim().is_empty() {
        return Err(Exit::usage(
            "say what happened: vault log PERSON \"coffee at the café\"",
        ));
    }
    Ok(rest.trim().to_owned())
}
