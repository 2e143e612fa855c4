//! The README documents the same tables the code follows, and its first commands work.

use crate::support::repo_root;

fn readme() -> String {
    std::fs::read_to_string(repo_root().join("README.md"))
        .unwrap_or_else(|e| panic!("README.md: {e}"))
}

/// The rows of the README's person-property table: the canonical cell and the "also read"
/// cell of each.
fn property_rows(readme: &str) -> Vec<(String, String)> {
    let mut lines = readme
        .lines()
        .skip_while(|l| l.trim() != "| meaning | canonical | also read |")
        .skip(2);
    let mut rows = Vec::new();
    for line in lines.by_ref().take_while(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        assert_eq!(
            cells.len(),
            5,
            "a person-property row has three cells: {line}"
        );
        rows.push((cells[2].to_owned(), cells[3].to_owned()));
    }
    assert!(!rows.is_empty(), "README has no person-property table");
    rows
}

/// The `code` spans of a cell.
fn spans(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

/// The README's table lists exactly the keys of `PROPERTY_TABLE`, row by row: each
/// canonical key once, and under it every key also read. A key whose value carries the
/// meaning (`VALUE_KEYS`) is shown with each value that means it (`status: archived`), and a
/// value that stands for another (`prm-tier: inner`) with it (`(14)`).
#[test]
fn the_person_property_table_is_the_code_table() {
    let readme = readme();
    let rows = property_rows(&readme);
    assert_eq!(
        rows.len(),
        vault_notes::PROPERTY_TABLE.len(),
        "one README row per property"
    );
    for (property, canonical, aliases) in vault_notes::PROPERTY_TABLE {
        let (_, also) = rows
            .iter()
            .find(|(cell, _)| spans(cell) == [*canonical])
            .unwrap_or_else(|| panic!("README has no row for `{canonical}`"));
        let mut expected: Vec<String> = Vec::new();
        for alias in *aliases {
            match vault_notes::VALUE_KEYS.iter().find(|v| v.key == *alias) {
                Some(value_key) => {
                    for (written, means) in value_key.means {
                        let shown = format!("{alias}: {written}");
                        if *means != "true" {
                            let with_meaning = format!("`{shown}` ({means})");
                            assert!(
                                also.contains(&with_meaning),
                                "README should show {with_meaning} for {property:?}"
                            );
                        }
                        expected.push(shown);
                    }
                }
                None => expected.push((*alias).to_owned()),
            }
        }
        let mut documented: Vec<String> = spans(also).into_iter().map(str::to_owned).collect();
        documented.sort();
        expected.sort();
        assert_eq!(
            documented, expected,
            "README's keys for `{canonical}` differ from PROPERTY_TABLE"
        );
    }
}

#[test]
fn every_default_cadence_is_documented() {
    let readme = readme();
    for (relationship, days) in vault_index::DEFAULT_CADENCES {
        let line = readme
            .lines()
            .find(|l| l.contains(relationship) && l.contains(&days.to_string()))
            .unwrap_or_else(|| panic!("README does not give {relationship} {days} days"));
        assert!(!line.is_empty());
    }
}

#[test]
fn the_first_commands_are_the_digest_and_the_tests() {
    let readme = readme();
    let block = readme.split("```sh").nth(1).unwrap_or_default();
    assert!(
        block.contains("cargo run --release -- --vault example-vault"),
        "{block}"
    );
    assert!(block.contains("cargo test --workspace --locked"), "{block}");
    let ci = std::fs::read_to_string(repo_root().join(".ci/run")).unwrap_or_default();
    assert!(
        ci.contains("cargo test --workspace --locked"),
        ".ci/run must run the README's test command"
    );
}

/// The JSON block under `### vault status --format json`.
fn status_json_example(readme: &str) -> serde_json::Value {
    let section = readme
        .split("### `vault status --format json`")
        .nth(1)
        .unwrap_or_else(|| panic!("README has no `vault status --format json` section"));
    let block = section
        .split("```json")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap_or_else(|| panic!("the section has no ```json block"));
    serde_json::from_str(block).unwrap_or_else(|e| panic!("README's JSON example: {e}\n{block}"))
}

/// The README's example of `vault status --format json` is what the example vault gives:
/// each person it shows is, field for field, the entry the command prints for them, in the
/// command's order; its diagnostics are among the command's; and the prose's count of
/// people is the command's.
#[test]
fn the_status_json_example_is_what_the_example_vault_gives() {
    let readme = readme();
    let example = status_json_example(&readme);
    let root = repo_root().join("example-vault");
    let out = crate::support::vault(&root)
        .args(["status", "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    assert_eq!(example["today"], printed["today"]);
    assert!(
        readme.contains(&format!(
            "--today {} status --format json",
            crate::support::TODAY
        )),
        "the README says which day its example is of"
    );
    let people = |json: &serde_json::Value| json["people"].as_array().cloned().unwrap_or_default();
    let (shown, all) = (people(&example), people(&printed));
    assert!(shown.len() >= 2, "the example shows people: {example}");
    let mut last = None;
    for person in &shown {
        let at = all
            .iter()
            .position(|p| p["path"] == person["path"])
            .unwrap_or_else(|| panic!("the example vault has no {}", person["path"]));
        assert_eq!(person, &all[at], "README's entry for {}", person["name"]);
        assert!(last < Some(at), "{} is out of order", person["name"]);
        last = Some(at);
    }
    assert_eq!(
        shown.first(),
        all.first(),
        "the README says it shows the first person"
    );
    let diagnostics = printed["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for diagnostic in example["diagnostics"].as_array().into_iter().flatten() {
        assert!(
            diagnostics.contains(diagnostic),
            "README's diagnostic {diagnostic} is not the example vault's: {diagnostics:?}"
        );
    }
    assert!(
        readme.contains(&format!("three of its {} people", all.len())),
        "README counts the example vault's {} people",
        all.len()
    );
}
