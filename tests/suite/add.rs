//! `vault add` in a Logseq graph: the new person is a page kept the way the graph keeps
//! its people (their namespace in the graph's file-name format, else the property they
//! carry), with `key:: value` page properties and blocks, and it reads back as that
//! person for `show`, `log` and `status`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{read, run, scratch};

const GRAPH: &str = "tests/fixtures/logseq";

fn page(root: &Path, path: &str) -> String {
    String::from_utf8_lossy(&read(root, path)).into_owned()
}

fn ok(root: &Path, args: &[&str]) -> String {
    let (code, stdout, stderr) = run(root, args);
    assert_eq!(code, Some(0), "{args:?}: {stdout}{stderr}");
    stdout
}

/// A graph at `<tempdir>/graph` with `logseq/config.edn` holding `config` and these pages.
fn graph(config: &str, pages: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("graph");
    for (path, text) in [("logseq/config.edn", config)].iter().chain(pages) {
        let file = root.join(path);
        if let Some(folder) = file.parent() {
            fs::create_dir_all(folder).unwrap_or_else(|e| panic!("{e}"));
        }
        fs::write(&file, text).unwrap_or_else(|e| panic!("{e}"));
    }
    (dir, root)
}

/// The status entry of `name` in the graph at `root` (`--all`).
fn status_of(root: &Path, name: &str) -> serde_json::Value {
    let stdout = ok(root, &["status", "--format", "json", "--all"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}"));
    json["people"]
        .as_array()
        .and_then(|people| people.iter().find(|p| p["name"] == name))
        .cloned()
        .unwrap_or_else(|| panic!("no {name} in {stdout}"))
}

#[test]
fn a_new_person_in_a_graph_is_a_page_with_the_property_its_people_carry() {
    // Two of the graph's three people say `type:: person`, one `tags:: person`.
    let (_dir, root) = scratch(GRAPH);
    let said = ok(
        &root,
        &[
            "add",
            "Linus Torvalds",
            "--relationship",
            "peer",
            "--company",
            "Acme: West",
            "--email",
            "linus@example.com",
        ],
    );
    assert_eq!(said, "Added Linus Torvalds in pages/Linus Torvalds.md\n");
    assert_eq!(
        page(&root, "pages/Linus Torvalds.md"),
        "type:: [[person]]\nrelationship:: peer\ncompany:: Acme: West\nemail:: linus@example.com\ncreated:: 2026-11-23\n\n- ## Log\n"
    );
    assert!(!root.join("People").exists(), "nothing outside pages/");
    // It reads back as that person: `show` finds it, `log` writes a block into it.
    let card = ok(&root, &["show", "Linus"]);
    assert!(card.starts_with("Linus Torvalds"), "{card}");
    assert!(card.contains("pages/Linus Torvalds.md"), "{card}");
    ok(
        &root,
        &["log", "Linus", "coffee at the lab", "--date", "2026-11-22"],
    );
    assert_eq!(
        page(&root, "pages/Linus Torvalds.md"),
        "type:: [[person]]\nrelationship:: peer\ncompany:: Acme: West\nemail:: linus@example.com\ncreated:: 2026-11-23\n\n- ## Log\n- [[Nov 22nd, 2026]] coffee at the lab\n"
    );
    let linus = status_of(&root, "Linus Torvalds");
    assert_eq!(linus["path"], "pages/Linus Torvalds.md");
    assert_eq!(linus["relationship"], "peer");
    assert_eq!(linus["last_contact"], "2026-11-22");
    // Adding them again, or a person the graph has as a namespaced page, is refused; so
    // is a name a page that is no person has.
    for (name, says) in [
        ("Linus Torvalds", "already exists: pages/Linus Torvalds.md"),
        (
            "Margaret Hamilton",
            "already exists: pages/people___Margaret Hamilton.md",
        ),
        ("NASA", "already has a note, pages/NASA.md"),
    ] {
        let (code, _, stderr) = run(&root, &["add", name]);
        assert_eq!(code, Some(1), "{name}: {stderr}");
        assert!(stderr.contains(says), "{name}: {stderr}");
    }
}

#[test]
fn a_new_person_goes_into_the_namespace_its_people_are_in() {
    let people = [
        (
            "pages/people___Ann Lee.md",
            "relationship:: peer\n\n- Met at work.\n",
        ),
        (
            "pages/people___Bo.md",
            "- ## Log\n\t- [[Nov 2nd, 2026]] call\n",
        ),
        ("pages/Cy.md", "tags:: person\n"),
    ];
    let (_dir, root) = graph("{:file/name-format :triple-lowbar}\n", &people);
    // `_` next to the namespace's `___` is written `%5F`, so the name reads back whole.
    let said = ok(&root, &["add", "_Dr. J Smith", "--cadence", "monthly"]);
    assert_eq!(
        said,
        "Added _Dr. J Smith in pages/people___%5FDr. J Smith.md\n"
    );
    assert_eq!(
        page(&root, "pages/people___%5FDr. J Smith.md"),
        "cadence:: monthly\ncreated:: 2026-11-23\n\n- ## Log\n"
    );
    ok(
        &root,
        &["log", "_Dr. J Smith", "call", "--date", "2026-11-20"],
    );
    let smith = status_of(&root, "_Dr. J Smith");
    assert_eq!(smith["cadence_days"], 30);
    assert_eq!(smith["last_contact"], "2026-11-20");
    assert!(ok(&root, &["show", "people/_Dr. J Smith"]).starts_with("_Dr. J Smith"));

    // A graph in the legacy file-name format (no `:file/name-format`) writes `/` as
    // `%2F`, and a `.` as `%2E`, as `.` would read as a namespace there.
    let (_dir, root) = graph("{}\n", &[("pages/people.Ann.md", "relationship:: peer\n")]);
    let said = ok(&root, &["add", "Dr. Who"]);
    assert_eq!(said, "Added Dr. Who in pages/people%2FDr%2E Who.md\n");
    assert_eq!(
        status_of(&root, "Dr. Who")["path"],
        "pages/people%2FDr%2E Who.md"
    );
}

#[test]
fn a_graph_without_people_gets_a_page_tagged_person() {
    // Not `pages/people___Ann.md`: Logseq takes `people/Ann` and `Ann` for two pages, so
    // a journal's `[[Ann]]` would not open it; a tag keeps the name and lists every
    // person on the page `person`.
    let (_dir, root) = graph("{:file/name-format :triple-lowbar}\n", &[]);
    assert_eq!(ok(&root, &["add", "Ann"]), "Added Ann in pages/Ann.md\n");
    assert_eq!(
        page(&root, "pages/Ann.md"),
        "tags:: person\ncreated:: 2026-11-23\n\n- ## Log\n"
    );
    assert_eq!(status_of(&root, "Ann")["path"], "pages/Ann.md");
}
