//! Bytes of a `logseq/config.edn` -> the graph `vault` would read: nothing may panic,
//! every problem has a place, and the formats read give dates that format and read back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // `vault` reads config.edn as UTF-8 text; other bytes are refused before parsing.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let config = vault_notes::read_logseq_config(text);
    for problem in &config.problems {
        assert!(problem.line >= 1 && problem.column >= 1, "{problem:?}");
    }
    let graph = config.graph();
    let Some(day) = chrono::NaiveDate::from_ymd_opt(2026, 11, 26) else {
        return;
    };
    let _ = graph.title_format.parse(&graph.title_format.format(day));
    let _ = config.journal_file_names().format(day);
    for name in [&graph.pages_folder, &graph.journals_folder] {
        let _ = vault_notes::file_name_to_page(name, graph.file_names);
    }
});
