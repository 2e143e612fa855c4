//! Follow-ups you promised: open tasks in a person's note, in any note linking them, in a
//! meeting note they are one of the people of, and the `next_action` and `next_follow_up`
//! properties of their note; but not the reminders plugins write about them.

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use vault_notes::{DateSource, Note, Task, is_people_property, wikilinks};

use crate::links::Links;
use crate::shared::{Exposure, Privacy};

/// An open task concerning a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUp {
    /// The person's display name.
    pub person: String,
    /// The person's note.
    pub person_path: String,
    /// Whether the person is private (the task text stays out of shared outputs).
    pub private: bool,
    /// The task text.
    pub text: String,
    /// Due date, when given.
    pub due: Option<NaiveDate>,
    /// Whether the due date is before today.
    pub overdue: bool,
    /// Days until due (negative when overdue).
    pub days_until_due: Option<i64>,
    /// The note holding the task.
    pub path: String,
    /// Its line.
    pub line: u32,
    /// The property it was read from (`next_action`, `next_follow_up`); none for a task
    /// line.
    pub property: Option<&'static str>,
    /// What a shared output may show of it (see [`crate::shared`]).
    pub exposure: Exposure,
}

/// A follow-up as found: small and copyable, pointing into the notes. The sort and the
/// merging of promises work on these; only the kept ones become a [`FollowUp`] (a large
/// vault has tens of thousands, a meeting's task one per person of the meeting).
#[derive(Debug, Clone, Copy)]
struct Promise {
    /// The note holding the task.
    note: usize,
    /// The task, in that note's `tasks`.
    task: usize,
    /// The person's note.
    person: usize,
}

impl Promise {
    fn task<'n>(&self, notes: &'n [Note]) -> Option<&'n Task> {
        notes.get(self.note).and_then(|n| n.tasks.get(self.task))
    }

    fn person_name<'n>(&self, notes: &'n [Note]) -> &'n str {
        notes
            .get(self.person)
            .and_then(|n| n.person.as_deref())
            .map_or("", |p| p.name.as_str())
    }
}

/// Every open follow-up: overdue first, then by due date, undated last, then by person.
pub(crate) fn follow_ups(
    notes: &[Note],
    links: &Links<'_>,
    privacy: &Privacy<'_>,
    today: NaiveDate,
) -> Vec<FollowUp> {
    let mut promises: Vec<Promise> = notes
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, note)| promises_in(notes, links, i, note))
        .collect();
    let key = |p: &Promise| {
        let task = p.task(notes);
        let (due, line) = (task.and_then(|t| t.due), task.map_or(0, |t| t.line));
        (
            due.is_none_or(|d| d >= today),
            due.is_none(),
            due,
            p.person_name(notes),
            notes.get(p.note).map_or("", |n| n.path.as_str()),
            line,
        )
    };
    promises.par_sort_by(|a, b| key(a).cmp(&key(b)));
    one_per_promise(notes, &mut promises);
    promises
        .par_iter()
        .filter_map(|p| follow_up(notes, privacy, p, today))
        .collect()
}

/// The follow-up a promise stands for.
fn follow_up(
    notes: &[Note],
    privacy: &Privacy<'_>,
    promise: &Promise,
    today: NaiveDate,
) -> Option<FollowUp> {
    let task = promise.task(notes)?;
    let note = notes.get(promise.note)?;
    let person_note = notes.get(promise.person)?;
    let person = person_note.person.as_deref()?;
    Some(FollowUp {
        person: person.name.clone(),
        person_path: person_note.path.clone(),
        private: person.private,
        text: task.text.clone(),
        due: task.due,
        overdue: task.due.is_some_and(|d| d < today),
        days_until_due: task.due.map(|d| (d - today).num_days()),
        path: note.path.clone(),
        line: task.line,
        property: task.property,
        exposure: privacy.of_task(promise.note, task),
    })
}

/// One follow-up per promise: the same task for the same person and due date, written in
/// several notes (a CRM plugin writes its next action in the person's note, the meeting
/// note and a task list; tags differ), is one, kept where the person's note has it.
/// In place, through a hash of each promise.
fn one_per_promise(notes: &[Note], promises: &mut Vec<Promise>) {
    use std::collections::hash_map::Entry;
    use std::hash::{Hash, Hasher};
    let words = |p: &Promise| promise_words(p.task(notes).map_or("", |t| t.text.as_str()));
    let due = |p: &Promise| p.task(notes).and_then(|t| t.due);
    let hash = |p: &Promise| {
        let mut hasher = rustc_hash::FxHasher::default();
        (p.person, due(p)).hash(&mut hasher);
        for word in words(p) {
            word.hash(&mut hasher);
        }
        hasher.finish()
    };
    let same = |a: &Promise, b: &Promise| {
        a.person == b.person && due(a) == due(b) && words(a).eq(words(b))
    };
    let in_own_note = |p: &Promise| p.note == p.person;
    let mut first: rustc_hash::FxHashMap<u64, usize> = rustc_hash::FxHashMap::default();
    let mut keep = vec![true; promises.len()];
    for (i, promise) in promises.iter().enumerate() {
        match first.entry(hash(promise)) {
            Entry::Vacant(entry) => {
                entry.insert(i);
            }
            // Another promise with the same hash stays.
            Entry::Occupied(entry) if !same(promise, &promises[*entry.get()]) => {}
            Entry::Occupied(mut entry) => {
                let kept = *entry.get();
                if in_own_note(promise) && !in_own_note(&promises[kept]) {
                    keep[kept] = false;
                    entry.insert(i);
                } else {
                    keep[i] = false;
                }
            }
        }
    }
    let mut keep = keep.into_iter();
    promises.retain(|_| keep.next().unwrap_or(true));
}

/// A task's words without tags, links shown by their label, in lower case.
fn promise_words(text: &str) -> impl Iterator<Item = String> {
    vault_notes::unlink(text)
        .split_whitespace()
        .filter(|word| !word.starts_with('#'))
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .into_iter()
}

/// The promises in note `i`: its open tasks (and a person's follow-up properties), for
/// its person, the people of a meeting note and the people each task links.
fn promises_in(notes: &[Note], links: &Links<'_>, i: usize, note: &Note) -> Vec<Promise> {
    let mut out = Vec::new();
    if note.tasks.is_empty() {
        return out;
    }
    let resolver = links.resolver();
    let is_person = |t: &usize| notes.get(*t).is_some_and(|n| n.person.is_some());
    let mut of_note: Vec<usize> = Vec::new();
    if note.person.is_some() {
        of_note.push(i);
    }
    if matches!(note.date, Some((_, DateSource::Property))) {
        for (item, _) in note
            .links
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.embed && l.property.as_deref().is_some_and(is_people_property))
        {
            if let Some(t) = links.target(i, item).filter(is_person)
                && !of_note.contains(&t)
            {
                of_note.push(t);
            }
        }
    }
    for (task_index, task) in note.tasks.iter().enumerate() {
        if is_reminder(task) {
            continue;
        }
        let mut people = of_note.clone();
        for target in &task.links {
            if let Some(t) = resolver.resolve(target).filter(is_person)
                && !people.contains(&t)
            {
                people.push(t);
            }
        }
        out.extend(people.into_iter().map(|person| Promise {
            note: i,
            task: task_index,
            person,
        }));
    }
    out
}

/// Words a reminder plugin writes about a person's standing (`[[Sam]] — overdue 6d`), not
/// about anything to do.
const STATUS_WORDS: &[&str] = &[
    "overdue",
    "due",
    "hibernating",
    "snoozed",
    "paused",
    "ok",
    "no",
];

/// Words that go with a status in a reminder (`no contact for 40 days`, `due in 3d`).
const STATUS_FILLER: &[&str] = &[
    "soon",
    "contact",
    "last",
    "since",
    "ago",
    "late",
    "today",
    "tomorrow",
    "yesterday",
    "in",
    "by",
    "for",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
];

/// Whether a task says nothing but a link and a status, as reminder plugins write them
/// (`- [ ] [[Sam]] — overdue 6d`, `- [ ] [[Sam]] (due soon)`): a reminder, not a promise.
/// A task that says what to do (`Reach out to [[Sam]]`) is a follow-up.
fn is_reminder(task: &Task) -> bool {
    if task.property.is_some() || task.links.is_empty() {
        return false;
    }
    let mut rest = String::with_capacity(task.text.len());
    let mut from = 0;
    for link in wikilinks(&task.text) {
        rest.push_str(task.text.get(from..link.start).unwrap_or(""));
        from = task.text[link.start..]
            .find("]]")
            .map_or(task.text.len(), |end| link.start + end + 2);
    }
    rest.push_str(task.text.get(from..).unwrap_or(""));
    let mut said_status = false;
    for word in rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        // `6d`, `2w`, `3mo`, `14`: a span of time.
        let digits = lower.bytes().take_while(u8::is_ascii_digit).count();
        let span = digits > 0 && matches!(&lower[digits..], "" | "d" | "w" | "m" | "mo" | "y");
        if STATUS_WORDS.contains(&lower.as_str()) {
            said_status = true;
        } else if !span && !STATUS_FILLER.contains(&lower.as_str()) {
            return false;
        }
    }
    said_status
}

#[cfg(test)]
mod tests {
    use super::*;
    use vault_notes::{ReadOptions, Resolver, parse_note};

    /// The follow-ups of the notes `files` (path, text) on 2026-11-23.
    fn follow_ups_of(files: &[(&str, &str)]) -> Vec<FollowUp> {
        let notes: Vec<Note> = files
            .iter()
            .map(|(p, t)| parse_note(p, t.as_bytes(), &ReadOptions::default()).note)
            .collect();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let resolver = Resolver::new(&notes);
        let links = crate::links::Links::new(&notes, &resolver);
        follow_ups(&notes, &links, &Privacy::new(&notes, &links), today)
    }

    #[test]
    fn tasks_in_person_notes_and_linking_notes() {
        let list = follow_ups_of(&[
            (
                "Daily/2026-11-20.md",
                "- [ ] send [[Ann]] the deck 📅 2026-11-27\n- [ ] unrelated\n",
            ),
            (
                "People/Ann.md",
                "- [ ] intro to Bo 📅 2026-11-20\n- [ ] someday\n- [x] done\n",
            ),
        ]);
        let got: Vec<_> = list
            .iter()
            .map(|f| (f.text.as_str(), f.overdue, f.path.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("intro to Bo", true, "People/Ann.md"),
                ("send [[Ann]] the deck", false, "Daily/2026-11-20.md"),
                ("someday", false, "People/Ann.md"),
            ]
        );
    }

    fn texts(files: &[(&str, &str)]) -> Vec<(String, String)> {
        let notes: Vec<Note> = files
            .iter()
            .map(|(p, t)| parse_note(p, t.as_bytes(), &ReadOptions::default()).note)
            .collect();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let resolver = Resolver::new(&notes);
        let links = crate::links::Links::new(&notes, &resolver);
        let mut list: Vec<_> = follow_ups(&notes, &links, &Privacy::new(&notes, &links), today)
            .into_iter()
            .map(|f| (f.person, f.text))
            .collect();
        list.sort();
        list
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn a_meeting_notes_tasks_are_its_peoples() {
        let got = texts(&[
            (
                "Meetings/Sync.md",
                "---\ndate: 2026-11-20\nattendees: [\"[[Ann]]\", \"[[Bo]]\", \"![[Cy]]\"]\nproject: \"[[Dee]]\"\n---\nWith [[Eve]].\n- [ ] send the notes\n- [ ] ask [[Cy]]\n",
            ),
            (
                "Notes/Undated.md",
                "---\nattendees: [\"[[Ann]]\"]\n---\n- [ ] not hers\n",
            ),
            ("People/Ann.md", ""),
            ("People/Bo.md", ""),
            ("People/Cy.md", ""),
            ("People/Dee.md", ""),
            ("People/Eve.md", ""),
        ]);
        assert_eq!(
            got,
            pairs(&[
                ("Ann", "ask [[Cy]]"),
                ("Ann", "send the notes"),
                ("Bo", "ask [[Cy]]"),
                ("Bo", "send the notes"),
                ("Cy", "ask [[Cy]]"),
            ])
        );
    }

    #[test]
    fn next_action_and_next_follow_up_are_follow_ups() {
        let list = follow_ups_of(&[(
            "People/Ann.md",
            "---\nnext_action: send the deck\nnext_action_date: 2026-11-20\nnext_follow_up: 2026-12-01\n---\n",
        )]);
        let got: Vec<_> = list
            .iter()
            .map(|f| (f.text.as_str(), f.overdue, f.line, f.property))
            .collect();
        assert_eq!(
            got,
            vec![
                ("send the deck", true, 2, Some("next_action")),
                ("follow up", false, 4, Some("next_follow_up")),
            ]
        );
    }

    #[test]
    fn reminders_are_not_promises() {
        let got = texts(&[
            (
                "Reminders.md",
                "- [ ] [[Sam]] — overdue 6d\n- [ ] [[Sam]] (due soon)\n- [ ] [[Sam]]: no contact for 40 days\n- [ ] Reach out to [[Sam]]\n- [ ] [[Sam]] birthday gift\n- [ ] [[Sam]]\n",
            ),
            ("People/Sam.md", "- [ ] [[Sam]] overdue 3w\n"),
        ]);
        assert_eq!(
            got,
            pairs(&[
                ("Sam", "Reach out to [[Sam]]"),
                ("Sam", "[[Sam]]"),
                ("Sam", "[[Sam]] birthday gift"),
            ])
        );
    }

    #[test]
    fn one_promise_written_in_several_notes_is_one_follow_up() {
        let list = follow_ups_of(&[
            (
                "CRM/Interactions/Call.md",
                "---\ndate: 2026-10-02\npeople: [\"[[Ana]]\"]\n---\n- [ ] send proposal #crm/follow-up 📅 2026-11-30\n",
            ),
            (
                "People/Ana.md",
                "- [ ] Send  proposal 📅 2026-11-30\n- [ ] send proposal\n",
            ),
        ]);
        let got: Vec<_> = list
            .iter()
            .map(|f| (f.path.as_str(), f.due.is_some()))
            .collect();
        // The dated one is kept from the person's own note; the undated one is another.
        assert_eq!(got, [("People/Ana.md", true), ("People/Ana.md", false)]);
    }
}
