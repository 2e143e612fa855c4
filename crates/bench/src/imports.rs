//! Generated export files for the import benchmark (DESIGN.md, "Performance targets":
//! a 1 GB mbox and a 100,000-event calendar, streamed in bounded memory).
//!
//! ```text
//! vault-bench imports mbox --megabytes N [--seed S] FILE
//! vault-bench imports ics --events N [--seed S] FILE
//! ```
//!
//! The mbox looks like a Google Takeout export: Gmail's `X-GM-THRID`/`X-Gmail-Labels`,
//! `Received` chains, DKIM signatures, encoded-word names, folded recipient lists, list
//! mail, and bodies of a few KB with `>From ` quoting, `From ` lines after non-blank lines
//! and base64 attachments. The calendar looks like a Google Calendar export: a VTIMEZONE,
//! TZID and UTC times, all-day events, attendees with CN and PARTSTAT, folded
//! descriptions, VALARMs, weekly series with EXDATEs and moved occurrences. People are
//! `person_name(i)` for i below 5,000 (the benchmark vault's people) at `@example.com`.
//! The same arguments always give byte-identical files.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::names::{MEETING_TOPICS, WORDS, person_name};
use crate::rng::Rng;

pub const USAGE: &str = "\
usage: vault-bench imports mbox --megabytes N [--seed S] FILE
       vault-bench imports ics --events N [--seed S] FILE

Writes a deterministic synthetic Google Takeout mbox of about N MB (1024 for the
benchmark's 1 GB), or a Google Calendar export of N events (100000), for timing
`vault import mail|calendar`. The same arguments always give byte-identical files.";

const PEOPLE: usize = 5_000;
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Mbox { megabytes: u64 },
    Ics { events: u64 },
}

fn email(name: &str) -> String {
    let local: String = name
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('.'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect();
    format!("{local}@example.com")
}

/// An RFC 2047 B-encoded word for a name with non-ASCII letters, as Gmail writes them.
fn display_name(name: &str, rng: &mut Rng) -> String {
    if name.is_ascii() {
        if rng.chance(0.3) {
            return format!("\"{name}\"");
        }
        return name.to_string();
    }
    if rng.chance(0.5) {
        format!("=?UTF-8?B?{}?=", base64(name.as_bytes()))
    } else {
        let mut q = String::from("=?UTF-8?Q?");
        for b in name.bytes() {
            match b {
                b' ' => q.push('_'),
                b if b.is_ascii_alphanumeric() => q.push(char::from(b)),
                b => q.push_str(&format!("={b:02X}")),
            }
        }
        q.push_str("?=");
        q
    }
}

fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(TABLE[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        let word: &&str = rng.pick(WORDS);
        s.push_str(word);
    }
    s
}

/// Day `n` after 2020-01-01 as (year, month 1-12, day, weekday index).
fn civil(n: u64) -> (u64, usize, u64, usize) {
    const DAYS: [u64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let weekday = ((n + 2) % 7) as usize; // 2020-01-01 was a Wednesday
    let mut year = 2020;
    let mut rest = n;
    loop {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let len = if leap { 366 } else { 365 };
        if rest < len {
            for (m, days) in DAYS.iter().enumerate() {
                let days = if m == 1 && leap { 29 } else { *days };
                if rest < days {
                    return (year, m + 1, rest + 1, weekday);
                }
                rest -= days;
            }
        }
        rest -= len;
        year += 1;
    }
}

fn write_message(out: &mut impl Write, i: u64, rng: &mut Rng) -> std::io::Result<()> {
    let day = rng.below(7 * 365) as u64;
    let (y, m, d, wd) = civil(day);
    let (hh, mm, ss) = (rng.below(24), rng.below(60), rng.below(60));
    let month = MONTHS[m - 1];
    let weekday = WEEKDAYS[wd];
    let id = 1_700_000_000_000_000_000u64 + i * 7919;
    let me = "me@example.com";
    let sender = person_name(rng.below(PEOPLE));
    let list = rng.chance(0.25);
    let sent = !list && rng.chance(0.3);
    write!(
        out,
        "From {id}@xxx {weekday} {month} {d:02} {hh:02}:{mm:02}:{ss:02} +0000 {y}\r\n"
    )?;
    write!(out, "X-GM-THRID: {}\r\n", id - rng.below(1000) as u64)?;
    let labels = if sent {
        "Sent"
    } else if list {
        "Category Forums,Unread"
    } else {
        "Inbox,Important,Opened"
    };
    write!(out, "X-Gmail-Labels: {labels}\r\n")?;
    write!(out, "Delivered-To: {me}\r\n")?;
    for hop in 0..3 {
        write!(
            out,
            "Received: by 2002:a05:6a10:{:x}:b0:{:x}:{:x}:{:x} with SMTP id {:x}{hop};\r\n        {weekday}, {d} {month} {y} {hh:02}:{mm:02}:{ss:02} -0700 (PDT)\r\n",
            rng.next_u64() & 0xffff,
            rng.next_u64() & 0xfff,
            rng.next_u64() & 0xffff,
            rng.next_u64() & 0xffff,
            rng.next_u64()
        )?;
    }
    write!(
        out,
        "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=20230601;\r\n"
    )?;
    for _ in 0..4 {
        let mut sig = [0u8; 54];
        for b in &mut sig {
            *b = rng.next_u64() as u8;
        }
        write!(out, "        {}\r\n", base64(&sig))?;
    }
    write!(out, "MIME-Version: 1.0\r\n")?;
    if sent {
        write!(out, "From: Me Myself <{me}>\r\n")?;
    } else if list {
        write!(
            out,
            "From: \"{} via Rust Users\" <notifications@lists.example.org>\r\n",
            sender
        )?;
    } else {
        write!(
            out,
            "From: {} <{}>\r\n",
            display_name(&sender, rng),
            email(&sender)
        )?;
    }
    // Dates as mailers write them: most RFC 5322, some without a weekday or with a comment.
    match rng.below(10) {
        0 => write!(
            out,
            "Date: {d} {month} {y} {hh:02}:{mm:02}:{ss:02} +0200\r\n"
        )?,
        1 => write!(
            out,
            "Date: {weekday}, {d} {month} {y} {hh:02}:{mm:02}:{ss:02} -0700 (PDT)\r\n"
        )?,
        _ => write!(
            out,
            "Date: {weekday}, {d} {month} {y} {hh:02}:{mm:02}:{ss:02} +0000\r\n"
        )?,
    }
    write!(
        out,
        "Message-ID: <CA{:016x}@mail.gmail.com>\r\n",
        rng.next_u64()
    )?;
    let topic = rng.pick(MEETING_TOPICS);
    if rng.chance(0.1) {
        write!(
            out,
            "Subject: =?UTF-8?B?{}?=\r\n",
            base64(format!("Re: {topic} – nächste Schritte").as_bytes())
        )?;
    } else {
        write!(out, "Subject: Re: {topic}\r\n")?;
    }
    let recipients = if rng.chance(0.1) {
        rng.range(8, 40)
    } else {
        rng.range(1, 3)
    };
    write!(out, "To: ")?;
    for r in 0..recipients {
        let name = if sent || r > 0 {
            person_name(rng.below(PEOPLE))
        } else {
            "Me Myself".to_string()
        };
        let addr = if !sent && r == 0 {
            me.to_string()
        } else {
            email(&name)
        };
        let sep = if r + 1 < recipients {
            ",\r\n\t"
        } else {
            "\r\n"
        };
        write!(out, "{} <{addr}>{sep}", display_name(&name, rng))?;
    }
    if rng.chance(0.2) {
        let cc = person_name(rng.below(PEOPLE));
        write!(out, "Cc: {} <{}>\r\n", display_name(&cc, rng), email(&cc))?;
    }
    if list {
        write!(out, "List-Id: Rust Users <users.lists.example.org>\r\n")?;
        write!(
            out,
            "List-Unsubscribe: <mailto:unsubscribe@lists.example.org>,\r\n <https://lists.example.org/unsubscribe/{:x}>\r\n",
            rng.next_u64()
        )?;
        write!(out, "Precedence: list\r\n")?;
    }
    let boundary = format!("000000000000{:012x}", rng.next_u64() & 0xffff_ffff_ffff);
    write!(
        out,
        "Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n"
    )?;
    write!(
        out,
        "--{boundary}\r\nContent-Type: text/plain; charset=\"UTF-8\"\r\n\r\n"
    )?;
    let lines = rng.range(15, 70);
    // The body follows a blank line: a `From ` line may only come after a non-blank one,
    // as a writer that does not quote (mboxo) leaves it.
    let mut after_blank = true;
    for _ in 0..lines {
        match rng.below(40) {
            0 => write!(
                out,
                ">From the notes of our last call: {}\r\n",
                sentence(rng, 6)
            )?,
            1 if !after_blank => {
                write!(out, "From {} on, {}\r\n", rng.pick(WORDS), sentence(rng, 8))?
            }
            2 => {
                write!(out, "\r\n")?;
                after_blank = true;
                continue;
            }
            _ => {
                let words = rng.range(8, 13);
                write!(out, "{}\r\n", sentence(rng, words))?;
            }
        }
        after_blank = false;
    }
    if rng.chance(0.3) {
        write!(
            out,
            "\r\n--{boundary}\r\nContent-Type: application/pdf; name=\"notes.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        )?;
        let mut block = [0u8; 57];
        for _ in 0..rng.range(20, 80) {
            for b in &mut block {
                *b = rng.next_u64() as u8;
            }
            write!(out, "{}\r\n", base64(&block))?;
        }
    }
    write!(out, "--{boundary}--\r\n\r\n")?;
    Ok(())
}

/// RFC 5545 folding at 75 octets (on a character boundary, to keep this simple).
fn folded(out: &mut impl Write, line: &str) -> std::io::Result<()> {
    let mut start = 0;
    let mut width = 75;
    while line.len() - start > width {
        let mut end = start + width;
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        write!(out, "{}\r\n ", &line[start..end])?;
        start = end;
        width = 74;
    }
    write!(out, "{}\r\n", &line[start..])
}

fn write_event(out: &mut impl Write, i: u64, rng: &mut Rng) -> std::io::Result<()> {
    let day = rng.below(7 * 365) as u64;
    let (y, m, d, _) = civil(day);
    let hh = rng.range(8, 18);
    let uid = format!("{:026x}@google.com", u128::from(i) * 0x9E37_79B9 + 17);
    let all_day = rng.chance(0.08);
    let series = !all_day && rng.chance(0.12);
    out.write_all(b"BEGIN:VEVENT\r\n")?;
    if all_day {
        let (y2, m2, d2, _) = civil(day + 1);
        write!(
            out,
            "DTSTART;VALUE=DATE:{y}{m:02}{d:02}\r\nDTEND;VALUE=DATE:{y2}{m2:02}{d2:02}\r\n"
        )?;
    } else if series || rng.chance(0.5) {
        write!(
            out,
            "DTSTART;TZID=Europe/Berlin:{y}{m:02}{d:02}T{hh:02}0000\r\nDTEND;TZID=Europe/Berlin:{y}{m:02}{d:02}T{hh:02}3000\r\n"
        )?;
    } else {
        write!(
            out,
            "DTSTART:{y}{m:02}{d:02}T{:02}0000Z\r\nDTEND:{y}{m:02}{d:02}T{:02}4500Z\r\n",
            hh - 2,
            hh - 2
        )?;
    }
    if series {
        write!(
            out,
            "RRULE:FREQ=WEEKLY;BYDAY={}\r\n",
            ["MO", "TU", "WE", "TH", "FR"][rng.below(5)]
        )?;
        let (ey, em, ed, _) = civil(day + 7 * rng.range(1, 20) as u64);
        write!(
            out,
            "EXDATE;TZID=Europe/Berlin:{ey}{em:02}{ed:02}T{hh:02}0000\r\n"
        )?;
    }
    write!(out, "DTSTAMP:20261120T081500Z\r\n")?;
    let attendees = if all_day {
        0
    } else if rng.chance(0.05) {
        rng.range(9, 40)
    } else {
        rng.range(1, 5)
    };
    if attendees > 0 {
        write!(out, "ORGANIZER;CN=Me Myself:mailto:me@example.com\r\n")?;
    }
    write!(out, "UID:{uid}\r\n")?;
    for _ in 0..attendees {
        let name = person_name(rng.below(PEOPLE));
        let partstat = [
            "ACCEPTED",
            "ACCEPTED",
            "ACCEPTED",
            "DECLINED",
            "NEEDS-ACTION",
            "TENTATIVE",
        ][rng.below(6)];
        folded(
            out,
            &format!(
                "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={partstat};CN={name};X-NUM-GUESTS=0:mailto:{}",
                email(&name)
            ),
        )?;
    }
    write!(out, "CREATED:20260101T120000Z\r\n")?;
    folded(
        out,
        &format!(
            "DESCRIPTION:{}\\n\\nJoin: https://meet.example.com/{:x}",
            {
                let words = rng.range(5, 40);
                sentence(rng, words)
            },
            rng.next_u64()
        ),
    )?;
    write!(
        out,
        "LAST-MODIFIED:20261101T090000Z\r\nLOCATION:\r\nSEQUENCE:0\r\nSTATUS:CONFIRMED\r\n"
    )?;
    folded(out, &format!("SUMMARY:{}", rng.pick(MEETING_TOPICS)))?;
    write!(out, "TRANSP:OPAQUE\r\n")?;
    if rng.chance(0.5) {
        write!(
            out,
            "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:This is an event reminder\r\nTRIGGER:-P0DT0H10M0S\r\nEND:VALARM\r\n"
        )?;
    }
    out.write_all(b"END:VEVENT\r\n")?;
    if series && rng.chance(0.5) {
        // A moved occurrence: one week in, an hour later.
        let (oy, om, od, _) = civil(day + 7);
        write!(
            out,
            "BEGIN:VEVENT\r\nDTSTART;TZID=Europe/Berlin:{oy}{om:02}{od:02}T{:02}0000\r\nDTEND;TZID=Europe/Berlin:{oy}{om:02}{od:02}T{:02}3000\r\nDTSTAMP:20261120T081500Z\r\nUID:{uid}\r\nRECURRENCE-ID;TZID=Europe/Berlin:{oy}{om:02}{od:02}T{hh:02}0000\r\nSTATUS:CONFIRMED\r\nSUMMARY:Moved\r\nEND:VEVENT\r\n",
            hh + 1,
            hh + 1
        )?;
    }
    Ok(())
}

const VCALENDAR_HEAD: &str = "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:me@example.com\r\nX-WR-TIMEZONE:Europe/Berlin\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nX-LIC-LOCATION:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

fn write_file(kind: &Kind, seed: u64, file: &PathBuf) -> Result<String> {
    let handle = File::create(file).with_context(|| format!("cannot create {}", file.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, handle);
    let mut count = 0u64;
    match kind {
        Kind::Mbox { megabytes } => {
            let target = megabytes.saturating_mul(1 << 20);
            let mut written = 0u64;
            let mut counter = Counting {
                inner: &mut out,
                bytes: &mut written,
            };
            while *counter.bytes < target {
                let mut rng = Rng::for_item(seed, 11, count);
                write_message(&mut counter, count, &mut rng)?;
                count += 1;
            }
        }
        Kind::Ics { events } => {
            out.write_all(VCALENDAR_HEAD.as_bytes())?;
            for i in 0..*events {
                let mut rng = Rng::for_item(seed, 12, i);
                write_event(&mut out, i, &mut rng)?;
            }
            out.write_all(b"END:VCALENDAR\r\n")?;
            count = *events;
        }
    }
    out.flush()?;
    let size = std::fs::metadata(file)?.len();
    let what = match kind {
        Kind::Mbox { .. } => "messages",
        Kind::Ics { .. } => "events",
    };
    Ok(format!(
        "{count} {what}, {:.1} MB",
        size as f64 / (1 << 20) as f64
    ))
}

struct Counting<'a, W> {
    inner: &'a mut W,
    bytes: &'a mut u64,
}

impl<W: Write> Write for Counting<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        *self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn parse(args: &[String]) -> Result<Option<(Kind, u64, PathBuf)>> {
    let mut args = args.iter();
    let kind = match args.next().map(String::as_str) {
        None | Some("-h" | "--help") => return Ok(None),
        Some(k @ ("mbox" | "ics")) => k.to_string(),
        Some(other) => bail!("unknown file kind `{other}` (mbox or ics)"),
    };
    let (mut size, mut seed, mut file) = (None, 1, None);
    while let Some(arg) = args.next() {
        let number = |v: Option<&String>, flag: &str| -> Result<u64> {
            let v = v.with_context(|| format!("{flag} needs a value"))?;
            v.replace('_', "")
                .parse()
                .with_context(|| format!("{flag}: `{v}` is not a non-negative integer"))
        };
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--megabytes" if kind == "mbox" => size = Some(number(args.next(), "--megabytes")?),
            "--events" if kind == "ics" => size = Some(number(args.next(), "--events")?),
            "--seed" => seed = number(args.next(), "--seed")?,
            f if f.starts_with('-') => bail!("unknown flag `{f}`"),
            _ if file.is_some() => bail!("only one FILE may be given"),
            _ => file = Some(PathBuf::from(arg)),
        }
    }
    let file = file.context("FILE is required")?;
    let kind = match (kind.as_str(), size) {
        ("mbox", Some(megabytes)) => Kind::Mbox { megabytes },
        ("ics", Some(events)) => Kind::Ics { events },
        ("mbox", None) => bail!("--megabytes N is required"),
        _ => bail!("--events N is required"),
    };
    Ok(Some((kind, seed, file)))
}

/// `vault-bench imports …`: exit 0 written, 1 not written, 2 bad usage.
pub fn main(args: &[String]) -> std::process::ExitCode {
    let (kind, seed, file) = match parse(args) {
        Ok(Some(parsed)) => parsed,
        Ok(None) => {
            println!("{USAGE}");
            return std::process::ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("vault-bench: {e:#}\n\n{USAGE}");
            return std::process::ExitCode::from(2);
        }
    };
    let start = Instant::now();
    match write_file(&kind, seed, &file) {
        Ok(summary) => {
            println!(
                "vault-bench: wrote {} ({summary}) in {:.1}s",
                file.display(),
                start.elapsed().as_secs_f64()
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("vault-bench: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_both_kinds() {
        let (kind, seed, file) = parse(&args("mbox --megabytes 1_024 --seed 3 m.mbox"))
            .expect("ok")
            .expect("some");
        assert_eq!(
            (kind, seed, file),
            (Kind::Mbox { megabytes: 1024 }, 3, PathBuf::from("m.mbox"))
        );
        let (kind, _, _) = parse(&args("ics --events 100000 c.ics"))
            .expect("ok")
            .expect("some");
        assert_eq!(kind, Kind::Ics { events: 100_000 });
        for bad in [
            "mbox m.mbox",
            "ics --megabytes 3 c.ics",
            "mbox --megabytes x m",
            "tar --events 1 x",
            "ics --events 1",
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad}");
        }
        assert!(parse(&args("--help")).expect("help").is_none());
    }

    #[test]
    fn files_are_deterministic_and_look_real() {
        let dir = std::env::temp_dir().join(format!("vault-bench-imports-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let (a, b) = (dir.join("a.ics"), dir.join("b.ics"));
        write_file(&Kind::Ics { events: 200 }, 1, &a).expect("writes");
        write_file(&Kind::Ics { events: 200 }, 1, &b).expect("writes");
        let ics = std::fs::read(&a).expect("reads");
        assert_eq!(ics, std::fs::read(&b).expect("reads"));
        let text = String::from_utf8(ics).expect("UTF-8");
        assert!(text.lines().all(|l| l.len() <= 76), "folded at 75 octets");
        assert!(text.matches("END:VEVENT").count() >= 200);
        let m = dir.join("m.mbox");
        write_file(&Kind::Mbox { megabytes: 1 }, 1, &m).expect("writes");
        let mbox = std::fs::read(&m).expect("reads");
        assert!(mbox.len() >= 1 << 20 && mbox.starts_with(b"From "));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil(0), (2020, 1, 1, 2));
        assert_eq!(civil(59), (2020, 2, 29, 5));
        assert_eq!(civil(366), (2021, 1, 1, 4));
    }
}
