//! `vault check`: every problem in the vault, exit 1 when any is an error.

use clap::ValueEnum;
use serde::Serialize;
use vault_notes::{Diagnostic, Severity};

use anstyle::AnsiColor::{Cyan, Red, Yellow};
use anstyle::Style;

use crate::cli::Cli;
use crate::exit::Exit;
use crate::output::{paint, plural, print, use_color, visible_inline, visible_json};
use crate::people_found;
use crate::session::{Session, keep};

const RED: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(Red)));
const YELLOW: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(Yellow)));
const CYAN: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(Cyan)));

/// Arguments of `vault check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Output formats of `vault check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `path:line:col: severity: message [code]`, one per line.
    Text,
    /// A JSON object with every diagnostic and the counts.
    Json,
}

#[derive(Serialize)]
struct Report<'a> {
    errors: usize,
    warnings: usize,
    hints: usize,
    diagnostics: &'a [Diagnostic],
    /// How the people were found: by which folder, type, category or tag, and how many.
    people_found: Vec<people_found::Found>,
}

/// Runs `vault check`.
pub fn execute(cli: &Cli, args: &Args) -> Result<(), Exit> {
    let session = keep(Session::open(cli.vault.as_deref(), cli.today)?);
    let across_notes = keep(session.cross_note_problems(session.today));
    let diagnostics = keep(session.problems(across_notes)).as_slice();
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let report = Report {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        hints: count(Severity::Hint),
        diagnostics,
        people_found: people_found::found(&session.vault.notes),
    };
    let text = match args.format {
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&report)
                .map_err(|e| Exit::failure(format!("cannot write JSON: {e}")))?;
            json.push('\n');
            visible_json(&json).into_owned()
        }
        Format::Text => {
            let color = use_color(cli.color);
            diagnostics
                .iter()
                .map(|d| {
                    let severity = match d.severity {
                        Severity::Error => paint("error", RED.bold(), color),
                        Severity::Warning => paint("warning", YELLOW.bold(), color),
                        Severity::Hint => paint("hint", CYAN, color),
                    };
                    // Paths and messages quote notes: shown visibly, then coloured.
                    format!(
                        "{}:{}:{}: {severity}: {} [{}]\n",
                        visible_inline(&d.path),
                        d.line,
                        d.column,
                        visible_inline(&d.message),
                        d.code
                    )
                })
                .collect()
        }
    };
    print(&text).map_err(|e| Exit::failure(format!("cannot write output: {e}")))?;
    let notes = session.vault.notes.len();
    eprintln!(
        "vault: checked {}: {}, {}, {}",
        plural(notes, "note"),
        plural(report.errors, "error"),
        plural(report.warnings, "warning"),
        plural(report.hints, "hint")
    );
    // The last line says why someone is or is not a person.
    eprintln!(
        "vault: {}",
        visible_inline(&people_found::summary(
            &session.vault.notes,
            &session.settings.read
        ))
    );
    if report.errors > 0 {
        Err(Exit::failure(String::new()))
    } else {
        Ok(())
    }
}
