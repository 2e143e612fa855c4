//! Each write command on notes of every shape (`tests/fixtures/write-shapes`): the file
//! after the command is compared byte for byte with the original plus the one expected
//! line, and `vault status --format json` shows the new fact.

use std::fs;
use std::path::Path;

use crate::support::{person_at as person, read, run};

/// Runs a write command that must succeed.
fn ok(root: &Path, args: &[&str]) -> String {
    let (code, stdout, stderr) = run(root, args);
    assert_eq!(code, Some(0), "{args:?}: {stderr}");
    stdout
}

/// `before` with `line` (its ending included) inserted before the first occurrence of
/// `anchor`.
fn inserted_before(before: &[u8], anchor: &[u8], line: &[u8]) -> Vec<u8> {
    let at = before
        .windows(anchor.len())
        .position(|w| w == anchor)
        .unwrap_or_else(|| panic!("{:?} not found", String::from_utf8_lossy(anchor)));
    [&before[..at], line, &before[at..]].concat()
}

/// `before` with `old` replaced by `new`, once.
fn replaced(before: &[u8], old: &[u8], new: &[u8]) -> Vec<u8> {
    let at = before
        .windows(old.len())
        .position(|w| w == old)
        .unwrap_or_else(|| panic!("{:?} not found", String::from_utf8_lossy(old)));
    [&before[..at], new, &before[at + old.len()..]].concat()
}

#[test]
fn a_heading_log_gets_a_heading_at_its_date() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write-shapes");
    let path = "People/Heading Log.md";
    let before = read(&root, path);
    let stdout = ok(
        &root,
        &[
            "log",
            "heading log",
            "the move",
            "--kind",
            "lunch",
            "--gave",
        ],
    );
    assert_eq!(
        stdout,
        "Logged 2026-11-23 lunch with Heading Log in People/Heading Log.md\n"
    );
    assert_eq!(
        read(&root, path),
        inserted_before(
            &before,
            b"## 2026-10-02 Coffee",
            b"## 2026-11-23 lunch: the move #gave\n"
        )
    );
    let p = person(&root, path);
    assert_eq!(p["last_contact"], "2026-11-23");
    assert_eq!(p["interactions"], 3);
    assert_eq!(p["status"], "ok");
}

#[test]
fn bom_crlf_linked_dates_oldest_first_no_final_newline() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write-shapes");
    let path = "People/Linked Dates.md";
    let before = read(&root, path);
    // Friday before Monday 2026-11-23; the log goes oldest first, so the line goes last.
    ok(&root, &["log", "linked dates", "walk", "--date", "friday"]);
    let after = read(&root, path);
    assert_eq!(
        after,
        inserted_before(&before, b"\r\n## Notes", b"- [[2026-11-20]] walk\r\n")
    );
    assert!(after.starts_with(b"\xEF\xBB\xBF---\r\n") && !after.ends_with(b"\n"));
    // Between two existing dates.
    ok(
        &root,
        &["log", "Linked Dates", "call", "--date", "2026-09-01"],
    );
    assert_eq!(
        read(&root, path),
        inserted_before(&after, b"- [[2026-09-15]]", b"- [[2026-09-01]] call\r\n")
    );
    assert_eq!(person(&root, path)["last_contact"], "2026-11-20");
}

#[test]
fn mixed_line_endings_follow_the_log() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write-shapes");
    let path = "People/Mixed Endings.md";
    let before = read(&root, path);
    ok(
        &root,
        &["log", "Mixed Endings", "coffee", "--date", "3d ago"],
    );
    assert_eq!(
        read(&root, path),
        inserted_before(&before, b"* 2026-10-20", b"* 2026-11-20 coffee\n")
    );
    ok(&root, &["snooze", "Mixed Endings", "2026-12-24"]);
    let snoozed = read(&root, path);
    assert!(
        snoozed.starts_with(
            b"---\r\nname: Mixed Endings\r\nrelationship: ally\r\nsnooze_until: 2026-12-24\r\n---\r\n"
        ),
        "{}",
        String::from_utf8_lossy(&snoozed)
    );
    assert_eq!(person(&root, path)["status"], "snoozed");
}

#[test]
fn bytes_that_are_not_utf8_are_kept() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write-shapes");
    let path = "People/Latin One.md";
    let before = read(&root, path);
    ok(
        &root,
        &["log", "latin one", "bistro", "--date", "2026-10-05"],
    );
    assert_eq!(
        read(&root, path),
        inserted_before(&before, b"- 2026-10-02 caf\xE9", b"- 2026-10-05 bistro\n")
    );
    ok(&root, &["pause", "Latin One"]);
    assert_eq!(person(&root, path)["status"], "paused");
}

#[test]
fn properties_change_in_place_with_key_quotes_spacing_and_comments() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write-shapes");
    let path = "People/Quoted.md";
    let before = read(&root, path);
    let stdout = ok(&root, &["snooze", "quoted", "2026-12-24"]);
    assert_eq!(
        stdout,
        "Snoozed Quoted until 2026-12-24 in People/Quoted.md\n"
    );
    let snoozed = replaced(
        &before,
        b"prm-snooze-until: '2020-01-01'  # old snooze",
        b"prm-snooze-until: 2026-12-24  # old snooze",
    );
    assert_eq!(read(&root, path), snoozed);
    assert_eq!(person(&root, path)["status"], "snoozed");

    ok(&root, &["pause", "Quoted"]);
    let paused = replaced(
        &snoozed,
        b"prm-paused: false # kept",
        b"prm-paused: true # kept",
    );
    assert_eq!(read(&root, path), paused);
    assert_eq!(person(&root, path)["status"], "paused");

    // Resume ends the pause first (the user's own line is kept, set back to false)…
    let stdout = ok(&root, &["resume", "Quoted"]);
    assert!(
        stdout.contains("still snoozed until 2026-12-24"),
        "{stdout}"
    );
    assert_eq!(read(&root, path), snoozed);
    assert_eq!(person(&root, path)["status"], "snoozed");
    // …then the snooze: another tool's key stays, with today's date.
    ok(&root, &["resume", "Quoted"]);
    assert_eq!(
        read(&root, path),
        replaced(
            &before,
            b"prm-snooze-until: '2020-01-01'",
            b"prm-snooze-until: 2026-11-23"
        )
    );
    assert_eq!(person(&root, path)["status"], "no-contact");
    let (code, _, stderr) = run(&root, &["resume", "Quoted"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("neither paused nor snoozed"), "{stderr}");
}

#[test]
fn a_note_without_front_matter_gets_one_and_loses_it_on_resume() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write-shapes");
    let path = "People/Bare.md";
    fs::write(root.join(path), "Met at a conference.\r\n").unwrap_or_else(|e| panic!("{e}"));
    ok(&root, &["pause", "Bare"]);
    assert_eq!(
        read(&root, path),
        b"---\r\npaused: true\r\n---\r\nMet at a conference.\r\n"
    );
    assert_eq!(person(&root, path)["status"], "paused");
    ok(&root, &["resume", "Bare"]);
    assert_eq!(read(&root, path), b"Met at a conference.\r\n");
}

#[test]
fn twins_are_ambiguous_until_the_path_picks_one() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write-shapes");
    let (code, _, stderr) = run(&root, &["log", "twin", "hello"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("People/Twin.md") && stderr.contains("Work/Twin.md"),
        "{stderr}"
    );
    assert!(stderr.contains("path"), "{stderr}");
    let before = read(&root, "People/Twin.md");
    ok(&root, &["log", "Work/Twin.md", "hello"]);
    assert_eq!(read(&root, "People/Twin.md"), before);
    assert_eq!(
        read(&root, "Work/Twin.md"),
        b"---\ntype: person\nname: Twin\n---\n\n## Log\n- 2026-11-23 hello\n"
    );
    assert_eq!(person(&root, "Work/Twin.md")["last_contact"], "2026-11-23");
}

#[test]
fn conflicted_and_unclosed_notes_are_refused_untouched() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write-shapes");
    let conflicted = read(&root, "People/Conflicted.md");
    for args in [
        &["log", "Conflicted", "hello"][..],
        &["pause", "Conflicted"],
        &["snooze", "Conflicted", "2w"],
    ] {
        let (code, _, stderr) = run(&root, args);
        assert_eq!(code, Some(1), "{args:?}");
        assert!(stderr.contains("conflict marker"), "{stderr}");
    }
    assert_eq!(read(&root, "People/Conflicted.md"), conflicted);
    let unclosed = read(&root, "People/Unclosed.md");
    let (code, _, stderr) = run(&root, &["snooze", "Unclosed", "2w"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("never ends"), "{stderr}");
    assert_eq!(read(&root, "People/Unclosed.md"), unclosed);
}

#[test]
fn done_checks_off_a_task_on_a_bom_first_line() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write-shapes");
    let path = "People/Tasky.md";
    fs::write(
        root.join(path),
        "\u{FEFF}- [ ] send the intro 📅 2026-11-30\r\n- [ ] book lunch\r\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (code, _, stderr) = run(&root, &["done", "Tasky"]);
    assert_eq!(code, Some(1), "two open follow-ups: which one?");
    assert!(
        stderr.contains("send the intro") && stderr.contains("book lunch"),
        "{stderr}"
    );
    let stdout = ok(&root, &["done", "Tasky", "INTRO"]);
    assert_eq!(stdout, "Done: send the intro (People/Tasky.md:1)\n");
    assert_eq!(
        read(&root, path),
        "\u{FEFF}- [x] send the intro 📅 2026-11-30 ✅ 2026-11-23\r\n- [ ] book lunch\r\n"
            .as_bytes()
    );
    let (code, _, stderr) = run(&root, &["done", "Tasky", "intro"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("no open follow-up matching"), "{stderr}");
}
