//! Scanning a note's Markdown body for what `vault` needs: dated log lines, open tasks,
//! and wikilinks outside code.

use std::ops::Range;

use chrono::NaiveDate;
use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::dates::split_iso_date;
use crate::link::wikilinks;
use crate::source::{Needle, lines_with_offsets, to_u32};

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
pub struct ScanWhat {
    /// Dated log lines (person notes).
    pub log: bool,
    /// Every link (dated notes); otherwise only links on task lines are kept.
    pub links: bool,
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
pub fn scan(body: &str, first_line: u32, what: ScanWhat) -> BodyScan {
    let code = Code::find(body);
    let mut out = BodyScan::default();
    for (index, (offset, line)) in lines_with_offsets(body).enumerate() {
        let line_no = first_line.saturating_add(to_u32(index));
        if code.in_block(offset) {
            continue;
        }
        let item = classify(line);
        let is_task = matches!(item, LineKind::Task { .. });
        if what.links || is_task {
            let mut context = None;
            for link in wikilinks(line) {
                if code.contains(offset + link.start) {
                    continue;
                }
                out.links.push(Link {
                    target: link.target.to_owned(),
                    line: line_no,
                    column: to_u32(line[..link.start].chars().count() + 1),
                    in_task: is_task,
                    property: None,
                    context: what.links.then(|| {
                        context
                            .get_or_insert_with(|| line.trim().to_owned())
                            .clone()
                    }),
                });
            }
        }
        match item {
            LineKind::Task { open: true, text } => out.tasks.push(task(text, line_no)),
            LineKind::Item(text) | LineKind::Heading(text) if what.log => {
                if let Some(entry) = log_line(text, line_no) {
                    out.log.push(entry);
                }
            }
            _ => {}
        }
    }
    out
}

enum LineKind<'a> {
    /// A list item that is not a task, with the text after the marker.
    Item(&'a str),
    /// A heading, with the text after the `#`s.
    Heading(&'a str),
    /// A task, open (`[ ]`, `[/]`) or not (`[x]`, `[-]`).
    Task {
        open: bool,
        text: &'a str,
    },
    Other,
}

fn classify(line: &str) -> LineKind<'_> {
    let trimmed = line.trim_start_matches([' ', '\t']);
    // Quoted lines (`> - [ ] …`) are read like the lines they quote.
    let trimmed = trimmed
        .trim_start_matches(['>', ' '])
        .trim_start_matches('\t');
    if let Some(rest) = trimmed.strip_prefix('#') {
        let rest = rest.trim_start_matches('#');
        let level = trimmed.len() - rest.len();
        return if level <= 6 && (rest.is_empty() || rest.starts_with([' ', '\t'])) {
            LineKind::Heading(rest.trim())
        } else {
            LineKind::Other
        };
    }
    let Some(text) = list_item_text(trimmed) else {
        return LineKind::Other;
    };
    let bytes = text.as_bytes();
    if bytes.len() >= 3
        && bytes[0] == b'['
        && bytes[2] == b']'
        && (bytes.len() == 3 || bytes[3] == b' ')
    {
        let open = matches!(bytes[1], b' ' | b'/');
        return LineKind::Task {
            open,
            text: text[3..].trim(),
        };
    }
    LineKind::Item(text)
}

/// The log line a single line of a person's note stands for, if it is one (a list item or
/// heading starting with a date; tasks are not log lines).
pub fn log_line_of(line: &str) -> Option<LogLine> {
    match classify(line) {
        LineKind::Item(text) | LineKind::Heading(text) => log_line(text, 1),
        LineKind::Task { .. } | LineKind::Other => None,
    }
}

/// A line as plain text: list markers and heading marks removed, wikilinks shown by their
/// label or file name, whitespace collapsed.
pub fn plain_text(line: &str) -> String {
    let text = match classify(line) {
        LineKind::Item(t) | LineKind::Heading(t) => t,
        LineKind::Task { text, .. } => text,
        LineKind::Other => line.trim(),
    };
    links_as_text(text)
}

/// Text with wikilinks shown by their label or file name, whitespace collapsed.
fn links_as_text(text: &str) -> String {
    let out = crate::link::unlink(text);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text after a list marker (`- `, `* `, `+ `, `1. `, `1) `), if `line` is a list item.
fn list_item_text(line: &str) -> Option<&str> {
    let bytes = line.as_bytes();
    let after_marker = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            match bytes.get(digits) {
                Some(b'.' | b')') if digits <= 9 => digits + 1,
                _ => return None,
            }
        }
        _ => return None,
    };
    match bytes.get(after_marker) {
        Some(b' ' | b'\t') => Some(line[after_marker..].trim_start()),
        None => Some(""),
        _ => None,
    }
}

fn log_line(text: &str, line: u32) -> Option<LogLine> {
    let text = text.trim_start_matches(['*', '_']);
    let (date, rest) = if let Some(linked) = text.strip_prefix("[[") {
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

/// Where the code is in a body: links and log lines there do not count.
#[derive(Default)]
struct Code {
    blocks: Vec<Range<usize>>,
    spans: Vec<Range<usize>>,
}

static INDENTED: Needle = Needle::new(|| memchr::memmem::Finder::new(b"\n    "));
static TABBED: Needle = Needle::new(|| memchr::memmem::Finder::new(b"\n\t"));

impl Code {
    /// Finds code blocks and spans the way CommonMark does; bodies without a backtick,
    /// a tilde or an indented line cannot have code and skip the parser.
    fn find(body: &str) -> Code {
        let bytes = body.as_bytes();
        let may_have_code = memchr::memchr2(b'`', b'~', bytes).is_some()
            || bytes.starts_with(b"    ")
            || bytes.starts_with(b"\t")
            || INDENTED.is_in(bytes)
            || TABBED.is_in(bytes);
        let mut code = Code::default();
        if !may_have_code {
            return code;
        }
        for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
            match event {
                Event::Code(_) => code.spans.push(range),
                Event::Start(Tag::CodeBlock(_)) => code.blocks.push(range),
                _ => {}
            }
        }
        code
    }

    fn in_block(&self, offset: usize) -> bool {
        within(&self.blocks, offset)
    }

    fn contains(&self, offset: usize) -> bool {
        self.in_block(offset) || within(&self.spans, offset)
    }
}

/// Whether `offset` is in one of `ranges` (sorted, not overlapping), by binary search.
fn within(ranges: &[Range<usize>], offset: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= offset);
    ranges.get(i).is_some_and(|r| r.contains(&offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    const ALL: ScanWhat = ScanWhat {
        log: true,
        links: true,
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
