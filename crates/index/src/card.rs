//! The suggestion card: everything about one person that helps the user reach out, brought
//! together from the sections where each fact lives (status, follow-ups, birthdays,
//! milestones, properties).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use vault_notes::Person;

use crate::follow_ups::FollowUp;
use crate::interactions::Interaction;
use crate::people::PersonStatus;
use crate::status::Status;

/// How many days back a milestone (`- 2026-11-10 milestone: promoted`) is news.
pub const MILESTONE_DAYS: i64 = 30;

/// The coming week, in which a birthday or an owed follow-up raises a suggestion.
pub const SOON_DAYS: i64 = 7;

/// One person's card.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Card {
    /// Why now: every reason that holds, the status first.
    pub reasons: Vec<Reason>,
    /// Open follow-ups owed to them, overdue first.
    pub follow_ups: Vec<FollowUp>,
    /// Their next birthday, when it falls in the coming days ("Coming up"'s window).
    pub birthday: Option<ComingBirthday>,
    /// Their latest milestone (a contact of kind `milestone`) in the last
    /// [`MILESTONE_DAYS`] days.
    pub milestone: Option<Interaction>,
    /// What not to bring up: shown to the user, never put in a message.
    pub boundaries: Vec<String>,
    /// How to reach them.
    pub contact: Contact,
}

/// A reason to reach out now. Figures only: the text a reason refers to (a follow-up, a
/// milestone) is on the card, where the privacy rule can withhold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Reason {
    /// Left longer than twice the cadence.
    Hibernating {
        /// Days since the last contact.
        days_since_contact: i64,
        /// The cadence.
        cadence_days: u32,
    },
    /// Past the due date.
    Overdue {
        /// Days past due.
        days_overdue: i64,
        /// Days since the last contact.
        days_since_contact: i64,
        /// The cadence.
        cadence_days: u32,
    },
    /// Due within the due-soon window.
    DueSoon {
        /// Days until due (0: today).
        in_days: i64,
        /// The cadence.
        cadence_days: u32,
    },
    /// No contact on record.
    NoContact,
    /// A birthday in the coming days.
    Birthday {
        /// Days until it (0: today).
        in_days: i64,
        /// The age they turn, when the year is known.
        turns: Option<i32>,
    },
    /// A follow-up owed to them, past due or due in the coming week.
    FollowUp {
        /// Days until due (negative: overdue).
        days_until_due: i64,
    },
    /// A milestone of theirs, recently.
    Milestone {
        /// Days ago.
        days_ago: i64,
    },
}

/// A coming birthday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ComingBirthday {
    /// The day.
    pub date: NaiveDate,
    /// Days from today.
    pub in_days: i64,
    /// The age they turn, when the year is known.
    pub turns: Option<i32>,
}

/// How to reach someone, as their note says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// E-mail addresses, the first the one to write to.
    pub emails: Vec<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// LinkedIn profile (a URL or a handle, as written).
    pub linkedin: Option<String>,
    /// Web site.
    pub url: Option<String>,
    /// City.
    pub location: Option<String>,
    /// Where you usually meet.
    pub place: Option<String>,
}

impl Contact {
    fn of(person: &Person) -> Contact {
        Contact {
            emails: person.email.clone(),
            phone: person.phone.clone(),
            linkedin: person.linkedin.clone(),
            url: person.url.clone(),
            location: person.location.clone(),
            place: person.place.clone(),
        }
    }
}

/// The card of `status` (whose note says `person`), given the follow-ups owed to them
/// (overdue first), their contacts on or before today (oldest first) and how many days
/// "coming up" looks ahead.
pub(crate) fn card(
    status: &PersonStatus,
    person: &Person,
    follow_ups: Vec<FollowUp>,
    past: impl DoubleEndedIterator<Item = Interaction>,
    today: NaiveDate,
    upcoming_days: u32,
) -> Card {
    let birthday = status
        .birthday
        .and_then(|b| {
            let date = b.next_on_or_after(today)?;
            Some(ComingBirthday {
                date,
                in_days: (date - today).num_days(),
                turns: b.year.map(|y| date.year() - y),
            })
        })
        .filter(|b| b.in_days <= i64::from(upcoming_days));
    let milestone = past
        .rev()
        .take_while(|i| (today - i.date).num_days() <= MILESTONE_DAYS)
        .find(|i| i.kind.as_deref() == Some("milestone"));

    let mut reasons = Vec::new();
    match (
        status.status,
        status.days_since_contact,
        status.days_overdue,
    ) {
        (Status::Hibernating, Some(since), _) => reasons.push(Reason::Hibernating {
            days_since_contact: since,
            cadence_days: status.cadence_days,
        }),
        (Status::Overdue, Some(since), Some(overdue)) => reasons.push(Reason::Overdue {
            days_overdue: overdue,
            days_since_contact: since,
            cadence_days: status.cadence_days,
        }),
        (Status::DueSoon, _, Some(overdue)) => reasons.push(Reason::DueSoon {
            in_days: -overdue,
            cadence_days: status.cadence_days,
        }),
        (Status::NoContact, _, _) => reasons.push(Reason::NoContact),
        _ => {}
    }
    if let Some(b) = birthday {
        reasons.push(Reason::Birthday {
            in_days: b.in_days,
            turns: b.turns,
        });
    }
    if let Some(days) = owed_soon(&follow_ups) {
        reasons.push(Reason::FollowUp {
            days_until_due: days,
        });
    }
    if let Some(m) = &milestone {
        reasons.push(Reason::Milestone {
            days_ago: (today - m.date).num_days(),
        });
    }
    Card {
        reasons,
        follow_ups,
        birthday,
        milestone,
        boundaries: person.boundaries.clone(),
        contact: Contact::of(person),
    }
}

/// Days until the most pressing follow-up that is past due or due in the coming week.
pub(crate) fn owed_soon(follow_ups: &[FollowUp]) -> Option<i64> {
    follow_ups
        .iter()
        .filter_map(|f| f.days_until_due)
        .filter(|&days| days <= SOON_DAYS)
        .min()
}
