//! Adding a log line ([`add_log_line`]) at its place in the note's log; the rules are in
//! the [module documentation](crate::edit).

use chrono::NaiveDate;

use crate::body::log_entry;
use crate::dates::JournalFormat;
use crate::line::{Body, Kind, Shape};
use crate::logseq::{Logseq, page_properties};
use crate::source::bom_len;

use super::EditError;
use super::document::{Doc, eol_at, insert_line, insert_line_ending, line_number};

/// Headings that name a log section, compared case-insensitively after dropping leading
/// and trailing emoji or punctuation (`## 📅 Log:` is `log`). `Notes` is not one: it is too
/// often prose.
pub const LOG_HEADINGS: &[&str] = &[
    "log",
    "logs",
    "interactions",
    "interaction log",
    "contact log",
    "contact history",
    "history",
    "timeline",
    "meetings",
    "meeting log",
    "conversations",
    "catch-ups",
    "catchups",
    "touchpoints",
];

/// A body line as the reader sees it.
struct Row<'a> {
    /// The line without its ending, as decoded.
    text: &'a str,
    /// Whether it is inside a code block.
    in_code: bool,
    shape: Shape<'a>,
    /// The log line the reader reads on it.
    entry: Option<Entry>,
}

impl Row<'_> {
    fn is_blank(&self) -> bool {
        matches!(self.shape.kind, Kind::Blank)
    }
}

/// A note's body, line by line: the line model and the reader's log lines.
struct Rows<'a> {
    /// Index of the first body line in the note.
    first: usize,
    rows: Vec<Row<'a>>,
}

impl<'a> Rows<'a> {
    /// The rows of `doc`'s body: after its front matter, or in a Logseq graph after the
    /// page's property block (a log line never goes into it).
    fn of(doc: &'a Doc<'_>, graph: Option<&Logseq>) -> Rows<'a> {
        let mut first = doc.body_first();
        if let (0, Some(graph)) = (first, graph) {
            let text = doc.text_from(0);
            if let Some(page) = page_properties(text, graph) {
                let before = text.get(..page.body_start).unwrap_or("");
                first = memchr::memchr_iter(b'\n', before.as_bytes()).count();
            }
        }
        let titles = graph.map(|g| &g.title_format);
        let body = Body::new(doc.text_from(first));
        let rows = body
            .lines()
            .enumerate()
            .map(|(k, line)| {
                let index = first + k;
                let shape = line.shape();
                let entry = if line.in_code {
                    None
                } else {
                    log_entry(&shape.kind, line_number(index), titles)
                        .and_then(|log| Entry::of(index, log.date, &shape))
                };
                Row {
                    text: line.text,
                    in_code: line.in_code,
                    shape,
                    entry,
                }
            })
            .collect();
        Rows { first, rows }
    }

    /// The index after the last line.
    fn end(&self) -> usize {
        self.first + self.rows.len()
    }

    /// The body's lines with their index in the note.
    fn indexed(&self) -> impl Iterator<Item = (usize, &Row<'a>)> {
        (self.first..).zip(&self.rows)
    }

    fn get(&self, i: usize) -> Option<&Row<'a>> {
        self.rows.get(i.checked_sub(self.first)?)
    }

    /// The level and title of the heading on line `i`, when it is one outside code.
    fn heading(&self, i: usize) -> Option<(usize, &'a str)> {
        match self.get(i)? {
            Row {
                in_code: false,
                shape:
                    Shape {
                        kind: Kind::Heading { level, title },
                        ..
                    },
                ..
            } => Some((*level, *title)),
            _ => None,
        }
    }

    /// The log lines the reader reads, in order.
    fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.rows.iter().filter_map(|row| row.entry.as_ref())
    }
}

/// A dated entry of a log, as the reader sees it, and how it is written.
#[derive(Debug, Clone)]
struct Entry {
    /// Index of its line.
    line: usize,
    date: NaiveDate,
    /// The heading level, for `### 2026-10-02 Lunch`; `None` for a list item.
    heading: Option<usize>,
    /// What comes before the date: `- `, `  * `, `> 1. `, `### `.
    lead: String,
    /// Whether the date is written as a link, `[[2026-10-02]]`.
    linked: bool,
    /// Whether it is a link to a Logseq journal by its title, `[[Oct 2nd, 2026]]`.
    titled: bool,
    /// Width of the indentation and blockquote marks before the marker.
    indent: usize,
}

impl Entry {
    fn of(line: usize, date: NaiveDate, shape: &Shape<'_>) -> Option<Entry> {
        let (heading, marker, text) = match shape.kind {
            Kind::Heading { level, title } => (Some(level), "#".repeat(level), title),
            Kind::Item { marker, text } => (None, marker.to_owned(), text),
            Kind::Task { .. } | Kind::Blank | Kind::Other => return None,
        };
        let linked = text.trim_start_matches(['*', '_']).strip_prefix("[[");
        Some(Entry {
            line,
            date,
            heading,
            lead: format!("{}{marker} ", shape.lead),
            linked: linked.is_some(),
            titled: linked.is_some_and(|l| crate::dates::split_iso_date(l).is_none()),
            indent: shape.lead.len(),
        })
    }

    /// A new entry written like this one; `titles` is how the graph titles journals.
    fn like(&self, date: NaiveDate, rest: &str, titles: Option<&JournalFormat>) -> String {
        let line = if let (true, Some(titles)) = (self.titled, titles) {
            format!("{}[[{}]] {rest}", self.lead, titles.format(date))
        } else if self.linked {
            format!("{}[[{date}]] {rest}", self.lead)
        } else {
            format!("{}{date} {rest}", self.lead)
        };
        line.trim_end().to_owned()
    }
}

/// Whether a heading's title names a log section.
fn is_log_title(title: &str) -> bool {
    let title = title
        .trim()
        .trim_end_matches('#')
        .trim_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    LOG_HEADINGS.contains(&title.as_str())
}

/// The log section: the index of its heading and where it ends (exclusive).
fn log_section(rows: &Rows<'_>) -> Option<(usize, usize)> {
    let (start, level) = rows.indexed().find_map(|(i, _)| {
        let (level, title) = rows.heading(i)?;
        is_log_title(title).then_some((i, level))
    })?;
    let end = (start + 1..rows.end())
        .find(|&i| rows.heading(i).is_some_and(|(l, _)| l <= level))
        .unwrap_or(rows.end());
    Some((start, end))
}

/// The longest run of dated list items with nothing but blank lines, indented lines (their
/// continuations, sub-items) between them.
fn longest_item_run(rows: &Rows<'_>) -> Vec<Entry> {
    let mut best: Vec<Entry> = Vec::new();
    let mut current: Vec<Entry> = Vec::new();
    for (_, row) in rows.indexed() {
        if let Some(entry) = row.entry.as_ref().filter(|e| e.heading.is_none()) {
            current.push(entry.clone());
            continue;
        }
        let is_task = matches!(row.shape.kind, Kind::Task { .. });
        let continues = row.entry.is_none()
            && !row.in_code
            && (row.is_blank() || row.text.starts_with([' ', '\t']) && !is_task);
        if !continues {
            if current.len() > best.len() {
                best = std::mem::take(&mut current);
            }
            current.clear();
        }
    }
    if current.len() > best.len() {
        best = current;
    }
    best
}

/// The longest run of sibling headings that start with a date.
fn longest_heading_run(rows: &Rows<'_>) -> Vec<Entry> {
    let mut best: Vec<Entry> = Vec::new();
    let mut current: Vec<Entry> = Vec::new();
    let mut level: Option<usize> = None;
    for (i, row) in rows.indexed() {
        let Some((l, _)) = rows.heading(i) else {
            continue;
        };
        let dated = row.entry.as_ref().filter(|e| e.heading == Some(l));
        match (dated, level) {
            (Some(e), Some(current_level)) if l == current_level => current.push(e.clone()),
            (_, Some(current_level)) if l > current_level => {}
            (dated, _) => {
                if current.len() > best.len() {
                    best = std::mem::take(&mut current);
                }
                current.clear();
                level = dated.map(|e| {
                    current.push(e.clone());
                    l
                });
            }
        }
    }
    if current.len() > best.len() {
        best = current;
    }
    best
}

/// The line after the last line that belongs to `entry`: a list item's indented
/// continuation lines (across blank lines), a heading's content up to the next heading of
/// its level or higher. Never past `end`.
fn end_of(rows: &Rows<'_>, entry: &Entry, end: usize) -> usize {
    let mut last = entry.line;
    for i in entry.line + 1..end {
        let Some(row) = rows.get(i) else {
            break;
        };
        match entry.heading {
            Some(level) => {
                if rows.heading(i).is_some_and(|(l, _)| l <= level) {
                    break;
                }
                if !row.is_blank() {
                    last = i;
                }
            }
            None => {
                if row.is_blank() {
                    continue;
                }
                if row.shape.lead.len() > entry.indent {
                    last = i;
                } else {
                    break;
                }
            }
        }
    }
    last + 1
}

/// Adds a log line dated `date` whose text after the date is `rest` (e.g. `coffee: the new
/// role #gave`), in the note's log, at its place by date, written like its neighbours; a
/// note without a log gets a `## Log` section at the end. The rules are in the [module
/// documentation](crate::edit).
pub fn add_log_line(bytes: &[u8], date: NaiveDate, rest: &str) -> Result<Vec<u8>, EditError> {
    add_entry(bytes, date, rest, None)
}

/// Like [`add_log_line`], for a page of the Logseq graph `graph`, in the page's own block
/// style: the log is read with the graph's journal links (`- [[Nov 26th, 2026]] coffee`)
/// and the page's property block is never part of it; a page without a log gets the
/// block `- [[Dec 1st, 2026]] TEXT` (its journal linked by title) at its end.
pub fn add_page_log_line(
    bytes: &[u8],
    date: NaiveDate,
    rest: &str,
    graph: &Logseq,
) -> Result<Vec<u8>, EditError> {
    add_entry(bytes, date, rest, Some(graph))
}

fn add_entry(
    bytes: &[u8],
    date: NaiveDate,
    rest: &str,
    graph: Option<&Logseq>,
) -> Result<Vec<u8>, EditError> {
    let doc = Doc::new(bytes);
    doc.refuse_conflicts()?;
    let rows = Rows::of(&doc, graph);
    let titles = graph.map(|g| &g.title_format);
    let section = log_section(&rows);

    let (log, end) = match section {
        Some((heading, end)) => {
            let (items, headings): (Vec<Entry>, Vec<Entry>) = rows
                .entries()
                .filter(|e| e.line > heading && e.line < end)
                .cloned()
                .partition(|e| e.heading.is_none());
            let top = headings.iter().filter_map(|e| e.heading).min();
            let headings: Vec<Entry> = headings.into_iter().filter(|e| e.heading == top).collect();
            let log = if items.len() >= headings.len() {
                items
            } else {
                headings
            };
            (log, end)
        }
        None => {
            let items = longest_item_run(&rows);
            let headings = longest_heading_run(&rows);
            let log = if headings.len() > items.len() {
                headings
            } else {
                items
            };
            (log, rows.end())
        }
    };

    let (Some(first), Some(last)) = (log.first(), log.last()) else {
        let line = match titles {
            Some(titles) => format!("- [[{}]] {rest}", titles.format(date)),
            None => format!("- {date} {rest}"),
        };
        let line = line.trim_end();
        return Ok(match section {
            // A log heading with no entries yet: the line goes after the section's content.
            Some((heading, end)) => {
                let after = (heading + 1..end)
                    .rev()
                    .find(|&i| rows.get(i).is_some_and(|row| !row.is_blank()))
                    .unwrap_or(heading);
                insert_line(bytes, doc.start(after + 1), line)
            }
            // A Logseq page is a list of blocks: the entry is one more at the end.
            None if graph.is_some() => insert_line(bytes, bytes.len(), line),
            None => new_section(bytes, line),
        });
    };
    let newest_first = first.date >= last.date;
    let (at, like) = if newest_first {
        match log.iter().find(|e| e.date <= date) {
            Some(e) => (e.line, e),
            None => (end_of(&rows, last, end), last),
        }
    } else {
        match log.iter().rposition(|e| e.date <= date) {
            Some(k) => (
                log.get(k + 1)
                    .map_or_else(|| end_of(&rows, &log[k], end), |e| e.line),
                &log[k],
            ),
            None => (first.line, first),
        }
    };
    // The new line ends like the entry it is written like (in a note that mixes endings).
    let at = doc.start(at);
    let eol = doc
        .line(like.line)
        .map(|l| &bytes[l.end..l.next])
        .filter(|e| e.ends_with(b"\n"))
        .unwrap_or_else(|| eol_at(bytes, at));
    Ok(insert_line_ending(
        bytes,
        at,
        &like.like(date, rest, titles),
        eol,
    ))
}

/// The note with `## Log` and `line` added at the end, after a blank line.
fn new_section(bytes: &[u8], line: &str) -> Vec<u8> {
    let eol = eol_at(bytes, bytes.len());
    let mut out = bytes.to_vec();
    let empty = bytes.len() <= bom_len(bytes);
    let had_final_newline = empty || bytes.ends_with(b"\n");
    if !had_final_newline {
        out.extend_from_slice(eol);
    }
    let ends_blank = empty || bytes.ends_with(b"\n\n") || bytes.ends_with(b"\n\r\n");
    if !ends_blank {
        out.extend_from_slice(eol);
    }
    out.extend_from_slice(b"## Log");
    out.extend_from_slice(eol);
    out.extend_from_slice(line.as_bytes());
    if had_final_newline {
        out.extend_from_slice(eol);
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::edit) fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    /// `text` with a log line dated `date` added, as text.
    pub(in crate::edit) fn log(text: &str, date: &str, rest: &str) -> String {
        let out = add_log_line(text.as_bytes(), d(date), rest).expect("edit");
        String::from_utf8(out).expect("utf8")
    }

    #[test]
    fn newest_first_logs_get_the_line_at_its_date() {
        let note = "---\nname: A\n---\n## Log\n- 2026-10-02 coffee\n- 2026-09-01 call\n\nMore.\n";
        assert_eq!(
            log(note, "2026-11-25", "lunch: x"),
            "---\nname: A\n---\n## Log\n- 2026-11-25 lunch: x\n- 2026-10-02 coffee\n- 2026-09-01 call\n\nMore.\n"
        );
        assert_eq!(
            log(note, "2026-09-15", "x"),
            "---\nname: A\n---\n## Log\n- 2026-10-02 coffee\n- 2026-09-15 x\n- 2026-09-01 call\n\nMore.\n"
        );
        assert_eq!(
            log(note, "2026-01-01", "x"),
            "---\nname: A\n---\n## Log\n- 2026-10-02 coffee\n- 2026-09-01 call\n- 2026-01-01 x\n\nMore.\n"
        );
    }

    #[test]
    fn same_date_goes_as_the_latest_of_that_date() {
        let newest = "- 2026-10-02 a\n- 2026-10-02 b\n- 2026-09-01 c\n";
        assert_eq!(
            log(newest, "2026-10-02", "x"),
            "- 2026-10-02 x\n- 2026-10-02 a\n- 2026-10-02 b\n- 2026-09-01 c\n"
        );
        let oldest = "- 2026-09-01 c\n- 2026-10-02 a\n- 2026-10-02 b\n- 2026-11-01 d\n";
        assert_eq!(
            log(oldest, "2026-10-02", "x"),
            "- 2026-09-01 c\n- 2026-10-02 a\n- 2026-10-02 b\n- 2026-10-02 x\n- 2026-11-01 d\n"
        );
    }

    #[test]
    fn oldest_first_logs_stay_oldest_first() {
        let note = "* 2026-09-01 call\n* 2026-10-02 coffee\n  continued\n";
        assert_eq!(
            log(note, "2026-11-25", "x"),
            "* 2026-09-01 call\n* 2026-10-02 coffee\n  continued\n* 2026-11-25 x\n"
        );
        assert_eq!(
            log(note, "2026-09-15", "x"),
            "* 2026-09-01 call\n* 2026-09-15 x\n* 2026-10-02 coffee\n  continued\n"
        );
        assert_eq!(
            log(note, "2026-01-01", "x"),
            "* 2026-01-01 x\n* 2026-09-01 call\n* 2026-10-02 coffee\n  continued\n"
        );
    }

    #[test]
    fn an_items_continuation_paragraphs_stay_with_it() {
        let note = "- 2026-09-01 call\n- 2026-10-02 coffee\n\n  second paragraph\n\nAfter.\n";
        assert_eq!(
            log(note, "2026-11-25", "x"),
            "- 2026-09-01 call\n- 2026-10-02 coffee\n\n  second paragraph\n- 2026-11-25 x\n\nAfter.\n"
        );
    }

    #[test]
    fn crlf_bom_and_no_final_newline_survive() {
        let note = "\u{FEFF}---\r\nname: A\r\n---\r\n- 2026-10-02 coffee";
        assert_eq!(
            log(note, "2026-11-25", "x"),
            "\u{FEFF}---\r\nname: A\r\n---\r\n- 2026-11-25 x\r\n- 2026-10-02 coffee"
        );
        assert_eq!(
            log(note, "2026-01-01", "x"),
            "\u{FEFF}---\r\nname: A\r\n---\r\n- 2026-10-02 coffee\r\n- 2026-01-01 x"
        );
    }

    #[test]
    fn a_note_without_a_log_gets_a_section() {
        assert_eq!(
            log("# A\n\nText.\n", "2026-11-25", "x"),
            "# A\n\nText.\n\n## Log\n- 2026-11-25 x\n"
        );
        assert_eq!(
            log("# A", "2026-11-25", "x"),
            "# A\n\n## Log\n- 2026-11-25 x"
        );
        assert_eq!(log("", "2026-11-25", "x"), "## Log\n- 2026-11-25 x\n");
        assert_eq!(
            log("\u{FEFF}", "2026-11-25", "x"),
            "\u{FEFF}## Log\n- 2026-11-25 x\n"
        );
        assert_eq!(
            log("a\r\nb\r\n", "2026-11-25", "x"),
            "a\r\nb\r\n\r\n## Log\r\n- 2026-11-25 x\r\n"
        );
        assert_eq!(
            add_log_line(b"# A\n", d("2026-11-25"), "x").expect("edit"),
            b"# A\n\n## Log\n- 2026-11-25 x\n"
        );
    }

    #[test]
    fn an_empty_log_heading_is_used() {
        assert_eq!(
            log("## Log\n\n## Notes\nx\n", "2026-11-25", "x"),
            "## Log\n- 2026-11-25 x\n\n## Notes\nx\n"
        );
        assert_eq!(
            log("## Interactions\n", "2026-11-25", "x"),
            "## Interactions\n- 2026-11-25 x\n"
        );
        assert_eq!(
            log(
                "## Meetings\n\n![[Meetings.base#Person]]",
                "2026-11-25",
                "x"
            ),
            "## Meetings\n\n![[Meetings.base#Person]]\n- 2026-11-25 x"
        );
    }

    #[test]
    fn log_headings_are_recognised_loosely() {
        for heading in [
            "## Log",
            "# log:",
            "### 📅 Contact log",
            "## Interactions ##",
            "## TIMELINE",
            "#### Catch-ups",
        ] {
            let note =
                format!("- 2026-01-01 elsewhere\n- 2026-01-02 elsewhere\n{heading}\nintro\n");
            assert_eq!(
                log(&note, "2026-11-25", "x"),
                format!(
                    "- 2026-01-01 elsewhere\n- 2026-01-02 elsewhere\n{heading}\nintro\n- 2026-11-25 x\n"
                ),
                "{heading}"
            );
        }
        for not_a_log in ["## Notes", "## Logistics", "##Log", "```\n## Log\n```"] {
            let note = format!("{not_a_log}\n- 2026-01-01 a\n- 2026-01-02 b\n");
            assert!(
                log(&note, "2026-11-25", "x").ends_with("- 2026-01-02 b\n- 2026-11-25 x\n"),
                "{not_a_log}"
            );
        }
    }

    #[test]
    fn the_log_section_wins_over_a_longer_run_elsewhere() {
        let note = "- 2026-01-01 a\n- 2026-01-02 b\n- 2026-01-03 c\n\n## History\n- 2025-05-01 d\n\n## Notes\n";
        assert_eq!(
            log(note, "2026-11-25", "x"),
            "- 2026-01-01 a\n- 2026-01-02 b\n- 2026-01-03 c\n\n## History\n- 2026-11-25 x\n- 2025-05-01 d\n\n## Notes\n"
        );
    }

    #[test]
    fn entries_are_written_like_their_neighbours() {
        assert_eq!(
            log(
                "- [[2026-10-02]] coffee\n- [[2026-09-01]] call\n",
                "2026-11-25",
                "x"
            ),
            "- [[2026-11-25]] x\n- [[2026-10-02]] coffee\n- [[2026-09-01]] call\n"
        );
        assert_eq!(
            log("1. 2026-09-01 a\n2. 2026-10-02 b\n", "2026-11-25", "x"),
            "1. 2026-09-01 a\n2. 2026-10-02 b\n2. 2026-11-25 x\n"
        );
        assert_eq!(
            log("> - 2026-10-02 a\n> - 2026-09-01 b\n", "2026-11-25", "x"),
            "> - 2026-11-25 x\n> - 2026-10-02 a\n> - 2026-09-01 b\n"
        );
        assert_eq!(
            log(
                "- Work\n\t+ 2026-10-02 a\n\t+ 2026-09-01 b\n",
                "2026-09-15",
                "x"
            ),
            "- Work\n\t+ 2026-10-02 a\n\t+ 2026-09-15 x\n\t+ 2026-09-01 b\n"
        );
    }

    #[test]
    fn heading_logs_get_a_heading() {
        let note = "# H\n\n## 2026-10-02 Coffee\nTalked.\n\n## 2026-09-01 Call\nMore.\n\n# Other\n";
        assert_eq!(
            log(note, "2026-11-25", "lunch: x"),
            "# H\n\n## 2026-11-25 lunch: x\n## 2026-10-02 Coffee\nTalked.\n\n## 2026-09-01 Call\nMore.\n\n# Other\n"
        );
        assert_eq!(
            log(note, "2026-01-01", "x"),
            "# H\n\n## 2026-10-02 Coffee\nTalked.\n\n## 2026-09-01 Call\nMore.\n## 2026-01-01 x\n\n# Other\n"
        );
        let oldest = "## Log\n### 2026-09-01 Call\n- detail\n### 2026-10-02 Coffee\n- detail";
        assert_eq!(
            log(oldest, "2026-11-25", "x"),
            "## Log\n### 2026-09-01 Call\n- detail\n### 2026-10-02 Coffee\n- detail\n### 2026-11-25 x"
        );
    }

    fn page_log(text: &str, date: &str, rest: &str) -> String {
        let graph = Logseq::default();
        let out = add_page_log_line(text.as_bytes(), d(date), rest, &graph).expect("edit");
        String::from_utf8(out).expect("utf8")
    }

    #[test]
    fn logseq_pages_get_a_block_in_their_own_style() {
        // Journal links by title, nested with tabs: written the same, at its date.
        let nested = "type:: person\n\n- ## Log\n\t- [[Nov 26th, 2026]] coffee\n\t  id:: 6380d38c\n\t- [[Oct 2nd, 2026]] call\n";
        assert_eq!(
            page_log(nested, "2026-11-01", "x"),
            "type:: person\n\n- ## Log\n\t- [[Nov 26th, 2026]] coffee\n\t  id:: 6380d38c\n\t- [[Nov 1st, 2026]] x\n\t- [[Oct 2nd, 2026]] call\n"
        );
        // No log: one more block at the end, after the property block, never in it.
        assert_eq!(
            page_log("alias:: Mags\ntype:: person", "2026-12-01", "tea #gave"),
            "alias:: Mags\ntype:: person\n- [[Dec 1st, 2026]] tea #gave"
        );
        assert_eq!(
            page_log(
                "- type:: person\n  alias:: Mags\n- text\n",
                "2026-12-01",
                "x"
            ),
            "- type:: person\n  alias:: Mags\n- text\n- [[Dec 1st, 2026]] x\n"
        );
        // Plain or ISO-linked dates stay as the page writes them.
        assert_eq!(
            page_log("- 2026-10-02 a\n", "2026-12-01", "x"),
            "- 2026-12-01 x\n- 2026-10-02 a\n"
        );
        assert_eq!(
            page_log("- [[2026-10-02]] a\n", "2026-12-01", "x"),
            "- [[2026-12-01]] x\n- [[2026-10-02]] a\n"
        );
        // Outside a graph, a title is not a date and a page gets a `## Log` section.
        assert_eq!(
            log("- [[Oct 2nd, 2026]] a\n", "2026-12-01", "x"),
            "- [[Oct 2nd, 2026]] a\n\n## Log\n- 2026-12-01 x\n"
        );
    }

    #[test]
    fn tasks_and_code_are_not_log_lines() {
        let note = "```\n- 2026-01-01 in code\n- 2026-01-02 in code\n```\n- [ ] 2026-02-01 task\n- 2026-03-01 real\n";
        assert_eq!(
            log(note, "2026-11-25", "x"),
            "```\n- 2026-01-01 in code\n- 2026-01-02 in code\n```\n- [ ] 2026-02-01 task\n- 2026-11-25 x\n- 2026-03-01 real\n"
        );
    }

    #[test]
    fn quoted_and_fenced_lines_are_read_as_the_reader_reads_them() {
        // A quoted dated heading is a log line to the reader: the log it makes is used.
        assert_eq!(
            log("> ### 2026-06-01 f\n", "2026-11-25", "x"),
            "> ### 2026-11-25 x\n> ### 2026-06-01 f\n"
        );
        // An unclosed fence in a list item ends with the item: the heading after it counts.
        assert_eq!(
            log("- 2026-01-01 a\n  ```\n## Log\n", "2026-11-25", "x"),
            "- 2026-01-01 a\n  ```\n## Log\n- 2026-11-25 x\n"
        );
    }
}
