//! Colour follows the terminal conventions (`--color`, `NO_COLOR`, `CLICOLOR_FORCE`), and
//! the status table aligns in terminal cells, whatever script a name is written in.

use std::fs;

use crate::support::{TODAY, repo_root, vault_bin};

fn status(envs: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = assert_cmd::Command::new(vault_bin());
    cmd.env_remove("VAULT_DIR")
        .env_remove("VAULT_TODAY")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .arg("--vault")
        .arg(repo_root().join("example-vault"))
        .args(["--today", TODAY])
        .args(args)
        .arg("status");
    for (key, value) in envs {
        cmd.env(key, value);
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn colour_follows_the_flags_and_the_environment() {
    let coloured = |s: &str| s.contains("\x1b[");
    assert!(!coloured(&status(&[], &[])), "a pipe gets no colour");
    assert!(coloured(&status(&[("CLICOLOR_FORCE", "1")], &[])));
    assert!(!coloured(&status(
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
        &[]
    )));
    assert!(coloured(&status(&[], &["--color", "always"])));
    assert!(!coloured(&status(
        &[("CLICOLOR_FORCE", "1")],
        &["--color", "never"]
    )));
}

#[test]
fn wide_names_do_not_push_the_columns() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let people = dir.path().join("People");
    fs::create_dir_all(&people).unwrap_or_else(|e| panic!("{e}"));
    for name in ["王小明", "Ann Lee", "Zoë Ångström"] {
        fs::write(
            people.join(format!("{name}.md")),
            "---\nrelationship: friend\n---\n- 2026-01-05 coffee\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let out = crate::support::vault(dir.path())
        .arg("status")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let table = String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<&str> = table.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 4, "{table}");
    // The RELATIONSHIP column starts in the same terminal cell on every line.
    let columns: Vec<usize> = lines
        .iter()
        .map(|line| {
            let at = line
                .find("friend")
                .or_else(|| line.find("RELATIONSHIP"))
                .unwrap_or_else(|| panic!("no relationship in {line:?}"));
            unicode_width::UnicodeWidthStr::width(&line[..at])
        })
        .collect();
    assert!(
        columns.iter().all(|&c| c == columns[0]),
        "{columns:?}\n{table}"
    );
}
