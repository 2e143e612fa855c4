//! Meetings and mail into log lines: DESIGN.md's rules for `vault import calendar` and
//! `vault import mail`.
//!
//! - A past event whose attendees or organizer are people of the vault (by e-mail, else
//!   by name; never the user, whose addresses are `me.emails`) becomes
//!   `- 2026-10-02 meeting: Q3 planning` in each one's note. Skipped: cancelled events,
//!   events the user declined, attendees who declined, rooms and resources, events with
//!   more than `max_attendees` attendees, all-day events without attendees. A recurring
//!   series gives one line: its latest occurrence on or before today.
//! - A message between the user and a person (from the user to them, or from them to
//!   the user) becomes at most one line per person per day,
//!   `- 2026-10-02 email: Subject`. Skipped: mailing lists and bulk mail, messages to
//!   more than `max_attendees` recipients, messages neither from nor to the user.
//!
//! Nobody is created from history: a meeting with someone who has no note is counted
//! ("with nobody in the vault") and left for `vault import vcard` or `vault add`.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use vault_notes::Note;

use super::calendar::{Attendee, Event, EventStatus, UserType, latest_occurrence};
use super::mail::{Address, Message};
use super::people::{Match, People, email_key};
use super::plan::{NewLogLine, Plan};

/// The user, and the limits of what counts as a meeting between people.
#[derive(Debug, Clone)]
pub struct Rules<'a> {
    /// The user's own addresses, lower case.
    pub me: HashSet<String>,
    /// The day: later events are planned, not history.
    pub today: NaiveDate,
    /// More attendees (or recipients) than this is a crowd, not a meeting.
    pub max_attendees: usize,
    /// The vault's notes.
    pub notes: &'a [Note],
}

impl Rules<'_> {
    fn is_me(&self, email: Option<&str>) -> bool {
        email.is_some_and(|e| self.me.contains(&email_key(e)))
    }
}

/// Events of one calendar, gathered so that a series meets its overrides (which may come
/// before or after it in the file) before its latest occurrence is chosen.
#[derive(Debug, Default)]
pub struct Calendar {
    series: Vec<Event>,
    overrides: HashMap<String, Vec<Event>>,
}

impl Calendar {
    /// Takes in one event: a single one is decided at once, a series or an override is
    /// kept until [`Calendar::finish`].
    pub fn add(&mut self, event: Event, rules: &Rules<'_>, people: &People, plan: &mut Plan) {
        if event.recurrence_id.is_some()
            && let Some(uid) = &event.uid
        {
            self.overrides.entry(uid.clone()).or_default().push(event);
        } else if event.recurrence.is_some() {
            self.series.push(event);
        } else {
            meeting(&event, event.start_date, rules, people, plan);
        }
    }

    /// Decides the series (each by its latest occurrence) and the overrides whose series
    /// the file does not hold.
    pub fn finish(mut self, rules: &Rules<'_>, people: &People, plan: &mut Plan) {
        for series in &self.series {
            let own = series
                .uid
                .as_ref()
                .and_then(|uid| self.overrides.remove(uid))
                .unwrap_or_default();
            let latest = latest_occurrence(series, &own, rules.today);
            match latest.occurrence {
                Some(occurrence) => {
                    meeting(occurrence.event, occurrence.date, rules, people, plan);
                }
                None => {
                    plan.read += 1;
                    plan.skip("series with no occurrence yet");
                }
            }
        }
        let mut orphans: Vec<Event> = self.overrides.into_values().flatten().collect();
        orphans.sort_by_key(|e| e.line);
        for event in &orphans {
            meeting(event, event.start_date, rules, people, plan);
        }
    }
}

/// One event on `date`: a log line for each person of the vault who met the user.
fn meeting(event: &Event, date: NaiveDate, rules: &Rules<'_>, people: &People, plan: &mut Plan) {
    plan.read += 1;
    let everyone: Vec<&Attendee> = event.organizer.iter().chain(&event.attendees).collect();
    let reason = if date > rules.today {
        Some("in the future".to_owned())
    } else if event.status == EventStatus::Cancelled {
        Some("cancelled".to_owned())
    } else if event.attendee_count as usize > rules.max_attendees {
        Some(format!("with more than {} attendees", rules.max_attendees))
    } else if event.all_day && event.attendees.is_empty() {
        Some("all-day without attendees".to_owned())
    } else if event
        .attendees
        .iter()
        .any(|a| a.declined && rules.is_me(a.email.as_deref()))
    {
        Some("declined".to_owned())
    } else {
        None
    };
    if let Some(reason) = reason {
        plan.skip(reason);
        return;
    }
    let mut met: Vec<usize> = everyone
        .iter()
        .filter(|a| !a.declined && !rules.is_me(a.email.as_deref()))
        .filter(|a| matches!(a.user_type, UserType::Individual | UserType::Unknown))
        .filter_map(|a| person_of(people, a.email.as_deref(), a.name.as_deref(), true))
        .collect();
    met.sort_unstable();
    met.dedup();
    if met.is_empty() {
        plan.skip("with nobody in the vault");
        return;
    }
    let summary = one_line(event.summary.as_deref().unwrap_or(""));
    let mut added = false;
    for note in met {
        added |= plan.log(
            rules.notes,
            note,
            NewLogLine {
                date,
                kind: "meeting",
                summary: summary.clone(),
            },
        );
    }
    if !added {
        plan.skip("already logged");
    }
}

/// Messages of one mail import: at most one line per person and day.
#[derive(Debug)]
pub struct Mail {
    /// (note, day) pairs that have an e-mail line: in the note already, or from this import.
    logged: HashSet<(usize, NaiveDate)>,
}

impl Mail {
    /// The mail import into `notes`, which knows the days they have e-mail lines on.
    pub fn new(notes: &[Note]) -> Mail {
        let logged = notes
            .iter()
            .enumerate()
            .flat_map(|(i, note)| {
                note.log
                    .iter()
                    .filter(|l| l.kind.as_deref() == Some("email"))
                    .map(move |l| (i, l.date))
            })
            .collect();
        Mail { logged }
    }

    /// Takes in one message.
    pub fn add(&mut self, message: &Message, rules: &Rules<'_>, people: &People, plan: &mut Plan) {
        plan.read += 1;
        let Some(date) = message.date else {
            plan.skip("without a date");
            return;
        };
        if message.bulk {
            plan.skip("from mailing lists or bulk senders");
            return;
        }
        if message.recipient_count as usize > rules.max_attendees {
            plan.skip(format!("to more than {} recipients", rules.max_attendees));
            return;
        }
        if date > rules.today {
            plan.skip("in the future");
            return;
        }
        let from_me = message.from.iter().any(|a| rules.is_me(a.email.as_deref()));
        let recipients = || message.to.iter().chain(&message.cc);
        let to_me = recipients().any(|a| rules.is_me(a.email.as_deref()));
        let others: Vec<&Address> = if from_me {
            recipients().collect()
        } else if to_me {
            message.from.iter().collect()
        } else {
            plan.skip("neither from nor to you");
            return;
        };
        let mut with: Vec<usize> = others
            .iter()
            .filter(|a| !rules.is_me(a.email.as_deref()))
            .filter_map(|a| person_of(people, a.email.as_deref(), a.name.as_deref(), false))
            .collect();
        with.sort_unstable();
        with.dedup();
        if with.is_empty() {
            plan.skip("with nobody in the vault");
            return;
        }
        let summary = one_line(&subject(message.subject.as_deref().unwrap_or("")));
        let mut added = false;
        for note in with {
            if !self.logged.insert((note, date)) {
                continue;
            }
            added |= plan.log(
                rules.notes,
                note,
                NewLogLine {
                    date,
                    kind: "email",
                    summary: summary.clone(),
                },
            );
        }
        if !added {
            plan.skip("already logged that day");
        }
    }
}

/// The one person an address names: by e-mail, else (`by_name`: calendars, whose `CN`
/// is what the organizer typed) by name. Mail names are the sender's own: not trusted.
fn person_of(
    people: &People,
    email: Option<&str>,
    name: Option<&str>,
    by_name: bool,
) -> Option<usize> {
    if let Some(email) = email
        && let Match::One(i) = people.with_email(email)
    {
        return Some(i);
    }
    match name.filter(|_| by_name).map(|n| people.named(n)) {
        Some(Match::One(i)) => Some(i),
        _ => None,
    }
}

/// A subject without its reply and forward prefixes (`Re: Fwd: AW: Lunch` is `Lunch`).
fn subject(text: &str) -> String {
    const PREFIXES: &[&str] = &["re:", "fwd:", "fw:", "aw:", "wg:", "sv:", "tr:", "réf:"];
    let mut rest = text.trim();
    loop {
        let lower = rest.to_lowercase();
        let Some(prefix) = PREFIXES.iter().find(|p| lower.starts_with(**p)) else {
            break;
        };
        rest = rest.get(prefix.len()..).unwrap_or("").trim_start();
    }
    rest.to_owned()
}

/// Text as one line of a note: control characters and line breaks as spaces, blanks
/// collapsed, at most 200 characters.
fn one_line(text: &str) -> String {
    const MAX: usize = 200;
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    let line = words.join(" ");
    match line.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_prefixes_go() {
        assert_eq!(subject("Re: RE: Fwd: Q3 planning"), "Q3 planning");
        assert_eq!(subject("Réf: AW: Mittag"), "Mittag");
        assert_eq!(subject("Rebuild plans"), "Rebuild plans");
        assert_eq!(subject(""), "");
    }

    #[test]
    fn one_line_is_one_line() {
        assert_eq!(one_line(" a\r\nb\tc\u{7}d "), "a b c d");
        assert_eq!(one_line(&"é".repeat(300)).chars().count(), 201);
    }
}
