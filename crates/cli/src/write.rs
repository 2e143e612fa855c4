//! Writing a note back: a dry run shows the diff; a real run checks that the edited note
//! reads back as intended, refuses when the note changed on disk since it was read, then
//! replaces it atomically (keeping its permissions, and a symbolic link pointing at it).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use vault_notes::{Note, ReadOptions, Severity, parse_note};

use crate::diff::unified;
use crate::exit::Exit;
use crate::output::write_atomically;

/// One edit of one note.
#[derive(Debug)]
pub struct Change {
    /// The note, relative to the vault (for messages and the diff).
    pub path: String,
    /// The note on disk.
    pub file: PathBuf,
    /// The bytes it had when read (empty for a new note).
    pub before: Vec<u8>,
    /// The bytes it gets.
    pub after: Vec<u8>,
    /// Whether the note is new (it must not exist when written).
    pub create: bool,
}

impl Change {
    /// An edit of the note at `root/path`, reading its current bytes (`after` starts as a
    /// copy of them).
    pub fn read(root: &Path, path: &str) -> Result<Change, Exit> {
        let file = root.join(path);
        let before =
            fs::read(&file).map_err(|e| Exit::failure(format!("{path}: cannot read: {e}")))?;
        Ok(Change {
            path: path.to_owned(),
            file,
            after: before.clone(),
            before,
            create: false,
        })
    }

    /// The note before the edit, as the reader sees it (`None` for a new note).
    pub fn read_before(&self, options: &ReadOptions) -> Option<Note> {
        (!self.create).then(|| parse_note(&self.path, &self.before, options).note)
    }

    /// Refuses the edit unless the edited note, read back with `options`, satisfies
    /// `holds` and has no error that the note did not already have. `fact` says what was
    /// expected, for the message. This is the last line of defence against a note shaped
    /// in a way the edit did not foresee.
    pub fn verify(
        &self,
        options: &ReadOptions,
        fact: &str,
        holds: impl FnOnce(&Note) -> bool,
    ) -> Result<(), Exit> {
        let errors = |bytes: &[u8]| {
            parse_note(&self.path, bytes, options)
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count()
        };
        let after = parse_note(&self.path, &self.after, options);
        let new_errors = after
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
            > if self.create { 0 } else { errors(&self.before) };
        if new_errors || !holds(&after.note) {
            return Err(Exit::failure(format!(
                "{}: the edited note would not read back as {fact}, so nothing was written; the note has a shape vault cannot edit safely, please make the change by hand",
                self.path
            )));
        }
        Ok(())
    }

    /// Shows the diff (`dry_run`) or writes the note and prints `summary`.
    pub fn apply(&self, dry_run: bool, summary: &str) -> Result<(), Exit> {
        self.apply_checked(dry_run, summary, || simulate_concurrent_edit(&self.file))
    }

    /// Like [`Change::apply`], running `between` after the note was read and before it is
    /// checked again (tests use it to play an editor saving the note in between).
    pub fn apply_checked(
        &self,
        dry_run: bool,
        summary: &str,
        between: impl FnOnce(),
    ) -> Result<(), Exit> {
        if !self.create && self.after == self.before {
            return print(
                format!("Nothing to change in {}: it already says so\n", self.path).as_bytes(),
            );
        }
        if dry_run {
            let before = (!self.create).then_some(self.before.as_slice());
            return print(&unified(&self.path, before, &self.after));
        }
        between();
        let now = match fs::read(&self.file) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(Exit::failure(format!("{}: cannot read: {e}", self.path))),
        };
        let unchanged = if self.create {
            now.is_none()
        } else {
            now.as_deref() == Some(self.before.as_slice())
        };
        if !unchanged {
            return Err(Exit::failure(format!(
                "{}: {}; nothing was written. Run the command again",
                self.path,
                if self.create {
                    "was created by something else meanwhile"
                } else {
                    "changed on disk since it was read"
                }
            )));
        }
        // A note that is a symbolic link stays one: the file it points at is replaced.
        let target = if self.create {
            self.file.clone()
        } else {
            fs::canonicalize(&self.file).unwrap_or_else(|_| self.file.clone())
        };
        write_atomically(&target, &self.after)
            .map_err(|e| Exit::failure(format!("{}: cannot write: {e}", self.path)))?;
        print(format!("{summary}\n").as_bytes())
    }
}

/// Debug builds only: with `VAULT_TEST_EDIT_BEFORE_WRITE=TEXT`, appends TEXT to the note
/// after it was read and before it is checked again, as an editor or a sync client saving
/// it meanwhile would (the end-to-end tests use it; release builds have no such hook).
#[cfg(debug_assertions)]
fn simulate_concurrent_edit(file: &Path) {
    if let Some(text) = std::env::var_os("VAULT_TEST_EDIT_BEFORE_WRITE") {
        let opened = fs::OpenOptions::new().append(true).create(true).open(file);
        if let Ok(mut note) = opened {
            let _ = note.write_all(text.as_encoded_bytes());
        }
    }
}

#[cfg(not(debug_assertions))]
fn simulate_concurrent_edit(_: &Path) {}

/// Debug builds only: with `VAULT_TEST_PAUSE_BEFORE_RENAME=DIR`, creates `DIR/ready` once
/// the temporary file is written and synced, then waits (at most 10 s) until `DIR/go`
/// exists, so a test can save the note as an editor would while `vault` writes it.
#[cfg(debug_assertions)]
pub fn pause_before_rename() {
    let Some(dir) = std::env::var_os("VAULT_TEST_PAUSE_BEFORE_RENAME") else {
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
pub fn pause_before_rename() {}

/// Writes `bytes` to stdout (a diff keeps the note's own bytes). A closed pipe is not an
/// error.
fn print(bytes: &[u8]) -> Result<(), Exit> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Exit::failure(format!("cannot write output: {e}")))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_when_the_note_changed_in_between() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("A.md"), "one\n").expect("write");
        let mut change = Change::read(dir.path(), "A.md").expect("read");
        change.after = [change.before.as_slice(), b"two\n"].concat();
        let err = change
            .apply_checked(false, "done", || {
                fs::write(dir.path().join("A.md"), "edited elsewhere\n").expect("write");
            })
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
        let change = Change {
            path: "N.md".into(),
            file: dir.path().join("N.md"),
            before: Vec::new(),
            after: b"new\n".to_vec(),
            create: true,
        };
        let err = change
            .apply_checked(false, "done", || {
                fs::write(dir.path().join("N.md"), "theirs\n").expect("write");
            })
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
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("A.md");
        fs::write(&file, "one\n").expect("write");
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).expect("chmod");
        let mut change = Change::read(dir.path(), "A.md").expect("read");
        change.after = b"one\ntwo\n".to_vec();
        change.apply(false, "done").expect("apply");
        assert_eq!(fs::read_to_string(&file).expect("read"), "one\ntwo\n");
        let mode = fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn a_symbolic_link_stays_a_link() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("real.md"), "one\n").expect("write");
        std::os::unix::fs::symlink("real.md", dir.path().join("A.md")).expect("symlink");
        let mut change = Change::read(dir.path(), "A.md").expect("read");
        change.after = b"one\ntwo\n".to_vec();
        change.apply(false, "done").expect("apply");
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
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("A.md"), "---\nname: A\n---\n").expect("write");
        let mut change = Change::read(dir.path(), "A.md").expect("read");
        let options = ReadOptions::default();
        change.after = b"---\nname: [A\n---\n".to_vec();
        let err = change
            .verify(&options, "the same name", |_| true)
            .expect_err("a YAML error is new");
        assert!(
            err.message.contains("nothing was written"),
            "{}",
            err.message
        );
        change.after = b"---\nname: B\n---\n".to_vec();
        assert!(change.verify(&options, "a note", |_| true).is_ok());
        assert!(
            change
                .verify(&options, "a person", |n| n.person.is_some())
                .is_err()
        );
    }
}
