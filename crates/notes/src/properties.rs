//! Front-matter properties: the table of person properties and the keys other tools use
//! for them, and lookup by meaning.

use crate::link::link_label;
use crate::value::Value;

/// A person property, by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Property {
    /// Display name (default: the file name).
    Name,
    /// Other names the person is linked by.
    Aliases,
    /// Kind of relationship: ally, mentor, former-colleague…
    Relationship,
    /// Desired rhythm of contact.
    Cadence,
    /// Last contact, recorded by hand.
    LastContact,
    /// Birthday, with or without year.
    Birthday,
    /// Company or organisation, possibly a list of links.
    Company,
    /// Role or job title.
    Role,
    /// Do not suggest before this date.
    SnoozeUntil,
    /// Stop tracking this person.
    Paused,
    /// Mentions in journal notes do not count as contact.
    IgnoreJournal,
    /// Favourite: ranked first on ties, weighted in suggestions.
    Favorite,
    /// Keep out of shared outputs.
    Private,
    /// What they care about.
    Interests,
    /// What not to bring up: shown to the user, never put in a message.
    Boundaries,
    /// E-mail address(es).
    Email,
    /// Phone number.
    Phone,
    /// LinkedIn profile.
    Linkedin,
    /// Web site.
    Url,
    /// City or place.
    Location,
}

/// The one table of person properties: meaning, canonical key, and the keys also read
/// (from tools users migrate from). Keys match case-insensitively; aliases are never
/// rewritten.
pub const PROPERTY_TABLE: &[(Property, &str, &[&str])] = &[
    (Property::Name, "name", &[]),
    (Property::Aliases, "aliases", &["alias"]),
    (
        Property::Relationship,
        "relationship",
        &["prm-relationship", "circle"],
    ),
    (
        Property::Cadence,
        "cadence",
        &["contact-frequency", "contactFrequency", "prm-cadence"],
    ),
    (
        Property::LastContact,
        "last_contact",
        &[
            "last-contact",
            "last contact",
            "lastContact",
            "prm-last-contacted",
        ],
    ),
    (
        Property::Birthday,
        "birthday",
        &["birthDate", "prm-birthday"],
    ),
    (
        Property::Company,
        "company",
        &["org", "organisation", "organization"],
    ),
    (Property::Role, "role", &["title", "job_title"]),
    (Property::SnoozeUntil, "snooze_until", &["prm-snooze-until"]),
    (Property::Paused, "paused", &["prm-paused"]),
    (
        Property::IgnoreJournal,
        "ignore_journal",
        &["prm-ignore-journal"],
    ),
    (Property::Favorite, "favorite", &["favourite"]),
    (Property::Private, "private", &[]),
    (Property::Interests, "interests", &["topics"]),
    (Property::Boundaries, "boundaries", &["avoid"]),
    (Property::Email, "email", &["emails"]),
    (Property::Phone, "phone", &[]),
    (Property::Linkedin, "linkedin", &[]),
    (Property::Url, "url", &[]),
    (Property::Location, "location", &["city"]),
];

impl Property {
    /// The canonical key, as written by `vault`.
    pub fn canonical_key(self) -> &'static str {
        PROPERTY_TABLE
            .iter()
            .find(|(p, _, _)| *p == self)
            .map_or("", |(_, key, _)| key)
    }

    /// Every key read for this property, canonical first.
    pub fn keys(self) -> impl Iterator<Item = &'static str> {
        PROPERTY_TABLE
            .iter()
            .filter(move |(p, _, _)| *p == self)
            .flat_map(|(_, key, aliases)| std::iter::once(*key).chain(aliases.iter().copied()))
    }
}

/// One front-matter entry and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key as written.
    pub key: String,
    /// The value.
    pub value: Value,
    /// 1-based line of the key in the file.
    pub line: u32,
    /// 1-based column where the value starts (after `key: `).
    pub column: u32,
}

/// A note's front matter, in the order written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Properties {
    entries: Vec<Entry>,
}

impl Properties {
    /// Wraps entries read from front matter.
    pub fn new(entries: Vec<Entry>) -> Self {
        Properties { entries }
    }

    /// Every entry, in order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry for `key`, compared case-insensitively.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.key.trim().eq_ignore_ascii_case(key))
    }

    /// The entry for a person property: the canonical key if present and not empty, else the
    /// first alias that is.
    pub fn lookup(&self, property: Property) -> Option<&Entry> {
        property
            .keys()
            .filter_map(|key| self.get(key))
            .find(|e| !e.value.is_empty())
    }
}

/// The text a link or plain value shows: `[[Companies/Initech|Initech]]` gives `Initech`,
/// `[[Obsidian]]` gives `Obsidian` (the link's [`link_label`]), `#tag` gives `tag`, plain
/// text is trimmed.
pub fn display_text(value: &str) -> String {
    let value = value.trim();
    if let Some(inner) = value.strip_prefix("[[").and_then(|v| v.strip_suffix("]]")) {
        return link_label(inner).to_owned();
    }
    value.strip_prefix('#').unwrap_or(value).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str, value: Value) -> Entry {
        Entry {
            key: key.into(),
            value,
            line: 2,
            column: 1,
        }
    }

    #[test]
    fn canonical_key_wins_over_alias() {
        let props = Properties::new(vec![
            entry("contactFrequency", Value::String("2w".into())),
            entry("Cadence", Value::String("monthly".into())),
        ]);
        let found = props.lookup(Property::Cadence).expect("found");
        assert_eq!(found.key, "Cadence");
    }

    #[test]
    fn empty_canonical_falls_back_to_alias() {
        let props = Properties::new(vec![
            entry("company", Value::Null),
            entry("org", Value::String("[[Obsidian]]".into())),
        ]);
        assert_eq!(
            props.lookup(Property::Company).map(|e| e.key.as_str()),
            Some("org")
        );
    }

    #[test]
    fn every_property_has_a_canonical_key() {
        for (property, key, _) in PROPERTY_TABLE {
            assert_eq!(property.canonical_key(), *key);
        }
    }

    #[test]
    fn display_text_of_links() {
        assert_eq!(
            display_text("[[Companies/Initech|Initech Inc]]"),
            "Initech Inc"
        );
        assert_eq!(display_text("[[Companies/Initech]]"), "Initech");
        // A link written with its extension reads as the file name, as Obsidian shows it.
        assert_eq!(display_text("[[Companies/Initech.md]]"), "Initech");
        assert_eq!(display_text("[[Companies/Initech.md|Init]]"), "Init");
        assert_eq!(display_text("[[Sharon Lee#Log]]"), "Sharon Lee");
        assert_eq!(display_text("#sourdough"), "sourdough");
        assert_eq!(display_text(" Acme "), "Acme");
    }
}
