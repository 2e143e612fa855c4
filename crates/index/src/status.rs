//! The status rules: where a person stands on a given day.

use chrono::NaiveDate;
use serde::Serialize;

/// Where a relationship stands. Declared in urgency order (most urgent first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Left more than twice the cadence: the friendship is going cold.
    Hibernating,
    /// Past the due date.
    Overdue,
    /// Due within the due-soon window.
    DueSoon,
    /// No interaction on record.
    NoContact,
    /// In touch.
    Ok,
    /// `snooze_until` is after today.
    Snoozed,
    /// `paused: true`.
    Paused,
}

impl Status {
    /// Every status, in urgency order.
    pub const ALL: [Status; 7] = [
        Status::Hibernating,
        Status::Overdue,
        Status::DueSoon,
        Status::NoContact,
        Status::Ok,
        Status::Snoozed,
        Status::Paused,
    ];

    /// The word used in JSON, tables and templates (`due-soon`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Hibernating => "hibernating",
            Status::Overdue => "overdue",
            Status::DueSoon => "due-soon",
            Status::NoContact => "no-contact",
            Status::Ok => "ok",
            Status::Snoozed => "snoozed",
            Status::Paused => "paused",
        }
    }

    /// Whether the person needs attention (shown by `vault status` without `--all`).
    pub fn needs_attention(self) -> bool {
        matches!(
            self,
            Status::Hibernating | Status::Overdue | Status::DueSoon | Status::NoContact
        )
    }
}

/// The facts the status rules look at.
#[derive(Debug, Clone, Copy)]
pub struct StatusInput {
    /// `paused: true`.
    pub paused: bool,
    /// `snooze_until`.
    pub snooze_until: Option<NaiveDate>,
    /// Latest interaction on or before today.
    pub last_contact: Option<NaiveDate>,
    /// Cadence in days.
    pub cadence_days: u32,
}

/// A person's status and due date on `today`; first matching rule wins.
pub fn status(
    input: StatusInput,
    today: NaiveDate,
    due_soon_days: u32,
) -> (Status, Option<NaiveDate>) {
    let due = input
        .last_contact
        .and_then(|last| last.checked_add_days(chrono::Days::new(u64::from(input.cadence_days))));
    let status = if input.paused {
        Status::Paused
    } else if input.snooze_until.is_some_and(|until| until > today) {
        Status::Snoozed
    } else if let Some(last) = input.last_contact {
        let since = (today - last).num_days();
        match due {
            _ if since > 2 * i64::from(input.cadence_days) => Status::Hibernating,
            Some(due) if today > due => Status::Overdue,
            Some(due) if (due - today).num_days() <= i64::from(due_soon_days) => Status::DueSoon,
            // A due date past the last date there is: in touch, not "no contact".
            Some(_) | None => Status::Ok,
        }
    } else {
        Status::NoContact
    };
    (status, due)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn run(paused: bool, snooze: Option<&str>, last: Option<&str>, cadence: u32) -> Status {
        let input = StatusInput {
            paused,
            snooze_until: snooze.map(d),
            last_contact: last.map(d),
            cadence_days: cadence,
        };
        status(input, d("2026-11-23"), 7).0
    }

    #[test]
    fn rules_in_order() {
        assert_eq!(run(true, Some("2027-01-01"), None, 30), Status::Paused);
        assert_eq!(
            run(false, Some("2026-11-24"), Some("2020-01-01"), 30),
            Status::Snoozed
        );
        // A snooze that ended today no longer applies.
        assert_eq!(run(false, Some("2026-11-23"), None, 30), Status::NoContact);
        assert_eq!(run(false, None, None, 30), Status::NoContact);
        // 61 days > 2 × 30.
        assert_eq!(
            run(false, None, Some("2026-09-23"), 30),
            Status::Hibernating
        );
        // Exactly 2 × cadence is overdue, not hibernating.
        assert_eq!(run(false, None, Some("2026-09-24"), 30), Status::Overdue);
        // Due today is not overdue; it is due soon.
        assert_eq!(run(false, None, Some("2026-10-24"), 30), Status::DueSoon);
        assert_eq!(run(false, None, Some("2026-10-31"), 30), Status::DueSoon);
        assert_eq!(run(false, None, Some("2026-11-01"), 30), Status::Ok);
    }

    #[test]
    fn due_date_is_last_contact_plus_cadence() {
        let input = StatusInput {
            paused: false,
            snooze_until: None,
            last_contact: Some(d("2026-09-30")),
            cadence_days: 30,
        };
        assert_eq!(
            status(input, d("2026-11-23"), 7),
            (Status::Overdue, Some(d("2026-10-30")))
        );
    }

    #[test]
    fn a_due_date_past_the_calendar_is_not_no_contact() {
        let input = StatusInput {
            paused: false,
            snooze_until: None,
            last_contact: Some(NaiveDate::MAX),
            cadence_days: u32::MAX,
        };
        assert_eq!(status(input, NaiveDate::MAX, 7), (Status::Ok, None));
        assert_eq!(run(false, None, Some("2026-11-01"), u32::MAX), Status::Ok);
    }

    #[test]
    fn urgency_order() {
        let mut all = Status::ALL;
        all.reverse();
        all.sort();
        assert_eq!(all, Status::ALL);
        assert_eq!(Status::DueSoon.as_str(), "due-soon");
    }
}
