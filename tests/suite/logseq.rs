//! A Logseq graph read with no configuration (`tests/fixtures/logseq/`, in Logseq's own
//! formats): page properties, namespaced pages, journals linking people by alias and by
//! `title::`, `TODO`/`DONE`/`CANCELED` with `SCHEDULED:`/`DEADLINE:`, Logseq's backups and
//! `:hidden` folders skipped; and `vault log` writing a block in the page's own style.

use crate::support::{read, repo_root, run, scratch, stdout_of_success, vault};

const GRAPH: &str = "tests/fixtures/logseq";

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn status_reads_the_graph() {
    let stdout = stdout_of_success(
        vault(&repo_root().join(GRAPH)).args(["status", "--format", "json", "--all"]),
    );
    insta::assert_snapshot!("status_json", stdout);
    let status = json(&stdout);
    let people = status["people"]
        .as_array()
        .unwrap_or_else(|| panic!("{stdout}"));
    let person = |name: &str| {
        people
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("no {name} in {stdout}"))
    };
    // `people___Margaret Hamilton.md` is the page `people/Margaret Hamilton`; the journal
    // links her by her alias `Maggie` on 2026-11-20; her log links journals by title.
    let margaret = person("Margaret Hamilton");
    assert_eq!(margaret["path"], "pages/people___Margaret Hamilton.md");
    assert_eq!(margaret["relationship"], "mentor");
    assert_eq!(margaret["cadence_days"], 30);
    assert_eq!(margaret["last_contact"], "2026-11-20");
    assert_eq!(margaret["interactions"], 3);
    // `tags:: person` in a first block; the task line in the journal is not contact.
    let grace = person("Grace Hopper");
    assert_eq!(grace["last_contact"], "2026-09-10");
    assert_eq!(grace["cadence_days"], 90);
    // `title:: Ada Lovelace` names the page: the journal's `[[Ada Lovelace]]` is her.
    assert_eq!(person("Ada Lovelace")["last_contact"], "2026-11-10");
    // Not people: a company page, Logseq's backups and deleted pages, a `:hidden` folder.
    assert_eq!(people.len(), 3, "{stdout}");
    assert_eq!(status["diagnostics"], serde_json::json!([]));
}

#[test]
fn tasks_are_follow_ups_with_their_scheduled_and_deadline_dates() {
    let stdout = stdout_of_success(
        vault(&repo_root().join(GRAPH)).args(["digest", "--stdout", "--format", "json"]),
    );
    let digest = json(&stdout);
    let mut found: Vec<(String, String, String)> = digest["follow_ups"]
        .as_array()
        .unwrap_or_else(|| panic!("{stdout}"))
        .iter()
        .map(|f| {
            (
                f["person"].as_str().unwrap_or_default().to_owned(),
                f["text"].as_str().unwrap_or_default().to_owned(),
                f["due"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect();
    found.sort();
    let expected = [
        ("Grace Hopper", "ask about COBOL", "-"),
        (
            "Grace Hopper",
            "introduce [[people/Margaret Hamilton]] to [[Grace Hopper]]",
            "2026-12-05",
        ),
        (
            "Margaret Hamilton",
            "introduce [[people/Margaret Hamilton]] to [[Grace Hopper]]",
            "2026-12-05",
        ),
        (
            "Margaret Hamilton",
            "send her the review notes",
            "2026-11-30",
        ),
    ]
    .map(|(p, t, d)| (p.to_owned(), t.to_owned(), d.to_owned()));
    // DONE and CANCELED are not follow-ups.
    assert_eq!(found, expected);
}

#[test]
fn log_writes_a_block_in_the_pages_own_style() {
    let (_dir, root) = scratch(GRAPH);
    let log = |person: &str, text: &str, extra: &[&str]| {
        let mut args = vec!["log", person, text, "--date", "2026-11-22"];
        args.extend_from_slice(extra);
        let (code, stdout, stderr) = run(&root, &args);
        assert_eq!(code, Some(0), "{stdout}{stderr}");
        stdout
    };
    // Nested under `- ## Log` with tabs, journals linked by title: the same, at its date.
    let said = log("Maggie", "at the lab", &["--kind", "lunch"]);
    assert_eq!(
        said,
        "Logged 2026-11-22 lunch with Margaret Hamilton in pages/people___Margaret Hamilton.md\n"
    );
    // By the page's namespaced name, too.
    log("people/Margaret Hamilton", "a note", &[]);
    assert_eq!(
        String::from_utf8_lossy(&read(&root, "pages/people___Margaret Hamilton.md")),
        "alias:: Maggie, [[M. Hamilton]]
type:: [[person]]
relationship:: mentor
cadence:: monthly
company:: [[NASA]], [[Hamilton Technologies]]
birthday:: 1936-08-17

- Worked together on the guidance software.
- ## Log
\t- [[Nov 22nd, 2026]] a note
\t- [[Nov 22nd, 2026]] lunch: at the lab
\t- [[Oct 2nd, 2026]] coffee: talked about Apollo guidance #got
\t  id:: 6380d38c-2dda-486a-a1f7-d99bf0b1d7a1
\t- [[Sep 1st, 2026]] call
- TODO send her the review notes
  SCHEDULED: <2026-11-30 Mon>
- DONE thank her for the intro to [[Grace Hopper]]
"
    );
    // No log yet: one more block at the end, its journal linked by title, after the
    // property block.
    log("Ada Lovelace", "tea", &["--gave"]);
    assert_eq!(
        String::from_utf8_lossy(&read(&root, "pages/Ada.md")),
        "title:: Ada Lovelace
type:: person
interests:: engines, poetry

- Met at the analytical engine meetup.
- [[Nov 22nd, 2026]] tea #gave
"
    );
    // A log written with plain dates keeps them, never inside the first block's properties.
    log("Grace Hopper", "call about ships", &[]);
    assert_eq!(
        String::from_utf8_lossy(&read(&root, "pages/Grace Hopper.md")),
        "- tags:: person, navy
  cadence:: quarterly
  last-contact:: 2026-06-01
- 2026-11-22 call about ships
- 2026-09-10 lunch at the yard
- LATER ask about COBOL
"
    );
    // What was written reads back as contact.
    let (_, stdout, _) = run(&root, &["status", "--format", "json", "--all"]);
    let status = json(&stdout);
    for person in status["people"].as_array().into_iter().flatten() {
        assert_eq!(person["last_contact"], "2026-11-22", "{person}");
    }
}

#[test]
fn done_marks_a_logseq_task_done() {
    let (_dir, root) = scratch(GRAPH);
    let (code, stdout, stderr) = run(&root, &["done", "Margaret Hamilton", "review notes"]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    let page =
        String::from_utf8_lossy(&read(&root, "pages/people___Margaret Hamilton.md")).into_owned();
    assert!(
        page.contains("\n- DONE send her the review notes\n  SCHEDULED: <2026-11-30 Mon>\n"),
        "{page}"
    );
    assert!(!page.contains("TODO"), "{page}");
}

#[test]
fn snooze_pause_and_resume_write_page_properties_not_front_matter() {
    let (_dir, root) = scratch(GRAPH);
    let page = "pages/people___Margaret Hamilton.md";
    let before = read(&root, page);
    let (code, _, stderr) = run(&root, &["snooze", "Margaret Hamilton", "2026-12-07"]);
    assert_eq!(code, Some(0), "{stderr}");
    let snoozed = String::from_utf8(read(&root, page)).unwrap_or_default();
    assert!(snoozed.contains("snooze_until:: 2026-12-07\n"), "{snoozed}");
    assert!(
        !snoozed.starts_with("---"),
        "no YAML front matter on a Logseq page: {snoozed}"
    );
    let (code, _, stderr) = run(&root, &["pause", "Margaret Hamilton"]);
    assert_eq!(code, Some(0), "{stderr}");
    let status = json(&stdout_of_success(
        vault(&root).args(["status", "--format", "json"]),
    ));
    let margaret = status["people"]
        .as_array()
        .and_then(|people| people.iter().find(|p| p["name"] == "Margaret Hamilton"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(margaret["status"], "paused", "{status}");
    for _ in 0..2 {
        let (code, _, stderr) = run(&root, &["resume", "Margaret Hamilton"]);
        assert_eq!(code, Some(0), "{stderr}");
    }
    assert_eq!(
        read(&root, page),
        before,
        "resume undoes pause and snooze byte for byte"
    );
}
