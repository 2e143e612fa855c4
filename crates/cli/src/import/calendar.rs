//! iCalendar (RFC 5545) files as Google Calendar, Apple Calendar and Outlook export them,
//! read as a stream of plain [`Event`] records, one VEVENT in memory at a time.
//!
//! Why our own parser: the crates of this job read a whole calendar at once (`calcard`'s
//! entry is a whole VCALENDAR, `icalendar` parses one `&str`), give no line numbers for
//! what they reject, or lose data on real exports (`ical` ends the stream at the first
//! line that is not UTF-8, which a fold inside a multi-byte character makes, and trims the
//! space before a fold). Here: CRLF or LF, folds joined as bytes before UTF-8 decoding,
//! text escapes, parameter values quoted or not, and every problem a [`BadRecord`] with
//! the line and column where it is, after which the other events still come out.
//!
//! Dates: [`Event::start_date`] is the date as written. For `TZID=` and floating times
//! that is the event's own local date; for UTC times (`…Z`) it is the UTC date, since
//! no time-zone database is consulted (a 08:00 meeting in Tokyo written in UTC is on the
//! previous day). VTIMEZONE blocks are read past.
//!
//! Bounds: a logical line keeps at most [`MAX_LINE_BYTES`] (the rest is skipped and
//! reported), a VEVENT keeps at most [`MAX_ATTENDEES`] attendees (all are counted in
//! [`Event::attendee_count`]), and components nest at most [`MAX_DEPTH`] deep.

pub mod recurrence;

use std::collections::VecDeque;
use std::io::Read;

use chrono::{Days, NaiveDate, NaiveTime};

use super::contact::without_bom;

pub use recurrence::{Frequency, Lookup, MAX_PERIODS, Recurrence, Rule, WeekdayNum};

/// The longest logical (unfolded) line kept; longer ones are cut and reported.
pub const MAX_LINE_BYTES: usize = 256 * 1024;
/// The most attendees one event keeps (a company-wide invitation can list thousands).
pub const MAX_ATTENDEES: usize = 200;
/// The deepest nesting of BEGIN/END read; deeper blocks are skipped whole.
pub const MAX_DEPTH: usize = 16;
/// The most EXDATE/RDATE dates one event keeps.
const MAX_DATES: usize = 10_000;

pub use super::BadRecord;

/// STATUS of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EventStatus {
    #[default]
    Confirmed,
    Tentative,
    Cancelled,
}

/// PARTSTAT of an attendee (RFC 5545 default: NEEDS-ACTION).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PartStat {
    #[default]
    NeedsAction,
    Accepted,
    Declined,
    Tentative,
    Delegated,
    /// COMPLETED, IN-PROCESS (to-dos) or an X- value.
    Other,
}

/// CUTYPE of an attendee: rooms and resources are not people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UserType {
    #[default]
    Individual,
    Group,
    Resource,
    Room,
    Unknown,
}

/// An ORGANIZER or ATTENDEE.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attendee {
    /// From `mailto:` (any case) or the `EMAIL=` parameter (Apple), as written.
    pub email: Option<String>,
    /// `CN=`, unquoted, RFC 6868 `^` escapes decoded, Exchange's `Doe, John` turned to
    /// `John Doe`; `None` when empty or just the email.
    pub name: Option<String>,
    pub declined: bool,
    pub partstat: PartStat,
    pub user_type: UserType,
}

/// How DTSTART was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartZone {
    /// `VALUE=DATE`: an all-day event.
    Date,
    /// A local time with no zone.
    Floating,
    /// `…Z`.
    Utc,
    /// `TZID=…`, the zone's name as written.
    Zoned(String),
}

/// One VEVENT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Line of its `BEGIN:VEVENT`.
    pub line: u32,
    pub uid: Option<String>,
    pub summary: Option<String>,
    /// The date as written (see the module's documentation for UTC).
    pub start_date: NaiveDate,
    /// `None` for all-day events.
    pub start_time: Option<NaiveTime>,
    pub zone: StartZone,
    pub all_day: bool,
    /// DTEND's date, or DTSTART + DURATION; exclusive for all-day events, as RFC 5545 says.
    pub end_date: Option<NaiveDate>,
    pub status: EventStatus,
    pub organizer: Option<Attendee>,
    /// At most [`MAX_ATTENDEES`].
    pub attendees: Vec<Attendee>,
    /// Every ATTENDEE line, kept or not.
    pub attendee_count: u32,
    pub recurrence: Option<Recurrence>,
    /// RECURRENCE-ID's date: this event replaces that occurrence of the series with its UID.
    pub recurrence_id: Option<NaiveDate>,
}

/// Reads events from an iCalendar stream; see the module's documentation.
pub fn read_calendar<R: Read>(reader: R) -> CalendarReader<R> {
    CalendarReader {
        // UTF-16 with a byte-order mark (some Windows tools) as UTF-8; other bytes as they are.
        lines: Lines::new(without_bom(reader)),
        pending: VecDeque::new(),
        stack: Vec::new(),
        event: None,
        junk: None,
        overflow: 0,
        done: false,
    }
}

/// The iterator of [`read_calendar`]: events, and the records that could not be read.
#[derive(Debug)]
pub struct CalendarReader<R> {
    lines: Lines<encoding_rs_io::DecodeReaderBytes<R, Vec<u8>>>,
    pending: VecDeque<Result<Event, BadRecord>>,
    /// Open components (upper case), outermost first.
    stack: Vec<String>,
    /// The VEVENT being read, and the depth of the stack where it opened.
    event: Option<(Draft, usize)>,
    /// A run of lines that are not content lines: first line, first column, count, reason.
    junk: Option<(u64, u32, u64, String)>,
    /// BEGINs past [`MAX_DEPTH`] not yet ended: their blocks are skipped.
    overflow: usize,
    done: bool,
}

/// A VEVENT being read.
#[derive(Debug, Default)]
struct Draft {
    line: u64,
    uid: Option<String>,
    summary: Option<String>,
    start: Option<(NaiveDate, Option<NaiveTime>, StartZone)>,
    end_date: Option<NaiveDate>,
    duration_days: Option<i64>,
    status: EventStatus,
    organizer: Option<Attendee>,
    attendees: Vec<Attendee>,
    attendee_count: u32,
    rule: Option<Rule>,
    exdates: Vec<NaiveDate>,
    rdates: Vec<NaiveDate>,
    recurrence_id: Option<NaiveDate>,
    /// A DTSTART that could not be read: the event cannot come out.
    fatal: Option<BadRecord>,
}

impl<R: Read> Iterator for CalendarReader<R> {
    type Item = Result<Event, BadRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            self.step();
        }
    }
}

impl<R: Read> CalendarReader<R> {
    fn bad(&mut self, line: u64, column: u32, message: impl Into<String>) {
        self.pending.push_back(Err(BadRecord {
            fatal: false,
            path: None,
            line,
            column,
            message: message.into(),
        }));
    }

    fn flush_junk(&mut self) {
        if let Some((line, column, count, reason)) = self.junk.take() {
            let message = if count == 1 {
                reason
            } else {
                format!("{reason} (and {} more such lines after it)", count - 1)
            };
            self.bad(line, column, message);
        }
    }

    /// Reads one logical line and acts on it.
    fn step(&mut self) {
        let logical = match self.lines.next_line() {
            Ok(Some(l)) => l,
            Ok(None) => {
                self.finish();
                return;
            }
            Err(err) => {
                let line = self.lines.line;
                self.flush_junk();
                self.bad(line, 1, format!("cannot read on: {err}"));
                self.finish();
                return;
            }
        };
        if logical.cut {
            let (line, column) = logical.position(MAX_LINE_BYTES);
            self.bad(
                line,
                column,
                format!(
                    "line longer than {} KiB, the rest is skipped",
                    MAX_LINE_BYTES / 1024
                ),
            );
        }
        // RFC 5545 says UTF-8, and a fold inside a character is mended by unfolding; a
        // line still not UTF-8 is from an exporter that wrote the ANSI code page (Outlook
        // 2003 and older): windows-1252, as the vCard and CSV readers take it.
        let transcoded;
        let bytes = match std::str::from_utf8(&logical.bytes) {
            Ok(_) => logical.bytes.as_slice(),
            // A line cut at the limit may end inside a character: the rest is skipped.
            Err(e) if logical.cut && e.error_len().is_none() => {
                logical.bytes.get(..e.valid_up_to()).unwrap_or_default()
            }
            Err(_) => {
                transcoded = encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&logical.bytes)
                    .0
                    .into_owned();
                transcoded.as_bytes()
            }
        };
        let parsed = match ContentLine::parse(bytes) {
            Ok(parsed) => parsed,
            Err((offset, reason)) => {
                let (line, column) = logical.position(offset);
                match &mut self.junk {
                    Some((_, _, count, _)) => *count += 1,
                    None => self.junk = Some((line, column, 1, reason)),
                }
                return;
            }
        };
        // Outside any component only BEGIN means anything: the rest is more of a run of
        // junk (binary garbage has lines that look like `X:…` by chance).
        if self.stack.is_empty() && self.overflow == 0 && parsed.name != "BEGIN" {
            let (line, column) = logical.position(0);
            match &mut self.junk {
                Some((_, _, count, _)) => *count += 1,
                None => {
                    let reason =
                        format!("`{}` outside BEGIN:VCALENDAR … END:VCALENDAR", parsed.name);
                    self.junk = Some((line, column, 1, reason));
                }
            }
            return;
        }
        self.flush_junk();
        self.content_line(&logical, parsed);
    }

    fn content_line(&mut self, logical: &Logical, cl: ContentLine<'_>) {
        match cl.name.as_str() {
            "BEGIN" => {
                let component = cl.value.trim().to_ascii_uppercase();
                if self.overflow > 0 || self.stack.len() >= MAX_DEPTH {
                    if self.overflow == 0 {
                        self.bad(
                            logical.line,
                            1,
                            format!("components nested more than {MAX_DEPTH} deep are skipped"),
                        );
                    }
                    self.overflow += 1;
                } else if component == "VEVENT" {
                    if let Some((draft, depth)) = self.event.take() {
                        self.unclosed(&draft, "another BEGIN:VEVENT");
                        // What the unclosed event held is closed with it.
                        self.stack.truncate(depth.saturating_sub(1));
                    }
                    self.stack.push(component);
                    self.event = Some((
                        Draft {
                            line: logical.line,
                            ..Draft::default()
                        },
                        self.stack.len(),
                    ));
                } else {
                    self.stack.push(component);
                }
            }
            "END" => {
                if self.overflow > 0 {
                    self.overflow -= 1;
                    return;
                }
                let component = cl.value.trim().to_ascii_uppercase();
                let Some(at) = self.stack.iter().rposition(|c| *c == component) else {
                    self.bad(
                        logical.line,
                        1,
                        format!("END:{component} without BEGIN:{component}"),
                    );
                    return;
                };
                if let Some((draft, depth)) = self.event.take() {
                    if at + 1 == depth && component == "VEVENT" {
                        let item = draft.finish();
                        self.pending.extend(item);
                    } else if at < depth {
                        // END of something around the event: the event was never closed.
                        self.unclosed(&draft, &format!("END:{component}"));
                    } else {
                        self.event = Some((draft, depth));
                    }
                }
                self.stack.truncate(at);
            }
            _ => {
                let Some((draft, depth)) = &mut self.event else {
                    return;
                };
                // Properties of a VALARM inside the event (its ATTENDEE is the alarm's
                // recipient) are not the event's.
                if self.stack.len() != *depth || self.overflow > 0 {
                    return;
                }
                let problems = draft.property(logical, &cl);
                for p in problems {
                    self.pending.push_back(Err(p));
                }
            }
        }
    }

    fn unclosed(&mut self, draft: &Draft, seen: &str) {
        self.bad(
            draft.line,
            1,
            format!(
                "BEGIN:VEVENT is never closed ({seen} came before END:VEVENT); the event is skipped"
            ),
        );
    }

    fn finish(&mut self) {
        self.flush_junk();
        if let Some((draft, _)) = self.event.take() {
            self.unclosed(&draft, "the end of the file");
            // Cut off at the end: the file is truncated, not merely sloppy.
            if let Some(Err(last)) = self.pending.back_mut() {
                last.fatal = true;
            }
        }
        self.done = true;
    }
}

impl Draft {
    /// Reads one property of the event; returns what could not be read.
    fn property(&mut self, logical: &Logical, cl: &ContentLine<'_>) -> Vec<BadRecord> {
        let mut problems = Vec::new();
        let mut bad = |offset: usize, message: String| {
            let (line, column) = logical.position(offset);
            problems.push(BadRecord {
                fatal: false,
                path: None,
                line,
                column,
                message,
            });
        };
        let value = cl.value;
        let at = cl.value_offset;
        match cl.name.as_str() {
            "UID" => self.uid = Some(value.trim().to_string()).filter(|v| !v.is_empty()),
            "SUMMARY" => self.summary = Some(unescape_text(value)).filter(|v| !v.trim().is_empty()),
            "STATUS" => {
                self.status = match value.trim().to_ascii_uppercase().as_str() {
                    "CANCELLED" | "CANCELED" => EventStatus::Cancelled,
                    "TENTATIVE" => EventStatus::Tentative,
                    _ => EventStatus::Confirmed,
                }
            }
            "DTSTART" => match date_time(cl) {
                Ok(start) => self.start = Some(start),
                Err(message) => {
                    let (line, column) = logical.position(at);
                    self.fatal = Some(BadRecord {
                        fatal: false,
                        path: None,
                        line,
                        column,
                        message: format!("DTSTART: {message}; the event is skipped"),
                    });
                }
            },
            "DTEND" => match date_time(cl) {
                Ok((date, _, _)) => self.end_date = Some(date),
                Err(message) => bad(at, format!("DTEND: {message}")),
            },
            "DURATION" => match duration_days(value.trim()) {
                Some(days) => self.duration_days = Some(days),
                None => bad(
                    at,
                    format!(
                        "DURATION `{}` is not a duration (like PT1H or P1D)",
                        value.trim()
                    ),
                ),
            },
            "RECURRENCE-ID" => match date_time(cl) {
                Ok((date, _, _)) => self.recurrence_id = Some(date),
                Err(message) => bad(at, format!("RECURRENCE-ID: {message}")),
            },
            // A second RRULE (deprecated by RFC 5545) is ignored.
            "RRULE" if self.rule.is_none() => match Rule::parse(value) {
                Ok(rule) => self.rule = Some(rule),
                Err(e) => bad(at + e.offset, format!("RRULE: {}", e.message)),
            },
            "EXDATE" | "RDATE" => {
                let mut offset = at;
                for part in value.split(',') {
                    let here = offset;
                    offset += part.len() + 1;
                    let part = part.trim();
                    // RDATE;VALUE=PERIOD:start/end: the start is the date.
                    let first = part.split('/').next().unwrap_or(part);
                    match date_value(first, cl.param("VALUE")) {
                        Ok((date, _, _)) => {
                            let dates = if cl.name == "EXDATE" {
                                &mut self.exdates
                            } else {
                                &mut self.rdates
                            };
                            if dates.len() < MAX_DATES {
                                dates.push(date);
                            }
                        }
                        Err(message) => bad(here, format!("{}: {message}", cl.name)),
                    }
                }
            }
            "ORGANIZER" => self.organizer = Some(attendee(cl)),
            "ATTENDEE" => {
                self.attendee_count = self.attendee_count.saturating_add(1);
                if self.attendees.len() < MAX_ATTENDEES {
                    self.attendees.push(attendee(cl));
                }
            }
            _ => {}
        }
        problems
    }

    fn finish(self) -> Vec<Result<Event, BadRecord>> {
        if let Some(fatal) = self.fatal {
            return vec![Err(fatal)];
        }
        let Some((start_date, start_time, zone)) = self.start else {
            return vec![Err(BadRecord {
                fatal: false,
                path: None,
                line: self.line,
                column: 1,
                message: "VEVENT without DTSTART; the event is skipped".to_string(),
            })];
        };
        let all_day = zone == StartZone::Date;
        let end_date = self.end_date.or_else(|| {
            let days = u64::try_from(self.duration_days?).ok()?;
            start_date.checked_add_days(Days::new(days))
        });
        let recurrence = (self.rule.is_some() || !self.rdates.is_empty()).then_some(Recurrence {
            rule: self.rule,
            exdates: self.exdates,
            rdates: self.rdates,
        });
        vec![Ok(Event {
            line: u32::try_from(self.line).unwrap_or(u32::MAX),
            uid: self.uid,
            summary: self.summary,
            start_date,
            start_time,
            zone,
            all_day,
            end_date,
            status: self.status,
            organizer: self.organizer,
            attendees: self.attendees,
            attendee_count: self.attendee_count,
            recurrence,
            recurrence_id: self.recurrence_id,
        })]
    }
}

/// The latest occurrence of a series on or before a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence<'a> {
    pub date: NaiveDate,
    /// The series itself, or the override (RECURRENCE-ID) that replaced this occurrence.
    pub event: &'a Event,
}

/// The answer of [`latest_occurrence`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LatestOccurrence<'a> {
    pub occurrence: Option<Occurrence<'a>>,
    /// Expansion stopped at [`MAX_PERIODS`]; a later occurrence may have been missed.
    pub capped: bool,
}

/// The latest occurrence of `series` on or before `day`, honouring EXDATE, RDATE and the
/// `overrides` (events with the series' UID and a RECURRENCE-ID; others are ignored): an
/// override replaces the occurrence it names, at its own date; a cancelled override
/// removes it. A cancelled series has no occurrence. An event without recurrence is its
/// own single occurrence. `RANGE=THISANDFUTURE` is read as naming one occurrence.
pub fn latest_occurrence<'a>(
    series: &'a Event,
    overrides: &'a [Event],
    day: NaiveDate,
) -> LatestOccurrence<'a> {
    let mut answer = LatestOccurrence {
        occurrence: None,
        capped: false,
    };
    if series.status == EventStatus::Cancelled {
        return answer;
    }
    let own: Vec<&Event> = overrides
        .iter()
        .filter(|o| o.recurrence_id.is_some() && o.uid.is_some() && o.uid == series.uid)
        .collect();
    let replaced = |d: NaiveDate| own.iter().any(|o| o.recurrence_id == Some(d));
    let mut consider = |date: NaiveDate, event: &'a Event| {
        if date <= day && answer.occurrence.is_none_or(|o| date > o.date) {
            answer.occurrence = Some(Occurrence { date, event });
        }
    };
    match &series.recurrence {
        None => {
            if !replaced(series.start_date) {
                consider(series.start_date, series);
            }
        }
        Some(rec) => {
            let excluded = |d: NaiveDate| rec.exdates.contains(&d) || replaced(d);
            match &rec.rule {
                Some(rule) => {
                    let lookup = recurrence::latest_on_or_before(
                        rule,
                        series.start_date,
                        series.start_time,
                        day,
                        excluded,
                    );
                    answer.capped = lookup.capped;
                    if let Some(d) = lookup.date {
                        consider(d, series);
                    }
                }
                None => {
                    if !excluded(series.start_date) {
                        consider(series.start_date, series);
                    }
                }
            }
            for d in &rec.rdates {
                if !excluded(*d) {
                    consider(*d, series);
                }
            }
        }
    }
    for o in own {
        if o.status != EventStatus::Cancelled {
            // An override on the same day as the series' own occurrence wins the tie.
            if o.start_date <= day && answer.occurrence.is_none_or(|cur| o.start_date >= cur.date) {
                answer.occurrence = Some(Occurrence {
                    date: o.start_date,
                    event: o,
                });
            }
        }
    }
    answer
}

// ---------------------------------------------------------------------------------------
// Values

/// DTSTART/DTEND/RECURRENCE-ID/EXDATE value with its parameters.
fn date_time(cl: &ContentLine<'_>) -> Result<(NaiveDate, Option<NaiveTime>, StartZone), String> {
    let (date, time, zone) = date_value(cl.value.trim(), cl.param("VALUE"))?;
    let zone = match (zone, cl.param("TZID")) {
        (StartZone::Floating, Some(tz)) => StartZone::Zoned(tz.to_string()),
        (zone, _) => zone,
    };
    Ok((date, time, zone))
}

/// `20261002`, `20261002T090000`, `20261002T090000Z`.
fn date_value(
    value: &str,
    value_param: Option<&str>,
) -> Result<(NaiveDate, Option<NaiveTime>, StartZone), String> {
    let shown: String = value.chars().take(40).collect();
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let date_part = value.get(..8).filter(|d| digits(d));
    let Some(date) = date_part.and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok()) else {
        return Err(format!(
            "`{shown}` is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)"
        ));
    };
    let rest = value.get(8..).unwrap_or("");
    if rest.is_empty() {
        return Ok((date, None, StartZone::Date));
    }
    if value_param.is_some_and(|v| v.eq_ignore_ascii_case("DATE")) {
        return Err(format!("`{shown}` has a time but VALUE=DATE"));
    }
    let (time, utc) = match rest.strip_suffix(['Z', 'z']) {
        Some(t) => (t, true),
        None => (rest, false),
    };
    let time = time
        .strip_prefix(['T', 't'])
        .filter(|t| t.len() == 6 && digits(t))
        .and_then(|t| NaiveTime::parse_from_str(t, "%H%M%S").ok());
    match time {
        Some(time) => Ok((
            date,
            Some(time),
            if utc {
                StartZone::Utc
            } else {
                StartZone::Floating
            },
        )),
        None => Err(format!(
            "`{shown}` is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)"
        )),
    }
}

/// Whole days of a DURATION (`P1D`, `P2W`, `PT36H`, `-PT15M`), rounded down; `None` if unreadable.
fn duration_days(value: &str) -> Option<i64> {
    let (negative, rest) = match value.as_bytes().first()? {
        b'-' => (true, value.get(1..)?),
        b'+' => (false, value.get(1..)?),
        _ => (false, value),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let mut seconds: i64 = 0;
    let mut number: Option<i64> = None;
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        match c {
            '0'..='9' => {
                let digit = i64::from(c.to_digit(10)?);
                number = Some(number.unwrap_or(0).checked_mul(10)?.checked_add(digit)?);
            }
            'T' | 't' => in_time = true,
            _ => {
                let n = number.take()?;
                let unit = match (c.to_ascii_uppercase(), in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3_600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
                seconds = seconds.checked_add(n.checked_mul(unit)?)?;
                any = true;
            }
        }
    }
    if number.is_some() || !any {
        return None;
    }
    let days = seconds / 86_400;
    Some(if negative { -days } else { days })
}

/// TEXT unescaping: `\\`, `\;`, `\,`, `\n`/`\N`.
fn unescape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// RFC 6868 parameter escapes: `^n` newline, `^'` double quote, `^^` caret.
fn unescape_param(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '^' {
            match chars.peek() {
                Some('n' | 'N') => {
                    chars.next();
                    out.push(' ');
                }
                Some('\'') => {
                    chars.next();
                    out.push('"');
                }
                Some('^') => {
                    chars.next();
                    out.push('^');
                }
                _ => out.push('^'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `Doe, John`, as Exchange directories show people, is John Doe: the name a note has.
/// Only a name of words around one comma is turned (`Acme, Inc.` stays a company's).
fn given_name_first(name: &str) -> String {
    let Some((family, given)) = name.split_once(',') else {
        return name.to_owned();
    };
    let (family, given) = (family.trim(), given.trim());
    let wordy = |part: &str| {
        !part.is_empty()
            && part.chars().any(char::is_alphabetic)
            && part
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’'))
    };
    if wordy(family) && wordy(given) && !given.contains(',') {
        format!("{given} {family}")
    } else {
        name.to_owned()
    }
}

fn attendee(cl: &ContentLine<'_>) -> Attendee {
    let value = cl.value.trim();
    let email = match value.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => value.get(7..),
        _ => None,
    }
    .map(str::trim)
    .filter(|e| !e.is_empty())
    .or_else(|| cl.param("EMAIL").map(str::trim).filter(|e| !e.is_empty()))
    .map(str::to_string);
    let name = cl
        .param("CN")
        .map(|n| unescape_param(n).trim().to_string())
        .filter(|n| !n.is_empty())
        .filter(|n| !email.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(n)))
        .map(|n| given_name_first(&n));
    let partstat = match cl.param("PARTSTAT").map(str::to_ascii_uppercase).as_deref() {
        None | Some("NEEDS-ACTION") => PartStat::NeedsAction,
        Some("ACCEPTED") => PartStat::Accepted,
        Some("DECLINED") => PartStat::Declined,
        Some("TENTATIVE") => PartStat::Tentative,
        Some("DELEGATED") => PartStat::Delegated,
        Some(_) => PartStat::Other,
    };
    let user_type = match cl.param("CUTYPE").map(str::to_ascii_uppercase).as_deref() {
        None | Some("INDIVIDUAL") => UserType::Individual,
        Some("GROUP") => UserType::Group,
        Some("RESOURCE") => UserType::Resource,
        Some("ROOM") => UserType::Room,
        Some(_) => UserType::Unknown,
    };
    Attendee {
        email,
        name,
        declined: partstat == PartStat::Declined,
        partstat,
        user_type,
    }
}

// ---------------------------------------------------------------------------------------
// Content lines

/// `NAME;PARAM=value;PARAM="quoted, value":value`, borrowed from a logical line.
#[derive(Debug)]
struct ContentLine<'a> {
    /// Upper case.
    name: String,
    params: Vec<(String, String)>,
    value: &'a str,
    /// Byte offset of the value in the logical line.
    value_offset: usize,
}

/// The properties whose values are read; the others are passed over without decoding.
const READ: &[&str] = &[
    "BEGIN",
    "END",
    "UID",
    "SUMMARY",
    "STATUS",
    "DTSTART",
    "DTEND",
    "DURATION",
    "RECURRENCE-ID",
    "RRULE",
    "EXDATE",
    "RDATE",
    "ORGANIZER",
    "ATTENDEE",
];

impl<'a> ContentLine<'a> {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Errors are a byte offset in the line and why it is not a content line.
    fn parse(bytes: &'a [u8]) -> Result<ContentLine<'a>, (usize, String)> {
        let name_end = bytes
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-'))
            .unwrap_or(bytes.len());
        if name_end == 0 {
            return Err((0, "not an iCalendar content line (NAME:value)".to_string()));
        }
        match bytes.get(name_end) {
            Some(b':' | b';') => {}
            _ => {
                return Err((
                    name_end,
                    "not an iCalendar content line (NAME:value): `:` expected".to_string(),
                ));
            }
        }
        let name =
            String::from_utf8_lossy(bytes.get(..name_end).unwrap_or_default()).to_ascii_uppercase();
        if !READ.contains(&name.as_str()) {
            return Ok(ContentLine {
                name,
                params: Vec::new(),
                value: "",
                value_offset: name_end,
            });
        }
        let text = std::str::from_utf8(bytes)
            .map_err(|e| (e.valid_up_to(), format!("{name}: not UTF-8 text")))?;
        let mut params = Vec::new();
        let mut i = name_end;
        let b = text.as_bytes();
        while b.get(i) == Some(&b';') {
            i += 1;
            let key_start = i;
            while b
                .get(i)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-')
            {
                i += 1;
            }
            let key = text
                .get(key_start..i)
                .unwrap_or_default()
                .to_ascii_uppercase();
            if b.get(i) != Some(&b'=') {
                return Err((i, format!("{name}: parameter `{key}` without `=`")));
            }
            i += 1;
            let mut value = String::new();
            loop {
                match b.get(i) {
                    Some(b'"') => {
                        let Some(close) = text.get(i + 1..).and_then(|t| t.find('"')) else {
                            return Err((i, format!("{name}: quote opened and never closed")));
                        };
                        value.push_str(text.get(i + 1..i + 1 + close).unwrap_or_default());
                        i += close + 2;
                    }
                    Some(b';' | b':') | None => break,
                    Some(_) => {
                        let rest = text.get(i..).unwrap_or_default();
                        let end = rest.find([';', ':', '"']).unwrap_or(rest.len());
                        value.push_str(rest.get(..end).unwrap_or_default());
                        i += end;
                    }
                }
            }
            if params.len() < 32 {
                params.push((key, value));
            }
        }
        if b.get(i) != Some(&b':') {
            return Err((i, format!("{name}: `:` expected before the value")));
        }
        Ok(ContentLine {
            name,
            params,
            value: text.get(i + 1..).unwrap_or_default(),
            value_offset: i + 1,
        })
    }
}

/// One unfolded line: its bytes and where each physical line of it starts.
#[derive(Debug)]
struct Logical {
    bytes: Vec<u8>,
    /// Line of the first physical line.
    line: u64,
    /// (offset in `bytes`, physical line) for each continuation.
    folds: Vec<(usize, u64)>,
    /// The line was longer than [`MAX_LINE_BYTES`].
    cut: bool,
}

impl Logical {
    /// The line and 1-based character column of a byte offset.
    fn position(&self, offset: usize) -> (u64, u32) {
        let (start, line, shift) = self
            .folds
            .iter()
            .rev()
            .find(|(at, _)| *at <= offset)
            .map_or((0, self.line, 0), |(at, line)| (*at, *line, 1));
        let segment = self
            .bytes
            .get(start..offset.min(self.bytes.len()))
            .unwrap_or_default();
        let chars = String::from_utf8_lossy(segment).chars().count();
        (line, u32::try_from(chars + 1 + shift).unwrap_or(u32::MAX))
    }
}

/// Physical lines joined into logical ones, from a reader through a bounded buffer.
#[derive(Debug)]
struct Lines<R> {
    reader: R,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    eof: bool,
    /// The number of physical lines read so far.
    line: u64,
    first: bool,
}

const CHUNK: usize = 64 * 1024;

impl<R: Read> Lines<R> {
    fn new(reader: R) -> Self {
        Lines {
            reader,
            buf: vec![0; CHUNK],
            pos: 0,
            end: 0,
            eof: false,
            line: 0,
            first: true,
        }
    }

    /// Makes sure some unread bytes are buffered unless at the end; false at the end.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.pos < self.end {
            return Ok(true);
        }
        if self.eof {
            return Ok(false);
        }
        self.pos = 0;
        self.end = 0;
        loop {
            match self.reader.read(&mut self.buf) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(false);
                }
                Ok(n) => {
                    self.end = n;
                    return Ok(true);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Appends one physical line (without its line break) to `out`, keeping at most
    /// `MAX_LINE_BYTES` in `out`; returns whether it was cut, or `None` at the end.
    fn physical(&mut self, out: &mut Vec<u8>) -> std::io::Result<Option<bool>> {
        if !self.fill()? {
            return Ok(None);
        }
        self.line += 1;
        let mut cut = false;
        loop {
            let chunk = self.buf.get(self.pos..self.end).unwrap_or_default();
            let (take, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i, true),
                None => (chunk.len(), false),
            };
            let room = MAX_LINE_BYTES.saturating_sub(out.len());
            let part = chunk.get(..take).unwrap_or_default();
            if part.len() > room {
                cut = true;
            }
            out.extend_from_slice(part.get(..room.min(part.len())).unwrap_or_default());
            self.pos += take + usize::from(done);
            if done || !self.fill()? {
                break;
            }
        }
        if out.last() == Some(&b'\r') {
            out.pop();
        }
        Ok(Some(cut))
    }

    fn peek(&mut self) -> std::io::Result<Option<u8>> {
        Ok(if self.fill()? {
            self.buf.get(self.pos).copied()
        } else {
            None
        })
    }

    /// The next non-blank logical line, folds joined.
    fn next_line(&mut self) -> std::io::Result<Option<Logical>> {
        loop {
            let mut logical = Logical {
                bytes: Vec::new(),
                line: self.line + 1,
                folds: Vec::new(),
                cut: false,
            };
            let Some(cut) = self.physical(&mut logical.bytes)? else {
                return Ok(None);
            };
            logical.cut |= cut;
            if self.first {
                self.first = false;
                if let Some(rest) = logical.bytes.strip_prefix(b"\xEF\xBB\xBF") {
                    logical.bytes = rest.to_vec();
                }
            }
            while let Some(b' ' | b'\t') = self.peek()? {
                self.pos += 1;
                logical.folds.push((logical.bytes.len(), self.line + 1));
                if let Some(cut) = self.physical(&mut logical.bytes)? {
                    logical.cut |= cut;
                }
                // Thousands of empty folds would grow `folds` without growing `bytes`.
                if logical.folds.len() > MAX_LINE_BYTES / 8 {
                    logical.folds.clear();
                }
            }
            if !logical.bytes.iter().all(|b| b.is_ascii_whitespace()) {
                return Ok(Some(logical));
            }
        }
    }
}

#[cfg(test)]
mod tests;
