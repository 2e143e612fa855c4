//! `vault` reads every public vault in `../shared/corpora` without a panic, and gets the
//! people of kepano's vault right.

use serde_json::Value;
use vault_testsuite::{corpora_dir, vault};

#[test]
fn every_corpus_reads_without_a_panic() {
    let Some(corpora) = corpora_dir() else {
        eprintln!("skipped: ../shared/corpora is not beside the checkout");
        return;
    };
    let mut count = 0;
    for entry in std::fs::read_dir(&corpora)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        if !entry.path().is_dir() {
            continue;
        }
        count += 1;
        let out_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for args in [
            vec!["status", "--format", "json"],
            vec!["status", "--all"],
            vec!["check", "--format", "json"],
        ] {
            let out = vault(&entry.path())
                .args(&args)
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            let code = out.status.code();
            assert!(
                matches!(code, Some(0 | 1)),
                "{} {args:?}: exit {code:?}\n{}",
                entry.path().display(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let digest = vault(&entry.path())
            .args(["digest", "--format", "all", "--out"])
            .arg(out_dir.path())
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            digest.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&digest.stderr)
        );
        assert!(out_dir.path().join("2026-W48.html").is_file());
    }
    assert_eq!(count, 4, "expected the four corpora");
}

#[test]
fn kepano_people_and_last_contacts() {
    let Some(corpora) = corpora_dir() else {
        eprintln!("skipped: ../shared/corpora is not beside the checkout");
        return;
    };
    let out = vault(&corpora.join("kepano-obsidian"))
        .args(["status", "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let people: Vec<(String, Value, String)> = json["people"]
        .as_array()
        .unwrap_or_else(|| panic!("people"))
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap_or_default().to_owned(),
                p["last_contact"].clone(),
                p["path"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let mut names: Vec<&str> = people.iter().map(|(n, _, _)| n.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Kevin Kelly", "Paul Chambers", "Steph Ango"]);
    let last = |name: &str| {
        people
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, l, _)| l.clone())
    };
    assert_eq!(last("Steph Ango"), Some(Value::from("2023-09-12")));
    assert_eq!(last("Kevin Kelly"), Some(Value::Null));
    assert_eq!(last("Paul Chambers"), Some(Value::Null));
    assert!(
        people
            .iter()
            .all(|(_, _, path)| !path.starts_with("Templates/"))
    );
}
