//! Dates as people write them in notes: ISO dates, birthdays without a year, and the
//! daily-note file-name format (Moment.js tokens, as Obsidian uses).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Parses a date written `YYYY-MM-DD`, optionally as a link `[[YYYY-MM-DD]]` and optionally
/// followed by a time (`2024-01-01 12:00`, `2024-01-01T12:00:00Z`).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let text = text
        .strip_prefix("[[")
        .and_then(|t| t.strip_suffix("]]"))
        .unwrap_or(text);
    let (date, rest) = split_iso_date(text)?;
    let rest_ok = rest.is_empty() || rest.starts_with([' ', 'T', 't']);
    rest_ok.then_some(date)
}

/// Parses a date as [`parse_date`] does, or out of a link to a daily note: `[[2026-10-02]]`,
/// `[[Daily/2026-10-02|Fri]]`, or a note named in the journal format (`[[Oct 2nd, 2026]]`
/// when it is `MMM Do, YYYY`), as a property such as `last_contact` may hold it.
pub fn parse_date_or_link(text: &str, journal: &JournalFormat) -> Option<NaiveDate> {
    let text = text.trim();
    let Some(inner) = text.strip_prefix("[[").and_then(|t| t.strip_suffix("]]")) else {
        return parse_date(text);
    };
    let target = crate::link::link_target(inner);
    let file = target.rsplit('/').next().unwrap_or(target);
    journal.parse(target).or_else(|| parse_date(file))
}

/// If `text` starts with `YYYY-MM-DD`, returns that date and the rest of the text.
pub fn split_iso_date(text: &str) -> Option<(NaiveDate, &str)> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = text.get(r)?;
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)?;
    // A digit right after the day would make this a different token (`2026-10-021`).
    if bytes.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((date, &text[10..]))
}

/// A birthday, with or without the year of birth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Birthday {
    /// Year of birth, when known.
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

/// `1990-12-02`, or vCard's `--12-02` without a year.
impl std::fmt::Display for Birthday {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.year {
            Some(year) => write!(f, "{year:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

impl Birthday {
    /// The birthday of someone born on `date`.
    pub fn born_on(date: NaiveDate) -> Birthday {
        Birthday {
            year: Some(date.year()),
            month: date.month(),
            day: date.day(),
        }
    }

    /// Parses `YYYY-MM-DD`, `MM-DD` or `--MM-DD` (vCard's form without a year), and vCard's
    /// basic forms `19901202` and `--1202` (a time after the date is ignored).
    pub fn parse(text: &str) -> Option<Birthday> {
        let text = text.trim();
        if let Some(date) = parse_date(text) {
            return Some(Birthday::born_on(date));
        }
        if let Some(birthday) = Birthday::parse_basic(text) {
            return Some(birthday);
        }
        let md = text.strip_prefix("--").unwrap_or(text);
        let (m, d) = md.split_once('-')?;
        if m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (month, day) = (m.parse().ok()?, d.parse().ok()?);
        // 2000 is a leap year, so 02-29 is accepted.
        NaiveDate::from_ymd_opt(2000, month, day)?;
        Some(Birthday {
            year: None,
            month,
            day,
        })
    }

    /// vCard's basic format: `YYYYMMDD` or `--MMDD`, optionally followed by `T` and a time.
    fn parse_basic(text: &str) -> Option<Birthday> {
        let date = text.split(['T', 't']).next().unwrap_or(text);
        let digits = |s: &str| -> Option<u32> {
            s.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| s.parse().ok())
                .flatten()
        };
        if let Some(month_day) = date.strip_prefix("--") {
            if month_day.len() != 4 {
                return None;
            }
            let (month, day) = (digits(month_day.get(..2)?)?, digits(month_day.get(2..)?)?);
            // 2000 is a leap year, so --0229 is accepted.
            NaiveDate::from_ymd_opt(2000, month, day)?;
            return Some(Birthday {
                year: None,
                month,
                day,
            });
        }
        if date.len() != 8 {
            return None;
        }
        let year = i32::try_from(digits(date.get(..4)?)?).ok()?;
        let (month, day) = (digits(date.get(4..6)?)?, digits(date.get(6..)?)?);
        NaiveDate::from_ymd_opt(year, month, day).map(Birthday::born_on)
    }

    /// The first birthday on or after `from` (29 February falls on 28 February in other years).
    pub fn next_on_or_after(self, from: NaiveDate) -> Option<NaiveDate> {
        let in_year = |year: i32| {
            NaiveDate::from_ymd_opt(year, self.month, self.day)
                .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day.saturating_sub(1)))
        };
        let this_year = in_year(from.year())?;
        if this_year >= from {
            Some(this_year)
        } else {
            in_year(from.year() + 1)
        }
    }
}

/// The file-name format of daily notes, from Obsidian's Moment.js tokens (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalFormat {
    moment: String,
    strftime: String,
}

impl Default for JournalFormat {
    fn default() -> Self {
        JournalFormat::from_moment("YYYY-MM-DD")
    }
}

impl JournalFormat {
    /// Translates a Moment.js format (`YYYY-MM-DD`, `DD.MM.YYYY`, `YYYY/MM/YYYY-MM-DD`,
    /// `dddd, MMMM Do YYYY`, `[Week] W`) into one chrono can parse.
    pub fn from_moment(moment: &str) -> JournalFormat {
        let moment = if moment.trim().is_empty() {
            "YYYY-MM-DD"
        } else {
            moment.trim()
        };
        JournalFormat {
            moment: moment.to_owned(),
            strftime: moment_to_strftime(moment),
        }
    }

    /// Translates a Java/Joda date pattern, as Logseq's `config.edn` writes them
    /// (`yyyy_MM_dd`, `MMM do, yyyy`, `EEEE, dd.MM.yyyy`, `yyyy年MM月dd日`): `y` year, `M`
    /// month, `d` day, `do` ordinal day, `E` weekday, `'…'` literal text.
    pub fn from_java(java: &str) -> JournalFormat {
        JournalFormat::from_moment(&java_to_moment(java))
    }

    /// The format as the user wrote it.
    pub fn as_moment(&self) -> &str {
        &self.moment
    }

    /// The date a daily note's path (relative to its journal folder, without `.md`) stands for.
    ///
    /// Formats without `/` are matched against the file name only.
    pub fn parse(&self, path_without_ext: &str) -> Option<NaiveDate> {
        let candidate = if self.moment.contains('/') {
            path_without_ext
        } else {
            path_without_ext
                .rsplit('/')
                .next()
                .unwrap_or(path_without_ext)
        };
        if self.moment == "YYYY-MM-DD" {
            let (date, rest) = split_iso_date(candidate)?;
            return rest.is_empty().then_some(date);
        }
        if self.has_ordinal() {
            // chrono cannot read `26th`: drop the suffix after the day, then parse.
            return NaiveDate::parse_from_str(
                &without_ordinal_suffixes(candidate),
                &self.strftime.replace(ORDINAL, ""),
            )
            .ok()
            .filter(|date| self.format(*date).eq_ignore_ascii_case(candidate));
        }
        NaiveDate::parse_from_str(candidate, &self.strftime).ok()
    }

    /// The daily-note file name (without `.md`) for `date`.
    pub fn format(&self, date: NaiveDate) -> String {
        let text = date.format(&self.strftime).to_string();
        if self.has_ordinal() {
            text.replace(ORDINAL, ordinal_suffix(date.day()))
        } else {
            text
        }
    }

    fn has_ordinal(&self) -> bool {
        self.strftime.contains(ORDINAL)
    }
}

/// Marks, in a translated format, where Moment's `Do` puts its ordinal suffix.
const ORDINAL: &str = "\u{1}";

/// `st`, `nd`, `rd` or `th` for a day of the month, as Moment's `Do` writes it.
fn ordinal_suffix(day: u32) -> &'static str {
    match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// `November 26th, 2026` -> `November 26, 2026`: an ordinal suffix right after digits goes.
fn without_ordinal_suffixes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let after_digit = out.chars().next_back().is_some_and(|p| p.is_ascii_digit());
        let suffix = ["st", "nd", "rd", "th"].into_iter().find(|s| {
            rest.get(..2).is_some_and(|r| r.eq_ignore_ascii_case(s))
                && !rest[2..].starts_with(|n: char| n.is_alphabetic())
        });
        match suffix {
            Some(_) if after_digit => rest = &rest[2..],
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// A Java/Joda date pattern as the Moment.js format [`JournalFormat::from_moment`] reads:
/// pattern letters become Moment tokens, other ASCII letters and quoted text become
/// `[literal]` text.
fn java_to_moment(java: &str) -> String {
    let mut out = String::with_capacity(java.len() + 8);
    let mut rest = java;
    while let Some(c) = rest.chars().next() {
        if c == '\'' {
            // `'text'` is literal; `''` is a quote.
            let inner = &rest[1..];
            let end = inner.find('\'').unwrap_or(inner.len());
            let literal = if end == 0 { "'" } else { &inner[..end] };
            push_literal(&mut out, literal);
            rest = inner.get(end + 1..).unwrap_or("");
            continue;
        }
        if !c.is_ascii_alphabetic() {
            if c == '[' {
                out.push_str("[[]");
            } else {
                out.push(c);
            }
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let run = rest.bytes().take_while(|&b| b == c as u8).count();
        let mut used = run;
        let token = match (c, run) {
            ('y' | 'Y' | 'u', 2) => "YY",
            ('y' | 'Y' | 'u', _) => "YYYY",
            ('M' | 'L', 1) => "M",
            ('M' | 'L', 2) => "MM",
            ('M' | 'L', 3) => "MMM",
            ('M' | 'L', _) => "MMMM",
            ('d', 1) if rest.as_bytes().get(1) == Some(&b'o') => {
                used = 2;
                "Do"
            }
            ('d', 1) => "D",
            ('d', _) => "DD",
            ('E', 1..=3) => "ddd",
            ('E', _) => "dddd",
            _ => "",
        };
        if token.is_empty() {
            push_literal(&mut out, &rest[..run]);
        } else {
            out.push_str(token);
        }
        rest = &rest[used..];
    }
    out
}

/// Appends `text` as Moment literal text (`[text]`); a `]` cannot be inside one, so it is
/// written outside, where it is literal too.
fn push_literal(out: &mut String, text: &str) {
    for (i, part) in text.split(']').enumerate() {
        if i > 0 {
            out.push(']');
        }
        if !part.is_empty() {
            out.push('[');
            out.push_str(part);
            out.push(']');
        }
    }
}

fn moment_to_strftime(moment: &str) -> String {
    // Longest tokens first.
    const TOKENS: &[(&str, &str)] = &[
        ("YYYY", "%Y"),
        ("MMMM", "%B"),
        ("MMM", "%b"),
        ("dddd", "%A"),
        ("ddd", "%a"),
        ("DDDD", "%j"),
        ("YY", "%y"),
        ("MM", "%m"),
        ("DD", "%d"),
        ("Do", "%-d"),
        ("M", "%-m"),
        ("D", "%-d"),
        ("WW", "%V"),
        ("W", "%V"),
        ("gggg", "%G"),
        ("GGGG", "%G"),
    ];
    let mut out = String::new();
    let mut rest = moment;
    'outer: while let Some(c) = rest.chars().next() {
        if c == '[' {
            // `[literal text]` is copied as is.
            let end = rest.find(']').unwrap_or(rest.len());
            out.push_str(&rest[1..end].replace('%', "%%"));
            rest = rest.get(end + 1..).unwrap_or("");
            continue;
        }
        for (token, spec) in TOKENS {
            if let Some(after) = rest.strip_prefix(token) {
                out.push_str(spec);
                if *token == "Do" {
                    out.push_str(ORDINAL);
                }
                rest = after;
                continue 'outer;
            }
        }
        if c == '%' {
            out.push_str("%%");
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn parses_iso_dates_links_and_times() {
        assert_eq!(parse_date("2026-10-02"), Some(d("2026-10-02")));
        assert_eq!(parse_date("[[2026-10-02]]"), Some(d("2026-10-02")));
        assert_eq!(parse_date("2024-01-01 12:00"), Some(d("2024-01-01")));
        assert_eq!(parse_date("2024-01-01T12:00:00Z"), Some(d("2024-01-01")));
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("2026-10-02x"), None);
        assert_eq!(parse_date("{{date}}"), None);
        assert_eq!(parse_date("1608000000000"), None);
    }

    #[test]
    fn birthdays_with_and_without_year() {
        let full = Birthday::parse("1984-12-02").expect("full");
        assert_eq!((full.year, full.month, full.day), (Some(1984), 12, 2));
        assert_eq!(Birthday::parse("12-02").map(|b| b.year), Some(None));
        assert_eq!(Birthday::parse("--02-29").map(|b| b.day), Some(29));
        assert_eq!(Birthday::parse("02-30"), None);
        assert_eq!(Birthday::parse("sometime"), None);
    }

    #[test]
    fn next_birthday_wraps_the_year_and_handles_leap_days() {
        let b = Birthday::parse("01-05").expect("valid");
        assert_eq!(b.next_on_or_after(d("2026-11-23")), Some(d("2027-01-05")));
        let leap = Birthday::parse("02-29").expect("valid");
        assert_eq!(
            leap.next_on_or_after(d("2026-01-01")),
            Some(d("2026-02-28"))
        );
    }

    #[test]
    fn journal_formats() {
        let iso = JournalFormat::default();
        assert_eq!(iso.parse("Journal/2026-10-02"), Some(d("2026-10-02")));
        assert_eq!(iso.parse("2026-10-02 notes"), None);
        let dotted = JournalFormat::from_moment("DD.MM.YYYY");
        assert_eq!(dotted.parse("02.10.2026"), Some(d("2026-10-02")));
        let nested = JournalFormat::from_moment("YYYY/MM/YYYY-MM-DD");
        assert_eq!(nested.parse("2026/10/2026-10-02"), Some(d("2026-10-02")));
        let long = JournalFormat::from_moment("dddd, MMMM D YYYY");
        assert_eq!(long.parse("Friday, October 2 2026"), Some(d("2026-10-02")));
        assert_eq!(long.format(d("2026-10-02")), "Friday, October 2 2026");
        let ordinal = JournalFormat::from_moment("MMMM Do, YYYY");
        assert_eq!(ordinal.parse("November 26th, 2026"), Some(d("2026-11-26")));
        assert_eq!(ordinal.parse("October 2nd, 2026"), Some(d("2026-10-02")));
        assert_eq!(
            ordinal.parse("October 2, 2026"),
            None,
            "Moment writes the suffix"
        );
        assert_eq!(ordinal.parse("October 2th, 2026"), None, "the wrong suffix");
        assert_eq!(ordinal.format(d("2026-10-11")), "October 11th, 2026");
        assert_eq!(ordinal.format(d("2026-10-21")), "October 21st, 2026");
        assert_eq!(ordinal.format(d("2026-10-23")), "October 23rd, 2026");
        let literal = JournalFormat::from_moment("[Day] YYYY-MM-DD");
        assert_eq!(literal.parse("Day 2026-10-02"), Some(d("2026-10-02")));
    }

    #[test]
    fn dates_out_of_links_to_daily_notes() {
        let iso = JournalFormat::default();
        let expected = Some(d("2026-10-02"));
        assert_eq!(parse_date_or_link("2026-10-02", &iso), expected);
        assert_eq!(parse_date_or_link("[[2026-10-02]]", &iso), expected);
        assert_eq!(
            parse_date_or_link(" [[Daily/2026-10-02|Fri]] ", &iso),
            expected
        );
        assert_eq!(
            parse_date_or_link("[[2026-10-02.md#Lunch]]", &iso),
            expected
        );
        assert_eq!(parse_date_or_link("[[Oct 2nd, 2026]]", &iso), None);
        let ordinal = JournalFormat::from_moment("MMM Do, YYYY");
        assert_eq!(parse_date_or_link("[[Oct 2nd, 2026]]", &ordinal), expected);
        assert_eq!(
            parse_date_or_link("[[Journal/Oct 2nd, 2026|Fri]]", &ordinal),
            expected
        );
        // An ISO link still reads in another journal format.
        assert_eq!(parse_date_or_link("[[2026-10-02]]", &ordinal), expected);
        let nested = JournalFormat::from_moment("YYYY/MM/YYYY-MM-DD");
        assert_eq!(
            parse_date_or_link("[[2026/10/2026-10-02]]", &nested),
            expected
        );
        for text in [
            "[[Sharon Lee]]",
            "[[]]",
            "[[2026-10-02]] and [[x]]",
            "[[",
            "Oct 2nd, 2026",
        ] {
            assert_eq!(parse_date_or_link(text, &ordinal), None, "{text}");
        }
    }

    #[test]
    fn vcard_basic_birthdays() {
        let full = Birthday::parse("19901202").expect("basic");
        assert_eq!((full.year, full.month, full.day), (Some(1990), 12, 2));
        assert_eq!(Birthday::parse("19901202T000000Z").map(|b| b.day), Some(2));
        let no_year = Birthday::parse("--1202").expect("no year");
        assert_eq!((no_year.year, no_year.month, no_year.day), (None, 12, 2));
        assert_eq!(Birthday::parse("--0229").map(|b| b.day), Some(29));
        for text in [
            "19901302",
            "1990120",
            "--1232",
            "--120",
            "--12023",
            "2026",
            "T",
            "--",
            "１９９０１２０２",
        ] {
            assert_eq!(Birthday::parse(text), None, "{text}");
        }
    }

    #[test]
    fn java_patterns_as_logseq_writes_them() {
        let cases = [
            ("yyyy_MM_dd", "2026_11_26", "YYYY_MM_DD"),
            ("MMM do, yyyy", "Nov 26th, 2026", "MMM Do, YYYY"),
            ("MMMM do, yyyy", "November 26th, 2026", "MMMM Do, YYYY"),
            ("do MMM yyyy", "26th Nov 2026", "Do MMM YYYY"),
            (
                "EEEE, dd.MM.yyyy",
                "Thursday, 26.11.2026",
                "dddd, DD.MM.YYYY",
            ),
            ("E, MM/dd/yyyy", "Thu, 11/26/2026", "ddd, MM/DD/YYYY"),
            ("yyyy-MM-dd EEE", "2026-11-26 Thu", "YYYY-MM-DD ddd"),
            ("yyyyMMdd", "20261126", "YYYYMMDD"),
            ("yyyy年MM月dd日", "2026年11月26日", "YYYY年MM月DD日"),
            ("'Day' d.M.yy", "Day 26.11.26", "[Day] D.M.YY"),
        ];
        for (java, written, moment) in cases {
            let format = JournalFormat::from_java(java);
            assert_eq!(format.as_moment(), moment, "{java}");
            assert_eq!(format.format(d("2026-11-26")), written, "{java}");
            assert_eq!(format.parse(written), Some(d("2026-11-26")), "{java}");
        }
        assert_eq!(java_to_moment("it''s ]x[ q"), "[i][t]['][s] ][x][[] [q]");
        // Any text gives some format, never a panic.
        for odd in ["", "'", "'unclosed", "dddddd", "\u{1F600}o", "do"] {
            let _ = JournalFormat::from_java(odd).format(d("2026-11-26"));
        }
    }
}
