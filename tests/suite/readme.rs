//! The README documents the same tables the code follows, and its first commands work.

use crate::support::repo_root;

fn readme() -> String {
    std::fs::read_to_string(repo_root().join("README.md"))
        .unwrap_or_else(|e| panic!("README.md: {e}"))
}

#[test]
fn every_property_key_is_documented() {
    let readme = readme();
    for (_, canonical, aliases) in vault_notes::PROPERTY_TABLE {
        for key in std::iter::once(canonical).chain(aliases.iter()) {
            assert!(
                readme.contains(&format!("`{key}`")),
                "README does not document `{key}`"
            );
        }
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
