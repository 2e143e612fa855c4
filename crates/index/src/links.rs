//! Where every link of every note points, resolved once for everyone who asks (the
//! contacts a mention counts as, and the checks of person links).

use rayon::prelude::*;
use vault_notes::{Note, Resolver};

/// The resolved targets of every [`Note::links`] entry, indexed like the notes and their
/// links.
#[derive(Debug)]
pub struct Links<'a> {
    resolver: &'a Resolver,
    /// Targets of all notes' links, one note after the other.
    targets: Vec<Option<u32>>,
    /// Where each note's targets start in `targets`; one more entry than notes.
    starts: Vec<usize>,
}

impl<'a> Links<'a> {
    /// Resolves every link of `notes` (in parallel) with `resolver`, which indexes them.
    pub fn new(notes: &[Note], resolver: &'a Resolver) -> Links<'a> {
        let targets = notes
            .par_iter()
            .flat_map_iter(|note| {
                note.links.iter().map(|link| {
                    resolver
                        .resolve(&link.target)
                        .and_then(|i| u32::try_from(i).ok())
                })
            })
            .collect();
        let mut starts = Vec::with_capacity(notes.len() + 1);
        let mut at = 0;
        starts.push(at);
        for note in notes {
            at += note.links.len();
            starts.push(at);
        }
        Links {
            resolver,
            targets,
            starts,
        }
    }

    /// The note that link `item` of note `note` points to.
    pub fn target(&self, note: usize, item: usize) -> Option<usize> {
        let start = *self.starts.get(note)?;
        let end = *self.starts.get(note + 1)?;
        let at = start.checked_add(item).filter(|&at| at < end)?;
        self.targets.get(at).copied().flatten().map(|i| i as usize)
    }

    /// The resolver the links were resolved with.
    pub fn resolver(&self) -> &'a Resolver {
        self.resolver
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vault_notes::{ReadOptions, parse_note};

    #[test]
    fn targets_line_up_with_notes_and_links() {
        let notes: Vec<Note> = [
            ("2026-10-01.md", "[[Ann]] and [[Nobody]]"),
            ("People/Ann.md", ""),
            ("2026-10-02.md", "[[ann]]"),
        ]
        .iter()
        .map(|(p, t)| parse_note(p, t.as_bytes(), &ReadOptions::default()).note)
        .collect();
        let resolver = Resolver::new(&notes);
        let links = Links::new(&notes, &resolver);
        assert_eq!(links.target(0, 0), Some(1));
        assert_eq!(links.target(0, 1), None);
        assert_eq!(links.target(0, 2), None, "past the note's links");
        assert_eq!(links.target(2, 0), Some(1));
        assert_eq!(links.target(3, 0), None, "past the notes");
    }
}
