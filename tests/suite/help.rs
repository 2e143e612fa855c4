//! `--help` of every command is part of the interface: snapshotted.

use crate::support::repo_root;

fn help(args: &[&str]) -> String {
    let out = assert_cmd::Command::new(crate::support::vault_bin())
        .env("COLUMNS", "100")
        .env_remove("VAULT_DIR")
        .env_remove("VAULT_TODAY")
        .args(args)
        .arg("--help")
        .current_dir(repo_root())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn help_of_every_command() {
    let commands: [&[&str]; 15] = [
        &[],
        &["digest"],
        &["status"],
        &["check"],
        &["log"],
        &["add"],
        &["snooze"],
        &["pause"],
        &["resume"],
        &["done"],
        &["show"],
        &["draft"],
        &["review"],
        &["completions"],
        &["man"],
    ];
    for command in commands {
        let name = if command.is_empty() {
            "vault".to_owned()
        } else {
            format!("vault-{}", command.join("-"))
        };
        insta::assert_snapshot!(name, help(command));
    }
}

#[test]
fn bad_usage_exits_2() {
    let out = assert_cmd::Command::new(crate::support::vault_bin())
        .args(["status", "--format", "yaml"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let out = assert_cmd::Command::new(crate::support::vault_bin())
        .args(["--today", "tomorrow", "status"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
}
