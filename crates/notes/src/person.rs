//! The typed properties of a person note, read through the property table: from the front
//! matter, and from a table of properties some plugins keep in the body (the Contacts
//! plugin's block, [`crate::contact_block`]) where the front matter says nothing.

use chrono::NaiveDate;

use crate::cadence::{MAX_CADENCE_DAYS, parse_cadence};
use crate::dates::{Birthday, JournalFormat, parse_date_or_link};
use crate::diagnostic::{Diagnostic, Severity};
use crate::people::FoundBy;
use crate::properties::{
    Entry, Found, NAME_PARTS, Properties, Property, Reads, ValueKey, display_text,
};
use crate::value::Value;

/// What a person note says about the person. Every field is optional in the note.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Person {
    /// Display name: the `name` property (or `full_name`, `FN`, a mapping `{first, last}`,
    /// `N.GN` + `N.FN`), else the file name.
    pub name: String,
    /// Other names the person is linked by.
    pub aliases: Vec<String>,
    /// Kind of relationship, lower-cased (`former-colleague`).
    pub relationship: Option<String>,
    /// Explicit cadence in days.
    pub cadence_days: Option<u32>,
    /// Last contact recorded in the properties.
    pub last_contact: Option<NaiveDate>,
    /// Where that property's value starts (line, column), for diagnostics about it.
    pub last_contact_at: Option<(u32, u32)>,
    /// Birthday.
    pub birthday: Option<Birthday>,
    /// Companies or organisations, as display text.
    pub company: Vec<String>,
    /// Role or job title.
    pub role: Option<String>,
    /// Do not suggest before this date.
    pub snooze_until: Option<NaiveDate>,
    /// `paused: true` (or `active: false`, `status: archived`…).
    pub paused: bool,
    /// `ignore_journal: true`: journal notes that mention them are not contact.
    pub ignore_journal: bool,
    /// `favorite: true` (or `priority: high`…).
    pub favorite: bool,
    /// `private: true` (or `CLASS: private`…).
    pub private: bool,
    /// Interests and topics, as display text.
    pub interests: Vec<String>,
    /// What not to bring up (`boundaries`, `avoid`): shown to the user, never in a message.
    pub boundaries: Vec<String>,
    /// E-mail addresses: every one, under `email`, `emails` and each `EMAIL[…]`.
    pub email: Vec<String>,
    /// Phone number: `phone`, else the first of the other phone keys.
    pub phone: Option<String>,
    /// LinkedIn profile.
    pub linkedin: Option<String>,
    /// Web site.
    pub url: Option<String>,
    /// City or place.
    pub location: Option<String>,
    /// Where you usually meet, for a draft's proposal.
    pub place: Option<String>,
    /// Which rule made the note a person (set by the reader, see [`crate::people`]).
    pub found_by: FoundBy,
}

impl Person {
    /// Reads a person from front matter and, for what it does not say, from the properties
    /// kept in the note's body (`body`: the Contacts plugin's block, or nothing).
    /// `file_stem` names the person when no name is given; `journal` is the daily notes'
    /// format, for dates written as links to daily notes (`last_contact: "[[Oct 2nd,
    /// 2026]]"`). Values of the wrong type are reported and ignored; the rest is still read.
    pub fn from_properties(
        props: &Properties,
        body: &Properties,
        file_stem: &str,
        path: &str,
        journal: &JournalFormat,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Person {
        let mut reader = Reader {
            front_matter: props,
            // Most notes have no body properties: no second look then.
            body: (!body.is_empty()).then_some(body),
            journal,
            path,
            diagnostics,
        };
        let name = reader.name().unwrap_or_else(|| file_stem.to_owned());
        Person {
            name,
            aliases: reader.list(Property::Aliases, |s| s.trim().to_owned()),
            relationship: reader
                .text(Property::Relationship)
                .map(|r| display_text(&r).to_lowercase()),
            cadence_days: reader.cadence(),
            last_contact: reader.date(Property::LastContact),
            last_contact_at: reader
                .find(Property::LastContact)
                .map(|found| (found.entry.line, found.entry.column)),
            birthday: reader.birthday(),
            company: reader.list(Property::Company, display_text),
            role: reader.text(Property::Role),
            snooze_until: reader.date(Property::SnoozeUntil),
            paused: reader.flag(Property::Paused),
            ignore_journal: reader.flag(Property::IgnoreJournal),
            favorite: reader.flag(Property::Favorite),
            private: reader.flag(Property::Private),
            interests: reader.list(Property::Interests, display_text),
            boundaries: reader.list(Property::Boundaries, |s| s.trim().to_owned()),
            email: reader.every(Property::Email),
            phone: reader.every(Property::Phone).into_iter().next(),
            linkedin: reader.text(Property::Linkedin),
            url: reader.text(Property::Url),
            location: reader.text(Property::Location).map(|l| display_text(&l)),
            place: reader.text(Property::Place).map(|l| display_text(&l)),
            found_by: FoundBy::default(),
        }
    }

    /// Whether the note gives `property` a value (what an import must not overwrite).
    /// The name always has one (the file name at least); flags count when set.
    pub fn has(&self, property: Property) -> bool {
        match property {
            Property::Name => true,
            Property::Aliases => !self.aliases.is_empty(),
            Property::Relationship => self.relationship.is_some(),
            Property::Cadence => self.cadence_days.is_some(),
            Property::LastContact => self.last_contact.is_some(),
            Property::Birthday => self.birthday.is_some(),
            Property::Company => !self.company.is_empty(),
            Property::Role => self.role.is_some(),
            Property::SnoozeUntil => self.snooze_until.is_some(),
            Property::Paused => self.paused,
            Property::IgnoreJournal => self.ignore_journal,
            Property::Favorite => self.favorite,
            Property::Private => self.private,
            Property::Interests => !self.interests.is_empty(),
            Property::Boundaries => !self.boundaries.is_empty(),
            Property::Email => !self.email.is_empty(),
            Property::Phone => self.phone.is_some(),
            Property::Linkedin => self.linkedin.is_some(),
            Property::Url => self.url.is_some(),
            Property::Location => self.location.is_some(),
            Property::Place => self.place.is_some(),
        }
    }

    /// The first word of the display name, for greetings ("Hi Sharon,").
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }
}

/// Whether a property value is an unfilled template placeholder such as `{{date}}`.
pub fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("{{") && t.ends_with("}}")) || (t.starts_with("<%") && t.ends_with("%>"))
}

/// The name a value gives: text, or a mapping `{first: Ada, last: Lovelace}` (as the
/// Contacts plugin writes it) joined with a space. Empty and placeholders give nothing.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::Map(fields) => {
            let part = |field: &str| {
                fields
                    .iter()
                    .find(|(k, _)| k.trim().eq_ignore_ascii_case(field))
                    .and_then(|(_, v)| v.as_scalar())
                    .map(str::trim)
                    .filter(|t| !t.is_empty() && !is_placeholder(t))
            };
            join_words([part("first"), part("last")])
        }
        other => other
            .as_scalar()
            .map(str::trim)
            .filter(|t| !t.is_empty() && !is_placeholder(t))
            .map(str::to_owned),
    }
}

/// The present words joined with a space; nothing when none is.
fn join_words<'a>(words: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    let mut out = String::new();
    for word in words.into_iter().flatten() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}

struct Reader<'a> {
    /// The front matter, then the properties of the body: the first that says something wins.
    front_matter: &'a Properties,
    body: Option<&'a Properties>,
    journal: &'a JournalFormat,
    path: &'a str,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    fn layers(&self) -> impl Iterator<Item = &'a Properties> + use<'a> {
        std::iter::once(self.front_matter).chain(self.body)
    }

    fn report(&mut self, entry: &Entry, code: &'static str, message: String) {
        self.diagnostics.push(Diagnostic::new(
            self.path,
            entry.line,
            entry.column,
            Severity::Error,
            code,
            message,
        ));
    }

    /// What the first layer that says something says about `property`.
    fn find(&self, property: Property) -> Option<Found<'a>> {
        self.layers().find_map(|layer| layer.find(property))
    }

    fn lookup(&self, property: Property) -> Option<&'a Entry> {
        self.layers().find_map(|layer| layer.lookup(property))
    }

    /// The text `property` reads as: the value `pick` takes, trimmed, or what a value key
    /// stands for; placeholders count as absent, and a value a closed key does not know is
    /// reported under `code`.
    fn value_text(
        &mut self,
        property: Property,
        code: &'static str,
        pick: fn(&Value) -> Option<&str>,
    ) -> Option<(&'a Entry, String)> {
        let found = self.find(property)?;
        match found.reads {
            Reads::AsWritten => {
                let text = pick(&found.entry.value)?.trim();
                (!is_placeholder(text)).then(|| (found.entry, text.to_owned()))
            }
            Reads::As(canonical) => Some((found.entry, canonical.to_owned())),
            Reads::Unknown(value_key) => {
                self.report_unknown(found.entry, value_key, code);
                None
            }
        }
    }

    fn report_unknown(&mut self, entry: &Entry, value_key: &ValueKey, code: &'static str) {
        let shown = entry
            .value
            .as_scalar()
            .unwrap_or("a list")
            .trim()
            .to_owned();
        let known: Vec<String> = value_key
            .means
            .iter()
            .map(|(written, _)| format!("`{written}`"))
            .collect();
        self.report(
            entry,
            code,
            format!(
                "`{}: {shown}` is not one of {}; it is ignored",
                entry.key,
                known.join(", ")
            ),
        );
    }

    /// A scalar value (the first item of a list) as trimmed text.
    fn text(&mut self, property: Property) -> Option<String> {
        self.value_text(property, "bad-value", first_scalar)
            .map(|(_, text)| text)
    }

    /// The display name: the first key of the whole name that gives one, else the name in
    /// parts (`N.GN` + `N.FN`), in the front matter and then in the body.
    fn name(&self) -> Option<String> {
        self.layers().find_map(|layer| {
            Property::Name
                .keys()
                .filter_map(|key| layer.get(key))
                .find_map(|entry| name_of(&entry.value))
                .or_else(|| {
                    join_words(NAME_PARTS.iter().map(|key| {
                        layer
                            .get(key)
                            .and_then(|e| e.value.as_scalar())
                            .map(str::trim)
                            .filter(|t| !t.is_empty() && !is_placeholder(t))
                    }))
                })
        })
    }

    /// Every value under every key of `property` (each `EMAIL[…]` too), duplicates dropped,
    /// from the first layer that has one.
    fn every(&self, property: Property) -> Vec<String> {
        let Some(layer) = self
            .layers()
            .find(|layer| layer.all(property).next().is_some())
        else {
            return Vec::new();
        };
        let mut out = Unique::default();
        for entry in layer.all(property) {
            for scalar in entry.value.scalars() {
                if !is_placeholder(scalar) {
                    out.push(scalar.trim().to_owned());
                }
            }
        }
        out.items
    }

    fn list(&mut self, property: Property, map: impl Fn(&str) -> String) -> Vec<String> {
        let Some(entry) = self.lookup(property) else {
            return Vec::new();
        };
        let mut out = Unique::default();
        for scalar in entry.value.scalars() {
            // `aliases: a, b` is common in hand-written notes.
            let parts: Vec<&str> = if matches!(entry.value, Value::String(_))
                && !scalar.contains("[[")
                && matches!(property, Property::Aliases | Property::Interests)
            {
                scalar.split(',').collect()
            } else {
                vec![scalar]
            };
            for part in parts {
                if !is_placeholder(part) {
                    out.push(map(part));
                }
            }
        }
        out.items
    }

    fn date(&mut self, property: Property) -> Option<NaiveDate> {
        let (entry, text) = self.value_text(property, "bad-date", Value::as_scalar)?;
        let date = parse_date_or_link(&text, self.journal);
        if date.is_none() {
            self.report(
                entry,
                "bad-date",
                format!(
                    "`{}: {}` is not a date; write it as YYYY-MM-DD, for example `{}: 2026-11-23`",
                    entry.key, text, entry.key
                ),
            );
        }
        date
    }

    fn birthday(&mut self) -> Option<Birthday> {
        let (entry, text) = self.value_text(Property::Birthday, "bad-date", Value::as_scalar)?;
        let birthday = Birthday::parse(&text)
            .or_else(|| parse_date_or_link(&text, self.journal).map(Birthday::born_on));
        if birthday.is_none() {
            self.report(
                entry,
                "bad-date",
                format!(
                    "`{}: {}` is not a birthday; write YYYY-MM-DD, MM-DD or --MM-DD, for example `{}: 12-02`",
                    entry.key, text, entry.key
                ),
            );
        }
        birthday
    }

    fn cadence(&mut self) -> Option<u32> {
        let (entry, text) = self.value_text(Property::Cadence, "bad-cadence", Value::as_scalar)?;
        let text = text.as_str();
        let days = parse_cadence(text);
        if days.is_none()
            && let Some(long) = crate::cadence::parse_unbounded(text)
        {
            self.report(
                entry,
                "bad-cadence",
                format!(
                    "`{}: {}` is {long} days, more than ten years ({MAX_CADENCE_DAYS} days), and is ignored; \
                     write a cadence up to `10 years`, or `paused: true` to stop tracking this person",
                    entry.key, text
                ),
            );
        } else if days.is_none() {
            self.report(
                entry,
                "bad-cadence",
                format!(
                    "`{}: {}` is not a cadence; write a number of days or a phrase such as `14d`, `2w`, `6 weeks`, `monthly`, `quarterly` or `yearly`",
                    entry.key, text
                ),
            );
        }
        days
    }

    fn flag(&mut self, property: Property) -> bool {
        let Some(found) = self.find(property) else {
            return false;
        };
        let entry = found.entry;
        match (found.reads, &entry.value) {
            (Reads::As(canonical), _) => canonical == "true",
            (Reads::Unknown(value_key), _) => {
                self.report_unknown(entry, value_key, "bad-value");
                false
            }
            (Reads::AsWritten, Value::Bool(b)) => *b,
            (Reads::AsWritten, Value::String(s))
                if matches!(
                    s.trim().to_ascii_lowercase().as_str(),
                    "yes" | "true" | "on"
                ) =>
            {
                true
            }
            (Reads::AsWritten, Value::String(s))
                if matches!(
                    s.trim().to_ascii_lowercase().as_str(),
                    "no" | "false" | "off"
                ) =>
            {
                false
            }
            (Reads::AsWritten, other) => {
                let shown = other.as_scalar().unwrap_or("a list").to_owned();
                self.report(
                    entry,
                    "bad-value",
                    format!("`{}: {}` should be `true` or `false`", entry.key, shown),
                );
                false
            }
        }
    }
}

fn first_scalar(value: &Value) -> Option<&str> {
    value.scalars().first().copied()
}

/// Items in order, each once: compared in the list while it is short, through a set once it
/// is long (a note with 100,000 aliases is read in linear time).
#[derive(Default)]
struct Unique {
    items: Vec<String>,
    seen: rustc_hash::FxHashSet<String>,
}

impl Unique {
    const SCAN: usize = 32;

    /// Adds `item` unless it is empty or already there.
    fn push(&mut self, item: String) {
        if item.is_empty() {
            return;
        }
        let duplicate = if self.items.len() < Self::SCAN {
            self.items.contains(&item)
        } else {
            if self.seen.is_empty() {
                self.seen.extend(self.items.iter().cloned());
            }
            !self.seen.insert(item.clone())
        };
        if !duplicate {
            self.items.push(item);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(entries: &[(&str, Value)]) -> Properties {
        Properties::new(
            entries
                .iter()
                .enumerate()
                .map(|(i, (k, v))| Entry {
                    key: (*k).into(),
                    value: v.clone(),
                    line: u32::try_from(i).unwrap_or(0) + 2,
                    column: 5,
                })
                .collect(),
        )
    }

    fn s(v: &str) -> Value {
        Value::String(v.into())
    }

    #[test]
    fn reads_canonical_and_alias_keys() {
        let p = props(&[
            ("circle", s("Former-Colleague")),
            ("contactFrequency", s("2w")),
            ("lastContact", s("2026-10-02")),
            ("org", Value::List(vec![s("[[Obsidian]]")])),
            ("favourite", Value::Bool(true)),
            ("topics", s("sourdough, running")),
        ]);
        let mut diags = Vec::new();
        let person = Person::from_properties(
            &p,
            &Properties::default(),
            "Sharon Lee",
            "People/Sharon Lee.md",
            &JournalFormat::default(),
            &mut diags,
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(person.name, "Sharon Lee");
        assert_eq!(person.first_name(), "Sharon");
        assert_eq!(person.relationship.as_deref(), Some("former-colleague"));
        assert_eq!(person.cadence_days, Some(14));
        assert_eq!(
            person.last_contact.map(|d| d.to_string()).as_deref(),
            Some("2026-10-02")
        );
        assert_eq!(person.company, vec!["Obsidian"]);
        assert!(person.favorite);
        assert_eq!(person.interests, vec!["sourdough", "running"]);
    }

    #[test]
    fn bad_values_are_reported_with_their_line() {
        let p = props(&[
            ("cadence", s("sometimes")),
            ("birthday", s("02-30")),
            ("paused", s("maybe")),
            ("last_contact", s("last week")),
        ]);
        let mut diags = Vec::new();
        let person = Person::from_properties(
            &p,
            &Properties::default(),
            "X",
            "People/X.md",
            &JournalFormat::default(),
            &mut diags,
        );
        let codes: Vec<_> = diags.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(
            codes,
            vec![
                ("bad-cadence", 2),
                ("bad-date", 5),
                ("bad-date", 3),
                ("bad-value", 4)
            ]
        );
        assert_eq!(person.cadence_days, None);
        assert!(!person.paused);
    }

    #[test]
    fn cadences_over_ten_years_are_reported_and_ignored() {
        for text in ["4294967295", "3000000", "11 years"] {
            let p = props(&[("cadence", s(text))]);
            let mut diags = Vec::new();
            let person = Person::from_properties(
                &p,
                &Properties::default(),
                "X",
                "People/X.md",
                &JournalFormat::default(),
                &mut diags,
            );
            assert_eq!(person.cadence_days, None, "{text}");
            assert_eq!(diags.len(), 1, "{text}: {diags:?}");
            assert_eq!(diags[0].code, "bad-cadence");
            assert!(
                diags[0].message.contains("more than ten years"),
                "{}",
                diags[0]
            );
        }
    }

    #[test]
    fn placeholders_are_absent_not_errors() {
        let p = props(&[("last_contact", s("{{date}}")), ("name", s("{{title}}"))]);
        let mut diags = Vec::new();
        let person = Person::from_properties(
            &p,
            &Properties::default(),
            "Template",
            "t.md",
            &JournalFormat::default(),
            &mut diags,
        );
        assert!(diags.is_empty());
        assert_eq!(person.name, "Template");
        assert_eq!(person.last_contact, None);
    }

    /// Reads `entries` as front matter (and `body` as the body's properties) of `People/X.md`.
    fn read_with(
        entries: &[(&str, Value)],
        body: &[(&str, Value)],
        journal: &str,
    ) -> (Person, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let person = Person::from_properties(
            &props(entries),
            &props(body),
            "X",
            "People/X.md",
            &JournalFormat::from_moment(journal),
            &mut diags,
        );
        (person, diags)
    }

    fn read(entries: &[(&str, Value)]) -> Person {
        let (person, diags) = read_with(entries, &[], "YYYY-MM-DD");
        assert!(diags.is_empty(), "{diags:?}");
        person
    }

    fn map(fields: &[(&str, Value)]) -> Value {
        Value::Map(
            fields
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    fn day(text: &str) -> Option<NaiveDate> {
        crate::dates::parse_date(text)
    }

    #[test]
    fn names_canonical_aliases_mappings_and_parts() {
        assert_eq!(read(&[("FN", s("Ada Lovelace"))]).name, "Ada Lovelace");
        assert_eq!(
            read(&[("full_name", s("Ada L")), ("name", s("Ada"))]).name,
            "Ada"
        );
        assert_eq!(read(&[("fullname", s("Ada King"))]).name, "Ada King");
        // An empty canonical key falls back to the next.
        assert_eq!(read(&[("name", Value::Null), ("FN", s("Ada"))]).name, "Ada");
        let mapping = map(&[("first", s("Ada")), ("last", s("Lovelace"))]);
        assert_eq!(read(&[("name", mapping)]).name, "Ada Lovelace");
        assert_eq!(read(&[("name", map(&[("First", s("Ada"))]))]).name, "Ada");
        // The Contacts plugin's template, unfilled, names no one.
        let blank = map(&[("first", Value::Null), ("last", Value::Null)]);
        assert_eq!(read(&[("name", blank.clone())]).name, "X");
        assert_eq!(read(&[("name", blank), ("FN", s("Ada"))]).name, "Ada");
        // VCF Contacts: N.GN is the given name, N.FN the family name (`N.FN: Volkova`,
        // `N.GN: Anya` in its demo data).
        let parts = [("N.FN", s("Volkova")), ("N.GN", s("Anya"))];
        assert_eq!(read(&parts).name, "Anya Volkova");
        assert_eq!(read(&parts).first_name(), "Anya");
        assert_eq!(read(&[("N.GN", s("Anya"))]).name, "Anya");
        assert_eq!(
            read(&[("N.FN", s("Anya")), ("FN", s("Anya V."))]).name,
            "Anya V."
        );
        // Parts are not aliases a write could change.
        assert!(!Property::Name.keys().any(|k| NAME_PARTS.contains(&k)));
    }

    #[test]
    fn value_keys_pause_favourite_and_keep_private() {
        assert!(read(&[("active", Value::Bool(false))]).paused);
        assert!(read(&[("active", s("no"))]).paused);
        assert!(!read(&[("active", Value::Bool(true))]).paused);
        assert!(read(&[("follow_up", Value::Bool(false))]).paused);
        assert!(read(&[("archived", Value::Bool(true))]).paused);
        assert!(!read(&[("archived", Value::Bool(false))]).paused);
        assert!(read(&[("status", s("Archived"))]).paused);
        assert!(read(&[("status", s("inactive"))]).paused);
        // Any other status pauses no one and is no mistake.
        for other in ["active", "lead", "in progress", "", "42"] {
            let (person, diags) = read_with(&[("status", s(other))], &[], "YYYY-MM-DD");
            assert!(!person.paused, "{other}");
            assert!(diags.is_empty(), "{other}: {diags:?}");
        }
        let (person, diags) =
            read_with(&[("status", Value::List(vec![s("x")]))], &[], "YYYY-MM-DD");
        assert!(!person.paused && diags.is_empty());
        // The canonical key wins over a value key.
        assert!(!read(&[("status", s("archived")), ("paused", Value::Bool(false))]).paused);
        assert!(read(&[("active", Value::Bool(true)), ("status", s("archived"))]).paused);
        assert!(read(&[("priority", Value::Bool(true))]).favorite);
        assert!(read(&[("priority", s("High"))]).favorite);
        assert!(!read(&[("priority", s("low"))]).favorite);
        assert!(read(&[("favourite", Value::Bool(true)), ("priority", s("low"))]).favorite);
        assert!(read(&[("CLASS", s("PRIVATE"))]).private);
        assert!(read(&[("class", s("confidential"))]).private);
        assert!(!read(&[("CLASS", s("PUBLIC"))]).private);
    }

    #[test]
    fn tiers_are_cadences() {
        for (tier, days) in [
            ("inner", 14),
            ("close", 30),
            ("casual", 90),
            ("warm", 180),
            ("Dormant", 365),
        ] {
            assert_eq!(
                read(&[("prm-tier", s(tier))]).cadence_days,
                Some(days),
                "{tier}"
            );
        }
        // A cadence key wins over the tier.
        assert_eq!(
            read(&[("prm-tier", s("inner")), ("frequency", s("monthly"))]).cadence_days,
            Some(30)
        );
        // An unknown tier is reported at its line and ignored.
        let (person, diags) = read_with(
            &[("name", s("X")), ("prm-tier", s("innner"))],
            &[],
            "YYYY-MM-DD",
        );
        assert_eq!(person.cadence_days, None);
        let found: Vec<_> = diags.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(found, [("bad-cadence", 3)]);
        assert!(
            diags[0]
                .message
                .contains("`prm-tier: innner` is not one of `inner`, `close`"),
            "{}",
            diags[0]
        );
    }

    #[test]
    fn dates_as_links_to_daily_notes() {
        let expected = day("2026-10-02");
        assert_eq!(
            read(&[("last_contact", s("[[2026-10-02]]"))]).last_contact,
            expected
        );
        assert_eq!(
            read(&[("last_chat", s("[[Daily/2026-10-02|Fri]]"))]).last_contact,
            expected
        );
        assert_eq!(
            read(&[("date_last_spoken", s("[[2026-10-02#Lunch]]"))]).last_contact,
            expected
        );
        let (person, diags) = read_with(
            &[("lastContacted", s("[[Oct 2nd, 2026]]"))],
            &[],
            "MMM Do, YYYY",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(person.last_contact, expected);
        let (person, diags) = read_with(
            &[("last_contact", s("[[Journal/Oct 2nd, 2026|Fri]]"))],
            &[],
            "MMM Do, YYYY",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(person.last_contact, expected);
        // In the default format, such a link is no date.
        let (person, diags) = read_with(
            &[("last_contact", s("[[Oct 2nd, 2026]]"))],
            &[],
            "YYYY-MM-DD",
        );
        assert_eq!(person.last_contact, None);
        assert_eq!(
            diags.iter().map(|d| d.code).collect::<Vec<_>>(),
            ["bad-date"]
        );
        let birthday = read(&[("birthday", s("[[Daily/1990-12-02|Sunday]]"))]).birthday;
        assert_eq!(
            birthday.map(|b| (b.year, b.month, b.day)),
            Some((Some(1990), 12, 2))
        );
    }

    #[test]
    fn vcard_birthdays() {
        let b = read(&[("BDAY", Value::Number("19901202".into()))]).birthday;
        assert_eq!(
            b.map(|b| (b.year, b.month, b.day)),
            Some((Some(1990), 12, 2))
        );
        let b = read(&[("bday", s("--1202"))]).birthday;
        assert_eq!(b.map(|b| (b.year, b.month, b.day)), Some((None, 12, 2)));
        let b = read(&[("BDAY", s("1991-01-05"))]).birthday;
        assert_eq!(b.map(|b| b.day), Some(5));
        let (person, diags) = read_with(&[("BDAY", s("19901302"))], &[], "YYYY-MM-DD");
        assert_eq!(person.birthday, None);
        assert_eq!(
            diags.iter().map(|d| d.code).collect::<Vec<_>>(),
            ["bad-date"]
        );
    }

    #[test]
    fn every_email_and_the_first_phone() {
        let person = read(&[
            ("EMAIL[HOME]", s("anya.ice@frostmail.ru")),
            ("TEL[CELL]", s("+74951234567")),
            ("email", s("anya@example.com")),
            ("EMAIL[WORK]", s("anya@techsnow.ru")),
            ("email[1:]", s("anya@example.com")),
            ("TEL[HOME]", s("+74951234568")),
            (
                "emails",
                Value::List(vec![s("a@b.c"), s("anya@techsnow.ru")]),
            ),
        ]);
        assert_eq!(
            person.email,
            // `email`, then `emails`, then each `EMAIL[…]` as written; each address once.
            [
                "anya@example.com",
                "a@b.c",
                "anya@techsnow.ru",
                "anya.ice@frostmail.ru"
            ]
        );
        assert_eq!(person.phone.as_deref(), Some("+74951234567"));
        // The canonical key first, then the aliases in the table's order.
        let phone = |entries: &[(&str, Value)]| read(entries).phone;
        assert_eq!(
            phone(&[("TEL[CELL]", s("1")), ("phone", s("2"))]).as_deref(),
            Some("2")
        );
        assert_eq!(
            phone(&[("mobile", s("3")), ("tel", s("4"))]).as_deref(),
            Some("4")
        );
        assert_eq!(
            phone(&[("phone", s("")), ("mobile", Value::Number("3".into()))]).as_deref(),
            Some("3")
        );
        // Not a bracketed key: `TELEGRAM`, `EMAIL[` without its end.
        assert_eq!(phone(&[("TELEGRAM", s("@ada"))]), None);
        assert!(read(&[("EMAIL[HOME", s("x@y.z"))]).email.is_empty());
        assert_eq!(
            read(&[("city", s("[[Lisbon]]"))]).location.as_deref(),
            Some("Lisbon")
        );
    }

    #[test]
    fn other_aliases_of_the_extended_table() {
        let person = read(&[
            ("ORG", s("FrostTech")),
            ("position", s("Engineer")),
            ("prm-relationship", s("Mentor")),
            ("contact-frequency", s("2w")),
            ("prm-birthday", s("12-02")),
            ("last_contacted", s("2026-10-02")),
        ]);
        assert_eq!(person.company, ["FrostTech"]);
        assert_eq!(person.role.as_deref(), Some("Engineer"));
        assert_eq!(person.relationship.as_deref(), Some("mentor"));
        assert_eq!(person.cadence_days, Some(14));
        assert_eq!(person.birthday.map(|b| b.month), Some(12));
        assert_eq!(person.last_contact, day("2026-10-02"));
        assert_eq!(read(&[("employer", s("[[Acme]]"))]).company, ["Acme"]);
        assert_eq!(read(&[("TITLE", s("CTO"))]).role.as_deref(), Some("CTO"));
    }

    #[test]
    fn front_matter_wins_over_the_body() {
        let body = [
            ("name", map(&[("first", s("carl")), ("last", s("johnson"))])),
            ("last_chat", s("2022-12-06")),
            ("Birthday", s("1966-12-06")),
            ("Phone", s("+1 555")),
        ];
        let (person, diags) = read_with(&[("last_contact", s("2026-10-02"))], &body, "YYYY-MM-DD");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(person.name, "carl johnson");
        assert_eq!(person.last_contact, day("2026-10-02"));
        assert_eq!(person.birthday.map(|b| b.year), Some(Some(1966)));
        assert_eq!(person.phone.as_deref(), Some("+1 555"));
        let (person, _) = read_with(&[("FN", s("Carl J"))], &body, "YYYY-MM-DD");
        assert_eq!(person.name, "Carl J");
        // A bad value in the body is reported at its row.
        let (_, diags) = read_with(&[], &[("last_chat", s("yesterday"))], "YYYY-MM-DD");
        assert_eq!(
            diags
                .iter()
                .map(|d| (d.code, d.line, d.column))
                .collect::<Vec<_>>(),
            [("bad-date", 2, 5)]
        );
    }
}
