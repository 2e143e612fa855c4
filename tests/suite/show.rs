//! `vault show PERSON` (the card, as text and as JSON) and `vault draft PERSON` (the
//! message alone), on the example vault on 2026-11-23 and on vaults made for a case.

use std::fs;
use std::path::Path;

use crate::support::{TODAY, repo_root, run, run_raw, stdout_of_success, vault};

fn example() -> std::path::PathBuf {
    repo_root().join("example-vault")
}

fn show_json(root: &Path, person: &str) -> serde_json::Value {
    let out = stdout_of_success(vault(root).args(["show", person, "--format", "json"]));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// The lines of `text` under the heading `heading`, up to the next blank line.
fn section<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    text.lines()
        .skip_while(|l| *l != heading)
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn sharons_card_brings_her_reasons_together() {
    let text = stdout_of_success(vault(&example()).args(["show", "Sharon Lee"]));
    let first = text.lines().next().unwrap_or_default();
    assert_eq!(first, "Sharon Lee ★  overdue", "{text}");
    assert_eq!(
        section(&text, "Why now"),
        [
            "  overdue by 19 days: last contact 49 days ago, cadence 30 days",
            "  birthday in 9 days (2026-12-02), turns 42",
            "  a follow-up you owe, 3 days overdue: send her the incident-review template",
        ],
        "{text}"
    );
    let about = section(&text, "About");
    for row in [
        "  relationship  former-colleague",
        "  cadence       30 days",
        "  company       Initech",
        "  role          VP Engineering",
        "  birthday      1984-12-02",
        "  cares about   sourdough, distributed systems, trail running",
        "  email         sharon@example.com",
    ] {
        assert!(about.contains(&row), "{row:?} in {about:#?}");
    }
    let reach = section(&text, "Reach out");
    assert!(
        reach
            .iter()
            .any(|l| l.starts_with("  mailto    mailto:sharon@example.com")),
        "{reach:#?}"
    );
    assert!(
        reach
            .iter()
            .any(|l| l.contains("https://www.linkedin.com/in/example-sharon")),
        "{reach:#?}"
    );
    assert!(
        reach
            .iter()
            .any(|l| l.starts_with("  obsidian  obsidian://open?vault=")),
        "{reach:#?}"
    );
    // The last contact is the lunch of the daily note, not the older coffee of her log.
    let last = section(&text, "Last contact");
    assert!(
        last.first().is_some_and(
            |l| l.starts_with("  2026-10-05 (49 days ago): Lunch with Shaz")
                && l.ends_with("(Journal/2026-10-05.md:3)")
        ),
        "{last:#?}"
    );
    assert!(
        last.get(1).is_some_and(
            |l| l.starts_with("  last talked about, 2026-09-30: her new role at Initech")
        ),
        "{last:#?}"
    );
    // Newest first, each with its source.
    let timeline = section(&text, "Timeline (4 contacts, newest first)");
    let dates: Vec<&str> = timeline
        .iter()
        .map(|l| l.trim_start().get(..10).unwrap_or_default())
        .collect();
    assert_eq!(
        dates,
        ["2026-10-05", "2026-09-30", "2026-08-12", "2026-06-20"]
    );
    assert!(
        timeline[1].ends_with("#got (People/Sharon Lee.md:20)"),
        "{timeline:#?}"
    );
    assert!(
        timeline[2].ends_with("#gave (People/Sharon Lee.md:21)"),
        "{timeline:#?}"
    );
    assert_eq!(
        section(&text, "Follow-ups you owe"),
        [
            "  - send her the incident-review template — due 2026-11-20, 3 days overdue (People/Sharon Lee.md:23)"
        ]
    );
    assert_eq!(
        section(&text, "Reciprocity"),
        ["  gave 1, got 1 (contacts tagged #gave, #got)"]
    );
    assert_eq!(
        section(&text, "Coming up"),
        ["  2026-12-02  birthday, turns 42 (in 9 days)"]
    );
    let draft = stdout_of_success(vault(&example()).args(["draft", "Sharon Lee"]));
    let body: Vec<String> = draft
        .lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("  {l}")
            }
        })
        .collect();
    assert!(
        text.ends_with(&format!("{}\n", body.join("\n"))),
        "the card ends with the draft `vault draft` prints:\n{text}"
    );
    assert!(!text.contains('\u{1b}'), "no colour into a pipe");
}

#[test]
fn show_json_is_the_card_as_data() {
    let json = show_json(&example(), "Sharon Lee");
    let mut keys: Vec<&str> = json
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let mut documented = [
        "today",
        "person",
        "reasons",
        "contact",
        "links",
        "last_contact",
        "last_topic",
        "timeline",
        "follow_ups",
        "reciprocity",
        "coming_up",
        "draft",
    ];
    keys.sort_unstable();
    documented.sort_unstable();
    assert_eq!(keys, documented, "the documented shape");
    assert_eq!(json["today"], TODAY);
    let person = &json["person"];
    assert_eq!(person["name"], "Sharon Lee");
    assert_eq!(person["path"], "People/Sharon Lee.md");
    assert_eq!(person["status"], "overdue");
    assert_eq!(person["last_contact"], "2026-10-05");
    assert_eq!(person["days_overdue"], 19);
    assert_eq!(person["birthday"], "1984-12-02");
    let kinds: Vec<&str> = json["reasons"]
        .as_array()
        .map(|r| r.iter().filter_map(|r| r["kind"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(kinds, ["overdue", "birthday", "follow-up"]);
    assert_eq!(json["reasons"][1]["in_days"], 9);
    assert_eq!(
        json["reasons"][1]["text"],
        "birthday in 9 days (2026-12-02), turns 42"
    );
    assert_eq!(json["last_contact"]["date"], "2026-10-05");
    assert_eq!(json["last_contact"]["source"], "journal");
    assert_eq!(json["last_contact"]["path"], "Journal/2026-10-05.md");
    assert_eq!(json["last_contact"]["line"], 3);
    let timeline = json["timeline"].as_array().cloned().unwrap_or_default();
    assert_eq!(timeline.len(), 4);
    assert_eq!(timeline[1]["kind"], "coffee");
    assert_eq!(timeline[1]["path"], "People/Sharon Lee.md");
    assert_eq!(timeline[1]["line"], 20);
    assert_eq!(timeline[1]["got"], true);
    let follow_up = &json["follow_ups"][0];
    assert_eq!(follow_up["text"], "send her the incident-review template");
    assert_eq!(follow_up["due"], "2026-11-20");
    assert_eq!(follow_up["days_until_due"], -3);
    assert_eq!(follow_up["line"], 23);
    assert_eq!(
        json["reciprocity"],
        serde_json::json!({"gave": 1, "got": 1})
    );
    assert_eq!(
        json["coming_up"],
        serde_json::json!([{"date": "2026-12-02", "in_days": 9, "kind": "birthday", "turns": 42, "contact": null}])
    );
    assert_eq!(json["contact"]["emails"][0], "sharon@example.com");
    assert!(
        json["links"]["mailto"]
            .as_str()
            .is_some_and(|m| m.starts_with("mailto:sharon@example.com")),
        "{}",
        json["links"]
    );
    // The draft is the one `vault draft` prints.
    let draft = stdout_of_success(vault(&example()).args(["draft", "Sharon Lee", "--subject"]));
    let subject = json["draft"]["subject"].as_str().unwrap_or_default();
    let body = json["draft"]["body"].as_str().unwrap_or_default();
    assert!(body.contains("Sharon"), "{body}");
    assert_eq!(draft, format!("{subject}\n\n{}\n", body.trim_end()));
}

#[test]
fn draft_prints_the_message_alone() {
    let draft = stdout_of_success(vault(&example()).args(["draft", "Tom Becker"]));
    assert!(draft.contains("Tom"), "{draft}");
    assert!(!draft.contains("Subject"), "{draft}");
    assert!(
        draft.ends_with('\n') && !draft.ends_with("\n\n"),
        "{draft:?}"
    );
    let (code, stdout, stderr) = run(&example(), &["draft", "Nobody Known"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("no person named `Nobody Known`"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&example(), &["show", "Nobody Known"]);
    assert_eq!(code, Some(1), "{stderr}");
    let (code, _, stderr) = run(&example(), &["show", "Sharon Lee", "--format", "yaml"]);
    assert_eq!(code, Some(2), "{stderr}");
}

#[test]
fn colour_and_hyperlinks_on_request() {
    let (code, stdout, _) = run_raw(&example(), &["--color", "always", "show", "Sharon Lee"]);
    assert_eq!(code, Some(0));
    let text = String::from_utf8_lossy(&stdout);
    assert!(text.contains("\u{1b}[1m"), "bold headings");
    // OSC 8: the address as the label, the prefilled mailto: as the target.
    assert!(
        text.contains("\u{1b}]8;;mailto:sharon@example.com"),
        "{text}"
    );
    assert!(
        text.contains("\u{1b}\\sharon@example.com\u{1b}]8;;\u{1b}\\"),
        "{text}"
    );
}

/// A vault with a private person, Pat, and a public one, Ann, whose latest log line and
/// one follow-up name Pat.
fn private_vault() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("vault");
    fs::create_dir_all(root.join("People")).unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        root.join("People/Pat Quinn.md"),
        "---\nprivate: true\nrelationship: friend\ninterests: [PATSECRET-interest]\nplace: PATSECRET-place\n---\n\
         - 2026-09-01 coffee: PATSECRET-topic\n\
         - [ ] send PATSECRET-task 📅 2026-11-20\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        root.join("People/Ann Lee.md"),
        "---\nrelationship: friend\n---\n\
         - 2026-09-10 dinner: with Pat Quinn, ANNSECRET about Pat\n\
         - 2026-09-01 coffee: the garden\n\
         - [ ] introduce Pat Quinn to ANNSECRET-task 📅 2026-11-20\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    (dir, root)
}

#[test]
fn a_private_persons_card_shows_everything_but_their_draft_only_their_name() {
    let (_dir, root) = private_vault();
    let text = stdout_of_success(vault(&root).args(["show", "Pat Quinn"]));
    for secret in [
        "PATSECRET-interest",
        "PATSECRET-place",
        "PATSECRET-topic",
        "PATSECRET-task",
    ] {
        assert!(
            text.contains(secret),
            "the card is the user's own: {secret}\n{text}"
        );
    }
    assert!(text.contains("(private)"), "{text}");
    let draft = stdout_of_success(vault(&root).args(["draft", "Pat Quinn", "--subject"]));
    assert!(draft.contains("Pat"), "{draft}");
    assert!(!draft.contains("PATSECRET"), "{draft}");
    let json = show_json(&root, "Pat Quinn");
    assert_eq!(json["person"]["private"], true);
    let body = json["draft"]["body"].as_str().unwrap_or_default();
    assert!(!body.contains("PATSECRET"), "{body}");
    assert!(
        !json["links"]["mailto"].to_string().contains("PATSECRET"),
        "{}",
        json["links"]
    );
}

#[test]
fn no_line_about_a_private_person_reaches_a_draft() {
    let (_dir, root) = private_vault();
    let text = stdout_of_success(vault(&root).args(["show", "Ann Lee"]));
    assert!(
        text.contains("ANNSECRET about Pat"),
        "her card shows it: {text}"
    );
    let draft = stdout_of_success(vault(&root).args(["draft", "Ann Lee", "--subject"]));
    assert!(draft.contains("Ann"), "{draft}");
    assert!(
        !draft.contains("ANNSECRET") && !draft.contains("Pat"),
        "{draft}"
    );
}

#[test]
fn note_text_never_drives_the_terminal() {
    let (dir, root) = crate::support::ann_vault(
        "---\nname: \"Eve \\e[2J\\e]0;pwned\\a\"\nemail: \"eve@example.com\\e]8;;https://evil.example/\\e\\\\\"\n---\n\
         - 2026-09-01 coffee: talked \u{202e}about\u{7f} things\n\
         - [ ] send the deck \u{1b}[2J 📅 2026-11-30\n",
    );
    for args in [
        &["show", "Ann"][..],
        &["show", "Ann", "--format", "json"],
        &["draft", "Ann", "--subject"],
        &["--color", "always", "show", "Ann"],
    ] {
        let (code, stdout, stderr) = run_raw(&root, args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        let text = String::from_utf8_lossy(&stdout);
        // The escapes vault writes itself (colour, OSC 8) are allowed; none from the note.
        let stripped = text
            .replace("\u{1b}]8;;", "")
            .replace("\u{1b}\\", "")
            .replace("\u{1b}[", "");
        assert!(
            !stripped.contains(['\u{1b}', '\u{7}', '\u{7f}', '\u{202e}']),
            "{args:?}: {text:?}"
        );
        assert!(!text.contains("\u{1b}[2J"), "{args:?}: {text:?}");
        assert!(!text.contains("\u{1b}]0;"), "{args:?}: {text:?}");
        assert!(
            !text.contains("\u{1b}]8;;https://evil"),
            "{args:?}: {text:?}"
        );
    }
    drop(dir);
}
