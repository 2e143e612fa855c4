//! Every folder in `tests/cases/` is a vault with the output `vault` must give for it.
//! Adding a case is adding a folder. The expected files were computed by hand from
//! DESIGN.md's rules (see each case's README) and are compared as insta snapshots.

use std::fs;

use crate::support::{assert_expected, cases_dir, vault};

fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    let output = cmd.output().unwrap_or_else(|e| panic!("run vault: {e}"));
    String::from_utf8(output.stdout).unwrap_or_else(|e| panic!("stdout not UTF-8: {e}"))
}

#[test]
fn every_case_matches_its_expected_output() {
    let mut cases: Vec<_> = fs::read_dir(cases_dir())
        .unwrap_or_else(|e| panic!("tests/cases: {e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("vault").is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 4, "cases are missing");
    for case in cases {
        let vault_dir = case.join("vault");
        let status = stdout_of(vault(&vault_dir).args(["status", "--format", "json"]));
        assert_expected(&case, "status-json", &status);
        let table = stdout_of(vault(&vault_dir).args(["status", "--all"]));
        assert_expected(&case, "status-table", &table);
        let check = stdout_of(vault(&vault_dir).arg("check"));
        assert_expected(&case, "check", &check);
    }
}

#[test]
fn check_exits_1_on_errors_and_0_without() {
    vault(&cases_dir().join("messy/vault"))
        .arg("check")
        .assert()
        .code(1);
    vault(&cases_dir().join("statuses/vault"))
        .arg("check")
        .assert()
        .code(0);
}

#[test]
fn status_and_digest_report_problems_on_stderr_and_still_run() {
    let messy = cases_dir().join("messy/vault");
    let out = vault(&messy)
        .arg("status")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("6 errors and 1 warning"), "{stderr}");
    assert!(stderr.contains("vault check"), "{stderr}");
}
