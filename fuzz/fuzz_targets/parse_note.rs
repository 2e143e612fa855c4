//! Bytes of a note -> parsed note -> index and cross-note checks: nothing may panic, and
//! the YAML reader's budget holds (front matter is read through the fast path or the
//! library, under its depth, value and alias limits).
#![no_main]

use libfuzzer_sys::fuzz_target;
use vault_notes::{ReadOptions, parse_note};

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions::default();
    // The same bytes as a person note, a daily note and a plain note take different paths.
    let notes: Vec<_> = ["People/Fuzz.md", "Journal/2026-11-20.md", "Notes/Fuzz.md"]
        .iter()
        .map(|path| parse_note(path, data, &options).note)
        .collect();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let index = vault_index::build(&notes, &vault_index::Config::default(), today);
    let _ = vault_index::cross_note_problems(&notes, today);
    assert!(index.people.len() <= 3);
    // The YAML reader alone, on the bytes as front matter.
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = vault_notes::yaml::parse_with_library(text);
        if let Some(simple) = vault_notes::yaml::parse_simple(text) {
            assert_eq!(Ok(simple), vault_notes::yaml::parse_with_library(text));
        }
    }
});
