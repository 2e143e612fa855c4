//! `vault review`, driven end to end in a pseudo-terminal with real keystrokes (rexpect):
//! it writes exactly the bytes `vault log` and `vault snooze` write, re-reads the vault
//! after the editor, copies the draft with OSC 52, and refuses to run without a terminal.

use std::path::Path;
use std::process::Command;

use rexpect::session::{PtySession, spawn_with_options};
use rexpect::{process::WaitStatus, reader::Options};

use crate::support::{
    TEST_HOOKS, TODAY, run, scratch, snapshot, stdout_of_success, vault, vault_bin,
};

/// `vault review` on `root` in a pseudo-terminal, colours off, `--today` pinned, with
/// `envs` set.
fn review(root: &Path, envs: &[(&str, &str)]) -> PtySession {
    let mut cmd = Command::new(vault_bin());
    for hook in TEST_HOOKS {
        cmd.env_remove(hook);
    }
    cmd.env_remove("VAULT_DIR")
        .env_remove("VAULT_TODAY")
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .arg("--vault")
        .arg(root)
        .args(["--today", TODAY, "review"]);
    for (key, value) in envs {
        cmd.env(key, value);
    }
    let options = Options::new()
        .timeout_ms(Some(30_000))
        .strip_ansi_escape_codes(false);
    spawn_with_options(cmd, options).unwrap_or_else(|e| panic!("{e}"))
}

/// The key prompt under every card.
const KEYS: &str = "n skip  q quit > ";

/// rexpect reads the terminal a byte at a time, each byte a `char`: `text` as it reads it.
fn as_read(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// What rexpect read, as the UTF-8 it was.
fn as_written(read: &str) -> String {
    let bytes: Vec<u8> = read.chars().filter_map(|c| u8::try_from(c).ok()).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Waits for card `n` (its header `── 1 of 6 · suggested this week ──`) and returns the
/// name on it.
fn card(p: &mut PtySession, n: usize) -> String {
    expect(p, &format!("── {n} of "));
    p.read_line().unwrap_or_else(|e| panic!("{e}"));
    let mut name = String::new();
    while name.trim().is_empty() {
        name = as_written(&p.read_line().unwrap_or_else(|e| panic!("{e}")));
    }
    // `Tom Becker  hibernating`, `Sharon Lee ★  overdue`.
    let name = name.split("  ").next().unwrap_or_default();
    name.trim_end_matches(" ★").trim().to_owned()
}

fn send(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap_or_else(|e| panic!("{e}"));
    p.flush().unwrap_or_else(|e| panic!("{e}"));
}

fn expect(p: &mut PtySession, text: &str) -> String {
    let before = p
        .exp_string(&as_read(text))
        .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
    as_written(&before)
}

fn exit_code(p: &mut PtySession) -> i32 {
    p.exp_eof().unwrap_or_else(|e| panic!("{e}"));
    match p.process().wait().unwrap_or_else(|e| panic!("{e}")) {
        WaitStatus::Exited(_, code) => code,
        other => panic!("vault review ended with {other:?}"),
    }
}

#[test]
fn log_snooze_skip_quit_write_what_the_commands_write() {
    let (_dir, root) = scratch("example-vault");
    let (_expected_dir, expected) = scratch("example-vault");
    let mut p = review(&root, &[]);

    // 1: log, with typed text.
    let first = card(&mut p, 1);
    expect(&mut p, KEYS);
    send(&mut p, "l");
    expect(&mut p, "What happened (today)? [");
    expect(&mut p, "(Esc cancels): ");
    send(&mut p, "coffee at the station\r");
    expect(&mut p, &format!("Logged {TODAY} with {first} in "));

    // 2: snooze, taking the proposed two weeks.
    let second = card(&mut p, 2);
    assert_ne!(first, second);
    expect(&mut p, KEYS);
    send(&mut p, "s");
    expect(
        &mut p,
        "Snooze until (a date, or a span such as 2w)? [2w] (Esc cancels): ",
    );
    send(&mut p, "\r");
    expect(&mut p, &format!("Snoozed {second} until 2026-12-07 in "));

    // 3: a log begun and cancelled writes nothing; then pause.
    let third = card(&mut p, 3);
    expect(&mut p, KEYS);
    send(&mut p, "l");
    expect(&mut p, "(Esc cancels): ");
    send(&mut p, "never mind\u{1b}");
    expect(&mut p, "(cancelled)");
    expect(&mut p, KEYS);
    send(&mut p, "p");
    expect(&mut p, &format!("Paused {third} in "));

    // 4: skip.
    let fourth = card(&mut p, 4);
    expect(&mut p, KEYS);
    send(&mut p, "n");
    expect(&mut p, "skip");

    // 5: quit.
    card(&mut p, 5);
    expect(&mut p, KEYS);
    send(&mut p, "q");
    let rest = expect(&mut p, "Reviewed 5 of ");
    assert!(!rest.contains("vault:"), "no error: {rest}");
    let summary = as_written(&p.read_line().unwrap_or_else(|e| panic!("{e}")));
    assert!(
        summary.ends_with(": logged 1, snoozed 1, paused 1, skipped 1."),
        "{summary:?}"
    );
    assert_eq!(exit_code(&mut p), 0);

    // The same bytes as the commands write, in the same notes, and nothing else.
    for args in [
        &["log", first.as_str(), "coffee at the station"][..],
        &["snooze", second.as_str(), "2w"],
        &["pause", third.as_str()],
    ] {
        stdout_of_success(vault(&expected).args(args));
    }
    assert_eq!(
        snapshot(&root),
        snapshot(&expected),
        "{fourth} is unchanged"
    );
    assert_ne!(snapshot(&root), snapshot(&scratch("example-vault").1));
}

#[test]
fn the_editor_opens_the_note_and_the_card_is_read_again() {
    let (_dir, root) = scratch("example-vault");
    // An "editor" that changes the role line of the note it is given.
    let editor = "sed -i 's/^role: .*/role: REREAD-ROLE/'";
    let mut p = review(&root, &[("EDITOR", editor)]);
    let first = card(&mut p, 1);
    expect(&mut p, KEYS);
    send(&mut p, "e");
    // The same person's card again, read from the edited note.
    assert_eq!(card(&mut p, 1), first);
    expect(&mut p, "REREAD-ROLE");
    expect(&mut p, KEYS);
    send(&mut p, "q");
    expect(&mut p, "Reviewed 1 of ");
    let summary = as_written(&p.read_line().unwrap_or_else(|e| panic!("{e}")));
    assert!(summary.ends_with(": edited 1."), "{summary:?}");
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn copy_puts_the_draft_on_the_clipboard_and_prints_it() {
    let (_dir, root) = scratch("example-vault");
    let mut p = review(&root, &[]);
    let first = card(&mut p, 1);
    let draft = stdout_of_success(vault(&root).args(["draft", first.as_str()]));
    expect(&mut p, KEYS);
    send(&mut p, "c");
    // OSC 52: the clipboard `c`, the text in base64.
    let encoded = base64(draft.as_bytes());
    expect(&mut p, &format!("\u{1b}]52;c;{encoded}\u{7}"));
    let first_line = draft.lines().next().unwrap_or_default();
    expect(&mut p, first_line);
    expect(&mut p, KEYS);
    send(&mut p, "q");
    expect(&mut p, "copied 1.");
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn a_refused_write_is_shown_and_the_review_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, root) = scratch("example-vault");
    let mut p = review(&root, &[]);
    let first = card(&mut p, 1);
    // The user protects the note meanwhile: vault honours it, even for root.
    let note = root.join(format!("People/{first}.md"));
    let before = std::fs::read(&note).unwrap_or_else(|e| panic!("{e}"));
    std::fs::set_permissions(&note, std::fs::Permissions::from_mode(0o444))
        .unwrap_or_else(|e| panic!("{e}"));
    expect(&mut p, KEYS);
    send(&mut p, "l");
    expect(&mut p, "(Esc cancels): ");
    send(&mut p, "\r");
    expect(&mut p, "vault: ");
    expect(&mut p, "nothing was written");
    // Still on the same card: skip it, then quit.
    expect(&mut p, KEYS);
    send(&mut p, "n");
    card(&mut p, 2);
    expect(&mut p, KEYS);
    send(&mut p, "q");
    expect(&mut p, "refused 1.");
    assert_eq!(exit_code(&mut p), 1);
    assert_eq!(std::fs::read(&note).unwrap_or_default(), before);
}

#[test]
fn nobody_to_review_says_so() {
    let (_dir, root) =
        crate::support::ann_vault("---\ncadence: monthly\n---\n- 2026-11-20 coffee\n");
    let mut p = review(&root, &[]);
    expect(
        &mut p,
        "Nobody to review: no suggestion this week, and nobody overdue or hibernating.",
    );
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn review_refuses_without_a_terminal() {
    let (_dir, root) = scratch("example-vault");
    let before = snapshot(&root);
    let (code, stdout, stderr) = run(&root, &["review"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("needs a terminal") && stderr.contains("vault show PERSON"),
        "{stderr}"
    );
    assert_eq!(snapshot(&root), before);
}

/// Base64 as RFC 4648 has it, written here independently of `vault`'s.
fn base64(bytes: &[u8]) -> String {
    let alphabet: Vec<char> = ('A'..='Z')
        .chain('a'..='z')
        .chain('0'..='9')
        .chain(['+', '/'])
        .collect();
    let bits: String = bytes.iter().map(|b| format!("{b:08b}")).collect();
    let mut out: String = bits
        .as_bytes()
        .chunks(6)
        .map(|six| {
            let six = format!("{:0<6}", String::from_utf8_lossy(six));
            alphabet[usize::from_str_radix(&six, 2).unwrap_or(0)]
        })
        .collect();
    while !out.len().is_multiple_of(4) {
        out.push('=');
    }
    out
}
