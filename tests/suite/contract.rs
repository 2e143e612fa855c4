//! The JSON of `vault status --format json` is a stable contract (DESIGN.md).

use crate::support::{cases_dir, vault};
use serde_json::Value;

fn status_json(case: &str) -> Value {
    let out = vault(&cases_dir().join(case).join("vault"))
        .args(["status", "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not JSON: {e}"))
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn top_level_people_and_diagnostics_have_exactly_the_contract_fields() {
    let json = status_json("messy");
    let mut top = keys(&json);
    top.sort_unstable();
    assert_eq!(top, ["diagnostics", "people", "today"]);
    assert_eq!(json["today"], "2026-11-23");
    let mut person = keys(&json["people"][0]);
    person.sort_unstable();
    assert_eq!(
        person,
        [
            "birthday",
            "cadence_days",
            "days_overdue",
            "due",
            "interactions",
            "last_contact",
            "name",
            "path",
            "relationship",
            "status"
        ]
    );
    let mut diagnostic = keys(&json["diagnostics"][0]);
    diagnostic.sort_unstable();
    assert_eq!(
        diagnostic,
        ["column", "line", "message", "path", "severity"]
    );
}

#[test]
fn the_design_example_person() {
    let json = status_json("statuses");
    let people = json["people"]
        .as_array()
        .unwrap_or_else(|| panic!("people"));
    let ollie = people
        .iter()
        .find(|p| p["name"] == "Ollie Overdue")
        .unwrap_or_else(|| panic!("Ollie"));
    assert_eq!(
        *ollie,
        serde_json::json!({
            "name": "Ollie Overdue", "path": "People/Ollie Overdue.md", "relationship": "former-colleague",
            "status": "overdue", "cadence_days": 30, "last_contact": "2026-09-30",
            "due": "2026-10-30", "days_overdue": 24, "interactions": 1,
            "birthday": null
        })
    );
}

#[test]
fn no_contact_has_nulls_and_every_status_is_listed_in_urgency_order() {
    let json = status_json("statuses");
    let people = json["people"]
        .as_array()
        .unwrap_or_else(|| panic!("people"));
    let nina = people
        .iter()
        .find(|p| p["name"] == "Nina No Contact")
        .unwrap_or_else(|| panic!("Nina"));
    assert!(
        nina["last_contact"].is_null() && nina["due"].is_null() && nina["days_overdue"].is_null()
    );
    let statuses: Vec<&str> = people.iter().filter_map(|p| p["status"].as_str()).collect();
    let rank = |s: &str| {
        [
            "hibernating",
            "overdue",
            "due-soon",
            "no-contact",
            "ok",
            "snoozed",
            "paused",
        ]
        .iter()
        .position(|x| *x == s)
        .unwrap_or(99)
    };
    assert!(
        statuses.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "{statuses:?}"
    );
    assert_eq!(statuses.len(), 12);
}

#[test]
fn paths_are_relative_with_forward_slashes() {
    let json = status_json("config");
    let paths: Vec<&str> = json["people"]
        .as_array()
        .unwrap_or_else(|| panic!("people"))
        .iter()
        .filter_map(|p| p["path"].as_str())
        .collect();
    assert!(paths.contains(&"Contacts/Work/Ann Ally.md"), "{paths:?}");
}
