//! `vault` reads every public vault in `../shared/corpora` without a panic, and gets the
//! people of kepano's vault right.

use crate::support::{corpora_dir, vault};
use serde_json::Value;

#[test]
fn every_corpus_reads_without_a_panic() {
    let Some(corpora) = corpora_dir() else {
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

/// Every `.md` file under `dir`, recursively (hidden folders too: the reader skips them,
/// but their front matter is still YAML worth checking).
fn markdown_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
    {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            markdown_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// The reader's fast path for simple front matter gives exactly what the YAML library
/// gives, on every note of the corpora, the example vault and the test cases.
#[test]
fn simple_front_matter_reads_as_the_yaml_library_reads_it() {
    let root = crate::support::repo_root();
    let mut files = Vec::new();
    for dir in [root.join("example-vault"), root.join("tests").join("cases")]
        .into_iter()
        .chain(corpora_dir())
    {
        markdown_files(&dir, &mut files);
    }
    let (mut with_front_matter, mut simple) = (0, 0);
    for path in &files {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = String::from_utf8_lossy(&bytes);
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        let vault_notes::Split::FrontMatter {
            yaml_start,
            yaml_end,
            ..
        } = vault_notes::split_front_matter(text)
        else {
            continue;
        };
        let yaml = &text[yaml_start..yaml_end];
        with_front_matter += 1;
        if let Some(entries) = vault_notes::yaml::parse_simple(yaml) {
            simple += 1;
            assert_eq!(
                Ok(entries),
                vault_notes::yaml::parse_with_library(yaml),
                "{}",
                path.display()
            );
        }
    }
    eprintln!("{simple} of {with_front_matter} front matters took the fast path");
    assert!(
        simple * 2 > with_front_matter,
        "{simple} of {with_front_matter}"
    );
}
