//! The person a command is about, as a message: the notes' resolver decides who a PERSON
//! argument names ([`Resolver::person`]); this says so, or says why nobody or several.

use vault_notes::{Note, PersonMatch, Resolver};

use crate::exit::Exit;

/// The one person note `query` names among `notes`, which `resolver` was built from, by
/// the rules of [`Resolver::person`]: a path, a name, file name or alias, a unique first
/// or last name (`Priya`), a unique start of a name (`Shar`). No match, or several, is an
/// error (exit 1) that lists the candidates, the better match first; a typo gets the
/// closest names ("did you mean: Sharon Lee (People/Sharon Lee.md)?").
///
/// A query that is a note's path in the vault (`People/Sam.md`, with or without `.md`)
/// picks that note: the way out when two people share a name.
pub fn find_person<'a>(
    notes: &'a [Note],
    resolver: &Resolver,
    query: &str,
) -> Result<&'a Note, Exit> {
    match resolver.person(notes, query) {
        PersonMatch::One(i) => notes
            .get(i)
            .ok_or_else(|| Exit::failure(format!("no person named `{query}`"))),
        PersonMatch::Unknown(close) => {
            let note_of_that_name = resolver
                .resolve(query)
                .and_then(|i| notes.get(i))
                .filter(|note| note.person.is_none());
            let hint = if let Some(note) = note_of_that_name {
                format!(
                    "; `{}` is a note but not a person note: add `type: person` to its properties, or move it into a People folder, to make it one",
                    note.path
                )
            } else if close.is_empty() {
                "; `vault status --all` lists everyone, `vault add` creates a person".to_owned()
            } else {
                // Suggestions are the closest few; how many more is no help.
                let closest = close.get(..SUGGESTED).unwrap_or(&close);
                format!("; did you mean: {}?", listed(notes, closest))
            };
            Err(Exit::failure(format!("no person named `{query}`{hint}")))
        }
        PersonMatch::Several(several) => Err(Exit::failure(format!(
            "`{query}` could be {}; type more of the name, or give the note's path to pick one",
            listed(notes, &several)
        ))),
    }
}

/// At most this many candidates are named in a message; the rest are counted.
const LISTED: usize = 8;

/// At most this many names are suggested for a typo.
const SUGGESTED: usize = 5;

/// "A (a.md), B (b.md) or C (c.md)", in the order given, the first [`LISTED`] of them and
/// how many more.
fn listed(notes: &[Note], candidates: &[usize]) -> String {
    let shown: Vec<String> = candidates
        .iter()
        .filter_map(|&i| notes.get(i))
        .take(LISTED)
        .map(describe)
        .collect();
    let more = candidates.len().saturating_sub(shown.len());
    match (shown.split_last(), more) {
        (None, _) => String::new(),
        (Some((only, [])), 0) => only.clone(),
        (Some((last, rest)), 0) => format!("{} or {last}", rest.join(", ")),
        (Some(_), more) => format!("{}, or {more} more", shown.join(", ")),
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
        let err = find_person(&notes, "Sharn").expect_err("unknown");
        assert_eq!(
            err.message,
            "no person named `Sharn`; did you mean: Sharon Lee (People/Sharon Lee.md)?"
        );
        let err = find_person(&notes, "Zebedee").expect_err("unknown");
        assert!(
            err.message.contains("vault status --all"),
            "{}",
            err.message
        );
        let err = find_person(&notes, "Notes/Shaz").expect_err("not a person");
        assert!(
            err.message.contains("is a note but not a person note"),
            "{}",
            err.message
        );
    }

    #[test]
    fn first_names_and_prefixes_name_one_person() {
        let notes = notes();
        for query in ["Sharon", "lee", "Shar", "sa", "Smith"] {
            assert!(find_person(&notes, query).is_ok(), "{query}");
        }
        assert_eq!(
            find_person(&notes, "Sharon").map(|n| n.path.as_str()).ok(),
            Some("People/Sharon Lee.md")
        );
    }

    #[test]
    fn typos_suggest_the_closest_few() {
        let notes: Vec<Note> = (0..7)
            .map(|n| {
                let path = format!("People/Kim Park{n}.md");
                parse_note(&path, b"", &ReadOptions::default()).note
            })
            .collect();
        let err = find_person(&notes, "Kym Parc").expect_err("a typo");
        assert_eq!(
            err.message,
            "no person named `Kym Parc`; did you mean: Kim Park0 (People/Kim Park0.md), \
             Kim Park1 (People/Kim Park1.md), Kim Park2 (People/Kim Park2.md), \
             Kim Park3 (People/Kim Park3.md) or Kim Park4 (People/Kim Park4.md)?"
        );
    }

    #[test]
    fn long_lists_are_cut_short() {
        let notes: Vec<Note> = (0..12)
            .map(|n| {
                let path = format!("People/Kim {n:02}.md");
                parse_note(&path, b"", &ReadOptions::default()).note
            })
            .collect();
        let err = find_person(&notes, "kim").expect_err("ambiguous");
        assert_eq!(
            err.message,
            "`kim` could be Kim 00 (People/Kim 00.md), Kim 01 (People/Kim 01.md), \
             Kim 02 (People/Kim 02.md), Kim 03 (People/Kim 03.md), Kim 04 (People/Kim 04.md), \
             Kim 05 (People/Kim 05.md), Kim 06 (People/Kim 06.md), Kim 07 (People/Kim 07.md), \
             or 4 more; type more of the name, or give the note's path to pick one"
        );
        let two = &notes[..2];
        let err = find_person(two, "kim").expect_err("ambiguous");
        assert!(
            err.message.starts_with(
                "`kim` could be Kim 00 (People/Kim 00.md) or Kim 01 (People/Kim 01.md);"
            ),
            "{}",
            err.message
        );
    }
}
