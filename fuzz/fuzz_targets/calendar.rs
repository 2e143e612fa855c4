//! Bytes of an .ics file -> events: nothing may panic or hang, and every answer holds.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use vault::import::calendar::{MAX_ATTENDEES, latest_occurrence, read_calendar};

fuzz_target!(|data: &[u8]| {
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    let mut events = Vec::new();
    for item in read_calendar(data) {
        match item {
            Ok(event) => {
                assert!(event.attendees.len() <= MAX_ATTENDEES);
                assert!(event.attendees.len() <= event.attendee_count as usize);
                events.push(event);
            }
            Err(bad) => assert!(bad.line >= 1 && bad.column >= 1, "{bad}"),
        }
    }
    for event in &events {
        let latest = latest_occurrence(event, &events, day);
        if let Some(occurrence) = latest.occurrence {
            assert!(occurrence.date <= day);
        }
    }
});
