//! `vault digest`: the weekly digest as Markdown, HTML and JSON files.

use std::borrow::Cow;
use std::io::IsTerminal;
use std::path::PathBuf;

use clap::ValueEnum;
use vault_index::Week;
use vault_notes::Severity;
use vault_render::{DigestInput, HealthCounts};

use crate::budget;
use crate::cli::Cli;
use crate::exit::Exit;
use crate::output::{print, problem_summary, visible, visible_json};
use crate::session::{Session, keep};
use crate::write::write_atomically;

/// Arguments of `vault digest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The ISO week, like 2026-W48 (default: the week containing --today).
    #[arg(long, value_name = "WEEK")]
    pub week: Option<Week>,
    /// Which formats to write (default: md and html).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// The folder to write into (default: the vault's digest folder, `Digests/`).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Print the digest to stdout instead of writing files (Markdown unless --format says).
    #[arg(long)]
    pub stdout: bool,
}

/// Digest formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown, with people linked as [[Name]].
    Md,
    /// One self-contained HTML page.
    Html,
    /// JSON: the people of `vault status --format json` and every section.
    Json,
    /// Markdown, HTML and JSON.
    All,
}

/// Runs `vault digest`.
pub fn execute(cli: &Cli, args: &Args) -> Result<(), Exit> {
    let session = keep(Session::open(cli.vault.as_deref(), cli.today)?);
    let week = args.week.unwrap_or_else(|| Week::containing(session.today));
    let index = keep(session.index(week.digest_day(session.today)));
    let limits = budget::Limits::for_this_run();
    let templates = keep(session.templates()?.with_budget(limits.output));
    let diagnostics = keep(session.problems(&index.diagnostics)).as_slice();
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let vault_name = keep(session.name());
    // Rendering runs on a thread within `limits` (a vault's own template may not end), so
    // what it reads lives until the process ends.
    let input = keep(DigestInput {
        index,
        vault_name,
        health: HealthCounts {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            hints: count(Severity::Hint),
        },
        draft: keep(session.settings.draft.clone()),
    });
    let formats: &[(&str, Format)] = match (args.format, args.stdout) {
        (Some(Format::All), true) => {
            return Err(Exit::usage(
                "--stdout prints one format; pick --format md, html or json",
            ));
        }
        (Some(Format::All), false) => &[
            ("md", Format::Md),
            ("html", Format::Html),
            ("json", Format::Json),
        ],
        (None, true) | (Some(Format::Md), _) => &[("md", Format::Md)],
        (None, false) => &[("md", Format::Md), ("html", Format::Html)],
        (Some(Format::Html), _) => &[("html", Format::Html)],
        (Some(Format::Json), _) => &[("json", Format::Json)],
    };
    let render = |format: Format| {
        budget::render(templates, limits, move |templates| match format {
            Format::Md | Format::All => vault_render::digest_markdown(templates, input),
            Format::Html => vault_render::digest_html(templates, input),
            Format::Json => vault_render::digest_json(templates, input),
        })
    };
    problem_summary(diagnostics);
    if args.stdout {
        let mut all = String::new();
        for (_, format) in formats {
            all.push_str(&render(*format)?);
        }
        // On a terminal, note text is shown visibly (as `ls` does with odd file names); a
        // pipe or a file gets the digest's exact bytes, the same as the written file.
        let shown = if !std::io::stdout().is_terminal() {
            Cow::Borrowed(all.as_str())
        } else if matches!(args.format, Some(Format::Json)) {
            visible_json(&all)
        } else {
            visible(&all)
        };
        return print(&shown).map_err(|e| Exit::failure(format!("cannot write output: {e}")));
    }
    let folder = args
        .out
        .clone()
        .unwrap_or_else(|| session.root.join(&session.settings.digest_folder));
    // Every format is rendered before any is written: a template that fails leaves the
    // digest folder as it was.
    let mut rendered = Vec::new();
    for (extension, format) in formats {
        rendered.push((folder.join(format!("{week}.{extension}")), render(*format)?));
    }
    let mut written = String::new();
    for (path, text) in rendered {
        write_atomically(&path, text.as_bytes())
            .map_err(|e| Exit::failure(format!("{}: cannot write: {e}", path.display())))?;
        written.push_str(&format!("{}\n", visible(&path.display().to_string())));
    }
    print(&written).map_err(|e| Exit::failure(format!("cannot write output: {e}")))
}
