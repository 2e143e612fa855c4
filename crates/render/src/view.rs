//! The digest as the templates see it: every section prepared, note text kept out for
//! private people, reasons and drafts written.

use chrono::NaiveDate;
use serde::Serialize;
use vault_index::{
    FollowUp, Index, PersonStatus, Reconnects, Status, Upcoming, UpcomingKind, WeekEntry,
};

use crate::json::PersonJson;
use crate::templates::{RenderError, Templates};

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
}

#[derive(Debug, Serialize)]
pub(crate) struct DigestView<'a> {
    today: String,
    week: String,
    week_start: String,
    week_end: String,
    /// `Sun 29 Nov`.
    week_end_short: String,
    vault_name: &'a str,
    headline: &'a vault_index::Headline,
    suggestions: Vec<SuggestionView>,
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
    people: Vec<PersonJson<'a>>,
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

#[derive(Debug, Serialize)]
struct SuggestionView {
    name: String,
    first_name: String,
    link: String,
    path: String,
    status: &'static str,
    relationship: Option<String>,
    private: bool,
    favorite: bool,
    reason: String,
    days_overdue: Option<i64>,
    days_since_contact: Option<i64>,
    cadence_days: u32,
    last_contact: Option<String>,
    /// The kind of the last contact, `coffee` (none for private people).
    last_kind: Option<String>,
    /// What you last talked about (none for private people).
    last_topic: Option<String>,
    last_topic_date: Option<String>,
    interests: Vec<String>,
    company: Vec<String>,
    role: Option<String>,
    /// The ready message (none for private people).
    draft: Option<String>,
}

#[derive(Debug, Serialize)]
struct PersonRow<'a> {
    name: &'a str,
    link: String,
    path: &'a str,
    status: &'static str,
    relationship: Option<&'a str>,
    cadence_days: u32,
    last_contact: Option<String>,
    due: Option<String>,
    days_overdue: Option<i64>,
    days_since_contact: Option<i64>,
    favorite: bool,
    private: bool,
}

#[derive(Debug, Serialize)]
struct FollowUpView<'a> {
    person: &'a str,
    link: String,
    private: bool,
    /// The task (none for private people).
    text: Option<&'a str>,
    due: Option<String>,
    /// `Fri 20 Nov`.
    due_short: Option<String>,
    overdue: bool,
    days_until_due: Option<i64>,
    path: &'a str,
    line: u32,
}

#[derive(Debug, Serialize)]
struct UpcomingView<'a> {
    date: String,
    weekday: String,
    /// `26 Nov`.
    day_month: String,
    in_days: i64,
    kind: &'static str,
    person: &'a str,
    link: String,
    private: bool,
    turns: Option<i32>,
    summary: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct WeekView<'a> {
    date: String,
    weekday: String,
    /// `26 Nov`.
    day_month: String,
    person: &'a str,
    link: String,
    private: bool,
    kind: Option<&'a str>,
    summary: Option<&'a str>,
    source: &'static str,
    path: &'a str,
}

/// The network section: the index's figures, with people linked and bars measured.
#[derive(Debug, Serialize)]
struct NetworkView<'a> {
    people: usize,
    by_relationship: Vec<CountView<'a>>,
    by_company: Vec<CountView<'a>>,
    gave: usize,
    got: usize,
    reciprocity: Vec<ReciprocityView<'a>>,
    /// Names of people with no contact on record.
    no_contact: &'a [String],
    /// The same people, linked.
    no_contact_people: Vec<NamedLink<'a>>,
}

#[derive(Debug, Serialize)]
struct CountView<'a> {
    label: &'a str,
    count: usize,
    /// Bar length, percent of the largest count (an integer from 1 to 100).
    share: usize,
}

#[derive(Debug, Serialize)]
struct ReciprocityView<'a> {
    person: &'a str,
    person_path: &'a str,
    link: String,
    gave: usize,
    got: usize,
}

#[derive(Debug, Serialize)]
struct NamedLink<'a> {
    name: &'a str,
    link: String,
    path: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct DraftContext<'a> {
    name: &'a str,
    first_name: &'a str,
    status: &'static str,
    days_since_contact: Option<i64>,
    last_kind: Option<&'a str>,
    last_topic: Option<&'a str>,
    interests: &'a [String],
    company: &'a [String],
    role: Option<&'a str>,
}

pub(crate) fn digest_view<'a>(
    templates: &Templates,
    input: &DigestInput<'a>,
) -> Result<DigestView<'a>, RenderError> {
    let index = input.index;
    let suggestions = index
        .suggestions
        .iter()
        .map(|p| suggestion(templates, p))
        .collect::<Result<Vec<_>, _>>()?;
    let mut more = More::default();
    let rows = |statuses: &[Status], more: &mut usize| -> Vec<PersonRow<'a>> {
        first(
            index
                .people
                .iter()
                .filter(|p| statuses.contains(&p.status))
                .map(row),
            more,
        )
    };
    let health = input.health;
    Ok(DigestView {
        today: index.today.to_string(),
        week: index.week.to_string(),
        week_start: index.week.start.to_string(),
        week_end: index.week.end.to_string(),
        week_end_short: index.week.end.format("%a %-d %b").to_string(),
        vault_name: input.vault_name,
        headline: &index.headline,
        suggestions,
        attention: rows(&[Status::Hibernating, Status::Overdue], &mut more.attention),
        due_soon: rows(&[Status::DueSoon], &mut more.due_soon),
        follow_ups: first(index.follow_ups.iter().map(follow_up), &mut more.follow_ups),
        upcoming: first(index.upcoming.iter().map(upcoming), &mut more.upcoming),
        this_week: first(index.this_week.iter().map(week_entry), &mut more.this_week),
        reconnects: &index.reconnects,
        network: network(index, &mut more.no_contact),
        more,
        health: HealthView {
            errors: health.errors,
            warnings: health.warnings,
            hints: health.hints,
            total: health.errors + health.warnings + health.hints,
        },
        charts: Some(Charts {
            reconnects: crate::chart::reconnects(index),
            statuses: crate::chart::statuses(index),
        }),
        // The people of `vault status --format json`, but the digest is meant to be
        // shared: a private person's relationship is note text, so it is left out.
        people: index
            .people
            .iter()
            .map(|p| {
                let mut person = PersonJson::new(p);
                if p.private {
                    person.relationship = None;
                }
                person
            })
            .collect(),
    })
}

fn network<'a>(index: &'a Index, more: &mut usize) -> NetworkView<'a> {
    let n = &index.network;
    // Counted here rather than taken from the index: a private person's relationship
    // and company are note text, so they count as `private` and not at all.
    let mut relationships = std::collections::BTreeMap::<&str, usize>::new();
    let mut companies = std::collections::BTreeMap::<&str, usize>::new();
    for p in &index.people {
        let relationship = if p.private {
            "private"
        } else {
            p.relationship.as_deref().unwrap_or("unspecified")
        };
        *relationships.entry(relationship).or_default() += 1;
        if !p.private {
            for company in &p.company {
                *companies.entry(company.as_str()).or_default() += 1;
            }
        }
    }
    fn counts(map: std::collections::BTreeMap<&str, usize>) -> Vec<CountView<'_>> {
        let max = map.values().copied().max().unwrap_or(1).max(1);
        let mut counts: Vec<CountView<'_>> = map
            .into_iter()
            .map(|(label, count)| CountView {
                label,
                count,
                share: (count * 100 / max).max(1),
            })
            .collect();
        counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(b.label)));
        counts
    }
    NetworkView {
        people: n.people,
        by_relationship: counts(relationships),
        by_company: counts(companies),
        gave: n.gave,
        got: n.got,
        reciprocity: n
            .reciprocity
            .iter()
            .map(|r| ReciprocityView {
                person: &r.person,
                person_path: &r.person_path,
                link: person_link(&r.person, &r.person_path),
                gave: r.gave,
                got: r.got,
            })
            .collect(),
        no_contact: &n.no_contact,
        no_contact_people: first(
            n.no_contact.iter().map(|name| {
                let path = index
                    .people
                    .iter()
                    .find(|p| &p.name == name && p.last_contact.is_none())
                    .map(|p| p.path.as_str());
                NamedLink {
                    name,
                    link: path.map_or_else(
                        || format!("[[{}]]", name.replace(['[', ']', '|'], "")),
                        |path| person_link(name, path),
                    ),
                    path,
                }
            }),
            more,
        ),
    }
}

/// An Obsidian link to a person's note, labelled with their name when the file name differs.
fn person_link(name: &str, path: &str) -> String {
    let target = path.strip_suffix(".md").unwrap_or(path);
    let stem = target.rsplit('/').next().unwrap_or(target);
    let clean = |s: &str| s.replace(['[', ']', '|'], "");
    if stem == name {
        format!("[[{}]]", clean(name))
    } else {
        format!("[[{}|{}]]", clean(target), clean(name))
    }
}

fn date(d: NaiveDate) -> String {
    d.to_string()
}

/// Why someone is suggested: "last coffee 94 days ago, cadence 30 days".
fn reason(p: &PersonStatus) -> String {
    let what = p
        .last_interaction
        .as_ref()
        .and_then(|i| i.kind.as_deref())
        .filter(|_| !p.private)
        .unwrap_or("contact");
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

fn suggestion(templates: &Templates, p: &PersonStatus) -> Result<SuggestionView, RenderError> {
    let topic = p.last_topic.as_ref().filter(|_| !p.private);
    let draft = if p.private {
        None
    } else {
        let context = DraftContext {
            name: &p.name,
            first_name: &p.first_name,
            status: p.status.as_str(),
            days_since_contact: p.days_since_contact,
            last_kind: p.last_interaction.as_ref().and_then(|i| i.kind.as_deref()),
            // A log line says what you talked about; a daily-note line is a diary entry
            // ("Lunch with Shaz…") that would read oddly in a message to them.
            last_topic: topic
                .filter(|t| t.source == vault_index::Source::Log)
                .map(|t| t.summary.as_str()),
            interests: &p.interests,
            company: &p.company,
            role: p.role.as_deref(),
        };
        Some(templates.render("draft.txt", &context)?.trim().to_owned())
    };
    Ok(SuggestionView {
        name: p.name.clone(),
        first_name: p.first_name.clone(),
        link: person_link(&p.name, &p.path),
        path: p.path.clone(),
        status: p.status.as_str(),
        relationship: p.relationship.clone().filter(|_| !p.private),
        private: p.private,
        favorite: p.favorite,
        reason: reason(p),
        days_overdue: p.days_overdue,
        days_since_contact: p.days_since_contact,
        cadence_days: p.cadence_days,
        last_contact: p.last_contact.map(date),
        last_kind: p
            .last_interaction
            .as_ref()
            .and_then(|i| i.kind.clone())
            .filter(|_| !p.private),
        last_topic: topic.map(|t| t.summary.clone()),
        last_topic_date: topic.map(|t| date(t.date)),
        interests: if p.private {
            Vec::new()
        } else {
            p.interests.clone()
        },
        company: if p.private {
            Vec::new()
        } else {
            p.company.clone()
        },
        role: p.role.clone().filter(|_| !p.private),
        draft,
    })
}

fn row(p: &PersonStatus) -> PersonRow<'_> {
    PersonRow {
        name: &p.name,
        link: person_link(&p.name, &p.path),
        path: &p.path,
        status: p.status.as_str(),
        relationship: p.relationship.as_deref().filter(|_| !p.private),
        cadence_days: p.cadence_days,
        last_contact: p.last_contact.map(date),
        due: p.due.map(date),
        days_overdue: p.days_overdue,
        days_since_contact: p.days_since_contact,
        favorite: p.favorite,
        private: p.private,
    }
}

fn follow_up(f: &FollowUp) -> FollowUpView<'_> {
    FollowUpView {
        person: &f.person,
        link: person_link(&f.person, &f.person_path),
        private: f.private,
        text: (!f.private).then_some(f.text.as_str()),
        due: f.due.map(date),
        due_short: f.due.map(|d| d.format("%a %-d %b").to_string()),
        overdue: f.overdue,
        days_until_due: f.days_until_due,
        path: &f.path,
        line: f.line,
    }
}

fn upcoming(u: &Upcoming) -> UpcomingView<'_> {
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
        person: &u.person,
        link: person_link(&u.person, &u.person_path),
        private: u.private,
        turns: u.turns.filter(|_| !u.private),
        summary: (!u.private && !u.summary.is_empty()).then_some(u.summary.as_str()),
    }
}

fn week_entry(e: &WeekEntry) -> WeekView<'_> {
    let i = &e.interaction;
    WeekView {
        date: date(i.date),
        weekday: i.date.format("%a").to_string(),
        day_month: i.date.format("%-d %b").to_string(),
        person: &e.person,
        link: person_link(&e.person, &e.person_path),
        private: e.private,
        kind: i.kind.as_deref().filter(|_| !e.private),
        summary: (!e.private && !i.summary.is_empty()).then_some(i.summary.as_str()),
        source: match i.source {
            vault_index::Source::Log => "log",
            vault_index::Source::Note => "note",
            vault_index::Source::Journal => "journal",
            vault_index::Source::LastContact => "last_contact",
        },
        path: &i.path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_use_the_file_name_and_label_with_the_name() {
        assert_eq!(
            person_link("Sharon Lee", "People/Sharon Lee.md"),
            "[[Sharon Lee]]"
        );
        assert_eq!(
            person_link("Sharon Lee", "People/sharon.md"),
            "[[People/sharon|Sharon Lee]]"
        );
    }
}
