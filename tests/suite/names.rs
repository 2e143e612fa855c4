//! Names that read the same are the same name: `vault check` reports look-alike people
//! (zero-width characters, bidi overrides, NFC against NFD) as duplicates and warns about
//! invisible characters in names; `vault add` refuses such names.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{run, snapshot};

fn vault_with(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("vault");
    for (path, text) in files {
        let file = root.join(path);
        if let Some(folder) = file.parent() {
            fs::create_dir_all(folder).unwrap_or_else(|e| panic!("{e}"));
        }
        fs::write(&file, text).unwrap_or_else(|e| panic!("{e}"));
    }
    (dir, root)
}

fn check_json(root: &Path) -> Vec<(String, String)> {
    let (_, stdout, stderr) = run(root, &["check", "--format", "json"]);
    let json: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout} {stderr}"));
    let mut found: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("{stdout}"))
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or_default().to_owned(),
                d["code"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn look_alike_people_are_reported() {
    let (_dir, root) = vault_with(&[
        ("People/Sharon Lee.md", "- 2026-11-01 coffee\n"),
        ("People/Rtl.md", "---\nname: \"\\u202EeeL norahS\"\n---\n"),
        ("People/Zw.md", "---\nname: \"Sharon\\u200B Lee\"\n---\n"),
        ("People/Wj.md", "---\nname: \"Sharon Lee\\u2060\"\n---\n"),
        ("People/Jos\u{e9}.md", ""),
        ("People/Jose\u{301}.md", ""),
    ]);
    let found = check_json(&root);
    let with = |path: &str, code: &str| found.contains(&(path.to_owned(), code.to_owned()));
    for path in ["People/Rtl.md", "People/Zw.md", "People/Wj.md"] {
        assert!(with(path, "duplicate-person"), "{path}: {found:?}");
        assert!(with(path, "invisible-characters"), "{path}: {found:?}");
    }
    assert!(
        with("People/Jos\u{e9}.md", "duplicate-person")
            || with("People/Jose\u{301}.md", "duplicate-person"),
        "{found:?}"
    );
    assert!(!with("People/Sharon Lee.md", "invisible-characters"));
    // The text output names the character.
    let (_, stdout, _) = run(&root, &["check"]);
    assert!(stdout.contains("U+200B zero width space"), "{stdout}");
    assert!(stdout.contains("U+202E"), "{stdout}");
}

#[test]
fn add_refuses_invisible_and_look_alike_names() {
    let (_dir, root) = vault_with(&[
        ("People/Sharon Lee.md", "- 2026-11-01 coffee\n"),
        ("People/Jos\u{e9}.md", ""),
    ]);
    let before = snapshot(&root);
    for name in [
        "Sharon\u{200b} Lee",
        "Sharon Lee\u{2060}",
        "\u{202e}eeL norahS",
        "Ann\u{200d}a",
        "Ann\u{2028}a",
        "Ann\u{ad}a",
        "Ann\u{2066}a",
    ] {
        let (code, stdout, stderr) = run(&root, &["add", name]);
        assert_eq!(code, Some(1), "{name:?}: {stderr}");
        assert!(stdout.is_empty(), "{name:?}");
        assert!(
            stderr.contains("cannot add") && stderr.contains("invisible"),
            "{name:?}: {stderr}"
        );
    }
    // The decomposed spelling of an existing name is that name.
    let (code, _, stderr) = run(&root, &["add", "Jose\u{301}"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("already exists"), "{stderr}");
    let (code, _, stderr) = run(&root, &["add", "SHARON\u{a0}LEE"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(snapshot(&root), before, "nothing was written");
    // Names in any script, and emoji joined with ZWJ, are fine.
    for name in [
        "李雷",
        "Zoë Åberg",
        "\u{645}\u{6cc}\u{200c}\u{634}\u{648}\u{62f}",
    ] {
        let (code, _, stderr) = run(&root, &["add", name, "--dry-run"]);
        assert_eq!(code, Some(0), "{name:?}: {stderr}");
    }
}
