//! Logseq graphs: what `logseq/config.edn` says ([`read_config`], a small EDN reader),
//! page properties (`key:: value` lines of a page's first block), page names from file
//! names (namespaces: `people___Margaret Hamilton.md` is `people/Margaret Hamilton`),
//! journal page titles (`[[Nov 26th, 2026]]`) and the `SCHEDULED:`/`DEADLINE:` lines under
//! a task.
//!
//! Everything here reads only what a graph has; an Obsidian vault never gets here
//! ([`crate::ReadOptions::logseq`] is `None` for it), except the task dates, whose syntax
//! (`SCHEDULED: <2026-11-30 Mon>` on the line under a task) no other tool writes.

use chrono::NaiveDate;

use crate::body::Task;
use crate::dates::{JournalFormat, split_iso_date};
use crate::line::{Kind, Shape, lines};
use crate::properties::Entry;
use crate::source::{line_column, to_u32};
use crate::value::Value;

/// The file at the root of a graph that makes a folder a Logseq graph.
pub const CONFIG_FILE: &str = "logseq/config.edn";

/// The folders the walk skips: in a graph all of `logseq/` (Logseq's settings, backups in
/// `bak/`, deleted pages in `.recycle/`, `version-files/`: no page lives there); in any
/// other vault a root `logseq/bak/` and `logseq/version-files/` all the same, as copies
/// of notes are not notes.
pub(crate) fn skipped_folders(graph: bool) -> &'static [&'static str] {
    if graph {
        &["logseq"]
    } else {
        &["logseq/bak", "logseq/version-files"]
    }
}

/// How a Logseq graph is laid out and names its pages, from `logseq/config.edn`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logseq {
    /// How journal pages are titled, and so how links to them are written
    /// (`:journal/page-title-format`). Default: `MMM do, yyyy` (`Nov 26th, 2026`).
    pub title_format: JournalFormat,
    /// How page names are written in file names (`:file/name-format`). Default: legacy.
    pub file_names: FileNames,
    /// The folder of pages (`:pages-directory`). Default: `pages`.
    pub pages_folder: String,
    /// The folder of journals (`:journals-directory`). Default: `journals`.
    pub journals_folder: String,
    /// Properties whose values are lists separated by commas, besides `alias` and `tags`
    /// (`:property/separated-by-commas`), lower case. Default: none.
    pub comma_properties: Vec<String>,
}

impl Default for Logseq {
    fn default() -> Self {
        Logseq {
            title_format: JournalFormat::from_java(DEFAULT_TITLE_FORMAT),
            file_names: FileNames::Legacy,
            pages_folder: "pages".to_owned(),
            journals_folder: "journals".to_owned(),
            comma_properties: Vec::new(),
        }
    }
}

/// Logseq's default `:journal/page-title-format`.
pub const DEFAULT_TITLE_FORMAT: &str = "MMM do, yyyy";
/// Logseq's default `:journal/file-name-format`.
pub const DEFAULT_FILE_NAME_FORMAT: &str = "yyyy_MM_dd";

/// How a page name is written as a file name (`:file/name-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileNames {
    /// `:triple-lowbar`: `___` separates namespaces (`people___Ann.md` is `people/Ann`), and
    /// `%2F`-style escapes are decoded.
    TripleLowbar,
    /// The format of graphs made before it (no `:file/name-format`): `.` separates
    /// namespaces (`people.Ann.md`), and `%2F`-style escapes are decoded.
    Legacy,
}

/// What a `logseq/config.edn` sets, each key only when it is there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// `:journal/file-name-format`, a Java date pattern (`yyyy_MM_dd`).
    pub journal_file_name_format: Option<String>,
    /// `:journal/page-title-format`, a Java date pattern (`MMM do, yyyy`).
    pub journal_page_title_format: Option<String>,
    /// `:pages-directory`.
    pub pages_directory: Option<String>,
    /// `:journals-directory`.
    pub journals_directory: Option<String>,
    /// `:file/name-format`.
    pub file_name_format: Option<FileNames>,
    /// `:hidden`: folders and files Logseq ignores (`"/archived"`, `"/test.md"`).
    pub hidden: Vec<String>,
    /// `:property/separated-by-commas`, lower case, without the colon.
    pub comma_properties: Vec<String>,
    /// What could not be read, with its 1-based line and column: the rest is still read.
    pub problems: Vec<ConfigProblem>,
}

/// A place in `logseq/config.edn` that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// What is wrong, and what to write instead.
    pub message: String,
}

impl Config {
    /// The graph these settings describe, Logseq's defaults filling in.
    pub fn graph(&self) -> Logseq {
        let defaults = Logseq::default();
        let folder = |value: &Option<String>, default: String| {
            value
                .as_deref()
                .map(|f| f.trim().trim_matches('/'))
                .filter(|f| !f.is_empty())
                .map_or(default, str::to_owned)
        };
        Logseq {
            title_format: self
                .journal_page_title_format
                .as_deref()
                .filter(|f| !f.trim().is_empty())
                .map_or(defaults.title_format, JournalFormat::from_java),
            file_names: self.file_name_format.unwrap_or(FileNames::Legacy),
            pages_folder: folder(&self.pages_directory, defaults.pages_folder),
            journals_folder: folder(&self.journals_directory, defaults.journals_folder),
            comma_properties: self.comma_properties.clone(),
        }
    }

    /// The file-name format of journals as a [`JournalFormat`] (default `yyyy_MM_dd`).
    pub fn journal_file_names(&self) -> JournalFormat {
        JournalFormat::from_java(
            self.journal_file_name_format
                .as_deref()
                .filter(|f| !f.trim().is_empty())
                .unwrap_or(DEFAULT_FILE_NAME_FORMAT),
        )
    }
}

/// Reads the keys `vault` uses from the text of a `logseq/config.edn`. Any text gives a
/// [`Config`]: what cannot be read is a [`ConfigProblem`], and the keys before it still
/// count. Never panics; nesting deeper than [`MAX_DEPTH`] is a problem, not a stack
/// overflow.
pub fn read_config(text: &str) -> Config {
    let mut config = Config::default();
    let mut reader = Reader { text, at: 0 };
    let problem = |at: usize, message: String| {
        let (line, column) = line_column(text, at.min(text.len()));
        ConfigProblem {
            line,
            column,
            message,
        }
    };
    let mut problems = Vec::new();
    let result = reader.top_level(&mut |key, value, at| {
        if let Some(message) = config.set(key, value) {
            problems.push(problem(at, message));
        }
    });
    if let Err(err) = result {
        problems.push(problem(err.at, err.message));
    }
    config.problems = problems;
    config
}

impl Config {
    /// Takes one top-level `key value`; a message when the value is not of the right kind.
    fn set(&mut self, key: &str, value: Edn) -> Option<String> {
        let text = |value: Edn, slot: &mut Option<String>| match value {
            Edn::Text(t) => {
                *slot = Some(t);
                None
            }
            _ => Some(format!(
                "`:{key}` should be a string in double quotes, such as \"{}\"; Logseq's default is used",
                match key {
                    "journal/page-title-format" => DEFAULT_TITLE_FORMAT,
                    "journal/file-name-format" => DEFAULT_FILE_NAME_FORMAT,
                    "journals-directory" => "journals",
                    _ => "pages",
                }
            )),
        };
        match key {
            "journal/file-name-format" => text(value, &mut self.journal_file_name_format),
            "journal/page-title-format" => text(value, &mut self.journal_page_title_format),
            "pages-directory" => text(value, &mut self.pages_directory),
            "journals-directory" => text(value, &mut self.journals_directory),
            "file/name-format" => match value {
                Edn::Keyword(k) if k == "triple-lowbar" => {
                    self.file_name_format = Some(FileNames::TripleLowbar);
                    None
                }
                Edn::Keyword(k) if k == "legacy" => {
                    self.file_name_format = Some(FileNames::Legacy);
                    None
                }
                _ => Some(
                    "`:file/name-format` should be `:triple-lowbar` or `:legacy`; file names are read the legacy way"
                        .to_owned(),
                ),
            },
            "hidden" => list(value, key).map(|items| self.hidden = items).err(),
            "property/separated-by-commas" => list(value, key)
                .map(|items| {
                    self.comma_properties = items
                        .into_iter()
                        .map(|k| k.trim_start_matches(':').to_lowercase())
                        .collect();
                })
                .err(),
            _ => None,
        }
    }
}

/// The strings or keywords of a vector, for `key`.
fn list(value: Edn, key: &str) -> Result<Vec<String>, String> {
    let wrong = || format!("`:{key}` should be a vector such as [\"a\" \"b\"]; it is ignored");
    match value {
        Edn::List(items) => items
            .into_iter()
            .map(|item| match item {
                Edn::Text(t) | Edn::Keyword(t) => Ok(t),
                _ => Err(wrong()),
            })
            .collect(),
        _ => Err(wrong()),
    }
}

/// Deepest nesting of EDN collections read.
pub const MAX_DEPTH: usize = 64;

/// An EDN value, reduced to what the keys we read can hold.
#[derive(Debug, Clone, PartialEq)]
enum Edn {
    /// A string, escapes decoded.
    Text(String),
    /// A keyword, without its colon.
    Keyword(String),
    /// A vector, list or set.
    List(Vec<Edn>),
    /// A map, a number, a symbol, a character, a tagged value…: read and passed over.
    Other,
}

#[derive(Debug)]
struct EdnError {
    at: usize,
    message: String,
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn error<T>(&self, at: usize, message: impl Into<String>) -> Result<T, EdnError> {
        Err(EdnError {
            at,
            message: format!(
                "{}; Logseq's settings from here on are not read",
                message.into()
            ),
        })
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn rest(&self) -> &str {
        self.text.get(self.at..).unwrap_or("")
    }

    /// Skips white space, commas and `;` comments.
    fn skip_blank(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b';' => {
                    self.at = memchr::memchr(b'\n', &self.text.as_bytes()[self.at..])
                        .map_or(self.text.len(), |i| self.at + i);
                }
                b',' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => self.at += 1,
                _ => {
                    let c = self.rest().chars().next();
                    match c {
                        Some(c) if c.is_whitespace() || c == '\u{feff}' => {
                            self.at += c.len_utf8();
                        }
                        _ => return,
                    }
                }
            }
        }
    }

    /// The top-level map, handing each key and value to `take` as they are read.
    fn top_level(&mut self, take: &mut dyn FnMut(&str, Edn, usize)) -> Result<(), EdnError> {
        self.skip_blank();
        if self.peek() != Some(b'{') {
            return self.error(self.at, "logseq/config.edn should be one map, `{…}`");
        }
        self.at += 1;
        loop {
            self.skip_blank();
            match self.peek() {
                None => return self.error(self.at, "the map is not closed with `}`"),
                Some(b'}') => return Ok(()),
                _ => {}
            }
            let key_at = self.at;
            let Some(key) = self.item(1)? else {
                continue;
            };
            self.skip_blank();
            if self.peek() == Some(b'}') || self.peek().is_none() {
                return self.error(key_at, "this key has no value");
            }
            let value_at = self.at;
            let value = loop {
                if let Some(value) = self.item(1)? {
                    break value;
                }
                self.skip_blank();
                if matches!(self.peek(), None | Some(b'}')) {
                    return self.error(key_at, "this key has no value");
                }
            };
            if let Edn::Keyword(key) = key {
                take(&key, value, value_at);
            }
        }
    }

    /// One form, or `None` for a form discarded with `#_`.
    fn item(&mut self, depth: usize) -> Result<Option<Edn>, EdnError> {
        if depth > MAX_DEPTH {
            return self.error(self.at, format!("nested more than {MAX_DEPTH} levels deep"));
        }
        self.skip_blank();
        let start = self.at;
        let Some(b) = self.peek() else {
            return self.error(start, "a value is missing at the end of the file");
        };
        match b {
            b'"' => {
                self.at += 1;
                self.string(start).map(|s| Some(Edn::Text(s)))
            }
            b'{' | b'[' | b'(' => {
                self.at += 1;
                let close = match b {
                    b'{' => b'}',
                    b'[' => b']',
                    _ => b')',
                };
                self.collection(start, close, b != b'{', depth)
                    .map(|items| {
                        Some(if b == b'{' {
                            Edn::Other
                        } else {
                            Edn::List(items)
                        })
                    })
            }
            b'}' | b']' | b')' => self.error(start, format!("`{}` closes nothing", b as char)),
            b'#' => self.dispatch(start, depth),
            b':' => {
                self.at += 1;
                let name = self.token();
                if name.is_empty() {
                    return self.error(start, "a `:` without a keyword name");
                }
                Ok(Some(Edn::Keyword(name.to_owned())))
            }
            b'\\' => {
                // A character: `\a`, `\newline`, `\u00e9`, `\(`.
                self.at += 1;
                match self.rest().chars().next() {
                    Some(c) => self.at += c.len_utf8(),
                    None => return self.error(start, "a `\\` at the end of the file"),
                }
                self.token();
                Ok(Some(Edn::Other))
            }
            b'^' => {
                // Metadata, then the form it is about.
                self.at += 1;
                self.item(depth + 1)?;
                self.item(depth + 1)
            }
            b'\'' | b'`' | b'~' | b'@' => {
                self.at += 1;
                self.item(depth + 1)
            }
            _ => {
                if self.token().is_empty() {
                    let c = self.rest().chars().next().unwrap_or('?');
                    self.at += c.len_utf8();
                    return self.error(start, format!("`{c}` cannot start a value"));
                }
                Ok(Some(Edn::Other))
            }
        }
    }

    /// After a `#`: a set `#{…}`, a discard `#_`, a regex `#"…"`, a tagged value
    /// (`#inst "…"`) or a symbolic value (`##Inf`).
    fn dispatch(&mut self, start: usize, depth: usize) -> Result<Option<Edn>, EdnError> {
        self.at += 1;
        match self.peek() {
            Some(b'{') => {
                self.at += 1;
                self.collection(start, b'}', true, depth)
                    .map(|i| Some(Edn::List(i)))
            }
            Some(b'_') => {
                self.at += 1;
                self.item(depth + 1)?;
                Ok(None)
            }
            Some(b'"') => {
                self.at += 1;
                self.string(start).map(|_| Some(Edn::Other))
            }
            Some(b'#') => {
                self.at += 1;
                self.token();
                Ok(Some(Edn::Other))
            }
            _ => {
                if self.token().is_empty() {
                    return self.error(start, "a `#` without a tag");
                }
                self.item(depth + 1)?;
                Ok(Some(Edn::Other))
            }
        }
    }

    /// The items up to `close`, kept when `keep` (a map's are not: no key we read is in
    /// a nested map).
    fn collection(
        &mut self,
        start: usize,
        close: u8,
        keep: bool,
        depth: usize,
    ) -> Result<Vec<Edn>, EdnError> {
        let mut items = Vec::new();
        loop {
            self.skip_blank();
            match self.peek() {
                None => {
                    return self.error(
                        start,
                        format!("this is not closed with `{}`", close as char),
                    );
                }
                Some(b) if b == close => {
                    self.at += 1;
                    return Ok(items);
                }
                _ => {}
            }
            if let Some(item) = self.item(depth + 1)?
                && keep
            {
                items.push(item);
            }
        }
    }

    /// A string after its opening quote, escapes decoded.
    fn string(&mut self, start: usize) -> Result<String, EdnError> {
        let mut out = String::new();
        loop {
            let rest = self.rest();
            let Some(i) = rest.find(['"', '\\']) else {
                return self.error(start, "this string is not closed with `\"`");
            };
            out.push_str(&rest[..i]);
            self.at += i;
            if self.peek() == Some(b'"') {
                self.at += 1;
                return Ok(out);
            }
            self.at += 1;
            let Some(c) = self.rest().chars().next() else {
                return self.error(start, "this string is not closed with `\"`");
            };
            self.at += c.len_utf8();
            match c {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'b' => out.push('\u{8}'),
                'f' => out.push('\u{c}'),
                'u' => {
                    let hex = self.rest().get(..4).unwrap_or("");
                    match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                        Some(c) if hex.len() == 4 => {
                            out.push(c);
                            self.at += 4;
                        }
                        _ => out.push('u'),
                    }
                }
                other => out.push(other),
            }
        }
    }

    /// A symbol, number or keyword name: up to the next delimiter.
    fn token(&mut self) -> &str {
        let rest = self.rest();
        let end = rest
            .find(|c: char| {
                c.is_whitespace()
                    || matches!(
                        c,
                        ',' | '"' | ';' | '(' | ')' | '[' | ']' | '{' | '}' | '\\'
                    )
            })
            .unwrap_or(rest.len());
        let token = &self.text[self.at..self.at + end];
        self.at += end;
        token
    }
}

/// A page's properties, read from `key:: value` lines of its first block.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PageProperties {
    /// The properties, `title::` left out.
    pub entries: Vec<Entry>,
    /// The `title::` property: the page's name.
    pub title: Option<String>,
    /// Byte offset where the rest of the page starts.
    pub body_start: usize,
}

/// The page properties of `text` (a page without front matter, byte-order mark removed):
/// the `key:: value` lines the page starts with, bare or as a first block `- key:: value`
/// with its continuation lines. `None` when the page does not start with one.
pub(crate) fn page_properties(text: &str, graph: &Logseq) -> Option<PageProperties> {
    let mut found = PageProperties::default();
    let mut end = None;
    for (index, (start, line)) in lines(text).enumerate() {
        let trimmed = line.trim_start_matches([' ', '\t']);
        let trimmed = if index == 0 {
            trimmed
                .strip_prefix(['-', '*'])
                .filter(|r| r.starts_with([' ', '\t']))
                .map_or(trimmed, |r| r.trim_start_matches([' ', '\t']))
        } else {
            trimmed
        };
        let Some((key, value)) = property_line(trimmed) else {
            end = Some(start);
            break;
        };
        let value = value.trim();
        let value_at = line.len() - line.trim_end().len();
        let value_at = line.len() - value.len() - value_at;
        let entry = Entry {
            key: key.to_owned(),
            value: property_value(key, value, graph),
            line: to_u32(index + 1),
            column: to_u32(line[..value_at].chars().count() + 1),
        };
        if key.eq_ignore_ascii_case("title") {
            found.title = Some(unquote(value).to_owned()).filter(|t| !t.is_empty());
        } else {
            found.entries.push(entry);
        }
    }
    found.body_start = end.unwrap_or(text.len());
    (found.body_start > 0).then_some(found)
}

/// The key and the rest after `::` of a property line (`alias:: Maggie`).
fn property_line(line: &str) -> Option<(&str, &str)> {
    let colons = line.find("::")?;
    let key = &line[..colons];
    let valid = !key.is_empty()
        && !key.starts_with(['-', '+', '.', '/'])
        && key.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(
                    c,
                    '.' | '*'
                        | '+'
                        | '!'
                        | '-'
                        | '_'
                        | '?'
                        | '$'
                        | '%'
                        | '&'
                        | '='
                        | '<'
                        | '>'
                        | '/'
                )
        });
    valid.then(|| (key, &line[colons + 2..]))
}

/// A property value as Logseq reads it: `alias`, `tags` and the graph's comma properties
/// are lists of page names (`[[…]]` and `#` taken off); a value of several links is a
/// list of them; `true`/`false` flags and whole numbers; text otherwise, `[[links]]` kept.
fn property_value(key: &str, value: &str, graph: &Logseq) -> Value {
    if value.is_empty() {
        return Value::Null;
    }
    let lower = key.to_ascii_lowercase();
    let by_commas = matches!(lower.as_str(), "alias" | "aliases" | "tags")
        || graph.comma_properties.contains(&lower);
    if by_commas && !is_quoted(value) {
        let items: Vec<Value> = split_outside_links(value)
            .filter_map(|item| {
                let item = item.trim();
                let item = item.strip_prefix('#').unwrap_or(item);
                let name = item
                    .strip_prefix("[[")
                    .and_then(|i| i.strip_suffix("]]"))
                    .unwrap_or(item)
                    .trim();
                (!name.is_empty()).then(|| Value::String(name.to_owned()))
            })
            .collect();
        return Value::List(items);
    }
    if !is_quoted(value) {
        let parts: Vec<&str> = split_outside_links(value).map(str::trim).collect();
        let all_links = parts.len() > 1
            && parts
                .iter()
                .all(|p| p.starts_with("[[") && p.ends_with("]]") && p.len() > 4);
        if all_links {
            return Value::List(
                parts
                    .into_iter()
                    .map(|p| Value::String(p.to_owned()))
                    .collect(),
            );
        }
    }
    match value {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        v if v.bytes().all(|b| b.is_ascii_digit()) => Value::Number(v.to_owned()),
        v => Value::String(unquote(v).to_owned()),
    }
}

fn is_quoted(value: &str) -> bool {
    value.len() >= 2 && value.starts_with('"') && value.ends_with('"')
}

fn unquote(value: &str) -> &str {
    if is_quoted(value) {
        &value[1..value.len() - 1]
    } else {
        value
    }
}

/// The parts of `value` between commas (`,` or `，`) that are not inside a `[[link]]`
/// (`[[Nov 26th, 2026]]` is one part).
fn split_outside_links(value: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(value);
    std::iter::from_fn(move || {
        let text = rest?;
        let mut depth = 0usize;
        let mut i = 0;
        let bytes = text.as_bytes();
        while i < bytes.len() {
            if bytes[i..].starts_with(b"[[") {
                depth += 1;
                i += 2;
            } else if bytes[i..].starts_with(b"]]") && depth > 0 {
                depth -= 1;
                i += 2;
            } else if depth == 0 && bytes[i] == b',' {
                rest = Some(&text[i + 1..]);
                return Some(&text[..i]);
            } else if depth == 0 && bytes[i..].starts_with("，".as_bytes()) {
                rest = Some(&text[i + "，".len()..]);
                return Some(&text[..i]);
            } else {
                i += 1;
            }
        }
        rest = None;
        Some(text)
    })
}

/// The page name of the note at `path` in a graph: a journal's title (`Nov 26th, 2026`),
/// else the `title::` property, else its file name decoded (`people___Ann` is `people/Ann`).
/// `None` when it is the file name as it stands.
pub(crate) fn page_name(
    stem: &str,
    title: Option<&str>,
    journal: Option<NaiveDate>,
    graph: &Logseq,
) -> Option<String> {
    let name = match (journal, title) {
        (Some(date), _) => graph.title_format.format(date),
        (None, Some(title)) => title.to_owned(),
        (None, None) => file_name_to_page(stem, graph.file_names),
    };
    (name != stem && !name.is_empty()).then_some(name)
}

/// The file name (without `.md`) Logseq gives the page `page` in the file-name format
/// `format`, which [`file_name_to_page`] reads back as `page`: `/` is `___` (or `%2F` in
/// the legacy format, where a `.` is `%2E`, as `.` would read as `/`), and what cannot be
/// in a file name, or would read as an escape, is percent-encoded.
pub fn page_to_file_name(page: &str, format: FileNames) -> String {
    let mut out = String::with_capacity(page.len() + 8);
    let bytes = page.as_bytes();
    for (i, c) in page.char_indices() {
        let escape_like = c == '%'
            && bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit));
        match c {
            _ if escape_like => out.push_str("%25"),
            ':' | '*' | '?' | '"' | '<' | '>' | '|' | '#' | '\\' => {
                out.push_str(&format!("%{:02X}", u32::from(c)));
            }
            '.' if format == FileNames::Legacy => out.push_str("%2E"),
            '.' if i == 0 => out.push_str("%2E"),
            '/' if format == FileNames::Legacy => out.push_str("%2F"),
            // `_` next to a namespace `/`, or in a run of three, would read as part of one.
            '_' if format == FileNames::TripleLowbar
                && (page[..i].ends_with('/')
                    || page[i + 1..].starts_with('/')
                    || lowbar_run(page, i) >= 3) =>
            {
                out.push_str("%5F");
            }
            '/' => out.push_str("___"),
            c => out.push(c),
        }
    }
    out
}

/// How many `_` in a row there are around the `_` at byte `i` of `text`.
fn lowbar_run(text: &str, i: usize) -> usize {
    let before = text[..i].len() - text[..i].trim_end_matches('_').len();
    let after = text[i..].len() - text[i..].trim_start_matches('_').len();
    before + after
}

/// A page's file name (without `.md`) as its page name, the way Logseq decodes it.
pub fn file_name_to_page(stem: &str, format: FileNames) -> String {
    let spaced = match format {
        FileNames::TripleLowbar => stem.replace("___", "/"),
        FileNames::Legacy => stem.replace('.', "/"),
    };
    let decoded = percent_decoded(&spaced);
    // Empty namespaces (`a//b`, `/a`) are not part of a page name.
    if decoded.contains("//") || decoded.starts_with('/') || decoded.ends_with('/') {
        decoded
            .split('/')
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("/")
    } else {
        decoded
    }
}

/// `%2F`-style escapes decoded where they spell UTF-8; others kept as written.
fn percent_decoded(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let run = &rest[i..];
        let mut bytes = Vec::new();
        let mut used = 0;
        while let Some(hex) = run.get(used + 1..used + 3) {
            if !run[used..].starts_with('%') {
                break;
            }
            match u8::from_str_radix(hex, 16) {
                Ok(b) if hex.bytes().all(|h| h.is_ascii_hexdigit()) => {
                    bytes.push(b);
                    used += 3;
                }
                _ => break,
            }
        }
        match std::str::from_utf8(&bytes) {
            Ok(decoded) if used > 0 => out.push_str(decoded),
            _ if used > 0 => out.push_str(&run[..used]),
            _ => {
                out.push('%');
                used = 1;
            }
        }
        rest = &run[used..];
    }
    out.push_str(rest);
    out
}

/// The last part of a namespaced page name: `people/Margaret Hamilton` is `Margaret
/// Hamilton`.
pub fn namespace_leaf(page: &str) -> &str {
    page.rsplit('/')
        .find(|p| !p.trim().is_empty())
        .unwrap_or(page)
        .trim()
}

/// The date of a link to a journal page by its title, and the text after the link:
/// `linked` is what follows `[[` (`Nov 26th, 2026]] coffee`).
pub(crate) fn journal_link<'a>(
    linked: &'a str,
    titles: &JournalFormat,
) -> Option<(NaiveDate, &'a str)> {
    let close = linked.find("]]")?;
    let date = titles.parse(linked[..close].trim())?;
    Some((date, &linked[close + 2..]))
}

/// The date of a Logseq `SCHEDULED: <2026-11-30 Mon>` or `DEADLINE: <…>` line.
pub(crate) fn task_date(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    let rest = line
        .strip_prefix("SCHEDULED:")
        .or_else(|| line.strip_prefix("DEADLINE:"))?;
    let rest = rest.trim_start().strip_prefix('<')?;
    split_iso_date(rest).map(|(date, _)| date)
}

/// Follows the lines under an open task for its `SCHEDULED:`/`DEADLINE:` lines, which
/// give it a due date (the earlier of the two when it has both).
#[derive(Debug, Default)]
pub(crate) struct TaskDates {
    /// The task being followed (index into the tasks) and its indentation.
    open: Option<(usize, usize)>,
}

impl TaskDates {
    /// Sees one line outside code, after the scan handled it: `tasks_before` is how many
    /// tasks there were before it.
    pub(crate) fn see(
        &mut self,
        shape: &Shape<'_>,
        text: &str,
        tasks: &mut [Task],
        tasks_before: usize,
    ) {
        if tasks.len() > tasks_before {
            self.open = Some((tasks.len() - 1, shape.lead.len()));
            return;
        }
        let Some((task, indent)) = self.open else {
            return;
        };
        let under = matches!(shape.kind, Kind::Other) && shape.lead.len() > indent;
        if !under {
            self.open = None;
            return;
        }
        if let (Some(date), Some(task)) = (task_date(text), tasks.get_mut(task)) {
            task.due = Some(task.due.map_or(date, |due| due.min(date)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn reads_the_docs_graph_config() {
        let text = r#"{:text-formats [],
 :all-pages-public? true
 :default-home {:page "Contents"}

 ;; Currently, we support either "Markdown" or "Org".
 :preferred-format "Markdown"
 :hidden ["script" "README.md"]
 :macros
 {"docs-base-url" "https://docs.logseq.com/#/page/$1"
  "mark" "[:mark \"$1\"]"}
 :journal/page-title-format "EEE, dd.MM.yyyy" ; a comment
 :journal/file-name-format "yyyy-MM-dd"
 :pages-directory "notes/"
 #_ :journals-directory #_ "no"
 :journals-directory "days"
 :property/separated-by-commas #{:company :Topics}
 :default-queries {:journals [{:title "🔨 NOW" :query [:find (pull ?h [*]) :in $ ?start :where [?h :block/marker ?marker] [(contains? #{"NOW" "DOING"} ?marker)]]}]}
 :file/name-format :triple-lowbar
 :feature/enable-whiteboards? true}"#;
        let config = read_config(text);
        assert!(config.problems.is_empty(), "{:?}", config.problems);
        assert_eq!(config.hidden, vec!["script", "README.md"]);
        assert_eq!(config.file_name_format, Some(FileNames::TripleLowbar));
        assert_eq!(config.comma_properties, vec!["company", "topics"]);
        let graph = config.graph();
        assert_eq!(graph.pages_folder, "notes");
        assert_eq!(graph.journals_folder, "days");
        assert_eq!(
            graph.title_format.format(d("2026-11-26")),
            "Thu, 26.11.2026"
        );
        assert_eq!(
            config.journal_file_names().format(d("2026-11-26")),
            "2026-11-26"
        );
    }

    #[test]
    fn defaults_without_keys() {
        let config = read_config("{}");
        assert!(config.problems.is_empty());
        let graph = config.graph();
        assert_eq!(graph, Logseq::default());
        assert_eq!(graph.title_format.format(d("2026-11-26")), "Nov 26th, 2026");
        assert_eq!(
            config.journal_file_names().format(d("2026-11-26")),
            "2026_11_26"
        );
    }

    #[test]
    fn bad_config_is_reported_where_it_is_and_the_rest_is_kept() {
        let config = read_config(
            "{:pages-directory \"p\"\n :journal/page-title-format 12\n :hidden [\"a\"\n",
        );
        assert_eq!(config.pages_directory.as_deref(), Some("p"));
        let at: Vec<_> = config.problems.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(at, [(2, 29), (3, 10)], "{:?}", config.problems);
        assert!(config.problems[0].message.contains("MMM do, yyyy"));
        for text in [
            "",
            "[]",
            "{:a}",
            "{\"x",
            "{:a \"\\u12\"}",
            "{:a #}",
            "{:a \\",
            "}",
            "{:file/name-format :x}",
        ] {
            let config = read_config(text);
            assert!(
                !config.problems.is_empty() || text == "{:a \"\\u12\"}",
                "{text:?}"
            );
        }
        let deep = format!("{{:a {}", "[".repeat(10_000));
        let config = read_config(&deep);
        assert!(
            config.problems[0].message.contains("nested"),
            "{:?}",
            config.problems
        );
    }

    #[test]
    fn strings_decode_their_escapes() {
        let config = read_config(r#"{:pages-directory "a\"b\\c\u00e9\n" :journals-directory "x"}"#);
        assert_eq!(config.pages_directory.as_deref(), Some("a\"b\\cé\n"));
        assert_eq!(config.journals_directory.as_deref(), Some("x"));
    }

    fn props(text: &str) -> Option<PageProperties> {
        page_properties(text, &Logseq::default())
    }

    #[test]
    fn page_properties_bare_or_in_a_first_block() {
        let bare = props("title:: people/Margaret Hamilton\nalias:: Maggie, [[M. Hamilton]]\ntype:: [[person]]\n\n- text\n")
            .expect("properties");
        assert_eq!(bare.title.as_deref(), Some("people/Margaret Hamilton"));
        let got: Vec<_> = bare
            .entries
            .iter()
            .map(|e| (e.key.as_str(), e.value.clone(), e.line, e.column))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "alias",
                    Value::List(vec![
                        Value::String("Maggie".into()),
                        Value::String("M. Hamilton".into())
                    ]),
                    2,
                    9
                ),
                ("type", Value::String("[[person]]".into()), 3, 8),
            ]
        );
        assert_eq!(bare.body_start, 83);
        let block = props("- tags:: person, #[[Work friends]]\n  company:: [[Initech]], [[Acme]]\n  paused:: false\n  cadence:: 30\n- [[Nov 26th, 2026]] coffee\n").expect("properties");
        let values: Vec<_> = block.entries.iter().map(|e| e.value.clone()).collect();
        assert_eq!(
            values,
            vec![
                Value::List(vec![
                    Value::String("person".into()),
                    Value::String("Work friends".into())
                ]),
                Value::List(vec![
                    Value::String("[[Initech]]".into()),
                    Value::String("[[Acme]]".into())
                ]),
                Value::Bool(false),
                Value::Number("30".into()),
            ]
        );
        assert_eq!((block.entries[1].line, block.entries[1].column), (2, 13));
        assert_eq!(
            &"- tags:: person, #[[Work friends]]\n  company:: [[Initech]], [[Acme]]\n  paused:: false\n  cadence:: 30\n"
                [block.body_start - 1..],
            "\n"
        );
    }

    #[test]
    fn what_is_not_a_property() {
        assert_eq!(props("- just text\nkey:: v\n"), None);
        assert_eq!(props("a key:: v\n"), None);
        assert_eq!(props("[[x::y]]\n"), None);
        assert_eq!(props(""), None);
        // The property block ends at the first line that is not one.
        let p = props("a:: 1\nnot one\nb:: 2\n").expect("one");
        assert_eq!(p.entries.len(), 1);
        let commas =
            props("last-met:: [[Nov 26th, 2026]]\nname:: \"Hamilton, Margaret\"\n").expect("p");
        assert_eq!(
            commas.entries[0].value,
            Value::String("[[Nov 26th, 2026]]".into())
        );
        assert_eq!(
            commas.entries[1].value,
            Value::String("Hamilton, Margaret".into())
        );
    }

    #[test]
    fn page_names_from_file_names() {
        let tri = FileNames::TripleLowbar;
        assert_eq!(
            file_name_to_page("people___Margaret Hamilton", tri),
            "people/Margaret Hamilton"
        );
        assert_eq!(file_name_to_page("a%2Fb%3Fc%25", tri), "a/b?c%");
        assert_eq!(
            file_name_to_page("100% sure %zz %C3%A9 %FF", tri),
            "100% sure %zz é %FF"
        );
        assert_eq!(file_name_to_page("___a______b___", tri), "a/b");
        assert_eq!(file_name_to_page("v1.2", tri), "v1.2");
        assert_eq!(
            file_name_to_page("people.Ann", FileNames::Legacy),
            "people/Ann"
        );
        assert_eq!(
            file_name_to_page("people%2FAnn", FileNames::Legacy),
            "people/Ann"
        );
        assert_eq!(
            namespace_leaf("people/Margaret Hamilton"),
            "Margaret Hamilton"
        );
        assert_eq!(namespace_leaf("Ann"), "Ann");
        let graph = Logseq {
            file_names: tri,
            ..Logseq::default()
        };
        assert_eq!(
            page_name("people___Ann", None, None, &graph).as_deref(),
            Some("people/Ann")
        );
        assert_eq!(page_name("Ann", None, None, &graph), None);
        assert_eq!(
            page_name("Ann", Some("Dr Ann"), None, &graph).as_deref(),
            Some("Dr Ann")
        );
        assert_eq!(
            page_name("2026_11_26", None, Some(d("2026-11-26")), &graph).as_deref(),
            Some("Nov 26th, 2026")
        );
    }

    #[test]
    fn journal_links_and_task_dates() {
        let titles = Logseq::default().title_format;
        assert_eq!(
            journal_link("Nov 26th, 2026]] coffee", &titles),
            Some((d("2026-11-26"), " coffee"))
        );
        assert_eq!(
            journal_link("nov 26th, 2026]]", &titles),
            Some((d("2026-11-26"), ""))
        );
        assert_eq!(journal_link("Nov 26, 2026]]", &titles), None);
        assert_eq!(journal_link("Sam]]", &titles), None);
        assert_eq!(
            task_date("  SCHEDULED: <2026-11-30 Mon>"),
            Some(d("2026-11-30"))
        );
        assert_eq!(
            task_date("DEADLINE: <2026-11-30 Mon 7:00 .+1d>"),
            Some(d("2026-11-30"))
        );
        assert_eq!(task_date("SCHEDULED: 2026-11-30"), None);
        assert_eq!(task_date("scheduled: <2026-11-30>"), None);
    }

    #[test]
    fn a_page_file_name_reads_back_as_its_page() {
        let pages = [
            "people/Margaret Hamilton",
            "Dr. Who",
            ".hidden/x",
            "people/_lead",
            "a___b",
            "snake_case/name_",
            "100%/50%2F",
            "Q&A: what?",
            "José/Łukasz",
        ];
        for format in [FileNames::TripleLowbar, FileNames::Legacy] {
            for page in pages {
                let stem = page_to_file_name(page, format);
                assert_eq!(
                    file_name_to_page(&stem, format),
                    page,
                    "{stem} ({format:?})"
                );
                assert!(
                    !stem.contains(['/', ':', '?', '\\']) && !stem.starts_with('.'),
                    "{stem}"
                );
            }
        }
        assert_eq!(
            page_to_file_name("people/Margaret Hamilton", FileNames::TripleLowbar),
            "people___Margaret Hamilton"
        );
        assert_eq!(
            page_to_file_name("people/Dr. Who", FileNames::Legacy),
            "people%2FDr%2E Who"
        );
    }
}
