//! `vault import vcard|csv FILE…`: people in from the files phones, Google, iCloud,
//! Outlook and LinkedIn export. What is decided and why is in [`crate::import`].

use std::fs::File;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::cli::Cli;
use crate::exit::Exit;
use crate::import::contact::{BadRecord, Contact};
use crate::import::contacts::{self, Target};
use crate::import::csv::{ContactsCsvReader, CsvKind};
use crate::import::people::People;
use crate::import::plan::Plan;
use crate::import::progress::Progress;
use crate::import::vcard::VcardReader;
use crate::import::{BadFile, check_not_binary};
use crate::output::visible;
use crate::session::Session;

/// Arguments of `vault import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What the files are.
    #[arg(value_enum)]
    pub kind: ImportKind,
    /// The exported files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Show the changes as diffs and a summary, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// What can be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    /// Contacts as vCard (.vcf): Google Contacts, iCloud, Android, Outlook.
    Vcard,
    /// Contacts as CSV: LinkedIn's Connections.csv, Google Contacts, Outlook.
    Csv,
}

/// Runs `vault import`.
pub fn execute(cli: &Cli, args: &Args) -> Result<(), Exit> {
    let session = Session::open_to_add(cli.vault.as_deref(), cli.today)?;
    let notes = &session.vault.notes;
    let mut people = People::new(notes);
    let mut plan = Plan::default();
    let folder = session.new_people_folder();
    for file in &args.files {
        let name = visible(&file.display().to_string()).into_owned();
        read_contacts(
            args.kind,
            file,
            &name,
            &mut |plan, contact, kind| {
                let target = Target {
                    folder: &folder,
                    relationship: (kind == Some(CsvKind::LinkedIn)).then_some("connection"),
                };
                contacts::merge(plan, notes, &mut people, contact, &name, &target);
            },
            &mut plan,
        )
        .map_err(|bad| Exit::failure(format!("{bad}; nothing was imported")))?;
    }
    for line in &plan.bad {
        eprintln!("{line}");
    }
    for report in &plan.reports {
        eprintln!("{}", visible(report));
    }
    plan.apply(&session, "contacts", args.dry_run)
}

/// Reads the contacts of `file` into `each`, bad records into `plan`. A file that is not
/// one at all (binary, or cut off in the middle of a record) is an error, and the import
/// writes nothing.
fn read_contacts(
    kind: ImportKind,
    file: &Path,
    name: &str,
    each: &mut dyn FnMut(&mut Plan, &Contact, Option<CsvKind>),
    plan: &mut Plan,
) -> Result<(), BadFile> {
    let open = || {
        File::open(file).map_err(|e| BadFile {
            file: name.to_owned(),
            line: 0,
            message: format!("cannot read: {e}"),
        })
    };
    check_not_binary(&mut open()?, name)?;
    let progress = Progress::new(file, name);
    let reader = progress.wrap(open()?);
    match kind {
        ImportKind::Vcard => records(VcardReader::new(reader), name, None, each, plan),
        ImportKind::Csv => {
            let csv = ContactsCsvReader::new(reader).map_err(|bad| BadFile {
                file: name.to_owned(),
                line: bad.line,
                message: bad.message,
            })?;
            let kind = csv.kind();
            records(csv, name, Some(kind), each, plan)
        }
    }
}

fn records(
    reader: impl Iterator<Item = Result<Contact, BadRecord>>,
    name: &str,
    kind: Option<CsvKind>,
    each: &mut dyn FnMut(&mut Plan, &Contact, Option<CsvKind>),
    plan: &mut Plan,
) -> Result<(), BadFile> {
    for record in reader {
        match record {
            Ok(contact) => {
                for warning in &contact.warnings {
                    plan.bad.push(format!("{name}:{warning}"));
                }
                each(plan, &contact, kind);
            }
            Err(bad) if crate::import::ends_the_file(&bad) => {
                return Err(BadFile {
                    file: name.to_owned(),
                    line: bad.line,
                    message: bad.message,
                });
            }
            Err(bad) => plan.bad.push(format!(
                "{name}:{}:{}: {}",
                bad.line, bad.column, bad.message
            )),
        }
    }
    Ok(())
}
