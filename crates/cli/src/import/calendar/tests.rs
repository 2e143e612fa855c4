use std::path::PathBuf;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/import/history")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(bytes: &[u8]) -> (Vec<Event>, Vec<BadRecord>) {
    let mut events = Vec::new();
    let mut bad = Vec::new();
    for item in read_calendar(bytes) {
        match item {
            Ok(e) => events.push(e),
            Err(b) => bad.push(b),
        }
    }
    (events, bad)
}

fn one(text: &str) -> Event {
    let (events, bad) = read(text.as_bytes());
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(events.len(), 1, "{events:?}");
    events.into_iter().next().expect("one event")
}

fn event(body: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u1\r\n{body}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

#[test]
fn google_export() {
    let (events, bad) = read(&fixture("google.ics"));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(events.len(), 6);
    let series = &events[0];
    assert_eq!(series.summary.as_deref(), Some("Sharon / me 1:1"));
    assert_eq!(series.start_date, d("2026-09-24"));
    assert_eq!(series.zone, StartZone::Zoned("Europe/Berlin".into()));
    assert_eq!(series.start_time, NaiveTime::from_hms_opt(10, 0, 0));
    // The VALARM's ATTENDEE (the reminder's recipient) is not an attendee of the event.
    assert_eq!(series.attendee_count, 2);
    assert_eq!(
        series.attendees[0].email.as_deref(),
        Some("sharon.lee@initech.example")
    );
    assert_eq!(series.attendees[0].name.as_deref(), Some("Sharon Lee"));
    // Google writes CN=the address when it knows no name.
    assert_eq!(series.attendees[1].name, None);
    let rec = series.recurrence.as_ref().expect("a series");
    assert_eq!(rec.exdates, vec![d("2026-10-15")]);
    assert_eq!(
        rec.rule.as_ref().map(|r| r.frequency),
        Some(Frequency::Weekly)
    );
    let moved = &events[1];
    assert_eq!(moved.recurrence_id, Some(d("2026-10-22")));
    assert_eq!(moved.start_date, d("2026-10-23"));
    assert_eq!(events[2].status, EventStatus::Cancelled);

    let planning = &events[3];
    assert_eq!(planning.zone, StartZone::Utc);
    assert_eq!(planning.start_date, d("2026-10-02"));
    // The fold splits the ü of Düsseldorf between two lines.
    assert_eq!(
        planning.summary.as_deref(),
        Some("Q3 planning – Überblick, Ziele und die nächste Schritte für Düsseldorf")
    );
    let dana = &planning.attendees[1];
    assert!(dana.declined);
    assert_eq!(dana.partstat, PartStat::Declined);
    assert_eq!(planning.attendees[3].user_type, UserType::Resource);
    assert_eq!(
        planning.organizer.as_ref().and_then(|o| o.name.as_deref()),
        Some("Priya Raman")
    );

    let holiday = &events[4];
    assert!(holiday.all_day);
    assert!(holiday.attendees.is_empty() && holiday.organizer.is_none());
    assert_eq!(holiday.end_date, Some(d("2026-10-04")));

    assert_eq!(events[5].attendee_count, 20);
    assert_eq!(events[5].attendees.len(), 20);
}

#[test]
fn latest_occurrence_of_the_google_series() {
    let (events, _) = read(&fixture("google.ics"));
    let series = &events[0];
    let overrides = &events[1..3];
    let on = |day: &str| {
        let got = latest_occurrence(series, overrides, d(day));
        assert!(!got.capped);
        got.occurrence
            .map(|o| (o.date, o.event.summary.clone().unwrap_or_default()))
    };
    assert_eq!(on("2026-09-23"), None);
    assert_eq!(
        on("2026-09-24"),
        Some((d("2026-09-24"), "Sharon / me 1:1".into()))
    );
    // 10-15 is an EXDATE: the latest before 10-21 is 10-08.
    assert_eq!(
        on("2026-10-21"),
        Some((d("2026-10-08"), "Sharon / me 1:1".into()))
    );
    // 10-22 moved to 10-23: on the 22nd the latest is still 10-08.
    assert_eq!(
        on("2026-10-22"),
        Some((d("2026-10-08"), "Sharon / me 1:1".into()))
    );
    assert_eq!(
        on("2026-10-23"),
        Some((d("2026-10-23"), "Sharon / me 1:1 (moved)".into()))
    );
    // 11-19 is cancelled: the latest on 11-23 is 11-12.
    assert_eq!(
        on("2026-11-23"),
        Some((d("2026-11-12"), "Sharon / me 1:1".into()))
    );
    assert_eq!(
        on("2026-11-26"),
        Some((d("2026-11-26"), "Sharon / me 1:1".into()))
    );
    // Without its overrides, the series falls on 10-22 and 11-19.
    let got = latest_occurrence(series, &[], d("2026-11-23"));
    assert_eq!(got.occurrence.map(|o| o.date), Some(d("2026-11-19")));
    // An event without recurrence is its own occurrence.
    let single = &events[3];
    assert_eq!(
        latest_occurrence(single, &[], d("2026-11-23"))
            .occurrence
            .map(|o| o.date),
        Some(d("2026-10-02"))
    );
    assert!(
        latest_occurrence(single, &[], d("2026-10-01"))
            .occurrence
            .is_none()
    );
}

#[test]
fn outlook_export() {
    let (events, bad) = read(&fixture("outlook.ics"));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(events.len(), 3);
    let sync = &events[0];
    assert_eq!(
        sync.zone,
        StartZone::Zoned("W. Europe Standard Time".into())
    );
    // MAILTO: in upper case, a quoted name with a comma, an unquoted one with a comma.
    let organizer = sync.organizer.as_ref().expect("organizer");
    assert_eq!(organizer.email.as_deref(), Some("Jane.Doe@Contoso.example"));
    assert_eq!(organizer.name.as_deref(), Some("Jane Doe"));
    assert_eq!(sync.attendees[1].name.as_deref(), Some("Piotr Kowalski"));
    assert_eq!(sync.summary.as_deref(), Some("Contoso / Acme monthly sync"));
    // Last working day of each month, 24 times from January 2026.
    let got = latest_occurrence(sync, &[], d("2026-11-29"));
    assert_eq!(got.occurrence.map(|o| o.date), Some(d("2026-10-30")));
    let got = latest_occurrence(sync, &[], d("2030-01-01"));
    assert_eq!(got.occurrence.map(|o| o.date), Some(d("2027-12-31")));

    let coffee = &events[1];
    assert_eq!(
        coffee.attendees[0].email.as_deref(),
        Some("emilie.dubois@fabrikam.example")
    );
    assert_eq!(coffee.attendees[0].name.as_deref(), Some("Émilie Dubois"));
    assert_eq!(coffee.end_date, Some(d("2026-11-10")));
    let cancelled = &events[2];
    assert_eq!(cancelled.status, EventStatus::Cancelled);
    assert!(
        latest_occurrence(cancelled, &[], d("2027-01-01"))
            .occurrence
            .is_none()
    );
}

#[test]
fn apple_export() {
    let (events, bad) = read(&fixture("apple.ics"));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(events.len(), 3);
    let lunch = &events[0];
    // Apple's EMAIL= parameter beside a urn:uuid value.
    assert_eq!(
        lunch.attendees[0].email.as_deref(),
        Some("jose.nunez@example.pt")
    );
    assert_eq!(lunch.attendees[0].name.as_deref(), Some("José Núñez"));
    assert_eq!(
        lunch.organizer.as_ref().and_then(|o| o.email.as_deref()),
        Some("me@example.com")
    );
    let club = &events[1];
    assert_eq!(club.zone, StartZone::Floating);
    assert_eq!(
        club.summary.as_deref(),
        Some("Book club: \"The Mythical Man-Month\"")
    );
    assert_eq!(
        club.attendees[0].name.as_deref(),
        Some("Bob \"The Builder\" Smith")
    );
    assert_eq!(club.attendees[0].partstat, PartStat::Tentative);
    let got = latest_occurrence(club, &[], d("2026-11-30"));
    assert_eq!(got.occurrence.map(|o| o.date), Some(d("2026-11-17")));
    let leap = &events[2];
    let got = latest_occurrence(leap, &[], d("2027-06-01"));
    assert_eq!(got.occurrence.map(|o| o.date), Some(d("2024-02-29")));
    let got = latest_occurrence(leap, &[], d("2028-03-01"));
    assert_eq!(got.occurrence.map(|o| o.date), Some(d("2028-02-29")));
}

#[test]
fn truncated_file_is_a_bad_record_and_the_rest_comes_out() {
    let (events, bad) = read(&fixture("truncated.ics"));
    assert_eq!(events.len(), 1, "the first, whole event");
    assert_eq!(bad.len(), 1, "{bad:?}");
    let begin = fixture("truncated.ics")
        .split(|b| *b == b'\n')
        .enumerate()
        .filter(|(_, l)| l.starts_with(b"BEGIN:VEVENT"))
        .map(|(i, _)| i as u64 + 1)
        .nth(1)
        .expect("a second event");
    assert_eq!(bad[0].line, begin);
    assert!(
        bad[0].message.contains("never closed"),
        "{}",
        bad[0].message
    );
}

#[test]
fn binary_garbage_is_one_bad_record() {
    let mut noise = Vec::new();
    let mut x: u32 = 7;
    for _ in 0..20_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        noise.push((x >> 16) as u8);
    }
    let (events, bad) = read(&noise);
    assert!(events.is_empty());
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0].line, 1);
    assert!(
        bad[0].message.contains("more such lines"),
        "{}",
        bad[0].message
    );
}

#[test]
fn an_unclosed_event_before_the_next_one() {
    let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20261001\nBEGIN:VEVENT\nUID:b\nDTSTART:20261002\nEND:VEVENT\nEND:VCALENDAR\n";
    let (events, bad) = read(text.as_bytes());
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].uid.as_deref(), Some("b"));
    assert_eq!((bad[0].line, bad[0].column), (2, 1));
    // END:VCALENDAR closing an open event.
    let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261001\nEND:VCALENDAR\n";
    let (events, bad) = read(text.as_bytes());
    assert!(events.is_empty());
    assert!(
        bad[0].message.contains("END:VCALENDAR"),
        "{}",
        bad[0].message
    );
}

#[test]
fn bad_dtstart_skips_that_event_with_its_position() {
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Europe/Berlin:2026-10-02 09:00\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART:20261003\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let (events, bad) = read(text.as_bytes());
    assert_eq!(events.len(), 1);
    assert_eq!(bad.len(), 1);
    assert_eq!((bad[0].line, bad[0].column), (3, 28));
    assert!(bad[0].message.starts_with("DTSTART:"), "{}", bad[0].message);
    let (events, bad) = read(event("SUMMARY:x").as_bytes());
    assert!(events.is_empty());
    assert!(bad[0].message.contains("without DTSTART"));
    for bad_value in [
        "20261302",
        "20261002T250000",
        "20261002T0900",
        "20261002X",
        "2026100",
    ] {
        let (events, bad) = read(event(&format!("DTSTART:{bad_value}")).as_bytes());
        assert!(events.is_empty() && bad.len() == 1, "{bad_value}");
    }
    let (_, bad) = read(event("DTSTART;VALUE=DATE:20261002T090000").as_bytes());
    assert!(bad[0].message.contains("VALUE=DATE"));
}

#[test]
fn dates_as_written() {
    let e = one(&event("DTSTART;TZID=Europe/Berlin:20261002T090000"));
    assert_eq!((e.start_date, e.all_day), (d("2026-10-02"), false));
    let e = one(&event("DTSTART:20261002T233000Z"));
    assert_eq!((e.start_date, e.zone), (d("2026-10-02"), StartZone::Utc));
    let e = one(&event("DTSTART:20261002T090000"));
    assert_eq!(e.zone, StartZone::Floating);
    let e = one(&event("DTSTART;VALUE=DATE:20261002"));
    assert!(e.all_day && e.start_time.is_none());
    let e = one(&event("DTSTART:20261002T090000\r\nDURATION:P1DT12H"));
    assert_eq!(e.end_date, Some(d("2026-10-03")));
    let e = one(&event("DTSTART:20261002T090000\r\nDTEND:20261002T100000"));
    assert_eq!(e.end_date, Some(d("2026-10-02")));
}

#[test]
fn bad_side_properties_are_reported_and_the_event_kept() {
    let (events, bad) = read(
        event("DTSTART:20261002T090000\r\nDURATION:1 hour\r\nRRULE:FREQ=WEEKLY;BYWEEKNO=3")
            .as_bytes(),
    );
    assert_eq!(events.len(), 1);
    assert!(events[0].recurrence.is_none());
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert_eq!((bad[0].line, bad[0].column), (5, 10));
    assert_eq!((bad[1].line, bad[1].column), (6, 19));
    assert!(bad[1].message.contains("BYWEEKNO is not supported"));
}

#[test]
fn text_escapes_and_folds() {
    let e = one(&event(
        "DTSTART:20261002\r\nSUMMARY:a\\, b\\; c\\nd\\\\e\\N",
    ));
    assert_eq!(e.summary.as_deref(), Some("a, b; c\nd\\e\n"));
    // A fold keeps the space before it; tabs fold too.
    let e = one(&event(
        "DTSTART:20261002\r\nSUMMARY:Coffee \r\n with\r\n\t Sharon",
    ));
    assert_eq!(e.summary.as_deref(), Some("Coffee with Sharon"));
    // LF only, a byte-order mark, blank lines.
    let text = "\u{feff}BEGIN:VCALENDAR\n\nBEGIN:VEVENT\nDTSTART:20261002\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR";
    assert_eq!(one(text).summary.as_deref(), Some("x"));
}

#[test]
fn attendee_forms() {
    let e = one(&event(
        "DTSTART:20261002\r\n\
         ATTENDEE;CN=\"Núñez, José\";PARTSTAT=declined:MAILTO:jose@example.pt\r\n\
         ATTENDEE;CN=Plain Name:mailto:plain@example.com\r\n\
         ATTENDEE;PARTSTAT=ACCEPTED;CUTYPE=ROOM:mailto:room@example.com\r\n\
         ATTENDEE:urn:uuid:1234\r\n\
         ATTENDEE;CN=\"a;b:c\";X-X=\"q\":mailto:semi@example.com",
    ));
    let a = &e.attendees;
    // Exchange's `Family, Given` is the name a note has.
    assert_eq!(a[0].name.as_deref(), Some("José Núñez"));
    assert_eq!(a[0].email.as_deref(), Some("jose@example.pt"));
    assert!(a[0].declined);
    assert_eq!(a[1].partstat, PartStat::NeedsAction);
    assert_eq!(a[2].user_type, UserType::Room);
    assert_eq!(a[3].email, None);
    assert_eq!(a[4].name.as_deref(), Some("a;b:c"));
    assert_eq!(a[4].email.as_deref(), Some("semi@example.com"));
}

#[test]
fn a_line_in_the_ansi_code_page_is_windows_1252() {
    // Outlook 2003 wrote the ANSI code page; a line that is UTF-8 stays UTF-8.
    let mut bytes = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261101T100000Z\r\n".to_vec();
    bytes.extend_from_slice(b"ATTENDEE;CN=Chlo\xe9 Martin:MAILTO:chloe@fabrikam.example\r\n");
    bytes.extend_from_slice("SUMMARY:Café – réunion\r\n".as_bytes());
    bytes.extend_from_slice(b"END:VEVENT\r\nEND:VCALENDAR\r\n");
    let (events, bad) = read(&bytes);
    assert!(bad.is_empty(), "{bad:?}");
    let chloe = &events[0].attendees[0];
    assert_eq!(chloe.name.as_deref(), Some("Chloé Martin"));
    assert_eq!(chloe.email.as_deref(), Some("chloe@fabrikam.example"));
    assert_eq!(events[0].summary.as_deref(), Some("Café – réunion"));
}

#[test]
fn utf_16_with_a_byte_order_mark_is_read() {
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261101T100000Z\r\n\
                ATTENDEE;CN=Chloé Martin:MAILTO:chloe@fabrikam.example\r\n\
                SUMMARY:Café\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    for bom_and_units in [
        [
            &[0xFF, 0xFE][..],
            &text
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<_>>(),
        ]
        .concat(),
        [
            &[0xFE, 0xFF][..],
            &text
                .encode_utf16()
                .flat_map(u16::to_be_bytes)
                .collect::<Vec<_>>(),
        ]
        .concat(),
    ] {
        let (events, bad) = read(&bom_and_units);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].attendees[0].name.as_deref(), Some("Chloé Martin"));
        assert_eq!(events[0].summary.as_deref(), Some("Café"));
    }
}

#[test]
fn only_a_name_of_words_around_one_comma_is_turned() {
    for (cn, name) in [
        ("Doe, John", "John Doe"),
        ("O'Brien-Smith, Mary Ann", "Mary Ann O'Brien-Smith"),
        ("Acme, Inc.", "Acme, Inc."),
        ("Smith, Jr., John", "Smith, Jr., John"),
        ("Room 4, Floor 2", "Room 4, Floor 2"),
        ("Ben Okoro", "Ben Okoro"),
    ] {
        let e = one(&event(&format!(
            "DTSTART:20261002\r\nATTENDEE;CN=\"{cn}\":mailto:a@example.com"
        )));
        assert_eq!(e.attendees[0].name.as_deref(), Some(name), "{cn}");
    }
}

#[test]
fn attendees_are_capped_and_counted() {
    let mut body = String::from("DTSTART:20261002");
    for i in 0..(MAX_ATTENDEES + 50) {
        body.push_str(&format!("\r\nATTENDEE:mailto:p{i}@example.com"));
    }
    let e = one(&event(&body));
    assert_eq!(e.attendees.len(), MAX_ATTENDEES);
    assert_eq!(e.attendee_count as usize, MAX_ATTENDEES + 50);
}

#[test]
fn an_overlong_line_is_cut_and_reported() {
    let long = "x".repeat(MAX_LINE_BYTES + 10);
    let (events, bad) = read(event(&format!("DTSTART:20261002\r\nDESCRIPTION:{long}")).as_bytes());
    assert_eq!(events.len(), 1);
    assert_eq!(bad.len(), 1);
    assert!(bad[0].message.contains("longer than"));
}

#[test]
fn deep_nesting_is_bounded() {
    let mut text = String::from("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261002\n");
    for _ in 0..100 {
        text.push_str("BEGIN:X\nATTENDEE:mailto:deep@example.com\n");
    }
    for _ in 0..100 {
        text.push_str("END:X\n");
    }
    text.push_str("END:VEVENT\nEND:VCALENDAR\n");
    let (events, bad) = read(text.as_bytes());
    assert_eq!(events.len(), 1);
    assert!(events[0].attendees.is_empty());
    assert_eq!(bad.len(), 1, "{bad:?}");
}

#[test]
fn overrides_and_exdates() {
    let series = one(&event(
        "DTSTART:20261001T090000\r\nRRULE:FREQ=DAILY;COUNT=10\r\nEXDATE:20261010T090000,20261009T090000",
    ));
    let got = latest_occurrence(&series, &[], d("2026-12-01"));
    assert_eq!(got.occurrence.map(|o| o.date), Some(d("2026-10-08")));
    let moved_back = one(&event(
        "DTSTART:20260925T090000\r\nRECURRENCE-ID:20261008T090000",
    ));
    let got = latest_occurrence(&series, std::slice::from_ref(&moved_back), d("2026-12-01"));
    assert_eq!(got.occurrence.map(|o| o.date), Some(d("2026-10-07")));
    // An override of another series is not this one's.
    let mut other = moved_back.clone();
    other.uid = Some("other".into());
    let got = latest_occurrence(&series, std::slice::from_ref(&other), d("2026-12-01"));
    assert_eq!(got.occurrence.map(|o| o.date), Some(d("2026-10-08")));
    // A cancelled series has no occurrence.
    let mut cancelled = series.clone();
    cancelled.status = EventStatus::Cancelled;
    assert!(
        latest_occurrence(&cancelled, &[], d("2026-12-01"))
            .occurrence
            .is_none()
    );
}

#[test]
fn secondly_rule_does_not_hang() {
    let e = one(&event(
        "DTSTART:20200101T000000Z\r\nRRULE:FREQ=SECONDLY;COUNT=1000000000",
    ));
    let start = std::time::Instant::now();
    let got = latest_occurrence(&e, &[], d("2026-11-23"));
    assert_eq!(got.occurrence.map(|o| o.date), Some(d("2026-11-23")));
    // A million seconds from new year's midnight end on January 12th.
    let e = one(&event(
        "DTSTART:20200101T000000Z\r\nRRULE:FREQ=SECONDLY;COUNT=1000000",
    ));
    let got = latest_occurrence(&e, &[], d("2026-11-23"));
    assert_eq!(got.occurrence.map(|o| o.date), Some(d("2020-01-12")));
    assert!(start.elapsed().as_secs() < 2);
}

#[test]
fn reads_through_a_reader_in_small_pieces() {
    // One byte per read: folds and line breaks across every boundary.
    struct Trickle<'a>(&'a [u8]);
    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((b, rest)), Some(slot)) => {
                    *slot = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }
    let bytes = fixture("google.ics");
    let whole: Vec<_> = read_calendar(bytes.as_slice()).collect();
    let trickled: Vec<_> = read_calendar(Trickle(&bytes)).collect();
    assert_eq!(whole, trickled);
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for e in read_calendar(bytes.as_slice()).take(10_000).flatten() {
            let _ = latest_occurrence(&e, &[], d("2026-11-23"));
        }
    }

    #[test]
    fn arbitrary_content_lines_never_panic(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("BEGIN:VEVENT".to_string()),
                Just("END:VEVENT".to_string()),
                Just("BEGIN:VALARM".to_string()),
                Just("END:VALARM".to_string()),
                "DTSTART(;VALUE=DATE|;TZID=[A-Z]{1,3})?:[0-9]{8}(T[0-9]{6}Z?)?",
                "RRULE:FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY|HOURLY)(;INTERVAL=[0-9]{1,3})?(;COUNT=[0-9]{1,6})?(;BYDAY=(-?[0-9])?(MO|FR))?(;BYMONTHDAY=-?[0-9]{1,2})?(;BYSETPOS=-?[0-9])?",
                "EXDATE:[0-9]{8}",
                "RECURRENCE-ID:[0-9]{8}",
                "ATTENDEE(;CN=\"[^\"]{0,5}\")?(;PARTSTAT=[A-Z]{1,8})?:(mailto:)?[a-z@.]{0,8}",
                "[ \t]?[ -~]{0,20}",
            ],
            0..40,
        )
    ) {
        let text = lines.join("\r\n");
        let items: Vec<_> = read_calendar(text.as_bytes()).collect();
        let events: Vec<&Event> = items.iter().filter_map(|i| i.as_ref().ok()).collect();
        for e in &events {
            let all: Vec<Event> = events.iter().map(|e| (*e).clone()).collect();
            let got = latest_occurrence(e, &all, d("2026-11-23"));
            if let Some(o) = got.occurrence {
                prop_assert!(o.date <= d("2026-11-23"));
            }
        }
    }
}
