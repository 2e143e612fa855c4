//! `vault-index` decides: from notes, settings and a day, who is due, overdue or
//! hibernating, whom to suggest, what was promised, what is coming up, and how the
//! reconnect habit is going.
//!
//! Everything here is a pure function of ([`Note`]s, [`Config`], today): no clock, no
//! disk, no terminal.
//!
//! It also decides, once, what a shared output (the digest, the exports) may show of a
//! private person: [`shared`] holds the rule, [`Index::shared`] applies it.

mod config;
mod follow_ups;
mod interactions;
mod links;
mod lint;
mod network;
mod people;
mod reconnects;
pub mod shared;
mod status;
mod upcoming;
mod week;

use chrono::NaiveDate;
use serde::Serialize;
use vault_notes::{Diagnostic, Note, Resolver};

use crate::links::Links;
use crate::shared::Privacy;

pub use config::{Config, DEFAULT_CADENCES, FALLBACK_CADENCE_DAYS};
pub use follow_ups::FollowUp;
pub use interactions::{Interaction, Source};
pub use lint::PEOPLE_PROPERTIES;
pub use network::{Count, Network, Reciprocity};
pub use people::PersonStatus;
pub use reconnects::{Month, Reconnects};
pub use shared::{
    Exposure, Place, PrivatePerson, PublicPerson, Shared, SharedContact, SharedFollowUp,
    SharedNetwork, SharedPerson, SharedUpcoming, Topic,
};
pub use status::Status;
pub use upcoming::{Upcoming, UpcomingKind};
pub use week::{BadWeek, Week};

/// The headline figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Headline {
    /// People tracked.
    pub people: usize,
    /// Overdue people.
    pub overdue: usize,
    /// Hibernating people.
    pub hibernating: usize,
    /// Due-soon people whose due date falls in the week.
    pub due_this_week: usize,
    /// All due-soon people.
    pub due_soon: usize,
    /// People with no contact on record.
    pub no_contact: usize,
    /// Open follow-ups past their due date.
    pub overdue_follow_ups: usize,
}

/// An interaction in the week, with whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekEntry {
    /// Who.
    pub person: String,
    /// Their note.
    pub person_path: String,
    /// Whether they are private.
    pub private: bool,
    /// The interaction.
    pub interaction: Interaction,
}

/// Everything the outputs show, computed for one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Index {
    /// The day everything is computed for.
    pub today: NaiveDate,
    /// The ISO week containing it.
    pub week: Week,
    /// Headline figures.
    pub headline: Headline,
    /// Every person, in urgency order.
    pub people: Vec<PersonStatus>,
    /// Whom to reach out to, best first.
    pub suggestions: Vec<PersonStatus>,
    /// Open follow-ups, overdue first.
    pub follow_ups: Vec<FollowUp>,
    /// Birthdays, planned meetings and snoozes ending in the coming days.
    pub upcoming: Vec<Upcoming>,
    /// Interactions dated in the week up to today, oldest first.
    pub this_week: Vec<WeekEntry>,
    /// The monthly reconnect habit.
    pub reconnects: Reconnects,
    /// The shape of the network.
    pub network: Network,
    /// Problems only visible across notes: duplicate people, ambiguous or unresolved
    /// person links, contact dated in the future.
    pub diagnostics: Vec<Diagnostic>,
}

/// Every person's status on one day and the problems only visible across notes: what
/// `vault status` and `vault check` show, without the digest's sections.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statuses {
    /// The day computed for.
    pub today: NaiveDate,
    /// Every person, in urgency order.
    pub people: Vec<PersonStatus>,
    /// Duplicate people, ambiguous or unresolved person links, contact in the future.
    pub diagnostics: Vec<Diagnostic>,
}

/// Computes the statuses of `notes` on `today`: [`build`] without the follow-ups,
/// upcoming dates, week, reconnects and network, which a large vault would pay for and
/// `vault status` does not show.
pub fn statuses(notes: &[Note], config: &Config, today: NaiveDate) -> Statuses {
    let resolver = Resolver::new(notes);
    let links = Links::new(notes, &resolver);
    let interactions = interactions::gather(notes, &links);
    let privacy = Privacy::new(notes, &links);
    Statuses {
        today,
        people: people_by_urgency(notes, &interactions, &privacy, config, today),
        diagnostics: lint::lint(notes, &links, today),
    }
}

/// The problems only visible across notes, on `today`: what `vault check` adds to what
/// reading found.
pub fn cross_note_problems(notes: &[Note], today: NaiveDate) -> Vec<Diagnostic> {
    let resolver = Resolver::new(notes);
    lint::lint(notes, &Links::new(notes, &resolver), today)
}

fn people_by_urgency(
    notes: &[Note],
    interactions: &[Vec<interactions::Record>],
    privacy: &Privacy<'_>,
    config: &Config,
    today: NaiveDate,
) -> Vec<PersonStatus> {
    let mut people: Vec<PersonStatus> = interactions
        .iter()
        .enumerate()
        .filter_map(|(i, list)| people::person_status(notes, i, list, privacy, config, today))
        .collect();
    people::sort_by_urgency(&mut people);
    people
}

/// Computes the index of `notes` on `today`.
pub fn build(notes: &[Note], config: &Config, today: NaiveDate) -> Index {
    let resolver = Resolver::new(notes);
    let links = Links::new(notes, &resolver);
    let interactions = interactions::gather(notes, &links);
    let privacy = Privacy::new(notes, &links);
    let people = people_by_urgency(notes, &interactions, &privacy, config, today);

    let week = Week::containing(today);
    let mut this_week: Vec<WeekEntry> = Vec::new();
    for (note, list) in notes.iter().zip(&interactions) {
        let Some(person) = &note.person else {
            continue;
        };
        for interaction in list
            .iter()
            .filter(|i| week.contains(i.date) && i.date <= today)
        {
            this_week.push(WeekEntry {
                person: person.name.clone(),
                person_path: note.path.clone(),
                private: person.private,
                interaction: interaction.interaction(notes, &privacy),
            });
        }
    }
    this_week.sort_by(|a, b| {
        (a.interaction.date, &a.person, a.interaction.line).cmp(&(
            b.interaction.date,
            &b.person,
            b.interaction.line,
        ))
    });

    let cadence_of = |note: &Note| {
        note.person.as_ref().map_or(FALLBACK_CADENCE_DAYS, |p| {
            config.cadence_days(p.cadence_days, p.relationship.as_deref())
        })
    };
    let reconnects = reconnects::reconnects(
        notes
            .iter()
            .zip(&interactions)
            .filter(|(note, _)| note.person.is_some())
            .map(|(note, list)| (list.as_slice(), cadence_of(note))),
        today,
        config.monthly_goal,
    );

    let follow_ups = follow_ups::follow_ups(notes, &links, &privacy, today);
    let count = |status: Status| people.iter().filter(|p| p.status == status).count();
    let headline = Headline {
        people: people.len(),
        overdue: count(Status::Overdue),
        hibernating: count(Status::Hibernating),
        due_this_week: people
            .iter()
            .filter(|p| p.status == Status::DueSoon && p.due.is_some_and(|d| d <= week.end))
            .count(),
        due_soon: count(Status::DueSoon),
        no_contact: count(Status::NoContact),
        overdue_follow_ups: follow_ups.iter().filter(|f| f.overdue).count(),
    };
    Index {
        today,
        week,
        headline,
        suggestions: suggestions(&people, config.suggestions),
        follow_ups,
        upcoming: upcoming::upcoming(&people, today, config.upcoming_days),
        this_week,
        reconnects,
        network: network::network(&people),
        diagnostics: lint::lint(notes, &links, today),
        people,
    }
}

/// The people to reach out to: hibernating, overdue or due soon, by score (days overdue
/// over cadence, ×1.5 for favourites), best first; ties keep urgency order.
fn suggestions(people: &[PersonStatus], n: usize) -> Vec<PersonStatus> {
    let mut candidates: Vec<&PersonStatus> = people
        .iter()
        .filter(|p| {
            matches!(
                p.status,
                Status::Hibernating | Status::Overdue | Status::DueSoon
            )
        })
        .collect();
    candidates.sort_by(|a, b| {
        let (sa, sb) = (a.score.unwrap_or(f64::MIN), b.score.unwrap_or(f64::MIN));
        sb.total_cmp(&sa)
    });
    candidates.into_iter().take(n).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use vault_notes::{ReadOptions, parse_note};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn notes(files: &[(&str, &str)]) -> Vec<Note> {
        files
            .iter()
            .map(|(p, t)| parse_note(p, t.as_bytes(), &ReadOptions::default()).note)
            .collect()
    }

    #[test]
    fn builds_every_section() {
        let notes = notes(&[
            (
                "Daily/2026-11-23.md",
                "Coffee with [[Ann]]\n- [ ] send [[Bo]] notes 📅 2026-11-20\n",
            ),
            (
                "People/Ann.md",
                "---\nrelationship: ally\nbirthday: 12-01\n---\n- 2026-08-01 call\n",
            ),
            (
                "People/Bo.md",
                "---\ncadence: 30\nfavorite: true\n---\n- 2026-09-01 lunch: garden #gave\n- 2026-11-30 dinner\n",
            ),
            (
                "People/Cy.md",
                "---\nrelationship: connection\ncompany: \"[[Initech]]\"\n---\n",
            ),
            (
                "People/Di.md",
                "---\ncadence: 30\n---\n- 2026-09-30 coffee\n",
            ),
        ]);
        let index = build(&notes, &Config::default(), d("2026-11-23"));
        // `vault status` and `vault check` take shorter roads to the same answers.
        let statuses = statuses(&notes, &Config::default(), d("2026-11-23"));
        assert_eq!(statuses.people, index.people);
        assert_eq!(statuses.diagnostics, index.diagnostics);
        assert_eq!(
            cross_note_problems(&notes, d("2026-11-23")),
            index.diagnostics
        );
        let order: Vec<_> = index
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.status))
            .collect();
        assert_eq!(
            order,
            vec![
                ("Bo", Status::Hibernating),
                ("Di", Status::Overdue),
                ("Cy", Status::NoContact),
                ("Ann", Status::Ok),
            ]
        );
        // Bo: 53 days overdue / 30 × 1.5; Di: 24 / 30.
        let suggested: Vec<_> = index.suggestions.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(suggested, vec!["Bo", "Di"]);
        assert_eq!(index.headline.overdue, 1);
        assert_eq!(index.headline.hibernating, 1);
        assert_eq!(index.follow_ups.len(), 1);
        assert!(index.follow_ups[0].overdue);
        let upcoming: Vec<_> = index
            .upcoming
            .iter()
            .map(|u| (u.person.as_str(), u.kind))
            .collect();
        assert_eq!(
            upcoming,
            vec![
                ("Bo", UpcomingKind::Planned),
                ("Ann", UpcomingKind::Birthday)
            ]
        );
        assert_eq!(index.this_week.len(), 1);
        assert_eq!(index.this_week[0].interaction.summary, "Coffee with Ann");
        assert_eq!(index.reconnects.this_month, 1, "Ann after 114 days");
        assert_eq!(index.network.no_contact, vec!["Cy"]);
        assert_eq!(index.network.by_company[0].label, "Initech");
        assert_eq!(index.network.gave, 1);
    }
}
