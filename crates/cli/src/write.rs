//! Writing a note back: a dry run shows the diff; a real run refuses when the note changed
//! on disk since it was read, then replaces it atomically.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diff::unified;
use crate::exit::Exit;
use crate::output::{print, write_atomically};

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

    /// Shows the diff (`dry_run`) or writes the note and prints `summary`.
    pub fn apply(&self, dry_run: bool, summary: &str) -> Result<(), Exit> {
        self.apply_checked(dry_run, summary, || {})
    }

    /// Like [`Change::apply`], running `between` after the note was read and before it is
    /// checked again (tests use it to play an editor saving the note in between).
    pub fn apply_checked(
        &self,
        dry_run: bool,
        summary: &str,
        between: impl FnOnce(),
    ) -> Result<(), Exit> {
        let out = |text: &str| {
            print(text).map_err(|e| Exit::failure(format!("cannot write output: {e}")))
        };
        if !self.create && self.after == self.before {
            return out(&format!(
                "Nothing to change in {}: it already says so\n",
                self.path
            ));
        }
        if dry_run {
            return out(&unified(&self.path, &self.before, &self.after));
        }
        between();
        let now = match fs::read(&self.file) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
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
        write_atomically(&self.file, &self.after)
            .map_err(|e| Exit::failure(format!("{}: cannot write: {e}", self.path)))?;
        out(&format!("{summary}\n"))
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
}
