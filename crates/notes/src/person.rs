//! The typed properties of a person note, read through the property table.

use chrono::NaiveDate;

use crate::cadence::{MAX_CADENCE_DAYS, parse_cadence};
use crate::dates::{Birthday, parse_date};
use crate::diagnostic::{Diagnostic, Severity};
use crate::people::FoundBy;
use crate::properties::{Entry, Properties, Property, display_text};
use crate::value::Value;

/// What a person note says about the person. Every field is optional in the note.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Person {
    /// Display name: the `name` property, else the file name.
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
    /// `paused: true`.
    pub paused: bool,
    /// `ignore_journal: true`: journal notes that mention them are not contact.
    pub ignore_journal: bool,
    /// `favorite: true`.
    pub favorite: bool,
    /// `private: true`.
    pub private: bool,
    /// Interests and topics, as display text.
    pub interests: Vec<String>,
    /// What not to bring up (`boundaries`, `avoid`): shown to the user, never in a message.
    pub boundaries: Vec<String>,
    /// E-mail addresses.
    pub email: Vec<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// LinkedIn profile.
    pub linkedin: Option<String>,
    /// Web site.
    pub url: Option<String>,
    /// City or place.
    pub location: Option<String>,
    /// Which rule made the note a person (set by the reader, see [`crate::people`]).
    pub found_by: FoundBy,
}

impl Person {
    /// Reads a person from front matter. `file_stem` names the person when `name` is absent.
    /// Values of the wrong type are reported and ignored; the rest is still read.
    pub fn from_properties(
        props: &Properties,
        file_stem: &str,
        path: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Person {
        let mut reader = Reader {
            props,
            path,
            diagnostics,
        };
        let name = reader
            .text(Property::Name)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| file_stem.to_owned());
        Person {
            name,
            aliases: reader.list(Property::Aliases, |s| s.trim().to_owned()),
            relationship: reader
                .text(Property::Relationship)
                .map(|r| display_text(&r).to_lowercase()),
            cadence_days: reader.cadence(),
            last_contact: reader.date(Property::LastContact),
            last_contact_at: props
                .lookup(Property::LastContact)
                .map(|entry| (entry.line, entry.column)),
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
            email: reader.list(Property::Email, |s| s.trim().to_owned()),
            phone: reader.text(Property::Phone),
            linkedin: reader.text(Property::Linkedin),
            url: reader.text(Property::Url),
            location: reader.text(Property::Location).map(|l| display_text(&l)),
            found_by: FoundBy::default(),
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

struct Reader<'a> {
    props: &'a Properties,
    path: &'a str,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
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

    /// A scalar value as trimmed text; placeholders count as absent.
    fn text(&mut self, property: Property) -> Option<String> {
        let entry = self.props.lookup(property)?;
        let scalars = entry.value.scalars();
        let first = scalars.first()?.trim();
        (!is_placeholder(first)).then(|| first.to_owned())
    }

    fn list(&mut self, property: Property, map: impl Fn(&str) -> String) -> Vec<String> {
        let Some(entry) = self.props.lookup(property) else {
            return Vec::new();
        };
        let mut out: Vec<String> = Vec::new();
        // Duplicates are dropped; through a set once the list is long (100,000 aliases).
        let mut seen: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
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
                if is_placeholder(part) {
                    continue;
                }
                let item = map(part);
                if item.is_empty() {
                    continue;
                }
                let duplicate = if out.len() < 32 {
                    out.contains(&item)
                } else {
                    if seen.is_empty() {
                        seen.extend(out.iter().cloned());
                    }
                    !seen.insert(item.clone())
                };
                if !duplicate {
                    out.push(item);
                }
            }
        }
        out
    }

    fn date(&mut self, property: Property) -> Option<NaiveDate> {
        let entry = self.props.lookup(property)?;
        let text = entry.value.as_scalar()?.trim();
        if is_placeholder(text) {
            return None;
        }
        let date = parse_date(text);
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
        let entry = self.props.lookup(Property::Birthday)?;
        let text = entry.value.as_scalar()?.trim();
        if is_placeholder(text) {
            return None;
        }
        let birthday = Birthday::parse(text);
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
        let entry = self.props.lookup(Property::Cadence)?;
        let text = entry.value.as_scalar()?.trim();
        if is_placeholder(text) {
            return None;
        }
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
        let Some(entry) = self.props.lookup(property) else {
            return false;
        };
        match &entry.value {
            Value::Bool(b) => *b,
            Value::String(s)
                if matches!(
                    s.trim().to_ascii_lowercase().as_str(),
                    "yes" | "true" | "on"
                ) =>
            {
                true
            }
            Value::String(s)
                if matches!(
                    s.trim().to_ascii_lowercase().as_str(),
                    "no" | "false" | "off"
                ) =>
            {
                false
            }
            other => {
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
        let person = Person::from_properties(&p, "Sharon Lee", "People/Sharon Lee.md", &mut diags);
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
        let person = Person::from_properties(&p, "X", "People/X.md", &mut diags);
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
            let person = Person::from_properties(&p, "X", "People/X.md", &mut diags);
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
        let person = Person::from_properties(&p, "Template", "t.md", &mut diags);
        assert!(diags.is_empty());
        assert_eq!(person.name, "Template");
        assert_eq!(person.last_contact, None);
    }
}
