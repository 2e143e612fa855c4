//! Contacts exported as CSV: LinkedIn's `Connections.csv`, Google Contacts (the layout
//! before 2023 and the current one) and Outlook, the kind told by the header.
//!
//! Read with the `csv` crate, row by row, with the separator the header uses (`,`, or the
//! `;` of Excel in regions with a decimal comma, or a tab). Fields are decoded one by one:
//! UTF-8 when they are (LinkedIn, Google), else windows-1252 (Outlook on Windows writes the
//! ANSI code page).
//! A row longer than [`MAX_ROW_BYTES`] (an unclosed quote swallowing the file) ends the
//! reading with a report instead of filling memory.

use std::fmt;
use std::io::{self, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicU64, AtomicUsize, Ordering};

use chrono::NaiveDate;

use super::contact::{
    BadRecord, Contact, ImportedBirthday, decode_text, non_empty, parse_birthday, without_bom,
};

/// Bytes one row may take; a longer one is a broken file, not a contact.
pub const MAX_ROW_BYTES: usize = 1024 * 1024;

/// Rows before the header that are skipped: LinkedIn's `Notes:` preamble is three.
const PREAMBLE_ROWS: usize = 10;

/// How much of the file's start is looked at for the header's separator.
const SNIFF_BYTES: usize = 64 * 1024;

/// The separators a header may use: `,`, and `;` (Excel saves "CSV" with the list
/// separator of the region, `;` where the decimal mark is a comma), and tabs.
const SEPARATORS: [u8; 3] = [b',', b';', b'\t'];

/// Which service wrote the file, as its header tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvKind {
    /// LinkedIn's `Connections.csv`: a `Notes:` preamble, then
    /// `First Name,Last Name,URL,Email Address,Company,Position,Connected On`.
    LinkedIn,
    /// Google Contacts before 2023: `Name,Given Name,Additional Name,Family Name,…,
    /// Group Membership,E-mail 1 - Type,E-mail 1 - Value,…`.
    GoogleLegacy,
    /// Google Contacts since 2023: `First Name,Middle Name,Last Name,…,Labels,
    /// E-mail 1 - Label,E-mail 1 - Value,…`.
    Google,
    /// Outlook (desktop and outlook.com): `First Name,Middle Name,Last Name,…,
    /// E-mail Address,…,Mobile Phone,Business Phone,Company,Job Title,…`.
    Outlook,
}

impl fmt::Display for CsvKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CsvKind::LinkedIn => "LinkedIn connections",
            CsvKind::GoogleLegacy => "Google Contacts (before 2023)",
            CsvKind::Google => "Google Contacts",
            CsvKind::Outlook => "Outlook contacts",
        })
    }
}

/// The headers this reads, for the message when a file has none of them.
const EXPECTED_HEADERS: &str = "LinkedIn's `First Name,Last Name,URL,Email Address,Company,Position,Connected On`, \
     Google's `First Name,Middle Name,Last Name,…,E-mail 1 - Value,…` \
     (or `Name,Given Name,…,Family Name,…,E-mail 1 - Value,…`), \
     or Outlook's `First Name,Middle Name,Last Name,…,E-mail Address,…`";

/// Reads contacts from a contacts CSV, row by row: `Ok` for each row that names someone
/// (an empty row, as LinkedIn writes for hidden connections, is left out), `Err` for each
/// row that cannot be read, in file order. Never panics, whatever the bytes.
#[derive(Debug)]
pub struct ContactsCsvReader<R: Read> {
    kind: CsvKind,
    columns: Columns,
    header_len: usize,
    rows: ::csv::Reader<Capped<Sniffed<R>>>,
    row: ::csv::ByteRecord,
    read: Arc<ReadSoFar>,
    done: bool,
}

/// Every contact and bad row of a contacts CSV held in memory, and the kind of file.
pub fn parse_contacts_csv(
    bytes: &[u8],
) -> Result<(CsvKind, Vec<Result<Contact, BadRecord>>), BadRecord> {
    let reader = ContactsCsvReader::new(bytes)?;
    let kind = reader.kind();
    Ok((kind, reader.collect()))
}

impl<R: Read> ContactsCsvReader<R> {
    /// Reads up to the header and tells the kind of file from it. `Err` when the file
    /// has no header this reads: the message names the columns expected.
    pub fn new(reader: R) -> Result<Self, BadRecord> {
        let read = Arc::new(ReadSoFar::default());
        let mut decoded = without_bom(reader);
        let start = read_start(&mut decoded).map_err(|err| BadRecord {
            path: None,
            fatal: true,
            line: 1,
            column: 1,
            message: format!("the file cannot be read: {err}"),
        })?;
        let separator = separator_of(&start);
        let capped = Capped {
            inner: io::Cursor::new(start).chain(decoded),
            read: Arc::clone(&read),
        };
        let mut rows = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(separator)
            // `\n` alone ends a row, so that every row ends the same way and its first
            // line can be counted back from its end (`\r` is trimmed off the last field).
            .terminator(::csv::Terminator::Any(b'\n'))
            .from_reader(capped);
        let mut row = ::csv::ByteRecord::new();
        for _ in 0..PREAMBLE_ROWS {
            read.since_row.store(0, Ordering::Relaxed);
            let line = next_row_line(&rows);
            match rows.read_byte_record(&mut row) {
                Ok(true) => {}
                Ok(false) => break,
                Err(err) => return Err(read_error(line, &err)),
            }
            let line = first_line_of(&row, &rows, &read);
            let header: Vec<String> = row
                .iter()
                .map(|field| decode_text(field, None).trim().to_owned())
                .collect();
            let named = header.iter().filter(|h| !h.is_empty()).count();
            if named <= 1 {
                // LinkedIn's preamble: `Notes:`, then one quoted paragraph.
                continue;
            }
            return match detect(&header) {
                Some(kind) => Ok(ContactsCsvReader {
                    kind,
                    columns: Columns::of(kind, &header),
                    header_len: header.len(),
                    rows,
                    row,
                    read,
                    done: false,
                }),
                None => Err(BadRecord {
                    path: None,
                    fatal: false,
                    line: line.into(),
                    column: 1,
                    message: format!(
                        "not a contacts export this reads: the header is `{}`; expected {EXPECTED_HEADERS}",
                        shorten(&header.join(","), 160)
                    ),
                }),
            };
        }
        Err(BadRecord {
            path: None,
            fatal: false,
            line: 1,
            column: 1,
            message: format!("no header found in the first lines; expected {EXPECTED_HEADERS}"),
        })
    }

    /// The kind of file, as its header told.
    pub fn kind(&self) -> CsvKind {
        self.kind
    }
}

impl<R: Read> Iterator for ContactsCsvReader<R> {
    type Item = Result<Contact, BadRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.read.since_row.store(0, Ordering::Relaxed);
            let line = next_row_line(&self.rows);
            match self.rows.read_byte_record(&mut self.row) {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Err(err) => {
                    // The csv reader cannot go on after an I/O error (ours included: a row
                    // too long), so this is the last report.
                    self.done = true;
                    return Some(Err(read_error(line, &err)));
                }
            }
            let line = first_line_of(&self.row, &self.rows, &self.read);
            if let Some(bad) = self.misshapen(line) {
                return Some(Err(bad));
            }
            let contact = self.columns.contact(self.kind, &self.row, line);
            if !contact.is_empty() {
                return Some(Ok(contact));
            }
        }
        None
    }
}

impl<R: Read> ContactsCsvReader<R> {
    /// A row whose fields do not line up with the header: its values would land in the
    /// wrong columns (an unquoted comma, a cut-off last row), so it is not imported.
    fn misshapen(&self, line: u32) -> Option<BadRecord> {
        let len = self.row.len();
        let extra_empty = self
            .row
            .iter()
            .skip(self.header_len)
            .all(|field| field.trim_ascii().is_empty());
        let blank = self.row.iter().all(|field| field.trim_ascii().is_empty());
        if len == self.header_len || (len > self.header_len && extra_empty) || blank {
            return None;
        }
        Some(BadRecord {
            path: None,
            fatal: false,
            line: line.into(),
            column: 1,
            message: format!(
                "this row has {len} fields where the header has {}: left out (an unquoted comma, or a file cut short?)",
                self.header_len
            ),
        })
    }
}

fn position_line(position: &::csv::Position) -> u32 {
    u32::try_from(position.line()).unwrap_or(u32::MAX)
}

/// The line a row just read starts on. The csv reader's own start position can stand
/// before blank lines skipped, so the line is counted back from the row's end: less the
/// line breaks inside its quoted fields, less its own ending `\n` (which only the file's
/// last row may lack).
fn first_line_of<R: Read>(
    row: &::csv::ByteRecord,
    rows: &::csv::Reader<R>,
    read: &ReadSoFar,
) -> u32 {
    let end = rows.position();
    let inside: u64 = row
        .iter()
        .map(|field| field.iter().filter(|&&b| b == b'\n').count() as u64)
        .sum();
    let ended_by_newline = end.byte() < read.total.load(Ordering::Relaxed)
        || read.last.load(Ordering::Relaxed) == b'\n';
    let line = end
        .line()
        .saturating_sub(inside)
        .saturating_sub(u64::from(ended_by_newline));
    u32::try_from(line).unwrap_or(u32::MAX).max(1)
}

/// The line the next row starts on, as far as the reader has read.
fn next_row_line<R: Read>(rows: &::csv::Reader<R>) -> u32 {
    position_line(rows.position()).max(1)
}

fn read_error(line: u32, err: &::csv::Error) -> BadRecord {
    let message = match err.kind() {
        ::csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::InvalidData => io.to_string(),
        ::csv::ErrorKind::Io(io) => format!("the file cannot be read any further: {io}"),
        _ => format!("the file cannot be read any further: {err}"),
    };
    // Reading stops here: whatever the file holds after this point is not read.
    BadRecord {
        path: None,
        fatal: true,
        line: line.into(),
        column: 1,
        message,
    }
}

fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(chars).collect();
    short.push('…');
    short
}

/// The reader a CSV is parsed from: the start already read for the separator, then the
/// rest of the file.
type Sniffed<R> = io::Chain<io::Cursor<Vec<u8>>, encoding_rs_io::DecodeReaderBytes<R, Vec<u8>>>;

/// The file's first lines (the preamble and the header), at most [`SNIFF_BYTES`].
fn read_start(reader: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut start = Vec::new();
    let mut chunk = [0u8; 4096];
    while start.len() < SNIFF_BYTES && memchr::memchr_iter(b'\n', &start).count() <= PREAMBLE_ROWS {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        start.extend_from_slice(chunk.get(..n).unwrap_or_default());
    }
    Ok(start)
}

/// The separator of the first line that reads as a known header with it; `,` when none
/// does (the header's own message then says what was expected).
fn separator_of(start: &[u8]) -> u8 {
    let header_with = |line: &[u8], separator: u8| {
        let names: Vec<String> = line
            .split(|&b| b == separator)
            .map(|name| decode_text(name, None).trim().trim_matches('"').to_owned())
            .collect();
        names.len() > 1 && detect(&names).is_some()
    };
    start
        .split(|&b| b == b'\n')
        .take(PREAMBLE_ROWS)
        .find_map(|line| {
            SEPARATORS
                .into_iter()
                .find(|&separator| header_with(line, separator))
        })
        .unwrap_or(b',')
}

/// The kind of file from its header, by the columns only that service writes.
fn detect(header: &[String]) -> Option<CsvKind> {
    let has = |name: &str| header.iter().any(|h| h.eq_ignore_ascii_case(name));
    let numbered = |prefix: &str, suffix: &str| {
        header
            .iter()
            .any(|h| numbered_column(h, prefix, suffix).is_some())
    };
    let google_values = numbered("E-mail ", " - Value") || numbered("Phone ", " - Value");
    if has("First Name") && has("Last Name") && has("Connected On") {
        Some(CsvKind::LinkedIn)
    } else if has("Given Name") && has("Family Name") && (google_values || has("Group Membership"))
    {
        Some(CsvKind::GoogleLegacy)
    } else if has("First Name") && has("Last Name") && (google_values || has("Labels")) {
        Some(CsvKind::Google)
    } else if has("First Name")
        && has("Last Name")
        && (has("E-mail Address")
            || has("Mobile Phone")
            || has("Business Phone")
            || has("Job Title"))
    {
        Some(CsvKind::Outlook)
    } else {
        None
    }
}

/// `E-mail 2 - Value` is column 2 of `E-mail ` … ` - Value`.
fn numbered_column(header: &str, prefix: &str, suffix: &str) -> Option<u32> {
    let head = header.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(prefix) {
        return None;
    }
    let rest = header.get(prefix.len()..)?;
    let tail_at = rest.len().checked_sub(suffix.len())?;
    let (number, tail) = (rest.get(..tail_at)?, rest.get(tail_at..)?);
    if !tail.eq_ignore_ascii_case(suffix)
        || number.is_empty()
        || !number.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    number.parse().ok()
}

/// Where each field of a [`Contact`] is in the rows of one kind of file.
#[derive(Debug, Default)]
struct Columns {
    name: Option<usize>,
    given: Option<usize>,
    middle: Option<usize>,
    family: Option<usize>,
    nickname: Option<usize>,
    birthday: Option<usize>,
    company: Option<usize>,
    role: Option<usize>,
    note: Option<usize>,
    connected_on: Option<usize>,
    emails: Vec<usize>,
    phones: Vec<usize>,
    urls: Vec<usize>,
    categories: Vec<usize>,
    cities: Vec<usize>,
}

/// Outlook's phone columns of the person (not the assistant's, no fax or pager), the
/// mobile first: a note keeps the first as its `phone`.
const OUTLOOK_PHONES: &[&str] = &[
    "Mobile Phone",
    "Primary Phone",
    "Business Phone",
    "Business Phone 2",
    "Home Phone",
    "Home Phone 2",
    "Company Main Phone",
    "Other Phone",
    "Car Phone",
];

impl Columns {
    fn of(kind: CsvKind, header: &[String]) -> Self {
        let one = |names: &[&str]| {
            names
                .iter()
                .find_map(|name| header.iter().position(|h| h.eq_ignore_ascii_case(name)))
        };
        let all = |names: &[&str]| -> Vec<usize> {
            names
                .iter()
                .filter_map(|name| header.iter().position(|h| h.eq_ignore_ascii_case(name)))
                .collect()
        };
        let numbered = |prefix: &str, suffix: &str| -> Vec<usize> {
            let mut found: Vec<(u32, usize)> = header
                .iter()
                .enumerate()
                .filter_map(|(i, h)| numbered_column(h, prefix, suffix).map(|n| (n, i)))
                .collect();
            found.sort_unstable();
            found.into_iter().map(|(_, i)| i).collect()
        };
        match kind {
            CsvKind::LinkedIn => Columns {
                given: one(&["First Name"]),
                family: one(&["Last Name"]),
                emails: all(&["Email Address"]),
                company: one(&["Company"]),
                role: one(&["Position"]),
                urls: all(&["URL"]),
                connected_on: one(&["Connected On"]),
                ..Columns::default()
            },
            CsvKind::GoogleLegacy | CsvKind::Google => Columns {
                name: one(&["Name"]),
                given: one(&["First Name", "Given Name"]),
                middle: one(&["Middle Name", "Additional Name"]),
                family: one(&["Last Name", "Family Name"]),
                nickname: one(&["Nickname"]),
                birthday: one(&["Birthday"]),
                company: one(&["Organization Name", "Organization 1 - Name"]),
                role: one(&["Organization Title", "Organization 1 - Title"]),
                note: one(&["Notes"]),
                emails: numbered("E-mail ", " - Value"),
                phones: numbered("Phone ", " - Value"),
                urls: numbered("Website ", " - Value"),
                categories: all(&["Labels", "Group Membership"]),
                cities: numbered("Address ", " - City"),
                connected_on: None,
            },
            CsvKind::Outlook => Columns {
                given: one(&["First Name"]),
                middle: one(&["Middle Name"]),
                family: one(&["Last Name"]),
                nickname: one(&["Nickname"]),
                birthday: one(&["Birthday"]),
                company: one(&["Company"]),
                role: one(&["Job Title"]),
                note: one(&["Notes"]),
                emails: all(&["E-mail Address", "E-mail 2 Address", "E-mail 3 Address"]),
                phones: all(OUTLOOK_PHONES),
                urls: all(&["Web Page", "Personal Web Page", "Business Web Page"]),
                categories: all(&["Categories"]),
                cities: all(&["Home City", "Business City", "Other City"]),
                ..Columns::default()
            },
        }
    }

    fn contact(&self, kind: CsvKind, row: &::csv::ByteRecord, line: u32) -> Contact {
        let field = |at: Option<usize>| -> String {
            at.and_then(|i| row.get(i))
                .map(|bytes| decode_text(bytes, None))
                .unwrap_or_default()
        };
        let text = |at: Option<usize>| non_empty(&field(at));
        let mut contact = Contact::at_line(line);
        contact.name = text(self.name);
        contact.given_name = text(self.given);
        contact.family_name = text(self.family);
        let middle = text(self.middle);
        contact.fill_name_from_parts(middle.as_deref());
        for nickname in google_values(&field(self.nickname)) {
            contact.add_nickname(nickname);
        }
        for &at in &self.emails {
            for email in google_values(&field(Some(at))) {
                // Outlook writes an Exchange address (`/o=ExchangeLabs/…`) where a
                // colleague has no internet one.
                if email.contains('@') {
                    contact.add_email(email);
                }
            }
        }
        for &at in &self.phones {
            for phone in google_values(&field(Some(at))) {
                contact.add_phone(phone);
            }
        }
        for &at in &self.urls {
            for url in google_values(&field(Some(at))) {
                contact.add_url(url);
            }
        }
        contact.company = text(self.company);
        contact.role = text(self.role);
        if let Some(note) = text(self.note) {
            contact.add_note(&note.replace("\r\n", "\n"));
        }
        for &at in &self.categories {
            let categories = field(Some(at));
            let separated: Vec<&str> = if kind == CsvKind::Outlook {
                categories.split(';').collect()
            } else {
                google_values(&categories).collect()
            };
            for category in separated {
                contact.add_category(category);
            }
        }
        contact.location = self
            .cities
            .iter()
            .find_map(|&at| google_values(&field(Some(at))).next().and_then(non_empty));
        if let Some(birthday) = text(self.birthday) {
            let parsed = match kind {
                CsvKind::Outlook => parse_outlook_date(&birthday),
                _ => parse_birthday(&birthday).map(Some),
            };
            match parsed {
                Some(birthday) => contact.birthday = birthday,
                None => contact.warnings.push(BadRecord {
                    path: None,
                    fatal: false,
                    line: line.into(),
                    column: 1,
                    message: format!(
                        "Birthday `{birthday}` is not a date (expected {}): left out",
                        if kind == CsvKind::Outlook {
                            "12/2/1990"
                        } else {
                            "1990-12-02 or --12-02"
                        }
                    ),
                }),
            }
        }
        if let Some(connected) = text(self.connected_on) {
            match parse_connected_on(&connected) {
                Some(date) => contact.connected_on = Some(date),
                None => contact.warnings.push(BadRecord {
                    path: None,
                    fatal: false,
                    line: line.into(),
                    column: 1,
                    message: format!(
                        "Connected On `{connected}` is not a date (expected 02 Oct 2026): left out"
                    ),
                }),
            }
        }
        contact
    }
}

/// Google puts several values in one field, ` ::: ` apart (`a@x.com ::: b@y.com`).
fn google_values(field: &str) -> impl Iterator<Item = &str> {
    field.split(":::").map(str::trim).filter(|v| !v.is_empty())
}

/// Outlook's `Birthday`: `12/2/1990` (month first, as Outlook writes in the US; a first
/// number over 12 is read as the day), ISO `1990-12-02` too. `Some(None)` for Outlook's
/// "no birthday", `0/0/00`; `None` when the text is no date.
fn parse_outlook_date(text: &str) -> Option<Option<ImportedBirthday>> {
    if let Some(birthday) = parse_birthday(text) {
        return Some(Some(birthday));
    }
    let mut parts = text.trim().split('/');
    let (first, second, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let number = |part: &str| -> Option<u32> {
        let part = part.trim();
        (!part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (first, second, year_number) = (number(first)?, number(second)?, number(year)?);
    if first == 0 && second == 0 {
        return Some(None);
    }
    let (month, day) = if first > 12 {
        (second, first)
    } else {
        (first, second)
    };
    let year = match year.trim().len() {
        4 => Some(i32::try_from(year_number).ok()?),
        // Outlook's two-digit years: 00-29 this century, the rest the last.
        1 | 2 if year_number < 30 => Some(2000 + i32::try_from(year_number).ok()?),
        1 | 2 => Some(1900 + i32::try_from(year_number).ok()?),
        _ => return None,
    };
    ImportedBirthday::new(year, month, day).map(Some)
}

/// LinkedIn's `Connected On`: `02 Oct 2026` (also `2 Oct 2026`, and ISO dates).
fn parse_connected_on(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    ["%d %b %Y", "%Y-%m-%d", "%d-%b-%y", "%m/%d/%Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
}

/// What the csv reader has been given so far.
#[derive(Debug, Default)]
struct ReadSoFar {
    /// Bytes since the row being read began (reset before each row).
    since_row: AtomicUsize,
    /// Bytes in all.
    total: AtomicU64,
    /// The last byte given.
    last: AtomicU8,
}

/// A reader that refuses to give more than [`MAX_ROW_BYTES`] since the row began, and
/// keeps count of what it gave.
#[derive(Debug)]
struct Capped<R> {
    inner: R,
    read: Arc<ReadSoFar>,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let so_far = self.read.since_row.load(Ordering::Relaxed);
        if so_far > MAX_ROW_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "a row longer than {} KiB: left out with the rest of the file (a quote `\"` that never closes?)",
                    MAX_ROW_BYTES / 1024
                ),
            ));
        }
        let read = self.inner.read(buf)?;
        self.read
            .since_row
            .store(so_far.saturating_add(read), Ordering::Relaxed);
        self.read.total.fetch_add(read as u64, Ordering::Relaxed);
        if let Some(&last) = buf[..read.min(buf.len())].last() {
            self.read.last.store(last, Ordering::Relaxed);
        }
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (CsvKind, Vec<Result<Contact, BadRecord>>) {
        parse_contacts_csv(text.as_bytes()).unwrap_or_else(|bad| panic!("{bad}"))
    }

    fn contacts(text: &str) -> (CsvKind, Vec<Contact>) {
        let (kind, items) = parse(text);
        let all = items
            .into_iter()
            .map(|item| item.unwrap_or_else(|bad| panic!("unexpected bad row {bad}")))
            .collect();
        (kind, all)
    }

    const LINKEDIN: &str = "Notes:\r\n\
        \"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\r\n\
        \r\n\
        First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n\
        Sharon,Lee,https://www.linkedin.com/in/sharonlee,sharon@example.com,\"Initech, Inc.\",Staff Engineer,02 Oct 2026\r\n\
        ,,,,,,\r\n\
        Dana,Okafor,https://www.linkedin.com/in/dana-okafor-1a2b3c,,Globex,\"Head of SRE, EMEA\",7 Jan 2019\r\n";

    #[test]
    fn linkedin_with_its_preamble() {
        let (kind, all) = contacts(LINKEDIN);
        assert_eq!(kind, CsvKind::LinkedIn);
        assert_eq!(all.len(), 2, "{all:#?}");
        let sharon = &all[0];
        assert_eq!(sharon.line, 5);
        assert_eq!(sharon.name.as_deref(), Some("Sharon Lee"));
        assert_eq!(
            sharon.linkedin.as_deref(),
            Some("https://www.linkedin.com/in/sharonlee")
        );
        assert_eq!(sharon.emails, ["sharon@example.com"]);
        assert_eq!(sharon.company.as_deref(), Some("Initech, Inc."));
        assert_eq!(sharon.role.as_deref(), Some("Staff Engineer"));
        assert_eq!(sharon.connected_on, NaiveDate::from_ymd_opt(2026, 10, 2));
        let dana = &all[1];
        assert_eq!(dana.line, 7);
        assert!(dana.emails.is_empty());
        assert_eq!(dana.role.as_deref(), Some("Head of SRE, EMEA"));
        assert_eq!(dana.connected_on, NaiveDate::from_ymd_opt(2019, 1, 7));
    }

    #[test]
    fn a_bom_changes_nothing() {
        let (kind, all) = contacts(&format!("\u{feff}{LINKEDIN}"));
        assert_eq!(kind, CsvKind::LinkedIn);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].line, 5);
    }

    #[test]
    fn a_bad_connected_on_is_a_warning() {
        let text = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,yesterday\n";
        let (_, all) = contacts(text);
        assert_eq!(all[0].connected_on, None);
        assert_eq!(all[0].warnings.len(), 1);
        assert!(all[0].warnings[0].message.contains("yesterday"));
    }

    const GOOGLE_LEGACY: &str = "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Address 1 - Type,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,Organization 1 - Type,Organization 1 - Name,Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department,Organization 1 - Symbol,Organization 1 - Location,Organization 1 - Job Description,Website 1 - Type,Website 1 - Value\n";

    #[test]
    fn google_before_2023() {
        let row = "Sharon Lee,Sharon,,Lee,,,,,,,,Shaz,,,--12-02,,,,,,,,,,,\"Met at KubeCon\nlikes sourdough\",,,* myContacts ::: Friends ::: * starred,* Home,sharon@example.com ::: SHARON@example.com,* Work,sharon.lee@initech.example,Mobile,+1 555-0100 ::: +1 555-0101,Home,,,Springfield,,,,,,,Initech,,Staff Engineer,,,,,Profile,https://www.linkedin.com/in/sharonlee\n";
        let (kind, all) = contacts(&format!("{GOOGLE_LEGACY}{row}"));
        assert_eq!(kind, CsvKind::GoogleLegacy);
        let c = &all[0];
        assert_eq!(c.line, 2);
        assert_eq!(c.name.as_deref(), Some("Sharon Lee"));
        assert_eq!(c.nicknames, ["Shaz"]);
        assert_eq!(c.birthday, ImportedBirthday::new(None, 12, 2));
        assert_eq!(c.note.as_deref(), Some("Met at KubeCon\nlikes sourdough"));
        assert_eq!(c.categories, ["Friends"]);
        assert_eq!(
            c.emails,
            ["sharon@example.com", "sharon.lee@initech.example"]
        );
        assert_eq!(c.phones, ["+1 555-0100", "+1 555-0101"]);
        assert_eq!(c.location.as_deref(), Some("Springfield"));
        assert_eq!(c.company.as_deref(), Some("Initech"));
        assert_eq!(c.role.as_deref(), Some("Staff Engineer"));
        assert_eq!(
            c.linkedin.as_deref(),
            Some("https://www.linkedin.com/in/sharonlee")
        );
    }

    #[test]
    fn google_since_2023() {
        let header = "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Website 1 - Label,Website 1 - Value\n";
        let row = "Ada,King,Lovelace,,,,,,,,Analytical Engines,Mathematician,,1815-12-10,,,* myContacts ::: Work,* Work,ada@example.com,Mobile,+44 20 7946 0000,Blog,https://ada.example\n";
        let (kind, all) = contacts(&format!("{header}{row}"));
        assert_eq!(kind, CsvKind::Google);
        let c = &all[0];
        assert_eq!(c.name.as_deref(), Some("Ada King Lovelace"));
        assert_eq!(c.given_name.as_deref(), Some("Ada"));
        assert_eq!(c.family_name.as_deref(), Some("Lovelace"));
        assert_eq!(c.company.as_deref(), Some("Analytical Engines"));
        assert_eq!(c.role.as_deref(), Some("Mathematician"));
        assert_eq!(c.birthday, ImportedBirthday::new(Some(1815), 12, 10));
        assert_eq!(c.categories, ["Work"]);
        assert_eq!(c.urls, ["https://ada.example"]);
    }

    const OUTLOOK: &str = "First Name,Middle Name,Last Name,Title,Suffix,Initials,Web Page,Gender,Birthday,Anniversary,Location,Language,Internet Free Busy,Notes,E-mail Address,E-mail 2 Address,E-mail 3 Address,Primary Phone,Home Phone,Home Phone 2,Mobile Phone,Pager,Home Fax,Home Address,Home Street,Home Street 2,Home Street 3,Home Address PO Box,Home City,Home State,Home Postal Code,Home Country,Spouse,Children,Manager's Name,Assistant's Name,Referred By,Company Main Phone,Business Phone,Business Phone 2,Business Fax,Assistant's Phone,Company,Job Title,Department,Office Location,Organizational ID Number,Profession,Account,Business Address,Business Street,Business Street 2,Business Street 3,Business Address PO Box,Business City,Business State,Business Postal Code,Business Country,Other Phone,Other Fax,Other Address,Other Street,Other Street 2,Other Street 3,Other Address PO Box,Other City,Other State,Other Postal Code,Other Country,Callback,Car Phone,ISDN,Radio Phone,TTY/TDD Phone,Telex,User 1,User 2,User 3,User 4,Keywords,Mileage,Hobby,Billing Information,Directory Server,Sensitivity,Priority,Private,Categories\r\n";

    fn outlook_row(fields: &[(usize, &str)]) -> String {
        let len = OUTLOOK.trim_end().split(',').count();
        let mut row = vec![String::new(); len];
        for &(at, value) in fields {
            row[at] = value.to_owned();
        }
        row.join(",") + "\r\n"
    }

    #[test]
    fn outlook() {
        let row = outlook_row(&[
            (0, "Dana"),
            (2, "Okafor"),
            (3, "Dr."),
            (8, "3/14/1985"),
            (14, "dana@globex.example"),
            (
                15,
                "/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=dana",
            ),
            (18, "+1 555 0102"),
            (20, "+1 555 0101"),
            (28, "Portland"),
            (38, "+1 555 0101"),
            (42, "Globex"),
            (43, "Head of SRE"),
            (54, "Springfield"),
            (87, "Work;Conference 2026"),
        ]);
        let (kind, all) = contacts(&format!("{OUTLOOK}{row}"));
        assert_eq!(kind, CsvKind::Outlook);
        let c = &all[0];
        assert_eq!(c.name.as_deref(), Some("Dana Okafor"));
        assert_eq!(c.birthday, ImportedBirthday::new(Some(1985), 3, 14));
        assert_eq!(c.emails, ["dana@globex.example"]);
        assert_eq!(c.phones, ["+1 555 0101", "+1 555 0102"]);
        assert_eq!(c.location.as_deref(), Some("Portland"));
        assert_eq!(c.company.as_deref(), Some("Globex"));
        assert_eq!(c.role.as_deref(), Some("Head of SRE"));
        assert_eq!(c.categories, ["Work", "Conference 2026"]);
    }

    #[test]
    fn outlook_windows_1252_and_no_birthday() {
        let mut bytes = OUTLOOK.as_bytes().to_vec();
        bytes.extend_from_slice(
            outlook_row(&[(0, "Ren\u{1}"), (2, "Dupr\u{2}"), (8, "0/0/00")]).as_bytes(),
        );
        for b in &mut bytes {
            if *b == 1 || *b == 2 {
                *b = 0xE9;
            }
        }
        let (_, items) = parse_contacts_csv(&bytes).unwrap_or_else(|bad| panic!("{bad}"));
        let c = items[0].as_ref().unwrap_or_else(|bad| panic!("{bad}"));
        assert_eq!(c.name.as_deref(), Some("Ren\u{e9} Dupr\u{e9}"));
        assert_eq!(c.birthday, None);
        assert!(c.warnings.is_empty());
    }

    #[test]
    fn a_header_saved_by_excel_with_semicolons_or_tabs_is_read() {
        // Excel in Germany, France, Spain… saves "CSV" with `;`, in the ANSI code page.
        let text = "First Name;Middle Name;Last Name;Organization Name;Birthday;Notes;Labels;E-mail 1 - Label;E-mail 1 - Value\r\n\
            Hans-J\u{fc}rgen;;M\u{fc}ller;\"B\u{e4}ckerei; M\u{fc}ller\";1970-01-31;\"Mag Kaffee,\r\nschwarz\";* myContacts;Work;hj@baeckerei.example\r\n\
            Ada;;Lovelace;;;;;;ada@example.com\r\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let (kind, items) = parse_contacts_csv(&bytes).unwrap_or_else(|bad| panic!("{bad}"));
        assert_eq!(kind, CsvKind::Google);
        let all: Vec<Contact> = items
            .into_iter()
            .map(|i| i.unwrap_or_else(|b| panic!("{b}")))
            .collect();
        assert_eq!(all.len(), 2, "{all:#?}");
        assert_eq!(all[0].name.as_deref(), Some("Hans-J\u{fc}rgen M\u{fc}ller"));
        assert_eq!(
            all[0].company.as_deref(),
            Some("B\u{e4}ckerei; M\u{fc}ller")
        );
        assert_eq!(all[0].emails, ["hj@baeckerei.example"]);
        assert_eq!(all[0].note.as_deref(), Some("Mag Kaffee,\nschwarz"));
        assert_eq!(
            (all[1].line, all[1].emails.as_slice()),
            (4, ["ada@example.com".to_owned()].as_slice())
        );
        let tabs = "First Name\tLast Name\tE-mail Address\tCompany\r\nTom\tBaker\ttom@contoso.example\tContoso, Ltd.\r\n";
        let (kind, all) = contacts(tabs);
        assert_eq!(kind, CsvKind::Outlook);
        assert_eq!(all[0].company.as_deref(), Some("Contoso, Ltd."));
        // A comma file whose values hold semicolons stays a comma file.
        let (_, all) = contacts(
            "First Name,Last Name,E-mail Address,Categories\nTom,Baker,tom@contoso.example,Clients;Paris\n",
        );
        assert_eq!(all[0].categories, ["Clients", "Paris"]);
    }

    #[test]
    fn outlook_dates() {
        let b = |y, m, d| Some(ImportedBirthday::new(y, m, d));
        assert_eq!(parse_outlook_date("12/2/1990"), b(Some(1990), 12, 2));
        assert_eq!(parse_outlook_date("25/12/1990"), b(Some(1990), 12, 25));
        assert_eq!(parse_outlook_date("1990-12-02"), b(Some(1990), 12, 2));
        assert_eq!(parse_outlook_date("12/2/90"), b(Some(1990), 12, 2));
        assert_eq!(parse_outlook_date("12/2/05"), b(Some(2005), 12, 2));
        assert_eq!(parse_outlook_date("0/0/00"), Some(None));
        assert_eq!(parse_outlook_date("13/13/1990"), None);
        assert_eq!(parse_outlook_date("2/30/1990"), None);
        assert_eq!(parse_outlook_date("1/2/3/4"), None);
        assert_eq!(parse_outlook_date("soon"), None);
    }

    #[test]
    fn connected_on_dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_connected_on("02 Oct 2026"), d(2026, 10, 2));
        assert_eq!(parse_connected_on("2 Oct 2026"), d(2026, 10, 2));
        assert_eq!(parse_connected_on("2026-10-02"), d(2026, 10, 2));
        assert_eq!(parse_connected_on("31 Feb 2026"), None);
    }

    #[test]
    fn an_unknown_header_names_the_columns_expected() {
        let err = parse_contacts_csv(b"id,full_name,mail\n1,Ada,ada@example.com\n").err();
        let err = err.unwrap_or_else(|| panic!("accepted"));
        assert_eq!((err.line, err.column), (1, 1));
        assert!(err.message.contains("id,full_name,mail"), "{err}");
        assert!(
            err.message.contains("Connected On") && err.message.contains("E-mail Address"),
            "{err}"
        );
        assert!(parse_contacts_csv(b"").is_err());
        assert!(parse_contacts_csv(b"Notes:\n\"x\"\n").is_err());
    }

    #[test]
    fn a_misshapen_row_is_reported_and_the_rest_go_on() {
        let text = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
            Sam,Ng,,sam@example.com,Acme, Inc.,CTO,01 Jan 2020\n\
            Lee,Wu,,lee@example.com,Acme,CTO,01 Jan 2020,,\n\
            Cut,Off,,cut@example.com\n";
        let (_, items) = parse(text);
        assert_eq!(items.len(), 3, "{items:#?}");
        assert!(matches!(&items[0], Err(bad) if bad.line == 2 && bad.message.contains("8 fields")));
        assert!(matches!(&items[1], Ok(c) if c.name.as_deref() == Some("Lee Wu")));
        assert!(matches!(&items[2], Err(bad) if bad.line == 4 && bad.message.contains("4 fields")));
    }

    #[test]
    fn quoted_fields_with_line_breaks_keep_the_line_count() {
        let text = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
            A,\"Two\nLines\",,,,,\n\
            B,C,,,,,\n";
        let (_, all) = contacts(text);
        assert_eq!(all.iter().map(|c| c.line).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(all[0].family_name.as_deref(), Some("Two\nLines"));
    }

    #[test]
    fn crlf_blank_lines_and_a_last_row_without_its_line_break() {
        let text = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n\
            A,\"Two\r\nLines\",,,,,\r\n\
            \r\n\
            \r\n\
            B,C,,,,,\"01 Jan 2020\"\r\n\
            D,E,,,,,01 Jan 2020";
        let (_, all) = contacts(text);
        assert_eq!(all.iter().map(|c| c.line).collect::<Vec<_>>(), [2, 6, 7]);
        assert_eq!(all[1].connected_on, NaiveDate::from_ymd_opt(2020, 1, 1));
        assert_eq!(all[2].connected_on, NaiveDate::from_ymd_opt(2020, 1, 1));
    }

    #[test]
    fn an_unclosed_quote_stops_with_a_report_not_a_full_memory() {
        let mut text = String::from(
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,\"open,,,,,\n",
        );
        let filler = "x,".repeat(64);
        while text.len() < MAX_ROW_BYTES * 2 {
            text.push_str(&filler);
            text.push('\n');
        }
        let (_, items) = parse(&text);
        assert_eq!(
            items.len(),
            1,
            "{:?}",
            items.iter().map(|i| i.as_ref().err()).collect::<Vec<_>>()
        );
        assert!(
            matches!(&items[0], Err(bad) if bad.message.contains("never closes")),
            "{items:?}"
        );
    }

    #[test]
    fn column_numbers_are_read_from_the_names() {
        assert_eq!(
            numbered_column("E-mail 12 - Value", "E-mail ", " - Value"),
            Some(12)
        );
        assert_eq!(
            numbered_column("e-mail 1 - value", "E-mail ", " - Value"),
            Some(1)
        );
        assert_eq!(
            numbered_column("E-mail  - Value", "E-mail ", " - Value"),
            None
        );
        assert_eq!(
            numbered_column("E-mail 1 - Type", "E-mail ", " - Value"),
            None
        );
        assert_eq!(numbered_column("E-mail", "E-mail ", " - Value"), None);
    }

    /// The fixtures: exports as the services write them (`tests/fixtures/import/contacts/`).
    mod fixtures {
        use super::*;

        fn read(bytes: &[u8]) -> (CsvKind, Vec<Contact>, Vec<BadRecord>) {
            let (kind, items) = parse_contacts_csv(bytes).unwrap_or_else(|bad| panic!("{bad}"));
            let (mut contacts, mut bad) = (Vec::new(), Vec::new());
            for item in items {
                match item {
                    Ok(contact) => contacts.push(contact),
                    Err(record) => bad.push(record),
                }
            }
            (kind, contacts, bad)
        }

        #[test]
        fn linkedin_connections() {
            let (kind, contacts, bad) = read(fixture!("Connections.csv"));
            assert_eq!(kind, CsvKind::LinkedIn);
            assert!(bad.is_empty(), "{bad:#?}");
            let lines: Vec<u32> = contacts.iter().map(|c| c.line).collect();
            assert_eq!(lines, [5, 6, 8, 9], "the empty row 7 is left out");
            assert_eq!(
                contacts[0].connected_on,
                NaiveDate::from_ymd_opt(2026, 10, 2)
            );
            assert_eq!(contacts[1].company.as_deref(), Some("Globex, Inc."));
            assert_eq!(contacts[2].name.as_deref(), Some("María José García"));
            assert_eq!(
                contacts[2].role.as_deref(),
                Some("Principal Scientist \"R&D\"")
            );
            assert_eq!(
                contacts[2].linkedin.as_deref(),
                Some("https://es.linkedin.com/in/mariajosegarcia")
            );
            // 31 June: the row is read, the date is reported.
            assert_eq!(contacts[3].connected_on, None);
            assert_eq!(contacts[3].warnings.len(), 1);
            assert_eq!(contacts[3].warnings[0].line, 9);
        }

        #[test]
        fn google_current_layout() {
            let (kind, contacts, bad) = read(fixture!("google.csv"));
            assert_eq!(kind, CsvKind::Google);
            assert!(bad.is_empty(), "{bad:#?}");
            assert_eq!(
                contacts.iter().map(|c| c.line).collect::<Vec<_>>(),
                [2, 6, 7]
            );
            let sharon = &contacts[0];
            assert_eq!(sharon.name.as_deref(), Some("Sharon Lee"));
            assert_eq!(
                sharon.emails,
                ["sharon@example.com", "Sharon.Lee@initech.example"]
            );
            assert_eq!(
                sharon.note.as_deref(),
                Some("Worked together at Acme 2019–2024.\nLikes sourdough, rye and spelt.")
            );
            assert_eq!(sharon.categories, ["Friends"]);
            assert_eq!(sharon.location.as_deref(), Some("Springfield"));
            assert_eq!(
                sharon.linkedin.as_deref(),
                Some("https://www.linkedin.com/in/sharonlee")
            );
            assert_eq!(sharon.birthday, ImportedBirthday::new(None, 12, 2));
            let dana = &contacts[1];
            assert_eq!(dana.phones, ["+44 7700 900123", "+44 20 7946 0958"]);
            assert_eq!(dana.categories, ["Conference 2026"]);
            assert!(dana.favorite && !sharon.favorite);
            let ada = &contacts[2];
            assert_eq!(ada.name.as_deref(), Some("Ada King Lovelace"));
            assert_eq!(ada.birthday, None);
            assert!(
                ada.warnings[0].message.contains("1815-12-1O"),
                "{:?}",
                ada.warnings
            );
        }

        #[test]
        fn google_legacy_layout_with_a_bom() {
            let (kind, contacts, bad) = read(fixture!("google-legacy.csv"));
            assert_eq!(kind, CsvKind::GoogleLegacy);
            assert!(bad.is_empty(), "{bad:#?}");
            assert_eq!(contacts.len(), 2);
            let sharon = &contacts[0];
            assert_eq!(
                (sharon.line, sharon.name.as_deref()),
                (2, Some("Sharon Lee"))
            );
            assert_eq!(sharon.birthday, ImportedBirthday::new(Some(1990), 12, 2));
            assert_eq!(sharon.company.as_deref(), Some("Initech"));
            assert_eq!(sharon.role.as_deref(), Some("Staff Engineer"));
            assert_eq!(
                sharon.linkedin.as_deref(),
                Some("http://www.linkedin.com/in/sharonlee")
            );
            assert_eq!(contacts[1].name.as_deref(), Some("Jürgen Müller"));
            assert_eq!(contacts[1].line, 4);
        }

        #[test]
        fn outlook_ansi() {
            let (kind, contacts, bad) = read(fixture!("outlook.csv"));
            assert_eq!(kind, CsvKind::Outlook);
            assert!(bad.is_empty(), "{bad:#?}");
            assert_eq!(contacts.len(), 3);
            let renee = &contacts[0];
            assert_eq!(renee.name.as_deref(), Some("Renée Dupré"));
            assert_eq!(renee.company.as_deref(), Some("Café Société"));
            assert_eq!(renee.role.as_deref(), Some("Directrice"));
            assert_eq!(renee.birthday, ImportedBirthday::new(Some(1980), 4, 15));
            assert_eq!(renee.phones, ["+33 6 12 34 56 78", "+33 1 23 45 67 89"]);
            assert_eq!(
                renee.note.as_deref(),
                Some("Met at the Paris offsite.\nPrefers mornings.")
            );
            assert_eq!(renee.categories, ["Clients", "Paris"]);
            assert_eq!(renee.location.as_deref(), Some("Paris"));
            let tom = &contacts[1];
            assert_eq!(tom.emails, ["tom.baker@contoso.example"]);
            assert_eq!(tom.birthday, None);
            assert!(tom.warnings.is_empty());
            assert_eq!(tom.location.as_deref(), Some("Redmond"));
            assert_eq!(contacts[2].warnings.len(), 1, "31/31/1990 is reported");
        }

        #[test]
        fn a_vcard_is_not_a_csv() {
            let err = parse_contacts_csv(fixture!("google.vcf")).err();
            assert!(err.is_some_and(|e| e.message.contains("expected")));
            assert!(parse_contacts_csv(fixture!("binary.vcf")).is_err());
        }
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

        proptest! {
            #[test]
            fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
                if let Ok((_, items)) = parse_contacts_csv(&bytes) {
                    for item in items {
                        let line = match &item { Ok(c) => u64::from(c.line), Err(bad) => bad.line };
                        prop_assert!(line >= 1);
                    }
                }
            }

            #[test]
            fn any_rows_under_a_known_header_never_panic(
                header in prop_oneof![Just(HEADER), Just("First Name,Middle Name,Last Name,Labels,E-mail 1 - Value,Birthday"), Just("First Name,Last Name,E-mail Address,Birthday,Categories,Home City")],
                body in proptest::collection::vec(any::<u8>(), 0..2000),
            ) {
                let mut bytes = format!("{header}\n").into_bytes();
                bytes.extend_from_slice(&body);
                prop_assert!(parse_contacts_csv(&bytes).is_ok());
            }

            #[test]
            fn a_row_survives_the_garbage_around_it(
                before in proptest::collection::vec(any::<u8>().prop_filter("no quote", |b| *b != b'"'), 0..300),
                after in proptest::collection::vec(any::<u8>(), 0..300),
            ) {
                let mut bytes = format!("{HEADER}\n").into_bytes();
                bytes.extend_from_slice(&before);
                bytes.extend_from_slice(b"\nSharon,Lee,https://www.linkedin.com/in/sharonlee,sharon@example.com,\"Initech, Inc.\",CTO,02 Oct 2026\n");
                bytes.extend_from_slice(&after);
                let line = 3 + u32::try_from(before.iter().filter(|&&b| b == b'\n').count()).unwrap_or(0);
                let (_, items) = parse_contacts_csv(&bytes).map_err(|bad| TestCaseError::fail(bad.to_string()))?;
                let found = items.into_iter().flatten().find(|c| c.line == line);
                let found = found.map(|c| (c.name, c.emails, c.company, c.connected_on));
                prop_assert_eq!(found, Some((
                    Some("Sharon Lee".to_owned()),
                    vec!["sharon@example.com".to_owned()],
                    Some("Initech, Inc.".to_owned()),
                    NaiveDate::from_ymd_opt(2026, 10, 2),
                )));
            }
        }
    }
}
