//! `vault import`: people and history in from the files other tools export, into a copy
//! of the example vault, with the note bytes compared before and after.

use std::path::Path;

use crate::support::{read, repo_root, run, scratch, snapshot};

fn fixture(name: &str) -> String {
    repo_root()
        .join("tests/fixtures/import/contacts")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn import(root: &Path, kind: &str, file: &str) -> (Option<i32>, String, String) {
    run(root, &["import", kind, file])
}

#[test]
fn contacts_become_people_and_fill_in_what_notes_lack() {
    let (_dir, root) = scratch("example-vault");
    let sharon_before = String::from_utf8(read(&root, "People/Sharon Lee.md")).unwrap_or_default();
    let (code, stdout, stderr) = import(&root, "vcard", &fixture("google.vcf"));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("Added Dana Okafor in People/Dana Okafor.md"),
        "{stdout}"
    );
    let dana = String::from_utf8(read(&root, "People/Dana Okafor.md")).unwrap_or_default();
    for line in [
        "email: dana@globex.example",
        "company: Globex",
        "role: Head of SRE, EMEA",
        "birthday: 1988-05-17",
        "phone: +44 7700 900123",
        "linkedin: https://uk.linkedin.com/in/dana-okafor-1a2b3c",
    ] {
        assert!(dana.contains(line), "{line} in {dana}");
    }
    // Sharon (matched by her e-mail) gains what her note lacks; every byte of it stays.
    let sharon = String::from_utf8(read(&root, "People/Sharon Lee.md")).unwrap_or_default();
    let kept: Vec<&str> = sharon
        .lines()
        .filter(|l| {
            !l.starts_with("phone:") && !l.starts_with("url:") && !l.starts_with("location:")
        })
        .collect();
    assert_eq!(kept.join("\n") + "\n", sharon_before);
    assert!(sharon.contains("phone: +1 555-0100"), "{sharon}");
    // Her role differs: reported with its place, not written.
    assert!(
        stderr.contains("google.vcf:1: People/Sharon Lee.md has role `VP Engineering`, the import says `Staff Engineer`: not written"),
        "{stderr}"
    );
    assert!(sharon.contains("role: VP Engineering") && !sharon.contains("Staff Engineer"));
    // The status of the new person is what a person note without contact has.
    let (_, status, _) = run(&root, &["status", "--all", "--format", "json"]);
    assert!(status.contains("\"name\": \"Dana Okafor\""), "{status}");
}

#[test]
fn importing_twice_changes_nothing() {
    let (_dir, root) = scratch("example-vault");
    for (kind, file) in [
        ("vcard", "google.vcf"),
        ("vcard", "icloud.vcf"),
        ("vcard", "android-2.1.vcf"),
        ("vcard", "outlook.vcf"),
        ("csv", "Connections.csv"),
        ("csv", "google.csv"),
        ("csv", "google-legacy.csv"),
        ("csv", "outlook.csv"),
    ] {
        let (code, _, stderr) = import(&root, kind, &fixture(file));
        assert_eq!(code, Some(0), "{file}: {stderr}");
        let after_first = snapshot(&root);
        let (code, stdout, stderr) = import(&root, kind, &fixture(file));
        assert_eq!(code, Some(0), "{file}: {stderr}");
        assert_eq!(
            snapshot(&root),
            after_first,
            "{file}: the second run wrote {stdout}"
        );
        assert!(
            stderr.contains("added 0 new people, 0 properties"),
            "{file}: {stderr}"
        );
    }
}

#[test]
fn an_export_imported_back_changes_nothing() {
    let (dir, root) = scratch("example-vault");
    let vcf = dir.path().join("people.vcf");
    let vcf = vcf.to_string_lossy();
    let (code, _, stderr) = run(&root, &["export", "vcard", "--out", &vcf]);
    assert_eq!(code, Some(0), "{stderr}");
    let before = snapshot(&root);
    let (code, _, stderr) = import(&root, "vcard", &vcf);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(snapshot(&root), before, "{stderr}");
    assert!(
        stderr.contains("skipped 13 already in the vault"),
        "{stderr}"
    );
}

#[test]
fn a_contact_matched_by_email_keeps_the_notes_name() {
    let (dir, root) = scratch("example-vault");
    let vcf = dir.path().join("renamed.vcf");
    std::fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sharon Lee-Park\r\nEMAIL:SHARON@example.com\r\nTEL:+1 555 0100\r\nEND:VCARD\r\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (code, stdout, stderr) = import(&root, "vcard", &vcf.to_string_lossy());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!root.join("People/Sharon Lee-Park.md").exists());
    let sharon = String::from_utf8(read(&root, "People/Sharon Lee.md")).unwrap_or_default();
    assert!(sharon.contains("name: Sharon Lee\n"), "{sharon}");
    assert!(sharon.contains("phone: +1 555 0100"), "{stdout}");
}

#[test]
fn a_truncated_or_binary_file_is_an_error_and_nothing_is_written() {
    for (file, place) in [
        ("truncated.vcf", "truncated.vcf:13:"),
        ("binary.vcf", "binary.vcf:1:"),
    ] {
        let (_dir, root) = scratch("example-vault");
        let before = snapshot(&root);
        let (code, stdout, stderr) = import(&root, "vcard", &fixture(file));
        assert_eq!(code, Some(1), "{file}: {stdout}");
        assert!(
            stderr.contains(place) && stderr.contains("nothing was imported"),
            "{stderr}"
        );
        assert_eq!(snapshot(&root), before, "{file}");
    }
}

#[test]
fn dry_run_shows_the_diff_and_writes_nothing() {
    let (_dir, root) = scratch("example-vault");
    let before = snapshot(&root);
    let (code, stdout, stderr) = run(
        &root,
        &["import", "csv", &fixture("Connections.csv"), "--dry-run"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(snapshot(&root), before);
    assert!(stdout.contains("+++ b/People/"), "{stdout}");
    assert!(
        stdout.contains("+relationship: connection"),
        "LinkedIn people are connections: {stdout}"
    );
    assert!(stderr.contains("would add 3 new people"), "{stderr}");
}
