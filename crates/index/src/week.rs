//! ISO weeks: the digest covers the week that contains its day.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, IsoWeek, NaiveDate, Weekday};
use serde::Serialize;

/// An ISO 8601 week, such as `2026-W48` (Monday 2026-11-23 to Sunday 2026-11-29).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Week {
    /// ISO week-numbering year.
    pub year: i32,
    /// Week number, 1–53.
    pub week: u32,
    /// Its Monday.
    pub start: NaiveDate,
    /// Its Sunday.
    pub end: NaiveDate,
}

impl Week {
    /// The week containing `date`.
    pub fn containing(date: NaiveDate) -> Week {
        let iso: IsoWeek = date.iso_week();
        Week::new(iso.year(), iso.week()).unwrap_or(Week {
            year: iso.year(),
            week: iso.week(),
            start: date,
            end: date,
        })
    }

    /// Week `week` of ISO year `year`, if it exists.
    pub fn new(year: i32, week: u32) -> Option<Week> {
        let start = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
        let end = NaiveDate::from_isoywd_opt(year, week, Weekday::Sun)?;
        Some(Week {
            year,
            week,
            start,
            end,
        })
    }

    /// Whether `date` is in the week.
    pub fn contains(self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// The day a digest of this week is computed for: `today` when it falls in the week,
    /// the week's Sunday for a past week, its Monday for a future one.
    pub fn digest_day(self, today: NaiveDate) -> NaiveDate {
        if self.contains(today) {
            today
        } else if self.end < today {
            self.end
        } else {
            self.start
        }
    }
}

impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

/// Why a week could not be read: the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BadWeek(pub String);

impl FromStr for Week {
    type Err = BadWeek;

    fn from_str(s: &str) -> Result<Week, BadWeek> {
        let bad = || BadWeek(format!("`{s}` is not an ISO week; write it like 2026-W48"));
        let (year, week) = s.trim().split_once(['W', 'w']).ok_or_else(bad)?;
        let year: i32 = year.trim_end_matches('-').parse().map_err(|_| bad())?;
        let week: u32 = week.parse().map_err(|_| bad())?;
        Week::new(year, week).ok_or_else(|| {
            // 28 December is always in the year's last ISO week.
            match NaiveDate::from_ymd_opt(year, 12, 28).map(|d| d.iso_week().week()) {
                Some(weeks) => BadWeek(format!(
                    "`{}` is not a week: {year} has weeks 1 to {weeks}",
                    s.trim()
                )),
                None => bad(),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_48_of_2026() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let week = Week::containing(today);
        assert_eq!(week.to_string(), "2026-W48");
        assert_eq!(week.end.to_string(), "2026-11-29");
        assert_eq!("2026-W48".parse::<Week>(), Ok(week));
        assert!("2026-W54".parse::<Week>().is_err());
        assert_eq!(
            "2027-W53".parse::<Week>().map_err(|e| e.to_string()),
            Err("`2027-W53` is not a week: 2027 has weeks 1 to 52".to_owned())
        );
        assert_eq!("2026-W53".parse::<Week>().map(|w| w.week), Ok(53));
        assert!("soon".parse::<Week>().is_err());
    }

    #[test]
    fn digest_day_of_past_and_future_weeks() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        let past: Week = "2026-W40".parse().expect("week");
        assert_eq!(past.digest_day(today), past.end);
        let future: Week = "2026-W50".parse().expect("week");
        assert_eq!(future.digest_day(today), future.start);
    }
}
