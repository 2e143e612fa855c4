//! What is coming up: birthdays, planned meetings and snoozes ending.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::people::PersonStatus;
use crate::shared::Exposure;

/// What kind of event is coming up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UpcomingKind {
    /// A birthday.
    Birthday,
    /// An interaction dated after today.
    Planned,
    /// `snooze_until` falls in the window.
    SnoozeEnds,
}

/// One event in the coming days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Upcoming {
    /// When.
    pub date: NaiveDate,
    /// Days from today.
    pub in_days: i64,
    /// What.
    pub kind: UpcomingKind,
    /// Who.
    pub person: String,
    /// The person's note.
    pub person_path: String,
    /// Whether the person is private.
    pub private: bool,
    /// The age they turn, for birthdays with a year.
    pub turns: Option<i32>,
    /// The planned interaction's summary.
    pub summary: String,
    /// What a shared output may show of the planned interaction (see [`crate::shared`]).
    pub exposure: Exposure,
}

/// Events from today to `days` days ahead, by date, then kind, then person.
pub fn upcoming(people: &[PersonStatus], today: NaiveDate, days: u32) -> Vec<Upcoming> {
    let end = today
        .checked_add_days(chrono::Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX);
    let mut out = Vec::new();
    let event =
        |p: &PersonStatus, date: NaiveDate, kind, turns, summary: String, exposure| Upcoming {
            date,
            in_days: (date - today).num_days(),
            kind,
            person: p.name.clone(),
            person_path: p.path.clone(),
            private: p.private,
            turns,
            summary,
            exposure,
        };
    for p in people {
        if let Some(date) = p.birthday.and_then(|b| b.next_on_or_after(today))
            && date <= end
        {
            let turns = p.birthday.and_then(|b| b.year).map(|y| date.year() - y);
            out.push(event(
                p,
                date,
                UpcomingKind::Birthday,
                turns,
                String::new(),
                Exposure::Full,
            ));
        }
        for planned in p.planned.iter().filter(|i| i.date <= end) {
            out.push(event(
                p,
                planned.date,
                UpcomingKind::Planned,
                None,
                planned.summary.clone(),
                planned.exposure,
            ));
        }
        if let Some(until) = p.snooze_until
            && until > today
            && until <= end
        {
            out.push(event(
                p,
                until,
                UpcomingKind::SnoozeEnds,
                None,
                String::new(),
                Exposure::Full,
            ));
        }
    }
    out.sort_by(|a, b| (a.date, a.kind, &a.person).cmp(&(b.date, b.kind, &b.person)));
    out
}
