//! `vault export json`: the whole model, every person with their properties, contacts,
//! follow-ups and status, as data for other programs. Its shape is versioned
//! ([`SCHEMA`]) and documented in the README; fields may be added, none renamed or removed
//! without a new schema number.

use serde::Serialize;
use vault_index::{Contact, Exposure, FollowUp, Interaction, PersonView, Reason};

use crate::json::to_pretty;
use crate::templates::RenderError;

/// The version of the shape below.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Serialize)]
struct Model<'a> {
    schema: u32,
    today: String,
    vault: &'a str,
    people: Vec<PersonJson<'a>>,
}

#[derive(Debug, Serialize)]
struct PersonJson<'a> {
    name: &'a str,
    path: &'a str,
    aliases: &'a [String],
    relationship: Option<&'a str>,
    status: &'static str,
    cadence_days: u32,
    last_contact: Option<String>,
    due: Option<String>,
    days_overdue: Option<i64>,
    snooze_until: Option<String>,
    favorite: bool,
    private: bool,
    company: &'a [String],
    role: Option<&'a str>,
    birthday: Option<String>,
    interests: &'a [String],
    boundaries: &'a [String],
    contact: &'a Contact,
    reasons: &'a [Reason],
    gave: usize,
    got: usize,
    /// On or before today, newest first.
    interactions: Vec<InteractionJson<'a>>,
    /// After today, soonest first.
    planned: Vec<InteractionJson<'a>>,
    follow_ups: Vec<FollowUpJson<'a>>,
}

#[derive(Debug, Serialize)]
struct InteractionJson<'a> {
    date: String,
    source: &'static str,
    kind: Option<&'a str>,
    summary: &'a str,
    gave: bool,
    got: bool,
    /// Where it was recorded; null when that note links a private person.
    path: Option<&'a str>,
    line: Option<u32>,
}

#[derive(Debug, Serialize)]
struct FollowUpJson<'a> {
    text: &'a str,
    due: Option<String>,
    overdue: bool,
    path: Option<&'a str>,
    line: Option<u32>,
}

fn interaction(i: &Interaction) -> InteractionJson<'_> {
    let placed = i.exposure == Exposure::Full;
    InteractionJson {
        date: i.date.to_string(),
        source: i.source.as_str(),
        kind: i.kind.as_deref(),
        summary: &i.summary,
        gave: i.gave,
        got: i.got,
        path: placed.then_some(i.path.as_str()),
        line: placed.then_some(i.line),
    }
}

fn follow_up(f: &FollowUp) -> FollowUpJson<'_> {
    let placed = f.exposure == Exposure::Full;
    FollowUpJson {
        text: &f.text,
        due: f.due.map(|d| d.to_string()),
        overdue: f.overdue,
        path: placed.then_some(f.path.as_str()),
        line: placed.then_some(f.line),
    }
}

/// The model of `people` on `today` as pretty JSON, ending with a newline.
pub fn model_json(
    people: &[PersonView],
    today: chrono::NaiveDate,
    vault_name: &str,
) -> Result<String, RenderError> {
    let people = people
        .iter()
        .map(|view| {
            let p = &view.person;
            let (planned, past): (Vec<&Interaction>, Vec<&Interaction>) =
                view.timeline.iter().partition(|i| i.date > today);
            PersonJson {
                name: &p.name,
                path: &p.path,
                aliases: &view.aliases,
                relationship: p.relationship.as_deref(),
                status: p.status.as_str(),
                cadence_days: p.cadence_days,
                last_contact: p.last_contact.map(|d| d.to_string()),
                due: p.due.map(|d| d.to_string()),
                days_overdue: p.days_overdue,
                snooze_until: p.snooze_until.map(|d| d.to_string()),
                favorite: p.favorite,
                private: p.private,
                company: &p.company,
                role: p.role.as_deref(),
                birthday: p.birthday.map(|b| b.to_string()),
                interests: &p.interests,
                boundaries: &view.card.boundaries,
                contact: &view.card.contact,
                reasons: &view.card.reasons,
                gave: p.gave,
                got: p.got,
                interactions: past.into_iter().map(interaction).collect(),
                planned: planned.into_iter().rev().map(interaction).collect(),
                follow_ups: view.card.follow_ups.iter().map(follow_up).collect(),
            }
        })
        .collect();
    to_pretty(&Model {
        schema: SCHEMA,
        today: today.to_string(),
        vault: vault_name,
        people,
    })
}
