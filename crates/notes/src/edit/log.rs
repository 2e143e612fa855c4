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

    /// Whether a run of dated list items goes on over this line, which is no entry: a blank
    /// line, or an indented one (a continuation, a sub-item) that is no task.
    fn continues_a_run(&self) -> bool {
        let is_task = matches!(self.shape.kind, Kind::Task { .. });
        self.entry.is_none()
            && !self.in_code
            && (self.is_blank() || self.text.starts_with([' ', '\t']) && !is_task)
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

/// Whether `line` is a heading that names a log section ([`LOG_HEADINGS`]), as the log
/// writer finds the log (for writers that must put something above it).
pub fn is_log_heading(line: &str) -> bool {
    match crate::line::classify(line).kind {
        Kind::Heading { title, .. } => is_log_title(title),
        _ => false,
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
        if !row.continues_a_run() {
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

/// A note's log, as the reader's rules find it ([module documentation](crate::edit)).
struct Log {
    /// Its entries, in the note's order (none in an empty log section, or without a log).
    entries: Vec<Entry>,
    /// The log section: its heading's index and where it ends (exclusive).
    section: Option<(usize, usize)>,
    /// Where the log ends (exclusive): the section's end, or the body's.
    end: usize,
    /// Whether the entries are the longest run of list items outside a section (the run a
    /// new last line must continue to stay in the log).
    run_of_items: bool,
}

impl Log {
    fn of(rows: &Rows<'_>) -> Log {
        let section = log_section(rows);
        match section {
            Some((heading, end)) => {
                let (items, headings): (Vec<Entry>, Vec<Entry>) = rows
                    .entries()
                    .filter(|e| e.line > heading && e.line < end)
                    .cloned()
                    .partition(|e| e.heading.is_none());
                let top = headings.iter().filter_map(|e| e.heading).min();
                let headings: Vec<Entry> =
                    headings.into_iter().filter(|e| e.heading == top).collect();
                let entries = if items.len() >= headings.len() {
                    items
                } else {
                    headings
                };
                Log {
                    entries,
                    section,
                    end,
                    run_of_items: false,
                }
            }
            None => {
                let items = longest_item_run(rows);
                let headings = longest_heading_run(rows);
                let (entries, run_of_items) = if headings.len() > items.len() {
                    (headings, false)
                } else {
                    (items, true)
                };
                Log {
                    entries,
                    section,
                    end: rows.end(),
                    run_of_items,
                }
            }
        }
    }
}

/// Where a new entry dated `date` goes in `log` (not empty, in the note's order), whose
/// last entry ends before line `end_of_last`: the line it is inserted before, the index in
/// `log` of the entry it is written like, and its own index in `log` once inserted.
fn place(log: &[Entry], date: NaiveDate, end_of_last: usize) -> Option<(usize, usize, usize)> {
    let (first, last) = (log.first()?, log.last()?);
    let last_index = log.len() - 1;
    Some(if first.date >= last.date {
        // Newest first: above the first entry not newer than it.
        match log.iter().position(|e| e.date <= date) {
            Some(j) => (log[j].line, j, j),
            None => (end_of_last, last_index, log.len()),
        }
    } else {
        // Oldest first: below the last entry not newer than it.
        match log.iter().rposition(|e| e.date <= date) {
            Some(k) => (log.get(k + 1).map_or(end_of_last, |e| e.line), k, k + 1),
            None => (first.line, 0, 0),
        }
    })
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
    Ok(add_to(&doc, &rows, &Log::of(&rows), date, rest, graph))
}

/// `doc` with the entry added to `log`, its log.
fn add_to(
    doc: &Doc<'_>,
    rows: &Rows<'_>,
    log: &Log,
    date: NaiveDate,
    rest: &str,
    graph: Option<&Logseq>,
) -> Vec<u8> {
    let bytes = doc.bytes;
    let titles = graph.map(|g| &g.title_format);
    let Some(last) = log.entries.last() else {
        let line = match titles {
            Some(titles) => format!("- [[{}]] {rest}", titles.format(date)),
            None => format!("- {date} {rest}"),
        };
        let line = line.trim_end();
        return match log.section {
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
        };
    };
    let end_of_last = end_of(rows, last, log.end);
    let Some((at, like, _)) = place(&log.entries, date, end_of_last) else {
        return bytes.to_vec();
    };
    let like = &log.entries[like];
    // The new line ends like the entry it is written like (in a note that mixes endings).
    let at = doc.start(at);
    let eol = doc
        .line(like.line)
        .map(|l| &bytes[l.end..l.next])
        .filter(|e| e.ends_with(b"\n"))
        .unwrap_or_else(|| eol_at(bytes, at));
    insert_line_ending(bytes, at, &like.like(date, rest, titles), eol)
}

/// Adds log lines, each `(date, rest)` as [`add_log_line`] adds one: the note is the same
/// as after adding them one after another, in that order, but it is read once, not once
/// per line (an import adds thousands of lines to a note).
pub fn add_log_lines(bytes: &[u8], lines: &[(NaiveDate, &str)]) -> Result<Vec<u8>, EditError> {
    add_entries(bytes, lines, None)
}

/// Like [`add_log_lines`], for a page of the Logseq graph `graph` ([`add_page_log_line`]).
pub fn add_page_log_lines(
    bytes: &[u8],
    lines: &[(NaiveDate, &str)],
    graph: &Logseq,
) -> Result<Vec<u8>, EditError> {
    add_entries(bytes, lines, Some(graph))
}

/// Adds `lines` in runs: the note is read, then as many lines as the [`Batch`] can place
/// by itself are placed; a line it cannot place (the first line of a note without a log,
/// a line it could not vouch for) is added by the full rules, and the note is read again.
/// Whenever the note is read again, and at the end, the log found must be the one the
/// batch predicted; should it ever not be, the lines are added one by one instead, so the
/// result is always theirs.
fn add_entries(
    bytes: &[u8],
    lines: &[(NaiveDate, &str)],
    graph: Option<&Logseq>,
) -> Result<Vec<u8>, EditError> {
    match in_batches(bytes, lines, graph)? {
        (Some(out), _) => Ok(out),
        (None, _) => lines
            .iter()
            .try_fold(bytes.to_vec(), |bytes, &(date, rest)| {
                add_entry(&bytes, date, rest, graph)
            }),
    }
}

/// [`add_entries`] by batches: the note (`None` if a batch mispredicted its log) and how
/// many times it was read.
fn in_batches(
    bytes: &[u8],
    lines: &[(NaiveDate, &str)],
    graph: Option<&Logseq>,
) -> Result<(Option<Vec<u8>>, usize), EditError> {
    let titles = graph.map(|g| &g.title_format);
    let mut current = bytes.to_vec();
    let mut predicted: Option<Vec<(usize, NaiveDate)>> = None;
    let (mut done, mut reads) = (0, 0);
    loop {
        reads += 1;
        let doc = Doc::new(&current);
        doc.refuse_conflicts()?;
        let rows = Rows::of(&doc, graph);
        let log = Log::of(&rows);
        if let Some(predicted) = predicted.take() {
            let found = log.entries.iter().map(|e| (e.line, e.date));
            if !found.eq(predicted) {
                return Ok((None, reads));
            }
        }
        let Some(&(date, rest)) = lines.get(done) else {
            return Ok((Some(current), reads));
        };
        let mut batch = Batch::new(&doc, &rows, &log, titles);
        let placed = batch.as_mut().map_or(0, |batch| {
            lines[done..]
                .iter()
                .take_while(|&&(date, rest)| batch.add(date, rest))
                .count()
        });
        current = match batch {
            Some(batch) if placed > 0 => {
                predicted = Some(batch.log.iter().map(|e| (e.line, e.date)).collect());
                done += placed;
                batch.into_bytes()
            }
            _ => {
                done += 1;
                add_to(&doc, &rows, &log, date, rest, graph)
            }
        };
    }
}

/// A note's lines and log while lines are added to it, without reading it again: each new
/// line is placed by [`place`] and becomes an entry of the log. It places a line only when
/// it knows what the reader will make of it: the line reads back as an entry of that date
/// and kind, and a line after the last entry of a run of list items only when nothing
/// between them ends the run.
struct Batch<'a> {
    /// The byte-order mark, if any.
    bom: &'a [u8],
    /// The index of the first line of the body (after the front matter).
    first: usize,
    /// The note's lines, each with its ending.
    lines: Vec<std::borrow::Cow<'a, [u8]>>,
    /// The log's entries, in the note's order, at their lines now.
    log: Vec<Entry>,
    /// The line after the last line that belongs to the log's last entry ([`end_of`]).
    end_of_last: usize,
    /// Whether a new last entry, at `end_of_last`, is in the log (see [`Batch::new`]).
    may_append: bool,
    titles: Option<&'a JournalFormat>,
}

impl<'a> Batch<'a> {
    /// The batch of `doc`, whose rows and log are `rows` and `log`; `None` without entries.
    fn new(
        doc: &Doc<'a>,
        rows: &Rows<'_>,
        log: &Log,
        titles: Option<&'a JournalFormat>,
    ) -> Option<Batch<'a>> {
        let last = log.entries.last()?;
        let end_of_last = end_of(rows, last, log.end);
        // A line after the last item of a run stays in the run only if every line between
        // them continues it (a quote under the item is its content, but ends the run).
        let may_append = !log.run_of_items
            || (last.line + 1..end_of_last).all(|i| rows.get(i).is_some_and(Row::continues_a_run));
        let bytes = doc.bytes;
        let bom = doc.line(0).map_or(bytes, |l| &bytes[..l.start]);
        let lines = (0..)
            .map_while(|i| doc.line(i))
            .map(|l| std::borrow::Cow::Borrowed(&bytes[l.start..l.next]))
            .collect();
        Some(Batch {
            bom,
            first: rows.first,
            lines,
            log: log.entries.clone(),
            end_of_last,
            may_append,
            titles,
        })
    }

    /// Places one line as [`add_to`] would; `false` (and nothing changed) when it cannot
    /// vouch for the result.
    fn add(&mut self, date: NaiveDate, rest: &str) -> bool {
        if rest.contains(['\n', '\r']) {
            return false;
        }
        let Some((at, like, index)) = place(&self.log, date, self.end_of_last) else {
            return false;
        };
        let appended = index == self.log.len();
        if appended && !self.may_append {
            return false;
        }
        let like = &self.log[like];
        let text = like.like(date, rest, self.titles);
        let before = self.context(at, &text);
        let Some(entry) = reread(&text, at, (&before, &self.text(at)), self.titles)
            .filter(|e| e.date == date && e.heading == like.heading)
        else {
            return false;
        };
        let eol = self
            .lines
            .get(like.line)
            .and_then(|l| ending(l))
            .unwrap_or_else(|| self.eol_at(at));
        self.insert(at, &text, eol);
        for e in &mut self.log {
            if e.line >= at {
                e.line += 1;
            }
        }
        self.log.insert(index, entry);
        self.end_of_last = if appended {
            at + 1
        } else {
            self.end_of_last + 1
        };
        self.may_append = true;
        true
    }

    /// Inserts `text` as line `at`, as [`insert_line_ending`] does: at the end of a note
    /// without a final newline, the ending goes before it.
    fn insert(&mut self, at: usize, text: &str, eol: &[u8]) {
        let at_end = at >= self.lines.len();
        match self.lines.last_mut() {
            Some(last) if at_end && !last.ends_with(b"\n") => {
                last.to_mut().extend_from_slice(eol);
                self.lines.push(text.as_bytes().to_vec().into());
            }
            _ => {
                let mut line = Vec::with_capacity(text.len() + eol.len());
                line.extend_from_slice(text.as_bytes());
                line.extend_from_slice(eol);
                self.lines.insert(at.min(self.lines.len()), line.into());
            }
        }
    }

    /// [`eol_at`] the start of line `at`: the ending of the nearest line before it that
    /// has one, else of the nearest after it, else `\n`.
    fn eol_at(&self, at: usize) -> &'static [u8] {
        let (before, after) = self.lines.split_at(at.min(self.lines.len()));
        let line = before
            .iter()
            .rev()
            .chain(after)
            .find(|l| l.ends_with(b"\n"));
        match line {
            Some(l) if l.ends_with(b"\r\n") => b"\r\n",
            _ => b"\n",
        }
    }

    /// The lines a new line `text` at `at` is read after: none when it is indented less
    /// than a code block is (then it reads alone as in the note), else the line before it
    /// and, above that, the nearest line indented less (whose content it may be).
    fn context(&self, at: usize, text: &str) -> Vec<std::borrow::Cow<'_, str>> {
        let lead = &text[..text.len() - text.trim_start().len()];
        if !lead.contains('\t') && !lead.contains("    ") {
            return Vec::new();
        }
        let width = indent_width(text);
        let Some(previous) = at.checked_sub(1).filter(|&i| i >= self.first) else {
            return Vec::new();
        };
        let parent = (self.first..previous)
            .rev()
            .map(|i| self.text(i))
            .find(|line| !line.trim().is_empty() && indent_width(line) < width);
        parent.into_iter().chain([self.text(previous)]).collect()
    }

    /// Line `i` without its ending, as the reader decodes it; empty past the ends.
    fn text(&self, i: usize) -> std::borrow::Cow<'_, str> {
        let line = self.lines.get(i).map_or(&[][..], |l| l.as_ref());
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        String::from_utf8_lossy(line.strip_suffix(b"\r").unwrap_or(line))
    }

    fn into_bytes(self) -> Vec<u8> {
        let len = self.bom.len() + self.lines.iter().map(|l| l.len()).sum::<usize>();
        let mut out = Vec::with_capacity(len);
        out.extend_from_slice(self.bom);
        for line in &self.lines {
            out.extend_from_slice(line);
        }
        out
    }
}

/// The width of `line`'s indentation, a tab counting to the next multiple of 4.
fn indent_width(line: &str) -> usize {
    line.chars()
        .map_while(|c| match c {
            ' ' => Some(1),
            '\t' => Some(4),
            _ => None,
        })
        .fold(0, |width, step| {
            if step == 4 {
                width / 4 * 4 + 4
            } else {
                width + 1
            }
        })
}

/// The ending of `line` (which holds it), when it has one.
fn ending(line: &[u8]) -> Option<&'static [u8]> {
    if line.ends_with(b"\r\n") {
        Some(b"\r\n")
    } else if line.ends_with(b"\n") {
        Some(b"\n")
    } else {
        None
    }
}

/// The entry the reader reads on `text`, a new line at index `at` after the lines
/// `before` and before the line `after` (without their endings), when it is one and does
/// not turn the line after it into code or out of it. `before` goes back to a line that is
/// not indented, so whether an indented line is code or a list item's content reads as
/// in the note.
fn reread<S: AsRef<str>>(
    text: &str,
    at: usize,
    (before, after): (&[S], &str),
    titles: Option<&JournalFormat>,
) -> Option<Entry> {
    let code = |lines: &[&str]| -> Vec<bool> {
        let text = lines.join("\n");
        Body::new(&text).lines().map(|l| l.in_code).collect()
    };
    let new = before.len();
    let mut lines: Vec<&str> = before.iter().map(AsRef::as_ref).collect();
    lines.push(after);
    let code_without = code(&lines);
    lines.insert(new, text);
    let code_with = code(&lines);
    if code_with.get(new) != Some(&false) || code_with.get(new + 1) != code_without.get(new) {
        return None;
    }
    let line = Body::new(text).lines().next()?;
    let shape = line.shape();
    let log = log_entry(&shape.kind, line_number(at), titles)?;
    Entry::of(at, log.date, &shape)
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

    /// Notes as people keep their logs: a log of list items or headings, in a section or
    /// not, newest or oldest first, dates linked or not, in quotes, nested with tabs, CRLF
    /// or not, a final newline or not; prose and other sections around it.
    fn usual_note() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::prelude::*;
        (
            prop::sample::select(vec!["- ", "* ", "  - ", "\t- ", "> - ", "1. ", "### "]),
            prop::option::of(prop::sample::select(vec!["## Log", "## Interactions:"])),
            prop::collection::vec(0u64..3000, 1..12),
            (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
            prop::sample::select(vec!["\n", "\r\n"]),
        )
            .prop_map(
                |(lead, section, days, (linked, newest, closing, final_newline), eol)| {
                    let mut lines = vec![
                        "---".to_owned(),
                        "name: Pat".to_owned(),
                        "---".to_owned(),
                        "Met at a conference.".to_owned(),
                        String::new(),
                    ];
                    lines.extend(section.map(str::to_owned));
                    let lead = if lead == "\t- " {
                        lines.push("- Log".to_owned());
                        lead
                    } else {
                        lead
                    };
                    let mut dates: Vec<_> = days
                        .iter()
                        .map(|&n| d("2020-01-01") + chrono::Days::new(n))
                        .collect();
                    dates.sort();
                    if newest {
                        dates.reverse();
                    }
                    for date in dates {
                        let date = if linked {
                            format!("[[{date}]]")
                        } else {
                            date.to_string()
                        };
                        lines.push(format!("{lead}{date} coffee: news"));
                        if lead == "### " {
                            lines.push("What we said.".to_owned());
                            lines.push(String::new());
                        }
                    }
                    if closing {
                        lines.extend([
                            "".to_owned(),
                            "## Notes".to_owned(),
                            "Likes climbing.".to_owned(),
                        ]);
                    }
                    let mut text = lines.join(eol);
                    if final_newline {
                        text.push_str(eol);
                    }
                    text.into_bytes()
                },
            )
    }

    proptest::proptest! {
        #[test]
        fn a_batch_reads_a_usual_note_twice_whatever_it_adds(
            note in usual_note(),
            days in proptest::collection::vec(0u64..4000, 0..120),
        ) {
            let texts: Vec<String> = (0..days.len()).map(|i| format!("meeting: number {i}")).collect();
            let lines: Vec<(NaiveDate, &str)> = days.iter().zip(&texts).map(|(&n, t)| (d("2019-06-01") + chrono::Days::new(n), t.as_str())).collect();
            let (batch, reads) = in_batches(&note, &lines, None).expect("no conflict");
            let one_by_one = lines.iter().try_fold(note.clone(), |b, &(date, rest)| add_log_line(&b, date, rest)).expect("no conflict");
            proptest::prop_assert_eq!(batch, Some(one_by_one));
            // Once to place them all, once to check what was predicted.
            proptest::prop_assert!(reads <= 2, "{reads} reads of {:?}", String::from_utf8_lossy(&note));
        }
    }

    #[test]
    fn a_note_without_a_log_is_read_once_more_for_its_new_section() {
        let lines = [
            (d("2026-01-01"), "a"),
            (d("2026-02-01"), "b"),
            (d("2025-12-01"), "c"),
        ];
        let (out, reads) = in_batches(b"Prose.\n", &lines, None).expect("edit");
        assert_eq!(
            out.as_deref(),
            Some(&b"Prose.\n\n## Log\n- 2026-02-01 b\n- 2026-01-01 a\n- 2025-12-01 c\n"[..])
        );
        assert_eq!(reads, 3);
    }
}
