//! Every source of contact and follow-up, end to end: `tests/fixtures/interactions/vault`
//! has one person per source (a log heading with its paragraph, links to daily notes in a
//! person's note, embeds, done tasks, `ignore_journal`, meeting notes with unquoted people
//! properties, `next_action`, reminders), and a private person whose text, marked
//! `ZQXPRIV`, must not reach the digest.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{run, scratch};

fn json(root: &Path, args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = run(root, args);
    assert_eq!(code, Some(0), "{stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn text(value: &serde_json::Value) -> String {
    value.as_str().unwrap_or("-").to_owned()
}

#[test]
fn every_source_gives_its_contact() {
    let (_dir, root) = scratch("tests/fixtures/interactions/vault");
    let status = json(&root, &["status", "--format", "json", "--all"]);
    let last: BTreeMap<String, String> = status["people"]
        .as_array()
        .unwrap_or_else(|| panic!("{status}"))
        .iter()
        .map(|p| (text(&p["name"]), text(&p["last_contact"])))
        .collect();
    let expected: BTreeMap<String, String> = [
        // The done task in today's daily note; before it, the `### 2026-11-02 Lunch` log.
        ("Ann", "2026-11-23"),
        // `[[Daily/2026-11-06|Friday]]` in his own note; 2026-12-01 is planned.
        ("Bo", "2026-11-06"),
        // Only embedded (`![[Cy]]`), in a daily note and in a meeting's `people:`.
        ("Cy", "-"),
        // `- [x] send [[Dee]] the plan ✅ 2026-11-12` in an undated note.
        ("Dee", "2026-11-12"),
        // `ignore_journal: true`: the daily note of 2026-11-15 does not count, the meeting does.
        ("Eve", "2026-11-08"),
        // `people: [[Fay]]`, unquoted, in the farewell meeting.
        ("Fay", "2026-11-20"),
        ("Gus", "2026-10-01"),
        ("Pia", "2026-11-23"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_owned(), b.to_owned()))
    .collect();
    assert_eq!(last, expected);
}

#[test]
fn follow_ups_and_the_private_persons_text_in_the_digest() {
    let (_dir, root) = scratch("tests/fixtures/interactions/vault");
    let (code, stdout, stderr) = run(&root, &["digest", "--format", "md", "--stdout"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stdout.to_lowercase().contains("zqxpriv"), "{stdout}");
    let digest = json(&root, &["digest", "--format", "json", "--stdout"]);
    assert!(
        !digest.to_string().to_lowercase().contains("zqxpriv"),
        "{digest}"
    );
    let follow_ups: Vec<(String, String, String)> = digest["follow_ups"]
        .as_array()
        .unwrap_or_else(|| panic!("{digest}"))
        .iter()
        .map(|f| (text(&f["person"]), text(&f["text"]), text(&f["path"])))
        .collect();
    let owned = |list: &[(&str, &str, &str)]| -> Vec<(String, String, String)> {
        list.iter()
            .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
            .collect()
    };
    assert_eq!(
        follow_ups,
        owned(&[
            // `next_action` with `next_action_date` as its due date.
            ("Gus", "send the intro to Kai", "People/Gus.md"),
            // A meeting note's task is every attendee's.
            ("Eve", "send the minutes", "Meetings/Sync.md"),
            ("Fay", "send the minutes", "Meetings/Sync.md"),
            // `- [ ] [[Gus]] — overdue 6d` is a reminder, not a promise.
            ("Gus", "Reach out to [[Gus]]", "Projects/Plan.md"),
        ])
    );
    let week: Vec<(String, String, String)> = digest["this_week"]
        .as_array()
        .unwrap_or_else(|| panic!("{digest}"))
        .iter()
        .map(|w| (text(&w["person"]), text(&w["source"]), text(&w["summary"])))
        .collect();
    // Ann's contact of today is on a line that links Pia: counted, without its text.
    assert_eq!(week, owned(&[("Ann", "task", "-")]));
    let planned: Vec<(String, String)> = digest["upcoming"]
        .as_array()
        .unwrap_or_else(|| panic!("{digest}"))
        .iter()
        .map(|u| (text(&u["person"]), text(&u["summary"])))
        .collect();
    assert_eq!(
        planned,
        vec![("Bo".to_owned(), "We meet again on 2026-12-01.".to_owned())]
    );
    // The `#got` in the paragraph under Ann's log heading.
    assert_eq!(digest["network"]["got"], 1, "{}", digest["network"]);
}
