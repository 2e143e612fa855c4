//! `vault done`: check off a follow-up you promised.

use crate::cli::Cli;
use crate::exit::Exit;
use crate::output::plain_argument;
use crate::session::Session;
use crate::write::{Proposal, edit_note};

/// Arguments of `vault done`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Who: a name, file name or alias.
    pub person: String,
    /// Words of the follow-up, when the person has several open.
    pub r#match: Option<String>,
    /// Show the change as a diff and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `vault done`.
pub fn execute(cli: &Cli, args: &Args) -> Result<(), Exit> {
    check_arguments(args)?;
    let session = Session::open(cli.vault.as_deref(), cli.today)?;
    let note = session.find_person(&args.person)?;
    let index = session.index(session.today);
    let wanted = args.r#match.as_deref().map(str::to_lowercase);
    let open: Vec<_> = index
        .follow_ups
        .iter()
        .filter(|f| f.person_path == note.path)
        .filter(|f| {
            wanted
                .as_deref()
                .is_none_or(|w| f.text.to_lowercase().contains(w))
        })
        .collect();
    // A follow-up a property names (`next_action`) has no box to check.
    let (in_properties, open): (Vec<_>, Vec<_>) =
        open.into_iter().partition(|f| f.property.is_some());
    let follow_up = match open.as_slice() {
        [one] => *one,
        [] if !in_properties.is_empty() => {
            let f = in_properties[0];
            return Err(Exit::failure(format!(
                "{}:{}: `{}` is a property, not a task with a box to check; change it there when it is done (nothing was written)",
                f.path,
                f.line,
                f.property.unwrap_or("next_action")
            )));
        }
        [] => {
            let what = args
                .r#match
                .as_deref()
                .map_or_else(String::new, |m| format!(" matching `{m}`"));
            return Err(Exit::failure(format!(
                "no open follow-up{what} for {}",
                note.stem()
            )));
        }
        several => {
            let list: Vec<String> = several
                .iter()
                .map(|f| format!("  {}:{}: {}", f.path, f.line, f.text))
                .collect();
            return Err(Exit::failure(format!(
                "{} open follow-ups; say which with a few of its words (vault done \"{}\" WORDS):\n{}",
                several.len(),
                args.person,
                list.join("\n")
            )));
        }
    };
    let write = session.edit(&follow_up.path, args.dry_run);
    let (path, text) = (&follow_up.path, &follow_up.text);
    edit_note(&write, |before| {
        // The note may have changed since the vault was read (another command logged a
        // line above the task): the task is found again in the note as it is now, on its
        // line if it is still there, else as the one open task with its text.
        let open: Vec<u32> = before.note.as_ref().map_or_else(Vec::new, |n| {
            n.tasks
                .iter()
                .filter(|t| t.text == *text)
                .map(|t| t.line)
                .collect()
        });
        let line = if open.contains(&follow_up.line) {
            follow_up.line
        } else if let [one] = open.as_slice() {
            *one
        } else {
            return Err(Exit::failure(format!(
                "{path}: changed on disk since it was read; nothing was written. Run the command again"
            )));
        };
        let after = vault_notes::edit::complete_task(before.bytes, line, session.today)
            .map_err(|e| Exit::failure(format!("{path}: {e}")))?;
        let open_before = open.len();
        Ok(Proposal {
            after,
            fact: "the follow-up checked off".into(),
            holds: move |after: &vault_notes::Note| {
                let still: Vec<u32> = after
                    .tasks
                    .iter()
                    .filter(|t| t.text == *text)
                    .map(|t| t.line)
                    .collect();
                still.len() + 1 == open_before && !still.contains(&line)
            },
            summary: format!("Done: {text} ({path}:{line})"),
        })
    })?
    .print()
}

/// Refuses control characters in the arguments (exit 2).
fn check_arguments(args: &Args) -> Result<(), Exit> {
    plain_argument("PERSON", &args.person)?;
    if let Some(words) = &args.r#match {
        plain_argument("MATCH", words)?;
    }
    Ok(())
}
