//! The digest as the templates see it: every section prepared from what the index says a
//! shared output may show ([`vault_index::Shared`]), reasons and drafts written. Nothing
//! here decides privacy: a private person arrives as a name and a status.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;
use vault_index::{
    ComingBirthday, Count, Headline, Index, PublicPerson, Reason, Reconnects, SharedCard,
    SharedContact, SharedFollowUp, SharedNetwork, SharedPerson, SharedSuggestion, SharedUpcoming,
    Source, Status, UpcomingKind,
};

use crate::draft::{DraftInput, DraftSettings};
use crate::json::DigestPersonJson;
use crate::links::{ContactLinks, contact_links};
use crate::reasons::ReasonFacts;
use crate::templates::{RenderError, Templates};
use crate::text::{md_lines, md_text, md_wikilink, unlink};

/// How note text is written into a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Markup {
    /// As written: for HTML (Tera escapes every value) and JSON.
    Plain,
    /// Escaped to read as text in Markdown ([`md_text`]).
    Markdown,
}

impl Markup {
    pub(crate) fn text(self, text: &str) -> Cow<'_, str> {
        match self {
            Markup::Plain => Cow::Borrowed(text),
            Markup::Markdown => Cow::Owned(md_text(text)),
        }
    }

    fn list(self, items: &[String]) -> Vec<Cow<'_, str>> {
        items.iter().map(|i| self.text(i)).collect()
    }

    /// Note text inside a sentence `vault` writes (a reason): for Markdown as
    /// [`Markup::text`], otherwise with its links read as words (`[[Dana]]` is `Dana`),
    /// as the HTML templates show note text with the `unlink` filter.
    fn phrase(self, text: &str) -> String {
        match self {
            Markup::Plain => unlink(text),
            Markup::Markdown => md_text(text),
        }
    }
}

/// How many problems `vault check` would report, by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct HealthCounts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Hints.
    pub hints: usize,
}

/// What a digest is made from.
#[derive(Debug, Clone, Copy)]
pub struct DigestInput<'a> {
    /// The computed index.
    pub index: &'a Index,
    /// The vault's name (its folder name), for the title.
    pub vault_name: &'a str,
    /// Problem counts.
    pub health: HealthCounts,
    /// How drafts are signed and what days they propose.
    pub draft: &'a DraftSettings,
}

#[derive(Debug, Serialize)]
pub(crate) struct DigestView<'a> {
    today: String,
    week: String,
    week_start: String,
    week_end: String,
    /// `Sun 29 Nov`.
    week_end_short: String,
    vault_name: Cow<'a, str>,
    headline: Headline,
    suggestions: Vec<SuggestionView<'a>>,
    attention: Vec<PersonRow<'a>>,
    due_soon: Vec<PersonRow<'a>>,
    follow_ups: Vec<FollowUpView<'a>>,
    upcoming: Vec<UpcomingView<'a>>,
    this_week: Vec<WeekView<'a>>,
    /// How many rows each long section left out (see [`SHOWN`]).
    more: More,
    reconnects: &'a Reconnects,
    network: NetworkView<'a>,
    health: HealthView,
    /// Chart geometry for the HTML page; left out of the JSON digest, which is data.
    #[serde(skip_serializing_if = "Option::is_none")]
    charts: Option<Charts>,
    people: Vec<DigestPersonJson<'a>>,
}

impl DigestView<'_> {
    /// The view without what only a page needs (chart geometry): the JSON digest.
    pub(crate) fn data_only(mut self) -> Self {
        self.charts = None;
        self
    }
}

#[derive(Debug, Serialize)]
struct Charts {
    reconnects: crate::chart::ReconnectChart,
    statuses: crate::chart::StatusChart,
}

/// The most rows a section shows: a digest is read in a few minutes, and on a vault of
/// thousands of people `vault status` is the place for everyone.
pub const SHOWN: usize = 30;

/// Rows left out of each long section.
#[derive(Debug, Default, Serialize)]
struct More {
    attention: usize,
    due_soon: usize,
    follow_ups: usize,
    upcoming: usize,
    this_week: usize,
    no_contact: usize,
}

/// The first [`SHOWN`] items; the number left out is added to `more`.
fn first<T>(items: impl Iterator<Item = T>, more: &mut usize) -> Vec<T> {
    let mut shown = Vec::new();
    for item in items {
        if shown.len() < SHOWN {
            shown.push(item);
        } else {
            *more += 1;
        }
    }
    shown
}

#[derive(Debug, Serialize)]
struct HealthView {
    errors: usize,
    warnings: usize,
    hints: usize,
    total: usize,
}

/// A suggestion card. For a private person: name, link, status and a reason without
/// figures; everything else empty.
#[derive(Debug, Serialize)]
struct SuggestionView<'a> {
    name: Cow<'a, str>,
    first_name: Cow<'a, str>,
    link: String,
    path: Option<Cow<'a, str>>,
    status: &'static str,
    relationship: Option<Cow<'a, str>>,
    private: bool,
    favorite: bool,
    /// The status reason in one line ("last coffee 94 days ago, cadence 30 days"); the
    /// card shows [`SuggestionView::reasons`].
    reason: String,
    days_overdue: Option<i64>,
    days_since_contact: Option<i64>,
    cadence_days: Option<u32>,
    last_contact: Option<String>,
    /// The kind of the last contact, `coffee`.
    last_kind: Option<Cow<'a, str>>,
    /// What you last talked about.
    last_topic: Option<Cow<'a, str>>,
    last_topic_date: Option<String>,
    interests: Vec<Cow<'a, str>>,
    company: Vec<Cow<'a, str>>,
    role: Option<Cow<'a, str>>,
    /// The ready message (none for private people).
    draft: Option<String>,
    /// Its subject line, for an e-mail.
    draft_subject: Option<String>,
    /// Why now: every reason of the card, as figures and worded.
    reasons: Vec<ReasonView>,
    /// The last contact: when, what kind, what it was, where it was recorded.
    last_interaction: Option<LastContactView<'a>>,
    /// Whether the last topic is older than the last contact: the card then dates it.
    last_topic_older: bool,
    /// Whether the last topic is what the last contact was: the card says it once.
    last_topic_is_last_contact: bool,
    /// What not to bring up: shown to the user, never in the draft.
    boundaries: Vec<Cow<'a, str>>,
    /// Follow-ups owed to them, overdue first.
    follow_ups: Vec<OwedView<'a>>,
    /// Their birthday in the coming days.
    birthday: Option<ComingBirthday>,
    /// A recent milestone of theirs.
    milestone: Option<MilestoneView<'a>>,
    /// How to reach them, as their note says.
    contact: Option<ContactView<'a>>,
    /// One-click links: e-mail and text with the draft, call, profiles, the note.
    links: Option<ContactLinks>,
}

/// A reason to reach out now: its figures (`kind` and numbers, as the index has them)
/// and the words the card shows.
#[derive(Debug, Serialize)]
struct ReasonView {
    #[serde(flatten)]
    reason: Reason,
    text: String,
}

#[derive(Debug, Serialize)]
struct LastContactView<'a> {
    date: String,
    days_ago: Option<i64>,
    /// `lunch`, when the line says.
    kind: Option<Cow<'a, str>>,
    /// What it was, as written.
    summary: Option<Cow<'a, str>>,
    /// Where it was recorded (`log`, `journal`…).
    source: Option<&'static str>,
}

#[derive(Debug, Serialize)]
struct OwedView<'a> {
    text: Cow<'a, str>,
    due: Option<String>,
    overdue: bool,
    days_until_due: Option<i64>,
}

#[derive(Debug, Serialize)]
struct MilestoneView<'a> {
    date: String,
    summary: Cow<'a, str>,
}

#[derive(Debug, Serialize)]
struct ContactView<'a> {
    emails: Vec<Cow<'a, str>>,
    phone: Option<Cow<'a, str>>,
    linkedin: Option<Cow<'a, str>>,
    url: Option<Cow<'a, str>>,
    location: Option<Cow<'a, str>>,
    place: Option<Cow<'a, str>>,
}

/// A row of the status tables. For a private person: name, link and status.
#[derive(Debug, Serialize)]
struct PersonRow<'a> {
    name: Cow<'a, str>,
    link: String,
    path: Option<Cow<'a, str>>,
    status: &'static str,
    relationship: Option<Cow<'a, str>>,
    cadence_days: Option<u32>,
    last_contact: Option<String>,
    due: Option<String>,
    days_overdue: Option<i64>,
    days_since_contact: Option<i64>,
    favorite: bool,
    private: bool,
}

#[derive(Debug, Serialize)]
struct FollowUpView<'a> {
    person: Cow<'a, str>,
    link: String,
    /// Always false: a private person's follow-ups are not shown.
    private: bool,
    /// The task.
    text: Cow<'a, str>,
    due: Option<String>,
    /// `Fri 20 Nov`.
    due_short: Option<String>,
    overdue: bool,
    days_until_due: Option<i64>,
    /// Where the task is (none when its note links a private person).
    path: Option<Cow<'a, str>>,
    line: Option<u32>,
}

#[derive(Debug, Serialize)]
struct UpcomingView<'a> {
    date: String,
    weekday: String,
    /// `26 Nov`.
    day_month: String,
    in_days: i64,
    kind: &'static str,
    person: Cow<'a, str>,
    link: String,
    /// Always false: a private person's dates are not shown.
    private: bool,
    turns: Option<i32>,
    summary: Option<Cow<'a, str>>,
}

#[derive(Debug, Serialize)]
struct WeekView<'a> {
    date: String,
    weekday: String,
    /// `26 Nov`.
    day_month: String,
    person: Cow<'a, str>,
    link: String,
    /// Always false: a private person's contacts are not shown.
    private: bool,
    kind: Option<Cow<'a, str>>,
    summary: Option<Cow<'a, str>>,
    source: &'static str,
    /// Where it was recorded (none when that note links a private person).
    path: Option<Cow<'a, str>>,
}

/// The network section: the shared figures, with people linked and bars measured.
#[derive(Debug, Serialize)]
struct NetworkView<'a> {
    people: usize,
    by_relationship: Vec<CountView>,
    by_company: Vec<CountView>,
    gave: usize,
    got: usize,
    reciprocity: Vec<ReciprocityView<'a>>,
    /// Names of people with no contact on record.
    no_contact: Vec<Cow<'a, str>>,
    /// The same people, linked.
    no_contact_people: Vec<NamedLink<'a>>,
}

#[derive(Debug, Serialize)]
struct CountView {
    label: String,
    count: usize,
    /// Bar length, percent of the largest count (an integer from 1 to 100).
    share: usize,
}

#[derive(Debug, Serialize)]
struct ReciprocityView<'a> {
    person: Cow<'a, str>,
    person_path: Cow<'a, str>,
    link: String,
    gave: usize,
    got: usize,
}

#[derive(Debug, Serialize)]
struct NamedLink<'a> {
    name: Cow<'a, str>,
    link: String,
    path: Option<Cow<'a, str>>,
}

/// The digest as the templates see it: made from [`Index::shared`] only, so what the
/// privacy rule withholds is not there to show.
/// Note text is written as `markup` says (escaped for Markdown, as written otherwise).
pub(crate) fn digest_view<'a>(
    templates: &Templates,
    input: &DigestInput<'a>,
    markup: Markup,
) -> Result<DigestView<'a>, RenderError> {
    let shared = input.index.shared();
    let suggestions = shared
        .suggestions
        .iter()
        .map(|s| suggestion(templates, input, s, markup))
        .collect::<Result<Vec<_>, _>>()?;
    let mut more = More::default();
    let rows = |statuses: &[Status], more: &mut usize| -> Vec<PersonRow<'a>> {
        first(
            shared
                .people
                .iter()
                .filter(|p| statuses.contains(&p.status()))
                .map(|p| row(p, markup)),
            more,
        )
    };
    let health = input.health;
    let attention = rows(&[Status::Hibernating, Status::Overdue], &mut more.attention);
    let due_soon = rows(&[Status::DueSoon], &mut more.due_soon);
    Ok(DigestView {
        today: shared.today.to_string(),
        week: shared.week.to_string(),
        week_start: shared.week.start.to_string(),
        week_end: shared.week.end.to_string(),
        week_end_short: shared.week.end.format("%a %-d %b").to_string(),
        vault_name: markup.text(input.vault_name),
        headline: shared.headline.clone(),
        suggestions,
        attention,
        due_soon,
        follow_ups: first(
            shared.follow_ups.iter().map(|f| follow_up(f, markup)),
            &mut more.follow_ups,
        ),
        upcoming: first(
            shared.upcoming.iter().map(|u| upcoming(u, markup)),
            &mut more.upcoming,
        ),
        this_week: first(
            shared.this_week.iter().map(|e| week_entry(e, markup)),
            &mut more.this_week,
        ),
        reconnects: shared.reconnects,
        network: network(&shared.network, markup, &mut more.no_contact),
        more,
        health: HealthView {
            errors: health.errors,
            warnings: health.warnings,
            hints: health.hints,
            total: health.errors + health.warnings + health.hints,
        },
        charts: Some(Charts {
            reconnects: crate::chart::reconnects(shared.reconnects),
            statuses: crate::chart::statuses(&shared.people),
        }),
        people: shared
            .people
            .iter()
            .map(|p| DigestPersonJson::new(p, markup))
            .collect(),
    })
}

fn network<'a>(n: &SharedNetwork<'a>, markup: Markup, more: &mut usize) -> NetworkView<'a> {
    let counts = |counts: &[Count]| -> Vec<CountView> {
        let max = counts.iter().map(|c| c.count).max().unwrap_or(1).max(1);
        counts
            .iter()
            .map(|c| CountView {
                label: markup.text(&c.label).into_owned(),
                count: c.count,
                share: (c.count * 100 / max).max(1),
            })
            .collect()
    };
    NetworkView {
        people: n.people,
        by_relationship: counts(&n.by_relationship),
        by_company: counts(&n.by_company),
        gave: n.gave,
        got: n.got,
        reciprocity: n
            .reciprocity
            .iter()
            .map(|r| ReciprocityView {
                person: markup.text(&r.person),
                person_path: markup.text(&r.person_path),
                link: person_link(&r.person, Some(&r.person_path)),
                gave: r.gave,
                got: r.got,
            })
            .collect(),
        no_contact: n.no_contact.iter().map(|p| markup.text(p.name())).collect(),
        no_contact_people: first(
            n.no_contact.iter().map(|p| NamedLink {
                name: markup.text(p.name()),
                link: person_link(p.name(), p.path()),
                path: p.path().map(|path| markup.text(path)),
            }),
            more,
        ),
    }
}

/// An Obsidian link to a person's note, labelled with their name when the file name
/// differs; without a note (a private person), their name alone.
fn person_link(name: &str, path: Option<&str>) -> String {
    let Some(path) = path else {
        return md_wikilink(name, name);
    };
    let target = path.strip_suffix(".md").unwrap_or(path);
    // What `[[People/Sharon Lee.md]]` reads as: the file name.
    if vault_notes::link_label(path) == name {
        md_wikilink(name, name)
    } else {
        md_wikilink(target, name)
    }
}

fn date(d: NaiveDate) -> String {
    d.to_string()
}

/// Why someone is suggested: "last coffee 94 days ago, cadence 30 days".
fn reason(p: &PublicPerson<'_>) -> String {
    let what = p.last_kind.unwrap_or("contact");
    let since = match p.days_since_contact {
        Some(0) => "today".to_owned(),
        Some(1) => "yesterday".to_owned(),
        Some(days) => format!("{days} days ago"),
        None => "never".to_owned(),
    };
    let mut reason = format!("last {what} {since}, cadence {} days", p.cadence_days);
    if p.status == Status::Hibernating {
        reason.push_str(" — hibernating");
    } else if p.status == Status::DueSoon
        && let Some(days) = p.days_overdue
    {
        reason.push_str(&match -days {
            0 => " — due today".to_owned(),
            1 => " — due tomorrow".to_owned(),
            n => format!(" — due in {n} days"),
        });
    }
    reason
}

fn suggestion<'a>(
    templates: &Templates,
    input: &DigestInput<'a>,
    s: &SharedSuggestion<'a>,
    markup: Markup,
) -> Result<SuggestionView<'a>, RenderError> {
    let (p, card) = match (&s.person, &s.card) {
        (SharedPerson::Public(p), Some(card)) => (p, card),
        _ => {
            let name = s.person.name();
            return Ok(SuggestionView {
                name: markup.text(name),
                first_name: markup.text(name),
                link: person_link(name, None),
                path: None,
                status: s.person.status().as_str(),
                relationship: None,
                private: true,
                favorite: false,
                reason: s.person.status().as_str().replace('-', " "),
                days_overdue: None,
                days_since_contact: None,
                cadence_days: None,
                last_contact: None,
                last_kind: None,
                last_topic: None,
                last_topic_date: None,
                interests: Vec::new(),
                company: Vec::new(),
                role: None,
                draft: None,
                draft_subject: None,
                reasons: Vec::new(),
                last_interaction: None,
                last_topic_older: false,
                last_topic_is_last_contact: false,
                boundaries: Vec::new(),
                follow_ups: Vec::new(),
                birthday: None,
                milestone: None,
                contact: None,
                links: None,
            });
        }
    };
    let draft_input = DraftInput::of(s, input.index.today);
    // The draft is written from the notes as they are (it is also the message, and the
    // links carry it as it is), then escaped line by line for Markdown.
    let message = crate::draft::draft(templates, input.draft, &draft_input)?;
    let links = contact_links(card.contact, Some(&message), input.vault_name, p.path);
    let draft = match markup {
        Markup::Plain => message.body,
        Markup::Markdown => md_lines(&message.body),
    };
    let last_interaction = p.last_contact.map(|date| LastContactView {
        date: date.to_string(),
        days_ago: p.days_since_contact,
        kind: p.last_kind.map(|k| markup.text(k)),
        summary: p.last_summary.map(|s| markup.text(s)),
        source: p.last_source.map(Source::as_str),
    });
    let contact = card.contact;
    let optional = |value: &'a Option<String>| value.as_deref().map(|v| markup.text(v));
    Ok(SuggestionView {
        name: markup.text(p.name),
        first_name: markup.text(p.first_name),
        link: person_link(p.name, Some(p.path)),
        path: Some(markup.text(p.path)),
        status: p.status.as_str(),
        relationship: p.relationship.map(|r| markup.text(r)),
        private: false,
        favorite: p.favorite,
        reason: markup.text(&reason(p)).into_owned(),
        days_overdue: p.days_overdue,
        days_since_contact: p.days_since_contact,
        cadence_days: Some(p.cadence_days),
        last_contact: p.last_contact.map(date),
        last_kind: p.last_kind.map(|k| markup.text(k)),
        last_topic: p.last_topic.map(|t| markup.text(t.summary)),
        last_topic_date: p.last_topic.map(|t| date(t.date)),
        interests: markup.list(p.interests),
        company: markup.list(p.company),
        role: p.role.map(|r| markup.text(r)),
        draft: Some(draft),
        draft_subject: Some(markup.text(&message.subject).into_owned()),
        reasons: card
            .reasons
            .iter()
            .map(|&reason| ReasonView {
                reason,
                text: reason_text(reason, p, card, markup),
            })
            .collect(),
        last_topic_older: p
            .last_topic
            .zip(p.last_contact)
            .is_some_and(|(t, last)| t.date < last),
        last_topic_is_last_contact: p
            .last_topic
            .is_some_and(|t| Some(t.date) == p.last_contact && Some(t.summary) == p.last_summary),
        last_interaction,
        boundaries: markup.list(card.boundaries),
        follow_ups: card
            .follow_ups
            .iter()
            .map(|f| OwedView {
                text: markup.text(f.text),
                due: f.due.map(date),
                overdue: f.overdue,
                days_until_due: f.days_until_due,
            })
            .collect(),
        birthday: card.birthday,
        milestone: card.milestone.map(|(day, summary)| MilestoneView {
            date: date(day),
            summary: markup.text(summary),
        }),
        contact: Some(ContactView {
            emails: markup.list(&contact.emails),
            phone: optional(&contact.phone),
            linkedin: optional(&contact.linkedin),
            url: optional(&contact.url),
            location: optional(&contact.location),
            place: optional(&contact.place),
        }),
        links: Some(links),
    })
}

/// One reason of a card in words (see [`crate::reasons`]), note text written as `markup`
/// says.
fn reason_text(
    reason: Reason,
    p: &PublicPerson<'_>,
    card: &SharedCard<'_>,
    markup: Markup,
) -> String {
    let facts = ReasonFacts {
        first_name: p.first_name,
        last_kind: p.last_kind,
        days_since_contact: p.days_since_contact,
        follow_ups: card
            .follow_ups
            .iter()
            .map(|f| (f.text, f.due, f.days_until_due))
            .collect(),
        milestone: card.milestone.map(|(_, m)| m),
    };
    crate::reasons::reason_text(reason, &facts, |text| markup.phrase(text))
}

fn row<'a>(p: &SharedPerson<'a>, markup: Markup) -> PersonRow<'a> {
    match p {
        SharedPerson::Public(p) => PersonRow {
            name: markup.text(p.name),
            link: person_link(p.name, Some(p.path)),
            path: Some(markup.text(p.path)),
            status: p.status.as_str(),
            relationship: p.relationship.map(|r| markup.text(r)),
            cadence_days: Some(p.cadence_days),
            last_contact: p.last_contact.map(date),
            due: p.due.map(date),
            days_overdue: p.days_overdue,
            days_since_contact: p.days_since_contact,
            favorite: p.favorite,
            private: false,
        },
        SharedPerson::Private(p) => PersonRow {
            name: markup.text(p.name),
            link: person_link(p.name, None),
            path: None,
            status: p.status.as_str(),
            relationship: None,
            cadence_days: None,
            last_contact: None,
            due: None,
            days_overdue: None,
            days_since_contact: None,
            favorite: false,
            private: true,
        },
    }
}

fn follow_up<'a>(f: &SharedFollowUp<'a>, markup: Markup) -> FollowUpView<'a> {
    FollowUpView {
        person: markup.text(f.person),
        link: person_link(f.person, Some(f.person_path)),
        private: false,
        text: markup.text(f.text),
        due: f.due.map(date),
        due_short: f.due.map(|d| d.format("%a %-d %b").to_string()),
        overdue: f.overdue,
        days_until_due: f.days_until_due,
        path: f.place.map(|p| markup.text(p.path)),
        line: f.place.map(|p| p.line),
    }
}

fn upcoming<'a>(u: &SharedUpcoming<'a>, markup: Markup) -> UpcomingView<'a> {
    UpcomingView {
        date: date(u.date),
        weekday: u.date.format("%a").to_string(),
        day_month: u.date.format("%-d %b").to_string(),
        in_days: u.in_days,
        kind: match u.kind {
            UpcomingKind::Birthday => "birthday",
            UpcomingKind::Planned => "planned",
            UpcomingKind::SnoozeEnds => "snooze-ends",
        },
        person: markup.text(u.person),
        link: person_link(u.person, Some(u.person_path)),
        private: false,
        turns: u.turns,
        summary: u.summary.map(|s| markup.text(s)),
    }
}

fn week_entry<'a>(e: &SharedContact<'a>, markup: Markup) -> WeekView<'a> {
    WeekView {
        date: date(e.date),
        weekday: e.date.format("%a").to_string(),
        day_month: e.date.format("%-d %b").to_string(),
        person: markup.text(e.person),
        link: person_link(e.person, Some(e.person_path)),
        private: false,
        kind: e.kind.map(|k| markup.text(k)),
        summary: e.summary.map(|s| markup.text(s)),
        source: e.source.as_str(),
        path: e.place.map(|p| markup.text(p.path)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_use_the_file_name_and_label_with_the_name() {
        assert_eq!(
            person_link("Sharon Lee", Some("People/Sharon Lee.md")),
            "[[Sharon Lee]]"
        );
        assert_eq!(
            person_link("Sharon Lee", Some("People/sharon.md")),
            "[[People/sharon|Sharon Lee]]"
        );
        // A private person: no folder, no file name.
        assert_eq!(person_link("Pat Quinn", None), "[[Pat Quinn]]");
    }
}
