//! `vault completions SHELL` and `vault man` come from the same definitions as `--help`.

use crate::support::{repo_root, stdout_of_success, vault};

fn run(args: &[&str]) -> String {
    stdout_of_success(vault(&repo_root()).args(args))
}

#[test]
fn completions_for_every_shell_name_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = run(&["completions", shell]);
        for command in [
            "digest",
            "status",
            "check",
            "log",
            "add",
            "snooze",
            "pause",
            "resume",
            "done",
            "completions",
            "man",
        ] {
            assert!(script.contains(command), "{shell}: no `{command}`");
        }
        assert!(script.contains("--today"), "{shell}: no --today");
    }
    // Each shell's own syntax, so a script for the wrong shell cannot pass.
    assert!(run(&["completions", "bash"]).contains("complete -F"));
    assert!(run(&["completions", "zsh"]).starts_with("#compdef vault"));
    assert!(run(&["completions", "fish"]).contains("complete -c vault"));
}

#[test]
fn an_unknown_shell_is_bad_usage() {
    let out = assert_cmd::Command::new(crate::support::vault_bin())
        .args(["completions", "tcsh"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_man_page_is_roff_with_every_command() {
    let page = run(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH vault"),
        "{page}"
    );
    assert!(page.contains(".TH vault 1"), "not a section-1 page");
    for command in ["digest", "status", "check", "log", "add", "snooze", "done"] {
        assert!(page.contains(command), "no `{command}` in the man page");
    }
    assert!(page.contains("VAULT_DIR"), "the environment is documented");
}
