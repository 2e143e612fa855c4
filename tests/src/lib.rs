//! Helpers for the end-to-end tests of the `vault` binary (in `tests/tests/`).
//!
//! Fixture vaults live in `tests/cases/<case>/vault`; what `vault` must print for them
//! lives in `tests/cases/<case>/expected/`. Set `VAULT_BLESS=1` to rewrite the expected
//! files from the current output (then read the diff before committing it).

use std::fs;
use std::path::{Path, PathBuf};

/// The day every test computes for.
pub const TODAY: &str = "2026-11-23";

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from(".."), Path::to_path_buf)
}

/// `tests/cases`.
pub fn cases_dir() -> PathBuf {
    repo_root().join("tests").join("cases")
}

/// The public corpora (`../shared/corpora` beside the checkout), when present.
pub fn corpora_dir() -> Option<PathBuf> {
    let dir = repo_root().join("..").join("shared").join("corpora");
    dir.is_dir().then_some(dir)
}

/// The `vault` binary, built (or found up to date) once per test process.
///
/// This package is not the one that owns the binary, so cargo does not build it for these
/// tests by itself: `cargo test --workspace` on a fresh clone would find no binary, and a
/// stale one after a change. Building it here keeps the README's test command complete.
pub fn vault_bin() -> PathBuf {
    static BIN: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().unwrap_or_else(|e| panic!("current exe: {e}"));
        // target/<profile>/deps/<test> -> target/<profile>
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .unwrap_or_else(|| panic!("unexpected test path {}", exe.display()));
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut build = std::process::Command::new(cargo);
        build
            .current_dir(repo_root())
            .args(["build", "--quiet", "-p", "vault", "--bin", "vault"]);
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            build.arg("--release");
        }
        let status = build
            .status()
            .unwrap_or_else(|e| panic!("cargo build -p vault: {e}"));
        assert!(status.success(), "cargo build -p vault failed");
        profile_dir.join(format!("vault{}", std::env::consts::EXE_SUFFIX))
    })
    .clone()
}

/// A `vault` command with colours off and `--today` pinned, isolated from the caller's
/// environment.
pub fn vault(vault_dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(vault_bin());
    cmd.env_remove("VAULT_DIR")
        .env_remove("VAULT_TODAY")
        .env("NO_COLOR", "1")
        .arg("--vault")
        .arg(vault_dir)
        .arg("--today")
        .arg(TODAY);
    cmd
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

/// Compares `actual` with the expected file, or rewrites it under `VAULT_BLESS=1`.
pub fn assert_expected(expected_path: &Path, actual: &str) {
    if std::env::var_os("VAULT_BLESS").is_some() {
        if let Some(parent) = expected_path.parent() {
            fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir: {e}"));
        }
        fs::write(expected_path, actual).unwrap_or_else(|e| panic!("write: {e}"));
        return;
    }
    let expected = fs::read_to_string(expected_path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with VAULT_BLESS=1 to create it",
            expected_path.display()
        )
    });
    if expected != actual {
        panic!(
            "{} differs from the output (VAULT_BLESS=1 rewrites it)\n--- expected\n{expected}\n--- actual\n{actual}",
            expected_path.display()
        );
    }
}
