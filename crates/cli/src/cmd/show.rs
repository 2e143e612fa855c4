//! `vault show`: one person's card, for the terminal or as JSON.

use chrono::NaiveDate;
use clap::ValueEnum;
use serde::Serialize;
use vault_index::{FollowUp, Interaction, Reason, Source, Status};
use vault_render::{ContactLinks, Draft};

use crate::card::{CardStyle, PersonCard, card_text, draft_templates, person_card, reason_text};
use crate::cli::Cli;
use crate::exit::Exit;
use crate::output::{plain_argument, print, use_color, visible_json};
use crate::session::Session;

/// Arguments of `vault show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Who: a name, file name, alias or the note's path.
    pub person: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Output formats of `vault show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The card, for the terminal.
    Text,
    /// The same as data (the shape is in the README).
    Json,
}

/// Runs `vault show`.
pub fn execute(cli: &Cli, args: &Args) -> Result<(), Exit> {
    plain_argument("PERSON", &args.person)?;
    let session = Session::open(cli.vault.as_deref(), cli.today)?;
    let path = session.find_person(&args.person)?.path.clone();
    let templates = draft_templates(&session)?;
    let card = person_card(&session, templates, &path)?;
    let text = match args.format {
        Format::Text => card_text(
            &card.view,
            &card.links,
            &card.draft,
            session.today,
            CardStyle {
                color: use_color(cli.color),
                timeline: None,
            },
        ),
        Format::Json => {
            let json = serde_json::to_string_pretty(&ShowJson::of(&card, session.today))
                .map_err(|e| Exit::failure(e.to_string()))?;
            format!("{}\n", visible_json(&json))
        }
    };
    print(&text).map_err(|e| Exit::failure(format!("cannot write output: {e}")))
}

/// `vault show --format json`: a stable shape (README, "vault show --format json").
#[derive(Debug, Serialize)]
struct ShowJson<'a> {
    today: NaiveDate,
    person: PersonJson<'a>,
    reasons: Vec<ReasonJson>,
    contact: &'a vault_index::Contact,
    links: &'a ContactLinks,
    last_contact: Option<ContactJson<'a>>,
    last_topic: Option<ContactJson<'a>>,
    timeline: Vec<ContactJson<'a>>,
    follow_ups: Vec<FollowUpJson<'a>>,
    reciprocity: Reciprocity,
    coming_up: Vec<ComingJson<'a>>,
    draft: &'a Draft,
}

#[derive(Debug, Serialize)]
struct PersonJson<'a> {
    name: &'a str,
    path: &'a str,
    status: Status,
    relationship: Option<&'a str>,
    cadence_days: u32,
    last_contact: Option<NaiveDate>,
    due: Option<NaiveDate>,
    days_overdue: Option<i64>,
    days_since_contact: Option<i64>,
    interactions: usize,
    favorite: bool,
    private: bool,
    company: &'a [String],
    role: Option<&'a str>,
    birthday: Option<String>,
    interests: &'a [String],
    boundaries: &'a [String],
    snooze_until: Option<NaiveDate>,
}

#[derive(Debug, Serialize)]
struct ReasonJson {
    #[serde(flatten)]
    reason: Reason,
    /// The reason as `vault show` words it.
    text: String,
}

#[derive(Debug, Serialize)]
struct ContactJson<'a> {
    date: NaiveDate,
    kind: Option<&'a str>,
    summary: &'a str,
    source: Source,
    path: &'a str,
    line: u32,
    gave: bool,
    got: bool,
}

impl<'a> ContactJson<'a> {
    fn of(i: &'a Interaction) -> Self {
        ContactJson {
            date: i.date,
            kind: i.kind.as_deref(),
            summary: &i.summary,
            source: i.source,
            path: &i.path,
            line: i.line,
            gave: i.gave,
            got: i.got,
        }
    }
}

#[derive(Debug, Serialize)]
struct FollowUpJson<'a> {
    text: &'a str,
    due: Option<NaiveDate>,
    overdue: bool,
    days_until_due: Option<i64>,
    path: &'a str,
    line: u32,
    property: Option<&'static str>,
}

impl<'a> FollowUpJson<'a> {
    fn of(f: &'a FollowUp) -> Self {
        FollowUpJson {
            text: &f.text,
            due: f.due,
            overdue: f.overdue,
            days_until_due: f.days_until_due,
            path: &f.path,
            line: f.line,
            property: f.property,
        }
    }
}

#[derive(Debug, Serialize)]
struct Reciprocity {
    gave: usize,
    got: usize,
}

/// Something coming up: a birthday, a planned contact, the end of a snooze.
#[derive(Debug, Serialize)]
struct ComingJson<'a> {
    date: NaiveDate,
    in_days: i64,
    /// `birthday`, `planned` or `snooze-ends`.
    kind: &'static str,
    /// The age they turn (birthdays whose year is known).
    turns: Option<i32>,
    /// The planned contact.
    contact: Option<ContactJson<'a>>,
}

impl<'a> ShowJson<'a> {
    fn of(card: &'a PersonCard, today: NaiveDate) -> Self {
        let view = &card.view;
        let p = &view.person;
        let mut coming_up = Vec::new();
        if let Some(b) = view.card.birthday {
            coming_up.push(ComingJson {
                date: b.date,
                in_days: b.in_days,
                kind: "birthday",
                turns: b.turns,
                contact: None,
            });
        }
        for planned in view.timeline.iter().filter(|i| i.date > today) {
            coming_up.push(ComingJson {
                date: planned.date,
                in_days: (planned.date - today).num_days(),
                kind: "planned",
                turns: None,
                contact: Some(ContactJson::of(planned)),
            });
        }
        if let Some(until) = p.snooze_until.filter(|&d| d > today) {
            coming_up.push(ComingJson {
                date: until,
                in_days: (until - today).num_days(),
                kind: "snooze-ends",
                turns: None,
                contact: None,
            });
        }
        coming_up.sort_by_key(|c| c.date);
        ShowJson {
            today,
            person: PersonJson {
                name: &p.name,
                path: &p.path,
                status: p.status,
                relationship: p.relationship.as_deref(),
                cadence_days: p.cadence_days,
                last_contact: p.last_contact,
                due: p.due,
                days_overdue: p.days_overdue,
                days_since_contact: p.days_since_contact,
                interactions: p.interactions,
                favorite: p.favorite,
                private: p.private,
                company: &p.company,
                role: p.role.as_deref(),
                birthday: p.birthday.map(|b| b.to_string()),
                interests: &p.interests,
                boundaries: &view.card.boundaries,
                snooze_until: p.snooze_until,
            },
            reasons: view
                .card
                .reasons
                .iter()
                .map(|&reason| ReasonJson {
                    reason,
                    text: reason_text(&reason, view),
                })
                .collect(),
            contact: &view.card.contact,
            links: &card.links,
            last_contact: p.last_interaction.as_ref().map(ContactJson::of),
            last_topic: p.last_topic.as_ref().map(ContactJson::of),
            timeline: view
                .timeline
                .iter()
                .filter(|i| i.date <= today)
                .map(ContactJson::of)
                .collect(),
            follow_ups: view.card.follow_ups.iter().map(FollowUpJson::of).collect(),
            reciprocity: Reciprocity {
                gave: p.gave,
                got: p.got,
            },
            coming_up,
            draft: &card.draft,
        }
    }
}
