//! The contact record that every contact parser produces (`vcard.rs`, `csv.rs`), and the
//! rules they share: e-mail and phone de-duplication, LinkedIn URLs, birthdays.
//!
//! Plain data: what a file says, cleaned of its format (escapes, encodings, labels) but not
//! matched against the vault. Matching and merging are the import command's job.

use std::fmt;

use chrono::NaiveDate;

/// One person as an export file describes them.
///
/// Every text is trimmed; an empty text is `None` (or left out of a list).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    /// 1-based line of the file where the record starts: the `BEGIN:VCARD` line, or the
    /// first line of a CSV row (a quoted field may span lines).
    pub line: u32,
    /// Display name: vCard `FN`; when `FN` is missing, given, middle and family name from
    /// `N`. CSV: Google's `Name` (old layout), else first, middle and last name joined.
    pub name: Option<String>,
    /// Given (first) name: vCard `N`'s second component; CSV `First Name` / `Given Name`.
    pub given_name: Option<String>,
    /// Family (last) name: vCard `N`'s first component; CSV `Last Name` / `Family Name`.
    pub family_name: Option<String>,
    /// Other names the person goes by: vCard `NICKNAME` (comma-separated), CSV `Nickname`.
    /// Matching by alias needs them.
    pub nicknames: Vec<String>,
    /// E-mail addresses in file order, as written (trimmed, a `mailto:` dropped), each once
    /// however its case differs: vCard `EMAIL` (also grouped, `item1.EMAIL`), Google CSV
    /// `E-mail N - Value` (split at ` ::: `), Outlook `E-mail Address`, `E-mail 2 Address`…,
    /// LinkedIn `Email Address`.
    pub emails: Vec<String>,
    /// Phone numbers in file order, as written (a `tel:` dropped), each once (compared by
    /// their digits and `+`): vCard `TEL`, Google `Phone N - Value`, Outlook's phone columns.
    pub phones: Vec<String>,
    /// vCard `BDAY` (`19901202`, `1990-12-02`, `--1202`, `--12-02`, iCloud's
    /// `X-APPLE-OMIT-YEAR`), Google CSV `Birthday` (`1990-12-02`, `--12-02`), Outlook
    /// `Birthday` (`12/2/1990`; `0/0/00` is none).
    pub birthday: Option<ImportedBirthday>,
    /// Organisation: vCard `ORG`'s first component (`Acme;Engineering` is `Acme`), Google
    /// `Organization 1 - Name` / `Organization Name`, Outlook and LinkedIn `Company`.
    pub company: Option<String>,
    /// Job title: vCard `TITLE` (else `ROLE`), Google `Organization 1 - Title` /
    /// `Organization Title`, Outlook `Job Title`, LinkedIn `Position`.
    pub role: Option<String>,
    /// Web sites other than LinkedIn: vCard `URL`, Google `Website N - Value`, Outlook
    /// `Web Page`, `Personal Web Page`, `Business Web Page`.
    pub urls: Vec<String>,
    /// The first linkedin.com URL found among vCard `URL` and `X-SOCIALPROFILE`, Google's
    /// websites, or LinkedIn's `URL` column. It is not repeated in [`Contact::urls`].
    pub linkedin: Option<String>,
    /// Free text: vCard `NOTE` (escapes such as `\n` and `\,` undone; several `NOTE`s joined
    /// by a blank line), CSV `Notes`.
    pub note: Option<String>,
    /// Groups and labels: vCard `CATEGORIES`, Google `Group Membership` / `Labels` (split at
    /// ` ::: `, without Google's own `* myContacts` and `* starred`, the `* ` dropped from its
    /// other groups), Outlook `Categories` (split at `;`). Each once.
    pub categories: Vec<String>,
    /// Starred in Google Contacts (its `starred` group: `* starred` in the CSV's labels,
    /// `starred` in the vCard's `CATEGORIES`): a note's `favorite`.
    pub favorite: bool,
    /// When the LinkedIn connection was made: `Connected On` (`02 Oct 2026`).
    pub connected_on: Option<NaiveDate>,
    /// City: vCard `ADR`'s locality (the first address that has one), Google
    /// `Address 1 - City`, Outlook `Home City`, else `Business City`, else `Other City`.
    pub location: Option<String>,
    /// vCard `UID`: the same contact keeps it across exports, so an import can recognise a
    /// card it has seen (and `vault export vcard` can be imported back).
    pub uid: Option<String>,
    /// The record is an organisation's, not a person's: vCard 4.0 `KIND:org`, Apple's
    /// `X-ABShowAs:COMPANY`, or a card or row whose only name is its company. Such a
    /// record is counted and skipped: a company is no one to keep in touch with.
    pub organization: bool,
    /// Values of this record that could not be read (a birthday `32/13/1990`), each with its
    /// place; the rest of the record stands.
    pub warnings: Vec<BadRecord>,
}

/// A birthday whose year may be unknown: phones and Google store "December 2nd" alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ImportedBirthday {
    /// The year of birth, when the export says it.
    pub year: Option<i32>,
    /// 1 to 12.
    pub month: u32,
    /// 1 to the month's last day (29 February is allowed without a year).
    pub day: u32,
}

pub use super::BadRecord;

impl Contact {
    /// An empty record that starts at `line`.
    pub fn at_line(line: u32) -> Self {
        Contact {
            line,
            ..Contact::default()
        }
    }

    /// Whether the record says anything a person note could use: a name, an e-mail, a
    /// phone or a LinkedIn profile. Exports hold empty rows and cards (a LinkedIn row of
    /// commas, a group card); the parsers leave those out.
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.given_name.is_none()
            && self.family_name.is_none()
            && self.emails.is_empty()
            && self.phones.is_empty()
            && self.linkedin.is_none()
            && self.company.is_none()
    }

    /// Adds an e-mail address unless the record has it already (in any case).
    pub fn add_email(&mut self, text: &str) {
        let text = text.trim();
        let text = strip_prefix_ignore_case(text, "mailto:")
            .unwrap_or(text)
            .trim();
        if text.is_empty() {
            return;
        }
        let key = text.to_lowercase();
        if !self.emails.iter().any(|e| e.to_lowercase() == key) {
            self.emails.push(text.to_owned());
        }
    }

    /// Adds a phone number unless the record has one with the same digits.
    pub fn add_phone(&mut self, text: &str) {
        let text = text.trim();
        let text = strip_prefix_ignore_case(text, "tel:")
            .unwrap_or(text)
            .trim();
        if text.is_empty() {
            return;
        }
        let key = phone_key(text);
        if !self.phones.iter().any(|p| phone_key(p) == key) {
            self.phones.push(text.to_owned());
        }
    }

    /// Adds a web address: the first linkedin.com one becomes [`Contact::linkedin`], any
    /// other joins [`Contact::urls`] once.
    pub fn add_url(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if is_linkedin_url(text) {
            match &self.linkedin {
                None => self.linkedin = Some(text.to_owned()),
                Some(known) if same_url(known, text) => {}
                Some(_) => push_once(&mut self.urls, text),
            }
        } else {
            push_once(&mut self.urls, text);
        }
    }

    /// Adds a category once (compared without case). Google's own groups are marked
    /// `* ` in its CSV (`* myContacts`, `* starred`, `* friends`): the mark is dropped,
    /// `myContacts` (every contact is in it) is no category, and `starred` makes the
    /// contact a [`Contact::favorite`].
    pub fn add_category(&mut self, text: &str) {
        let text = text.trim();
        let text = text.strip_prefix("* ").unwrap_or(text).trim();
        if text.eq_ignore_ascii_case("starred") {
            self.favorite = true;
            return;
        }
        if text.is_empty() || text.eq_ignore_ascii_case("myContacts") {
            return;
        }
        if !self
            .categories
            .iter()
            .any(|c| c.to_lowercase() == text.to_lowercase())
        {
            self.categories.push(text.to_owned());
        }
    }

    /// Adds a nickname once.
    pub fn add_nickname(&mut self, text: &str) {
        push_once(&mut self.nicknames, text.trim());
    }

    /// Appends a note, a blank line apart from the one before.
    pub fn add_note(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        match &mut self.note {
            Some(note) => {
                note.push_str("\n\n");
                note.push_str(text);
            }
            None => self.note = Some(text.to_owned()),
        }
    }

    /// The display name from the name parts when the export gave none.
    pub(crate) fn fill_name_from_parts(&mut self, middle: Option<&str>) {
        if self.name.is_some() {
            return;
        }
        let parts = [
            self.given_name.as_deref(),
            middle,
            self.family_name.as_deref(),
        ];
        let joined = parts
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        self.name = non_empty(&joined);
    }
}

impl ImportedBirthday {
    /// A birthday when the month and day exist (in the year, or in a leap year when the
    /// year is unknown).
    pub fn new(year: Option<i32>, month: u32, day: u32) -> Option<Self> {
        // 2000 is a leap year: without a year, 29 February is a real birthday.
        NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
        Some(ImportedBirthday { year, month, day })
    }

    /// The date of birth, when the year is known.
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }
}

impl fmt::Display for ImportedBirthday {
    /// As a person note writes it: `1990-12-02`, or `12-02` without a year.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(year) => write!(f, "{year:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "{:02}-{:02}", self.month, self.day),
        }
    }
}

/// Reads a birthday as vCard and Google write it: `1990-12-02`, `19901202`, `--12-02`,
/// `--1202`, with a time after a `T` ignored (`1990-12-02T00:00:00Z`). A year of 0000 or
/// Apple's 1604 ("year not set") is no year. `None` when the text is no such date.
pub fn parse_birthday(text: &str) -> Option<ImportedBirthday> {
    let text = text.trim();
    let date = text.split_once('T').map_or(text, |(date, _)| date);
    let (year, rest) = if let Some(rest) = date.strip_prefix("--") {
        (None, rest)
    } else {
        let year_text = date.get(..4)?;
        let year = parse_digits(year_text)?;
        let rest = date.get(4..)?;
        (Some(year), rest.strip_prefix('-').unwrap_or(rest))
    };
    let (month, day) = match rest.len() {
        4 => (rest.get(..2)?, rest.get(2..)?),
        5 if rest.as_bytes().get(2) == Some(&b'-') => (rest.get(..2)?, rest.get(3..)?),
        _ => return None,
    };
    let year = year.filter(|&y| y != 0 && y != APPLE_NO_YEAR);
    ImportedBirthday::new(year, parse_digits(month)? as u32, parse_digits(day)? as u32)
}

/// The year iCloud writes when a birthday has none (with `X-APPLE-OMIT-YEAR=1604`).
pub(crate) const APPLE_NO_YEAR: i32 = 1604;

/// Whether a web address points at LinkedIn (`linkedin.com` or one of its subdomains).
pub fn is_linkedin_url(text: &str) -> bool {
    let text = text.trim();
    let without_scheme = text.split_once("://").map_or(text, |(_, rest)| rest);
    let host = without_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    // user@host:port
    let host = host.rsplit('@').next().unwrap_or_default();
    let host = host
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    host == "linkedin.com" || host.ends_with(".linkedin.com")
}

/// The bytes of an export file as UTF-8 where a byte-order mark says they are UTF-16 (as
/// some Windows tools write), without the mark; any other bytes pass through unchanged, to
/// be decoded value by value ([`decode_text`]).
pub(crate) fn without_bom<R: std::io::Read>(
    reader: R,
) -> encoding_rs_io::DecodeReaderBytes<R, Vec<u8>> {
    encoding_rs_io::DecodeReaderBytesBuilder::new()
        .utf8_passthru(true)
        .strip_bom(true)
        .build(reader)
}

/// Text from bytes in the named character set; without one, UTF-8 when the bytes are
/// UTF-8, else windows-1252 (what Outlook writes on Windows, a superset of ISO-8859-1 in
/// every printable character).
pub(crate) fn decode_text(bytes: &[u8], charset: Option<&'static encoding_rs::Encoding>) -> String {
    match charset {
        Some(encoding) => encoding.decode_without_bom_handling(bytes).0.into_owned(),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        },
    }
}

/// Trimmed text, `None` when empty.
pub(crate) fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn push_once(list: &mut Vec<String>, text: &str) {
    if !text.is_empty() && !list.iter().any(|known| known == text) {
        list.push(text.to_owned());
    }
}

/// Two spellings of one profile URL (a trailing `/`, `http` against `https`, case).
fn same_url(a: &str, b: &str) -> bool {
    fn key(url: &str) -> String {
        let url = url.trim().trim_end_matches('/');
        let url = url.split_once("://").map_or(url, |(_, rest)| rest);
        url.strip_prefix("www.").unwrap_or(url).to_lowercase()
    }
    key(a) == key(b)
}

fn phone_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

fn parse_digits(text: &str) -> Option<i32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn birthday(year: Option<i32>, month: u32, day: u32) -> Option<ImportedBirthday> {
        Some(ImportedBirthday { year, month, day })
    }

    #[test]
    fn birthdays_in_every_written_form() {
        assert_eq!(parse_birthday("1990-12-02"), birthday(Some(1990), 12, 2));
        assert_eq!(parse_birthday("19901202"), birthday(Some(1990), 12, 2));
        assert_eq!(parse_birthday("--1202"), birthday(None, 12, 2));
        assert_eq!(parse_birthday("--12-02"), birthday(None, 12, 2));
        assert_eq!(
            parse_birthday(" 1990-12-02T00:00:00Z "),
            birthday(Some(1990), 12, 2)
        );
        assert_eq!(parse_birthday("1604-12-02"), birthday(None, 12, 2));
        assert_eq!(parse_birthday("0000-12-02"), birthday(None, 12, 2));
        assert_eq!(parse_birthday("--0229"), birthday(None, 2, 29));
    }

    #[test]
    fn impossible_birthdays_are_none() {
        for text in [
            "",
            "1990-13-02",
            "1990-02-30",
            "1991-02-29",
            "--1302",
            "12-02",
            "1990-1-2",
            "19901",
            "abcd-12-02",
            "1990/12/02",
            "--12-020",
            "١٩٩٠-12-02",
        ] {
            assert_eq!(parse_birthday(text), None, "{text:?}");
        }
    }

    #[test]
    fn birthday_is_written_as_a_note_does() {
        assert_eq!(
            birthday(Some(1990), 12, 2)
                .map(|b| b.to_string())
                .as_deref(),
            Some("1990-12-02")
        );
        assert_eq!(
            birthday(None, 2, 9).map(|b| b.to_string()).as_deref(),
            Some("02-09")
        );
        assert_eq!(
            parse_birthday("1990-12-02").and_then(|b| b.date()),
            NaiveDate::from_ymd_opt(1990, 12, 2)
        );
        assert_eq!(parse_birthday("--1202").and_then(|b| b.date()), None);
    }

    #[test]
    fn emails_are_kept_as_written_and_once_in_any_case() {
        let mut contact = Contact::default();
        contact.add_email(" Sharon.Lee@Example.com ");
        contact.add_email("sharon.lee@example.com");
        contact.add_email("mailto:SHARON.LEE@EXAMPLE.COM");
        contact.add_email("MAILTO:shaz@example.org");
        contact.add_email("  ");
        assert_eq!(
            contact.emails,
            ["Sharon.Lee@Example.com", "shaz@example.org"]
        );
    }

    #[test]
    fn phones_are_once_by_their_digits() {
        let mut contact = Contact::default();
        contact.add_phone("+1 (555) 010-0199");
        contact.add_phone("tel:+1-555-010-0199");
        contact.add_phone("555 0100");
        assert_eq!(contact.phones, ["+1 (555) 010-0199", "555 0100"]);
    }

    #[test]
    fn the_first_linkedin_url_is_the_profile() {
        let mut contact = Contact::default();
        contact.add_url("https://sharon.example");
        contact.add_url("https://www.linkedin.com/in/sharonlee");
        contact.add_url("http://linkedin.com/in/sharonlee/");
        contact.add_url("https://uk.linkedin.com/in/other");
        contact.add_url("https://sharon.example");
        assert_eq!(
            contact.linkedin.as_deref(),
            Some("https://www.linkedin.com/in/sharonlee")
        );
        assert_eq!(
            contact.urls,
            ["https://sharon.example", "https://uk.linkedin.com/in/other"]
        );
    }

    #[test]
    fn linkedin_is_a_host_not_a_word() {
        assert!(is_linkedin_url("linkedin.com/in/x"));
        assert!(is_linkedin_url("HTTPS://WWW.LINKEDIN.COM/in/x"));
        assert!(is_linkedin_url("https://www.linkedin.com:443/in/x"));
        assert!(!is_linkedin_url("https://notlinkedin.com/in/x"));
        assert!(!is_linkedin_url("https://example.com/linkedin.com"));
        assert!(!is_linkedin_url("https://linkedin.com.evil.example/in/x"));
    }

    #[test]
    fn notes_and_categories_gather() {
        let mut contact = Contact::default();
        contact.add_note("first");
        contact.add_note(" ");
        contact.add_note("second");
        contact.add_category("Work");
        contact.add_category("work");
        contact.add_category("Ski club");
        contact.add_category("* myContacts");
        contact.add_category("myContacts");
        contact.add_category("* starred");
        contact.add_category("* friends");
        assert_eq!(contact.note.as_deref(), Some("first\n\nsecond"));
        assert_eq!(contact.categories, ["Work", "Ski club", "friends"]);
        assert!(contact.favorite);
    }

    #[test]
    fn a_name_from_its_parts() {
        let mut contact = Contact {
            given_name: Some("Ada".into()),
            family_name: Some("Lovelace".into()),
            ..Contact::default()
        };
        contact.fill_name_from_parts(Some(" King "));
        assert_eq!(contact.name.as_deref(), Some("Ada King Lovelace"));
        contact.fill_name_from_parts(None);
        assert_eq!(contact.name.as_deref(), Some("Ada King Lovelace"));
        let mut nameless = Contact::default();
        nameless.fill_name_from_parts(Some(""));
        assert_eq!(nameless.name, None);
        assert!(nameless.is_empty());
    }

    #[test]
    fn a_bad_record_prints_its_place() {
        let bad = BadRecord {
            path: None,
            fatal: false,
            line: 3,
            column: 7,
            message: "what".into(),
        };
        assert_eq!(bad.to_string(), "3:7: what");
    }
}
