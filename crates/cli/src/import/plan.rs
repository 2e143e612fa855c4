//! What an import will do, decided before anything is written: people to create, the
//! properties existing people lack, log lines to add, and what is reported instead
//! (conflicting values, records that match several people, records skipped and why).
//!
//! Writing goes through the one write path ([`crate::write::edit_note`]), one guarded
//! atomic write per note. Each intent is checked again against the note as it is under
//! the lock, so a note an editor changed meanwhile gets only what it still lacks, and a
//! second run of the same import finds nothing to do.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use rayon::prelude::*;
use vault_notes::{LogLine, Note, Property};

use crate::exit::Exit;
use crate::output::visible;
use crate::session::Session;
use crate::write::{Outcome, Proposal, edit_note};

/// The most log lines one import adds to one note: a calendar of a million meetings with
/// one person must not make a note of a million lines in one run (each line is still
/// placed by date in the note's log, and a note whose log the placing in one pass cannot
/// vouch for gets its lines one by one, in time that grows with the square of their
/// number).
pub const MAX_NEW_LINES: usize = 2000;

/// How many notes a dry run edits at once (on all cores) before it prints their diffs.
const PARALLEL_NOTES: usize = 256;

/// A property an import sets when the note lacks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetProperty {
    /// Which property.
    pub property: Property,
    /// Its value, as YAML to write.
    pub yaml: String,
}

/// A log line: its date and the text after it (`meeting: Q3 planning`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NewLogLine {
    /// The date it starts with.
    pub date: NaiveDate,
    /// The kind (`meeting`, `email`).
    pub kind: &'static str,
    /// What it was (one line, may be empty).
    pub summary: String,
}

impl NewLogLine {
    /// The text after the date, as the note will hold it.
    fn rest(&self) -> String {
        if self.summary.is_empty() {
            self.kind.to_owned()
        } else {
            format!("{}: {}", self.kind, self.summary)
        }
    }

    /// What tells it apart from other lines.
    fn seen(&self) -> Seen {
        (self.date, self.kind.to_owned(), self.summary.clone())
    }
}

/// What tells log lines apart: their date, kind and summary.
type Seen = (NaiveDate, String, String);

/// The lines of `log`, told apart (a line without a kind is none an import adds).
fn seen(log: &[LogLine]) -> HashSet<Seen> {
    log.iter()
        .filter_map(|l| Some((l.date, l.kind.clone()?, l.summary.trim().to_owned())))
        .collect()
}

/// What happens to one existing note.
#[derive(Debug, Default, Clone)]
pub struct Change {
    /// Properties it lacks.
    pub properties: Vec<SetProperty>,
    /// Log lines it lacks, in the order they were found.
    pub log: Vec<NewLogLine>,
    /// The lines the note has or gains, once a line was offered ([`Plan::log`]).
    seen: Option<HashSet<Seen>>,
}

/// A person the import creates.
#[derive(Debug, Clone)]
pub struct NewPerson {
    /// Display name, also the file name.
    pub name: String,
    /// Where the note goes, vault-relative.
    pub path: String,
    /// The properties of the template (`relationship`, `company`, `email`).
    pub relationship: Option<String>,
    /// Their company.
    pub company: Option<String>,
    /// Their first e-mail.
    pub email: Option<String>,
    /// The other properties.
    pub properties: Vec<SetProperty>,
    /// A paragraph for the body (a contact's note), when there is one.
    pub body: Option<String>,
}

/// The import, decided.
#[derive(Debug, Default)]
pub struct Plan {
    /// People to create.
    pub new: Vec<NewPerson>,
    /// Changes to existing notes, by note.
    pub changes: BTreeMap<usize, Change>,
    /// Messages about values not written (a conflicting value, a record matching several
    /// people), each `FILE:line: …`.
    pub reports: Vec<String>,
    /// Records skipped, by reason.
    pub skipped: BTreeMap<String, usize>,
    /// Records read.
    pub read: usize,
    /// Bad records reported (`FILE:line:col: …`).
    pub bad: Vec<String>,
}

impl Plan {
    /// Counts a record skipped for `reason`.
    pub fn skip(&mut self, reason: impl Into<String>) {
        *self.skipped.entry(reason.into()).or_default() += 1;
    }

    /// Adds a log line to `note` unless it has it or the plan adds it already; whether
    /// it was added. A note gains at most [`MAX_NEW_LINES`] lines in one import; the rest
    /// are counted, and the next run adds them.
    pub fn log(&mut self, notes: &[Note], note: usize, line: NewLogLine) -> bool {
        let change = self.changes.entry(note).or_default();
        let seen = change
            .seen
            .get_or_insert_with(|| notes.get(note).map_or_else(HashSet::new, |n| seen(&n.log)));
        if !seen.insert(line.seen()) {
            return false;
        }
        if change.log.len() >= MAX_NEW_LINES {
            self.skip(format!(
                "beyond {MAX_NEW_LINES} new lines for one person (import again to add them)"
            ));
            return true;
        }
        change.log.push(line);
        true
    }

    /// Whether nothing would be written.
    pub fn is_empty(&self) -> bool {
        self.new.is_empty()
            && self
                .changes
                .values()
                .all(|c| c.properties.is_empty() && c.log.is_empty())
    }

    /// The one-line summary: what was read, what is written, what was skipped.
    pub fn summary(&self, what: &str, dry_run: bool) -> String {
        let count = |f: fn(&Change) -> usize| {
            let n: usize = self.changes.values().map(f).sum();
            let people = self.changes.values().filter(|c| f(c) > 0).count();
            (n, people)
        };
        let (properties, with_properties) = count(|c| c.properties.len());
        let (lines, with_lines) = count(|c| c.log.len());
        let mut added = Vec::new();
        if !self.new.is_empty() {
            added.push(format!(
                "{} new {}",
                self.new.len(),
                plural(self.new.len(), "person", "people")
            ));
        }
        if properties > 0 {
            added.push(format!(
                "{properties} {} to {with_properties} {}",
                plural(properties, "property", "properties"),
                plural(with_properties, "person", "people")
            ));
        }
        if lines > 0 {
            added.push(format!(
                "{lines} log {} to {with_lines} {}",
                plural(lines, "line", "lines"),
                plural(with_lines, "person", "people")
            ));
        }
        let written = match (added.is_empty(), dry_run) {
            (true, _) => "nothing new".to_owned(),
            (false, true) => format!("would add {}", added.join(", ")),
            (false, false) => format!("added {}", added.join(", ")),
        };
        let read = if self.read == 1 {
            what.trim_end_matches('s')
        } else {
            what
        };
        let mut parts = vec![format!("{} {read} read; {written}", self.read)];
        if !self.reports.is_empty() {
            parts.push(format!("{} not written (above)", self.reports.len()));
        }
        if !self.skipped.is_empty() {
            let skipped: Vec<String> = self
                .skipped
                .iter()
                .map(|(why, n)| format!("{n} {why}"))
                .collect();
            parts.push(format!("skipped {}", skipped.join(", ")));
        }
        if !self.bad.is_empty() {
            parts.push(format!(
                "{} bad {} (above)",
                self.bad.len(),
                plural(self.bad.len(), "record", "records")
            ));
        }
        parts.join("; ")
    }

    /// Writes the plan (or, with `dry_run`, prints its diff), note by note; then the
    /// summary. A note that cannot be written is reported and the rest go on; the run
    /// then fails (exit 1).
    pub fn apply(&self, session: &Session, what: &str, dry_run: bool) -> Result<(), Exit> {
        let mut failed = 0;
        let mut report = |result: Result<Outcome, Exit>| match result {
            Ok(Outcome::Unchanged(_)) => Ok(()),
            Ok(outcome) => outcome.print(),
            Err(e) => {
                failed += 1;
                eprintln!("vault: {}", visible(&e.to_string()));
                Ok(())
            }
        };
        for person in &self.new {
            report(self.create(session, person, dry_run))?;
        }
        let changes: Vec<(&Note, &Change)> = self
            .changes
            .iter()
            .filter(|(_, change)| !change.properties.is_empty() || !change.log.is_empty())
            .filter_map(|(&note, change)| Some((session.vault.notes.get(note)?, change)))
            .collect();
        // A dry run only reads: its notes are edited on every core, and reported in order.
        // Writes stay one at a time: they hold their folder's lock (against other `vault`
        // commands) and wait on the disk, so in parallel they would only queue for the lock.
        for chunk in changes.chunks(PARALLEL_NOTES) {
            let edit = |&(note, change): &(&Note, &Change)| update(session, note, change, dry_run);
            let outcomes: Vec<Result<Outcome, Exit>> = if dry_run {
                chunk.par_iter().map(edit).collect()
            } else {
                chunk.iter().map(edit).collect()
            };
            for outcome in outcomes {
                report(outcome)?;
            }
        }
        eprintln!("vault import {what}: {}", self.summary(what, dry_run));
        if failed > 0 {
            return Err(Exit::failure(format!(
                "{failed} {} could not be written (above)",
                plural(failed, "note", "notes")
            )));
        }
        Ok(())
    }

    fn create(
        &self,
        session: &Session,
        person: &NewPerson,
        dry_run: bool,
    ) -> Result<Outcome, Exit> {
        // In a Logseq graph the page's place and file name follow the graph's people
        // (`pages/people___NAME.md`), which the contact's folder alone does not say.
        let path = match &session.settings.read.logseq {
            Some(_) => session.new_person_path(&person.name),
            None => person.path.clone(),
        };
        let mut text = crate::person_note::person_note_text(
            session,
            &person.name,
            person.relationship.as_deref(),
            None,
            person.company.as_deref(),
            person.email.as_deref(),
            person.body.as_deref(),
        )?
        .into_bytes();
        for set in &person.properties {
            text = session
                .set_property(&text, &keys(set.property), &set.yaml)
                .map_err(|e| Exit::failure(format!("{path}: {e}")))?;
        }
        let write = session.create(&path, dry_run);
        let name = person.name.clone();
        edit_note(&write, |_| {
            Ok(Proposal {
                after: text,
                fact: "a person note".into(),
                holds: |note: &Note| note.person.is_some(),
                summary: format!("Added {name} in {path}"),
            })
        })
    }
}

/// Applies `change` to `note`, skipping what the note holds by now.
fn update(session: &Session, note: &Note, change: &Change, dry_run: bool) -> Result<Outcome, Exit> {
    let path = note.path.as_str();
    let name = note.display_name().to_owned();
    let write = session.edit(path, dry_run);
    edit_note(&write, |before| {
        let now = before.note.as_ref();
        let mut bytes = before.bytes.to_vec();
        let mut set = Vec::new();
        for p in &change.properties {
            let has = now
                .and_then(|n| n.person.as_ref())
                .is_some_and(|person| person.has(p.property));
            if has {
                continue;
            }
            bytes = session
                .set_property(&bytes, &keys(p.property), &p.yaml)
                .map_err(|e| Exit::failure(format!("{path}: {e}")))?;
            set.push(p.property.canonical_key());
        }
        let log = now.map_or(&[][..], |n| n.log.as_slice());
        let has = seen(log);
        let texts: Vec<(NaiveDate, String)> = change
            .log
            .iter()
            .filter(|l| !has.contains(&l.seen()))
            .map(|l| (l.date, l.rest()))
            .collect();
        let lines: Vec<(NaiveDate, &str)> = texts.iter().map(|(d, t)| (*d, t.as_str())).collect();
        if !lines.is_empty() {
            bytes = session
                .add_log_lines(&bytes, &lines)
                .map_err(|e| Exit::failure(format!("{path}: {e}")))?;
        }
        let added = lines.len();
        let had = log.len();
        let mut what = Vec::new();
        if !set.is_empty() {
            what.push(set.join(", "));
        }
        if added > 0 {
            what.push(format!("{added} log {}", plural(added, "line", "lines")));
        }
        Ok(Proposal {
            after: bytes,
            fact: format!("{added} more log lines"),
            holds: move |after: &Note| after.person.is_some() && after.log.len() == had + added,
            summary: format!("Updated {name} in {path}: {}", what.join(" and ")),
        })
    })
}

/// The keys a property may be written under, canonical first.
fn keys(property: Property) -> Vec<&'static str> {
    property.keys().collect()
}

/// `n` with the word for one or for several.
pub fn plural(n: usize, one: &'static str, several: &'static str) -> &'static str {
    if n == 1 { one } else { several }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vault_notes::{ReadOptions, parse_note};

    #[test]
    fn a_note_gains_a_bounded_number_of_lines_per_import() {
        let notes = vec![
            parse_note(
                "People/Ann.md",
                b"- 2026-01-01 call\n",
                &ReadOptions::default(),
            )
            .note,
        ];
        let mut plan = Plan::default();
        let day = |i: u64| {
            NaiveDate::from_ymd_opt(2020, 1, 1)
                .and_then(|d| d.checked_add_days(chrono::Days::new(i)))
                .unwrap_or_default()
        };
        let line = |i: u64, summary: &str| NewLogLine {
            date: day(i),
            kind: "meeting",
            summary: summary.to_owned(),
        };
        for i in 0..=MAX_NEW_LINES as u64 {
            plan.log(&notes, 0, line(i, "sync"));
        }
        assert_eq!(plan.changes[&0].log.len(), MAX_NEW_LINES);
        assert_eq!(plan.skipped.values().sum::<usize>(), 1);
        // A line the note has, or the plan has, is not added again.
        let before = plan.changes[&0].log.len();
        assert!(!plan.log(&notes, 0, line(0, "sync")));
        let mut fresh = Plan::default();
        assert!(!fresh.log(
            &notes,
            0,
            NewLogLine {
                date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
                kind: "call",
                summary: String::new(),
            }
        ));
        assert_eq!(plan.changes[&0].log.len(), before);
    }
}
