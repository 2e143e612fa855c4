//! `vault add`: create a person note from the `person.md` template.

use vault_notes::Resolver;

use crate::cli::Cli;
use crate::exit::Exit;
use crate::output::plain_argument;
use crate::person_note::person_note_text;
use crate::session::Session;
use crate::write::{Proposal, edit_note};

/// Arguments of `vault add`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The person's name; also the note's file name.
    pub name: String,
    /// Kind of relationship: ally, mentor, peer, former-colleague…
    #[arg(long, value_name = "R")]
    pub relationship: Option<String>,
    /// How often to be in touch: 30, 2w, monthly…
    #[arg(long, value_name = "C")]
    pub cadence: Option<String>,
    /// Company or organisation.
    #[arg(long, value_name = "X")]
    pub company: Option<String>,
    /// E-mail address.
    #[arg(long, value_name = "E")]
    pub email: Option<String>,
    /// Show the new note as a diff and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `vault add`.
pub fn execute(cli: &Cli, args: &Args) -> Result<(), Exit> {
    let name = args.name.trim();
    check_file_name(name)
        .and_then(|()| check_visible(name))
        .map_err(|why| Exit::failure(format!("cannot add `{}`: {why}", args.name)))?;
    check_arguments(args)?;
    if let Some(cadence) = &args.cadence
        && vault_notes::parse_cadence(cadence).is_none()
    {
        return Err(Exit::usage(format!(
            "--cadence `{cadence}` is not a cadence; write days or a phrase such as 30, 2w or monthly"
        )));
    }
    let session = Session::open_to_add(cli.vault.as_deref(), cli.today)?;
    let taken = session.people_named(name).into_iter().next();
    if let Some(existing) = taken {
        return Err(Exit::failure(format!(
            "`{name}` already exists: {}",
            existing.path
        )));
    }
    if let Some(note) = session.note_named(name) {
        return Err(Exit::failure(format!(
            "`{name}` already has a note, {}, which is not a person note; to make it one, add `type: person` to its properties or move it into a People folder (a second `{name}` note would make every [[{name}]] link ambiguous)",
            note.path
        )));
    }
    let path = session.new_person_path(name);
    let text = person_note(&session, name, args)?;
    let write = session.create(&path, args.dry_run);
    edit_note(&write, |_| {
        Ok(Proposal {
            after: text.into_bytes(),
            fact: "a person note".into(),
            holds: |note: &vault_notes::Note| note.person.is_some(),
            summary: format!("Added {name} in {path}"),
        })
    })?
    .print()
}

/// The new note from the `person.md` template.
fn person_note(session: &Session, name: &str, args: &Args) -> Result<String, Exit> {
    person_note_text(
        session,
        name,
        args.relationship.as_deref(),
        args.cadence.as_deref(),
        args.company.as_deref(),
        args.email.as_deref(),
        None,
    )
}

/// Refuses control characters in the properties given on the command line (exit 2); the
/// name's own checks are [`check_file_name`].
fn check_arguments(args: &Args) -> Result<(), Exit> {
    let given = [
        ("--relationship", &args.relationship),
        ("--cadence", &args.cadence),
        ("--company", &args.company),
        ("--email", &args.email),
    ];
    for (flag, value) in given {
        if let Some(value) = value {
            plain_argument(flag, value)?;
        }
    }
    Ok(())
}

/// Refuses a name with a character nobody sees (a zero-width space, a bidi override, a
/// line separator): it would look like another person's name, or like nothing.
fn check_visible(name: &str) -> Result<(), String> {
    match Resolver::invisible_character(name) {
        None => Ok(()),
        Some(c) => Err(format!(
            "it contains {}, an invisible character: the name would look like `{}` and be another name; type it without",
            Resolver::describe_character(c),
            Resolver::name_key(name)
        )),
    }
}

/// Names that cannot be a note's file name on Linux, macOS or Windows, or would escape the
/// vault, or break Obsidian links.
pub fn check_file_name(name: &str) -> Result<(), String> {
    const RESERVED: &[&str] = &[
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "COM0", "COM1", "COM2", "COM3", "COM4",
        "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2",
        "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    ];
    if name.is_empty() {
        return Err("the name is empty".into());
    }
    if name.len() > 200 {
        return Err("the name is longer than 200 bytes, too long for a file name".into());
    }
    if name == "." || name == ".." || name.contains("..") {
        return Err("`..` would point outside the people folder".into());
    }
    if let Some(c) = name.chars().find(|c| matches!(c, '/' | '\\')) {
        return Err(format!("`{c}` separates folders; a name cannot contain it"));
    }
    if let Some(c) = name
        .chars()
        .find(|c| matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|'))
    {
        return Err(format!(
            "`{c}` is not allowed in file names on Windows (or macOS for `:`)"
        ));
    }
    if let Some(c) = name.chars().find(|c| matches!(c, '[' | ']' | '#' | '^')) {
        return Err(format!("`{c}` would break Obsidian links to the note"));
    }
    if name.chars().any(char::is_control) {
        return Err("control characters cannot be in a file name".into());
    }
    if name.starts_with('.') {
        return Err(
            "a name starting with `.` would make a hidden file that vault and Obsidian skip".into(),
        );
    }
    if name.ends_with(['.', ' ']) {
        return Err("Windows does not allow a file name ending with `.` or a space".into());
    }
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem)) {
        return Err(format!("`{stem}` is a reserved device name on Windows"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_and_unsafe_names() {
        for ok in [
            "Sharon Lee",
            "José Álvarez",
            "O'Brien",
            "Anne-Marie 2",
            "李雷",
        ] {
            assert_eq!(check_file_name(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "../x",
            "a/b",
            "a\\b",
            "C:",
            "x:y",
            "..",
            "a\u{7}",
            "CON",
            "com1.txt",
            "Lpt9",
            "trail.",
            "trail ",
            ".hidden",
            "a|b",
            "a[b",
            "why?",
            "star*",
            "nul.md",
            "CONIN$",
            "com¹",
            "a\u{0}b",
            "tab\there",
            "a..b",
            "<x>",
        ] {
            assert!(check_file_name(bad).is_err(), "{bad:?}");
        }
        assert!(check_file_name(&"x".repeat(201)).is_err());
    }
}
