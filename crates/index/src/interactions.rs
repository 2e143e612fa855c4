//! Gathering every dated contact with each person from all the sources a vault has.

use chrono::NaiveDate;
use serde::Serialize;
use vault_notes::{DateSource, Note, Resolver};

/// Where an interaction was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// A dated line in the person's own note.
    Log,
    /// A note with a `date` property (a meeting note) that links the person.
    Note,
    /// A daily note that links the person.
    Journal,
    /// The `last_contact` property.
    LastContact,
}

/// One dated contact with a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interaction {
    /// When.
    pub date: NaiveDate,
    /// Where it was recorded.
    pub source: Source,
    /// The note it was recorded in (vault-relative).
    pub path: String,
    /// The line in that note.
    pub line: u32,
    /// `coffee`, `call`… when the log line says.
    pub kind: Option<String>,
    /// What happened, as written.
    pub summary: String,
    /// Tagged `#gave`.
    pub gave: bool,
    /// Tagged `#got`.
    pub got: bool,
}

impl Interaction {
    /// The interaction with its summary as plain text: a daily-note mention is kept as the
    /// line was written and only made readable (links shown by label, list marks removed)
    /// for the few interactions that are shown.
    pub fn readable(&self) -> Interaction {
        let mut shown = self.clone();
        if shown.source == Source::Journal {
            shown.summary = vault_notes::plain_text(&shown.summary);
        }
        shown
    }
}

/// Every interaction of every person note, indexed like `notes`, each sorted by date
/// (oldest first). Non-person notes get an empty list.
///
/// Several records of one day are one contact: log lines each count (they were written as
/// separate entries); a note mentioning the person counts only on a day without a log line,
/// once per day (a meeting note before a daily note); `last_contact` only on a day with no
/// other record.
pub fn gather(notes: &[Note], resolver: &Resolver) -> Vec<Vec<Interaction>> {
    let mut by_person: Vec<Vec<Interaction>> = vec![Vec::new(); notes.len()];
    for (i, note) in notes.iter().enumerate() {
        let Some(person) = &note.person else {
            continue;
        };
        for log in &note.log {
            by_person[i].push(Interaction {
                date: log.date,
                source: Source::Log,
                path: note.path.clone(),
                line: log.line,
                kind: log.kind.clone(),
                summary: log.summary.clone(),
                gave: log.gave,
                got: log.got,
            });
        }
        if let Some(date) = person.last_contact {
            by_person[i].push(Interaction {
                date,
                source: Source::LastContact,
                path: note.path.clone(),
                line: 1,
                kind: None,
                summary: String::new(),
                gave: false,
                got: false,
            });
        }
    }
    for (i, note) in notes.iter().enumerate() {
        let Some((date, date_source)) = note.date else {
            continue;
        };
        if note.person.is_some() {
            continue;
        }
        let source = match date_source {
            DateSource::Journal => Source::Journal,
            DateSource::Property => Source::Note,
        };
        let mut seen: Vec<usize> = Vec::new();
        for link in note.links.iter().filter(|l| !l.in_task) {
            let Some(target) = resolver.resolve(&link.target) else {
                continue;
            };
            if target == i || notes[target].person.is_none() || seen.contains(&target) {
                continue;
            }
            seen.push(target);
            let summary = match (&link.context, source) {
                (Some(context), Source::Journal) => context.clone(),
                _ => note.stem.clone(),
            };
            by_person[target].push(Interaction {
                date,
                source,
                path: note.path.clone(),
                line: link.line,
                kind: None,
                summary,
                gave: false,
                got: false,
            });
        }
    }
    for list in &mut by_person {
        if !list.is_empty() {
            *list = one_contact_per_day(std::mem::take(list));
        }
    }
    by_person
}

fn one_contact_per_day(mut list: Vec<Interaction>) -> Vec<Interaction> {
    list.sort_by(|a, b| {
        (a.date, a.source, &a.path, a.line).cmp(&(b.date, b.source, &b.path, b.line))
    });
    let mut out: Vec<Interaction> = Vec::with_capacity(list.len());
    for interaction in list {
        let same_day_recorded = out.last().is_some_and(|last| last.date == interaction.date);
        if interaction.source == Source::Log || !same_day_recorded {
            out.push(interaction);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use vault_notes::{ReadOptions, parse_note};

    fn notes(files: &[(&str, &str)]) -> Vec<Note> {
        files
            .iter()
            .map(|(p, t)| parse_note(p, t.as_bytes(), &ReadOptions::default()).note)
            .collect()
    }

    fn summary(list: &[Interaction]) -> Vec<(String, Source)> {
        list.iter()
            .map(|i| (i.date.to_string(), i.source))
            .collect()
    }

    #[test]
    fn combines_every_source() {
        let notes = notes(&[
            (
                "Daily/2026-10-05.md",
                "Lunch with [[Sharon Lee]], and again [[Shaz|her]].\n- [ ] email [[Sharon Lee]]\n",
            ),
            (
                "Meetings/Sync.md",
                "---\ndate: 2026-10-07\npeople: [\"[[Sharon Lee]]\"]\n---\n",
            ),
            ("Notes/Undated.md", "[[Sharon Lee]]"),
            (
                "People/Sharon Lee.md",
                "---\naliases: [Shaz]\nlast_contact: 2026-10-09\n---\n- 2026-10-01 coffee: hiring #got\n- 2026-10-01 call: follow-up\n",
            ),
        ]);
        let resolver = Resolver::new(&notes);
        let all = gather(&notes, &resolver);
        assert!(all[0].is_empty());
        assert_eq!(
            summary(&all[3]),
            vec![
                ("2026-10-01".into(), Source::Log),
                ("2026-10-01".into(), Source::Log),
                ("2026-10-05".into(), Source::Journal),
                ("2026-10-07".into(), Source::Note),
                ("2026-10-09".into(), Source::LastContact),
            ]
        );
        assert_eq!(all[3][0].kind.as_deref(), Some("coffee"));
        assert!(all[3][0].got);
        assert_eq!(
            all[3][2].readable().summary,
            "Lunch with Sharon Lee, and again her."
        );
        assert_eq!(all[3][3].summary, "Sync");
    }

    #[test]
    fn same_day_mentions_are_one_contact() {
        let notes = notes(&[
            ("Daily/2026-10-07.md", "[[Ann]]"),
            ("Meetings/M.md", "---\ndate: 2026-10-07\n---\n[[Ann]]"),
            ("People/Ann.md", "---\nlast_contact: 2026-10-07\n---\n"),
        ]);
        let all = gather(&notes, &Resolver::new(&notes));
        assert_eq!(summary(&all[2]), vec![("2026-10-07".into(), Source::Note)]);
    }
}
