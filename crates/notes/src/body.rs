//! Scanning a note's Markdown body for what `vault` needs: dated log lines, open tasks,
//! and wikilinks outside code.

use chrono::NaiveDate;

use crate::dates::{JournalFormat, split_iso_date};
use crate::line::{Body, Kind, classify};
use crate::link::wikilinks;
use crate::source::to_u32;

/// A dated line in a person's note: `- 2026-10-02 coffee: talked about her new role #got`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    /// The date the line starts with.
    pub date: NaiveDate,
    /// The optional first word before `:` (`coffee`, `call`), lower-cased.
    pub kind: Option<String>,
    /// The text after the date (and kind), without the `#gave`/`#got` tags.
    pub summary: String,
    /// Tagged `#gave`: you helped them.
    pub gave: bool,
    /// Tagged `#got`: they helped you.
    pub got: bool,
    /// 1-based line in the file.
    pub line: u32,
}

/// An open task (`- [ ] …`), a promised follow-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// The task text without the checkbox and the due-date field.
    pub text: String,
    /// Due date from the Tasks plugin (`📅 2026-11-30`) or Dataview (`[due:: 2026-11-30]`).
    pub due: Option<NaiveDate>,
    /// Link targets in the task line.
    pub links: Vec<String>,
    /// 1-based line in the file.
    pub line: u32,
}

/// A wikilink in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The target as written, without label, heading or block.
    pub target: String,
    /// 1-based line in the file.
    pub line: u32,
    /// 1-based column of the `[[` in that line.
    pub column: u32,
    /// Whether the link is on a task line (a follow-up, not a contact).
    pub in_task: bool,
    /// The property holding the link, for links in front matter.
    pub property: Option<String>,
    /// The line around the link as written, when every link is collected: what the mention
    /// says about the contact. [`plain_text`] makes it readable.
    pub context: Option<String>,
}

/// What to collect from a body; tasks are always collected.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScanWhat<'a> {
    /// Dated log lines (person notes).
    pub log: bool,
    /// Every link (dated notes); otherwise only links on task lines are kept.
    pub links: bool,
    /// In a Logseq graph, how journal pages are titled: a log line may start with a link
    /// to one (`- [[Nov 26th, 2026]] coffee`).
    pub journal_titles: Option<&'a JournalFormat>,
}

/// What a body scan found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodyScan {
    /// Dated log lines, in the order written.
    pub log: Vec<LogLine>,
    /// Open tasks.
    pub tasks: Vec<Task>,
    /// Wikilinks outside code.
    pub links: Vec<Link>,
}

/// Scans `body`, whose first line is line `first_line` of the file.
pub fn scan(body: &str, first_line: u32, what: ScanWhat<'_>) -> BodyScan {
    let body = Body::new(body);
    let mut out = BodyScan::default();
    let mut task_dates = crate::logseq::TaskDates::default();
    for (index, line) in body.lines().enumerate() {
        let line_no = first_line.saturating_add(to_u32(index));
        if line.in_code {
            continue;
        }
        let shape = line.shape();
        let kind = shape.kind;
        let tasks_before = out.tasks.len();
        let is_task = matches!(kind, Kind::Task { .. });
        if what.links || is_task {
            let mut context = None;
            for link in wikilinks(line.text) {
                if body.is_code(line.start + link.start) {
                    continue;
                }
                out.links.push(Link {
                    target: link.target.to_owned(),
                    line: line_no,
                    column: to_u32(line.text[..link.start].chars().count() + 1),
                    in_task: is_task,
                    property: None,
                    context: what.links.then(|| {
                        context
                            .get_or_insert_with(|| line.text.trim().to_owned())
                            .clone()
                    }),
                });
            }
        }
        match kind {
            Kind::Task { text, .. } if kind.is_open_task() => out.tasks.push(task(text, line_no)),
            _ if what.log => {
                if let Some(entry) = log_entry(&kind, line_no, what.journal_titles) {
                    out.log.push(entry);
                }
            }
            _ => {}
        }
        task_dates.see(&shape, line.text, &mut out.tasks, tasks_before);
    }
    out
}

/// The log line a line of a person's note stands for, if it is one: a list item or heading
/// that starts with a date (tasks are not log lines), or in a Logseq graph with a link to
/// a journal page by its title (`journal_titles`). `line` is its 1-based line number.
pub(crate) fn log_entry(
    kind: &Kind<'_>,
    line: u32,
    journal_titles: Option<&JournalFormat>,
) -> Option<LogLine> {
    match *kind {
        Kind::Item { text, .. } | Kind::Heading { title: text, .. } => {
            log_line(text, line, journal_titles)
        }
        Kind::Task { .. } | Kind::Blank | Kind::Other => None,
    }
}

/// A line as plain text: list markers and heading marks removed, wikilinks shown by their
/// label or file name, whitespace collapsed.
pub fn plain_text(line: &str) -> String {
    let text = match classify(line).kind {
        Kind::Item { text, .. } | Kind::Heading { title: text, .. } | Kind::Task { text, .. } => {
            text
        }
        Kind::Blank | Kind::Other => line.trim(),
    };
    links_as_text(text)
}

/// Text with wikilinks shown by their label or file name, whitespace collapsed.
fn links_as_text(text: &str) -> String {
    let out = crate::link::unlink(text);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn log_line(text: &str, line: u32, journal_titles: Option<&JournalFormat>) -> Option<LogLine> {
    let text = text.trim_start_matches(['*', '_']);
    let titled = text.strip_prefix("[[").and_then(|linked| {
        let titles = journal_titles.filter(|_| split_iso_date(linked).is_none())?;
        crate::logseq::journal_link(linked, titles)
    });
    let (date, rest) = if let Some(titled) = titled {
        titled
    } else if let Some(linked) = text.strip_prefix("[[") {
        let (date, rest) = split_iso_date(linked)?;
        let close = rest.find("]]")?;
        // `[[2026-10-02|Friday]]` keeps only the date.
        if !rest[..close].is_empty() && !rest.starts_with('|') {
            return None;
        }
        (date, &rest[close + 2..])
    } else {
        split_iso_date(text)?
    };
    let rest = rest.trim_start_matches(['*', '_']);
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let rest = rest.trim_start_matches([' ', '\t', ':', '-', '–', '—', ',', '.']);
    let mut gave = false;
    let mut got = false;
    let mut words = Vec::new();
    for word in rest.split_whitespace() {
        match word.to_ascii_lowercase().as_str() {
            "#gave" => gave = true,
            "#got" => got = true,
            _ => words.push(word),
        }
    }
    let summary = links_as_text(&words.join(" "));
    let (kind, summary) = match summary.split_once(':') {
        Some((word, after))
            if !word.is_empty()
                && word.len() <= 24
                && word
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_') =>
        {
            (Some(word.to_lowercase()), after.trim().to_owned())
        }
        // `- 2026-10-02 call`: a lone word says what kind of contact it was.
        _ if !summary.is_empty()
            && summary.len() <= 24
            && summary.chars().all(|c| c.is_alphabetic() || c == '-') =>
        {
            (Some(summary.to_lowercase()), String::new())
        }
        _ => (None, summary),
    };
    Some(LogLine {
        date,
        kind,
        summary,
        gave,
        got,
        line,
    })
}

fn task(text: &str, line: u32) -> Task {
    let mut due = None;
    let mut display = text.to_owned();
    if let Some(i) = text.find('📅') {
        let after = text[i + '📅'.len_utf8()..].trim_start();
        if let Some((date, rest)) = split_iso_date(after) {
            due = Some(date);
            display = format!("{}{}", &text[..i], rest);
        }
    }
    for open in ["[due::", "(due::"] {
        if let Some(i) = display.find(open) {
            let after = display[i + open.len()..].trim_start();
            if let Some((date, rest)) = split_iso_date(after) {
                let rest = rest.trim_start();
                if let Some(rest) = rest.strip_prefix([']', ')']) {
                    due = due.or(Some(date));
                    display = format!("{}{}", &display[..i], rest);
                }
            }
        }
    }
    let links = wikilinks(text).map(|l| l.target.to_owned()).collect();
    Task {
        text: display.split_whitespace().collect::<Vec<_>>().join(" "),
        due,
        links,
        line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    const ALL: ScanWhat<'static> = ScanWhat {
        log: true,
        links: true,
        journal_titles: None,
    };

    #[test]
    fn log_lines_in_every_form() {
        let body = "\
## Log
- 2026-10-02 coffee: at Coffee Café, talked about her new role #got
- [[2026-09-01]] call
* 2026-08-01: lunch #gave
### 2026-07-01 Lunch
1. 2026-06-01 — dinner
- 2026-10-021 not a date
- 2026-05-01x neither
- plain item
- 2026-05-02 long lunch
";
        let scan = scan(body, 5, ALL);
        let got: Vec<_> = scan
            .log
            .iter()
            .map(|l| {
                (
                    l.date,
                    l.kind.as_deref(),
                    l.summary.as_str(),
                    l.gave,
                    l.got,
                    l.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    d("2026-10-02"),
                    Some("coffee"),
                    "at Coffee Café, talked about her new role",
                    false,
                    true,
                    6
                ),
                (d("2026-09-01"), Some("call"), "", false, false, 7),
                (d("2026-08-01"), Some("lunch"), "", true, false, 8),
                (d("2026-07-01"), Some("lunch"), "", false, false, 9),
                (d("2026-06-01"), Some("dinner"), "", false, false, 10),
                (d("2026-05-02"), None, "long lunch", false, false, 14),
            ]
        );
    }

    #[test]
    fn tasks_are_follow_ups_not_log_lines() {
        let body = "- [ ] 2026-11-30 send [[Sam]] the deck 📅 2026-11-30\n- [x] done thing\n- [ ] intro to Kai [due:: 2026-12-02]\n  - [/] in progress\n";
        let scan = scan(body, 1, ALL);
        assert!(scan.log.is_empty());
        let tasks: Vec<_> = scan
            .tasks
            .iter()
            .map(|t| (t.text.as_str(), t.due, t.line))
            .collect();
        assert_eq!(
            tasks,
            vec![
                ("2026-11-30 send [[Sam]] the deck", Some(d("2026-11-30")), 1),
                ("intro to Kai", Some(d("2026-12-02")), 3),
                ("in progress", None, 4),
            ]
        );
        assert_eq!(scan.tasks[0].links, vec!["Sam"]);
        assert!(scan.links[0].in_task);
    }

    #[test]
    fn logseq_tasks_take_their_scheduled_or_deadline_date() {
        let body = "- TODO call [[Sam]]\n  SCHEDULED: <2026-11-30 Mon>\n  DEADLINE: <2026-11-28 Sat>\n\t- NOW draft\n\t  id:: 6380d38c\n\t  DEADLINE: <2026-12-02 Wed 9:00>\n- DONE sent\n  SCHEDULED: <2026-11-01 Sun>\n- LATER no date\nSCHEDULED: <2026-11-02 Mon>\n";
        let scan = scan(body, 1, ALL);
        let tasks: Vec<_> = scan
            .tasks
            .iter()
            .map(|t| (t.text.as_str(), t.due, t.line))
            .collect();
        assert_eq!(
            tasks,
            vec![
                ("call [[Sam]]", Some(d("2026-11-28")), 1),
                ("draft", Some(d("2026-12-02")), 4),
                ("no date", None, 9),
            ]
        );
        assert!(scan.links[0].in_task);
    }

    #[test]
    fn log_lines_may_link_a_journal_by_its_title() {
        let titles = JournalFormat::from_java("MMM do, yyyy");
        let body = "- [[Nov 26th, 2026]] coffee: the new role\n\t- [[Oct 2nd, 2026]] call\n- [[Sam]] not a date\n- [[2026-09-01]] lunch\n";
        let what = ScanWhat {
            journal_titles: Some(&titles),
            ..ALL
        };
        let got: Vec<_> = scan(body, 1, what)
            .log
            .iter()
            .map(|l| (l.date, l.kind.clone(), l.line))
            .collect();
        assert_eq!(
            got,
            vec![
                (d("2026-11-26"), Some("coffee".to_owned()), 1),
                (d("2026-10-02"), Some("call".to_owned()), 2),
                (d("2026-09-01"), Some("lunch".to_owned()), 4),
            ]
        );
        // Outside a graph a title is not a date.
        assert_eq!(scan(body, 1, ALL).log.len(), 1);
    }

    #[test]
    fn links_in_code_do_not_count() {
        let body = "Saw [[Ann]] and `[[Bob]]`.\n```\n[[Cy]]\n- 2026-01-01 x\n```\n    [[Dee]]\n\n- [[Eve]]\n";
        let scan = scan(body, 1, ALL);
        let targets: Vec<_> = scan
            .links
            .iter()
            .map(|l| (l.target.as_str(), l.line, l.column))
            .collect();
        assert_eq!(targets, vec![("Ann", 1, 5), ("Eve", 8, 3)]);
        assert!(scan.log.is_empty());
    }

    #[test]
    fn links_carry_their_line_as_plain_text() {
        let scan = scan(
            "- Coffee with [[People/Sharon Lee|Sharon]] and [[Kai]]\n",
            1,
            ALL,
        );
        let context = scan.links[1].context.as_deref().unwrap_or_default();
        assert_eq!(plain_text(context), "Coffee with Sharon and Kai");
    }

    #[test]
    fn only_task_links_when_links_not_wanted() {
        let body = "[[Ann]]\n- [ ] ask [[Bob]]\n";
        let scan = scan(body, 1, ScanWhat::default());
        let targets: Vec<_> = scan.links.iter().map(|l| l.target.as_str()).collect();
        assert_eq!(targets, vec!["Bob"]);
    }
}
