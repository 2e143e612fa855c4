//! `vault log` on every person note of the public corpora (`../shared/corpora`, vaults
//! nobody on this team wrote): in a copy of the whole vault, exactly one log line is added
//! to that note — into its log where it has one, else in a new `## Log` section — every
//! other byte of the vault stays, and `vault status` shows the contact.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{TODAY, corpora_dir, person_at as status_of, snapshot, vault};
use serde_json::Value;

/// A copy of a corpus that a user could edit: the corpora are kept read-only on disk, and
/// `vault` refuses to write a read-only note, so the copy's files are made writable.
fn copy_dir(from: &Path, to: &Path) {
    use std::os::unix::fs::PermissionsExt;
    crate::support::copy_dir(from, to);
    for (path, _) in snapshot(to) {
        let file = to.join(path);
        if let Ok(meta) = fs::metadata(&file) {
            let mode = meta.permissions().mode() | 0o200;
            fs::set_permissions(&file, fs::Permissions::from_mode(mode))
                .unwrap_or_else(|e| panic!("chmod {}: {e}", file.display()));
        }
    }
}

const TEXT: &str = "checked by the test suite";

/// The paths of the people `vault status` lists in the vault at `root`.
fn people(root: &Path) -> Vec<String> {
    let out = vault(root)
        .args(["status", "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    json["people"]
        .as_array()
        .map(|people| {
            people
                .iter()
                .filter_map(|p| p["path"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `after` is `before` with one line ending in `suffix` inserted at a line
/// boundary, with the note's line ending (before the line when it is added to a last line
/// without one).
fn one_line_inserted(before: &[u8], after: &[u8], suffix: &str) -> bool {
    let eol: &[u8] = if before.windows(2).any(|w| w == b"\r\n") {
        b"\r\n"
    } else {
        b"\n"
    };
    let Some(added) = after.len().checked_sub(before.len()) else {
        return false;
    };
    let prefix = before.iter().zip(after).take_while(|(a, b)| a == b).count();
    let at_line_start = |p: usize| p == 0 || before[p - 1] == b'\n';
    (0..=prefix.min(before.len())).rev().any(|p| {
        let inserted = &after[p..p + added];
        let rest_kept = after[p + added..] == before[p..];
        let line_then_eol = inserted
            .strip_suffix(eol)
            .is_some_and(|line| line.ends_with(suffix.as_bytes()) && !line.contains(&b'\n'));
        let eol_then_line = p == before.len()
            && inserted
                .strip_prefix(eol)
                .is_some_and(|line| line.ends_with(suffix.as_bytes()) && !line.contains(&b'\n'));
        rest_kept && (at_line_start(p) && line_then_eol || eol_then_line)
    })
}

/// Whether `after` is `before` with a `## Log` section holding the line added at the end.
fn log_section_added(before: &[u8], after: &[u8], line: &str) -> bool {
    let eol = if before.windows(2).any(|w| w == b"\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let Some(added) = after.strip_prefix(before) else {
        return false;
    };
    let final_newline = before.ends_with(b"\n");
    let blank_before = before.ends_with(b"\n\n") || before.ends_with(b"\n\r\n");
    let expected = format!(
        "{}{}## Log{eol}{line}{}",
        if final_newline { "" } else { eol },
        if blank_before { "" } else { eol },
        if final_newline { eol } else { "" },
    );
    added == expected.as_bytes()
}

#[test]
fn log_adds_one_line_to_every_person_note_in_the_corpora() {
    let Some(corpora) = corpora_dir() else {
        return;
    };
    let mut checked = Vec::new();
    let mut corpus_dirs: Vec<PathBuf> = fs::read_dir(&corpora)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    corpus_dirs.sort();
    for corpus in corpus_dirs {
        // The people as `vault` reads the vault: with its own settings (kepano's
        // `.obsidian/templates.json` keeps `Templates/` out).
        for path in people(&corpus) {
            let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
            let root = dir.path().join("vault");
            copy_dir(&corpus, &root);
            let before_all = snapshot(&root);
            let before = fs::read(root.join(&path)).unwrap_or_else(|e| panic!("{e}"));
            let interactions = status_of(&root, &path)["interactions"]
                .as_u64()
                .unwrap_or_default();

            let out = vault(&root)
                .args(["log", &path, TEXT, "--kind", "call"])
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}: {}",
                path,
                String::from_utf8_lossy(&out.stderr)
            );

            let after = fs::read(root.join(&path)).unwrap_or_else(|e| panic!("{e}"));
            let line = format!("- {TODAY} call: {TEXT}");
            assert!(
                one_line_inserted(&before, &after, &format!("{TODAY} call: {TEXT}"))
                    || log_section_added(&before, &after, &line),
                "{}: not one added line\n--- before\n{}\n--- after\n{}",
                path,
                String::from_utf8_lossy(&before),
                String::from_utf8_lossy(&after)
            );
            // No other file of the vault changed.
            let others = |files: Vec<(PathBuf, Vec<u8>)>| -> Vec<(PathBuf, Vec<u8>)> {
                files
                    .into_iter()
                    .filter(|(p, _)| p != Path::new(&path))
                    .collect()
            };
            assert!(others(snapshot(&root)) == others(before_all), "{}", path);

            let person = status_of(&root, &path);
            assert_eq!(person["last_contact"], TODAY, "{}", path);
            assert_eq!(
                person["interactions"].as_u64(),
                Some(interactions + 1),
                "{}",
                path
            );
            checked.push(path.clone());
        }
    }
    checked.sort();
    assert!(
        [
            "References/Kevin Kelly.md",
            "References/Paul Chambers.md",
            "References/Steph Ango.md"
        ]
        .iter()
        .all(|p| checked.iter().any(|c| c == p)),
        "kepano's three people were checked: {checked:?}"
    );
}

#[test]
fn a_note_with_a_log_section_gets_exactly_one_line() {
    let Some(corpora) = corpora_dir() else {
        return;
    };
    let source = corpora.join("kepano-obsidian");
    if !source.is_dir() {
        eprintln!("skipped: kepano-obsidian is not in the corpora");
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("vault");
    copy_dir(&source, &root);
    let path = "References/Steph Ango.md";
    let before = fs::read(root.join(path)).unwrap_or_else(|e| panic!("{e}"));
    let out = vault(&root)
        .args(["log", "steph ango", TEXT])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    // Her `## Meetings` section is her log; the note has no final newline and keeps none.
    let mut expected = before.clone();
    expected.extend_from_slice(format!("\n- {TODAY} {TEXT}").as_bytes());
    assert_eq!(fs::read(root.join(path)).unwrap_or_default(), expected);
}
