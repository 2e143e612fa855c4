//! Every folder in `tests/conventions/` is a vault laid out exactly as a people/CRM tool
//! (or template) writes it, with no `vault.yaml`: DESIGN.md's "Principles 2", zero
//! configuration. Its `expected.json` holds what `vault` must read from it, computed by
//! hand in the folder's README: who is a person, each person's name, status, cadence, last
//! contact and birthday, and every open follow-up. A tool's own layout must also read
//! without an error or a warning.
//!
//! The test collects every difference of every convention before it fails, one line each
//! (`<slug>: <path>: status: expected overdue, got no-contact`), so a run shows at once
//! which rules are still missing.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{TODAY, repo_root, vault};

/// `tests/conventions`.
fn conventions_dir() -> PathBuf {
    repo_root().join("tests").join("conventions")
}

/// The person fields compared exactly. `birthday` is compared too, but only once the
/// status JSON carries it.
const FIELDS: [&str; 4] = ["name", "status", "cadence_days", "last_contact"];

#[test]
fn every_convention_is_read_with_no_configuration() {
    let mut conventions: Vec<PathBuf> = fs::read_dir(conventions_dir())
        .unwrap_or_else(|e| panic!("tests/conventions: {e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    conventions.sort();
    assert!(conventions.len() >= 8, "conventions are missing");
    let differences: Vec<String> = conventions.iter().flat_map(|c| compare(c)).collect();
    assert!(
        differences.is_empty(),
        "{} differences from tests/conventions/*/expected.json:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

/// Every difference between what `vault` reads from the convention `dir` and its
/// `expected.json`.
fn compare(dir: &Path) -> Vec<String> {
    let slug = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = Vec::new();
    let mut differ = |what: String| out.push(format!("{slug}: {what}"));

    let expected_path = dir.join("expected.json");
    let text = fs::read_to_string(&expected_path)
        .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
    let expected: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
    assert_eq!(
        expected["today"], TODAY,
        "{slug}: expected.json is for another day"
    );

    let root = dir.join("vault");
    assert!(
        !root.join("vault.yaml").exists(),
        "{slug}: a convention is read with no configuration; remove vault.yaml"
    );

    match json_of(&root, &["status", "--format", "json"]) {
        Ok(status) => {
            compare_people(&expected, &status, &mut differ);
            report_problems(&status, &mut differ);
        }
        Err(e) => differ(format!("status: {e}")),
    }
    match json_of(&root, &["digest", "--format", "json", "--stdout"]) {
        Ok(digest) => compare_follow_ups(&expected, &digest, &mut differ),
        Err(e) => differ(format!("digest: {e}")),
    }
    out
}

/// The JSON `vault ARGS` prints on the vault at `root`, or why there is none.
fn json_of(root: &Path, args: &[&str]) -> Result<Value, String> {
    let out = vault(root)
        .args(args)
        .output()
        .map_err(|e| format!("run vault: {e}"))?;
    if out.status.code() != Some(0) {
        return Err(format!(
            "exit {:?}: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("not JSON: {e}"))
}

/// The people of `status` against `expected.people` and `expected.not_people`.
fn compare_people(expected: &Value, status: &Value, differ: &mut impl FnMut(String)) {
    let actual: BTreeMap<&str, &Value> = list(&status["people"])
        .iter()
        .filter_map(|p| Some((p["path"].as_str()?, p)))
        .collect();
    let not_people: Vec<&str> = list(&expected["not_people"])
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for path in &not_people {
        if actual.contains_key(path) {
            differ(format!(
                "{path}: is read as a person, expected not a person"
            ));
        }
    }
    let mut listed = Vec::new();
    for want in list(&expected["people"]) {
        let Some(path) = want["path"].as_str() else {
            differ(format!("expected.json: a person without a path: {want}"));
            continue;
        };
        listed.push(path);
        let Some(got) = actual.get(path) else {
            differ(format!(
                "{path}: expected a person, not found among the people"
            ));
            continue;
        };
        for field in FIELDS {
            if got[field] != want[field] {
                differ(format!(
                    "{path}: {field}: expected {}, got {}",
                    shown(&want[field]),
                    shown(&got[field])
                ));
            }
        }
        if let Some(birthday) = got.get("birthday")
            && *birthday != want["birthday"]
        {
            differ(format!(
                "{path}: birthday: expected {}, got {}",
                shown(&want["birthday"]),
                shown(birthday)
            ));
        }
    }
    for path in actual.keys() {
        if !listed.contains(path) && !not_people.contains(path) {
            differ(format!(
                "{path}: is read as a person, expected not a person"
            ));
        }
    }
}

/// The errors and warnings of `status`: a tool's own layout is read without complaint (a
/// warning there means a rule misreads a real format, e.g. a `people:` link to a person
/// not recognised as one).
fn report_problems(status: &Value, differ: &mut impl FnMut(String)) {
    for d in list(&status["diagnostics"]) {
        let severity = d["severity"].as_str().unwrap_or_default();
        if severity == "error" || severity == "warning" {
            differ(format!(
                "{}:{}:{}: {severity}: {}",
                shown(&d["path"]),
                d["line"],
                d["column"],
                shown(&d["message"])
            ));
        }
    }
}

/// The digest's `follow_ups` against `expected.follow_ups`: each expected one present
/// (person equal, text contained, due equal), and no other.
fn compare_follow_ups(expected: &Value, digest: &Value, differ: &mut impl FnMut(String)) {
    let actual = list(&digest["follow_ups"]);
    let mut matched = vec![false; actual.len()];
    for want in list(&expected["follow_ups"]) {
        let text = want["text"].as_str().unwrap_or_default();
        let found = actual.iter().enumerate().position(|(i, got)| {
            !matched[i]
                && got["person"] == want["person"]
                && got["due"] == want["due"]
                && got["text"].as_str().is_some_and(|t| t.contains(text))
        });
        match found {
            Some(i) => matched[i] = true,
            None => differ(format!(
                "follow-up of {} \"{text}\" due {}: expected, not found",
                shown(&want["person"]),
                shown(&want["due"])
            )),
        }
    }
    for (got, _) in actual.iter().zip(&matched).filter(|(_, m)| !**m) {
        differ(format!(
            "follow-up of {} \"{}\" due {}: not expected",
            shown(&got["person"]),
            got["text"].as_str().unwrap_or_default(),
            shown(&got["due"])
        ));
    }
}

/// The array `value`, or none.
fn list(value: &Value) -> &[Value] {
    value.as_array().map_or(&[], Vec::as_slice)
}

/// A JSON value as a difference line shows it: strings bare, `null` as no value.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "null".to_owned(),
        other => other.to_string(),
    }
}

#[test]
fn the_comparison_reports_every_kind_of_difference() {
    let expected = serde_json::json!({
        "today": TODAY,
        "people": [
            {"path": "People/Ada.md", "name": "Ada", "status": "overdue", "cadence_days": 30,
             "last_contact": "2026-10-05", "birthday": "--12-10"},
            {"path": "People/Bo.md", "name": "Bo", "status": "ok", "cadence_days": 90,
             "last_contact": null, "birthday": null}
        ],
        "not_people": ["People/People MOC.md"],
        "follow_ups": [
            {"person": "Ada", "text": "send the paper", "due": "2026-11-30"},
            {"person": "Bo", "text": "call", "due": null}
        ]
    });
    let status = serde_json::json!({
        "people": [
            {"path": "People/Ada.md", "name": "Ada", "status": "no-contact", "cadence_days": 30,
             "last_contact": null, "birthday": "1815-12-10"},
            {"path": "People/People MOC.md", "name": "People MOC", "status": "ok",
             "cadence_days": 90, "last_contact": null},
            {"path": "People/Cy.md", "name": "Cy", "status": "ok", "cadence_days": 90,
             "last_contact": null}
        ],
        "diagnostics": [
            {"path": "People/Ada.md", "line": 3, "column": 1, "severity": "warning",
             "message": "odd"},
            {"path": "People/Ada.md", "line": 4, "column": 1, "severity": "hint",
             "message": "fine"}
        ]
    });
    let digest = serde_json::json!({"follow_ups": [
        {"person": "Ada", "text": "send the paper to [[Ada]]", "due": "2026-11-30"},
        {"person": "Ada", "text": "something else", "due": null}
    ]});
    let mut lines = Vec::new();
    let mut differ = |line: String| lines.push(line);
    compare_people(&expected, &status, &mut differ);
    report_problems(&status, &mut differ);
    compare_follow_ups(&expected, &digest, &mut differ);
    assert_eq!(
        lines,
        [
            "People/People MOC.md: is read as a person, expected not a person",
            "People/Ada.md: status: expected overdue, got no-contact",
            "People/Ada.md: last_contact: expected 2026-10-05, got null",
            "People/Ada.md: birthday: expected --12-10, got 1815-12-10",
            "People/Bo.md: expected a person, not found among the people",
            "People/Cy.md: is read as a person, expected not a person",
            "People/Ada.md:3:1: warning: odd",
            "follow-up of Bo \"call\" due null: expected, not found",
            "follow-up of Ada \"something else\" due null: not expected",
        ]
    );
}
