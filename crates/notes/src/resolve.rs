//! Who is called X: the one answer for links (`[[X]]`, [`Resolver::resolve`]), for a
//! PERSON named on the command line ([`Resolver::person`]) and for people who share a
//! name ([`Resolver::alias_candidates`]), all under the one rule for when two names are
//! the same name ([`Resolver::name_key`]).

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::note::Note;
use crate::similar;

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
    /// was built from), trying each rule in turn and stopping at the first that finds
    /// anyone:
    ///
    /// 1. the one person whose path in the vault it is (`People/Sam.md`, `./people/sam` or
    ///    `People\Sam.md`: the way out when two people share a name);
    /// 2. the people who go by it exactly: display name, file name or alias
    ///    ([`Resolver::people_named`]), so an alias `Sam` wins over `Samantha`;
    /// 3. the people who have it as a whole word of a name, alias or file name: a first
    ///    name (`Priya`) or a last name (`Lee`);
    /// 4. the people who have a word that starts with it (`Shar`, `Priya N`).
    ///
    /// One person found is [`PersonMatch::One`]; several are [`PersonMatch::Several`],
    /// best first (a first word before a later one, then by name). Nobody is
    /// [`PersonMatch::Unknown`] with the names a typo of it would come from, closest first.
    /// Names compare by [`Resolver::name_key`].
    pub fn person(&self, notes: &[Note], query: &str) -> PersonMatch {
        if let [one] = self.person_at(notes, query).as_slice() {
            return PersonMatch::One(*one);
        }
        let named = self.people_named(notes, query);
        match named.as_slice() {
            [one] => return PersonMatch::One(*one),
            [] => {}
            _ => {
                let mut ranked: Vec<(Closeness, usize)> =
                    named.into_iter().map(|i| (Closeness::Exact, i)).collect();
                return PersonMatch::Several(best_first(notes, &mut ranked));
            }
        }
        let wanted = Resolver::name_key(query);
        if wanted.is_empty() {
            return PersonMatch::Unknown(Vec::new());
        }
        let ranked = self.ranked(notes, &wanted);
        for tier in [Closeness::is_word, Closeness::is_prefix] {
            let mut found: Vec<(Closeness, usize)> =
                ranked.iter().copied().filter(|(c, _)| tier(*c)).collect();
            match found.as_slice() {
                [] => {}
                [(_, one)] => return PersonMatch::One(*one),
                _ => return PersonMatch::Several(best_first(notes, &mut found)),
            }
        }
        PersonMatch::Unknown(self.close_names(notes, &wanted))
    }

    /// Every person with a word of a name that is `wanted` or starts with it, with the best
    /// way each does.
    fn ranked(&self, notes: &[Note], wanted: &str) -> Vec<(Closeness, usize)> {
        (0..notes.len())
            .filter_map(|i| {
                let best = self
                    .names_of(notes, i)?
                    .iter()
                    .filter_map(|name| word_match(name, wanted))
                    .min()?;
                Some((best, i))
            })
            .collect()
    }

    /// The people whose names a typo of `wanted` (a name key that names nobody) could come
    /// from ([`typo_distance`]): the closest, and those one edit further, closest first,
    /// then by name.
    fn close_names(&self, notes: &[Note], wanted: &str) -> Vec<usize> {
        let mut close: Vec<(Closeness, usize)> = (0..notes.len())
            .filter_map(|i| {
                let distance = self
                    .names_of(notes, i)?
                    .iter()
                    .filter_map(|name| typo_distance(name, wanted))
                    .min()?;
                Some((Closeness::Typo(distance), i))
            })
            .collect();
        // The closest names, and those one edit further: not every name that shares a word.
        let closest = close.iter().map(|(c, _)| *c).min();
        close.retain(|(c, _)| match (c, closest) {
            (Closeness::Typo(d), Some(Closeness::Typo(best))) => *d <= best + 1,
            _ => true,
        });
        best_first(notes, &mut close)
    }

    /// The name keys person `i` goes by: display name, aliases and file name (not for a
    /// Logseq page, whose file name spells its page name in code: `people___ada`).
    /// `None` for a note that is not a person.
    fn names_of(&self, notes: &[Note], i: usize) -> Option<Vec<String>> {
        let note = notes.get(i)?;
        let person = note.person.as_deref()?;
        let stem = self
            .paths
            .get(i)
            .filter(|_| note.page.is_none())
            .map(|path| path.rsplit('/').next().unwrap_or(path).trim().to_owned());
        let mut names: Vec<String> = std::iter::once(&person.name)
            .chain(&person.aliases)
            .map(|name| Resolver::name_key(name).into_owned())
            .chain(stem)
            .filter(|name| !name.is_empty())
            .collect();
        names.sort_unstable();
        names.dedup();
        Some(names)
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
    /// Several people match as well as each other under the first rule that found anyone
    /// (the same name; the same whole word; the same start of a word), best first: a first
    /// word before a later one, then by name.
    Several(Vec<usize>),
    /// Nobody does; a typo of these people's names would give it, closest first, then by
    /// name.
    Unknown(Vec<usize>),
}

/// How well a name matches a PERSON argument, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Closeness {
    /// The name itself.
    Exact,
    /// The first word of the name (`Priya`).
    FirstWord,
    /// A later word of it (`Lee` of `Sharon Lee`).
    LaterWord,
    /// The start of its first word (`Shar`), or of it whole (`Priya N`).
    FirstPrefix,
    /// The start of a later word (`Le`).
    LaterPrefix,
    /// This many edits away.
    Typo(usize),
}

impl Closeness {
    fn is_word(self) -> bool {
        matches!(self, Closeness::FirstWord | Closeness::LaterWord)
    }

    fn is_prefix(self) -> bool {
        matches!(self, Closeness::FirstPrefix | Closeness::LaterPrefix)
    }
}

/// The people of `ranked`, best first, then by display name and path.
fn best_first(notes: &[Note], ranked: &mut [(Closeness, usize)]) -> Vec<usize> {
    let name = |i: usize| {
        notes.get(i).map_or((Cow::Borrowed(""), ""), |note| {
            (Resolver::name_key(note.display_name()), note.path.as_str())
        })
    };
    ranked.sort_by(|(ca, a), (cb, b)| ca.cmp(cb).then_with(|| name(*a).cmp(&name(*b))));
    ranked.iter().map(|&(_, i)| i).collect()
}

/// Whether `c` is part of a word: what separates words is anything else (spaces, `-`, `.`,
/// `_` of a Logseq file name, `'`).
fn in_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The byte offsets where the words of `name` start, the first word first (offset 0 when
/// the name starts with something else, so that the whole name is a prefix too).
fn word_starts(name: &str) -> impl Iterator<Item = usize> + '_ {
    let mut previous: Option<char> = None;
    name.char_indices().filter_map(move |(at, c)| {
        let starts = at == 0 || (in_word(c) && !previous.is_some_and(in_word));
        previous = Some(c);
        starts.then_some(at)
    })
}

/// How `wanted` matches `name` (both name keys) as a whole word or the start of one, if
/// it does. Offsets come from `char_indices`, so no slice splits a character.
fn word_match(name: &str, wanted: &str) -> Option<Closeness> {
    word_starts(name)
        .enumerate()
        .filter_map(|(n, at)| {
            let after = name.get(at..)?.strip_prefix(wanted)?;
            let whole = after.chars().next().is_none_or(|c| !in_word(c));
            // The name's first word, whether or not something came before it (`(Sam)`).
            let first = n == 0 || (n == 1 && !name.starts_with(in_word));
            Some(match (whole, first) {
                (true, true) => Closeness::FirstWord,
                (true, false) => Closeness::LaterWord,
                (false, true) => Closeness::FirstPrefix,
                (false, false) => Closeness::LaterPrefix,
            })
        })
        .min()
}

/// The words of a name key.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !in_word(c)).filter(|w| !w.is_empty())
}

/// How many edits `wanted` is from `name` (both name keys), when few enough to be a typo
/// of it: of the name whole, or of one of its words; for a query of several words, also
/// word by word, the edits of each word added up (a word that is no typo of any of theirs
/// counts as one edit more than a typo may have), when at least one word is a typo of one
/// of theirs. So `Abdl Kowalsky` is closer to Abdul Kowalski (1 + 1) than to Abdul Ivanova
/// (1 + 3).
fn typo_distance(name: &str, wanted: &str) -> Option<usize> {
    let limit = similar::typo_limit(wanted.chars().count());
    let whole = std::iter::once(name)
        .chain(words(name))
        .filter_map(|candidate| similar::within(wanted, candidate, limit))
        .min();
    if words(wanted).nth(1).is_none() {
        return whole;
    }
    let mut any = false;
    let by_word: usize = words(wanted)
        .map(|typed| {
            let limit = similar::typo_limit(typed.chars().count());
            let best = words(name)
                .filter_map(|word| similar::within(typed, word, limit))
                .min();
            any |= best.is_some();
            best.unwrap_or(limit + 1)
        })
        .sum();
    match (whole, any) {
        (Some(whole), true) => Some(whole.min(by_word)),
        (whole, false) => whole,
        (None, true) => Some(by_word),
    }
}

fn is_person(notes: &[Note], i: usize) -> bool {
    notes.get(i).is_some_and(|n| n.person.is_some())
}

/// A PERSON argument as a path key: its name key with `/` separators and no leading `./`.
fn path_key(query: &str) -> String {
    let key = Resolver::name_key(query).replace('\\', "/");
    key.trim_start_matches("./").to_owned()
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
        assert_eq!(r.person(&notes, "Hamilton"), PersonMatch::One(0));
        assert_eq!(r.person(&notes, "Countess"), PersonMatch::One(2));
        // `people___` is how the file name spells a namespace, not a word of a name.
        assert_eq!(r.person(&notes, "people"), PersonMatch::Unknown(vec![]));
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
        // Both have the alias `S`: Sam Smith before Sharon Lee by name.
        assert_eq!(person("s"), PersonMatch::Several(vec![1, 0]));
        // A first name, a last name, a prefix: each names one person here.
        assert_eq!(person("Sharon"), PersonMatch::One(0));
        assert_eq!(person("lee"), PersonMatch::One(0));
        assert_eq!(person("Sha"), PersonMatch::One(0));
        assert_eq!(person("Sharn"), PersonMatch::Unknown(vec![0]));
        assert_eq!(person("Kai"), PersonMatch::Unknown(vec![]), "not a person");
        assert_eq!(person("Notes/Kai.md"), PersonMatch::Unknown(vec![]));
        assert_eq!(person(""), PersonMatch::Unknown(vec![]));
        assert_eq!(notes[1].display_name(), "Sam Smith");
        assert_eq!(notes[3].display_name(), "Kai");
    }

    #[test]
    fn exact_then_whole_words_then_prefixes() {
        let notes = notes(&[
            ("People/Samantha Cole.md", ""),
            ("People/Alex Sam.md", ""),
            ("People/Sam Rivera.md", ""),
            ("People/Tom Becker.md", "---\naliases: [Sammy]\n---\n"),
            ("People/Jo One.md", "---\naliases: [Sam]\n---\n"),
            ("People/Jo Two.md", ""),
            ("Notes/Samuel.md", ""),
            ("People/Lee Park.md", ""),
            ("People/Sharon Lee.md", ""),
            ("People/Leela Rao.md", ""),
            ("People/Jean-Luc Picard.md", ""),
            ("People/(Ziggy).md", ""),
        ]);
        let r = Resolver::new(&notes);
        let person = |query: &str| r.person(&notes, query);
        // An exact alias wins over whole words and prefixes.
        assert_eq!(person("Sam"), PersonMatch::One(4));
        // Prefixes of a first word (by name), then of a later word; not Samuel, no person.
        assert_eq!(person("sa"), PersonMatch::Several(vec![4, 2, 0, 3, 1]));
        assert_eq!(person("Sama"), PersonMatch::One(0));
        assert_eq!(person("Samm"), PersonMatch::One(3));
        // A whole word ties only with whole words: Leela is not asked about.
        assert_eq!(person("Lee"), PersonMatch::Several(vec![7, 8]));
        assert_eq!(person("Leel"), PersonMatch::One(9));
        assert_eq!(person("Jo"), PersonMatch::Several(vec![4, 5]));
        assert_eq!(person("Two"), PersonMatch::One(5));
        assert_eq!(person("Sharon L"), PersonMatch::One(8));
        // Words end at any character that is not a letter or digit.
        assert_eq!(person("Luc"), PersonMatch::One(10));
        assert_eq!(person("picard"), PersonMatch::One(10));
        assert_eq!(person("zig"), PersonMatch::One(11));
        // Not the middle of a word.
        assert_eq!(
            person("haron"),
            PersonMatch::Unknown(vec![8]),
            "a typo, not a match"
        );
        assert_eq!(person("aron"), PersonMatch::Unknown(vec![]));
    }

    #[test]
    fn typos_get_the_closest_names_first() {
        let notes = notes(&[
            ("People/Sharon Lee.md", ""),
            ("People/Shannon Wu.md", ""),
            ("People/Priya Natarajan.md", ""),
            ("People/Zo\u{eb} \u{c5}berg.md", ""),
            ("People/李雷.md", ""),
        ]);
        let r = Resolver::new(&notes);
        let person = |query: &str| r.person(&notes, query);
        // One edit from Sharon, three from Shannon: too far for five letters.
        assert_eq!(person("Sharn"), PersonMatch::Unknown(vec![0]));
        assert_eq!(person("Sahron"), PersonMatch::Unknown(vec![0]), "a swap");
        // One edit from each: by name.
        assert_eq!(person("Shanon"), PersonMatch::Unknown(vec![1, 0]));
        // One from Shannon, two from Sharon: the closer first.
        assert_eq!(person("Shannn"), PersonMatch::Unknown(vec![1, 0]));
        assert_eq!(person("Natarjan"), PersonMatch::Unknown(vec![2]));
        assert_eq!(person("Prya Natarajan"), PersonMatch::Unknown(vec![2]));
        // A shared word (0 + 3 for `Smith`); Shannon is two edits further (2 + 3).
        assert_eq!(person("Sharon Smith"), PersonMatch::Unknown(vec![0]));
        // Characters, not bytes, and no accent folding: `Zoe` is a typo of `Zoë`.
        assert_eq!(person("Zoe"), PersonMatch::Unknown(vec![3]));
        assert_eq!(person("Aberg"), PersonMatch::Unknown(vec![3]));
        assert_eq!(person("zoë"), PersonMatch::One(3));
        assert_eq!(person("李"), PersonMatch::One(4));
        assert_eq!(
            person("李磊"),
            PersonMatch::Unknown(vec![]),
            "two characters: exact only"
        );
        // Word by word, the edits add up: both words close beats one word exact.
        let notes = self::notes(&[
            ("People/Abdul Ivanova.md", ""),
            ("People/Aditi Kowalski.md", ""),
            ("People/Abdul Kowalski.md", ""),
            ("People/Abdul Jansen.md", ""),
        ]);
        let r = Resolver::new(&notes);
        let person = |query: &str| r.person(&notes, query);
        // Abdul Kowalski 1 + 1; Aditi Kowalski 2 (no typo of Abdl) + 1, one edit further;
        // Abdul Ivanova 1 + 3 (no typo of Kowalsky), too far.
        assert_eq!(person("Abdl Kowalsky"), PersonMatch::Unknown(vec![2, 1]));
        assert_eq!(person("Abdul Kowalsky"), PersonMatch::Unknown(vec![2]));
        // `Abdul Smith`: each Abdul is 0 + 3 away, Aditi Kowalski 3 + 3: too far.
        assert_eq!(person("Abdul Smith"), PersonMatch::Unknown(vec![0, 3, 2]));
        // Short queries are not typos of every short name.
        assert_eq!(person("Al"), PersonMatch::Unknown(vec![]));
        assert_eq!(person("Xavier"), PersonMatch::Unknown(vec![]));
    }

    /// Names from a small alphabet that mixes ASCII, accents composed and decomposed,
    /// CJK, emoji, separators and invisible characters, so that names often share words
    /// and prefixes.
    fn name() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "sa",
            "m",
            "lee",
            "Jo",
            "é",
            "e\u{301}",
            "李",
            "👩\u{200d}👧",
            " ",
            "-",
            "'",
            "\u{200b}",
            "Ω",
            "ß",
            "İ",
        ]);
        prop::collection::vec(piece, 1..6).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        /// Whatever is asked, the answer is about people, without repeats; a person's own
        /// path always names them, and their own name names them or lists them.
        #[test]
        fn answers_name_people(
            names in proptest::collection::vec(name(), 1..6),
            query in name(),
        ) {
            let files: Vec<(String, String)> = names
                .iter()
                .enumerate()
                .map(|(n, name)| {
                    let yaml_name = name.replace('\\', "\\\\").replace('"', "\\\"");
                    (format!("People/p{n}.md"), format!("---\nname: \"{yaml_name}\"\n---\n"))
                })
                .chain([("Notes/Other.md".to_owned(), String::new())])
                .collect();
            let borrowed: Vec<(&str, &str)> =
                files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
            let notes = notes(&borrowed);
            let r = Resolver::new(&notes);
            let found = match r.person(&notes, &query) {
                PersonMatch::One(i) => vec![i],
                PersonMatch::Several(several) => {
                    proptest::prop_assert!(several.len() > 1);
                    several
                }
                PersonMatch::Unknown(close) => close,
            };
            let mut unique = found.clone();
            unique.sort_unstable();
            unique.dedup();
            proptest::prop_assert_eq!(unique.len(), found.len());
            proptest::prop_assert!(found.iter().all(|&i| is_person(&notes, i)));
            for (i, (path, _)) in files.iter().enumerate().take(names.len()) {
                proptest::prop_assert_eq!(r.person(&notes, path), PersonMatch::One(i));
                // The generated name is what was read (a blank one falls back to `p0`).
                if !names[i].trim().is_empty() {
                    proptest::prop_assert_eq!(notes[i].display_name(), names[i].trim());
                }
                let by_name = r.person(&notes, notes[i].display_name());
                let named = match by_name {
                    PersonMatch::One(j) => j == i,
                    PersonMatch::Several(several) => several.contains(&i),
                    // A name of nothing but invisible characters and spaces names nobody.
                    PersonMatch::Unknown(_) => Resolver::name_key(notes[i].display_name()).is_empty(),
                };
                proptest::prop_assert!(named, "{:?}", notes[i].display_name());
            }
        }
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
