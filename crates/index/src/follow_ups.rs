//! Follow-ups you promised: open tasks in a person's note or in any note linking them.

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use vault_notes::{Note, Resolver};

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
    /// What a shared output may show of it (see [`crate::shared`]).
    pub exposure: Exposure,
}

/// Every open follow-up: overdue first, then by due date, undated last, then by person.
pub(crate) fn follow_ups(
    notes: &[Note],
    resolver: &Resolver,
    privacy: &Privacy<'_>,
    today: NaiveDate,
) -> Vec<FollowUp> {
    let mut out: Vec<FollowUp> = notes
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, note)| follow_ups_in(notes, resolver, privacy, i, note, today))
        .collect();
    out.sort_by(|a, b| {
        (
            !a.overdue,
            a.due.is_none(),
            a.due,
            &a.person,
            &a.path,
            a.line,
        )
            .cmp(&(
                !b.overdue,
                b.due.is_none(),
                b.due,
                &b.person,
                &b.path,
                b.line,
            ))
    });
    out
}

/// The follow-ups in note `i`: its open tasks, for its person and the people they link.
fn follow_ups_in(
    notes: &[Note],
    resolver: &Resolver,
    privacy: &Privacy<'_>,
    i: usize,
    note: &Note,
    today: NaiveDate,
) -> Vec<FollowUp> {
    let mut out = Vec::new();
    for task in &note.tasks {
        let exposure = privacy.of_task(i, task);
        let mut people: Vec<usize> = Vec::new();
        if note.person.is_some() {
            people.push(i);
        }
        for target in &task.links {
            if let Some(t) = resolver.resolve(target)
                && notes[t].person.is_some()
                && !people.contains(&t)
            {
                people.push(t);
            }
        }
        for p in people {
            let Some(person) = &notes[p].person else {
                continue;
            };
            out.push(FollowUp {
                person: person.name.clone(),
                person_path: notes[p].path.clone(),
                private: person.private,
                text: task.text.clone(),
                due: task.due,
                overdue: task.due.is_some_and(|d| d < today),
                days_until_due: task.due.map(|d| (d - today).num_days()),
                path: note.path.clone(),
                line: task.line,
                exposure,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use vault_notes::{ReadOptions, parse_note};

    #[test]
    fn tasks_in_person_notes_and_linking_notes() {
        let notes: Vec<Note> = [
            (
                "Daily/2026-11-20.md",
                "- [ ] send [[Ann]] the deck 📅 2026-11-27\n- [ ] unrelated\n",
            ),
            (
                "People/Ann.md",
                "- [ ] intro to Bo 📅 2026-11-20\n- [ ] someday\n- [x] done\n",
            ),
        ]
        .iter()
        .map(|(p, t)| parse_note(p, t.as_bytes(), &ReadOptions::default()).note)
        .collect();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let resolver = Resolver::new(&notes);
        let links = crate::links::Links::new(&notes, &resolver);
        let list = follow_ups(&notes, &resolver, &Privacy::new(&notes, &links), today);
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
}
