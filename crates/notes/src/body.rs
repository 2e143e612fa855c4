//! Scanning a note's Markdown body for what `vault` needs: dated log lines (list items and
//! headings, with the paragraph under a heading), open and done tasks, wikilinks outside
//! code, and a person's links to daily notes.

use chrono::NaiveDate;

use crate::dates::{JournalFormat, split_iso_date};
use crate::line::{Body, Kind, classify};
use crate::link::wikilinks;
use crate::options::ReadOptions;
use crate::source::to_u32;

/// A dated line in a person's note: `- 2026-10-02 coffee: talked about her new role #got`,
/// or a heading `### 2026-10-12 Lunch` with the paragraph under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    /// The date the line starts with.
    pub date: NaiveDate,
    /// The optional first word before `:` (`coffee`, `call`), lower-cased.
    pub kind: Option<String>,
    /// The text after the date (and kind), without the `#gave`/`#got` tags; for a heading,
    /// followed by the paragraph under it.
    pub summary: String,
    /// Tagged `#gave`: you helped them.
    pub gave: bool,
    /// Tagged `#got`: they helped you.
    pub got: bool,
    /// 1-based line in the file.
    pub line: u32,
}

/// A task: an open one (`- [ ] …`, a promised follow-up), a done one (`- [x] …`), or a
/// follow-up a person's properties name (`next_action`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// The task text without the checkbox and the date fields.
    pub text: String,
    /// Due date from the Tasks plugin (`📅 2026-11-30`) or Dataview (`[due:: 2026-11-30]`).
    pub due: Option<NaiveDate>,
    /// Done date of a done task, from the Tasks plugin (`✅ 2026-10-02`) or Dataview
    /// (`[completion:: 2026-10-02]`).
    pub done_on: Option<NaiveDate>,
    /// Link targets in the task line (embeds, `![[…]]`, are not links to a person).
    pub links: Vec<String>,
    /// The property it was read from (`next_action`, `next_follow_up`), for a follow-up
    /// that is not a task line.
    pub property: Option<&'static str>,
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
    /// Written `![[…]]`: an embed, not a contact.
    pub embed: bool,
    /// The property holding the link, for links in front matter.
    pub property: Option<String>,
    /// The line around the link as written, when every link is collected: what the mention
    /// says about the contact. [`plain_text`] makes it readable.
    pub context: Option<String>,
}

/// A link in a person's note to a daily note (`a long talk on [[2026-09-24]]`): a contact
/// on that date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailyLink {
    /// The date the daily note stands for, in the vault's journal format.
    pub date: NaiveDate,
    /// 1-based line in the file.
    pub line: u32,
    /// 1-based column of the `[[` in that line.
    pub column: u32,
    /// The line as written ([`plain_text`] makes it readable).
    pub context: String,
}

/// What to collect from a body; open tasks are always collected.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScanWhat<'a> {
    /// Dated log lines, and done tasks without links (person notes).
    pub log: bool,
    /// Every link, and done tasks without a done date (dated notes); otherwise only links
    /// on task lines are kept.
    pub links: bool,
    /// Links to daily notes in this journal format (person notes).
    pub journal: Option<&'a ReadOptions>,
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
    /// Done tasks that may be a contact: with a done date, or in a dated note; in a note
    /// that is not a person's, only those that link something.
    pub done: Vec<Task>,
    /// Wikilinks outside code.
    pub links: Vec<Link>,
    /// Links to daily notes (person notes).
    pub daily_links: Vec<DailyLink>,
}

/// Scans `body`, whose first line is line `first_line` of the file.
pub fn scan(body: &str, first_line: u32, what: ScanWhat<'_>) -> BodyScan {
    let body = Body::new(body);
    let mut out = BodyScan::default();
    // The log heading whose paragraph is being read, and whether that paragraph began.
    let mut heading: Option<(usize, bool)> = None;
    let mut task_dates = crate::logseq::TaskDates::default();
    for (index, line) in body.lines().enumerate() {
        let line_no = first_line.saturating_add(to_u32(index));
        if line.in_code {
            heading = None;
            continue;
        }
        let shape = line.shape();
        let kind = shape.kind;
        let tasks_before = out.tasks.len();
        if let Some((at, started)) = heading {
            match kind {
                Kind::Other => {
                    if let Some(entry) = out.log.get_mut(at) {
                        add_paragraph(entry, line.text, !started);
                    }
                    heading = Some((at, true));
                }
                // A blank line may separate the heading from its paragraph.
                Kind::Blank if !started => {}
                _ => heading = None,
            }
        }
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
                    embed: link.embed,
                    property: None,
                    context: what.links.then(|| {
                        context
                            .get_or_insert_with(|| line.text.trim().to_owned())
                            .clone()
                    }),
                });
            }
        }
        let mut logged = None;
        match kind {
            Kind::Task { text, .. } if kind.is_open_task() => out.tasks.push(task(text, line_no)),
            // Most done tasks concern nobody: nothing is built for those.
            Kind::Task { text, .. } if is_done(&kind) && (what.log || text.contains("[[")) => {
                let done = task(text, line_no);
                if (done.done_on.is_some() || what.links) && (what.log || !done.links.is_empty()) {
                    out.done.push(done);
                }
            }
            _ if what.log => {
                if let Some(entry) = log_entry(&kind, line_no, what.journal_titles) {
                    logged = Some(entry.date);
                    if matches!(kind, Kind::Heading { .. }) {
                        heading = Some((out.log.len(), false));
                    }
                    out.log.push(entry);
                }
            }
            _ => {}
        }
        if let Some(options) = what.journal
            && !is_task
        {
            daily_links(&body, line, line_no, logged, options, &mut out.daily_links);
        }
        task_dates.see(&shape, line.text, &mut out.tasks, tasks_before);
    }
    out
}

/// Whether a task line is done (`- [x]`, `- [X]`).
fn is_done(kind: &Kind<'_>) -> bool {
    matches!(
        kind,
        Kind::Task {
            state: b'x' | b'X',
            ..
        }
    )
}

/// The links of a person's note line to daily notes, but for one to the date the line is
/// logged under (`- [[2026-10-02]] call` is its log line).
fn daily_links(
    body: &Body<'_>,
    line: crate::line::BodyLine<'_>,
    line_no: u32,
    logged: Option<NaiveDate>,
    options: &ReadOptions,
    out: &mut Vec<DailyLink>,
) {
    for link in wikilinks(line.text) {
        // A daily note's name has digits: anything else is no date, without parsing it.
        if link.embed || !link.target.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let Some(date) = crate::note::journal_date_of(link.target, options) else {
            continue;
        };
        if logged == Some(date) || body.is_code(line.start + link.start) {
            continue;
        }
        out.push(DailyLink {
            date,
            line: line_no,
            column: to_u32(line.text[..link.start].chars().count() + 1),
            context: line.text.trim().to_owned(),
        });
    }
}

/// Adds a line of the paragraph under a log heading to its summary and tags.
fn add_paragraph(entry: &mut LogLine, text: &str, first: bool) {
    let (words, gave, got) = tags(text);
    entry.gave |= gave;
    entry.got |= got;
    let text = links_as_text(&words.join(" "));
    if text.is_empty() {
        return;
    }
    if !entry.summary.is_empty() {
        entry.summary.push_str(if first { " — " } else { " " });
    }
    entry.summary.push_str(&text);
}

/// The words of `text` without the `#gave` and `#got` tags, and whether each was there.
fn tags(text: &str) -> (Vec<&str>, bool, bool) {
    let mut gave = false;
    let mut got = false;
    let mut words = Vec::new();
    for word in text.split_whitespace() {
        if word.eq_ignore_ascii_case("#gave") {
            gave = true;
        } else if word.eq_ignore_ascii_case("#got") {
            got = true;
        } else {
            words.push(word);
        }
    }
    (words, gave, got)
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
    let (words, gave, got) = tags(rest);
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
    let mut display = text.to_owned();
    let due = emoji_date(&mut display, '📅');
    let done_on = emoji_date(&mut display, '✅');
    let due = field_date(&mut display, "due")
        .filter(|_| due.is_none())
        .or(due);
    let done_on = field_date(&mut display, "completion")
        .filter(|_| done_on.is_none())
        .or(done_on);
    let links = wikilinks(text)
        .filter(|l| !l.embed)
        .map(|l| l.target.to_owned())
        .collect();
    Task {
        text: display.split_whitespace().collect::<Vec<_>>().join(" "),
        due,
        done_on,
        links,
        property: None,
        line,
    }
}

/// The Tasks plugin's date after `emoji` (`📅 2026-11-30`), taken out of `text`.
fn emoji_date(text: &mut String, emoji: char) -> Option<NaiveDate> {
    let i = text.find(emoji)?;
    let after = text[i + emoji.len_utf8()..].trim_start();
    let (date, rest) = split_iso_date(after)?;
    *text = format!("{}{}", &text[..i], rest);
    Some(date)
}

/// Dataview's inline date field `[name:: 2026-11-30]` (or `(name:: …)`), taken out of
/// `text`: the first of each form.
fn field_date(text: &mut String, name: &str) -> Option<NaiveDate> {
    let mut found = None;
    for open in ['[', '('] {
        let field = format!("{open}{name}::");
        if let Some(i) = text.find(&field) {
            let after = text[i + field.len()..].trim_start();
            if let Some((date, rest)) = split_iso_date(after) {
                let rest = rest.trim_start();
                if let Some(rest) = rest.strip_prefix([']', ')']) {
                    found = found.or(Some(date));
                    *text = format!("{}{}", &text[..i], rest);
                }
            }
        }
    }
    found
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
        journal: None,
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

    #[test]
    fn a_log_heading_takes_the_paragraph_under_it() {
        let body = "\
### 2026-10-12 Lunch
Talked about on-call fatigue;
she will share the doc. #got

More, not the summary.
### 2026-09-03 Call: the migration

She offered to review [[Runbooks|our runbooks]]. #gave
- a list ends it
### 2026-08-01 Coffee
- a list right away
## 2026-07-01 Dinner
```
code is not a paragraph
```
";
        let scan = scan(body, 1, ALL);
        let got: Vec<_> = scan
            .log
            .iter()
            .map(|l| (l.kind.as_deref(), l.summary.as_str(), l.gave, l.got, l.line))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    Some("lunch"),
                    "Talked about on-call fatigue; she will share the doc.",
                    false,
                    true,
                    1
                ),
                (
                    Some("call"),
                    "the migration — She offered to review our runbooks.",
                    true,
                    false,
                    6
                ),
                (Some("coffee"), "", false, false, 10),
                (Some("dinner"), "", false, false, 12),
            ]
        );
    }

    fn person_scan(body: &str, options: &ReadOptions) -> BodyScan {
        scan(
            body,
            1,
            ScanWhat {
                log: true,
                links: false,
                journal: Some(options),
                journal_titles: None,
            },
        )
    }

    #[test]
    fn a_person_notes_links_to_daily_notes_are_dated() {
        let body = "\
A long talk on [[2026-09-24]], then [[Daily/2026-09-30|Thursday]].
- [[2026-10-02]] call, and again [[2026-10-03]]
- [ ] meet on [[2026-12-01]]
![[2026-08-01]] and `[[2026-08-02]]`, [[Sam]], [[2026-13-01]], [[Notes 2026]]
";
        let scan = person_scan(body, &ReadOptions::default());
        let got: Vec<_> = scan
            .daily_links
            .iter()
            .map(|l| (l.date.to_string(), l.line, l.column))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2026-09-24".to_owned(), 1, 16),
                ("2026-09-30".to_owned(), 1, 37),
                // The log line's own date is its log line, not a second contact.
                ("2026-10-03".to_owned(), 2, 34),
            ]
        );
        assert_eq!(
            plain_text(&scan.daily_links[1].context),
            "A long talk on 2026-09-24, then Thursday."
        );
    }

    #[test]
    fn daily_links_follow_the_journal_format() {
        let options = ReadOptions {
            journal_format: crate::dates::JournalFormat::from_moment("DD.MM.YYYY"),
            ..ReadOptions::default()
        };
        let scan = person_scan("on [[24.09.2026]], not [[2026-09-25]]\n", &options);
        let dates: Vec<_> = scan.daily_links.iter().map(|l| l.date).collect();
        assert_eq!(dates, vec![d("2026-09-24")]);
    }

    #[test]
    fn done_tasks_keep_their_done_date() {
        let body = "\
- [x] send [[Sam]] the deck ✅ 2026-10-02
- [X] call [[Kai]] [completion:: 2026-10-03]
- [x] undated [[Bo]]
- [x] nobody ✅ 2026-10-04
- [x] ![[Ann]] ✅ 2026-10-05
";
        let undated = scan(body, 1, ScanWhat::default());
        let got: Vec<_> = undated
            .done
            .iter()
            .map(|t| (t.text.as_str(), t.done_on, t.links.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "send [[Sam]] the deck",
                    Some(d("2026-10-02")),
                    vec!["Sam".to_owned()]
                ),
                (
                    "call [[Kai]]",
                    Some(d("2026-10-03")),
                    vec!["Kai".to_owned()]
                ),
            ],
            "an undated task in an undated note, a task linking nobody, an embed: none"
        );
        let dated = scan(
            body,
            1,
            ScanWhat {
                links: true,
                ..ScanWhat::default()
            },
        );
        assert_eq!(
            dated.done.len(),
            3,
            "the dated note's date is the undated one's"
        );
        let own = person_scan(body, &ReadOptions::default());
        assert_eq!(own.done.len(), 4, "in a person's note, with a done date");
        assert!(own.tasks.is_empty());
    }

    #[test]
    fn embeds_are_links_marked_as_embeds() {
        let scan = scan("![[Ann]] and [[Bo]]\n", 1, ALL);
        let got: Vec<_> = scan
            .links
            .iter()
            .map(|l| (l.target.as_str(), l.embed))
            .collect();
        assert_eq!(got, vec![("Ann", true), ("Bo", false)]);
    }
}
