//! The reach-out message: DESIGN.md "The draft". Made from plain facts about one person
//! ([`DraftInput`]) through the `draft*.txt` templates, so the digest, `vault show`,
//! `vault draft` and `vault review` say the same thing.

use chrono::{NaiveDate, Weekday};
use serde::Serialize;
use vault_index::{ComingBirthday, Status};

use crate::templates::{RenderError, Templates};
use crate::text::one_line;

/// What a draft is written from: facts a shared output may show of a public person.
#[derive(Debug, Clone, Copy)]
pub struct DraftInput<'a> {
    /// Display name.
    pub name: &'a str,
    /// First name, for the greeting.
    pub first_name: &'a str,
    /// Kind of relationship (`mentor`, `friend`…), for the tone.
    pub relationship: Option<&'a str>,
    /// Status.
    pub status: Status,
    /// The day of the last contact.
    pub last_contact: Option<NaiveDate>,
    /// The kind of the last contact (`coffee`).
    pub last_kind: Option<&'a str>,
    /// What you last talked about, as written in the note.
    pub last_topic: Option<&'a str>,
    /// What they care about, as written.
    pub interests: &'a [String],
    /// Companies.
    pub company: &'a [String],
    /// Role.
    pub role: Option<&'a str>,
    /// The most pressing follow-up you owe them, as written.
    pub owed: Option<&'a str>,
    /// Their birthday, when it is near.
    pub birthday: Option<ComingBirthday>,
    /// A recent milestone of theirs, as written.
    pub milestone: Option<&'a str>,
    /// Where you usually meet.
    pub place: Option<&'a str>,
    /// What not to bring up: never in the message.
    pub boundaries: &'a [String],
    /// The day the draft is written.
    pub today: NaiveDate,
}

/// The user's settings for drafts (`me:` and `draft_days` in `vault.yaml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSettings {
    /// The sign-off: `me.sign_off`, else `me.name`; none leaves the message unsigned.
    pub sign_off: Option<String>,
    /// The days a draft proposes to meet on. Default: Tuesday to Thursday.
    pub days: Vec<Weekday>,
}

impl Default for DraftSettings {
    fn default() -> Self {
        DraftSettings {
            sign_off: None,
            days: vec![Weekday::Tue, Weekday::Wed, Weekday::Thu],
        }
    }
}

/// A ready message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    /// A subject line for an e-mail.
    pub subject: String,
    /// The message.
    pub body: String,
}

#[derive(Debug, Serialize)]
struct Context<'a> {
    name: std::borrow::Cow<'a, str>,
    first_name: std::borrow::Cow<'a, str>,
    status: &'static str,
    days_since_contact: Option<i64>,
    last_kind: Option<std::borrow::Cow<'a, str>>,
    last_topic: Option<std::borrow::Cow<'a, str>>,
    interests: Vec<std::borrow::Cow<'a, str>>,
    company: Vec<std::borrow::Cow<'a, str>>,
    role: Option<std::borrow::Cow<'a, str>>,
}

/// The draft for `input`.
pub fn draft<'a>(
    templates: &Templates,
    _settings: &DraftSettings,
    input: &DraftInput<'a>,
) -> Result<Draft, RenderError> {
    let list = |items: &'a [String]| -> Vec<std::borrow::Cow<'a, str>> {
        items.iter().map(|i| one_line(i)).collect()
    };
    let context = Context {
        name: one_line(input.name),
        first_name: one_line(input.first_name),
        status: input.status.as_str(),
        days_since_contact: input.last_contact.map(|d| (input.today - d).num_days()),
        last_kind: input.last_kind.map(one_line),
        last_topic: input.last_topic.map(one_line),
        interests: list(input.interests),
        company: list(input.company),
        role: input.role.map(one_line),
    };
    let body = templates.render("draft.txt", &context)?.trim().to_owned();
    Ok(Draft {
        subject: "Catching up".to_owned(),
        body,
    })
}
