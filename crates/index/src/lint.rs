//! Problems only visible across notes: duplicate people (names that read the same), names
//! with invisible characters, links to people that resolve to nobody or to several people,
//! contact dated in the future.

use chrono::NaiveDate;
use rayon::prelude::*;
use vault_notes::{Diagnostic, Note, Resolver, Severity};

use crate::links::Links;

/// Properties whose links name people (meeting notes: `people: ["[[Steph Ango]]"]`).
pub use vault_notes::PEOPLE_PROPERTIES;

/// Cross-note problems of `notes` on `today`; `links` are theirs.
pub fn lint(notes: &[Note], links: &Links<'_>, today: NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    duplicate_people(notes, links.resolver(), &mut out);
    let per_note: Vec<Diagnostic> = notes
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, note)| {
            let mut found = Vec::new();
            person_links(i, note, notes, links, &mut found);
            invisible_characters(note, &mut found);
            future_contact(note, today, &mut found);
            found
        })
        .collect();
    out.extend(per_note);
    out
}

/// A person who shares their name or an alias with an earlier person (the resolver's
/// answer to "who is called X" has more than one note): one warning per note.
fn duplicate_people(notes: &[Note], resolver: &Resolver, out: &mut Vec<Diagnostic>) {
    // Names spelt plainly first, so that the warning lands on the look-alike (the name
    // with a zero-width space, the decomposed `José`), not on the person it imitates.
    let plain: Vec<bool> = notes
        .iter()
        .map(|n| {
            n.person.as_ref().is_some_and(|p| {
                std::iter::once(&p.name)
                    .chain(&p.aliases)
                    .all(|name| Resolver::is_plain_spelling(name))
            })
        })
        .collect();
    let order = |i: usize| (!plain[i], i);
    let people = notes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.person.as_ref().map(|p| (i, n, p)));
    let (first, then): (Vec<_>, Vec<_>) = people.partition(|&(i, _, _)| plain[i]);
    for (i, note, person) in first.into_iter().chain(then) {
        let mut names = std::iter::once(&person.name).chain(&person.aliases);
        // Names compare as they read: `Sharon\u{200b} Lee` and NFD `José` are taken.
        let taken = names.find_map(|name| {
            let earliest = resolver
                .alias_candidates(name)
                .iter()
                .copied()
                .min_by_key(|&c| order(c))?;
            (order(earliest) < order(i)).then_some((name, earliest))
        });
        let Some((name, other)) = taken else {
            continue;
        };
        out.push(Diagnostic::new(
            note.path.as_str(),
            1,
            1,
            Severity::Warning,
            "duplicate-person",
            format!(
                "`{}` is also the name or an alias of {}{}; links to it are ambiguous. Merge the two notes, or rename one or remove the alias",
                shown(name),
                notes[other].path,
                if Resolver::is_plain_spelling(name) {
                    ""
                } else if Resolver::invisible_character(name).is_some() {
                    " (they read the same: this one has an invisible character)"
                } else {
                    " (they read the same: the same letters in other Unicode characters, such as a decomposed `é` or a no-break space)"
                }
            ),
        ));
    }
}

/// A person whose name, file name or alias holds a character nobody can see (a
/// zero-width space, a bidi override): it looks like another name, or like nothing.
fn invisible_characters(note: &Note, out: &mut Vec<Diagnostic>) {
    let Some(person) = &note.person else {
        return;
    };
    let stem = note.stem();
    let named = [("the file name", stem), ("the name", person.name.as_str())];
    let aliases = person.aliases.iter().map(|a| ("an alias", a.as_str()));
    for (what, text) in named.into_iter().chain(aliases) {
        if let Some(c) = Resolver::invisible_character(text) {
            out.push(Diagnostic::new(
                note.path.as_str(),
                1,
                1,
                Severity::Warning,
                "invisible-characters",
                format!(
                    "{what} `{}` contains {}, which does not show, so the name looks like another one (vault compares it as `{}`). Remove the character: retype the name",
                    shown(text),
                    Resolver::describe_character(c),
                    Resolver::name_key(text)
                ),
            ));
            // One warning per note: the name usually comes from the file name.
            return;
        }
    }
}

/// `text` with each character nobody can see written as `\u{200b}`.
fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if Resolver::invisible_character(c.encode_utf8(&mut [0; 4])).is_some() {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

fn person_links(
    i: usize,
    note: &Note,
    notes: &[Note],
    links: &Links<'_>,
    out: &mut Vec<Diagnostic>,
) {
    for (item, link) in note.links.iter().enumerate() {
        let in_people_property = link
            .property
            .as_deref()
            .is_some_and(vault_notes::is_people_property);
        let resolved = links.target(i, item);
        let candidates = match resolved {
            Some(_) => &[][..],
            None => links.resolver().alias_candidates(&link.target),
        };
        if candidates.len() > 1 {
            let names: Vec<&str> = candidates.iter().map(|&i| notes[i].path.as_str()).collect();
            out.push(Diagnostic::new(
                note.path.as_str(),
                link.line,
                link.column,
                Severity::Warning,
                "ambiguous-person-link",
                format!(
                    "`[[{}]]` is an alias of several people ({}); link the note itself, e.g. `[[{}]]`",
                    link.target,
                    names.join(", "),
                    vault_notes::file_stem(names[0])
                ),
            ));
        } else if in_people_property && resolved.is_none_or(|i| notes[i].person.is_none()) {
            let property = link.property.as_deref().unwrap_or("people");
            let advice = match resolved {
                // A second note of the same name would make the link ambiguous.
                Some(other) => format!(
                    "`[[{}]]` in `{property}:` links `{}`, which is not a person note; to make it one, add `type: person` to its properties or move it into a People folder",
                    link.target, notes[other].path
                ),
                None => format!(
                    "`[[{}]]` in `{property}:` is not a person note; create it (`vault add \"{}\"`) or correct the name",
                    link.target, link.target
                ),
            };
            out.push(Diagnostic::new(
                note.path.as_str(),
                link.line,
                link.column,
                Severity::Warning,
                "unresolved-person-link",
                advice,
            ));
        }
    }
}

fn future_contact(note: &Note, today: NaiveDate, out: &mut Vec<Diagnostic>) {
    let Some(person) = &note.person else {
        return;
    };
    for log in note.log.iter().filter(|l| l.date > today) {
        out.push(Diagnostic::new(
            note.path.as_str(),
            log.line,
            1,
            Severity::Hint,
            "future-contact",
            format!(
                "this line is dated {}, after today, so it counts as planned, not as contact",
                log.date
            ),
        ));
    }
    if let Some(date) = person.last_contact.filter(|d| *d > today) {
        let (line, column) = person.last_contact_at.unwrap_or((1, 1));
        out.push(Diagnostic::new(
            note.path.as_str(),
            line,
            column,
            Severity::Warning,
            "future-contact",
            format!("last_contact is {date}, after today; it is ignored until then. Log planned meetings as dated lines instead"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vault_notes::{ReadOptions, Resolver, parse_note};

    fn codes(files: &[(&str, &str)]) -> Vec<(String, &'static str, u32)> {
        let notes: Vec<Note> = files
            .iter()
            .map(|(p, t)| parse_note(p, t.as_bytes(), &ReadOptions::default()).note)
            .collect();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let resolver = Resolver::new(&notes);
        lint(&notes, &Links::new(&notes, &resolver), today)
            .into_iter()
            .map(|d| (d.path, d.code, d.line))
            .collect()
    }

    #[test]
    fn duplicates_by_name_and_alias() {
        let found = codes(&[
            ("People/Ann.md", "---\naliases: [Annie]\n---\n"),
            ("Work/Ann.md", "---\ntype: person\n---\n"),
            ("People/Bo.md", "---\naliases: [annie]\n---\n"),
        ]);
        assert_eq!(
            found,
            vec![
                ("Work/Ann.md".into(), "duplicate-person", 1),
                ("People/Bo.md".into(), "duplicate-person", 1),
            ]
        );
    }

    #[test]
    fn look_alike_names_are_duplicates_and_invisible_characters_are_reported() {
        let found = codes(&[
            ("People/Sharon Lee.md", ""),
            ("People/Sharon\u{200b} Lee.md", ""),
            ("People/Other.md", "---\nname: \"Sharon Lee\\u2060\"\n---\n"),
            ("People/Rtl.md", "---\nname: \"\\u202EeeL norahS\"\n---\n"),
            ("People/Jos\u{e9}.md", ""),
            ("People/Jose\u{301}.md", ""),
            ("People/Fine.md", "---\naliases: [\"Fi\\u00ADne\"]\n---\n"),
        ]);
        let mut found: Vec<(String, &str)> = found.into_iter().map(|(p, c, _)| (p, c)).collect();
        found.sort();
        assert_eq!(
            found,
            vec![
                ("People/Fine.md".into(), "invisible-characters"),
                ("People/Jose\u{301}.md".into(), "duplicate-person"),
                ("People/Other.md".into(), "duplicate-person"),
                ("People/Other.md".into(), "invisible-characters"),
                ("People/Rtl.md".into(), "duplicate-person"),
                ("People/Rtl.md".into(), "invisible-characters"),
                ("People/Sharon\u{200b} Lee.md".into(), "duplicate-person"),
                (
                    "People/Sharon\u{200b} Lee.md".into(),
                    "invisible-characters"
                ),
            ]
        );
    }

    #[test]
    fn people_property_links_must_resolve_to_people() {
        let found = codes(&[
            (
                "Meetings/M.md",
                "---\ndate: 2026-11-01\npeople: [\"[[Stef Ango]]\", \"[[Kai]]\"]\ntopics: [\"[[Emergence]]\"]\n---\n",
            ),
            ("People/Kai.md", ""),
        ]);
        assert_eq!(
            found,
            vec![("Meetings/M.md".into(), "unresolved-person-link", 3)]
        );
    }

    #[test]
    fn ambiguous_alias_links_and_future_dates() {
        let found = codes(&[
            ("Journal/2026-11-01.md", "with [[AJ]]\n"),
            (
                "People/A1.md",
                "---\naliases: [AJ]\nlast_contact: 2026-12-01\n---\n- 2026-12-02 dinner\n",
            ),
            ("People/A2.md", "---\naliases: [AJ]\n---\n"),
        ]);
        assert_eq!(
            found,
            vec![
                ("People/A2.md".into(), "duplicate-person", 1),
                ("Journal/2026-11-01.md".into(), "ambiguous-person-link", 1),
                ("People/A1.md".into(), "future-contact", 5),
                // At the `last_contact:` line, not at the top of the note.
                ("People/A1.md".into(), "future-contact", 3),
            ]
        );
    }
}
