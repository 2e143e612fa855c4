//! Finding the vault and its people with no configuration: the vault found upwards from
//! the current folder, a folder without notes refused, people by folder, type and tag,
//! what `vault check` says about how they were found, and `vault add`'s folder.

use std::fs;
use std::path::Path;

use crate::support::{TEST_HOOKS, TODAY, vault, vault_bin};

fn write(root: &Path, path: &str, text: &str) {
    let full = root.join(path);
    if let Some(parent) = full.parent() {
        fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    fs::write(full, text).unwrap_or_else(|e| panic!("{e}"));
}

/// `vault ARGS` run in `dir` without `--vault`, as a user types it.
fn vault_in(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut cmd = assert_cmd::Command::new(vault_bin());
    for hook in TEST_HOOKS {
        cmd.env_remove(hook);
    }
    let out = cmd
        .current_dir(dir)
        .env_remove("VAULT_DIR")
        .env_remove("VAULT_TODAY")
        .env("NO_COLOR", "1")
        .args(["--today", TODAY])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn people_of(json: &str) -> Vec<String> {
    let json: serde_json::Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    let mut names: Vec<String> = json["people"]
        .as_array()
        .unwrap_or_else(|| panic!("people"))
        .iter()
        .map(|p| p["path"].as_str().unwrap_or_default().to_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_vault_is_found_upwards_like_git_finds_a_repository() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    fs::create_dir_all(root.join(".obsidian")).unwrap_or_else(|e| panic!("{e}"));
    write(root, "People/Ann Lee.md", "- 2026-11-01 coffee\n");
    write(root, "Daily/2026-11-20.md", "Lunch with [[Ann Lee]]\n");
    let inside = root.join("People");
    let (code, stdout, stderr) = vault_in(&inside, &["status", "--format", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(people_of(&stdout), ["People/Ann Lee.md"]);
    // The digest goes to the vault's digest folder, not into People/ where it would read
    // as a person.
    let (code, _, stderr) = vault_in(&inside, &["digest"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(root.join("Digests/2026-W48.md").is_file());
    assert!(!inside.join("Digests").exists());
    // A vault.yaml or a Logseq graph marks the root too.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), "vault.yaml", "suggestions: 2\n");
    write(dir.path(), "Team/Work/Bo.md", "---\ntype: person\n---\n");
    let (code, stdout, stderr) = vault_in(
        &dir.path().join("Team/Work"),
        &["status", "--format", "json"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(people_of(&stdout), ["Team/Work/Bo.md"]);
}

#[test]
fn without_a_marker_the_current_folder_is_the_vault() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), "notes/People/Ann.md", "- 2026-11-01 call\n");
    write(dir.path(), "Outside.md", "---\ntype: person\n---\n");
    let (code, stdout, stderr) =
        vault_in(&dir.path().join("notes"), &["status", "--format", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(people_of(&stdout), ["People/Ann.md"]);
}

#[test]
fn people_by_folder_type_and_tag_with_what_is_never_a_person() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    write(
        root,
        "CRM/People/Ada Lovelace.md",
        "---\nlast_contacted: 2026-11-01\n---\n",
    );
    write(root, "CRM/People/Grace Hopper.md", "");
    write(
        root,
        "CRM/People/People MOC.md",
        "- [[Ada Lovelace]]\n- [[Grace Hopper]]\n",
    );
    write(root, "CRM/People/People.md", "The folder note.\n");
    write(root, "CRM/People/Acme Corp.md", "---\ntype: company\n---\n");
    write(root, "👥 Contacts/Linus.md", "");
    write(root, "Notes/Margaret.md", "---\ntype: crm-contact\n---\n");
    write(
        root,
        "Notes/Katherine.md",
        "#person/work\n\nMet at the conference.\n",
    );
    write(root, "Notes/Idea.md", "#idea\n");
    write(root, "Templates/Person.md", "---\ntype: person\n---\n");
    let (code, stdout, stderr) = vault_in(root, &["status", "--format", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        people_of(&stdout),
        [
            "CRM/People/Ada Lovelace.md",
            "CRM/People/Grace Hopper.md",
            "Notes/Katherine.md",
            "Notes/Margaret.md",
            "👥 Contacts/Linus.md",
        ]
    );
    let (code, _, stderr) = vault_in(root, &["check"]);
    assert_eq!(code, Some(0), "{stderr}");
    let last = stderr.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        "vault: 5 people: 2 in CRM/People, 1 in 👥 Contacts, 1 by type: crm-contact, 1 by tag: person/work"
    );
    let (_, json, _) = vault_in(root, &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        json["people_found"][0],
        serde_json::json!({"rule": "folder", "value": "CRM/People", "count": 2})
    );
}

#[test]
fn no_people_found_says_what_was_looked_for_and_what_looks_close() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), "Friends/Ann.md", "- 2026-11-01 call\n");
    write(dir.path(), "Friends/Bo.md", "");
    write(dir.path(), "Ideas.md", "");
    let (code, stdout, _) = vault_in(dir.path(), &["status"]);
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("No people found."), "{stdout}");
    for expected in [
        "People",
        "`type: person`",
        "people_folders",
        "Friends/ (2 notes)",
    ] {
        assert!(stdout.contains(expected), "{expected}: {stdout}");
    }
    let (_, _, stderr) = vault_in(dir.path(), &["check"]);
    assert!(stderr.contains("vault: No people found."), "{stderr}");
}

#[test]
fn add_writes_into_the_vaults_own_people_folder() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), "CRM/People/Ada.md", "");
    write(dir.path(), "CRM/People/Grace.md", "");
    write(dir.path(), "Contacts/Linus.md", "");
    vault(dir.path())
        .args(["add", "Katherine Johnson"])
        .assert()
        .success();
    assert!(dir.path().join("CRM/People/Katherine Johnson.md").is_file());
}

#[test]
fn a_name_with_a_note_outside_the_people_folders_is_made_a_person_not_added_twice() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), "People/Ann.md", "");
    write(dir.path(), "Notes/Sam Park.md", "Met at RustConf.\n");
    write(
        dir.path(),
        "Meetings/Sync.md",
        "---\ndate: 2026-11-02\npeople: [\"[[Sam Park]]\"]\n---\n",
    );
    let out = vault(dir.path())
        .args(["add", "Sam Park"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("Notes/Sam Park.md") && stderr.contains("type: person"),
        "{stderr}"
    );
    assert!(!dir.path().join("People/Sam Park.md").exists());
    let out = vault(dir.path())
        .args(["log", "Sam Park", "coffee"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("not a person note") && !stderr.contains("vault add"),
        "{stderr}"
    );
    let out = vault(dir.path())
        .arg("check")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("links `Notes/Sam Park.md`, which is not a person note")
            && !stdout.contains("vault add"),
        "{stdout}"
    );
}

#[test]
fn a_people_folder_in_vault_yaml_that_does_not_exist_is_a_warning() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(
        dir.path(),
        "vault.yaml",
        "people_folders:\n  - Team\n  - Peeps\n",
    );
    write(dir.path(), "Team/Ann.md", "");
    let (code, stdout, _) = vault_in(dir.path(), &["check"]);
    assert_eq!(code, Some(0));
    assert!(
        stdout.contains(
            "vault.yaml:3:5: warning: people_folders: `Peeps` is not a folder of this vault"
        ),
        "{stdout}"
    );
}
