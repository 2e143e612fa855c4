//! Writing notes: the one path every command that changes or creates a note goes through.
//!
//! [`edit_note`] runs these steps, in this order, for one note:
//! 1. **Where.** The note's path must stay inside the vault (no `..`, not absolute). A note
//!    that is a symbolic link is written where it points (the link stays a link), but only
//!    if that is a regular Markdown file (`.md`): a link to `~/.bashrc` is never written.
//! 2. **Lock.** The note's folder is locked ([`lock`]), waiting up to 10 s for another
//!    `vault` command, so two commands never edit one note from the same old bytes.
//! 3. **Read**, under the lock: the bytes the edit starts from (and their inode).
//! 4. **Edit**: the command's closure makes the new bytes from them.
//! 5. **Verify**: the new bytes, read back, must show the intended fact and have no new
//!    error; a dry run stops here and shows the diff.
//! 6. **Refuse unsafe files**: a hard-linked note (the rename would split it) and a
//!    read-only one (the user protected it).
//! 7. **Write** a temporary file beside the note, with the note's permissions, owner and
//!    group, and sync it to the disk.
//! 8. **Check again**, immediately before the rename: the note must still be the same file
//!    (device and inode: a save by write-and-rename is caught) with the same bytes (a save
//!    in place or an append is caught). Otherwise nothing is written (exit 1).
//! 9. **Exchange** the temporary file with the note in one step (`renameat2` with
//!    `RENAME_EXCHANGE`; a new note is linked into place, which fails if the name was
//!    taken meanwhile), and sync the folder. The file that was the note is not destroyed:
//!    it now has the temporary name.
//! 10. **Settle**: that file must be the one read in step 3 with the bytes read; then it is
//!     removed. Otherwise another program saved the note between step 8 and step 9 (in
//!     place, or by renaming its file over the note): its file is exchanged back, whole,
//!     and the edit is refused. On a file system that cannot exchange, step 9 is a plain
//!     rename and step 10 checks after it (the old file, still open, must hold the bytes
//!     read; a save in place found there is put back).
//!
//! What is not guaranteed: with the plain-rename fallback, an editor that saves by
//! writing another file and renaming it over the note in the microseconds between step 8
//! and step 9 loses that save. An editor that keeps the old file open and writes into it
//! after step 10 writes into a file that is no longer the note. Extended attributes and
//! ACLs of a note are not copied to its new version.

mod lock;
mod replace;

pub use replace::write_atomically;

use std::ffi::OsString;
use std::fs::{self, File, Metadata};
use std::io::{self, Read, Seek};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

use vault_notes::{Note, ReadOptions, Severity, parse_note};

use crate::diff::unified;
use crate::exit::Exit;
use crate::output::visible;
use replace::{Displaced, Temp, sync_folder};

/// One note to write: where it is and how.
#[derive(Debug, Clone, Copy)]
pub struct NoteWrite<'a> {
    /// The vault folder.
    pub root: &'a Path,
    /// The note, relative to the vault with `/` (for messages and the diff).
    pub path: &'a str,
    /// How the vault is read (to read the edited note back, and the size limit).
    pub read: &'a ReadOptions,
    /// Whether the note is new (it must not exist when written).
    pub create: bool,
    /// Show the diff and write nothing.
    pub dry_run: bool,
}

impl<'a> NoteWrite<'a> {
    /// An edit of the existing note `root/path`.
    pub fn edit(root: &'a Path, path: &'a str, read: &'a ReadOptions, dry_run: bool) -> Self {
        NoteWrite {
            root,
            path,
            read,
            create: false,
            dry_run,
        }
    }

    /// A new note at `root/path`.
    pub fn create(root: &'a Path, path: &'a str, read: &'a ReadOptions, dry_run: bool) -> Self {
        NoteWrite {
            create: true,
            ..NoteWrite::edit(root, path, read, dry_run)
        }
    }
}

/// The note as it is on disk when the edit is made (read under the lock).
#[derive(Debug)]
pub struct Before<'a> {
    /// Its bytes (empty for a new note).
    pub bytes: &'a [u8],
    /// The note as the reader sees it (`None` for a new note).
    pub note: Option<Note>,
}

/// What an edit wants written.
pub struct Proposal<H> {
    /// The new bytes of the note.
    pub after: Vec<u8>,
    /// What the edited note must show, for the message when it does not.
    pub fact: String,
    /// Whether the edited note, read back, shows it.
    pub holds: H,
    /// The line printed once it is written.
    pub summary: String,
}

impl<H> std::fmt::Debug for Proposal<H> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Proposal")
            .field("after", &String::from_utf8_lossy(&self.after))
            .field("fact", &self.fact)
            .field("summary", &self.summary)
            .finish_non_exhaustive()
    }
}

/// What [`edit_note`] did.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The note already said so: nothing was written.
    Unchanged(String),
    /// A dry run: the diff, nothing was written.
    Diff(Vec<u8>),
    /// Written; the summary to print.
    Written(String),
}

impl Outcome {
    /// Prints what happened to stdout.
    pub fn print(&self) -> Result<(), Exit> {
        match self {
            Outcome::Unchanged(path) => print(
                format!(
                    "Nothing to change in {}: it already says so\n",
                    visible(path)
                )
                .as_bytes(),
            ),
            // A diff keeps the note's exact bytes, so that it applies with `git apply`.
            Outcome::Diff(diff) => print(diff),
            Outcome::Written(summary) => print(format!("{}\n", visible(summary)).as_bytes()),
        }
    }
}

/// Edits (or creates) one note: lock, read, `edit`, verify, guarded atomic write, check
/// after (the steps and what they guarantee are in the module's documentation).
///
/// `edit` gets the note's bytes as they are under the lock and returns the new bytes with
/// the fact they must show; it may refuse with an error.
pub fn edit_note<H, F>(write: &NoteWrite, edit: F) -> Result<Outcome, Exit>
where
    F: FnOnce(&Before) -> Result<Proposal<H>, Exit>,
    H: FnOnce(&Note) -> bool,
{
    edit_note_with(write, edit, simulate_concurrent_edit)
}

/// [`edit_note`], running `between` on the note's path after the edit is made and before
/// the note is written (tests play an editor saving the note meanwhile with it).
fn edit_note_with<H, F>(
    write: &NoteWrite,
    edit: F,
    between: impl FnOnce(&Path),
) -> Result<Outcome, Exit>
where
    F: FnOnce(&Before) -> Result<Proposal<H>, Exit>,
    H: FnOnce(&Note) -> bool,
{
    let path = write.path;
    let target = Target::resolve(write)?;
    let _lock = if write.dry_run {
        None
    } else {
        Some(lock::lock_folder(&target.folder, path)?)
    };
    let snapshot = if write.create {
        if fs::symlink_metadata(&target.file).is_ok() {
            return Err(Exit::failure(format!("{path} already exists")));
        }
        None
    } else {
        Some(Snapshot::read(
            &target.file,
            path,
            write.read.max_file_bytes,
        )?)
    };
    let before = snapshot.as_ref().map_or(&[][..], |s| s.bytes.as_slice());
    let proposal = edit(&Before {
        bytes: before,
        note: snapshot
            .is_some()
            .then(|| parse_note(path, before, write.read).note),
    })?;
    if !write.create && proposal.after == before {
        return Ok(Outcome::Unchanged(path.to_owned()));
    }
    let Proposal {
        after,
        fact,
        holds,
        summary,
    } = proposal;
    verify(write, before, &after, &fact, holds)?;
    if write.dry_run {
        return Ok(Outcome::Diff(unified(
            path,
            (!write.create).then_some(before),
            &after,
        )));
    }
    if let Some(snapshot) = &snapshot {
        refuse_unsafe_file(path, &snapshot.meta)?;
    }
    between(&write.root.join(path));

    let cannot_write = |e: io::Error| Exit::failure(format!("{path}: cannot write: {e}"));
    let mut temp = Temp::create(&target.folder, &target.name).map_err(cannot_write)?;
    if let Some(snapshot) = &snapshot {
        keep_owner_and_mode(&temp, &snapshot.meta, path)?;
    }
    temp.write_synced(&after).map_err(cannot_write)?;
    pause_at("VAULT_TEST_PAUSE_BEFORE_RENAME");

    let Some(snapshot) = snapshot else {
        link_new_note(temp, &target, path)?;
        return Ok(Outcome::Written(summary));
    };
    let ours = temp.file().metadata().map_err(cannot_write)?;
    // The last check, as close to the exchange as it can be.
    let old = match snapshot.still_on_disk(&target.file) {
        Ok(Some(old)) => old,
        Ok(None) => return Err(changed_on_disk(path)),
        Err(e) => return Err(Exit::failure(format!("{path}: cannot read: {e}"))),
    };
    pause_at("VAULT_TEST_PAUSE_AFTER_CHECK");
    match temp.exchange(&target.file) {
        Ok(displaced) => {
            sync_folder(&target.folder);
            settle_exchange(path, &target, &snapshot, old, &ours, displaced)?;
        }
        // A file system that cannot exchange names: a plain rename, checked after.
        Err((temp, e)) if replace::is_unsupported(&e) => {
            temp.rename_over(&target.file).map_err(cannot_write)?;
            sync_folder(&target.folder);
            check_after(path, &target, &snapshot, old, &ours, &after)?;
        }
        Err((_, e)) => return Err(cannot_write(e)),
    }
    Ok(Outcome::Written(summary))
}

/// After the exchange the note is the edit's file, and `displaced` holds the file that
/// was the note an instant before. Unless that is still the file read, with the bytes read,
/// another program saved the note between the last check and the exchange (in place, or
/// by renaming its own file over the note): its file is put back, whole, and the edit is
/// refused. Nothing is unlinked before it is known to hold nothing new.
fn settle_exchange(
    path: &str,
    target: &Target,
    snapshot: &Snapshot,
    mut old: File,
    ours: &Metadata,
    displaced: Displaced,
) -> Result<(), Exit> {
    let was_read =
        fs::symlink_metadata(displaced.path()).is_ok_and(|meta| same_file(&meta, &snapshot.meta));
    let mut old_now = Vec::new();
    let unchanged = was_read
        && old
            .rewind()
            .and_then(|()| old.read_to_end(&mut old_now))
            .is_ok()
        && old_now == snapshot.bytes;
    if unchanged {
        // Only the version the edit replaced: gone is right.
        let _ = displaced.remove();
        return Ok(());
    }
    let kept = displaced.path().to_path_buf();
    match displaced.exchange_back(&target.file) {
        Ok(edit) => {
            sync_folder(&target.folder);
            let is_edit = fs::symlink_metadata(edit.path()).is_ok_and(|m| same_file(&m, ours));
            if is_edit {
                let _ = edit.remove();
                Err(Exit::failure(format!(
                    "{path}: changed on disk while vault was writing it; the other program's version was kept and nothing was written. Run the command again"
                )))
            } else {
                Err(Exit::failure(format!(
                    "{path}: changed on disk more than once while vault was writing it; the latest version is the note, the one before it is kept as {}",
                    edit.path().display()
                )))
            }
        }
        Err(e) => Err(Exit::failure(format!(
            "{path}: changed on disk while vault was writing it, and putting the other program's version back failed ({e}); it is kept as {}: copy what you need from it",
            kept.display()
        ))),
    }
}

/// The file a note write replaces, after symbolic links.
#[derive(Debug)]
struct Target {
    /// The file itself.
    file: PathBuf,
    /// Its folder (where the temporary file goes, and what is locked).
    folder: PathBuf,
    /// Its file name.
    name: OsString,
}

impl Target {
    fn resolve(write: &NoteWrite) -> Result<Target, Exit> {
        let path = write.path;
        let relative = Path::new(path);
        let inside = relative
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        if !inside || path.is_empty() {
            return Err(Exit::failure(format!(
                "{path}: is not inside the vault; nothing was written"
            )));
        }
        let given = write.root.join(relative);
        let name = given.file_name().map(OsString::from).unwrap_or_default();
        let file = if write.create {
            let folder = given.parent().unwrap_or(write.root);
            if !write.dry_run {
                fs::create_dir_all(folder)
                    .map_err(|e| Exit::failure(format!("{path}: cannot create its folder: {e}")))?;
            }
            fs::canonicalize(folder)
                .unwrap_or_else(|_| folder.to_owned())
                .join(&name)
        } else {
            // A note that is a symbolic link stays one: the file it points at is replaced.
            fs::canonicalize(&given)
                .map_err(|e| Exit::failure(format!("{path}: cannot read: {e}")))?
        };
        let is_md = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"));
        if !is_md {
            return Err(Exit::failure(format!(
                "{path}: is a link to {}, which is not a Markdown note (.md); vault only writes notes, so nothing was written",
                file.display()
            )));
        }
        let folder = file
            .parent()
            .map_or_else(|| write.root.to_owned(), Path::to_owned);
        // The temporary file is named after the file it replaces (a link's target).
        let name = file.file_name().map_or(name, OsString::from);
        Ok(Target { file, folder, name })
    }
}

/// The note as read for the edit.
#[derive(Debug)]
struct Snapshot {
    /// Its metadata when read (owner, mode, links, device and inode).
    meta: Metadata,
    /// Its bytes.
    bytes: Vec<u8>,
}

impl Snapshot {
    /// Reads a regular file of at most `limit` bytes (a FIFO or a device is refused before
    /// it is opened, so reading it cannot block).
    fn read(file: &Path, path: &str, limit: u64) -> Result<Snapshot, Exit> {
        let cannot = |e: io::Error| Exit::failure(format!("{path}: cannot read: {e}"));
        let meta = fs::metadata(file).map_err(cannot)?;
        refuse_non_regular(path, &meta)?;
        let mut handle = File::open(file).map_err(cannot)?;
        let meta = handle.metadata().map_err(cannot)?;
        refuse_non_regular(path, &meta)?;
        if meta.len() > limit {
            return Err(too_large(path, meta.len(), limit));
        }
        let mut bytes = Vec::new();
        (&mut handle)
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
        if bytes.len() as u64 > limit {
            return Err(too_large(path, bytes.len() as u64, limit));
        }
        Ok(Snapshot { meta, bytes })
    }

    /// The note at `file`, opened again, when it is still the same file with the same
    /// bytes; `None` when it changed.
    fn still_on_disk(&self, file: &Path) -> io::Result<Option<File>> {
        let mut now = match File::open(file) {
            Ok(now) => now,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let meta = now.metadata()?;
        if !same_file(&meta, &self.meta) || meta.len() != self.bytes.len() as u64 {
            return Ok(None);
        }
        let mut bytes = Vec::with_capacity(self.bytes.len());
        (&mut now)
            .take(self.bytes.len() as u64 + 1)
            .read_to_end(&mut bytes)?;
        Ok((bytes == self.bytes).then_some(now))
    }
}

fn same_file(a: &Metadata, b: &Metadata) -> bool {
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

fn refuse_non_regular(path: &str, meta: &Metadata) -> Result<(), Exit> {
    if meta.is_file() {
        Ok(())
    } else {
        Err(Exit::failure(format!(
            "{path}: is not a regular file; nothing was written"
        )))
    }
}

fn too_large(path: &str, size: u64, limit: u64) -> Exit {
    Exit::failure(format!(
        "{path}: too large to read ({}, limit {}); nothing was written. Raise `max_file_size` in vault.yaml to edit it",
        human_size(size),
        human_size(limit)
    ))
}

/// `6 MB`, `5.5 MB`, `12 KB`, `300 bytes`.
pub fn human_size(bytes: u64) -> String {
    let (unit, name) = match bytes {
        b if b >= 1 << 30 => (1u64 << 30, "GB"),
        b if b >= 1 << 20 => (1 << 20, "MB"),
        b if b >= 1 << 10 => (1 << 10, "KB"),
        _ => return format!("{bytes} bytes"),
    };
    let tenths = (bytes * 10 + unit / 2) / unit;
    if tenths.is_multiple_of(10) {
        format!("{} {name}", tenths / 10)
    } else {
        format!("{}.{} {name}", tenths / 10, tenths % 10)
    }
}

/// Refuses notes that a rename would harm: hard links and read-only notes.
fn refuse_unsafe_file(path: &str, meta: &Metadata) -> Result<(), Exit> {
    if meta.nlink() > 1 {
        return Err(Exit::failure(format!(
            "{path}: has {} hard links (the same file under other names); writing a new version and renaming it into place would leave the other names with the old text, so nothing was written. Edit it by hand, or replace the other names with symbolic links",
            meta.nlink()
        )));
    }
    let mode = meta.permissions().mode();
    if mode & 0o200 == 0 {
        return Err(Exit::failure(format!(
            "{path}: is read-only (mode {:o}); vault does not change a note you protected, so nothing was written. Make it writable (chmod u+w) to let vault edit it",
            mode & 0o7777
        )));
    }
    Ok(())
}

/// Gives the temporary file the note's owner, group and permissions (the owner first:
/// changing it clears set-id bits).
fn keep_owner_and_mode(temp: &Temp, meta: &Metadata, path: &str) -> Result<(), Exit> {
    let cannot_write = |e: io::Error| Exit::failure(format!("{path}: cannot write: {e}"));
    let now = temp.file().metadata().map_err(cannot_write)?;
    if (now.uid(), now.gid()) != (meta.uid(), meta.gid()) {
        std::os::unix::fs::fchown(temp.file(), Some(meta.uid()), Some(meta.gid())).map_err(
            |e| {
                Exit::failure(format!(
                    "{path}: belongs to user {} and group {}, and its new version cannot be given the same owner ({e}); nothing was written",
                    meta.uid(),
                    meta.gid()
                ))
            },
        )?;
    }
    temp.file()
        .set_permissions(meta.permissions())
        .map_err(cannot_write)
}

/// Puts a new note in place without ever replacing a file: a hard link fails if the name
/// was taken meanwhile. Where a file system has no hard links, the name is checked and the
/// temporary file renamed.
fn link_new_note(temp: Temp, target: &Target, path: &str) -> Result<(), Exit> {
    let taken = || {
        Exit::failure(format!(
            "{path}: was created by something else meanwhile; nothing was written. Run the command again"
        ))
    };
    match fs::hard_link(temp.path(), &target.file) {
        Ok(()) => drop(temp),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(taken()),
        Err(_) => {
            if fs::symlink_metadata(&target.file).is_ok() {
                return Err(taken());
            }
            temp.rename_over(&target.file)
                .map_err(|e| Exit::failure(format!("{path}: cannot write: {e}")))?;
        }
    }
    sync_folder(&target.folder);
    Ok(())
}

fn changed_on_disk(path: &str) -> Exit {
    Exit::failure(format!(
        "{path}: changed on disk since it was read; nothing was written. Run the command again"
    ))
}

/// After the rename: what another program wrote meanwhile must not be lost silently.
fn check_after(
    path: &str,
    target: &Target,
    snapshot: &Snapshot,
    mut old: File,
    ours: &Metadata,
    after: &[u8],
) -> Result<(), Exit> {
    // An editor that saved in place (or appended) between the last check and the rename
    // wrote into the old file, which is no longer the note: put its version back.
    let mut old_now = Vec::new();
    let read_old = old
        .rewind()
        .and_then(|()| old.read_to_end(&mut old_now).map(drop));
    let now = fs::metadata(&target.file).ok();
    let still_ours = now.as_ref().is_some_and(|m| same_file(m, ours));
    if read_old.is_ok() && old_now != snapshot.bytes {
        if still_ours && restore(target, &snapshot.meta, &old_now).is_ok() {
            return Err(Exit::failure(format!(
                "{path}: changed on disk while vault was writing it; the other program's version was put back and nothing was written. Run the command again"
            )));
        }
        return Err(Exit::failure(format!(
            "{path}: changed on disk while vault was writing it, more than once; the note now holds the latest version, and what was saved into the one before it may be lost"
        )));
    }
    if !still_ours {
        return Err(Exit::failure(format!(
            "{path}: was replaced by another program right after vault wrote it; that program's version is kept and vault's change is not in it. Run the command again"
        )));
    }
    if fs::read(&target.file).ok().as_deref() != Some(after) {
        return Err(Exit::failure(format!(
            "{path}: was changed by another program right after vault wrote it; the note holds that program's version, check whether it has vault's change"
        )));
    }
    Ok(())
}

/// Writes `bytes` back over the note, with its owner and mode.
fn restore(target: &Target, meta: &Metadata, bytes: &[u8]) -> io::Result<()> {
    let mut temp = Temp::create(&target.folder, &target.name)?;
    let _ = std::os::unix::fs::fchown(temp.file(), Some(meta.uid()), Some(meta.gid()));
    temp.file().set_permissions(meta.permissions())?;
    temp.write_synced(bytes)?;
    temp.rename_over(&target.file)?;
    sync_folder(&target.folder);
    Ok(())
}

/// Refuses the edit unless the edited note, read back, satisfies `holds` and has no error
/// that the note did not already have. This is the last line of defence against a note
/// shaped in a way the edit did not foresee.
fn verify(
    write: &NoteWrite,
    before: &[u8],
    after: &[u8],
    fact: &str,
    holds: impl FnOnce(&Note) -> bool,
) -> Result<(), Exit> {
    let errors = |diagnostics: &[vault_notes::Diagnostic]| {
        diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    };
    let read_back = parse_note(write.path, after, write.read);
    let had = if write.create {
        0
    } else {
        errors(&parse_note(write.path, before, write.read).diagnostics)
    };
    if errors(&read_back.diagnostics) > had || !holds(&read_back.note) {
        return Err(Exit::failure(format!(
            "{}: the edited note would not read back as {fact}, so nothing was written; the note has a shape vault cannot edit safely, please make the change by hand",
            write.path
        )));
    }
    Ok(())
}

/// Debug builds only: with `VAULT_TEST_EDIT_BEFORE_WRITE=TEXT`, appends TEXT to the note
/// after it was read and before it is written, as an editor or a sync client saving it
/// meanwhile would (the end-to-end tests use it; release builds have no such hook).
#[cfg(debug_assertions)]
fn simulate_concurrent_edit(file: &Path) {
    if let Some(text) = std::env::var_os("VAULT_TEST_EDIT_BEFORE_WRITE") {
        let opened = fs::OpenOptions::new().append(true).create(true).open(file);
        if let Ok(mut note) = opened {
            let _ = std::io::Write::write_all(&mut note, text.as_encoded_bytes());
        }
    }
}

#[cfg(not(debug_assertions))]
fn simulate_concurrent_edit(_: &Path) {}

/// Debug builds only: with `VAULT_TEST_PAUSE_BEFORE_RENAME=DIR`, creates `DIR/ready` once
/// the temporary file is written and synced (where a check made only before writing would
/// leave the note unguarded), then waits, at most 10 s, until `DIR/go` exists, so a test
/// can save the note as an editor would and see the last check catch it.
/// `VAULT_TEST_PAUSE_AFTER_CHECK=DIR` pauses the same way after the last check, right
/// before the exchange, where only the exchange's own check can catch a save.
#[cfg(debug_assertions)]
fn pause_at(variable: &str) {
    let Some(dir) = std::env::var_os(variable) else {
        return;
    };
    let dir = PathBuf::from(dir);
    let _ = fs::write(dir.join("ready"), "");
    let start = std::time::Instant::now();
    while !dir.join("go").exists() && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

#[cfg(not(debug_assertions))]
fn pause_at(_: &str) {}

fn print(bytes: &[u8]) -> Result<(), Exit> {
    crate::output::print_bytes(bytes)
        .map_err(|e| Exit::failure(format!("cannot write output: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;
    use std::io::Write;

    /// What the tests' edits propose.
    type Appended = Result<Proposal<fn(&Note) -> bool>, Exit>;

    /// An edit that appends `line`.
    fn append(line: &'static [u8]) -> impl FnOnce(&Before) -> Appended {
        move |before: &Before| {
            Ok(Proposal {
                after: [before.bytes, line].concat(),
                fact: "a note".into(),
                holds: |_: &Note| true,
                summary: "done".into(),
            })
        }
    }

    #[test]
    fn refuses_when_the_note_changed_in_between() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("A.md"), "one\n").expect("write");
        let options = ReadOptions::default();
        let err = edit_note_with(
            &NoteWrite::edit(dir.path(), "A.md", &options, false),
            append(b"two\n"),
            |file| fs::write(file, "edited elsewhere\n").expect("write"),
        )
        .expect_err("must refuse");
        assert_eq!(err.code, crate::exit::FAILURE);
        assert!(err.message.contains("changed on disk"), "{}", err.message);
        assert_eq!(
            fs::read_to_string(dir.path().join("A.md")).expect("read"),
            "edited elsewhere\n"
        );
    }

    #[test]
    fn refuses_to_create_a_note_that_appeared_in_between() {
        let dir = tempfile::tempdir().expect("tempdir");
        let options = ReadOptions::default();
        let err = edit_note_with(
            &NoteWrite::create(dir.path(), "N.md", &options, false),
            append(b"new\n"),
            |file| fs::write(file, "theirs\n").expect("write"),
        )
        .expect_err("must refuse");
        assert!(
            err.message.contains("created by something else"),
            "{}",
            err.message
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("N.md")).expect("read"),
            "theirs\n"
        );
    }

    #[test]
    fn writes_when_unchanged_and_keeps_permissions() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("A.md");
        fs::write(&file, "one\n").expect("write");
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).expect("chmod");
        let options = ReadOptions::default();
        let outcome = edit_note(
            &NoteWrite::edit(dir.path(), "A.md", &options, false),
            append(b"two\n"),
        )
        .expect("apply");
        assert_eq!(outcome, Outcome::Written("done".into()));
        assert_eq!(fs::read_to_string(&file).expect("read"), "one\ntwo\n");
        let mode = fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let entries: Vec<_> = fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(entries.len(), 1, "no temporary file is left");
    }

    #[test]
    fn a_symbolic_link_stays_a_link() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("real.md"), "one\n").expect("write");
        std::os::unix::fs::symlink("real.md", dir.path().join("A.md")).expect("symlink");
        let options = ReadOptions::default();
        edit_note(
            &NoteWrite::edit(dir.path(), "A.md", &options, false),
            append(b"two\n"),
        )
        .expect("apply");
        assert!(
            fs::symlink_metadata(dir.path().join("A.md"))
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("real.md")).expect("read"),
            "one\ntwo\n"
        );
    }

    #[test]
    fn verify_refuses_an_edit_that_does_not_read_back() {
        let options = ReadOptions::default();
        let write = NoteWrite::edit(Path::new("."), "A.md", &options, true);
        let before = b"---\nname: A\n---\n";
        let err = verify(
            &write,
            before,
            b"---\nname: [A\n---\n",
            "the same name",
            |_| true,
        )
        .expect_err("a YAML error is new");
        assert!(
            err.message.contains("nothing was written"),
            "{}",
            err.message
        );
        let after = b"---\nname: B\n---\n";
        assert!(verify(&write, before, after, "a note", |_| true).is_ok());
        assert!(verify(&write, before, after, "a person", |n| n.person.is_some()).is_err());
    }

    #[test]
    fn paths_out_of_the_vault_and_links_to_other_files_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("rc"), "x\n").expect("write");
        std::os::unix::fs::symlink("rc", dir.path().join("A.md")).expect("symlink");
        let options = ReadOptions::default();
        for path in ["../A.md", "/etc/A.md", "A.md", ""] {
            let err = edit_note(
                &NoteWrite::edit(dir.path(), path, &options, false),
                append(b"two\n"),
            )
            .expect_err(path);
            assert!(
                err.message.contains("nothing was written"),
                "{}",
                err.message
            );
        }
        assert_eq!(
            fs::read_to_string(dir.path().join("rc")).expect("read"),
            "x\n"
        );
    }

    #[test]
    fn a_save_into_the_old_file_during_the_rename_is_put_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("A.md");
        fs::write(&file, "one\n").expect("write");
        let options = ReadOptions::default();
        let target =
            Target::resolve(&NoteWrite::edit(dir.path(), "A.md", &options, false)).expect("target");
        let snapshot = Snapshot::read(&target.file, "A.md", 1 << 20).expect("read");
        let old = snapshot
            .still_on_disk(&target.file)
            .expect("check")
            .expect("unchanged");
        // An editor has the note open, and saves in place just as vault renames.
        let mut editor = fs::OpenOptions::new()
            .write(true)
            .open(&file)
            .expect("open");
        let mut temp = Temp::create(dir.path(), OsStr::new("A.md")).expect("temp");
        temp.write_synced(b"one\ntwo\n").expect("write");
        let ours = temp.file().metadata().expect("meta");
        temp.rename_over(&file).expect("rename");
        editor.write_all(b"one\nedited\n").expect("save");
        drop(editor);
        let err = check_after("A.md", &target, &snapshot, old, &ours, b"one\ntwo\n")
            .expect_err("the save is seen");
        assert!(err.message.contains("put back"), "{}", err.message);
        assert_eq!(fs::read_to_string(&file).expect("read"), "one\nedited\n");
    }

    #[test]
    fn a_note_replaced_right_after_the_rename_is_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("A.md");
        fs::write(&file, "one\n").expect("write");
        let options = ReadOptions::default();
        let target =
            Target::resolve(&NoteWrite::edit(dir.path(), "A.md", &options, false)).expect("target");
        let snapshot = Snapshot::read(&target.file, "A.md", 1 << 20).expect("read");
        let old = snapshot
            .still_on_disk(&target.file)
            .expect("check")
            .expect("unchanged");
        let mut temp = Temp::create(dir.path(), OsStr::new("A.md")).expect("temp");
        temp.write_synced(b"one\ntwo\n").expect("write");
        let ours = temp.file().metadata().expect("meta");
        temp.rename_over(&file).expect("rename");
        fs::write(dir.path().join("swap"), "theirs\n").expect("write");
        fs::rename(dir.path().join("swap"), &file).expect("rename");
        let err = check_after("A.md", &target, &snapshot, old, &ours, b"one\ntwo\n")
            .expect_err("the replacement is seen");
        assert!(err.message.contains("replaced"), "{}", err.message);
        assert_eq!(fs::read_to_string(&file).expect("read"), "theirs\n");
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(300), "300 bytes");
        assert_eq!(human_size(6 << 20), "6 MB");
        assert_eq!(human_size(5 * 1024 * 1024 + 512 * 1024), "5.5 MB");
        assert_eq!(human_size(12 * 1024), "12 KB");
    }
}
