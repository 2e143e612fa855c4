//! One note, parsed: is it a person, what date is it, what does it link, log and promise.

use chrono::NaiveDate;

use crate::body::{self, DailyLink, Link, LogLine, ScanWhat, Task};
use crate::contact_block;
use crate::dates::parse_date;
use crate::diagnostic::{Diagnostic, Severity};
use crate::frontmatter::{self, Split};
use crate::link::{WikiLink, wikilinks};
use crate::options::{ReadOptions, is_under};
use crate::person::{Person, is_placeholder};
use crate::properties::{Entry, Properties};
use crate::source::{Source, conflict_openings, line_column, to_u32};
use crate::value::Value;
use crate::yaml;

/// Why a note has a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// Its file name is a date in the journal format (a daily note).
    Journal,
    /// Its front matter has a `date` property (a meeting note).
    Property,
}

/// A note read from the vault, reduced to what `vault` uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Path relative to the vault root, with `/` separators.
    pub path: String,
    /// The person this note is about, when it is a person note.
    pub person: Option<Box<Person>>,
    /// The note's date, for daily notes and notes with a `date` property.
    pub date: Option<(NaiveDate, DateSource)>,
    /// Wikilinks in the body and the properties (only on task lines unless the note is dated).
    pub links: Vec<Link>,
    /// Dated log lines (person notes only).
    pub log: Vec<LogLine>,
    /// Open tasks, and for a person the follow-ups their properties name (`next_action`,
    /// `next_follow_up`), those first.
    pub tasks: Vec<Task>,
    /// In a Logseq graph, the page's name when it is not its file name: a namespaced
    /// page (`people/Margaret Hamilton` for `people___Margaret Hamilton.md`), a `title::`,
    /// a journal's title (`Nov 26th, 2026`). Links by it resolve to this note.
    pub page: Option<Box<str>>,
    /// What few notes have ([`Note::done`], [`Note::daily_links`], [`Note::summary`]):
    /// kept apart, so that the others pay one pointer for it.
    rare: Option<Box<Rare>>,
}

/// The parts of a note that most notes do not have.
#[derive(Debug, Clone, Default, PartialEq)]
struct Rare {
    done: Vec<Task>,
    daily_links: Vec<DailyLink>,
    summary: Option<String>,
}

/// The properties of a dated note whose links are its people (`people: ["[[Steph Ango]]"]`;
/// its open tasks are theirs). Compared case-insensitively.
pub const PEOPLE_PROPERTIES: &[&str] = &[
    "people",
    "person",
    "attendees",
    "participants",
    "contacts",
    "with",
    "guests",
];

/// Whether `key` is one of the [`PEOPLE_PROPERTIES`].
pub fn is_people_property(key: &str) -> bool {
    PEOPLE_PROPERTIES
        .iter()
        .any(|k| k.eq_ignore_ascii_case(key.trim()))
}

/// A parsed note and the problems found in it.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The note.
    pub note: Note,
    /// Problems, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses the raw bytes of the note at `path` (relative to the vault root).
pub fn parse_note(path: &str, bytes: &[u8], options: &ReadOptions) -> Parsed {
    parse_note_owned(path, bytes.to_vec(), options)
}

/// Like [`parse_note`], taking over the bytes (no copy of the text).
pub fn parse_note_owned(path: &str, bytes: Vec<u8>, options: &ReadOptions) -> Parsed {
    let source = Source::decode_owned(bytes);
    let text = source.text.as_str();
    let mut diagnostics = Vec::new();
    if let Some((line, column)) = source.invalid_utf8_at {
        diagnostics.push(Diagnostic::new(
            path,
            line,
            column,
            Severity::Warning,
            "not-utf8",
            "this note is not valid UTF-8; the bytes that are not were read as \u{FFFD}. Re-save it as UTF-8",
        ));
    }
    let stem = stem_of(path);
    let split = frontmatter::split(text);
    let conflicted = conflict_markers(path, text, &mut diagnostics);
    // A Logseq page's `title::` and where its property block ends.
    let mut logseq_page: (Option<String>, usize) = (None, 0);
    let properties = match split {
        // A note in the middle of a git merge has two versions of its properties.
        _ if conflicted => Properties::default(),
        Split::FrontMatter {
            yaml_start,
            yaml_end,
            ..
        } => read_properties(path, text, yaml_start, yaml_end, &mut diagnostics),
        Split::Unterminated => {
            diagnostics.push(Diagnostic::new(
                path,
                1,
                1,
                Severity::Error,
                "unterminated-front-matter",
                "front matter starts with `---` but never ends; add a line `---` after the last property",
            ));
            Properties::default()
        }
        Split::NoFrontMatter => {
            match options
                .logseq
                .as_ref()
                .and_then(|graph| crate::logseq::page_properties(text, graph))
            {
                Some(page) => {
                    logseq_page = (page.title, page.body_start);
                    Properties::new(page.entries)
                }
                None => Properties::default(),
            }
        }
    };

    // A Logseq page's body starts after its property block.
    let body_start = split.body_start().max(logseq_page.1);
    let journal_date = journal_date(path, options);
    let page = options.logseq.as_ref().and_then(|graph| {
        crate::logseq::page_name(stem, logseq_page.0.as_deref(), journal_date, graph)
            .map(String::into_boxed_str)
    });
    let body = &text[body_start..];
    // A namespace is a Logseq graph's folder: `people/Margaret Hamilton` is in `people`.
    let found_by = crate::people::found_by(path, &properties, body, options).or_else(|| {
        let page = page.as_deref().filter(|p| p.contains('/'))?;
        crate::people::found_by(&format!("{page}.md"), &properties, body, options)
    });
    let is_person = found_by.is_some();
    let property_date = if is_person || journal_date.is_some() {
        None
    } else {
        date_property(path, &properties, &mut diagnostics)
    };
    let date = journal_date
        .map(|d| (d, DateSource::Journal))
        .or(property_date.map(|d| (d, DateSource::Property)));

    let name = page.as_deref().map_or(stem, crate::logseq::namespace_leaf);
    let (body_line, _) = line_column(text, body_start);
    let person = found_by.map(|found_by| {
        let block = contact_block::read(body, body_line, path, &mut diagnostics);
        let mut person = Person::from_properties(
            &properties,
            &block,
            name,
            path,
            // Dates written as links name daily notes: in a Logseq graph by their title.
            options
                .logseq
                .as_ref()
                .map_or(&options.journal_format, |graph| &graph.title_format),
            &mut diagnostics,
        );
        person.found_by = found_by;
        Box::new(person)
    });

    let scan = body::scan(
        &text[body_start..],
        body_line,
        ScanWhat {
            log: is_person,
            links: date.is_some(),
            journal: is_person.then_some(options),
            journal_titles: options.logseq.as_ref().map(|graph| &graph.title_format),
        },
    );
    let mut links = scan.links;
    if date.is_some() {
        links.extend(property_links(&properties));
    }
    // A large vault keeps every note in memory: no spare capacity.
    links.shrink_to_fit();
    let (mut log, mut tasks) = (scan.log, scan.tasks);
    if is_person {
        let mut promised = property_follow_ups(path, &properties, &mut diagnostics);
        if !promised.is_empty() {
            promised.append(&mut tasks);
            tasks = promised;
        }
    }
    log.shrink_to_fit();
    tasks.shrink_to_fit();
    let summary: Option<String> = property_date.and_then(|_| {
        ["summary", "title"]
            .into_iter()
            .find_map(|key| text_of(&properties, key))
    });
    diagnostics.sort_by_key(|d| (d.line, d.column));
    Parsed {
        note: Note {
            path: path.to_owned(),
            person,
            date,
            links,
            log,
            tasks,
            page,
            rare: (!scan.done.is_empty() || !scan.daily_links.is_empty() || summary.is_some())
                .then(|| {
                    let (mut done, mut daily_links) = (scan.done, scan.daily_links);
                    done.shrink_to_fit();
                    daily_links.shrink_to_fit();
                    Box::new(Rare {
                        done,
                        daily_links,
                        summary,
                    })
                }),
        },
        diagnostics,
    }
}

/// Reports git conflict markers (`<<<<<<<`, `=======`, `>>>>>>>` at the start of a line);
/// returns whether there are any.
fn conflict_markers(path: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> bool {
    let mut found = false;
    // Only the opening marker is reported: one diagnostic per conflict.
    for line in conflict_openings(text) {
        found = true;
        diagnostics.push(Diagnostic::new(
            path,
            line,
            1,
            Severity::Error,
            "conflict-markers",
            "this note has git conflict markers (<<<<<<< … ======= … >>>>>>>); its properties are not trusted until you keep one version and delete the markers",
        ));
    }
    found
}

impl Note {
    /// Done tasks that may be contact ([`Task::done_on`], else the note's date).
    pub fn done(&self) -> &[Task] {
        self.rare.as_ref().map_or(&[], |r| &r.done)
    }

    /// Links to daily notes in a person's note, each a contact on its date.
    pub fn daily_links(&self) -> &[DailyLink] {
        self.rare.as_ref().map_or(&[], |r| &r.daily_links)
    }

    /// What a dated note (a `date` property) says it is about: its `summary` property,
    /// else its `title`.
    pub fn summary(&self) -> Option<&str> {
        self.rare.as_ref().and_then(|r| r.summary.as_deref())
    }

    /// The file name without `.md`.
    pub fn stem(&self) -> &str {
        stem_of(&self.path)
    }

    /// What the note is called: a person's name (their `name`, else the file name), else
    /// the file name (in a Logseq graph, the last part of the page's name).
    pub fn display_name(&self) -> &str {
        match (&self.person, &self.page) {
            (Some(person), _) => person.name.as_str(),
            (None, Some(page)) => crate::logseq::namespace_leaf(page),
            (None, None) => self.stem(),
        }
    }
}

/// The file name of `path` without its `.md` extension.
pub fn file_stem(path: &str) -> String {
    stem_of(path).to_owned()
}

pub(crate) fn stem_of(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name
        .len()
        .checked_sub(3)
        .filter(|&i| name.is_char_boundary(i) && name[i..].eq_ignore_ascii_case(".md"));
    stem.map_or(name, |i| &name[..i])
}

fn read_properties(
    path: &str,
    text: &str,
    yaml_start: usize,
    yaml_end: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Properties {
    let yaml_text = &text[yaml_start..yaml_end];
    let (first_line, _) = line_column(text, yaml_start);
    let placeholders = quote_placeholders(yaml_text);
    if let Some((_, at)) = &placeholders {
        let (line, column) = line_column(text, yaml_start + at);
        diagnostics.push(Diagnostic::new(
            path,
            line,
            column,
            Severity::Hint,
            "template-placeholder",
            "this note has an unfilled template placeholder such as `{{date}}`; it is read as text. \
             If the note is a template, keep it in the templates folder",
        ));
    }
    let parsed_text = placeholders.as_ref().map_or(yaml_text, |(t, _)| t.as_str());
    match yaml::parse_mapping(parsed_text) {
        Ok(entries) => {
            let positions = KeyPositions::new(key_positions(yaml_text, first_line));
            Properties::new(
                entries
                    .into_iter()
                    .map(|(key, value)| {
                        let (line, column) = positions.find(key.trim()).unwrap_or((first_line, 1));
                        Entry {
                            key,
                            value,
                            line,
                            column,
                        }
                    })
                    .collect(),
            )
        }
        Err(err) => {
            let (line, column) = line_column(text, yaml_start + err.offset.unwrap_or(0));
            let (code, message) = match err.kind {
                yaml::YamlErrorKind::Limit => (
                    "yaml-limit",
                    format!(
                        "front matter was not read: {}; its properties are ignored. \
                         Keep properties flat and short; use an alias (`*name`) only a few times",
                        err.message
                    ),
                ),
                yaml::YamlErrorKind::Syntax => (
                    "yaml-syntax",
                    format!(
                        "front matter is not valid YAML ({}); its properties are ignored. \
                         Quote values that contain `: `, `#` or start with `[`, `{{`, `*` or `@`",
                        err.message
                    ),
                ),
            };
            diagnostics.push(Diagnostic::new(
                path,
                line,
                column,
                Severity::Error,
                code,
                message,
            ));
            Properties::default()
        }
    }
}

/// Rewrites unquoted `{{…}}` values (`created: {{date}}`, which YAML reads as a mapping)
/// as same-length strings (`"{date}"`), so the rest of the front matter still reads and
/// error columns stay right. Returns the rewritten text and the offset of the first one.
fn quote_placeholders(yaml: &str) -> Option<(String, usize)> {
    crate::source::find_pair(yaml.as_bytes(), b'{')?;
    let mut out = String::with_capacity(yaml.len());
    let mut first = None;
    let mut rest = yaml;
    while let Some(open) = rest.find("{{") {
        let before = rest[..open].trim_end_matches([' ', '\t']);
        let value_position = before.is_empty()
            || before.ends_with(':')
            || before.ends_with('-')
            || before.ends_with('[')
            || before.ends_with(',');
        let close = rest[open..].find("}}").map(|c| open + c);
        match close {
            Some(close) if value_position && !rest[open..close].contains('\n') => {
                first.get_or_insert(yaml.len() - rest.len() + open);
                out.push_str(&rest[..open]);
                // Quoted whole, so the value reads as written (`{{date}}`); a single-quoted
                // YAML string has one escape, a doubled `'`.
                out.push('\'');
                out.push_str(&rest[open..close + 2].replace('\'', "''"));
                out.push('\'');
                rest = &rest[close + 2..];
            }
            _ => {
                out.push_str(&rest[..open + 2]);
                rest = &rest[open + 2..];
            }
        }
    }
    out.push_str(rest);
    first.map(|at| (out, at))
}

/// Where each top-level key is, found by a scan when there are a few and through an index
/// when there are many, so a note with 100,000 keys is read in linear time.
struct KeyPositions<'a> {
    list: Vec<(&'a str, u32, u32)>,
    index: rustc_hash::FxHashMap<String, (u32, u32)>,
}

impl<'a> KeyPositions<'a> {
    const SCAN: usize = 32;

    fn new(list: Vec<(&'a str, u32, u32)>) -> Self {
        let mut index = rustc_hash::FxHashMap::default();
        if list.len() > Self::SCAN {
            // The first line of a key is its place, as the scan below finds it.
            for &(key, line, column) in list.iter().rev() {
                index.insert(key.to_ascii_lowercase(), (line, column));
            }
        }
        KeyPositions { list, index }
    }

    fn find(&self, key: &str) -> Option<(u32, u32)> {
        if self.list.len() > Self::SCAN {
            return self.index.get(&key.to_ascii_lowercase()).copied();
        }
        self.list
            .iter()
            .find(|(k, _, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, l, c)| (*l, *c))
    }
}

/// Line and value column of each top-level key (keys start at column 1).
fn key_positions(yaml: &str, first_line: u32) -> Vec<(&str, u32, u32)> {
    crate::line::keys(yaml)
        .map(|key| (key.name, first_line + to_u32(key.index), key.value_column()))
        .collect()
}

fn journal_date(path: &str, options: &ReadOptions) -> Option<NaiveDate> {
    journal_date_of(path.get(..path.len().checked_sub(3)?)?, options)
}

/// The date a daily note's path without `.md` (or a link target naming one) stands for, in
/// the vault's journal format.
pub(crate) fn journal_date_of(without_ext: &str, options: &ReadOptions) -> Option<NaiveDate> {
    let format = &options.journal_format;
    if let Some(date) = format.parse(without_ext) {
        return Some(date);
    }
    if format.as_moment().contains('/') {
        for folder in &options.journal_folders {
            let folder = folder.trim_matches('/');
            if is_under(without_ext, folder) {
                let relative = without_ext.get(folder.len()..)?.trim_start_matches('/');
                if let Some(date) = format.parse(relative) {
                    return Some(date);
                }
            }
        }
    }
    None
}

fn date_property(
    path: &str,
    props: &Properties,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<NaiveDate> {
    let entry = props.get("date")?;
    let text = entry.value.as_scalar()?.trim();
    if text.is_empty() || is_placeholder(text) || matches!(entry.value, Value::Number(_)) {
        return None;
    }
    let date = parse_date(text);
    if date.is_none() {
        diagnostics.push(Diagnostic::new(
            path,
            entry.line,
            entry.column,
            Severity::Warning,
            "bad-date",
            format!(
                "`{}: {}` is not a date, so this note is not dated; write it as YYYY-MM-DD",
                entry.key, text
            ),
        ));
    }
    date
}

fn property_links(props: &Properties) -> Vec<Link> {
    let mut links = Vec::new();
    for entry in props.entries() {
        let mut push = |link: WikiLink<'_>| {
            links.push(Link {
                target: link.target.to_owned(),
                line: entry.line,
                column: entry.column,
                in_task: false,
                embed: link.embed,
                property: Some(entry.key.clone()),
                context: None,
            });
        };
        if is_people_property(&entry.key) {
            unquoted_links(&entry.value, &mut push);
        } else {
            for text in entry.value.all_strings() {
                wikilinks(text).for_each(&mut push);
            }
        }
    }
    links
}

/// The links in a people property, also written unquoted: YAML reads
/// `contacts: [[Maria Garcia]]` as a list holding a list holding `Maria Garcia`.
fn unquoted_links<'a>(value: &'a Value, push: &mut impl FnMut(WikiLink<'a>)) {
    match value {
        Value::List(items) => match items.as_slice() {
            [Value::List(inner)] if matches!(inner.as_slice(), [Value::String(_)]) => {
                let name = inner.first().and_then(Value::as_scalar).unwrap_or("");
                let target = crate::link::link_target(name);
                if !target.is_empty() {
                    push(WikiLink {
                        start: 0,
                        target,
                        embed: false,
                    });
                }
            }
            _ => items.iter().for_each(|item| unquoted_links(item, push)),
        },
        Value::String(text) => wikilinks(text).for_each(push),
        Value::Map(entries) => entries.iter().for_each(|(_, v)| unquoted_links(v, push)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// The text of property `key`, when it is a filled-in scalar.
fn text_of(props: &Properties, key: &str) -> Option<String> {
    let text = props.get(key)?.value.as_scalar()?.trim();
    (!text.is_empty() && !is_placeholder(text)).then(|| text.to_owned())
}

/// The follow-ups a person's properties name: `next_action` (due on `next_action_date`)
/// and `next_follow_up` (a date: "follow up" on that day; else what to do), at the
/// property's line.
fn property_follow_ups(
    path: &str,
    props: &Properties,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Task> {
    let mut out = Vec::new();
    let follow_up = |key: &'static str, entry: &Entry, text: &str, due: Option<NaiveDate>| Task {
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        due,
        done_on: None,
        links: wikilinks(text)
            .filter(|l| !l.embed)
            .map(|l| l.target.to_owned())
            .collect(),
        property: Some(key),
        line: entry.line,
    };
    let due = props
        .get("next_action_date")
        .and_then(|entry| follow_up_date(path, entry, diagnostics));
    if let Some(entry) = props.get("next_action") {
        for text in entry.value.scalars() {
            if !is_placeholder(text) {
                out.push(follow_up("next_action", entry, text, due));
            }
        }
    }
    if let Some(entry) = props.get("next_follow_up") {
        for text in entry.value.scalars() {
            if is_placeholder(text) {
                continue;
            }
            match parse_date(text) {
                Some(date) => out.push(follow_up("next_follow_up", entry, "follow up", Some(date))),
                None => out.push(follow_up("next_follow_up", entry, text, None)),
            }
        }
    }
    out
}

/// The date of a follow-up's date property; a value that is not a date is reported.
fn follow_up_date(
    path: &str,
    entry: &Entry,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<NaiveDate> {
    let text = entry.value.as_scalar()?.trim();
    if text.is_empty() || is_placeholder(text) {
        return None;
    }
    let date = parse_date(text);
    if date.is_none() {
        diagnostics.push(Diagnostic::new(
            path,
            entry.line,
            entry.column,
            Severity::Warning,
            "bad-date",
            format!(
                "`{}: {}` is not a date, so the follow-up has no due date; write it as YYYY-MM-DD",
                entry.key, text
            ),
        ));
    }
    date
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(path: &str, text: &str) -> Parsed {
        parse_note(path, text.as_bytes(), &ReadOptions::default())
    }

    #[test]
    fn person_by_folder_category_or_type() {
        assert!(parse("People/Ann.md", "").note.person.is_some());
        assert!(
            parse(
                "References/Steph.md",
                "---\ncategories:\n  - \"[[People]]\"\n---\n"
            )
            .note
            .person
            .is_some()
        );
        assert!(
            parse("x/Bo.md", "---\ntype: Person\n---\n")
                .note
                .person
                .is_some()
        );
        assert!(
            parse("x/Bo.md", "---\ntags: [person]\n---\n")
                .note
                .person
                .is_some()
        );
        assert!(
            parse("x/Bo.md", "---\ntype: book\n---\n")
                .note
                .person
                .is_none()
        );
    }

    #[test]
    fn dated_notes_link_from_body_and_properties() {
        let p = parse(
            "Notes/Meeting.md",
            "---\ndate: 2023-09-12\npeople:\n  - \"[[Steph Ango]]\"\n---\nWith [[Kai]]\n",
        );
        let note = p.note;
        assert_eq!(
            note.date.map(|(d, _)| d.to_string()).as_deref(),
            Some("2023-09-12")
        );
        let targets: Vec<_> = note
            .links
            .iter()
            .map(|l| (l.target.as_str(), l.line))
            .collect();
        assert_eq!(targets, vec![("Kai", 6), ("Steph Ango", 3)]);
    }

    #[test]
    fn journal_notes_by_file_name() {
        let note = parse("Daily/2023-09-12.md", "[[Ann]]").note;
        assert_eq!(note.date.map(|(_, s)| s), Some(DateSource::Journal));
        assert_eq!(note.links.len(), 1);
    }

    fn graph() -> ReadOptions {
        ReadOptions {
            logseq: Some(crate::logseq::Logseq {
                file_names: crate::logseq::FileNames::TripleLowbar,
                ..crate::logseq::Logseq::default()
            }),
            journal_format: crate::dates::JournalFormat::from_java("yyyy_MM_dd"),
            ..ReadOptions::default()
        }
    }

    #[test]
    fn logseq_page_properties_are_the_properties_of_a_page() {
        let text = "title:: people/Margaret Hamilton\nalias:: Maggie, Mags\ntags:: [[person]]\ncadence:: monthly\nbirthday:: 1936-08-17\nlast-contact:: 2026-10-02\n\n- [[Nov 26th, 2026]] coffee\n";
        let p = parse_note("pages/Hamilton.md", text.as_bytes(), &graph());
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let person = p.note.person.expect("a person by `tags:: [[person]]`");
        assert_eq!(person.name, "Margaret Hamilton");
        // `title::` is the page's name, not a job title.
        assert_eq!(person.role, None);
        assert_eq!(person.aliases, vec!["Maggie", "Mags"]);
        assert_eq!(person.cadence_days, Some(30));
        assert_eq!(
            person.last_contact.map(|d| d.to_string()).as_deref(),
            Some("2026-10-02")
        );
        assert_eq!(p.note.page.as_deref(), Some("people/Margaret Hamilton"));
        let log: Vec<_> = p
            .note
            .log
            .iter()
            .map(|l| (l.date.to_string(), l.line))
            .collect();
        assert_eq!(log, vec![("2026-11-26".to_owned(), 8)]);
        // A bad value points at its place in the property block.
        let bad = parse_note(
            "pages/X.md",
            b"type:: person\ncadence:: sometimes\n",
            &graph(),
        );
        let d = &bad.diagnostics[0];
        assert_eq!((d.code, d.line, d.column), ("bad-cadence", 2, 11));
        // In an Obsidian vault `key:: value` lines are body (Dataview's inline fields).
        let obsidian = parse_note(
            "pages/Hamilton.md",
            text.as_bytes(),
            &ReadOptions::default(),
        );
        assert!(obsidian.note.person.is_none());
        assert_eq!(obsidian.note.page, None);
    }

    #[test]
    fn logseq_journals_are_dated_and_titled() {
        let p = parse_note(
            "journals/2026_11_26.md",
            b"- coffee with [[Maggie]]\n",
            &graph(),
        );
        assert_eq!(
            p.note.date.map(|(d, s)| (d.to_string(), s)),
            Some(("2026-11-26".to_owned(), DateSource::Journal))
        );
        assert_eq!(p.note.page.as_deref(), Some("Nov 26th, 2026"));
        assert_eq!(p.note.links[0].target, "Maggie");
        // Front matter still wins over `::` lines.
        let fm = parse_note(
            "pages/A.md",
            b"---\ntype: person\n---\nrole:: x\n",
            &graph(),
        );
        assert_eq!(fm.note.person.map(|p| p.role), Some(None));
    }

    #[test]
    fn yaml_errors_point_at_the_file_line() {
        let p = parse(
            "People/Bad.md",
            "---\nname: Bad\nrole: [unclosed\n---\n- 2026-01-02 call\n",
        );
        let d = &p.diagnostics[0];
        assert_eq!(d.code, "yaml-syntax");
        assert!(d.line >= 3, "{d}");
        // Still a person, named after the file, with its log read.
        let person = p.note.person.expect("person");
        assert_eq!(person.name, "Bad");
        assert_eq!(p.note.log.len(), 1);
        assert_eq!(p.note.log[0].line, 5);
    }

    #[test]
    fn placeholders_do_not_break_front_matter() {
        let p = parse("People/T.md", "---\ncreated: {{date}}\nrole: Chef\n---\n");
        assert_eq!(p.diagnostics.len(), 1, "{:?}", p.diagnostics);
        assert_eq!(p.diagnostics[0].code, "template-placeholder");
        assert_eq!((p.diagnostics[0].line, p.diagnostics[0].column), (2, 10));
        assert_eq!(p.note.person.and_then(|x| x.role).as_deref(), Some("Chef"));
    }

    #[test]
    fn a_placeholder_is_quoted_as_written() {
        let p = parse(
            "People/T.md",
            "---
birthday: {{date}}
role: {{it's}}
---
",
        );
        // Read as the placeholder it is (a hint), not as a bad date named `{date}`.
        let codes: Vec<_> = p.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["template-placeholder"], "{:?}", p.diagnostics);
        let quoted = quote_placeholders("role: {{it's}}\n").map(|(text, _)| text);
        assert_eq!(quoted.as_deref(), Some("role: '{{it''s}}'\n"));
    }

    #[test]
    fn bad_values_point_at_their_line_and_column() {
        let p = parse("People/X.md", "---\nname: X\ncadence: sometimes\n---\n");
        let d = &p.diagnostics[0];
        assert_eq!((d.code, d.line, d.column), ("bad-cadence", 3, 10));
    }

    #[test]
    fn bom_crlf_and_unterminated() {
        let p = parse(
            "People/Y.md",
            "\u{FEFF}---\r\nname: Why\r\n---\r\n- 2026-01-02 call\r\n",
        );
        assert_eq!(p.note.person.map(|x| x.name).as_deref(), Some("Why"));
        assert_eq!(p.note.log[0].kind.as_deref(), Some("call"));
        let u = parse("People/Z.md", "---\nname: Z\n- 2026-01-02 call\n");
        assert_eq!(u.diagnostics[0].code, "unterminated-front-matter");
        assert_eq!(u.note.log.len(), 1);
    }

    #[test]
    fn conflict_markers_distrust_properties() {
        let p = parse(
            "People/C.md",
            "---\n<<<<<<< HEAD\ncadence: 30\n=======\ncadence: 60\n>>>>>>> other\n---\n- 2026-01-02 call\n",
        );
        assert_eq!(p.diagnostics.len(), 1, "{:?}", p.diagnostics);
        assert_eq!(
            (p.diagnostics[0].code, p.diagnostics[0].line),
            ("conflict-markers", 2)
        );
        let person = p.note.person.expect("person");
        assert_eq!(person.cadence_days, None);
        assert_eq!(p.note.log.len(), 1);
    }

    #[test]
    fn dated_notes_say_what_they_are_about() {
        let summary = |text: &str| {
            parse("Meetings/Sync.md", text)
                .note
                .summary()
                .map(str::to_owned)
        };
        assert_eq!(
            summary("---\ndate: 2026-10-07\nsummary: Hiring plan\ntitle: Sync\n---\n").as_deref(),
            Some("Hiring plan")
        );
        assert_eq!(
            summary("---\ndate: 2026-10-07\ntitle: Weekly sync\n---\n").as_deref(),
            Some("Weekly sync")
        );
        assert_eq!(
            summary("---\ndate: 2026-10-07\ntitle: \"{{title}}\"\n---\n"),
            None
        );
        // Only dated notes: a person's `title` is their role.
        assert_eq!(
            parse("People/Ann.md", "---\ntitle: CTO\n---\n")
                .note
                .summary(),
            None
        );
    }

    #[test]
    fn people_properties_read_unquoted_links_and_embeds() {
        let note = parse(
            "Meetings/M.md",
            "---\ndate: 2026-10-07\ncontacts: [[Maria Garcia]]\nattendees:\n  - [[Sam]]\n  - \"[[Kai|K]]\"\n  - \"![[Bo]]\"\nwith: [[[Ann]], [[Cy]]]\nproject: [[Apollo]]\n---\n",
        )
        .note;
        let got: Vec<_> = note
            .links
            .iter()
            .map(|l| (l.target.as_str(), l.embed, l.property.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Maria Garcia", false, Some("contacts")),
                ("Sam", false, Some("attendees")),
                ("Kai", false, Some("attendees")),
                ("Bo", true, Some("attendees")),
                ("Ann", false, Some("with")),
                ("Cy", false, Some("with")),
            ],
            "`project:` is not a people property: unquoted, it is no link"
        );
    }

    #[test]
    fn follow_up_properties_are_a_persons_tasks() {
        let p = parse(
            "People/Sam.md",
            "---\nnext_action: send [[Kai]] the deck\nnext_action_date: 2026-12-01\nnext_follow_up: 2026-12-05\n---\n- [ ] in the body\n",
        );
        let got: Vec<_> = p
            .note
            .tasks
            .iter()
            .map(|t| {
                (
                    t.text.as_str(),
                    t.due.map(|d| d.to_string()),
                    t.property,
                    t.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "send [[Kai]] the deck",
                    Some("2026-12-01".to_owned()),
                    Some("next_action"),
                    2
                ),
                (
                    "follow up",
                    Some("2026-12-05".to_owned()),
                    Some("next_follow_up"),
                    4
                ),
                ("in the body", None, None, 6),
            ]
        );
        assert_eq!(p.note.tasks[0].links, vec!["Kai"]);
        let p = parse(
            "People/Sam.md",
            "---\nnext_follow_up: ask about the move\nnext_action: call\nnext_action_date: soon\n---\n",
        );
        let texts: Vec<_> = p
            .note
            .tasks
            .iter()
            .map(|t| (t.text.as_str(), t.due))
            .collect();
        assert_eq!(texts, vec![("call", None), ("ask about the move", None)]);
        let d = &p.diagnostics[0];
        assert_eq!((d.code, d.line, d.column), ("bad-date", 4, 19));
        // Not in other notes.
        assert!(
            parse("Notes/X.md", "---\nnext_action: call\n---\n")
                .note
                .tasks
                .is_empty()
        );
    }

    #[test]
    fn stems() {
        assert_eq!(file_stem("a/b/Sharon Lee.md"), "Sharon Lee");
        assert_eq!(file_stem("a/Note.MD"), "Note");
    }

    #[test]
    fn a_person_from_vcf_contacts_and_the_contacts_plugin() {
        // VCF Contacts quotes its bracketed keys.
        let vcf = parse(
            "People/anya.md",
            "---\nN.FN: Volkova\nN.GN: Anya\n\"EMAIL[HOME]\": anya.ice@frostmail.ru\n\"EMAIL[WORK]\": anya@techsnow.ru\n\"TEL[CELL]\": \"+74951234567\"\nBDAY: 19910105\nORG: FrostTech Artisans\n---\n#### Notes\n",
        );
        assert!(vcf.diagnostics.is_empty(), "{:?}", vcf.diagnostics);
        let person = vcf.note.person.expect("person");
        assert_eq!(person.name, "Anya Volkova");
        assert_eq!(person.email, ["anya.ice@frostmail.ru", "anya@techsnow.ru"]);
        assert_eq!(person.phone.as_deref(), Some("+74951234567"));
        assert_eq!(person.birthday.map(|b| b.year), Some(Some(1991)));
        assert_eq!(person.company, ["FrostTech Artisans"]);

        let contacts = parse(
            "People/Contact 1.md",
            "---\nlast_chat: 2026-10-02\n---\n/---contact---/\r\n| key | value |\r\n| --- | --- |\r\n| Name | carl |\r\n| Last Name | johnson |\r\n| Birthday | 1966-13-06 |\r\n| Last chat | 2022-12-06 |\r\n/---contact---/\r\n",
        );
        let person = contacts.note.person.expect("person");
        assert_eq!(person.name, "carl johnson");
        // The front matter wins; the body's bad birthday is reported at its row.
        assert_eq!(
            person.last_contact.map(|d| d.to_string()).as_deref(),
            Some("2026-10-02")
        );
        let found: Vec<_> = contacts
            .diagnostics
            .iter()
            .map(|d| (d.code, d.line, d.column))
            .collect();
        assert_eq!(found, [("bad-date", 9, 14)]);

        // Not a person, not read; in a code block, not read.
        let other = parse("Notes/x.md", "/---contact---/\n| Name | Ada |\n");
        assert!(other.note.person.is_none() && other.diagnostics.is_empty());
        let example = parse(
            "People/Help.md",
            "~~~\n/---contact---/\n| Name | Ada |\n/---contact---/\n~~~\n",
        );
        assert_eq!(example.note.person.map(|p| p.name).as_deref(), Some("Help"));
    }
}
