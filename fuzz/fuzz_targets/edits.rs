//! Bytes of a note -> every lossless edit: nothing may panic, an edit that succeeds
//! keeps the bytes before and after the changed line, and a batch of log lines is the
//! lines added one by one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vault_notes::edit::{add_log_line, add_log_lines, complete_task, remove_property, set_property};

fuzz_target!(|data: &[u8]| {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
    if let Ok(after) = add_log_line(data, date, "coffee: fuzz") {
        // The original bytes are all still there, in order, around the new line.
        let prefix = data.iter().zip(&after).take_while(|(a, b)| a == b).count();
        let suffix = data.iter().rev().zip(after.iter().rev()).take_while(|(a, b)| a == b).count();
        assert!(prefix + suffix >= data.len(), "bytes lost");
    }
    // Dates around the note's own, from the last bytes: the same, older, newer.
    let lines: Vec<(chrono::NaiveDate, &str)> = data
        .iter()
        .rev()
        .take(6)
        .map(|&b| (date - chrono::Days::new(u64::from(b) * 7), "meeting: fuzz"))
        .collect();
    let one_by_one = lines
        .iter()
        .try_fold(data.to_vec(), |bytes, &(date, rest)| add_log_line(&bytes, date, rest));
    assert_eq!(add_log_lines(data, &lines), one_by_one, "batch differs");
    if let Ok(after) = set_property(data, &["snooze_until", "prm-snooze-until"], "2026-12-15") {
        let _ = remove_property(&after, &["snooze_until", "prm-snooze-until"]);
    }
    let line = data.first().copied().map_or(1, u32::from);
    let _ = complete_task(data, line, date);
});
