//! Dates as people type them on the command line: `2026-11-25` (`--today`, `--date`, a
//! snooze's end), `today`, `yesterday`, `friday`, `3d ago` (`--date`), `2w` (a snooze's
//! end). A day written as a date that does not exist (`2026-11-31`) is named as such, once,
//! here.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// Reads `text` as a day written `YYYY-MM-DD`: `None` when it is not written that way at
/// all; else the day, or why there is no such day ("`2026-11-31` is not a day: November
/// 2026 has 30 days").
pub fn iso_day(text: &str) -> Option<Result<NaiveDate, String>> {
    let t = text.trim();
    let shaped = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return None;
    }
    // All ASCII digits and dashes, so these slices are on character boundaries.
    let number = |range: std::ops::Range<usize>| t.get(range).and_then(|n| n.parse().ok());
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return None;
    };
    let no_day = |why: String| Err(format!("`{t}` is not a day: {why}"));
    let Some(first) = i32::try_from(year)
        .ok()
        .and_then(|year| NaiveDate::from_ymd_opt(year, month, 1))
    else {
        return Some(no_day("a year has 12 months".to_owned()));
    };
    if let Some(date) = first.with_day(day) {
        return Some(Ok(date));
    }
    let days = first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .map_or(31, |last| last.day());
    let month_name = first.format("%B %Y");
    Some(no_day(if day == 0 {
        format!("{month_name} has days 1 to {days}")
    } else {
        format!("{month_name} has {days} days")
    }))
}

/// Reads `--today`: a day written `YYYY-MM-DD`.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    iso_day(text).unwrap_or_else(|| Err(format!("`{text}` is not a date; write it as YYYY-MM-DD")))
}

/// Reads the end of a snooze relative to `today`: a date (`2026-12-15`), or a span from
/// today as a cadence is written (`2w`, `30d`, `3 months`, `monthly`; `0d` is today).
/// Whether it is after today is the caller's to say.
pub fn parse_until(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    if let Some(day) = iso_day(text) {
        return day;
    }
    if let Some(date) = vault_notes::parse_date(text) {
        return Ok(date);
    }
    let bad = || format!("`{text}` is not a date or a span; write 2026-12-15, 2w or 30d");
    let t = text.trim();
    // A cadence is never zero days, a span may be: `0d` is a number and a unit of one.
    let zero = t.starts_with('0')
        && vault_notes::parse_cadence(&format!("1{}", t.trim_start_matches('0'))).is_some();
    let days = if zero {
        0
    } else {
        vault_notes::parse_cadence(t).ok_or_else(bad)?
    };
    today
        .checked_add_days(Days::new(u64::from(days)))
        .ok_or_else(bad)
}

/// Reads `text` relative to `today`.
///
/// A weekday name (`friday`, `fri`, `last friday`) means the most recent such day, today
/// included (`monday` on a Monday is today: you log what happened, and a contact a week ago
/// is better written `7d ago`); `N days ago`, `Nd ago`, `N weeks ago`, `Nw ago` (and `3d`,
/// `2w` without `ago`) count back from today.
pub fn parse_when(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let t = text.trim().to_lowercase();
    let bad = || {
        format!(
            "`{text}` is not a date; write YYYY-MM-DD, today, yesterday, a weekday such as friday, or 3d ago"
        )
    };
    if let Some(day) = iso_day(&t) {
        return day;
    }
    match t.as_str() {
        "today" => return Ok(today),
        "yesterday" => return today.checked_sub_days(Days::new(1)).ok_or_else(bad),
        _ => {}
    }
    if let Ok(weekday) = t
        .strip_prefix("last ")
        .unwrap_or(&t)
        .trim()
        .parse::<Weekday>()
    {
        let back =
            (7 + today.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        return today
            .checked_sub_days(Days::new(u64::from(back)))
            .ok_or_else(bad);
    }
    // `3d ago`, or just `3d`: a log line records the past.
    let amount = t.strip_suffix("ago").map(str::trim).or_else(|| {
        t.starts_with(|c: char| c.is_ascii_digit())
            .then_some(t.as_str())
    });
    if let Some(amount) = amount {
        let split = amount
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(amount.len());
        let n: u64 = amount[..split].parse().map_err(|_| bad())?;
        let days = match amount[split..].trim() {
            "d" | "day" | "days" => n,
            "w" | "week" | "weeks" => n.checked_mul(7).ok_or_else(bad)?,
            _ => return Err(bad()),
        };
        return today.checked_sub_days(Days::new(days)).ok_or_else(bad);
    }
    Err(bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn days_that_do_not_exist_say_why() {
        for (text, message) in [
            (
                "2026-11-31",
                "`2026-11-31` is not a day: November 2026 has 30 days",
            ),
            (
                "2026-02-29",
                "`2026-02-29` is not a day: February 2026 has 28 days",
            ),
            (
                "2028-02-30",
                "`2028-02-30` is not a day: February 2028 has 29 days",
            ),
            (
                "2026-12-32",
                "`2026-12-32` is not a day: December 2026 has 31 days",
            ),
            (
                "2026-04-00",
                "`2026-04-00` is not a day: April 2026 has days 1 to 30",
            ),
            (
                "2026-13-01",
                "`2026-13-01` is not a day: a year has 12 months",
            ),
            (
                "2026-00-10",
                "`2026-00-10` is not a day: a year has 12 months",
            ),
            (
                " 9999-12-99 ",
                "`9999-12-99` is not a day: December 9999 has 31 days",
            ),
        ] {
            assert_eq!(iso_day(text), Some(Err(message.to_owned())), "{text}");
            assert_eq!(parse_day(text), Err(message.to_owned()), "{text}");
        }
        assert_eq!(iso_day("2028-02-29"), Some(Ok(d("2028-02-29"))));
        assert_eq!(iso_day("0000-01-01"), Some(Ok(d("0000-01-01"))));
        for text in [
            "2026-11-3",
            "2026/11/23",
            "tomorrow",
            "2026-11-23 10:00",
            "２０２６-11-23",
            "",
        ] {
            assert_eq!(iso_day(text), None, "{text}");
            assert_eq!(
                parse_day(text),
                Err(format!("`{text}` is not a date; write it as YYYY-MM-DD")),
                "{text}"
            );
        }
    }

    #[test]
    fn snooze_ends() {
        let monday = d("2026-11-23");
        for (text, expected) in [
            ("2026-12-15", "2026-12-15"),
            ("2w", "2026-12-07"),
            ("30d", "2026-12-23"),
            ("3 months", "2027-02-21"),
            ("monthly", "2026-12-23"),
            ("0d", "2026-11-23"),
            ("0", "2026-11-23"),
            ("2026-11-20", "2026-11-20"),
            ("[[2026-12-15]]", "2026-12-15"),
        ] {
            assert_eq!(parse_until(text, monday), Ok(d(expected)), "{text}");
        }
        assert_eq!(
            parse_until("2026-11-31", monday),
            Err("`2026-11-31` is not a day: November 2026 has 30 days".to_owned())
        );
        for text in ["whenever", "0x", "-2w", "", "00 parsecs"] {
            assert_eq!(
                parse_until(text, monday),
                Err(format!(
                    "`{text}` is not a date or a span; write 2026-12-15, 2w or 30d"
                )),
                "{text}"
            );
        }
    }

    #[test]
    fn every_form() {
        let monday = d("2026-11-23");
        for (text, expected) in [
            ("2026-11-20", "2026-11-20"),
            ("today", "2026-11-23"),
            ("Yesterday", "2026-11-22"),
            ("monday", "2026-11-23"),
            ("friday", "2026-11-20"),
            ("sun", "2026-11-22"),
            ("3d ago", "2026-11-20"),
            ("2 weeks ago", "2026-11-09"),
            ("1 day ago", "2026-11-22"),
            ("last friday", "2026-11-20"),
            ("Last Monday", "2026-11-23"),
            ("0d ago", "2026-11-23"),
            ("  2026-11-20  ", "2026-11-20"),
            ("3d", "2026-11-20"),
            ("2w", "2026-11-09"),
        ] {
            assert_eq!(parse_when(text, monday), Ok(d(expected)), "{text}");
        }
        for text in [
            "soon",
            "3x ago",
            "2026-13-01",
            "ago",
            "2026-11-20 10:00",
            "last",
            "-3d ago",
        ] {
            assert!(parse_when(text, monday).is_err(), "{text}");
        }
    }
}
