//! The write commands' guarantees that are not about where a line goes: a dry run prints a
//! diff that applies to the note and writes nothing; a note changed on disk meanwhile is
//! refused; writes keep permissions and symbolic links and leave no temporary file; unsafe
//! names and bad input are refused with the reason, and nothing is written.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::support::{copy_dir, repo_root, run_raw as run, snapshot, vault};

fn scratch() -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = crate::support::scratch("tests/fixtures/write");
    copy_dir(
        &repo_root().join("tests/fixtures/write-shapes/People"),
        &root.join("People"),
    );
    (dir, root)
}

fn git_available() -> bool {
    Command::new("git").arg("--version").output().is_ok()
}

#[test]
fn dry_run_diffs_apply_to_the_note_and_give_what_the_real_run_writes() {
    if !git_available() {
        eprintln!("skipped: git is not installed");
        return;
    }
    let commands: &[&[&str]] = &[
        &["log", "Sharon Lee", "call", "--kind", "call"],
        &["log", "Bo Crlf", "lunch", "--date", "2026-10-15"],
        &["log", "Plain Note", "hello"],
        &["log", "Linked Dates", "walk", "--date", "friday"],
        &["log", "Latin One", "bistro"],
        &["log", "Heading Log", "call"],
        &["snooze", "Bo Crlf", "2026-12-24"],
        &["snooze", "Plain Note", "2w"],
        &["pause", "Quoted"],
        &["pause", "Mixed Endings"],
        &["done", "Bo Crlf", "deck"],
        &["add", "Nora Quinn", "--relationship", "peer"],
    ];
    for args in commands {
        let (_dir, dry) = scratch();
        let (_dir2, real) = scratch();
        let before = snapshot(&dry);
        let mut with_dry_run = args.to_vec();
        with_dry_run.push("--dry-run");
        let (code, diff, stderr) = run(&dry, &with_dry_run);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(
            diff.starts_with(b"--- "),
            "{args:?}: {}",
            String::from_utf8_lossy(&diff)
        );
        assert_eq!(snapshot(&dry), before, "{args:?}: a dry run writes nothing");
        let (code, _, stderr) = run(&real, args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");

        let patch = dry.join("../change.diff");
        fs::write(&patch, &diff).unwrap_or_else(|e| panic!("{e}"));
        let applied = Command::new("git")
            .args(["apply", "--whitespace=nowarn"])
            .arg(&patch)
            .current_dir(&dry)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            applied.status.success(),
            "{args:?}: git apply: {}\n{}",
            String::from_utf8_lossy(&applied.stderr),
            String::from_utf8_lossy(&diff)
        );
        assert_eq!(
            snapshot(&dry),
            snapshot(&real),
            "{args:?}: the diff gives what the command writes\n{}",
            String::from_utf8_lossy(&diff)
        );
    }
}

#[test]
fn a_note_changed_on_disk_meanwhile_is_refused() {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: the test hook exists in debug builds only");
        return;
    }
    let commands: &[&[&str]] = &[
        &["log", "Sharon Lee", "call"],
        &["snooze", "Sharon Lee", "2w"],
        &["pause", "Sharon Lee"],
        &["done", "Bo Crlf", "deck"],
        &["add", "Nora Quinn"],
    ];
    for args in commands {
        let (_dir, root) = scratch();
        let out = vault(&root)
            .args(*args)
            .env(
                "VAULT_TEST_EDIT_BEFORE_WRITE",
                "typed in the editor meanwhile\n",
            )
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("changed on disk since it was read")
                || stderr.contains("created by something else meanwhile"),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("nothing was written"), "{stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
        // The note holds the other writer's text and not the command's.
        let touched = snapshot(&root)
            .into_iter()
            .filter(|(_, bytes)| bytes.ends_with(b"typed in the editor meanwhile\n"))
            .count();
        assert_eq!(touched, 1, "{args:?}");
    }
}

#[test]
fn writes_keep_permissions_and_links_and_leave_no_temporary_file() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let (dir, root) = scratch();
    let file = root.join("People/Sharon Lee.md");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).unwrap_or_else(|e| panic!("{e}"));
    // A note that lives elsewhere, linked into the vault.
    let outside = dir.path().join("elsewhere.md");
    fs::write(&outside, "---\nname: Linked Person\n---\n").unwrap_or_else(|e| panic!("{e}"));
    symlink(&outside, root.join("People/Linked Person.md")).unwrap_or_else(|e| panic!("{e}"));

    for args in [
        &["log", "Sharon Lee", "call"][..],
        &["snooze", "Sharon Lee", "2w"],
        &["log", "Linked Person", "call"],
    ] {
        let (code, _, stderr) = run(&root, args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
    }
    let mode = fs::metadata(&file)
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or(0);
    assert_eq!(mode, 0o640);
    let link = fs::symlink_metadata(root.join("People/Linked Person.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(link.file_type().is_symlink(), "the link is still a link");
    assert_eq!(
        fs::read_to_string(&outside).unwrap_or_default(),
        "---\nname: Linked Person\n---\n\n## Log\n- 2026-11-23 call\n"
    );
    let leftovers: Vec<_> = snapshot(&root)
        .into_iter()
        .filter(|(p, _)| p.to_string_lossy().contains("vault-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn unsafe_names_are_refused_with_the_reason() {
    let (_dir, root) = scratch();
    let before = snapshot(&root);
    for (name, reason) in [
        ("../Escape", "outside"),
        ("..", "outside"),
        ("a/b", "separates folders"),
        ("a\\b", "separates folders"),
        ("C:Drive", "not allowed in file names"),
        ("Who?", "not allowed in file names"),
        ("CON", "reserved device name"),
        ("nul.txt", "reserved device name"),
        ("Lpt1", "reserved device name"),
        ("bad\u{1}name", "control characters"),
        ("tab\tname", "control characters"),
        ("Trailing.", "ending with `.`"),
        (".hidden", "hidden"),
        ("[[Link]]", "Obsidian links"),
        ("", "empty"),
        ("   ", "empty"),
    ] {
        let (code, stdout, stderr) = run(&root, &["add", name]);
        assert_eq!(code, Some(1), "{name:?}: {stderr}");
        assert!(stdout.is_empty());
        assert!(
            stderr.contains("cannot add") && stderr.contains(reason),
            "{name:?}: {stderr}"
        );
    }
    let long = "x".repeat(201);
    let (code, _, stderr) = run(&root, &["add", &long]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("too long"), "{stderr}");
    assert_eq!(snapshot(&root), before, "nothing was written");
    assert!(!root.parent().unwrap_or(&root).join("Escape.md").exists());
}

#[test]
fn add_refuses_existing_names_and_aliases_in_any_case() {
    let (_dir, root) = scratch();
    let before = snapshot(&root);
    for name in ["sharon lee", "SHAZ", "Bo Crlf", "sam"] {
        let (code, _, stderr) = run(&root, &["add", name]);
        assert_eq!(code, Some(1), "{name}");
        assert!(stderr.contains("already exists"), "{name}: {stderr}");
    }
    assert_eq!(snapshot(&root), before);
}

#[test]
fn add_uses_the_vaults_template_and_the_configured_people_folder() {
    let (_dir, root) = scratch();
    fs::create_dir_all(root.join(".vault/templates")).unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        root.join(".vault/templates/person.md"),
        "---\ntype: person\ncompany: {{ company | yaml }}\n---\n# {{ name }}\n\n## Interactions\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    fs::write(root.join("vault.yaml"), "people_folders: [Contacts]\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let (code, stdout, stderr) = run(&root, &["add", "José Álvarez", "--company", "#1: Acme"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&stdout),
        "Added José Álvarez in Contacts/José Álvarez.md\n"
    );
    assert_eq!(
        fs::read_to_string(root.join("Contacts/José Álvarez.md")).unwrap_or_default(),
        "---\ntype: person\ncompany: \"#1: Acme\"\n---\n# José Álvarez\n\n## Interactions\n"
    );
    let (code, _, stderr) = run(&root, &["log", "josé álvarez", "coffee"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        fs::read_to_string(root.join("Contacts/José Álvarez.md"))
            .unwrap_or_default()
            .ends_with("## Interactions\n- 2026-11-23 coffee\n")
    );
}

#[test]
fn bad_input_is_a_usage_error_and_writes_nothing() {
    let (_dir, root) = scratch();
    let before = snapshot(&root);
    for args in [
        &["log", "Sharon Lee", "two\nlines"][..],
        &["log", "Sharon Lee", "carriage\rreturn"],
        &["log", "Sharon Lee", "x", "--date", "someday"],
        &["log", "Sharon Lee", "x", "--date", "2026-02-30"],
        &["log", "Sharon Lee", "x", "--kind", "two words"],
        &["log", "Sharon Lee", "x", "--gave", "--got"],
        &["log", "Sharon Lee", "   "],
        &["snooze", "Sharon Lee", "whenever"],
        &["add", "Nora", "--cadence", "sometimes"],
    ] {
        let (code, stdout, stderr) = run(&root, args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}");
        assert!(!stderr.is_empty(), "{args:?}");
    }
    assert_eq!(snapshot(&root), before);
}

#[test]
fn unknown_people_are_refused_with_suggestions() {
    let (_dir, root) = scratch();
    let before = snapshot(&root);
    // Typos of Sharon Lee's names (a first or last name alone would name her).
    for args in [
        &["log", "Sharn", "x"][..],
        &["snooze", "sharno", "2w"],
        &["pause", "Lea"],
        &["done", "Shaorn Lee"],
    ] {
        let (code, _, stderr) = run(&root, args);
        assert_eq!(code, Some(1), "{args:?}");
        assert!(
            stderr.contains("no person named") && stderr.contains("did you mean: Sharon Lee"),
            "{args:?}: {stderr}"
        );
    }
    let (code, _, stderr) = run(&root, &["log", "Zebedee", "x"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("vault status --all"), "{stderr}");
    assert_eq!(snapshot(&root), before);
}
