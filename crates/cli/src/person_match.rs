//! The person a command is about, as a message: the notes' resolver decides who a PERSON
//! argument names ([`Resolver::person`]); this says so, or says why nobody or several.

use vault_notes::{Note, PersonMatch, Resolver};

use crate::exit::Exit;

/// The one person note `query` names among `notes`, which `resolver` was built from. No
/// match, or several, is an error (exit 1) that lists the candidates.
///
/// A query that is a note's path in the vault (`People/Sam.md`, with or without `.md`)
/// picks that note: the way out when two people share a name.
pub fn find_person<'a>(
    notes: &'a [Note],
    resolver: &Resolver,
    query: &str,
) -> Result<&'a Note, Exit> {
    match resolver.person(notes, query) {
        PersonMatch::One(i) => Ok(&notes[i]),
        PersonMatch::Unknown(close) => {
            let note_of_that_name = resolver
                .resolve(query)
                .filter(|&i| notes[i].person.is_none());
            let hint = if let Some(i) = note_of_that_name {
                format!(
                    "; `{}` is a note but not a person note: add `type: person` to its properties, or move it into a People folder, to make it one",
                    notes[i].path
                )
            } else if close.is_empty() {
                "; `vault status --all` lists everyone, `vault add` creates a person".to_owned()
            } else {
                let close: Vec<String> = close.iter().map(|&i| describe(&notes[i])).collect();
                format!("; did you mean: {}", close.join(", "))
            };
            Err(Exit::failure(format!("no person named `{query}`{hint}")))
        }
        PersonMatch::Several(several) => Err(Exit::failure(format!(
            "`{query}` could be {}; give the note's path to pick one",
            several
                .iter()
                .map(|&i| describe(&notes[i]))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn describe(note: &Note) -> String {
    format!("{} ({})", note.display_name(), note.path)
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

    fn find_person<'a>(notes: &'a [Note], query: &str) -> Result<&'a Note, Exit> {
        super::find_person(notes, &Resolver::new(notes), query)
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
        let jose = [parse_note("People/Jos\u{e9}.md", b"", &ReadOptions::default()).note];
        let is_named = |name: &str| find_person(&jose, name).is_ok();
        assert!(is_named("Jose\u{301}"));
        assert!(is_named("JOS\u{c9}"));
        assert!(!is_named("Jose"));
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
