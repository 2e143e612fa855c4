//! `vault export ics`: an RFC 5545 calendar of what is coming: birthdays (yearly, all
//! day), planned meetings, follow-ups with a due date, and a reminder to reach out to each
//! person overdue, hibernating or due soon. Every event has a stable UID, so a calendar
//! that subscribes to the file, or imports it again, updates its events instead of adding
//! copies.

use chrono::{Datelike, NaiveDate};
use vault_index::{PersonView, Reason, Status};

use crate::content_line::{push, stable_id, text};
use crate::text::unlink;

/// What a calendar is made from.
#[derive(Debug, Clone, Copy)]
pub struct CalendarInput<'a> {
    /// The people, as an export may show them.
    pub people: &'a [PersonView],
    /// The day it is made on: the events' time stamp, and the day of reminders that are
    /// already due.
    pub today: NaiveDate,
    /// The vault's name, for the calendar's name.
    pub vault_name: &'a str,
}

/// The calendar, CRLF line ends, folded, every text escaped.
pub fn calendar(input: &CalendarInput<'_>) -> String {
    let mut out = String::new();
    push(&mut out, "BEGIN", "VCALENDAR");
    push(&mut out, "VERSION", "2.0");
    push(&mut out, "PRODID", "-//vault//vault export ics//EN");
    push(&mut out, "CALSCALE", "GREGORIAN");
    push(&mut out, "METHOD", "PUBLISH");
    push(
        &mut out,
        "X-WR-CALNAME",
        &text(&format!("Keeping in touch — {}", input.vault_name)),
    );
    // Time stamps from the day, not the clock: the same vault and day give the same file.
    let stamp = format!("{}T000000Z", basic(input.today));
    for view in input.people {
        let p = &view.person;
        let name = p.name.as_str();
        if let Some(birthday) = p.birthday {
            // A yearless birthday recurs from 2000, a leap year, so 29 February is a day
            // (and the rule keeps it in the other years, see `Event::write`).
            let year = birthday.year.unwrap_or(2000);
            if let Some(first) = NaiveDate::from_ymd_opt(year, birthday.month, birthday.day) {
                let event = Event {
                    uid: uid("birthday", &[&p.path]),
                    date: first,
                    summary: format!("🎂 {name}'s birthday"),
                    description: None,
                    yearly: true,
                };
                event.write(&mut out, &stamp);
            }
        }
        for planned in &p.planned {
            let what = planned.kind.as_deref().map_or_else(
                || format!("Meeting {name}"),
                |kind| format!("{} with {name}", capitalised(kind)),
            );
            let event = Event {
                uid: uid(
                    "planned",
                    &[
                        &p.path,
                        &planned.date.to_string(),
                        planned.kind.as_deref().unwrap_or(""),
                    ],
                ),
                date: planned.date,
                summary: what,
                description: (!planned.summary.is_empty()).then(|| unlink(&planned.summary)),
                yearly: false,
            };
            event.write(&mut out, &stamp);
        }
        for follow_up in &view.card.follow_ups {
            let Some(due) = follow_up.due else {
                continue;
            };
            let event = Event {
                uid: uid("follow-up", &[&p.path, &follow_up.path, &follow_up.text]),
                date: due,
                summary: format!("Follow-up for {name}: {}", unlink(&follow_up.text)),
                description: None,
                yearly: false,
            };
            event.write(&mut out, &stamp);
        }
        if matches!(
            p.status,
            Status::Overdue | Status::Hibernating | Status::DueSoon
        ) {
            let date = p.due.map_or(input.today, |due| due.max(input.today));
            let event = Event {
                uid: uid("reach-out", &[&p.path]),
                date,
                summary: format!("Reach out to {name}"),
                description: Some(why(view)),
                yearly: false,
            };
            event.write(&mut out, &stamp);
        }
    }
    push(&mut out, "END", "VCALENDAR");
    out
}

/// An all-day event.
struct Event {
    uid: String,
    date: NaiveDate,
    summary: String,
    description: Option<String>,
    yearly: bool,
}

impl Event {
    fn write(&self, out: &mut String, stamp: &str) {
        push(out, "BEGIN", "VEVENT");
        push(out, "UID", &self.uid);
        push(out, "DTSTAMP", stamp);
        push(out, "DTSTART;VALUE=DATE", &basic(self.date));
        if let Some(next) = self.date.succ_opt() {
            push(out, "DTEND;VALUE=DATE", &basic(next));
        }
        if self.yearly {
            // `FREQ=YEARLY` from 29 February skips the years without one (RFC 5545
            // 3.3.10): the last day of February is the birthday then.
            let leap_day = self.date.month() == 2 && self.date.day() == 29;
            let rule = if leap_day {
                "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
            } else {
                "FREQ=YEARLY"
            };
            push(out, "RRULE", rule);
        }
        push(out, "SUMMARY", &text(&self.summary));
        if let Some(description) = &self.description {
            push(out, "DESCRIPTION", &text(description));
        }
        // All-day reminders do not make the user busy.
        push(out, "TRANSP", "TRANSPARENT");
        push(out, "END", "VEVENT");
    }
}

/// A UID: what the event is and whom it concerns, hashed, at a host of our own.
fn uid(kind: &str, parts: &[&str]) -> String {
    let mut all = vec![kind];
    all.extend_from_slice(parts);
    format!("{kind}-{}@vault.invalid", stable_id(&all))
}

/// `20261202`.
fn basic(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Why to reach out, as the reminder's description.
fn why(view: &PersonView) -> String {
    let mut lines: Vec<String> = view
        .card
        .reasons
        .iter()
        .filter_map(|r| match *r {
            Reason::Hibernating {
                days_since_contact,
                cadence_days,
            } => Some(format!(
                "Hibernating: {days_since_contact} days since the last contact (cadence {cadence_days} days)."
            )),
            Reason::Overdue {
                days_overdue,
                days_since_contact,
                cadence_days,
            } => Some(format!(
                "Overdue by {days_overdue} days: {days_since_contact} days since the last contact (cadence {cadence_days} days)."
            )),
            Reason::DueSoon { in_days: 0, .. } => Some("Due today.".to_owned()),
            Reason::DueSoon { in_days, .. } => Some(format!("Due in {in_days} days.")),
            Reason::NoContact => Some("No contact on record.".to_owned()),
            Reason::Birthday { in_days: 0, .. } => Some("Birthday today.".to_owned()),
            Reason::Birthday { in_days, .. } => Some(format!("Birthday in {in_days} days.")),
            Reason::FollowUp { .. } | Reason::Milestone { .. } => None,
        })
        .collect();
    for follow_up in &view.card.follow_ups {
        lines.push(format!("You owe: {}", unlink(&follow_up.text)));
    }
    lines.join("\n")
}
