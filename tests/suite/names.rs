//! Names that read the same are the same name: `vault check` reports look-alike people
//! (zero-width characters, bidi overrides, NFC against NFD) as duplicates and warns about
//! invisible characters in names; `vault add` refuses such names.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{read, run, snapshot};

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

/// A scratch copy of the example vault, for commands that write.
fn example_copy() -> (tempfile::TempDir, PathBuf) {
    crate::support::scratch("example-vault")
}

#[test]
fn a_unique_first_name_last_name_or_prefix_names_the_person() {
    let (_dir, root) = example_copy();
    for (query, path) in [
        ("Priya", "People/Priya Natarajan.md"),
        ("priya", "People/Priya Natarajan.md"),
        ("Natarajan", "People/Priya Natarajan.md"),
        ("Shar", "People/Sharon Lee.md"),
        ("Lee", "People/Sharon Lee.md"),
        ("Priya N", "People/Priya Natarajan.md"),
        ("ada", "References/Ada Okafor.md"),
    ] {
        let before = String::from_utf8(read(&root, path)).unwrap_or_default();
        let (code, stdout, stderr) = run(&root, &["log", query, "x", "--dry-run"]);
        assert_eq!(code, Some(0), "{query}: {stderr}");
        assert!(
            stdout.contains(&format!("+++ b/{path}")),
            "{query}: {stdout}"
        );
        assert_eq!(
            String::from_utf8(read(&root, path)).unwrap_or_default(),
            before,
            "{query}: a dry run writes nothing"
        );
    }
    // And for real: the line lands in Priya's note.
    let (code, stdout, stderr) = run(&root, &["log", "Priya", "coffee and jazz"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("Priya Natarajan"), "{stdout}");
    let priya = String::from_utf8(read(&root, "People/Priya Natarajan.md")).unwrap_or_default();
    assert!(priya.contains("- 2026-11-23 coffee and jazz"), "{priya}");
}

#[test]
fn a_typo_gets_the_closest_names() {
    let (_dir, root) = example_copy();
    let before = snapshot(&root);
    for (query, suggested) in [
        ("Sharn", "Sharon Lee (People/Sharon Lee.md)"),
        ("Sahron", "Sharon Lee (People/Sharon Lee.md)"),
        ("Prya", "Priya Natarajan (People/Priya Natarajan.md)"),
        ("Natarajen", "Priya Natarajan (People/Priya Natarajan.md)"),
        ("Sharon Smith", "Sharon Lee (People/Sharon Lee.md)"),
    ] {
        let (code, stdout, stderr) = run(&root, &["log", query, "x"]);
        assert_eq!(code, Some(1), "{query}: {stderr}");
        assert!(stdout.is_empty(), "{query}");
        assert!(
            stderr.contains(&format!(
                "no person named `{query}`; did you mean: {suggested}"
            )),
            "{query}: {stderr}"
        );
    }
    let (_, _, stderr) = run(&root, &["log", "Sharn", "x"]);
    assert!(
        stderr
            .contains("no person named `Sharn`; did you mean: Sharon Lee (People/Sharon Lee.md)?"),
        "{stderr}"
    );
    // Nothing close: how to see everyone.
    let (code, _, stderr) = run(&root, &["log", "Zebedee", "x"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("vault status --all"), "{stderr}");
    assert_eq!(snapshot(&root), before, "nothing was written");
}

#[test]
fn ambiguity_lists_the_better_match_first() {
    let (_dir, root) = vault_with(&[
        ("People/Samantha Cole.md", ""),
        ("People/Alex Sam.md", ""),
        ("People/Sam Rivera.md", ""),
        ("People/Samir Khan.md", ""),
        ("People/Tom Becker.md", "---\naliases: [Sammy]\n---\n"),
        ("People/Jo One.md", "---\naliases: [Sam]\n---\n"),
        ("People/Jo Two.md", ""),
        ("People/Jo Three.md", ""),
        ("People/Lee Park.md", ""),
        ("People/Sharon Lee.md", ""),
        ("People/Leela Rao.md", ""),
    ]);
    let before = snapshot(&root);
    let picks = |query: &str| {
        let (code, stdout, stderr) = run(&root, &["log", query, "x", "--dry-run"]);
        assert_eq!(code, Some(0), "{query}: {stderr}");
        stdout
    };
    // `Sam` is Jo One's alias: a name given exactly wins over first names and prefixes.
    assert!(picks("sam").contains("+++ b/People/Jo One.md"));
    // A unique prefix is enough, even where a shorter one is ambiguous.
    assert!(picks("Leel").contains("+++ b/People/Leela Rao.md"));
    assert!(picks("Sama").contains("+++ b/People/Samantha Cole.md"));
    let refused = |query: &str| {
        let (code, stdout, stderr) = run(&root, &["log", query, "x"]);
        assert_eq!(code, Some(1), "{query}: {stderr}");
        assert!(stdout.is_empty(), "{query}");
        assert!(stderr.contains(&format!("`{query}` could be ")), "{stderr}");
        assert!(stderr.contains("give the note's path"), "{stderr}");
        stderr
    };
    let in_order = |stderr: &str, candidates: &[&str]| {
        let at: Vec<usize> = candidates
            .iter()
            .map(|c| stderr.find(c).unwrap_or_else(|| panic!("{c}: {stderr}")))
            .collect();
        assert!(
            at.windows(2).all(|w| w[0] < w[1]),
            "{candidates:?}: {stderr}"
        );
    };
    // `Sa` is only a prefix: of a first word (by name) before a later word.
    let stderr = refused("Sa");
    in_order(
        &stderr,
        &[
            "Jo One (People/Jo One.md)",
            "Sam Rivera (People/Sam Rivera.md)",
            "Samantha Cole (People/Samantha Cole.md)",
            "Samir Khan (People/Samir Khan.md)",
            "Tom Becker (People/Tom Becker.md)",
            "Alex Sam (People/Alex Sam.md)",
        ],
    );
    // `Lee` is a whole word of two names, a first name before a last name; the prefix of
    // Leela is not what was meant.
    let stderr = refused("Lee");
    in_order(
        &stderr,
        &[
            "Lee Park (People/Lee Park.md)",
            "Sharon Lee (People/Sharon Lee.md)",
        ],
    );
    assert!(!stderr.contains("Leela"), "{stderr}");
    // `Jo` is the whole first name of three people: it picks none of them.
    let stderr = refused("Jo");
    in_order(
        &stderr,
        &[
            "Jo One (People/Jo One.md)",
            "Jo Three (People/Jo Three.md)",
            "Jo Two (People/Jo Two.md)",
        ],
    );
    assert_eq!(snapshot(&root), before, "nothing was written");
}
