//! Helpers for the end-to-end tests of the `vault` binary (the modules of `tests/suite/`).
//!
//! Fixture vaults live in `tests/cases/<case>/vault` and `tests/fixtures/`; what `vault`
//! must print for a case lives in `tests/cases/<case>/expected/` as insta snapshots
//! (`cargo insta review`, or `INSTA_UPDATE=always`, rewrites them: read the diff before
//! committing it).

use std::fs;
use std::path::{Path, PathBuf};

/// The day every test computes for.
pub const TODAY: &str = "2026-11-23";

/// The repository root (the suite belongs to `crates/cli`, the package of the binary).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `tests/cases`.
pub fn cases_dir() -> PathBuf {
    repo_root().join("tests").join("cases")
}

/// The public corpora (`../shared/corpora` beside the checkout). Without them a test that
/// needs them is skipped with a message, except under `CI=true`, where their absence is a
/// failure: CI always has them, and a skipped test there would pass silently.
pub fn corpora_dir() -> Option<PathBuf> {
    let dir = repo_root().join("..").join("shared").join("corpora");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").map_or(true, |ci| ci != "true"),
        "../shared/corpora is missing beside the checkout; CI needs it"
    );
    eprintln!("skipped: ../shared/corpora is not beside the checkout");
    None
}

/// The `vault` binary cargo built for this test run.
pub fn vault_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_vault"))
}

/// A `vault` command with colours off and `--today` pinned, isolated from the caller's
/// environment.
pub fn vault(vault_dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(vault_bin());
    for hook in TEST_HOOKS {
        cmd.env_remove(hook);
    }
    cmd.env_remove("VAULT_DIR")
        .env_remove("VAULT_TODAY")
        .env("NO_COLOR", "1")
        .arg("--vault")
        .arg(vault_dir)
        .arg("--today")
        .arg(TODAY);
    cmd
}

/// The debug builds' test hooks: a test sets the one it means, never inherits one.
pub const TEST_HOOKS: [&str; 4] = [
    "VAULT_TEST_EDIT_BEFORE_WRITE",
    "VAULT_TEST_PAUSE_BEFORE_RENAME",
    "VAULT_TEST_PAUSE_AFTER_CHECK",
    "VAULT_TEST_LOCK_TIMEOUT_MS",
];

/// The stdout of `cmd`, which must exit 0 (its stderr is the failure message).
pub fn stdout_of_success(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

/// A vault with one person note, `People/Ann.md`, holding `text`.
pub fn ann_vault(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("vault");
    fs::create_dir_all(root.join("People")).unwrap_or_else(|e| panic!("{e}"));
    fs::write(root.join("People/Ann.md"), text).unwrap_or_else(|e| panic!("{e}"));
    (dir, root)
}

/// Copies a folder recursively (to run commands that write on a scratch copy).
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| panic!("mkdir {}: {e}", to.display()));
    let entries = fs::read_dir(from).unwrap_or_else(|e| panic!("ls {}: {e}", from.display()));
    for entry in entries.flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target)
                .unwrap_or_else(|e| panic!("cp {}: {e}", target.display()));
        }
    }
}

/// Compares `actual` with the snapshot `name` of the case folder `case`
/// (`tests/cases/<case>/expected/<name>.snap`).
pub fn assert_expected(case: &Path, name: &str, actual: &str) {
    insta::with_settings!({
        snapshot_path => case.join("expected"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, actual);
    });
}

/// A scratch copy of the fixture folder `fixture` (relative to the repository) at
/// `<tempdir>/vault`, for commands that write. Keep the `TempDir` alive while using it.
pub fn scratch(fixture: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("vault");
    copy_dir(&repo_root().join(fixture), &root);
    // The README's first command writes the example's digest into its (git-ignored)
    // `Digests/`; a test starts from the vault as committed.
    if fixture == "example-vault" {
        let _ = fs::remove_dir_all(root.join("Digests"));
    }
    (dir, root)
}

/// The bytes of `path` in the vault at `root`.
pub fn read(root: &Path, path: &str) -> Vec<u8> {
    fs::read(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Runs `vault ARGS` on `root`: exit code, stdout bytes, stderr text.
pub fn run_raw(root: &Path, args: &[&str]) -> (Option<i32>, Vec<u8>, String) {
    let out = vault(root)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `vault ARGS` on `root`: exit code, stdout text, stderr text.
pub fn run(root: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let (code, stdout, stderr) = run_raw(root, args);
    (code, String::from_utf8_lossy(&stdout).into_owned(), stderr)
}

/// The entry of `vault status --format json` whose `key` (`name` or `path`) is `value`.
pub fn person_by(root: &Path, key: &str, value: &str) -> serde_json::Value {
    let (_, stdout, _) = run(root, &["status", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}"));
    json["people"]
        .as_array()
        .and_then(|people| people.iter().find(|p| p[key] == value).cloned())
        .unwrap_or_else(|| panic!("no person with {key} {value} in {stdout}"))
}

/// The person named `name` in `vault status --format json`.
pub fn person_named(root: &Path, name: &str) -> serde_json::Value {
    person_by(root, "name", name)
}

/// The person whose note is `path` in `vault status --format json`.
pub fn person_at(root: &Path, path: &str) -> serde_json::Value {
    person_by(root, "path", path)
}

/// Every file under `root` with its bytes, sorted by path (to check nothing else changed).
pub fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder)
            .unwrap_or_else(|e| panic!("{e}"))
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let bytes = fs::read(&path).unwrap_or_default();
                files.push((
                    path.strip_prefix(root).unwrap_or(&path).to_path_buf(),
                    bytes,
                ));
            }
        }
    }
    files.sort();
    files
}
