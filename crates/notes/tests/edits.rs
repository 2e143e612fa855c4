//! Property tests of the lossless edits. Random notes — with or without front matter,
//! byte-order mark, CRLF, odd spacing, logs as list items or headings, newest or oldest
//! first, inside a log section or not, no final newline, bytes that are not UTF-8 — and the
//! edits on them: exactly one line is added or changed, where expected, and reading the
//! result shows the new fact.

use chrono::NaiveDate;
use proptest::prelude::*;
use vault_notes::edit::{
    add_log_line, add_log_lines, add_page_log_line, add_page_log_lines, clear_property,
    complete_task, remove_property, set_property, yaml_scalar,
};
use vault_notes::{LogLine, Logseq, Parsed, ReadOptions, parse_note};

/// Stands for a fenced code block holding a dated line, which is not a log line.
const CODE: &[u8] = b"<code block>";

#[derive(Debug, Clone)]
struct Spec {
    bom: bool,
    eol: &'static str,
    final_newline: bool,
    front_matter: Option<Vec<&'static str>>,
    section: Option<&'static str>,
    lead: &'static str,
    linked: bool,
    dates: Vec<NaiveDate>,
    newest_first: bool,
    before: Vec<&'static [u8]>,
    after: Vec<&'static [u8]>,
}

impl Spec {
    fn render(&self) -> Vec<u8> {
        let mut lines: Vec<Vec<u8>> = Vec::new();
        if let Some(fm) = &self.front_matter {
            lines.push(b"---".to_vec());
            lines.extend(fm.iter().map(|l| l.as_bytes().to_vec()));
            lines.push(b"---".to_vec());
        }
        for line in &self.before {
            if *line == CODE {
                lines
                    .extend([&b"```"[..], b"- 2020-01-01 inside code", b"```"].map(<[u8]>::to_vec));
            } else {
                lines.push(line.to_vec());
            }
        }
        if let Some(heading) = self.section {
            lines.push(heading.as_bytes().to_vec());
        }
        let mut dates = self.dates.clone();
        dates.sort();
        if self.newest_first {
            dates.reverse();
        }
        for (i, date) in dates.iter().enumerate() {
            let date = if self.linked {
                format!("[[{date}]]")
            } else {
                date.to_string()
            };
            lines.push(format!("{}{date} call: number {i}", self.lead).into_bytes());
            if self.lead.starts_with('#') {
                lines.push(b"What we said.".to_vec());
            }
        }
        lines.extend(self.after.iter().map(|l| l.to_vec()));
        let mut bytes = if self.bom {
            b"\xEF\xBB\xBF".to_vec()
        } else {
            Vec::new()
        };
        bytes.extend(lines.join(self.eol.as_bytes()));
        if self.final_newline && !lines.is_empty() {
            bytes.extend_from_slice(self.eol.as_bytes());
        }
        bytes
    }

    /// The new line as it should be written.
    fn expected_line(&self, date: NaiveDate) -> String {
        if self.dates.is_empty() {
            return format!("- {date} coffee: proptest");
        }
        let date = if self.linked {
            format!("[[{date}]]")
        } else {
            date.to_string()
        };
        format!("{}{date} coffee: proptest", self.lead)
    }

    /// The line ending a new line gets: the note's, `\n` when it has none.
    fn eol_of(&self, bytes: &[u8]) -> &'static str {
        if bytes.contains(&b'\n') {
            self.eol
        } else {
            "\n"
        }
    }

    fn has_log(&self) -> bool {
        self.section.is_some() || !self.dates.is_empty()
    }
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0u64..900).prop_map(|n| {
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default() + chrono::Days::new(n)
    })
}

fn spec() -> impl Strategy<Value = Spec> {
    let front_matter = prop::option::of(prop::sample::subsequence(
        vec![
            "name: Pat",
            "cadence:   30",
            "# a comment",
            "tags: [a, \"b # c\"]",
            "aliases:\n  - P",
            "role: 'CTO'   ",
            "company: Acme # since 2020",
            "prm-snooze-until: 2020-01-01",
            "paused: false",
            "last contact:",
        ],
        0..6,
    ));
    let prose: &[&[u8]] = &[
        b"Some prose.",
        b"",
        b"  indented",
        b"# Pat",
        b"## Notes",
        b"- a plain item",
        b"- [ ] 2026-01-01 a task, not a log line",
        b"Caf\xE9 in Latin-1",
        CODE,
    ];
    (
        (
            any::<bool>(),
            prop_oneof![Just("\n"), Just("\r\n")],
            any::<bool>(),
        ),
        front_matter,
        prop::option::of(prop_oneof![
            Just("## Log"),
            Just("### Interactions:"),
            Just("## 📅 Contact log")
        ]),
        prop_oneof![
            Just("- "),
            Just("* "),
            Just("  - "),
            Just("1. "),
            Just("> - "),
            Just("### ")
        ],
        (
            any::<bool>(),
            prop::collection::vec(date(), 0..5),
            any::<bool>(),
        ),
        prop::collection::vec(prop::sample::select(prose.to_vec()), 0..4),
        prop::collection::vec(
            prop::sample::select(vec![&b"## Notes"[..], b"Closing words.", b""]),
            0..3,
        ),
    )
        .prop_map(
            |(
                (bom, eol, final_newline),
                front_matter,
                section,
                lead,
                (linked, dates, newest_first),
                before,
                after,
            )| {
                // A heading log inside a `##` section needs deeper headings.
                let lead = if lead == "### " && section == Some("### Interactions:") {
                    "#### "
                } else {
                    lead
                };
                Spec {
                    bom,
                    eol,
                    final_newline,
                    front_matter,
                    section,
                    lead,
                    linked,
                    dates,
                    newest_first,
                    before,
                    after,
                }
            },
        )
}

/// Whether `after` is `before` with exactly `line` and one line ending `eol` inserted at
/// a line boundary (the ending before the line when it is added to a last line that
/// had none).
fn one_line_inserted(before: &[u8], after: &[u8], line: &str, eol: &str) -> bool {
    let bom = if before.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut starts = vec![bom];
    starts.extend(
        before
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .map(|(i, _)| i + 1),
    );
    starts.push(before.len());
    starts.iter().any(|&p| {
        let with = |first: &[u8], second: &[u8]| {
            [&before[..p], first, second, &before[p..]].concat() == after
        };
        with(line.as_bytes(), eol.as_bytes())
            || (p == before.len()
                && !before.ends_with(b"\n")
                && with(eol.as_bytes(), line.as_bytes()))
    })
}

fn person(bytes: &[u8]) -> Result<Parsed, TestCaseError> {
    let parsed = parse_note("People/Pat.md", bytes, &ReadOptions::default());
    if parsed.note.person.is_none() {
        return Err(TestCaseError::fail("not read as a person"));
    }
    Ok(parsed)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn log_adds_one_line_in_order_and_reads_back(spec in spec(), new in date()) {
        let before = spec.render();
        let after = add_log_line(&before, new, "coffee: proptest")
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let shown = || format!("before {:?}\nafter  {:?}", String::from_utf8_lossy(&before), String::from_utf8_lossy(&after));
        let old = person(&before)?.note.log;
        prop_assert_eq!(old.len(), spec.dates.len(), "the spec's log is read: {}", shown());
        if spec.has_log() {
            // Into the log: one line, no new section.
            prop_assert!(one_line_inserted(&before, &after, &spec.expected_line(new), spec.eol_of(&before)), "{}", shown());
        } else {
            // A new `## Log` section at the end.
            prop_assert!(after.starts_with(&before), "{}", shown());
            let added = String::from_utf8_lossy(&after[before.len()..]).into_owned();
            let expected = format!("## Log{0}{1}", spec.eol_of(&before), spec.expected_line(new));
            prop_assert!(added.trim_start().starts_with(&expected), "{}", shown());
        }
        let log = person(&after)?.note.log;
        prop_assert_eq!(log.len(), old.len() + 1, "{}", shown());
        let added = log.iter().filter(|l| l.date == new && l.kind.as_deref() == Some("coffee") && l.summary == "proptest").count();
        prop_assert_eq!(added, 1, "{}", shown());
        // The log keeps its order: newest first unless it went oldest first (a log of
        // fewer than two distinct dates is newest first).
        let dates: Vec<NaiveDate> = log.iter().map(|l| l.date).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        let distinct = spec.dates.iter().collect::<std::collections::BTreeSet<_>>().len();
        if spec.newest_first || distinct < 2 {
            sorted.reverse();
        }
        prop_assert_eq!(dates, sorted, "{}", shown());
    }

    #[test]
    fn snooze_changes_or_adds_one_line_and_resume_undoes_it(spec in spec(), until in date()) {
        let keys = ["snooze_until", "prm-snooze-until"];
        let before = spec.render();
        let after = set_property(&before, &keys, &until.to_string())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let parsed = person(&after)?;
        prop_assert_eq!(parsed.note.person.and_then(|p| p.snooze_until), Some(until));
        // Nothing else in the note changed meaning.
        let facts = |log: Vec<LogLine>| {
            log.into_iter()
                .map(|l| (l.date, l.kind, l.summary))
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(facts(parsed.note.log), facts(person(&before)?.note.log));
        match &spec.front_matter {
            Some(fm) if fm.iter().any(|l| l.starts_with("prm-snooze-until")) => {
                let old: &[u8] = b"prm-snooze-until: 2020-01-01";
                let new = format!("prm-snooze-until: {until}");
                let at = before.windows(old.len()).position(|w| w == old).unwrap_or_default();
                let expected = [&before[..at], new.as_bytes(), &before[at + old.len()..]].concat();
                prop_assert_eq!(&after, &expected);
            }
            Some(_) => {
                let line = format!("snooze_until: {until}");
                prop_assert!(one_line_inserted(&before, &after, &line, spec.eol_of(&before)));
                prop_assert_eq!(remove_property(&after, &keys).map_err(|e| TestCaseError::fail(e.to_string()))?, before.clone());
                // Removing only the key that was added gives back the original bytes too.
                prop_assert_eq!(remove_property(&after, &["snooze_until"]).map_err(|e| TestCaseError::fail(e.to_string()))?, before);
            }
            None => {
                let bom = if spec.bom { 3 } else { 0 };
                let header = format!("---{0}snooze_until: {until}{0}---{0}", spec.eol_of(&before));
                let expected = [&before[..bom], header.as_bytes(), &before[bom..]].concat();
                prop_assert_eq!(&after, &expected);
            }
        }
    }

    #[test]
    fn pause_reads_back_as_paused_and_resume_undoes_it(spec in spec()) {
        let before = spec.render();
        let after = set_property(&before, &["paused", "prm-paused"], "true")
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(person(&after)?.note.person.is_some_and(|p| p.paused));
        let had_paused = spec.front_matter.as_ref().is_some_and(|fm| fm.contains(&"paused: false"));
        if had_paused {
            prop_assert_eq!(after.len(), before.len() - 1, "false -> true in place");
        }
        // Resuming ends it; when the note had no `paused`, byte for byte as it was (but
        // for an empty front matter, which goes as if `vault pause` had added it).
        let resumed = clear_property(&after, &["paused", "prm-paused"], "false")
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(person(&resumed)?.note.person.is_some_and(|p| !p.paused));
        if !had_paused && spec.front_matter != Some(Vec::new()) {
            prop_assert_eq!(resumed, before);
        }
    }

    #[test]
    fn yaml_scalars_read_back_as_written(text in "[ -~é📅]{1,30}") {
        let note = format!("---\nrole: {}\n---\n", yaml_scalar(&text));
        let parsed = person(note.as_bytes())?;
        prop_assert!(parsed.diagnostics.is_empty(), "{note}: {:?}", parsed.diagnostics);
        prop_assert_eq!(parsed.note.person.and_then(|p| p.role), Some(text.trim().to_owned()).filter(|t| !t.is_empty()), "{}", note);
    }

    #[test]
    fn edits_never_panic_and_keep_the_original_bytes(
        bytes in prop_oneof![
            prop::collection::vec(prop_oneof![any::<u8>(), Just(b'\n'), Just(b'-'), Just(b'#'), Just(b' ')], 0..400),
            prop::collection::vec(any::<u8>(), 0..600),
        ],
        line in 0u32..40,
        new in date(),
    ) {
        if let Ok(after) = add_log_line(&bytes, new, "x") {
            let prefix = bytes.iter().zip(&after).take_while(|(a, b)| a == b).count();
            let suffix = bytes.iter().rev().zip(after.iter().rev()).take_while(|(a, b)| a == b).count();
            prop_assert!(prefix + suffix >= bytes.len());
        }
        let _ = set_property(&bytes, &["paused"], "true");
        let _ = remove_property(&bytes, &["paused"]);
        let _ = complete_task(&bytes, line, new);
    }
}

/// A note as a soup of the lines logs are made of (dated items at several depths and in
/// quotes, dated headings, log headings, tasks, code, quotes, prose, blank lines), in any
/// order, with any endings: what the batch must place exactly as one line after another.
fn soup() -> impl Strategy<Value = Vec<u8>> {
    let line = prop_oneof![
        (
            prop::sample::select(vec![
                "- ", "* ", "  - ", "    - ", "\t- ", "> - ", "1. ", "- [[", "### ", "#### ", "## "
            ]),
            date()
        )
            .prop_map(|(lead, date)| {
                let close = if lead.ends_with("[[") { "]]" } else { "" };
                format!("{lead}{date}{close} call: x")
            }),
        prop::sample::select(vec![
            "## Log",
            "### Log",
            "# Pat",
            "## Notes",
            "",
            "",
            "Prose.",
            "  indented",
            "> quoted",
            "- plain item",
            "- [ ] 2026-01-01 a task",
            "```",
            "    code",
            "---",
            "\t",
            "- [[Oct 2nd, 2026]] coffee",
        ])
        .prop_map(str::to_owned),
    ];
    (
        any::<bool>(),
        prop::collection::vec(
            (line, prop_oneof![Just("\n"), Just("\r\n"), Just("\r\r\n")]),
            0..24,
        ),
        any::<bool>(),
    )
        .prop_map(|(bom, lines, final_newline)| {
            let mut bytes = if bom {
                b"\xEF\xBB\xBF".to_vec()
            } else {
                Vec::new()
            };
            let n = lines.len();
            for (i, (line, eol)) in lines.into_iter().enumerate() {
                bytes.extend_from_slice(line.as_bytes());
                if i + 1 < n || final_newline {
                    bytes.extend_from_slice(eol.as_bytes());
                }
            }
            bytes
        })
}

/// New lines for a batch: dates near the note's, some the same, some far; texts of every
/// kind, including ones the batch must leave to the full rules (a line break, an empty
/// text, a year the reader does not read back).
fn new_lines() -> impl Strategy<Value = Vec<(NaiveDate, &'static str)>> {
    let odd = prop::sample::select(vec![
        NaiveDate::from_ymd_opt(999, 12, 31).unwrap_or_default(),
        NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(),
        NaiveDate::from_ymd_opt(12345, 1, 1).unwrap_or_default(),
    ]);
    let text = prop::sample::select(vec![
        "meeting: Q3 planning",
        "",
        "  ",
        "email: re: the deck",
        "call #gave",
        "two\nlines",
        "`code`",
        "[[Pat]] lunch",
    ]);
    prop::collection::vec((prop_oneof![8 => date(), 1 => odd], text), 0..30)
}

/// The lines added one after another, the reference the batch must equal.
fn one_by_one(
    bytes: &[u8],
    lines: &[(NaiveDate, &str)],
) -> Result<Vec<u8>, vault_notes::edit::EditError> {
    lines
        .iter()
        .try_fold(bytes.to_vec(), |bytes, &(date, rest)| {
            add_log_line(&bytes, date, rest)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn a_batch_of_log_lines_is_the_lines_added_one_by_one(
        bytes in prop_oneof![spec().prop_map(|s| s.render()), soup()],
        lines in new_lines(),
    ) {
        let batch = add_log_lines(&bytes, &lines);
        let reference = one_by_one(&bytes, &lines);
        prop_assert_eq!(
            batch.as_ref().map(|b| String::from_utf8_lossy(b).into_owned()),
            reference.as_ref().map(|b| String::from_utf8_lossy(b).into_owned()),
            "note {:?}", String::from_utf8_lossy(&bytes)
        );
        prop_assert_eq!(batch, reference);
    }

    #[test]
    fn a_batch_on_a_logseq_page_is_the_blocks_added_one_by_one(
        bytes in soup(),
        lines in new_lines(),
    ) {
        let graph = Logseq::default();
        let batch = add_page_log_lines(&bytes, &lines, &graph);
        let reference = lines.iter().try_fold(bytes.clone(), |bytes, &(date, rest)| {
            add_page_log_line(&bytes, date, rest, &graph)
        });
        prop_assert_eq!(batch, reference, "note {:?}", String::from_utf8_lossy(&bytes));
    }
}
