//! `vault export ics|vcard|json`: files other programs read. Each output is read back by
//! parsers that are not vault's (Python's `icalendar` and `vobject`, through
//! `tests/validate/exports.py`), and checked line by line against the RFCs' rules.

use std::path::Path;
use std::process::Command;

use crate::support::{repo_root, run, scratch, vault_bin};

const FIXTURE: &str = "tests/fixtures/export";

fn export(root: &Path, args: &[&str]) -> String {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = run(root, &all);
    assert_eq!(code, Some(0), "{stderr}");
    stdout
}

/// What Python's parsers read in `text` (`kind`: `ics` or `vcard`); `None`, with a
/// message, where Debian's python3-icalendar and python3-vobject are not installed
/// (`.ci/run` installs them).
fn parsed_by_python(kind: &str, text: &str) -> Option<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join(format!("export.{kind}"));
    std::fs::write(&file, text).unwrap_or_else(|e| panic!("{e}"));
    // Debian's Python, where apt installs the modules (a pyenv on PATH would not have them).
    let python = ["/usr/bin/python3", "python3"]
        .into_iter()
        .find(|p| Path::new(p).is_absolute() && Path::new(p).exists())
        .unwrap_or("python3");
    let out = Command::new(python)
        .arg(repo_root().join("tests/validate/exports.py"))
        .arg(kind)
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("{python}: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(3) {
        eprintln!(
            "skipped: {stderr} (apt-get install python3-icalendar python3-vobject; .ci/run does)"
        );
        return None;
    }
    assert_eq!(
        out.status.code(),
        Some(0),
        "the {kind} did not parse: {stderr}"
    );
    Some(serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}")))
}

/// RFC 5545 3.1 and RFC 6350 3.2: CRLF line ends, at most 75 octets a line, a fold
/// starts with a space and never splits a character (the text is UTF-8 throughout).
fn assert_content_lines(text: &str) {
    assert!(text.ends_with("\r\n"));
    for (i, line) in text.split("\r\n").enumerate() {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "line {i}: bare line end"
        );
        assert!(
            line.len() <= 75,
            "line {i} has {} octets: {line}",
            line.len()
        );
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "line {i}: control character"
        );
    }
}

/// The content lines with folds undone.
fn unfolded(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_calendar_is_one_a_calendar_app_accepts() {
    let (_dir, root) = scratch(FIXTURE);
    let ics = export(&root, &["ics"]);
    assert_content_lines(&ics);
    let lines = unfolded(&ics);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    for required in ["VERSION:2.0", "PRODID:-//vault//vault export ics//EN"] {
        assert!(lines.iter().any(|l| l == required), "{required}");
    }
    // Every event has a UID, a DTSTAMP and a start (RFC 5545 3.6.1).
    let events = ics.matches("BEGIN:VEVENT").count();
    for property in ["UID:", "DTSTAMP:", "DTSTART;VALUE=DATE:"] {
        let n = lines.iter().filter(|l| l.starts_with(property)).count();
        assert_eq!(n, events, "{property}");
    }
    let Some(read) = parsed_by_python("ics", &ics) else {
        return;
    };
    let read = read["events"].as_array().cloned().unwrap_or_default();
    assert_eq!(read.len(), events, "Python reads every event");
    let summaries: Vec<&str> = read.iter().filter_map(|e| e["summary"].as_str()).collect();
    // Escaped commas, semicolons, quotes and emoji come back as written.
    assert!(
        summaries.contains(&"🎂 Pat Smith, Jr.'s birthday"),
        "{summaries:?}"
    );
    assert!(
        summaries.contains(&"Lunch with Pat Smith, Jr."),
        "{summaries:?}"
    );
    assert!(summaries.contains(&"Follow-up for Pat Smith, Jr.: send Pat the slides"));
    assert!(
        summaries.contains(&"Reach out to Pat Smith, Jr."),
        "{summaries:?}"
    );
    let lunch = read
        .iter()
        .find(|e| e["summary"] == "Lunch with Pat Smith, Jr.")
        .unwrap_or_else(|| panic!("lunch"));
    assert_eq!(
        lunch["description"],
        "at Café \"Zé\", bring the 🎂; talk Q1, Q2 and a very long line that goes on and on past seventy-five octets for folding"
    );
    assert_eq!(lunch["start"], "2026-12-03");
    assert_eq!(lunch["end"], "2026-12-04");
    let birthday = read
        .iter()
        .find(|e| e["summary"] == "🎂 Lee's birthday")
        .unwrap_or_else(|| panic!("Lee's birthday"));
    assert_eq!(birthday["start"], "1984-12-02");
    assert_eq!(birthday["rrule"], "FREQ=YEARLY");
    // A birthday without a year on 29 February recurs from a leap year.
    let leap = read
        .iter()
        .find(|e| e["summary"] == "🎂 Pat Smith, Jr.'s birthday")
        .unwrap_or_else(|| panic!("Pat's birthday"));
    assert_eq!(leap["start"], "2000-02-29");
    // …and on the last day of February in the other years: `FREQ=YEARLY` alone skips the
    // years without a 29 February (RFC 5545 3.3.10), three birthdays in four.
    let rule = leap["rrule"].as_str().unwrap_or_default();
    assert!(
        rule.contains("FREQ=YEARLY")
            && rule.contains("BYMONTH=2")
            && rule.contains("BYMONTHDAY=-1"),
        "{rule}"
    );
}

#[test]
fn private_people_and_lines_about_them_stay_out_unless_asked() {
    let (_dir, root) = scratch(FIXTURE);
    for format in ["ics", "vcard", "json"] {
        let shared = export(&root, &[format]);
        for secret in ["Quinn", "quinn@example.com", "secret plans", "1990"] {
            assert!(!shared.contains(secret), "{format} shows {secret}");
        }
        let all = export(&root, &[format, "--include-private"]);
        assert!(all.contains("Quinn"), "{format} --include-private");
    }
}

#[test]
fn uids_stay_the_same_from_one_run_to_the_next() {
    let (_dir, root) = scratch(FIXTURE);
    let uids = |today: &str| -> Vec<String> {
        let out = Command::new(vault_bin())
            .env("NO_COLOR", "1")
            .arg("--vault")
            .arg(&root)
            .args(["--today", today, "export", "ics"])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(0));
        unfolded(&String::from_utf8_lossy(&out.stdout))
            .into_iter()
            .filter(|l| l.starts_with("UID:"))
            .collect()
    };
    let monday = uids("2026-11-23");
    let tuesday = uids("2026-11-24");
    assert_eq!(monday, tuesday, "the same events, the same UIDs");
    let mut unique = monday.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), monday.len(), "no two events share a UID");
    // A later run moves a reminder, not its identity.
    let (_, a, _) = run(&root, &["export", "ics"]);
    let (_, b, _) = run(&root, &["export", "ics"]);
    assert_eq!(a, b, "the same day gives the same bytes");
}

#[test]
fn contacts_read_back_as_written() {
    let (_dir, root) = scratch(FIXTURE);
    let vcf = export(&root, &["vcard"]);
    assert_content_lines(&vcf);
    assert_eq!(
        vcf.matches("BEGIN:VCARD").count(),
        2,
        "Pat and Lee, not Quinn"
    );
    assert!(vcf.contains("VERSION:3.0\r\n"));
    let Some(read) = parsed_by_python("vcard", &vcf) else {
        return;
    };
    let cards = read["cards"].as_array().cloned().unwrap_or_default();
    let pat = cards
        .iter()
        .find(|c| c["fn"] == "Pat Smith, Jr.")
        .unwrap_or_else(|| panic!("Pat in {cards:?}"));
    assert_eq!(pat["n"]["family"], "Smith");
    assert_eq!(pat["n"]["given"], "Pat");
    assert_eq!(
        pat["emails"],
        serde_json::json!(["pat@example.com", "p.smith@work.example"])
    );
    assert_eq!(pat["tel"], serde_json::json!(["+1 (555) 010-2030"]));
    assert_eq!(pat["org"], serde_json::json!(["Acme, Inc."]));
    assert_eq!(pat["title"], serde_json::json!(["VP; Engineering"]));
    assert_eq!(pat["bday"], serde_json::json!(["--02-29"]));
    assert_eq!(
        pat["url"],
        serde_json::json!([
            "https://www.linkedin.com/in/pat-smith",
            "https://pat.example/blog?a=1&b=2"
        ])
    );
    assert!(
        !vcf.contains("her health"),
        "boundaries are not contact details"
    );
}

#[test]
fn the_model_is_versioned_json() {
    let (_dir, root) = scratch(FIXTURE);
    let json: serde_json::Value =
        serde_json::from_str(&export(&root, &["json"])).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["schema"], 1);
    assert_eq!(json["today"], "2026-11-23");
    let people = json["people"].as_array().cloned().unwrap_or_default();
    let names: Vec<&str> = people.iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(
        names,
        vec!["Pat Smith, Jr.", "Lee"],
        "urgency order, Quinn left out"
    );
    let pat = &people[0];
    assert_eq!(pat["contact"]["emails"][1], "p.smith@work.example");
    assert_eq!(pat["interactions"][0]["date"], "2026-09-01");
    assert_eq!(pat["interactions"][0]["path"], "People/Pat Smith.md");
    assert_eq!(pat["planned"][0]["kind"], "lunch");
    let follow_ups: Vec<&str> = pat["follow_ups"]
        .as_array()
        .map(|f| f.iter().filter_map(|f| f["text"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        follow_ups,
        vec!["send Pat the slides"],
        "not the one about Quinn"
    );
    // Lee's dinner was with Quinn too: it counts, but says nothing.
    let lee = &people[1];
    let dinner = lee["interactions"]
        .as_array()
        .and_then(|i| i.iter().find(|i| i["date"] == "2026-11-02"));
    assert!(
        dinner.is_none(),
        "a line naming a private person is not exported: {lee}"
    );
}

#[test]
fn out_writes_the_file_atomically_and_says_where() {
    let (dir, root) = scratch(FIXTURE);
    let out = dir.path().join("feeds/vault.ics");
    let path = out.to_string_lossy().into_owned();
    let printed = export(&root, &["ics", "--out", &path]);
    assert_eq!(printed.trim(), path);
    let written = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(written, export(&root, &["ics"]));
}
