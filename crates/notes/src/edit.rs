//! Lossless text edits: each function takes a note's original bytes and returns them with
//! one line inserted, changed or removed. Every other byte stays as it was: byte-order
//! mark, line endings (a new line takes the ending of the lines around it), a missing final
//! newline, the order, spacing, quoting and comments of the front matter, and bytes that
//! are not UTF-8.
//!
//! The edits find their place with the reader's own rules (the front-matter split, the
//! log lines the reader recognises, outside code), so what they add is what the
//! next read sees.
//!
//! Where [`add_log_line`] puts a line:
//! 1. The log is the first section whose heading is named like a log ([`LOG_HEADINGS`],
//!    any level, any case, ignoring emoji, punctuation and a trailing `:`), up to the next
//!    heading of the same or a higher level. Otherwise it is the longest run of dated
//!    entries: list items with nothing but blank or indented lines between them, or
//!    sibling headings that start with a date (`### 2026-10-02 Lunch`); a list run wins a
//!    tie. Otherwise a `## Log` section is added at the end of the note.
//! 2. The log's order comes from its dates: newest first when its first entry is not
//!    older than its last (so a one-entry log is newest first), oldest first otherwise.
//!    The line goes at its place by date; on a date the log already has, it goes as the
//!    latest of that date (above them newest first, below them oldest first).
//! 3. It is written like its neighbour: same indentation, blockquote marks, list marker
//!    (`-`, `*`, `+`, `1.`) or heading level, and `[[2026-10-02]]` when the neighbour
//!    links its date.

use chrono::NaiveDate;

use crate::body::{ScanWhat, scan};
use crate::frontmatter::{Split, split};
use crate::source::lines_with_offsets;

/// Why an edit could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// This occurs when the note opens front matter with `---` and never closes it: where a
    /// property would go is unknown.
    #[error("the front matter starts with `---` but never ends; add the closing `---` first")]
    UnterminatedFrontMatter,
    /// This occurs when the line to change is not an open task.
    #[error("line {0} is not an open task (`- [ ] …`)")]
    NotAnOpenTask(u32),
    /// This occurs when the note is in the middle of a git merge: which of its two versions
    /// to change is unknown.
    #[error(
        "line {0} has a git conflict marker (<<<<<<<); keep one version, delete the markers, then run the command again"
    )]
    ConflictMarkers(u32),
}

/// Where the log line was put.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogPlacement {
    /// Into an existing log section or run of dated entries.
    IntoLog,
    /// A `## Log` section was added at the end.
    NewSection,
}

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

/// One line of the original bytes: `start..end` is the content (without `\r\n` or `\n`),
/// `next` where the following line starts.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

/// A note's bytes with their lines, and the text the reader decodes from them (for finding
/// places only: the output is always built from the original bytes).
struct Doc<'a> {
    bytes: &'a [u8],
    /// The lines after the byte-order mark, as ranges of `bytes`.
    lines: Vec<Line>,
    /// The decoded text without the byte-order mark; invalid UTF-8 reads as U+FFFD, which
    /// never adds or removes a line.
    text: String,
    /// Each line's range in `text`.
    spans: Vec<(usize, usize)>,
}

enum FrontMatter {
    Absent,
    /// Index of the closing `---` line.
    Closed(usize),
    Unterminated,
}

impl<'a> Doc<'a> {
    fn new(bytes: &'a [u8]) -> Doc<'a> {
        let bom = bom_len(bytes);
        let mut lines = Vec::new();
        let mut start = bom;
        while start < bytes.len() {
            let (end, next) = match memchr::memchr(b'\n', &bytes[start..]) {
                Some(i) => (start + i, start + i + 1),
                None => (bytes.len(), bytes.len()),
            };
            // As the reader does, a `\r` before the `\n` (or the end) is not content.
            let end = if end > start && bytes[end - 1] == b'\r' {
                end - 1
            } else {
                end
            };
            lines.push(Line { start, end, next });
            start = next;
        }
        let text = String::from_utf8_lossy(&bytes[bom..]).into_owned();
        let spans: Vec<(usize, usize)> = lines_with_offsets(&text)
            .map(|(at, line)| (at, at + line.len()))
            .collect();
        debug_assert_eq!(spans.len(), lines.len());
        Doc {
            bytes,
            lines,
            text,
            spans,
        }
    }

    fn len(&self) -> usize {
        self.lines.len().min(self.spans.len())
    }

    fn text(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .and_then(|&(a, b)| self.text.get(a..b))
            .unwrap_or("")
    }

    /// The byte where line `i` starts; the end of the file past the last line.
    fn start(&self, i: usize) -> usize {
        self.lines.get(i).map_or(self.bytes.len(), |l| l.start)
    }

    /// The bytes of line `i`, without its ending.
    fn raw(&self, i: usize) -> &'a [u8] {
        self.lines
            .get(i)
            .map_or(&[][..], |l| &self.bytes[l.start..l.end])
    }

    fn front_matter(&self) -> FrontMatter {
        match split(&self.text) {
            Split::NoFrontMatter => FrontMatter::Absent,
            Split::Unterminated => FrontMatter::Unterminated,
            Split::FrontMatter { yaml_end, .. } => FrontMatter::Closed(
                memchr::memchr_iter(b'\n', &self.text.as_bytes()[..yaml_end]).count(),
            ),
        }
    }

    /// The index of the first body line: after the front matter, or 0 (an unclosed front
    /// matter is body, as the reader takes it).
    fn body_first(&self) -> usize {
        match self.front_matter() {
            FrontMatter::Closed(close) => close + 1,
            FrontMatter::Absent | FrontMatter::Unterminated => 0,
        }
    }

    /// A note in the middle of a git merge is not edited (the reader does not trust it
    /// either).
    fn refuse_conflicts(&self) -> Result<(), EditError> {
        if memchr::memmem::find(self.bytes, b"<<<<<<<").is_none() {
            return Ok(());
        }
        for i in 0..self.len() {
            let opens = self
                .text(i)
                .strip_prefix("<<<<<<<")
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '));
            if opens {
                return Err(EditError::ConflictMarkers(line_number(i)));
            }
        }
        Ok(())
    }

    /// Which lines are inside fenced code blocks (after `from`).
    fn code_lines(&self, from: usize) -> Vec<bool> {
        let mut fence: Option<(u8, usize)> = None;
        (0..self.len())
            .map(|i| {
                if i < from {
                    return false;
                }
                let t = self.text(i).trim_start_matches(' ');
                let mark = t.bytes().next().filter(|b| matches!(b, b'`' | b'~'));
                let run = mark.map_or(0, |m| t.bytes().take_while(|&b| b == m).count());
                match (fence, mark) {
                    (None, Some(m)) if run >= 3 => {
                        fence = Some((m, run));
                        true
                    }
                    (Some((f, n)), Some(m)) if f == m && run >= n && t[run..].trim().is_empty() => {
                        fence = None;
                        true
                    }
                    (Some(_), _) => true,
                    (None, _) => false,
                }
            })
            .collect()
    }
}

fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

fn bom_len(bytes: &[u8]) -> usize {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    }
}

/// The line ending to use for a line inserted at byte `at`: the one of the nearest line
/// before it, else of the nearest after it, else `\n`. A note that mixes endings gets, in
/// each place, the ending already used there.
fn eol_at(bytes: &[u8], at: usize) -> &'static [u8] {
    let at = at.min(bytes.len());
    let newline = memchr::memrchr(b'\n', &bytes[..at])
        .or_else(|| memchr::memchr(b'\n', &bytes[at..]).map(|i| at + i));
    match newline {
        Some(i) if i > 0 && bytes[i - 1] == b'\r' => b"\r\n",
        _ => b"\n",
    }
}

/// Inserts `insert` (one line, without its ending) so it starts at byte `at`, which is the
/// start of a line, or the end of the text (then the line ending goes before it when the
/// text lacks a final newline, keeping the file without one).
fn insert_line(bytes: &[u8], at: usize, insert: &str) -> Vec<u8> {
    insert_line_ending(bytes, at, insert, eol_at(bytes, at))
}

/// Like [`insert_line`], with the line ending to use.
fn insert_line_ending(bytes: &[u8], at: usize, insert: &str, eol: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + insert.len() + 2);
    out.extend_from_slice(&bytes[..at]);
    if at == bytes.len() && at > bom_len(bytes) && !bytes.ends_with(b"\n") {
        out.extend_from_slice(eol);
        out.extend_from_slice(insert.as_bytes());
    } else {
        out.extend_from_slice(insert.as_bytes());
        out.extend_from_slice(eol);
    }
    out.extend_from_slice(&bytes[at..]);
    out
}

/// Quotes a YAML scalar when it would otherwise not read back as the same text: empty
/// text, leading or trailing blanks, YAML indicators at the start (`[`, `{`, `*`, `&`, `!`,
/// `|`, `>`, `'`, `"`, `%`, `@`, `` ` ``, `#`, `-`, `?`, `:`, `,`), `: ` or ` #` inside,
/// line breaks and tabs, and words YAML reads as booleans or null. Dates stay bare.
pub fn yaml_scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && !value.starts_with(|c: char| "[]{}#&*!|>'\"%@`,?:-~ \t".contains(c))
        && !value.ends_with([' ', ':', '\t'])
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.contains(|c: char| c.is_control())
        && !matches!(
            value.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "y" | "n" | "on" | "off" | "null" | "~"
        )
        && !reads_as_other_number(value);
    if plain {
        return value.to_owned();
    }
    let mut quoted = String::with_capacity(value.len() + 2);
    quoted.push('"');
    for c in value.chars() {
        match c {
            '\\' => quoted.push_str("\\\\"),
            '"' => quoted.push_str("\\\""),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Whether YAML would read `value` as a number written differently (`1e3`, `0x1F`, `.5`,
/// `007`, `.inf`): such text is quoted to stay text. Plain integers (`30`) and dates stay
/// bare.
fn reads_as_other_number(value: &str) -> bool {
    let unsigned = value.trim_start_matches(['+', '-']);
    let lower = unsigned.to_ascii_lowercase();
    let integer = !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit());
    if integer {
        return value.starts_with('+') || (unsigned.len() > 1 && unsigned.starts_with('0'));
    }
    matches!(lower.as_str(), ".inf" | ".nan")
        || lower.starts_with("0x")
        || lower.starts_with("0o")
        || (value.parse::<f64>().is_ok() && !lower.contains("inf") && !lower.contains("nan"))
}

/// The top-level key of a front-matter line, if it has one.
fn key_of(line: &str) -> Option<&str> {
    if line.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let colon = line.find(':')?;
    Some(line[..colon].trim().trim_matches(['"', '\'']))
}

/// Where the parts of a `key: value # comment` line are, in its bytes.
#[derive(Debug, Clone, Copy)]
struct ValueParts {
    colon: usize,
    /// Where the value starts (after the blanks following the colon).
    value_start: usize,
    /// Where the value ends: what follows is trailing blanks and a `# comment`, kept.
    value_end: usize,
}

impl ValueParts {
    fn of(line: &[u8]) -> Option<ValueParts> {
        let colon = memchr::memchr(b':', line)?;
        let blank = |b: &u8| matches!(b, b' ' | b'\t');
        let value_start = colon + 1 + line[colon + 1..].iter().take_while(|b| blank(b)).count();
        if line.get(value_start) == Some(&b'#') && value_start > colon + 1 {
            // `key:   # comment`: no value.
            return Some(ValueParts {
                colon,
                value_start: colon + 1,
                value_end: colon + 1,
            });
        }
        // A comment cannot start inside quotes.
        let after_quotes = match line.get(value_start) {
            Some(b'"') => {
                let mut i = value_start + 1;
                while i < line.len() && line[i] != b'"' {
                    i += if line[i] == b'\\' { 2 } else { 1 };
                }
                (i + 1).min(line.len())
            }
            Some(b'\'') => {
                let mut i = value_start + 1;
                while i < line.len() {
                    if line[i] == b'\'' {
                        if line.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                (i + 1).min(line.len())
            }
            _ => value_start,
        };
        let comment = (after_quotes.max(value_start + 1)..line.len())
            .find(|&i| line[i] == b'#' && blank(&line[i - 1]))
            .unwrap_or(line.len());
        let value_end = value_start
            + line[value_start..comment.max(value_start)]
                .iter()
                .rposition(|b| !blank(b))
                .map_or(0, |p| p + 1);
        Some(ValueParts {
            colon,
            value_start,
            value_end,
        })
    }

    fn is_empty(self, line: &[u8]) -> bool {
        let value = &line[self.value_start..self.value_end];
        value.is_empty()
            || matches!(
                value,
                b"~" | b"null" | b"Null" | b"NULL" | b"\"\"" | b"''" | b"[]" | b"{}"
            )
    }
}

/// A property in the front matter: its key line and the last line of its value.
#[derive(Debug, Clone, Copy)]
struct PropertySpan {
    first: usize,
    last: usize,
}

/// The line of the property the reader reads for `keys` (canonical first, then aliases):
/// the first key, in that order, with a value; else the first of them present.
fn property_span(doc: &Doc<'_>, close: usize, keys: &[&str]) -> Option<PropertySpan> {
    let mut found: Vec<(usize, PropertySpan, bool)> = Vec::new();
    for i in 1..close {
        let Some(rank) = key_of(doc.text(i))
            .and_then(|k| keys.iter().position(|key| key.eq_ignore_ascii_case(k)))
        else {
            continue;
        };
        let mut last = i;
        while last + 1 < close {
            let next = doc.text(last + 1);
            let blank_then_block = next.trim().is_empty()
                && last + 2 < close
                && doc.text(last + 2).starts_with([' ', '\t', '-']);
            if next.starts_with([' ', '\t', '-']) || blank_then_block {
                last += 1;
            } else {
                break;
            }
        }
        let line = doc.raw(i);
        let has_value = last > i || ValueParts::of(line).is_some_and(|p| !p.is_empty(line));
        found.push((rank, PropertySpan { first: i, last }, has_value));
    }
    (0..keys.len())
        .find_map(|rank| {
            found
                .iter()
                .find(|(r, _, _)| *r == rank)
                .filter(|(_, _, has_value)| *has_value)
        })
        .or(found.first())
        .map(|(_, span, _)| *span)
}

/// Sets a property to `value`, which is YAML as it should be written (pass text through
/// [`yaml_scalar`]; `true` is a boolean), touching one line.
///
/// `keys` are every key the property may be written under (canonical first, then aliases).
/// The one the reader reads is changed in place, keeping the user's spelling of the key,
/// the blanks after the colon and a trailing `# comment` (a block value under it is
/// replaced). A missing property is added as `keys[0]: value` before the closing `---`; a
/// note without front matter gets one at the top (after a byte-order mark).
pub fn set_property(bytes: &[u8], keys: &[&str], value: &str) -> Result<Vec<u8>, EditError> {
    let doc = Doc::new(bytes);
    doc.refuse_conflicts()?;
    let canonical = keys.first().copied().unwrap_or("property");
    let close = match doc.front_matter() {
        FrontMatter::Closed(close) => close,
        FrontMatter::Unterminated => return Err(EditError::UnterminatedFrontMatter),
        FrontMatter::Absent => {
            let bom = bom_len(bytes);
            let eol = eol_at(bytes, bom);
            let mut out = Vec::with_capacity(bytes.len() + 32);
            out.extend_from_slice(&bytes[..bom]);
            for line in ["---", &format!("{canonical}: {value}"), "---"] {
                out.extend_from_slice(line.as_bytes());
                out.extend_from_slice(eol);
            }
            out.extend_from_slice(&bytes[bom..]);
            return Ok(out);
        }
    };
    let Some(span) = property_span(&doc, close, keys) else {
        return Ok(insert_line(
            bytes,
            doc.start(close),
            &format!("{canonical}: {value}"),
        ));
    };
    let line = doc.raw(span.first);
    let Some(parts) = ValueParts::of(line) else {
        return Ok(bytes.to_vec());
    };
    let mut out = Vec::with_capacity(bytes.len() + value.len());
    out.extend_from_slice(&bytes[..doc.start(span.first)]);
    out.extend_from_slice(&line[..=parts.colon]);
    if parts.value_start > parts.colon + 1 {
        out.extend_from_slice(&line[parts.colon + 1..parts.value_start]);
    } else {
        out.push(b' ');
    }
    out.extend_from_slice(value.as_bytes());
    out.extend_from_slice(&line[parts.value_end..]);
    let rest_from = doc.lines.get(span.last).map_or(bytes.len(), |l| l.end);
    out.extend_from_slice(&bytes[rest_from..]);
    Ok(out)
}

/// Removes the property the reader reads for `keys` (its line, and the lines of a block
/// value under it). A note without it is returned unchanged.
pub fn remove_property(bytes: &[u8], keys: &[&str]) -> Result<Vec<u8>, EditError> {
    let doc = Doc::new(bytes);
    doc.refuse_conflicts()?;
    let close = match doc.front_matter() {
        FrontMatter::Closed(close) => close,
        FrontMatter::Absent => return Ok(bytes.to_vec()),
        FrontMatter::Unterminated => return Err(EditError::UnterminatedFrontMatter),
    };
    let Some(span) = property_span(&doc, close, keys) else {
        return Ok(bytes.to_vec());
    };
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..doc.start(span.first)]);
    out.extend_from_slice(&bytes[doc.lines[span.last].next..]);
    Ok(out)
}

/// Turns a property off, undoing [`set_property`] byte for byte: the line `vault` writes
/// (`keys[0]: value`, nothing else on it) is removed; a line the user wrote differently —
/// another tool's key, a `# comment`, a block value — stays, with its value set to `off`
/// (`false`, or today's date for a snooze), so their key and comment survive. A note
/// without the property is returned unchanged.
pub fn clear_property(bytes: &[u8], keys: &[&str], off: &str) -> Result<Vec<u8>, EditError> {
    let doc = Doc::new(bytes);
    doc.refuse_conflicts()?;
    let close = match doc.front_matter() {
        FrontMatter::Closed(close) => close,
        FrontMatter::Absent => return Ok(bytes.to_vec()),
        FrontMatter::Unterminated => return Err(EditError::UnterminatedFrontMatter),
    };
    let Some(span) = property_span(&doc, close, keys) else {
        return Ok(bytes.to_vec());
    };
    let line = doc.raw(span.first);
    let written_by_vault = span.first == span.last
        && keys.first().is_some_and(|key| {
            line.strip_prefix(key.as_bytes())
                .and_then(|rest| rest.strip_prefix(b": "))
                .is_some_and(|value| {
                    !value.is_empty() && !value.iter().any(|b| matches!(b, b' ' | b'\t' | b'#'))
                })
        });
    if written_by_vault {
        // The front matter `set_property` created for this one line goes with it.
        if close == 2 {
            let mut out = bytes[..bom_len(bytes)].to_vec();
            out.extend_from_slice(&bytes[doc.lines[close].next..]);
            return Ok(out);
        }
        remove_property(bytes, keys)
    } else {
        set_property(bytes, keys, off)
    }
}

/// Checks off the open task on 1-based `line_no`: `- [ ]` (or `- [/]`) becomes `- [x]`
/// and the Tasks plugin's completion date `✅ YYYY-MM-DD` is added at the end of the line.
pub fn complete_task(bytes: &[u8], line_no: u32, date: NaiveDate) -> Result<Vec<u8>, EditError> {
    let doc = Doc::new(bytes);
    doc.refuse_conflicts()?;
    let index = usize::try_from(line_no).ok().and_then(|n| n.checked_sub(1));
    let Some(line) = index.and_then(|i| doc.lines.get(i)).copied() else {
        return Err(EditError::NotAnOpenTask(line_no));
    };
    let content = &bytes[line.start..line.end];
    let indent = content
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'>'))
        .count();
    let rest = &content[indent..];
    let marker = match rest.first() {
        Some(b'-' | b'*' | b'+') => 1,
        Some(b'0'..=b'9') => {
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            if matches!(rest.get(digits), Some(b'.' | b')')) {
                digits + 1
            } else {
                0
            }
        }
        _ => 0,
    };
    // One or more blanks after the marker, as the reader takes them (`-   [ ] …` is a task).
    let blanks = content.get(indent + marker..).map_or(0, |r| {
        r.iter().take_while(|b| matches!(b, b' ' | b'\t')).count()
    });
    let box_at = indent + marker + blanks;
    let is_open = marker > 0
        && blanks > 0
        && content
            .get(box_at..box_at + 3)
            .is_some_and(|b| b == b"[ ]" || b == b"[/]")
        && matches!(content.get(box_at + 3), None | Some(b' ' | b'\t'));
    if !is_open {
        return Err(EditError::NotAnOpenTask(line_no));
    }
    let mut out = Vec::with_capacity(bytes.len() + 16);
    out.extend_from_slice(&bytes[..line.start + box_at + 1]);
    out.push(b'x');
    out.extend_from_slice(&bytes[line.start + box_at + 2..line.end]);
    let trimmed_end = out.len()
        - out
            .iter()
            .rev()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
    out.truncate(trimmed_end);
    out.extend_from_slice(format!(" ✅ {date}").as_bytes());
    out.extend_from_slice(&bytes[line.end..]);
    Ok(out)
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
    /// Width of the indentation and blockquote marks before the marker.
    indent: usize,
}

impl Entry {
    fn of(line: usize, date: NaiveDate, text: &str) -> Option<Entry> {
        let indent = indent_of(text);
        let after = &text[indent..];
        let bytes = after.as_bytes();
        let (heading, marker) = match bytes.first()? {
            b'#' => {
                let level = bytes.iter().take_while(|&&b| b == b'#').count();
                (Some(level), level)
            }
            b'-' | b'*' | b'+' => (None, 1),
            b'0'..=b'9' => {
                let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
                match bytes.get(digits) {
                    Some(b'.' | b')') => (None, digits + 1),
                    _ => return None,
                }
            }
            _ => return None,
        };
        let linked = after[marker..]
            .trim_start()
            .trim_start_matches(['*', '_'])
            .starts_with("[[");
        Some(Entry {
            line,
            date,
            heading,
            lead: format!("{}{} ", &text[..indent], &after[..marker]),
            linked,
            indent,
        })
    }

    /// A new entry written like this one.
    fn like(&self, date: NaiveDate, rest: &str) -> String {
        let line = if self.linked {
            format!("{}[[{date}]] {rest}", self.lead)
        } else {
            format!("{}{date} {rest}", self.lead)
        };
        line.trim_end().to_owned()
    }
}

/// Whether line `i` is inside a fenced code block.
fn is_code(in_code: &[bool], i: usize) -> bool {
    in_code.get(i).copied().unwrap_or(false)
}

/// Width of the blanks and blockquote marks a line starts with.
fn indent_of(text: &str) -> usize {
    text.len() - text.trim_start_matches([' ', '\t', '>']).len()
}

/// The level and title of an ATX heading.
fn heading_of(text: &str) -> Option<(usize, &str)> {
    let t = text.trim_start_matches(' ');
    let level = t.bytes().take_while(|&b| b == b'#').count();
    let rest = &t[level..];
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with([' ', '\t'])))
        .then_some((level, rest))
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

/// Whether a line is a task (`- [ ] …`, `- [x] …`).
fn is_task(text: &str) -> bool {
    let t = text.trim_start_matches([' ', '\t', '>']);
    let after = t
        .strip_prefix(['-', '*', '+'])
        .map(|r| r.trim_start_matches([' ', '\t']));
    after.is_some_and(|r| r.len() >= 3 && r.as_bytes()[0] == b'[' && r.as_bytes()[2] == b']')
}

/// The note's log lines as the reader finds them (outside code, not tasks), with their
/// shape.
fn entries(doc: &Doc<'_>, body_first: usize) -> Vec<Entry> {
    let body_start = doc.spans.get(body_first).map_or(doc.text.len(), |s| s.0);
    let body = doc.text.get(body_start..).unwrap_or("");
    let what = ScanWhat {
        log: true,
        links: false,
    };
    scan(body, line_number(body_first), what)
        .log
        .into_iter()
        .filter_map(|log| {
            let i = usize::try_from(log.line).ok()?.checked_sub(1)?;
            (i < doc.len())
                .then(|| Entry::of(i, log.date, doc.text(i)))
                .flatten()
        })
        .collect()
}

/// The log section: the index of its heading and where it ends (exclusive).
fn log_section(doc: &Doc<'_>, body_first: usize, in_code: &[bool]) -> Option<(usize, usize)> {
    let (start, level) = (body_first..doc.len()).find_map(|i| {
        let (level, title) = heading_of(doc.text(i)).filter(|_| !is_code(in_code, i))?;
        is_log_title(title).then_some((i, level))
    })?;
    let end = (start + 1..doc.len())
        .find(|&i| !is_code(in_code, i) && heading_of(doc.text(i)).is_some_and(|(l, _)| l <= level))
        .unwrap_or(doc.len());
    Some((start, end))
}

/// The longest run of dated list items with nothing but blank lines, indented lines (their
/// continuations, sub-items) between them.
fn longest_item_run(
    doc: &Doc<'_>,
    body_first: usize,
    in_code: &[bool],
    entries: &[Entry],
) -> Vec<Entry> {
    let mut best: Vec<Entry> = Vec::new();
    let mut current: Vec<Entry> = Vec::new();
    let mut next = entries.iter().peekable();
    for i in body_first..doc.len() {
        let entry = next.next_if(|e| e.line == i);
        if let Some(entry) = entry.filter(|e| e.heading.is_none()) {
            current.push(entry.clone());
            continue;
        }
        let t = doc.text(i);
        let continues = entry.is_none()
            && !is_code(in_code, i)
            && (t.trim().is_empty() || t.starts_with([' ', '\t']) && !is_task(t));
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
fn longest_heading_run(
    doc: &Doc<'_>,
    body_first: usize,
    in_code: &[bool],
    entries: &[Entry],
) -> Vec<Entry> {
    let mut best: Vec<Entry> = Vec::new();
    let mut current: Vec<Entry> = Vec::new();
    let mut level: Option<usize> = None;
    let mut next = entries.iter().peekable();
    for i in body_first..doc.len() {
        let entry = next.next_if(|e| e.line == i);
        let Some((l, _)) = heading_of(doc.text(i)).filter(|_| !is_code(in_code, i)) else {
            continue;
        };
        let dated = entry.filter(|e| e.heading == Some(l));
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
fn end_of(doc: &Doc<'_>, in_code: &[bool], entry: &Entry, end: usize) -> usize {
    let mut last = entry.line;
    for i in entry.line + 1..end {
        let t = doc.text(i);
        let blank = t.trim().is_empty();
        match entry.heading {
            Some(level) => {
                if !is_code(in_code, i) && heading_of(t).is_some_and(|(l, _)| l <= level) {
                    break;
                }
                if !blank {
                    last = i;
                }
            }
            None => {
                if blank {
                    continue;
                }
                if indent_of(t) > entry.indent {
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
/// documentation](self).
pub fn add_log_line(
    bytes: &[u8],
    date: NaiveDate,
    rest: &str,
) -> Result<(Vec<u8>, LogPlacement), EditError> {
    let doc = Doc::new(bytes);
    doc.refuse_conflicts()?;
    let body_first = doc.body_first();
    let in_code = doc.code_lines(body_first);
    let all = entries(&doc, body_first);
    let section = log_section(&doc, body_first, &in_code);

    let (log, end) = match section {
        Some((heading, end)) => {
            let inside: Vec<Entry> = all
                .iter()
                .filter(|e| e.line > heading && e.line < end)
                .cloned()
                .collect();
            let (items, headings): (Vec<Entry>, Vec<Entry>) =
                inside.into_iter().partition(|e| e.heading.is_none());
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
            let items = longest_item_run(&doc, body_first, &in_code, &all);
            let headings = longest_heading_run(&doc, body_first, &in_code, &all);
            let log = if headings.len() > items.len() {
                headings
            } else {
                items
            };
            (log, doc.len())
        }
    };

    let (Some(first), Some(last)) = (log.first(), log.last()) else {
        let line = format!("- {date} {rest}");
        let line = line.trim_end();
        return Ok(match section {
            // A log heading with no entries yet: the line goes after the section's content.
            Some((heading, end)) => {
                let after = (heading + 1..end)
                    .rev()
                    .find(|&i| !doc.text(i).trim().is_empty())
                    .unwrap_or(heading);
                (
                    insert_line(bytes, doc.start(after + 1), line),
                    LogPlacement::IntoLog,
                )
            }
            None => (new_section(bytes, line), LogPlacement::NewSection),
        });
    };
    let newest_first = first.date >= last.date;
    let (at, like) = if newest_first {
        match log.iter().find(|e| e.date <= date) {
            Some(e) => (e.line, e),
            None => (end_of(&doc, &in_code, last, end), last),
        }
    } else {
        match log.iter().rposition(|e| e.date <= date) {
            Some(k) => (
                log.get(k + 1)
                    .map_or_else(|| end_of(&doc, &in_code, &log[k], end), |e| e.line),
                &log[k],
            ),
            None => (first.line, first),
        }
    };
    // The new line ends like the entry it is written like (in a note that mixes endings).
    let at = doc.start(at);
    let eol = doc
        .lines
        .get(like.line)
        .map(|l| &bytes[l.end..l.next])
        .filter(|e| e.ends_with(b"\n"))
        .unwrap_or_else(|| eol_at(bytes, at));
    Ok((
        insert_line_ending(bytes, at, &like.like(date, rest), eol),
        LogPlacement::IntoLog,
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
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn log(text: &str, date: &str, rest: &str) -> String {
        let (out, _) = add_log_line(text.as_bytes(), d(date), rest).expect("edit");
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
    fn mixed_line_endings_use_the_neighbours() {
        let note = "---\r\nname: A\r\n---\r\n## Log\n- 2026-10-02 coffee\n";
        assert_eq!(
            log(note, "2026-11-25", "x"),
            "---\r\nname: A\r\n---\r\n## Log\n- 2026-11-25 x\n- 2026-10-02 coffee\n"
        );
        assert_eq!(
            log(
                "---\r\nname: A\r\n---\r\n- 2026-10-02 coffee\n",
                "2026-11-25",
                "x"
            ),
            "---\r\nname: A\r\n---\r\n- 2026-11-25 x\n- 2026-10-02 coffee\n"
        );
        let out = set_property(note.as_bytes(), &["paused"], "true").expect("edit");
        assert_eq!(
            out,
            b"---\r\nname: A\r\npaused: true\r\n---\r\n## Log\n- 2026-10-02 coffee\n"
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
        let (_, placement) = add_log_line(b"# A\n", d("2026-11-25"), "x").expect("edit");
        assert_eq!(placement, LogPlacement::NewSection);
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

    #[test]
    fn tasks_and_code_are_not_log_lines() {
        let note = "```\n- 2026-01-01 in code\n- 2026-01-02 in code\n```\n- [ ] 2026-02-01 task\n- 2026-03-01 real\n";
        assert_eq!(
            log(note, "2026-11-25", "x"),
            "```\n- 2026-01-01 in code\n- 2026-01-02 in code\n```\n- [ ] 2026-02-01 task\n- 2026-11-25 x\n- 2026-03-01 real\n"
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_kept() {
        let note = b"---\nname: \xFFA\n---\n\xFE prose \xC3\n- 2026-10-02 caf\xE9\n";
        let (out, _) = add_log_line(note, d("2026-11-25"), "x").expect("edit");
        assert_eq!(
            out,
            b"---\nname: \xFFA\n---\n\xFE prose \xC3\n- 2026-11-25 x\n- 2026-10-02 caf\xE9\n"
        );
        let out = set_property(note, &["paused"], "true").expect("edit");
        assert_eq!(
            out,
            b"---\nname: \xFFA\npaused: true\n---\n\xFE prose \xC3\n- 2026-10-02 caf\xE9\n"
        );
        let note = b"---\npaused: false # \xFF\n---\n";
        let out = set_property(note, &["paused"], "true").expect("edit");
        assert_eq!(out, b"---\npaused: true # \xFF\n---\n");
    }

    #[test]
    fn conflicted_notes_are_refused() {
        let note = b"---\nname: A\n---\n<<<<<<< HEAD\n- 2026-10-02 a\n=======\n- 2026-10-03 b\n>>>>>>> other\n";
        assert_eq!(
            add_log_line(note, d("2026-11-25"), "x"),
            Err(EditError::ConflictMarkers(4))
        );
        assert_eq!(
            set_property(note, &["paused"], "true"),
            Err(EditError::ConflictMarkers(4))
        );
    }

    #[test]
    fn set_property_in_place_keeps_spelling_spacing_quotes_and_comments() {
        let note = b"---\nname: \"A\"\nprm-snooze-until: 2026-01-01 # old\ntags: [x]\n---\nbody";
        let out =
            set_property(note, &["snooze_until", "prm-snooze-until"], "2026-12-15").expect("edit");
        assert_eq!(
            out,
            b"---\nname: \"A\"\nprm-snooze-until: 2026-12-15 # old\ntags: [x]\n---\nbody"
        );
        for (line, expected) in [
            (
                "snooze_until: \"2020-01-01 # x\" # real",
                "snooze_until: 2026-12-15 # real",
            ),
            (
                "snooze_until: '2020 #''s' # real",
                "snooze_until: 2026-12-15 # real",
            ),
            (
                "snooze_until:    2020-01-01   ",
                "snooze_until:    2026-12-15   ",
            ),
            (
                "Snooze_Until:\t2020-01-01\t# tab",
                "Snooze_Until:\t2026-12-15\t# tab",
            ),
            ("snooze_until:", "snooze_until: 2026-12-15"),
            (
                "snooze_until:   # later",
                "snooze_until: 2026-12-15   # later",
            ),
            ("\"snooze_until\": x#y", "\"snooze_until\": 2026-12-15"),
        ] {
            let note = format!("---\n{line}\n---\n");
            let out = set_property(note.as_bytes(), &["snooze_until"], "2026-12-15").expect("edit");
            assert_eq!(
                String::from_utf8(out).expect("utf8"),
                format!("---\n{expected}\n---\n"),
                "{line}"
            );
        }
    }

    #[test]
    fn set_property_changes_the_key_the_reader_reads() {
        let keys = ["snooze_until", "prm-snooze-until"];
        // The alias comes first in the file, but the canonical key is what is read.
        let note = b"---\nprm-snooze-until: 2027-01-01\nsnooze_until: 2026-12-01\n---\n";
        assert_eq!(
            set_property(note, &keys, "2026-12-24").expect("edit"),
            b"---\nprm-snooze-until: 2027-01-01\nsnooze_until: 2026-12-24\n---\n"
        );
        // An empty canonical key is skipped for the alias that has a value.
        let note = b"---\nsnooze_until:\nprm-snooze-until: 2027-01-01\n---\n";
        assert_eq!(
            set_property(note, &keys, "2026-12-24").expect("edit"),
            b"---\nsnooze_until:\nprm-snooze-until: 2026-12-24\n---\n"
        );
        // None has a value: the first one present is filled in.
        let note = b"---\nprm-snooze-until: ~\nsnooze_until:\n---\n";
        assert_eq!(
            set_property(note, &keys, "2026-12-24").expect("edit"),
            b"---\nprm-snooze-until: 2026-12-24\nsnooze_until:\n---\n"
        );
    }

    #[test]
    fn set_property_inserts_or_creates_front_matter() {
        let out =
            set_property(b"---\r\nname: A\r\n---\r\nbody\r\n", &["paused"], "true").expect("edit");
        assert_eq!(out, b"---\r\nname: A\r\npaused: true\r\n---\r\nbody\r\n");
        let out = set_property(b"\xEF\xBB\xBFbody", &["snooze_until"], "2026-12-15").expect("edit");
        assert_eq!(out, b"\xEF\xBB\xBF---\nsnooze_until: 2026-12-15\n---\nbody");
        let out = set_property(b"body\r\n", &["paused"], "true").expect("edit");
        assert_eq!(out, b"---\r\npaused: true\r\n---\r\nbody\r\n");
        let out = set_property(b"---\n---", &["paused"], "true").expect("edit");
        assert_eq!(out, b"---\npaused: true\n---");
        let out = set_property(b"---\naliases:\n  - P\n---\n", &["paused"], "true").expect("edit");
        assert_eq!(out, b"---\naliases:\n  - P\npaused: true\n---\n");
        assert_eq!(
            set_property(b"---\nname: A\n", &["paused"], "true"),
            Err(EditError::UnterminatedFrontMatter)
        );
    }

    #[test]
    fn remove_property_removes_block_values_too() {
        let out = remove_property(
            b"---\nname: A\npaused:\n  - yes\nrole: x\n---\n",
            &["paused"],
        )
        .expect("edit");
        assert_eq!(out, b"---\nname: A\nrole: x\n---\n");
        let same = remove_property(b"---\nname: A\n---\n", &["paused"]).expect("edit");
        assert_eq!(same, b"---\nname: A\n---\n");
        let same = remove_property(b"no front matter", &["paused"]).expect("edit");
        assert_eq!(same, b"no front matter");
    }

    #[test]
    fn clear_property_undoes_set_property() {
        let keys = ["paused", "prm-paused"];
        for note in [
            &b"---\nname: A\n---\n"[..],
            b"---\nprm-paused: false # kept\n---\n",
            b"---\r\nPaused: false\r\n---\r\n",
            b"body only\n",
        ] {
            let on = set_property(note, &keys, "true").expect("set");
            assert_eq!(
                clear_property(&on, &keys, "false").expect("clear"),
                note,
                "{}",
                String::from_utf8_lossy(note)
            );
        }
        // A line the user wrote keeps its key and comment.
        assert_eq!(
            clear_property(
                b"---\nprm-snooze-until: 2027-01-01 # Q1\n---\n",
                &["snooze_until", "prm-snooze-until"],
                "2026-11-23"
            )
            .expect("clear"),
            b"---\nprm-snooze-until: 2026-11-23 # Q1\n---\n"
        );
        assert_eq!(
            clear_property(b"---\npaused: true\nrole: x\n---\n", &keys, "false").expect("clear"),
            b"---\nrole: x\n---\n"
        );
        assert_eq!(
            clear_property(b"---\nname: A\n---\n", &keys, "false").expect("clear"),
            b"---\nname: A\n---\n"
        );
    }

    #[test]
    fn complete_task_checks_it_off_with_a_date() {
        let out = complete_task(
            b"a\n- [ ] send it \xF0\x9F\x93\x85 2026-11-30  \r\nb",
            2,
            d("2026-11-25"),
        )
        .expect("edit");
        assert_eq!(
            out,
            "a\n- [x] send it 📅 2026-11-30 ✅ 2026-11-25\r\nb".as_bytes()
        );
        let out = complete_task(b"a\r\n- [ ] last\r", 2, d("2026-11-25")).expect("edit");
        assert_eq!(out, "a\r\n- [x] last ✅ 2026-11-25\r".as_bytes());
        let out = complete_task(b"\xEF\xBB\xBF> 1. [/] x\n", 1, d("2026-11-25")).expect("edit");
        assert_eq!(out, "\u{FEFF}> 1. [x] x ✅ 2026-11-25\n".as_bytes());
        let out = complete_task(b"-   [ ] spaced\n1.  [ ] numbered\n", 1, d("2026-11-25"))
            .and_then(|out| complete_task(&out, 2, d("2026-11-25")))
            .expect("edit");
        assert_eq!(
            out,
            "-   [x] spaced ✅ 2026-11-25\n1.  [x] numbered ✅ 2026-11-25\n".as_bytes()
        );
        for (note, line) in [
            (&b"- [x] done\n"[..], 1),
            (b"text\n", 9),
            (b"text\n", 0),
            (b"- [ ]x\n", 1),
            (b"-[ ] x\n", 1),
        ] {
            assert_eq!(
                complete_task(note, line, d("2026-11-25")),
                Err(EditError::NotAnOpenTask(line)),
                "{note:?}"
            );
        }
    }

    #[test]
    fn yaml_scalars_are_quoted_when_needed() {
        assert_eq!(yaml_scalar("2026-12-15"), "2026-12-15");
        assert_eq!(yaml_scalar("Acme: the company"), "\"Acme: the company\"");
        assert_eq!(yaml_scalar("[[Initech]]"), "\"[[Initech]]\"");
        assert_eq!(yaml_scalar("yes"), "\"yes\"");
        assert_eq!(yaml_scalar("say \"hi\""), "say \"hi\"");
        assert_eq!(yaml_scalar("a\u{1}b"), "\"a\\u0001b\"");
        assert_eq!(yaml_scalar(""), "\"\"");
    }
}

#[cfg(test)]
mod proptests {
    //! Random notes — with or without front matter, byte-order mark, CRLF, odd spacing,
    //! logs as list items or headings, newest or oldest first, inside a log section or not,
    //! no final newline, bytes that are not UTF-8 — and the edits on them: exactly one line
    //! is added or changed, where expected, and reading the result shows the new fact.

    use proptest::prelude::*;

    use super::*;
    use crate::{ReadOptions, parse_note};

    /// Stands for a fenced code block holding a dated line, which is not a log line.
    const CODE: &[u8] = b"<code block>";

    #[derive(Debug, Clone)]
    struct Spec {
        bom: bool,
        eol: &'static str,
        final_newline: bool,
        front_matter: Option<Vec<&'static str>>,
        section: Option<&'static str>,
        lead: &'static str,
        linked: bool,
        dates: Vec<NaiveDate>,
        newest_first: bool,
        before: Vec<&'static [u8]>,
        after: Vec<&'static [u8]>,
    }

    impl Spec {
        fn render(&self) -> Vec<u8> {
            let mut lines: Vec<Vec<u8>> = Vec::new();
            if let Some(fm) = &self.front_matter {
                lines.push(b"---".to_vec());
                lines.extend(fm.iter().map(|l| l.as_bytes().to_vec()));
                lines.push(b"---".to_vec());
            }
            for line in &self.before {
                if *line == CODE {
                    lines.extend(
                        [&b"```"[..], b"- 2020-01-01 inside code", b"```"].map(<[u8]>::to_vec),
                    );
                } else {
                    lines.push(line.to_vec());
                }
            }
            if let Some(heading) = self.section {
                lines.push(heading.as_bytes().to_vec());
            }
            let mut dates = self.dates.clone();
            dates.sort();
            if self.newest_first {
                dates.reverse();
            }
            for (i, date) in dates.iter().enumerate() {
                let date = if self.linked {
                    format!("[[{date}]]")
                } else {
                    date.to_string()
                };
                lines.push(format!("{}{date} call: number {i}", self.lead).into_bytes());
                if self.lead.starts_with('#') {
                    lines.push(b"What we said.".to_vec());
                }
            }
            lines.extend(self.after.iter().map(|l| l.to_vec()));
            let mut bytes = if self.bom {
                b"\xEF\xBB\xBF".to_vec()
            } else {
                Vec::new()
            };
            bytes.extend(lines.join(self.eol.as_bytes()));
            if self.final_newline && !lines.is_empty() {
                bytes.extend_from_slice(self.eol.as_bytes());
            }
            bytes
        }

        /// The new line as it should be written.
        fn expected_line(&self, date: NaiveDate) -> String {
            if self.dates.is_empty() {
                return format!("- {date} coffee: proptest");
            }
            let date = if self.linked {
                format!("[[{date}]]")
            } else {
                date.to_string()
            };
            format!("{}{date} coffee: proptest", self.lead)
        }

        /// The line ending a new line gets: the note's, `\n` when it has none.
        fn eol_of(&self, bytes: &[u8]) -> &'static str {
            if bytes.contains(&b'\n') {
                self.eol
            } else {
                "\n"
            }
        }

        fn has_log(&self) -> bool {
            self.section.is_some() || !self.dates.is_empty()
        }
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        (0u64..900).prop_map(|n| {
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default() + chrono::Days::new(n)
        })
    }

    fn spec() -> impl Strategy<Value = Spec> {
        let front_matter = prop::option::of(prop::sample::subsequence(
            vec![
                "name: Pat",
                "cadence:   30",
                "# a comment",
                "tags: [a, \"b # c\"]",
                "aliases:\n  - P",
                "role: 'CTO'   ",
                "company: Acme # since 2020",
                "prm-snooze-until: 2020-01-01",
                "paused: false",
                "last contact:",
            ],
            0..6,
        ));
        let prose: &[&[u8]] = &[
            b"Some prose.",
            b"",
            b"  indented",
            b"# Pat",
            b"## Notes",
            b"- a plain item",
            b"- [ ] 2026-01-01 a task, not a log line",
            b"Caf\xE9 in Latin-1",
            CODE,
        ];
        (
            (
                any::<bool>(),
                prop_oneof![Just("\n"), Just("\r\n")],
                any::<bool>(),
            ),
            front_matter,
            prop::option::of(prop_oneof![
                Just("## Log"),
                Just("### Interactions:"),
                Just("## 📅 Contact log")
            ]),
            prop_oneof![
                Just("- "),
                Just("* "),
                Just("  - "),
                Just("1. "),
                Just("> - "),
                Just("### ")
            ],
            (
                any::<bool>(),
                prop::collection::vec(date(), 0..5),
                any::<bool>(),
            ),
            prop::collection::vec(prop::sample::select(prose.to_vec()), 0..4),
            prop::collection::vec(
                prop::sample::select(vec![&b"## Notes"[..], b"Closing words.", b""]),
                0..3,
            ),
        )
            .prop_map(
                |(
                    (bom, eol, final_newline),
                    front_matter,
                    section,
                    lead,
                    (linked, dates, newest_first),
                    before,
                    after,
                )| {
                    // A heading log inside a `##` section needs deeper headings.
                    let lead = if lead == "### " && section == Some("### Interactions:") {
                        "#### "
                    } else {
                        lead
                    };
                    Spec {
                        bom,
                        eol,
                        final_newline,
                        front_matter,
                        section,
                        lead,
                        linked,
                        dates,
                        newest_first,
                        before,
                        after,
                    }
                },
            )
    }

    /// Whether `after` is `before` with exactly `line` and one line ending `eol` inserted at
    /// a line boundary (the ending before the line when it is added to a last line that
    /// had none).
    fn one_line_inserted(before: &[u8], after: &[u8], line: &str, eol: &str) -> bool {
        let bom = if before.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let mut starts = vec![bom];
        starts.extend(
            before
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        starts.push(before.len());
        starts.iter().any(|&p| {
            let with = |first: &[u8], second: &[u8]| {
                [&before[..p], first, second, &before[p..]].concat() == after
            };
            with(line.as_bytes(), eol.as_bytes())
                || (p == before.len()
                    && !before.ends_with(b"\n")
                    && with(eol.as_bytes(), line.as_bytes()))
        })
    }

    fn person(bytes: &[u8]) -> Result<crate::Parsed, TestCaseError> {
        let parsed = parse_note("People/Pat.md", bytes, &ReadOptions::default());
        if parsed.note.person.is_none() {
            return Err(TestCaseError::fail("not read as a person"));
        }
        Ok(parsed)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]

        #[test]
        fn log_adds_one_line_in_order_and_reads_back(spec in spec(), new in date()) {
            let before = spec.render();
            let (after, placement) = add_log_line(&before, new, "coffee: proptest")
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let shown = || format!("before {:?}\nafter  {:?}", String::from_utf8_lossy(&before), String::from_utf8_lossy(&after));
            let old = person(&before)?.note.log;
            prop_assert_eq!(old.len(), spec.dates.len(), "the spec's log is read: {}", shown());
            if spec.has_log() {
                prop_assert_eq!(placement, LogPlacement::IntoLog);
                prop_assert!(one_line_inserted(&before, &after, &spec.expected_line(new), spec.eol_of(&before)), "{}", shown());
            } else {
                prop_assert_eq!(placement, LogPlacement::NewSection);
                prop_assert!(after.starts_with(&before), "{}", shown());
            }
            let log = person(&after)?.note.log;
            prop_assert_eq!(log.len(), old.len() + 1, "{}", shown());
            let added = log.iter().filter(|l| l.date == new && l.kind.as_deref() == Some("coffee") && l.summary == "proptest").count();
            prop_assert_eq!(added, 1, "{}", shown());
            // The log keeps its order: newest first unless it went oldest first (a log of
            // fewer than two distinct dates is newest first).
            let dates: Vec<NaiveDate> = log.iter().map(|l| l.date).collect();
            let mut sorted = dates.clone();
            sorted.sort();
            let distinct = spec.dates.iter().collect::<std::collections::BTreeSet<_>>().len();
            if spec.newest_first || distinct < 2 {
                sorted.reverse();
            }
            prop_assert_eq!(dates, sorted, "{}", shown());
        }

        #[test]
        fn snooze_changes_or_adds_one_line_and_resume_undoes_it(spec in spec(), until in date()) {
            let keys = ["snooze_until", "prm-snooze-until"];
            let before = spec.render();
            let after = set_property(&before, &keys, &until.to_string())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let parsed = person(&after)?;
            prop_assert_eq!(parsed.note.person.and_then(|p| p.snooze_until), Some(until));
            // Nothing else in the note changed meaning.
            let facts = |log: Vec<crate::LogLine>| {
                log.into_iter()
                    .map(|l| (l.date, l.kind, l.summary))
                    .collect::<Vec<_>>()
            };
            prop_assert_eq!(facts(parsed.note.log), facts(person(&before)?.note.log));
            match &spec.front_matter {
                Some(fm) if fm.iter().any(|l| l.starts_with("prm-snooze-until")) => {
                    let old: &[u8] = b"prm-snooze-until: 2020-01-01";
                    let new = format!("prm-snooze-until: {until}");
                    let at = before.windows(old.len()).position(|w| w == old).unwrap_or_default();
                    let expected = [&before[..at], new.as_bytes(), &before[at + old.len()..]].concat();
                    prop_assert_eq!(&after, &expected);
                }
                Some(_) => {
                    let line = format!("snooze_until: {until}");
                    prop_assert!(one_line_inserted(&before, &after, &line, spec.eol_of(&before)));
                    prop_assert_eq!(remove_property(&after, &keys).map_err(|e| TestCaseError::fail(e.to_string()))?, before);
                }
                None => {
                    let bom = if spec.bom { 3 } else { 0 };
                    let header = format!("---{0}snooze_until: {until}{0}---{0}", spec.eol_of(&before));
                    let expected = [&before[..bom], header.as_bytes(), &before[bom..]].concat();
                    prop_assert_eq!(&after, &expected);
                }
            }
        }

        #[test]
        fn pause_reads_back_as_paused_and_resume_undoes_it(spec in spec()) {
            let before = spec.render();
            let after = set_property(&before, &["paused", "prm-paused"], "true")
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(person(&after)?.note.person.is_some_and(|p| p.paused));
            let had_paused = spec.front_matter.as_ref().is_some_and(|fm| fm.contains(&"paused: false"));
            if had_paused {
                prop_assert_eq!(after.len(), before.len() - 1, "false -> true in place");
            }
            // Resuming ends it; when the note had no `paused`, byte for byte as it was (but
            // for an empty front matter, which goes as if `vault pause` had added it).
            let resumed = clear_property(&after, &["paused", "prm-paused"], "false")
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(person(&resumed)?.note.person.is_some_and(|p| !p.paused));
            if !had_paused && spec.front_matter != Some(Vec::new()) {
                prop_assert_eq!(resumed, before);
            }
        }

        #[test]
        fn yaml_scalars_read_back_as_written(text in "[ -~é📅]{1,30}") {
            let note = format!("---\nrole: {}\n---\n", yaml_scalar(&text));
            let parsed = person(note.as_bytes())?;
            prop_assert!(parsed.diagnostics.is_empty(), "{note}: {:?}", parsed.diagnostics);
            prop_assert_eq!(parsed.note.person.and_then(|p| p.role), Some(text.trim().to_owned()).filter(|t| !t.is_empty()), "{}", note);
        }

        #[test]
        fn edits_never_panic_and_keep_the_original_bytes(
            bytes in prop::collection::vec(prop_oneof![any::<u8>(), Just(b'\n'), Just(b'-'), Just(b'#'), Just(b' ')], 0..400),
            line in 0u32..40,
            new in date(),
        ) {
            if let Ok((after, _)) = add_log_line(&bytes, new, "x") {
                let prefix = bytes.iter().zip(&after).take_while(|(a, b)| a == b).count();
                let suffix = bytes.iter().rev().zip(after.iter().rev()).take_while(|(a, b)| a == b).count();
                prop_assert!(prefix + suffix >= bytes.len());
            }
            let _ = set_property(&bytes, &["paused"], "true");
            let _ = remove_property(&bytes, &["paused"]);
            let _ = complete_task(&bytes, line, new);
        }
    }
}
