//! How the people of a vault were found, said in one line (`vault check`), and, when
//! nobody was, what was looked for and where to look next.

use std::collections::BTreeMap;

use serde::Serialize;
use vault_notes::similar;
use vault_notes::{FoundBy, Note, PEOPLE_FOLDER_NAMES, ReadOptions, is_people_folder_name};

/// One rule that found people, and how many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    /// `folder`, `type`, `category` or `tag`.
    pub rule: &'static str,
    /// The folder, type value or tag.
    pub value: String,
    /// How many people it found.
    pub count: usize,
}

/// The rules that found the people among `notes`, the most people first.
pub fn found(notes: &[Note]) -> Vec<Found> {
    let mut counts: BTreeMap<&FoundBy, usize> = BTreeMap::new();
    for person in notes.iter().filter_map(|n| n.person.as_deref()) {
        *counts.entry(&person.found_by).or_default() += 1;
    }
    let mut found: Vec<Found> = counts
        .into_iter()
        .map(|(by, count)| {
            let (rule, value) = match by {
                FoundBy::Folder(folder) => ("folder", folder),
                FoundBy::Type(value) => ("type", value),
                FoundBy::Category(value) => ("category", value),
                FoundBy::Tag(value) => ("tag", value),
            };
            Found {
                rule,
                value: value.clone(),
                count,
            }
        })
        .collect();
    // Stable: by count, then in the map's order (rule, then value).
    found.sort_by_key(|f| std::cmp::Reverse(f.count));
    found
}

/// "14 people: 12 in CRM/People, 2 by type: contact", or what was looked for when there
/// is nobody.
pub fn summary(notes: &[Note], options: &ReadOptions) -> String {
    let found = found(notes);
    let total: usize = found.iter().map(|f| f.count).sum();
    if total == 0 {
        return no_people(notes, options);
    }
    let parts: Vec<String> = found
        .iter()
        .map(|f| match f.rule {
            "folder" => format!("{} in {}", f.count, f.value),
            rule => format!("{} by {rule}: {}", f.count, f.value),
        })
        .collect();
    let people = if total == 1 {
        "1 person".to_owned()
    } else {
        format!("{total} people")
    };
    format!("{people}: {}", parts.join(", "))
}

/// "No people found", what was looked for, how to say who is a person, and the folders
/// that looked close.
pub fn no_people(notes: &[Note], options: &ReadOptions) -> String {
    let folders = match &options.people_folders {
        Some(folders) => format!(
            "under the people_folders of vault.yaml ({})",
            folders.join(", ")
        ),
        None => {
            let names: Vec<String> = PEOPLE_FOLDER_NAMES.iter().map(|n| capitalized(n)).collect();
            let (last, first) = names
                .split_last()
                .map_or(("", &[][..]), |(l, f)| (l.as_str(), f));
            format!(
                "in a folder named {} or {last} (at any depth)",
                first.join(", ")
            )
        }
    };
    let mut text = format!(
        "No people found. Looked for notes {folders}, notes with `type: person` (or contact, crm-contact), \
         and notes tagged or categorised person, people or contact. \
         Move people's notes into a People folder, add `type: person` to their properties, or set `people_folders` in vault.yaml."
    );
    let close = close_folders(notes);
    if !close.is_empty() {
        let shown: Vec<String> = close
            .iter()
            .map(|(folder, count)| format!("{folder}/ ({})", crate::output::plural(*count, "note")))
            .collect();
        text.push_str(&format!(" Folders that look close: {}.", shown.join(", ")));
    }
    text
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Words in a folder name that suggest people are kept there.
const CLOSE_WORDS: &[&str] = &[
    "people",
    "person",
    "contact",
    "crm",
    "friend",
    "network",
    "relation",
    "colleague",
    "team",
    "family",
    "human",
    "who",
    "folk",
    "member",
    "client",
    "customer",
];

/// Folders whose name suggests people (`Friends`, `CRM`, `Poeple`), with how many notes
/// each holds directly or below: the three fullest.
fn close_folders(notes: &[Note]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for note in notes {
        let Some((folders, _)) = note.path.rsplit_once('/') else {
            continue;
        };
        let mut end = 0;
        for component in folders.split('/') {
            end += component.len();
            if looks_close(component) {
                *counts.entry(&folders[..end]).or_default() += 1;
            }
            end += 1;
        }
    }
    let mut close: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(folder, count)| (folder.to_owned(), count))
        .collect();
    close.sort_by_key(|c| std::cmp::Reverse(c.1));
    close.truncate(3);
    close
}

fn looks_close(name: &str) -> bool {
    let lower = name.to_lowercase();
    CLOSE_WORDS.iter().any(|w| lower.contains(w))
        || PEOPLE_FOLDER_NAMES
            .iter()
            .any(|n| lower.len() >= 4 && similar::within(&lower, n, 2).is_some())
        || is_people_folder_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use vault_notes::parse_note;

    fn notes(files: &[(&str, &str)]) -> Vec<Note> {
        files
            .iter()
            .map(|(p, t)| parse_note(p, t.as_bytes(), &ReadOptions::default()).note)
            .collect()
    }

    #[test]
    fn one_line_on_how_people_were_found() {
        let notes = notes(&[
            ("CRM/People/Ann.md", ""),
            ("CRM/People/Bo.md", ""),
            ("Notes/Cy.md", "---\ntype: contact\n---\n"),
            ("Notes/Idea.md", ""),
        ]);
        assert_eq!(
            summary(&notes, &ReadOptions::default()),
            "3 people: 2 in CRM/People, 1 by type: contact"
        );
    }

    #[test]
    fn nobody_found_says_what_was_looked_for_and_what_is_close() {
        let notes = notes(&[
            ("Friends/Ann.md", ""),
            ("Friends/Bo.md", ""),
            ("Poeple/Cy.md", ""),
            ("Ideas/Idea.md", ""),
        ]);
        let text = summary(&notes, &ReadOptions::default());
        assert!(text.starts_with("No people found."), "{text}");
        assert!(
            text.contains("`type: person`") && text.contains("people_folders"),
            "{text}"
        );
        assert!(
            text.ends_with("Folders that look close: Friends/ (2 notes), Poeple/ (1 note)."),
            "{text}"
        );
    }
}
