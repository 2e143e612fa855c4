//! Lossless text edits: each function takes a note's original bytes and returns them with
//! one line inserted, changed or removed. Every other byte stays as it was: byte-order
//! mark, line endings (a new line uses the note's own), a missing final newline, the
//! order, quoting and comments of the front matter, and bytes that are not UTF-8.

use chrono::NaiveDate;

use crate::body::{LogLine, log_line_of};

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
}

/// Where the log line was put.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogPlacement {
    /// Into an existing run of dated lines or log section.
    IntoLog,
    /// A `## Log` section was added at the end.
    NewSection,
}

/// Headings that name a log section (compared case-insensitively, trailing `:` ignored).
pub const LOG_HEADINGS: &[&str] = &[
    "log",
    "interactions",
    "contact log",
    "history",
    "timeline",
    "meetings",
];

/// One line of the original bytes: `start..end` is the content, `next` where the following
/// line starts (after `\n`).
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

fn lines(bytes: &[u8], from: usize) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = from;
    while start < bytes.len() {
        let (end, next) = match memchr::memchr(b'\n', &bytes[start..]) {
            Some(i) => (start + i, start + i + 1),
            None => (bytes.len(), bytes.len()),
        };
        let end = if end > start && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        out.push(Line { start, end, next });
        start = next;
    }
    out
}

/// The note's line ending: the first one it uses, `\n` when it has none.
fn line_ending(bytes: &[u8]) -> &'static [u8] {
    match memchr::memchr(b'\n', bytes) {
        Some(i) if i > 0 && bytes[i - 1] == b'\r' => b"\r\n",
        _ => b"\n",
    }
}

fn bom_len(bytes: &[u8]) -> usize {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    }
}

fn text(bytes: &[u8], line: Line) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(&bytes[line.start..line.end])
}

/// The front matter's lines: (index of the opening line, index of the closing line).
fn front_matter(bytes: &[u8], all: &[Line]) -> Result<Option<(usize, usize)>, EditError> {
    let is = |line: &Line, marks: &[&str]| {
        let t = text(bytes, *line);
        let t = t.trim_end_matches([' ', '\t']);
        marks.contains(&t)
    };
    match all.first() {
        Some(first) if is(first, &["---"]) => {}
        _ => return Ok(None),
    }
    match all.iter().skip(1).position(|l| is(l, &["---", "..."])) {
        Some(i) => Ok(Some((0, i + 1))),
        None => Err(EditError::UnterminatedFrontMatter),
    }
}

/// Inserts `insert` (one line, without its ending) so it starts at byte `at`, which is the
/// start of a line, or the end of the text (then the line ending goes before it when the
/// text lacks a final newline, keeping the file without one).
fn insert_line(bytes: &[u8], at: usize, insert: &str) -> Vec<u8> {
    let eol = line_ending(bytes);
    let mut out = Vec::with_capacity(bytes.len() + insert.len() + 2);
    out.extend_from_slice(&bytes[..at]);
    if at == bytes.len() && !bytes.is_empty() && !bytes.ends_with(b"\n") {
        out.extend_from_slice(eol);
        out.extend_from_slice(insert.as_bytes());
    } else {
        out.extend_from_slice(insert.as_bytes());
        out.extend_from_slice(eol);
    }
    out.extend_from_slice(&bytes[at..]);
    out
}

/// Quotes a YAML scalar when it would otherwise not read back as the same text.
pub fn yaml_scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && !value.starts_with(|c: char| "[]{}#&*!|>'\"%@`,?:-~ ".contains(c))
        && !value.ends_with([' ', ':'])
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.contains(['\n', '\r', '\t'])
        && !matches!(
            value.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~"
        );
    if plain {
        value.to_owned()
    } else {
        let escaped = value
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
            .replace('\r', "\\r")
            .replace('\t', "\\t");
        format!("\"{escaped}\"")
    }
}

/// The top-level key of a front-matter line, if it has one.
fn key_of(line: &str) -> Option<&str> {
    if line.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let colon = line.find(':')?;
    Some(line[..colon].trim().trim_matches(['"', '\'']))
}

/// The lines of a property: its key line and the indented or list lines under it.
fn property_span(
    bytes: &[u8],
    all: &[Line],
    close: usize,
    keys: &[&str],
) -> Option<(usize, usize)> {
    let first = (1..close).find(|&i| {
        key_of(&text(bytes, all[i]))
            .is_some_and(|k| keys.iter().any(|key| key.eq_ignore_ascii_case(k)))
    })?;
    let mut last = first;
    while last + 1 < close {
        let next = text(bytes, all[last + 1]);
        if next.starts_with([' ', '\t', '-'])
            || next.trim().is_empty()
                && last + 2 < close
                && text(bytes, all[last + 2]).starts_with([' ', '\t', '-'])
        {
            last += 1;
        } else {
            break;
        }
    }
    Some((first, last))
}

/// Sets a property to `value`, which is YAML as it should be written (pass text through
/// [`yaml_scalar`]; `true` is a boolean), touching one line.
///
/// `keys` are every key the property may be written under (canonical first, then aliases);
/// an existing one is changed in place, keeping the user's spelling of the key and a
/// trailing `# comment`. A missing property is added as `keys[0]: value` before the closing
/// `---`; a note without front matter gets one.
pub fn set_property(bytes: &[u8], keys: &[&str], value: &str) -> Result<Vec<u8>, EditError> {
    let canonical = keys.first().copied().unwrap_or("property");
    let bom = bom_len(bytes);
    let all = lines(bytes, bom);
    let eol = line_ending(bytes);
    let Some((_, close)) = front_matter(bytes, &all)? else {
        let mut out = Vec::with_capacity(bytes.len() + 32);
        out.extend_from_slice(&bytes[..bom]);
        for line in ["---", &format!("{canonical}: {value}"), "---"] {
            out.extend_from_slice(line.as_bytes());
            out.extend_from_slice(eol);
        }
        out.extend_from_slice(&bytes[bom..]);
        return Ok(out);
    };
    match property_span(bytes, &all, close, keys) {
        Some((first, last)) => {
            let line = all[first];
            let old = text(bytes, line);
            let colon = old.find(':').unwrap_or(old.len());
            let comment = old[colon..]
                .find(" #")
                .map(|i| old[colon + i..].to_owned())
                .filter(|_| last == first);
            let mut new_line = format!("{}: {value}", &old[..colon]);
            if let Some(comment) = comment {
                new_line.push_str(&comment);
            }
            let mut out = Vec::with_capacity(bytes.len() + new_line.len());
            out.extend_from_slice(&bytes[..line.start]);
            out.extend_from_slice(new_line.as_bytes());
            out.extend_from_slice(&bytes[all[last].end..]);
            Ok(out)
        }
        None => Ok(insert_line(
            bytes,
            all[close].start,
            &format!("{canonical}: {value}"),
        )),
    }
}

/// Removes a property (its line, and the lines of a block value under it). A note without
/// it is returned unchanged.
pub fn remove_property(bytes: &[u8], keys: &[&str]) -> Result<Vec<u8>, EditError> {
    let all = lines(bytes, bom_len(bytes));
    let Some((_, close)) = front_matter(bytes, &all)? else {
        return Ok(bytes.to_vec());
    };
    let Some((first, last)) = property_span(bytes, &all, close, keys) else {
        return Ok(bytes.to_vec());
    };
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..all[first].start]);
    out.extend_from_slice(&bytes[all[last].next..]);
    Ok(out)
}

/// Checks off the open task on 1-based `line_no`: `- [ ]` becomes `- [x]` and the Tasks
/// plugin's completion date `✅ YYYY-MM-DD` is added at the end of the line.
pub fn complete_task(bytes: &[u8], line_no: u32, date: NaiveDate) -> Result<Vec<u8>, EditError> {
    let all = lines(bytes, 0);
    let index = usize::try_from(line_no).ok().and_then(|n| n.checked_sub(1));
    let Some(line) = index.and_then(|i| all.get(i)).copied() else {
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
    let box_at = indent + marker + 1;
    let is_open = marker > 0
        && content.get(indent + marker) == Some(&b' ')
        && content
            .get(box_at..box_at + 3)
            .is_some_and(|b| b == b"[ ]" || b == b"[/]");
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

/// A dated list item of a log, as found in the original bytes.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Index of its first line.
    first: usize,
    date: NaiveDate,
}

/// Adds a log line dated `date` whose text (after the date) is `rest`, e.g. `coffee: the
/// new role #gave`. It goes into the note's log — a heading named like a log (see
/// [`LOG_HEADINGS`]), else the longest run of dated list items — at its place by date, in
/// the order the log already uses (newest first unless the existing lines go oldest
/// first), with the same list marker and indentation. A note without a log gets a `## Log`
/// section at the end.
pub fn add_log_line(
    bytes: &[u8],
    date: NaiveDate,
    rest: &str,
) -> Result<(Vec<u8>, LogPlacement), EditError> {
    let all = lines(bytes, bom_len(bytes));
    let body_from = match front_matter(bytes, &all) {
        Ok(Some((_, close))) => close + 1,
        Ok(None) | Err(EditError::UnterminatedFrontMatter) => 0,
        Err(other) => return Err(other),
    };
    let body: Vec<(usize, String)> = (body_from..all.len())
        .map(|i| (i, text(bytes, all[i]).into_owned()))
        .collect();
    let in_code = code_lines(&body);

    let section = log_section(&body, &in_code);
    let entries: Vec<Entry> = match &section {
        Some((from, to)) => dated_items(&body[*from..*to], &in_code[*from..*to]),
        None => longest_run(&body, &in_code),
    };
    let Some(template) = entries.first().map(|e| e.first) else {
        return Ok(match section {
            // A log heading with no dated items yet: the line goes right after the heading's
            // content, before the next heading.
            Some((from, to)) => {
                let after = (from..to)
                    .rev()
                    .find(|&i| !body[i].1.trim().is_empty())
                    .unwrap_or(from.saturating_sub(1));
                let at = body
                    .get(after + 1)
                    .map_or(bytes.len(), |(i, _)| all[*i].start);
                (
                    insert_line(bytes, at, &format!("- {date} {rest}")),
                    LogPlacement::IntoLog,
                )
            }
            None => (new_section(bytes, date, rest), LogPlacement::NewSection),
        });
    };
    let template_text = &text(bytes, all[template]).into_owned();
    let indent_len = template_text.len() - template_text.trim_start_matches([' ', '\t']).len();
    let marker = template_text[indent_len..].chars().next().unwrap_or('-');
    let new_line = format!("{}{marker} {date} {rest}", &template_text[..indent_len]);

    let newest_first = match (entries.first(), entries.last()) {
        (Some(a), Some(b)) => a.date >= b.date,
        _ => true,
    };
    // Each entry ends where the next begins; the last ends after its continuation lines.
    let item_end = |k: usize| -> usize {
        match entries.get(k + 1) {
            Some(next) => next.first,
            None => {
                let mut end = entries[k].first + 1;
                while end < all.len() {
                    let t = text(bytes, all[end]);
                    if t.starts_with([' ', '\t'])
                        && !t.trim().is_empty()
                        && t.len() - t.trim_start().len() > indent_len
                    {
                        end += 1;
                    } else {
                        break;
                    }
                }
                end
            }
        }
    };
    let insert_before_line = if newest_first {
        entries
            .iter()
            .find(|e| e.date <= date)
            .map_or_else(|| item_end(entries.len() - 1), |e| e.first)
    } else {
        match entries.iter().rposition(|e| e.date <= date) {
            Some(k) => item_end(k),
            None => entries[0].first,
        }
    };
    let at = all.get(insert_before_line).map_or(bytes.len(), |l| l.start);
    Ok((insert_line(bytes, at, &new_line), LogPlacement::IntoLog))
}

fn new_section(bytes: &[u8], date: NaiveDate, rest: &str) -> Vec<u8> {
    let eol = line_ending(bytes);
    let mut out = bytes.to_vec();
    let had_final_newline = bytes.is_empty() || bytes.ends_with(b"\n");
    if !had_final_newline {
        out.extend_from_slice(eol);
    }
    let ends_blank =
        bytes.len() <= bom_len(bytes) || bytes.ends_with(b"\n\n") || bytes.ends_with(b"\n\r\n");
    if !ends_blank {
        out.extend_from_slice(eol);
    }
    out.extend_from_slice(b"## Log");
    out.extend_from_slice(eol);
    out.extend_from_slice(format!("- {date} {rest}").as_bytes());
    if had_final_newline {
        out.extend_from_slice(eol);
    }
    out
}

/// Which body lines are inside fenced code blocks.
fn code_lines(body: &[(usize, String)]) -> Vec<bool> {
    let mut fence: Option<&str> = None;
    body.iter()
        .map(|(_, line)| {
            let t = line.trim_start();
            let opens = if t.starts_with("```") {
                Some("```")
            } else if t.starts_with("~~~") {
                Some("~~~")
            } else {
                None
            };
            match (fence, opens) {
                (None, Some(f)) => {
                    fence = Some(f);
                    true
                }
                (Some(f), Some(g)) if f == g => {
                    fence = None;
                    true
                }
                (Some(_), _) => true,
                (None, None) => false,
            }
        })
        .collect()
}

/// The body lines of the log section: from after the heading to the next heading of the
/// same or a higher level.
fn log_section(body: &[(usize, String)], in_code: &[bool]) -> Option<(usize, usize)> {
    let level = |line: &str| -> Option<usize> {
        let t = line.trim_start();
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        (hashes > 0 && hashes <= 6 && t[hashes..].starts_with([' ', '\t'])).then_some(hashes)
    };
    let (start, start_level) = body.iter().enumerate().find_map(|(k, (_, line))| {
        let lvl = level(line).filter(|_| !in_code[k])?;
        let title = line.trim_start()[lvl..]
            .trim()
            .trim_end_matches(':')
            .to_lowercase();
        LOG_HEADINGS.contains(&title.as_str()).then_some((k, lvl))
    })?;
    let end = (start + 1..body.len())
        .find(|&k| !in_code[k] && level(&body[k].1).is_some_and(|l| l <= start_level))
        .unwrap_or(body.len());
    Some((start + 1, end))
}

/// Dated list items (not headings) among `lines`.
fn dated_items(lines: &[(usize, String)], in_code: &[bool]) -> Vec<Entry> {
    lines
        .iter()
        .zip(in_code)
        .filter(|(_, code)| !**code)
        .filter_map(|((i, line), _)| {
            let trimmed = line.trim_start();
            if !trimmed.starts_with(['-', '*', '+']) {
                return None;
            }
            log_line_of(line).map(|LogLine { date, .. }| Entry { first: *i, date })
        })
        .collect()
}

/// The longest run of dated list items with nothing but their own continuation lines or
/// blank lines between them.
fn longest_run(body: &[(usize, String)], in_code: &[bool]) -> Vec<Entry> {
    let mut best: Vec<Entry> = Vec::new();
    let mut current: Vec<Entry> = Vec::new();
    for (k, (i, line)) in body.iter().enumerate() {
        if in_code[k] {
            if current.len() > best.len() {
                best = std::mem::take(&mut current);
            }
            current.clear();
            continue;
        }
        if let Some(entry) = dated_items(std::slice::from_ref(&(*i, line.clone())), &[false]).pop()
        {
            current.push(entry);
        } else if !(line.trim().is_empty() || line.starts_with([' ', '\t']))
            || line.trim_start().starts_with("- [")
        {
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
    fn set_property_in_place_keeps_spelling_quotes_and_comments() {
        let note = b"---\nname: \"A\"\nprm-snooze-until: 2026-01-01 # old\ntags: [x]\n---\nbody";
        let out =
            set_property(note, &["snooze_until", "prm-snooze-until"], "2026-12-15").expect("edit");
        assert_eq!(
            out,
            b"---\nname: \"A\"\nprm-snooze-until: 2026-12-15 # old\ntags: [x]\n---\nbody"
        );
    }

    #[test]
    fn set_property_inserts_or_creates_front_matter() {
        let out =
            set_property(b"---\r\nname: A\r\n---\r\nbody\r\n", &["paused"], "true").expect("edit");
        assert_eq!(out, b"---\r\nname: A\r\npaused: true\r\n---\r\nbody\r\n");
        let out = set_property(b"\xEF\xBB\xBFbody", &["snooze_until"], "2026-12-15").expect("edit");
        assert_eq!(out, b"\xEF\xBB\xBF---\nsnooze_until: 2026-12-15\n---\nbody");
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
        assert_eq!(
            complete_task(b"- [x] done\n", 1, d("2026-11-25")),
            Err(EditError::NotAnOpenTask(1))
        );
        assert_eq!(
            complete_task(b"text\n", 9, d("2026-11-25")),
            Err(EditError::NotAnOpenTask(9))
        );
    }

    #[test]
    fn yaml_scalars_are_quoted_when_needed() {
        assert_eq!(yaml_scalar("2026-12-15"), "2026-12-15");
        assert_eq!(yaml_scalar("Acme: the company"), "\"Acme: the company\"");
        assert_eq!(yaml_scalar("[[Initech]]"), "\"[[Initech]]\"");
        assert_eq!(yaml_scalar("yes"), "\"yes\"");
        assert_eq!(yaml_scalar("say \"hi\""), "say \"hi\"");
    }
}
