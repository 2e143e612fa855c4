//! A note being edited: its original bytes, their lines, and the text the reader decodes
//! from them (for finding places only: the output is always built from the original
//! bytes).

use crate::frontmatter::{Split, split};
use crate::line::{self, Span};
use crate::source::{Source, bom_len, conflict_openings, to_u32};

use super::EditError;

/// A note's bytes with their lines, read as the reader reads them.
pub(super) struct Doc<'a> {
    pub(super) bytes: &'a [u8],
    /// The lines after the byte-order mark, as spans of `bytes`.
    lines: Vec<Span>,
    /// The decoded text without the byte-order mark; invalid UTF-8 reads as U+FFFD, which
    /// never adds or removes a line.
    text: String,
    /// Each line's span in `text`.
    spans: Vec<Span>,
}

/// Where a note's front matter is.
pub(super) enum FrontMatter {
    Absent,
    /// Index of the closing `---` line, and the YAML between the `---` lines as a range of
    /// the text.
    Closed {
        close: usize,
        yaml: std::ops::Range<usize>,
    },
    Unterminated,
}

impl<'a> Doc<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Doc<'a> {
        let source = Source::decode(bytes);
        let bom = if source.had_bom { bom_len(bytes) } else { 0 };
        let lines = line::spans(&bytes[bom..])
            .map(|s| Span {
                start: s.start + bom,
                end: s.end + bom,
                next: s.next + bom,
            })
            .collect::<Vec<_>>();
        let text = source.text;
        let spans: Vec<Span> = line::spans(text.as_bytes()).collect();
        debug_assert_eq!(spans.len(), lines.len());
        Doc {
            bytes,
            lines,
            text,
            spans,
        }
    }

    /// The text of line `i`, as the reader decodes it.
    pub(super) fn text(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .and_then(|s| self.text.get(s.start..s.end))
            .unwrap_or("")
    }

    /// The decoded text from the start of line `i` (the end past the last line).
    pub(super) fn text_from(&self, i: usize) -> &str {
        let start = self.spans.get(i).map_or(self.text.len(), |s| s.start);
        self.text.get(start..).unwrap_or("")
    }

    /// The text in `range`, a range of the decoded text.
    pub(super) fn text_in(&self, range: std::ops::Range<usize>) -> &str {
        self.text.get(range).unwrap_or("")
    }

    /// The span of line `i` in the original bytes.
    pub(super) fn line(&self, i: usize) -> Option<Span> {
        self.lines.get(i).copied()
    }

    /// The byte where line `i` starts; the end of the file past the last line.
    pub(super) fn start(&self, i: usize) -> usize {
        self.lines.get(i).map_or(self.bytes.len(), |l| l.start)
    }

    /// The bytes of line `i`, without its ending.
    pub(super) fn raw(&self, i: usize) -> &'a [u8] {
        self.lines
            .get(i)
            .map_or(&[][..], |l| &self.bytes[l.start..l.end])
    }

    pub(super) fn front_matter(&self) -> FrontMatter {
        match split(&self.text) {
            Split::NoFrontMatter => FrontMatter::Absent,
            Split::Unterminated => FrontMatter::Unterminated,
            Split::FrontMatter {
                yaml_start,
                yaml_end,
                ..
            } => FrontMatter::Closed {
                close: memchr::memchr_iter(b'\n', &self.text.as_bytes()[..yaml_end]).count(),
                yaml: yaml_start..yaml_end,
            },
        }
    }

    /// The index of the first body line: after the front matter, or 0 (an unclosed front
    /// matter is body, as the reader takes it).
    pub(super) fn body_first(&self) -> usize {
        match self.front_matter() {
            FrontMatter::Closed { close, .. } => close + 1,
            FrontMatter::Absent | FrontMatter::Unterminated => 0,
        }
    }

    /// A note in the middle of a git merge is not edited (the reader does not trust it
    /// either).
    pub(super) fn refuse_conflicts(&self) -> Result<(), EditError> {
        match conflict_openings(&self.text).next() {
            Some(line) => Err(EditError::ConflictMarkers(line)),
            None => Ok(()),
        }
    }
}

/// The 1-based line number of line index `index`.
pub(super) fn line_number(index: usize) -> u32 {
    to_u32(index.saturating_add(1))
}

/// The line ending to use for a line inserted at byte `at`: the one of the nearest line
/// before it, else of the nearest after it, else `\n`. A note that mixes endings gets, in
/// each place, the ending already used there.
pub(super) fn eol_at(bytes: &[u8], at: usize) -> &'static [u8] {
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
pub(super) fn insert_line(bytes: &[u8], at: usize, insert: &str) -> Vec<u8> {
    insert_line_ending(bytes, at, insert, eol_at(bytes, at))
}

/// Like [`insert_line`], with the line ending to use.
pub(super) fn insert_line_ending(bytes: &[u8], at: usize, insert: &str, eol: &[u8]) -> Vec<u8> {
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
