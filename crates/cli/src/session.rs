//! Loading a vault for a command: settings, notes, index, template overrides.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use vault_index::{Index, Statuses};
use vault_notes::{
    Diagnostic, FoundBy, Logseq, Note, ReadError, Resolver, Vault, file_name_to_page, file_stem,
    page_to_file_name, read_vault,
};
use vault_render::{BUILTIN_TEMPLATES, TemplateOverride, Templates};

use crate::config::{self, Settings, read_settings_file};
use crate::exit::Exit;
use crate::person_match::find_person;
use crate::write::NoteWrite;
use crate::write::human_size;

/// Keeps `value` until the process exits. The read-only commands hold the vault and its
/// index this way: the process ends right after, and freeing a 100,000-note vault piece by
/// piece costs a measurable share of the run, while the operating system takes the memory
/// back at once.
pub fn keep<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

/// Where a vault keeps `vault`'s own files (template overrides).
pub const VAULT_DIR: &str = ".vault";

/// A vault read for one command.
#[derive(Debug)]
pub struct Session {
    /// The vault folder, as given.
    pub root: PathBuf,
    /// Its settings.
    pub settings: Settings,
    /// Its notes and reading problems.
    pub vault: Vault,
    /// The day computed for.
    pub today: NaiveDate,
    /// Who is called what among the notes, built when a command first asks.
    resolver: OnceLock<Resolver>,
    /// How a Logseq graph keeps its people, for a new one, worked out when first asked.
    page_shape: OnceLock<PageShape>,
}

/// How a new person's page is kept in a Logseq graph: where, and with which property.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PageShape {
    place: Place,
    /// The property that makes it a person (`type`, `[[person]]`), when its place does not.
    marker: Option<(String, String)>,
}

/// Where a Logseq graph keeps a person's page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Place {
    /// In this folder (the pages folder, or a folder such as `pages/People`).
    Folder(String),
    /// In this namespace (`people`: the page `people/Ann`, file `people___Ann.md`).
    Namespace(String),
}

/// Where the person `note` is kept: in its namespace when its file name gives it one,
/// else in its folder.
fn place_of(note: &Note, graph: &Logseq) -> Place {
    let namespace = note
        .page
        .as_deref()
        .filter(|page| file_name_to_page(&file_stem(&note.path), graph.file_names) == **page)
        .and_then(|page| page.rsplit_once('/'))
        .map(|(namespace, _)| namespace.to_owned());
    namespace.map_or_else(
        || {
            Place::Folder(
                note.path
                    .rsplit_once('/')
                    .map_or_else(String::new, |(folder, _)| folder.to_owned()),
            )
        },
        Place::Namespace,
    )
}

/// The property that made `found_by`'s person one, as a page writes it; `None` for a
/// folder or namespace.
fn marker_of(found_by: &FoundBy) -> Option<(String, String)> {
    match found_by {
        FoundBy::Type(value) => Some(("type".to_owned(), format!("[[{value}]]"))),
        FoundBy::Category(value) => Some(("categories".to_owned(), format!("[[{value}]]"))),
        FoundBy::Tag(value) => Some(("tags".to_owned(), value.clone())),
        FoundBy::Folder(_) => None,
    }
}

/// The value most of `values` have; on a tie, the one seen first.
fn most_common<T: std::hash::Hash + Eq>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: std::collections::HashMap<T, (usize, usize)> = Default::default();
    for (i, value) in values.enumerate() {
        counts.entry(value).or_insert((0, i)).0 += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(_, (count, first))| (*count, std::cmp::Reverse(*first)))
        .map(|(value, _)| value)
}

/// Refuses a digest folder that holds person notes: it is not read as notes (its digests
/// are outputs), so those people would silently disappear from every command (exit 2).
/// Only the folder's own Markdown files that are not named like a digest (`2026-W48.md`)
/// are read, and at most a few thousand entries are looked at.
fn no_person_in_the_digest_folder(root: &Path, settings: &Settings) -> Result<(), Exit> {
    let folder = settings.digest_folder.trim().trim_matches('/');
    let mut pending = vec![(root.join(folder), folder.to_owned())];
    let mut looked_at = 0;
    while let Some((dir, relative)) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            looked_at += 1;
            if looked_at > 5000 {
                return Ok(());
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = format!("{relative}/{name}");
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            if kind.is_dir() {
                pending.push((entry.path(), path));
                continue;
            }
            let stem = file_stem(&name);
            if !kind.is_file() || stem.len() == name.len() || vault_notes::is_iso_week(&stem) {
                continue;
            }
            let Ok(bytes) = fs::read(entry.path()) else {
                continue;
            };
            if vault_notes::parse_note(&path, &bytes, &settings.read)
                .note
                .person
                .is_some()
            {
                return Err(Exit::usage(format!(
                    "{path}: is a person note inside the digest folder `{folder}`, which vault does not read as notes; move the note out, or set `digest_folder` in vault.yaml to a folder of its own"
                )));
            }
        }
    }
    Ok(())
}

/// The files whose presence marks a vault's root, as `.git` marks a repository's.
const VAULT_MARKERS: &[&str] = &[
    ".obsidian",
    config::CONFIG_FILE,
    vault_notes::LOGSEQ_CONFIG_FILE,
];

/// The vault a command works on: `given` (`--vault`, `VAULT_DIR`), else the first folder
/// from the current one upwards that holds `.obsidian/`, `vault.yaml` or
/// `logseq/config.edn`, else the current folder (as `.`).
pub fn locate(given: Option<&Path>) -> PathBuf {
    if let Some(given) = given {
        return given.to_owned();
    }
    let here = PathBuf::from(".");
    let Ok(cwd) = std::env::current_dir() else {
        return here;
    };
    for (up, dir) in cwd.ancestors().enumerate() {
        if VAULT_MARKERS
            .iter()
            .any(|marker| fs::symlink_metadata(dir.join(marker)).is_ok())
        {
            // Said relative to where the user is, so paths in messages stay short.
            return match up {
                0 => here,
                _ => PathBuf::from(vec![".."; up].join("/")),
            };
        }
    }
    here
}

impl Session {
    /// Reads the vault `given` names, or the one found from here ([`locate`]). A folder
    /// without a single Markdown note is refused (exit 2): it is not a vault, and nothing
    /// is written into it.
    pub fn open(given: Option<&Path>, today: Option<NaiveDate>) -> Result<Session, Exit> {
        let session = Session::read(&locate(given), today)?;
        let no_note = session.vault.notes.is_empty()
            && !session.vault.diagnostics.iter().any(|d| {
                d.path
                    .get(d.path.len().saturating_sub(3)..)
                    .is_some_and(|ext| ext.eq_ignore_ascii_case(".md"))
            });
        if no_note {
            let shown = fs::canonicalize(&session.root).unwrap_or_else(|_| session.root.clone());
            return Err(Exit::usage(format!(
                "{}: holds no Markdown note, so it is not a vault; run vault inside your vault (found from any folder in it by its .obsidian/, vault.yaml or logseq/config.edn) or pass --vault DIR. `vault add NAME` starts a new one here",
                shown.display()
            )));
        }
        Ok(session)
    }

    /// Reads the vault for `vault add`, which may start a vault in an empty folder.
    pub fn open_to_add(given: Option<&Path>, today: Option<NaiveDate>) -> Result<Session, Exit> {
        Session::read(&locate(given), today)
    }

    fn read(root: &Path, today: Option<NaiveDate>) -> Result<Session, Exit> {
        match fs::metadata(root) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                return Err(Exit::usage(format!(
                    "{}: is a file, not a vault folder",
                    root.display()
                )));
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Err(Exit::usage(format!(
                    "{}: no such folder; pass the vault folder with --vault DIR or VAULT_DIR",
                    root.display()
                )));
            }
            Err(err) => {
                return Err(Exit::usage(format!(
                    "{}: cannot read: {err}",
                    root.display()
                )));
            }
        }
        let settings = config::load(root)?;
        no_person_in_the_digest_folder(root, &settings)?;
        let mut vault = read_vault(root, &settings.read).map_err(|err| match err {
            ReadError::NotFound(_) | ReadError::NotAFolder(_) | ReadError::Unreadable { .. } => {
                Exit::usage(err.to_string())
            }
        })?;
        let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
        vault
            .diagnostics
            .extend(settings.diagnostics.iter().cloned());
        vault.diagnostics.sort();
        Ok(Session {
            root: root.to_owned(),
            settings,
            vault,
            today,
            resolver: OnceLock::new(),
            page_shape: OnceLock::new(),
        })
    }

    /// The index on `day`.
    pub fn index(&self, day: NaiveDate) -> Index {
        vault_index::build(&self.vault.notes, &self.settings.index, day)
    }

    /// Every person's status on `day`, without the digest's sections.
    pub fn statuses(&self, day: NaiveDate) -> Statuses {
        vault_index::statuses(&self.vault.notes, &self.settings.index, day)
    }

    /// The problems only visible across notes on `day`.
    pub fn cross_note_problems(&self, day: NaiveDate) -> Vec<Diagnostic> {
        vault_index::cross_note_problems(&self.vault.notes, day)
    }

    /// Every problem: what reading found and what the index found across notes, sorted.
    pub fn problems(&self, across_notes: &[Diagnostic]) -> Vec<Diagnostic> {
        let mut all = self.vault.diagnostics.clone();
        all.extend(across_notes.iter().cloned());
        all.sort();
        all
    }

    /// The one person note `query` names (see [`find_person`]). When none does and the
    /// reader could not read a file of that name (too large, unreadable, a folder), the
    /// error says what is wrong with that file rather than that nobody has the name.
    pub fn find_person(&self, query: &str) -> Result<&Note, Exit> {
        let notes = &self.vault.notes;
        find_person(notes, self.resolver(), query).map_err(|err| {
            if !self.resolver().people_named(notes, query).is_empty() {
                return err;
            }
            self.unread_note(query).unwrap_or(err)
        })
    }

    /// The people among the notes who go by `name` (display name, file name or alias).
    pub fn people_named(&self, name: &str) -> Vec<&Note> {
        let notes = &self.vault.notes;
        let named = self.resolver().people_named(notes, name);
        named.into_iter().map(|i| &notes[i]).collect()
    }

    /// The note a link `[[name]]` would open, when it is not a person.
    pub fn note_named(&self, name: &str) -> Option<&Note> {
        let notes = &self.vault.notes;
        self.resolver()
            .resolve(name)
            .map(|i| &notes[i])
            .filter(|note| note.person.is_none())
    }

    /// Who is called what among the notes.
    fn resolver(&self) -> &Resolver {
        self.resolver
            .get_or_init(|| Resolver::new(&self.vault.notes))
    }

    /// Why the file `query` names, which the reader skipped, could not be read.
    fn unread_note(&self, query: &str) -> Option<Exit> {
        let diagnostic = self.vault.diagnostics.iter().find(|d| {
            matches!(
                d.code,
                "too-large" | "unreadable" | "not-a-note" | "symlink-loop"
            ) && Resolver::names_file(&d.path, query)
        })?;
        let path = &diagnostic.path;
        let why = match diagnostic.code {
            "too-large" => {
                let size = fs::metadata(self.root.join(path)).map_or(0, |m| m.len());
                format!(
                    "too large to read ({}, limit {}); nothing was written. Raise `max_file_size` in vault.yaml to read and edit it",
                    human_size(size),
                    human_size(self.settings.read.max_file_bytes)
                )
            }
            "not-a-note" => "is a folder, not a note; nothing was written".to_owned(),
            _ => format!("{}; nothing was written", diagnostic.message),
        };
        Some(Exit::failure(format!("{path}: {why}")))
    }

    /// A write of the existing note `path` (vault-relative) through the one write path.
    pub fn edit<'a>(&'a self, path: &'a str, dry_run: bool) -> NoteWrite<'a> {
        NoteWrite::edit(&self.root, path, &self.settings.read, dry_run)
    }

    /// A write that creates the note `path` (vault-relative) through the one write path.
    pub fn create<'a>(&'a self, path: &'a str, dry_run: bool) -> NoteWrite<'a> {
        NoteWrite::create(&self.root, path, &self.settings.read, dry_run)
    }

    /// Where `vault add` puts a new person: the first of `people_folders` in `vault.yaml`;
    /// else the people folder that holds the most people in this vault (`CRM/People`);
    /// else `People`. In a Logseq graph, the folder of [`Session::new_person_page`].
    pub fn new_people_folder(&self) -> String {
        if let Some(graph) = &self.settings.read.logseq {
            return match self.new_person_page_shape(graph).place {
                Place::Folder(folder) => folder,
                Place::Namespace(_) => graph.pages_folder.clone(),
            };
        }
        if let Some(folders) = &self.settings.read.people_folders {
            return folders
                .first()
                .map_or_else(String::new, |f| f.trim_matches('/').to_owned());
        }
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for note in &self.vault.notes {
            if let Some(person) = &note.person
                && let vault_notes::FoundBy::Folder(folder) = &person.found_by
            {
                *counts.entry(folder.as_str()).or_default() += 1;
            }
        }
        // The most people; on a tie, the first in path order (the last maximum of the
        // reversed order).
        let best = counts.into_iter().rev().max_by_key(|(_, count)| *count);
        best.map_or_else(|| "People".to_owned(), |(folder, _)| folder.to_owned())
    }

    /// The vault-relative path of a new person's note: `FOLDER/NAME.md` in the folder of
    /// [`Session::new_people_folder`]; in a Logseq graph, see [`Session::new_person_page`].
    pub fn new_person_path(&self, name: &str) -> String {
        if let Some(graph) = &self.settings.read.logseq {
            return self.new_person_page(name, graph).0;
        }
        let folder = self.new_people_folder();
        if folder.is_empty() {
            format!("{name}.md")
        } else {
            format!("{folder}/{name}.md")
        }
    }

    /// A new person's page in the Logseq graph `graph`, kept as most of the graph's people
    /// are (on a tie, as the first in path order): in their namespace
    /// (`pages/people___NAME.md`, in the graph's `:file/name-format`) or their folder
    /// (`pages/NAME.md`), with the property most of them carry (`type:: [[person]]`,
    /// `tags:: person`) unless most are found by their place. A graph without people gets
    /// `pages/NAME.md` with `tags:: person`: in Logseq `people/Ann` and `Ann` are two
    /// pages, so a namespace would leave the user's `[[Ann]]` in a journal pointing at an
    /// empty page, and a tag lists every person on the page `person`. The path, and the
    /// property to add (`None` when the place makes the page a person).
    pub fn new_person_page(
        &self,
        name: &str,
        graph: &Logseq,
    ) -> (String, Option<(String, String)>) {
        let shape = self.new_person_page_shape(graph);
        let path = match &shape.place {
            Place::Folder(folder) if folder.is_empty() => {
                format!("{}.md", page_to_file_name(name, graph.file_names))
            }
            Place::Folder(folder) => {
                format!("{folder}/{}.md", page_to_file_name(name, graph.file_names))
            }
            Place::Namespace(namespace) => format!(
                "{}/{}.md",
                graph.pages_folder,
                page_to_file_name(&format!("{namespace}/{name}"), graph.file_names)
            ),
        };
        (path, shape.marker)
    }

    /// How this graph keeps its people, worked out once (an import asks for every
    /// contact): the place most of them have (the first of `people_folders`, when set: a
    /// folder when there is one on disk, else a namespace), and the property most of them
    /// carry, or `tags:: person` when the place alone would not make the page a person.
    fn new_person_page_shape(&self, graph: &Logseq) -> PageShape {
        self.page_shape
            .get_or_init(|| {
                let people = || self.vault.notes.iter().filter(|n| n.person.is_some());
                let configured = self
                    .settings
                    .read
                    .people_folders
                    .as_ref()
                    .and_then(|f| f.first())
                    .map(|folder| {
                        let folder = folder.trim_matches('/').to_owned();
                        if folder.is_empty() || self.root.join(&folder).is_dir() {
                            Place::Folder(folder)
                        } else {
                            Place::Namespace(folder)
                        }
                    });
                let place = configured
                    .or_else(|| most_common(people().map(|note| place_of(note, graph))))
                    .unwrap_or_else(|| Place::Folder(graph.pages_folder.clone()));
                let marker = most_common(
                    people().map(|note| note.person.as_ref().and_then(|p| marker_of(&p.found_by))),
                )
                .flatten();
                let in_place = |stem: &str| match &place {
                    Place::Folder(folder) if folder.is_empty() => format!("{stem}.md"),
                    Place::Folder(folder) | Place::Namespace(folder) => {
                        format!("{folder}/{stem}.md")
                    }
                };
                let found_by_place =
                    vault_notes::people_folder(&in_place("x"), &self.settings.read).is_some();
                let marker = match marker {
                    None if !found_by_place => Some(("tags".to_owned(), "person".to_owned())),
                    marker => marker,
                };
                PageShape { place, marker }
            })
            .clone()
    }

    /// `bytes` (a note) with the property `keys` names set to `value` (YAML as written,
    /// see [`vault_notes::edit::yaml_scalar`]), the way this vault keeps properties:
    /// `key:: value` on a Logseq page, front matter elsewhere.
    pub fn set_property(
        &self,
        bytes: &[u8],
        keys: &[&str],
        value: &str,
    ) -> Result<Vec<u8>, vault_notes::edit::EditError> {
        match &self.settings.read.logseq {
            Some(graph) => vault_notes::edit::set_page_property(bytes, keys, value, graph),
            None => vault_notes::edit::set_property(bytes, keys, value),
        }
    }

    /// `bytes` (a person's note) with the log lines `date rest` added in order, the way
    /// this vault keeps logs (see [`vault_notes::edit::add_log_lines`]).
    pub fn add_log_lines(
        &self,
        bytes: &[u8],
        lines: &[(NaiveDate, &str)],
    ) -> Result<Vec<u8>, vault_notes::edit::EditError> {
        match &self.settings.read.logseq {
            Some(graph) => vault_notes::edit::add_page_log_lines(bytes, lines, graph),
            None => vault_notes::edit::add_log_lines(bytes, lines),
        }
    }

    /// `bytes` with the property `keys` names turned off (see
    /// [`vault_notes::edit::clear_property`]), the way this vault keeps properties.
    pub fn clear_property(
        &self,
        bytes: &[u8],
        keys: &[&str],
        off: &str,
    ) -> Result<Vec<u8>, vault_notes::edit::EditError> {
        match &self.settings.read.logseq {
            Some(graph) => vault_notes::edit::clear_page_property(bytes, keys, off, graph),
            None => vault_notes::edit::clear_property(bytes, keys, off),
        }
    }

    /// The vault's folder name, for titles.
    pub fn name(&self) -> String {
        let canonical = fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone());
        canonical
            .file_name()
            .map_or_else(|| "vault".to_owned(), |n| n.to_string_lossy().into_owned())
    }

    /// The built-in templates with the vault's overrides from `.vault/templates/`.
    pub fn templates(&self) -> Result<Templates, Exit> {
        let folder = self.root.join(VAULT_DIR).join("templates");
        let mut overrides = Vec::new();
        for (name, _) in BUILTIN_TEMPLATES {
            let path = folder.join(name);
            let origin = format!("{VAULT_DIR}/templates/{name}");
            match read_settings_file(&path) {
                Ok(Some(text)) => overrides.push(TemplateOverride {
                    name: (*name).to_owned(),
                    origin,
                    text,
                }),
                Ok(None) => {}
                Err(err) => return Err(Exit::failure(format!("{origin}: {err}"))),
            }
        }
        Templates::with_overrides(&overrides).map_err(|err| Exit::failure(err.to_string()))
    }
}
