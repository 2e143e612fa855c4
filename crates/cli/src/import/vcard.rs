//! vCard 2.1, 3.0 and 4.0 files, as Google Contacts, iCloud, Android and Outlook export
//! them, read card by card into [`Contact`]s.
//!
//! Streaming: the file is read one physical line at a time into one reused buffer; a card
//! keeps only the fields a [`Contact`] has, so memory is bounded by one card (photos are
//! skipped line by line, never gathered). Lines longer than [`MAX_LINE_BYTES`] are cut.
//!
//! Lenient where exports are sloppy, strict where a mistake would import a wrong person:
//! unknown properties and parameters are ignored, a bad line inside a card is reported and
//! the rest of the card kept, but a card without its `END:VCARD` (a truncated file) is
//! reported and left out, since what it lacks is unknown.
//!
//! Written for this project rather than taken from a vCard crate: the crates read whole
//! files from a `&str` (calcard, vcard4, vcard_parser), stop at the first non-UTF-8 line
//! (ical), or drop bad lines and unterminated cards without saying where (calcard), and
//! vcard4 and vcard_parser refuse vCard 2.1.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};

use encoding_rs::Encoding;

use super::contact::{
    APPLE_NO_YEAR, BadRecord, Contact, decode_text, non_empty, parse_birthday, without_bom,
};

/// Bytes of one physical line kept; the rest of a longer line is read and dropped (a photo
/// written on one line), and a property cut so is reported rather than imported half.
pub const MAX_LINE_BYTES: usize = 256 * 1024;

/// Items of one list (e-mails, phones, web sites, categories, nicknames) kept per card: a
/// card is a person, and a card of a million e-mails is a broken file, not a person.
const MAX_LIST_ITEMS: usize = 200;

/// Bad lines reported one by one in a card; a longer run is one report.
const BAD_LINES_REPORTED: usize = 3;

/// Reads contacts from a vCard file, one card at a time: `Ok` for each card that has a
/// name, an e-mail, a phone, a company or a LinkedIn profile, `Err` for each line or card
/// that cannot be read, in file order. Never panics, whatever the bytes.
///
/// A read error of the underlying file ends the stream with one `Err` that says so.
#[derive(Debug)]
pub struct VcardReader<R: Read> {
    lines: PhysicalLines<BufReader<encoding_rs_io::DecodeReaderBytes<R, Vec<u8>>>>,
    /// The logical line being read (a property with its folded continuations).
    logical: Vec<u8>,
    card: Option<Card>,
    /// Lines outside any card that are not `BEGIN:VCARD`, gathered into one report.
    stray: Option<Run>,
    queue: VecDeque<Result<Contact, BadRecord>>,
    done: bool,
}

impl<R: Read> VcardReader<R> {
    /// A reader of the vCard file `reader` (any of its encodings: UTF-8 with or without a
    /// byte-order mark, UTF-16 with one, 8-bit with `CHARSET=`).
    pub fn new(reader: R) -> Self {
        VcardReader {
            lines: PhysicalLines::new(BufReader::new(without_bom(reader))),
            logical: Vec::new(),
            card: None,
            stray: None,
            queue: VecDeque::new(),
            done: false,
        }
    }
}

/// Every contact and every bad record of a vCard file held in memory, in file order.
pub fn parse_vcards(bytes: &[u8]) -> Vec<Result<Contact, BadRecord>> {
    VcardReader::new(bytes).collect()
}

impl<R: Read> Iterator for VcardReader<R> {
    type Item = Result<Contact, BadRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.queue.is_empty() && !self.done {
            if let Err(err) = self.step() {
                self.finish();
                self.queue.push_back(Err(BadRecord {
                    path: None,
                    fatal: true,
                    line: u64::from(self.lines.number.max(1)),
                    column: 1,
                    message: format!("the file cannot be read any further: {err}"),
                }));
                self.done = true;
            }
        }
        self.queue.pop_front()
    }
}

impl<R: Read> VcardReader<R> {
    /// Reads one property (or one blank or stray line) and acts on it.
    fn step(&mut self) -> io::Result<()> {
        let Some(line) = self.read_logical()? else {
            self.finish();
            self.done = true;
            return Ok(());
        };
        if line.blank || line.skipped {
            return Ok(());
        }
        let parsed = parse_property(&self.logical);
        let property = match parsed {
            Ok(property) => property,
            Err((offset, message)) => {
                let bad = self.bad_at(line.number, offset, message);
                self.bad_line(bad);
                return Ok(());
            }
        };
        let is_begin = property.name.eq_ignore_ascii_case(b"BEGIN");
        let is_end = property.name.eq_ignore_ascii_case(b"END");
        let is_vcard = trim_ascii(property.value).eq_ignore_ascii_case(b"VCARD");
        if is_begin && is_vcard {
            self.flush_stray();
            if let Some(open) = self.card.take() {
                self.flush_card_bad_lines_of(&open);
                let ends = format!("before the next `BEGIN:VCARD` on line {}", line.number);
                self.queue.push_back(Err(unterminated(&open, &ends)));
            }
            self.card = Some(Card::new(line.number));
            return Ok(());
        }
        let Some(card) = &mut self.card else {
            let message =
                "not inside a card: a vCard file is cards from `BEGIN:VCARD` to `END:VCARD`";
            let bad = self.bad_at(line.number, 0, message.to_owned());
            self.bad_line(bad);
            return Ok(());
        };
        if is_end && is_vcard {
            if let Some(card) = self.card.take() {
                self.flush_card_bad_lines_of(&card);
                if let Some(contact) = card.into_contact() {
                    self.queue.push_back(Ok(contact));
                }
            }
        } else if line.cut {
            if !is_binary_property(property.name) {
                let name = String::from_utf8_lossy(property.name).into_owned();
                card.contact.warnings.push(BadRecord {
                    path: None,
                    fatal: false,
                    line: u64::from(line.number),
                    column: 1,
                    message: format!(
                        "`{name}` is longer than {} KiB: left out",
                        MAX_LINE_BYTES / 1024
                    ),
                });
            }
        } else {
            card.take(&property, line.number, &self.logical);
        }
        Ok(())
    }

    /// The file ended: a card still open is truncated.
    fn finish(&mut self) {
        self.flush_stray();
        if let Some(open) = self.card.take() {
            self.flush_card_bad_lines_of(&open);
            let ends = format!("before the file ends (line {})", self.lines.number);
            // Cut off at the end: the file is truncated, not merely sloppy.
            self.queue.push_back(Err(BadRecord {
                fatal: true,
                ..unterminated(&open, &ends)
            }));
        }
    }

    fn bad_at(&self, line: u32, offset: usize, message: String) -> BadRecord {
        BadRecord {
            path: None,
            fatal: false,
            line: line.into(),
            column: column_of(&self.logical, offset),
            message,
        }
    }

    /// A line that is no property: in a card it is reported (a few per card, then one
    /// report for the rest), outside one it joins the run of stray lines.
    fn bad_line(&mut self, bad: BadRecord) {
        match &mut self.card {
            Some(card) => {
                if card.bad_lines.reported < BAD_LINES_REPORTED {
                    card.bad_lines.reported += 1;
                    self.queue.push_back(Err(bad));
                } else {
                    card.bad_lines.extend(bad);
                }
            }
            None => match &mut self.stray {
                Some(run) => run.add(bad.line),
                None => self.stray = Some(Run::start(bad)),
            },
        }
    }

    fn flush_stray(&mut self) {
        if let Some(run) = self.stray.take() {
            self.queue.push_back(Err(run.into_record()));
        }
    }

    fn flush_card_bad_lines_of(&mut self, card: &Card) {
        if let Some(run) = &card.bad_lines.rest {
            self.queue.push_back(Err(run.clone().into_record()));
        }
    }

    /// The next logical line into `self.logical`: a physical line with its continuations
    /// (RFC 6350 folding: a line that starts with a space or tab; vCard 2.1
    /// quoted-printable: a line that ends with `=`). Photos and other binary values are
    /// read and dropped without being gathered. `None` at the end of the file.
    fn read_logical(&mut self) -> io::Result<Option<LogicalLine>> {
        self.logical.clear();
        if !self.lines.next_line()? {
            return Ok(None);
        }
        let number = self.lines.number;
        let first = &self.lines.buf;
        if trim_ascii(first).is_empty() {
            return Ok(Some(LogicalLine {
                number,
                blank: true,
                skipped: false,
                cut: false,
            }));
        }
        if is_card_boundary(first) {
            // `BEGIN:VCARD` and `END:VCARD` are never folded: what follows them is read on
            // its own, so a stray indented line cannot keep a card from ending.
            self.logical.extend_from_slice(first);
            return Ok(Some(LogicalLine {
                number,
                blank: false,
                skipped: false,
                cut: false,
            }));
        }
        let name = property_name_of(first);
        let skip = is_binary_property(name);
        let quoted_printable = !skip && head_says_quoted_printable(first);
        let version_21 = self.card.as_ref().is_some_and(|card| card.version_21);
        let mut cut = self.lines.cut && !skip;
        if !skip {
            self.logical.extend_from_slice(first);
        }
        loop {
            if !self.lines.next_line()? {
                break;
            }
            let next = &self.lines.buf;
            let soft_break = quoted_printable && self.logical.last() == Some(&b'=');
            if soft_break && !trim_ascii(next).is_empty() && !is_card_boundary(next) {
                self.logical.pop();
                cut |= self.lines.cut | append_capped(&mut self.logical, next);
            } else if matches!(next.first(), Some(b' ' | b'\t')) {
                if !skip {
                    // vCard 2.1 folds at white space and keeps it; 3.0 and 4.0 insert one.
                    let continued = if version_21 { &next[..] } else { &next[1..] };
                    cut |= self.lines.cut | append_capped(&mut self.logical, continued);
                }
            } else if skip && version_21 && is_bare_base64(next) {
                // vCard 2.1 writers (Nokia, old Outlook) leave base64 lines unindented.
            } else {
                self.lines.hold();
                break;
            }
        }
        Ok(Some(LogicalLine {
            number,
            blank: false,
            skipped: skip,
            cut,
        }))
    }
}

/// Appends without passing [`MAX_LINE_BYTES`]; `true` when something was dropped.
fn append_capped(logical: &mut Vec<u8>, more: &[u8]) -> bool {
    let room = MAX_LINE_BYTES.saturating_sub(logical.len());
    logical.extend_from_slice(&more[..more.len().min(room)]);
    more.len() > room
}

fn unterminated(card: &Card, ends: &str) -> BadRecord {
    BadRecord {
        path: None,
        fatal: false,
        line: u64::from(card.contact.line),
        column: 1,
        message: format!(
            "the card that begins here has no `END:VCARD` {ends}: it is left out (is the file truncated?)"
        ),
    }
}

#[derive(Debug, Clone, Copy)]
struct LogicalLine {
    number: u32,
    blank: bool,
    /// A photo, sound or key: read and dropped.
    skipped: bool,
    /// The line was longer than [`MAX_LINE_BYTES`] and lost its end.
    cut: bool,
}

/// Consecutive bad lines told as one: where the first is and how many follow.
#[derive(Debug, Clone)]
struct Run {
    first: BadRecord,
    more: u32,
    last_line: u64,
}

impl Run {
    fn start(first: BadRecord) -> Self {
        let last_line = first.line;
        Run {
            first,
            more: 0,
            last_line,
        }
    }

    fn add(&mut self, line: u64) {
        self.more = self.more.saturating_add(1);
        self.last_line = line;
    }

    fn into_record(self) -> BadRecord {
        let mut record = self.first;
        if self.more > 0 {
            let s = if self.more == 1 { "" } else { "s" };
            record.message = format!(
                "{} (and {} more line{s} like it, to line {})",
                record.message, self.more, self.last_line
            );
        }
        record
    }
}

#[derive(Debug, Default)]
struct BadLines {
    reported: usize,
    rest: Option<Run>,
}

impl BadLines {
    fn extend(&mut self, bad: BadRecord) {
        match &mut self.rest {
            Some(run) => run.add(bad.line),
            None => {
                let mut first = bad;
                first.message = format!("{} (more bad lines in this card)", first.message);
                self.rest = Some(Run::start(first));
            }
        }
    }
}

/// A card being read.
#[derive(Debug)]
struct Card {
    contact: Contact,
    version_21: bool,
    has_formatted_name: bool,
    middle_name: Option<String>,
    /// `ROLE`, used when there is no `TITLE`.
    function: Option<String>,
    /// A group card (iCloud's `X-ADDRESSBOOKSERVER-KIND:group`, vCard 4.0 `KIND:group`)
    /// is no person.
    not_a_person: bool,
    bad_lines: BadLines,
}

impl Card {
    fn new(line: u32) -> Self {
        Card {
            contact: Contact::at_line(line),
            version_21: false,
            has_formatted_name: false,
            middle_name: None,
            function: None,
            not_a_person: false,
            bad_lines: BadLines::default(),
        }
    }

    fn into_contact(self) -> Option<Contact> {
        let Card {
            mut contact,
            middle_name,
            function,
            not_a_person,
            ..
        } = self;
        if not_a_person {
            return None;
        }
        // Google and Outlook write a company's card as `FN` the company, `N` empty.
        let no_person_name =
            contact.given_name.is_none() && contact.family_name.is_none() && middle_name.is_none();
        if no_person_name
            && contact.company.is_some()
            && (contact.name.is_none()
                || contact.name.as_deref().map(str::to_lowercase)
                    == contact.company.as_deref().map(str::to_lowercase))
        {
            contact.organization = true;
        }
        contact.fill_name_from_parts(middle_name.as_deref());
        if contact.role.is_none() {
            contact.role = function;
        }
        (!contact.is_empty()).then_some(contact)
    }

    /// Takes what a [`Contact`] keeps from one property; ignores the rest.
    fn take(&mut self, property: &Property<'_>, line: u32, logical: &[u8]) {
        let name = property.name.to_ascii_uppercase();
        let value = || property.text();
        let contact = &mut self.contact;
        match name.as_slice() {
            b"VERSION" => self.version_21 = trim_ascii(property.value) == b"2.1",
            b"FN" => {
                if let Some(name) = non_empty(&unescape(&value())) {
                    contact.name.get_or_insert(name);
                    self.has_formatted_name = true;
                }
            }
            b"N" => {
                let parts = split_unescaped(&value(), b';');
                let part = |i: usize| parts.get(i).and_then(|p| non_empty(p));
                contact.family_name = contact.family_name.take().or_else(|| part(0));
                contact.given_name = contact.given_name.take().or_else(|| part(1));
                self.middle_name = self.middle_name.take().or_else(|| part(2));
            }
            b"NICKNAME" => {
                for nickname in split_unescaped(&value(), b',') {
                    if contact.nicknames.len() < MAX_LIST_ITEMS {
                        contact.add_nickname(&nickname);
                    }
                }
            }
            b"EMAIL" if contact.emails.len() < MAX_LIST_ITEMS => {
                contact.add_email(&unescape(&value()))
            }
            b"TEL" if contact.phones.len() < MAX_LIST_ITEMS => {
                contact.add_phone(&unescape(&value()))
            }
            b"URL" if contact.urls.len() < MAX_LIST_ITEMS => contact.add_url(&unescape(&value())),
            b"X-SOCIALPROFILE" => {
                // iCloud: `X-SOCIALPROFILE;type=linkedin;x-user=sharonlee:https://…`; only
                // the LinkedIn profile has a home in a person note.
                let url = unescape(&value());
                if super::contact::is_linkedin_url(&url) {
                    contact.add_url(&url);
                } else if let Some(url) = linkedin_of_user(property) {
                    // iOS 16 and later: `type=linkedin;x-user=sharonlee:x-apple:sharonlee`,
                    // the profile's address only in its user name.
                    contact.add_url(&url);
                }
            }
            b"BDAY" => {
                let text = unescape(&value());
                let omit_year = property.param(b"X-APPLE-OMIT-YEAR").is_some();
                if property
                    .param(b"VALUE")
                    .is_some_and(|v| v.eq_ignore_ascii_case(b"text"))
                {
                    // vCard 4.0 `BDAY;VALUE=text:circa 1800`: words, not a date.
                } else {
                    match parse_birthday(&text) {
                        Some(mut birthday) => {
                            if omit_year || birthday.year == Some(APPLE_NO_YEAR) {
                                birthday.year = None;
                            }
                            contact.birthday = Some(birthday);
                        }
                        None => contact.warnings.push(BadRecord {
                            path: None,
                            fatal: false,
                            line: line.into(),
                            column: column_of(logical, property.value_offset),
                            message: format!(
                                "BDAY `{}` is not a date (expected 1990-12-02, 19901202, --12-02 or --1202): left out",
                                text.trim()
                            ),
                        }),
                    }
                }
            }
            b"ORG" if contact.company.is_none() => {
                let parts = split_unescaped(&value(), b';');
                contact.company = parts.first().and_then(|p| non_empty(p));
            }
            b"TITLE" if contact.role.is_none() => contact.role = non_empty(&unescape(&value())),
            b"ROLE" if self.function.is_none() => self.function = non_empty(&unescape(&value())),
            b"NOTE" => contact.add_note(&unescape(&value()).replace("\r\n", "\n")),
            b"CATEGORIES" => {
                for category in split_unescaped(&value(), b',') {
                    if contact.categories.len() < MAX_LIST_ITEMS {
                        contact.add_category(&category);
                    }
                }
            }
            b"ADR" if contact.location.is_none() => {
                let parts = split_unescaped(&value(), b';');
                contact.location = parts.get(3).and_then(|city| non_empty(city));
            }
            b"UID" if contact.uid.is_none() => contact.uid = non_empty(&unescape(&value())),
            b"KIND" | b"X-ADDRESSBOOKSERVER-KIND" => {
                let kind = trim_ascii(property.value);
                self.not_a_person |=
                    kind.eq_ignore_ascii_case(b"group") || kind.eq_ignore_ascii_case(b"location");
                contact.organization |= kind.eq_ignore_ascii_case(b"org");
            }
            // macOS and iOS Contacts: the "Company" box of a card.
            b"X-ABSHOWAS" => {
                contact.organization |= trim_ascii(property.value).eq_ignore_ascii_case(b"company");
            }
            _ => {}
        }
    }
}

/// The LinkedIn profile an `X-SOCIALPROFILE;type=linkedin;x-user=NAME` names, when NAME
/// can be a profile's (letters, digits, `-`, `_`, `%` escapes).
fn linkedin_of_user(property: &Property<'_>) -> Option<String> {
    let linkedin = property.params.iter().any(|(name, value)| {
        name.is_none_or(|n| n.eq_ignore_ascii_case(b"TYPE"))
            && value
                .split(|&b| b == b',')
                .any(|t| trim_ascii(unquote(t)).eq_ignore_ascii_case(b"linkedin"))
    });
    let user = trim_ascii(unquote(property.param(b"X-USER")?));
    let plausible = !user.is_empty()
        && user.len() <= 100
        && user
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'%'));
    (linkedin && plausible).then(|| {
        format!(
            "https://www.linkedin.com/in/{}",
            String::from_utf8_lossy(user)
        )
    })
}

/// One property line: `[group.]NAME[;param…]:value`, borrowed from the logical line.
#[derive(Debug)]
struct Property<'a> {
    name: &'a [u8],
    params: Vec<(Option<&'a [u8]>, &'a [u8])>,
    value: &'a [u8],
    value_offset: usize,
}

impl Property<'_> {
    /// A parameter's value by name; vCard 2.1's bare `;QUOTED-PRINTABLE` has no name.
    fn param(&self, wanted: &[u8]) -> Option<&[u8]> {
        self.params
            .iter()
            .find(|(name, _)| name.is_some_and(|n| n.eq_ignore_ascii_case(wanted)))
            .map(|(_, value)| *value)
    }

    fn is_quoted_printable(&self) -> bool {
        self.params.iter().any(|(name, value)| {
            let is_encoding = name.is_none_or(|n| n.eq_ignore_ascii_case(b"ENCODING"));
            is_encoding && value.eq_ignore_ascii_case(b"QUOTED-PRINTABLE")
        })
    }

    fn charset(&self) -> Option<&'static Encoding> {
        self.param(b"CHARSET")
            .and_then(|label| Encoding::for_label(trim_ascii(unquote(label))))
    }

    /// The value as text, still with its vCard escapes: quoted-printable undone, then
    /// decoded from its `CHARSET` (else UTF-8, else windows-1252).
    fn text(&self) -> String {
        if self.is_quoted_printable() {
            let bytes = decode_quoted_printable(self.value);
            // Quoted-printable in 2.1 without CHARSET is most often UTF-8 from Android.
            decode_text(&bytes, self.charset())
        } else {
            decode_text(self.value, self.charset())
        }
    }
}

/// Splits a logical line into its property; the error is the byte offset and what is
/// wrong.
fn parse_property(line: &[u8]) -> Result<Property<'_>, (usize, String)> {
    let name_end = line
        .iter()
        .position(|&b| b == b';' || b == b':')
        .unwrap_or(line.len());
    let full_name = &line[..name_end];
    if let Some(bad) = full_name
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_'))
    {
        let shown = String::from_utf8_lossy(&line[..line.len().min(40)]).into_owned();
        return Err((
            bad,
            format!(
                "`{}` is not a property: a card's lines are `NAME:value` (`EMAIL:ada@example.com`)",
                shown.trim()
            ),
        ));
    }
    // `item1.EMAIL`: Apple's and Google's groups tie a value to its label; the name is
    // what counts.
    let name = full_name.rsplit(|&b| b == b'.').next().unwrap_or(full_name);
    if name.is_empty() {
        return Err((
            0,
            "a line without a property name before its `:`".to_owned(),
        ));
    }
    let mut params = Vec::new();
    let mut at = name_end;
    loop {
        match line.get(at) {
            Some(b':') => break,
            Some(b';') => {
                let start = at + 1;
                let mut quoted = false;
                let mut end = start;
                while let Some(&b) = line.get(end) {
                    match b {
                        b'"' => quoted = !quoted,
                        b';' | b':' if !quoted => break,
                        _ => {}
                    }
                    end += 1;
                }
                let param = &line[start..end];
                match param.iter().position(|&b| b == b'=') {
                    Some(eq) => params.push((Some(&param[..eq]), unquote(&param[eq + 1..]))),
                    None if !param.is_empty() => params.push((None, param)),
                    None => {}
                }
                at = end;
            }
            _ => {
                let name = String::from_utf8_lossy(name).into_owned();
                return Err((
                    line.len(),
                    format!(
                        "`{name}` has no `:` before its value (a card's lines are `NAME:value`)"
                    ),
                ));
            }
        }
    }
    let value_offset = at + 1;
    Ok(Property {
        name,
        params,
        value: line.get(value_offset..).unwrap_or_default(),
        value_offset,
    })
}

/// `BEGIN:VCARD` or `END:VCARD`, in any case, with white space around.
fn is_card_boundary(line: &[u8]) -> bool {
    let line = trim_ascii(line);
    line.eq_ignore_ascii_case(b"BEGIN:VCARD") || line.eq_ignore_ascii_case(b"END:VCARD")
}

/// The property name at the start of a physical line, without its group (`item1.`).
fn property_name_of(line: &[u8]) -> &[u8] {
    let end = line
        .iter()
        .position(|&b| b == b';' || b == b':')
        .unwrap_or(line.len());
    let full = &line[..end];
    full.rsplit(|&b| b == b'.').next().unwrap_or(full)
}

/// Properties whose values are pictures, sounds or keys (Outlook's business-card picture
/// too): large, and nothing a note keeps.
fn is_binary_property(name: &[u8]) -> bool {
    [
        b"PHOTO".as_slice(),
        b"LOGO",
        b"SOUND",
        b"KEY",
        b"X-MS-CARDPICTURE",
    ]
    .iter()
    .any(|binary| name.eq_ignore_ascii_case(binary))
}

/// Whether the parameters (before the first `:`) say quoted-printable.
fn head_says_quoted_printable(line: &[u8]) -> bool {
    let head_end = line.iter().position(|&b| b == b':').unwrap_or(line.len());
    let head = &line[..head_end];
    head.windows(16)
        .any(|w| w.eq_ignore_ascii_case(b"QUOTED-PRINTABLE"))
}

/// A line of base64 alone (unindented photo data in vCard 2.1).
fn is_bare_base64(line: &[u8]) -> bool {
    let line = trim_ascii(line);
    !line.is_empty()
        && line
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=')
}

/// `=C3=A9` to bytes; a `=` not followed by two hex digits stays as written.
fn decode_quoted_printable(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len());
    let mut i = 0;
    while let Some(&b) = value.get(i) {
        if b == b'=' {
            let hex = |at: usize| value.get(at).and_then(|&h| (h as char).to_digit(16));
            if let (Some(high), Some(low)) = (hex(i + 1), hex(i + 2)) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    out
}

/// Undoes vCard's escapes: `\n` and `\N` are a line break; `\,`, `\;`, `\:` and `\\` the
/// character; any other backslash stays.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(escaped @ (',' | ';' | ':' | '\\')) => out.push(escaped),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Splits at each `separator` that is not escaped, then unescapes each part.
fn split_unescaped(text: &str, separator: u8) -> Vec<String> {
    let separator = char::from(separator);
    let mut parts = Vec::new();
    let mut part = String::new();
    let mut escaped = false;
    for c in text.chars() {
        if escaped {
            part.push('\\');
            part.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == separator {
            parts.push(unescape(&part));
            part.clear();
        } else {
            part.push(c);
        }
    }
    if escaped {
        part.push('\\');
    }
    parts.push(unescape(&part));
    parts
}

fn unquote(value: &[u8]) -> &[u8] {
    value
        .strip_prefix(b"\"")
        .and_then(|v| v.strip_suffix(b"\""))
        .unwrap_or(value)
}

fn trim_ascii(bytes: &[u8]) -> &[u8] {
    bytes.trim_ascii()
}

/// The 1-based column, in characters, of a byte offset in a line.
fn column_of(line: &[u8], offset: usize) -> u32 {
    let before = &line[..offset.min(line.len())];
    let chars = String::from_utf8_lossy(before).chars().count();
    u32::try_from(chars).unwrap_or(u32::MAX).saturating_add(1)
}

/// Physical lines (without `\n` or `\r\n`) read one at a time into one buffer, with their
/// 1-based numbers. A line longer than [`MAX_LINE_BYTES`] keeps its start only.
#[derive(Debug)]
struct PhysicalLines<R> {
    reader: R,
    buf: Vec<u8>,
    /// The number of the line in `buf`.
    number: u32,
    /// The line in `buf` lost its end.
    cut: bool,
    /// `buf` is to be read again by the next [`PhysicalLines::next_line`].
    held: bool,
    at_end: bool,
}

impl<R: BufRead> PhysicalLines<R> {
    fn new(reader: R) -> Self {
        PhysicalLines {
            reader,
            buf: Vec::new(),
            number: 0,
            cut: false,
            held: false,
            at_end: false,
        }
    }

    /// Gives the line just read back, to be the next one read.
    fn hold(&mut self) {
        self.held = true;
    }

    /// The next line into `buf`; `false` at the end of the file.
    fn next_line(&mut self) -> io::Result<bool> {
        if self.held {
            self.held = false;
            return Ok(true);
        }
        if self.at_end {
            return Ok(false);
        }
        self.buf.clear();
        self.cut = false;
        let mut read_any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            };
            if available.is_empty() {
                self.at_end = true;
                if !read_any {
                    return Ok(false);
                }
                break;
            }
            read_any = true;
            let newline = available.iter().position(|&b| b == b'\n');
            let taken = newline.unwrap_or(available.len());
            let room = MAX_LINE_BYTES.saturating_sub(self.buf.len());
            self.buf.extend_from_slice(&available[..taken.min(room)]);
            self.cut |= taken > room;
            let consumed = newline.map_or(taken, |n| n + 1);
            self.reader.consume(consumed);
            if newline.is_some() {
                break;
            }
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        self.number = self.number.saturating_add(1);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::contact::ImportedBirthday;

    fn contacts(text: &str) -> Vec<Contact> {
        parse_vcards(text.as_bytes())
            .into_iter()
            .map(|item| item.unwrap_or_else(|bad| panic!("unexpected bad record {bad}")))
            .collect()
    }

    fn one(text: &str) -> Contact {
        let mut all = contacts(text);
        assert_eq!(all.len(), 1, "{all:#?}");
        all.remove(0)
    }

    fn card(lines: &[&str]) -> String {
        let mut text = String::from("BEGIN:VCARD\r\nVERSION:3.0\r\n");
        for line in lines {
            text.push_str(line);
            text.push_str("\r\n");
        }
        text.push_str("END:VCARD\r\n");
        text
    }

    fn errors(text: &[u8]) -> Vec<BadRecord> {
        parse_vcards(text)
            .into_iter()
            .filter_map(Result::err)
            .collect()
    }

    #[test]
    fn a_google_card() {
        let contact = one(&card(&[
            "FN:Sharon Lee",
            "N:Lee;Sharon;;;",
            "EMAIL;TYPE=INTERNET;TYPE=HOME:sharon@example.com",
            "EMAIL;TYPE=INTERNET,WORK:sharon.lee@initech.example",
            "TEL;TYPE=CELL:+1 555-0100",
            "ORG:Initech;Platform",
            "TITLE:Staff Engineer",
            "item1.URL:https\\://www.linkedin.com/in/sharonlee",
            "item1.X-ABLabel:LinkedIn",
            "BDAY:1990-12-02",
            "NOTE:Met at KubeCon\\nLikes sourdough\\, rye",
            "CATEGORIES:myContacts,Friends",
        ]));
        assert_eq!(contact.line, 1);
        assert_eq!(contact.name.as_deref(), Some("Sharon Lee"));
        assert_eq!(contact.given_name.as_deref(), Some("Sharon"));
        assert_eq!(contact.family_name.as_deref(), Some("Lee"));
        assert_eq!(
            contact.emails,
            ["sharon@example.com", "sharon.lee@initech.example"]
        );
        assert_eq!(contact.phones, ["+1 555-0100"]);
        assert_eq!(contact.company.as_deref(), Some("Initech"));
        assert_eq!(contact.role.as_deref(), Some("Staff Engineer"));
        assert_eq!(
            contact.linkedin.as_deref(),
            Some("https://www.linkedin.com/in/sharonlee")
        );
        assert!(contact.urls.is_empty());
        assert_eq!(contact.birthday, ImportedBirthday::new(Some(1990), 12, 2));
        assert_eq!(
            contact.note.as_deref(),
            Some("Met at KubeCon\nLikes sourdough, rye")
        );
        assert_eq!(contact.categories, ["Friends"]);
    }

    #[test]
    fn lf_line_ends_and_folded_lines() {
        let contact = one(
            "BEGIN:VCARD\nVERSION:4.0\nFN:Ada\n  Lovelace\nNOTE:one long\n\t note\nEND:VCARD\n",
        );
        assert_eq!(contact.name.as_deref(), Some("Ada Lovelace"));
        assert_eq!(contact.note.as_deref(), Some("one long note"));
    }

    #[test]
    fn a_fold_inside_a_multibyte_character_is_joined_before_decoding() {
        let text = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren\xc3\r\n \xa9e\r\nEND:VCARD\r\n";
        let all: Vec<_> = parse_vcards(text).into_iter().flatten().collect();
        assert_eq!(all.first().and_then(|c| c.name.as_deref()), Some("Renée"));
    }

    #[test]
    fn vcard_21_quoted_printable_with_soft_breaks_and_charsets() {
        let text = "BEGIN:VCARD\r\nVERSION:2.1\r\n\
            N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=\r\n=BCrgen;;;\r\n\
            FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\r\n\
            NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:caf=E9 =\r\nau lait=0D=0Asecond\r\n\
            ORG;CHARSET=windows-1252;QUOTED-PRINTABLE:=80 Bank\r\n\
            END:VCARD\r\n";
        let contact = one(text);
        assert_eq!(contact.family_name.as_deref(), Some("Müller"));
        assert_eq!(contact.given_name.as_deref(), Some("Jürgen"));
        assert_eq!(contact.name.as_deref(), Some("Jürgen Müller"));
        assert_eq!(contact.note.as_deref(), Some("café au lait\nsecond"));
        assert_eq!(contact.company.as_deref(), Some("€ Bank"));
    }

    #[test]
    fn eight_bit_text_without_a_charset_is_windows_1252() {
        let text = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ren\xe9e Dupr\xe9\r\nEND:VCARD\r\n";
        let all: Vec<_> = parse_vcards(text).into_iter().flatten().collect();
        assert_eq!(
            all.first().and_then(|c| c.name.as_deref()),
            Some("Renée Dupré")
        );
    }

    #[test]
    fn type_parameters_in_every_style() {
        let contact = one(&card(&[
            "FN:Sam",
            "EMAIL;PREF;INTERNET:sam@one.example",
            "EMAIL;TYPE=\"work,pref\":sam@two.example",
            "EMAIL;type=INTERNET;type=pref:SAM@ONE.EXAMPLE",
            "TEL;CELL:+44 20 7946 0000",
            "TEL;TYPE=WORK,VOICE:+44 20 7946 0001",
            "TEL;VALUE=uri;TYPE=home:tel:+44-20-7946-0002",
        ]));
        assert_eq!(contact.emails, ["sam@one.example", "sam@two.example"]);
        assert_eq!(
            contact.phones,
            ["+44 20 7946 0000", "+44 20 7946 0001", "+44-20-7946-0002"]
        );
    }

    #[test]
    fn birthdays_with_and_without_a_year() {
        let bday = |line: &str| one(&card(&["FN:B", line])).birthday;
        assert_eq!(
            bday("BDAY:19901202"),
            ImportedBirthday::new(Some(1990), 12, 2)
        );
        assert_eq!(bday("BDAY:--1202"), ImportedBirthday::new(None, 12, 2));
        assert_eq!(
            bday("BDAY;VALUE=date:1990-12-02"),
            ImportedBirthday::new(Some(1990), 12, 2)
        );
        assert_eq!(
            bday("BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-02"),
            ImportedBirthday::new(None, 12, 2)
        );
        assert_eq!(
            bday("BDAY;X-APPLE-OMIT-YEAR=1604;VALUE=date:1604-12-02"),
            ImportedBirthday::new(None, 12, 2)
        );
        assert_eq!(bday("BDAY;VALUE=text:circa 1800"), None);
    }

    #[test]
    fn a_bad_birthday_is_a_warning_and_the_card_stays() {
        let contact = one(&card(&["FN:B", "BDAY:1990-02-30"]));
        assert_eq!(contact.birthday, None);
        assert_eq!(contact.warnings.len(), 1);
        let warning = &contact.warnings[0];
        assert_eq!((warning.line, warning.column), (4, 6));
        assert!(warning.message.contains("1990-02-30"), "{warning}");
    }

    #[test]
    fn fn_missing_is_made_from_n() {
        let contact = one(&card(&["N:Lovelace;Ada;King;Lady;"]));
        assert_eq!(contact.name.as_deref(), Some("Ada King Lovelace"));
    }

    #[test]
    fn org_title_role_url_adr_uid_nickname() {
        let contact = one(&card(&[
            "FN:Dana",
            "ORG:Acme\\; Sons;Engineering",
            "ROLE:Hiring manager",
            "URL:https://dana.example",
            "URL;TYPE=work:http\\://linkedin.com/in/dana",
            "ADR;TYPE=WORK:;;1 Main St;;IL;;USA",
            "ADR;TYPE=HOME:;;2 Elm St;Springfield;IL;62701;USA",
            "UID:urn:uuid:1234",
            "NICKNAME:Dee,DJ",
        ]));
        assert_eq!(contact.company.as_deref(), Some("Acme; Sons"));
        assert_eq!(contact.role.as_deref(), Some("Hiring manager"));
        assert_eq!(contact.urls, ["https://dana.example"]);
        assert_eq!(
            contact.linkedin.as_deref(),
            Some("http://linkedin.com/in/dana")
        );
        assert_eq!(contact.location.as_deref(), Some("Springfield"));
        assert_eq!(contact.uid.as_deref(), Some("urn:uuid:1234"));
        assert_eq!(contact.nicknames, ["Dee", "DJ"]);
    }

    #[test]
    fn title_wins_over_role() {
        let contact = one(&card(&["FN:R", "ROLE:Programmer", "TITLE:CTO"]));
        assert_eq!(contact.role.as_deref(), Some("CTO"));
    }

    #[test]
    fn social_profiles_give_linkedin_only() {
        let contact = one(&card(&[
            "FN:S",
            "X-SOCIALPROFILE;type=twitter;x-user=s:http://twitter.com/s",
            "X-SOCIALPROFILE;type=linkedin;x-user=s:http://www.linkedin.com/in/s",
        ]));
        assert_eq!(
            contact.linkedin.as_deref(),
            Some("http://www.linkedin.com/in/s")
        );
        assert!(contact.urls.is_empty());
    }

    #[test]
    fn photos_of_many_folded_lines_are_skipped() {
        let mut lines = vec![
            "FN:P".to_owned(),
            "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ".to_owned(),
        ];
        for _ in 0..1000 {
            lines.push(
                " AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                    .to_owned(),
            );
        }
        lines.push("EMAIL:p@example.com".to_owned());
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let contact = one(&card(&refs));
        assert_eq!(contact.emails, ["p@example.com"]);
    }

    #[test]
    fn unindented_base64_in_vcard_21_is_skipped_to_the_blank_line() {
        let contact = one(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Q\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQ\r\nSkZJRgABAQAAAQABAAD\r\nAAAA==\r\n\r\nTEL;CELL:+1\r\nEND:VCARD\r\n",
        );
        assert_eq!(contact.phones, ["+1"]);
    }

    #[test]
    fn a_photo_on_one_huge_line_is_dropped_without_a_report() {
        let photo = format!(
            "PHOTO:data:image/jpeg;base64,{}",
            "A".repeat(MAX_LINE_BYTES * 3)
        );
        let text = card(&["FN:Huge", &photo, "EMAIL:h@example.com"]);
        let contact = one(&text);
        assert_eq!(contact.emails, ["h@example.com"]);
        assert!(contact.warnings.is_empty());
    }

    #[test]
    fn an_overlong_note_is_reported_not_cut() {
        let note = format!("NOTE:{}", "x".repeat(MAX_LINE_BYTES + 10));
        let contact = one(&card(&["FN:Long", &note]));
        assert_eq!(contact.note, None);
        assert_eq!(contact.warnings.len(), 1, "{:?}", contact.warnings);
        assert!(contact.warnings[0].message.contains("NOTE"));
    }

    #[test]
    fn unknown_x_properties_and_bom_are_ignored() {
        let text = format!(
            "\u{feff}{}",
            card(&[
                "FN:X",
                "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Xy",
                "X-MS-OL-DESIGN;CHARSET=utf-8:<card/>",
                "PRODID:-//Apple Inc.//iPhone OS 17//EN"
            ])
        );
        assert_eq!(one(&text).name.as_deref(), Some("X"));
    }

    #[test]
    fn utf16_with_a_bom_is_read() {
        let text = card(&["FN:Zoë"]);
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let all: Vec<_> = parse_vcards(&bytes).into_iter().flatten().collect();
        assert_eq!(all.first().and_then(|c| c.name.as_deref()), Some("Zoë"));
    }

    #[test]
    fn a_truncated_card_is_a_bad_record_at_its_begin() {
        let text = format!(
            "{}BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half\r\nEMAIL:ha",
            card(&["FN:Whole"])
        );
        let items = parse_vcards(text.as_bytes());
        assert_eq!(items.len(), 2, "{items:#?}");
        assert_eq!(
            items[0].as_ref().ok().and_then(|c| c.name.as_deref()),
            Some("Whole")
        );
        let bad = items[1]
            .as_ref()
            .err()
            .cloned()
            .unwrap_or_else(|| panic!("no error"));
        assert_eq!((bad.line, bad.column), (5, 1));
        assert!(
            bad.message.contains("END:VCARD") && bad.message.contains("line 8"),
            "{bad}"
        );
    }

    #[test]
    fn a_card_interrupted_by_the_next_is_left_out() {
        let text = format!("BEGIN:VCARD\r\nFN:Cut\r\n{}", card(&["FN:Next"]));
        let items = parse_vcards(text.as_bytes());
        assert_eq!(items.len(), 2, "{items:#?}");
        assert!(matches!(&items[0], Err(bad) if bad.line == 1 && bad.message.contains("line 3")));
        assert!(matches!(&items[1], Ok(c) if c.name.as_deref() == Some("Next") && c.line == 3));
    }

    #[test]
    fn a_line_that_is_not_a_property_is_reported_and_the_card_kept() {
        let text = card(&[
            "FN:Kept",
            "this is not a property",
            "EMAIL;TYPE=home",
            "EMAIL:k@example.com",
        ]);
        let items = parse_vcards(text.as_bytes());
        assert_eq!(items.len(), 3, "{items:#?}");
        let Err(first) = &items[0] else {
            panic!("{items:#?}")
        };
        assert_eq!((first.line, first.column), (4, 5));
        let Err(second) = &items[1] else {
            panic!("{items:#?}")
        };
        assert_eq!((second.line, second.column), (5, 16));
        assert!(second.message.contains("no `:`"), "{second}");
        assert!(matches!(&items[2], Ok(c) if c.emails == ["k@example.com"]));
    }

    #[test]
    fn an_indented_line_after_end_does_not_reopen_the_card() {
        let text = "BEGIN:VCARD\nFN:A\nNOTE:ends with =\nEND:VCARD\n  stray\nBEGIN:VCARD\nFN:B;QUOTED-PRINTABLE:x=\nBEGIN:VCARD\nFN:C\nEND:VCARD\n";
        let items = parse_vcards(text.as_bytes());
        let names: Vec<_> = items
            .iter()
            .flatten()
            .filter_map(|c| c.name.as_deref())
            .collect();
        assert_eq!(names, ["A", "C"], "{items:#?}");
        assert_eq!(items.iter().filter(|i| i.is_err()).count(), 2, "{items:#?}");
    }

    #[test]
    fn garbage_between_cards_is_one_report() {
        let mut text = card(&["FN:One"]);
        text.push_str("garbage\r\nmore garbage\r\n\r\nVERSION:3.0\r\n");
        text.push_str(&card(&["FN:Two"]));
        let items = parse_vcards(text.as_bytes());
        assert_eq!(items.len(), 3, "{items:#?}");
        let Err(bad) = &items[1] else {
            panic!("{items:#?}")
        };
        assert_eq!(bad.line, 5);
        assert!(
            bad.message.contains("2 more lines like it, to line 8"),
            "{bad}"
        );
        assert!(matches!(&items[2], Ok(c) if c.line == 9));
    }

    #[test]
    fn many_bad_lines_in_a_card_are_few_reports() {
        let mut lines = vec!["FN:Noisy"];
        lines.extend(std::iter::repeat_n("\u{1}\u{2}junk", 50));
        let text = card(&lines);
        let errs = errors(text.as_bytes());
        assert_eq!(errs.len(), BAD_LINES_REPORTED + 1, "{errs:#?}");
        assert!(
            errs[BAD_LINES_REPORTED].message.contains("46 more lines"),
            "{errs:#?}"
        );
    }

    #[test]
    fn binary_garbage_is_a_bad_record_and_no_contact() {
        let bytes: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let items = parse_vcards(&bytes);
        assert!(!items.is_empty());
        assert!(items.iter().all(Result::is_err), "{items:#?}");
    }

    #[test]
    fn group_cards_and_empty_cards_are_no_people() {
        let text = format!(
            "{}{}{}",
            card(&["FN:Friends", "X-ADDRESSBOOKSERVER-KIND:group"]),
            card(&["PHOTO:abc"]),
            card(&["FN:Person"])
        );
        let all = contacts(&text);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].name.as_deref(), Some("Person"));
    }

    #[test]
    fn an_ios_social_profile_names_its_linkedin_user() {
        let all = contacts(
            &[
                card(&[
                    "FN:Ben Okoro",
                    "X-SOCIALPROFILE;type=linkedin;x-user=benokoro:x-apple:benokoro",
                ]),
                card(&[
                    "FN:Ann",
                    "X-SOCIALPROFILE;type=twitter;x-user=ann:x-apple:ann",
                ]),
                card(&[
                    "FN:Bo",
                    "X-SOCIALPROFILE;type=linkedin;x-user=\"no/such thing\":x-apple:x",
                ]),
            ]
            .concat(),
        );
        let linkedin: Vec<Option<&str>> = all.iter().map(|c| c.linkedin.as_deref()).collect();
        assert_eq!(
            linkedin,
            [Some("https://www.linkedin.com/in/benokoro"), None, None]
        );
        assert!(all.iter().all(|c| c.urls.is_empty()), "{all:#?}");
    }

    #[test]
    fn a_company_card_is_marked_an_organisation() {
        let text = [
            // macOS Contacts' "Company" box.
            card(&[
                "N:;;;;",
                "FN:Northwind Traders",
                "ORG:Northwind Traders;",
                "X-ABShowAs:COMPANY",
            ]),
            card(&[
                "VERSION:4.0",
                "KIND:org",
                "FN:Initrode",
                "EMAIL:info@initrode.example",
            ]),
            // Only an ORG; and Google's `FN` the company with `N` empty.
            card(&["ORG:Globex Inc.;Sales", "TEL:+1 555 0000"]),
            card(&["FN:globex inc.", "N:;;;;", "ORG:Globex Inc."]),
            // People who work somewhere stay people, even with the company as their name.
            card(&["FN:Dev Patel", "ORG:Acme Robotics"]),
            card(&[
                "N:Acme;Robotics;;;",
                "FN:Acme Robotics",
                "ORG:Acme Robotics",
            ]),
        ]
        .concat();
        let all = contacts(&text);
        let marked: Vec<bool> = all.iter().map(|c| c.organization).collect();
        assert_eq!(marked, [true, true, true, true, false, false], "{all:#?}");
    }

    #[test]
    fn an_empty_file_has_nothing() {
        assert!(parse_vcards(b"").is_empty());
        assert!(parse_vcards(b"\r\n\n  \n").is_empty());
    }

    #[test]
    fn escapes_are_undone_once() {
        assert_eq!(unescape(r"a\,b\;c\nd\\e\:f\x"), "a,b;c\nd\\e:f\\x");
        assert_eq!(split_unescaped(r"a\;b;c\\;d\", b';'), ["a;b", "c\\", "d\\"]);
        assert_eq!(decode_quoted_printable(b"=41=4a=ZZ="), b"AJ=ZZ=");
    }

    #[test]
    fn read_errors_end_the_stream_with_a_report() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("disk on fire"))
            }
        }
        let items: Vec<_> = VcardReader::new(Failing).collect();
        assert_eq!(items.len(), 1);
        assert!(matches!(&items[0], Err(bad) if bad.message.contains("disk on fire")));
    }

    /// The fixtures: exports as the services write them (`tests/fixtures/import/contacts/`).
    mod fixtures {
        use super::*;

        fn read(bytes: &[u8]) -> (Vec<Contact>, Vec<BadRecord>) {
            let (mut contacts, mut bad) = (Vec::new(), Vec::new());
            for item in parse_vcards(bytes) {
                match item {
                    Ok(contact) => contacts.push(contact),
                    Err(record) => bad.push(record),
                }
            }
            (contacts, bad)
        }

        #[test]
        fn google() {
            let (contacts, bad) = read(fixture!("google.vcf"));
            assert!(bad.is_empty(), "{bad:#?}");
            assert_eq!(contacts.len(), 3);
            let sharon = &contacts[0];
            assert_eq!(sharon.name.as_deref(), Some("Sharon Lee"));
            assert_eq!(sharon.nicknames, ["Shaz"]);
            assert_eq!(
                sharon.emails,
                ["sharon@example.com", "Sharon.Lee@initech.example"]
            );
            assert_eq!(sharon.phones, ["+1 555-0100", "+1 555-0199"]);
            assert_eq!(sharon.location.as_deref(), Some("Springfield"));
            assert_eq!(sharon.birthday, ImportedBirthday::new(None, 12, 2));
            assert_eq!(
                sharon.linkedin.as_deref(),
                Some("https://www.linkedin.com/in/sharonlee")
            );
            assert_eq!(sharon.urls, ["https://sharonlee.example"]);
            assert_eq!(
                sharon.note.as_deref(),
                Some(
                    "Worked together at Acme 2019–2024.\nLikes sourdough, rye and spelt; ask about the starter. Introduced Dana for the SRE role in August."
                )
            );
            assert_eq!(sharon.categories, ["Friends"]);
            let dana = &contacts[1];
            assert_eq!((dana.line, dana.company.as_deref()), (23, Some("Globex")));
            assert_eq!(dana.role.as_deref(), Some("Head of SRE, EMEA"));
            assert_eq!(
                dana.linkedin.as_deref(),
                Some("https://uk.linkedin.com/in/dana-okafor-1a2b3c")
            );
            assert_eq!(dana.categories, ["Conference 2026"]);
            assert!(dana.favorite && !sharon.favorite);
            // A card with an e-mail and no name is still a contact: the import decides.
            assert_eq!(
                (contacts[2].name.as_deref(), contacts[2].emails.len()),
                (None, 1)
            );
        }

        #[test]
        fn icloud_with_photos_and_groups() {
            let (contacts, bad) = read(fixture!("icloud.vcf"));
            assert!(bad.is_empty(), "{bad:#?}");
            assert_eq!(contacts.len(), 2, "the group card is no person");
            let maria = &contacts[0];
            assert_eq!(maria.name.as_deref(), Some("María José Garcia"));
            assert_eq!(maria.given_name.as_deref(), Some("María José"));
            assert_eq!(maria.company.as_deref(), Some("Globex Corporation"));
            assert_eq!(
                maria.emails,
                ["maria@globex.example", "mj.garcia@example.org"]
            );
            assert_eq!(maria.phones, ["+34 612 345 678"]);
            assert_eq!(maria.location.as_deref(), Some("Madrid"));
            assert_eq!(
                maria.linkedin.as_deref(),
                Some("http://www.linkedin.com/in/mariajosegarcia")
            );
            assert_eq!(maria.urls, ["https://mariajose.example"]);
            assert_eq!(maria.birthday, ImportedBirthday::new(None, 3, 21));
            assert_eq!(
                maria.uid.as_deref(),
                Some("4B1E2F8C-6A7D-4E3B-9C1A-0F2D3E4A5B6C")
            );
            let sam = &contacts[1];
            assert_eq!(sam.name.as_deref(), Some("Dr. Sam Ng"));
            assert_eq!(sam.birthday, ImportedBirthday::new(Some(1979), 11, 30));
            assert_eq!(
                sam.note.as_deref(),
                Some("Thesis committee.\nCoffee every spring.")
            );
        }

        #[test]
        fn android_21_quoted_printable() {
            let (contacts, bad) = read(fixture!("android-2.1.vcf"));
            assert!(bad.is_empty(), "{bad:#?}");
            assert_eq!(contacts.len(), 3);
            let juergen = &contacts[0];
            assert_eq!(juergen.name.as_deref(), Some("Jürgen Müller"));
            assert_eq!(juergen.family_name.as_deref(), Some("Müller"));
            assert_eq!(juergen.phones.len(), 3);
            assert_eq!(
                juergen.emails,
                ["juergen@example.de", "j.mueller@siemens.example"]
            );
            assert_eq!(juergen.location.as_deref(), Some("Berlin"));
            assert_eq!(
                juergen.note.as_deref(),
                Some(
                    "Kennengelernt auf der Hannover Messe 2025. Möchte über Wärmepumpen sprechen; schickt Grüße an das Team."
                )
            );
            assert_eq!(juergen.birthday, ImportedBirthday::new(Some(1985), 7, 14));
            let yuki = &contacts[1];
            assert_eq!(yuki.name.as_deref(), Some("Yuki Tanaka"));
            assert_eq!(yuki.birthday, ImportedBirthday::new(None, 2, 29));
            assert_eq!(
                yuki.linkedin.as_deref(),
                Some("https://www.linkedin.com/in/yukitanaka")
            );
            // A number alone: no name, still someone to match by phone.
            assert_eq!(
                (contacts[2].name.as_deref(), contacts[2].phones.len()),
                (None, 1)
            );
        }

        #[test]
        fn outlook_windows_1252() {
            let (contacts, bad) = read(fixture!("outlook.vcf"));
            assert!(bad.is_empty(), "{bad:#?}");
            let [renee] = contacts.as_slice() else {
                panic!("{contacts:#?}")
            };
            assert_eq!(renee.name.as_deref(), Some("Renée Dupré"));
            assert_eq!(renee.company.as_deref(), Some("Café Société"));
            assert_eq!(renee.role.as_deref(), Some("Directrice"));
            assert_eq!(
                renee.note.as_deref(),
                Some("Met at the Paris offsite.\nPrefers mornings; écrit en français.")
            );
            assert_eq!(renee.emails, ["renee@cafe-societe.example"]);
            assert_eq!(renee.location.as_deref(), Some("Paris"));
            assert_eq!(renee.urls, ["http://www.cafe-societe.example"]);
            assert_eq!(renee.birthday, ImportedBirthday::new(Some(1980), 4, 15));
            assert!(renee.warnings.is_empty(), "{:#?}", renee.warnings);
        }

        #[test]
        fn truncated() {
            let (contacts, bad) = read(fixture!("truncated.vcf"));
            let names: Vec<_> = contacts.iter().filter_map(|c| c.name.as_deref()).collect();
            assert_eq!(names, ["Ada Lovelace", "Grace Hopper"]);
            let [cut] = bad.as_slice() else {
                panic!("{bad:#?}")
            };
            assert_eq!((cut.line, cut.column), (13, 1));
            assert!(cut.message.contains("no `END:VCARD`"), "{cut}");
        }

        #[test]
        fn binary() {
            let (contacts, bad) = read(fixture!("binary.vcf"));
            assert!(contacts.is_empty(), "{contacts:#?}");
            let first = bad.first().unwrap_or_else(|| panic!("no report"));
            assert_eq!((first.line, first.column), (1, 1));
            assert!(bad.len() <= 2, "one report per run of garbage: {bad:#?}");
        }
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        fn line_count(bytes: &[u8]) -> u32 {
            u32::try_from(bytes.iter().filter(|&&b| b == b'\n').count()).unwrap_or(u32::MAX) + 1
        }

        /// Bytes that cannot open a card themselves.
        fn garbage() -> impl Strategy<Value = Vec<u8>> {
            proptest::collection::vec(any::<u8>(), 0..400).prop_filter("no BEGIN", |bytes| {
                !String::from_utf8_lossy(bytes)
                    .to_ascii_uppercase()
                    .contains("BEGIN")
            })
        }

        proptest! {
            #[test]
            fn any_bytes_give_records_at_real_places(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
                let lines = line_count(&bytes);
                for item in parse_vcards(&bytes) {
                    let (line, column) = match &item {
                        Ok(contact) => (u64::from(contact.line), 1),
                        Err(bad) => (bad.line, bad.column),
                    };
                    prop_assert!(line >= 1 && line <= u64::from(lines), "line {line} of {lines}");
                    prop_assert!(column >= 1);
                }
            }

            #[test]
            fn vcard_like_text_never_panics(text in "(BEGIN:VCARD|END:VCARD|VERSION:2\\.1|[A-Z;=:.\\-]{0,12}|QUOTED-PRINTABLE|PHOTO;ENCODING=b:|CHARSET=[a-z0-9-]{0,8}|[ \\t=\\\\]|\u{e9}|\r?\n){0,60}") {
                let _ = parse_vcards(text.as_bytes());
            }

            #[test]
            fn a_card_survives_the_garbage_around_it(before in garbage(), after in garbage(), crlf in any::<bool>()) {
                let eol = if crlf { "\r\n" } else { "\n" };
                let card = ["BEGIN:VCARD", "VERSION:3.0", "FN:Ada Lovelace", "EMAIL:ada@example.com", "END:VCARD"].join(eol);
                let mut bytes = before.clone();
                bytes.extend_from_slice(eol.as_bytes());
                bytes.extend_from_slice(card.as_bytes());
                bytes.extend_from_slice(eol.as_bytes());
                bytes.extend_from_slice(&after);
                let begin = line_count(&before) + 1;
                let found = parse_vcards(&bytes).into_iter().flatten().find(|c| c.line == begin);
                let found = found.map(|c| (c.name, c.emails));
                prop_assert_eq!(found, Some((Some("Ada Lovelace".to_owned()), vec!["ada@example.com".to_owned()])));
            }
        }
    }
}
