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

/// Sharon's last contact is the 2026-10-05 lunch in a daily note; the 2026-09-30 coffee
/// of her own log is what she last talked about, dated because it is older. The card
/// once showed the coffee as "Last time", as if nothing had happened since.
#[test]
fn sharons_card_shows_her_last_contact_not_an_older_coffee() {
    let md = digest("md");
    let card = md
        .split("\n### ")
        .find(|card| card.contains("[[Sharon Lee]]"))
        .unwrap_or_else(|| panic!("Sharon is not suggested:\n{md}"));
    assert!(
        card.contains(
            "\n- **Last contact:** 2026-10-05 (49 days ago), in a daily note: Lunch with Shaz near her new office."
        ),
        "{card}"
    );
    assert!(
        card.contains("\n- **Last talked about** (2026-09-30): her new role at Initech"),
        "{card}"
    );
    assert!(!card.contains("**Last time**"), "{card}");

    let json: serde_json::Value =
        serde_json::from_str(&digest("json")).unwrap_or_else(|e| panic!("{e}"));
    let sharon = json["suggestions"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["name"] == "Sharon Lee"))
        .unwrap_or_else(|| panic!("Sharon is not suggested: {json}"));
    let last = &sharon["last_interaction"];
    assert_eq!(last["date"], "2026-10-05", "{sharon}");
    assert_eq!(last["source"], "journal", "{sharon}");
    assert!(
        last["summary"]
            .as_str()
            .is_some_and(|s| s.starts_with("Lunch with Shaz")),
        "{sharon}"
    );
    assert_eq!(sharon["last_topic_date"], "2026-09-30");
    assert_eq!(sharon["last_topic_older"], true);

    let html = digest("html");
    assert!(
        html.contains("<dt>Last contact</dt><dd><time datetime=\"2026-10-05\">2026-10-05</time>"),
        "{html}"
    );
}

/// Every link of the example vault's cards, as a browser or Obsidian gets it.
#[test]
fn the_cards_link_to_mail_linkedin_and_the_note() {
    let md = digest("md");
    let sharon = md
        .split("\n### ")
        .find(|card| card.contains("[[Sharon Lee]]"))
        .unwrap_or_else(|| panic!("Sharon is not suggested:\n{md}"));
    for link in [
        "[email](mailto:sharon@example.com?subject=",
        "[LinkedIn](https://www.linkedin.com/in/example-sharon)",
        "[open note](obsidian://open?vault=example-vault&file=People%2FSharon%20Lee)",
    ] {
        assert!(sharon.contains(link), "{link} missing from:\n{sharon}");
    }
    // Her overdue follow-up and her birthday are on the card, beside the status.
    for reason in [
        "  - overdue by 19 days (last contact 49 days ago, cadence 30 days)",
        "  - 🎂 birthday in 9 days (turns 42)",
        "  - you owe Sharon: send her the incident-review template (due 2026-11-20, 3 days overdue)",
    ] {
        assert!(sharon.contains(reason), "{reason} missing from:\n{sharon}");
    }
    let html = digest("html");
    assert!(
        html.contains("<a class=\"button primary\" href=\"mailto:sharon@example.com?subject="),
        "{html}"
    );
    assert!(
        html.contains(
            "<a class=\"button\" href=\"obsidian://open?vault=example-vault&amp;file=People%2FSharon%20Lee\">Open note</a>"
        ),
        "{html}"
    );
}

/// The README's example card is the one the example vault gives, line for line (a line
/// with `…` is shortened there: the digest's line starts and ends as it does).
#[test]
fn the_readme_card_is_sharons() {
    let readme = std::fs::read_to_string(repo_root().join("README.md"))
        .unwrap_or_else(|e| panic!("README.md: {e}"));
    let example = readme
        .split("### The suggestion card")
        .nth(1)
        .and_then(|section| section.split("```markdown\n").nth(1))
        .and_then(|block| block.split("\n```").next())
        .unwrap_or_else(|| panic!("README has no example card"));
    let md = digest("md");
    let card = md
        .split("\n### ")
        .find(|card| card.contains("[[Sharon Lee]]"))
        .map(|card| format!("### {card}"))
        .unwrap_or_else(|| panic!("Sharon is not suggested:\n{md}"));
    for line in example.lines() {
        let found = match line.split_once('…') {
            Some((start, end)) => card
                .lines()
                .any(|l| l.starts_with(start) && l.ends_with(end) && l.len() >= line.len() - 3),
            None => card.lines().any(|l| l == line),
        };
        assert!(found, "README line not in the digest: {line}\n{card}");
    }
}
