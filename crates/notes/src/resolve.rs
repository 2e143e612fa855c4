//! Resolving link targets to notes the way Obsidian does.

use rustc_hash::FxHashMap as HashMap;

use crate::note::Note;

/// Finds the note a link points to: by file name without extension, case-insensitively,
/// with or without folders; else by a person's alias when only one person has it.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    /// Lower-cased path without `.md`, by note; for folder-qualified links.
    paths: Vec<String>,
    by_stem: HashMap<String, Vec<usize>>,
    by_alias: HashMap<String, Vec<usize>>,
}

impl Resolver {
    /// Indexes `notes`; resolved values are indices into that slice.
    pub fn new(notes: &[Note]) -> Resolver {
        use rayon::prelude::*;
        // Lower-casing (and the allocations) in parallel; the maps are filled on one core
        // with keys that are moved in, not copied.
        let (paths, keys): (Vec<String>, Vec<(String, Vec<String>)>) = notes
            .par_iter()
            .map(|note| {
                let without_ext = note.path.get(..note.path.len().saturating_sub(3));
                let path = without_ext.unwrap_or(&note.path).to_lowercase();
                let stem = path.rsplit('/').next().unwrap_or(&path).to_owned();
                let mut names: Vec<String> = note.person.as_ref().map_or_else(Vec::new, |p| {
                    let aliases = p.aliases.iter().map(|a| a.to_lowercase());
                    aliases.chain([p.name.to_lowercase()]).collect()
                });
                names.sort_unstable();
                names.dedup();
                (path, (stem, names))
            })
            .unzip();
        let mut by_stem: HashMap<String, Vec<usize>> = HashMap::default();
        by_stem.reserve(paths.len());
        let mut by_alias: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, (stem, names)) in keys.into_iter().enumerate() {
            by_stem.entry(stem).or_default().push(i);
            for name in names {
                by_alias.entry(name).or_default().push(i);
            }
        }
        // Obsidian prefers the shortest path when several notes share a file name.
        for candidates in by_stem.values_mut().filter(|c| c.len() > 1) {
            candidates.sort_by(|&a, &b| {
                (notes[a].path.len(), &notes[a].path).cmp(&(notes[b].path.len(), &notes[b].path))
            });
        }
        Resolver {
            paths,
            by_stem,
            by_alias,
        }
    }

    /// The note `target` (as written in the link, without label or heading) points to.
    pub fn resolve(&self, target: &str) -> Option<usize> {
        let mut buffer = [0; SHORT];
        let key = lowercase(target.trim().trim_start_matches('/'), &mut buffer);
        let key: &str = &key;
        if key.is_empty() {
            return None;
        }
        let stem = key.rsplit('/').next().unwrap_or(key);
        if let Some(candidates) = self.by_stem.get(stem) {
            if !key.contains('/') {
                return candidates.first().copied();
            }
            // `People/Sam` or a partial path such as `dir1/Note`: the note whose path is it
            // or ends with it.
            if let Some(&i) = candidates.iter().find(|&&i| {
                let path = self.paths[i].as_str();
                path == key
                    || path
                        .strip_suffix(key)
                        .is_some_and(|head| head.ends_with('/'))
            }) {
                return Some(i);
            }
        }
        if key.contains('/') {
            return None;
        }
        match self.by_alias.get(key).map(Vec::as_slice) {
            Some([only]) => Some(*only),
            _ => None,
        }
    }

    /// The people who share the name or alias `name` (for reporting ambiguity).
    pub fn alias_candidates(&self, name: &str) -> &[usize] {
        let mut buffer = [0; SHORT];
        self.by_alias
            .get(lowercase(name.trim(), &mut buffer).as_ref())
            .map_or(&[], Vec::as_slice)
    }
}

/// Link targets up to this many bytes are lower-cased on the stack.
const SHORT: usize = 128;

/// `text` in lower case without an allocation when it can: borrowed when it already is,
/// written into `buffer` when it is short ASCII (nearly every link: `[[Ada Rahman]]`),
/// else a new string.
fn lowercase<'a>(text: &'a str, buffer: &'a mut [u8; SHORT]) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    if !text.chars().any(char::is_uppercase) {
        return Cow::Borrowed(text);
    }
    if text.is_ascii()
        && let Some(short) = buffer.get_mut(..text.len())
    {
        short.copy_from_slice(text.as_bytes());
        short.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(short) {
            return Cow::Borrowed(lower);
        }
    }
    Cow::Owned(text.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::parse_note;
    use crate::options::ReadOptions;

    fn notes(files: &[(&str, &str)]) -> Vec<Note> {
        files
            .iter()
            .map(|(p, t)| parse_note(p, t.as_bytes(), &ReadOptions::default()).note)
            .collect()
    }

    #[test]
    fn resolves_like_obsidian() {
        let notes = notes(&[
            ("People/Sharon Lee.md", "---\naliases: [Shaz]\n---\n"),
            ("dir1/Note.md", ""),
            ("dir2/Note.md", ""),
            ("Note.md", ""),
            ("People/Sam.md", "---\naliases: [S]\n---\n"),
            ("People/Sue.md", "---\naliases: [S]\n---\n"),
        ]);
        let r = Resolver::new(&notes);
        assert_eq!(r.resolve("sharon lee"), Some(0));
        assert_eq!(r.resolve("People/Sharon Lee"), Some(0));
        assert_eq!(r.resolve("Shaz"), Some(0));
        assert_eq!(r.resolve("dir2/Note"), Some(2));
        assert_eq!(r.resolve("Note"), Some(3));
        assert_eq!(r.resolve("S"), None, "ambiguous alias");
        assert_eq!(r.alias_candidates("s").len(), 2);
        assert_eq!(r.resolve("Nobody"), None);
    }

    #[test]
    fn lower_cases_on_the_stack_or_not() {
        let mut buffer = [0; SHORT];
        assert_eq!(lowercase("Ada Rahman", &mut buffer), "ada rahman");
        assert_eq!(lowercase("ada", &mut buffer), "ada");
        assert_eq!(lowercase("ZOË ÅBERG", &mut buffer), "zoë åberg");
        let long = "A".repeat(SHORT + 1);
        assert_eq!(lowercase(&long, &mut buffer), "a".repeat(SHORT + 1));
        let exact = "B".repeat(SHORT);
        assert_eq!(lowercase(&exact, &mut buffer), "b".repeat(SHORT));
    }
}
