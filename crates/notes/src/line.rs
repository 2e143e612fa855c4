//! The line model shared by the reader and the edits: a note's lines with their byte
//! spans, what each line is in Markdown (heading, list item, task, blank), which lines are
//! inside code, and the top-level keys of the front matter.
//!
//! The reader ([`crate::body`], [`crate::note`]) and the writer ([`crate::edit`]) both go
//! through these functions, so an edit finds its place by the rules the next read uses.
//! Nothing here allocates per line: lines are borrowed and classified one at a time.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::source::Needle;

/// Where one line is: `start..end` is its content (without `\n` or `\r\n`), `next` is
/// where the following line starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
    pub next: usize,
}

/// The lines of `bytes` (text, or a note's raw bytes, which need not be UTF-8).
///
/// A `\r` before the `\n` (or before the end) is not content; a final newline does not
/// start another line.
pub(crate) fn spans(bytes: &[u8]) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let (end, next) = match memchr::memchr(b'\n', &bytes[start..]) {
            Some(i) => (start + i, start + i + 1),
            None => (bytes.len(), bytes.len()),
        };
        let end = if end > start && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        let span = Span { start, end, next };
        start = next;
        Some(span)
    })
}

/// The lines of `text` with the byte offset where each starts (contents as [`spans`]).
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // A span ends before a `\r` or `\n` or at the end: always a character boundary.
    spans(text.as_bytes()).map(move |s| (s.start, text.get(s.start..s.end).unwrap_or("")))
}

/// What a line is, and what comes before its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shape<'a> {
    /// The indentation and blockquote marks before the text (`  `, `> `, `\t> `): a quoted
    /// line is read like the line it quotes.
    pub lead: &'a str,
    pub kind: Kind<'a>,
}

/// What a line is in Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind<'a> {
    /// An ATX heading (`## Title`), with its level (1 to 6) and trimmed title.
    Heading {
        level: usize,
        title: &'a str,
    },
    /// A list item that is not a task: its marker (`-`, `*`, `+`, `1.`, `1)`) and the text
    /// after the marker and its blanks.
    Item {
        marker: &'a str,
        text: &'a str,
    },
    /// A list item with a task box (`- [ ] …`, `- [x] …`), or a block that starts with a
    /// Logseq task marker (`- TODO …`, `- DONE …`: [`LOGSEQ_MARKERS`]).
    Task {
        marker: &'a str,
        /// The byte inside the box: `b' '`, `b'x'`, `b'/'`, `b'-'`…; for a Logseq marker
        /// the box it stands for (`TODO` is `b' '`, `DOING` `b'/'`, `DONE` `b'x'`,
        /// `CANCELED` `b'-'`).
        state: u8,
        /// Byte offset of the `[` in the line (of the marker word, for a Logseq marker).
        box_at: usize,
        /// The text after the box, trimmed.
        text: &'a str,
    },
    /// Nothing but whitespace.
    Blank,
    Other,
}

impl Kind<'_> {
    /// Whether this is a task still to do: `[ ]`, or `[/]` (in progress).
    pub(crate) fn is_open_task(&self) -> bool {
        matches!(
            self,
            Kind::Task {
                state: b' ' | b'/',
                ..
            }
        )
    }
}

/// Classifies one line (without its line ending).
pub(crate) fn classify(line: &str) -> Shape<'_> {
    let trimmed = line.trim_start_matches([' ', '\t']);
    // Quoted lines (`> - [ ] …`) are read like the lines they quote.
    let trimmed = trimmed
        .trim_start_matches(['>', ' '])
        .trim_start_matches('\t');
    Shape {
        lead: &line[..line.len() - trimmed.len()],
        kind: kind_of(line, trimmed),
    }
}

fn kind_of<'a>(line: &'a str, trimmed: &'a str) -> Kind<'a> {
    if let Some(rest) = trimmed.strip_prefix('#') {
        let rest = rest.trim_start_matches('#');
        let level = trimmed.len() - rest.len();
        return if level <= 6 && (rest.is_empty() || rest.starts_with([' ', '\t'])) {
            Kind::Heading {
                level,
                title: rest.trim(),
            }
        } else {
            Kind::Other
        };
    }
    let Some((marker, text)) = list_item(trimmed) else {
        return if line.trim().is_empty() {
            Kind::Blank
        } else {
            Kind::Other
        };
    };
    let bytes = text.as_bytes();
    if bytes.len() >= 3
        && bytes[0] == b'['
        && bytes[2] == b']'
        && (bytes.len() == 3 || bytes[3] == b' ')
    {
        return Kind::Task {
            marker,
            state: bytes[1],
            // `text` runs to the end of the line.
            box_at: line.len() - text.len(),
            text: text[3..].trim(),
        };
    }
    if let Some((state, rest)) = logseq_marker(text) {
        return Kind::Task {
            marker,
            state,
            box_at: line.len() - text.len(),
            text: rest,
        };
    }
    Kind::Item { marker, text }
}

/// Logseq's task markers and the task box each stands for: open (`b' '`), in progress
/// (`b'/'`), done (`b'x'`), cancelled (`b'-'`, neither open nor done).
pub(crate) const LOGSEQ_MARKERS: &[(&str, u8)] = &[
    ("TODO", b' '),
    ("LATER", b' '),
    ("WAITING", b' '),
    ("WAIT", b' '),
    ("NOW", b'/'),
    ("DOING", b'/'),
    ("IN-PROGRESS", b'/'),
    ("DONE", b'x'),
    ("CANCELED", b'-'),
    ("CANCELLED", b'-'),
];

/// The length of the open Logseq task marker (`TODO`, `NOW`…) `bytes` start with, for an
/// edit that marks the task `DONE`.
pub(crate) fn open_logseq_marker(bytes: &[u8]) -> Option<usize> {
    LOGSEQ_MARKERS.iter().find_map(|(word, state)| {
        let rest = bytes.strip_prefix(word.as_bytes())?;
        let word_ends = matches!(rest.first(), None | Some(b' ' | b'\t' | b'\r' | b'\n'));
        (word_ends && matches!(state, b' ' | b'/')).then_some(word.len())
    })
}

/// The state and the text after it when a block's text starts with a Logseq task marker
/// (upper case, then a blank or the end), its priority (`[#A]`) left out.
fn logseq_marker(text: &str) -> Option<(u8, &str)> {
    if !text.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let (state, rest) = LOGSEQ_MARKERS.iter().find_map(|(word, state)| {
        let rest = text.strip_prefix(word)?;
        (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some((*state, rest.trim()))
    })?;
    let rest = match rest.as_bytes() {
        [b'[', b'#', b'A'..=b'C', b']', ..] => rest[4..].trim_start(),
        _ => rest,
    };
    Some((state, rest))
}

/// The marker (`-`, `*`, `+`, `1.`, `1)`) and the text after it, if `line` is a list item.
fn list_item(line: &str) -> Option<(&str, &str)> {
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
    let marker = &line[..after_marker];
    match bytes.get(after_marker) {
        Some(b' ' | b'\t') => Some((marker, line[after_marker..].trim_start())),
        None => Some((marker, "")),
        _ => None,
    }
}

/// A note's body as lines, each knowing whether it is inside a code block.
#[derive(Debug)]
pub(crate) struct Body<'a> {
    text: &'a str,
    code: Code,
}

/// A line of a body.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyLine<'a> {
    /// Byte offset of the line in the body.
    pub start: usize,
    /// The line without its ending.
    pub text: &'a str,
    /// Whether the line starts inside a code block, as CommonMark finds them: a fenced
    /// block with its fences, an indented block from its second line (the block starts
    /// after the first line's indentation). The reader skips such lines.
    pub in_code: bool,
}

impl<'a> BodyLine<'a> {
    pub(crate) fn shape(&self) -> Shape<'a> {
        classify(self.text)
    }
}

impl<'a> Body<'a> {
    /// Finds the code in `text`, a note's body.
    pub(crate) fn new(text: &'a str) -> Body<'a> {
        Body {
            text,
            code: Code::find(text),
        }
    }

    pub(crate) fn lines(&self) -> impl Iterator<Item = BodyLine<'a>> + '_ {
        lines(self.text).map(|(start, text)| BodyLine {
            start,
            text,
            in_code: self.code.in_block(start),
        })
    }

    /// Whether byte `offset` of the body is code: in a code block or a code span.
    pub(crate) fn is_code(&self, offset: usize) -> bool {
        self.code.in_block(offset) || within(&self.code.spans, offset)
    }
}

/// Where the code is in a body: links and log lines there do not count.
#[derive(Debug, Default)]
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
}

/// Whether `offset` is in one of `ranges` (sorted, not overlapping), by binary search.
fn within(ranges: &[Range<usize>], offset: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= offset);
    ranges.get(i).is_some_and(|r| r.contains(&offset))
}

/// A top-level `key: value` line of a front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Key<'a> {
    /// 0-based index of the line in the front matter.
    pub index: usize,
    /// Byte offset of the line in the front matter.
    pub start: usize,
    /// The line, without its ending.
    pub line: &'a str,
    /// The key, without blanks and quotes.
    pub name: &'a str,
    /// Byte offset of the colon in the line.
    pub colon: usize,
}

impl Key<'_> {
    /// The 1-based column (in characters) where the value starts.
    pub(crate) fn value_column(&self) -> u32 {
        let after = &self.line[self.colon + 1..];
        let value_start = self.colon + 1 + (after.len() - after.trim_start().len());
        crate::source::to_u32(self.line[..value_start].chars().count() + 1)
    }
}

/// The top-level keys of front matter `yaml` (the text between the `---` lines), in order.
pub(crate) fn keys(yaml: &str) -> impl Iterator<Item = Key<'_>> {
    lines(yaml)
        .enumerate()
        .filter_map(|(index, (start, line))| {
            if is_nested(line) || line.starts_with('#') {
                return None;
            }
            let colon = line.find(':')?;
            Some(Key {
                index,
                start,
                line,
                name: line[..colon].trim().trim_matches(['"', '\'']),
                colon,
            })
        })
}

/// Whether a front-matter line belongs to the value of the key above it (an indented line
/// or a `- ` sequence item): such a line never starts a key.
pub(crate) fn is_nested(line: &str) -> bool {
    line.starts_with([' ', '\t', '-'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_strip_crlf() {
        let got: Vec<_> = lines("a\r\nbc\n\nd").collect();
        assert_eq!(got, vec![(0, "a"), (3, "bc"), (6, ""), (7, "d")]);
        let raw: Vec<_> = spans(b"a\r\n\xFF\r").collect();
        assert_eq!(
            raw,
            vec![
                Span {
                    start: 0,
                    end: 1,
                    next: 3
                },
                Span {
                    start: 3,
                    end: 4,
                    next: 5
                }
            ]
        );
    }

    #[test]
    fn classifies_markdown_lines() {
        let kind = |line| classify(line).kind;
        assert_eq!(
            kind("## Log "),
            Kind::Heading {
                level: 2,
                title: "Log"
            }
        );
        assert_eq!(kind("####### seven"), Kind::Other);
        assert_eq!(kind("#tag"), Kind::Other);
        assert_eq!(
            kind("  * text"),
            Kind::Item {
                marker: "*",
                text: "text"
            }
        );
        assert_eq!(
            kind("> 12) x"),
            Kind::Item {
                marker: "12)",
                text: "x"
            }
        );
        assert_eq!(kind("1234567890. x"), Kind::Other);
        assert_eq!(kind("-x"), Kind::Other);
        assert_eq!(
            kind("\t> -   [/] doing  "),
            Kind::Task {
                marker: "-",
                state: b'/',
                box_at: 7,
                text: "doing"
            }
        );
        assert!(kind("- [ ]").is_open_task());
        assert!(!kind("- [x] done").is_open_task());
        assert_eq!(
            kind("- [ ]x"),
            Kind::Item {
                marker: "-",
                text: "[ ]x"
            }
        );
        assert_eq!(kind(" \t "), Kind::Blank);
        assert_eq!(
            kind("\t- TODO [#A] call [[Sam]] "),
            Kind::Task {
                marker: "-",
                state: b' ',
                box_at: 3,
                text: "call [[Sam]]"
            }
        );
        for (line, state) in [
            ("- LATER x", b' '),
            ("- NOW x", b'/'),
            ("- DOING", b'/'),
            ("- WAITING on Kai", b' '),
            ("- DONE x", b'x'),
            ("- CANCELED x", b'-'),
            ("- CANCELLED x", b'-'),
        ] {
            assert!(
                matches!(kind(line), Kind::Task { state: s, .. } if s == state),
                "{line}"
            );
        }
        assert!(kind("- TODO x").is_open_task());
        assert!(kind("- NOW x").is_open_task());
        assert!(!kind("- DONE x").is_open_task());
        assert!(!kind("- CANCELED x").is_open_task());
        // Only at the start of a block, in upper case, as a word.
        for not_a_task in ["- todo x", "- TODOS x", "- a TODO", "TODO x", "- Done"] {
            assert!(
                !matches!(kind(not_a_task), Kind::Task { .. }),
                "{not_a_task}"
            );
        }
        assert_eq!(kind(">"), Kind::Other);
        assert_eq!(classify("  > - x").lead, "  > ");
    }

    #[test]
    fn code_blocks_fences_included() {
        let body = Body::new("a `[[x]]`\n```\n## not\n```\n\n    indented\n    more\nb\n");
        let in_code: Vec<_> = body.lines().map(|l| l.in_code).collect();
        // An indented block starts after its indentation: its first line does not start
        // inside it (the reader has always read it so).
        assert_eq!(
            in_code,
            [false, true, true, true, false, false, true, false]
        );
        assert!(body.is_code(3));
        assert!(!body.is_code(0));
    }

    #[test]
    fn front_matter_keys() {
        let yaml = "name: Ann\n\"last contact\":  2026-01-01\n  nested: x\n- item\n# c: x\nno colon\nrole:\n";
        let got: Vec<_> = keys(yaml)
            .map(|k| (k.index, k.start, k.name, k.value_column()))
            .collect();
        assert_eq!(
            got,
            [
                (0, 0, "name", 7),
                (1, 10, "last contact", 18),
                (6, 73, "role", 6)
            ]
        );
    }
}
