//! The bundled example vault: the README's first command, and the digest in all three
//! formats, snapshotted.

use crate::support::{copy_dir, repo_root, stdout_of_success, vault};

fn example() -> std::path::PathBuf {
    repo_root().join("example-vault")
}

fn digest(format: &str) -> String {
    stdout_of_success(vault(&example()).args(["digest", "--stdout", "--format", format]))
}

#[test]
fn digest_markdown() {
    insta::assert_snapshot!(digest("md"));
}

#[test]
fn digest_html() {
    insta::assert_snapshot!(digest("html"));
}

#[test]
fn digest_json() {
    insta::assert_snapshot!(digest("json"));
}

#[test]
fn status_table() {
    let out = vault(&example())
        .args(["status", "--all"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn the_private_person_stays_private() {
    for format in ["md", "html", "json"] {
        let text = digest(format);
        assert!(text.contains("Sam Rivera"), "{format}: the name is shown");
        assert!(
            !text.contains("CONFIDENTIAL"),
            "{format}: private text leaked"
        );
    }
}

#[test]
fn the_example_vault_is_clean() {
    let out = vault(&example())
        .arg("check")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stdout.contains(": error:") && !stdout.contains(": warning:"),
        "{stdout}"
    );
}

#[test]
fn digest_writes_both_files_into_the_digest_folder() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    copy_dir(&example(), dir.path());
    let out = vault(dir.path())
        .arg("digest")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("2026-W48.md") && stdout.contains("2026-W48.html"),
        "{stdout}"
    );
    let written =
        std::fs::read_to_string(dir.path().join("Digests/2026-W48.md")).unwrap_or_default();
    let name = dir
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    assert_eq!(
        written.replace(&name, "example-vault"),
        digest("md"),
        "the file and --stdout agree"
    );
    // Writing the digest into the vault does not change what the vault says.
    let again = vault(dir.path())
        .args(["status", "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let before = vault(&example())
        .args(["status", "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.stdout, before.stdout);
    // A past week is computed as of its Sunday.
    let past = vault(dir.path())
        .args(["digest", "--week", "2026-W40", "--stdout"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(String::from_utf8_lossy(&past.stdout).contains("computed for 2026-10-04"));
}
