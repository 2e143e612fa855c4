//! Who in the vault an imported record is: by e-mail, else by LinkedIn profile, else by
//! name or alias, compared without case or accents (`José` is `jose`).

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use vault_notes::{Note, Resolver};

/// The vault's people, looked up by what imports carry.
#[derive(Debug, Default)]
pub struct People {
    by_email: HashMap<String, Vec<usize>>,
    by_linkedin: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    /// Every note by its file name (people or not), for the names a new note may take.
    by_stem: HashMap<String, usize>,
}

/// Whom a record names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    /// Nobody in the vault.
    Nobody,
    /// One person (an index into the notes).
    One(usize),
    /// Several people: the record is reported and skipped.
    Several(Vec<usize>),
}

impl People {
    /// The people among `notes`.
    pub fn new(notes: &[Note]) -> People {
        let mut people = People::default();
        for (i, note) in notes.iter().enumerate() {
            let Some(person) = &note.person else {
                continue;
            };
            for email in &person.email {
                people.add_email(email, i);
            }
            if let Some(linkedin) = person.linkedin.as_deref().and_then(linkedin_key) {
                push(&mut people.by_linkedin, linkedin, i);
            }
            let names = [person.name.as_str(), note.stem()]
                .into_iter()
                .chain(person.aliases.iter().map(String::as_str));
            for name in names {
                people.add_name(name, i);
            }
        }
        people
    }

    /// The people among `notes`, and the name of every note (for [`People::note_named`]:
    /// a contact import creates notes, and must not take a name that is taken).
    pub fn with_note_names(notes: &[Note]) -> People {
        let mut people = People::new(notes);
        for (i, note) in notes.iter().enumerate() {
            people.by_stem.entry(name_key(note.stem())).or_insert(i);
        }
        people
    }

    /// Records that `note` has `email` too (a note the import is creating).
    pub fn add_email(&mut self, email: &str, note: usize) {
        push(&mut self.by_email, email_key(email), note);
    }

    /// Records that `note` goes by `name` too.
    pub fn add_name(&mut self, name: &str, note: usize) {
        let key = name_key(name);
        if !key.is_empty() {
            push(&mut self.by_name, key, note);
        }
    }

    /// Records that `note` has the LinkedIn profile `url` too.
    pub fn add_linkedin(&mut self, url: &str, note: usize) {
        if let Some(key) = linkedin_key(url) {
            push(&mut self.by_linkedin, key, note);
        }
    }

    /// Whom a record with these e-mails, LinkedIn profile and names is: any e-mail decides;
    /// without one that matches, the LinkedIn profile; without that, any name.
    pub fn find<'a>(
        &self,
        emails: impl IntoIterator<Item = &'a str>,
        linkedin: Option<&str>,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Match {
        let by_email = found(emails.into_iter().map(|e| self.by_email.get(&email_key(e))));
        if by_email != Match::Nobody {
            return by_email;
        }
        let by_linkedin = found(
            linkedin
                .and_then(linkedin_key)
                .map(|key| self.by_linkedin.get(&key)),
        );
        if by_linkedin != Match::Nobody {
            return by_linkedin;
        }
        found(names.into_iter().map(|n| self.by_name.get(&name_key(n))))
    }

    /// The person with the address `email`, if exactly one has it.
    pub fn with_email(&self, email: &str) -> Match {
        found(std::iter::once(self.by_email.get(&email_key(email))))
    }

    /// The note, person or not, whose file name is `name` (compared as names are): a new
    /// person of that name would make `[[name]]` ambiguous.
    pub fn note_named(&self, name: &str) -> Option<usize> {
        self.by_stem.get(&name_key(name)).copied()
    }

    /// The person called `name`, if exactly one is.
    pub fn named(&self, name: &str) -> Match {
        found(std::iter::once(self.by_name.get(&name_key(name))))
    }
}

fn push(map: &mut HashMap<String, Vec<usize>>, key: String, note: usize) {
    let notes = map.entry(key).or_default();
    if !notes.contains(&note) {
        notes.push(note);
    }
}

/// The people every hit names, together.
fn found<'a>(hits: impl IntoIterator<Item = Option<&'a Vec<usize>>>) -> Match {
    let mut all: Vec<usize> = hits.into_iter().flatten().flatten().copied().collect();
    all.sort_unstable();
    all.dedup();
    match all.as_slice() {
        [] => Match::Nobody,
        [one] => Match::One(*one),
        _ => Match::Several(all),
    }
}

/// An e-mail address as compared: trimmed, lower case.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A LinkedIn profile as compared: `linkedin.com/in/pat-smith` for any way of writing its
/// URL (scheme, `www.`, a country subdomain, a query, a trailing slash, case); `None` when
/// it is not a LinkedIn URL.
pub fn linkedin_key(url: &str) -> Option<String> {
    let lower = url.trim().to_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    if !(host == "linkedin.com" || host.ends_with(".linkedin.com")) {
        return None;
    }
    let path = path
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .trim_end_matches('/');
    (!path.is_empty()).then(|| format!("linkedin.com/{path}"))
}

/// A name as compared: the resolver's name key (case, invisible characters), without
/// accents, blanks collapsed.
pub fn name_key(name: &str) -> String {
    let key = Resolver::name_key(name);
    let plain: String = key
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use vault_notes::{ReadOptions, parse_note};

    fn notes() -> Vec<Note> {
        [
            (
                "People/José Núñez.md",
                "---\nemail: [Jose@Example.com]\naliases: [Pepe]\n---\n",
            ),
            (
                "People/Pat.md",
                "---\nlinkedin: https://www.linkedin.com/in/pat/\n---\n",
            ),
            ("People/Pat Two.md", "---\naliases: [Pat]\n---\n"),
            ("Notes/Jose.md", ""),
        ]
        .iter()
        .map(|(p, t)| parse_note(p, t.as_bytes(), &ReadOptions::default()).note)
        .collect()
    }

    #[test]
    fn email_first_then_linkedin_then_name() {
        let notes = notes();
        let people = People::new(&notes);
        assert_eq!(
            people.find(["JOSE@example.com "], None, ["Pat"]),
            Match::One(0)
        );
        assert_eq!(
            people.find([], Some("http://linkedin.com/in/Pat?trk=x"), ["Pepe"]),
            Match::One(1)
        );
        assert_eq!(
            people.find([], None, ["jose nunez"]),
            Match::One(0),
            "accents"
        );
        assert_eq!(people.find([], None, ["pepe"]), Match::One(0), "alias");
        assert_eq!(people.find([], None, ["pat"]), Match::Several(vec![1, 2]));
        assert_eq!(people.find(["x@y.z"], None, ["José Núñez"]), Match::One(0));
        assert_eq!(people.find([], None, ["Nobody"]), Match::Nobody);
    }

    #[test]
    fn linkedin_urls_compare_by_profile() {
        assert_eq!(
            linkedin_key("https://de.linkedin.com/in/pat-smith/").as_deref(),
            Some("linkedin.com/in/pat-smith")
        );
        assert_eq!(linkedin_key("https://example.com/in/pat"), None);
        assert_eq!(linkedin_key("linkedin.com"), None);
    }
}
