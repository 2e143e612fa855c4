//! Property tests: reading never panics, whatever the bytes, and every diagnostic points
//! inside the note.

use proptest::prelude::*;
use vault_notes::{ReadOptions, parse_note};

/// Pieces real notes are made of, including the awkward ones.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---\n".to_owned()),
        Just("...\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n".to_owned()),
        Just("\u{FEFF}".to_owned()),
        Just("name: Ann\n".to_owned()),
        Just("cadence: {{date}}\n".to_owned()),
        Just("aliases: [a, \"b\n".to_owned()),
        Just("date: 2026-02-30\n".to_owned()),
        Just("people: [\"[[Ann]]\"]\n".to_owned()),
        Just("- 2026-10-02 coffee: hi #gave\n".to_owned()),
        Just("- [[2026-10-02|x]] call\n".to_owned()),
        Just("### 2026-10-02\n".to_owned()),
        Just("- [ ] task 📅 2026-11-3".to_owned()),
        Just("[due:: 2026-11-30]".to_owned()),
        Just("[[".to_owned()),
        Just("]]".to_owned()),
        Just("[[a|b#c^d]]".to_owned()),
        Just("`".to_owned()),
        Just("```\n".to_owned()),
        Just("    indented\n".to_owned()),
        Just("> - [ ] quoted\n".to_owned()),
        Just("<<<<<<< HEAD\n".to_owned()),
        Just("é漢🎉".to_owned()),
        "[ -~]{0,12}",
    ]
}

fn note_text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|parts| parts.concat())
}

fn check(bytes: &[u8]) {
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    for path in ["People/P.md", "Journal/2026-11-20.md", "Notes/N.md"] {
        let parsed = parse_note(path, bytes, &ReadOptions::default());
        for d in &parsed.diagnostics {
            assert!(d.line as usize <= lines, "{d} beyond {lines} lines");
            assert!(d.line >= 1 && d.column >= 1);
        }
        for log in &parsed.note.log {
            assert!(log.line as usize <= lines);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        check(&bytes);
    }

    #[test]
    fn note_like_text_never_panics(text in note_text()) {
        check(text.as_bytes());
    }
}

#[test]
fn pathological_inputs_finish() {
    let deep_list: String = (0..5000)
        .map(|i| format!("{}- item\n", "  ".repeat(i % 200)))
        .collect();
    let deep_quote = format!("{}text\n", ">".repeat(20_000));
    let many_lines = "- 2026-10-02 call\n".repeat(100_000);
    let long_line = "[[".repeat(1_000_000) + &"x".repeat(8_000_000);
    let many_backticks = "`".repeat(200_000);
    for text in [deep_list, deep_quote, many_lines, long_line, many_backticks] {
        check(text.as_bytes());
    }
}
