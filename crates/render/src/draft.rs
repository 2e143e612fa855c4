//! The reach-out message: DESIGN.md "The draft". Made from plain facts about one person
//! ([`DraftInput`]) through the `draft*.txt` templates, so the digest, `vault show`,
//! `vault draft` and `vault review` say the same thing.
//!
//! A draft must read as if the user wrote it, whatever the notes say. Notes are written
//! to oneself, about the person ("her new role", "I introduced her to Dana", "rust"), so
//! no note text is put into a sentence of the message: a phrase of unknown grammar
//! breaks any sentence it is put in, and one about the person reads wrongly to them.
//! Instead this module prepares facts in words of its own, which the templates put
//! together:
//!
//! - the tone, from the relationship ([`Tone::of`]);
//! - the last contact: its kind from a table ([`KINDS`]: `coffee`, `call`…; other kinds
//!   are not named) and when it was, in words ("in September", "last week");
//! - the proposal: the kind again ("another coffee", "lunch again") or a coffee or call
//!   by tone, the first of the user's days at least two days away ("Wednesday the
//!   25th"), and the `place` property when it reads as a place ([`place`]);
//! - that a follow-up is owed, that a milestone is recent, when a birthday near today
//!   falls — never their text.
//!
//! Two pieces of note text do appear: the first name in the greeting and the place
//! after "at", each only when it passes a check that it reads as a name or a place.
//! Summaries, interests, the follow-up's and the milestone's text stay on the card
//! beside the draft, where the user can add a line of their own.
//!
//! Whatever the templates write (the user's own too), a sentence that mentions one of
//! the person's boundaries is taken out of the message ([`tidy`]).

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;
use vault_index::{ComingBirthday, SharedPerson, SharedSuggestion, Status};

use crate::templates::{RenderError, Templates};
use crate::text::{one_line, unlink};

/// What a draft is written from: facts a shared output may show of a public person.
#[derive(Debug, Clone, Copy, PartialEq)]
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
    /// The next contact already planned (a log line dated after today), and its kind.
    pub planned: Option<NaiveDate>,
    /// The kind of that planned contact (`lunch`), as written.
    pub planned_kind: Option<&'a str>,
    /// What not to bring up: never in the message.
    pub boundaries: &'a [String],
    /// The day the draft is written.
    pub today: NaiveDate,
}

impl<'a> DraftInput<'a> {
    /// The facts of `s`'s draft on `today`: what a shared output shows of them
    /// ([`vault_index::shared`]), whether the draft goes into the digest or to the
    /// terminal. A private person's draft knows their name and status only.
    pub fn of(s: &SharedSuggestion<'a>, today: NaiveDate) -> Self {
        let (p, card) = match (&s.person, &s.card) {
            (SharedPerson::Public(p), Some(card)) => (p, card),
            (person, _) => {
                return DraftInput {
                    name: person.name(),
                    first_name: person.first_name(),
                    relationship: None,
                    status: person.status(),
                    last_contact: None,
                    last_kind: None,
                    last_topic: None,
                    interests: &[],
                    company: &[],
                    role: None,
                    owed: None,
                    birthday: None,
                    milestone: None,
                    place: None,
                    planned: None,
                    planned_kind: None,
                    boundaries: &[],
                    today,
                };
            }
        };
        DraftInput {
            name: p.name,
            first_name: p.first_name,
            relationship: p.relationship,
            status: p.status,
            last_contact: p.last_contact,
            last_kind: p.last_kind,
            last_topic: p.last_topic.map(|t| t.summary),
            interests: p.interests,
            company: p.company,
            role: p.role,
            owed: card.follow_ups.first().map(|f| f.text),
            birthday: card.birthday,
            milestone: card.milestone.map(|(_, m)| m),
            place: card.contact.place.as_deref(),
            planned: p.next_planned.map(|(date, _)| date),
            planned_kind: p.next_planned.and_then(|(_, kind)| kind),
            boundaries: card.boundaries,
            today,
        }
    }
}

/// The user's settings for drafts (`me:` and `draft_days` in `vault.yaml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSettings {
    /// The sign-off: `me.sign_off`, else `me.name`; none leaves the message unsigned.
    pub sign_off: Option<String>,
    /// The days a draft proposes to meet on. Default: Tuesday to Thursday. Empty: no
    /// day is proposed ("in the next week or two").
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

/// How a message is written, by relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    /// To people senior to you or known through work only: "Hi Priya," … "Best regards,".
    Formal,
    /// To colleagues, peers, mentees and anyone else: "Hi Marco," … "Best,".
    Neutral,
    /// To friends: "Hey Jonas," … "Cheers,".
    Casual,
}

/// Relationships written to formally: people above you, or known through work alone.
pub const FORMAL_RELATIONSHIPS: &[&str] = &[
    "mentor",
    "executive",
    "exec",
    "connection",
    "manager",
    "former-manager",
    "boss",
    "skip-level",
    "board",
    "board-member",
    "investor",
    "client",
    "customer",
    "advisor",
    "adviser",
    "sponsor",
    "recruiter",
];

/// Relationships written to casually; so is any relationship with `friend` or `buddy`
/// in it (`knitting-buddy`, `old-friend`).
pub const CASUAL_RELATIONSHIPS: &[&str] = &[
    "friend",
    "ally",
    "buddy",
    "pal",
    "mate",
    "family",
    "neighbour",
    "neighbor",
];

impl Tone {
    /// The tone for a relationship as written (`Mentor`, `knitting buddy`, `[[friend]]`):
    /// [`FORMAL_RELATIONSHIPS`], [`CASUAL_RELATIONSHIPS`] or a relationship naming a
    /// friend or buddy, else neutral.
    pub fn of(relationship: Option<&str>) -> Tone {
        let Some(relationship) = relationship else {
            return Tone::Neutral;
        };
        let normal: String = unlink(relationship)
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == ' ' || c == '_' { '-' } else { c })
            .collect();
        let words: Vec<&str> = normal.split(['-', '/']).filter(|w| !w.is_empty()).collect();
        let any_of = |table: &[&str]| {
            table.contains(&normal.as_str()) || words.iter().any(|w| table.contains(w))
        };
        if normal.contains("friend") || normal.contains("buddy") || any_of(CASUAL_RELATIONSHIPS) {
            Tone::Casual
        } else if any_of(FORMAL_RELATIONSHIPS) {
            Tone::Formal
        } else {
            Tone::Neutral
        }
    }
}

/// A kind of contact a draft can name: what it is called ("since our **coffee**"), what
/// the draft proposes after it, the proposal in a subject line, and whether it happens
/// somewhere (a call has no place).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// The kinds written in notes that mean it, lower case.
    pub words: &'static [&'static str],
    /// What the message calls it: "our coffee", "the coffee last week".
    pub noun: &'static str,
    /// What the message proposes after it; `None` proposes a coffee or call by tone.
    pub again: Option<&'static str>,
    /// The proposal in a subject line ("Coffee next week?").
    pub subject: &'static str,
    /// Whether it happens at a place.
    pub in_person: bool,
}

const fn kind(
    words: &'static [&'static str],
    noun: &'static str,
    again: Option<&'static str>,
    subject: &'static str,
    in_person: bool,
) -> Kind {
    Kind {
        words,
        noun,
        again,
        subject,
        in_person,
    }
}

/// The kinds of contact a draft names. Any other kind (`offsite`, `email`, `knitting`)
/// is not named: "since we last caught up in June".
pub const KINDS: &[Kind] = &[
    kind(
        &["coffee", "café", "cafe", "espresso"],
        "coffee",
        Some("another coffee"),
        "Coffee",
        true,
    ),
    kind(&["tea"], "tea", Some("another tea"), "Tea", true),
    kind(&["lunch"], "lunch", Some("lunch again"), "Lunch", true),
    kind(
        &["dinner", "supper"],
        "dinner",
        Some("dinner again"),
        "Dinner",
        true,
    ),
    kind(
        &["breakfast"],
        "breakfast",
        Some("breakfast again"),
        "Breakfast",
        true,
    ),
    kind(&["brunch"], "brunch", Some("brunch again"), "Brunch", true),
    kind(
        &["drinks", "drink", "beer", "beers", "pint", "pints", "wine"],
        "drinks",
        Some("drinks again"),
        "Drinks",
        true,
    ),
    kind(
        &[
            "call",
            "phone",
            "phone-call",
            "video",
            "video-call",
            "zoom",
            "meet",
            "teams",
            "facetime",
            "skype",
        ],
        "call",
        Some("another call"),
        "A call",
        false,
    ),
    kind(&["walk"], "walk", Some("another walk"), "A walk", true),
    kind(
        &["hike", "hiking"],
        "hike",
        Some("another hike"),
        "A hike",
        true,
    ),
    kind(
        &["run", "running"],
        "run",
        Some("another run"),
        "A run",
        true,
    ),
    kind(
        &["ride", "cycle", "cycling"],
        "ride",
        Some("another ride"),
        "A ride",
        true,
    ),
    kind(
        &["mentoring"],
        "mentoring session",
        Some("another mentoring session"),
        "Another session",
        true,
    ),
    kind(
        &["coaching"],
        "coaching session",
        Some("another coaching session"),
        "Another session",
        true,
    ),
    kind(
        &["session"],
        "session",
        Some("another session"),
        "Another session",
        true,
    ),
    kind(
        &["1:1", "1-1", "one-on-one", "1on1"],
        "one-on-one",
        Some("another one-on-one"),
        "A one-on-one",
        true,
    ),
    kind(
        &["chat", "catch-up", "catchup"],
        "chat",
        Some("another chat"),
        "Catching up",
        true,
    ),
    kind(&["meeting", "meetup"], "meeting", None, "Catching up", true),
];

/// The kind a note's `kind` names, if the table knows it.
pub fn kind_of(written: &str) -> Option<&'static Kind> {
    let written = written.trim().to_lowercase();
    KINDS.iter().find(|k| k.words.contains(&written.as_str()))
}

/// The template context: facts in the draft's own words (see the module docs), and the
/// notes' text as written under `written` for a vault's own templates.
#[derive(Debug, Serialize)]
struct Context {
    /// The display name and the first name, as written (one line each).
    name: String,
    first_name: String,
    tone: Tone,
    /// The first name when it reads as one; `None` greets without a name.
    greeting_name: Option<String>,
    status: &'static str,
    last: Option<Last>,
    proposal: Proposal,
    /// A contact already planned in the coming weeks: then nothing is proposed.
    planned: Option<PlannedNear>,
    /// Whether a follow-up is owed to them.
    owed: bool,
    /// Whether they had a milestone lately.
    milestone: bool,
    birthday: Option<BirthdayNear>,
    sign_off: Option<String>,
    written: Written,
}

/// The last contact, in the draft's words.
#[derive(Debug, Serialize)]
struct Last {
    /// What it was ("coffee", "mentoring session"), when the kind is one of [`KINDS`].
    noun: Option<&'static str>,
    /// When: "today", "earlier this week", "last week", "earlier this month",
    /// "in September", "in September last year", "in March 2024", "recently".
    when: String,
    /// Days since.
    days: i64,
}

/// What the draft proposes.
#[derive(Debug, Serialize)]
struct Proposal {
    /// "another coffee", "lunch again", "a short call".
    activity: &'static str,
    /// "Coffee" for "Coffee next week?"; `None` when the activity has no short name.
    subject: Option<&'static str>,
    /// "Wednesday the 25th"; `None` when no day is configured.
    day: Option<String>,
    /// "this week" or "next week", for the day; `None` when neither.
    week: Option<&'static str>,
    /// Where, when the person's `place` reads as a place and the activity has one.
    place: Option<String>,
}

/// A contact planned in the coming weeks.
#[derive(Debug, Serialize)]
struct PlannedNear {
    /// What it is ("lunch"), when the kind is one of [`KINDS`].
    noun: Option<&'static str>,
    /// "tomorrow", "on Thursday", "next week", "on 3 December".
    when: String,
}

/// How far ahead a planned contact makes a proposal unneeded.
const PLANNED_DAYS: i64 = 30;

/// A birthday near today.
#[derive(Debug, Serialize)]
struct BirthdayNear {
    /// Days from today (negative: it was).
    in_days: i64,
    /// "today", "tomorrow", "on Saturday", "next week", "yesterday".
    when: String,
}

/// The notes' text as written, for a vault's own templates: the built-ins use none of
/// it. A value that mentions a boundary is left out.
#[derive(Debug, Serialize)]
struct Written {
    relationship: Option<String>,
    last_kind: Option<String>,
    last_topic: Option<String>,
    interests: Vec<String>,
    company: Vec<String>,
    role: Option<String>,
    owed: Option<String>,
    milestone: Option<String>,
    place: Option<String>,
}

/// The draft for `input`.
pub fn draft(
    templates: &Templates,
    settings: &DraftSettings,
    input: &DraftInput<'_>,
) -> Result<Draft, RenderError> {
    let boundaries: Vec<String> = input
        .boundaries
        .iter()
        .map(|b| one_line(b).trim().to_owned())
        .filter(|b| !b.is_empty())
        .collect();
    let clear = |text: &str| !boundaries.iter().any(|b| mentions(text, b));
    let tone = Tone::of(input.relationship);
    let today = input.today;

    let kind = input
        .last_kind
        .and_then(kind_of)
        .filter(|k| clear(k.noun) && k.again.is_none_or(clear));
    let last = input.last_contact.map(|day| Last {
        noun: kind.map(|k| k.noun),
        when: when(day, today),
        days: (today - day).num_days(),
    });
    // Where you usually meet, when it reads as a place and no boundary rules it out.
    let usual_place = input
        .place
        .and_then(|p| place(p, input.name, input.first_name))
        .filter(|p| clear(p));
    let (activity, subject, in_person) =
        match kind.and_then(|k| k.again.map(|a| (a, k.subject, k.in_person))) {
            Some((again, subject, in_person)) => (again, Some(subject), in_person),
            None => default_activity(tone, &clear, usual_place.is_some()),
        };
    let day = proposed_day(today, &settings.days);
    let proposal = Proposal {
        activity,
        subject,
        day: day.map(day_words),
        week: day.and_then(|d| week_of(d, today)),
        place: usual_place.filter(|_| in_person),
    };
    let sign_off = settings
        .sign_off
        .as_deref()
        .map(|s| one_line(s).trim().to_owned())
        .filter(|s| !s.is_empty());
    let written_text = |text: &str| Some(one_line(text).into_owned()).filter(|t| clear(t));
    let context = Context {
        name: one_line(input.name).into_owned(),
        first_name: one_line(input.first_name).into_owned(),
        tone,
        greeting_name: greeting_name(input.first_name).or_else(|| greeting_name(input.name)),
        status: input.status.as_str(),
        last,
        proposal,
        planned: input.planned.and_then(|date| {
            planned_near(
                date,
                today,
                input
                    .planned_kind
                    .and_then(kind_of)
                    .map(|k| k.noun)
                    .filter(|n| clear(n)),
            )
        }),
        owed: input.owed.is_some_and(|o| !o.trim().is_empty()),
        milestone: input.milestone.is_some_and(|m| !m.trim().is_empty()),
        birthday: input.birthday.and_then(|b| birthday_near(b, today)),
        sign_off: sign_off.clone(),
        written: Written {
            relationship: input.relationship.and_then(written_text),
            last_kind: input.last_kind.and_then(written_text),
            last_topic: input.last_topic.and_then(written_text),
            interests: input
                .interests
                .iter()
                .filter_map(|i| written_text(i))
                .collect(),
            company: input
                .company
                .iter()
                .filter_map(|c| written_text(c))
                .collect(),
            role: input.role.and_then(written_text),
            owed: input.owed.and_then(written_text),
            milestone: input.milestone.and_then(written_text),
            place: input.place.and_then(written_text),
        },
    };
    let body = templates.render("draft.txt", &context)?;
    let body = tidy(&body, &boundaries, sign_off.as_deref());
    let subject = templates.render("draft-subject.txt", &context)?;
    let subject = one_line(subject.trim()).into_owned();
    let subject = [subject.as_str(), "Catching up", "Hello"]
        .into_iter()
        .find(|s| !s.is_empty() && clear(s))
        .unwrap_or_default()
        .to_owned();
    Ok(Draft { subject, body })
}

/// What to propose when the last contact does not say: a coffee or a call by tone (a
/// coffee where you usually meet, when you have a place), the first that no boundary
/// rules out; with its name in a subject line, and whether it happens at a place.
fn default_activity(
    tone: Tone,
    clear: &impl Fn(&str) -> bool,
    has_place: bool,
) -> (&'static str, Option<&'static str>, bool) {
    let at_the_place: &[(&str, Option<&str>, bool)] = if has_place {
        &[("a coffee", Some("Coffee"), true)]
    } else {
        &[]
    };
    let by_tone: &[(&str, Option<&str>, bool)] = match tone {
        Tone::Formal => &[("a short call", None, false)],
        Tone::Neutral => &[
            ("a coffee or a quick call", Some("Coffee or a call"), false),
            ("a quick call", Some("A call"), false),
        ],
        Tone::Casual => &[
            ("a coffee", Some("Coffee"), true),
            ("a call", Some("A call"), false),
        ],
    };
    at_the_place
        .iter()
        .chain(by_tone)
        .copied()
        .find(|(activity, _, _)| clear(activity))
        .unwrap_or(("a catch-up", None, false))
}

/// When `day` was, seen from `today`, in words that fit "since our coffee …" and
/// "Thanks again for the coffee …".
fn when(day: NaiveDate, today: NaiveDate) -> String {
    let month = month_name(day.month());
    let days = (today - day).num_days();
    let week = |d: NaiveDate| (d.iso_week().year(), d.iso_week().week());
    if days < 0 {
        "recently".to_owned()
    } else if days == 0 {
        "today".to_owned()
    } else if week(day) == week(today) {
        "earlier this week".to_owned()
    } else if today
        .checked_sub_days(Days::new(7))
        .is_some_and(|a_week_ago| week(a_week_ago) == week(day))
    {
        "last week".to_owned()
    } else if (day.year(), day.month()) == (today.year(), today.month()) {
        "earlier this month".to_owned()
    } else if day.year() == today.year()
        || (day.year() + 1 == today.year() && day.month() > today.month())
    {
        format!("in {month}")
    } else if day.year() + 1 == today.year() {
        format!("in {month} last year")
    } else {
        format!("in {month} {}", day.year())
    }
}

/// "January" for 1: chrono's names.
fn month_name(month: u32) -> &'static str {
    u8::try_from(month)
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("January", |m| m.name())
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// The day to propose: the first of `days` at least two days after `today`, so that
/// the message can be answered before it (a day tomorrow is short notice).
fn proposed_day(today: NaiveDate, days: &[Weekday]) -> Option<NaiveDate> {
    (2..=8)
        .filter_map(|n| today.checked_add_days(Days::new(n)))
        .find(|d| days.contains(&d.weekday()))
}

/// "Wednesday the 25th".
fn day_words(day: NaiveDate) -> String {
    let n = day.day();
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{} the {n}{suffix}", weekday_name(day.weekday()))
}

/// "this week" or "next week" for `day`, as seen from `today`.
fn week_of(day: NaiveDate, today: NaiveDate) -> Option<&'static str> {
    let week = |d: NaiveDate| (d.iso_week().year(), d.iso_week().week());
    if week(day) == week(today) {
        Some("this week")
    } else if today
        .checked_add_days(Days::new(7))
        .is_some_and(|next| week(next) == week(day))
    {
        Some("next week")
    } else {
        None
    }
}

/// A birthday near today, in words: within six days either side, or in the coming
/// week (ISO weeks: "next week"); `None` further away ("happy early birthday" a
/// fortnight ahead reads oddly).
/// A contact planned after `today` and within [`PLANNED_DAYS`], in the draft's words.
fn planned_near(
    date: NaiveDate,
    today: NaiveDate,
    noun: Option<&'static str>,
) -> Option<PlannedNear> {
    let in_days = (date - today).num_days();
    let week = |d: NaiveDate| (d.iso_week().year(), d.iso_week().week());
    let next_week = today
        .checked_add_days(Days::new(7))
        .is_some_and(|d| week(d) == week(date));
    let when = match in_days {
        1 => "tomorrow".to_owned(),
        2..=6 => format!("on {}", weekday_name(date.weekday())),
        7..=13 if next_week => "next week".to_owned(),
        7..=PLANNED_DAYS => format!("on {} {}", date.day(), month_name(date.month())),
        _ => return None,
    };
    Some(PlannedNear { noun, when })
}

fn birthday_near(birthday: ComingBirthday, today: NaiveDate) -> Option<BirthdayNear> {
    let in_days = birthday.in_days;
    let weekday = weekday_name(birthday.date.weekday());
    let week = |d: NaiveDate| (d.iso_week().year(), d.iso_week().week());
    let next_week = today
        .checked_add_days(Days::new(7))
        .is_some_and(|d| week(d) == week(birthday.date));
    let when = match in_days {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        -1 => "yesterday".to_owned(),
        2..=6 | -6..=-2 => format!("on {weekday}"),
        7..=13 if next_week => "next week".to_owned(),
        _ => return None,
    };
    Some(BirthdayNear { in_days, when })
}

/// The first name for a greeting, when it reads as one: one line, at most 40
/// characters, no markup, no address, not ending in punctuation.
fn greeting_name(name: &str) -> Option<String> {
    let name = unlink(name);
    let name = one_line(&name);
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = name.trim_matches(|c: char| c.is_whitespace() || ",.;:!?".contains(c));
    let markup = |c: char| "[]{}()<>|*_`#\\\"“”„«»@=~^$%".contains(c);
    let reads = !name.is_empty()
        && name.chars().count() <= 40
        && name.chars().any(char::is_alphanumeric)
        && !name.contains(markup)
        && !name.contains("//")
        && quotes_are_apostrophes(name);
    reads.then(|| name.to_owned())
}

/// Third-person words: a place with one in it ("her office") is about them, and reads
/// wrongly in a message to them.
const THIRD_PERSON: &[&str] = &[
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
];

/// The `place` property as the words after "at": one short line with no sentence
/// punctuation, markup, quotes (but apostrophes), doubled word, third-person word or the
/// person's name in it (`at Sharon's` reads wrongly to Sharon); `None` when it does not
/// read as a place. A leading `at` is dropped (`at the office`).
pub(crate) fn place(written: &str, name: &str, first_name: &str) -> Option<String> {
    let text = unlink(written);
    let text = one_line(&text);
    let mut text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.to_lowercase().starts_with("at ") {
        text = text[3..].trim_start().to_owned();
    }
    let text = text.trim_end_matches([',', '.']).trim();
    let forbidden = |c: char| "[]{}()<>|*_`#\\\"“”„«»‘@=~^$%!?;:.".contains(c);
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let name_words: Vec<String> = format!("{name} {first_name}")
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let possessive = |w: &str| {
        w.strip_suffix("'s")
            .or(w.strip_suffix("’s"))
            .unwrap_or(w)
            .to_owned()
    };
    let reads = !text.is_empty()
        && text.chars().count() <= 60
        && words.len() <= 8
        && text.chars().any(char::is_alphanumeric)
        && !text.contains(forbidden)
        && !text.chars().any(char::is_control)
        && quotes_are_apostrophes(text)
        && !words.iter().any(|w| THIRD_PERSON.contains(&w.as_str()))
        && !words.iter().any(|w| name_words.contains(&possessive(w)))
        && !words
            .windows(2)
            .any(|pair| pair[0] == pair[1] && !pair[0].is_empty())
        && words.first().is_none_or(|w| w != "at");
    reads.then(|| text.to_owned())
}

/// Whether every `'` and `’` in `text` is an apostrophe: between two letters or digits.
fn quotes_are_apostrophes(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().all(|(i, c)| {
        if *c != '\'' && *c != '’' {
            return true;
        }
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        let after = chars.get(i + 1);
        before.is_some_and(|c| c.is_alphanumeric()) && after.is_some_and(|c| c.is_alphanumeric())
    })
}

/// Whether `text` mentions `boundary`: case-insensitively, starting at the start of a
/// word ("work" is in "working on", "AI" is not in "again").
pub fn mentions(text: &str, boundary: &str) -> bool {
    let boundary = boundary.trim().to_lowercase();
    if boundary.is_empty() {
        return false;
    }
    let text = text.to_lowercase();
    text.match_indices(&boundary).any(|(at, _)| {
        boundary.starts_with(|c: char| !c.is_alphanumeric())
            || text
                .get(..at)
                .and_then(|before| before.chars().next_back())
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The rendered message, tidied: lines without trailing spaces, one blank line between
/// paragraphs, and every sentence that mentions a boundary taken out (the greeting and
/// the sign-off are the user's own words and stay).
fn tidy(text: &str, boundaries: &[String], sign_off: Option<&str>) -> String {
    let mut paragraphs: Vec<Vec<String>> = vec![Vec::new()];
    for (i, line) in text.trim().lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            paragraphs.push(Vec::new());
            continue;
        }
        let keep_whole = i == 0 || Some(line.trim()) == sign_off;
        let line = if keep_whole {
            line.to_owned()
        } else {
            sentences(line)
                .filter(|s| !boundaries.iter().any(|b| mentions(s, b)))
                .collect::<Vec<_>>()
                .join(" ")
        };
        if !line.trim().is_empty()
            && let Some(last) = paragraphs.last_mut()
        {
            last.push(line);
        }
    }
    paragraphs
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The sentences of a line: each up to a `.`, `?` or `!` followed by a space (or the
/// end), without the spaces between them.
fn sentences(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line.trim();
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = rest.len();
        let mut chars = rest.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if matches!(c, '.' | '?' | '!') && chars.peek().is_some_and(|(_, n)| *n == ' ') {
                end = at + c.len_utf8();
                break;
            }
        }
        let (sentence, after) = rest.split_at(end);
        rest = after.trim_start();
        Some(sentence.trim())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn tone_follows_the_relationship() {
        for (relationship, tone) in [
            (Some("mentor"), Tone::Formal),
            (Some("Executive"), Tone::Formal),
            (Some("connection"), Tone::Formal),
            (Some("former manager"), Tone::Formal),
            (Some("[[investor]]"), Tone::Formal),
            (Some("friend"), Tone::Casual),
            (Some("ally"), Tone::Casual),
            (Some("knitting-buddy"), Tone::Casual),
            (Some("climbing buddy"), Tone::Casual),
            (Some("old_friend"), Tone::Casual),
            (Some("peer"), Tone::Neutral),
            (Some("former-colleague"), Tone::Neutral),
            (Some("mentee"), Tone::Neutral),
            (Some(""), Tone::Neutral),
            (None, Tone::Neutral),
        ] {
            assert_eq!(Tone::of(relationship), tone, "{relationship:?}");
        }
    }

    #[test]
    fn when_reads_from_today() {
        let today = d("2026-11-23"); // a Monday
        for (day, words) in [
            ("2026-11-23", "today"),
            ("2026-11-20", "last week"),
            ("2026-11-16", "last week"),
            ("2026-11-15", "earlier this month"),
            ("2026-09-30", "in September"),
            ("2026-01-02", "in January"),
            ("2025-12-02", "in December"),
            ("2025-11-02", "in November last year"),
            ("2024-03-01", "in March 2024"),
            ("2026-11-30", "recently"),
        ] {
            assert_eq!(when(d(day), today), words, "{day}");
        }
        assert_eq!(when(d("2026-11-24"), d("2026-11-26")), "earlier this week");
    }

    #[test]
    fn the_proposed_day_gives_time_to_answer() {
        let days = DraftSettings::default().days;
        let proposed = |today: &str| proposed_day(d(today), &days).map(day_words);
        assert_eq!(
            proposed("2026-11-23").as_deref(),
            Some("Wednesday the 25th")
        );
        assert_eq!(proposed("2026-11-24").as_deref(), Some("Thursday the 26th"));
        assert_eq!(proposed("2026-11-25").as_deref(), Some("Tuesday the 1st"));
        assert_eq!(proposed("2026-11-28").as_deref(), Some("Tuesday the 1st"));
        assert_eq!(proposed_day(d("2026-11-23"), &[]), None);
        assert_eq!(proposed_day(NaiveDate::MAX, &days), None);
        assert_eq!(day_words(d("2026-12-02")), "Wednesday the 2nd");
        assert_eq!(day_words(d("2026-12-03")), "Thursday the 3rd");
        assert_eq!(day_words(d("2026-12-11")), "Friday the 11th");
        assert_eq!(day_words(d("2026-12-22")), "Tuesday the 22nd");
        assert_eq!(week_of(d("2026-11-25"), d("2026-11-23")), Some("this week"));
        assert_eq!(week_of(d("2026-12-01"), d("2026-11-25")), Some("next week"));
        assert_eq!(week_of(d("2026-12-08"), d("2026-11-25")), None);
    }

    #[test]
    fn a_place_must_read_as_one() {
        for (written, expected) in [
            ("Coffee Café", Some("Coffee Café")),
            (
                "the Thai place by the office",
                Some("the Thai place by the office"),
            ),
            ("at the office.", Some("the office")),
            ("[[Blue Bottle]]", Some("Blue Bottle")),
            ("Joe's", Some("Joe's")),
            ("渋谷のカフェ", Some("渋谷のカフェ")),
            ("her office", None),
            ("Sharon's place", None),
            ("the the café", None),
            ("somewhere? maybe", None),
            ("\"the spot\"", None),
            ("https://maps.example/x", None),
            ("at at", None),
            ("", None),
            (
                "a very long place name that goes on and on and on and on and on",
                None,
            ),
        ] {
            assert_eq!(
                place(written, "Sharon Lee", "Sharon").as_deref(),
                expected,
                "{written}"
            );
        }
    }

    #[test]
    fn greetings_take_names_that_read_as_names() {
        assert_eq!(greeting_name("Priya").as_deref(), Some("Priya"));
        assert_eq!(greeting_name(" D'Arcy ").as_deref(), Some("D'Arcy"));
        assert_eq!(greeting_name("[[Sam]]").as_deref(), Some("Sam"));
        assert_eq!(greeting_name("Jo,").as_deref(), Some("Jo"));
        assert_eq!(greeting_name("سارة").as_deref(), Some("سارة"));
        assert_eq!(greeting_name("sam@example.com"), None);
        assert_eq!(greeting_name("\"Bob"), None);
        assert_eq!(greeting_name(""), None);
        assert_eq!(greeting_name(&"x".repeat(41)), None);
    }

    #[test]
    fn the_readme_names_every_tone_and_kind() {
        let readme = include_str!("../../../README.md");
        let section = readme
            .split("\n### Drafts\n")
            .nth(1)
            .and_then(|s| s.split("\n### ").next())
            .unwrap_or_default();
        let named = |word: &str| {
            section.match_indices(word).any(|(at, _)| {
                let before = section.get(..at).and_then(|s| s.chars().next_back());
                let after = section
                    .get(at + word.len()..)
                    .and_then(|s| s.chars().next());
                let apart = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-');
                apart(before) && apart(after)
            })
        };
        for relationship in FORMAL_RELATIONSHIPS.iter().chain(CASUAL_RELATIONSHIPS) {
            assert!(named(relationship), "README: {relationship}");
        }
        for kind in KINDS {
            assert!(
                kind.words.first().is_some_and(|w| named(w)),
                "README: {kind:?}"
            );
        }
    }

    #[test]
    fn boundaries_are_mentioned_from_the_start_of_a_word() {
        assert!(mentions("what you're working on", "work"));
        assert!(mentions("Happy Birthday!", "birthday"));
        assert!(!mentions("lunch again", "AI"));
        assert!(!mentions("anything", ""));
        assert!(mentions("about the #layoffs", "#layoffs"));
        assert_eq!(
            tidy(
                "Hi Work,\n\nFirst. About work? Last!  \n\n\n\nBest,\nWork",
                &["work".to_owned()],
                Some("Work")
            ),
            "Hi Work,\n\nFirst. Last!\n\nBest,\nWork"
        );
    }
}
