//! When things are, as the command line reads and says it: dates that do not exist are
//! named as such, a snooze must end after today, and the status table says "in 3d",
//! "today", "12d overdue" and when a snooze ends.

use std::path::Path;

use crate::support::{TEST_HOOKS, TODAY, read, run, scratch, snapshot, vault_bin};

/// `vault --vault ROOT --today TODAY`, colours off, isolated from the caller's environment.
fn vault_on(root: &Path, today: &str) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(vault_bin());
    for hook in TEST_HOOKS {
        cmd.env_remove(hook);
    }
    cmd.env_remove("VAULT_DIR")
        .env_remove("VAULT_TODAY")
        .env("NO_COLOR", "1")
        .arg("--vault")
        .arg(root)
        .arg("--today")
        .arg(today);
    cmd
}

#[test]
fn impossible_days_are_named_as_such() {
    let (_dir, root) = scratch("example-vault");
    let before = snapshot(&root);
    let cases: [(&[&str], &str); 6] = [
        (
            &["status"],
            "`2026-11-31` is not a day: November 2026 has 30 days",
        ),
        (
            &["log", "Sharon Lee", "x", "--date", "2026-11-31"],
            "`2026-11-31` is not a day: November 2026 has 30 days",
        ),
        (
            &["snooze", "Sharon Lee", "2027-02-29"],
            "`2027-02-29` is not a day: February 2027 has 28 days",
        ),
        (
            &["log", "Sharon Lee", "x", "--date", "2026-13-01"],
            "`2026-13-01` is not a day: a year has 12 months",
        ),
        (
            &["log", "Sharon Lee", "x", "--date", "2026-04-00"],
            "`2026-04-00` is not a day: April 2026 has days 1 to 30",
        ),
        (
            &["snooze", "Sharon Lee", "2028-02-30"],
            "`2028-02-30` is not a day: February 2028 has 29 days",
        ),
    ];
    for (i, (args, message)) in cases.iter().enumerate() {
        // The first case is `--today` itself.
        let today = if i == 0 { "2026-11-31" } else { TODAY };
        let out = vault_on(&root, today)
            .args(*args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(!stderr.contains("YYYY-MM-DD"), "{args:?}: {stderr}");
    }
    // What is not written as a date at all still says how to write one.
    for today in ["2026-11-3", "tomorrow", "2026/11/23"] {
        let out = vault_on(&root, today)
            .arg("status")
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{today}: {stderr}");
        assert!(
            stderr.contains(&format!("`{today}` is not a date; write it as YYYY-MM-DD")),
            "{today}: {stderr}"
        );
    }
    let (code, _, stderr) = run(&root, &["snooze", "Sharon Lee", "whenever"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("2026-12-15, 2w or 30d"), "{stderr}");
    // A leap day that exists is a day.
    let (code, _, stderr) = run(&root, &["snooze", "Sharon Lee", "2028-02-29", "--dry-run"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(snapshot(&root), before, "nothing was written");
}

#[test]
fn a_snooze_must_end_after_today() {
    let (_dir, root) = scratch("example-vault");
    let elena = "People/Elena Petrova.md";
    let before = snapshot(&root);
    assert!(
        String::from_utf8_lossy(&read(&root, elena)).contains("prm-snooze-until: 2026-12-15"),
        "the example vault snoozes Elena"
    );
    for until in ["2026-11-20", TODAY, "0d", "2020-01-01"] {
        let (code, stdout, stderr) = run(&root, &["snooze", "Elena", until]);
        assert_eq!(code, Some(2), "{until}: {stderr}");
        assert!(stdout.is_empty(), "{until}: {stdout}");
        assert!(
            stderr.contains(&format!("is not after today ({TODAY})"))
                && stderr.contains("a snooze ends after today, e.g. `vault snooze Elena 2w`")
                && stderr.contains("`vault resume Elena` ends a snooze"),
            "{until}: {stderr}"
        );
    }
    // A name with a space is quoted in the advice, so it can be run as it is.
    let (code, _, stderr) = run(&root, &["snooze", "Elena Petrova", "2026-11-01"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("`vault snooze 'Elena Petrova' 2w`"),
        "{stderr}"
    );
    assert_eq!(snapshot(&root), before, "the real snooze stands");
    // Tomorrow is after today.
    let (code, _, stderr) = run(&root, &["snooze", "Elena", "2026-11-24"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        String::from_utf8_lossy(&read(&root, elena)).contains("prm-snooze-until: 2026-11-24"),
        "{stderr}"
    );
}

#[test]
fn the_status_table_says_when_in_words() {
    let root = crate::support::repo_root().join("example-vault");
    let (code, stdout, stderr) = run(&root, &["status", "--all"]);
    assert_eq!(code, Some(0), "{stderr}");
    let row = |name: &str| {
        stdout
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}: {stdout}"))
            .to_owned()
    };
    assert!(!stdout.contains(" -3d"), "{stdout}");
    assert!(
        !stdout
            .split_whitespace()
            .any(|cell| cell.starts_with('-') && cell.ends_with('d')),
        "no negative day counts: {stdout}"
    );
    assert!(row("Lena Park").contains("in 3d"), "{}", row("Lena Park"));
    assert!(
        row("Sharon Lee").contains("19d overdue"),
        "{}",
        row("Sharon Lee")
    );
    assert!(row("Mei Chen").contains("in 9d"), "{}", row("Mei Chen"));
    assert!(
        row("Elena Petrova").contains("until 2026-12-15"),
        "{}",
        row("Elena Petrova")
    );
    assert!(
        !row("Elena Petrova").contains("overdue"),
        "{}",
        row("Elena Petrova")
    );
    assert!(
        !row("Greg Holt").contains("overdue"),
        "paused: {}",
        row("Greg Holt")
    );
    // Due today, and tomorrow.
    for (today, expected) in [("2026-11-26", "today"), ("2026-11-25", "tomorrow")] {
        let out = vault_on(&root, today)
            .arg("status")
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8_lossy(&out.stdout);
        let lena = text
            .lines()
            .find(|l| l.contains("Lena Park"))
            .unwrap_or_default();
        assert!(lena.contains(expected), "{today}: {text}");
    }
}
