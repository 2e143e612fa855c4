//! The write commands change exactly what they must: one line, byte for byte, in the
//! note's own line endings; refusals leave every file as it was.

use std::fs;

use crate::support::{person_named as person, read, run};

/// `after` is `before` with exactly `line` inserted before byte `at`.
fn inserted(before: &[u8], at: usize, line: &str) -> Vec<u8> {
    [&before[..at], line.as_bytes(), &before[at..]].concat()
}

#[test]
fn log_inserts_one_line_in_the_logs_order() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write");
    let before = read(&root, "People/Sharon Lee.md");
    let (code, stdout, stderr) = run(
        &root,
        &[
            "log",
            "shaz",
            "the Initech offer",
            "--kind",
            "coffee",
            "--gave",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        stdout,
        "Logged 2026-11-23 coffee with Sharon Lee in People/Sharon Lee.md\n"
    );
    let at = before
        .windows(14)
        .position(|w| w == b"- 2026-09-30 c")
        .unwrap_or_else(|| panic!("log line"));
    assert_eq!(
        read(&root, "People/Sharon Lee.md"),
        inserted(
            &before,
            at,
            "- 2026-11-23 coffee: the Initech offer #gave\n"
        )
    );
    let sharon = person(&root, "Sharon Lee");
    assert_eq!(sharon["last_contact"], "2026-11-23");
    assert_eq!(sharon["status"], "ok");
    // Two log lines, the daily note of 2026-11-20, and the new line.
    assert_eq!(sharon["interactions"], 4);
}

#[test]
fn crlf_bom_and_oldest_first_are_kept() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write");
    let before = read(&root, "People/Bo Crlf.md");
    let (code, _, stderr) = run(&root, &["log", "Bo Crlf", "lunch", "--date", "2026-10-15"]);
    assert_eq!(code, Some(0), "{stderr}");
    let at = before
        .windows(5)
        .position(|w| w == b"- [ ]")
        .unwrap_or_else(|| panic!("line"));
    assert_eq!(
        read(&root, "People/Bo Crlf.md"),
        inserted(&before, at, "* 2026-10-15 lunch\r\n")
    );
}

#[test]
fn a_note_without_front_matter_or_final_newline() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write");
    let before = read(&root, "People/Plain Note.md");
    assert_eq!(
        run(
            &root,
            &["log", "plain note", "hello", "--date", "yesterday"]
        )
        .0,
        Some(0)
    );
    let mut expected = before.clone();
    expected.extend_from_slice(b"\n\n## Log\n- 2026-11-22 hello");
    assert_eq!(read(&root, "People/Plain Note.md"), expected);
    assert_eq!(
        run(&root, &["snooze", "Plain Note", "2026-12-24"]).0,
        Some(0)
    );
    let mut snoozed = b"---\nsnooze_until: 2026-12-24\n---\n".to_vec();
    snoozed.extend_from_slice(&expected);
    assert_eq!(read(&root, "People/Plain Note.md"), snoozed);
    assert_eq!(person(&root, "Plain Note")["status"], "snoozed");
}

#[test]
fn snooze_pause_resume_change_one_line_each() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write");
    let before = read(&root, "People/Sharon Lee.md");
    assert_eq!(run(&root, &["pause", "Sharon Lee"]).0, Some(0));
    let paused = read(&root, "People/Sharon Lee.md");
    let at = before
        .windows(4)
        .rposition(|w| w == b"---\n")
        .unwrap_or_default();
    assert_eq!(paused, inserted(&before, at, "paused: true\n"));
    assert_eq!(person(&root, "Sharon Lee")["status"], "paused");
    // Pausing again changes nothing.
    let (code, stdout, _) = run(&root, &["pause", "Sharon Lee"]);
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("Nothing to change"), "{stdout}");
    assert_eq!(run(&root, &["resume", "Sharon Lee"]).0, Some(0));
    assert_eq!(
        read(&root, "People/Sharon Lee.md"),
        before,
        "resume undoes pause byte for byte"
    );
    assert_eq!(run(&root, &["snooze", "Sharon Lee", "2w"]).0, Some(0));
    assert_eq!(person(&root, "Sharon Lee")["status"], "snoozed");
    let text = String::from_utf8(read(&root, "People/Sharon Lee.md")).unwrap_or_default();
    assert!(text.contains("relationship: former-colleague # since 2024\ncadence: monthly\nsnooze_until: 2026-12-07\n---"), "{text}");
}

#[test]
fn done_checks_off_one_follow_up() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write");
    let before = read(&root, "People/Bo Crlf.md");
    let (code, stdout, stderr) = run(&root, &["done", "Bo Crlf", "deck"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.starts_with("Done: send the deck"), "{stdout}");
    let after = String::from_utf8(read(&root, "People/Bo Crlf.md")).unwrap_or_default();
    let expected = String::from_utf8(before).unwrap_or_default().replace(
        "- [ ] send the deck 📅 2026-11-30",
        "- [x] send the deck 📅 2026-11-30 ✅ 2026-11-23",
    );
    assert_eq!(after, expected);
    // A follow-up in a daily note that links the person.
    assert_eq!(run(&root, &["done", "Bo Crlf"]).0, Some(0));
    let journal = String::from_utf8(read(&root, "Journal/2026-11-20.md")).unwrap_or_default();
    assert!(
        journal.contains("- [x] send [[Bo Crlf]] the notes ✅ 2026-11-23"),
        "{journal}"
    );
}

#[test]
fn done_asks_which_when_there_are_several() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write");
    let before = read(&root, "People/Sam Two.md");
    let (code, _, stderr) = run(&root, &["done", "Sam Two"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("first thing") && stderr.contains("second thing"),
        "{stderr}"
    );
    assert_eq!(read(&root, "People/Sam Two.md"), before);
}

#[test]
fn ambiguous_unknown_and_unsafe_names_are_refused() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write");
    let (code, _, stderr) = run(&root, &["log", "sam", "hello"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("People/Sam One.md") && stderr.contains("People/Sam Two.md"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&root, &["snooze", "Nobody Here", "2026-12-01"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("no person named"), "{stderr}");
    for bad in [
        "../escape",
        "a/b",
        "C:drive",
        "CON",
        "bad\u{1}name",
        "..",
        "trailing.",
    ] {
        let (code, _, stderr) = run(&root, &["add", bad]);
        assert_eq!(code, Some(1), "{bad}: {stderr}");
        assert!(stderr.contains("cannot add"), "{stderr}");
    }
    let (code, _, stderr) = run(&root, &["add", "shaz"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("already exists"), "{stderr}");
    let (code, _, _) = run(&root, &["log", "Sharon Lee", "two\nlines"]);
    assert_eq!(code, Some(2));
    assert!(
        !root.join("escape.md").exists()
            && !root.parent().unwrap_or(&root).join("escape.md").exists()
    );
}

#[test]
fn add_creates_a_note_that_reads_back() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write");
    let (code, stdout, stderr) = run(
        &root,
        &[
            "add",
            "Nora Quinn",
            "--relationship",
            "peer",
            "--cadence",
            "2w",
            "--company",
            "Acme: West",
            "--email",
            "nora@example.com",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout, "Added Nora Quinn in People/Nora Quinn.md\n");
    let text = fs::read_to_string(root.join("People/Nora Quinn.md")).unwrap_or_default();
    assert_eq!(
        text,
        "---\nrelationship: peer\ncadence: 2w\ncompany: \"Acme: West\"\nemail: nora@example.com\ncreated: 2026-11-23\n---\n# Nora Quinn\n\n## Log\n"
    );
    assert_eq!(person(&root, "Nora Quinn")["cadence_days"], 14);
    assert_eq!(run(&root, &["log", "Nora Quinn", "intro"]).0, Some(0));
    assert_eq!(person(&root, "Nora Quinn")["last_contact"], "2026-11-23");
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let (_dir, root) = crate::support::scratch("tests/fixtures/write");
    let before = read(&root, "People/Sharon Lee.md");
    let (code, stdout, _) = run(&root, &["log", "Sharon Lee", "call", "--dry-run"]);
    assert_eq!(code, Some(0));
    assert!(
        stdout.starts_with("--- a/People/Sharon Lee.md\n+++ b/People/Sharon Lee.md\n@@ "),
        "{stdout}"
    );
    assert!(stdout.contains("\n+- 2026-11-23 call\n"), "{stdout}");
    assert_eq!(read(&root, "People/Sharon Lee.md"), before);
    let (_, stdout, _) = run(&root, &["add", "New Person", "--dry-run"]);
    assert!(stdout.contains("+# New Person"), "{stdout}");
    assert!(!root.join("People/New Person.md").exists());
}

#[test]
fn two_devices_logging_merge_cleanly_in_git() {
    if std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: git is not installed");
        return;
    }
    let (_dir, root) = crate::support::scratch("tests/fixtures/write");
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(&root)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    // Both devices add a line at the top of the same log: git's union merge keeps both,
    // as the README recommends for people notes.
    fs::write(root.join(".gitattributes"), "People/*.md merge=union\n")
        .unwrap_or_else(|e| panic!("{e}"));
    git(&["init", "-q", "-b", "main"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "start"]);
    git(&["checkout", "-qb", "laptop"]);
    assert_eq!(
        run(
            &root,
            &[
                "log",
                "Sharon Lee",
                "call from the laptop",
                "--date",
                "2026-11-21"
            ]
        )
        .0,
        Some(0)
    );
    git(&["commit", "-qam", "laptop"]);
    git(&["checkout", "-q", "main"]);
    assert_eq!(
        run(
            &root,
            &[
                "log",
                "Sharon Lee",
                "coffee from the phone",
                "--date",
                "2026-10-15"
            ]
        )
        .0,
        Some(0)
    );
    git(&["commit", "-qam", "phone"]);
    git(&["merge", "-q", "--no-edit", "laptop"]);
    assert_eq!(person(&root, "Sharon Lee")["interactions"], 5);
}

#[test]
fn resume_does_not_guess_another_tools_value_that_pauses() {
    for (key, value) in [
        ("active", "false"),
        ("status", "archived"),
        ("follow_up", "false"),
    ] {
        let text = format!("---\n{key}: {value}\n---\n- 2026-10-01 call\n");
        let (_dir, root) = crate::support::ann_vault(&text);
        assert_eq!(person(&root, "Ann")["status"], "paused", "{key}");
        let (code, _, stderr) = run(&root, &["resume", "Ann"]);
        assert_eq!(code, Some(1), "{key}: {stderr}");
        assert!(stderr.contains("change that line"), "{key}: {stderr}");
        assert_eq!(
            read(&root, "People/Ann.md"),
            text.as_bytes(),
            "{key}: nothing written"
        );
    }
}

#[test]
fn done_on_a_next_action_property_says_where_to_change_it() {
    let text = "---\nnext_action: send the proposal\nnext_action_date: 2026-11-30\n---\n";
    let (_dir, root) = crate::support::ann_vault(text);
    let (code, _, stderr) = run(&root, &["done", "Ann"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("People/Ann.md:2: `next_action` is a property"),
        "{stderr}"
    );
    assert_eq!(read(&root, "People/Ann.md"), text.as_bytes());
}
