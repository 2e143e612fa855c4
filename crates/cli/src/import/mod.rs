//! Imports: people and history in from the files other tools export (contacts,
//! calendars, mail), offline, into plain notes.
//!
//! - The parsers (`vcard`, `csv`, …) read a file record by record into plain data
//!   ([`contact::Contact`]), reporting what they cannot read with its place.
//! - [`people`] says whom in the vault a record is; [`contacts`] decides what it brings;
//!   [`plan`] holds every decision and writes them through the one write path.

/// The bytes of a contacts export fixture (`tests/fixtures/import/contacts/NAME`), for the
/// parsers' tests (defined before the modules that use it).
#[cfg(test)]
macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/import/contacts/",
            $name
        ))
        .as_slice()
    };
}

pub mod calendar;
pub mod contact;
pub mod contacts;
pub mod csv;
pub mod history;
pub mod mail;
pub mod people;
pub mod plan;
pub mod progress;
pub mod vcard;

use std::fmt;
use std::io::Read;
use std::path::PathBuf;

/// A record, a line or a value of an export that could not be read, at its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRecord {
    /// The file, for an input of many files (a Maildir); else the caller's.
    pub path: Option<PathBuf>,
    /// 1-based line.
    pub line: u64,
    /// 1-based column, in characters.
    pub column: u32,
    /// What is wrong, and what was expected.
    pub message: String,
    /// Whether the file cannot be imported at all: it ends in the middle of a record (a
    /// truncated download) or cannot be read on. Nothing is then written.
    pub fatal: bool,
}

impl fmt::Display for BadRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}:", path.display())?;
        }
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for BadRecord {}

/// A file that cannot be imported at all: nothing is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadFile {
    /// The file, as given.
    pub file: String,
    /// Where it goes wrong (0: the file as a whole).
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for BadFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

/// How much of a file is looked at to tell text from binary.
const SNIFF_BYTES: usize = 8192;

/// Refuses a file whose first bytes hold a NUL: an image, an archive, a database, not an
/// export (every format imported is text; UTF-16 files start with their byte-order mark).
pub fn check_not_binary(reader: &mut impl Read, name: &str) -> Result<(), BadFile> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    reader
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|e| BadFile {
            file: name.to_owned(),
            line: 0,
            message: format!("cannot read: {e}"),
        })?;
    let utf16 = head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]);
    match head.iter().position(|&b| b == 0) {
        Some(at) if !utf16 => Err(BadFile {
            file: name.to_owned(),
            line: line_of(&head, at),
            message: "a binary file (a NUL byte), not an export".to_owned(),
        }),
        _ => Ok(()),
    }
}

fn line_of(bytes: &[u8], at: usize) -> u64 {
    let newlines = bytes
        .get(..at)
        .map_or(0, |b| memchr::memchr_iter(b'\n', b).count());
    u64::try_from(newlines + 1).unwrap_or(u64::MAX)
}
