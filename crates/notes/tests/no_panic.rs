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
        // The YAML library's path: anchors, aliases, tags, nesting, flow collections.
        Just("a: &x [1, {b: *x}]\n".to_owned()),
        Just("b: *x\n".to_owned()),
        Just("c: [*x, *x, *x, *x]\n".to_owned()),
        Just("d: !!str 030\n".to_owned()),
        Just("e: {f: [g, {h: i}]}\n".to_owned()),
        Just("<<: *x\n".to_owned()),
        Just("? [k]\n: v\n".to_owned()),
        Just("[[[[[[[[".to_owned()),
        Just("{a: {b: ".to_owned()),
        Just("]]]]}}}}".to_owned()),
        Just("  - item\n".to_owned()),
        Just("x: |\n  block\n".to_owned()),
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

/// Front matter past the YAML reader's budget is a `yaml-limit` error, never a long parse.
#[test]
fn hostile_front_matter_is_refused_with_a_diagnostic() {
    let deep_list = format!(
        "---\ninterests: {}{}\n---\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let deep_map = format!(
        "---\nx: {}b{}\n---\n",
        "{a: ".repeat(10_000),
        "}".repeat(10_000)
    );
    let big = "x".repeat(100_000);
    let aliases = format!(
        "---\nbig: &a \"{big}\"\nrefs: [{}]\n---\n",
        vec!["*a"; 1_000].join(", ")
    );
    let nested_aliases = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n\
         c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n\
         e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n---\n"
        .to_owned();
    let many_values = format!(
        "---\nx: {{{}}}\n---\n",
        (0..150_000)
            .map(|i| format!("k{i}: {i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for text in [deep_list, deep_map, aliases, nested_aliases, many_values] {
        check(text.as_bytes());
        let parsed = parse_note("People/P.md", text.as_bytes(), &ReadOptions::default());
        let codes: Vec<_> = parsed.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["yaml-limit"], "{:?}", parsed.diagnostics);
        // At the construct past the limit, inside the front matter.
        let line = parsed.diagnostics[0].line as usize;
        assert!((2..=7).contains(&line), "{}", parsed.diagnostics[0]);
    }
}

/// Many keys and many aliases are read in linear time: quadratic work on 200,000 entries
/// would take minutes.
#[test]
fn many_keys_and_aliases_are_read() {
    let keys: String = (0..200_000).map(|i| format!("k{i}: v\n")).collect();
    let parsed = parse_note(
        "People/P.md",
        format!("---\nname: P\n{keys}---\n").as_bytes(),
        &ReadOptions::default(),
    );
    assert!(
        parsed.diagnostics.is_empty(),
        "{:?}",
        &parsed.diagnostics[..1]
    );
    let aliases: String = (0..200_000).map(|i| format!("  - alias{i}\n")).collect();
    let parsed = parse_note(
        "People/P.md",
        format!("---\nname: P\naliases:\n{aliases}---\n").as_bytes(),
        &ReadOptions::default(),
    );
    let person = parsed.note.person.expect("a person");
    assert_eq!(person.aliases.len(), 200_000);
}
