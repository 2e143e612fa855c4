//! Property tests of the lossless edits: on random notes (front matter or not, BOM, CRLF,
//! odd spacing, logs newest or oldest first, no final newline) each edit adds or changes
//! exactly one line, and reading the result shows the new fact.

use chrono::NaiveDate;
use proptest::prelude::*;
use vault_notes::edit::{LogPlacement, add_log_line, complete_task, remove_property, set_property};
use vault_notes::{ReadOptions, parse_note};

#[derive(Debug, Clone)]
struct NoteSpec {
    bom: bool,
    crlf: bool,
    final_newline: bool,
    front_matter: Option<Vec<String>>,
    heading: bool,
    marker: char,
    indent: &'static str,
    dates: Vec<NaiveDate>,
    newest_first: bool,
    prose: Vec<String>,
}

impl NoteSpec {
    fn render(&self) -> Vec<u8> {
        let mut lines: Vec<String> = Vec::new();
        if let Some(fm) = &self.front_matter {
            lines.push("---".into());
            lines.extend(fm.iter().cloned());
            lines.push("---".into());
        }
        lines.extend(self.prose.iter().cloned());
        if self.heading {
            lines.push("## Log".into());
        }
        let mut dates = self.dates.clone();
        dates.sort();
        if self.newest_first {
            dates.reverse();
        }
        for (i, d) in dates.iter().enumerate() {
            lines.push(format!(
                "{}{} {d} call: number {i}",
                self.indent, self.marker
            ));
        }
        lines.push("Closing words.".into());
        let eol = if self.crlf { "\r\n" } else { "\n" };
        let mut text = lines.join(eol);
        if self.final_newline {
            text.push_str(eol);
        }
        let mut bytes = if self.bom {
            b"\xEF\xBB\xBF".to_vec()
        } else {
            Vec::new()
        };
        bytes.extend_from_slice(text.as_bytes());
        bytes
    }
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0u32..900).prop_map(|n| {
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default() + chrono::Days::new(u64::from(n))
    })
}

fn spec() -> impl Strategy<Value = NoteSpec> {
    // Distinct keys: a front matter with a key twice is not valid YAML.
    let fm_lines = prop::sample::subsequence(
        vec![
            "name: Pat".to_owned(),
            "cadence:   30".to_owned(),
            "# a comment".to_owned(),
            "tags: [a, \"b\"]".to_owned(),
            "aliases:\n  - P".to_owned(),
            "role: 'CTO'   ".to_owned(),
        ],
        0..5,
    );
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(fm_lines),
        any::<bool>(),
        prop_oneof![Just('-'), Just('*')],
        prop_oneof![Just(""), Just("  ")],
        prop::collection::vec(date(), 0..5),
        any::<bool>(),
        prop::collection::vec(
            prop_oneof![
                Just("Some prose.".to_owned()),
                Just(String::new()),
                Just("  indented".to_owned())
            ],
            0..3,
        ),
    )
        .prop_map(
            |(
                bom,
                crlf,
                final_newline,
                front_matter,
                heading,
                marker,
                indent,
                dates,
                newest_first,
                prose,
            )| NoteSpec {
                bom,
                crlf,
                final_newline,
                front_matter,
                heading,
                marker,
                indent,
                dates,
                newest_first,
                prose,
            },
        )
}

/// Whether `after` is `before` with exactly `line` (and one line ending) inserted at a
/// line boundary.
fn one_line_inserted(before: &[u8], after: &[u8], line: &str, eol: &[u8]) -> bool {
    let mut starts: Vec<usize> = vec![
        0,
        if before.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        },
    ];
    starts.extend(
        before
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .map(|(i, _)| i + 1),
    );
    starts.push(before.len());
    starts.iter().any(|&p| {
        let mut with_after = before[..p].to_vec();
        with_after.extend_from_slice(line.as_bytes());
        with_after.extend_from_slice(eol);
        with_after.extend_from_slice(&before[p..]);
        let mut with_before = before[..p].to_vec();
        with_before.extend_from_slice(eol);
        with_before.extend_from_slice(line.as_bytes());
        with_before.extend_from_slice(&before[p..]);
        with_after == after || (p == before.len() && with_before == after)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn log_adds_one_line_and_reads_back(spec in spec(), new in date()) {
        let before = spec.render();
        let (after, placement) = add_log_line(&before, new, "coffee: proptest").map_err(|e| TestCaseError::fail(e.to_string()))?;
        let eol: &[u8] = if spec.crlf { b"\r\n" } else { b"\n" };
        if placement == LogPlacement::IntoLog {
            let marker = if spec.dates.is_empty() { '-' } else { spec.marker };
            let indent = if spec.dates.is_empty() { "" } else { spec.indent };
            let line = format!("{indent}{marker} {new} coffee: proptest");
            prop_assert!(one_line_inserted(&before, &after, &line, eol), "before {:?}\nafter {:?}", String::from_utf8_lossy(&before), String::from_utf8_lossy(&after));
        } else {
            prop_assert!(spec.dates.is_empty() && !spec.heading);
            prop_assert!(after.starts_with(&before));
        }
        let parsed = parse_note("People/P.md", &after, &ReadOptions::default());
        let found = parsed.note.log.iter().any(|l| l.date == new && l.kind.as_deref() == Some("coffee") && l.summary == "proptest");
        prop_assert!(found, "{:?}", parsed.note.log);
        prop_assert_eq!(parsed.note.log.len(), spec.dates.len() + 1);
        // Dates stay in the order the log uses; a log whose dates do not tell (fewer than
        // two distinct ones) is taken as newest first.
        let dates: Vec<NaiveDate> = parsed.note.log.iter().map(|l| l.date).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        let distinct = spec.dates.iter().collect::<std::collections::BTreeSet<_>>().len();
        if spec.newest_first || distinct < 2 {
            sorted.reverse();
        }
        prop_assert_eq!(dates, sorted);
    }

    #[test]
    fn snooze_sets_one_line_and_reads_back(spec in spec(), until in date()) {
        let before = spec.render();
        let after = set_property(&before, &["snooze_until", "prm-snooze-until"], &until.to_string()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let parsed = parse_note("People/P.md", &after, &ReadOptions::default());
        let person = parsed.note.person.ok_or_else(|| TestCaseError::fail("not a person"))?;
        prop_assert_eq!(person.snooze_until, Some(until));
        let eol: &[u8] = if spec.crlf { b"\r\n" } else { b"\n" };
        if spec.front_matter.is_some() {
            let line = format!("snooze_until: {until}");
            prop_assert!(one_line_inserted(&before, &after, &line, eol));
            // Removing it again gives back the original bytes.
            let back = remove_property(&after, &["snooze_until"]).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back, before);
        }
    }

    #[test]
    fn edits_never_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600), line in 0u32..40, new in date()) {
        let _ = add_log_line(&bytes, new, "x");
        let _ = set_property(&bytes, &["paused"], "true");
        let _ = remove_property(&bytes, &["paused"]);
        let _ = complete_task(&bytes, line, new);
    }
}
