//! Private people in the digest, end to end: `tests/fixtures/privacy/vault` marks every
//! field of two private people, every note linking them and every line about them with
//! `ZQXPRIV`; the digest the real binary writes (Markdown, HTML, JSON) must show their
//! names and statuses and nothing else. The rule is `vault_index::shared`'s.

use std::fs;
use std::path::Path;

use crate::support::{run, scratch};

/// What no shared output may contain: the marker (any case) and the private people's
/// dates (last contact, due, birthday, planned lunch, task due dates, older log lines,
/// snooze end), as the digest would write them.
const PRIVATE: &[&str] = &[
    "zqxpriv",
    // Pat Quinn: last contact, due, older log lines, the old snooze.
    "2026-10-13",
    "2026-11-12",
    "2026-09-14",
    "2026-08-17",
    "2026-10-02",
    // Birthday 1931-11-27 (turns 95).
    "1931",
    "2026-11-27",
    "27 Nov",
    "turns 95",
    // The planned lunch.
    "2026-12-03",
    "3 Dec",
    // Task due dates: Pat's own two, and the task linking Pat from a project note.
    "2026-11-19",
    "19 Nov",
    "2026-11-30",
    "30 Nov",
    "2026-11-24",
    "24 Nov",
    // Robin Vale: the snooze end, the June call.
    "2026-12-01",
    "1 Dec",
    "2026-06-08",
];

fn digest(root: &Path) -> Vec<(&'static str, String)> {
    let out = root.join("out");
    let (code, _, stderr) = run(
        root,
        &["digest", "--format", "all", "--out", &out.to_string_lossy()],
    );
    assert_eq!(code, Some(0), "{stderr}");
    ["md", "html", "json"]
        .into_iter()
        .map(|ext| {
            let path = out.join(format!("2026-W48.{ext}"));
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (ext, text)
        })
        .collect()
}

/// Occurrences of each private fingerprint in `text` (case-insensitive), the found ones.
fn leaks(text: &str) -> Vec<(&'static str, usize)> {
    let lower = text.to_lowercase();
    PRIVATE
        .iter()
        .map(|needle| (*needle, lower.matches(&needle.to_lowercase()).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

#[test]
fn the_digest_shows_private_people_by_name_and_status_only() {
    let (_dir, root) = scratch("tests/fixtures/privacy/vault");
    let outputs = digest(&root);
    let mut report = String::new();
    let mut total = 0;
    for (format, text) in &outputs {
        // Pat is overdue: in the suggestions and the table, by name. Robin is snoozed,
        // which no list of the digest shows (their snooze end and contacts are theirs).
        assert!(text.contains("Pat Quinn"), "{format}: the name is shown");
        for (needle, n) in leaks(text) {
            total += n;
            report.push_str(&format!("{format}: {needle:?} ×{n}\n"));
        }
    }
    assert_eq!(
        total,
        0,
        "{total} private fingerprints in the digest:\n{report}\n{}",
        outputs
            .iter()
            .map(|(f, t)| format!("--- {f}\n{t}"))
            .collect::<String>()
    );
}

#[test]
fn what_concerns_only_public_people_is_still_shown() {
    let (_dir, root) = scratch("tests/fixtures/privacy/vault");
    let outputs = digest(&root);
    for (format, text) in &outputs {
        for shown in [
            // Dee's own line of the daily note that also mentions Robin.
            "about the garden party",
            // Tasks linking public people only, in notes that link a private person.
            "the party list",
            "the seating plan",
            // Cy's card: his interests, and the older topic is not brought back.
            "chess",
            "Cy Public",
        ] {
            assert!(text.contains(shown), "{format}: {shown:?} missing:\n{text}");
        }
    }
}

#[test]
fn the_json_digest_follows_the_same_rule() {
    let (_dir, root) = scratch("tests/fixtures/privacy/vault");
    let outputs = digest(&root);
    let json = &outputs
        .iter()
        .find(|(f, _)| *f == "json")
        .unwrap_or_else(|| panic!("no JSON"))
        .1;
    let value: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"));
    let people = value["people"].as_array().cloned().unwrap_or_default();
    for name in ["Pat Quinn", "Robin Vale"] {
        let p = people
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{name} missing from people"));
        assert_eq!(p["private"], true, "{p}");
        for withheld in [
            "path",
            "relationship",
            "cadence_days",
            "last_contact",
            "due",
            "days_overdue",
            "interactions",
        ] {
            assert!(p[withheld].is_null(), "{name}: {withheld} shown: {p}");
        }
        assert!(p["status"].is_string(), "{name}: the status is shown");
    }
    let pat = people
        .iter()
        .find(|p| p["name"] == "Pat Quinn")
        .unwrap_or_else(|| panic!("no Pat"));
    assert_eq!(pat["status"], "overdue");
    // Totals are the sum of the rows shown: nothing to subtract a private person's from.
    let network = &value["network"];
    let rows = network["reciprocity"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let sum = |key: &str| rows.iter().filter_map(|r| r[key].as_u64()).sum::<u64>();
    assert_eq!(network["gave"].as_u64(), Some(sum("gave")), "{network}");
    assert_eq!(network["got"].as_u64(), Some(sum("got")), "{network}");
    // A note that links a private person does not say where it is.
    for entry in value["this_week"].as_array().cloned().unwrap_or_default() {
        assert!(
            entry["person"] != "Pat Quinn" && entry["person"] != "Robin Vale",
            "a private person's contact dates are not shown: {entry}"
        );
        if entry["person"] == "Dee Public" {
            assert!(entry["path"].is_null(), "{entry}");
        }
    }
    for f in value["follow_ups"].as_array().cloned().unwrap_or_default() {
        let text = f["text"].as_str().unwrap_or_default();
        if text.contains("seating plan") || text.contains("party list") {
            assert!(f["path"].is_null(), "{f}");
        }
    }
}

#[test]
fn the_terminal_keeps_everything() {
    // `vault status` is the user's own terminal (and its JSON a stable contract): the
    // privacy rule is for shared outputs only.
    let (_dir, root) = scratch("tests/fixtures/privacy/vault");
    let (code, stdout, stderr) = run(&root, &["status", "--format", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}"));
    let pat = value["people"]
        .as_array()
        .and_then(|people| people.iter().find(|p| p["name"] == "Pat Quinn"))
        .unwrap_or_else(|| panic!("no Pat in {stdout}"));
    assert_eq!(pat["path"], "People/ZQXPRIV-circle/Pat Quinn.md");
    assert_eq!(pat["relationship"], "zqxpriv-relationship");
    assert_eq!(pat["last_contact"], "2026-10-13");
    assert_eq!(pat["due"], "2026-11-12");
    assert!(
        pat.get("private").is_none(),
        "the contract is unchanged: {pat}"
    );
    let (_, table, _) = run(&root, &["status", "--all"]);
    assert!(table.contains("Robin Vale"), "{table}");
}

#[test]
fn a_private_persons_card_has_no_contact_link_boundary_or_draft() {
    let (_dir, root) = scratch("tests/fixtures/privacy/vault");
    let outputs = digest(&root);
    for (format, text) in &outputs {
        // Pat's e-mail, boundary and LinkedIn carry the marker (the first test); the
        // number and the note's name do not, so they are looked for as links give them.
        for link in ["5550100", "555%200100", "Pat%20Quinn", "Hi Pat"] {
            assert!(!text.contains(link), "{format}: {link} shown:\n{text}");
        }
    }
    let json = &outputs
        .iter()
        .find(|(f, _)| *f == "json")
        .unwrap_or_else(|| panic!("no JSON"))
        .1;
    let value: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"));
    let suggestions = value["suggestions"].as_array().cloned().unwrap_or_default();
    let pat = suggestions
        .iter()
        .find(|s| s["name"] == "Pat Quinn")
        .unwrap_or_else(|| panic!("Pat is suggested: {value}"));
    assert_eq!(pat["private"], true);
    for withheld in [
        "links",
        "contact",
        "draft",
        "draft_subject",
        "last_interaction",
    ] {
        assert!(pat[withheld].is_null(), "{withheld}: {pat}");
    }
    for empty in ["reasons", "boundaries", "follow_ups"] {
        assert_eq!(pat[empty], serde_json::json!([]), "{empty}: {pat}");
    }
    // A public person's card in the same vault still has its links.
    let public = suggestions
        .iter()
        .find(|s| s["private"] == false)
        .unwrap_or_else(|| panic!("a public suggestion: {value}"));
    assert!(
        public["links"]["obsidian"]
            .as_str()
            .is_some_and(|l| l.starts_with("obsidian://open?vault=")),
        "{public}"
    );
}
