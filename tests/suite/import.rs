//! `vault import`: people and history in from the files other tools export, into a copy
//! of the example vault, with the note bytes compared before and after.

use std::path::Path;

use crate::support::{person_named, read, repo_root, run, scratch, snapshot};

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
        assert!(stderr.contains(" read; nothing new"), "{file}: {stderr}");
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

fn history(name: &str) -> String {
    repo_root()
        .join("tests/fixtures/import/history")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn note(root: &Path, path: &str) -> String {
    String::from_utf8(read(root, path)).unwrap_or_default()
}

/// The log lines of a note, in order.
fn log_lines(root: &Path, path: &str) -> Vec<String> {
    note(root, path)
        .lines()
        .filter(|l| l.starts_with("- 2"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn meetings_become_one_log_line_per_person_and_series() {
    let (_dir, root) = scratch("tests/fixtures/import/vault");
    let (code, stdout, stderr) = run(&root, &["import", "calendar", &history("google.ics")]);
    assert_eq!(code, Some(0), "{stderr}");
    // A weekly 1:1 (with an EXDATE, a moved and a cancelled occurrence) is one line: its
    // latest occurrence before today.
    assert_eq!(
        log_lines(&root, "People/Sharon Lee.md"),
        [
            "- 2026-11-12 meeting: Sharon / me 1:1",
            "- 2026-09-30 coffee: her new role"
        ],
        "{stdout}"
    );
    // The organizer of a one-off meeting; a folded line across the ü of Düsseldorf.
    assert_eq!(
        log_lines(&root, "People/Priya Raman.md"),
        [
            "- 2026-10-02 meeting: Q3 planning – Überblick, Ziele und die nächste Schritte für Düsseldorf"
        ]
    );
    // Dana declined: no line for her; the all-hands (20 attendees) and the all-day event
    // without attendees are skipped and counted.
    assert!(log_lines(&root, "People/Dana Scully.md").is_empty());
    assert!(
        stderr.contains("skipped 1 all-day without attendees, 1 with more than 8 attendees"),
        "{stderr}"
    );
    // By name when the address is unknown (Apple's `EMAIL=` parameter), accents and all.
    let (code, _, stderr) = run(&root, &["import", "calendar", &history("apple.ics")]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        log_lines(&root, "People/José Núñez.md"),
        ["- 2026-10-14 meeting: Lunch with José"]
    );
    // Outlook: a cancelled meeting is skipped, a monthly series is its latest occurrence.
    let (code, _, stderr) = run(&root, &["import", "calendar", &history("outlook.ics")]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        log_lines(&root, "People/Jane Doe.md"),
        ["- 2026-10-30 meeting: Contoso / Acme monthly sync"]
    );
    assert!(stderr.contains("skipped 1 cancelled"), "{stderr}");
}

#[test]
fn mail_becomes_at_most_one_line_per_person_and_day() {
    let (_dir, root) = scratch("tests/fixtures/import/vault");
    let (code, _, stderr) = run(&root, &["import", "mail", &history("takeout.mbox")]);
    assert_eq!(code, Some(0), "{stderr}");
    // An encoded-word subject from an encoded-word sender; the mailing list, the message
    // to 15 people and the one with a date that is no date are skipped.
    assert_eq!(
        log_lines(&root, "People/Sharon Lee.md")[0],
        "- 2026-10-02 email: Kafüee nächste Woche?"
    );
    assert_eq!(
        log_lines(&root, "People/Émilie Dubois.md"),
        ["- 2026-10-08 email: Café à Paris"]
    );
    assert!(
        log_lines(&root, "People/Jane Doe.md").is_empty(),
        "15 recipients"
    );
    assert!(
        stderr.contains("takeout.mbox:88:7: Date `sometime last week` is not a date"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 from mailing lists or bulk senders, 1 to more than 8 recipients"),
        "{stderr}"
    );
    // A Maildir folder: cur/ and new/, bulk mail (Precedence: bulk) skipped.
    let (code, _, stderr) = run(&root, &["import", "mail", &history("maildir")]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        log_lines(&root, "People/Sharon Lee.md")
            .contains(&"- 2026-10-12 email: Lunch on Thursday?".to_owned())
    );
    assert_eq!(
        log_lines(&root, "People/Dana Scully.md"),
        [
            "- 2026-10-14 email: The X files",
            "- 2026-10-03 email: The X files"
        ]
    );
    assert!(
        log_lines(&root, "People/Priya Raman.md").is_empty(),
        "{stderr}"
    );
}

#[test]
fn history_imports_twice_change_nothing() {
    let (_dir, root) = scratch("tests/fixtures/import/vault");
    for (kind, file) in [
        ("calendar", "google.ics"),
        ("calendar", "outlook.ics"),
        ("calendar", "apple.ics"),
        ("mail", "takeout.mbox"),
        ("mail", "maildir"),
    ] {
        let (code, _, stderr) = run(&root, &["import", kind, &history(file)]);
        assert_eq!(code, Some(0), "{file}: {stderr}");
        let once = snapshot(&root);
        let (code, _, stderr) = run(&root, &["import", kind, &history(file)]);
        assert_eq!(code, Some(0), "{file}: {stderr}");
        assert_eq!(snapshot(&root), once, "{file}: {stderr}");
        assert!(stderr.contains(" read; nothing new"), "{file}: {stderr}");
    }
}

#[test]
fn history_needs_your_own_addresses() {
    let (_dir, root) = scratch("example-vault");
    std::fs::write(root.join("vault.yaml"), "people_folders: [People]\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let before = snapshot(&root);
    for (kind, file) in [("calendar", "google.ics"), ("mail", "takeout.mbox")] {
        let (code, _, stderr) = run(&root, &["import", kind, &history(file)]);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.contains("me: {emails: ["), "{stderr}");
    }
    assert_eq!(snapshot(&root), before);
}

#[test]
fn a_truncated_calendar_or_a_binary_mailbox_writes_nothing() {
    for (kind, file, place) in [
        ("calendar", "truncated.ics", "truncated.ics:55:"),
        ("mail", "binary.mbox", "binary.mbox:1:"),
    ] {
        let (_dir, root) = scratch("tests/fixtures/import/vault");
        let before = snapshot(&root);
        let (code, _, stderr) = run(&root, &["import", kind, &history(file)]);
        assert_eq!(code, Some(1), "{file}: {stderr}");
        assert!(
            stderr.contains(place) && stderr.contains("nothing was imported"),
            "{stderr}"
        );
        assert_eq!(snapshot(&root), before, "{file}");
    }
}

#[test]
fn a_contact_named_like_a_note_that_is_no_person_is_not_created_beside_it() {
    let (dir, root) = scratch("example-vault");
    let vcf = dir.path().join("initech.vcf");
    std::fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Initech\r\nEMAIL:hello@initech.example\r\nEND:VCARD\r\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let before = snapshot(&root);
    let (code, _, stderr) = import(&root, "vcard", &vcf.to_string_lossy());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "a note named `Initech` exists (Companies/Initech.md) but is not this contact"
        ),
        "{stderr}"
    );
    assert_eq!(
        snapshot(&root),
        before,
        "no People/Initech.md beside Companies/Initech.md"
    );
}

// Exports of the kinds real services write, into a vault the other fixtures do not use:
// people matched by e-mail, by name only, under another name, and with values that
// differ.

fn held_out() -> (tempfile::TempDir, std::path::PathBuf) {
    scratch("tests/fixtures/import/held-out-vault")
}

/// Imports `file` twice: the first run's summary; the second must change no byte.
fn import_twice(root: &Path, kind: &str, file: &str) -> String {
    let (code, _, first) = run(root, &["import", kind, file]);
    assert_eq!(code, Some(0), "{file}: {first}");
    let once = snapshot(root);
    let (code, _, second) = run(root, &["import", kind, file]);
    assert_eq!(code, Some(0), "{file}: {second}");
    assert_eq!(
        snapshot(root),
        once,
        "{file}: the second run wrote: {second}"
    );
    assert!(second.contains(" read; nothing new"), "{file}: {second}");
    first
}

#[test]
fn a_csv_saved_by_excel_with_semicolons_and_windows_1252_is_read() {
    let (_dir, root) = held_out();
    let stderr = import_twice(&root, "csv", &fixture("excel-semicolon-1252.csv"));
    // The Google export, opened in a German Excel and saved as "CSV": `;` between the
    // fields, the ANSI code page, a quoted note over two lines.
    assert!(
        stderr.contains("3 contacts read; added 8 properties to 2 people"),
        "{stderr}"
    );
    let chloe = note(&root, "People/Chloé Martin.md");
    assert!(
        chloe.contains("role: CTO\n") && chloe.contains("location: Lyon\n"),
        "{chloe}"
    );
    assert!(
        stderr.contains("excel-semicolon-1252.csv:2: People/Chloé Martin.md has the company `Fabrikam`, the import says `Contoso`: not written"),
        "{stderr}"
    );
    // Ben had no e-mail: matched by his name, he gains it.
    let ben = note(&root, "People/Ben Okoro.md");
    assert!(ben.contains("email: ben.okoro@example.org\n"), "{ben}");
}

#[test]
fn an_apple_mail_export_folder_is_read_as_its_mailboxes() {
    let (_dir, root) = held_out();
    // Mailbox → Export Mailbox writes `Inbox.mbox/mbox`; a mailbox inside another is a
    // `Clients.mbox/` folder within it.
    let stderr = import_twice(&root, "mail", &history("apple-mail-export"));
    assert!(
        stderr.contains("3 messages read; added 2 log lines to 2 people; skipped 1 from mailing lists or bulk senders"),
        "{stderr}"
    );
    assert_eq!(
        log_lines(&root, "People/Alex Morgan.md"),
        [
            "- 2026-11-07 email: Café next week?",
            "- 2026-08-01 call: onboarding"
        ]
    );
    assert_eq!(
        log_lines(&root, "People/Chloé Martin.md"),
        ["- 2026-11-06 email: Lunch, then a walk"]
    );
    // A folder that is neither says what it looked for, naming the folder once.
    // The mailbox alone reads the same.
    let (code, _, stderr) = run(
        &root,
        &["import", "mail", &history("apple-mail-export/Inbox.mbox")],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("nothing new"), "{stderr}");
    let empty = root.join("Journal");
    let (code, _, stderr) = run(&root, &["import", "mail", &empty.to_string_lossy()]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(stderr.matches("Journal").count(), 1, "{stderr}");
    assert!(
        stderr.contains("nor a mailbox exported by Apple Mail"),
        "{stderr}"
    );
}

#[test]
fn a_macos_contacts_export_fills_in_people_and_leaves_companies_out() {
    let (_dir, root) = held_out();
    let alex_before = note(&root, "People/Alex Morgan.md");
    let stderr = import_twice(&root, "vcard", &fixture("macos-contacts.vcf"));
    // Alex (by e-mail, her note keeps its shorter name) gains what her note lacks, in the
    // note's own words: `item1.EMAIL`, a birthday without a year, the LinkedIn profile.
    let alex = note(&root, "People/Alex Morgan.md");
    for line in [
        "phone: (206) 555-0142\n",
        "company: Northwind Traders\n",
        "role: Data Lead\n",
        "birthday: \"--05-03\"\n",
        "linkedin: https://www.linkedin.com/in/alexandra-morgan-7b\n",
        "location: Seattle\n",
    ] {
        assert!(alex.contains(line), "{line} in {alex}");
    }
    assert!(
        alex.ends_with(alex_before.split("---\n").nth(2).unwrap_or("?")),
        "{alex}"
    );
    assert!(
        !alex.contains("Alexandra") && !alex.contains("/9j/") && !alex.contains("AAEC"),
        "{alex}"
    );
    assert!(
        stderr.contains("macos-contacts.vcf:1: People/Alex Morgan.md has the e-mail addresses `alexandra.morgan@northwind.example`, the import says `alex.m@example.net`: not written"),
        "{stderr}"
    );
    // Ben, by his name alone.
    let ben = note(&root, "People/Ben Okoro.md");
    assert!(
        ben.contains("email: ben.okoro@example.org\n") && ben.contains("birthday: 1991-02-28\n"),
        "{ben}"
    );
    // The company card (`X-ABShowAs:COMPANY`) is no person: counted, no note.
    assert!(
        stderr.contains("3 contacts read; added 9 properties to 2 people; 1 not written (above); skipped 1 for an organisation, not a person"),
        "{stderr}"
    );
    assert!(!root.join("People/Northwind Traders.md").exists());
    // vCard 4.0 `KIND:org`, a card with only an `ORG`, beside a person known by `N` alone.
    let stderr = import_twice(&root, "vcard", &fixture("companies.vcf"));
    assert!(
        stderr.contains(
            "3 contacts read; added 1 new person; skipped 2 for an organisation, not a person"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("without a name"), "{stderr}");
    assert!(
        root.join("People/Ada Lovelace.md").exists() && !root.join("People/Initrode.md").exists()
    );
}

#[test]
fn calendars_of_exchange_thunderbird_google_and_icloud_become_log_lines() {
    let (_dir, root) = held_out();
    // Exchange: a Windows zone name, quoted `CN="Family, Given"`, a declined attendee, a
    // room, an all-day offsite with its organizer.
    let stderr = import_twice(&root, "calendar", &history("outlook-exchange.ics"));
    assert!(
        stderr.contains("2 events read; added 2 log lines to 2 people"),
        "{stderr}"
    );
    assert_eq!(
        log_lines(&root, "People/Alex Morgan.md")[0],
        "- 2026-11-05 meeting: Budget review"
    );
    assert_eq!(
        log_lines(&root, "People/Søren Kierkegaard.md"),
        ["- 2026-11-12 meeting: Offsite Copenhagen"]
    );
    assert!(
        log_lines(&root, "People/Chloé Martin.md").is_empty(),
        "she declined"
    );
    // Thunderbird: Ben has no e-mail in his note; `CN="Okoro, Ben"` is his name. A time
    // in Paris just after midnight keeps its local date; an event after today is skipped.
    let stderr = import_twice(&root, "calendar", &history("thunderbird.ics"));
    assert!(stderr.contains("skipped 1 in the future"), "{stderr}");
    assert_eq!(
        log_lines(&root, "People/Ben Okoro.md"),
        ["- 2026-10-28 meeting: Lunch, then a walk"]
    );
    assert_eq!(
        log_lines(&root, "People/Chloé Martin.md"),
        ["- 2026-10-28 meeting: Lunch, then a walk"]
    );
    // Google: a weekly series with two EXDATEs and a moved occurrence is one line, its
    // latest before today; the organizer alone of another event; VTODO and VJOURNAL are
    // not meetings.
    let stderr = import_twice(&root, "calendar", &history("google-recur.ics"));
    assert!(stderr.contains("2 events read"), "{stderr}");
    assert_eq!(
        log_lines(&root, "People/Ben Okoro.md"),
        [
            "- 2026-10-30 meeting: Ben's talk rehearsal",
            "- 2026-10-28 meeting: Lunch, then a walk"
        ]
    );
    // iCloud: floating times, attendees by their `EMAIL=` parameter.
    import_twice(&root, "calendar", &history("icloud-floating.ics"));
    assert_eq!(
        log_lines(&root, "People/Søren Kierkegaard.md"),
        [
            "- 2026-11-12 meeting: Offsite Copenhagen",
            "- 2026-10-20 meeting: Dinner with Søren"
        ]
    );
}

#[test]
fn a_thunderbird_sent_folder_and_a_dovecot_maildir_become_log_lines() {
    let (_dir, root) = held_out();
    // mboxrd `>From ` quoting and `From ` in a body, X-Mozilla-Status, encoded words in
    // ISO-8859-1, ISO-8859-15, windows-1252 and UTF-8, a date without weekday and with
    // `(CET)`, `Reply-To` unlike `From`, group syntax, a copy sent to Bcc only.
    let stderr = import_twice(&root, "mail", &history("thunderbird-Sent"));
    assert!(
        stderr.contains("4 messages read; added 4 log lines to 3 people"),
        "{stderr}"
    );
    assert_eq!(
        log_lines(&root, "People/Alex Morgan.md")[0],
        "- 2026-11-03 email: Café next week?"
    );
    assert_eq!(
        log_lines(&root, "People/Chloé Martin.md"),
        [
            "- 2026-11-06 email: Lunch, then a walk",
            "- 2026-11-04 email: Réunion de l'équipe"
        ]
    );
    assert_eq!(
        log_lines(&root, "People/Søren Kierkegaard.md"),
        ["- 2026-11-05 email: Præsentation € und Übersicht"]
    );
    // Maildir++ with a `.Sent` folder; Ben has no e-mail in his note, so no line for him.
    let stderr = import_twice(&root, "mail", &history("dovecot-maildir"));
    assert!(
        stderr.contains("2 messages read; added 1 log line to 1 person"),
        "{stderr}"
    );
    assert_eq!(
        log_lines(&root, "People/Søren Kierkegaard.md")[0],
        "- 2026-11-09 email: Enten-Eller"
    );
    assert!(log_lines(&root, "People/Ben Okoro.md").is_empty());
}

#[test]
fn real_contact_exports_merge_into_a_vault_without_overwriting_it() {
    let (_dir, root) = held_out();
    let before = snapshot(&root);
    // `--dry-run` writes nothing.
    let (code, stdout, _) = run(
        &root,
        &[
            "import",
            "vcard",
            &fixture("google-conflicts.vcf"),
            "--dry-run",
        ],
    );
    assert_eq!(code, Some(0));
    assert!(stdout.contains("+role: CTO"), "{stdout}");
    assert_eq!(snapshot(&root), before);
    // Google's vCard: Chloé's note says Fabrikam and 9 July; the export says otherwise.
    let stderr = import_twice(&root, "vcard", &fixture("google-conflicts.vcf"));
    for conflict in [
        "google-conflicts.vcf:1: People/Chloé Martin.md has the company `Fabrikam`, the import says `Contoso`: not written",
        "google-conflicts.vcf:1: People/Chloé Martin.md has the birthday `1985-07-09`, the import says `1985-07-10`: not written",
        "google-conflicts.vcf:16: a contact without a name: skipped",
    ] {
        assert!(stderr.contains(conflict), "{conflict} in {stderr}");
    }
    let chloe = note(&root, "People/Chloé Martin.md");
    assert!(chloe.contains("company: Fabrikam\n") && chloe.contains("birthday: 1985-07-09\n"));
    // Outlook's vCard 2.1: windows-1252 names, quoted-printable over a soft line break.
    import_twice(&root, "vcard", &fixture("outlook-2.1-quoted-printable.vcf"));
    let hans = note(&root, "People/Hans-Jürgen Müller-Lüdenscheidt.md");
    for line in [
        "company: Bäckerei Müller GmbH\n",
        "role: Geschäftsführer\n",
        "birthday: 1970-01-31\n",
        "Kennengelernt auf der Messe in Köln, sehr freundlich und aufgeschlossen; möchte im Frühjahr wieder sprechen.\n",
    ] {
        assert!(hans.contains(line), "{line} in {hans}");
    }
    // vCard 4.0 from Nextcloud: `TEL;VALUE=uri:tel:…` is the phone the note has already.
    import_twice(&root, "vcard", &fixture("nextcloud-4.0.vcf"));
    let soren = note(&root, "People/Søren Kierkegaard.md");
    assert!(
        soren.contains("phone: +45 20 12 34 56\n") && soren.contains("birthday: \"--05-05\"\n"),
        "{soren}"
    );
    assert_eq!(soren.matches("phone:").count(), 1, "{soren}");
    // DAVx5, LF only, blank lines between cards, a card with `N` and no `FN`.
    let stderr = import_twice(&root, "vcard", &fixture("davx5-lf-blank-lines.vcf"));
    assert!(
        stderr.contains("3 contacts read; added 2 new people; skipped 1 for an organisation"),
        "{stderr}"
    );
    assert!(note(&root, "People/Yuki Nakamura.md").contains("birthday: 1982-11-30\n"));
    // Google CSV of today, LinkedIn's Connections.csv, Outlook.com's CSV with a BOM.
    import_twice(&root, "csv", &fixture("google-2024.csv"));
    let ben = note(&root, "People/Ben Okoro.md");
    assert!(
        ben.contains("aliases: [\"Benny\"]\n") && ben.contains("birthday: \"--02-28\"\n"),
        "{ben}"
    );
    let stderr = import_twice(&root, "csv", &fixture("Connections-2024.csv"));
    assert!(
        stderr.contains("4 contacts read; added 2 new people"),
        "{stderr}"
    );
    let priyanka = note(&root, "People/Priyanka Chopra-Singh.md");
    assert!(
        priyanka.contains("relationship: connection\n")
            && priyanka.contains("company: Contoso, Ltd.\n"),
        "{priyanka}"
    );
    assert!(
        priyanka.contains("Connected on LinkedIn on 3 January 2019."),
        "{priyanka}"
    );
    import_twice(&root, "csv", &fixture("outlook-com-bom.csv"));
    let tom = note(&root, "People/Tom Baker.md");
    assert!(
        tom.contains("email: tom@contoso.example\n") && tom.contains("location: Redmond\n"),
        "{tom}"
    );
    // What the notes said before is still there, byte for byte, in every note.
    for (path, bytes) in before {
        let now = String::from_utf8(read(&root, &path.to_string_lossy())).unwrap_or_default();
        let was = String::from_utf8(bytes).unwrap_or_default();
        for line in was.lines() {
            assert!(
                now.lines().any(|l| l == line),
                "{}: lost `{line}`",
                path.display()
            );
        }
    }
    // And the vault exported and imported back changes nothing.
    let out = root.join("../people.vcf");
    let (code, _, stderr) = run(&root, &["export", "vcard", "--out", &out.to_string_lossy()]);
    assert_eq!(code, Some(0), "{stderr}");
    let once = snapshot(&root);
    let (code, _, stderr) = run(&root, &["import", "vcard", &out.to_string_lossy()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(snapshot(&root), once, "{stderr}");
    assert!(stderr.contains("10 contacts read; nothing new"), "{stderr}");
}

#[test]
fn a_contacts_note_in_markdown_is_no_interaction_heading_or_task() {
    let (dir, root) = held_out();
    let vcf = dir.path().join("notes.vcf");
    std::fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nora Quist\r\nEMAIL:nora@example.com\r\nNOTE:Met at KubeCon.\\n- 2019-05-01 call: intro via Ann\\n## Log\\n- [ ] send the deck\\nLikes tea\\n---\r\nEND:VCARD\r\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    import_twice(&root, "vcard", &vcf.to_string_lossy());
    let nora = note(&root, "People/Nora Quist.md");
    assert!(
        nora.contains("Met at KubeCon.\n\\- 2019-05-01 call: intro via Ann\n\\## Log\n\\- [ ] send the deck\nLikes tea\n\\---\n"),
        "{nora}"
    );
    let person = person_named(&root, "Nora Quist");
    assert_eq!(person["last_contact"], serde_json::Value::Null, "{person}");
    let (_, json, _) = run(&root, &["export", "json"]);
    assert!(!json.contains("send the deck"), "no follow-up: {json}");
}

#[test]
fn a_phone_number_written_another_way_is_no_conflict() {
    let (dir, root) = held_out();
    let vcf = dir.path().join("phones.vcf");
    // Søren's note has `+45 20 12 34 56`; Outlook writes `0045 20123456`, a phone
    // `+45 (0)20 12 34 56`. A different number is still reported.
    std::fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Søren Kierkegaard\r\nEMAIL:soren@regnecentralen.example\r\nTEL;TYPE=WORK:0045 20123456\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Søren Kierkegaard\r\nEMAIL:soren@regnecentralen.example\r\nTEL;TYPE=CELL:+45 (0)20 12 34 56\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Søren Kierkegaard\r\nEMAIL:soren@regnecentralen.example\r\nTEL;TYPE=CELL:+45 20 12 34 57\r\nEND:VCARD\r\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let before = snapshot(&root);
    let (code, _, stderr) = import(&root, "vcard", &vcf.to_string_lossy());
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(snapshot(&root), before);
    assert_eq!(stderr.matches("has the phone").count(), 1, "{stderr}");
    assert!(
        stderr.contains("phones.vcf:13: People/Søren Kierkegaard.md has the phone `+45 20 12 34 56`, the import says `+45 20 12 34 57`: not written"),
        "{stderr}"
    );
}

/// The lines of the log section of `text`: from its `## Log` heading (or a Logseq page's
/// `- ## Log` block) to the end.
fn log_section(text: &str) -> Vec<&str> {
    let mut lines = text.lines();
    lines
        .by_ref()
        .find(|l| l.trim_start_matches("- ") == "## Log")
        .unwrap_or_else(|| panic!("no log section in {text}"));
    lines.collect()
}

#[test]
fn a_contacts_own_note_sits_above_the_log_section() {
    let (dir, root) = held_out();
    let vcf = dir.path().join("noted.vcf");
    std::fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nora Quist\r\nEMAIL:nora@example.com\r\nNOTE:Met at KubeCon.\\nLikes tea\r\nEND:VCARD\r\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    import_twice(&root, "vcard", &vcf.to_string_lossy());
    let (code, _, stderr) = run(&root, &["log", "Nora", "coffee", "--date", "2026-11-20"]);
    assert_eq!(code, Some(0), "{stderr}");
    let nora = note(&root, "People/Nora Quist.md");
    assert!(
        nora.ends_with(
            "# Nora Quist\n\nMet at KubeCon.\nLikes tea\n\n## Log\n- 2026-11-20 coffee\n"
        ),
        "{nora}"
    );
    assert_eq!(log_section(&nora), ["- 2026-11-20 coffee"], "{nora}");
}

#[test]
fn contacts_imported_into_a_logseq_graph_become_pages() {
    let (dir, root) = scratch("tests/fixtures/logseq");
    let vcf = dir.path().join("graph.vcf");
    // A note whose lines would read as a log line and a task on a page of blocks.
    std::fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nora Quist\r\nEMAIL:nora@example.com\r\nORG:Globex\r\nTEL:+44 7700 900123\r\nNOTE:2019-05-01 we met at KubeCon\\n\\nTODO send the deck\r\nEND:VCARD\r\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (code, stdout, stderr) = import(&root, "vcard", &vcf.to_string_lossy());
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout, "Added Nora Quist in pages/Nora Quist.md\n");
    let nora = note(&root, "pages/Nora Quist.md");
    assert_eq!(
        nora,
        "type:: [[person]]\ncompany:: Globex\nemail:: nora@example.com\ncreated:: 2026-11-23\nphone:: +44 7700 900123\n\n- \\2019-05-01 we met at KubeCon\n- \\TODO send the deck\n- ## Log\n"
    );
    let person = person_named(&root, "Nora Quist");
    assert_eq!(person["path"], "pages/Nora Quist.md");
    assert_eq!(person["last_contact"], serde_json::Value::Null, "{person}");
    let (_, json, _) = run(&root, &["export", "json"]);
    assert!(!json.contains("send the deck"), "no follow-up: {json}");
    // Read back as that person: a second import changes nothing, `log` writes a block.
    let once = snapshot(&root);
    let (code, _, stderr) = import(&root, "vcard", &vcf.to_string_lossy());
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(snapshot(&root), once, "{stderr}");
    let (code, _, stderr) = run(&root, &["log", "Nora", "call", "--date", "2026-11-20"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        log_section(&note(&root, "pages/Nora Quist.md")),
        ["- [[Nov 20th, 2026]] call"]
    );
    assert_eq!(
        person_named(&root, "Nora Quist")["last_contact"],
        "2026-11-20"
    );
}
