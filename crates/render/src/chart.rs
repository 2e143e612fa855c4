//! Geometry for the digest's inline SVG charts, computed here so templates only place
//! integers (nothing from a note ever reaches an SVG attribute).

use serde::Serialize;
use vault_index::{Reconnects, SharedPerson, Status};

/// Width and height of the chart drawing area, in SVG units.
const WIDTH: u32 = 600;
const HEIGHT: u32 = 170;
const BOTTOM: u32 = 20;
/// Space between two segments of the status bar.
const SEGMENT_GAP: u32 = 3;

/// One bar of the reconnects chart.
#[derive(Debug, Serialize)]
pub(crate) struct MonthBar {
    /// `Nov`.
    label: String,
    /// `2026-11`.
    month: String,
    value: u32,
    met: bool,
    current: bool,
    x: u32,
    y: u32,
    width: u32,
    height: u32,
    label_x: u32,
}

/// The reconnects-per-month chart.
#[derive(Debug, Serialize)]
pub(crate) struct ReconnectChart {
    width: u32,
    height: u32,
    baseline: u32,
    bars: Vec<MonthBar>,
    /// Where the goal line is drawn (none without a goal).
    goal_y: Option<u32>,
    max: u32,
}

/// One segment of the people-by-status bar.
#[derive(Debug, Serialize)]
pub(crate) struct StatusSegment {
    status: &'static str,
    count: usize,
    x: u32,
    width: u32,
}

/// The people-by-status stacked bar.
#[derive(Debug, Serialize)]
pub(crate) struct StatusChart {
    width: u32,
    segments: Vec<StatusSegment>,
}

pub(crate) fn reconnects(reconnects: &Reconnects) -> ReconnectChart {
    let months = &reconnects.months;
    let goal = reconnects.goal;
    let max = months
        .iter()
        .map(|m| m.reconnects)
        .max()
        .unwrap_or(0)
        .max(goal)
        .max(1);
    let area = HEIGHT - BOTTOM;
    let slot = WIDTH / u32::try_from(months.len().max(1)).unwrap_or(1);
    let scale = |v: u32| v.min(max) * (area - 10) / max;
    let last = months.len().saturating_sub(1);
    let bars = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let i = u32::try_from(i).unwrap_or(0);
            let height = scale(m.reconnects);
            MonthBar {
                label: month_label(&m.month),
                month: m.month.clone(),
                value: m.reconnects,
                met: m.met,
                current: i as usize == last,
                x: i * slot + slot / 6,
                y: area - height,
                width: slot * 2 / 3,
                height,
                label_x: i * slot + slot / 2,
            }
        })
        .collect();
    ReconnectChart {
        width: WIDTH,
        height: HEIGHT,
        baseline: area,
        bars,
        goal_y: (goal > 0).then(|| area - scale(goal)),
        max,
    }
}

pub(crate) fn statuses(people: &[SharedPerson<'_>]) -> StatusChart {
    let counts: Vec<(Status, usize)> = Status::ALL
        .into_iter()
        .map(|status| {
            let count = people.iter().filter(|p| p.status() == status).count();
            (status, count)
        })
        .filter(|(_, count)| *count > 0)
        .collect();
    let total = counts.iter().map(|(_, count)| count).sum::<usize>().max(1);
    let full = WIDTH as usize;
    let last = counts.len().saturating_sub(1);
    let mut segments = Vec::new();
    let mut done = 0;
    let mut x = 0;
    for (i, (status, count)) in counts.into_iter().enumerate() {
        done += count;
        // Each segment ends where its running total falls, so the bar fills the width;
        // a thin gap keeps neighbours of similar colour apart.
        let end = u32::try_from(done * full / total).unwrap_or(WIDTH);
        let slot = end.saturating_sub(x).max(SEGMENT_GAP + 2);
        let width = if i == last { slot } else { slot - SEGMENT_GAP };
        segments.push(StatusSegment {
            status: status.as_str(),
            count,
            x,
            width,
        });
        x += slot;
    }
    StatusChart {
        width: x.max(WIDTH),
        segments,
    }
}

fn month_label(month: &str) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    month
        .get(5..7)
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| NAMES.get(m.wrapping_sub(1)))
        .map_or_else(|| month.to_owned(), |n| (*n).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(files: &[(&str, &str)]) -> vault_index::Index {
        let notes: Vec<_> = files
            .iter()
            .map(|(path, text)| {
                vault_notes::parse_note(path, text.as_bytes(), &Default::default()).note
            })
            .collect();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        vault_index::build(&notes, &vault_index::Config::default(), today)
    }

    #[test]
    fn status_segments_fill_the_bar_with_gaps_between() {
        let index = index_of(&[
            ("People/A.md", "---\ncadence: 30\n---\n- 2026-01-01 call\n"),
            ("People/B.md", "---\ncadence: 30\n---\n- 2026-10-01 call\n"),
            ("People/C.md", "---\ncadence: 30\n---\n- 2026-10-10 call\n"),
            ("People/D.md", "---\ncadence: 30\n---\n"),
        ]);
        let chart = statuses(&index.shared().people);
        let shown: Vec<(&str, usize)> =
            chart.segments.iter().map(|s| (s.status, s.count)).collect();
        assert_eq!(
            shown,
            [("hibernating", 1), ("overdue", 2), ("no-contact", 1)]
        );
        for pair in chart.segments.windows(2) {
            assert_eq!(pair[0].x + pair[0].width + SEGMENT_GAP, pair[1].x);
        }
        let last = chart.segments.last().map_or(0, |s| s.x + s.width);
        assert_eq!(last, WIDTH);
        // Twice as many people, about twice as wide.
        assert!(chart.segments[1].width > chart.segments[0].width * 2 - 2 * SEGMENT_GAP);
    }

    #[test]
    fn reconnect_bars_stand_on_the_baseline_under_the_goal() {
        let index = index_of(&[(
            "People/A.md",
            "---\ncadence: 7\n---\n- 2026-09-01 call\n- 2026-09-20 call\n- 2026-11-02 call\n",
        )]);
        let chart = reconnects(&index.reconnects);
        assert_eq!(chart.bars.len(), 12);
        for bar in &chart.bars {
            assert_eq!(bar.y + bar.height, chart.baseline, "{}", bar.month);
        }
        let september = chart.bars.iter().find(|b| b.month == "2026-09");
        assert_eq!(september.map(|b| (b.value, b.met)), Some((2, true)));
        // The goal (2) is the tallest value here, so its line is at the top of the bars.
        assert_eq!(chart.goal_y, september.map(|b| b.y));
        assert!(
            chart
                .bars
                .last()
                .is_some_and(|b| b.current && b.label == "Nov")
        );
    }

    #[test]
    fn month_labels() {
        assert_eq!(month_label("2026-11"), "Nov");
        assert_eq!(month_label("2026-13"), "2026-13");
    }
}
