//! RRULE, EXDATE and RDATE at the resolution of days: which dates a series falls on.
//!
//! `vault` writes one log line per day, so a series is expanded to dates, not instants.
//! Supported: FREQ (all seven; SECONDLY, MINUTELY and HOURLY by arithmetic on the start
//! time), INTERVAL, COUNT, UNTIL, BYDAY (with ordinals in MONTHLY and YEARLY), BYMONTHDAY,
//! BYMONTH, BYSETPOS and WKST. BYHOUR, BYMINUTE and BYSECOND only pick times inside a
//! day, so they are read and ignored (a COUNT with them counts days, not instants);
//! BYYEARDAY and BYWEEKNO are refused, and the event is then read as a single occurrence.
//! UNTIL is compared by the date as written (an UNTIL in UTC near midnight may be a
//! day off the series' own zone).
//!
//! Expanding is bounded: a lookup visits at most [`MAX_PERIODS`] periods (days, weeks,
//! months or years of the rule) and says when it stopped there ([`Lookup::capped`]), so a
//! COUNT of 10^9 or a rule that never matches costs milliseconds, never a hang.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveTime, Timelike, Weekday};

/// How many periods one lookup may visit before it gives up and says so.
pub const MAX_PERIODS: u32 = 100_000;

/// The most values one BY… list may hold (a real rule has a handful).
const MAX_LIST: usize = 400;

/// FREQ of an RRULE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Secondly,
    Minutely,
    Hourly,
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// One BYDAY entry: `MO`, `2TU`, `-1FR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekdayNum {
    /// The n-th such weekday of the month or year (negative: from the end); `None`: every one.
    pub ordinal: Option<i8>,
    pub weekday: Weekday,
}

/// A parsed RRULE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub frequency: Frequency,
    /// At least 1 (default 1).
    pub interval: u32,
    pub count: Option<u32>,
    /// The last date the series may fall on, as written.
    pub until: Option<NaiveDate>,
    pub by_day: Vec<WeekdayNum>,
    pub by_month_day: Vec<i8>,
    pub by_month: Vec<u8>,
    pub by_set_pos: Vec<i16>,
    /// WKST (default Monday).
    pub week_start: Weekday,
}

/// Everything that makes an event a series: its rule and the dates added and removed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recurrence {
    /// `None` when the event only has RDATEs (or its RRULE could not be read).
    pub rule: Option<Rule>,
    /// EXDATE dates: occurrences on these days are removed.
    pub exdates: Vec<NaiveDate>,
    /// RDATE dates: occurrences added to the rule's.
    pub rdates: Vec<NaiveDate>,
}

/// The answer of a lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lookup {
    pub date: Option<NaiveDate>,
    /// The lookup stopped after [`MAX_PERIODS`] periods: `date` is an occurrence, but a
    /// later one before the day may have been missed.
    pub capped: bool,
}

/// An RRULE value that cannot be read: the byte offset in the value and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub offset: usize,
    pub message: String,
}

fn weekday(code: &str) -> Option<Weekday> {
    Some(match code.to_ascii_uppercase().as_str() {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

fn list<T>(
    value: &str,
    offset: usize,
    name: &str,
    mut item: impl FnMut(&str) -> Option<T>,
) -> Result<Vec<T>, RuleError> {
    let mut out = Vec::new();
    for part in value.split(',') {
        if out.len() >= MAX_LIST {
            return Err(RuleError {
                offset,
                message: format!("{name} lists more than {MAX_LIST} values"),
            });
        }
        match item(part.trim()) {
            Some(v) => out.push(v),
            None => {
                return Err(RuleError {
                    offset,
                    message: format!("{name}: `{part}` is not a valid value"),
                });
            }
        }
    }
    Ok(out)
}

impl Rule {
    /// Parses an RRULE value (`FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20261231T235959Z`).
    pub fn parse(value: &str) -> Result<Rule, RuleError> {
        let mut frequency = None;
        let mut rule = Rule {
            frequency: Frequency::Daily,
            interval: 1,
            count: None,
            until: None,
            by_day: Vec::new(),
            by_month_day: Vec::new(),
            by_month: Vec::new(),
            by_set_pos: Vec::new(),
            week_start: Weekday::Mon,
        };
        let mut offset = 0;
        for part in value.split(';') {
            let here = offset;
            offset += part.len() + 1;
            if part.trim().is_empty() {
                continue;
            }
            let Some((key, val)) = part.split_once('=') else {
                return Err(RuleError {
                    offset: here,
                    message: format!("`{part}` is not NAME=VALUE"),
                });
            };
            let val_at = here + key.len() + 1;
            let bad = |message: String| RuleError {
                offset: val_at,
                message,
            };
            match key.trim().to_ascii_uppercase().as_str() {
                "FREQ" => {
                    frequency = Some(match val.trim().to_ascii_uppercase().as_str() {
                        "SECONDLY" => Frequency::Secondly,
                        "MINUTELY" => Frequency::Minutely,
                        "HOURLY" => Frequency::Hourly,
                        "DAILY" => Frequency::Daily,
                        "WEEKLY" => Frequency::Weekly,
                        "MONTHLY" => Frequency::Monthly,
                        "YEARLY" => Frequency::Yearly,
                        _ => return Err(bad(format!("FREQ `{val}` is not a frequency"))),
                    });
                }
                "INTERVAL" => {
                    rule.interval = val
                        .trim()
                        .parse::<u32>()
                        .ok()
                        .filter(|n| *n >= 1)
                        .ok_or_else(|| bad(format!("INTERVAL `{val}` is not a positive number")))?;
                }
                "COUNT" => {
                    rule.count =
                        Some(val.trim().parse::<u32>().map_err(|_| {
                            bad(format!("COUNT `{val}` is not a non-negative number"))
                        })?);
                }
                "UNTIL" => {
                    let val = val.trim();
                    let date = val
                        .get(..8)
                        .and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok());
                    match date {
                        Some(date) if val.len() == 8 || val.as_bytes().get(8) == Some(&b'T') => {
                            rule.until = Some(date);
                        }
                        _ => return Err(bad(format!("UNTIL `{val}` is not a date or date-time"))),
                    }
                }
                "BYDAY" => {
                    rule.by_day = list(val, val_at, "BYDAY", |v| {
                        let split = v.len().checked_sub(2)?;
                        let weekday = weekday(v.get(split..)?)?;
                        let num = v.get(..split)?;
                        let ordinal = if num.is_empty() {
                            None
                        } else {
                            let n = num.parse::<i8>().ok()?;
                            if n == 0 || !(-53..=53).contains(&n) {
                                return None;
                            }
                            Some(n)
                        };
                        Some(WeekdayNum { ordinal, weekday })
                    })?;
                }
                "BYMONTHDAY" => {
                    rule.by_month_day = list(val, val_at, "BYMONTHDAY", |v| {
                        v.parse::<i8>()
                            .ok()
                            .filter(|n| *n != 0 && (-31..=31).contains(n))
                    })?;
                }
                "BYMONTH" => {
                    rule.by_month = list(val, val_at, "BYMONTH", |v| {
                        v.parse::<u8>().ok().filter(|n| (1..=12).contains(n))
                    })?;
                }
                "BYSETPOS" => {
                    rule.by_set_pos = list(val, val_at, "BYSETPOS", |v| {
                        v.parse::<i16>()
                            .ok()
                            .filter(|n| *n != 0 && (-366..=366).contains(n))
                    })?;
                }
                "WKST" => {
                    rule.week_start = weekday(val.trim())
                        .ok_or_else(|| bad(format!("WKST `{val}` is not a weekday")))?;
                }
                // Times within a day: the dates stay the same.
                "BYHOUR" | "BYMINUTE" | "BYSECOND" => {}
                "BYYEARDAY" | "BYWEEKNO" => {
                    return Err(RuleError {
                        offset: here,
                        message: format!(
                            "{} is not supported; the event is read as one occurrence",
                            key.trim().to_ascii_uppercase()
                        ),
                    });
                }
                other if other.starts_with("X-") => {}
                other => {
                    return Err(RuleError {
                        offset: here,
                        message: format!("`{other}` is not an RRULE part"),
                    });
                }
            }
        }
        rule.frequency = frequency.ok_or(RuleError {
            offset: 0,
            message: "RRULE without FREQ".to_string(),
        })?;
        Ok(rule)
    }
}

/// The index of the period (of the rule's frequency, before INTERVAL) a date falls in.
fn period_index(freq: Frequency, week_start: Weekday, date: NaiveDate) -> i64 {
    match freq {
        Frequency::Weekly => {
            let back = i64::from(date.weekday().days_since(week_start));
            (i64::from(date.num_days_from_ce()) - back).div_euclid(7)
        }
        Frequency::Monthly => i64::from(date.year()) * 12 + i64::from(date.month0()),
        Frequency::Yearly => i64::from(date.year()),
        _ => i64::from(date.num_days_from_ce()),
    }
}

fn month_start(index: i64) -> Option<NaiveDate> {
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
    NaiveDate::from_ymd_opt(year, month, 1)
}

fn days_in_month(first: NaiveDate) -> u32 {
    first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .map_or(28, |last| last.day())
}

/// The n-th (1-based, negative from the end) `weekday` among the days `first..first+len`.
fn nth_weekday(first: NaiveDate, len: u32, weekday: Weekday, n: i8) -> Option<NaiveDate> {
    let offset = weekday.days_since(first.weekday());
    let count = if offset < len {
        (len - 1 - offset) / 7 + 1
    } else {
        0
    };
    let k = if n > 0 {
        u32::try_from(n).ok()? - 1
    } else {
        count.checked_sub(u32::from(n.unsigned_abs()))?
    };
    if k >= count {
        return None;
    }
    first.checked_add_days(Days::new(u64::from(offset + 7 * k)))
}

fn every_weekday(first: NaiveDate, len: u32, weekday: Weekday, out: &mut Vec<NaiveDate>) {
    let mut offset = weekday.days_since(first.weekday());
    while offset < len {
        if let Some(d) = first.checked_add_days(Days::new(u64::from(offset))) {
            out.push(d);
        }
        offset += 7;
    }
}

fn month_days(first: NaiveDate, by_month_day: &[i8], out: &mut Vec<NaiveDate>) {
    let len = days_in_month(first);
    for &md in by_month_day {
        let day = if md > 0 {
            u32::from(md.unsigned_abs())
        } else {
            match (len + 1).checked_sub(u32::from(md.unsigned_abs())) {
                Some(d) => d,
                None => continue,
            }
        };
        if (1..=len).contains(&day)
            && let Some(d) = first.with_day(day)
        {
            out.push(d);
        }
    }
}

/// The dates of one month for MONTHLY (and YEARLY with BYMONTH).
fn dates_in_month(rule: &Rule, start: NaiveDate, first: NaiveDate, out: &mut Vec<NaiveDate>) {
    let len = days_in_month(first);
    if !rule.by_month_day.is_empty() {
        let from = out.len();
        month_days(first, &rule.by_month_day, out);
        if !rule.by_day.is_empty() {
            // BYDAY limits BYMONTHDAY here (RFC 5545's table: "Limit").
            let mut i = from;
            while i < out.len() {
                let keep = out
                    .get(i)
                    .is_some_and(|d| rule.by_day.iter().any(|w| w.weekday == d.weekday()));
                if keep {
                    i += 1;
                } else {
                    out.remove(i);
                }
            }
        }
    } else if !rule.by_day.is_empty() {
        for w in &rule.by_day {
            match w.ordinal {
                Some(n) => out.extend(nth_weekday(first, len, w.weekday, n)),
                None => every_weekday(first, len, w.weekday, out),
            }
        }
    } else if let Some(d) = first.with_day(start.day()) {
        // A series started on the 31st skips the shorter months, as RFC 5545 says.
        out.push(d);
    }
}

/// The candidate dates of period `p` (after INTERVAL), sorted, before start/UNTIL/COUNT.
fn period_dates(rule: &Rule, start: NaiveDate, p: i64, out: &mut Vec<NaiveDate>) {
    out.clear();
    let interval = i64::from(rule.interval);
    let Some(step) = p.checked_mul(interval) else {
        return;
    };
    let month_ok = |d: &NaiveDate| {
        rule.by_month.is_empty() || rule.by_month.iter().any(|m| u32::from(*m) == d.month())
    };
    match rule.frequency {
        Frequency::Weekly => {
            let back = u64::from(start.weekday().days_since(rule.week_start));
            let Some(week) = start
                .checked_sub_days(Days::new(back))
                .and_then(|w| w.checked_add_days(Days::new(u64::try_from(step * 7).ok()?)))
            else {
                return;
            };
            if rule.by_day.is_empty() {
                let off = start.weekday().days_since(rule.week_start);
                out.extend(week.checked_add_days(Days::new(u64::from(off))));
            } else {
                for w in &rule.by_day {
                    let off = w.weekday.days_since(rule.week_start);
                    out.extend(week.checked_add_days(Days::new(u64::from(off))));
                }
            }
            out.retain(month_ok);
        }
        Frequency::Monthly => {
            let index = period_index(Frequency::Monthly, rule.week_start, start) + step;
            let Some(first) = month_start(index) else {
                return;
            };
            if !month_ok(&first) {
                return;
            }
            dates_in_month(rule, start, first, out);
        }
        Frequency::Yearly => {
            let Some(year) = i32::try_from(i64::from(start.year()) + step).ok() else {
                return;
            };
            let months: Vec<u32> = if !rule.by_month.is_empty() {
                rule.by_month.iter().map(|m| u32::from(*m)).collect()
            } else if rule.by_month_day.is_empty() && rule.by_day.is_empty() {
                vec![start.month()]
            } else if rule.by_month_day.is_empty() {
                // BYDAY alone in YEARLY: ordinals count within the year.
                let (Some(first), Some(next)) = (
                    NaiveDate::from_ymd_opt(year, 1, 1),
                    NaiveDate::from_ymd_opt(year.saturating_add(1), 1, 1),
                ) else {
                    return;
                };
                let len = u32::try_from((next - first).num_days()).unwrap_or(365);
                for w in &rule.by_day {
                    match w.ordinal {
                        Some(n) => out.extend(nth_weekday(first, len, w.weekday, n)),
                        None => every_weekday(first, len, w.weekday, out),
                    }
                }
                finish(rule, out);
                return;
            } else {
                (1..=12).collect()
            };
            for month in months {
                let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
                    continue;
                };
                if rule.by_month_day.is_empty() && rule.by_day.is_empty() {
                    // Feb 29 only in leap years.
                    out.extend(first.with_day(start.day()));
                } else {
                    dates_in_month(rule, start, first, out);
                }
            }
        }
        _ => {
            let Some(day) = u64::try_from(step)
                .ok()
                .and_then(|s| start.checked_add_days(Days::new(s)))
            else {
                return;
            };
            let day_ok =
                rule.by_day.is_empty() || rule.by_day.iter().any(|w| w.weekday == day.weekday());
            let month_day_ok = rule.by_month_day.is_empty() || {
                let mut v = Vec::new();
                if let Some(first) = day.with_day(1) {
                    month_days(first, &rule.by_month_day, &mut v);
                }
                v.contains(&day)
            };
            if day_ok && month_day_ok && month_ok(&day) {
                out.push(day);
            }
        }
    }
    finish(rule, out);
}

fn finish(rule: &Rule, out: &mut Vec<NaiveDate>) {
    out.sort_unstable();
    out.dedup();
    if !rule.by_set_pos.is_empty() {
        let all = std::mem::take(out);
        let len = i64::try_from(all.len()).unwrap_or(i64::MAX);
        for &pos in &rule.by_set_pos {
            let i = if pos > 0 {
                i64::from(pos) - 1
            } else {
                len + i64::from(pos)
            };
            if let Some(d) = usize::try_from(i).ok().and_then(|i| all.get(i)) {
                out.push(*d);
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// The latest date on or before `day` on which the rule's series (started on `start`, at
/// `start_time` for the sub-daily frequencies) has an occurrence that `excluded` keeps.
/// DTSTART is always the first occurrence (RFC 5545), and counts toward COUNT.
pub fn latest_on_or_before(
    rule: &Rule,
    start: NaiveDate,
    start_time: Option<NaiveTime>,
    day: NaiveDate,
    excluded: impl Fn(NaiveDate) -> bool,
) -> Lookup {
    let none = Lookup {
        date: None,
        capped: false,
    };
    if day < start || rule.count == Some(0) {
        return none;
    }
    let last = match rule.until {
        Some(until) if until < start => {
            // Per RFC 5545 DTSTART is still an occurrence.
            return Lookup {
                date: (!excluded(start)).then_some(start),
                capped: false,
            };
        }
        Some(until) => until.min(day),
        None => day,
    };
    match rule.frequency {
        Frequency::Secondly | Frequency::Minutely | Frequency::Hourly => {
            sub_daily(rule, start, start_time, last, &excluded)
        }
        _ if rule.count.is_some() => counted(rule, start, last, &excluded),
        _ => backwards(rule, start, last, &excluded),
    }
}

/// Without COUNT the periods are independent: scan back from the period holding `last`.
fn backwards(
    rule: &Rule,
    start: NaiveDate,
    last: NaiveDate,
    excluded: &impl Fn(NaiveDate) -> bool,
) -> Lookup {
    let span = period_index(rule.frequency, rule.week_start, last)
        - period_index(rule.frequency, rule.week_start, start);
    let mut p = span.div_euclid(i64::from(rule.interval));
    let mut dates = Vec::new();
    let mut visited = 0;
    while p >= 0 {
        if visited >= MAX_PERIODS {
            return Lookup {
                date: (!excluded(start)).then_some(start),
                capped: true,
            };
        }
        visited += 1;
        period_dates(rule, start, p, &mut dates);
        let found = dates
            .iter()
            .rev()
            .find(|d| **d > start && **d <= last && !excluded(**d));
        if let Some(d) = found {
            return Lookup {
                date: Some(*d),
                capped: false,
            };
        }
        p -= 1;
    }
    Lookup {
        date: (!excluded(start)).then_some(start),
        capped: false,
    }
}

/// With COUNT the n-th occurrence depends on all before it: count forward from the start.
fn counted(
    rule: &Rule,
    start: NaiveDate,
    last: NaiveDate,
    excluded: &impl Fn(NaiveDate) -> bool,
) -> Lookup {
    let count = rule.count.unwrap_or(u32::MAX);
    let mut best = (!excluded(start)).then_some(start);
    let mut seen: u32 = 1;
    let mut dates = Vec::new();
    for p in 0..i64::from(MAX_PERIODS) {
        period_dates(rule, start, p, &mut dates);
        for d in &dates {
            if *d <= start {
                continue;
            }
            if *d > last || seen >= count {
                return Lookup {
                    date: best,
                    capped: false,
                };
            }
            seen += 1;
            if !excluded(*d) {
                best = Some(*d);
            }
        }
        // A period wholly after `last` ends the search even when it yielded nothing.
        let period_start = match rule.frequency {
            Frequency::Weekly => start
                .checked_add_days(Days::new(
                    u64::try_from(p).unwrap_or(0) * 7 * u64::from(rule.interval),
                ))
                .and_then(|d| d.checked_sub_days(Days::new(6))),
            Frequency::Monthly => month_start(
                period_index(Frequency::Monthly, rule.week_start, start)
                    + p * i64::from(rule.interval),
            ),
            Frequency::Yearly => {
                i32::try_from(i64::from(start.year()) + p * i64::from(rule.interval))
                    .ok()
                    .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
            }
            _ => start.checked_add_days(Days::new(
                u64::try_from(p).unwrap_or(0) * u64::from(rule.interval),
            )),
        };
        if period_start.is_none_or(|s| s > last) {
            return Lookup {
                date: best,
                capped: false,
            };
        }
    }
    Lookup {
        date: best,
        capped: true,
    }
}

/// SECONDLY, MINUTELY, HOURLY: occurrence k is at start + k × step; computed, not iterated.
fn sub_daily(
    rule: &Rule,
    start: NaiveDate,
    start_time: Option<NaiveTime>,
    last: NaiveDate,
    excluded: &impl Fn(NaiveDate) -> bool,
) -> Lookup {
    let unit: i64 = match rule.frequency {
        Frequency::Secondly => 1,
        Frequency::Minutely => 60,
        _ => 3600,
    };
    let step = unit * i64::from(rule.interval);
    let t0 = i64::from(start_time.map_or(0, |t| t.num_seconds_from_midnight()));
    let days_from_start = |d: NaiveDate| (d - start).num_days();
    // The last k whose instant is on or before the end of `limit`.
    let last_k = |limit: NaiveDate| -> Option<i64> {
        let end = days_from_start(limit)
            .checked_mul(86_400)?
            .checked_add(86_399)?
            - t0;
        (end >= 0).then(|| end / step)
    };
    let Some(mut k) = last_k(last) else {
        return Lookup {
            date: None,
            capped: false,
        };
    };
    if let Some(count) = rule.count {
        k = k.min(i64::from(count) - 1);
    }
    for _ in 0..MAX_PERIODS {
        if k < 0 {
            return Lookup {
                date: None,
                capped: false,
            };
        }
        let secs = t0 + k * step;
        let Some(date) =
            start.checked_add_days(Days::new(u64::try_from(secs / 86_400).unwrap_or(0)))
        else {
            return Lookup {
                date: None,
                capped: false,
            };
        };
        if !excluded(date) {
            return Lookup {
                date: Some(date),
                capped: false,
            };
        }
        // The whole day is excluded: jump to the last occurrence before it.
        let Some(before) = date.pred_opt() else {
            break;
        };
        match last_k(before) {
            Some(prev) if prev < k => k = prev,
            _ => k = -1,
        }
    }
    Lookup {
        date: None,
        capped: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn latest(rule: &str, start: &str, day: &str) -> Option<NaiveDate> {
        let rule = Rule::parse(rule).expect("rule parses");
        latest_on_or_before(&rule, d(start), None, d(day), |_| false).date
    }

    #[test]
    fn parses_a_google_weekly_rule() {
        let rule = Rule::parse("FREQ=WEEKLY;WKST=SU;UNTIL=20261231T225959Z;INTERVAL=2;BYDAY=MO,WE")
            .expect("parses");
        assert_eq!(rule.frequency, Frequency::Weekly);
        assert_eq!(rule.interval, 2);
        assert_eq!(rule.until, Some(d("2026-12-31")));
        assert_eq!(rule.week_start, Weekday::Sun);
        assert_eq!(rule.by_day.len(), 2);
    }

    #[test]
    fn refuses_bad_rules_with_where() {
        for (bad, at) in [
            ("FREQ=FORTNIGHTLY", 5),
            ("FREQ=DAILY;INTERVAL=0", 20),
            ("FREQ=DAILY;BYDAY=XX", 17),
            ("FREQ=DAILY;BYWEEKNO=3", 11),
            ("INTERVAL=2", 0),
            ("FREQ=DAILY;UNTIL=2026", 17),
            ("FREQ=DAILY;BOGUS=1", 11),
            ("FREQ=MONTHLY;BYDAY=0MO", 19),
        ] {
            let err = Rule::parse(bad).expect_err(bad);
            assert_eq!(err.offset, at, "{bad}: {}", err.message);
        }
    }

    #[test]
    fn daily_weekly_monthly_yearly() {
        assert_eq!(
            latest("FREQ=DAILY", "2026-10-01", "2026-11-23"),
            Some(d("2026-11-23"))
        );
        assert_eq!(
            latest("FREQ=DAILY;INTERVAL=3", "2026-10-01", "2026-10-06"),
            Some(d("2026-10-04"))
        );
        // Thursday 2026-10-01, weekly: 10-29 then 11-05 ... the last before Mon 11-23 is 11-19.
        assert_eq!(
            latest("FREQ=WEEKLY", "2026-10-01", "2026-11-23"),
            Some(d("2026-11-19"))
        );
        assert_eq!(
            latest("FREQ=WEEKLY;BYDAY=MO,TH", "2026-10-01", "2026-11-25"),
            Some(d("2026-11-23"))
        );
        assert_eq!(
            latest("FREQ=MONTHLY", "2026-01-31", "2026-05-15"),
            Some(d("2026-03-31"))
        );
        assert_eq!(
            latest("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30", "2026-11-23"),
            Some(d("2026-10-30"))
        );
        assert_eq!(
            latest("FREQ=MONTHLY;BYDAY=2TU", "2026-01-13", "2026-11-23"),
            Some(d("2026-11-10"))
        );
        assert_eq!(
            latest("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-31", "2026-03-30"),
            Some(d("2026-02-28"))
        );
        assert_eq!(
            latest("FREQ=YEARLY", "2024-02-29", "2027-12-31"),
            Some(d("2024-02-29"))
        );
        assert_eq!(
            latest("FREQ=YEARLY", "2020-10-02", "2026-11-23"),
            Some(d("2026-10-02"))
        );
        assert_eq!(
            latest(
                "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH",
                "2020-11-26",
                "2026-12-01"
            ),
            Some(d("2026-11-26"))
        );
        // Outlook's "last weekday of the month".
        assert_eq!(
            latest(
                "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
                "2026-01-30",
                "2026-11-29"
            ),
            Some(d("2026-10-30"))
        );
    }

    #[test]
    fn count_and_until_end_a_series() {
        assert_eq!(
            latest("FREQ=WEEKLY;COUNT=3", "2026-10-01", "2026-12-31"),
            Some(d("2026-10-15"))
        );
        assert_eq!(
            latest("FREQ=DAILY;COUNT=1", "2026-10-01", "2026-12-31"),
            Some(d("2026-10-01"))
        );
        assert_eq!(
            latest("FREQ=DAILY;UNTIL=20261005", "2026-10-01", "2026-12-31"),
            Some(d("2026-10-05"))
        );
        assert_eq!(
            latest("FREQ=DAILY;UNTIL=20260901", "2026-10-01", "2026-12-31"),
            Some(d("2026-10-01"))
        );
        assert_eq!(latest("FREQ=DAILY", "2026-10-01", "2026-09-30"), None);
    }

    #[test]
    fn exclusions_step_back_and_count_still_counts_them() {
        let rule = Rule::parse("FREQ=WEEKLY;COUNT=3").expect("parses");
        let ex = [d("2026-10-15")];
        let got = latest_on_or_before(&rule, d("2026-10-01"), None, d("2026-12-31"), |x| {
            ex.contains(&x)
        });
        assert_eq!(got.date, Some(d("2026-10-08")));
        let rule = Rule::parse("FREQ=WEEKLY").expect("parses");
        let got = latest_on_or_before(&rule, d("2026-10-01"), None, d("2026-10-16"), |x| {
            ex.contains(&x)
        });
        assert_eq!(got.date, Some(d("2026-10-08")));
    }

    #[test]
    fn huge_rules_are_bounded() {
        let start = std::time::Instant::now();
        let rule = Rule::parse("FREQ=SECONDLY;COUNT=1000000000").expect("parses");
        let t = NaiveTime::from_hms_opt(9, 0, 0);
        let got = latest_on_or_before(&rule, d("2026-10-01"), t, d("2026-11-23"), |_| false);
        assert_eq!(got.date, Some(d("2026-11-23")));
        // Every day excluded: jumps a day per step, gives up at the cap.
        let endless = Rule::parse("FREQ=SECONDLY").expect("parses");
        let got = latest_on_or_before(&endless, d("1700-01-01"), t, d("2026-11-23"), |_| true);
        assert!(got.capped && got.date.is_none());
        let rule = Rule::parse("FREQ=DAILY;COUNT=1000000000").expect("parses");
        let got = latest_on_or_before(&rule, d("1900-01-01"), None, d("2026-11-23"), |_| false);
        assert_eq!((got.date, got.capped), (Some(d("2026-11-23")), false));
        // 120,000 days to count through: the cap answers with what it found, and says so.
        let got = latest_on_or_before(&rule, d("1700-01-01"), None, d("2026-11-23"), |_| false);
        assert!(got.capped && got.date.is_some_and(|x| x < d("2026-11-23")));
        // A rule that never matches (February 30th) stops at the cap, with DTSTART only.
        let rule = Rule::parse("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=5").expect("parses");
        let got = latest_on_or_before(&rule, d("2026-01-01"), None, d("9999-12-31"), |_| false);
        assert_eq!(got.date, Some(d("2026-01-01")));
        assert!(
            start.elapsed().as_secs() < 5,
            "bounded expansion took {:?}",
            start.elapsed()
        );
    }

    #[test]
    fn sub_daily_rules_by_arithmetic() {
        let rule = Rule::parse("FREQ=HOURLY;INTERVAL=36").expect("parses");
        let t = NaiveTime::from_hms_opt(12, 0, 0);
        // 10-01 12:00, 10-03 00:00, 10-04 12:00, 10-06 00:00
        let got = latest_on_or_before(&rule, d("2026-10-01"), t, d("2026-10-05"), |_| false);
        assert_eq!(got.date, Some(d("2026-10-04")));
        let got = latest_on_or_before(&rule, d("2026-10-01"), t, d("2026-10-05"), |x| {
            x == d("2026-10-04")
        });
        assert_eq!(got.date, Some(d("2026-10-03")));
        let rule = Rule::parse("FREQ=MINUTELY;COUNT=10").expect("parses");
        let got = latest_on_or_before(&rule, d("2026-10-01"), t, d("2026-12-05"), |_| false);
        assert_eq!(got.date, Some(d("2026-10-01")));
    }
}
