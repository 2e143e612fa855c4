//! Dates as people type them: `2026-11-25`, `today`, `yesterday`, `friday`, `3d ago`.

use chrono::{Datelike, Days, NaiveDate, Weekday};

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
    if let Some(date) = vault_notes::parse_date(&t).filter(|_| t.len() == 10) {
        return Ok(date);
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
