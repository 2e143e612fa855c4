//! `vault import vcard|csv|calendar|mail FILE…`: people and history in from the files
//! phones, address books, LinkedIn, calendars and mail programs export. What is decided
//! and why is in [`crate::import`].

use std::collections::HashSet;
use std::fs::File;
use std::path::Path;
use std::path::PathBuf;

use clap::ValueEnum;

use crate::cli::Cli;
use crate::exit::Exit;
use crate::import::calendar::read_calendar;
use crate::import::contact::Contact;
use crate::import::contacts::{self, Target};
use crate::import::csv::{ContactsCsvReader, CsvKind};
use crate::import::history::{Calendar, Mail, Rules};
use crate::import::mail::{read_maildir, read_mbox};
use crate::import::people::{People, email_key};
use crate::import::plan::Plan;
use crate::import::progress::Progress;
use crate::import::vcard::VcardReader;
use crate::import::{BadFile, BadRecord, check_not_binary};
use crate::output::visible;
use crate::session::Session;

/// Arguments of `vault import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What the files are.
    #[arg(value_enum)]
    pub kind: ImportKind,
    /// The exported files (for mail, an mbox file or a Maildir folder).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Show the changes as diffs and a summary, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Calendar and mail: an event or message with more people than this is a crowd,
    /// not a meeting, and is skipped.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub max_attendees: usize,
}

/// What can be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    /// Contacts as vCard (.vcf): Google Contacts, iCloud, Android, Outlook.
    Vcard,
    /// Contacts as CSV: LinkedIn's Connections.csv, Google Contacts, Outlook.
    Csv,
    /// Meetings from an iCalendar file (.ics): Google, Apple, Outlook exports.
    Calendar,
    /// Mail from an mbox file or a Maildir folder: headers only.
    Mail,
}

/// Runs `vault import`.
pub fn execute(cli: &Cli, args: &Args) -> Result<(), Exit> {
    let session = Session::open_to_add(cli.vault.as_deref(), cli.today)?;
    let mut plan = Plan::default();
    let what = match args.kind {
        ImportKind::Vcard | ImportKind::Csv => {
            import_contacts(&session, args, &mut plan)?;
            "contacts"
        }
        ImportKind::Calendar => {
            import_history(&session, args, &mut plan)?;
            "events"
        }
        ImportKind::Mail => {
            import_history(&session, args, &mut plan)?;
            "messages"
        }
    };
    for line in &plan.bad {
        eprintln!("{}", visible(line));
    }
    for report in &plan.reports {
        eprintln!("{}", visible(report));
    }
    plan.apply(&session, what, args.dry_run)
}

fn import_contacts(session: &Session, args: &Args, plan: &mut Plan) -> Result<(), Exit> {
    let notes = &session.vault.notes;
    let mut people = People::with_note_names(notes);
    let folder = session.new_people_folder();
    for file in &args.files {
        let name = visible(&file.display().to_string()).into_owned();
        let mut merge = |plan: &mut Plan, contact: &Contact, kind: Option<CsvKind>| {
            let target = Target {
                folder: &folder,
                relationship: (kind == Some(CsvKind::LinkedIn)).then_some("connection"),
            };
            contacts::merge(plan, notes, &mut people, contact, &name, &target);
        };
        let progress = Progress::new(file, &name);
        let reader = progress.wrap(open(file, &name)?);
        match args.kind {
            ImportKind::Csv => {
                let csv = ContactsCsvReader::new(reader).map_err(|bad| refuse(&name, &bad))?;
                let kind = csv.kind();
                for record in csv {
                    let contact = record_or_report(record, &name, plan)?;
                    if let Some(contact) = contact {
                        merge(plan, &contact, Some(kind));
                    }
                }
            }
            _ => {
                for record in VcardReader::new(reader) {
                    if let Some(contact) = record_or_report(record, &name, plan)? {
                        merge(plan, &contact, None);
                    }
                }
            }
        }
    }
    Ok(())
}

/// A contact, or its bad record reported (the whole import refused when the file ends
/// where it should not).
fn record_or_report(
    record: Result<Contact, BadRecord>,
    name: &str,
    plan: &mut Plan,
) -> Result<Option<Contact>, Exit> {
    match record {
        Ok(contact) => {
            for warning in &contact.warnings {
                plan.bad.push(format!("{name}:{warning}"));
            }
            Ok(Some(contact))
        }
        Err(bad) => {
            report(bad, name, plan)?;
            Ok(None)
        }
    }
}

fn import_history(session: &Session, args: &Args, plan: &mut Plan) -> Result<(), Exit> {
    let me: HashSet<String> = session
        .settings
        .me_emails
        .iter()
        .map(|e| email_key(e))
        .collect();
    if me.is_empty() {
        return Err(Exit::usage(
            "a calendar or mail import needs your own addresses, to tell your meetings and \
             messages from others' and never to log you as a contact: add them to vault.yaml, \
             `me: {emails: [you@example.com, you@work.example]}`",
        ));
    }
    let rules = Rules {
        me,
        today: session.today,
        max_attendees: args.max_attendees,
        notes: &session.vault.notes,
    };
    let people = People::new(&session.vault.notes);
    let mut mail = Mail::new(&session.vault.notes);
    for file in &args.files {
        let name = visible(&file.display().to_string()).into_owned();
        if args.kind == ImportKind::Mail && file.is_dir() {
            let maildir = read_maildir(file).map_err(|e| Exit::failure(format!("{name}: {e}")))?;
            for record in maildir {
                match record {
                    Ok(message) => mail.add(&message, &rules, &people, plan),
                    Err(bad) => report(bad, &name, plan)?,
                }
            }
            continue;
        }
        let progress = Progress::new(file, &name);
        let reader = progress.wrap(open(file, &name)?);
        if args.kind == ImportKind::Mail {
            for record in read_mbox(reader) {
                match record {
                    Ok(message) => mail.add(&message, &rules, &people, plan),
                    Err(bad) => report(bad, &name, plan)?,
                }
            }
        } else {
            let mut calendar = Calendar::default();
            for record in read_calendar(reader) {
                match record {
                    Ok(event) => calendar.add(event, &rules, &people, plan),
                    Err(bad) => report(bad, &name, plan)?,
                }
            }
            calendar.finish(&rules, &people, plan);
        }
    }
    Ok(())
}

/// Opens `file` for reading, refusing a binary one.
fn open(file: &Path, name: &str) -> Result<File, Exit> {
    let open = || {
        File::open(file)
            .map_err(|e| Exit::failure(format!("{name}: cannot read: {e}; nothing was imported")))
    };
    check_not_binary(&mut open()?, name)
        .map_err(|bad| Exit::failure(format!("{bad}; nothing was imported")))?;
    open()
}

/// Reports a bad record of `name` into `plan`; one that ends the file refuses the import.
fn report(bad: BadRecord, name: &str, plan: &mut Plan) -> Result<(), Exit> {
    if bad.fatal {
        return Err(refuse(name, &bad));
    }
    match &bad.path {
        Some(_) => plan.bad.push(bad.to_string()),
        None => plan.bad.push(format!("{name}:{bad}")),
    }
    Ok(())
}

/// The import refused for `bad`: nothing is written.
fn refuse(name: &str, bad: &BadRecord) -> Exit {
    let file = bad
        .path
        .as_ref()
        .map_or_else(|| name.to_owned(), |p| p.display().to_string());
    let bad = BadFile {
        file,
        line: bad.line,
        message: bad.message.clone(),
    };
    Exit::failure(format!("{bad}; nothing was imported"))
}
