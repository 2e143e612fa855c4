//! `vault done`: check off a follow-up you promised.

use crate::cli::Cli;
use crate::exit::Exit;
use crate::output::{plain_argument, visible};
use crate::person_match::find_person;
use crate::session::Session;
use crate::write::Change;

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
    let session = Session::open(&cli.vault, cli.today)?;
    let note = find_person(&session.vault.notes, &args.person)?;
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
    let follow_up = match open.as_slice() {
        [one] => *one,
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
    let mut change = Change::read(&session.root, &follow_up.path)?;
    let options = &session.settings.read;
    let open_tasks = |note: &vault_notes::Note| {
        note.tasks
            .iter()
            .filter(|t| t.line == follow_up.line && t.text == follow_up.text)
            .count()
    };
    // The line number came from the first read; the task must still be on it.
    if change.read_before(options).map_or(0, |n| open_tasks(&n)) != 1 {
        return Err(Exit::failure(format!(
            "{}: changed on disk since it was read; nothing was written. Run the command again",
            follow_up.path
        )));
    }
    change.after = vault_notes::edit::complete_task(&change.before, follow_up.line, session.today)
        .map_err(|e| Exit::failure(format!("{}: {e}", follow_up.path)))?;
    change.verify(options, "the follow-up checked off", |after| {
        open_tasks(after) == 0
    })?;
    change.apply(
        args.dry_run,
        &visible(&format!(
            "Done: {} ({}:{})",
            follow_up.text, follow_up.path, follow_up.line
        )),
    )
}

/// Refuses control characters in the arguments (exit 2).
fn check_arguments(args: &Args) -> Result<(), Exit> {
    plain_argument("PERSON", &args.person)?;
    if let Some(words) = &args.r#match {
        plain_argument("MATCH", words)?;
    }
    Ok(())
}
