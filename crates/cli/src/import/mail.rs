//! Mail headers from an mbox file or a Maildir folder, as plain [`Message`] records.
//!
//! Headers only (From, To, Cc, Bcc, Date, Subject and the signs of bulk mail): DESIGN.md
//! says imports read headers, never mail bodies, so a body is skipped as it streams past
//! and never kept. The header block goes to `mail-parser` (Stalwart's), which reads folded
//! headers, RFC 2047 encoded words, address lists with quoted names, comments and groups,
//! and the dates real mailers write (no weekday, two-digit years, obsolete zones); a
//! header line of raw bytes that are not UTF-8 is taken as windows-1252 first.
//!
//! mbox (mboxo and mboxrd, as Thunderbird and Google Takeout write them): a message starts
//! at a line beginning `From ` that is the first line of the file or follows a blank line;
//! a `From ` line after a non-blank line is body text. Writers quote body lines as
//! `>From `, which is never a separator. The splitter reads through a fixed buffer of
//! [`BUFFER_BYTES`] with `memchr`'s substring search, so memory stays bounded whatever the
//! file's size, and keeps at most [`MAX_HEADER_BYTES`] of one message's headers.
//!
//! Maildir: the files of `cur/` and `new/` (`tmp/` holds deliveries in progress), and of
//! Maildir++ subfolders (`.Sent/cur`…), in name order so that runs are reproducible.
//!
//! Apple Mail's Mailbox → Export Mailbox writes a folder `Inbox.mbox/` that holds the mbox
//! file `mbox` (and an `Info.plist`); exporting several mailboxes, or one with mailboxes
//! inside, gives `*.mbox` folders within each other. A folder is read as those mbox files
//! when it is no Maildir.

use std::collections::VecDeque;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use mail_parser::{HeaderValue, MessageParser};

pub use super::calendar::BadRecord;

/// The most header bytes one message keeps; the rest of an overlong header block is skipped.
pub const MAX_HEADER_BYTES: usize = 256 * 1024;
/// The most addresses kept per header (all are counted in [`Message::recipient_count`]).
pub const MAX_ADDRESSES: usize = 200;
/// The size of the mbox reader's buffer.
pub const BUFFER_BYTES: usize = 256 * 1024;

/// One address of a From, To or Cc header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Address {
    /// As written (no case folding).
    pub email: Option<String>,
    /// The display name, encoded words decoded; `None` when empty or just the email.
    pub name: Option<String>,
}

/// The headers of one message that an import reads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Message {
    /// Line of its `From ` separator in an mbox; 1 for a Maildir file.
    pub line: u64,
    /// The file, for a Maildir message.
    pub path: Option<PathBuf>,
    pub from: Vec<Address>,
    /// At most [`MAX_ADDRESSES`], group members included.
    pub to: Vec<Address>,
    /// Cc, then Bcc (which only your own sent copies have).
    pub cc: Vec<Address>,
    /// Every To, Cc and Bcc address, kept or not.
    pub recipient_count: u32,
    /// The sender's local date as written in `Date:` (its zone is not applied).
    pub date: Option<NaiveDate>,
    pub subject: Option<String>,
    /// List-Id or List-Unsubscribe present, `Precedence: bulk|list|junk`, or
    /// `Auto-Submitted` other than `no`.
    pub bulk: bool,
}

/// Reads the header block of one message (`raw` may go on into the body, which is not
/// read). Problems (a `Date:` that is not a date) come back beside the message, with lines
/// counted from `line` (the line where `raw` starts).
pub fn parse_headers(raw: &[u8], line: u64, path: Option<&Path>) -> (Message, Vec<BadRecord>) {
    let mut message = Message {
        line,
        path: path.map(Path::to_path_buf),
        ..Message::default()
    };
    let mut problems = Vec::new();
    let (selected, lines_of) = select_fields(raw);
    let no_headers = || BadRecord {
        fatal: false,
        path: path.map(Path::to_path_buf),
        line,
        column: 1,
        message: "no mail headers here".to_string(),
    };
    if selected.is_empty() {
        if !looks_like_headers(raw) {
            problems.push(no_headers());
        }
        return (message, problems);
    }
    let raw = selected.as_slice();
    let Some(parsed) = MessageParser::new().parse_headers(raw) else {
        problems.push(no_headers());
        return (message, problems);
    };
    let addresses = |value: Option<&mail_parser::Address<'_>>, out: &mut Vec<Address>| -> u32 {
        let mut count: u32 = 0;
        let mut push = |a: &mail_parser::Addr<'_>| {
            count = count.saturating_add(1);
            if out.len() < MAX_ADDRESSES {
                let email = a
                    .address
                    .as_deref()
                    .map(str::trim)
                    .filter(|e| !e.is_empty())
                    .map(str::to_string);
                let name = a
                    .name
                    .as_deref()
                    .map(|n| n.trim().trim_matches(['"', '\'']).trim())
                    .filter(|n| !n.is_empty())
                    .filter(|n| !email.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(n)))
                    .map(str::to_string);
                if email.is_some() || name.is_some() {
                    out.push(Address { email, name });
                }
            }
        };
        match value {
            Some(mail_parser::Address::List(list)) => list.iter().for_each(&mut push),
            Some(mail_parser::Address::Group(groups)) => groups
                .iter()
                .flat_map(|g| g.addresses.iter())
                .for_each(&mut push),
            None => {}
        }
        count
    };
    addresses(parsed.from(), &mut message.from);
    let to = addresses(parsed.to(), &mut message.to);
    let cc = addresses(parsed.cc(), &mut message.cc);
    // Bcc is only in your own copies of what you sent (Thunderbird's and Apple Mail's
    // Sent folders keep it): those people were written to as much as the others.
    let bcc = addresses(parsed.bcc(), &mut message.cc);
    message.recipient_count = to.saturating_add(cc).saturating_add(bcc);
    message.subject = parsed
        .subject()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());

    for header in parsed.headers() {
        let name = header.name();
        let text = || match header.value() {
            HeaderValue::Text(t) => t.trim().to_ascii_lowercase(),
            _ => String::new(),
        };
        let bulk = if name.eq_ignore_ascii_case("List-Id")
            || name.eq_ignore_ascii_case("List-Unsubscribe")
        {
            true
        } else if name.eq_ignore_ascii_case("Precedence") {
            matches!(text().as_str(), "bulk" | "list" | "junk")
        } else if name.eq_ignore_ascii_case("Auto-Submitted") {
            let value = text();
            // `Auto-Submitted: no (a comment)` is still "no".
            !value.is_empty() && value.split([' ', '(', ';']).next() != Some("no")
        } else {
            false
        };
        message.bulk |= bulk;
        if name.eq_ignore_ascii_case("Date") && message.date.is_none() {
            let start = usize::try_from(header.offset_start()).unwrap_or(0);
            let end = usize::try_from(header.offset_end()).unwrap_or(0);
            let written = raw.get(start..end).unwrap_or_default();
            let date = match header.value() {
                HeaderValue::DateTime(dt) if dt.is_valid() => NaiveDate::from_ymd_opt(
                    i32::from(dt.year),
                    u32::from(dt.month),
                    u32::from(dt.day),
                ),
                _ => None,
            }
            .or_else(|| loose_date(&String::from_utf8_lossy(written)));
            match date {
                Some(date) => message.date = Some(date),
                None => {
                    let field = usize::try_from(header.offset_field()).unwrap_or(0);
                    let written: String = String::from_utf8_lossy(written)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .chars()
                        .take(60)
                        .collect();
                    let before = raw.get(..field).unwrap_or_default();
                    let lines = lines_of
                        .iter()
                        .rev()
                        .find(|(at, _)| *at <= field)
                        .map_or(0, |(_, l)| *l);
                    let line_start = before
                        .iter()
                        .rposition(|b| *b == b'\n')
                        .map_or(0, |i| i + 1);
                    let column = start.saturating_sub(line_start)
                        + usize::from(raw.get(start) == Some(&b' '));
                    problems.push(BadRecord {
                        fatal: false,
                        path: path.map(Path::to_path_buf),
                        line: line + lines,
                        column: u32::try_from(column + 1).unwrap_or(u32::MAX),
                        message: format!("Date `{written}` is not a date; the message has no date"),
                    });
                }
            }
        }
    }
    (message, problems)
}

/// The header fields an import reads. The others (Received, DKIM-Signature, X-…), most
/// of a header block's bytes, are dropped before `mail-parser` sees the block.
const FIELDS: [&str; 10] = [
    "from",
    "to",
    "cc",
    "bcc",
    "date",
    "subject",
    "list-id",
    "list-unsubscribe",
    "precedence",
    "auto-submitted",
];

/// The lines of the [`FIELDS`] (with their folded continuations) of a header block, up to
/// its first blank line, each ending in a line break; and for each field kept, its offset
/// in the result and its line in `raw` (0-based).
fn select_fields(raw: &[u8]) -> (Vec<u8>, Vec<(usize, u64)>) {
    let mut out = Vec::with_capacity(raw.len().min(2048));
    let mut starts = Vec::with_capacity(FIELDS.len());
    let mut keep = false;
    let mut index: u64 = 0;
    let mut rest = raw;
    while !rest.is_empty() {
        let (line, next) = match memchr::memchr(b'\n', rest) {
            Some(i) => rest.split_at(i + 1),
            None => (rest, &[][..]),
        };
        rest = next;
        let content = line.strip_suffix(b"\n").unwrap_or(line);
        let content = content.strip_suffix(b"\r").unwrap_or(content);
        if content.is_empty() {
            break;
        }
        if !matches!(content.first(), Some(b' ' | b'\t')) {
            // Field names are short: the colon is looked for in the first bytes only.
            let head = content.get(..content.len().min(32)).unwrap_or(content);
            keep = memchr::memchr(b':', head)
                .and_then(|colon| head.get(..colon))
                .map(<[u8]>::trim_ascii)
                .is_some_and(|name| {
                    FIELDS
                        .iter()
                        .any(|f| name.eq_ignore_ascii_case(f.as_bytes()))
                });
            if keep {
                starts.push((out.len(), index));
            }
        }
        if keep {
            match std::str::from_utf8(line) {
                Ok(_) => out.extend_from_slice(line),
                // Raw 8-bit bytes in a header (older mailers, never in RFC 2047 words):
                // windows-1252, as Outlook Express wrote them, instead of U+FFFD.
                Err(_) => {
                    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(line);
                    out.extend_from_slice(text.as_bytes());
                }
            }
            if !line.ends_with(b"\n") {
                out.push(b'\n');
            }
        }
        index += 1;
    }
    (out, starts)
}

/// Whether the first line of `raw` is a header field (`Name: value`).
fn looks_like_headers(raw: &[u8]) -> bool {
    let first = raw.split(|b| *b == b'\n').next().unwrap_or_default();
    match first.iter().position(|b| *b == b':') {
        Some(colon) => {
            colon > 0
                && first
                    .get(..colon)
                    .is_some_and(|n| n.iter().all(|b| b.is_ascii_graphic()))
        }
        None => false,
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The date of a `Date:` value that `mail-parser` could not read: day, month name and
/// year in either order (`3 Oct 26 23:30 EDT`, `Oct 3, 2026`), or `2026-10-03`, with the
/// weekday, time, zone and comments ignored. Two-digit years as RFC 5322 reads them.
fn loose_date(value: &str) -> Option<NaiveDate> {
    let mut depth = 0u32;
    let text: String = value
        .chars()
        .map(|c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > 0 || c == ')' || c == ',' {
                ' '
            } else {
                c
            }
        })
        .collect();
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if let Some(iso) = tokens.first().and_then(|t| t.get(..10))
        && let Ok(date) = NaiveDate::parse_from_str(iso, "%Y-%m-%d")
    {
        return Some(date);
    }
    let month_of = |t: &str| {
        let t = t.to_ascii_lowercase();
        let prefix = t.get(..3)?;
        MONTHS
            .iter()
            .position(|m| *m == prefix)
            .and_then(|i| u32::try_from(i + 1).ok())
    };
    let number = |t: &str| -> Option<u32> {
        (t.len() <= 4 && !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let year_of = |t: &str| -> Option<i32> {
        let n = i32::try_from(number(t)?).ok()?;
        Some(match (t.len(), n) {
            (2, 0..=49) => n + 2000,
            (2, _) => n + 1900,
            (4, _) => n,
            _ => return None,
        })
    };
    let at = tokens.iter().position(|t| month_of(t).is_some())?;
    let month = month_of(tokens.get(at)?)?;
    let before = at
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .and_then(|t| number(t));
    let (day, year) = match before {
        // `3 Oct 26`
        Some(day) if day <= 31 => (day, year_of(tokens.get(at + 1)?)?),
        // `Oct 3 2026`
        _ => (number(tokens.get(at + 1)?)?, year_of(tokens.get(at + 2)?)?),
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Reads the messages of an mbox stream; see the module's documentation.
pub fn read_mbox<R: Read>(reader: R) -> MboxReader<R> {
    MboxReader {
        reader,
        buf: vec![0; BUFFER_BYTES],
        pos: 0,
        end: 0,
        eof: false,
        line: 1,
        recent: *b"\n\n\n",
        started: false,
        pending: VecDeque::new(),
        done: false,
        headers: Vec::new(),
    }
}

/// The iterator of [`read_mbox`].
#[derive(Debug)]
pub struct MboxReader<R> {
    reader: R,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    eof: bool,
    /// The line number of the byte at `pos` (1-based).
    line: u64,
    /// The last three bytes consumed (line breaks at the start of the file), to tell
    /// whether the line before a `From ` line is blank.
    recent: [u8; 3],
    started: bool,
    pending: VecDeque<Result<Message, BadRecord>>,
    done: bool,
    /// The header block being read, reused between messages.
    headers: Vec<u8>,
}

const SEPARATOR: &[u8] = b"From ";

impl<R: Read> Iterator for MboxReader<R> {
    type Item = Result<Message, BadRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            if let Err(err) = self.message() {
                self.pending.push_back(Err(BadRecord {
                    fatal: true,
                    path: None,
                    line: self.line,
                    column: 1,
                    message: format!("cannot read on: {err}"),
                }));
                self.done = true;
            }
        }
    }
}

impl<R: Read> MboxReader<R> {
    /// Keeps unread bytes at the front and reads until at least `want` are buffered or the
    /// stream ends; returns how many are buffered.
    fn fill(&mut self, want: usize) -> io::Result<usize> {
        let want = want.min(self.buf.len());
        while self.end - self.pos < want && !self.eof {
            if self.pos > 0 {
                self.buf.copy_within(self.pos..self.end, 0);
                self.end -= self.pos;
                self.pos = 0;
            }
            let free = self.buf.get_mut(self.end..).unwrap_or_default();
            match self.reader.read(free) {
                Ok(0) => self.eof = true,
                Ok(n) => self.end += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(self.end - self.pos)
    }

    fn unread(&self) -> &[u8] {
        self.buf.get(self.pos..self.end).unwrap_or_default()
    }

    /// Consumes one line, appending at most `cap - out.len()` of its bytes to `out`;
    /// returns whether it was blank, or `None` at the end of the stream.
    fn line_into(&mut self, out: &mut Vec<u8>, cap: usize) -> io::Result<Option<bool>> {
        if self.fill(1)? == 0 {
            return Ok(None);
        }
        let mut length = 0usize;
        // The first two bytes, enough to tell a blank line (`\n`, `\r\n`).
        let mut head = [0u8; 2];
        loop {
            let chunk = self.unread();
            let (take, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let part = chunk.get(..take).unwrap_or_default();
            for (slot, b) in head.iter_mut().skip(length).zip(part) {
                *slot = *b;
            }
            let room = cap.saturating_sub(out.len()).min(part.len());
            out.extend_from_slice(part.get(..room).unwrap_or_default());
            length += take;
            self.consume(take);
            if done || self.fill(1)? == 0 {
                break;
            }
        }
        Ok(Some(
            (length == 1 && head[0] == b'\n') || (length == 2 && head == *b"\r\n"),
        ))
    }

    /// Counts and remembers bytes about to be consumed.
    fn consume(&mut self, n: usize) {
        let bytes = self.buf.get(self.pos..self.pos + n).unwrap_or_default();
        self.line += count_newlines(bytes);
        for b in bytes.iter().rev().take(3).rev() {
            self.recent = [self.recent[1], self.recent[2], *b];
        }
        self.pos += n;
    }

    /// Whether the line that ends just before offset `i` of the unread bytes (where a
    /// `\n` is, or `pos` itself for `i == -1`) is blank.
    fn blank_before(&self, i: isize) -> bool {
        let chunk = self.unread();
        let at = |k: isize| -> u8 {
            if k >= 0 {
                usize::try_from(k)
                    .ok()
                    .and_then(|k| chunk.get(k))
                    .copied()
                    .unwrap_or(0)
            } else {
                usize::try_from(3 + k)
                    .ok()
                    .and_then(|k| self.recent.get(k))
                    .copied()
                    .unwrap_or(0)
            }
        };
        at(i - 1) == b'\n' || (at(i - 1) == b'\r' && at(i - 2) == b'\n')
    }

    /// Skips body lines up to the next separator (a `From ` line after a blank line), or
    /// the end of the stream; `pos` is at a line start.
    fn skip_body(&mut self) -> io::Result<()> {
        let finder = memchr::memmem::Finder::new(b"\nFrom ");
        loop {
            // More than the tail kept below, so that every round consumes something.
            if self.fill(BUFFER_BYTES / 4)? == 0 {
                return Ok(());
            }
            if self.recent[2] == b'\n'
                && self.unread().starts_with(SEPARATOR)
                && self.blank_before(-1)
            {
                return Ok(());
            }
            let chunk = self.unread();
            let hit = finder
                .find_iter(chunk)
                .find(|i| isize::try_from(*i).is_ok_and(|i| self.blank_before(i)));
            match hit {
                Some(i) => {
                    self.consume(i + 1);
                    return Ok(());
                }
                None if self.eof => {
                    let rest = chunk.len();
                    self.consume(rest);
                    return Ok(());
                }
                // Keep the last bytes: a separator may straddle the buffer's end.
                None => {
                    let keep = chunk.len().saturating_sub(SEPARATOR.len());
                    self.consume(keep);
                }
            }
        }
    }

    /// Reads one message: finds its separator, keeps its headers, skips its body.
    fn message(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            self.fill(SEPARATOR.len())?;
            let chunk = self.unread();
            let chunk = chunk.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(chunk);
            if !chunk.starts_with(SEPARATOR) {
                if self.end == self.pos {
                    self.done = true;
                    return Ok(());
                }
                self.pending.push_back(Err(BadRecord {
                    fatal: false,
                    path: None,
                    line: 1,
                    column: 1,
                    message: "not an mbox file: it does not start with a `From ` line; \
                              skipped to the first `From ` line after a blank line"
                        .to_string(),
                }));
                self.skip_body()?;
            }
        } else {
            self.skip_body()?;
        }
        if self.fill(SEPARATOR.len())? == 0 {
            self.done = true;
            return Ok(());
        }
        let line = self.line;
        // The separator line itself (a BOM may precede the first).
        let mut scratch = Vec::new();
        self.line_into(&mut scratch, 0)?;
        let cut = self.header_block()?;
        if cut {
            self.pending.push_back(Err(BadRecord {
                fatal: false,
                path: None,
                line,
                column: 1,
                message: format!(
                    "headers longer than {} KiB; the rest of them is skipped",
                    MAX_HEADER_BYTES / 1024
                ),
            }));
        }
        let (message, problems) = parse_headers(&self.headers, line + 1, None);
        let message = Message { line, ..message };
        self.pending.extend(problems.into_iter().map(Err));
        self.pending.push_back(Ok(message));
        Ok(())
    }

    /// Reads a header block up to its blank line (consumed, not kept) into `headers`,
    /// keeping at most [`MAX_HEADER_BYTES`]; returns whether some were dropped. Whole
    /// lines are consumed at a time, so each round starts at a line start.
    fn header_block(&mut self) -> io::Result<bool> {
        self.headers.clear();
        let mut cut = false;
        loop {
            if self.fill(3)? == 0 {
                return Ok(cut);
            }
            // The fields, not `unread()`, so that `headers` can be written meanwhile.
            let chunk = self.buf.get(self.pos..self.end).unwrap_or_default();
            if self.recent[2] == b'\n' {
                let blank = if chunk.starts_with(b"\n") {
                    1
                } else if chunk.starts_with(b"\r\n") {
                    2
                } else {
                    0
                };
                if blank > 0 {
                    self.consume(blank);
                    return Ok(cut);
                }
            }
            // The first line break followed by a blank line ends the block.
            let mut end = None;
            let mut last = None;
            for i in memchr::memchr_iter(b'\n', chunk) {
                last = Some(i);
                match (chunk.get(i + 1), chunk.get(i + 2)) {
                    (Some(b'\n'), _) => end = Some((i + 1, i + 2)),
                    (Some(b'\r'), Some(b'\n')) => end = Some((i + 1, i + 3)),
                    _ => {}
                }
                if end.is_some() {
                    break;
                }
            }
            let (keep, take, done) = match (end, last) {
                (Some((keep, take)), _) => (keep, take, true),
                (None, Some(i)) => (i + 1, i + 1, false),
                // No line break buffered: all of a long line, or the rest of the stream.
                (None, None) if self.eof || chunk.len() >= self.buf.len() / 2 => {
                    (chunk.len(), chunk.len(), self.eof)
                }
                (None, None) => {
                    let want = chunk.len() + 1;
                    self.fill(want)?;
                    continue;
                }
            };
            let room = MAX_HEADER_BYTES.saturating_sub(self.headers.len());
            let part = chunk.get(..keep).unwrap_or_default();
            if part.len() > room {
                cut = true;
            }
            let stored = part.get(..room.min(part.len())).unwrap_or_default();
            self.headers.extend_from_slice(stored);
            self.consume(take);
            if done {
                return Ok(cut);
            }
        }
    }
}

/// Line breaks in `bytes`, counted in blocks of 255 so that the sum fits a byte and the
/// compiler can use vector instructions (bodies are most of an mbox's bytes).
fn count_newlines(bytes: &[u8]) -> u64 {
    bytes
        .chunks(255)
        .map(|block| u64::from(block.iter().fold(0u8, |n, b| n + u8::from(*b == b'\n'))))
        .sum()
}

/// The messages of a Maildir (`cur/`, `new/`, and Maildir++ subfolders), in name order;
/// or of the mbox files of an Apple Mail export (`Inbox.mbox/mbox`, and the `*.mbox`
/// folders within), each streamed as [`read_mbox`] reads a file.
pub fn read_maildir(dir: &Path) -> io::Result<MaildirReader> {
    let is_maildir = dir.join("cur").is_dir() || dir.join("new").is_dir();
    let mboxes = if is_maildir {
        Vec::new()
    } else {
        apple_mailboxes(dir)
    };
    if !is_maildir && mboxes.is_empty() {
        // The caller names the folder.
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a Maildir (it has no cur/ or new/ folder) nor a mailbox exported by Apple \
             Mail (no `mbox` file in it or in a `*.mbox` folder within)",
        ));
    }
    let mut files = Vec::new();
    let mut pending = VecDeque::new();
    if is_maildir {
        maildir_files(dir, &mut files, &mut pending)?;
    }
    Ok(MaildirReader {
        files: files.into(),
        pending,
        mboxes: mboxes.into(),
        mbox: None,
    })
}

/// The message files of the Maildir `dir` and its Maildir++ subfolders, in name order.
fn maildir_files(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    pending: &mut VecDeque<Result<Message, BadRecord>>,
) -> io::Result<()> {
    let mut folders = vec![dir.to_path_buf()];
    let mut subfolders: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .filter(|p| p.join("cur").is_dir() || p.join("new").is_dir())
        .collect();
    subfolders.sort();
    folders.extend(subfolders);
    for folder in folders {
        for sub in ["cur", "new"] {
            let path = folder.join(sub);
            if !path.is_dir() {
                continue;
            }
            match fs::read_dir(&path) {
                Ok(entries) => {
                    let mut names: Vec<PathBuf> = entries
                        .filter_map(Result::ok)
                        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                        .map(|e| e.path())
                        .collect();
                    names.sort();
                    files.extend(names);
                }
                Err(err) => pending.push_back(Err(BadRecord {
                    fatal: false,
                    path: Some(path),
                    line: 1,
                    column: 1,
                    message: format!("cannot list this folder: {err}"),
                })),
            }
        }
    }
    Ok(())
}

/// How deep `*.mbox` folders are looked for within each other.
const MAX_MAILBOX_DEPTH: usize = 16;

/// The `mbox` files of an Apple Mail export at `dir`: its own, then those of the `*.mbox`
/// folders within, depth first in name order. Symbolic links are not followed.
fn apple_mailboxes(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), 0)];
    while let Some((folder, depth)) = stack.pop() {
        let own = folder.join("mbox");
        if fs::symlink_metadata(&own).is_ok_and(|m| m.is_file()) {
            found.push(own);
        }
        if depth >= MAX_MAILBOX_DEPTH {
            continue;
        }
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        let mut inner: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .filter(|e| {
                Path::new(&e.file_name())
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("mbox"))
            })
            .map(|e| e.path())
            .collect();
        inner.sort();
        stack.extend(inner.into_iter().rev().map(|p| (p, depth + 1)));
    }
    found
}

/// The iterator of [`read_maildir`].
#[derive(Debug)]
pub struct MaildirReader {
    files: VecDeque<PathBuf>,
    pending: VecDeque<Result<Message, BadRecord>>,
    /// The mbox files of an Apple Mail export still to read.
    mboxes: VecDeque<PathBuf>,
    /// The mbox file being read, and its reader.
    mbox: Option<(PathBuf, MboxReader<fs::File>)>,
}

impl Iterator for MaildirReader {
    type Item = Result<Message, BadRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if let Some((path, reader)) = &mut self.mbox {
                match reader.next() {
                    // Each record names its file: a folder's reports say which mailbox.
                    Some(Ok(mut message)) => {
                        message.path = Some(path.clone());
                        return Some(Ok(message));
                    }
                    Some(Err(mut bad)) => {
                        bad.path = Some(path.clone());
                        return Some(Err(bad));
                    }
                    None => self.mbox = None,
                }
                continue;
            }
            if let Some(path) = self.files.pop_front() {
                match read_header_block(&path) {
                    Ok(raw) => {
                        let (message, problems) = parse_headers(&raw, 1, Some(&path));
                        self.pending.extend(problems.into_iter().map(Err));
                        self.pending.push_back(Ok(message));
                    }
                    Err(err) => self.pending.push_back(Err(BadRecord {
                        fatal: false,
                        path: Some(path),
                        line: 1,
                        column: 1,
                        message: format!("cannot read: {err}"),
                    })),
                }
                continue;
            }
            let path = self.mboxes.pop_front()?;
            match open_mbox(&path) {
                Ok(file) => self.mbox = Some((path, read_mbox(file))),
                Err(bad) => self.pending.push_back(Err(bad)),
            }
        }
    }
}

/// Opens one mbox file of a folder, refusing a binary one as a file given alone is.
fn open_mbox(path: &Path) -> Result<fs::File, BadRecord> {
    let bad = |line: u64, message: String| BadRecord {
        fatal: true,
        path: Some(path.to_path_buf()),
        line,
        column: 1,
        message,
    };
    let open = || fs::File::open(path).map_err(|e| bad(1, format!("cannot read: {e}")));
    let name = path.display().to_string();
    super::check_not_binary(&mut open()?, &name).map_err(|b| bad(b.line.max(1), b.message))?;
    open()
}

/// The bytes of a mail file up to its first blank line, at most [`MAX_HEADER_BYTES`].
fn read_header_block(path: &Path) -> io::Result<Vec<u8>> {
    let file = fs::File::open(path)?;
    let mut reader = file.take(u64::try_from(MAX_HEADER_BYTES).unwrap_or(u64::MAX));
    let mut raw = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let n = reader.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        let from = raw.len().saturating_sub(3);
        raw.extend_from_slice(chunk.get(..n).unwrap_or_default());
        let window = raw.get(from..).unwrap_or_default();
        let end = memchr::memmem::find(window, b"\n\n")
            .map(|i| i + 1)
            .or_else(|| memchr::memmem::find(window, b"\n\r\n").map(|i| i + 1));
        if let Some(end) = end {
            raw.truncate(from + end);
            break;
        }
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn fixtures() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/import/history")
    }

    fn read(bytes: &[u8]) -> (Vec<Message>, Vec<BadRecord>) {
        let mut messages = Vec::new();
        let mut bad = Vec::new();
        for item in read_mbox(bytes) {
            match item {
                Ok(m) => messages.push(m),
                Err(b) => bad.push(b),
            }
        }
        (messages, bad)
    }

    fn headers(text: &str) -> (Message, Vec<BadRecord>) {
        parse_headers(text.as_bytes(), 1, None)
    }

    fn date_of(value: &str) -> Option<NaiveDate> {
        headers(&format!("From: a@b.example\r\nDate: {value}\r\n\r\n"))
            .0
            .date
    }

    fn emails(list: &[Address]) -> Vec<&str> {
        list.iter().filter_map(|a| a.email.as_deref()).collect()
    }

    #[test]
    fn google_takeout_mbox() {
        let bytes = std::fs::read(fixtures().join("takeout.mbox")).expect("fixture");
        let (messages, bad) = read(&bytes);
        assert_eq!(messages.len(), 7, "{messages:#?}");
        let sharon = &messages[0];
        assert_eq!(sharon.line, 1);
        assert_eq!(sharon.from[0].name.as_deref(), Some("Sharon Lée"));
        assert_eq!(
            sharon.from[0].email.as_deref(),
            Some("sharon.lee@initech.example")
        );
        assert_eq!(sharon.subject.as_deref(), Some("Kafüee nächste Woche?"));
        assert_eq!(sharon.date, Some(d("2026-10-02")));
        assert!(!sharon.bulk);
        // `>From ` and a `From ` after a non-blank line are body text: the next message
        // starts where the file says.
        let text = String::from_utf8_lossy(&bytes);
        let separators: Vec<u64> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.starts_with("From 17") || l.starts_with("From MAILER"))
            .map(|(i, _)| i as u64 + 1)
            .collect();
        assert_eq!(
            messages.iter().map(|m| m.line).collect::<Vec<_>>(),
            separators
        );

        let list = &messages[1];
        assert!(list.bulk);
        let many = &messages[2];
        assert_eq!(many.recipient_count, 15);
        assert_eq!(many.to.len(), 11);
        assert_eq!(many.cc.len(), 4);
        assert_eq!(many.to[0].name.as_deref(), Some("Doe, Jane"));
        assert_eq!(many.to[4].name.as_deref(), Some("José Núñez"));
        assert!(
            emails(&many.to).contains(&"margaret@acme.example"),
            "group members"
        );
        assert_eq!(many.date, Some(d("2026-10-05")));

        assert_eq!(
            messages[3].date,
            Some(d("2026-10-03")),
            "3 Oct 26 23:30 EDT"
        );
        assert!(messages[4].bulk, "Auto-Submitted: auto-replied");
        assert!(!messages[5].bulk, "Auto-Submitted: no");
        assert_eq!(messages[5].date, None);
        assert_eq!(messages[6].date, Some(d("2026-10-08")), "GMT+0200");
        assert_eq!(messages[6].subject.as_deref(), Some("Café à Paris"));
        assert_eq!(messages[6].from[0].name.as_deref(), Some("Émilie Dubois"));

        assert_eq!(bad.len(), 1, "{bad:?}");
        let date_line = text
            .lines()
            .position(|l| l == "Date: sometime last week")
            .expect("the bad date") as u64
            + 1;
        assert_eq!((bad[0].line, bad[0].column), (date_line, 7));
        assert!(
            bad[0].message.contains("sometime last week"),
            "{}",
            bad[0].message
        );
    }

    #[test]
    fn binary_file_is_one_bad_record() {
        let bytes = std::fs::read(fixtures().join("binary.mbox")).expect("fixture");
        let (messages, bad) = read(&bytes);
        assert!(messages.is_empty());
        assert_eq!(bad.len(), 1);
        assert_eq!((bad[0].line, bad[0].column), (1, 1));
        assert!(bad[0].message.contains("not an mbox"));
        assert_eq!(read(b""), (Vec::new(), Vec::new()));
    }

    #[test]
    fn separators_need_a_blank_line_before() {
        let text = "From a@b Thu Oct 01 10:00:00 2026\nFrom: a@b.example\nSubject: one\n\nbody\nFrom the top\n>From quoted\n\nFrom c@d Thu Oct 01 11:00:00 2026\r\nFrom: c@d.example\r\nSubject: two\r\n\r\nbody\r\n\r\nFrom e@f Thu Oct 01 12:00:00 2026\nSubject: three\n\n";
        let (messages, bad) = read(text.as_bytes());
        assert!(bad.is_empty(), "{bad:?}");
        let subjects: Vec<_> = messages
            .iter()
            .filter_map(|m| m.subject.as_deref())
            .collect();
        assert_eq!(subjects, ["one", "two", "three"]);
        assert_eq!(
            messages.iter().map(|m| m.line).collect::<Vec<_>>(),
            [1, 9, 15]
        );
    }

    #[test]
    fn empty_bodies_and_missing_ends() {
        // A message with no body, the next right after its blank line; the last with no
        // blank line and no final line break.
        let text = "From a Thu Oct 01 10:00:00 2026\nSubject: one\n\nFrom b Thu Oct 01 10:00:00 2026\nSubject: two";
        let (messages, _) = read(text.as_bytes());
        let subjects: Vec<_> = messages
            .iter()
            .filter_map(|m| m.subject.as_deref())
            .collect();
        assert_eq!(subjects, ["one", "two"]);
    }

    #[test]
    fn reads_through_a_reader_in_small_pieces() {
        struct Trickle<'a>(&'a [u8], usize);
        impl std::io::Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = self.1.min(buf.len()).min(self.0.len());
                let (head, rest) = self.0.split_at(n);
                buf.get_mut(..n).unwrap_or_default().copy_from_slice(head);
                self.0 = rest;
                Ok(n)
            }
        }
        let bytes = std::fs::read(fixtures().join("takeout.mbox")).expect("fixture");
        let whole: Vec<_> = read_mbox(bytes.as_slice()).collect();
        for piece in [1, 2, 3, 5, 7, 64] {
            let trickled: Vec<_> = read_mbox(Trickle(&bytes, piece)).collect();
            assert_eq!(whole, trickled, "pieces of {piece}");
        }
    }

    #[test]
    fn odd_dates() {
        for (value, want) in [
            ("Fri, 2 Oct 2026 09:12:00 +0200", Some("2026-10-02")),
            ("2 Oct 2026 09:12:00 +0200", Some("2026-10-02")),
            ("Fri, 02 Oct 26 09:12:00 +0200", Some("2026-10-02")),
            ("Fri, 2 Oct 98 09:12:00 GMT", Some("1998-10-02")),
            ("Fri, 2 Oct 2026 23:59:00 PDT", Some("2026-10-02")),
            ("Fri, 2 Oct 2026 23:59:00 -0700 (PDT)", Some("2026-10-02")),
            ("Fri, 2 Oct 2026 09:12:00 GMT+0200", Some("2026-10-02")),
            ("Fri,  2 Oct 2026 09:12 +0200", Some("2026-10-02")),
            ("3 Oct 26 23:30 EDT", Some("2026-10-03")),
            ("Sat, 3 Oct 2026", Some("2026-10-03")),
            ("Oct 3, 2026 11:00 am", Some("2026-10-03")),
            ("2026-10-03T11:00:00+02:00", Some("2026-10-03")),
            ("sometime last week", None),
            ("Fri, 2 Oct", None),
            ("Fri, 31 Feb 2026 09:12:00 +0200", None),
        ] {
            assert_eq!(date_of(value), want.map(d), "{value}");
        }
        let (_, bad) = headers("From: a@b.example\r\nSubject: x\r\nDate: yesterday\r\n\r\n");
        assert_eq!((bad[0].line, bad[0].column), (3, 7));
        // A missing Date is no problem to report.
        assert!(headers("From: a@b.example\r\n\r\n").1.is_empty());
    }

    #[test]
    fn addresses() {
        let (m, _) = headers(
            "From: \"Lee, Sharon\" <Sharon.Lee@Initech.example>\r\n\
             To: undisclosed-recipients:;\r\n\
             Cc: bob@example.org (Bob Smith), =?UTF-8?B?Sm9zw6k=?= <jose@example.pt>,\r\n \
             Team: a@example.com, b@example.com;\r\n\r\n",
        );
        assert_eq!(m.from[0].name.as_deref(), Some("Lee, Sharon"));
        assert_eq!(
            m.from[0].email.as_deref(),
            Some("Sharon.Lee@Initech.example")
        );
        assert!(m.to.is_empty());
        assert_eq!(
            emails(&m.cc),
            [
                "bob@example.org",
                "jose@example.pt",
                "a@example.com",
                "b@example.com"
            ]
        );
        assert_eq!(m.cc[0].name.as_deref(), Some("Bob Smith"));
        assert_eq!(m.cc[1].name.as_deref(), Some("José"));
        assert_eq!(m.recipient_count, 4);
    }

    #[test]
    fn bulk_signs() {
        for (header, bulk) in [
            ("List-Id: <x.example>", true),
            ("List-Unsubscribe: <mailto:u@x.example>", true),
            ("Precedence: bulk", true),
            ("Precedence: JUNK", true),
            ("Precedence: first-class", false),
            ("Auto-Submitted: auto-generated", true),
            ("Auto-Submitted: no", false),
            ("Auto-Submitted: No (a person wrote this)", false),
            ("X-Other: list", false),
        ] {
            let (m, _) = headers(&format!("From: a@b.example\r\n{header}\r\n\r\n"));
            assert_eq!(m.bulk, bulk, "{header}");
        }
    }

    #[test]
    fn headers_are_capped_and_bodies_never_kept() {
        let mut text = String::from("From x Thu Oct 01 10:00:00 2026\nSubject: big\n");
        while text.len() < MAX_HEADER_BYTES + 1000 {
            text.push_str("X-Filler: 0123456789012345678901234567890123456789\n");
        }
        text.push_str("\nbody\n\nFrom y Thu Oct 01 10:00:00 2026\nSubject: after\n\n");
        let (messages, bad) = read(text.as_bytes());
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[1].subject.as_deref(), Some("after"));
        assert!(bad[0].message.contains("headers longer than"));
    }

    #[test]
    fn maildir() {
        let messages: Vec<_> = read_maildir(&fixtures().join("maildir"))
            .expect("a maildir")
            .collect::<Result<_, _>>()
            .expect("all readable");
        let names: Vec<String> = messages
            .iter()
            .filter_map(|m| m.path.as_ref())
            .map(|p| {
                p.strip_prefix(fixtures().join("maildir"))
                    .unwrap_or(p)
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(
            names,
            [
                "cur/1790000000.M101P2001.laptop,S=512:2,S",
                "new/1790000100.M102P2002.laptop",
                ".Sent/cur/1790000300.M104P2004.laptop:2,S",
            ]
        );
        assert_eq!(messages[0].line, 1);
        assert_eq!(messages[0].subject.as_deref(), Some("Lunch on Thursday?"));
        assert_eq!(messages[1].from[0].name.as_deref(), Some("Raman, Priya"));
        assert_eq!(messages[1].date, Some(d("2026-10-13")));
        assert!(messages[1].bulk);
        assert_eq!(emails(&messages[2].to), ["dana@fbi.example"]);
        assert!(read_maildir(&fixtures()).is_err(), "not a Maildir");
    }

    #[test]
    fn raw_8_bit_headers_are_utf_8_or_else_windows_1252() {
        let (m, _) = parse_headers(
            b"From: Ren\xe9e Dupr\xe9 <renee@example.fr>\r\nTo: me@example.com\r\nSubject: Gr\xfc\xdfe, Gr\xc3\xbc\xc3\x9fe\r\nDate: Tue, 03 Nov 2026 08:00:00 +0100\r\n\r\n",
            1,
            None,
        );
        assert_eq!(m.from[0].name.as_deref(), Some("Renée Dupré"));
        // A line is read one way: this one is not UTF-8 as a whole.
        assert_eq!(m.subject.as_deref(), Some("Grüße, GrÃ¼ÃŸe"));
        let (m, _) = headers("Subject: Grüße aus Köln\r\n\r\n");
        assert_eq!(m.subject.as_deref(), Some("Grüße aus Köln"));
    }

    #[test]
    fn bcc_of_a_sent_copy_counts_as_a_recipient() {
        let (m, problems) = headers(
            "From: Robin Quill <robin@quill.example>\r\nTo: undisclosed-recipients:;\r\nBcc: chloe@fabrikam.example,\r\n =?utf-8?q?Ben_Okoro?= <ben.okoro@example.org>\r\nDate: 4 Nov 2026 09:00:00 +0100 (CET)\r\nSubject: x\r\n\r\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert!(emails(&m.to).is_empty());
        assert_eq!(
            emails(&m.cc),
            ["chloe@fabrikam.example", "ben.okoro@example.org"]
        );
        assert_eq!(m.recipient_count, 2);
        assert_eq!(m.date, Some(d("2026-11-04")));
    }

    #[test]
    fn an_apple_mail_export_folder_is_its_mbox_files() {
        // Mailbox → Export Mailbox: `Inbox.mbox/mbox` and `Info.plist`, a mailbox inside
        // another in its own `*.mbox` folder.
        let export = fixtures().join("apple-mail-export");
        for folder in [export.clone(), export.join("Inbox.mbox")] {
            let messages: Vec<Message> = read_maildir(&folder)
                .expect("an Apple Mail export")
                .collect::<Result<_, _>>()
                .expect("all readable");
            let places: Vec<(String, u64)> = messages
                .iter()
                .map(|m| {
                    let path = m.path.as_deref().unwrap_or(Path::new(""));
                    let path = path.strip_prefix(&export).unwrap_or(path);
                    (path.display().to_string(), m.line)
                })
                .collect();
            assert_eq!(
                places,
                [
                    ("Inbox.mbox/mbox".to_owned(), 1),
                    ("Inbox.mbox/mbox".to_owned(), 23),
                    ("Inbox.mbox/Clients.mbox/mbox".to_owned(), 1),
                ]
            );
            assert_eq!(messages[0].subject.as_deref(), Some("Re: Café next week?"));
            assert_eq!(messages[0].date, Some(d("2026-11-07")));
            assert!(messages[1].bulk, "a bounce is auto-submitted");
            assert_eq!(messages[2].from[0].name.as_deref(), Some("Chloé Martin"));
        }
        let err = read_maildir(&export.join("Inbox.mbox/Clients.mbox/mbox"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("nor a mailbox exported by Apple Mail"),
            "{err}"
        );
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
            let _ = read_mbox(bytes.as_slice()).count();
            let _ = parse_headers(&bytes, 1, None);
        }

        #[test]
        fn arbitrary_mboxes_never_panic(
            lines in proptest::collection::vec(
                prop_oneof![
                    Just(String::new()),
                    Just("From x Thu Oct 01 10:00:00 2026".to_string()),
                    Just(">From quoted".to_string()),
                    "(From|To|Cc|Date|Subject|List-Id|Precedence): [ -~]{0,30}",
                    "[ \t][ -~]{0,20}",
                    "=\\?(UTF-8|ISO-8859-1)\\?[BQbq]\\?[ -~]{0,12}\\?=",
                ],
                0..40,
            ),
            crlf in any::<bool>(),
        ) {
            let text = lines.join(if crlf { "\r\n" } else { "\n" });
            let items: Vec<_> = read_mbox(text.as_bytes()).collect();
            let separators = text
                .split('\n')
                .enumerate()
                .filter(|(i, l)| {
                    l.starts_with("From ")
                        && (*i == 0 || text.split('\n').nth(i - 1).is_some_and(|p| p.trim_end_matches('\r').is_empty()))
                })
                .count();
            let messages = items.iter().filter(|i| i.is_ok()).count();
            // Every separator starts a message unless it sits inside an overlong header
            // block, which these inputs never make.
            prop_assert!(messages <= separators.max(1));
        }
    }
}
