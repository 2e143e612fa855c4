//! What a shared output may show: the one privacy rule.
//!
//! The digest (Markdown, HTML and JSON) and the exports are *shared outputs*: written to
//! be read by others, synced, printed, mailed. `vault status` and `vault check` (and the
//! planned `vault show`) are the user's own terminal and show everything in the notes.
//! DESIGN.md says "private people appear by name only, without note text"; precisely:
//!
//! 1. A private person (`private: true`) is shown by display name and status only: in the
//!    lists of people (suggested, overdue and hibernating, due soon, no contact on
//!    record), linked as `[[Name]]`, and in the counts by status.
//! 2. Nothing from their note is shown: not its path or folder, not a property (aliases,
//!    relationship, company, role, interests, boundaries, birthday, contact details,
//!    snooze, cadence, favourite), not its headings, body, log lines or tasks.
//! 3. Nothing computed from their note or their contacts is shown: last contact, due date,
//!    days overdue, days since contact, cadence, number of interactions, reciprocity, the
//!    kind and topic of the last contact, birthdays, planned meetings, snoozes ending,
//!    their contacts in the week's log, a reason with figures, a draft.
//! 4. A line that links or names a private person (a task, open or done, a log line in
//!    someone else's note with the paragraph under a log heading, a line of a daily note,
//!    a line of someone else's note linking a daily note, their `next_action` or
//!    `next_follow_up` property) is text about them and is not shown, for anyone: such
//!    a task is nobody's follow-up in a shared output; a contact recorded on such a line
//!    still counts for the public people it concerns (their dates and statuses), but
//!    shows no kind and no text. "Names" means their display name, file name or an alias,
//!    as whole words, in any case, whatever punctuation is between the words.
//! 5. A note that links a private person (a meeting note with them in `people:`, a daily
//!    note mentioning them, a note with a task linking them), other than a person's own
//!    note, shows neither its title nor its path: a contact whose summary is that note's
//!    title (its `summary` or `title` property, else its file name; or a title naming
//!    them) shows no summary, and no contact or follow-up from
//!    it says where it is. Its other lines (a task for a public person only) are shown,
//!    without their place.
//! 6. Figures over everyone (people tracked, counts by status, the headline, reconnects
//!    per month) still count private people. Figures broken down by person leave them out
//!    (reciprocity rows and totals, companies; relationships count them as `private`), so
//!    no total can be taken apart to recover theirs. The headline counts the follow-ups
//!    a shared output shows.
//!
//! Links count as `vault` reads them: every link of a dated note (body and properties),
//! links on task lines elsewhere. A log line is read as plain text (`[[Pat Quinn]]` is
//! `Pat Quinn`), so there the name rule does the work: a link labelled with words that
//! are not a name (`[[Pat Quinn|my coach]]`) is not recognised in a log line.
//!
//! The index records rules 4 and 5 on every contact and task as it is built
//! ([`Exposure`]); [`Shared`], made by [`Index::shared`], applies all six. Private fields
//! are not in its types at all, so no output (no template either) can show them.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;
use vault_notes::{DailyLink, Link, LogLine, Note, Task, wikilinks};

use crate::card::{Card, ComingBirthday, Contact, Reason};
use crate::follow_ups::FollowUp;
use crate::interactions::{Interaction, Source};
use crate::links::Links;
use crate::network::{Count, Reciprocity, has_no_contact, sorted_counts};
use crate::people::PersonStatus;
use crate::reconnects::Reconnects;
use crate::status::Status;
use crate::upcoming::UpcomingKind;
use crate::week::Week;
use crate::{Headline, Index, PersonView, Suggestion};

/// How much of a recorded contact or task a shared output may show (rules 4 and 5 of
/// [this module](self)).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Exposure {
    /// Nothing in it concerns a private person.
    #[default]
    Full,
    /// It is in a note (not a person's own) that links a private person: its text may be
    /// shown, but not the note's title or path.
    WithoutNote,
    /// It is in a private person's note, on a line that links a private person, or its
    /// text is the title of a note that links one: not shown.
    Withheld,
}

/// Which notes and lines link a private person, answered while the index is built.
#[derive(Debug)]
pub(crate) struct Privacy<'a> {
    notes: &'a [Note],
    links: &'a Links<'a>,
    /// Whether the vault has a private person at all (most have none: nothing to look up).
    any: bool,
    /// The private people's names, file names and aliases as lower-case words, by first
    /// word: what their links read as once a line is plain text (log summaries are).
    /// Looked up word by word, so a line costs the same however many private people
    /// there are.
    names: HashMap<String, Vec<Vec<String>>>,
}

impl<'a> Privacy<'a> {
    pub(crate) fn new(notes: &'a [Note], links: &'a Links<'a>) -> Privacy<'a> {
        let mut names: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for note in notes {
            if let Some(p) = note.person.as_ref().filter(|p| p.private) {
                let all = [p.name.as_str(), note.stem()]
                    .into_iter()
                    .chain(p.aliases.iter().map(String::as_str));
                for name in all {
                    let mut words = words(name).into_iter();
                    if let Some(first) = words.next() {
                        let rest: Vec<String> = words.collect();
                        let known = names.entry(first).or_default();
                        if !known.contains(&rest) {
                            known.push(rest);
                        }
                    }
                }
            }
        }
        Privacy {
            notes,
            links,
            any: !names.is_empty(),
            names,
        }
    }

    fn is_private(&self, note: usize) -> bool {
        self.notes
            .get(note)
            .and_then(|n| n.person.as_ref())
            .is_some_and(|p| p.private)
    }

    fn resolves_to_private(&self, target: &str) -> bool {
        self.links
            .resolver()
            .resolve(target)
            .is_some_and(|t| self.is_private(t))
    }

    /// Whether `text` (a line) links or names a private person: a wikilink to them, or
    /// their name, file name or an alias as whole words (a plain-text log summary shows
    /// `[[Pat Quinn]]` as `Pat Quinn`).
    fn line_links_private(&self, text: &str) -> bool {
        self.any
            && (wikilinks(text).any(|l| self.resolves_to_private(l.target))
                || self.names_private(text))
    }

    fn names_private(&self, text: &str) -> bool {
        let words = words(text);
        words.iter().enumerate().any(|(i, word)| {
            self.names
                .get(word)
                .is_some_and(|rests| rests.iter().any(|rest| words[i + 1..].starts_with(rest)))
        })
    }

    /// Whether note `note`, not a person's own note, links a private person.
    fn note_links_private(&self, note: usize) -> bool {
        self.any
            && self.notes.get(note).is_some_and(|n| {
                n.person.is_none()
                    && (0..n.links.len()).any(|k| {
                        self.links
                            .target(note, k)
                            .is_some_and(|t| self.is_private(t))
                    })
            })
    }

    /// A log line of the person note `note`.
    pub(crate) fn of_log(&self, note: usize, line: &LogLine) -> Exposure {
        if self.is_private(note) || self.line_links_private(&line.summary) {
            Exposure::Withheld
        } else {
            Exposure::Full
        }
    }

    /// The `last_contact` property of the person note `note`.
    pub(crate) fn of_last_contact(&self, note: usize) -> Exposure {
        if self.is_private(note) {
            Exposure::Withheld
        } else {
            Exposure::Full
        }
    }

    /// A link to a daily note in the person note `note`: its summary is the link's line.
    pub(crate) fn of_daily_link(&self, note: usize, link: &DailyLink) -> Exposure {
        if self.is_private(note) || self.line_links_private(&link.context) {
            Exposure::Withheld
        } else {
            Exposure::Full
        }
    }

    /// A mention by `link` in the dated note `note`: its summary is the link's line for a
    /// daily note, else the note's title (its `summary` or `title` property, else its file
    /// name).
    pub(crate) fn of_mention(&self, note: usize, link: Option<&Link>, source: Source) -> Exposure {
        if !self.any {
            return Exposure::Full;
        }
        let in_note = self.note_links_private(note);
        match (source, link.and_then(|l| l.context.as_deref())) {
            (Source::Journal, Some(line)) if self.line_links_private(line) => Exposure::Withheld,
            (Source::Journal, Some(_)) if in_note => Exposure::WithoutNote,
            (Source::Journal, Some(_)) => Exposure::Full,
            // The summary is the note's title.
            _ if in_note
                || self.notes.get(note).is_some_and(|n| {
                    self.names_private(n.stem())
                        || n.summary().is_some_and(|s| self.names_private(s))
                }) =>
            {
                Exposure::Withheld
            }
            _ => Exposure::Full,
        }
    }

    /// A task of note `note`: an open one (a follow-up), a done one (a contact), or a
    /// follow-up a person's properties name.
    pub(crate) fn of_task(&self, note: usize, task: &Task) -> Exposure {
        if self.is_private(note)
            || task.links.iter().any(|t| self.resolves_to_private(t))
            || (self.any && self.names_private(&task.text))
        {
            Exposure::Withheld
        } else if self.note_links_private(note) {
            Exposure::WithoutNote
        } else {
            Exposure::Full
        }
    }
}

/// The lower-case words of `text`: runs of letters and digits (`Pat O'Neil` is `pat`,
/// `o`, `neil`).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Where a contact or task was recorded, when a shared output may say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place<'a> {
    /// The note, vault-relative with `/`.
    pub path: &'a str,
    /// The 1-based line.
    pub line: u32,
}

/// What a shared output may show of the index (see [the rule](self)).
#[derive(Debug, Clone)]
pub struct Shared<'a> {
    /// The day computed for.
    pub today: NaiveDate,
    /// The ISO week containing it.
    pub week: Week,
    /// Headline figures (follow-ups: those shown).
    pub headline: Headline,
    /// Every person, in urgency order.
    pub people: Vec<SharedPerson<'a>>,
    /// Whom to reach out to, best first, with their cards.
    pub suggestions: Vec<SharedSuggestion<'a>>,
    /// Open follow-ups for public people that concern nobody private, overdue first.
    pub follow_ups: Vec<SharedFollowUp<'a>>,
    /// Public people's birthdays, planned meetings and snoozes ending in the coming days.
    pub upcoming: Vec<SharedUpcoming<'a>>,
    /// Public people's contacts in the week up to today, oldest first.
    pub this_week: Vec<SharedContact<'a>>,
    /// The monthly reconnect habit (everyone counts; nobody is named).
    pub reconnects: &'a Reconnects,
    /// The shape of the network, by public person.
    pub network: SharedNetwork<'a>,
}

/// A person as a shared output may show them.
#[derive(Debug, Clone, Copy, PartialEq)]
// Copied by value through the renderers, and made once per person per render: boxing the
// larger variant would cost an allocation each for nothing.
#[allow(clippy::large_enum_variant)]
pub enum SharedPerson<'a> {
    /// Not private: what their note says, but for lines about a private person.
    Public(PublicPerson<'a>),
    /// Private: name and status.
    Private(PrivatePerson<'a>),
}

impl<'a> SharedPerson<'a> {
    /// Display name.
    pub fn name(&self) -> &'a str {
        match self {
            SharedPerson::Public(p) => p.name,
            SharedPerson::Private(p) => p.name,
        }
    }

    /// First word of the name.
    pub fn first_name(&self) -> &'a str {
        match self {
            SharedPerson::Public(p) => p.first_name,
            SharedPerson::Private(p) => p.first_name,
        }
    }

    /// Status.
    pub fn status(&self) -> Status {
        match self {
            SharedPerson::Public(p) => p.status,
            SharedPerson::Private(p) => p.status,
        }
    }

    /// Their note, for public people.
    pub fn path(&self) -> Option<&'a str> {
        match self {
            SharedPerson::Public(p) => Some(p.path),
            SharedPerson::Private(_) => None,
        }
    }
}

/// A suggestion in a shared output: the person, and for a public person their card.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedSuggestion<'a> {
    /// Who.
    pub person: SharedPerson<'a>,
    /// Their card; none for a private person.
    pub card: Option<SharedCard<'a>>,
}

/// A public person's card in a shared output: what their note says, without lines about
/// a private person.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedCard<'a> {
    /// Why now, but for reasons whose facts are withheld.
    pub reasons: Vec<Reason>,
    /// Follow-ups owed to them, overdue first.
    pub follow_ups: Vec<SharedFollowUp<'a>>,
    /// Their next birthday in the coming days.
    pub birthday: Option<ComingBirthday>,
    /// A recent milestone: when, and what (unless its line concerns a private person).
    pub milestone: Option<(NaiveDate, &'a str)>,
    /// What not to bring up.
    pub boundaries: &'a [String],
    /// How to reach them.
    pub contact: &'a Contact,
}

/// A private person in a shared output: all of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrivatePerson<'a> {
    /// Display name.
    pub name: &'a str,
    /// First word of the name (a draft in the user's own terminal greets them by it).
    pub first_name: &'a str,
    /// Status.
    pub status: Status,
}

/// A public person in a shared output.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PublicPerson<'a> {
    /// Display name.
    pub name: &'a str,
    /// First word of the name.
    pub first_name: &'a str,
    /// Their note, vault-relative with `/`.
    pub path: &'a str,
    /// Kind of relationship.
    pub relationship: Option<&'a str>,
    /// Status.
    pub status: Status,
    /// Cadence in days.
    pub cadence_days: u32,
    /// Latest contact on or before today.
    pub last_contact: Option<NaiveDate>,
    /// `last_contact` + cadence.
    pub due: Option<NaiveDate>,
    /// Today − due.
    pub days_overdue: Option<i64>,
    /// Days since the last contact.
    pub days_since_contact: Option<i64>,
    /// Contacts on or before today.
    pub interactions: usize,
    /// `favorite: true`.
    pub favorite: bool,
    /// Companies.
    pub company: &'a [String],
    /// Role.
    pub role: Option<&'a str>,
    /// Interests.
    pub interests: &'a [String],
    /// The kind of the last contact (`coffee`), unless its line links a private person.
    pub last_kind: Option<&'a str>,
    /// What the last contact was (its summary), unless it concerns a private person.
    pub last_summary: Option<&'a str>,
    /// Where the last contact was recorded.
    pub last_source: Option<Source>,
    /// What you last talked about, unless that line or note concerns a private person
    /// (then nothing: an older topic would not be the last one).
    pub last_topic: Option<Topic<'a>>,
    /// The next planned contact, but for one on a line about a private person: its day
    /// and its kind.
    pub next_planned: Option<(NaiveDate, Option<&'a str>)>,
}

/// What you last talked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Topic<'a> {
    /// When.
    pub date: NaiveDate,
    /// Where it was recorded (a log line is written to say what you talked about).
    pub source: Source,
    /// The summary as written.
    pub summary: &'a str,
}

/// An open follow-up in a shared output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SharedFollowUp<'a> {
    /// The (public) person's display name.
    pub person: &'a str,
    /// Their note.
    pub person_path: &'a str,
    /// The task text.
    pub text: &'a str,
    /// Due date.
    pub due: Option<NaiveDate>,
    /// Whether the due date is before today.
    pub overdue: bool,
    /// Days until due.
    pub days_until_due: Option<i64>,
    /// Where the task is, unless its note links a private person.
    pub place: Option<Place<'a>>,
}

/// A coming event of a public person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SharedUpcoming<'a> {
    /// When.
    pub date: NaiveDate,
    /// Days from today.
    pub in_days: i64,
    /// What.
    pub kind: UpcomingKind,
    /// Who.
    pub person: &'a str,
    /// Their note.
    pub person_path: &'a str,
    /// The age they turn.
    pub turns: Option<i32>,
    /// A planned meeting's summary, unless it concerns a private person.
    pub summary: Option<&'a str>,
}

/// A public person's contact in the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SharedContact<'a> {
    /// When.
    pub date: NaiveDate,
    /// Who.
    pub person: &'a str,
    /// Their note.
    pub person_path: &'a str,
    /// Where it was recorded.
    pub source: Source,
    /// `coffee`, `call`…, unless the line links a private person.
    pub kind: Option<&'a str>,
    /// What happened, unless it concerns a private person.
    pub summary: Option<&'a str>,
    /// Where it was recorded, unless that note links a private person.
    pub place: Option<Place<'a>>,
}

/// The network section, by public person.
#[derive(Debug, Clone)]
pub struct SharedNetwork<'a> {
    /// Everyone tracked.
    pub people: usize,
    /// By relationship, most first; private people count as `private`.
    pub by_relationship: Vec<Count>,
    /// By company, most first; private people are not counted.
    pub by_company: Vec<Count>,
    /// Public people's `#gave` contacts.
    pub gave: usize,
    /// Public people's `#got` contacts.
    pub got: usize,
    /// Public people with any give or take, largest imbalance first.
    pub reciprocity: Vec<&'a Reciprocity>,
    /// People with no contact on record (paused people left out).
    pub no_contact: Vec<SharedPerson<'a>>,
}

/// Rule 1: a person by what a shared output may show.
fn person(p: &PersonStatus) -> SharedPerson<'_> {
    if p.private {
        return SharedPerson::Private(PrivatePerson {
            name: &p.name,
            first_name: &p.first_name,
            status: p.status,
        });
    }
    let shown = |i: &&Interaction| i.exposure != Exposure::Withheld;
    SharedPerson::Public(PublicPerson {
        name: &p.name,
        first_name: &p.first_name,
        path: &p.path,
        relationship: p.relationship.as_deref(),
        status: p.status,
        cadence_days: p.cadence_days,
        last_contact: p.last_contact,
        due: p.due,
        days_overdue: p.days_overdue,
        days_since_contact: p.days_since_contact,
        interactions: p.interactions,
        favorite: p.favorite,
        company: &p.company,
        role: p.role.as_deref(),
        interests: &p.interests,
        last_kind: p
            .last_interaction
            .as_ref()
            .filter(shown)
            .and_then(|i| i.kind.as_deref()),
        last_summary: p
            .last_interaction
            .as_ref()
            .filter(shown)
            .map(|i| i.summary.as_str())
            .filter(|s| !s.is_empty()),
        last_source: p.last_interaction.as_ref().map(|i| i.source),
        next_planned: p
            .planned
            .iter()
            .find(shown)
            .map(|i| (i.date, i.kind.as_deref())),
        last_topic: p.last_topic.as_ref().filter(shown).map(|i| Topic {
            date: i.date,
            source: i.source,
            summary: &i.summary,
        }),
    })
}

impl PersonView {
    /// What the digest would show of this person as a suggestion ([the rule](self)):
    /// for a private person the name and status, for anyone else the card without what
    /// concerns a private person. The terminal's draft is written from it, as the
    /// digest's is.
    pub fn as_shared_suggestion(&self) -> SharedSuggestion<'_> {
        shared_suggestion(&self.person, &self.card)
    }

    /// What an export may show of this person ([the rule](self)): nothing of a private
    /// person; of anyone else, everything but the contacts and follow-ups that concern a
    /// private person. A contact or follow-up recorded in a note that links a private
    /// person stays, marked [`Exposure::WithoutNote`]: its writer leaves out where it is.
    pub fn shared(&self) -> Option<PersonView> {
        if self.person.private {
            return None;
        }
        let shown = |exposure: Exposure| exposure != Exposure::Withheld;
        let mut view = self.clone();
        view.timeline.retain(|i| shown(i.exposure));
        view.person.planned.retain(|i| shown(i.exposure));
        view.person.last_interaction = view.person.last_interaction.filter(|i| shown(i.exposure));
        view.person.last_topic = view.person.last_topic.filter(|i| shown(i.exposure));
        view.card.follow_ups.retain(|f| shown(f.exposure));
        view.card.milestone = view.card.milestone.filter(|m| shown(m.exposure));
        let owed: Vec<Option<i64>> = view
            .card
            .follow_ups
            .iter()
            .map(|f| f.days_until_due)
            .collect();
        view.card.reasons = reasons_shown(&view.card.reasons, &owed, view.card.milestone.is_some());
        Some(view)
    }
}

/// Rules 1, 4 and 5 on a suggestion and its card.
fn suggestion(s: &Suggestion) -> SharedSuggestion<'_> {
    shared_suggestion(&s.person, &s.card)
}

/// Rules 1, 4 and 5 on a person and their card.
fn shared_suggestion<'a>(p: &'a PersonStatus, card: &'a Card) -> SharedSuggestion<'a> {
    let person = person(p);
    if p.private {
        return SharedSuggestion { person, card: None };
    }
    let follow_ups: Vec<SharedFollowUp<'_>> = card
        .follow_ups
        .iter()
        .filter(|f| f.exposure != Exposure::Withheld)
        .map(shared_follow_up)
        .collect();
    let milestone = card
        .milestone
        .as_ref()
        .filter(|m| m.exposure != Exposure::Withheld)
        .map(|m| (m.date, m.summary.as_str()));
    let owed: Vec<Option<i64>> = follow_ups.iter().map(|f| f.days_until_due).collect();
    let reasons = reasons_shown(&card.reasons, &owed, milestone.is_some());
    SharedSuggestion {
        person,
        card: Some(SharedCard {
            reasons,
            follow_ups,
            birthday: card.birthday,
            milestone,
            boundaries: &card.boundaries,
            contact: &card.contact,
        }),
    }
}

/// The reasons whose facts are shown: a follow-up reason when a follow-up owed that soon
/// is (`owed`: the shown ones' days until due), a milestone reason when the milestone is.
fn reasons_shown(reasons: &[Reason], owed: &[Option<i64>], milestone: bool) -> Vec<Reason> {
    reasons
        .iter()
        .copied()
        .filter(|r| match r {
            Reason::FollowUp { days_until_due } => owed.contains(&Some(*days_until_due)),
            Reason::Milestone { .. } => milestone,
            _ => true,
        })
        .collect()
}

fn shared_follow_up(f: &FollowUp) -> SharedFollowUp<'_> {
    SharedFollowUp {
        person: &f.person,
        person_path: &f.person_path,
        text: &f.text,
        due: f.due,
        overdue: f.overdue,
        days_until_due: f.days_until_due,
        place: place(f.exposure, &f.path, f.line),
    }
}

/// Rule 5: where, unless the note links a private person.
fn place(exposure: Exposure, path: &str, line: u32) -> Option<Place<'_>> {
    (exposure == Exposure::Full).then_some(Place { path, line })
}

impl Index {
    /// What a shared output may show of this index: [the privacy rule](crate::shared).
    pub fn shared(&self) -> Shared<'_> {
        let follow_ups: Vec<SharedFollowUp<'_>> = self
            .follow_ups
            .iter()
            .filter(|f| !f.private && f.exposure != Exposure::Withheld)
            .map(shared_follow_up)
            .collect();
        let upcoming = self
            .upcoming
            .iter()
            .filter(|u| !u.private)
            .map(|u| SharedUpcoming {
                date: u.date,
                in_days: u.in_days,
                kind: u.kind,
                person: &u.person,
                person_path: &u.person_path,
                turns: u.turns,
                summary: (u.exposure != Exposure::Withheld && !u.summary.is_empty())
                    .then_some(u.summary.as_str()),
            })
            .collect();
        let this_week = self
            .this_week
            .iter()
            .filter(|e| !e.private)
            .map(|e| {
                let i = &e.interaction;
                let shown = i.exposure != Exposure::Withheld;
                SharedContact {
                    date: i.date,
                    person: &e.person,
                    person_path: &e.person_path,
                    source: i.source,
                    kind: i.kind.as_deref().filter(|_| shown),
                    summary: (shown && !i.summary.is_empty()).then_some(i.summary.as_str()),
                    place: place(i.exposure, &i.path, i.line),
                }
            })
            .collect();
        Shared {
            today: self.today,
            week: self.week,
            headline: Headline {
                overdue_follow_ups: follow_ups.iter().filter(|f| f.overdue).count(),
                ..self.headline.clone()
            },
            people: self.people.iter().map(person).collect(),
            suggestions: self.suggestions.iter().map(suggestion).collect(),
            follow_ups,
            upcoming,
            this_week,
            reconnects: &self.reconnects,
            network: self.shared_network(),
        }
    }

    /// Rule 6: the network figures by public person.
    fn shared_network(&self) -> SharedNetwork<'_> {
        let mut relationships = BTreeMap::<String, usize>::new();
        let mut companies = BTreeMap::<String, usize>::new();
        let mut private_paths = HashSet::new();
        let (mut gave, mut got) = (0, 0);
        for p in &self.people {
            if p.private {
                private_paths.insert(p.path.as_str());
                *relationships.entry("private".to_owned()).or_default() += 1;
                continue;
            }
            let relationship = p.relationship.as_deref().unwrap_or("unspecified");
            *relationships.entry(relationship.to_owned()).or_default() += 1;
            for company in &p.company {
                *companies.entry(company.clone()).or_default() += 1;
            }
            gave += p.gave;
            got += p.got;
        }
        SharedNetwork {
            people: self.network.people,
            by_relationship: sorted_counts(relationships),
            by_company: sorted_counts(companies),
            gave,
            got,
            reciprocity: self
                .network
                .reciprocity
                .iter()
                .filter(|r| !private_paths.contains(r.person_path.as_str()))
                .collect(),
            no_contact: self
                .people
                .iter()
                .filter(|p| has_no_contact(p))
                .map(person)
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;
    use vault_notes::{ReadOptions, parse_note};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    fn index(files: &[(&str, &str)]) -> Index {
        let notes: Vec<Note> = files
            .iter()
            .map(|(p, t)| parse_note(p, t.as_bytes(), &ReadOptions::default()).note)
            .collect();
        crate::build(&notes, &Config::default(), today())
    }

    const PAT: (&str, &str) = (
        "People/Circle/Pat.md",
        "---\nprivate: true\ncadence: 30\nrelationship: coach\ncompany: Acme\nbirthday: 11-27\nsnooze_until: 2026-11-01\n---\n- 2026-10-13 coffee: burnout #gave\n- 2026-12-03 lunch: plans\n- [ ] book the retreat for [[Ann]] 📅 2026-11-19\n",
    );
    const ANN: (&str, &str) = (
        "People/Ann.md",
        "---\ncadence: 30\nrelationship: friend\ncompany: Acme\n---\n- 2026-09-01 coffee: the garden #got\n",
    );

    fn public<'a>(shared: &'a Shared<'_>, name: &str) -> &'a PublicPerson<'a> {
        shared
            .people
            .iter()
            .find_map(|p| match p {
                SharedPerson::Public(p) if p.name == name => Some(p),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no public {name}"))
    }

    #[test]
    fn a_private_person_is_a_name_and_a_status() {
        let index = index(&[PAT, ANN]);
        let shared = index.shared();
        let pat = shared
            .people
            .iter()
            .find(|p| p.name() == "Pat")
            .unwrap_or_else(|| panic!("Pat is listed"));
        assert_eq!(
            *pat,
            SharedPerson::Private(PrivatePerson {
                name: "Pat",
                first_name: "Pat",
                status: Status::Overdue
            })
        );
        assert_eq!(pat.path(), None, "not even the folder");
        assert!(
            shared.suggestions.iter().any(|s| s.person.name() == "Pat"),
            "still suggested"
        );
        // Their birthday and planned lunch, their task, their week: not there.
        assert!(shared.upcoming.iter().all(|u| u.person != "Pat"));
        assert!(shared.follow_ups.is_empty(), "{:?}", shared.follow_ups);
        assert_eq!(index.upcoming.len(), 2, "the index itself keeps everything");
    }

    #[test]
    fn a_task_linking_a_private_person_is_nobodys_follow_up() {
        let index = index(&[
            PAT,
            ANN,
            (
                "Projects/Plan.md",
                "- [ ] introduce [[Ann]] to [[Pat]] 📅 2026-11-20\n- [ ] send [[Ann]] the plan\n",
            ),
            ("Projects/Other.md", "- [ ] call [[Ann]] 📅 2026-11-21\n"),
        ]);
        let shared = index.shared();
        let texts: Vec<_> = shared
            .follow_ups
            .iter()
            .map(|f| (f.text, f.place.map(|p| p.path)))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("call [[Ann]]", Some("Projects/Other.md")),
                // In a note that links Pat: shown, not where.
                ("send [[Ann]] the plan", None),
            ]
        );
        // Ann's follow-ups in the index: also Pat's task for her and the introduction.
        assert_eq!(
            index
                .follow_ups
                .iter()
                .filter(|f| f.person == "Ann")
                .count(),
            4
        );
        assert_eq!(
            index.headline.overdue_follow_ups, 5,
            "Pat's and the introduction twice"
        );
        assert_eq!(shared.headline.overdue_follow_ups, 1, "only those shown");
    }

    #[test]
    fn a_contact_in_a_note_about_a_private_person_counts_without_its_text() {
        let index = index(&[
            PAT,
            ANN,
            ("People/Bo.md", "---\ncadence: 30\n---\n"),
            (
                "Journal/2026-11-23.md",
                "Lunch with [[Ann]] and [[Pat]]: the move.\nCall with [[Bo]] about the garden.\n",
            ),
            (
                "Meetings/Retreat with Pat.md",
                "---\ndate: 2026-11-10\npeople: [\"[[Pat]]\", \"[[Bo]]\"]\n---\n",
            ),
        ]);
        let shared = index.shared();
        let ann = public(&shared, "Ann");
        assert_eq!(ann.last_contact, Some(today()), "the contact counts");
        let week: Vec<_> = shared
            .this_week
            .iter()
            .map(|c| (c.person, c.summary, c.place.map(|p| p.path)))
            .collect();
        assert_eq!(
            week,
            vec![
                ("Ann", None, None),
                ("Bo", Some("Call with Bo about the garden."), None),
            ]
        );
        assert!(shared.this_week.iter().all(|c| c.person != "Pat"));
        // Bo's earlier contact is the meeting note named after Pat: no title as a topic.
        let bo = index
            .people
            .iter()
            .find(|p| p.name == "Bo")
            .unwrap_or_else(|| panic!("Bo"));
        assert_eq!(
            bo.last_topic.as_ref().map(|t| t.summary.as_str()),
            Some("Call with Bo about the garden.")
        );
        assert_eq!(
            index.this_week.len(),
            3,
            "the index keeps Pat's contact of the week too: {:?}",
            index.this_week
        );
    }

    #[test]
    fn a_meeting_note_linking_a_private_person_gives_no_title() {
        let index = index(&[
            PAT,
            ("People/Bo.md", "---\ncadence: 30\n---\n"),
            (
                "Meetings/Retreat with Pat.md",
                "---\ndate: 2026-11-23\npeople: [\"[[Pat]]\", \"[[Bo]]\"]\n---\n",
            ),
        ]);
        let shared = index.shared();
        let bo = public(&shared, "Bo");
        assert_eq!(bo.last_contact, Some(today()));
        assert_eq!(bo.last_topic, None, "the title would be the topic");
        let contact = shared.this_week.first().unwrap_or_else(|| panic!("Bo's"));
        assert_eq!((contact.summary, contact.place), (None, None));
    }

    #[test]
    fn a_log_line_linking_a_private_person_has_no_kind_or_topic() {
        let index = index(&[
            PAT,
            (
                "People/Cy.md",
                "---\ncadence: 30\n---\n- 2026-08-01 coffee: chess\n- 2026-09-07 dinner: with [[Pat]] #gave\n- 2026-12-01 lunch: [[Pat]]'s party\n- 2026-12-02 call: the club\n",
            ),
        ]);
        let shared = index.shared();
        let cy = public(&shared, "Cy");
        assert_eq!(cy.last_contact, NaiveDate::from_ymd_opt(2026, 9, 7));
        assert_eq!((cy.last_kind, cy.last_topic), (None, None));
        let planned: Vec<_> = shared.upcoming.iter().map(|u| u.summary).collect();
        assert_eq!(planned, vec![None, Some("the club")]);
        // Cy's own reciprocity still counts: the `#gave` is Cy's.
        assert_eq!(shared.network.gave, 1);
    }

    #[test]
    fn a_line_naming_a_private_person_is_about_them() {
        let index = index(&[
            PAT,
            ANN,
            (
                "People/Bo.md",
                "---\ncadence: 30\n---\n- 2026-11-02 coffee with pat: the retreat\n",
            ),
            (
                "Journal/2026-11-23.md",
                "Walk with [[Ann]]; Pat came too.\n- [ ] ask [[Bo]] to call Pat\n",
            ),
            (
                "Meetings/Pat's farewell.md",
                "---\ndate: 2026-11-20\npeople: [\"[[Bo]]\"]\n---\n",
            ),
        ]);
        let shared = index.shared();
        assert_eq!(shared.this_week[0].summary, None);
        assert!(shared.follow_ups.is_empty(), "{:?}", shared.follow_ups);
        let bo = public(&shared, "Bo");
        assert_eq!(bo.last_contact, NaiveDate::from_ymd_opt(2026, 11, 20));
        assert_eq!(
            bo.last_topic, None,
            "the meeting's title names Pat; the log line too"
        );
        // Names are whole words: `Patricia` and `spat` are not Pat.
        let index = super::tests::index(&[
            PAT,
            (
                "People/Cy.md",
                "---\ncadence: 30\n---\n- 2026-11-02 call: Patricia spat\n",
            ),
        ]);
        let shared = index.shared();
        assert!(public(&shared, "Cy").last_topic.is_some());
    }

    #[test]
    fn figures_by_person_leave_private_people_out() {
        let index = index(&[PAT, ANN, ("People/Nina.md", "---\nprivate: true\n---\n")]);
        let shared = index.shared();
        let n = &shared.network;
        assert_eq!(n.people, 3, "everyone is counted");
        let labels: Vec<_> = n
            .by_relationship
            .iter()
            .map(|c| (c.label.as_str(), c.count))
            .collect();
        assert!(labels.contains(&("friend", 1)), "{labels:?}");
        assert!(!labels.iter().any(|(l, _)| *l == "coach"), "{labels:?}");
        assert_eq!(n.by_company.len(), 1);
        assert_eq!(n.by_company[0].count, 1, "Pat's Acme is not counted");
        assert_eq!((n.gave, n.got), (0, 1), "Pat's #gave is not in the totals");
        let rows: Vec<_> = n.reciprocity.iter().map(|r| r.person.as_str()).collect();
        assert_eq!(rows, vec!["Ann"]);
        assert_eq!((index.network.gave, index.network.got), (1, 1));
    }

    #[test]
    fn without_private_people_everything_is_shown() {
        let index = index(&[
            ANN,
            (
                "Journal/2026-11-23.md",
                "Lunch with [[Ann]].\n- [ ] send [[Ann]] the plan\n",
            ),
        ]);
        let shared = index.shared();
        assert!(
            index
                .follow_ups
                .iter()
                .all(|f| f.exposure == Exposure::Full)
                && index
                    .this_week
                    .iter()
                    .all(|e| e.interaction.exposure == Exposure::Full)
        );
        assert_eq!(
            shared.follow_ups[0].place,
            Some(Place {
                path: "Journal/2026-11-23.md",
                line: 2
            })
        );
        assert_eq!(shared.this_week[0].summary, Some("Lunch with Ann."));
        assert_eq!(shared.headline, index.headline);
    }

    #[test]
    fn the_new_sources_of_text_keep_a_private_person_out() {
        let pat = (
            "People/Circle/Pat.md",
            "---\nprivate: true\ncadence: 30\nnext_action: zqx book the retreat\nnext_follow_up: zqx ask about the move\n---\n- [x] zqx sent the book ✅ 2026-11-23\nzqx long talk on [[2026-11-23]]\n",
        );
        let index = index(&[
            pat,
            ANN,
            (
                "People/Bo.md",
                "---\ncadence: 30\n---\n### 2026-11-20 Lunch\nThe garden, and Pat's move. #got\n\nDinner with Pat on [[2026-11-23]].\n",
            ),
            (
                "People/Cy.md",
                "---\ncadence: 30\n---\nA walk on [[2026-11-23]], about chess.\n",
            ),
            (
                "Journal/2026-11-23.md",
                "- [x] call [[Ann]] and [[Pat]] about zqx\n",
            ),
            (
                "Meetings/Farewell.md",
                "---\ndate: 2026-11-22\nsummary: Pat's farewell\npeople: [\"[[Dee]]\"]\n---\n",
            ),
            ("People/Dee.md", "---\ncadence: 30\n---\n"),
            (
                "Meetings/Retreat.md",
                "---\ndate: 2026-11-21\nattendees: [[Pat]]\nwith: [[Cy]]\n---\n- [ ] zqy book the room\n",
            ),
        ]);
        let shared = index.shared();
        // Every source counted: Bo on the 23rd by his daily link, Ann by the done task.
        assert_eq!(public(&shared, "Bo").last_contact, Some(today()));
        assert_eq!(public(&shared, "Ann").last_contact, Some(today()));
        let week: Vec<_> = shared
            .this_week
            .iter()
            .map(|c| (c.person, c.source, c.summary))
            .collect();
        assert_eq!(
            week,
            vec![
                ("Ann", Source::Task, None),
                ("Bo", Source::DailyLink, None),
                (
                    "Cy",
                    Source::DailyLink,
                    Some("A walk on 2026-11-23, about chess.")
                ),
            ]
        );
        // Bo's heading paragraph names Pat: no topic (nor the daily link line after it).
        assert_eq!(public(&shared, "Bo").last_topic, None);
        assert_eq!(public(&shared, "Bo").last_kind, None);
        // The meeting's summary names Pat; the retreat's people include Pat.
        let cy = index
            .people
            .iter()
            .find(|p| p.name == "Cy")
            .unwrap_or_else(|| panic!("Cy"));
        assert_eq!(cy.interactions, 2, "the retreat and the walk");
        let dee = public(&shared, "Dee");
        assert_eq!(dee.last_contact, NaiveDate::from_ymd_opt(2026, 11, 22));
        assert_eq!(dee.last_topic, None, "the summary names Pat");
        // Pat's next_action, next_follow_up and the retreat's task for Pat: not shown; the
        // task is Cy's too, shown without its place.
        let follow_ups: Vec<_> = shared
            .follow_ups
            .iter()
            .map(|f| (f.person, f.text, f.place))
            .collect();
        assert_eq!(follow_ups, vec![("Cy", "zqy book the room", None)]);
        assert_eq!(
            index
                .follow_ups
                .iter()
                .filter(|f| f.person == "Pat")
                .count(),
            3
        );
        let text = format!("{:?}", (shared.this_week, shared.follow_ups, shared.people));
        assert!(!text.to_lowercase().contains("zqx"), "{text}");
        assert!(
            !text.contains("farewell") && !text.contains("move"),
            "{text}"
        );
    }
}
