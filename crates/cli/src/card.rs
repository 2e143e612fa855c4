//! One person's card in the terminal, and the facts their draft is written from: the one
//! place `vault show`, `vault draft` and `vault review` take both from.
//!
//! The card is the user's own terminal: it shows everything the notes say, private people
//! included (as `vault status` does). The draft is a message meant to leave the terminal,
//! so it is written only from what the digest's privacy rule (`vault_index::shared`) lets a
//! shared output show: a private person's draft knows their name and status and nothing
//! else, and no line about a private person reaches anyone's draft.

use anstyle::{AnsiColor, Style};
use chrono::NaiveDate;
use vault_index::{Interaction, PersonView, Reason, Status};
use vault_render::{ContactLinks, Draft, DraftInput, DraftSettings, Templates};

use crate::budget;
use crate::exit::Exit;
use crate::output::{paint, visible_inline};
use crate::session::Session;

/// Everything a card shows of one person.
#[derive(Debug, Clone)]
pub struct PersonCard {
    /// Where they stand, their card and their timeline.
    pub view: PersonView,
    /// How to reach them, the draft prefilled.
    pub links: ContactLinks,
    /// The reach-out message.
    pub draft: Draft,
}

/// The card of the person whose note is `path` (vault-relative), on the session's day.
pub fn person_card(
    session: &Session,
    templates: &'static Templates,
    path: &str,
) -> Result<PersonCard, Exit> {
    let notes = &session.vault.notes;
    let view = notes
        .iter()
        .position(|n| n.path == path)
        .and_then(|i| vault_index::person_view(notes, &session.settings.index, session.today, i))
        .ok_or_else(|| Exit::failure(format!("{path}: is not a person note")))?;
    card_of(session, templates, view)
}

/// The card of `view`, one of the session's people.
pub fn card_of(
    session: &Session,
    templates: &'static Templates,
    view: PersonView,
) -> Result<PersonCard, Exit> {
    let draft = render_draft(templates, &session.settings.draft, &view, session.today)?;
    let links = vault_render::contact_links(
        &view.card.contact,
        Some(&draft),
        &session.name(),
        &view.person.path,
    );
    Ok(PersonCard { view, links, draft })
}

/// The vault's templates for drafts, within the output budget, kept for the process (the
/// budget's rendering thread borrows them).
pub fn draft_templates(session: &Session) -> Result<&'static Templates, Exit> {
    let limits = budget::Limits::for_this_run();
    Ok(crate::session::keep(
        session.templates()?.with_budget(limits.output),
    ))
}

/// The facts of `view`'s draft on `today`: what the digest would show of them
/// ([`PersonView::as_shared_suggestion`]), so the terminal's draft is the digest's.
pub fn draft_input(view: &PersonView, today: NaiveDate) -> DraftInput<'_> {
    DraftInput::of(&view.as_shared_suggestion(), today)
}

/// The draft of `view`, rendered within the template budget (a vault's own `draft.txt`
/// is code the vault brings along) on the budget's own thread, which gets its own copy.
pub fn render_draft(
    templates: &'static Templates,
    settings: &DraftSettings,
    view: &PersonView,
    today: NaiveDate,
) -> Result<Draft, Exit> {
    let (settings, view) = (settings.clone(), view.clone());
    budget::render(
        templates,
        budget::Limits::for_this_run(),
        move |templates| vault_render::draft(templates, &settings, &draft_input(&view, today)),
    )
}

/// How the card is printed.
#[derive(Debug, Clone, Copy)]
pub struct CardStyle {
    /// Colours, and OSC 8 hyperlinks for the contact links.
    pub color: bool,
    /// At most this many contacts of the timeline (`vault review` keeps its cards short).
    pub timeline: Option<usize>,
}

/// A person's card as terminal text: name and status, why now, properties, contact links,
/// last contact and topic, the timeline (newest first, each with its `path:line`),
/// follow-ups owed, reciprocity, what is coming up, and the draft.
pub fn card_text(
    view: &PersonView,
    links: &ContactLinks,
    draft: &Draft,
    today: NaiveDate,
    style: CardStyle,
) -> String {
    let color = style.color;
    let p = &view.person;
    let card = &view.card;
    let heading = |text: &str| paint(text, Style::new().bold(), color);
    let dim = |text: &str| paint(text, Style::new().dimmed(), color);
    let mut out = String::new();

    // Name and status.
    let mut title = paint(&v(&p.name), Style::new().bold(), color);
    if p.favorite {
        title.push_str(" ★");
    }
    out.push_str(&format!(
        "{title}  {}",
        paint(
            p.status.as_str(),
            crate::cmd::status::colour(p.status),
            color
        )
    ));
    if p.private {
        out.push_str(&format!("  {}", dim("(private)")));
    }
    out.push('\n');
    out.push_str(&format!("  {}\n", dim(&v(&p.path))));

    // Why now.
    let reasons: Vec<String> = card.reasons.iter().map(|r| reason_text(r, view)).collect();
    let why = match p.status {
        Status::Snoozed => p.snooze_until.map(|d| format!("snoozed until {d}")),
        Status::Paused => Some("paused: not tracked (vault resume tracks them again)".to_owned()),
        Status::Ok => p.due.map(|d| {
            format!(
                "ok: next due {d}, {} from now",
                days((d - today).num_days().max(0))
            )
        }),
        _ => None,
    };
    if !reasons.is_empty() || why.is_some() {
        out.push_str(&format!("\n{}\n", heading("Why now")));
        for line in why.iter().chain(&reasons) {
            out.push_str(&format!("  {line}\n"));
        }
    }

    // Properties.
    let mut rows: Vec<(&str, String)> = Vec::new();
    if let Some(r) = &p.relationship {
        rows.push(("relationship", v(r)));
    }
    rows.push(("cadence", days(i64::from(p.cadence_days))));
    if !p.company.is_empty() {
        rows.push(("company", list(&p.company)));
    }
    if let Some(role) = &p.role {
        rows.push(("role", v(role)));
    }
    if let Some(b) = p.birthday {
        rows.push(("birthday", b.to_string()));
    }
    if let Some(location) = &card.contact.location {
        rows.push(("location", v(location)));
    }
    if let Some(place) = &card.contact.place {
        rows.push(("usual place", v(place)));
    }
    if !p.interests.is_empty() {
        rows.push(("cares about", list(&p.interests)));
    }
    if !card.boundaries.is_empty() {
        rows.push(("keep off", list(&card.boundaries)));
    }
    if !card.contact.emails.is_empty() {
        rows.push(("email", list(&card.contact.emails)));
    }
    if let Some(phone) = &card.contact.phone {
        rows.push(("phone", v(phone)));
    }
    out.push_str(&format!("\n{}\n", heading("About")));
    push_rows(&mut out, &rows);

    // Contact links.
    let mut link_rows: Vec<(&str, String)> = Vec::new();
    let mut link = |label: &'static str, url: Option<&String>, text: Option<&str>| {
        if let Some(url) = url {
            link_rows.push((label, hyperlink(url, text, color)));
        }
    };
    let email = card.contact.emails.first().map(String::as_str);
    let phone = card.contact.phone.as_deref();
    link("mailto", links.mailto.as_ref(), email);
    link("tel", links.tel.as_ref(), phone);
    link("sms", links.sms.as_ref(), phone);
    link("linkedin", links.linkedin.as_ref(), None);
    link("url", links.url.as_ref(), None);
    link(
        "obsidian",
        Some(&links.obsidian),
        Some("open the note in Obsidian"),
    );
    out.push_str(&format!("\n{}\n", heading("Reach out")));
    push_rows(&mut out, &link_rows);

    // Last contact and topic.
    out.push_str(&format!("\n{}\n", heading("Last contact")));
    match &p.last_interaction {
        Some(i) => out.push_str(&format!(
            "  {} ({}): {} {}\n",
            i.date,
            ago(today, i.date),
            contact_text(i),
            dim(&source(i))
        )),
        None => out.push_str("  none on record: `vault log` records one\n"),
    }
    if let Some(t) = &p.last_topic
        && p.last_interaction.as_ref() != Some(t)
    {
        // Dated, as it is older than the last contact.
        out.push_str(&format!(
            "  last talked about, {}: {} {}\n",
            t.date,
            v(&t.summary),
            dim(&source(t))
        ));
    }

    // Timeline: contacts on or before today; planned ones are under "Coming up".
    let past: Vec<&Interaction> = view.timeline.iter().filter(|i| i.date <= today).collect();
    if !past.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            heading(&format!(
                "Timeline ({}, newest first)",
                plural(past.len(), "contact")
            ))
        ));
        let shown = style.timeline.unwrap_or(past.len()).min(past.len());
        for i in &past[..shown] {
            out.push_str(&format!(
                "  {}  {} {}\n",
                i.date,
                contact_text(i),
                dim(&source(i))
            ));
        }
        if shown < past.len() {
            out.push_str(&format!(
                "  {}\n",
                dim(&format!("… {} more: vault show", past.len() - shown))
            ));
        }
    }

    // Follow-ups owed.
    if !card.follow_ups.is_empty() {
        out.push_str(&format!("\n{}\n", heading("Follow-ups you owe")));
        for f in &card.follow_ups {
            let due = match (f.due, f.days_until_due) {
                (Some(due), Some(d)) if d < 0 => {
                    paint(&format!("due {due}, {} overdue", days(-d)), red(), color)
                }
                (Some(due), Some(0)) => format!("due {due}, today"),
                (Some(due), Some(d)) => format!("due {due}, in {}", days(d)),
                _ => "no due date".to_owned(),
            };
            let place = match f.property {
                Some(key) => format!("({}:{}, {key})", v(&f.path), f.line),
                None => format!("({}:{})", v(&f.path), f.line),
            };
            out.push_str(&format!("  - {} — {due} {}\n", v(&f.text), dim(&place)));
        }
    }

    // Reciprocity.
    if p.gave + p.got > 0 {
        out.push_str(&format!("\n{}\n", heading("Reciprocity")));
        out.push_str(&format!(
            "  gave {}, got {} (contacts tagged #gave, #got)\n",
            p.gave, p.got
        ));
    }

    // Coming up.
    let mut coming: Vec<(NaiveDate, String)> = Vec::new();
    if let Some(b) = card.birthday {
        let turns = b.turns.map_or_else(String::new, |t| format!(", turns {t}"));
        coming.push((b.date, format!("birthday{turns} ({})", when(b.in_days))));
    }
    for planned in view.timeline.iter().filter(|i| i.date > today) {
        coming.push((
            planned.date,
            format!(
                "planned: {} ({}) {}",
                contact_text(planned),
                when((planned.date - today).num_days()),
                dim(&source(planned))
            ),
        ));
    }
    if let Some(until) = p.snooze_until.filter(|&d| d > today) {
        coming.push((
            until,
            format!("snooze ends ({})", when((until - today).num_days())),
        ));
    }
    if !coming.is_empty() {
        coming.sort_by_key(|(date, _)| *date);
        out.push_str(&format!("\n{}\n", heading("Coming up")));
        for (date, what) in coming {
            out.push_str(&format!("  {date}  {what}\n"));
        }
    }

    // The draft.
    out.push_str(&format!("\n{}", heading("Draft")));
    if p.private {
        out.push_str(&dim(" (private: written from their name alone)"));
    }
    out.push('\n');
    out.push_str(&format!(
        "  Subject: {}\n\n",
        visible_inline(&draft.subject)
    ));
    for line in draft.body.lines() {
        let line = visible_inline(line);
        if line.is_empty() {
            out.push('\n');
        } else {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out
}

/// One reason, worded as the digest words it (the user's own terminal: every fact).
pub fn reason_text(reason: &Reason, view: &PersonView) -> String {
    let facts = vault_render::ReasonFacts {
        first_name: &view.person.first_name,
        last_kind: view
            .person
            .last_interaction
            .as_ref()
            .and_then(|i| i.kind.as_deref()),
        days_since_contact: view.person.days_since_contact,
        follow_ups: view
            .card
            .follow_ups
            .iter()
            .map(|f| (f.text.as_str(), f.due, f.days_until_due))
            .collect(),
        milestone: view.card.milestone.as_ref().map(|m| m.summary.as_str()),
    };
    vault_render::reason_text(*reason, &facts, v)
}

/// `today`, `tomorrow`, `in 9 days`.
fn when(in_days: i64) -> String {
    match in_days {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        n => format!("in {}", days(n)),
    }
}

/// `today`, `yesterday`, `49 days ago`.
fn ago(today: NaiveDate, date: NaiveDate) -> String {
    match (today - date).num_days() {
        0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        n => format!("{} ago", days(n)),
    }
}

/// `1 day`, `30 days`.
fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

fn plural(n: usize, word: &str) -> String {
    crate::output::plural(n, word)
}

/// A contact as one line: `lunch: what happened #gave`, or where it was recorded when it
/// says nothing more.
fn contact_text(i: &Interaction) -> String {
    let mut text = match (i.kind.as_deref(), i.summary.trim()) {
        (Some(kind), "") => v(kind),
        (Some(kind), summary) if summary.starts_with(kind) => v(summary),
        (Some(kind), summary) => format!("{}: {}", v(kind), v(summary)),
        (None, "") => match i.source {
            vault_index::Source::LastContact => "last_contact in the note".to_owned(),
            _ => "contact".to_owned(),
        },
        (None, summary) => v(summary),
    };
    for (tag, on) in [("#gave", i.gave), ("#got", i.got)] {
        if on && !text.contains(tag) {
            text.push(' ');
            text.push_str(tag);
        }
    }
    text
}

/// `(Journal/2026-10-05.md:3)`.
fn source(i: &Interaction) -> String {
    format!("({}:{})", v(&i.path), i.line)
}

/// A URL as text: with colour on, an OSC 8 hyperlink labelled `text` (the terminals that
/// know OSC 8 show the label and open the URL; the others show the label); else the URL
/// itself, which terminals make clickable. The URL is shown visibly first, so no byte of a
/// note can end the sequence early.
fn hyperlink(url: &str, text: Option<&str>, color: bool) -> String {
    let url = visible_inline(url);
    match text {
        Some(text) if color => {
            format!("\u{1b}]8;;{url}\u{1b}\\{}\u{1b}]8;;\u{1b}\\", v(text))
        }
        _ if color => format!("\u{1b}]8;;{url}\u{1b}\\{url}\u{1b}]8;;\u{1b}\\"),
        _ => url.into_owned(),
    }
}

/// Rows of `label  value`, the values aligned.
fn push_rows(out: &mut String, rows: &[(&str, String)]) {
    let width = rows.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
    for (label, value) in rows {
        out.push_str(&format!("  {label:<width$}  {value}\n"));
    }
}

/// Note text, shown visibly and on one line.
fn v(text: &str) -> String {
    visible_inline(text).into_owned()
}

fn list(items: &[String]) -> String {
    items.iter().map(|i| v(i)).collect::<Vec<_>>().join(", ")
}

fn red() -> Style {
    Style::new().fg_color(Some(AnsiColor::Red.into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use vault_index::Config;
    use vault_notes::{Note, ReadOptions, parse_note};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    fn notes() -> Vec<Note> {
        [
            (
                "People/Ann Lee.md",
                "---\nrelationship: friend\ninterests: [chess]\nboundaries: [her divorce]\nplace: the Oak\n---\n\
                 - 2026-09-10 dinner: with Pat Quinn, about Pat's move\n\
                 - 2026-09-01 coffee: the garden\n\
                 - [ ] introduce Pat Quinn to Bo 📅 2026-11-20\n\
                 - [ ] lend her the chess book 📅 2026-11-25\n",
            ),
            (
                "People/Pat Quinn.md",
                "---\nprivate: true\nrelationship: mentor\ninterests: [sailing]\n---\n\
                 - 2026-09-01 coffee: the boat\n- [ ] send the chart 📅 2026-11-20\n",
            ),
        ]
        .iter()
        .map(|(path, text)| parse_note(path, text.as_bytes(), &ReadOptions::default()).note)
        .collect()
    }

    fn view(notes: &[Note], i: usize) -> PersonView {
        vault_index::person_view(notes, &Config::default(), today(), i)
            .unwrap_or_else(|| panic!("note {i} is a person"))
    }

    #[test]
    fn a_private_persons_draft_knows_their_name_and_status_only() {
        let notes = notes();
        let view = view(&notes, 1);
        let pat = draft_input(&view, today());
        assert_eq!(pat.name, "Pat Quinn");
        assert_eq!(pat.first_name, "Pat");
        assert_eq!(pat.status, Status::Overdue);
        let nothing = DraftInput {
            name: pat.name,
            first_name: pat.first_name,
            status: pat.status,
            today: today(),
            relationship: None,
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
        };
        assert_eq!(pat, nothing);
    }

    #[test]
    fn lines_about_a_private_person_stay_out_of_a_draft() {
        let notes = notes();
        let view = view(&notes, 0);
        let ann = draft_input(&view, today());
        assert_eq!(ann.relationship, Some("friend"));
        assert_eq!(ann.last_contact, NaiveDate::from_ymd_opt(2026, 9, 10));
        // The last contact's line names Pat: neither its kind nor its text, and no older
        // topic in its place (it would not be the last one).
        assert_eq!(ann.last_kind, None);
        assert_eq!(ann.last_topic, None);
        // The follow-up that names Pat is skipped for the next one.
        assert_eq!(ann.owed, Some("lend her the chess book"));
        assert_eq!(ann.interests, ["chess"]);
        assert_eq!(ann.place, Some("the Oak"));
        assert_eq!(ann.boundaries, ["her divorce"], "for the draft to keep out");
    }
}
