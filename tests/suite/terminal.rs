//! Text from notes never drives the terminal: escape sequences, C1 controls and bidi
//! overrides in names, properties, tasks, log lines and file names are printed visibly
//! (`\u{1b}`), by every command, on stdout and stderr. Text given on the command line that
//! `vault` would write into a note is refused when it holds a control character.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{run_raw, snapshot};

/// Clear screen, window title (OSC 0), a bidi override; the note also has a hidden
/// hyperlink (OSC 8), a C1 CSI and DEL.
const CLEAR: &str = "\u{1b}[2J";
const TITLE: &str = "\u{1b}]0;pwned\u{7}";
const RLO: &str = "\u{202e}";

fn hostile_vault() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("vault");
    let people = root.join("People");
    fs::create_dir_all(&people).unwrap_or_else(|e| panic!("{e}"));
    // Front matter says its controls with YAML escapes (raw ones are not YAML); the body
    // has them raw.
    let note = format!(
        "---\nname: \"Eve \\e[2J\\e]0;pwned\\a\"\n\
         relationship: \"ally\\e]8;;https://evil.example/\\e\\\\click\\e]8;;\\e\\\\\"\n\
         cadence: \"weekly\\x9b31m\"\n---\n\
         - 2026-09-01 coffee: talked {RLO}about\u{7f} things\n\
         - [ ] send the deck {CLEAR}📅 2026-11-30\n\
         - [ ] call back {TITLE}\n"
    );
    fs::write(people.join("Eve.md"), note).unwrap_or_else(|e| panic!("{e}"));
    // A file name with an escape sequence in it (legal on Linux and macOS).
    fs::write(
        people.join(format!("Mallory{TITLE}.md")),
        "---\nrelationship: friend\ncadence: sometimes\n---\n- 2026-01-01 met\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // A line break in a name cannot forge a line of output.
    fs::write(
        people.join("Liner.md"),
        "---\nname: \"Lin\\nvault: error: forged\"\n---\n- 2026-01-01 met\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    (dir, root)
}

/// No byte of a control sequence reaches the terminal: no ESC, BEL, DEL, C1 control or
/// bidi override (newlines and tabs are layout).
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let raw: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c)
        })
        .collect();
    assert!(raw.is_empty(), "{what}: raw controls {raw:?} in\n{text}");
}

fn run(root: &Path, args: &[&str]) -> (Option<i32>, Vec<u8>, String) {
    let (code, stdout, stderr) = run_raw(root, args);
    assert_inert(&format!("{args:?} stdout"), &stdout);
    assert_inert(&format!("{args:?} stderr"), stderr.as_bytes());
    (code, stdout, stderr)
}

#[test]
fn status_shows_escape_sequences_visibly() {
    let (_dir, root) = hostile_vault();
    let (code, stdout, _) = run(&root, &["status", "--all"]);
    assert_eq!(code, Some(0));
    let stdout = String::from_utf8_lossy(&stdout);
    assert!(
        stdout.contains(r"Eve \u{1b}[2J\u{1b}]0;pwned\u{7}"),
        "{stdout}"
    );
    assert!(
        stdout.contains(r"ally\u{1b}]8;;https://evil.example/"),
        "{stdout}"
    );
    assert!(stdout.contains(r"Mallory\u{1b}]0;pwned\u{7}"), "{stdout}");
    assert!(stdout.contains(r"Lin\u{a}vault: error: forged"), "{stdout}");
    // Colour codes vault adds itself still work.
    let (_, coloured, _) = run_raw(&root, &["--color", "always", "status", "--all"]);
    assert!(String::from_utf8_lossy(&coloured).contains("\u{1b}[0m"));
}

#[test]
fn check_shows_escape_sequences_visibly() {
    let (_dir, root) = hostile_vault();
    let (_, stdout, _) = run(&root, &["check"]);
    let stdout = String::from_utf8_lossy(&stdout);
    assert!(stdout.contains(r"weekly\u{9b}31m"), "{stdout}");
    assert!(
        stdout.contains(r"People/Mallory\u{1b}]0;pwned\u{7}.md"),
        "{stdout}"
    );
    // JSON keeps the exact strings, every control escaped the JSON way (`\u009b`).
    let (_, json, _) = run(&root, &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap_or_else(|e| panic!("{e}"));
    let text = json.to_string();
    assert!(text.contains("weekly\u{9b}31m"), "{text}");
}

#[test]
fn done_lists_and_summarises_visibly() {
    let (_dir, root) = hostile_vault();
    let (code, _, stderr) = run(&root, &["done", "Eve", "--dry-run"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(r"call back \u{1b}]0;pwned\u{7}"),
        "{stderr}"
    );
    let (code, stdout, stderr) = run(&root, &["done", "Eve", "deck"]);
    assert_eq!(code, Some(0), "{stderr}");
    let stdout = String::from_utf8_lossy(&stdout);
    assert!(
        stdout.contains(r"Done: send the deck \u{1b}[2J"),
        "{stdout}"
    );
}

#[test]
fn log_summary_is_visible() {
    let (_dir, root) = hostile_vault();
    let (code, stdout, stderr) = run(&root, &["log", "Eve", "coffee"]);
    assert_eq!(code, Some(0), "{stderr}");
    let stdout = String::from_utf8_lossy(&stdout);
    assert!(stdout.contains(r"with Eve \u{1b}[2J"), "{stdout}");
}

#[test]
fn errors_quoting_note_text_are_visible() {
    let (_dir, root) = hostile_vault();
    // A person query that matches nothing is quoted back, and the close names listed.
    let (code, _, stderr) = run(&root, &["log", "Eve X", "hi"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains(r"Eve \u{1b}[2J"), "{stderr}");
}

#[test]
fn dry_run_diffs_keep_the_notes_exact_bytes() {
    // A diff is meant for `git apply`: it shows the note's own bytes, escapes included.
    let (_dir, root) = hostile_vault();
    let (code, stdout, _) = run_raw(&root, &["done", "Eve", "deck", "--dry-run"]);
    assert_eq!(code, Some(0));
    assert!(String::from_utf8_lossy(&stdout).contains(CLEAR));
}

#[test]
fn control_characters_on_the_command_line_are_refused() {
    let (_dir, root) = hostile_vault();
    let before = snapshot(&root);
    let cases: &[&[&str]] = &[
        &["log", "Eve", "coffee \u{1b}[2J"],
        &["log", "Eve", "coffee\u{7}"],
        &["log", "Eve", "coffee \u{9b}2J"],
        &["log", "Eve", "coffee", "--kind", "call\u{1b}"],
        &["log", "Eve\u{1b}", "coffee"],
        &["add", "Zed", "--company", "Acme\u{1b}]0;x\u{7}"],
        &["add", "Zed", "--relationship", "ally\u{1b}"],
        &["add", "Zed", "--email", "z@example.com\u{1b}"],
        &["done", "Eve", "deck\u{1b}"],
        &["snooze", "Eve\u{7}", "2w"],
    ];
    for args in cases {
        let (code, stdout, stderr) = run(&root, args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}");
        assert!(stderr.contains("control character"), "{args:?}: {stderr}");
    }
    // A tab is text (the dry run's diff has the note's own bytes: `run_raw`).
    let (code, _, stderr) = run_raw(&root, &["log", "Eve", "coffee\tand cake", "--dry-run"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(snapshot(&root), before, "nothing was written");
}
