//! Gathering every dated contact with each person from all the sources a vault has.

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use vault_notes::{DateSource, Note};

use crate::links::Links;
use crate::shared::{Exposure, Privacy};

/// Where an interaction was recorded.
// Serialized as `as_str` writes it: one spelling in every JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A dated line in the person's own note.
    Log,
    /// A note with a `date` property (a meeting note) that links the person.
    Note,
    /// A daily note that links the person.
    Journal,
    /// A done task (`- [x]`) in the person's note or linking them, on its done date
    /// (`✅ 2026-10-02`) or its note's date.
    Task,
    /// A link in the person's own note to a daily note (`a long talk on [[2026-09-24]]`).
    DailyLink,
    /// The `last_contact` property.
    LastContact,
}

impl Source {
    /// The word used in JSON (`daily_link`).
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Log => "log",
            Source::Note => "note",
            Source::Journal => "journal",
            Source::Task => "task",
            Source::DailyLink => "daily_link",
            Source::LastContact => "last_contact",
        }
    }
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
    /// What a shared output may show of it (see [`crate::shared`]).
    pub exposure: Exposure,
}

/// A contact as gathered: small and copyable, pointing into the notes. Only the few shown
/// become an owned [`Interaction`] (a 100,000-note vault has hundreds of thousands of these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    /// When.
    pub date: NaiveDate,
    /// Where it was recorded.
    pub source: Source,
    /// Index of the note it was recorded in.
    pub note: usize,
    /// Index of the log line (for [`Source::Log`]), of the link (for mentions), of the done
    /// task ([`Source::Task`]) or of the daily link ([`Source::DailyLink`]) in the note.
    pub item: usize,
    /// Tagged `#gave`.
    pub gave: bool,
    /// Tagged `#got`.
    pub got: bool,
}

impl Record {
    /// The interaction as shown: summaries are plain text (links shown by their label),
    /// with what a shared output may show of it.
    pub(crate) fn interaction(&self, notes: &[Note], privacy: &Privacy<'_>) -> Interaction {
        Interaction {
            exposure: self.exposure(notes, privacy),
            ..self.as_written(notes)
        }
    }

    /// The interaction as shown, its exposure left at [`Exposure::Full`]: for looking
    /// through many, then [`Record::exposure`] for the one kept.
    pub(crate) fn as_written(&self, notes: &[Note]) -> Interaction {
        let note = &notes[self.note];
        let (line, kind, summary) = match self.source {
            Source::Log => note
                .log
                .get(self.item)
                .map_or((1, None, String::new()), |log| {
                    (log.line, log.kind.clone(), log.summary.clone())
                }),
            Source::Journal | Source::Note => {
                let link = note.links.get(self.item);
                let summary = match (self.source, link.and_then(|l| l.context.as_deref())) {
                    (Source::Journal, Some(context)) => vault_notes::plain_text(context),
                    _ => note_title(note),
                };
                (link.map_or(1, |l| l.line), None, summary)
            }
            Source::Task => note
                .done()
                .get(self.item)
                .map_or((1, None, String::new()), |task| {
                    (task.line, None, one_line(&vault_notes::unlink(&task.text)))
                }),
            Source::DailyLink => note
                .daily_links()
                .get(self.item)
                .map_or((1, None, String::new()), |link| {
                    (link.line, None, vault_notes::plain_text(&link.context))
                }),
            Source::LastContact => (1, None, String::new()),
        };
        Interaction {
            date: self.date,
            source: self.source,
            path: note.path.clone(),
            line,
            kind,
            summary,
            gave: self.gave,
            got: self.got,
            exposure: Exposure::Full,
        }
    }

    /// What a shared output may show of this contact ([`crate::shared`]).
    pub(crate) fn exposure(&self, notes: &[Note], privacy: &Privacy<'_>) -> Exposure {
        let note = &notes[self.note];
        match self.source {
            Source::Log => note.log.get(self.item).map_or_else(
                || privacy.of_last_contact(self.note),
                |log| privacy.of_log(self.note, log),
            ),
            Source::Journal | Source::Note => {
                privacy.of_mention(self.note, note.links.get(self.item), self.source)
            }
            Source::Task => note.done().get(self.item).map_or_else(
                || privacy.of_last_contact(self.note),
                |task| privacy.of_task(self.note, task),
            ),
            Source::DailyLink => note.daily_links().get(self.item).map_or_else(
                || privacy.of_last_contact(self.note),
                |link| privacy.of_daily_link(self.note, link),
            ),
            Source::LastContact => privacy.of_last_contact(self.note),
        }
    }
}

/// What a dated note is about: its `summary` or `title` property as plain text, else its
/// file name.
pub(crate) fn note_title(note: &Note) -> String {
    note.summary().map_or_else(
        || note.stem().to_owned(),
        |s| one_line(&vault_notes::unlink(s)),
    )
}

/// `text` with its whitespace collapsed to single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every contact of every person note, indexed like `notes`, each sorted by date (oldest
/// first). Non-person notes get an empty list.
///
/// Several records of one day are one contact: log lines each count (they were written as
/// separate entries); a note mentioning the person, a done task or a link to the day's
/// daily note counts only on a day without a log line, once per day (a meeting note before
/// a daily note); `last_contact` only on a day with no other record.
pub fn gather(notes: &[Note], links: &Links<'_>) -> Vec<Vec<Record>> {
    let mut by_person: Vec<Vec<Record>> = vec![Vec::new(); notes.len()];
    for (i, note) in notes.iter().enumerate() {
        let Some(person) = &note.person else {
            continue;
        };
        for (item, log) in note.log.iter().enumerate() {
            by_person[i].push(Record {
                date: log.date,
                source: Source::Log,
                note: i,
                item,
                gave: log.gave,
                got: log.got,
            });
        }
        for (item, link) in note.daily_links().iter().enumerate() {
            by_person[i].push(Record {
                date: link.date,
                source: Source::DailyLink,
                note: i,
                item,
                gave: false,
                got: false,
            });
        }
        if let Some(date) = person.last_contact {
            by_person[i].push(Record {
                date,
                source: Source::LastContact,
                note: i,
                item: 0,
                gave: false,
                got: false,
            });
        }
    }
    // Mentions in dated notes and done tasks: resolved in parallel (most of a large vault's
    // links), then handed to each person in note order.
    let mentions: Vec<(usize, Record)> = notes
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, note)| {
            let mut found = mentions_in(notes, links, i, note);
            done_tasks_in(notes, links, i, note, &mut found);
            found
        })
        .collect();
    for (target, record) in mentions {
        by_person[target].push(record);
    }
    for list in &mut by_person {
        if !list.is_empty() {
            one_contact_per_day(list);
        }
    }
    by_person
}

/// Whether a mention in `note` counts for the person in `person`: not when they asked that
/// journal mentions not count (`ignore_journal: true`).
fn counts_for(note: &Note, person: &Note) -> bool {
    let journal = matches!(note.date, Some((_, DateSource::Journal)));
    person
        .person
        .as_ref()
        .is_some_and(|p| !(journal && p.ignore_journal))
}

/// The people a dated note mentions (once each), as records for them. Links on task lines
/// and embeds (`![[Person]]`) are not mentions.
fn mentions_in(notes: &[Note], links: &Links<'_>, i: usize, note: &Note) -> Vec<(usize, Record)> {
    let Some((date, date_source)) = note.date else {
        return Vec::new();
    };
    if note.person.is_some() {
        return Vec::new();
    }
    let source = match date_source {
        DateSource::Journal => Source::Journal,
        DateSource::Property => Source::Note,
    };
    let mut found: Vec<(usize, Record)> = Vec::new();
    for (item, _) in note
        .links
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.in_task && !l.embed)
    {
        let Some(target) = links.target(i, item) else {
            continue;
        };
        if target == i
            || !counts_for(note, &notes[target])
            || found.iter().any(|(t, _)| *t == target)
        {
            continue;
        }
        found.push((
            target,
            Record {
                date,
                source,
                note: i,
                item,
                gave: false,
                got: false,
            },
        ));
    }
    found
}

/// The contacts the done tasks of note `i` record: on the task's done date, else on the
/// note's date, with the person whose note it is and every person the task links.
fn done_tasks_in(
    notes: &[Note],
    links: &Links<'_>,
    i: usize,
    note: &Note,
    found: &mut Vec<(usize, Record)>,
) {
    for (item, task) in note.done().iter().enumerate() {
        let Some(date) = task.done_on.or(note.date.map(|(d, _)| d)) else {
            continue;
        };
        let own = note.person.is_some().then_some(i);
        let linked = task
            .links
            .iter()
            .filter_map(|target| links.resolver().resolve(target));
        let mut people: Vec<usize> = Vec::new();
        for p in own.into_iter().chain(linked) {
            if !people.contains(&p) && (p == i || counts_for(note, &notes[p])) {
                people.push(p);
            }
        }
        found.extend(people.into_iter().map(|p| {
            (
                p,
                Record {
                    date,
                    source: Source::Task,
                    note: i,
                    item,
                    gave: false,
                    got: false,
                },
            )
        }));
    }
}

fn one_contact_per_day(list: &mut Vec<Record>) {
    list.sort_by_key(|r| (r.date, r.source, r.note, r.item));
    let mut last_date = None;
    list.retain(|r| {
        let keep = r.source == Source::Log || last_date != Some(r.date);
        last_date = Some(r.date);
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_is_spelled_one_way_in_json() {
        for source in [
            Source::Log,
            Source::Note,
            Source::Journal,
            Source::Task,
            Source::DailyLink,
            Source::LastContact,
        ] {
            assert_eq!(
                serde_json::to_string(&source).ok(),
                Some(format!("\"{}\"", source.as_str()))
            );
        }
    }
    use vault_notes::{ReadOptions, Resolver, parse_note};

    fn notes(files: &[(&str, &str)]) -> Vec<Note> {
        files
            .iter()
            .map(|(p, t)| parse_note(p, t.as_bytes(), &ReadOptions::default()).note)
            .collect()
    }

    fn summary(list: &[Record]) -> Vec<(String, Source)> {
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
        let all = gather(&notes, &Links::new(&notes, &resolver));
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
        let links = Links::new(&notes, &resolver);
        let privacy = Privacy::new(&notes, &links);
        let shown: Vec<Interaction> = all[3]
            .iter()
            .map(|r| r.interaction(&notes, &privacy))
            .collect();
        assert_eq!(shown[0].kind.as_deref(), Some("coffee"));
        assert!(shown[0].got);
        assert_eq!(shown[2].summary, "Lunch with Sharon Lee, and again her.");
        assert_eq!(shown[3].summary, "Sync");
    }

    #[test]
    fn same_day_mentions_are_one_contact() {
        let notes = notes(&[
            ("Daily/2026-10-07.md", "[[Ann]]"),
            ("Meetings/M.md", "---\ndate: 2026-10-07\n---\n[[Ann]]"),
            ("People/Ann.md", "---\nlast_contact: 2026-10-07\n---\n"),
        ]);
        let resolver = Resolver::new(&notes);
        let all = gather(&notes, &Links::new(&notes, &resolver));
        assert_eq!(summary(&all[2]), vec![("2026-10-07".into(), Source::Note)]);
    }

    fn gathered(files: &[(&str, &str)]) -> (Vec<Note>, Vec<Vec<Record>>) {
        let notes = notes(files);
        let resolver = Resolver::new(&notes);
        let all = gather(&notes, &Links::new(&notes, &resolver));
        (notes, all)
    }

    fn shown(notes: &[Note], list: &[Record]) -> Vec<(String, Source, String)> {
        list.iter()
            .map(|r| {
                let i = r.as_written(notes);
                (i.date.to_string(), i.source, i.summary)
            })
            .collect()
    }

    #[test]
    fn links_to_daily_notes_in_the_persons_note_are_contact() {
        let (notes, all) = gathered(&[(
            "People/Ann.md",
            "A long talk on [[2026-09-24]].\n- 2026-10-02 call, see [[2026-10-02]]\nNotes of [[2026-10-02]] too.\n- [[Daily/2026-10-05|Monday]] coffee\nWe meet on [[2026-12-10]].\n",
        )]);
        assert_eq!(
            shown(&notes, &all[0]),
            vec![
                (
                    "2026-09-24".into(),
                    Source::DailyLink,
                    "A long talk on 2026-09-24.".into()
                ),
                // Its own date is the log line's: not a second contact.
                (
                    "2026-10-02".into(),
                    Source::Log,
                    "call, see 2026-10-02".into()
                ),
                (
                    "2026-10-05".into(),
                    Source::DailyLink,
                    "Monday coffee".into()
                ),
                // After today it is planned: the status splits it off by date.
                (
                    "2026-12-10".into(),
                    Source::DailyLink,
                    "We meet on 2026-12-10.".into()
                ),
            ]
        );
    }

    #[test]
    fn embeds_are_not_contact() {
        let (_, all) = gathered(&[
            ("Daily/2026-10-05.md", "![[Ann]]\n"),
            (
                "Meetings/M.md",
                "---\ndate: 2026-10-06\npeople: [\"![[Ann]]\"]\n---\n![[Ann#Work]]\n",
            ),
            ("People/Ann.md", ""),
        ]);
        assert!(all[2].is_empty(), "{:?}", all[2]);
    }

    #[test]
    fn done_tasks_are_contact_on_their_done_date() {
        let (notes, all) = gathered(&[
            (
                "Daily/2026-10-05.md",
                "- [x] call [[Ann]]\n- [x] send [[Bo]] the deck ✅ 2026-10-07\n- [ ] ask [[Ann]]\n",
            ),
            (
                "Projects/P.md",
                "- [x] intro [[Ann]] to [[Bo]] ✅ 2026-10-09\n- [x] undated [[Ann]]\n",
            ),
            (
                "People/Ann.md",
                "- [x] sent her the template ✅ 2026-10-11\n- [x] no date\n",
            ),
            ("People/Bo.md", ""),
        ]);
        assert_eq!(
            shown(&notes, &all[2]),
            vec![
                ("2026-10-05".into(), Source::Task, "call Ann".into()),
                ("2026-10-09".into(), Source::Task, "intro Ann to Bo".into()),
                (
                    "2026-10-11".into(),
                    Source::Task,
                    "sent her the template".into()
                ),
            ]
        );
        assert_eq!(
            summary(&all[3]),
            vec![
                ("2026-10-07".into(), Source::Task),
                ("2026-10-09".into(), Source::Task),
            ]
        );
    }

    #[test]
    fn ignore_journal_leaves_out_daily_notes_only() {
        let (_, all) = gathered(&[
            (
                "Daily/2026-10-05.md",
                "Lunch with [[Ann]]\n- [x] call [[Ann]]\n",
            ),
            (
                "Meetings/M.md",
                "---\ndate: 2026-10-06\npeople: [\"[[Ann]]\"]\n---\n",
            ),
            (
                "People/Ann.md",
                "---\nignore_journal: true\n---\n- 2026-10-01 coffee\n",
            ),
            ("People/Bo.md", ""),
            ("Daily/2026-10-08.md", "[[Bo]]\n"),
        ]);
        assert_eq!(
            summary(&all[2]),
            vec![
                ("2026-10-01".into(), Source::Log),
                ("2026-10-06".into(), Source::Note),
            ]
        );
        assert_eq!(
            summary(&all[3]),
            vec![("2026-10-08".into(), Source::Journal)]
        );
    }

    #[test]
    fn a_dated_note_says_its_summary_else_its_title() {
        let (notes, all) = gathered(&[
            (
                "Meetings/2026-10-06 Sync.md",
                "---\ndate: 2026-10-06\ncontacts: [[Ann]]\nsummary: The hiring plan with [[Bo|Bob]]\n---\n",
            ),
            (
                "Meetings/Offsite.md",
                "---\ndate: 2026-10-07\nattendees:\n  - [[Ann]]\ntitle: Team offsite\n---\n",
            ),
            (
                "Meetings/Bare.md",
                "---\ndate: 2026-10-08\nwith: [[Ann]]\n---\n",
            ),
            ("People/Ann.md", ""),
        ]);
        let summaries: Vec<_> = shown(&notes, &all[3])
            .into_iter()
            .map(|(_, _, s)| s)
            .collect();
        assert_eq!(
            summaries,
            vec!["The hiring plan with Bob", "Team offsite", "Bare"]
        );
    }
}
