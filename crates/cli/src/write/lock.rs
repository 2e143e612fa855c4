//! Serialising `vault` writers of one note: an advisory lock on the note's folder.
//!
//! The lock is on the folder that holds the note (after symbolic links are resolved), not
//! on the note, and not on a lock file:
//! - the note itself cannot carry it: a write replaces the note by renaming a new file over
//!   it, so a lock on the old file would no longer guard the name once renamed, and the
//!   next writer would lock the new file while the previous one still holds the old;
//! - the folder is what the rename changes, it survives every write, and every path to the
//!   note (another `--vault`, a linked folder) leads to the same folder;
//! - no file is created: nothing shows up in the vault, in Obsidian or in `git status`,
//!   and there is no stale lock file to clean up after a crash (the operating system drops
//!   the lock with the process).
//!
//! It serialises writers of the notes of one folder, which costs nothing noticeable: a
//! write holds it for the few milliseconds of one read, one edit and one synced write. It
//! is advisory: editors do not take it, which is why the write is also checked against the
//! bytes on disk (see [`super`]).

use std::fs::{File, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::exit::Exit;

/// How long a writer waits for another one to finish.
const TIMEOUT: Duration = Duration::from_secs(10);

/// A held lock, released when dropped (or when the process ends, however it ends).
#[derive(Debug)]
pub struct FolderLock {
    _folder: File,
}

/// Locks `folder` for writing the note `path` (relative, for messages), waiting up to
/// 10 s for another `vault` command that holds it.
pub fn lock_folder(folder: &Path, path: &str) -> Result<FolderLock, Exit> {
    let handle = File::open(folder).map_err(|e| {
        Exit::failure(format!(
            "{path}: cannot open its folder to lock it: {e}; nothing was written"
        ))
    })?;
    let timeout = timeout();
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        match handle.try_lock() {
            Ok(()) => return Ok(FolderLock { _folder: handle }),
            Err(TryLockError::WouldBlock) if start.elapsed() < timeout => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(25));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(Exit::failure(format!(
                    "{path}: another vault command is writing in its folder and did not finish within {} s; nothing was written. Run the command again",
                    timeout.as_secs_f32()
                )));
            }
            Err(TryLockError::Error(e)) => {
                return Err(Exit::failure(format!(
                    "{path}: cannot lock its folder ({e}), so vault cannot keep two of its commands from writing the note at once; nothing was written"
                )));
            }
        }
    }
}

/// Debug builds only: `VAULT_TEST_LOCK_TIMEOUT_MS` shortens the wait, for the tests.
#[cfg(debug_assertions)]
fn timeout() -> Duration {
    std::env::var("VAULT_TEST_LOCK_TIMEOUT_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(TIMEOUT, Duration::from_millis)
}

#[cfg(not(debug_assertions))]
fn timeout() -> Duration {
    TIMEOUT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = lock_folder(dir.path(), "A.md").expect("lock");
        let other = File::open(dir.path()).expect("open");
        assert!(matches!(other.try_lock(), Err(TryLockError::WouldBlock)));
        drop(first);
        assert!(other.try_lock().is_ok());
    }
}
