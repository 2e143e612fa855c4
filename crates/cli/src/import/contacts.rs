//! Contacts into people: each imported contact is matched with the vault's people (any
//! e-mail, else the LinkedIn profile, else a name or alias), and
//! - matching nobody, becomes a new person note (from the person template) in the
//!   vault's people folder;
//! - matching one person, gives them the properties their note lacks; a value that differs
//!   from the note's is reported, not written, and the note's name always stays;
//! - matching several, is reported and skipped.
//!
//! Two contacts of one import that are the same new person (an e-mail or the name in
//! common) make one note.

use vault_notes::{Birthday, Note, Property, edit::yaml_scalar};

use super::contact::{Contact, ImportedBirthday};
use super::people::{Match, People, email_key, linkedin_key, name_key};
use super::plan::{NewPerson, Plan, SetProperty};
use crate::cmd::add::check_file_name;

/// Where new people go and what they start as.
#[derive(Debug, Clone)]
pub struct Target<'a> {
    /// The people folder new notes go into (`People`, or `""` for the vault's root).
    pub folder: &'a str,
    /// The relationship of the people an import creates (`connection` for LinkedIn).
    pub relationship: Option<&'a str>,
}

/// Adds what `contact` (read from `file`) brings to `plan`.
pub fn merge(
    plan: &mut Plan,
    notes: &[Note],
    people: &mut People,
    contact: &Contact,
    file: &str,
    target: &Target<'_>,
) {
    plan.read += 1;
    let names = names(contact);
    // A company's card (or a CSV row with only a company) is no person to keep in touch
    // with; counted, so that the summary accounts for every record.
    if contact.organization || (names.is_empty() && contact.company.is_some()) {
        plan.skip("for an organisation, not a person");
        return;
    }
    let found = people.find(
        contact.emails.iter().map(String::as_str),
        contact.linkedin.as_deref(),
        names.iter().map(String::as_str),
    );
    let at = format!("{file}:{}", contact.line);
    match found {
        Match::Several(several) => {
            let who: Vec<String> = several.iter().map(|&i| describe(notes, plan, i)).collect();
            plan.reports.push(format!(
                "{at}: {} matches {}: skipped; add an e-mail to the right note to tell them apart",
                names.first().map_or("this contact", String::as_str),
                who.join(" and ")
            ));
            plan.skip("matching several people");
        }
        Match::One(i) if i >= notes.len() => {
            // The same new person twice in one import: the first record made the note.
            register(people, contact, i);
            plan.skip("appearing twice in the import (the first one is used)");
        }
        Match::One(i) => {
            let Some(person) = notes.get(i).and_then(|n| n.person.as_ref()) else {
                return;
            };
            let mut properties = Vec::new();
            let mut reports = Vec::new();
            fill(
                &mut properties,
                person,
                contact,
                &at,
                &notes[i].path,
                &mut reports,
            );
            plan.reports.extend(reports);
            if properties.is_empty() {
                plan.skip("already in the vault");
            } else {
                plan.changes
                    .entry(i)
                    .or_default()
                    .properties
                    .extend(properties);
            }
        }
        Match::Nobody => {
            let Some(name) = names.first() else {
                plan.bad.push(format!(
                    "{at}: a contact without a name: skipped (a person note is named after the person)"
                ));
                return;
            };
            if let Err(why) = check_file_name(name) {
                plan.reports.push(format!(
                    "{at}: `{name}` cannot be a note's name ({why}): skipped"
                ));
                plan.skip("with a name that cannot be a file name");
                return;
            }
            let path = if target.folder.is_empty() {
                format!("{name}.md")
            } else {
                format!("{}/{name}.md", target.folder)
            };
            // As `vault add` does: a note of that name (a person without an e-mail in
            // common, or a note that is no person) keeps it.
            if let Some(taken) = people.note_named(name).and_then(|i| notes.get(i)) {
                plan.reports.push(format!(
                    "{at}: a note named `{name}` exists ({}) but is not this contact: skipped; give it the contact's e-mail, or `type: person`, and import again",
                    taken.path
                ));
                plan.skip("whose note name is taken");
                return;
            }
            if plan.new.iter().any(|n| n.path.eq_ignore_ascii_case(&path)) {
                plan.skip("appearing twice in the import (the first one is used)");
                return;
            }
            let mut new = NewPerson {
                name: name.clone(),
                path,
                relationship: target.relationship.map(str::to_owned),
                company: contact.company.clone(),
                email: contact.emails.first().cloned(),
                properties: Vec::new(),
                body: body(contact),
            };
            let mut reports = Vec::new();
            fill(
                &mut new.properties,
                &vault_notes::Person::default(),
                contact,
                &at,
                name,
                &mut reports,
            );
            plan.reports.extend(reports);
            // The template writes the company and the first e-mail.
            new.properties.retain(|p| match p.property {
                Property::Company => false,
                Property::Email => contact.emails.len() > 1,
                _ => true,
            });
            let index = notes.len() + plan.new.len();
            plan.new.push(new);
            register(people, contact, index);
            for name in &names {
                people.add_name(name, index);
            }
        }
    }
}

/// The body a new note starts with: the contact's own note, and when you connected.
fn body(contact: &Contact) -> Option<String> {
    let connected = contact
        .connected_on
        .map(|d| format!("Connected on LinkedIn on {}.", d.format("%-d %B %Y")));
    let parts: Vec<String> = contact
        .note
        .iter()
        .map(|note| as_text(note))
        .chain(connected)
        .collect();
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// A contact's note as text in a Markdown note: a line that Markdown or the vault would
/// read as structure gets a `\` before it (which Markdown shows as nothing), so that
/// `- 2019-05-01 call: intro` in an address book is no interaction, `## Log` no second
/// log, `- [ ] …` no follow-up, `---` no heading underline; indentation (a code block)
/// is dropped.
fn as_text(note: &str) -> String {
    note.lines()
        .map(|line| {
            let line = line.trim();
            let after_digits = line.trim_start_matches(|c: char| c.is_ascii_digit());
            let digits = line.len() - after_digits.len();
            if digits > 0 && after_digits.starts_with(['.', ')']) {
                // `1. first` is escaped at its dot: `1\. first`.
                format!("{}\\{after_digits}", line.get(..digits).unwrap_or_default())
            } else if line.starts_with(['#', '-', '*', '+', '>', '=', '`', '~', '|', '_']) {
                format!("\\{line}")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Remembers that `index` (a note being created) is this contact, for the next records.
fn register(people: &mut People, contact: &Contact, index: usize) {
    for email in &contact.emails {
        people.add_email(email, index);
    }
    if let Some(linkedin) = &contact.linkedin {
        people.add_linkedin(linkedin, index);
    }
}

fn describe(notes: &[Note], plan: &Plan, i: usize) -> String {
    match notes.get(i) {
        Some(note) => format!("{} ({})", note.display_name(), note.path),
        None => plan
            .new
            .get(i - notes.len())
            .map_or_else(String::new, |n| format!("{} (new in this import)", n.name)),
    }
}

/// The names a contact goes by, the display name first.
fn names(contact: &Contact) -> Vec<String> {
    let joined = [
        contact.given_name.as_deref(),
        contact.family_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let mut names: Vec<String> = contact
        .name
        .iter()
        .cloned()
        .chain((!joined.is_empty()).then_some(joined))
        .chain(contact.nicknames.iter().cloned())
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty())
        .collect();
    names.dedup_by(|a, b| name_key(a) == name_key(b));
    names
}

/// A list as YAML: a flow list of double-quoted strings (JSON's quoting is YAML's).
fn yaml_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned())
}

/// Adds to `out` the properties `contact` gives that `known` lacks; a value that differs
/// from what `known` says goes to `reports` (`at`: the record's place; `whose`: the note).
fn fill(
    out: &mut Vec<SetProperty>,
    known: &vault_notes::Person,
    contact: &Contact,
    at: &str,
    whose: &str,
    reports: &mut Vec<String>,
) {
    let mut conflict = |what: &str, note: &str, import: &str| {
        reports.push(format!(
            "{at}: {whose} has {what} `{note}`, the import says `{import}`: not written"
        ));
    };
    let mut set = |property: Property, yaml: String| {
        out.retain(|s| s.property != property);
        out.push(SetProperty { property, yaml });
    };

    // E-mails: a note without any gains them all; one that has some keeps its own, and
    // an address it does not have is reported.
    if known.email.is_empty() {
        if !contact.emails.is_empty() {
            set(Property::Email, email_yaml(&contact.emails));
        }
    } else {
        let has: Vec<String> = known.email.iter().map(|e| email_key(e)).collect();
        for email in contact
            .emails
            .iter()
            .filter(|e| !has.contains(&email_key(e)))
        {
            conflict("the e-mail addresses", &known.email.join(", "), email);
        }
    }
    if !contact.nicknames.is_empty() {
        let has: Vec<String> = known.aliases.iter().map(|a| name_key(a)).collect();
        let missing: Vec<String> = contact
            .nicknames
            .iter()
            .filter(|n| !has.contains(&name_key(n)))
            .cloned()
            .collect();
        if known.aliases.is_empty() {
            set(Property::Aliases, yaml_list(&missing));
        } else if !missing.is_empty() {
            conflict(
                "the aliases",
                &known.aliases.join(", "),
                &missing.join(", "),
            );
        }
    }
    if let Some(phone) = contact.phones.first() {
        match &known.phone {
            None => set(Property::Phone, yaml_scalar(phone)),
            Some(has) if !contact.phones.iter().any(|p| same_phone(p, has)) => {
                conflict("the phone", has, phone);
            }
            Some(_) => {}
        }
    }
    if let Some(company) = &contact.company {
        // The template writes the company of a new note; an existing one lacking it gains it.
        if known.company.is_empty() {
            set(Property::Company, yaml_scalar(company));
        } else if !known.company.iter().any(|c| same_text(c, company)) {
            conflict("the company", &known.company.join(", "), company);
        }
    }
    text_property(
        Property::Role,
        known.role.as_deref(),
        contact.role.as_deref(),
        &mut set,
        &mut conflict,
    );
    if let Some(birthday) = contact.birthday {
        match known.birthday {
            None => set(Property::Birthday, yaml_scalar(&birthday_text(birthday))),
            Some(has) if !same_birthday(has, birthday) => {
                conflict("the birthday", &has.to_string(), &birthday_text(birthday));
            }
            Some(_) => {}
        }
    }
    if let Some(linkedin) = &contact.linkedin {
        match &known.linkedin {
            None => set(Property::Linkedin, yaml_scalar(linkedin)),
            Some(has)
                if linkedin_key(has) != linkedin_key(linkedin) && !same_text(has, linkedin) =>
            {
                conflict("the LinkedIn profile", has, linkedin);
            }
            Some(_) => {}
        }
    }
    if let Some(url) = contact.urls.first() {
        match &known.url {
            None => set(Property::Url, yaml_scalar(url)),
            Some(has) if !contact.urls.iter().any(|u| same_url(u, has)) => {
                conflict("the web site", has, url);
            }
            Some(_) => {}
        }
    }
    text_property(
        Property::Location,
        known.location.as_deref(),
        contact.location.as_deref(),
        &mut set,
        &mut conflict,
    );
}

fn text_property(
    property: Property,
    has: Option<&str>,
    import: Option<&str>,
    set: &mut impl FnMut(Property, String),
    conflict: &mut impl FnMut(&str, &str, &str),
) {
    let Some(import) = import else {
        return;
    };
    match has {
        None => set(property, yaml_scalar(import)),
        Some(has) if !same_text(has, import) => conflict(property.canonical_key(), has, import),
        Some(_) => {}
    }
}

/// One address as a scalar, several as a list.
fn email_yaml(emails: &[String]) -> String {
    match emails {
        [one] => yaml_scalar(one),
        several => yaml_list(several),
    }
}

/// Whether two ways of writing a number are the same number: the same digits once
/// `(0)` (`+44 (0)20…`, the trunk prefix not dialled from abroad) is left out and `00` is
/// read as `+`; or the one international (`+44 7700 900456`) and the other national
/// (`07700 900456`, `(415) 555-0199`), the national number without its trunk `0` ending
/// the international one after a country code of one to three digits.
fn same_phone(a: &str, b: &str) -> bool {
    let (a_abroad, a) = phone_digits(a);
    let (b_abroad, b) = phone_digits(b);
    if a == b {
        return !a.is_empty();
    }
    let national_in = |international: &str, national: &str| {
        let without_trunk = national.strip_prefix('0').unwrap_or(national);
        // Italy keeps its `0` after the country code (`+39 06…` is `06…`).
        [without_trunk, national].into_iter().any(|n| {
            n.len() >= 6
                && international.ends_with(n)
                && (1..=3).contains(&(international.len() - n.len()))
        })
    };
    match (a_abroad, b_abroad) {
        (true, false) => national_in(&a, &b),
        (false, true) => national_in(&b, &a),
        _ => false,
    }
}

/// Whether a number is written with its country code (`+`, `00`), and its digits
/// without `(0)` or the `00`.
fn phone_digits(phone: &str) -> (bool, String) {
    let phone = phone.replace("(0)", "");
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if phone.trim_start().starts_with('+') {
        (true, digits)
    } else if let Some(rest) = digits.strip_prefix("00") {
        (true, rest.to_owned())
    } else {
        (false, digits)
    }
}

fn same_text(a: &str, b: &str) -> bool {
    name_key(vault_notes::unlink(a).as_str()) == name_key(vault_notes::unlink(b).as_str())
}

fn same_url(a: &str, b: &str) -> bool {
    let key = |u: &str| {
        let u = u.trim().trim_end_matches('/').to_lowercase();
        u.strip_prefix("https://")
            .or_else(|| u.strip_prefix("http://"))
            .map(|rest| rest.trim_start_matches("www.").to_owned())
            .unwrap_or(u)
    };
    key(a) == key(b)
}

/// The note's birthday and the import's are one: the same day, and the same year when
/// both give one.
fn same_birthday(has: Birthday, import: ImportedBirthday) -> bool {
    has.month == import.month
        && has.day == import.day
        && (has.year.is_none() || import.year.is_none() || has.year == import.year)
}

/// `1990-12-02`, or `--12-02` without a year.
fn birthday_text(b: ImportedBirthday) -> String {
    match b.year {
        Some(year) => format!("{year:04}-{:02}-{:02}", b.month, b.day),
        None => format!("--{:02}-{:02}", b.month, b.day),
    }
}

#[cfg(test)]
mod tests {
    use super::{as_text, same_phone};

    #[test]
    fn a_number_written_another_way_is_the_same_number() {
        for (a, b) in [
            ("+44 (0)7700 900456", "+447700900456"),
            ("07700 900456", "+44 7700 900456"),
            ("0044 7700 900456", "+44 7700 900456"),
            ("(415) 555-0199", "+1 415 555 0199"),
            ("+39 06 1234 5678", "06 1234 5678"),
            ("tel:+45-20-12-34-56", "+45 20 12 34 56"),
        ] {
            assert!(same_phone(a, b), "{a} is {b}");
            assert!(same_phone(b, a), "{b} is {a}");
        }
        for (a, b) in [
            ("+44 7700 900456", "+49 7700 900456"),
            ("07700 900456", "07700 900457"),
            ("555 0199", "+1 415 555 0199"),
            ("+1 415 555 0199", "+44 1 415 555 0199"),
            ("", ""),
        ] {
            assert!(!same_phone(a, b), "{a} is not {b}");
        }
    }

    #[test]
    fn a_contacts_note_is_text_not_structure() {
        let note = "Met at KubeCon, 2019.\n- 2019-05-01 call: intro via Ann\n## Log\n- [ ] send the deck\n---\n1. first\n2) second\n    indented code\n> quoted\n* starred\n2019 was a good year\n";
        assert_eq!(
            as_text(note),
            "Met at KubeCon, 2019.\n\\- 2019-05-01 call: intro via Ann\n\\## Log\n\\- [ ] send the deck\n\\---\n1\\. first\n2\\) second\nindented code\n\\> quoted\n\\* starred\n2019 was a good year"
        );
    }
}
