//! Front-matter properties: the table of person properties and the keys other tools use
//! for them, the keys whose value carries the meaning, and lookup by meaning.

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
    /// Where you usually meet (`the café on Elm St`): the place a draft proposes.
    Place,
}

/// The one table of person properties: meaning, canonical key, and the keys also read
/// (from tools users migrate from). Keys match case-insensitively; aliases are never
/// rewritten.
///
/// Most aliases hold the property's value as the canonical key would. Three kinds do not,
/// and each is listed once more where its rule is:
/// - a key whose *value* carries the meaning (`status: archived` pauses, `prm-tier: inner`
///   is a cadence of 14 days): [`VALUE_KEYS`];
/// - the parts of a name written apart (VCF Contacts' `N.GN` given name and `N.FN`
///   family name): [`NAME_PARTS`];
/// - a key with vCard's brackets, `EMAIL[…]`: every key `EMAIL[HOME]`, `EMAIL[WORK]`,
///   `EMAIL[1:]`… (see [`key_matches`]).
pub const PROPERTY_TABLE: &[(Property, &str, &[&str])] = &[
    (
        Property::Name,
        "name",
        &["full_name", "fullname", "FN", "N.GN", "N.FN"],
    ),
    (Property::Aliases, "aliases", &["alias"]),
    (
        Property::Relationship,
        "relationship",
        &["prm-relationship", "circle"],
    ),
    (
        Property::Cadence,
        "cadence",
        &[
            "contact-frequency",
            "contactFrequency",
            "frequency",
            "prm-cadence",
            "prm-tier",
        ],
    ),
    (
        Property::LastContact,
        "last_contact",
        &[
            "last-contact",
            "last contact",
            "lastContact",
            "last_contacted",
            "last-contacted",
            "lastContacted",
            "last_chat",
            "date_last_spoken",
            "prm-last-contacted",
        ],
    ),
    (
        Property::Birthday,
        "birthday",
        &["birthDate", "bday", "BDAY", "prm-birthday"],
    ),
    (
        Property::Company,
        "company",
        &["org", "ORG", "organisation", "organization", "employer"],
    ),
    (
        Property::Role,
        "role",
        &["title", "TITLE", "ROLE", "job_title", "position"],
    ),
    (Property::SnoozeUntil, "snooze_until", &["prm-snooze-until"]),
    (
        Property::Paused,
        "paused",
        &["prm-paused", "archived", "active", "follow_up", "status"],
    ),
    (
        Property::IgnoreJournal,
        "ignore_journal",
        &["prm-ignore-journal"],
    ),
    (Property::Favorite, "favorite", &["favourite", "priority"]),
    (Property::Private, "private", &["CLASS"]),
    (Property::Interests, "interests", &["topics"]),
    (Property::Boundaries, "boundaries", &["avoid"]),
    (Property::Email, "email", &["emails", "EMAIL[…]"]),
    (Property::Phone, "phone", &["tel", "mobile", "TEL[…]"]),
    (Property::Linkedin, "linkedin", &[]),
    (Property::Url, "url", &[]),
    (Property::Location, "location", &["city"]),
    (Property::Place, "place", &["usual_place", "meeting_place"]),
];

/// An alias of [`PROPERTY_TABLE`] whose value, not the key alone, says something about the
/// property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueKey {
    /// The key, as in [`PROPERTY_TABLE`].
    pub key: &'static str,
    /// Each value that means something (compared case-insensitively; `yes`/`no`, `on`/`off`
    /// read as `true`/`false`), with the canonical value it stands for: `("archived",
    /// "true")` under `paused` makes `status: archived` read as `paused: true`.
    pub means: &'static [(&'static str, &'static str)],
    /// Whether another value is a mistake to report (`prm-tier: innner`). When not, another
    /// value says nothing about the property (`status: active`, `priority: low`) and the
    /// next key is read.
    pub closed: bool,
}

/// The keys whose value carries the meaning, in the order they are read (after the
/// canonical key and the plain aliases). Each is an alias in [`PROPERTY_TABLE`].
pub const VALUE_KEYS: &[ValueKey] = &[
    ValueKey {
        key: "prm-tier",
        means: &[
            ("inner", "14"),
            ("close", "30"),
            ("casual", "90"),
            ("warm", "180"),
            ("dormant", "365"),
        ],
        closed: true,
    },
    ValueKey {
        key: "active",
        means: &[("false", "true")],
        closed: false,
    },
    ValueKey {
        key: "follow_up",
        means: &[("false", "true")],
        closed: false,
    },
    ValueKey {
        key: "status",
        means: &[("archived", "true"), ("inactive", "true")],
        closed: false,
    },
    ValueKey {
        key: "priority",
        means: &[("true", "true"), ("high", "true")],
        closed: false,
    },
    ValueKey {
        key: "CLASS",
        means: &[("private", "true"), ("confidential", "true")],
        closed: false,
    },
];

/// The name written in parts, in the order the parts are joined: VCF Contacts' given name
/// (`N.GN: Ada`) and family name (`N.FN: Lovelace`) give "Ada Lovelace". Read when no
/// key of the whole name has one. Each is an alias of `name` in [`PROPERTY_TABLE`].
pub const NAME_PARTS: &[&str] = &["N.GN", "N.FN"];

/// What an alias that ends in this stands for: any text between vCard's brackets.
const ANY_BRACKETED: &str = "[…]";

/// Whether the key `written` in a note is the table's `key`: the same ignoring ASCII case
/// (and blanks around), or, for a key written `EMAIL[…]`, any key `EMAIL[…]` with
/// something or nothing between the brackets (`EMAIL[HOME]`, `email[1:work]`).
pub fn key_matches(key: &str, written: &str) -> bool {
    let written = written.trim();
    match key.strip_suffix(ANY_BRACKETED) {
        Some(stem) => {
            // By bytes: the key may hold any character where the stem ends (`Eé[`).
            let bytes = written.as_bytes();
            bytes.len() > stem.len()
                && bytes[..stem.len()].eq_ignore_ascii_case(stem.as_bytes())
                && bytes[stem.len()] == b'['
                && written.ends_with(']')
        }
        None => written.eq_ignore_ascii_case(key),
    }
}

impl Property {
    /// The canonical key, as written by `vault`.
    pub fn canonical_key(self) -> &'static str {
        PROPERTY_TABLE
            .iter()
            .find(|(p, _, _)| *p == self)
            .map_or("", |(_, key, _)| key)
    }

    /// Every key whose value is this property's value, canonical first: the keys a write may
    /// change in place. Left out are the keys whose value stands for something
    /// ([`VALUE_KEYS`]: `vault pause` must not write `status: true`), the parts of a name
    /// ([`NAME_PARTS`]) and the bracketed keys (`EMAIL[…]`), which name no one key.
    pub fn keys(self) -> impl Iterator<Item = &'static str> {
        self.all_keys().filter(|key| plain(key))
    }

    /// Every key of this property in [`PROPERTY_TABLE`], canonical first.
    pub fn all_keys(self) -> impl Iterator<Item = &'static str> {
        PROPERTY_TABLE
            .iter()
            .filter(move |(p, _, _)| *p == self)
            .flat_map(|(_, key, aliases)| std::iter::once(*key).chain(aliases.iter().copied()))
    }

    /// The keys of this property whose value carries the meaning, in reading order.
    pub fn value_keys(self) -> impl Iterator<Item = &'static ValueKey> {
        VALUE_KEYS
            .iter()
            .filter(move |v| self.all_keys().any(|key| key == v.key))
    }
}

/// Whether a key of the table holds the property's value as it is.
fn plain(key: &str) -> bool {
    !key.ends_with(ANY_BRACKETED)
        && !NAME_PARTS.contains(&key)
        && !VALUE_KEYS.iter().any(|v| v.key == key)
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

/// What a note says about a property, read through the table: the entry, and how its value
/// reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found<'a> {
    /// The entry that says it.
    pub entry: &'a Entry,
    /// How to read it.
    pub reads: Reads,
}

/// How the value of a [`Found`] entry reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    /// The entry's value is the property's value.
    AsWritten,
    /// A key of [`VALUE_KEYS`] with a value it knows: the canonical value it stands for
    /// (`status: archived` stands for `true`).
    As(&'static str),
    /// A closed key of [`VALUE_KEYS`] with a value it does not know (`prm-tier: innner`),
    /// to report.
    Unknown(&'static ValueKey),
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

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry for `key`, compared case-insensitively.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.key.trim().eq_ignore_ascii_case(key))
    }

    /// The entry for a person property: the canonical key if present and not empty, else the
    /// first alias that is (of those in [`Property::keys`]).
    pub fn lookup(&self, property: Property) -> Option<&Entry> {
        property
            .keys()
            .filter_map(|key| self.get(key))
            .find(|e| !e.value.is_empty())
    }

    /// What the note says about a property: [`Properties::lookup`], else the first key of
    /// [`VALUE_KEYS`] whose value means something (or, for a closed one, a value to report).
    pub fn find(&self, property: Property) -> Option<Found<'_>> {
        if let Some(entry) = self.lookup(property) {
            return Some(Found {
                entry,
                reads: Reads::AsWritten,
            });
        }
        property.value_keys().find_map(|value_key| {
            let entry = self.get(value_key.key)?;
            let reads = value_key
                .means
                .iter()
                .find(|(written, _)| {
                    entry
                        .value
                        .scalars()
                        .iter()
                        .any(|v| flag_word(v).eq_ignore_ascii_case(written))
                })
                .map(|(_, canonical)| Reads::As(canonical));
            match reads {
                Some(reads) => Some(Found { entry, reads }),
                None if value_key.closed && !entry.value.is_empty() => Some(Found {
                    entry,
                    reads: Reads::Unknown(value_key),
                }),
                None => None,
            }
        })
    }

    /// Every non-empty entry under a key of `property` that holds its value (plain aliases
    /// and bracketed keys, not [`VALUE_KEYS`] or [`NAME_PARTS`]): the table's keys in order,
    /// and the entries of one bracketed key in the order written.
    pub fn all(&self, property: Property) -> impl Iterator<Item = &Entry> {
        property
            .all_keys()
            .enumerate()
            // A key listed in two spellings (`bday`, `BDAY`) is read once.
            .filter(move |(i, key)| {
                !property
                    .all_keys()
                    .take(*i)
                    .any(|k| k.eq_ignore_ascii_case(key))
            })
            .map(|(_, key)| key)
            .filter(|key| key.ends_with(ANY_BRACKETED) || plain(key))
            .flat_map(move |key| {
                self.entries
                    .iter()
                    .filter(move |e| key_matches(key, &e.key) && !e.value.is_empty())
            })
    }
}

/// `yes`/`on` read as `true` and `no`/`off` as `false`, as the flags do.
fn flag_word(value: &str) -> &str {
    let value = value.trim();
    if ["yes", "on", "true"]
        .iter()
        .any(|w| value.eq_ignore_ascii_case(w))
    {
        "true"
    } else if ["no", "off", "false"]
        .iter()
        .any(|w| value.eq_ignore_ascii_case(w))
    {
        "false"
    } else {
        value
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

    #[test]
    fn bracketed_keys_match_by_bytes_whatever_the_characters() {
        assert!(key_matches("EMAIL[…]", "email[HOME]"));
        assert!(key_matches("EMAIL[…]", "EMAIL[]"));
        assert!(!key_matches("EMAIL[…]", "EMAILS"));
        // Found by fuzzing: a multi-byte character where the stem ends panicked.
        for written in ["r\u{FFFD}", "EMA\u{FFFD}[x]", "TE\u{e9}[", "\u{1F600}"] {
            assert!(!key_matches("EMAIL[…]", written), "{written}");
            assert!(!key_matches("TEL[…]", written), "{written}");
        }
    }

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

    #[test]
    fn special_keys_are_aliases_of_the_table_and_never_written() {
        let property_of = |key: &str| {
            PROPERTY_TABLE
                .iter()
                .find(|(_, _, aliases)| aliases.contains(&key))
                .map(|(p, _, _)| *p)
        };
        for value_key in VALUE_KEYS {
            let property = property_of(value_key.key).expect("a value key is an alias");
            assert!(
                !property.keys().any(|k| k == value_key.key),
                "{}",
                value_key.key
            );
            assert!(property.value_keys().any(|v| v == value_key));
            for (_, canonical) in value_key.means {
                let reads = match property {
                    Property::Cadence => crate::cadence::parse_cadence(canonical).is_some(),
                    _ => *canonical == "true",
                };
                assert!(reads, "{}: {canonical}", value_key.key);
            }
        }
        for part in NAME_PARTS {
            assert_eq!(property_of(part), Some(Property::Name));
        }
        assert_eq!(
            Property::Paused.keys().collect::<Vec<_>>(),
            ["paused", "prm-paused", "archived"]
        );
        assert_eq!(
            Property::Email.keys().collect::<Vec<_>>(),
            ["email", "emails"]
        );
    }

    #[test]
    fn no_key_means_two_things() {
        let mut seen: Vec<(String, Property)> = Vec::new();
        for (property, canonical, aliases) in PROPERTY_TABLE {
            for key in std::iter::once(canonical).chain(aliases.iter()) {
                let lower = key.to_ascii_lowercase();
                if let Some((_, other)) = seen.iter().find(|(k, _)| *k == lower) {
                    assert_eq!(other, property, "{key} is read for two properties");
                }
                seen.push((lower, *property));
            }
        }
    }

    #[test]
    fn bracketed_keys() {
        assert!(key_matches("EMAIL[…]", "EMAIL[HOME]"));
        assert!(key_matches("EMAIL[…]", " email[1:work] "));
        assert!(key_matches("EMAIL[…]", "EMAIL[]"));
        assert!(!key_matches("EMAIL[…]", "EMAIL"));
        assert!(!key_matches("EMAIL[…]", "EMAIL[HOME"));
        assert!(!key_matches("EMAIL[…]", "EMAILS[HOME]"));
        assert!(!key_matches("TEL[…]", "TELEGRAM"));
        assert!(!key_matches("TEL[…]", "TE"));
        assert!(!key_matches("TEL[…]", "TÉL[x]"));
        assert!(key_matches("tel", "TEL"));
        assert!(!key_matches("tel", "TEL[CELL]"));
    }

    #[test]
    fn value_keys_read_what_their_value_means() {
        let reads = |entries: Vec<Entry>, property| {
            Properties::new(entries).find(property).map(|f| f.reads)
        };
        assert_eq!(
            reads(
                vec![entry("status", Value::String("Inactive".into()))],
                Property::Paused
            ),
            Some(Reads::As("true"))
        );
        assert_eq!(
            reads(
                vec![entry("status", Value::String("active".into()))],
                Property::Paused
            ),
            None
        );
        assert_eq!(
            reads(
                vec![entry("active", Value::String("off".into()))],
                Property::Paused
            ),
            Some(Reads::As("true"))
        );
        assert_eq!(
            reads(vec![entry("active", Value::Bool(true))], Property::Paused),
            None
        );
        assert_eq!(
            reads(
                vec![entry("prm-tier", Value::String("warm".into()))],
                Property::Cadence
            ),
            Some(Reads::As("180"))
        );
        assert!(matches!(
            reads(vec![entry("prm-tier", Value::String("hot".into()))], Property::Cadence),
            Some(Reads::Unknown(v)) if v.key == "prm-tier"
        ));
        assert_eq!(
            reads(vec![entry("prm-tier", Value::Null)], Property::Cadence),
            None
        );
        // A plain alias comes before a value key, wherever it is written.
        assert_eq!(
            reads(
                vec![
                    entry("status", Value::String("archived".into())),
                    entry("prm-paused", Value::Bool(false)),
                ],
                Property::Paused
            ),
            Some(Reads::AsWritten)
        );
    }
}
