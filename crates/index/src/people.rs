//! Each person's standing on a day: status, due date, what was last said, planned meetings.

use chrono::NaiveDate;
use serde::Serialize;
use vault_notes::{Birthday, Note, Resolver};

use crate::config::Config;
use crate::interactions::{Interaction, Record, Source};
use crate::shared::Privacy;
use crate::status::{Status, StatusInput, status};

/// A person and where the relationship stands on the index's day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonStatus {
    /// Index of their note in the notes the index was built from.
    #[serde(skip)]
    pub note: usize,
    /// Display name.
    pub name: String,
    /// First word of the name, for greetings.
    pub first_name: String,
    /// The person's note, vault-relative with `/`.
    pub path: String,
    /// Kind of relationship, when given.
    pub relationship: Option<String>,
    /// The status.
    pub status: Status,
    /// Cadence in days (explicit, else by relationship, else 90).
    pub cadence_days: u32,
    /// Latest interaction on or before today.
    pub last_contact: Option<NaiveDate>,
    /// `last_contact` + cadence.
    pub due: Option<NaiveDate>,
    /// Today − due (negative when not yet due).
    pub days_overdue: Option<i64>,
    /// Days since the last contact.
    pub days_since_contact: Option<i64>,
    /// Interactions on or before today.
    pub interactions: usize,
    /// The latest interaction on or before today, for "what you last talked about".
    pub last_interaction: Option<Interaction>,
    /// What you last talked about: the latest log line with a summary, else the latest
    /// mention with one (it may be older than the last interaction).
    pub last_topic: Option<Interaction>,
    /// Interactions after today.
    pub planned: Vec<Interaction>,
    /// Suggestion score: days_overdue / cadence_days, ×1.5 for favourites.
    pub score: Option<f64>,
    /// `favorite: true`.
    pub favorite: bool,
    /// `private: true`: shown by name only in shared outputs.
    pub private: bool,
    /// Companies.
    pub company: Vec<String>,
    /// Role.
    pub role: Option<String>,
    /// Interests.
    pub interests: Vec<String>,
    /// Birthday.
    pub birthday: Option<Birthday>,
    /// `snooze_until`.
    pub snooze_until: Option<NaiveDate>,
    /// Interactions tagged `#gave`.
    pub gave: usize,
    /// Interactions tagged `#got`.
    pub got: usize,
}

/// The standing of the person in `notes[index]` on `today`, given their contacts (oldest
/// first).
pub(crate) fn person_status(
    notes: &[Note],
    index: usize,
    interactions: &[Record],
    privacy: &Privacy<'_>,
    config: &Config,
    today: NaiveDate,
) -> Option<PersonStatus> {
    let note = notes.get(index)?;
    let person = note.person.as_ref()?;
    let split = interactions.partition_point(|i| i.date <= today);
    let (past, planned) = interactions.split_at(split);
    let last_contact = past.last().map(|i| i.date);
    let cadence_days = config.cadence_days(person.cadence_days, person.relationship.as_deref());
    let (status, due) = status(
        StatusInput {
            paused: person.paused,
            snooze_until: person.snooze_until,
            last_contact,
            cadence_days,
        },
        today,
        config.due_soon_days,
    );
    let days_overdue = due.map(|due| (today - due).num_days());
    let score = days_overdue.map(|days| {
        // Precision loss is irrelevant at the scale of days.
        #[allow(clippy::cast_precision_loss)]
        let base = days as f64 / f64::from(cadence_days.max(1));
        if person.favorite { base * 1.5 } else { base }
    });
    Some(PersonStatus {
        note: index,
        name: person.name.clone(),
        first_name: person.first_name().to_owned(),
        path: note.path.clone(),
        relationship: person.relationship.clone(),
        status,
        cadence_days,
        last_contact,
        due,
        days_overdue,
        days_since_contact: last_contact.map(|last| (today - last).num_days()),
        interactions: past.len(),
        last_interaction: past.last().map(|r| r.interaction(notes, privacy)),
        last_topic: last_topic(past, notes, privacy),
        planned: planned
            .iter()
            .map(|r| r.interaction(notes, privacy))
            .collect(),
        score,
        favorite: person.favorite,
        private: person.private,
        company: person.company.clone(),
        role: person.role.clone(),
        interests: person.interests.clone(),
        birthday: person.birthday,
        snooze_until: person.snooze_until,
        gave: past.iter().filter(|i| i.gave).count(),
        got: past.iter().filter(|i| i.got).count(),
    })
}

/// What you last talked about: the latest log line with a summary (written to say just
/// that), else the latest mention with one.
fn last_topic(past: &[Record], notes: &[Note], privacy: &Privacy<'_>) -> Option<Interaction> {
    let with_summary = |source: Option<Source>| {
        past.iter()
            .rev()
            .filter(|r| source.is_none_or(|s| r.source == s))
            .map(|r| (r, r.as_written(notes)))
            .find(|(_, i)| !i.summary.is_empty())
            .map(|(r, i)| Interaction {
                exposure: r.exposure(notes, privacy),
                ..i
            })
    };
    with_summary(Some(Source::Log)).or_else(|| with_summary(None))
}

/// Sorts people in urgency order: status, then days overdue (most first; no contact last),
/// favourites first on ties, then name.
pub fn sort_by_urgency(people: &mut [PersonStatus]) {
    people.sort_by(|a, b| {
        a.status
            .cmp(&b.status)
            .then_with(|| b.days_overdue.cmp(&a.days_overdue))
            .then_with(|| b.favorite.cmp(&a.favorite))
            .then_with(|| Resolver::name_key(&a.name).cmp(&Resolver::name_key(&b.name)))
            .then_with(|| a.path.cmp(&b.path))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use vault_notes::{ReadOptions, parse_note};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn person(path: &str, text: &str) -> PersonStatus {
        let note = parse_note(path, text.as_bytes(), &ReadOptions::default()).note;
        let notes = vec![note];
        let resolver = vault_notes::Resolver::new(&notes);
        let links = crate::links::Links::new(&notes, &resolver);
        let all = crate::interactions::gather(&notes, &links);
        let privacy = Privacy::new(&notes, &links);
        person_status(
            &notes,
            0,
            &all[0],
            &privacy,
            &Config::default(),
            d("2026-11-23"),
        )
        .expect("person")
    }

    #[test]
    fn the_design_example() {
        let p = person(
            "People/Sharon Lee.md",
            "---\nrelationship: former-colleague\ncadence: 30\n---\n- 2026-09-30 coffee: new role\n- 2026-12-01 lunch planned\n",
        );
        assert_eq!(p.status, Status::Overdue);
        assert_eq!(p.last_contact, Some(d("2026-09-30")));
        assert_eq!(p.due, Some(d("2026-10-30")));
        assert_eq!(p.days_overdue, Some(24));
        assert_eq!(p.interactions, 1);
        assert_eq!(p.planned.len(), 1);
        assert_eq!(p.score, Some(0.8));
    }

    #[test]
    fn favourites_score_higher() {
        let p = person(
            "People/F.md",
            "---\ncadence: 30\nfavorite: true\n---\n- 2026-09-30 coffee\n",
        );
        assert!(
            p.score.is_some_and(|s| (s - 1.2).abs() < 1e-9),
            "{:?}",
            p.score
        );
    }

    #[test]
    fn urgency_order_breaks_ties_by_favourite_then_name() {
        let mut people = vec![
            person("People/B.md", "---\ncadence: 30\n---\n- 2026-10-01 x\n"),
            person("People/A.md", "---\ncadence: 30\n---\n- 2026-10-01 x\n"),
            person(
                "People/C.md",
                "---\ncadence: 30\nfavorite: true\n---\n- 2026-10-01 x\n",
            ),
            person("People/D.md", "---\ncadence: 30\n---\n- 2026-09-01 x\n"),
            person("People/E.md", "---\ncadence: 30\n---\n"),
            person("People/P.md", "---\npaused: true\n---\n- 2020-01-01 x\n"),
        ];
        sort_by_urgency(&mut people);
        let names: Vec<_> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, vec!["D", "C", "A", "B", "E", "P"]);
    }
}
