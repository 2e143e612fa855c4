//! Which notes are people: the one table of folders, `type` values and tags that make a
//! note a person with no configuration, and the notes that are never people.
//!
//! The tables hold what the people and CRM plugins and templates users come from write
//! (DESIGN.md "Which notes are people"); `vault check` reports which rule found each
//! person, so a user sees why someone is or is not one.

use std::fmt;

use crate::options::{ReadOptions, is_under};
use crate::properties::Properties;

/// Folder names that hold people, at any depth, in any case, after an emoji or number
/// prefix (`👥 People`, `02 People`, `CRM/People`).
pub const PEOPLE_FOLDER_NAMES: &[&str] = &["people", "persons", "person", "contacts", "contact"];

/// The keys whose value says what kind of note this is.
pub const TYPE_KEYS: &[&str] = &["type", "kind"];

/// `type` values that make a note a person (also as a link `[[person]]`, or in a list).
pub const PERSON_TYPES: &[&str] = &["person", "people", "contact", "crm-contact", "crm/person"];

/// The keys holding categories and tags.
pub const TAG_KEYS: &[&str] = &["categories", "tags"];

/// Categories and tags that make a note a person, also as the root of a nested tag
/// (`person/work`) and as a link (`[[People]]`).
pub const PERSON_TAGS: &[&str] = &["person", "people", "contact", "contacts"];

/// How many non-blank lines at the top of a body are looked at for a `#person` tag.
const BODY_TAG_LINES: usize = 5;

/// Why a note is a person: the rule that found it, for `vault check`'s summary.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FoundBy {
    /// It lives under this people folder (vault-relative, as written on disk).
    Folder(String),
    /// Its `type` (or `kind`) says so, with this value, lower-cased.
    Type(String),
    /// Its `categories` say so, with this category, lower-cased.
    Category(String),
    /// Its tags say so (`tags:` or a `#tag` at the top of the body), lower-cased.
    Tag(String),
}

impl Default for FoundBy {
    fn default() -> Self {
        FoundBy::Folder(String::new())
    }
}

impl fmt::Display for FoundBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FoundBy::Folder(folder) => write!(f, "in {folder}"),
            FoundBy::Type(value) => write!(f, "by type: {value}"),
            FoundBy::Category(category) => write!(f, "by category: {category}"),
            FoundBy::Tag(tag) => write!(f, "by tag: {tag}"),
        }
    }
}

/// Whether the note at `path` (vault-relative), with these properties and this body, is a
/// person, and by which rule.
pub fn found_by(
    path: &str,
    props: &Properties,
    body: &str,
    options: &ReadOptions,
) -> Option<FoundBy> {
    if is_never_a_person(path, options) {
        return None;
    }
    // A note whose type says it is something else (`type: company`) is not a person, even
    // in a people folder, unless its categories or tags say it is one.
    let mut typed_otherwise = false;
    for key in TYPE_KEYS {
        let Some(entry) = props.get(key) else {
            continue;
        };
        for value in entry.value.scalars() {
            let value = bare(value);
            if value.is_empty() {
                continue;
            }
            if PERSON_TYPES.iter().any(|t| t.eq_ignore_ascii_case(value)) {
                return Some(FoundBy::Type(value.to_lowercase()));
            }
            typed_otherwise = true;
        }
    }
    // Categories and tags are explicit (kepano files people as `categories: [[People]]`
    // with `type: [[Authors]]`); a folder is not, so another type wins over it. A `#tag`
    // at the top of the body is looked for last: it costs a look at the first lines.
    for key in TAG_KEYS {
        let Some(entry) = props.get(key) else {
            continue;
        };
        for value in entry.value.scalars() {
            if let Some(tag) = person_tag(bare(value)) {
                return Some(if *key == "categories" {
                    FoundBy::Category(tag)
                } else {
                    FoundBy::Tag(tag)
                });
            }
        }
    }
    let folder = (!typed_otherwise)
        .then(|| people_folder(path, options))
        .flatten();
    if let Some(folder) = folder {
        return Some(FoundBy::Folder(folder.to_owned()));
    }
    body_tags(body).find_map(person_tag).map(FoundBy::Tag)
}

/// The people folder `path` lives under, as written in `path`: a configured one, or by
/// default the deepest folder named like [`PEOPLE_FOLDER_NAMES`].
pub fn people_folder<'p>(path: &'p str, options: &ReadOptions) -> Option<&'p str> {
    if let Some(folders) = &options.people_folders {
        let folder = folders.iter().find(|f| is_under(path, f))?;
        let len = folder.trim_matches('/').len();
        return Some(path.get(..len).unwrap_or(path));
    }
    let folders_end = path.rfind('/')?;
    let mut found = None;
    let mut start = 0;
    for component in path[..folders_end].split('/') {
        let end = start + component.len();
        if is_people_folder_name(component) {
            found = Some(&path[..end]);
        }
        start = end + 1;
    }
    found
}

/// Whether a folder name names a people folder: `People`, `👥 People`, `02 Contacts`.
pub fn is_people_folder_name(name: &str) -> bool {
    let name = name
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .trim_end();
    PEOPLE_FOLDER_NAMES
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name))
}

/// Notes that are never people wherever they are: templates, a note named like its own
/// folder (`People/People.md`), `README`, `index`, maps of content (`People MOC`), and
/// the digests `vault` writes (`2026-W48`).
fn is_never_a_person(path: &str, options: &ReadOptions) -> bool {
    if options
        .templates_folder
        .as_deref()
        .is_some_and(|t| is_under(path, t))
    {
        return true;
    }
    let (folders, name) = path.rsplit_once('/').unwrap_or(("", path));
    let stem = crate::note::stem_of(name).trim();
    let in_templates = folders.split('/').any(|folder| {
        let folder = folder.trim_start_matches(|c: char| !c.is_alphabetic());
        folder.eq_ignore_ascii_case("templates") || folder.eq_ignore_ascii_case("template")
    });
    let own_folder = folders
        .rsplit('/')
        .next()
        .is_some_and(|folder| !folder.is_empty() && folder.eq_ignore_ascii_case(stem));
    let last_word = stem.rsplit([' ', '-', '_', '.']).next().unwrap_or(stem);
    in_templates
        || own_folder
        || stem.eq_ignore_ascii_case("readme")
        || stem.eq_ignore_ascii_case("index")
        || stem.eq_ignore_ascii_case("_index")
        || last_word.eq_ignore_ascii_case("moc")
        || is_template_name(stem)
        || is_iso_week(stem)
}

/// `Template`, `Person Template`, `Template - Person`, `Template: Person` (but not
/// `Template Leftover`, a person note that kept a template's name).
fn is_template_name(stem: &str) -> bool {
    let is_template = |word: &str| {
        word.eq_ignore_ascii_case("template") || word.eq_ignore_ascii_case("templates")
    };
    let last = stem.rsplit([' ', '_', '.']).next().unwrap_or(stem);
    let first_then_dash = stem.split_once([' ', ':']).is_some_and(|(first, rest)| {
        is_template(first) && rest.trim_start().starts_with(['-', '–', ':'])
    }) || stem
        .split_once(':')
        .is_some_and(|(first, _)| is_template(first.trim()));
    is_template(last) || first_then_dash
}

/// Whether `stem` is an ISO week (`2026-W48`): how digests are named.
pub fn is_iso_week(stem: &str) -> bool {
    let bytes = stem.as_bytes();
    bytes.len() == 8
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && &bytes[4..6] == b"-W"
        && bytes[6..].iter().all(u8::is_ascii_digit)
}

/// A value without its `#`, link brackets and blanks: `[[People]]` and
/// `[[Categories/People|people]]` → `People` (a link names the note it links).
fn bare(value: &str) -> &str {
    let value = value.trim().trim_start_matches('#');
    match value.strip_prefix("[[").and_then(|v| v.strip_suffix("]]")) {
        Some(inner) => link_label_of_file(inner),
        None => value,
    }
}

/// The file name a link's target names, without folder, heading or label.
fn link_label_of_file(inner: &str) -> &str {
    let target = crate::link::link_target(inner);
    target.rsplit('/').next().unwrap_or(target).trim()
}

/// The tag, lower-cased, when `tag` is a person tag or nested under one (`person/work`).
fn person_tag(tag: &str) -> Option<String> {
    let tag = tag.trim_start_matches('#');
    let root = tag.split('/').next().unwrap_or(tag);
    PERSON_TAGS
        .iter()
        .any(|t| t.eq_ignore_ascii_case(root))
        .then(|| tag.to_lowercase())
}

/// The `#tags` in the first non-blank lines of a body (a heading's `#` is not a tag).
fn body_tags(body: &str) -> impl Iterator<Item = &str> {
    body.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && *line != "---")
        .take(BODY_TAG_LINES)
        .take_while(|line| !line.starts_with("```") && !line.starts_with("~~~"))
        // Most lines have no `#`: found with memchr, without splitting them into words.
        .filter(|line| memchr::memchr(b'#', line.as_bytes()).is_some())
        .flat_map(|line| line.split_whitespace())
        .filter_map(|word| {
            let tag = word.strip_prefix('#')?;
            let tag = tag.trim_end_matches([',', '.', ';', ':', ')']);
            let valid = !tag.is_empty()
                && !tag.bytes().all(|b| b.is_ascii_digit())
                && tag
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '/'));
            valid.then_some(tag)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::properties::Entry;
    use crate::value::Value;

    fn props(entries: &[(&str, &str)]) -> Properties {
        Properties::new(
            entries
                .iter()
                .map(|(k, v)| Entry {
                    key: (*k).to_owned(),
                    value: Value::String((*v).to_owned()),
                    line: 2,
                    column: 1,
                })
                .collect(),
        )
    }

    fn by(path: &str, entries: &[(&str, &str)], body: &str) -> Option<String> {
        found_by(path, &props(entries), body, &ReadOptions::default()).map(|f| f.to_string())
    }

    #[test]
    fn people_folders_at_any_depth_with_prefixes() {
        for (path, folder) in [
            ("People/Ann.md", "People"),
            ("CRM/People/Ann.md", "CRM/People"),
            ("Extras/People/Ann.md", "Extras/People"),
            ("👥 People/Ann.md", "👥 People"),
            ("02 People/Ann.md", "02 People"),
            ("Contacts/Ann.md", "Contacts"),
            ("contact/Ann.md", "contact"),
            ("Persons/Ann.md", "Persons"),
            ("People/Work/Ann.md", "People"),
        ] {
            assert_eq!(
                by(path, &[], "").as_deref(),
                Some(&*format!("in {folder}")),
                "{path}"
            );
        }
        for path in [
            "Peoples/Ann.md",
            "Ann.md",
            "Notes/People.md",
            "People Notes/Ann.md",
        ] {
            assert_eq!(by(path, &[], ""), None, "{path}");
        }
    }

    #[test]
    fn configured_folders_are_exactly_those() {
        let options = ReadOptions {
            people_folders: Some(vec!["Team".into()]),
            ..ReadOptions::default()
        };
        let found = |path: &str| found_by(path, &Properties::default(), "", &options);
        assert_eq!(found("Team/Ann.md"), Some(FoundBy::Folder("Team".into())));
        assert_eq!(found("People/Ann.md"), None);
    }

    #[test]
    fn types_and_tags() {
        for (key, value, expected) in [
            ("type", "person", "by type: person"),
            ("Type", "Contact", "by type: contact"),
            ("kind", "[[person]]", "by type: person"),
            ("type", "crm-contact", "by type: crm-contact"),
            ("type", "CRM/Person", "by type: crm/person"),
            ("tags", "person/work", "by tag: person/work"),
            ("tags", "#people/family", "by tag: people/family"),
            ("categories", "[[People]]", "by category: people"),
            ("tags", "contacts", "by tag: contacts"),
        ] {
            assert_eq!(
                by("Notes/Ann.md", &[(key, value)], "").as_deref(),
                Some(expected),
                "{key}: {value}"
            );
        }
        for (key, value) in [
            ("type", "book"),
            ("tags", "personal"),
            ("tags", "peoplesoft"),
        ] {
            assert_eq!(
                by("Notes/Ann.md", &[(key, value)], ""),
                None,
                "{key}: {value}"
            );
        }
    }

    #[test]
    fn body_tags_in_the_first_lines() {
        assert_eq!(
            by("Notes/Ann.md", &[], "#person #work\n\ntext").as_deref(),
            Some("by tag: person")
        );
        assert_eq!(by("Notes/Ann.md", &[], "# People\n").as_deref(), None);
        assert_eq!(
            by("Notes/Ann.md", &[], "a\nb\nc\nd\ne\n#person\n").as_deref(),
            None
        );
        assert_eq!(
            by("Notes/Ann.md", &[], "```\n#person\n```\n").as_deref(),
            None
        );
    }

    #[test]
    fn never_people() {
        for path in [
            "People/People.md",
            "People/README.md",
            "People/index.md",
            "People/People MOC.md",
            "People/Contacts-MOC.md",
            "Templates/Person.md",
            "People/Templates/Person.md",
            "People/Person Template.md",
            "People/Template - Person.md",
            "People/Template: Person.md",
            "People/Template.md",
            "People/Digests/2026-W48.md",
        ] {
            assert_eq!(by(path, &[("type", "person")], ""), None, "{path}");
        }
        // Something else by type, even in a people folder.
        assert_eq!(by("People/Acme.md", &[("type", "company")], ""), None);
        // But a person may be called Mocha or Index Smith, and a note may keep a
        // template's name.
        assert!(by("People/Mocha.md", &[], "").is_some());
        assert!(by("People/Template Leftover.md", &[], "").is_some());
        // kepano files people by category, with a type of their own.
        assert_eq!(
            by(
                "References/Steph.md",
                &[("categories", "[[People]]"), ("type", "[[Authors]]")],
                ""
            )
            .as_deref(),
            Some("by category: people")
        );
        assert!(by("People/Indexa.md", &[], "").is_some());
    }
}
