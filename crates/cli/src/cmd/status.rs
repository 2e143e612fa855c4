//! `vault status`: who needs attention, as a table or as the JSON contract.

use anstyle::{AnsiColor, Style};
use clap::ValueEnum;
use vault_index::{PersonStatus, Status};

use crate::cli::Cli;
use crate::exit::Exit;
use crate::output::{
    self, paint, print, problem_summary, use_color, visible_inline, visible_json, width,
};
use crate::session::{Session, keep};

/// Arguments of `vault status`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Include people who are ok, snoozed or paused (JSON always has everyone).
    #[arg(long)]
    pub all: bool,
}

/// Output formats of `vault status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An aligned table for the terminal.
    Table,
    /// The stable JSON contract (every person, every diagnostic).
    Json,
}

/// Runs `vault status`.
pub fn execute(cli: &Cli, args: &Args) -> Result<(), Exit> {
    let session = keep(Session::open(cli.vault.as_deref(), cli.today)?);
    let statuses = keep(session.statuses(session.today));
    let problems = keep(session.problems(&statuses.diagnostics));
    let text = match args.format {
        Format::Json => vault_render::status_json(statuses, problems)
            .map(|json| visible_json(&json).into_owned())
            .map_err(|e| Exit::failure(e.to_string()))?,
        Format::Table if statuses.people.is_empty() => {
            let advice =
                crate::people_found::no_people(&session.vault.notes, &session.settings.read);
            format!("{}\n", visible_inline(&advice))
        }
        Format::Table => table(&statuses.people, args.all, use_color(cli.color)),
    };
    problem_summary(problems);
    print(&text).map_err(|e| Exit::failure(format!("cannot write output: {e}")))
}

fn colour(status: Status) -> Style {
    let fg = |c: AnsiColor| Style::new().fg_color(Some(c.into()));
    match status {
        Status::Hibernating => fg(AnsiColor::Magenta).bold(),
        Status::Overdue => fg(AnsiColor::Red).bold(),
        Status::DueSoon => fg(AnsiColor::Yellow),
        Status::NoContact => fg(AnsiColor::Cyan),
        Status::Ok => fg(AnsiColor::Green),
        Status::Snoozed | Status::Paused => Style::new().dimmed(),
    }
}

/// When the person is due, in words, as the digest says it: `12d overdue`, `today`,
/// `tomorrow`, `in 3d`; for a snoozed person when the snooze ends (`until 2026-12-15`),
/// which is what brings them back; nothing for a paused person, who is not due at all.
fn when(person: &PersonStatus) -> String {
    match (person.status, person.snooze_until, person.days_overdue) {
        (Status::Paused, _, _) => "-".to_owned(),
        (Status::Snoozed, Some(until), _) => format!("until {until}"),
        (_, _, None) => "-".to_owned(),
        (_, _, Some(0)) => "today".to_owned(),
        (_, _, Some(-1)) => "tomorrow".to_owned(),
        (_, _, Some(days)) if days < 0 => format!("in {}d", days.unsigned_abs()),
        (_, _, Some(days)) => format!("{days}d overdue"),
    }
}

fn table(people: &[PersonStatus], all: bool, color: bool) -> String {
    let shown: Vec<&PersonStatus> = people
        .iter()
        .filter(|p| all || p.status.needs_attention())
        .collect();
    if shown.is_empty() {
        let hidden = people.len();
        return format!(
            "Nobody needs attention. {hidden} people are ok, snoozed or paused (--all shows them).\n"
        );
    }
    let header = [
        "STATUS",
        "NAME",
        "RELATIONSHIP",
        "LAST CONTACT",
        "DUE",
        "WHEN",
        "CADENCE",
    ];
    let rows: Vec<[String; 7]> = shown
        .iter()
        .map(|p| {
            [
                p.status.as_str().to_owned(),
                // Note text is shown visibly before widths are measured and colour added.
                if p.favorite {
                    format!("{} ★", visible_inline(&p.name))
                } else {
                    visible_inline(&p.name).into_owned()
                },
                p.relationship
                    .as_deref()
                    .map_or_else(|| "-".to_owned(), |r| visible_inline(r).into_owned()),
                p.last_contact
                    .map_or_else(|| "-".to_owned(), |d| d.to_string()),
                p.due.map_or_else(|| "-".to_owned(), |d| d.to_string()),
                when(p),
                format!("{}d", p.cadence_days),
            ]
        })
        .collect();
    // Columns are measured in terminal cells, so a CJK name does not push the next column.
    let mut widths = header.map(width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: &[String; 7], status: Option<Status>| {
        let mut out = String::new();
        for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
            let pad = width.saturating_sub(output::width(cell));
            let padded = if i == 6 {
                format!("{}{cell}", " ".repeat(pad))
            } else {
                format!("{cell}{}", " ".repeat(pad))
            };
            let painted = match (i, status) {
                (0, Some(s)) => paint(&padded, colour(s), color),
                _ => padded,
            };
            out.push_str(&painted);
            out.push_str(if i + 1 < cells.len() { "  " } else { "" });
        }
        out.trim_end().to_owned() + "\n"
    };
    let mut out = line(&header.map(str::to_owned), None);
    for (row, p) in rows.iter().zip(&shown) {
        out.push_str(&line(row, Some(p.status)));
    }
    let hidden = people.len() - shown.len();
    if hidden > 0 {
        out.push_str(&format!(
            "\n{hidden} more ok, snoozed or paused; --all shows everyone.\n"
        ));
    }
    out
}
