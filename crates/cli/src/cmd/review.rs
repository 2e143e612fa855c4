//! `vault review`: the weekly ritual in the terminal. One card at a time, this week's
//! suggestions first, then the rest of the overdue and hibernating, each with one key to
//! act. Every write is the one the matching command makes (`vault log`, `vault snooze`,
//! `vault pause`: the same code, guard and atomic one-line change); after a write, or
//! after the note was open in the editor, the vault is read again so that the next card
//! is current.

use std::collections::HashMap;
use std::io::{self, IsTerminal};
use std::process::Command;

use anstyle::Style;
use console::{Key, Term};
use vault_index::{PersonView, Status};

use crate::card::{CardStyle, PersonCard, card_of, card_text, draft_templates};
use crate::cli::Cli;
use crate::cmd::{log, pause, snooze};
use crate::exit::Exit;
use crate::output::{paint, use_color, visible, visible_inline, width};
use crate::session::Session;
use crate::write::Outcome;

/// Arguments of `vault review`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// How many contacts of the timeline a review card shows (`vault show` has them all).
const TIMELINE: usize = 5;

/// The snooze a review proposes.
const SNOOZE: &str = "2w";

/// Why someone is in the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    Suggested,
    Status(Status),
}

/// What the review did, for the summary at the end.
#[derive(Debug, Default)]
struct Tally {
    logged: usize,
    snoozed: usize,
    paused: usize,
    edited: usize,
    copied: usize,
    skipped: usize,
    refused: usize,
    seen: usize,
}

/// Runs `vault review`.
pub fn execute(cli: &Cli, _args: &Args) -> Result<(), Exit> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(Exit::usage(
            "vault review is interactive and needs a terminal for its input and output; for a script or a pipe, `vault show PERSON` prints one person's card and `vault status` who needs attention",
        ));
    }
    let mut session = Session::open(cli.vault.as_deref(), cli.today)?;
    // The day stays the one the review began on, past midnight too.
    let today = Some(session.today);
    let mut views = views_of(&session);
    // After a write the vault is read again, and everyone's view made again, once.
    let open = || {
        let session = Session::open(cli.vault.as_deref(), today)?;
        let views = views_of(&session);
        Ok::<_, Exit>((session, views))
    };
    let templates = draft_templates(&session)?;
    let queue = queue(&session);
    let term = Term::stdout();
    let color = use_color(cli.color);
    let bold = |text: &str| paint(text, Style::new().bold(), color);
    let dim = |text: &str| paint(text, Style::new().dimmed(), color);
    let say = |text: &str| term.write_line(text).map_err(terminal_error);

    let suggested = queue.iter().filter(|(_, w)| *w == Why::Suggested).count();
    if queue.is_empty() {
        say("Nobody to review: no suggestion this week, and nobody overdue or hibernating.")?;
        return Ok(());
    }
    say(&format!(
        "{} {}: {} this week, then {} more overdue or hibernating.",
        bold("vault review"),
        session.today,
        crate::output::plural(suggested, "suggestion"),
        queue.len() - suggested
    ))?;

    let mut tally = Tally::default();
    let mut at = 0;
    'people: while let Some((path, why)) = queue.get(at) {
        let view = views
            .get(path)
            .cloned()
            .ok_or_else(|| Exit::failure(format!("{path}: is not a person note")));
        let card = match view.and_then(|view| card_of(&session, templates, view)) {
            Ok(card) => card,
            Err(err) => {
                // The note was renamed or is no longer a person (the editor, another tool).
                say(&format!("vault: {err}; next"))?;
                at += 1;
                continue;
            }
        };
        let label = match why {
            Why::Suggested => "suggested this week".to_owned(),
            Why::Status(status) => status.as_str().to_owned(),
        };
        say(&format!(
            "\n{}",
            dim(&format!("── {} of {} · {label} ──", at + 1, queue.len()))
        ))?;
        term.write_str(&card_text(
            &card.view,
            &card.links,
            &card.draft,
            session.today,
            CardStyle {
                color,
                timeline: Some(TIMELINE),
            },
        ))
        .map_err(terminal_error)?;
        if tally.seen <= at {
            tally.seen = at + 1;
        }
        loop {
            term.write_str(&format!(
                "\n{} log  {} snooze  {} pause  {} edit note  {} copy draft  {} skip  {} quit > ",
                bold("l"),
                bold("s"),
                bold("p"),
                bold("e"),
                bold("c"),
                bold("n"),
                bold("q")
            ))
            .map_err(terminal_error)?;
            let key = term.read_key_raw().map_err(terminal_error)?;
            match key {
                Key::Char('l' | 'L') => {
                    say("log")?;
                    let proposal = proposal(&card);
                    let Some(text) = ask(&term, "What happened (today)?", &proposal)? else {
                        continue;
                    };
                    let args = log::Args {
                        person: path.clone(),
                        text,
                        date: "today".to_owned(),
                        kind: None,
                        gave: false,
                        got: false,
                        dry_run: false,
                    };
                    if wrote(&term, log::write(&session, &args), &mut tally)? {
                        tally.logged += 1;
                        (session, views) = open()?;
                        at += 1;
                        continue 'people;
                    }
                }
                Key::Char('s' | 'S') => {
                    say("snooze")?;
                    let Some(until) = ask(
                        &term,
                        "Snooze until (a date, or a span such as 2w)?",
                        SNOOZE,
                    )?
                    else {
                        continue;
                    };
                    let args = snooze::Args {
                        person: path.clone(),
                        until,
                        dry_run: false,
                    };
                    if wrote(&term, snooze::write(&session, &args), &mut tally)? {
                        tally.snoozed += 1;
                        (session, views) = open()?;
                        at += 1;
                        continue 'people;
                    }
                }
                Key::Char('p' | 'P') => {
                    say("pause")?;
                    let args = pause::Args {
                        person: path.clone(),
                        dry_run: false,
                    };
                    if wrote(&term, pause::write_pause(&session, &args), &mut tally)? {
                        say(&dim(&format!(
                            "  `vault resume \"{}\"` tracks them again",
                            visible_inline(path)
                        )))?;
                        tally.paused += 1;
                        (session, views) = open()?;
                        at += 1;
                        continue 'people;
                    }
                }
                Key::Char('e' | 'E') => {
                    say("edit")?;
                    match edit(&session, path) {
                        Ok(()) => {
                            tally.edited += 1;
                            // Whatever the editor changed, the card shows it.
                            (session, views) = open()?;
                            continue 'people;
                        }
                        Err(message) => say(&format!("vault: {}", visible(&message)))?,
                    }
                }
                Key::Char('c' | 'C') => {
                    say("copy")?;
                    copy(&term, &card)?;
                    tally.copied += 1;
                }
                Key::Char('n' | 'N' | ' ') | Key::Enter | Key::ArrowRight | Key::Tab => {
                    say("skip")?;
                    tally.skipped += 1;
                    at += 1;
                    continue 'people;
                }
                Key::Char('q' | 'Q') | Key::Escape | Key::CtrlC => {
                    say("quit")?;
                    break 'people;
                }
                _ => say("  press l, s, p, e, c, n or q")?,
            }
        }
    }
    say(&format!("\n{}", summary(&tally, queue.len())))?;
    if tally.refused > 0 {
        return Err(Exit::failure(format!(
            "{} refused (see above); nothing was written for {}",
            crate::output::plural(tally.refused, "write was"),
            if tally.refused == 1 { "it" } else { "them" }
        )));
    }
    Ok(())
}

/// Everyone's view, by note: made once for the cards of a review, not once a card (each
/// is made from the whole vault).
fn views_of(session: &Session) -> HashMap<String, PersonView> {
    vault_index::person_views(&session.vault.notes, &session.settings.index, session.today)
        .into_iter()
        .map(|view| (view.person.path.clone(), view))
        .collect()
}

/// Whom the review steps through: this week's suggestions, best first, then everyone
/// else overdue or hibernating, most urgent first.
fn queue(session: &Session) -> Vec<(String, Why)> {
    let index = session.index(session.today);
    let mut queue: Vec<(String, Why)> = index
        .suggestions
        .iter()
        .map(|s| (s.person.path.clone(), Why::Suggested))
        .collect();
    for p in &index.people {
        if matches!(p.status, Status::Overdue | Status::Hibernating)
            && !queue.iter().any(|(path, _)| *path == p.path)
        {
            queue.push((p.path.clone(), Why::Status(p.status)));
        }
    }
    queue
}

/// What a log proposes: the kind of the last contact ("another coffee"), else coffee.
fn proposal(card: &PersonCard) -> String {
    card.view
        .person
        .last_interaction
        .as_ref()
        .and_then(|i| i.kind.clone())
        .filter(|k| k != "milestone" && !k.chars().any(char::is_control))
        .unwrap_or_else(|| "coffee".to_owned())
}

/// Prints what a write did; whether it wrote. A refusal is printed and counted, and the
/// card stays: the review goes on.
fn wrote(term: &Term, result: Result<Outcome, Exit>, tally: &mut Tally) -> Result<bool, Exit> {
    match result {
        Ok(outcome) => {
            outcome.print()?;
            // Unchanged: the note already said so, which is as good.
            Ok(!matches!(outcome, Outcome::Diff(_)))
        }
        Err(err) => {
            tally.refused += 1;
            term.write_line(&format!("vault: {err}"))
                .map_err(terminal_error)?;
            Ok(false)
        }
    }
}

/// Asks for one line, `default` when the answer is empty; `None` when Escape cancels.
/// Only printable characters are taken: a note is no place for terminal codes.
fn ask(term: &Term, question: &str, default: &str) -> Result<Option<String>, Exit> {
    term.write_str(&format!("  {question} [{default}] (Esc cancels): "))
        .map_err(terminal_error)?;
    let mut answer = String::new();
    loop {
        match term.read_key_raw().map_err(terminal_error)? {
            Key::Enter => {
                term.write_line("").map_err(terminal_error)?;
                let answer = answer.trim();
                return Ok(Some(
                    if answer.is_empty() { default } else { answer }.to_owned(),
                ));
            }
            Key::Escape | Key::CtrlC => {
                term.write_line("  (cancelled)").map_err(terminal_error)?;
                return Ok(None);
            }
            Key::Backspace => {
                if let Some(c) = answer.pop() {
                    term.clear_chars(width(&c.to_string()))
                        .map_err(terminal_error)?;
                }
            }
            Key::Char(c) if !c.is_control() => {
                answer.push(c);
                term.write_str(&c.to_string()).map_err(terminal_error)?;
            }
            _ => {}
        }
    }
}

/// Opens the note `path` in `$VISUAL`, else `$EDITOR`, and waits for it, as git does: the
/// variable is a shell command (`code --wait`), the note's path its argument.
fn edit(session: &Session, path: &str) -> Result<(), String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
        .ok_or("set $VISUAL or $EDITOR to the editor to open notes in (export EDITOR=nano)")?;
    let file = session.root.join(path);
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("vault")
        .arg(&file)
        .status()
        .map_err(|e| format!("cannot start `{editor}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`{editor}` ended with {status}; the vault is read again anyway"
        ))
    }
}

/// Copies the draft to the clipboard with the terminal's OSC 52 (most terminals and tmux
/// take it; the others ignore it) and prints it, to copy by hand where it was ignored.
fn copy(term: &Term, card: &PersonCard) -> Result<(), Exit> {
    let text = format!("{}\n", card.draft.body.trim_end());
    term.write_str(&format!("\u{1b}]52;c;{}\u{7}", base64(text.as_bytes())))
        .map_err(terminal_error)?;
    term.write_line("  Copied to the clipboard (where the terminal allows it):\n")
        .map_err(terminal_error)?;
    term.write_str(&visible(&text)).map_err(terminal_error)
}

/// Standard base64 with padding (RFC 4648), for OSC 52.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `Reviewed 4 of 7: logged 2, snoozed 1, skipped 1.`
fn summary(tally: &Tally, total: usize) -> String {
    let parts: Vec<String> = [
        ("logged", tally.logged),
        ("snoozed", tally.snoozed),
        ("paused", tally.paused),
        ("edited", tally.edited),
        ("copied", tally.copied),
        ("skipped", tally.skipped),
        ("refused", tally.refused),
    ]
    .iter()
    .filter(|(_, n)| *n > 0)
    .map(|(what, n)| format!("{what} {n}"))
    .collect();
    let done = if parts.is_empty() {
        "nothing done".to_owned()
    } else {
        parts.join(", ")
    };
    format!("Reviewed {} of {total}: {done}.", tally.seen)
}

fn terminal_error(err: io::Error) -> Exit {
    Exit::failure(format!("cannot use the terminal: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_rfc_4648() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("Hi Sharon,\n", "SGkgU2hhcm9uLAo="),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        assert_eq!(base64("é".as_bytes()), "w6k=");
    }

    #[test]
    fn the_summary_counts_what_was_done() {
        let tally = Tally {
            logged: 2,
            snoozed: 1,
            skipped: 1,
            seen: 4,
            ..Tally::default()
        };
        assert_eq!(
            summary(&tally, 7),
            "Reviewed 4 of 7: logged 2, snoozed 1, skipped 1."
        );
        assert_eq!(
            summary(&Tally::default(), 3),
            "Reviewed 0 of 3: nothing done."
        );
    }
}
