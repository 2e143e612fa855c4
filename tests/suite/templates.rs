//! A vault's own templates (`.vault/templates/`) run with a budget: a template that loops
//! forever, doubles a string until memory runs out or writes without end is stopped, and
//! the command fails with the template's path. The tests pass a small budget through the
//! debug builds' `VAULT_TEST_RENDER_BUDGET=SECONDS,OUTPUT_MB,MEMORY_MB`.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::{scratch, vault};

/// Loops over 10^10 items and writes nothing.
const ENDLESS: &str = "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% set k = j %}{% endfor %}{% endfor %}";
/// Doubles a string 60 times (8 × 2^60 bytes, if memory allowed).
const DOUBLING: &str = "{% set s = \"xxxxxxxx\" %}{% for i in range(end=60) %}{% set_global s = s ~ s %}{% endfor %}{{ s }}";
/// Writes 10^11 bytes.
const FLOOD: &str = "{% for i in range(end=100000) %}{% for j in range(end=100000) %}xxxxxxxxxx{% endfor %}{% endfor %}";

fn digest_with(template: &str, text: &str, budget: &str) -> (Option<i32>, String, Duration) {
    let (_dir, root) = scratch("example-vault");
    let folder = root.join(".vault/templates");
    fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
    fs::write(folder.join(template), text).unwrap_or_else(|e| panic!("{e}"));
    run_digest(&root, budget)
}

fn run_digest(root: &Path, budget: &str) -> (Option<i32>, String, Duration) {
    let started = Instant::now();
    let out = vault(root)
        .env("VAULT_TEST_RENDER_BUDGET", budget)
        .args(["digest", "--stdout"])
        .timeout(Duration::from_secs(15))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        started.elapsed(),
    )
}

#[test]
fn an_endless_loop_is_stopped_after_the_time_budget() {
    let (code, stderr, took) = digest_with("digest.md", ENDLESS, "1,64,256");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(".vault/templates/digest.md: rendering stopped after 1 s"),
        "{stderr}"
    );
    assert!(took < Duration::from_secs(20), "{took:?}");
}

#[test]
fn string_doubling_is_stopped_by_the_memory_budget() {
    let (code, stderr, took) = digest_with("digest.md", DOUBLING, "30,64,64");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(".vault/templates/digest.md: rendering stopped after")
            && stderr.contains("MB"),
        "{stderr}"
    );
    assert!(took < Duration::from_secs(20), "{took:?}");
}

#[test]
fn endless_output_is_stopped_by_the_output_budget() {
    let (code, stderr, took) = digest_with("digest.md", FLOOD, "30,16,512");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(".vault/templates/digest.md: rendering stopped after 16 MB of output"),
        "{stderr}"
    );
    assert!(took < Duration::from_secs(20), "{took:?}");
}

#[test]
fn the_stopped_template_is_the_one_named() {
    // Drafts are rendered while the digest is built: the draft template is the culprit.
    let (code, stderr, _) = digest_with("draft.txt", ENDLESS, "1,64,256");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(".vault/templates/draft.txt: rendering stopped after 1 s"),
        "{stderr}"
    );
}

#[test]
fn an_ordinary_override_renders_within_the_budget() {
    let (code, stderr, _) = digest_with(
        "digest.md",
        "{{ headline.overdue }} overdue: fine\n",
        "1,16,64",
    );
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn add_with_an_endless_person_template_is_stopped_and_writes_nothing() {
    let (_dir, root) = scratch("example-vault");
    let folder = root.join(".vault/templates");
    fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
    fs::write(folder.join("person.md"), ENDLESS).unwrap_or_else(|e| panic!("{e}"));
    let before = crate::support::snapshot(&root);
    let out = vault(&root)
        .env("VAULT_TEST_RENDER_BUDGET", "1,64,256")
        .args(["add", "Zed Example"])
        .timeout(Duration::from_secs(15))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(".vault/templates/person.md: rendering stopped after 1 s"),
        "{stderr}"
    );
    assert_eq!(
        crate::support::snapshot(&root),
        before,
        "nothing was written"
    );
}

#[test]
fn a_digest_whose_html_template_is_stopped_writes_no_file() {
    let (_dir, root) = scratch("example-vault");
    let folder = root.join(".vault/templates");
    fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
    fs::write(folder.join("digest.html"), FLOOD).unwrap_or_else(|e| panic!("{e}"));
    let out = vault(&root)
        .env("VAULT_TEST_RENDER_BUDGET", "30,16,512")
        .arg("digest")
        .timeout(Duration::from_secs(15))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(".vault/templates/digest.html: rendering stopped"),
        "{stderr}"
    );
    assert!(
        !root.join("Digests/2026-W48.md").exists(),
        "no Markdown either"
    );
}
