//! `vault-index` decides: from notes, settings and a day, who is due, overdue or
//! hibernating, whom to suggest, what was promised, what is coming up, and how the
//! reconnect habit is going.
//!
//! Everything here is a pure function of ([`Note`]s, [`Config`], today): no clock, no
//! disk, no terminal.
//!
//! It also decides, once, what a shared output (the digest, the exports) may show of a
//! private person: [`shared`] holds the rule, [`Index::shared`] applies it.

mod card;
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

pub use card::{Card, ComingBirthday, Contact, MILESTONE_DAYS, Reason, SOON_DAYS};
pub use config::{Config, DEFAULT_CADENCES, FALLBACK_CADENCE_DAYS};
pub use follow_ups::FollowUp;
pub use interactions::{Interaction, Source};
pub use lint::PEOPLE_PROPERTIES;
pub use network::{Count, Network, Reciprocity};
pub use people::PersonStatus;
pub use reconnects::{Month, Reconnects};
pub use shared::{
    Exposure, Place, PrivatePerson, PublicPerson, Shared, SharedCard, SharedContact,
    SharedFollowUp, SharedNetwork, SharedPerson, SharedSuggestion, SharedUpcoming, Topic,
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
    /// Whom to reach out to, best first, each with their card.
    pub suggestions: Vec<Suggestion>,
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

/// A person suggested this week, and their card.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// Where they stand.
    pub person: PersonStatus,
    /// Why now, and what helps to reach out.
    pub card: Card,
}

/// One person as `vault show` shows them: where they stand, their card, and every
/// contact on record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonView {
    /// Where they stand.
    pub person: PersonStatus,
    /// Other names their note gives.
    pub aliases: Vec<String>,
    /// Why now (when at all), and what helps to reach out.
    pub card: Card,
    /// Every contact, planned ones included, newest first, each with its source.
    pub timeline: Vec<Interaction>,
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
    let suggestions = suggest(&people, &follow_ups, today, config.suggestions)
        .into_iter()
        .filter_map(|p| {
            let owed = owed_to(&follow_ups, p);
            let card = card_of(notes, p, &interactions, owed, &privacy, config, today)?;
            Some(Suggestion {
                person: p.clone(),
                card,
            })
        })
        .collect();
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
        suggestions,
        follow_ups,
        upcoming: upcoming::upcoming(&people, today, config.upcoming_days),
        this_week,
        reconnects,
        network: network::network(&people),
        diagnostics: lint::lint(notes, &links, today),
        people,
    }
}

/// Computes one person's view on `today`: the person whose note is `notes[note]`, or
/// `None` when it is not a person.
pub fn person_view(
    notes: &[Note],
    config: &Config,
    today: NaiveDate,
    note: usize,
) -> Option<PersonView> {
    views(notes, config, today, Some(note)).pop()
}

/// Every person's view on `today`, in urgency order: what the exports write.
pub fn person_views(notes: &[Note], config: &Config, today: NaiveDate) -> Vec<PersonView> {
    views(notes, config, today, None)
}

/// The views of the person in `notes[only]`, or of everyone.
fn views(
    notes: &[Note],
    config: &Config,
    today: NaiveDate,
    only: Option<usize>,
) -> Vec<PersonView> {
    let resolver = Resolver::new(notes);
    let links = Links::new(notes, &resolver);
    let interactions = interactions::gather(notes, &links);
    let privacy = Privacy::new(notes, &links);
    let mut people: Vec<PersonStatus> = match only {
        Some(note) => interactions
            .get(note)
            .and_then(|list| people::person_status(notes, note, list, &privacy, config, today))
            .into_iter()
            .collect(),
        None => people_by_urgency(notes, &interactions, &privacy, config, today),
    };
    if people.is_empty() {
        return Vec::new();
    }
    let follow_ups = follow_ups::follow_ups(notes, &links, &privacy, today);
    let mut owed: std::collections::HashMap<&str, Vec<FollowUp>> = std::collections::HashMap::new();
    for f in &follow_ups {
        owed.entry(f.person_path.as_str())
            .or_default()
            .push(f.clone());
    }
    people
        .drain(..)
        .filter_map(|person| {
            let owed = owed.remove(person.path.as_str()).unwrap_or_default();
            let card = card_of(notes, &person, &interactions, owed, &privacy, config, today)?;
            let timeline = interactions
                .get(person.note)?
                .iter()
                .rev()
                .map(|r| r.interaction(notes, &privacy))
                .collect();
            let aliases = notes.get(person.note)?.person.as_ref()?.aliases.clone();
            Some(PersonView {
                person,
                aliases,
                card,
                timeline,
            })
        })
        .collect()
}

/// The card of `status`, who is owed `owed`.
fn card_of(
    notes: &[Note],
    status: &PersonStatus,
    interactions: &[Vec<interactions::Record>],
    owed: Vec<FollowUp>,
    privacy: &Privacy<'_>,
    config: &Config,
    today: NaiveDate,
) -> Option<Card> {
    let person = notes.get(status.note)?.person.as_ref()?;
    let records = interactions.get(status.note)?;
    let past = &records[..records.partition_point(|r| r.date <= today)];
    Some(card::card(
        status,
        person,
        owed,
        past.iter().map(|r| r.interaction(notes, privacy)),
        today,
        config.upcoming_days,
    ))
}

/// The follow-ups owed to `person`.
fn owed_to(follow_ups: &[FollowUp], person: &PersonStatus) -> Vec<FollowUp> {
    follow_ups
        .iter()
        .filter(|f| f.person_path == person.path)
        .cloned()
        .collect()
}

/// The people to reach out to: hibernating, overdue or due soon, by score (days overdue
/// over cadence, ×1.5 for favourites, raised by half a cadence for a birthday in the
/// coming week and for a follow-up owed soon), best first; ties keep urgency order.
fn suggest<'p>(
    people: &'p [PersonStatus],
    follow_ups: &[FollowUp],
    today: NaiveDate,
    n: usize,
) -> Vec<&'p PersonStatus> {
    // The most pressing owed follow-up of each person, in days until due.
    let mut owed: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
    for f in follow_ups {
        if let Some(days) = f.days_until_due.filter(|&d| d <= SOON_DAYS) {
            owed.entry(&f.person_path)
                .and_modify(|d| *d = (*d).min(days))
                .or_insert(days);
        }
    }
    let rank = |p: &PersonStatus| {
        let birthday = p
            .birthday
            .and_then(|b| b.next_on_or_after(today))
            .is_some_and(|d| (d - today).num_days() <= SOON_DAYS);
        let bonus = if birthday { 0.5 } else { 0.0 }
            + if owed.contains_key(p.path.as_str()) {
                0.5
            } else {
                0.0
            };
        p.score.unwrap_or(f64::MIN) + bonus
    };
    let mut candidates: Vec<(&PersonStatus, f64)> = people
        .iter()
        .filter(|p| {
            matches!(
                p.status,
                Status::Hibernating | Status::Overdue | Status::DueSoon
            )
        })
        .map(|p| (p, rank(p)))
        .collect();
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1));
    candidates.into_iter().take(n).map(|(p, _)| p).collect()
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
        let suggested: Vec<_> = index
            .suggestions
            .iter()
            .map(|s| s.person.name.as_str())
            .collect();
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

    #[test]
    fn a_card_brings_every_reason_together() {
        let notes = notes(&[
            (
                "People/Sharon.md",
                "---\ncadence: 30\nbirthday: 1984-12-02\nemail: s@example.com\nplace: the Lisbon café\navoid: [her divorce]\n---\n- 2026-09-30 coffee: her new role\n- 2026-11-05 milestone: promoted to VP\n- [ ] send her the template 📅 2026-11-20\n",
            ),
            (
                "People/Bo.md",
                "---\ncadence: 60\n---\n- 2026-09-01 lunch\n",
            ),
        ]);
        let today = d("2026-11-30");
        let index = build(&notes, &Config::default(), today);
        let sharon = &index.suggestions[0];
        assert_eq!(
            sharon.person.name, "Sharon",
            "the birthday and the follow-up raise her"
        );
        assert_eq!(
            sharon.card.reasons,
            vec![
                Reason::DueSoon {
                    in_days: 5,
                    cadence_days: 30
                },
                Reason::Birthday {
                    in_days: 2,
                    turns: Some(42)
                },
                Reason::FollowUp {
                    days_until_due: -10
                },
                Reason::Milestone { days_ago: 25 },
            ]
        );
        assert_eq!(sharon.card.contact.emails, vec!["s@example.com"]);
        assert_eq!(
            sharon.card.contact.place.as_deref(),
            Some("the Lisbon café")
        );
        assert_eq!(sharon.card.boundaries, vec!["her divorce"]);
        let view = person_view(&notes, &Config::default(), today, 0).expect("a person");
        assert_eq!(view.card, sharon.card);
        let timeline: Vec<_> = view.timeline.iter().map(|i| i.date.to_string()).collect();
        assert_eq!(timeline, vec!["2026-11-05", "2026-09-30"], "newest first");
        assert!(person_view(&notes, &Config::default(), today, 9).is_none());
    }
}
