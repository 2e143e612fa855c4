//! The monthly reconnect habit: how many people you reconnected with each month, against
//! the goal, and the streak of months the goal was met.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::interactions::Record;

/// Reconnects in one calendar month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Month {
    /// `2026-11`.
    pub month: String,
    /// Reconnects that month.
    pub reconnects: u32,
    /// Whether the goal was met.
    pub met: bool,
}

/// The habit's figures on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reconnects {
    /// Reconnects wanted per month.
    pub goal: u32,
    /// Reconnects so far this month.
    pub this_month: u32,
    /// Consecutive months the goal was met, ending this month if it is met already,
    /// else last month (this month is not over).
    pub streak: u32,
    /// The last twelve months, oldest first, this month last.
    pub months: Vec<Month>,
}

/// A reconnect is an interaction with someone whose previous interaction was more than
/// their cadence earlier, or who had none. `people` gives each person's interactions
/// (oldest first) and cadence.
pub fn reconnects<'a>(
    people: impl IntoIterator<Item = (&'a [Record], u32)>,
    today: NaiveDate,
    goal: u32,
) -> Reconnects {
    let mut by_month: std::collections::BTreeMap<(i32, u32), u32> = Default::default();
    for (interactions, cadence) in people {
        let mut previous: Option<NaiveDate> = None;
        for i in interactions.iter().filter(|i| i.date <= today) {
            if previous == Some(i.date) {
                continue;
            }
            let is_reconnect =
                previous.is_none_or(|p| (i.date - p).num_days() > i64::from(cadence));
            if is_reconnect {
                *by_month.entry((i.date.year(), i.date.month())).or_default() += 1;
            }
            previous = Some(i.date);
        }
    }
    let count = |ym: (i32, u32)| by_month.get(&ym).copied().unwrap_or(0);
    let met = |n: u32| goal > 0 && n >= goal;
    let this = (today.year(), today.month());
    let months: Vec<Month> = (0..12)
        .rev()
        .map(|back| {
            let ym = months_before(this, back);
            Month {
                month: format!("{:04}-{:02}", ym.0, ym.1),
                reconnects: count(ym),
                met: met(count(ym)),
            }
        })
        .collect();
    let mut streak = 0;
    let mut ym = if met(count(this)) {
        this
    } else {
        months_before(this, 1)
    };
    // Bounded by the history on record.
    let earliest = by_month.keys().next().copied().unwrap_or(this);
    while ym >= earliest && met(count(ym)) {
        streak += 1;
        ym = months_before(ym, 1);
    }
    Reconnects {
        goal,
        this_month: count(this),
        streak,
        months,
    }
}

fn months_before((year, month): (i32, u32), back: u32) -> (i32, u32) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 - i64::from(back);
    let y = index.div_euclid(12);
    let m = index.rem_euclid(12) + 1;
    (
        i32::try_from(y).unwrap_or(year),
        u32::try_from(m).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interactions::Source;

    fn on(date: &str) -> Record {
        Record {
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date"),
            source: Source::Log,
            note: 0,
            item: 0,
            gave: false,
            got: false,
        }
    }

    #[test]
    fn counts_first_contacts_and_gaps_longer_than_cadence() {
        let ann = vec![
            on("2026-08-01"),
            on("2026-09-15"),
            on("2026-10-01"),
            on("2026-11-20"),
        ];
        let bo = vec![on("2026-09-20"), on("2026-10-25")];
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let r = reconnects([(ann.as_slice(), 30), (bo.as_slice(), 30)], today, 2);
        let by: Vec<_> = r
            .months
            .iter()
            .map(|m| (m.month.as_str(), m.reconnects))
            .collect();
        // Ann: Aug first (1), Sep gap 45 > 30 (1), Oct gap 16 (0), Nov gap 50 (1).
        // Bo: Sep first (1), Oct gap 35 (1).
        assert_eq!(
            &by[8..],
            &[
                ("2026-08", 1),
                ("2026-09", 2),
                ("2026-10", 1),
                ("2026-11", 1)
            ]
        );
        assert_eq!(r.this_month, 1);
        // November is not met yet, October was not met: no streak.
        assert_eq!(r.streak, 0);
    }

    #[test]
    fn streak_counts_back_from_last_month_while_this_month_is_open() {
        let a = vec![on("2026-09-01"), on("2026-10-15")];
        let b = vec![on("2026-09-02"), on("2026-10-16")];
        let today = NaiveDate::from_ymd_opt(2026, 11, 3).expect("date");
        let r = reconnects([(a.as_slice(), 30), (b.as_slice(), 30)], today, 2);
        assert_eq!(r.streak, 2);
        assert_eq!(months_before((2026, 1), 1), (2025, 12));
    }
}
