//! Finding the person a command is about: by name, file name or alias, case-insensitively.

use vault_notes::{Note, Resolver};

use crate::exit::Exit;

/// The one person note `query` names among `notes`. No match, or several, is an error
/// (exit 1) that lists the candidates.
///
/// A query that is a note's path in the vault (`People/Sam.md`, with or without `.md`)
/// picks that note: the way out when two people share a name.
pub fn find_person<'a>(notes: &'a [Note], query: &str) -> Result<&'a Note, Exit> {
    let wanted = Resolver::name_key(query).into_owned();
    let people = notes.iter().filter(|n| n.person.is_some());
    let as_path = wanted.replace('\\', "/");
    let as_path = as_path.trim_start_matches("./");
    let by_path: Vec<&Note> = people
        .clone()
        .filter(|n| {
            let path = Resolver::name_key(&n.path);
            let path = path.as_ref();
            path == as_path || path.strip_suffix(".md") == Some(as_path)
        })
        .collect();
    if let [one] = by_path.as_slice() {
        return Ok(one);
    }
    let matches: Vec<&Note> = people.clone().filter(|n| is_named(n, &wanted)).collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => {
            let close: Vec<String> = people
                .filter(|n| {
                    let name = Resolver::name_key(n.person.as_ref().map_or(n.stem(), |p| &p.name));
                    !wanted.is_empty()
                        && (name.contains(&wanted)
                            || wanted.contains(name.as_ref())
                            || name
                                .split_whitespace()
                                .any(|w| wanted.split_whitespace().any(|q| q == w)))
                })
                .map(describe)
                .collect();
            let hint = if close.is_empty() {
                "; `vault status --all` lists everyone, `vault add` creates a person".to_owned()
            } else {
                format!("; did you mean: {}", close.join(", "))
            };
            Err(Exit::failure(format!("no person named `{query}`{hint}")))
        }
        several => Err(Exit::failure(format!(
            "`{query}` could be {}; give the note's path to pick one",
            several
                .iter()
                .map(|n| describe(n))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Whether the person note `note` goes by `name` (its display name, file name or an
/// alias), compared by their name keys ([`Resolver::name_key`]: case, Unicode
/// normalisation and invisible characters aside).
pub fn is_named(note: &Note, name: &str) -> bool {
    let name = Resolver::name_key(name);
    let same = |other: &str| Resolver::name_key(other) == name;
    note.person
        .as_ref()
        .is_some_and(|p| same(&p.name) || same(note.stem()) || p.aliases.iter().any(|a| same(a)))
}

fn describe(note: &Note) -> String {
    let name = note
        .person
        .as_ref()
        .map_or(note.stem(), |p| p.name.as_str());
    format!("{name} ({})", note.path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use vault_notes::{ReadOptions, parse_note};

    fn notes() -> Vec<Note> {
        [
            ("People/Sharon Lee.md", "---\naliases: [Shaz, S]\n---\n"),
            ("People/sam.md", "---\nname: Sam Smith\naliases: [S]\n---\n"),
            ("Notes/Shaz.md", ""),
        ]
        .iter()
        .map(|(p, t)| parse_note(p, t.as_bytes(), &ReadOptions::default()).note)
        .collect()
    }

    #[test]
    fn by_name_file_name_or_alias() {
        let notes = notes();
        for query in ["sharon lee", "SHAZ", "Sharon Lee"] {
            assert_eq!(
                find_person(&notes, query).map(|n| n.path.as_str()).ok(),
                Some("People/Sharon Lee.md")
            );
        }
        assert_eq!(
            find_person(&notes, "sam").map(|n| n.path.as_str()).ok(),
            Some("People/sam.md")
        );
        assert_eq!(
            find_person(&notes, "sam smith")
                .map(|n| n.path.as_str())
                .ok(),
            Some("People/sam.md")
        );
    }

    #[test]
    fn names_match_as_they_read() {
        let notes = notes();
        for query in ["Sharon\u{200b} Lee", "SHARON\u{a0}LEE", "Shaz\u{2060}"] {
            assert_eq!(
                find_person(&notes, query).map(|n| n.path.as_str()).ok(),
                Some("People/Sharon Lee.md"),
                "{query:?}"
            );
        }
        let jose = parse_note("People/Jos\u{e9}.md", b"", &ReadOptions::default()).note;
        assert!(is_named(&jose, "Jose\u{301}"));
        assert!(is_named(&jose, "JOS\u{c9}"));
        assert!(!is_named(&jose, "Jose"));
    }

    #[test]
    fn ambiguous_and_unknown_list_candidates() {
        let notes = notes();
        let err = find_person(&notes, "s").expect_err("ambiguous");
        assert_eq!(err.code, crate::exit::FAILURE);
        assert!(
            err.message.contains("People/sam.md") && err.message.contains("People/Sharon Lee.md"),
            "{}",
            err.message
        );
        assert!(
            err.message.contains("give the note's path"),
            "{}",
            err.message
        );
        for path in ["People/sam.md", "people/SAM", "./People/sam.md"] {
            assert_eq!(
                find_person(&notes, path).map(|n| n.path.as_str()).ok(),
                Some("People/sam.md"),
                "{path}"
            );
        }
        let err = find_person(&notes, "Sharon").expect_err("unknown");
        assert!(
            err.message.contains("did you mean: Sharon Lee"),
            "{}",
            err.message
        );
    }
}
