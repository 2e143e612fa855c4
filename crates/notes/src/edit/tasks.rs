//! Checking off a task ([`complete_task`]).

use chrono::NaiveDate;

use crate::line::{Body, Kind};

use super::EditError;
use super::document::Doc;

/// Checks off the open task on 1-based `line_no`: `- [ ]` (or `- [/]`) becomes `- [x]`
/// and the Tasks plugin's completion date `✅ YYYY-MM-DD` is added at the end of the line.
///
/// A Logseq task (`- TODO …`, `- NOW …`) becomes `- DONE …`, as Logseq marks it.
///
/// The line must be one the reader reads as an open task: in the body, outside code.
pub fn complete_task(bytes: &[u8], line_no: u32, date: NaiveDate) -> Result<Vec<u8>, EditError> {
    let doc = Doc::new(bytes);
    doc.refuse_conflicts()?;
    let not_open = || EditError::NotAnOpenTask(line_no);
    let body_first = doc.body_first();
    let index = usize::try_from(line_no)
        .ok()
        .and_then(|n| n.checked_sub(1))
        .filter(|&i| i >= body_first)
        .ok_or_else(not_open)?;
    let body = Body::new(doc.text_from(body_first));
    let line = body
        .lines()
        .nth(index - body_first)
        .filter(|line| !line.in_code)
        .ok_or_else(not_open)?;
    let kind = line.shape().kind;
    let (Kind::Task { box_at, .. }, true) = (kind, kind.is_open_task()) else {
        return Err(not_open());
    };
    let span = doc.line(index).ok_or_else(not_open)?;
    // What comes before the box is ASCII or whitespace, so its place in the decoded line is
    // its place in the original bytes.
    let box_start = span.start + box_at;
    // A Logseq task (`- TODO …`) is done as Logseq marks it: `- DONE …`.
    if let Some(len) =
        crate::line::open_logseq_marker(bytes.get(box_start..span.end).unwrap_or(&[]))
    {
        let mut out = Vec::with_capacity(bytes.len());
        out.extend_from_slice(&bytes[..box_start]);
        out.extend_from_slice(b"DONE");
        out.extend_from_slice(&bytes[box_start + len..]);
        return Ok(out);
    }
    if !matches!(bytes.get(box_start..box_start + 3), Some(b"[ ]" | b"[/]")) {
        return Err(not_open());
    }
    let mut out = Vec::with_capacity(bytes.len() + 16);
    out.extend_from_slice(&bytes[..box_start + 1]);
    out.push(b'x');
    out.extend_from_slice(&bytes[box_start + 2..span.end]);
    let trimmed_end = out.len()
        - out
            .iter()
            .rev()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
    out.truncate(trimmed_end);
    out.extend_from_slice(format!(" ✅ {date}").as_bytes());
    out.extend_from_slice(&bytes[span.end..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn a_logseq_task_is_marked_done() {
        let out = complete_task(
            b"a\n\t- TODO call [[Sam]]\r\n  SCHEDULED: <2026-11-30 Mon>\n",
            2,
            d("2026-11-25"),
        )
        .expect("edit");
        assert_eq!(
            out,
            b"a\n\t- DONE call [[Sam]]\r\n  SCHEDULED: <2026-11-30 Mon>\n"
        );
        let out = complete_task(b"- NOW x", 1, d("2026-11-25")).expect("edit");
        assert_eq!(out, b"- DONE x");
        assert_eq!(
            complete_task(b"- DONE x\n", 1, d("2026-11-25")),
            Err(EditError::NotAnOpenTask(1))
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
    fn only_the_tasks_the_reader_reads_are_checked_off() {
        for (note, line) in [
            // In code, in the front matter, with a tab after the box: not tasks to the reader.
            (&b"```\n- [ ] in code\n```\n"[..], 2),
            (b"---\ntodo:\n- [ ] in yaml\n---\n", 3),
            (b"- [ ]\tx\n", 1),
        ] {
            assert_eq!(
                complete_task(note, line, d("2026-11-25")),
                Err(EditError::NotAnOpenTask(line)),
                "{note:?}"
            );
        }
        let out = complete_task(b"\xFF\n> - [ ] caf\xE9\n", 2, d("2026-11-25")).expect("edit");
        assert_eq!(out, b"\xFF\n> - [x] caf\xE9 \xE2\x9C\x85 2026-11-25\n");
    }
}
