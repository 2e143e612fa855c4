//! Who is called X: the one answer for links (`[[X]]`, [`Resolver::resolve`]), for a
//! PERSON named on the command line ([`Resolver::person`]) and for people who share a
//! name ([`Resolver::alias_candidates`]), all under the one rule for when two names are
//! the same name ([`Resolver::name_key`]).

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::note::Note;

/// Finds the note a link points to: by file name without extension, case-insensitively,
/// with or without folders; else by a person's alias when only one person has it. Finds
/// the person a command is about the same way ([`Resolver::person`]).
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    /// Lower-cased path without `.md`, by note; for folder-qualified links.
    paths: Vec<String>,
    by_stem: HashMap<String, Vec<usize>>,
    by_alias: HashMap<String, Vec<usize>>,
    /// Logseq page names that are not file names (`people/margaret hamilton`, a journal's
    /// `nov 26th, 2026`), by name key; the first note in vault order wins.
    by_page: HashMap<String, usize>,
}

impl Resolver {
    /// The form in which two names (file names, display names, aliases, link targets)
    /// are compared: the same key is the same name. It is what a reader sees, case aside:
    /// surrounding white space trimmed, invisible characters removed (zero-width spaces and
    /// joiners, word joiners, soft hyphens, byte order marks, bidi controls and other
    /// format characters, controls), other spaces read as a space, text under a
    /// right-to-left override reversed as it is displayed, Unicode NFC (so `José` typed on
    /// Linux and `José` from a macOS file name, decomposed, match), lower case.
    ///
    /// NFC, not NFKC: compatibility forms (`ﬁ`, `²`, full-width letters) are different
    /// notes to Obsidian, and a link must keep resolving the way Obsidian resolves it.
    /// Plain printable ASCII, nearly every name, only has its case lowered.
    pub fn name_key(text: &str) -> Cow<'_, str> {
        let text = text.trim();
        if is_plain(text) {
            return if text.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(text.to_ascii_lowercase())
            } else {
                Cow::Borrowed(text)
            };
        }
        let mut seen = String::with_capacity(text.len());
        let mut reversed: Option<Vec<char>> = None;
        for c in text.chars() {
            match c {
                // Right-to-left override: what follows is shown reversed until the
                // override is popped (or the text ends).
                '\u{202e}' => {
                    reversed.get_or_insert_with(Vec::new);
                }
                '\u{202c}' => {
                    if let Some(run) = reversed.take() {
                        seen.extend(run.into_iter().rev());
                    }
                }
                c if removed(c) => {}
                c => {
                    let c = if c.is_whitespace() { ' ' } else { c };
                    match &mut reversed {
                        Some(run) => run.push(c),
                        None => seen.push(c),
                    }
                }
            }
        }
        if let Some(run) = reversed {
            seen.extend(run.into_iter().rev());
        }
        let seen = seen.trim();
        let composed: Cow<'_, str> = if is_nfc_quick(seen.chars()) == IsNormalized::Yes {
            Cow::Borrowed(seen)
        } else {
            Cow::Owned(seen.nfc().collect())
        };
        Cow::Owned(composed.to_lowercase())
    }

    /// Whether `text` is spelt as it reads: its name key is its trimmed lower case, with no
    /// invisible character, no decomposed letter, no unusual space to take out.
    pub fn is_plain_spelling(text: &str) -> bool {
        let text = text.trim();
        is_plain(text) || Resolver::name_key(text) == text.to_lowercase()
    }

    /// The first character of `text` that a reader cannot see or that reorders what they
    /// see: what [`Resolver::name_key`] removes (zero-width and format characters, bidi
    /// controls, controls) and the line and paragraph separators. A zero-width joiner or
    /// non-joiner between two non-ASCII letters or symbols is writing, not a trick
    /// (Persian and Indic names, emoji sequences), and variation selectors choose how
    /// an emoji looks: neither is reported.
    pub fn invisible_character(text: &str) -> Option<char> {
        if is_plain(text) {
            return None;
        }
        let chars: Vec<char> = text.chars().collect();
        let writing = |c: Option<&char>| c.is_some_and(|c| !c.is_ascii() && !c.is_whitespace());
        chars.iter().enumerate().find_map(|(i, &c)| {
            let joiner = matches!(c, '\u{200c}' | '\u{200d}')
                && writing(i.checked_sub(1).and_then(|j| chars.get(j)))
                && writing(chars.get(i + 1));
            let selector = matches!(c, '\u{fe00}'..='\u{fe0f}');
            let hidden = removed(c) || matches!(c, '\u{2028}' | '\u{2029}');
            (hidden && !joiner && !selector).then_some(c)
        })
    }

    /// `U+200B zero width space`, for messages about [`Resolver::invisible_character`].
    pub fn describe_character(c: char) -> String {
        let what = match c {
            '\u{ad}' => "soft hyphen",
            '\u{200b}' => "zero width space",
            '\u{200c}' => "zero width non-joiner",
            '\u{200d}' => "zero width joiner",
            '\u{2060}' => "word joiner",
            '\u{feff}' => "zero width no-break space (byte order mark)",
            '\u{2028}' => "line separator",
            '\u{2029}' => "paragraph separator",
            '\u{061c}' | '\u{200e}' | '\u{200f}' => "bidi mark",
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => "bidi override or isolate",
            c if c.is_control() => "control character",
            _ => "invisible format character",
        };
        format!("U+{:04X} {what}", u32::from(c))
    }

    /// Indexes `notes`; resolved values are indices into that slice.
    pub fn new(notes: &[Note]) -> Resolver {
        use rayon::prelude::*;
        // Lower-casing (and the allocations) in parallel; the maps are filled on one core
        // with keys that are moved in, not copied.
        type Keys = (String, Vec<String>, Option<(String, Option<String>)>);
        let (paths, keys): (Vec<String>, Vec<Keys>) = notes
            .par_iter()
            .map(|note| {
                let without_ext = note.path.get(..note.path.len().saturating_sub(3));
                let path = Resolver::name_key(without_ext.unwrap_or(&note.path)).into_owned();
                let stem = path.rsplit('/').next().unwrap_or(&path).trim().to_owned();
                let mut names: Vec<String> = note.person.as_ref().map_or_else(Vec::new, |p| {
                    let aliases = p.aliases.iter().map(|a| Resolver::name_key(a).into_owned());
                    aliases
                        .chain([Resolver::name_key(&p.name).into_owned()])
                        .collect()
                });
                names.sort_unstable();
                names.dedup();
                // A journal's title is its name whole (`2026/11/26` is not a page `26`).
                let journal = matches!(note.date, Some((_, crate::note::DateSource::Journal)));
                let page = note.page.as_deref().map(|page| {
                    let leaf = (!journal).then(|| {
                        Resolver::name_key(crate::logseq::namespace_leaf(page)).into_owned()
                    });
                    (Resolver::name_key(page).into_owned(), leaf)
                });
                (path, (stem, names, page))
            })
            .unzip();
        let mut by_stem: HashMap<String, Vec<usize>> = HashMap::default();
        by_stem.reserve(paths.len());
        let mut by_alias: HashMap<String, Vec<usize>> = HashMap::default();
        let mut by_page: HashMap<String, usize> = HashMap::default();
        for (i, (stem, names, page)) in keys.into_iter().enumerate() {
            // A namespaced page is found by its last part too, as a file is by its name.
            if let Some((page, leaf)) = page {
                if let Some(leaf) = leaf.filter(|leaf| *leaf != stem) {
                    by_stem.entry(leaf).or_default().push(i);
                }
                by_page.entry(page).or_insert(i);
            }
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
            by_page,
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
        if let Some(&i) = self.by_page.get(key) {
            return Some(i);
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

    /// The people whose display name or alias is `name` (for reporting ambiguity and
    /// duplicates), in vault order.
    pub fn alias_candidates(&self, name: &str) -> &[usize] {
        let mut buffer = [0; SHORT];
        self.by_alias
            .get(lowercase(name.trim(), &mut buffer).as_ref())
            .map_or(&[], Vec::as_slice)
    }

    /// The people among `notes` (the notes this resolver was built from) who go by `name`:
    /// their display name, file name or an alias has its name key. In vault order.
    pub fn people_named(&self, notes: &[Note], name: &str) -> Vec<usize> {
        let mut buffer = [0; SHORT];
        let key = lowercase(name, &mut buffer);
        let by_file = self
            .by_stem
            .get(key.as_ref())
            .map_or(&[][..], Vec::as_slice);
        let by_file = by_file.iter().filter(|&&i| is_person(notes, i));
        let by_page = self
            .by_page
            .get(key.as_ref())
            .filter(|&&i| is_person(notes, i));
        let mut found: Vec<usize> = by_file
            .chain(by_page)
            .chain(self.alias_candidates(&key))
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The person a command's PERSON argument names among `notes` (the notes this resolver
    /// was built from): the one person whose path in the vault it is (`People/Sam.md`,
    /// `./people/sam` or `People\Sam.md`: the way out when two people share a name), else
    /// the one person who goes by it ([`Resolver::people_named`]).
    pub fn person(&self, notes: &[Note], query: &str) -> PersonMatch {
        if let [one] = self.person_at(notes, query).as_slice() {
            return PersonMatch::One(*one);
        }
        let named = self.people_named(notes, query);
        match named.as_slice() {
            [one] => PersonMatch::One(*one),
            [] => PersonMatch::Unknown(close_names(notes, query)),
            _ => PersonMatch::Several(named),
        }
    }

    /// The people whose path in the vault `query` is.
    fn person_at(&self, notes: &[Note], query: &str) -> Vec<usize> {
        let key = path_key(query);
        // `self.paths` are without `.md`; a path written with it is looked up both ways.
        let without_ext = key.strip_suffix(".md").map_or(key.as_str(), str::trim_end);
        let mut found: Vec<usize> = [key.as_str(), without_ext]
            .into_iter()
            .flat_map(|path| {
                let stem = path.rsplit('/').next().unwrap_or(path).trim();
                let candidates = self.by_stem.get(stem).map_or(&[][..], Vec::as_slice);
                candidates.iter().copied().filter(move |&i| {
                    self.paths.get(i).is_some_and(|p| p == path) && is_person(notes, i)
                })
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Whether `query` names the file at `path` (vault-relative, `/` separators) by its
    /// path, with or without `.md`, or by its file name: for files the reader could not
    /// read, which no resolver knows.
    pub fn names_file(path: &str, query: &str) -> bool {
        let key = path_key(query);
        let path = Resolver::name_key(path);
        let stem = crate::note::file_stem(&path);
        *path == key || path.strip_suffix(".md") == Some(key.as_str()) || stem.trim() == key
    }
}

/// Who a PERSON argument names ([`Resolver::person`]); indices are into the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonMatch {
    /// One person.
    One(usize),
    /// Several people go by that name or alias, in vault order.
    Several(Vec<usize>),
    /// Nobody does; these people's names come close (one holds the other, or they share a
    /// word), in vault order.
    Unknown(Vec<usize>),
}

fn is_person(notes: &[Note], i: usize) -> bool {
    notes.get(i).is_some_and(|n| n.person.is_some())
}

/// A PERSON argument as a path key: its name key with `/` separators and no leading `./`.
fn path_key(query: &str) -> String {
    let key = Resolver::name_key(query).replace('\\', "/");
    key.trim_start_matches("./").to_owned()
}

/// The people whose display name comes close to `query`, which names nobody: one contains
/// the other, or they share a word.
fn close_names(notes: &[Note], query: &str) -> Vec<usize> {
    let wanted = Resolver::name_key(query);
    if wanted.is_empty() {
        return Vec::new();
    }
    let close = |name: &str| {
        name.contains(wanted.as_ref())
            || wanted.contains(name)
            || name
                .split_whitespace()
                .any(|w| wanted.split_whitespace().any(|q| q == w))
    };
    (0..notes.len())
        .filter(|&i| is_person(notes, i) && close(&Resolver::name_key(notes[i].display_name())))
        .collect()
}

/// Link targets up to this many bytes are lower-cased on the stack.
const SHORT: usize = 128;

/// Printable ASCII and spaces: text whose name key is its lower case.
fn is_plain(text: &str) -> bool {
    text.bytes().all(|b| b == b' ' || b.is_ascii_graphic())
}

/// Characters a reader cannot see, which the name key leaves out: controls, the soft
/// hyphen, the combining grapheme joiner, Hangul fillers, zero-width spaces and joiners,
/// bidi marks, overrides and isolates, invisible operators, variation selectors, the
/// byte order mark, interlinear annotation marks, tags, and the other `Cf` format
/// characters.
fn removed(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{34f}'
                | '\u{61c}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{600}'..='\u{605}'
                | '\u{6dd}'
                | '\u{70f}'
                | '\u{8e2}'
                | '\u{110bd}'
                | '\u{110cd}'
                | '\u{13430}'..='\u{1343f}'
                | '\u{1bca0}'..='\u{1bca3}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0000}'..='\u{e0fff}'
        )
}

/// The name key of `text` ([`Resolver::name_key`]) without an allocation when it can:
/// borrowed when it already is one, written into `buffer` when it is short plain ASCII
/// (nearly every link: `[[Ada Rahman]]`), else a new string.
fn lowercase<'a>(text: &'a str, buffer: &'a mut [u8; SHORT]) -> Cow<'a, str> {
    let text = text.trim();
    if is_plain(text)
        && let Some(short) = buffer.get_mut(..text.len())
    {
        if !text.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Borrowed(text);
        }
        short.copy_from_slice(text.as_bytes());
        short.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(short) {
            return Cow::Borrowed(lower);
        }
    }
    Resolver::name_key(text)
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
    fn logseq_pages_resolve_by_their_page_names() {
        let graph = ReadOptions {
            logseq: Some(crate::logseq::Logseq {
                file_names: crate::logseq::FileNames::TripleLowbar,
                ..crate::logseq::Logseq::default()
            }),
            journal_format: crate::dates::JournalFormat::from_java("yyyy_MM_dd"),
            ..ReadOptions::default()
        };
        let notes: Vec<Note> = [
            ("pages/people___Margaret Hamilton.md", "type:: [[person]]\n"),
            ("journals/2026_11_26.md", "- [[people/Margaret Hamilton]]\n"),
            ("pages/Ada.md", "title:: Countess Ada\ntype:: person\n"),
        ]
        .iter()
        .map(|(p, t)| parse_note(p, t.as_bytes(), &graph).note)
        .collect();
        let r = Resolver::new(&notes);
        assert_eq!(r.resolve("people/Margaret Hamilton"), Some(0));
        assert_eq!(r.resolve("People/margaret hamilton"), Some(0));
        assert_eq!(r.resolve("Margaret Hamilton"), Some(0));
        assert_eq!(r.resolve("people___Margaret Hamilton"), Some(0));
        assert_eq!(r.resolve("Nov 26th, 2026"), Some(1));
        let slashed = ReadOptions {
            logseq: Some(crate::logseq::Logseq {
                title_format: crate::dates::JournalFormat::from_java("yyyy/MM/dd"),
                ..crate::logseq::Logseq::default()
            }),
            ..graph.clone()
        };
        let journal = vec![parse_note("journals/2026_11_26.md", b"", &slashed).note];
        let by_title = Resolver::new(&journal);
        assert_eq!(by_title.resolve("2026/11/26"), Some(0));
        assert_eq!(by_title.resolve("26"), None, "a journal is not a namespace");
        assert_eq!(r.resolve("Countess Ada"), Some(2));
        assert_eq!(notes[0].display_name(), "Margaret Hamilton");
        assert_eq!(notes[1].display_name(), "Nov 26th, 2026");
        assert_eq!(notes[2].display_name(), "Countess Ada");
        assert_eq!(
            r.person(&notes, "people/Margaret Hamilton"),
            PersonMatch::One(0)
        );
        assert_eq!(r.person(&notes, "margaret hamilton"), PersonMatch::One(0));
        // Outside a graph the file name is the name.
        let plain = parse_note(
            "pages/people___Margaret Hamilton.md",
            b"type:: [[person]]\n",
            &ReadOptions::default(),
        )
        .note;
        assert_eq!(plain.display_name(), "people___Margaret Hamilton");
        assert!(
            plain.person.is_none(),
            "`type::` is not front matter in Obsidian"
        );
    }

    #[test]
    fn names_compare_as_they_read() {
        let key = |t: &str| Resolver::name_key(t).into_owned();
        let sharon = key("Sharon Lee");
        assert_eq!(sharon, "sharon lee");
        for look_alike in [
            "Sharon\u{200b} Lee",
            "Sharon Lee\u{2060}",
            "\u{feff}Sharon Lee",
            "Sha\u{ad}ron Lee",
            "Sharon\u{a0}Lee",
            "\u{202e}eeL norahS",
            "\u{202e}eeL norahS\u{202c}",
            "SHARON LEE\u{200e}",
            "  sharon lee ",
        ] {
            assert_eq!(key(look_alike), sharon, "{look_alike:?}");
        }
        // NFC and NFD spell the same name.
        assert_eq!(key("Jos\u{e9}"), key("Jose\u{301}"));
        assert_eq!(key("JOSÉ"), "josé");
        assert_ne!(key("Sharon Lea"), sharon);
        assert_eq!(key("李雷"), "李雷");
    }

    #[test]
    fn resolves_look_alike_and_decomposed_names() {
        let notes = notes(&[("People/Jose\u{301}.md", ""), ("People/Sharon Lee.md", "")]);
        let r = Resolver::new(&notes);
        assert_eq!(r.resolve("Jos\u{e9}"), Some(0));
        assert_eq!(r.resolve("people/JOS\u{c9}"), Some(0));
        assert_eq!(r.resolve("Sharon\u{200b} Lee"), Some(1));
    }

    #[test]
    fn finds_invisible_characters() {
        let hidden = Resolver::invisible_character;
        for ok in [
            "Sharon Lee",
            "José Álvarez",
            "李雷",
            "O'Brien",
            "👨\u{200d}👩\u{200d}👧 family",
            "\u{645}\u{6cc}\u{200c}\u{634}\u{648}\u{62f}",
        ] {
            assert_eq!(hidden(ok), None, "{ok:?}");
        }
        for (bad, c) in [
            ("Sharon\u{200b} Lee", '\u{200b}'),
            ("Sharon Lee\u{2060}", '\u{2060}'),
            ("\u{202e}eeL norahS", '\u{202e}'),
            ("Sharon\u{200d} Lee", '\u{200d}'),
            ("Sha\u{ad}ron", '\u{ad}'),
            ("Sharon Lee\u{2028}", '\u{2028}'),
            ("a\u{2066}b", '\u{2066}'),
            ("a\u{1b}b", '\u{1b}'),
        ] {
            assert_eq!(hidden(bad), Some(c), "{bad:?}");
        }
        assert!(Resolver::describe_character('\u{200b}').contains("U+200B zero width space"));
    }

    #[test]
    fn finds_the_person_a_command_names() {
        let notes = notes(&[
            ("People/Sharon Lee.md", "---\naliases: [Shaz, S]\n---\n"),
            ("People/sam.md", "---\nname: Sam Smith\naliases: [S]\n---\n"),
            ("Notes/Shaz.md", ""),
            ("Notes/Kai.md", ""),
        ]);
        let r = Resolver::new(&notes);
        let person = |query: &str| r.person(&notes, query);
        for query in [
            "sharon lee",
            "SHAZ",
            "Sharon\u{200b} Lee",
            "People/Sharon Lee",
        ] {
            assert_eq!(person(query), PersonMatch::One(0), "{query:?}");
        }
        for query in [
            "sam",
            "sam smith",
            "People/sam.md",
            "people\\SAM",
            "./People/sam.md",
        ] {
            assert_eq!(person(query), PersonMatch::One(1), "{query:?}");
        }
        assert_eq!(person("s"), PersonMatch::Several(vec![0, 1]));
        assert_eq!(person("Sharon"), PersonMatch::Unknown(vec![0]));
        assert_eq!(person("Kai"), PersonMatch::Unknown(vec![]), "not a person");
        assert_eq!(person("Notes/Kai.md"), PersonMatch::Unknown(vec![]));
        assert_eq!(person(""), PersonMatch::Unknown(vec![]));
        assert_eq!(notes[1].display_name(), "Sam Smith");
        assert_eq!(notes[3].display_name(), "Kai");
    }

    #[test]
    fn people_go_by_name_file_name_or_alias() {
        let notes = notes(&[
            ("People/Jos\u{e9}.md", ""),
            (
                "People/sam.md",
                "---\nname: Sam Smith\naliases: [Sammy]\n---\n",
            ),
            ("Notes/Sam.md", ""),
        ]);
        let r = Resolver::new(&notes);
        let named = |name: &str| r.people_named(&notes, name);
        assert_eq!(named("Jose\u{301}"), vec![0]);
        assert_eq!(named("JOS\u{c9}"), vec![0]);
        assert_eq!(named("Jose"), Vec::<usize>::new());
        for name in ["sam", "Sam Smith", "SAMMY"] {
            assert_eq!(named(name), vec![1], "{name}");
        }
    }

    #[test]
    fn names_files_by_path_or_file_name() {
        for query in [
            "People/Big.md",
            "people/big",
            "./People/Big.md",
            "BIG",
            "People\\Big",
        ] {
            assert!(Resolver::names_file("People/Big.md", query), "{query}");
        }
        assert!(!Resolver::names_file("People/Big.md", "People/Bi"));
        // A folder the reader skipped is named by its path or its name.
        assert!(Resolver::names_file("People/Archive", "people/archive"));
    }

    #[test]
    fn plain_spellings() {
        assert!(Resolver::is_plain_spelling(" Sharon Lee"));
        assert!(Resolver::is_plain_spelling("JOSÉ"));
        assert!(!Resolver::is_plain_spelling("Jose\u{301}"));
        assert!(!Resolver::is_plain_spelling("Sharon\u{200b} Lee"));
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
