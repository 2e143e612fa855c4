//! Reading a whole vault folder: walk, read and parse every note in parallel.

use std::borrow::Cow;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Severity};
use crate::note::{Note, parse_note_owned};
use crate::options::{ReadOptions, is_under};

/// Every note of a vault and every problem found reading it.
#[derive(Debug, Clone, Default)]
pub struct Vault {
    /// Notes, sorted by path.
    pub notes: Vec<Note>,
    /// Problems, sorted by path, line and column.
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a vault could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// This occurs when the vault folder does not exist.
    #[error("{}: no such folder", .0.display())]
    NotFound(PathBuf),
    /// This occurs when the vault path is a file, not a folder.
    #[error("{}: is a file, not a vault folder", .0.display())]
    NotAFolder(PathBuf),
    /// This occurs when the vault folder itself cannot be listed.
    #[error("{}: cannot read the vault folder: {source}", path.display())]
    Unreadable {
        /// The vault folder.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
}

/// Reads every Markdown note under `root`.
///
/// Skipped: hidden folders and files (`.obsidian/`, `.trash/`, `.git/`), Logseq's backups
/// and file versions (all of `logseq/` in a graph), the templates folder, ignored paths,
/// and files that do not end in `.md`.
pub fn read_vault(root: &Path, options: &ReadOptions) -> Result<Vault, ReadError> {
    let meta = fs::metadata(root).map_err(|source| match source.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound(root.to_owned()),
        _ => ReadError::Unreadable {
            path: root.to_owned(),
            source,
        },
    })?;
    if !meta.is_dir() {
        return Err(ReadError::NotAFolder(root.to_owned()));
    }
    if root
        .canonicalize()
        .is_ok_and(|full| full.parent().is_none())
    {
        // Walking `/` would read every Markdown file of the machine: a mistake, refused.
        return Err(ReadError::Unreadable {
            path: root.to_owned(),
            source: io::Error::other(
                "this is the root of the file system, not a vault; pass the folder of your notes with --vault DIR",
            ),
        });
    }
    fs::read_dir(root).map_err(|source| ReadError::Unreadable {
        path: root.to_owned(),
        source,
    })?;

    // Walking and parsing overlap: each note is parsed on a free core as soon as the walk
    // finds it. Order is restored by sorting at the end.
    let problems = std::sync::Mutex::new(Vec::new());
    let report = |found: Vec<Diagnostic>| {
        if !found.is_empty() {
            // A poisoned lock only means another thread panicked; its data is still whole.
            let mut all = problems
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            all.extend(found);
        }
    };
    let mut notes: Vec<Note> = walk(root, options)
        .par_bridge()
        .filter_map(|item| match item {
            Walked::Note(relative, absolute) => {
                let (note, diagnostics) = read_note(&relative, &absolute, options);
                report(diagnostics);
                note
            }
            Walked::Problem(diagnostic) => {
                report(vec![diagnostic]);
                None
            }
        })
        .collect();
    let mut diagnostics = problems
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // Paths are unique, so an unstable sort gives the one order; in parallel, as the
    // notes of a large vault take a tenth of a second to sort on one core.
    notes.par_sort_unstable_by(|a, b| a.path.cmp(&b.path));
    set_aside_sync_copies(root, &mut notes, &mut diagnostics);
    diagnostics.sort();
    Ok(Vault { notes, diagnostics })
}

enum Walked {
    Note(String, PathBuf),
    Problem(Diagnostic),
}

fn read_note(
    relative: &str,
    absolute: &Path,
    options: &ReadOptions,
) -> (Option<Note>, Vec<Diagnostic>) {
    let unreadable = |err: io::Error| {
        (
            None,
            vec![Diagnostic::new(
                relative,
                1,
                1,
                Severity::Error,
                "unreadable",
                format!("cannot read this note: {err}"),
            )],
        )
    };
    // One open and one fstat per note: the size check and the read share the handle.
    let mut file = match fs::File::open(absolute) {
        Ok(file) => file,
        Err(err) => return unreadable(err),
    };
    let len = match file.metadata() {
        // The walk only gives regular files; a file replaced by a device since is refused
        // here, before a read that might never end.
        Ok(meta) if !meta.is_file() => return (None, vec![not_a_file(relative)]),
        Ok(meta) => meta.len(),
        Err(err) => return unreadable(err),
    };
    if len > options.max_file_bytes {
        return (
            None,
            vec![Diagnostic::new(
                relative,
                1,
                1,
                Severity::Warning,
                "too-large",
                format!(
                    "this note is {len} bytes, over the limit of {} bytes, and was skipped; raise `max_file_size` in vault.yaml to read it",
                    options.max_file_bytes
                ),
            )],
        );
    }
    let bytes = match read_exactly(&mut file, len) {
        Ok(bytes) => bytes,
        Err(err) => return unreadable(err),
    };
    let parsed = parse_note_owned(relative, bytes, options);
    (Some(parsed.note), parsed.diagnostics)
}

/// Reads the `len` bytes the file's metadata gave, or to the end when that is zero (an
/// empty note, or a file system that does not know sizes).
///
/// `Read::read_to_end` on a `File` asks the file system for the size and position again
/// and reads once more to see the end: three system calls per note that a vault of
/// 100,000 notes pays 300,000 times. A note that grows between the size check and the
/// read is read as it was when checked.
fn read_exactly(file: &mut fs::File, len: u64) -> io::Result<Vec<u8>> {
    let len = usize::try_from(len).map_err(|_| io::Error::from(io::ErrorKind::OutOfMemory))?;
    if len == 0 {
        let mut bytes = Vec::new();
        io::Read::read_to_end(file, &mut bytes)?;
        return Ok(bytes);
    }
    let mut bytes = vec![0; len];
    let mut filled = 0;
    while filled < len {
        match io::Read::read(file, &mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    bytes.truncate(filled);
    Ok(bytes)
}

/// A `.md` name on something that is not a file: a named pipe or a device would block or
/// never end if read.
fn not_a_file(relative: &str) -> Diagnostic {
    Diagnostic::new(
        relative,
        1,
        1,
        Severity::Warning,
        "not-a-note",
        "this is not a regular file (a named pipe, socket or device) and was not read",
    )
}

/// The devices of the kernel's virtual file systems (`/proc`, `/sys`, `/dev`) when they are
/// not the vault's own: their files are not notes, and some block or never end when read.
#[cfg(unix)]
fn virtual_devices(root: &Path) -> Vec<u64> {
    use std::os::unix::fs::MetadataExt;
    let own = fs::metadata(root).map(|m| m.dev()).ok();
    ["/proc", "/sys", "/dev"]
        .iter()
        .filter_map(|path| fs::metadata(path).ok().map(|m| m.dev()))
        .filter(|dev| Some(*dev) != own)
        .collect()
}

#[cfg(not(unix))]
fn virtual_devices(_root: &Path) -> Vec<u64> {
    Vec::new()
}

/// Whether a folder of the walk is on one of the `virtual_devices`.
fn on_virtual_device(entry: &walkdir::DirEntry, devices: &[u64]) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // One `stat` per folder (never per file), and only when there is such a device.
        !devices.is_empty()
            && entry.file_type().is_dir()
            && entry
                .metadata()
                .is_ok_and(|meta| devices.contains(&meta.dev()))
    }
    #[cfg(not(unix))]
    {
        let _ = (entry, devices);
        false
    }
}

/// The Markdown files to read and the problems met while walking, as the walk finds them.
fn walk<'a>(root: &'a Path, options: &'a ReadOptions) -> impl Iterator<Item = Walked> + Send + 'a {
    // The folders to skip, trimmed once rather than for every file.
    let skipped: Vec<&str> = options
        .templates_folder
        .iter()
        .chain(&options.ignore)
        .map(|folder| folder.trim_matches('/'))
        .filter(|folder| !folder.is_empty())
        .chain(
            crate::logseq::skipped_folders(options.logseq.is_some())
                .iter()
                .copied(),
        )
        .collect();
    let devices = virtual_devices(root);
    // `follow_links` makes walkdir check each folder against its ancestors: a link back up
    // is reported as a loop (below), never followed forever.
    WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(move |entry| {
            if entry.depth() == 0 {
                return true;
            }
            let hidden = entry.file_name().as_encoded_bytes().first() == Some(&b'.');
            !hidden
                && !on_virtual_device(entry, &devices)
                && (skipped.is_empty() || {
                    let relative = relative_str(root, entry.path());
                    !skipped.iter().any(|folder| is_under(&relative, folder))
                })
        })
        .filter_map(move |entry| match entry {
            Ok(entry) => {
                let is_md = entry
                    .path()
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("md"));
                if !is_md {
                    None
                } else if entry.file_type().is_file() {
                    Some(Walked::Note(relative_path(root, entry.path()), entry.into_path()))
                } else if entry.file_type().is_dir() {
                    Some(Walked::Problem(Diagnostic::new(
                        relative_path(root, entry.path()),
                        1,
                        1,
                        Severity::Warning,
                        "not-a-note",
                        "this is a folder named like a note; the notes inside it are read as usual, but it is not a note itself",
                    )))
                } else {
                    Some(Walked::Problem(not_a_file(&relative_path(root, entry.path()))))
                }
            }
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| relative_path(root, p))
                    .unwrap_or_default();
                let (code, message) = if err.loop_ancestor().is_some() {
                    (
                        "symlink-loop",
                        "this symbolic link points back to a folder that contains it; it was not followed".to_owned(),
                    )
                } else {
                    (
                        "unreadable",
                        format!(
                            "cannot read this: {}",
                            err.io_error()
                                .map_or_else(|| err.to_string(), ToString::to_string)
                        ),
                    )
                };
                Some(Walked::Problem(Diagnostic::new(path, 1, 1, Severity::Error, code, message)))
            }
        })
}

/// Reports copies made by sync tools and stops counting them as people.
fn set_aside_sync_copies(root: &Path, notes: &mut [Note], diagnostics: &mut Vec<Diagnostic>) {
    for (copy, original, why) in sync_copies(root, notes) {
        let was_person = notes[copy].person.take().is_some();
        let not_counted = if was_person {
            ", so it is not counted as a second person"
        } else {
            ""
        };
        let message = match why {
            Copy::Identical => format!(
                "this is an identical copy of `{original}`, as sync tools make{not_counted}"
            ),
            // Nothing here advises deleting: the copy may hold the only record of an edit.
            Copy::Named => format!(
                "this looks like a copy a sync tool made of `{original}` when both changed{not_counted}; \
                 compare the two and bring what only this copy has into `{original}`"
            ),
        };
        diagnostics.push(Diagnostic::new(
            notes[copy].path.as_str(),
            1,
            1,
            Severity::Warning,
            "sync-conflict-copy",
            message,
        ));
    }
}

/// Why a note is taken for a sync tool's copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copy {
    /// Its name is a sync tool's conflict pattern (`.sync-conflict-20260101-120000-DEV`,
    /// `(Alice's conflicted copy 2026-01-01)`).
    Named,
    /// It is numbered (`Name 2.md`, `Name (1).md`) and has the same bytes as the original.
    Identical,
}

/// Copies made by sync tools, as (index of the copy, path of the original, why) in `notes`
/// sorted by path, each only when the original is in the same folder:
/// - a sync tool's conflict name, with its timestamp or device: Syncthing's
///   `Name.sync-conflict-20260101-120000-ABC.md`, Dropbox's and Nextcloud's
///   `Name (Alice's conflicted copy 2026-01-01).md`, `Name (Case Conflict).md`;
/// - a numbered name (iCloud's `Name 2.md`, Google Drive's `Name (1).md`) only when its
///   bytes are the original's: otherwise it is a note of its own (plugins name new notes
///   `Name 2.md` too).
fn sync_copies(root: &Path, notes: &[Note]) -> Vec<(usize, String, Copy)> {
    let mut copies = Vec::new();
    for (i, note) in notes.iter().enumerate() {
        let path = note.path.as_str();
        let Some(without_ext) = path.get(..path.len().saturating_sub(3)) else {
            continue;
        };
        // The folder keeps its `/`, which is one byte, so `slash + 1` is a char boundary.
        let (folder, stem) = match without_ext.rfind('/') {
            Some(slash) => without_ext.split_at(slash + 1),
            None => ("", without_ext),
        };
        let Some((original_stem, why)) = original_of_copy(stem) else {
            continue;
        };
        let original = format!("{folder}{original_stem}.md");
        if notes
            .binary_search_by(|n| n.path.as_str().cmp(&original))
            .is_err()
        {
            continue;
        }
        let same_bytes = || {
            let read = |p: &str| fs::read(root.join(p)).ok();
            matches!((read(path), read(&original)), (Some(a), Some(b)) if a == b)
        };
        if why == Copy::Named || same_bytes() {
            copies.push((i, original, why));
        }
    }
    copies
}

fn original_of_copy(stem: &str) -> Option<(&str, Copy)> {
    if let Some(i) = stem.find(".sync-conflict-") {
        return Some((&stem[..i], Copy::Named));
    }
    if let Some(open) = stem.rfind(" (")
        && stem.ends_with(')')
    {
        let inside = &stem[open + 2..stem.len() - 1];
        if inside.to_lowercase().contains("conflict") {
            return Some((&stem[..open], Copy::Named));
        }
        if is_small_number(inside) {
            return Some((&stem[..open], Copy::Identical));
        }
    }
    let (base, number) = stem.rsplit_once(' ')?;
    (is_small_number(number) && !base.is_empty()).then_some((base, Copy::Identical))
}

fn is_small_number(text: &str) -> bool {
    !text.is_empty() && text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit())
}

/// `path` relative to `root`, with `/` separators.
fn relative_path(root: &Path, path: &Path) -> String {
    relative_str(root, path).into_owned()
}

/// `path` relative to `root`, with `/` separators, borrowed where it can be.
fn relative_str<'p>(root: &Path, path: &'p Path) -> Cow<'p, str> {
    // Every path the walk gives starts with `root` as given: cutting the text is exact and
    // much cheaper than `Path::strip_prefix`, which compares component by component.
    let lossy = |path: &'p Path| {
        path.to_str()
            .map_or_else(|| path.to_string_lossy(), Cow::Borrowed)
    };
    let full = lossy(path);
    let root = root.to_string_lossy();
    let cut = full.strip_prefix(&*root).map(|rest| {
        let rest = rest.trim_start_matches(std::path::MAIN_SEPARATOR);
        full.len() - rest.len()
    });
    let relative = match (full, cut) {
        (Cow::Borrowed(full), Some(cut)) => Cow::Borrowed(&full[cut..]),
        (full, Some(cut)) => Cow::Owned(full[cut..].to_owned()),
        (full, None) => full,
    };
    if std::path::MAIN_SEPARATOR == '/' {
        relative
    } else {
        Cow::Owned(relative.replace(std::path::MAIN_SEPARATOR, "/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, path: &str, text: &str) {
        let full = root.join(path);
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(full, text).expect("write");
    }

    #[test]
    fn walks_and_skips() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        write(root, "People/Ann.md", "---\nname: Ann\n---\n");
        write(root, ".obsidian/x.md", "");
        write(root, ".trash/People/Old.md", "");
        write(root, "Templates/Person.md", "---\ncreated: {{date}}\n---\n");
        write(root, "Archive/skip.md", "");
        write(root, "Journal/2026-10-02.md", "[[Ann]]");
        write(root, "notes.txt", "");
        let options = ReadOptions {
            templates_folder: Some("Templates".into()),
            ignore: vec!["Archive".into()],
            ..ReadOptions::default()
        };
        let vault = read_vault(root, &options).expect("read");
        let paths: Vec<_> = vault.notes.iter().map(|n| n.path.as_str()).collect();
        assert_eq!(paths, vec!["Journal/2026-10-02.md", "People/Ann.md"]);
        assert!(vault.diagnostics.is_empty(), "{:?}", vault.diagnostics);
    }

    #[test]
    fn logseq_backups_and_versions_are_skipped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        write(root, "pages/Ann.md", "type:: person\n");
        write(
            root,
            "logseq/bak/pages/Ann/2026-11-01T10_00_00.000Z.Desktop.md",
            "",
        );
        write(root, "logseq/.recycle/pages_Old.md", "");
        write(root, "logseq/version-files/incoming/pages/Ann.md", "");
        write(root, "logseq/custom.md", "");
        let paths = |options: &ReadOptions| {
            let vault = read_vault(root, options).expect("read");
            vault.notes.into_iter().map(|n| n.path).collect::<Vec<_>>()
        };
        // Outside a graph, only the backups and versions.
        assert_eq!(
            paths(&ReadOptions::default()),
            vec!["logseq/custom.md", "pages/Ann.md"]
        );
        let graph = ReadOptions {
            logseq: Some(crate::logseq::Logseq::default()),
            ..ReadOptions::default()
        };
        assert_eq!(paths(&graph), vec!["pages/Ann.md"]);
    }

    #[test]
    fn sync_conflict_copies_are_reported_and_not_people() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for name in [
            "People/Ann.md",
            "People/Ann 2.md",
            "People/Ann (1).md",
            "People/Ann (conflict 2026-11-01).md",
            "People/Ann (Case Conflict).md",
            "People/Ann.sync-conflict-20261101-101010-ABCDEFG.md",
            "People/Bo 2.md",
            "Notes/Chapter 2.md",
        ] {
            write(root, name, "- 2026-11-01 call\n");
        }
        // A plugin's own `Name 2.md` with other content is a person of its own.
        write(root, "People/Cy.md", "- 2026-11-01 call\n");
        write(root, "People/Cy 2.md", "- 2026-11-02 a different person\n");
        let vault = read_vault(root, &ReadOptions::default()).expect("read");
        let copies: Vec<_> = vault
            .diagnostics
            .iter()
            .filter(|d| d.code == "sync-conflict-copy")
            .map(|d| d.path.as_str())
            .collect();
        assert_eq!(copies.len(), 5, "{copies:?}");
        let people: Vec<_> = vault
            .notes
            .iter()
            .filter(|n| n.person.is_some())
            .map(|n| n.path.as_str())
            .collect();
        assert_eq!(
            people,
            vec![
                "People/Ann.md",
                "People/Bo 2.md",
                "People/Cy 2.md",
                "People/Cy.md"
            ]
        );
        for d in &vault.diagnostics {
            assert!(!d.message.contains("delete"), "{d}");
        }
    }

    #[test]
    fn a_folder_named_like_a_note_is_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "Odd.md/Inside.md", "");
        let vault = read_vault(dir.path(), &ReadOptions::default()).expect("read");
        assert_eq!(vault.notes.len(), 1);
        assert_eq!(vault.diagnostics[0].code, "not-a-note");
    }

    #[test]
    fn missing_and_file_vaults_are_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(matches!(
            read_vault(&dir.path().join("nope"), &ReadOptions::default()),
            Err(ReadError::NotFound(_))
        ));
        write(dir.path(), "f.md", "");
        assert!(matches!(
            read_vault(&dir.path().join("f.md"), &ReadOptions::default()),
            Err(ReadError::NotAFolder(_))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn named_pipes_are_reported_not_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "People/Ann.md", "- 2026-11-01 call\n");
        let status = std::process::Command::new("mkfifo")
            .arg(dir.path().join("People/Pipe.md"))
            .status()
            .expect("mkfifo");
        assert!(status.success());
        // Opening the pipe for reading would block until a writer comes: it must not be opened.
        let vault = read_vault(dir.path(), &ReadOptions::default()).expect("read");
        assert_eq!(vault.notes.len(), 1);
        let d = &vault.diagnostics[0];
        assert_eq!((d.path.as_str(), d.code), ("People/Pipe.md", "not-a-note"));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn virtual_file_systems_are_not_walked() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "People/Ann.md", "- 2026-11-01 call\n");
        // `/proc/self/root` leads back to `/`: without the device check this walks the
        // whole machine.
        for target in ["/proc", "/sys", "/dev"] {
            let link = dir.path().join(target.trim_start_matches('/'));
            std::os::unix::fs::symlink(target, link).expect("symlink");
        }
        let vault = read_vault(dir.path(), &ReadOptions::default()).expect("read");
        let paths: Vec<_> = vault.notes.iter().map(|n| n.path.as_str()).collect();
        assert_eq!(paths, vec!["People/Ann.md"]);
        assert!(vault.diagnostics.is_empty(), "{:?}", vault.diagnostics);
    }

    #[test]
    fn the_root_of_the_file_system_is_not_a_vault() {
        let err = read_vault(Path::new("/"), &ReadOptions::default()).expect_err("refused");
        assert!(err.to_string().contains("root of the file system"), "{err}");
    }

    #[test]
    fn too_large_notes_are_reported_and_skipped() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "big.md", &"x".repeat(100));
        let options = ReadOptions {
            max_file_bytes: 10,
            ..ReadOptions::default()
        };
        let vault = read_vault(dir.path(), &options).expect("read");
        assert!(vault.notes.is_empty());
        assert_eq!(vault.diagnostics[0].code, "too-large");
    }
}
