//! Why to reach out now, in words: one wording for every reason of a card, used by the
//! digest (Markdown, HTML, JSON) and by the terminal's card (`vault show`, `vault review`).

use chrono::NaiveDate;
use vault_index::Reason;

/// The facts a reason's words refer to.
#[derive(Debug, Clone, Default)]
pub struct ReasonFacts<'a> {
    /// The person's first name ("you owe Sharon").
    pub first_name: &'a str,
    /// The kind of the last contact ("since the last coffee").
    pub last_kind: Option<&'a str>,
    /// Days since the last contact.
    pub days_since_contact: Option<i64>,
    /// The follow-ups owed to them: text, due date, days until due.
    pub follow_ups: Vec<(&'a str, Option<NaiveDate>, Option<i64>)>,
    /// Their recent milestone, as written.
    pub milestone: Option<&'a str>,
}

/// `reason` in words: "overdue by 19 days (last contact 49 days ago, cadence 30 days)",
/// "🎂 birthday in 9 days (turns 42)", "you owe Sharon: send the template (due
/// 2026-11-20, 3 days overdue)". Text from a note goes through `phrase` (escaped for the
/// output it goes to).
pub fn reason_text(
    reason: Reason,
    facts: &ReasonFacts<'_>,
    phrase: impl Fn(&str) -> String,
) -> String {
    let last = |since: Option<i64>, cadence: u32| match since {
        Some(since) => format!(
            "(last contact {}, cadence {})",
            ago(since),
            days(cadence.into())
        ),
        None => format!("(cadence {})", days(cadence.into())),
    };
    match reason {
        Reason::Overdue {
            days_overdue,
            days_since_contact,
            cadence_days,
        } => format!(
            "overdue by {} {}",
            days(days_overdue),
            last(Some(days_since_contact), cadence_days)
        ),
        Reason::Hibernating {
            days_since_contact,
            cadence_days,
        } => format!(
            "hibernating: {} since the last {} (cadence {})",
            days(days_since_contact),
            facts
                .last_kind
                .map_or_else(|| "contact".to_owned(), &phrase),
            days(cadence_days.into())
        ),
        Reason::DueSoon {
            in_days,
            cadence_days,
        } => format!(
            "due {} {}",
            within(in_days),
            last(facts.days_since_contact, cadence_days)
        ),
        Reason::NoContact => "no contact on record yet".to_owned(),
        Reason::Birthday { in_days, turns } => {
            let when = match in_days {
                0 => "🎂 birthday today".to_owned(),
                n => format!("🎂 birthday {}", within(n)),
            };
            match turns {
                Some(age) => format!("{when} (turns {age})"),
                None => when,
            }
        }
        Reason::FollowUp { days_until_due } => {
            let owed = facts
                .follow_ups
                .iter()
                .find(|(_, _, days)| *days == Some(days_until_due));
            let due = owed.and_then(|(_, due, _)| *due);
            let when = match (due, days_until_due) {
                (_, 0) => "due today".to_owned(),
                (_, 1) => "due tomorrow".to_owned(),
                (Some(due), n) if n < 0 => format!("due {due}, {} overdue", days(-n)),
                (Some(due), n) => format!("due {due}, in {}", days(n)),
                (None, n) if n < 0 => format!("{} overdue", days(-n)),
                (None, n) => format!("due {}", within(n)),
            };
            match owed {
                Some((text, _, _)) => format!(
                    "you owe {}: {} ({when})",
                    phrase(facts.first_name),
                    phrase(text)
                ),
                None => format!("a follow-up you owe {} ({when})", phrase(facts.first_name)),
            }
        }
        Reason::Milestone { days_ago } => match facts.milestone {
            Some(summary) => format!("milestone: {} ({})", phrase(summary), ago(days_ago)),
            None => format!("a milestone {}", ago(days_ago)),
        },
    }
}

/// "1 day", "19 days".
fn days(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} day")
    } else {
        format!("{n} days")
    }
}

/// "today", "yesterday", "49 days ago".
fn ago(n: i64) -> String {
    match n {
        0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        n => format!("{} ago", days(n)),
    }
}

/// "today", "tomorrow", "in 9 days".
fn within(n: i64) -> String {
    match n {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        n => format!("in {}", days(n)),
    }
}
