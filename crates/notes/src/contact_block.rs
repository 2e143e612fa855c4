//! The Contacts plugin's properties in a note's body: a table between two lines
//! `/---contact---/`, one row per property, as the plugin writes it:
//!
//! ```text
//! /---contact---/
//! | key       | value      |
//! | --------- | ---------- |
//! | Name      | Ada        |
//! | Last Name | Lovelace   |
//! | Birthday  | 1815-12-10 |
//! | Last chat | 2026-10-02 |
//! /---contact---/
//! ```
//!
//! The rows are read as the properties the plugin's front-matter format writes for them
//! (`Name` and `Last Name` as `name: {first, last}`, `Last chat` as `last_chat`; any other
//! row under its label), each with the line and column of its value, so a bad value is
//! reported at its row. A block inside a code block is an example, not data.

use crate::diagnostic::{Diagnostic, Severity};
use crate::line::Body;
use crate::properties::{Entry, Properties};
use crate::source::{Needle, to_u32};
use crate::value::Value;

/// The line that opens and closes the block.
const MARKER: &str = "/---contact---/";

static FINDER: Needle = Needle::new(|| memchr::memmem::Finder::new(MARKER.as_bytes()));

/// Row labels read under another key: the key the plugin's front-matter format uses.
const LABELS: &[(&str, &str)] = &[("Last chat", "last_chat")];

/// The labels of the name's parts, and the field of `name: {first, last}` each fills.
const NAME_ROWS: &[(&str, &str)] = &[("Name", "first"), ("Last Name", "last")];

/// Reads the first contact block of `body` (a note's body, whose first line is line
/// `first_line` of the file). A body without one gives no properties, after one search for
/// the marker; a block that never closes is reported and not read, as the plugin does.
pub(crate) fn read(
    body: &str,
    first_line: u32,
    path: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Properties {
    if !FINDER.is_in(body.as_bytes()) {
        return Properties::default();
    }
    let body = Body::new(body);
    let mut lines = body.lines().enumerate().filter(|(_, line)| !line.in_code);
    let Some((open, _)) = lines.find(|(_, line)| line.text.trim() == MARKER) else {
        return Properties::default();
    };
    let mut rows = Rows::default();
    for (index, line) in lines {
        if line.text.trim() == MARKER {
            return rows.into_properties();
        }
        rows.add(line.text, first_line.saturating_add(to_u32(index)));
    }
    diagnostics.push(Diagnostic::new(
        path,
        first_line.saturating_add(to_u32(open)),
        1,
        Severity::Warning,
        "unterminated-contact-block",
        format!(
            "a contact block starts here with `{MARKER}` but never ends, so its rows are not read; \
             add a line `{MARKER}` after its last row"
        ),
    ));
    Properties::default()
}

/// The rows of a block, as entries.
#[derive(Default)]
struct Rows {
    entries: Vec<Entry>,
    /// Rows read so far, to tell the table's header (the row before the first separator).
    seen: usize,
    /// The parts of the name, and the line and column of the first.
    name: Vec<(String, Value)>,
    name_at: Option<(u32, u32)>,
}

impl Rows {
    /// Reads one line of the block: `| label | value |`. Other lines, separator rows and
    /// rows with an empty label or value are skipped, as the plugin skips them.
    fn add(&mut self, text: &str, line: u32) {
        let Some((label, value, value_at)) = cells(text) else {
            return;
        };
        self.seen += 1;
        if is_separator(label) && is_separator(value) {
            if self.seen == 2 {
                // `| key | value |` above the first separator is the header.
                self.entries.clear();
                self.name.clear();
                self.name_at = None;
            }
            return;
        }
        if label.is_empty() || value.is_empty() {
            return;
        }
        let column = to_u32(text[..value_at].chars().count() + 1);
        if let Some((_, field)) = NAME_ROWS
            .iter()
            .find(|(l, _)| l.eq_ignore_ascii_case(label))
        {
            self.name
                .push(((*field).to_owned(), Value::String(value.to_owned())));
            self.name_at.get_or_insert((line, column));
            return;
        }
        let key = LABELS
            .iter()
            .find(|(l, _)| l.eq_ignore_ascii_case(label))
            .map_or(label, |(_, key)| key);
        self.entries.push(Entry {
            key: key.to_owned(),
            value: Value::String(value.to_owned()),
            line,
            column,
        });
    }

    fn into_properties(mut self) -> Properties {
        if let Some((line, column)) = self.name_at {
            self.entries.push(Entry {
                key: "name".to_owned(),
                value: Value::Map(self.name),
                line,
                column,
            });
        }
        Properties::new(self.entries)
    }
}

/// The label, the value and the byte offset of the value in a row `| label | value |`: the
/// label ends at the first `|`, the value at the last (so a value may hold
/// `[[Bob|Bobby]]`).
fn cells(text: &str) -> Option<(&str, &str, usize)> {
    let lead = text.len() - text.trim_start().len();
    let row = text.trim().strip_prefix('|')?.strip_suffix('|')?;
    let (label, rest) = row.split_once('|')?;
    let value = rest.trim();
    // Offset of the value in `text`: past the lead, the opening `|`, the label, its `|`, and
    // the blanks before the value.
    let value_at = lead + 1 + label.len() + 1 + (rest.len() - rest.trim_start().len());
    Some((label.trim(), value, value_at))
}

/// Whether a cell is a table separator: `---`, `:---:`.
fn is_separator(cell: &str) -> bool {
    !cell.is_empty() && cell.bytes().all(|b| matches!(b, b'-' | b':' | b' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_block(body: &str) -> (Properties, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let props = read(body, 5, "People/Ada.md", &mut diagnostics);
        (props, diagnostics)
    }

    fn at(props: &Properties, key: &str) -> Option<(String, u32, u32)> {
        props.get(key).map(|e| {
            let value = match &e.value {
                Value::Map(fields) => fields
                    .iter()
                    .map(|(k, v)| format!("{k}={}", v.as_scalar().unwrap_or("")))
                    .collect::<Vec<_>>()
                    .join(","),
                other => other.as_scalar().unwrap_or("").to_owned(),
            };
            (value, e.line, e.column)
        })
    }

    const PLUGIN: &str = "\
/---contact---/
| key       | value                    |
| --------- | ------------------------ |
| Name      | carl                     |
| Last Name | johnson                  |
| Phone     | +1 555 555 5555          |
| Telegram  |                          |
| Birthday  | 1966-12-06               |
| Last chat | [[2022-12-06]]           |
| Friends   | [[Bob|Bobby]] [[Sue]]    |
/---contact---/
";

    #[test]
    fn reads_the_plugin_template_with_positions() {
        let (props, diagnostics) = read_block(PLUGIN);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        // Lines count from the body's first line (5); columns are where the value starts.
        assert_eq!(
            at(&props, "name"),
            Some(("first=carl,last=johnson".into(), 8, 15))
        );
        assert_eq!(
            at(&props, "phone"),
            Some(("+1 555 555 5555".into(), 10, 15))
        );
        assert_eq!(at(&props, "birthday"), Some(("1966-12-06".into(), 12, 15)));
        assert_eq!(
            at(&props, "last_chat"),
            Some(("[[2022-12-06]]".into(), 13, 15))
        );
        assert_eq!(
            at(&props, "Friends").map(|(v, _, _)| v).as_deref(),
            Some("[[Bob|Bobby]] [[Sue]]")
        );
        // The header and the empty row are not properties.
        assert_eq!(props.get("key"), None);
        assert_eq!(props.get("Telegram"), None);
    }

    #[test]
    fn crlf_and_indented_rows() {
        let body = "Intro\r\n\r\n/---contact---/\r\n  | Name | Ada |\r\n| Birthday | 1815-12-10 |  \r\n/---contact---/\r\n";
        let (props, diagnostics) = read_block(body);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(at(&props, "name"), Some(("first=Ada".into(), 8, 12)));
        assert_eq!(at(&props, "birthday"), Some(("1815-12-10".into(), 9, 14)));
    }

    #[test]
    fn an_unclosed_block_is_reported_and_not_read() {
        let (props, diagnostics) = read_block("text\n/---contact---/\n| Name | Ada |\n");
        assert!(props.is_empty());
        let found: Vec<_> = diagnostics
            .iter()
            .map(|d| (d.code, d.line, d.column))
            .collect();
        assert_eq!(found, [("unterminated-contact-block", 6, 1)]);
    }

    #[test]
    fn malformed_rows_are_skipped() {
        let body = "/---contact---/\nName: Ada\n| Name |\n|  | orphan |\n| Role | Engineer |\n|Phone|123|\n/---contact---/\n";
        let (props, diagnostics) = read_block(body);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let keys: Vec<_> = props.entries().iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["Role", "Phone"]);
        assert_eq!(at(&props, "Phone"), Some(("123".into(), 10, 8)));
    }

    #[test]
    fn a_block_in_code_is_not_read() {
        let fenced = "```\n/---contact---/\n| Name | Ada |\n/---contact---/\n```\n";
        let (props, diagnostics) = read_block(fenced);
        assert!(props.is_empty());
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let indented = "Example:\n\n    /---contact---/\n    | Name | Ada |\n    /---contact---/\n";
        assert!(read_block(indented).0.is_empty());
        // Only the lines inside code: a block after a fenced example is read.
        let after = format!("{fenced}\n/---contact---/\n| Name | Bo |\n/---contact---/\n");
        assert_eq!(
            at(&read_block(&after).0, "name")
                .map(|(v, _, _)| v)
                .as_deref(),
            Some("first=Bo")
        );
    }

    #[test]
    fn no_marker_no_properties() {
        let (props, diagnostics) = read_block("| Name | Ada |\n");
        assert!(props.is_empty() && diagnostics.is_empty());
        // The marker inside a line is not a block.
        assert!(
            read_block("see /---contact---/ below\n| Name | Ada |\n")
                .0
                .is_empty()
        );
    }

    #[test]
    fn hostile_rows_do_not_panic() {
        for body in [
            "/---contact---/\n|\n||\n|||\n| é | ü |\n|\u{FEFF}|x|\n/---contact---/",
            "/---contact---/\n/---contact---/",
            "/---contact---/",
        ] {
            let _ = read_block(body);
        }
    }
}
